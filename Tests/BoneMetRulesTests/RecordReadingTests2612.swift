import BoneMetRules
import Testing

/// Rule sets 2026.12.26–36: what a third batch of whole records written from scratch (a curetted
/// renal humerus, an outside bone scan dated by month, denosumab 60 mg under androgen
/// deprivation) showed the rules reading wrongly, each pinned at its class.
@Suite struct OperatedLongBoneTests {
    /// A lytic humeral lesion over two thirds of the diameter with functional pain (Mirels 10),
    /// operated on 2023-02-01, X-rayed again after.
    func record(_ procedure: SurgicalProcedure?, fraction: Double = 0.7, pain: Mirels.Pain = .functional, fractureAfter: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .humerus, segment: .proximal, laterality: .right)]
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "L1", mirels: pain)]
        let xray = { (id: String, date: String, character: LesionCharacter) in
            ImagingStudy(id: id, date: day(date), modality: .xray, coverage: [.rightUpperLimb], observations: [
                observation("L1", character) { $0.fractionOfDiameter = fraction; $0.fracture = fractureAfter && id == "X2" ? true : nil },
            ])
        }
        r.studies = [xray("X1", "2023-01-05", .lytic), xray("X2", "2023-03-01", .mixed)]
        r.treatments.append(Treatment(id: "S1", kind: .surgery, lesions: ["L1"], start: day("2023-02-01"), procedure: procedure))
        return r
    }

    /// Mirels (1989) scored untreated lesions: a curetted and cemented humerus read "mixed,
    /// > 2/3" from its post-operative film and was sent to "prophylactic fixation, urgent".
    @Test func aCurettedBoneIsNotScoredAsIfUntreated() throws {
        let a = assess(record(.curettage), asOf: day("2023-03-02"))
        #expect(!a.has("surgery.mirels.impendingFracture"))
        let operated = try #require(a.rule("surgery.mirels.operated").first)
        #expect(operated.severity == .warning)
        #expect(operated.title.en == "right humerus, proximal: curettage on 2023-02-01, no fixation on record — does the bone need protecting?")
        #expect(operated.detail.en.hasPrefix("Before the operation: Mirels 10 (X-ray of 2023-01-05), at or above the fixation threshold (8)."))
        #expect(operated.title.zhHans.contains("已行刮除术，无内固定记录"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // Cement alone is not fixation either. An operation of no recorded kind (an open biopsy
        // entered as surgery) does not silence the fixation alert.
        #expect(assess(record(.cementAugmentation), asOf: day("2023-03-02")).has("surgery.mirels.operated"))
        #expect(assess(record(nil), asOf: day("2023-03-02")).has("surgery.mirels.impendingFracture"))
        #expect(!assess(record(nil), asOf: day("2023-03-02")).has("surgery.mirels.operated"))
        // Below the threshold before the operation: a question, not a warning.
        let small = try #require(assess(record(.curettage, fraction: 0.2, pain: .mild), asOf: day("2023-03-02")).rule("surgery.mirels.operated").first)
        #expect(small.severity == .advisory)
        // A fixation is what protects; a fracture after the curettage still needs one.
        #expect(assess(record(.prophylacticFixation), asOf: day("2023-03-02")).has("surgery.mirels.protected"))
        #expect(try #require(assess(record(.curettage, fractureAfter: true), asOf: day("2023-03-02")).rule("surgery.mirels.fractured").first).severity == .urgent)
        // Before the operation the lesion is scored as it stands.
        #expect(assess(record(.curettage), asOf: day("2023-01-20")).has("surgery.mirels.impendingFracture"))
    }
}

@Suite struct PartialDateIntervalTests {
    /// An outside bone scan dated only by month, the hospital's own that month, one after therapy.
    func record(outside: String) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2025-02"), castrationResistant: false)]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .left), Lesion(id: "L2", bone: .rib, laterality: .right)]
        let scan = { (id: String, date: String, lesions: [String]) in
            ImagingStudy(id: id, date: day(date), modality: .boneScan, observations: lesions.map { lesion in observation(lesion) { $0.uptake = true } })
        }
        r.studies = [scan("B1", outside, ["L1"]), scan("B2", "2025-03-20", ["L1", "L2"]), scan("B3", "2025-06-25", ["L1", "L2"])]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "degarelix", systemicClass: .endocrine, start: day("2025-03-25"))]
        return r
    }

    /// "2025-03" may be 2025-03-20 itself: "2025-03 → 2025-03-20: PD, new focus of uptake, off
    /// treatment" read the better scan's extra focus as untreated progression.
    @Test func aStudyThatMayBeTheSameDayIsNotAnInterval() throws {
        let a = assess(record(outside: "2025-03"), asOf: day("2025-07-01"))
        #expect(!a.timePoints.contains { $0.study == "B2" })
        #expect(!a.has("boneHealth.attribution.naturalHistory"))
        #expect(a.timePoints.first { $0.study == "B3" }?.previousStudy == "B2")
        // A month certainly before is an interval, as before.
        let earlier = assess(record(outside: "2025-02"), asOf: day("2025-07-01"))
        let point = try #require(earlier.timePoints.first { $0.study == "B2" })
        #expect(point.previousStudy == "B1")
        #expect(point.overall == .progressiveDisease)
    }
}

@Suite struct BoneLossDoseTests {
    func record(site: PrimarySite, doseMg: Double, interval: Int? = nil) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2022-06"), hormoneDependent: true, castrationResistant: site == .prostate ? false : nil)]
        r.treatments.append(Treatment(
            id: "D", kind: .boneModifyingAgent, start: day("2023-02-01"), agent: .denosumab, doseMg: doseMg, intervalWeeks: interval,
            doses: [day("2023-02-01")]))
        r.dentalExams = [day("2023-01-20")]
        return r
    }

    /// Smith 2009: denosumab 60 mg every 6 months against bone loss under ADT — a different
    /// indication and dose from SRE prevention (120 mg every 4 weeks; reference.md). Under ADT in
    /// castration-sensitive disease it was warned against as SRE prevention and due in 4 weeks.
    @Test func sixtyMilligramsIsTheBoneLossDose() throws {
        let cspc = assess(record(site: .prostate, doseMg: 60), asOf: day("2023-04-01"))
        let choice = try #require(cspc.rule("boneAgents.choice").first)
        #expect(choice.severity == .info)
        #expect(choice.title.en == "Denosumab 60 mg: the bone-loss dose, not SRE prevention")
        #expect(!cspc.has("boneAgents.doseDue"))
        // Due six months on, not four weeks.
        let due = try #require(assess(record(site: .prostate, doseMg: 60), asOf: day("2023-08-05")).rule("boneAgents.doseDue").first)
        #expect(due.date == day("2023-08-02"))
        #expect(!assess(record(site: .prostate, doseMg: 60), asOf: day("2023-07-30")).has("boneAgents.doseDue"))
        // Breast cancer with bone metastases on 60 mg: not the SRE-prevention dose.
        let breast = assess(record(site: .breast, doseMg: 60), asOf: day("2023-04-01"))
        let underdosed = try #require(breast.rule("boneAgents.choice").first)
        #expect(underdosed.severity == .warning)
        #expect(underdosed.detail.en.contains("120 mg every 4 weeks"))
        #expect(Claim.contradictions(in: breast.findings).isEmpty)
        #expect(Claim.contradictions(in: cspc.findings).isEmpty)
        // 120 mg in castration-sensitive disease is still SRE prevention that is not indicated.
        let prevention = assess(record(site: .prostate, doseMg: 120), asOf: day("2023-04-01"))
        #expect(try #require(prevention.rule("boneAgents.choice").first).severity == .warning)
        #expect(assess(record(site: .breast, doseMg: 120), asOf: day("2023-04-01")).rule("boneAgents.choice").first?.severity == .info)
    }
}

@Suite struct PETCTAnatomyTests {
    /// Melanoma under nivolumab + ipilimumab: a lytic acetabular lesion and a T11 lesion read on
    /// two PET-CTs with the bone window, sizes and character recorded.
    func record(acetabulumNow: [Double], uptakeChange: Double) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .melanoma, histologyType: .melanoma, diagnosed: day("2022-03"))]
        r.lesions = [
            Lesion(id: "L1", bone: .acetabulum, laterality: .right), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("T11")),
            Lesion(id: "L3", bone: .humerus, segment: .diaphysis, laterality: .left),
        ]
        let pet = { (id: String, date: String, observations: [LesionObservation]) in
            ImagingStudy(id: id, date: day(date), modality: .petCt, windows: [.bone], observations: observations)
        }
        r.studies = [
            pet("P1", "2023-01-05", [
                observation("L1", .lytic, [35, 30]) { $0.uptake = true; $0.boneDestruction = true },
                observation("L2", .lytic, [15, 14]) { $0.uptake = true },
                observation("L3", .lytic, [20, 12]) { $0.uptake = true },
            ]),
            pet("P2", "2023-03-28", [
                observation("L1", .lytic, acetabulumNow) { $0.uptake = true; $0.uptakeChangePercent = uptakeChange },
                observation("L2", .mixed, [13, 12]) { $0.uptake = true; $0.uptakeChangePercent = -60 },
                observation("L3", .lytic, [21, 12]) { $0.uptake = true },
            ]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "nivolumab + ipilimumab", systemicClass: .immunotherapy, start: day("2023-01-10"))]
        r.visceralMetastases = [VisceralMetastasis(organ: "lung", date: day("2023-01-05"))]
        return r
    }

    /// MDA is defined on X-ray, CT and MRI: the CT of a PET-CT that measured a lytic lesion grown
    /// by a third shows progression, which the uptake alone (+40 %, "flare" within the window,
    /// others responding) turned into a partial response.
    @Test func aGrowingLyticLesionOnThePETCTsCTIsProgressionNotFlare() throws {
        let a = assess(record(acetabulumNow: [42, 34], uptakeChange: 40), asOf: day("2023-03-30"))
        let point = try #require(a.timePoints.first { $0.study == "P2" })
        #expect(point.overall == .progressiveDisease)
        let acetabulum = try #require(point.lesions.first { $0.lesion == "L1" })
        #expect(acetabulum.category == .progressiveDisease && !acetabulum.flare)
        #expect(acetabulum.reasons.first?.en == "product of diameters +36.0 % (≥ 25 %)")
        #expect(!a.has("boneHealth.mda.flare"))
        // No change in the anatomy: the uptake speaks (here: 60 % less, a partial response).
        #expect(point.lesions.first { $0.lesion == "L2" }?.category == .partialResponse)
        // Unchanged in size, more uptake within the flare window while another responds: flare as before.
        let flare = assess(record(acetabulumNow: [35, 30], uptakeChange: 40), asOf: day("2023-03-30"))
        #expect(flare.timePoints.first { $0.study == "P2" }?.lesions.first { $0.lesion == "L1" }?.flare == true)
    }

    /// The PET-CT read the humerus "lytic": Mirels takes its type from there (the size still needs
    /// a film), and the lesion is not "cannot be assessed — no X-ray/CT reading".
    @Test func aPETCTsBoneReadingCountsForMirelsAndSINS() throws {
        let a = assess(record(acetabulumNow: [42, 34], uptakeChange: 40), asOf: day("2023-03-30"))
        #expect(!a.has("surgery.lesion.notAssessable"))
        let mirels = try #require(a.rule("surgery.mirels.incomplete").first { $0.subject == .lesion("L3") })
        #expect(mirels.detail.en.contains("lesion type: lytic — from PET-CT of 2023-03-28"))
        #expect(a.rule("surgery.spine.noms").contains { $0.subject == .lesion("L2") })
    }

    /// Lung metastases recorded without "treatable", "removable" or a pattern: each score's item
    /// ranges over the values of metastases present (Tomita 2–4, Tokuhashi 0–1), not over "none"
    /// as well; Katagiri's is nodular, a solid organ's (rule set .271).
    @Test func visceralMetastasesOnRecordNarrowTheirItem() throws {
        let a = assess(record(acetabulumNow: [42, 34], uptakeChange: 40), asOf: day("2023-03-30"))
        let tomita = try #require(a.tomita?.components.first { $0.key == "visceralMets" })
        #expect(tomita.possible == 2...4)
        let tokuhashi = try #require(a.tokuhashi?.components.first { $0.key == "visceralMets" })
        #expect(tokuhashi.possible == 0...1)
        let katagiri = try #require(a.katagiri?.components.first { $0.key == "visceralMets" })
        #expect(katagiri.possible == 1...1)
        #expect(tomita.valueLabel?.zhHans == "有，未记录能否治疗")
    }
}

@Suite struct StoppedWithoutBoneImagingTests {
    /// An HCC's first-line regimen stopped for progression (in the liver, as far as the record
    /// goes) with no bone study while it ran; bone imaged only under the next regimen.
    @Test func noBoneImagingWhileItRanSaysNothingOfBone() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .liver, histologyType: .hepatocellularCarcinoma, diagnosed: day("2021-11"))]
        r.studies = [ct("S1", "2023-05-03", [observation("L1", .lytic, [40, 25]) { $0.boneDestruction = true }])]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "atezolizumab + bevacizumab", systemicClass: .immunotherapy, start: day("2021-12"), end: day("2023-03"), stopReason: .progression),
            Treatment(id: "T2", kind: .systemic, name: "lenvatinib", systemicClass: .targeted, start: day("2023-04-01")),
        ]
        let finding = try #require(assess(r, asOf: day("2023-05-05")).rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(finding.severity == .info)
        #expect(finding.title.en.hasSuffix("was stopped for progression — no bone imaging while it ran"))
        #expect(finding.detail.en.contains("not judged here"))
        // A bone study in its window that showed no progression is still flagged as before.
        r.studies.insert(ct("S0", "2022-06-01", [observation("L1", .lytic, [40, 25]) { $0.boneDestruction = true }]), at: 0)
        r.treatments[0].end = day("2023-03-01")
        let imaged = try #require(assess(r, asOf: day("2023-05-05")).rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(imaged.severity != .info)
    }
}

@Suite struct ProgressionImagedJustAfterTheStopTests {
    /// Letrozole stopped for progression on 2023-04-01; the CT that shows it is of 2023-04-10, its
    /// interval (from 2023-03-20) under letrozole alone. The switch rests on that progression.
    @Test func progressionOverItsOwnWindowSupportsTheSwitch() throws {
        var r = baseCase()
        r.studies.append(ct("S3", "2023-04-10", [observation("L1", .lytic, [30, 30]) { $0.boneDestruction = true }]))
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2023-01-10"), end: day("2023-04-01"), stopReason: .progression),
            Treatment(id: "T2", kind: .systemic, name: "capecitabine", systemicClass: .chemotherapy, start: day("2023-04-15")),
        ]
        let a = assess(r, asOf: day("2023-04-20"))
        #expect(a.timePoints.last?.overall == .progressiveDisease)
        #expect(!a.has("boneHealth.attribution.unsupportedSwitch"))
        // Begun five days before the CT, the next regimen cannot show in bone yet (blasticLatencyWeeks,
        // rule set 2026.12.58): the progression is still the stopped one's.
        r.treatments[1].start = day("2023-04-05")
        #expect(!assess(r, asOf: day("2023-04-20")).has("boneHealth.attribution.unsupportedSwitch"))
        // Another regimen acting on bone in that interval (begun 8 weeks before the CT, beside
        // letrozole): the progression is not the stopped one's alone.
        r.treatments[1].start = day("2023-02-10")
        let shared = try #require(assess(r, asOf: day("2023-04-20")).rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(shared.detail.en.contains("Progression was first imaged on 2023-04-10, after it was stopped."))
    }
}

@Suite struct PlannedSpinalRadiotherapyTests {
    /// C5 at ESCC 3 with myelopathy on the MRI of 2023-08-02; the MDT plans palliative
    /// radiotherapy (no operation).
    func record(rtStart: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("C5"))]
        r.studies = [ImagingStudy(id: "M1", date: day("2023-08-02"), modality: .mri, coverage: [.cervicalSpine], observations: [
            observation("V", .lytic) { $0.escc = .g3; $0.collapse = .over50; $0.alignment = .subluxation; $0.posterolateral = .bilateral },
        ])]
        r.neurology = [NeurologyRecord(date: day("2023-08-02"), status: .myelopathy, frankel: .C, lesion: "V")]
        r.treatments.append(Treatment(id: "R1", kind: .radiotherapy, lesions: ["V"], start: day(rtStart), planned: true, doseGy: 20, fractions: 5))
        return r
    }

    /// A planned course is said (the finding stays urgent: planned is not done), and one that starts
    /// two days after the confirming MRI is measured against NICE NG234's 24 hours.
    @Test func aPlannedCourseIsNamedAndTimedAgainstTheMRI() throws {
        let late = try #require(assess(record(rtStart: "2023-08-04"), asOf: day("2023-08-03")).rule("surgery.spine.noms").first)
        #expect(late.severity == .urgent)
        #expect(late.detail.en.contains("Planned: radiotherapy 20 Gy in 5 fractions 2023-08-04–."))
        #expect(late.detail.en.contains("more than 24 hours after the confirming MRI (2023-08-02)"))
        #expect(late.detail.zhHans.contains("超过 24 小时"))
        let prompt = try #require(assess(record(rtStart: "2023-08-03"), asOf: day("2023-08-03")).rule("surgery.spine.noms").first)
        #expect(prompt.detail.en.contains("Planned: radiotherapy 20 Gy in 5 fractions 2023-08-03–."))
        #expect(!prompt.detail.en.contains("more than 24 hours"))
    }
}

@Suite struct UptakeWithoutDestructionIsNotScoredTests {
    /// A knee and L4 hot on the bone scan, the X-rays show osteoarthritis and no destruction.
    func record(destruction: Bool) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "K", bone: .tibia, segment: .proximal, laterality: .left), Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L4"))]
        r.studies = [
            ImagingStudy(id: "B1", date: day("2023-03-20"), modality: .boneScan, observations: [observation("K") { $0.uptake = true }, observation("V") { $0.uptake = true }]),
            ImagingStudy(id: "X1", date: day("2023-03-25"), modality: .xray, coverage: [.leftLowerLimb, .lumbarSpine], observations: [
                observation("K", destruction ? .lytic : nil) { $0.boneDestruction = destruction; $0.jointSpaceNarrowing = true; $0.osteophytes = true },
                observation("V", destruction ? .lytic : nil) { $0.boneDestruction = destruction; $0.osteophytes = true },
            ]),
        ]
        r.pain = [PainRecord(date: day("2023-03-20"), lesion: "K", mirels: .functional)]
        return r
    }

    /// "Do not diagnose or treat it as a metastasis" and "Mirels 7–11 may reach the fixation
    /// threshold — complete it" were said of the same degenerative knee.
    @Test func aHotSpotWithNothingUnderItIsNotScored() throws {
        let a = assess(record(destruction: false), asOf: day("2023-03-28"))
        #expect(a.rule("diagnosis.uptakeWithoutDestruction").count == 2)
        #expect(!a.findings.contains { $0.ruleId.hasPrefix("surgery.mirels") || $0.ruleId == "surgery.spine.noms" })
        // Destruction on the film: scored as before.
        let destroyed = assess(record(destruction: true), asOf: day("2023-03-28"))
        #expect(destroyed.findings.contains { $0.ruleId.hasPrefix("surgery.mirels") && $0.subject == .lesion("K") })
        #expect(destroyed.has("surgery.spine.noms", subject: .lesion("V")))
    }
}

@Suite struct BiopsyOfTheOwnDiseaseTests {
    /// Myeloma with a lytic L1 (biopsied: myeloma) and a femoral lesion nobody biopsied.
    func record(site: PrimarySite) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, histologyType: site == .myeloma ? .myeloma : nil, diagnosed: day("2022-12"))]
        r.lesions += [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = r.studies.map { study in
            var study = study
            study.observations.append(observation("V", .lytic, [18, 15]) { $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none })
            return study
        }
        r.biopsies = [Biopsy(lesion: "V", date: day("2023-01-07"), result: .myeloma)]
        return r
    }

    /// A biopsy that shows the patient's own disease keeps the lesion in the response, the spine's
    /// scores and Tokuhashi; myeloma in a breast-cancer patient remains another disease.
    @Test func myelomaOnBiopsyOfAMyelomaPatientIsTheDisease() throws {
        let a = assess(record(site: .myeloma), asOf: day("2023-03-25"))
        #expect(a.timePoints.last?.lesions.contains { $0.lesion == "V" } == true)
        #expect(a.has("surgery.spine.noms", subject: .lesion("V")))
        #expect(a.tokuhashi != nil)
        let breast = assess(record(site: .breast), asOf: day("2023-03-25"))
        #expect(breast.timePoints.last?.lesions.contains { $0.lesion == "V" } == false)
    }
}

@Suite struct SameBoneImplantTests {
    /// A femur nailed for its peritrochanteric lesion; a diaphyseal lesion of the same femur a year on.
    func record(side: Laterality) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "P", bone: .femur, segment: .peritrochanteric, laterality: .right),
            Lesion(id: "D", bone: .femur, segment: .diaphysis, laterality: side),
        ]
        let xray = { (id: String, date: String, observations: [LesionObservation]) in
            ImagingStudy(id: id, date: day(date), modality: .xray, coverage: [.rightLowerLimb, .leftLowerLimb], observations: observations)
        }
        r.studies = [
            xray("X1", "2023-01-05", [observation("P", .lytic) { $0.fractionOfDiameter = 0.7 }, LesionObservation(lesion: "D", present: false)]),
            xray("X2", "2024-01-05", [observation("P", .mixed) { $0.fractionOfDiameter = 0.7 }, observation("D", .lytic) { $0.fractionOfDiameter = 0.5 }]),
        ]
        r.pain = [PainRecord(date: day("2024-01-05"), lesion: "D", mirels: .moderate)]
        r.treatments.append(Treatment(id: "S1", kind: .surgery, name: "long cephalomedullary nail", lesions: ["P"], start: day("2023-01-12"), procedure: .prophylacticFixation))
        return r
    }

    @Test func aLesionInANailedBoneAsksWhetherTheNailSpansIt() throws {
        let a = assess(record(side: .right), asOf: day("2024-01-06"))
        let finding = try #require(a.rule("surgery.mirels.impendingFracture").first { $0.subject == .lesion("D") })
        #expect(finding.title.en.contains("does the bone's implant span it? If not,"))
        #expect(finding.detail.en.hasPrefix("The bone already holds an implant (long cephalomedullary nail 2023-01-12 (surgery), for right femur, peritrochanteric)"))
        #expect(finding.title.zhHans.contains("是否跨越该病灶"))
        // The other femur holds nothing.
        let other = try #require(assess(record(side: .left), asOf: day("2024-01-06")).rule("surgery.mirels.impendingFracture").first)
        #expect(!other.title.en.contains("implant"))
    }
}

@Suite struct ConcurrentBoneAgentsTests {
    /// Zoledronic acid since 2023-01-20 (its order never closed), denosumab from 2023-08-01.
    @Test func anOpenOldCourseBesideANewAgentIsReadAsASwitch() throws {
        var r = baseCase()
        r.treatments += [
            Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 12, doses: [day("2023-01-20"), day("2023-04-14")]),
            Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-08-01"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [day("2023-08-01")]),
        ]
        r.dentalExams = [day("2023-01-10")]
        let a = assess(r, asOf: day("2023-09-01"))
        let concurrent = try #require(a.rule("boneAgents.concurrent").first)
        #expect(concurrent.severity == .warning)
        #expect(concurrent.title.en == "Two bone-modifying agents on record at once — confirm the switch to denosumab")
        #expect(concurrent.detail.en.hasPrefix("Open courses: zoledronic acid since 2023-01-20, last dose 2023-04-14; denosumab since 2023-08-01"))
        // Only the course in force is due and weighed; the old one is neither.
        #expect(a.rule("boneAgents.doseDue").map(\.subject) == [.treatment("D")])
        #expect(!a.findings.contains { $0.subject == .treatment("Z") })
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // The old course closed: no warning.
        r.treatments[1].end = day("2023-07-15")
        #expect(!assess(r, asOf: day("2023-09-01")).has("boneAgents.concurrent"))
    }
}

@Suite struct CompressionAfterSpinalSurgeryTests {
    /// T10 at ESCC 2, separation surgery on 2023-03-15; MRI after it at ESCC 0, then ESCC 2 again.
    func record(lastESCC: ESCC.Grade) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T10"))]
        let mri = { (id: String, date: String, grade: ESCC.Grade, size: [Double]) in
            ImagingStudy(id: id, date: day(date), modality: .mri, coverage: [.thoracicSpine], observations: [
                observation("V", .lytic, size) { $0.escc = grade; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral },
            ])
        }
        r.studies = [mri("M1", "2023-03-01", .g2, [30, 28]), mri("M2", "2023-06-01", .g0, [20, 18]), mri("M3", "2024-01-08", lastESCC, [34, 30])]
        r.neurology = [NeurologyRecord(date: day("2024-01-08"), status: .intact)]
        r.treatments.append(Treatment(id: "S1", kind: .surgery, lesions: ["V"], start: day("2023-03-15"), procedure: .separationSurgery))
        return r
    }

    @Test func highGradeCompressionAfterTheOperationIsARecurrence() throws {
        let recurrent = try #require(assess(record(lastESCC: .g2), asOf: day("2024-01-10")).rule("surgery.spine.noms").first)
        #expect(recurrent.severity == .urgent)
        #expect(recurrent.detail.en.contains("Recurrent compression after separation surgery 2023-03-15"))
        #expect(!recurrent.detail.en.contains("Treated:"))
        // Low grade after the operation: still treated, as before (its radiotherapy after it
        // not on record: an advisory asking for it, 2026.12.141).
        let quiet = try #require(assess(record(lastESCC: .g1a), asOf: day("2024-01-10")).rule("surgery.spine.noms").first)
        #expect(quiet.severity == .advisory)
        #expect(quiet.detail.en.contains("No radiotherapy after it is on record"))
        #expect(quiet.detail.en.contains("Treated: separation surgery 2023-03-15"))
    }
}

@Suite struct FractureAfterFixationTests {
    /// A femur nailed prophylactically on 2023-02-01; a fracture on the X-ray of 2023-10-01 (or
    /// the fracture the nail was put in for, seen on 2023-01-20).
    func record(fractureOn: String) -> CaseRecord {
        var r = baseCase()
        r.studies = [
            ImagingStudy(id: "X1", date: day("2023-01-20"), modality: .xray, coverage: [.leftLowerLimb], observations: [
                observation("L1", .lytic) { $0.fractionOfDiameter = 0.7; $0.fracture = fractureOn == "2023-01-20" ? true : nil },
            ]),
            ImagingStudy(id: "X2", date: day("2023-10-01"), modality: .xray, coverage: [.leftLowerLimb], observations: [
                observation("L1", .lytic) { $0.fractionOfDiameter = 0.7; $0.fracture = true },
            ]),
        ]
        r.treatments.append(Treatment(id: "S1", kind: .surgery, lesions: ["L1"], start: day("2023-02-01"), procedure: .prophylacticFixation))
        return r
    }

    @Test func aFractureFirstSeenAfterTheFixationIsUrgent() throws {
        let failed = try #require(assess(record(fractureOn: "2023-10-01"), asOf: day("2023-10-02")).rule("surgery.mirels.fractured").first)
        #expect(failed.severity == .urgent)
        #expect(failed.title.en == "left femur, diaphysis: fracture after prophylactic fixation — urgent orthopaedic review")
        #expect(failed.detail.en.contains("first recorded on 2023-10-01, after it"))
        // The fracture the fixation treated: info, as before.
        let treated = try #require(assess(record(fractureOn: "2023-01-20"), asOf: day("2023-10-02")).rule("surgery.mirels.fractured").first)
        #expect(treated.severity == .info)
    }
}

@Suite struct UnusualSiteBeforeFixationTests {
    /// A thyroid cancer with several lesions; the distal radius is lytic over half its diameter
    /// with pain on use — biopsy indicated there (reference.md: distal to the elbow or knee).
    @Test func aLesionDistalToTheElbowIsBiopsiedBeforeItIsFixed() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .thyroid, histologyType: .thyroidCarcinoma, diagnosed: day("2022-01"))]
        r.lesions = [Lesion(id: "R", bone: .radius, segment: .distal, laterality: .right), Lesion(id: "S", bone: .scapula, laterality: .left)]
        r.studies = [ImagingStudy(id: "X1", date: day("2023-01-05"), modality: .xray, coverage: [.rightUpperLimb, .leftUpperLimb], observations: [
            observation("R", .lytic) { $0.fractionOfDiameter = 0.5; $0.boneDestruction = true }, observation("S", .lytic) { $0.boneDestruction = true },
        ])]
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "R", mirels: .moderate)]
        let a = assess(r, asOf: day("2023-01-06"))
        #expect(a.has("diagnosis.biopsy.indicated", subject: .lesion("R")))
        let fixation = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(fixation.title.en.contains("biopsy first, then prophylactic fixation"))
        #expect(fixation.detail.en.contains("unusual site (distal to the elbow or knee)"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }
}
