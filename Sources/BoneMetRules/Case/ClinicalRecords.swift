/// A laboratory result or tumour marker. Values are kept in the unit given; `canonicalValue`
/// converts the units rules use (creatinine mg/dL, calcium mg/dL, albumin g/dL …).
public struct LabResult: Sendable, Hashable, Encodable {
    public var date: PartialDate
    public var test: LabTest
    public var value: Double
    public var unit: String
    public var upperLimit: Double?
    public var lowerLimit: Double?

    public init(date: PartialDate, test: LabTest, value: Double, unit: String, upperLimit: Double? = nil, lowerLimit: Double? = nil) {
        self.date = date
        self.test = test
        self.value = value
        self.unit = unit
        self.upperLimit = upperLimit
        self.lowerLimit = lowerLimit
    }

    /// The value in the test's canonical unit, or nil when the unit is not one it knows.
    public var canonicalValue: Double? { test.factor(for: unit).map { value * $0 } }

    /// Outside the reference range given with the result; nil when no range was given.
    public var isAbnormal: Bool? {
        if let upperLimit, value > upperLimit { return true }
        if let lowerLimit, value < lowerLimit { return true }
        return upperLimit == nil && lowerLimit == nil ? nil : false
    }
}

public enum LabTest: String, InputEnum, Codable {
    case creatinine, egfr, calcium, albumin, hemoglobin, platelets, lymphocytes, crp, ldh, bilirubin
    case alkalinePhosphatase, mProtein, freeLightChainRatio, testosterone
    case cea, ca153, ca125, ca199, psa, afp, cyfra211, nse, otherMarker

    public var label: LocalizedText {
        switch self {
        case .creatinine: LocalizedText(en: "serum creatinine", zh: "血肌酐")
        case .egfr: LocalizedText(en: "eGFR", zh: "估算肾小球滤过率（eGFR）")
        case .calcium: LocalizedText(en: "serum calcium", zh: "血钙")
        case .albumin: LocalizedText(en: "albumin", zh: "白蛋白")
        case .hemoglobin: LocalizedText(en: "haemoglobin", zh: "血红蛋白")
        case .platelets: LocalizedText(en: "platelets", zh: "血小板")
        case .lymphocytes: LocalizedText(en: "lymphocyte count", zh: "淋巴细胞计数")
        case .crp: LocalizedText(en: "CRP", zh: "C 反应蛋白")
        case .ldh: LocalizedText(en: "LDH", zh: "乳酸脱氢酶")
        case .bilirubin: LocalizedText(en: "total bilirubin", zh: "总胆红素")
        case .alkalinePhosphatase: LocalizedText(en: "alkaline phosphatase", zh: "碱性磷酸酶")
        case .mProtein: LocalizedText(en: "M protein", zh: "M 蛋白")
        case .freeLightChainRatio: LocalizedText(en: "free light-chain ratio", zh: "游离轻链比值")
        case .testosterone: LocalizedText(en: "serum testosterone", zh: "血清睾酮")
        case .cea: LocalizedText(en: "CEA", zh: "癌胚抗原（CEA）")
        case .ca153: LocalizedText(en: "CA 15-3", zh: "糖类抗原 CA15-3")
        case .ca125: LocalizedText(en: "CA 125", zh: "糖类抗原 CA125")
        case .ca199: LocalizedText(en: "CA 19-9", zh: "糖类抗原 CA19-9")
        case .psa: LocalizedText(en: "PSA", zh: "前列腺特异性抗原（PSA）")
        case .afp: LocalizedText(en: "AFP", zh: "甲胎蛋白（AFP）")
        case .cyfra211: LocalizedText(en: "CYFRA 21-1", zh: "细胞角蛋白 19 片段（CYFRA21-1）")
        case .nse: LocalizedText(en: "NSE", zh: "神经元特异性烯醇化酶（NSE）")
        case .otherMarker: LocalizedText(en: "other tumour marker", zh: "其他肿瘤标志物")
        }
    }

    public var isTumourMarker: Bool {
        switch self {
        case .cea, .ca153, .ca125, .ca199, .psa, .afp, .cyfra211, .nse, .otherMarker: true
        default: false
        }
    }

    /// Units accepted for the test, each with its factor to the canonical unit (first listed).
    /// Tumour markers are kept as reported, judged against the reference range given with them.
    public var units: [(unit: String, factor: Double)] {
        switch self {
        // mmol/L: the SI unit some laboratories write creatinine in (0.071 mmol/L = 71 µmol/L).
        case .creatinine: [("mg/dL", 1), ("µmol/L", 1 / 88.4), ("umol/L", 1 / 88.4), ("mmol/L", 1000 / 88.4)]
        case .egfr: [("mL/min/1.73m2", 1)]
        case .calcium: [("mg/dL", 1), ("mmol/L", 4.008)]
        case .albumin: [("g/dL", 1), ("g/L", 0.1)]
        case .hemoglobin: [("g/dL", 1), ("g/L", 0.1)]
        // 10^3/µL (US reports: "10*3/uL", "K/uL") is the same count as 10^9/L.
        case .platelets: [("/µL", 1), ("/uL", 1), ("10^9/L", 1000), ("10^3/µL", 1000), ("10^3/uL", 1000)]
        case .lymphocytes: [("10^9/L", 1), ("/µL", 0.001), ("/uL", 0.001), ("10^3/µL", 1), ("10^3/uL", 1)]
        case .crp: [("mg/dL", 1), ("mg/L", 0.1)]
        case .ldh, .alkalinePhosphatase: [("IU/L", 1), ("U/L", 1)]
        case .bilirubin: [("mg/dL", 1), ("µmol/L", 1 / 17.1), ("umol/L", 1 / 17.1)]
        case .mProtein: [("g/dL", 1), ("g/L", 0.1)]
        case .freeLightChainRatio: [("ratio", 1)]
        // Testosterone, molar mass 288.4 g/mol: 1 nmol/L = 28.84 ng/dL (Young 1987).
        case .testosterone: [("ng/dL", 1), ("nmol/L", 28.84), ("ng/mL", 100)]
        case .cea, .ca153, .ca125, .ca199, .psa, .afp, .cyfra211, .nse, .otherMarker: []
        }
    }

    /// The unit as this test knows it, from the way a laboratory system wrote it: a Chinese
    /// export's Greek mu ("μmol/L", U+03BC, not the micro sign µ), lower case ("mmol/l",
    /// "g/l"), a count's power written any way ("×10^9/L", "x10⁹/L", UCUM's "10*9/L"), spaces
    /// and a superscript in "mL/min/1.73 m²", full-width characters ("ｍｍｏｌ／Ｌ", unseen record
    /// cb84-r, 2026.12.317). Nil when the test has no such unit. The letters'
    /// case is ignored only where no unit of the test differs by case alone.
    public func knownUnit(_ written: String) -> String? {
        if isTumourMarker { return written }
        var scalars = String.UnicodeScalarView()
        for scalar in written.unicodeScalars where !scalar.properties.isWhitespace {
            switch scalar {
            case "\u{03BC}": scalars.append("µ")  // Greek small mu → micro sign
            case "²": scalars.append("2")
            // Full-width forms, as Chinese input methods type them ("ｍｍｏｌ／Ｌ"): their ASCII
            // letters, digits and signs (Unicode's Halfwidth and Fullwidth Forms block).
            case "\u{FF01}"..."\u{FF5E}": scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            default: scalars.append(scalar)
            }
        }
        let unit = String(scalars)
        if let exact = units.first(where: { $0.unit == unit }) { return exact.unit }
        var lower = unit.lowercased()
        for power in ["×10^9", "x10^9", "*10^9", "×10⁹", "x10⁹", "*10⁹", "10⁹", "10*9", "10e9", "×10e9", "x10e9"] where lower.hasPrefix(power) {
            lower = "10^9" + lower.dropFirst(power.count)
            break
        }
        for power in ["×10^3", "x10^3", "*10^3", "×10³", "x10³", "*10³", "10³", "10*3", "10e3", "×10e3", "x10e3", "k/"] where lower.hasPrefix(power) {
            lower = "10^3" + (power == "k/" ? "/" : "") + lower.dropFirst(power.count)
            break
        }
        // A count per litre in giga ("G/L", French and German reports) — never grams for a count.
        if [.platelets, .lymphocytes].contains(self) && unit == "G/L" { lower = "10^9/l" }
        return units.first { $0.unit.lowercased() == lower }?.unit
    }

    public func factor(for unit: String) -> Double? {
        if isTumourMarker { return 1 }
        return units.first { $0.unit == unit }?.factor
    }
}

/// Performance status at a date.
public struct PerformanceStatus: Sendable, Hashable, Encodable {
    public var date: PartialDate
    public var ecog: Int?
    public var kps: Int?

    public init(date: PartialDate, ecog: Int? = nil, kps: Int? = nil) {
        self.date = date
        self.ecog = ecog
        self.kps = kps
    }
}

/// Pain at a date, for one lesion or overall, on the scales the scores use.
public struct PainRecord: Sendable, Hashable, Encodable {
    public var date: PartialDate
    public var lesion: String?
    /// Limb pain as Mirels grades it.
    public var mirels: Mirels.Pain?
    /// Spinal pain as SINS grades it.
    public var sins: SINS.Pain?
    /// Numeric rating scale 0–10.
    public var nrs: Int?

    public init(date: PartialDate, lesion: String? = nil, mirels: Mirels.Pain? = nil, sins: SINS.Pain? = nil, nrs: Int? = nil) {
        self.date = date
        self.lesion = lesion
        self.mirels = mirels
        self.sins = sins
        self.nrs = nrs
    }
}

extension PainRecord {
    // NRS 0 with no grade for the scale: a pain-free lesion (or patient, without a site). SINS
    // defines it (pain-free lesion, 0 points; Fisher 2010); Mirels has no painless grade, so it
    // takes his lowest, mild (1 point). A vertebra whose only pain record read "NRS 0" stood at
    // "SINS 3–6, pain unknown" (unseen record cb61-g); EHR pain scores (LOINC 72514-3) carry
    // the number only.
    /// Spinal pain as SINS grades it: as graded, else pain-free from NRS 0.
    public var sinsGrade: SINS.Pain? { sins ?? (nrs == 0 ? SINS.Pain.none : nil) }
    /// Limb pain as Mirels grades it: as graded, else mild from NRS 0.
    public var mirelsGrade: Mirels.Pain? { mirels ?? (nrs == 0 ? .mild : nil) }
}

/// Neurological status at a date.
public struct NeurologyRecord: Sendable, Hashable, Encodable {
    public var date: PartialDate
    public var status: NeurologicalStatus
    public var frankel: Tokuhashi.Frankel?
    public var lesion: String?

    public init(date: PartialDate, status: NeurologicalStatus, frankel: Tokuhashi.Frankel? = nil, lesion: String? = nil) {
        self.date = date
        self.status = status
        self.frankel = frankel
        self.lesion = lesion
    }

    /// A deficit by either field: myelopathy or cauda equina compression, or a Frankel grade
    /// below E (Frankel 1969: E is normal motor and sensory function) — the worse of the two.
    public var showsDeficit: Bool { status.isCompressionDeficit || frankelDeficit }

    /// "Neurologically intact" written beside Frankel A–D: one of the two is wrong.
    public var statusContradictsFrankel: Bool { status == .intact && frankelDeficit }

    /// A Frankel grade below E on record.
    private var frankelDeficit: Bool { frankel.map { $0 != .E } ?? false }
}

public enum NeurologicalStatus: String, InputEnum, Codable {
    case intact, radiculopathy, myelopathy, caudaEquina

    public var label: LocalizedText {
        switch self {
        case .intact: LocalizedText(en: "neurologically intact", zh: "神经功能正常")
        case .radiculopathy: LocalizedText(en: "radiculopathy", zh: "神经根病变")
        case .myelopathy: LocalizedText(en: "myelopathy", zh: "脊髓病变")
        case .caudaEquina: LocalizedText(en: "cauda equina compression", zh: "马尾神经压迫")
        }
    }

    /// A deficit that makes compression an emergency (NOMS neurologic; reference.md).
    public var isCompressionDeficit: Bool { self == .myelopathy || self == .caudaEquina }
}

public struct Biopsy: Sendable, Hashable, Encodable {
    /// Taken, its result not yet reported (none recorded, or `pending`): the specimen is at the
    /// laboratory — its diagnosis is awaited, not a new biopsy.
    public var awaitsResult: Bool { result == nil || result == .pending }

    public var lesion: String?
    public var date: PartialDate
    public var decalcification: Decalcification?
    public var result: BiopsyResult?
    public var histology: String?
    public var molecularTests: [String]

    public init(
        lesion: String? = nil, date: PartialDate, decalcification: Decalcification? = nil, result: BiopsyResult? = nil,
        histology: String? = nil, molecularTests: [String] = []
    ) {
        self.lesion = lesion
        self.date = date
        self.decalcification = decalcification
        self.result = result
        self.histology = histology
        self.molecularTests = molecularTests
    }
}

public enum Decalcification: String, ValueEnum, Codable {
    case edta, acid, none, unknown
}

public enum BiopsyResult: String, ValueEnum, Codable {
    case metastasis, myeloma, lymphoma, primaryBoneTumour, giantCellTumour, benign, degenerative
    case reactiveOrNecrotic, nonDiagnostic, pending

    /// A result that settles the nature of the lesion.
    public var isDiagnostic: Bool { self != .nonDiagnostic && self != .pending && self != .reactiveOrNecrotic }
}

/// A skeletal or oncological event.
public struct ClinicalEvent: Sendable, Hashable, Encodable {
    public var date: PartialDate
    public var kind: EventKind
    public var lesion: String?
    /// The condition is over (FHIR clinicalStatus resolved, inactive or remission, or an
    /// abatement): it still happened — it counts as a skeletal-related event — but it no
    /// longer calls for the emergency or the measurement a current one does.
    public var resolved: Bool?

    public init(date: PartialDate, kind: EventKind, lesion: String? = nil, resolved: Bool? = nil) {
        self.date = date
        self.kind = kind
        self.lesion = lesion
        self.resolved = resolved
    }

    /// Current unless the record says it is over.
    public var isCurrent: Bool { resolved != true }
}

public enum EventKind: String, InputEnum, Codable {
    case pathologicalFracture, cordCompression, hypercalcaemia
    /// Medication-related osteonecrosis of the jaw: not a skeletal-related event; it holds the
    /// next dose of a bone-modifying agent for a decision with dental care (rule set 2026.12.51).
    case osteonecrosisOfJaw

    public var label: LocalizedText {
        switch self {
        case .pathologicalFracture: LocalizedText(en: "pathological fracture", zh: "病理性骨折")
        case .cordCompression: LocalizedText(en: "spinal cord compression", zh: "脊髓压迫")
        case .hypercalcaemia: LocalizedText(en: "hypercalcaemia of malignancy", zh: "恶性高钙血症")
        case .osteonecrosisOfJaw: LocalizedText(en: "osteonecrosis of the jaw", zh: "颌骨坏死")
        }
    }
}

/// A metastasis outside bone, as the prognosis scores grade it.
public struct VisceralMetastasis: Sendable, Hashable, Encodable {
    public var organ: String
    public var date: PartialDate?
    /// Tokuhashi: removable (surgically) or not.
    public var removable: Bool?
    /// Tomita: treatable or not.
    public var treatable: Bool?
    /// Katagiri: nodular or disseminated (pleural, peritoneal, leptomeningeal).
    public var pattern: Katagiri.VisceralMets?

    /// Lymph-node metastases, recorded here as EHRs send them (ICD-10 C77): no viscus. Tokuhashi
    /// (2005) scores metastases to the major internal organs, Tomita (2001) visceral metastases,
    /// New Katagiri (2014) visceral or brain metastases — none counts lymph nodes; PATHFx asks for
    /// them apart. A breast cancer with axillary nodes only scored "visceral metastases".
    /// Read from the organ's words: "lymph node(s)", "nodal", "lymphadenopathy", "淋巴结" —
    /// not "lymphangitic" spread, which is the lung's.
    public var isLymphNode: Bool {
        let organ = organ.lowercased()
        return ["lymph node", "lymph-node", "lymphnode", "lymphadenopathy", "nodal", "淋巴结"].contains(where: organ.contains) || organ == "lymph"
    }

    /// Katagiri's pattern as recorded, else disseminated when the organ is a serosa or the
    /// meninges — Katagiri 2014 defines disseminated metastases as pleural, peritoneal or
    /// leptomeningeal dissemination: "胸膜", "malignant pleural effusion" left the item 1–2.
    /// By the same definition a metastasis in a solid organ — liver, lung, brain, adrenal,
    /// kidney, spleen, pancreas, ovary — is nodular (1 point; "nodular visceral or brain
    /// metastases"): "肝", "双肺多发结节", "Secondary malignant neoplasm of liver" left it 1–2
    /// (cb70-a, -g, -h). Words of spread ("diffuse", "弥漫", "播散", "carcinomatosis") leave it
    /// open: the recorder may mean a dissemination the organ's name does not say.
    public var katagiriPattern: Katagiri.VisceralMets? {
        if let pattern { return pattern }
        let organ = organ.lowercased()
        let serosa = ["pleura", "peritone", "mening", "胸膜", "胸水", "胸腔积液", "腹膜", "腹水", "腹腔积液", "脑膜", "软脑膜"]
        if serosa.contains(where: organ.contains) { return .disseminated }
        let spread = ["diffuse", "dissemin", "carcinomatosis", "miliary", "弥漫", "播散", "粟粒", "癌病"]
        guard !isLymphNode, !spread.contains(where: organ.contains) else { return nil }
        let solidOrgans = [
            "liver", "hepatic", "lung", "pulmonary", "brain", "cerebr", "cerebell", "adrenal", "kidney", "renal",
            "spleen", "splenic", "pancrea", "ovary", "ovarian",
            "肝", "肺", "脑", "肾", "脾", "胰", "卵巢",
        ]
        return solidOrgans.contains(where: organ.contains) ? .nodular : nil
    }

    public init(organ: String, date: PartialDate? = nil, removable: Bool? = nil, treatable: Bool? = nil, pattern: Katagiri.VisceralMets? = nil) {
        self.organ = organ
        self.date = date
        self.removable = removable
        self.treatable = treatable
        self.pattern = pattern
    }
}

public struct PrimaryCancer: Sendable, Hashable, Encodable {
    public var id: String
    public var site: PrimarySite
    /// The pathology text as written.
    public var histology: String?
    /// The histology coded where the rules need it (radiosensitivity, embolisation).
    public var histologyType: HistologyType?
    /// The codes the source system gave this diagnosis (`system|code`), kept for export.
    public var codes: [String] = []
    public var er: ReceptorStatus?
    public var pr: ReceptorStatus?
    public var her2: ReceptorStatus?
    public var diagnosed: PartialDate?
    /// Katagiri: hormone-dependent breast or prostate cancer.
    public var hormoneDependent: Bool?
    /// Katagiri: lung cancer treated with molecular-targeted therapy.
    public var targetedTherapy: Bool?
    /// Prostate: castration-resistant (true) or castration-sensitive (false). Bone-modifying
    /// agents prevent SREs only in castration-resistant disease (CALGB 90202; Fizazi 2011).
    public var castrationResistant: Bool?

    public init(
        id: String, site: PrimarySite, histology: String? = nil, histologyType: HistologyType? = nil, er: ReceptorStatus? = nil,
        pr: ReceptorStatus? = nil, her2: ReceptorStatus? = nil, diagnosed: PartialDate? = nil, hormoneDependent: Bool? = nil,
        targetedTherapy: Bool? = nil, castrationResistant: Bool? = nil
    ) {
        self.histologyType = histologyType
        self.castrationResistant = castrationResistant
        self.id = id
        self.site = site
        self.histology = histology
        self.er = er
        self.pr = pr
        self.her2 = her2
        self.diagnosed = diagnosed
        self.hormoneDependent = hormoneDependent
        self.targetedTherapy = targetedTherapy
    }
}

public enum ReceptorStatus: String, ValueEnum, Codable {
    case positive, negative, low, unknown
}

public struct MDTDecision: Sendable, Hashable, Encodable {
    public var date: PartialDate
    public var decision: String
    public var specialty: Specialty?
    public var followUp: [String]

    public init(date: PartialDate, decision: String, specialty: Specialty? = nil, followUp: [String] = []) {
        self.date = date
        self.decision = decision
        self.specialty = specialty
        self.followUp = followUp
    }
}

/// What is planned that changes how urgent a finding is.
public struct CarePlans: Sendable, Hashable, Encodable {
    /// Molecular tests (receptor re-testing, NGS, FISH) wanted on bone tissue → EDTA decalcification.
    public var molecularTestsWanted: Bool?
    public var transfer: PartialDate?
    public var trialEnrolment: PartialDate?

    public init(molecularTestsWanted: Bool? = nil, transfer: PartialDate? = nil, trialEnrolment: PartialDate? = nil) {
        self.molecularTestsWanted = molecularTestsWanted
        self.transfer = transfer
        self.trialEnrolment = trialEnrolment
    }
}

/// The disease status a clinician recorded in the EHR (mCODE CancerDiseaseStatus, LOINC
/// 97509-4; standards.md). Kept and shown beside BoneMet's own imaging response — never used as
/// a response by the rules, which judge the bone lesions from the readings themselves.
public struct DiseaseStatusRecord: Sendable, Hashable, Encodable {
    public var date: PartialDate
    public var status: DiseaseStatus
    /// What the judgement rests on, as the source said it (imaging, pathology, symptoms …).
    public var evidence: String?
    /// The primary cancer it concerns (a primary's id), when the source says which.
    public var primary: String?

    public init(date: PartialDate, status: DiseaseStatus, evidence: String? = nil, primary: String? = nil) {
        self.date = date
        self.status = status
        self.evidence = evidence
        self.primary = primary
    }
}

/// mCODE's disease status values (standards.md: improved 268910001, stable 359746009,
/// worsened 271299001, undetermined 709137006; full 550991000124107 and partial remission
/// 551001000124108 in the maximal set).
public enum DiseaseStatus: String, InputEnum, Codable {
    case improved, stable, worsened, undetermined, fullRemission, partialRemission

    public var snomed: String {
        switch self {
        case .improved: "268910001"
        case .stable: "359746009"
        case .worsened: "271299001"
        case .undetermined: "709137006"
        case .fullRemission: "550991000124107"
        case .partialRemission: "551001000124108"
        }
    }

    public init?(snomed: String) {
        guard let status = Self.allCases.first(where: { $0.snomed == snomed }) else { return nil }
        self = status
    }

    public var label: LocalizedText {
        switch self {
        case .improved: LocalizedText(en: "improved", zh: "好转")
        case .stable: LocalizedText(en: "stable", zh: "稳定")
        case .worsened: LocalizedText(en: "worsened", zh: "恶化")
        case .undetermined: LocalizedText(en: "undetermined", zh: "无法判定")
        case .fullRemission: LocalizedText(en: "full remission", zh: "完全缓解")
        case .partialRemission: LocalizedText(en: "partial remission", zh: "部分缓解")
        }
    }
}
