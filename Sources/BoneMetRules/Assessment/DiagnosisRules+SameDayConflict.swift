/// Two results of one test, or two readings of one lesion by the same kind of study, on one day
/// that disagree (`LabResult.recordOrder`, `CaseIndex.latestWorst`): the record holds no time of
/// day, so the rules read the one that asks for more — the more abnormal result, the worse grade —
/// and this finding names both, so that the coordinator keeps the one that stands. Readings of
/// one day by different kinds of study (an X-ray and a CT) are one examination seen two ways and
/// are not asked about; the scores take the worse of them as well.
extension DiagnosisRules {
    func sameDayConflictFindings() -> [Finding] {
        labConflictFindings() + readingConflictFindings()
    }

    private func labConflictFindings() -> [Finding] {
        var findings: [Finding] = []
        var start = 0
        let labs = index.labs
        while start < labs.count {
            var end = start + 1
            while end < labs.count, labs[end].test == labs[start].test, labs[end].date == labs[start].date { end += 1 }
            let group = labs[start..<end]
            start = end
            guard group.count > 1, let read = group.last, group.contains(where: { $0.disagrees(with: read) }) else { continue }
            let name = read.test.label
            let values = group.map { "\(LabTest.text($0.value)) \($0.unit)" }
            findings.append(Finding(
                ruleId: "diagnosis.record.sameDayConflict", severity: .advisory, duty: .diagnosis, specialty: .mdtCoordinator,
                subject: .patient, date: read.date,
                title: LocalizedText(
                    en: "\(group.count == 2 ? "Two" : String(group.count)) \(name.en) results of \(read.date) disagree: \(values.joined(separator: ", "))",
                    zh: "\(read.date) 的 \(group.count) 次\(name.zhHans)结果不一致：\(values.joined(separator: "、"))"),
                detail: LocalizedText(
                    en: "The record gives no time of day, so neither result is the later. The findings read \(LabTest.text(read.value)) \(read.unit), the one that asks for more (\(Self.concernText(read.test).en)). Keep the result that stands — a repeat measurement, the laboratory's value beside a point-of-care one — and remove or date the other.",
                    zh: "病历未记录时间，无法判断哪一次在后。各项结论按要求更多处理的一次读取：\(LabTest.text(read.value)) \(read.unit)（\(Self.concernText(read.test).zhHans)）。请保留成立的结果（复查值，或与床旁检测并列的检验科结果），删除另一条或注明其日期。"),
                inputs: group.map { FindingInput(read.test.rawValue, "\(LabTest.text($0.value)) \($0.unit)") },
                sources: [Self.sourceHospital]))
        }
        return findings
    }

    private static func concernText(_ test: LabTest) -> LocalizedText {
        switch test {
        case .calcium: LocalizedText(en: "the farther from the normal range", zh: "偏离正常范围更远者")
        case .freeLightChainRatio: LocalizedText(en: "the farther from 1", zh: "偏离 1 更远者")
        case .egfr, .albumin, .hemoglobin, .platelets, .lymphocytes: LocalizedText(en: "the lower", zh: "较低者")
        default: LocalizedText(en: "the higher", zh: "较高者")
        }
    }

    /// A SINS item, the epidural grade, the Mirels size or the lesion's type read differently by
    /// two studies of one kind on one day.
    private func readingConflictFindings() -> [Finding] {
        var findings: [Finding] = []
        for lesion in index.seenLesions {
            let points = index.presentPoints(lesion.id)
            // Points are in date order: only a day read more than once by one kind of study is
            // looked at (most lesions have none, and this runs for every case, issue #12).
            var days: [[CaseIndex.Point]] = []
            var start = 0
            while start < points.count {
                var end = start + 1
                while end < points.count, points[end].study.date == points[start].study.date { end += 1 }
                if end - start > 1 {
                    let sameDay = points[start..<end].filter(\.readsBone)
                    for modality in Set(sameDay.map(\.study.modality)) {
                        let kind = sameDay.filter { $0.study.modality == modality }
                        if kind.count > 1 { days.append(kind) }
                    }
                }
                start = end
            }
            for day in days.sorted(by: { ($0[0].study.date, $0[0].study.id) < ($1[0].study.date, $1[0].study.id) }) {
                var items: [(en: String, zh: String)] = []
                func compare<T: Equatable>(_ name: LocalizedText, _ value: (LesionObservation) -> T?, label: (T) -> LocalizedText) {
                    var seen: [T] = []
                    for point in day { if let v = value(point.observation), !seen.contains(v) { seen.append(v) } }
                    guard seen.count > 1 else { return }
                    items.append((
                        "\(name.en): \(seen.map { label($0).en }.joined(separator: " / "))",
                        "\(name.zhHans)：\(seen.map { label($0).zhHans }.joined(separator: " / "))"))
                }
                compare(LocalizedText(en: "lesion type", zh: "病灶性质"), \.character, label: \.label)
                compare(LocalizedText(en: "size (Mirels)", zh: "病灶大小（Mirels）"), SurgeryRules.mirelsSize, label: \.label)
                compare(LocalizedText(en: "collapse", zh: "椎体塌陷"), \.collapse, label: \.label)
                compare(LocalizedText(en: "alignment", zh: "脊柱序列"), \.alignment, label: \.label)
                compare(LocalizedText(en: "posterolateral involvement", zh: "后外侧结构受累"), \.posterolateral, label: \.label)
                compare(LocalizedText(en: "epidural compression (ESCC)", zh: "硬膜外脊髓压迫（ESCC）"), \.escc, label: \.label)
                guard !items.isEmpty, let first = day.first else { continue }
                let study = first.study
                let ids = day.map(\.study.id)
                findings.append(Finding(
                    ruleId: "diagnosis.record.sameDayConflict", severity: .advisory, duty: .diagnosis, specialty: .mdtCoordinator,
                    subject: .lesion(lesion.id), date: study.date,
                    title: LocalizedText(
                        en: "\(lesion.label.en): \(day.count) readings of the \(study.label.en) disagree",
                        zh: "\(lesion.label.zhHans)：\(study.label.zhHans)的 \(day.count) 份读片结果不一致"),
                    detail: LocalizedText(
                        en: "\(items.map(\.en).joined(separator: "; ")). The record gives no time of day, so neither reading is the later: the scores take the worse of each item. If one report replaces the other (a final after a preliminary, one study entered twice), keep that one.",
                        zh: "\(items.map(\.zh).joined(separator: "；"))。病历未记录时间，无法判断哪份在后：评分对每一项取较重者。如一份报告取代另一份（正式报告取代初步报告，或同一检查重复录入），请只保留该份。"),
                    inputs: [FindingInput("studies", ids.joined(separator: ","))],
                    sources: [Self.sourceHospital]))
            }
        }
        return findings
    }
}
