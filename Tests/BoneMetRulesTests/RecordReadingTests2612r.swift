import BoneMetRules
import Testing

/// cb29-c (unseen record, 2026-12-04): an EGFR-mutant lung adenocarcinoma on osimertinib from
/// 2026-03-02 with denosumab. CT 05-28 (12 weeks and 3 days in): T10 has a new sclerotic rim,
/// the ilium partial fill-in — PR. The bone scan the next day: T10's uptake +30 %, read "PD"
/// (a warning) because the scan fell past the 12-week flare window — for the very sclerosis the
/// CT had shown as healing. MDA counts more uptake as progression only once flare is excluded
/// (Hamaoka 2004); anatomy reading the lesion as healing in the same interval does not exclude
/// it. Rule set 2026.12.201: SD, "more uptake where the CT … reads the lesion healing".
@Suite struct UptakeOfAHealingLesionTests {
    func record(ctDate: String = "2026-05-28", iliumOnCT: LesionCharacter = .mixed, iliumSize: [Double] = [24, 19]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌 EGFR 19del", diagnosed: day("2026-02"), targetedTherapy: true)]
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10")), Lesion(id: "IL", bone: .pelvis, laterality: .right)]
        var scan = survey("BS1", "2026-05-29", ["T10", "IL"])
        scan.observations[0].uptakeChangePercent = 30
        r.studies = [
            ct("CT0", "2026-02-25", [
                observation("T10", .lytic, [18, 15]) { $0.boneDestruction = true },
                observation("IL", .lytic, [25, 20]) { $0.boneDestruction = true },
            ]),
            survey("BS0", "2026-02-26", ["T10", "IL"]),
            ct("CT1", ctDate, [
                observation("T10", .mixed, [17, 15]) { $0.scleroticRim = true },
                observation("IL", iliumOnCT, iliumSize) { $0.fillIn = iliumOnCT == .mixed ? .partial : nil; $0.boneDestruction = iliumOnCT == .lytic },
            ]),
            scan,
        ]
        r.treatments = [Treatment(id: "OSI", kind: .systemic, name: "奥希替尼 80mg qd", start: day("2026-03-02"))]
        return r
    }

    func scan(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-06-05")).rule("boneHealth.mda.timePoint").first { $0.subject == .study("BS1") })
    }

    @Test func moreUptakeWhereTheCTReadsHealingIsNotProgression() throws {
        let finding = try scan(record())
        #expect(finding.title.en.contains("stable disease (SD)"), "\(finding.title.en)")
        #expect(finding.severity == .info)
        #expect(finding.detail.en.contains("T10 vertebra: SD — uptake +30.0 % (≥ 25 % increase), more uptake where the CT of 2026-05-28 reads the lesion healing"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("2026-05-28 CT 检查示该病灶修复"), "\(finding.detail.zhHans)")
    }

    /// Anatomic progression in the interval excludes the flare: the scan's hotter lesion is PD.
    @Test func aCTThatShowsProgressionElsewhereLeavesItProgression() throws {
        let finding = try scan(record(iliumOnCT: .lytic, iliumSize: [35, 30]))
        #expect(finding.title.en.contains("progressive disease (PD)"), "\(finding.title.en)")
        #expect(!finding.detail.en.contains("reads the lesion healing"))
    }

    // A CT after the scan speaks for it when no treatment changed between the two (rule set
    // 2026.12.313, cb78-a): `UptakeBeforeTheHealingCTTests`.
}

/// cb29-f (unseen record, 2026-12-04): a renal-cell carcinoma's T11 metastasis, ESCC 2, SINS 11,
/// sent for urgent separation surgery, with axitinib + pembrolizumab to start in five days. Had
/// the regimen been running, the anti-angiogenic timing finding would have said when; recorded
/// as planned, nothing said which comes first. Rule set 2026.12.201: "Axitinib planned with an
/// operation proposed: decide which comes first" (medical oncology).
@Suite struct PlannedAntiAngiogenicWithOperationTests {
    func record(regimen: String = "阿昔替尼+帕博利珠单抗") -> CaseRecord {
        var r = spineCompressionCase(
            primary: PrimaryCancer(id: "P1", site: .kidney, histology: "透明细胞肾细胞癌", diagnosed: day("2021-04")),
            performance: PerformanceStatus(date: day("2023-01-04"), ecog: 1), visceral: [])
        r.treatments = [Treatment(id: "T2", kind: .systemic, name: regimen, start: day("2023-01-20"), planned: true)]
        return r
    }

    @Test func aPlannedAxitinibIsTimedWithTheOperation() throws {
        let a = assess(record(), asOf: day("2023-01-10"))
        let finding = try #require(a.rule("surgery.timing.antiAngiogenic").first { $0.subject == .treatment("T2") })
        #expect(finding.title.en == "Axitinib planned with an operation proposed: decide which comes first", "\(finding.title.en)")
        #expect(finding.title.zhHans.contains("先定先后"), "\(finding.title.zhHans)")
        #expect(finding.detail.en.contains("(T9 vertebra) and 阿昔替尼+帕博利珠单抗"), "\(finding.detail.en)")
        // Since rule set 2026.12.411 the wait after surgery is the US prescribing information's
        // (the regulatory table gives none): "start it once the wound has healed" before.
        #expect(finding.detail.en.contains("start it at least 14 days after major surgery and once the wound has healed (the US prescribing information)"), "\(finding.detail.en)")
        #expect(finding.specialty == .medicalOncology)
    }

    /// A drug with a source for the wait after surgery names it (sunitinib: 2 weeks, its label).
    @Test func theWaitAfterSurgeryIsNamedWhereASourceGivesIt() throws {
        let finding = try #require(assess(record(regimen: "舒尼替尼"), asOf: day("2023-01-10")).rule("surgery.timing.antiAngiogenic").first)
        #expect(finding.detail.en.contains("start it at least 14 days after major surgery and once the wound has healed"), "\(finding.detail.en)")
    }

    @Test func aPlannedRegimenWithoutAnAntiAngiogenicDrugDrawsNothing() {
        #expect(!assess(record(regimen: "帕博利珠单抗"), asOf: day("2023-01-10")).has("surgery.timing.antiAngiogenic"))
    }
}

/// cb29-j (unseen record, 2026-12-04): an 82-year-old, breast cancer 15 years before, an L1 wedge
/// fracture after lifting; MRI and CT: no destruction, no mass — the diagnosis finding reads it
/// as an osteoporotic fracture, not a metastasis. The fracture recorded as an event was still
/// counted "1 skeletal-related event". Rule set 2026.12.201: a fracture or compression at a lesion
/// the record judges no metastasis is no SRE.
@Suite struct FractureOfANonMetastaticLesionTests {
    func record(destruction: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [ct("C1", "2026-08-31", [observation("V") { o in
            o.collapse = .under50; o.fracture = true; o.boneDestruction = destruction
            o.character = destruction ? .lytic : nil
        }])]
        r.treatments = []
        r.events = [ClinicalEvent(date: day("2026-08-27"), kind: .pathologicalFracture, lesion: "V")]
        return r
    }

    @Test func anOsteoporoticCollapseIsNoSkeletalRelatedEvent() {
        let a = assess(record(), asOf: day("2026-09-01"))
        #expect(a.has("diagnosis.collapseWithoutDestruction"))
        #expect(!a.has("boneAgents.sreHistory"))
    }

    @Test func aCollapseThroughDestructionIsOne() throws {
        let a = assess(record(destruction: true), asOf: day("2026-09-01"))
        let sre = try #require(a.rule("boneAgents.sreHistory").first)
        #expect(sre.title.en == "1 skeletal-related event(s) on record")
    }
}

/// cb29-l (unseen record, 2026-12-04): castration-sensitive prostate cancer, goserelin +
/// apalutamide, denosumab 60 mg every 6 months for bone loss, no dental examination: "Osteonecrosis
/// of the jaw (denosumab about 2.0 %, zoledronic acid 1.4 % in Stopeck 2010)" — the rates of the
/// 120 mg SRE-prevention dose, as a warning. Rule set 2026.12.201: the bone-loss dose's labels ask
/// for an oral examination first and a dental one where risk factors (cancer) are present; advisory.
@Suite struct DentalExamAtTheBoneLossDoseTests {
    func record(dose: Double) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-01-15"), agent: .denosumab, doseMg: dose, intervalWeeks: dose == 60 ? 26 : 4))
        return r
    }

    @Test func theBoneLossDoseIsNotToldTheSREDoseRates() throws {
        let finding = try #require(assess(record(dose: 60), asOf: day("2023-02-01")).rule("boneAgents.dentalExam").first)
        #expect(finding.severity == .advisory)
        #expect(finding.detail.en.hasPrefix("Denosumab 60 mg every 6 months is the bone-loss dose"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("cancer is one"))
        #expect(!finding.detail.en.contains("Stopeck"))
        #expect(finding.detail.zhHans.contains("肿瘤即为其一"))
        #expect(finding.sources.map(\.id) == ["boneLossOnjLabels"])
    }

    @Test func theSREPreventionDoseKeepsItsWarning() throws {
        let finding = try #require(assess(record(dose: 120), asOf: day("2023-02-01")).rule("boneAgents.dentalExam").first)
        #expect(finding.severity == .warning)
        #expect(finding.detail.en.contains("Stopeck 2010"))
    }
}

/// cb30-c (unseen record, 2026-12-04): a papillary thyroid cancer's pelvic and rib metastases,
/// radioiodine (131I 150 mCi) on 20 March, CTs on 1 March and 1 September. The time point read
/// "then no systemic therapy from 2026-03-20 to 2026-09-01 (165 days): change in that time is
/// natural history, not the regimen's" — as if a radionuclide acted only on the day it is given.
/// Like radiotherapy, a therapeutic radiopharmaceutical irradiates the bone for weeks after it.
/// Rule set 2026.12.201: no untreated tail after one.
@Suite struct RadiopharmaceuticalTailTests {
    func record(name: String) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .thyroid, histology: "甲状腺乳头状癌", diagnosed: day("2020-01"))]
        r.studies = [
            ct("S1", "2026-03-01", [observation("L1", .lytic, [40, 30]) { $0.boneDestruction = true }]),
            ct("S2", "2026-09-01", [observation("L1", .lytic, [41, 31]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: name, start: day("2026-03-20"), end: day("2026-03-20"))]
        return r
    }

    func point(_ name: String) throws -> Finding {
        try #require(assess(record(name: name), asOf: day("2026-09-02")).rule("boneHealth.mda.timePoint").first { $0.subject == .study("S2") })
    }

    @Test func radioiodineLeavesNoUntreatedTail() throws {
        for name in ["131I 150mCi 放射性碘治疗", "radioactive iodine 5.5 GBq", "镭-223 第1周期"] {
            let finding = try point(name)
            #expect(!finding.detail.en.contains("natural history"), "\(name): \(finding.detail.en)")
        }
    }

    /// A drug given on one day is not a radionuclide: the months after it are untreated.
    @Test func aOneDayDrugStillLeavesOne() throws {
        let finding = try point("多西他赛 单次")
        #expect(finding.detail.en.contains("then no systemic therapy from 2026-03-20 to 2026-09-01 (165 days)"), "\(finding.detail.en)")
    }
}

/// cb31-d (unseen record, 2026-12-04): a corrected calcium of 10.54 mg/dL (2.55 mmol/L, albumin
/// 36 g/L) read "Hypercalcaemia, mild: corrected calcium 10.5 mg/dL" against an upper limit of
/// 10.5 — a contradiction on the screen. Rule set 2026.12.203: two decimals where one would put
/// the value on or across the limit or a grade's bound.
@Suite struct CalciumShownApartFromItsBoundsTests {
    func title(_ mmol: Double, albumin: Double = 36) throws -> String {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-03-01"), test: .calcium, value: mmol, unit: "mmol/L"),
            LabResult(date: day("2023-03-01"), test: .albumin, value: albumin, unit: "g/L"),
        ]
        return try #require(assess(r, asOf: day("2023-03-02")).rule("labs.hypercalcaemia").first).title.en
    }

    @Test func aValueThatRoundsOntoTheLimitShowsTwoDecimals() throws {
        let shown = try title(2.55)
        #expect(shown.contains("corrected calcium 10.54 mg/dL"), "\(shown)")
    }

    /// Rounding onto a grade's bound: 11.96 is mild (< 12), not "12".
    @Test func aValueThatRoundsOntoAGradeBoundShowsTwoDecimals() throws {
        let shown = try title(2.99, albumin: 40)
        #expect(shown.hasPrefix("Hypercalcaemia, mild: corrected calcium 11.98 mg/dL"), "\(shown)")
    }

    @Test func aValueClearOfEveryBoundKeepsOneDecimal() throws {
        let shown = try title(2.9, albumin: 40)
        #expect(shown.contains("corrected calcium 11.6 mg/dL"), "\(shown)")
    }
}

/// cb31-f (unseen record, 2026-12-04): a renal-cell cancer on sunitinib, last dose 6 September,
/// a proximal femoral resection planned for the 20th. The timing finding named the label's 21
/// days ("from 2026-09-27") and the planned date side by side without saying the one fell inside
/// the other. Rule set 2026.12.203: "The planned … on 2026-09-20 is 14 days after it — inside the
/// hold: move it to 2026-09-27 or later".
@Suite struct PlannedOperationInsideTheHoldTests {
    func record(operation: String) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histology: "肾透明细胞癌", diagnosed: day("2022-01"))]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "舒尼替尼", start: day("2022-06-01"), doses: [day("2023-03-06")]),
            Treatment(id: "T2", kind: .surgery, name: "股骨近端瘤段切除", lesions: ["L1"], start: day(operation), planned: true),
        ]
        return r
    }

    func detail(_ operation: String) throws -> String {
        try #require(assess(record(operation: operation), asOf: day("2023-03-08")).rule("surgery.timing.antiAngiogenic").first).detail.en
    }

    @Test func anOperationInsideTheHoldIsSaidToBe() throws {
        let text = try detail("2023-03-20")
        #expect(text.contains("The planned 股骨近端瘤段切除 on 2023-03-20 is 14 days after it — inside the hold: move it to 2023-03-27 or later"), "\(text)")
    }

    /// On the first day the hold allows: nothing to move.
    @Test func anOperationOnTheDayTheHoldEndsIsNot() throws {
        let text = try detail("2023-03-27")
        #expect(!text.contains("inside the hold"), "\(text)")
    }
}

/// cb31-f assessed on the day (2026-12-04): the femoral resection planned for 20 September was
/// still "planned" in December — "Mirels 12 — planned: arthroplasty" (info), the lesion off the
/// urgent list on a plan nobody had confirmed. Rule set 2026.12.204: `record.plannedDatePassed`
/// asks the record to say what happened (a warning for an operation on a lesion).
@Suite struct LapsedPlanTests {
    func record(kind: TreatmentKind = .surgery, lesions: [String] = ["L1"]) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(id: "P", kind: kind, name: "股骨近端瘤段切除", lesions: lesions, start: day("2023-04-10"), planned: true))
        return r
    }

    @Test func aPlannedOperationPastItsDateIsAskedAbout() throws {
        let finding = try #require(assess(record(), asOf: day("2023-04-11")).rule("record.plannedDatePassed").first)
        #expect(finding.severity == .warning)
        #expect(finding.title.en == "Planned for 2023-04-10, not recorded as done: 股骨近端瘤段切除", "\(finding.title.en)")
        #expect(finding.title.zhHans == "计划于 2023-04-10，未记录是否完成：股骨近端瘤段切除", "\(finding.title.zhHans)")
        #expect(finding.specialty == .orthopaedics)
        #expect(finding.subject == .treatment("P"))
    }

    /// On the planned day and before it the plan stands; the day after is the next change.
    @Test func onItsDayThePlanStands() {
        let a = assess(record(), asOf: day("2023-04-10"))
        #expect(!a.has("record.plannedDatePassed"))
        #expect(a.nextChange?.earliestDay == day("2023-04-11").earliestDay, "\(a.nextChange?.description ?? "none")")
    }

    @Test func aPlannedRegimenPastItsDateIsAnAdvisory() throws {
        let finding = try #require(assess(record(kind: .systemic, lesions: []), asOf: day("2023-05-01")).rule("record.plannedDatePassed").first)
        #expect(finding.severity == .advisory)
        #expect(finding.duty == .boneHealth)
        #expect(finding.detail.en.contains("no treatment window or dose counts from it"), "\(finding.detail.en)")
    }
}

/// cb33-d (unseen record, 2026-12-04): IgG-κ myeloma on record since 2025, on DVRd; a T6
/// plasmacytoma compressing the cord (ESCC 3, Frankel C), the only lesion recorded. It read
/// "T6 vertebra: biopsy indicated — bone lesion of unknown nature" and, on the spine finding,
/// "tissue at the operation … a primary bone tumour, myeloma or a second primary must be
/// excluded" — so the very radiosensitive branch (emergency radiotherapy) never spoke. A lytic
/// lesion of a myeloma on record is its bone disease (IMWG; Hillengass 2019). Rule set
/// 2026.12.205.
@Suite struct MyelomaBoneDiseaseIsNotUnknownTests {
    func record(primary: PrimarySite = .myeloma) -> CaseRecord {
        var r = spineCompressionCase(
            primary: PrimaryCancer(id: "P1", site: primary, histology: primary == .myeloma ? "多发性骨髓瘤 IgG-κ" : nil, diagnosed: day("2022-01")),
            performance: PerformanceStatus(date: day("2023-01-04"), ecog: 2), visceral: [])
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T6"), primary: "P1")]
        r.studies = [ct("S1", "2023-01-05", [observation("L1", .lytic) {
            $0.boneDestruction = true; $0.escc = .g3; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .bilateral
        }])]
        r.neurology = [NeurologyRecord(date: day("2023-01-04"), status: .myelopathy, frankel: .C)]
        return r
    }

    @Test func aLesionOfAKnownMyelomaIsItsBoneDisease() throws {
        let a = assess(record(), asOf: day("2023-01-06"))
        #expect(!a.has("diagnosis.biopsy.indicated"))
        let spine = try #require(a.rule("surgery.spine.noms").first { $0.subject == .lesion("L1") })
        #expect(spine.title.en.contains("emergency radiotherapy"), "\(spine.title.en)")
        #expect(!spine.detail.en.contains("myeloma or a second primary must be excluded"), "\(spine.detail.en)")
    }

    /// The same lesion in a breast cancer stays of unknown nature until tissue.
    @Test func aSolidTumoursOnlyLesionStillAsksForTissue() throws {
        let a = assess(record(primary: .breast), asOf: day("2023-01-06"))
        let spine = try #require(a.rule("surgery.spine.noms").first { $0.subject == .lesion("L1") })
        #expect(spine.detail.en.contains("a primary bone tumour, myeloma or a second primary must be excluded"), "\(spine.detail.en)")
    }
}

/// cb33-f (unseen record, 2026-12-04): a renal-cell cancer's patella, recorded as `bone: other`
/// with the note "右侧髌骨", was named "other bone" on every finding. Rule set 2026.12.205: the
/// note names it.
@Suite struct AnOtherBoneIsNamedByItsNoteTests {
    @Test func theNoteNamesIt() {
        let lesion = Lesion(id: "L1", bone: .other, note: "右侧髌骨")
        #expect(lesion.label.en == "other bone (右侧髌骨)")
        #expect(lesion.label.zhHans == "其他骨（右侧髌骨）")
        #expect(Lesion(id: "L2", bone: .other).label.en == "other bone")
        // cb45-d: the side recorded and written in the note is said once in Chinese.
        let knee = Lesion(id: "L3", bone: .other, laterality: .right, note: "右膝关节")
        #expect(knee.label.zhHans == "其他骨（右膝关节）")
        #expect(knee.label.en == "right other bone (右膝关节)")
        #expect(Lesion(id: "L4", bone: .other, laterality: .left, note: "髌骨").label.zhHans == "左其他骨（髌骨）")
    }
}

/// ECOG and KPS for one visit (2026-12-04): two rows of one day gave the scores one of them at
/// random, and one row holding ECOG 0 with KPS 40 scored New Katagiri (ECOG) and the revised
/// Tokuhashi (KPS) for different patients, unsaid. Rule set 2026.12.206: a day's rows are read
/// together; `diagnosis.record.performanceConflict` where the conversions (Oken 1982, Ma 2010,
/// Prasad 2018) cannot reconcile them.
@Suite struct PerformanceOfOneVisitTests {
    func record(_ rows: [PerformanceStatus]) -> CaseRecord {
        var r = baseCase()
        r.performance = rows
        return r
    }

    @Test func twoRowsOfOneDayAreOneStatus() throws {
        let a = assess(record([PerformanceStatus(date: day("2023-03-01"), kps: 80), PerformanceStatus(date: day("2023-03-01"), ecog: 1)]), asOf: day("2023-03-21"))
        let katagiri = try #require(a.rule("surgery.prognosis.katagiri").first)
        // The ECOG row is read as recorded, not converted from the KPS row beside it.
        #expect(katagiri.detail.en.contains("ECOG 1"), "\(katagiri.detail.en)")
        #expect(!katagiri.detail.en.contains("KPS 80"), "\(katagiri.detail.en)")
        #expect(!a.has("diagnosis.record.performanceConflict"))
    }

    /// Bounds: ECOG 1 is KPS 70–90 and KPS 70 may be ECOG 1–2 — they agree; KPS 60 (ECOG 2–3) does not.
    @Test func theConversionsDecide() throws {
        #expect(!assess(record([PerformanceStatus(date: day("2023-03-01"), ecog: 1, kps: 70)]), asOf: day("2023-03-21")).has("diagnosis.record.performanceConflict"))
        let a = assess(record([PerformanceStatus(date: day("2023-03-01"), ecog: 1, kps: 60)]), asOf: day("2023-03-21"))
        let finding = try #require(a.rule("diagnosis.record.performanceConflict").first)
        #expect(finding.title.en == "ECOG 1 and KPS 60 of 2023-03-01 disagree", "\(finding.title.en)")
        #expect(finding.detail.en.hasPrefix("By the published conversions KPS 60 is ECOG 2–3, and ECOG 1 is KPS 70–90."), "\(finding.detail.en)")
        #expect(finding.title.zhHans == "2023-03-01 记录的 ECOG 1 与 KPS 60 不一致")
    }

    /// An older row of the other scale is history, not a conflict.
    @Test func anOlderRowIsHistory() {
        let a = assess(record([PerformanceStatus(date: day("2023-01-01"), kps: 40), PerformanceStatus(date: day("2023-03-01"), ecog: 0)]), asOf: day("2023-03-21"))
        #expect(!a.has("diagnosis.record.performanceConflict"))
    }
}

/// cb36-d (unseen record, 2026-12-04): a CRPC's zoledronic acid, creatinine 0.9 → 1.5 mg/dL, and
/// osteonecrosis of the jaw recorded ten days before. The renal hold offered "Alternative during
/// the hold: denosumab" beside the osteonecrosis finding's "switching to denosumab does not avoid
/// osteonecrosis of the jaw". Rule set 2026.12.208: with the jaw's osteonecrosis open, no other
/// agent is proposed during a hold — dental care decides with medical oncology.
@Suite struct RenalHoldBesideOsteonecrosisTests {
    func record(onj: Bool) -> CaseRecord {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-01-08"), test: .creatinine, value: 0.9, unit: "mg/dL"),
            LabResult(date: day("2023-04-28"), test: .creatinine, value: 1.5, unit: "mg/dL"),
        ]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2023-01-10"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4,
            doses: [day("2023-01-10"), day("2023-02-07"), day("2023-03-07"), day("2023-04-04")]))
        r.dentalExams = [day("2023-01-05")]
        if onj { r.events = [ClinicalEvent(date: day("2023-04-20"), kind: .osteonecrosisOfJaw)] }
        return r
    }

    func hold(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-05-01")).rule("boneAgents.zoledronic.renalHold").first)
    }

    @Test func noOtherAgentWhileTheJawDecides() throws {
        let finding = try hold(record(onj: true))
        #expect(!finding.detail.en.contains("Alternative during the hold"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("No other agent during the hold: the osteonecrosis of the jaw on record (2023-04-20)"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("暂停期间不换用其他药物"))
    }

    @Test func withoutItDenosumabIsTheAlternative() throws {
        #expect(try hold(record(onj: false)).detail.en.contains("Alternative during the hold: denosumab"))
    }
}

/// cb29-g with its CAPEOX row left out (2026-12-04): a rectal cancer whose histology says
/// "直肠腺癌 pT3N1M0，术后辅助化疗" and no regimen on record read New Katagiri's "previous
/// chemotherapy no → 0". Rule set 2026.12.209: chemotherapy stated in a primary's pathology text
/// counts (not when negated or only planned), and the finding asks for the regimen.
@Suite struct ChemotherapyInThePathologyTextTests {
    func katagiri(_ histology: String) throws -> Finding {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .rectum, histology: histology, diagnosed: day("2022-01"))]
        r.treatments = []
        return try #require(assess(r, asOf: day("2023-04-01")).rule("surgery.prognosis.katagiri").first)
    }

    @Test func statedChemotherapyIsPreviousChemotherapy() throws {
        let finding = try katagiri("直肠腺癌 pT3N1M0，术后辅助化疗")
        #expect(finding.detail.en.contains("previous chemotherapy: yes → 1"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("Previous chemotherapy as the pathology text states it (直肠腺癌 pT3N1M0，术后辅助化疗): record the regimen."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("既往化疗依据病理文本所述"))
    }

    @Test func plannedOrDeclinedIsNot() throws {
        for text in ["直肠腺癌，拟行辅助化疗", "直肠腺癌，患者拒绝化疗", "rectal adenocarcinoma, chemotherapy planned"] {
            let finding = try katagiri(text)
            #expect(finding.detail.en.contains("previous chemotherapy: no → 0"), "\(text): \(finding.detail.en)")
        }
    }
}

/// cb38-a (unseen record, 2026-12-04): a breast cancer's pelvic biopsy, acid-decalcified and
/// non-diagnostic: one finding said "repeat the biopsy", another "re-biopsy with EDTA". Rule set
/// 2026.12.210: the repeat names EDTA.
@Suite struct RepeatAfterAnAcidSpecimenTests {
    func note(_ decalcification: Decalcification) throws -> String {
        var r = baseCase()
        r.primaries[0].diagnosed = day("2015-01")
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-03-25"), decalcification: decalcification, result: .nonDiagnostic)]
        let finding = try #require(assess(r, asOf: day("2023-04-01")).findings.first { $0.detail.en.contains("was non-diagnostic") })
        return finding.detail.en
    }

    @Test func theRepeatIsDecalcifiedWithEDTA() throws {
        let text = try note(.acid)
        #expect(text.contains("repeat the biopsy, decalcified with EDTA this time."), "\(text)")
        #expect(!(try note(.edta)).contains("EDTA this time"))
    }
}
