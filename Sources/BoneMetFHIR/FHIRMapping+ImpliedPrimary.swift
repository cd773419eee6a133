import BoneMetRules

extension FHIRCaseMapper {
    /// The primary cancer a bone metastasis's own text names — a Chinese problem list writes the
    /// two as one diagnosis, "右肺腺癌伴多发骨转移", "乳腺癌骨转移", "前列腺癌伴骨转移"; an English one
    /// "metastatic prostate cancer to bone". Such a record came in with the lesion and no primary:
    /// every score read an unknown primary and the lesion "biopsy indicated — no known primary"
    /// (unseen bundle ehr15). The site whose name is followed by a cancer word ("肺腺癌",
    /// "prostate cancer", "carcinoma of the breast"), not by a metastasis word ("肺转移" is a lung
    /// metastasis); one site only — two is not guessed.
    static func primaryNamed(inMetastasisText text: String) -> PrimarySite? {
        let t = Array(text.lowercased())
        let cancerWords: [[Character]] = ["癌", "肉瘤", "cancer", "carcinoma", "adenocarcinoma", "sarcoma"].map(Array.init)
        let metastasisWords: [[Character]] = ["转移", "继发", "metasta", "secondary"].map(Array.init)
        func starts(_ word: [Character], at i: Int) -> Bool { i + word.count <= t.count && Array(t[i..<(i + word.count)]) == word }
        /// The first cancer or metastasis word at or after `from`, within `reach` characters.
        func next(after from: Int, reach: Int) -> Bool? {
            var i = from
            while i < min(t.count, from + reach) {
                if metastasisWords.contains(where: { starts($0, at: i) }) { return false }
                if cancerWords.contains(where: { starts($0, at: i) }) { return true }
                i += 1
            }
            return nil
        }
        var found: Set<PrimarySite> = []
        for (site, words) in CancerCodes.siteWords where ![.unknown, .myeloma, .lymphoma].contains(site) {
            for word in words.map(Array.init) {
                var i = 0
                while i < t.count {
                    defer { i += 1 }
                    guard starts(word, at: i) else { continue }
                    let end = i + word.count
                    // "肺腺癌", "prostate cancer", "renal cell carcinoma": a cancer word just after.
                    let latin = word.first?.isASCII == true
                    if next(after: end, reach: latin ? 20 : 4) == true { found.insert(site); continue }
                    // "carcinoma of the breast": the cancer word just before.
                    if latin, i >= 4 {
                        let before = String(t[max(0, i - 20)..<i])
                        if ["cancer of ", "carcinoma of ", "cancer of the ", "carcinoma of the "].contains(where: before.hasSuffix) { found.insert(site) }
                    }
                }
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// Adds the primaries named only in bone metastases' texts, where the record has no primary of
    /// that site (`primaryNamed(inMetastasisText:)`), each with a note. Its diagnosis date is not
    /// the metastasis's: left open.
    static func addPrimariesNamedInMetastases(_ named: [(site: PrimarySite, text: String, conditionId: String, label: String)], record: inout CaseRecord, notes: inout [MappingNote]) {
        for item in named where !record.primaries.contains(where: { $0.site == item.site }) {
            var primary = PrimaryCancer(
                id: "\(item.conditionId)-primary", site: item.site, histology: "\(item.text); recognised by text — confirm",
                histologyType: HistologyType.infer(from: item.text))
            primary.codes = []
            record.primaries.append(primary)
            notes.append(MappingNote(resource: item.label, message: "primary cancer (\(item.site.rawValue)) named in the metastasis's text: recorded as a primary, its diagnosis date not stated — confirm and record it"))
        }
    }
}
