import BoneMetRules
import Testing

/// cb92-d (unseen record, 2026-12-06): lytic skull, humerus and L2 lesions at 67, no known
/// primary, CRAB met — "myeloma in the differential" beside a whole-body screening advice of "bone
/// scan (ECT) or PET-CT". A bone scan misses myeloma's lytic lesions (Hillengass 2019, IMWG): while
/// the differential is open the survey is myeloma's own. Rule set 2026.12.334.
@Suite struct MyelomaSuspectedSurveyTests {
    /// A CT of the spine only (no whole-body survey) with lytic lesions and no primary.
    func record(age: Int, primary: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("\(2023 - age)-01-01")
        r.primaries = primary ? [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2022-10"))] : []
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L2")), Lesion(id: "L2", bone: .humerus, segment: .proximal, laterality: .left)]
        r.studies = [ImagingStudy(
            id: "C1", date: day("2023-02-01"), modality: .ct, windows: [.bone, .softTissue], coverage: [.lumbarSpine, .leftUpperLimb],
            observations: [
                observation("L1", .lytic, [20, 15]) { $0.boneDestruction = true },
                observation("L2", .lytic, [25, 18]) { $0.boneDestruction = true },
            ])]
        return r
    }

    @Test func whileMyelomaIsSuspectedTheSurveyIsMyelomasOwn() throws {
        let a = assess(record(age: 67), asOf: day("2023-02-10"))
        #expect(a.has("diagnosis.differential.myeloma"))
        let survey = try #require(a.rule("diagnosis.imaging.wholeBodyScreening").first)
        #expect(survey.detail.en.contains("Myeloma is in the differential: whole-body low-dose CT or PET-CT (or whole-body MRI) — a bone scan misses myeloma's lytic lesions"))
        #expect(survey.detail.zhHans.contains("鉴别诊断中有骨髓瘤：首选全身低剂量 CT 或 PET-CT"))
        #expect(survey.sources.map(\.id).contains("hillengass2019"))
        #expect(survey.severity == .advisory)
    }

    /// At the setting's age (50) and below no myeloma differential is raised by the lesions
    /// alone: the survey is the usual one.
    @Test func withoutTheDifferentialTheUsualSurvey() throws {
        for a in [assess(record(age: 45), asOf: day("2023-02-10")), assess(record(age: 67, primary: true), asOf: day("2023-02-10"))] {
            #expect(!a.has("diagnosis.differential.myeloma"))
            let survey = try #require(a.rule("diagnosis.imaging.wholeBodyScreening").first)
            #expect(survey.detail.en == "Whole-body screening for other bone lesions: bone scan (ECT) or PET-CT. Confirm what it finds on X-ray/CT.")
            #expect(!survey.sources.map(\.id).contains("hillengass2019"))
        }
    }
}

/// ehr29 (unseen US bundle, 2026-12-06): CPT names the implant, not the act — "Treatment of
/// intertrochanteric, peritrochanteric, or subtrochanteric femoral fracture; with intramedullary
/// implant" (27245) was no orthopaedic procedure, and the fixed femur read "no fixation on record:
/// urgent referral for fixation". Rule set 2026.12.335.
@Suite struct CPTImplantWordingTests {
    @Test func anImplantIsAFixation() {
        #expect(SurgicalProcedureText.read(["Treatment of intertrochanteric, peritrochanteric, or subtrochanteric femoral fracture; with intramedullary implant"]) == .fractureFixation)
        #expect(SurgicalProcedureText.read(["Open treatment of humeral shaft fracture with plate/screw implant"]) == .fractureFixation)
        #expect(SurgicalProcedureText.read(["Prophylactic treatment (nailing, pinning, plating or wiring) femur; with intramedullary rod"]) == .prophylacticFixation)
        #expect(SurgicalProcedureText.read(["Cephalomedullary nail insertion, left femur"]) == .other)
        // CPT 22510–22515's words for vertebroplasty and kyphoplasty (ehr31, rules .337).
        #expect(SurgicalProcedureText.read(["Percutaneous vertebral augmentation, including cavity creation, lumbar"]) == .cementAugmentation)
        #expect(SurgicalProcedureText.read(["Percutaneous vertebroplasty, one vertebral body, unilateral or bilateral injection; lumbosacral"]) == .cementAugmentation)
        #expect(SurgicalProcedureText.read(["T12椎体骨水泥成形术"]) == .cementAugmentation)
        // CPT's spine words (rules .338): a laminectomy decompresses, an arthrodesis or a segmental
        // instrumentation stabilises, a corpectomy resects.
        #expect(SurgicalProcedureText.read(["Laminectomy, facetectomy and foraminotomy, single vertebral segment; lumbar"]) == .decompression)
        #expect(SurgicalProcedureText.read(["Arthrodesis, posterior or posterolateral technique, single interspace; lumbar"]) == .stabilisation)
        #expect(SurgicalProcedureText.read(["Posterior non-segmental instrumentation"]) == .stabilisation)
        #expect(SurgicalProcedureText.read(["Posterior segmental instrumentation, 3 to 6 vertebral segments"]) == .stabilisation)
        #expect(SurgicalProcedureText.read(["Vertebral corpectomy (vertebral body resection), partial or complete, thoracic"]) == .resection)
        #expect(SurgicalProcedureText.read(["Vertebral corpectomy with decompression of spinal cord, thoracic"]) == .decompression)
        // Its removal still is none.
        #expect(SurgicalProcedureText.read(["Removal of intramedullary implant, femur"]) == nil)
    }

    @Test func theFixedFractureIsNoLongerAnEmergency() throws {
        var r = baseCase()
        r.events = [ClinicalEvent(date: day("2023-03-01"), kind: .pathologicalFracture, lesion: "L1")]
        #expect(assess(r, asOf: day("2023-03-25")).findings.contains { $0.ruleId.hasPrefix("surgery.") && $0.severity == .urgent })
        r.treatments.append(Treatment(
            id: "S1", kind: .surgery, name: "Treatment of femoral shaft fracture; with intramedullary implant", lesions: ["L1"], start: day("2023-03-03")))
        #expect(!assess(r, asOf: day("2023-03-25")).findings.contains { $0.ruleId.hasPrefix("surgery.") && $0.severity == .urgent })
    }
}

/// cb92-t (unseen record, 2026-12-06): a hormone-sensitive prostate cancer on ADT with two new
/// bone-scan lesions at 8 weeks and two more at 19 weeks — PCWG3 2+2 progression confirmed, dated
/// to the first — and then a PSA rise from its nadir. The PSA finding said "bone scan not
/// progressing … radiographic progression is not shown" beside the confirmed progression: the
/// scan since the rise has no 2+2 verdict of its own (PCWG3 had already called it). Rule set
/// 2026.12.336.
@Suite struct PSAAfterConfirmedBoneProgressionTests {
    func record() -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2023-01"), castrationResistant: false)]
        r.lesions = ["L1", "L2", "L3", "L4", "L5", "L6"].map { Lesion(id: $0, bone: .rib, laterality: .left, primary: "P1") }
        func scan(_ id: String, _ date: String, seen: Set<String>) -> ImagingStudy {
            ImagingStudy(id: id, date: day(date), modality: .boneScan, observations: r.lesions.map { lesion in
                observation(lesion.id) { seen.contains(lesion.id) ? ($0.uptake = true) : ($0.present = false) }
            })
        }
        r.studies = [
            scan("B1", "2023-01-05", seen: ["L1", "L2"]),
            scan("B2", "2023-03-06", seen: ["L1", "L2", "L3", "L4"]),
            scan("B3", "2023-05-20", seen: ["L1", "L2", "L3", "L4", "L5", "L6"]),
        ]
        r.treatments = [Treatment(id: "A1", kind: .systemic, name: "goserelin + apalutamide", systemicClass: .endocrine, start: day("2023-01-08"))]
        r.labs = [("2023-01-05", 88.0), ("2023-03-06", 6.0), ("2023-05-20", 9.0), ("2023-06-15", 14.0)].map {
            LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL", upperLimit: 4)
        }
        return r
    }

    @Test func aPSARiseAfterConfirmedBoneProgressionSaysItCameFirst() throws {
        let a = assess(record(), asOf: day("2023-06-20"))
        #expect(a.rule("boneHealth.pcwg3.firstScan").contains { $0.title.en.contains("confirmed") }, "\(a.findings.map(\.title.en))")
        let psa = try #require(a.rule("boneHealth.pcwg3.psaProgression").first)
        #expect(!psa.title.en.contains("bone scan not progressing"), "\(psa.title.en)")
        #expect(psa.detail.en.contains("Radiographic progression came first: the bone scan of 2023-03-06 showed it by the 2+2 rule, confirmed on 2023-05-20"), "\(psa.detail.en)")
        #expect(psa.detail.zhHans.contains("影像学进展在先"))
        #expect(!psa.detail.en.contains("radiographic progression is not shown"))
    }
}
