import BoneMetReports
import Testing

@testable import BoneMetWeb

/// A report that says there is no soft-tissue mass records 0 mm, so RECIST 1.1 measurability is
/// decided (not measurable) instead of staying unknown; a mass stated without a size leaves the
/// number to the clinician.
@Suite struct ReportSoftTissueTests {
    func softTissue(_ report: String) throws -> Reading {
        let lesion = try #require(try ReportExtractor().extract(report).lesions.first)
        return try #require(lesion.readings.first { $0.field == "softTissue" })
    }

    @Test func noSoftTissueMassIsZeroMillimetres() throws {
        for report in ["T10椎体见溶骨性骨质破坏，未见软组织肿块。", "Lytic destruction of the T10 vertebral body without soft tissue mass."] {
            let absent = try softTissue(report)
            #expect(ReportFields.byField[absent.field]?.key == "softTissueMm")
            #expect(ReportFields.initial(absent) == "0")
            #expect(ReportFields.preselected(absent))
        }
        let present = try softTissue("T10椎体见溶骨性骨质破坏，伴软组织肿块。")
        #expect(ReportFields.initial(present) == "")
        #expect(!ReportFields.preselected(present))
    }
}
