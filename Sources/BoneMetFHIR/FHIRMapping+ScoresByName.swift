import BoneMetRules
import Foundation

extension FHIRCaseMapper {
    /// A score BoneMet works out itself, sent as a site's own observation — "SINS评分" 13,
    /// "改良Tokuhashi评分" 10, "硬膜外脊髓压迫分级(ESCC)" 3级, "ASIA分级" C — was dropped without a
    /// word (unseen bundle ehr22): the surgeon's SINS 13 and ESCC 3 never reached the record, and
    /// nothing said so. BoneMet scores SINS, ESCC, Mirels and the prognosis scores from their items
    /// (the CT or MRI reading, the pain, the neurological examination), so the total is not taken
    /// as a fact; the note names the score and its value, and what to record instead. ASIA's
    /// impairment scale is not Frankel's (the Frankel grade is read by its own name).
    static let scoresComputed: [(words: [String], name: String, why: String, record: String)] = {
        let total = "BoneMet scores it from its items, not from a total"
        return [
            (["sins", "脊柱不稳定", "脊柱肿瘤不稳定"], "SINS", total, "the lesion's CT or MRI reading (lesion type, collapse, alignment, posterolateral involvement) and its pain"),
            (["escc分级", "escc评分", "escc grade", "escc scale", "(escc)", "bilsky", "硬膜外脊髓压迫"], "ESCC", "BoneMet reads the grade on an imaging study's reading of its lesion", "the MRI's reading of the lesion with its ESCC grade"),
            (["mirels"], "Mirels", total, "the lesion's X-ray or CT reading (lesion type, size across the bone) and its pain with limb use"),
            (["tokuhashi", "德桥"], "revised Tokuhashi", total, "its items (performance status, metastases, the neurological examination)"),
            (["tomita", "富田"], "Tomita", total, "its items (the primary, visceral and bone metastases)"),
            (["katagiri", "片桐"], "New Katagiri", total, "its items (the primary, metastases, laboratory values, performance status, chemotherapy)"),
            (asiaWords, "ASIA impairment scale", "its grade was not read (A–E)", "the neurological examination with its Frankel grade"),
        ]
    }()

    /// The note for an observation named as one of `scoresComputed` (no LOINC code), nil otherwise.
    static func scoreComputedNote(_ r: FHIRJSON) -> String? {
        let names = localNames(r).map { $0.lowercased() }
        guard let score = scoresComputed.first(where: { score in names.contains { name in score.words.contains(where: name.contains) } }) else { return nil }
        let value = r["valueInteger"]?.decimalText ?? r["valueQuantity"]?["value"]?.decimalText
            ?? r["valueString"]?.string ?? FHIRRead.text(r["valueCodeableConcept"]) ?? FHIRRead.codings(r["valueCodeableConcept"]).first?.code
        return "\(score.name)\(value.map { " \($0)" } ?? "") recorded by name: \(score.why) — not used; record \(score.record)"
    }

    static let asiaWords = ["asia分级", "asia评分", "asia impairment", "asia grade", "asia scale", "美国脊髓损伤协会"]

    /// An ASIA impairment scale grade named in words ("ASIA分级" C, "ASIA grade D"): A–D a
    /// neurological deficit, E normal — as a spine ward records it instead of Frankel's (unseen
    /// bundle ehr22). It is not Frankel's grade (the scores read Frankel), so the deficit is kept
    /// without one; nil when the observation is not named so or its grade is not one letter A–E.
    static func asiaGrade(_ r: FHIRJSON) -> Character? {
        guard localNames(r).contains(where: { name in asiaWords.contains(where: name.lowercased().contains) }) else { return nil }
        return gradeLetter(r, scale: "ASIA")
    }

    /// The ASIA grade's neurological status on the lesion its `focus` or body site names, with a note.
    static func readASIA(
        _ grade: Character, _ r: FHIRJSON, date: PartialDate, lesion: String?, label: String, record: inout CaseRecord, notes: inout [MappingNote]
    ) {
        let at = lesion ?? FHIRRead.bodySiteLesion(bodySiteAsList(r), lesions: record.lesions)
        record.neurology.append(NeurologyRecord(date: date, status: grade == "E" ? .intact : .myelopathy, lesion: at))
        let reading = grade == "E" ? "no deficit" : "a deficit (myelopathy), Frankel grade not stated"
        notes.append(MappingNote(resource: label, message: "ASIA \(grade) read by its name as \(reading)\(at.map { " at \($0)" } ?? "") — confirm with the examination"))
    }
}
