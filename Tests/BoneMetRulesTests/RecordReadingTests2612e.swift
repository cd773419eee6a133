import BoneMetRules
import Testing

/// Rule set 2026.12.60, from a batch of unseen records (cb15): a breast cancer restaged by two CTs
/// each time (chest; abdomen and pelvis).
@Suite struct SplitExaminationTests {
    /// A chest CT and an abdomen-pelvis CT of one day are one examination (MDA compares each
    /// lesion with its previous reading, Hamaoka 2004). Compared only with the other CT of the
    /// earlier day, L3 and the ilium had no prior reading and fell out of the response.
    func record(newL5: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "T8", bone: .vertebra, level: VertebralLevel("T8")), Lesion(id: "L3", bone: .vertebra, level: VertebralLevel("L3")),
            Lesion(id: "IL", bone: .pelvis, laterality: .left), Lesion(id: "L5", bone: .vertebra, level: VertebralLevel("L5")),
        ]
        let chest: [BodyRegion] = [.chest, .thoracicSpine]
        let abdomen: [BodyRegion] = [.lumbarSpine, .pelvis]
        r.studies = [
            study("CC1", "2023-01-05", .ct, coverage: chest, [observation("T8", .lytic, [18, 15])]),
            study("CA1", "2023-01-05", .ct, coverage: abdomen, [observation("L3", .lytic, [20, 16]), observation("IL", .lytic, [25, 20])]),
            study("CC2", "2023-03-20", .ct, coverage: chest, [observation("T8", .mixed, [17, 15]) { $0.scleroticRim = true }]),
            study("CA2", "2023-03-20", .ct, coverage: abdomen, [
                observation("L3", .mixed, [19, 16]) { $0.scleroticRim = true }, observation("IL", .lytic, [25, 20]),
            ] + (newL5 ? [observation("L5", .lytic, [10, 10])] : [])),
        ]
        return r
    }

    @Test func everyLesionIsComparedWithItsOwnPreviousReading() throws {
        let a = assess(record(), asOf: day("2023-03-21"))
        let abdomen = try #require(a.timePoints.first { $0.study == "CA2" })
        #expect(abdomen.lesions.map(\.lesion) == ["IL", "L3"])
        #expect(abdomen.lesions.map(\.category) == [.stableDisease, .partialResponse])
        #expect(abdomen.previousStudy == "CA1")
        #expect(a.timePoints.first { $0.study == "CC2" }?.lesions.map(\.lesion) == ["T8"])
        // Each time point's title says which study it is.
        let titles = a.rule("boneHealth.mda.timePoint").map(\.title.en)
        #expect(titles.contains { $0.hasPrefix("CT of 2023-03-20 (left pelvis, L3 vertebra): bone response") })
        #expect(titles.contains { $0.hasPrefix("CT of 2023-03-20 (T8 vertebra): bone response") })
        #expect(a.rule("boneHealth.mda.timePoint").map(\.title.zhHans).contains { $0.hasPrefix("2023-03-20 CT 检查（T8 椎体）") })
    }

    /// A lesion new in the lumbar spine is new against the CT that imaged the lumbar spine, not
    /// "not imaged before" because the chest CT did not.
    @Test func aNewLesionIsNewAgainstTheStudyThatLookedThere() throws {
        let a = assess(record(newL5: true), asOf: day("2023-03-21"))
        let abdomen = try #require(a.timePoints.first { $0.study == "CA2" })
        #expect(abdomen.newLesions == ["L5"])
        #expect(abdomen.overall == .progressiveDisease)
    }
}

@Suite struct IntervalLesionsHealedTests {
    /// A breast cancer operated in 2016; lytic T11 and sacrum in January 2023 (a long disease-free
    /// interval: second primary or myeloma possible, biopsy indicated — source hospital), letrozole
    /// from 2023-01-10; by March 2024 both read blastic or completely filled in.
    func record(sacrumHealed: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.primaries[0].diagnosed = day("2016-02")
        r.lesions = [Lesion(id: "T11", bone: .vertebra, level: VertebralLevel("T11")), Lesion(id: "SA", bone: .sacrum)]
        r.studies = [
            ct("S1", "2023-01-05", [observation("T11", .lytic, [20, 18]) { $0.boneDestruction = true }, observation("SA", .mixed, [22, 18]) { $0.boneDestruction = true }]),
            ct("S2", "2024-03-20", [
                observation("T11", .blastic, [20, 18]) { $0.fillIn = .complete },
                observation("SA", .mixed, [22, 18]) { $0.fillIn = sacrumHealed ? .complete : .partial },
            ]),
        ]
        return r
    }

    /// Source hospital: blastic bone is not biopsied after systemic therapy started (reactive
    /// bone or necrosis). Lesions that healed into it under the regimen are no longer "the lytic or
    /// mixed lesion biopsied at any time".
    @Test func healedLesionsAreNotSentForBiopsy() throws {
        let before = assess(record(), asOf: day("2023-01-08"))
        #expect(before.rule("diagnosis.biopsy.indicated").contains { $0.title.en == "Biopsy indicated: long disease-free interval" })
        let after = assess(record(), asOf: day("2024-03-21"))
        #expect(!after.has("diagnosis.biopsy.indicated"))
        let healed = try #require(after.rule("diagnosis.biopsy.intervalHealed").first)
        #expect(healed.detail.en.contains("T11 vertebra (2024-03-20)"))
        #expect(healed.detail.zhHans.contains("不再建议") || healed.title.zhHans.contains("不再建议活检"))
        #expect(healed.claims.contains { $0.stance == "noBiopsy" })
        // One still mixed and partly filled: it is the one to biopsy.
        let partly = try #require(assess(record(sacrumHealed: false), asOf: day("2024-03-21")).rule("diagnosis.biopsy.indicated").first)
        #expect(partly.detail.en.contains("(sacrum)") && !partly.detail.en.contains("T11"))
    }
}
