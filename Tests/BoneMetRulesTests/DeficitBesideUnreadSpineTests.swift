import Testing

@testable import BoneMetRules

extension DeficitWithoutSpinalLesionTests {
    /// An EHR's T8 metastasis (a Condition with its onset, its MRI only as report text) and a
    /// paraplegia on the problem list: the T8 finding spoke of the deficit as an emergency while
    /// this one said "no spinal metastasis is on record" (unseen bundle ehr6, 2026-12-05). With
    /// the only spinal lesion diagnosed but unread, or the deficit recorded at it, the spine
    /// finding speaks; with two unread, this one names them instead of denying them.
    @Test func spinalMetastasesOnRecordButUnreadAreNamedNotDenied() throws {
        var one = record(.myelopathy, frankel: nil)
        var t8 = Lesion(id: "T8", bone: .vertebra, level: VertebralLevel("T8"))
        t8.diagnosed = day("2023-03-01")
        one.lesions.append(t8)
        let oneA = assess(one, asOf: day("2023-03-21"))
        #expect(!oneA.has("surgery.spine.deficitWithoutLesion"))
        let t8Finding = try #require(oneA.rule("surgery.lesion.notAssessable").first { $0.subject == .lesion("T8") })
        #expect(t8Finding.severity == .urgent)
        var two = one
        var t11 = Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11"))
        t11.diagnosed = day("2023-03-01")
        two.lesions.append(t11)
        let twoA = assess(two, asOf: day("2023-03-21"))
        let f = try #require(twoA.rule("surgery.spine.deficitWithoutLesion").first)
        #expect(f.title.en == "Myelopathy, spinal metastases not read on CT or MRI — MRI of the whole spine within 24 hours")
        #expect(f.detail.en.contains("The spinal metastases on record (T8 vertebra, T11 vertebra) have no CT or MRI reading to say which one causes it"))
        #expect(f.detail.zhHans.contains("病历中的脊柱转移灶（"))
        // Recorded at one of them: that lesion's finding speaks.
        two.neurology[0].lesion = "T11"
        #expect(!assess(two, asOf: day("2023-03-21")).has("surgery.spine.deficitWithoutLesion"))
    }
}
