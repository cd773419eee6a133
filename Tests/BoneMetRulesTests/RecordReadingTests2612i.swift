import BoneMetRules
import Testing

@Suite struct NewSinceThePreviousScanTests {
    /// cb19-a (unseen record, 2026-12-03): a breast cancer on fulvestrant + ribociclib, T9 and the
    /// pelvis lytic at baseline; L2 looked for and not seen on the baseline CT and bone scan. The
    /// 11-week CT shows T9 and the pelvis with a sclerotic rim and a new blastic L2 (flare, MDA);
    /// the bone scan two days later shows L2's uptake. The bone scan read L2 "seen again after it
    /// was no longer seen on 2026-02-22" — it had never been seen before.
    func record(l2SeenAtBaseline: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "T9", bone: .vertebra, level: VertebralLevel("T9")),
            Lesion(id: "PV", bone: .pelvis, laterality: .left),
            Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L2")),
        ]
        let lytic = { (o: inout LesionObservation) in o.boneDestruction = true }
        let rim = { (o: inout LesionObservation) in o.boneDestruction = true; o.scleroticRim = true }
        var baselineScan = survey("B0", "2026-02-22", ["T9", "PV"])
        baselineScan.observations.append(observation("L2") { $0.present = l2SeenAtBaseline; $0.uptake = l2SeenAtBaseline ? true : nil })
        var restagingScan = survey("B1", "2026-05-22", ["T9", "PV", "L2"])
        restagingScan.observations.sort { $0.lesion < $1.lesion }
        r.studies = [
            ct("C0", "2026-02-20", [observation("T9", .lytic, [20, 15], configure: lytic), observation("PV", .lytic, [30, 25], configure: lytic),
                                    observation("L2") { $0.present = false }]),
            baselineScan,
            ct("C1", "2026-05-20", [observation("T9", .mixed, [20, 15], configure: rim), observation("PV", .mixed, [29, 24], configure: rim),
                                    observation("L2", .blastic, [8, 7])]),
            restagingScan,
        ]
        r.treatments = [Treatment(id: "FR", kind: .systemic, name: "fulvestrant + ribociclib", systemicClass: .endocrine, start: day("2026-03-01"))]
        return r
    }

    @Test func aLesionFirstSeenOnTheCTIsNewOnTheLaterBoneScanNotSeenAgain() throws {
        let a = assess(record(), asOf: day("2026-06-01"))
        let ct = try #require(a.timePoints.first { $0.study == "C1" })
        #expect(ct.lesions.first { $0.lesion == "L2" }?.flare == true)
        let scan = try #require(a.timePoints.first { $0.study == "B1" })
        let l2 = try #require(scan.lesions.first { $0.lesion == "L2" })
        #expect(l2.category == .notEvaluable)
        #expect(!l2.isNew, "judged on the CT, not counted twice")
        let reasons = l2.reasons.map(\.en).joined(separator: "; ")
        #expect(!reasons.contains("seen again"), "\(reasons)")
        #expect(reasons.contains("new since 2026-02-22; first seen on the CT of 2026-05-20"), "\(reasons)")
        #expect(l2.reasons.map(\.zhHans).joined().contains("2026-02-22 后新出现"))
        #expect(scan.overall != .progressiveDisease)
    }

    /// Seen at baseline, gone, back: that is "seen again" (regrowth), as before.
    @Test func aLesionSeenThenGoneThenBackIsSeenAgain() throws {
        var r = record(l2SeenAtBaseline: true)
        // L2 gone on a middle bone scan, back on the last.
        var middle = survey("BM", "2026-04-10", ["T9", "PV"])
        middle.observations.append(observation("L2") { $0.present = false })
        r.studies.insert(middle, at: 2)
        let a = assess(r, asOf: day("2026-06-01"))
        let scan = try #require(a.timePoints.first { $0.study == "B1" })
        let l2 = try #require(scan.lesions.first { $0.lesion == "L2" })
        #expect(l2.reasons.map(\.en).joined().contains("seen again after it was no longer seen on 2026-04-10"))
    }
}

@Suite struct ProximalFemurNoteTests {
    /// cb19-b (unseen record, 2026-12-03): a renal-cell metastasis of the right femur recorded
    /// with the segment "proximal" and the note "右股骨转子下" (subtrochanteric). Mirels (1989)
    /// scores the peritrochanteric region 3, the rest of the lower limb 2; it scored 2.
    @Test(arguments: [
        ("右股骨转子下", BoneSegment.peritrochanteric), ("subtrochanteric lesion", .peritrochanteric), ("左股骨粗隆间", .peritrochanteric),
        ("左股骨颈", .proximal), ("", .proximal),
    ])
    func aProximalFemurNamedByItsTrochantersIsPeritrochanteric(note: String, segment: BoneSegment) {
        let lesion = Lesion(id: "F", bone: .femur, segment: .proximal, note: note.isEmpty ? nil : note)
        #expect(lesion.siteSegment == segment)
        #expect(lesion.mirelsSite == (segment == .peritrochanteric ? .peritrochanteric : .lowerLimb))
        #expect(lesion.mirelsSitesPossible == nil)
    }

    /// A segment recorded other than proximal is not overruled by the note.
    @Test func anotherRecordedSegmentStands() {
        let lesion = Lesion(id: "F", bone: .femur, segment: .diaphysis, note: "转子下")
        #expect(lesion.siteSegment == .diaphysis)
        #expect(lesion.mirelsSite == .lowerLimb)
    }

    /// At the threshold: mild pain, mixed, a third to two thirds — 7 on the lower limb, 8
    /// (the fixation threshold, setting) peritrochanteric.
    @Test func theSiteDecidesTheThreshold() throws {
        func assessment(note: String?) -> Assessment {
            var r = baseCase()
            r.lesions = [Lesion(id: "L1", bone: .femur, segment: .proximal, laterality: .right, note: note)]
            r.studies = [study("X1", "2023-03-01", .xray, [observation("L1", .mixed) { $0.fractionOfDiameter = 0.5; $0.boneDestruction = true }])]
            r.pain = [PainRecord(date: day("2023-03-01"), lesion: "L1", mirels: .mild)]
            return assess(r, asOf: day("2023-03-05"))
        }
        #expect(assessment(note: "右股骨转子下").has("surgery.mirels.impendingFracture", subject: .lesion("L1")))
        #expect(assessment(note: nil).has("surgery.mirels.belowThreshold", subject: .lesion("L1")))
    }
}

@Suite struct LatestActingRegimenTests {
    /// cb19-c (unseen record, 2026-12-03): castration-resistant prostate cancer on goserelin since
    /// 2022, docetaxel from 2026-05-20; a left femoral diaphysis not seen on the May bone scan is
    /// blastic with uptake in August. "Blastic lesion after systemic therapy started (2022-02-01)":
    /// the sclerosis follows the treatment begun last (Hamaoka 2004), docetaxel.
    @Test func theSclerosisIsReadAgainstTheRegimenStartedLast() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2022-01"))]
        r.patient.sex = .male
        r.lesions = [Lesion(id: "FE", bone: .femur, segment: .diaphysis, laterality: .left)]
        r.studies = [
            ct("C0", "2026-05-12", [observation("FE") { $0.present = false }]),
            ct("C1", "2026-08-20", [observation("FE", .blastic, [12, 10])]),
        ]
        r.treatments = [
            Treatment(id: "ADT", kind: .systemic, name: "goserelin", systemicClass: .endocrine, start: day("2022-02-01")),
            Treatment(id: "DOC", kind: .systemic, name: "docetaxel", systemicClass: .chemotherapy, start: day("2026-05-20")),
        ]
        let a = assess(r, asOf: day("2026-09-01"))
        let finding = try #require(a.findings.first { $0.subject == .lesion("FE") && $0.ruleId.hasPrefix("diagnosis.") && $0.title.en.contains("after systemic therapy started") })
        #expect(finding.detail.en.contains("after systemic therapy started (2026-05-20)"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("全身治疗开始（2026-05-20）"))
        #expect(finding.inputs.contains { $0.name == "systemicStart" && $0.value == "2026-05-20" })
        // Recorded the other way round, the same regimen.
        r.treatments.reverse()
        let b = assess(r, asOf: day("2026-09-01"))
        #expect(b.findings.contains { $0.subject == .lesion("FE") && $0.detail.en.contains("after systemic therapy started (2026-05-20)") })
    }
}
