import BoneMetRules
import Testing

/// Rule set 2026.12.38: a triple-negative breast cancer admitted with a corrected calcium of
/// 15.1 mg/dL, given zoledronic acid 4 mg the next day at CrCl 34 (Zometa label: hypercalcaemia
/// of malignancy 4 mg, no CrCl adjustment while creatinine < 4.5 mg/dL; retreatment after
/// ≥ 7 days if calcium does not return to normal). It read "Zoledronic acid 3.0 mg for CrCl 33.8
/// (ordered 4.0 mg)" beside "treat now: … zoledronic acid 4 mg" — the dose already given.
@Suite struct HypercalcaemiaTreatedTests {
    /// Calcium 3.6 mmol/L with albumin 32 g/L on 2025-05-02 (corrected 15.1 mg/dL), zoledronic
    /// acid on 2025-05-03, calcium 2.9 mmol/L on 2025-05-06 (corrected 12.3).
    func record(doses: [String] = ["2025-05-03"], later: [LabResult] = [], creatinine: Double = 1.2) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "t1", sex: .female, birthDate: day("1950-06-01"), weights: [WeightRecord(date: day("2025-05-02"), kg: 52)])
        r.labs = [
            LabResult(date: day("2025-05-02"), test: .creatinine, value: creatinine, unit: "mg/dL"),
            LabResult(date: day("2025-05-02"), test: .calcium, value: 3.6, unit: "mmol/L", upperLimit: 2.6, lowerLimit: 2.1),
            LabResult(date: day("2025-05-02"), test: .albumin, value: 32, unit: "g/L"),
            LabResult(date: day("2025-05-06"), test: .calcium, value: 2.9, unit: "mmol/L", upperLimit: 2.6, lowerLimit: 2.1),
        ] + later
        r.treatments.append(Treatment(
            id: "Z1", kind: .boneModifyingAgent, start: day("2025-05-03"), agent: .zoledronicAcid, doseMg: 4, doses: doses.map(day)))
        r.dentalExams = [day("2025-05-01")]
        return r
    }

    @Test func theHypercalcaemiaDoseIsNotCutByClearance() throws {
        let a = assess(record(), asOf: day("2025-05-07"))
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.title.en == "Zoledronic acid 4.0 mg on 2025-05-03 for hypercalcaemia — no CrCl adjustment")
        #expect(dose.detail.en.contains("Given in hypercalcaemia (corrected calcium 15.1 mg/dL on 2025-05-02)."))
        #expect(dose.detail.en.contains("For SRE prevention from the next dose: 3.0 mg for CrCl"))
        // The course goes on at 4 mg: the next dose would be too high — said, not alarmed.
        #expect(dose.severity == .advisory)
        #expect(dose.title.zhHans.contains("用于高钙血症——不按肌酐清除率调整"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // Creatinine of 4.5 mg/dL or more: outside the label's hypercalcaemia trials.
        let high = try #require(assess(record(creatinine: 4.6), asOf: day("2025-05-07")).rule("boneAgents.zoledronic.dose").first)
        #expect(high.severity == .warning)
        #expect(high.detail.en.contains("enrolled no one"))
        // A dose given with calcium back to normal is SRE prevention: dosed by CrCl as before.
        let normal = LabResult(date: day("2025-05-30"), test: .calcium, value: 2.4, unit: "mmol/L", upperLimit: 2.6, lowerLimit: 2.1)
        let prevention = try #require(assess(record(doses: ["2025-05-03", "2025-06-01"], later: [normal]), asOf: day("2025-06-02")).rule("boneAgents.zoledronic.dose").first)
        #expect(prevention.title.en == "Zoledronic acid 3.0 mg for CrCl 33.8 mL/min (ordered 4.0 mg)")
        #expect(prevention.severity == .warning)
    }

    @Test func aTreatedEpisodeIsFollowedNotTreatedAgain() throws {
        let early = try #require(assess(record(), asOf: day("2025-05-07")).rule("labs.hypercalcaemia").first)
        #expect(early.severity == .warning)
        #expect(early.detail.en.contains("Treated: zoledronic acid on 2025-05-03. Corrected calcium 15.1 mg/dL (3.76 mmol/L) on 2025-05-02 before it, 12.3 (3.06) on 2025-05-06: falling."))
        #expect(early.detail.en.contains("no repeat dose before 2025-05-10"))
        #expect(!early.detail.en.contains("Treat now"))
        #expect(early.detail.zhHans.contains("已治疗：2025-05-03 唑来膦酸"))
        // Still high a week on: retreatment or denosumab.
        let still = LabResult(date: day("2025-05-12"), test: .calcium, value: 2.9, unit: "mmol/L", upperLimit: 2.6, lowerLimit: 2.1)
        let late = try #require(assess(record(later: [still]), asOf: day("2025-05-12")).rule("labs.hypercalcaemia").first)
        #expect(late.detail.en.contains("Still above normal 9 days after the dose: the label allows retreatment (zoledronic acid 4 mg), or give denosumab"), "\(late.detail.en)")
        // Untreated: treat now, urgent.
        var untreated = record()
        untreated.treatments.removeAll { $0.id == "Z1" }
        let now = try #require(assess(untreated, asOf: day("2025-05-07")).rule("labs.hypercalcaemia").first)
        #expect(now.severity == .urgent)
        #expect(now.detail.en.contains("Treat now"))
        // A dose before the episode began (calcium normal since) does not count as its treatment.
        let before = LabResult(date: day("2025-04-20"), test: .calcium, value: 2.3, unit: "mmol/L", upperLimit: 2.6, lowerLimit: 2.1)
        var earlier = record(doses: ["2025-04-10"])
        earlier.treatments[earlier.treatments.count - 1].start = day("2025-04-10")
        earlier.labs.append(before)
        earlier.labs.sort { $0.date < $1.date }
        #expect(try #require(assess(earlier, asOf: day("2025-05-07")).rule("labs.hypercalcaemia").first).detail.en.contains("Treat now"))
    }
}
