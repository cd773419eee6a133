import ArgumentParser
import BoneMetFHIR
import Foundation

/// `bonemet fhir-scan FOLDER`: reads a FHIR Bulk Data export (one `.ndjson` file per resource
/// type) as a stream and reports what it holds and every bad line; nothing is written.
struct FHIRScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir-scan",
        abstract: "Check a FHIR Bulk Data export folder: counts by resource type, patients, cancer conditions, bad lines (read-only).")

    @Argument(help: "The export folder (*.ndjson).")
    var folder: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: String = "text"

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIFailure.reject("field \"FOLDER\": \"\(folder)\" is not a folder", command: "fhir-scan")
        }
        guard format == "text" || format == "json" else {
            throw CLIFailure.reject("field \"--format\": unknown value \"\(format)\"; allowed values: text, json", command: "fhir-scan")
        }
        let scan = try BulkScan.scan(folder: URL(fileURLWithPath: folder))
        if format == "json" {
            let types = scan.byType.keys.sorted().map { "\"\($0)\":\(scan.byType[$0] ?? 0)" }.joined(separator: ",")
            print(#"{"files":\#(scan.files.count),"resources":\#(scan.resources),"byType":{\#(types)},"patients":\#(scan.patients),"conditions":\#(scan.conditions),"cancerConditions":\#(scan.cancerConditions),"boneMetastases":\#(scan.boneMetastases),"skipped":\#(scan.skipped),"badLines":\#(scan.badLineCount)}"#)
        } else {
            print("\(scan.files.count) file(s), \(scan.resources) resource(s)")
            for type in scan.byType.keys.sorted() {
                let used = BulkScan.usedTypes.contains(type) ? "" : " (skipped: not used)"
                print("  \(type): \(scan.byType[type] ?? 0)\(used)")
            }
            print("patients: \(scan.patients); conditions: \(scan.conditions), of which primary cancers \(scan.cancerConditions), bone metastases \(scan.boneMetastases)")
            print("bad lines: \(scan.badLineCount)")
            for bad in scan.badLines.prefix(20) { print("  \(bad.file):\(bad.line): \(bad.problem)") }
        }
    }
}
