@testable import BoneMetFHIR
import BoneMetRules
import Foundation
import Testing

/// An unseen Chinese spine-ward bundle (ehr25, 2026-12-06): a breast cancer written "左乳浸润性导管癌
/// 术后" was a primary of site "other"; "NRS疼痛评分" 7 and the examination "肌力" — "双下肢肌力4级，
/// 感觉平面T10以下减退" — were dropped without a word; the scan said "primary cancers 0" beside the
/// case it created.
extension RealEHRImportTests {
    @Test func aBreastNamedByItsSideIsTheBreast() {
        for text in ["左乳浸润性导管癌术后 ER(+) PR(+) HER2(-)", "右乳癌术后", "双乳多发癌", "乳癌"] {
            #expect(CancerCodes.fromText(text) == .recognised(.primary(.breast, HistologyType.infer(from: text))), "\(text)")
        }
        // Papillary is the thyroid's, whichever side its lobe.
        #expect(CancerCodes.fromText("甲状腺右叶乳头状癌") == .recognised(.primary(.thyroid, HistologyType.infer(from: "甲状腺右叶乳头状癌"))))
        #expect(CancerCodes.fromText("左乳头状癌") == .recognised(.primary(.other, HistologyType.infer(from: "左乳头状癌"))))
    }

    @Test func anNRSPainScoreAndAMotorExaminationByTheirNames() async throws {
        func observation(_ id: String, _ name: String, _ value: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/h9"}, "effectiveDateTime": "2026-10-22", "code": {"text": "\#(name)"}, \#(value)}}"#
        }
        let (summary, record) = try await hisPatient([
            hisCondition("bc", text: "左乳浸润性导管癌术后"),
            hisCondition("bm", text: "骨转移", site: "T8椎体"),
            observation("a-nrs", "NRS疼痛评分", #""valueInteger": 7"#),
            observation("b-power", "肌力", #""valueString": "双下肢肌力4级，感觉平面T10以下减退""#),
            observation("c-power", "双下肢肌力", #""valueString": "Ⅲ级""#),
            observation("d-power", "肌力", #""valueString": "左下肢肌力4级""#),
            observation("e-power", "肌力", #""valueString": "四肢肌力5级，感觉正常""#),
        ])
        #expect(record.primaries.map(\.site) == [.breast])
        #expect(record.pain.map(\.nrs) == [7])
        // Both legs below grade 5 (with a sensory level, or a Roman grade): a cord's deficit.
        #expect(record.neurology.map(\.status) == [.myelopathy, .myelopathy])
        #expect(record.neurology.allSatisfy { $0.frankel == nil })
        #expect(summary.notes.contains { $0.resource == "Observation/b-power" && $0.message.hasPrefix("neurological examination \"肌力\" read as a deficit (myelopathy") })
        // One leg may be a root's, and a normal grade is no proof: said, not read.
        for id in ["d-power", "e-power"] {
            #expect(summary.notes.contains { $0.resource == "Observation/\(id)" && $0.message.contains("not read as a deficit") }, "\(id)")
        }
    }

    @Test func motorGradesInDigitsAndRomanNumerals() {
        #expect(FHIRCaseMapper.motorGrades("双下肢肌力4级") == [4])
        #expect(FHIRCaseMapper.motorGrades("左下肢肌力ⅳ级，右下肢肌力ⅴ级") == [4, 5])
        #expect(FHIRCaseMapper.motorGrades("双下肢肌力iii级") == [3])
        #expect(FHIRCaseMapper.motorGrades("双下肢肌力4+级") == [4])
        #expect(FHIRCaseMapper.motorGrades("motor power grade 3 in both legs") == [3])
        #expect(FHIRCaseMapper.motorGrades("感觉正常") == [])
        #expect(FHIRCaseMapper.motorPowerDeficit("双下肢肌力5级") == false)
        #expect(FHIRCaseMapper.motorPowerDeficit("四肢肌力0级") == true)
        // The legs' own grade: an arm's weakness beside normal legs is no cord deficit.
        #expect(FHIRCaseMapper.motorPowerDeficit("双下肢肌力5级，左上肢肌力3级") == false)
        #expect(FHIRCaseMapper.motorPowerDeficit("肌力：双上肢5级，双下肢3级") == true)
    }

    @Test func theScanCountsAPrimaryReadByItsText() {
        var scan = BulkScan()
        let condition = #"{"resourceType": "Condition", "id": "bc", "subject": {"reference": "Patient/h9"}, "code": {"text": "左乳浸润性导管癌术后"}}"#
        guard let resource = try? FHIRResource(parsing: condition) else {
            Issue.record("the Condition did not parse")
            return
        }
        scan.count(resource)
        #expect(scan.cancerConditions == 1)
    }
}

/// ehr26 (an unseen US export, 2026-12-06): "Hormone refractory prostate cancer" (SNOMED CT
/// 427492003) beside "Malignant tumor of prostate" was merged into it as the same cancer, and the
/// castration resistance it names was lost.
extension RealEHRImportTests {
    @Test func aLaterConditionsCastrationResistanceSurvivesTheMerge() async throws {
        func condition(_ id: String, _ code: String, _ text: String, _ onset: String) -> String {
            #"{"resource": {"resourceType": "Condition", "id": "\#(id)", "subject": {"reference": "Patient/u26"}, "onsetDateTime": "\#(onset)", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "\#(code)", "display": "\#(text)"}], "text": "\#(text)"}}}"#
        }
        let patient = #"{"resource": {"resourceType": "Patient", "id": "u26", "gender": "male", "birthDate": "1951-04-18"}}"#
        let (summary, record) = try await importEntries([
            patient,
            condition("pc", "399068003", "Malignant tumor of prostate", "2023-05-02"),
            condition("bm", "94222008", "Secondary malignant neoplasm of bone", "2023-05-10"),
            condition("zcrpc", "427492003", "Hormone refractory prostate cancer", "2026-06-01"),
        ])
        #expect(record.primaries.count == 1)
        #expect(record.primaries.first?.castrationResistant == true)
        #expect(summary.notes.contains { $0.resource == "Condition/zcrpc" && $0.message.contains("its castration resistance kept") })
        // A sensitive state does not undo a resistant one.
        let (_, reverse) = try await importEntries([
            patient,
            condition("pc", "399068003", "Castration resistant prostate cancer", "2023-05-02"),
            condition("bm", "94222008", "Secondary malignant neoplasm of bone", "2023-05-10"),
            condition("zhs", "399068003", "Hormone sensitive prostate cancer", "2026-06-01"),
        ])
        #expect(reverse.primaries.first?.isCastrationResistant == true)
    }
}

/// ehr28 (an unseen Chinese haematology bundle, 2026-12-06): "骨髓瘤骨病" with body sites "颅骨、T7、
/// L2椎体、骨盆" became a second myeloma primary (merged into the first) and its four lesions were lost.
extension RealEHRImportTests {
    @Test func aMyelomasBoneDiseaseIsItsLesions() async throws {
        let (_, record) = try await hisPatient([
            hisCondition("mm", text: "多发性骨髓瘤(IgG-κ型) ISS III期"),
            hisCondition("zbd", text: "骨髓瘤骨病", site: "颅骨、T7、L2椎体、骨盆"),
        ])
        #expect(record.primaries.map(\.site) == [.myeloma])
        #expect(record.lesions.map(\.bone) == [.skull, .vertebra, .vertebra, .pelvis])
        #expect(record.lesions.compactMap(\.level).map(\.description) == ["T7", "L2"])
        for text in ["myeloma bone disease", "多发性骨髓瘤伴溶骨性骨破坏", "diffuse large B-cell lymphoma with bone involvement"] {
            #expect(CancerCodes.fromText(text) == .recognised(.boneMetastasis), "\(text)")
        }
        // The disease alone is the primary; a plasmacytoma of bone is its own.
        #expect(CancerCodes.fromText("多发性骨髓瘤") == .recognised(.primary(.myeloma, HistologyType.infer(from: "多发性骨髓瘤"))))
    }
}
