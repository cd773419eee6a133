import BoneMetDomain
import Foundation
import SQLKit

public struct SQLFHIRStaging: FHIRStagingStore {
    let store: SQLStore

    public init(_ store: SQLStore) {
        self.store = store
    }

    /// One transaction per batch; a resource staged again replaces its earlier copy.
    public func stage(_ resources: [(type: String, id: String, patient: String?, json: String)]) async throws {
        guard !resources.isEmpty else { return }
        try await store.write { db in
            for resource in resources {
                try await db.delete(from: "fhir_staging").where("resource_type", .equal, SQLBind(resource.type))
                    .where("resource_id", .equal, SQLBind(resource.id)).run()
                try await db.insert(into: "fhir_staging").columns("resource_type", "resource_id", "patient_id", "json")
                    .values(SQLBind(resource.type), SQLBind(resource.id), SQLBind(resource.patient), SQLBind(resource.json)).run()
            }
        }
    }

    public func stagedPatients() async throws -> [String] {
        try await store.read { db in
            try await db.select().column("resource_id").from("fhir_staging").where("resource_type", .equal, SQLBind("Patient"))
                .orderBy("resource_id").all().map { try $0.decode(column: "resource_id", as: String.self) }
        }
    }

    public func staged(patient: String) async throws -> [(type: String, json: String)] {
        try await store.read { db in
            try await db.select().columns("resource_type", "json").from("fhir_staging")
                .where("patient_id", .equal, SQLBind(patient))
                .orWhere { $0.where("resource_type", .equal, SQLBind("Patient")).where("resource_id", .equal, SQLBind(patient)) }
                .orderBy("resource_type").orderBy("resource_id").all()
                .map { (try $0.decode(column: "resource_type", as: String.self), try $0.decode(column: "json", as: String.self)) }
        }
    }

    public func upsertCase(sourceKey: String, record: CaseRecord, findings: [Finding], by user: String, at time: Int64) async throws -> UpsertOutcome {
        // `case:<id>` names a case of this installation (our own export coming back), else a source.
        let caseId = sourceKey.hasPrefix("case:") ? String(sourceKey.dropFirst("case:".count)) : nil
        let existing = try await store.read { db in
            try await db.select().columns("id", "version", "record_json").from("cases")
                .where("source_key", .equal, SQLBind(sourceKey))
                .orWhere("id", .equal, SQLBind(caseId ?? "-")).first()
        }
        let cases = SQLCaseStore(store)
        guard let existing else {
            _ = try await cases.create(record, findings: findings, by: user, at: time, sourceKey: sourceKey)
            return .created
        }
        if try existing.decode(column: "record_json", as: String.self) == CaseFile.write(record) { return .unchanged }
        _ = try await cases.update(
            id: try existing.decode(column: "id", as: String.self), record: record, findings: findings,
            expectedVersion: try existing.decode(column: "version", as: Int.self), by: user, at: time)
        return .updated
    }
}
