import BoneMetDomain

extension FHIRCaseMapper {
    /// Radiotherapy to a bone its name or body-site text names ("L4椎体姑息放疗 30Gy/10F") where
    /// no lesion of the record is: in a patient with bone metastases on record, the bone
    /// irradiated carries one. A Chinese EHR's prostate cancer with "多发骨转移" (no body site) and
    /// palliative radiotherapy to L4 had it dropped as "radiotherapy without a bone site" — no
    /// radiotherapy to bone among the skeletal-related events, no irradiated field (unseen bundle
    /// b4). As a pathological fracture in neoplastic disease does (`placeNeoplasticFracture`): the
    /// one metastasis of unknown site that is a single lesion is placed there, else a lesion of
    /// that bone is added, known from the course's start — with a note to confirm. A vertebra
    /// whose level is not named, or a bone without a metastasis on record, places nothing.
    static func placeRadiotherapySite(_ r: FHIRJSON, treatment: Treatment, record: inout CaseRecord) -> (lesion: String, note: String)? {
        guard !record.lesions.isEmpty, let (bone, side) = FHIRRead.textBodySite(r) else { return nil }
        let level = FHIRRead.textLevel(r, bone: bone)
        if bone == .vertebra || bone == .sacrum, level == nil { return nil }
        // A lesion of that bone is on record (two ribs for "肋骨放疗"): which one is not guessed.
        let sameBone = record.lesions.contains { lesion in
            lesion.bone == bone && (side == nil || lesion.laterality == nil || lesion.laterality == side)
                && (level == nil || lesion.withSiteFromNote.level == nil || lesion.withSiteFromNote.level == level)
        }
        guard !sameBone else { return nil }
        let place = "\(side.map { "\($0.rawValue) " } ?? "")\(level.map { "\($0) " } ?? "")\(bone.rawValue)"
        let name = treatment.name ?? "radiotherapy"
        let imaged = Set(record.studies.flatMap { $0.observations.map(\.lesion) })
        let unsited = record.lesions.indices.filter { i in
            let lesion = record.lesions[i]
            return lesion.bone == .other && lesion.segment == nil && lesion.level == nil && lesion.laterality == nil && !imaged.contains(lesion.id)
        }
        if unsited.count == 1, let i = unsited.first, !record.lesions[i].namesSeveral {
            record.lesions[i].bone = bone
            record.lesions[i].laterality = side
            record.lesions[i].level = level
            return (record.lesions[i].id, "bone metastasis \(record.lesions[i].id) without a body site placed on the \(place) by radiotherapy \"\(name)\" — confirm")
        }
        var id = "rt-\(treatment.id)"
        while record.lesions.contains(where: { $0.id == id }) { id += "-1" }
        var lesion = Lesion(id: id, bone: bone, level: level, laterality: side)
        lesion.diagnosed = treatment.start
        record.lesions.append(lesion)
        return (id, "lesion \(id) of the \(place) added: radiotherapy \"\(name)\" to a bone no lesion was on — confirm")
    }
}
