/// Bone lesions of myeloma or lymphoma: their response has criteria of its own.
extension CaseIndex {
    enum BloodCancer: String { case myeloma, lymphoma }

    /// The haematological cancer a lesion belongs to: a biopsy of it that found myeloma or
    /// lymphoma, else every candidate primary of it one of them (plasmacytoma with myeloma).
    func bloodCancer(_ lesion: String) -> BloodCancer? {
        if let result = diagnosticBiopsy(lesion)?.result {
            switch result {
            case .myeloma: return .myeloma
            case .lymphoma: return .lymphoma
            default: return nil
            }
        }
        let kinds = Set(primaryCandidates(for: lesion).map { primary -> BloodCancer? in
            if primary.isPlasmaCellDisease { return .myeloma }
            if primary.isLymphoma { return .lymphoma }
            return nil
        })
        guard kinds.count == 1, let kind = kinds.first else { return nil }
        return kind
    }
}

extension ResponseRules {
    static let kumar2016 = Citation(id: "kumar2016", text: "Kumar S et al. Lancet Oncol 2016;17:e328-46 (IMWG response criteria for multiple myeloma)")
    static let cheson2014 = Citation(id: "cheson2014", text: "Cheson BD et al. J Clin Oncol 2014;32:3059-68 (Lugano classification of lymphoma response)")

    /// MDA (Hamaoka 2004) and RECIST 1.1 are written for solid tumours' bone metastases. A myeloma
    /// with four lytic lesions had four "RECIST measurability undetermined — record the
    /// soft-tissue component" findings. Myeloma responds by IMWG (Kumar 2016: M-protein, free light
    /// chains, marrow; bone lesions count for progression — new lesions or clear growth — not for
    /// response), lymphoma by the Lugano classification (Cheson 2014: PET-CT). Said once; the
    /// lesions' time points stay, to show new or growing lesions.
    func bloodCancerResponseFinding() -> Finding? {
        let kinds = Set(index.metastaticLesions.compactMap { index.bloodCancer($0.id) })
        guard !kinds.isEmpty else { return nil }
        var texts: [LocalizedText] = []
        if kinds.contains(.myeloma) {
            texts.append(LocalizedText(
                en: "Myeloma: response by the IMWG criteria (serum and urine M-protein, free light chains, marrow); its bone lesions rarely heal, and count for progression — a new lesion or clear growth of one — not for response.",
                zh: "骨髓瘤：按 IMWG 标准评价疗效（血、尿 M 蛋白，游离轻链，骨髓）；其骨病灶很少修复，用于判断进展（新发病灶或原有病灶明确增大），不用于判断缓解。"))
            if let course = index.mProteinCourse() {
                texts.append(LocalizedText(
                    en: "Serum M protein on record: \(course.en) — haematology reads the response from it with the urine M protein, immunofixation and marrow (Kumar 2016).",
                    zh: "已记录的血清 M 蛋白：\(course.zhHans)——由血液科结合尿 M 蛋白、免疫固定电泳及骨髓评价疗效（Kumar 2016）。"))
            }
        }
        if kinds.contains(.lymphoma) {
            texts.append(LocalizedText(
                en: "Lymphoma: response by the Lugano classification on PET-CT (Deauville score), for the bone as for the nodes.",
                zh: "淋巴瘤：按 Lugano 分类以 PET-CT（Deauville 评分）评价疗效，骨病灶与淋巴结相同。"))
        }
        let which = kinds.count == 2
            ? LocalizedText(en: "myeloma and lymphoma", zh: "骨髓瘤和淋巴瘤")
            : kinds.contains(.myeloma) ? LocalizedText(en: "myeloma", zh: "骨髓瘤") : LocalizedText(en: "lymphoma", zh: "淋巴瘤")
        return Finding(
            ruleId: "boneHealth.bloodCancerResponse", severity: .info, duty: .boneHealth, specialty: .haematology,
            subject: .patient, date: index.assessedOn,
            title: LocalizedText(
                en: "Bone lesions of \(which.en): response by the disease's own criteria",
                zh: "\(which.zhHans)骨病灶：按该疾病自身标准评价疗效"),
            detail: LocalizedText(
                en: "\(LocalizedText.joined(texts, en: " ", zh: "").en) The MDA and RECIST readings of bone are for solid tumours' metastases: BoneMet's time points show new or growing lesions, not the response.",
                zh: "\(LocalizedText.joined(texts, en: " ", zh: "").zhHans)MDA 与 RECIST 的骨评价针对实体瘤骨转移：BoneMet 的时间点用于显示新发或增大的病灶，而非疗效。"),
            inputs: [FindingInput("diseases", kinds.map(\.rawValue).sorted().joined(separator: ","))],
            sources: kinds.sorted { $0.rawValue < $1.rawValue }.map { $0 == .myeloma ? Self.kumar2016 : Self.cheson2014 } + Self.sources)
    }
}
