import BoneMetRules
import Testing

/// cb44-c (unseen record, 2026-12-04): an EGFR-mutant lung adenocarcinoma progressing on
/// osimertinib — a new lytic C2, a lytic peritrochanteric femur at Mirels 11 — with "molecular
/// tests wanted" on the record. No biopsy was advised (known primary, multiple lesions) and no
/// specimen was on record, so the EDTA rule (reference.md: molecular tests wanted → EDTA
/// decalcification) said nothing. Rule set 2026.12.216: where the bone tissue can come from —
/// lytic or mixed lesions at any time, the operation's tissue first — and EDTA for it.
@Suite struct TissueForMolecularTestsTests {
    func record(wanted: Bool? = true, biopsied: Bool = false, femurCharacter: LesionCharacter = .lytic) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌 EGFR 19del", diagnosed: day("2024-02"), targetedTherapy: true)]
        r.lesions = [Lesion(id: "C2", bone: .vertebra, level: VertebralLevel("C2")), Lesion(id: "F", bone: .femur, segment: .peritrochanteric, laterality: .right)]
        r.studies = [ct("S1", "2026-10-18", [
            observation("C2", .lytic, [24, 20]) { $0.boneDestruction = true },
            observation("F", femurCharacter, [30, 22]) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.6 },
        ])]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "奥希替尼", systemicClass: .targeted, start: day("2024-02-25"))]
        r.pain = [PainRecord(date: day("2026-10-19"), lesion: "F", mirels: .functional)]
        r.plans.molecularTestsWanted = wanted
        if biopsied { r.biopsies = [Biopsy(lesion: "C2", date: day("2026-10-19"), decalcification: .edta, result: .metastasis)] }
        return r
    }

    func tissue(_ r: CaseRecord) -> Finding? {
        assess(r, asOf: day("2026-10-20")).rule("diagnosis.biopsy.edta").first { $0.title.en.hasPrefix("Molecular tests wanted") }
    }

    @Test func wantedTestsWithoutASpecimenNameTheTissueAndEDTA() throws {
        let finding = try #require(tissue(record()))
        #expect(finding.detail.en.contains("a lytic or mixed lesion can be biopsied at any time (C2 vertebra; right femur, peritrochanteric)"), "\(finding.detail.en)")
        // The Mirels 11 femur is proposed for fixation: its tissue serves.
        #expect(finding.detail.en.contains("An operation is proposed or planned on right femur, peritrochanteric"))
        #expect(finding.detail.en.contains("EGFR, ALK"))
        #expect(finding.detail.zhHans.contains("EDTA"))
        #expect(finding.specialty == .pathology)
        #expect(Set(finding.claims.map(\.about)) == ["C2", "F"])
    }

    @Test func saidOnlyWhenWantedAndNoSpecimenIsOnRecord() {
        #expect(tissue(record(wanted: nil)) == nil)
        #expect(tissue(record(wanted: false)) == nil)
        #expect(tissue(record(biopsied: true)) == nil)
    }

    @Test func healedBlasticBoneIsNotOffered() throws {
        // The femur blastic under osimertinib (seen after the latency): not a lesion to biopsy.
        var r = record(femurCharacter: .blastic)
        r.studies.insert(ct("S0", "2024-02-20", [observation("C2", .lytic, [10, 10]) { $0.boneDestruction = true }, observation("F", .lytic, [30, 22]) { $0.boneDestruction = true }]), at: 0)
        let finding = try #require(tissue(r))
        #expect(finding.detail.en.contains("(C2 vertebra)"), "\(finding.detail.en)")
        #expect(!finding.claims.contains { $0.about == "F" })
    }
}

/// cb44-e (unseen record, 2026-12-04): a follicular thyroid cancer eleven years after
/// thyroidectomy and radioiodine, with lung nodules, a collapsed T6 and a lytic sternum found on
/// one staging CT. The lung metastases, dated the same day as the bone lesions, counted as
/// "cancer active before the first metastasis", so there was no long disease-free interval — no
/// biopsy, no second primary or myeloma in the differential. Rule set 2026.12.216: visceral
/// metastases end the interval only when found before the bone's first metastasis; those of the
/// same staging are the same recurrence.
@Suite struct VisceralSameStagingIntervalTests {
    func record(visceral: String) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .thyroid, histology: "甲状腺滤泡癌", diagnosed: day("2015-03"))]
        r.lesions = [Lesion(id: "T6", bone: .vertebra, level: VertebralLevel("T6")), Lesion(id: "St", bone: .sternum)]
        r.studies = [ct("S1", "2026-10-28", [
            observation("T6", .lytic, [35, 30]) { $0.boneDestruction = true },
            observation("St", .lytic, [28, 20]) { $0.boneDestruction = true },
        ])]
        r.treatments = []
        r.visceralMetastases = [VisceralMetastasis(organ: "lung", date: day(visceral))]
        return r
    }

    func longInterval(_ r: CaseRecord) -> Bool {
        assess(r, asOf: day("2026-11-02")).rule("diagnosis.biopsy.indicated").contains { $0.title.en.contains("long disease-free interval") }
    }

    @Test func visceralMetastasesOfTheSameStagingKeepTheInterval() {
        #expect(longInterval(record(visceral: "2026-10-28")))
        #expect(assess(record(visceral: "2026-10-28"), asOf: day("2026-11-02")).has("diagnosis.differential.myeloma"))
        // Found a day before the bone: the cancer was already back — no disease-free interval.
        #expect(!longInterval(record(visceral: "2026-10-27")))
        #expect(!longInterval(record(visceral: "2025-06-01")))
    }
}
