/// The skeletal-related events on record (Stopeck 2010 / CALGB 70604 definition; hypercalcaemia
/// by setting).
extension BoneAgentRules {
    /// Skeletal-related events: pathological fracture, radiotherapy to bone, surgery to bone,
    /// spinal cord compression (Stopeck 2010 / CALGB 70604); hypercalcaemia per setting.
    /// Each event's label is written when asked for (`sreHistory`'s detail), not for the count.
    func sreEvents() -> [(date: PartialDate?, label: () -> LocalizedText)] {
        var events: [(PartialDate?, () -> LocalizedText)] = []
        for event in index.record.events where index.known(event.date) {
            if event.kind == .hypercalcaemia && !index.settings.hypercalcaemiaIsSRE { continue }
            if event.kind == .osteonecrosisOfJaw { continue }
            if event.kind != .hypercalcaemia, let lesion = event.lesion, index.judgedNotMetastatic(lesion) { continue }
            // A fracture an antiresorptive may explain is no fracture through a metastasis until
            // one is seen there (`sreHistory` names it apart).
            if event.kind == .pathologicalFracture, let lesion = event.lesion, index.antiresorptiveFractures[lesion] != nil { continue }
            // A compression entered at a limb bone is a record to correct (`diagnosis.record.eventSite`).
            if index.isMisplacedCompression(event) { continue }
            // Named with its lesion when the record says which ("pathological fracture, left
            // femur, proximal"), as the imaged fractures are.
            events.append((event.date, { [index] in
                let site = event.lesion.map { index.label(lesionId: $0) }
                return site.map { site in
                    LocalizedText(en: "\(event.kind.label.en), \(site.en)", zh: "\(event.kind.label.zhHans)，\(site.zhHans)")
                } ?? event.kind.label
            }))
        }
        // A pathological fracture the imaging shows is an SRE whether or not anyone recorded it
        // as an event (`imagedFractures`). The first study that shows it dates it; a recorded
        // fracture event of the lesion (or one naming no lesion, which may be
        // the same fracture) is not counted twice.
        // Two lesion records of one site (`diagnosis.record.sameSite`) are one fracture there: a T12
        // entered twice read "3 skeletal-related events", its collapse counted once per record
        // (unseen record cb82-f, rule set 2026.12.316).
        func site(_ id: String) -> String { index.lesionsById[id]?.siteKey ?? "id|\(id)" }
        let recordedFractures = index.record.events.filter { $0.kind == .pathologicalFracture && index.known($0.date) }
        var fracturedSites = Set(recordedFractures.compactMap { $0.lesion.map(site) })
        if !recordedFractures.contains(where: { $0.lesion == nil }) {
            for (lesion, point) in index.imagedFractures
            where fracturedSites.insert(site(lesion.id)).inserted && index.antiresorptiveFractures[lesion.id] == nil {
                events.append((point.study.date, { [index] in
                    let study = point.study.modality.label
                    return LocalizedText(
                        en: "pathological fracture, \(index.label(lesion).en) (seen on \(study.en))",
                        zh: "病理性骨折，\(index.label(lesion).zhHans)（\(study.zhHans)所见）")
                }))
            }
        }
        // Cord compression graded on MRI/CT (ESCC 2–3) likewise, unless an event records it.
        let recordedCompressions = index.record.events.filter { $0.kind == .cordCompression && index.known($0.date) }
        var compressedSites = Set(recordedCompressions.compactMap { $0.lesion.map(site) })
        if !recordedCompressions.contains(where: { $0.lesion == nil }) {
            for (lesion, point) in index.imagedCordCompressions() where compressedSites.insert(site(lesion.id)).inserted {
                events.append((point.study.date, { [index] in
                    let study = point.study.modality.label
                    let grade = point.observation.escc?.rawValue ?? ""
                    return LocalizedText(
                        en: "spinal cord compression, \(index.label(lesion).en) (ESCC \(grade) on \(study.en))",
                        zh: "脊髓压迫，\(index.label(lesion).zhHans)（\(study.zhHans) ESCC \(grade) 级）")
                }))
            }
        }
        // Radiotherapy or surgery counts when given to a bone metastasis (not, say, chest-wall
        // radiotherapy whose field happens to include a rib). An embolisation entered as a
        // surgery row is no surgery to bone (`CaseIndex.isOperation`; cb64-e).
        // Named with their lesions, as the other events are.
        for treatment in index.treatments where !treatment.planned && treatment.lesions.contains(where: index.isRecordedMetastasis) {
            let sites = { [index] in
                LocalizedText.joined(treatment.lesions.filter(index.isRecordedMetastasis).map { index.label(lesionId: $0) }, en: ", ", zh: "、")
            }
            if treatment.kind == .radiotherapy {
                events.append((treatment.start, { let sites = sites(); return LocalizedText(en: "radiotherapy to bone, \(sites.en)", zh: "骨放疗，\(sites.zhHans)") }))
            }
            if index.isOperation(treatment) {
                events.append((treatment.start, { let sites = sites(); return LocalizedText(en: "surgery to bone, \(sites.en)", zh: "骨手术，\(sites.zhHans)") }))
            }
        }
        return events.sorted { ($0.0?.earliestDay ?? Int.min) < ($1.0?.earliestDay ?? Int.min) }
    }

    func sreHistory() -> Finding? {
        let events = sreEvents()
        guard !events.isEmpty else { return nil }
        // Written only where details are wanted (`assess(details:)`): the list of every event
        // with its site was most of this rule's cost in a re-assessment (issue #12).
        func detail() -> LocalizedText {
            var list = LocalizedText.joined(events.map { event in
                let label = event.label()
                return LocalizedText(en: "\(event.date.map { "\($0) " } ?? "")\(label.en)", zh: "\(event.date.map { "\($0) " } ?? "")\(label.zhHans)")
            }, en: "; ", zh: "；")
            let uncounted = index.seenLesions.compactMap { lesion in index.antiresorptiveFractures[lesion.id].map { (lesion, $0) } }
            if !uncounted.isEmpty {
                let named = LocalizedText.joined(uncounted.map { lesion, fracture in
                    LocalizedText(
                        en: "\(fracture.fractured) \(index.label(lesion).en) (\(fracture.label.en) in the differential)",
                        zh: "\(fracture.fractured) \(index.label(lesion).zhHans)（需鉴别\(fracture.label.zhHans)）")
                }, en: "; ", zh: "；")
                list = LocalizedText(
                    en: "\(list.en). Not counted until a metastasis is seen there — fractures where no tumour was seen: \(named.en)",
                    zh: "\(list.zhHans)。未计入（骨折处未见肿瘤，待证实为转移后再计）：\(named.zhHans)")
            }
            return LocalizedText(
                en: "\(list.en). Definition: pathological fracture, radiotherapy or surgery to bone, spinal cord compression\(index.settings.hypercalcaemiaIsSRE ? ", hypercalcaemia (setting)" : "").",
                zh: "\(list.zhHans)。定义：病理性骨折、骨放疗或骨手术、脊髓压迫\(index.settings.hypercalcaemiaIsSRE ? "、高钙血症（设置）" : "")。")
        }
        return Finding(
            ruleId: "boneAgents.sreHistory", severity: .info, duty: .boneAgents, specialty: .medicalOncology,
            subject: .patient, date: index.assessedOn,
            title: LocalizedText(en: "\(events.count) skeletal-related event(s) on record", zh: "记录有 \(events.count) 次骨相关事件（SRE）"),
            detail: detail(),
            inputs: [FindingInput("count", events.count.description)],
            sources: [Sources.stopeck2010, Sources.himelstein2017])
    }
}
