import BoneMetRules

extension FHIRCaseMapper {
    /// The imaging study an imaging report stands for when the EHR sends the report alone — no
    /// ImagingStudy referenced or of its day: Chinese hospitals' RIS send the read ("胸腰椎CT平扫",
    /// conclusion "T12、L1椎体溶骨性骨质破坏…") without the PACS study, and the import dropped it
    /// with a note (unseen bundle ehr5), so the latest word on the spine never reached the page.
    ///
    /// A study of its day, modality from the report's name, region its name, the report its
    /// text: the case format's "read only in that text" study — it shows nothing and excludes
    /// nothing until its lesions are recorded (the case page offers its readings), and a finding
    /// scored from an earlier study names it as the later word not yet read. Only a report about
    /// bone (its name or text names bone, a vertebra or a bone lesion's character): a brain MRI
    /// or a cardiac SPECT is not ours. Nil when the name names no imaging method.
    static func reportOnlyStudy(_ report: FHIRResource, conclusion: String, date: PartialDate) -> ImagingStudy? {
        let r = report.json
        let names = ([FHIRRead.text(r["code"])] + FHIRRead.codings(r["code"]).map(\.display)).compactMap { $0 }
        guard let modality = names.lazy.compactMap(reportModality).first else { return nil }
        let boneWords = ["骨", "椎", "bone", "osseous", "skelet", "vertebra", "spine", "spinal", "lytic", "sclero", "blastic"]
        let text = (names + [conclusion]).joined(separator: " ").lowercased()
        guard boneWords.contains(where: text.contains) else { return nil }
        var study = ImagingStudy(
            id: "report-\(report.id ?? date.description)", date: date, modality: modality, region: names.first, report: conclusion)
        // The windows its name or text names ("胸腰椎CT平扫（骨窗）"; unseen bundle ehr39).
        if modality == .ct { study.windows = CTWindow.named(in: names + [conclusion]) }
        return study
    }

    /// The imaging method a report's name writes: PET-CT before CT, a bone scan ("ECT", "骨显像"),
    /// MRI, CT, plain film. Latin abbreviations count as whole words ("CT" in "胸腰椎CT平扫", not
    /// in "DIRECT").
    public static func reportModality(_ name: String) -> Modality? {
        let upper = name.uppercased()
        var words: Set<String> = []
        var word = ""
        for character in upper {
            if character.isASCII && character.isLetter { word.append(character) } else if !word.isEmpty { words.insert(word); word = "" }
        }
        if !word.isEmpty { words.insert(word) }
        func has(_ latin: [String], _ chinese: [String] = []) -> Bool {
            latin.contains(where: words.contains) || chinese.contains(where: upper.contains)
        }
        if has(["PET", "PETCT"]) { return .petCt }
        if has(["ECT", "SPECT", "SCINTIGRAPHY", "SCINTIGRAM"], ["骨扫描", "骨显像", "BONE SCAN", "全身骨"]) { return .boneScan }
        if has(["MRI", "MR", "NMR"], ["磁共振", "核磁"]) { return .mri }
        if has(["CT"]) { return .ct }
        // A plain film named by its projections: "左髋关节正位片", "右股骨正侧位", "RIGHT HUMERUS 2
        // VIEWS" — the hip's X-ray report was "conclusion not attached" (unseen bundle ehr30).
        if has(["DR", "CR", "DX", "XR", "RADIOGRAPH", "RADIOGRAPHS", "XRAY", "VIEW", "VIEWS"], ["X线", "X-RAY", "X光", "平片", "正位", "侧位", "斜位", "摄片"]) { return .xray }
        return nil
    }
}
