import BoneMetRules
import Testing

@Suite struct AttributionTests {
    @Test func aTreatmentStartingOnTheBaselineDayBelongsToTheWindowNotOneEndingThere() {
        let therapy = Treatment(id: "T", kind: .systemic, start: day("2022-01-10"), end: day("2022-03-01"))
        #expect(therapy.isActive(after: day("2022-01-10"), before: day("2022-03-01")))
        #expect(!therapy.isActive(after: day("2021-11-05"), before: day("2022-01-10")))
        #expect(!therapy.isActive(after: day("2022-03-01"), before: day("2022-05-01")))
        let next = Treatment(id: "N", kind: .systemic, start: day("2022-03-01"))
        #expect(!next.isActive(after: day("2022-01-10"), before: day("2022-03-01")))
        #expect(!Treatment(id: "P", kind: .systemic, start: day("2022-01-01"), planned: true).isActive(after: day("2021-01-01"), before: day("2023-01-01")))
    }

    @Test func partialDatesCountWhereverTheyMightFall() {
        let therapy = Treatment(id: "T", kind: .systemic, start: day("2022-02"))
        #expect(therapy.isActive(after: day("2022-01-10"), before: day("2022-02-15")))
    }

    @Test func localTreatmentOnlyCountsForItsLesion() {
        var record = baseCase()
        record.lesions.append(Lesion(id: "L2", bone: .humerus))
        record.treatments = [Treatment(id: "RT", kind: .radiotherapy, lesions: ["L2"], start: day("2023-02-01"), end: day("2023-02-10"))]
        record.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]), observation("L2", .lytic, [20, 20])]),
            ct("S2", "2023-03-20", [observation("L1", .lytic, [20, 20]), observation("L2", .lytic, [20, 20])]),
        ]
        let point = assess(record, asOf: day("2023-06-01")).timePoints[0]
        #expect(point.lesions.first { $0.lesion == "L1" }?.untreated == true)
        #expect(point.lesions.first { $0.lesion == "L2" }?.treatments == ["RT"])
    }
}

@Suite struct FlareWindowTests {
    /// New sclerotic lesion while L1 fills in; the therapy started `days` before the restaging CT.
    func restaging(daysAfterStart days: Int, settings: RuleSettings = .default) -> TimePointResponse? {
        var record = baseCase()
        record.lesions.append(Lesion(id: "L2", bone: .pelvis))
        let start = day("2023-01-10")
        let restage = start.adding(days: days)
        record.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20])]),
            ImagingStudy(id: "S2", date: restage, modality: .ct, windows: [.bone], observations: [
                observation("L1", .lytic, [20, 20]) { $0.fillIn = .partial }, observation("L2", .blastic, [5, 5]),
            ]),
        ]
        return assess(record, asOf: day("2024-01-01"), settings: settings).timePoints.first
    }

    @Test func flareWindowBoundaryDefault12Weeks() {
        #expect(restaging(daysAfterStart: 84)?.flare == true)
        #expect(restaging(daysAfterStart: 84)?.overall == .partialResponse)
        // Day 85: outside the window — the new sclerosis is still not progression under therapy.
        #expect(restaging(daysAfterStart: 85)?.flare == false)
        #expect(restaging(daysAfterStart: 85)?.overall == .partialResponse)
        #expect(restaging(daysAfterStart: 85)?.lesions.first { $0.lesion == "L2" }?.category == .stableDisease)
        #expect(restaging(daysAfterStart: 85, settings: RuleSettings(flareWindowWeeks: 13))?.flare == true)
    }

    @Test func newLyticLesionIsProgressionEvenInTheWindow() {
        var record = baseCase()
        record.lesions.append(Lesion(id: "L2", bone: .pelvis))
        record.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20])]),
            ct("S2", "2023-02-20", [observation("L1", .lytic, [20, 20]) { $0.fillIn = .partial }, observation("L2", .lytic, [8, 8])]),
        ]
        #expect(assess(record, asOf: day("2024-01-01")).timePoints.first?.overall == .progressiveDisease)
    }

    @Test func newSclerosisWithoutTreatmentIsProgression() {
        var record = baseCase()
        record.treatments = []
        record.lesions.append(Lesion(id: "L2", bone: .pelvis))
        record.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20])]),
            ct("S2", "2023-02-20", [observation("L1", .lytic, [20, 20]), observation("L2", .blastic, [8, 8])]),
        ]
        let a = assess(record, asOf: day("2024-01-01"))
        #expect(a.timePoints.first?.overall == .progressiveDisease)
        #expect(a.has("boneHealth.attribution.naturalHistory"))
    }
}

@Suite struct PCWG3Tests {
    func prostate(_ scans: [(String, String, [String], Int?)]) -> Assessment {
        var record = CaseRecord(
            patient: Patient(id: "p", sex: .male, birthDate: day("1950")),
            primaries: [PrimaryCancer(id: "P1", site: .prostate)],
            lesions: (1...9).map { Lesion(id: "L\($0)", bone: .pelvis) },
            treatments: [Treatment(id: "T1", kind: .systemic, name: "enzalutamide", start: day("2023-01-10"))])
        record.studies = scans.map { id, date, lesions, unnamed in
            ImagingStudy(id: id, date: day(date), modality: .boneScan, observations: lesions.map { observation($0) { $0.uptake = true } }, unnamedNewLesions: unnamed)
        }
        return assess(record, asOf: day("2024-01-01"))
    }

    @Test func twoNewLesionsOnTheFirstScanAreUnconfirmed() {
        let a = prostate([("B0", "2023-01-05", ["L1"], nil), ("B1", "2023-03-20", ["L1", "L2", "L3"], nil)])
        let finding = a.rule("boneHealth.pcwg3.firstScan").first
        #expect(finding?.title.en.contains("Not progression yet") == true)
        #expect(finding?.severity == .advisory)
        // The MDA time point of the same scan agrees (issue #8).
        #expect(a.timePoints.first { $0.study == "B1" }?.overall != .progressiveDisease)
    }

    @Test func twoMoreSixWeeksLaterConfirmDatedToTheFirstScan() {
        let a = prostate([
            ("B0", "2023-01-05", ["L1"], nil), ("B1", "2023-03-20", ["L1", "L2", "L3"], nil),
            ("B2", "2023-05-01", ["L1", "L2", "L3", "L4", "L5"], nil),
        ])
        #expect(a.rule("boneHealth.pcwg3.firstScan").first?.title.en.contains("confirmed (PCWG3 2+2), dated to 2023-03-20") == true)
    }

    @Test func confirmationNeedsSixWeeks() {
        // 41 days later is too early to confirm: still unconfirmed.
        let early = prostate([
            ("B0", "2023-01-05", ["L1"], nil), ("B1", "2023-03-20", ["L1", "L2", "L3"], nil),
            ("B2", "2023-04-30", ["L1", "L2", "L3", "L4", "L5"], nil),
        ])
        #expect(early.rule("boneHealth.pcwg3.firstScan").first?.title.en.contains("Not progression yet") == true)
    }

    @Test func fewerThanTwoMoreMeansFlare() {
        let a = prostate([
            ("B0", "2023-01-05", ["L1"], nil), ("B1", "2023-03-20", ["L1", "L2", "L3"], nil),
            ("B2", "2023-05-15", ["L1", "L2", "L3", "L4"], nil),
        ])
        #expect(a.rule("boneHealth.pcwg3.firstScan").first?.title.en.contains("flare") == true)
    }

    @Test func oneNewLesionIsNotProgressionAndUnnamedLesionsCount() {
        let one = prostate([("B0", "2023-01-05", ["L1"], nil), ("B1", "2023-03-20", ["L1", "L2"], nil)])
        #expect(one.rule("boneHealth.pcwg3.firstScan").first?.title.en.contains("not progression by PCWG3") == true)
        #expect(one.timePoints.first { $0.study == "B1" }?.overall != .progressiveDisease)
        let unnamed = prostate([("B0", "2023-01-05", ["L1"], nil), ("B1", "2023-03-20", ["L1"], 2)])
        #expect(unnamed.rule("boneHealth.pcwg3.firstScan").first?.title.en.contains("Not progression yet") == true)
    }

    @Test func onlyForProstateCancer() {
        var record = CaseRecord(patient: Patient(id: "p"), primaries: [PrimaryCancer(id: "P1", site: .breast)], lesions: [Lesion(id: "L1", bone: .pelvis), Lesion(id: "L2", bone: .pelvis), Lesion(id: "L3", bone: .pelvis)],
                                treatments: [Treatment(id: "T1", kind: .systemic, start: day("2023-01-10"))])
        record.studies = [
            ImagingStudy(id: "B0", date: day("2023-01-05"), modality: .boneScan, observations: [observation("L1") { $0.uptake = true }]),
            ImagingStudy(id: "B1", date: day("2023-03-20"), modality: .boneScan, observations: ["L1", "L2", "L3"].map { observation($0) { $0.uptake = true } }),
        ]
        #expect(assess(record, asOf: day("2024-01-01")).rule("boneHealth.pcwg3.firstScan").isEmpty)
    }
}
