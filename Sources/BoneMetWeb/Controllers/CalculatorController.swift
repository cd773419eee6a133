import Foundation
import BoneMetDomain
import Hummingbird

/// Every bedside score in the browser, computed by the same `Calculators` as the CLI.
struct CalculatorController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/calculators", use: index)
        router.get("/calculators/{name}", use: show)
        router.post("/calculators/{name}", use: calculate)
    }


    func calculator(_ context: AppRequestContext) throws -> Calculator {
        let name = try context.parameters.require("name")
        guard let calculator = Calculators.all.first(where: { $0.name == name }) else { throw AppError.notFound }
        return calculator
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.requireUser(request)
        return HTMLPage(html: CalculatorIndexPage().render(context.layout))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.requireUser(request)
        let page = CalculatorPage(calculator: try calculator(context), values: [:], report: nil, error: nil)
        return HTMLPage(html: page.render(context.layout))
    }

    /// Form values become the calculator's JSON input; a value that does not parse is passed as
    /// text so the calculator's own error names the field and what it accepts.
    @Sendable func calculate(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.requireUser(request)
        let calculator = try calculator(context)
        let form = try await FormData.read(request)
        try context.checkCSRF(form["_csrf"])
        var values: [String: String] = [:]
        var input = JSONObject()
        for field in calculator.fields {
            let raw = (form[field.key] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { continue }
            values[field.key] = raw
            input[field.key] = Self.value(raw, kind: field.kind)
        }
        // The live result (calc.js): the result section alone; an incomplete form says what is
        // still needed, as a hint rather than an error.
        if request.headers[.liveResult] == "1" {
            let language = context.layout.language
            let page = CalculatorPage(calculator: calculator, values: values, report: nil, error: nil)
            do {
                let report = try calculator.run(.object(input), settings: services.settings)
                return HTMLPage(html: page.resultHTML(report, language))
            } catch {
                return HTMLPage(html: CalculatorPage.hint(error.message(language)))
            }
        }
        do {
            let report = try calculator.run(.object(input), settings: services.settings)
            return HTMLPage(html: CalculatorPage(calculator: calculator, values: values, report: report, error: nil).render(context.layout))
        } catch {
            let page = CalculatorPage(calculator: calculator, values: values, report: nil, error: error)
            return HTMLPage(html: page.render(context.layout), status: .unprocessableContent)
        }
    }

    static func value(_ raw: String, kind: FieldSpec.Kind) -> JSONValue {
        switch kind {
        case .integer: return Int(raw).map(JSONValue.int) ?? Double(raw).map(JSONValue.double) ?? .string(raw)
        case .number: return Double(raw.replacingOccurrences(of: ",", with: ".")).map(JSONValue.double) ?? .string(raw)
        case .boolean: return raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : .string(raw)
        case .choice, .vertebralLevel: return .string(raw)
        }
    }
}
