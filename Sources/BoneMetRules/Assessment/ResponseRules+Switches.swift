/// A regimen stopped for "progression", checked against the bone response in its own window
/// (the source hospital's treatment-window attribution).
extension ResponseRules {
    /// A regimen stopped for "progression" is checked against the response in its own window.
    func switchFindings(_ points: [TimePointResponse]) -> [Finding] {
        var findings: [Finding] = []
        // A next regimen begun too recently to show in bone (less than `blasticLatencyWeeks`,
        // setting, before the study) does not share it: nab-paclitaxel + carboplatin stopped
        // 2026-05-05 for "progression", sacituzumab from 05-12, the CT of 06-12 a PR — read as
        // "no bone imaging while it ran".
        let latency = index.settings.blasticLatencyWeeks * 7
        let systemicStarts = Dictionary(index.systemicTherapies.map { ($0.id, $0.start) }, uniquingKeysWith: { first, _ in first })
        func acting(_ id: String, at point: TimePointResponse) -> Bool {
            guard let start = systemicStarts[id] else { return false }
            return start.map { $0.latestDay + latency <= point.to.earliestDay } ?? true
        }
        for therapy in index.systemicTherapies where therapy.stopReason == .progression {
            // The evidence the switch could rest on: the regimen's time points up to the day it
            // was stopped. A progression first imaged after the stop (in a window it shares
            // with the next regimen) was not known when it was stopped.
            // So is one imaged just after the stop whose interval no other systemic therapy
            // shares: that growth happened under this regimen (letrozole + palbociclib stopped
            // 2024-02-20, the CT of 2024-03-10 shows progression over its own window before the
            // next regimen began — "a switch for bone progression is not supported" was wrong).
            // A time point waiting on its new lesions' character (`newCharacterPending`) is imaging
            // of the window all the same: known lesions responding and "3 new lesions" on a CT read
            // "no bone imaging was compared within this regimen's window" (cb27-s).
            let inWindow = points.filter { $0.treatments.contains(therapy.id) && ($0.overall != .notEvaluable || $0.newCharacterPending) }
            // Not one imaged long after the stop, though: a study more than `regimenGapDays`
            // (setting: a longer gap is a break between regimens) after it shows months off
            // treatment, and was not the evidence the stop rested on (letrozole + ribociclib
            // stopped 2025-08-15 for "progression" with a PR in its window; the CT of 2025-12-15,
            // four months untreated, was read as its progression).
            let window = inWindow.filter { point in
                guard let end = therapy.end else { return true }
                if point.to.earliestDay <= end.latestDay { return true }
                return point.to.earliestDay <= end.latestDay + index.settings.regimenGapDays
                    && !point.treatments.contains { $0 != therapy.id && acting($0, at: point) }
            }
            // A progression read only on tracer scans taken before any regimen in them had run
            // `blasticLatencyWeeks` (setting) is no judgement of this one: more or new uptake that
            // early may be the flare of healing. Letrozole + palbociclib stopped for "progression"
            // on a bone scan 40 days in, the CT three months later a PR with sclerotic fill-in,
            // drew nothing (cb25-c) — the seed's own warning about sclerosis read as progression.
            let progressions = window.filter { $0.overall == .progressiveDisease }
            let early = progressions.compactMap { point in youngRegimen(point).map { (point: point, days: $0.days) } }
            // A progression imaged before this regimen could show in bone (less than the latency
            // setting after its start) over an interval that began well before it (the earlier
            // study more than 4 weeks before its start — RECIST 1.1's baseline window): the change
            // is the earlier regimen's and the time between, the study this regimen's baseline.
            // Fulvestrant stopped for "progression" after six weeks on a CT taken 23 days in, over
            // nine months of letrozole + palbociclib and 82 days with no treatment (cb28-l).
            let predating = progressions.filter { point in
                guard !early.contains(where: { $0.point.study == point.study }), let start = therapy.start else { return false }
                return point.to.earliestDay - start.latestDay < latency && start.earliestDay - point.from.latestDay > 28
            }
            if progressions.count > early.count + predating.count { continue }
            // PSA progression by PCWG3 before the stop: the stop rests on it, and the PSA finding
            // says it with the bone scan beside it (a CRPC's enzalutamide stopped on a PSA rising
            // from 3.1 to 14.2 ng/mL read "stopped for progression that its window does not show").
            if psa.contains(where: { found in
                found.therapy.id == therapy.id && (therapy.end.map { found.rise.date.earliestDay <= $0.latestDay } ?? true)
            }) { continue }
            if early.isEmpty, !predating.isEmpty {
                // Later studies of its own window only: one after a next regimen took over is
                // that regimen's (a PR under capecitabine read as imaged in fulvestrant's window).
                findings.append(predatingSwitch(therapy, predating: predating, later: window.filter { point in
                    !predating.contains { $0.study == point.study } && predating.allSatisfy { $0.to.latestDay < point.to.earliestDay }
                }))
                continue
            }
            if !early.isEmpty {
                findings.append(tooEarlySwitch(therapy, early: early, later: inWindow.filter { point in
                    !early.contains { $0.point.study == point.study } && early.allSatisfy { $0.point.to.latestDay < point.to.earliestDay }
                }))
                continue
            }
            let observed = LocalizedText.joined(window.map { point in
                // A study after the stop is said as such: "before it was stopped" named a CT taken
                // five weeks after.
                let after = therapy.end.map { point.to.earliestDay - $0.latestDay }.flatMap { $0 > 0 ? $0 : nil }
                let next = point.treatments.contains { $0 != therapy.id && systemicStarts[$0] != nil }
                let note = after.map { days in
                    next
                        ? LocalizedText(
                            en: " (\(days) days after it was stopped, before the next regimen could show in bone)",
                            zh: "（停药后 \(days) 天，下一方案尚不能在骨上显效）")
                        : LocalizedText(en: " (\(days) days after it was stopped)", zh: "（停药后 \(days) 天）")
                } ?? LocalizedText(en: "", zh: "")
                let pending = point.newCharacterPending
                    ? Self.pendingText(point)
                    : LocalizedText(en: "", zh: "")
                return LocalizedText(
                    en: "\(point.to) \(point.overall.label.en)\(pending.en)\(note.en)",
                    zh: "\(point.to) \(point.overall.label.zhHans)\(pending.zhHans)\(note.zhHans)")
            }, en: ", ", zh: "，")
            let pendingNote = window.contains(where: \.newCharacterPending)
                ? LocalizedText(
                    en: " A new lytic lesion is progression; new sclerosis under therapy is not by itself (osteoblastic flare where other lesions respond): record the new lesions' character before counting the regimen as failed.",
                    zh: "新发溶骨为进展；治疗中新发硬化本身不代表进展（其他病灶缓解时为成骨性闪烁）：在判定方案失败前请记录新发病灶的性质。")
                : LocalizedText(en: "", zh: "")
            let afterStop = window.contains { point in therapy.end.map { point.to.earliestDay > $0.latestDay } ?? false }
            let later = inWindow.first { point in point.overall == .progressiveDisease && !window.contains(point) }
            let laterText = later.map { point in
                LocalizedText(
                    en: " Progression was first imaged on \(point.to), after it was stopped.",
                    zh: "进展首次见于 \(point.to) 的影像，晚于停药。")
            } ?? LocalizedText(en: "", zh: "")
            // No bone imaging at all while it ran: the record cannot speak of its effect on bone,
            // and the progression it was stopped for may have been in the liver or lungs. An HCC's
            // atezolizumab + bevacizumab, stopped for progression with no bone study in 15 months,
            // was told to "check the evidence before counting the regimen as failed".
            // A study dated by its month only counts as taken while it ran when the whole month
            // is: an adjuvant tamoxifen stopped on 1 May for "progression", the bone scan of "May"
            // the first to show metastases, read "progression that its window does not show —
            // check the evidence" (unseen record cb77-y).
            let unimaged = window.isEmpty && !index.studies.contains { study in
                guard let start = therapy.start else { return false }
                return study.date.latestDay >= start.earliestDay && therapy.end.map { study.date.latestDay <= $0.latestDay } ?? true
            }
            // Metastases outside bone first recorded while it ran: the progression it was stopped
            // for is on record, and it is not the bone's. Alectinib stopped for "progression" the
            // week after brain metastases were found, bone lesions filling in on the CT after it,
            // read as a warning "a switch for bone progression is not supported — review" (cb51-a).
            let elsewhere = newMetastasesOutsideBone(while: therapy)
            if !elsewhere.isEmpty, !unimaged {
                findings.append(progressionOutsideBone(therapy, elsewhere: elsewhere, observed: window.isEmpty ? nil : observed))
                continue
            }
            // A worsening the EHR recorded while it ran, not placed in bone (ResponseRules+RecordedWorsening).
            let worsening = window.isEmpty ? [] : worseningRecorded(while: therapy)
            let outside = worsening.filter { Self.place($0) == .outsideBone }
            let unplaced = worsening.filter { Self.place($0) == .unplaced }
            if !outside.isEmpty || (!unplaced.isEmpty && !worsening.contains { Self.place($0) == .bone }) {
                findings.append(progressionRecorded(therapy, rows: outside.isEmpty ? unplaced : outside, observed: observed, saysWhere: !outside.isEmpty))
                continue
            }
            let detail: LocalizedText =
                unimaged
                ? LocalizedText(
                    en: "No bone study is on record between its start and its stop: its effect on the bone metastases is unknown. A progression elsewhere (primary, viscera, tumour markers) is not judged here; do not read it as a failure in bone.\(laterText.en)",
                    zh: "自开始至停用期间无骨影像记录：其对骨转移的疗效不明。其他部位（原发灶、内脏、肿瘤标志物）的进展不在此评价；不应据此认定该方案对骨转移无效。\(laterText.zhHans)")
                : window.isEmpty
                ? LocalizedText(
                    en: "No bone imaging was compared within this regimen's window before it was stopped, so bone progression is not documented.\(laterText.en) Check the evidence before counting the regimen as failed.",
                    zh: "该方案停用前其用药窗口内没有可比较的骨影像，骨进展缺乏依据。\(laterText.zhHans)在判定方案失败前请核实证据。")
                : LocalizedText(
                    en: "Bone response in its own window\(afterStop ? "" : " before it was stopped"): \(observed.en). The imaging does not show progression; a switch for bone progression is not supported.\(pendingNote.en)\(laterText.en)\(markersWhileRunning(therapy).en) Review with imaging, tumour markers and symptoms together.",
                    zh: "\(afterStop ? "" : "停用前")其用药窗口内的骨疗效：\(observed.zhHans)。影像未显示进展；因骨进展而更换方案缺乏依据。\(pendingNote.zhHans)\(laterText.zhHans)\(markersWhileRunning(therapy).zhHans)请结合影像、肿瘤标志物和症状综合评估。")
            findings.append(Finding(
                ruleId: "boneHealth.attribution.unsupportedSwitch", severity: unimaged ? .info : window.isEmpty ? .advisory : .warning,
                duty: .boneHealth, specialty: .medicalOncology, subject: .treatment(therapy.id), date: therapy.end,
                title: unimaged
                    ? LocalizedText(
                        en: "\(therapy.label.en) was stopped for progression — no bone imaging while it ran",
                        zh: "\(therapy.label.zhHans) 因“进展”停用——用药期间无骨影像")
                    : LocalizedText(
                        en: "\(therapy.label.en) was stopped for progression that its window does not show",
                        zh: "\(therapy.label.zhHans) 因“进展”停用，但其用药窗口未显示进展"),
                detail: detail,
                inputs: [
                    FindingInput("treatment", therapy.id), FindingInput("stopReason", "progression"),
                    FindingInput("windowResponses", window.map { "\($0.to) \($0.overall.rawValue)" }.joined(separator: ", ")),
                ],
                sources: Self.sources + [Self.attributionSource]))
        }
        return findings
    }

    /// " (the known lesions PR; 3 new lesions of unrecorded character)" for a time point waiting
    /// on its new lesions' character.
    static func pendingText(_ point: TimePointResponse) -> LocalizedText {
        let known = point.lesions.filter { !$0.isNew && $0.category != .notEvaluable }
        let best = known.contains { $0.category == .completeResponse } && known.allSatisfy { $0.category == .completeResponse }
            ? MDA.Category.completeResponse
            : known.contains { $0.category.isResponse } ? .partialResponse : known.isEmpty ? nil : .stableDisease
        let count = point.unnamedNewLesions + point.lesions.filter { $0.isNew && $0.category == .notEvaluable }.count
        let knownText = best.map { LocalizedText(en: "the known lesions \($0.rawValue); ", zh: "已知病灶 \($0.rawValue)；") } ?? LocalizedText(en: "", zh: "")
        return LocalizedText(
            en: " (\(knownText.en)\(count) new lesion\(count == 1 ? "" : "s") of unrecorded character)",
            zh: "（\(knownText.zhHans)\(count) 处新发病灶性质未记录）")
    }

    /// A regimen stopped for a progression read only on tracer scans too early to judge it
    /// (`youngRegimen`): the scan and the day of it are named, with what was imaged later in its
    /// window, so the switch is reviewed rather than counted as the regimen's failure in bone.
    private func tooEarlySwitch(_ therapy: Treatment, early: [(point: TimePointResponse, days: Int)], later: [TimePointResponse]) -> Finding {
        let weeks = index.settings.blasticLatencyWeeks
        let scans = LocalizedText.joined(early.map { item in
            let label = index.studies.first { $0.id == item.point.study }?.label ?? LocalizedText(en: item.point.study, zh: item.point.study)
            // The study's label carries its date ("bone scan of 2026-04-06").
            return LocalizedText(en: "the \(label.en), \(item.days) days into it", zh: "\(label.zhHans)（用药第 \(item.days) 天）")
        }, en: "; ", zh: "；")
        let laterText = Self.laterInWindow(later)
        let days = early.map(\.days).max() ?? 0
        return Finding(
            ruleId: "boneHealth.attribution.unsupportedSwitch", severity: .warning,
            duty: .boneHealth, specialty: .medicalOncology, subject: .treatment(therapy.id), date: therapy.end,
            title: LocalizedText(
                en: "\(therapy.label.en) was stopped for progression on a scan \(days) days into it — too early to judge it",
                zh: "\(therapy.label.zhHans) 因“进展”停用，所据扫描仅在用药 \(days) 天时——尚不能评价"),
            detail: LocalizedText(
                en: "The progression in its window rests on \(scans.en) — less than the \(weeks) weeks (setting) a treatment effect on bone needs: more or new uptake then may be the flare of healing as well as progression (PCWG3 reads the first scan after baseline at 8–12 weeks and asks a later scan to confirm new lesions).\(laterText.en) Do not count the regimen as failed in bone on that scan; review the switch with imaging from \(weeks) weeks on, tumour markers and symptoms together.",
                zh: "其用药窗口内的进展仅依据 \(scans.zhHans)——短于治疗对骨起效所需的 \(weeks) 周（设置）：此时放射性浓聚增高或新发浓聚既可能是进展，也可能是修复性闪烁（PCWG3 在治疗后 8–12 周读首次扫描，新发病灶需以后续扫描确认）。\(laterText.zhHans)不应据此次扫描认定该方案对骨转移无效；请结合用药 \(weeks) 周后的影像、肿瘤标志物和症状复核此次换药。"),
            inputs: [
                FindingInput("treatment", therapy.id), FindingInput("stopReason", "progression"),
                FindingInput("windowResponses", early.map { "\($0.point.to) \($0.point.overall.rawValue) day \($0.days)" }.joined(separator: ", ")),
            ],
            sources: Self.sources + [PCWG3Rules.source, Self.attributionSource])
    }

    /// A regimen stopped for a progression imaged before it could act, over an interval that
    /// began long before it: the study was its baseline, the change the earlier treatment's and
    /// the time between.
    private func predatingSwitch(_ therapy: Treatment, predating: [TimePointResponse], later: [TimePointResponse]) -> Finding {
        let weeks = index.settings.blasticLatencyWeeks
        let start = therapy.start
        let studies = LocalizedText.joined(predating.map { point in
            let label = index.studies.first { $0.id == point.study }?.label ?? LocalizedText(en: point.study, zh: point.study)
            let into = start.map { point.to.earliestDay - $0.latestDay } ?? 0
            let before = start.map { $0.earliestDay - point.from.latestDay } ?? 0
            // What else the interval held is the time point's own finding (its window, switch and
            // breaks); here only how little of it was this regimen's.
            return LocalizedText(
                en: "the \(label.en), \(into) days into it, against the study of \(point.from), \(before) days before it began",
                zh: "\(label.zhHans)（用药第 \(into) 天），对照 \(point.from) 的检查（早于其开始 \(before) 天）")
        }, en: "; ", zh: "；")
        let days = predating.compactMap { point in start.map { point.to.earliestDay - $0.latestDay } }.max() ?? 0
        let laterText = Self.laterInWindow(later)
        return Finding(
            ruleId: "boneHealth.attribution.unsupportedSwitch", severity: .warning,
            duty: .boneHealth, specialty: .medicalOncology, subject: .treatment(therapy.id), date: therapy.end,
            title: LocalizedText(
                en: "\(therapy.label.en) was stopped for a progression imaged \(days) days into it — before it could act",
                zh: "\(therapy.label.zhHans) 因“进展”停用，所据影像仅在用药 \(days) 天时——其尚未能起效"),
            detail: LocalizedText(
                en: "The progression in its window rests on \(studies.en). The change it shows belongs to the time before this regimen could act on bone (\(weeks) weeks, setting; RECIST 1.1 takes a baseline no more than 4 weeks before treatment): that study was its baseline, not its failure.\(laterText.en) Do not count the regimen as failed in bone on it; review the switch with imaging, tumour markers and symptoms together.",
                zh: "其用药窗口内的进展仅依据 \(studies.zhHans)。所示变化属于该方案能对骨起效之前的时段（\(weeks) 周，设置；RECIST 1.1 要求基线在治疗前 4 周内）：该次检查是其基线，而非其失败的证据。\(laterText.zhHans)不应据此认定该方案对骨转移无效；请结合影像、肿瘤标志物和症状复核此次换药。"),
            inputs: [
                FindingInput("treatment", therapy.id), FindingInput("stopReason", "progression"),
                FindingInput("windowResponses", predating.map { point in "\(point.to) \(point.overall.rawValue) day \(start.map { point.to.earliestDay - $0.latestDay } ?? 0)" }.joined(separator: ", ")),
            ],
            sources: Self.sources + [Self.eisenhauer2009, Self.attributionSource])
    }

    /// Metastases outside bone (`visceralMetastases`, lymph nodes included: new nodes are
    /// progression too) first recorded after the regimen began and by the day it stopped — an
    /// organ with a row dated at or before its start was known when it began.
    func newMetastasesOutsideBone(while therapy: Treatment) -> [VisceralMetastasis] {
        guard let start = therapy.start else { return [] }
        let rows = index.record.visceralMetastases ?? []
        let knownBefore = Set(rows.filter { $0.date.map { $0.earliestDay <= start.latestDay } ?? false }.map { $0.organ.lowercased() })
        return rows.filter { row in
            guard let date = row.date, date.earliestDay > start.latestDay, index.known(date) else { return false }
            return !knownBefore.contains(row.organ.lowercased()) && (therapy.end.map { date.earliestDay <= $0.latestDay } ?? true)
        }
    }

    /// A regimen stopped for "progression" with new metastases outside bone on record while it
    /// ran: the stop rests on them, the bone's own window is said beside them — information, not
    /// a switch to review.
    private func progressionOutsideBone(_ therapy: Treatment, elsewhere: [VisceralMetastasis], observed: LocalizedText?) -> Finding {
        // The organ as the record writes it (free text), its date beside it.
        let sites = LocalizedText.joined(elsewhere.map { row in
            row.date.map { LocalizedText(en: "\(row.organ) (\($0))", zh: "\(ImportMarkers.shown(row.organ, zh: true))（\($0)）") } ?? ImportMarkers.localized(row.organ)
        }, en: ", ", zh: "，")
        let bone = observed.map { text in
            LocalizedText(
                en: " Bone response in its own window: \(text.en) — the bone metastases did not progress under it and are not counted as failing it.",
                zh: "其用药窗口内的骨疗效：\(text.zhHans)——骨转移在其治疗下未进展，不应计为其对骨转移无效。")
        } ?? LocalizedText(
            en: " No bone imaging was compared within its window: its effect on bone is not known.",
            zh: "其用药窗口内没有可比较的骨影像：其对骨转移的疗效不明。")
        return Finding(
            ruleId: "boneHealth.attribution.unsupportedSwitch", severity: .info,
            duty: .boneHealth, specialty: .medicalOncology, subject: .treatment(therapy.id), date: therapy.end,
            title: LocalizedText(
                en: "\(therapy.label.en) was stopped for progression outside bone",
                zh: "\(therapy.label.zhHans) 因骨外进展停用"),
            detail: LocalizedText(
                en: "New metastases outside bone were recorded while it ran: \(sites.en). The stop rests on them.\(bone.en)",
                zh: "用药期间记录到新的骨外转移：\(sites.zhHans)。停药依据在此。\(bone.zhHans)"),
            inputs: [
                FindingInput("treatment", therapy.id), FindingInput("stopReason", "progression"),
                FindingInput("newMetastasesOutsideBone", sites.en),
            ],
            sources: Self.sources + [Self.attributionSource])
    }

    /// " Imaged later in its window: DATE PR." — what a too-early or predating stop's window
    /// showed afterwards, or that it showed nothing.
    static func laterInWindow(_ later: [TimePointResponse]) -> LocalizedText {
        guard !later.isEmpty else { return LocalizedText(en: " No later study in its window.", zh: "其用药窗口内无更晚的影像。") }
        let list = LocalizedText.joined(later.map { point in
            LocalizedText(en: "\(point.to) \(point.overall.label.en)", zh: "\(point.to) \(point.overall.label.zhHans)")
        }, en: ", ", zh: "，")
        return LocalizedText(en: " Imaged later in its window: \(list.en).", zh: "其用药窗口内较晚的影像：\(list.zhHans)。")
    }
}
