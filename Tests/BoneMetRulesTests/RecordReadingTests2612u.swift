@testable import BoneMetRules
import Testing

/// cb51-a (unseen record, 2026-12-04): an ALK-positive lung adenocarcinoma on alectinib, brain
/// metastases found 2026-09-25, alectinib stopped for "progression" on 09-30 and lorlatinib
/// begun; the restaging CT of 10-19 shows the vertebral and iliac lesions filling in (PR).
/// The switch finding warned "a switch for bone progression is not supported — review" as if
/// the record held no progression. Rule set 2026.12.231: new metastases outside bone recorded
/// while the regimen ran are the progression it was stopped for — said as information, with
/// the bone's own window beside them.
@Suite struct ProgressionOutsideBoneTests {
    func record(brain: String? = "2026-09-25", known: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌，ALK融合阳性", diagnosed: day("2025-08"), targetedTherapy: true)]
        r.lesions = [Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "IL", bone: .pelvis, laterality: .left)]
        r.studies = [
            ct("S1", "2025-08-12", [observation("L3", .lytic, [22, 18]) { $0.boneDestruction = true }, observation("IL", .mixed, [30, 25]) { $0.boneDestruction = true }]),
            ct("S2", "2026-10-19", [observation("L3", .blastic, [20, 17]) { $0.fillIn = .complete }, observation("IL", .blastic, [28, 24])]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "阿来替尼", systemicClass: .targeted, start: day("2025-08-20"), end: day("2026-09-30"), stopReason: .progression),
            Treatment(id: "T2", kind: .systemic, name: "劳拉替尼", systemicClass: .targeted, start: day("2026-10-08")),
        ]
        r.visceralMetastases = [known.map { VisceralMetastasis(organ: "brain", date: day($0)) }, brain.map { VisceralMetastasis(organ: "brain", date: day($0)) }].compactMap { $0 }
        return r
    }

    func switchFinding(_ r: CaseRecord) -> Finding? {
        assess(r, asOf: day("2026-12-04")).rule("boneHealth.attribution.unsupportedSwitch").first { $0.subject == .treatment("T1") }
    }

    @Test func newBrainMetastasesWhileItRanAreTheProgression() throws {
        let finding = try #require(switchFinding(record()))
        #expect(finding.severity == .info)
        #expect(finding.title.en.hasSuffix("was stopped for progression outside bone"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("brain (2026-09-25)"))
        #expect(finding.detail.en.contains("2026-10-19 partial response (PR)"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("骨外"))
    }

    @Test func withoutThemTheSwitchIsStillQuestioned() throws {
        // No metastasis outside bone: the bone's PR does not support a stop for progression.
        let finding = try #require(switchFinding(record(brain: nil)))
        #expect(finding.severity == .warning)
        #expect(finding.detail.en.contains("a switch for bone progression is not supported"))
    }

    @Test func metastasesKnownBeforeItBeganAreNotNew() throws {
        // Brain metastases on record before alectinib began: no new site while it ran.
        let before = try #require(switchFinding(record(brain: nil, known: "2025-08-10")))
        #expect(before.severity == .warning)
        // Found after the stop: not what the stop rested on.
        let after = try #require(switchFinding(record(brain: "2026-10-20")))
        #expect(after.severity == .warning)
        // Found on the day it began: its baseline, not its progression.
        #expect(try #require(switchFinding(record(brain: "2025-08-20"))).severity == .warning)
    }
}

/// cb51-d (unseen record, 2026-12-04): a breast cancer on letrozole + palbociclib for three
/// years; the restaging CT (bone window) of 2026-10-28 shows the L2 and acetabular lesions
/// filling in and looked for no lesion in the right 8th rib; the bone scan two days later shows
/// a new rib focus. The CT, read before the scan, did not count against the focus: it stayed
/// "no X-ray or CT bone-window read" and made the bone scan progression (MDA) beside the CT's
/// PR two days before. Rule set 2026.12.231: a bone window that found nothing within one
/// assessment (RECIST 1.1: 4 weeks) of the uptake excludes destruction as one read after it.
@Suite struct BoneWindowBeforeTheScanTests {
    func record(ctDate: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2")), Lesion(id: "R8", bone: .rib, laterality: .right, note: "右第8肋")]
        r.studies = [
            ct("C1", "2023-10-10", [observation("L2", .lytic, [24, 20]) { $0.boneDestruction = true }]),
            survey("B1", "2023-10-12", ["L2"]),
            ct("C2", ctDate, [observation("L2", .blastic, [23, 19]) { $0.fillIn = .complete }, observation("R8") { $0.present = false }]),
            survey("B2", "2026-10-30", ["L2", "R8"]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "来曲唑+哌柏西利", systemicClass: .endocrine, start: day("2023-10-20"))]
        return r
    }

    @Test func aBoneWindowDaysBeforeTheScanFoundNothing() throws {
        let a = assess(record(ctDate: "2026-10-28"), asOf: day("2026-12-04"))
        #expect(a.has("diagnosis.uptakeWithoutDestruction", subject: .lesion("R8")))
        // The focus is not a new metastasis: the scan is no progression beside the CT's response.
        let scan = try #require(a.rule("boneHealth.mda.timePoint").first { $0.date == day("2026-10-30") })
        #expect(!scan.title.en.contains("progressive disease"), "\(scan.title.en)")
    }

    @Test func boundaryOfOneAssessment() {
        // 28 days before the scan: one assessment; 29: the rib may have changed since.
        #expect(assess(record(ctDate: "2026-10-02"), asOf: day("2026-12-04")).has("diagnosis.uptakeWithoutDestruction", subject: .lesion("R8")))
        #expect(!assess(record(ctDate: "2026-10-01"), asOf: day("2026-12-04")).has("diagnosis.uptakeWithoutDestruction", subject: .lesion("R8")))
    }
}

/// cb52-a (unseen record, 2026-12-04): a HER2-positive breast cancer, T6 collapsed with ESCC 3
/// and myelopathy recorded at T6 on 2026-12-02 (Frankel C), "intact" two days before; T7 beside
/// it mixed, not graded. T7's NOMS finding read "neurologically intact (2026-11-30)" — the older
/// patient-level record, the newer deficit being T6's. Rule set 2026.12.232: a newer deficit
/// recorded at another lesion is the patient's state now, said with where it is recorded (not
/// this level's own deficit); an older "intact" no longer makes the level "quiet".
@Suite struct DeficitRecordedAtAnotherLevelTests {
    func record(deficitDate: String = "2026-12-02") -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T6", bone: .vertebra, level: VertebralLevel("T6")), Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7"))]
        r.studies = [ct("C1", "2026-12-02", [
            observation("T6", .lytic) { $0.boneDestruction = true; $0.collapse = .over50; $0.alignment = .deNovoDeformity; $0.posterolateral = .bilateral; $0.escc = .g3 },
            observation("T7", .blastic) { $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
        ])]
        r.pain = [PainRecord(date: day("2026-12-01"), lesion: "T7", sins: SINS.Pain.none)]
        r.neurology = [
            NeurologyRecord(date: day("2026-11-30"), status: .intact, frankel: .E),
            NeurologyRecord(date: day(deficitDate), status: .myelopathy, frankel: .C, lesion: "T6"),
        ]
        return r
    }

    func spine(_ r: CaseRecord, _ lesion: String) -> Finding? {
        assess(r, asOf: day("2026-12-04")).findings.first { $0.subject == .lesion(lesion) && $0.ruleId.hasPrefix("surgery.spine") }
    }

    @Test func theNeighbourSaysTheDeficitAndWhereItIs() throws {
        let t7 = try #require(spine(record(), "T7"))
        #expect(t7.detail.en.contains("myelopathy (2026-12-02), Frankel C — recorded at T6 vertebra"), "\(t7.detail.en)")
        #expect(!t7.detail.en.contains("neurologically intact"))
        #expect(t7.detail.zhHans.contains("记录于T6"))
        // Not quiet: the patient is not intact. Nor T7's own emergency.
        #expect(t7.severity == .advisory)
        #expect(try #require(spine(record(), "T6")).severity == .urgent)
    }

    @Test func anOlderDeficitElsewhereDoesNotOverrideANewerExamination() throws {
        // The deficit recorded before the patient-level "intact": the examination is the latest word.
        var r = record(deficitDate: "2026-11-28")
        r.neurology.append(NeurologyRecord(date: day("2026-12-03"), status: .intact, frankel: .E))
        let t7 = try #require(spine(r, "T7"))
        #expect(!t7.detail.en.contains("recorded at T6"), "\(t7.detail.en)")
    }
}

/// cb54-a (unseen record, 2026-12-04): a lobular breast cancer eight years after surgery; L1 and
/// the ilium filled in with sclerosis under fulvestrant, then a lytic rib and T12 appeared. The
/// myeloma finding said "multiple lytic lesions (2)" and, in its CRAB list, "osteolytic lesions
/// 4" — the healed ones counted there only. Rule set 2026.12.233: CRAB counts the lesions lytic
/// at their latest reading, as the finding's reason does.
@Suite struct OsteolyticCountTests {
    @Test func healedLesionsAreNotCountedAsOsteolytic() throws {
        var r = baseCase()
        r.patient.birthDate = day("1959-10")
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性小叶癌 ER 95%", diagnosed: day("2017-06"))]
        r.lesions = [
            Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L1")), Lesion(id: "IL", bone: .pelvis, laterality: .left),
            Lesion(id: "R5", bone: .rib, laterality: .right), Lesion(id: "T12", bone: .vertebra, level: VertebralLevel("T12")),
        ]
        r.studies = [
            ct("C0", "2026-02-03", [observation("L1", .lytic, [18, 15]) { $0.boneDestruction = true }, observation("IL", .lytic, [30, 22]) { $0.boneDestruction = true }]),
            ct("C2", "2026-08-10", [
                observation("L1", .blastic, [17, 14]) { $0.fillIn = .complete }, observation("IL", .mixed, [28, 21]) { $0.fillIn = .partial },
                observation("R5", .lytic, [15, 10]) { $0.boneDestruction = true }, observation("T12", .lytic, [14, 12]) { $0.boneDestruction = true },
            ]),
        ]
        // Under chemotherapy: a healing under hormonal therapy would answer the interval's question
        // itself (rule set 2026.12.301, `HormonalHealingAnswersTheIntervalTests`).
        r.treatments = [Treatment(id: "F1", kind: .systemic, name: "卡培他滨", drugs: ["capecitabine"], systemicClass: .chemotherapy, start: day("2026-02-10"))]
        let finding = try #require(assess(r, asOf: day("2026-12-04")).rule("diagnosis.differential.myeloma").first)
        #expect(finding.detail.en.contains("multiple lytic lesions (2)"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("osteolytic lesions 2"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("溶骨性病变 2 处"))
    }
}

/// cb54-d (unseen record, 2026-12-04): a breast cancer ten years after surgery, a lytic L4 proven
/// myeloma on biopsy, and a lytic femoral shaft at Mirels 11. The femur's "biopsy first" gave as
/// its reason "the only bone lesion known (no whole-body survey yet)" — the L4 was left out as no
/// metastasis. Rule set 2026.12.233: the reason is the other lesion's myeloma: this one may be
/// either disease.
@Suite struct BiopsyFirstBesideAProvenMyelomaTests {
    @Test func theReasonIsTheOtherLesionsMyeloma() throws {
        var r = baseCase()
        r.patient.birthDate = day("1952-12")
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "乳腺浸润性导管癌 ER+ 术后", diagnosed: day("2016-02"))]
        r.lesions = [Lesion(id: "L4", bone: .vertebra, level: VertebralLevel("L4")), Lesion(id: "FE", bone: .femur, segment: .diaphysis, laterality: .left)]
        r.studies = [ct("C1", "2026-11-05", [
            observation("L4", .lytic) { $0.boneDestruction = true },
            observation("FE", .lytic, [35, 20]) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.7 },
        ])]
        r.treatments = []
        r.pain = [PainRecord(date: day("2026-11-10"), lesion: "FE", mirels: .functional)]
        r.biopsies = [Biopsy(lesion: "L4", date: day("2026-11-12"), decalcification: .edta, result: .myeloma)]
        let femur = try #require(assess(r, asOf: day("2026-12-04")).rule("surgery.mirels.impendingFracture").first)
        #expect(femur.detail.en.contains("Biopsy first: no tissue diagnosis yet (myeloma on the biopsy of L4 vertebra (2026-11-12): this lesion may be either disease)"), "\(femur.detail.en)")
        #expect(!femur.detail.en.contains("the only bone lesion known"))
        #expect(femur.detail.zhHans.contains("本病灶可能属任一疾病"))
    }
}

/// cb55-d (unseen record, 2026-12-04): denosumab stopped after three and a half years, one dose
/// of zoledronic acid after it, its schedule not recorded. "Dose due since 2026-08-29 — interval
/// 4 weeks" stated an interval the record does not hold. Rule set 2026.12.234: an unrecorded
/// zoledronic acid interval is said as assumed, with the 12-week schedule's due day (CALGB 70604).
@Suite struct UnrecordedZoledronicIntervalTests {
    func due(interval: Int?) throws -> Finding {
        var r = baseCase()
        r.treatments.append(Treatment(
            id: "ZO", kind: .boneModifyingAgent, name: "唑来膦酸 序贯", start: day("2026-08-01"), agent: .zoledronicAcid, doseMg: 4,
            intervalWeeks: interval, doses: [day("2026-08-01")]))
        r.labs = [LabResult(date: day("2026-07-25"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        r.dentalExams = [day("2026-07-20")]
        return try #require(assess(r, asOf: day("2026-12-04")).rule("boneAgents.doseDue").first)
    }

    @Test func theAssumedIntervalIsSaidWithTheTwelveWeekDueDay() throws {
        let finding = try due(interval: nil)
        #expect(finding.detail.en.contains("interval not recorded (every 4 weeks assumed; every 12 weeks would make it due on 2026-10-24) — record it"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("给药间隔未记录"))
        #expect(finding.date == day("2026-08-29"))
        // Recorded: said as recorded.
        #expect(try due(interval: 12).detail.en.contains("Last dose 2026-08-01, interval 12 weeks."))
    }
}

/// cb57-b (unseen record, 2026-12-04): a triple-negative breast cancer given six cycles of
/// nab-paclitaxel + carboplatin, each entered as a row of its own ("… C1" to "… C6", two weeks
/// each, a week apart). The restaging CT read "systemic therapy switched within this interval
/// (of its 84 days: … C1 14, … C2 14, …) — a study at the switch would separate them". Rule set
/// 2026.12.235: rows that continue the regimen before them — the same drugs, or the same name
/// but for a cycle number — within `regimenGapDays` (setting, 56) of its end are one regimen, as
/// the EHR import joins orders.
@Suite struct CyclesOfOneRegimenTests {
    func record(gapDays: Int = 7, secondDrugs: [String] = ["nab-paclitaxel", "carboplatin"], names: (String, String) = ("白蛋白紫杉醇+卡铂 C1", "白蛋白紫杉醇+卡铂 C2")) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [
            ct("C1", "2026-06-02", [observation("T10", .lytic, [20, 16]) { $0.boneDestruction = true }]),
            ct("C2", "2026-09-30", [observation("T10", .mixed, [18, 14]) { $0.scleroticRim = true }]),
        ]
        let firstEnd = day("2026-07-01")
        let secondStart = PartialDate(dayNumber: firstEnd.latestDay + gapDays)
        r.treatments = [
            Treatment(id: "A1", kind: .systemic, name: names.0, drugs: ["nab-paclitaxel", "carboplatin"], systemicClass: .chemotherapy, start: day("2026-06-08"), end: firstEnd),
            Treatment(id: "A2", kind: .systemic, name: names.1, drugs: secondDrugs, systemicClass: .chemotherapy, start: secondStart, end: day("2026-09-20"), stopReason: .completed),
        ]
        return r
    }

    func window(_ r: CaseRecord) throws -> String {
        try #require(assess(r, asOf: day("2026-10-01")).rule("boneHealth.mda.timePoint").first).detail.en
    }

    @Test func cyclesAreOneRegimen() throws {
        let detail = try window(record())
        #expect(detail.contains("treatment window: 白蛋白紫杉醇+卡铂 2026-06-08–2026-09-20 (systemic therapy)"), "\(detail)")
        #expect(!detail.contains("switched"))
    }

    @Test func boundaryOfTheGapAndAnotherRegimen() throws {
        // 56 days (the setting) still one regimen; 57 a break — two.
        #expect(!(try window(record(gapDays: 56))).contains("switched"))
        #expect(try window(record(gapDays: 57)).contains("白蛋白紫杉醇+卡铂 C2"))
        // Other drugs: a switch, as before.
        #expect(try window(record(secondDrugs: ["capecitabine"], names: ("白蛋白紫杉醇+卡铂", "卡培他滨")))
            .contains("systemic therapy switched within this interval"))
    }

    @Test func cycleNumbersAreReadInTheirUsualForms() {
        for name in ["TC C3", "TC c12", "TC 第2周期", "TC第二疗程", "TC cycle 4", "TC #5", "TC（3/6）", "TC (3 / 6)", "TC 3周期", "TC，第2个周期", "TC Cycle 10"] {
            #expect(CaseIndex.cycleStripped(name) == "TC", "\(name)")
        }
        // A name whose number is no cycle keeps it.
        #expect(CaseIndex.cycleStripped("T-DM1") == "T-DM1")
        #expect(CaseIndex.cycleStripped("镭-223") == "镭-223")
        #expect(CaseIndex.cycleStripped("TC1") == "TC1")
        #expect(CaseIndex.cycleStripped("TC方案C2") == "TC方案")
        #expect(CaseIndex.cycleStripped("regimen 2") == "regimen 2")
        #expect(CaseIndex.cycleStripped("AC-T") == "AC-T")
        #expect(CaseIndex.cycleStripped("放疗 2程") == "放疗 2程")
        #expect(CaseIndex.cycleStripped("İ C2") == "İ")
    }
}

/// cb57-a (unseen record, 2026-12-04): one planned nail for a proximal and a diaphyseal lesion of
/// the left femur; the merged biopsy finding's title read "left femur, proximal, left femur,
/// diaphysis: biopsy indicated". Rule set 2026.12.235: lesions in a list are separated by "; ".
@Suite struct LesionListTitleTests {
    @Test func longBoneLabelsAreSeparatedBySemicolons() throws {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "F1", bone: .femur, segment: .proximal, laterality: .left), Lesion(id: "F2", bone: .femur, segment: .diaphysis, laterality: .left),
        ]
        r.studies = [ct("X", "2026-11-14", [
            observation("F1", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.45 },
            observation("F2", .mixed) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.2 },
        ])]
        r.treatments = [Treatment(id: "N", kind: .surgery, name: "左股骨预防性髓内钉", lesions: ["F1", "F2"], start: day("2026-12-10"), planned: true)]
        let finding = try #require(assess(r, asOf: day("2026-11-20")).rule("diagnosis.biopsy.indicated").first { $0.subject == .treatment("N") })
        #expect(finding.title.en.hasPrefix("left femur, proximal; left femur, diaphysis: biopsy indicated"), "\(finding.title.en)")
        #expect(finding.title.zhHans.hasPrefix("左股骨近端、左股骨骨干"), "\(finding.title.zhHans)")
    }
}

/// cb52-a (unseen record, 2026-12-04): "右乳浸润性导管癌 ER- PR- HER2 3+" showed no receptor on the
/// case's first screen (it showed only coded ones; ER and PR were read from the text for the
/// scores already). HER2 is read from the text too (ASCO/CAP 2018 scores; 1+ HER2-low; 2+ only
/// with its in-situ hybridisation), for the summary line — no rule reads HER2.
@Suite struct HER2TextTests {
    @Test(arguments: [
        ("ER- PR- HER2 3+", ReceptorStatus.positive), ("HER2（3+）", .positive), ("HER-2(+++)", .positive), ("ER+ PR+ HER2+", .positive),
        ("HER2阳性", .positive), ("HER2-positive", .positive), ("HER2(2+)，FISH阳性", .positive), ("HER2 2+, ISH amplified", .positive),
        ("HER2(2+)，FISH检测阴性", .low), ("HER2 2+ 无扩增", .low), ("HER2 2+, ISH not amplified", .low), ("HER2(1+)", .low), ("HER2(+)", .low), ("HER2-low", .low), ("HER2低表达", .low), ("HER-2/neu 3+", .positive),
        ("HER2 0", .negative), ("HER2(-)", .negative), ("ER+ PR+ HER2-", .negative), ("HER2阴性", .negative), ("三阴性乳腺癌", .negative),
    ])
    func read(text: String, status: ReceptorStatus) {
        #expect(HER2Text.status(in: text) == status, "\(text)")
    }

    @Test(arguments: ["HER2(2+)", "HER2 2+，待FISH", "HER2 2+ (follow-up pending)", "Ki67 30%", "乳腺浸润性导管癌", "HER2 3+；复发灶 HER2 0"])
    func unsettled(text: String) {
        #expect(HER2Text.status(in: text) == nil, "\(text)")
    }

    @Test func codedWins() {
        var primary = PrimaryCancer(id: "P1", site: .breast, histology: "HER2 3+")
        #expect(primary.effectiveHER2 == .positive)
        primary.her2 = .negative
        #expect(primary.effectiveHER2 == .negative)
    }
}

/// cb58-f (unseen record, 2026-12-04): an EGFR lung cancer's only spinal lesion, T11, scored
/// "SINS 8–11" while a pain record with no lesion said "mechanical, NRS 6". As for Mirels
/// (cb20-t), rule set 2026.12.238 says what SINS would be if it is this level's pain, and asks
/// for the pain at its lesion — never scoring it as the level's.
@Suite struct SitelessSpinePainTests {
    func spine(pain: [PainRecord]) throws -> Finding {
        var r = baseCase()
        r.lesions = [Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11"))]
        r.studies = [ct("C1", "2026-11-18", [observation("T11", .lytic) {
            $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral
        }])]
        r.pain = pain
        return try #require(assess(r, asOf: day("2026-11-21")).rule("surgery.spine.noms").first)
    }

    @Test func sitelessPainIsSaidNotScored() throws {
        let finding = try spine(pain: [PainRecord(date: day("2026-11-20"), sins: .mechanical, nrs: 6)])
        #expect(finding.title.en.contains("SINS 8–11"))
        #expect(finding.detail.en.contains("A pain record names no site (2026-11-20: mechanical pain): if it is this level's pain, SINS is 11 — record the pain at its lesion."), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("若为此节段疼痛，SINS 为 11 分"))
    }

    @Test func theLevelsOwnPainNeedsNoWord() throws {
        let finding = try spine(pain: [
            PainRecord(date: day("2026-11-20"), lesion: "T11", sins: SINS.Pain.none),
            PainRecord(date: day("2026-11-20"), sins: .mechanical),
        ])
        #expect(finding.title.en.contains("SINS 8"))
        #expect(!finding.detail.en.contains("names no site"))
    }
}
