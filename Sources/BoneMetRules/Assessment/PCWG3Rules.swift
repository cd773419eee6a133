/// PCWG3 bone-scan progression for prostate cancer, the "2+2" rule (Scher HI et al. J Clin
/// Oncol 2016;34:1402-18): ≥ 2 new lesions on the first post-baseline scan are unconfirmed until
/// a scan ≥ 6 weeks later shows ≥ 2 more (progression then dates from the first scan), else it
/// was flare; on later scans, ≥ 2 new lesions against the first post-baseline scan that persist
/// ≥ 6 weeks later are progression.
struct PCWG3Rules {
    let index: CaseIndex

    static let source = Citation(id: "scher2016", text: "Scher HI et al. J Clin Oncol 2016;34:1402-18 (PCWG3)")
    static let newLesionsNeeded = 2
    static let confirmationDays = 6 * 7

    func findings() -> [Finding] {
        guard index.knownPrimaries.contains(where: { $0.site == .prostate }) else { return [] }
        let scans = index.studies.filter { $0.modality == .boneScan }
        var findings: [Finding] = []
        for therapy in index.systemicTherapies {
            guard let start = therapy.start,
                let baseline = scans.last(where: { $0.date.earliestDay <= start.latestDay }),
                let firstIndex = scans.firstIndex(where: { $0.date.earliestDay > start.latestDay })
            else { continue }
            let first = scans[firstIndex]
            let later = Array(scans[(firstIndex + 1)...])
            let onFirst = newLesions(on: first, against: baseline)
            if onFirst.count >= Self.newLesionsNeeded {
                let confirmation = later.first { first.date.days(to: $0.date) >= Self.confirmationDays }
                findings.append(firstScanFinding(therapy, first, onFirst.count, confirmation: confirmation))
            }
            for scan in later {
                let new = newLesions(on: scan, against: first)
                guard new.count >= Self.newLesionsNeeded else { continue }
                let confirmation = later.first { scan.date.days(to: $0.date) >= Self.confirmationDays }
                let persisting = confirmation.map { check in new.filter { check.observation(of: $0)?.present == true } }
                findings.append(laterScanFinding(therapy, scan, new.count, confirmation: confirmation, persisting: persisting?.count))
                break
            }
        }
        return findings
    }

    /// Named lesions seen on `scan` and not on `reference`, plus lesions the scan reports unnamed.
    private func newLesions(on scan: ImagingStudy, against reference: ImagingStudy) -> [String] {
        let named = scan.observations.filter { $0.present && reference.observation(of: $0.lesion)?.present != true }.map(\.lesion)
        return named + (0..<(scan.unnamedNewLesions ?? 0)).map { "\(scan.id)#\($0 + 1)" }
    }

    private func firstScanFinding(_ therapy: Treatment, _ scan: ImagingStudy, _ count: Int, confirmation: ImagingStudy?) -> Finding {
        let title: LocalizedText
        let detail: LocalizedText
        var severity = Severity.advisory
        if let confirmation {
            let more = newLesions(on: confirmation, against: scan).count
            if more >= Self.newLesionsNeeded {
                severity = .warning
                title = LocalizedText(
                    en: "Bone-scan progression confirmed (PCWG3 2+2), dated to \(scan.date)",
                    zh: "骨扫描进展已确认（PCWG3 2+2），进展日期为 \(scan.date)")
                detail = LocalizedText(
                    en: "\(count) new lesions on the first scan after starting \(therapy.label.en), and \(more) more on \(confirmation.date) (≥ 6 weeks later).",
                    zh: "开始 \(therapy.label.zhHans) 后首次骨扫描见 \(count) 处新病灶，\(confirmation.date)（≥6 周后）又见 \(more) 处。")
            } else {
                severity = .info
                title = LocalizedText(
                    en: "New lesions on the first post-baseline bone scan were flare, not progression (PCWG3)",
                    zh: "首次基线后骨扫描的新病灶为闪烁现象，而非进展（PCWG3）")
                detail = LocalizedText(
                    en: "\(count) new lesions on \(scan.date), but fewer than 2 more on the confirmatory scan of \(confirmation.date).",
                    zh: "\(scan.date) 见 \(count) 处新病灶，但 \(confirmation.date) 的确认扫描新增少于 2 处。")
            }
        } else {
            title = LocalizedText(
                en: "Unconfirmed: \(count) new lesions on the first bone scan after starting therapy (PCWG3)",
                zh: "待确认：开始治疗后首次骨扫描见 \(count) 处新病灶（PCWG3）")
            detail = LocalizedText(
                en: "Not progression yet: repeat the bone scan ≥ 6 weeks after \(scan.date); progression only if it shows ≥ 2 more new lesions (then dated to \(scan.date)). Otherwise it was flare.",
                zh: "尚不能判定进展：\(scan.date) 后 ≥6 周复查骨扫描；仅当再新增 ≥2 处病灶时判定进展（进展日期为 \(scan.date)），否则为闪烁现象。")
        }
        return Finding(
            ruleId: "boneHealth.pcwg3.firstScan", severity: severity, duty: .boneHealth, specialty: .orthopaedics,
            subject: .study(scan.id), date: scan.date, title: title, detail: detail,
            inputs: [FindingInput("therapy", therapy.id), FindingInput("newLesions", count.description)],
            sources: [Self.source])
    }

    private func laterScanFinding(_ therapy: Treatment, _ scan: ImagingStudy, _ count: Int, confirmation: ImagingStudy?, persisting: Int?) -> Finding {
        let confirmed = (persisting ?? 0) >= Self.newLesionsNeeded
        return Finding(
            ruleId: "boneHealth.pcwg3.laterScan", severity: confirmed ? .warning : .advisory, duty: .boneHealth,
            specialty: .orthopaedics, subject: .study(scan.id), date: scan.date,
            title: confirmed
                ? LocalizedText(en: "Bone-scan progression (PCWG3): ≥ 2 new lesions persisting ≥ 6 weeks", zh: "骨扫描进展（PCWG3）：≥2 处新病灶持续 ≥6 周")
                : LocalizedText(en: "\(count) new lesions against the first post-baseline scan: confirm ≥ 6 weeks later (PCWG3)", zh: "较首次基线后扫描新增 \(count) 处病灶：需 ≥6 周后确认（PCWG3）"),
            detail: LocalizedText(
                en: "Reference: the first post-baseline scan of \(therapy.label.en). \(confirmation.map { "Confirmatory scan \($0.date): \(persisting ?? 0) of them persist." } ?? "No confirmatory scan yet.")",
                zh: "参照：\(therapy.label.zhHans) 的首次基线后扫描。\(confirmation.map { "确认扫描 \($0.date)：其中 \(persisting ?? 0) 处持续存在。" } ?? "尚无确认扫描。")"),
            inputs: [FindingInput("therapy", therapy.id), FindingInput("newLesions", count.description)],
            sources: [Self.source])
    }
}
