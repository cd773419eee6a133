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
