import BoneMetRules
import Testing

/// cb24-f (unseen record, 2026-12-03): an 80-year-old man with castration-resistant prostate
/// cancer, blastic pelvis, L4, rib and femur, enzalutamide stopped for progression — and liver
/// metastases — was given radium-223 on denosumab, and nothing was said. The Xofigo label is for
/// castration-resistant disease with symptomatic bone metastases and no known visceral metastatic
/// disease (ALSYMPCA, Parker 2013, enrolled none), asks for blood counts before every dose (first:
/// platelets ≥ 100 × 10⁹/L, haemoglobin ≥ 10 g/dL; later: platelets ≥ 50 × 10⁹/L) and advises
/// against chemotherapy beside it outside trials. Rule set 2026.12.149.
@Suite struct RadiumAgainstItsLabelTests {
    func record(
        visceral: [VisceralMetastasis]? = nil, castrationResistant: Bool? = true, planned: Bool = false,
        labs: [LabResult] = [], chemotherapyEnd: String? = "2025-03-01"
    ) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2019-02"), castrationResistant: castrationResistant)]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right, primary: "P1"), Lesion(id: "L2", bone: .rib, laterality: .left, primary: "P1")]
        r.studies = [ct("C1", "2025-04-22", [observation("L1", .blastic, [30, 25]), observation("L2", .blastic, [15, 10])])]
        r.treatments = [
            Treatment(id: "A1", kind: .systemic, drugs: ["戈舍瑞林"], start: day("2019-03-01")),
            Treatment(id: "T2", kind: .systemic, drugs: ["多西他赛"], start: day("2024-11-01"), end: chemotherapyEnd.map(day)),
            Treatment(id: "T4", kind: .systemic, name: "镭-223 55 kBq/kg 每4周", start: planned ? nil : day("2025-05-05"), planned: planned),
            Treatment(id: "D1", kind: .boneModifyingAgent, start: day("2025-01-10"), agent: .denosumab, doseMg: 120, intervalWeeks: 4),
        ]
        r.visceralMetastases = visceral
        r.labs = labs
        return r
    }

    func lab(_ test: LabTest, _ value: Double, _ unit: String, _ date: String = "2025-05-01") -> LabResult {
        LabResult(date: day(date), test: test, value: value, unit: unit)
    }

    @Test func visceralMetastasesTakeItOutsideItsLabel() throws {
        let a = assess(record(visceral: [VisceralMetastasis(organ: "liver", date: day("2025-04-22"))]), asOf: day("2025-05-20"))
        let finding = try #require(a.rule("boneAgents.radium223.label").first)
        #expect(finding.severity == .warning && finding.subject == .treatment("T4") && finding.specialty == .medicalOncology)
        #expect(finding.detail.en.contains("visceral metastases on record — liver (2025-04-22): the label is for disease without known visceral metastases, and ALSYMPCA enrolled none"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("病历有内脏转移——liver（2025-04-22）"), "\(finding.detail.zhHans)")
        #expect(finding.sources.map(\.id) == ["xofigoIndication", "parker2013"])
        #expect(finding.title.zhHans == "镭-223 超出说明书适用范围")
    }

    @Test func lymphNodesAloneOrNoneRecordedSayNothing() {
        #expect(!assess(record(visceral: [VisceralMetastasis(organ: "盆腔淋巴结")]), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
        #expect(!assess(record(visceral: []), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
        #expect(!assess(record(), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
    }

    @Test func castrationSensitiveDiseaseIsOutsideItsLabel() throws {
        let finding = try #require(assess(record(castrationResistant: false), asOf: day("2025-05-20")).rule("boneAgents.radium223.label").first)
        #expect(finding.detail.en.contains("recorded as castration-sensitive"))
        // Not recorded either way: not said (the indication finding asks for the status).
        #expect(!assess(record(castrationResistant: nil), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
    }

    @Test func plateletsAtTheFirstDoseLimit() throws {
        // Planned: the first dose's 100 × 10⁹/L; 100 itself passes, just below does not.
        let at = record(planned: true, labs: [lab(.platelets, 100, "10^9/L")])
        #expect(!assess(at, asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
        let below = record(planned: true, labs: [lab(.platelets, 99, "10^9/L")])
        let finding = try #require(assess(below, asOf: day("2025-05-20")).rule("boneAgents.radium223.label").first)
        #expect(finding.detail.en.contains("is planned: platelets 99 000/µL (2025-05-01) below the label's 100 000/µL before the first dose"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("血小板 99 000/µL（2025-05-01）低于说明书首次给药前要求的 100 000/µL"), "\(finding.detail.zhHans)")
    }

    @Test func plateletsAtTheLaterDoseLimit() throws {
        // Given: the later doses' 50 × 10⁹/L — 80 passes, 50 passes, 49 does not.
        for (count, said) in [(80.0, false), (50, false), (49, true)] {
            let a = assess(record(labs: [lab(.platelets, count, "10^9/L", "2025-05-30")]), asOf: day("2025-06-01"))
            #expect(a.has("boneAgents.radium223.label") == said, "platelets \(count)")
        }
    }

    @Test func haemoglobinCountsBeforeTheFirstDoseOnly() throws {
        let planned = try #require(assess(record(planned: true, labs: [lab(.hemoglobin, 9.9, "g/dL")]), asOf: day("2025-05-20")).rule("boneAgents.radium223.label").first)
        #expect(planned.detail.en.contains("haemoglobin 9.9 g/dL (2025-05-01) below the label's 10 g/dL before the first dose"), "\(planned.detail.en)")
        #expect(!assess(record(planned: true, labs: [lab(.hemoglobin, 100, "g/L")]), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
        // Under way: haemoglobin has no limit of its own in the label for the later doses.
        #expect(!assess(record(labs: [lab(.hemoglobin, 9.0, "g/dL")]), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
    }

    @Test func chemotherapyBesideItIsOutsideItsLabel() throws {
        // Docetaxel still running when radium-223 began.
        let finding = try #require(assess(record(chemotherapyEnd: nil), asOf: day("2025-05-20")).rule("boneAgents.radium223.label").first)
        #expect(finding.detail.en.contains("chemotherapy beside it (多西他赛"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("not recommended outside clinical trials"))
        // Ended the day before radium-223: a sequence, not a combination.
        #expect(!assess(record(chemotherapyEnd: "2025-05-04"), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
    }

    @Test func aFinishedCourseAsksNothing() {
        var r = record(visceral: [VisceralMetastasis(organ: "liver", date: day("2025-04-22"))])
        r.treatments[2].end = day("2025-05-10")
        #expect(!assess(r, asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
    }
}
