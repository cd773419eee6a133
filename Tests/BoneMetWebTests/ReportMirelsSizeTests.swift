import BoneMetReports
import Testing

@testable import BoneMetWeb

/// Mirels's size suggested from a report (unseen record cb31, 2026-12-04) is written into the
/// study's observation as the case format records it: the fraction of the diameter as a number,
/// the class a bound states as one of its three values — pre-ticked, as any stated reading.
@Suite struct ReportMirelsSizeTests {
    @Test func theShareOfTheDiameterIsRecordable() throws {
        let extractor = try ReportExtractor()
        let femur = try #require(extractor.extract("右股骨转子间溶骨性破坏，范围约占骨干直径2/3。").lesions.first)
        let fraction = try #require(femur.reading("fractionOfDiameter"))
        #expect(ReportFields.byField[fraction.field]?.key == "fractionOfDiameter")
        #expect(ReportFields.initial(fraction) == "0.67")
        #expect(ReportFields.preselected(fraction))

        let bounded = try #require(extractor.extract("右股骨转子间溶骨性破坏，累及皮质超过2/3。").lesions.first?.reading("mirelsSize"))
        #expect(ReportFields.byField[bounded.field]?.key == "mirelsSize")
        #expect(ReportFields.initial(bounded) == "moreThanTwoThirds")
        #expect(ReportFields.preselected(bounded))
    }
}
