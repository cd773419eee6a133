@testable import BoneMetRules
import Testing

@Suite struct TumourTypeScoredAsItsRowTests {
    /// cb20-a (unseen record, 2026-12-03): a typical carcinoid of the lung, resected in 2019, with
    /// a mixed T10 (ESCC 1b, SINS 3) and a blastic ilium with uptake on a DOTATATE PET-CT. Revised
    /// Tokuhashi scores "thyroid, breast, prostate, carcinoid 5" (Tokuhashi 2005, table 1): the
    /// record read "primary site lung → 0" (total 9 instead of 14, "≥ 6 months" instead of
    /// "≥ 1 year"), and NOMS said "lung cancer of unrecorded histology" of a recorded histology.
    func record(histology: String) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1968-04-11")
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: histology, diagnosed: day("2019-05"))]
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10"))]
        var mri = ImagingStudy(id: "M1", date: day("2026-11-04"), modality: .mri, coverage: [.cervicalSpine, .thoracicSpine, .lumbarSpine],
                               observations: [observation("T10") { $0.escc = .g1b }])
        mri.windows = []
        r.studies = [
            survey("B1", "2026-10-28", ["T10"]),
            ct("C1", "2026-11-02", [observation("T10", .mixed, [22]) {
                $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none
            }]),
            mri,
        ]
        r.treatments = []
        r.performance = [PerformanceStatus(date: day("2026-11-04"), kps: 90)]
        r.neurology = [NeurologyRecord(date: day("2026-11-04"), status: .intact, frankel: .E)]
        r.visceralMetastases = []
        return r
    }

    @Test func aLungCarcinoidScoresTokuhashisCarcinoidRow() throws {
        let a = assess(record(histology: "典型类癌（肺）Ki-67 2%"), asOf: day("2026-11-20"))
        let tokuhashi = try #require(a.rule("surgery.prognosis.tokuhashi").first)
        #expect(tokuhashi.inputs.first { $0.name == "primary" }?.value == "carcinoid")
        #expect(tokuhashi.detail.en.contains("primary site: carcinoid → 5"), "\(tokuhashi.detail.en)")
        // T10 alone here: 2 + 2 + 2 + 2 + 5 + 2 = 15 (read as lung: 10, "≥ 6 months").
        #expect(tokuhashi.title.en.contains("15 (12–15: expected survival ≥ 1 year)"), "\(tokuhashi.title.en)")
        // Tomita classes growth by organ groups that do not name a carcinoid: a range, not "lung 4".
        let tomita = try #require(a.rule("surgery.prognosis.tomita").first)
        #expect(tomita.detail.en.contains("carcinoid → 1–4"), "\(tomita.detail.en)")
        let noms = try #require(a.rule("surgery.spine.noms").first)
        #expect(!noms.detail.en.contains("unrecorded histology"), "\(noms.detail.en)")
        #expect(noms.detail.en.contains("lung (neuroendocrine tumour) — a tumour type the radiosensitivity classes of NOMS do not name"), "\(noms.detail.en)")
        #expect(noms.detail.zhHans.contains("NOMS 的放疗敏感性分类未包括此肿瘤类型"))
    }

    /// A large-cell neuroendocrine carcinoma is a high-grade lung carcinoma, not a carcinoid: it
    /// stays "lung 0" — the words "neuroendocrine" alone made it a neuroendocrine tumour.
    @Test func aNeuroendocrineCarcinomaIsNoCarcinoid() throws {
        #expect(HistologyType.infer(from: "大细胞神经内分泌癌") == nil)
        #expect(HistologyType.infer(from: "large cell neuroendocrine carcinoma of the lung") == nil)
        #expect(HistologyType.infer(from: "小细胞神经内分泌癌") == .smallCellCarcinoma)
        #expect(HistologyType.infer(from: "atypical carcinoid") == .neuroendocrineTumour)
        #expect(HistologyType.infer(from: "高分化神经内分泌肿瘤 G2") == .neuroendocrineTumour)
        let a = assess(record(histology: "大细胞神经内分泌癌"), asOf: day("2026-11-20"))
        let tokuhashi = try #require(a.rule("surgery.prognosis.tokuhashi").first)
        #expect(tokuhashi.inputs.first { $0.name == "primary" }?.value == "lung")
        let noms = try #require(a.rule("surgery.spine.noms").first)
        #expect(noms.detail.en.contains("O: lung cancer, \"大细胞神经内分泌癌\" — not read as small-cell"), "\(noms.detail.en)")
    }

    /// The histology decides the table's row for the tumour types the tables name, in any organ;
    /// an adenocarcinoma of the lung stays lung.
    @Test func scoredSiteReadsTheTablesTumourTypes() {
        #expect(PrimaryCancer(id: "P", site: .lung, histology: "typical carcinoid").scoredSite == .carcinoid)
        #expect(PrimaryCancer(id: "P", site: .lung, histologyType: .lymphoma).scoredSite == .lymphoma)
        #expect(PrimaryCancer(id: "P", site: .other, histology: "plasmacytoma").scoredSite == .myeloma)
        #expect(PrimaryCancer(id: "P", site: .headAndNeck, histology: "mucosal melanoma").scoredSite == .melanoma)
        #expect(PrimaryCancer(id: "P", site: .lung, histology: "腺癌").scoredSite == .lung)
        #expect(PrimaryCancer(id: "P", site: .rectum, histology: "直肠腺癌").scoredSite == .rectum)
        #expect(PrimaryCancer(id: "P", site: .uterus, histology: "子宫平滑肌肉瘤").scoredSite == .sarcoma)
        #expect(PrimaryCancer(id: "P", site: .other, histology: "osteosarcoma, osteoblastic").scoredSite == .osteosarcoma)
        #expect(PrimaryCancer(id: "P", site: .osteosarcoma, histologyType: .sarcoma).scoredSite == .osteosarcoma)
    }
}

@Suite struct BlasticBesideLyticTests {
    /// cb20-a: the ilium is pure blastic with uptake and unexplained; T10 is mixed and not yet
    /// biopsied. The source hospital biopsies lytic or mixed bone at any time and blastic bone
    /// only before systemic therapy, decalcified: the record read "left pelvis — biopsy" beside
    /// "one biopsy answers it: T10" — two biopsies asked for one diagnosis.
    func record(t10: LesionCharacter) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2025-06"), hormoneDependent: true)]
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10")), Lesion(id: "IL", bone: .pelvis, laterality: .left)]
        r.studies = [
            survey("B1", "2026-10-28", ["T10", "IL"]),
            ct("C1", "2026-11-02", [observation("T10", t10, [22]) { $0.boneDestruction = t10 != .blastic }, observation("IL", .blastic, [15])]),
        ]
        r.treatments = []
        return r
    }

    @Test func theLyticOrMixedLesionIsBiopsiedFirst() throws {
        let a = assess(record(t10: .mixed), asOf: day("2026-11-20"))
        let blastic = try #require(a.rule("diagnosis.blastic.uptakeBiopsy").first)
        #expect(blastic.title.en.contains("biopsy a lytic or mixed lesion first (T10 vertebra)"), "\(blastic.title.en)")
        #expect(blastic.title.zhHans.contains("先活检溶骨或混合性病灶（T10 椎体）") || blastic.title.zhHans.contains("先活检溶骨或混合性病灶"), "\(blastic.title.zhHans)")
        #expect(blastic.inputs.first { $0.name == "lyticFirst" }?.value == "T10")
        #expect(blastic.claims.map(\.about) == ["T10"])
        #expect(blastic.detail.en.contains("biopsy blastic bone only if that does not settle it"))
    }

    /// Both blastic: the ilium's own biopsy is asked for, as before.
    @Test func withoutALyticLesionTheBlasticOneIsBiopsied() throws {
        let a = assess(record(t10: .blastic), asOf: day("2026-11-20"))
        let blastic = try #require(a.rule("diagnosis.blastic.uptakeBiopsy").first)
        #expect(blastic.inputs.first { $0.name == "lyticFirst" } == nil)
        #expect(blastic.title.en.contains("— biopsy one"), "\(blastic.title.en)")
    }
}

@Suite struct WeightNearestTheCreatinineTests {
    /// cb20-f (unseen record, 2026-12-03): a woman of 81 on zoledronic acid 3.5 mg every 4 weeks
    /// since November 2025 (baseline creatinine 0.8 mg/dL); weights of June 2026 (58 kg) and
    /// November 2026 (49 kg), none before the first dose. Cockcroft–Gault takes the weight of the
    /// day of the creatinine: the nearest, 58 kg, gives 50.5 mL/min (label 3.5 mg, as given); the
    /// latest, 49 kg, gave 42.7 mL/min and "3.3 mg — the course records 3.5 mg, which is not that dose".
    func record() -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1944-01-15")
        r.patient.weights = [WeightRecord(date: day("2026-06-01"), kg: 58), WeightRecord(date: day("2026-11-18"), kg: 49)]
        r.labs = [
            LabResult(date: day("2025-11-15"), test: .creatinine, value: 0.8, unit: "mg/dL"),
            LabResult(date: day("2026-11-17"), test: .creatinine, value: 1.35, unit: "mg/dL"),
        ]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2025-11-20"), agent: .zoledronicAcid, doseMg: 3.5, intervalWeeks: 4,
            doses: [day("2025-11-20"), day("2026-10-22")]))
        r.dentalExams = [day("2025-11-12")]
        return r
    }

    @Test func theBaselineClearanceTakesTheWeightNearestItsCreatinine() throws {
        let a = assess(record(), asOf: day("2026-11-19"))
        let hold = try #require(a.rule("boneAgents.zoledronic.renalHold").first)
        // (140 − 81) × 58 / (72 × 0.8) × 0.85 = 50.5 mL/min (Cockcroft–Gault 1976): 50–60 → 3.5 mg.
        #expect(hold.detail.en.contains("at the same dose as before: 3.5 mg, from the baseline CrCl 50.5 mL/min — weight 58 kg on 2026-06-01, age 81"), "\(hold.detail.en)")
        #expect(hold.detail.zhHans.contains("2026-06-01 体重 58 kg，年龄 81 岁"))
        #expect(!hold.detail.en.contains("not that dose"))
    }

    /// A weight on the day or just before stays the one taken; the nearer of two either side wins.
    @Test func theNearestWeightEitherSide() throws {
        var r = record()
        r.patient.weights.append(WeightRecord(date: day("2025-11-10"), kg: 62))
        let a = assess(r, asOf: day("2026-11-19"))
        #expect(try #require(a.rule("boneAgents.zoledronic.renalHold").first).detail.en.contains("weight 62 kg on 2025-11-10"))
        r.patient.weights[2] = WeightRecord(date: day("2024-11-10"), kg: 62)
        let b = assess(r, asOf: day("2026-11-19"))
        #expect(try #require(b.rule("boneAgents.zoledronic.renalHold").first).detail.en.contains("weight 58 kg on 2026-06-01"))
    }
}

@Suite struct KatagiriLabsNameTheirValuesTests {
    /// cb20-g (unseen record, 2026-12-03): a hepatocellular carcinoma with platelets 82 ×10⁹/L and
    /// bilirubin 27 µmol/L (1.58 mg/dL). New Katagiri's laboratory item read "critical (platelets
    /// < 100 000/µL, corrected calcium ≥ 10.3 mg/dL or total bilirubin ≥ 1.4 mg/dL)" — the criteria,
    /// not which value met them. Katagiri 2014: critical platelets < 100 000/µL, bilirubin ≥ 1.4.
    @Test func aSettledTierNamesTheValuesThatDecideIt() {
        let critical = Katagiri.settledLabLabel(Katagiri.LabValues(albuminGDl: 3.1, plateletsPerUl: 82_000, bilirubinMgDl: 1.58), .critical)
        #expect(critical?.en == "critical (platelets 82 000/µL < 100 000; total bilirubin 1.58 mg/dL ≥ 1.4)")
        #expect(critical?.zhHans == "危急（血小板 82 000/µL <100 000；总胆红素 1.58 mg/dL ≥1.4）")
        let abnormal = Katagiri.settledLabLabel(
            Katagiri.LabValues(crpMgDl: 0.2, ldhIuL: 310, albuminGDl: 4.0, plateletsPerUl: 150_000, calciumMgDl: 9.5, bilirubinMgDl: 0.6), .abnormal)
        #expect(abnormal?.en == "abnormal (LDH 310 IU/L ≥ 250)")
        // At the thresholds: platelets of exactly 100 000 and bilirubin 1.39 decide nothing.
        #expect(Katagiri.settledLabLabel(Katagiri.LabValues(plateletsPerUl: 100_000, bilirubinMgDl: 1.39), .critical) == nil)
    }

    @Test func theHCCRecordSaysItsCriticalValues() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .liver, histology: "肝细胞癌", diagnosed: day("2022-06"))]
        r.labs = [
            LabResult(date: day("2023-03-18"), test: .platelets, value: 82, unit: "10^9/L"),
            LabResult(date: day("2023-03-18"), test: .bilirubin, value: 27, unit: "µmol/L"),
        ]
        let katagiri = try #require(assess(r, asOf: day("2023-03-21")).rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("laboratory data: critical (platelets 82 000/µL < 100 000; total bilirubin 1.58 mg/dL ≥ 1.4) → 2"), "\(katagiri.detail.en)")
    }
}

@Suite struct SpecimenAtTheLabTests {
    /// cb20-h2 (unseen record, 2026-12-03): a lung adenocarcinoma eight years out, a pelvic biopsy of
    /// 2026-11-02 pending with NGS requested, its decalcification not recorded. Acid decalcifiers
    /// ruin DNA/RNA and FISH (van Es 2019; the source hospital asks for EDTA): while the specimen is
    /// at the laboratory the decalcifier can still be chosen — nothing was said.
    func record(decalcification: Decalcification?, result: BiopsyResult?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "肺腺癌", diagnosed: day("2018-02"))]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-03-22"), decalcification: decalcification, result: result, molecularTests: ["NGS"])]
        return r
    }

    @Test func aPendingSpecimenWithMolecularTestsAsksForEDTA() throws {
        let a = assess(record(decalcification: nil, result: .pending), asOf: day("2023-03-25"))
        let edta = try #require(a.rule("diagnosis.biopsy.edta").first)
        #expect(edta.subject == .lesion("L1"))
        #expect(edta.title.en.contains("Biopsy of 2023-03-22 (left femur, diaphysis), result pending: decalcify with EDTA"), "\(edta.title.en)")
        #expect(edta.detail.en.contains("NGS requested"))
        #expect(edta.detail.zhHans.contains("已申请 NGS"))
        #expect(a.rule("diagnosis.biopsy.edta").count == 1)
    }

    /// Decalcified with EDTA, or reported: nothing to ask; acid: the existing warning.
    @Test func onlyWhileTheDecalcifierCanStillBeChosen() {
        #expect(!assess(record(decalcification: .edta, result: .pending), asOf: day("2023-03-25")).has("diagnosis.biopsy.edta"))
        #expect(!assess(record(decalcification: nil, result: .metastasis), asOf: day("2023-03-25")).has("diagnosis.biopsy.edta"))
        let acid = assess(record(decalcification: .acid, result: .pending), asOf: day("2023-03-25"))
        #expect(acid.has("diagnosis.biopsy.acidDecalcified") && !acid.has("diagnosis.biopsy.edta"))
    }
}

@Suite struct LevelInTheNoteTests {
    /// cb20-i (unseen record, 2026-12-03): a lobular breast cancer's vertebrae recorded as
    /// `vertebra` with the level only in the note — "胸7椎体" (ESCC 3), "T12 椎体及附件". SINS has no
    /// location without a level: T7 read "SINS 6–9, category undetermined" (Fisher 2010: T3–T10
    /// semi-rigid 1 point → 7, potentially unstable) and the label "vertebra — 胸7椎体".
    @Test func theLevelIsReadFromTheNote() {
        let thoracic: Set<VertebralLevel.Region> = [.cervical, .thoracic, .lumbar]
        let cases: [(String, String?)] = [
            ("胸7椎体", "T7"), ("T12 椎体及附件", "T12"), ("第三腰椎", "L3"), ("第12胸椎", "T12"), ("胸十二椎体", "T12"),
            ("腰椎3", "L3"), ("Ｌ４椎体", "L4"), ("C2 dens", "C2"), ("T1 vertebral body", "T1"), ("T2椎体", "T2"),
            // MRI sequences are no levels; spans and lists name no one vertebra.
            ("T2WI 高信号", nil), ("T1 加权低信号", nil), ("T7-9", nil), ("L5/S1", nil), ("T7、T8", nil), ("胸7至胸9", nil),
            ("胸椎多发", nil), ("CT 5 mm", nil), ("T7 and L2", nil),
        ]
        for (note, expected) in cases {
            #expect(VertebralLevel.named(in: note, regions: thoracic)?.description == expected, "\(note)")
        }
        #expect(VertebralLevel.named(in: "骶1", regions: [.sacral])?.description == "S1")
        #expect(VertebralLevel.named(in: "骶1", regions: thoracic) == nil, "a sacral level is no vertebra's")
    }

    @Test func aVertebraWithItsLevelInTheNoteIsScored() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, note: "胸7椎体")]
        r.studies = [ct("S1", "2023-01-05", [observation("V", .mixed) {
            $0.boneDestruction = true; $0.collapse = SINS.Collapse.noCollapseOver50Involved; $0.alignment = .normal; $0.posterolateral = .unilateral
        }])]
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "V", sins: .mechanical)]
        let a = assess(r, asOf: day("2023-01-20"))
        let sins = try #require(a.rule("surgery.spine.noms").first)
        // Fisher 2010: T7 semi-rigid 1, mechanical pain 3, mixed 1, normal alignment 0,
        // no collapse with > 50 % involved 1, unilateral posterolateral 1 = 7.
        #expect(sins.title.en.hasPrefix("T7 vertebra: SINS 7"), "\(sins.title.en)")
        // A recorded level is never overruled by a note.
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T11"), note: "胸7椎体")]
        #expect(try #require(assess(r, asOf: day("2023-01-20")).rule("surgery.spine.noms").first).title.en.hasPrefix("T11 vertebra"))
    }
}

extension LevelInTheNoteTests {
    /// cb20-j: femora recorded without side or segment, noted "左股骨干" and "右股骨颈". A limb lesion
    /// without a side needs both limbs imaged to have been looked at, and both read "femur — <note>".
    @Test func theSideAndSegmentAreReadFromTheNote() throws {
        #expect(Laterality.named(in: "右股骨颈") == .right)
        #expect(Laterality.named(in: "left femoral shaft") == .left)
        #expect(Laterality.named(in: "左右股骨") == nil)
        #expect(Laterality.named(in: "femur, leftover cement") == nil, "whole words only")
        var r = baseCase()
        r.lesions = [Lesion(id: "FE", bone: .femur, note: "左股骨干"), Lesion(id: "FN", bone: .femur, laterality: .left, note: "右股骨颈")]
        r.studies = [ct("S1", "2023-01-05", [observation("FE", .lytic, [20, 20]) { $0.boneDestruction = true }, observation("FN", .lytic, [10, 10]) { $0.boneDestruction = true }])]
        let a = assess(r, asOf: day("2023-01-20"))
        let labels = a.findings.map(\.title.en).joined(separator: " | ")
        #expect(labels.contains("left femur, diaphysis"), "\(labels)")
        // A recorded side stays: FN is the left femur, its note notwithstanding.
        #expect(labels.contains("left femur, proximal"), "\(labels)")
        #expect(!labels.contains("right femur"), "\(labels)")
    }
}

@Suite struct AFixationProtectsTheBoneTests {
    /// cb20-k (unseen record, 2026-12-03): a renal-cell carcinoma's right femoral shaft (lytic,
    /// > 2/3 of the diameter, Mirels 9) nailed on 2026-09-05 — "右股骨髓内钉内固定术", no fracture on
    /// record — then irradiated. In November it read "impending fracture (Mirels 9) — prophylactic
    /// fixation, urgent", "irradiated already … without fixation: fix it": a fixation of no stated
    /// kind was "other surgery", which protects nothing. A nail fixes the bone it is in; one put in
    /// before any fracture is what Mirels 1989 calls prophylactic fixation.
    func record(procedure: SurgicalProcedure? = nil, name: String = "右股骨髓内钉内固定术") -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "FE", bone: .femur, segment: .diaphysis, laterality: .right)]
        r.studies = [
            ct("S1", "2023-01-05", [observation("FE", .lytic, [45, 30]) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.7 }]),
            ct("S2", "2023-03-20", [observation("FE", .lytic, [44, 30]) { $0.boneDestruction = true }]),
        ]
        r.pain = [PainRecord(date: day("2023-03-20"), lesion: "FE", mirels: .mild)]
        r.treatments.append(Treatment(id: "NAIL", kind: .surgery, name: name, lesions: ["FE"], start: day("2023-01-20"), procedure: procedure))
        r.treatments.append(Treatment(id: "RT", kind: .radiotherapy, name: "30Gy/10F", lesions: ["FE"], start: day("2023-02-01"), end: day("2023-02-14")))
        return r
    }

    @Test func aNailWithNoFractureBeforeItIsAProphylacticFixation() throws {
        for r in [record(), record(procedure: .other)] {
            let a = assess(r, asOf: day("2023-03-25"))
            let mirels = try #require(a.findings.first { $0.subject == .lesion("FE") && $0.ruleId.hasPrefix("surgery.mirels") })
            #expect(mirels.severity == .info, "\(mirels.title.en)")
            #expect(mirels.title.en.contains("fixed"), "\(mirels.title.en)")
            #expect(!a.findings.contains { $0.detail.en.contains("without fixation") })
        }
    }

    /// An operation whose name reads as no orthopaedic procedure still protects nothing.
    @Test func anUnreadOperationStillProtectsNothing() throws {
        let a = assess(record(procedure: .other, name: "右股骨切开活检术"), asOf: day("2023-03-25"))
        let mirels = try #require(a.findings.first { $0.subject == .lesion("FE") && $0.ruleId.hasPrefix("surgery.mirels") })
        #expect(mirels.severity == .urgent)
    }
}

@Suite struct SREPreventionBaselineAfterHypercalcaemiaTests {
    /// cb20-l (unseen record, 2026-12-03): a myeloma with corrected calcium 12.4 mg/dL and
    /// creatinine 150 µmol/L (CrCl 29.5) given zoledronic acid 4 mg — the label's hypercalcaemia dose,
    /// not adjusted for CrCl below creatinine 4.5 mg/dL — then 4 mg four weeks later with calcium
    /// normal and creatinine 110 µmol/L (CrCl 40.2). SRE prevention, which the CrCl bands dose,
    /// began with that second dose: 3.3 mg (Zometa label, CrCl 40–49). It read "Zoledronic acid not
    /// recommended: CrCl 29.5 mL/min (< 30) — do not give", urgent, from the dehydrated creatinine.
    func record(secondDose: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .myeloma, diagnosed: day("2022-12"))]
        r.patient.birthDate = day("1955-12-01")
        r.patient.weights = [WeightRecord(date: day("2023-01-01"), kg: 58)]
        r.labs = [
            LabResult(date: day("2023-01-08"), test: .creatinine, value: 150, unit: "µmol/L"),
            LabResult(date: day("2023-01-08"), test: .calcium, value: 2.9, unit: "mmol/L"),
            LabResult(date: day("2023-01-08"), test: .albumin, value: 30, unit: "g/L"),
            LabResult(date: day("2023-02-03"), test: .creatinine, value: 110, unit: "µmol/L"),
            LabResult(date: day("2023-02-03"), test: .calcium, value: 2.4, unit: "mmol/L"),
        ]
        r.dentalExams = [day("2023-01-06")]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2023-01-10"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4,
            doses: secondDose ? [day("2023-01-10"), day("2023-02-07")] : [day("2023-01-10")]))
        return r
    }

    @Test func preventionIsDosedFromTheCreatinineBeforeItsFirstDose() throws {
        let a = assess(record(), asOf: day("2023-02-10"))
        #expect(!a.has("boneAgents.zoledronic.notRecommended"))
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        // (140 − 67) × 58 / (72 × 1.24) × 0.85 = 40.2 mL/min (Cockcroft–Gault 1976): 40–49 → 3.3 mg.
        #expect(dose.title.en == "Zoledronic acid 3.3 mg for CrCl 40.2 mL/min (ordered 4.0 mg)", "\(dose.title.en)")
        #expect(dose.detail.en.contains("baseline of SRE prevention: before its first dose, 2023-02-07"))
        #expect(dose.detail.zhHans.contains("预防 SRE 的基线"))
    }

    /// One dose so far, in hypercalcaemia: the hypercalcaemia finding, and SRE prevention's next
    /// dose from the latest creatinine.
    @Test func beforePreventionBeganTheLatestCreatinineSetsItsDose() throws {
        let a = assess(record(secondDose: false), asOf: day("2023-02-05"))
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.title.en.contains("for hypercalcaemia"), "\(dose.title.en)")
        #expect(dose.detail.en.contains("For SRE prevention from the next dose: 3.3 mg for CrCl 40.2 mL/min (latest, as the baseline of SRE prevention"), "\(dose.detail.en)")
    }
}

@Suite struct PETUptakeWhereTheCTCannotTellTests {
    /// cb20-u (unseen record, 2026-12-03): a breast cancer followed by PET-CT only. The left pelvis,
    /// lytic, reads mixed with its uptake down 55 % three months into letrozole + palbociclib, no
    /// sizes recorded. MDA: ≥ 50 % decrease in tracer uptake is PR (Hamaoka 2004; Costelloe 2009).
    /// The PET-CT's CT, with a character but no sizes, read "NE — size not measured" and the uptake
    /// was never read.
    @Test func theUptakeSpeaksWhenTheAnatomyCannot() {
        let prior = observation("IL", .lytic) { $0.uptake = true; $0.boneDestruction = true }
        let current = observation("IL", .mixed) { $0.uptake = true; $0.uptakeChangePercent = -55 }
        let result = MDA.classify(prior: prior, current: current, modality: .petCt)
        #expect(result.category == .partialResponse)
        // Rule set .423: lytic then mixed is itself partial fill-in, read on the anatomy first.
        #expect(result.reasons.map(\.en) == ["lytic now mixed: partial sclerotic fill-in"] && result.byAnatomy)
        // Lytic still and no sizes: the anatomy cannot tell, the uptake speaks.
        let stillLytic = observation("IL", .lytic) { $0.uptake = true; $0.uptakeChangePercent = -55 }
        let byUptake = MDA.classify(prior: prior, current: stillLytic, modality: .petCt)
        #expect(byUptake.category == .partialResponse && !byUptake.byAnatomy)
        #expect(byUptake.reasons.map(\.en) == ["uptake -55.0 % (≥ 50 % decrease)"])
        // Measured growth on the CT still decides over the uptake (2026.12.x: anatomy first).
        let grown = MDA.classify(
            prior: observation("IL", .lytic, [30, 30]) { $0.uptake = true },
            current: observation("IL", .lytic, [36, 34]) { $0.uptake = true; $0.uptakeChangePercent = -55 }, modality: .petCt)
        #expect(grown.category == .progressiveDisease && grown.byAnatomy)
    }
}

@Suite struct SerosalSpreadIsDisseminatedTests {
    /// cb20-v (unseen record, 2026-12-03): a triple-negative breast cancer with "胸膜" (pleura) and a
    /// nodular liver metastasis, no pattern recorded for the pleura. New Katagiri 2014 defines
    /// disseminated metastases as pleural, peritoneal or leptomeningeal dissemination (2 points):
    /// the item read "present, pattern not recorded → 1–2".
    @Test func aPleuralMetastasisIsDisseminated() throws {
        #expect(VisceralMetastasis(organ: "胸膜").katagiriPattern == .disseminated)
        #expect(VisceralMetastasis(organ: "malignant pleural effusion").katagiriPattern == .disseminated)
        #expect(VisceralMetastasis(organ: "腹膜").katagiriPattern == .disseminated)
        #expect(VisceralMetastasis(organ: "leptomeningeal").katagiriPattern == .disseminated)
        #expect(VisceralMetastasis(organ: "liver").katagiriPattern == .nodular, "a solid organ (rule set .271)")
        #expect(VisceralMetastasis(organ: "胸膜", pattern: .nodular).katagiriPattern == .nodular, "as recorded")
        var r = baseCase()
        r.visceralMetastases = [VisceralMetastasis(organ: "胸膜", date: day("2023-01-01")), VisceralMetastasis(organ: "liver", date: day("2023-01-01"), pattern: .nodular)]
        let katagiri = try #require(assess(r, asOf: day("2023-03-25")).katagiri)
        #expect(katagiri.components.first { $0.key == "visceralMets" }?.points == 2)
    }
}

@Suite struct CTWindowsNotRecordedTests {
    /// cb20-z (unseen record, 2026-12-03): a renal-cell record whose two CTs carry no windows (as an
    /// EHR's ImagingStudy sends them), their reports naming bone destruction. Each read "CT of … was
    /// not read with the bone window" — a warning asserting what the record does not say.
    @Test func unrecordedWindowsAreAskedForOnce() throws {
        var r = baseCase()
        r.studies[0].windows = []
        r.studies[1].windows = []
        let a = assess(r, asOf: day("2023-06-01"))
        #expect(!a.has("diagnosis.imaging.ctWithoutBoneWindow"))
        let asked = try #require(a.rule("diagnosis.imaging.ctWindowsNotRecorded").first)
        #expect(a.rule("diagnosis.imaging.ctWindowsNotRecorded").count == 1)
        #expect(asked.severity == .advisory && asked.subject == .patient)
        #expect(asked.title.en.contains("windows not recorded — was the bone window read?"))
        #expect(asked.title.zhHans.contains("未记录阅片窗位"))
        // Recorded without the bone window: the warning, as before.
        r.studies[1].windows = [.softTissue]
        let b = assess(r, asOf: day("2023-06-01"))
        #expect(b.rule("diagnosis.imaging.ctWithoutBoneWindow").map(\.subject) == [.study("S2")])
        #expect(b.rule("diagnosis.imaging.ctWindowsNotRecorded").first?.subject == .study("S1"))
    }
}

@Suite struct PSAProgressionPointsToCastrationResistanceTests {
    /// cb20-ff (unseen record, 2026-12-03): a prostate cancer on goserelin + bicalutamide since
    /// March 2024, PSA 85 → nadir 0.8 → 4.6 → 9.8 ng/mL (PCWG3 progression, confirmed), castration
    /// status not recorded. The agent's indication turns on castration resistance (Fizazi 2011;
    /// CALGB 90202): it said only "record the castration status", beside the PCWG3 finding.
    func record(drug: String) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2022-12"))]
        r.lesions = [Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3")), Lesion(id: "IL", bone: .pelvis, laterality: .right)]
        r.studies = [
            survey("B0", "2023-01-03", ["L3", "IL"]),
            ct("C0", "2023-01-05", [observation("L3", .blastic), observation("IL", .blastic)]),
        ]
        r.treatments = [Treatment(id: "ADT", kind: .systemic, name: drug, start: day("2023-01-10"))]
        r.labs = [
            LabResult(date: day("2023-01-05"), test: .psa, value: 85, unit: "ng/mL"),
            LabResult(date: day("2023-04-01"), test: .psa, value: 0.8, unit: "ng/mL"),
            LabResult(date: day("2023-08-01"), test: .psa, value: 4.6, unit: "ng/mL"),
            LabResult(date: day("2023-10-01"), test: .psa, value: 9.8, unit: "ng/mL"),
        ]
        return r
    }

    @Test func theIndicationSaysWhatThePSAPointsTo() throws {
        let a = assess(record(drug: "戈舍瑞林 + 比卡鲁胺"), asOf: day("2023-10-10"))
        let indication = try #require(a.rule("boneAgents.indication").first, "\(a.findings.map(\.ruleId))")
        #expect(indication.detail.en.contains("PSA progresses under androgen deprivation (戈舍瑞林 + 比卡鲁胺: 0.8 → 9.8 ng/mL, confirmed 2023-10-01; PCWG3)"), "\(indication.detail.en)")
        #expect(indication.detail.zhHans.contains("若睾酮处于去势水平（< 50 ng/dL），即为去势抵抗"))
        // Under a regimen that is not androgen deprivation, nothing is said of castration.
        let other = assess(record(drug: "docetaxel"), asOf: day("2023-10-10"))
        #expect(!other.findings.contains { $0.detail.en.contains("PSA progresses under androgen deprivation") })
    }
}
