import BoneMetRules
import Testing

/// Rule sets 2026.12.60–61, from a batch of unseen records (cb15): a breast cancer restaged by two CTs
/// each time (chest; abdomen and pelvis).
@Suite struct SplitExaminationTests {
    /// A chest CT and an abdomen-pelvis CT of one day are one examination (MDA compares each
    /// lesion with its previous reading, Hamaoka 2004). Compared only with the other CT of the
    /// earlier day, L3 and the ilium had no prior reading and fell out of the response.
    func record(newL5: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "T8", bone: .vertebra, level: VertebralLevel("T8")), Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3")),
            Lesion(id: "IL", bone: .pelvis, laterality: .left), Lesion(id: "L5", bone: .vertebra, level: VertebralLevel("L5")),
        ]
        let chest: [BodyRegion] = [.chest, .thoracicSpine]
        let abdomen: [BodyRegion] = [.lumbarSpine, .pelvis]
        r.studies = [
            study("CC1", "2023-01-05", .ct, coverage: chest, [observation("T8", .lytic, [18, 15])]),
            study("CA1", "2023-01-05", .ct, coverage: abdomen, [observation("L3", .lytic, [20, 16]), observation("IL", .lytic, [25, 20])]),
            study("CC2", "2023-03-20", .ct, coverage: chest, [observation("T8", .mixed, [17, 15]) { $0.scleroticRim = true }]),
            study("CA2", "2023-03-20", .ct, coverage: abdomen, [
                observation("L3", .mixed, [19, 16]) { $0.scleroticRim = true }, observation("IL", .lytic, [25, 20]),
            ] + (newL5 ? [observation("L5", .lytic, [10, 10])] : [])),
        ]
        return r
    }

    @Test func everyLesionIsComparedWithItsOwnPreviousReading() throws {
        let a = assess(record(), asOf: day("2023-03-21"))
        let abdomen = try #require(a.timePoints.first { $0.study == "CA2" })
        #expect(abdomen.lesions.map(\.lesion) == ["IL", "L3"])
        #expect(abdomen.lesions.map(\.category) == [.stableDisease, .partialResponse])
        #expect(abdomen.previousStudy == "CA1")
        #expect(a.timePoints.first { $0.study == "CC2" }?.lesions.map(\.lesion) == ["T8"])
        // Each time point's title says which study it is.
        let titles = a.rule("boneHealth.mda.timePoint").map(\.title.en)
        #expect(titles.contains { $0.hasPrefix("CT of 2023-03-20 (left pelvis, L3 vertebra): bone response") })
        #expect(titles.contains { $0.hasPrefix("CT of 2023-03-20 (T8 vertebra): bone response") })
        #expect(a.rule("boneHealth.mda.timePoint").map(\.title.zhHans).contains { $0.hasPrefix("2023-03-20 CT 检查（T8 椎体）") })
    }

    /// A lesion new in the lumbar spine is new against the CT that imaged the lumbar spine, not
    /// "not imaged before" because the chest CT did not.
    @Test func aNewLesionIsNewAgainstTheStudyThatLookedThere() throws {
        let a = assess(record(newL5: true), asOf: day("2023-03-21"))
        let abdomen = try #require(a.timePoints.first { $0.study == "CA2" })
        #expect(abdomen.newLesions == ["L5"])
        #expect(abdomen.overall == .progressiveDisease)
    }
}

@Suite struct IntervalLesionsHealedTests {
    /// A breast cancer operated in 2016; lytic T11 and sacrum in January 2023 (a long disease-free
    /// interval: second primary or myeloma possible, biopsy indicated — source hospital), letrozole
    /// from 2023-01-10; by March 2024 both read blastic or completely filled in.
    func record(sacrumHealed: Bool = true, hormonal: Bool = true) -> CaseRecord {
        var r = baseCase()
        if !hormonal {
            r.treatments = [Treatment(id: "T1", kind: .systemic, name: "capecitabine", drugs: ["capecitabine"], systemicClass: .chemotherapy, start: day("2023-01-10"))]
        }
        r.primaries[0].diagnosed = day("2016-02")
        r.lesions = [Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11")), Lesion(id: "SA", bone: .sacrum)]
        r.studies = [
            ct("S1", "2023-01-05", [observation("T11", .lytic, [20, 18]) { $0.boneDestruction = true }, observation("SA", .mixed, [22, 18]) { $0.boneDestruction = true }]),
            ct("S2", "2024-03-20", [
                observation("T11", .blastic, [20, 18]) { $0.fillIn = .complete },
                observation("SA", .mixed, [22, 18]) { $0.fillIn = sacrumHealed ? .complete : .partial },
            ]),
        ]
        return r
    }

    /// Source hospital: blastic bone is not biopsied after systemic therapy started (reactive
    /// bone or necrosis). Lesions that healed into it under the regimen are no longer "the lytic or
    /// mixed lesion biopsied at any time".
    /// Under chemotherapy (healing that other cancers share), as before: every lesion healed, no
    /// biopsy; one still mixed and partly filled is the one to biopsy.
    @Test func healedLesionsAreNotSentForBiopsy() throws {
        let before = assess(record(hormonal: false), asOf: day("2023-01-08"))
        #expect(before.rule("diagnosis.biopsy.indicated").contains { $0.title.en == "Biopsy indicated: long disease-free interval" })
        let after = assess(record(hormonal: false), asOf: day("2024-03-21"))
        #expect(!after.has("diagnosis.biopsy.indicated"))
        let healed = try #require(after.rule("diagnosis.biopsy.intervalHealed").first)
        #expect(healed.detail.en.contains("T11 vertebra (2024-03-20)"))
        #expect(healed.detail.zhHans.contains("不再建议") || healed.title.zhHans.contains("不再建议活检"))
        #expect(healed.claims.contains { $0.stance == "noBiopsy" })
        let partly = try #require(assess(record(sacrumHealed: false, hormonal: false), asOf: day("2024-03-21")).rule("diagnosis.biopsy.indicated").first)
        #expect(partly.detail.en.contains("(sacrum)") && !partly.detail.en.contains("T11"))
    }

    /// Under letrozole the T11's complete healing answers the interval's question for the
    /// sacrum too (`HormonalHealingAnswersTheIntervalTests`): no biopsy, said why.
    @Test func underHormonalTherapyOneHealedLesionAnswersIt() throws {
        let a = assess(record(sacrumHealed: false), asOf: day("2024-03-21"))
        #expect(!a.has("diagnosis.biopsy.indicated"))
        let healed = try #require(a.rule("diagnosis.biopsy.intervalHealed").first)
        #expect(healed.title.en == "Long disease-free interval: answered by healing under hormonal therapy — no biopsy on that account")
        #expect(healed.detail.en.contains("T11 vertebra (2024-03-20)") && !healed.detail.en.contains("sacrum"))
        #expect(healed.claims.contains { $0.stance == "noBiopsy" })
    }
}

@Suite struct PSAProgressionTests {
    /// A castration-resistant prostate cancer on enzalutamide from 2023-01-15 (ADT since 2020),
    /// three whole-body bone scans with the same three foci; PSA values as given (ng/mL).
    func record(_ psa: [(String, Double)], unit: String = "ng/mL", site: PrimarySite = .prostate, scanAfter: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2020-04"), castrationResistant: site == .prostate ? true : nil)]
        r.lesions = [Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2")), Lesion(id: "IL", bone: .pelvis, laterality: .right)]
        r.studies = [survey("B1", "2023-01-10", ["L2", "IL"]), survey("B2", "2023-04-12", ["L2", "IL"])]
        if scanAfter { r.studies.append(survey("B3", "2023-07-15", ["L2", "IL"])) }
        r.treatments = [
            Treatment(id: "ADT", kind: .systemic, drugs: ["goserelin"], start: day("2020-05-01")),
            Treatment(id: "ENZ", kind: .systemic, drugs: ["enzalutamide"], start: day("2023-01-15")),
        ]
        r.labs = psa.map { LabResult(date: day($0.0), test: .psa, value: $0.1, unit: unit) }
        return r
    }

    static let declineThenRise = [("2023-01-08", 12.0), ("2023-03-10", 3.1), ("2023-05-10", 5.6), ("2023-06-10", 8.9)]

    /// Scher 2016 (PCWG3) table 2: after a decline, ≥ 25 % and ≥ 2 ng/mL above the nadir,
    /// confirmed ≥ 3 weeks later; the bone scan's 2+2 verdict is said beside it.
    @Test func aConfirmedRiseAboveTheNadirIsPSAProgression() throws {
        let f = try #require(assess(record(Self.declineThenRise), asOf: day("2023-07-20")).rule("boneHealth.pcwg3.psaProgression").first)
        #expect(f.subject == .treatment("ENZ"))
        #expect(f.specialty == .medicalOncology)
        #expect(f.title.en.hasSuffix("bone scan not progressing"))
        #expect(f.detail.en.hasPrefix("PSA nadir 3.1 ng/mL (2023-03-10) → 5.6 (2023-05-10; +81 %, +2.5 ng/mL), confirmed 8.9 (2023-06-10)"))
        #expect(f.detail.en.contains("The bone scan of 2023-07-15 shows no progression by the 2+2 rule"))
        #expect(f.title.zhHans.contains("骨扫描未见进展"))
        // No bone scan since the rise: restage.
        let noScan = try #require(assess(record(Self.declineThenRise, scanAfter: false), asOf: day("2023-07-20")).rule("boneHealth.pcwg3.psaProgression").first)
        #expect(noScan.detail.en.contains("No bone scan since the rise: restage"))
    }

    /// Boundaries: exactly +25 % and +2 ng/mL is progression; 1.99 ng/mL, or 24 %, is not.
    @Test func theThresholdsAreInclusive() {
        func progression(_ rise: Double, nadir: Double) -> Bool {
            assess(record([("2023-01-08", 20), ("2023-03-10", nadir), ("2023-05-10", rise), ("2023-06-10", rise)]), asOf: day("2023-07-20"))
                .has("boneHealth.pcwg3.psaProgression")
        }
        #expect(progression(10, nadir: 8))  // +25 %, +2.0
        #expect(!progression(9.99, nadir: 8))  // +24.9 %, +1.99
        #expect(progression(20, nadir: 16))  // +25 %, +4
        #expect(!progression(19.9, nadir: 16))  // +24.4 %
        #expect(!progression(4.8, nadir: 2.9))  // +66 %, but +1.9 ng/mL
        // An undetectable nadir (recorded 0): the rise in ng/mL alone, no percentage (it trapped).
        let zero = assess(record([("2023-01-08", 5), ("2023-03-10", 0), ("2023-05-10", 2.5), ("2023-06-10", 3)]), asOf: day("2023-07-20"))
        #expect(zero.rule("boneHealth.pcwg3.psaProgression").first?.detail.en.hasPrefix("PSA nadir 0 ng/mL (2023-03-10) → 2.5 (2023-05-10; +2.5 ng/mL)") == true)
    }

    /// Not confirmed ≥ 3 weeks later, an early rise (before 12 weeks), another primary, or PSA in
    /// a unit that is not ng/mL: nothing said.
    @Test func whatIsNotPSAProgression() {
        let asOf = day("2023-07-20")
        #expect(!assess(record([("2023-01-08", 12), ("2023-03-10", 3), ("2023-05-10", 6), ("2023-05-24", 7)]), asOf: asOf).has("boneHealth.pcwg3.psaProgression"))
        #expect(!assess(record([("2023-01-08", 12), ("2023-02-01", 3), ("2023-03-01", 6), ("2023-03-30", 7)]), asOf: day("2023-04-01")).has("boneHealth.pcwg3.psaProgression"))
        #expect(!assess(record(Self.declineThenRise, site: .breast), asOf: asOf).has("boneHealth.pcwg3.psaProgression"))
        #expect(!assess(record(Self.declineThenRise, unit: "U/L"), asOf: asOf).has("boneHealth.pcwg3.psaProgression"))
        // Without a decline: against the baseline, from 12 weeks.
        #expect(assess(record([("2023-01-08", 10), ("2023-02-20", 11), ("2023-04-20", 13), ("2023-05-20", 14)]), asOf: asOf).has("boneHealth.pcwg3.psaProgression"))
    }

    /// Enzalutamide stopped for "progression" on 2023-07-18 with the bone scans stable: the stop
    /// rests on PCWG3 PSA progression, said once (the PSA finding) — not "stopped for progression
    /// that its window does not show". Without the PSA rise, that warning stands.
    @Test func aStopOnPSAProgressionIsNotAnUnsupportedSwitch() throws {
        func stopped(_ psa: [(String, Double)]) -> CaseRecord {
            var r = record(psa)
            r.treatments[1].end = day("2023-07-18")
            r.treatments[1].stopReason = .progression
            r.treatments.append(Treatment(id: "DOC", kind: .systemic, drugs: ["docetaxel"], start: day("2023-07-25")))
            return r
        }
        let a = assess(stopped(Self.declineThenRise), asOf: day("2023-08-01"))
        #expect(!a.has("boneHealth.attribution.unsupportedSwitch"))
        let enzalutamide = try #require(a.rule("boneHealth.pcwg3.psaProgression").first)
        #expect(a.rule("boneHealth.pcwg3.psaProgression").map(\.subject) == [.treatment("ENZ")])
        // Docetaxel followed it: history (info), no call to restage.
        #expect(enzalutamide.severity == .info)
        #expect(!enzalutamide.detail.en.contains("restage"))
        let flat = assess(stopped([("2023-01-08", 12.0), ("2023-03-10", 3.1), ("2023-05-10", 3.4), ("2023-06-10", 3.3)]), asOf: day("2023-08-01"))
        #expect(flat.has("boneHealth.attribution.unsupportedSwitch"))
        #expect(!flat.has("boneHealth.pcwg3.psaProgression"))
    }
}

@Suite struct PrognosisTitleTests {
    /// A settled band is said in brackets after the score: "Revised Tokuhashi 12–14: 12–15:
    /// expected survival ≥ 1 year" read as two scores.
    @Test func theBandFollowsTheScoreInBrackets() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "T7", bone: .vertebra, level: VertebralLevel("T7")), Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L1"))]
        r.studies = [survey("B1", "2023-01-04", ["T7", "L1"]), ct("S1", "2023-01-05", [observation("T7", .lytic), observation("L1", .lytic)])]
        r.visceralMetastases = []
        let tomita = try #require(assess(r, asOf: day("2023-01-06")).rule("surgery.prognosis.tomita").first)
        #expect(tomita.title.en.hasPrefix("Tomita (spinal metastases) 3 (2–3: long-term local control) — "))
        #expect(tomita.title.zhHans.hasPrefix("Tomita 评分（脊柱转移） 3 分（2–3 分：长期局部控制）——"))
    }
}

@Suite struct UnknownPrimaryProvenTests {
    /// Adenocarcinoma of unknown primary: the ilium biopsied (metastasis), the humerus at
    /// Mirels 8 and T9 not. A proven metastasis in bone answers "no known primary" for the other
    /// lesions (the diagnosis rules already said "metastasis proven, primary not on record");
    /// the humerus still waited for "biopsy first" before its fixation.
    func record(biopsied: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .unknown, histology: "adenocarcinoma, CK7+ TTF-1-", histologyType: .adenocarcinoma, diagnosed: day("2023-01-12"))]
        r.lesions = [
            Lesion(id: "IL", bone: .pelvis, laterality: .left, primary: "P1"),
            Lesion(id: "HU", bone: .humerus, segment: .diaphysis, laterality: .right, primary: "P1"),
        ]
        r.studies = [
            ct("S1", "2023-01-05", [observation("IL", .lytic, [40, 32]) { $0.boneDestruction = true }]),
            ImagingStudy(id: "X1", date: day("2023-01-06"), modality: .xray, coverage: [.rightUpperLimb], observations: [
                observation("HU", .lytic) { $0.fractionOfDiameter = 0.5 },
            ]),
        ]
        r.pain = [PainRecord(date: day("2023-01-06"), lesion: "HU", mirels: .moderate)]
        r.treatments = []
        if biopsied { r.biopsies = [Biopsy(lesion: "IL", date: day("2023-01-10"), decalcification: .edta, result: .metastasis, histology: "adenocarcinoma")] }
        return r
    }

    @Test func aProvenMetastasisAnswersNoKnownPrimaryForTheOtherLesions() throws {
        let proven = try #require(assess(record(biopsied: true), asOf: day("2023-01-15")).rule("surgery.mirels.impendingFracture").first)
        #expect(!proven.title.en.contains("biopsy first"))
        #expect(proven.claims.contains { $0.stance == "fixNow" })
        let open = try #require(assess(record(biopsied: false), asOf: day("2023-01-15")).rule("surgery.mirels.impendingFracture").first)
        #expect(open.title.en.contains("biopsy first"))
    }
}

@Suite struct ClearanceInputsTests {
    /// Cockcroft–Gault (1976) takes age, weight and creatinine: the dose finding names the weight
    /// with its date and the age, so a weight recorded years before the creatinine is seen.
    @Test func theZoledronicDoseNamesTheWeightAndItsDate() throws {
        var r = baseCase()
        r.patient.weights = [WeightRecord(date: day("2020-03-01"), kg: 78)]
        r.labs = [LabResult(date: day("2023-01-08"), test: .creatinine, value: 118, unit: "µmol/L")]
        r.treatments.append(Treatment(
            id: "Z", kind: .boneModifyingAgent, start: day("2023-01-12"), agent: .zoledronicAcid, doseMg: 4, doses: [day("2023-01-12")]))
        let dose = try #require(assess(r, asOf: day("2023-01-20")).rule("boneAgents.zoledronic.dose").first)
        #expect(dose.detail.en.contains("), weight 78 kg (2020-03-01), age 53: "))
        #expect(dose.detail.zhHans.contains("，体重 78 kg（2020-03-01），年龄 53 岁："))
    }
}

extension UnknownPrimaryProvenTests {
    /// NOMS classes radiosensitivity by tumour type: an adenocarcinoma of unknown primary lacks
    /// the primary, not the histology ("O: radiosensitivity unknown (histology needed)" was said).
    @Test func anUnknownPrimaryWithHistologyIsSaidAsSuch() throws {
        var r = record(biopsied: true)
        r.lesions.append(Lesion(id: "T9", bone: .vertebra, level: VertebralLevel("T9"), primary: "P1"))
        r.studies.append(ct("S2", "2023-01-07", [observation("T9", .lytic) { $0.boneDestruction = true }]))
        let spine = try #require(assess(r, asOf: day("2023-01-15")).rule("surgery.spine.noms").first)
        #expect(spine.detail.en.contains("O: radiosensitivity unknown — primary not identified (adenocarcinoma, CK7+ TTF-1-)"))
        #expect(spine.detail.zhHans.contains("原发灶未明"))
    }
}

