import Foundation
import BoneMetDomain
import Plot

/// The case page: the three orthopaedic duties side by side — diagnosis, bone-health
/// assessment, surgery with bone-modifying agents — each finding with its reason, source and
/// responsible specialty; then the record editor.
struct CasePage {
    let stored: StoredCase
    let assessment: Assessment
    let canEdit: Bool
    var viewer = ViewerLinks(template: nil)
    var csrf: String?
    /// Follow-up tasks of the case's MDT decisions.
    var tasks: [FollowUpTask] = []
    var canCompleteTasks = false
    /// Who may open the record, and why (shown only under care-team access).
    var careTeam: CareTeamSection?
    /// Where the parts that depend only on the case version, day, language and edit right are
    /// kept rendered (nil: render everything, as page snapshots do).
    var cache: RenderCache?

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let title = stored.record.patient.id
        let tasksNode = TasksPage.caseNode(tasks, caseId: stored.id, layout: layout, canComplete: canCompleteTasks)
        guard let cache, !layout.indented else {
            return layout.render(
                title: title,
                .div(caseNode(layout), tasksNode, .unwrap(careTeam) { $0.node(caseId: stored.id, layout: layout) }, recordNode(language, csrf: layout.csrf)))
        }
        // Served compact: the parts that depend only on the case version come from the cache,
        // and the page is joined as text (Plot would copy each cached part once per element
        // around it). A test checks the result equals the page rendered afresh.
        let csrf = layout.csrf ?? ""
        func cached(_ part: String, _ node: (_ csrf: String?) -> Node<HTML.BodyContext>) -> String {
            let key = "\(part)|\(stored.id)|\(stored.version)|\(language)|\(canEdit)|\(assessment.asOf)|\(assessment.ruleSetVersion)"
            return cache.fragment(key, csrf: csrf) { node(cache.csrfMarker).render() }
        }
        var html = "<div>"
        html += cached("top") { _ in caseNode(layout) }
        html += tasksNode.render()
        if let careTeam { html += careTeam.node(caseId: stored.id, layout: layout).render() }
        html += cached("record") { csrf in recordNode(language, csrf: csrf) }
        html += "</div>"
        return layout.render(title: title, html: html)
    }

    /// The head, the first screen, the timeline and the three duties' findings.
    private func caseNode(_ layout: Layout) -> Node<HTML.BodyContext> {
        let language = layout.language
        let record = stored.record
        let columns: [(LocalizedText, [Finding])] = [
            (Duty.diagnosis.label, assessment.findings(for: .diagnosis)),
            (Duty.boneHealth.label, assessment.findings(for: .boneHealth)),
            (LocalizedText(en: "Surgery and bone-modifying agents", zh: "外科治疗与骨改良药物"),
             assessment.findings(for: .surgery) + assessment.findings(for: .boneAgents)),
        ]
        let summary = CaseFirstScreen(record: record, assessment: assessment)
        return .group(
                .div(
                    .class("case-head"),
                    .h1(.text("\(UIText.patient(language)) \(record.patient.id)")),
                    .if(record.patient.fictional, .span(.class("badge fictional"), .text(UIText.fictional(language)))),
                    .p(.class("summary"), .text(summary.line(language)))
                ),
                // What must be done first comes before anything else on the page.
                summary.band(language),
                .div(
                    .class("case-meta muted"),
                    .p(.text(
                        "\(UIText.version(language)) \(stored.version) · \(UIText.asOf(language)) \(assessment.asOf) · \(UIText.updated(language)) \(layout.time(stored.updatedAt)) · \(UIText.rules(language)) \(assessment.ruleSetVersion)")),
                    .details(
                        .class("settings"), .summary(.text(UIText.ruleSettings(language))),
                        .p(.text(assessment.settings.summary(language))))
                ),
                .raw(TimelineSVG(record: record, assessment: assessment, language: language, viewer: viewer).render()),
                .div(
                    .class("duties"),
                    .forEach(columns) { title, findings in
                        .section(
                            .class("duty"),
                            .h2(.text(title(language))),
                            findings.isEmpty
                                ? .p(.class("muted"), .text(UIText.none(language)))
                                : .group(
                                    .forEach(Self.bySeverity(findings.filter { $0.severity != .info })) { finding in card(finding, language, summary) },
                                    .if(findings.contains { $0.severity == .info }, .element(named: "details", nodes: [
                                        .class("info-findings"),
                                        .element(named: "summary", text: language == .zhHans
                                            ? "\(CaseFirstScreen.texts.infoFolded(language))（\(findings.filter { $0.severity == .info }.count)）"
                                            : "\(CaseFirstScreen.texts.infoFolded(language)) (\(findings.filter { $0.severity == .info }.count))"),
                                        .forEach(findings.filter { $0.severity == .info }) { finding in card(finding, language, summary) },
                                    ]))
                                )
                        )
                    }
                ),
                summary.decisionsNode(language)
            )
    }

    /// The studies and the record, item by item, with the editing buttons.
    private func recordNode(_ language: AppLanguage, csrf: String?) -> Node<HTML.BodyContext> {
        .group(
            studiesNode(language),
            RecordOverview(
                caseId: stored.id, record: (try? JSONValue.parse(CaseFile.write(stored.record))) ?? .null, version: stored.version,
                canEdit: canEdit, csrf: csrf
            ).node(language),
            .if(canEdit, .p(.a(.class("button"), .href("/cases/\(stored.id)/edit"), .text(UIText.editRecord(language) + " (JSON)"))))
        )
    }

    /// The imaging studies with viewer links (this study; this and the prior side by side).
    func studiesNode(_ language: AppLanguage) -> Node<HTML.BodyContext> {
        let studies = stored.record.studies.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        return .section(
            .class("studies"),
            .h2(.text(ImagingTexts.studies(language))),
            .table(.tbody(.forEach(studies) { study in
                let prior = ViewerLinks.prior(of: study, in: studies)
                return .tr(
                    .td(.text(study.date.description),
                        .if(study.date.earliestDay > assessment.asOf.latestDay, .p(.class("later"), .text(ImagingTexts.datedLater(language))))),
                    .td(.text(study.modality.label(language))),
                    .td(.text(study.windows.map { CaseFieldLabels.value($0.rawValue, key: "windows", in: "study")?(language) ?? $0.rawValue }.joined(separator: " + "))),
                    .td(.text(study.region ?? ""), .unwrap(study.report) { report in .p(.class("report"), .text(report)) },
                        .if(canEdit, .a(.class("small-button"), .href("/cases/\(stored.id)/studies/\(HTMLEscape.attribute(study.id))/report"), .text(ReportTexts.fromReport(language))))),
                    .td(.unwrap(viewer.url([study])) { url in
                        .a(.href(url), .target(.blank), .rel(.noreferrer), .text(ImagingTexts.open(language)))
                    }),
                    .td(.unwrap(prior.flatMap { viewer.url([$0, study]) }) { url in
                        .a(.href(url), .target(.blank), .rel(.noreferrer), .text(ImagingTexts.withPrior(language)))
                    })
                )
            }))
        )
    }

    /// Most urgent first; the engine's order (date, subject) kept within a severity.
    static func bySeverity(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }.map(\.element)
    }

    func card(_ finding: Finding, _ language: AppLanguage, _ summary: CaseFirstScreen) -> Node<HTML.BodyContext> {
        .article(
            .class("finding \(finding.severity.rawValue)"), .id("finding-\(summary.anchor(finding))"),
            .data(named: "rule", value: finding.ruleId),
            .p(.class("severity"), .text(finding.severity.label(language))),
            .h3(.text(finding.title(language))),
            .p(.text(finding.detail(language))),
            .p(.class("meta"), .text("\(UIText.specialty(language))\(UIText.colon(language))\(finding.specialty.label(language))")),
            .p(.class("meta"), .text("\(UIText.source(language))\(UIText.colon(language))\(Citation.line(finding.sources, language))"))
        )
    }
}

/// A worklist: stored findings across all cases, most urgent first.
struct WorklistPage {
    /// A cursor in a query string (it holds digits, '|', '-' and hex).
    static func encode(_ cursor: String) -> String {
        cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-"))) ?? ""
    }

    let title: LocalizedText
    let entries: [WorklistEntry]
    let page: Int
    let path: String
    let pageSize: Int
    /// When every case's findings were last brought up to date (seconds), if ever.
    var upToDate: Int64?

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: title(language),
            .div(
                .h1(.text(title(language))),
                .p(.class("muted freshness"), .text(upToDate.map { "\(UIText.upToDate(language)) \(layout.time($0))" } ?? UIText.assessedOnWrite(language))),
                .nav(.class("tabs"), .forEach(Worklists.all) { list in
                    .a(.href("/worklists/\(list.slug)"), .class(list.slug == path ? "active" : ""), .text(list.title(language)))
                }),
                entries.isEmpty
                    ? .p(.class("muted"), .text(UIText.worklistEmpty(language)))
                    : .table(
                        .class("worklist cards"),
                        .tbody(.forEach(entries) { entry in
                            .tr(
                                .class(entry.severity.rawValue),
                                .td(.text(entry.severity.label(language))),
                                .td(.a(.href("/cases/\(entry.caseId)"), .text(entry.patientId)),
                                    .if(entry.fictional, .span(.class("badge fictional"), .text(UIText.fictional(language))))),
                                .td(.text(entry.title(language))),
                                .td(.text(entry.specialty.label(language)))
                            )
                        })
                    ),
                .p(
                    .class("pager"),
                    // Pages continue after the last row shown (keyset): each costs one page of reading.
                    .if(page > 1, .a(.href("/worklists/\(path)"), .text(UIText.firstPage(language)))),
                    .unwrap(entries.count == pageSize ? entries.last?.cursor : nil) { cursor in
                        .a(.href("/worklists/\(path)?page=\(page + 1)&after=\(Self.encode(cursor))"), .text(UIText.next(language)))
                    }
                )
            ))
    }
}
