import BoneMetDomain
import Plot

/// "My tasks": open follow-up tasks of MDT decisions, oldest first, with the patient and a
/// button to mark each done; a specialty filter.
struct TasksPage {
    let tasks: [FollowUpTask]
    let specialty: Specialty?
    let canComplete: Bool

    func render(_ layout: Layout) -> String {
        let language = layout.language
        let choices = [("all", TaskTexts.allSpecialties(language))] + Specialty.allCases.map { ($0.rawValue, $0.label(language)) }
        return layout.render(
            title: TaskTexts.myTasks(language),
            .div(
                .h1(.text(TaskTexts.myTasks(language))),
                .form(
                    .class("filter"), .action("/tasks"), .method(.get),
                    .label(.text(UIText.specialty(language) + " "), select("specialty", choices, selected: specialty?.rawValue ?? "all")),
                    .button(.type(.submit), .text(TaskTexts.show(language)))
                ),
                tasks.isEmpty
                    ? .p(.class("muted"), .text(TaskTexts.noneOpen(language)))
                    : .table(
                        .class("tasks cards"),
                        .thead(.tr(.th(.text(UIText.patient(language))), .th(.text(TaskTexts.task(language))), .th(.text(UIText.specialty(language))), .th(.text(TaskTexts.since(language))), .th())),
                        .tbody(.forEach(tasks) { task in
                            .tr(
                                .td(.a(.href("/cases/\(task.caseId)"), .text(task.patientId))), .td(.text(task.text)),
                                .td(.text(task.specialty.label(language))), .td(.text(layout.time(task.createdAt))),
                                .td(.if(canComplete, Self.button(task, layout: layout, next: "/tasks")))
                            )
                        }))
            ))
    }

    /// "Done" (or "open again") for one task; returns to `next`.
    static func button(_ task: FollowUpTask, layout: Layout, next: String) -> Node<HTML.BodyContext> {
        .form(
            .class("inline"), .action("/tasks/\(task.id)/\(task.isDone ? "reopen" : "done")"), .method(.post), csrfField(layout.csrf),
            .input(.type(.hidden), .name("next"), .typedValue(next)),
            .button(.type(.submit), .text(task.isDone ? TaskTexts.reopen(layout.language) : TaskTexts.done(layout.language)))
        )
    }

    /// The tasks of one case, for its page: open ones with their button, then done ones.
    static func caseNode(_ tasks: [FollowUpTask], caseId: String, layout: Layout, canComplete: Bool) -> Node<HTML.BodyContext> {
        let language = layout.language
        return .section(
            .class("case-tasks"), .id("tasks"),
            .h2(.text(TaskTexts.caseTasks(language))),
            tasks.isEmpty
                ? .p(.class("muted"), .text(TaskTexts.noneForCase(language)))
                : .ul(.forEach(tasks) { task in
                    .li(
                        .class(task.isDone ? "task done" : "task open"),
                        .span(.class("who"), .text(task.specialty.label(language) + (language == .zhHans ? "：" : ": "))),
                        .text(task.text),
                        .unwrap(task.doneAt) { .span(.class("muted"), .text(" · \(TaskTexts.doneOn(language)) \(layout.time($0))")) },
                        .if(canComplete, button(task, layout: layout, next: "/cases/\(caseId)#tasks"))
                    )
                })
        )
    }
}

enum TaskTexts {
    static let myTasks = LocalizedText(en: "My tasks", zh: "我的任务")
    static let caseTasks = LocalizedText(en: "Follow-up tasks from MDT decisions", zh: "MDT 决议的后续任务")
    static let allSpecialties = LocalizedText(en: "all specialties", zh: "全部科室")
    static let show = LocalizedText(en: "Show", zh: "显示")
    static let noneOpen = LocalizedText(en: "No open task.", zh: "没有待办任务。")
    static let noneForCase = LocalizedText(en: "No follow-up task.", zh: "没有后续任务。")
    static let task = LocalizedText(en: "Task", zh: "任务")
    static let since = LocalizedText(en: "Since", zh: "创建时间")
    static let done = LocalizedText(en: "Done", zh: "已完成")
    static let reopen = LocalizedText(en: "Open again", zh: "重新打开")
    static let doneOn = LocalizedText(en: "done", zh: "完成于")
    static let all = [myTasks, caseTasks, allSpecialties, show, noneOpen, noneForCase, task, since, done, reopen, doneOn]
}
