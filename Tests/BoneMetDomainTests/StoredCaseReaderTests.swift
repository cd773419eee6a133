@testable import BoneMetDomain
import BoneMetRules
import BoneMetTestSupport
import Foundation
import Testing

/// Issue #12: stored case files are read by `StoredCaseReader`, straight from their bytes. It
/// must give exactly the strict reader's record for everything BoneMet writes, and never a
/// record for a text the strict reader refuses (it gives up instead, and the strict reader
/// reports the problems).
@Suite struct StoredCaseReaderTests {
    /// Every example case, generated cases of every size, and one that fills every field of
    /// the format.
    static var corpus: [CaseRecord] {
        get throws {
            var records = try ExampleFiles.names.map { try ExampleFiles.record($0) }
            records += [CaseRecord(patient: Patient(id: "empty")), try everyField()]
            for seed in 1...40 {
                records.append(SyntheticCase.make(lesions: 1 + seed % 7, studies: 1 + seed % 9, treatments: seed % 6, seed: UInt64(seed)))
            }
            return records
        }
    }

    /// A record with every field of the case format set (its values consistent, so the strict
    /// reader accepts it).
    static func everyField() throws -> CaseRecord {
        let day = { (text: String) throws -> PartialDate in try #require(PartialDate(text)) }
        var record = CaseRecord(patient: Patient(
            id: "all-fields", sex: .male, birthDate: try day("1950-03"), fictional: true,
            weights: [WeightRecord(date: try day("2024-01-02"), kg: 71.5)]))
        var primary = PrimaryCancer(
            id: "P1", site: .breast, histology: "ductal", histologyType: .ductalCarcinoma, er: .positive, pr: .negative, her2: .negative,
            diagnosed: try day("2019-06"), hormoneDependent: true, targetedTherapy: false, castrationResistant: false)
        primary.codes = ["http://snomed.info/sct|254837009"]
        var femur = Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left, note: "lytic", primary: "P1")
        femur.codes = ["http://snomed.info/sct|94222008"]
        femur.diagnosed = try day("2023-01-05")
        let spine = Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("T10"))
        record.primaries = [primary]
        record.lesions = [femur, spine]
        var long = LesionObservation(lesion: "L1")
        long.character = .lytic
        long.diametersMm = [31, 22.5]
        long.softTissueMm = 4
        long.boneDestruction = true
        long.scleroticRim = false
        long.fillIn = .partial
        long.fractionOfDiameter = 0.5
        long.mirelsSize = .oneThirdToTwoThirds
        long.fracture = false
        long.jointSpaceNarrowing = false
        long.osteophytes = false
        long.subchondralCysts = false
        long.epiphyseal = false
        long.eccentric = true
        var vertebral = LesionObservation(lesion: "L2", present: true)
        vertebral.collapse = SINS.Collapse.none
        vertebral.alignment = .normal
        vertebral.posterolateral = SINS.Posterolateral.none
        vertebral.escc = .g1a
        var ct = ImagingStudy(
            id: "S1", date: try day("2024-01-02"), modality: .ct, windows: [.bone], contrast: false, studyInstanceUid: "1.2.3",
            region: "pelvis", coverage: [.pelvis], report: "Lytic lesion,\n\"left\" femur 1/3.", observations: [long, vertebral],
            unnamedNewLesions: 0)
        ct.dicomModality = "CT"
        var mri = ImagingStudy(id: "S2", date: try day("2024-01-03"), modality: .mri, observations: [LesionObservation(lesion: "L2")])
        mri.observations[0].normalSignal = false
        var scan = LesionObservation(lesion: "L1")
        scan.uptake = true
        scan.uptakeChangePercent = -20
        record.studies = [ct, mri, ImagingStudy(id: "S3", date: try day("2024-01-04"), modality: .boneScan, observations: [scan])]
        var agent = Treatment(
            id: "T1", kind: .boneModifyingAgent, name: "Xgeva", start: try day("2024-01-10"), agent: .denosumab, doseMg: 120,
            intervalWeeks: 4, doses: [try day("2024-01-10")])
        agent.codes = ["http://www.nlm.nih.gov/research/umls/rxnorm|993449"]
        let systemic = Treatment(
            id: "T2", kind: .systemic, drugs: ["letrozole"], systemicClass: .endocrine, start: try day("2023-02-01"), end: try day("2023-12-01"),
            stopReason: .progression)
        let radiotherapy = Treatment(id: "T3", kind: .radiotherapy, lesions: ["L2"], start: try day("2024-02-01"), doseGy: 8, fractions: 1)
        let surgery = Treatment(id: "T4", kind: .surgery, lesions: ["L1"], planned: true, procedure: .prophylacticFixation)
        record.treatments = [agent, systemic, radiotherapy, surgery]
        record.labs = [
            LabResult(date: try day("2024-01-02"), test: .creatinine, value: 80, unit: "µmol/L", upperLimit: 97, lowerLimit: 45),
            LabResult(date: try day("2024-01-02"), test: .calcium, value: 2.4, unit: "mmol/L"),
        ]
        record.performance = [PerformanceStatus(date: try day("2024-01-02"), ecog: 1, kps: 80)]
        record.pain = [PainRecord(date: try day("2024-01-02"), lesion: "L1", mirels: .moderate, sins: .mechanical, nrs: 6)]
        record.neurology = [NeurologyRecord(date: try day("2024-01-02"), status: .intact, frankel: .E, lesion: "L2")]
        record.biopsies = [Biopsy(
            lesion: "L1", date: try day("2023-01-10"), decalcification: .edta, result: .metastasis, histology: "breast", molecularTests: ["ER"])]
        record.events = [ClinicalEvent(date: try day("2024-03-01"), kind: .pathologicalFracture, lesion: "L1", resolved: true)]
        record.visceralMetastases = [VisceralMetastasis(organ: "liver", date: try day("2024-01-02"), removable: false, treatable: true, pattern: .nodular)]
        record.dentalExams = [try day("2023-12-20")]
        record.decisions = [MDTDecision(date: try day("2024-01-05"), decision: "fix the femur 固定股骨 \\ \u{1F} 😀", specialty: .orthopaedics, followUp: ["CT in 3 months"])]
        record.plans = CarePlans(molecularTestsWanted: true, transfer: try day("2024-04-01"), trialEnrolment: try day("2024-05-01"))
        record.diseaseStatus = [DiseaseStatusRecord(date: try day("2024-01-05"), status: .worsened, evidence: "imaging", primary: "P1")]
        record.patient.deceased = true
        record.patient.deathDate = try day("2024-06")
        return record
    }

    @Test func everyStoredRecordReadsAsTheStrictReaderReadsIt() throws {
        for record in try Self.corpus {
            let text = CaseFile.write(record)
            let strict = try CaseFile.read(text)
            let fast = StoredCaseReader.read(text)
            #expect(fast != nil, "the stored reader gave up on \(record.patient.id)")
            #expect(fast == strict, "\(record.patient.id)")
            #expect(try CaseFile.readStored(text) == strict)
        }
    }

    /// Every key of the format is in the corpus, so the test above reads every field.
    @Test func theCorpusHasEveryFieldOfTheFormat() throws {
        var seen: Set<String> = []
        func walk(_ value: JSONValue) {
            switch value {
            case .object(let object):
                for (key, member) in object.pairs {
                    seen.insert(key)
                    walk(member)
                }
            case .array(let items): items.forEach(walk)
            default: break
            }
        }
        for record in try Self.corpus { walk(try JSONValue.parse(CaseFile.write(record))) }
        let keys = CaseFile.Keys.self
        let all = [
            keys.root, keys.patient, keys.weight, keys.primary, keys.lesion, keys.study, keys.observation, keys.treatment, keys.lab,
            keys.performance, keys.pain, keys.neurology, keys.biopsy, keys.event, keys.visceral, keys.decision, keys.plans, keys.diseaseStatus,
        ].flatMap { $0 }
        #expect(Set(all).subtracting(seen).sorted() == [])
    }

    /// Each value of a stored record replaced by values of every kind, each member removed,
    /// an unknown member added: whenever the strict reader refuses the text, the stored reader
    /// gives no record; whenever it gives one, it is the strict reader's.
    @Test func aBrokenRecordIsNeverReadPastTheStrictReader() throws {
        let variants: [JSONValue] = [
            .null, .bool(false), .int(0), .int(-1), .int(5), .int(1_001), .double(0.5), .double(-150.5), .double(1e12), .string(" "),
            .string("zzz"), .string("2024-13-01"), .string("T10"), .string("L9"), .array([]), .array([.int(1), .int(2), .int(3)]),
            .object(JSONObject()),
        ]
        var refused = 0
        var checked = 0
        do {
            let root = try JSONValue.parse(CaseFile.write(try Self.everyField()))
            for mutant in Self.mutants(of: root, variants: variants) {
                let text = mutant.serialized(pretty: false)
                let fast = StoredCaseReader.read(text)
                checked += 1
                if let strict = try? CaseFile.read(text) {
                    if let fast { #expect(fast == strict, "\(text.prefix(300))") }
                } else {
                    refused += 1
                    #expect(fast == nil, "read past the strict reader: \(text.prefix(300))")
                }
            }
        }
        // The mutants do break records (the test would pass trivially otherwise).
        #expect(refused > checked / 2)
    }

    /// `value` with one change each: a value replaced, a member removed, a member added.
    static func mutants(of value: JSONValue, variants: [JSONValue]) -> [JSONValue] {
        var result = variants.filter { $0 != value }
        switch value {
        case .object(let object):
            for (key, member) in object.pairs {
                var without = object
                without[key] = nil
                result.append(.object(without))
                for changed in mutants(of: member, variants: variants) {
                    var copy = object
                    copy[key] = changed
                    result.append(.object(copy))
                }
            }
            for extra in ["aaa", "zzz"] {
                var copy = object
                copy[extra] = .int(1)
                result.append(.object(copy))
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                for changed in mutants(of: item, variants: variants) {
                    var copy = items
                    copy[index] = changed
                    result.append(.array(copy))
                }
            }
            if let first = items.first { result.append(.array(items + [first])) }
        default: break
        }
        return result
    }

    @Test func keysOutOfOrderRepeatedOrEscapedAndTrailingTextAreLeftToTheStrictReader() throws {
        let good = #"{"patient":{"id":"p1"},"schemaVersion":1}"#
        #expect(StoredCaseReader.read(good)?.patient.id == "p1")
        for text in [
            #"{"schemaVersion":1,"patient":{"id":"p1"}}"#,
            #"{"patient":{"id":"p1"},"patient":{"id":"p2"}}"#,
            #"{"pati\u0065nt":{"id":"p1"}}"#,
            #"{"patient":{"id":"p1"}} x"#,
            "\u{FEFF}" + good,
            #"{"patient":{"id":"p1","sex":null}}"#,
        ] {
            #expect(StoredCaseReader.read(text) == nil, "\(text)")
        }
        // The strict reader still reads what it accepts of these (the first: keys in any order).
        #expect(try CaseFile.readStored(#"{"schemaVersion":1,"patient":{"id":"p1"}}"#).patient.id == "p1")
    }
}
