/// Osteoblastic flare and new sclerosis under therapy (MDA, Hamaoka 2004; the latency setting):
/// which new or hotter lesions are response, which are not evaluable, which progression.
extension ResponseRules {
    /// MDA: new sclerosis (or more uptake) on an interval scan within the flare window of a new
    /// therapy, with other lesions responding and no other progression, is osteoblastic flare —
    /// a response. Under therapy, a new sclerotic lesion is never progression by itself (seed:
    /// "new osteoblastic lesions after treatment are a sign of response, not progression").
    func applyFlare(
        _ responses: [LesionResponse], flareTherapy: Treatment?, anatomicFlare: TimePointResponse? = nil,
        healing: [String: TimePointResponse] = [:], modality: Modality
    ) -> [LesionResponse] {
        let othersRespond = responses.contains { !$0.isNew && $0.category.isResponse }
        let otherProgression = responses.contains { response in
            response.category == .progressiveDisease && !isSclerosisOrUptake(response)
        }
        return responses.map { response in
            guard response.category == .progressiveDisease, isSclerosisOrUptake(response) else { return response }
            // An MRI's new lesion is named with the X-ray or CT that read it sclerotic.
            let read = modality == .mri ? sclerosisOnLaterAnatomy(response).map(Self.readSclerotic) : nil
            func said(_ text: LocalizedText) -> LocalizedText {
                guard let read else { return text }
                return LocalizedText(en: "\(text.en) (\(read.en))", zh: "\(text.zhHans)（\(read.zhHans)）")
            }
            if flareTherapy != nil && othersRespond && !otherProgression {
                return response.with(
                    category: .partialResponse, flare: true,
                    reason: said(LocalizedText(en: "osteoblastic flare within the flare window, other lesions responding", zh: "闪烁窗口内的成骨性闪烁，其他病灶有缓解")))
            }
            // Sooner than the latency (setting), on X-ray, CT or MRI whose known lesions already
            // heal on the same study (rim, fill-in, conversion, shrinkage): the latency's premise
            // — sclerosis seen that soon was there before the therapy could act — is refuted by
            // the study itself, and MDA's flare needs no more than "other signs of response and
            // no progressive bone disease" (Hamaoka 2004). An EGFR lung cancer's CT at 50 days of
            // osimertinib, L1 and the ilium gaining rims and fill-in, read PD for three new
            // sclerotic foci (unseen record cb65-d, 2026.12.261).
            if flareTherapy == nil, modality.isAnatomic, othersRespond, !otherProgression, !response.untreated,
                let therapy = index.latestSystemicStart(before: response.to), let start = therapy.start,
                response.to.earliestDay - start.earliestDay <= index.settings.blasticLatencyWeeks * 7
            {
                return response.with(
                    category: .partialResponse, flare: true,
                    reason: said(LocalizedText(
                        en: "osteoblastic flare: the known lesions heal on the same study, so the therapy acts on bone already",
                        zh: "成骨性闪烁：同次检查中已知病灶正在修复，说明治疗已对骨起效")))
            }
            // On a PET-CT whose CT reads the new lesion blastic, as on CT: a prostate cancer's new
            // sclerotic rib focus at 16 weeks of ADT, PSA 85 → 0.8, read "PD — new focus of
            // uptake" (unseen record cb21-u).
            let sclerosis = !modality.isTracer || (modality == .petCt && Self.newBlasticOnItsCT(response, index: index))
            if !response.untreated && sclerosis && index.therapyActingLongEnough(on: response.to) != nil {
                return response.with(
                    category: .stableDisease, flare: false,
                    reason: said(LocalizedText(en: "new sclerosis under therapy is not progression by itself; confirm on follow-up", zh: "治疗中新发硬化本身不代表进展；随访确认")))
            }
            // Sooner than the latency (setting) after the latest regimen began, and nothing acting
            // long enough: a new sclerotic lesion on X-ray, CT or MRI (or a PET-CT's CT) was there
            // before the regimen could act — missed or below detection on the previous study —, as
            // the diagnosis findings read it ("judged as pre-existing"). It is neither the
            // regimen's response nor its failure: an EGFR lung cancer's new sclerotic rib focus 21
            // days into osimertinib read "PD" as a warning beside "unexplained pure blastic lesion —
            // get a bone scan" (unseen record cb90-w, rule set 2026.12.324). Rule set .261 had kept
            // PD here ("new sclerosis 50 days in is a new lesion"), against reference.md's "a lesion
            // first seen days into a therapy was there before it": a lesion there before the therapy
            // is no new lesion under it. A new lytic lesion stays progression whenever seen.
            if !response.untreated, response.isNew, sclerosis,
                let therapy = index.latestSystemicStart(before: response.to), let start = therapy.start,
                case let days = response.to.earliestDay - start.latestDay, days >= 0, days < index.settings.blasticLatencyWeeks * 7
            {
                return response.with(
                    category: .notEvaluable, flare: false, superseding: true,
                    reason: said(LocalizedText(
                        en: "new sclerotic lesion first seen \(days) days into \(therapy.displayName.en) — sooner than a treatment effect on bone can appear (setting: \(index.settings.blasticLatencyWeeks) weeks): there before it (reference.md: a lesion first seen days into a therapy was there before it), neither its response nor its failure — follow it on the next study",
                        zh: "新发硬化灶首次见于\(therapy.displayName.zhHans)开始后第 \(days) 天——早于治疗对骨起效所需时间（设置：\(index.settings.blasticLatencyWeeks) 周）：治疗前已存在，既非其疗效也非其失败——请在下次检查中随访")))
            }
            if let anatomicFlare, modality.isTracer {
                let study = anatomicFlare.modality.label
                return response.with(
                    category: .stableDisease, flare: false,
                    reason: LocalizedText(
                        en: "more uptake after the \(study.en) of \(anatomicFlare.to) read osteoblastic flare: flare not excluded, repeat the scan",
                        zh: "\(anatomicFlare.to) \(study.zhHans)已示成骨性闪烁，其后浓聚增加：不能排除闪烁现象，需复查"))
            }
            if modality.isTracer, !response.isNew, let point = healing[response.lesion] {
                let study = point.modality.label
                return response.with(
                    category: .stableDisease, flare: false,
                    reason: LocalizedText(
                        en: "more uptake where the \(study.en) of \(point.to) reads the lesion healing: osteoblastic repair, flare not excluded — not progression",
                        zh: "\(point.to) \(study.zhHans)示该病灶修复，浓聚增加为成骨性修复，不能排除闪烁现象——不属于进展"))
            }
            if flareTherapy != nil && modality.isTracer {
                return response.with(
                    category: .stableDisease, flare: false,
                    reason: LocalizedText(en: "more uptake within the flare window: flare not excluded, repeat the scan", zh: "闪烁窗口内浓聚增加：不能排除闪烁现象，需复查"))
            }
            return response
        }
    }

    /// A new lesion on a PET-CT whose CT reads it blastic, without destruction.
    static func newBlasticOnItsCT(_ response: LesionResponse, index: CaseIndex) -> Bool {
        guard response.isNew, let observation = index.studies.first(where: { $0.id == response.toStudy })?.observation(of: response.lesion)
        else { return false }
        return observation.character == .blastic && observation.boneDestruction != true
    }

    /// New or growing sclerosis on anatomic imaging, or new/hotter uptake on tracer imaging.
    func isSclerosisOrUptake(_ response: LesionResponse) -> Bool {
        if response.modality.isTracer { return !response.byAnatomy }
        guard response.isNew else { return false }
        let observation = index.studies.first { $0.id == response.toStudy }?.observation(of: response.lesion)
        if observation?.character == .blastic { return true }
        return response.modality == .mri && observation?.character == nil && sclerosisOnLaterAnatomy(response) != nil
    }

    /// A new lesion on MRI whose character the MRI does not record, read blastic without
    /// destruction by the first X-ray, CT or PET-CT's CT to read it since — no treatment begun or
    /// ended between: that study. Sclerosis or lysis is read on X-ray and CT (reference.md:
    /// imaging by purpose), and new sclerosis under therapy is no progression by itself (seed;
    /// MDA, Hamaoka 2004). An ALK lung cancer's new L1 on the MRI at 14 weeks of alectinib,
    /// sclerotic without destruction on the CT of the next day, read "MRI: PD — new lesion" as a
    /// warning beside "blastic lesion after systemic therapy started — likely response"
    /// (unseen record cb160-h).
    func sclerosisOnLaterAnatomy(_ response: LesionResponse) -> ImagingStudy? {
        guard response.isNew, response.modality == .mri else { return nil }
        let read = index.studies.first { study in
            [.xray, .ct, .petCt].contains(study.modality) && study.date.earliestDay >= response.to.earliestDay
                && study.observation(of: response.lesion).map { $0.present && $0.character != nil } == true
        }
        guard let read, let observation = read.observation(of: response.lesion),
            observation.character == .blastic, observation.boneDestruction != true,
            !treatmentChanged(between: response.to, and: read.date, lesion: response.lesion)
        else { return nil }
        return read
    }

    static func readSclerotic(_ study: ImagingStudy) -> LocalizedText {
        LocalizedText(
            en: "the \(study.modality.label.en) of \(study.date) reads it sclerotic without destruction",
            zh: "\(study.date) \(study.modality.label.zhHans)示其为硬化、无骨质破坏")
    }
}
