@testable import BoneMetRules
import Testing

/// cb83-a (unseen record, 2026-12-05): a breast cancer's femur read "impending fracture (Mirels 9)
/// — prophylactic fixation" from the film of September 2025, fourteen months into letrozole and
/// palbociclib with no film since. The score and its urgency stand (Mirels 1989 scored lesions at
/// presentation); the finding now says the reading predates the regimen and asks for the lesion
/// to be imaged again once the regimen has run past the time its first response imaging is due
/// (`flareWindowWeeks`, PCWG3's first post-baseline scan at 8–12 weeks). Rule set 2026.12.317.
@Suite struct ScoredBeforeRegimenTests {
    static let sentence = "it has run past the time its first response imaging is due (PCWG3: 8–12 weeks)"

    /// A lytic femoral shaft lesion, half the diameter, moderate pain (Mirels 9), on the film of
    /// 2025-09-10; a T12 lesion on the CT of the same day; the regimen begins 2025-09-20.
    func record() -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("T12"))]
        r.studies = [
            ImagingStudy(id: "X1", date: day("2025-09-10"), modality: .xray, coverage: [.leftLowerLimb], observations: [
                observation("L1", .lytic) { $0.fractionOfDiameter = 0.5; $0.boneDestruction = true },
            ]),
            ct("C1", "2025-09-10", [observation("L2", .mixed) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none }]),
        ]
        r.pain = [PainRecord(date: day("2025-09-10"), lesion: "L1", mirels: .moderate)]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole + palbociclib", systemicClass: .endocrine, start: day("2025-09-20"))]
        return r
    }

    func mirels(_ r: CaseRecord, asOf: String) throws -> Finding {
        try #require(assess(r, asOf: day(asOf)).findings.first { $0.ruleId.hasPrefix("surgery.mirels.") && $0.subject == .lesion("L1") })
    }

    @Test func aScoreReadBeforeTheRegimenIsSaidWithItsAgeAndStaysUrgent() throws {
        let finding = try mirels(record(), asOf: "2026-11-29")
        #expect(finding.ruleId == "surgery.mirels.impendingFracture")
        #expect(finding.severity == .urgent)
        #expect(finding.detail.en.contains("Read on the X-ray of 2025-09-10, before letrozole + palbociclib began (2025-09-20); \(Self.sentence)"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("依据 2025-09-10 X 线片，早于letrozole + palbociclib开始（2025-09-20）"), "\(finding.detail.zhHans)")
        let spine = try #require(assess(record(), asOf: day("2026-11-29")).rule("surgery.spine.noms").first)
        #expect(spine.detail.en.contains("Read on the imaging of 2025-09-10, before"), "\(spine.detail.en)")
    }

    /// Boundary: the flare window (12 weeks from 2025-09-20 is 2025-12-13).
    @Test func notBeforeTheFlareWindowHasPassed() throws {
        #expect(!(try mirels(record(), asOf: "2025-12-12")).detail.en.contains(Self.sentence))
        #expect(try mirels(record(), asOf: "2025-12-13").detail.en.contains(Self.sentence))
        var settings = RuleSettings()
        settings.flareWindowWeeks = 16
        let later = try #require(assess(record(), asOf: day("2025-12-13"), settings: settings).findings.first { $0.ruleId.hasPrefix("surgery.mirels.") })
        #expect(!later.detail.en.contains(Self.sentence))
    }

    /// A regimen stopped after a month has not run long enough to be read by now.
    @Test func aRegimenStoppedEarlyIsNotCounted() throws {
        var r = record()
        r.treatments[0].end = day("2025-10-20")
        #expect(!(try mirels(r, asOf: "2026-11-29")).detail.en.contains(Self.sentence))
    }

    @Test func aLaterReadingOfTheLesionSilencesIt() throws {
        var r = record()
        r.studies.append(ImagingStudy(id: "X2", date: day("2026-03-01"), modality: .xray, coverage: [.leftLowerLimb], observations: [
            observation("L1", .mixed) { $0.fractionOfDiameter = 0.5 },
        ]))
        #expect(!(try mirels(r, asOf: "2026-11-29")).detail.en.contains("Read on the X-ray"))
        // A later film on record with its report only: its own sentence asks for the reading.
        var reported = record()
        reported.studies.append(ImagingStudy(id: "X3", date: day("2026-06-01"), modality: .xray, report: "左股骨干溶骨性破坏，较前相仿。"))
        let unread = try mirels(reported, asOf: "2026-11-29")
        #expect(!unread.detail.en.contains(Self.sentence))
        #expect(unread.detail.en.contains("is on record with its report only"), "\(unread.detail.en)")
        // A bone scan since is no reading of its structure: still said.
        var scanned = record()
        scanned.studies.append(survey("B1", "2026-03-01", ["L1", "L2"]))
        #expect(try mirels(scanned, asOf: "2026-11-29").detail.en.contains(Self.sentence))
    }

    @Test func notOnceTheBoneIsFixed() throws {
        var r = record()
        r.treatments.append(Treatment(id: "S", kind: .surgery, name: "intramedullary nail", lesions: ["L1"], start: day("2025-09-15"), procedure: .prophylacticFixation))
        let finding = try mirels(r, asOf: "2026-11-29")
        #expect(finding.ruleId == "surgery.mirels.protected")
        #expect(!finding.detail.en.contains(Self.sentence))
    }
}

/// cb80-aj, cb81-h (unseen records, 2026-12-05): a vertebra's mechanical pain graded before a
/// regimen scored SINS from a CT read after the regimen had acted — as Mirels no longer reads such
/// a pain (`regimenSincePain`, rule set 2026.12.315), SINS now leaves it unknown and asks for it.
/// Rule set 2026.12.317.
@Suite struct SINSPainBeforeRegimenTests {
    func record(ctOn date: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [ct("C1", date, [observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral }])]
        r.pain = [PainRecord(date: day("2025-09-10"), lesion: "V", sins: .mechanical)]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "capecitabine", systemicClass: .chemotherapy, start: day("2025-09-20"))]
        return r
    }

    func spine(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2025-12-31")).rule("surgery.spine.noms").first)
    }

    @Test func aPainGradedBeforeTheRegimenIsAskedForAgain() throws {
        // L1 junctional 3, lytic 2, collapse < 50 % 2, posterolateral unilateral 1, alignment 0:
        // 8 without the pain; with mechanical pain (3) 11.
        let finding = try spine(record(ctOn: "2025-11-15"))
        #expect(finding.title.en.hasPrefix("L1 vertebra: SINS 8–11"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("SINS pain: not the pain record of 2025-09-10, graded before capecitabine began (2025-09-20) — grade the pain now."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("请重新评估疼痛"))
    }

    /// Boundary: the CT 8 weeks (`blasticLatencyWeeks`) after the start reads the regimen's
    /// effect (2025-11-15); a day sooner it does not, and the pain stands.
    @Test func notBeforeTheRegimenCanHaveActed() throws {
        let finding = try spine(record(ctOn: "2025-11-14"))
        #expect(finding.title.en.hasPrefix("L1 vertebra: SINS 11"), "\(finding.title.en)")
        #expect(!finding.detail.en.contains("SINS pain: not the pain record"))
    }
}
