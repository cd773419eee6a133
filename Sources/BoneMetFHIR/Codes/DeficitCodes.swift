import BoneMetRules

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
        let incomplete = ["不完全", "incomplete", "partial"].contains(where: text.contains)
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
        if ["截瘫", "四肢瘫", "paraplegia", "tetraplegia", "quadriplegia"].contains(where: text.contains) {
            return (.myelopathy, completeWords ? .A : nil)
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
        return words.filter { $0.1.contains(where: text.contains) }.map(\.0)
    }

    static func kind(text: String?) -> EventKind? { kinds(text: text).first }
}
