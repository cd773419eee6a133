@testable import BoneMetRules
import Testing

/// cb78-a (unseen record, 2026-12-05): a breast cancer on letrozole and palbociclib with
/// denosumab. Bone scan 2026-06-05 (12½ weeks in): L2's uptake +30 %; the CT of the next day —
/// the same restaging — reads L2's new sclerotic rim and fill-in, PR. The scan read "L2: PD",
/// because only a CT *before* the scan was taken as the anatomy of its interval (cb29-c). The
/// lesion healing across the scan's date, under treatment unchanged between the two, is the
/// repair the uptake shows: flare is not excluded (Hamaoka 2004). Rule set 2026.12.313.
@Suite struct UptakeBeforeTheHealingCTTests {
    let base = UptakeOfAHealingLesionTests()

    func scan(_ r: CaseRecord, asOf: String = "2026-06-25") throws -> Finding {
        try #require(assess(r, asOf: day(asOf)).rule("boneHealth.mda.timePoint").first { $0.subject == .study("BS1") })
    }

    @Test func aCTTheDayAfterTheScanReadingHealingMakesTheUptakeRepair() throws {
        let finding = try scan(base.record(ctDate: "2026-05-30"))
        #expect(try scan(base.record(ctDate: "2026-05-30"), asOf: "2026-05-29").title.en.contains("progressive disease (PD)"), "the CT not yet made")
        #expect(finding.title.en.contains("stable disease (SD)"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("more uptake where the CT of 2026-05-30 reads the lesion healing"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("2026-05-30 CT 检查示该病灶修复"), "\(finding.detail.zhHans)")
    }

    /// Radiotherapy begun between the scan and the CT: the CT's healing may be the radiation's,
    /// not the scan's picture — the scan stands as read.
    @Test func aTreatmentBegunBetweenTheScanAndTheCTLeavesTheScanAsRead() throws {
        var r = base.record(ctDate: "2026-06-20")
        r.treatments.append(Treatment(id: "RT", kind: .radiotherapy, name: "T10 30Gy/10F", lesions: ["T10"], start: day("2026-06-01"), end: day("2026-06-12")))
        let finding = try scan(r)
        #expect(finding.title.en.contains("progressive disease (PD)"), "\(finding.title.en)")
        #expect(!finding.detail.en.contains("reads the lesion healing"), "\(finding.detail.en)")
    }

    /// Radiotherapy of another lesion between them changes nothing for this one.
    @Test func radiotherapyOfAnotherLesionBetweenThemLeavesTheReading() throws {
        var r = base.record(ctDate: "2026-06-20")
        r.treatments.append(Treatment(id: "RT", kind: .radiotherapy, name: "髂骨 8Gy/1F", lesions: ["IL"], start: day("2026-06-01"), end: day("2026-06-01")))
        let finding = try scan(r)
        #expect(finding.title.en.contains("stable disease (SD)"), "\(finding.title.en)")
    }

    /// A regimen switched between the scan and the CT: the same.
    @Test func aSwitchBetweenTheScanAndTheCTLeavesTheScanAsRead() throws {
        var r = base.record(ctDate: "2026-06-20")
        r.treatments[0].end = day("2026-06-02")
        r.treatments.append(Treatment(id: "CHEMO", kind: .systemic, name: "培美曲塞+卡铂", start: day("2026-06-03")))
        let finding = try scan(r)
        #expect(finding.title.en.contains("progressive disease (PD)"), "\(finding.title.en)")
    }

    /// The next CT weeks later under the same treatment: the same reading.
    @Test func theNextCTUnderTheSameTreatmentReadsItToo() throws {
        #expect(try scan(base.record(ctDate: "2026-06-20")).title.en.contains("stable disease (SD)"))
    }

    /// The later CT progressing elsewhere excludes the flare, as before the scan.
    @Test func aLaterCTThatProgressesLeavesItProgression() throws {
        let finding = try scan(base.record(ctDate: "2026-05-30", iliumOnCT: .lytic, iliumSize: [35, 30]))
        #expect(finding.title.en.contains("progressive disease (PD)"), "\(finding.title.en)")
    }
}

/// cb78-d (unseen record, 2026-12-05): an ALK-positive lung adenocarcinoma's T7 metastasis, read
/// lytic with destruction on the staging PET-CT and with a 22 mm soft-tissue component on the
/// spine MRI, was "RECIST measurability undetermined — lesion type and soft-tissue component not
/// recorded": the lesion type was looked for on X-ray, CT and MRI only. A PET-CT's CT reading of
/// the character is anatomy (Eisenhauer 2009 measures the soft tissue on CT or MRI, as before).
/// Rule set 2026.12.313.
@Suite struct CharacterFromThePETCTTests {
    func record(mriSoftTissue: Double?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌 ALK融合", diagnosed: day("2026-08-15"))]
        r.lesions = [Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7"))]
        var pet = ImagingStudy(id: "PET", date: day("2026-08-10"), modality: .petCt, observations: [
            observation("T7", .lytic) { $0.uptake = true; $0.boneDestruction = true },
        ])
        pet.coverage = [.wholeBody]
        var mri = ImagingStudy(id: "MRI", date: day("2026-08-18"), modality: .mri, observations: [
            observation("T7") { $0.escc = .g1c; $0.softTissueMm = mriSoftTissue },
        ])
        mri.coverage = [.thoracicSpine]
        r.studies = [pet, mri]
        r.treatments = []
        return r
    }

    func measurability(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-09-05")).rule("boneHealth.recist.measurability").first)
    }

    @Test func aLyticLesionOnPETCTWithASoftTissueMassOnMRIIsMeasurable() throws {
        let finding = try measurability(record(mriSoftTissue: 22))
        #expect(finding.title.en == "T7 vertebra: RECIST-measurable", "\(finding.title.en)")
    }

    @Test func withoutTheSoftTissueItAsksForIt() throws {
        let finding = try measurability(record(mriSoftTissue: nil))
        #expect(finding.detail.en.hasPrefix("soft-tissue component not recorded on CT/MRI"), "\(finding.detail.en)")
    }
}

/// cb78-f (unseen record, 2026-12-05): a breast cancer's monthly zoledronic acid for two and a
/// half years, a laboratory eGFR of 58 a month before, the only creatinine from the first week:
/// "no serum creatinine on record since 2024-03-22" as if nothing had been measured. The label's
/// withholding rule compares serum creatinine with its baseline, so the advisory stays; it now
/// names the eGFR and asks for the creatinine behind it. Rule set 2026.12.313.
@Suite struct CreatinineBehindTheEGFRTests {
    let base = CreatinineBeforeEveryDoseTests()

    @Test func anEGFRSinceIsNamedAndItsCreatinineAskedFor() throws {
        var r = base.record()
        r.labs.append(LabResult(date: day("2023-04-10"), test: .egfr, value: 58, unit: "mL/min/1.73m2"))
        let finding = try #require(base.due(r, asOf: "2023-04-28"))
        #expect(finding.title.en == "Zoledronic acid: the serum creatinine behind the eGFR of 2023-04-10 is not on record — record it before the next dose", "\(finding.title.en)")
        #expect(finding.title.zhHans == "唑来膦酸：2023-04-10 eGFR 所依据的血肌酐未记录——下次给药前请记录")
        #expect(finding.detail.en.hasSuffix("An eGFR of 58 mL/min/1.73 m² of 2023-04-10 is on record: the withholding rule compares serum creatinine with its baseline (55 µmol/L (0.62 mg/dL) of 2023-01-03) — record the creatinine the laboratory computed it from."), "\(finding.detail.en)")
    }

    /// An eGFR older than the creatinine says nothing new: the title as before.
    @Test func anOlderEGFRChangesNothing() throws {
        var r = base.record()
        r.labs.insert(LabResult(date: day("2022-12-20"), test: .egfr, value: 90, unit: "mL/min/1.73m2"), at: 0)
        let finding = try #require(base.due(r, asOf: "2023-04-28"))
        #expect(finding.title.en.hasPrefix("Zoledronic acid: no serum creatinine on record since 2023-01-03"))
    }
}

/// cb78-f too: "L4-L5椎体" recorded as one vertebra row scored SINS 0–16, its location 0–3 — as if
/// it might be the rigid sacrum (S2–S5, 0 points). Fisher 2010: L4 is mobile (2), L5 junctional
/// (3); a vertebra (C, T or L) without a level is at least semirigid (1); only the sacrum can be
/// rigid. Rule set 2026.12.313.
@Suite struct SINSLocationOfAnUnleveledRowTests {
    func sinsTitle(_ lesion: Lesion) throws -> String {
        var r = baseCase()
        r.lesions = [lesion]
        r.studies = [ct("C1", "2026-08-28", [observation(lesion.id, .blastic) { $0.boneDestruction = false }])]
        let finding = try #require(assess(r, asOf: day("2026-09-01")).rule("surgery.spine.noms").first)
        return finding.title.en
    }

    @Test func twoNamedVertebraeScoreBetweenTheirLocations() throws {
        #expect(try sinsTitle(Lesion(id: "V", bone: .vertebra, note: "L4-L5椎体")).contains("SINS 2–16"))
        #expect(try sinsTitle(Lesion(id: "V", bone: .vertebra, note: "T12、L1椎体")).contains("SINS 3–16"), "shared: junctional")
    }

    @Test func aVertebraWithoutALevelIsNeverRigid() throws {
        #expect(try sinsTitle(Lesion(id: "V", bone: .vertebra)).contains("SINS 1–16"))
        #expect(try sinsTitle(Lesion(id: "S", bone: .sacrum)).contains("SINS 0–16"))
    }

    @Test func theCandidatesAreFishersLocations() {
        #expect(Lesion(id: "V", bone: .vertebra, note: "L4-L5椎体").possibleSINSLocations == [.junctional, .mobile])
        #expect(Lesion(id: "S", bone: .sacrum).possibleSINSLocations == [.junctional, .rigid])
        #expect(Lesion(id: "F", bone: .femur).possibleSINSLocations.isEmpty)
    }
}

/// cb78-g (unseen record, 2026-12-05): a liver cancer's atezolizumab and bevacizumab, stopped for
/// progression three weeks before a peritrochanteric Mirels 11 and a T12 cord compression: "An
/// operation is proposed … while atezolizumab + bevacizumab … runs". Stopped, its 28-day hold not
/// over, it is said so. Rule set 2026.12.313.
@Suite struct StoppedAntiAngiogenicHoldTests {
    @Test func aStoppedRegimenIsNotSaidToRun() throws {
        let r = AntiAngiogenicTimingTests().record(end: "2025-10-22")
        let finding = try #require(assess(r, asOf: day("2025-11-10")).rule("surgery.timing.antiAngiogenic").first)
        #expect(finding.title.en == "Operation proposed within the hold after bevacizumab: time it with the drug (wound healing, bleeding)", "\(finding.title.en)")
        #expect(finding.title.zhHans == "停用贝伐珠单抗后的间隔内拟手术：手术时机需与停药间隔协调（伤口愈合、出血）")
        #expect(finding.detail.en.contains("proposed or planned (left femur, peritrochanteric) within the hold after 卡铂 + 培美曲塞 + 贝伐珠单抗 2025-08-20–2025-10-22 (systemic therapy), stopped on 2025-10-22."), "\(finding.detail.en)")
        #expect(!finding.detail.en.contains(" runs."))
        #expect(finding.detail.zhHans.hasPrefix("卡铂 + 培美曲塞 + 贝伐珠单抗 2025-08-20–2025-10-22（全身治疗）已于 2025-10-22 停用，尚在停药间隔内拟行或已计划手术"), "\(finding.detail.zhHans)")
    }

    /// Ending later than the day assessed, it still runs.
    @Test func anEndStillAheadStillRuns() throws {
        let r = AntiAngiogenicTimingTests().record(end: "2025-12-22")
        let finding = try #require(assess(r, asOf: day("2025-11-10")).rule("surgery.timing.antiAngiogenic").first)
        #expect(finding.title.en.hasPrefix("Operation proposed on bevacizumab"), "\(finding.title.en)")
    }
}

/// cb78-m (unseen record, 2026-12-05): a breast cancer ten years out; L4/5 and the right hip read
/// degenerative on X-ray; both knees hot on the bone scan, recorded as one `other` bone,
/// "双膝关节". Read as a solitary lesion of unknown nature; counted as two, the long
/// disease-free interval then read "One biopsy answers it: the most accessible of other bone
/// (双膝关节)" — a biopsy of tracer uptake no X-ray or CT had shown (scenario 2: uptake is not a
/// diagnosis). Rule set 2026.12.313.
@Suite struct BothKneesAndTheIntervalBiopsyTests {
    @Test func aNoteNamingBothOfAPairIsTwoSites() {
        #expect(Lesion(id: "K", bone: .other, note: "双膝关节").namesSeveral)
        #expect(Lesion(id: "H", bone: .femur, note: "双股骨上段").namesSeveral)
        #expect(Lesion(id: "K", bone: .other, note: "both knees").namesSeveral)
        #expect(Lesion(id: "K", bone: .other, note: "双侧髌骨").namesSeveral)
        #expect(!Lesion(id: "K", bone: .other, note: "右膝关节").namesSeveral)
        #expect(!Lesion(id: "K", bone: .other, note: "双能X线示骨量减少").namesSeveral, "dual-energy, not both")
        #expect(!Lesion(id: "S", bone: .skull, note: "双顶骨").namesSeveral, "an unpaired bone's note is not read for pairs")
    }

    func record(tibiaOnCT: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性导管癌 ER+ PR+ HER2-", diagnosed: day("2015-07"))]
        r.lesions = [Lesion(id: "K", bone: .other, note: "双膝关节")]
        r.studies = [survey("B1", "2026-05-06", ["K"])]
        if tibiaOnCT {
            r.lesions.append(Lesion(id: "T", bone: .pelvis, laterality: .left))
            r.studies[0].observations.append(observation("T") { $0.uptake = true })
            r.studies.append(ct("C1", "2026-05-10", [observation("T", .lytic) { $0.boneDestruction = true }]))
        }
        r.treatments = []
        return r
    }

    @Test func lesionsKnownOnlyFromUptakeAreImagedBeforeAnyBiopsy() throws {
        let a = assess(record(tibiaOnCT: false), asOf: day("2026-05-25"))
        let finding = try #require(a.rule("diagnosis.biopsy.indicated").first { $0.subject == .patient })
        #expect(finding.title.en == "Long disease-free interval: X-ray and CT bone window first — biopsy if they show a lesion", "\(finding.title.en)")
        #expect(finding.title.zhHans == "无病间期长：先行 X 线和 CT 骨窗检查——如见病灶再活检")
        #expect(!finding.detail.en.contains("One biopsy answers it"))
    }

    @Test func aLesionTheCTShowsIsTheOneToBiopsy() throws {
        let a = assess(record(tibiaOnCT: true), asOf: day("2026-05-25"))
        let finding = try #require(a.rule("diagnosis.biopsy.indicated").first { $0.subject == .patient })
        #expect(finding.title.en == "Biopsy indicated: long disease-free interval")
        #expect(finding.detail.en.contains("One biopsy answers it: the most accessible lytic or mixed lesion (left pelvis)"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("Known only from tracer uptake, not to be chosen before X-ray and CT bone window show it: other bone (双膝关节)."), "\(finding.detail.en)")
    }
}

/// cb78-n (unseen record, 2026-12-05): a squamous lung cancer on denosumab, eGFR 24, calcium
/// 1.98 mmol/L with albumin 35 g/L (corrected 2.08 mmol/L, 8.34 mg/dL; no lower limit given):
/// the boxed-warning finding read only "check calcium before each dose". It now says the calcium
/// it is about, or that none is on record. Rule set 2026.12.313.
@Suite struct DenosumabRenalWarningNamesTheCalciumTests {
    func record(calcium: [LabResult]) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-01-15"), agent: .denosumab))
        r.labs = [LabResult(date: day("2023-05-20"), test: .egfr, value: 24, unit: "mL/min/1.73m2")] + calcium
        return r
    }

    func warning(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-06-01")).rule("boneAgents.denosumab.hypocalcaemiaRisk").first)
    }

    @Test func theLatestCorrectedCalciumIsSaid() throws {
        let finding = try warning(record(calcium: [
            LabResult(date: day("2023-05-20"), test: .calcium, value: 1.98, unit: "mmol/L"),
            LabResult(date: day("2023-05-20"), test: .albumin, value: 35, unit: "g/L"),
        ]))
        #expect(finding.detail.en.hasSuffix("monitor calcium closely. Latest calcium 8.34 mg/dL (2.08 mmol/L) on 2023-05-20, corrected for albumin; no lower limit given with it (the usual adult 8.5 mg/dL, setting)."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.hasSuffix("最近血钙 8.34 mg/dL (2.08 mmol/L)（2023-05-20），已按白蛋白校正；化验单未给出下限（成人常用下限 8.5 mg/dL，设置）。"), "\(finding.detail.zhHans)")
        // Rule set 2026.12.370: below the usual adult lower limit (setting `calciumLowerLimitMgDl`)
        // it is grade 1 hypocalcaemia, which the denosumab dose waits for.
        let low = try #require(assess(record(calcium: [
            LabResult(date: day("2023-05-20"), test: .calcium, value: 1.98, unit: "mmol/L"),
            LabResult(date: day("2023-05-20"), test: .albumin, value: 35, unit: "g/L"),
        ]), asOf: day("2023-06-01")).rule("labs.hypocalcaemia").first)
        #expect(low.inputs.contains(FindingInput("grade", "1")))
    }

    @Test func withoutACalciumItAsksForOne() throws {
        let finding = try warning(record(calcium: []))
        #expect(finding.detail.en.hasSuffix("No calcium on record: measure it before the next dose."), "\(finding.detail.en)")
    }
}

/// cb78-o (unseen record, 2026-12-05): a breast cancer five and a half years out; the ilium, lytic
/// at staging, completely filled in on the restaging CT (55 days into a second regimen, so not
/// "healed under an acting regimen"), was still named among "the most accessible lytic or mixed
/// lesion" for the interval's biopsy. The lesion's character as it reads now decides. Rule set
/// 2026.12.313.
@Suite struct IntervalBiopsyReadsTheLatestCharacterTests {
    @Test func aLesionThatNowReadsBlasticIsNotNamedLyticOrMixed() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "IDC ER 95% PR 40% HER2 0", diagnosed: day("2020-03"))]
        r.lesions = [Lesion(id: "IL", bone: .pelvis, laterality: .left), Lesion(id: "R", bone: .rib, laterality: .right)]
        r.studies = [
            ct("C1", "2025-09-02", [observation("IL", .lytic) { $0.boneDestruction = true }, observation("R", .lytic) { $0.boneDestruction = true }]),
            ct("C2", "2026-01-25", [observation("IL", .blastic) { $0.fillIn = .complete }, observation("R", .mixed) { $0.fillIn = .partial }]),
        ]
        r.treatments = []
        let finding = try #require(assess(r, asOf: day("2026-02-01")).rule("diagnosis.biopsy.indicated").first { $0.subject == .patient })
        #expect(finding.detail.en.contains("the most accessible lytic or mixed lesion (right rib)"), "\(finding.detail.en)")
    }
}

/// cb78-p (unseen record, 2026-12-05): a breast cancer of 2017 (trastuzumab, pertuzumab and
/// docetaxel, then tamoxifen) and a lung adenocarcinoma of 2026, EGFR wild-type, not yet treated.
/// The rib, recorded as the lung's, biopsied "腺癌，TTF-1(+)，NapsinA(+)"; L3 first seen on the
/// same PET-CT. L3 read "more than one candidate primary — biopsy" (a recorded attribution did not
/// count as proven), and New Katagiri scored the lung cancer "moderate growth" for the breast
/// cancer's trastuzumab. Rule set 2026.12.313.
@Suite struct TwoPrimariesEpisodeAndTargetedTests {
    func record() -> CaseRecord {
        var r = baseCase()
        r.primaries = [
            PrimaryCancer(id: "P1", site: .breast, histology: "浸润性导管癌 ER(+) PR(-) HER2(3+)", diagnosed: day("2017-04")),
            PrimaryCancer(id: "P2", site: .lung, histology: "肺腺癌 EGFR 野生型", diagnosed: day("2026-06-20")),
        ]
        r.lesions = [Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "R", bone: .rib, laterality: .left, primary: "P2")]
        r.studies = [ImagingStudy(id: "PET", date: day("2026-06-15"), modality: .petCt, observations: [
            observation("L3", .lytic) { $0.uptake = true; $0.boneDestruction = true },
            observation("R", .lytic) { $0.uptake = true; $0.boneDestruction = true },
        ])]
        r.treatments = [Treatment(id: "H", kind: .systemic, drugs: ["trastuzumab", "pertuzumab", "docetaxel"], start: day("2017-05-10"), end: day("2018-05-01"))]
        r.biopsies = [Biopsy(lesion: "R", date: day("2026-06-20"), decalcification: .edta, result: .metastasis, histology: "腺癌，TTF-1(+)，NapsinA(+)")]
        return r
    }

    @Test func aRecordedAttributionWithAMetastasisBiopsyAnswersForItsEpisode() throws {
        let a = assess(record(), asOf: day("2026-07-01"))
        let episode = a.rule("diagnosis.biopsy.sameEpisode").first?.title.en ?? "none"
        #expect(episode.hasPrefix("L3 vertebra: read as lung (adenocarcinoma) — first seen with left rib"), "\(episode)")
        let biopsy = a.has("diagnosis.biopsy.indicated", subject: .lesion("L3"))
        #expect(!biopsy)
        // Without the biopsy the recorded attribution alone proves nothing for the others.
        var unproven = record()
        unproven.biopsies = []
        #expect(!assess(unproven, asOf: day("2026-07-01")).has("diagnosis.biopsy.sameEpisode"))
    }

    @Test func anotherCancersTargetedTherapyIsNotTheLungs() throws {
        let katagiri = try #require(assess(record(), asOf: day("2026-07-01")).rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("primary lesion: lung → 2–3"), "\(katagiri.detail.en)")
        // A targeted drug begun after the lung cancer's diagnosis counts, as before.
        var treated = record()
        treated.treatments.append(Treatment(id: "O", kind: .systemic, drugs: ["osimertinib"], start: day("2026-06-28")))
        let after = try #require(assess(treated, asOf: day("2026-07-01")).rule("surgery.prognosis.katagiri").first)
        #expect(after.detail.en.contains("primary lesion: lung (moderate growth) → 2"), "\(after.detail.en)")
    }
}

/// cb78-u (unseen record, 2026-12-05): a renal-cell cancer's solitary proximal femur, resected
/// and replaced by a prosthesis, recurred 19 months later (lytic, 22 mm soft tissue). Its Mirels
/// took "> 2/3 of the diameter" from the CT before the resection, and RECIST measurability was
/// silent ("a lesion removed by surgery has nothing left to measure"). Readings before the
/// operation that removed the lesion no longer count after it. Rule set 2026.12.313.
@Suite struct RecurrenceAfterResectionTests {
    func record() -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2019-05"))]
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .diaphysis, laterality: .left)]
        r.studies = [
            ct("C1", "2025-02-10", [observation("F", .lytic, [60, 45]) { $0.boneDestruction = true; $0.softTissueMm = 30; $0.fractionOfDiameter = 0.8 }]),
            ct("C2", "2025-08-10", [observation("F") { $0.present = false }]),
            ct("C3", "2026-09-28", [observation("F", .lytic, [28, 20]) { $0.boneDestruction = true; $0.softTissueMm = 22 }]),
        ]
        r.treatments = [Treatment(id: "S", kind: .surgery, name: "左股骨瘤段切除+人工假体置换术", lesions: ["F"], start: day("2025-02-26"))]
        return r
    }

    @Test func theRecurrenceIsScoredOnItsOwnReadings() throws {
        let a = assess(record(), asOf: day("2026-10-02"))
        let point = try #require(a.mirels.last { $0.lesion == "F" })
        #expect(point.input.size == nil, "the size of the bone resected is not the recurrence's")
        let measurability = try #require(a.rule("boneHealth.recist.measurability").first { $0.subject == .lesion("F") })
        #expect(measurability.title.en.hasSuffix("RECIST-measurable"), "\(measurability.title.en)")
    }

    @Test func beforeTheRecurrenceTheRemovedLesionIsNotMeasured() {
        #expect(!assess(record(), asOf: day("2025-09-01")).has("boneHealth.recist.measurability"))
    }
}

/// cb78-ac (unseen record, 2026-12-05): a diffuse large B-cell lymphoma proven in the distal femur
/// and recorded as the one primary, R-CHOP begun; the proximal tibia, hot on the same staging
/// PET-CT, read "biopsy indicated — unusual site (distal to the elbow or knee)". An unusual site
/// is a carcinoma's metastasis below the elbow or knee; a lesion whose only possible disease is
/// the lymphoma (or myeloma) on record is its bone disease. Rule set 2026.12.313.
@Suite struct BloodCancerBelowTheKneeTests {
    func record(primaries: [PrimaryCancer]) -> CaseRecord {
        var r = baseCase()
        r.primaries = primaries
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .distal, laterality: .right), Lesion(id: "T", bone: .tibia, segment: .proximal, laterality: .right)]
        r.studies = [ImagingStudy(id: "X1", date: day("2026-04-18"), modality: .xray, observations: [
            observation("F", .lytic) { $0.boneDestruction = true }, observation("T", .mixed) { $0.boneDestruction = true },
        ])]
        r.biopsies = [Biopsy(lesion: "F", date: day("2026-04-28"), decalcification: .edta, result: .lymphoma, histology: "DLBCL")]
        r.treatments = [Treatment(id: "R", kind: .systemic, drugs: ["rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone"], start: day("2026-05-05"))]
        return r
    }

    @Test func aLesionOfTheLymphomaOnRecordIsNotAnUnusualSite() {
        let lymphoma = PrimaryCancer(id: "P1", site: .lymphoma, histologyType: .lymphoma, diagnosed: day("2026-04-28"))
        let a = assess(record(primaries: [lymphoma]), asOf: day("2026-05-06"))
        let biopsy = a.rule("diagnosis.biopsy.indicated").contains { $0.subject == .lesion("T") }
        #expect(!biopsy)
    }

    @Test func besideASolidCancerItStillIs() throws {
        let lymphoma = PrimaryCancer(id: "P1", site: .lymphoma, histologyType: .lymphoma, diagnosed: day("2026-04-28"))
        let lung = PrimaryCancer(id: "P2", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2025-01"))
        let a = assess(record(primaries: [lymphoma, lung]), asOf: day("2026-05-06"))
        let finding = try #require(a.rule("diagnosis.biopsy.indicated").first { $0.subject == .lesion("T") })
        #expect(finding.detail.en.contains("unusual site (distal to the elbow or knee)"), "\(finding.detail.en)")
    }
}

/// cb78-ad (unseen record, 2026-12-05): a breast cancer's T7 read "SINS 6, ESCC 0 — conventional
/// radiotherapy" from the MRI of October, beside the MRI of January on record with its report
/// only ("T7病灶较前增大，硬膜囊受压"). The study-level advisory asked for its reading, but the
/// spine finding spoke as if October's were the latest word. A later study read only in its
/// report is now said beside the score it may change (spine and Mirels). Rule set 2026.12.313.
@Suite struct LaterReportOnlyStudyTests {
    func record(reportOnly: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7")), Lesion(id: "H", bone: .humerus, segment: .proximal, laterality: .left)]
        var mri = ImagingStudy(id: "M1", date: day("2025-10-03"), modality: .mri, observations: [
            observation("T7", .lytic) { $0.escc = .g0; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
        ])
        mri.coverage = [.thoracicSpine]
        var later = ImagingStudy(id: "M2", date: day(reportOnly), modality: .mri, observations: [])
        later.report = "胸椎MRI：T7病灶较前增大，硬膜囊受压"
        r.studies = [
            ImagingStudy(id: "X1", date: day("2025-10-01"), modality: .xray, observations: [observation("H", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.3 }]),
            mri, later,
        ]
        r.pain = [PainRecord(date: day("2025-10-03"), lesion: "T7", sins: .mechanical)]
        return r
    }

    @Test func aLaterReportOnlyMRIIsSaidBesideTheScore() throws {
        let a = assess(record(reportOnly: "2026-01-29"), asOf: day("2026-02-01"))
        let spine = try #require(a.rule("surgery.spine.noms").first)
        #expect(spine.detail.en.hasSuffix("The MRI of 2026-01-29 is on record with its report only: this reading is from 2025-10-03 — record the later study's reading, which may change it."), "\(spine.detail.en)")
        #expect(spine.detail.zhHans.hasSuffix("2026-01-29 MRI 检查仅有报告文本、未录入病灶：以上判读依据 2025-10-03 的检查——请录入较新检查的判读，其结果可能改变结论。"), "\(spine.detail.zhHans)")
        let mirels = try #require(a.findings.first { $0.subject == .lesion("H") && $0.ruleId.hasPrefix("surgery.mirels") })
        #expect(mirels.detail.en.contains("The MRI of 2026-01-29 is on record with its report only: this reading is from 2025-10-01"), "\(mirels.detail.en)")
    }

    @Test func anEarlierReportOnlyStudyIsNotSaid() throws {
        let a = assess(record(reportOnly: "2025-09-20"), asOf: day("2026-02-01"))
        let spine = try #require(a.rule("surgery.spine.noms").first)
        #expect(!spine.detail.en.contains("report only"), "\(spine.detail.en)")
    }
}

/// cb78-ag (unseen record, 2026-12-05): a breast cancer's peritrochanteric femur at Mirels 11,
/// 30 Gy given to it and the PFNA planned ten days after the course: "Mirels 11 — fixation
/// planned", no word of the radiotherapy given first. The source hospital fixes first, then
/// irradiates (seed: prophylactic fixation before radiotherapy). Rule set 2026.12.313.
@Suite struct IrradiatedBeforeThePlannedFixationTests {
    func record(radiotherapy: String?) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .peritrochanteric, laterality: .right)]
        r.studies = [ct("C1", "2026-08-20", [observation("F", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.5 }])]
        r.pain = [PainRecord(date: day("2026-08-20"), lesion: "F", mirels: .functional)]
        r.treatments = [Treatment(id: "S", kind: .surgery, name: "右股骨近端预防性内固定（PFNA）", lesions: ["F"], start: day("2026-09-15"), planned: true)]
        if let radiotherapy {
            r.treatments.append(Treatment(id: "R", kind: .radiotherapy, name: "30Gy/10F", lesions: ["F"], start: day(radiotherapy), end: day("2026-09-05")))
        }
        return r
    }

    @Test func radiotherapyGivenBeforeThePlannedFixationIsSaid() throws {
        let finding = try #require(assess(record(radiotherapy: "2026-08-25"), asOf: day("2026-09-06")).rule("surgery.mirels.protected").first)
        #expect(finding.detail.en.contains("Irradiated before it (30Gy/10F 2026-08-25–2026-09-05 (radiotherapy)): the order kept by the source hospital is fixation first, then radiotherapy"), "\(finding.detail.en)")
        #expect(finding.sources.contains { $0.id == "sourceHospitalSurgery" })
    }

    @Test func withoutRadiotherapyNothingIsSaid() throws {
        let finding = try #require(assess(record(radiotherapy: nil), asOf: day("2026-09-06")).rule("surgery.mirels.protected").first)
        #expect(!finding.detail.en.contains("Irradiated before it"))
    }
}

/// cb78-aj (unseen record, 2026-12-05): a prostate cancer diagnosed in April with a superscan,
/// goserelin and bicalutamide begun a week before: "record the castration status" and nothing
/// more. A regimen younger than 12 weeks cannot have progressed by PCWG3 (Scher 2016: early rises
/// ignored), so the first androgen deprivation on record that young leaves the cancer
/// castration-sensitive as the record stands — said, with the caveat of earlier hormonal therapy
/// left out of the record. Rule set 2026.12.313.
@Suite struct FirstADTTooRecentTests {
    func record() -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "前列腺癌 Gleason 5+4", diagnosed: day("2026-04"))]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L2"))]
        r.studies = [ct("C1", "2026-04-20", [observation("V", .blastic)])]
        r.treatments = [Treatment(id: "ADT", kind: .systemic, name: "戈舍瑞林+比卡鲁胺", drugs: ["goserelin", "bicalutamide"], start: day("2026-04-25"))]
        return r
    }

    func indication(asOf: String) throws -> Finding {
        try #require(assess(record(), asOf: day(asOf)).rule("boneAgents.indication").first)
    }

    @Test func aFirstADTYoungerThan12WeeksIsSaidCastrationSensitive() throws {
        let finding = try indication(asOf: "2026-05-02")
        #expect(finding.detail.en.contains("The first systemic therapy on record, a hormonal one (戈舍瑞林+比卡鲁胺), began on 2026-04-25, less than 12 weeks ago: PCWG3 judges no progression before 12 weeks of a regimen"), "\(finding.detail.en)")
        // 2026-04-25 + 84 days = 2026-07-18: from then on it says nothing of the kind.
        #expect(!(try indication(asOf: "2026-07-18")).detail.en.contains("less than 12 weeks ago"))
        #expect(try indication(asOf: "2026-07-17").detail.en.contains("less than 12 weeks ago"))
        let next = try #require(assess(record(), asOf: day("2026-05-02")).nextChange)
        #expect(next <= day("2026-07-18"), "\(next)")
    }
}

/// cb78-am (unseen record, 2026-12-05): a breast cancer's first restaging CT at 39 days of
/// anastrozole and palbociclib — the sternum gaining a rim, T5 turned blastic — with "2 new
/// lesions" not itemised (the report: 新发成骨灶) read PD: the character of unitemised new lesions
/// decided only once a therapy had acted 8 weeks (`blasticLatencyWeeks`). Known lesions healing
/// on the same study refute the latency's premise, as for itemised new sclerosis (cb65-d): the
/// character decides here too. Rule set 2026.12.313.
@Suite struct UnitemisedNewLesionsBeforeTheLatencyTests {
    func record(sternum: LesionCharacter) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "ST", bone: .sternum), Lesion(id: "T5", bone: .vertebra, level: VertebralLevel("T5"))]
        var restaging = ct("C2", "2026-02-20", [
            observation("ST", sternum, [20, 15]) { $0.scleroticRim = sternum == .mixed ? true : nil; $0.boneDestruction = sternum == .lytic ? true : nil },
            observation("T5", .blastic, [15, 13]),
        ])
        restaging.unnamedNewLesions = 2
        r.studies = [
            ct("C1", "2026-01-05", [observation("ST", .lytic, [20, 15]) { $0.boneDestruction = true }, observation("T5", .mixed, [14, 12]) { $0.boneDestruction = true }]),
            restaging,
        ]
        r.treatments = [Treatment(id: "E", kind: .systemic, drugs: ["anastrozole", "palbociclib"], start: day("2026-01-12"))]
        return r
    }

    func point(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-02-22")).rule("boneHealth.mda.timePoint").first { $0.subject == .study("C2") })
    }

    @Test func healingKnownLesionsLeaveTheNewOnesCharacterToDecide() throws {
        let finding = try point(record(sternum: .mixed))
        #expect(finding.title.en.contains("not evaluable (MDA) — the new lesions' character decides"), "\(finding.title.en)")
    }

    @Test func withoutHealingTheyStandAsProgression() throws {
        // T5 still converts, but the sternum grows lytic: progression stands.
        var r = record(sternum: .lytic)
        r.studies[1].observations[0].diametersMm = [30, 25]
        let finding = try point(r)
        #expect(finding.title.en.contains("progressive disease (PD)"), "\(finding.title.en)")
    }
}
