@testable import BoneMetRules
import Testing

/// cb22-a (unseen record, 2026-12-03): a squamous-cell lung cancer on paclitaxel–carboplatin, a
/// proximal humeral lesion, labs as a Chinese hospital's export writes them. The creatinine was
/// 88 with the unit "mg/dL" (µmol/L: 1.0 mg/dL), and the calcium (2.35), albumin (36),
/// haemoglobin (105) and platelets (85) came without a unit and were read in the test's first
/// unit. The assessment called zoledronic acid "not recommended" (CrCl 0.7 mL/min), graded an
/// urgent hypocalcaemia of −23 mg/dL and gave PATHFx a haemoglobin of 105 g/dL. Rule set
/// 2026.12.124: a value no laboratory reports from a living patient in the unit written is not
/// used, and a warning names it with the unit it would fit (Young 1987's conversion factors).
@Suite struct ALabValueInTheWrongUnitIsNotReadTests {
    func record(creatinine: LabResult) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.patient.birthDate = day("1958-04-02")
        r.patient.weights = [WeightRecord(date: day("2023-03-01"), kg: 63)]
        r.labs = [
            LabResult(date: day("2023-01-04"), test: .creatinine, value: 0.9, unit: "mg/dL"),
            creatinine,
            LabResult(date: day("2023-03-19"), test: .calcium, value: 2.35, unit: "mg/dL"),
            LabResult(date: day("2023-03-19"), test: .albumin, value: 3.6, unit: "g/dL"),
        ]
        return r
    }

    @Test func aCreatinineInMicromolesWrittenAsMilligramsIsNotUsed() throws {
        let a = assess(record(creatinine: LabResult(date: day("2023-03-19"), test: .creatinine, value: 88, unit: "mg/dL")), asOf: day("2023-03-21"))
        let creatinine = try #require(a.rule("diagnosis.record.labImplausible").first { $0.title.en.hasPrefix("Serum creatinine") })
        #expect(creatinine.severity == .warning)
        #expect(creatinine.specialty == .mdtCoordinator)
        #expect(creatinine.title.en == "Serum creatinine 88 mg/dL (2023-03-19) is not a possible value — check the unit")
        #expect(creatinine.detail.en.contains("outside 0.1–40 mg/dL"), "\(creatinine.detail.en)")
        #expect(creatinine.detail.en.contains("88 mg/dL (2023-03-19) — possible in µmol/L"), "\(creatinine.detail.en)")
        #expect(creatinine.detail.en.contains("the rules read the latest possible result instead, 0.9 mg/dL of 2023-01-04"), "\(creatinine.detail.en)")
        #expect(creatinine.detail.zhHans.contains("88 mg/dL（2023-03-19）——按 µmol/L 则可能"), "\(creatinine.detail.zhHans)")
        #expect(creatinine.sources.map(\.id) == ["young1987"])
        // The calcium of 2.35 "mg/dL" (mmol/L) is named too, and graded as no hypocalcaemia.
        let calcium = try #require(a.rule("diagnosis.record.labImplausible").first { $0.title.en.hasPrefix("Serum calcium") })
        #expect(calcium.detail.en.contains("possible in mmol/L"), "\(calcium.detail.en)")
        #expect(!a.findings.contains { $0.title.en.contains("Hypocalcaemia") })
        // The clearance is the baseline's, not 0.7 mL/min.
        #expect(!a.findings.contains { $0.detail.en.contains("CrCl 0.") || $0.detail.en.contains("not recommended") })
    }

    @Test func theSameValueInItsUnitIsReadWithoutAWord() {
        let a = assess(record(creatinine: LabResult(date: day("2023-03-19"), test: .creatinine, value: 88, unit: "µmol/L")), asOf: day("2023-03-21"))
        #expect(a.rule("diagnosis.record.labImplausible").count == 1)  // only the calcium
        #expect(!a.rule("diagnosis.record.labImplausible").contains { $0.title.en.contains("creatinine") })
    }

    @Test func withNoOtherResultTheRulesReadNone() throws {
        var r = record(creatinine: LabResult(date: day("2023-03-19"), test: .creatinine, value: 88, unit: "mg/dL"))
        r.labs.removeFirst()
        let a = assess(r, asOf: day("2023-03-21"))
        let creatinine = try #require(a.rule("diagnosis.record.labImplausible").first { $0.title.en.hasPrefix("Serum creatinine") })
        #expect(creatinine.detail.en.hasSuffix("the rules read no serum creatinine until then."), "\(creatinine.detail.en)")
        #expect(creatinine.detail.zhHans.contains("在此之前规则不使用任何血肌酐结果"))
    }

    /// The limits of measurement, at their edges (canonical units; docs/case-format.md).
    @Test func theLimitsAtTheirEdges() {
        let edges: [(LabTest, String, Double, Double)] = [
            (.creatinine, "mg/dL", 0.1, 40), (.calcium, "mg/dL", 3, 25), (.albumin, "g/dL", 0.5, 7), (.hemoglobin, "g/dL", 1.5, 25),
            (.platelets, "/µL", 1_000, 5_000_000), (.lymphocytes, "10^9/L", 0.01, 1_000), (.crp, "mg/dL", 0, 100),
            (.ldh, "U/L", 1, 100_000), (.bilirubin, "mg/dL", 0.05, 60), (.mProtein, "g/dL", 0, 20), (.egfr, "mL/min/1.73m2", 0, 300),
        ]
        for (test, unit, low, high) in edges {
            #expect(test.isPlausible(low, unit: unit) && test.isPlausible(high, unit: unit), "\(test)")
            #expect(!test.isPlausible(high * 1.001, unit: unit), "\(test)")
            #expect(!test.isPlausible(low == 0 ? -0.001 : low * 0.999, unit: unit), "\(test)")
        }
        #expect(LabTest.psa.isPlausible(100_000, unit: "ng/mL"))
    }

    /// Where the units' ranges do not overlap, one unit fits; where they do, both.
    @Test func theUnitsAValueFits() {
        #expect(LabTest.creatinine.plausibleUnits(for: 88) == ["µmol/L"])
        #expect(LabTest.creatinine.plausibleUnits(for: 1.1) == ["mg/dL"])
        #expect(LabTest.creatinine.plausibleUnits(for: 12) == ["mg/dL", "µmol/L"])
        #expect(LabTest.calcium.plausibleUnits(for: 2.35) == ["mmol/L"])
        #expect(LabTest.calcium.plausibleUnits(for: 9.6) == ["mg/dL"])
        #expect(LabTest.albumin.plausibleUnits(for: 36) == ["g/L"])
        #expect(LabTest.hemoglobin.plausibleUnits(for: 105) == ["g/L"])
        #expect(LabTest.hemoglobin.plausibleUnits(for: 10.5) == ["g/dL"])
        #expect(LabTest.platelets.plausibleUnits(for: 85) == ["10^9/L"])
        #expect(LabTest.platelets.plausibleUnits(for: 85_000) == ["/µL"])
        #expect(LabTest.lymphocytes.plausibleUnits(for: 1.2) == ["10^9/L"])
        #expect(LabTest.crp.plausibleUnits(for: 3) == ["mg/dL", "mg/L"])
        #expect(LabTest.plausibleUnits(LabTest.creatinine)(for: 5_000).isEmpty)
        #expect(LabTest.creatinine.plausibleRangeText(in: "µmol/L") == "8.84–3536 µmol/L")
    }
}

/// cb22-b (unseen record): castration-resistant prostate cancer, zoledronic acid 4 mg every 4
/// weeks from 2026-01-06, baseline creatinine 80 µmol/L. 1.5 mg/dL on 03-30 withheld it; 88 µmol/L
/// on 04-20 — exactly 10 % above baseline — read "Keep withholding: creatinine 88 µmol/L (1 mg/dL),
/// not yet ≤ 0.99 mg/dL (88 µmol/L)": the check ran in mg/dL (÷ 88.4) against a limit rounded
/// down. Rule set 2026.12.125: the renal check compares in the laboratory's own unit.
@Suite struct TheRenalCheckInTheLaboratorysUnitTests {
    func record(_ labs: [LabResult]) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.patient.birthDate = day("1961-02-11")
        r.patient.weights = [WeightRecord(date: day("2023-01-03"), kg: 70)]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, name: "zoledronic acid", start: day("2023-01-06"), agent: .zoledronicAcid, doseMg: 4,
            intervalWeeks: 4, doses: [day("2023-01-06"), day("2023-02-03"), day("2023-03-03")]))
        r.labs = [LabResult(date: day("2023-01-03"), test: .creatinine, value: 80, unit: "µmol/L")] + labs
        return r
    }

    @Test func exactlyTenPercentAboveBaselineEndsTheHold() {
        let labs = [
            LabResult(date: day("2023-03-30"), test: .creatinine, value: 1.5, unit: "mg/dL"),
            LabResult(date: day("2023-04-20"), test: .creatinine, value: 88, unit: "µmol/L"),
        ]
        let a = assess(record(labs), asOf: day("2023-04-21"))
        #expect(!a.findings.contains { $0.title.en.contains("withholding") || $0.title.en.contains("Withhold") }, "\(a.findings.map(\.title.en))")
        let above = assess(record([labs[0], LabResult(date: day("2023-04-20"), test: .creatinine, value: 89, unit: "µmol/L")]), asOf: day("2023-04-21"))
        #expect(above.findings.contains { $0.title.en.hasPrefix("Keep withholding zoledronic acid: creatinine 89 µmol/L") })
        #expect(above.findings.contains { $0.title.en.hasSuffix("not yet ≤ 0.99 mg/dL (88 µmol/L)") }, "\(above.findings.map(\.title.en))")
    }

    /// The limit is said in the laboratory's unit as the check uses it: baseline 85 µmol/L → 93.5.
    @Test func theLimitIsSaidAsTheCheckUsesIt() {
        var r = record([
            LabResult(date: day("2023-03-30"), test: .creatinine, value: 1.5, unit: "mg/dL"),
            LabResult(date: day("2023-04-20"), test: .creatinine, value: 94, unit: "µmol/L"),
        ])
        r.labs[0].value = 85
        let a = assess(r, asOf: day("2023-04-21"))
        #expect(a.findings.contains { $0.title.en == "Keep withholding zoledronic acid: creatinine 94 µmol/L (1.06 mg/dL), not yet ≤ 1.05 mg/dL (93.5 µmol/L)" }, "\(a.findings.map(\.title.en))")
        r.labs[2].value = 93
        #expect(!assess(r, asOf: day("2023-04-21")).findings.contains { $0.title.en.contains("withholding") })
    }

    @Test func aRiseOfExactlyHalfAMilligramInMicromolesWithholds() {
        // 0.5 mg/dL = 44.2 µmol/L: 80 → 124.2 µmol/L.
        let a = assess(record([LabResult(date: day("2023-03-30"), test: .creatinine, value: 124.2, unit: "µmol/L")]), asOf: day("2023-03-31"))
        #expect(a.findings.contains { $0.title.en.hasPrefix("Withhold zoledronic acid: creatinine rose by 0.5 mg/dL") }, "\(a.findings.map(\.title.en))")
        // The line in the laboratory's unit exactly: 44.2 µmol/L, not "44" (which does not withhold).
        #expect(a.findings.contains { $0.detail.en.contains("a rise of 0.5 mg/dL (44.2 µmol/L) withholds it") }, "\(a.findings.map(\.detail.en))")
        let below = assess(record([LabResult(date: day("2023-03-30"), test: .creatinine, value: 124.1, unit: "µmol/L")]), asOf: day("2023-03-31"))
        #expect(!below.findings.contains { $0.title.en.hasPrefix("Withhold zoledronic acid") })
    }

    @Test func mixedUnitsAreComparedExactly() {
        let check = ZoledronicAcid.renalCheck(baseline: .init(0.9, unit: "mg/dL"), current: .init(79.56, unit: "µmol/L"))  // 0.9 × 88.4
        #expect(check.withinTenPercent && !check.withhold)
        #expect(ZoledronicAcid.renalCheck(baseline: .init(0.9, unit: "mg/dL"), current: .init(123.76, unit: "µmol/L")).withhold)  // + 0.5 mg/dL
        #expect(!ZoledronicAcid.renalCheck(baseline: .init(0.9, unit: "mg/dL"), current: .init(123.75, unit: "µmol/L")).withhold)
    }
}

/// cb22-c (unseen record): a follicular thyroid carcinoma, C7 lytic with mechanical pain, collapse
/// < 50 %, unilateral posterolateral involvement (SINS 3 + 3 + 2 + 0 + 2 + 1 = 11), ESCC 1c,
/// intact. Its NOMS said "spine-surgery consultation …; radiotherapy by histology" though the
/// histology and the grade were known. Rule set 2026.12.126: with a low-grade ESCC and a known
/// radiosensitivity the technique is named (Laufer 2013: radioresistant with low-grade ESCC →
/// stereotactic radiosurgery; radiosensitive → conventional radiotherapy).
@Suite struct TheTechniqueBesideTheStabilisationTests {
    func record(site: PrimarySite = .thyroid, escc: ESCC.Grade? = .g1c) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2022-02"))]
        r.lesions = [Lesion(id: "C7", bone: .vertebra, level: VertebralLevel("C7")), Lesion(id: "IL", bone: .pelvis, laterality: .left)]
        var mri = ImagingStudy(id: "M1", date: day("2023-03-08"), modality: .mri, coverage: [.cervicalSpine], observations: [observation("C7")])
        mri.observations[0].escc = escc
        r.studies = [
            survey("B1", "2023-03-02", ["C7", "IL"]),
            ct("C1", "2023-03-05", [
                observation("C7", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral },
                observation("IL", .lytic) { $0.boneDestruction = true },
            ]),
            mri,
        ]
        r.treatments = []
        r.pain = [PainRecord(date: day("2023-03-10"), lesion: "C7", sins: .mechanical, nrs: 6)]
        r.neurology = [NeurologyRecord(date: day("2023-03-10"), status: .intact)]
        return r
    }

    func noms(_ r: CaseRecord, settings: RuleSettings = .default) throws -> Finding {
        try #require(assess(r, asOf: day("2023-03-11"), settings: settings).rule("surgery.spine.noms").first { $0.subject == .lesion("C7") })
    }

    @Test func radioresistantLowGradeIsRadiosurgery() throws {
        let f = try noms(record())
        #expect(f.title.en.contains("SINS 11"), "\(f.title.en)")
        #expect(f.detail.en.contains("Radiotherapy: stereotactic radiosurgery (radioresistant histology, low-grade ESCC)."), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("放疗：立体定向放射外科（放疗抵抗组织学，低级别硬膜外压迫）。"))
    }

    @Test func radiosensitiveLowGradeIsConventional() throws {
        let f = try noms(record(site: .breast))
        #expect(f.detail.en.contains("Radiotherapy: conventional (radiosensitive histology)."), "\(f.detail.en)")
    }

    @Test func withoutAGradeOrAtHighGradeTheTechniqueIsNotNamed() throws {
        let ungraded = try noms(record(escc: nil))
        // Since 2026.12.213 the grade is asked for first (cb42-b).
        #expect(ungraded.detail.en.contains("Radiotherapy by histology, once ESCC is graded on axial T2 MRI"), "\(ungraded.detail.en)")
        #expect(!ungraded.detail.en.contains("stereotactic radiosurgery (radioresistant histology"))
        let strict = try noms(record(), settings: RuleSettings(escc1cIsHighGrade: true))
        #expect(!strict.detail.en.contains("stereotactic radiosurgery (radioresistant histology, low-grade ESCC)"), "\(strict.detail.en)")
    }
}

/// cb22-g (unseen record): a clear-cell renal cancer resected in 2018; in 2026 one lytic S2 lesion
/// (SINS 3, ESCC 0), no tissue. "Biopsy indicated: solitary; long disease-free interval (8 years)"
/// stood beside NOMS "Stable, low-grade: stereotactic radiosurgery for radioresistant histology".
/// Rule set 2026.12.127: radiotherapy of an undiagnosed lytic or mixed lesion waits for the
/// biopsy, whose histology decides the technique (reference.md: a solitary lesion, a long
/// disease-free interval → biopsy; NOMS's O is the histology's).
@Suite struct RadiotherapyWaitsForTheBiopsyTests {
    func record(character: LesionCharacter = .lytic, biopsy: BiopsyResult? = nil) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1960-03-15")
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2014-04"))]
        r.lesions = [Lesion(id: "S2", bone: .sacrum, level: VertebralLevel("S2"))]
        var mri = ImagingStudy(id: "M1", date: day("2023-03-08"), modality: .mri, coverage: [.sacrum], observations: [observation("S2")])
        mri.observations[0].escc = .g0
        r.studies = [
            ImagingStudy(id: "P1s", date: day("2023-03-01"), modality: .petCt, observations: [observation("S2") { $0.uptake = true }]),
            ct("C1", "2023-03-05", [observation("S2", character) {
                $0.boneDestruction = character != .blastic; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none
            }]),
            mri,
        ]
        r.treatments = []
        r.pain = [PainRecord(date: day("2023-03-10"), lesion: "S2", sins: .occasional, nrs: 4)]
        r.neurology = [NeurologyRecord(date: day("2023-03-10"), status: .intact)]
        r.biopsies = biopsy.map { [Biopsy(lesion: "S2", date: day("2023-03-09"), result: $0, histology: "clear-cell renal cell carcinoma")] } ?? []
        return r
    }

    func noms(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-03-11")).rule("surgery.spine.noms").first { $0.subject == .lesion("S2") })
    }

    @Test func anUndiagnosedLyticLesionIsIrradiatedAfterTheBiopsy() throws {
        let a = assess(record(), asOf: day("2023-03-11"))
        #expect(a.has("diagnosis.biopsy.indicated", subject: .lesion("S2")))
        let f = try noms(record())
        #expect(f.title.en.hasSuffix("NOMS assessment, tissue diagnosis first"), "\(f.title.en)")
        #expect(f.title.zhHans.hasSuffix("NOMS 评估，先明确病理"))
        #expect(f.detail.en.contains("Stable, low-grade — tissue diagnosis first (solitary bone lesion; long disease-free interval (8 years)): radiotherapy waits for the biopsy, whose histology decides the technique; if it is a metastasis of the primary on record, stereotactic radiosurgery for radioresistant histology."), "\(f.detail.en)")
        #expect(f.claims.contains(Claim(.biopsy, about: "S2", "biopsy")))
    }

    @Test func aProvenMetastasisIsIrradiatedAsItsHistologySays() throws {
        let f = try noms(record(biopsy: .metastasis))
        #expect(f.detail.en.contains("Stable, low-grade: stereotactic radiosurgery for radioresistant histology."), "\(f.detail.en)")
        #expect(!f.title.en.contains("tissue"))
    }

    @Test func aBlasticLesionKeepsTheDiagnosisFindingsAdvice() throws {
        let f = try noms(record(character: .blastic))
        #expect(!f.detail.en.contains("tissue diagnosis first"), "\(f.detail.en)")
    }
}

/// cb22-h (unseen record): a lobular breast cancer born "1950" (year only), 65.2 kg, creatinine
/// 1.0 mg/dL on 2026-06-01. Cockcroft–Gault takes the older age (76: CrCl 49.3 → 3.3 mg; at 75 it
/// is 50.0 → 3.5 mg) and said "age 76" as if known. Rule set 2026.12.128: the dose says the age
/// range and which end was taken.
@Suite struct TheAgeOfABirthYearIsSaidTests {
    func record(birth: String) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day(birth)
        r.patient.weights = [WeightRecord(date: day("2026-06-01"), kg: 65.2)]
        r.studies = [ct("S1", "2026-05-22", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }])]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "fulvestrant", systemicClass: .endocrine, start: day("2026-06-05")),
            Treatment(id: "Z", kind: .boneModifyingAgent, name: "zoledronic acid", planned: true, agent: .zoledronicAcid),
        ]
        r.labs = [LabResult(date: day("2026-06-01"), test: .creatinine, value: 1.0, unit: "mg/dL")]
        return r
    }

    @Test func aBirthYearGivesTheOlderAgeAndSaysSo() throws {
        let a = assess(record(birth: "1950"), asOf: day("2026-06-06"))
        let dose = try #require(a.findings.first { $0.title.en.hasPrefix("Zoledronic acid 3.3 mg for CrCl 49.3") })
        #expect(dose.detail.en.contains("age 76 (the birth date gives 75–76: the older age, the lower clearance, is taken)"), "\(dose.detail.en)")
        #expect(dose.detail.zhHans.contains("年龄 76 岁（按出生日期为 75–76 岁：取较大年龄，即较低的肌酐清除率）"))
    }

    @Test func aWholeBirthDateGivesOneAge() throws {
        let a = assess(record(birth: "1950-03-01"), asOf: day("2026-06-06"))
        let dose = try #require(a.findings.first { $0.title.en.hasPrefix("Zoledronic acid 3.3 mg") })
        #expect(dose.detail.en.contains("age 76:"), "\(dose.detail.en)")
        #expect(!dose.detail.en.contains("the birth date gives"))
    }
}

/// The myeloma-defining CRAB limits as IMWG writes them in each unit (Rajkumar 2014, reference.md):
/// calcium > 2.75 mmol/L (> 11 mg/dL) or > 0.25 mmol/L (> 1 mg/dL) above the upper limit;
/// creatinine > 177 µmol/L (> 2 mg/dL). The two units' numbers are not one converted (2.75 mmol/L
/// = 11.02 mg/dL; 177 µmol/L = 2.002 mg/dL): judged in mg/dL, exactly 2.75 mmol/L and exactly
/// 177 µmol/L were features. Rule set 2026.12.129.
@Suite struct CRABLimitsInTheirOwnUnitTests {
    func crab(_ labs: [LabResult]) -> [String: Bool?] {
        var r = baseCase()
        r.labs = labs
        r.patient.weights = []  // no clearance: the creatinine decides alone
        let index = CaseIndex(r, asOf: day("2023-04-01"), settings: .default)
        return Dictionary(uniqueKeysWithValues: index.crab().map { ($0.name.en, $0.abnormal) })
    }

    func lab(_ test: LabTest, _ value: Double, _ unit: String, upper: Double? = nil) -> LabResult {
        LabResult(date: day("2023-03-01"), test: test, value: value, unit: unit, upperLimit: upper)
    }

    @Test func calciumAtTheLimitInEachUnit() {
        let albumin = lab(.albumin, 40, "g/L")
        #expect(crab([lab(.calcium, 2.75, "mmol/L"), albumin])["calcium"] == false)
        #expect(crab([lab(.calcium, 2.76, "mmol/L"), albumin])["calcium"] == true)
        #expect(crab([lab(.calcium, 11, "mg/dL"), lab(.albumin, 4, "g/dL")])["calcium"] == false)
        #expect(crab([lab(.calcium, 11.1, "mg/dL"), lab(.albumin, 4, "g/dL")])["calcium"] == true)
        // 0.25 mmol/L above the laboratory's upper limit (2.45): 2.70 is at it, 2.71 above.
        #expect(crab([lab(.calcium, 2.70, "mmol/L", upper: 2.45), albumin])["calcium"] == false)
        #expect(crab([lab(.calcium, 2.71, "mmol/L", upper: 2.45), albumin])["calcium"] == true)
        // Corrected in SI (Payne: + 0.02 × (40 − albumin g/L)): 2.65 with albumin 30 g/L is 2.85.
        #expect(crab([lab(.calcium, 2.65, "mmol/L"), lab(.albumin, 30, "g/L")])["calcium"] == true)
    }

    @Test func creatinineAtTheLimitInEachUnit() {
        // At the limit, not above it: with no clearance the criterion is undetermined (CrCl < 40
        // would meet it; rule set 2026.12.318), never met.
        #expect(crab([lab(.creatinine, 177, "µmol/L")])["renal function"].flatMap { $0 } == nil)
        #expect(crab([lab(.creatinine, 178, "µmol/L")])["renal function"] == true)
        #expect(crab([lab(.creatinine, 2, "mg/dL")])["renal function"].flatMap { $0 } == nil)
        #expect(crab([lab(.creatinine, 2.01, "mg/dL")])["renal function"] == true)
    }
}

/// cb22-p (unseen record): a 70-year-old without a known primary — L2 lytic and hot, pelvis and
/// skull lytic and cold on the bone scan; calcium 2.85 mmol/L (upper limit 2.6), albumin 32 g/L,
/// creatinine 168 µmol/L, haemoglobin 92 g/L; biopsy pending. The myeloma differential named the
/// cold lytic lesions only when a primary was known, and its CRAB and the hypercalcaemia spoke
/// mg/dL and g/dL alone, values not on the laboratory's report. Rule set 2026.12.130.
@Suite struct TheLaboratorysUnitsInTheTextTests {
    func record() -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.patient.birthDate = day("1953-01-30")
        r.patient.weights = [WeightRecord(date: day("2023-03-01"), kg: 70)]
        r.primaries = []
        r.lesions = [
            Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2")), Lesion(id: "IL", bone: .pelvis, laterality: .left),
            Lesion(id: "SK", bone: .skull),
        ]
        var scan = survey("B1", "2023-03-02", ["L2"])
        scan.observations += [observation("IL") { $0.uptake = false }, observation("SK") { $0.uptake = false }]
        r.studies = [
            ct("C1", "2023-02-28", [
                observation("L2", .lytic) { $0.boneDestruction = true }, observation("IL", .lytic) { $0.boneDestruction = true },
            ]),
            ImagingStudy(id: "X1", date: day("2023-03-01"), modality: .xray, observations: [observation("SK", .lytic)]),
            scan,
        ]
        r.treatments = []
        r.labs = [
            LabResult(date: day("2023-03-03"), test: .calcium, value: 2.85, unit: "mmol/L", upperLimit: 2.6),
            LabResult(date: day("2023-03-03"), test: .albumin, value: 32, unit: "g/L"),
            LabResult(date: day("2023-03-03"), test: .creatinine, value: 168, unit: "µmol/L"),
            LabResult(date: day("2023-03-03"), test: .hemoglobin, value: 92, unit: "g/L", lowerLimit: 130),
        ]
        return r
    }

    @Test func theMyelomaDifferentialSaysTheColdLesionsAndTheReportedValues() throws {
        let a = assess(record(), asOf: day("2023-03-04"))
        let myeloma = try #require(a.rule("diagnosis.differential.myeloma").first)
        #expect(myeloma.detail.en.contains("no known primary; lytic lesions without uptake on the bone scan (2): myeloma's lesions are often not seen on bone scan"), "\(myeloma.detail.en)")
        #expect(myeloma.detail.en.contains("met — calcium 3.01 mmol/L (12.06 mg/dL, corrected), renal function creatinine 168 µmol/L (1.9 mg/dL)"), "\(myeloma.detail.en)")
        #expect(myeloma.detail.en.contains("haemoglobin 92 g/L, osteolytic lesions 3. Order serum"), "\(myeloma.detail.en)")
        #expect(myeloma.sources.contains { $0.id == "dimopoulos2009" })
    }

    @Test func theHypercalcaemiaSaysTheReportedValues() throws {
        let a = assess(record(), asOf: day("2023-03-04"))
        let high = try #require(a.findings.first { $0.title.en.hasPrefix("Hypercalcaemia, moderate") })
        #expect(high.detail.en.contains("Calcium measured 2.85 mmol/L (11.4 mg/dL) corrected for albumin 32 g/L; upper limit 2.6 mmol/L (10.4 mg/dL)."), "\(high.detail.en)")
        #expect(high.detail.en.contains("severe > 14 mg/dL (< 3.0, 3.0–3.5, > 3.5 mmol/L)"))
        #expect(high.detail.zhHans.contains("实测 2.85 mmol/L (11.4 mg/dL)，按白蛋白 32 g/L 校正"), "\(high.detail.zhHans)")
    }
}

@Suite struct ImplausibleLabTitleTests {
    /// A title opens with a capital, but eGFR stays "eGFR".
    @Test func theTestIsNamedAsWritten() throws {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-03-01"), test: .egfr, value: 500, unit: "mL/min/1.73m2"),
            LabResult(date: day("2023-03-01"), test: .albumin, value: 38, unit: "g/dL"),
        ]
        let titles = assess(r, asOf: day("2023-03-21")).rule("diagnosis.record.labImplausible").map(\.title.en)
        #expect(titles.contains("eGFR 500 mL/min/1.73m2 (2023-03-01) is not a possible value — check the unit"), "\(titles)")
        #expect(titles.contains("Albumin 38 g/dL (2023-03-01) is not a possible value — check the unit"), "\(titles)")
    }
}

/// Stewart 2005's grades in the unit of the result: severe is > 3.5 mmol/L (> 14 mg/dL). 3.5 mmol/L
/// is 14.03 mg/dL, and graded in mg/dL it was severe. Rule set 2026.12.131.
@Suite struct HypercalcaemiaGradeInItsUnitTests {
    func title(_ value: Double, unit: String, albumin: LabResult) throws -> String {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-03-01"), test: .calcium, value: value, unit: unit), albumin]
        return try #require(assess(r, asOf: day("2023-03-02")).findings.first { $0.title.en.hasPrefix("Hypercalcaemia") }).title.en
    }

    @Test func atTheLimitInEachUnit() throws {
        let si = LabResult(date: day("2023-03-01"), test: .albumin, value: 40, unit: "g/L")
        #expect(try title(3.5, unit: "mmol/L", albumin: si).hasPrefix("Hypercalcaemia, moderate"))
        #expect(try title(3.51, unit: "mmol/L", albumin: si).hasPrefix("Hypercalcaemia, severe"))
        #expect(try title(3.0, unit: "mmol/L", albumin: si).hasPrefix("Hypercalcaemia, moderate"))
        #expect(try title(2.99, unit: "mmol/L", albumin: si).hasPrefix("Hypercalcaemia, mild"))
        let conventional = LabResult(date: day("2023-03-01"), test: .albumin, value: 4, unit: "g/dL")
        #expect(try title(14, unit: "mg/dL", albumin: conventional).hasPrefix("Hypercalcaemia, moderate"))
        #expect(try title(14.1, unit: "mg/dL", albumin: conventional).hasPrefix("Hypercalcaemia, severe"))
        #expect(try title(3.5, unit: "mmol/L", albumin: si).contains("(3.5 mmol/L)"))
    }
}

extension TheTechniqueBesideTheStabilisationTests {
    /// A lesion whose diagnosis is open (here: the only primary diagnosed nine years before, a
    /// long disease-free interval) is given no technique before its biopsy — and, since rule set
    /// .378, is told that radiotherapy waits for it (cb132-c).
    @Test func anOpenDiagnosisNamesNoTechniqueYet() throws {
        var r = record()
        r.primaries = [PrimaryCancer(id: "P1", site: .thyroid, diagnosed: day("2014-02"))]
        let f = try noms(r)
        #expect(f.detail.en.contains("Radiotherapy, too, waits for the tissue diagnosis: its histology decides the technique."), "\(f.detail.en)")
        #expect(!f.detail.en.contains("stereotactic radiosurgery"), "\(f.detail.en)")
        #expect(f.detail.en.contains("Biopsy first"), "\(f.detail.en)")
    }
}

/// A calcium in mmol/L is compared with the laboratory's own limits in mmol/L (the SI-corrected
/// value against the number on the report), and the hypocalcaemia finding says the report's values.
@Suite struct CalciumLimitsInTheReportsUnitTests {
    func assessed(_ value: Double, albumin: Double, upper: Double? = nil, lower: Double? = nil) -> Assessment {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-03-01"), test: .calcium, value: value, unit: "mmol/L", upperLimit: upper, lowerLimit: lower),
            LabResult(date: day("2023-03-01"), test: .albumin, value: albumin, unit: "g/L"),
        ]
        return assess(r, asOf: day("2023-03-02"))
    }

    @Test func atTheUpperLimitIsNotAbove() {
        #expect(!assessed(2.6, albumin: 40, upper: 2.6).findings.contains { $0.title.en.hasPrefix("Hypercalcaemia") })
        #expect(assessed(2.61, albumin: 40, upper: 2.6).findings.contains { $0.title.en.hasPrefix("Hypercalcaemia") })
        // Corrected: 2.45 + 0.02 × (40 − 30) = 2.65 > 2.6.
        #expect(assessed(2.45, albumin: 30, upper: 2.6).findings.contains { $0.title.en.hasPrefix("Hypercalcaemia") })
    }

    @Test func theHypocalcaemiaSaysTheReportedValues() throws {
        let a = assessed(1.9, albumin: 40, lower: 2.1)
        let low = try #require(a.findings.first { $0.title.en.hasPrefix("Hypocalcaemia") })
        #expect(low.detail.en.contains("measured 1.9 mmol/L (7.6 mg/dL) corrected for albumin 40 g/L"), "\(low.detail.en)")
        #expect(low.detail.en.contains("lower limit 2.1 mmol/L (8.4 mg/dL)"), "\(low.detail.en)")
        #expect(low.detail.en.contains("4 below 6.0 mg/dL (2.0, 1.75, 1.5 mmol/L)."), "\(low.detail.en)")
        #expect(low.detail.zhHans.contains("4 级 < 6.0 mg/dL（2.0、1.75、1.5 mmol/L）。"))
        #expect(!assessed(2.1, albumin: 40, lower: 2.1).findings.contains { $0.title.en.hasPrefix("Hypocalcaemia") })
    }
}
