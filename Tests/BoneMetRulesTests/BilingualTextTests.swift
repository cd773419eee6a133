import BoneMetRules
import Foundation
import Testing

/// Every user-facing text exists in zh-Hans and en. A translation counts as missing when it is
/// empty, or when a zh-Hans text with words in it holds no Chinese (an English copy), or an
/// English text holds Chinese.
@Suite struct BilingualTextTests {
    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    static func hasWords(_ text: String) -> Bool {
        text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    static func check(_ text: LocalizedText, _ context: String) {
        #expect(!text.en.trimmingCharacters(in: .whitespaces).isEmpty, "empty en: \(context)")
        #expect(!text.zhHans.trimmingCharacters(in: .whitespaces).isEmpty, "empty zh-Hans: \(context)")
        #expect(!hasHan(text.en), "Chinese in en: \(context) — \(text.en)")
        if hasWords(text.en) {
            #expect(hasHan(text.zhHans), "untranslated zh-Hans: \(context) — \(text.zhHans)")
        }
    }

    /// Reports over inputs that reach every band, range and advice branch.
    static var reports: [CalculatorReport] {
        var inputs: [(String, JSONObject)] = Calculators.all.map { ($0.name, $0.example) }
        inputs += Calculators.all.map { ($0.name, JSONObject()) }.filter { ["mirels", "sins", "tokuhashi", "tomita", "katagiri"].contains($0.0) }
        for total in [["upperLimb", "mild", "blastic", "lessThanOneThird"], ["lowerLimb", "moderate", "mixed", "oneThirdToTwoThirds"]] {
            inputs.append(("mirels", ["site": .string(total[0]), "pain": .string(total[1]), "lesion": .string(total[2]), "size": .string(total[3])]))
        }
        inputs.append(("sins", ["location": "rigid", "pain": "none", "lesion": "blastic", "alignment": "normal", "collapse": "none", "posterolateral": "none"]))
        inputs.append(("sins", ["location": "junctional", "pain": "mechanical", "lesion": "lytic", "alignment": "subluxation", "collapse": "over50", "posterolateral": "bilateral"]))
        for grade in ESCC.Grade.allCases { inputs.append(("escc", ["grade": .string(grade.rawValue)])) }
        for visceral in ["none", "removable", "unremovable"] { inputs.append(("tokuhashi", ["visceralMets": .string(visceral), "kps": 90, "primary": "breast"])) }
        inputs.append(("tomita", ["primary": "melanoma"]))
        for growth in PrimaryGrowth.allCases { inputs.append(("tomita", ["primaryGrowth": .string(growth.rawValue)])) }
        inputs.append(("katagiri", ["primary": "breast"]))
        inputs.append(("katagiri", ["primary": "other"]))
        for labs in Katagiri.Labs.allCases { inputs.append(("katagiri", ["labs": .string(labs.rawValue)])) }
        for crcl in [70.0, 55, 45, 35, 25] { inputs.append(("zoledronicDose", ["crclMlMin": .double(crcl)])) }
        inputs.append(("zoledronicRenalCheck", ["baselineCreatinineMgDl": 1.6, "currentCreatinineMgDl": 1.7]))
        inputs.append(("crcl", ["sex": "male", "age": 70, "weightKg": 70, "serumCreatinineUmolL": 120]))
        return inputs.compactMap { try? Calculators.named($0.0).run(.object($0.1)) }
    }

    @Test func everyReportTextIsInBothLanguages() {
        let reports = Self.reports
        #expect(reports.count > 40)
        for report in reports {
            for text in report.allTexts { Self.check(text, report.calculator) }
        }
    }

    @Test func everyCalculatorFieldAndEnumLabel() {
        for calculator in Calculators.all {
            Self.check(calculator.title, calculator.name)
            Self.check(calculator.purpose, calculator.name)
            for field in calculator.fields { Self.check(field.label, "\(calculator.name).\(field.key)") }
        }
        for specialty in Specialty.allCases { Self.check(specialty.label, specialty.rawValue) }
        for site in PrimarySite.allCases { Self.check(site.label, site.rawValue) }
        for band in ZoledronicAcid.DoseBand.allCases { Self.check(band.info.label, band.rawValue) }
    }

    @Test func everyErrorMessage() {
        let problems: [InputError.Problem] = [
            .malformedJSON, .notAnObject, .unknownCalculator("x", allowed: ["a"]), .unknownField(allowed: ["a"]), .missing,
            .unknownValue("x", allowed: ["a"]), .outOfRange(min: 0, max: 1), .conflict(with: "a"),
            .invalidVertebralLevel("x"), .invalidDate("x"),
        ] + [.string, .wholeNumber, .number, .boolean, .object, .array].map { InputError.Problem.wrongType(expected: $0) }
        for problem in problems {
            for field in [nil, "field"] as [String?] {
                let error = InputError(field: field, problem: problem)
                Self.check(error.text, "\(problem)")
            }
        }
    }

    @Test func textRenderingHasNoEnglishLabelsInChinese() {
        for report in Self.reports {
            let text = report.text(.zhHans)
            for word in ["Components", "Band", "Recommendation", "Caveat", "Responsible specialty", "Missing"] {
                #expect(!text.contains(word + ":"), "\(report.calculator): \(word)")
            }
        }
    }
}

/// Issue #10: a treatment is named as clinicians name it — regimen, drugs, agent or procedure —
/// and its record id is never part of the text findings and pages show.
@Suite struct TreatmentNamingTests {
    @Test func aTreatmentsLabelNeverShowsItsRecordId() {
        let agent = Treatment(id: "T3x", kind: .boneModifyingAgent, start: PartialDate("2022-03-01"), agent: .ibandronate)
        #expect(agent.label.en == "ibandronate 2022-03-01– (bone-modifying agent)")
        #expect(agent.label.zhHans.hasPrefix("伊班膦酸钠"))
        let bare = Treatment(id: "T9x", kind: .radiotherapy, start: PartialDate("2022-03-01"))
        for text in [agent.label.en, agent.label.zhHans, bare.label.en, bare.label.zhHans, agent.displayName.en, bare.displayName.zhHans] {
            #expect(!text.contains("T3x") && !text.contains("T9x"), "\(text)")
        }
        #expect(bare.displayName.zhHans == "放疗")
    }

    /// `LocalizedText.joined` writes both languages in one pass: the same text as joining each.
    @Test(arguments: [0, 1, 2, 5])
    func joinedIsEachLanguageJoined(count: Int) {
        let parts = (0..<count).map { LocalizedText(en: "item \($0)", zh: "第\($0)项") }
        let joined = LocalizedText.joined(parts)
        #expect(joined.en == parts.map(\.en).joined(separator: "; "))
        #expect(joined.zhHans == parts.map(\.zhHans).joined(separator: "；"))
        let other = LocalizedText.joined(parts, en: ", ", zh: "、")
        #expect(other.en == parts.map(\.en).joined(separator: ", "))
        #expect(other.zhHans == parts.map(\.zhHans).joined(separator: "、"))
    }
}
