/// Bone-modifying agents by name, lower-cased, found anywhere in a text: generic names
/// (English and the Chinese approved names) and the products of each agent (Xgeva/安加维 and
/// Prolia/普罗力 are denosumab; Zometa/择泰 and Aclasta/Reclast/密固达 zoledronic acid). An EHR's
/// medication text and a record's regimen row both name them so.
extension BoneAgent {
    public static let names: [(String, BoneAgent)] = [
        ("denosumab", .denosumab), ("xgeva", .denosumab), ("prolia", .denosumab),
        ("地舒单抗", .denosumab), ("地诺单抗", .denosumab), ("安加维", .denosumab), ("普罗力", .denosumab),
        // Biosimilars by brand, Prolia's and Xgeva's (US and EU approvals 2024–2025: Sandoz,
        // Samsung Bioepis, Celltrion, Fresenius Kabi, Henlius/Organon, Biocon, Richter/Hikma,
        // Accord, mAbxience, Alvotech/STADA/Dr Reddy's, Teva; China: 迈威 迈利舒/迈卫健). An EHR's
        // "Wyost 120 mg" was no bone-modifying agent (unseen record cb139, rule set .382); a
        // suffixed generic, "denosumab-bbdz", was read already.
        ("jubbonti", .denosumab), ("wyost", .denosumab), ("obodence", .denosumab), ("ospomyv", .denosumab), ("xbryk", .denosumab),
        ("stoboclo", .denosumab), ("osenvelt", .denosumab), ("conexxence", .denosumab), ("bomyntra", .denosumab),
        ("bildyos", .denosumab), ("bilprevda", .denosumab), ("bosaya", .denosumab), ("aukelso", .denosumab),
        ("enoby", .denosumab), ("xtrenbo", .denosumab), ("osvyrti", .denosumab), ("jubereq", .denosumab),
        ("junod", .denosumab), ("yaxwer", .denosumab), ("izamby", .denosumab), ("denbrayce", .denosumab),
        ("evfraxy", .denosumab), ("vevzuo", .denosumab), ("kefdensis", .denosumab), ("zvogra", .denosumab),
        ("acvybra", .denosumab), ("xbonzy", .denosumab), ("ponlimsi", .denosumab), ("degevma", .denosumab),
        ("迈利舒", .denosumab), ("迈卫健", .denosumab),
        ("zoledron", .zoledronicAcid), ("zometa", .zoledronicAcid), ("aclasta", .zoledronicAcid), ("reclast", .zoledronicAcid),
        ("唑来膦酸", .zoledronicAcid), ("择泰", .zoledronicAcid), ("密固达", .zoledronicAcid),
        ("pamidron", .pamidronate), ("帕米膦酸", .pamidronate),
        ("ibandron", .ibandronate), ("伊班膦酸", .ibandronate),
        // Other bisphosphonates: bone-modifying agents, never anticancer regimens (a weekly
        // alendronate entered as a systemic therapy shared a response window as one, cb23-u).
        ("clodron", .other), ("氯膦酸", .other),
    ] + osteoporosisBisphosphonates.flatMap { drug in drug.names.map { ($0, BoneAgent.other) } }

    /// Oral bisphosphonates given for osteoporosis, not licensed for bone metastases: the agents
    /// that prevent skeletal-related events are denosumab and zoledronic acid (ESMO 2020; also
    /// pamidronate, ibandronate and clodronate in some settings).
    public static let osteoporosisBisphosphonates: [(label: LocalizedText, names: [String])] = [
        (LocalizedText(en: "alendronate", zh: "阿仑膦酸钠"), ["alendron", "fosamax", "阿仑膦酸", "福善美"]),
        (LocalizedText(en: "risedronate", zh: "利塞膦酸钠"), ["risedron", "actonel", "利塞膦酸"]),
        (LocalizedText(en: "etidronate", zh: "依替膦酸二钠"), ["etidron", "依替膦酸"]),
    ]

    /// The osteoporosis bisphosphonate a text names, if it names one.
    public static func osteoporosisBisphosphonate(in text: String) -> LocalizedText? {
        let lower = text.lowercased()
        return osteoporosisBisphosphonates.first { $0.names.contains(where: lower.contains) }?.label
    }

    /// The agent a text names, if it names one.
    public static func named(in text: String) -> BoneAgent? {
        let lower = text.lowercased()
        return names.first { lower.contains($0.0) }?.1
    }
}
