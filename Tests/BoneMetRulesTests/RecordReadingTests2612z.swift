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

/// cb74-f (unseen record, 2026-12-04): an IgG-κ myeloma whose serum M protein fell from 4.2 to
/// 0.9 g/dL on VRd read only "response by the IMWG criteria", the values on record unshown. The
/// course is shown beside it — baseline before the first regimen, latest, change, lowest — and
/// not categorised: IMWG's response also needs the urine M protein, immunofixation, marrow and
/// confirmation (Kumar S et al. Lancet Oncol 2016;17:e328-46).
@Suite struct MProteinCourseTests {
    func myeloma(_ labs: [(String, Double, String)]) -> Finding? {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .myeloma, histology: "多发性骨髓瘤 IgG-κ", diagnosed: day("2022-12"))]
        r.treatments = [Treatment(id: "VRD", kind: .systemic, name: "VRd", drugs: ["bortezomib", "lenalidomide", "dexamethasone"], systemicClass: .chemotherapy, start: day("2023-01-10"))]
        r.labs = labs.map { LabResult(date: day($0.0), test: .mProtein, value: $0.1, unit: $0.2) }
        return assess(r, asOf: day("2023-06-01")).rule("boneHealth.bloodCancerResponse").first
    }

    @Test func theCourseIsShownFromTheBaselineBeforeTheRegimen() throws {
        let f = try #require(myeloma([("2022-12-20", 3.0, "g/dL"), ("2023-01-05", 4.2, "g/dL"), ("2023-03-01", 1.5, "g/dL"), ("2023-05-01", 0.9, "g/dL")]))
        #expect(f.detail.en.contains("4.2 g/dL (2023-01-05, before VRd) → 0.9 g/dL (2023-05-01): −79 % from the baseline"))
        #expect(f.detail.zhHans.contains("4.2 g/dL（2023-01-05，VRd前） → 0.9 g/dL（2023-05-01）：较基线 −79 %"))
        #expect(!f.detail.en.contains("lowest"), "the latest is the lowest")
    }

    @Test func gramsPerLitreAreConvertedAndTheLowestNamed() throws {
        let f = try #require(myeloma([("2023-01-02", 42, "g/L"), ("2023-03-01", 5, "g/L"), ("2023-05-01", 12, "g/L")]))
        #expect(f.detail.en.contains("4.2 g/dL (2023-01-02, before VRd) → 1.2 g/dL (2023-05-01): −71 % from the baseline; lowest 0.5 g/dL (2023-03-01)"))
    }

    @Test func oneResultOrNoneAfterTheBaselineShowsNoCourse() throws {
        #expect(try !#require(myeloma([("2023-01-02", 4.2, "g/dL")])).detail.en.contains("Serum M protein on record"))
        #expect(try #require(myeloma([])).detail.en.contains("IMWG"))
        #expect(try !#require(myeloma([("2022-12-01", 4.2, "g/dL"), ("2023-01-02", 4.0, "g/dL")])).detail.en.contains("→"), "both before the regimen: the baseline is the latest, nothing after it")
    }
}

/// cb74-f: the myeloma's zoledronic acid "not recommended" at its baseline CrCl of 29.6
/// (creatinine 2.1 mg/dL in hypercalcaemia) said nothing of the creatinine of 1.5 two months on
/// (CrCl 41.5). The Zometa label doses by the baseline CrCl and does not say when recovered
/// renal function makes a new baseline: the later clearance is named with its band, the decision
/// left to medical oncology.
@Suite struct ZoledronicBaselineRecoveredTests {
    func finding(_ later: Double?) throws -> Finding {
        var r = baseCase()
        r.patient.birthDate = day("1953-01-01")
        r.patient.weights = [WeightRecord(date: day("2023-01-01"), kg: 64)]
        r.patient.sex = .male
        r.labs = [LabResult(date: day("2023-01-05"), test: .creatinine, value: 2.1, unit: "mg/dL")]
        if let later { r.labs.append(LabResult(date: day("2023-03-01"), test: .creatinine, value: later, unit: "mg/dL")) }
        r.dentalExams = [day("2023-01-06")]
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-01-08"), agent: .zoledronicAcid, doseMg: 3, intervalWeeks: 4))
        return try #require(assess(r, asOf: day("2023-03-02")).rule("boneAgents.zoledronic.notRecommended").first)
    }

    @Test func theRecoveredClearanceIsNamedWithItsBand() throws {
        let f = try finding(1.5)
        #expect(f.title.en == "Zoledronic acid not recommended: CrCl 29.6 mL/min (< 30)", "the label's baseline stands")
        #expect(f.detail.en.contains("Since then creatinine is 1.5 mg/dL (2023-03-01): CrCl 41.5 mL/min, the band of 3.3 mg."))
        #expect(f.detail.zhHans.contains("对应 3.3 mg 档"))
    }

    @Test func nothingIsSaidWhileTheKidneysHaveNotRecovered() throws {
        #expect(try !finding(nil).detail.en.contains("Since then"))
        #expect(try !finding(2.2).detail.en.contains("Since then"), "CrCl still < 30")
    }
}

/// An unseen Chinese EHR bundle (2026-12-04): a castration-resistant prostate cancer on
/// abiraterone, PSA 0.8 → 3.9 → 9.6, two bone scans sent as ImagingStudy + DiagnosticReport —
/// their lesions only in the reports ("新见T10椎体、右侧第5肋及右侧股骨上段放射性浓聚灶"). The PSA
/// finding read "bone scan not progressing … radiographic progression is not shown" from a scan
/// whose three new foci were never recorded; with the later scan entered by hand, every lesion on
/// it was "new" against the report-only scan before (PD). The rules do not read reports: such a
/// study shows nothing and excludes nothing (`ImagingStudy.readingNotRecorded`). PCWG3 (Scher HI
/// et al. J Clin Oncol 2016;34:1402-18) counts new lesions against an earlier scan; with none
/// before the therapy, the first scan under it is the reference for the later ones.
@Suite struct ReportOnlyStudyTests {
    func prostate(scans: [ImagingStudy]) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "前列腺癌 去势抵抗", diagnosed: day("2022-02"))]
        r.lesions = ["L4", "T10"].map { Lesion(id: $0, bone: .vertebra, level: VertebralLevel($0)) }
            + [Lesion(id: "IL", bone: .pelvis, laterality: .left), Lesion(id: "R5", bone: .rib, laterality: .right)]
        r.studies = scans
        r.treatments = [Treatment(id: "ABI", kind: .systemic, name: "阿比特龙", drugs: ["abiraterone"], systemicClass: .endocrine, start: day("2022-08-01"))]
        r.labs = [("2023-06-01", 0.8), ("2023-09-01", 3.9), ("2023-11-10", 9.6)].map {
            LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL", upperLimit: 4)
        }
        return r
    }

    func scan(_ id: String, _ date: String, _ lesions: [String], report: String? = nil, dicom: String? = nil) -> ImagingStudy {
        var s = survey(id, date, lesions)
        s.report = report
        s.dicomModality = dicom
        return s
    }

    func psa(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-12-04")).rule("boneHealth.pcwg3.psaProgression").first)
    }

    @Test func aReportOnlyScanIsNotNoProgression() throws {
        let f = try psa(prostate(scans: [
            scan("B1", "2023-06-03", ["L4", "IL"]),
            scan("B2", "2023-11-12", [], report: "L4椎体、左侧髂骨浓聚，较前相仿；新见T10椎体、右侧第5肋浓聚灶", dicom: "NM"),
        ]))
        #expect(f.title.en == "PSA progression by PCWG3 under 阿比特龙 2022-08-01– (systemic therapy) since 2023-09-01")
        #expect(f.detail.en.contains("The bone scan of 2023-11-12 is on record as its report only, its lesions not recorded"))
        #expect(f.detail.zhHans.contains("仅有报告文本"))
        #expect(!f.detail.en.contains("shows no progression"))
        let told = try #require(assess(prostate(scans: [
            scan("B1", "2023-06-03", ["L4", "IL"]),
            scan("B2", "2023-11-12", [], report: "新见T10椎体浓聚灶", dicom: "NM"),
        ]), asOf: day("2023-12-04")).rule("diagnosis.imaging.readingNotRecorded").first)
        #expect(told.subject == .study("B2"))
        #expect(told.title.en == "Bone scan of 2023-11-12: lesions not recorded — the study counts for nothing until they are")
        #expect(told.detail.en.contains("Read the report into lesions on the study's report page"))
    }

    /// The imported bone scans also settled Tokuhashi's vertebral count ("1 → 2") with only L4
    /// recorded while the report named T10 too; and without them counted, "no whole-body
    /// screening — order a bone scan" would ask for a scan that was done.
    @Test func aReportOnlySurveySettlesNoCountAndIsNotOrderedAgain() throws {
        var r = prostate(scans: [scan("B1", "2023-06-03", [], report: "L4、T10椎体浓聚", dicom: "NM")])
        r.lesions = [Lesion(id: "L4", bone: .vertebra, level: VertebralLevel("L4"))]
        r.lesions[0].diagnosed = day("2022-02")
        let a = assess(r, asOf: day("2023-12-04"))
        let tokuhashi = try #require(a.tokuhashi)
        #expect(tokuhashi.components.first { $0.key == "vertebralBodyMets" }?.points == nil, "the vertebral count stays open")
        #expect(!a.has("diagnosis.imaging.wholeBodyScreening"))
        #expect(a.has("diagnosis.imaging.readingNotRecorded"))
    }

    /// cb75-b: a lung cancer without bone lesions, staging PET-CT "全身骨骼未见明确转移" as report
    /// only, was asked to record lesions there were none of.
    @Test func withoutALesionItCouldShowNothingIsAskedFor() {
        var r = baseCase()
        r.lesions = []
        r.studies = [ImagingStudy(id: "P0", date: day("2023-01-02"), modality: .petCt, report: "全身骨骼未见明确转移")]
        #expect(!assess(r, asOf: day("2023-04-01")).has("diagnosis.imaging.readingNotRecorded"))
        var femur = baseCase()
        femur.studies.append(ImagingStudy(id: "C0", date: day("2023-02-02"), modality: .ct, windows: [.bone], coverage: [.chest], report: "胸部未见骨质破坏"))
        #expect(!assess(femur, asOf: day("2023-04-01")).has("diagnosis.imaging.readingNotRecorded"), "a chest CT shows no femur")
        femur.studies[2].coverage = []
        #expect(assess(femur, asOf: day("2023-04-01")).has("diagnosis.imaging.readingNotRecorded"), "its region not recorded: it may")
    }

    /// Bundle b1: an imported CT drew "windows not recorded — was the bone window read?" beside
    /// "lesions not recorded": its reading comes first, and its windows with it.
    @Test func aReportOnlyCTIsNotAlsoAskedForItsWindows() {
        var r = baseCase()
        r.studies.append(ImagingStudy(id: "C9", date: day("2023-03-22"), modality: .ct, report: "右股骨溶骨性破坏"))
        let a = assess(r, asOf: day("2023-04-01"))
        #expect(a.has("diagnosis.imaging.readingNotRecorded"))
        #expect(!a.has("diagnosis.imaging.ctWindowsNotRecorded"))
        r.studies[2].observations = [observation("L1", .lytic) { $0.boneDestruction = true }]
        #expect(assess(r, asOf: day("2023-04-01")).has("diagnosis.imaging.ctWindowsNotRecorded"), "read: its windows are asked for")
    }

    @Test func aHandEnteredStudyOfNoLesionIsNotAskedFor() {
        var r = baseCase()
        r.studies.append(ImagingStudy(id: "B0", date: day("2023-01-02"), modality: .boneScan))
        #expect(!assess(r, asOf: day("2023-04-01")).has("diagnosis.imaging.readingNotRecorded"))
        r.studies[2].dicomModality = "NM"
        #expect(assess(r, asOf: day("2023-04-01")).has("diagnosis.imaging.readingNotRecorded"), "sent from an EHR, no reading with it")
    }

    @Test func aReportOnlyScanMakesNothingNew() {
        let r = prostate(scans: [
            scan("B1", "2023-06-03", [], report: "L4椎体、左侧髂骨浓聚", dicom: "NM"),
            scan("B2", "2023-11-12", ["L4", "IL", "T10", "R5"]),
        ])
        let a = assess(r, asOf: day("2023-12-04"))
        #expect(a.timePoints.isEmpty, "nothing read before B2 to compare with")
        #expect(!a.findings.contains { $0.title.en.contains("new focus") || $0.detail.en.contains("new focus") })
    }

    @Test func aScanWithoutReportOrSourceStillLookedAndSawNothing() throws {
        // Entered by hand with no lesion and no report: looked at, nothing seen (as before).
        var r = baseCase()
        r.studies = [ImagingStudy(id: "B0", date: day("2023-01-02"), modality: .boneScan), survey("B1", "2023-03-20", ["L1"])]
        r.studies.append(ct("S3", "2023-03-21", [observation("L1", .lytic) { $0.boneDestruction = true }]))
        let a = assess(r, asOf: day("2023-04-01"))
        #expect(a.timePoints.first { $0.study == "B1" }?.newLesions == ["L1"])
        r.studies[0].report = "骨扫描未见异常"
        #expect(assess(r, asOf: day("2023-04-01")).timePoints.first { $0.study == "B1" } == nil, "its report is its reading")
    }

    @Test func withoutAScanBeforeTheTherapyTheFirstUnderItIsTheReference() throws {
        let r = prostate(scans: [scan("B1", "2023-06-03", ["L4", "IL"]), scan("B2", "2023-11-12", ["L4", "IL", "T10", "R5"])])
        let a = assess(r, asOf: day("2023-12-04"))
        let first = try #require(a.rule("boneHealth.pcwg3.laterScan").first)
        #expect(first.title.en == "Not progression yet: 2 new lesions on the bone scan of 2023-11-12 await confirmation (PCWG3)")
        #expect(first.detail.en.hasPrefix("Against the first scan under 阿比特龙 (2023-06-03)."))
        let f = try psa(r)
        #expect(f.detail.en.contains("shows 2 new lesions, not yet confirmed by the 2+2 rule"))
        #expect(!f.title.en.contains("not progressing"))
        #expect(a.timePoints.first { $0.study == "B2" }?.overall != .progressiveDisease, "the PCWG3 verdict holds the time point")
    }

    @Test func theFirstReadScanJudgesNothing() throws {
        let f = try psa(prostate(scans: [scan("B2", "2023-11-12", ["L4", "IL", "T10", "R5"])]))
        #expect(f.detail.en.contains("The bone scan of 2023-11-12 is the first read on record"))
        #expect(!f.title.en.contains("not progressing"))
    }
}

/// cb70-e, read twice (2026-12-04): three vertebrae broken on one day since denosumab stopped
/// were named "L2, T11, L1" in one run and "T11, L1, L2" in the next — the fractures were
/// gathered in a dictionary, whose order Swift seeds per process. An assessment says the same
/// thing every time it is made: by date, then down the spine.
@Suite struct SameDayFracturesDownTheSpineTests {
    @Test func vertebraeBrokenOnOneDayAreNamedDownTheSpine() throws {
        var r = baseCase()
        let levels = ["T11", "L1", "L2", "T9", "L4", "T6"]
        r.lesions += levels.map { Lesion(id: "V\($0)", bone: .vertebra, level: VertebralLevel($0)) }
        r.studies[0].observations += levels.map { level in observation("V\(level)", .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none } }
        r.studies.append(ct("S3", "2024-10-20", levels.map { level in observation("V\(level)", .blastic) { $0.collapse = .under50 } }))
        r.treatments.append(Treatment(
            id: "D1", kind: .boneModifyingAgent, start: day("2023-01-20"), end: day("2024-03-01"), stopReason: .patientChoice, agent: .denosumab, doseMg: 120, intervalWeeks: 4))
        let finding = try #require(assess(r, asOf: day("2024-12-01")).rule("boneAgents.indication").first)
        let named = ["T6", "T9", "T11", "L1", "L2", "L4"].map { "\($0) vertebra (2024-10-20)" }.joined(separator: ", ")
        #expect(finding.detail.en.contains("Since the stop, a vertebral fracture: \(named)."), "\(finding.detail.en)")
    }
}

/// cb75-f (unseen record, 2026-12-04): a breast cancer on letrozole + ribociclib, its T10 and
/// iliac lesions filled in completely, the sacrum and a rib — sclerotic flare, sizes not measured —
/// not evaluable: the time point read "complete response". Every lesion must be in complete
/// response for CR; as RECIST 1.1 reads complete response of the evaluated lesions beside lesions
/// not evaluated, it is partial (Eisenhauer EA et al. Eur J Cancer 2009;45:228-47). A lesion an
/// operation removed in the interval is not there to judge.
@Suite struct CompleteResponseNeedsEveryLesionTests {
    func record(secondLesionRemoved: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions.append(Lesion(id: "S", bone: .sacrum, level: VertebralLevel("S1")))
        r.studies[0].observations.append(observation("S", .blastic) { $0.boneDestruction = false })
        r.studies[1] = ct("S2", "2023-06-20", [
            observation("L1", .blastic, [20, 20]) { $0.boneDestruction = false; $0.fillIn = .complete },
            observation("S", .blastic) { $0.boneDestruction = false },
        ])
        if secondLesionRemoved {
            r.treatments.append(Treatment(id: "RS", kind: .surgery, name: "sacral tumour resection", lesions: ["S"], start: day("2023-03-01"), procedure: .resection))
        }
        return r
    }

    @Test func aLesionNotEvaluableMakesItPartial() throws {
        let a = assess(record(), asOf: day("2023-07-01"))
        let point = try #require(a.timePoints.first { $0.study == "S2" })
        #expect(point.lesions.first { $0.lesion == "L1" }?.category == .completeResponse)
        #expect(point.lesions.first { $0.lesion == "S" }?.category == .notEvaluable)
        #expect(point.overall == .partialResponse)
        let finding = try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study("S2") })
        #expect(finding.detail.en.contains("Complete response of the lesions judged; not CR while sacrum (S1) cannot be judged"))
        #expect(finding.detail.zhHans.contains("故不判定为完全缓解"))
    }

    @Test func aLesionRemovedInTheIntervalDoesNotHoldItBack() throws {
        let point = try #require(assess(record(secondLesionRemoved: true), asOf: day("2023-07-01")).timePoints.first { $0.study == "S2" })
        #expect(point.overall == .completeResponse)
    }
}

/// cb75-g (unseen record, 2026-12-04): a melanoma's proximal humerus, broken, radiotherapy
/// "左肱骨放疗 20Gy/5F" planned and no fixation: the fracture finding said "no fixation on record:
/// orthopaedic referral" without a word of the course, as if it answered the fracture. Radiotherapy
/// does not stabilise a broken bone; fixation first, radiotherapy after it (Townsend PW et al. Int
/// J Radiat Oncol Biol Phys 1995;31:43-9; the source hospital: fix before radiotherapy).
@Suite struct BrokenBoneRadiotherapyWithoutFixationTests {
    func record(_ course: Treatment?, fixed: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.events = [ClinicalEvent(date: day("2023-03-01"), kind: .pathologicalFracture, lesion: "L1")]
        if let course { r.treatments.append(course) }
        if fixed { r.treatments.append(Treatment(id: "N", kind: .surgery, name: "IM nail", lesions: ["L1"], start: day("2023-03-05"), procedure: .fractureFixation)) }
        return r
    }

    func finding(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-03-25")).rule("surgery.mirels.fractured").first)
    }

    @Test func plannedRadiotherapyWithoutFixationIsNamed() throws {
        let f = try finding(record(Treatment(id: "RT", kind: .radiotherapy, name: "20Gy/5F", lesions: ["L1"], start: day("2023-04-01"), planned: true)))
        #expect(f.detail.en.contains("Radiotherapy is planned (20Gy/5F 2023-04-01– (radiotherapy)) without fixation: it eases the pain but does not make a broken bone stable"))
        #expect(f.detail.zhHans.contains("放疗可缓解疼痛，但不能使已骨折的骨骼稳定"))
        #expect(f.sources.contains { $0.id == "townsend1995" })
    }

    @Test func radiotherapyGivenSinceTheFractureIsNamed() throws {
        let f = try finding(record(Treatment(id: "RT", kind: .radiotherapy, name: "8 Gy", lesions: ["L1"], start: day("2023-03-10"), end: day("2023-03-10"))))
        #expect(f.detail.en.contains("Irradiated since it broke"))
    }

    @Test func radiotherapyBeforeTheFractureOrAFixedBoneSaysNothing() throws {
        #expect(try !finding(record(Treatment(id: "RT", kind: .radiotherapy, name: "8 Gy", lesions: ["L1"], start: day("2023-02-01"), end: day("2023-02-01")))).detail.en.contains("radiotherapy does not make"))
        #expect(try !finding(record(nil)).detail.en.contains("Radiotherapy is planned"))
        let fixed = try finding(record(Treatment(id: "RT", kind: .radiotherapy, name: "20Gy/5F", lesions: ["L1"], start: day("2023-04-01"), planned: true), fixed: true))
        #expect(!fixed.detail.en.contains("without fixation"))
    }
}
