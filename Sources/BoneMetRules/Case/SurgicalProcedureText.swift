/// The orthopaedic procedure an operation's name writes, English or Chinese, for an operation
/// recorded without a coded `procedure`: an EHR sends procedures as text or local codes
/// (standards.md verifies no SNOMED procedure codes), and a hospital's own case record names
/// them as its operating list does ("右股骨近端肿瘤切除+人工股骨头置换术"). Read without it, a
/// femoral neck fracture replaced by a hemiarthroplasty read "no fixation on record: urgent
/// referral for fixation", and the prosthesis's absent lesion read as complete response.
///
/// Only unambiguous words count. A fixation that says neither "prophylactic" nor "fracture" is
/// `other` here — unless it is on the spine, where internal fixation is stabilisation; the
/// assessment then reads it against the record (`CaseIndex.procedureReading`): the fixation of the
/// fracture `fixedFracture` finds before it, else a prophylactic fixation. Anything else is not an
/// orthopaedic procedure for BoneMet (nil): an open biopsy entered as surgery stays unread.
public enum SurgicalProcedureText {
    /// `spinal`: every lesion the operation treats is a vertebra or the sacrum. `diaphyseal`:
    /// every lesion is in a long bone's shaft, where a prosthesis after a resection replaces a
    /// segment, not a joint.
    public static func read(_ names: [String?], spinal: Bool = false, diaphyseal: Bool = false) -> SurgicalProcedure? {
        let text = names.compactMap { $0?.lowercased() }.joined(separator: " ")
        guard !text.isEmpty else { return nil }
        func has(_ words: String...) -> Bool { words.contains { text.contains($0) } }
        // Abbreviations count as whole words only ("pvp", not a letter run inside another word).
        let words = ASCIIWords.of(text)
        func hasWord(_ abbreviations: String...) -> Bool { abbreviations.contains { words.contains($0) } }
        // An implant taken out ("髓内钉取出术", "hardware removal") is no fixation — it undoes one —
        // unless the row fixes the bone again (a revision): read as a fixation, the removal of a
        // femoral nail stood as "fixed" (unseen record pattern, 2026-12-05).
        let removal = has("取出", "拆除")
            || has("removal") && has("hardware", "implant", "nail", "plate", "screw", "rod", "fixation") && !has("tumour", "tumor", "lesion", "metasta")
        if removal, !has("翻修", "revision", "再次固定", "重新固定") { return nil }
        // CPT 22510–22515 write "vertebral augmentation" for kyphoplasty and "percutaneous
        // vertebroplasty": a US bundle's lumbar kyphoplasty was "not read" (ehr31, rules .337).
        if has("vertebroplasty", "kyphoplasty", "vertebral augmentation", "cementoplasty", "椎体成形", "后凸成形", "骨水泥成形") || hasWord("pvp", "pkp") {
            return .cementAugmentation
        }
        if has("separation surgery", "分离手术") { return .separationSurgery }
        // A laminectomy is a posterior decompression (CPT 63001–63048 name it so).
        if has("decompression", "减压", "laminectomy", "laminotomy", "椎板切除") { return .decompression }
        // A shaft resected and bridged by an intercalary prosthesis ("股骨干肿瘤段切除+人工假体重建")
        // is a resection and reconstruction: no joint is replaced (cb46-b read "arthroplasty").
        if diaphyseal, has("resection", "切除"), has("prosthe", "假体"),
           !has("arthroplasty", "joint replacement", "关节置换", "头置换") {
            return .resection
        }
        // A bone end replaced by a prosthesis (hemiarthroplasty, a tumour endoprosthesis).
        if has("arthroplasty", "joint replacement", "hip replacement", "knee replacement", "shoulder replacement", "head replacement",
               "prosthe", "关节置换", "头置换", "假体")
        {
            return .arthroplasty
        }
        if has("resection", "切除", "corpectomy", "vertebrectomy") { return .resection }
        // CPT names a fusion "arthrodesis" and its implants "segmental instrumentation" (22600–22865).
        if has("spinal fusion", "stabilisation", "stabilization", "pedicle screw", "arthrodesis", "segmental instrumentation", "spinal instrumentation", "椎弓根", "融合") {
            return .stabilisation
        }
        // A fixation wins over the curettage or cement beside it ("刮除骨水泥填充钢板内固定"):
        // the implant is what protects the bone.
        // CPT writes the implant, not the act: "Treatment of intertrochanteric … femoral fracture;
        // with intramedullary implant" (27245), "with plate/screw implant" — a US bundle's fixed
        // femur read "no fixation on record: urgent referral" (unseen bundle ehr29, rules .335).
        let fixation = has("fixation", "intramedullary nail", "nailing", "gamma nail", "plating", "intramedullary implant", "intramedullary rod",
                           "cephalomedullary", "plate/screw implant", "plate and screw", "内固定", "髓内钉", "γ钉", "钢板")
            || hasWord("orif", "pfna")
        guard fixation else {
            // A curettage filled with cement ("刮除骨水泥填充") is the curettage: it removed the lesion.
            if has("curettage", "刮除") { return .curettage }
            if has("cement", "骨水泥") { return .cementAugmentation }
            return nil
        }
        if spinal { return .stabilisation }
        if has("prophylactic", "预防") { return .prophylacticFixation }
        // A reduction is of a fracture ("切开复位内固定", open reduction and internal fixation).
        if has("fracture", "骨折", "reduction", "复位") || hasWord("orif") { return .fractureFixation }
        return .other
    }

    /// Whether an operation row's name writes an embolisation ("术前栓塞", "transarterial
    /// embolization", "TAE"): a vascular intervention entered as surgery, as operating lists
    /// record it. It takes no tissue and is no operation on bone — not the skeletal-related
    /// event "surgery to bone" (Stopeck 2010: surgery to bone; the SRE trials counted no
    /// embolisation), nor the operation whose pathology answers a biopsy question. A renal-cell
    /// femur's embolisation the day before its nail counted as a second surgery to bone (cb64-e).
    /// An orthopaedic procedure the name also writes ("栓塞后刮除内固定") wins: the row is read
    /// as that operation.
    public static func readsEmbolisation(_ name: String?) -> Bool {
        guard let text = name?.lowercased(), !text.isEmpty else { return false }
        let written = text.contains("栓塞") || text.contains("emboli") || ASCIIWords.of(text).contains { $0 == "tae" || $0 == "tace" }
        return written && read([name]) == nil
    }

    /// The pathological fracture a fixation of no stated kind (`other`) fixed: the latest one,
    /// still current, of one of its lesions, recorded on or before the operation. An
    /// "intramedullary nailing of femur" three days after the femur's fracture is its fixation.
    public static func fixedFracture(_ operation: Treatment, events: [ClinicalEvent]) -> ClinicalEvent? {
        guard let start = operation.start else { return nil }
        return events.last { event in
            event.kind == .pathologicalFracture && event.isCurrent && event.lesion.map(operation.lesions.contains) == true
                && event.date.earliestDay <= start.latestDay
        }
    }
}
