import BoneMetDomain
import BoneMetStorage
import BoneMetTestSupport
import Testing

/// Issue #12 read the care team in one statement: the same members, in the same order, on
/// both engines — creator, then those added in the order added, then meeting attendees (once,
/// and not again when already on the team).
@Suite struct CareTeamMembersTests {
    @Test(arguments: TestDatabases.engines)
    func creatorAddedAndAttendeesInOrder(engine: SQLStore.Engine) async throws {
        try await TestDatabases.with(engine) { store in
            let stored = try await SQLCaseStore(store).create(CaseRecord(patient: Patient(id: "team-1")), findings: [], by: "creator", at: 1)
            let access = SQLCaseAccess(store)
            try await access.add(member: "second", caseId: stored.id, by: "creator", at: 20)
            try await access.add(member: "first", caseId: stored.id, by: "creator", at: 10)
            let meetings = SQLMeetingStore(store)
            for title in ["A", "B"] {
                let meeting = try await meetings.create(title: title, scheduledFor: "2026-12-01 08:00", location: "MDT room", by: "coordinator", at: 5)
                try await meetings.add(caseId: stored.id, question: "plan?", to: meeting)
                try await meetings.setAttendees(
                    [Attendee(name: "R", specialty: .radiology, userId: "radiologist"), Attendee(name: "F", specialty: .orthopaedics, userId: "first"),
                     Attendee(name: "Guest", specialty: .pathology)],
                    meeting: meeting)
            }
            let members = try await access.members(caseId: stored.id)
            #expect(members.map(\.userId) == ["creator", "first", "second", "radiologist"])
            #expect(members.map(\.basis) == [.created, .added, .added, .meeting])
            #expect(members[1].addedBy == "creator" && members[1].addedAt == 10)
            #expect(members[0].addedAt == nil && members[3].addedBy == nil)
        }
    }
}
