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
