import BoneMetRules
import Testing

/// Rule set 2026.12.45: an acid-decalcified biopsy of a lung adenocarcinoma's vertebra, EGFR
/// testing wanted, was warned that acid ruins "ER/PR/HER2 ISH" — the breast cancer's tests.
/// van Es SC et al. 2019: DNA/RNA and in-situ hybridisation fail after acid decalcification.
@Suite struct DecalcificationByPrimaryTests {
    func acidWarning(_ site: PrimarySite) throws -> Finding {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: site, diagnosed: day("2022-06"))]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2023-01-08"), decalcification: .acid, result: .metastasis)]
        r.plans.molecularTestsWanted = true
        return try #require(assess(r, asOf: day("2023-01-20")).rule("diagnosis.biopsy.acidDecalcified").first)
    }

    @Test func theTestsAtStakeAreThePrimarys() throws {
        #expect(try acidWarning(.lung).detail.en.hasPrefix("Acid decalcification ruins EGFR, ALK and other driver-gene tests (DNA/RNA, FISH):"))
        #expect(try acidWarning(.lung).detail.zhHans.hasPrefix("酸脱钙会破坏EGFR、ALK 等驱动基因检测"))
        #expect(try acidWarning(.breast).detail.en.hasPrefix("Acid decalcification ruins ER/PR/HER2 in-situ hybridisation and DNA/RNA:"))
        #expect(try acidWarning(.kidney).detail.en.hasPrefix("Acid decalcification ruins in-situ hybridisation (FISH) and DNA/RNA tests:"))
    }
}
