import BoneMetRules
import Testing

/// Reference cases for issue #8, "evidence over time": each class of error seen on real records,
/// pinned on both sides of its rule. Cases are written for these tests; the rule each follows is
/// named with its source.

func study(_ id: String, _ date: String, _ modality: Modality, coverage: [BodyRegion] = [], _ observations: [LesionObservation]) -> ImagingStudy {
    ImagingStudy(
        id: id, date: day(date), modality: modality, windows: modality == .ct ? [.softTissue, .bone] : [], coverage: coverage,
        observations: observations)
}

@Suite struct MirelsAcrossStudiesTests {
    /// Mirels 1989: size from the plain film. A later CT, which carries no fraction of the
    /// diameter, must not turn a complete score into a range; pain written the day after the
    /// film counts.
    func record(laterCT: Bool, painDayAfter: Bool) -> CaseRecord {
        var record = CaseRecord(
            patient: Patient(id: "m1", sex: .male, birthDate: day("1960-01-01")),
            primaries: [PrimaryCancer(id: "P1", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2023-01"))],
            lesions: [Lesion(id: "L1", bone: .femur, segment: .peritrochanteric, laterality: .right), Lesion(id: "L2", bone: .rib, laterality: .left)],
            studies: [
                study("S1", "2023-04-02", .xray, [observation("L1", .lytic) { $0.fractionOfDiameter = 0.7; $0.boneDestruction = true }]),
                study("S0", "2023-03-01", .ct, [observation("L2", .lytic, [10, 10]) { $0.boneDestruction = true }]),
            ],
            pain: [PainRecord(date: day(painDayAfter ? "2023-04-03" : "2023-04-01"), lesion: "L1", mirels: .functional)])
        if laterCT {
            record.studies.append(study("S2", "2023-04-10", .ct, [observation("L1", .lytic, [42, 30]) { $0.boneDestruction = true }]))
        }
        return record
    }

    @Test func aLaterCTNeverErasesTheFilmsSizeGrade() throws {
        let a = assess(record(laterCT: true, painDayAfter: false), asOf: day("2023-04-20"))
        let latest = try #require(a.mirels.last { $0.lesion == "L1" })
        #expect(latest.study == "S2")
        #expect(latest.total.score == 12)
        let finding = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(finding.severity == .urgent)
        // Says which study each item came from.
        #expect(finding.inputs.contains { $0.name == "size.from" && $0.value.contains("2023-04-02") })
        #expect(finding.inputs.contains { $0.name == "lesion.from" && $0.value.contains("2023-04-10") })
        #expect(!a.has("surgery.mirels.incomplete"))
    }

    @Test func withoutAnyFractionTheScoreStaysARange() {
        var r = record(laterCT: true, painDayAfter: false)
        r.studies[0].observations[0].fractionOfDiameter = nil
        let a = assess(r, asOf: day("2023-04-20"))
        // 3 + 3 + 3 + (1–3): 10–12, all above the threshold — still an alert, never dropped.
        #expect(a.mirels.last { $0.lesion == "L1" }?.total.min == 10)
        #expect(a.has("surgery.mirels.impendingFracture"))
    }

    @Test func painWrittenTheDayAfterTheFilmCounts() {
        let a = assess(record(laterCT: false, painDayAfter: true), asOf: day("2023-04-20"))
        #expect(a.mirels.last { $0.lesion == "L1" }?.total.score == 12)
        // As of the film's day the pain was not yet written: the score is a range then.
        let early = assess(record(laterCT: false, painDayAfter: true), asOf: day("2023-04-02"))
        #expect(early.mirels.last { $0.lesion == "L1" }?.total.score == nil)
    }

    @Test func sizeClassRecordedDirectly() {
        var r = record(laterCT: false, painDayAfter: false)
        r.studies[0].observations[0].fractionOfDiameter = nil
        r.studies[0].observations[0].mirelsSize = .lessThanOneThird
        #expect(assess(r, asOf: day("2023-04-20")).mirels.last { $0.lesion == "L1" }?.total.score == 10)
    }

    @Test func caveatsAreInTheAssessment() throws {
        let a = assess(record(laterCT: false, painDayAfter: false), asOf: day("2023-04-20"))
        let finding = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(finding.detail.en.contains("specificity 35 %"))
        var humerus = record(laterCT: false, painDayAfter: false)
        humerus.lesions[0] = Lesion(id: "L1", bone: .humerus, segment: .proximal, laterality: .right)
        let h = assess(humerus, asOf: day("2023-04-20"))
        #expect(h.findings.contains { $0.subject == .lesion("L1") && $0.detail.en.contains("Evans 2008") })
        #expect(h.findings.contains { $0.subject == .lesion("L1") && $0.sources.contains(Sources.evans2008) })
    }
}

@Suite struct NewLesionNeedsPriorLookTests {
    /// MDA (Hamaoka 2004): a new lesion is progression. It is new only against a study that
    /// looked at its region (issue #8).
    func record(priorCoverage: [BodyRegion], priorModality: Modality = .ct) -> CaseRecord {
        var r = baseCase()
        r.lesions.append(Lesion(id: "L2", bone: .pelvis, laterality: .right))
        r.studies = [
            study("S1", "2023-01-05", priorModality, coverage: priorCoverage, priorModality == .ct ? [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }] : []),
            study("S2", "2023-06-20", priorModality, coverage: priorCoverage + [.pelvis], [
                observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }, observation("L2", .lytic, [12, 10]) { $0.boneDestruction = true },
            ]),
        ]
        return r
    }

    @Test func aRegionNeverImagedBeforeIsFirstRecordedNotProgression() throws {
        let a = assess(record(priorCoverage: [.leftLowerLimb]), asOf: day("2023-07-01"))
        let point = try #require(a.timePoints.first)
        let l2 = try #require(point.lesions.first { $0.lesion == "L2" })
        #expect(l2.firstRecorded)
        #expect(!l2.isNew)
        #expect(l2.category == .notEvaluable)
        #expect(point.overall != .progressiveDisease)
        #expect(l2.reasons.contains { $0.en.contains("no prior imaging of this region") })
    }

    @Test func aPriorStudyThatCoveredTheRegionMakesItNew() throws {
        let a = assess(record(priorCoverage: [.leftLowerLimb, .pelvis]), asOf: day("2023-07-01"))
        let point = try #require(a.timePoints.first)
        #expect(point.newLesions == ["L2"])
        #expect(point.overall == .progressiveDisease)
    }

    @Test func anExplicitAbsenceMakesItNew() throws {
        var r = record(priorCoverage: [.leftLowerLimb])
        r.studies[0].observations.append(LesionObservation(lesion: "L2", present: false))
        #expect(assess(r, asOf: day("2023-07-01")).timePoints.first?.newLesions == ["L2"])
    }

    @Test func aBoneScanIsWholeBody() {
        var r = baseCase()
        r.lesions.append(Lesion(id: "L2", bone: .pelvis))
        r.studies = [
            study("B1", "2023-01-05", .boneScan, [observation("L1") { $0.uptake = true }]),
            study("B2", "2023-06-20", .boneScan, [observation("L1") { $0.uptake = true }, observation("L2") { $0.uptake = true }]),
        ]
        #expect(assess(r, asOf: day("2023-07-01")).timePoints.first?.newLesions == ["L2"])
    }

    @Test func coverageOfALimbWithoutASideNeedsBothSides() {
        let lesion = Lesion(id: "X", bone: .tibia)
        #expect(!study("S", "2023-01-01", .ct, coverage: [.leftLowerLimb], []).covers(lesion))
        #expect(study("S", "2023-01-01", .ct, coverage: [.leftLowerLimb, .rightLowerLimb], []).covers(lesion))
        #expect(study("S", "2023-01-01", .mri, coverage: [.wholeBody], []).covers(Lesion(id: "Y", bone: .other)))
        #expect(!study("S", "2023-01-01", .ct, coverage: [.thoracicSpine], []).covers(Lesion(id: "Z", bone: .vertebra, level: VertebralLevel("L2"))))
        #expect(study("S", "2023-01-01", .ct, coverage: [.lumbarSpine], []).covers(Lesion(id: "Z", bone: .vertebra, level: VertebralLevel("L2"))))
    }
}

@Suite struct MostRecentStateTests {
    /// Tokuhashi 2005 palsy item: the most recent neurology, patient- or lesion-level.
    func spinal(_ neurology: [NeurologyRecord]) -> Assessment {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T8"))]
        r.studies = [study("S1", "2023-01-05", .mri, [observation("L1", .lytic, [20, 20]) { $0.escc = .g1a; $0.boneDestruction = true }])]
        r.neurology = neurology
        return assess(r, asOf: day("2023-07-01"))
    }

    func palsy(_ a: Assessment) -> String? { a.tokuhashi?.components.first { $0.key == "frankel" }?.value }

    @Test func aNewerLesionRecordOutranksAnOldPatientGrade() {
        let a = spinal([
            NeurologyRecord(date: day("2022-06-01"), status: .intact, frankel: .E),
            NeurologyRecord(date: day("2023-05-01"), status: .myelopathy, frankel: .C, lesion: "L1"),
        ])
        #expect(palsy(a) == "C")
        #expect(a.rule("surgery.spine.noms").first?.severity == .urgent)
    }

    @Test func aNewerPatientRecordOutranksAnOldLesionRecord() {
        let a = spinal([
            NeurologyRecord(date: day("2022-06-01"), status: .myelopathy, frankel: .D, lesion: "L1"),
            NeurologyRecord(date: day("2023-05-01"), status: .intact),
        ])
        // Recorded intact: Frankel E (normal motor and sensory function).
        #expect(palsy(a) == "E")
        #expect(a.rule("surgery.spine.noms").first?.severity != .urgent)
    }
}

@Suite struct BlasticLatencyTests {
    /// Reference.md, timing of treatment effects: a lesion first seen days into a therapy was
    /// there before it. Default latency 8 weeks (PCWG3's earliest first post-baseline scan).
    func record(daysIntoTherapy days: Int) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left)]
        let start = day("2023-01-10")
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: start)]
        r.studies = [
            ImagingStudy(id: "S1", date: start.adding(days: days), modality: .ct, windows: [.softTissue, .bone], observations: [observation("L1", .blastic, [9, 8])]),
            ImagingStudy(id: "B1", date: start.adding(days: days + 2), modality: .boneScan, observations: [observation("L1") { $0.uptake = true }]),
        ]
        r.plans.molecularTestsWanted = true
        return r
    }

    /// How the "do not biopsy" of a blastic lesion was reached: first seen under a therapy already
    /// acting on bone, or seen before it and the therapy has acted since.
    func timing(_ a: Assessment) -> String? {
        a.rule("diagnosis.biopsy.blasticAfterTherapy").first?.inputs.first { $0.name == "timing" }?.value
    }

    @Test func daysIntoTherapyIsPreExistingAndStillBiopsied() throws {
        // Assessed 20 days into the therapy: too soon for it to act on bone.
        let a = assess(record(daysIntoTherapy: 10), asOf: day("2023-01-30"))
        #expect(!a.has("diagnosis.biopsy.blasticAfterTherapy"))
        let biopsy = try #require(a.rule("diagnosis.blastic.uptakeBiopsy").first)
        #expect(biopsy.detail.en.contains("EDTA"))
        #expect(biopsy.detail.en.contains("pre-existing"))
        #expect(a.has("diagnosis.biopsy.edta"))
    }

    /// Rule set 2026.12.56: the source hospital's timing is that of the biopsy — blastic bone
    /// is not biopsied after systemic therapy started (reactive bone or necrosis). A lesion seen
    /// before the therapy (or days into it) read "biopsy" five months later, letrozole running.
    @Test func theBiopsyWindowCloseOnceTheTherapyActs() throws {
        let a = assess(record(daysIntoTherapy: 10), asOf: day("2023-06-01"))
        #expect(!a.has("diagnosis.blastic.uptakeBiopsy"))
        #expect(timing(a) == "therapyBegunSinceSeen")
        let finding = try #require(a.rule("diagnosis.biopsy.blasticAfterTherapy").first)
        #expect(finding.claims.contains(Claim(.biopsy, about: "L1", "noBiopsy")))
        #expect(finding.detail.en.contains("the time for it was before systemic therapy"))
        #expect(!a.has("diagnosis.biopsy.edta"))
        // The boundary: the therapy has acted for blasticLatencyWeeks (8) on day 56.
        let start = day("2023-01-10")
        #expect(assess(record(daysIntoTherapy: 10), asOf: start.adding(days: 55)).has("diagnosis.blastic.uptakeBiopsy"))
        #expect(timing(assess(record(daysIntoTherapy: 10), asOf: start.adding(days: 56))) == "therapyBegunSinceSeen")
        // A therapy stopped more than regimenGapDays (56) before the assessment acts no longer.
        var stopped = record(daysIntoTherapy: 10)
        stopped.treatments[0].end = day("2023-03-01")
        #expect(timing(assess(stopped, asOf: day("2023-03-01").adding(days: 56))) == "therapyBegunSinceSeen")
        #expect(assess(stopped, asOf: day("2023-03-01").adding(days: 57)).has("diagnosis.blastic.uptakeBiopsy"))
    }

    @Test func latencyBoundary() {
        #expect(timing(assess(record(daysIntoTherapy: 55), asOf: day("2023-06-01"))) == "therapyBegunSinceSeen")
        #expect(timing(assess(record(daysIntoTherapy: 56), asOf: day("2023-06-01"))) == "firstSeenUnderTherapy")
        let longer = RuleSettings(flareWindowWeeks: 12, blasticLatencyWeeks: 10)
        #expect(timing(assess(record(daysIntoTherapy: 56), asOf: day("2023-06-01"), settings: longer)) == "therapyBegunSinceSeen")
    }

    /// Rule set 2026.12.56: a therapy that ended long before (an adjuvant course years earlier) is
    /// not acting on a lesion first seen now — "likely response, do not biopsy" was said of it.
    @Test func aLongFinishedTherapyDoesNotExplainNewSclerosis() {
        var r = record(daysIntoTherapy: 400)
        r.treatments[0].end = day("2023-06-01")
        let a = assess(r, asOf: day("2024-03-01"))
        #expect(!a.has("diagnosis.biopsy.blasticAfterTherapy"))
        #expect(a.has("diagnosis.blastic.uptakeBiopsy"))
    }

    /// A lesion's recorded diagnosis date (an EHR's Condition onset, issue #9) before the
    /// therapy makes it pre-existing even when the first study in the record is later; a
    /// diagnosis date after the first study changes nothing (the earlier of the two counts).
    @Test func aRecordedDiagnosisDateBeforeTherapyMakesTheLesionPreExisting() {
        var diagnosedBefore = record(daysIntoTherapy: 90)
        diagnosedBefore.lesions[0].diagnosed = day("2023-01-09")  // the day before the therapy started
        let before = assess(diagnosedBefore, asOf: day("2023-06-01"))
        #expect(timing(before) == "therapyBegunSinceSeen")
        var diagnosedLater = record(daysIntoTherapy: 90)
        diagnosedLater.lesions[0].diagnosed = day("2023-05-01")
        #expect(timing(assess(diagnosedLater, asOf: day("2023-06-01"))) == "firstSeenUnderTherapy")
        // Boundary: diagnosed on the latency's last day is still "after therapy" (first seen 56 days in).
        var atLatency = record(daysIntoTherapy: 90)
        atLatency.lesions[0].diagnosed = day("2023-01-10").adding(days: 56)
        #expect(timing(assess(atLatency, asOf: day("2023-06-01"))) == "firstSeenUnderTherapy")
        atLatency.lesions[0].diagnosed = day("2023-01-10").adding(days: 55)
        #expect(timing(assess(atLatency, asOf: day("2023-06-01"))) == "therapyBegunSinceSeen")
    }
}

@Suite struct BaselineIntervalTests {
    /// The source hospital's attribution: change before any treatment is natural history.
    @Test func progressionBeforeAnyTreatmentIsBaselineNotATreatmentWarning() throws {
        var r = baseCase()
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", start: day("2023-03-20"))]
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2023-03-20", [observation("L1", .lytic, [30, 30]) { $0.boneDestruction = true }]),
        ]
        let a = assess(r, asOf: day("2023-04-01"))
        let point = try #require(a.rule("boneHealth.mda.timePoint").first)
        #expect(point.severity == .info)
        #expect(point.title.en.contains("before any treatment"))
        let natural = try #require(a.rule("boneHealth.attribution.naturalHistory").first)
        #expect(natural.title.en.hasPrefix("Baseline"))
        #expect(natural.severity == .info)
    }

    @Test func progressionInAGapBetweenRegimensStaysAWarning() throws {
        var r = baseCase()
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", start: day("2022-06-01"), end: day("2022-12-01"))]
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2023-03-20", [observation("L1", .lytic, [30, 30]) { $0.boneDestruction = true }]),
        ]
        let a = assess(r, asOf: day("2023-04-01"))
        #expect(a.rule("boneHealth.mda.timePoint").first?.severity == .warning)
        #expect(a.rule("boneHealth.attribution.naturalHistory").first?.severity == .advisory)
    }
}
