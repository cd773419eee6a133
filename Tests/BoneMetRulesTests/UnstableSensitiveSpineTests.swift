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
