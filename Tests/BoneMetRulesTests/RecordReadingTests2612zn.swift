@testable import BoneMetRules
import Testing

/// cb123-d (unseen record, 2026-12-06): a squamous lung cancer's T10, lytic on CT with a collapse,
/// myelopathy Frankel D recorded, no MRI. The spine finding was urgent ("MRI of the whole spine
/// within 24 hours if not done", NICE NG234) while the diagnosis section asked "T10 vertebra: MRI
/// needed" as an advisory — one action at two urgencies. Rule set 2026.12.373: with a deficit the
/// MRI finding is urgent and says the 24 hours; a planned operation without a deficit keeps the
/// advisory.
@Suite struct DeficitMRIUrgencyTests {
    func record(neurology: NeurologicalStatus?, frankel: Tokuhashi.Frankel? = nil, planned: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [ImagingStudy(id: "C1", date: day("2026-10-01"), modality: .ct, windows: [.bone], observations: [
            observation("L1", .lytic) { $0.boneDestruction = true },
        ])]
        if let neurology { r.neurology = [NeurologyRecord(date: day("2026-11-28"), status: neurology, frankel: frankel)] }
        if planned { r.treatments = [Treatment(id: "S", kind: .surgery, name: "T10 后路减压内固定术", lesions: ["L1"], planned: true)] }
        return r
    }

    @Test func aDeficitMakesTheMRIUrgentAndSaysTheDay() throws {
        for (status, frankel) in [(NeurologicalStatus.myelopathy, Tokuhashi.Frankel.D), (.caudaEquina, nil), (.intact, .C)] {
            let a = assess(record(neurology: status, frankel: frankel), asOf: day("2026-12-01"))
            let mri = try #require(a.rule("diagnosis.imaging.preoperativeMRI").first, "\(status)")
            #expect(mri.severity == .urgent, "\(status)")
            #expect(mri.title.en == "T10 vertebra: whole-spine MRI within 24 hours")
            #expect(mri.title.zhHans.contains("24 小时内行全脊柱 MRI"))
            #expect(mri.sources.contains { $0.id == "nice2023" })
        }
    }

    @Test func aPlannedOperationWithoutADeficitKeepsTheAdvisory() throws {
        let a = assess(record(neurology: .intact, planned: true), asOf: day("2026-12-01"))
        let mri = try #require(a.rule("diagnosis.imaging.preoperativeMRI").first)
        #expect(mri.severity == .advisory)
        #expect(mri.title.en == "T10 vertebra: MRI needed")
        // Radiculopathy is the spine finding's own (its MRI within 24 hours); no deficit here.
        #expect(!assess(record(neurology: .radiculopathy), asOf: day("2026-12-01")).has("diagnosis.imaging.preoperativeMRI"))
    }
}

/// cb124-f (unseen record, 2026-12-06): a 16-year-old, no cancer on record, a mixed distal femoral
/// metaphysis lesion with a 4 cm soft-tissue mass on MRI, Mirels 8 — "biopsy first, then
/// prophylactic fixation … fix before radiotherapy". The one bone lesion with no cancer behind it
/// is treated by what the biopsy shows (reference.md: a primary bone tumour must be excluded
/// before any fixation). Rule set 2026.12.373.
@Suite struct LoneUndiagnosedLesionTests {
    func record(primary: Bool = false, second: Bool = false, fractured: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("2010-06-06")
        r.primaries = primary ? [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2025-01"))] : []
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .distal, laterality: .left)]
        if second { r.lesions.append(Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L3"))) }
        r.studies = [ImagingStudy(id: "X1", date: day("2026-11-20"), modality: .xray, observations: [
            observation("L1", .mixed) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.5; $0.fracture = fractured ? true : nil },
        ] + (second ? [observation("L2", .lytic) { $0.boneDestruction = true }] : []))]
        r.pain = [PainRecord(date: day("2026-11-20"), lesion: "L1", mirels: .moderate)]
        r.treatments = []
        return r
    }

    @Test func theOperationFollowsThePathology() throws {
        let a = assess(record(), asOf: day("2026-12-01"))
        let mirels = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(mirels.severity == .urgent)
        #expect(mirels.title.en == "left femur, distal: impending fracture (Mirels 8) — biopsy first, then surgery by its result; urgent orthopaedic oncology referral")
        #expect(mirels.title.zhHans.contains("再按病理结果手术"))
        #expect(mirels.detail.en.contains("a primary bone tumour must be excluded before any fixation: protect the limb from load"))
        #expect(!mirels.detail.en.contains("fix before radiotherapy"))
        let broken = try #require(assess(record(fractured: true), asOf: day("2026-12-01")).rule("surgery.mirels.fractured").first)
        #expect(broken.title.en == "left femur, distal: pathological fracture — tissue diagnosis first, then surgery by its result")
        #expect(broken.detail.en.contains("The bone has broken through"))
    }

    @Test func aKnownCancerOrASecondLesionKeepsTheMetastasisWords() throws {
        for r in [record(primary: true), record(second: true)] {
            let mirels = try #require(assess(r, asOf: day("2026-12-01")).rule("surgery.mirels.impendingFracture").first)
            #expect(mirels.title.en.contains("then prophylactic fixation"), "\(mirels.title.en)")
            #expect(mirels.detail.en.contains("fix before radiotherapy"))
        }
    }
}

/// cb125-b (unseen record, 2026-12-06): a lung cancer's T6, ESCC 3, myelopathy Frankel A on 19 and
/// again on 30 November, dexamethasone from the 21st, the whole-spine MRI of the 21st, nothing done
/// by 1 December. The emergency read "dexamethasone 16 mg as soon as possible; MRI of the whole
/// spine within 24 hours if not done; definitive treatment within 24 hours of the confirming MRI" —
/// measured from the latest examination, and a deadline long gone said as still ahead. Rule set
/// 2026.12.374: the deficit dates from the first examination of its unbroken run (a worse one is
/// a new deficit), and treatment not begun two days or more after that MRI is overdue.
@Suite struct DeficitOnsetAndOverdueTests {
    func record(frankels: [(String, Tokuhashi.Frankel)] = [("2026-11-19", .A), ("2026-11-30", .A)], treated: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T6", bone: .vertebra, level: VertebralLevel("T6"))]
        r.studies = [
            ct("C1", "2026-11-20", [observation("T6", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .bilateral }]),
            ImagingStudy(id: "M1", date: day("2026-11-21"), modality: .mri, coverage: [.wholeBody], observations: [observation("T6") { $0.escc = .g3 }]),
        ]
        r.treatments = [Treatment(id: "DX", kind: .systemic, name: "地塞米松", drugs: ["dexamethasone"], start: day("2026-11-21"))]
        if let treated {
            r.treatments.append(Treatment(id: "RT", kind: .radiotherapy, name: "T6 8Gy/1F", lesions: ["T6"], start: day(treated), doseGy: 8, fractions: 1))
        }
        r.neurology = frankels.map { NeurologyRecord(date: day($0.0), status: .myelopathy, frankel: $0.1) }
        return r
    }

    func emergency(_ r: CaseRecord, asOf: String = "2026-12-01") throws -> Finding {
        try #require(assess(r, asOf: day(asOf)).findings.first { $0.subject == .lesion("T6") && $0.severity == .urgent && $0.detail.en.contains("an emergency") })
    }

    @Test func theDeficitDatesFromItsFirstExamination() throws {
        let f = try emergency(record())
        #expect(f.detail.en.contains("dexamethasone on record since 2026-11-21"), "\(f.detail.en)")
        #expect(f.detail.en.contains("whole-spine MRI done (2026-11-21)"))
        #expect(!f.detail.en.contains("16 mg as soon as possible"))
        // Worse since the MRI and the steroid: a new deficit, asked for again.
        let worse = try emergency(record(frankels: [("2026-11-19", .D), ("2026-11-30", .A)]))
        #expect(worse.detail.en.contains("dexamethasone 16 mg as soon as possible"), "\(worse.detail.en)")
        #expect(worse.detail.en.contains("MRI of the whole spine within 24 hours if not done"))
    }

    @Test func treatmentNotBegunAfterTheMRIIsOverdue() throws {
        let f = try emergency(record())
        #expect(f.detail.en.contains("was due within 24 hours of that MRI — none of this lesion is on record since, 10 days on: overdue, decide it today."), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("已过 10 天：已延误，请今日决定"))
        // The day after the MRI, the deadline is still ahead.
        let next = try emergency(record(frankels: [("2026-11-21", .A)]), asOf: "2026-11-22")
        #expect(next.detail.en.contains("within 24 hours of the confirming MRI, before further deterioration."), "\(next.detail.en)")
        // Planned and not begun: the plan is named with its delay.
        var planned = record()
        planned.treatments.append(Treatment(id: "RT", kind: .radiotherapy, name: "T6 姑息放疗", lesions: ["T6"], planned: true))
        let late = try emergency(planned)
        #expect(late.detail.en.contains("planned (T6 姑息放疗"), "\(late.detail.en)")
        #expect(late.detail.en.contains("not begun 10 days on: overdue, begin it today."))
        // Irradiated since the MRI: nothing overdue.
        let treated = assess(record(treated: "2026-11-22"), asOf: day("2026-12-01"))
        #expect(!treated.findings.contains { $0.detail.en.contains("overdue, decide it today") })
    }
}

/// cb127-a (unseen record, 2026-12-06): a breast cancer's left ilium, completely filled in on the
/// CT of 2024-07 under letrozole + palbociclib, read sclerotic without destruction (same size) at
/// every CT after: CR on the next (2025-03, "still sclerotic … after complete fill-in"), then "SD —
/// product of diameters 0.0 %" on each later one — the carry looked at the study right before only.
/// Rule set 2026.12.376: the healing carries through readings that do not write the fill-in again;
/// destruction or a lytic reading ends it.
@Suite struct HealingCarriedThroughReadingsTests {
    func record(_ later: [(String, LesionCharacter, Bool)]) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "IL", bone: .pelvis, laterality: .left)]
        r.studies = [
            ct("C0", "2023-10-01", [observation("IL", .lytic, [30, 25]) { $0.boneDestruction = true }]),
            ct("C1", "2024-07-10", [observation("IL", .blastic, [28, 22]) { $0.boneDestruction = false; $0.fillIn = .complete }]),
        ] + later.enumerated().map { index, reading in
            ct("C\(index + 2)", reading.0, [observation("IL", reading.1, [28, 22]) { $0.boneDestruction = reading.2 }])
        }
        r.treatments = [Treatment(id: "E1", kind: .systemic, name: "来曲唑+哌柏西利", drugs: ["letrozole", "palbociclib"], systemicClass: .endocrine, start: day("2023-10-05"))]
        return r
    }

    func categories(_ r: CaseRecord) -> [String: MDA.Category] {
        let a = assess(r, asOf: day("2026-12-01"))
        return Dictionary(uniqueKeysWithValues: a.timePoints.flatMap(\.lesions).filter { $0.lesion == "IL" }.map { ($0.toStudy, $0.category) })
    }

    @Test func theHealingCarriesThroughEveryLaterReading() {
        let c = categories(record([("2025-03-10", .blastic, false), ("2025-07-10", .blastic, false), ("2025-12-10", .blastic, false)]))
        #expect(c["C2"] == .completeResponse)
        #expect(c["C3"] == .completeResponse, "\(c)")
        #expect(c["C4"] == .completeResponse, "\(c)")
    }

    @Test func destructionEndsIt() {
        let c = categories(record([("2025-03-10", .blastic, false), ("2025-07-10", .mixed, true), ("2025-12-10", .blastic, false)]))
        #expect(c["C2"] == .completeResponse)
        #expect(c["C3"] == .progressiveDisease, "\(c)")
        #expect(c["C4"] != .completeResponse, "\(c)")
    }
}

/// cb128-a (unseen record, 2026-12-06): a prostate cancer's monthly zoledronic acid, creatinine
/// 1.5 mg/dL before the first dose (CrCl 41.5), 2.4 mg/dL five months on (CrCl 25.9): a rise of
/// 0.9 over an abnormal baseline does not withhold it (label: ≥ 1.0), but CrCl < 30 bars the next
/// dose (`zoledronicBarred`) — and nothing said so: "3.3 mg for CrCl 41.5", no dose due, no
/// reason. Rule set 2026.12.377: the dose finding names the fallen clearance and why no dose is due.
@Suite struct ClearanceFallenBelow30Tests {
    func record(latest: Double) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "z", sex: .male, birthDate: day("1950-01-01"))
        r.patient.weights = [WeightRecord(date: day("2026-06-01"), kg: 70)]
        r.treatments = [Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2026-06-05"), agent: .zoledronicAcid, doseMg: 3.3, intervalWeeks: 4,
            doses: ["2026-06-05", "2026-07-03", "2026-07-31", "2026-08-28", "2026-09-25", "2026-10-23"].map(day))]
        r.labs = [
            LabResult(date: day("2026-06-03"), test: .creatinine, value: 1.5, unit: "mg/dL"),
            LabResult(date: day("2026-11-18"), test: .creatinine, value: latest, unit: "mg/dL"),
        ]
        r.dentalExams = [day("2026-06-02")]
        return r
    }

    @Test func theFallenClearanceIsSaidAndNoDoseIsDue() throws {
        let a = assess(record(latest: 2.4), asOf: day("2026-12-01"))
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.severity == .warning)
        #expect(dose.detail.en.contains("Since then creatinine is 2.4 mg/dL (2026-11-18): CrCl 25.9 mL/min (< 30)"), "\(dose.detail.en)")
        #expect(dose.detail.zhHans.contains("不提示下一剂到期"))
        #expect(!a.has("boneAgents.doseDue"))
        #expect(!a.has("boneAgents.zoledronic.renalHold"))
    }

    @Test func aClearanceStill30OrMoreSaysNothingOfIt() throws {
        let a = assess(record(latest: 1.7), asOf: day("2026-12-01"))
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.severity == .info)
        #expect(!dose.detail.en.contains("Since then creatinine"))
        #expect(a.has("boneAgents.doseDue"))
    }
}
