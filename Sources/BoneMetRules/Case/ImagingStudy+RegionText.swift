extension ImagingStudy {
    /// The coverage a study's free description names, for an X-ray, CT or MRI recorded without a
    /// coverage — an EHR sends the description ("全身低剂量CT", "Whole spine MRI"), never our
    /// coverage codes, so a myeloma's whole-body low-dose CT read "no whole-body screening on
    /// record" and every count of sites stayed a lower bound (unseen record cb162-h). Only the
    /// two words that settle those counts are read: the whole body (a whole-body CT or MRI, a
    /// skeletal survey — IMWG's imaging of myeloma, Hillengass 2019) and the whole spine.
    /// A bone scan or PET-CT without a coverage is whole-body already; a recorded coverage wins.
    var coverageFromRegion: [BodyRegion] {
        guard coverage.isEmpty, !modality.isTracer, let region, !region.isEmpty else { return [] }
        // Read for every such study of every assessment (issue #12): lower-cased only when it
        // holds Latin letters, as the Chinese words need no case.
        let latin = region.utf8.contains { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        let text = latin ? region.lowercased() : region
        if Self.wholeBodyWords.contains(where: text.contains) { return [.wholeBody] }
        if Self.wholeSpineWords.contains(where: text.contains) { return [.cervicalSpine, .thoracicSpine, .lumbarSpine] }
        return []
    }

    /// "全身" in an imaging description is the whole body (全身低剂量CT, 全身MRI, 全身骨骼X线);
    /// the treatment word 全身治疗 never stands in one.
    static let wholeBodyWords = [
        "全身", "whole body", "whole-body", "wholebody", "wbldct", "wb-ldct", "wb ldct", "wbct", "wb-ct",
        "wbmri", "wb-mri", "wb mri", "skeletal survey", "bone survey", "骨骼检查", "骨骼系列",
    ]
    static let wholeSpineWords = ["全脊柱", "全脊椎", "全脊髓", "whole spine", "whole-spine", "entire spine", "total spine"]
}
