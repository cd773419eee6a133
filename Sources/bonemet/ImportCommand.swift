import ArgumentParser
import BoneMetDomain
import BoneMetFHIR
import BoneMetStorage
import Foundation

/// `bonemet import PATH`: a FHIR Bulk Data export folder (*.ndjson) or a Bundle file becomes cases.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a FHIR Bulk Data export folder (*.ndjson) or a Bundle (.json) into cases.",
        discussion: "Patients with a primary cancer or a bone metastasis become cases (re-importing updates them, never duplicates). Bad lines are reported with file and line number and the import goes on. Same database options as serve."
    )

    @Argument(help: "Export folder or Bundle file.")
    var path: String

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var ruleSettings: SettingsOption

    @OptionGroup var localCodes: CodesOption

    @OptionGroup var zone: TimeZoneOption

    @Flag(name: .customLong("keep-staged"), help: "Keep each patient's (minimised) resources after their case is built, so a later incremental export (_since) can rebuild it. Default: only the case is kept.")
    var keepStaged = false

    @Flag(name: .customLong("all-notes"), help: "List every import note (default: the first 20, and how many more there are).")
    var allNotes = false

    func run() async throws {
        let settings = try ruleSettings.load(command: "import")
        let mappings = try localCodes.load(command: "import")
        let location = try database.location(command: "import", create: true)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIFailure.reject("field \"PATH\": \"\(path)\" does not exist", command: "import")
        }
        let store = try SQLStore(location)
        do {
            try await Migrator().migrate(store, at: Int64(Date().timeIntervalSince1970))
            let today = try zone.today(command: "import")
            let importer = BulkImporter(staging: SQLFHIRStaging(store), user: "import", asOf: today, settings: settings, mappings: mappings,
                keepStaged: keepStaged, now: { Int64(Date().timeIntervalSince1970) })
            let interactive = isatty(FileHandle.standardError.fileDescriptor) != 0
            let summary = try await importer.run(URL(fileURLWithPath: path)) { lines in
                if interactive { FileHandle.standardError.write(Data("\r\(lines) lines read…".utf8)) }
            }
            if interactive { FileHandle.standardError.write(Data("\r".utf8)) }
            await store.shutdown()
            Self.report(summary, allNotes: allNotes)
        } catch let error as FHIRError {
            await store.shutdown()
            throw CLIFailure.reject(error.description, command: "import")
        } catch {
            await store.shutdown()
            throw error
        }
    }

    static func report(_ summary: BulkImporter.Summary, allNotes: Bool = false) {
        let scan = summary.scan
        var lines = ["\(scan.files.count) file(s), \(scan.resources) resource(s) read; \(summary.staged) staged"]
        for type in scan.byType.keys.sorted() {
            lines.append("  \(type): \(scan.byType[type] ?? 0)\(BulkScan.usedTypes.contains(type) ? "" : " (skipped: not used)")")
        }
        lines.append("patients: \(scan.patients); conditions: \(scan.conditions) (primary cancers \(scan.cancerConditions), bone metastases \(scan.boneMetastases))")
        lines.append("cases: \(summary.created) created, \(summary.updated) updated, \(summary.unchanged) unchanged, \(summary.keptLocalEdits) kept with local edits; \(summary.withoutCancer) patient(s) without a cancer condition not imported")
        if !summary.nonFHIRFiles.isEmpty {
            lines.append("not FHIR (set aside): \(summary.nonFHIRFiles.joined(separator: ", "))")
        }
        if !summary.skipped.isEmpty {
            lines.append("not used, by reason:")
            lines += summary.skipped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "  \($0.value) × \($0.key)" }
        }
        if !summary.skippedPatients.isEmpty {
            lines.append("patients not imported:")
            lines += summary.skippedPatients.prefix(20).map { "  Patient/\($0.patient): \($0.reason)" }
        }
        lines.append("bad lines: \(scan.badLineCount)")
        lines += scan.badLines.prefix(20).map { "  \($0.file):\($0.line): \($0.problem)" }
        if !summary.notes.isEmpty {
            lines.append("notes: \(summary.notes.count)")
            // A long list is cut for the terminal, and says so: a one-patient bundle with 23
            // notes showed 20 and lost its fracture's and operation's without a word.
            let shown = allNotes ? summary.notes.count : 20
            lines += summary.notes.prefix(shown).map { "  \($0.resource): \($0.message)" }
            if summary.notes.count > shown {
                lines.append("  … and \(summary.notes.count - shown) more (--all-notes lists every one)")
            }
        }
        print(lines.joined(separator: "\n"))
    }
}
