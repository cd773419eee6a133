import BoneMetDomain
import Foundation
import SnapshotTesting
import Testing

@testable import BoneMetWeb

/// Pages rendered from mock models, no database: any change to the HTML shows as a diff of the
/// committed snapshots in __Snapshots__ (re-record with SNAPSHOT_TESTING_RECORD=all).
@Suite struct PageSnapshotTests {
    static let doctor = User(id: "u1", username: "dr.li", displayName: "Dr Li", role: .orthopaedics, mustChangePassword: false)
    static let asOf = PartialDate(year: 2023, month: 6, day: 30) ?? PartialDate(dayNumber: 0)

    func layout(_ language: AppLanguage) -> Layout {
        Layout(language: language, user: Self.doctor, csrf: "csrf-token", indented: true)
    }

    func stored(_ name: String) throws -> StoredCase {
        let record = try CaseFile.read(try WebFlowTests.example(name))
        return StoredCase(id: "00000000-0000-4000-8000-000000000001", record: record, version: 3, updatedAt: 1_688_000_000, updatedBy: "u1", ruleSetVersion: RuleSet.version)
    }

    @Test(arguments: [AppLanguage.en, .zhHans])
    func casePage(language: AppLanguage) throws {
        let stored = try stored("01-response-window-t10.json")
        let page = CasePage(
            stored: stored, assessment: assess(stored.record, asOf: Self.asOf), canEdit: true,
            viewer: ViewerLinks(template: "https://pacs.example/viewer?StudyInstanceUIDs={uids}"))
        assertSnapshot(of: page.render(layout(language)), as: .lines, named: language.shortCode)
    }

    @Test func worklistPage() {
        let entries = [
            WorklistEntry(
                caseId: "c1", patientId: "demo-06", fictional: true, ruleId: "surgery.mirels.impendingFracture", severity: .urgent,
                specialty: .orthopaedics, subjectId: "L1", date: "2023-04-03",
                title: LocalizedText(en: "femur (L1): impending fracture (Mirels 12)", zh: "股骨（L1）：骨折风险高（Mirels 12 分）")),
        ]
        let page = WorklistPage(title: Worklists.all[0].title, entries: entries, page: 1, path: "impending-fractures", pageSize: 50)
        assertSnapshot(of: page.render(layout(.en)), as: .lines)
    }

    @Test func loginPageWithError() {
        let page = LoginPage(username: "dr.li", error: UIText.badLogin, formToken: "login-token")
        assertSnapshot(of: page.render(Layout(language: .zhHans, user: nil, csrf: nil, indented: true)), as: .lines)
    }

    @Test func meetingReport() throws {
        let stored = try stored("06-impending-femoral-fracture.json")
        let item = AgendaItem(
            caseId: stored.id, patientId: "demo-06", question: "Fix before radiotherapy?", decision: "Prophylactic fixation, then radiotherapy",
            specialty: .orthopaedics, followUp: ["book theatre", "denosumab after wound healing"])
        let meeting = Meeting(
            id: "m1", title: "Bone MDT", scheduledFor: "2023-04-05 14:00", location: "Room 5",
            attendees: [Attendee(name: "Dr Li", specialty: .orthopaedics), Attendee(name: "Dr Wang", specialty: .medicalOncology)], items: [item])
        let page = MeetingReportPage(meeting: meeting, item: item, stored: stored, assessment: assess(stored.record, asOf: Self.asOf))
        assertSnapshot(of: page.render(layout(.en)), as: .lines)
    }
}
