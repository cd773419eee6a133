import BoneMetRules
import Testing

/// Rule set 2026.12.2: hypocalcaemia, graded as CTCAE v5.0 grades it (NCI 2017: grade 1
/// below the lower limit to 8.0 mg/dL, 2 below 8.0 to 7.0, 3 below 7.0 to 6.0, 4 below 6.0),
/// on the albumin-corrected calcium (Payne 1973). Both bone-modifying agents wait until it is
/// corrected (Xgeva prescribing information; Zometa summary of product characteristics).
@Suite struct HypocalcaemiaTests {
    func record(calcium: Double, unit: String = "mg/dL", lower: Double? = 8.5, albumin: Double? = 4.0, agent: BoneAgent? = nil) -> CaseRecord {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-03-01"), test: .calcium, value: calcium, unit: unit, lowerLimit: lower)]
        if let albumin { r.labs.append(LabResult(date: day("2023-03-01"), test: .albumin, value: albumin, unit: "g/dL")) }
        if let agent {
            r.treatments.append(Treatment(
                id: "D", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: agent, doseMg: agent == .denosumab ? 120 : 4,
                intervalWeeks: 4, doses: [day("2023-01-20"), day("2023-02-01")]))
            r.dentalExams = [day("2023-01-10")]
            r.labs.append(LabResult(date: day("2023-01-10"), test: .creatinine, value: 0.8, unit: "mg/dL"))
        }
        return r
    }

    func finding(_ r: CaseRecord) -> Finding? {
        assess(r, asOf: day("2023-03-02")).rule("labs.hypocalcaemia").first
    }

    func grade(_ r: CaseRecord) -> String? {
        finding(r)?.inputs.first { $0.name == "grade" }?.value
    }

    @Test func gradeBoundaries() {
        // The laboratory's lower limit 8.5: 8.5 is not low, 8.49 is grade 1.
        #expect(grade(record(calcium: 8.5)) == nil)
        #expect(grade(record(calcium: 8.49)) == "1")
        #expect(grade(record(calcium: 8.0)) == "1")
        #expect(grade(record(calcium: 7.99)) == "2")
        #expect(grade(record(calcium: 7.0)) == "2")
        #expect(grade(record(calcium: 6.99)) == "3")
        #expect(grade(record(calcium: 6.0)) == "3")
        #expect(grade(record(calcium: 5.99)) == "4")
        // Without a lower limit the setting's (8.5 mg/dL, the usual adult lower limit; rule set
        // 2026.12.370 — before it, only < 8.0 counted and ehr41's 8.1 under denosumab was missed).
        #expect(grade(record(calcium: 8.5, lower: nil)) == nil)
        #expect(grade(record(calcium: 8.49, lower: nil)) == "1")
        #expect(grade(record(calcium: 8.2, lower: nil)) == "1")
        #expect(grade(record(calcium: 7.9, lower: nil)) == "2")
        // The setting moves the line; the laboratory's own limit, where given, wins over it.
        func gradeWith(_ lowerSetting: Double, _ r: CaseRecord) -> String? {
            assess(r, asOf: day("2023-03-02"), settings: RuleSettings(calciumLowerLimitMgDl: lowerSetting))
                .rule("labs.hypocalcaemia").first?.inputs.first { $0.name == "grade" }?.value
        }
        #expect(gradeWith(8.0, record(calcium: 8.2, lower: nil)) == nil)
        #expect(gradeWith(8.8, record(calcium: 8.7, lower: nil)) == "1")
        #expect(gradeWith(8.8, record(calcium: 8.2, lower: 8.1)) == nil)
        let unranged = finding(record(calcium: 8.2, lower: nil))
        #expect(unranged?.detail.en.contains("8.5 mg/dL, the usual adult lower limit (setting)") == true)
        #expect(unranged?.detail.zhHans.contains("成人常用下限 8.5 mg/dL（设置）") == true)
        // SI: 1.95 mmol/L × 4.008 = 7.82 mg/dL.
        #expect(grade(record(calcium: 1.95, unit: "mmol/L", lower: 2.1)) == "2")
    }

    @Test func correctedForAlbumin() throws {
        // 7.6 + 0.8 × (4.0 − 2.5) = 8.8: a low albumin, not a low calcium.
        #expect(finding(record(calcium: 7.6, albumin: 2.5)) == nil)
        // 8.4 + 0.8 × (4.0 − 4.6) = 7.92: grade 2 though the measured value is grade 1.
        #expect(grade(record(calcium: 8.4, albumin: 4.6)) == "2")
        let uncorrected = try #require(finding(record(calcium: 7.5, albumin: nil)))
        #expect(uncorrected.detail.en.contains("no albumin on record"))
    }

    @Test func severityAndWhoActs() throws {
        let mild = try #require(finding(record(calcium: 8.2)))
        #expect(mild.severity == .advisory)
        #expect(mild.specialty == .medicalOncology)
        #expect(mild.detail.en.contains("before any bone-modifying agent is started"))
        #expect(try #require(finding(record(calcium: 8.2, agent: .denosumab))).severity == .warning)
        let severe = try #require(finding(record(calcium: 6.5)))
        #expect(severe.severity == .urgent)
        #expect(severe.detail.en.contains("hospitalisation indicated"))
        #expect(severe.sources.contains { $0.id == "ctcae5" })
    }

    /// The agent waits: its next dose is not "due" while calcium is low, supplements are given,
    /// and no two findings disagree.
    @Test func theNextDoseWaitsForTheCorrection() throws {
        for agent in [BoneAgent.denosumab, .zoledronicAcid] {
            let a = assess(record(calcium: 7.6, agent: agent), asOf: day("2023-03-02"))
            let low = try #require(a.rule("labs.hypocalcaemia").first)
            #expect(low.claims.contains(Claim(.boneAgentTiming, about: "D", "withhold")))
            #expect(low.claims.contains(Claim(.supplements, about: "patient", "give")))
            #expect(low.detail.en.contains("due since 2023-03-01"))
            #expect(low.sources.contains { $0.id == (agent == .denosumab ? "xgevaHypocalcaemia" : "zometaHypocalcaemia") })
            #expect(!a.has("boneAgents.doseDue"))
            #expect(Claim.contradictions(in: a.findings).isEmpty)
            // Corrected: the dose is due again.
            let normal = assess(record(calcium: 9.2, agent: agent), asOf: day("2023-03-02"))
            #expect(normal.has("boneAgents.doseDue"))
            #expect(!normal.has("labs.hypocalcaemia"))
        }
    }

    @Test func inBothLanguages() throws {
        let low = try #require(finding(record(calcium: 7.6, agent: .denosumab)))
        #expect(low.title.zhHans.hasPrefix("低钙血症（CTCAE 2 级）"))
        #expect(low.detail.zhHans.contains("在下一剂地舒单抗前先纠正"))
    }
}

/// Rule set 2026.12.2: the hypercalcaemia dose of zoledronic acid is 4 mg without CrCl
/// adjustment while serum creatinine is < 4.5 mg/dL (Zometa prescribing information, 2.1);
/// at 4.5 or more — outside its trials — denosumab is named (reference.md: "denosumab when
/// renal function forbids").
@Suite struct HypercalcaemiaAgentTests {
    func finding(creatinine: Double) -> Finding? {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-03-01"), test: .calcium, value: 13.0, unit: "mg/dL"),
            LabResult(date: day("2023-03-01"), test: .albumin, value: 4.0, unit: "g/dL"),
            LabResult(date: day("2023-03-01"), test: .creatinine, value: creatinine, unit: "mg/dL"),
        ]
        r.patient.weights = []  // no CrCl: the hypercalcaemia dose does not need one
        return assess(r, asOf: day("2023-03-02")).rule("labs.hypercalcaemia").first
    }

    @Test func fourMilligramsBelowCreatinine4point5() throws {
        let below = try #require(finding(creatinine: 4.49))
        #expect(below.detail.en.contains("zoledronic acid 4 mg IV over ≥ 15 min"))
        #expect(!below.detail.en.contains("dose by CrCl"))
        #expect(below.sources.contains { $0.id == "zometaHypercalcaemia" })
        let at = try #require(finding(creatinine: 4.5))
        #expect(at.detail.en.contains("Treat now: IV isotonic saline, then denosumab"))
    }
}
