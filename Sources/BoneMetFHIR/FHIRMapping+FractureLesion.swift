import BoneMetDomain

extension FHIRCaseMapper {
    /// A pathological fracture *in neoplastic disease* (ICD-10-CM M84.5) of a bone no lesion of the
    /// record is on: the tumour it broke through is there. An EHR that coded the metastasis
    /// "C79.51 secondary malignant neoplasm of bone" with no body site, beside "M84.551A …, right
    /// femur", gave a lesion of bone "other" asking for an X-ray and a biopsy, and a fracture of no
    /// lesion — no Mirels finding, no fixation read, the nail and the radiotherapy to the femur
    /// reaching nothing. Now the one metastasis of unknown site is placed on that bone (so it is
    /// not counted twice), or, where every lesion on record has its bone, a lesion of that bone is
    /// added, diagnosed on the fracture's date. Two of unknown site: which one is not guessed.
    /// M84.4 (not elsewhere classified) and M84.6 (other disease) say nothing of a tumour and
    /// place nothing.
    static func placeNeoplasticFracture(
        _ resource: FHIRResource, site: (bone: Bone, side: Laterality?), date: PartialDate, record: inout CaseRecord
    ) -> (lesion: String, note: String)? {
        let coding = FHIRRead.codings(resource.json["code"]).first { coding in
            CancerCodes.isICD10(coding.system) && coding.code.map { !$0.contains("/") && CancerCodes.icd10Key($0).hasPrefix("M845") } == true
        }
        guard let code = coding?.code else { return nil }
        let place = "\(site.side.map { "\($0.rawValue) " } ?? "")\(site.bone.rawValue)"
        let imaged = Set(record.studies.flatMap { $0.observations.map(\.lesion) })
        let unsited = record.lesions.indices.filter { i in
            let lesion = record.lesions[i]
            return lesion.bone == .other && lesion.segment == nil && lesion.level == nil && lesion.laterality == nil && !imaged.contains(lesion.id)
        }
        if unsited.count == 1, let i = unsited.first {
            record.lesions[i].bone = site.bone
            record.lesions[i].laterality = site.side
            return (record.lesions[i].id, "bone metastasis \(record.lesions[i].id) without a body site placed on the \(place) by this pathological fracture in neoplastic disease (\(code)) — confirm")
        }
        guard unsited.isEmpty else { return nil }
        var id = "fracture-\(resource.id ?? "\(record.lesions.count + 1)")"
        while record.lesions.contains(where: { $0.id == id }) { id += "-1" }
        var lesion = Lesion(id: id, bone: site.bone, laterality: site.side)
        lesion.diagnosed = date
        lesion.codes = ["\(coding?.system ?? "")|\(code)"]
        record.lesions.append(lesion)
        return (id, "lesion \(id) of the \(place) added: a pathological fracture in neoplastic disease (\(code)) on a bone no lesion was on — confirm")
    }
}
