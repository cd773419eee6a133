import BoneMetRules
import Foundation
import Testing

/// Properties every assessment keeps, checked over generated variations of a rich case.
@Suite struct AssessmentPropertyTests {
    /// A deterministic pseudo-random generator (SplitMix64) so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func rich() -> CaseRecord {
        var record = baseCase()
        record.lesions += [Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L1")), Lesion(id: "L3", bone: .pelvis)]
        record.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.fractionOfDiameter = 0.5 }, observation("L2", .lytic, [15, 15]) { $0.collapse = .under50 }]),
            ct("S2", "2023-03-20", [observation("L1", .lytic, [20, 20]) { $0.scleroticRim = true; $0.fractionOfDiameter = 0.5 }, observation("L2", .lytic, [15, 16]), observation("L3", .blastic, [5, 5])]),
            ct("S3", "2023-06-20", [observation("L1", .mixed, [18, 18]) { $0.fillIn = .partial }, observation("L2", .lytic, [30, 20])]),
            ImagingStudy(id: "B1", date: day("2023-01-06"), modality: .boneScan, observations: [observation("L1") { $0.uptake = true }]),
        ]
        record.treatments += [
            Treatment(id: "T2", kind: .radiotherapy, lesions: ["L2"], start: day("2023-04-01"), end: day("2023-04-10")),
            Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid),
        ]
        record.pain = [PainRecord(date: day("2023-03-01"), lesion: "L1", mirels: .moderate), PainRecord(date: day("2023-03-01"), lesion: "L2", sins: .mechanical)]
        record.labs = [LabResult(date: day("2023-01-02"), test: .creatinine, value: 1.0, unit: "mg/dL"), LabResult(date: day("2023-06-01"), test: .creatinine, value: 1.6, unit: "mg/dL")]
        return record
    }

    func signature(_ a: Assessment) -> [String] {
        a.findings.map { "\($0.ruleId)|\($0.subject)|\($0.severity)|\($0.title.en)|\($0.detail.en)" }
    }

    @Test func reorderingTheRecordNeverChangesTheResult() {
        let record = rich()
        let expected = signature(assess(record, asOf: day("2023-07-01")))
        var generator = Generator(state: 42)
        for _ in 0..<25 {
            var shuffled = record
            shuffled.studies.shuffle(using: &generator)
            for index in shuffled.studies.indices { shuffled.studies[index].observations.shuffle(using: &generator) }
            shuffled.lesions.shuffle(using: &generator)
            shuffled.treatments.shuffle(using: &generator)
            shuffled.labs.shuffle(using: &generator)
            shuffled.pain.shuffle(using: &generator)
            #expect(signature(assess(shuffled, asOf: day("2023-07-01"))) == expected)
        }
    }

    @Test func anUnrelatedLesionNeverChangesAnotherLesionsFindings() {
        let record = rich()
        // NOMS "S" is the patient's systemic status (Tokuhashi counts every focus): the one part
        // of a lesion's finding that the whole patient decides, left out of the comparison.
        func lesionOwn(_ detail: String) -> String {
            guard let start = detail.range(of: "; S: "), let end = detail.range(of: ". ", range: start.upperBound..<detail.endIndex) else { return detail }
            return String(detail[..<start.lowerBound]) + String(detail[end.lowerBound...])
        }
        func lesionFindings(_ a: Assessment, _ id: String) -> [String] {
            a.findings.filter { $0.subject == .lesion(id) }.map { "\($0.ruleId)|\($0.severity)|\($0.title.en)|\(lesionOwn($0.detail.en))|\($0.claims)" }
        }
        var extended = record
        extended.lesions.append(Lesion(id: "X9", bone: .rib))
        extended.studies[2].observations.append(observation("X9", .blastic, [4, 4]))
        let before = assess(record, asOf: day("2023-07-01"))
        let after = assess(extended, asOf: day("2023-07-01"))
        for id in ["L1", "L2"] {
            #expect(lesionFindings(before, id) == lesionFindings(after, id), "\(id)")
            #expect(before.mirels.filter { $0.lesion == id } == after.mirels.filter { $0.lesion == id })
        }
    }

    @Test func factsAfterAsOfAreIgnored() {
        let record = rich()
        var trimmed = record
        trimmed.studies.removeAll { $0.date > day("2023-04-01") }
        trimmed.labs.removeAll { $0.date > day("2023-04-01") }
        // Every finding but the one that names the later entries as not read (rule set .379).
        let full = assess(record, asOf: day("2023-04-01"))
        #expect(full.has("diagnosis.record.datedAfter"))
        let cut = assess(trimmed, asOf: day("2023-04-01"))
        #expect(!cut.has("diagnosis.record.datedAfter"))
        #expect(signature(full).filter { !$0.hasPrefix("diagnosis.record.datedAfter|") } == signature(cut))
    }

    @Test func everyFindingIsComplete() {
        let a = assess(rich(), asOf: day("2023-07-01"))
        #expect(a.findings.count > 10)
        for finding in a.findings {
            #expect(!finding.sources.isEmpty)
            #expect(!finding.title.en.isEmpty && !finding.title.zhHans.isEmpty)
            #expect(finding.ruleSetVersion == RuleSet.version)
        }
        #expect(a.has("boneAgents.zoledronic.renalHold"))
    }
}

@Suite struct AsOfReplayTests {
    @Test func aStopReasonRecordedAfterAsOfIsNotKnownYet() {
        var record = baseCase()
        record.treatments[0].end = day("2023-04-01")
        record.treatments[0].stopReason = .progression
        #expect(assess(record, asOf: day("2023-03-25")).rule("boneHealth.attribution.unsupportedSwitch").isEmpty)
        #expect(!assess(record, asOf: day("2023-04-02")).rule("boneHealth.attribution.unsupportedSwitch").isEmpty)
    }
}
