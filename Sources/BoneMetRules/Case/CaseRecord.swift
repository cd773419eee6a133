/// Everything the rules know of one patient: the case record of issue #3.
/// Read and validated by BoneMetDomain (`CaseFile`), stored by BoneMetStorage, assessed here.
public struct CaseRecord: Sendable, Hashable, Encodable {
    public static let schemaVersion = 1

    public var schemaVersion: Int = CaseRecord.schemaVersion
    public var patient: Patient
    public var primaries: [PrimaryCancer]
    public var lesions: [Lesion]
    public var studies: [ImagingStudy]
    public var treatments: [Treatment]
    public var labs: [LabResult]
    public var performance: [PerformanceStatus]
    public var pain: [PainRecord]
    public var neurology: [NeurologyRecord]
    public var biopsies: [Biopsy]
    public var events: [ClinicalEvent]
    /// Metastases outside bone; nil when not assessed (an empty list means assessed: none).
    public var visceralMetastases: [VisceralMetastasis]?
    public var dentalExams: [PartialDate]
    public var decisions: [MDTDecision]
    public var plans: CarePlans
    /// Disease status as clinicians recorded it in the EHR (shown, not judged).
    public var diseaseStatus: [DiseaseStatusRecord] = []

    public init(
        patient: Patient, primaries: [PrimaryCancer] = [], lesions: [Lesion] = [], studies: [ImagingStudy] = [],
        treatments: [Treatment] = [], labs: [LabResult] = [], performance: [PerformanceStatus] = [],
        pain: [PainRecord] = [], neurology: [NeurologyRecord] = [], biopsies: [Biopsy] = [],
        events: [ClinicalEvent] = [], visceralMetastases: [VisceralMetastasis]? = nil, dentalExams: [PartialDate] = [],
        decisions: [MDTDecision] = [], plans: CarePlans = CarePlans()
    ) {
        self.patient = patient
        self.primaries = primaries
        self.lesions = lesions
        self.studies = studies
        self.treatments = treatments
        self.labs = labs
        self.performance = performance
        self.pain = pain
        self.neurology = neurology
        self.biopsies = biopsies
        self.events = events
        self.visceralMetastases = visceralMetastases
        self.dentalExams = dentalExams
        self.decisions = decisions
        self.plans = plans
    }
}

public struct Patient: Sendable, Hashable, Encodable {
    /// A pseudonymous id: never a name or a hospital number.
    public var id: String
    public var sex: CockcroftGault.Sex?
    public var birthDate: PartialDate?
    /// Demo and teaching cases are marked so everywhere they are shown.
    public var fictional: Bool
    public var weights: [WeightRecord]
    /// The record says the patient has died (FHIR `Patient.deceasedBoolean`); nil when it says
    /// nothing. Written only when stated, so the files of living patients do not change.
    public var deceased: Bool?
    /// The date of death (FHIR `Patient.deceasedDateTime`); implies `deceased`.
    public var deathDate: PartialDate?

    public init(
        id: String, sex: CockcroftGault.Sex? = nil, birthDate: PartialDate? = nil, fictional: Bool = false, weights: [WeightRecord] = [],
        deceased: Bool? = nil, deathDate: PartialDate? = nil
    ) {
        self.id = id
        self.sex = sex
        self.birthDate = birthDate
        self.fictional = fictional
        self.weights = weights
        self.deceased = deceased
        self.deathDate = deathDate
    }

    /// Whether the patient had died by `date`: a recorded death without a date counts on any
    /// date; a dated one from its earliest day (a death "2025-05" counts from 1 May, so no
    /// action is proposed in the month it happened).
    public func hasDied(by date: PartialDate) -> Bool {
        if let deathDate { return deathDate.earliestDay <= date.latestDay }
        return deceased == true
    }
}

public struct WeightRecord: Sendable, Hashable, Encodable {
    public var date: PartialDate
    public var kg: Double

    public init(date: PartialDate, kg: Double) {
        self.date = date
        self.kg = kg
    }
}
