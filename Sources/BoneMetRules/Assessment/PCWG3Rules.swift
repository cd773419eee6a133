/// PCWG3 bone-scan progression for prostate cancer, the "2+2" rule (Scher HI et al. J Clin
/// Oncol 2016;34:1402-18): ≥ 2 new lesions on the first post-baseline scan are unconfirmed until
/// a scan ≥ 6 weeks later shows ≥ 2 more (progression then dates from the first scan), else it
/// was flare; on later scans, ≥ 2 new lesions against the first post-baseline scan that persist
/// ≥ 6 weeks later are progression. The MDA time point of a prostate bone scan takes its
/// verdict from here, so the two never disagree (issue #8).
struct PCWG3Rules {
    let index: CaseIndex

    static let source = Citation(id: "scher2016", text: "Scher HI et al. J Clin Oncol 2016;34:1402-18 (PCWG3)")
    static let newLesionsNeeded = 2
    static let confirmationDays = 6 * 7

    enum Status: Equatable {
        /// Confirmed progression, dated to this scan.
        case progression(confirmedBy: String)
        /// ≥ 2 new lesions awaiting the confirmatory scan.
        case unconfirmed
        /// ≥ 2 new lesions on the first post-baseline scan, not followed by ≥ 2 more: flare.
        case flare(checkedOn: String)
        /// ≥ 2 new lesions on a later scan that did not persist ≥ 6 weeks later.
        case notPersisting(checkedOn: String)
        /// ≥ 2 new lesions on a later scan, too few seen persisting on the scan ≥ 6 weeks later
        /// but enough of them not recorded by name there for ≥ 2 to persist: unknown.
        case persistenceUnknown(checkedOn: String, persisting: Int, unrecorded: Int)
        /// Fewer than 2 new lesions: not progression by PCWG3.
        case belowThreshold

        var isProgression: Bool { if case .progression = self { true } else { false } }

        /// Awaiting a later scan or its reading: progression neither confirmed nor excluded.
        var isPending: Bool {
            switch self {
            case .unconfirmed, .persistenceUnknown: true
            default: false
            }
        }
    }

    struct Verdict {
        let scan: ImagingStudy
        let therapy: Treatment
        /// The first scan after the therapy started (against its baseline), or a later one.
        let firstAfterStart: Bool
        let reference: ImagingStudy
        let newCount: Int
        let status: Status
        /// The named new lesions (unnamed ones cannot be followed on other studies).
        let newLesions: [String]
    }

    /// Applies only to prostate cancer.
    var applies: Bool { index.bonePrimaryCandidates.contains { $0.site == .prostate } && index.bonePrimaryCandidates.count == 1 }

    /// A verdict for every prostate bone scan taken under a systemic therapy with a baseline scan
    /// and showing at least one new lesion, by scan id.
    func verdicts() -> [String: Verdict] {
        guard applies else { return [:] }
        // Scans of report text only count no lesion, new or persisting (`readingNotRecorded`).
        let scans = index.studies.filter { $0.modality == .boneScan && !$0.readingNotRecorded }
        var result: [String: Verdict] = [:]
        // Once progression is confirmed on a therapy, later scans under it (the confirmatory one
        // included) are read by MDA as usual: PCWG3 has already called it.
        var progressed: Set<String> = []
        for (position, scan) in scans.enumerated() where position > 0 {
            // A scan on the day a regimen begins is that regimen's baseline and judged under none:
            // the regimen before has been left already, so its 2+2 — a confirmation under it —
            // cannot come (a scan of the switch read "confirmed" by the next regimen's first scan).
            guard let therapy = index.latestSystemicStart(onOrBefore: scan.date), let start = therapy.start,
                start.earliestDay < scan.date.earliestDay,
                let first = scans.first(where: { $0.date.earliestDay > start.latestDay })
            else { continue }
            // No scan before the therapy: the first one under it is the reference for the later
            // ones (PCWG3's reference after the first post-treatment scan), and is not judged
            // itself. An abiraterone course's scans of June and November, none before it, read
            // "no progression by the 2+2 rule" beside the MDA time point's three new foci.
            let baseline = scans.last { $0.date.earliestDay <= start.latestDay }
            if baseline == nil && first.id == scan.id { continue }
            if progressed.contains(therapy.id) { continue }
            let later = scans.filter { $0.date.earliestDay > scan.date.latestDay }
            let confirmation = later.first { scan.date.days(to: $0.date) >= Self.confirmationDays }
            // The first post-baseline scan is read against the baseline and confirmed by ≥ 2 more
            // new lesions; a later one against the first post-baseline scan, confirmed when ≥ 2
            // of its new lesions persist (only named lesions can be followed).
            let isFirst = first.id == scan.id
            let reference = isFirst ? baseline ?? first : first
            let new = newLesions(on: scan, against: reference)
            guard !new.isEmpty else { continue }
            let status: Status
            if new.count < Self.newLesionsNeeded {
                status = .belowThreshold
            } else if let confirmation {
                // Persistence is read only where the later scan speaks: a new lesion not recorded
                // by name (unnamed, or named but not observed there) is not known gone. A CRPC's
                // three new foci of March, "persistent" in the May report but counted only, read
                // "did not persist — not progression" (unseen record cb42-c).
                if isFirst {
                    // The "2 more" are counted against the first post-baseline scan wherever they
                    // first showed: a scan between it and the confirmation (under 6 weeks) may
                    // have shown them, and its report counts them against itself. A CRPC's scan
                    // at 4½ weeks showed 2 more unnamed; the confirmatory scan at 11 weeks
                    // counted 0 new against it and the first scan's lesions read "flare" beside
                    // "whether they persist is not recorded" (unseen record cb162-c).
                    let more = moreNewLesions(since: scan, through: confirmation, among: later)
                    status = more.persisting >= Self.newLesionsNeeded
                        ? .progression(confirmedBy: confirmation.id)
                        : more.persisting + more.unrecorded >= Self.newLesionsNeeded
                        ? .persistenceUnknown(checkedOn: confirmation.id, persisting: more.persisting, unrecorded: more.unrecorded)
                        : .flare(checkedOn: confirmation.id)
                } else {
                    let persisting = new.filter { confirmation.observation(of: $0)?.present == true }.count
                    let unrecorded = new.filter { confirmation.observation(of: $0) == nil }.count
                    status = persisting >= Self.newLesionsNeeded
                        ? .progression(confirmedBy: confirmation.id)
                        : persisting + unrecorded >= Self.newLesionsNeeded
                        ? .persistenceUnknown(checkedOn: confirmation.id, persisting: persisting, unrecorded: unrecorded)
                        : .notPersisting(checkedOn: confirmation.id)
                }
            } else {
                status = .unconfirmed
            }
            result[scan.id] = Verdict(
                scan: scan, therapy: therapy, firstAfterStart: isFirst, reference: reference, newCount: new.count, status: status,
                newLesions: new.filter { index.lesionsById[$0] != nil })
            if status.isProgression { progressed.insert(therapy.id) }
        }
        return result
    }

    /// The new lesions since the first post-baseline scan that the confirmatory scan shows
    /// (`persisting`: its own new ones, named or unnamed, against `first`) and those a scan in
    /// between showed that the confirmatory scan does not record by name (`unrecorded`: unnamed,
    /// or named and not read there) — whether they are still there is unknown. A named lesion the
    /// confirmatory scan reads absent is gone.
    private func moreNewLesions(
        since first: ImagingStudy, through confirmation: ImagingStudy, among later: [ImagingStudy]
    ) -> (persisting: Int, unrecorded: Int) {
        let persisting = newLesions(on: confirmation, against: first).count
        var unrecorded = 0
        var namedBetween: Set<String> = []
        for between in later where between.date.earliestDay < confirmation.date.earliestDay {
            unrecorded += between.unnamedNewLesions ?? 0
            for observation in between.observations
            where observation.present && first.observation(of: observation.lesion)?.present != true {
                namedBetween.insert(observation.lesion)
            }
        }
        unrecorded += namedBetween.filter { confirmation.observation(of: $0) == nil }.count
        return (persisting, unrecorded)
    }

    /// Named lesions seen on `scan` and not on `reference`, plus lesions the scan reports unnamed.
    private func newLesions(on scan: ImagingStudy, against reference: ImagingStudy) -> [String] {
        let named = scan.observations.filter { $0.present && reference.observation(of: $0.lesion)?.present != true }.map(\.lesion)
        return named + (0..<(scan.unnamedNewLesions ?? 0)).map { "\(scan.id)#\($0 + 1)" }
    }

    func findings(_ verdicts: [String: Verdict], psa: [PSAProgression]) -> [Finding] {
        verdicts.values.sorted { ($0.scan.date, $0.scan.id) < ($1.scan.date, $1.scan.id) }.map(finding) + psa.map { psaFinding($0, verdicts: verdicts) }
            + [psaRiseFinding(confirmed: psa)].compactMap { $0 }
    }

    private func finding(_ verdict: Verdict) -> Finding {
        let scan = verdict.scan
        let count = verdict.newCount
        let therapy = verdict.therapy.label
        let referenceText = verdict.firstAfterStart
            ? LocalizedText(en: "the baseline scan of \(verdict.reference.date) (before \(therapy.en))", zh: "\(verdict.reference.date) 基线扫描（\(therapy.zhHans) 之前）")
            : LocalizedText(
                en: "the first scan under \(verdict.therapy.displayName.en) (\(verdict.reference.date))",
                zh: "\(verdict.therapy.displayName.zhHans)治疗后首次扫描（\(verdict.reference.date)）")
        let studyDate = { (id: String) in index.studies.first { $0.id == id }?.date.description ?? id }
        let severity: Severity
        let title: LocalizedText
        let detail: LocalizedText
        switch verdict.status {
        case .progression(let confirmedBy):
            severity = .warning
            title = LocalizedText(
                en: "Bone-scan progression confirmed (PCWG3 2+2), dated to \(scan.date)",
                zh: "骨扫描进展已确认（PCWG3 2+2），进展日期为 \(scan.date)")
            detail = LocalizedText(
                en: "\(count) new lesions on \(scan.date) against \(referenceText.en); confirmed on \(studyDate(confirmedBy)) (≥ 6 weeks later).",
                zh: "\(scan.date) 较\(referenceText.zhHans)新增 \(count) 处病灶；\(studyDate(confirmedBy))（≥6 周后）确认。")
        case .flare(let checkedOn):
            severity = .info
            title = LocalizedText(
                en: "New lesions on the first post-baseline bone scan were flare, not progression (PCWG3)",
                zh: "首次基线后骨扫描的新病灶为闪烁现象，而非进展（PCWG3）")
            detail = LocalizedText(
                en: "\(count) new lesions on \(scan.date), but fewer than 2 more on the confirmatory scan of \(studyDate(checkedOn)).",
                zh: "\(scan.date) 见 \(count) 处新病灶，但 \(studyDate(checkedOn)) 的确认扫描新增少于 2 处。")
        case .notPersisting(let checkedOn):
            severity = .info
            title = LocalizedText(
                en: "New lesions of \(scan.date) did not persist — not progression (PCWG3)",
                zh: "\(scan.date) 的新病灶未持续存在——不属于进展（PCWG3）")
            detail = LocalizedText(
                en: "\(count) new lesions against \(referenceText.en); fewer than 2 of them persist on \(studyDate(checkedOn)).",
                zh: "较\(referenceText.zhHans)新增 \(count) 处病灶；\(studyDate(checkedOn)) 复查时持续存在者少于 2 处。")
        case .persistenceUnknown(let checkedOn, let persisting, let unrecorded) where verdict.firstAfterStart:
            severity = .advisory
            title = LocalizedText(
                en: "New lesions of \(scan.date): whether the further new lesions persist on \(studyDate(checkedOn)) is not recorded (PCWG3)",
                zh: "\(scan.date) 的新病灶：其后新增的病灶在 \(studyDate(checkedOn)) 复查时是否仍存在未记录（PCWG3）")
            detail = LocalizedText(
                en: "\(count) new lesions on \(scan.date) against \(referenceText.en). The confirmatory scan of \(studyDate(checkedOn)) (≥ 6 weeks later) records \(persisting) more; \(unrecorded) more seen on a scan in between are not recorded by name on it. PCWG3 confirms progression (dated to \(scan.date)) when ≥ 2 more are on the confirmatory scan: read it for them and record each as a lesion with its site — until then progression is neither confirmed nor excluded, nor was it flare.",
                zh: "\(scan.date) 较\(referenceText.zhHans)新增 \(count) 处病灶。\(studyDate(checkedOn))（≥6 周后）的确认扫描记录再新增 \(persisting) 处；其间扫描所见的另 \(unrecorded) 处未在该次扫描中按病灶记录。PCWG3 以确认扫描再新增 ≥2 处判定进展（进展日期为 \(scan.date)）：请在该次扫描中核对，并将每处按部位记录为病灶——在此之前既不能确认或排除进展，也不能判为闪烁现象。")
        case .persistenceUnknown(let checkedOn, let persisting, let unrecorded):
            severity = .advisory
            title = LocalizedText(
                en: "New lesions of \(scan.date): whether they persist on \(studyDate(checkedOn)) is not recorded (PCWG3)",
                zh: "\(scan.date) 的新病灶：\(studyDate(checkedOn)) 复查时是否持续存在未记录（PCWG3）")
            detail = LocalizedText(
                en: "\(count) new lesions against \(referenceText.en); on the scan of \(studyDate(checkedOn)) (≥ 6 weeks later) \(persisting) recorded as persisting, \(unrecorded) not recorded by name. PCWG3 calls progression when ≥ 2 persist: read that scan for them and record each as a lesion with its site — until then progression is neither confirmed nor excluded.",
                zh: "较\(referenceText.zhHans)新增 \(count) 处病灶；\(studyDate(checkedOn))（≥6 周后）扫描中记录持续存在 \(persisting) 处，\(unrecorded) 处未按病灶记录。PCWG3 以 ≥2 处持续存在判定进展：请在该次扫描中核对，并将每处按部位记录为病灶——在此之前既不能确认也不能排除进展。")
        case .unconfirmed:
            severity = .advisory
            title = LocalizedText(
                en: "Not progression yet: \(count) new lesions on the bone scan of \(scan.date) await confirmation (PCWG3)",
                zh: "尚不能判定进展：\(scan.date) 骨扫描 \(count) 处新病灶待确认（PCWG3）")
            detail = verdict.firstAfterStart
                ? LocalizedText(
                    en: "First scan after starting \(therapy.en). Repeat the bone scan ≥ 6 weeks after \(scan.date); progression only if it shows ≥ 2 more new lesions (then dated to \(scan.date)). Otherwise it was flare. Do not change therapy on this scan alone.",
                    zh: "开始 \(therapy.zhHans) 后首次扫描。\(scan.date) 后 ≥6 周复查骨扫描；仅当再新增 ≥2 处病灶时判定进展（进展日期为 \(scan.date)），否则为闪烁现象。不应仅凭本次扫描更改治疗。")
                : LocalizedText(
                    en: "Against \(referenceText.en). Progression only if ≥ 2 of them persist on a scan ≥ 6 weeks later. Do not change therapy on this scan alone.",
                    zh: "较\(referenceText.zhHans)。仅当 ≥6 周后复查仍有 ≥2 处持续存在时判定进展。不应仅凭本次扫描更改治疗。")
        case .belowThreshold:
            let confirmed = confirmedOnAnatomy(verdict)
            if confirmed.isEmpty {
                severity = .info
                title = LocalizedText(
                    en: "\(count) new lesion on the bone scan of \(scan.date): not progression by PCWG3 (needs ≥ 2)",
                    zh: "\(scan.date) 骨扫描新增 \(count) 处病灶：按 PCWG3 不构成进展（需 ≥2 处）")
                detail = LocalizedText(
                    en: "Against \(referenceText.en). Follow on the next scan; confirm a solitary new focus on CT or MRI if it would change management.",
                    zh: "较\(referenceText.zhHans)。下次扫描继续随访；如单个新病灶会改变治疗，请用 CT 或 MRI 确认。")
            } else {
                // The confirmation the finding asks for is on record: a new metastasis under the
                // regimen, said as such — not bone-scan progression by the 2+2 rule, which counts
                // scans, but not "follow on the next scan" either (cb28-g: a new L3 with bone
                // destruction and an epidural tumour compressing the cauda equina under ADT).
                severity = .advisory
                let list = LocalizedText.joined(confirmed, en: "; ", zh: "；")
                title = LocalizedText(
                    en: "New metastasis under \(therapy.en), confirmed on CT/MRI — not bone-scan progression by PCWG3 (needs ≥ 2)",
                    zh: "\(therapy.zhHans)治疗中出现新转移灶，CT/MRI 已证实——按 PCWG3 骨扫描标准尚不构成进展（需 ≥2 处）")
                detail = LocalizedText(
                    en: "\(count) new lesion on the bone scan of \(scan.date) against \(referenceText.en): \(list.en). PCWG3 calls bone-scan progression on ≥ 2 new lesions; a single new metastasis confirmed on CT or MRI is weighed by the MDT with the PSA and the clinical course, and treated locally where it threatens the cord or the bone.",
                    zh: "\(scan.date) 骨扫描较\(referenceText.zhHans)新增 \(count) 处病灶：\(list.zhHans)。PCWG3 以 ≥2 处新病灶判定骨扫描进展；CT 或 MRI 证实的单个新转移灶由 MDT 结合 PSA 和临床情况综合判断，威胁脊髓或骨骼时予局部治疗。")
            }
        }
        return Finding(
            ruleId: verdict.firstAfterStart ? "boneHealth.pcwg3.firstScan" : "boneHealth.pcwg3.laterScan", severity: severity,
            duty: .boneHealth, specialty: .orthopaedics, subject: .study(scan.id), date: scan.date, title: title, detail: detail,
            inputs: [FindingInput("therapy", verdict.therapy.id), FindingInput("newLesions", count.description), FindingInput("reference", verdict.reference.id)],
            sources: [Self.source],
            claims: [Claim(.progression, about: scan.id, verdict.status.isProgression ? "progression" : "notProgression")])
    }

    /// The named new lesions of a verdict that a CT, MRI or X-ray since its reference scan shows as
    /// a metastasis — bone destruction, a soft-tissue mass (≥ 10 mm) or epidural tumour (ESCC 1a or
    /// more) — and that no anatomical study before the reference had shown: each with what and
    /// where ("L3 vertebra: CT of 2026-09-02 (bone destruction), MRI of 2026-09-02 (epidural
    /// tumour, ESCC 3)").
    func confirmedOnAnatomy(_ verdict: Verdict) -> [LocalizedText] {
        let since = verdict.reference.date.latestDay
        return verdict.newLesions.compactMap { id -> LocalizedText? in
            guard let lesion = index.lesionsById[id] else { return nil }
            let anatomic = index.presentPoints(id).filter { $0.study.modality.isAnatomic }
            guard !anatomic.contains(where: { $0.study.date.earliestDay <= since }) else { return nil }
            let reads = anatomic.compactMap { point -> LocalizedText? in
                let o = point.observation
                var what: [LocalizedText] = []
                if o.boneDestruction == true { what.append(LocalizedText(en: "bone destruction", zh: "骨质破坏")) }
                if let escc = o.escc, escc > .g0 {
                    what.append(LocalizedText(en: "epidural tumour, ESCC \(escc.rawValue)", zh: "硬膜外肿瘤，ESCC \(escc.rawValue) 级"))
                } else if let mass = o.softTissueMm, mass >= 10 {
                    what.append(LocalizedText(en: "soft-tissue mass \(Int(mass)) mm", zh: "软组织肿块 \(Int(mass)) mm"))
                }
                guard !what.isEmpty else { return nil }
                let joined = LocalizedText.joined(what, en: ", ", zh: "，")
                return LocalizedText(
                    en: "\(point.study.modality.label.en) of \(point.study.date) (\(joined.en))",
                    zh: "\(point.study.date) \(point.study.modality.label.zhHans)（\(joined.zhHans)）")
            }
            guard !reads.isEmpty else { return nil }
            let name = index.label(lesion)
            let all = LocalizedText.joined(reads, en: ", ", zh: "、")
            return LocalizedText(en: "\(name.en) — \(all.en)", zh: "\(name.zhHans)——\(all.zhHans)")
        }
    }
}
