@testable import BoneMetRules
import Testing

/// cb83-x (unseen record, 2026-12-05): a 17-year-old's osteosarcoma with bone metastases read
/// "Bone metastases without a bone-modifying agent — start (ESMO 2020)". Neither agent's label
/// covers a child's bone metastases (Zometa: not indicated for use in children; Xgeva: not
/// established in paediatric patients other than skeletally mature adolescents with giant cell
/// tumour of bone). Rule set 2026.12.317.
@Suite struct PaediatricIndicationTests {
    func record() -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("2009-03-03")
        r.primaries = [PrimaryCancer(id: "P1", site: .osteosarcoma, diagnosed: day("2025-02"))]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right), Lesion(id: "L2", bone: .pelvis, laterality: .left)]
        r.studies = [ct("C1", "2026-11-01", [
            observation("L1", .lytic) { $0.boneDestruction = true }, observation("L2", .mixed) { $0.boneDestruction = true },
        ])]
        r.treatments = []
        return r
    }

    @Test func underEighteenNothingIsProposed() throws {
        let finding = try #require(assess(record(), asOf: day("2027-03-02")).rule("boneAgents.indication").first)
        #expect(finding.title.en == "Age 17: no bone-modifying agent is established for a child's bone metastases", "\(finding.title.en)")
        #expect(finding.severity == .info)
        #expect(finding.claims.map(\.stance) == ["notEstablished"])
        #expect(finding.sources.map(\.id).contains("paediatricLabels"))
    }

    /// Boundary: the eighteenth birthday.
    @Test func fromEighteenTheAdultIndication() throws {
        let finding = try #require(assess(record(), asOf: day("2027-03-03")).rule("boneAgents.indication").first)
        #expect(finding.title.en == "Bone metastases without a bone-modifying agent", "\(finding.title.en)")
        #expect(finding.claims.map(\.stance) == ["start"])
        // The day before promises the birthday as its next change.
        #expect(assess(record(), asOf: day("2027-03-02")).nextChange.map { $0.earliestDay <= day("2027-03-03").earliestDay } == true)
    }
}
