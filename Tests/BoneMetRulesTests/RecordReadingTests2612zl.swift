@testable import BoneMetRules
import Testing

/// cb114-e (unseen record, 2026-12-06): a follicular thyroid carcinoma with a large lytic left
/// ilium planned for resection and a T5 lesion; the MRI of both regions recorded T5 alone. The
/// iliac lesion read "MRI needed" — the MRI had imaged it; its reading is what is missing (the
/// source hospital's imaging by purpose: MRI for the pre-operative extent). Rule set 2026.12.362.
@Suite struct MRIThatImagedTheLesionTests {
    func record(mriCoverage: [BodyRegion], mriDate: String = "2026-11-07", readsIlium: Bool = false, planned: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "I", bone: .pelvis, laterality: .left), Lesion(id: "T5", bone: .vertebra, level: VertebralLevel("T5"))]
        r.studies = [
            ct("C1", "2026-11-05", [
                observation("I", .lytic) { $0.boneDestruction = true; $0.softTissueMm = 60 },
                observation("T5", .lytic) { $0.boneDestruction = true },
            ]),
            study("M1", mriDate, .mri, coverage: mriCoverage, [observation("T5") { $0.escc = .g1a }]
                + (readsIlium ? [observation("I") { $0.normalSignal = false }] : [])),
        ]
        r.treatments = planned ? [Treatment(id: "S1", kind: .surgery, name: "左髂骨肿瘤切除重建术", lesions: ["I"], planned: true)] : []
        return r
    }

    @Test func anMRIOfTheRegionIsAskedForItsReadingNotRepeated() throws {
        let a = assess(record(mriCoverage: [.thoracicSpine, .pelvis]), asOf: day("2026-11-29"))
        #expect(!a.has("diagnosis.imaging.preoperativeMRI", subject: .lesion("I")))
        let f = try #require(a.rule("diagnosis.imaging.mriNotReadForLesion").first)
        #expect(f.subject == .lesion("I"))
        #expect(f.severity == .advisory && f.specialty == .radiology)
        #expect(f.title.en == "left pelvis: the MRI of 2026-11-07 imaged it — its reading is not recorded", "\(f.title.en)")
        #expect(f.title.zhHans.contains("2026-11-07 MRI 已包括该部位"), "\(f.title.zhHans)")
        #expect(f.detail.en.contains("no new MRI is needed"))
        #expect(f.detail.en.contains("marrow and soft tissue"))
    }

    /// Boundaries: an MRI that did not image the pelvis, one before the lesion was first seen,
    /// or one that read the lesion; no operation planned.
    @Test func otherwiseTheMRIIsNeededOrNothingIsAsked() {
        let elsewhere = assess(record(mriCoverage: [.thoracicSpine]), asOf: day("2026-11-29"))
        #expect(elsewhere.has("diagnosis.imaging.preoperativeMRI", subject: .lesion("I")))
        #expect(!elsewhere.has("diagnosis.imaging.mriNotReadForLesion"))
        let before = assess(record(mriCoverage: [.thoracicSpine, .pelvis], mriDate: "2026-11-04"), asOf: day("2026-11-29"))
        #expect(before.has("diagnosis.imaging.preoperativeMRI", subject: .lesion("I")))
        #expect(!before.has("diagnosis.imaging.mriNotReadForLesion"))
        let read = assess(record(mriCoverage: [.thoracicSpine, .pelvis], readsIlium: true), asOf: day("2026-11-29"))
        #expect(!read.has("diagnosis.imaging.preoperativeMRI") && !read.has("diagnosis.imaging.mriNotReadForLesion"))
        let unplanned = assess(record(mriCoverage: [.thoracicSpine, .pelvis], planned: false), asOf: day("2026-11-29"))
        #expect(!unplanned.has("diagnosis.imaging.preoperativeMRI") && !unplanned.has("diagnosis.imaging.mriNotReadForLesion"))
    }

    /// A spinal lesion with a deficit: the whole-spine MRI that did not record it is asked for
    /// its ESCC grade.
    @Test func aSpinalDeficitAsksTheSpineMRIForItsGrade() throws {
        var r = record(mriCoverage: [.cervicalSpine, .thoracicSpine, .lumbarSpine], planned: false)
        r.lesions.append(Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2")))
        r.studies[0].observations.append(observation("L2", .lytic) { $0.boneDestruction = true })
        r.neurology = [NeurologyRecord(date: day("2026-11-06"), status: .caudaEquina, lesion: "L2")]
        let f = try #require(assess(r, asOf: day("2026-11-29")).rule("diagnosis.imaging.mriNotReadForLesion").first)
        #expect(f.subject == .lesion("L2"))
        #expect(f.detail.en.contains("ESCC on axial T2"), "\(f.detail.en)")
    }
}
