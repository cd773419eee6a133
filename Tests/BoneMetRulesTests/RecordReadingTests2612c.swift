import BoneMetRules
import Testing

/// Rule set 2026.12.57, from a batch of unseen records: a breast cancer with hot T7 and L3, no
/// destruction on the CT bone window and an MRI that disagreed — at T7 with epidural tumour and
/// myelopathy — and a biopsy-proven chordoma compressing the cord.
@Suite struct MassWithoutDestructionTests {
    /// Bone scan hot at T7 and L3, CT bone window without destruction at both, then an MRI.
    func record(t7: (inout LesionObservation) -> Void, l3: (inout LesionObservation) -> Void = { _ in }, deficit: Bool) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7")), Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3"))]
        r.studies = [
            survey("B1", "2023-03-01", ["T7", "L3"]),
            ct("C1", "2023-03-05", [observation("T7") { $0.boneDestruction = false }, observation("L3") { $0.boneDestruction = false }]),
            study("M1", "2023-03-10", .mri, coverage: [.thoracicSpine, .lumbarSpine], [observation("T7", configure: t7), observation("L3", configure: l3)]),
        ]
        r.neurology = [NeurologyRecord(date: day("2023-03-10"), status: deficit ? .myelopathy : .intact, frankel: deficit ? .D : .E, lesion: deficit ? "T7" : nil)]
        return r
    }

    /// Source hospital: uptake without CT destruction is no metastasis diagnosis — about the
    /// bone. Epidural tumour (Bilsky ESCC 2) is a mass it does not exclude: the compression gets
    /// its spine finding (NOMS, NICE NG234 with the deficit) and the diagnosis is "imaging cannot
    /// decide — pathology" instead of "do not treat it as a metastasis".
    @Test func epiduralTumourIsNotExcludedByTheBoneWindow() throws {
        let a = assess(record(t7: { $0.escc = .g2 }, deficit: true), asOf: day("2023-03-12"))
        #expect(!a.has("diagnosis.uptakeWithoutDestruction", subject: .lesion("T7")))
        let mass = try #require(a.rule("diagnosis.massWithoutDestruction").first)
        #expect(mass.subject == .lesion("T7"))
        #expect(mass.severity == .warning)
        #expect(mass.title.en.contains("epidural tumour (ESCC 2) without bone destruction"))
        #expect(mass.detail.en.contains("pathology is the gold standard"))
        #expect(mass.detail.zhHans.contains("病理是金标准"))
        let spine = try #require(a.rule("surgery.spine.noms").first { $0.subject == .lesion("T7") })
        #expect(spine.severity == .urgent)
        #expect(spine.detail.en.contains("dexamethasone 16 mg"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // ESCC 0 (bone only) is no mass: the source hospital's reading stands.
        let bone = assess(record(t7: { $0.escc = .g0 }, deficit: false), asOf: day("2023-03-12"))
        #expect(bone.has("diagnosis.uptakeWithoutDestruction", subject: .lesion("T7")))
        #expect(!bone.has("diagnosis.massWithoutDestruction"))
        #expect(!bone.has("surgery.spine.noms"))
        // 1a is epidural tumour already (Bilsky 2010), low grade: a mass, no emergency.
        let low = assess(record(t7: { $0.escc = .g1a }, deficit: false), asOf: day("2023-03-12"))
        #expect(low.has("diagnosis.massWithoutDestruction", subject: .lesion("T7")))
        #expect(try #require(low.rule("surgery.spine.noms").first).severity < .urgent)
    }

    /// A soft-tissue component measured on CT or MRI is a mass too; 0 mm is none.
    @Test func aSoftTissueComponentIsAMass() throws {
        let a = assess(record(t7: { $0.softTissueMm = 15 }, deficit: false), asOf: day("2023-03-12"))
        #expect(try #require(a.rule("diagnosis.massWithoutDestruction").first).title.en.contains("a soft-tissue mass (15 mm)"))
        let none = assess(record(t7: { $0.softTissueMm = 0 }, deficit: false), asOf: day("2023-03-12"))
        #expect(none.has("diagnosis.uptakeWithoutDestruction", subject: .lesion("T7")))
        #expect(!none.has("diagnosis.massWithoutDestruction"))
    }

    /// The MRI's signal is said beside the CT's reading: abnormal disagrees (the source MDT: MRI
    /// alone has many false positives — pathology when imaging cannot decide), normal agrees.
    @Test func theMRISignalIsSaidBesideTheBoneWindow() throws {
        let a = assess(record(t7: { $0.normalSignal = true }, l3: { $0.normalSignal = false }, deficit: false), asOf: day("2023-03-12"))
        let t7 = try #require(a.rule("diagnosis.uptakeWithoutDestruction").first { $0.subject == .lesion("T7") })
        let l3 = try #require(a.rule("diagnosis.uptakeWithoutDestruction").first { $0.subject == .lesion("L3") })
        #expect(t7.detail.en.contains("shows normal signal here, which agrees"))
        #expect(l3.detail.en.contains("shows abnormal signal here: MRI alone has many false positives"))
        #expect(l3.detail.zhHans.contains("信号异常"))
        let silent = assess(record(t7: { _ in }, deficit: false), asOf: day("2023-03-12"))
        #expect(!(try #require(silent.rule("diagnosis.uptakeWithoutDestruction").first).detail.en.contains("signal")))
    }
}

@Suite struct CompressionOtherCauseTests {
    /// A T7 lytic lesion a biopsy showed to be a primary bone tumour, graded on MRI.
    func record(escc: ESCC.Grade, neuro: NeurologicalStatus, result: BiopsyResult = .primaryBoneTumour, atLesion: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7"))]
        r.studies = [
            ct("C1", "2023-03-05", [observation("T7", .lytic) { $0.boneDestruction = true }]),
            study("M1", "2023-03-10", .mri, coverage: [.thoracicSpine], [observation("T7") { $0.escc = escc }]),
        ]
        r.biopsies = [Biopsy(lesion: "T7", date: day("2023-03-08"), decalcification: .edta, result: result, histology: "chordoma")]
        r.neurology = [NeurologyRecord(date: day("2023-03-10"), status: neuro, frankel: neuro == .intact ? .E : .D, lesion: atLesion ? "T7" : nil)]
        return r
    }

    /// SINS and NOMS are for metastases (Fisher 2010, Laufer 2013), so the lesion leaves the
    /// spine findings — its compression must not: a chordoma at ESCC 2 with myelopathy had no
    /// word of the cord.
    @Test func compressionAtANonMetastaticLesionIsStillAnEmergency() throws {
        let a = assess(record(escc: .g2, neuro: .myelopathy), asOf: day("2023-03-12"))
        let f = try #require(a.rule("surgery.spine.compressionOtherCause").first)
        #expect(f.severity == .urgent)
        #expect(f.specialty == .spineSurgery)
        #expect(f.detail.en.contains("ESCC 2"))
        #expect(f.detail.en.contains("a bone-tumour spine surgeon"))
        #expect(!f.detail.en.contains("dexamethasone"))
        #expect(!a.has("surgery.spine.noms"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // High grade without a deficit: a spine-surgery review, not an emergency.
        let intact = assess(record(escc: .g3, neuro: .intact), asOf: day("2023-03-12"))
        #expect(try #require(intact.rule("surgery.spine.compressionOtherCause").first).severity == .warning)
        // Low grade, intact: nothing to add to "biopsy shows primary bone tumour".
        let low = assess(record(escc: .g1b, neuro: .intact), asOf: day("2023-03-12"))
        #expect(!low.has("surgery.spine.compressionOtherCause"))
        // A deficit recorded for the patient, not this level, with a low grade here: not its cause.
        let elsewhere = assess(record(escc: .g1a, neuro: .myelopathy, atLesion: false), asOf: day("2023-03-12"))
        #expect(!elsewhere.has("surgery.spine.compressionOtherCause"))
        // A degenerative lesion compressing with a deficit: its cause's treatment, not a tumour surgeon's.
        let degenerative = assess(record(escc: .g2, neuro: .myelopathy, result: .degenerative), asOf: day("2023-03-12"))
        #expect(try #require(degenerative.rule("surgery.spine.compressionOtherCause").first).detail.en.contains("as its cause requires"))
    }
}

@Suite struct NoComparableStudyTests {
    /// Staged on CT, restaged on MRI only under letrozole (begun 2023-01-10).
    func record(mri: (inout LesionObservation) -> Void, laterCT: Bool = false, treated: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [30, 24]) { $0.boneDestruction = true }]),
            study("M1", "2023-04-01", .mri, coverage: [.leftLowerLimb], [observation("L1", configure: mri)]),
        ]
        if laterCT { r.studies.append(ct("S2", "2023-04-10", [observation("L1", .lytic, [30, 24]) { $0.boneDestruction = true }])) }
        if !treated { r.treatments = [] }
        return r
    }

    /// MDA's criteria are defined per method (Hamaoka 2004) and RECIST 1.1 asks for the same
    /// method at baseline and follow-up: a restaging MRI has no time point — said, with the sizes
    /// side by side, instead of no response finding at all.
    @Test func aRestagingOnAnotherMethodIsSaid() throws {
        let a = assess(record(mri: { $0.diametersMm = [36, 29] }), asOf: day("2023-04-02"))
        let f = try #require(a.rule("boneHealth.mda.noComparableStudy").first)
        #expect(f.subject == .study("M1"))
        #expect(f.severity == .advisory)
        #expect(f.title.en == "MRI of 2023-04-01: response not assessed — no earlier MRI to compare with")
        #expect(f.detail.en.contains("last seen on the CT of 2023-01-05"))
        #expect(f.detail.en.contains("Restage on CT, or take this MRI as the new baseline"))
        #expect(f.detail.en.contains("36 × 29 mm (MRI) against 30 × 24 mm (CT) — not comparable across methods"))
        #expect(f.detail.zhHans.contains("不同检查方法之间不可比较"))
        #expect(!a.has("boneHealth.mda.timePoint"))
        // An MRI read for the cord alone restages nothing.
        let cord = assess(record(mri: { $0.escc = .g0 }), asOf: day("2023-04-02"))
        #expect(!cord.has("boneHealth.mda.noComparableStudy"))
        // A later CT is compared with the baseline: the MRI between is not the restaging.
        let compared = assess(record(mri: { $0.diametersMm = [36, 29] }, laterCT: true), asOf: day("2023-04-12"))
        #expect(!compared.has("boneHealth.mda.noComparableStudy"))
        #expect(compared.has("boneHealth.mda.timePoint"))
        // Nothing given between the two: no response to judge.
        let untreated = assess(record(mri: { $0.diametersMm = [36, 29] }, treated: false), asOf: day("2023-04-02"))
        #expect(!untreated.has("boneHealth.mda.noComparableStudy"))
    }

    /// cb24-t: a CT reading a humerus last seen on X-ray and an L3 on no earlier anatomic study
    /// read "its lesions were last seen on the X-ray". Each is said as it stands.
    @Test func aLesionTheBaselineDidNotShowIsSaidApart() throws {
        var r = record(mri: { $0.diametersMm = [36, 29] })
        r.lesions.append(Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L3")))
        r.studies[1].coverage = [.leftLowerLimb, .lumbarSpine]
        r.studies[1].observations.append(observation("L2", .blastic, [12, 10]))
        let f = try #require(assess(r, asOf: day("2023-04-02")).rule("boneHealth.mda.noComparableStudy").first)
        #expect(f.detail.en.hasPrefix("Left femur, diaphysis was last seen on the CT of 2023-01-05 (L3 vertebra: on no earlier X-ray, CT or MRI — this MRI is its baseline)"), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("（L3 椎体：此前无 X 线、CT 或 MRI——以本次 MRI 检查为基线）"), "\(f.detail.zhHans)")
    }
}

@Suite struct ExplainedBlasticUnderTherapyTests {
    /// A blastic spine first imaged under long-running therapy, with no earlier image of it.
    func record(prostate: Bool) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = prostate ? .male : .female
        r.primaries = [prostate
            ? PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2020-01"))
            : PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2020-01"), hormoneDependent: true)]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: prostate ? "goserelin" : "letrozole", systemicClass: .endocrine, start: day("2020-02-01"))]
        r.lesions = [Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2"))]
        r.studies = [survey("B1", "2023-03-01", ["L2"]), ct("S1", "2023-03-03", [observation("L2", .blastic) { $0.boneDestruction = true }])]
        return r
    }

    /// Source hospital: the blastic rules are for an unexplained lesion. A prostate cancer's
    /// blastic metastases first imaged years into ADT each read "blastic lesion under systemic
    /// therapy — do not biopsy" — a biopsy nobody asked for, one advisory per lesion on the first
    /// screen. Explained, they are said as explained (info); a breast cancer's stays as it was.
    @Test func anExplainedBlasticLesionIsNotToldDoNotBiopsy() throws {
        let a = assess(record(prostate: true), asOf: day("2023-03-10"))
        #expect(a.has("diagnosis.blastic.explained", subject: .lesion("L2")))
        #expect(!a.has("diagnosis.biopsy.blasticAfterTherapy"))
        let b = assess(record(prostate: false), asOf: day("2023-03-10"))
        #expect(b.has("diagnosis.biopsy.blasticAfterTherapy", subject: .lesion("L2")))
        #expect(!b.has("diagnosis.blastic.explained"))
    }
}

@Suite struct ZoledronicIntervalTests {
    func record(_ doses: [String], calcium: Double? = nil) -> CaseRecord {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-01-15"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        if let calcium {
            r.labs += [
                LabResult(date: day("2023-01-19"), test: .calcium, value: calcium, unit: "mg/dL"),
                LabResult(date: day("2023-01-19"), test: .albumin, value: 4.0, unit: "g/dL"),
            ]
        }
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day(doses[0]), agent: .zoledronicAcid, doseMg: 4, doses: doses.map(day)))
        r.dentalExams = [day("2023-01-10")]
        return r
    }

    /// Zometa label: every 3–4 weeks for bone metastases; a retreatment of hypercalcaemia after at
    /// least 7 days. Doses 14 days apart are named; 21 days apart are the label's shortest interval.
    @Test func dosesCloserThanTheLabelAreNamed() throws {
        let a = assess(record(["2023-01-20", "2023-02-03"]), asOf: day("2023-02-05"))
        let f = try #require(a.rule("boneAgents.zoledronic.interval").first)
        #expect(f.severity == .warning)
        #expect(f.detail.en.hasPrefix("2023-01-20 → 2023-02-03 (14 days; minimum 21)"))
        #expect(f.inputs.contains(FindingInput("closestDays", "14")))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        #expect(!assess(record(["2023-01-20", "2023-02-10"]), asOf: day("2023-02-12")).has("boneAgents.zoledronic.interval"))
        #expect(assess(record(["2023-01-20", "2023-02-09"]), asOf: day("2023-02-12")).has("boneAgents.zoledronic.interval"))
        // A dose dated by its month only may lie a month from its neighbour: not certainly close.
        #expect(!assess(record(["2023-01", "2023-01-02"]), asOf: day("2023-02-12")).has("boneAgents.zoledronic.interval"))
        #expect(assess(record(["2023-01-02", "2023-01-03"]), asOf: day("2023-02-12")).rule("boneAgents.zoledronic.interval").first?.detail.en.hasPrefix("2023-01-02 → 2023-01-03 (1 day;") == true)
        // One dose entered twice.
        let twice = assess(record(["2023-01-20", "2023-01-20"]), asOf: day("2023-02-12"))
        #expect(try #require(twice.rule("boneAgents.zoledronic.interval").first).detail.en.contains("a dose entered twice?"))
    }

    /// In hypercalcaemia (corrected calcium 13 mg/dL before the second dose) the minimum is 7 days.
    @Test func hypercalcaemiaAllowsARetreatmentAfterSevenDays() throws {
        #expect(!assess(record(["2023-01-13", "2023-01-20"], calcium: 13), asOf: day("2023-01-22")).has("boneAgents.zoledronic.interval"))
        let early = assess(record(["2023-01-15", "2023-01-20"], calcium: 13), asOf: day("2023-01-22"))
        #expect(try #require(early.rule("boneAgents.zoledronic.interval").first).detail.en.contains("(5 days; minimum 7, in hypercalcaemia)"))
    }
}

@Suite struct LymphomaBoneAgentTests {
    func record(_ site: PrimarySite) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2022-12"))]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "R-CHOP", drugs: ["rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone"], start: day("2023-01-10"))]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-06"), decalcification: .edta, result: site == .lymphoma ? .lymphoma : .metastasis)]
        return r
    }

    /// ESMO 2020 and the trials (Henry 2011: solid tumours other than breast and prostate, and
    /// myeloma) do not cover lymphoma: a DLBCL in bone read "in solid tumours … start".
    @Test func lymphomaInBoneHasNoEstablishedIndication() throws {
        let a = assess(record(.lymphoma), asOf: day("2023-03-21"))
        let f = try #require(a.rule("boneAgents.indication").first)
        #expect(f.severity == .info)
        #expect(f.specialty == .haematology)
        #expect(f.title.en == "Lymphoma in bone: no established indication for a bone-modifying agent")
        #expect(!f.detail.en.contains("solid tumours other than breast and prostate, start"))
        #expect(f.detail.zhHans.contains("适应证未确立"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // A solid tumour (lung) keeps "start".
        let lung = try #require(assess(record(.lung), asOf: day("2023-03-21")).rule("boneAgents.indication").first)
        #expect(lung.detail.en.contains("in solid tumours other than breast and prostate, start"))
        #expect(lung.specialty == .medicalOncology)
    }
}

@Suite struct BloodCancerResponseTests {
    /// A lytic femoral lesion that gains a sclerotic rim on the second CT (MDA: PR).
    func record(_ site: PrimarySite) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2022-12"))]
        r.studies[1] = ct("S2", "2023-03-20", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true; $0.scleroticRim = true }])
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "VRd", drugs: ["bortezomib", "lenalidomide", "dexamethasone"], start: day("2023-01-10"))]
        return r
    }

    /// MDA and RECIST 1.1 are for solid tumours' bone metastases; myeloma responds by IMWG
    /// (Kumar 2016), lymphoma by Lugano (Cheson 2014). A myeloma had a "RECIST measurability
    /// undetermined" finding for every lesion, and a rim read as "bone response PR".
    @Test func myelomaAndLymphomaRespondByTheirOwnCriteria() throws {
        let a = assess(record(.myeloma), asOf: day("2023-03-21"))
        let f = try #require(a.rule("boneHealth.bloodCancerResponse").first)
        #expect(f.specialty == .haematology)
        #expect(f.detail.en.contains("IMWG"))
        #expect(!f.detail.en.contains("Lugano"))
        #expect(!a.has("boneHealth.recist.measurability"))
        let point = try #require(a.rule("boneHealth.mda.timePoint").first)
        #expect(point.title.en.hasSuffix("partial response (PR) (MDA) — a reading of the bone, not the disease's response"))
        let lymphoma = assess(record(.lymphoma), asOf: day("2023-03-21"))
        #expect(try #require(lymphoma.rule("boneHealth.bloodCancerResponse").first).detail.en.contains("Lugano"))
        // A solid tumour: RECIST and MDA as before.
        let breast = assess(record(.breast), asOf: day("2023-03-21"))
        #expect(!breast.has("boneHealth.bloodCancerResponse"))
        #expect(breast.has("boneHealth.recist.measurability"))
        #expect(try #require(breast.rule("boneHealth.mda.timePoint").first).title.en.hasSuffix("partial response (PR) (MDA)"))
    }
}

@Suite struct HypocalcaemiaBeforeFirstDoseTests {
    /// Xgeva label: correct pre-existing hypocalcaemia before treatment. A course only planned
    /// has no "next" dose: its first (planned) dose is the one to wait.
    @Test func aPlannedCourseWaitsForItsFirstDose() throws {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-03-15"), test: .calcium, value: 7.6, unit: "mg/dL"),
            LabResult(date: day("2023-03-15"), test: .albumin, value: 4.0, unit: "g/dL"),
        ]
        r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-03-25"), planned: true, agent: .denosumab, doseMg: 120))
        let planned = try #require(assess(r, asOf: day("2023-03-21")).rule("labs.hypocalcaemia").first)
        #expect(planned.detail.en.contains("Correct it before the first dose of denosumab (planned 2023-03-25)"))
        #expect(planned.detail.zhHans.contains("首剂地舒单抗（计划 2023-03-25）"))
        r.treatments[1] = Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-02-25"), agent: .denosumab, doseMg: 120, doses: [day("2023-02-25")])
        let given = try #require(assess(r, asOf: day("2023-03-21")).rule("labs.hypocalcaemia").first)
        #expect(given.detail.en.contains("Correct it before the next dose of denosumab"))
    }
}

@Suite struct PrimarySearchTests {
    func record(biopsy: BiopsyResult?) -> CaseRecord {
        var r = baseCase()
        r.primaries = []
        r.treatments = []
        if let biopsy {
            r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-08"), decalcification: .edta, result: biopsy, histology: "adenocarcinoma, TTF-1 positive")]
        }
        return r
    }

    /// Once a biopsy has proven a metastasis of an unknown primary, the question is where from:
    /// a femur proven TTF-1-positive adenocarcinoma without a primary on record had no finding.
    @Test func aProvenMetastasisWithoutAPrimaryAsksForTheSearch() throws {
        let a = assess(record(biopsy: .metastasis), asOf: day("2023-03-21"))
        let f = try #require(a.rule("diagnosis.primarySearch").first)
        #expect(f.detail.en.hasPrefix("The biopsy of 2023-01-08 (left femur, diaphysis) shows metastasis: adenocarcinoma, TTF-1 positive."))
        #expect(f.specialty == .medicalOncology)
        #expect(!a.has("diagnosis.biopsy.noKnownPrimary"))
        // Myeloma is excluded by that biopsy: not asked for beside the agent's indication.
        #expect(!(try #require(a.rule("boneAgents.indication").first).detail.en.contains("exclude myeloma first")))
        // Before the biopsy: "pathology needed", and no search yet.
        let before = assess(record(biopsy: nil), asOf: day("2023-03-21"))
        #expect(before.has("diagnosis.biopsy.noKnownPrimary"))
        #expect(!before.has("diagnosis.primarySearch"))
        // With the primary on record, nothing to search.
        var known = record(biopsy: .metastasis)
        known.primaries = [PrimaryCancer(id: "P1", site: .lung, diagnosed: day("2023-01"))]
        #expect(!assess(known, asOf: day("2023-03-21")).has("diagnosis.primarySearch"))
    }
}

@Suite struct OsteonecrosisAndTheAlternativeTests {
    /// Stopeck 2010: osteonecrosis of the jaw about 2.0 % with denosumab and 1.4 % with zoledronic
    /// acid, not significantly different. With it on record, "Denosumab: the alternative is
    /// zoledronic acid" read as a way out of it.
    @Test func theAlternativeIsNoRemedyForOsteonecrosis() throws {
        var r = baseCase()
        r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .denosumab, doseMg: 120, doses: [day("2023-01-20"), day("2023-02-17")]))
        r.dentalExams = [day("2023-01-15")]
        let plain = try #require(assess(r, asOf: day("2023-03-01")).rule("boneAgents.choice").first)
        #expect(plain.title.en == "Denosumab: the alternative is zoledronic acid")
        r.events = [ClinicalEvent(date: day("2023-02-25"), kind: .osteonecrosisOfJaw)]
        let a = assess(r, asOf: day("2023-03-01"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.title.en == "Denosumab: switching to zoledronic acid does not avoid osteonecrosis of the jaw")
        #expect(choice.detail.en.contains("both agents carry the risk (Stopeck 2010"))
        #expect(choice.detail.zhHans.contains("两药均有此风险"))
        #expect(a.has("boneAgents.osteonecrosisOfJaw"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }
}

@Suite struct StaleCalciumTests {
    /// Corrected calcium 13 mg/dL on 2023-01-19, zoledronic acid 4 mg the next day, then monthly
    /// doses with no calcium since. CrCl 51.4 mL/min (53 years, 60 kg, female, 1.2 mg/dL).
    func record(_ doses: [String]) -> CaseRecord {
        var r = baseCase()
        r.labs = [
            LabResult(date: day("2023-01-15"), test: .creatinine, value: 1.2, unit: "mg/dL"),
            LabResult(date: day("2023-01-19"), test: .calcium, value: 13, unit: "mg/dL"),
            LabResult(date: day("2023-01-19"), test: .albumin, value: 4.0, unit: "g/dL"),
        ]
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day(doses[0]), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4, doses: doses.map(day)))
        r.dentalExams = [day("2023-01-10")]
        return r
    }

    /// A calcium dated before a course's previous dose was that dose's reason: the monthly doses
    /// after it are SRE prevention, dosed by CrCl (Zometa label), not "for hypercalcaemia — no
    /// CrCl adjustment"; and the high value is the last on record, to recheck, not a fact of today.
    @Test func aCalciumBeforeThePreviousDoseSaysNothingOfTheNext() throws {
        let one = assess(record(["2023-01-20"]), asOf: day("2023-01-25"))
        #expect(try #require(one.rule("boneAgents.zoledronic.dose").first).title.en.contains("for hypercalcaemia — no CrCl adjustment"))
        let a = assess(record(["2023-01-20", "2023-02-17", "2023-03-17"]), asOf: day("2023-03-20"))
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.title.en.hasPrefix("Zoledronic acid 3.5 mg for CrCl"))
        #expect(!dose.title.en.contains("hypercalcaemia"))
        let supplements = try #require(a.rule("boneAgents.calciumVitaminD").first)
        #expect(supplements.detail.en.contains("before 3 doses of zoledronic acid since: recheck it"))
        let high = try #require(a.rule("labs.hypercalcaemia").first)
        #expect(high.detail.en.contains("Treated: zoledronic acid on 2023-03-17 (3 doses since the high calcium, this the last)"))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
        // A recheck high before a later dose makes that dose a hypercalcaemia dose again.
        var rechecked = record(["2023-01-20", "2023-02-17"])
        rechecked.labs.append(LabResult(date: day("2023-02-16"), test: .calcium, value: 12.5, unit: "mg/dL"))
        #expect(try #require(assess(rechecked, asOf: day("2023-02-20")).rule("boneAgents.zoledronic.dose").first).title.en.contains("for hypercalcaemia"))
    }
}

@Suite struct CreatinineBeforeEachDoseTests {
    /// Zometa label: serum creatinine before each dose. A due dose whose last creatinine predates
    /// the last dose asks for it; one measured since does not.
    @Test func aDueDoseAsksForACreatinineWhenTheLastPredatesTheLastDose() throws {
        var r = baseCase()
        r.labs = [LabResult(date: day("2023-01-15"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4, doses: [day("2023-01-20"), day("2023-02-17")]))
        r.dentalExams = [day("2023-01-10")]
        let due = try #require(assess(r, asOf: day("2023-03-20")).rule("boneAgents.doseDue").first)
        #expect(due.detail.en.hasSuffix("The last serum creatinine on record (2023-01-15) precedes the last dose: check it before this one (label)."))
        r.labs.append(LabResult(date: day("2023-03-16"), test: .creatinine, value: 0.8, unit: "mg/dL"))
        let checked = try #require(assess(r, asOf: day("2023-03-20")).rule("boneAgents.doseDue").first)
        #expect(!checked.detail.en.contains("serum creatinine"))
    }
}

@Suite struct ClearanceGapsTests {
    func record(birthDate: String?, weights: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = birthDate.map(day)
        if !weights { r.patient.weights = [] }
        r.labs = [LabResult(date: day("2023-01-15"), test: .creatinine, value: 0.6, unit: "mg/dL")]
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, start: day("2023-01-20"), agent: .zoledronicAcid, doseMg: 4, doses: [day("2023-01-20")]))
        r.dentalExams = [day("2023-01-10")]
        return r
    }

    /// Cockcroft–Gault (derived in adults aged 18–92) and the Zometa label's dose table are for
    /// adults: a 16-year-old with every input on record was told to "record serum creatinine,
    /// weight, sex and birth date". Missing inputs are named one by one.
    @Test func whatKeepsTheClearanceFromBeingComputedIsNamed() throws {
        let minor = try #require(assess(record(birthDate: "2006-06-01"), asOf: day("2023-02-01")).rule("boneAgents.zoledronic.crclUnknown").first)
        #expect(minor.title.en == "Zoledronic acid: no adult dose table for a patient aged 16")
        #expect(minor.detail.en.contains("paediatric oncology"))
        // 18 at the creatinine: an adult, dosed by CrCl.
        let adult = assess(record(birthDate: "2005-01-01"), asOf: day("2023-02-01"))
        #expect(!adult.has("boneAgents.zoledronic.crclUnknown"))
        #expect(adult.has("boneAgents.zoledronic.dose"))
        let noWeight = try #require(assess(record(birthDate: "1970-01-01", weights: false), asOf: day("2023-02-01")).rule("boneAgents.zoledronic.crclUnknown").first)
        // Rule set .169: then the bands as weights (ZoledronicBandsAsWeightsTests).
        #expect(noWeight.detail.en.hasPrefix("The dose depends on Cockcroft–Gault CrCl: record weight. Until then, at the creatinine of"))
        let neither = try #require(assess(record(birthDate: nil, weights: false), asOf: day("2023-02-01")).rule("boneAgents.zoledronic.crclUnknown").first)
        #expect(neither.detail.en == "The dose depends on Cockcroft–Gault CrCl: record weight, birth date.")
        #expect(neither.detail.zhHans.contains("体重、出生日期"))
    }
}

@Suite struct DeficitWithoutSpinalLesionTests {
    func record(_ status: NeurologicalStatus, frankel: Tokuhashi.Frankel?, spinal: Bool = false, mri: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.neurology = [NeurologyRecord(date: day("2023-03-18"), status: status, frankel: frankel)]
        if spinal {
            r.lesions.append(Lesion(id: "T9", bone: .vertebra, level: VertebralLevel("T9")))
            r.studies[1].observations.append(observation("T9", .lytic) { $0.boneDestruction = true })
        }
        if let mri { r.studies.append(study("M1", mri, .mri, coverage: [.cervicalSpine, .thoracicSpine, .lumbarSpine], [])) }
        return r
    }

    /// NICE NG234: whole-spine MRI within 24 hours when neurological symptoms or signs suggest
    /// metastatic cord compression. A breast cancer with a femoral metastasis and myelopathy,
    /// no spinal lesion on record, had no word of it.
    @Test func aDeficitWithNoSpinalLesionAsksForTheWholeSpine() throws {
        let a = assess(record(.myelopathy, frankel: .C), asOf: day("2023-03-21"))
        let f = try #require(a.rule("surgery.spine.deficitWithoutLesion").first)
        #expect(f.severity == .urgent && f.withinHours == 24)
        #expect(f.title.en == "Myelopathy with no spinal metastasis on record — MRI of the whole spine within 24 hours")
        #expect(f.detail.en.hasPrefix("Myelopathy (2023-03-18, Frankel C) in a patient with cancer"))
        #expect(a.has("surgery.spine.deficitWithoutLesion"))
        // Frankel D with "intact" written is still a deficit; cauda equina too.
        #expect(assess(record(.intact, frankel: .D), asOf: day("2023-03-21")).has("surgery.spine.deficitWithoutLesion"))
        #expect(assess(record(.caudaEquina, frankel: nil), asOf: day("2023-03-21")).has("surgery.spine.deficitWithoutLesion"))
        // Intact, or radiculopathy alone: nothing.
        #expect(!assess(record(.intact, frankel: .E), asOf: day("2023-03-21")).has("surgery.spine.deficitWithoutLesion"))
        #expect(!assess(record(.radiculopathy, frankel: nil), asOf: day("2023-03-21")).has("surgery.spine.deficitWithoutLesion"))
        // A spinal lesion on record: the spine findings speak of the deficit.
        let spinal = assess(record(.myelopathy, frankel: .C, spinal: true), asOf: day("2023-03-21"))
        #expect(!spinal.has("surgery.spine.deficitWithoutLesion"))
        #expect(spinal.has("surgery.spine.noms", subject: .lesion("T9")))
        // A spinal hot spot without destruction on CT is no spinal metastasis: still asked.
        var hot = record(.myelopathy, frankel: .C)
        hot.lesions.append(Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7")))
        hot.studies.append(survey("B1", "2023-03-10", ["T7"]))
        hot.studies.append(ct("C9", "2023-03-12", [observation("T7") { $0.boneDestruction = false }]))
        let hotA = assess(hot, asOf: day("2023-03-21"))
        #expect(hotA.has("diagnosis.uptakeWithoutDestruction", subject: .lesion("T7")))
        #expect(hotA.has("surgery.spine.deficitWithoutLesion"))
        // A whole-spine MRI since the deficit found none: not asked again; one before it does not count.
        #expect(!assess(record(.myelopathy, frankel: .C, mri: "2023-03-19"), asOf: day("2023-03-21")).has("surgery.spine.deficitWithoutLesion"))
        #expect(assess(record(.myelopathy, frankel: .C, mri: "2023-03-01"), asOf: day("2023-03-21")).has("surgery.spine.deficitWithoutLesion"))
    }
}

@Suite struct LymphomaHypercalcaemiaTests {
    /// Stewart 2005: lymphomas can make 1,25-dihydroxyvitamin D (calcitriol), a hypercalcaemia
    /// glucocorticoids treat. A DLBCL's calcium of 13.2 mg/dL was sent only to PTHrP and bone
    /// metastases.
    @Test func lymphomaNamesCalcitriol() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lymphoma, diagnosed: day("2022-12"))]
        r.labs = [
            LabResult(date: day("2023-03-15"), test: .calcium, value: 12.8, unit: "mg/dL"),
            LabResult(date: day("2023-03-15"), test: .albumin, value: 3.5, unit: "g/dL"),
        ]
        let f = try #require(assess(r, asOf: day("2023-03-21")).rule("labs.hypercalcaemia").first)
        #expect(f.detail.en.contains("in lymphoma 1,25-dihydroxyvitamin D (calcitriol), which glucocorticoids treat"))
        #expect(f.detail.zhHans.contains("骨化三醇"))
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2022-12"))]
        let breast = try #require(assess(r, asOf: day("2023-03-21")).rule("labs.hypercalcaemia").first)
        #expect(breast.detail.en.contains("Look for the cause: PTHrP, PTH, vitamin D, bone metastases."))
    }
}

@Suite struct ESCCGradedOffMRITests {
    /// Bilsky 2010 grades epidural compression on axial T2 MRI: a grade read off a CT is said as
    /// such, with "confirm on MRI"; one from MRI is not.
    @Test func aGradeFromCTIsSaidAsSuch() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "T5", bone: .vertebra, level: VertebralLevel("T5"))]
        r.studies = [ct("S1", "2023-03-05", [observation("T5", .lytic) { $0.boneDestruction = true; $0.escc = .g2 }])]
        let onCT = try #require(assess(r, asOf: day("2023-03-10")).rule("surgery.spine.noms").first)
        #expect(onCT.detail.en.hasPrefix("N: ESCC 2 (graded on CT: Bilsky grades on axial T2 MRI — confirm on MRI)"))
        r.studies.append(study("M1", "2023-03-06", .mri, coverage: [.thoracicSpine], [observation("T5") { $0.escc = .g2 }]))
        let onMRI = try #require(assess(r, asOf: day("2023-03-10")).rule("surgery.spine.noms").first)
        #expect(onMRI.detail.en.hasPrefix("N: ESCC 2; "))
    }
}

@Suite struct QuietSpineWithoutESCCTests {
    func record(pain: SINS.Pain, neuro: NeurologicalStatus?) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2"))]
        r.studies = [ct("S1", "2023-03-05", [observation("L2", .blastic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none }])]
        r.pain = [PainRecord(date: day("2023-03-05"), lesion: "L2", sins: pain)]
        r.neurology = neuro.map { [NeurologyRecord(date: day("2023-03-05"), status: $0, frankel: $0 == .intact ? .E : nil)] } ?? []
        return r
    }

    /// NOMS needs the epidural grade for a decision (Laufer 2013); a stable (SINS 0–6), pain-free,
    /// neurologically intact lesion has none pending: its missing grade is information, not an
    /// advisory on the first screen. Pain or unknown neurology keeps the advisory.
    @Test func aQuietLesionsMissingGradeIsInformation() throws {
        let quiet = try #require(assess(record(pain: .none, neuro: .intact), asOf: day("2023-03-10")).rule("surgery.spine.noms").first)
        #expect(quiet.severity == .info)
        #expect(quiet.detail.en.contains("no treatment decision waits on it now"))
        let painful = try #require(assess(record(pain: .occasional, neuro: .intact), asOf: day("2023-03-10")).rule("surgery.spine.noms").first)
        #expect(painful.severity == .advisory)
        #expect(painful.detail.en.contains("grade ESCC on axial T2 MRI before choosing radiotherapy or surgery"))
        #expect(try #require(assess(record(pain: .none, neuro: nil), asOf: day("2023-03-10")).rule("surgery.spine.noms").first).severity == .advisory)
    }
}

@Suite struct IrradiatedWithoutFixationTests {
    /// Mirels 1989 scored irradiated lesions: its fracture risks are those after radiotherapy. A
    /// Mirels 11 hip given 8 Gy without fixation still read "fix before radiotherapy".
    @Test func anIrradiatedUnfixedLesionIsNotToldToFixBeforeRadiotherapy() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .peritrochanteric, laterality: .left)]
        r.studies = [
            study("X1", "2023-03-01", .xray, coverage: [.leftLowerLimb], [observation("L1", .lytic) { $0.mirelsSize = .oneThirdToTwoThirds }]),
        ]
        r.pain = [PainRecord(date: day("2023-03-01"), lesion: "L1", mirels: .functional)]
        let before = try #require(assess(r, asOf: day("2023-03-10")).rule("surgery.mirels.impendingFracture").first)
        #expect(before.detail.en.contains("fix before radiotherapy, before transfer or trial enrolment"))
        r.treatments.append(Treatment(id: "R1", kind: .radiotherapy, name: "8 Gy", lesions: ["L1"], start: day("2023-03-05"), end: day("2023-03-05"), doseGy: 8, fractions: 1))
        let after = try #require(assess(r, asOf: day("2023-03-10")).rule("surgery.mirels.impendingFracture").first)
        #expect(after.detail.en.contains("irradiated already (8 Gy"))
        #expect(after.detail.en.contains("Mirels's fracture risks are those after irradiation (Mirels 1989)"))
        #expect(!after.detail.en.contains("fix before radiotherapy"))
    }

    /// Studies within 4 weeks (RECIST 1.1's baseline window) are one work-up: an X-ray and a CT
    /// three days apart under long-running therapy raised "response not assessed".
    @Test func oneWorkUpIsNoRestaging() throws {
        var r = baseCase()
        r.studies = [
            study("X1", "2023-03-01", .xray, coverage: [.leftLowerLimb], [observation("L1", .lytic, [20, 20])]),
            ct("S1", "2023-03-04", [observation("L1", .lytic, [21, 20]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2022-07-01"))]
        #expect(!assess(r, asOf: day("2023-03-10")).has("boneHealth.mda.noComparableStudy"))
        r.studies[1] = ct("S1", "2023-04-04", [observation("L1", .lytic, [21, 20]) { $0.boneDestruction = true }])
        #expect(assess(r, asOf: day("2023-04-10")).has("boneHealth.mda.noComparableStudy"))
    }
}
