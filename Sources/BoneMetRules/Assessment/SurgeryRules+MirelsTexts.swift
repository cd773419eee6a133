/// The Mirels findings' fixed texts: what is missing, the caveats, a broken bone's title, and the
/// words for a lesion with a giant cell tumour's picture.
extension SurgeryRules {
    static func missingText(_ keys: [String]) -> LocalizedText {
        let labels = keys.map { key -> LocalizedText in
            switch key {
            case "pain": LocalizedText(en: "pain with limb use (pain record)", zh: "肢体活动时疼痛（疼痛记录）")
            case "lesion": LocalizedText(en: "lesion type on X-ray/CT", zh: "X 线 / CT 病变类型")
            case "size": LocalizedText(en: "fraction of the bone diameter on plain film", zh: "X 线片上占骨直径比例")
            default: LocalizedText(en: "site (the femur's segment: peritrochanteric or not)", zh: "部位（股骨节段：是否位于转子周围）")
            }
        }
        return LocalizedText.joined(labels, en: ", ", zh: "、")
    }

    /// Caveats the assessment shows as the calculator does (reference.md): low specificity, and
    /// the humerus performs differently.
    static func caveats(_ lesion: Lesion) -> LocalizedText {
        var en = "Caveat: specificity is low (Damron 2003: sensitivity 91 %, specificity 35 % at ≥ 9) — weigh the whole picture."
        var zh = "注意：特异性低（Damron 2003：≥9 分时敏感性 91%、特异性 35%）——需综合判断。"
        if lesion.bone == .humerus {
            en += " The humerus is a non-weight-bearing bone and the score performs differently there (Evans 2008)."
            zh += "肱骨为非负重骨，该评分在肱骨的表现不同（Evans 2008）。"
        }
        return LocalizedText(en: en, zh: zh)
    }

    /// A broken long bone's title, imaged or only recorded: tissue first while its diagnosis is
    /// open and its fixation is still to come.
    static func fracturedTitle(_ name: LocalizedText, tissueFirst: Bool, lesion: Lesion, tumourPicture: Bool = false) -> LocalizedText {
        guard tissueFirst else {
            return LocalizedText(en: "\(name.en): pathological fracture on record", zh: "\(name.zhHans)：已发生病理性骨折")
        }
        if tumourPicture {
            return LocalizedText(
                en: "\(name.en): pathological fracture — tissue diagnosis first, then bone-tumour surgery",
                zh: "\(name.zhHans)：病理性骨折——先明确病理，再由骨肿瘤外科治疗")
        }
        return lesion.isFemoralHeadOrNeck
            ? LocalizedText(en: "\(name.en): pathological fracture — tissue diagnosis first, then arthroplasty", zh: "\(name.zhHans)：病理性骨折——先明确病理，再行关节置换")
            : LocalizedText(en: "\(name.en): pathological fracture — tissue diagnosis first, then fixation", zh: "\(name.zhHans)：病理性骨折——先明确病理，再行内固定")
    }

    /// An undiagnosed long-bone lesion with a giant cell tumour's picture in a young adult and no
    /// cancer on record (`CaseIndex.loneGiantCellPicture`). Mirels derived his score in bone
    /// metastases (Mirels 1989), and its answer — prophylactic fixation before radiotherapy — is a
    /// metastasis's: a primary bone tumour is treated by its own rules, never by nailing
    /// (reference.md). A 26-year-old's eccentric epiphyseal distal femur, Mirels 9, read "biopsy
    /// first, then prophylactic fixation … fix before radiotherapy, before transfer or trial
    /// enrolment" while its prognosis scores waited for the pathology (unseen record cb103-d).
    static func giantCellPictureTitle(_ name: LocalizedText, score: String, first: LocalizedText) -> LocalizedText {
        undiagnosedTitle(name, score: score, first: first, then: LocalizedText(en: "bone-tumour surgery", zh: "由骨肿瘤外科治疗"))
    }

    /// What replaces "fix before radiotherapy" for such a lesion: the risk stands, the treatment
    /// waits for the pathology and follows the tumour's own rules.
    static func giantCellPictureAction(broken: Bool) -> LocalizedText {
        let lead = mirelsAnswerLead(broken: broken)
        return LocalizedText(
            en: "\(lead.en), and the picture here is a giant cell tumour's in a young adult with no cancer on record: protect the limb from load meanwhile; the treatment follows the pathology, by the tumour's own rules (curettage or resection by bone-tumour surgery), never by nailing.",
            zh: "\(lead.zhHans)，而本病灶为年轻成人、无肿瘤病史的骨巨细胞瘤表现：其间避免患肢负重；治疗取决于病理，按肿瘤本身原则（由骨肿瘤外科行刮除或切除），切勿髓内钉固定。")
    }

    /// The lone undiagnosed lesion of a record with no cancer (`CaseIndex.loneUndiagnosedLesion`):
    /// the operation follows the pathology, as for the giant-cell picture, without naming a tumour.
    static func loneLesionTitle(_ name: LocalizedText, score: String, first: LocalizedText) -> LocalizedText {
        undiagnosedTitle(name, score: score, first: first, then: LocalizedText(en: "surgery by its result", zh: "按病理结果手术"))
    }

    /// Broken: tissue first, then the operation its result decides.
    static func loneFractureTitle(_ name: LocalizedText) -> LocalizedText {
        LocalizedText(
            en: "\(name.en): pathological fracture — tissue diagnosis first, then surgery by its result",
            zh: "\(name.zhHans)：病理性骨折——先明确病理，再按病理结果手术")
    }

    /// What replaces "fix before radiotherapy" (or "referral for fixation") for that lesion.
    static func loneLesionAction(broken: Bool) -> LocalizedText {
        let lead = mirelsAnswerLead(broken: broken)
        return LocalizedText(
            en: "\(lead.en), and with no cancer on record and no other bone lesion known, a primary bone tumour must be excluded before any fixation: protect the limb from load meanwhile; the operation follows the pathology — fixation for a metastasis, the tumour's own surgery (resection by bone-tumour surgery) for a primary bone tumour, never a nail before the result.",
            zh: "\(lead.zhHans)；本例无肿瘤病史且未见其他骨病灶，任何内固定前须先排除原发骨肿瘤：其间避免患肢负重；手术取决于病理——转移瘤行内固定，原发骨肿瘤按其本身原则由骨肿瘤外科切除，病理结果前切勿髓内钉固定。")
    }

    /// An undiagnosed lesion at the fixation threshold whose operation waits for the pathology.
    private static func undiagnosedTitle(_ name: LocalizedText, score: String, first: LocalizedText, then: LocalizedText) -> LocalizedText {
        LocalizedText(
            en: "\(name.en): impending fracture (Mirels \(score)) — \(first.en), then \(then.en); urgent orthopaedic oncology referral",
            zh: "\(name.zhHans)：骨折风险高（Mirels \(score) 分）——\(first.zhHans)，再\(then.zhHans)；紧急骨肿瘤科转诊")
    }

    /// The risk stands, but Mirels's answer is a metastasis's (Mirels 1989).
    private static func mirelsAnswerLead(broken: Bool) -> LocalizedText {
        let risk = broken
            ? LocalizedText(en: "The bone has broken through", zh: "该骨已发生骨折")
            : LocalizedText(en: "The fracture risk stands", zh: "骨折风险仍在")
        return LocalizedText(
            en: "\(risk.en), but Mirels's answer — prophylactic fixation — is a metastasis's (the score was derived in bone metastases, Mirels 1989)",
            zh: "\(risk.zhHans)，但 Mirels 给出的处理——预防性内固定——针对的是转移瘤（该评分源于骨转移病例，Mirels 1989）")
    }
}

