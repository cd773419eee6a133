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
          {"id": "A1", "kind": "systemic", "name": "阿替利珠单抗", "drugs": ["atezolizumab"], "systemicClass": "immunotherapy", "start": "2026-11-20"},
          {"id": "D1", "kind": "systemic", "name": "地塞米松 16mg", "drugs": ["dexamethasone"], "start": "2026-11-20"}],
         "dentalExams": ["2025-08-20", "2026-02-20"]}
        """

    @Test(arguments: [AppLanguage.en, .zhHans])
    func listsUseThePagesComma(language: AppLanguage) throws {
        let record = try CaseFile.read(Self.record)
        let screen = CaseFirstScreen(record: record, assessment: assess(record, asOf: try #require(PartialDate("2026-11-21")), settings: .default))
        let line = screen.line(language)
        #expect(line.contains(language == .zhHans ? "仑伐替尼 8mg qd、阿替利珠单抗" : "仑伐替尼 8mg qd, 阿替利珠单抗"), "\(line)")
    }

    /// Unseen EHR bundle ehr6 (2026-12-05): sunitinib stopped, dexamethasone begun for a cord
    /// compression — the line read "当前治疗：地塞米松磷酸钠注射液 10mg". Supportive care is said apart,
    /// not as the anticancer treatment; in myeloma the steroid is the therapy.
    @Test func supportiveCareIsNoCurrentTreatment() throws {
        var record = try CaseFile.read(Self.record)
        record.treatments.removeAll { $0.id != "D1" }
        let asOf = try #require(PartialDate("2026-11-21"))
        let line = CaseFirstScreen(record: record, assessment: assess(record, asOf: asOf, settings: .default)).line(.zhHans)
        #expect(line.contains("目前无抗肿瘤治疗 · 支持治疗：地塞米松 16mg"), "\(line)")
        #expect(!line.contains("当前治疗"))
        record.primaries[0].site = .myeloma
        let myeloma = CaseFirstScreen(record: record, assessment: assess(record, asOf: asOf, settings: .default)).line(.en)
        #expect(myeloma.contains("current treatment: 地塞米松 16mg"), "\(myeloma)")
    }
}

/// cb77-t (unseen record, 2026-12-05): "浸润性小叶癌 HR+/HER2-" showed as "乳腺（浸润性小叶癌；HER2−）"
/// — the hormone receptors the rules read (rule set .305) were missing from the first line.
@Suite struct FirstScreenReceptorsTests {
    func line(_ histology: String, _ language: AppLanguage) throws -> String {
        let text = """
            {"schemaVersion": 1, "patient": {"id": "hr-1", "sex": "female", "birthDate": "1971-12"},
             "primaries": [{"id": "P1", "site": "breast", "histology": "\(histology)", "diagnosed": "2019-08"}],
             "lesions": [{"id": "IL", "bone": "pelvis"}]}
            """
        let record = try CaseFile.read(text)
        return CaseFirstScreen(record: record, assessment: assess(record, asOf: try #require(PartialDate("2026-12-05")), settings: .default)).line(language)
    }

    @Test func receptorsWrittenTogetherAreShown() throws {
        #expect(try line("浸润性小叶癌 HR+/HER2-", .zhHans).contains("乳腺（浸润性小叶癌；HR+ HER2−）"))
        #expect(try line("invasive lobular carcinoma, HR+/HER2-", .en).contains("breast (invasive lobular carcinoma; HR+ HER2−)"))
        // Written on their own, ER and PR are shown as before.
        #expect(try line("浸润性导管癌 ER(+) PR(-) HER2(-)", .zhHans).contains("ER+ PR− HER2−"))
    }
}

/// cb100-k (unseen record, 2026-12-06): "骨病灶：T10 椎体、C6 椎体" where C6 was looked for on the
/// only MRI of it and not seen — it read as a second metastasis. A lesion not seen on its latest
/// study up to the day is named after the others, and said so; one seen again later is not.
@Suite struct FirstScreenLesionNotSeenTests {
    func line(_ c6Later: Bool, _ language: AppLanguage) throws -> String {
        let later = c6Later ? #", {"id": "M2", "date": "2026-09-01", "modality": "mri", "observations": [{"lesion": "C6", "character": "lytic"}]}"# : ""
        let text = """
            {"schemaVersion": 1, "patient": {"id": "ns-1", "sex": "male", "birthDate": "1961-11"},
             "primaries": [{"id": "P1", "site": "prostate", "diagnosed": "2020-02"}],
             "lesions": [{"id": "C6", "bone": "vertebra", "level": "C6"}, {"id": "T10", "bone": "vertebra", "level": "T10"}],
             "studies": [{"id": "M1", "date": "2026-05-01", "modality": "mri", "observations": [{"lesion": "C6", "present": false}, {"lesion": "T10", "character": "blastic"}]}\(later)]}
            """
        let record = try CaseFile.read(text)
        return CaseFirstScreen(record: record, assessment: assess(record, asOf: try #require(PartialDate("2026-12-06")), settings: .default)).line(language)
    }

    @Test func aLesionNotSeenIsSaidSoAndNamedLast() throws {
        let zh = try line(false, .zhHans), en = try line(false, .en), seenAgain = try line(true, .en)
        #expect(zh.contains("骨病灶：T10 椎体、C6 椎体（最近一次检查未见）"), "\(zh)")
        #expect(en.contains("bone lesions: T10 vertebra, C6 vertebra (not seen on its latest study)"), "\(en)")
        #expect(seenAgain.contains("bone lesions: C6 vertebra, T10 vertebra ·"), "\(seenAgain)")
    }
}

/// cb107-f (2026-12-06): a lytic L1 on a CT, "not seen" on the MRI two days later — not healed,
/// the readings disagree (`diagnosis.record.absentTooSoon`, rule set .357). The first line said
/// only "not seen on its latest study"; it now says the readings disagree.
@Suite struct FirstScreenLesionNotSeenTooSoonTests {
    @Test func aLesionNotSeenDaysAfterItWasShownIsSaidDisputed() throws {
        let text = """
            {"schemaVersion": 1, "patient": {"id": "ns-2", "sex": "female", "birthDate": "1972-07-07"},
             "primaries": [{"id": "P1", "site": "breast", "diagnosed": "2025-05"}],
             "lesions": [{"id": "L1", "bone": "vertebra", "level": "L1"}, {"id": "F", "bone": "femur", "laterality": "right", "segment": "diaphysis"}],
             "studies": [{"id": "C0", "date": "2026-11-10", "modality": "ct", "windows": ["bone"], "observations": [{"lesion": "L1", "character": "lytic", "boneDestruction": true}, {"lesion": "F", "character": "lytic"}]},
                         {"id": "M0", "date": "2026-11-12", "modality": "mri", "observations": [{"lesion": "L1", "present": false}]}]}
            """
        let record = try CaseFile.read(text)
        let screen = CaseFirstScreen(record: record, assessment: assess(record, asOf: try #require(PartialDate("2026-12-06")), settings: .default))
        #expect(screen.line(.en).contains("bone lesions: right femur, diaphysis, L1 vertebra (not seen on its latest study — the readings disagree)"), "\(screen.line(.en))")
        #expect(screen.line(.zhHans).contains("L1 椎体（最近一次检查未见——与前次读片不一致）"), "\(screen.line(.zhHans))")
    }

    /// cb114-e (unseen record, 2026-12-06): a thyroid cancer's "131I 治疗" of March 2016, recorded
    /// without an end, read as the current treatment in November 2026 (rule set 2026.12.366: a
    /// radiotherapy course lasts its fractions, or 8 weeks; `RadiotherapyWithoutEndTests`).
    @Test func anOldRadiotherapyCourseIsNoCurrentTreatment() throws {
        let record = try CaseFile.read("""
            {"schemaVersion": 1,
             "patient": {"id": "rt-open-1", "sex": "female", "birthDate": "1958-04-04"},
             "primaries": [{"id": "P1", "site": "thyroid", "diagnosed": "2016-01"}],
             "lesions": [{"id": "L1", "bone": "pelvis", "laterality": "left"}],
             "studies": [{"id": "C1", "date": "2026-11-05", "modality": "ct", "windows": ["bone"], "coverage": ["pelvis"],
                          "observations": [{"lesion": "L1", "character": "lytic", "boneDestruction": true}]}],
             "treatments": [{"id": "I1", "kind": "radiotherapy", "name": "131I 治疗", "start": "2016-03-01"}]}
            """)
        let line = CaseFirstScreen(record: record, assessment: assess(record, asOf: try #require(PartialDate("2026-11-29")), settings: .default)).line(.en)
        #expect(line.contains("no current treatment"), "\(line)")
        #expect(!line.contains("131I"))
    }
}
