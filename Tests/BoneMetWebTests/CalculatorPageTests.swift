import BoneMetDomain
import BoneMetStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #10, calculators like a bedside calculator: each option with its points (from the
/// score's own table), the formula and bands on the page, and a live result that needs only
/// BoneMet's own script (the page works without it).
@Suite struct CalculatorPageTests {
    @Test func optionsCarryTheirPointsAndEveryScoreExplainsItself() {
        let mirels = Calculators.all.first { $0.name == "mirels" }
        let pain = mirels?.fields.first { $0.key == "pain" }
        #expect(pain?.optionPoints == Dictionary(Mirels.Pain.allCases.map { ($0.rawValue, $0.points) }, uniquingKeysWith: { a, _ in a }))
        guard let mirels else { Issue.record("no mirels"); return }
        let html = CalculatorPage(calculator: mirels, values: [:], report: nil, error: nil).render(Layout(language: .zhHans, user: nil, csrf: nil))
        #expect(html.contains("（\(Mirels.Pain.functional.points) 分）"))
        for calculator in Calculators.all where calculator.name != "escc" {
            let (how, bands) = CalculatorFormula.of(calculator.name)
            #expect(!how.isEmpty, "\(calculator.name) explains how it is calculated")
            if ["mirels", "sins", "tokuhashi", "tomita", "katagiri", "zoledronicDose"].contains(calculator.name) { #expect(!bands.isEmpty, "\(calculator.name) bands") }
        }
        // The bands shown are the ones the score uses: each band's label is what a result says.
        #expect(CalculatorFormula.of("sins").bands.map(\.id) == SINS.Category.allCases.map(\.rawValue))
    }

    @Test func theLiveResultIsTheResultAlone() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("doctor", role: .orthopaedics)
        try await harness.run { client in
            var doctor = Browser()
            _ = try await doctor.signIn(client, "doctor", WebHarness.password)
            let page = String(buffer: try await doctor.get(client, "/calculators/mirels").body)
            #expect(page.contains(#"<script src="/static/calc.js" defer="defer"></script>"#))
            let live: HTTPFields = [.liveResult: "1"]
            let partial = try await doctor.post(client, "/calculators/mirels", form: ["_csrf": doctor.csrf ?? "", "site": "upperLimb"], headers: live)
            #expect(partial.status == .ok)
            let body = String(buffer: partial.body)
            #expect(!body.contains("<html") && body.contains("section") && body.contains("Mirels"))
            let full = try await doctor.post(client, "/calculators/mirels", form: [
                "_csrf": doctor.csrf ?? "", "site": "peritrochanteric", "pain": "functional", "lesion": "lytic", "size": "moreThanTwoThirds",
            ], headers: live)
            #expect(String(buffer: full.body).contains("Mirels 12"))
            let missing = try await doctor.post(client, "/calculators/crcl", form: ["_csrf": doctor.csrf ?? ""], headers: live)
            #expect(missing.status == .ok && String(buffer: missing.body).contains("hint"))
            // Without the CSRF token, live or not, nothing is computed.
            #expect(try await doctor.post(client, "/calculators/mirels", form: ["site": "upperLimb"], headers: live).status == .forbidden)
            let script = try await doctor.get(client, "/static/calc.js")
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(String(buffer: script.body).contains("X-BoneMet-Live"))
        }
    }
}
