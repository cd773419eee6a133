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

/// cb114-j (unseen record, 2026-12-06): a prostate cancer on goserelin since 2023, testosterone
/// 0.3 nmol/L under it, bone-scan progression confirmed by the 2+2 rule (August and November
/// 2024), enzalutamide added and stopped for progression, docetaxel, then radium-223. It read
/// "record the castration status". PCWG3 (Scher 2016): progression — PSA or radiographic — with
/// castrate testosterone is castration resistance; a castrate testosterone measured under the
/// deprivation running beneath a stopped hormonal regimen counts as one measured under it.
/// Rule set 2026.12.363.
@Suite struct RadiographicCastrationResistanceTests {
    func record(testosterone: (String, Double)? = ("2024-07-25", 0.3), gnrhEnd: String? = nil, enzalutamide: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "j", sex: .male, birthDate: day("1950-02-02"))
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histologyType: .adenocarcinoma, diagnosed: day("2023-03"))]
        r.lesions = ["A", "B", "C", "D", "E", "F"].map { Lesion(id: $0, bone: .rib, laterality: .right, note: "第\($0)肋") }
        func scan(_ id: String, _ date: String, _ lesions: [String]) -> ImagingStudy {
            ImagingStudy(id: id, date: day(date), modality: .boneScan, observations: lesions.map { l in observation(l) { $0.uptake = true } })
        }
        r.studies = [
            scan("B0", "2023-03-10", ["A", "B"]), scan("B1", "2024-08-01", ["A", "B", "C", "D"]),
            scan("B2", "2024-11-20", ["A", "B", "C", "D", "E", "F"]),
        ]
        r.treatments = [Treatment(
            id: "ADT", kind: .systemic, name: "戈舍瑞林", drugs: ["goserelin"], systemicClass: .endocrine, start: day("2023-03-20"),
            end: gnrhEnd.map(day))]
        if enzalutamide {
            r.treatments.append(Treatment(
                id: "ENZ", kind: .systemic, name: "恩扎卢胺", drugs: ["enzalutamide"], systemicClass: .endocrine, start: day("2024-12-01"),
                end: day("2025-03-01"), stopReason: .progression))
        }
        r.labs = testosterone.map { [LabResult(date: day($0.0), test: .testosterone, value: $0.1, unit: "nmol/L")] } ?? []
        return r
    }

    func indication(_ r: CaseRecord) throws -> Finding { try indicationFinding(r, asOf: "2026-11-29") }

    @Test func boneScanProgressionUnderCastrationIsResistance() throws {
        let f = try indication(record())
        #expect(f.detail.en.hasPrefix("Castration-resistant prostate cancer (PCWG3): bone-scan progression under androgen deprivation (PCWG3 2+2: dated 2024-08-01, confirmed 2024-11-20) with testosterone at castrate level (0.3 nmol/L (8.7 ng/dL), 2024-07-25; < 50 ng/dL)."), "\(f.detail.en)")
        #expect(f.detail.zhHans.hasPrefix("去势抵抗性前列腺癌（PCWG3）：雄激素剥夺治疗中骨扫描进展（PCWG3 2+2：2024-08-01 起算，2024-11-20 确认）"), "\(f.detail.zhHans)")
        #expect(f.claims.contains(Claim(.boneAgentIndication, about: "patient", "start")))
        let katagiri = try #require(assess(record(), asOf: day("2026-11-29")).rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("primary lesion: prostate (moderate growth) → 2"), "\(katagiri.detail.en)")
    }

    /// Boundaries: testosterone at 50 ng/dL (1.734 nmol/L) is not castrate; measured before the
    /// deprivation began; the deprivation over before the progression scan; none measured.
    @Test func otherwiseTheStatusIsStillAskedFor() throws {
        let ask = "record the castration status"
        #expect(try indication(record(testosterone: ("2024-07-25", 1.734))).detail.en.contains(ask))
        #expect(try !indication(record(testosterone: ("2024-07-25", 1.73))).detail.en.contains(ask))
        #expect(try indication(record(testosterone: ("2023-03-15", 0.3))).detail.en.contains(ask))
        #expect(try indication(record(gnrhEnd: "2024-06-01")).detail.en.contains(ask))
        #expect(try indication(record(testosterone: nil)).detail.en.contains(ask))
    }

    /// The stopped enzalutamide: the testosterone measured under goserelin before it began is
    /// under the castration it progressed on.
    @Test func aStoppedHormonalRegimenReadsTheCastrationBeneathIt() throws {
        let f = try indication(record(enzalutamide: true))
        #expect(f.detail.en.hasPrefix("Castration-resistant prostate cancer (PCWG3): 恩扎卢胺 was stopped for progression (2025-03-01) with testosterone at castrate level (0.3 nmol/L"), "\(f.detail.en)")
    }
}

/// A rib lesion created from a report whose ribs were named in two places carries both in its
/// note ("左第4肋骨; 左第6肋"): two sites, not a solitary lesion. Rule set 2026.12.364.
@Suite struct RibsNamedOneAfterTheOtherTests {
    @Test(arguments: [
        ("左第4肋骨; 左第6肋", true), ("right 7th rib; right 9th rib", true), ("左第十二肋; 左第十一肋", true),
        ("左第6肋骨", false), ("左第5肋，大小2-3cm", false), ("right 7th rib", false), ("左第6肋; 左第6肋骨", false),
    ])
    func twoNumbersAreTwoRibs(note: String, several: Bool) {
        #expect(Lesion(id: "R", bone: .rib, laterality: .left, note: note).namesSeveral == several, "\(note)")
    }
}

/// cb115-g (unseen record, 2026-12-06): a breast cancer on letrozole and palbociclib since March
/// 2024, its whole-body bone scan of the start showing T7 and the pelvis; in November 2026 a
/// humeral shaft lytic and broken on its first X-ray. Nothing said it might be new under the
/// regimen: time points pair one method's studies, and the scan's silence on the humerus is an
/// absence by coverage only. Said now, hedged as the same-method pairs say it (Hamaoka 2004).
/// Rule set 2026.12.365.
@Suite struct FirstSeenSinceSurveyTests {
    func record(film: String = "2026-11-26", modality: Modality = .xray, therapy: Bool = true, diagnosed: String? = nil) -> CaseRecord {
        var r = baseCase()
        var humerus = Lesion(id: "H", bone: .humerus, segment: .diaphysis, laterality: .right)
        humerus.diagnosed = diagnosed.map(day)
        r.lesions = [humerus, Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7"))]
        r.studies = [
            ImagingStudy(id: "B0", date: day("2024-03-01"), modality: .boneScan, observations: [observation("T7") { $0.uptake = true }]),
            ImagingStudy(id: "N", date: day(film), modality: modality, windows: modality == .ct ? [.bone] : [], coverage: modality == .xray ? [] : [.rightUpperLimb],
                         observations: [observation("H", .lytic) { $0.boneDestruction = true }]),
        ]
        r.treatments = therapy
            ? [Treatment(id: "T1", kind: .systemic, name: "来曲唑+哌柏西利", drugs: ["letrozole", "palbociclib"], systemicClass: .endocrine, start: day("2024-03-10"))]
            : []
        return r
    }

    @Test func aLesionTheSurveyDidNotShowIsPossiblyNew() throws {
        let f = try #require(assess(record(), asOf: day("2026-11-29")).rule("boneHealth.mda.firstSeenSinceSurvey").first)
        #expect(f.subject == .lesion("H") && f.severity == .advisory && f.specialty == .radiology)
        #expect(f.title.en == "right humerus, diaphysis: first seen on the X-ray of 2026-11-26 — possibly new under therapy", "\(f.title.en)")
        #expect(f.detail.en.hasPrefix("The bone scan of 2024-03-01 imaged its region and did not show it; treatment since: 来曲唑+哌柏西利"), "\(f.detail.en)")
        #expect(f.detail.en.contains("If absent then, this is a new destructive lesion — progression (MDA)"))
        #expect(f.detail.zhHans.contains("如当时确实没有，则为新发破坏性病灶"))
        #expect(f.claims.isEmpty)
        // A CT is one step more sensitive than the scan: still said.
        #expect(assess(record(modality: .ct), asOf: day("2026-11-29")).has("boneHealth.mda.firstSeenSinceSurvey"))
    }

    /// Boundaries: no therapy between; within 4 weeks of the survey (one work-up: day 28 is
    /// within, day 29 past it); an MRI, two steps more sensitive than the scan; a lesion
    /// diagnosed before the survey.
    @Test func otherwiseNothingIsSaid() {
        let none = { (r: CaseRecord) in !assess(r, asOf: day("2026-11-29")).has("boneHealth.mda.firstSeenSinceSurvey") }
        #expect(none(record(therapy: false)))
        #expect(none(record(film: "2024-03-29")))
        #expect(!none(record(film: "2024-03-30")))
        #expect(none(record(modality: .mri)))
        #expect(none(record(diagnosed: "2024-02-01")))
    }
}

/// A radiotherapy course recorded without its end lasts its fractions (five a week) or, fractions
/// unknown, 8 weeks (cb114-e: a 2016 "131I 治疗" was the current treatment in 2026; its first-screen
/// line is pinned in FirstScreenListsTests). Rule set 2026.12.366.
@Suite struct RadiotherapyWithoutEndTests {
    /// Boundaries: without fractions, day 56 of the course is within it and day 57 past it; with
    /// 10 fractions (two weeks), day 14 within and day 15 past; an end recorded is the end.
    @Test func theCourseLastsItsFractions() {
        func course(_ fractions: Int?, end: String? = nil) -> Treatment {
            var t = Treatment(id: "R", kind: .radiotherapy, name: "T10 放疗", start: day("2026-01-01"))
            t.fractions = fractions
            t.end = end.map(day)
            return t
        }
        #expect(course(nil).isActive(on: day("2026-02-25")))
        #expect(!course(nil).isActive(on: day("2026-02-26")))
        #expect(course(10).isActive(on: day("2026-01-14")))
        #expect(!course(10).isActive(on: day("2026-01-15")))
        #expect(course(nil, end: "2026-06-01").isActive(on: day("2026-05-30")))
    }
}
