import BoneMetDomain
import BoneMetReports
import Foundation
import Hummingbird

/// Issue #13: a study's radiology report → suggested readings → the clinician accepts, edits or
/// rejects each → the accepted ones are written into the study's observations, the report kept
/// on the study, and the case re-assessed like any edit. The report travels only in POST bodies.
extension CaseController {
    static let maxReportLength = 20_000

    func study(_ stored: StoredCase, _ context: AppRequestContext) throws -> ImagingStudy {
        let id = try context.parameters.require("study")
        guard let study = stored.record.studies.first(where: { $0.id == id }) else { throw AppError.notFound }
        return study
    }

    func extractor() throws -> ReportExtractor {
        guard let extractor = services.reportExtractor else { throw AppError(.serviceUnavailable, ReportTexts.unavailable) }
        return extractor
    }

    /// The suggestions for a study's report. A report whose text names no region takes the
    /// regions its study's description names: an EHR sends the title ("胸腰椎CT平扫",
    /// "全身骨显像") apart from the conclusion, and the FHIR import keeps it as the study's region
    /// (unseen bundle ehr5, 2026-12-05) — the coverage tick box never showed.
    func suggestions(_ report: String, study: ImagingStudy, lesions: [Lesion]) throws -> ReportExtraction {
        let reader = try extractor()
        var extraction = reader.extract(report, existing: lesions)
        if extraction.coverage.isEmpty, let region = study.region, !region.isEmpty {
            extraction.coverage = reader.extract(region).coverage
        }
        if study.modality == .boneScan { Self.offerUptake(&extraction) }
        return extraction
    }

    /// A bone scan shows a lesion by its uptake: every lesion the report names on one — "Further
    /// foci in the T7 and L2 vertebral bodies and the left 6th rib" — is offered the uptake row,
    /// not pre-selected (uncertain, no words of the report), where the report's words gave none.
    /// The three lesions of ehr35's bone scan came with no field at all: accepted, they were
    /// recorded on the bone scan without uptake — a bone-scan reading that reads as nothing.
    static func offerUptake(_ extraction: inout ReportExtraction) {
        for index in extraction.lesions.indices where extraction.lesions[index].certainty == .affirmed
            && extraction.lesions[index].reading("uptake") == nil {
            extraction.lesions[index].readings.append(Reading(field: "uptake", value: "true", certainty: .uncertain, evidence: []))
        }
    }

    func reportPage(_ stored: StoredCase, _ study: ImagingStudy, report: String, extraction: ReportExtraction?, version: Int? = nil) -> ReportPage {
        var page = ReportPage(
            caseId: stored.id, patientId: stored.record.patient.id, study: study, version: version ?? stored.version, report: report, extraction: extraction,
            lesions: stored.record.lesions)
        if extraction != nil { page.newLesionCount = services.reportExtractor?.newLesionCount(report) }
        return page
    }

    @Sendable func reportForm(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let (_, stored, _) = try await loadForEdit(request, context)
        let study = try study(stored, context)
        return HTMLPage(html: reportPage(stored, study, report: study.report ?? "", extraction: nil).render(context.layout))
    }

    @Sendable func reportSuggestions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, stored, _) = try await loadForEdit(request, context)
        let study = try study(stored, context)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let report = form["report"] ?? ""
        guard report.utf16.count <= Self.maxReportLength else {
            // Kept as typed, to be shortened.
            var page = reportPage(stored, study, report: report, extraction: nil)
            page.errors = [ReportTexts.tooLong(context.language)]
            return try HTMLPage(html: page.render(context.layout), status: .contentTooLarge).response(from: request, context: context)
        }
        let page = reportPage(stored, study, report: report, extraction: try suggestions(report, study: study, lesions: stored.record.lesions))
        return try HTMLPage(html: page.render(context.layout)).response(from: request, context: context)
    }

    @Sendable func reportConfirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (user, stored, root) = try await loadForEdit(request, context)
        let study = try study(stored, context)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        let report = form["report"] ?? ""
        let version = Int(form["version"] ?? "") ?? 0
        guard report.utf16.count <= Self.maxReportLength else { throw AppError(.contentTooLarge, ReportTexts.tooLong) }
        // The suggestions are made again from the same text: what the form's numbers refer to
        // is derived here, never taken from hidden fields.
        let extraction = try suggestions(report, study: study, lesions: stored.record.lesions)
        func again(_ errors: [String], status: HTTPResponse.Status) throws -> Response {
            var page = reportPage(stored, study, report: report, extraction: extraction, version: version)
            page.errors = errors
            page.typed = form.fields
            return try HTMLPage(html: page.render(context.layout), status: status).response(from: request, context: context)
        }
        let applied = ReportApplication.apply(
            extraction, form: form.fields, report: report, study: study.id, to: root, lesions: stored.record.lesions,
            windows: ReportPage.windowsToRecord(study, report: report),
            unnamedNewLesions: study.unnamedNewLesions == nil ? services.reportExtractor?.newLesionCount(report) : nil)
        if !applied.errors.isEmpty {
            return try again(applied.errors.map { "\(ExtractionText.fields[$0.field]?(context.language) ?? $0.field): \(ReportTexts.badValue(context.language))" }, status: .unprocessableContent)
        }
        let record: CaseRecord
        do {
            record = try CaseFile.read(applied.root)
        } catch {
            return try again(error.errors.map { $0.message(context.language) }, status: .unprocessableContent)
        }
        do {
            _ = try await CaseService(services: services).update(id: stored.id, record: record, expectedVersion: version, by: user)
        } catch StorageError.versionConflict(let current) {
            return try again([AppError.conflict(current: current).message(context.language)], status: .conflict)
        }
        return .seeOther("/cases/\(stored.id)#record")
    }
}

/// Writing accepted suggestions into the record's JSON (then validated as any edit).
enum ReportApplication {
    struct Result {
        var root: JSONValue
        var errors: [(field: String, value: String)] = []
    }

    static func apply(
        _ extraction: ReportExtraction, form: [String: String], report: String, study: String, to root: JSONValue, lesions: [Lesion],
        windows: [CTWindow] = [], unnamedNewLesions: Int? = nil
    ) -> Result {
        var result = Result(root: root)
        guard case .array(let studies)? = RecordJSON.get(root, ["studies"]), let studyIndex = studies.firstIndex(where: {
            if case .object(let object) = $0, case .string(let id)? = object["id"] { id == study } else { false }
        }) else { return result }
        let trimmed = report.trimmingCharacters(in: .whitespacesAndNewlines)
        result.root = RecordJSON.set(result.root, ["studies", String(studyIndex), "report"], trimmed.isEmpty ? nil : .string(trimmed))
        if form["coverage"] == "on" {
            var regions: [JSONValue] = []
            if case .array(let items)? = RecordJSON.get(result.root, ["studies", String(studyIndex), "coverage"]) { regions = items }
            for region in extraction.coverage where !regions.contains(.string(region)) { regions.append(.string(region)) }
            result.root = RecordJSON.set(result.root, ["studies", String(studyIndex), "coverage"], .array(regions))
        }
        // The windows its report names, ticked (`ReportPage.windowsNode`): offered only where none were recorded.
        if form["windows"] == "on", !windows.isEmpty {
            result.root = RecordJSON.set(result.root, ["studies", String(studyIndex), "windows"], .array(windows.map { .string($0.rawValue) }))
        }
        if form["unnamedNewLesions"] == "on", let count = unnamedNewLesions {
            result.root = RecordJSON.set(result.root, ["studies", String(studyIndex), "unnamedNewLesions"], .int(count))
        }
        var lesionIds = Set(lesions.map(\.id))
        for (index, lesion) in extraction.lesions.enumerated() where form["lesion.\(index)"] == "on" {
            var target = form["target.\(index)"] ?? "new"
            if target != "new", !lesionIds.contains(target) { target = "new" }
            if target == "new" {
                var number = lesionIds.count + 1
                while lesionIds.contains("L\(number)") { number += 1 }
                target = "L\(number)"
                lesionIds.insert(target)
                var object = JSONObject()
                object["id"] = .string(target)
                object["bone"] = .string(lesion.site.bone.rawValue)
                if let level = lesion.site.level { object["level"] = .string(level.description) }
                if let side = lesion.site.side { object["laterality"] = .string(side.rawValue) }
                if let segment = lesion.site.segment { object["segment"] = .string(segment.rawValue) }
                if let note = lesion.note { object["note"] = .string(note) }
                var list: [JSONValue] = []
                if case .array(let items)? = RecordJSON.get(result.root, ["lesions"]) { list = items }
                result.root = RecordJSON.set(result.root, ["lesions"], .array(list + [.object(object)]))
            }
            // The study's observation of this lesion: updated, or added.
            var observations: [JSONValue] = []
            if case .array(let items)? = RecordJSON.get(result.root, ["studies", String(studyIndex), "observations"]) { observations = items }
            var position = observations.firstIndex {
                if case .object(let object) = $0, case .string(let id)? = object["lesion"] { id == target } else { false }
            }
            if position == nil {
                var object = JSONObject()
                object["lesion"] = .string(target)
                object["present"] = .bool(lesion.certainty != .negated)
                observations.append(.object(object))
                position = observations.count - 1
            }
            guard let position, case .object(var observation) = observations[position] else { continue }
            for (readingIndex, reading) in lesion.readings.enumerated() where form["accept.\(index).\(readingIndex)"] == "on" {
                guard let field = ReportFields.byField[reading.field] else { continue }
                let raw = (form["value.\(index).\(readingIndex)"] ?? "").trimmingCharacters(in: .whitespaces)
                guard let value = typed(raw, field.kind) else {
                    result.errors.append((reading.field, raw))
                    continue
                }
                observation[field.key] = value
            }
            observations[position] = .object(observation)
            result.root = RecordJSON.set(result.root, ["studies", String(studyIndex), "observations"], .array(observations))
        }
        return result
    }

    static func typed(_ raw: String, _ kind: ReportFields.Kind) -> JSONValue? {
        switch kind {
        case .boolean: return raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : nil
        case .values(let allowed): return allowed.contains(raw) ? .string(raw) : nil
        case .number: return Double(raw).map { .double($0) }
        case .diameters:
            let numbers = raw.split(whereSeparator: { ", x×*".contains($0) }).map { Double($0) }
            guard !numbers.isEmpty, numbers.count <= 2, numbers.allSatisfy({ $0 != nil }) else { return nil }
            return .array(numbers.compactMap { $0 }.map { .double($0) })
        }
    }
}
