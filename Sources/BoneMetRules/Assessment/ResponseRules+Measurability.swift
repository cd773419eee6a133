/// RECIST 1.1 measurability of bone lesions, and the tumour markers said beside a time point.
extension ResponseRules {
    /// RECIST 1.1 for bone (Eisenhauer 2009): lytic or mixed lesions are measurable only through
    /// a soft-tissue component ≥ 10 mm on CT/MRI; blastic lesions never.
    /// RECIST 1.1 measurability, each fact from its most recent evidence: the character from the
    /// latest anatomic study that reads one, the soft-tissue component from the latest CT or MRI
    /// that measured it. An MRI read only for ESCC, or an X-ray (which cannot measure bone
    /// lesions), erased a 12 mm soft-tissue component before; a component never measured is
    /// unknown, not absent.
    func measurabilityFindings() -> [Finding] {
        index.metastaticLesions.compactMap { lesion -> Finding? in
            // RECIST 1.1 is for solid tumours: myeloma and lymphoma have their own criteria.
            if index.bloodCancer(lesion.id) != nil { return nil }
            // Nor one no longer seen (`noLongerSeen`): nothing is left to measure (cb85-k read
            // "measurability undetermined — record the soft-tissue component" for a healed femur).
            if index.noLongerSeen(lesion.id) != nil { return nil }
            // A lesion removed by surgery has nothing left to measure — unless it is seen again
            // since: the recurrence is judged on its own readings (unseen record cb78-u).
            let removed = index.lastRemoval(lesion.id)
            // A PET-CT's CT, read for the lesion's character, is anatomy too: a lung cancer's T7,
            // lytic on its staging PET-CT and with a 22 mm soft-tissue mass on MRI, read "lesion
            // type and soft-tissue component not recorded" (unseen record cb78-d).
            let anatomic = index.presentPoints(lesion.id).filter { point in
                (point.study.modality.isAnatomic || (point.study.modality == .petCt && MDA.hasAnatomy(point.observation)))
                    && (removed.map { point.study.date.earliestDay > $0.latestDay } ?? true)
            }
            guard let latest = anatomic.last else { return nil }
            // Of two readings of the latest day, as Mirels and SINS read them (`latestWorst`): the
            // film's or CT's, and of them not blastic if either is — an X-ray's "blastic" and the
            // same day's CT "lytic" read "blastic lesion: non-measurable" beside Mirels's "lesion
            // type lytic — from CT" (unseen record cb95-a; the study whose id sorted last won).
            let characterPoint = CaseIndex.latestWorst(anatomic, \.character, rank: { $0 == .blastic ? 0 : 1 }, prefer: CaseIndex.filmOrCT)?.point
            let character = characterPoint?.observation.character
            let softTissuePoint = anatomic.last { [.ct, .mri].contains($0.study.modality) && $0.observation.softTissueMm != nil }
            let softTissue = softTissuePoint?.observation.softTissueMm
            enum Verdict { case measurable, blastic, tooSmall, notMeasured, measurableAtBaseline }
            var verdict: Verdict
            if character == .blastic {
                verdict = .blastic
            } else if let softTissue, softTissue < 10 {
                verdict = .tooSmall
            } else if softTissue != nil, character != nil {
                verdict = .measurable
            } else {
                verdict = .notMeasured
            }
            // RECIST 1.1 decides measurability at baseline, and a lesion measurable then is
            // measured at every assessment whatever its size, to 0 mm (Eisenhauer 2009): an ALK
            // lung cancer's T11, lytic with a 12 mm soft-tissue component before alectinib and 0 mm
            // after it, read "not RECIST-measurable" — its response called a non-measurable lesion
            // (probe cb161-n). The baseline is the latest reading on or before the start of the
            // regimen the latest reading falls under.
            let baseline = index.latestSystemicStart(before: latest.study.date)?.start.flatMap { start -> (mm: Double, point: CaseIndex.Point)? in
                let before = anatomic.filter { $0.study.date.latestDay <= start.latestDay }
                guard let typed = CaseIndex.latestWorst(before, \.character, rank: { $0 == .blastic ? 0 : 1 }, prefer: CaseIndex.filmOrCT)?.value,
                    typed != .blastic,
                    let measured = before.last(where: { [.ct, .mri].contains($0.study.modality) && $0.observation.softTissueMm != nil }),
                    let mm = measured.observation.softTissueMm, mm >= 10
                else { return nil }
                return (mm, measured)
            }
            if baseline != nil, [.blastic, .tooSmall].contains(verdict) {
                verdict = .measurableAtBaseline
            }
            let why: LocalizedText
            switch verdict {
            case .measurable:
                why = LocalizedText(en: "soft-tissue component ≥ 10 mm on CT/MRI: measurable by RECIST 1.1", zh: "CT/MRI 上软组织成分 ≥10 mm：按 RECIST 1.1 可测量")
            case .measurableAtBaseline:
                let then = baseline.map { "\(CaseIndex.format($0.mm)) mm (\($0.point.study.modality.label.en) of \($0.point.study.date))" } ?? ""
                let thenZh = baseline.map { "\(CaseIndex.format($0.mm)) mm（\($0.point.study.date) \($0.point.study.modality.label.zhHans)）" } ?? ""
                let now = character == .blastic
                    ? LocalizedText(en: "blastic now", zh: "现为成骨性")
                    : LocalizedText(en: "\(softTissue.map(CaseIndex.format) ?? "") mm now", zh: "现为 \(softTissue.map(CaseIndex.format) ?? "") mm")
                why = LocalizedText(
                    en: "measurable at baseline — lytic or mixed with a soft-tissue component of \(then) before the current regimen; \(now.en): RECIST 1.1 measures a lesion measurable at baseline at every assessment, however small (to 0 mm)",
                    zh: "基线时可测量——本方案开始前为溶骨或混合性，软组织成分 \(thenZh)；\(now.zhHans)：按 RECIST 1.1，基线可测量的病灶每次评估均测量，无论大小（直至 0 mm）")
            case .blastic:
                why = LocalizedText(en: "blastic lesion: non-measurable by RECIST 1.1; follow with MDA", zh: "成骨性病灶：按 RECIST 1.1 不可测量；用 MDA 标准随访")
            case .tooSmall:
                why = LocalizedText(en: "no soft-tissue component ≥ 10 mm on CT/MRI: non-measurable by RECIST 1.1; follow with MDA", zh: "CT/MRI 上无 ≥10 mm 软组织成分：按 RECIST 1.1 不可测量；用 MDA 标准随访")
            case .notMeasured:
                // Its soft-tissue component measured, its type not: the type decides (a pelvis
                // with a 24 mm component on MRI read "lesion type and soft-tissue component not
                // recorded" — unseen record cb80-d).
                if character == nil, let softTissue, let point = softTissuePoint {
                    let mm = CaseIndex.format(softTissue)
                    why = LocalizedText(
                        en: "lesion type not recorded: its soft-tissue component of \(mm) mm (\(point.study.modality.label.en) of \(point.study.date)) makes it measurable by RECIST 1.1 if it is lytic or mixed, not if blastic — record its type (X-ray or CT with the bone window); follow with MDA meanwhile",
                        zh: "未记录病变类型：其软组织成分 \(mm) mm（\(point.study.date) \(point.study.modality.label.zhHans)），如为溶骨或混合性病灶按 RECIST 1.1 可测量，成骨性则不可——请记录病变类型（X 线或 CT 骨窗）；在此之前用 MDA 标准随访")
                    break
                }
                why = character == nil
                    ? LocalizedText(
                        en: "lesion type and soft-tissue component not recorded: RECIST 1.1 measures a lytic or mixed lesion only by a soft-tissue component ≥ 10 mm on CT/MRI; follow with MDA meanwhile",
                        zh: "未记录病变类型和软组织成分：RECIST 1.1 仅以 CT/MRI 上 ≥10 mm 的软组织成分测量溶骨或混合性病灶；在此之前用 MDA 标准随访")
                    : anatomic.contains(where: { [.ct, .mri, .petCt].contains($0.study.modality) })
                        ? LocalizedText(
                            en: "soft-tissue component not recorded on CT/MRI: a component ≥ 10 mm makes a lytic or mixed lesion measurable by RECIST 1.1 — record it (or 0); follow with MDA meanwhile",
                            zh: "CT/MRI 上未记录软组织成分：溶骨或混合性病灶的软组织成分 ≥10 mm 时按 RECIST 1.1 可测量——请记录（无则记 0）；在此之前用 MDA 标准随访")
                        : LocalizedText(
                            en: "seen only on X-ray, which cannot measure bone lesions: RECIST 1.1 needs a soft-tissue component ≥ 10 mm on CT/MRI; follow with MDA meanwhile",
                            zh: "仅见于 X 线片，X 线不能测量骨病灶：RECIST 1.1 需 CT/MRI 上 ≥10 mm 的软组织成分；在此之前用 MDA 标准随访")
            }
            let title: LocalizedText = switch verdict {
            case .measurable: LocalizedText(en: "RECIST-measurable", zh: "RECIST 可测量")
            case .measurableAtBaseline: LocalizedText(en: "RECIST-measurable (at baseline)", zh: "RECIST 可测量（基线时）")
            case .blastic, .tooSmall: LocalizedText(en: "not RECIST-measurable", zh: "RECIST 不可测量")
            case .notMeasured: LocalizedText(en: "RECIST measurability undetermined", zh: "RECIST 可测量性未定")
            }
            let dated = [characterPoint, softTissuePoint].compactMap { $0?.study.date }.max() ?? latest.study.date
            // The record's own lesion: its name as worked out once (no comparison of the lesion).
            let name = index.label(lesionId: lesion.id)
            return Finding(
                ruleId: "boneHealth.recist.measurability", severity: .info, duty: .boneHealth, specialty: .radiology,
                subject: .lesion(lesion.id), date: dated,
                title: LocalizedText(en: "\(name.en): \(title.en)", zh: "\(name.zhHans)：\(title.zhHans)"),
                detail: why,
                inputs: [
                    FindingInput("character", character?.rawValue ?? "unknown"),
                    FindingInput("softTissueMm", softTissue.map { String(describing: $0) } ?? "unknown"),
                ],
                sources: [Self.eisenhauer2009])
        }
    }

    /// Tumour markers in an interval: first and last value, and whether any was abnormal.
    func markerSummary(from: PartialDate, to: PartialDate) -> LocalizedText? {
        let inWindow = index.labs.filter {
            $0.test.isTumourMarker && $0.date.earliestDay >= from.earliestDay && $0.date.earliestDay <= to.latestDay
        }
        guard !inWindow.isEmpty else { return nil }
        let tests = Array(Set(inWindow.map(\.test))).sorted { $0.rawValue < $1.rawValue }
        let parts = tests.map { test -> LocalizedText in
            // From the value the window started with (the latest before it): CA 15-3 falling from
            // 95 to 18 read "18 (normal throughout)", hiding the response it showed.
            // A value of the window's first day is where it starts: the one before belongs to the
            // window before. A PSA of the first study's day, none after it, read "12 (2026-03-01)
            // → 4.1" — the fall of the previous window — in the window after (probe cb162-c).
            let own = inWindow.filter { $0.test == test }
            let startsOnFirstDay = own.first.map { $0.date.latestDay <= from.latestDay } ?? false
            let before = startsOnFirstDay ? nil : index.labs.last { $0.test == test && $0.date.latestDay < from.earliestDay }
            let values = (before.map { [$0] } ?? []) + own
            let known = values.contains { $0.isAbnormal != nil }
            let unchangedSince = startsOnFirstDay && own.count == 1 && to.earliestDay > from.latestDay
            let numbers = values.enumerated().map { offset, lab in
                "\(CaseIndex.format(lab.value, decimals: 2))\(offset == 0 && (before != nil || unchangedSince) ? " (\(lab.date))" : "")"
            }.joined(separator: " → ")
            let since = unchangedSince
                ? LocalizedText(en: ", not measured since", zh: "，此后未复查") : LocalizedText(en: "", zh: "")
            let state = !known
                ? LocalizedText(en: "no reference range", zh: "无参考范围")
                : values.allSatisfy({ $0.isAbnormal != true })
                    ? LocalizedText(en: "normal throughout", zh: "始终正常")
                    : values.last?.isAbnormal == false
                        ? LocalizedText(en: "abnormal, now normal", zh: "由异常转为正常")
                        : LocalizedText(en: "abnormal", zh: "异常")
            return LocalizedText(
                en: "\(test.label.en) \(numbers)\(since.en) (\(state.en))", zh: "\(test.label.zhHans) \(numbers)\(since.zhHans)（\(state.zhHans)）")
        }
        let joined = LocalizedText.joined(parts, en: "; ", zh: "；")
        return LocalizedText(en: "tumour markers: \(joined.en)", zh: "肿瘤标志物：\(joined.zhHans)")
    }
}
