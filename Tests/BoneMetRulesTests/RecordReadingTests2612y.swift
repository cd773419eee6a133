@testable import BoneMetRules
import Testing

/// cb70-a, cb70-g, cb70-h (unseen records, 2026-12-04): a brain metastasis of an EGFR lung
/// cancer, "双肺多发结节" (multiple lung nodules) of a thyroid cancer, "肝" (liver) of a
/// triple-negative breast cancer — none with Katagiri's pattern recorded. New Katagiri's item
/// read "present, pattern not recorded → 1–2", and the band of each crossed a risk class. Katagiri
/// H et al. Cancer Med 2014;3:1359-67 score "nodular visceral or brain metastases" 1 and
/// "disseminated metastases (pleural, peritoneal or leptomeningeal dissemination)" 2: a solid
/// organ's metastasis is nodular by that definition.
@Suite struct SolidOrganMetastasisIsNodularTests {
    @Test(arguments: ["肝", "liver", "Secondary malignant neoplasm of liver", "双肺多发结节", "lung", "brain", "脑转移", "左肾上腺", "adrenal gland", "pancreas", "卵巢"])
    func aSolidOrganIsNodular(_ organ: String) {
        #expect(VisceralMetastasis(organ: organ).katagiriPattern == .nodular)
    }

    @Test(arguments: ["肝弥漫性转移", "diffuse liver metastases", "癌性淋巴管播散（肺）", "miliary lung metastases", "metastasis", "other", "skin"])
    func spreadOrNoOrganLeavesItOpen(_ organ: String) {
        #expect(VisceralMetastasis(organ: organ).katagiriPattern == nil)
    }

    @Test func theSerosaAndTheMeningesStayDisseminated() {
        #expect(VisceralMetastasis(organ: "肺及胸膜").katagiriPattern == .disseminated)
        #expect(VisceralMetastasis(organ: "脑膜").katagiriPattern == .disseminated)
        #expect(VisceralMetastasis(organ: "brain, leptomeningeal").katagiriPattern == .disseminated)
        #expect(VisceralMetastasis(organ: "liver", pattern: .disseminated).katagiriPattern == .disseminated, "as recorded")
    }

    func visceralPoints(_ organs: [String]) throws -> Int? {
        var r = baseCase()
        r.visceralMetastases = organs.map { VisceralMetastasis(organ: $0, date: day("2023-01-01")) }
        let katagiri = try #require(assess(r, asOf: day("2023-03-25")).katagiri)
        return katagiri.components.first { $0.key == "visceralMets" }?.points
    }

    @Test func theItemIsScored() throws {
        #expect(try visceralPoints(["肝"]) == 1)
        #expect(try visceralPoints(["肝", "双肺多发结节"]) == 1)
        #expect(try visceralPoints(["肝", "腹膜"]) == 2)
        #expect(try visceralPoints(["肝", "metastasis"]) == nil, "one organ unnamed: 1–2")
        #expect(try visceralPoints(["肝", "腋窝淋巴结"]) == 1, "lymph nodes are no viscus")
    }
}

/// An unseen Chinese EHR bundle (2026-12-04): a breast cancer on letrozole, no ER or PR result
/// sent. New Katagiri read "breast → 0–2, not settled" — but an aromatase inhibitor (likewise an
/// anti-oestrogen or a CDK4/6 inhibitor) is given only to hormone-receptor-positive disease, so
/// the cancer is hormone-dependent: slow growth, 0 (Katagiri H et al. Cancer Med 2014;3:1359-67).
/// Recorded receptors stand; goserelin (also given to protect the ovaries during chemotherapy)
/// says nothing; with a second primary the drug may be the other's.
@Suite struct EndocrineTherapyShowsHormoneDependenceTests {
    func primaryPoints(_ change: (inout CaseRecord) -> Void) throws -> (Int?, Finding?) {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性导管癌", diagnosed: day("2019-06"))]
        change(&r)
        let a = assess(r, asOf: day("2023-03-25"))
        let katagiri = try #require(a.katagiri)
        return (katagiri.components.first { $0.key == "primaryGrowth" }?.points, a.rule("surgery.prognosis.katagiri").first)
    }

    @Test func anAromataseInhibitorMakesItHormoneDependent() throws {
        let (points, finding) = try primaryPoints { r in
            r.treatments[0] = Treatment(id: "T1", kind: .systemic, name: "来曲唑片 2.5mg", drugs: ["来曲唑片 2.5mg"], start: day("2023-01-10"))
        }
        #expect(points == 0)
        #expect(finding?.detail.en.contains("Hormone-dependent breast cancer read from the therapy given (来曲唑片 2.5mg 2023-01-10)") == true)
        #expect(finding?.detail.zhHans.contains("乳腺癌激素依赖性依据已用治疗判断") == true)
    }

    @Test func receptorsGoserelinOrASecondPrimaryLeaveItAsItWas() throws {
        let palbo = Treatment(id: "T1", kind: .systemic, name: "Palbociclib + fulvestrant", drugs: ["palbociclib", "fulvestrant"], start: day("2023-01-10"))
        #expect(try primaryPoints { $0.treatments[0] = palbo }.0 == 0)
        #expect(try primaryPoints { $0.treatments[0] = palbo; $0.primaries[0].er = .negative; $0.primaries[0].pr = .negative }.0 == 2, "recorded receptors stand")
        #expect(try primaryPoints { $0.treatments[0] = palbo; $0.primaries[0].er = .low }.0 == nil, "ER low: still open")
        let goserelin = Treatment(id: "T1", kind: .systemic, name: "戈舍瑞林", drugs: ["goserelin"], start: day("2023-01-10"))
        #expect(try primaryPoints { $0.treatments[0] = goserelin }.0 == nil)
        #expect(try primaryPoints { r in
            r.treatments[0] = palbo
            r.primaries.append(PrimaryCancer(id: "P2", site: .uterus, histology: "子宫内膜样腺癌", diagnosed: day("2020-01")))
        }.0 == nil)
    }
}

/// An unseen Chinese EHR bundle (2026-12-04): a lung cancer's T10 metastasis (C79.5, body site
/// "胸10椎体") and a spinal cord compression (G95.2) recorded yesterday; the MRI came as report
/// text only, so no reading of the vertebra is on record. The only spine finding was the advisory
/// "spinal stability and cord compression cannot be assessed — no CT/MRI reading" — an emergency
/// (NICE NG234: whole-spine MRI within 24 hours, dexamethasone, definitive treatment) read as a
/// request to record a reading. Likewise a myelopathy recorded at an unread vertebra.
@Suite struct CompressionWithoutAReadingTests {
    func record(_ change: (inout CaseRecord) -> Void = { _ in }) -> CaseRecord {
        var r = baseCase()
        r.lesions.append(Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10")))
        change(&r)
        return r
    }

    func spine(_ r: CaseRecord) -> Finding? {
        assess(r, asOf: day("2023-03-25")).rule("surgery.lesion.notAssessable").first { $0.subject == .lesion("T10") }
    }

    @Test func aCompressionOnRecordIsAnEmergency() throws {
        let f = try #require(spine(record { $0.events = [ClinicalEvent(date: day("2023-03-24"), kind: .cordCompression, lesion: "T10")] }))
        #expect(f.severity == .urgent)
        #expect(f.title.en == "T10 vertebra: spinal cord compression recorded (2023-03-24) — emergency spine referral")
        #expect(f.title.zhHans == "T10 椎体：已记录脊髓压迫（2023-03-24）——急诊脊柱外科转诊")
        #expect(f.detail.en.contains("dexamethasone 16 mg as soon as possible"))
        #expect(f.specialty == .spineSurgery)
    }

    @Test func anUntreatedDeficitIsAnEmergencyToo() throws {
        let f = try #require(spine(record { $0.neurology = [NeurologyRecord(date: day("2023-03-23"), status: .myelopathy, frankel: .C, lesion: "T10")] }))
        #expect(f.severity == .urgent)
        #expect(f.title.en == "T10 vertebra: neurological deficit recorded (2023-03-23) — emergency spine referral")
    }

    @Test func resolvedTreatedOrIntactStaysAnAdvisory() throws {
        #expect(try #require(spine(record())).severity == .advisory)
        #expect(try #require(spine(record {
            $0.events = [ClinicalEvent(date: day("2023-03-24"), kind: .cordCompression, lesion: "T10", resolved: true)]
        })).severity == .advisory)
        #expect(try #require(spine(record {
            $0.neurology = [NeurologyRecord(date: day("2023-03-01"), status: .myelopathy, lesion: "T10")]
            $0.treatments.append(Treatment(id: "RT", kind: .radiotherapy, name: "T10 30Gy/10F", lesions: ["T10"], start: day("2023-03-05"), end: day("2023-03-18")))
        })).severity == .advisory)
        #expect(try #require(spine(record {
            $0.events = [ClinicalEvent(date: day("2023-03-10"), kind: .cordCompression, lesion: "T10")]
            $0.neurology = [NeurologyRecord(date: day("2023-03-20"), status: .intact, lesion: "T10")]
        })).severity == .advisory, "examined since: intact")
    }
}
