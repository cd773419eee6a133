@testable import BoneMetRules
import Testing

/// cb78-a (unseen record, 2026-12-05): a breast cancer on letrozole and palbociclib with
/// denosumab. Bone scan 2026-06-05 (12½ weeks in): L2's uptake +30 %; the CT of the next day —
/// the same restaging — reads L2's new sclerotic rim and fill-in, PR. The scan read "L2: PD",
/// because only a CT *before* the scan was taken as the anatomy of its interval (cb29-c). The
/// lesion healing across the scan's date, under treatment unchanged between the two, is the
/// repair the uptake shows: flare is not excluded (Hamaoka 2004). Rule set 2026.12.313.
@Suite struct UptakeBeforeTheHealingCTTests {
    let base = UptakeOfAHealingLesionTests()

    func scan(_ r: CaseRecord, asOf: String = "2026-06-25") throws -> Finding {
        try #require(assess(r, asOf: day(asOf)).rule("boneHealth.mda.timePoint").first { $0.subject == .study("BS1") })
    }

    @Test func aCTTheDayAfterTheScanReadingHealingMakesTheUptakeRepair() throws {
        let finding = try scan(base.record(ctDate: "2026-05-30"))
        #expect(try scan(base.record(ctDate: "2026-05-30"), asOf: "2026-05-29").title.en.contains("progressive disease (PD)"), "the CT not yet made")
        #expect(finding.title.en.contains("stable disease (SD)"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("more uptake where the CT of 2026-05-30 reads the lesion healing"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("2026-05-30 CT 检查示该病灶修复"), "\(finding.detail.zhHans)")
    }

    /// Radiotherapy begun between the scan and the CT: the CT's healing may be the radiation's,
    /// not the scan's picture — the scan stands as read.
    @Test func aTreatmentBegunBetweenTheScanAndTheCTLeavesTheScanAsRead() throws {
        var r = base.record(ctDate: "2026-06-20")
        r.treatments.append(Treatment(id: "RT", kind: .radiotherapy, name: "T10 30Gy/10F", lesions: ["T10"], start: day("2026-06-01"), end: day("2026-06-12")))
        let finding = try scan(r)
        #expect(finding.title.en.contains("progressive disease (PD)"), "\(finding.title.en)")
        #expect(!finding.detail.en.contains("reads the lesion healing"), "\(finding.detail.en)")
    }

    /// A regimen switched between the scan and the CT: the same.
    @Test func aSwitchBetweenTheScanAndTheCTLeavesTheScanAsRead() throws {
        var r = base.record(ctDate: "2026-06-20")
        r.treatments[0].end = day("2026-06-02")
        r.treatments.append(Treatment(id: "CHEMO", kind: .systemic, name: "培美曲塞+卡铂", start: day("2026-06-03")))
        let finding = try scan(r)
        #expect(finding.title.en.contains("progressive disease (PD)"), "\(finding.title.en)")
    }

    /// The next CT weeks later under the same treatment: the same reading.
    @Test func theNextCTUnderTheSameTreatmentReadsItToo() throws {
        #expect(try scan(base.record(ctDate: "2026-06-20")).title.en.contains("stable disease (SD)"))
    }

    /// The later CT progressing elsewhere excludes the flare, as before the scan.
    @Test func aLaterCTThatProgressesLeavesItProgression() throws {
        let finding = try scan(base.record(ctDate: "2026-05-30", iliumOnCT: .lytic, iliumSize: [35, 30]))
        #expect(finding.title.en.contains("progressive disease (PD)"), "\(finding.title.en)")
    }
}

/// cb78-d (unseen record, 2026-12-05): an ALK-positive lung adenocarcinoma's T7 metastasis, read
/// lytic with destruction on the staging PET-CT and with a 22 mm soft-tissue component on the
/// spine MRI, was "RECIST measurability undetermined — lesion type and soft-tissue component not
/// recorded": the lesion type was looked for on X-ray, CT and MRI only. A PET-CT's CT reading of
/// the character is anatomy (Eisenhauer 2009 measures the soft tissue on CT or MRI, as before).
/// Rule set 2026.12.313.
@Suite struct CharacterFromThePETCTTests {
    func record(mriSoftTissue: Double?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌 ALK融合", diagnosed: day("2026-08-15"))]
        r.lesions = [Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7"))]
        var pet = ImagingStudy(id: "PET", date: day("2026-08-10"), modality: .petCt, observations: [
            observation("T7", .lytic) { $0.uptake = true; $0.boneDestruction = true },
        ])
        pet.coverage = [.wholeBody]
        var mri = ImagingStudy(id: "MRI", date: day("2026-08-18"), modality: .mri, observations: [
            observation("T7") { $0.escc = .g1c; $0.softTissueMm = mriSoftTissue },
        ])
        mri.coverage = [.thoracicSpine]
        r.studies = [pet, mri]
        r.treatments = []
        return r
    }

    func measurability(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-09-05")).rule("boneHealth.recist.measurability").first)
    }

    @Test func aLyticLesionOnPETCTWithASoftTissueMassOnMRIIsMeasurable() throws {
        let finding = try measurability(record(mriSoftTissue: 22))
        #expect(finding.title.en == "T7 vertebra: RECIST-measurable", "\(finding.title.en)")
    }

    @Test func withoutTheSoftTissueItAsksForIt() throws {
        let finding = try measurability(record(mriSoftTissue: nil))
        #expect(finding.detail.en.hasPrefix("soft-tissue component not recorded on CT/MRI"), "\(finding.detail.en)")
    }
}
