import BoneMetRules
import Testing

/// cb160-e (unseen record, 2026-12-07): a breast cancer staged by a chest CT (T8 lytic) and a
/// pelvic CT the next day (left ilium lytic), restaged the same way three months into letrozole
/// and palbociclib — both lesions partly filled in. Each CT was compared with the latest CT, the
/// other region's of the day before, which imaged none of its lesions: no time point at all, the
/// partial response unreported. Rule set 2026.12.416: a study is compared with the latest study of
/// its method that imaged one of its lesions, and each lesion with the latest that imaged it.
@Suite struct RestagingByRegionTests {
    func chest(_ id: String, _ date: String, _ observations: [LesionObservation]) -> ImagingStudy {
        ImagingStudy(id: id, date: day(date), modality: .ct, windows: [.bone], coverage: [.chest, .thoracicSpine], observations: observations)
    }
    func pelvis(_ id: String, _ date: String, _ observations: [LesionObservation]) -> ImagingStudy {
        ImagingStudy(id: id, date: day(date), modality: .ct, windows: [.bone], coverage: [.pelvis], observations: observations)
    }
    func record(later: [ImagingStudy]? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, note: "T8椎体"), Lesion(id: "L2", bone: .pelvis, laterality: .left)]
        r.studies = [
            chest("C1", "2026-03-01", [observation("L1", .lytic) { $0.boneDestruction = true }]),
            pelvis("C2", "2026-03-02", [observation("L2", .lytic, [30, 25]) { $0.boneDestruction = true }]),
        ] + (later ?? [
            chest("C3", "2026-06-01", [observation("L1", .mixed) { $0.boneDestruction = true; $0.fillIn = .partial }]),
            pelvis("C4", "2026-06-02", [observation("L2", .mixed, [30, 25]) { $0.boneDestruction = true; $0.fillIn = .partial }]),
        ])
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "来曲唑 + 哌柏西利", systemicClass: .endocrine, start: day("2026-03-10"))]
        return r
    }

    @Test func eachRegionIsComparedWithItsOwnBaseline() throws {
        let points = assess(record(), asOf: day("2026-06-05")).timePoints
        let chest = try #require(points.first { $0.study == "C3" })
        #expect(chest.previousStudy == "C1" && chest.overall == .partialResponse && chest.treatments == ["T1"])
        let pelvis = try #require(points.first { $0.study == "C4" })
        #expect(pelvis.previousStudy == "C2" && pelvis.overall == .partialResponse)
        #expect(pelvis.lesions.map(\.lesion) == ["L2"] && pelvis.lesions.first?.fromStudy == "C2")
    }

    /// A CT of both regions after a chest CT alone: its pelvis is compared with the last CT of
    /// the pelvis, not left out.
    @Test func aWiderStudyComparesEachLesionWithTheLastStudyThatImagedIt() throws {
        var both = chest("C5", "2026-06-10", [
            observation("L1", .mixed) { $0.boneDestruction = true; $0.fillIn = .partial },
            observation("L2", .mixed, [30, 25]) { $0.boneDestruction = true; $0.fillIn = .partial },
        ])
        both.coverage = [.chest, .thoracicSpine, .pelvis]
        let r = record(later: [chest("C3", "2026-06-01", [observation("L1", .mixed) { $0.boneDestruction = true; $0.fillIn = .partial }]), both])
        let point = try #require(assess(r, asOf: day("2026-06-12")).timePoints.first { $0.study == "C5" })
        let pelvis = try #require(point.lesions.first { $0.lesion == "L2" })
        #expect(pelvis.fromStudy == "C2" && pelvis.category == .partialResponse)
        // Its interval is said: the point's own runs from the chest CT of 06-01.
        #expect(point.previousStudy == "C3" && pelvis.reasons.last?.en == "since the CT of 2026-03-02", "\(pelvis.reasons)")
        #expect(pelvis.reasons.last?.zhHans == "与 2026-03-02 CT 检查比较")
        #expect(point.lesions.first { $0.lesion == "L1" }?.fromStudy == "C3")
    }

    /// A lesion new on the pelvis against the last CT of the pelvis, which imaged it and did not
    /// show it, is a new lesion — progression — even with a chest CT in between.
    @Test func aNewLesionIsNewAgainstTheLastStudyOfItsRegion() throws {
        var r = record(later: [
            chest("C3", "2026-06-01", [observation("L1", .mixed) { $0.boneDestruction = true; $0.fillIn = .partial }]),
            pelvis("C4", "2026-06-02", [
                observation("L2", .mixed, [30, 25]) { $0.boneDestruction = true; $0.fillIn = .partial },
                observation("L3", .lytic) { $0.boneDestruction = true },
            ]),
        ])
        r.lesions.append(Lesion(id: "L3", bone: .pelvis, laterality: .right))
        let point = try #require(assess(r, asOf: day("2026-06-05")).timePoints.first { $0.study == "C4" })
        #expect(point.previousStudy == "C2" && point.newLesions == ["L3"] && point.overall == .progressiveDisease)
    }

    /// Without a study of the region, the latest study of the method stays the comparison: the
    /// lesion first recorded, no progression (as before).
    @Test func aLesionNeverImagedByTheMethodIsFirstRecorded() throws {
        var r = record()
        r.studies = [r.studies[0], r.studies[2], r.studies[3]]
        let point = try #require(assess(r, asOf: day("2026-06-05")).timePoints.first { $0.study == "C4" })
        #expect(point.overall == .notEvaluable && point.lesions.first?.firstRecorded == true)
    }
}

/// cb160-d (unseen record, 2026-12-07): a renal-cell cancer's bone scan showed the left humerus,
/// T6 and the right acetabulum; the humerus's CT one day, the thorax and pelvis's CT the next.
/// Untreated between, every lesion first on CT — staging — but "CT of 2026-10-26: bone response
/// not evaluable, the previous CT did not image its region" was drawn because the bone scan had
/// imaged them. Rule set 2026.12.416: a lesion shown before only by another method is first
/// imaged by this one now: no time point.
@Suite struct StagingAfterTheBoneScanTests {
    func record(scanShows: Bool = true, treated: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "L1", bone: .humerus, laterality: .left), Lesion(id: "L2", bone: .vertebra, note: "T6椎体"),
            Lesion(id: "L3", bone: .pelvis, laterality: .right),
        ]
        r.studies = [
            ImagingStudy(id: "B1", date: day("2026-10-20"), modality: .boneScan, coverage: [.wholeBody],
                observations: [observation("L1") { $0.uptake = true }, observation("L2") { $0.uptake = scanShows; $0.present = scanShows },
                               observation("L3") { $0.uptake = true }]),
            ImagingStudy(id: "C1", date: day("2026-10-25"), modality: .ct, windows: [.bone], coverage: [.leftUpperLimb],
                observations: [observation("L1", .lytic) { $0.boneDestruction = true }]),
            ImagingStudy(id: "C2", date: day("2026-10-26"), modality: .ct, windows: [.bone], coverage: [.thoracicSpine, .pelvis],
                observations: [observation("L2", .lytic) { $0.boneDestruction = true }, observation("L3", .lytic) { $0.boneDestruction = true }]),
        ]
        r.treatments = treated ? [Treatment(id: "T1", kind: .systemic, name: "sunitinib", systemicClass: .targeted, start: day("2026-10-25"))] : []
        return r
    }

    @Test func stagingCTsAfterTheBoneScanMakeNoTimePoint() {
        let a = assess(record(), asOf: day("2026-10-27"))
        #expect(!a.timePoints.contains { $0.study == "C2" })
    }

    /// A lesion the bone scan looked at and did not show is no staging lesion: the time point stays
    /// (its first-recorded reason names the scan).
    @Test func aLesionTheScanDidNotShowKeepsTheTimePoint() {
        #expect(assess(record(scanShows: false), asOf: day("2026-10-27")).timePoints.contains { $0.study == "C2" })
    }

    /// A therapy begun between the two CTs: not staging (as before).
    @Test func aTherapyBetweenKeepsTheTimePoint() {
        #expect(assess(record(treated: true), asOf: day("2026-10-27")).timePoints.contains { $0.study == "C2" })
    }
}

/// cb160-h (unseen record, 2026-12-07): an ALK lung cancer, T12 irradiated and alectinib begun;
/// the MRI at 14 weeks showed T12 shrinking and a new L1 lesion, which the CT of the next day read
/// sclerotic without destruction. "MRI: PD — new lesion" (a warning) stood beside "L1: blastic
/// lesion after systemic therapy started — likely response". Rule set 2026.12.417: an MRI's new
/// lesion without a character, read sclerotic without destruction by the first X-ray or CT since
/// (no treatment begun or ended between), is new sclerosis under therapy — not progression by itself.
@Suite struct MRINewLesionReadOnCTTests {
    func record(ctCharacter: LesionCharacter? = .blastic, ctDate: String = "2026-08-11", switchBetween: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, note: "T12椎体"), Lesion(id: "L2", bone: .vertebra, note: "L1椎体")]
        let spine: [BodyRegion] = [.thoracicSpine, .lumbarSpine]
        r.studies = [
            ImagingStudy(id: "M1", date: day("2026-04-25"), modality: .mri, coverage: spine, observations: [
                observation("L1", nil, [30, 24]) { $0.normalSignal = false }, observation("L2") { $0.present = false },
            ]),
            ImagingStudy(id: "C1", date: day("2026-04-26"), modality: .ct, windows: [.bone], coverage: spine, observations: [
                observation("L1", .lytic) { $0.boneDestruction = true }, observation("L2") { $0.present = false },
            ]),
            ImagingStudy(id: "M2", date: day("2026-08-10"), modality: .mri, coverage: spine, observations: [
                observation("L1", nil, [14, 12]) { $0.normalSignal = false }, observation("L2", nil, [8, 6]) { $0.normalSignal = false },
            ]),
            ImagingStudy(id: "C2", date: day(ctDate), modality: .ct, windows: [.bone], coverage: spine, observations: [
                observation("L1", .mixed) { $0.boneDestruction = true; $0.fillIn = .partial },
                observation("L2", ctCharacter) { $0.boneDestruction = ctCharacter != .blastic },
            ]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "alectinib", systemicClass: .targeted, start: day("2026-05-05"))]
        if switchBetween {
            r.treatments[0].end = day("2026-08-10")
            r.treatments.append(Treatment(id: "T2", kind: .systemic, name: "lorlatinib", systemicClass: .targeted, start: day("2026-08-12")))
        }
        return r
    }

    func mriPoint(_ r: CaseRecord) throws -> TimePointResponse {
        try #require(assess(r, asOf: day("2026-08-20")).timePoints.first { $0.study == "M2" })
    }

    @Test func sclerosisOnTheNextCTIsNotProgression() throws {
        let point = try mriPoint(record())
        let l1 = try #require(point.lesions.first { $0.lesion == "L2" })
        #expect(l1.category == .stableDisease && point.overall == .partialResponse)
        #expect(l1.reasons.last?.en.contains("(the CT of 2026-08-11 reads it sclerotic without destruction)") == true, "\(l1.reasons)")
        #expect(l1.reasons.last?.zhHans.contains("2026-08-11 CT 检查示其为硬化、无骨质破坏") == true)
    }

    /// Lytic on the CT: a new lytic lesion, progression (as before).
    @Test func aLyticReadingStaysProgression() throws {
        #expect(try mriPoint(record(ctCharacter: .lytic)).overall == .progressiveDisease)
    }

    /// No X-ray or CT read since, or a regimen changed before it: the MRI's new lesion stands.
    @Test func withoutAReadingUnderTheSameTreatmentTheMRIStands() throws {
        var r = record()
        r.studies.removeLast()
        #expect(try mriPoint(r).overall == .progressiveDisease)
        #expect(try mriPoint(record(ctDate: "2026-08-14", switchBetween: true)).overall == .progressiveDisease)
    }
}

/// cb160-j (unseen record, 2026-12-07): an EGFR lung cancer staged by PET-CT (T7 and the right
/// ilium lytic, measured), restaged by CT at 12 weeks of osimertinib — T7 rimmed, the ilium
/// filling in, CEA 45 → 6. The CT had no earlier CT: no time point at all, the response unsaid.
/// Rule set 2026.12.418: a CT with no earlier CT of its lesions is compared with the CT of the
/// latest PET-CT that read one of them, when a treatment began between.
@Suite struct PETCTBaselineTests {
    func record(petAnatomy: Bool = true, therapyStart: String = "2026-03-10", newOnCT: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, note: "T7椎体"), Lesion(id: "L2", bone: .pelvis, laterality: .right)]
        r.studies = [
            ImagingStudy(id: "P1", date: day("2026-03-01"), modality: .petCt, coverage: [.wholeBody], observations: [
                observation("L1", .lytic, [20, 18]) { $0.uptake = true; $0.boneDestruction = true },
                petAnatomy ? observation("L2", .lytic, [30, 26]) { $0.uptake = true; $0.boneDestruction = true } : observation("L2") { $0.uptake = true },
            ]),
            ct("C1", "2026-06-05", [
                observation("L1", .mixed, [20, 18]) { $0.boneDestruction = true; $0.scleroticRim = true },
                observation("L2", .mixed, [28, 25]) { $0.boneDestruction = true; $0.fillIn = .partial },
            ] + (newOnCT ? [observation("L3", .lytic) { $0.boneDestruction = true }] : [])),
        ]
        if newOnCT { r.lesions.append(Lesion(id: "L3", bone: .femur, segment: .diaphysis, laterality: .left)) }
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "osimertinib", systemicClass: .targeted, start: day(therapyStart))]
        return r
    }

    func point(_ r: CaseRecord) -> TimePointResponse? {
        assess(r, asOf: day("2026-06-06")).timePoints.first { $0.study == "C1" }
    }

    @Test func theFirstCTIsComparedWithThePETCTsCT() throws {
        let p = try #require(point(record()))
        #expect(p.previousStudy == "P1" && p.overall == .partialResponse && p.treatments == ["T1"])
        let t7 = try #require(p.lesions.first { $0.lesion == "L1" })
        #expect(t7.category == .partialResponse)
        #expect(t7.reasons.contains { $0.en == "against the CT of the PET-CT of 2026-03-01" })
        #expect(t7.reasons.contains { $0.zhHans == "与 2026-03-01 PET-CT 检查的 CT 比较" }, "\(t7.reasons.map(\.zhHans))")
    }

    /// The PET-CT read only the ilium's uptake: nothing of its CT to compare with.
    @Test func anUptakeOnlyReadingIsNotCompared() throws {
        let p = try #require(point(record(petAnatomy: false)))
        let ilium = try #require(p.lesions.first { $0.lesion == "L2" })
        #expect(ilium.category == .notEvaluable && ilium.reasons.first?.en.contains("recorded only its uptake") == true)
        #expect(p.lesions.first { $0.lesion == "L1" }?.category == .partialResponse)
    }

    /// Untreated between the PET-CT and the CT: the CT is the anatomic baseline — no time point.
    @Test func untreatedTheCTIsTheBaseline() {
        #expect(point(record(therapyStart: "2026-06-10")) == nil)
    }

    /// A lytic lesion on the CT that the whole-body PET-CT did not show is new: progression.
    @Test func aLesionTheWholeBodyPETCTDidNotShowIsNew() throws {
        let p = try #require(point(record(newOnCT: true)))
        #expect(p.newLesions == ["L3"] && p.overall == .progressiveDisease)
    }
}

/// cb160-k (unseen record, 2026-12-07): a breast cancer staged by a chest CT (T8) and a pelvic
/// CT (left ilium), restaged by one CT of the chest, abdomen and pelvis that itemised T8 only:
/// "CT: PR — T8" said nothing of the ilium it imaged. Rule set 2026.12.419: a known lesion a study
/// imaged but did not read is listed not evaluable, asking for its reading.
@Suite struct UnreadKnownLesionTests {
    func record(t8: LesionObservation? = nil, coverage: [BodyRegion] = [.chest, .thoracicSpine, .abdomen, .pelvis], iliumBefore: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, note: "T8椎体"), Lesion(id: "L2", bone: .pelvis, laterality: .left)]
        r.studies = [
            ImagingStudy(id: "C1", date: day("2026-03-01"), modality: .ct, windows: [.bone], coverage: [.chest, .thoracicSpine],
                observations: [observation("L1", .lytic) { $0.boneDestruction = true }]),
            ImagingStudy(id: "C2", date: day("2026-03-02"), modality: .ct, windows: [.bone], coverage: [.pelvis],
                observations: [iliumBefore ? observation("L2", .lytic, [30, 25]) { $0.boneDestruction = true } : observation("L2") { $0.present = false }]),
            ImagingStudy(id: "C3", date: day("2026-06-01"), modality: .ct, windows: [.bone], coverage: coverage,
                observations: [t8 ?? observation("L1", .mixed) { $0.boneDestruction = true; $0.fillIn = .partial }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole + palbociclib", systemicClass: .endocrine, start: day("2026-03-10"))]
        return r
    }

    func point(_ r: CaseRecord) throws -> TimePointResponse {
        try #require(assess(r, asOf: day("2026-06-05")).timePoints.first { $0.study == "C3" })
    }

    @Test func anImagedKnownLesionNotReadIsListed() throws {
        let p = try point(record())
        let ilium = try #require(p.lesions.first { $0.lesion == "L2" })
        #expect(ilium.category == .notEvaluable && ilium.fromStudy == "C2")
        #expect(ilium.reasons.first?.en == "imaged by this CT but not read — record what it shows (seen, with its size and character, or not seen)")
        #expect(ilium.reasons.first?.zhHans.hasPrefix("本次 CT 检查包括该部位但未记录读片") == true, "\(ilium.reasons)")
        #expect(p.overall == .partialResponse)
    }

    /// T8 healed completely, the ilium unread: no complete response of the disease (RECIST 1.1's
    /// reading: not every lesion is known to have gone).
    @Test func noCompleteResponseBesideAnUnreadLesion() throws {
        let p = try point(record(t8: observation("L1", .blastic) { $0.boneDestruction = false; $0.fillIn = .complete }))
        #expect(p.lesions.first { $0.lesion == "L1" }?.category == .completeResponse)
        #expect(p.overall == .partialResponse)
    }

    /// On a bone scan what is asked is its uptake, not a size.
    @Test func aBoneScanAsksForTheUptake() throws {
        var r = record()
        r.studies = [
            ImagingStudy(id: "B1", date: day("2026-03-01"), modality: .boneScan, coverage: [.wholeBody],
                observations: [observation("L1") { $0.uptake = true }, observation("L2") { $0.uptake = true }]),
            ImagingStudy(id: "B2", date: day("2026-06-01"), modality: .boneScan, coverage: [.wholeBody],
                observations: [observation("L1") { $0.uptake = true; $0.uptakeChangePercent = -60 }]),
        ]
        let p = try #require(assess(r, asOf: day("2026-06-05")).timePoints.first { $0.study == "B2" })
        let ilium = try #require(p.lesions.first { $0.lesion == "L2" })
        #expect(ilium.category == .notEvaluable)
        #expect(ilium.reasons.first?.en.hasSuffix("record what it shows (uptake, more or less than before, or none)") == true, "\(ilium.reasons)")
    }

    /// Not imaged by the study, or last recorded not seen: nothing to ask.
    @Test func notImagedOrGoneIsNotAsked() throws {
        #expect(try point(record(coverage: [.chest, .thoracicSpine])).lesions.map(\.lesion) == ["L1"])
        #expect(try point(record(iliumBefore: false)).lesions.map(\.lesion) == ["L1"])
    }
}
