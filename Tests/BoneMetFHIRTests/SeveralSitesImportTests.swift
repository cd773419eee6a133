import BoneMetDomain
import BoneMetFHIR
import BoneMetRules
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import Testing

extension RealEHRImportTests {
    /// An unseen Chinese EHR bundle (ehr5, 2026-12-05): a lung cancer's one "多发骨转移" Condition
    /// with the body site "T12、L1椎体及右侧股骨近端" became one lesion of bone "other" — no SINS for
    /// either vertebra, no Mirels for the femur, its pathological fracture and nail placed on
    /// nothing (the nail read as prophylactic). One lesion for each site the body site names.
    func sitesBundle(_ site: String, extra: [String] = []) async throws -> (BulkImporter.Summary, CaseRecord) {
        let subject = #""subject": {"reference": "Patient/m5"}"#
        return try await importEntries([
            #"{"resource": {"resourceType": "Patient", "id": "m5", "gender": "female", "birthDate": "1958-03-01"}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "pc", \#(subject), "onsetDateTime": "2025-03-01", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C34.101"}], "text": "右肺上叶腺癌"}}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "bm", \#(subject), "onsetDateTime": "2025-03-20", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C79.5"}], "text": "多发骨转移"}, "bodySite": [\#(site)]}}"#,
        ] + extra)
    }

    @Test func aBodySiteListingSeveralSitesIsOneLesionEach() async throws {
        let fracture = #"{"resource": {"resourceType": "Condition", "id": "fx", "subject": {"reference": "Patient/m5"}, "onsetDateTime": "2026-06-08", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "M84.4"}], "text": "病理性骨折"}, "bodySite": [{"text": "右股骨近端"}]}}"#
        let nail = #"{"resource": {"resourceType": "Procedure", "id": "pfna", "status": "completed", "subject": {"reference": "Patient/m5"}, "code": {"text": "右股骨近端PFNA内固定术"}, "performedDateTime": "2026-06-10"}}"#
        let (summary, record) = try await sitesBundle(#"{"text": "T12、L1椎体及右侧股骨近端"}"#, extra: [fracture, nail])
        #expect(record.lesions.map(\.id) == ["bm-1", "bm-2", "bm-3"])
        #expect(record.lesions.map(\.bone) == [.vertebra, .vertebra, .femur])
        #expect(record.lesions.map { $0.level?.description } == ["T12", "L1", nil])
        #expect(record.lesions[2].laterality == .right)
        #expect(record.lesions.map(\.note) == ["T12椎体", "L1椎体", "右侧股骨近端"])
        #expect(record.lesions.allSatisfy { $0.diagnosed?.description == "2025-03-20" })
        #expect(record.events.first?.lesion == "bm-3", "the fracture reaches the femur")
        let fixation = try #require(record.treatments.first { $0.id == "pfna" })
        #expect(fixation.lesions == ["bm-3"])
        #expect(fixation.procedure == .fractureFixation)
        #expect(summary.notes.contains { $0.message.contains("names 3 sites: recorded as 3 lesions") })
    }

    @Test func levelListsSpansAndSeveralEntriesAreReadTogether() async throws {
        let (_, listed) = try await sitesBundle(#"{"text": "T7、8、9椎体，左髂骨"}"#)
        #expect(listed.lesions.map { $0.level?.description ?? $0.bone.rawValue } == ["T7", "T8", "T9", "pelvis"])
        #expect(listed.lesions.last?.laterality == .left)
        let (_, span) = try await sitesBundle(#"{"text": "T10-12椎体"}"#)
        #expect(span.lesions.map { $0.level?.description } == ["T10", "T11", "T12"])
        let (_, spanned) = try await sitesBundle(#"{"text": "L3-5椎体+骶骨"}"#)
        #expect(spanned.lesions.map { $0.level?.description ?? $0.bone.rawValue } == ["L3", "L4", "L5", "sacrum"])
        let (_, entries) = try await sitesBundle(#"{"text": "右肱骨近端"}, {"text": "T10"}"#)
        #expect(entries.lesions.map(\.bone) == [.humerus, .vertebra])
        #expect(entries.lesions.last?.level?.description == "T10", "a level alone is that vertebra")
        let (_, english) = try await sitesBundle(#"{"text": "Thoracic spine, pelvis and left femur"}"#)
        #expect(english.lesions.map(\.bone) == [.vertebra, .pelvis, .femur])
        #expect(english.lesions.last?.laterality == .left)
        let (_, paired) = try await sitesBundle(#"{"text": "骶骨、双侧髂骨"}"#)
        #expect(paired.lesions.map(\.bone) == [.sacrum, .pelvis])
        // A rib list is one rib row (its note counts the ribs), not split on its numbers.
        // One site written twice is one lesion.
        let (_, twice) = try await sitesBundle(#"{"text": "L1"}, {"text": "L1椎体"}"#)
        #expect(twice.lesions.map(\.id) == ["bm"])
        #expect(twice.lesions.first?.level?.description == "L1")
        let (_, twiceAndOne) = try await sitesBundle(#"{"text": "右股骨、右股骨及T10"}"#)
        #expect(twiceAndOne.lesions.map(\.id) == ["bm-1", "bm-2"])
        let (_, ribs) = try await sitesBundle(#"{"text": "左侧第5、6肋"}"#)
        #expect(ribs.lesions.map(\.id) == ["bm"])
    }

    /// Unseen bundle ehr8 (2026-12-05): sites written with spaces between them — "T12 L1 右股骨近端"
    /// became the two vertebrae and lost the femur; "左肱骨 右股骨" one lesion of bone "other".
    @Test func sitesWrittenWithSpacesBetweenThemAreOneLesionEach() async throws {
        let cases: [(String, [String])] = [
            ("T12 L1 右股骨近端", ["T12", "L1", "femur"]),
            ("T12椎体转移 右股骨近端转移", ["T12", "femur"]),
            ("胸12 腰1椎体、右股骨", ["T12", "L1", "femur"]),
            ("左肱骨 右股骨", ["humerus", "femur"]),
            ("右髂骨 骶骨", ["pelvis", "sacrum"]),
            ("left femur right femur", ["femur", "femur"]),
        ]
        for (site, expected) in cases {
            let (_, record) = try await sitesBundle(#"{"text": "\#(site)"}"#)
            #expect(record.lesions.map { $0.level?.description ?? $0.bone.rawValue } == expected, "\(site)")
        }
        let (_, femur) = try await sitesBundle(#"{"text": "T12 L1 右股骨近端"}"#)
        #expect(femur.lesions.last?.laterality == .right)
        #expect(femur.lesions.last?.note == "右股骨近端")
        // Words of one site stay one: a level with its bone words, a bone with its segment, one
        // bone named twice.
        for site in ["L1 vertebral body", "proximal right femur", "右股骨 股骨颈", "right femur with pathological fracture"] {
            let (_, record) = try await sitesBundle(#"{"text": "\#(site)"}"#)
            #expect(record.lesions.map(\.id) == ["bm"], "\(site)")
        }
    }

    @Test func aBodySiteThatIsOneSiteOrUnreadIsOneLesionAsBefore() async throws {
        let (_, one) = try await sitesBundle(#"{"text": "右股骨颈"}"#)
        #expect(one.lesions.map(\.id) == ["bm"])
        #expect(one.lesions.first?.bone == .femur)
        let (_, level) = try await sitesBundle(#"{"text": "L3"}"#)
        #expect(level.lesions.first?.bone == .vertebra, "a level alone names its vertebra (was bone other)")
        #expect(level.lesions.first?.level?.description == "L3")
        // A part this reading does not know ("肝") keeps the text whole: one lesion, its note
        // the whole text — never a guess.
        let (_, unread) = try await sitesBundle(#"{"text": "T12椎体及肝"}"#)
        #expect(unread.lesions.map(\.id) == ["bm"])
        #expect(unread.lesions.first?.note == "T12椎体及肝")
        // Both femora are one row whose note the case format counts as one on each side.
        let (_, both) = try await sitesBundle(#"{"text": "双侧股骨"}"#)
        #expect(both.lesions.count == 1)
        #expect(both.lesions.first?.namesSeveral == true)
    }

    /// The same bundle: a CT report sent without its ImagingStudy ("胸腰椎CT平扫", conclusion naming
    /// T12 and L1) was "conclusion not attached" — the latest word on the spine never reached the
    /// page. It is the case format's report-only study: shown, read into lesions on the page, and
    /// until then it shows nothing and excludes nothing.
    @Test func anImagingReportWithoutItsStudyIsAReportOnlyStudy() async throws {
        func report(_ id: String, _ name: String, _ conclusion: String, date: String = "2026-10-30") -> String {
            #"{"resource": {"resourceType": "DiagnosticReport", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/m5"}, "code": {"text": "\#(name)"}, "effectiveDateTime": "\#(date)", "conclusion": "\#(conclusion)"}}"#
        }
        let (summary, record) = try await sitesBundle(#"{"text": "T12、L1椎体"}"#, extra: [
            report("ct1", "胸腰椎CT平扫", "T12、L1椎体溶骨性骨质破坏，L1椎体压缩变扁约30%。"),
            report("mr1", "头颅MRI增强", "右额叶转移瘤。", date: "2026-10-31"),
            report("ect", "全身骨显像(ECT)", "T12、L1椎体放射性浓聚。", date: "2026-11-02"),
            report("pet", "PET-CT", "T12、L1 vertebral bodies FDG-avid lytic lesions.", date: "2026-11-03"),
            report("lab", "血常规", "白细胞偏低，骨髓抑制可能。", date: "2026-11-04"),
        ])
        #expect(record.studies.map(\.id) == ["report-ct1", "report-ect", "report-pet"], "the brain MRI and the blood count are not bone imaging")
        #expect(record.studies.map(\.modality) == [.ct, .boneScan, .petCt])
        let ct = try #require(record.studies.first)
        #expect(ct.report == "T12、L1椎体溶骨性骨质破坏，L1椎体压缩变扁约30%。")
        #expect(ct.region == "胸腰椎CT平扫")
        #expect(ct.observations.isEmpty)
        #expect(summary.notes.contains { $0.resource == "DiagnosticReport/ct1" && $0.message.contains("recorded as the ct study report-ct1") })
        let assessment = assess(record, asOf: try #require(PartialDate(year: 2026, month: 12, day: 5)))
        #expect(assessment.findings.contains { $0.ruleId == "diagnosis.imaging.readingNotRecorded" && $0.inputs.contains { $0.name == "studies" && $0.value.contains("report-ct1") } })
        // The spine findings name the study to read rather than asking for a report already there.
        #expect(assessment.findings.contains { $0.ruleId == "surgery.lesion.notAssessable" && $0.detail.en.contains("The CT of 2026-10-30 is on record as its report only: record its reading of this lesion from the report") })
    }

    /// Unseen bundle ehr39 (2026-12-06): "胸腰椎CT平扫（骨窗）" imported with no window, and the CT was
    /// asked "windows not recorded — was the bone window read?". The windows a CT's name or report
    /// names are its windows; none named, none assumed.
    @Test func aCTReportNamingItsWindowsRecordsThem() async throws {
        func report(_ id: String, _ name: String, _ conclusion: String, date: String) -> String {
            #"{"resource": {"resourceType": "DiagnosticReport", "id": "\#(id)", "status": "final", "subject": {"reference": "Patient/m5"}, "code": {"text": "\#(name)"}, "effectiveDateTime": "\#(date)", "conclusion": "\#(conclusion)"}}"#
        }
        let (_, record) = try await sitesBundle(#"{"text": "T12、L1椎体"}"#, extra: [
            report("ct1", "胸腰椎CT平扫（骨窗）", "T12、L1椎体溶骨性骨质破坏。", date: "2026-10-30"),
            report("ct2", "胸部CT平扫", "纵隔窗：未见肿大淋巴结。肺窗：右肺上叶结节。T12椎体骨质破坏。", date: "2026-10-31"),
            report("ct3", "CT T-SPINE", "Lytic lesion of T12.", date: "2026-11-01"),
        ])
        #expect(record.studies.map(\.windows) == [[.bone], [.softTissue, .lung], []], "\(record.studies.map(\.windows))")
        #expect(CTWindow.named(in: ["CT L-SPINE WO CONTRAST, BONE ALGORITHM"]) == [.bone])
    }

    @Test func reportModalityReadsWholeAbbreviations() {
        #expect(FHIRCaseMapper.reportModality("胸腰椎CT平扫") == .ct)
        #expect(FHIRCaseMapper.reportModality("腰椎MR平扫+增强") == .mri)
        #expect(FHIRCaseMapper.reportModality("骨盆正位DR") == .xray)
        #expect(FHIRCaseMapper.reportModality("XR FEMUR RIGHT 2 VIEWS") == .xray)
        #expect(FHIRCaseMapper.reportModality("NM BONE SCAN WHOLE BODY") == .boneScan)
        #expect(FHIRCaseMapper.reportModality("PET/CT skull base to thigh") == .petCt)
        #expect(FHIRCaseMapper.reportModality("DIRECT BILIRUBIN") == nil, "CT inside a word is no CT")
        #expect(FHIRCaseMapper.reportModality("Surgical pathology") == nil)
        // A plain film named by its projections alone (unseen bundle ehr30, 2026-12-06).
        for name in ["左髋关节正位片", "右股骨正侧位", "腰椎侧位片", "RIGHT HUMERUS AP AND LATERAL VIEWS", "DX PELVIS 1 VIEW"] {
            #expect(FHIRCaseMapper.reportModality(name) == .xray, "\(name)")
        }
        #expect(FHIRCaseMapper.reportModality("Interview note") == nil, "VIEW inside a word is no view")
    }
}
