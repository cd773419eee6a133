import ArgumentParser
import BoneMetReports
import BoneMetRules
import Foundation

/// `bonemet extract REPORT.txt`: suggested lesion readings from a radiology report's free text
/// (issue #13), for batch use. Suggestions only — nothing enters a record until a clinician
/// confirms it in the case editor.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Suggest structured lesion readings from a bone-imaging report (Chinese, English or mixed); '-' reads standard input.")

    @Argument(help: "The report text file (UTF-8), or '-' for standard input.")
    var report: String

    @Option(name: .long, help: "Language of the text output: zh or en (the report itself may be either, or mixed).")
    var lang: String = "en"

    @Option(name: .long, help: "Output format: text or json.")
    var format: String = "text"

    @Option(name: .long, help: "Folder of the hospital's own report terms (sites.tsv, findings.tsv, context.tsv …), added to the bundled ones.")
    var lexicons: String?

    /// The extractor with a hospital's terms; a bad folder or line is exit code 2 naming it.
    static func extractor(folder: String?, option: String, command: String) throws -> ReportExtractor {
        var url: URL?
        if let folder {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw CLIFailure.reject("field \"\(option)\": \"\(folder)\" is not a folder", command: command)
            }
            url = URL(fileURLWithPath: folder)
        }
        do {
            return try ReportExtractor(siteFolder: url)
        } catch {
            throw CLIFailure.reject("field \"\(option)\": \(error)", command: command)
        }
    }

    func run() throws {
        guard lang == "zh" || lang == "en" else {
            throw CLIFailure.reject("field \"--lang\": unknown value \"\(lang)\"; allowed values: zh, en", command: "extract")
        }
        guard format == "text" || format == "json" else {
            throw CLIFailure.reject("field \"--format\": unknown value \"\(format)\"; allowed values: text, json", command: "extract")
        }
        let data: Data
        if report == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: report) else {
                throw CLIFailure.reject("field \"REPORT\": \"\(report)\" cannot be read", command: "extract")
            }
            data = read
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIFailure.reject("field \"REPORT\": the file is not UTF-8 text", command: "extract")
        }
        let extractor = try Self.extractor(folder: lexicons, option: "--lexicons", command: "extract")
        let result = extractor.extract(text)
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        let language: Language = lang == "zh" ? .zhHans : .en
        print(ExtractionText.render(result, report: text, language: language))
    }
}
