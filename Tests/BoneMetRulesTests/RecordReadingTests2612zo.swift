@testable import BoneMetRules
import Testing

/// cb132-c (unseen record, 2026-12-07): a breast cancer 5½ years out (a long disease-free
/// interval, no biopsy), T12 lytic, collapsed > 50 %, subluxed, both posterolateral elements —
/// SINS 18 — ESCC 1a, intact; only a radiotherapy course planned. The spine finding said
/// "Radiotherapy by histology … Planned: radiotherapy 20 Gy in 5 fractions" beside "biopsy first"
/// — as if the course answered the instability and the histology were known. Rule set
/// 2026.12.378: radiotherapy waits for the tissue, a planned course is told it does not restore
/// stability (Fisher 2010; NOMS, Laufer 2013), and a decision on record is quoted instead.
@Suite struct PlannedRadiotherapyOfAnUnstableSpineTests {
    func record(biopsied: Bool, decision: Bool = false, sins unstable: Bool = true, deficit: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2021-05"), hormoneDependent: true)]
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T12"), primary: "P1")]
        r.studies = [
            ImagingStudy(id: "C1", date: day("2026-11-25"), modality: .ct, windows: [.bone], coverage: [.thoracicSpine, .lumbarSpine], observations: [
                observation("V", .lytic) {
                    $0.boneDestruction = true
                    $0.collapse = unstable ? .over50 : .under50
                    $0.alignment = unstable ? .subluxation : .normal
                    $0.posterolateral = unstable ? .bilateral : .unilateral
                },
            ]),
            ImagingStudy(id: "M1", date: day("2026-11-26"), modality: .mri, coverage: [.thoracicSpine, .lumbarSpine], observations: [
                observation("V") { $0.escc = deficit ? .g2 : .g1a },
            ]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2025-01-10")),
            Treatment(id: "R1", kind: .radiotherapy, lesions: ["V"], start: day("2026-12-10"), planned: true, doseGy: 20, fractions: 5),
        ]
        r.pain = [PainRecord(date: day("2026-11-25"), lesion: "V", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2026-11-26"), status: deficit ? .myelopathy : .intact, frankel: deficit ? .D : nil)]
        if biopsied { r.biopsies = [Biopsy(lesion: "V", date: day("2026-11-28"), decalcification: .edta, result: .metastasis)] }
        if decision { r.decisions = [MDTDecision(date: day("2026-11-30"), decision: "MDT：患者拒绝手术，行姑息放疗，佩戴支具", specialty: .mdtCoordinator)] }
        return r
    }

    func noms(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-12-07")).rule("surgery.spine.noms").first { $0.subject == .lesion("V") })
    }

    @Test func undiagnosedTheCourseWaitsForTheBiopsyAndTheStabilisation() throws {
        let f = try noms(record(biopsied: false))
        #expect(f.severity == .warning)
        #expect(f.detail.en.contains("Radiotherapy, too, waits for the tissue diagnosis: its histology decides the technique."))
        #expect(!f.detail.en.contains("Radiotherapy by histology."))
        #expect(f.detail.en.contains("Planned: radiotherapy 20 Gy in 5 fractions 2026-12-10–."))
        #expect(f.detail.en.contains("Radiotherapy does not restore stability (SINS 18, unstable): the stabilisation is decided before it begins, or the reason it is not done is recorded."))
        #expect(f.detail.en.contains("It is planned before any tissue diagnosis: the biopsy comes first."))
        #expect(f.detail.zhHans.contains("放疗不能恢复稳定性（SINS 18 分，不稳定）"))
        #expect(f.detail.zhHans.contains("该放疗计划早于病理诊断：应先活检。"))
    }

    @Test func diagnosedTheTechniqueIsNamedAndOnlyTheStabilityIsAsked() throws {
        let f = try noms(record(biopsied: true))
        #expect(f.detail.en.contains("Radiotherapy: conventional (radiosensitive histology)."))
        #expect(f.detail.en.contains("the stabilisation is decided before it begins"))
        #expect(!f.detail.en.contains("before any tissue diagnosis"))
    }

    @Test func aDecisionOnRecordIsQuotedInsteadOfAskedFor() throws {
        let f = try noms(record(biopsied: true, decision: true))
        #expect(f.detail.en.contains("Radiotherapy does not restore stability (SINS 18, unstable). Decision on record (2026-11-30"))
        #expect(f.detail.en.contains("患者拒绝手术"))
        #expect(!f.detail.en.contains("the reason it is not done is recorded"))
    }

    @Test func potentiallyUnstableIsNotToldToStabiliseFirst() throws {
        // T12 (3) + mechanical pain (3) + lytic (2) + normal (0) + < 50 % (2) + unilateral (1) = 11.
        let f = try noms(record(biopsied: true, sins: false))
        #expect(f.title.en.contains("SINS 11"))
        #expect(f.detail.en.contains("Planned: radiotherapy 20 Gy in 5 fractions 2026-12-10–."))
        #expect(!f.detail.en.contains("does not restore stability"))
    }

    @Test func withADeficitTheBiopsyDoesNotDelayTheCourse() throws {
        let f = try noms(record(biopsied: false, deficit: true))
        #expect(f.severity == .urgent)
        #expect(f.detail.en.contains("does not restore stability"))
        #expect(!f.detail.en.contains("the biopsy comes first"))
    }
}

/// cb132-a (unseen record, 2026-12-07): an EHR record without administrative sex, age 70, 60 kg,
/// creatinine 1.3 mg/dL, on zoledronic acid 4 mg — "creatinine clearance cannot be computed:
/// record sex". Cockcroft–Gault differs between the sexes by the factor 0.85 alone, so CrCl lies
/// between 38.1 (female) and 44.9 (male): the Zometa label gives 3.0 or 3.3 mg, and 4 mg is above
/// either. Rule set 2026.12.378.
@Suite struct ZoledronicWithoutSexTests {
    func record(creatinine: Double, dose: Double?) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = nil
        r.patient.birthDate = day("1956-05-01")
        r.patient.weights = [WeightRecord(date: day("2026-11-01"), kg: 60)]
        r.labs = [LabResult(date: day("2026-11-01"), test: .creatinine, value: creatinine, unit: "mg/dL")]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2026-11-05"), agent: .zoledronicAcid, doseMg: dose, intervalWeeks: 4, doses: [day("2026-11-05")]))
        return r
    }

    func finding(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2026-12-07")).rule("boneAgents.zoledronic.crclUnknown").first)
    }

    @Test func bothBoundsAreComputedAndADoseAboveBothIsSaid() throws {
        // (140 − 70) × 60 / (72 × 1.3) = 44.87 → 44.9; × 0.85 = 38.14 → 38.1.
        let f = try finding(record(creatinine: 1.3, dose: 4))
        #expect(f.title.en == "Zoledronic acid 4 mg: above the label's dose for either sex")
        #expect(f.title.zhHans == "唑来膦酸 4 mg：无论性别均高于说明书剂量")
        #expect(f.detail.en.contains("CrCl is 38.1 mL/min for a woman and 44.9 for a man: 3.0 mg for a woman, 3.3 mg for a man."))
        #expect(f.detail.en.contains("record sex"))
        #expect(f.sources.contains { $0.id == Sources.cockcroftGault1976.id })
    }

    @Test func aDoseWithinTheMaleBoundIsNotCalledTooHigh() throws {
        let f = try finding(record(creatinine: 1.3, dose: 3.3))
        #expect(f.title.en == "Zoledronic acid: creatinine clearance cannot be computed")
        #expect(f.detail.en.contains("3.0 mg for a woman, 3.3 mg for a man."))
        #expect(!f.detail.en.contains("above the label's dose"))
    }

    @Test func oneBandForBothSexesGivesTheDose() throws {
        // Creatinine 0.7: male 83.3, female 70.8 — both > 60.
        let f = try finding(record(creatinine: 0.7, dose: 4))
        #expect(f.detail.en.contains("70.8 mL/min for a woman and 83.3 for a man: 4.0 mg by the label either way."))
        #expect(f.title.en == "Zoledronic acid: creatinine clearance cannot be computed")
    }

    @Test func boundaryAtSixtyForTheMaleBound() throws {
        // Creatinine x with male CrCl exactly 60.0: 70 × 60 / (72 × x) = 60 → x = 0.9722…; 0.97 gives
        // 60.1 (> 60 → 4.0 mg), 0.98 gives 59.5 (3.5 mg): 4 mg above either at 0.98 only.
        #expect(try finding(record(creatinine: 0.97, dose: 4)).title.en == "Zoledronic acid: creatinine clearance cannot be computed")
        #expect(try finding(record(creatinine: 0.98, dose: 4)).title.en == "Zoledronic acid 4 mg: above the label's dose for either sex")
    }

    @Test func belowThirtyForBothNoDoseIsAllowed() throws {
        // Creatinine 2.5: male 23.3, female 19.8.
        let f = try finding(record(creatinine: 2.5, dose: 3))
        #expect(f.detail.en.contains("not recommended by the label either way."))
        #expect(f.title.en == "Zoledronic acid 3 mg: above the label's dose for either sex")
    }
}

/// cb136-a (unseen record, 2026-12-07): a CT typed "2027-01-05" showing T12 collapsed > 50 %,
/// subluxed — not read as of 2026-12-07 (an assessment reads what had happened by its date), and
/// nothing said why. Rule set 2026.12.379: the entries dated after the assessment date are listed
/// once (advisory, record corrections), and read from their own day on.
@Suite struct DatedAfterTheAssessmentTests {
    func record() -> CaseRecord {
        var r = baseCase()
        r.lesions.append(Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T12")))
        r.studies.append(ImagingStudy(id: "C9", date: day("2027-01-05"), modality: .ct, windows: [.bone], observations: [
            observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = .over50; $0.alignment = .subluxation; $0.posterolateral = .bilateral },
        ]))
        r.labs = [LabResult(date: day("2027-01-06"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        r.treatments.append(Treatment(id: "R", kind: .radiotherapy, lesions: ["V"], start: day("2027-01-10"), planned: true, doseGy: 8, fractions: 1))
        return r
    }

    @Test func laterEntriesAreListedNotRead() throws {
        let a = assess(record(), asOf: day("2026-12-07"))
        let f = try #require(a.rule("diagnosis.record.datedAfter").first)
        #expect(f.severity == .advisory)
        #expect(f.specialty == .mdtCoordinator)
        #expect(f.title.en == "2 entries dated after the assessment date — not read")
        #expect(f.date == day("2027-01-05"))
        #expect(f.title.zhHans == "2 条记录的日期晚于评估日期——未纳入评估")
        #expect(f.detail.en.hasPrefix("CT of 2027-01-05; serum creatinine 2027-01-06."), "\(f.detail.en)")
        // A planned course may rightly lie ahead: not listed.
        #expect(!f.detail.en.contains("radiotherapy"))
        #expect(!a.findings.contains { $0.subject == .lesion("V") && $0.ruleId == "surgery.spine.noms" })
        // The assessment turns no later than the first later entry's day (the birthday of
        // 2027-01-01 comes first here).
        #expect(try #require(a.nextChange) <= day("2027-01-05"))
    }

    @Test func fromItsDayTheEntryIsRead() throws {
        let a = assess(record(), asOf: day("2027-01-05"))
        let f = try #require(a.rule("diagnosis.record.datedAfter").first)
        #expect(f.title.en.hasPrefix("1 entry dated after"))
        #expect(a.findings.contains { $0.subject == .lesion("V") && $0.ruleId == "surgery.spine.noms" })
        #expect(!assess(record(), asOf: day("2027-01-06")).has("diagnosis.record.datedAfter"))
    }
}

/// cb137-c (unseen record, 2026-12-07): a breast cancer's left ilium, lytic 25 × 20 mm on CT,
/// recorded "not seen" on a pelvic X-ray ten months into letrozole, ribociclib and denosumab —
/// nothing said. Absence on a film of a lesion only CT showed is no response (MDA reads each
/// method against itself; RECIST 1.1 the same method at baseline and follow-up). Rule set .380.
@Suite struct AbsentOnAFilmTests {
    func record(filmBefore: Bool = false, secondSeen: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "P", bone: .pelvis, laterality: .left), Lesion(id: "F", bone: .femur, segment: .diaphysis, laterality: .left)]
        r.studies = [
            ct("C0", "2026-01-05", [observation("P", .lytic, [25, 20]) { $0.boneDestruction = true }, observation("F", .lytic, [20, 15]) { $0.boneDestruction = true }]),
            ImagingStudy(id: "X1", date: day("2026-11-20"), modality: .xray, observations: [observation("P") { $0.present = false }]
                + (secondSeen ? [observation("F", .lytic, [22, 16]) { $0.boneDestruction = true }] : [])),
        ]
        if filmBefore {
            r.studies.append(ImagingStudy(id: "X0", date: day("2026-01-06"), modality: .xray, observations: [observation("P", .lytic) { $0.boneDestruction = true }]))
        }
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2026-01-10"))]
        return r
    }

    @Test func theAbsenceOnAFilmIsNoResponse() throws {
        let f = try #require(assess(record(), asOf: day("2026-12-07")).rule("boneHealth.mda.noComparableStudy").first)
        #expect(f.title.en == "X-ray of 2026-11-20: response not assessed — no earlier X-ray to compare with")
        #expect(f.detail.en.contains("Recorded not seen on this X-ray: left pelvis — a lesion shown on CT may not show on a film at all, so its absence there is no response."))
        #expect(f.detail.en.contains("Restage on CT."), "\(f.detail.en)")
        #expect(!f.detail.en.contains("new baseline"))
        #expect(f.detail.zhHans.contains("本次 X 线片记录为未见：左骨盆"), "\(f.detail.zhHans)")
    }

    @Test func aLesionSeenBesideItKeepsTheNewBaseline() throws {
        let f = try #require(assess(record(secondSeen: true), asOf: day("2026-12-07")).rule("boneHealth.mda.noComparableStudy").first)
        #expect(f.detail.en.contains("or take this X-ray as the new baseline"))
        #expect(f.detail.en.contains("Recorded not seen on this X-ray: left pelvis"))
    }

    @Test func aFilmThatShowedItBeforeIsItsOwnComparison() throws {
        #expect(!assess(record(filmBefore: true), asOf: day("2026-12-07")).has("boneHealth.mda.noComparableStudy"))
    }
}

/// cb138-a (unseen record, 2026-12-07): an ilium mixed with partial fill-in at four months of
/// letrozole and ribociclib, lytic again at ten, no sizes — "NE — size not measured" and nothing
/// of the healing lost. Rule set .381: the reason says it, and asks for the measurement (no
/// verdict without a size: MDA's progression is a size or a new lesion).
@Suite struct HealingLostWithoutSizeTests {
    @Test func theLostHealingIsSaidNotJudged() {
        let prior = observation("P", .mixed) { $0.boneDestruction = true; $0.fillIn = .partial }
        let lytic = observation("P", .lytic) { $0.boneDestruction = true }
        let r = MDA.classify(prior: prior, current: lytic, modality: .ct)
        #expect(r.category == .notEvaluable)
        #expect(r.reasons.map(\.en) == [
            "size not measured on one or both studies — change unknown; healing on the previous study (mixed, partial sclerotic fill-in), lytic now — measure it on both studies to judge progression",
        ])
        #expect(r.reasons[0].zhHans.contains("前次检查有修复征象（混合性、部分硬化填充），本次为溶骨性"))
        // Still healing (a rim now), or lytic both times: no such words.
        var rim = lytic
        rim.scleroticRim = true
        #expect(!MDA.classify(prior: prior, current: rim, modality: .ct).reasons.contains { $0.en.contains("healing on the previous study") })
        let lyticBefore = observation("P", .lytic) { $0.boneDestruction = true }
        #expect(!MDA.classify(prior: lyticBefore, current: lytic, modality: .ct).reasons.contains { $0.en.contains("healing on the previous study") })
    }
}

/// cb139 (unseen records, 2026-12-07): an EHR's "bevacizumab-awwb (Mvasi)" — a US biosimilar named
/// with its four-letter suffix (FDA, Nonproprietary Naming of Biological Products, 2017) — beside
/// a Mirels 10 femur was no bevacizumab for the anti-angiogenic timing, while the regimen's class
/// read it. Rule set .382: a hyphen-joined run of a word is read as the drug classes read it, and
/// bevacizumab's biosimilar brands are names of it.
@Suite struct BiosimilarNamesTests {
    func names(_ name: String) -> [String] {
        AntiAngiogenicDrugs.named(in: Treatment(id: "T", kind: .systemic, name: name, start: day("2026-10-01"))).map(\.label.en)
    }

    @Test func suffixedAndBrandedBiosimilarsAreBevacizumab() {
        for name in ["bevacizumab-awwb (Mvasi)", "Bevacizumab-bvzr", "Zirabev 7.5 mg/kg", "Vegzelma", "carboplatin + pemetrexed + Alymsys"] {
            #expect(names(name) == ["bevacizumab"], "\(name)")
        }
        // Still whole words: a hyphenated run must be the name itself.
        #expect(names("anti-VEGF study drug").isEmpty)
        #expect(names("FOLFIRI + ziv-aflibercept") == ["ziv-aflibercept"])
    }

    @Test func theTimingFindingNamesIt() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "F", bone: .femur, segment: .peritrochanteric, laterality: .right, primary: "P1")]
        r.studies = [ImagingStudy(id: "X1", date: day("2026-11-20"), modality: .xray, observations: [
            observation("F", .lytic) { $0.boneDestruction = true; $0.mirelsSize = .moreThanTwoThirds },
        ])]
        r.pain = [PainRecord(date: day("2026-11-20"), lesion: "F", mirels: .functional)]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "bevacizumab-awwb (Mvasi)", start: day("2026-10-01"))]
        let f = try #require(assess(r, asOf: day("2026-12-07")).rule("surgery.timing.antiAngiogenic").first)
        #expect(f.title.en.contains("bevacizumab"))
    }
}

/// cb139-b (unseen records, 2026-12-07): denosumab's biosimilars by brand — "Wyost 120 mg",
/// "Osenvelt", "Jubbonti 60 mg", "迈卫健" — were no bone-modifying agent ("bone metastases without a
/// bone-modifying agent" beside them). Rule set .383.
@Suite struct DenosumabBiosimilarBrandsTests {
    @Test func brandsAreDenosumab() {
        for name in ["Wyost 120 mg", "Osenvelt", "Jubbonti 60 mg", "Xbryk", "Bomyntra 120 mg SC q4w", "迈卫健 120mg", "迈利舒", "denosumab-bbdz"] {
            #expect(BoneAgent.named(in: name) == .denosumab, "\(name)")
        }
        #expect(BoneAgent.named(in: "pemetrexed") == nil)
    }

    @Test func aRowSoNamedIsTheAgentsCourse() {
        var r = baseCase()
        r.treatments.append(Treatment(id: "D", kind: .systemic, name: "Wyost 120 mg", start: day("2023-01-12")))
        let a = assess(r, asOf: day("2023-06-30"))
        #expect(a.has("boneAgents.recordedAsSystemic"))
        #expect(!a.findings.contains { $0.ruleId == "boneAgents.indication" && $0.title.en.contains("without a bone-modifying agent") })
    }
}

/// cb140 (unseen records, 2026-12-07): regimens written by their Chinese brand alone — a prostate
/// cancer's androgen deprivation as "诺雷得" (Zoladex's official Chinese brand; "诺雷德" was read) or
/// "抑那通", an EGFR lung cancer's "阿美乐" or "艾弗沙", "唯择", "健择" — had no class: New Katagiri's
/// previous chemotherapy stayed open and the castration reading had no deprivation. Rule set .384.
@Suite struct ChineseBrandClassesTests {
    @Test func brandsGiveTheirClass() {
        let expected: [(String, SystemicClass)] = [
            ("诺雷得", .endocrine), ("抑那通", .endocrine), ("达菲林", .endocrine), ("安森珂", .endocrine), ("诺倍戈", .endocrine),
            ("阿美乐", .targeted), ("艾弗沙", .targeted), ("唯择", .targeted), ("爱必妥", .targeted), ("泰欣生", .targeted),
            ("健择", .chemotherapy), ("力比泰", .chemotherapy), ("诺维本", .chemotherapy), ("海乐卫", .chemotherapy),
        ]
        for (name, drugClass) in expected {
            #expect(DrugClasses.classes(in: name) == [drugClass], "\(name)")
        }
    }

    @Test func previousChemotherapyIsSettledByTheBrand() throws {
        var r = baseCase()
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "健择", start: day("2023-01-10"))]
        let katagiri = try #require(assess(r, asOf: day("2023-06-30")).katagiri)
        #expect(katagiri.components.first { $0.key == "previousChemotherapy" }?.points == 1)
    }
}

/// ehr46 (unseen bundle, 2026-12-07): Conditions written "肝内胆管细胞癌" and "肾盂癌" became liver and
/// kidney primaries with no histology read — so the liver's and the kidney's hypervascular,
/// radioresistant tumours (hepatocellular, renal-cell; reference.md): pre-operative embolisation
/// offered for a cholangiocarcinoma and a renal pelvis's urothelial carcinoma. Rule set .385.
@Suite struct LiverAndKidneyHistologiesTests {
    @Test func theTextDecidesTheType() {
        #expect(HistologyType.infer(from: "肝内胆管细胞癌") == .adenocarcinoma)
        #expect(HistologyType.infer(from: "intrahepatic cholangiocarcinoma") == .adenocarcinoma)
        #expect(HistologyType.infer(from: "肾盂癌") == .urothelialCarcinoma)
        #expect(HistologyType.infer(from: "肝细胞癌") == .hepatocellularCarcinoma)
        #expect(HistologyType.infer(from: "肾透明细胞癌") == .renalCellCarcinoma)
        #expect(HistologyType.infer(from: "转移性透明细胞癌") == .renalCellCarcinoma)
        // The ovary's or endometrium's clear-cell carcinoma is not renal-cell (rule set .386).
        #expect(HistologyType.infer(from: "卵巢透明细胞癌") == nil)
        #expect(HistologyType.infer(from: "ovarian clear cell carcinoma") == nil)
        #expect(!PrimaryCancer(id: "P", site: .other, histology: "卵巢透明细胞癌", diagnosed: day("2025-01")).isHypervascular)
    }

    @Test func onlyTheOrgansOwnTumourIsHypervascularAndResistant() {
        func primary(_ site: PrimarySite, _ histology: String?) -> PrimaryCancer {
            PrimaryCancer(id: "P", site: site, histology: histology, diagnosed: day("2025-01"))
        }
        #expect(!primary(.liver, "肝内胆管细胞癌").isHypervascular)
        #expect(primary(.liver, "肝内胆管细胞癌").radiosensitivity == .unknown)
        #expect(!primary(.kidney, "肾盂癌").isHypervascular)
        #expect(primary(.kidney, "肾盂癌").radiosensitivity == .unknown)
        // The organ's own tumour, or no histology: as before.
        #expect(primary(.liver, "肝细胞癌").isHypervascular && primary(.liver, "肝细胞癌").radiosensitivity == .resistant)
        #expect(primary(.kidney, nil).isHypervascular && primary(.kidney, nil).radiosensitivity == .resistant)
        #expect(primary(.thyroid, "甲状腺乳头状腺癌").isHypervascular)
        // A lymphoma of the kidney stays radiosensitive.
        #expect(primary(.kidney, "弥漫大B细胞淋巴瘤").radiosensitivity == .sensitive)
    }
}

/// cb142 (unseen records, 2026-12-07): a lesion's biopsy between two recorded primaries. "转移性
/// 透明细胞癌，PAX8(+)" beside a breast cancer and a kidney cancer recorded "肾癌" (no histology read)
/// matched neither (the renal-cell type sought a primary recorded renal-cell); "TTF-1(+)，NapsinA(+)"
/// beside a lung and a thyroid cancer, and "TTF-1(+)，TG(+)，PAX8(+)", read "lung or thyroid" (every
/// organ any marker names). Rule set .387: an organ-specific histology matches a primary of its
/// organ with no histology; the markers are read where they agree (Conner & Hornick 2015).
@Suite struct BiopsyBetweenTwoPrimariesTests {
    func primary(_ lesionBiopsy: String, _ primaries: [(PrimarySite, String)]) -> PrimarySite? {
        var r = baseCase()
        r.primaries = primaries.enumerated().map { PrimaryCancer(id: "P\($0.offset)", site: $0.element.0, histology: $0.element.1, diagnosed: day("2020-01")) }
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L3"))]
        r.studies = [ct("C1", "2026-11-01", [observation("V", .lytic) { $0.boneDestruction = true }])]
        r.biopsies = [Biopsy(lesion: "V", date: day("2026-11-05"), decalcification: .edta, result: .metastasis, histology: lesionBiopsy)]
        return CaseIndex(r, asOf: day("2026-12-07"), settings: .default).biopsyPrimary("V")?.site
    }

    @Test func theMarkersAgreeingNameTheOrgan() {
        #expect(ImmunoprofileText.consistentOrgans(in: "TTF-1(+)，NapsinA(+)") == [.lung])
        #expect(ImmunoprofileText.consistentOrgans(in: "TTF-1(+)，TG(+)，PAX8(+)") == [.thyroid])
        // Disagreeing markers exclude nothing either names.
        #expect(ImmunoprofileText.consistentOrgans(in: "TTF-1(+)，GATA3(+)") == [.lung, .thyroid, .breast, .bladder])
        #expect(primary("转移性腺癌，TTF-1(+)，NapsinA(+)，TG(-)", [(.lung, "肺腺癌"), (.thyroid, "甲状腺乳头状癌")]) == .lung)
        #expect(primary("转移性癌，TTF-1(+)，TG(+)，PAX8(+)", [(.lung, "肺腺癌"), (.thyroid, "甲状腺乳头状癌")]) == .thyroid)
        #expect(primary("转移性腺癌，TTF-1(+)，GATA3(+)", [(.lung, "肺腺癌"), (.breast, "乳腺癌")]) == nil)
    }

    @Test func anOrganSpecificTypeFindsThePrimaryOfItsOrgan() {
        #expect(primary("转移性透明细胞癌，PAX8(+)，CD10(+)", [(.breast, "乳腺癌"), (.kidney, "肾癌")]) == .kidney)
        // A kidney primary of another recorded histology is not it.
        #expect(primary("转移性透明细胞癌", [(.breast, "乳腺癌"), (.kidney, "肾盂尿路上皮癌")]) == nil)
    }
}
