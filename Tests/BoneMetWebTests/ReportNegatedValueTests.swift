import BoneMetReports
import BoneMetRules
import Testing

@testable import BoneMetWeb

/// Unseen reports (2026-12-04): a denied finding started the confirmation form at the value
/// denied — "without epidural disease" at ESCC 1a, "未见溶骨性骨质破坏" at character lytic,
/// "without sclerotic fill-in" at partial fill-in — so "Save" recorded the opposite of the report.
/// Denied: the field's "none" where it has one (ESCC 0, no fill-in), else nothing pre-selected.
@Suite struct ReportNegatedValueTests {
    func reading(_ report: String, _ field: String) throws -> Reading {
        let lesion = try #require(try ReportExtractor().extract(report).lesions.first)
        return try #require(lesion.readings.first { $0.field == field }, "\(lesion.readings)")
    }

    @Test func aDeniedValueIsNeverTheFormsValue() throws {
        let escc = try reading("Small enhancing lesion in L4, without epidural disease.", "escc")
        #expect(escc.certainty == .negated)
        #expect(ReportFields.initial(escc) == "0")
        let character = try reading("T10椎体未见溶骨性骨质破坏。", "character")
        #expect(ReportFields.initial(character) == "")
        #expect(!ReportFields.preselected(character))
        let fillIn = try reading("L2 lesion without sclerotic fill-in.", "fillIn")
        #expect(ReportFields.initial(fillIn) == "none")
        // A compression denied is not epidural tumour denied (ehr33, 2026-12-06): "no cord
        // compression" excludes grades 2–3, not 1a–1c — nothing pre-selected, and the reading
        // says the grade is low and still to be read.
        for report in ["Lytic lesion in L2 vertebral body without collapse. No cord compression.", "T8椎体骨质破坏，未见脊髓受压。"] {
            let denied = try reading(report, "escc")
            #expect(denied.certainty == .negated)
            #expect(ReportFields.initial(denied) == "", "\(report)")
            #expect(!ReportFields.preselected(denied))
            #expect(ExtractionText.value(denied).en.contains("low grade; grade it on axial T2"))
            #expect(ExtractionText.value(denied).zhHans.contains("低级别"))
        }
        #expect(ExtractionText.value(escc).en == "0")
        // Stated present is as it was.
        let present = try reading("T10椎体溶骨性骨质破坏，脊髓受压。", "escc")
        #expect(ReportFields.initial(present) == "2")
        #expect(ReportFields.preselected(present))
    }
}
