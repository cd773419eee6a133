/// The primaries a lesion and the patient's bone disease may come from, and why a lesion's
/// diagnosis is still open.
extension CaseIndex {
    /// The primaries a lesion may belong to: the one named on the lesion, else the one its
    /// diagnostic biopsy names (`biopsyPrimary`), else every known primary (with none known: none).
    func primaryCandidates(for lesion: String) -> [PrimaryCancer] {
        if let known = primaryCandidatesMemo[lesion] { return known }
        let candidates = workOutPrimaryCandidates(for: lesion)
        primaryCandidatesMemo[lesion] = candidates
        return candidates
    }

    private func workOutPrimaryCandidates(for lesion: String) -> [PrimaryCancer] {
        if let named = lesionsById[lesion]?.primary, let primary = knownPrimaries.first(where: { $0.id == named }) { return [primary] }
        if knownPrimaries.count > 1, let primary = biopsyPrimary(lesion) { return [primary] }
        if knownPrimaries.count > 1, let attribution = episodeAttributions[lesion] { return [attribution.primary] }
        return knownPrimaries
    }

    /// A lesion read as the cancer of a lesion first seen with it (`episodeAttributions`).
    struct EpisodeAttribution {
        let primary: PrimaryCancer
        let proven: Lesion
        let biopsy: Biopsy
        let study: ImagingStudy
    }

    /// With several primaries on record, lesions first seen on one study with a lesion whose
    /// biopsy proved one of them (`biopsyPrimary`) are read as that cancer's: one biopsy answers
    /// for the lesions of its episode, as the source hospital takes one representative lesion. A
    /// breast cancer of 2012 and a lung cancer of 2025, the ilium proven lung on biopsy: the
    /// T4 and the humerus of the same PET-CT each read "biopsy indicated — more than one
    /// candidate primary" and their scores "breast or lung — biopsy decides" (unseen record
    /// cb77-r). A metastasis's biopsy only: a myeloma or lymphoma proven in one lesion beside a
    /// solid cancer leaves the others "either disease" (rule set 2026.12.250, cb54-d) — a blood
    /// cancer in one bone does not make the solid cancer's lesions its own. Not when the lesions
    /// of that study were proven to come from different primaries,
    /// nor for a lesion whose own biopsy found another disease, nor for one diagnosed (an EHR's
    /// onset) before that study.
    func workOutEpisodeAttributions() -> LesionKeyed<EpisodeAttribution> {
        guard knownPrimaries.count > 1 else { return LesionKeyed() }
        var provenOn: [String: [(lesion: Lesion, primary: PrimaryCancer, biopsy: Biopsy)]] = [:]
        // A lesion recorded as a primary's (`primary`) whose own biopsy found a metastasis is proven
        // too: the rib of a breast cancer of 2017 and a lung cancer of 2026, recorded the lung's
        // beside "腺癌，TTF-1(+)，NapsinA(+)", left the L3 of the same PET-CT "more than one
        // candidate primary" (unseen record cb78-p).
        for lesion in lesions {
            let recorded = lesion.primary.flatMap { id in knownPrimaries.first { $0.id == id } }
            if lesion.primary != nil && recorded == nil { continue }
            guard let primary = recorded ?? biopsyPrimary(lesion.id), let biopsy = diagnosticBiopsy(lesion.id), biopsy.result == .metastasis,
                  let first = presentPoints(lesion.id).first else { continue }
            provenOn[first.study.id, default: []].append((lesion, primary, biopsy))
        }
        guard !provenOn.isEmpty else { return LesionKeyed() }
        var attributions = LesionKeyed<EpisodeAttribution>()
        for lesion in lesions where lesion.primary == nil && biopsyPrimary(lesion.id) == nil {
            if let own = diagnosticBiopsy(lesion.id), own.result != .metastasis { continue }
            guard let first = presentPoints(lesion.id).first, let proven = provenOn[first.study.id] else { continue }
            if let diagnosed = lesion.diagnosed, diagnosed.latestDay < first.study.date.earliestDay { continue }
            guard let one = proven.first, proven.allSatisfy({ $0.primary.id == one.primary.id }) else { continue }
            attributions[lesion.id] = EpisodeAttribution(primary: one.primary, proven: one.lesion, biopsy: one.biopsy, study: first.study)
        }
        return attributions
    }

    /// The one recorded primary a lesion's diagnostic biopsy names: the myeloma or lymphoma its
    /// result is, or the primary whose histology its text states where that histology belongs to
    /// one organ (renal-cell, hepatocellular, thyroid, urothelial, lobular, small-cell, melanoma,
    /// germ-cell), or whose organ its site-specific immunohistochemistry names
    /// (`ImmunoprofileText`). A breast cancer of 2019 and a myeloma recorded in 2026, the L4 biopsy
    /// "plasma-cell myeloma": L4's scores read "depends on which primary — biopsy decides". An
    /// adenocarcinoma or "ductal" carcinoma names no organ (breast, lung, pancreas …) and settles
    /// nothing.
    func biopsyPrimary(_ lesion: String) -> PrimaryCancer? {
        guard let biopsy = diagnosticBiopsy(lesion), let result = biopsy.result else { return nil }
        let matching: [PrimaryCancer]
        switch result {
        case .myeloma: matching = knownPrimaries.filter(\.isPlasmaCellDisease)
        case .lymphoma: matching = knownPrimaries.filter(\.isLymphoma)
        case .metastasis:
            guard let histology = biopsy.histology else { return nil }
            if let type = HistologyType.infer(from: histology), Self.organSpecific.contains(type) {
                // A primary of that histology, or of its organ with no histology read: a kidney
                // cancer recorded "肾癌" beside a breast cancer, the L3 biopsy "转移性透明细胞癌，PAX8(+)"
                // read "breast or kidney — biopsy decides" (unseen record cb142-d, rule set .387).
                let organs = Self.organOf[type] ?? []
                matching = knownPrimaries.filter { $0.effectiveHistology == type || ($0.effectiveHistology == nil && organs.contains($0.site)) }
            } else {
                // The immunohistochemistry names the organ an adenocarcinoma comes from: a breast
                // cancer of 2012 and a lung adenocarcinoma of 2025, the iliac biopsy "转移性腺癌，
                // TTF-1(+)，NapsinA(+)" — the ilium's scores still read "breast or lung — biopsy
                // decides" (unseen record cb77-r). Only when its markers fit one recorded primary.
                // The organs every positive marker can come from, where they agree: TTF-1 (lung,
                // thyroid) with napsin A (lung, kidney) is the lung; with thyroglobulin the thyroid
                // (cb142-a, -b: "lung or thyroid — biopsy decides", rule set .387).
                let organs = ImmunoprofileText.consistentOrgans(in: histology)
                matching = knownPrimaries.filter { organs.contains($0.site) }
            }
        default: return nil
        }
        return matching.count == 1 ? matching.first : nil
    }

    /// The organ of each organ-specific histology, for a primary recorded by its organ alone.
    private static let organOf: [HistologyType: Set<PrimarySite>] = [
        .renalCellCarcinoma: [.kidney], .hepatocellularCarcinoma: [.liver], .thyroidCarcinoma: [.thyroid],
        .urothelialCarcinoma: [.bladder], .lobularCarcinoma: [.breast], .smallCellCarcinoma: [.lung], .melanoma: [.melanoma],
    ]

    private static let organSpecific: Set<HistologyType> = [
        .renalCellCarcinoma, .hepatocellularCarcinoma, .thyroidCarcinoma, .urothelialCarcinoma, .lobularCarcinoma,
        .smallCellCarcinoma, .melanoma, .seminoma, .nonSeminomatousGermCell,
    ]

    func workOutBonePrimaryCandidates() -> [PrimaryCancer] {
        let lesions = metastaticLesions
        guard !lesions.isEmpty else { return knownPrimaries }
        let ids = Set(lesions.flatMap { primaryCandidates(for: $0.id).map { $0.id } })
        return knownPrimaries.filter { ids.contains($0.id) }
    }

    /// Whether a lesion has more than one plausible primary and nothing settles which.
    func primaryUndecided(_ lesion: String) -> Bool {
        primaryCandidates(for: lesion).count > 1 && diagnosticBiopsy(lesion) == nil
    }

    /// Why the diagnosis of a lesion is still open, so that no fixation may precede tissue
    /// (reference.md: "never nail an undiagnosed solitary lesion"): a solitary lesion, no known
    /// primary, a long disease-free interval, or several candidate primaries. Empty when a
    /// diagnostic biopsy settled it.
    func openDifferential(_ lesion: String) -> [LocalizedText] {
        if let known = openDifferentialMemo[lesion] { return known }
        let reasons = workOutOpenDifferential(lesion, solitaryCounts: true)
        openDifferentialMemo[lesion] = reasons
        return reasons
    }

    /// The open differential where no operation is in view — radiotherapy, a bone-modifying
    /// agent: the only lesion known of a cancer shown metastatic elsewhere (`metastaticElsewhere`)
    /// is no solitary lesion of unknown nature. Before an operation the solitary lesion's
    /// questions stand (`openDifferential`): never nail an undiagnosed solitary lesion.
    func differentialWithoutOperation(_ lesion: String) -> [LocalizedText] {
        guard isSolitary(lesion), metastaticElsewhere(lesion) else { return openDifferential(lesion) }
        return workOutOpenDifferential(lesion, solitaryCounts: false)
    }

    private func workOutOpenDifferential(_ lesion: String, solitaryCounts: Bool) -> [LocalizedText] {
        guard diagnosticBiopsy(lesion) == nil else { return [] }
        // A lytic lesion of a patient whose myeloma is on record is myeloma bone disease (IMWG:
        // a lytic lesion on CT is a myeloma-defining event; Hillengass 2019): not a lesion "of
        // unknown nature" whose differential names myeloma. A myeloma patient's T6 plasmacytoma,
        // the only lesion recorded, read "biopsy indicated … myeloma must be excluded before any
        // fixation" (unseen record cb33-d).
        if myelomaBoneDisease(lesion) || lymphomaBoneDisease(lesion) { return [] }
        var reasons: [LocalizedText] = []
        // Another lesion proven myeloma or lymphoma: this one may be either disease — it is not
        // "the only bone lesion known" because the other is no metastasis. A breast cancer's
        // femur beside an L4 proven myeloma read "biopsy first: the only bone lesion known"
        // (cb54-d).
        let otherCancer = record.biopsies.last { biopsy in
            biopsy.lesion != nil && biopsy.lesion != lesion && known(biopsy.date) && (biopsy.result == .myeloma || biopsy.result == .lymphoma)
        }
        // Not when that disease is the only primary this lesion can have: a DLBCL's T11 beside a
        // pelvis proven lymphoma read "this lesion may be either disease … a primary bone tumour,
        // myeloma or a second primary must be excluded", and lost the lymphoma's radiotherapy
        // first (unseen record cb63-h).
        let candidates = primaryCandidates(for: lesion)
        let sameDiseaseOnly = !candidates.isEmpty && candidates.allSatisfy { primary in
            otherCancer?.result == .lymphoma ? primary.isLymphoma : primary.isPlasmaCellDisease
        }
        if let otherCancer, !sameDiseaseOnly, let result = otherCancer.result, let other = otherCancer.lesion.flatMap({ lesionsById[$0] }) {
            let name = label(other)
            reasons.append(LocalizedText(
                en: "\(result.label.en) on the biopsy of \(name.en) (\(otherCancer.date)): this lesion may be either disease",
                zh: "\(name.zhHans)活检（\(otherCancer.date)）为\(result.label.zhHans)：本病灶可能属任一疾病"))
        } else if solitaryCounts, isSolitary(lesion), healedUnderHormonalTherapy[lesion] == nil {
            // A solitary lesion once healed under hormonal therapy is the hormone-sensitive
            // cancer's (`healedUnderHormonalTherapy`): no primary bone tumour to exclude.
            // Solitary as far as the record goes: without a whole-body survey it is the only
            // lesion known, not a lesion known to be alone.
            if skeletonSurveyed, let study = latestUnitemisedStudy {
                reasons.append(LocalizedText(
                    en: "the only bone lesion recorded (the \(study.modality.label.en) of \(study.date) shows new lesions not itemised)",
                    zh: "目前唯一有记录的骨病灶（\(study.date) \(study.modality.label.zhHans)所示新发病灶未逐一记录）"))
            } else if !skeletonSurveyed, let study = latestReportOnlySurvey {
                reasons.append(LocalizedText(
                    en: "the only bone lesion recorded (the \(study.modality.label.en) of \(study.date) is on record as its report only)",
                    zh: "目前唯一有记录的骨病灶（\(study.date) \(study.modality.label.zhHans)仅有报告文本）"))
            } else {
                reasons.append(skeletonSurveyed
                    ? LocalizedText(en: "solitary bone lesion", zh: "孤立骨病灶")
                    : LocalizedText(en: "the only bone lesion known (no whole-body survey yet)", zh: "目前唯一已知的骨病灶（尚未行全身检查）"))
            }
        }
        if !hasKnownPrimary && !metastasisProvenInBone { reasons.append(LocalizedText(en: "no known primary", zh: "原发灶不明")) }
        // Distal to the elbow or knee (reference.md's biopsy indications, with the solitary lesion
        // and the long interval): the distal radius is a classic site of giant cell tumour. A
        // thyroid cancer's distal radius was "biopsy indicated" beside "prophylactic fixation".
        if let value = lesionsById[lesion], value.bone.isDistalToElbowOrKnee, bloodCancer(lesion) == nil {
            reasons.append(LocalizedText(en: "unusual site (distal to the elbow or knee)", zh: "少见部位（肘或膝以远）"))
        }
        if let years = longDiseaseFreeInterval(endedBy: lesion) {
            reasons.append(LocalizedText(
                en: "long disease-free interval (\(years) years)", zh: "无病间期长（\(years) 年）"))
        }
        if primaryUndecided(lesion) {
            let names = LocalizedText.joined(primaryCandidates(for: lesion).map(\.label), en: " or ", zh: "或")
            reasons.append(LocalizedText(en: "more than one candidate primary (\(names.en))", zh: "可能来源于多个原发灶（\(names.zhHans)）"))
        }
        return reasons
    }

    /// Every primary the lesion may belong to is a plasma-cell disease on record: the lesion is
    /// its bone disease, not a lesion of unknown nature (`openDifferential`).
    func myelomaBoneDisease(_ lesion: String) -> Bool {
        let candidates = primaryCandidates(for: lesion)
        return !candidates.isEmpty && candidates.allSatisfy(\.isPlasmaCellDisease)
    }

    /// Every primary the lesion may belong to is a lymphoma on record, and no long disease-free
    /// interval since it: the lesion is its bone involvement, staged by PET-CT (Lugano), not a
    /// lesion of unknown nature. A DLBCL's T8, lytic and FDG-avid on the staging PET-CT and linked
    /// to it, read "biopsy indicated: solitary bone lesion of unknown nature", and with a deficit
    /// "decompression first, tissue at the operation" in place of the radiotherapy a very
    /// radiosensitive tumour's compression is given (unseen record cb162-y). Years after the
    /// lymphoma, a new lesion asks for tissue as any lesion after a long interval does.
    func lymphomaBoneDisease(_ lesion: String) -> Bool {
        let candidates = primaryCandidates(for: lesion)
        return !candidates.isEmpty && candidates.allSatisfy(\.isLymphoma) && longDiseaseFreeInterval(endedBy: lesion) == nil
    }

    /// A pure blastic lesion under systemic therapy without tissue: the diagnosis findings advise
    /// against a needle biopsy (it would likely sample reactive bone or necrosis — the source
    /// hospital: blastic lesions are not biopsied once systemic therapy started), so an operation
    /// on it takes its tissue at the operation rather than waiting for one. A breast cancer's
    /// blastic T12 under letrozole read "blastic lesion under systemic therapy — do not biopsy"
    /// and, in its spine finding, "Biopsy first: no tissue diagnosis yet" (cb28-cc).
    func blasticUnderTherapy(_ lesion: String) -> Bool {
        guard diagnosticBiopsy(lesion) == nil, let first = firstSeen(lesion) else { return false }
        let characters = characters(lesion)
        guard !characters.isEmpty, characters.allSatisfy({ $0 == .blastic }) else { return false }
        if systemicActing(at: first)?.start != nil { return true }
        return tracerUptake(lesion) != .some(false) && systemicActingNow()?.start != nil
    }

    /// The open differential that asks for a biopsy before an operation: none for a blastic lesion
    /// under therapy, whose tissue is taken at the operation (`blasticUnderTherapy`).
    func biopsyFirstReasons(_ lesion: String) -> [LocalizedText] {
        blasticUnderTherapy(lesion) ? [] : openDifferential(lesion)
    }
}
