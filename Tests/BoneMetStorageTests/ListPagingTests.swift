import BoneMetDomain
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

/// Issue #12: the patient list and the worklists page by cursor (keyset) in their order, and
/// patient search finds any part of an id from an index — the same answers on both engines.
@Suite struct ListPagingTests {
    static let engines = TestDatabases.engines

    /// A migrated database for the body, shut down whatever the body does.
    func withStore(_ engine: SQLStore.Engine, _ body: (SQLStore) async throws -> Void) async throws {
        try await StorageContractTests().withDatabase(engine, body)
    }

    static func record(_ id: String, urgentFracture: Bool) throws -> CaseRecord {
        // A larger case has more (and more severe) findings than a small one.
        var record = urgentFracture
            ? SyntheticCase.make(lesions: 3, studies: 4, treatments: 3, seed: UInt64(id.count))
            : SyntheticCase.make(lesions: 1, studies: 1, treatments: 1, seed: 2)
        record.patient.id = id
        return record
    }

    @Test(arguments: engines)
    func pagesByCursorGiveEveryRowOnceInOrder(engine: SQLStore.Engine) async throws {
        try await withStore(engine) { store in
        let cases = SQLCaseStore(store)
        let asOf = PartialDate("2026-11-30")!
        var items: [SQLCaseStore.NewCase] = []
        for index in 0..<57 {
            let record = try Self.record(String(format: "page-%03d", index), urgentFracture: index % 3 == 0)
            items.append(.init(record: record, json: CaseFile.write(record), findings: assess(record, asOf: asOf, settings: .default).findings, by: "u", at: Int64(1_000 + index % 7)))
        }
        try await cases.insertMany(items)
        // Offset paging (the order) and cursor paging give the same rows.
        let all = try await cases.list(CaseListFilter(), limit: 100, offset: 0)
        #expect(all.count == 57)
        var paged: [CaseSummary] = []
        var filter = CaseListFilter()
        repeat {
            let page = try await cases.list(filter, limit: 10, offset: 0)
            paged += page
            filter.after = page.count == 10 ? page.last?.cursor : nil
        } while filter.after != nil
        #expect(paged.map(\.id) == all.map(\.id))
        // Most urgent first, then the latest change.
        #expect(zip(all, all.dropFirst()).allSatisfy { ($0.urgent, $0.warnings, $0.updatedAt) >= ($1.urgent, $1.warnings, $1.updatedAt) })
        // A worklist the same way, against the rule-based query.
        let list = try #require(Worklists.named("impending-fractures"))
        let whole = try await cases.worklist(rules: list.rules, minimumSeverity: list.minimumSeverity, viewer: nil, limit: 500, offset: 1)
        let first = try await cases.worklist(rules: list.rules, minimumSeverity: list.minimumSeverity, viewer: nil, limit: 1, offset: 0)
        var entries: [WorklistEntry] = []
        var after: String?
        repeat {
            let page = try await cases.worklist(list.slug, viewer: nil, after: after, limit: 4)
            entries += page
            after = page.count == 4 ? page.last?.cursor : nil
        } while after != nil
        #expect(!entries.isEmpty)
        #expect(entries.map(\.caseId) == first.map(\.caseId) + whole.map(\.caseId))
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.severity >= $1.severity })
        }
    }

    @Test(arguments: engines)
    func searchFindsAnyPartOfAnIdWhateverItsCase(engine: SQLStore.Engine) async throws {
        try await withStore(engine) { store in
        let cases = SQLCaseStore(store)
        let ids = ["MRN-00123-abc", "mrn-99", #"x"y%z_1"#, "other-5"]
        var stored: [String: String] = [:]
        for id in ids {
            let record = try Self.record(id, urgentFracture: false)
            stored[id] = try await cases.create(record, findings: [], by: "u", at: 1).id
        }
        func search(_ text: String) async throws -> Set<String> {
            Set(try await cases.list(CaseListFilter(search: text), limit: 50, offset: 0).map(\.patientId))
        }
        #expect(try await search("0012") == ["MRN-00123-abc"])
        #expect(try await search("ABC") == ["MRN-00123-abc"])
        #expect(try await search("mrn") == ["MRN-00123-abc", "mrn-99"])
        #expect(try await search(#""y%"#) == [#"x"y%z_1"#])
        #expect(try await search("%") == [#"x"y%z_1"#])
        #expect(try await search("z_1") == [#"x"y%z_1"#])
        #expect(try await search("zz_") == [])
        // A changed patient id is found by its new id only.
        let id = try #require(stored["MRN-00123-abc"])
        let current = try #require(try await cases.get(id: id))
        var renamed = current.record
        renamed.patient.id = "renamed-777"
        _ = try await cases.update(id: id, record: renamed, findings: [], expectedVersion: current.version, by: "u", at: 2)
        #expect(try await search("0012") == [])
        #expect(try await search("ed-77") == ["renamed-777"])
        }
    }

    /// The list says what is urgent, not only how much: each row's first urgent or warning
    /// finding in the assessment's order (its rows' positions — the case page's first "to do
    /// first" item), read from its finding rows; none for a case with only advisories — the same
    /// on both engines.
    @Test(arguments: engines)
    func eachRowNamesItsFirstUrgentOrWarningFinding(engine: SQLStore.Engine) async throws {
        try await withStore(engine) { store in
        let cases = SQLCaseStore(store)
        func finding(_ severity: Severity, _ date: String, _ title: String) -> Finding {
            Finding(
                ruleId: "test.\(title)", severity: severity, duty: .surgery, specialty: .orthopaedics, subject: .patient, date: PartialDate(date),
                title: LocalizedText(en: title, zh: "中文" + title), detail: LocalizedText(en: "", zh: ""), sources: [])
        }
        // In the assessment's order: a compression with hours to act before an earlier urgent one.
        let urgent = try await cases.create(try Self.record("top-1", urgentFracture: false), findings: [
            finding(.urgent, "2026-03-01", "within 24 hours"), finding(.urgent, "2026-02-01", "earlier urgent"),
            finding(.warning, "2026-01-02", "warn"), finding(.advisory, "2026-01-01", "advice"),
        ], by: "u", at: 1)
        let warning = try await cases.create(try Self.record("top-2", urgentFracture: false), findings: [
            finding(.warning, "2026-01-05", "first in order"), finding(.warning, "2026-01-01", "second in order"),
            finding(.info, "2026-01-01", "note"),
        ], by: "u", at: 2)
        let quiet = try await cases.create(try Self.record("top-3", urgentFracture: false), findings: [finding(.advisory, "2026-01-01", "advice")], by: "u", at: 3)
        let rows = Dictionary(uniqueKeysWithValues: try await cases.list(CaseListFilter(), limit: 10, offset: 0).map { ($0.id, $0) })
        #expect(rows[urgent.id]?.topFinding == LocalizedText(en: "within 24 hours", zh: "中文within 24 hours"))
        #expect(rows[warning.id]?.topFinding?.en == "first in order")
        #expect(rows[quiet.id]?.topFinding == nil)
        }
    }
}
