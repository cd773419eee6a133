import Foundation

/// The allowed value a mistyped one most likely meant, for the error to name it: records write
/// British spellings ("haemoglobin" for `hemoglobin`), another letter case or a slip of one or two
/// letters. Only one value that close is named; none when two are, or the word is far from all.
extension InputError {
    /// "; did you mean "hemoglobin"?" — or nothing when no one value is that close.
    static func hint(for value: String, among allowed: [String]) -> LocalizedText {
        suggestion(for: value, among: allowed).map {
            LocalizedText(en: "; did you mean \"\($0)\"?", zh: "；是否应为 \"\($0)\"？")
        } ?? LocalizedText(en: "", zh: "")
    }

    static func suggestion(for value: String, among allowed: [String]) -> String? {
        // A value written as the Chinese page names it ("股骨", "溶骨性", "左侧"): the one allowed
        // code with that label. A case file is coded; a clinician typing it by hand writes the
        // words the form shows (cb27: bone "股骨" was refused with the list alone).
        let labelled = chineseLabels[value.trimmingCharacters(in: .whitespaces)].map { $0.filter(allowed.contains) } ?? []
        if labelled.count == 1 { return labelled.first }
        let typed = folded(value)
        // The abbreviation a laboratory report prints ("ALP", "Hb", "PLT"): its test, never the
        // code one letter away — "alp" was answered "did you mean "afp"?", alpha-fetoprotein for
        // alkaline phosphatase (unseen record cb65-a).
        if let meant = abbreviations[String(typed)], allowed.contains(meant) { return meant }
        guard typed.count >= 3, typed.count <= 40 else { return nil }
        // Two edits for longer words, one for short ones: "ct" is not "mri".
        let limit = typed.count >= 6 ? 2 : 1
        let close = allowed
            .map { (value: $0, distance: editDistance(typed, folded($0), limit: limit)) }
            .filter { $0.distance <= limit }
        guard let nearest = close.map(\.distance).min() else {
            // The start of one code only: "mdt" for `mdtCoordinator`, "ortho" for `orthopaedics`
            // (cb114-b: the MDT's decision refused with the list alone); "rad" names two, none.
            let starting = allowed.filter { folded($0).starts(with: typed) }
            return starting.count == 1 ? starting[0] : nil
        }
        let named = close.filter { $0.distance == nearest }
        return named.count == 1 ? named[0].value : nil
    }

    /// Laboratory abbreviations as reports print them (folded: lower case, no separators), each
    /// with the one test it names. "Ca" is left out: calcium or a CA tumour marker.
    static let abbreviations: [String: String] = [
        "alp": "alkalinePhosphatase", "akp": "alkalinePhosphatase", "alkphos": "alkalinePhosphatase",
        "hb": "hemoglobin", "hgb": "hemoglobin", "plt": "platelets", "cr": "creatinine", "scr": "creatinine",
        "crea": "creatinine", "alb": "albumin", "tbil": "bilirubin", "tbili": "bilirubin", "lym": "lymphocytes",
        "lymph": "lymphocytes", "flcratio": "freeLightChainRatio", "sflcratio": "freeLightChainRatio",
        "mspike": "mProtein",
    ]

    /// The Chinese label of every coded value of the case file, with the codes it names.
    static let chineseLabels: [String: Set<String>] = {
        var map: [String: Set<String>] = [:]
        func add<T: InputEnum>(_ type: T.Type) {
            for value in T.allCases { map[value.label.zhHans, default: []].insert(value.rawValue) }
        }
        add(Bone.self); add(BoneSegment.self); add(Laterality.self); add(LesionCharacter.self); add(Modality.self)
        add(CockcroftGault.Sex.self); add(TreatmentKind.self); add(SurgicalProcedure.self); add(BoneAgent.self)
        add(EventKind.self); add(NeurologicalStatus.self); add(PrimarySite.self); add(HistologyType.self); add(LabTest.self)
        add(BodyRegion.self); add(DiseaseStatus.self); add(Specialty.self); add(SINS.Collapse.self); add(SINS.Alignment.self)
        add(SINS.Posterolateral.self); add(SINS.Pain.self); add(Mirels.Pain.self); add(Mirels.Size.self)
        // Shorter forms the forms' labels are written in as well.
        for (short, code) in [("左", "left"), ("右", "right"), ("双侧", "bilateral"), ("溶骨", "lytic"), ("成骨", "blastic"), ("混合", "mixed")] {
            map[short, default: []].insert(code)
        }
        return map
    }()

    /// Lower case, without the separators a hand-typed code gains ("Partial Response", "no_uptake").
    private static func folded(_ text: String) -> [Character] {
        Array(text.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" })
    }

    /// Levenshtein distance, stopped early once every path exceeds `limit`.
    private static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if (current.min() ?? 0) > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
