import BoneMetDomain
import BoneMetRules
import BoneMetTestSupport
import Foundation
import Testing

/// A Chinese page shows no English field names or codes (the project's bilingual rule). Every
/// finding's Chinese title and detail over the examples and generated cases, at several dates:
/// no `key=value`, no camelCase identifier, and no English word other than a unit, a grade
/// letter, a web address or the record's own free text (a regimen or drug as the hospital
/// wrote it). The PATHFx / SORG finding once listed its inputs as `age=67, sex=female, …`.
@Suite struct ChineseFindingTextTests {
    /// Units and the like that Chinese clinical text writes in Latin letters.
    static let allowed: Set<String> = ["mm", "cm", "mg", "g", "kg", "ml", "dl", "l", "min", "iu", "mmol", "umol", "mol", "a", "b", "c", "org", "pathfx"]
    static let abbreviationsInMixedCase: Set<String> = ["eGFR", "mL", "dL", "mRNA", "sCr"]

    static var records: [CaseRecord] {
        get throws {
            var records = try CaseJSONEncoderTests.examples
            // Each example again with its CTs read without the bone window, or with no window
            // recorded: the finding that asks for the bone window named the windows read by
            // their codes ("已阅窗位：softTissue") and no example held such a CT.
            for windows in [[CTWindow.softTissue], []] {
                records += try CaseJSONEncoderTests.examples.map { record in
                    var variant = record
                    for index in variant.studies.indices where variant.studies[index].modality == .ct {
                        variant.studies[index].windows = windows
                    }
                    return variant
                }
            }
            for seed in UInt64(1)...60 {
                records.append(SyntheticCase.make(lesions: 1 + Int(seed % 9), studies: 2 + Int(seed % 11), treatments: Int(seed % 7), seed: seed))
            }
            return records
        }
    }

    /// The words the record itself holds (free text the hospital typed may be English).
    static func recordWords(_ record: CaseRecord) throws -> Set<String> {
        Set(try CaseJSONEncoder.encode(record).lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    static func problems(in text: String, recordWords: Set<String>) -> [String] {
        var found: [String] = []
        var word = ""
        var scalars = Array(text.unicodeScalars)
        scalars.append(" ")
        for scalar in scalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || (!word.isEmpty && ("0"..."9").contains(scalar))) {
                word.unicodeScalars.append(scalar)
                continue
            }
            defer { word = "" }
            guard !word.isEmpty else { continue }
            if scalar == "=" { found.append(word + "="); continue }
            if abbreviationsInMixedCase.contains(word) { continue }
            if word.first?.isLowercase == true && word.dropFirst().contains(where: \.isUppercase) { found.append(word); continue }
            if word.first?.isUppercase == true { continue }  // SINS, ESCC, MDA, CT, ECOG, Mirels …
            if allowed.contains(word.lowercased()) || recordWords.contains(word.lowercased()) { continue }
            found.append(word)
        }
        return found
    }

    @Test func noFieldNamesOrCodesInChineseFindingTexts() throws {
        var checked = 0
        for record in try Self.records {
            let words = try Self.recordWords(record)
            for asOf in ["2023-06-15", "2024-06-01", "2026-12-01"] {
                for finding in assess(record, asOf: try #require(PartialDate(asOf))).findings {
                    for text in [finding.title.zhHans, finding.detail.zhHans] {
                        checked += 1
                        let problems = Self.problems(in: text, recordWords: words)
                        #expect(problems.isEmpty, "\(finding.ruleId): \(problems) in \(text)")
                    }
                }
            }
        }
        #expect(checked > 5_000)
    }

    /// The check itself: it finds what it is for, and passes clinical Chinese.
    @Test func theCheckFindsFieldNamesAndEnglishWords() {
        #expect(Self.problems(in: "已有：age=67, sex=female", recordWords: []) == ["age=", "sex=", "female"])
        #expect(Self.problems(in: "缺失：haemoglobinGDl、lymphocytes10e9L", recordWords: []) == ["haemoglobinGDl", "lymphocytes10e9L"])
        #expect(Self.problems(in: "骨折 impending", recordWords: []) == ["impending"])
        #expect(Self.problems(in: "T9 椎体：SINS 8 分，ESCC 1b；肌酐清除率 34.9 mL/min，eGFR < 30", recordWords: []).isEmpty)
        #expect(Self.problems(in: "方案 letrozole", recordWords: ["letrozole"]).isEmpty)
    }

    /// A Chinese source (the source hospital's talk) is cited in Chinese on Chinese pages.
    @Test func theSourceHospitalIsCitedInChinese() throws {
        var seen = 0
        for record in try Self.records.prefix(20) {
            for finding in assess(record, asOf: try #require(PartialDate("2024-06-01"))).findings {
                for source in finding.sources where source.text.contains("Jishuitan") {
                    seen += 1
                    #expect(source(.zhHans).contains("北京积水潭医院"), "\(source.id)")
                    #expect(source(.en) == source.text)
                }
            }
        }
        #expect(seen > 0)
    }

    /// Each source once in a finding (the bone-agent start advice once cited ESMO three times).
    @Test func everySourceOnceInAFinding() throws {
        for record in try Self.records {
            for finding in assess(record, asOf: try #require(PartialDate("2024-06-01"))).findings {
                #expect(Set(finding.sources.map(\.id)).count == finding.sources.count, "\(finding.ruleId): \(finding.sources.map(\.id))")
            }
        }
    }
}
