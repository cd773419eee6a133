import BoneMetRules
import Testing

/// Hamaoka 2004 / Costelloe 2009 thresholds: ≥ 50 % decrease PR, ≥ 25 % increase PD.
@Suite struct MDAResponseTests {
    func classify(_ before: [Double], _ after: [Double], prior: (inout LesionObservation) -> Void = { _ in }, current: (inout LesionObservation) -> Void = { _ in }) -> MDA.Result {
        MDA.classify(prior: observation("L", .lytic, before, configure: prior), current: observation("L", .lytic, after, configure: current), modality: .ct)
    }

    @Test func sizeThresholdsFromBothSides() {
        // 20 × 20 = 400. +25 % = 500 (25 × 20); +24.75 % = 499.
        #expect(classify([20, 20], [25, 20]).category == .progressiveDisease)
        #expect(classify([20, 20], [24.95, 20]).category == .stableDisease)
        // −50 % = 200 (10 × 20); −49.75 % = 201.
        #expect(classify([20, 20], [10, 20]).category == .partialResponse)
        #expect(classify([20, 20], [10.05, 20]).category == .stableDisease)
        #expect(classify([20, 20], [10, 20]).sizeChangePercent == -50)
    }

    @Test func sclerosisSignsOfResponse() {
        #expect(classify([20, 20], [20, 20], current: { $0.scleroticRim = true }).category == .partialResponse)
        // A rim already there before is not new.
        #expect(classify([20, 20], [20, 20], prior: { $0.scleroticRim = true }, current: { $0.scleroticRim = true }).category == .stableDisease)
        #expect(classify([20, 20], [20, 20], current: { $0.fillIn = .partial }).category == .partialResponse)
        #expect(classify([20, 20], [20, 20], current: { $0.fillIn = .complete }).category == .completeResponse)
        #expect(classify([20, 20], [20, 20], current: { $0.character = .blastic }).reasons.contains { $0.en == "lytic-to-blastic conversion" })
    }

    /// Fill-in is of lytic lesions (Hamaoka 2004): a blastic lesion "more sclerotic" (the report
    /// reader's "increased sclerosis", "硬化增多") is not a partial response by it (rule set
    /// 2026.12.220); a mixed one still is.
    @Test func fillInIsOfLyticLesions() {
        let blastic = MDA.classify(
            prior: observation("L", .blastic, [12]), current: observation("L", .blastic, [12]) { $0.fillIn = .partial }, modality: .ct)
        #expect(blastic.category == .stableDisease)
        let mixed = MDA.classify(
            prior: observation("L", .mixed, [12]), current: observation("L", .mixed, [12]) { $0.fillIn = .partial }, modality: .ct)
        #expect(mixed.category == .partialResponse)
    }

    @Test func growthWinsOverARim() {
        #expect(classify([20, 20], [30, 20], current: { $0.scleroticRim = true }).category == .progressiveDisease)
    }

    @Test func newLyticComponentInABlasticLesionIsProgression() {
        let result = MDA.classify(prior: observation("L", .blastic), current: observation("L", .mixed), modality: .ct)
        #expect(result.category == .progressiveDisease)
    }

    @Test func lesionGoneIsCompleteResponse() {
        #expect(MDA.classify(prior: observation("L", .lytic), current: LesionObservation(lesion: "L", present: false), modality: .xray).category == .completeResponse)
    }

    @Test func uptakeThresholds() {
        func uptake(_ change: Double?, priorUptake: Bool = true, currentUptake: Bool = true) -> MDA.Category {
            var before = LesionObservation(lesion: "L")
            before.uptake = priorUptake
            var after = LesionObservation(lesion: "L")
            after.uptake = currentUptake
            after.uptakeChangePercent = change
            return MDA.classify(prior: before, current: after, modality: .boneScan).category
        }
        #expect(uptake(-50) == .partialResponse)
        #expect(uptake(-49) == .stableDisease)
        #expect(uptake(25) == .progressiveDisease)
        #expect(uptake(24) == .stableDisease)
        #expect(uptake(nil, currentUptake: false) == .completeResponse)
    }
}
