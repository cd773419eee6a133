/// Bone-modifying agents by name, lower-cased, found anywhere in a text: generic names
/// (English and the Chinese approved names) and the products of each agent (Xgeva/安加维 and
/// Prolia/普罗力 are denosumab; Zometa/择泰 and Aclasta/Reclast/密固达 zoledronic acid). An EHR's
/// medication text and a record's regimen row both name them so.
extension BoneAgent {
    public static let names: [(String, BoneAgent)] = [
        ("denosumab", .denosumab), ("xgeva", .denosumab), ("prolia", .denosumab),
        ("地舒单抗", .denosumab), ("地诺单抗", .denosumab), ("安加维", .denosumab), ("普罗力", .denosumab),
        ("zoledron", .zoledronicAcid), ("zometa", .zoledronicAcid), ("aclasta", .zoledronicAcid), ("reclast", .zoledronicAcid),
        ("唑来膦酸", .zoledronicAcid), ("择泰", .zoledronicAcid), ("密固达", .zoledronicAcid),
        ("pamidron", .pamidronate), ("帕米膦酸", .pamidronate),
        ("ibandron", .ibandronate), ("伊班膦酸", .ibandronate),
    ]

    /// The agent a text names, if it names one.
    public static func named(in text: String) -> BoneAgent? {
        let lower = text.lowercased()
        return names.first { lower.contains($0.0) }?.1
    }
}
