import BoneMetRules

/// Pain observations into pain records: LOINC 72514-3 (the 0–10 numeric rating, as Synthea and US
/// Core vital signs send it — a quantity or an integer), and a ward's own code named as a pain
/// score (`namesPain`). Each is placed on the lesion its `focus`, body site or region names, and
/// graded Mirels functional or SINS mechanical when its texts say it comes with load.
extension FHIRCaseMapper {
    static func appendPain(
        _ r: FHIRJSON, value: Double, date: PartialDate, lesion: String?, label: String, record: inout CaseRecord, notes: inout [MappingNote]
    ) {
        guard value == value.rounded(), (0...10).contains(value) else {
            notes.append(MappingNote(resource: label, message: "pain score \(value) outside 0–10: not used"))
            return
        }
        let region = lesion == nil ? painRegion(r, label: label, nrs: Int(value), record: record, notes: &notes) : nil
        let mirels = component(r, "mirels").flatMap(Mirels.Pain.init(rawValue:))
        let sins = component(r, "sins").flatMap(SINS.Pain.init(rawValue:))
        let load = mirels == nil && sins == nil
            ? painOnLoad(r, at: lesion ?? region, record: record, label: label, notes: &notes) : (mirels: nil, sins: nil)
        record.pain.append(PainRecord(
            date: date, lesion: lesion ?? region, mirels: mirels ?? load.mirels, sins: sins ?? load.sins, nrs: Int(value)))
    }

    static func appendPainByName(
        _ r: FHIRJSON, date: PartialDate, lesion: String?, label: String, record: inout CaseRecord, notes: inout [MappingNote]
    ) {
        guard let nrs = painByName(r) else {
            notes.append(MappingNote(resource: label, message: "pain score by its name, its value not 0–10: not used"))
            return
        }
        let at = lesion ?? painRegion(withPlaceFromText(r), label: label, nrs: nrs, record: record, notes: &notes)
        let load = painOnLoad(r, at: at, record: record, label: label, notes: &notes)
        record.pain.append(PainRecord(date: date, lesion: at, mirels: load.mirels, sins: load.sins, nrs: nrs))
        notes.append(MappingNote(resource: label, message: "pain NRS \(nrs) read by its name \"\(FHIRRead.text(r["code"]) ?? "")\"\(at.map { " at \($0)" } ?? "") — map its code (--codes) to confirm"))
    }
}
