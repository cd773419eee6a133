import BoneMetRules
import Testing

/// Issue #8: no two findings of one assessment may contradict each other. Every finding states
/// its claims (biopsy or not, fix now or biopsy first, progression or not at a study, the next
/// dose of an agent, supplements, whether to start an agent); this property test generates
/// varied whole records and fails on any two claims on the same question that disagree.
@Suite struct ContradictionPropertyTests {
    /// A class, so that a choice can be made inside another choice's argument.
    final class Random {
        var generator: AssessmentPropertyTests.Generator
        init(generator: AssessmentPropertyTests.Generator) { self.generator = generator }
        func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
        func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
        func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
        func maybe<T>(_ percent: Int, _ value: @autoclosure () -> T) -> T? { chance(percent) ? value() : nil }
    }

    static let start = day("2022-01-01")

    /// A record built from random choices over every section the rules read.
    static func randomRecord(_ r: Random, id: Int) -> CaseRecord {
        let date = { (offset: Int) in start.adding(days: offset) }
        let sites: [PrimarySite] = [.breast, .prostate, .lung, .kidney, .thyroid, .myeloma, .colon, .unknown]
        var primaries: [PrimaryCancer] = []
        for p in 0..<r.int(0...2) {
            let site = r.pick(sites)
            primaries.append(PrimaryCancer(
                id: "P\(p)", site: site, histologyType: r.maybe(40, r.pick(HistologyType.allCases)),
                er: r.maybe(50, r.pick([ReceptorStatus.positive, .negative])), diagnosed: r.maybe(70, date(-r.int(0...4000))),
                hormoneDependent: r.maybe(30, r.chance(50)), targetedTherapy: r.maybe(30, r.chance(50)),
                castrationResistant: site == .prostate ? r.maybe(70, r.chance(50)) : nil))
        }
        let bones: [Bone] = [.femur, .humerus, .tibia, .vertebra, .pelvis, .rib, .skull, .sacrum, .radius]
        var lesions: [Lesion] = []
        for l in 0..<r.int(1...4) {
            let bone = r.pick(bones)
            var lesion = Lesion(id: "L\(l)", bone: bone, laterality: r.maybe(70, r.pick([Laterality.left, .right])))
            if bone == .vertebra { lesion.level = r.pick(["C5", "T4", "T10", "T12", "L2", "L4"].compactMap(VertebralLevel.init)) }
            if bone == .femur { lesion.segment = r.pick([BoneSegment.peritrochanteric, .diaphysis, .proximal]) }
            if !primaries.isEmpty && r.chance(30) { lesion.primary = r.pick(primaries).id }
            lesions.append(lesion)
        }
        var studies: [ImagingStudy] = []
        for s in 0..<r.int(1...5) {
            let modality = r.pick(Modality.allCases)
            var observations: [LesionObservation] = []
            for lesion in lesions where r.chance(75) {
                var o = LesionObservation(lesion: lesion.id, present: r.chance(90))
                if modality.isTracer {
                    o.uptake = r.maybe(80, r.chance(70))
                    o.uptakeChangePercent = r.maybe(30, Double(r.int(-80...60)))
                }
                if modality != .boneScan {
                    o.character = r.maybe(85, r.pick(LesionCharacter.allCases))
                    o.diametersMm = r.maybe(70, [Double(r.int(5...60)), Double(r.int(5...60))])
                    o.boneDestruction = r.maybe(60, r.chance(70))
                    o.scleroticRim = r.maybe(30, r.chance(50))
                    o.fillIn = r.maybe(20, r.pick(FillIn.allCases))
                    o.softTissueMm = r.maybe(20, Double(r.int(0...30)))
                    if lesion.mirelsSite != nil {
                        o.fractionOfDiameter = r.maybe(50, Double(r.int(10...90)) / 100)
                        o.epiphyseal = r.maybe(10, true)
                        o.eccentric = r.maybe(10, true)
                    }
                    if lesion.isSpinal {
                        o.collapse = r.maybe(60, r.pick(SINS.Collapse.allCases))
                        o.alignment = r.maybe(60, r.pick(SINS.Alignment.allCases))
                        o.posterolateral = r.maybe(60, r.pick(SINS.Posterolateral.allCases))
                        if modality == .mri || modality == .ct { o.escc = r.maybe(60, r.pick(ESCC.Grade.allCases)) }
                    }
                }
                observations.append(o)
            }
            studies.append(ImagingStudy(
                id: "S\(s)", date: date(r.int(0...700)), modality: modality,
                windows: modality == .ct ? (r.chance(80) ? [.softTissue, .bone] : [.softTissue]) : [],
                coverage: r.chance(40) ? [r.pick(BodyRegion.allCases), r.pick(BodyRegion.allCases)] : [],
                observations: observations, unnamedNewLesions: modality.isTracer ? r.maybe(20, r.int(0...3)) : nil))
        }
        var treatments: [Treatment] = []
        for t in 0..<r.int(0...4) {
            let kind = r.pick(TreatmentKind.allCases)
            let begin = r.int(-100...600)
            var treatment = Treatment(
                id: "T\(t)", kind: kind, name: "therapy \(t)", systemicClass: kind == .systemic ? r.pick(SystemicClass.allCases) : nil,
                start: date(begin), end: r.maybe(40, date(begin + r.int(0...200))), planned: r.chance(15),
                stopReason: r.maybe(30, r.pick(StopReason.allCases)))
            switch kind {
            case .boneModifyingAgent:
                treatment.agent = r.pick([BoneAgent.zoledronicAcid, .denosumab])
                treatment.doseMg = treatment.agent == .zoledronicAcid ? r.pick([3.0, 3.3, 3.5, 4.0]) : 120
                treatment.doses = (0..<r.int(0...3)).map { date(begin + $0 * 28) }
            case .radiotherapy:
                treatment.lesions = [r.pick(lesions).id]
                treatment.doseGy = r.maybe(70, r.pick([8.0, 20, 30]))
            case .surgery:
                treatment.lesions = [r.pick(lesions).id]
                treatment.procedure = r.pick(SurgicalProcedure.allCases)
            case .systemic:
                break
            }
            treatments.append(treatment)
        }
        var labs: [LabResult] = []
        for _ in 0..<r.int(0...5) {
            let offset = r.int(-50...700)
            switch r.int(0...4) {
            case 0: labs.append(LabResult(date: date(offset), test: .creatinine, value: Double(r.int(5...40)) / 10, unit: "mg/dL"))
            case 1: labs.append(LabResult(date: date(offset), test: .calcium, value: Double(r.int(80...150)) / 10, unit: "mg/dL"))
            case 2: labs.append(LabResult(date: date(offset), test: .albumin, value: Double(r.int(20...50)) / 10, unit: "g/dL"))
            case 3: labs.append(LabResult(date: date(offset), test: .hemoglobin, value: Double(r.int(70...150)), unit: "g/L"))
            default: labs.append(LabResult(date: date(offset), test: .egfr, value: Double(r.int(15...100)), unit: "mL/min/1.73m2"))
            }
        }
        var record = CaseRecord(
            patient: Patient(
                id: "gen-\(id)", sex: r.pick([CockcroftGault.Sex.male, .female]), birthDate: r.maybe(90, day("19\(r.int(30...99))-06-01")),
                weights: r.chance(70) ? [WeightRecord(date: start, kg: Double(r.int(40...100)))] : []),
            primaries: primaries, lesions: lesions, studies: studies, treatments: treatments, labs: labs)
        for lesion in lesions where r.chance(50) {
            record.pain.append(PainRecord(
                date: date(r.int(0...700)), lesion: lesion.id, mirels: r.maybe(60, r.pick(Mirels.Pain.allCases)),
                sins: r.maybe(60, r.pick(SINS.Pain.allCases))))
        }
        if r.chance(30) {
            record.neurology.append(NeurologyRecord(
                date: date(r.int(0...700)), status: r.pick(NeurologicalStatus.allCases), frankel: r.maybe(50, r.pick(Tokuhashi.Frankel.allCases)),
                lesion: r.maybe(50, r.pick(lesions).id)))
        }
        if r.chance(30) {
            record.biopsies.append(Biopsy(
                lesion: r.pick(lesions).id, date: date(r.int(0...700)), decalcification: r.maybe(50, r.pick(Decalcification.allCases)),
                result: r.maybe(70, r.pick(BiopsyResult.allCases))))
        }
        if r.chance(20) { record.events.append(ClinicalEvent(date: date(r.int(0...700)), kind: .pathologicalFracture, lesion: r.pick(lesions).id)) }
        if r.chance(30) { record.dentalExams = [date(r.int(-30...300))] }
        record.plans.molecularTestsWanted = r.maybe(30, true)
        return record
    }

    @Test func noGeneratedRecordGivesContradictoryFindings() {
        let random = Random(generator: AssessmentPropertyTests.Generator(state: 2026))
        var checked = 0
        for id in 0..<1500 {
            let record = Self.randomRecord(random, id: id)
            for asOf in [day("2022-06-01"), day("2023-12-31")] {
                let a = assess(record, asOf: asOf)
                checked += a.findings.count
                for (first, second, claimA, claimB) in Claim.contradictions(in: a.findings) {
                    Issue.record("record \(id) as of \(asOf): \(first.ruleId) says \(claimA), \(second.ruleId) says \(claimB)")
                }
                for finding in a.findings {
                    #expect(!finding.sources.isEmpty, "\(finding.ruleId)")
                    #expect(!finding.title.zhHans.isEmpty && !finding.detail.zhHans.isEmpty, "\(finding.ruleId)")
                }
            }
        }
        // The generator really exercises the rules (a vacuous run would pass trivially).
        #expect(checked > 15000)
    }

    @Test func theCheckerFindsAContradiction() {
        let a = Finding(
            ruleId: "a", severity: .info, duty: .diagnosis, specialty: .orthopaedics, subject: .lesion("L1"),
            title: LocalizedText(en: "a", zh: "甲"), detail: LocalizedText(en: "a", zh: "甲"), sources: [Sources.mirels1989],
            claims: [Claim(.biopsy, about: "L1", "biopsy")])
        let b = Finding(
            ruleId: "b", severity: .info, duty: .diagnosis, specialty: .orthopaedics, subject: .lesion("L1"),
            title: LocalizedText(en: "b", zh: "乙"), detail: LocalizedText(en: "b", zh: "乙"), sources: [Sources.mirels1989],
            claims: [Claim(.biopsy, about: "L1", "noBiopsy")])
        #expect(Claim.contradictions(in: [a, b]).count == 1)
        #expect(Claim.contradictions(in: [a, a]).isEmpty)
    }
}
