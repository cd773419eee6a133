import BoneMetRules
import Testing

/// cb159-a (unseen record, 2026-12-07): a prostate cancer (Gleason 9) on leuprorelin and
/// enzalutamide, its pelvis and L4 blastic, showed a new lytic left 7th rib with destruction six
/// months in. The response finding called progression; nothing said that a lytic lesion is
/// atypical of prostate cancer — a second primary, myeloma, or an aggressive-variant prostate
/// cancer (Aparicio AM et al. Clin Cancer Res 2013;19:3621-30, table 1: C3 "radiographically
/// predominant lytic bone metastases by plain x-ray or CT scan", C6 neuroendocrine markers).
/// Rule set 2026.12.413: the lesion's biopsy is indicated, with neuroendocrine markers.
@Suite struct LyticLesionInProstateCancerTests {
    func record(rib: LesionCharacter? = .lytic, histology: String = "前列腺腺癌 Gleason 4+5=9", ribOnCT: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: histology, diagnosed: day("2025-03"))]
        r.lesions = [
            Lesion(id: "L1", bone: .pelvis, laterality: .right),
            Lesion(id: "L2", bone: .vertebra, note: "L4椎体"),
            Lesion(id: "L3", bone: .rib, laterality: .left, note: "左第7肋"),
        ]
        let baseline = ct("C0", "2026-03-01", [
            observation("L1", .blastic) { $0.boneDestruction = true }, observation("L2", .blastic) { $0.boneDestruction = true },
            observation("L3") { $0.present = false },
        ])
        var later = [observation("L1", .blastic), observation("L2", .blastic)]
        if ribOnCT { later.append(observation("L3", rib) { $0.boneDestruction = rib == .lytic || rib == .mixed }) }
        r.studies = [baseline, ct("C1", "2026-09-02", later)]
        if !ribOnCT {
            r.studies.append(ImagingStudy(id: "P1", date: day("2026-09-01"), modality: .petCt, observations: [observation("L3", .lytic) { $0.uptake = true }]))
        }
        r.treatments = [Treatment(id: "T1", kind: .systemic, name: "亮丙瑞林 + 恩扎卢胺 160mg qd", start: day("2026-03-10"))]
        return r
    }

    func ribBiopsy(_ r: CaseRecord) -> Finding? {
        assess(r, asOf: day("2026-09-03")).rule("diagnosis.biopsy.indicated").first { $0.subject == .lesion("L3") }
    }

    @Test func aLyticLesionOfAProstateCancerIsBiopsied() throws {
        let finding = try #require(ribBiopsy(record()))
        #expect(finding.detail.en.hasPrefix("lytic, which prostate cancer's bone metastases rarely are: a second primary or myeloma, or an aggressive-variant (anaplastic, neuroendocrine) prostate cancer"), "\(finding.detail.en)")
        #expect(finding.detail.en.contains("chromogranin A, synaptophysin"))
        #expect(finding.detail.zhHans.hasPrefix("溶骨性，而前列腺癌骨转移很少如此"), "\(finding.detail.zhHans)")
        #expect(finding.sources.contains { $0.id == "aparicio2013" })
        #expect(finding.inputs.contains { $0.name == "lyticInProstateCancer" && $0.value == "true" })
        // The blastic lesions are the typical picture: no biopsy for them.
        let a = assess(record(), asOf: day("2026-09-03"))
        #expect(!a.has("diagnosis.biopsy.indicated", subject: .lesion("L1")) && !a.has("diagnosis.biopsy.indicated", subject: .lesion("L2")))
    }

    /// Mixed or blastic is not "lytic" (C3 names predominantly lytic lesions).
    @Test func aMixedOrBlasticRibIsNotAsked() {
        #expect(ribBiopsy(record(rib: .mixed)) == nil)
        #expect(ribBiopsy(record(rib: .blastic)) == nil)
    }

    /// A small-cell or neuroendocrine prostate cancer on record is the variant already known.
    @Test func aKnownNeuroendocrineVariantIsNotAskedAgain() {
        #expect(ribBiopsy(record(histology: "前列腺小细胞癌")) == nil)
        #expect(ribBiopsy(record(histology: "prostate adenocarcinoma with neuroendocrine differentiation")) == nil)
        #expect(ribBiopsy(record(histology: "前列腺神经内分泌癌")) == nil, "a neuroendocrine carcinoma")
        // Since 2026.12.415 read as every rule reads a histology: a carcinoid (类癌) or SCLC wording too.
        #expect(ribBiopsy(record(histology: "prostate SCLC-like")) == nil)
        #expect(ribBiopsy(record(histology: "前列腺类癌")) == nil)
    }

    /// The PET-CT of cb159-a read the rib lytic with destruction: its CT part reads bone (as
    /// everywhere in BoneMet), so it counts. Uptake alone on a bone scan is no character: the
    /// X-ray or CT comes first.
    @Test func aPETCTsCTReadingCountsAnUptakeAloneDoesNot() {
        #expect(ribBiopsy(record(ribOnCT: false)) != nil)
        var r = record(ribOnCT: false)
        r.studies.removeLast()
        r.studies.append(ImagingStudy(id: "B1", date: day("2026-09-01"), modality: .boneScan, observations: [observation("L3") { $0.uptake = true }]))
        #expect(ribBiopsy(r)?.inputs.contains { $0.name == "lyticInProstateCancer" } != true)
    }

    /// Another primary's lytic lesion is not atypical for it.
    @Test func aBreastCancersLyticLesionIsNotAsked() {
        var r = record()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2025-03"), hormoneDependent: true)]
        #expect(ribBiopsy(r) == nil)
    }

    /// Two lytic lesions with no other reason: one finding for the patient, one biopsy.
    @Test func severalLyticLesionsAskForOneBiopsy() throws {
        var r = record()
        r.studies[1].observations[1] = observation("L2", .lytic) { $0.boneDestruction = true }
        let a = assess(r, asOf: day("2026-09-03"))
        let findings = a.rule("diagnosis.biopsy.indicated")
        #expect(findings.count == 1, "\(findings.map(\.title.en))")
        let finding = try #require(findings.first)
        #expect(finding.subject == .patient)
        #expect(finding.title.en == "Lytic lesions of a prostate cancer (2): biopsy one", "\(finding.title.en)")
        #expect(finding.detail.en.hasPrefix("L4 vertebra; left rib: lytic, which prostate cancer's bone metastases rarely are"), "\(finding.detail.en)")
        #expect(finding.detail.en.hasSuffix("One biopsy of the most accessible answers it; lytic lesions can be biopsied at any time."))
        #expect(finding.title.zhHans == "前列腺癌溶骨性病灶（2 处）：活检其一")
    }

    /// A lytic lesion of the same cancer proven metastasis answers the other's question; a
    /// blastic lesion's biopsy does not.
    @Test func aLyticLesionsBiopsyAnswersTheOthers() {
        var r = record()
        r.studies[1].observations[1] = observation("L2", .lytic) { $0.boneDestruction = true }
        r.biopsies = [Biopsy(lesion: "L2", date: day("2026-09-02"), decalcification: .edta, result: .metastasis)]
        #expect(ribBiopsy(r) == nil)
        var blastic = record()
        blastic.biopsies = [Biopsy(lesion: "L1", date: day("2026-03-05"), decalcification: .edta, result: .metastasis)]
        #expect(ribBiopsy(blastic) != nil)
    }
}
