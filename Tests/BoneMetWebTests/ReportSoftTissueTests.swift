import BoneMetReports
import BoneMetRules
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
        // Two diameters of the mass: its longest is the one number recorded (RECIST 1.1).
        let sized = try #require(try ReportExtractor().extract("左侧髋臼见溶骨性骨质破坏，伴软组织肿块约4.5cm×3.8cm。").lesions.first?.readings.first { $0.field == "softTissueMm" })
        #expect(sized.value == "45x38")
        #expect(ReportFields.initial(sized) == "45")
        let kind = try #require(ReportFields.byField["softTissueMm"]?.kind)
        #expect(ReportApplication.typed(ReportFields.initial(sized), kind) == .double(45))
        let present = try softTissue("T10椎体见溶骨性骨质破坏，伴软组织肿块。")
        #expect(ReportFields.initial(present) == "")
        #expect(!ReportFields.preselected(present))
    }
}
