import BoneMetDomain
import BoneMetRules
import Foundation
import Testing

@testable import BoneMetWeb

/// cb114-e (unseen record, 2026-12-06): a thyroid cancer's "131I 治疗" of March 2016, recorded
/// without an end, read as the current treatment in November 2026 and ran to the end of the
/// timeline. A radiotherapy course is given within its fractions (five a week), or — fractions
/// unknown — within the longest conventional course, 8 weeks. Rule set 2026.12.366.
@Suite struct RadiotherapyWithoutEndTests {
    static let record = """
        {"schemaVersion": 1,
         "patient": {"id": "rt-open-1", "sex": "female", "birthDate": "1958-04-04"},
         "primaries": [{"id": "P1", "site": "thyroid", "diagnosed": "2016-01"}],
         "lesions": [{"id": "L1", "bone": "pelvis", "laterality": "left"}],
         "studies": [{"id": "C1", "date": "2026-11-05", "modality": "ct", "windows": ["bone"], "coverage": ["pelvis"],
                      "observations": [{"lesion": "L1", "character": "lytic", "boneDestruction": true}]}],
         "treatments": [{"id": "I1", "kind": "radiotherapy", "name": "131I 治疗", "start": "2016-03-01"}]}
        """

    @Test func anOldCourseIsNoCurrentTreatment() throws {
        let record = try CaseFile.read(Self.record)
        let assessment = assess(record, asOf: try #require(PartialDate("2026-11-29")), settings: .default)
        let line = CaseFirstScreen(record: record, assessment: assessment).line(.en)
        #expect(line.contains("no current treatment"), "\(line)")
        #expect(!line.contains("131I"))
    }

    /// Boundaries: without fractions, day 56 of the course is within it and day 57 past it; with
    /// 10 fractions (two weeks), day 14 within and day 15 past; an end recorded is the end.
    @Test func theCourseLastsItsFractions() throws {
        func course(_ fractions: Int?, end: String? = nil) throws -> Treatment {
            var t = Treatment(id: "R", kind: .radiotherapy, name: "T10 放疗", start: PartialDate("2026-01-01"))
            t.fractions = fractions
            t.end = try end.map { try #require(PartialDate($0)) }
            return t
        }
        let day = { (text: String) throws -> PartialDate in try #require(PartialDate(text)) }
        #expect(try course(nil).isActive(on: day("2026-02-25")))
        #expect(try !course(nil).isActive(on: day("2026-02-26")))
        #expect(try course(10).isActive(on: day("2026-01-14")))
        #expect(try !course(10).isActive(on: day("2026-01-15")))
        #expect(try course(nil, end: "2026-06-01").isActive(on: day("2026-05-30")))
    }
}
