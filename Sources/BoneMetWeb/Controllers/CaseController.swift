import Foundation
import BoneMetDomain
import BoneMetStorage
import Hummingbird

/// Case pages: list and search, create, show (assessed as of today) and edit. Every change is
/// re-assessed and its findings stored in the same transaction; every view and change is audited.
struct CaseController {
    let services: AppServices
    static let pageSize = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: { _, _ in Response.seeOther("/cases") })
        router.get("/cases", use: list)
        router.post("/cases/search", use: search)
        router.get("/cases/new", use: newGuided)
        router.get("/cases/new/json", use: newCase)
        router.post("/cases", use: create)
        router.post("/cases/guided", use: createGuided)
        router.get("/cases/{id}", use: show)
        router.get("/cases/{id}/edit", use: edit)
        router.post("/cases/{id}", use: update)
        router.get("/cases/{id}/edit-section", use: sectionForm)
        router.post("/cases/{id}/edit-section", use: saveSection)
        router.post("/cases/{id}/delete-item", use: deleteItem)
        router.get("/cases/{id}/studies/{study}/report", use: reportForm)
        router.post("/cases/{id}/studies/{study}/report", use: reportSuggestions)
        router.post("/cases/{id}/studies/{study}/report/confirm", use: reportConfirm)
        router.post("/cases/{id}/break-glass", use: breakGlass)
        router.post("/cases/{id}/team", use: addMember)
        router.post("/cases/{id}/team/remove", use: removeMember)
    }


    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.require(.viewCases, request)
        // Pages of `pageSize`: no patient is hidden past the first page.
        let page = max(1, min(request.uri.queryParameters.get("page", as: Int.self) ?? 1, 100_000))
        // Filters carry no patient data, so they may be in the URL (search is a POST).
        let query = request.uri.queryParameters
        var filter = CaseListFilter(today: services.today.description)
        filter.primary = query.get("primary").flatMap(PrimarySite.init(rawValue:))
        filter.urgency = query.get("urgency").flatMap(CaseListFilter.Urgency.init(rawValue:))
        filter.owner = query.get("mine") == "1" ? user.id : nil
        filter.onAgenda = query.get("agenda") == "1"
        filter.viewer = services.viewer(for: user)
        // The next page starts after the cursor of the last row shown (one index range);
        // without one, the first page.
        filter.after = query.get("after").flatMap { $0.isEmpty || $0.count > 200 ? nil : $0 }
        let cases = try await services.cases.list(filter, limit: Self.pageSize + 1, offset: 0)
        try await services.auditShown(context, user: user, action: "list", what: "patient list page \(page)", patients: cases.prefix(Self.pageSize).map(\.patientId))
        return HTMLPage(html: CasesPage(
            cases: Array(cases.prefix(Self.pageSize)), search: "", canEdit: user.may(.editClinicalData), page: page,
            hasNext: cases.count > Self.pageSize, filter: filter, mine: filter.owner != nil, owners: try await ownerNames(), today: services.today
        ).render(context.layout))
    }

    /// Search is a POST: a patient id typed into it must not end up in a URL (history, proxy logs).
    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.require(.viewCases, request)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let search = (form["q"] ?? "").trimmingCharacters(in: .whitespaces)
        var filter = CaseListFilter(search: search.isEmpty ? nil : search, today: services.today.description)
        filter.viewer = services.viewer(for: user)
        let cases = try await services.cases.list(filter, limit: Self.pageSize, offset: 0)
        try await services.auditShown(context, user: user, action: "search", what: "search \"\(search)\"", patients: cases.map(\.patientId))
        return HTMLPage(html: CasesPage(
            cases: cases, search: search, canEdit: user.may(.editClinicalData), owners: try await ownerNames(), today: services.today
        ).render(context.layout))
    }

    /// User id → display name, for the owner column.
    func ownerNames() async throws -> [String: String] {
        Dictionary(try await services.users.all().map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
    }

    static let template = """
        {
          "schemaVersion": 1,
          "patient": {"id": "", "sex": "female", "birthDate": ""},
          "primaries": [],
          "lesions": [],
          "studies": [],
          "treatments": []
        }
        """

    @Sendable func newCase(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.require(.editClinicalData, request)
        return HTMLPage(html: CaseEditorPage(caseId: nil, text: Self.template, version: nil, errors: [], message: nil).render(context.layout))
    }

    /// A new patient through the guided form (the JSON editor stays at /cases/new/json).
    @Sendable func newGuided(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.require(.editClinicalData, request)
        return HTMLPage(html: GuidedCasePage().render(context.layout))
    }

    @Sendable func createGuided(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.editClinicalData, request)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        var values = form.fields
        values["_csrf"] = nil
        let then = values.removeValue(forKey: "then")
        let language = context.layout.language
        let result = GuidedCaseForm(values: values, language: language).read()
        func again(_ errors: [String: String], _ other: [String], status: HTTPResponse.Status, message: LocalizedText? = nil, existing: String? = nil) throws -> Response {
            let page = GuidedCasePage(values: values, errors: errors, other: other, message: message, existingCase: existing)
            return try HTMLPage(html: page.render(context.layout), status: status).response(from: request, context: context)
        }
        if !result.errors.isEmpty { return try again(result.errors, [], status: .unprocessableContent) }
        let record: CaseRecord
        do {
            record = try CaseFile.read(result.json)
        } catch {
            var errors: [String: String] = [:]
            var other: [String] = []
            for problem in error.errors {
                if let field = problem.field, let name = result.fieldName(for: field) {
                    errors[name] = problem.message(language)
                } else {
                    other.append(problem.message(language))
                }
            }
            return try again(errors, other, status: .unprocessableContent)
        }
        do {
            let stored = try await CaseService(services: services).create(record, by: user)
            return .seeOther(then == "study" ? "/cases/\(stored.id)/edit-section?section=studies" : "/cases/\(stored.id)")
        } catch let error as AppError where error.existingCase != nil {
            return try again([:], [], status: .conflict, message: error.message, existing: error.existingCase)
        }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.editClinicalData, request)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let text = form["record"] ?? ""
        let record: CaseRecord
        do {
            record = try CaseFile.read(text)
        } catch {
            let page = CaseEditorPage(caseId: nil, text: text, version: nil, errors: error.errors, message: AppError.invalid([]).message)
            return try HTMLPage(html: page.render(context.layout), status: .unprocessableContent).response(from: request, context: context)
        }
        do {
            let stored = try await CaseService(services: services).create(record, by: user)
            return .seeOther("/cases/\(stored.id)")
        } catch let error as AppError where error.existingCase != nil {
            // What was typed stays in the form, with a link to the case that exists.
            var page = CaseEditorPage(caseId: nil, text: text, version: nil, errors: [], message: error.message)
            page.existingCase = error.existingCase
            return try HTMLPage(html: page.render(context.layout), status: .conflict).response(from: request, context: context)
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.require(.viewCases, request)
        let id = try context.parameters.require("id")
        let opened = try await services.openAssessedCase(id, for: user)
        try await services.audit.record(userId: user.id, action: "view", caseId: id, detail: "case page", at: services.now(), client: context.clientAddress)
        var page = CasePage(
            stored: opened.stored, assessment: opened.assessment, canEdit: user.may(.editClinicalData), viewer: ViewerLinks(template: services.viewerURLTemplate))
        page.tasks = try await SQLTaskStore(services.store).tasks(caseId: id)
        page.canCompleteTasks = user.may(.manageMeetings)
        page.careTeam = try await careTeam(id, user: user)
        page.cache = services.renderCache
        return HTMLPage(html: page.render(context.layout))
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.require(.editClinicalData, request)
        let id = try context.parameters.require("id")
        let stored = try await services.openCase(id, for: user)
        try await services.audit.record(userId: user.id, action: "view", caseId: id, detail: "record editor", at: services.now(), client: context.clientAddress)
        let page = CaseEditorPage(caseId: id, text: CaseFile.write(stored.record), version: stored.version, errors: [], message: nil)
        return HTMLPage(html: page.render(context.layout))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.require(.editClinicalData, request)
        let id = try context.parameters.require("id")
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let text = form["record"] ?? ""
        let version = Int(form["version"] ?? "") ?? 0
        func again(_ errors: [InputError], _ error: AppError) throws -> Response {
            let page = CaseEditorPage(caseId: id, text: text, version: version, errors: errors, message: error.message)
            return try HTMLPage(html: page.render(context.layout), status: error.status).response(from: request, context: context)
        }
        let record: CaseRecord
        do {
            record = try CaseFile.read(text)
        } catch {
            return try again(error.errors, AppError.invalid(error.errors))
        }
        do {
            _ = try await CaseService(services: services).update(id: id, record: record, expectedVersion: version, by: user)
        } catch StorageError.versionConflict(let current) {
            return try again([], AppError.conflict(current: current))
        } catch StorageError.notFound {
            throw AppError.notFound
        }
        return .seeOther("/cases/\(id)")
    }
}

// MARK: Editing the record section by section

extension CaseController {
    func loadForEdit(_ request: Request, _ context: AppRequestContext) async throws -> (User, StoredCase, JSONValue) {
        let user = try context.require(.editClinicalData, request)
        let id = try context.parameters.require("id")
        let stored = try await services.openCase(id, for: user)
        return (user, stored, try JSONValue.parse(CaseFile.write(stored.record)))
    }

    func existing(_ root: JSONValue, _ section: RecordSection, _ index: Int?) -> JSONObject? {
        let path = section.single ? section.components : section.components + (index.map { [String($0)] } ?? [])
        guard section.single || index != nil, case .object(let object)? = RecordJSON.get(root, path) else { return nil }
        return object
    }

    @Sendable func sectionForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let (_, stored, root) = try await loadForEdit(request, context)
        guard let section = RecordSection.named(request.uri.queryParameters.get("section") ?? "") else { throw AppError.notFound }
        let index = request.uri.queryParameters.get("index", as: Int.self)
        var values: [String: String] = [:]
        if let item = existing(root, section, index) {
            for field in section.fields { values[field.key] = RecordSection.text(item[field.key]) }
        } else if index != nil {
            throw AppError.notFound
        }
        let page = SectionFormPage(
            caseId: stored.id, patientId: stored.record.patient.id, section: section, index: index, version: stored.version, values: values,
            fieldErrors: [:], otherErrors: [])
        return HTMLPage(html: page.render(context.layout))
    }

    @Sendable func saveSection(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (user, stored, root) = try await loadForEdit(request, context)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        guard let section = RecordSection.named(form["section"] ?? "") else { throw AppError.notFound }
        let index = form["index"].flatMap { Int($0) }
        let version = Int(form["version"] ?? "") ?? 0
        let (item, typed) = section.item(from: form, keeping: existing(root, section, index))
        var newRoot = root
        var itemIndex = index
        if section.single {
            newRoot = RecordJSON.set(root, section.components, .object(item))
        } else if let index {
            newRoot = RecordJSON.set(root, section.components + [String(index)], .object(item))
        } else {
            var list: [JSONValue] = []
            if case .array(let items)? = RecordJSON.get(root, section.components) { list = items }
            itemIndex = list.count
            newRoot = RecordJSON.set(root, section.components, .array(list + [.object(item)]))
        }
        func again(_ errors: [InputError], status: HTTPResponse.Status, extra: [String] = []) throws -> Response {
            let prefix = section.errorPrefix(index: itemIndex)
            var fieldErrors: [String: String] = [:]
            var other = extra
            for error in errors {
                if let field = error.field, field.hasPrefix(prefix + "."), let key = field.dropFirst(prefix.count + 1).split(whereSeparator: { $0 == "." || $0 == "[" }).first {
                    fieldErrors[String(key)] = error.message(context.language)
                } else {
                    other.append(error.message(context.language))
                }
            }
            let page = SectionFormPage(
                caseId: stored.id, patientId: stored.record.patient.id, section: section, index: index, version: version, values: typed,
                fieldErrors: fieldErrors, otherErrors: other)
            return try HTMLPage(html: page.render(context.layout), status: status).response(from: request, context: context)
        }
        let record: CaseRecord
        do {
            record = try CaseFile.read(newRoot)
        } catch {
            return try again(error.errors, status: .unprocessableContent)
        }
        do {
            _ = try await CaseService(services: services).update(id: stored.id, record: record, expectedVersion: version, by: user)
        } catch StorageError.versionConflict(let current) {
            return try again([], status: .conflict, extra: [AppError.conflict(current: current).message(context.language)])
        }
        return .seeOther("/cases/\(stored.id)#record")
    }

    @Sendable func deleteItem(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (user, stored, root) = try await loadForEdit(request, context)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        guard let section = RecordSection.named(form["section"] ?? ""), !section.single, let index = form["index"].flatMap({ Int($0) }),
            existing(root, section, index) != nil
        else { throw AppError.notFound }
        let newRoot = RecordJSON.set(root, section.components + [String(index)], nil)
        let record: CaseRecord
        do {
            record = try CaseFile.read(newRoot)
        } catch {
            // E.g. deleting a lesion that studies still observe: say which references remain.
            throw AppError(.unprocessableContent, LocalizedText(
                en: "Not deleted: " + error.errors.map { $0.message(.en) }.joined(separator: "; "),
                zh: "未删除：" + error.errors.map { $0.message(.zhHans) }.joined(separator: "；")))
        }
        do {
            _ = try await CaseService(services: services).update(id: stored.id, record: record, expectedVersion: Int(form["version"] ?? "") ?? 0, by: user)
        } catch StorageError.versionConflict(let current) {
            throw AppError.conflict(current: current)
        }
        return .seeOther("/cases/\(stored.id)#record")
    }
}

/// Writing a case: validate, assess, store record and findings together, audit. The findings
/// are stored as list rows, so they are assessed without details (the page writes its own).
struct CaseService {
    let services: AppServices

    func create(_ record: CaseRecord, by user: User) async throws -> StoredCase {
        let assessment = assess(record, asOf: services.today, settings: services.settings, details: false)
        let stored: StoredCase
        do {
            stored = try await services.cases.create(
                record, findings: assessment.findings, reassessOn: assessment.reassessOn, by: user.id, at: services.now())
        } catch StorageError.patientExists(let existing) {
            throw AppError.patientExists(caseId: existing)
        }
        try await services.audit.record(userId: user.id, action: "create", caseId: stored.id, detail: "version 1", at: services.now())
        return stored
    }

    func update(id: String, record: CaseRecord, expectedVersion: Int, by user: User) async throws -> StoredCase {
        // Every write goes through here: only the care team (or an open emergency access) writes.
        try await services.checkAccess(id, for: user)
        let assessment = assess(record, asOf: services.today, settings: services.settings, details: false)
        let stored = try await services.cases.update(
            id: id, record: record, findings: assessment.findings, reassessOn: assessment.reassessOn,
            expectedVersion: expectedVersion, by: user.id, at: services.now())
        try await services.audit.record(userId: user.id, action: "update", caseId: id, detail: "version \(stored.version)", at: services.now())
        return stored
    }
}
