import BoneMetRules
import Foundation

/// A discharge summary's diagnoses sent as one Condition — "出院诊断": "1.右肺腺癌（cT3N2M1c IVB期）
/// 2.多发骨转移（T10、L2椎体，右股骨近端） 3.病理性骨折（右股骨近端） 4.高钙血症 5.高血压病2级" — was read as
/// one lung cancer and one bone lesion of bone "other" whose note was the whole list: the three
/// sites were lost and the femoral fracture placed on nothing (unseen bundle ehr24). A Condition
/// with no coding whose text numbers its items 1, 2, 3 … in order is read as one Condition per
/// item (ids `<id>-1`, `-2` …, everything else as sent), each as a problem list's entry is read.
extension FHIRCaseMapper {
    static func diagnosisListsSplit(_ resources: [FHIRResource], notes: inout [MappingNote]) -> [FHIRResource] {
        resources.flatMap { resource -> [FHIRResource] in
            guard resource.resourceType == "Condition", FHIRRead.codings(resource.json["code"]).isEmpty,
                  let text = FHIRRead.text(resource.json["code"]), let items = numberedItems(text)
            else { return [resource] }
            let base = resource.id ?? "condition"
            notes.append(MappingNote(
                resource: "Condition/\(base)", message: "a numbered list of \(items.count) diagnoses: read item by item as \(base)-1 … \(base)-\(items.count) — confirm"))
            return items.enumerated().compactMap { number, item in
                var members = resource.json.members.filter { $0.key != "id" && $0.key != "code" }
                members.insert(.init("id", .string("\(base)-\(number + 1)")), at: 0)
                members.append(.init("code", .object([.init("text", .string(item))])))
                return try? FHIRResource(.object(members))
            }
        }
    }

    /// The items of a text numbered 1, 2, 3 … in order ("1.A 2.B", "1、A；2、B", "(1)A (2)B",
    /// "①A②B"), at least two, the first at the start or after a short heading ("出院诊断："); nil
    /// otherwise. A number is an item's only
    /// where it opens the text or follows a space or punctuation, and is followed by its mark (not
    /// a digit: "2.5mg" is a dose): "高血压病2级", "T10、L2" and "cT3N2" number nothing.
    static func numberedItems(_ text: String) -> [String]? {
        let chars = Array(text)
        let circled: [Character] = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"]
        let openers: Set<Character> = ["(", "（"]
        let closers: Set<Character> = [")", "）"]
        let marks: Set<Character> = [".", "．", "、", ")", "）"]
        /// A marker for `number` at `i`: its end, or nil.
        func marker(_ number: Int, at i: Int) -> Int? {
            guard i < chars.count else { return nil }
            // A circled number is a marker wherever it stands.
            if number <= circled.count, chars[i] == circled[number - 1] { return i + 1 }
            if i > 0, !(chars[i - 1].isWhitespace || chars[i - 1].isPunctuation) { return nil }
            var j = i
            let opened = openers.contains(chars[j])
            if opened { j += 1 }
            let digits = String(number)
            guard j + digits.count <= chars.count, String(chars[j..<(j + digits.count)]) == digits else { return nil }
            j += digits.count
            guard j < chars.count else { return nil }
            if opened { return closers.contains(chars[j]) ? j + 1 : nil }
            guard marks.contains(chars[j]) else { return nil }
            j += 1
            return j < chars.count && chars[j].isNumber ? nil : j
        }
        var i = 0
        // A heading before the list ("出院诊断：1.…", "Diagnoses: 1. …"): short, no digits.
        if let colon = chars.prefix(12).firstIndex(where: { $0 == "：" || $0 == ":" }), !chars[..<colon].contains(where: \.isNumber) {
            i = colon + 1
        }
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        guard var contentStart = marker(1, at: i) else { return nil }
        var items: [String] = []
        var next = 2
        var k = contentStart
        while k < chars.count {
            if let end = marker(next, at: k) {
                items.append(String(chars[contentStart..<k]))
                contentStart = end
                next += 1
                k = end
            } else {
                k += 1
            }
        }
        items.append(String(chars[contentStart...]))
        let trimmed = items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: "；;，,。"))) }
        guard trimmed.count >= 2, trimmed.allSatisfy({ !$0.isEmpty }) else { return nil }
        return trimmed
    }
}
