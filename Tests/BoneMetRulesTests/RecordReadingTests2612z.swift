@testable import BoneMetRules
import Testing

/// cb74-d (unseen record, 2026-12-04): an EGFR lung cancer staged by a whole-body PET-CT that
/// recorded the left radius and the right tibia as not involved, and restaged a year into
/// osimertinib by its first CT — both bones lytic, CEA rising. Time points pair studies of one
/// method, the CT had none before it, and the new lesions had no time point at all: no word of
/// progression. MDA (Hamaoka T et al. J Clin Oncol 2004;22:2942-53): new lytic lesions are
/// progression; a method that shows bone destruction at least as early (PET-CT, MRI ≥ CT ≥
/// X-ray, bone scan — Hamaoka 2004, Costelloe CM et al. Lancet Oncol 2009;10:606-14) that
/// recorded the bone free makes the lesion new.
@Suite struct AbsentOnAnotherMethodTests {
    func lungCase(absentOn modality: Modality, window: [CTWindow] = [], current: [LesionObservation]? = nil) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌 EGFR 19del", diagnosed: day("2025-10"))]
        r.lesions = [Lesion(id: "ST", bone: .sternum), Lesion(id: "TIB", bone: .tibia, segment: .proximal, laterality: .right)]
        r.studies = [
            ImagingStudy(
                id: "B0", date: day("2025-10-10"), modality: modality, windows: window, coverage: [.wholeBody],
                observations: [
                    observation("ST", modality.isTracer ? nil : .lytic) { $0.uptake = modality.isTracer ? true : nil; $0.boneDestruction = modality.isTracer ? nil : true },
                    observation("TIB") { $0.present = false },
                ]),
            ImagingStudy(
                id: "CT1", date: day("2026-10-20"), modality: .ct, windows: [.bone], coverage: [.chest, .rightLowerLimb],
                observations: current ?? [observation("ST", .lytic) { $0.boneDestruction = true }, observation("TIB", .lytic, [30, 25]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [Treatment(id: "OSI", kind: .systemic, name: "osimertinib", drugs: ["osimertinib"], systemicClass: .targeted, start: day("2025-10-25"))]
        return r
    }

    func point(_ r: CaseRecord) -> TimePointResponse? {
        assess(r, asOf: day("2026-12-04")).timePoints.first { $0.study == "CT1" }
    }

    @Test func aLyticLesionAbsentOnTheBaselinePETCTIsNew() throws {
        let p = try #require(point(lungCase(absentOn: .petCt)))
        #expect(p.overall == .progressiveDisease)
        #expect(p.newLesions == ["TIB"])
        #expect(p.previousStudy == "B0")
        #expect(p.treatments == ["OSI"])
        #expect(!p.lesions.contains { $0.lesion == "ST" }, "not judged across methods")
        let finding = try #require(assess(lungCase(absentOn: .petCt), asOf: day("2026-12-04")).rule("boneHealth.mda.timePoint").first)
        #expect(finding.detail.en.contains("recorded absent on the PET-CT of 2025-10-10"))
        #expect(finding.detail.zhHans.contains("记录该部位未见病灶"))
    }

    @Test func anMRIsAbsenceCountsAsWell() throws {
        #expect(try #require(point(lungCase(absentOn: .mri))).newLesions == ["TIB"])
    }

    /// A bone scan misses purely lytic lesions and a plain film shows destruction only late:
    /// their "not seen" does not make a CT's lytic lesion new.
    @Test(arguments: [Modality.boneScan, .xray])
    func aLessSensitiveMethodsAbsenceDoesNot(_ modality: Modality) {
        #expect(point(lungCase(absentOn: modality)) == nil)
    }

    @Test func sclerosisIsNotMadeNew() {
        let r = lungCase(absentOn: .petCt, current: [observation("TIB", .blastic) { $0.boneDestruction = false }])
        #expect(point(r) == nil)
    }

    @Test func aLesionSeenBeforeTheCTIsNewOnlyOnce() throws {
        var r = lungCase(absentOn: .petCt)
        r.studies.insert(
            ImagingStudy(id: "X1", date: day("2026-10-15"), modality: .xray, observations: [observation("TIB", .lytic) { $0.boneDestruction = true }]), at: 1)
        let a = assess(r, asOf: day("2026-12-04"))
        #expect(a.timePoints.first { $0.study == "X1" }?.newLesions == ["TIB"])
        #expect(a.timePoints.first { $0.study == "CT1" } == nil)
    }

    /// The same reading through a CT pair: the earlier CT of the chest did not image the tibia,
    /// the PET-CT between them recorded it free.
    @Test func anEarlierCTThatDidNotImageItDefersToTheAbsence() throws {
        var r = lungCase(absentOn: .petCt)
        r.studies.insert(
            ImagingStudy(id: "CT0", date: day("2025-10-08"), modality: .ct, windows: [.bone], coverage: [.chest], observations: [observation("ST", .lytic) { $0.boneDestruction = true }]), at: 0)
        let p = try #require(point(r))
        #expect(p.previousStudy == "CT0")
        #expect(p.newLesions == ["TIB"])
        #expect(p.overall == .progressiveDisease)
    }

    /// A CT read without the bone window misses destruction: its "not seen" makes nothing new
    /// (the CT pair asks for a re-read), nor on the first X-ray after it.
    @Test func aCTReadWithoutTheBoneWindowSaysNothing() throws {
        #expect(try #require(point(lungCase(absentOn: .ct, window: [.softTissue]))).newLesions.isEmpty)
        #expect(point(lungCase(absentOn: .ct, window: [.bone]))?.newLesions == ["TIB"])
        var r = lungCase(absentOn: .ct, window: [.softTissue])
        r.studies[1] = ImagingStudy(
            id: "CT1", date: day("2026-10-20"), modality: .xray, observations: [observation("TIB", .lytic) { $0.boneDestruction = true }])
        #expect(point(r) == nil)
        r.studies[0].windows = [.bone, .softTissue]
        #expect(point(r)?.newLesions == ["TIB"], "an X-ray's lytic lesion a bone-window CT recorded absent")
    }

    @Test func aLesionDiagnosedBeforeTheAbsenceIsNotNew() {
        var r = lungCase(absentOn: .petCt)
        r.lesions[1].diagnosed = day("2025-09-01")
        #expect(point(r) == nil)
    }
}
