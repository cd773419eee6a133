/// The sentence every operation on a hypervascular tumour's lesion carries (reference.md:
/// renal, thyroid, hepatocellular metastases, also myeloma — pre-operative embolisation is
/// commonly considered before open surgery; Pazionis 2014).
extension SurgeryRules {
    /// "Hypervascular metastasis possible (kidney): consider pre-operative embolisation …", or,
    /// with an embolisation of the lesion planned, that plan named: a renal-cell lesion whose
    /// embolisation was already booked was still told to consider one (cb64-e).
    func embolisationSentence(_ lesion: String, hypervascular: [PrimaryCancer]) -> LocalizedText {
        let names = LocalizedText.joined(hypervascular.map(\.label), en: ", ", zh: "、")
        let kind = Self.hypervascularKind(hypervascular)
        let booked = index.treatmentsNaming(lesion).filter { $0.planned && index.embolisations.contains($0.id) }
        if !booked.isEmpty {
            let what = LocalizedText.joined(booked.map(\.label), en: "; ", zh: "；")
            return LocalizedText(
                en: "Hypervascular \(kind.en) possible (\(names.en)): pre-operative embolisation planned (\(what.en)).",
                zh: "可能为富血供\(kind.zhHans)（\(names.zhHans)）：已计划术前栓塞（\(what.zhHans)）。")
        }
        // Only a cement augmentation planned there — percutaneous, not the open surgery reference.md
        // names embolisation for: said as the condition it is. A renal-cell L1 booked for PKP read
        // "consider pre-operative embolisation to limit blood loss" (unseen record cb154-f, rule
        // set 2026.12.403).
        let planned = index.treatmentsNaming(lesion).filter { $0.planned && $0.kind == .surgery && !index.embolisations.contains($0.id) }
        if !planned.isEmpty, planned.allSatisfy({ $0.procedure == .cementAugmentation }) {
            return LocalizedText(
                en: "Hypervascular \(kind.en) possible (\(names.en)): pre-operative embolisation is considered before open surgery — not for the cement augmentation planned, unless it becomes an open operation.",
                zh: "可能为富血供\(kind.zhHans)（\(names.zhHans)）：开放手术前考虑术前栓塞——已计划的骨水泥强化术无需，除非改为开放手术。")
        }
        return LocalizedText(
            en: "Hypervascular \(kind.en) possible (\(names.en)): consider pre-operative embolisation to limit blood loss.",
            zh: "可能为富血供\(kind.zhHans)（\(names.zhHans)）：术前考虑行栓塞以减少出血。")
    }

    /// A myeloma's lesion is its own disease, not a metastasis: "hypervascular metastasis
    /// possible (myeloma)" was said of a myeloma femur (unseen record cb62-c).
    static func hypervascularKind(_ primaries: [PrimaryCancer]) -> LocalizedText {
        primaries.contains(where: \.isPlasmaCellDisease)
            ? LocalizedText(en: "lesion", zh: "病灶") : LocalizedText(en: "metastasis", zh: "转移")
    }
}
