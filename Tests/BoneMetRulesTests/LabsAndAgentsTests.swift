import BoneMetRules
import Testing

/// Reference cases for issue #8, "labs that matter" and "bone-modifying agents", with boundary
/// tests at every threshold; sources named per suite.

@Suite struct HypercalcaemiaTests {
    /// Payne 1973 (corrected calcium) and Stewart 2005 (grades: mild < 12, moderate 12–14,
    /// severe > 14 mg/dL).
    func record(calcium: Double, unit: String = "mg/dL", albumin: Double? = 4.0, agent: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-03-01"), test: .calcium, value: calcium, unit: unit)]
        if let albumin { r.labs.append(LabResult(date: day("2023-03-01"), test: .albumin, value: albumin, unit: "g/dL")) }
        if agent {
            r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-02-01"), agent: .denosumab, doseMg: 120))
            r.dentalExams = [day("2023-01-20")]
        }
        return r
    }

    func grade(_ r: CaseRecord) -> String? {
        assess(r, asOf: day("2023-03-02")).rule("labs.hypercalcaemia").first?.inputs.first { $0.name == "grade" }?.value
    }

    @Test func correctedForAlbumin() throws {
        // 11.0 + 0.8 × (4.0 − 2.5) = 12.2: moderate.
        let a = assess(record(calcium: 11.0, albumin: 2.5), asOf: day("2023-03-02"))
        let finding = try #require(a.rule("labs.hypercalcaemia").first)
        #expect(finding.title.en.contains("12.2 mg/dL"))
        #expect(finding.severity == .urgent)
        #expect(finding.specialty == .medicalOncology)
        #expect(finding.detail.en.contains("isotonic saline"))
    }

    @Test func gradeBoundaries() {
        #expect(grade(record(calcium: 10.5)) == nil)
        #expect(grade(record(calcium: 10.6)) == "mild")
        #expect(grade(record(calcium: 11.99)) == "mild")
        #expect(grade(record(calcium: 12.0)) == "moderate")
        #expect(grade(record(calcium: 14.0)) == "moderate")
        #expect(grade(record(calcium: 14.1)) == "severe")
        // SI units: 3.1 mmol/L × 4.008 = 12.4 mg/dL.
        #expect(grade(record(calcium: 3.1, unit: "mmol/L")) == "moderate")
    }

    @Test func theLaboratorysOwnUpperLimitWins() {
        var r = record(calcium: 10.4)
        r.labs[0].upperLimit = 10.2
        #expect(grade(r) == "mild")
        #expect(grade(record(calcium: 10.4)) == nil)
    }

    @Test func supplementsWithheldWhileHigh() throws {
        let high = assess(record(calcium: 12.5, agent: true), asOf: day("2023-03-02"))
        let supplement = try #require(high.rule("boneAgents.calciumVitaminD").first)
        #expect(supplement.title.en.hasPrefix("Withhold"))
        #expect(Claim.contradictions(in: high.findings).isEmpty)
        let normal = assess(record(calcium: 9.5, agent: true), asOf: day("2023-03-02"))
        #expect(normal.rule("boneAgents.calciumVitaminD").first?.claims == [Claim(.supplements, about: "patient", "give")])
    }
}

@Suite struct CRABTests {
    /// IMWG CRAB (Rajkumar 2014) feeds the myeloma red flag: the finding names what is already
    /// abnormal instead of asking to order it; haematology acts.
    @Test func abnormalValuesAreNamed() throws {
        let record = CaseRecord(
            patient: Patient(id: "m", sex: .female, birthDate: day("1952-03-01"), weights: [WeightRecord(date: day("2023-05-01"), kg: 60)]),
            lesions: [Lesion(id: "L1", bone: .skull), Lesion(id: "L2", bone: .rib, laterality: .right)],
            studies: [ct("S1", "2023-05-22", [observation("L1", .lytic, [10, 9]), observation("L2", .lytic, [12, 8])])],
            labs: [
                LabResult(date: day("2023-05-20"), test: .hemoglobin, value: 88, unit: "g/L"),
                LabResult(date: day("2023-05-20"), test: .creatinine, value: 0.8, unit: "mg/dL"),
            ])
        let finding = try #require(assess(record, asOf: day("2023-06-01")).rule("diagnosis.differential.myeloma").first)
        #expect(finding.specialty == .haematology)
        #expect(finding.detail.en.contains("met — haemoglobin 88 g/L"))
        #expect(finding.detail.en.contains("not met — renal function creatinine 0.8 mg/dL"))
        // The values in Chinese words too (they read "creatinine … (corrected)" on Chinese pages).
        #expect(finding.detail.zhHans.contains("未符合——肾功能 血肌酐 0.8 mg/dL"))
        #expect(!finding.detail.zhHans.contains("creatinine"))
        #expect(finding.detail.en.contains("calcium (not on record)"))
        #expect(finding.sources.contains { $0.id == "rajkumar2014" })
    }
}

@Suite struct GiantCellTumourTests {
    /// Reference.md: eccentric epiphyseal lytic lesion in a young adult (age range: setting,
    /// default 20–40; Chakarun 2013).
    func record(
        birth: String?, bone: Bone = .femur, note: String? = nil,
        reading: (inout LesionObservation) -> Void = { $0.epiphyseal = true; $0.eccentric = true }
    ) -> CaseRecord {
        CaseRecord(
            patient: Patient(id: "g", sex: .male, birthDate: birth.map(day)),
            lesions: [Lesion(id: "L1", bone: bone, segment: bone == .femur ? .distal : nil, laterality: .left, note: note)],
            studies: [study("X1", "2023-05-01", .xray, [observation("L1", .lytic, configure: reading)])])
    }

    /// Unseen record cb117-g: a 27-year-old's distal femur noted "右股骨远端干骺端-骨骺偏心性溶骨性病变",
    /// its readings recording neither field, was read as a metastasis of unknown origin. The note
    /// answers where the reading is silent; a reading that says no wins; the growth plate and
    /// the metaphysis are not the epiphysis; a denied eccentricity is none; a vertebra has no
    /// epiphysis to speak of (reference.md: "epiphyseal eccentric lytic lesion in a young adult").
    @Test func theLesionNoteAnswersWhereTheReadingIsSilent() throws {
        func flagged(_ note: String?, bone: Bone = .femur, reading: @escaping (inout LesionObservation) -> Void = { _ in }) -> Finding? {
            assess(record(birth: "1996-01-01", bone: bone, note: note, reading: reading), asOf: day("2023-06-01")).rule("diagnosis.differential.giantCellTumour").first
        }
        let fromNote = try #require(flagged("右股骨远端干骺端-骨骺偏心性溶骨性病变"))
        #expect(fromNote.severity == .warning)
        #expect(fromNote.detail.zhHans.contains("骨骺、偏心据病灶备注：“右股骨远端干骺端-骨骺偏心性溶骨性病变”"))
        #expect(fromNote.detail.en.contains("(epiphyseal and eccentric as the lesion's note says"))
        #expect(fromNote.inputs.contains { $0.name == "fromLesionNote" && $0.value == "epiphyseal,eccentric" })
        #expect(flagged("eccentric epimetaphyseal lucency, distal femur") != nil)
        // One from the reading, one from the note: the note's part alone is named.
        let mixed = try #require(flagged("偏心性", reading: { $0.epiphyseal = true }))
        #expect(mixed.detail.en.contains("(eccentric as the lesion's note says"))
        #expect(flagged(nil) == nil)
        #expect(flagged("右股骨远端干骺端-骨骺偏心性溶骨性病变", reading: { $0.eccentric = false }) == nil)
        #expect(flagged("股骨远端干骺端偏心性溶骨破坏，骨骺线闭合") == nil)
        #expect(flagged("epiphyseal plate intact; eccentric metaphyseal lesion") == nil)
        #expect(flagged("骨骺非偏心性病变") == nil)
        #expect(flagged("not eccentric, epiphyseal") == nil)
        #expect(flagged("骨骺偏心性", bone: .rib) == nil)
        #expect(flagged("右股骨远端骨骺偏心性", reading: { $0.epiphyseal = true; $0.eccentric = true })?.detail.en.contains("note says") == false)
    }

    @Test func ageBoundaries() {
        func flagged(_ birth: String?) -> Severity? { assess(record(birth: birth), asOf: day("2023-06-01")).rule("diagnosis.differential.giantCellTumour").first?.severity }
        #expect(flagged("1993-05-01") == .warning)  // 30
        #expect(flagged("2003-05-01") == .warning)  // 20
        #expect(flagged("2003-05-02") == nil)  // 19
        #expect(flagged("1983-05-01") == .warning)  // 40
        #expect(flagged("1982-05-01") == nil)  // 41
        #expect(flagged(nil) == .advisory)
    }
}

@Suite struct BoneAgentIndicationTests {
    /// ESMO 2020; CALGB 90202 and STAMPEDE (no SRE benefit in castration-sensitive prostate
    /// cancer); Fizazi 2011 (castration-resistant).
    func prostate(castrationResistant: Bool?) -> Assessment {
        let record = CaseRecord(
            patient: Patient(id: "p", sex: .male, birthDate: day("1950-01-01")),
            primaries: [PrimaryCancer(id: "P1", site: .prostate, castrationResistant: castrationResistant)],
            lesions: [Lesion(id: "L1", bone: .pelvis), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L3"))],
            studies: [ct("S1", "2023-01-05", [observation("L1", .blastic, [20, 20]), observation("L2", .blastic, [10, 10])])])
        return assess(record, asOf: day("2023-02-01"))
    }

    @Test func byDiseaseState() throws {
        let sensitive = try #require(prostate(castrationResistant: false).rule("boneAgents.indication").first)
        #expect(sensitive.claims == [Claim(.boneAgentIndication, about: "patient", "notIndicated")])
        #expect(sensitive.detail.en.contains("60 mg every 6 months"))
        #expect(sensitive.sources.contains { $0.id == "smith2014" })
        let resistant = try #require(prostate(castrationResistant: true).rule("boneAgents.indication").first)
        #expect(resistant.claims == [Claim(.boneAgentIndication, about: "patient", "start")])
        #expect(resistant.detail.en.contains("Fizazi 2011"))
        let unknown = try #require(prostate(castrationResistant: nil).rule("boneAgents.indication").first)
        #expect(unknown.detail.en.contains("record the castration status"))
    }

    @Test func notBeforeDiagnosis() {
        // Scenario 3a: an unexplained blastic lesion awaiting biopsy.
        var r = baseCase()
        r.primaries = []
        r.lesions = [Lesion(id: "L1", bone: .pelvis)]
        r.studies = [ct("S1", "2023-01-05", [observation("L1", .blastic, [10, 10])]), study("B1", "2023-01-06", .boneScan, [observation("L1") { $0.uptake = true }])]
        let a = assess(r, asOf: day("2023-02-01"))
        #expect(!a.has("boneAgents.indication"))
        #expect(a.rule("boneAgents.afterDiagnosis").first?.title.en.contains("after diagnosis") == true)
    }

    @Test func theAlternativeAndEvidenceAreNamedWhenAnAgentIsOrdered() throws {
        var r = baseCase()
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, planned: true, agent: .zoledronicAcid, doseMg: 4))
        let choice = try #require(assess(r, asOf: day("2023-04-01")).rule("boneAgents.choice").first)
        #expect(choice.title.en.contains("alternative is denosumab"))
        #expect(choice.detail.en.contains("Stopeck 2010"))
        #expect(choice.detail.en.contains("ASCO 2017"))
        #expect(choice.detail.en.contains("Preferred agent (setting): denosumab"))
    }
}

@Suite struct ZoledronicBaselineTests {
    /// Zometa label: dose by the baseline CrCl; withhold on a creatinine rise and resume at the
    /// same dose — never re-dosed from the raised creatinine.
    func record(later creatinine: Double) -> CaseRecord {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-01-15"), test: .creatinine, value: 0.8, unit: "mg/dL"),
            LabResult(date: day("2023-04-01"), test: .creatinine, value: creatinine, unit: "mg/dL"),
        ]
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid, doseMg: 4, doses: [day("2023-01-20")]))
        r.dentalExams = [day("2023-01-10")]
        return r
    }

    @Test func aHoldResumesAtTheBaselineDoseWithoutARedose() throws {
        // Baseline 0.8 mg/dL (CrCl ≈ 83 → 4.0 mg); now 1.4: rise 0.6 ≥ 0.5 → withhold.
        let a = assess(record(later: 1.4), asOf: day("2023-04-02"))
        let hold = try #require(a.rule("boneAgents.zoledronic.renalHold").first)
        #expect(hold.detail.en.contains("at the same dose as before: 4.0 mg, from the baseline CrCl"))
        #expect(!a.has("boneAgents.zoledronic.dose"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func withoutAHoldTheDoseStaysFromTheBaseline() throws {
        // 1.2 mg/dL later (rise 0.4 < 0.5): no hold; the dose is still from the baseline CrCl.
        let a = assess(record(later: 1.2), asOf: day("2023-04-02"))
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.title.en.contains("4.0 mg"))
        #expect(dose.inputs.contains(FindingInput("crclBasis", "baseline")))
        #expect(!a.has("boneAgents.zoledronic.renalHold"))
    }
}

@Suite struct SettingsFileTests {
    @Test func readsEveryKeyAndRefusesUnknownOrBadOnes() throws {
        let settings = try RuleSettings.read(text: #"{"mirelsFixationThreshold": 9, "blasticLatencyWeeks": 6, "preferredBoneAgent": "zoledronicAcid", "calciumUpperLimitMgDl": 10.2}"#)
        #expect(settings.mirelsFixationThreshold == 9)
        #expect(settings.blasticLatencyWeeks == 6)
        #expect(settings.preferredBoneAgent == .zoledronicAcid)
        #expect(settings.flareWindowWeeks == RuleSettings.default.flareWindowWeeks)
        #expect(settings.echo.map(\.key) == RuleSettings.keys)
        #expect(try RuleSettings.read(settings.json) == settings)
        func field(_ text: String) -> String? {
            do {
                _ = try RuleSettings.read(text: text)
                return nil
            } catch {
                return error.field ?? "(none)"
            }
        }
        #expect(field(#"{"mirelsThreshold": 9}"#) == "mirelsThreshold")
        #expect(field(#"{"mirelsFixationThreshold": 7}"#) == "mirelsFixationThreshold")
        #expect(field(#"{"blasticLatencyWeeks": 13, "flareWindowWeeks": 12}"#) == "blasticLatencyWeeks")
        #expect(field(#"{"giantCellTumourAgeMin": 40, "giantCellTumourAgeMax": 30}"#) == "giantCellTumourAgeMax")
        #expect(field(#"{"preferredBoneAgent": "pamidronate"}"#) == "preferredBoneAgent")
        #expect(field(#"{"calciumUpperLimitMgDl": "high"}"#) == "calciumUpperLimitMgDl")
        #expect(field(#"{"calciumLowerLimitMgDl": 7.9}"#) == "calciumLowerLimitMgDl")
        #expect(field(#"{"calciumLowerLimitMgDl": 9.1}"#) == "calciumLowerLimitMgDl")
        #expect((try? RuleSettings.read(text: #"{"calciumLowerLimitMgDl": 8.0}"#))?.calciumLowerLimitMgDl == 8.0)
        #expect((try? RuleSettings.read(text: #"{"calciumLowerLimitMgDl": 9.0}"#))?.calciumLowerLimitMgDl == 9.0)
    }
}
