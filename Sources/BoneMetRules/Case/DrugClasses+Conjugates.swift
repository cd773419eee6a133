/// Antibody–drug conjugates: classed by WHO ATC with their antibody (L01FD, L01FX — targeted),
/// but each carries a cytotoxic payload (a topoisomerase-I inhibitor, a maytansinoid, an
/// auristatin). Whether one counts as New Katagiri's "previous chemotherapy" is not settled by
/// Katagiri 2014, which predates them: a HER2-positive breast cancer on trastuzumab deruxtecan
/// read "previous chemotherapy no → 0" (unseen record cb81-ak, 2026.12.315).
extension DrugClasses {
    static let conjugates = [
        "trastuzumab emtansine", "t-dm1", "tdm1", "trastuzumab deruxtecan", "t-dxd", "ds-8201", "disitamab vedotin", "rc48",
        "sacituzumab govitecan", "sacituzumab", "enfortumab vedotin", "enfortumab", "datopotamab deruxtecan", "trodelvy", "padcev",
        "kadcyla", "enhertu", "恩美曲妥珠单抗", "德曲妥珠单抗", "维迪西妥单抗", "戈沙妥珠单抗", "维恩妥尤单抗", "优赫得", "拓达维",
    ]

    /// The antibody–drug conjugate a systemic row names, as written.
    public static func conjugateNamed(in treatment: Treatment) -> String? {
        for text in drugTexts(treatment) + [treatment.name].compactMap({ $0 }) {
            let lower = text.lowercased()
            if conjugates.contains(where: lower.contains) { return text }
        }
        return nil
    }
}
