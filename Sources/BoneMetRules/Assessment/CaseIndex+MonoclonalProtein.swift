/// A monoclonal protein on record puts myeloma in the differential of the bone lesions.
///
/// IMWG (Rajkumar 2014) defines myeloma as clonal plasma cells with a myeloma-defining event;
/// a serum M protein or an abnormal free light-chain ratio is the clonal product those cells
/// make. A 69-year-old with cold lytic lesions and a serum M protein of 3.1 g/dL was told to
/// "order serum protein electrophoresis" with the result already on record (cb23-d): the
/// result is now named, and it raises the differential at any age and beside a known primary
/// when a lesion is lytic (myeloma's lesions are lytic; reference.md).
extension CaseIndex {
    /// The IMWG 2014 myeloma-defining free light-chain ratio (involved to uninvolved ≥ 100, with
    /// the involved light chain ≥ 100 mg/L); a κ/λ ratio reads ≥ 100 for κ, ≤ 1/100 for λ.
    static let myelomaDefiningLightChainRatio = 100.0

    /// The clonal signs on record on the day assessed: the latest serum M protein above zero, the
    /// latest free light-chain ratio outside its laboratory's range or at IMWG's myeloma-defining
    /// ratio. Empty when none was measured or none is abnormal.
    func monoclonalSigns() -> [LocalizedText] {
        var signs: [LocalizedText] = []
        if let lab = latestLab(.mProtein), let grams = lab.canonicalValue, grams > 0 {
            let value = "\(Self.format(lab.value, decimals: 2)) \(lab.unit)"
            signs.append(LocalizedText(
                en: "a monoclonal (M) protein of \(value) (\(lab.date))",
                zh: "血清 M 蛋白 \(value)（\(lab.date)），提示单克隆免疫球蛋白"))
        }
        if let lab = latestLab(.freeLightChainRatio) {
            let ratio = lab.value
            let value = Self.format(ratio, decimals: 3)
            let defining = ratio >= Self.myelomaDefiningLightChainRatio || (ratio > 0 && ratio <= 1 / Self.myelomaDefiningLightChainRatio)
            if defining {
                signs.append(LocalizedText(
                    en: "a free light-chain ratio of \(value) (\(lab.date)): an involved-to-uninvolved ratio ≥ 100 is myeloma-defining when the involved light chain is ≥ 100 mg/L (IMWG 2014)",
                    zh: "血清游离轻链比值 \(value)（\(lab.date)）：受累/未受累轻链比值 ≥ 100 且受累轻链 ≥ 100 mg/L 即为骨髓瘤定义事件（IMWG 2014）"))
            } else if lab.isAbnormal == true {
                let range = [lab.lowerLimit, lab.upperLimit].map { $0.map { Self.format($0, decimals: 3) } ?? "" }
                signs.append(LocalizedText(
                    en: "a free light-chain ratio of \(value) outside the laboratory's range \(range[0])–\(range[1]) (\(lab.date)): clonal light chains",
                    zh: "血清游离轻链比值 \(value)，超出本实验室参考范围 \(range[0])–\(range[1])（\(lab.date)），提示单克隆轻链"))
            }
        }
        return signs
    }
}
