import BoneMetDomain
import Foundation

/// Every stored case as a FHIR Bulk Data export: one NDJSON file per resource type
/// (`Patient.ndjson`, `Condition.ndjson`, …) and a `manifest.json` shaped like the Bulk
/// Data complete-status response (transactionTime, request, requiresAccessToken, output,
/// error), so the folder can be handed to any Bulk consumer — including `bonemet import`.
public enum BulkExport {
    public struct Summary: Sendable {
        public var cases = 0
        public var byType: [String: Int] = [:]
    }

    public enum Failure: Error, Equatable {
        case folderNotEmpty
    }

    /// Cases are read one at a time and their resources appended as they are made, so memory
    /// stays flat however many cases there are.
    public static func run(
        store: any CaseStore, to folder: URL, asOf: PartialDate, settings: RuleSettings, transactionTime: Date, pageSize: Int = 200
    ) async throws -> Summary {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty { throw Failure.folderNotEmpty }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let writer = NDJSONFolderWriter(folder: folder)
        defer { writer.close() }
        // Ids first, then each case: the list is ordered by last change, so paging through it
        // while someone edits would skip or repeat cases; the id list is small.
        var ids: [String] = []
        var offset = 0
        while true {
            let page = try await store.list(search: nil, limit: pageSize, offset: offset)
            ids += page.map(\.id)
            if page.count < pageSize { break }
            offset += pageSize
        }
        var summary = Summary()
        var seen: Set<String> = []
        for id in ids where seen.insert(id).inserted {
            guard let stored = try await store.get(id: id) else { continue }   // deleted meanwhile
            let assessment = assess(stored.record, asOf: asOf, settings: settings)
            for resource in FHIRExporter.resources(caseId: stored.id, record: stored.record, assessment: assessment) {
                try writer.append(resource)
            }
            summary.cases += 1
        }
        summary.byType = writer.counts
        let formatter = ISO8601DateFormatter()
        let output: [FHIRJSON] = summary.byType.keys.sorted().map { type in
            FHIRExporter.obj([("type", .string(type)), ("url", .string("\(type).ndjson")), ("count", .number(String(summary.byType[type] ?? 0)))])
        }
        let manifest = FHIRExporter.obj([
            ("transactionTime", .string(formatter.string(from: transactionTime))), ("request", .string("bonemet export")),
            ("requiresAccessToken", .bool(false)), ("output", .array(output)), ("error", .array([])),
        ])
        try Data(manifest.serialized().utf8).write(to: folder.appendingPathComponent("manifest.json"))
        return summary
    }
}
