import ArgumentParser
import BoneMetDomain
import Foundation

/// `bonemet assess FILE [--as-of DATE] [--lang zh|en] [--format json|text|markdown]`.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess a case file: diagnosis, bone-health (response), surgery and bone-modifying-agent findings.",
        discussion: "The case format is described in docs/case-format.md. A bad file exits with code 2 and one line per bad field, naming its path."
    )

    @Argument(help: "The case file (JSON); - reads standard input.")
    var file: String

    @Option(name: .customLong("as-of"), help: "Assess as of this date (YYYY-MM-DD; default: today). Facts dated later are ignored.")
    var asOf: String?

    @Option(name: .long, help: "Mirels fixation-alert threshold: 8 (default) or 9.")
    var mirelsThreshold: Int?

    @Option(name: .long, help: "Preferred bone-modifying agent: denosumab (default) or zoledronicAcid.")
    var preferredAgent: String?

    @OptionGroup var ruleSettings: SettingsOption

    @OptionGroup var zone: TimeZoneOption

    @OptionGroup var output: OutputOptions

    func run() throws {
        // A time zone that is not one exits 2 before anything is read.
        _ = try zone.load(command: "assess")
        var language = Language.en
        do {
            language = try output.language()
            let format = try output.outputFormat(allowed: [.json, .text, .markdown])
            let date = try asOfDate()
            var settings = try ruleSettings.load(command: "assess")
            if let mirelsThreshold { settings.mirelsFixationThreshold = mirelsThreshold }
            if let preferredAgent {
                guard let agent = BoneAgent(rawValue: preferredAgent) else {
                    throw InputError(field: "--preferred-agent", problem: .unknownValue(preferredAgent, allowed: ["denosumab", "zoledronicAcid"]))
                }
                settings.preferredBoneAgent = agent
            }
            settings = try settings.validated()
            let record = try readRecord(language: language)
            let assessment = assess(record, asOf: date, settings: settings)
            switch format {
            case .json: print(AssessmentReport.json(assessment, record: record, language: language).serialized())
            case .text: print(AssessmentReport.text(assessment, record: record, language: language))
            case .markdown: print(AssessmentReport.markdown(assessment, record: record, language: language))
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw CLIFailure.reject(error.message(language), command: "assess")
        }
    }

    private func asOfDate() throws(InputError) -> PartialDate {
        guard let asOf else { return (try? zone.today(command: "assess")) ?? HospitalClock.server.day(at: Int64(Date().timeIntervalSince1970)) }
        // Read as the case file's dates are (`PartialDate(written:)`), which the error names:
        // "2026.11.21" was refused while the message listed it as allowed.
        guard let date = PartialDate(written: asOf) else { throw InputError(field: "--as-of", problem: .invalidDate(asOf)) }
        guard date.isComplete else {
            throw InputError(field: "--as-of", problem: .custom(LocalizedText(
                en: "\"\(InputError.shorten(asOf))\" is not a day; an assessment is made on a day: YYYY-MM-DD (also 2025/3/4, 2025.03.04 and the Chinese year-month-day form)",
                zh: "\"\(InputError.shorten(asOf))\" 不是具体某一天；评估以日为单位：YYYY-MM-DD（也可写作 2025/3/4、2025.03.04、2025年3月4日）")))
        }
        return date
    }

    /// Reads and validates the file; every bad field is reported on its own line.
    private func readRecord(language: Language) throws -> CaseRecord {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CLIFailure.reject(
                    LocalizedText(en: "cannot read the file \"\(file)\"", zh: "无法读取文件 \"\(file)\"")(language), command: "assess")
            }
            data = contents
        }
        do {
            return try CaseFile.read(data)
        } catch {
            for problem in error.errors {
                FileHandle.standardError.write(Data("bonemet assess: \(problem.message(language))\n".utf8))
            }
            throw ExitCode(CLIFailure.badInputCode)
        }
    }
}
