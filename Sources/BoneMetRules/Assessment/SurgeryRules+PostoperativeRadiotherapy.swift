/// Radiotherapy after a long bone was fixed for a metastasis. A lung cancer's humerus, nailed for
/// its pathological fracture with a biopsy at the operation, read nothing about radiotherapy
/// afterwards (cb26-c). Townsend 1995 (64 fixations, femur, acetabulum, humerus): with
/// postoperative radiotherapy more patients regained normal use of the limb (53 % vs 11.5 %) and
/// fewer needed a second operation at the site — a retrospective series, and a systematic review
/// (Radiother Oncol 2016) found the evidence too weak to call it standard care. So it is said as
/// an advisory for radiation oncology to decide, with both.
extension SurgeryRules {
    static let townsend1995 = Citation(
        id: "townsend1995",
        text: "Townsend PW et al. Int J Radiat Oncol Biol Phys 1995;31:43-9 (postoperative radiotherapy after stabilisation of metastatic fractures)",
        zh: "Townsend PW 等. Int J Radiat Oncol Biol Phys 1995;31:43-9（转移性骨折稳定术后放疗）")
    static let postoperativeReview2016 = Citation(
        id: "postoperativeRadiotherapyReview2016",
        text: "Lack of clinical evidence for postoperative radiotherapy after surgical fixation of impending or actual pathologic fractures in the long bones in patients with cancer; a systematic review. Radiother Oncol 2016",
        zh: "系统综述：长骨病理性骨折或骨折风险内固定术后放疗缺乏临床证据。Radiother Oncol 2016")

    /// Each limb long bone fixed (prophylactically or for its fracture) with no radiotherapy to it
    /// given or planned since the operation.
    func postoperativeRadiotherapyFindings() -> [Finding] {
        index.metastaticLesions.compactMap { lesion -> Finding? in
            // The limb long bones, those Mirels scores.
            guard lesion.mirelsSite != nil else { return nil }
            let fixations = index.localTreatments(lesion.id, kind: .surgery).filter { treatment in
                !treatment.planned && [.prophylacticFixation, .fractureFixation].contains(treatment.procedure)
                    && treatment.start.map { index.known($0) } == true
            }
            guard let fixation = fixations.last, let day = fixation.start else { return nil }
            let irradiatedSince = index.localTreatments(lesion.id, kind: .radiotherapy).contains { radiotherapy in
                radiotherapy.planned || (radiotherapy.start.map { $0.latestDay >= day.earliestDay } ?? false)
            }
            guard !irradiatedSince else { return nil }
            let name = index.label(lesion)
            return Finding(
                ruleId: "surgery.postoperativeRadiotherapy", severity: .advisory, duty: .surgery, specialty: .radiationOncology,
                subject: .lesion(lesion.id), date: day,
                title: LocalizedText(
                    en: "\(name.en): fixed on \(day), no radiotherapy on record since — consider postoperative radiotherapy",
                    zh: "\(name.zhHans)：\(day) 已行内固定，此后无放疗记录——考虑术后放疗"),
                detail: LocalizedText(
                    en: "\(fixation.label.en). After fixation of a metastatic long bone, postoperative radiotherapy (the field usually covering the implant, once the wound has healed) went with more patients regaining normal use of the limb and fewer second operations at the site in a retrospective series (Townsend 1995); a systematic review found the evidence too weak to call it standard care (Radiother Oncol 2016). Radiation oncology decides with the orthopaedic surgeon; record it if given or declined.",
                    zh: "\(fixation.label.zhHans)。转移性长骨内固定术后放疗（照射野通常覆盖内植物，待伤口愈合后进行）：一项回顾性研究中，术后放疗者恢复患肢正常使用的比例更高、同部位再手术更少（Townsend 1995）；一篇系统综述认为证据不足以将其定为标准治疗（Radiother Oncol 2016）。由放疗科与骨科共同决定；已放疗或决定不放疗请记录。"),
                inputs: [FindingInput("fixation", fixation.id), FindingInput("fixedOn", day.description)],
                sources: [Self.townsend1995, Self.postoperativeReview2016])
        }
    }
}
