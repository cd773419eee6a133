import Testing

@testable import BoneMetRules

/// reference.md: a *solitary lesion of unknown nature* is a biopsy indication. A bone lesion that
/// is the only one known is no such lesion where the cancer is shown metastatic elsewhere: a
/// visceral metastasis on record, or a castration-resistant prostate cancer. An extensive-stage
/// small-cell lung cancer's T4 beside its liver metastases (unseen record cb87-k) and a
/// castration-resistant prostate cancer's irradiated L3 on enzalutamide with PSA progression
/// (EHR bundle ehr7) read "biopsy indicated: the only one known".
@Suite struct MetastaticElsewhereTests {
    func record(visceral: [VisceralMetastasis]? = [], site: PrimarySite = .lung) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2023-01"))]
        r.lesions = [Lesion(id: "T4", bone: .vertebra, level: VertebralLevel("T4"))]
        r.studies = [ct("C1", "2023-01-20", [observation("T4", .lytic) { $0.boneDestruction = true }])]
        r.treatments = []
        r.visceralMetastases = visceral
        return r
    }

    func biopsy(_ r: CaseRecord) -> Finding? {
        assess(r, asOf: day("2023-02-01")).rule("diagnosis.biopsy.indicated").first { $0.subject == .lesion("T4") }
    }

    @Test func theOnlyLesionKnownBesideAVisceralMetastasisIsNoSolitaryLesionOfUnknownNature() throws {
        // Boundary: no visceral metastasis — the only one known is still biopsied.
        let alone = try #require(biopsy(record()))
        #expect(alone.detail.en.hasPrefix("bone lesion of unknown nature, the only one known"))
        #expect(biopsy(record(visceral: [VisceralMetastasis(organ: "liver", date: day("2023-01-18"))])) == nil)
        // Found after the bone lesion, or undated: stage IV all the same.
        #expect(biopsy(record(visceral: [VisceralMetastasis(organ: "肝转移", date: day("2023-01-30"))])) == nil)
        #expect(biopsy(record(visceral: [VisceralMetastasis(organ: "adrenal")])) == nil)
        // Lymph nodes are no viscus: still asked.
        #expect(biopsy(record(visceral: [VisceralMetastasis(organ: "mediastinal lymph nodes", date: day("2023-01-18"))])) != nil)
        // Known only after the day assessed: not yet.
        #expect(biopsy(record(visceral: [VisceralMetastasis(organ: "liver", date: day("2023-03-01"))])) != nil)
        // Other reasons stand: an unusual site is still biopsied beside liver metastases.
        var hand = record(visceral: [VisceralMetastasis(organ: "liver", date: day("2023-01-18"))])
        hand.lesions = [Lesion(id: "T4", bone: .tibia, laterality: .left)]
        #expect(try #require(biopsy(hand)).detail.en.hasPrefix("unusual site"))
        // An operation proposed on it (Mirels at the fixation threshold): never nail an
        // undiagnosed solitary lesion — still biopsied, beside "biopsy first, then fixation".
        var femur = record(visceral: [VisceralMetastasis(organ: "liver", date: day("2023-01-18"))])
        femur.lesions = [Lesion(id: "T4", bone: .femur, segment: .diaphysis, laterality: .left)]
        femur.studies = [ImagingStudy(id: "X1", date: day("2023-01-20"), modality: .xray, observations: [observation("T4", .lytic) { $0.fractionOfDiameter = 0.7 }])]
        femur.pain = [PainRecord(date: day("2023-01-20"), lesion: "T4", mirels: .functional)]
        let a = assess(femur, asOf: day("2023-02-01"))
        #expect(a.rule("surgery.mirels.impendingFracture").first?.title.en.contains("biopsy first") == true)
        #expect(try #require(biopsy(femur)).detail.en.hasPrefix("bone lesion of unknown nature, the only one known"))
    }

    /// Castration resistance proves no metastasis elsewhere (nmCRPC): still asked. A bone scan on
    /// record as its report only is named: the lesion is the only one recorded, not the only one
    /// known (EHR bundle ehr7: "multiple new foci" in the report, one metastasis Condition).
    @Test func castrationResistanceIsNotMetastasisAndAReportOnlyScanIsNamed() throws {
        var r = record(site: .prostate)
        r.primaries[0].castrationResistant = true
        #expect(try #require(biopsy(r)).detail.en.hasPrefix("bone lesion of unknown nature, the only one known (no whole-body survey yet)"))
        r.studies.append(ImagingStudy(id: "B9", date: day("2023-01-25"), modality: .boneScan, report: "Multiple new foci of uptake in the spine and ribs."))
        let f = try #require(biopsy(r))
        #expect(f.detail.en.hasPrefix("bone lesion of unknown nature, the only one recorded (the bone scan of 2023-01-25 is on record as its report only: record its lesions)"), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("仅有报告文本：请录入其病灶"))
    }
}
