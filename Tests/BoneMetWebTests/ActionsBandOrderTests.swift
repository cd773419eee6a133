import BoneMetDomain
import Foundation
import Testing

@testable import BoneMetWeb

/// The first screen's "To do first": a compression with a neurological deficit, whose source
/// gives hours to act (NICE NG234: definitive treatment within 24 hours), leads the urgent
/// findings. cb19-d (unseen record, 2026-12-03): small-cell lung cancer, an impending fracture of
/// the right humerus (Mirels 10, X-ray of 2 November) and T4 ESCC 3 with myelopathy, Frankel C
/// (MRI of 3 November): the humerus led because its X-ray was a day older.
@Suite struct ActionsBandOrderTests {
    static let record = """
        {"schemaVersion": 1,
         "patient": {"id": "band-1", "sex": "male", "birthDate": "1956-07-20", "weights": [{"date": "2026-11-01", "kg": 52}]},
         "primaries": [{"id": "P1", "site": "lung", "histology": "small-cell lung cancer", "diagnosed": "2026-03"}],
         "lesions": [{"id": "HU", "bone": "humerus", "segment": "diaphysis", "laterality": "right"}, {"id": "T4", "bone": "vertebra", "level": "T4"}],
         "studies": [
          {"id": "X1", "date": "2026-11-02", "modality": "xray", "observations": [{"lesion": "HU", "character": "lytic", "mirelsSize": "moreThanTwoThirds"}]},
          {"id": "C1", "date": "2026-11-02", "modality": "ct", "windows": ["bone", "softTissue"], "coverage": ["chest", "thoracicSpine"],
           "observations": [{"lesion": "T4", "character": "lytic", "boneDestruction": true, "collapse": "under50", "alignment": "normal", "posterolateral": "unilateral"}]},
          {"id": "M1", "date": "2026-11-03", "modality": "mri", "coverage": ["thoracicSpine"], "observations": [{"lesion": "T4", "escc": "3"}]}],
         "pain": [{"date": "2026-11-02", "lesion": "HU", "mirels": "functional"}, {"date": "2026-11-02", "lesion": "T4", "sins": "mechanical"}],
         "neurology": [{"date": "2026-11-03", "status": "myelopathy", "frankel": "C", "lesion": "T4"}],
         "performance": [{"date": "2026-11-03", "ecog": 3}]}
        """

    @Test(arguments: [AppLanguage.en, .zhHans])
    func aDeficitFromCompressionLeadsTheUrgentFindings(language: AppLanguage) throws {
        let record = try CaseFile.read(Self.record)
        let assessment = assess(record, asOf: try #require(PartialDate("2026-11-04")), settings: .default)
        let spine = try #require(assessment.findings.first { $0.ruleId == "surgery.spine.noms" && $0.subject == .lesion("T4") })
        #expect(spine.withinHours == 24)
        let humerus = try #require(assessment.findings.first { $0.ruleId == "surgery.mirels.impendingFracture" })
        #expect(humerus.severity == .urgent && humerus.withinHours == nil)
        let screen = CaseFirstScreen(record: record, assessment: assessment)
        let order = screen.actions.map(\.ruleId)
        #expect(order.first == "surgery.spine.noms", "\(order)")
        #expect(order.firstIndex(of: "surgery.mirels.impendingFracture") == 1)
        // The hours run from the MRI and the deficit of 3 November, not from the day assessed.
        #expect(screen.due(spine, language) == (language == .zhHans ? "24 小时内（自 2026-11-03 起）" : "within 24 hours (from 2026-11-03)"))
        // Read three days on (cb112-a): the 24 hours have passed — now, and said so.
        let later = assess(record, asOf: try #require(PartialDate("2026-11-06")), settings: .default)
        let laterSpine = try #require(later.findings.first { $0.ruleId == "surgery.spine.noms" && $0.subject == .lesion("T4") })
        #expect(CaseFirstScreen(record: record, assessment: later).due(laterSpine, language)
            == (language == .zhHans ? "立即——自 2026-11-03 起的 24 小时已过" : "now — the 24 hours from 2026-11-03 have passed"))
        #expect(screen.due(humerus, language).hasPrefix(language == .zhHans ? "立即" : "now"))
        // Without the deficit the compression is urgent but gives no hours: then the older date leads.
        var intact = record
        intact.neurology = [NeurologyRecord(date: try #require(PartialDate("2026-11-03")), status: .intact, frankel: .E, lesion: "T4")]
        let calm = assess(intact, asOf: try #require(PartialDate("2026-11-04")), settings: .default)
        #expect(calm.findings.first { $0.ruleId == "surgery.spine.noms" }?.withinHours == nil)
        #expect(CaseFirstScreen(record: intact, assessment: calm).actions.first?.ruleId == "surgery.mirels.impendingFracture")
    }
}
