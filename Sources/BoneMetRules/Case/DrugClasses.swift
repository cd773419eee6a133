import Foundation

/// The class of a systemic therapy read from the drugs a record names, when the record does not
/// state it (`systemicClass`). Records — a Chinese discharge summary, an EHR's medication text —
/// name drugs ("奥希替尼", "cisplatin + pemetrexed", "ADT"), not classes, and New Katagiri scores
/// two items from the class: previous chemotherapy, and lung cancer "with molecular targeted
/// therapy" (Katagiri 2014). Classes follow the WHO ATC index (WHO Collaborating Centre for
/// Drug Statistics Methodology): L01A–L01D and L01XA cytotoxic chemotherapy, L01E protein
/// kinase inhibitors and L01F monoclonal antibodies targeted (L01FF PD-1/PD-L1 and ipilimumab
/// immunotherapy), L02 endocrine — the same reading `FHIRCaseMapper.systemicClass(atc:)` gives
/// an ATC code; therapeutic radiopharmaceuticals (V10X: radioiodine, radium-223, lutetium-177)
/// are "other". Drugs without a place in that reading (myeloma's proteasome inhibitors and
/// immunomodulators, steroids) are not classed: a regimen holding one is left open rather than
/// guessed.
public enum DrugClasses {
    /// What a regimen's class comes from.
    public struct Reading: Sendable, Hashable {
        /// The classes of its drugs (a chemo-immunotherapy regimen is both).
        public var classes: Set<SystemicClass>
        /// Every drug of it has a class: "no chemotherapy" can be said only then.
        public var complete: Bool
        /// The class was recorded, not read from names.
        public var recorded: Bool
        /// Classes its drugs hold beyond the one recorded: a chemo-immunotherapy regimen
        /// (pembrolizumab + carboplatin + paclitaxel) recorded as "immunotherapy" is chemotherapy
        /// too — New Katagiri's "previous chemotherapy" read "no" for it.
        public var beyondRecorded: Set<SystemicClass>

        public init(classes: Set<SystemicClass>, complete: Bool, recorded: Bool, beyondRecorded: Set<SystemicClass> = []) {
            self.classes = classes
            self.complete = complete
            self.recorded = recorded
            self.beyondRecorded = beyondRecorded
        }
    }

    /// The regimen's classes: as recorded together with those of its drugs, else from its drugs
    /// (or, without a drug list, its name). A record holds one class per regimen; a regimen of
    /// several drugs may hold several.
    public static func reading(_ treatment: Treatment) -> Reading {
        // Read once per regimen text in the process: the same regimens recur across cases, and
        // reading one (lower-casing, splitting, word lookups, Foundation's trimming) was 7 % of an
        // assessment (`ProcessMemo`).
        let key = ReadingKey(drugs: treatment.drugs, name: treatment.drugs.isEmpty ? treatment.name : nil, recorded: treatment.systemicClass)
        return readings.value(key) { workOutReading(treatment) }
    }

    private struct ReadingKey: Hashable, Sendable {
        let drugs: [String]
        let name: String?
        let recorded: SystemicClass?
    }

    private static let readings = ProcessMemo<ReadingKey, Reading>()

    private static func workOutReading(_ treatment: Treatment) -> Reading {
        let texts = treatment.drugs.isEmpty ? [treatment.name].compactMap { $0 } : treatment.drugs
        let pieces = texts.flatMap(split).filter { !$0.isEmpty && !isDosageOnly($0) }
        let perPiece = pieces.map(classes(in:))
        let named: Set<SystemicClass> = perPiece.reduce(into: Set()) { $0.formUnion($1) }
        if let recorded = treatment.systemicClass {
            return Reading(classes: named.union([recorded]), complete: true, recorded: true, beyondRecorded: named.subtracting([recorded]))
        }
        // Supportive drugs given with a regimen — abiraterone's prednisone, pemetrexed's folic acid
        // and vitamin B12, leucovorin — have no antineoplastic class and leave none open:
        // "abiraterone + prednisone" left New Katagiri's "previous chemotherapy" at 0–1. A regimen
        // of supportive drugs only stays open (dexamethasone is anti-myeloma therapy too).
        let antineoplastic = zip(pieces, perPiece).filter { !$0.1.isEmpty || !isSupportive($0.0) }.map(\.1)
        return Reading(classes: named, complete: !antineoplastic.isEmpty && antineoplastic.allSatisfy { !$0.isEmpty }, recorded: false)
    }

    /// Therapeutic radiopharmaceuticals (ATC V10X). Given on one day (or a few), they irradiate
    /// the bone for weeks after it, as radiotherapy does its field.
    static let radiopharmaceuticals: [String] = [
        "radioiodine", "iodine-131", "i-131", "131i", "radioactive iodine", "sodium iodide", "radium-223", "ra-223", "xofigo",
        "lutetium-177", "lu-177", "177lu", "pluvicto", "samarium-153", "strontium-89",
        "碘-131", "碘131", "放射性碘", "镭-223", "镭223", "氯化镭", "镥-177", "镥177",
    ]
    private static let radiopharmaceuticalLookup = makeLookup([(true, radiopharmaceuticals)])

    /// Whether a regimen names a therapeutic radiopharmaceutical ("131I 150mCi 放射性碘治疗").
    /// Read once per drug text in the process, as `reading` is: the untreated-tail check asks it
    /// of every regimen at every time point.
    public static func isRadiopharmaceutical(_ treatment: Treatment) -> Bool {
        drugTexts(treatment).contains { text in
            radiopharmaceuticalTexts.value(text) {
                !names(in: text, latin: radiopharmaceuticalLookup.latin, chinese: radiopharmaceuticalLookup.chinese).isEmpty
            }
        }
    }

    private static let radiopharmaceuticalTexts = ProcessMemo<String, Bool>()

    /// A systemic row of supportive drugs only (`supportive`: a glucocorticoid, folate, G-CSF),
    /// its class not recorded or recorded as "other": supportive care, not an anticancer regimen.
    /// Dexamethasone 16 mg for a cord compression, entered as a systemic row (or sent by an EHR
    /// with a cancer as its reason), opened a "switch" in the response window of a prostate
    /// cancer's docetaxel (cb62-g) and would start a flare window of its own. A class recorded
    /// as chemotherapy, endocrine, targeted or immunotherapy is the clinician's word and stands.
    public static func isSupportiveOnly(_ treatment: Treatment) -> Bool {
        guard treatment.kind == .systemic, treatment.systemicClass == nil || treatment.systemicClass == .other else { return false }
        // Read once per row text in the process, as `reading` is: every assessment asks it of
        // every systemic row (the background re-assessment, issue #12).
        let key = treatment.drugs.isEmpty ? ["name", treatment.name ?? ""] : ["drugs"] + treatment.drugs
        return supportiveOnlyTexts.value(key) {
            let texts = drugTexts(treatment)
            return !texts.isEmpty && texts.allSatisfy { isSupportive($0) && classes(in: $0).isEmpty }
        }
    }

    private static let supportiveOnlyTexts = ProcessMemo<[String], Bool>()

    /// Drugs given to a breast cancer only when it expresses hormone receptors: anti-oestrogens
    /// (L02BA: tamoxifen, toremifene, fulvestrant, elacestrant), aromatase inhibitors (L02BG) and
    /// CDK4/6 inhibitors, licensed with endocrine therapy for HR-positive disease. Not the GnRH
    /// agonists, which are also given for ovarian protection during chemotherapy.
    static let oestrogenReceptorDirected: [String] = [
        "tamoxifen", "toremifene", "fulvestrant", "elacestrant", "anastrozole", "letrozole", "exemestane", "aromatase inhibitor",
        "palbociclib", "ribociclib", "abemaciclib", "dalpiciclib",
        "nolvadex", "faslodex", "arimidex", "femara", "aromasin", "ibrance", "kisqali", "verzenio",
        "他莫昔芬", "三苯氧胺", "托瑞米芬", "氟维司群", "阿那曲唑", "来曲唑", "依西美坦", "芳香化酶抑制剂",
        "哌柏西利", "瑞波西利", "阿贝西利", "达尔西利", "弗隆", "瑞宁得", "阿诺新", "芙仕得",
    ]
    private static let oestrogenReceptorLookup = makeLookup([(true, oestrogenReceptorDirected)])

    /// Whether a row names one of `oestrogenReceptorDirected`.
    static func namesOestrogenReceptorTherapy(_ treatment: Treatment) -> Bool {
        drugTexts(treatment).contains { text in
            !names(in: text, latin: oestrogenReceptorLookup.latin, chinese: oestrogenReceptorLookup.chinese).isEmpty
        }
    }

    /// Whether the row names dexamethasone (NICE NG234's steroid for spinal cord compression).
    static func namesDexamethasone(_ treatment: Treatment) -> Bool {
        drugTexts(treatment).contains { text in
            let lower = text.lowercased()
            return lower.contains("dexamethasone") || lower.contains("地塞米松")
        }
    }

    /// Whether one drug's text names a supportive drug (`supportive`).
    static func isSupportive(_ text: String) -> Bool {
        !names(in: text, latin: supportiveLookup.latin, chinese: supportiveLookup.chinese).isEmpty
    }

    /// The classes named in one drug's text ("Osimertinib 80 MG Oral Tablet", "白蛋白紫杉醇").
    /// A text that says the class is absent ("chemotherapy-free", "未化疗", "拒绝化疗") is not read.
    static func classes(in text: String) -> Set<SystemicClass> {
        classesOfText.value(text) { names(in: text, latin: lookup.latin, chinese: lookup.chinese) }
    }

    /// Read once per text in the process: a primary's pathology text is asked for the chemotherapy
    /// it states (New Katagiri) at every assessment.
    private static let classesOfText = ProcessMemo<String, Set<SystemicClass>>()

    /// The entries of a name table found in a drug's text.
    private static func names<Entry: Hashable>(
        in text: String, latin: [String: [Entry]], chinese: [Character: [(String, Entry)]]
    ) -> Set<Entry> {
        let lower = text.lowercased()
        if negations.contains(where: lower.contains) { return [] }
        var found = Set<Entry>()
        // Latin names as whole words: split at anything but ASCII letters, digits and hyphens
        // (a Chinese character beside a Latin name is no part of it: "奥希替尼osimertinib"), then
        // every hyphen-joined run of a word ("nab-paclitaxel", "anti-pd-1") and every two words
        // together ("endocrine therapy").
        let words = lower.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }
        for (position, word) in words.enumerated() {
            if let classes = latin[String(word)] { found.formUnion(classes) }
            let parts = word.split(separator: "-")
            if parts.count > 1 {
                for first in parts.indices {
                    for last in first..<parts.endIndex where !(first == parts.startIndex && last == parts.endIndex - 1) {
                        if let classes = latin[parts[first...last].joined(separator: "-")] { found.formUnion(classes) }
                    }
                }
            }
            if position > 0, let classes = latin["\(words[position - 1]) \(word)"] { found.formUnion(classes) }
        }
        // Chinese names anywhere in the text.
        if lower.utf8.contains(where: { $0 >= 0x80 }) {
            var rest = Substring(lower)
            while let first = rest.first {
                for (name, drugClass) in chinese[first] ?? [] where rest.hasPrefix(name) { found.insert(drugClass) }
                rest = rest.dropFirst()
            }
        }
        return found
    }

    /// A row's drugs: its drug list, else its name cut where a regimen joins its drugs ("ibandronate
    /// + capecitabine", "多西他赛联合唑来膦酸") — not at "/" or commas, which doses and schedules use
    /// ("4 mg/100 mL", "唑来膦酸，4mg，q4w").
    static func drugTexts(_ treatment: Treatment) -> [String] {
        guard treatment.drugs.isEmpty else { return treatment.drugs }
        var pieces = [treatment.name ?? ""]
        for join in ["+", "＋", "联合"] {
            pieces = pieces.flatMap { $0.components(separatedBy: join) }
        }
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A regimen's text in drugs: "TKI + 化疗", "carboplatin/pemetrexed", "来曲唑联合哌柏西利".
    static func split(_ text: String) -> [String] {
        var pieces = [text.lowercased()]
        // Only the separators the text holds: Foundation's split of every piece at each of
        // fourteen separators was 4 % of an assessment, most of it finding nothing.
        for separator in separators where pieces.contains(where: { $0.contains(separator) }) {
            pieces = pieces.flatMap { $0.components(separatedBy: separator) }
        }
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static let separators = ["+", "＋", "/", ",", "，", "、", ";", "；", " and ", " plus ", " with ", " then ", "联合", "序贯"]

    /// A piece of a regimen's text that names no drug, only its dose and schedule — what a "/"
    /// leaves after "来曲唑 2.5mg/d" ("d"), "75mg/m2 q3w" ("m2 q3w"), "55kBq/kg q4w ×6": numbers
    /// and the units and frequencies prescriptions write. Left an open drug, it kept New Katagiri's
    /// "previous chemotherapy" at "unknown → 0–1" for letrozole, osimertinib or radium-223 written
    /// with their doses (unseen record cb154-d, rule set 2026.12.402).
    static func isDosageOnly(_ piece: String) -> Bool {
        let words = piece.split { !$0.isLetter }
        return words.allSatisfy { dosageWords.contains(String($0)) }
    }

    private static let dosageWords: Set<String> = [
        "mg", "g", "kg", "ml", "l", "m", "μg", "µg", "ug", "mcg", "iu", "u", "kbq", "mbq", "gbq", "bq", "gy", "auc", "mmol",
        "q", "qd", "bid", "tid", "qid", "qw", "qod", "qn", "d", "day", "days", "daily", "w", "wk", "wks", "week", "weeks", "weekly",
        "h", "hr", "hrs", "po", "iv", "ivgtt", "ivd", "sc", "sq", "ih", "im", "x", "cycle", "cycles", "c",
        "每日", "每天", "每周", "每", "天", "日", "周", "次", "口服", "静滴", "皮下", "疗程", "个", "片", "粒", "支",
    ]
    private static let negations = ["chemotherapy-free", "chemo-free", "no chemo", "without chemo", "declined", "未化疗", "免化疗", "去化疗", "拒绝", "未行"]

    /// The table as looked up: Latin names (one word, or two joined by a space) and Chinese names
    /// by their first character.
    private static let lookup = makeLookup(table)
    private static let supportiveLookup = makeLookup([(true, supportive)])

    private static func makeLookup<Entry>(_ table: [(Entry, [String])]) -> (latin: [String: [Entry]], chinese: [Character: [(String, Entry)]]) {
        // A name may stand in two lists: a regimen's acronym of chemotherapy and antibody
        // ("TCbHP" in both the cytotoxic and the targeted list) holds both classes.
        var latin: [String: [Entry]] = [:]
        var chinese: [Character: [(String, Entry)]] = [:]
        for (drugClass, names) in table {
            for name in names {
                if let first = name.first, !first.isASCII {
                    chinese[first, default: []].append((name, drugClass))
                } else {
                    latin[name, default: []].append(drugClass)
                }
            }
        }
        return (latin, chinese)
    }

    /// Drugs given with antineoplastic regimens that are not antineoplastic themselves (WHO ATC
    /// outside L01/L02): glucocorticoids (H02AB: abiraterone is given with prednisone or
    /// prednisolone, docetaxel with dexamethasone premedication), pemetrexed's folic acid and
    /// vitamin B12 (B03B), folinate rescue and mesna (V03AF), granulocyte colony-stimulating
    /// factors (L03AA).
    static let supportive: [String] = [
        "prednisone", "prednisolone", "methylprednisolone", "dexamethasone", "hydrocortisone",
        "泼尼松", "强的松", "甲泼尼龙", "地塞米松", "氢化可的松",
        "folic acid", "vitamin b12", "cyanocobalamin", "叶酸", "维生素b12",
        "leucovorin", "folinic acid", "calcium folinate", "levoleucovorin", "mesna", "亚叶酸钙", "美司钠",
        "filgrastim", "pegfilgrastim", "g-csf", "粒细胞集落刺激因子",
    ]

    /// Generic names (INN and Chinese approved names), common brand names, and the class words
    /// records use. ATC groups in the comments.
    static let table: [(SystemicClass, [String])] = [
        (.chemotherapy, [
            "chemotherapy", "chemo", "chemoradiotherapy", "chemoradiation", "化疗", "化学治疗",
            // Platinum (L01XA)
            "cisplatin", "carboplatin", "oxaliplatin", "nedaplatin", "lobaplatin", "顺铂", "卡铂", "奥沙利铂", "奈达铂", "洛铂",
            // Antimetabolites (L01B)
            "pemetrexed", "gemcitabine", "capecitabine", "fluorouracil", "5-fu", "tegafur", "s-1", "methotrexate", "cytarabine",
            "培美曲塞", "吉西他滨", "卡培他滨", "氟尿嘧啶", "替吉奥", "替加氟", "甲氨蝶呤", "阿糖胞苷",
            // Plant alkaloids: taxanes, vinca alkaloids, topoisomerase inhibitors (L01C)
            "paclitaxel", "docetaxel", "cabazitaxel", "vinorelbine", "vincristine", "etoposide", "irinotecan", "topotecan",
            "紫杉醇", "多西他赛", "多西紫杉醇", "卡巴他赛", "长春瑞滨", "长春新碱", "依托泊苷", "伊立替康", "拓扑替康",
            // Cytotoxic antibiotics (L01D)
            "doxorubicin", "epirubicin", "pirarubicin", "adriamycin", "多柔比星", "阿霉素", "表柔比星", "吡柔比星",
            // Alkylating agents (L01A)
            "cyclophosphamide", "ifosfamide", "melphalan", "bendamustine", "temozolomide",
            "环磷酰胺", "异环磷酰胺", "美法仑", "苯达莫司汀", "替莫唑胺",
            // Eribulin (L01XX41), utidelone: cytotoxic microtubule inhibitors
            "eribulin", "艾立布林", "utidelone", "优替德隆",
            // More antimetabolites, alkylating agents and cytotoxic antibiotics (L01BC, L01BA,
            // L01AX, L01DC) as Chinese records write them: trifluridine/tipiracil, raltitrexed,
            // dacarbazine, mitomycin, bleomycin, trabectedin
            "trifluridine", "tipiracil", "tas-102", "lonsurf", "raltitrexed", "dacarbazine", "mitomycin", "bleomycin", "trabectedin",
            "曲氟尿苷替匹嘧啶", "曲氟尿苷", "雷替曲塞", "达卡巴嗪", "丝裂霉素", "博来霉素", "曲贝替定",
            // Regimens named by their acronyms, every component cytotoxic (L01; leucovorin and
            // other rescue agents are not counted as drugs of their own): FOLFOX is 5-FU,
            // leucovorin and oxaliplatin; XELOX/CAPOX capecitabine and oxaliplatin; AC/EC an
            // anthracycline and cyclophosphamide; TC/TP/GP/NP/PP/EP a taxane, gemcitabine,
            // vinorelbine, pemetrexed or etoposide with a platinum (TC also docetaxel with
            // cyclophosphamide) — as Chinese and English records write them ("FOLFOX", "TP方案").
            "folfox", "mfolfox6", "folfiri", "folfirinox", "folfoxiri", "xelox", "capox", "xeliri", "sox", "flot", "ecf", "dcf",
            "gemox", "ac", "ec", "tac", "fec", "cmf", "tc", "tp", "gp", "np", "pp", "ep",
            // Lymphoma regimens, every component cytotoxic but the steroid (L01AA, L01DB,
            // L01CA, L01CB, L01BC, L01XA): CHOP, CVP, (DA-)EPOCH, ABVD, hyper-CVAD, DHAP, GDP —
            // a DLBCL's "R-CHOP" was read as no class, leaving New Katagiri's previous
            // chemotherapy open (unseen record cb21-l). The rituximab is read from "R-" (below).
            "chop", "cvp", "epoch", "abvd", "cvad", "dhap", "gdp",
            // Breast-cancer regimens named by their acronyms: a taxane (T), carboplatin (Cb),
            // capecitabine (X), an anthracycline with cyclophosphamide (AC/EC) — those with
            // trastuzumab (H) and pertuzumab (P) are in the targeted list too. A HER2 breast
            // cancer's "TCbHP 6周期" left New Katagiri's "previous chemotherapy" open (cb28-e).
            "tcbhp", "tchp", "tcbh", "tch", "thp", "th", "nx", "gc", "tcb", "ac-t", "ec-t", "ac-th", "ec-th", "ac-thp", "ec-thp",
            "ac-tcbhp", "ec-tcbhp",
            // Brands
            "taxol", "taxotere", "abraxane", "jevtana", "alimta", "gemzar", "xeloda", "navelbine", "halaven",
            "泰素", "泰索帝", "希罗达",
            // Chinese brands seen on records (unseen records cb140, rule set .384): Gemzar,
            // Alimta, Navelbine, Halaven.
            "健择", "力比泰", "诺维本", "海乐卫",
        ]),
        (.endocrine, [
            "endocrine therapy", "hormone therapy", "hormonal therapy", "androgen deprivation", "adt", "aromatase inhibitor",
            "lhrh", "gnrh", "内分泌", "去势治疗", "药物去势",
            // Anti-oestrogens, aromatase inhibitors (L02BA, L02BG)
            "tamoxifen", "toremifene", "fulvestrant", "anastrozole", "letrozole", "exemestane",
            "他莫昔芬", "三苯氧胺", "托瑞米芬", "氟维司群", "阿那曲唑", "来曲唑", "依西美坦",
            // GnRH agonists and antagonists (L02AE, L02BX02)
            "goserelin", "leuprorelin", "leuprolide", "triptorelin", "degarelix", "戈舍瑞林", "亮丙瑞林", "曲普瑞林", "地加瑞克",
            // Relugolix, the oral GnRH antagonist (L02BX04).
            "relugolix", "orgovyx", "瑞卢戈利",
            // Anti-androgens, androgen synthesis (L02BB, L02BX03); progestogens (L02AB)
            "bicalutamide", "flutamide", "enzalutamide", "apalutamide", "darolutamide", "rezvilutamide", "abiraterone", "megestrol",
            "比卡鲁胺", "氟他胺", "恩扎卢胺", "阿帕他胺", "达罗他胺", "瑞维鲁胺", "阿比特龙", "甲地孕酮",
            // Brands
            "nolvadex", "faslodex", "arimidex", "femara", "aromasin", "zoladex", "lupron", "eligard", "firmagon",
            "casodex", "xtandi", "erleada", "nubeqa", "zytiga",
            "诺雷德", "康士得", "弗隆", "瑞宁得", "阿诺新", "芙仕得", "泽珂", "安可坦",
            // Zoladex's official Chinese brand, Enantone, Diphereline, Erleada, Nubeqa (cb140: a
            // prostate cancer's ADT written "诺雷得" or "抑那通" was no androgen deprivation).
            "诺雷得", "抑那通", "达菲林", "安森珂", "诺倍戈",
        ]),
        (.targeted, [
            "targeted therapy", "tki", "靶向",
            // EGFR, ALK, MET, RET, BRAF/MEK inhibitors (L01EB, L01ED, L01EX, L01EC, L01EE)
            "gefitinib", "erlotinib", "icotinib", "afatinib", "dacomitinib", "osimertinib", "aumolertinib", "almonertinib",
            "furmonertinib", "befotertinib", "crizotinib", "ceritinib", "alectinib", "brigatinib", "lorlatinib", "ensartinib",
            "savolitinib", "capmatinib", "tepotinib", "selpercatinib", "pralsetinib", "dabrafenib", "trametinib", "vemurafenib",
            "吉非替尼", "厄洛替尼", "埃克替尼", "阿法替尼", "达可替尼", "奥希替尼", "阿美替尼", "伏美替尼", "贝福替尼",
            "克唑替尼", "塞瑞替尼", "阿来替尼", "布格替尼", "布加替尼", "劳拉替尼", "恩沙替尼", "赛沃替尼", "塞普替尼",
            "普拉替尼", "达拉非尼", "曲美替尼", "维莫非尼",
            // VEGFR and multikinase inhibitors, mTOR (L01EK, L01EX, L01EG): renal, thyroid, liver
            "sunitinib", "sorafenib", "pazopanib", "axitinib", "cabozantinib", "lenvatinib", "anlotinib", "apatinib",
            "donafenib", "regorafenib", "fruquintinib", "vandetanib", "imatinib", "everolimus",
            "舒尼替尼", "索拉非尼", "培唑帕尼", "阿昔替尼", "卡博替尼", "仑伐替尼", "安罗替尼", "阿帕替尼", "多纳非尼",
            "瑞戈非尼", "呋喹替尼", "伊马替尼", "依维莫司",
            // CDK4/6 and HER2 kinase inhibitors (L01EF, L01EH)
            "palbociclib", "ribociclib", "abemaciclib", "dalpiciclib", "lapatinib", "pyrotinib", "neratinib", "tucatinib",
            "哌柏西利", "瑞波西利", "阿贝西利", "达尔西利", "拉帕替尼", "吡咯替尼", "奈拉替尼", "图卡替尼",
            // Monoclonal antibodies and their conjugates (L01FD, L01FE, L01FG, L01FA)
            "trastuzumab", "pertuzumab", "inetetamab", "bevacizumab", "cetuximab", "panitumumab", "ramucirumab", "rituximab",
            // Rituximab named by the R of a lymphoma regimen's acronym (L01FA01): R-CHOP, R-CVP …
            "r-chop", "r-cvp", "r-epoch", "r-da-epoch", "r-dhap", "r-gdp",
            // HER2 breast regimens' H (trastuzumab) and P (pertuzumab): TCbHP, TCH, THP, AC-THP …
            "tcbhp", "tchp", "tcbh", "tch", "thp", "th", "ac-th", "ec-th", "ac-thp", "ec-thp", "ac-tcbhp", "ec-tcbhp",
            "曲妥珠单抗", "帕妥珠单抗", "伊尼妥单抗", "贝伐珠单抗", "西妥昔单抗", "帕尼单抗", "雷莫西尤单抗", "利妥昔单抗",
            // Antibody–drug conjugates: their own entry below (`conjugates`, targeted).
            // Other antibodies and small molecules of Chinese practice (L01FE, L01EX, L01XH):
            // nimotuzumab, surufatinib (neuroendocrine tumours), chidamide (tucidinostat)
            "nimotuzumab", "surufatinib", "chidamide", "tucidinostat", "尼妥珠单抗", "索凡替尼", "西达本胺",
            // PI3K and AKT inhibitors of HR-positive breast cancer (L01EM, L01EX), KRAS G12C
            // inhibitors (L01XX), EGFR/MET, ROS1/NTRK and further ALK and MET inhibitors of lung
            // cancer (L01EB, L01EX, L01FX), FGFR (L01EN) and VEGFR (L01EK) inhibitors, BTK
            // inhibitors of lymphoma (L01EL): targeted by mechanism (venetoclax and selinexor, L01XX
            // of no kinase or antibody, stay unclassed). A breast cancer's fulvestrant + alpelisib read "endocrine therapy" alone
            // (unseen record cb150-c, rule set 2026.12.394).
            "alpelisib", "capivasertib", "inavolisib", "sotorasib", "adagrasib", "amivantamab", "lazertinib", "sunvozertinib",
            "entrectinib", "larotrectinib", "repotrectinib", "glumetinib", "iruplinalkib", "erdafitinib", "tivozanib",
            "ibrutinib", "zanubrutinib", "acalabrutinib", "orelabrutinib",
            "piqray", "truqap", "lumakras", "krazati", "rybrevant", "imbruvica", "brukinsa",
            "阿培利司", "卡匹色替", "索托拉西布", "阿达格拉西布", "埃万妥单抗", "拉泽替尼", "舒沃替尼", "恩曲替尼", "拉罗替尼",
            "瑞普替尼", "谷美替尼", "伊鲁阿克", "厄达替尼", "替沃扎尼", "伊布替尼", "泽布替尼", "阿可替尼", "奥布替尼",
            // PARP inhibitors (L01XK): targeted by mechanism
            "olaparib", "niraparib", "talazoparib", "fluzoparib", "奥拉帕利", "尼拉帕利", "他拉唑帕利", "氟唑帕利",
            // Myeloma: proteasome inhibitors (L01XG) and antibodies against CD38, SLAMF7 and BCMA
            // (L01FC, L01FX) — a myeloma on daratumumab, bortezomib, lenalidomide and
            // dexamethasone left New Katagiri's "previous chemotherapy" open (0–1).
            "bortezomib", "carfilzomib", "ixazomib", "daratumumab", "isatuximab", "elotuzumab", "teclistamab", "elranatamab",
            "硼替佐米", "卡非佐米", "伊沙佐米", "达雷妥尤单抗", "艾沙妥昔单抗", "埃罗妥珠单抗",
            "velcade", "kyprolis", "ninlaro", "darzalex", "sarclisa", "empliciti", "万珂",
            // Brands
            "tagrisso", "iressa", "tarceva", "gilotrif", "alecensa", "xalkori", "lorbrena", "herceptin", "perjeta",
            "avastin", "ibrance", "kisqali", "verzenio", "tykerb", "nerlynx", "lynparza", "sutent", "nexavar",
            "votrient", "inlyta", "cabometyx", "lenvima", "afinitor",
            "泰瑞沙", "易瑞沙", "特罗凯", "凯美纳", "赫赛汀", "帕捷特", "安维汀", "爱博新", "赛可瑞", "安圣莎", "利普卓",
            // Aumolertinib, furmonertinib, Verzenio, Erbitux, nimotuzumab (cb140).
            "阿美乐", "艾弗沙", "唯择", "爱必妥", "泰欣生",
        ]),
        (.immunotherapy, [
            "immunotherapy", "checkpoint inhibitor", "pd-1", "pd-l1", "免疫治疗", "免疫检查点",
            // PD-1/PD-L1 antibodies (L01FF), CTLA-4 (L01FX04)
            "pembrolizumab", "nivolumab", "atezolizumab", "durvalumab", "avelumab", "cemiplimab", "camrelizumab", "sintilimab",
            "tislelizumab", "toripalimab", "penpulimab", "serplulimab", "sugemalimab", "adebrelimab", "ipilimumab",
            "tremelimumab", "cadonilimab", "替西木单抗", "卡度尼利单抗",
            // Immunomodulatory drugs of myeloma (L04AX): not cytotoxic
            "lenalidomide", "pomalidomide", "thalidomide", "来那度胺", "泊马度胺", "沙利度胺", "revlimid", "pomalyst", "thalomid", "瑞复美",
            "帕博利珠单抗", "纳武利尤单抗", "阿替利珠单抗", "度伐利尤单抗", "卡瑞利珠单抗", "信迪利单抗", "替雷利珠单抗",
            "特瑞普利单抗", "派安普利单抗", "斯鲁利单抗", "舒格利单抗", "阿得贝利单抗", "伊匹木单抗",
            // Brands
            "keytruda", "opdivo", "tecentriq", "imfinzi", "yervoy", "可瑞达", "欧狄沃", "艾瑞卡", "达伯舒", "百泽安", "拓益",
        ]),
        // Therapeutic radiopharmaceuticals (V10X): none cytotoxic chemotherapy. A thyroid cancer's
        // radioiodine left New Katagiri's "previous chemotherapy" open (0–1). So did the
        // levothyroxine of its TSH suppression (H03AA, a thyroid hormone — no antineoplastic
        // class of L01/L02), on every differentiated thyroid cancer's record.
        (.other, radiopharmaceuticals + [
            "levothyroxine", "l-thyroxine", "thyroxine", "euthyrox", "synthroid", "左甲状腺素", "优甲乐", "雷替斯",
            // Somatostatin analogues (H01CB): antiproliferative in neuroendocrine tumours (PROMID,
            // CLARINET), not cytotoxic — a lung carcinoid's octreotide left New Katagiri's
            // "previous chemotherapy" open.
            "octreotide", "lanreotide", "sandostatin", "somatuline", "奥曲肽", "兰瑞肽", "善龙", "善宁",
        ]),
        // Antibody–drug conjugates, classed by ATC with their antibody (L01FD HER2: trastuzumab
        // emtansine and deruxtecan, disitamab vedotin; L01FX: sacituzumab govitecan, enfortumab
        // vedotin) — a TNBC's sacituzumab and a HER2 breast cancer's T-DM1 were read as no class
        // at all. One list, also read by New Katagiri's previous chemotherapy (`conjugateNamed`).
        (.targeted, conjugates),
    ]
}
