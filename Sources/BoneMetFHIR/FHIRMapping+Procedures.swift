import BoneMetRules

extension FHIRCaseMapper {
    /// A Procedure (not one of our own readings, a dental examination or our own biopsy): a
    /// radiotherapy course, an orthopaedic operation, a biopsy awaiting its result, or — on bone
    /// and read as none of these — a note. Its lesions: its reasons, its body site, else the sites
    /// its name lists; one placed on none is linked after the loop (`unlinkedLocal`).
    static func mapProcedure(
        _ resource: FHIRResource, label: String, lesionIds: [String: String], record: inout CaseRecord, notes: inout [MappingNote],
        unlinkedLocal: inout [(id: String, resource: FHIRJSON)], unnamedFixations: inout [(id: String, label: String)],
        biopsyProcedures: inout [(lesions: [String], date: PartialDate, label: String)]
    ) {
        let r = resource.json
        // In preparation: not yet performed — a planned operation or course (rules on
        // planned surgery read it: anti-angiogenic timing, Mirels's "Planned").
        let planned = r["status"]?.string == "preparation"
        let start = FHIRRead.periodStart(r, "performed")
        guard start != nil || planned else { return }
        var lesions = (r["reasonReference"]?.array ?? []).compactMap(FHIRRead.referenceId).map { lesionIds[$0] ?? $0 }
            .filter { id in record.lesions.contains { $0.id == id } }
        if lesions.isEmpty, let target = FHIRRead.bodySiteLesion(r, lesions: record.lesions) { lesions = [target] }
        // A body-site text naming several lesions ("胸5-6", "T12、L1") is read site by site, as a
        // name is: a posterior decompression and fixation of T5–T6 whose body site said "胸5-6"
        // was placed on neither, and both vertebrae read as never operated (unseen bundle ehr18).
        if lesions.isEmpty {
            for site in (r["bodySite"]?.array ?? []).compactMap(FHIRRead.text) {
                lesions += Lesion.placed(by: site, among: record.lesions).filter { !lesions.contains($0) }
            }
        }
        // A name listing its sites ("右侧髋臼周围肿瘤切除+骨盆重建术") is read site by site, as
        // the rules read a treatment's name: it named two bones and was dropped without a word.
        if lesions.isEmpty, let name = FHIRRead.text(r["code"]) { lesions = Lesion.placed(by: name, among: record.lesions) }
        // Radiotherapy: mCODE's course summary (1217123003) wherever it was given, or any
        // procedure coded or named as radiotherapy to a bone site — an EHR's "Radiotherapy"
        // (SNOMED 1287742003) to the femur was dropped without a word, though radiotherapy
        // to bone is a skeletal-related event and reads every irradiated-field rule.
        let courseSummary = FHIRRead.has(r["code"], FHIRCodes.snomed, "1217123003")
        let namedRadiotherapy = !courseSummary && Self.isRadiotherapy(named: [FHIRRead.text(r["code"])] + FHIRRead.codings(r["code"]).map(\.display))
        // A name naming a bone ("L4椎体姑息放疗 30Gy/10F") is its site: placed after the
        // loop, when every lesion is known (`placeRadiotherapySite`).
        if namedRadiotherapy && !onBone(r, lesions: lesions) && FHIRRead.textBodySite(r) == nil {
            notes.append(MappingNote(resource: label, message: "radiotherapy without a bone site: not used"))
            return
        }
        if courseSummary || namedRadiotherapy {
            // mCODE radiotherapy course summary: the dose delivered (cGy) and fractions.
            var dose = FHIRRead.radiotherapyDose(r)
            if dose.gy == nil, let read = RadiotherapyDoseText.read(FHIRRead.text(r["code"])) {
                dose = (read.gy, dose.fractions ?? read.fractions)
                notes.append(MappingNote(resource: label, message: "dose read from its name: \(read.gy.rounded() == read.gy ? String(Int(read.gy)) : String(read.gy)) Gy\(read.fractions.map { " in \($0) fraction\($0 == 1 ? "" : "s")" } ?? "") — confirm"))
            }
            let id = FHIRRead.itemId(r) ?? resource.id ?? "rt\(record.treatments.count + 1)"
            if lesions.isEmpty { unlinkedLocal.append((id, r)) }
            // Completed and dated by a single day (performedDateTime, not a period): the course
            // is over, on that day as far as the record knows. Left open it read as running for
            // ever — ehr35's "8Gy single fraction" of 2026-11-20 was still a "current treatment"
            // in December, and every later interval "irradiated".
            let completedOnADay = r["status"]?.string == "completed" && r["performedPeriod"] == nil
            var course = Treatment(
                id: id, kind: .radiotherapy, name: FHIRRead.text(r["code"]),
                lesions: lesions, start: start, end: FHIRRead.periodEnd(r, "performed") ?? (completedOnADay ? start : nil),
                planned: planned, doseGy: dose.gy, fractions: dose.fractions)
            // The source's own codes are kept for export, as a medication's are (a CPT or SNOMED
            // procedure code was dropped on import).
            course.codes = FHIRRead.sourceCodes(r["code"])
            record.treatments.append(course)
        } else if let procedure = FHIRRead.extensionValue(r, "procedure")?.string.flatMap(SurgicalProcedure.init(rawValue:))
            ?? (onBone(r, lesions: lesions)
                ? SurgicalProcedureText.read(
                    [FHIRRead.text(r["code"])] + FHIRRead.codings(r["code"]).map(\.display),
                    spinal: !lesions.isEmpty && lesions.allSatisfy { id in record.lesions.first { $0.id == id }?.isSpinal == true },
                    diaphyseal: !lesions.isEmpty && lesions.allSatisfy { id in record.lesions.first { $0.id == id }?.segment == .diaphysis })
                : nil)
        {
            let id = FHIRRead.itemId(r) ?? resource.id ?? "surgery\(record.treatments.count + 1)"
            if procedure == .other { unnamedFixations.append((id, label)) }
            if lesions.isEmpty { unlinkedLocal.append((id, r)) }
            var operation = Treatment(
                id: id, kind: .surgery, name: FHIRRead.text(r["code"]),
                lesions: lesions, start: start, end: FHIRRead.periodEnd(r, "performed"), planned: planned, procedure: procedure)
            operation.codes = FHIRRead.sourceCodes(r["code"])
            record.treatments.append(operation)
        } else if let id = FHIRRead.itemId(r) {
            // A surgery row of our own export that names no orthopaedic procedure — a
            // nephrectomy, a pre-operative embolisation — comes back as it was entered (the
            // assessment reads its name): both were dropped on the way back.
            record.treatments.append(Treatment(
                id: id, kind: .surgery, name: FHIRRead.text(r["code"]),
                lesions: lesions, start: start, end: FHIRRead.periodEnd(r, "performed"), planned: planned))
        } else if Self.isBiopsyProcedure(r), !planned, let start, onBone(r, lesions: lesions) {
            biopsyProcedures.append((lesions, start, label))
        } else if onBone(r, lesions: lesions) {
            // On bone, said — never dropped without a word (an ablation, an implant
            // removed); a procedure on no bone (a colonoscopy, a dental cleaning) is not
            // BoneMet's and stays silent.
            notes.append(MappingNote(resource: label, message: "not read as an orthopaedic operation, a radiotherapy course or a biopsy: not used — \"\(FHIRRead.text(r["code"]) ?? FHIRRead.codings(r["code"]).compactMap(\.display).first ?? "")\""))
        }
    }
}
