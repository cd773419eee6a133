import BoneMetRules
import Foundation

extension FHIRCaseMapper {
    /// A neurological examination sent as a ward's observation in words: "肌力" with the value
    /// "双下肢肌力4级，感觉平面T10以下减退" beside a T8 cord compression was dropped without a word
    /// (unseen bundle ehr25) — the deficit the emergency and Tokuhashi's palsy turn on. Read only
    /// what is a cord's deficit by the examination's own words: weakness of both legs or all four
    /// limbs (a Medical Research Council grade below 5 — "肌力4级", "肌力Ⅳ级") or a sensory level
    /// ("感觉平面"), as myelopathy (NICE NG234: limb weakness or a sensory level with spinal
    /// metastases is a cord compression until imaged). One limb's weakness may be a root's, and a
    /// normal grade does not exclude a deficit: neither is read — the note asks for the status.
    static let motorPowerNames: Set<String> = [
        "肌力", "四肢肌力", "双下肢肌力", "下肢肌力", "肌力检查", "肌力分级", "神经系统查体", "神经系统检查",
        "muscle strength", "motor strength", "motor power", "neurological examination",
    ]

    static func namesMotorPower(_ r: FHIRJSON) -> Bool { named(r, in: motorPowerNames) }

    /// The examination's text: its name and value together ("双下肢肌力" with "4级").
    static func motorPowerText(_ r: FHIRJSON) -> String {
        let value = r["valueString"]?.string ?? FHIRRead.text(r["valueCodeableConcept"])
            ?? r["valueInteger"]?.decimalText ?? r["valueQuantity"]?["value"]?.decimalText
        return (localNames(r) + [value].compactMap { $0 }).joined(separator: " ").lowercased()
    }

    /// Myelopathy when the text shows both legs or all four limbs below grade 5, or a sensory level.
    /// The grade must be the legs' own: "双下肢肌力5级，左上肢肌力3级" is an arm's weakness, so each
    /// part of the text (between commas and semicolons) is read on its own.
    static func motorPowerDeficit(_ text: String) -> Bool {
        if text.contains("感觉平面") || text.contains("sensory level") { return true }
        let parts = text.split(whereSeparator: { "，,；;。".contains($0) }).map(String.init)
        return parts.contains { part in
            ["双下肢", "四肢", "both legs", "both lower limbs", "bilateral lower"].contains(where: part.contains)
                && motorGrades(part).contains { $0 < 5 }
        }
    }

    /// The MRC grades a text writes: a digit 0–5 or a Roman numeral (Ⅰ–Ⅴ, I–V) before "级", or
    /// after "grade"; "0级" too. Grades with a sign ("4+级") read as their number.
    static func motorGrades(_ text: String) -> [Int] {
        let roman: [String: Int] = ["ⅴ": 5, "ⅳ": 4, "ⅲ": 3, "ⅱ": 2, "ⅰ": 1, "v": 5, "iv": 4, "iii": 3, "ii": 2, "i": 1, "Ⅴ": 5, "Ⅳ": 4, "Ⅲ": 3, "Ⅱ": 2, "Ⅰ": 1]
        var grades: [Int] = []
        let chars = Array(text)
        for (i, c) in chars.enumerated() where c == "级" {
            var j = i - 1
            while j >= 0, "+-＋－ ".contains(chars[j]) { j -= 1 }
            guard j >= 0 else { continue }
            if let digit = chars[j].wholeNumberValue, chars[j].isASCII, (0...5).contains(digit) {
                grades.append(digit)
                continue
            }
            // The longest Roman numeral ending here (iii before ii before i).
            for length in stride(from: 3, through: 1, by: -1) where j - length + 1 >= 0 {
                let numeral = String(chars[(j - length + 1)...j])
                if let value = roman[numeral] { grades.append(value); break }
            }
        }
        if let range = text.range(of: "grade "), let digit = text[range.upperBound...].first?.wholeNumberValue, (0...5).contains(digit) {
            grades.append(digit)
        }
        return grades
    }

    /// Reads a motor-power observation: a deficit as myelopathy with a note to confirm, else a note.
    static func readMotorPower(
        _ r: FHIRJSON, date: PartialDate, lesion: String?, label: String, record: inout CaseRecord, notes: inout [MappingNote]
    ) {
        let text = motorPowerText(r)
        let name = FHIRRead.text(r["code"]) ?? FHIRRead.codings(r["code"]).compactMap(\.display).first ?? ""
        guard motorPowerDeficit(text) else {
            notes.append(MappingNote(resource: label, message: "neurological examination \"\(name)\" not read as a deficit (one limb, or no grade below 5 in both legs, and no sensory level) — record the neurological status"))
            return
        }
        let at = lesion ?? FHIRRead.bodySiteLesion(bodySiteAsList(r), lesions: record.lesions)
        record.neurology.append(NeurologyRecord(date: date, status: .myelopathy, lesion: at))
        notes.append(MappingNote(resource: label, message: "neurological examination \"\(name)\" read as a deficit (myelopathy: both legs weak, or a sensory level), Frankel grade not stated\(at.map { " at \($0)" } ?? "") — confirm with the examination"))
    }
}
