@testable import BoneMetRules
import Testing

/// cb123-d (unseen record, 2026-12-06): a squamous lung cancer's T10, lytic on CT with a collapse,
/// myelopathy Frankel D recorded, no MRI. The spine finding was urgent ("MRI of the whole spine
/// within 24 hours if not done", NICE NG234) while the diagnosis section asked "T10 vertebra: MRI
/// needed" as an advisory — one action at two urgencies. Rule set 2026.12.373: with a deficit the
/// MRI finding is urgent and says the 24 hours; a planned operation without a deficit keeps the
/// advisory.
@Suite struct DeficitMRIUrgencyTests {
    func record(neurology: NeurologicalStatus?, frankel: Tokuhashi.Frankel? = nil, planned: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [ImagingStudy(id: "C1", date: day("2026-10-01"), modality: .ct, windows: [.bone], observations: [
            observation("L1", .lytic) { $0.boneDestruction = true },
        ])]
        if let neurology { r.neurology = [NeurologyRecord(date: day("2026-11-28"), status: neurology, frankel: frankel)] }
        if planned { r.treatments = [Treatment(id: "S", kind: .surgery, name: "T10 后路减压内固定术", lesions: ["L1"], planned: true)] }
        return r
    }

    @Test func aDeficitMakesTheMRIUrgentAndSaysTheDay() throws {
        for (status, frankel) in [(NeurologicalStatus.myelopathy, Tokuhashi.Frankel.D), (.caudaEquina, nil), (.intact, .C)] {
            let a = assess(record(neurology: status, frankel: frankel), asOf: day("2026-12-01"))
            let mri = try #require(a.rule("diagnosis.imaging.preoperativeMRI").first, "\(status)")
            #expect(mri.severity == .urgent, "\(status)")
            #expect(mri.title.en == "T10 vertebra: whole-spine MRI within 24 hours")
            #expect(mri.title.zhHans.contains("24 小时内行全脊柱 MRI"))
            #expect(mri.sources.contains { $0.id == "nice2023" })
        }
    }

    @Test func aPlannedOperationWithoutADeficitKeepsTheAdvisory() throws {
        let a = assess(record(neurology: .intact, planned: true), asOf: day("2026-12-01"))
        let mri = try #require(a.rule("diagnosis.imaging.preoperativeMRI").first)
        #expect(mri.severity == .advisory)
        #expect(mri.title.en == "T10 vertebra: MRI needed")
        // Radiculopathy is the spine finding's own (its MRI within 24 hours); no deficit here.
        #expect(!assess(record(neurology: .radiculopathy), asOf: day("2026-12-01")).has("diagnosis.imaging.preoperativeMRI"))
    }
}

/// cb124-f (unseen record, 2026-12-06): a 16-year-old, no cancer on record, a mixed distal femoral
/// metaphysis lesion with a 4 cm soft-tissue mass on MRI, Mirels 8 — "biopsy first, then
/// prophylactic fixation … fix before radiotherapy". The one bone lesion with no cancer behind it
/// is treated by what the biopsy shows (reference.md: a primary bone tumour must be excluded
/// before any fixation). Rule set 2026.12.373.
@Suite struct LoneUndiagnosedLesionTests {
    func record(primary: Bool = false, second: Bool = false, fractured: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("2010-06-06")
        r.primaries = primary ? [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2025-01"))] : []
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .distal, laterality: .left)]
        if second { r.lesions.append(Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L3"))) }
        r.studies = [ImagingStudy(id: "X1", date: day("2026-11-20"), modality: .xray, observations: [
            observation("L1", .mixed) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.5; $0.fracture = fractured ? true : nil },
        ] + (second ? [observation("L2", .lytic) { $0.boneDestruction = true }] : []))]
        r.pain = [PainRecord(date: day("2026-11-20"), lesion: "L1", mirels: .moderate)]
        r.treatments = []
        return r
    }

    @Test func theOperationFollowsThePathology() throws {
        let a = assess(record(), asOf: day("2026-12-01"))
        let mirels = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(mirels.severity == .urgent)
        #expect(mirels.title.en == "left femur, distal: impending fracture (Mirels 8) — biopsy first, then surgery by its result; urgent orthopaedic oncology referral")
        #expect(mirels.title.zhHans.contains("再按病理结果手术"))
        #expect(mirels.detail.en.contains("a primary bone tumour must be excluded before any fixation: protect the limb from load"))
        #expect(!mirels.detail.en.contains("fix before radiotherapy"))
        let broken = try #require(assess(record(fractured: true), asOf: day("2026-12-01")).rule("surgery.mirels.fractured").first)
        #expect(broken.title.en == "left femur, distal: pathological fracture — tissue diagnosis first, then surgery by its result")
        #expect(broken.detail.en.contains("The bone has broken through"))
    }

    @Test func aKnownCancerOrASecondLesionKeepsTheMetastasisWords() throws {
        for r in [record(primary: true), record(second: true)] {
            let mirels = try #require(assess(r, asOf: day("2026-12-01")).rule("surgery.mirels.impendingFracture").first)
            #expect(mirels.title.en.contains("then prophylactic fixation"), "\(mirels.title.en)")
            #expect(mirels.detail.en.contains("fix before radiotherapy"))
        }
    }
}
