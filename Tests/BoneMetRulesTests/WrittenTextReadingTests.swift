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
            // Rule set 2026.12.166 (cb25-f): the name of the three negatives.
            ("乳腺癌 三阴性", .negative, .negative),
            ("三阴性乳腺癌 术后", .negative, .negative),
            ("Triple-negative breast cancer", .negative, .negative),
            ("TNBC, Ki-67 60%", .negative, .negative),
            ("非三阴性乳腺癌", nil, nil),
            ("not triple negative", nil, nil),
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
        #expect(positive.detail.en.contains("primary lesion: breast (slow growth) → 0"))
        r.primaries[0].histology = "IDC, ER(-), PR(-), HER2(3+)"
        let negative = try #require(assess(r, asOf: day("2023-03-21")).rule("surgery.prognosis.katagiri").first)
        #expect(negative.detail.en.contains("→ 2;"))
        #expect(!negative.detail.en.contains("slow growth"))
        // A coded status wins over the text.
        r.primaries[0].er = .positive
        let coded = try #require(assess(r, asOf: day("2023-03-21")).rule("surgery.prognosis.katagiri").first)
        #expect(coded.detail.en.contains("primary lesion: breast (slow growth) → 0"))
    }
}

/// Rule set 2026.12.73: a bone-modifying agent entered as a systemic therapy takes the dose and
/// interval its text writes.
@Suite struct BoneAgentWrittenDoseTests {
    @Test func theDoseAndIntervalTheRowWritesAreRead() throws {
        var r = baseCase()
        r.dentalExams = [day("2023-01-08")]
        // CrCl 50–60 (Cockcroft–Gault: 53 years, 60 kg, female, creatinine 1.1 mg/dL → 55.9): 3.5 mg.
        r.labs = [LabResult(date: day("2023-01-09"), test: .creatinine, value: 1.1, unit: "mg/dL")]
        r.treatments.append(Treatment(id: "Z", kind: .systemic, name: "唑来膦酸 4mg 静滴 每4周", start: day("2023-01-15")))
        let a = assess(r, asOf: day("2023-01-20"))
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.title.en.hasSuffix("(ordered 4.0 mg)"))
        let recorded = try #require(a.rule("boneAgents.recordedAsSystemic").first)
        #expect(recorded.detail.en.hasSuffix("from 2023-01-15 at 4 mg every 4 weeks as its text writes."))
        #expect(recorded.detail.zhHans.contains("（按其文字记载：每 4 周 4 mg）"))
        // Two doses written settle none; q28d is every 4 weeks.
        // The order's dosage reader reads rows too (one reader since rule set 2026.12.317): a
        // Chinese row's "每两个月", "1次/4周".
        for (text, mg, weeks) in [
            ("denosumab 120 mg q28d", 120.0, 4), ("zoledronic acid 4 mg then 3.5 mg", nil, nil), ("Xgeva", nil, nil),
            ("唑来膦酸 4mg 每两个月", 4.0, 9), ("地舒单抗 120mg 1次/4周", 120.0, 4),
        ] as [(String, Double?, Int?)] {
            var s = baseCase()
            s.treatments.append(Treatment(id: "B", kind: .systemic, name: text, start: day("2023-01-15")))
            let course = try #require(assess(s, asOf: day("2023-01-20")).rule("boneAgents.recordedAsSystemic").first)
            #expect(course.detail.en.contains(mg.map { "at \(CaseIndexFormat.mg($0)) mg" } ?? "with no dose on record"), "\(text)")
            if let weeks { #expect(course.detail.en.contains("every \(weeks) weeks"), "\(text)") }
        }
    }
}

enum CaseIndexFormat {
    static func mg(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
}
