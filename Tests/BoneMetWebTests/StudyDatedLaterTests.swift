import BoneMetDomain
import BoneMetRules
@testable import BoneMetWeb
import Testing

/// cb39-j (unseen record, 2026-12-04): a follow-up X-ray typed 2027-10-03 for 2026-10-03 was read
/// by no finding and shown on the case page like any other study. The assessment is as of its day
/// (facts after it are ignored — `factsAfterAsOfAreIgnored`), so the page says it beside the study.
@Suite struct StudyDatedLaterTests {
    func page(studyDate: String, language: AppLanguage) throws -> String {
        var stored = try PageSnapshotTests().stored("01-response-window-t10.json")
        var record = stored.record
        let date = try #require(PartialDate(studyDate))
        record.studies.append(ImagingStudy(id: "LATE", date: date, modality: .xray))
        stored = StoredCase(id: stored.id, record: record, version: stored.version, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy, ruleSetVersion: stored.ruleSetVersion)
        let page = CasePage(stored: stored, assessment: assess(record, asOf: PageSnapshotTests.asOf), canEdit: true)
        return page.render(Layout(language: language, user: PageSnapshotTests.doctor, csrf: "t"))
    }

    @Test func aStudyAfterTheAssessmentsDayIsMarked() throws {
        let later = try page(studyDate: "2024-06-29", language: .en)
        #expect(later.contains("class=\"later\"") && later.contains("not read yet — if the date was typed wrong, correct it"))
        #expect(try page(studyDate: "2024-06-29", language: .zhHans).contains("日期晚于评估日：尚未纳入评估"))
        #expect(try !page(studyDate: "2023-06-30", language: .en).contains("class=\"later\""))
    }
}
