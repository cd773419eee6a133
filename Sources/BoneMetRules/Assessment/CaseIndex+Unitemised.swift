/// New lesions a study shows without itemising them (`unnamedNewLesions`, typically a bone
/// scan's new hot spots): where they are is not on record, so counts of metastatic sites by
/// region are lower bounds, and no recorded lesion is known to be the only one. Unseen record
/// cb79-g: a prostate cancer's two follow-up bone scans with two new hot spots each, and
/// Tokuhashi counted "vertebral body metastases 1 → 2" and "extraspinal foci 1 → 1" as if the
/// four were nowhere; Tomita would have called a single recorded lesion "solitary".
extension CaseIndex {
    /// The lesions studies known by the day assessed show as new without itemising them.
    var unitemisedNewLesions: Int { studies.reduce(0) { $0 + max(0, $1.unnamedNewLesions ?? 0) } }

    /// The latest study with such lesions (named where a finding says why a count is open).
    var latestUnitemisedStudy: ImagingStudy? { studies.last { ($0.unnamedNewLesions ?? 0) > 0 } }

    /// Whether the recorded lesions are every bone metastasis there is as far as imaging goes: the
    /// whole skeleton surveyed and every lesion seen itemised.
    var allSitesRecorded: Bool { skeletonSurveyed && unitemisedNewLesions == 0 }

    /// The latest bone scan or PET-CT on record as its report only (`readingNotRecorded`): the
    /// skeleton was surveyed, what it showed is not recorded. An EHR's castration-resistant
    /// prostate cancer with one metastasis Condition (placed on L3 by its radiotherapy) and a
    /// bone scan report of "multiple new foci" read "the only one known (no whole-body survey
    /// yet)" (bundle ehr7, 2026-12-05).
    var latestReportOnlySurvey: ImagingStudy? {
        studies.last { ($0.modality == .boneScan || $0.modality == .petCt) && $0.readingNotRecorded }
    }
}
