import BoneMetRules
import Testing

/// Rule set 2026.12.39: radiotherapy begun on or after the study that showed a spinal
/// compression is its treatment (NICE NG234: definitive treatment, surgery and/or radiotherapy;
/// NOMS, Laufer 2013), not a prior course. A small-cell lung cancer's T6 at ESCC 2 with
/// myelopathy, irradiated 20 Gy in 5 fractions from the day after the MRI, read "emergency spine
/// referral … already irradiated: any further radiotherapy is a re-irradiation decision".
@Suite struct SpinalRadiotherapyGivenTests {
    func record(
        radiotherapyStart: String, alignment: SINS.Alignment = .normal, collapse: SINS.Collapse = .under50, pain: SINS.Pain = .mechanical
    ) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "小细胞肺癌", diagnosed: day("2025-07"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T6"))]
        r.studies = [
            ImagingStudy(id: "M1", date: day("2025-08-02"), modality: .mri, coverage: [.thoracicSpine], observations: [
                observation("V", .lytic, [30, 25]) { $0.escc = .g2; $0.collapse = collapse; $0.alignment = alignment; $0.posterolateral = .unilateral },
            ]),
        ]
        r.pain = [PainRecord(date: day("2025-08-01"), lesion: "V", sins: pain)]
        r.neurology = [NeurologyRecord(date: day("2025-08-01"), status: .myelopathy, frankel: .D, lesion: "V")]
        r.treatments = [Treatment(id: "R1", kind: .radiotherapy, lesions: ["V"], start: day(radiotherapyStart), end: day("2025-08-08"), doseGy: 20, fractions: 5)]
        return r
    }

    @Test func radiotherapyAfterTheMRIIsTheTreatment() throws {
        // Stable (SINS 5: no collapse, occasional pain): the course is the treatment.
        let a = assess(record(radiotherapyStart: "2025-08-03", collapse: SINS.Collapse.none, pain: .occasional), asOf: day("2025-08-04"))
        let noms = try #require(a.rule("surgery.spine.noms").first)
        #expect(noms.severity == .info)
        #expect(noms.detail.en.contains("Treated: radiotherapy 20 Gy in 5 fractions 2025-08-03– (begun 1 day after the study of 2025-08-02)."))
        #expect(noms.detail.en.contains("a deficit that progresses under radiotherapy needs urgent spine-surgery review"))
        #expect(!noms.detail.en.contains("re-irradiation"))
        #expect(noms.detail.zhHans.contains("已处理：放疗 20 Gy/5 次"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // Potentially unstable (SINS 9: collapse under 50 %, mechanical pain): the course does not
        // answer Fisher 2010's surgical consultation (rule set 2026.12.248, unseen record cb63-a).
        let potentially = try #require(assess(record(radiotherapyStart: "2025-08-03"), asOf: day("2025-08-04")).rule("surgery.spine.noms").first)
        #expect(potentially.severity == .warning)
        #expect(potentially.detail.en.contains("but SINS 9 is potentially unstable (7–12) and radiotherapy does not restore stability — spine-surgery consultation"), "\(potentially.detail.en)")
        #expect(potentially.detail.zhHans.contains("潜在不稳定"))
        // Begun two days or more after the MRI with a deficit: NICE NG234's 24 hours are named.
        let late = try #require(assess(record(radiotherapyStart: "2025-08-05"), asOf: day("2025-08-06")).rule("surgery.spine.noms").first)
        #expect(late.detail.en.contains("NICE NG234 asks for definitive treatment within 24 hours"))
        // Unstable (SINS 13 or more: a subluxation makes it 13): radiotherapy does not mend it.
        let unstable = try #require(assess(record(radiotherapyStart: "2025-08-03", alignment: .subluxation), asOf: day("2025-08-04")).rule("surgery.spine.noms").first)
        #expect(unstable.severity == .warning)
        #expect(unstable.detail.en.contains("radiotherapy does not restore stability — spine-surgery review for stabilisation"))
    }

    @Test func radiotherapyBeforeTheMRIIsAPriorCourse() throws {
        // Irradiated before the MRI that shows the compression: re-irradiation, as before.
        let prior = try #require(assess(record(radiotherapyStart: "2025-07-01"), asOf: day("2025-08-04")).rule("surgery.spine.noms").first)
        #expect(prior.severity == .urgent)
        #expect(prior.detail.en.contains("Already irradiated (radiotherapy 20 Gy in 5 fractions 2025-07-01–; cumulative 20.0 Gy)"))
    }
}
