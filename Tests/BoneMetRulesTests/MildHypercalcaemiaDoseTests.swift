@testable import BoneMetRules
import Testing

/// cb82-h (unseen record, 2026-12-05): a myeloma's zoledronic acid 4 mg every 4 weeks, begun with
/// a corrected calcium of 11.5 mg/dL and a creatinine of 168 µmol/L (CrCl 34). The first dose was
/// read as a hypercalcaemia dose ("no CrCl adjustment") and the label's 3.0 mg went unsaid. The
/// Zometa label doses hypercalcaemia of malignancy at an albumin-corrected calcium ≥ 12 mg/dL
/// (3.0 mmol/L); below it a dose is a hypercalcaemia dose only where the record calls it so (a
/// `hypercalcaemia` event — symptoms, the clinician's diagnosis). Rule set 2026.12.316.
@Suite struct MildHypercalcaemiaDoseTests {
    func record(calcium: Double, event: Bool) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1953-12-01")
        r.patient.sex = .male
        r.patient.weights = [WeightRecord(date: day("2023-01-01"), kg: 70)]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2023-01-14"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4,
            doses: [day("2023-01-14")]))
        r.dentalExams = [day("2023-01-10")]
        // Albumin 4.0: the corrected calcium is the measured one. Creatinine 1.9 mg/dL, age 69:
        // Cockcroft–Gault (140 − 69) × 70 ÷ (72 × 1.9) = 36.3 mL/min → 3.0 mg (30–39).
        r.labs = [
            LabResult(date: day("2023-01-03"), test: .calcium, value: calcium, unit: "mg/dL", upperLimit: 10.4, lowerLimit: 8.6),
            LabResult(date: day("2023-01-03"), test: .albumin, value: 4.0, unit: "g/dL"),
            LabResult(date: day("2023-01-03"), test: .creatinine, value: 1.9, unit: "mg/dL"),
        ]
        r.events = event ? [ClinicalEvent(date: day("2023-01-03"), kind: .hypercalcaemia)] : []
        return r
    }

    func dose(_ r: CaseRecord) throws -> Finding {
        try #require(assess(r, asOf: day("2023-01-20")).rule("boneAgents.zoledronic.dose").first)
    }

    @Test func belowTwelveWithoutAnEventIsSREPreventionDosedByCrCl() throws {
        for calcium in [11.5, 11.99] {
            let finding = try dose(record(calcium: calcium, event: false))
            #expect(finding.title.en.hasPrefix("Zoledronic acid 3.0 mg for CrCl"), "\(calcium): \(finding.title.en)")
            #expect(finding.severity == .warning)
        }
    }

    /// The mild grade's advice says how a dose given for it is read.
    @Test func theMildAdviceAsksForTheEvent() throws {
        var r = record(calcium: 11.5, event: false)
        r.treatments.removeAll { $0.id == "Z" }
        let mild = try #require(assess(r, asOf: day("2023-01-04")).rule("labs.hypercalcaemia").first)
        #expect(mild.detail.en.contains("— record the hypercalcaemia as an event when treating it, so the dose is read as its treatment."), "\(mild.detail.en)")
        #expect(mild.detail.zhHans.contains("治疗时请将高钙血症记录为事件"))
    }

    @Test func twelveOrAnEventIsTheHypercalcaemiaDose() throws {
        for (calcium, event) in [(12.0, false), (13.4, false), (11.5, true)] {
            let finding = try dose(record(calcium: calcium, event: event))
            #expect(finding.title.en.hasSuffix("for hypercalcaemia — no CrCl adjustment"), "\(calcium) \(event): \(finding.title.en)")
        }
    }
}
