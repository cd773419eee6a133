import Foundation
import BoneMetDomain

/// The case timeline as server-rendered SVG (prints and works without JavaScript, issue #10):
/// a date axis above and below; intervals without treatment shaded and labelled; treatment bars
/// with their full names (wrapped, never cut), doses and stop reasons; imaging studies (close
/// ones spread onto lanes, each a link to the image viewer when one is configured) with the MDA
/// response at the study and a bracket over the window it is attributed to; one size curve per
/// lesion and tumour markers relative to their upper limit, with the value at every point; and
/// a legend. On a phone the picture keeps a minimum width and scrolls sideways (the scrolling
/// region is focusable, so keyboard users can scroll it too — WCAG 2.1.1).
struct TimelineSVG {
    let record: CaseRecord
    let assessment: Assessment
    let language: AppLanguage
    var viewer = ViewerLinks(template: nil)

    static let width = 1000.0
    static let left = 200.0
    static let right = 24.0
    /// Label column: characters per line (a CJK character counts two).
    static let labelColumns = 30
    static let lineHeight = 12.0

    func render() -> String {
        // The doses drawn as ticks are facts too: a denosumab course's doses of October and
        // November past the last MRI of July fell off the axis (cb100-k, 2026-12-06).
        let dates = record.studies.map(\.date.earliestDay) + record.treatments.compactMap { $0.start?.earliestDay }
            + record.treatments.compactMap { $0.end?.latestDay } + record.labs.map(\.date.earliestDay)
            + record.treatments.flatMap { $0.doses.map(\.earliestDay) } + record.diseaseStatus.map(\.date.earliestDay)
        guard let first = dates.min(), let lastFact = dates.max() else { return "" }
        let last = max(lastFact, min(assessment.asOf.earliestDay, lastFact + 60))
        let span = Double(max(last - first, 30))
        let plot = Self.width - Self.left - Self.right
        func x(_ day: Int) -> Double { Self.left + Double(min(max(day, first), last) - first) / span * plot }

        var rows: [String] = []
        var y = 30.0

        // Treatments: full names wrapped in the label column; doses as ticks; a stop reason at the end.
        rows.append(section(TimelineTexts.treatments(language), y: &y))
        // Cycles of one regimen entered as rows of their own are one bar, named as the rules read them.
        let regimens = record.regimensJoined(gapDays: assessment.settings.regimenGapDays)
        let treatmentNames = Dictionary(regimens.map { ($0.id, name(of: $0)) }, uniquingKeysWith: { first, _ in first })
        // A bone-modifying agent typed as a systemic therapy ("唑来膦酸 4mg q4w") is drawn as the
        // bone agent the rules read it as (their advisory asks the record to say so).
        let readAsBoneAgents = Set(assessment.findings.filter { $0.ruleId == "boneAgents.recordedAsSystemic" }.compactMap(\.subject.id))
        for treatment in regimens.sorted(by: { ($0.start?.earliestDay ?? 0, $0.id) < ($1.start?.earliestDay ?? 0, $1.id) }) {
            guard let start = treatment.start else { continue }
            let lines = Self.wrap(treatmentNames[treatment.id] ?? "", columns: Self.labelColumns)
            let height = max(20, Double(lines.count) * Self.lineHeight + 8)
            // Open-ended treatments run to the end of the axis; surgery and a planned one are short
            // markers; a radiotherapy course without its end lasts its fractions (`effectiveEnd`).
            let recordedEnd = treatment.kind == .radiotherapy ? treatment.effectiveEnd : treatment.end
            let end = recordedEnd.map { min($0.latestDay, last) } ?? (treatment.kind == .surgery || treatment.planned ? start.earliestDay + 7 : last)
            let x1 = x(start.earliestDay)
            let x2 = max(x(end), x1 + 4)
            let barY = y + (height - 14) / 2
            var row = label(lines, y: y + 12)
            row += #"<rect x="\#(f(x1))" y="\#(f(barY))" width="\#(f(x2 - x1))" height="14" rx="3" class="bar \#(readAsBoneAgents.contains(treatment.id) ? TreatmentKind.boneModifyingAgent.rawValue : treatment.kind.rawValue)\#(treatment.planned ? " planned" : "")"><title>\#(esc(treatment.label(language)))</title></rect>"#
            for dose in treatment.doses where dose.earliestDay <= last {
                row += #"<line x1="\#(f(x(dose.earliestDay)))" y1="\#(f(barY - 2))" x2="\#(f(x(dose.earliestDay)))" y2="\#(f(barY + 16))" class="dose"><title>\#(esc(TimelineTexts.dose(language))) \#(dose)</title></line>"#
            }
            if let reason = treatment.stopReason, let ended = treatment.end {
                let text = "\(TimelineTexts.stopped(language))\(language == .zhHans ? "：" : ": ")\(CaseFieldLabels.value(reason.rawValue, key: "stopReason", in: "treatment")?(language) ?? reason.rawValue)"
                let ex = x(ended.latestDay)
                let anchorEnd = ex > Self.width - Self.right - 150
                row += #"<text x="\#(f(ex))" y="\#(f(barY + 11))" class="stop" text-anchor="middle">✕</text><text x="\#(f(anchorEnd ? ex - 8 : ex + 8))" y="\#(f(barY + 11))" class="stop-label"\#(anchorEnd ? #" text-anchor="end""# : "")>\#(esc(text))</text>"#
            }
            rows.append(row)
            y += height
        }

        // Imaging: studies on lanes so that close ones never overlap; the response at the study.
        y += 4
        rows.append(section(TimelineTexts.imaging(language), y: &y))
        let responses = Dictionary(assessment.timePoints.map { ($0.study, $0) }, uniquingKeysWith: { first, _ in first })
        var laneEnds: [Double] = []
        var placed: [(study: ImagingStudy, x: Double, lane: Int)] = []
        for study in record.studies.filter({ $0.date.earliestDay <= last }).sorted(by: { ($0.date.earliestDay, $0.id) < ($1.date.earliestDay, $1.id) }) {
            let sx = x(study.date.earliestDay)
            let lane = laneEnds.firstIndex { $0 + 34 <= sx } ?? laneEnds.count
            if lane == laneEnds.count { laneEnds.append(sx) } else { laneEnds[lane] = sx }
            placed.append((study, sx, lane))
        }
        let laneHeight = 30.0
        for (study, sx, lane) in placed {
            let cy = y + 16 + Double(lane) * laneHeight
            var mark = #"<circle cx="\#(f(sx))" cy="\#(f(cy))" r="5" class="study \#(study.modality.rawValue)\#(viewer.url([study]) == nil ? "" : " linked")"><title>\#(esc(study.label(language)))</title></circle><text x="\#(f(sx + 7))" y="\#(f(cy + 4))" class="small">\#(Self.modalityCode(study.modality, language))</text>"#
            if let point = responses[study.id] {
                mark += #"<text x="\#(f(sx))" y="\#(f(cy - 8))" class="response \#(point.overall.rawValue)" text-anchor="middle">\#(point.overall.rawValue)</text>"#
            }
            if let url = viewer.url([study]) {
                mark = #"<a href="\#(esc(url))" target="_blank" rel="noreferrer noopener" class="viewer-link"><title>\#(esc(TimelineTexts.openViewer(language))): \#(esc(study.label(language)))</title>\#(mark)</a>"#
            }
            rows.append(mark)
        }
        y += 16 + Double(max(laneEnds.count, 1)) * laneHeight - 8

        // The disease status the EHR recorded (mCODE), beside the imaging: a regimen stopped for
        // "progression" after a recorded worsening outside bone rests on it (cb118-k) — the
        // clinician sees the two on one axis. Its words at the mark, what it rests on in its title.
        let statuses = record.diseaseStatus.filter { $0.date.earliestDay <= last }.sorted { $0.date.earliestDay < $1.date.earliestDay }
        if !statuses.isEmpty {
            rows.append(section(TimelineTexts.diseaseStatus(language), y: &y))
            var statusLanes: [Double] = []
            for row in statuses {
                let sx = x(row.date.earliestDay)
                let text = CaseFieldLabels.value(row.status.rawValue, key: "status", in: "diseaseStatus")?(language) ?? row.status.rawValue
                let width = Double(Self.columns(text)) * 5.5 + 14
                let lane = statusLanes.firstIndex { $0 <= sx } ?? statusLanes.count
                if lane == statusLanes.count { statusLanes.append(sx + width) } else { statusLanes[lane] = sx + width }
                let cy = y + 10 + Double(lane) * 18
                let tip = "\(row.date) \(text)" + (row.evidence.map { language == .zhHans ? "（\($0)）" : " (\($0))" } ?? "")
                rows.append(#"<g><title>\#(esc(tip))</title><path d="M\#(f(sx)) \#(f(cy - 5)) l5 5 l-5 5 l-5 -5 z" class="status \#(row.status.rawValue)"/><text x="\#(f(sx + 8))" y="\#(f(cy + 4))" class="status-label \#(row.status.rawValue)">\#(esc(text))</text></g>"#)
            }
            y += 8 + Double(max(statusLanes.count, 1)) * 18
        }

        // Responses inside the window they are attributed to (previous study → this study).
        let points = assessment.timePoints.filter { $0.to.earliestDay <= last }.sorted { ($0.to.earliestDay, $0.study) < ($1.to.earliestDay, $1.study) }
        if !points.isEmpty {
            rows.append(section(TimelineTexts.attributed(language), y: &y))
            for point in points {
                let x1 = x(point.from.earliestDay), x2 = max(x(point.to.earliestDay), x1 + 2)
                let who = point.untreated
                    ? TimelineTexts.untreated(language)
                    : point.treatments.compactMap { treatmentNames[$0] }.joined(separator: language == .zhHans ? "、" : ", ")
                let text = "\(point.overall.rawValue) · \(who)"
                let lines = Self.wrap(text, columns: Self.labelColumns)
                let height = max(18, Double(lines.count) * Self.lineHeight + 6)
                rows.append(
                    label(lines, y: y + 11)
                        + #"<path d="M\#(f(x1)) \#(f(y + 4)) v6 H\#(f(x2)) v-6" class="window \#(point.overall.rawValue)"><title>\#(esc(point.overall.label(language))) \#(point.from)–\#(point.to)</title></path>"#)
                y += height
            }
        }

        // Lesion size and tumour markers, the value written at every point.
        let measured = record.lesions.sorted { $0.id < $1.id }.compactMap { lesion -> (Lesion, [(Int, Double)])? in
            let points = record.studies.filter { $0.modality.isAnatomic && $0.date.earliestDay <= last }
                .compactMap { study in study.observation(of: lesion.id).flatMap { obs in obs.present ? obs.product.map { (study.date.earliestDay, $0) } : (study.date.earliestDay, 0) } }
                .sorted { $0.0 < $1.0 }
            return points.contains(where: { $0.1 > 0 }) ? (lesion, points) : nil
        }
        if !measured.isEmpty {
            y += 4
            rows.append(section(TimelineTexts.lesions(language), y: &y))
        }
        for (lesion, points) in measured {
            rows.append(curve(label: lesion.label(language), points: points, y: y, x: x, reference: nil, unit: "mm²"))
            y += 56
        }
        let markers = Dictionary(grouping: record.labs.filter { $0.test.isTumourMarker && $0.upperLimit != nil }, by: \.test)
        if !markers.isEmpty { rows.append(section(TimelineTexts.markers(language), y: &y)) }
        for test in markers.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            let values = (markers[test] ?? []).sorted { $0.date < $1.date }.compactMap { lab in lab.upperLimit.map { (lab.date.earliestDay, lab.value / max($0, 0.0001)) } }
            rows.append(curve(label: test.label(language), points: values, y: y, x: x, reference: 1.0, unit: TimelineTexts.uln(language)))
            y += 56
        }

        // Axis ticks: years for long spans, quarters or months otherwise; labels top and bottom.
        let bottom = y + 4
        var axis: [String] = []
        let months = span > 4 * 365 ? 12 : span > 18 * 30 ? 3 : 1
        let startDate = PartialDate(dayNumber: first)
        var tick = PartialDate(year: startDate.year, month: months == 12 ? 1 : ((startDate.month ?? 1) - 1) / months * months + 1, day: 1) ?? startDate
        while tick.earliestDay <= last {
            if tick.earliestDay >= first {
                let tx = x(tick.earliestDay)
                let text = months == 12 ? String(tick.year) : String(tick.description.prefix(7))
                axis.append(#"<line x1="\#(f(tx))" y1="18" x2="\#(f(tx))" y2="\#(f(bottom))" class="grid"/><text x="\#(f(tx))" y="13" class="tick" text-anchor="middle">\#(text)</text><text x="\#(f(tx))" y="\#(f(bottom + 12))" class="tick" text-anchor="middle">\#(text)</text>"#)
            }
            let month = (tick.month ?? 1) + months
            tick = PartialDate(year: tick.year + (month - 1) / 12, month: (month - 1) % 12 + 1, day: 1) ?? PartialDate(dayNumber: last + 1)
        }

        // Untreated intervals (the rules' attribution: no treatment active), shaded behind everything.
        var shading: [String] = []
        for point in points where point.untreated {
            let x1 = x(point.from.earliestDay), x2 = x(point.to.earliestDay)
            guard x2 - x1 >= 2 else { continue }
            shading.append(#"<rect x="\#(f(x1))" y="18" width="\#(f(x2 - x1))" height="\#(f(bottom - 18))" class="untreated"><title>\#(esc(TimelineTexts.untreated(language))) \#(point.from)–\#(point.to)</title></rect>"#)
            if x2 - x1 >= 70 {
                shading.append(#"<text x="\#(f((x1 + x2) / 2))" y="\#(f(bottom - 4))" class="untreated-label" text-anchor="middle">\#(esc(TimelineTexts.untreated(language)))</text>"#)
            }
        }

        let legendY = bottom + 34
        let legend = legendNode(y: legendY)
        let height = legendY + 40
        return #"""
            <div class="timeline-wrap" tabindex="0" role="region" aria-label="\#(esc(TimelineTexts.title(language)))"><svg class="timeline" viewBox="0 0 \#(f(Self.width)) \#(f(height))" role="img" aria-label="\#(esc(TimelineTexts.title(language)))" xmlns="http://www.w3.org/2000/svg"><style>\#(Self.style)</style>\#(shading.joined())\#(axis.joined())\#(rows.joined())\#(legend)</svg></div>
            """#
    }

    static let style = "text{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif}.grid{stroke:#e6e6e6}.tick{font-size:10px;fill:#555}.label{font-size:11px;fill:#222}.small{font-size:9px;fill:#444}.value{font-size:9px;fill:#0f3b57}.section{font-size:11px;font-weight:700;fill:#0f3b57}.bar.systemic{fill:#3b7dd8}.bar.radiotherapy{fill:#8e44ad}.bar.surgery{fill:#c0392b}.bar.boneModifyingAgent{fill:#27ae60}.bar.planned{fill-opacity:.35;stroke-dasharray:3 2;stroke:#333}.dose{stroke:#14532d;stroke-width:1.5}.stop{font-size:12px;font-weight:700;fill:#b00020}.stop-label{font-size:10px;fill:#b00020}.study{fill:#fff;stroke:#0f3b57;stroke-width:2}.study.linked{fill:#dbeafe}.response{font-size:10px;font-weight:700}.response.PD{fill:#b00020}.response.PR,.response.CR{fill:#1e7d32}.response.SD,.response.NE{fill:#555}.window{fill:none;stroke-width:2}.window.PD{stroke:#b00020}.window.PR,.window.CR{stroke:#1e7d32}.window.SD,.window.NE{stroke:#777}.untreated{fill:#f3f3f3}.untreated-label{font-size:10px;fill:#666;font-style:italic}.curve{fill:none;stroke:#0f3b57;stroke-width:1.5}.ref{stroke:#b35c00;stroke-dasharray:4 3}.dot{fill:#0f3b57}.legend{font-size:10px;fill:#333}.status{fill:#777}.status.worsened{fill:#b00020}.status.improved,.status.fullRemission,.status.partialRemission{fill:#1e7d32}.status-label{font-size:10px;fill:#444}.status-label.worsened{fill:#b00020}"

    /// The legend: treatment kinds, untreated shading, study marks and response colours.
    private func legendNode(y: Double) -> String {
        var items: [(String, String)] = [
            (#"<rect width="14" height="10" rx="2" class="bar systemic"/>"#, TreatmentKind.systemic.label(language)),
            (#"<rect width="14" height="10" rx="2" class="bar radiotherapy"/>"#, TreatmentKind.radiotherapy.label(language)),
            (#"<rect width="14" height="10" rx="2" class="bar surgery"/>"#, TreatmentKind.surgery.label(language)),
            (#"<rect width="14" height="10" rx="2" class="bar boneModifyingAgent"/>"#, TreatmentKind.boneModifyingAgent.label(language)),
            (#"<rect width="14" height="10" rx="2" class="bar systemic planned"/>"#, TimelineTexts.planned(language)),
            (##"<rect width="14" height="10" class="untreated" stroke="#ccc"/>"##, TimelineTexts.untreated(language)),
            (#"<circle cx="7" cy="5" r="4" class="study"/>"#, TimelineTexts.study(language)),
        ]
        if viewer.template != nil { items.append((#"<circle cx="7" cy="5" r="4" class="study linked"/>"#, TimelineTexts.openViewer(language))) }
        items.append((#"<text x="7" y="9" class="stop" text-anchor="middle">✕</text>"#, TimelineTexts.stopped(language)))
        var svg = ""
        var lx = 4.0, ly = y
        for (mark, text) in items {
            let width = 24 + Double(Self.columns(text)) * 5.6 + 14
            if lx + width > Self.width - Self.right { lx = 4; ly += 16 }
            svg += #"<g transform="translate(\#(f(lx)),\#(f(ly - 9)))">\#(mark)</g><text x="\#(f(lx + 20))" y="\#(f(ly))" class="legend">\#(esc(text))</text>"#
            lx += width
        }
        let responses = MDA.Category.allCases.map { "\($0.label(language))" }.joined(separator: language == .zhHans ? "；" : "; ")
        svg += #"<text x="4" y="\#(f(ly + 16))" class="legend">\#(esc(TimelineTexts.responseKey(language)))\#(language == .zhHans ? "：" : ": ")\#(esc(responses))</text>"#
        return svg
    }

    private func name(of treatment: Treatment) -> String { treatment.displayName(language) }

    private func section(_ title: String, y: inout Double) -> String {
        defer { y += 18 }
        return #"<text x="4" y="\#(f(y + 12))" class="section">\#(esc(title))</text>"#
    }

    private func label(_ lines: [String], y: Double) -> String {
        lines.enumerated().map { index, line in
            #"<text x="4" y="\#(f(y + Double(index) * Self.lineHeight))" class="label">\#(esc(line))</text>"#
        }.joined()
    }

    private func curve(label text: String, points: [(Int, Double)], y: Double, x: (Int) -> Double, reference: Double?, unit: String) -> String {
        let top = max(points.map(\.1).max() ?? 1, reference ?? 0) * 1.15
        func py(_ value: Double) -> Double { y + 48 - value / max(top, 0.0001) * 36 }
        var svg = label(Self.wrap(language == .zhHans ? "\(text)（\(unit)）" : "\(text) (\(unit))", columns: Self.labelColumns), y: y + 22)
        if let reference {
            svg += #"<line x1="\#(f(Self.left))" y1="\#(f(py(reference)))" x2="\#(f(Self.width - Self.right))" y2="\#(f(py(reference)))" class="ref"/>"#
        }
        let path = points.map { "\(f(x($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
        svg += #"<polyline points="\#(path)" class="curve"/>"#
        var lastLabelX = -100.0
        for point in points {
            let value = Self.number(point.1)
            let px = x(point.0)
            svg += #"<circle cx="\#(f(px))" cy="\#(f(py(point.1)))" r="2.5" class="dot"><title>\#(PartialDate(dayNumber: point.0)) \#(value) \#(unit)</title></circle>"#
            // Values at every point; one that would overprint its neighbour goes below the curve.
            let below = px - lastLabelX < 28
            svg += #"<text x="\#(f(px))" y="\#(f(below ? py(point.1) + 11 : py(point.1) - 5))" class="value" text-anchor="middle">\#(value)</text>"#
            if !below { lastLabelX = px }
        }
        return svg
    }

    /// A value as clinicians read it: whole numbers above 100, one decimal below, two below 1.
    static func number(_ value: Double) -> String {
        let digits = value >= 100 ? 0 : value >= 1 ? 1 : 2
        let scale = pow(10.0, Double(digits))
        let rounded = (value * scale).rounded() / scale
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(describing: rounded)
    }

    /// Width in columns: a CJK (or other wide) character counts two.
    static func columns(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }

    /// Wraps a label into lines of at most `columns` (at spaces where there are any; CJK text
    /// anywhere). Nothing is dropped: every character of the text is on some line.
    static func wrap(_ text: String, columns limit: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var width = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let wordWidth = columns(word)
            if width > 0 && width + 1 + wordWidth <= limit {
                line += " " + word
                width += 1 + wordWidth
                continue
            }
            if width > 0 {
                lines.append(line)
                line = ""
                width = 0
            }
            // A word longer than a line (a long drug name, CJK text) is broken by character.
            for character in word {
                let w = columns(String(character))
                if width + w > limit && !line.isEmpty {
                    lines.append(line)
                    line = ""
                    width = 0
                }
                line.append(character)
                width += w
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// The mark beside a study on the chart: Chinese clinicians read X线 and ECT, not X and BS.
    static func modalityCode(_ modality: Modality, _ language: AppLanguage = .en) -> String {
        switch (modality, language) {
        case (.xray, .zhHans): "X线"
        case (.xray, _): "X"
        case (.ct, _): "CT"
        case (.mri, .zhHans): "MRI"
        case (.mri, _): "MR"
        case (.boneScan, .zhHans): "ECT"
        case (.boneScan, _): "BS"
        case (.petCt, _): "PET"
        }
    }

    private func f(_ value: Double) -> String { String(format2: value) }

    private func esc(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

private extension String {
    /// One decimal, enough for SVG coordinates.
    init(format2 value: Double) {
        let rounded = (value * 10).rounded() / 10
        self = rounded == rounded.rounded() ? String(Int(rounded)) : String(describing: rounded)
    }
}

enum TimelineTexts {
    static let title = LocalizedText(en: "Timeline: treatments, imaging, lesion size, tumour markers", zh: "时间轴：治疗、影像、病灶大小、肿瘤标志物")
    static let treatments = LocalizedText(en: "Treatments", zh: "治疗")
    static let imaging = LocalizedText(en: "Imaging (MDA response at each study)", zh: "影像（各次检查的 MDA 疗效）")
    static let attributed = LocalizedText(en: "Response windows and the treatment they are attributed to", zh: "疗效评价区间及其归因治疗")
    static let lesions = LocalizedText(en: "Lesion size", zh: "病灶大小")
    static let markers = LocalizedText(en: "Tumour markers (× ULN)", zh: "肿瘤标志物（× 正常上限）")
    static let untreated = LocalizedText(en: "no treatment", zh: "无治疗期")
    static let stopped = LocalizedText(en: "stopped", zh: "停用")
    static let dose = LocalizedText(en: "dose given", zh: "给药")
    static let planned = LocalizedText(en: "planned", zh: "计划中")
    static let study = LocalizedText(en: "imaging study", zh: "影像检查")
    static let openViewer = LocalizedText(en: "open in the image viewer", zh: "在阅片器中打开")
    static let responseKey = LocalizedText(en: "MDA response", zh: "MDA 疗效")
    static let uln = LocalizedText(en: "× ULN", zh: "× 正常上限")
    static let diseaseStatus = LocalizedText(en: "Disease status recorded in the EHR", zh: "电子病历记录的疾病状态")
    static let all = [uln, title, treatments, imaging, attributed, lesions, markers, untreated, stopped, dose, planned, study, openViewer, responseKey, diseaseStatus]
}
