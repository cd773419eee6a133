/// The long disease-free interval's biopsy (moved out of DiagnosisRules.swift, which holds the
/// lesion-by-lesion indications): one finding for the patient naming the lesion a biopsy can
/// take, or what answered the question instead — healing under the primary's therapy.
extension DiagnosisRules {
    static func longIntervalReason(_ years: Int, settings: RuleSettings) -> LocalizedText {
        LocalizedText(
            en: "long disease-free interval (\(years) years since the primary; setting ≥ \(settings.longDiseaseFreeIntervalYears)): a second primary or myeloma is possible",
            zh: "无病间期长（距原发灶 \(years) 年；设置 ≥\(settings.longDiseaseFreeIntervalYears) 年）：可能为第二原发肿瘤或骨髓瘤")
    }

    /// Several lesions open only because of the long disease-free interval: one finding for the
    /// patient, naming the lesions a biopsy can take (lytic or mixed first: any time; reference.md).
    func intervalBiopsyFinding(_ lesions: [Lesion], years: Int) -> Finding {
        let healed = lesions.compactMap { lesion in index.sclerosedUnderTherapy(lesion.id).map { (lesion, $0) } }
        if healed.count == lesions.count { return intervalHealedFinding(healed, years: years) }
        let open = lesions.filter { lesion in !healed.contains { $0.0.id == lesion.id } }
        // The rest last read before any systemic therapy began: imaged again first, not
        // biopsied on a picture from before treatment (`readOnlyBeforeTherapy`, cb62-a).
        let unread = open.compactMap { lesion in index.readOnlyBeforeTherapy(lesion.id).map { (lesion, $0) } }
        if !healed.isEmpty && unread.count == open.count { return intervalHealedFinding(healed, years: years, unread: unread) }
        let reason = Self.longIntervalReason(years, settings: index.settings)
        // Known only from tracer uptake: not a lesion to biopsy until X-ray and CT show it (scenario
        // 2; `uptakeOnlyBiopsyFinding`). A breast cancer ten years out, both knees hot on the bone
        // scan and nothing else open, read "One biopsy answers it: the most accessible of other
        // bone (双膝关节)" (unseen record cb78-m).
        let uptakeOnly = open.filter { index.seenOnlyAsUptake($0.id) && index.openBiopsy($0.id) == nil && index.operationWithoutPathology($0.id) == nil }
        let imaged = open.filter { lesion in !uptakeOnly.contains { $0.id == lesion.id } }
        let uptakeNames = LocalizedText.joined(uptakeOnly.map { index.label($0) }, en: "; ", zh: "、")
        if imaged.isEmpty && healed.isEmpty {
            return Finding(
                ruleId: "diagnosis.biopsy.indicated", severity: .advisory, duty: .diagnosis, specialty: .orthopaedics,
                subject: .patient, date: index.firstMetastasisSeen ?? index.assessedOn,
                title: LocalizedText(
                    en: "Long disease-free interval: X-ray and CT bone window first — biopsy if they show a lesion",
                    zh: "无病间期长：先行 X 线和 CT 骨窗检查——如见病灶再活检"),
                detail: LocalizedText(
                    en: "\(reason.en). Known so far only from tracer uptake, which is not a diagnosis: \(uptakeNames.en). Image them on X-ray and CT with the bone window: a lesion they show is the one to biopsy (pathology is the gold standard when imaging cannot decide); uptake without destruction is not a metastasis — follow it up on the bone window.",
                    zh: "\(reason.zhHans)。目前仅见放射性浓聚，浓聚本身不能诊断：\(uptakeNames.zhHans)。请行 X 线和 CT 骨窗检查：显示的病灶即为活检对象（影像无法定性时病理是金标准）；有浓聚而无骨质破坏者不诊断骨转移——以骨窗随访。"),
                inputs: [FindingInput("diseaseFreeYears", years.description), FindingInput("lesions", lesions.map(\.id).joined(separator: ",")),
                         FindingInput("anatomicRead", "false")],
                sources: [Self.sourceHospital], claims: [Claim(.biopsy, about: "patient", "biopsy")])
        }
        let candidates = imaged.isEmpty ? open : imaged
        // Lytic or mixed as it reads now: a pelvis lytic at staging and completely filled in on the
        // restaging CT was named among "the most accessible lytic or mixed lesion" (unseen
        // record cb78-o) — blastic bone is not the lesion to biopsy.
        let lyticOrMixed = candidates.filter { index.characters($0.id).last.map { $0 == .lytic || $0 == .mixed } == true }
        let unirradiated = lyticOrMixed.isEmpty ? candidates : lyticOrMixed
        // Not a lesion already irradiated while another is not: treated bone gives reactive bone
        // or necrosis to the needle, as the source hospital reasons for blastic bone under therapy.
        // A breast cancer's left acetabulum, irradiated 30 Gy/10 a fortnight before, was named
        // beside T12–L1 for the interval's biopsy (unseen record cb157-f, rule set 2026.12.409).
        let irradiated = unirradiated.compactMap { lesion in
            index.localTreatments(lesion.id, kind: .radiotherapy).first { !$0.planned && $0.start.map(index.known) == true }.map { (lesion, $0) }
        }
        let targets = irradiated.count < unirradiated.count
            ? unirradiated.filter { lesion in !irradiated.contains { $0.0.id == lesion.id } } : unirradiated
        let leftOut = irradiated.count < unirradiated.count && !irradiated.isEmpty
            ? LocalizedText.joined(irradiated.map { lesion, course in
                LocalizedText(en: "\(index.label(lesion).en) (\(course.label.en))", zh: "\(index.label(lesion).zhHans)（\(course.label.zhHans)）")
            }, en: "; ", zh: "、") : nil
        let names = LocalizedText.joined(targets.map { index.label($0) }, en: "; ", zh: "、")
        // A lesion already operated on: the tissue of its operation answers the interval first
        // (`CaseIndex.operationWithoutPathology`; cb27-q, an L1 cement augmentation).
        let operated = lesions.compactMap { lesion in index.operationWithoutPathology(lesion.id).map { (lesion, $0) } }
        let operations = LocalizedText.joined(operated.map { lesion, operation in
            LocalizedText(en: "\(index.label(lesion).en) (\(operation.label.en))", zh: "\(index.label(lesion).zhHans)（\(operation.label.zhHans)）")
        }, en: "; ", zh: "、")
        let first = operated.isEmpty
            ? LocalizedText(en: "", zh: "")
            : LocalizedText(
                en: "The tissue of an operation answers it first — \(operations.en): record the pathology of the tissue taken then. ",
                zh: "先以手术所取组织的病理回答——\(operations.zhHans)：请录入当时所取组织的病理。")
        let lead = operated.isEmpty
            ? LocalizedText(en: "One biopsy answers it", zh: "活检一处即可")
            : LocalizedText(en: "Only if no tissue was sent, one biopsy", zh: "仅在未送病理时活检一处")
        let which = lyticOrMixed.isEmpty
            ? LocalizedText(en: "\(lead.en): the most accessible of \(names.en).", zh: "\(lead.zhHans)：在\(names.zhHans)中选最易取材者。")
            : LocalizedText(
                en: "\(lead.en): the most accessible lytic or mixed lesion (\(names.en)) — lytic or mixed lesions can be biopsied at any time.",
                zh: "\(lead.zhHans)：选最易取材的溶骨或混合性病灶（\(names.zhHans)）——溶骨或混合性病灶随时可活检。")
        let notIrradiated = leftOut.map {
            LocalizedText(
                en: "Not the irradiated \($0.en): tissue after radiotherapy may show only necrosis or reactive bone.",
                zh: "不选已放疗的\($0.zhHans)：放疗后取材可能仅见坏死或反应骨。")
        }
        let taken = LocalizedText.joined((notIrradiated.map { [$0] } ?? []) + lesions.compactMap { index.operationWithoutPathology($0.id) == nil ? index.openBiopsyNote($0.id) : nil }
            + (uptakeOnly.isEmpty || imaged.isEmpty ? [] : [LocalizedText(
                en: "Known only from tracer uptake, not to be chosen before X-ray and CT bone window show it: \(uptakeNames.en).",
                zh: "仅见放射性浓聚者在 X 线和 CT 骨窗显示病灶前不作为活检对象：\(uptakeNames.zhHans)。")]), en: " ", zh: "")
        return Finding(
            ruleId: "diagnosis.biopsy.indicated", severity: .advisory, duty: .diagnosis, specialty: .orthopaedics,
            subject: .patient, date: index.firstMetastasisSeen ?? index.assessedOn,
            title: operated.isEmpty
                ? LocalizedText(en: "Biopsy indicated: long disease-free interval", zh: "有活检指征：无病间期长")
                : LocalizedText(en: "Pathology needed: long disease-free interval", zh: "需要病理：无病间期长"),
            detail: LocalizedText(
                en: "\(reason.en). \(first.en)\(which.en) Pathology is the gold standard when imaging cannot decide.\(taken.en.isEmpty ? "" : " " + taken.en)",
                zh: "\(reason.zhHans)。\(first.zhHans)\(which.zhHans)影像无法定性时病理是金标准。\(taken.zhHans)"),
            inputs: [FindingInput("diseaseFreeYears", years.description), FindingInput("lesions", lesions.map(\.id).joined(separator: ","))],
            sources: [Self.sourceHospital], claims: [Claim(.biopsy, about: "patient", "biopsy")])
    }

    /// Every lesion the interval left open has healed into blastic bone under the regimen: the
    /// time for the biopsy has passed (source hospital: blastic bone is not biopsied after
    /// systemic therapy started). Said as what there is to do — watch for a lesion that turns
    /// lytic again, the one a biopsy would then take.
    func intervalHealedFinding(_ healed: [(Lesion, PartialDate)], years: Int, unread: [(Lesion, PartialDate)] = [], hormonal: Bool = false) -> Finding {
        func names(_ list: [(Lesion, PartialDate)]) -> LocalizedText {
            LocalizedText.joined(
                list.map { lesion, date in
                    LocalizedText(en: "\(index.label(lesion).en) (\(date))", zh: "\(index.label(lesion).zhHans)（\(date)）")
                }, en: "; ", zh: "、")
        }
        let reason = Self.longIntervalReason(years, settings: index.settings)
        let unreadNames = LocalizedText.joined(unread.map { index.label($0.0) }, en: "; ", zh: "、")
        let image = unread.isEmpty
            ? LocalizedText(en: "", zh: "")
            : hormonal
            ? LocalizedText(
                en: " Not imaged since systemic therapy began: \(names(unread).en) — image it again (X-ray, or CT with the bone window) to see how it has answered.",
                zh: "全身治疗开始后未再复查影像：\(names(unread).zhHans)——请复查（X 线或 CT 骨窗），了解其治疗反应。")
            : LocalizedText(
                en: " Not imaged since systemic therapy began: \(names(unread).en) — image it again (X-ray, or CT with the bone window); should it still read lytic, that is the one to biopsy.",
                zh: "全身治疗开始后未再复查影像：\(names(unread).zhHans)——请复查（X 线或 CT 骨窗）；若仍为溶骨性，应对其活检。")
        return Finding(
            ruleId: "diagnosis.biopsy.intervalHealed", severity: unread.isEmpty ? .info : .advisory, duty: .diagnosis, specialty: .orthopaedics,
            subject: .patient, date: healed.map(\.1).max(),
            title: hormonal
                ? LocalizedText(
                    en: "Long disease-free interval: answered by healing under hormonal therapy — no biopsy on that account\(unread.isEmpty ? "" : "; image \(unreadNames.en) again")",
                    zh: "无病间期长：病灶在内分泌治疗中完全修复已回答此问题——无需为此活检\(unread.isEmpty ? "" : "；请复查\(unreadNames.zhHans)")")
                : unread.isEmpty
                ? LocalizedText(
                    en: "Long disease-free interval, lesions healed under systemic therapy — biopsy no longer recommended",
                    zh: "无病间期长，病灶在全身治疗中已成骨修复——不再建议活检")
                : LocalizedText(
                    en: "Long disease-free interval, lesions healed under systemic therapy — image \(unreadNames.en) again before any biopsy",
                    zh: "无病间期长，病灶在全身治疗中已成骨修复——活检前先复查\(unreadNames.zhHans)"),
            detail: hormonal
                ? LocalizedText(
                    en: "\(reason.en). Answered by the response: \(names(healed).en) healed completely (blastic or filled in) under hormonal therapy, as only a hormone-sensitive cancer does — not myeloma, whose lesions rarely heal, nor another primary. Later progression does not reopen it; a biopsy at progression is for the receptors, not for this question. Should a lesion's picture not fit the cancer's course, pathology decides.\(image.en)",
                    zh: "\(reason.zhHans)。疗效已回答此问题：\(names(healed).zhHans)在内分泌治疗中完全成骨修复（成骨性或完全硬化填充），只有激素敏感的肿瘤会如此——骨髓瘤病灶很少修复，其他原发肿瘤亦不会。其后的进展不会使该问题重新成立；进展时活检是为了复查受体，而非此问题。若某病灶表现与该肿瘤病程不符，以病理定论。\(image.zhHans)")
                : LocalizedText(
                en: "\(reason.en). \(unread.isEmpty ? "Every such lesion" : "Every such lesion imaged since") now reads blastic, completely filled in or no longer seen under systemic therapy: \(names(healed).en). A biopsy of blastic bone after systemic therapy started would likely sample reactive bone or necrosis. Should a lesion turn lytic again, or a new lytic lesion appear, that is the one to biopsy.\(image.en)",
                zh: "\(reason.zhHans)。\(unread.isEmpty ? "相关病灶" : "此后复查的相关病灶")在全身治疗中均已呈成骨性、完全硬化填充或不再可见：\(names(healed).zhHans)。全身治疗开始后对成骨性骨质活检，很可能只取到反应骨或坏死组织。若病灶再次出现溶骨，或出现新的溶骨性病灶，应对该病灶活检。\(image.zhHans)"),
            inputs: [FindingInput("diseaseFreeYears", years.description), FindingInput("lesions", healed.map(\.0.id).joined(separator: ","))]
                + (unread.isEmpty ? [] : [FindingInput("notImagedSinceTherapy", unread.map(\.0.id).joined(separator: ","))]),
            sources: [Self.sourceHospital, ResponseRules.sources[0]], claims: [Claim(.biopsy, about: "patient", "noBiopsy")])
    }

    /// The long disease-free interval's question — a second primary or myeloma? — answered by a
    /// lesion that healed completely under the primary's hormonal therapy
    /// (`CaseIndex.healedUnderHormonalTherapy`): said where it would otherwise have asked for a
    /// biopsy — information, or an advisory naming a lesion not imaged since therapy began.
    func intervalAnsweredByHealing(_ candidates: [Lesion]) -> Finding? {
        let open = candidates.compactMap { lesion in
            index.myelomaBoneDisease(lesion.id) ? nil : index.longDiseaseFreeInterval(endedBy: lesion.id, ignoringHealing: true).map { (lesion, $0) }
        }
        guard let years = open.map(\.1).max() else { return nil }
        let primaries = Set(open.flatMap { index.primaryCandidates(for: $0.0.id).map(\.id) })
        let healed = index.knownPrimaries.filter { primaries.contains($0.id) }.flatMap { index.healedUnder($0) }
        guard !healed.isEmpty else { return nil }
        // A lytic lesion not imaged since therapy began is still to be seen again — not for a
        // biopsy now, for how it has answered (a humerus on one film of 2024-02, cb62-a); an
        // operated one is followed by its operation's films.
        let unread = open.compactMap { lesion, _ -> (Lesion, PartialDate)? in
            guard index.localTreatments(lesion.id, kind: .surgery).allSatisfy(\.planned) else { return nil }
            return index.readOnlyBeforeTherapy(lesion.id).map { (lesion, $0) }
        }
        return intervalHealedFinding(healed.map { ($0.lesion, $0.date) }, years: years, unread: unread, hormonal: true)
    }
}
