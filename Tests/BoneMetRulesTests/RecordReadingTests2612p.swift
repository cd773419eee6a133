import BoneMetRules
import Testing

/// cb27-f (unseen record, 2026-12-03): a renal-cell carcinoma's T12, ESCC 2 with myelopathy,
/// operated on 10 June (posterior decompression and separation surgery, T10–L2 pedicle screws),
/// then SBRT 24 Gy/2 fractions; no biopsy row on record. In November the assessment still read
/// "T12 vertebra: biopsy indicated … lytic or mixed lesions can be biopsied at any time" — a new
/// needle for a lesion whose tissue the operation took. The source hospital's rule is that
/// pathology decides (a lesion planned for surgery has its pathology confirmed before or during
/// the operation): rule set 2026.12.176 asks for the operation's pathology first, and a biopsy only
/// if no tissue was sent.
@Suite struct OperatedLesionPathologyTests {
    func record(operation: Treatment? = Treatment(id: "T2", kind: .surgery, name: "股骨病灶刮除+髓内钉内固定", lesions: ["L1"], start: day("2023-02-01"))) -> CaseRecord {
        var r = baseCase()
        if let operation { r.treatments.append(operation) }
        return r
    }

    func biopsyFinding(_ r: CaseRecord) -> Finding? {
        assess(r, asOf: day("2023-04-01")).rule("diagnosis.biopsy.indicated").first { $0.subject == .lesion("L1") }
    }

    @Test func anOperatedLesionWithoutPathologyAsksForTheOperationsPathology() throws {
        let finding = try #require(biopsyFinding(record()))
        #expect(finding.title.en.hasSuffix("pathology needed — operated on 2023-02-01, none on record"), "\(finding.title.en)")
        #expect(finding.title.zhHans.hasSuffix("需要病理——已于 2023-02-01 手术，无病理记录"), "\(finding.title.zhHans)")
        #expect(finding.detail.en.contains("the pathology of the tissue taken then answers this"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("以术中所取组织的病理为准"), "\(finding.detail.zhHans)")
        #expect(!finding.detail.en.contains("can be biopsied at any time"))
        #expect(finding.inputs.contains { $0.name == "operation" && $0.value == "T2" })
    }

    @Test func withoutAnOperationTheBiopsyIsAskedForAsBefore() throws {
        let finding = try #require(biopsyFinding(record(operation: nil)))
        #expect(finding.title.en.hasSuffix("biopsy indicated"), "\(finding.title.en)")
        #expect(finding.detail.en.contains("can be biopsied at any time"))
    }

    @Test func aPlannedOrFutureOperationIsNoTissueYet() throws {
        let planned = Treatment(id: "T2", kind: .surgery, name: "预防性内固定", lesions: ["L1"], planned: true)
        #expect(try #require(biopsyFinding(record(operation: planned))).title.en.contains("biopsy indicated"))
        let later = Treatment(id: "T2", kind: .surgery, name: "髓内钉内固定", lesions: ["L1"], start: day("2023-05-01"))
        #expect(try #require(biopsyFinding(record(operation: later))).title.en.hasSuffix("biopsy indicated"))
    }

    @Test func theOperationsPathologyOnRecordAnswersIt() {
        var r = record()
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-02-01"), result: .metastasis)]
        #expect(biopsyFinding(r) == nil)
    }

    @Test func aBiopsyTakenSinceSpeaksForItself() throws {
        var r = record()
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-03-01"), result: .pending)]
        #expect(try #require(biopsyFinding(r)).title.en.hasSuffix("biopsy indicated — result pending"))
    }

    @Test func withoutAKnownPrimaryTheOperatedLesionIsNamed() throws {
        var r = record()
        r.primaries = []
        let finding = try #require(assess(r, asOf: day("2023-04-01")).rule("diagnosis.biopsy.noKnownPrimary").first)
        #expect(finding.detail.en.contains("left femur, diaphysis: It was operated on"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("该病灶已手术"), "\(finding.detail.zhHans)")
    }
}
