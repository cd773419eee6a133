@testable import BoneMetRules
import Testing

/// cb64-u (unseen record, 2026-12-04): a lobular breast cancer's peritrochanteric femur, mixed with
/// a sclerotic rim three months into fulvestrant + abemaciclib (PR), turned lytic and spread from
/// 0.30 to 0.55 of the bone's diameter on the film. No study measured its diameters. Rule set
/// 2026.12.259 read "NE — size not measured". The film's fraction of the diameter is the lesion's
/// measured extent across the bone: MDA counts a ≥ 25 % increase of an ill-defined lesion as
/// progression and a ≥ 50 % decrease as partial response (Hamaoka T et al. J Clin Oncol
/// 2004;22:2942-53, table 3; reference.md "MD Anderson").
@Suite struct ExtentAcrossTheBoneTests {
    func film(_ id: String, _ date: String, _ fraction: Double?, _ character: LesionCharacter = .lytic) -> ImagingStudy {
        ImagingStudy(id: id, date: day(date), modality: .xray, coverage: [.leftLowerLimb], observations: [
            observation("L1", character) { $0.fractionOfDiameter = fraction },
        ])
    }

    func result(_ before: Double?, _ after: Double?, diameters: ([Double], [Double])? = nil) -> MDA.Result {
        var prior = observation("L1", .lytic, diameters?.0)
        prior.fractionOfDiameter = before
        var current = observation("L1", .lytic, diameters?.1)
        current.fractionOfDiameter = after
        return MDA.classify(prior: prior, current: current, modality: .xray)
    }

    @Test func aQuarterMoreOfTheDiameterIsProgression() {
        // Boundaries: + 25.0 % is PD; + 22.5 % is not; − 50.0 % is PR; − 47.5 % is not.
        #expect(result(0.4, 0.5).category == .progressiveDisease)
        #expect(result(0.4, 0.5).reasons.map(\.en) == ["extent across the bone 0.4 → 0.5 (+25.0 %, ≥ 25 %)"])
        #expect(result(0.4, 0.5).reasons.map(\.zhHans) == ["占骨直径比例 0.4 → 0.5（增加 25.0%，≥25%）"])
        #expect(result(0.4, 0.49).category == .notEvaluable)
        #expect(result(0.4, 0.2).category == .partialResponse)
        #expect(result(0.4, 0.2).reasons.map(\.en) == ["extent across the bone 0.4 → 0.2 (-50.0 %, ≥ 50 % decrease)"])
        #expect(result(0.4, 0.21).category == .notEvaluable)
        #expect(result(0.4, 0.4).category == .notEvaluable)
        // One study without a fraction, or a zero before: no extent to compare.
        #expect(result(nil, 0.6).category == .notEvaluable)
        #expect(result(0, 0.6).category == .notEvaluable)
    }

    @Test func measuredDiametersDecideBeforeTheExtent() {
        // The product of diameters is the measure when both studies have it (+ 4 %: SD).
        let measured = result(0.4, 0.6, diameters: ([30, 20], [31, 20]))
        #expect(measured.category == .stableDisease)
    }

    @Test func theRecordReadsProgressionOnTheFilm() throws {
        var r = baseCase()
        r.studies = [film("X0", "2026-05-04", 0.3, .mixed), film("X1", "2026-08-10", 0.3, .mixed), film("X2", "2026-11-13", 0.55)]
        r.studies[1].observations[0].scleroticRim = true
        r.treatments = [Treatment(
            id: "T1", kind: .systemic, name: "氟维司群+阿贝西利", drugs: ["fulvestrant", "abemaciclib"], systemicClass: .endocrine,
            start: day("2026-05-10"))]
        let a = assess(r, asOf: day("2026-12-04"))
        let last = try #require(a.timePoints.first { $0.study == "X2" })
        #expect(last.overall == .progressiveDisease)
        #expect(last.lesions.first?.reasons.map(\.en) == ["extent across the bone 0.3 → 0.55 (+83.3 %, ≥ 25 %)"])
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }
}
