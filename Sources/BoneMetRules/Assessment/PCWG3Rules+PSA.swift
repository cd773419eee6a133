/// PSA progression by PCWG3 beside the bone (Scher HI et al. J Clin Oncol 2016;34:1402-18,
/// table 2): after a decline, a rise of ≥ 25 % and ≥ 2 ng/mL above the nadir; without a decline,
/// ≥ 25 % and ≥ 2 ng/mL above the baseline; early rises (before 12 weeks) ignored; confirmed by a
/// second value ≥ 3 weeks later. A castration-resistant prostate cancer's PSA rose from a nadir of
/// 3.1 to 14.2 ng/mL under enzalutamide while three bone scans read "stable disease": the time
/// points listed the values, and nothing said that PCWG3 calls it PSA progression — nor that
/// the bone scan, by the 2+2 rule, does not. Both are said together, for medical oncology.
extension PCWG3Rules {
    static let psaRiseFraction = 0.25
    static let psaRiseNgMl = 2.0
    static let psaConfirmationDays = 21
    static let psaEarlyRiseDays = 12 * 7
    /// PSA units equal to ng/mL (µg/L), as laboratories write them.
    static let ngPerMl: Set<String> = ["ng/ml", "µg/l", "μg/l", "ug/l"]

    struct PSAProgression {
        let therapy: Treatment
        /// The nadir after the start (a decline) or the baseline before it (no decline).
        let reference: LabResult
        let declined: Bool
        let rise: LabResult
        let confirmation: LabResult
        /// The regimen that followed it, when one did: the progression is then history.
        var followedBy: Treatment? = nil
    }

    /// The PSA values in ng/mL, oldest first.
    private var psaValues: [LabResult] {
        index.labs.filter { $0.test == .psa && Self.ngPerMl.contains($0.unit.lowercased()) }.sorted { $0.date < $1.date }
    }

    /// A PSA falling under the first systemic therapy on record, an endocrine one still running with
    /// no regimen begun after it and no PSA progression under it: the cancer responds to its
    /// castration, which castration resistance — progression with castrate testosterone (Scher 2016)
    /// — is not. Said where the castration status is unrecorded: a prostate cancer on leuprorelin
    /// and abiraterone from January, PSA 86 → 4.2 ng/mL, on zoledronic acid, read only "record the
    /// castration status" (cb23-aa, rule set 2026.12.150).
    func psaFallUnderFirstEndocrineTherapy() -> (therapy: Treatment, baseline: LabResult, latest: LabResult)? {
        guard applies else { return nil }
        // Every regimen on record began together (ADT with abiraterone, one row or several): a
        // regimen begun later may be the step a castration resistance called for.
        let started = index.systemicTherapies.filter { $0.start != nil }
        guard let start = started.compactMap(\.start).min(),
            started.allSatisfy({ $0.start?.earliestDay == start.earliestDay && $0.stopReason != .progression }),
            let endocrine = started.first(where: { DrugClasses.reading($0).classes.contains(.endocrine) && ($0.end.map(index.stillRunning(until:)) ?? true) })
        else { return nil }
        let values = psaValues
        guard let baseline = values.last(where: { $0.date.latestDay <= start.latestDay }),
            let latest = values.last, latest.date.earliestDay > start.latestDay, latest.value < baseline.value,
            !psaProgressions().contains(where: { progression in started.contains { $0.id == progression.therapy.id } }),
            // Below the baseline, but risen from its nadir by PCWG3's measure (not yet confirmed):
            // not "a falling PSA" (56 → < 0.01 → 2.6 ng/mL read "PSA falls: castration-sensitive").
            psaRiseToConfirm(confirmed: []) == nil
        else { return nil }
        return (endocrine, baseline, latest)
    }

    /// The first systemic therapy on record, an endocrine one still running and begun less than
    /// 12 weeks ago (every regimen on record begun with it, none stopped for progression): PCWG3
    /// judges no progression before 12 weeks of a regimen (`psaEarlyRiseDays`), so the cancer is
    /// castration-sensitive as the record stands. A prostate cancer diagnosed in April, goserelin
    /// and bicalutamide begun a week before, read only "record the castration status" (unseen
    /// record cb78-aj).
    func firstEndocrineTherapyTooRecent() -> Treatment? {
        guard applies else { return nil }
        let started = index.systemicTherapies.filter { $0.start != nil }
        guard let start = started.compactMap(\.start).min(),
            started.allSatisfy({ $0.start?.earliestDay == start.earliestDay && $0.stopReason != .progression }),
            let endocrine = started.first(where: { DrugClasses.reading($0).classes.contains(.endocrine) && ($0.end.map(index.stillRunning(until:)) ?? true) }),
            // `known` registers the day it turns with the re-assessment horizon.
            !index.known(PartialDate(dayNumber: start.latestDay + Self.psaEarlyRiseDays))
        else { return nil }
        return endocrine
    }

    /// A PSA progression by PCWG3's measure under the androgen deprivation beneath every regimen
    /// added to it — the rise ≥ 12 weeks into the deprivation, ≥ 25 % and ≥ 2 ng/mL above its
    /// nadir (or baseline), confirmed by a value ≥ 3 weeks later under the same deprivation —
    /// whichever regimen owns each value (`psaOwnership` asks which regimen progressed; castration
    /// resistance asks only whether the disease progressed while castrate, Scher 2016).
    /// `deprivationStart` gives the first day of the deprivation running on a day, if any.
    func psaProgressionUnderDeprivation(deprivationStart: (Int) -> Int?) -> (from: Int, reference: LabResult, rise: LabResult, confirmation: LabResult)? {
        guard applies else { return nil }
        let values = psaValues
        for (offset, lab) in values.enumerated() {
            guard let from = deprivationStart(lab.date.earliestDay), lab.date.earliestDay >= from + Self.psaEarlyRiseDays else { continue }
            let baseline = values.last { $0.date.latestDay <= from }
            guard let lowest = values[..<offset].filter({ $0.date.earliestDay > from }).min(by: { $0.value < $1.value }) ?? baseline else { continue }
            let declined = baseline.map { lowest.value < $0.value } ?? true
            let reference = declined ? lowest : (baseline ?? lowest)
            guard Self.rises(lab, over: reference) else { continue }
            let confirmation = values[(offset + 1)...].first { later in
                later.date.earliestDay >= lab.date.latestDay + Self.psaConfirmationDays && Self.rises(later, over: reference)
                    && deprivationStart(later.date.earliestDay) == from
            }
            if let confirmation { return (from, reference, lab, confirmation) }
        }
        return nil
    }

    /// PSA progression under each regimen, in its own window: the PSA values it owns — each value
    /// belongs to the latest-begun regimen running on its day (enzalutamide added to ADT owns the
    /// PSA from then on; a regimen stopped for progression keeps the rise it was stopped for) —
    /// so a regimen running on after an added one has ended owns the PSA again. A castration-
    /// resistant prostate cancer on ADT since 2021, radium-223 given March to August 2026, PSA
    /// 45 → 70 → 88 ng/mL after it, read only "confirm the rise": ADT's window had ended when
    /// radium-223 began (unseen record cb85-m, rule set 2026.12.318).
    func psaProgressions() -> [PSAProgression] {
        guard applies else { return [] }
        let values = psaValues
        guard values.count >= 2 else { return [] }
        let (regimens, owners) = psaOwnership(values)
        return regimens.compactMap { regimen in
            let owned = zip(values, owners).filter { $0.1 == regimen.0.id }.map(\.0)
            guard var found = psaProgression(regimen.0, start: regimen.1, owned: owned, values: values) else { return nil }
            // Followed by the first regimen begun after the rise: the progression is then history.
            let rise = found.rise.date.latestDay
            found.followedBy = regimens.first { $0.1.earliestDay > rise }?.0
            return found
        }
    }

    /// The regimens by start (regimens begun the same day are one: the one running longest
    /// stands for them — a stopped same-day order does not end the combination), and the owner of
    /// each PSA value: the latest-begun regimen begun before its day and not ended before it.
    private func psaOwnership(_ values: [LabResult]) -> (regimens: [(Treatment, PartialDate)], owners: [String?]) {
        var seenStarts: Set<Int> = []
        let regimens = index.systemicTherapies.compactMap { therapy in therapy.start.map { (therapy, $0) } }
            .sorted { a, b in
                a.1.earliestDay != b.1.earliestDay
                    ? a.1 < b.1 : (a.0.end?.latestDay ?? Int.max) > (b.0.end?.latestDay ?? Int.max)
            }
            .filter { seenStarts.insert($0.1.earliestDay).inserted }
        let owners = values.map { lab in
            regimens.last { regimen in
                regimen.1.latestDay < lab.date.earliestDay && (regimen.0.end.map { lab.date.earliestDay <= $0.latestDay } ?? true)
            }?.0.id
        }
        return (regimens, owners)
    }

    private func psaProgression(_ therapy: Treatment, start: PartialDate, owned after: [LabResult], values: [LabResult]) -> PSAProgression? {
        let baseline = values.last { $0.date.latestDay <= start.latestDay }
        for (offset, lab) in after.enumerated() where lab.date.earliestDay >= start.latestDay + Self.psaEarlyRiseDays {
            guard let lowest = Self.whileRunning(therapy, start: start, before: lab, in: values).min(by: { $0.value < $1.value }) ?? after[..<offset].min(by: { $0.value < $1.value }) ?? baseline
            else { continue }
            // No value before the regimen began on record: its lowest value is its nadir as far as
            // the record goes — not a "baseline" (ADT begun in 2021, its first PSA of 2026 read
            // "baseline 45 ng/mL, no decline since"; cb85-m).
            let declined = baseline.map { lowest.value < $0.value } ?? true
            let reference = declined ? lowest : (baseline ?? lowest)
            guard Self.rises(lab, over: reference) else { continue }
            let confirmation = after[(offset + 1)...].first {
                $0.date.earliestDay >= lab.date.latestDay + Self.psaConfirmationDays && Self.rises($0, over: reference)
            }
            if let confirmation {
                return PSAProgression(therapy: therapy, reference: reference, declined: declined, rise: lab, confirmation: confirmation)
            }
        }
        return nil
    }

    /// The latest PSA of the running regimen already the size of PCWG3 progression (≥ 25 % and
    /// ≥ 2 ng/mL above the nadir or baseline, ≥ 12 weeks in) with no value since to confirm it:
    /// PCWG3 calls it progression only once a second value ≥ 3 weeks later confirms it (Scher 2016,
    /// table 2). A castration-resistant prostate cancer's PSA rose from a nadir of 6.1 to 9.8 under
    /// enzalutamide and nothing asked for the confirming value.
    func psaRiseToConfirm(confirmed: [PSAProgression]) -> (therapy: Treatment, reference: LabResult, declined: Bool, rise: LabResult)? {
        guard applies, confirmed.allSatisfy({ $0.followedBy != nil }) else { return nil }
        let values = psaValues
        // The regimen that owns the latest PSA (`psaOwnership`), still running: an abiraterone
        // order stopped the day it was written, beside the goserelin begun with it, hid a PSA
        // rising from < 0.01 to 2.6 ng/mL under the goserelin (unseen bundle, 2026-12-05).
        let (regimens, owners) = psaOwnership(values)
        guard let latest = values.last, let ownerId = owners.last ?? nil,
            let (regimen, start) = regimens.first(where: { $0.0.id == ownerId }), regimen.end.map(index.stillRunning(until:)) ?? true,
            latest.date.earliestDay >= start.latestDay + Self.psaEarlyRiseDays,
            // Its progression already confirmed (rise and confirmation on record): PCWG3 has
            // called it — "confirm from …" beside "PSA progression … confirmed" asked again for
            // what the confirming value had settled (abiraterone, 0.01 → 3.2 → 8.9; unseen bundle
            // ehr21, rule set 2026.12.326).
            !confirmed.contains(where: { $0.therapy.id == ownerId })
        else { return nil }
        let baseline = values.last { $0.date.latestDay <= start.latestDay }
        guard let lowest = Self.whileRunning(regimen, start: start, before: latest, in: values).min(by: { $0.value < $1.value }) ?? baseline else { return nil }
        let declined = baseline.map { lowest.value < $0.value } ?? true
        let reference = declined ? lowest : (baseline ?? lowest)
        guard Self.rises(latest, over: reference) else { return nil }
        return (regimen, reference, declined, latest)
    }

    func psaRiseFinding(confirmed: [PSAProgression]) -> Finding? {
        guard let rise = psaRiseToConfirm(confirmed: confirmed) else { return nil }
        let format = Self.psaNumber
        let percent = Self.risePercent(rise.rise.value, over: rise.reference.value)
        let from = rise.declined
            ? LocalizedText(en: "nadir \(format(rise.reference.value)) ng/mL (\(rise.reference.date))", zh: "最低值 \(format(rise.reference.value)) ng/mL（\(rise.reference.date)）")
            : LocalizedText(en: "baseline \(format(rise.reference.value)) ng/mL (\(rise.reference.date), no decline since)", zh: "基线 \(format(rise.reference.value)) ng/mL（\(rise.reference.date)，此后未下降）")
        let repeatOn = PartialDate(dayNumber: rise.rise.date.latestDay + Self.psaConfirmationDays)
        let therapy = rise.therapy.label
        return Finding(
            ruleId: "boneHealth.pcwg3.psaRise", severity: .advisory, duty: .boneHealth, specialty: .medicalOncology,
            subject: .treatment(rise.therapy.id), date: rise.rise.date,
            title: LocalizedText(
                en: "PSA rising under \(therapy.en): confirm from \(repeatOn) (PCWG3)",
                zh: "\(therapy.zhHans)治疗中 PSA 升高：\(repeatOn) 起复查确认（PCWG3）"),
            detail: LocalizedText(
                en: "PSA \(from.en) → \(format(rise.rise.value)) (\(rise.rise.date); \(percent.map { "+\(CaseIndex.format($0, decimals: 0)) %, " } ?? "")+\(format(rise.rise.value - rise.reference.value)) ng/mL): the size of PCWG3 progression (≥ 25 % and ≥ 2 ng/mL, ≥ 12 weeks into the regimen), not yet confirmed. PCWG3 calls it PSA progression only when a second value ≥ 3 weeks later confirms it: repeat PSA on or after \(repeatOn).",
                zh: "PSA \(from.zhHans) → \(format(rise.rise.value))（\(rise.rise.date)；\(percent.map { "升高 \(CaseIndex.format($0, decimals: 0))%，" } ?? "")升高 \(format(rise.rise.value - rise.reference.value)) ng/mL）：已达 PCWG3 进展幅度（≥25% 且 ≥2 ng/mL，用药 ≥12 周），尚未确认。PCWG3 需 ≥3 周后第二次检测确认才判定 PSA 进展：请于 \(repeatOn) 或之后复查 PSA。"),
            inputs: [
                FindingInput("reference", "\(rise.reference.date) \(format(rise.reference.value))"), FindingInput("rise", "\(rise.rise.date) \(format(rise.rise.value))"),
                FindingInput("declined", rise.declined.description),
            ],
            sources: [Self.source])
    }

    /// The PSA values measured while a regimen ran, before a value: its nadir's candidates. They
    /// include the values a regimen added to it owned — enzalutamide ran on under radium-223, so its
    /// nadir of 4.5 ng/mL fell in radium's months, and its rise after them (7.2, confirmed by 15)
    /// was read against 7.2, "not yet confirmed" (unseen record cb102-b, 2026.12.349). The rise
    /// itself must be a value the regimen owns (`psaOwnership`).
    static func whileRunning(_ therapy: Treatment, start: PartialDate, before lab: LabResult, in values: [LabResult]) -> [LabResult] {
        values.filter { value in
            value.date.earliestDay > start.latestDay && value.date.latestDay < lab.date.earliestDay
                && (therapy.end.map { value.date.earliestDay <= $0.latestDay } ?? true)
        }
    }

    /// PCWG3's size of a PSA progression: ≥ 25 % and ≥ 2 ng/mL above the reference.
    static func rises(_ lab: LabResult, over reference: LabResult) -> Bool {
        lab.value >= reference.value * (1 + psaRiseFraction) && lab.value - reference.value >= psaRiseNgMl
    }

    /// A PSA value as said: two decimals, four below 0.1 — a nadir below detection stored at its
    /// bound, "< 0.003", was said "0" (unseen bundle ehr11).
    static func psaNumber(_ value: Double) -> String { LabTest.text(value) }

    /// The rise in percent of the reference, as said beside the rise in ng/mL. None from an
    /// undetectable nadir (0), nor above tenfold: from a nadir at the limit of detection
    /// (0.003 → 3.6, "+119 900 %") the percentage says nothing the 2 ng/mL does not.
    static func risePercent(_ value: Double, over reference: Double) -> Double? {
        guard reference > 0 else { return nil }
        let percent = ((value / reference - 1) * 100).rounded()
        return percent <= 1_000 ? percent : nil
    }

    /// The values that make it, as said in the findings.
    static func psaText(_ progression: PSAProgression) -> LocalizedText {
        let (reference, rise, confirmation) = (progression.reference, progression.rise, progression.confirmation)
        let percent = Self.risePercent(rise.value, over: reference.value)
        let percentEn = percent.map { "+\(CaseIndex.format($0, decimals: 0)) %, " } ?? ""
        let percentZh = percent.map { "升高 \(CaseIndex.format($0, decimals: 0))%，" } ?? ""
        let format = Self.psaNumber
        let from = progression.declined
            ? LocalizedText(en: "nadir \(format(reference.value)) ng/mL (\(reference.date))", zh: "最低值 \(format(reference.value)) ng/mL（\(reference.date)）")
            : LocalizedText(en: "baseline \(format(reference.value)) ng/mL (\(reference.date), no decline since)", zh: "基线 \(format(reference.value)) ng/mL（\(reference.date)，此后未下降）")
        return LocalizedText(
            en: "PSA \(from.en) → \(format(rise.value)) (\(rise.date); \(percentEn)+\(format(rise.value - reference.value)) ng/mL), confirmed \(format(confirmation.value)) (\(confirmation.date))",
            zh: "PSA \(from.zhHans) → \(format(rise.value))（\(rise.date)；\(percentZh)升高 \(format(rise.value - reference.value)) ng/mL），\(confirmation.date) 复查 \(format(confirmation.value)) 确认")
    }

    func psaFinding(_ progression: PSAProgression, verdicts: [String: Verdict]) -> Finding {
        let therapy = progression.therapy.label
        let (reference, rise, confirmation) = (progression.reference, progression.rise, progression.confirmation)
        let format = Self.psaNumber
        let values = Self.psaText(progression)
        // The bone scans since the rise (up to the next regimen's start), by the 2+2 rule.
        let nextStart = progression.followedBy?.start
        let since = index.studies.filter { scan in
            scan.modality == .boneScan && scan.date.earliestDay >= rise.date.earliestDay && (nextStart.map { scan.date.earliestDay < $0.earliestDay } ?? true)
        }
        let scans = since.filter { !$0.readingNotRecorded }
        let latest = scans.last
        // The latest scan on record only as its report: it is not "no progression".
        let reportOnly = since.last.flatMap { $0.readingNotRecorded ? $0 : nil }
        let boneProgressed = scans.contains { verdicts[$0.id]?.status.isProgression == true }
        let firstRead = latest.map { latest in
            verdicts[latest.id] == nil && !index.studies.contains { scan in
                scan.modality == .boneScan && !scan.readingNotRecorded && scan.date.latestDay < latest.date.earliestDay
            }
        } ?? false
        // Progression the 2+2 rule confirmed under this regimen before the PSA rose: later scans
        // under it are read by MDA alone (`verdicts`), so the scan since the rise has no verdict —
        // and the finding said "radiographic progression is not shown" beside "Bone-scan
        // progression confirmed (PCWG3 2+2)" (unseen record cb92-t, rule set .336).
        let earlier = index.studies.compactMap { scan -> (ImagingStudy, String)? in
            guard scan.date.earliestDay < rise.date.earliestDay, let verdict = verdicts[scan.id], verdict.therapy.id == progression.therapy.id,
                case let .progression(confirmedBy) = verdict.status else { return nil }
            return (scan, confirmedBy)
        }.first
        let bone: LocalizedText
        // The title says "bone scan not progressing" only where the text says the 2+2 rule found
        // none (a new metastasis confirmed on CT/MRI says otherwise).
        var notProgressing = false
        if boneProgressed {
            bone = LocalizedText(en: "The bone scan shows progression by the 2+2 rule as well.", zh: "骨扫描按 2+2 规则亦显示进展。")
        } else if let (scan, confirmedBy) = earlier {
            let confirmed = index.studies.first { $0.id == confirmedBy }?.date.description ?? confirmedBy
            bone = LocalizedText(
                en: "Radiographic progression came first: the bone scan of \(scan.date) showed it by the 2+2 rule, confirmed on \(confirmed) (see the bone-scan finding).",
                zh: "影像学进展在先：\(scan.date) 骨扫描按 2+2 规则已显示进展，\(confirmed) 确认（见骨扫描结论）。")
        } else if let reportOnly {
            bone = LocalizedText(
                en: "The bone scan of \(reportOnly.date) is on record as its report only, its lesions not recorded: record them (new lesions against the first scan after the regimen started) before radiographic progression by the 2+2 rule is judged.",
                zh: "\(reportOnly.date) 骨扫描仅有报告文本，未录入病灶：请录入病灶（与方案开始后首次骨扫描比较的新发病灶），再按 2+2 规则判断有无影像学进展。")
        } else if let latest, let verdict = verdicts[latest.id], verdict.status.isPending {
            // New lesions by the count, not yet confirmed: neither "no progression" nor progression.
            bone = LocalizedText(
                en: "The bone scan of \(latest.date) shows \(verdict.newCount) new lesions, not yet confirmed by the 2+2 rule (see the bone-scan finding): radiographic progression is neither confirmed nor excluded.",
                zh: "\(latest.date) 骨扫描见 \(verdict.newCount) 处新病灶，尚未按 2+2 规则确认（见骨扫描结论）：影像学进展既未确认也未排除。")
        } else if let latest, firstRead {
            // Nothing to count new lesions against: no claim either way.
            bone = LocalizedText(
                en: "The bone scan of \(latest.date) is the first read on record: the 2+2 rule counts new lesions against an earlier scan, so it is the reference for the next one — radiographic progression is not judged from it.",
                zh: "\(latest.date) 骨扫描为病历中首次有病灶记录的骨扫描：2+2 规则需与更早的扫描比较新发病灶，故以其作为下次扫描的参照——不能据此判断影像学进展。")
        } else if let latest, let next = progression.followedBy {
            notProgressing = verdicts[latest.id].map { confirmedOnAnatomy($0).isEmpty } ?? true
            bone = LocalizedText(
                en: "The bone scan of \(latest.date) showed no progression by the 2+2 rule: \(next.label.en) followed on PSA progression without radiographic progression.",
                zh: "\(latest.date) 骨扫描按 2+2 规则未见进展：在无影像学进展、仅 PSA 进展时换用 \(next.label.zhHans)。")
        } else if let latest, let verdict = verdicts[latest.id], case let confirmed = confirmedOnAnatomy(verdict), !confirmed.isEmpty {
            // A new metastasis confirmed on CT/MRI is radiographic evidence, whatever the 2+2
            // rule's count (cb28-g): not "radiographic progression is not shown".
            let list = LocalizedText.joined(confirmed, en: "; ", zh: "；")
            bone = LocalizedText(
                en: "The bone scan of \(latest.date) shows no progression by the 2+2 rule, but a new metastasis is confirmed on CT/MRI: \(list.en). Medical oncology weighs it with the PSA and CT of the chest, abdomen and pelvis.",
                zh: "\(latest.date) 骨扫描按 2+2 规则未见进展，但 CT/MRI 已证实新转移灶：\(list.zhHans)。由肿瘤内科结合 PSA 及胸腹盆 CT 综合判断。")
        } else if let latest {
            notProgressing = true
            bone = LocalizedText(
                en: "The bone scan of \(latest.date) shows no progression by the 2+2 rule: radiographic progression is not shown. PCWG3 does not call treatment failure on a PSA rise alone — medical oncology weighs it with CT of the chest, abdomen and pelvis and the clinical course.",
                zh: "\(latest.date) 骨扫描按 2+2 规则未见进展：尚无影像学进展。PCWG3 不以单纯 PSA 升高判定治疗失败——由肿瘤内科结合胸腹盆 CT 及临床情况综合判断。")
        } else if let next = progression.followedBy {
            bone = LocalizedText(
                en: "No bone scan between the rise and \(next.label.en), which followed it.",
                zh: "PSA 升高至\(next.label.zhHans)开始之间无骨扫描。")
        } else {
            bone = LocalizedText(
                en: "No bone scan since the rise: restage with a bone scan and CT of the chest, abdomen and pelvis (PCWG3's imaging) before the regimen is judged.",
                zh: "PSA 升高后无骨扫描：评价方案前请行骨扫描及胸腹盆 CT 再分期（PCWG3 的影像评估）。")
        }
        return Finding(
            // A later regimen answered it: history, said as such.
            ruleId: "boneHealth.pcwg3.psaProgression", severity: progression.followedBy == nil ? .advisory : .info, duty: .boneHealth, specialty: .medicalOncology,
            subject: .treatment(progression.therapy.id), date: rise.date,
            title: !notProgressing
                ? LocalizedText(en: "PSA progression by PCWG3 under \(therapy.en) since \(rise.date)", zh: "\(therapy.zhHans)治疗中 PSA 进展（PCWG3），自 \(rise.date)")
                : LocalizedText(
                    en: "PSA progression by PCWG3 under \(therapy.en), bone scan not progressing",
                    zh: "\(therapy.zhHans)治疗中 PSA 进展（PCWG3），骨扫描未见进展"),
            detail: LocalizedText(
                en: "\(values.en): ≥ 25 % and ≥ 2 ng/mL above the \(progression.declined ? "nadir" : "baseline"), ≥ 12 weeks into the regimen, confirmed ≥ 3 weeks later. \(bone.en)",
                zh: "\(values.zhHans)：较\(progression.declined ? "最低值" : "基线")升高 ≥25% 且 ≥2 ng/mL，用药 ≥12 周后出现，≥3 周后复查确认。\(bone.zhHans)"),
            inputs: [
                FindingInput("reference", "\(reference.date) \(format(reference.value))"), FindingInput("rise", "\(rise.date) \(format(rise.value))"),
                FindingInput("confirmation", "\(confirmation.date) \(format(confirmation.value))"), FindingInput("declined", progression.declined.description),
            ] + (latest.map { [FindingInput("boneScan", $0.id)] } ?? []),
            sources: [Self.source])
    }
}
