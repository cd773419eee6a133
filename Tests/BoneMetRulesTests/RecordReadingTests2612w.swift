@testable import BoneMetRules
import Testing

/// cb64-e (unseen record, 2026-12-04): a renal-cell carcinoma's peritrochanteric femur broke; it
/// was embolised ("术前栓塞", entered as a surgery row — the case format has no other kind for it)
/// the day before its curettage, cement and nail. Rule set 2026.12.251: the embolisation counted
/// as a second "surgery to bone" among the skeletal-related events. An embolisation takes no
/// tissue and operates on no bone: it is no operation for the SRE count, the operation's
/// pathology, or a planned operation's checks — it stays in the response's treatment window (it
/// acts on the tumour) — and a planned one is named where "consider pre-operative embolisation"
/// was said.
@Suite struct EmbolisationIsNoOperationTests {
    func record(_ treatments: [Treatment]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histology: "透明细胞肾细胞癌", histologyType: .renalCellCarcinoma, diagnosed: day("2019-05"))]
        r.lesions = [Lesion(id: "FE", bone: .femur, segment: .peritrochanteric, laterality: .left)]
        r.studies = [
            survey("B0", "2026-09-20", ["FE"]),
            ct("C0", "2026-09-29", [observation("FE", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.7 }]),
        ]
        r.treatments = treatments
        r.pain = [PainRecord(date: day("2026-09-29"), lesion: "FE", mirels: .functional)]
        return r
    }

    func sreText(_ a: Assessment) throws -> String { try #require(a.rule("boneAgents.sreHistory").first).detail.en }

    @Test func theNameReadsAsAnEmbolisationOnlyWithoutAnOperationBesideIt() {
        #expect(SurgicalProcedureText.readsEmbolisation("术前栓塞"))
        #expect(SurgicalProcedureText.readsEmbolisation("Transarterial embolization, left femur"))
        #expect(SurgicalProcedureText.readsEmbolisation("股骨病灶 TAE"))
        #expect(!SurgicalProcedureText.readsEmbolisation("栓塞后病灶刮除+髓内钉内固定"))
        #expect(!SurgicalProcedureText.readsEmbolisation("左股骨髓内钉内固定"))
        #expect(!SurgicalProcedureText.readsEmbolisation("staged"))
        #expect(!SurgicalProcedureText.readsEmbolisation(nil))
    }

    @Test func anEmbolisationIsNoSurgeryToBone() throws {
        let a = assess(record([
            Treatment(id: "EMB", kind: .surgery, name: "术前栓塞", lesions: ["FE"], start: day("2026-10-08")),
            Treatment(id: "OP", kind: .surgery, name: "左股骨病灶刮除+骨水泥填充+髓内钉内固定", lesions: ["FE"], start: day("2026-10-09")),
        ]), asOf: day("2026-11-29"))
        let text = try sreText(a)
        #expect(text.contains("2026-10-09 surgery to bone"), "\(text)")
        #expect(!text.contains("2026-10-08"), "\(text)")
        // The operation that was one still counts when the embolisation is its first step.
        let one = assess(record([
            Treatment(id: "OP", kind: .surgery, name: "栓塞后病灶刮除+髓内钉内固定", lesions: ["FE"], start: day("2026-10-09")),
        ]), asOf: day("2026-11-29"))
        #expect(try sreText(one).contains("2026-10-09 surgery to bone"))
    }

    @Test func aPlannedEmbolisationIsNamedWhereAFixationIsProposed() throws {
        let planned = assess(record([
            Treatment(id: "EMB", kind: .surgery, name: "右股骨病灶术前栓塞", lesions: ["FE"], start: day("2026-12-10"), planned: true),
        ]), asOf: day("2026-11-29"))
        let fix = try #require(planned.rule("surgery.mirels.impendingFracture").first)
        #expect(fix.detail.en.contains("pre-operative embolisation planned (右股骨病灶术前栓塞"), "\(fix.detail.en)")
        #expect(fix.detail.zhHans.contains("已计划术前栓塞"))
        #expect(!fix.detail.en.contains("consider pre-operative embolisation"))
        // Without it: the advice to consider one.
        let none = assess(record([]), asOf: day("2026-11-29"))
        let plain = try #require(none.rule("surgery.mirels.impendingFracture").first)
        #expect(plain.detail.en.contains("consider pre-operative embolisation"))
    }

    @Test func aPlannedEmbolisationIsNoOperationToTimeWithAnAntiAngiogenicDrug() {
        var r = record([
            Treatment(id: "SUN", kind: .systemic, name: "舒尼替尼", drugs: ["sunitinib"], systemicClass: .targeted, start: day("2026-10-01")),
            Treatment(id: "EMB", kind: .surgery, name: "术前栓塞", lesions: ["FE"], start: day("2026-12-10"), planned: true),
        ])
        // The femur fixed already: no operation proposed, only the planned embolisation.
        r.treatments.append(Treatment(id: "OP", kind: .surgery, name: "左股骨近端髓内钉预防性内固定", lesions: ["FE"], start: day("2026-10-20")))
        let a = assess(r, asOf: day("2026-11-29"))
        #expect(!a.has("surgery.timing.antiAngiogenic"))
        // A planned operation still is one.
        r.treatments.append(Treatment(id: "OP2", kind: .surgery, name: "髓内钉翻修", lesions: ["FE"], start: day("2026-12-12"), planned: true))
        #expect(assess(r, asOf: day("2026-11-29")).has("surgery.timing.antiAngiogenic"))
    }
}
