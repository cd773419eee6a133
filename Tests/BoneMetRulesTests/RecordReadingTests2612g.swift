import BoneMetRules
import Testing

/// Rule sets 2026.12.78–90, from a batch of unseen records (cb17).
@Suite struct OperationNameTests {
    /// cb17-d: a renal-cell carcinoma's right femoral neck broke (2026-06-01); ten days later
    /// "右股骨近端肿瘤切除+人工股骨头置换术" (tumour resection and hemiarthroplasty), entered with
    /// its name and no coded procedure, then radiotherapy and cabozantinib. It read "no fixation
    /// on record: orthopaedic referral for fixation" (urgent), a warning to time that operation
    /// with cabozantinib, and the prosthesis's absent lesion as complete response.
    func record(name: String, procedure: SurgicalProcedure? = nil) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, diagnosed: day("2023-04"))]
        r.lesions = [Lesion(id: "RF", bone: .femur, segment: .proximal, laterality: .right)]
        r.studies = [
            ImagingStudy(id: "X1", date: day("2026-06-01"), modality: .xray, coverage: [.pelvis, .rightLowerLimb],
                         observations: [observation("RF", .lytic) { $0.boneDestruction = true; $0.fracture = true }]),
            ct("C1", "2026-06-02", [observation("RF", .lytic) { $0.boneDestruction = true; $0.fracture = true; $0.softTissueMm = 20 }]),
            ImagingStudy(id: "X2", date: day("2026-09-10"), modality: .xray, coverage: [.pelvis, .rightLowerLimb],
                         observations: [observation("RF") { $0.present = false }]),
        ]
        r.events = [ClinicalEvent(date: day("2026-06-01"), kind: .pathologicalFracture, lesion: "RF")]
        r.biopsies = [Biopsy(lesion: "RF", date: day("2026-06-10"), decalcification: .edta, result: .metastasis)]
        r.treatments = [
            Treatment(id: "S1", kind: .surgery, name: name, lesions: ["RF"], start: day("2026-06-10"), procedure: procedure),
            Treatment(id: "TKI", kind: .systemic, name: "卡博替尼", start: day("2026-08-01")),
        ]
        return r
    }

    @Test func aHemiarthroplastyNamedSoIsTheFracturesOperation() throws {
        let a = assess(record(name: "右股骨近端肿瘤切除+人工股骨头置换术"), asOf: day("2026-10-01"))
        let fracture = try #require(a.rule("surgery.mirels.fractured").first)
        #expect(fracture.severity == .info)
        #expect(fracture.detail.en.contains("Treated: 右股骨近端肿瘤切除+人工股骨头置换术"))
        #expect(!fracture.detail.en.contains("No fixation on record"))
        // Its hypervascular-embolisation advice and source belong to an operation still to come.
        #expect(!fracture.sources.contains { $0.text.contains("Pazionis") })
        #expect(!a.has("surgery.timing.antiAngiogenic"))
        let point = try #require(a.timePoints.first { $0.study == "X2" })
        #expect(point.overall != .completeResponse)
        #expect(a.rule("boneHealth.mda.timePoint").allSatisfy { !$0.detail.en.contains("CR —") })
    }

    @Test func aCodedProcedureIsKeptAndAnUnreadNameChangesNothing() throws {
        // Coded: whatever the name says.
        let coded = assess(record(name: "右股骨手术", procedure: .arthroplasty), asOf: day("2026-10-01"))
        #expect(try #require(coded.rule("surgery.mirels.fractured").first).severity == .info)
        // A name that says no orthopaedic procedure (an open biopsy) protects nothing.
        let biopsy = assess(record(name: "右股骨切开活检术"), asOf: day("2026-10-01"))
        #expect(try #require(biopsy.rule("surgery.mirels.fractured").first).severity == .urgent)
    }

    @Test func aFixationOfNoStatedKindAfterTheFractureFixedIt() throws {
        // "股骨髓内钉内固定术" says neither prophylactic nor fracture: done after the recorded
        // fracture, it is the fracture's fixation (as the FHIR importer reads it).
        let a = assess(record(name: "右股骨髓内钉内固定术"), asOf: day("2026-10-01"))
        #expect(try #require(a.rule("surgery.mirels.fractured").first).severity == .info)
    }

    @Test func namesReadAsTheOperatingListWritesThem() {
        #expect(SurgicalProcedureText.read(["人工股骨头置换术"]) == .arthroplasty)
        #expect(SurgicalProcedureText.read(["Bipolar hemiarthroplasty, left hip"]) == .arthroplasty)
        #expect(SurgicalProcedureText.read(["proximal femur resection, tumour endoprosthesis"]) == .arthroplasty)
        // cb46-b: a shaft's segment replaced by an intercalary prosthesis replaces no joint.
        #expect(SurgicalProcedureText.read(["左股骨干肿瘤段切除+人工假体重建"], diaphyseal: true) == .resection)
        #expect(SurgicalProcedureText.read(["左股骨干肿瘤段切除+人工假体重建"]) == .arthroplasty)
        #expect(SurgicalProcedureText.read(["股骨远端肿瘤切除+人工膝关节置换"], diaphyseal: true) == .arthroplasty)
        #expect(SurgicalProcedureText.read(["右肱骨病灶刮除骨水泥填充"]) == .curettage)
        #expect(SurgicalProcedureText.read(["股骨骨水泥成形术"]) == .cementAugmentation)
        // The plate beside the curettage is what protects the bone: a fixation, its kind unstated.
        #expect(SurgicalProcedureText.read(["病灶刮除骨水泥填充钢板内固定"]) == .other)
        #expect(SurgicalProcedureText.read(["L1 PKP"]) == .cementAugmentation)
        #expect(SurgicalProcedureText.read(["T12 PVP术"]) == .cementAugmentation)
        #expect(SurgicalProcedureText.read(["T10后路椎弓根钉内固定术"]) == .stabilisation)
        #expect(SurgicalProcedureText.read(["后路内固定术"], spinal: true) == .stabilisation)
        #expect(SurgicalProcedureText.read(["后路内固定术"]) == .other)
        #expect(SurgicalProcedureText.read(["左肱骨切开复位钢板内固定"]) == .fractureFixation)
        #expect(SurgicalProcedureText.read(["ORIF left humerus"]) == .fractureFixation)
        #expect(SurgicalProcedureText.read(["预防性股骨髓内钉固定"]) == .prophylacticFixation)
        #expect(SurgicalProcedureText.read(["PFNA"]) == .other)
        #expect(SurgicalProcedureText.read(["右股骨切开活检术"]) == nil)
        // Abbreviations are whole words: letters inside another word are not one.
        #expect(SurgicalProcedureText.read(["upkpx review"]) == nil)
    }
}

@Suite struct FemurWithoutSegmentTests {
    /// cb17-b: a lung adenocarcinoma's left femur, its segment not recorded (an EHR's "metastasis
    /// of femur" names the bone alone). Scored as "lower limb" (2) where the peritrochanteric
    /// region scores 3 (Mirels 1989), a mixed lesion of 1/3–2/3 with mild pain read 7, "low
    /// risk", where the record allows 8 — the fixation threshold.
    func record(segment: BoneSegment?) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "LF", bone: .femur, segment: segment, laterality: .left)]
        r.studies = [
            ImagingStudy(id: "X1", date: day("2023-01-05"), modality: .xray, coverage: [.leftLowerLimb],
                         observations: [observation("LF", .mixed) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.5 }]),
        ]
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "LF", mirels: .mild)]
        return r
    }

    @Test func anUnrecordedSegmentLeavesTheSiteOpenBetweenTwoAndThree() throws {
        let a = assess(record(segment: nil), asOf: day("2023-01-06"))
        let point = try #require(a.mirels.first)
        #expect(point.total.min == 7 && point.total.max == 8)
        #expect(point.fixationAlert == nil)
        let finding = try #require(a.findings.first { $0.subject == .lesion("LF") && $0.ruleId.hasPrefix("surgery.mirels") })
        #expect(finding.title.en.contains("Mirels 7–8"))
        #expect(finding.detail.en.contains("site: lower limb or peritrochanteric — from lesion record, no segment recorded"))
        #expect(finding.detail.en.contains("Missing: site (the femur's segment: peritrochanteric or not)"))
        #expect(finding.detail.zhHans.contains("部位：下肢或转子周围（依据 病灶记录，未记录节段）"))
    }

    @Test func aRecordedSegmentSettlesIt() throws {
        // Boundary: the same lesion is 8 peritrochanteric (at the threshold), 7 elsewhere.
        let peritrochanteric = try #require(assess(record(segment: .peritrochanteric), asOf: day("2023-01-06")).mirels.first)
        #expect(peritrochanteric.total.score == 8)
        #expect(peritrochanteric.fixationAlert == true)
        for segment in [BoneSegment.proximal, .diaphysis, .distal] {
            let point = try #require(assess(record(segment: segment), asOf: day("2023-01-06")).mirels.first)
            #expect(point.total.score == 7)
            #expect(point.fixationAlert == false)
        }
    }

    @Test func otherLongBonesKeepTheirOneSite() throws {
        var r = record(segment: nil)
        r.lesions = [Lesion(id: "LF", bone: .tibia, laterality: .left)]
        let point = try #require(assess(r, asOf: day("2023-01-06")).mirels.first)
        #expect(point.total.score == 7)
    }
}

@Suite struct EGFRWithoutCreatinineTests {
    /// cb17-a: a castration-resistant prostate cancer, zoledronic acid planned, the laboratory's
    /// eGFR 38 mL/min/1.73 m² on record and no serum creatinine. "Creatinine clearance cannot be
    /// computed: record serum creatinine" read as if nothing about the kidneys were known. The
    /// Zometa label doses by Cockcroft–Gault CrCl (reference.md), which eGFR does not replace.
    func record(egfr: Double?) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(id: "ZA", kind: .boneModifyingAgent, planned: true, agent: .zoledronicAcid))
        r.labs = egfr.map { [LabResult(date: day("2023-03-01"), test: .egfr, value: $0, unit: "mL/min/1.73m2")] } ?? []
        return r
    }

    @Test func anEGFROnRecordIsNamedAndNotTakenForCrCl() throws {
        let finding = try #require(assess(record(egfr: 38), asOf: day("2023-03-25")).rule("boneAgents.zoledronic.crclUnknown").first)
        #expect(finding.detail.en.contains("record serum creatinine. The eGFR on record (38 mL/min/1.73 m², 2023-03-01) is not the label's measure"))
        #expect(finding.detail.zhHans.contains("病历中的 eGFR（38 mL/min/1.73 m²，2023-03-01）并非说明书所用指标"))
        #expect(!finding.detail.en.contains("Below 30"))
        #expect(finding.sources.contains { $0.id == "cockcroftGault1976" })
    }

    @Test func belowThirtyItPointsToSevereImpairment() throws {
        // Boundary: the label's "< 30" — 29.9 points to it, 30 does not.
        let below = try #require(assess(record(egfr: 29.9), asOf: day("2023-03-25")).rule("boneAgents.zoledronic.crclUnknown").first)
        #expect(below.detail.en.contains("Below 30 it points to severe renal impairment"))
        let at = try #require(assess(record(egfr: 30), asOf: day("2023-03-25")).rule("boneAgents.zoledronic.crclUnknown").first)
        #expect(!at.detail.en.contains("Below 30"))
        let none = try #require(assess(record(egfr: nil), asOf: day("2023-03-25")).rule("boneAgents.zoledronic.crclUnknown").first)
        #expect(!none.detail.en.contains("eGFR"))
    }
}

@Suite struct BiopsySettlesThePrimaryTests {
    /// cb17-o: a breast cancer of 2019; in 2026 L4 collapses with cauda equina compression, is
    /// decompressed and fixed, and its biopsy shows plasma-cell myeloma; the left pelvis is lytic
    /// too. L4 read "O: breast — radiosensitive", its scores "depends on which primary — biopsy
    /// decides", the pelvis "biopsy indicated: long disease-free interval" beside the finding that
    /// already says it may be either disease, and the bone agent "not yet diagnosed as metastases
    /// (awaiting biopsy …)".
    func record(myelomaRecorded: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性导管癌", diagnosed: day("2019-05"))]
        if myelomaRecorded { r.primaries.append(PrimaryCancer(id: "P2", site: .myeloma, diagnosed: day("2026-09"))) }
        r.lesions = [Lesion(id: "L4", bone: .vertebra, level: VertebralLevel("L4")), Lesion(id: "IL", bone: .pelvis, laterality: .left)]
        r.studies = [
            ct("C1", "2026-09-01", [
                observation("L4", .lytic) { $0.boneDestruction = true; $0.collapse = .over50; $0.alignment = .normal; $0.posterolateral = .bilateral },
                observation("IL", .lytic) { $0.boneDestruction = true },
            ]),
            ImagingStudy(id: "M1", date: day("2026-09-02"), modality: .mri, coverage: [.lumbarSpine],
                         observations: [observation("L4") { $0.escc = .g3; $0.boneDestruction = true }]),
        ]
        r.treatments = []
        r.biopsies = [Biopsy(lesion: "L4", date: day("2026-09-03"), decalcification: .edta, result: .myeloma, histology: "浆细胞骨髓瘤")]
        r.neurology = [NeurologyRecord(date: day("2026-09-02"), status: .caudaEquina, frankel: .C, lesion: "L4")]
        return r
    }

    @Test func aMyelomaOnTheLesionsBiopsyIsWhatItIs() throws {
        let a = assess(record(myelomaRecorded: false), asOf: day("2026-10-01"))
        let noms = try #require(a.findings.first { $0.subject == .lesion("L4") && $0.ruleId.hasPrefix("surgery.spine") })
        #expect(noms.detail.en.contains("O: myeloma on its biopsy of 2026-09-03 — radiosensitive"))
        #expect(noms.detail.zhHans.contains("O：2026-09-03 活检示骨髓瘤——放疗敏感"))
        #expect(!noms.detail.en.contains("O: breast"))
        // The long interval's question is answered; the other-cancer finding speaks for the pelvis.
        #expect(a.rule("diagnosis.biopsy.indicated").isEmpty)
        #expect(a.has("diagnosis.biopsy.anotherCancer", subject: .lesion("L4")))
        let agent = try #require(a.rule("boneAgents.indication").first)
        #expect(agent.title.en == "Myeloma on biopsy: bone-modifying agent for myeloma bone disease")
        #expect(agent.detail.en.hasPrefix("The biopsy of L4 vertebra (2026-09-03) shows myeloma."))
        #expect(!a.has("boneAgents.afterDiagnosis"))
    }

    @Test func aRecordedMyelomaIsTheBiopsiedLesionsPrimary() throws {
        let a = assess(record(myelomaRecorded: true), asOf: day("2026-10-01"))
        let noms = try #require(a.findings.first { $0.subject == .lesion("L4") && $0.ruleId.hasPrefix("surgery.spine") })
        #expect(noms.detail.en.contains("O: myeloma — radiosensitive"))
        // The pelvis, not biopsied, may be either: both named, neither picked.
        #expect(try #require(a.rule("diagnosis.biopsy.indicated").first).subject == .lesion("IL"))
    }

    @Test func anOrganSpecificHistologySettlesAndAnAdenocarcinomaDoesNot() throws {
        var r = record(myelomaRecorded: false)
        r.primaries = [
            PrimaryCancer(id: "B", site: .breast, histologyType: .ductalCarcinoma, diagnosed: day("2019-05")),
            PrimaryCancer(id: "K", site: .kidney, histology: "clear cell renal cell carcinoma", diagnosed: day("2025-01")),
        ]
        r.biopsies = [Biopsy(lesion: "L4", date: day("2026-09-03"), result: .metastasis, histology: "metastatic clear cell renal cell carcinoma")]
        let renal = assess(r, asOf: day("2026-10-01"))
        let noms = try #require(renal.findings.first { $0.subject == .lesion("L4") && $0.ruleId.hasPrefix("surgery.spine") })
        #expect(noms.detail.en.contains("O: kidney (renal-cell carcinoma) — radioresistant"))
        r.primaries[1] = PrimaryCancer(id: "L", site: .lung, histology: "lung adenocarcinoma", diagnosed: day("2025-01"))
        r.biopsies = [Biopsy(lesion: "L4", date: day("2026-09-03"), result: .metastasis, histology: "metastatic adenocarcinoma")]
        let adeno = assess(r, asOf: day("2026-10-01"))
        let open = try #require(adeno.findings.first { $0.subject == .lesion("L4") && $0.ruleId.hasPrefix("surgery.spine") })
        #expect(open.detail.en.contains("O: depends on the primary"))
    }

    @Test func twoCandidatesAlikeAreBothNamed() throws {
        var r = record(myelomaRecorded: false)
        r.primaries.append(PrimaryCancer(id: "PR", site: .prostate, diagnosed: day("2024-01")))
        r.biopsies = []
        let a = assess(r, asOf: day("2026-10-01"))
        let noms = try #require(a.findings.first { $0.subject == .lesion("L4") && $0.ruleId.hasPrefix("surgery.spine") })
        #expect(noms.detail.en.contains("O: breast (invasive ductal carcinoma) or prostate — either radiosensitive"))
        #expect(noms.detail.zhHans.contains("——均放疗敏感"))
    }
}

@Suite struct RadiotherapyDoseInItsNameTests {
    /// cb17: a case record's radiotherapy row "T6 姑息放疗 20Gy/5F" with no `doseGy` — as a
    /// hospital's export writes it — and the compression seen after it: "cumulative dose not on
    /// record — obtain it", though the record says 20 Gy. The FHIR importer read names so already.
    @Test func aDoseWrittenInTheNameIsTheCoursesDose() throws {
        var r = SpinalRadiotherapyGivenTests().record(radiotherapyStart: "2025-07-01")
        r.treatments = [Treatment(id: "R1", kind: .radiotherapy, name: "T6 姑息放疗 20Gy/5F", lesions: ["V"], start: day("2025-07-01"), end: day("2025-07-05"))]
        let noms = try #require(assess(r, asOf: day("2025-08-04")).rule("surgery.spine.noms").first)
        #expect(noms.detail.en.contains("cumulative 20.0 Gy"))
        #expect(!noms.detail.en.contains("cumulative dose not on record"))
        // A recorded dose wins over the name; a name with two doses gives none.
        r.treatments[0].doseGy = 30
        #expect(try #require(assess(r, asOf: day("2025-08-04")).rule("surgery.spine.noms").first).detail.en.contains("cumulative 30.0 Gy"))
        r.treatments[0].doseGy = nil
        r.treatments[0].name = "T6 放疗 20Gy/5F 加量 10Gy"
        #expect(try #require(assess(r, asOf: day("2025-08-04")).rule("surgery.spine.noms").first).detail.en.contains("cumulative dose not on record"))
    }
}

@Suite struct ThyroidHormoneIsNoChemotherapyTests {
    /// cb17-u: a follicular thyroid cancer treated with radioiodine and TSH-suppressive
    /// levothyroxine; New Katagiri's "previous chemotherapy" read unknown (0–1) for the hormone.
    @Test func katagiriKnowsThereWasNoChemotherapy() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .thyroid, histology: "甲状腺滤泡癌", diagnosed: day("2018-03"))]
        r.treatments = [
            Treatment(id: "RAI", kind: .systemic, name: "131I治疗 150mCi", start: day("2018-06-01"), end: day("2018-06-01")),
            Treatment(id: "LT4", kind: .systemic, name: "左甲状腺素钠（TSH抑制）", start: day("2018-04-01")),
        ]
        let katagiri = try #require(assess(r, asOf: day("2023-04-01")).katagiri)
        let chemotherapy = try #require(katagiri.components.first { $0.key == "previousChemotherapy" })
        #expect(chemotherapy.points == 0)
    }
}

extension FemurWithoutSegmentTests {
    /// A case record's femur with no segment chosen but its note "左股骨转子间" (intertrochanteric):
    /// the note says where it is — peritrochanteric, Mirels site 3, not "segment not recorded".
    @Test func aNoteNamingTheSegmentSettlesIt() throws {
        var r = record(segment: nil)
        r.lesions[0].note = "左股骨转子间"
        let point = try #require(assess(r, asOf: day("2023-01-06")).mirels.first)
        #expect(point.total.score == 8)
        // The proximal end named alone may be peritrochanteric (rule set 2026.12.255, cb64): 7–8.
        r.lesions[0].note = "左股骨近端"
        let proximal = try #require(assess(r, asOf: day("2023-01-06")).mirels.first)
        #expect(proximal.total.min == 7 && proximal.total.max == 8)
        r.lesions[0].note = "左股骨颈"
        #expect(try #require(assess(r, asOf: day("2023-01-06")).mirels.first).total.score == 7)
        // A note naming no segment leaves it open.
        r.lesions[0].note = "左股骨病灶"
        let open = try #require(assess(r, asOf: day("2023-01-06")).mirels.first)
        #expect(open.total.min == 7 && open.total.max == 8)
    }
}

@Suite struct AwaitingDiagnosisTests {
    /// cb17-v: a breast cancer's L3, absent at staging, blastic six months into letrozole and
    /// abemaciclib, with uptake: "blastic lesion after systemic therapy started — do not biopsy"
    /// stood beside the bone agent's "not yet diagnosed (awaiting biopsy …)".
    @Test func theBoneAgentDoesNotWaitForABiopsyTheDiagnosisAdvisesAgainst() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3"))]
        r.studies = [
            ct("C1", "2025-11-01", [observation("L3") { $0.present = false }]),
            ct("C2", "2026-05-10", [observation("L3", .blastic, [12, 10])]),
            survey("E1", "2026-05-15", ["L3"]),
        ]
        r.treatments = [Treatment(id: "AI", kind: .systemic, name: "来曲唑+阿贝西利", start: day("2025-11-10"))]
        let a = assess(r, asOf: day("2026-05-20"))
        #expect(a.has("diagnosis.biopsy.blasticAfterTherapy", subject: .lesion("L3")))
        let agent = try #require(a.rule("boneAgents.afterDiagnosis").first)
        #expect(!agent.detail.en.contains("awaiting biopsy"))
        #expect(agent.detail.en.contains("follow-up imaging where a biopsy is not advised"))
        #expect(agent.detail.zhHans.contains("在不建议活检时随访影像"))
    }
}

extension HypocalcaemiaTests {
    /// An ionised calcium (离子钙, 1.15 mmol/L — normal for ionised) entered as "calcium" reads as
    /// grade 4 hypocalcaemia: the urgent finding stays, and first asks which calcium was measured
    /// (CTCAE v5.0 grades ionised calcium on its own scale). Grade 3 does not ask it.
    @Test func gradeFourAsksWhetherTheCalciumWasIonised() throws {
        let four = try #require(finding(record(calcium: 1.15, unit: "mmol/L", lower: 2.1)))
        #expect(four.severity == .urgent)
        #expect(four.detail.en.contains("First confirm it is a total serum calcium: an ionised calcium entered as calcium reads as grade 4"))
        #expect(four.detail.zhHans.contains("首先确认此为血清总钙"))
        let three = try #require(finding(record(calcium: 6.5)))
        #expect(!three.detail.en.contains("ionised calcium entered as calcium"))
    }
}

@Suite struct FractureOfUnrecordedSiteTests {
    /// cb17: a lung cancer's left femur at Mirels 11–12, and a pathological fracture recorded
    /// three weeks later with no lesion named. The femur read "impending fracture — prophylactic
    /// fixation" as if nothing had broken; the record cannot say which bone did, so the finding
    /// says what it would mean.
    func record(fractureLesion: String?, event: Bool = true) -> CaseRecord {
        var r = FemurWithoutSegmentTests().record(segment: .diaphysis)
        r.studies[0].observations[0].character = .lytic
        r.studies[0].observations[0].fractionOfDiameter = 0.8
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "LF", mirels: .functional)]
        r.events = event ? [ClinicalEvent(date: day("2023-01-26"), kind: .pathologicalFracture, lesion: fractureLesion)] : []
        return r
    }

    @Test func anUnplacedFractureIsNamedBesideTheImpendingOne() throws {
        let a = assess(record(fractureLesion: nil), asOf: day("2023-02-01"))
        let impending = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(impending.detail.en.contains("A pathological fracture of unrecorded site is on record (2023-01-26): if it is this bone, it has broken"))
        #expect(impending.detail.zhHans.contains("病历中有一处未记录部位的病理性骨折（2023-01-26）"))
        // Placed on the femur, it is the femur's fracture; none on record, nothing is said.
        #expect(assess(record(fractureLesion: "LF"), asOf: day("2023-02-01")).has("surgery.mirels.fractured"))
        let none = try #require(assess(record(fractureLesion: nil, event: false), asOf: day("2023-02-01")).rule("surgery.mirels.impendingFracture").first)
        #expect(!none.detail.en.contains("unrecorded site"))
    }
}

extension AtypicalFemoralFractureTests {
    /// Rule set 2026.12.90: a femur entered with no segment chosen but its note "右股骨干骨折" (the
    /// shaft) is the shaft the atypical-fracture differential asks about; a note naming the distal
    /// femur is not.
    @Test func aShaftNamedInTheNoteIsTheShaft() throws {
        var r = record()
        r.lesions[1].segment = nil
        r.lesions[1].note = "右股骨干骨折"
        #expect(assess(r, asOf: day("2025-10-20")).has("diagnosis.differential.atypicalFemoralFracture"))
        r.lesions[1].note = "右股骨远端"
        #expect(!assess(r, asOf: day("2025-10-20")).has("diagnosis.differential.atypicalFemoralFracture"))
    }
}
