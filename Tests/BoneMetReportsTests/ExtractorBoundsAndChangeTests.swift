@testable import BoneMetReports
import BoneMetRules
import Testing

/// Unseen reports (2026-12-06, batch 20 of the corpus): "T9椎体压缩约1/2以上" read "≥ 50 %" in doubt
/// (the bound after the half unread); "shows new peripheral sclerosis" no sclerotic rim; "the spinal
/// cord is deformed but CSF is still visible" no ESCC 2; "放射性浓聚较前明显增高" no comparison.
@Suite struct ExtractorBoundsAndChangeTests: ExtractorFixture {
    let extractor: ReportExtractor

    init() throws {
        extractor = try ReportExtractor()
    }

    @Test func aHalfBoundedAfterIsNoHalf() throws {
        let above = try #require(try requireLesion("T9", in: "T9椎体压缩约1/2以上，局部后凸。").reading("collapse"))
        #expect(above.value == "over50" && above.certainty == .affirmed)
        let below = try #require(try requireLesion("T9", in: "T9椎体压缩约1/2以下。").reading("collapse"))
        #expect(below.value == "under50" && below.certainty == .affirmed)
        // A half alone stays in doubt (SINS has no half).
        let half = try #require(try requireLesion("T9", in: "T9椎体压缩约1/2。").reading("collapse"))
        #expect(half.value == "over50" && half.certainty == .uncertain)
    }

    @Test func peripheralSclerosisIsARim() throws {
        let acetabulum = try requireLesion("acetabulum right", in: "The lytic lesion of the right acetabulum has decreased in size (2.0 cm from 2.9 cm) and shows new peripheral sclerosis.")
        #expect(acetabulum.reading("rim")?.value == "true")
        #expect(acetabulum.reading("comparison")?.value == "decreased")
        #expect(acetabulum.reading("diametersMm")?.value == "20")
    }

    @Test func aDeformedCordWithCSFAroundIsGradeTwo() throws {
        let t12 = try requireLesion("T12", in: "Pathologic fracture of T12 with 40% height loss; the spinal cord is deformed but CSF is still visible around it.")
        #expect(t12.reading("escc")?.value == "2")
        #expect(t12.reading("collapse")?.value == "under50")
    }

    @Test func uptakeHigherThanBefore() throws {
        for text in ["全身骨显像：T8椎体放射性浓聚较前明显增高。", "全身骨显像：L2椎体放射性浓聚较前增高。"] {
            let found = try #require(extractor.extract(text).lesions.first)
            #expect(found.reading("comparison")?.value == "increased", "\(text)")
            #expect(found.reading("uptake")?.value == "true", "\(text)")
        }
    }
}
