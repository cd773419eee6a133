import BoneMetRules

extension FHIRCaseMapper {
    /// A dental examination an EHR records as a procedure by its name — "口腔检查", "口腔科会诊",
    /// "牙科检查", "dental examination": only our own export's code was read, and every imported
    /// case on a bone agent read "No dental examination before zoledronic acid" though the
    /// consultation was on record (unseen bundles ehr9–ehr14). The bone agents' labels ask for a
    /// dental examination before starting (ONJ). Not a dental procedure (an extraction, a
    /// cleaning), which is no examination.
    static let dentalExaminationNames = [
        "口腔检查", "口腔科会诊", "口腔会诊", "牙科检查", "口腔科检查", "口腔评估",
        "dental examination", "dental exam", "oral examination", "dental evaluation", "dental consultation",
    ]

    static func isDentalExamination(_ r: FHIRJSON) -> Bool {
        ([FHIRRead.text(r["code"])] + FHIRRead.codings(r["code"]).map(\.display)).contains { name in
            guard let name = name?.lowercased() else { return false }
            return dentalExaminationNames.contains(where: name.contains)
        }
    }
}
