@testable import BoneMetRules
import Testing

/// Unseen record cb151-b (2026-12-07): a breast cancer diagnosed in April 2019, on letrozole +
/// palbociclib and denosumab 120 mg every 4 weeks ("地舒单抗 120mg q4w", its schedule only in its
/// name) from March 2022; the denosumab stopped in February 2025. T12 was blastic and whole on the
/// MRI of December 2024; on the MRI of November 2025 T12, L1 and L2 had collapsed, L1 and L2 with
/// no destruction. Two readings were wrong:
/// - "3 vertebral fractures after denosumab was stopped: T12 …" — T12 was a tumour before it
///   broke: a rebound fracture has no sclerotic forerunner;
/// - "Biopsy indicated: long disease-free interval (5 years)" — denosumab on the metastatic
///   schedule since 2022 says the bone disease was known then; the schedule written in the name
///   was not read there.
/// Rule set 2026.12.398.
@Suite struct BlasticVertebraBeforeTheReboundTests {
    func record(blasticOnTheFirstMRI: Bool = true, denosumabName: String = "地舒单抗 120mg q4w", blasticCollapsedFirst: Bool = false, firstMRI: String = "2024-12-01") -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2019-04-01"), hormoneDependent: true)]
        r.lesions = [
            Lesion(id: "A", bone: .vertebra, level: VertebralLevel("T12")),
            Lesion(id: "B", bone: .vertebra, level: VertebralLevel("L1")),
            Lesion(id: "C", bone: .vertebra, level: VertebralLevel("L2")),
        ]
        r.studies = [
            ImagingStudy(id: "M0", date: day(firstMRI), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [
                observation("A", blasticOnTheFirstMRI ? .blastic : nil) { $0.collapse = blasticCollapsedFirst ? .under50 : SINS.Collapse.none },
                observation("B") { $0.collapse = SINS.Collapse.none },
                observation("C") { $0.collapse = SINS.Collapse.none },
            ]),
            ImagingStudy(id: "M1", date: day("2025-11-12"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [
                observation("A", .blastic) { $0.collapse = .under50 },
                observation("B") { $0.collapse = .over50; $0.fracture = true; $0.boneDestruction = false },
                observation("C") { $0.collapse = .under50; $0.fracture = true; $0.boneDestruction = false },
            ]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "来曲唑+哌柏西利", start: day("2022-03-01")),
            Treatment(id: "D1", kind: .boneModifyingAgent, name: denosumabName, start: day("2022-03-01"), end: day("2025-02-15"), stopReason: .patientChoice, agent: .denosumab),
        ]
        return r
    }

    func assessed(_ r: CaseRecord) -> Assessment { assess(r, asOf: day("2025-11-13")) }

    @Test func aVertebraBlasticAndWholeBeforeItBrokeIsATumourThere() throws {
        let a = assessed(record())
        let rebound = try #require(a.rule("diagnosis.differential.fractureAfterDenosumab").first)
        #expect(rebound.title.en == "2 vertebral fractures after denosumab was stopped (2025-02-15): L1 vertebra; L2 vertebra — rebound fractures in the differential")
        #expect(rebound.inputs.first { $0.name == "lesions" }?.value == "B,C")
        // T12's collapse is an event at a metastasis; L1 and L2 wait for a tumour to be seen.
        let events = try #require(a.rule("boneAgents.sreHistory").first)
        #expect(events.detail.en.hasPrefix("2025-11-12 pathological fracture, T12 vertebra (seen on MRI). Not counted until a metastasis is seen there"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // No blastic reading before the collapse: T12 is one of the three.
        let unread = try #require(assessed(record(blasticOnTheFirstMRI: false)).rule("diagnosis.differential.fractureAfterDenosumab").first)
        #expect(unread.inputs.first { $0.name == "lesions" }?.value == "A,B,C")
        // Blastic and whole after the stop, before the break: a tumour all the same.
        let afterTheStop = try #require(assessed(record(firstMRI: "2025-04-01")).rule("diagnosis.differential.fractureAfterDenosumab").first)
        #expect(afterTheStop.inputs.first { $0.name == "lesions" }?.value == "B,C")
        // Blastic on the study that first shows it collapsed: the fracture's own sclerosis.
        let collapsed = try #require(assessed(record(blasticCollapsedFirst: true, firstMRI: "2025-04-01")).rule("diagnosis.differential.fractureAfterDenosumab").first)
        #expect(collapsed.inputs.first { $0.name == "lesions" }?.value == "A,B,C")
    }

    @Test func theScheduleWrittenInTheNameEndsTheDiseaseFreeInterval() {
        #expect(!assessed(record()).has("diagnosis.biopsy.indicated"))
        // Its fields say the same.
        var fields = record(denosumabName: "地舒单抗")
        fields.treatments[1].doseMg = 120
        fields.treatments[1].intervalWeeks = 4
        #expect(!assessed(fields).has("diagnosis.biopsy.indicated"))
        // Neither written: the first study on record ends the interval (5.7 years).
        #expect(assessed(record(denosumabName: "地舒单抗")).has("diagnosis.biopsy.indicated"))
        // The bone-loss dose (60 mg every 6 months) is no metastatic schedule.
        #expect(assessed(record(denosumabName: "地舒单抗 60mg q26w")).has("diagnosis.biopsy.indicated"))
    }
}

/// Unseen record cb151-e (2026-12-07): a prostate cancer diagnosed in March 2025, goserelin +
/// enzalutamide from 2025-03-20, PSA 86 → 2.1 ng/mL in June, no castration status written. The
/// bone-agent finding read it castration-sensitive ("a cancer responding to its first androgen
/// deprivation"); New Katagiri read "prostate → 0–2, not settled". A cancer responding to its
/// hormonal therapy is hormone-dependent — slow growth (Katagiri 2014). Rule set 2026.12.398.
@Suite struct ProstatePSAFallUnderTheFirstADTTests {
    func record(psa: [(String, Double)] = [("2025-03-09", 86), ("2025-06-04", 2.1)], castrationResistant: Bool? = nil) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2025-03-01"), castrationResistant: castrationResistant)]
        r.lesions = [Lesion(id: "A", bone: .pelvis), Lesion(id: "B", bone: .vertebra, level: VertebralLevel("L4"))]
        r.studies = [ct("C1", "2025-03-10", [observation("A", .blastic), observation("B", .blastic)])]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "戈舍瑞林+恩扎卢胺", start: day("2025-03-20"))]
        r.labs = psa.map { LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL") }
        return r
    }

    func katagiri(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2025-06-06")).rule("surgery.prognosis.katagiri").first)
    }

    @Test func aFallingPSAReadsHormoneDependent() throws {
        let finding = try katagiri(record())
        #expect(finding.detail.en.hasPrefix("From the record: primary lesion: prostate (slow growth) → 0;"))
        #expect(finding.detail.en.hasSuffix("Hormone-dependent prostate cancer read from the PSA's fall under its first androgen deprivation (戈舍瑞林+恩扎卢胺 2025-03-20: 86 → 2.1 ng/mL) — unless earlier hormonal therapy is missing from the record; record the castration status."))
        #expect(finding.detail.zhHans.contains("前列腺癌激素依赖性依据首次雄激素剥夺治疗下 PSA 下降判断"))
        // No PSA after the start: not settled.
        let unsettled = try katagiri(record(psa: [("2025-03-09", 86)]))
        #expect(unsettled.detail.en.hasPrefix("From the record: primary lesion: prostate → 0–2;"))
        #expect(!unsettled.detail.en.contains("PSA's fall"))
        // A castration status written stands, and is not explained again.
        let written = try katagiri(record(castrationResistant: true))
        #expect(written.detail.en.hasPrefix("From the record: primary lesion: prostate (moderate growth) → 2;"))
        #expect(!written.detail.en.contains("PSA's fall"))
    }
}

/// Unseen EHR bundle ehr2 (2026-12-07): a prostate cancer on leuprorelin since March 2022 with
/// abiraterone + prednisone begun with it and stopped in July 2025 (no reason sent), docetaxel from
/// 2025-07-15; PSA 4.0 → 12.2 → 38.5 ng/mL (March, June, September 2025), testosterone 18 ng/dL.
/// It read "record the castration status": the rise fell in abiraterone's window, its confirmation
/// in docetaxel's, and neither regimen progressed on its own values. Castration resistance asks
/// whether the disease progressed while castrate (PCWG3, Scher 2016). Rule set 2026.12.398.
@Suite struct CastrationResistanceAcrossAddedRegimensTests {
    func record(
        psa: [(String, Double)] = [("2025-03-15", 4.0), ("2025-06-20", 12.2), ("2025-09-28", 38.5)],
        testosterone: Double = 18, deprivationEnd: String? = nil
    ) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.patient.birthDate = day("1949-11-02")
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2022-02-14"))]
        r.lesions = [Lesion(id: "A", bone: .vertebra, level: VertebralLevel("L4")), Lesion(id: "B", bone: .pelvis)]
        r.studies = [ct("C1", "2024-06-03", [observation("A", .blastic), observation("B", .blastic)])]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "leuprolide 22.5 mg q12w", start: day("2022-03-01"), end: deprivationEnd.map(day)),
            Treatment(id: "T2", kind: .systemic, name: "abiraterone acetate + prednisone", start: day("2022-03-01"), end: day("2025-07-01")),
            Treatment(id: "T3", kind: .systemic, name: "docetaxel 75 mg/m2 q3w", start: day("2025-07-15")),
        ]
        r.labs = psa.map { LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL") }
            + [LabResult(date: day("2025-09-28"), test: .testosterone, value: testosterone, unit: "ng/dL")]
        return r
    }

    @Test func aRiseConfirmedUnderTheSameDeprivationIsCastrationResistance() throws {
        let finding = try indicationFinding(record(), asOf: "2025-10-01")
        #expect(finding.detail.en.hasPrefix("Castration-resistant prostate cancer (PCWG3): PSA progresses under androgen deprivation (since 2022-03-01: 4 → 12.2 → 38.5 ng/mL, confirmed 2025-09-28) with testosterone at castrate level (18 ng/dL, 2025-09-28; < 50 ng/dL). With bone metastases: start"))
        #expect(finding.detail.zhHans.hasPrefix("去势抵抗性前列腺癌（PCWG3）：雄激素剥夺治疗中 PSA 进展（2022-03-01 起：4 → 12.2 → 38.5 ng/mL，2025-09-28 确认）"))
        // New Katagiri reads the same cancer hormone-independent.
        let katagiri = try #require(assess(record(), asOf: day("2025-10-01")).rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.hasPrefix("From the record: primary lesion: prostate (moderate growth) → 2;"))
    }

    @Test func whatDoesNotSettleIt() throws {
        // Testosterone not castrate (≥ 50 ng/dL): not settled this way.
        #expect(!(try indicationFinding(record(testosterone: 50), asOf: "2025-10-01")).detail.en.hasPrefix("Castration-resistant"))
        #expect(try indicationFinding(record(testosterone: 49), asOf: "2025-10-01").detail.en.hasPrefix("Castration-resistant"))
        // The confirming value less than 3 weeks after the rise.
        let early = record(psa: [("2025-03-15", 4.0), ("2025-06-20", 12.2), ("2025-07-10", 38.5)])
        #expect(!(try indicationFinding(early, asOf: "2025-10-01")).detail.en.hasPrefix("Castration-resistant"))
        let threeWeeks = record(psa: [("2025-03-15", 4.0), ("2025-06-20", 12.2), ("2025-07-11", 38.5)])
        #expect(try indicationFinding(threeWeeks, asOf: "2025-10-01").detail.en.hasPrefix("Castration-resistant"))
        // A rise below PCWG3's 2 ng/mL.
        let small = record(psa: [("2025-03-15", 4.0), ("2025-06-20", 5.9), ("2025-09-28", 5.9)])
        #expect(!(try indicationFinding(small, asOf: "2025-10-01")).detail.en.hasPrefix("Castration-resistant"))
        // The deprivation ended with abiraterone: docetaxel's value is not under it.
        #expect(!(try indicationFinding(record(deprivationEnd: "2025-07-01"), asOf: "2025-10-01")).detail.en.hasPrefix("Castration-resistant"))
    }
}

/// Unseen record cb153-a (2026-12-07): a renal-cell cancer's compression event entered at its
/// fractured right humerus counted as "spinal cord compression, right humerus, diaphysis" among
/// the skeletal-related events, and no spine finding read it. Rule set 2026.12.399.
@Suite struct CordCompressionAtALimbBoneTests {
    func record(at lesion: String, resolved: Bool? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "H", bone: .humerus, segment: .diaphysis, laterality: .right),
            Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T9")),
            Lesion(id: "R", bone: .rib, laterality: .left),
        ]
        r.studies = [ct("C1", "2025-10-04", [
            observation("H", .lytic) { $0.boneDestruction = true },
            observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
            observation("R", .lytic) { $0.boneDestruction = true },
        ])]
        r.events = [ClinicalEvent(date: day("2025-10-03"), kind: .cordCompression, lesion: lesion, resolved: resolved)]
        return r
    }

    @Test func aCompressionAtALimbBoneIsARecordToCorrect() throws {
        let a = assess(record(at: "H"), asOf: day("2025-10-05"))
        let finding = try #require(a.rule("diagnosis.record.eventSite").first)
        #expect(finding.title.en == "Spinal cord compression recorded at right humerus, diaphysis (2025-10-03) — not a spinal bone: correct the record")
        #expect(finding.detail.en.hasSuffix("If the patient has a compression now, it is an emergency whatever lesion it was entered against: MRI of the whole spine within 24 hours, dexamethasone 16 mg, definitive treatment within 24 hours of the confirming MRI (NICE NG234)."))
        #expect(finding.severity == .warning && finding.specialty == .mdtCoordinator)
        #expect(!(a.rule("boneAgents.sreHistory").first?.detail.en.contains("spinal cord compression") ?? false))
        // Resolved: no emergency sentence, still to correct.
        let resolved = try #require(assess(record(at: "H", resolved: true), asOf: day("2025-10-05")).rule("diagnosis.record.eventSite").first)
        #expect(!resolved.detail.en.contains("emergency"))
    }

    @Test func aSpinalBoneOrARibStands() throws {
        for lesion in ["V", "R"] {
            let a = assess(record(at: lesion), asOf: day("2025-10-05"))
            #expect(!a.has("diagnosis.record.eventSite"))
            let events = try #require(a.rule("boneAgents.sreHistory").first)
            #expect(events.detail.en.contains("spinal cord compression"))
        }
    }
}

/// Unseen record cb153-b (2026-12-07): a breast cancer's T7 compressing the cord (ESCC 2,
/// myelopathy, Frankel D recorded at T7) under radiotherapy, and a blastic L1, ESCC 0, stable,
/// its pain unrecorded: L1 read "Stable, low-grade: conventional radiotherapy" — a directive, where
/// a level whose pain is not on record reads the technique as a condition. T7's deficit does not
/// call for treating L1. Rule set 2026.12.400.
@Suite struct LowGradeLevelBesideAnotherLevelsDeficitTests {
    func record(neurologyAt lesion: String? = "T") -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T", bone: .vertebra, level: VertebralLevel("T7")), Lesion(id: "L", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [
            ImagingStudy(id: "M1", date: day("2025-07-02"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [
                observation("T", .lytic) { $0.boneDestruction = true; $0.escc = .g2; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral },
                observation("L", .blastic) { $0.escc = .g0; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
            ]),
        ]
        r.treatments.append(Treatment(id: "R1", kind: .radiotherapy, name: "T6-T8 30Gy/10F", lesions: ["T"], start: day("2025-07-03")))
        r.pain = [PainRecord(date: day("2025-07-02"), lesion: "T", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2025-07-02"), status: .myelopathy, frankel: .D, lesion: lesion)]
        return r
    }

    func lowGrade(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2025-07-05")).rule("surgery.spine.noms").first { $0.subject == .lesion("L") })
    }

    @Test func anotherLevelsDeficitLeavesThisLevelsTreatmentAQuestion() throws {
        let finding = try lowGrade(record())
        #expect(finding.detail.en.hasSuffix("Stable, low-grade: if it is treated locally, conventional radiotherapy. Its pain is not on record — pain or neurological signs are what usually call for it; record the pain."))
        // A myelopathy recorded at L1 itself is its own: the plain reading stands.
        let own = try lowGrade(record(neurologyAt: "L"))
        #expect(!own.detail.en.contains("if it is treated locally"))
    }
}

/// Unseen record cb153-d (2026-12-07): a breast cancer of 2016 and a lung adenocarcinoma of 2025,
/// an L3 and a peritrochanteric femur lytic on the staging PET-CT, each "biopsy indicated: more
/// than one candidate primary" — and no word on EDTA, which either cancer's tests need.
/// Rule set 2026.12.400.
@Suite struct TwoCandidatePrimariesDecalcificationTests {
    func record(second: PrimarySite = .lung, histology: String = "肺腺癌") -> CaseRecord {
        var r = baseCase()
        r.primaries = [
            PrimaryCancer(id: "P1", site: .breast, histology: "乳腺浸润性导管癌 ER+", diagnosed: day("2016-05-01")),
            PrimaryCancer(id: "P2", site: second, histology: histology, diagnosed: day("2025-07-20")),
        ]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L3"))]
        r.studies = [ct("C1", "2025-07-25", [observation("L1", .lytic) { $0.boneDestruction = true }])]
        r.treatments = []
        return r
    }

    @Test func eitherCancersTestsAskForEDTA() throws {
        let a = assess(record(), asOf: day("2025-08-02"))
        #expect(a.has("diagnosis.biopsy.indicated", subject: .lesion("L1")))
        let edta = try #require(a.rule("diagnosis.biopsy.edta").first)
        #expect(edta.detail.en == "The cancer's bone metastases are tested for ER/PR/HER2 in-situ hybridisation and DNA/RNA, or EGFR, ALK and other driver-gene tests (DNA/RNA, FISH), which acid decalcifiers ruin. Request EDTA decalcification on the biopsy form.")
        // Breast beside a prostate cancer: the breast cancer's tests are at stake.
        let prostate = try #require(assess(record(second: .prostate, histology: "前列腺腺癌"), asOf: day("2025-08-02")).rule("diagnosis.biopsy.edta").first)
        #expect(prostate.detail.en.hasPrefix("The cancer's bone metastases are tested for ER/PR/HER2 in-situ hybridisation and DNA/RNA, which"))
        // Neither has tests of its own (small-cell lung and prostate): none asked.
        var neither = record(second: .lung, histology: "小细胞肺癌")
        neither.primaries[0] = PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2016-05-01"))
        #expect(!assess(neither, asOf: day("2025-08-02")).has("diagnosis.biopsy.edta"))
    }
}

/// A generated record (s10/g403, 2026-12-07): a calcium of 8.4 mg/dL (no albumin) in March read
/// "Hypocalcaemia … give calcium and vitamin D" beside "Calcium and vitamin D supplements: hold
/// until calcium is measured" for a hypercalcaemia recorded in May with no calcium since — the
/// property net's contradiction on supplements. The older low value is overtaken by the later
/// hypercalcaemia. Rule set 2026.12.401.
@Suite struct HypocalcaemiaOvertakenByARecordedHypercalcaemiaTests {
    func record(hypercalcaemiaOn: String?, calciumOn: String = "2025-03-12") -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(id: "Z1", kind: .boneModifyingAgent, start: day("2025-01-10"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4))
        r.labs = [LabResult(date: day(calciumOn), test: .calcium, value: 8.4, unit: "mg/dL")]
        r.events = hypercalcaemiaOn.map { [ClinicalEvent(date: day($0), kind: .hypercalcaemia)] } ?? []
        return r
    }

    @Test func theLaterHypercalcaemiaOvertakesTheLowValue() {
        let a = assess(record(hypercalcaemiaOn: "2025-05-03"), asOf: day("2025-08-29"))
        #expect(!a.has("labs.hypocalcaemia"))
        #expect(a.has("labs.hypercalcaemiaRecorded"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // No hypercalcaemia recorded: the low value is read.
        #expect(assess(record(hypercalcaemiaOn: nil), asOf: day("2025-08-29")).has("labs.hypocalcaemia"))
        // The calcium measured on the day of the event or after it stands.
        #expect(assess(record(hypercalcaemiaOn: "2025-05-03", calciumOn: "2025-05-03"), asOf: day("2025-08-29")).has("labs.hypocalcaemia"))
        // A resolved hypercalcaemia overtakes nothing.
        var resolved = record(hypercalcaemiaOn: "2025-05-03")
        resolved.events[0].resolved = true
        #expect(assess(resolved, asOf: day("2025-08-29")).has("labs.hypocalcaemia"))
    }
}

/// Unseen record cb154-d (2026-12-07): a castration-resistant prostate cancer on leuprorelin and
/// "镭-223 55kBq/kg q4w ×6" read New Katagiri "previous chemotherapy unknown → 0–1": the "/" that
/// separates regimens ("carboplatin/pemetrexed") left "kg q4w ×6" as an unnamed drug. So did
/// "来曲唑 2.5mg/d" and "osimertinib 80 mg/day". A piece of dose and schedule only names no drug.
/// Rule set 2026.12.402.
@Suite struct DoseWrittenAfterASlashTests {
    @Test func aDoseAfterASlashIsNoUnnamedDrug() {
        for name in ["来曲唑 2.5mg/d", "osimertinib 80 mg/day", "镭-223 55kBq/kg q4w ×6", "多西他赛 75mg/m2 q3w", "阿比特龙 1000mg/d+泼尼松 5mg bid"] {
            let reading = DrugClasses.reading(Treatment(id: "T", kind: .systemic, name: name, start: day("2025-01-01")))
            #expect(reading.complete, "\(name)")
        }
        // A drug no table names stays open, with or without its dose.
        #expect(!DrugClasses.reading(Treatment(id: "T", kind: .systemic, name: "xyzumab 5mg/kg", start: day("2025-01-01"))).complete)
        // Two drugs joined by "/" stay two.
        #expect(DrugClasses.reading(Treatment(id: "T", kind: .systemic, name: "carboplatin/pemetrexed", start: day("2025-01-01"))).classes == [.chemotherapy])
        #expect(DrugClasses.isDosageOnly("m2 q3w") && DrugClasses.isDosageOnly("d") && DrugClasses.isDosageOnly("kg q4w ×6"))
        #expect(!DrugClasses.isDosageOnly("pemetrexed") && !DrugClasses.isDosageOnly("s-1") && !DrugClasses.isDosageOnly("维生素d"))
    }

    @Test func newKatagiriReadsNoChemotherapy() throws {
        var r = baseCase()
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "来曲唑 2.5mg/d", start: day("2023-01-10"))]
        let katagiri = try #require(assess(r, asOf: day("2023-04-01")).rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("previous chemotherapy: no → 0;"))
    }
}

/// Unseen record cb154-f (2026-12-07): a renal-cell cancer's L1 (SINS 10) booked for PKP read
/// "Hypervascular metastasis possible: consider pre-operative embolisation to limit blood loss" —
/// reference.md names embolisation before open surgery; a cement augmentation is percutaneous.
/// Rule set 2026.12.403.
@Suite struct EmbolisationBeforeACementAugmentationTests {
    func record(operation: String?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histology: "肾透明细胞癌", diagnosed: day("2023-01-01"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [ct("C1", "2025-06-02", [
            observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
        ])]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "pembrolizumab", start: day("2024-11-01"))]
        if let operation { r.treatments.append(Treatment(id: "S1", kind: .surgery, name: operation, planned: true)) }
        r.pain = [PainRecord(date: day("2025-06-02"), lesion: "V", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2025-06-02"), status: .intact)]
        return r
    }

    func spine(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2025-06-04")).rule("surgery.spine.noms").first)
    }

    @Test func aPercutaneousAugmentationIsNoOpenOperation() throws {
        let pkp = try spine(record(operation: "L1 PKP"))
        #expect(pkp.detail.en.contains("Hypervascular metastasis possible (kidney (renal-cell carcinoma)): pre-operative embolisation is considered before open surgery — not for the cement augmentation planned, unless it becomes an open operation."))
        #expect(pkp.detail.zhHans.contains("开放手术前考虑术前栓塞——已计划的骨水泥强化术无需，除非改为开放手术。"))
        // Open stabilisation planned, or nothing planned: consider it.
        for operation in ["L1 椎弓根钉内固定术", nil] as [String?] {
            #expect(try spine(record(operation: operation)).detail.en.contains("consider pre-operative embolisation to limit blood loss."))
        }
    }
}
