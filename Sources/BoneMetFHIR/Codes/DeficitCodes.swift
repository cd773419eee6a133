import BoneMetRules
import Foundation

/// A neurological deficit on the problem list: a Chinese EHR sends "截瘫（不完全性）" (ICD-10
/// G82.201) beside "脊髓压迫症" and no neurological examination; the deficit was dropped, so
/// the cord compression read as one without a deficit recorded and Tokuhashi's palsy stayed open
/// (unseen bundle ehr6, 2026-12-05).
///
/// ICD-10 G82 (WHO: G82.0–G82.2 paraplegia, G82.3–G82.5 tetraplegia; ICD-10-CM: G82.2x
/// paraplegia, G82.5x quadriplegia) is a cord deficit — myelopathy in the case format; G83.4
/// cauda equina syndrome. Frankel A (complete loss of motor and sensory function below the level,
/// Frankel 1969) only where the diagnosis says complete: ICD-10-CM G82.21, G82.51, G82.53, or the
/// text "完全性截瘫", "complete paraplegia" — never "不完全" / "incomplete", which is B–D, not settled.
enum DeficitCodes {
    /// `words`: also read the concept's text where no code says it (a Condition with no cancer
    /// words); without, only an ICD-10 code does (before a cancer condition is looked for).
    static func deficit(_ concept: FHIRJSON?, words: Bool) -> (status: NeurologicalStatus, frankel: Tokuhashi.Frankel?)? {
        let text = ([FHIRRead.text(concept)] + FHIRRead.codings(concept).map(\.display)).compactMap { $0?.lowercased() }.joined(separator: " ")
        let incomplete = ["不完全", "不全", "incomplete", "partial"].contains(where: text.contains)
        let completeWords = !incomplete && ["完全性截瘫", "完全截瘫", "完全性四肢瘫", "complete paraplegia", "complete tetraplegia", "complete quadriplegia"].contains(where: text.contains)
        for coding in FHIRRead.codings(concept) {
            guard let code = coding.code, CancerCodes.isICD10(coding.system) else { continue }
            let key = CancerCodes.icd10Key(code)
            if key.hasPrefix("G834") { return (.caudaEquina, nil) }
            if key.hasPrefix("G82") {
                let cm = coding.system?.hasSuffix("icd-10-cm") == true
                let complete = cm && ["G8221", "G8251", "G8253"].contains(where: key.hasPrefix)
                return (.myelopathy, complete || completeWords ? .A : nil)
            }
        }
        guard words else { return nil }
        if ["马尾综合征", "cauda equina syndrome"].contains(where: text.contains) { return (.caudaEquina, nil) }
        if ["截瘫", "四肢瘫", "paraplegia", "tetraplegia", "quadriplegia", "paraparesis", "tetraparesis", "quadriparesis"].contains(where: text.contains) {
            return (.myelopathy, completeWords ? .A : nil)
        }
        // The limbs' palsy written around its grade: "双下肢不全瘫", "双下肢瘫痪", "四肢不全瘫" — both
        // legs or all four limbs, a cord's deficit (the one-sided "偏瘫" and the face's "面瘫" are
        // not; unseen bundle ehr18 sent "双下肢不全瘫" beside a T6 cord compression and it was lost).
        if text.contains("瘫"), ["双下肢", "下肢", "四肢"].contains(where: text.contains), !["偏瘫", "面瘫"].contains(where: text.contains) {
            return (.myelopathy, nil)
        }
        return nil
    }
}

extension EventCodes {
    /// An event written only in the Condition's text ("高钙血症", "病理性骨折", "脊髓压迫症",
    /// "pathological fracture") — a problem list of a Chinese EHR often carries no code: the
    /// hypercalcaemia was dropped. Not a risk or an impending one ("骨折风险", "impending").
    /// Every event a text names, in the order above: a bone metastasis's own text may name its
    /// fracture and its compression, "腰椎转移瘤伴病理性骨折及脊髓压迫".
    static func kinds(text: String?) -> [EventKind] {
        guard let text = text?.lowercased(), !text.isEmpty else { return [] }
        guard !["风险", "先兆", "可能", "risk", "impending", "threatened", "suspect", "?"].contains(where: text.contains) else { return [] }
        let words: [(EventKind, [String])] = [
            (.pathologicalFracture, ["病理性骨折", "病理骨折", "pathological fracture", "pathologic fracture"]),
            (.cordCompression, ["脊髓压迫", "cord compression"]),
            (.hypercalcaemia, ["高钙血症", "hypercalcaemia", "hypercalcemia"]),
            (.osteonecrosisOfJaw, ["颌骨坏死", "osteonecrosis of the jaw", "osteonecrosis of jaw"]),
        ]
        return words.filter { kind, names in
            names.contains(where: text.contains) || (kind == .pathologicalFracture && Self.namesPathologicalFracture(text))
        }.map(\.0)
    }

    /// "病理性" and "骨折" with the fracture's kind or bone between them ("胸6椎体病理性压缩骨折",
    /// "病理性椎体压缩性骨折"), and English "pathologic(al) … fracture" within one phrase
    /// ("pathological compression fracture of T6"): the Condition "胸6椎体病理性压缩骨折" of a
    /// Chinese problem list was read as nothing (unseen bundle ehr18). No sentence break between.
    static func namesPathologicalFracture(_ text: String) -> Bool {
        for (opening, closing, reach) in [("病理性", "骨折", 8), ("patholog", "fracture", 40)] {
            var rest = Substring(text)
            while let start = rest.range(of: opening) {
                let after = rest[start.upperBound...]
                if let end = after.range(of: closing) {
                    let between = after[..<end.lowerBound]
                    if between.count <= reach, !between.contains(where: { "，。；;,.、".contains($0) }) { return true }
                }
                rest = after
            }
        }
        return false
    }

    static func kind(text: String?) -> EventKind? { kinds(text: text).first }
}
