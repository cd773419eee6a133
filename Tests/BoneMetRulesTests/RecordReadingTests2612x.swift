@testable import BoneMetRules
import Testing

/// cb64-u (unseen record, 2026-12-04): a lobular breast cancer's peritrochanteric femur, mixed with
/// a sclerotic rim three months into fulvestrant + abemaciclib (PR), turned lytic and spread from
/// 0.30 to 0.55 of the bone's diameter on the film. No study measured its diameters. Rule set
/// 2026.12.259 read "NE — size not measured". The film's fraction of the diameter is the lesion's
/// measured extent across the bone: MDA counts a ≥ 25 % increase of an ill-defined lesion as
/// progression and a ≥ 50 % decrease as partial response (Hamaoka T et al. J Clin Oncol
/// 2004;22:2942-53, table 3; reference.md "MD Anderson").
@Suite struct ExtentAcrossTheBoneTests {
    func film(_ id: String, _ date: String, _ fraction: Double?, _ character: LesionCharacter = .lytic) -> ImagingStudy {
        ImagingStudy(id: id, date: day(date), modality: .xray, coverage: [.leftLowerLimb], observations: [
            observation("L1", character) { $0.fractionOfDiameter = fraction },
        ])
    }

    func result(_ before: Double?, _ after: Double?, diameters: ([Double], [Double])? = nil) -> MDA.Result {
        var prior = observation("L1", .lytic, diameters?.0)
        prior.fractionOfDiameter = before
        var current = observation("L1", .lytic, diameters?.1)
        current.fractionOfDiameter = after
        return MDA.classify(prior: prior, current: current, modality: .xray)
    }

    @Test func aQuarterMoreOfTheDiameterIsProgression() {
        // Boundaries: + 25.0 % is PD; + 22.5 % is not; − 50.0 % is PR; − 47.5 % is not.
        #expect(result(0.4, 0.5).category == .progressiveDisease)
        #expect(result(0.4, 0.5).reasons.map(\.en) == ["extent across the bone 0.4 → 0.5 (+25.0 %, ≥ 25 %)"])
        #expect(result(0.4, 0.5).reasons.map(\.zhHans) == ["占骨直径比例 0.4 → 0.5（增加 25.0%，≥25%）"])
        #expect(result(0.4, 0.49).category == .notEvaluable)
        #expect(result(0.4, 0.2).category == .partialResponse)
        #expect(result(0.4, 0.2).reasons.map(\.en) == ["extent across the bone 0.4 → 0.2 (-50.0 %, ≥ 50 % decrease)"])
        #expect(result(0.4, 0.21).category == .notEvaluable)
        #expect(result(0.4, 0.4).category == .notEvaluable)
        // One study without a fraction, or a zero before: no extent to compare.
        #expect(result(nil, 0.6).category == .notEvaluable)
        #expect(result(0, 0.6).category == .notEvaluable)
    }

    @Test func aConversionToBlasticIsNotComparedByExtent() {
        // Lytic 0.4 → blastic 0.6: the sclerosis's extent is not the destruction's — conversion, PR.
        var prior = observation("L1", .lytic)
        prior.fractionOfDiameter = 0.4
        var current = observation("L1", .blastic)
        current.fractionOfDiameter = 0.6
        let converted = MDA.classify(prior: prior, current: current, modality: .xray)
        #expect(converted.category == .partialResponse)
        #expect(converted.reasons.map(\.en) == ["lytic-to-blastic conversion"])
        // Blastic on both, grown by half: progression, as a product of diameters would be.
        prior.character = .blastic
        #expect(MDA.classify(prior: prior, current: current, modality: .xray).category == .progressiveDisease)
    }

    @Test func measuredDiametersDecideBeforeTheExtent() {
        // The product of diameters is the measure when both studies have it (+ 4 %: SD).
        let measured = result(0.4, 0.6, diameters: ([30, 20], [31, 20]))
        #expect(measured.category == .stableDisease)
    }

    @Test func theRecordReadsProgressionOnTheFilm() throws {
        var r = baseCase()
        r.studies = [film("X0", "2026-05-04", 0.3, .mixed), film("X1", "2026-08-10", 0.3, .mixed), film("X2", "2026-11-13", 0.55)]
        r.studies[1].observations[0].scleroticRim = true
        r.treatments = [Treatment(
            id: "T1", kind: .systemic, name: "氟维司群+阿贝西利", drugs: ["fulvestrant", "abemaciclib"], systemicClass: .endocrine,
            start: day("2026-05-10"))]
        let a = assess(r, asOf: day("2026-12-04"))
        let last = try #require(a.timePoints.first { $0.study == "X2" })
        #expect(last.overall == .progressiveDisease)
        #expect(last.lesions.first?.reasons.map(\.en) == ["extent across the bone 0.3 → 0.55 (+83.3 %, ≥ 25 %)"])
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }
}

/// cb65-d (unseen record, 2026-12-04): an EGFR-mutant lung adenocarcinoma, osimertinib from
/// 20 July; the CT of 8 September (50 days) read L1 with a new sclerotic rim and fill-in, the
/// ilium filling in, and three new sclerotic foci (T8, scapula, sternum) the baseline CT had not
/// shown. Rule set 2026.12.260 read PD — new sclerosis sooner than the latency (8 weeks) "was there
/// before the therapy could act" — though the same CT showed the therapy acting on bone. MDA's flare
/// is new sclerosis "with other signs of response and no progressive bone disease" (Hamaoka 2004).
@Suite struct EarlyFlareBesideHealingTests {
    func record(knownHeals: Bool = true, newLytic: Bool = false, day ctDay: Int = 50) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌 EGFR L858R", histologyType: .adenocarcinoma, diagnosed: day("2026-07"))]
        r.lesions = [
            Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L1")), Lesion(id: "T8", bone: .vertebra, level: VertebralLevel("T8")),
            Lesion(id: "IL", bone: .pelvis, laterality: .left),
        ]
        let start = day("2026-07-20")
        r.studies = [
            ct("C0", "2026-07-10", [observation("L1", .lytic, [25, 20]) { $0.boneDestruction = true }, observation("IL", .lytic, [30, 22]) { $0.boneDestruction = true }]),
            ct("C1", start.adding(days: ctDay).description, [
                observation("L1", knownHeals ? .mixed : .lytic, [24, 19]) { $0.scleroticRim = knownHeals; $0.boneDestruction = !knownHeals },
                observation("IL", .lytic, [29, 21]) { $0.boneDestruction = true },
                observation("T8", newLytic ? .lytic : .blastic) { $0.boneDestruction = newLytic },
            ]),
        ]
        r.treatments = [Treatment(id: "OSI", kind: .systemic, name: "奥希替尼", drugs: ["osimertinib"], systemicClass: .targeted, start: start)]
        r.biopsies = [Biopsy(lesion: "IL", date: day("2026-07-14"), decalcification: .edta, result: .metastasis)]
        return r
    }

    func point(_ r: CaseRecord) throws -> TimePointResponse {
        try #require(assess(r, asOf: day("2026-12-04")).timePoints.first { $0.study == "C1" })
    }

    @Test func newSclerosisBesideARimIsFlare() throws {
        let p = try point(record())
        #expect(p.overall == .partialResponse)
        let t8 = try #require(p.lesions.first { $0.lesion == "T8" })
        #expect(t8.flare)
        #expect(t8.reasons.last?.en == "osteoblastic flare: the known lesions heal on the same study, so the therapy acts on bone already")
        #expect(t8.reasons.last?.zhHans == "成骨性闪烁：同次检查中已知病灶正在修复，说明治疗已对骨起效")
        let a = assess(record(), asOf: day("2026-12-04"))
        #expect(a.has("boneHealth.mda.flare", subject: .lesion("T8")))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func withoutHealingTheLatencyStands() throws {
        // Nothing heals on the study: new sclerosis 50 days in was there before the therapy could
        // act (reference.md) — neither its response nor its failure (rule set 2026.12.324; .261
        // read it as progression).
        let early = try point(record(knownHeals: false))
        #expect(early.overall == .stableDisease, "the known lesions stand still")
        let t8 = try #require(early.lesions.first { $0.lesion == "T8" })
        #expect(t8.category == .notEvaluable && !t8.flare)
        #expect(t8.reasons.last?.en.hasPrefix("new sclerotic lesion first seen 50 days into 奥希替尼 — sooner than a treatment effect on bone can appear (setting: 8 weeks)") == true)
        // A new lytic lesion beside it is progression whatever else heals.
        #expect(try point(record(newLytic: true)).overall == .progressiveDisease)
    }

    /// cb90-w (unseen record, 2026-12-05): a new sclerotic rib focus 21 days into osimertinib read
    /// "PD" as a warning beside "unexplained pure blastic lesion — get a bone scan". Before the
    /// latency it is neither the regimen's response nor its failure; untreated, or lytic, it is
    /// progression as before; from the latency on, "not progression by itself" (SD).
    @Test func newSclerosisBeforeTheLatencyIsNoProgression() throws {
        let early = try point(record(knownHeals: false, day: 21))
        #expect(early.lesions.first { $0.lesion == "T8" }?.category == .notEvaluable)
        #expect(early.overall != .progressiveDisease)
        let a = assess(record(knownHeals: false, day: 21), asOf: day("2026-08-12"))
        #expect(!a.findings.contains { $0.ruleId == "boneHealth.mda.timePoint" && $0.severity == .warning })
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        #expect(try point(record(knownHeals: false, newLytic: true, day: 21)).overall == .progressiveDisease)
        var untreated = record(knownHeals: false, day: 21)
        untreated.treatments = []
        #expect(try point(untreated).lesions.first { $0.lesion == "T8" }?.category == .progressiveDisease)
        #expect(try point(record(knownHeals: false, day: 60)).lesions.first { $0.lesion == "T8" }?.category == .stableDisease)
    }

    @Test func theBoundaryMeetsTheFlareWindow() throws {
        // Day 55 (before the 8-week latency) by this rule, day 56 by the flare window's: both flare.
        #expect(try point(record(day: 55)).lesions.first { $0.lesion == "T8" }?.flare == true)
        #expect(try point(record(day: 56)).lesions.first { $0.lesion == "T8" }?.flare == true)
        // After the flare window (12 weeks): new sclerosis under therapy is not progression by
        // itself, but no flare.
        let late = try point(record(day: 85))
        #expect(late.lesions.first { $0.lesion == "T8" }?.flare == false)
        #expect(late.lesions.first { $0.lesion == "T8" }?.category == .stableDisease)
    }
}

/// cb65-e (unseen record, 2026-12-04): a breast cancer diagnosed in March 2020, on zoledronic acid
/// 4 mg every 12 weeks since January 2022 and exemestane + everolimus since November 2024; the
/// first CT on record is of December 2025. Rule set 2026.12.261 measured the disease-free interval
/// to that CT — five years — and asked for a biopsy ("a second primary or myeloma is possible").
/// An agent on the metastatic schedule (every 3–4 or 12 weeks; CALGB 70604) shows the bone disease
/// known when it began; the adjuvant schedule (every 6 months; ASCO–CCO 2017) and the bone-loss
/// dose do not.
@Suite struct BoneAgentEndsTheDiseaseFreeIntervalTests {
    func record(_ agent: Treatment?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histologyType: .ductalCarcinoma, diagnosed: day("2020-03"))]
        r.lesions = [Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11"))]
        r.studies = [ct("C1", "2025-12-01", [observation("T11", .mixed) { $0.boneDestruction = true }])]
        r.treatments = agent.map { [$0] } ?? []
        return r
    }

    func zoledronic(weeks: Int?, dose: Double = 4, start: String = "2022-01-10") -> Treatment {
        Treatment(id: "ZA", kind: .boneModifyingAgent, start: day(start), agent: .zoledronicAcid, doseMg: dose, intervalWeeks: weeks)
    }

    func asksBiopsy(_ agent: Treatment?) -> Bool {
        assess(record(agent), asOf: day("2026-12-04")).rule("diagnosis.biopsy.indicated").contains { $0.detail.en.contains("long disease-free interval") }
    }

    @Test func aMetastaticScheduleBeforeTheFirstStudyEndsTheInterval() {
        #expect(!asksBiopsy(zoledronic(weeks: 12)))
        #expect(!asksBiopsy(zoledronic(weeks: 4)))
        #expect(!asksBiopsy(Treatment(id: "DN", kind: .boneModifyingAgent, start: day("2022-01-10"), agent: .denosumab, doseMg: 120, intervalWeeks: 4)))
        // Without an agent the interval is the record's: five years, biopsy.
        #expect(asksBiopsy(nil))
    }

    @Test func otherSchedulesLeaveTheIntervalOpen() {
        // Every 6 months (adjuvant), every 13 weeks, the bone-loss dose, no interval recorded,
        // begun after the first study: no sign the bone disease was known before it.
        #expect(asksBiopsy(zoledronic(weeks: 26)))
        #expect(asksBiopsy(zoledronic(weeks: 13)))
        #expect(asksBiopsy(zoledronic(weeks: 52, dose: 5)))
        #expect(asksBiopsy(zoledronic(weeks: nil)))
        #expect(asksBiopsy(zoledronic(weeks: 4, start: "2025-12-10")))
    }
}

/// cb65-f (unseen record, 2026-12-04): a thyroid cancer's T10 compression, ESCC 3 and Frankel C on
/// 2 December, "地塞米松 10mg iv 后 4mg q6h" entered that day. Rule set 2026.12.262 said
/// "dexamethasone 16 mg as soon as possible" beside the order already given (NICE NG234). The
/// steroid begun for the deficit and still running is named instead; one stopped, begun long
/// before, or only planned is not.
@Suite struct DexamethasoneOnRecordTests {
    func record(_ steroid: Treatment?) -> CaseRecord {
        var r = spineCompressionCase(
            primary: PrimaryCancer(id: "P1", site: .breast, histologyType: .ductalCarcinoma, diagnosed: day("2022-06")),
            performance: PerformanceStatus(date: day("2023-01-04"), ecog: 2), visceral: [])
        r.neurology = [NeurologyRecord(date: day("2023-01-04"), status: .myelopathy, frankel: .C, lesion: "L1")]
        r.treatments = steroid.map { [$0] } ?? []
        return r
    }

    func dexamethasone(start: String, end: String? = nil, planned: Bool = false) -> Treatment {
        Treatment(id: "DEX", kind: .systemic, name: "地塞米松 10mg iv 后 4mg q6h", drugs: ["dexamethasone"], start: day(start), end: end.map(day), planned: planned)
    }

    func detail(_ steroid: Treatment?) throws -> LocalizedText {
        try #require(assess(record(steroid), asOf: day("2023-01-06")).rule("surgery.spine.noms").first).detail
    }

    @Test func theSteroidGivenIsNamedNotAskedFor() throws {
        let given = try detail(dexamethasone(start: "2023-01-04"))
        #expect(given.en.contains("an emergency: dexamethasone on record since 2023-01-04 (地塞米松 10mg iv 后 4mg q6h); MRI of the whole spine"), "\(given.en)")
        #expect(given.zhHans.contains("已给予地塞米松（2023-01-04 起，地塞米松 10mg iv 后 4mg q6h）；"))
        #expect(!given.en.contains("dexamethasone 16 mg as soon as possible"))
        // Begun a week before the deficit was recorded (the admission): still this course.
        #expect(try detail(dexamethasone(start: "2022-12-28")).en.contains("dexamethasone on record since 2022-12-28"))
    }

    @Test func otherwiseItIsAskedFor() throws {
        let ask = "dexamethasone 16 mg as soon as possible"
        #expect(try detail(nil).en.contains(ask))
        #expect(try detail(dexamethasone(start: "2022-12-27")).en.contains(ask))
        // Begun more than a week before the deficit, or planned. (Begun for it and stopped before
        // the day assessed: named, with the question whether it goes on — DexamethasoneGivenOnceTests.)
        #expect(try detail(dexamethasone(start: "2023-01-05", planned: true)).en.contains(ask))
    }
}

/// cb66-b (unseen record, 2026-12-04): a prostate cancer of 2018 (ADT for two years, PSA 0.08
/// ng/mL) and a lung squamous-cell carcinoma of September 2026; a lytic rib with a soft-tissue mass
/// and a blastic L2 with uptake. Rule set 2026.12.263 explained L2 as "prostate cancer typically
/// gives blastic metastases" because a prostate cancer was on record, while the rib's finding said
/// the primary was open. A prostate primary explains a blastic lesion only when it is the lesion's
/// one candidate.
@Suite struct ProstateExplainsOnlyItsOwnLesionTests {
    func record(lung: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histologyType: .adenocarcinoma, diagnosed: day("2018-05"))]
        if lung { r.primaries.append(PrimaryCancer(id: "P2", site: .lung, histologyType: .squamousCellCarcinoma, diagnosed: day("2026-09"))) }
        r.lesions = [Lesion(id: "RB", bone: .rib, laterality: .right), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2"))]
        r.studies = [
            ct("C1", "2026-09-10", [observation("RB", .lytic) { $0.boneDestruction = true }, observation("L2", .blastic)]),
            survey("B1", "2026-09-15", ["RB", "L2"]),
        ]
        r.treatments = []
        return r
    }

    @Test func twoCandidatePrimariesLeaveTheBlasticLesionOpen() throws {
        let a = assess(record(lung: true), asOf: day("2026-09-20"))
        #expect(!a.has("diagnosis.blastic.explained", subject: .lesion("L2")))
        let open = try #require(a.rule("diagnosis.blastic.uptakeBiopsy").first)
        #expect(open.detail.en.hasPrefix("No lytic component, no treatment to explain it, its primary open (prostate (adenocarcinoma) or lung (squamous-cell carcinoma)), and tracer uptake"), "\(open.detail.en)")
        #expect(open.detail.zhHans.hasPrefix("无溶骨成分，无治疗可解释，其原发灶未定（"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // The prostate alone: explained, as before.
        let alone = assess(record(lung: false), asOf: day("2026-09-20"))
        #expect(alone.rule("diagnosis.blastic.explained").first?.detail.en == "Prostate cancer typically gives blastic metastases; biopsy only if the picture is atypical.")
    }
}

/// cb66-c (unseen record, 2026-12-04): an ALK-positive lung cancer on alectinib; the femur, healed,
/// turned mixed with destruction (PD) on the CT of 20 May 2026, the MDT decided on SBRT and to
/// continue alectinib, and the femur was irradiated from 3 June. Rule set 2026.12.264 kept the
/// CT's "progressive disease" a warning on the first screen six months later. A progression whose
/// every progressing lesion was treated locally since is history until the next study: info,
/// naming the treatment.
@Suite struct ProgressionTreatedLocallyTests {
    func record(radiotherapy: [Treatment], secondProgressing: Bool = false, unnamed: Int = 0) -> CaseRecord {
        var r = baseCase()
        r.lesions.append(Lesion(id: "L2", bone: .pelvis, laterality: .left))
        r.studies = [
            ct("S1", "2026-01-05", [observation("L1", .lytic, [20, 15]) { $0.boneDestruction = true }, observation("L2", .lytic, [20, 15]) { $0.boneDestruction = true }]),
            ct("S2", "2026-05-20", [
                observation("L1", .lytic, [30, 20]) { $0.boneDestruction = true },
                observation("L2", .lytic, secondProgressing ? [30, 20] : [20, 15]) { $0.boneDestruction = true },
            ]),
        ]
        r.studies[1].unnamedNewLesions = unnamed
        r.treatments[0].start = day("2025-12-01")
        r.treatments += radiotherapy
        return r
    }

    func sbrt(_ start: String, planned: Bool = false, lesion: String = "L1") -> Treatment {
        Treatment(id: "RT\(lesion)\(start)", kind: .radiotherapy, name: "SBRT 24Gy/3F", lesions: [lesion], start: day(start), planned: planned)
    }

    func finding(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-12-04")).findings.first { $0.ruleId == "boneHealth.mda.timePoint" && $0.subject == .study("S2") })
    }

    @Test func aProgressionTreatedSinceIsHistory() throws {
        let treated = try finding(record(radiotherapy: [sbrt("2026-06-03")]))
        #expect(treated.severity == .info)
        #expect(treated.title.en == "CT of 2026-05-20: bone response progressive disease (PD) (MDA) — treated since: SBRT 24Gy/3F 2026-06-03– (radiotherapy)", "\(treated.title.en)")
        #expect(treated.title.zhHans.hasSuffix("——其后已处理：SBRT 24Gy/3F 2026-06-03–（放疗）"))
        #expect(treated.claims.contains(Claim(.progression, about: "S2", "progression")))
    }

    @Test func otherwiseItStaysAWarning() throws {
        // No treatment, one given before the study, one only planned.
        #expect(try finding(record(radiotherapy: [])).severity == .warning)
        #expect(try finding(record(radiotherapy: [sbrt("2026-05-19")])).severity == .warning)
        #expect(try finding(record(radiotherapy: [sbrt("2026-06-03", planned: true)])).severity == .warning)
        // A second lesion progressing untreated, or new lesions not itemised.
        #expect(try finding(record(radiotherapy: [sbrt("2026-06-03")], secondProgressing: true)).severity == .warning)
        #expect(try finding(record(radiotherapy: [sbrt("2026-06-03"), sbrt("2026-06-03", lesion: "L2")], secondProgressing: true)).severity == .info)
        #expect(try finding(record(radiotherapy: [sbrt("2026-06-03")], unnamed: 2)).severity == .warning)
    }
}

/// cb66-f (unseen record, 2026-12-04): a renal-cell carcinoma on cabozantinib since August, no dose
/// dates (a daily tablet), its peritrochanteric femur planned for curettage, cement and a nail on
/// 8 December. Rule set 2026.12.265 said only "while it is taken, the interval counts from the day
/// it is stopped": the operation four days on is inside the 28-day hold whenever the drug stops,
/// and nothing said so.
@Suite struct PlannedOperationInsideARunningHoldTests {
    func record(operation: String) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2023-02"))]
        r.treatments = [
            Treatment(id: "CAB", kind: .systemic, name: "卡博替尼 40mg qd", drugs: ["cabozantinib"], systemicClass: .targeted, start: day("2026-08-10")),
            Treatment(id: "OP", kind: .surgery, name: "股骨病灶刮除+髓内钉", lesions: ["L1"], start: day(operation), planned: true),
        ]
        return r
    }

    func text(_ operation: String) throws -> LocalizedText {
        try #require(assess(record(operation: operation), asOf: day("2026-12-04")).rule("surgery.timing.antiAngiogenic").first).detail
    }

    @Test func anOperationSoonerThanTheHoldFromTodayIsNamed() throws {
        let soon = try text("2026-12-08")
        #expect(soon.en.contains("The planned 股骨病灶刮除+髓内钉 on 2026-12-08 falls inside the hold even if the drug is stopped today (2026-12-04): move it to 2027-01-01 or later"), "\(soon.en)")
        #expect(soon.zhHans.contains("即使今日（2026-12-04）停药也仍在停药间隔内：推迟至 2027-01-01 或之后"))
        // On the day the hold would end if stopped today: not inside it; nor later.
        #expect(!(try text("2027-01-01")).en.contains("falls inside the hold"))
        #expect(try text("2026-12-31").en.contains("falls inside the hold"))
    }
}

/// cb67-e (unseen record, 2026-12-04): a prostate cancer on goserelin + bicalutamide since 2019,
/// stopped for progression in August 2026, testosterone 0.3 ng/mL in October, abiraterone begun,
/// a mixed peritrochanteric femur. Rule set 2026.12.267 read "record the castration status": only
/// a confirmed PSA progression under a running deprivation settled it. Progression that stopped
/// the hormonal regimen, with castrate testosterone measured under it, is castration resistance
/// (PCWG3, Scher 2016).
@Suite struct StoppedADTWithCastrateTestosteroneTests {
    func record(stop: StopReason? = .progression, testosterone: (String, Double)? = ("2026-10-05", 0.3)) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histologyType: .adenocarcinoma, diagnosed: day("2019"))]
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .peritrochanteric, laterality: .right), Lesion(id: "L5", bone: .vertebra, level: VertebralLevel("L5"))]
        r.studies = [ct("C1", "2026-10-10", [observation("L1", .mixed) { $0.boneDestruction = true }, observation("L5", .blastic)])]
        r.treatments = [
            Treatment(id: "ADT", kind: .systemic, name: "比卡鲁胺+戈舍瑞林", drugs: ["bicalutamide", "goserelin"], systemicClass: .endocrine,
                      start: day("2019-06"), end: day("2026-08-20"), stopReason: stop),
            Treatment(id: "ABI", kind: .systemic, name: "阿比特龙+泼尼松", drugs: ["abiraterone", "prednisone"], systemicClass: .endocrine, start: day("2026-10-12")),
        ]
        r.labs = testosterone.map { [LabResult(date: day($0.0), test: .testosterone, value: $0.1, unit: "ng/mL")] } ?? []
        return r
    }

    func indication(_ r: CaseRecord) throws -> Finding { try indicationFinding(r, asOf: "2026-12-04") }

    @Test func castrateTestosteroneUnderTheStoppedRegimenIsResistance() throws {
        let f = try indication(record())
        #expect(f.detail.en.hasPrefix("Castration-resistant prostate cancer (PCWG3): 比卡鲁胺+戈舍瑞林 was stopped for progression (2026-08-20) with testosterone at castrate level (0.3 ng/mL (30 ng/dL), 2026-10-05; < 50 ng/dL)."), "\(f.detail.en)")
        #expect(f.detail.zhHans.hasPrefix("去势抵抗性前列腺癌（PCWG3）：比卡鲁胺+戈舍瑞林因进展停用（2026-08-20），睾酮处于去势水平"))
        #expect(f.claims.contains(Claim(.boneAgentIndication, about: "patient", "start")))
        // New Katagiri reads the same state: hormone-independent prostate, moderate growth (2).
        let katagiri = try #require(assess(record(), asOf: day("2026-12-04")).rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("primary lesion: prostate (moderate growth) → 2"), "\(katagiri.detail.en)")
        let unsettled = try #require(assess(record(testosterone: nil), asOf: day("2026-12-04")).rule("surgery.prognosis.katagiri").first)
        #expect(unsettled.detail.en.contains("primary lesion: prostate → 0–2"), "\(unsettled.detail.en)")
    }

    @Test func otherwiseTheStatusIsStillAskedFor() throws {
        let ask = "record the castration status"
        // Stopped for another reason; no testosterone; testosterone not castrate; measured more
        // than regimenGapDays (56) after the stop (15 October is day 56: still under it).
        #expect(try indication(record(stop: .completed)).detail.en.contains(ask))
        #expect(try indication(record(testosterone: nil)).detail.en.contains(ask))
        #expect(try indication(record(testosterone: ("2026-10-05", 2.1))).detail.en.contains(ask))
        #expect(try indication(record(testosterone: ("2026-10-16", 0.3))).detail.en.contains(ask))
        #expect(try !indication(record(testosterone: ("2026-10-15", 0.3))).detail.en.contains(ask))
    }
}

/// cb69-a (unseen record, 2026-12-04): a solitary plasmacytoma of T11 ("孤立性骨浆细胞瘤", biopsy
/// plasma-cell tumour, whole-body PET-CT showing no other lesion, no CRAB), irradiated 45 Gy.
/// Rule set 2026.12.269 read "Myeloma bone disease without a bone-modifying agent — start (Raje
/// 2018)". IMWG (Rajkumar 2014) separates a solitary plasmacytoma from myeloma; Raje 2018 enrolled
/// multiple myeloma.
@Suite struct SolitaryPlasmacytomaTests {
    func record(lesions: Int = 1, haemoglobin: Double = 13.8) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .myeloma, histology: "孤立性骨浆细胞瘤", histologyType: .plasmacytoma, diagnosed: day("2026-10"))]
        r.lesions = (0..<lesions).map { Lesion(id: "V\($0)", bone: .vertebra, level: VertebralLevel(["T11", "L2", "T5"][$0]), primary: "P1") }
        r.studies = [ImagingStudy(
            id: "P", date: day("2026-10-08"), modality: .petCt, coverage: [.wholeBody],
            observations: r.lesions.map { lesion in observation(lesion.id, .lytic) { $0.uptake = true; $0.boneDestruction = true } })]
        r.biopsies = [Biopsy(lesion: "V0", date: day("2026-10-12"), decalcification: .edta, result: .myeloma)]
        r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: "T11 45Gy/25F", lesions: ["V0"], start: day("2026-11-02"))]
        r.labs = [LabResult(date: day("2026-10-10"), test: .hemoglobin, value: haemoglobin, unit: "g/dL")]
        return r
    }

    func indication(_ r: CaseRecord) throws -> Finding { try indicationFinding(r, asOf: "2026-12-04") }

    @Test func oneLesionWithoutCRABIsNoMyelomaBoneDisease() throws {
        let f = try indication(record())
        #expect(f.title.en == "Solitary plasmacytoma: no established indication for a bone-modifying agent")
        #expect(f.title.zhHans == "孤立性浆细胞瘤：骨改良药物适应证未确立")
        #expect(f.severity == .info)
        #expect(f.claims.contains(Claim(.boneAgentIndication, about: "patient", "notEstablished")))
    }

    @Test func severalLesionsOrAnaemiaAreMyeloma() throws {
        #expect(try indication(record(lesions: 2)).title.en == "Myeloma bone disease without a bone-modifying agent")
        #expect(try indication(record(haemoglobin: 8.9)).title.en == "Myeloma bone disease without a bone-modifying agent")
    }
}
