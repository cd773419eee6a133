import BoneMetDomain
import Plot

struct MeetingsPage {
    let meetings: [MeetingSummary]
    var error: LocalizedText?
    var typed: [String: String] = [:]

    func render(_ layout: Layout) -> String {
        let language = layout.language
        return layout.render(
            title: MeetingTexts.meetings(language),
            .div(
                .h1(.text(MeetingTexts.meetings(language))),
                meetings.isEmpty
                    ? .p(.class("muted"), .text(MeetingTexts.none(language)))
                    : .table(.tbody(.forEach(meetings) { meeting in
                        .tr(
                            .td(.a(.href("/meetings/\(meeting.id)"), .text(meeting.title))), .td(.text(meeting.scheduledFor)),
                            .td(.text("\(meeting.decided)/\(meeting.cases) \(MeetingTexts.decided(language))")))
                    })),
                .h2(.text(MeetingTexts.schedule(language))),
                .unwrap(error) { .p(.class("alert"), .text($0(language))) },
                .form(
                    .class("narrow"), .action("/meetings"), .method(.post), csrfField(layout.csrf),
                    .label(.text(MeetingTexts.title(language)), .input(.type(.text), .name("title"), .typedValue(typed["title"] ?? ""), .required(true))),
                    .label(.text(MeetingTexts.date(language)), .input(.type(.date), .name("date"), .typedValue(typed["date"] ?? ""), .required(true))),
                    .label(.text(MeetingTexts.time(language)), .input(.type(.time), .name("time"), .typedValue(typed["time"] ?? ""), .required(true))),
                    .label(.text(MeetingTexts.location(language)), .input(.type(.text), .name("location"), .typedValue(typed["location"] ?? ""))),
                    .button(.type(.submit), .text(MeetingTexts.schedule(language)))
                )
            ))
    }
}

struct MeetingPage {
    let meeting: Meeting
    /// What is missing for each case on the agenda.
    let readiness: [String: [LocalizedText]]
    /// Each case's patient summary and actions band (what must be done, by whom, by when).
    var firstScreens: [String: CaseFirstScreen] = [:]
    let candidates: [CaseSummary]
    var error: LocalizedText?
    /// What was typed in the form that failed, and the agenda item it belongs to.
    var typed: [String: String] = [:]
    var errorCase: String?
    /// Users who can be ticked as attendees.
    var users: [User] = []

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let specialties = Specialty.allCases.map { ($0.rawValue, $0.label(language)) }
        let attending = Set(meeting.attendees.map(\.name))
        return layout.render(
            title: meeting.title,
            .div(
                .h1(.text(meeting.title)),
                .p(.class("muted"), .text("\(meeting.scheduledFor) · \(meeting.location)")),
                .unwrap(error) { .p(.class("alert"), .text($0(language))) },
                .h2(.text(MeetingTexts.agenda(language))),
                .forEach(meeting.items) { item in
                    .section(
                        .class("agenda-item"), .data(named: "case", value: item.caseId),
                        .h3(.a(.href("/cases/\(item.caseId)"), .text(item.patientId)), .text(" — \(item.question)")),
                        .unwrap(firstScreens[item.caseId]) { screen in
                            .group(.p(.class("summary"), .text(screen.line(language))), screen.band(language, link: "/cases/\(item.caseId)", heading: false))
                        },
                        readinessNode(readiness[item.caseId] ?? [], language),
                        .unwrap(item.decision) { decision in
                            .div(
                                .class("decision"),
                                .p(.strong(.text(MeetingTexts.decision(language) + ": ")), .text(decision)),
                                .p(.class("meta"), .text("\(UIText.specialty(language)): \(item.specialty?.label(language) ?? "—")")),
                                .if(!item.followUp.isEmpty, .ul(.forEach(item.followUp) { .li(.text($0)) })),
                                .p(.a(.href("/meetings/\(meeting.id)/report/\(item.caseId)"), .text(MeetingTexts.report(language)))),
                                editNode(item, decision: decision, layout: layout, specialties: specialties)
                            )
                        },
                        .if(item.decision == nil, decisionForm(
                            item, layout: layout, specialties: specialties,
                            decision: errorCase == item.caseId ? typed["decision"] ?? "" : "",
                            specialty: errorCase == item.caseId ? typed["specialty"] : Specialty.orthopaedics.rawValue,
                            followUp: errorCase == item.caseId ? typed["followUp"] ?? "" : ""))
                    )
                },
                .h2(.text(MeetingTexts.addCase(language))),
                .form(
                    .class("narrow"), .action("/meetings/\(meeting.id)/agenda"), .method(.post), csrfField(layout.csrf),
                    .label(.text(UIText.patient(language)), select("caseId", candidates.map { candidate in
                        // Fictional and deceased patients are named so where they are picked.
                        let marks = [candidate.fictional ? UIText.fictional(language) : nil, candidate.deceased ? CaseFirstScreen.texts.deceased(language) : nil]
                            .compactMap { $0 }
                        return (candidate.id, candidate.patientId + (marks.isEmpty ? "" : language == .zhHans ? "（\(marks.joined(separator: "，"))）" : " (\(marks.joined(separator: ", ")))"))
                    }, selected: "")),
                    .label(.text(MeetingTexts.question(language)), .input(.type(.text), .name("question"), .required(true))),
                    .button(.type(.submit), .text(MeetingTexts.addCase(language)))
                ),
                .h2(.text(MeetingTexts.attendance(language))),
                attendanceForm(layout, specialties: specialties, attending: attending)
            ))
    }

    /// Attendance: users ticked with the specialty they represent, and guests one per line.
    func attendanceForm(_ layout: Layout, specialties: [(String, String)], attending: Set<String>) -> Node<HTML.BodyContext> {
        let language = layout.language
        var nodes: [Node<HTML.BodyContext>] = [
            .class("attendance"), .attribute(named: "action", value: "/meetings/\(meeting.id)/attendees"), .attribute(named: "method", value: "post"),
            .raw(#"<input type="hidden" name="_csrf" value="\#(HTMLEscape.attribute(layout.csrf ?? ""))">"#),
        ]
        if !users.isEmpty {
            nodes.append(.element(named: "fieldset", nodes: [
                .element(named: "legend", text: MeetingTexts.pickUsers(language)),
                .forEach(users) { user in attendeeRow(user, specialties: specialties, attending: attending, language: language) },
            ]))
        }
        nodes.append(.element(named: "label", nodes: [
            .text(MeetingTexts.attendeesHelp(language)),
            .element(named: "textarea", nodes: [.attribute(named: "name", value: "attendees"), .attribute(named: "rows", value: "3"), .text(typed["attendees"] ?? guests(language))]),
        ]))
        nodes.append(.element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(UIText.save(language))]))
        return .element(named: "form", nodes: nodes)
    }

    /// Editing or withdrawing a recorded decision, folded.
    func editNode(_ item: AgendaItem, decision: String, layout: Layout, specialties: [(String, String)]) -> Node<HTML.BodyContext> {
        let language = layout.language
        let edited = errorCase == item.caseId
        let form = decisionForm(
            item, layout: layout, specialties: specialties, decision: edited ? typed["decision"] ?? "" : decision,
            specialty: edited ? typed["specialty"] : item.specialty?.rawValue,
            followUp: edited ? typed["followUp"] ?? "" : item.followUp.joined(separator: "\n"))
        let withdraw: Node<HTML.BodyContext> = .form(
            .action("/meetings/\(meeting.id)/decisions/\(item.caseId)/withdraw"), .method(.post), csrfField(layout.csrf),
            .button(.type(.submit), .class("danger"), .text(MeetingTexts.withdraw(language))))
        return .element(named: "details", nodes: [
            .class("edit-decision"), .if(edited, .attribute(named: "open", value: "open")),
            .element(named: "summary", text: MeetingTexts.editDecision(language)), form, withdraw,
        ])
    }

    /// A user who may be ticked as attending, with the specialty they represent.
    func attendeeRow(_ user: User, specialties: [(String, String)], attending: Set<String>, language: AppLanguage) -> Node<HTML.BodyContext> {
        let ticked = attending.contains(user.displayName) || typed["attend.\(user.id)"] != nil
        let recorded = meeting.attendees.first { $0.name == user.displayName }?.specialty
        let specialty = typed["specialty.\(user.id)"] ?? (recorded ?? Specialty(rawValue: user.role.rawValue) ?? .mdtCoordinator).rawValue
        let box = #"<input type="checkbox" name="attend.\#(HTMLEscape.attribute(user.id))" value="on"\#(ticked ? " checked" : "")>"#
        return .div(
            .class("attendee"),
            .label(.raw(box), .text(" \(user.displayName)")),
            .label(.class("inline"), .text(UIText.specialty(language) + " "), select("specialty.\(user.id)", specialties, selected: specialty))
        )
    }

    /// Attendees who are not users, one per line as "name, specialty".
    func guests(_ language: AppLanguage) -> String {
        meeting.attendees.filter { attendee in !users.contains { $0.displayName == attendee.name } }
            .map { "\($0.name)\(language == .zhHans ? "，" : ", ")\($0.specialty.label(language))" }.joined(separator: "\n")
    }

    /// The decision form (new, after an error with what was typed, or to edit a decision).
    func decisionForm(
        _ item: AgendaItem, layout: Layout, specialties: [(String, String)], decision: String, specialty: String?, followUp: String
    ) -> Node<HTML.BodyContext> {
        let language = layout.language
        return .form(
            .action("/meetings/\(meeting.id)/decisions/\(item.caseId)"), .method(.post), csrfField(layout.csrf),
            .label(.text(MeetingTexts.decision(language)), .textarea(.name("decision"), .rows(3), .required(true), .text(decision))),
            .label(.text(UIText.specialty(language)), select("specialty", specialties, selected: specialty ?? Specialty.orthopaedics.rawValue)),
            .label(.text(MeetingTexts.followUp(language)), .textarea(.name("followUp"), .rows(3), .text(followUp))),
            .p(.class("hint"), .text(MeetingTexts.followUpHint(language))),
            .button(.type(.submit), .text(item.decision == nil ? MeetingTexts.recordDecision(language) : MeetingTexts.saveDecision(language)))
        )
    }

    func readinessNode(_ missing: [LocalizedText], _ language: AppLanguage) -> Node<HTML.BodyContext> {
        missing.isEmpty
            ? .p(.class("ready"), .text(MeetingTexts.complete(language)))
            : .div(.class("missing"), .p(.text(MeetingTexts.missing(language))), .ul(.forEach(missing) { .li(.text($0(language))) }))
    }
}

/// The printable MDT report of one case (issue #10), laid out for A4 in either language:
/// hospital header, patient summary, the question, timeline picture, lesions, treatments,
/// findings most urgent first, the decision with its follow-up, attendees, and signature and
/// date lines.
struct MeetingReportPage {
    let meeting: Meeting
    let item: AgendaItem
    let stored: StoredCase
    let assessment: Assessment
    var hospital: String?

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let record = stored.record
        let summary = CaseFirstScreen(record: record, assessment: assessment)
        let findings = CasePage.bySeverity(assessment.findings.filter { $0.severity != .info })
        let colon = language == .zhHans ? "：" : ": "
        let t = MeetingTexts.self
        return layout.render(
            title: "\(t.report(language)) \(item.patientId)",
            .div(
                .class("report"),
                .div(
                    .class("report-head"),
                    .unwrap(hospital) { .p(.class("hospital"), .text($0)) },
                    .h1(.text(t.reportTitle(language))),
                    .p(.text("\(meeting.title) · \(meeting.scheduledFor)\(meeting.location.isEmpty ? "" : " · \(meeting.location)")"))
                ),
                .if(record.patient.fictional, .p(.class("badge fictional"), .text(UIText.fictional(language)))),
                .p(.class("summary"), .strong(.text("\(UIText.patient(language)) \(item.patientId)\(colon)")), .text(summary.line(language))),
                .h2(.text(t.question(language))), .p(.text(item.question)),
                .h2(.text(TimelineTexts.title(language))),
                .raw(TimelineSVG(record: record, assessment: assessment, language: language).render()),
                .h2(.text(RecordSection.all.first { $0.path == "lesions" }?.title(language) ?? "")),
                record.lesions.isEmpty
                    ? .p(.class("muted"), .text(UIText.none(language)))
                    : .table(
                        .thead(.tr(.th(.text(t.site(language))), .th(.text(t.primary(language))), .th(.text(t.diagnosed(language))))),
                        .tbody(.forEach(record.lesions) { lesion in
                            .tr(
                                .td(.text(lesion.label(language))),
                                .td(.text(lesion.primary.flatMap { id in record.primaries.first { $0.id == id } }.map { $0.site.label(language) } ?? "—")),
                                .td(.text(lesion.diagnosed?.description ?? "—")))
                        })),
                .h2(.text(RecordSection.all.first { $0.path == "treatments" }?.title(language) ?? "")),
                record.treatments.isEmpty
                    ? .p(.class("muted"), .text(UIText.none(language)))
                    : .table(
                        .thead(.tr(.th(.text(t.treatment(language))), .th(.text(t.period(language))), .th(.text(t.stopped(language))))),
                        .tbody(.forEach(record.treatments.sorted { ($0.start?.earliestDay ?? 0, $0.id) < ($1.start?.earliestDay ?? 0, $1.id) }) { treatment in
                            .tr(
                                .td(.text("\(treatment.displayName(language))\(language == .zhHans ? "（" : " (")\(treatment.kind.label(language))\(language == .zhHans ? "）" : ")")")),
                                .td(.text("\(treatment.start?.description ?? "?") – \(treatment.end?.description ?? (treatment.planned ? t.planned(language) : t.ongoing(language)))")),
                                .td(.text(treatment.stopReason.flatMap { CaseFieldLabels.value($0.rawValue, key: "stopReason", in: "treatment")?(language) } ?? "—")))
                        })),
                .h2(.text(t.findings(language))),
                findings.isEmpty
                    ? .p(.class("muted"), .text(UIText.none(language)))
                    : .ol(.class("report-findings"), .forEach(findings) { finding in
                        .li(
                            .class(finding.severity.rawValue),
                            .strong(.text("[\(finding.severity.label(language))] ")), .text(finding.title(language)),
                            .span(.class("who"), .text(" — \(UIText.specialty(language))\(colon)\(finding.specialty.label(language))")))
                    }),
                .h2(.text(t.decision(language))),
                .p(.text(item.decision ?? "—")),
                .p(.text("\(UIText.specialty(language))\(colon)\(item.specialty?.label(language) ?? "—")")),
                .if(!item.followUp.isEmpty, .div(.h2(.text(t.followUpTitle(language))), .ul(.forEach(item.followUp) { .li(.text($0)) }))),
                .h2(.text(t.attendance(language))),
                meeting.attendees.isEmpty
                    ? .p(.class("muted"), .text(t.noAttendance(language)))
                    : .ul(.forEach(meeting.attendees) { .li(.text("\($0.name) — \($0.specialty.label(language))")) }),
                .div(
                    .class("signatures"),
                    .p(.text("\(t.chairSignature(language))\(colon)"), .span(.class("line")), .text(" \(t.date(language))\(colon)"), .span(.class("line short"))),
                    .p(.text("\(t.recorderSignature(language))\(colon)"), .span(.class("line")), .text(" \(t.date(language))\(colon)"), .span(.class("line short")))
                ),
                .p(.class("muted"), .text("\(UIText.asOf(language)) \(assessment.asOf) · \(UIText.rules(language)) \(assessment.ruleSetVersion) · \(UIText.demoNote(language))"))
            ))
    }
}

enum MeetingTexts {
    static let meetings = LocalizedText(en: "MDT meetings", zh: "MDT 会议")
    static let none = LocalizedText(en: "No meetings yet.", zh: "暂无会议。")
    static let schedule = LocalizedText(en: "Schedule a meeting", zh: "安排会议")
    static let title = LocalizedText(en: "Title", zh: "标题")
    static let date = LocalizedText(en: "Date", zh: "日期")
    static let time = LocalizedText(en: "Time", zh: "时间")
    static let location = LocalizedText(en: "Place", zh: "地点")
    static let decided = LocalizedText(en: "decided", zh: "已决定")
    static let agenda = LocalizedText(en: "Agenda", zh: "议程")
    static let decision = LocalizedText(en: "Decision", zh: "决定")
    static let followUp = LocalizedText(en: "Follow-up tasks (one per line)", zh: "后续任务（每行一项）")
    static let recordDecision = LocalizedText(en: "Record decision", zh: "记录决定")
    static let report = LocalizedText(en: "MDT report", zh: "MDT 报告")
    static let addCase = LocalizedText(en: "Put a case on the agenda", zh: "将病例加入议程")
    static let question = LocalizedText(en: "Question for the MDT", zh: "提交 MDT 讨论的问题")
    static let attendance = LocalizedText(en: "Attendance", zh: "出席人员")
    static let attendeesHelp = LocalizedText(
        en: "One per line: name, specialty (\(Specialty.allCases.map(\.label.en).joined(separator: ", ")))",
        zh: "每行一人：姓名，科室（\(Specialty.allCases.map(\.label.zhHans).joined(separator: "、"))）")
    static let complete = LocalizedText(en: "Ready: nothing essential is missing.", zh: "准备就绪：无重要缺失。")
    static let missing = LocalizedText(en: "Missing before discussion:", zh: "讨论前缺少：")
    static let keyFindings = LocalizedText(en: "Key findings (warnings and urgent)", zh: "主要结论（警示与紧急）")
    static let badDate = LocalizedText(en: "Give a title, a date (YYYY-MM-DD) and a time (HH:MM).", zh: "请填写标题、日期（YYYY-MM-DD）和时间（HH:MM）。")
    static let alreadyOnAgenda = LocalizedText(en: "This case is already on the agenda.", zh: "该病例已在议程中。")
    static let editDecision = LocalizedText(en: "Edit or withdraw the decision", zh: "修改或撤回决定")
    static let withdraw = LocalizedText(en: "Withdraw the decision", zh: "撤回决定")
    static let saveDecision = LocalizedText(en: "Save the decision", zh: "保存决定")
    static let followUpHint = LocalizedText(
        en: "Each line is a task for the decision's specialty; start a line with another specialty and a colon to give it to them (\"Radiation oncology: SBRT to T10\").",
        zh: "每行一项任务，默认由负责科室执行；以其他科室名加冒号开头即交给该科室（如“放疗科：T10 SBRT”）。")
    static let pickUsers = LocalizedText(en: "Attending (tick; the specialty they represent)", zh: "出席人员（勾选；所代表的科室）")
    static let noAttendance = LocalizedText(en: "No attendance recorded.", zh: "未记录出席人员。")
    static let reportTitle = LocalizedText(en: "Bone metastasis MDT report", zh: "骨转移多学科会诊（MDT）报告")
    static let site = LocalizedText(en: "Site", zh: "部位")
    static let primary = LocalizedText(en: "Primary", zh: "原发灶")
    static let diagnosed = LocalizedText(en: "Diagnosed", zh: "确诊日期")
    static let treatment = LocalizedText(en: "Treatment", zh: "治疗")
    static let period = LocalizedText(en: "Period", zh: "起止时间")
    static let stopped = LocalizedText(en: "Reason stopped", zh: "停用原因")
    static let planned = LocalizedText(en: "planned", zh: "计划中")
    static let ongoing = LocalizedText(en: "ongoing", zh: "进行中")
    static let findings = LocalizedText(en: "Findings, most urgent first", zh: "评估结论（按紧急程度排列）")
    static let followUpTitle = LocalizedText(en: "Follow-up tasks", zh: "后续任务")
    static let chairSignature = LocalizedText(en: "MDT chair (signature)", zh: "MDT 主持人（签名）")
    static let recorderSignature = LocalizedText(en: "Recorded by (signature)", zh: "记录人（签名）")
    static let all = [
        editDecision, withdraw, saveDecision, followUpHint, pickUsers, noAttendance, reportTitle, site, primary, diagnosed, treatment, period, stopped, planned, ongoing, findings, followUpTitle, chairSignature, recorderSignature,
        meetings, none, schedule, title, date, time, location, decided, agenda, decision, followUp, recordDecision, report, addCase, question,
        attendance, attendeesHelp, complete, missing, keyFindings, badDate, alreadyOnAgenda,
    ]
}
