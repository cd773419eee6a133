import ArgumentParser
import BoneMetDomain
import BoneMetFHIR
import BoneMetStorage
import Foundation

/// `bonemet export`: cases as FHIR — one case as an mCODE Bundle, or every case as a Bulk
/// Data export folder that `bonemet import` (or any Bulk consumer) reads.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export cases as FHIR R4 / mCODE: one case as a Bundle, or all cases as Bulk NDJSON.",
        discussion: """
            --case ID writes that case's Bundle (collection) to standard output.
            --case-file FILE writes the Bundle of a case file (docs/case-format.md) without a database.
            --out FOLDER writes every case as Patient.ndjson, Condition.ndjson, … plus manifest.json (the folder must be new or empty).
            Disease-status observations are computed with the default rule settings as of --as-of (default today).
            """
    )

    @Option(name: .customLong("case"), help: "Id of one case to export as a Bundle.")
    var caseId: String?

    @Option(name: .long, help: "Folder for a Bulk NDJSON export of all cases.")
    var out: String?

    @Option(name: .customLong("case-file"), help: "A case file (JSON) to write as a Bundle, without a database.")
    var caseFile: String?

    @Option(name: .customLong("as-of"), help: "Date of the assessment (YYYY-MM-DD, default today).")
    var asOf: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var zone: TimeZoneOption

    func run() async throws {
        guard [caseId, out, caseFile].compactMap({ $0 }).count == 1 else {
            throw CLIFailure.reject(
                "give exactly one of \"--case\" (one Bundle), \"--case-file\" (a case file's Bundle) or \"--out\" (Bulk folder)", command: "export")
        }
        let date: PartialDate
        if let asOf {
            // Read as the case file's dates are (`PartialDate(written:)`): "2026.11.21" and
            // "2026年11月21日" are the same day as 2026-11-21; a day is needed.
            guard let parsed = PartialDate(written: asOf), parsed.isComplete else {
                throw CLIFailure.reject(
                    "field \"--as-of\": \"\(asOf)\" is not a day; allowed: YYYY-MM-DD (also 2025/3/4, 2025.03.04 and the Chinese year-month-day form)",
                    command: "export")
            }
            date = parsed
        } else {
            date = try zone.today(command: "export")
        }
        if let caseFile {
            guard let data = FileManager.default.contents(atPath: caseFile) else {
                throw CLIFailure.reject("field \"--case-file\": cannot read \"\(caseFile)\"", command: "export")
            }
            let record: CaseRecord
            do {
                record = try CaseFile.read(data)
            } catch {
                for problem in error.errors { FileHandle.standardError.write(Data("bonemet export: \(problem.message(.en))\n".utf8)) }
                throw ExitCode(CLIFailure.badInputCode)
            }
            let assessment = assess(record, asOf: date, settings: .default)
            print(FHIRExporter.bundle(caseId: record.patient.id, record: record, assessment: assessment).serialized())
            return
        }
        let location = try database.location(command: "export", create: false)
        let store = try SQLStore(location)
        do {
            try await Migrator().migrate(store, at: Int64(Date().timeIntervalSince1970))
            let cases = SQLCaseStore(store)
            if let caseId {
                guard let stored = try await cases.get(id: caseId) else {
                    await store.shutdown()
                    throw CLIFailure.reject("field \"--case\": no case with id \"\(caseId)\"", command: "export")
                }
                let assessment = assess(stored.record, asOf: date, settings: .default)
                print(FHIRExporter.bundle(caseId: stored.id, record: stored.record, assessment: assessment).serialized())
            } else if let out {
                let summary = try await BulkExport.run(store: cases, to: URL(fileURLWithPath: out), asOf: date, settings: .default, transactionTime: Date())
                print("\(summary.cases) case(s) exported to \(out)")
                for type in summary.byType.keys.sorted() { print("  \(type).ndjson: \(summary.byType[type] ?? 0)") }
            }
        } catch BulkExport.Failure.folderNotEmpty {
            await store.shutdown()
            throw CLIFailure.reject("field \"--out\": \"\(out ?? "")\" is not empty; choose a new folder", command: "export")
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }
}
