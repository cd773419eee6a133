import BoneMetDomain
import BoneMetStorage
import Foundation
import Hummingbird

/// Meetings and calculators on the API: what the pages do, as JSON.
extension APIController {
    func addMeetingRoutes(to router: Router<AppRequestContext>) {
        let api = router.group("api/v1")
        api.get("meetings", use: meetingList)
        api.post("meetings", use: meetingCreate)
        api.get("meetings/{id}", use: meetingGet)
        api.post("meetings/{id}/agenda", use: meetingAgenda)
        api.put("meetings/{id}/attendees", use: meetingAttendees)
        api.post("meetings/{id}/decisions/{caseId}", use: meetingDecision)
        api.post("calculators/{name}", use: calculate)
    }

    var meetings: SQLMeetingStore { SQLMeetingStore(services.store) }

    /// Reads a JSON object body with the declared keys; bad input is 422 naming the fields.
    func readObject(_ request: Request, fields: [String]) async throws -> InputReader {
        let text = try await FormData.bodyText(request, limit: 1024 * 1024)
        do {
            return try InputReader(try JSONValue.parse(text), fields: fields)
        } catch {
            throw AppError.invalid([error])
        }
    }

    func required<T>(_ key: String, _ body: () throws(InputError) -> T?) throws -> T {
        do {
            guard let value = try body() else { throw AppError.invalid([InputError(field: key, problem: .missing)]) }
            return value
        } catch let error as InputError {
            throw AppError.invalid([error])
        }
    }

    @Sendable func meetingList(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        _ = try context.require(.viewCases, request)
        let items: [JSONValue] = try await meetings.list(limit: 200).map { meeting in
            .object(JSONObject([
                "id": .string(meeting.id), "title": .string(meeting.title), "scheduledFor": .string(meeting.scheduledFor),
                "cases": .int(meeting.cases), "decided": .int(meeting.decided),
            ]))
        }
        return JSONResponse(value: JSONValue.object(["meetings": .array(items)]).serialized())
    }

    @Sendable func meetingCreate(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.manageMeetings, request)
        try checkCSRF(request, context)
        let reader = try await readObject(request, fields: ["title", "scheduledFor", "location"])
        let title = try required("title") { () throws(InputError) in try reader.string("title") }
        let scheduled = try required("scheduledFor") { () throws(InputError) in try reader.string("scheduledFor") }
        let parts = scheduled.split(separator: " ")
        let time = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Int($0) } : []
        guard parts.count == 2, let day = PartialDate(String(parts[0])), day.isComplete, time.count == 2, (0...23).contains(time[0]), (0...59).contains(time[1]) else {
            throw AppError.invalid([InputError(field: "scheduledFor", problem: .custom(LocalizedText(en: "must be YYYY-MM-DD HH:MM", zh: "格式必须为 YYYY-MM-DD HH:MM")))])
        }
        let location = try { () throws -> String? in
            do { return try reader.string("location") } catch let error as InputError { throw AppError.invalid([error]) }
        }()
        let id = try await meetings.create(title: title, scheduledFor: scheduled, location: location ?? "", by: user.id, at: services.now())
        return JSONResponse(value: JSONValue.object(["id": .string(id)]).serialized(), status: .created)
    }

    @Sendable func meetingGet(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.viewCases, request)
        guard let meeting = try await meetings.get(id: try context.parameters.require("id")) else { throw AppError.notFound }
        guard services.mayOpen(meeting, user) else { throw AppError.notAttending }
        var items: [JSONValue] = []
        for item in meeting.items {
            var missing: [JSONValue] = []
            if let stored = try await services.cases.get(id: item.caseId) {
                missing = MeetingReadiness.missing(stored.record, assess(stored.record, asOf: services.today, settings: services.settings))
                    .map { .string($0(context.language)) }
            }
            items.append(.object(JSONObject([
                "caseId": .string(item.caseId), "patientId": .string(item.patientId), "question": .string(item.question),
                "missing": .array(missing), "decision": item.decision.map(JSONValue.string) ?? .null,
                "specialty": item.specialty.map { .string($0.rawValue) } ?? .null, "followUp": .array(item.followUp.map(JSONValue.string)),
            ])))
        }
        let body = JSONValue.object(JSONObject([
            "id": .string(meeting.id), "title": .string(meeting.title), "scheduledFor": .string(meeting.scheduledFor),
            "location": .string(meeting.location),
            "attendees": .array(meeting.attendees.map { attendee in
                var object = JSONObject(["name": .string(attendee.name), "specialty": .string(attendee.specialty.rawValue)])
                if let id = attendee.userId { object["userId"] = .string(id) }
                return .object(object)
            }),
            "agenda": .array(items),
        ]))
        return JSONResponse(value: body.serialized())
    }

    @Sendable func meetingAgenda(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.manageMeetings, request)
        try checkCSRF(request, context)
        let id = try context.parameters.require("id")
        let reader = try await readObject(request, fields: ["caseId", "question"])
        let caseId = try required("caseId") { () throws(InputError) in try reader.string("caseId") }
        let question = try required("question") { () throws(InputError) in try reader.string("question") }
        guard let meeting = try await meetings.get(id: id) else { throw AppError.notFound }
        guard services.mayOpen(meeting, user) else { throw AppError.notAttending }
        try await services.checkAccess(caseId, for: user)
        do {
            try await meetings.add(caseId: caseId, question: question, to: id)
        } catch StorageError.duplicate {
            throw AppError(.conflict, MeetingTexts.alreadyOnAgenda)
        } catch StorageError.notFound {
            throw AppError.notFound
        }
        try await services.audit.record(userId: user.id, action: "agenda", caseId: caseId, detail: "meeting \(id)", at: services.now(), client: context.clientAddress)
        return JSONResponse(value: #"{"status":"added"}"#, status: .created)
    }

    @Sendable func meetingAttendees(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.manageMeetings, request)
        try checkCSRF(request, context)
        let id = try context.parameters.require("id")
        guard let meeting = try await meetings.get(id: id) else { throw AppError.notFound }
        guard services.mayManage(meeting, user) else { throw AppError.forbidden }
        let users = Dictionary(try await services.users.all().map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
        let text = try await FormData.bodyText(request, limit: 256 * 1024)
        guard case .array(let items) = (try? JSONValue.parse(text)) ?? .null else {
            throw AppError.invalid([InputError(field: nil, problem: .wrongType(expected: .array))])
        }
        var attendees: [Attendee] = []
        for (index, item) in items.enumerated() {
            do throws(InputError) {
                let reader = try InputReader(item, fields: ["name", "specialty", "username"])
                guard let name = try reader.string("name") else { throw InputError(field: "name", problem: .missing) }
                guard let specialty = try reader.enumValue("specialty", as: Specialty.self) else { throw InputError(field: "specialty", problem: .missing) }
                // A BoneMet user attending (on the care team of the agenda's patients), or a guest.
                var userId: String?
                if let username = try reader.string("username") {
                    guard let attendee = users[username], !attendee.disabled else {
                        throw InputError(field: "username", problem: .custom(LocalizedText(en: "no active user with this name", zh: "没有此用户名的在用账号")))
                    }
                    userId = attendee.id
                }
                attendees.append(Attendee(name: name, specialty: specialty, userId: userId))
            } catch {
                throw AppError.invalid([error.nested(under: "[\(index)]")])
            }
        }
        try await meetings.setAttendees(attendees, meeting: id)
        return JSONResponse(value: #"{"status":"saved"}"#)
    }

    @Sendable func meetingDecision(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let user = try context.require(.manageMeetings, request)
        try checkCSRF(request, context)
        let id = try context.parameters.require("id")
        let caseId = try context.parameters.require("caseId")
        let reader = try await readObject(request, fields: ["decision", "specialty", "followUp"])
        let decision = try required("decision") { () throws(InputError) in try reader.string("decision") }
        let specialty = try required("specialty") { () throws(InputError) in try reader.enumValue("specialty", as: Specialty.self) }
        var followUp: [String] = []
        if case .array(let items)? = reader.raw("followUp") {
            followUp = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }
        try await MeetingService(services: services).decide(meeting: id, caseId: caseId, decision: decision, specialty: specialty, followUp: followUp, by: user)
        return JSONResponse(value: #"{"status":"decided"}"#)
    }

    /// A calculator: the JSON input of `bonemet calc`, the report in the request's language.
    @Sendable func calculate(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        _ = try context.require(.viewCases, request)
        try checkCSRF(request, context)
        let name = try context.parameters.require("name")
        do {
            let calculator = try Calculators.named(name)
            let text = try await FormData.bodyText(request, limit: 64 * 1024)
            let report = try calculator.run(try JSONValue.parse(text), settings: services.settings)
            return JSONResponse(value: report.json(context.language).serialized())
        } catch let error as InputError {
            if case .unknownCalculator = error.problem { throw AppError.notFound }
            throw AppError.invalid([error])
        }
    }
}
