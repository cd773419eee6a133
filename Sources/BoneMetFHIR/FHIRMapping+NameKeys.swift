import Foundation

extension FHIRCaseMapper {
    /// The forms of a test's or an observation's printed name that the name tables are looked up
    /// by: lower case, full-width brackets as ASCII, with and without spaces — and, where the name
    /// ends in brackets, without them: a Chinese laboratory prints a test as its name and its
    /// abbreviation, "肌酐(Cr)", "血小板计数(PLT)", "淋巴细胞绝对值(LYM#)", or with its specimen,
    /// "钙(血清)" — none of the fifteen results of such a report was read (unseen bundle ehr12) —
    /// and sometimes the other way round, "Cr(肌酐)". The brackets are dropped only when they hold
    /// an abbreviation (ASCII) or a specimen word; "肌酐(酶法)" is looked up whole, and nothing
    /// else of a name is guessed: "离子钙(iCa)" is ionised calcium, "尿肌酐" a urine value.
    static func nameKeys(_ name: String) -> [String] {
        let lowered = name.lowercased().trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        var keys = [lowered.replacingOccurrences(of: " ", with: ""), lowered]
        let compact = keys[0]
        guard compact.hasSuffix(")"), let open = compact.lastIndex(of: "("), open > compact.startIndex else { return keys }
        let outer = String(compact[..<open])
        let inner = String(compact[compact.index(after: open)..<compact.index(before: compact.endIndex)])
        let specimens: Set<String> = ["血清", "血浆", "全血", "静脉血", "血"]
        let abbreviation = !inner.isEmpty && inner.allSatisfy { $0.isASCII && !$0.isWhitespace }
        if abbreviation || specimens.contains(inner) { keys.append(outer) }
        if !outer.isEmpty, outer.allSatisfy({ $0.isASCII }), !inner.isEmpty, !inner.allSatisfy({ $0.isASCII }) { keys.append(inner) }
        return keys
    }

    /// The names an observation is printed with — its code's text, then each coding's display —
    /// where no LOINC coding says what it is (none otherwise: a LOINC code is read by its code,
    /// and a bulk export's every vital sign is spared the look). Every reading by name starts here.
    static func localNames(_ r: FHIRJSON) -> [String] {
        let codings = FHIRRead.codings(r["code"])
        guard !codings.contains(where: { $0.system == FHIRCodes.loinc }) else { return [] }
        return ([FHIRRead.text(r["code"])] + codings.map(\.display)).compactMap { $0 }
    }

    /// The first value a name table gives for one of the observation's names (`nameKeys`).
    static func byName<Value>(_ r: FHIRJSON, in table: [String: Value]) -> Value? {
        localNames(r).lazy.compactMap { name in nameKeys(name).lazy.compactMap { table[$0] }.first }.first
    }

    /// Whether one of the observation's names is in a set of names (`nameKeys`).
    static func named(_ r: FHIRJSON, in names: Set<String>) -> Bool {
        localNames(r).contains { nameKeys($0).contains(where: names.contains) }
    }
}
