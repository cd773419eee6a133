import BoneMetDomain
import Foundation
import Plot
import Testing

@testable import BoneMetWeb

/// Issue #11: text a user typed, or the record holds, never closes an attribute — on the form
/// kept after an error, the search box, the meeting and user forms, the calculators.
@Suite struct AttributeEscapingTests {
    static let payloads = [
        #""><script>alert(1)</script>"#, #"' onmouseover='alert(2)"#, #"x" autofocus onfocus="alert(3)"#,
        #"<svg onload=alert(4)>"#, "a & b < c > d",
    ]
    static let layout = Layout(language: .en, user: PageSnapshotTests.doctor, csrf: "csrf-token")

    /// No payload survives as markup: no unescaped quote closing a value and no tag.
    func assertInert(_ html: String, _ payload: String, _ page: String) {
        #expect(!html.contains(payload) || !payload.contains(where: { "\"'<>".contains($0) }), "\(page): payload rendered raw")
        for marker in ["<script>alert", "onmouseover='alert", "onfocus=\"alert", "<svg onload"] { #expect(!html.contains(marker), "\(page): \(marker)") }
    }

    @Test func everyTypedAttributeIsEscaped() throws {
        let lesions = try #require(RecordSection.named("lesions"))
        for payload in Self.payloads {
            let form = SectionFormPage(
                caseId: "c1", patientId: "p1", section: lesions, index: nil, version: 1, values: ["id": payload, "note": payload],
                fieldErrors: ["id": "bad"], otherErrors: []
            ).render(Self.layout)
            assertInert(form, payload, "record form")
            #expect(form.contains(HTMLEscape.attribute(payload)))
            assertInert(CasesPage(cases: [], search: payload, canEdit: true).render(Self.layout), payload, "search")
        }
        #expect(HTMLEscape.attribute(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    /// Text nodes: every `&`, `<`, `>` escaped, an entity a user typed shown as typed (Plot's own
    /// escaping passed "&lt;" through as markup), Chinese and emoji intact, untouched text as is.
    @Test func textIsEscapedOnceAndShownAsTyped() {
        #expect(HTMLEscape.text("&lt;script&gt; & <b>") == "&amp;lt;script&amp;gt; &amp; &lt;b&gt;")
        #expect(HTMLEscape.text("T10 椎体溶骨性破坏 🦴 <5 cm") == "T10 椎体溶骨性破坏 🦴 &lt;5 cm")
        #expect(HTMLEscape.text("") == "")
        #expect(HTMLEscape.attribute("骨 \"转移\"") == "骨 &quot;转移&quot;")
    }
}
