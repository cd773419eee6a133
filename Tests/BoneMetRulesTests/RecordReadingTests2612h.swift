import BoneMetRules
import Testing

@Suite struct SpineScoresFollowTheSpineTests {
    /// cb17-o again, with the myeloma recorded: L4's biopsy is plasma-cell myeloma, the left
    /// pelvis (lytic, not biopsied) may be either cancer. Tokuhashi and Tomita score spinal
    /// metastases by the primary of the spinal metastasis (Tokuhashi 2005; Tomita 2001): they read
    /// "depends on which primary the bone disease comes from (breast …; myeloma …): biopsy
    /// decides" though L4's biopsy had decided. New Katagiri scores the whole skeleton's disease:
    /// there the pelvis keeps the question open.
    @Test func aBiopsiedSpineIsScoredByItsOwnPrimary() throws {
        let a = assess(BiopsySettlesThePrimaryTests().record(myelomaRecorded: true), asOf: day("2026-10-01"))
        for rule in ["surgery.prognosis.tokuhashi", "surgery.prognosis.tomita"] {
            let score = try #require(a.rule(rule).first)
            #expect(!score.detail.en.contains("Depends on which primary"), "\(rule)")
            #expect(!score.detail.zhHans.contains("取决于骨病灶来源于哪个原发灶"), "\(rule)")
            #expect(!score.detail.en.contains("breast"), "\(rule): \(score.detail.en)")
        }
        let tokuhashi = try #require(a.rule("surgery.prognosis.tokuhashi").first)
        // One primary's item, not the candidates' merged "a | b".
        let primary = try #require(tokuhashi.inputs.first { $0.name == "primary" })
        #expect(!primary.value.contains("|"), "\(primary.value)")
        let katagiri = try #require(a.rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("Depends on which primary the bone disease comes from"))
    }

    /// Not biopsied, L4 may be either: the spine's scores still name both and pick neither.
    @Test func anUnbiopsiedSpineStillDependsOnThePrimary() throws {
        var r = BiopsySettlesThePrimaryTests().record(myelomaRecorded: true)
        r.biopsies = []
        let a = assess(r, asOf: day("2026-10-01"))
        let tokuhashi = try #require(a.rule("surgery.prognosis.tokuhashi").first)
        #expect(tokuhashi.detail.en.contains("Depends on which primary the bone disease comes from"))
        #expect(tokuhashi.detail.en.contains("breast"))
        #expect(try #require(tokuhashi.inputs.first { $0.name == "primary" }).value.contains("|"))
    }
}

@Suite struct BirthYearOnlyTests {
    /// cb18-b: a birth date of "1955" (a Chinese record's age, an EHR's birth year). PATHFx's age
    /// read 71 on 2026-11-29, where the patient is 70 or 71 — the older taken as the age.
    @Test func aBirthYearGivesBothAges() throws {
        var r = baseCase()
        r.patient.birthDate = day("1955")
        let a = assess(r, asOf: day("2026-11-29"))
        let inputs = try #require(a.rule("surgery.prognosis.survivalModelInputs").first)
        #expect(inputs.detail.en.contains("age 70–71,"))
        #expect(inputs.detail.zhHans.contains("年龄 70–71 岁"))
        #expect(inputs.inputs.contains { $0.name == "age" && $0.value == "70–71" })
        // On 31 December every birthday of 1955 has passed: one age; the day was promised.
        #expect((a.nextChange?.earliestDay ?? .max) <= day("2026-12-31").earliestDay)
        let last = assess(r, asOf: day("2026-12-31"))
        #expect(try #require(last.rule("surgery.prognosis.survivalModelInputs").first).detail.en.contains("age 71,"))
    }

    @Test func aWholeBirthDateGivesOneAge() throws {
        var r = baseCase()
        r.patient.birthDate = day("1955-05-10")
        let a = assess(r, asOf: day("2026-11-29"))
        #expect(try #require(a.rule("surgery.prognosis.survivalModelInputs").first).detail.en.contains("age 71,"))
    }
}
