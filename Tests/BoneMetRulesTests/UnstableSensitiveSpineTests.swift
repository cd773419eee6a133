import BoneMetRules
import Testing

/// Rule set 2026.12.55: a small-cell lung cancer's T12 — lytic, collapsed over half, subluxed,
/// both posterior elements, mechanical pain (SINS 18) with ESCC 2 and no deficit — read
/// "urgent conventional radiotherapy is an option unless the spine is unstable". The spine was
/// unstable, and NOMS (Laufer 2013) treats instability surgically whatever the histology; the
/// compression of a radiosensitive tumour still goes to conventional radiotherapy.
@Suite struct UnstableSensitiveSpineTests {
    func record(collapse: SINS.Collapse, alignment: SINS.Alignment) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histologyType: .smallCellCarcinoma, diagnosed: day("2026-09"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T12"), primary: "P1")]
        var reading = observation("V", .lytic) { $0.boneDestruction = true }
        reading.collapse = collapse
        reading.alignment = alignment
        reading.posterolateral = .bilateral
        reading.escc = .g2
        r.studies = [ImagingStudy(id: "M", date: day("2026-11-25"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [reading])]
        r.pain = [PainRecord(date: day("2026-11-25"), lesion: "V", sins: .mechanical, nrs: 8)]
        r.neurology = [NeurologyRecord(date: day("2026-11-25"), status: .intact, lesion: "V")]
        r.treatments = [Treatment(id: "T1", kind: .systemic, drugs: ["etoposide", "carboplatin"], start: day("2026-09-20"))]
        return r
    }

    @Test func anUnstableSpineIsStabilisedEvenInARadiosensitiveTumour() throws {
        let finding = try #require(assess(record(collapse: .over50, alignment: .subluxation), asOf: day("2026-11-26")).rule("surgery.spine.noms").first)
        #expect(finding.severity == .urgent)
        #expect(finding.detail.en.contains("The spine is unstable (SINS 18): urgent spine-surgery referral for stabilisation, and conventional radiotherapy for the compression"))
        #expect(!finding.detail.en.contains("unless the spine is unstable"))
        #expect(finding.claims.contains { $0.topic == .fixation })
        // Potentially unstable (SINS 7–12): radiotherapy for the compression, the surgeon reviews stability.
        let stableEnough = try #require(assess(record(collapse: .none, alignment: .normal), asOf: day("2026-11-26")).rule("surgery.spine.noms").first)
        #expect(stableEnough.detail.en.contains("urgent conventional radiotherapy is an option unless the spine is unstable"))
        #expect(stableEnough.claims.isEmpty)
    }
}

/// Rule set 2026.12.56: a breast cancer's C2 — lytic, collapsed over half, subluxed, both
/// posterior elements, mechanical pain (SINS 18), ESCC 1b, intact — read the potentially
/// unstable spine's "consultation … or cement augmentation for axial-load pain". SINS 13–18 is
/// unstable (Fisher 2010) and instability is an indication of its own (NOMS, Laufer 2013).
@Suite struct UnstableLowGradeSpineTests {
    func record(alignment: SINS.Alignment, collapse: SINS.Collapse) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("C2"))]
        var reading = observation("V", .lytic) { $0.boneDestruction = true }
        reading.collapse = collapse
        reading.alignment = alignment
        reading.posterolateral = .bilateral
        reading.escc = .g1b
        r.studies = [ImagingStudy(id: "M", date: day("2023-03-20"), modality: .mri, coverage: [.cervicalSpine], observations: [reading])]
        r.pain = [PainRecord(date: day("2023-03-20"), lesion: "V", sins: .mechanical, nrs: 8)]
        r.neurology = [NeurologyRecord(date: day("2023-03-20"), status: .intact, lesion: "V")]
        return r
    }

    @Test func anUnstableSpineIsToldSoAndSubluxationIsNoCaseForCementAlone() throws {
        // Junctional 3 + mechanical 3 + lytic 2 + subluxation 4 + collapse > 50 % 3 + bilateral 3 = 18.
        let unstable = try #require(assess(record(alignment: .subluxation, collapse: .over50), asOf: day("2023-03-21")).rule("surgery.spine.noms").first)
        #expect(unstable.severity == .warning)
        #expect(unstable.detail.en.contains("The spine is unstable (SINS 18; 13–18): spine-surgery consultation for stabilisation — instability is an indication of its own"))
        #expect(unstable.detail.en.contains("subluxation or translation is gross instability, which cement augmentation alone does not treat"))
        #expect(unstable.detail.zhHans.contains("脊柱不稳（SINS 18 分"))
        // 13 without subluxation (normal alignment, collapse < 50 %: 3+3+2+0+2+3): unstable, cement still named for axial pain.
        let thirteen = try #require(assess(record(alignment: .normal, collapse: .under50), asOf: day("2023-03-21")).rule("surgery.spine.noms").first)
        #expect(thirteen.detail.en.contains("The spine is unstable (SINS 13; 13–18)"))
        #expect(thirteen.detail.en.contains("cement augmentation alone only for axial-load pain without gross instability"))
        // 12 (potentially unstable): the consultation as before.
        let twelve = try #require(assess(record(alignment: .normal, collapse: .noCollapseOver50Involved), asOf: day("2023-03-21")).rule("surgery.spine.noms").first)
        #expect(twelve.detail.en.contains("SINS ≥ 7: spine-surgery consultation for stabilisation (open, or cement augmentation"))
        #expect(!twelve.detail.en.contains("The spine is unstable"))
    }
}
