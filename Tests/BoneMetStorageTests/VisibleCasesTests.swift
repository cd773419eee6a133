import BoneMetDomain
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Testing

/// Issue #12 found the viewer's cases from the viewer's side (`SQLCaseAccess.visibleIds`, an
/// array on PostgreSQL): every source of access must still count — created, added to the team,
/// attending a meeting about the case, an unexpired "break the glass" grant — and nothing else,
/// in the patient list and every worklist alike, and exactly the cases the
/// single-case check lets the viewer open.
@Suite struct VisibleCasesTests {
    @Test(arguments: TestDatabases.engines)
    func everySourceOfAccessAndNothingElse(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let cases = SQLCaseStore(store)
            let access = SQLCaseAccess(store)
            let meetings = SQLMeetingStore(store)
            let now: Int64 = 1_800_000_000
            // One record with findings on worklists, stored six times under different patients.
            let template = SyntheticCase.make(lesions: 4, studies: 5, treatments: 3, seed: 7)
            let findings = assess(template, asOf: PartialDate("2026-11-30") ?? template.studies[0].date, settings: .default).findings
            var ids: [String: String] = [:]
            for (patient, creator) in [("created", "viewer"), ("team", "other"), ("meeting", "other"), ("grant", "other"), ("expired", "other"), ("none", "other")] {
                var record = template
                record.patient.id = "vis-" + patient
                ids[patient] = try await cases.create(record, findings: findings, reassessOn: 0, by: creator, at: now - 1_000).id
            }
            try await access.add(member: "viewer", caseId: ids["team"] ?? "", by: "other", at: now - 500)
            let meeting = try await meetings.create(title: "MDT", scheduledFor: "2026-12-01 08:00", location: "room", by: "coordinator", at: now - 400)
            try await meetings.add(caseId: ids["meeting"] ?? "", question: "plan?", to: meeting)
            try await meetings.setAttendees([Attendee(name: "V", specialty: .orthopaedics, userId: "viewer")], meeting: meeting)
            try await access.breakGlass(caseId: ids["grant"] ?? "", userId: "viewer", reason: "emergency", at: now - 100, until: now + 3_600)
            try await access.breakGlass(caseId: ids["expired"] ?? "", userId: "viewer", reason: "emergency", at: now - 90_000, until: now - 1)

            let viewer = CaseViewer(userId: "viewer", now: now)
            let expected: Set<String> = ["vis-created", "vis-team", "vis-meeting", "vis-grant"]
            var filter = CaseListFilter(today: "2026-11-30")
            filter.viewer = viewer
            #expect(Set(try await cases.list(filter, limit: 50, offset: 0).map(\.patientId)) == expected)
            var nonEmpty = 0
            for list in Worklists.all {
                let everyone = Set(try await cases.worklist(list.slug, viewer: nil, after: nil, limit: 500).map(\.patientId))
                let theirs = Set(try await cases.worklist(list.slug, viewer: viewer, after: nil, limit: 500).map(\.patientId))
                #expect(theirs == everyone.intersection(expected), "\(list.slug)")
                if !everyone.isEmpty { nonEmpty += 1 }
            }
            #expect(nonEmpty > 0, "the record must put its cases on some worklist, or this test checks nothing")
            for (patient, id) in ids {
                let level = try await access.access(caseId: id, viewer: viewer)
                #expect((level != nil) == expected.contains("vis-" + patient), "\(patient)")
            }
        }
    }
}
