import BoneMetRules
import Testing

/// cb93-f (unseen record, 2026-12-06): a rectal cancer's sacral lesion noted "骶1-2椎体溶骨性破坏伴
/// 软组织肿块" — the sacrum's segments are vertebrae by name — read "recorded sacrum, its note says
/// vertebra — confirm the bone", a wrong-site warning on a record that is right. Rule set 2026.12.339.
@Suite struct SacralVertebraNoteTests {
    @Test func theSacrumsVertebraeNameTheSacrum() {
        for text in ["骶1-2椎体溶骨性破坏伴软组织肿块", "骶椎骨质破坏", "S1椎体", "S1-S2 vertebral bodies", "sacral vertebra", "骶2椎体右侧"] {
            #expect(Bone.named(in: text)?.bone == .sacrum, "\(text)")
        }
        // A lumbar level beside it names two places: none is the one bone named.
        for text in ["腰骶椎", "lumbosacral spine"] {
            #expect(Bone.named(in: text) == nil, "\(text)")
        }
        // The vertebrae of the spine stay vertebrae.
        for text in ["胸9椎体及附件", "L3 vertebral body", "腰椎"] {
            #expect(Bone.named(in: text)?.bone == .vertebra, "\(text)")
        }
    }

    func record(bone: Bone, note: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: bone, note: note)]
        r.studies = [ImagingStudy(
            id: "C1", date: day("2023-02-01"), modality: .ct, windows: [.bone, .softTissue], coverage: [.pelvis, .sacrum],
            observations: [observation("L1", .lytic, [40, 30]) { $0.boneDestruction = true }])]
        return r
    }

    @Test func aSacrumNotedByItsVertebraeIsNoConflict() {
        #expect(!assess(record(bone: .sacrum, note: "骶1-2椎体溶骨性破坏伴软组织肿块"), asOf: day("2023-02-10")).has("diagnosis.record.siteConflict"))
        // A vertebra of the spine noted as the sacrum's is still asked about (the bone differs).
        let a = assess(record(bone: .vertebra, note: "骶1椎体溶骨性破坏"), asOf: day("2023-02-10"))
        #expect(a.rule("diagnosis.record.siteConflict").first?.title.en.contains("its note says sacrum") == true)
    }
}

/// ehr33 (unseen European bundle, 2026-12-06): "Palliative radiotherapy left femur 8 Gy single
/// fraction" read 8 Gy and no fraction count. Rule set 2026.12.339.
@Suite struct SingleFractionWordsTests {
    @Test func oneFractionInWords() {
        for text in ["Palliative radiotherapy left femur 8 Gy single fraction", "8 Gy single-fraction to T10", "左股骨 8Gy 单次照射", "8 Gy in one fraction"] {
            let dose = RadiotherapyDoseText.read(text)
            #expect(dose?.gy == 8, "\(text)")
            #expect(dose?.fractions == 1, "\(text)")
        }
        // The dose of each fraction is not one fraction; a count written stays the count.
        #expect(RadiotherapyDoseText.read("单次3Gy 共10次")?.fractions == nil)
        #expect(RadiotherapyDoseText.read("30 Gy/10 fx")?.fractions == 10)
    }
}

/// ehr34 (unseen Chinese bundle, 2026-12-06): a breast cancer whose receptors are on record only in
/// the pathology of its L3 metastasis — "转移性腺癌，结合免疫组化符合乳腺来源 … ER(+，80%)，PR(+，20%)" —
/// read "ER and PR are not on record — record them", its hormone dependence taken from the
/// fulvestrant given. The metastasis's receptors are the disease's (ESMO 2020: re-testing on the
/// metastasis); they fill what the primary's record leaves open. Rule set 2026.12.339.
@Suite struct MetastasisReceptorsTests {
    func katagiri(histology: String, er: ReceptorStatus? = nil, asOf: String = "2023-03-25", therapy: Bool = false) throws -> (Int?, Finding?) {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性导管癌术后", er: er, diagnosed: day("2018-04"))]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-02-20"), decalcification: .edta, result: .metastasis, histology: histology)]
        r.treatments = therapy ? [Treatment(id: "T1", kind: .systemic, name: "氟维司群", drugs: ["fulvestrant"], start: day("2023-01-10"))] : []
        let a = assess(r, asOf: day(asOf))
        let score = try #require(a.katagiri)
        return (score.components.first { $0.key == "primaryGrowth" }?.points, a.rule("surgery.prognosis.katagiri").first)
    }

    @Test func theMetastasissReceptorsSettleTheDependence() throws {
        let (points, finding) = try katagiri(histology: "（左股骨穿刺）转移性腺癌，结合免疫组化符合乳腺来源。免疫组化：GATA3(+)，ER(+，80%)，PR(+，20%)，HER2(1+)", therapy: true)
        #expect(points == 0)
        #expect(finding?.detail.en.contains("Hormone-dependent breast cancer read from the pathology of left femur, diaphysis (2023-02-20)") == true)
        #expect(finding?.detail.zhHans.contains("乳腺癌激素依赖性依据") == true)
        #expect(finding?.detail.en.contains("read from the therapy given") == false)
        // Both negative there: hormone-independent (moderate growth, 2).
        #expect(try katagiri(histology: "metastatic carcinoma, breast origin; ER negative, PR negative, HER2 3+").0 == 2)
        // Before the biopsy was reported it is not known.
        #expect(try katagiri(histology: "ER(+，80%)，PR(+，20%)", asOf: "2023-02-10").0 == nil)
        // Recorded receptors of the primary stand.
        #expect(try katagiri(histology: "ER(+，80%)，PR(+，20%)", er: .negative).0 == nil)
    }
}

/// cb95-a (unseen record, 2026-12-06): a prostate cancer's peritrochanteric femur read "blastic" on
/// an X-ray and "lytic" on the CT of the same day. Mirels took "lesion type lytic — from CT" (the
/// worse of the day, `latestWorst`), RECIST "blastic lesion: non-measurable" (the study whose id
/// sorted last) — one lesion, two characters in one assessment. Rule set 2026.12.339.
@Suite struct SameDayCharacterAcrossStudiesTests {
    @Test func recistReadsTheDaysCharacterAsMirelsDoes() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .peritrochanteric, laterality: .left)]
        r.studies = [
            ImagingStudy(id: "X1", date: day("2023-03-10"), modality: .xray, observations: [observation("L1", .blastic) { $0.boneDestruction = false; $0.fractionOfDiameter = 0.5 }]),
            ImagingStudy(id: "C1", date: day("2023-03-10"), modality: .ct, windows: [.bone], coverage: [.leftLowerLimb], observations: [observation("L1", .lytic) { $0.boneDestruction = true }]),
        ]
        let a = assess(r, asOf: day("2023-03-20"))
        let recist = try #require(a.rule("boneHealth.recist.measurability").first)
        #expect(!recist.detail.en.contains("blastic lesion"))
        #expect(recist.detail.en.contains("soft-tissue component not recorded"))
        #expect(a.rule("surgery.mirels.impendingFracture").first?.detail.en.contains("lesion type: lytic — from CT") == true)
    }
}
