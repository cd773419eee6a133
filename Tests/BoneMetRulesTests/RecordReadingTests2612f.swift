import BoneMetRules
import Testing

/// Rule set 2026.12.68, from a batch of unseen records (cb16).
@Suite struct HealedSpinalLesionTests {
    /// A breast cancer's T10, lytic at baseline, filled in completely under endocrine therapy;
    /// neurologically intact, no pain recorded for it. Neither radiotherapy nor surgery is in
    /// question: the NOMS finding says so instead of asking for an ESCC grade as an advisory.
    /// A complete sclerotic fill-in is the MDA complete response (Hamaoka 2004).
    func record(fillIn: FillIn, pain: SINS.Pain? = nil, neurology: NeurologicalStatus? = .intact) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [
            ct("S1", "2023-01-05", [observation("T10", .lytic, [18, 15]) {
                $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none
            }]),
            ct("S2", "2023-09-20", [observation("T10", fillIn == .complete ? .blastic : .mixed) { $0.fillIn = fillIn }]),
        ]
        r.neurology = neurology.map { [NeurologyRecord(date: day("2023-09-20"), status: $0, frankel: $0 == .intact ? .E : .D)] } ?? []
        r.pain = pain.map { [PainRecord(date: day("2023-09-20"), lesion: "T10", sins: $0)] } ?? []
        return r
    }

    @Test func aCompletelyHealedIntactLesionAsksForNothing() throws {
        let noms = try #require(assess(record(fillIn: .complete), asOf: day("2023-09-25")).rule("surgery.spine.noms").first)
        #expect(noms.severity == .info)
        #expect(noms.detail.en.contains("Stable, healed (complete sclerotic fill-in on the CT of 2023-09-20) and neurologically intact"))
        #expect(noms.detail.zhHans.contains("2023-09-20 CT 检查示完全硬化填充"))
    }

    @Test func partialFillInPainOrNoNeurologyStillAsksForTheGrade() throws {
        for r in [record(fillIn: .partial), record(fillIn: .complete, pain: .mechanical), record(fillIn: .complete, neurology: nil)] {
            let noms = try #require(assess(r, asOf: day("2023-09-25")).rule("surgery.spine.noms").first)
            #expect(noms.severity == .advisory)
            #expect(noms.detail.en.contains("grade ESCC on axial T2 MRI before choosing radiotherapy or surgery"))
        }
    }
}

@Suite struct FixedWithoutTissueTests {
    /// A femur nailed without tissue, long after the primary: "obtain pathology first" cannot be
    /// done for a fixation already made — the tissue of the operation is looked for, or taken now.
    /// A fixation still planned keeps "biopsy first" (reference.md: never nail an undiagnosed
    /// solitary lesion).
    func record(planned: Bool) -> CaseRecord {
        var r = baseCase()
        r.primaries[0].diagnosed = day("2016-06")
        r.treatments.append(planned
            ? Treatment(id: "S1", kind: .surgery, lesions: ["L1"], planned: true, procedure: .prophylacticFixation)
            : Treatment(id: "S1", kind: .surgery, lesions: ["L1"], start: day("2023-02-01"), procedure: .prophylacticFixation))
        return r
    }

    @Test func aFixationDoneAsksForItsTissue() throws {
        let done = try #require(assess(record(planned: false), asOf: day("2023-04-01")).rule("diagnosis.differential.solitaryBeforeFixation").first)
        #expect(done.severity == .warning)
        #expect(done.detail.en.contains("Record the pathology of any tissue taken at the operation; if none was sent, biopsy now"))
        #expect(!done.detail.en.contains("Obtain pathology first"))
        #expect(done.detail.zhHans.contains("请补录术中所取组织的病理结果"))
        let planned = try #require(assess(record(planned: true), asOf: day("2023-04-01")).rule("diagnosis.differential.solitaryBeforeFixation").first)
        #expect(planned.severity == .urgent)
        #expect(planned.detail.en.hasSuffix("Obtain pathology first."))
    }
}
