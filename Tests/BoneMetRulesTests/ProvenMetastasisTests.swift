import BoneMetRules
import Testing

/// Rule set 2026.12.55, from a breast cancer (ER+) with three lesions on one staging survey —
/// T8 and the proximal femur pure blastic with uptake, the pelvis mixed and biopsied (metastasis)
/// — then six months of letrozole with palbociclib and denosumab, the pelvis filled in completely.
/// BoneMet asked for a biopsy of the T8 and femoral lesions as "unexplained" (warnings), and kept
/// the healed pelvis on the fracture worklist as "bone destruction".
@Suite struct ProvenMetastasisTests {
    func record(biopsy: BiopsyResult = .metastasis, secondPrimary: Bool = false, fillIn: FillIn = .complete) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "T8", bone: .vertebra, level: VertebralLevel("T8")),
            Lesion(id: "PV", bone: .pelvis, laterality: .left),
            Lesion(id: "FE", bone: .femur, segment: .proximal, laterality: .left),
        ]
        r.studies = [
            survey("B0", "2026-02-01", ["T8", "PV", "FE"]),
            ct("C0", "2026-02-03", [observation("T8", .blastic, [15, 12]), observation("PV", .mixed, [22, 18]), observation("FE", .blastic, [12, 10])]),
            ct("C1", "2026-07-28", [
                observation("T8", .blastic, [15, 12]), observation("PV", .blastic, [22, 18]) { $0.fillIn = fillIn }, observation("FE", .blastic, [12, 10]),
            ]),
        ]
        r.biopsies = [Biopsy(lesion: "PV", date: day("2026-02-10"), decalcification: .edta, result: biopsy)]
        r.treatments = [Treatment(id: "T1", kind: .systemic, drugs: ["letrozole", "palbociclib"], start: day("2026-02-15"))]
        if secondPrimary { r.primaries.append(PrimaryCancer(id: "P2", site: .lung, diagnosed: day("2025-06"))) }
        return r
    }

    @Test func aBlasticLesionOfAProvenDiseaseIsExplained() throws {
        let a = assess(record(), asOf: day("2026-08-03"))
        #expect(!a.has("diagnosis.blastic.uptakeBiopsy"))
        let explained = try #require(a.rule("diagnosis.blastic.explained").first { $0.subject == .lesion("T8") })
        #expect(explained.detail.en == "Bone metastasis of the breast primary is proven by the biopsy of the left pelvis (2026-02-10): a blastic lesion of the same disease needs no biopsy of its own unless the picture is atypical.")
        #expect(a.has("diagnosis.blastic.explained", subject: .lesion("FE")))
    }

    @Test func notWhenTheBiopsyFoundNoMetastasisOrThePrimaryIsOpen() {
        // A benign biopsy proves nothing about the others; two candidate primaries leave it open.
        // Assessed before the letrozole started: the biopsy is asked for.
        // T8 and the femur are asked for together: one biopsy of either (rule set 2026.12.58).
        func asksBiopsyOfT8(_ a: Assessment) -> Bool {
            a.rule("diagnosis.blastic.uptakeBiopsy").contains { $0.claims.contains { $0.about == "T8" && $0.stance == "biopsy" } }
        }
        #expect(asksBiopsyOfT8(assess(record(biopsy: .benign), asOf: day("2026-02-14"))))
        #expect(asksBiopsyOfT8(assess(record(secondPrimary: true), asOf: day("2026-02-14"))))
        // Six months into it, blastic bone is no longer biopsied (rule set 2026.12.56) — and
        // still not called explained.
        let later = assess(record(biopsy: .benign), asOf: day("2026-08-03"))
        #expect(later.has("diagnosis.biopsy.blasticAfterTherapy", subject: .lesion("T8")))
        #expect(!later.has("diagnosis.blastic.explained", subject: .lesion("T8")))
    }

    @Test func aCompletelyFilledInPelvisIsNotJudgedAsDestruction() {
        #expect(!assess(record(), asOf: day("2026-08-03")).has("surgery.pelvis.noValidatedScore"))
        // Partial fill-in: still destruction to judge.
        #expect(assess(record(fillIn: .partial), asOf: day("2026-08-03")).has("surgery.pelvis.noValidatedScore"))
    }
}
