/// Cement put into a lesion between two studies (vertebroplasty, kyphoplasty, a cavity filled
/// with cement): its density on the next film or CT is the cement, not sclerosis, and the
/// vertebra it props up is no measure of the tumour. A breast cancer's L1, lytic with a
/// collapse, kyphoplastied a week later, read "PR — lytic-to-blastic conversion" on the next CT,
/// credited to the capecitabine and denosumab begun after it (unseen record cb81-h). MDA judges
/// healing under treatment (Hamaoka 2004); a response read across the cement is the operation.
/// Progression stays progression: new destruction beside the cement is the tumour's.
extension ResponseRules {
    /// The cement augmentation done on the lesion between the two studies, if any.
    func cementedInInterval(_ lesion: String, from previous: PartialDate, to current: PartialDate) -> Treatment? {
        index.localTreatments(lesion, kind: .surgery).first { operation in
            guard !operation.planned, operation.putsCement, let start = operation.start else { return false }
            return previous.earliestDay <= start.latestDay && start.earliestDay <= current.latestDay
        }
    }

    /// The reason a response read across the cement is not evaluable.
    static func cementReason(_ operation: Treatment) -> LocalizedText {
        let day = operation.start?.description ?? ""
        return LocalizedText(
            en: "cement augmentation on \(day) — the cement's density is not sclerosis: the operation, not a response",
            zh: "\(day) 行骨水泥强化——骨水泥的高密度不是成骨硬化：为手术所致，不是疗效")
    }
}
