import BoneMetDomain
import Foundation

/// Links to the hospital's DICOMweb viewer (e.g. OHIF). Only StudyInstanceUIDs go into the
/// URL — no name, no patient id — and links open with no referrer.
struct ViewerLinks {
    let template: String?

    /// The viewer URL for one or more studies, or nil when no viewer is configured or a study
    /// has no UID. Several UIDs open side by side (prior and current).
    func url(_ studies: [ImagingStudy]) -> String? {
        guard let template, template.contains("{uids}") else { return nil }
        let uids = studies.compactMap(\.studyInstanceUid)
        guard uids.count == studies.count, !uids.isEmpty else { return nil }
        // DICOM UIDs are digits and dots; anything else is dropped rather than trusted.
        let clean = uids.map { $0.filter { $0.isNumber || $0 == "." } }
        return template.replacingOccurrences(of: "{uids}", with: clean.joined(separator: ","))
    }

    /// The previous study of the same modality, for "compare with prior".
    static func prior(of study: ImagingStudy, in studies: [ImagingStudy]) -> ImagingStudy? {
        studies.filter { $0.modality == study.modality && $0.date < study.date }.max { $0.date < $1.date }
    }
}
