import BoneMetDomain
import BoneMetStorage
import Foundation
import Hummingbird

/// Recording an MDT decision: stored with the meeting and appended to the case record (which
/// is re-assessed), retried on a version conflict; audited. Shared by the pages and the API.
struct MeetingService {
    let services: AppServices

    /// Records or edits a decision: stored with the meeting (with its follow-up tasks, one per
    /// line and specialty) and written into the case record — replacing the earlier version of
    /// the same decision — which is re-assessed; retried on a version conflict; audited.
    func decide(meeting: String, caseId: String, decision: String, specialty: Specialty, followUp: [String], by user: User) async throws {
        let previous: PreviousDecision?
        do {
            previous = try await SQLMeetingStore(services.store).decide(
                meeting: meeting, caseId: caseId, decision: decision, specialty: specialty, followUp: followUp, by: user.id, at: services.now())
        } catch StorageError.notFound {
            throw AppError.notFound
        }
        try await updateRecord(caseId, by: user) { record in
            let entry = MDTDecision(date: services.today, decision: decision, specialty: specialty, followUp: followUp)
            if let previous, let index = Self.index(of: previous, in: record) {
                record.decisions[index] = MDTDecision(date: record.decisions[index].date, decision: decision, specialty: specialty, followUp: followUp)
            } else {
                record.decisions.append(entry)
            }
        }
        try await services.audit.record(
            userId: user.id, action: previous == nil ? "decision" : "decision.edit", caseId: caseId, detail: "meeting \(meeting)", at: services.now())
    }

    /// Withdraws a decision (its open tasks go, and it leaves the case record); audited.
    func withdraw(meeting: String, caseId: String, by user: User) async throws {
        let previous: PreviousDecision?
        do {
            previous = try await SQLMeetingStore(services.store).withdraw(meeting: meeting, caseId: caseId)
        } catch StorageError.notFound {
            throw AppError.notFound
        }
        guard let previous else { return }
        try await updateRecord(caseId, by: user) { record in
            if let index = Self.index(of: previous, in: record) { record.decisions.remove(at: index) }
        }
        try await services.audit.record(userId: user.id, action: "decision.withdraw", caseId: caseId, detail: "meeting \(meeting)", at: services.now())
    }

    /// The record's entry of a decision: the latest with the same text and specialty.
    static func index(of decision: PreviousDecision, in record: CaseRecord) -> Int? {
        record.decisions.lastIndex { $0.decision == decision.decision && $0.specialty == decision.specialty }
    }

    private func updateRecord(_ caseId: String, by user: User, _ change: (inout CaseRecord) -> Void) async throws {
        for attempt in 1...3 {
            guard let stored = try await services.cases.get(id: caseId) else { throw AppError.notFound }
            var record = stored.record
            change(&record)
            do {
                _ = try await CaseService(services: services).update(id: caseId, record: record, expectedVersion: stored.version, by: user)
                return
            } catch StorageError.versionConflict where attempt < 3 {
                continue
            }
        }
    }
}

/// MDT meetings: schedule, agenda with a completeness check, attendance, a decision per case
/// (also written into the case record's decisions and re-assessed), printable report.
struct MeetingController {
    let services: AppServices
    var meetings: any MeetingStore { SQLMeetingStore(services.store) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/meetings", use: list)
        router.post("/meetings", use: create)
        router.get("/meetings/{id}", use: show)
        router.post("/meetings/{id}/agenda", use: addCase)
        router.post("/meetings/{id}/attendees", use: attendees)
        router.post("/meetings/{id}/decisions/{caseId}", use: decide)
        router.post("/meetings/{id}/decisions/{caseId}/withdraw", use: withdraw)
        router.get("/meetings/{id}/report/{caseId}", use: report)
    }


    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.require(.viewCases, request)
        return HTMLPage(html: MeetingsPage(meetings: try await meetings.list(limit: 200)).render(context.layout))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.manageMeetings, request)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespaces)
        let date = form["date"] ?? ""
        let time = form["time"] ?? ""
        let timeParts = time.split(separator: ":").compactMap { Int($0) }
        guard !title.isEmpty, let day = PartialDate(date), day.isComplete, timeParts.count == 2, (0...23).contains(timeParts[0]), (0...59).contains(timeParts[1]) else {
            let page = MeetingsPage(meetings: try await meetings.list(limit: 200), error: MeetingTexts.badDate, typed: form.fields)
            return try HTMLPage(html: page.render(context.layout), status: .unprocessableContent).response(from: request, context: context)
        }
        let id = try await meetings.create(
            title: title, scheduledFor: "\(day) \(time)", location: (form["location"] ?? "").trimmingCharacters(in: .whitespaces),
            by: user.id, at: services.now())
        return .seeOther("/meetings/\(id)")
    }

    func page(_ id: String, user: User, error: LocalizedText? = nil, typed: [String: String] = [:], errorCase: String? = nil) async throws -> MeetingPage {
        guard let meeting = try await meetings.get(id: id) else { throw AppError.notFound }
        guard services.mayOpen(meeting, user) else { throw AppError.notAttending }
        var readiness: [String: [LocalizedText]] = [:]
        var firstScreens: [String: CaseFirstScreen] = [:]
        for item in meeting.items {
            if let stored = try await services.cases.get(id: item.caseId) {
                let assessment = assess(stored.record, asOf: services.today, settings: services.settings)
                readiness[item.caseId] = MeetingReadiness.missing(stored.record, assessment)
                firstScreens[item.caseId] = CaseFirstScreen(record: stored.record, assessment: assessment)
            }
        }
        let onAgenda = Set(meeting.items.map(\.caseId))
        var visible = CaseListFilter()
        visible.viewer = services.viewer(for: user)
        let candidates = try await services.cases.list(visible, limit: 500, offset: 0).filter { !onAgenda.contains($0.id) }
        let users = try await services.users.all().filter { !$0.disabled && $0.role != .administrator }
        return MeetingPage(
            meeting: meeting, readiness: readiness, firstScreens: firstScreens, candidates: candidates, error: error, typed: typed, errorCase: errorCase,
            users: users)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.require(.viewCases, request)
        let page = try await page(try context.parameters.require("id"), user: user)
        try await services.auditShown(context, user: user, action: "list", what: "MDT agenda", patients: page.meeting.items.map(\.patientId))
        return HTMLPage(html: page.render(context.layout))
    }

    @Sendable func addCase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.manageMeetings, request)
        let id = try context.parameters.require("id")
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let question = (form["question"] ?? "").trimmingCharacters(in: .whitespaces)
        // Putting a patient on an agenda opens the record to its attendees: only for a patient
        // the user may open themselves.
        guard let meeting = try await meetings.get(id: id) else { throw AppError.notFound }
        guard services.mayOpen(meeting, user) else { throw AppError.notAttending }
        try await services.checkAccess(form["caseId"] ?? "", for: user)
        do {
            try await meetings.add(caseId: form["caseId"] ?? "", question: question.isEmpty ? "—" : question, to: id)
        } catch StorageError.duplicate {
            return try HTMLPage(html: try await page(id, user: user, error: MeetingTexts.alreadyOnAgenda).render(context.layout), status: .conflict)
                .response(from: request, context: context)
        } catch StorageError.notFound {
            throw AppError.notFound
        }
        try await services.audit.record(userId: user.id, action: "agenda", caseId: form["caseId"], detail: "meeting \(id)", at: services.now(), client: context.clientAddress)
        return .seeOther("/meetings/\(id)")
    }

    static func specialty(named text: String) -> Specialty? {
        let key = text.lowercased()
        return Specialty.allCases.first { $0.rawValue.lowercased() == key || $0.label.en.lowercased() == key || $0.label.zhHans == text }
    }

    /// Attendance: users ticked from the list (each with a specialty, their role's by default)
    /// and guests written one per line as "name, specialty".
    @Sendable func attendees(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.manageMeetings, request)
        let id = try context.parameters.require("id")
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        guard let meeting = try await meetings.get(id: id) else { throw AppError.notFound }
        guard services.mayManage(meeting, user) else { throw AppError.forbidden }
        var list: [Attendee] = []
        for user in try await services.users.all() where form["attend.\(user.id)"] != nil {
            let specialty = Specialty(rawValue: form["specialty.\(user.id)"] ?? "") ?? Specialty(rawValue: user.role.rawValue) ?? .mdtCoordinator
            list.append(Attendee(name: user.displayName, specialty: specialty, userId: user.id))
        }
        for line in (form["attendees"] ?? "").split(whereSeparator: \.isNewline) {
            // "name, specialty" (or the Chinese comma); the specialty by its name in either
            // language, or its code.
            let parts = line.replacingOccurrences(of: "，", with: ",").split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { continue }
            guard parts.count == 2, let specialty = Self.specialty(named: parts[1]) else {
                let message = LocalizedText(
                    en: "\"\(InputError.shorten(String(line)))\": write name, specialty — allowed specialties: \(Specialty.allCases.map(\.label.en).joined(separator: ", "))",
                    zh: "\"\(InputError.shorten(String(line)))\"：请写 姓名，科室——允许的科室：\(Specialty.allCases.map(\.label.zhHans).joined(separator: "、"))")
                return try HTMLPage(html: try await page(id, user: user, error: message, typed: form.fields).render(context.layout), status: .unprocessableContent)
                    .response(from: request, context: context)
            }
            list.append(Attendee(name: name, specialty: specialty))
        }
        try await meetings.setAttendees(list, meeting: id)
        return .seeOther("/meetings/\(id)")
    }

    @Sendable func decide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.manageMeetings, request)
        let id = try context.parameters.require("id")
        let caseId = try context.parameters.require("caseId")
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let decision = (form["decision"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !decision.isEmpty, let specialty = Specialty(rawValue: form["specialty"] ?? "") else {
            return try HTMLPage(
                html: try await page(
                    id, user: user, error: LocalizedText(en: "Write the decision and choose the responsible specialty.", zh: "请填写决定并选择负责科室。"),
                    typed: form.fields, errorCase: caseId
                ).render(context.layout),
                status: .unprocessableContent
            ).response(from: request, context: context)
        }
        let followUp = (form["followUp"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        try await MeetingService(services: services).decide(meeting: id, caseId: caseId, decision: decision, specialty: specialty, followUp: followUp, by: user)
        return .seeOther("/meetings/\(id)")
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.manageMeetings, request)
        let id = try context.parameters.require("id")
        let caseId = try context.parameters.require("caseId")
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        try await MeetingService(services: services).withdraw(meeting: id, caseId: caseId, by: user)
        return .seeOther("/meetings/\(id)")
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.require(.viewCases, request)
        let id = try context.parameters.require("id")
        let caseId = try context.parameters.require("caseId")
        guard let meeting = try await meetings.get(id: id), let item = meeting.items.first(where: { $0.caseId == caseId }),
            let stored = try await services.cases.get(id: caseId)
        else { throw AppError.notFound }
        try await services.checkAccess(caseId, for: user)
        try await services.audit.record(userId: user.id, action: "view", caseId: caseId, detail: "MDT report", at: services.now(), client: context.clientAddress)
        let assessment = assess(stored.record, asOf: services.today, settings: services.settings)
        return HTMLPage(html: MeetingReportPage(meeting: meeting, item: item, stored: stored, assessment: assessment, hospital: services.hospitalName).render(context.layout))
    }
}
