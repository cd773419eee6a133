/// Drugs that block VEGF signalling impair wound healing and add bleeding risk, so their labels
/// ask for elective surgery to wait after the last dose and the drug to wait after surgery. A
/// lung adenocarcinoma on carboplatin, pemetrexed and bevacizumab was advised "prophylactic
/// fixation, before trial enrolment" with no word on the bevacizumab given three weeks before
/// (rule set 2026.12.49). The source hospital's principle is the same from the other side:
/// orthopaedics "helps without disrupting" systemic therapy — the operation is timed with it.
///
/// Intervals only where a source gives them: the Avastin, Zaltrap and Sutent prescribing
/// information, and the regulatory recommendations for tyrosine-kinase inhibitors before surgery
/// tabulated in Front Oncol 2021;11:696865 (table 3: apatinib 30 days, anlotinib 4 weeks,
/// cabozantinib 28 days, regorafenib 2 weeks, pazopanib 7 days, axitinib 24 hours). Other
/// anti-angiogenic drugs are named with "as its label says".
///
/// The US prescribing information of several tyrosine-kinase inhibitors gives intervals of its
/// own (Inlyta: withhold at least 2 days before elective surgery; Cabometyx 3 weeks; Nexavar
/// 10 days; Lenvima and Votrient 1 week; Fruzaqla 2 weeks before major surgery; each: not given
/// for at least 2 weeks after major surgery and until the wound has healed). Where the table
/// gives none it fills in — an axitinib's resumption read only "once the wound has healed", a
/// sorafenib's hold "not in BoneMet's sources" (rule set 2026.12.411); where both give one and
/// they differ (axitinib 24 hours or 2 days, cabozantinib 28 days or 3 weeks) the setting
/// `antiAngiogenicHoldSource` chooses, and the other is named beside it.
public enum AntiAngiogenicDrugs {
    public struct Drug: Sendable, Hashable {
        public let label: LocalizedText
        /// Latin names and brands, lower case, read as whole words; Chinese names read anywhere.
        let latin: [String]
        let chinese: [String]
        /// Days from the last dose before elective surgery, when a source gives them.
        public let holdBeforeDays: Int?
        /// Days after major surgery before the next dose (and not before the wound has healed).
        public let resumeAfterDays: Int?
        public let source: Citation
        /// The US prescribing information's hold before elective surgery and wait after major
        /// surgery, where it gives its own and `source` is not that label already.
        var usHoldBeforeDays: Int? = nil
        var usResumeAfterDays: Int? = nil

        /// An interval in days with the source that gives it.
        public struct Interval: Sendable, Hashable {
            public let days: Int
            public let source: Citation
        }

        /// The hold before elective surgery under the setting, and the other source's where it
        /// differs.
        public func holdBefore(_ choice: AntiAngiogenicHoldSource) -> (chosen: Interval?, other: Interval?) {
            pick(holdBeforeDays, usHoldBeforeDays, choice)
        }

        /// The wait after major surgery under the setting, and the other source's where it differs.
        public func resumeAfter(_ choice: AntiAngiogenicHoldSource) -> (chosen: Interval?, other: Interval?) {
            pick(resumeAfterDays, usResumeAfterDays, choice)
        }

        private func pick(_ own: Int?, _ us: Int?, _ choice: AntiAngiogenicHoldSource) -> (chosen: Interval?, other: Interval?) {
            let first = own.map { Interval(days: $0, source: source) }
            let second = us.map { Interval(days: $0, source: AntiAngiogenicDrugs.usLabels) }
            let (preferred, fallback) = choice == .usPrescribingInformation ? (second, first) : (first, second)
            guard let preferred else { return (fallback, nil) }
            return (preferred, fallback.flatMap { $0.days == preferred.days ? nil : $0 })
        }
    }

    static let avastin = Citation(
        id: "avastinLabel", text: "Avastin (bevacizumab) prescribing information: surgery and wound healing complications",
        zh: "安维汀（贝伐珠单抗）说明书：手术与伤口愈合并发症")
    static let zaltrap = Citation(
        id: "zaltrapLabel", text: "Zaltrap (ziv-aflibercept) prescribing information: compromised wound healing",
        zh: "Zaltrap（阿柏西普）说明书：伤口愈合受损")
    static let sutent = Citation(
        id: "sutentLabel", text: "Sutent (sunitinib) prescribing information: impaired wound healing",
        zh: "索坦（舒尼替尼）说明书：伤口愈合受损")
    static let tkiTable = Citation(
        id: "frontOncol2021TKI", text: "Front Oncol 2021;11:696865, table 3 (regulatory recommendations on TKIs before surgery)", zh: "Front Oncol 2021;11:696865，表 3（各监管机构对术前 TKI 停药的建议）")
    static let usLabels = Citation(
        id: "usTKILabels",
        text: "US prescribing information (Inlyta, Cabometyx, Nexavar, Lenvima, Votrient, Fruzaqla): impaired wound healing — withhold before elective surgery, not for at least 2 weeks after major surgery",
        zh: "美国说明书（Inlyta、Cabometyx、Nexavar、Lenvima、Votrient、Fruzaqla）：伤口愈合受损——择期手术前停药，大手术后至少 2 周内不用")
    static let labels = Citation(
        id: "antiAngiogenicLabels", text: "Prescribing information of each anti-angiogenic drug: impaired wound healing (hold before elective surgery, resume after healing)",
        zh: "各抗血管生成药物说明书：伤口愈合受损（择期手术前停药，愈合后恢复）")

    public static let all: [Drug] = [
        Drug(label: LocalizedText(en: "bevacizumab", zh: "贝伐珠单抗"), latin: ["bevacizumab", "avastin", "mvasi", "zirabev", "vegzelma", "alymsys"], chinese: ["贝伐珠单抗", "贝伐单抗", "安维汀"],
             holdBeforeDays: 28, resumeAfterDays: 28, source: avastin),
        Drug(label: LocalizedText(en: "ziv-aflibercept", zh: "阿柏西普"), latin: ["ziv-aflibercept", "aflibercept", "zaltrap"], chinese: ["阿柏西普"],
             holdBeforeDays: 28, resumeAfterDays: 28, source: zaltrap),
        Drug(label: LocalizedText(en: "sunitinib", zh: "舒尼替尼"), latin: ["sunitinib", "sutent"], chinese: ["舒尼替尼", "索坦"],
             holdBeforeDays: 21, resumeAfterDays: 14, source: sutent),
        Drug(label: LocalizedText(en: "apatinib", zh: "阿帕替尼"), latin: ["apatinib", "rivoceranib"], chinese: ["阿帕替尼", "艾坦"],
             holdBeforeDays: 30, resumeAfterDays: nil, source: tkiTable),
        Drug(label: LocalizedText(en: "anlotinib", zh: "安罗替尼"), latin: ["anlotinib"], chinese: ["安罗替尼", "福可维"],
             holdBeforeDays: 28, resumeAfterDays: nil, source: tkiTable),
        Drug(label: LocalizedText(en: "cabozantinib", zh: "卡博替尼"), latin: ["cabozantinib", "cabometyx", "cometriq"], chinese: ["卡博替尼"],
             holdBeforeDays: 28, resumeAfterDays: nil, source: tkiTable, usHoldBeforeDays: 21, usResumeAfterDays: 14),
        Drug(label: LocalizedText(en: "regorafenib", zh: "瑞戈非尼"), latin: ["regorafenib", "stivarga"], chinese: ["瑞戈非尼", "拜万戈"],
             holdBeforeDays: 14, resumeAfterDays: nil, source: tkiTable),
        Drug(label: LocalizedText(en: "pazopanib", zh: "培唑帕尼"), latin: ["pazopanib", "votrient"], chinese: ["培唑帕尼", "维全特"],
             holdBeforeDays: 7, resumeAfterDays: nil, source: tkiTable, usHoldBeforeDays: 7, usResumeAfterDays: 14),
        Drug(label: LocalizedText(en: "axitinib", zh: "阿昔替尼"), latin: ["axitinib", "inlyta"], chinese: ["阿昔替尼", "英立达"],
             holdBeforeDays: 1, resumeAfterDays: nil, source: tkiTable, usHoldBeforeDays: 2, usResumeAfterDays: 14),
        Drug(label: LocalizedText(en: "ramucirumab", zh: "雷莫西尤单抗"), latin: ["ramucirumab", "cyramza"], chinese: ["雷莫西尤单抗", "雷莫芦单抗"],
             holdBeforeDays: nil, resumeAfterDays: nil, source: labels),
        Drug(label: LocalizedText(en: "sorafenib", zh: "索拉非尼"), latin: ["sorafenib", "nexavar"], chinese: ["索拉非尼", "多吉美"],
             holdBeforeDays: nil, resumeAfterDays: nil, source: labels, usHoldBeforeDays: 10, usResumeAfterDays: 14),
        Drug(label: LocalizedText(en: "lenvatinib", zh: "仑伐替尼"), latin: ["lenvatinib", "lenvima"], chinese: ["仑伐替尼", "乐卫玛"],
             holdBeforeDays: nil, resumeAfterDays: nil, source: labels, usHoldBeforeDays: 7, usResumeAfterDays: 14),
        Drug(label: LocalizedText(en: "fruquintinib", zh: "呋喹替尼"), latin: ["fruquintinib", "fruzaqla"], chinese: ["呋喹替尼", "爱优特"],
             holdBeforeDays: nil, resumeAfterDays: nil, source: labels, usHoldBeforeDays: 14, usResumeAfterDays: 14),
        Drug(label: LocalizedText(en: "surufatinib", zh: "索凡替尼"), latin: ["surufatinib"], chinese: ["索凡替尼"],
             holdBeforeDays: nil, resumeAfterDays: nil, source: labels),
    ]

    /// The anti-angiogenic drugs a regimen names, in the table's order.
    public static func named(in treatment: Treatment) -> [Drug] {
        // Read once per regimen text in the process, as `DrugClasses.reading` is: the same
        // regimens recur across cases, and reading one (lower-casing, splitting into words,
        // looking up every drug's names) was 2 % of a re-assessment (issue #12).
        readings.value(NamesKey(drugs: treatment.drugs, name: treatment.name)) {
            let text = treatment.drugText
            return all.filter { text.names(latin: $0.latin, chinese: $0.chinese) }
        }
    }

    private struct NamesKey: Hashable, Sendable {
        let drugs: [String]
        let name: String?
    }

    private static let readings = ProcessMemo<NamesKey, [Drug]>()
}

extension Treatment {
    /// Its drug list and name as text to look drug names up in (`DrugText.names`).
    var drugText: DrugText { DrugText(treatment: self) }
}

/// A regimen's drug list and name, lower case, read once for drug names: Latin names and
/// brands as whole words (a hyphen is part of a word: "radium-223", "ziv-aflibercept"),
/// Chinese names anywhere.
struct DrugText {
    let texts: [String]
    let words: Set<String>
    /// Whether any text holds a character beyond ASCII: only then can a Chinese name be in it
    /// (searching every Chinese name in every English regimen was 8 % of an assessment).
    let beyondASCII: Bool

    init(treatment: Treatment) {
        texts = (treatment.drugs + [treatment.name].compactMap { $0 }).map { $0.lowercased() }
        let split = texts.flatMap { $0.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }.map(String.init) }
        // Every hyphen-joined run of a word too, as the drug classes read them
        // (`DrugClasses.names`): a US biologic's four-letter suffix ("bevacizumab-awwb"; FDA,
        // Nonproprietary Naming of Biological Products, 2017) left an EHR's "bevacizumab-awwb
        // (Mvasi)" no bevacizumab here while its class read it (unseen record cb139, rule set .382).
        let stems = split.flatMap { word -> [String] in
            guard word.contains("-") else { return [] }
            let parts = word.split(separator: "-")
            guard parts.count > 1 else { return [] }
            return parts.indices.flatMap { first in (first..<parts.endIndex).map { parts[first...$0].joined(separator: "-") } }
        }
        words = Set(split + stems)
        beyondASCII = texts.contains { $0.utf8.contains { $0 >= 0x80 } }
    }

    func names(latin: [String], chinese: [String]) -> Bool {
        latin.contains(where: words.contains) || (beyondASCII && chinese.contains { name in texts.contains { $0.contains(name) } })
    }
}
