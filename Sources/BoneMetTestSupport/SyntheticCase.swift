import BoneMetDomain

/// Synthetic, fictional cases of a chosen size for benchmarks and scale tests: lesions
/// alternate between long bones and vertebrae, every study observes every lesion with
/// realistic change, treatments alternate systemic regimens and radiotherapy.
public enum SyntheticCase {
    public static func make(lesions: Int, studies: Int, treatments: Int, seed: UInt64 = 1) -> CaseRecord {
        var random = SplitMix64(state: seed)
        let start = PartialDate(dayNumber: PartialDate(year: 2020, month: 1, day: 6)?.earliestDay ?? 18_267)
        let levels = VertebralLevel.all.filter { $0.region != .sacral }
        let lesionList: [Lesion] = (0..<lesions).map { index in
            if index % 2 == 0 {
                return Lesion(id: "L\(index + 1)", bone: [.femur, .humerus, .tibia][index / 2 % 3], segment: .diaphysis, laterality: index % 4 == 0 ? .left : .right)
            }
            return Lesion(id: "L\(index + 1)", bone: .vertebra, level: levels[index % levels.count])
        }
        var studyList: [ImagingStudy] = []
        for s in 0..<studies {
            let date = start.adding(days: s * 45)
            let modality: Modality = s % 4 == 3 ? .boneScan : .ct
            let observations = lesionList.map { lesion -> LesionObservation in
                var o = LesionObservation(lesion: lesion.id)
                if modality == .boneScan {
                    o.uptake = true
                    o.uptakeChangePercent = Double(Int(random.next() % 60)) - 30
                    return o
                }
                let size = 10 + Double(random.next() % 30) + Double(s)
                o.character = [.lytic, .mixed, .blastic][Int(random.next() % 3)]
                o.diametersMm = [size, size * 0.8]
                o.boneDestruction = o.character != .blastic
                o.scleroticRim = random.next() % 4 == 0
                o.fillIn = [FillIn.none, FillIn.partial][Int(random.next() % 2)]
                // Drawn for every lesion so the sequence stays the same; recorded only where Mirels applies.
                let fraction = Double(random.next() % 90) / 100
                if lesion.mirelsSite != nil { o.fractionOfDiameter = fraction }
                if lesion.bone == .vertebra {
                    o.collapse = SINS.Collapse.allCases[Int(random.next() % 4)]
                    o.alignment = .normal
                    o.posterolateral = SINS.Posterolateral.allCases[Int(random.next() % 3)]
                    o.escc = ESCC.Grade.allCases[Int(random.next() % 4)]
                }
                return o
            }
            studyList.append(ImagingStudy(
                id: "S\(s + 1)", date: date, modality: modality, windows: modality == .ct ? [.softTissue, .bone] : [],
                observations: observations))
        }
        let span = max(1, studies * 45 / max(1, treatments))
        let treatmentList: [Treatment] = (0..<treatments).map { t in
            let begin = start.adding(days: t * span + 3)
            if t % 2 == 0 {
                return Treatment(
                    id: "T\(t + 1)", kind: .systemic, name: "regimen \(t + 1)", systemicClass: .chemotherapy, start: begin,
                    end: t + 1 < treatments ? begin.adding(days: span * 2) : nil, stopReason: t % 4 == 0 ? .progression : nil)
            }
            return Treatment(
                id: "T\(t + 1)", kind: .radiotherapy, lesions: [lesionList[t % max(1, lesions)].id], start: begin,
                end: begin.adding(days: 10), doseGy: 20, fractions: 5)
        }
        let labs = (0..<max(1, studies / 2)).flatMap { i -> [LabResult] in
            let date = start.adding(days: i * 90)
            return [
                LabResult(date: date, test: .creatinine, value: 0.9 + Double(i % 5) / 10, unit: "mg/dL"),
                LabResult(date: date, test: .ca153, value: 20 + Double(i), unit: "U/mL", upperLimit: 25),
            ]
        }
        return CaseRecord(
            patient: Patient(
                id: "synthetic-\(lesions)x\(studies)", sex: .female, birthDate: PartialDate(year: 1960, month: 5), fictional: true,
                weights: [WeightRecord(date: start, kg: 62)]),
            primaries: [PrimaryCancer(id: "P1", site: .breast, diagnosed: PartialDate(year: 2019, month: 6), hormoneDependent: true)],
            lesions: lesionList, studies: studyList, treatments: treatmentList, labs: labs,
            performance: [PerformanceStatus(date: start, ecog: 1, kps: 80)],
            pain: lesionList.map { PainRecord(date: start, lesion: $0.id, mirels: .moderate, sins: .occasional) },
            visceralMetastases: [], dentalExams: [start])
    }

    /// The typical case of issue #3: 5 lesions, 8 studies, 5 treatments.
    public static var typical: CaseRecord { make(lesions: 5, studies: 8, treatments: 5) }
    /// The large case of issue #3: 50 lesions, 40 studies, 20 treatments.
    public static var large: CaseRecord { make(lesions: 50, studies: 40, treatments: 20) }
}

/// SplitMix64: a tiny deterministic generator, so synthetic cases are the same on every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
