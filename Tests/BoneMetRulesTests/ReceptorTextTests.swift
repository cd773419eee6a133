import BoneMetRules
import Testing

/// Rule set 2026.12.72: ER and PR read from the pathology text when not coded (ASCO/CAP 2020 for
/// a bare percentage: ≥ 1 % positive, < 1 % negative).
@Suite struct ReceptorTextTests {
    @Test func receptorsAsPathologyWritesThem() {
        let cases: [(String, ReceptorStatus?, ReceptorStatus?)] = [
            ("浸润性导管癌，ER(+90%)，PR(+20%)，HER2(1+)", .positive, .positive),
            ("IDC, ER（-，0%），PR（-），HER2（3+）", .negative, .negative),
            ("ER+/PR-/HER2-", .positive, .negative),
            ("ER-positive, PgR-negative breast carcinoma", .positive, .negative),
            ("ER 80%, PR 0%", .positive, .negative),
            ("ER 5% (low positive), PR <1%", .positive, .negative),
            ("雌激素受体阳性，孕激素受体阴性", .positive, .negative),
            ("ER(弱+,5%) PR(-)", .positive, .negative),
            ("invasive ductal carcinoma", nil, nil),
            ("HER2 negative cancer, progression", nil, nil),
            ("ER(+) primary; recurrence ER(-)", nil, nil),
            ("ER <10%, PR 30%", nil, .positive),
        ]
        for (text, er, pr) in cases {
            #expect(ReceptorText.status(.er, in: text) == er, "\(text)")
            #expect(ReceptorText.status(.pr, in: text) == pr, "\(text)")
        }
    }

    /// New Katagiri's primary: a hormone-dependent breast cancer grows slowly (0 points). Written
    /// only in the pathology text, the receptors left it 0–2.
    @Test func katagiriReadsTheHormoneDependenceTheTextWrites() throws {
        var r = baseCase()
        r.primaries[0].hormoneDependent = nil
        r.primaries[0].histology = "浸润性导管癌，ER(+90%)，PR(+20%)，HER2(1+)"
        let positive = try #require(assess(r, asOf: day("2023-03-21")).rule("surgery.prognosis.katagiri").first)
        #expect(positive.detail.en.contains("primary lesion breast (slow growth) → 0"))
        r.primaries[0].histology = "IDC, ER(-), PR(-), HER2(3+)"
        let negative = try #require(assess(r, asOf: day("2023-03-21")).rule("surgery.prognosis.katagiri").first)
        #expect(negative.detail.en.contains("→ 2;"))
        #expect(!negative.detail.en.contains("slow growth"))
        // A coded status wins over the text.
        r.primaries[0].er = .positive
        let coded = try #require(assess(r, asOf: day("2023-03-21")).rule("surgery.prognosis.katagiri").first)
        #expect(coded.detail.en.contains("primary lesion breast (slow growth) → 0"))
    }
}
