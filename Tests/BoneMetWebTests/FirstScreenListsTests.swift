import BoneMetDomain
import Foundation
import Testing

@testable import BoneMetWeb

/// The first screen's line lists several treatments and dental examinations: on a Chinese page
/// with the Chinese enumeration comma (、), not ", " (cb76-l: "当前治疗：仑伐替尼 8mg qd, 地塞米松 16mg").
@Suite struct FirstScreenListsTests {
    static let record = """
        {"schemaVersion": 1,
         "patient": {"id": "list-1", "sex": "male", "birthDate": "1963-12"},
         "primaries": [{"id": "P1", "site": "liver", "diagnosed": "2025-08"}],
         "lesions": [{"id": "T4", "bone": "vertebra", "level": "T4"}],
         "treatments": [
          {"id": "T1", "kind": "systemic", "name": "仑伐替尼 8mg qd", "drugs": ["lenvatinib"], "systemicClass": "targeted", "start": "2025-09-01"},
          {"id": "D1", "kind": "systemic", "name": "地塞米松 16mg", "drugs": ["dexamethasone"], "start": "2026-11-20"}],
         "dentalExams": ["2025-08-20", "2026-02-20"]}
        """

    @Test(arguments: [AppLanguage.en, .zhHans])
    func listsUseThePagesComma(language: AppLanguage) throws {
        let record = try CaseFile.read(Self.record)
        let screen = CaseFirstScreen(record: record, assessment: assess(record, asOf: try #require(PartialDate("2026-11-21")), settings: .default))
        let line = screen.line(language)
        #expect(line.contains(language == .zhHans ? "仑伐替尼 8mg qd、地塞米松 16mg" : "仑伐替尼 8mg qd, 地塞米松 16mg"), "\(line)")
    }
}
