import BoneMetDomain
import BoneMetRules
import BoneMetReports
import BoneMetStorage
import BoneMetTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BoneMetWeb

/// Issue #13 in the case editor: paste a study's report, see the suggestions with the words
/// they came from marked, accept / edit / reject each, and only what was accepted enters the
/// record — saved as any edit (version, re-assessment, audit), the report kept on the study.
@Suite struct ReportFlowTests {
    static let report = "胸椎CT：T10椎体见溶骨性骨质破坏，大小约20×16mm，边缘未见硬化边，未见病理性骨折。L2椎体异常信号，转移瘤可能。"

    @Test(arguments: TestDatabases.engines)
    func onlyAcceptedReadingsEnterTheRecord(engine: SQLStore.Engine) async throws {
        let harness = try await WebHarness.make(engine)
        try await harness.user("surgeon", role: .orthopaedics)
        let services = harness.services
        try await harness.run { client in
            var browser = Browser()
            let caseId = try await browser.surgeonsCase(client, patient: "report-patient-1")

            // The case page offers it per study; the paste page keeps the study's report.
            #expect(String(buffer: try await browser.get(client, "/cases/\(caseId)").body).contains("/cases/\(caseId)/studies/S3/report"))
            let paste = try await browser.get(client, "/cases/\(caseId)/studies/S3/report")
            #expect(paste.status == .ok)
            #expect(try await browser.get(client, "/cases/\(caseId)/studies/S9/report").status == .notFound)

            // A whole document pasted by mistake: refused with the reason, nothing read.
            let long = try await browser.post(client, "/cases/\(caseId)/studies/S3/report", form: ["_csrf": browser.csrf ?? "", "report": String(repeating: "骨", count: 20_001)])
            #expect(long.status == .contentTooLarge)
            #expect(String(buffer: long.body).contains("20 000"))

            let suggested = try await browser.post(client, "/cases/\(caseId)/studies/S3/report", form: ["_csrf": browser.csrf ?? "", "report": Self.report])
            let page = String(buffer: suggested.body)
            #expect(suggested.status == .ok)
            #expect(page.contains(#"<mark class="affirmed">溶骨性</mark>"#))
            #expect(page.contains(#"<mark class="negated">硬化边</mark>"#))
            // "转移瘤可能" stays marked as doubtful though the signal change itself is stated.
            #expect(page.contains(#"<mark class="uncertain">转移瘤</mark>"#))
            // T10 matches lesion L1; L2 would be a new lesion.
            #expect(page.contains(#"<option value="L1" selected>"#))
            #expect(page.contains(#"<option value="new" selected>"#))
            #expect(page.contains(#"<option value="">"#))
            #expect(page.contains(#"name="lesion.0" id="lesion.0" checked="checked""#))

            // Accept T10's character and size (edited to 21 × 16), reject the rest; leave L2.
            let before = try #require(try await services.cases.get(id: caseId))
            let lesion = try #require(services.reportExtractor?.extract(Self.report, existing: before.record.lesions).lesions.first)
            let character = try #require(lesion.readings.firstIndex { $0.field == "character" })
            let size = try #require(lesion.readings.firstIndex { $0.field == "diametersMm" })
            let fracture = try #require(lesion.readings.firstIndex { $0.field == "fracture" })
            let confirmed = try await browser.post(client, "/cases/\(caseId)/studies/S3/report/confirm", form: [
                "_csrf": browser.csrf ?? "", "version": String(before.version), "report": Self.report,
                "lesion.0": "on", "target.0": "L1",
                "accept.0.\(character)": "on", "value.0.\(character)": "lytic",
                "accept.0.\(size)": "on", "value.0.\(size)": "21, 16",
                "value.0.\(fracture)": "false",
            ])
            #expect(confirmed.status == .seeOther)
            let after = try #require(try await services.cases.get(id: caseId))
            #expect(after.version == before.version + 1)
            let study = try #require(after.record.studies.first { $0.id == "S3" })
            #expect(study.report == Self.report)
            let observation = try #require(study.observations.first { $0.lesion == "L1" })
            #expect(observation.character == .lytic)
            // The title's region was not ticked: the study's coverage is as it was.
            #expect(study.coverage == before.record.studies.first { $0.id == "S3" }?.coverage)
            #expect(observation.diametersMm == [21, 16])
            // Not accepted: unchanged from before.
            #expect(observation.fracture == before.record.studies.first { $0.id == "S3" }?.observations.first?.fracture)
            #expect(after.record.lesions.map(\.id) == ["L1"])

            // A value BoneMet cannot record is refused, the form kept as typed.
            let bad = try await browser.post(client, "/cases/\(caseId)/studies/S3/report/confirm", form: [
                "_csrf": browser.csrf ?? "", "version": String(after.version), "report": Self.report,
                "lesion.0": "on", "target.0": "L1", "accept.0.\(size)": "on", "value.0.\(size)": "twenty",
            ])
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains(#"value="twenty""#))
            #expect(try await services.cases.get(id: caseId)?.version == after.version)

            // Accepting the new site adds a lesion and its observation.
            let added = try await browser.post(client, "/cases/\(caseId)/studies/S3/report/confirm", form: [
                "_csrf": browser.csrf ?? "", "version": String(after.version), "report": Self.report, "lesion.1": "on", "target.1": "new", "coverage": "on",
            ])
            #expect(added.status == .seeOther)
            let last = try #require(try await services.cases.get(id: caseId))
            #expect(last.record.lesions.map(\.id) == ["L1", "L2"])
            #expect(last.record.lesions.last?.level?.description == "L2")
            #expect(last.record.studies.first { $0.id == "S3" }?.observations.contains { $0.lesion == "L2" } == true)
            #expect(last.record.studies.first { $0.id == "S3" }?.coverage.contains(.thoracicSpine) == true)
            // Changed through the editor: audited as an update.
            #expect(try await services.audit.entries(limit: 50, offset: 0).filter { $0.action == "update" && $0.caseId == caseId }.count == 2)
        }
    }

    @Test func aChinesePageShowsNoFieldNamesOrCodes() throws {
        let stored = try PageSnapshotTests().stored("01-response-window-t10.json")
        let extractor = try #require(try? BoneMetReports.ReportExtractor())
        let study = try #require(stored.record.studies.last)
        let page = ReportPage(
            caseId: stored.id, patientId: stored.record.patient.id, study: study, version: stored.version, report: Self.report,
            extraction: extractor.extract(Self.report, existing: stored.record.lesions), lesions: stored.record.lesions
        ).render(Layout(language: .zhHans, user: PageSnapshotTests.doctor, csrf: "t"))
        // Visible text only (attributes hold the form's field names and values).
        let visible = page.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        for word in ["character", "diametersMm", "destruction", "fracture", "affirmed", "negated", "uncertain", "lytic", "true", "false", "vertebra"] {
            #expect(!visible.contains(word), "\(word)")
        }
        #expect(visible.contains("溶骨性") && visible.contains("明确描述") && visible.contains("保存已采纳的结果并重新评估"))
    }

    /// ehr33 (2026-12-06): "No cord compression." denies grades 2–3, not epidural tumour — no grade
    /// is pre-selected, and the row says what the report denies, in either language.
    @Test func aDeniedCompressionSaysWhatItDenies() throws {
        let stored = try PageSnapshotTests().stored("01-response-window-t10.json")
        let extractor = try #require(try? BoneMetReports.ReportExtractor())
        let study = try #require(stored.record.studies.last)
        for (language, report, words) in [
            (AppLanguage.en, "T10 lytic lesion without collapse. No cord compression.", "stated as absent — below 2 (low grade; grade it on axial T2)"),
            (AppLanguage.zhHans, "T10椎体溶骨性骨质破坏，未见脊髓受压。", "描述为无 — 低于 2 级（低级别，请在轴位 T2 上分级）"),
        ] {
            let page = ReportPage(
                caseId: stored.id, patientId: stored.record.patient.id, study: study, version: stored.version, report: report,
                extraction: extractor.extract(report, existing: stored.record.lesions), lesions: stored.record.lesions
            ).render(Layout(language: language, user: PageSnapshotTests.doctor, csrf: "t"))
            #expect(page.contains(words), "\(language)")
            // The ESCC select starts on no grade ("choose").
            let select = try #require(page.range(of: #"<select name="value\.\d+\.\d+" aria-label="[^"]*ESCC[^"]*">.*?</select>"#, options: .regularExpression).map { String(page[$0]) })
            #expect(select.contains(#"<option value="" selected>"#))
            #expect(select.components(separatedBy: "selected").count == 2)
        }
    }
}

/// Unseen EHR bundle ehr5 (2026-12-05): the import keeps an imaging report's title
/// ("胸腰椎CT平扫") as its study's region and the conclusion as its report; the conclusion names
/// no region, so the coverage tick box never showed. The title's regions are offered then.
@Suite struct ReportCoverageFromTitleTests {
    @Test func aReportWithoutItsTitleTakesTheStudysRegion() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("surgeon", role: .orthopaedics)
        try await harness.run { client in
            var browser = Browser()
            let conclusion = "T12、L1椎体溶骨性骨质破坏，L1椎体压缩变扁约30%。"
            let study = ImagingStudy(
                id: "report-ct1", date: try #require(PartialDate("2026-10-30")), modality: .ct, region: "胸腰椎CT平扫", report: conclusion)
            let caseId = try await browser.surgeonsCase(client, patient: "report-title-1", adding: study)
            _ = try await browser.get(client, "/cases/\(caseId)/studies/report-ct1/report")
            let suggested = String(buffer: try await browser.post(
                client, "/cases/\(caseId)/studies/report-ct1/report", form: ["_csrf": browser.csrf ?? "", "report": conclusion]).body)
            #expect(suggested.contains("本次检查范围") || suggested.contains("This study covers"))
            #expect(suggested.contains(#"name="coverage""#))
            #expect(suggested.contains("胸椎") || suggested.contains("thoracic spine"))
        }
    }
}

/// What a report says about its study as a whole, offered as one ticked box each and recorded when
/// kept; not offered again once the study holds it (`ReportPage.studyTick`).
@Suite struct ReportStudyBoxesTests {
    /// Creates a case with `study`, asks for the suggestions of `report`, checks the box `box` is
    /// offered ticked with one of `labels`, keeps it, checks it is not offered again, and hands the
    /// saved study to `check`.
    func offeredAndKept(
        _ study: ImagingStudy, report: String, box: String, labels: [String], patient: String, saved check: @escaping @Sendable (ImagingStudy?) -> Void
    ) async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("surgeon", role: .orthopaedics)
        let services = harness.services
        try await harness.run { client in
            var browser = Browser()
            let caseId = try await browser.surgeonsCase(client, patient: patient, adding: study)
            let path = "/cases/\(caseId)/studies/\(study.id)/report"
            _ = try await browser.get(client, path)
            let page = String(buffer: try await browser.post(client, path, form: ["_csrf": browser.csrf ?? "", "report": report]).body)
            #expect(page.contains(#"name="\#(box)" id="\#(box)" checked="checked""#), "\(page)")
            #expect(labels.contains(where: page.contains), "\(labels)")
            let before = try #require(try await services.cases.get(id: caseId))
            let confirmed = try await browser.post(client, path + "/confirm", form: [
                "_csrf": browser.csrf ?? "", "version": String(before.version), "report": report, box: "on",
            ])
            #expect(confirmed.status == .seeOther)
            let again = String(buffer: try await browser.post(client, path, form: ["_csrf": browser.csrf ?? "", "report": report]).body)
            #expect(!again.contains(#"name="\#(box)""#))
            check(try await services.cases.get(id: caseId)?.record.studies.first { $0.id == study.id })
        }
    }

    /// Unseen EHR bundle ehr39 (2026-12-06): a CT entered without its windows whose title names
    /// them ("胸腰椎CT平扫（骨窗）") kept asking "was the bone window read?". Not offered on another method.
    @Test func theWindowsAReportNamesAreOffered() async throws {
        let conclusion = "T12椎体溶骨性骨质破坏。"
        let study = ImagingStudy(id: "report-ct2", date: try #require(PartialDate("2026-10-30")), modality: .ct, region: "胸腰椎CT平扫（骨窗）", report: conclusion)
        try await offeredAndKept(study, report: conclusion, box: "windows",
                                 labels: ["本次 CT 阅片窗位：骨窗", "Windows read on this CT: bone window"], patient: "report-windows-1") { saved in
            #expect(saved?.windows == [.bone])
        }
        #expect(ReportPage.windowsToRecord(ImagingStudy(id: "M", date: try #require(PartialDate("2026-10-30")), modality: .mri, report: "骨窗"), report: "骨窗").isEmpty)
    }

    /// A bone scan's report counting new foci without naming them ("新见2处放射性浓聚灶", 2026-12-06)
    /// gave nothing to record, and PCWG3's 2+2 count saw none.
    @Test func aCountOfNewFociIsOffered() async throws {
        let report = "全身骨显像：T10椎体放射性浓聚，较前相仿；新见2处放射性浓聚灶。"
        let study = ImagingStudy(id: "report-bs2", date: try #require(PartialDate("2026-10-30")), modality: .boneScan, report: report)
        try await offeredAndKept(study, report: report, box: "unnamedNewLesions",
                                 labels: ["报告计数但未注明部位的新发病灶：2 处", "New lesions the report counts without naming them: 2"], patient: "report-unnamed-1") { saved in
            #expect(saved?.unnamedNewLesions == 2)
        }
    }
}

/// Unseen bone-scan report (2026-12-06): a new lesion accepted from "the left 4th and 6th ribs"
/// was one left rib with no note — solitary for the rules. It is created with the report's words.
@Suite struct ReportRibNoteTests {
    @Test func aNewRibLesionKeepsTheRibsNamed() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("surgeon", role: .orthopaedics)
        let services = harness.services
        try await harness.run { client in
            var browser = Browser()
            let report = "New foci of uptake in the left 4th and 6th ribs."
            let study = ImagingStudy(id: "report-bs3", date: try #require(PartialDate("2026-10-04")), modality: .boneScan, report: report)
            let caseId = try await browser.surgeonsCase(client, patient: "report-ribs-1", adding: study)
            let path = "/cases/\(caseId)/studies/report-bs3/report"
            _ = try await browser.get(client, path)
            let page = String(buffer: try await browser.post(client, path, form: ["_csrf": browser.csrf ?? "", "report": report]).body)
            #expect(page.contains("(left 4th and 6th ribs)") || page.contains("（left 4th and 6th ribs）"), "\(page)")
            let before = try #require(try await services.cases.get(id: caseId))
            let confirmed = try await browser.post(client, path + "/confirm", form: [
                "_csrf": browser.csrf ?? "", "version": String(before.version), "report": report, "lesion.0": "on", "target.0": "new",
            ])
            #expect(confirmed.status == .seeOther)
            let lesion = try #require(try await services.cases.get(id: caseId)?.record.lesions.last)
            #expect(lesion.bone == .rib && lesion.laterality == .left)
            #expect(lesion.note == "left 4th and 6th ribs")
            #expect(lesion.namesSeveral)
        }
    }
}

/// Unseen EHR bundle ehr35 (2026-12-06): a bone scan's "Further foci in the T7 and L2 vertebral
/// bodies and the left 6th rib" gave three lesions with no field at all — accepted, they were
/// recorded on the bone scan without uptake. Each lesion a bone scan's report names is offered
/// the uptake row, not pre-selected, saying the report's words did not state it.
@Suite struct ReportBoneScanUptakeTests {
    @Test func aBoneScansLesionIsOfferedItsUptake() async throws {
        let harness = try await WebHarness.make(.sqlite)
        try await harness.user("surgeon", role: .orthopaedics)
        let services = harness.services
        try await harness.run { client in
            var browser = Browser()
            let report = "Intense uptake in the right proximal femur. Further foci in the T7 and L2 vertebral bodies and the left 6th rib, in keeping with metastases."
            let study = ImagingStudy(id: "report-bs1", date: try #require(PartialDate("2026-10-04")), modality: .boneScan, report: report)
            let caseId = try await browser.surgeonsCase(client, patient: "report-bonescan-1", adding: study)
            _ = try await browser.get(client, "/cases/\(caseId)/studies/report-bs1/report")
            let page = String(buffer: try await browser.post(
                client, "/cases/\(caseId)/studies/report-bs1/report", form: ["_csrf": browser.csrf ?? "", "report": report]).body)
            #expect(page.contains("not in the report&#39;s words") || page.contains("not in the report's words"), "\(page)")
            // Four lesions, each with one uptake row; the femur's stated, the others offered unticked.
            let before = try #require(try await services.cases.get(id: caseId))
            var extraction = try #require(services.reportExtractor?.extract(report, existing: before.record.lesions))
            CaseController.offerUptake(&extraction)
            #expect(extraction.lesions.count == 4)
            #expect(extraction.lesions.allSatisfy { $0.readings.filter { $0.field == "uptake" }.count == 1 })
            let t7 = try #require(extraction.lesions.firstIndex { $0.site.key == "T7" })
            let uptake = try #require(extraction.lesions[t7].readings.firstIndex { $0.field == "uptake" })
            #expect(extraction.lesions[t7].readings[uptake].certainty == .uncertain)
            #expect(!page.contains(#"name="accept.\#(t7).\#(uptake)" id="accept.\#(t7).\#(uptake)" checked"#))
            // Accepted: T7 recorded on the bone scan with its uptake.
            let confirmed = try await browser.post(client, "/cases/\(caseId)/studies/report-bs1/report/confirm", form: [
                "_csrf": browser.csrf ?? "", "version": String(before.version), "report": report,
                "lesion.\(t7)": "on", "target.\(t7)": "new", "accept.\(t7).\(uptake)": "on", "value.\(t7).\(uptake)": "true",
            ])
            #expect(confirmed.status == .seeOther)
            let after = try #require(try await services.cases.get(id: caseId))
            let added = try #require(after.record.lesions.first { $0.level?.description == "T7" })
            #expect(after.record.studies.first { $0.id == "report-bs1" }?.observations.first { $0.lesion == added.id }?.uptake == true)
            // Not offered on a CT: its lesions keep the readings its words give.
            let ct = String(buffer: try await browser.post(
                client, "/cases/\(caseId)/studies/S3/report", form: ["_csrf": browser.csrf ?? "", "report": "CT: lytic lesion at T7."]).body)
            #expect(ct.contains("T7"))
            #expect(!ct.contains("not in the report&#39;s words") && !ct.contains("not in the report's words"))
        }
    }
}

/// Unseen record cb117-g (2026-12-06): the giant-cell-tumour picture a report states — "偏心性",
/// "骨骺" — accepted on the report page is written on the study's observation, and the young
/// adult's lesion is then read for giant cell tumour (reference.md; Chakarun 2013).
@Suite struct ReportGiantCellPictureTests {
    @Test func theEpiphysisAndEccentricityAreRecorded() throws {
        let report = "右股骨远端骨骺区见偏心性溶骨性骨质破坏，边界清楚。"
        let text = #"{"schemaVersion":1,"patient":{"id":"gct-report","sex":"female","birthDate":"1999-09-09"},"primaries":[],"lesions":[],"#
            + #""studies":[{"id":"X1","date":"2026-11-10","modality":"xray","observations":[]}]}"#
        let root = try JSONValue.parse(text)
        let extraction = try #require(try? BoneMetReports.ReportExtractor()).extract(report)
        let lesion = try #require(extraction.lesions.first)
        var form = ["lesion.0": "on", "target.0": "new"]
        for (index, reading) in lesion.readings.enumerated() where ReportFields.byField[reading.field] != nil {
            form["accept.0.\(index)"] = "on"
            form["value.0.\(index)"] = ReportFields.initial(reading)
        }
        let result = ReportApplication.apply(extraction, form: form, report: report, study: "X1", to: root, lesions: [])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let record = try CaseFile.read(result.root)
        let observation = try #require(record.studies.first?.observations.first)
        #expect(observation.epiphyseal == true && observation.eccentric == true && observation.character == .lytic)
        let finding = assess(record, asOf: try #require(PartialDate("2026-11-29"))).findings.first { $0.ruleId == "diagnosis.differential.giantCellTumour" }
        #expect(finding?.severity == .warning)
    }
}

extension Browser {
    /// Signs the surgeon in and creates the T10 response-window example under another patient id
    /// (with a study added): the new case's id.
    mutating func surgeonsCase(_ client: any TestClientProtocol, patient: String, adding study: ImagingStudy? = nil) async throws -> String {
        _ = try await signIn(client, "surgeon", WebHarness.password)
        _ = try await get(client, "/cases/new/json")
        var record = try CaseFile.read(try WebFlowTests.example("01-response-window-t10.json"))
        record.patient.id = patient
        if let study { record.studies.append(study) }
        let created = try await post(client, "/cases", form: ["_csrf": csrf ?? "", "record": CaseFile.write(record)])
        return String(try #require(created.headers[.location]).dropFirst("/cases/".count))
    }
}
