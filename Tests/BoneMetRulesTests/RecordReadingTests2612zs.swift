@testable import BoneMetRules
import Testing

/// Unseen bundle ehr4 (2026-12-07, a US prostate record): the Procedure "Radiation treatment
/// management, L3, 8 Gy x 1" (CPT 77427) was dropped as "radiotherapy without a bone site" though
/// a metastasis "Metastasis to bone, L3" was on record. "L3, 8" was read as a list of levels
/// continuing to a lumbar eighth vertebra, which does not exist, and the whole text named no level.
/// A number written with its unit — a dose, fractions, a size, a time — continues no list of
/// levels. Rule set 2026.12.404.
@Suite struct LevelBeforeADoseTests {
    @Test func aDoseAfterALevelIsNoFurtherLevel() {
        func levels(_ text: String) -> [String] { VertebralLevel.levelsNamed(in: text).map(\.description) }
        #expect(levels("Radiation treatment management, L3, 8 Gy x 1") == ["L3"])
        #expect(levels("L3，8Gy/1F") == ["L3"])
        #expect(levels("T10, 30 Gy in 10 fractions") == ["T10"])
        #expect(levels("L4, 2.5 cm soft-tissue mass") == ["L4"])
        #expect(levels("T9、5次") == ["T9"])
        // Lists and spans of levels read as before.
        #expect(levels("T7、8、9") == ["T7", "T8", "T9"])
        #expect(levels("胸5、6椎体放疗") == ["T5", "T6"])
        #expect(levels("L3-5 vertebral bodies") == ["L3", "L4", "L5"])
        #expect(levels("T11, 12 and L1") == ["T11", "T12", "L1"])
        // One vertebra with a dose beside it is one vertebra, not a list.
        #expect(VertebralLevel.named(in: "L3, 20 Gy in 5 fractions", regions: [.lumbar]) == VertebralLevel("L3"))
        #expect(!VertebralLevel.namesSeveral(in: "L3, 8 Gy x 1"))
        #expect(VertebralLevel.namesSeveral(in: "T7、8"))
    }

    @Test func aCourseWritingItsDoseAfterTheLevelIsRadiotherapyThere() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2021-04-12"))]
        r.lesions = [
            Lesion(id: "V3", bone: .vertebra, level: VertebralLevel("L3")),
            Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("L1")),
        ]
        r.studies = [ct("C1", "2025-01-18", r.lesions.map { observation($0.id, .blastic) { $0.boneDestruction = false } })]
        r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: "Radiation treatment management, L3, 8 Gy x 1", start: day("2025-02-10"))]
        #expect(Lesion.placed(by: "Radiation treatment management, L3, 8 Gy x 1", among: r.lesions) == ["V3"])
        let sre = try #require(assess(r, asOf: day("2025-06-05")).rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.hasPrefix("2025-02-10 radiotherapy to bone, L3 vertebra."), "\(sre.detail.en)")
        #expect(!sre.detail.en.contains("L1"))
    }
}

/// Unseen record cb155-d (2026-12-07): an EGFR-mutant lung adenocarcinoma's T10, ESCC 2, SINS 9,
/// neurologically intact, with "T10 姑息放疗 30Gy/10F" planned and no operation, read "Urgent
/// spine-surgery referral: decompression / separation surgery, then radiotherapy (radiosurgery for
/// radioresistant tumours). Planned: T10 姑息放疗 30Gy/10F (radiotherapy)." — as if the course
/// were the radiotherapy after the operation. NOMS (Laufer 2013) puts separation surgery before
/// radiotherapy for a radioresistant tumour's high-grade compression, as Patchell 2005 put
/// decompression first with a deficit: the course planned alone is said to be short of it, or
/// the decision on record is quoted. A radiosensitive tumour's compression, whose answer is the
/// radiotherapy, draws nothing. Rule set 2026.12.405.
@Suite struct RadiotherapyPlannedAloneForACompressionTests {
    func record(site: PrimarySite = .lung, escc: ESCC.Grade = .g2, deficit: Bool = false, decision: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, histology: site == .lung ? "肺腺癌 EGFR 19del" : nil, diagnosed: day("2024-02-01"), hormoneDependent: site == .breast ? true : nil)]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T10")), Lesion(id: "R", bone: .rib, laterality: .right)]
        r.studies = [
            ct("C1", "2025-08-01", [
                observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral },
                observation("R", .lytic) { $0.boneDestruction = true },
            ]),
            ImagingStudy(id: "M1", date: day("2025-08-03"), modality: .mri, coverage: [.cervicalSpine, .thoracicSpine, .lumbarSpine], observations: [observation("V") { $0.escc = escc }]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: site == .lung ? "奥希替尼 80mg qd" : "来曲唑", start: day("2024-02-20")),
            Treatment(id: "R1", kind: .radiotherapy, name: "T10 姑息放疗 30Gy/10F", planned: true),
        ]
        r.pain = [PainRecord(date: day("2025-08-01"), lesion: "V", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2025-08-01"), status: deficit ? .myelopathy : .intact, frankel: deficit ? .D : .E, lesion: deficit ? "V" : nil)]
        if let decision { r.decisions = [MDTDecision(date: day("2025-08-04"), decision: decision, specialty: .spineSurgery)] }
        return r
    }

    func spine(_ r: CaseRecord) throws -> Finding {
        let a = assess(r, asOf: day("2025-08-05"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        return try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("V") })
    }

    static let short = "The course planned is radiotherapy alone, where decompression or separation surgery was recommended before it"

    @Test func aRadioresistantCompressionsCoursePlannedAloneIsSaidShortOfTheOperation() throws {
        let finding = try spine(record())
        #expect(finding.severity == .urgent)
        #expect(finding.detail.en.contains("Planned: T10 姑息放疗 30Gy/10F (radiotherapy). \(Self.short): the operation is decided before the course begins, or the reason it is not done (not fit for surgery, declined) is recorded."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("已计划的仅为放疗，而建议是先行减压或分离手术："))
        // A deficit puts decompression first in a radiosensitive tumour too (Patchell 2005).
        let deficit = try spine(record(site: .breast, deficit: true))
        #expect(deficit.detail.en.contains(Self.short), "\(deficit.detail.en)")
    }

    @Test func aRadiosensitiveCompressionsCourseIsItsAnswer() throws {
        let finding = try spine(record(site: .breast))
        #expect(finding.detail.en.contains("Planned: T10 姑息放疗 30Gy/10F (radiotherapy)."))
        #expect(!finding.detail.en.contains(Self.short), "\(finding.detail.en)")
        // Low grade: no operation before it is recommended.
        let low = try spine(record(escc: .g1b))
        #expect(!low.detail.en.contains(Self.short), "\(low.detail.en)")
    }

    @Test func aDecisionSinceIsQuoted() throws {
        let finding = try spine(record(decision: "患者拒绝手术，行姑息放疗"))
        #expect(finding.detail.en.contains("\(Self.short). Decision on record"), "\(finding.detail.en)")
        #expect(!finding.detail.en.contains("the operation is decided before the course begins"))
    }
}

/// Unseen record cb156-e (2026-12-07): a renal-cell cancer's T8 (the only lesion known, no
/// pathology on record) decompressed and instrumented in January 2025, irradiated, compressed again
/// (ESCC 2) in September. The diagnosis finding said "It was operated on …: the pathology of the
/// tissue taken then answers this — record it; biopsy again only if no tissue was sent", and the
/// spine finding "Biopsy first … never instrument an undiagnosed lesion" — two answers to one
/// question. The spine finding now points to the operation's tissue as the diagnosis finding
/// does. Rule set 2026.12.406.
@Suite struct RecompressionAfterAnOperationWithoutPathologyTests {
    func record(operated: Bool = true, pathology: Bool = false, deficit: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, diagnosed: day("2021-05-01"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T8"))]
        r.studies = [
            ImagingStudy(id: "M0", date: day("2025-01-08"), modality: .mri, coverage: [.cervicalSpine, .thoracicSpine, .lumbarSpine], observations: [observation("V") { $0.escc = .g3 }]),
            ImagingStudy(id: "C0", date: day("2025-01-08"), modality: .ct, windows: [.bone], coverage: [.thoracicSpine, .chest], observations: [
                observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .bilateral },
            ]),
            ImagingStudy(id: "M2", date: day("2025-09-15"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("V") { $0.escc = .g2 }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "阿昔替尼+帕博利珠单抗", start: day("2025-02-20"))]
        if operated {
            r.treatments.append(Treatment(id: "S1", kind: .surgery, name: "T8后路减压+T6-T10椎弓根钉内固定术", start: day("2025-01-10")))
        }
        if pathology {
            r.biopsies = [Biopsy(lesion: "V", date: day("2025-01-10"), decalcification: .edta, result: .metastasis)]
        }
        r.pain = [PainRecord(date: day("2025-09-14"), lesion: "V", sins: .occasional)]
        r.neurology = [NeurologyRecord(date: day("2025-09-14"), status: deficit ? .myelopathy : .intact, frankel: deficit ? .D : nil, lesion: deficit ? "V" : nil)]
        return r
    }

    /// With a deficit the decompression waits for no result (rule set 2026.12.410).
    @Test func withADeficitTheDecompressionDoesNotWaitForIt() throws {
        let a = assess(record(deficit: true), asOf: day("2025-09-16"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        let spine = try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("V") })
        #expect(spine.severity == .urgent)
        #expect(spine.detail.en.contains("Tissue: no tissue diagnosis on record"), "\(spine.detail.en)")
        #expect(spine.detail.en.contains("With a neurological deficit the decompression does not wait for it: if the result is not known by then, send tissue for frozen section before any implant is placed."))
        #expect(!spine.detail.en.contains("Pathology first") && !spine.detail.en.contains("Biopsy first"))
        #expect(spine.detail.zhHans.contains("存在神经功能障碍时减压不等待其结果"))
    }

    @Test func theOperationsTissueAnswersItInBothFindings() throws {
        let a = assess(record(), asOf: day("2025-09-16"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        let diagnosis = try #require(a.rule("diagnosis.biopsy.indicated").first)
        #expect(diagnosis.title.en.contains("operated on 2025-01-10"))
        let spine = try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("V") })
        #expect(spine.detail.en.contains("Pathology first: no tissue diagnosis on record (the only bone lesion known (no whole-body survey yet)). It was operated on (T8后路减压+T6-T10椎弓根钉内固定术 2025-01-10 (surgery)): the pathology of the tissue taken then answers this"), "\(spine.detail.en)")
        #expect(!spine.detail.en.contains("Biopsy first"))
        #expect(spine.detail.zhHans.contains("先明确病理：尚无病理诊断记录"))
        // Never operated: the biopsy comes first, as before.
        let unoperated = try #require(assess(record(operated: false), asOf: day("2025-09-16")).findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("V") })
        #expect(unoperated.detail.en.contains("Biopsy first: no tissue diagnosis yet"), "\(unoperated.detail.en)")
        // Its pathology recorded: neither.
        let proven = try #require(assess(record(pathology: true), asOf: day("2025-09-16")).findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("V") })
        #expect(!proven.detail.en.contains("Pathology first") && !proven.detail.en.contains("Biopsy first"), "\(proven.detail.en)")
    }
}

/// Unseen record cb157-c (2026-12-07): a castration-resistant prostate cancer's L3 with cauda
/// equina compression recorded (no Frankel grade) scored Tokuhashi's palsy "unknown → 0–2" — as
/// if no palsy were possible. A deficit recorded (myelopathy, cauda equina compression) without
/// its grade is a palsy of some degree, Frankel A–D: 0–1 (Tokuhashi 2005). Radiculopathy is no
/// deficit in the record's sense and leaves the item open. Rule set 2026.12.407.
@Suite struct DeficitWithoutAFrankelGradeTests {
    /// Tokuhashi's palsy item as the finding writes it.
    func palsy(_ status: NeurologicalStatus, frankel: Tokuhashi.Frankel? = nil) throws -> String {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2024-01-01"), castrationResistant: true)]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L3"))]
        r.studies = [ct("C1", "2025-06-03", [observation("V", .blastic) { $0.boneDestruction = false }])]
        r.treatments = [Treatment(id: "A1", kind: .systemic, name: "亮丙瑞林", systemicClass: .endocrine, start: day("2024-01-15"))]
        r.neurology = [NeurologyRecord(date: day("2025-07-01"), status: status, frankel: frankel, lesion: "V")]
        let tokuhashi = try #require(assess(r, asOf: day("2025-07-02")).findings.first { $0.ruleId == "surgery.prognosis.tokuhashi" })
        let item = try #require(tokuhashi.detail.en.split(separator: "; ").first { $0.hasPrefix("palsy (Frankel): ") })
        return String(item.split(separator: ".").first ?? "")
    }

    @Test func aDeficitWithoutItsGradeIsAPalsyOfSomeDegree() throws {
        for status in [NeurologicalStatus.myelopathy, .caudaEquina] {
            #expect(try palsy(status) == "palsy (Frankel): a neurological deficit recorded, its Frankel grade not (A–D) → 0–1", "\(status)")
        }
        // Graded, the grade scores; radiculopathy alone leaves the item open; intact is E.
        #expect(try palsy(.myelopathy, frankel: .D) == "palsy (Frankel): Frankel D (motor useful) → 1")
        #expect(try palsy(.radiculopathy) == "palsy (Frankel): unknown → 0–2")
        #expect(try palsy(.intact) == "palsy (Frankel): Frankel E (no palsy) → 2")
    }
}

/// Unseen record cb157-d (2026-12-07): a renal-cell cancer's L4 — lytic, no collapse, alignment
/// normal, no posterolateral involvement — with "NRS 6" recorded at it and no SINS grade read
/// "SINS 4–7": the pain-free 0 was among the possibilities though the level hurt. NRS 0 already
/// reads as the pain-free lesion (Fisher 2010's 0); an NRS above 0 without its kind is pain,
/// mechanical (3) or not (1). Rule set 2026.12.408.
@Suite struct PainfulLevelWithoutItsKindTests {
    func spine(nrs: Int?, sins: SINS.Pain? = nil, painDate: String = "2025-07-01", regimenStart: String = "2025-07-10") throws -> Finding {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, diagnosed: day("2020-06-01"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L4")), Lesion(id: "H", bone: .humerus, segment: .proximal, laterality: .left)]
        r.studies = [
            ct("C1", "2025-07-01", [
                observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
                observation("H", .lytic) { $0.boneDestruction = true },
            ]),
            ImagingStudy(id: "M1", date: day("2025-09-01"), modality: .mri, coverage: [.lumbarSpine], observations: [observation("V") { $0.escc = .g1a }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "卡博替尼 40mg qd", start: day(regimenStart))]
        r.pain = [PainRecord(date: day(painDate), lesion: "V", sins: sins, nrs: nrs)]
        r.neurology = [NeurologyRecord(date: day("2025-07-01"), status: .intact)]
        let a = assess(r, asOf: day("2025-09-04"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        return try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("V") })
    }

    @Test func aPainfulLevelIsNotPainFree() throws {
        #expect(try spine(nrs: 6).title.en.hasPrefix("L4 vertebra: SINS 5–7,"))
        // NRS 0: pain-free, 0 points; graded: as graded; no pain record: 0–3.
        #expect(try spine(nrs: 0).title.en.hasPrefix("L4 vertebra: SINS 4,"))
        #expect(try spine(nrs: 6, sins: .mechanical).title.en.hasPrefix("L4 vertebra: SINS 7,"))
        #expect(try spine(nrs: nil).title.en.hasPrefix("L4 vertebra: SINS 4–7,"))
        // Recorded before a regimen that has acted by the scoring study: no longer the level's pain.
        #expect(try spine(nrs: 6, painDate: "2025-06-01", regimenStart: "2025-06-10").title.en.hasPrefix("L4 vertebra: SINS 4–7,"))
    }
}

/// Unseen record cb157-f (2026-12-07): a breast cancer six years out with T12–L1 (mixed) and the
/// left supra-acetabular ilium (lytic), the ilium irradiated 30 Gy/10 in March, read "Biopsy
/// indicated: long disease-free interval … the most accessible lytic or mixed lesion (T12、L1;
/// left pelvis)". Treated bone gives the needle reactive bone or necrosis (the source hospital's
/// reason not to biopsy blastic bone under therapy): with a lesion not irradiated to take, the
/// irradiated one is named apart. Rule set 2026.12.409.
@Suite struct IrradiatedLesionNotTheBiopsyTargetTests {
    func finding(irradiateBoth: Bool = false) throws -> Finding {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2019-06"), hormoneDependent: true)]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T12")), Lesion(id: "P", bone: .pelvis, laterality: .left)]
        r.studies = [ct("C1", "2025-03-01", [
            observation("V", .mixed) { $0.boneDestruction = true },
            observation("P", .lytic) { $0.boneDestruction = true },
        ])]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "氟维司群+阿贝西利", start: day("2025-03-10")),
            Treatment(id: "R1", kind: .radiotherapy, name: "左骨盆 30Gy/10f", lesions: ["P"], start: day("2025-03-15"), end: day("2025-03-28")),
        ]
        if irradiateBoth {
            r.treatments.append(Treatment(id: "R2", kind: .radiotherapy, name: "T12 20Gy/5f", lesions: ["V"], start: day("2025-03-15"), end: day("2025-03-21")))
        }
        let a = assess(r, asOf: day("2025-04-02"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        return try #require(a.findings.first { $0.ruleId == "diagnosis.biopsy.indicated" && $0.subject == .patient })
    }

    @Test func theLesionNotIrradiatedIsTheOneToBiopsy() throws {
        let one = try finding()
        #expect(one.detail.en.contains("the most accessible lytic or mixed lesion (T12 vertebra) —"), "\(one.detail.en)")
        #expect(one.detail.en.contains("Not the irradiated left pelvis (左骨盆 30Gy/10f 2025-03-15–2025-03-28 (radiotherapy)): tissue after radiotherapy may show only necrosis or reactive bone."))
        #expect(one.detail.zhHans.contains("不选已放疗的左骨盆"))
        // Every one irradiated: they are named as before, none set apart.
        let both = try finding(irradiateBoth: true)
        #expect(both.detail.en.contains("(left pelvis; T12 vertebra)"), "\(both.detail.en)")
        #expect(!both.detail.en.contains("Not the irradiated"))
    }
}
