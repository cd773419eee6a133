import BoneMetDomain
import Foundation

/// Readings of single resources: a Condition's cancer class, whether a procedure is on bone or is
/// radiotherapy, an ImagingStudy.
extension FHIRCaseMapper {
    enum ConditionReading {
        case found(CancerClass, byText: Bool)
        case skipped(String)
    }

    /// A Condition's cancer class: by code (value sets, the site's mapping file), else by text;
    /// a class that needs the body site is resolved with it. Nil when it is not about cancer.
    static func classify(_ r: FHIRJSON, mappings: CodeMappings) -> ConditionReading? {
        let codings = FHIRRead.codings(r["code"])
        var found = codings.lazy.compactMap { CancerCodes.classify(system: $0.system, code: $0.code, mappings: mappings) }.first
        var byText = false
        if found == nil {
            let text = FHIRRead.text(r["code"]) ?? codings.compactMap(\.display).first
            switch text.flatMap(CancerCodes.fromText) {
            case .recognised(let cancer):
                found = cancer
                byText = true
            case .notACancerDiagnosis:
                return .skipped("mentions cancer as a suspicion, history, risk, benign or in-situ lesion: not a cancer diagnosis, not used")
            case nil:
                return nil
            }
        }
        guard let cancer = found else { return nil }
        let site = r["bodySite"]?.array.first
        let onBone = FHIRRead.codings(site).contains { $0.system == FHIRCodes.snomed && $0.code.flatMap { bodySites[$0] } != nil }
        switch cancer {
        case .secondaryAtBodySite:
            return .found(onBone ? .boneMetastasis : .secondary, byText: byText)
        case .primaryAtBodySite:
            let text = [FHIRRead.text(site)].compactMap { $0 } + FHIRRead.codings(site).compactMap(\.display)
            let reading = text.lazy.compactMap { CancerCodes.fromText("malignant neoplasm of " + $0) }.first
            if case .recognised(.primary(let bodySite, let histology)) = reading { return .found(.primary(bodySite, histology), byText: byText) }
            return .found(.primary(onBone ? .sarcoma : .other, nil), byText: byText)
        default:
            return .found(cancer, byText: byText)
        }
    }

    static let modalities: [String: Modality] = ["CT": .ct, "MR": .mri, "NM": .boneScan, "PT": .petCt, "CR": .xray, "DX": .xray]

    /// A procedure recognised by its name (`SurgicalProcedureText`) must be on bone: it treats a
    /// bone-metastasis condition (reasonReference) or its bodySite is a bone — a "resection" of
    /// the prostate is not ours.
    static func onBone(_ r: FHIRJSON, lesions: [String]) -> Bool {
        !lesions.isEmpty
            || (r["bodySite"]?.array ?? []).contains { site in
                FHIRRead.codings(site).contains { $0.system == FHIRCodes.snomed && $0.code.flatMap { bodySites[$0] } != nil }
                    // A body site given as text only ("右股骨颈", "L3 vertebra") that names a bone.
                    || FHIRRead.text(site).flatMap(CancerCodes.bone(fromText:)) != nil
            }
            // No body site, a name naming the bone: "右侧人工股骨头置换术" (a Chinese EHR's operation
            // list) was dropped without a word, and the femur it replaced stayed "fractured —
            // urgent fixation" (unseen bundle, 2026-12-05). Only an orthopaedic procedure read
            // from the name is kept (`SurgicalProcedureText`); a nephrectomy names no bone.
            || FHIRRead.text(r["code"]).flatMap(CancerCodes.bone(fromText:)) != nil
    }

    /// A procedure's name that says radiotherapy (any language the importer reads).
    static func isRadiotherapy(named names: [String?]) -> Bool {
        let text = names.compactMap { $0?.lowercased() }.joined(separator: " ")
        guard !text.isEmpty else { return false }
        if ["radiotherapy", "radiation therapy", "radiation treatment", "irradiation", "brachytherapy", "radiosurgery", "sbrt",
            "external beam", "stereotactic body", "stereotactic ablative", "cyberknife", "放疗", "放射治疗", "射波刀"].contains(where: text.contains)
        {
            return true
        }
        // Techniques by their abbreviation, as whole words ("IMRT T10-L1 30Gy/10F"); "RT" alone
        // is too short to tell from other uses and is not read.
        return ["ebrt", "imrt", "vmat", "sabr"].contains(where: ASCIIWords.of(text).contains)
    }

    static func imagingStudy(_ resource: FHIRResource) -> ImagingStudy? {
        let r = resource.json
        guard let date = FHIRRead.date(r["started"]) else { return nil }
        let codes = (r["modality"]?.array ?? []).compactMap { $0["code"]?.string } + (r["series"]?.array ?? []).compactMap { $0["modality"]?["code"]?.string }
        guard let source = codes.first(where: { modalities[$0] != nil }), let modality = modalities[source] else { return nil }
        let uid = (r["identifier"]?.array ?? []).compactMap { $0["value"]?.string }.first { $0.hasPrefix("urn:oid:") }.map { String($0.dropFirst("urn:oid:".count)) }
        var study = ImagingStudy(
            id: FHIRRead.itemId(r) ?? resource.id ?? UUID().uuidString, date: date, modality: modality, studyInstanceUid: uid,
            region: r["description"]?.string)
        study.dicomModality = source  // DX stays DX, CR stays CR
        // Our own export's coverage, windows, contrast and unitemised new lesions.
        let extensions = r["extension"]?.array ?? []
        func values(_ name: String) -> [FHIRJSON] { extensions.filter { $0["url"]?.string == FHIRExporter.bonemet + name } }
        study.coverage = values("study-coverage").compactMap { $0["valueCode"]?.string.flatMap(BodyRegion.init(rawValue:)) }
        study.windows = values("ct-window").compactMap { $0["valueCode"]?.string.flatMap(CTWindow.init(rawValue:)) }
        if study.windows.isEmpty, modality == .ct {
            study.windows = CTWindow.named(in: [r["description"]?.string].compactMap { $0 } + (r["series"]?.array ?? []).compactMap { $0["description"]?.string })
        }
        study.contrast = values("contrast").first?["valueBoolean"]?.bool
        study.unnamedNewLesions = values("unnamed-new-lesions").first?["valueInteger"]?.decimalText.flatMap { Int($0) }
        return study
    }

    /// A lesion reading exported by BoneMet (`FHIRExporter.readingResources`): the lesion (its
    /// Condition's own id), the study, and the reading rebuilt from the components and checked as
    /// a case file's is; or why it was left out.
    static func lesionReading(_ resource: FHIRResource, lesionIds: [String: String]) -> (study: String, observation: LesionObservation)? {
        let r = resource.json
        guard FHIRRead.has(r["code"], FHIRExporter.readingSystem, FHIRExporter.lesionReadingCode),
            let focus = FHIRRead.referenceId(r["focus"]?.array.first), let study = FHIRRead.referenceId(r["derivedFrom"]?.array.first)
        else { return nil }
        var object = JSONObject()
        object["lesion"] = .string(lesionIds[focus] ?? focus)
        var diameters: [JSONValue] = []
        for component in r["component"]?.array ?? [] {
            guard let key = FHIRRead.codings(component["code"]).first(where: { $0.system == FHIRExporter.readingSystem })?.code else { continue }
            let value: JSONValue? =
                if let flag = component["valueBoolean"]?.bool { .bool(flag) }
                else if let literal = component["valueQuantity"]?["value"]?.decimalText, let number = Double(literal) { .double(number) }
                else if let word = FHIRRead.codings(component["valueCodeableConcept"]).first(where: { $0.system == FHIRExporter.readingValueSystem })?.code { .string(word) }
                else { nil }
            guard let value else { continue }
            if key == "diametersMm" { diameters.append(value) } else { object[key] = value }
        }
        if !diameters.isEmpty { object["diametersMm"] = .array(diameters) }
        guard let observation = CaseFile.readObservation(.object(object)).observation else { return nil }
        return (study, observation)
    }
}
