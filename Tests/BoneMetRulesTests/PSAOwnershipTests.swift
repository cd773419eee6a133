@testable import BoneMetRules
import Testing

/// An unseen Chinese EHR bundle (2026-12-05): goserelin and abiraterone ordered the same day, the
/// abiraterone order stopped that day; PSA 56 → < 0.01 → 2.6 ng/mL. The rise from the nadir went
/// unseen — "the running regimen" was the stopped order — and the bone-agent finding read "PSA
/// falls under the first hormonal therapy: castration-sensitive". The running regimen is the
/// latest-begun of those still running; a PSA risen by PCWG3's measure is no falling PSA.
@Suite struct PSARiseUnderTheRunningRegimenTests {
    func record() -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2023-01"))]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left)]
        r.studies = [ct("C1", "2026-02-01", [observation("L1", .blastic) { $0.boneDestruction = true }])]
        r.treatments = [
            Treatment(id: "ABI", kind: .systemic, drugs: ["abiraterone"], start: day("2026-02-05"), end: day("2026-02-05")),
            Treatment(id: "ADT", kind: .systemic, drugs: ["goserelin"], start: day("2026-02-05")),
            Treatment(id: "D", kind: .boneModifyingAgent, start: day("2026-03-01"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [day("2026-11-01")]),
        ]
        r.labs = [("2026-02-01", 56.0), ("2026-06-01", 0.01), ("2026-11-20", 2.6)].map { LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL") }
        return r
    }

    @Test func theRiseUnderTheRunningRegimenIsAskedToBeConfirmed() throws {
        let a = assess(record(), asOf: day("2026-12-05"))
        let rise = try #require(a.rule("boneHealth.pcwg3.psaRise").first)
        #expect(rise.subject == .treatment("ADT"))
        #expect(rise.detail.en.hasPrefix("PSA nadir 0.01 ng/mL (2026-06-01) → 2.6 (2026-11-20"), "\(rise.detail.en)")
        #expect(!a.findings.contains { $0.detail.en.contains("a cancer responding to its first androgen deprivation is castration-sensitive") })
        // Before the rise: the PSA falls, as before.
        let earlier = assess(record(), asOf: day("2026-10-01"))
        #expect(!earlier.has("boneHealth.pcwg3.psaRise"))
        #expect(earlier.findings.contains { $0.detail.en.contains("a cancer responding to its first androgen deprivation is castration-sensitive") })
    }
}

extension PSARiseUnderTheRunningRegimenTests {
    /// Unseen bundle ehr11 (2026-12-05): a nadir below detection stored at its bound, 0.003 ng/mL,
    /// was said "nadir 0 ng/mL … +119900 %". The value is said to four decimals below 0.1, and a
    /// rise of more than tenfold in ng/mL alone.
    @Test func aNadirAtTheLimitOfDetectionIsSaidAsRecorded() throws {
        var r = record()
        r.labs[1].value = 0.003
        r.labs[2].value = 3.6
        let rise = try #require(assess(r, asOf: day("2026-12-05")).rule("boneHealth.pcwg3.psaRise").first)
        #expect(rise.detail.en.hasPrefix("PSA nadir 0.003 ng/mL (2026-06-01) → 3.6 (2026-11-20; +3.6 ng/mL)"), "\(rise.detail.en)")
        #expect(!rise.detail.zhHans.contains("%，"), "\(rise.detail.zhHans)")
        // Within tenfold the percentage stays: 0.5 → 2.6 is +420 %.
        r.labs[1].value = 0.5
        r.labs[2].value = 2.6
        let small = try #require(assess(r, asOf: day("2026-12-05")).rule("boneHealth.pcwg3.psaRise").first)
        #expect(small.detail.en.contains("(2026-11-20; +420 %, +2.1 ng/mL)"), "\(small.detail.en)")
        #expect(PCWG3Rules.risePercent(11, over: 1) == 1_000)
        #expect(PCWG3Rules.risePercent(11.1, over: 1) == nil)
    }

    /// A castration-resistant prostate cancer on ADT since 2021, radium-223 from 2026-03-15 to
    /// 2026-08-02, with the PSA values (ng/mL) given.
    func radiumAfterADT(_ psa: [(String, Double)]) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2021-05"), castrationResistant: true)]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left)]
        r.studies = [ct("C1", "2026-03-01", [observation("L1", .blastic) { $0.boneDestruction = true }])]
        r.treatments = [
            Treatment(id: "ADT", kind: .systemic, drugs: ["leuprorelin"], start: day("2021-06-01")),
            Treatment(id: "RA", kind: .systemic, name: "radium-223", drugs: ["radium-223"], systemicClass: .other, start: day("2026-03-15"), end: day("2026-08-02")),
        ]
        r.labs = psa.map { LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL") }
        return r
    }

    /// cb85-m (unseen record): ADT since 2021, radium-223 from March to August, PSA 45 → 52 under
    /// radium-223, then 70 and 88 ng/mL under ADT alone — a rise confirmed ≥ 3 weeks later (Scher
    /// 2016). ADT's PSA window ended when radium-223 began, and only "confirm the rise" was said.
    /// Each PSA value belongs to the latest-begun regimen running on its day.
    @Test func aRegimenRunningOnOwnsThePSAAgainAfterAnAddedOneEnds() throws {
        var r = radiumAfterADT([("2026-03-01", 45.0), ("2026-06-01", 52.0), ("2026-09-15", 70.0), ("2026-10-10", 88.0)])
        let a = assess(r, asOf: day("2026-12-05"))
        let progression = try #require(a.rule("boneHealth.pcwg3.psaProgression").first)
        #expect(progression.subject == .treatment("ADT"))
        #expect(progression.detail.en.contains("→ 70 (2026-09-15; +56 %, +25 ng/mL), confirmed 88 (2026-10-10)"), "\(progression.detail.en)")
        #expect(!a.has("boneHealth.pcwg3.psaRise"))
        // The value under radium-223 is its own, not ADT's: 52 alone confirms nothing.
        r.labs.removeLast(2)
        #expect(!assess(r, asOf: day("2026-12-05")).has("boneHealth.pcwg3.psaProgression"))
    }
}

extension PSARiseUnderTheRunningRegimenTests {
    /// The rise to confirm is one of the running regimen's own values, measured from its nadir while
    /// it ran: ADT ran on under radium-223, so a PSA of 30 then is ADT's nadir too (PCWG3's nadir is
    /// the lowest on the therapy; rule set 2026.12.349 — .318 had taken only ADT's own values, 45).
    @Test func theRiseToConfirmIsMeasuredFromTheRegimensOwnValues() throws {
        let r = radiumAfterADT([("2026-03-01", 45.0), ("2026-06-01", 30.0), ("2026-11-01", 70.0)])
        let rise = try #require(assess(r, asOf: day("2026-12-05")).rule("boneHealth.pcwg3.psaRise").first)
        #expect(rise.subject == .treatment("ADT"))
        #expect(rise.detail.en.hasPrefix("PSA nadir 30 ng/mL (2026-06-01) → 70 (2026-11-01"), "\(rise.detail.en)")
    }
}

extension PSARiseUnderTheRunningRegimenTests {
    /// cb86-k (unseen record): high-volume mHSPC, goserelin from June 2025 with six cycles of
    /// docetaxel to October (CHAARTED's schedule), PSA 320 → 0.9 → 4.5 → 9.8 ng/mL under goserelin
    /// alone, testosterone 18 ng/dL. The goserelin's PSA window had ended when docetaxel began, so
    /// the rise was nobody's and the castration status stayed "record it"; the PSA is goserelin's
    /// again after docetaxel: PSA progression under castration — castration-resistant (PCWG3).
    @Test func aRiseUnderADTAfterDocetaxelIsCastrationResistance() throws {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2025-06"))]
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "L2", bone: .pelvis, laterality: .right)]
        r.studies = [ct("C0", "2025-06-12", [
            observation("L1", .blastic) { $0.boneDestruction = true }, observation("L2", .blastic) { $0.boneDestruction = true },
        ])]
        r.treatments = [
            Treatment(id: "ADT", kind: .systemic, drugs: ["goserelin"], systemicClass: .endocrine, start: day("2025-06-20")),
            Treatment(id: "DOC", kind: .systemic, drugs: ["docetaxel"], systemicClass: .chemotherapy, start: day("2025-07-01"), end: day("2025-10-15"), stopReason: .completed),
        ]
        r.labs = [("2025-06-08", 320.0), ("2025-10-10", 1.2), ("2026-03-01", 0.9), ("2026-08-01", 4.5), ("2026-09-15", 9.8)]
            .map { LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL") }
            + [LabResult(date: day("2026-09-15"), test: .testosterone, value: 18, unit: "ng/dL")]
        let a = assess(r, asOf: day("2026-12-05"))
        let progression = try #require(a.rule("boneHealth.pcwg3.psaProgression").first)
        #expect(progression.subject == .treatment("ADT"))
        #expect(progression.detail.en.hasPrefix("PSA nadir 0.9 ng/mL (2026-03-01) → 4.5 (2026-08-01"), "\(progression.detail.en)")
        let indication = try #require(a.findings.first { $0.ruleId == "boneAgents.indication" })
        #expect(indication.detail.en.hasPrefix("Castration-resistant prostate cancer (PCWG3): PSA progresses under androgen deprivation"), "\(indication.detail.en)")
    }
}

/// Unseen bundle ehr21 (2026-12-05): abiraterone's PSA 0.01 → 3.2 → 8.9, radium-223 begun after,
/// read "PSA progression … confirmed 8.9" beside "PSA rising under abiraterone: confirm from …" —
/// asking again for what the confirming value had settled. Rule set 2026.12.326.
extension PSARiseUnderTheRunningRegimenTests {
    @Test func aProgressionConfirmedIsNotAskedToBeConfirmedAgain() throws {
        var r = record()
        r.treatments[0].end = nil
        r.treatments[1].start = day("2025-01-01")
        r.labs = [("2026-01-01", 0.01), ("2026-09-01", 3.2), ("2026-10-15", 8.9)].map { LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL") }
        r.treatments.append(Treatment(id: "NEXT", kind: .systemic, drugs: ["docetaxel"], start: day("2026-11-20")))
        let a = assess(r, asOf: day("2026-11-28"))
        #expect(a.has("boneHealth.pcwg3.psaProgression"))
        #expect(!a.has("boneHealth.pcwg3.psaRise"))
    }
}
