import BoneMetRules
import Testing

/// cb24-f (unseen record, 2026-12-03): an 80-year-old man with castration-resistant prostate
/// cancer, blastic pelvis, L4, rib and femur, enzalutamide stopped for progression — and liver
/// metastases — was given radium-223 on denosumab, and nothing was said. The Xofigo label is for
/// castration-resistant disease with symptomatic bone metastases and no known visceral metastatic
/// disease (ALSYMPCA, Parker 2013, enrolled none), asks for blood counts before every dose (first:
/// platelets ≥ 100 × 10⁹/L, haemoglobin ≥ 10 g/dL; later: platelets ≥ 50 × 10⁹/L) and advises
/// against chemotherapy beside it outside trials. Rule set 2026.12.149.
@Suite struct RadiumAgainstItsLabelTests {
    func record(
        visceral: [VisceralMetastasis]? = nil, castrationResistant: Bool? = true, planned: Bool = false,
        labs: [LabResult] = [], chemotherapyEnd: String? = "2025-03-01"
    ) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2019-02"), castrationResistant: castrationResistant)]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right, primary: "P1"), Lesion(id: "L2", bone: .rib, laterality: .left, primary: "P1")]
        r.studies = [ct("C1", "2025-04-22", [observation("L1", .blastic, [30, 25]), observation("L2", .blastic, [15, 10])])]
        r.treatments = [
            Treatment(id: "A1", kind: .systemic, drugs: ["戈舍瑞林"], start: day("2019-03-01")),
            Treatment(id: "T2", kind: .systemic, drugs: ["多西他赛"], start: day("2024-11-01"), end: chemotherapyEnd.map(day)),
            Treatment(id: "T4", kind: .systemic, name: "镭-223 55 kBq/kg 每4周", start: planned ? nil : day("2025-05-05"), planned: planned),
            Treatment(id: "D1", kind: .boneModifyingAgent, start: day("2025-01-10"), agent: .denosumab, doseMg: 120, intervalWeeks: 4),
        ]
        r.visceralMetastases = visceral
        r.labs = labs
        return r
    }

    func lab(_ test: LabTest, _ value: Double, _ unit: String, _ date: String = "2025-05-01") -> LabResult {
        LabResult(date: day(date), test: test, value: value, unit: unit)
    }

    @Test func visceralMetastasesTakeItOutsideItsLabel() throws {
        let a = assess(record(visceral: [VisceralMetastasis(organ: "liver", date: day("2025-04-22"))]), asOf: day("2025-05-20"))
        let finding = try #require(a.rule("boneAgents.radium223.label").first)
        #expect(finding.severity == .warning && finding.subject == .treatment("T4") && finding.specialty == .medicalOncology)
        #expect(finding.detail.en.contains("visceral metastases on record — liver (2025-04-22): the label is for disease without known visceral metastases, and ALSYMPCA enrolled none"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("病历有内脏转移——liver（2025-04-22）"), "\(finding.detail.zhHans)")
        #expect(finding.sources.map(\.id) == ["xofigoIndication", "parker2013"])
        #expect(finding.title.zhHans == "镭-223 超出说明书适用范围")
    }

    @Test func lymphNodesAloneOrNoneRecordedSayNothing() {
        #expect(!assess(record(visceral: [VisceralMetastasis(organ: "盆腔淋巴结")]), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
        #expect(!assess(record(visceral: []), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
        #expect(!assess(record(), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
    }

    @Test func castrationSensitiveDiseaseIsOutsideItsLabel() throws {
        let finding = try #require(assess(record(castrationResistant: false), asOf: day("2025-05-20")).rule("boneAgents.radium223.label").first)
        #expect(finding.detail.en.contains("recorded as castration-sensitive"))
        // Not recorded either way: not said (the indication finding asks for the status).
        #expect(!assess(record(castrationResistant: nil), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
    }

    @Test func plateletsAtTheFirstDoseLimit() throws {
        // Planned: the first dose's 100 × 10⁹/L; 100 itself passes, just below does not.
        let at = record(planned: true, labs: [lab(.platelets, 100, "10^9/L")])
        #expect(!assess(at, asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
        let below = record(planned: true, labs: [lab(.platelets, 99, "10^9/L")])
        let finding = try #require(assess(below, asOf: day("2025-05-20")).rule("boneAgents.radium223.label").first)
        #expect(finding.detail.en.contains("is planned: platelets 99 000/µL (2025-05-01) below the label's 100 000/µL before the first dose"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("血小板 99 000/µL（2025-05-01）低于说明书首次给药前要求的 100 000/µL"), "\(finding.detail.zhHans)")
    }

    /// Given: platelets before the first dose are held to the first dose's 100 × 10⁹/L.
    @Test func plateletsBeforeAGivenFirstDose() throws {
        let finding = try #require(assess(record(labs: [lab(.platelets, 80, "10^9/L")]), asOf: day("2025-06-01")).rule("boneAgents.radium223.label").first)
        #expect(finding.detail.en.contains("its first dose (2025-05-05) followed platelets of 80 000/µL (2025-05-01), below the label's 100 000/µL before the first dose"), "\(finding.detail.en)")
    }

    @Test func plateletsAtTheLaterDoseLimit() throws {
        // Given: the later doses' 50 × 10⁹/L — 80 passes, 50 passes, 49 does not.
        for (count, said) in [(80.0, false), (50, false), (49, true)] {
            let a = assess(record(labs: [lab(.platelets, count, "10^9/L", "2025-05-30")]), asOf: day("2025-06-01"))
            #expect(a.has("boneAgents.radium223.label") == said, "platelets \(count)")
        }
    }

    @Test func haemoglobinCountsBeforeTheFirstDoseOnly() throws {
        let planned = try #require(assess(record(planned: true, labs: [lab(.hemoglobin, 9.9, "g/dL")]), asOf: day("2025-05-20")).rule("boneAgents.radium223.label").first)
        #expect(planned.detail.en.contains("haemoglobin 9.9 g/dL (2025-05-01) below the label's 10 g/dL before the first dose"), "\(planned.detail.en)")
        #expect(!assess(record(planned: true, labs: [lab(.hemoglobin, 100, "g/L")]), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
        // Under way: haemoglobin has no limit of its own in the label for the later doses — a
        // count after the first dose (2025-05-05) says nothing; one before it was the first
        // dose's (2026.12.315, unseen record cb81-ab).
        #expect(!assess(record(labs: [lab(.hemoglobin, 9.0, "g/dL", "2025-05-15")]), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
        let first = try #require(assess(record(labs: [lab(.hemoglobin, 9.0, "g/dL")]), asOf: day("2025-05-20")).rule("boneAgents.radium223.label").first)
        #expect(first.detail.en.contains("runs: its first dose (2025-05-05) followed a haemoglobin of 9 g/dL (2025-05-01), below the label's 10 g/dL before the first dose"), "\(first.detail.en)")
        #expect(first.detail.zhHans.contains("首次给药（2025-05-05）前血红蛋白 9 g/dL（2025-05-01），低于说明书首次给药前要求的 10 g/dL"), "\(first.detail.zhHans)")
    }

    @Test func chemotherapyBesideItIsOutsideItsLabel() throws {
        // Docetaxel still running when radium-223 began.
        let finding = try #require(assess(record(chemotherapyEnd: nil), asOf: day("2025-05-20")).rule("boneAgents.radium223.label").first)
        #expect(finding.detail.en.contains("chemotherapy beside it (多西他赛"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("not recommended outside clinical trials"))
        // Ended the day before radium-223: a sequence, not a combination.
        #expect(!assess(record(chemotherapyEnd: "2025-05-04"), asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
    }

    @Test func aFinishedCourseAsksNothing() {
        var r = record(visceral: [VisceralMetastasis(organ: "liver", date: day("2025-04-22"))])
        r.treatments[2].end = day("2025-05-10")
        #expect(!assess(r, asOf: day("2025-05-20")).has("boneAgents.radium223.label"))
    }
}

/// cb23-aa (unseen record, 2026-12-03): a prostate cancer diagnosed in December, leuprorelin,
/// abiraterone and prednisone from 5 January — the first systemic therapy on record — PSA 86 → 4.2
/// ng/mL, zoledronic acid 4 mg every 4 weeks, castration status not recorded. The choice finding
/// read only "record the castration status". A cancer responding to its first androgen
/// deprivation is castration-sensitive: castration resistance is progression with castrate
/// testosterone (PCWG3, Scher 2016) — and SRE-prevention doses bring nothing there (CALGB 90202).
/// Rule set 2026.12.150: said beside the request, as the progression under ADT is (2026.12.112).
@Suite struct PSAFallUnderFirstHormonalTherapyTests {
    func record(psa: [(String, Double)] = [("2025-12-18", 86), ("2026-02-05", 4.2)], extra: [Treatment] = [], castrationResistant: Bool? = nil) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2025-12"), castrationResistant: castrationResistant)]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left, primary: "P1"), Lesion(id: "L2", bone: .rib, laterality: .right, primary: "P1")]
        r.studies = [ct("C1", "2025-12-22", [observation("L1", .blastic, [20, 20]), observation("L2", .blastic, [12, 10])])]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "亮丙瑞林 + 阿比特龙 + 泼尼松", start: day("2026-01-05")),
            Treatment(id: "T2", kind: .boneModifyingAgent, start: day("2026-01-10"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4, doses: [day("2026-01-10"), day("2026-02-07")]),
        ] + extra
        r.labs = psa.map { LabResult(date: day($0.0), test: .psa, value: $0.1, unit: "ng/mL", upperLimit: 4) }
            + [LabResult(date: day("2026-01-08"), test: .creatinine, value: 1.0, unit: "mg/dL")]
        return r
    }

    func choice(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-02-20")).rule("boneAgents.choice").first)
    }

    @Test func aFallUnderTheFirstHormonalTherapyIsSaidToBeCastrationSensitive() throws {
        let finding = try choice(record())
        #expect(finding.detail.en.contains("PSA falls under the first systemic therapy on record, a hormonal one begun 2026-01-05 (亮丙瑞林 + 阿比特龙 + 泼尼松: 86 → 4.2 ng/mL, 2026-02-05): a cancer responding to its first androgen deprivation is castration-sensitive"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("其间 PSA 下降（86 → 4.2 ng/mL，2026-02-05）：对首次雄激素剥夺治疗有反应即为去势敏感"), "\(finding.detail.zhHans)")
        #expect(finding.sources.contains { $0.id == "scher2016" })
    }

    @Test func noFallNoEarlierValueOrARecordedStatusSayNothing() throws {
        // Not below the value before it.
        #expect(!(try choice(record(psa: [("2025-12-18", 86), ("2026-02-05", 86)]))).detail.en.contains("PSA falls"))
        // No value before the therapy began.
        #expect(!(try choice(record(psa: [("2026-02-05", 4.2)]))).detail.en.contains("PSA falls"))
        // The status recorded: the indication says it itself.
        #expect(!(try choice(record(castrationResistant: true))).detail.en.contains("PSA falls"))
    }

    @Test func anotherRegimenEarlierOrLaterLeavesItOpen() throws {
        // Docetaxel before it: not the first systemic therapy on record.
        let earlier = Treatment(id: "T0", kind: .systemic, drugs: ["多西他赛"], start: day("2025-06-01"), end: day("2025-10-01"))
        #expect(!(try choice(record(extra: [earlier]))).detail.en.contains("PSA falls"))
        // Enzalutamide begun after it: the step a resistance may have called for.
        let later = Treatment(id: "T3", kind: .systemic, drugs: ["恩扎卢胺"], start: day("2026-02-01"))
        #expect(!(try choice(record(extra: [later]))).detail.en.contains("PSA falls"))
        // ADT and abiraterone as two rows begun the same day: one first therapy.
        var split = record()
        split.treatments[0] = Treatment(id: "T1", kind: .systemic, drugs: ["亮丙瑞林"], start: day("2026-01-05"))
        split.treatments.append(Treatment(id: "T1b", kind: .systemic, drugs: ["阿比特龙", "泼尼松"], start: day("2026-01-05")))
        #expect(try choice(split).detail.en.contains("PSA falls"))
    }
}

/// cb24-n (unseen record, 2026-12-03): a breast cancer's bone scan of 20 August, fulvestrant +
/// abemaciclib and denosumab from 1 September, and a bone scan on 15 October — 44 days in — hotter
/// at L2 with two new foci: "bone response progressive disease (MDA)" as a warning against a
/// regimen that had not had the time to act on bone (reference.md: effects from weeks to about 3
/// months; PCWG3 reads the first scan after baseline at 8–12 weeks; latency setting 8 weeks).
/// Rule set 2026.12.151: a bone scan or PET within the latency of every regimen in its window says
/// it is too early to judge it, as an advisory; X-ray, CT and MRI stand as read (RECIST 1.1).
@Suite struct ScanTooEarlyToJudgeARegimenTests {
    func record(scanOn date: String, second: Modality = .boneScan, olderRegimen: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L2")), Lesion(id: "L2", bone: .pelvis, laterality: .right)]
        let hotter = [observation("L1") { $0.uptake = true; $0.uptakeChangePercent = 30 }, observation("L2") { $0.uptake = true }]
        r.studies = [
            ImagingStudy(id: "B1", date: day("2026-08-20"), modality: .boneScan, observations: [observation("L1") { $0.uptake = true }, observation("L2") { $0.uptake = true }]),
            ImagingStudy(id: "B2", date: day(date), modality: second, observations: hotter),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, drugs: ["氟维司群", "阿贝西利"], start: day("2026-09-01"))]
        if olderRegimen {
            r.treatments.append(Treatment(id: "T0", kind: .systemic, drugs: ["来曲唑"], start: day("2026-03-01")))
        }
        return r
    }

    func point(_ r: CaseRecord, _ asOf: String) throws -> Finding {
        try #require(assess(r, asOf: day(asOf)).rule("boneHealth.mda.timePoint").first { $0.subject == .study("B2") })
    }

    @Test func aScan44DaysInIsTooEarlyToJudgeTheRegimen() throws {
        let finding = try point(record(scanOn: "2026-10-15"), "2026-10-30")
        #expect(finding.severity == .advisory)
        #expect(finding.title.en.hasSuffix("(MDA) — 44 days into 氟维司群 + 阿贝西利: too early to judge it"), "\(finding.title.en)")
        #expect(finding.title.zhHans.hasSuffix("——氟维司群 + 阿贝西利仅用药 44 天：尚不能据此评价"), "\(finding.title.zhHans)")
        #expect(finding.detail.en.contains("had run 44 days at this scan — less than the 8 weeks (setting) a treatment effect on bone needs"), "\(finding.detail.en)")
        #expect(finding.sources.contains { $0.id == "scher2016" })
    }

    @Test func theLatencyIsTheBoundary() throws {
        // 55 days: still inside the 8 weeks; 56 days: the regimen is judged by the scan.
        #expect(try point(record(scanOn: "2026-10-26"), "2026-10-30").title.en.contains("too early to judge it"))
        let judged = try point(record(scanOn: "2026-10-27"), "2026-10-30")
        #expect(!judged.title.en.contains("too early"))
        #expect(judged.severity == .warning || judged.severity == .info)
    }

    @Test func anOlderRegimenInTheWindowOrAnAnatomicStudyIsJudgedAsRead() throws {
        // Letrozole running since March shares the window: its time was long enough.
        #expect(!(try point(record(scanOn: "2026-10-15", olderRegimen: true), "2026-10-30")).title.en.contains("too early"))
        // A CT stands as read (RECIST 1.1): growth or a new lytic lesion is progression whenever seen.
        var r = record(scanOn: "2026-10-15")
        r.studies = [ct("C1", "2026-08-20", [observation("L1", .lytic, [20, 15])]), ct("C2", "2026-10-15", [observation("L1", .lytic, [30, 25])])]
        let ctPoint = try #require(assess(r, asOf: day("2026-10-30")).rule("boneHealth.mda.timePoint").first { $0.subject == .study("C2") })
        #expect(!ctPoint.title.en.contains("too early"))
    }
}

/// cb24-n: corrected calcium 1.9 mmol/L on 25 October, denosumab given on the 27th with no calcium
/// since — the hypocalcaemia finding said only "correct it before the next dose". Rule set
/// 2026.12.152: doses given after the low result (the latest calcium) are named, and calcium is to
/// be measured now (Xgeva label: correct hypocalcaemia before dosing, monitor calcium).
@Suite struct DoseGivenAfterALowCalciumTests {
    func record(doses: [String]) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(
            id: "D1", kind: .boneModifyingAgent, start: day("2023-02-01"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: doses.map(day)))
        r.labs = [
            LabResult(date: day("2023-03-25"), test: .calcium, value: 1.9, unit: "mmol/L", lowerLimit: 2.1),
            LabResult(date: day("2023-03-25"), test: .albumin, value: 40, unit: "g/L"),
        ]
        return r
    }

    @Test func aDoseAfterTheLowResultIsNamed() throws {
        let finding = try #require(assess(record(doses: ["2023-02-01", "2023-03-01", "2023-03-27"]), asOf: day("2023-03-30")).rule("labs.hypocalcaemia").first)
        #expect(finding.detail.en.contains("Given since this result, with no calcium measured after it: denosumab on 2023-03-27 — measure calcium now"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("此结果之后已给药且其后未复查血钙：2023-03-27 地舒单抗"), "\(finding.detail.zhHans)")
    }

    @Test func dosesBeforeItOrOnItsDaySayNothing() throws {
        for doses in [["2023-02-01", "2023-03-01"], ["2023-02-01", "2023-03-25"]] {
            let finding = try #require(assess(record(doses: doses), asOf: day("2023-03-30")).rule("labs.hypocalcaemia").first)
            #expect(!finding.detail.en.contains("Given since this result"), "\(doses)")
        }
    }
}

/// cb24-o (unseen record, 2026-12-03): a renal-cell carcinoma's denosumab 120 mg recorded "every 12
/// weeks" was counted due at 12 weeks with no word that the label gives every 4 weeks — the
/// 12-week evidence is zoledronic acid's (CALGB 70604), a 12-weekly denosumab is under trial
/// (REDUSE, SAKK 96/12). Rule set 2026.12.153.
@Suite struct DenosumabIntervalTests {
    func record(weeks: Int?, dose: Double = 120) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(
            id: "D1", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .denosumab, doseMg: dose, intervalWeeks: weeks, doses: [day("2023-01-20")]))
        return r
    }

    @Test func twelveWeeklyDenosumabIsNotItsLabelsSchedule() throws {
        let finding = try #require(assess(record(weeks: 12), asOf: day("2023-03-21")).rule("boneAgents.denosumab.interval").first)
        #expect(finding.severity == .advisory && finding.subject == .treatment("D1"))
        #expect(finding.title.en == "Denosumab 120 mg every 12 weeks: the label gives 120 mg every 4 weeks")
        #expect(finding.title.zhHans == "地舒单抗 120 mg 每 12 周：说明书为 120 mg 每 4 周")
        #expect(finding.detail.en.contains("a 12-weekly denosumab is a de-escalation still under trial (REDUSE, SAKK 96/12)"))
        #expect(finding.sources.map(\.id) == ["xgevaDosing", "himelstein2017", "reduse"])
    }

    @Test func theLabelsFourWeeksTheBoneLossDoseOrNoIntervalSayNothing() {
        #expect(!assess(record(weeks: 4), asOf: day("2023-03-21")).has("boneAgents.denosumab.interval"))
        #expect(!assess(record(weeks: nil), asOf: day("2023-03-21")).has("boneAgents.denosumab.interval"))
        #expect(!assess(record(weeks: 26, dose: 60), asOf: day("2023-03-21")).has("boneAgents.denosumab.interval"))
    }

    @Test func moreOftenThanEveryFourWeeksAsksToCheckTheRecord() throws {
        let finding = try #require(assess(record(weeks: 2), asOf: day("2023-03-21")).rule("boneAgents.denosumab.interval").first)
        #expect(finding.detail.en.contains("doses more often than that are not a schedule of its label"))
        #expect(finding.sources.map(\.id) == ["xgevaDosing"])
    }
}

/// cb24-q (unseen record, 2026-12-03): a lung cancer with a corrected calcium of 16.4 mg/dL was
/// given zoledronic acid 4 mg the next day, and "No dental examination before zoledronic acid"
/// came as a warning — "before starting", as if the emergency dose had been a mistake. Rule set
/// 2026.12.154: when every dose so far treated hypercalcaemia, the examination is asked before
/// the SRE-prevention doses begin, as an advisory.
@Suite struct DentalExaminationAfterAnEmergencyDoseTests {
    func record(doses: [String], calciumDates: [String] = ["2023-03-10"]) -> CaseRecord {
        var r = baseCase()
        r.dentalExams = []
        r.treatments.append(Treatment(
            id: "Z1", kind: .boneModifyingAgent, start: day(doses[0]), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4, doses: doses.map(day)))
        r.labs = calciumDates.flatMap { date in
            [LabResult(date: day(date), test: .calcium, value: 3.9, unit: "mmol/L"), LabResult(date: day(date), test: .albumin, value: 30, unit: "g/L")]
        } + [LabResult(date: day("2023-03-10"), test: .creatinine, value: 1.0, unit: "mg/dL")]
        return r
    }

    @Test func aCourseOnlyInHypercalcaemiaAsksBeforeTheSREDoses() throws {
        let finding = try #require(assess(record(doses: ["2023-03-11"]), asOf: day("2023-03-20")).rule("boneAgents.dentalExam").first)
        #expect(finding.severity == .advisory)
        #expect(finding.detail.en.contains("its doses so far treated hypercalcaemia of malignancy, which does not wait for it"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("目前各剂均用于治疗恶性高钙血症"))
    }

    @Test func aDoseWithCalciumNormalIsTheUsualWarning() throws {
        // The second dose four weeks later with no calcium measured since the first: not in
        // hypercalcaemia as far as the record shows.
        let finding = try #require(assess(record(doses: ["2023-03-11", "2023-04-08"]), asOf: day("2023-04-10")).rule("boneAgents.dentalExam").first)
        #expect(finding.severity == .warning)
        #expect(finding.detail.en.contains("dental examination and preventive dentistry before starting"))
    }
}

/// cb24-y (unseen record, 2026-12-03): a breast cancer after mastectomy, on anastrozole, with
/// zoledronic acid 4 mg every 26 weeks and no bone lesion, read the SRE-prevention schedule
/// ("every 3–4 weeks, or every 12 weeks") and "the alternative is denosumab". Zoledronic acid 4 mg
/// every 6 months for 3 years is adjuvant therapy of early breast cancer (EBCTCG 2015; ASCO–CCO,
/// Dhesy-Thind 2017; ESMO 2020) — for postmenopausal women — and adjuvant denosumab brought no
/// such benefit (D-CARE, Coleman 2020). Rule set 2026.12.156.
@Suite struct AdjuvantZoledronicAcidTests {
    func record(weeks: Int? = 26, dose: Double = 4, lesions: Bool = false, site: PrimarySite = .breast) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2025-09"))]
        if !lesions {
            r.lesions = []
            r.studies = []
        }
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, drugs: ["阿那曲唑"], start: day("2026-01-05")),
            Treatment(id: "Z1", kind: .boneModifyingAgent, start: day("2026-01-10"), agent: .zoledronicAcid, doseMg: dose, intervalWeeks: weeks, doses: [day("2026-01-10"), day("2026-07-10")]),
        ]
        r.labs = [LabResult(date: day("2026-01-08"), test: .creatinine, value: 0.7, unit: "mg/dL")]
        return r
    }

    @Test func sixMonthlyWithoutBoneMetastasisIsTheAdjuvantSchedule() throws {
        let a = assess(record(), asOf: day("2026-11-26"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.title.en == "Zoledronic acid every 26 weeks without bone metastasis: adjuvant therapy of early breast cancer")
        #expect(choice.detail.en.contains("confirm the menopausal status"))
        #expect(choice.detail.en.contains("Denosumab is no alternative here"))
        #expect(choice.detail.en.hasSuffix("First dose 2026-01-10: the 3 years end 2029-01-10."), "\(choice.detail.en)")
        #expect(choice.sources.map(\.id) == ["ebctcg2015", "dhesyThind2017", "coleman2020", "coleman2020DCARE"])
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.detail.en.contains("4.0 mg IV over ≥ 15 min every 6 months for 3 years (adjuvant; ASCO–CCO 2017)"), "\(dose.detail.en)")
        #expect(!dose.detail.en.contains("every 12 weeks"))
        #expect(dose.detail.zhHans.contains("每 6 个月一次，共 3 年（辅助治疗；ASCO–CCO 2017）"))
    }

    @Test func afterThreeYearsNoDoseIsDue() throws {
        let a = assess(record(), asOf: day("2029-02-01"))
        #expect(try #require(a.rule("boneAgents.choice").first).detail.en.contains("The 3 years from the first dose (2026-01-10) are complete: the course ends"))
        #expect(!a.has("boneAgents.doseDue"))
        // The day before the third anniversary: not yet complete, and the dose of 2027-01 is due.
        let before = assess(record(), asOf: day("2029-01-09"))
        #expect(!(try #require(before.rule("boneAgents.choice").first)).detail.en.contains("are complete"))
        #expect(before.has("boneAgents.doseDue"))
    }

    @Test func otherSchedulesLesionsOrPrimariesAreNotAdjuvant() throws {
        var metastatic = record()
        metastatic.visceralMetastases = [VisceralMetastasis(organ: "liver", date: day("2026-01-02"))]
        for r in [record(weeks: 12), record(weeks: 27), record(weeks: nil), record(lesions: true), record(site: .lung), metastatic] {
            let choice = try #require(assess(r, asOf: day("2026-11-26")).rule("boneAgents.choice").first)
            #expect(!choice.title.en.contains("adjuvant"), "\(choice.title.en)")
        }
        // The bone-loss dose (5 mg yearly) keeps its own reading.
        let boneLoss = try #require(assess(record(weeks: 26, dose: 5), asOf: day("2026-11-26")).rule("boneAgents.choice").first)
        #expect(!boneLoss.title.en.contains("adjuvant"))
    }
}

/// cb24-z (unseen record, 2026-12-03): a myeloma on pamidronate 90 mg every 4 weeks with creatinine
/// 2.6 mg/dL (CrCl about 23 mL/min) drew only "dose due": no rule read pamidronate's kidney. The
/// Aredia label: single doses not above 90 mg; creatinine before each dose; not recommended for
/// bone metastases in severe renal impairment (CrCl < 30). Rule set 2026.12.157.
@Suite struct PamidronateLabelTests {
    /// baseCase: a woman born 1970, 60 kg; creatinine `mgDl` on 2023-03-01 (CrCl = 87 × 60 × 0.85 /
    /// (72 × creatinine) at 53).
    func record(dose: Double = 90, creatinine: Double) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(
            id: "P1", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .pamidronate, doseMg: dose, intervalWeeks: 4,
            doses: [day("2023-01-20"), day("2023-02-17")]))
        r.labs = [LabResult(date: day("2023-03-01"), test: .creatinine, value: creatinine, unit: "mg/dL")]
        return r
    }

    @Test func severeRenalImpairmentIsOutsideItsLabelAndNoDoseIsDue() throws {
        // CrCl 87 × 60 × 0.85 / (72 × 2.2) = 28.0: below 30.
        let a = assess(record(creatinine: 2.2), asOf: day("2023-03-21"))
        let finding = try #require(a.rule("boneAgents.pamidronate.label").first)
        #expect(finding.severity == .warning)
        #expect(finding.detail.en.contains("(< 30): the label does not recommend it for bone metastases in severe renal impairment"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("its boxed warning of severe hypocalcaemia applies"))
        #expect(finding.title.zhHans == "帕米膦酸二钠超出说明书用法")
        #expect(!a.has("boneAgents.doseDue"))
    }

    @Test func atThirtyAndAboveItIsWithinTheLabel() {
        // CrCl 87 × 60 × 0.85 / (72 × 2.05) = 30.06: not below 30 — its dose is due.
        let a = assess(record(creatinine: 2.05), asOf: day("2023-03-21"))
        #expect(!a.has("boneAgents.pamidronate.label"))
        #expect(a.rule("boneAgents.doseDue").first?.detail.en.contains("Pamidronate 90 mg every 3–4 weeks (label); serum creatinine before each dose.") == true)
    }

    @Test func aDoseAboveNinetyMilligramsIsOutsideItsLabel() throws {
        let finding = try #require(assess(record(dose: 120, creatinine: 0.8), asOf: day("2023-03-21")).rule("boneAgents.pamidronate.label").first)
        #expect(finding.detail.en.contains("the dose recorded, 120 mg, is above the label's single-dose limit of 90 mg"))
        #expect(!assess(record(dose: 90, creatinine: 0.8), asOf: day("2023-03-21")).has("boneAgents.pamidronate.label"))
    }
}

/// Beside cb24-z's pamidronate, intravenous ibandronate's kidney went unread too: the Bondronat 6 mg
/// SmPC gives 6 mg every 3–4 weeks at CrCl ≥ 50 mL/min, 4 mg at 30–< 50 and 2 mg below 30 (over 1
/// hour). Rule set 2026.12.158.
@Suite struct IbandronateDoseTests {
    /// baseCase: a woman of 53, 60 kg — CrCl = 61.625 / creatinine (mg/dL).
    func record(dose: Double = 6, creatinine: Double) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(
            id: "I1", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .ibandronate, doseMg: dose, intervalWeeks: 4, doses: [day("2023-01-20")]))
        r.labs = [LabResult(date: day("2023-03-01"), test: .creatinine, value: creatinine, unit: "mg/dL")]
        return r
    }

    func dose(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-03-21")).rule("boneAgents.ibandronate.dose").first)
    }

    @Test func theDoseFollowsTheLabelsBandsAtEveryBoundary() throws {
        // 61.625 / 1.23 = 50.1 → 6 mg; / 1.24 = 49.7 → 4 mg; / 2.05 = 30.06 → 4 mg; / 2.06 = 29.9 → 2 mg.
        for (creatinine, mg) in [(1.23, "6"), (1.24, "4"), (2.05, "4"), (2.06, "2")] {
            let finding = try dose(record(dose: Double(mg) ?? 0, creatinine: creatinine))
            #expect(finding.inputs.contains(FindingInput("doseMg", mg)), "creatinine \(creatinine)")
            #expect(finding.severity == .info, "creatinine \(creatinine)")
        }
        #expect(try dose(record(dose: 4, creatinine: 1.24)).detail.en.contains("ibandronate 4 mg IV over 1 hour every 3–4 weeks"))
    }

    @Test func aDoseAboveTheBandIsWarned() throws {
        let finding = try dose(record(dose: 6, creatinine: 2.06))
        #expect(finding.severity == .warning)
        #expect(finding.title.en == "Ibandronate 2 mg IV for CrCl 29.9 mL/min (recorded 6 mg)")
        #expect(finding.title.zhHans == "肌酐清除率 29.9 mL/min：伊班膦酸 2 mg 静脉（记录 6 mg）")
    }

    /// Rule set 2026.12.333: the tablet is dosed by its frequency (`IbandronateTabletTests`), not as
    /// the infusion, and has no dose to be due.
    @Test func theTabletIsDosedByItsFrequencyNotAsTheInfusion() throws {
        let a = assess(record(dose: 50, creatinine: 2.06), asOf: day("2023-03-21"))
        #expect(try #require(a.rule("boneAgents.ibandronate.dose").first).title.en.hasPrefix("Ibandronate tablets 50 mg once weekly"))
        #expect(!a.has("boneAgents.doseDue"))
    }

    /// Rule set 2026.12.323: with no weight the dose went unchecked without a word (unseen bundle
    /// ehr20, "伊班膦酸钠注射液 6mg q4w"): what is missing, and the weights of each band.
    @Test func withoutAWeightItSaysWhatIsMissingAndTheWeightsOfEachBand() throws {
        var r = record(dose: 6, creatinine: 1.0)
        r.patient.weights = []
        let finding = try dose(r)
        #expect(finding.severity == .advisory)
        #expect(finding.title.en == "Ibandronate 6 mg IV: creatinine clearance cannot be computed")
        #expect(finding.title.zhHans == "伊班膦酸 6 mg 静脉：无法计算肌酐清除率")
        // A woman of 53 at 1.0 mg/dL: CrCl = (140 − 53) / 72 × 0.85 = 1.027 per kg → 50 at 48.7 kg, 30 at 29.2 kg.
        #expect(finding.detail.en.contains("record weight."), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("6 mg (CrCl ≥ 50) needs a weight of at least 48.7 kg, 4 mg (30–< 50) 29.2–48.7 kg, 2 mg below 29.2 kg"), "\(finding.detail.en)")
        // No creatinine either: both named, no bands.
        r.labs = []
        let neither = try dose(r)
        #expect(neither.detail.en.contains("record serum creatinine, weight.") && !neither.detail.en.contains("Until then"), "\(neither.detail.en)")
    }
}

/// cb24-r (unseen record, 2026-12-03): an ALK lung cancer's L1 metastasis healed completely under
/// alectinib and denosumab; denosumab was stopped in March (patient's choice) and in October L1
/// collapsed. The stop's finding still said "weigh the vertebral-fracture risk now" as an
/// advisory. Rule set 2026.12.159: a vertebra broken since denosumab was stopped — imaged collapse
/// or a fracture event, at a metastatic level too — is named, and the decision is a warning
/// (Xgeva label: multiple vertebral fractures after discontinuation).
@Suite struct VertebralFractureSinceDenosumabStoppedTests {
    func record(collapseOn date: String?) -> CaseRecord {
        var r = baseCase()
        // baseCase's femur (L1) and an L1 vertebra (V1), both metastases of its breast cancer.
        r.lesions.append(Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("L1")))
        r.studies[0].observations.append(observation("V1", .lytic, [12, 10]) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none })
        if let date {
            r.studies.append(ct("S3", date, [observation("V1", .blastic, [12, 10]) { $0.collapse = .under50 }]))
        }
        r.treatments.append(Treatment(
            id: "D1", kind: .boneModifyingAgent, start: day("2023-01-20"), end: day("2024-03-01"), stopReason: .patientChoice, agent: .denosumab, doseMg: 120, intervalWeeks: 4))
        return r
    }

    func stopFinding(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2024-12-01")).rule("boneAgents.indication").first)
    }

    @Test func aCollapseSinceTheStopIsNamedAndWarned() throws {
        let finding = try stopFinding(record(collapseOn: "2024-10-20"))
        #expect(finding.severity == .warning)
        #expect(finding.detail.en.contains("Since the stop, a vertebral fracture: L1 vertebra (2024-10-20)."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("停药后出现椎体骨折：L1 椎体（2024-10-20）"), "\(finding.detail.zhHans)")
    }

    @Test func aCollapseBeforeTheStopOrNoneKeepsTheAdvisory() throws {
        for date in ["2024-02-20", nil] as [String?] {
            let finding = try stopFinding(record(collapseOn: date))
            #expect(finding.severity == .advisory, "\(String(describing: date))")
            #expect(finding.detail.en.contains("weigh the vertebral-fracture risk now"))
        }
    }
}

/// cb24-v (unseen record, 2026-12-03): a breast cancer's T7, ESCC 1a, its MRI signal normal again
/// under letrozole and abemaciclib, SINS 3, pain-free and intact, read "Stable, low-grade — tissue
/// diagnosis first …: radiotherapy waits for the biopsy", where no radiotherapy was in question.
/// With the grade unknown the same lesion already read "no treatment decision waits on it now".
/// Rule set 2026.12.160: stable, pain-free (or healed) and intact, a low grade reads the same.
@Suite struct QuietLowGradeSpinalLesionTests {
    func record(pain: SINS.Pain?, longInterval: Bool = false) -> CaseRecord {
        var r = baseCase()
        if longInterval { r.primaries[0].diagnosed = day("2015-01") }
        r.lesions.append(Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("T7")))
        r.studies[0].observations.append(observation("V1", .lytic, [15, 12]) {
            $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none
        })
        r.studies.append(study("M1", "2023-03-15", .mri, coverage: [.thoracicSpine], [observation("V1") { $0.escc = .g1a; $0.normalSignal = false }]))
        r.neurology = [NeurologyRecord(date: day("2023-03-16"), status: .intact)]
        r.pain = pain.map { [PainRecord(date: day("2023-03-16"), lesion: "V1", sins: $0, nrs: $0 == SINS.Pain.none ? 0 : 5)] } ?? []
        return r
    }

    func spine(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-03-21")).findings.first { $0.ruleId.hasPrefix("surgery.spine") && $0.subject == .lesion("V1") })
    }

    @Test func painFreeAndIntactNoTreatmentDecisionWaits() throws {
        let finding = try spine(record(pain: SINS.Pain.none))
        #expect(finding.severity == .info)
        #expect(finding.detail.en.hasSuffix("Stable, low-grade (ESCC 1a), pain-free and neurologically intact: no treatment decision waits on it now. If pain or neurological signs appear: conventional radiotherapy."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("稳定、低级别压迫（ESCC 1a）、无痛且神经功能正常：目前无需据此作治疗决策"), "\(finding.detail.zhHans)")
    }

    @Test func withPainTheTechniqueStands() throws {
        let finding = try spine(record(pain: .mechanical))
        #expect(finding.detail.en.contains("Stable, low-grade: conventional radiotherapy."), "\(finding.detail.en)")
    }

    @Test func anOpenDifferentialAsksTissueOnlyWhenTreatmentComes() throws {
        let quiet = try spine(record(pain: SINS.Pain.none, longInterval: true))
        #expect(quiet.detail.en.hasSuffix("If pain or neurological signs appear: tissue first, then the technique its histology decides."), "\(quiet.detail.en)")
        #expect(!quiet.claims.contains { $0.topic == .biopsy })
        let painful = try spine(record(pain: .mechanical, longInterval: true))
        #expect(painful.detail.en.contains("tissue diagnosis first"))
    }
}

/// cb24-e (unseen record, 2026-12-03, a variant): a myeloma's zoledronic acid given on 18 November,
/// three days after creatinine rose 1.2 → 1.8 mg/dL — the renal hold read only "withhold".
/// Rule set 2026.12.163: doses given after the result that opened the hold are named.
@Suite struct DoseGivenDuringARenalHoldTests {
    func record(doses: [String]) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(
            id: "Z1", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4, doses: doses.map(day)))
        r.labs = [
            LabResult(date: day("2023-01-18"), test: .creatinine, value: 1.0, unit: "mg/dL"),
            LabResult(date: day("2023-03-15"), test: .creatinine, value: 1.6, unit: "mg/dL"),
        ]
        return r
    }

    @Test func aDoseAfterTheRiseIsNamed() throws {
        let finding = try #require(assess(record(doses: ["2023-01-20", "2023-02-17", "2023-03-17"]), asOf: day("2023-03-21")).rule("boneAgents.zoledronic.renalHold").first)
        #expect(finding.detail.en.contains("Given since that rise (2023-03-15): 2023-03-17 — the label withholds it; measure creatinine now."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("血肌酐升高（2023-03-15）后仍给药：2023-03-17"))
    }

    @Test func dosesUpToTheRiseSayNothing() throws {
        let finding = try #require(assess(record(doses: ["2023-01-20", "2023-02-17", "2023-03-15"]), asOf: day("2023-03-21")).rule("boneAgents.zoledronic.renalHold").first)
        #expect(!finding.detail.en.contains("Given since that rise"))
    }
}

/// cb24-w (unseen record, 2026-12-03): a breast cancer given denosumab alone from April (no
/// anticancer therapy yet) read "No treatment had started yet … shows how the disease behaves
/// untreated" over an interval with five denosumab doses. Rule set 2026.12.164: the bone agent is
/// named and the interval is "before any anticancer therapy".
@Suite struct BoneAgentAloneIntervalTests {
    func record(agent: Bool) -> CaseRecord {
        var r = baseCase()
        r.studies = [ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 15])]), ct("S2", "2023-05-05", [observation("L1", .lytic, [30, 25])])]
        r.treatments = agent
            ? [Treatment(id: "D1", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .denosumab, doseMg: 120, intervalWeeks: 4)]
            : []
        return r
    }

    @Test func theBoneAgentIsNamedAndNotCalledUntreated() throws {
        let a = assess(record(agent: true), asOf: day("2023-05-10"))
        let history = try #require(a.rule("boneHealth.attribution.naturalHistory").first)
        #expect(history.title.en == "Baseline 2023-01-05 → 2023-05-05: change before any anticancer therapy is natural history")
        #expect(history.detail.en.hasPrefix("No anticancer therapy had started yet — only denosumab, a bone-modifying agent, ran"), "\(history.detail.en)")
        #expect(history.detail.zhHans.hasPrefix("尚未开始抗肿瘤治疗——期间仅使用地舒单抗（骨改良药物）"), "\(history.detail.zhHans)")
        let point = try #require(a.rule("boneHealth.mda.timePoint").first)
        #expect(point.detail.en.contains("baseline before any anticancer therapy (natural history); only denosumab ran — a bone-modifying agent, not an anticancer therapy"), "\(point.detail.en)")
    }

    @Test func withNothingGivenTheWordingIsAsBefore() throws {
        let history = try #require(assess(record(agent: false), asOf: day("2023-05-10")).rule("boneHealth.attribution.naturalHistory").first)
        #expect(history.detail.en.hasPrefix("No treatment had started yet: the change"))
    }
}
