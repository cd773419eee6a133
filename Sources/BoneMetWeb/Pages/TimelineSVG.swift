import Foundation
import BoneMetDomain

/// The case timeline as server-rendered SVG (prints and works without JavaScript): treatment
/// bars, imaging studies with the MDA response of each time point, one size curve per lesion
/// (product of perpendicular diameters), and tumour markers relative to their upper limit.
struct TimelineSVG {
    let record: CaseRecord
    let assessment: Assessment
    let language: AppLanguage

    static let width = 1000.0
    static let left = 150.0
    static let right = 20.0

    func render() -> String {
        let dates = record.studies.map(\.date.earliestDay) + record.treatments.compactMap { $0.start?.earliestDay }
            + record.treatments.compactMap { $0.end?.latestDay } + record.labs.map(\.date.earliestDay)
        guard let first = dates.min(), let lastFact = dates.max() else { return "" }
        let last = max(lastFact, min(assessment.asOf.earliestDay, lastFact + 60))
        let span = Double(max(last - first, 30))
        let plot = Self.width - Self.left - Self.right
        func x(_ day: Int) -> Double { Self.left + Double(day - first) / span * plot }

        var rows: [String] = []
        var y = 34.0
        // Axis: one tick per month or per year depending on the span.
        var axis: [String] = []
        let startDate = PartialDate(dayNumber: first)
        var tick = PartialDate(year: startDate.year, month: startDate.month ?? 1, day: 1) ?? startDate
        let yearly = span > 3 * 365
        while tick.earliestDay <= last {
            if tick.earliestDay >= first {
                let tx = x(tick.earliestDay)
                axis.append(#"<line x1="\#(f(tx))" y1="20" x2="\#(f(tx))" y2="HEIGHT" class="grid"/><text x="\#(f(tx + 2))" y="14" class="tick">\#(yearly ? String(tick.year) : String(tick.description.prefix(7)))</text>"#)
            }
            let month = (tick.month ?? 1) + (yearly ? 12 : 1)
            tick = PartialDate(year: tick.year + (month - 1) / 12, month: (month - 1) % 12 + 1, day: 1) ?? PartialDate(dayNumber: last + 1)
        }

        rows.append(section(TimelineTexts.treatments(language), y: &y))
        for treatment in record.treatments.sorted(by: { ($0.start?.earliestDay ?? 0) < ($1.start?.earliestDay ?? 0) }) {
            guard let start = treatment.start else { continue }
            // Open-ended treatments run to the end of the axis; a planned one is a short marker.
            let end = treatment.end?.latestDay ?? (treatment.kind == .surgery || treatment.planned ? start.earliestDay + 7 : last)
            let x1 = x(start.earliestDay)
            let x2 = max(x(end), x1 + 4)
            let label = treatment.name ?? treatment.agent?.label(language) ?? treatment.procedure?.label(language) ?? treatment.kind.label(language)
            rows.append(#"<text x="4" y="\#(f(y + 12))" class="label">\#(esc(String(label.prefix(24))))</text><rect x="\#(f(x1))" y="\#(f(y + 2))" width="\#(f(x2 - x1))" height="14" rx="3" class="bar \#(treatment.kind.rawValue)\#(treatment.planned ? " planned" : "")"><title>\#(esc(treatment.label(language)))</title></rect>"#)
            y += 20
        }

        rows.append(section(TimelineTexts.imaging(language), y: &y))
        let responses = Dictionary(assessment.timePoints.map { ($0.study, $0.overall) }, uniquingKeysWith: { first, _ in first })
        for study in record.studies where study.date.earliestDay <= last {
            let sx = x(study.date.earliestDay)
            let code = Self.modalityCode(study.modality)
            rows.append(#"<circle cx="\#(f(sx))" cy="\#(f(y + 12))" r="5" class="study \#(study.modality.rawValue)"><title>\#(esc(study.label(language)))</title></circle><text x="\#(f(sx + 6))" y="\#(f(y + 16))" class="small">\#(code)</text>"#)
            if let overall = responses[study.id] {
                rows.append(#"<text x="\#(f(sx - 8))" y="\#(f(y + 2))" class="response \#(overall.rawValue)">\#(overall.rawValue)</text>"#)
            }
        }
        y += 30

        let measured = record.lesions.sorted { $0.id < $1.id }.compactMap { lesion -> (Lesion, [(Int, Double)])? in
            let points = record.studies.filter { $0.modality.isAnatomic && $0.date.earliestDay <= last }
                .compactMap { study in study.observation(of: lesion.id).flatMap { obs in obs.present ? obs.product.map { (study.date.earliestDay, $0) } : (study.date.earliestDay, 0) } }
                .sorted { $0.0 < $1.0 }
            return points.count >= 1 && points.contains(where: { $0.1 > 0 }) ? (lesion, points) : nil
        }
        if !measured.isEmpty { rows.append(section(TimelineTexts.lesions(language), y: &y)) }
        for (lesion, points) in measured {
            rows.append(curve(label: lesion.label(language), points: points, y: y, x: x, reference: nil, unit: "mm²"))
            y += 46
        }

        let markers = Dictionary(grouping: record.labs.filter { $0.test.isTumourMarker && $0.upperLimit != nil }, by: \.test)
        if !markers.isEmpty { rows.append(section(TimelineTexts.markers(language), y: &y)) }
        for test in markers.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            let values = (markers[test] ?? []).sorted { $0.date < $1.date }.compactMap { lab in lab.upperLimit.map { (lab.date.earliestDay, lab.value / max($0, 0.0001)) } }
            rows.append(curve(label: test.label(language), points: values, y: y, x: x, reference: 1.0, unit: "× ULN"))
            y += 46
        }

        let height = y + 8
        let svgAxis = axis.joined().replacingOccurrences(of: "HEIGHT", with: f(height - 4))
        return #"""
            <svg class="timeline" viewBox="0 0 \#(f(Self.width)) \#(f(height))" role="img" aria-label="\#(esc(TimelineTexts.title(language)))" xmlns="http://www.w3.org/2000/svg"><style>.grid{stroke:#eee}.tick{font-size:10px;fill:#666}.label{font-size:11px;fill:#222}.small{font-size:9px;fill:#555}.section{font-size:11px;font-weight:700;fill:#0f3b57}.bar.systemic{fill:#3b7dd8}.bar.radiotherapy{fill:#8e44ad}.bar.surgery{fill:#c0392b}.bar.boneModifyingAgent{fill:#27ae60}.bar.planned{fill-opacity:.35;stroke-dasharray:3 2;stroke:#333}.study{fill:#fff;stroke:#0f3b57;stroke-width:2}.response{font-size:10px;font-weight:700}.response.PD{fill:#b00020}.response.PR,.response.CR{fill:#1e7d32}.response.SD{fill:#555}.curve{fill:none;stroke:#0f3b57;stroke-width:1.5}.ref{stroke:#b35c00;stroke-dasharray:4 3}.dot{fill:#0f3b57}</style>\#(svgAxis)\#(rows.joined())</svg>
            """#
    }

    private func section(_ title: String, y: inout Double) -> String {
        defer { y += 18 }
        return #"<text x="4" y="\#(f(y + 12))" class="section">\#(esc(title))</text>"#
    }

    private func curve(label: String, points: [(Int, Double)], y: Double, x: (Int) -> Double, reference: Double?, unit: String) -> String {
        let top = max(points.map(\.1).max() ?? 1, reference ?? 0) * 1.1
        func py(_ value: Double) -> Double { y + 38 - value / max(top, 0.0001) * 34 }
        var svg = #"<text x="4" y="\#(f(y + 22))" class="label">\#(esc(String(label.prefix(24))))</text>"#
        if let reference {
            svg += #"<line x1="\#(f(Self.left))" y1="\#(f(py(reference)))" x2="\#(f(Self.width - Self.right))" y2="\#(f(py(reference)))" class="ref"/>"#
        }
        let path = points.map { "\(f(x($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
        svg += #"<polyline points="\#(path)" class="curve"/>"#
        for point in points {
            let value = (point.1 * 10).rounded() / 10
            svg += #"<circle cx="\#(f(x(point.0)))" cy="\#(f(py(point.1)))" r="2.5" class="dot"><title>\#(PartialDate(dayNumber: point.0)) \#(value) \#(unit)</title></circle>"#
        }
        return svg
    }

    static func modalityCode(_ modality: Modality) -> String {
        switch modality {
        case .xray: "X"
        case .ct: "CT"
        case .mri: "MR"
        case .boneScan: "BS"
        case .petCt: "PET"
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
    static let imaging = LocalizedText(en: "Imaging (MDA response)", zh: "影像（MDA 疗效）")
    static let lesions = LocalizedText(en: "Lesion size", zh: "病灶大小")
    static let markers = LocalizedText(en: "Tumour markers (× ULN)", zh: "肿瘤标志物（× 正常上限）")
    static let all = [title, treatments, imaging, lesions, markers]
}
