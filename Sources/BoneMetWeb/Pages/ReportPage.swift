import BoneMetDomain
import BoneMetReports
import Foundation
import Plot

enum ReportTexts {
    static let fromReport = LocalizedText(en: "Readings from the report", zh: "从报告提取读片结果")
    static let paste = LocalizedText(en: "Radiology report of this study (paste or correct it)", zh: "本次检查的影像报告（粘贴或修改）")
    static let suggest = LocalizedText(en: "Suggest readings", zh: "提取建议")
    static let intro = LocalizedText(
        en: "Suggestions only: nothing enters the record until you accept it. Readings the report states are pre-selected; uncertain, historical and other-structure statements are not — check them against the images.",
        zh: "仅为建议：经您采纳后才写入病历。报告明确描述的结果已预先勾选；不确定、既往或描述其他结构的内容未勾选——请对照影像核对。")
    static let save = LocalizedText(en: "Save accepted readings and re-assess", zh: "保存已采纳的结果并重新评估")
    static let accept = LocalizedText(en: "accept", zh: "采纳")
    static let recordAs = LocalizedText(en: "Record as", zh: "记录为")
    static let newLesion = LocalizedText(en: "a new lesion", zh: "新病灶")
    static let existingLesion = LocalizedText(en: "lesion", zh: "已有病灶")
    static let words = LocalizedText(en: "words in the report", zh: "报告原文")
    static let infoOnly = LocalizedText(en: "for information — no record field", zh: "仅供参考——病历无对应字段")
    static let chooseValue = LocalizedText(en: "choose", zh: "请选择")
    static let nothing = LocalizedText(en: "No bone lesion is described in this report.", zh: "报告中未提取到骨病灶描述。")
    static let unavailable = LocalizedText(en: "Report reading is not available: its word lists could not be read. Tell the administrator.", zh: "报告提取不可用：词表无法读取，请联系管理员。")
    static let tooLong = LocalizedText(en: "The report is longer than 20 000 characters; paste the findings and impression only.", zh: "报告超过 20 000 字，请只粘贴“所见”和“印象”部分。")
    static let badValue = LocalizedText(en: "a value is not one BoneMet records", zh: "数值不是 BoneMet 可记录的值")
    static let coverage = LocalizedText(en: "This study covers", zh: "本次检查范围")
    static let windows = LocalizedText(en: "Windows read on this CT", zh: "本次 CT 阅片窗位")
    static let unnamedNew = LocalizedText(en: "New lesions the report counts without naming them", zh: "报告计数但未注明部位的新发病灶")
    static let notInWords = LocalizedText(
        en: "not in the report's words — a lesion on a bone scan is a focus of uptake: confirm it on the images",
        zh: "报告未明确描述——骨显像上的病灶即放射性浓聚灶：请对照影像确认")
    static let all = [fromReport, paste, suggest, intro, save, accept, recordAs, newLesion, existingLesion, words, infoOnly, chooseValue, nothing, unavailable, tooLong, badValue, coverage, windows, unnamedNew, notInWords]
}

/// How each suggested reading is written into a study's observation (ImagingStudy.swift).
enum ReportFields {
    enum Kind: Equatable {
        case boolean
        case values([String])
        case diameters
        case number
    }

    static let byField: [String: (key: String, kind: Kind)] = [
        "character": ("character", .values(["lytic", "blastic", "mixed"])),
        "diametersMm": ("diametersMm", .diameters),
        "softTissueMm": ("softTissueMm", .number),
        // "No soft-tissue mass" records 0 mm: RECIST measurability is then decided (not
        // measurable) rather than left unknown (rule set 2026.12.11 reads unknown as unknown).
        "softTissue": ("softTissueMm", .number),
        "destruction": ("boneDestruction", .boolean),
        "rim": ("scleroticRim", .boolean),
        "fracture": ("fracture", .boolean),
        "collapse": ("collapse", .values(["under50", "over50", "noCollapseOver50Involved", "none"])),
        "alignment": ("alignment", .values(["subluxation", "deNovoDeformity", "normal"])),
        "posterolateral": ("posterolateral", .values(["bilateral", "unilateral", "none"])),
        "escc": ("escc", .values(["0", "1a", "1b", "1c", "2", "3"])),
        "uptake": ("uptake", .boolean),
        "fillIn": ("fillIn", .values(["none", "partial", "complete"])),
        // Mirels's size item: the fraction (0–1) as written, or the class a bound states.
        "fractionOfDiameter": ("fractionOfDiameter", .number),
        "mirelsSize": ("mirelsSize", .values(["lessThanOneThird", "oneThirdToTwoThirds", "moreThanTwoThirds"])),
        // The giant-cell-tumour picture (epiphyseal, eccentric, lytic — DifferentialRules).
        "epiphyseal": ("epiphyseal", .boolean),
        "eccentric": ("eccentric", .boolean),
    ]

    /// The value the form starts with: the suggestion, when BoneMet can record it as it is.
    static func initial(_ reading: Reading) -> String {
        // A soft-tissue mass stated present has no size to record here; stated absent is 0 mm.
        if reading.field == "softTissue" { return reading.value == "false" ? "0" : "" }
        // The mass's size is one number in the record — its longest diameter, as RECIST 1.1 measures
        // it (≥ 10 mm makes a lytic lesion measurable): "伴软组织肿块约4.5cm×3.8cm" started the field at
        // "45, 38", which the form refused on saving (unseen CT report, 2026-12-06).
        if reading.field == "softTissueMm", reading.certainty != .negated {
            let numbers = reading.value.split(separator: "x").compactMap { Double($0) }
            return numbers.max().map(InputError.format) ?? ""
        }
        guard let kind = byField[reading.field]?.kind else { return reading.value }
        // Stated absent is the field's "none", where it has one — never the value denied: "no
        // epidural disease" started the form at ESCC 1a, "未见溶骨性破坏" at character lytic, "without
        // fill-in" at partial fill-in. A denied character, size or class records nothing.
        if reading.certainty == .negated, kind != .boolean {
            // A compression denied ("no cord compression", "未见脊髓受压") denies grades 2–3, not
            // epidural tumour: the grade is low (0–1c) and still to be read on axial T2 — ESCC 0
            // only where the epidural space itself is denied ("no epidural extension", the 1a it
            // denies). Started at 0, an ehr33 report with an epidural mass would have been
            // recorded as bone-only disease.
            if reading.field == "escc", reading.value != "1a" { return "" }
            guard case .values(let allowed) = kind, let none = Self.noneValue[reading.field], allowed.contains(none) else { return "" }
            return none
        }
        switch kind {
        case .boolean: return reading.value == "true" || reading.value == "false" ? reading.value : ""
        case .values(let allowed): return allowed.contains(reading.value) ? reading.value : ""
        case .diameters, .number: return reading.value.replacingOccurrences(of: "x", with: ", ")
        }
    }

    /// The value a field records when the report denies it.
    static let noneValue = ["escc": "0", "fillIn": "none", "collapse": "none", "posterolateral": "none"]

    /// Pre-selected: stated (present or absent) and recordable as it stands.
    static func preselected(_ reading: Reading) -> Bool {
        (reading.certainty == .affirmed || reading.certainty == .negated) && byField[reading.field] != nil && !initial(reading).isEmpty
    }
}

struct ReportPage {
    let caseId: String
    let patientId: String
    let study: ImagingStudy
    let version: Int
    let report: String
    /// Nil: the paste step; else the suggestions to confirm.
    let extraction: ReportExtraction?
    let lesions: [Lesion]
    var errors: [String] = []
    /// The form as typed after an error (kept), by field name.
    var typed: [String: String]?
    /// New lesions the report counts without naming them (`ReportExtractor.newLesionCount`),
    /// offered as the study's `unnamedNewLesions` where it has none.
    var newLesionCount: Int?

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let heading = "\(ReportTexts.fromReport(language)) — \(study.label(language))"
        return layout.render(
            title: heading,
            .div(
                .p(.a(.href("/cases/\(caseId)#record"), .text("← \(UIText.patient(language)) \(patientId)"))),
                .h1(.text(heading)),
                .if(!errors.isEmpty, .ul(.class("field-errors alert"), .forEach(errors) { .li(.text($0)) })),
                .unwrap(extraction, { suggestions($0, layout) }, else: pasteForm(layout))
            ))
    }

    func pasteForm(_ layout: Layout) -> Node<HTML.BodyContext> {
        let language = layout.language
        return .form(
            .class("record-form report-form"), .action("/cases/\(caseId)/studies/\(study.id)/report"), .method(.post), csrfField(layout.csrf),
            .label(.class("field"), .text(ReportTexts.paste(language)),
                .textarea(.name("report"), .attribute(named: "rows", value: "14"), .text(report))),
            .button(.type(.submit), .text(ReportTexts.suggest(language)))
        )
    }

    func suggestions(_ extraction: ReportExtraction, _ layout: Layout) -> Node<HTML.BodyContext> {
        let language = layout.language
        return .group(
            .p(.class("notice"), .text(ReportTexts.intro(language))),
            .element(named: "blockquote", nodes: [.class("report-text"), .raw(Self.highlighted(report, extraction))]),
            .if(extraction.lesions.isEmpty, .p(.class("muted"), .text(ReportTexts.nothing(language)))),
            .element(named: "form", nodes: [
                .class("record-form report-confirm"), .attribute(named: "action", value: "/cases/\(caseId)/studies/\(study.id)/report/confirm"),
                .attribute(named: "method", value: "post"),
                Self.hidden("_csrf", layout.csrf ?? ""), Self.hidden("version", String(version)), Self.hidden("report", report),
                coverageNode(extraction, language),
                windowsNode(language),
                unnamedNewNode(language),
                .forEach(Array(extraction.lesions.enumerated())) { index, lesion in lesionNode(index, lesion, language) },
                .if(!extraction.lesions.isEmpty, .button(.type(.submit), .text(ReportTexts.save(language)))),
            ]),
            .element(named: "details", nodes: [.element(named: "summary", text: ReportTexts.paste(language)), pasteForm(layout)])
        )
    }

    /// An option whose value may be empty ("choose"): Plot drops empty attribute values.
    static func option(_ value: String, _ label: String, selected: Bool) -> Node<HTML.BodyContext> {
        .raw("<option value=\"\(HTMLEscape.attribute(value))\"\(selected ? " selected" : "")>\(HTMLEscape.text(label))</option>")
    }

    static func hidden(_ name: String, _ value: String) -> Node<HTML.BodyContext> {
        .element(named: "input", nodes: [
            .attribute(named: "type", value: "hidden"), .attribute(named: "name", value: name), .attribute(named: "value", value: HTMLEscape.attribute(value)),
        ])
    }

    static func checkbox(_ name: String, checked: Bool, label: String? = nil) -> Node<HTML.BodyContext> {
        .element(named: "input", nodes: [
            .attribute(named: "type", value: "checkbox"), .attribute(named: "name", value: name), .attribute(named: "id", value: name),
            .unwrap(label) { .attribute(named: "aria-label", value: HTMLEscape.attribute($0)) },
            .if(checked, .attribute(named: "checked", value: "checked")),
        ])
    }

    /// The regions the report's title names, to add to the study's coverage (what a lesion
    /// "not seen" on this study can be judged against).
    func coverageNode(_ extraction: ReportExtraction, _ language: AppLanguage) -> Node<HTML.BodyContext> {
        let regions = extraction.coverage.compactMap(BodyRegion.init(rawValue:)).filter { !study.coverage.contains($0) }
        guard !regions.isEmpty else { return .empty }
        return studyTick("coverage", ReportTexts.coverage, regions.map { $0.label }, language)
    }

    /// One ticked box for a property of the study the report names (its coverage, its windows).
    func studyTick(_ name: String, _ what: LocalizedText, _ values: [LocalizedText], _ language: AppLanguage) -> Node<HTML.BodyContext> {
        .element(named: "fieldset", nodes: [
            .class("suggested-lesion coverage"),
            .element(named: "legend", nodes: [
                Self.checkbox(name, checked: checked(name, true)),
                .element(named: "label", nodes: [
                    .attribute(named: "for", value: name),
                    .text(" \(what(language))\(language == .zhHans ? "：" : ": ")\(values.map { $0(language) }.joined(separator: language == .zhHans ? "、" : ", "))"),
                ]),
            ]),
        ])
    }

    /// The windows a CT with none recorded names in its report or title (`CTWindow.named`): until
    /// they are recorded a CT that saw no destruction excludes none (`diagnosis.imaging.ctWindowsNotRecorded`).
    func windowsNode(_ language: AppLanguage) -> Node<HTML.BodyContext> {
        let windows = Self.windowsToRecord(study, report: report)
        guard !windows.isEmpty else { return .empty }
        return studyTick("windows", ReportTexts.windows, windows.map(\.label), language)
    }

    /// A count of new lesions the report gives without their sites ("新见2处放射性浓聚灶"), for a
    /// study with none recorded: PCWG3's 2+2 rule counts them on a bone scan (Scher 2016).
    func unnamedNewNode(_ language: AppLanguage) -> Node<HTML.BodyContext> {
        guard study.unnamedNewLesions == nil, let count = newLesionCount else { return .empty }
        return studyTick("unnamedNewLesions", ReportTexts.unnamedNew, [LocalizedText(en: "\(count)", zh: "\(count) 处")], language)
    }

    static func windowsToRecord(_ study: ImagingStudy, report: String) -> [CTWindow] {
        guard study.modality == .ct, study.windows.isEmpty else { return [] }
        return CTWindow.named(in: [report, study.region ?? ""])
    }

    func value(_ name: String, _ initial: String) -> String { typed.map { $0[name] ?? "" } ?? initial }
    func checked(_ name: String, _ initial: Bool) -> Bool { typed.map { $0[name] == "on" } ?? initial }

    func lesionNode(_ index: Int, _ lesion: SuggestedLesion, _ language: AppLanguage) -> Node<HTML.BodyContext> {
        // The report's words for which ribs or how many, kept as a new lesion's note.
        let named = ExtractionText.site(lesion.site, language)
        let site = lesion.note.map { language == .zhHans ? "\(named)（\($0)）" : "\(named) (\($0))" } ?? named
        let certainty = ExtractionText.certainties[lesion.certainty]?(language) ?? ""
        let targets = [("new", ReportTexts.newLesion(language))]
            + lesions.filter { $0.bone == lesion.site.bone }.map {
                ($0.id, language == .zhHans ? "\(ReportTexts.existingLesion(language)) \($0.id)（\($0.label(language))）" : "\(ReportTexts.existingLesion(language)) \($0.id) (\($0.label(language)))")
            }
        let target = value("target.\(index)", lesion.matchedLesion ?? "new")
        let lesionName = "lesion.\(index)"
        return .element(named: "fieldset", nodes: [
            .class("suggested-lesion \(lesion.certainty.rawValue)"),
            .element(named: "legend", nodes: [
                Self.checkbox(lesionName, checked: checked(lesionName, lesion.certainty == .affirmed)),
                .element(named: "label", nodes: [.attribute(named: "for", value: lesionName), .text(" \(site) — \(certainty)")]),
            ]),
            .element(named: "label", nodes: [
                .class("field"), .text(ReportTexts.recordAs(language)),
                .element(named: "select", nodes: [.attribute(named: "name", value: "target.\(index)")] + targets.map { Self.option($0.0, $0.1, selected: $0.0 == target) }),
            ]),
            .element(named: "table", nodes: [
                .class("readings"),
                .element(named: "tbody", nodes: lesion.readings.enumerated().filter { $0.element.field != "lesion" }.map { item in readingRow(index, item.offset, item.element, language) }),
            ]),
        ])
    }

    func readingRow(_ lesion: Int, _ index: Int, _ reading: Reading, _ language: AppLanguage) -> Node<HTML.BodyContext> {
        let name = "\(lesion).\(index)"
        let label = ExtractionText.fields[reading.field]?(language) ?? reading.field
        let units = Array(report.utf16)
        // A reading offered without words of the report (a bone scan's uptake, `offerUptake`) says so.
        let words = reading.evidence.isEmpty
            ? ReportTexts.notInWords(language)
            : reading.evidence.map { $0.text(in: units) }.joined(separator: " … ")
        let certainty = ExtractionText.certainties[reading.certainty]?(language) ?? ""
        guard let target = ReportFields.byField[reading.field] else {
            return .element(named: "tr", nodes: [
                .class("info"), .element(named: "td", nodes: []), .element(named: "th", text: label),
                .element(named: "td", text: "\(ExtractionText.value(reading)(language)) — \(ReportTexts.infoOnly(language))"),
                .element(named: "td", text: certainty), .element(named: "td", nodes: [.element(named: "mark", nodes: [.class(reading.certainty.rawValue), .text(words)])]),
            ])
        }
        // A compression denied pre-selects no grade (`ReportFields.initial`): say what it denies.
        let stated = reading.field == "escc" && reading.certainty == .negated && reading.value != "1a"
            ? "\(certainty) — \(ExtractionText.value(reading)(language))" : certainty
        let current = value("value.\(name)", ReportFields.initial(reading))
        let editor: Node<HTML.BodyContext>
        switch target.kind {
        case .boolean, .values:
            let options: [String] = if case .values(let allowed) = target.kind { allowed } else { ["true", "false"] }
            let labelled = [("", ReportTexts.chooseValue(language))] + options.map { option in
                (option, CaseFieldLabels.value(option, key: target.key, in: "observation").map { $0(language) } ?? option)
            }
            editor = .element(named: "select", nodes: [.attribute(named: "name", value: "value.\(name)"), .attribute(named: "aria-label", value: HTMLEscape.attribute(label))]
                + labelled.map { Self.option($0.0, $0.1, selected: $0.0 == current) })
        case .diameters, .number:
            editor = .element(named: "input", nodes: [
                .attribute(named: "type", value: "text"), .attribute(named: "name", value: "value.\(name)"), .attribute(named: "value", value: HTMLEscape.attribute(current)),
                .attribute(named: "aria-label", value: HTMLEscape.attribute(label)), .attribute(named: "inputmode", value: "decimal"),
            ])
        }
        let acceptName = "accept.\(name)"
        return .element(named: "tr", nodes: [
            .class(reading.certainty.rawValue),
            .element(named: "td", nodes: [
                Self.checkbox(acceptName, checked: checked(acceptName, ReportFields.preselected(reading)), label: "\(ReportTexts.accept(language)): \(label)"),
            ]),
            .element(named: "th", nodes: [.element(named: "label", nodes: [.attribute(named: "for", value: acceptName), .text(label)])]),
            .element(named: "td", nodes: [editor]),
            .element(named: "td", text: stated),
            .element(named: "td", nodes: [.element(named: "mark", nodes: [.class(reading.certainty.rawValue), .text(words)])]),
        ])
    }

    /// The report with every piece of evidence marked, by how it is stated (escaped; overlapping
    /// spans joined).
    static func highlighted(_ report: String, _ extraction: ReportExtraction) -> String {
        let units = Array(report.utf16)
        var marks: [(TextSpan, Certainty)] = []
        for lesion in extraction.lesions {
            for span in lesion.siteEvidence { marks.append((span, lesion.certainty)) }
            for reading in lesion.readings { for span in reading.evidence { marks.append((span, reading.certainty)) } }
        }
        marks.sort { $0.0 < $1.0 }
        var html = ""
        var position = 0
        for (span, certainty) in marks where span.start >= position && span.end <= units.count && span.start < span.end {
            html += HTMLEscape.text(String(decoding: units[position..<span.start], as: UTF16.self))
            html += "<mark class=\"\(certainty.rawValue)\">" + HTMLEscape.text(String(decoding: units[span.start..<span.end], as: UTF16.self)) + "</mark>"
            position = span.end
        }
        html += HTMLEscape.text(String(decoding: units[position...], as: UTF16.self))
        return html
    }
}
