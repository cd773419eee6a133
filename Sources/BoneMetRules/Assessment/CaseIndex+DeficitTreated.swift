/// Where a neurological deficit recorded without its lesion was treated (rule set 2026.12.322).
extension CaseIndex {
    /// The spinal lesions given radiotherapy or an operation on the spine (decompression,
    /// stabilisation) on or after a deficit recorded for the patient — no lesion named —: the team
    /// placed it there. A breast cancer's "双下肢不全瘫" on 11-13 and a posterior decompression and
    /// fixation of T5–T6 on 11-15 left the sacrum, the one spinal lesion not operated on, read
    /// "neurological deficit recorded — emergency spine referral", beside an urgent "MRI of the
    /// whole spine within 24 hours" a week after the operation (unseen bundle ehr18).
    func spinalLesionsTreated(since deficit: NeurologyRecord) -> [String] {
        guard deficit.lesion == nil, deficit.showsDeficit else { return [] }
        return lesions.filter(\.isSpinal).map(\.id).filter { id in
            (localTreatments(id, kind: .surgery) + localTreatments(id, kind: .radiotherapy)).contains { treatment in
                !treatment.planned && (treatment.kind == .radiotherapy || (treatment.procedure?.treatsSpine ?? false))
                    && known(treatment.start) && (treatment.start.map { $0.latestDay >= deficit.date.earliestDay } ?? false)
            }
        }
    }
}
