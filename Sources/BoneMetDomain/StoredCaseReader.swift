import BoneMetRules

/// Reads a case file BoneMet wrote itself (`CaseFile.write`: members in key order, no nulls)
/// straight from its bytes into the record (issue #12: "a stored case decodes an order of
/// magnitude faster than today; the strict reader is for input"). Every stored case is read
/// this way on each re-assessment and case page.
///
/// It accepts exactly what `CaseSections` accepts — the same keys, types, value sets, ranges,
/// required fields and `CaseConsistency` checks — and gives up (nil) on anything it does not
/// expect, whereupon `CaseFile.readStored` reads the text strictly; so a record that no longer
/// reads is reported as before, and a key added to the format but not here costs speed, never
/// correctness. `StoredCaseReaderTests` hold it to the strict reader: the same record from
/// every generated and example case, and no record from thousands of broken ones the strict
/// reader refuses.
enum StoredCaseReader {
    typealias Miss = JSONCursor.Miss
    typealias Limits = CaseSections.Limits

    static func read(_ text: String) -> CaseRecord? {
        guard let record = JSONCursor.read(text, { (c: inout JSONCursor) throws(Miss) in try Self.record(&c) }) else { return nil }
        let log = ValidationLog()
        CaseConsistency.check(record, log: log)
        return log.errors.isEmpty ? record : nil
    }

    static func record(_ c: inout JSONCursor) throws(Miss) -> CaseRecord {
        var patient: Patient?
        var record = CaseRecord(patient: Patient(id: ""))
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "biopsies" { record.biopsies = try c.list(biopsy) }
            else if key == "decisions" { record.decisions = try c.list(decision) }
            else if key == "dentalExams" { record.dentalExams = try c.dates() }
            else if key == "diseaseStatus" { record.diseaseStatus = try c.list(diseaseStatus) }
            else if key == "events" { record.events = try c.list(event) }
            else if key == "labs" { record.labs = try c.list(lab) }
            else if key == "lesions" { record.lesions = try c.list(lesion) }
            else if key == "neurology" { record.neurology = try c.list(neurology) }
            else if key == "pain" { record.pain = try c.list(pain) }
            else if key == "patient" { patient = try Self.patient(&c) }
            else if key == "performance" { record.performance = try c.list(performance) }
            else if key == "plans" { record.plans = try plans(&c) }
            else if key == "primaries" { record.primaries = try c.list(primary) }
            else if key == "schemaVersion" {
                _ = try c.whole(in: CaseRecord.schemaVersion...CaseRecord.schemaVersion)
            }
            else if key == "studies" { record.studies = try c.list(study) }
            else if key == "treatments" { record.treatments = try c.list(treatment) }
            else if key == "visceralMetastases" { record.visceralMetastases = try c.list(visceral) }
            else { throw Miss() }
        }
        guard let patient else { throw Miss() }
        record.patient = patient
        return record
    }

    static func patient(_ c: inout JSONCursor) throws(Miss) -> Patient {
        var id: String?
        var patient = Patient(id: "")
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "birthDate" { patient.birthDate = try c.date() }
            else if key == "fictional" { patient.fictional = try c.bool() }
            else if key == "deceased" { patient.deceased = try c.bool() }
            else if key == "deathDate" { patient.deathDate = try c.date() }
            else if key == "id" { id = try c.text() }
            else if key == "sex" { patient.sex = try c.code() }
            else if key == "weights" {
                patient.weights = try c.list { (c: inout JSONCursor) throws(Miss) in
                    var (date, kg): (PartialDate?, Double?)
                    var members = try c.beginObject()
                    while let key = try c.nextKey(&members) {
                        if key == "date" { date = try c.date() }
                        else if key == "kg" { kg = try c.decimal(in: Limits.weightKg) }
                        else { throw Miss() }
                    }
                    guard let date, let kg else { throw Miss() }
                    return WeightRecord(date: date, kg: kg)
                }
            }
            else { throw Miss() }
        }
        // What the strict reader refuses (CaseSections.patient): a death date beside "not deceased".
        guard let id, !(patient.deceased == false && patient.deathDate != nil) else { throw Miss() }
        patient.id = id
        return patient
    }

    static func primary(_ c: inout JSONCursor) throws(Miss) -> PrimaryCancer {
        var (id, site): (String?, PrimarySite?)
        var primary = PrimaryCancer(id: "", site: .unknown)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "castrationResistant" { primary.castrationResistant = try c.bool() }
            else if key == "codes" { primary.codes = try c.strings() }
            else if key == "diagnosed" { primary.diagnosed = try c.date() }
            else if key == "er" { primary.er = try c.code() }
            else if key == "her2" { primary.her2 = try c.code() }
            else if key == "histology" { primary.histology = try c.text() }
            else if key == "histologyType" { primary.histologyType = try c.code() }
            else if key == "hormoneDependent" { primary.hormoneDependent = try c.bool() }
            else if key == "id" { id = try c.text() }
            else if key == "pr" { primary.pr = try c.code() }
            else if key == "site" { site = try c.code() }
            else if key == "targetedTherapy" { primary.targetedTherapy = try c.bool() }
            else { throw Miss() }
        }
        guard let id, let site else { throw Miss() }
        (primary.id, primary.site) = (id, site)
        return primary
    }

    static func lesion(_ c: inout JSONCursor) throws(Miss) -> Lesion {
        var (id, bone): (String?, Bone?)
        var lesion = Lesion(id: "", bone: .other)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "bone" { bone = try c.code() }
            else if key == "codes" { lesion.codes = try c.strings() }
            else if key == "diagnosed" { lesion.diagnosed = try c.date() }
            else if key == "id" { id = try c.text() }
            else if key == "laterality" { lesion.laterality = try c.code() }
            else if key == "level" {
                guard let level = VertebralLevel(try c.string()) else { throw Miss() }
                lesion.level = level
            }
            else if key == "note" { lesion.note = try c.text() }
            else if key == "primary" { lesion.primary = try c.text() }
            else if key == "segment" { lesion.segment = try c.code() }
            else { throw Miss() }
        }
        guard let id, let bone else { throw Miss() }
        (lesion.id, lesion.bone) = (id, bone)
        return lesion
    }

    static func study(_ c: inout JSONCursor) throws(Miss) -> ImagingStudy {
        var (id, date, modality): (String?, PartialDate?, Modality?)
        var study = ImagingStudy(id: "", date: PartialDate(dayNumber: 0), modality: .xray)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "contrast" { study.contrast = try c.bool() }
            else if key == "coverage" { study.coverage = try c.codes() }
            else if key == "date" { date = try c.date() }
            else if key == "dicomModality" { study.dicomModality = try c.text() }
            else if key == "id" { id = try c.text() }
            else if key == "modality" { modality = try c.code() }
            else if key == "observations" { study.observations = try c.list(observation) }
            else if key == "region" { study.region = try c.text() }
            else if key == "report" { study.report = try c.text() }
            else if key == "studyInstanceUid" { study.studyInstanceUid = try c.text() }
            else if key == "unnamedNewLesions" { study.unnamedNewLesions = try c.whole(in: Limits.unnamedNewLesions) }
            else if key == "windows" { study.windows = try c.codes() }
            else { throw Miss() }
        }
        guard let id, let date, let modality else { throw Miss() }
        (study.id, study.date, study.modality) = (id, date, modality)
        return study
    }

    static func observation(_ c: inout JSONCursor) throws(Miss) -> LesionObservation {
        var lesion: String?
        var o = LesionObservation(lesion: "")
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "alignment" { o.alignment = try c.code() }
            else if key == "boneDestruction" { o.boneDestruction = try c.bool() }
            else if key == "character" { o.character = try c.code() }
            else if key == "collapse" { o.collapse = try c.code() }
            else if key == "diametersMm" {
                let diameters = try c.list { (c: inout JSONCursor) throws(Miss) in
                    let number = try c.number()
                    guard Limits.diameter(number) else { throw Miss() }
                    return number
                }
                guard Limits.diameterCount.contains(diameters.count) else { throw Miss() }
                o.diametersMm = diameters
            }
            else if key == "eccentric" { o.eccentric = try c.bool() }
            else if key == "epiphyseal" { o.epiphyseal = try c.bool() }
            else if key == "escc" { o.escc = try c.code() }
            else if key == "fillIn" { o.fillIn = try c.code() }
            else if key == "fractionOfDiameter" { o.fractionOfDiameter = try c.decimal(in: Limits.fractionOfDiameter) }
            else if key == "fracture" { o.fracture = try c.bool() }
            else if key == "jointSpaceNarrowing" { o.jointSpaceNarrowing = try c.bool() }
            else if key == "lesion" { lesion = try c.text() }
            else if key == "mirelsSize" { o.mirelsSize = try c.code() }
            else if key == "normalSignal" { o.normalSignal = try c.bool() }
            else if key == "osteophytes" { o.osteophytes = try c.bool() }
            else if key == "posterolateral" { o.posterolateral = try c.code() }
            else if key == "present" { o.present = try c.bool() }
            else if key == "scleroticRim" { o.scleroticRim = try c.bool() }
            else if key == "softTissueMm" { o.softTissueMm = try c.decimal(in: Limits.softTissueMm) }
            else if key == "subchondralCysts" { o.subchondralCysts = try c.bool() }
            else if key == "uptake" { o.uptake = try c.bool() }
            else if key == "uptakeChangePercent" { o.uptakeChangePercent = try c.decimal(in: Limits.uptakeChangePercent) }
            else { throw Miss() }
        }
        guard let lesion else { throw Miss() }
        o.lesion = lesion
        return o
    }

    static func treatment(_ c: inout JSONCursor) throws(Miss) -> Treatment {
        var (id, kind): (String?, TreatmentKind?)
        var t = Treatment(id: "", kind: .systemic)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "agent" { t.agent = try c.code() }
            else if key == "codes" { t.codes = try c.strings() }
            else if key == "doseGy" { t.doseGy = try c.decimal(in: Limits.doseGy) }
            else if key == "doseMg" { t.doseMg = try c.decimal(in: Limits.doseMg) }
            else if key == "doses" { t.doses = try c.dates() }
            else if key == "drugs" { t.drugs = try c.strings() }
            else if key == "end" { t.end = try c.date() }
            else if key == "fractions" { t.fractions = try c.whole(in: Limits.fractions) }
            else if key == "id" { id = try c.text() }
            else if key == "intervalWeeks" { t.intervalWeeks = try c.whole(in: Limits.intervalWeeks) }
            else if key == "kind" { kind = try c.code() }
            else if key == "lesions" { t.lesions = try c.strings() }
            else if key == "name" { t.name = try c.text() }
            else if key == "planned" { t.planned = try c.bool() }
            else if key == "procedure" { t.procedure = try c.code() }
            else if key == "start" { t.start = try c.date() }
            else if key == "stopReason" { t.stopReason = try c.code() }
            else if key == "systemicClass" { t.systemicClass = try c.code() }
            else { throw Miss() }
        }
        // As `CaseSections.treatment`: a bone-modifying agent names its agent; a course that
        // is not planned has a start.
        guard let id, let kind, kind != .boneModifyingAgent || t.agent != nil, t.planned || t.start != nil else { throw Miss() }
        (t.id, t.kind) = (id, kind)
        return t
    }

    static func lab(_ c: inout JSONCursor) throws(Miss) -> LabResult {
        var (date, test, value, unit, upper, lower): (PartialDate?, LabTest?, Double?, String?, Double?, Double?)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "date" { date = try c.date() }
            else if key == "lowerLimit" { lower = try c.decimal(in: Limits.labValue) }
            else if key == "test" { test = try c.code() }
            else if key == "unit" { unit = try c.text() }
            else if key == "upperLimit" { upper = try c.decimal(in: Limits.labValue) }
            else if key == "value" { value = try c.decimal(in: Limits.labValue) }
            else { throw Miss() }
        }
        guard let date, let test, let value else { throw Miss() }
        guard unit != nil || !CaseSections.unitRequired(test) else { throw Miss() }
        guard let given = CaseSections.unit(of: test, given: unit, value: value), CaseSections.unitKnown(given, for: test) else { throw Miss() }
        return LabResult(date: date, test: test, value: value, unit: given, upperLimit: upper, lowerLimit: lower)
    }

    static func performance(_ c: inout JSONCursor) throws(Miss) -> PerformanceStatus {
        var (date, ecog, kps): (PartialDate?, Int?, Int?)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "date" { date = try c.date() }
            else if key == "ecog" { ecog = try c.whole(in: Limits.ecog) }
            else if key == "kps" { kps = try c.whole(in: Limits.kps) }
            else { throw Miss() }
        }
        guard let date else { throw Miss() }
        return PerformanceStatus(date: date, ecog: ecog, kps: kps)
    }

    static func pain(_ c: inout JSONCursor) throws(Miss) -> PainRecord {
        var (date, lesion, mirels, sins, nrs): (PartialDate?, String?, Mirels.Pain?, SINS.Pain?, Int?)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "date" { date = try c.date() }
            else if key == "lesion" { lesion = try c.text() }
            else if key == "mirels" { mirels = try c.code() }
            else if key == "nrs" { nrs = try c.whole(in: Limits.nrs) }
            else if key == "sins" { sins = try c.code() }
            else { throw Miss() }
        }
        guard let date else { throw Miss() }
        return PainRecord(date: date, lesion: lesion, mirels: mirels, sins: sins, nrs: nrs)
    }

    static func neurology(_ c: inout JSONCursor) throws(Miss) -> NeurologyRecord {
        var (date, status, frankel, lesion): (PartialDate?, NeurologicalStatus?, Tokuhashi.Frankel?, String?)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "date" { date = try c.date() }
            else if key == "frankel" { frankel = try c.code() }
            else if key == "lesion" { lesion = try c.text() }
            else if key == "status" { status = try c.code() }
            else { throw Miss() }
        }
        guard let date, let status else { throw Miss() }
        return NeurologyRecord(date: date, status: status, frankel: frankel, lesion: lesion)
    }

    static func biopsy(_ c: inout JSONCursor) throws(Miss) -> Biopsy {
        var date: PartialDate?
        var biopsy = Biopsy(date: PartialDate(dayNumber: 0))
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "date" { date = try c.date() }
            else if key == "decalcification" { biopsy.decalcification = try c.code() }
            else if key == "histology" { biopsy.histology = try c.text() }
            else if key == "lesion" { biopsy.lesion = try c.text() }
            else if key == "molecularTests" { biopsy.molecularTests = try c.strings() }
            else if key == "result" { biopsy.result = try c.code() }
            else { throw Miss() }
        }
        guard let date else { throw Miss() }
        biopsy.date = date
        return biopsy
    }

    static func event(_ c: inout JSONCursor) throws(Miss) -> ClinicalEvent {
        var (date, kind, lesion, resolved): (PartialDate?, EventKind?, String?, Bool?)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "date" { date = try c.date() }
            else if key == "kind" { kind = try c.code() }
            else if key == "lesion" { lesion = try c.text() }
            else if key == "resolved" { resolved = try c.bool() }
            else { throw Miss() }
        }
        guard let date, let kind else { throw Miss() }
        return ClinicalEvent(date: date, kind: kind, lesion: lesion, resolved: resolved)
    }

    static func visceral(_ c: inout JSONCursor) throws(Miss) -> VisceralMetastasis {
        var organ: String?
        var visceral = VisceralMetastasis(organ: "")
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "date" { visceral.date = try c.date() }
            else if key == "organ" { organ = try c.text() }
            else if key == "pattern" { visceral.pattern = try c.code() }
            else if key == "removable" { visceral.removable = try c.bool() }
            else if key == "treatable" { visceral.treatable = try c.bool() }
            else { throw Miss() }
        }
        guard let organ else { throw Miss() }
        visceral.organ = organ
        return visceral
    }

    static func decision(_ c: inout JSONCursor) throws(Miss) -> MDTDecision {
        var (date, text, specialty): (PartialDate?, String?, Specialty?)
        var followUp: [String] = []
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "date" { date = try c.date() }
            else if key == "decision" { text = try c.text() }
            else if key == "followUp" { followUp = try c.strings() }
            else if key == "specialty" { specialty = try c.code() }
            else { throw Miss() }
        }
        guard let date, let text else { throw Miss() }
        return MDTDecision(date: date, decision: text, specialty: specialty, followUp: followUp)
    }

    static func plans(_ c: inout JSONCursor) throws(Miss) -> CarePlans {
        var plans = CarePlans()
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "molecularTestsWanted" { plans.molecularTestsWanted = try c.bool() }
            else if key == "transfer" { plans.transfer = try c.date() }
            else if key == "trialEnrolment" { plans.trialEnrolment = try c.date() }
            else { throw Miss() }
        }
        return plans
    }

    static func diseaseStatus(_ c: inout JSONCursor) throws(Miss) -> DiseaseStatusRecord {
        var (date, status, evidence, primary): (PartialDate?, DiseaseStatus?, String?, String?)
        var members = try c.beginObject()
        while let key = try c.nextKey(&members) {
            if key == "date" { date = try c.date() }
            else if key == "evidence" { evidence = try c.text() }
            else if key == "primary" { primary = try c.text() }
            else if key == "status" { status = try c.code() }
            else { throw Miss() }
        }
        guard let date, let status else { throw Miss() }
        return DiseaseStatusRecord(date: date, status: status, evidence: evidence, primary: primary)
    }
}

/// The values of a case file as `FieldReader` accepts them.
extension JSONCursor {
    /// A text field: not blank (`FieldReader.string`).
    mutating func text() throws(Miss) -> String {
        let text = try string()
        if FieldReader.blank(text) { throw Miss() }
        return text
    }

    /// A value of a closed set (`FieldReader.value`).
    mutating func code<E: ValueEnum>(_ type: E.Type = E.self) throws(Miss) -> E {
        guard let value = E(rawValue: try string()) else { throw Miss() }
        return value
    }

    mutating func date() throws(Miss) -> PartialDate {
        guard let date = PartialDate(try string()) else { throw Miss() }
        return date
    }

    /// A whole number in range (`InputReader.int`).
    mutating func whole(in range: ClosedRange<Int>) throws(Miss) -> Int {
        let number = try self.number()
        guard number == number.rounded(), number.magnitude < 1e15, range.contains(Int(number)) else { throw Miss() }
        return Int(number)
    }

    /// A number in range (`InputReader.double`).
    mutating func decimal(in range: ClosedRange<Double>) throws(Miss) -> Double {
        let number = try self.number()
        guard range.contains(number) else { throw Miss() }
        return number
    }

    mutating func list<T>(_ element: (inout JSONCursor) throws(Miss) -> T) throws(Miss) -> [T] {
        var items: [T] = []
        var elements = try beginArray()
        while try nextElement(&elements) { items.append(try element(&self)) }
        return items
    }

    /// A list of texts (`FieldReader.strings`: blank ones allowed).
    mutating func strings() throws(Miss) -> [String] {
        try list { (c: inout JSONCursor) throws(Miss) in try c.string() }
    }

    /// A list of dates (`FieldReader.dates`).
    mutating func dates() throws(Miss) -> [PartialDate] {
        try list { (c: inout JSONCursor) throws(Miss) in try c.date() }
    }

    /// A list of values of a closed set (`FieldReader.values`).
    mutating func codes<E: ValueEnum>(_ type: E.Type = E.self) throws(Miss) -> [E] {
        try list { (c: inout JSONCursor) throws(Miss) in try c.code(E.self) }
    }
}
