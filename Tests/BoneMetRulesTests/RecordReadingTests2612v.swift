@testable import BoneMetRules
import Testing

/// cb61-g (unseen record, 2026-12-04): a lobular breast cancer's T12, L4 and femoral-neck
/// lesions, healed under letrozole + palbociclib, the pain recorded as "NRS 0" without a site.
/// Rule set 2026.12.241: "biopsy no longer recommended" no longer draws "ask pathology for EDTA"
/// beside it; NRS 0 is a pain-free lesion — SINS defines it (0 points; Fisher 2010), Mirels takes
/// his lowest grade (mild) — and one without a site is said as what the score would be.
@Suite struct PainFreeAndHealedTests {
    func record(pain: [PainRecord]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "ER 95% PR 40% HER2 0", histologyType: .lobularCarcinoma, diagnosed: day("2016-03"))]
        r.lesions = [Lesion(id: "T12", bone: .vertebra, level: VertebralLevel("T12")), Lesion(id: "FE", bone: .femur, segment: .diaphysis, laterality: .left)]
        r.studies = [
            survey("B0", "2022-01-05", ["T12", "FE"]),
            ct("C0", "2022-01-08", [
                observation("T12", .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
                observation("FE", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.2 },
            ]),
            ct("C1", "2022-07-10", [observation("T12", .blastic) { $0.fillIn = .complete }, observation("FE", .blastic) { $0.fillIn = .complete }]),
        ]
        r.treatments = [Treatment(id: "L", kind: .systemic, name: "来曲唑+哌柏西利", drugs: ["letrozole", "palbociclib"], systemicClass: .endocrine, start: day("2022-01-15"))]
        r.pain = pain
        return r
    }

    func noms(_ a: Assessment) throws -> Finding { try #require(a.rule("surgery.spine.noms").first { $0.subject == .lesion("T12") }) }

    @Test func healedLesionsAskForNoDecalcification() {
        let a = assess(record(pain: []), asOf: day("2026-12-04"))
        #expect(a.has("diagnosis.biopsy.healed") || a.has("diagnosis.biopsy.intervalHealed"))
        #expect(!a.has("diagnosis.biopsy.edta"))
    }

    @Test func nrsZeroAtTheLesionIsPainFree() throws {
        let a = assess(record(pain: [PainRecord(date: day("2026-06-01"), lesion: "T12", nrs: 0), PainRecord(date: day("2026-06-01"), lesion: "FE", nrs: 0)]),
            asOf: day("2026-12-04"))
        // T12 junctional 3, blastic 0, no collapse, normal alignment, no posterolateral: 3 with pain 0.
        let spine = try noms(a)
        #expect(spine.title.en.contains("SINS 3,"), "\(spine.title.en)")
        let femur = try #require(a.mirels.last { $0.lesion == "FE" })
        #expect(femur.input.pain == .mild)
        #expect(femur.total.score == 5)
        let finding = try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("FE") })
        #expect(finding.detail.en.contains("NRS 0, pain-free — Mirels' lowest grade"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("无痛"))
    }

    @Test func aGradedRecordOfTheSameDayWinsAndANewerNRSZeroEndsTheOldGrade() throws {
        let same = assess(record(pain: [PainRecord(date: day("2026-06-01"), lesion: "T12", sins: .mechanical), PainRecord(date: day("2026-06-01"), lesion: "T12", nrs: 0)]),
            asOf: day("2026-12-04"))
        let sameTitle = try noms(same).title.en
        #expect(sameTitle.contains("SINS 6,"), "\(sameTitle)")
        let later = assess(record(pain: [PainRecord(date: day("2026-03-01"), lesion: "T12", sins: .mechanical), PainRecord(date: day("2026-06-01"), lesion: "T12", nrs: 0)]),
            asOf: day("2026-12-04"))
        let laterTitle = try noms(later).title.en
        #expect(laterTitle.contains("SINS 3,"))
        // A number above zero grades no kind of pain, but the level is not pain-free: 1 or 3
        // (rule set 2026.12.408; it read 3–6 before).
        let some = assess(record(pain: [PainRecord(date: day("2026-06-01"), lesion: "T12", nrs: 4)]), asOf: day("2026-12-04"))
        let someTitle = try noms(some).title.en
        #expect(someTitle.contains("SINS 4–6,"), "\(someTitle)")
    }

    @Test func nrsZeroWithoutASiteIsSaidNotScored() throws {
        let a = assess(record(pain: [PainRecord(date: day("2026-06-01"), nrs: 0)]), asOf: day("2026-12-04"))
        let spine = try noms(a)
        #expect(spine.title.en.contains("SINS 3–6,"))
        #expect(spine.detail.en.contains("(2026-06-01: NRS 0, pain-free): if this level is pain-free, SINS is 3"), "\(spine.detail.en)")
        let femur = try #require(a.findings.first { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("FE") })
        #expect(a.mirels.last { $0.lesion == "FE" }?.input.pain == nil)
        #expect(femur.detail.en.contains("if this limb is pain-free, Mirels is 5"), "\(femur.detail.en)")
        #expect(femur.detail.zhHans.contains("若此肢体无痛"))
    }
}

/// cb61-e (unseen record, 2026-12-04): a follicular thyroid cancer staged by a CT of the cervical
/// spine on 11-18 and one of the pelvis on 11-19, nothing given between them. The second read
/// "CT of 2026-11-19: bone response not evaluable — sacrum first recorded". Rule set
/// 2026.12.241: an untreated pair whose every lesion is first imaged is staging, not a time point.
@Suite struct StagingPairTests {
    func record(treatedBetween: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .thyroid, histologyType: .thyroidCarcinoma, diagnosed: day("2021-04"))]
        r.lesions = [Lesion(id: "C2", bone: .vertebra, level: VertebralLevel("C2")), Lesion(id: "SA", bone: .sacrum)]
        r.studies = [
            ImagingStudy(id: "S1", date: day("2026-11-18"), modality: .ct, windows: [.bone], coverage: [.cervicalSpine],
                observations: [observation("C2", .lytic) { $0.boneDestruction = true }]),
            ImagingStudy(id: "S2", date: day("2026-11-19"), modality: .ct, windows: [.bone, .softTissue], coverage: [.pelvis],
                observations: [observation("SA", .lytic, [60, 45]) { $0.boneDestruction = true }]),
        ]
        r.treatments = treatedBetween
            ? [Treatment(id: "RT", kind: .radiotherapy, name: "C2 8Gy/1F", lesions: ["C2", "SA"], start: day("2026-11-18"))] : []
        return r
    }

    @Test func stagingIsNoTimePoint() {
        let a = assess(record(treatedBetween: false), asOf: day("2026-12-04"))
        #expect(a.timePoints.isEmpty)
        #expect(!a.has("boneHealth.mda.timePoint"))
    }

    @Test func aLesionFirstImagedUnderTreatmentIsStillSaid() throws {
        let a = assess(record(treatedBetween: true), asOf: day("2026-12-04"))
        let point = try #require(a.timePoints.first { $0.study == "S2" })
        #expect(point.lesions.allSatisfy { $0.firstRecorded })
    }
}

/// cb62-a (unseen record, 2026-12-04): a breast cancer of 2018 with bone metastases from 2024-02
/// (a long disease-free interval), healed under letrozole + palbociclib and then fulvestrant +
/// abemaciclib; a humerus seen on one film of 2024-02-25 and never imaged again. That film kept
/// "biopsy indicated: long disease-free interval — the most accessible lytic lesion (left
/// humerus)" and a myeloma work-up open after two and a half years of response. Rule set
/// 2026.12.241: a lesion read only before any systemic therapy, the others read since, is imaged
/// again first.
@Suite struct ReadOnlyBeforeTherapyTests {
    func record(humerusAgain: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1966-02")
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "ER 70% PR 5% HER2 1+", diagnosed: day("2018-05"))]
        // The sternum: uptake the CT bone window shows no destruction at — no metastasis.
        r.lesions = [
            Lesion(id: "T9", bone: .vertebra, level: VertebralLevel("T9")), Lesion(id: "HU", bone: .humerus, segment: .proximal, laterality: .left),
            Lesion(id: "ST", bone: .sternum),
        ]
        var studies = [
            survey("B0", "2024-02-20", ["T9", "HU", "ST"]),
            ct("C0", "2024-02-22", [observation("T9", .lytic, [18, 15]) { $0.boneDestruction = true }, observation("ST") { $0.present = false }]),
            ImagingStudy(id: "X0", date: day("2024-02-25"), modality: .xray, observations: [observation("HU", .lytic) { $0.fractionOfDiameter = 0.5 }]),
            ct("C1", "2026-09-02", [observation("T9", .blastic, [17, 14]) { $0.fillIn = .complete }]),
        ]
        if let again = humerusAgain {
            studies.append(ImagingStudy(id: "X1", date: day(again), modality: .xray, observations: [observation("HU", .lytic) { $0.fractionOfDiameter = 0.5 }]))
        }
        r.studies = studies
        r.treatments = [Treatment(id: "E1", kind: .systemic, name: "来曲唑+哌柏西利", drugs: ["letrozole", "palbociclib"], systemicClass: .endocrine, start: day("2024-03-01"))]
        return r
    }

    @Test func theLesionReadOnlyBeforeTherapyIsImagedAgainFirst() throws {
        let a = assess(record(), asOf: day("2026-12-04"))
        let finding = try #require(a.rule("diagnosis.biopsy.intervalHealed").first)
        #expect(finding.severity == .advisory)
        // T9 healed under letrozole: the interval's question is answered (rule set 2026.12.301);
        // the humerus is still to be imaged again — for how it has answered, not for a biopsy.
        #expect(finding.title.en.hasSuffix("no biopsy on that account; image left humerus, proximal again"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("Not imaged since systemic therapy began: left humerus, proximal (2024-02-25)"))
        #expect(finding.title.zhHans.hasSuffix("请复查左肱骨近端"))
        #expect(!a.has("diagnosis.biopsy.indicated"))
        #expect(!a.has("diagnosis.differential.myeloma"))
    }

    /// Read lytic again under therapy, unmeasured: the T9's healing under letrozole has answered
    /// the interval's question (rule set 2026.12.301) — no biopsy and no myeloma work-up on
    /// its account; the finding says a picture that does not fit the cancer's course goes to
    /// pathology.
    @Test func readLyticUnderTherapyTheAnsweredQuestionStaysAnswered() throws {
        let a = assess(record(humerusAgain: "2026-09-05"), asOf: day("2026-12-04"))
        #expect(!a.has("diagnosis.biopsy.indicated"))
        #expect(!a.has("diagnosis.differential.myeloma"))
        let finding = try #require(a.rule("diagnosis.biopsy.intervalHealed").first)
        #expect(finding.severity == .info)
        #expect(finding.detail.en.contains("Should a lesion's picture not fit the cancer's course, pathology decides."))
    }
}

/// cb62-c (unseen record, 2026-12-04): an IgG-κ myeloma's femoral diaphysis, Mirels 8 after
/// 20 Gy, read "Hypervascular metastasis possible (myeloma): consider pre-operative
/// embolisation" — a myeloma's lesion is its own disease. Rule set 2026.12.244: "hypervascular
/// lesion" for a plasma-cell disease; "metastasis" for the solid cancers as before.
@Suite struct HypervascularMyelomaTests {
    func femurFinding(site: PrimarySite, histologyType: HistologyType) throws -> Finding {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, histologyType: histologyType, diagnosed: day("2022-06"))]
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left, primary: "P1")]
        r.studies = [ImagingStudy(id: "X1", date: day("2023-01-05"), modality: .xray, observations: [observation("L1", .lytic) { $0.fractionOfDiameter = 0.7 }])]
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "L1", mirels: .functional)]
        return try #require(assess(r, asOf: day("2023-01-10")).rule("surgery.mirels.impendingFracture").first)
    }

    @Test func aMyelomaLesionIsNoMetastasis() throws {
        let myeloma = try femurFinding(site: .myeloma, histologyType: .myeloma)
        #expect(myeloma.detail.en.contains("Hypervascular lesion possible (myeloma)"), "\(myeloma.detail.en)")
        #expect(myeloma.detail.zhHans.contains("可能为富血供病灶"))
        let renal = try femurFinding(site: .kidney, histologyType: .renalCellCarcinoma)
        #expect(renal.detail.en.contains("Hypervascular metastasis possible"))
    }
}

/// cb62-d (unseen record, 2026-12-04): a lung-type adenocarcinoma of unknown primary, a T12 at
/// SINS 11 with radiculopathy recorded at it and no MRI: it read "spine-surgery consultation …
/// once ESCC is graded". Rule set 2026.12.245: radiculopathy is a neurological symptom of
/// possible compression — whole-spine MRI within 24 hours (NICE NG234; QS56), unless an MRI of
/// the lesion or the whole spine has been done since.
@Suite struct RadiculopathyMRITests {
    func record(mri: String? = nil, escc: ESCC.Grade = .g1a) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "B", bone: .vertebra, level: VertebralLevel("T12"))]
        r.studies = [ct("S1", "2026-11-05", [observation("B", .lytic) {
            $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = .bilateral
        }])]
        if let mri {
            r.studies.append(ImagingStudy(id: "M1", date: day(mri), modality: .mri, coverage: [.thoracicSpine], observations: [observation("B") { $0.escc = escc }]))
        }
        r.pain = [PainRecord(date: day("2026-11-10"), lesion: "B", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2026-11-10"), status: .radiculopathy, lesion: "B")]
        return r
    }

    func noms(_ r: CaseRecord) throws -> Finding { try #require(assess(r, asOf: day("2026-12-04")).rule("surgery.spine.noms").first) }

    @Test func radiculopathyWithoutAnMRIAsksForOneWithin24Hours() throws {
        let finding = try noms(record())
        #expect(finding.severity == .urgent)
        #expect(finding.title.en.hasSuffix("whole-spine MRI within 24 hours"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("Radiculopathy (2026-11-10), no MRI since"))
        #expect(finding.detail.zhHans.contains("24 小时内完成全脊柱 MRI"))
        #expect(finding.withinHours == 24)
    }

    @Test func anMRISinceAnswersIt() throws {
        // Graded low on an MRI after the symptom: the consultation of SINS ≥ 7, not the MRI.
        let after = try noms(record(mri: "2026-11-12"))
        #expect(after.severity == .warning)
        #expect(!after.detail.en.contains("no MRI since"))
        // An MRI before the symptom does not.
        #expect(try noms(record(mri: "2026-11-01")).severity == .urgent)
    }
}

/// cb62-e (unseen record, 2026-12-04): a HER2-positive breast cancer's subtrochanteric femur,
/// nailed on 2025-12-28 and X-rayed eleven days later (no size read), read "X-ray of 2026-01-08:
/// bone response not evaluable" among the time points. Rule set 2026.12.246: a check film after
/// the operation on every lesion it compares, sooner than a treatment shows in bone
/// (`blasticLatencyWeeks`), that judges nothing is no time point.
@Suite struct PostoperativeCheckTests {
    func record(filmOn: String, character: LesionCharacter = .lytic) -> CaseRecord {
        var r = baseCase()
        r.studies = [
            ImagingStudy(id: "X0", date: day("2025-12-22"), modality: .xray, observations: [observation("L1", .lytic) { $0.fractionOfDiameter = 0.7 }]),
            ImagingStudy(id: "X1", date: day(filmOn), modality: .xray, observations: [observation("L1", character)]),
        ]
        r.treatments = [
            Treatment(id: "OP", kind: .surgery, name: "左股骨预防性髓内钉内固定", lesions: ["L1"], start: day("2025-12-28")),
            Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2026-01-05")),
        ]
        return r
    }

    @Test func theCheckFilmIsNoTimePoint() {
        let a = assess(record(filmOn: "2026-01-08"), asOf: day("2026-12-04"))
        #expect(!a.timePoints.contains { $0.study == "X1" })
    }

    @Test func laterOrJudgedItStands() {
        // Ten weeks on: a follow-up film, a time point (here not evaluable: no size).
        #expect(assess(record(filmOn: "2026-03-10"), asOf: day("2026-12-04")).timePoints.contains { $0.study == "X1" })
        // A change it can judge (lytic to blastic) is kept whenever it is seen.
        #expect(assess(record(filmOn: "2026-01-08", character: .blastic), asOf: day("2026-12-04")).timePoints.contains { $0.study == "X1" })
    }
}

/// cb62-g (unseen record, 2026-12-04): a castration-resistant prostate cancer's T10, ESCC 3 with
/// myelopathy (Frankel C) on 2026-08-01, irradiated 20 Gy / 5 from 08-03; in November ESCC 1b and
/// Frankel D. The level was sent again for "dexamethasone 16 mg, MRI within 24 hours,
/// decompression". Rule set 2026.12.247: a deficit left after the compression was irradiated,
/// no worse since and graded low on the MRI after it, is recovering — not a new emergency; a
/// worse one still is. An irradiated low-grade level no longer reads "conventional radiotherapy"
/// before "not conventional radiotherapy".
@Suite struct ResidualDeficitTests {
    func record(now: Tokuhashi.Frankel, grade: ESCC.Grade = .g1b) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "去势抵抗", diagnosed: day("2021-06"))]
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [
            ImagingStudy(id: "M1", date: day("2026-08-02"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("T10", .blastic) {
                $0.escc = .g3; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = .bilateral
            }]),
            ImagingStudy(id: "M2", date: day("2026-11-20"), modality: .mri, coverage: [.thoracicSpine], observations: [observation("T10") { $0.escc = grade }]),
        ]
        r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: "T10 20Gy/5F", lesions: ["T10"], start: day("2026-08-03"), end: day("2026-08-07"))]
        r.pain = [PainRecord(date: day("2026-11-20"), lesion: "T10", sins: .occasional)]
        r.neurology = [
            NeurologyRecord(date: day("2026-08-01"), status: .myelopathy, frankel: .C, lesion: "T10"),
            NeurologyRecord(date: day("2026-11-20"), status: .myelopathy, frankel: now, lesion: "T10"),
        ]
        return r
    }

    func noms(_ r: CaseRecord) throws -> Finding { try #require(assess(r, asOf: day("2026-12-04")).rule("surgery.spine.noms").first) }

    @Test func anImprovingDeficitAfterRadiotherapyIsNoNewEmergency() throws {
        let finding = try noms(record(now: .D))
        #expect(finding.severity == .advisory)
        #expect(finding.detail.en.contains("Residual deficit after treatment: myelopathy, Frankel D (2026-11-20), improved from myelopathy, Frankel C (2026-08-01)"), "\(finding.detail.en)")
        #expect(!finding.detail.en.contains("dexamethasone 16 mg as soon as possible"))
        #expect(finding.detail.en.contains("Stable, low-grade. Already irradiated"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("治疗后残留神经功能障碍：脊髓病变，Frankel D"))
        #expect(try noms(record(now: .C)).detail.en.contains("unchanged since"))
    }

    @Test func aWorseDeficitOrAHighGradeIsStillTheEmergency() throws {
        #expect(try noms(record(now: .B)).severity == .urgent)
        #expect(try noms(record(now: .D, grade: .g2)).severity == .urgent)
    }
}

/// cb63-b (unseen record, 2026-12-04): a rectal cancer's lytic pelvis recorded as "pelvis" with the
/// note "右髋臼" read "bone destruction — no validated score" without the hip joint it carries.
/// Rule set 2026.12.249: a pelvis whose note names the acetabulum is judged as the acetabulum.
@Suite struct AcetabularNoteTests {
    @Test func aPelvisNotedAsTheAcetabulumCarriesTheHip() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "IL", bone: .pelvis, laterality: .right, note: "右髋臼")]
        r.studies = [ct("C1", "2023-01-05", [observation("IL", .lytic) { $0.boneDestruction = true }])]
        let finding = try #require(assess(r, asOf: day("2023-02-01")).rule("surgery.pelvis.noValidatedScore").first)
        #expect(finding.title.en.contains("bone destruction at the hip joint"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("the acetabulum carries the hip's load"))
        #expect(finding.title.zhHans.contains("累及髋关节"))
        // The iliac wing stays the pelvis.
        r.lesions = [Lesion(id: "IL", bone: .pelvis, laterality: .right, note: "右髂骨翼")]
        let wing = try #require(assess(r, asOf: day("2023-02-01")).rule("surgery.pelvis.noValidatedScore").first)
        #expect(!wing.title.en.contains("hip joint"))
    }
}

/// cb63-h (unseen record, 2026-12-04): a DLBCL, the only primary, its pelvis proven lymphoma; the
/// T11 (recorded as the lymphoma's) at ESCC 2 with myelopathy read "this lesion may be either
/// disease … a primary bone tumour, myeloma or a second primary must be excluded" and
/// "decompression / separation surgery" instead of the very radiosensitive tumour's radiotherapy.
/// Rule set 2026.12.250: another lesion's blood cancer opens no differential when that disease
/// is the only primary the lesion can have; beside a solid primary it still does (cb54-d).
@Suite struct SameBloodCancerTests {
    func record(solidToo: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "L", site: .lymphoma, histology: "弥漫大B细胞淋巴瘤", histologyType: .lymphoma, diagnosed: day("2026-11"))]
            + (solidToo ? [PrimaryCancer(id: "B", site: .breast, diagnosed: day("2020-01"), hormoneDependent: true)] : [])
        r.lesions = [Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11")), Lesion(id: "IL", bone: .pelvis, laterality: .left)]
        r.studies = [ImagingStudy(id: "M", date: day("2026-11-27"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine, .pelvis], observations: [
            observation("T11", .lytic) { $0.boneDestruction = true; $0.escc = .g2; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = .unilateral },
            observation("IL", .lytic) { $0.boneDestruction = true },
        ])]
        r.biopsies = [Biopsy(lesion: "IL", date: day("2026-11-22"), decalcification: .edta, result: .lymphoma, histology: "DLBCL")]
        r.treatments = []
        r.pain = [PainRecord(date: day("2026-11-28"), lesion: "T11", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2026-11-28"), status: .myelopathy, frankel: .D, lesion: "T11")]
        return r
    }

    @Test func theLymphomasOwnLevelIsTreatedAsIt() throws {
        let finding = try #require(assess(record(solidToo: false), asOf: day("2026-12-04")).rule("surgery.spine.noms").first)
        #expect(finding.title.en.hasSuffix("emergency radiotherapy and spine review"), "\(finding.title.en)")
        #expect(!finding.detail.en.contains("may be either disease"))
    }

    @Test func besideASolidPrimaryItMayBeEither() throws {
        let finding = try #require(assess(record(solidToo: true), asOf: day("2026-12-04")).rule("surgery.spine.noms").first)
        #expect(finding.detail.en.contains("this lesion may be either disease"), "\(finding.detail.en)")
    }
}
