/// A broken long bone with radiotherapy to it planned, or given since it broke, and no fixation:
/// radiotherapy eases the pain of a metastasis but does not make a broken bone stable. A
/// melanoma's proximal humerus, broken, with "左肱骨放疗 20Gy/5F" planned, read only "no fixation on
/// record: orthopaedic referral" — the course went unmentioned, as if it answered the fracture
/// (unseen record cb75-g). The source hospital's order is fixation first, then radiotherapy
/// (postoperative, the field covering the implant: Townsend 1995).
extension SurgeryRules {
    func radiotherapyWithoutFixation(_ lesion: String, brokenOn: Int?) -> LocalizedText? {
        let courses = index.localTreatments(lesion, kind: .radiotherapy).filter { course in
            course.planned || (course.start.map { start in brokenOn.map { start.latestDay >= $0 } ?? false } ?? false)
        }
        guard let course = courses.last else { return nil }
        return course.planned
            ? LocalizedText(
                en: "Radiotherapy is planned (\(course.label.en)) without fixation: it eases the pain but does not make a broken bone stable — decide the fixation first; radiotherapy follows it (postoperative, the field covering the implant).",
                zh: "已计划放疗（\(course.label.zhHans)）但未内固定：放疗可缓解疼痛，但不能使已骨折的骨骼稳定——应先决定内固定，放疗在其后进行（术后放疗，照射野覆盖内植物）。")
            : LocalizedText(
                en: "Irradiated since it broke (\(course.label.en)) without fixation: radiotherapy does not make a broken bone stable — fixation is still to be decided.",
                zh: "骨折后已放疗（\(course.label.zhHans)）但未内固定：放疗不能使已骨折的骨骼稳定——仍需决定是否内固定。")
    }
}
