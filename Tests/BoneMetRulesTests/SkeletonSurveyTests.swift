import BoneMetRules
import Testing

/// Rule set 2026.12.48. A hepatocellular carcinoma's T8 on a thoracic CT and MRI, never
/// screened with a bone scan or PET-CT, was scored "solitary": Tomita 1 point and "marginal or
/// intralesional excision", Tokuhashi "0 extraspinal foci → 2" and PATHFx "solitary". Until the
/// skeleton is surveyed the lesions on record are the ones looked for: their count is a lower
/// bound (Tomita 2001, Tokuhashi 2005 and Katagiri 2014 count the metastases there are).
@Suite struct SkeletonSurveyTests {
    func record(_ studies: [ImagingStudy], lesions: [Lesion] = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T8"))]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .liver, histologyType: .hepatocellularCarcinoma, diagnosed: day("2024-04"))]
        r.lesions = lesions
        r.studies = studies
        r.treatments = []
        r.performance = [PerformanceStatus(date: day("2025-10-02"), ecog: 1, kps: 80)]
        r.visceralMetastases = []
        return r
    }

    func thoracicCT(_ lesions: [String]) -> ImagingStudy {
        ImagingStudy(
            id: "C1", date: day("2025-10-02"), modality: .ct, windows: [.bone, .softTissue], coverage: [.chest, .thoracicSpine],
            observations: lesions.map { observation($0, .lytic, [35, 30]) { $0.boneDestruction = true } })
    }

    func component(_ components: [ScoreComponent]?, _ key: String) -> ScoreComponent? { components?.first { $0.key == key } }

    @Test func oneLesionNotSurveyedIsNotSolitary() throws {
        let a = assess(record([thoracicCT(["L1"])]), asOf: day("2025-10-20"))
        #expect(a.has("diagnosis.imaging.wholeBodyScreening"))
        let tomita = try #require(component(a.tomita?.components, "boneMets"))
        #expect(tomita.points == nil && tomita.possible == 1...2)
        let katagiri = try #require(component(a.katagiri?.components, "multipleSkeletalMets"))
        #expect(katagiri.points == nil && katagiri.possible == 0...1)
        let extraspinal = try #require(component(a.tokuhashi?.components, "extraspinalBoneMets"))
        #expect(extraspinal.possible == 0...2 && extraspinal.value == "≥0")
        #expect(extraspinal.valueLabel?.en == "none known (no whole-body survey)")
        #expect(extraspinal.valueLabel?.zhHans == "尚未发现（未行全身筛查）")
        let vertebral = try #require(component(a.tokuhashi?.components, "vertebralBodyMets"))
        #expect(vertebral.possible == 0...2 && vertebral.valueLabel?.en == "at least 1 (the whole spine not imaged)")
        let pathfx = try #require(a.rule("surgery.prognosis.survivalModelInputs").first)
        #expect(pathfx.inputs.contains(FindingInput("boneMetastases", "unknown")))
        #expect(pathfx.detail.en.contains("Missing: bone metastases"))
        let tomitaFinding = try #require(a.rule("surgery.prognosis.tomita").first)
        #expect(!tomitaFinding.title.en.contains("marginal or intralesional excision"))
    }

    @Test func aBoneScanSettlesTheCount() throws {
        let a = assess(record([survey("B1", "2025-10-04", ["L1"]), thoracicCT(["L1"])]), asOf: day("2025-10-20"))
        #expect(!a.has("diagnosis.imaging.wholeBodyScreening"))
        #expect(component(a.tomita?.components, "boneMets")?.value == "solitary")
        #expect(component(a.katagiri?.components, "multipleSkeletalMets")?.points == 0)
        #expect(component(a.tokuhashi?.components, "extraspinalBoneMets")?.points == 2)
        #expect(component(a.tokuhashi?.components, "vertebralBodyMets")?.points == 2)
        #expect(a.rule("surgery.prognosis.survivalModelInputs").first?.inputs.contains(FindingInput("boneMetastases", "solitary")) == true)
    }

    @Test func aWholeSpineMRISettlesTheVertebraeOnly() throws {
        let mri = ImagingStudy(
            id: "M1", date: day("2025-10-03"), modality: .mri, coverage: [.cervicalSpine, .thoracicSpine, .lumbarSpine, .sacrum],
            observations: [observation("L1", .lytic)])
        let a = assess(record([thoracicCT(["L1"]), mri]), asOf: day("2025-10-20"))
        #expect(component(a.tokuhashi?.components, "vertebralBodyMets")?.points == 2)
        #expect(component(a.tokuhashi?.components, "extraspinalBoneMets")?.points == nil)
        // A thoracic MRI alone is not the whole spine.
        var thoracic = mri
        thoracic.coverage = [.thoracicSpine]
        #expect(component(assess(record([thoracicCT(["L1"]), thoracic]), asOf: day("2025-10-20")).tokuhashi?.components, "vertebralBodyMets")?.points == nil)
    }

    @Test func twoSitesAreMultipleWithoutASurvey() throws {
        let lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T8")), Lesion(id: "L2", bone: .rib, laterality: .left)]
        let a = assess(record([thoracicCT(["L1", "L2"])], lesions: lesions), asOf: day("2025-10-20"))
        #expect(component(a.tomita?.components, "boneMets")?.value == "multiple")
        #expect(component(a.katagiri?.components, "multipleSkeletalMets")?.points == 1)
        // One extraspinal focus known, more possible: 1 point or 0 (≥ 3), never 2.
        let extraspinal = try #require(component(a.tokuhashi?.components, "extraspinalBoneMets"))
        #expect(extraspinal.possible == 0...1 && extraspinal.valueLabel?.en == "at least 1 (no whole-body survey)")
        // Three known are ≥ 3 whatever a survey adds: settled at 0.
        let three = lesions + [Lesion(id: "L3", bone: .scapula, laterality: .left), Lesion(id: "L4", bone: .rib, laterality: .right)]
        let b = assess(record([thoracicCT(["L1", "L2", "L3", "L4"])], lesions: three), asOf: day("2025-10-20"))
        #expect(component(b.tokuhashi?.components, "extraspinalBoneMets")?.points == 0)
    }

    @Test func aRegionalBoneScanIsNotASurvey() {
        let spect = ImagingStudy(id: "B1", date: day("2025-10-04"), modality: .boneScan, coverage: [.thoracicSpine], observations: [observation("L1") { $0.uptake = true }])
        let a = assess(record([spect, thoracicCT(["L1"])]), asOf: day("2025-10-20"))
        #expect(a.has("diagnosis.imaging.wholeBodyScreening"))
        #expect(component(a.tomita?.components, "boneMets")?.points == nil)
        var whole = spect
        whole.coverage = [.wholeBody]
        #expect(!assess(record([whole, thoracicCT(["L1"])]), asOf: day("2025-10-20")).has("diagnosis.imaging.wholeBodyScreening"))
    }
}

/// Rule set 2026.12.48: revised Tokuhashi asks for the KPS and New Katagiri for ECOG; a record
/// with only the other scale left the item open (0–2 or 0–1). The published conversions
/// disagree (ECOG-ACRIN/Oken 1982, Ma 2010, Prasad 2018), so a grade reads as the union of what
/// they give it and settles the item only when all agree.
@Suite struct PerformanceConversionTests {
    @Test func theConversionsAreTheUnionOfThePublishedTables() {
        #expect(PerformanceConversion.kpsRange(ecog: 0) == 90...100)
        #expect(PerformanceConversion.kpsRange(ecog: 1) == 70...90)
        #expect(PerformanceConversion.kpsRange(ecog: 2) == 50...70)
        #expect(PerformanceConversion.kpsRange(ecog: 3) == 30...60)
        #expect(PerformanceConversion.kpsRange(ecog: 4) == 10...40)
        #expect(PerformanceConversion.kpsRange(ecog: 5) == nil)
        #expect(PerformanceConversion.ecogRange(kps: 100) == 0...0)
        #expect(PerformanceConversion.ecogRange(kps: 90) == 0...1)
        #expect(PerformanceConversion.ecogRange(kps: 80) == 1...1)
        #expect(PerformanceConversion.ecogRange(kps: 75) == 1...2)
        #expect(PerformanceConversion.ecogRange(kps: 60) == 2...3)
        #expect(PerformanceConversion.ecogRange(kps: 40) == 3...4)
        #expect(PerformanceConversion.ecogRange(kps: 10) == 4...4)
        #expect(PerformanceConversion.ecogRange(kps: 120) == nil)
    }

    /// Tokuhashi's general condition (KPS 10–40 → 0, 50–70 → 1, 80–100 → 2) from each grade.
    @Test(arguments: [(0, 2...2), (1, 1...2), (2, 1...1), (3, 0...1), (4, 0...0)])
    func tokuhashiReadsTheECOGGrade(ecog: Int, points: ClosedRange<Int>) throws {
        let result = Tokuhashi.evaluate(Tokuhashi.Input(ecog: ecog))
        let item = try #require(result.components.first { $0.key == "kps" })
        #expect(item.possible == points)
        #expect(item.valueLabel?.zhHans.contains("ECOG \(ecog)") == true)
        // A KPS on record is read as it is.
        #expect(Tokuhashi.evaluate(Tokuhashi.Input(kps: 40, ecog: ecog)).components.first { $0.key == "kps" }?.points == 0)
    }

    /// Katagiri's ECOG 3–4 point from a KPS: ≤ 40 always, ≥ 70 never, 50–60 open.
    @Test(arguments: [(30, 1...1), (40, 1...1), (50, 0...1), (60, 0...1), (70, 0...0), (90, 0...0)])
    func katagiriReadsTheKPS(kps: Int, points: ClosedRange<Int>) throws {
        let result = Katagiri.evaluate(Katagiri.Input(kps: kps))
        let item = try #require(result.components.first { $0.key == "ecog" })
        #expect(item.possible == points)
        #expect(Katagiri.evaluate(Katagiri.Input(ecog: 1, kps: kps)).components.first { $0.key == "ecog" }?.points == 0)
    }

    @Test func aRecordWithOnlyECOGSettlesTokuhashi() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [survey("B0", "2023-01-04", ["V"]), ct("S1", "2023-01-05", [observation("V", .lytic, [20, 15]) { $0.boneDestruction = true }])]
        r.performance = [PerformanceStatus(date: day("2023-01-05"), ecog: 2)]
        let a = assess(r, asOf: day("2023-01-10"))
        let item = try #require(a.tokuhashi?.components.first { $0.key == "kps" })
        #expect(item.points == 1)
        let finding = try #require(a.rule("surgery.prognosis.tokuhashi").first)
        #expect(finding.detail.en.contains("ECOG 2 (KPS 50–70 by the published conversions) → 1"))
        #expect(finding.detail.zhHans.contains("ECOG 2（按已发表的换算相当于 KPS 50–70）"))
        #expect(finding.sources.contains { $0.id == "ma2010" } && finding.sources.contains { $0.id == "prasad2018" })
        #expect(a.rule("surgery.prognosis.katagiri").first?.sources.contains { $0.id == "ma2010" } == false)
        // PATHFx asks for ECOG: a KPS alone gives the grades it stands for.
        r.performance = [PerformanceStatus(date: day("2023-01-05"), kps: 90)]
        let pathfx = try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.prognosis.survivalModelInputs").first)
        #expect(pathfx.detail.en.contains("ECOG 0–1 (KPS 90 by the published conversions)"))
        #expect(pathfx.inputs.contains(FindingInput("ecog", "0–1")))
    }
}
