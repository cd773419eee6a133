import BoneMetRules
import Testing

/// cb39-b (unseen record, 2026-12-04): a rectal cancer three years after pelvic chemoradiotherapy,
/// H-shaped sacral uptake on the bone scan, fracture lines with sclerosis and no destruction on the
/// CT bone window. The uptake finding said "not a metastasis diagnosis" without a word of the
/// fracture the CT recorded — which explains the uptake. Rule set 2026.12.211: the fracture (or a
/// vertebral collapse) is named with its other reading, an insufficiency fracture.
@Suite struct UptakeAtAFractureTests {
    func record(fracture: Bool, collapse: SINS.Collapse? = nil) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .rectum, diagnosed: day("2023-03"))]
        r.lesions = [Lesion(id: "S", bone: .sacrum, laterality: .bilateral)]
        r.studies = [
            survey("BS", "2026-06-20", ["S"]),
            ct("CT", "2026-06-24", [observation("S") { $0.boneDestruction = false; $0.fracture = fracture ? true : nil; $0.collapse = collapse }]),
        ]
        r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: "盆腔放疗 50.4Gy/28F", start: day("2023-04-10"), end: day("2023-05-20"))]
        return r
    }

    func finding(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-06-30")).rule("diagnosis.uptakeWithoutDestruction").first)
    }

    @Test func aFractureAtTheHotSpotIsNamedWithItsOtherReading() throws {
        let broken = try finding(record(fracture: true))
        #expect(broken.detail.en.contains("A fracture is recorded here: a healing fracture takes up tracer, and an osteoporotic (insufficiency) fracture is the other reading of both."), "\(broken.detail.en)")
        #expect(broken.detail.zhHans.contains("此处记录有骨折"))
        #expect(broken.inputs.contains { $0.name == "fractureOrCollapse" && $0.value == "true" })
        let whole = try finding(record(fracture: false))
        #expect(!whole.detail.en.contains("fracture is recorded"))
        #expect(whole.inputs.contains { $0.name == "fractureOrCollapse" && $0.value == "false" })
    }

    @Test func aCollapsedVertebraIsCalledACollapse() throws {
        var r = record(fracture: false, collapse: .under50)
        r.lesions = [Lesion(id: "S", bone: .vertebra, level: VertebralLevel("L1"))]
        let collapsed = try finding(r)
        #expect(collapsed.detail.en.contains("A collapse is recorded here"), "\(collapsed.detail.en)")
    }
}

/// cb39-h (unseen record, 2026-12-04): a follicular thyroid cancer's expansile left iliac mass
/// reaching the acetabular roof, two lesion records, one planned hemipelvic resection. Two
/// warnings read "left pelvis: biopsy indicated" and "left acetabulum: biopsy indicated" for the one
/// operation. Rule set 2026.12.211: lesions asked for a biopsy only because one planned operation
/// takes them are one finding for that operation; each keeps its claim.
@Suite struct OneOperationOneBiopsyFindingTests {
    func record(sharedOperation: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .thyroid, histology: "甲状腺滤泡癌", diagnosed: day("2024-06"))]
        r.lesions = [Lesion(id: "IL", bone: .pelvis, laterality: .left), Lesion(id: "AC", bone: .acetabulum, laterality: .left)]
        r.studies = [
            survey("BS", "2026-09-01", ["IL", "AC"]),
            ct("CT", "2026-09-03", [
                observation("IL", .lytic) { $0.boneDestruction = true; $0.softTissueMm = 85 },
                observation("AC", .lytic) { $0.boneDestruction = true },
            ]),
        ]
        r.treatments = sharedOperation
            ? [Treatment(id: "OP", kind: .surgery, name: "左半骨盆肿瘤切除+重建", lesions: ["IL", "AC"], planned: true)]
            : [Treatment(id: "OP1", kind: .surgery, name: "左髂骨病灶刮除", lesions: ["IL"], planned: true),
               Treatment(id: "OP2", kind: .surgery, name: "左髋臼重建", lesions: ["AC"], planned: true)]
        return r
    }

    @Test func oneOperationGivesOneFindingWithAClaimForEachLesion() throws {
        let a = assess(record(sharedOperation: true), asOf: day("2026-09-07"))
        let biopsy = a.rule("diagnosis.biopsy.indicated")
        #expect(biopsy.count == 1)
        let one = try #require(biopsy.first)
        #expect(one.subject == .treatment("OP"))
        #expect(one.severity == .warning)
        #expect(one.title.en == "left pelvis; left acetabulum: biopsy indicated — one operation (左半骨盆肿瘤切除+重建)", "\(one.title.en)")
        #expect(one.title.zhHans.contains("同一手术"))
        #expect(Set(one.claims.map(\.about)) == ["IL", "AC"])
    }

    @Test func twoOperationsKeepTheirOwnFindings() {
        let a = assess(record(sharedOperation: false), asOf: day("2026-09-07"))
        let biopsy = a.rule("diagnosis.biopsy.indicated")
        #expect(biopsy.count == 2)
        #expect(Set(biopsy.map(\.subject)) == [.lesion("IL"), .lesion("AC")])
    }
}

/// cb39-i (unseen record, 2026-12-04): a renal-cell cancer's T6, ESCC 3 on a whole-spine MRI the
/// same day, one neurology row "intact, Frankel C". The spine finding read "neurologically intact
/// (2026-11-21), Frankel C" and took the emergency path without a word that the two disagree, and
/// asked for "MRI of the whole spine within 24 hours if not done" beside the whole-spine MRI on
/// record. Rule set 2026.12.211: `diagnosis.record.neurologyConflict` (Frankel 1969: E is normal
/// function), the N line says the deficit is read, and a whole-spine MRI since the deficit is named.
@Suite struct NeurologyConflictTests {
    func record(status: NeurologicalStatus, frankel: Tokuhashi.Frankel, wholeSpine: Bool = true) -> CaseRecord {
        var r = spineCompressionCase(
            primary: PrimaryCancer(id: "P1", site: .kidney, histology: "肾透明细胞癌", diagnosed: day("2022-08")),
            performance: PerformanceStatus(date: day("2023-01-05"), kps: 60), visceral: [])
        r.studies.append(ImagingStudy(
            id: "MR", date: day("2023-01-05"), modality: .mri,
            coverage: wholeSpine ? [.cervicalSpine, .thoracicSpine, .lumbarSpine] : [.thoracicSpine],
            observations: [observation("L1") { $0.escc = .g3 }]))
        r.neurology = [NeurologyRecord(date: day("2023-01-05"), status: status, frankel: frankel, lesion: "L1")]
        return r
    }

    func spine(_ a: Assessment) throws -> Finding {
        try #require(a.findings.first { $0.subject == .lesion("L1") && $0.ruleId.hasPrefix("surgery.spine") })
    }

    @Test func intactBesideFrankelCIsAConflictReadAsADeficit() throws {
        let a = assess(record(status: .intact, frankel: .C), asOf: day("2023-01-06"))
        let conflict = try #require(a.rule("diagnosis.record.neurologyConflict").first)
        #expect(conflict.severity == .warning)
        #expect(conflict.title.en == "Neurological status of 2023-01-05 (T9 vertebra): \"intact\" and Frankel C (motor useless) disagree", "\(conflict.title.en)")
        #expect(conflict.sources.map(\.id) == ["frankel1969"])
        let spine = try spine(a)
        #expect(spine.severity == .urgent)
        #expect(spine.detail.en.contains("Frankel C recorded as \"neurologically intact\" (2023-01-05) — read as a deficit"), "\(spine.detail.en)")
        #expect(spine.detail.en.contains("whole-spine MRI done (2023-01-05);"))
        #expect(!spine.detail.en.contains("within 24 hours if not done"))
    }

    /// Frankel E with intact, or a deficit by both fields, is no conflict; a thoracic MRI alone is
    /// no whole-spine MRI.
    @Test func agreeingFieldsAreNoConflict() throws {
        #expect(!assess(record(status: .intact, frankel: .E), asOf: day("2023-01-06")).has("diagnosis.record.neurologyConflict"))
        let deficit = assess(record(status: .myelopathy, frankel: .C, wholeSpine: false), asOf: day("2023-01-06"))
        #expect(!deficit.has("diagnosis.record.neurologyConflict"))
        let spine = try spine(deficit)
        #expect(spine.detail.en.contains("MRI of the whole spine within 24 hours if not done"), "\(spine.detail.en)")
        #expect(spine.detail.en.contains(", myelopathy (2023-01-05), Frankel C"))
    }

    /// A conflict corrected by a later row is history.
    @Test func aLaterRowEndsTheConflict() {
        var r = record(status: .intact, frankel: .C)
        r.neurology.append(NeurologyRecord(date: day("2023-01-06"), status: .myelopathy, frankel: .C, lesion: "L1"))
        #expect(!assess(r, asOf: day("2023-01-07")).has("diagnosis.record.neurologyConflict"))
    }
}

/// cb40-a (unseen record, 2026-12-04): a 77-year-old's bone metastases eight years after breast
/// cancer, eGFR 27 on record and no creatinine. The myeloma differential read "renal function (not
/// on record)" and asked to order it. IMWG's clearance < 40 mL/min is "measured or estimated by
/// validated equations" (Rajkumar 2014): the laboratory's eGFR is one. Rule set 2026.12.212.
@Suite struct EGFRInCRABTests {
    func detail(_ labs: [LabResult]) throws -> String {
        let record = CaseRecord(
            patient: Patient(id: "m", sex: .female, birthDate: day("1952-03-01")),
            lesions: [Lesion(id: "L1", bone: .skull), Lesion(id: "L2", bone: .rib, laterality: .right)],
            studies: [ct("S1", "2023-05-22", [observation("L1", .lytic, [10, 9]), observation("L2", .lytic, [12, 8])])],
            labs: labs)
        return try #require(assess(record, asOf: day("2023-06-01")).rule("diagnosis.differential.myeloma").first).detail.en
    }

    @Test func anEGFRIsTheRenalCriterion() throws {
        let low = try detail([LabResult(date: day("2023-05-20"), test: .egfr, value: 27, unit: "mL/min/1.73m2")])
        #expect(low.contains("met — renal function eGFR 27 mL/min/1.73 m²"), "\(low)")
        #expect(!low.contains("renal function (not on record)"))
        // The boundary: IMWG's < 40.
        let forty = try detail([LabResult(date: day("2023-05-20"), test: .egfr, value: 40, unit: "mL/min/1.73m2")])
        #expect(forty.contains("not met — renal function eGFR 40 mL/min/1.73 m²"), "\(forty)")
        let below = try detail([LabResult(date: day("2023-05-20"), test: .egfr, value: 39.9, unit: "mL/min/1.73m2")])
        #expect(below.contains("met — renal function eGFR 39.9"), "\(below)")
    }

    /// The later result speaks: a creatinine after the eGFR is read by its own limits.
    @Test func aLaterCreatinineSpeaksForItself() throws {
        let text = try detail([
            LabResult(date: day("2023-05-01"), test: .egfr, value: 27, unit: "mL/min/1.73m2"),
            LabResult(date: day("2023-05-20"), test: .creatinine, value: 0.8, unit: "mg/dL"),
        ])
        // No weight: the clearance criterion is undetermined (rule set 2026.12.318), the eGFR 27
        // before it no longer read.
        #expect(text.contains("undetermined — renal function creatinine 0.8 mg/dL — CrCl < 40 mL/min would meet it below 39.3 kg"), "\(text)")
        #expect(!text.contains("eGFR 27"))
    }
}

/// cb40-d (unseen record, 2026-12-04): a 26-year-old with no cancer on record, one eccentric
/// epiphyseal lytic lesion of the distal radius (giant cell tumour in the differential), curettage
/// planned. Beside "biopsy first", the assessment scored New Katagiri 0–9 and listed PATHFx inputs
/// as for a metastasis of unknown origin. Rule set 2026.12.212: the metastasis prognosis scores wait
/// for the pathology (`surgery.prognosis.afterDiagnosis`).
@Suite struct LoneGiantCellPictureTests {
    func record(birth: String = "2000-05-05", primary: Bool = false, second: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "g", sex: .male, birthDate: day(birth))
        r.primaries = primary ? [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2024-01"))] : []
        r.lesions = [Lesion(id: "R", bone: .radius, segment: .distal, laterality: .right)] + (second ? [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L2"))] : [])
        r.studies = [ct("X", "2026-09-10", [observation("R", .lytic) { $0.epiphyseal = true; $0.eccentric = true; $0.boneDestruction = true }]
            + (second ? [observation("V", .lytic) { $0.boneDestruction = true }] : []))]
        r.treatments = []
        return r
    }

    @Test func theScoresWaitForThePathology() throws {
        let a = assess(record(), asOf: day("2026-09-15"))
        #expect(a.has("diagnosis.differential.giantCellTumour"))
        let wait = try #require(a.rule("surgery.prognosis.afterDiagnosis").first)
        #expect(wait.title.en == "Prognosis scores: after the pathology")
        #expect(wait.detail.zhHans.contains("待病理证实为转移后再评估"))
        for id in ["surgery.prognosis.katagiri", "surgery.prognosis.tokuhashi", "surgery.prognosis.tomita", "surgery.prognosis.survivalModelInputs"] {
            #expect(!a.has(id), "\(id)")
        }
    }

    /// A cancer on record, a second lesion, or an age outside the giant-cell range: scored as before.
    @Test func anythingElseOnRecordKeepsTheScores() {
        for r in [record(primary: true), record(second: true), record(birth: "1950-01-01")] {
            let a = assess(r, asOf: day("2026-09-15"))
            #expect(!a.has("surgery.prognosis.afterDiagnosis"))
            #expect(a.has("surgery.prognosis.katagiri"))
        }
    }
}

/// cb42-b (unseen record, 2026-12-04): a renal-cell cancer's T11 at SINS 8, the epidural grade not
/// recorded, SBRT planned: "spine-surgery consultation … Radiotherapy by histology", nothing of the
/// MRI grade on which NOMS's choice between radiosurgery alone and separation surgery first turns
/// (Bilsky 2010, Laufer 2013). Rule set 2026.12.213.
@Suite struct UngradedCompressionAtAPotentiallyUnstableLevelTests {
    func spine(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-01-06")).findings.first { $0.subject == .lesion("L1") && $0.ruleId == "surgery.spine.noms" })
    }

    func record(graded: Bool) -> CaseRecord {
        var r = spineCompressionCase(
            primary: PrimaryCancer(id: "P1", site: .kidney, histology: "肾透明细胞癌", diagnosed: day("2021-03")),
            performance: PerformanceStatus(date: day("2023-01-05"), ecog: 1), visceral: [])
        r.studies[1].observations[0].escc = graded ? .g1a : nil
        return r
    }

    @Test func theGradeIsAskedForBeforeTheRadiotherapy() throws {
        let ungraded = try spine(record(graded: false))
        #expect(ungraded.severity == .warning)
        #expect(ungraded.detail.en.contains("Radiotherapy by histology, once ESCC is graded on axial T2 MRI: high-grade compression changes the plan"), "\(ungraded.detail.en)")
        #expect(ungraded.detail.zhHans.contains("需先在轴位 T2 MRI 上进行 ESCC 分级"))
        let graded = try spine(record(graded: true))
        #expect(!graded.detail.en.contains("once ESCC is graded"))
        #expect(graded.detail.en.contains("stereotactic radiosurgery (radioresistant histology, low-grade ESCC)"), "\(graded.detail.en)")
    }
}

/// cb42-c (unseen record, 2026-12-04): a castration-resistant prostate cancer on enzalutamide; the
/// first post-baseline scan (12 weeks) without new lesions, then three new foci in March counted but
/// not named, "persistent" in the May report (7 weeks on) with two more. PCWG3 after the flare
/// window: ≥ 2 new lesions against the first post-baseline scan that persist ≥ 6 weeks later are
/// progression (Scher 2016). The March verdict read "did not persist — not progression" because
/// only named lesions could be followed. Rule set 2026.12.214: persistence not recorded is unknown.
@Suite struct PCWG3PersistenceTests {
    /// New lesions on B2 (March): `named` recorded by lesion, `unnamed` counted; on B3 (May) the
    /// named ones as `onB3` says (nil: not observed there).
    func record(named: Int = 0, unnamed: Int = 0, onB3: Bool? = nil) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "p", sex: .male, birthDate: day("1952-08-08"))
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "mCRPC", diagnosed: day("2020-06"), castrationResistant: true)]
        let old = ["L1", "L2"], new = (0..<named).map { "N\($0)" }
        r.lesions = (old + new).map { Lesion(id: $0, bone: .rib, laterality: .right, note: $0) }
        var b2 = survey("B2", "2026-03-10", old + new)
        b2.unnamedNewLesions = unnamed
        var b3 = survey("B3", "2026-05-01", old)
        if let onB3 { b3.observations += new.map { observation($0) { $0.present = onB3; $0.uptake = onB3 } } }
        r.studies = [survey("B0", "2025-09-01", old), survey("B1", "2025-12-01", old), b2, b3]
        r.treatments = [Treatment(id: "ENZ", kind: .systemic, name: "enzalutamide", start: day("2025-09-10"))]
        return r
    }

    func march(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-05-03")).findings.first { $0.ruleId == "boneHealth.pcwg3.laterScan" && $0.subject == .study("B2") })
    }

    @Test func countedLesionsNotFollowedAreUnknownNotGone() throws {
        let unknown = try march(record(unnamed: 3))
        #expect(unknown.severity == .advisory)
        #expect(unknown.title.en == "New lesions of 2026-03-10: whether they persist on 2026-05-01 is not recorded (PCWG3)", "\(unknown.title.en)")
        #expect(unknown.detail.en.contains("0 recorded as persisting, 3 not recorded by name"))
        #expect(unknown.claims.map(\.stance) == ["notProgression"])
        // Named and not observed on the later scan: unknown too.
        #expect(try march(record(named: 2)).title.en.contains("is not recorded"))
    }

    @Test func namedLesionsSeenOrGoneDecide() throws {
        let progression = try march(record(named: 2, onB3: true))
        #expect(progression.title.en == "Bone-scan progression confirmed (PCWG3 2+2), dated to 2026-03-10", "\(progression.title.en)")
        let gone = try march(record(named: 2, onB3: false))
        #expect(gone.title.en == "New lesions of 2026-03-10 did not persist — not progression (PCWG3)", "\(gone.title.en)")
        // One seen persisting, one gone, one counted only: at most 2 could persist — unknown.
        var mixed = record(named: 2, unnamed: 1, onB3: true)
        mixed.studies[3].observations.removeAll { $0.lesion == "N1" }
        mixed.studies[3].observations.append(observation("N1") { $0.present = false })
        #expect(try march(mixed).detail.en.contains("1 recorded as persisting, 1 not recorded by name"))
    }
}

/// cb43-a (unseen record, 2026-12-04): denosumab given a week after an osteonecrosis of the jaw was
/// recorded, the jaw not healed: the finding read "the next dose waits for that decision" as if no
/// dose had come since. Rule set 2026.12.215: the doses since are named — record the decision with
/// dental care if continuing was decided (Yarom 2019).
@Suite struct DosesAfterOsteonecrosisTests {
    func finding(dosesSince: [String]) throws -> Finding {
        var r = baseCase()
        var course = Treatment(id: "D1", kind: .boneModifyingAgent, start: day("2025-01-25"), agent: .denosumab, doseMg: 120, intervalWeeks: 4)
        course.doses = [day("2025-01-25"), day("2026-07-30")] + dosesSince.map(day)
        r.treatments.append(course)
        r.dentalExams = [day("2025-01-20")]
        r.events = [ClinicalEvent(date: day("2026-08-20"), kind: .osteonecrosisOfJaw)]
        return try #require(assess(r, asOf: day("2026-08-30")).rule("boneAgents.osteonecrosisOfJaw").first)
    }

    @Test func dosesGivenSinceAreNamed() throws {
        let after = try finding(dosesSince: ["2026-08-27"])
        #expect(after.detail.en.contains("Given since it was recorded: denosumab 2026-08-27 — if continuing was decided with dental care, record that decision."), "\(after.detail.en)")
        #expect(after.detail.zhHans.contains("记录颌骨坏死后仍有给药：2026-08-27 地舒单抗"))
        #expect(after.severity == .warning)
        let none = try finding(dosesSince: [])
        #expect(!none.detail.en.contains("Given since"))
    }
}
