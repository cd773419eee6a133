import BoneMetDomain
import BoneMetReports
import Foundation

/// What an import learnt that it could not map (shown in the summary, never an error).
public struct MappingNote: Sendable, Hashable {
    public let resource: String
    public let message: String
}

/// FHIR resources of one patient → a case record (mCODE and US Core shapes; standards.md).
public enum FHIRCaseMapper {
    public static func map(
        patient: FHIRResource, related: [FHIRResource], mappings: CodeMappings = .none,
        regimenGapDays: Int = RuleSettings.default.regimenGapDays
    ) -> (record: CaseRecord, notes: [MappingNote]) {
        var notes: [MappingNote] = []
        let p = patient.json
        let sex: CockcroftGault.Sex? = switch p["gender"]?.string {
        case "male": .male
        case "female": .female
        default: nil
        }
        let ownId = (p["identifier"]?.array ?? []).first { $0["system"]?.string == FHIRExporter.patientIdSystem }?["value"]?.string
        var record = CaseRecord(patient: Patient(id: ownId ?? "fhir:" + (patient.id ?? "?"), sex: sex, birthDate: FHIRRead.date(p["birthDate"])))
        // HL7's "test health data" label: a fictional case stays fictional.
        if (p["meta"]?["security"]?.array ?? []).contains(where: { $0["code"]?.string == "HTEST" }) {
            record.patient.fictional = true
        }
        // Patient.deceased[x]: a dated death, or a bare "deceased"; false is what a living
        // patient's record says anyway, so only a death is kept (rule set 2026.12.55).
        if let death = FHIRRead.date(p["deceasedDateTime"]) {
            record.patient.deathDate = death
            record.patient.deceased = true
        } else if p["deceasedDateTime"] != nil {
            record.patient.deceased = true
            notes.append(MappingNote(resource: "Patient/\(patient.id ?? "?")", message: "deceasedDateTime unreadable: deceased, date unknown"))
        } else if p["deceasedBoolean"]?.bool == true {
            record.patient.deceased = true
        }
        // Our own exports: the lesion ids behind exported Condition ids.
        var lesionIds: [String: String] = [:]
        var visceral: [VisceralMetastasis] = []
        var primaryResourceIds: Set<String> = []
        // Lesion → the Condition its condition-related extension names (mapped to a primary's id below).
        var lesionPrimaryRefs: [String: String] = [:]
        var primaryIdByResource: [String: String] = [:]
        var receptorReadings: [(receptor: String, status: ReceptorStatus, focus: String?, date: PartialDate?)] = []
        var studyIds: [String: String] = [:]
        var reports: [FHIRResource] = []
        var biopsyProcedures: [(lesions: [String], date: PartialDate, label: String)] = []
        var primariesInMetastases: [(site: PrimarySite, text: String, conditionId: String, label: String)] = []
        var cyclesGiven: Set<String> = []
        var metastasisTextEvents: Set<String> = []
        // Lesion readings of our own export, attached once studies and lesions are mapped.
        var readings: [FHIRResource] = []
        var diseaseStatusReadings: [(record: DiseaseStatusRecord, focus: String?)] = []
        var eventReadings: [(kind: EventKind, date: PartialDate, resource: FHIRResource)] = []
        // Neurological deficits on the problem list (`DeficitCodes`), placed once every lesion is known.
        var deficitReadings: [(status: NeurologicalStatus, frankel: Tokuhashi.Frankel?, date: PartialDate?, resource: FHIRResource)] = []
        // Fixations named without "prophylactic" or "fracture" (id, resource), settled after the events.
        var unnamedFixations: [(id: String, label: String)] = []
        // Radiotherapy and surgery that reached no lesion (id, resource): tried again if a
        // fracture code places a lesion on a bone.
        var unlinkedLocal: [(id: String, resource: FHIRJSON)] = []
        // Treatments planned by a ServiceRequest (`plannedProcedure(from:)`), checked against what was done.
        var requestedPlans: [(id: String, authored: PartialDate?, label: String)] = []
        let sorted = Self.diagnosisListsSplit(related, notes: &notes).sorted { ($0.resourceType, $0.id ?? "") < ($1.resourceType, $1.id ?? "") }
        // Specimens by id, for the pathology reports that refer to them.
        var specimensById: [String: FHIRJSON] = [:]
        for resource in related where resource.resourceType == "Specimen" {
            if let id = resource.id { specimensById[id] = resource.json }
        }
        for resource in sorted {
            let r = resource.json
            let label = "\(resource.resourceType)/\(resource.id ?? "?")"
            if let note = FHIRRead.statusNotUsed(resource.resourceType, r) {
                notes.append(MappingNote(resource: label, message: note))
                continue
            }
            if let note = FHIRRead.statusToConfirm(resource.resourceType, r) {
                notes.append(MappingNote(resource: label, message: note))
            }
            switch resource.resourceType {
            case "Condition":
                let code = r["code"]
                // A visceral metastasis of our own export: the organ, its scores' qualifiers.
                if FHIRRead.has(code, FHIRExporter.readingSystem, "visceral-metastasis") {
                    visceral.append(Self.ownVisceral(r))
                    continue
                }
                // Refuted or entered-in-error diagnoses are not the patient's.
                if let status = FHIRRead.codings(r["verificationStatus"]).first?.code, ["refuted", "entered-in-error"].contains(status) {
                    notes.append(MappingNote(resource: label, message: "verification status \(status): not used"))
                    continue
                }
                // A skeletal-related event or osteonecrosis of the jaw on the problem list; its
                // lesion is resolved once every bone metastasis is mapped.
                if let kind = FHIRRead.codings(code).lazy.compactMap({ EventCodes.kind(system: $0.system, code: $0.code) }).first {
                    if let date = FHIRRead.periodStart(r, "onset") ?? FHIRRead.date(r["recordedDate"]) {
                        eventReadings.append((kind, date, resource))
                    } else {
                        notes.append(MappingNote(resource: label, message: "\(kind.rawValue) without an onset or recorded date: not used"))
                    }
                    continue
                }
                let onset = FHIRRead.periodStart(r, "onset") ?? FHIRRead.date(r["recordedDate"])
                if let deficit = DeficitCodes.deficit(code, words: false) {
                    deficitReadings.append((deficit.status, deficit.frankel, onset, resource))
                    continue
                }
                guard let reading = classify(r, mappings: mappings) else {
                    // Nothing about cancer: an event or a deficit written only in words.
                    if let kind = EventCodes.kind(text: FHIRRead.text(code)) {
                        if let onset {
                            eventReadings.append((kind, onset, resource))
                            notes.append(MappingNote(resource: label, message: "\(kind.rawValue) recognised by text — confirm: \"\(FHIRRead.text(code) ?? "")\""))
                        } else {
                            notes.append(MappingNote(resource: label, message: "\(kind.rawValue) without an onset or recorded date: not used"))
                        }
                    } else if let deficit = DeficitCodes.deficit(code, words: true) {
                        deficitReadings.append((deficit.status, deficit.frankel, onset, resource))
                    }
                    continue
                }
                if case .skipped(let why) = reading {
                    notes.append(MappingNote(resource: label, message: why))
                    continue
                }
                guard case .found(let cancer, let byText) = reading else { continue }
                let confirm = byText ? "recognised by text — confirm" : nil
                if byText {
                    notes.append(MappingNote(resource: label, message: "recognised by text — confirm: \"\(FHIRRead.text(code) ?? "")\""))
                }
                switch cancer {
                case .boneMetastasis:
                    let mapped = Self.metastasisLesions(resource, confirm: confirm, position: record.lesions.count + 1, label: label, notes: &notes)
                    for (lesion, relatedId, ownExport) in mapped {
                        if ownExport { lesionIds[resource.id ?? ""] = lesion.id }
                        if let relatedId { lesionPrimaryRefs[lesion.id] = relatedId }
                        record.lesions.append(lesion)
                    }
                    // …and its primary ("右肺腺癌伴多发骨转移"), added once every condition is read.
                    if !mapped.contains(where: \.ownExport), let text = FHIRRead.text(code), let site = Self.primaryNamed(inMetastasisText: text) {
                        primariesInMetastases.append((site, text, resource.id ?? "lesion", label))
                    }
                    // The metastasis's own text may name its event, as a Chinese problem list
                    // writes one diagnosis: "腰椎转移瘤伴病理性骨折" — the fracture was lost
                    // (unseen bundle ehr12). Placed as a problem-list event is, by its body site.
                    // Not our own export's: its events are resources of their own.
                    if let onset, !mapped.contains(where: \.ownExport) {
                        for kind in EventCodes.kinds(text: FHIRRead.text(code)) {
                            eventReadings.append((kind, onset, resource))
                            metastasisTextEvents.insert(resource.id ?? "")
                            notes.append(MappingNote(resource: label, message: "\(kind.rawValue) named in the metastasis's text — confirm"))
                        }
                    }
                case .primary(let site, let histology):
                    let primaryId = FHIRRead.itemId(r) ?? resource.id ?? "primary\(record.primaries.count + 1)"
                    primaryIdByResource[resource.id ?? ""] = primaryId
                    let text = FHIRRead.text(code)
                    var primary = PrimaryCancer(
                        id: primaryId, site: FHIRRead.extensionValue(r, "primary-site")?.string.flatMap(PrimarySite.init(rawValue:)) ?? site,
                        histology: [text, confirm].compactMap { $0 }.joined(separator: "; ").nilIfEmpty,
                        histologyType: histology ?? FHIRRead.histology(r),
                        diagnosed: FHIRRead.periodStart(r, "onset") ?? FHIRRead.date(r["recordedDate"]))
                    primary.codes = FHIRRead.sourceCodes(code)
                    Self.readPrimaryExtensions(r, into: &primary)
                    if let note = Self.readCastrationFromNote(r, into: &primary) { notes.append(MappingNote(resource: label, message: note)) }
                    if primary.diagnosed == nil, let age = r["onsetAge"]?["value"]?.decimalText {
                        // An onset given as an age is a year-long span: said, never turned into a guessed date.
                        notes.append(MappingNote(resource: label, message: "onset given as age \(age): enter the diagnosis date"))
                    }
                    record.primaries.append(primary)
                    primaryResourceIds.insert(resource.id ?? "")
                case .secondary:
                    // ICD-10 C77 is lymph nodes whatever the text says (or if there is none): kept
                    // as such, so that the prognosis scores do not count it as a viscus.
                    let nodes = FHIRRead.codings(code).contains { CancerCodes.isICD10($0.system) && $0.code.map { CancerCodes.icd10Key($0).hasPrefix("C77") } == true }
                    let text = FHIRRead.text(code)
                    let organ = nodes && !(text.map { VisceralMetastasis(organ: $0).isLymphNode } ?? false)
                        ? "lymph nodes" + (text.map { " (\($0))" } ?? "") : text ?? "metastasis"
                    visceral.append(VisceralMetastasis(organ: organ, date: FHIRRead.periodStart(r, "onset")))
                    // "乳腺癌肝转移": the primary it names, as for a bone metastasis.
                    if let text, !FHIRRead.has(code, FHIRExporter.readingSystem, "visceral-metastasis"), let site = Self.primaryNamed(inMetastasisText: text) {
                        primariesInMetastases.append((site, text, resource.id ?? "secondary", label))
                    }
                case .primaryAtBodySite, .secondaryAtBodySite:
                    break  // resolved by `classify`
                }
            case "Observation":
                let code = r["code"]
                let observed = FHIRRead.periodStart(r, "effective") ?? FHIRRead.date(r["issued"])
                // ER / PR / HER2 need no date: a receptor status is the tumour's, and the date only
                // orders two readings (an undated one counts as the earliest). Our own export of a
                // primary without a diagnosis date sent them undated, and the import dropped them —
                // a HER2-positive breast cancer came back with no receptors (cb83-j, 2026-12-05).
                let coded = FHIRRead.codings(code).compactMap({ $0.system == FHIRCodes.loinc ? $0.code.flatMap { receptors[$0] } : nil }).first
                if let receptor = coded ?? Self.receptorByName(r) {
                    // (mCODE tumour marker tests): onto the primary in `focus`, or the record's one
                    // breast primary; read once every Condition is mapped.
                    if let status = FHIRRead.receptorStatus(r, her2: receptor == "her2") {
                        receptorReadings.append((receptor, status, FHIRRead.referenceId(r["focus"]?.array.first), observed))
                        if coded == nil {
                            notes.append(MappingNote(resource: label, message: "\(receptor.uppercased()) read by its name \"\(FHIRRead.text(code) ?? "")\": \(status.rawValue) — map its code (--codes) to confirm"))
                        }
                    } else if coded == nil {
                        notes.append(MappingNote(resource: label, message: "\(receptor.uppercased()) by its name, its result not read — record it on the primary"))
                    }
                    continue
                }
                guard let date = observed else { continue }
                if FHIRRead.has(code, FHIRExporter.readingSystem, FHIRExporter.lesionReadingCode) {
                    readings.append(resource)
                    continue
                }
                let lesion = FHIRRead.referenceId(r["focus"]?.array.first).map { lesionIds[$0] ?? $0 }.flatMap { id in
                    record.lesions.contains { $0.id == id } ? id : nil
                }
                // Read by name only where no LOINC code says what it is (`usesObservation`).
                let loincCodes = FHIRRead.codings(code).compactMap { $0.system == FHIRCodes.loinc ? $0.code : nil }
                if FHIRRead.has(code, FHIRExporter.readingSystem, "neurology") {
                    if let status = Self.readingValue(r["valueCodeableConcept"]).flatMap(NeurologicalStatus.init(rawValue:)) {
                        record.neurology.append(NeurologyRecord(
                            date: date, status: status, frankel: Self.component(r, "frankel").flatMap(Tokuhashi.Frankel.init(rawValue:)), lesion: lesion))
                    }
                    continue
                }
                if FHIRRead.has(code, FHIRExporter.readingSystem, "pain"), !FHIRRead.has(code, FHIRCodes.loinc, "72514-3") {
                    record.pain.append(PainRecord(
                        date: date, lesion: lesion, mirels: Self.component(r, "mirels").flatMap(Mirels.Pain.init(rawValue:)),
                        sins: Self.component(r, "sins").flatMap(SINS.Pain.init(rawValue:))))
                    continue
                }
                if FHIRRead.has(code, FHIRCodes.loinc, "89247-1"), let value = FHIRRead.ecogGrade(r), (0...4).contains(value) {
                    record.performance.append(PerformanceStatus(date: date, ecog: value))
                } else if FHIRRead.has(code, FHIRCodes.loinc, "89243-0"), let value = FHIRRead.scoreValue(r), value == value.rounded(), (0...100).contains(value) {
                    record.performance.append(PerformanceStatus(date: date, kps: Int(value)))
                } else if FHIRRead.has(code, FHIRCodes.loinc, "97509-4") {
                    // mCODE cancer disease status. BoneMet's own (derived from imaging by the MDA
                    // criteria) is recomputed, never read back as a clinician's judgement.
                    if FHIRRead.codings(r["method"]).contains(where: { $0.system == FHIRExporter.methodSystem }) { continue }
                    guard let status = FHIRRead.codings(r["valueCodeableConcept"]).lazy.compactMap({ $0.system == FHIRCodes.snomed ? $0.code.flatMap(DiseaseStatus.init(snomed:)) : nil }).first else {
                        notes.append(MappingNote(resource: label, message: "disease status value not in the mCODE value set: not used"))
                        continue
                    }
                    let evidence = (r["extension"]?.array ?? []).filter { ($0["url"]?.string ?? "").hasSuffix("evidence-type") }
                        .compactMap { FHIRRead.text($0["valueCodeableConcept"]) }
                    diseaseStatusReadings.append((
                        DiseaseStatusRecord(date: date, status: status, evidence: evidence.isEmpty ? nil : evidence.joined(separator: ", ")),
                        FHIRRead.referenceId(r["focus"]?.array.first)))
                } else if FHIRRead.has(code, FHIRCodes.loinc, "72514-3"), let value = FHIRRead.scoreValue(r) {
                    Self.appendPain(r, value: value, date: date, lesion: lesion, label: label, record: &record, notes: &notes)
                } else if loincCodes.isEmpty, Self.namesPain(r) {
                    Self.appendPainByName(r, date: date, lesion: lesion, label: label, record: &record, notes: &notes)
                } else if loincCodes.isEmpty, Self.namesFrankel(r) {
                    guard let grade = Self.frankelByName(r) else {
                        notes.append(MappingNote(resource: label, message: "Frankel grade by its name, its value not read (A–E) — record the neurological status"))
                        continue
                    }
                    let at = lesion ?? FHIRRead.bodySiteLesion(Self.bodySiteAsList(r), lesions: record.lesions)
                    record.neurology.append(NeurologyRecord(date: date, status: grade == .E ? .intact : .myelopathy, frankel: grade, lesion: at))
                    notes.append(MappingNote(resource: label, message: "Frankel \(grade.rawValue) read by its name \"\(FHIRRead.text(code) ?? FHIRRead.codings(code).compactMap(\.display).first ?? "")\"\(grade == .E ? "" : " as a deficit (myelopathy)")\(at.map { " at \($0)" } ?? "") — map its code (--codes) and confirm with the examination"))
                } else if loincCodes.isEmpty, let grade = Self.asiaGrade(r) {
                    Self.readASIA(grade, r, date: date, lesion: lesion, label: label, record: &record, notes: &notes)
                } else if loincCodes.isEmpty, Self.namesMotorPower(r) {
                    Self.readMotorPower(r, date: date, lesion: lesion, label: label, record: &record, notes: &notes)
                } else if loincCodes.contains(where: Self.weightLOINC.contains) || (loincCodes.isEmpty && Self.weightByName(r)) {
                    // Body weight (Cockcroft–Gault needs it): FHIR's value set, or named in words.
                    if let kg = Self.bodyWeight(r, label: label, notes: &notes) { record.patient.weights.append(WeightRecord(date: date, kg: kg)) }
                } else if let (performance, scale) = Self.performanceByName(r, date: date) {
                    record.performance.append(performance)
                    notes.append(MappingNote(resource: label, message: "\(scale) read by its name \"\(FHIRRead.text(code) ?? "")\" — map its code (--codes) to confirm"))
                } else if let (test, byName) = Self.labTest(r, mappings: mappings) {
                    if let lab = Self.labResult(r, test: test, byName: byName, date: date, label: label, notes: &notes) { record.labs.append(lab) }
                } else if let note = Self.scoreComputedNote(r) {
                    notes.append(MappingNote(resource: label, message: note))
                }
            case "MedicationRequest", "MedicationAdministration", "MedicationStatement":
                if let treatment = medication(resource, primaries: primaryResourceIds, mappings: mappings) {
                    record.treatments.append(treatment)
                    // A cycle given (a completed order ending on its own day): `merge` reads a
                    // regimen of such cycles as acting until the next one is due.
                    if treatment.kind == .systemic, r["status"]?.string == "completed", treatment.end != nil, treatment.end == treatment.start {
                        cyclesGiven.insert(treatment.id)
                    }
                    if let note = Self.stoppedWithoutEnd(resource, treatment) { notes.append(MappingNote(resource: label, message: note)) }
                    if treatment.kind == .boneModifyingAgent, resource.resourceType == "MedicationRequest", let dose = treatment.doses.first {
                        notes.append(MappingNote(resource: label, message: "a completed order for one dose: read as the dose given on \(dose) — confirm"))
                    }
                    if treatment.kind == .boneModifyingAgent, dosing(r, isAdministration: resource.resourceType == "MedicationAdministration").fromText {
                        let dose = treatment.doseMg.map { $0 == $0.rounded() ? "\(Int($0)) mg" : "\($0) mg" } ?? "no dose"
                        let every = treatment.intervalWeeks.map { "every \($0) weeks" } ?? "no interval"
                        notes.append(MappingNote(resource: label, message: "dose and interval read from the dosage text: \(dose), \(every) — confirm"))
                    }
                    if DrugClasses.isSupportiveOnly(treatment), cancerReasonMissing(resource, primaries: primaryResourceIds, mappings: mappings) {
                        notes.append(MappingNote(resource: label, message: "dexamethasone kept as supportive care (a spinal cord compression's steroid; a myeloma's therapy) — confirm"))
                    } else if treatment.kind == .systemic, cancerReasonMissing(resource, primaries: primaryResourceIds, mappings: mappings) {
                        notes.append(MappingNote(resource: label, message: "cancer drug without a cancer reason on the order: read as cancer therapy by its class — confirm"))
                    }
                }
            case "Procedure" where FHIRRead.has(r["code"], FHIRExporter.readingSystem, "biopsy"):
                if let biopsy = Self.ownBiopsy(r, lesionIds: lesionIds, lesions: record.lesions) { record.biopsies.append(biopsy) }
            case "ClinicalImpression":
                if let decision = Self.ownDecision(r) { record.decisions.append(decision) }
            case "Procedure" where FHIRRead.has(r["code"], FHIRExporter.readingSystem, "dental-exam") || Self.isDentalExamination(r):
                if let date = FHIRRead.periodStart(r, "performed") {
                    record.dentalExams.append(date)
                    if !FHIRRead.has(r["code"], FHIRExporter.readingSystem, "dental-exam") {
                        notes.append(MappingNote(resource: label, message: "dental examination read by its name \"\(FHIRRead.text(r["code"]) ?? "")\" — confirm"))
                    }
                }
            case "Procedure":
                Self.mapProcedure(
                    resource, label: label, lesionIds: lesionIds, record: &record, notes: &notes,
                    unlinkedLocal: &unlinkedLocal, unnamedFixations: &unnamedFixations, biopsyProcedures: &biopsyProcedures)
            case "ServiceRequest":
                if let procedure = Self.plannedProcedure(from: resource) {
                    Self.mapProcedure(
                        procedure, label: label, lesionIds: lesionIds, record: &record, notes: &notes,
                        unlinkedLocal: &unlinkedLocal, unnamedFixations: &unnamedFixations, biopsyProcedures: &biopsyProcedures)
                    requestedPlans.append((resource.id ?? "", FHIRRead.date(r["authoredOn"]), label))
                }
            case "ImagingStudy":
                if let study = imagingStudy(resource) {
                    studyIds[resource.id ?? ""] = study.id
                    record.studies.append(study)
                }
            case "DiagnosticReport":
                if Self.reportText(r) != nil { reports.append(resource) }
            default:
                break
            }
        }
        Self.addPrimariesNamedInMetastases(primariesInMetastases, record: &record, notes: &notes)
        // Lesion readings onto their studies, in the order exported; one that no longer reads
        // (a lesion or study missing, a value out of range) is said in a note.
        for reading in readings {
            guard let found = Self.lesionReading(reading, lesionIds: lesionIds), let studyId = studyIds[found.study],
                let index = record.studies.firstIndex(where: { $0.id == studyId }),
                record.lesions.contains(where: { $0.id == found.observation.lesion })
            else {
                notes.append(MappingNote(resource: "Observation/\(reading.id ?? "?")", message: "lesion reading not used: its lesion, study or values do not read"))
                continue
            }
            record.studies[index].observations.append(found.observation)
        }
        // Report conclusions onto their studies: by the report's imagingStudy reference, else
        // the one study of the same modality date; otherwise said in a note, never guessed.
        for report in reports {
            let r = report.json
            guard let conclusion = Self.reportText(r) else { continue }
            // A pathology report is its lesion's biopsy (`pathologyBiopsy`), never a study's report.
            if Self.isPathologyReport(r) {
                let specimens = (r["specimen"]?.array ?? []).compactMap(FHIRRead.referenceId).compactMap { specimensById[$0] }
                let read = Self.pathologyBiopsy(r, conclusion: conclusion, lesions: record.lesions, specimens: specimens)
                if let lesion = read.newLesion { record.lesions.append(lesion) }
                if let biopsy = read.biopsy { record.biopsies.append(biopsy) }
                notes.append(MappingNote(resource: "DiagnosticReport/\(report.id ?? "?")", message: read.note))
                continue
            }
            let referenced = (r["imagingStudy"]?.array ?? []).compactMap(FHIRRead.referenceId).compactMap { studyIds[$0] }
            let date = FHIRRead.periodStart(r, "effective")
            let sameDay = date.map { day in record.studies.filter { $0.date == day }.map(\.id) } ?? []
            let targets = !referenced.isEmpty ? referenced : sameDay.count == 1 ? sameDay : []
            if targets.isEmpty, referenced.isEmpty, sameDay.isEmpty, let date,
                let study = Self.reportOnlyStudy(report, conclusion: conclusion, date: date),
                !record.studies.contains(where: { $0.id == study.id })
            {
                record.studies.append(study)
                notes.append(MappingNote(
                    resource: "DiagnosticReport/\(report.id ?? "?")",
                    message: "imaging report with no imaging study: recorded as the \(study.modality.rawValue) study \(study.id) of \(date) with its report — record its lesions' readings (the case page suggests them from the report)"))
                continue
            }
            guard !targets.isEmpty else {
                notes.append(MappingNote(
                    resource: "DiagnosticReport/\(report.id ?? "?")", message: "conclusion not attached: no imaging study referenced or on the same day"))
                continue
            }
            for index in record.studies.indices where targets.contains(record.studies[index].id) {
                let existing = record.studies[index].report
                record.studies[index].report = existing.map { $0 == conclusion ? $0 : $0 + "\n" + conclusion } ?? conclusion
            }
        }
        // A biopsy recorded as a procedure only: the biopsy of its lesion, awaiting its result, where
        // no pathology result of that lesion dated since is on record (`biopsiesAwaitingResults`).
        Self.biopsiesAwaitingResults(biopsyProcedures, record: &record, notes: &notes)
        if !visceral.isEmpty {
            record.visceralMetastases = visceral
        } else if (p["extension"]?.array ?? []).contains(where: { $0["url"]?.string == FHIRExporter.bonemet + "no-visceral-metastases" && $0["valueBoolean"]?.bool == true }) {
            record.visceralMetastases = []
        }
        if let plans = Self.ownPlans(p) { record.plans = plans }
        // Deficits as the neurological status of their onset, on the lesion their body site names.
        for deficit in deficitReadings.sorted(by: { ($0.date?.earliestDay ?? .min) < ($1.date?.earliestDay ?? .min) }) {
            let label = "Condition/\(deficit.resource.id ?? "?")"
            let what = deficit.status == .caudaEquina ? "cauda equina syndrome" : "myelopathy" + (deficit.frankel.map { " (Frankel \($0.rawValue))" } ?? "")
            guard let date = deficit.date else {
                notes.append(MappingNote(resource: label, message: "neurological deficit without an onset or recorded date: not used — record the examination"))
                continue
            }
            // A deficit since resolved is no current one: the examination that found it recovered is not on record.
            if FHIRRead.conditionResolved(deficit.resource.json) {
                notes.append(MappingNote(resource: label, message: "neurological deficit recorded resolved: not used — record the examination"))
                continue
            }
            let lesion = FHIRRead.bodySiteLesion(deficit.resource.json, lesions: record.lesions)
            record.neurology.append(NeurologyRecord(date: date, status: deficit.status, frankel: deficit.frankel, lesion: lesion))
            notes.append(MappingNote(resource: label, message: "read as \(what) on \(date)\(deficit.frankel == nil ? ", Frankel grade not stated" : "") — confirm with the neurological examination"))
        }
        // Events onto their lesion: our own export names it; else the one lesion of the coded
        // bone body site and side (hypercalcaemia has none).
        var placedEvents: [(event: ClinicalEvent, inMetastasisText: Bool)] = []
        for reading in eventReadings {
            let r = reading.resource.json
            let own = FHIRRead.extensionValue(r, "event-lesion")?.string.map { lesionIds[$0] ?? $0 }
            var lesion = own.flatMap { id in record.lesions.contains { $0.id == id } ? id : nil }
                ?? (reading.kind == .hypercalcaemia ? nil : FHIRRead.bodySiteLesion(r, lesions: record.lesions))
            if lesion == nil, reading.kind == .pathologicalFracture,
                let site = FHIRRead.codings(r["code"]).lazy.compactMap({ EventCodes.fractureSite(system: $0.system, code: $0.code) }).first
            {
                // The one lesion of the bone the code names, on that side or with no side on
                // record (a bone-metastasis Condition often gives the bone alone).
                let matches = record.lesions.filter { $0.bone == site.bone && (site.side == nil || $0.laterality == nil || $0.laterality == site.side) }
                if matches.count == 1, let match = matches.first {
                    lesion = match.id
                    notes.append(MappingNote(
                        resource: "Condition/\(reading.resource.id ?? "?")",
                        message: "pathological fracture linked to lesion \(match.id) by the bone its code names (\(site.side.map { "\($0.rawValue) " } ?? "")\(site.bone.rawValue))"))
                } else if matches.isEmpty, let placed = Self.placeNeoplasticFracture(reading.resource, site: site, date: reading.date, record: &record) {
                    lesion = placed.lesion
                    notes.append(MappingNote(resource: "Condition/\(reading.resource.id ?? "?")", message: placed.note))
                }
            }
            placedEvents.append((
                ClinicalEvent(date: reading.date, kind: reading.kind, lesion: lesion, resolved: FHIRRead.conditionResolved(r) ? true : nil),
                metastasisTextEvents.contains(reading.resource.id ?? "")))
        }
        // An event named in a metastasis's text beside the same event recorded on its own (a
        // fracture Condition of the same lesion) is that one, not a second skeletal-related event.
        record.events += placedEvents.filter { item in
            !item.inMetastasisText || !placedEvents.contains { !$0.inMetastasisText && $0.event.kind == item.event.kind && $0.event.lesion == item.event.lesion }
        }.map(\.event)
        record.events.sort { ($0.date.earliestDay, $0.kind.rawValue, $0.lesion ?? "") < ($1.date.earliestDay, $1.kind.rawValue, $1.lesion ?? "") }
        // A bone given a lesion by its fracture code: the operation and radiotherapy coded to that
        // bone now reach it.
        for (id, r) in unlinkedLocal {
            guard let index = record.treatments.firstIndex(where: { $0.id == id && $0.lesions.isEmpty }) else { continue }
            if let target = FHIRRead.bodySiteLesion(r, lesions: record.lesions) {
                record.treatments[index].lesions = [target]
            } else if record.treatments[index].kind == .radiotherapy, let placed = Self.placeRadiotherapySite(r, treatment: record.treatments[index], record: &record) {
                record.treatments[index].lesions = [placed.lesion]
                notes.append(MappingNote(resource: "Procedure/\(r["id"]?.string ?? id)", message: placed.note))
            } else if record.treatments[index].kind == .radiotherapy, FHIRRead.textBodySite(r) != nil {
                notes.append(MappingNote(
                    resource: "Procedure/\(r["id"]?.string ?? id)",
                    message: "radiotherapy to a bone site no lesion matches (a vertebra without its level, or two lesions of the bone): linked to no lesion — confirm its site"))
            }
        }
        Self.dropDonePlans(requestedPlans, record: &record, notes: &notes)
        // A fixation whose name says neither "prophylactic" nor "fracture": one done on or after a
        // pathological fracture of its lesion, still current, fixed that fracture (an
        // "intramedullary nailing of femur" three days after the femur's M84.551A read as an
        // operation of unknown kind); any other fixed a bone that had not broken.
        for (id, label) in unnamedFixations {
            guard let index = record.treatments.firstIndex(where: { $0.id == id }) else { continue }
            if let fracture = SurgicalProcedureText.fixedFracture(record.treatments[index], events: record.events), let lesion = fracture.lesion {
                record.treatments[index].procedure = .fractureFixation
                notes.append(MappingNote(resource: label, message: "fixation after the pathological fracture of lesion \(lesion) recorded on \(fracture.date): read as fracture fixation"))
            } else {
                // With no fracture of its lesion before it, the bone it fixed had not broken: a
                // prophylactic fixation (as the assessment reads a name of no stated kind).
                record.treatments[index].procedure = .prophylacticFixation
                notes.append(MappingNote(resource: label, message: "fixation without \"prophylactic\" or \"fracture\", and no pathological fracture of its lesion before it: read as prophylactic fixation"))
            }
        }
        // Receptors, latest reading last, onto the primary they concern.
        for reading in receptorReadings.sorted(by: { ($0.date?.earliestDay ?? Int.min) < ($1.date?.earliestDay ?? Int.min) }) {
            let breast = record.primaries.indices.filter { record.primaries[$0].site == .breast }
            let target = reading.focus.flatMap { focus in record.primaries.firstIndex { $0.id == (primaryIdByResource[focus] ?? focus) } }
                ?? (breast.count == 1 ? breast.first : nil)
            guard let index = target else { continue }
            switch reading.receptor {
            case "er": record.primaries[index].er = reading.status
            case "pr": record.primaries[index].pr = reading.status
            default: record.primaries[index].her2 = reading.status
            }
        }
        Self.mergeSamePrimaries(&record, primaryIdByResource: &primaryIdByResource, notes: &notes)
        // Disease statuses, onto the primary in `focus` when it is one of the record's.
        record.diseaseStatus = diseaseStatusReadings.map { reading in
            var status = reading.record
            if let focus = reading.focus, let primary = primaryIdByResource[focus] { status.primary = primary }
            return status
        }.sorted { ($0.date.earliestDay, $0.status.rawValue) < ($1.date.earliestDay, $1.status.rawValue) }
        // A lesion's primary from its condition-related reference (mCODE secondary cancer
        // condition), when that names a primary of this record.
        for index in record.lesions.indices {
            if let ref = lesionPrimaryRefs[record.lesions[index].id], let primary = primaryIdByResource[ref] {
                record.lesions[index].primary = primary
            }
        }
        // Within the limits typed input has (a lab of 1e300, a dose of −5 mg are left out with a
        // note): what is stored from an EHR reads back like any case.
        let fitted = CaseLimits.fit(merge(record, gapDays: regimenGapDays, cyclesGiven: cyclesGiven))
        let readable = CaseFile.readable(fitted.record)
        return (readable.record, notes + (fitted.dropped + readable.dropped).map { MappingNote(resource: "Patient/\(patient.id ?? "?")", message: $0) })
    }
}
