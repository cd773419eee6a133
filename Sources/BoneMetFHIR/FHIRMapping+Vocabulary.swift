import BoneMetDomain
import Foundation

/// The codes and units the mapper reads (standards.md): body sites, lateralities, labs by LOINC,
/// receptors, and the Observations an import stages.
extension FHIRCaseMapper {
    /// SNOMED body structures → bone and segment (standards.md).
    static let bodySites: [String: (Bone, BoneSegment?)] = [
        "71341001": (.femur, nil), "2812003": (.femur, .proximal), "29627003": (.femur, .proximal), "41111004": (.femur, .diaphysis),
        "85050009": (.humerus, nil), "3572006": (.vertebra, nil), "35769007": (.vertebra, nil), "73903008": (.vertebra, nil),
        "87141009": (.sacrum, nil), "118645006": (.pelvis, nil), "22356005": (.pelvis, nil), "85710004": (.pelvis, nil),
        "37783008": (.acetabulum, nil), "113197003": (.rib, nil), "79601000": (.scapula, nil), "51299004": (.clavicle, nil),
        "89546000": (.skull, nil),
    ]
    static let lateralities: [String: Laterality] = ["7771000": .left, "24028007": .right, "51440002": .bilateral, "399488007": .midline]

    /// LOINC → lab test (standards.md: mCODE tumour markers, US Core labs).
    static let labs: [String: LabTest] = [
        "6875-9": .ca153, "17842-6": .otherMarker, "2039-6": .cea, "2857-1": .psa, "10334-1": .ca125,
        "2160-0": .creatinine, "17861-6": .calcium, "1751-7": .albumin, "6768-6": .alkalinePhosphatase,
        // Haemoglobin (mCODE example lab-result-observation-hemoglobin); eGFR by the creatinine
        // equations (issue #9; 33914-3 and 48642-3/48643-1 MDRD as in the FHIR R4 example f205).
        // Creatinine and calcium in blood as Synthea codes them (its CC0 exports).
        "38483-4": .creatinine, "49765-1": .calcium,
        "718-7": .hemoglobin, "33914-3": .egfr, "62238-1": .egfr, "98979-8": .egfr, "48642-3": .egfr, "48643-1": .egfr,
        // The labs New Katagiri, PATHFx and the myeloma differential read, as laboratories code
        // them; an EHR's platelets or LDH were skipped for want of a code (cb23).
        "777-3": .platelets, "731-0": .lymphocytes, "1988-5": .crp, "30522-7": .crp, "2532-0": .ldh, "14804-9": .ldh,
        "1975-2": .bilirubin, "33358-3": .mProtein, "48378-4": .freeLightChainRatio,
        // Testosterone [Mass/volume] in Serum or Plasma: castrate levels settle castration
        // resistance with a PSA progression under androgen deprivation (PCWG3).
        "2986-8": .testosterone,
        // The same tests as laboratories reporting in SI units code them (European and many
        // Chinese LIS mappings): creatinine in µmol/L (14682-9 serum or plasma, 59826-8 blood),
        // calcium in mmol/L (2000-8), albumin by bromocresol green or purple (61151-7, 61152-5),
        // platelets and lymphocytes in blood without the method (26515-7, 26474-7), bilirubin in
        // µmol/L (14631-6), testosterone in nmol/L (14913-8) — a creatinine of 150 µmol/L coded
        // 14682-9 was "not used", and the zoledronic acid dose went unchecked (unseen bundle
        // ehr33). The unit is checked as for any result. Not an albumin-corrected calcium
        // (29265-6): the rules correct the total calcium themselves, and would correct it twice.
        "14682-9": .creatinine, "59826-8": .creatinine, "2000-8": .calcium, "61151-7": .albumin, "61152-5": .albumin,
        "26515-7": .platelets, "26474-7": .lymphocytes, "14631-6": .bilirubin, "14913-8": .testosterone,
    ]

    /// Calcium [Moles/volume] corrected for albumin in Serum or Plasma: not read (`labs`), said so.
    static let albuminCorrectedCalcium = "29265-6"

    /// The other Observations read (LOINC): ECOG, Karnofsky, body weight, cancer disease
    /// status, pain 0–10. With `labs` and `receptors`, everything an import stages.
    static let otherObservations: Set<String> = ["89247-1", "89243-0", "29463-7", "97509-4", "72514-3"]

    /// Whether the mapper reads this Observation (by LOINC, BoneMet's own lab code, or the
    /// site's mapping file); the importer stages nothing else.
    static func usesObservation(_ r: FHIRJSON, mappings: CodeMappings) -> Bool {
        let codings = FHIRRead.codings(r["code"])
        if codings.contains(where: { coding in
            guard let code = coding.code else { return false }
            if coding.system == FHIRCodes.loinc { return labs[code] != nil || receptors[code] != nil || otherObservations.contains(code) || weightLOINC.contains(code) }
            if coding.system == FHIRExporter.labSystem || coding.system == FHIRExporter.readingSystem { return true }
            return mappings.lab(system: coding.system, code: code) != nil
        }) { return true }
        // The names are read only where no LOINC code says what it is (a bulk export's every
        // vital sign is spared them).
        if codings.contains(where: { $0.system == FHIRCodes.loinc }) { return performanceScaleNamed(r) != nil }
        // A score BoneMet works out itself is staged to be said in the notes (`scoreComputedNote`).
        return labByName(r) != nil || receptorByName(r) != nil || performanceScaleNamed(r) != nil || weightByName(r) || namesFrankel(r) || namesPain(r)
            || namesMotorPower(r) || scoreComputedNote(r) != nil
    }

    /// A laboratory result sent with only a site's own code (a Chinese LIS's "CA" / "钙"), read by
    /// the test's name as laboratories print it — exactly, after case and spaces: a calcium of
    /// 3.1 mmol/L with a local code was "not used", so no hypercalcaemia was seen (unseen bundle,
    /// 2026-12-04). Not ionised calcium, urine values or percentages, whose names differ; the
    /// unit is checked as for any result, and the import notes it so the code can be mapped.
    static let labNames: [String: LabTest] = {
        let table: [(LabTest, [String])] = [
            (.creatinine, ["肌酐", "血肌酐", "血清肌酐", "肌酐(酶法)", "肌酐(苦味酸法)", "creatinine", "serum creatinine"]),
            (.calcium, ["钙", "血钙", "总钙", "血清钙", "calcium", "serum calcium", "total calcium"]),
            (.albumin, ["白蛋白", "血清白蛋白", "albumin", "serum albumin"]),
            (.hemoglobin, ["血红蛋白", "血红蛋白浓度", "hemoglobin", "haemoglobin"]),
            (.platelets, ["血小板", "血小板计数", "platelets", "platelet count"]),
            (.alkalinePhosphatase, ["碱性磷酸酶", "alkaline phosphatase"]),
            (.ldh, ["乳酸脱氢酶", "lactate dehydrogenase"]),
            (.crp, ["c反应蛋白", "c-反应蛋白", "超敏c反应蛋白", "c-reactive protein"]),
            (.bilirubin, ["总胆红素", "血清总胆红素", "total bilirubin"]),
            (.lymphocytes, ["淋巴细胞绝对值", "淋巴细胞计数", "lymphocyte count", "absolute lymphocyte count"]),
            (.egfr, ["估算肾小球滤过率", "肾小球滤过率估算值"]),
            // The myeloma differential's M protein and free light-chain ratio (IMWG), as a Chinese
            // laboratory names them: a myeloma work-up's "M蛋白" was "observation not used".
            (.mProtein, ["m蛋白", "m蛋白定量", "血清m蛋白", "m蛋白含量", "serum m protein", "m-protein", "m protein"]),
            (.freeLightChainRatio, ["κ/λ", "κ/λ比值", "游离轻链κ/λ比值", "血清游离轻链κ/λ比值", "血清游离轻链比值", "游离轻链比值", "sflcκ/λ", "kappa/lambda ratio", "free light chain ratio"]),
            (.psa, ["前列腺特异性抗原", "总前列腺特异性抗原", "prostate specific antigen", "total psa", "psa", "tpsa", "t-psa"]),
            (.cea, ["癌胚抗原", "carcinoembryonic antigen", "cea"]),
            (.ca153, ["糖类抗原15-3", "糖类抗原153", "糖类抗原ca15-3", "糖类抗原ca153", "ca15-3", "ca153"]),
            (.ca125, ["糖类抗原125", "糖类抗原ca125", "ca125"]),
            (.ca199, ["糖类抗原19-9", "糖类抗原199", "糖类抗原ca19-9", "糖类抗原ca199", "ca19-9", "ca199"]),
            (.afp, ["甲胎蛋白", "alpha-fetoprotein", "afp"]),
            // Castration resistance is settled by a castrate testosterone (PCWG3): a Chinese LIS's
            // "睾酮" was "observation not used" (unseen bundle ehr11).
            (.testosterone, ["睾酮", "总睾酮", "血清睾酮", "睾酮(t)", "testosterone", "total testosterone", "serum testosterone"]),
        ]
        return Dictionary(table.flatMap { test, names in names.map { ($0, test) } }, uniquingKeysWith: { first, _ in first })
    }()

    /// The test its name says (`labNames`), from the code's text or a coding's display — only for
    /// a result without a LOINC coding: a LOINC code says what it is (and a bulk import's every
    /// vital sign is spared the lookup).
    static func labByName(_ r: FHIRJSON) -> LabTest? { byName(r, in: labNames) }

    /// ER, PR and HER2 by LOINC (mCODE tumour marker tests; breast cancer specimen by immune stain),
    /// and as US EHRs send them: the interpretation in tissue (16112-5, 16113-3, 48676-1 — the
    /// codes of mCODE's tumour marker examples) and the antigen by immune stain in tissue (40556-3,
    /// 40557-1, 18474-7). A breast cancer's "Estrogen receptor [Interpretation] in Tissue: Positive"
    /// was "observation not used" and the cancer read "ER and PR not on record" (unseen bundle
    /// ehr29, 2026-12-06). HER2 by in-situ hybridisation (85318-4) is not read: "not amplified"
    /// beside an IHC 2+ is HER2-low, which one result alone cannot say.
    static let receptors: [String: String] = [
        "85337-4": "er", "85339-0": "pr", "85319-2": "her2", "16112-5": "er", "16113-3": "pr", "48676-1": "her2",
        "40556-3": "er", "40557-1": "pr", "18474-7": "her2",
    ]

    /// ER, PR and HER2 sent with a site's own code and their names only — "ER", "雌激素受体",
    /// "HER-2" — as a Chinese pathology system sends them: they were "observation not used", and
    /// the breast cancer had no receptors (unseen bundle, 2026-12-05). The whole name, after case,
    /// spaces and brackets, as `labByName`.
    static let receptorNames: [String: String] = {
        let table: [(String, [String])] = [
            ("er", ["er", "雌激素受体", "雌激素受体(er)", "er(雌激素受体)", "estrogenreceptor", "oestrogenreceptor"]),
            ("pr", ["pr", "pgr", "孕激素受体", "孕激素受体(pr)", "pr(孕激素受体)", "孕酮受体", "progesteronereceptor"]),
            ("her2", ["her2", "her-2", "her-2/neu", "her2/neu", "c-erbb-2", "cerbb-2", "人表皮生长因子受体2", "her2(ihc)", "her-2(ihc)"]),
        ]
        var names: [String: String] = [:]
        for (receptor, list) in table { for name in list { names[name] = receptor } }
        return names
    }()

    static func receptorByName(_ r: FHIRJSON) -> String? { byName(r, in: receptorNames) }

    /// UCUM units → the units the case format accepts. A quantity without a unit is read in the
    /// one unit of the test its value fits (`LabTest.plausibleUnits`; rule set 2026.12.124 — the
    /// first unit made a calcium of 2.35 mmol/L one of 2.35 mg/dL); none or several: nil.
    static func unit(_ ucum: String?, for test: LabTest, value: Double) -> String? {
        guard let ucum else { return test.onlyPlausibleUnit(for: value) }
        // A ratio is unit-less: UCUM writes it "1" or an annotation ("{ratio}").
        if test == .freeLightChainRatio && (ucum == "1" || ucum.hasPrefix("{")) { return "ratio" }
        // UCUM codes, and the SNOMED CT unit 258814008 |micromole/liter| (FHIR R4 example f204).
        let mapped = [
            "mg/dL": "mg/dL", "umol/L": "µmol/L", "mmol/L": "mmol/L", "g/dL": "g/dL", "g/dl": "g/dL", "g/L": "g/L", "U/L": "U/L", "[IU]/L": "IU/L",
            "mL/min/{1.73_m2}": "mL/min/1.73m2", "mL/min/1.73m2": "mL/min/1.73m2", "258814008": "µmol/L",
        ][ucum] ?? ucum
        guard let known = test.knownUnit(mapped) else { return nil }
        return test.isTumourMarker || test.factor(for: known) != nil ? known : nil
    }
}
