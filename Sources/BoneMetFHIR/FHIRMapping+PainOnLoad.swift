import BoneMetRules
import Foundation

/// A pain the chart says comes with load — "right hip, worse with walking" (unseen bundle ehr38),
/// "NRS 6分，左髋负重时加重" (ehr40) — is Mirels's functional pain at a limb long bone ("pain with
/// function", Mirels 1989) and SINS's mechanical pain at the spine (pain with movement or loading
/// of the spine, Fisher 2010). The score alone was imported, and the femur's Mirels read its pain
/// "unknown". Read only where the pain is placed at one lesion and the record sends no grade of
/// its own; never against a negation in the same clause ("无负重痛", "not worse with walking"); the
/// import note asks to confirm it.
extension FHIRCaseMapper {
    static let loadWords = [
        "负重时加重", "负重加重", "负重痛", "负重时疼痛", "行走时加重", "行走加重", "行走后加重", "走路时加重", "活动时加重", "活动后加重",
        "翻身时加重", "起身时加重", "坐起时加重", "负重后加重", "站立时加重", "下地时加重", "下地行走时加重",
        "worse with walking", "worse on walking", "worse when walking", "worse with weight bearing", "worse with weight-bearing",
        "worse on weight bearing", "worse on weight-bearing", "pain on weight bearing", "pain on weight-bearing", "with weight bearing",
        "with weight-bearing", "weight-bearing pain", "weightbearing", "with ambulation", "on ambulation", "when ambulating",
        "worse with standing", "worse with movement", "worse on movement", "worse with activity", "mechanical pain",
    ]
    static let negations = ["无", "不", "未", "否认", "no ", "not ", "without ", "denies "]

    /// The load words the pain record's texts use, if any clause holds them without a negation.
    public static func loadText(_ r: FHIRJSON) -> String? {
        let texts = (bodySiteAsList(r)["bodySite"]?.array ?? []).compactMap { FHIRRead.text($0) }
            + [r["valueString"]?.string].compactMap { $0 }
            + (r["note"]?.array ?? []).compactMap { $0["text"]?.string }
        for text in texts {
            for clause in text.lowercased().split(whereSeparator: { "，,;；。.".contains($0) }) {
                guard let word = loadWords.first(where: clause.contains) else { continue }
                let before = clause.range(of: word).map { String(clause[..<$0.lowerBound]) } ?? ""
                if negations.contains(where: before.contains) { continue }
                return word
            }
        }
        return nil
    }

    /// Mirels functional or SINS mechanical pain for the lesion the record was placed at.
    static func painOnLoad(_ r: FHIRJSON, at lesion: String?, record: CaseRecord, label: String, notes: inout [MappingNote])
        -> (mirels: Mirels.Pain?, sins: SINS.Pain?)
    {
        guard let lesion, let site = record.lesions.first(where: { $0.id == lesion }), let word = loadText(r) else { return (nil, nil) }
        if site.isSpinal {
            notes.append(MappingNote(resource: label, message: "pain \"\(word)\" read as SINS mechanical pain at \(lesion) — confirm"))
            return (nil, .mechanical)
        }
        guard site.mirelsSite != nil else { return (nil, nil) }
        notes.append(MappingNote(resource: label, message: "pain \"\(word)\" read as Mirels functional pain at \(lesion) — confirm"))
        return (.functional, nil)
    }
}
