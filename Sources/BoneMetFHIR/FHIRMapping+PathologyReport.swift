import BoneMetDomain
import Foundation

/// A pathology report of a bone lesion (a DiagnosticReport of pathology: LOINC's pathology
/// category LP7839-6, HL7 v2 sections SP or PAT, a pathology report code, or a name saying
/// 病理 / pathology), read as that lesion's biopsy. An EHR sends the biopsy this way, not as
/// BoneMet's own biopsy record: its conclusion "（左股骨）转移性腺癌" was dropped as "conclusion not
/// attached: no imaging study", and the lesion stayed "biopsy indicated" (2026-12-05).
///
/// Read as little as can be read safely: the lesion only where the report's texts name its bone
/// (and side, or vertebral level) and one lesion of the record is there; the result only where
/// the conclusion names one disease and no negation — "未见转移", "no evidence of metastatic
/// carcinoma" are not read (a note asks for the result). Every reading says "confirm".
extension FHIRCaseMapper {
    static let pathologyCodes: Set<String> = ["60567-5", "11526-1", "22637-3", "66117-3", "65754-9"]

    static func isPathologyReport(_ r: FHIRJSON) -> Bool {
        let categories = (r["category"]?.array ?? []).flatMap { FHIRRead.codings($0) }
        if categories.contains(where: { ($0.system == FHIRCodes.loinc && $0.code == "LP7839-6") || ["SP", "PAT"].contains($0.code ?? "") }) { return true }
        if FHIRRead.codings(r["code"]).contains(where: { $0.system == FHIRCodes.loinc && pathologyCodes.contains($0.code ?? "") }) { return true }
        let names = ([FHIRRead.text(r["code"])] + FHIRRead.codings(r["code"]).map(\.display)).compactMap { $0?.lowercased() }
        return names.contains { $0.contains("病理") || $0.contains("pathology") }
    }

    /// The result a pathology conclusion names, or nil (none, several, or a negation).
    static func pathologyResult(_ conclusion: String) -> BiopsyResult? {
        let text = conclusion.lowercased()
        let negations = ["未见", "无", "阴性", "排除", "不支持", "no evidence", "negative for", "not seen", "without", "no tumo", "no malignan", "free of"]
        guard !negations.contains(where: text.contains) else { return nil }
        let results: [(BiopsyResult, [String])] = [
            (.myeloma, ["骨髓瘤", "浆细胞瘤", "myeloma", "plasmacytoma"]),
            (.lymphoma, ["淋巴瘤", "lymphoma"]),
            (.giantCellTumour, ["骨巨细胞瘤", "giant cell tumo"]),
            (.primaryBoneTumour, ["骨肉瘤", "软骨肉瘤", "尤文", "脊索瘤", "osteosarcoma", "chondrosarcoma", "ewing", "chordoma"]),
            (.metastasis, ["转移", "metasta"]),
        ]
        let found = results.filter { $0.1.contains(where: text.contains) }.map(\.0)
        return found.count == 1 ? found.first : nil
    }

    /// How the specimen was decalcified, where the report says it and says one: EDTA, or an acid
    /// ("盐酸脱钙", "formic acid") — the acid ruins receptor and DNA/RNA tests (van Es 2019), which
    /// the EDTA rules ask about. "脱钙" alone, or both, say nothing.
    static func pathologyDecalcification(_ text: String) -> Decalcification? {
        let lower = text.lowercased()
        let edta = lower.contains("edta")
        let acid = ["酸脱钙", "盐酸", "硝酸", "甲酸", "hydrochloric", "nitric", "formic acid", "acid decalcif"].contains(where: lower.contains)
        return edta == acid ? nil : edta ? .edta : .acid
    }

    /// The molecular tests a pathology report's text names — genes and methods whose DNA/RNA or
    /// in-situ hybridisation acid decalcification ruins (van Es 2019) — as the biopsy's
    /// `molecularTests`, which the EDTA rules read: "转移性腺癌，EGFR 19外显子缺失" names EGFR.
    /// Immunohistochemistry (ER, PR, TTF-1 …) is not a molecular test here.
    static func pathologyMolecularTests(_ text: String) -> [String] {
        let upper = text.uppercased()
        let genes = ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "NTRK", "PIK3CA", "BRCA1", "BRCA2", "ESR1", "HER2 FISH", "NGS"]
        var found = genes.filter { gene in
            var search = upper[...]
            while let range = search.range(of: gene) {
                let before = range.lowerBound > upper.startIndex ? upper[upper.index(before: range.lowerBound)] : " "
                let after = range.upperBound < upper.endIndex ? upper[range.upperBound] : " "
                if !(before.isASCII && before.isLetter) && !(after.isASCII && after.isLetter) { return true }
                search = upper[range.upperBound...]
            }
            return false
        }
        if text.contains("二代测序") || text.contains("基因检测"), !found.contains("NGS") { found.append("NGS") }
        return found
    }

    /// The biopsy a pathology report gives, with its note; nil with a note when its lesion or
    /// result cannot be read.
    /// The report's specimens (`DiagnosticReport.specimen`) say where the tissue was taken
    /// (`collection.bodySite`) and when (`collection.collected[x]`): an EHR's report "转移性腺癌，
    /// EGFR 19外显子缺失" names no bone, its specimen "左股骨干" does. Their sites are read with the
    /// report's texts, so a site naming another lesion than the report places none.
    static func pathologyBiopsy(
        _ r: FHIRJSON, conclusion: String, lesions: [Lesion], specimens: [FHIRJSON] = []
    ) -> (biopsy: Biopsy?, note: String, newLesion: Lesion?) {
        let collected = specimens.compactMap { $0["collection"].flatMap { FHIRRead.periodStart($0, "collected") } }.min { $0.earliestDay < $1.earliestDay }
        guard let date = FHIRRead.periodStart(r, "effective") ?? collected ?? FHIRRead.date(r["issued"]) else {
            return (nil, "pathology report without a date: not used — record the biopsy", nil)
        }
        let sites = specimens.flatMap { specimen -> [String?] in
            let site = specimen["collection"]?["bodySite"]
            // A SNOMED CT body structure with no text or display: the bone it codes, by name.
            let coded = FHIRRead.codings(site).compactMap { coding in
                coding.system == FHIRCodes.snomed ? coding.code.flatMap { bodySites[$0] }.map { $0.0.rawValue } : nil
            }
            return [FHIRRead.text(site)] + FHIRRead.codings(site).map(\.display) + coded
        }
        // Each text a part of its own (`Lesion.placed` reads a list site by site).
        let texts = ([FHIRRead.text(r["code"]), conclusion] + sites).compactMap { $0 }.joined(separator: "；")
        let placed = Lesion.placed(by: texts, among: lesions)
        // A metastasis proven at a bone the record has no lesion on: the lesion is added, as a
        // pathological fracture in neoplastic disease adds one (`placeNeoplasticFracture`). A
        // breast cancer's hip replacement specimen "右股骨头", "转移性乳腺癌", with only L3 on record,
        // was "not placed on one lesion" — the femur's metastasis, proven, reached no rule.
        if placed.isEmpty, pathologyResult(conclusion) == .metastasis, let site = pathologySite(sites.compactMap { $0 } + [FHIRRead.text(r["code"]), conclusion].compactMap { $0 }) {
            var id = "pathology-\(r["id"]?.string ?? "\(lesions.count + 1)")"
            while lesions.contains(where: { $0.id == id }) { id += "-1" }
            var lesion = Lesion(id: id, bone: site.bone, level: site.level, laterality: site.side, note: site.note)
            lesion.diagnosed = date
            return (
                Biopsy(
                    lesion: id, date: date, decalcification: pathologyDecalcification(conclusion), result: .metastasis, histology: conclusion,
                    molecularTests: pathologyMolecularTests(conclusion)),
                "lesion \(id) (\(site.note)) added: a pathology report of \(date) proves a metastasis at a bone no lesion of the record is on — confirm",
                lesion)
        }
        guard placed.count == 1, let lesion = placed.first else {
            return (nil, "pathology report of \(date) not placed on one lesion (\(placed.isEmpty ? "no bone of the record named" : "several lesions named")): record the biopsy", nil)
        }
        guard let result = pathologyResult(conclusion) else {
            return (nil, "pathology report of \(date) on lesion \(lesion): its result is not read (none, several or a negation named) — record the biopsy's result", nil)
        }
        return (
            Biopsy(
                lesion: lesion, date: date, decalcification: pathologyDecalcification(conclusion), result: result, histology: conclusion,
                molecularTests: pathologyMolecularTests(conclusion)),
            "pathology report of \(date) read as the biopsy of lesion \(lesion): \(result.rawValue) — confirm", nil)
    }

    /// The one site a pathology report's texts name, specific enough to be a lesion: a paired bone
    /// with its side, a vertebra with its one level, or an unpaired bone (sternum, skull, sacrum).
    /// Texts naming two sites, a side-less limb bone or a region ("骨盆" is paired here: a side is
    /// needed) give none. The text that names it is the lesion's note.
    static func pathologySite(_ texts: [String]) -> (bone: Bone, side: Laterality?, level: VertebralLevel?, note: String)? {
        let separators: Set<Character> = ["+", "＋", "、", "及", "和", ",", "，", ";", "；", "(", ")", "（", "）"]
        var sites: [(bone: Bone, side: Laterality?, level: VertebralLevel?, note: String)] = []
        for part in texts.flatMap({ $0.split { separators.contains($0) }.map(String.init) }) {
            let levels = VertebralLevel.levelsNamed(in: part)
            if levels.count == 1, let level = levels.first {
                sites.append((level.region == .sacral ? .sacrum : .vertebra, nil, level, part))
                continue
            }
            guard levels.isEmpty, let named = Bone.named(in: part), named.bone != .vertebra, named.bone != .other, named.side != .bilateral else { continue }
            let unpaired: Set<Bone> = [.sternum, .skull, .sacrum]
            guard unpaired.contains(named.bone) || named.side != nil else { return nil }
            sites.append((named.bone, named.side, nil, part))
        }
        guard let first = sites.first, sites.allSatisfy({ $0.bone == first.bone && $0.side == first.side && $0.level == first.level }) else { return nil }
        return (first.bone, first.side, first.level, first.note.trimmingCharacters(in: .whitespaces))
    }
}
