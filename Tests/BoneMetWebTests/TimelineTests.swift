import BoneMetDomain
import Foundation
import Testing

@testable import BoneMetWeb

/// Issue #10, the timeline picture: everything a clinician reads off it is on it — full drug
/// names, stop reasons, the values at the points, untreated intervals, the response inside its
/// attributed window, viewer links — in both languages.
@Suite struct TimelineTests {
    static func example() throws -> (CaseRecord, Assessment) {
        let record = try CaseFile.read(try WebFlowTests.example("01-response-window-t10.json"))
        return (record, assess(record, asOf: PartialDate("2022-06-01")!))
    }

    /// Text of the SVG with the markup removed (what a reader sees), lines joined.
    static func visible(_ svg: String) -> String {
        svg.replacingOccurrences(of: "<title>[^<]*</title>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression)
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test(arguments: [AppLanguage.en, .zhHans])
    func theTimelineCarriesWhatIsReadOffIt(language: AppLanguage) throws {
        var (record, assessment) = try Self.example()
        record.studies = record.studies.map { study in
            var study = study
            study.studyInstanceUid = "1.2.840.\(study.date.earliestDay)"
            return study
        }
        let svg = TimelineSVG(record: record, assessment: assessment, language: language, viewer: ViewerLinks(template: "https://viewer.example/?StudyInstanceUIDs={uids}")).render()
        let text = Self.visible(svg)
        // The whole regimen name, wrapped over lines, never cut.
        let joined = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(joined.contains("pegylated liposomal") && joined.contains("doxorubicin + nab-paclitaxel"))
        #expect(!joined.contains("pegylated liposomal doxorubicin + nab-paclitaxel".prefix(24) + "\n"))
        // The stop reason at the end of the bar, in the page's language.
        #expect(text.contains(language == .zhHans ? "停用：进展" : "stopped: progression"))
        // Values written at the points (the T10 lesion's products, mm²).
        let sizes = record.studies.compactMap { $0.observations.first?.product }.map(TimelineSVG.number)
        #expect(!sizes.isEmpty)
        for size in sizes { #expect(text.contains("\n\(size)\n"), "value \(size) on its point") }
        // Every response at its study and over its attributed window, naming the treatment.
        for point in assessment.timePoints {
            #expect(svg.contains(#"class="window \#(point.overall.rawValue)""#))
            #expect(svg.contains(#"class="response \#(point.overall.rawValue)""#))
        }
        #expect(assessment.timePoints.contains { $0.untreated })
        #expect(svg.contains(#"class="untreated""#))
        #expect(text.contains(TimelineTexts.untreated(language)))
        // Each study opens in the viewer; the legend explains the marks.
        #expect(svg.components(separatedBy: "https://viewer.example/?StudyInstanceUIDs=1.2.840.").count - 1 == record.studies.count)
        #expect(text.contains(TimelineTexts.openViewer(language)))
        #expect(text.contains(TreatmentKind.boneModifyingAgent.label(language)))
        // Dates on the axis.
        #expect(text.contains("2022-01") || text.contains("2022"))
        if language == .zhHans {
            #expect(!text.contains("ULN") && !text.contains("stopped") && !text.contains("no treatment"))
        }
        // Each study's mark in the page's language: Chinese clinicians read X线 and ECT, not X and BS.
        var marked = record
        marked.studies.append(ImagingStudy(id: "BSX", date: PartialDate("2022-03-01")!, modality: .boneScan))
        marked.studies.append(ImagingStudy(id: "XRX", date: PartialDate("2022-03-02")!, modality: .xray))
        let marks = Self.visible(TimelineSVG(record: marked, assessment: assessment, language: language).render()).split(separator: "\n").map(String.init)
        #expect(marks.contains(language == .zhHans ? "ECT" : "BS"))
        #expect(marks.contains(language == .zhHans ? "X线" : "X"))
        if language == .zhHans { #expect(!marks.contains("BS") && !marks.contains("X")) }
    }

    /// cb19-b (unseen record, 2026-12-03): "唑来膦酸 4mg 静滴 q4w" typed as a systemic therapy is
    /// read by the rules as zoledronic acid (with an advisory); the timeline drew it as a
    /// systemic bar beside the cabozantinib.
    @Test func aBoneAgentTypedAsSystemicIsDrawnAsABoneAgent() throws {
        var (record, _) = try Self.example()
        let start = try #require(record.treatments.compactMap(\.start).min())
        record.treatments.append(Treatment(id: "ZOLX", kind: .systemic, name: "唑来膦酸 4mg 静滴 q4w", start: start))
        let assessment = assess(record, asOf: PartialDate("2022-06-01")!)
        #expect(assessment.findings.contains { $0.ruleId == "boneAgents.recordedAsSystemic" && $0.subject.id == "ZOLX" })
        let svg = TimelineSVG(record: record, assessment: assessment, language: .zhHans).render()
        let bar = try #require(svg.firstMatch(of: /<rect[^>]*class="bar ([a-zA-Z]+)[^"]*"><title>唑来膦酸/))
        #expect(bar.output.1 == "boneModifyingAgent")
        // The anticancer regimens stay systemic.
        #expect(svg.contains(#"class="bar systemic""#))
    }

    /// cb100-k (2026-12-06): denosumab doses of October and November after the last MRI of July
    /// fell off the axis, which ended 60 days after the last study. The doses drawn are facts.
    @Test func dosesAfterTheLastStudyAreOnTheAxis() throws {
        var (record, _) = try Self.example()
        let facts: [Int] = record.studies.map(\.date.latestDay) + record.labs.map(\.date.latestDay) + record.treatments.compactMap { $0.end?.latestDay }
        let lastFact = try #require(facts.max())
        let late = PartialDate(dayNumber: lastFact + 150)
        record.treatments.append(Treatment(
            id: "DEN", kind: .boneModifyingAgent, name: "地舒单抗", start: PartialDate(dayNumber: lastFact - 30),
            agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [PartialDate(dayNumber: lastFact - 30), late]))
        let svg = TimelineSVG(record: record, assessment: assess(record, asOf: PartialDate(dayNumber: lastFact + 200)), language: .en).render()
        #expect(svg.contains("<title>dose given \(late)</title>"), "the late dose is drawn")
    }

    /// cb118-k (2026-12-06): a regimen stopped after a worsening the EHR recorded outside bone —
    /// the status is drawn on the axis beside the imaging, in words, what it rests on in its title.
    @Test(arguments: [AppLanguage.en, .zhHans])
    func theRecordedDiseaseStatusIsOnTheAxis(language: AppLanguage) throws {
        var (record, assessment) = try Self.example()
        let svgWithout = TimelineSVG(record: record, assessment: assessment, language: language).render()
        #expect(!svgWithout.contains(TimelineTexts.diseaseStatus(language)))
        record.diseaseStatus = [
            DiseaseStatusRecord(date: PartialDate("2022-02-20")!, status: .worsened, evidence: "肺部病灶增大"),
            DiseaseStatusRecord(date: PartialDate("2022-02-25")!, status: .stable),
        ]
        let svg = TimelineSVG(record: record, assessment: assessment, language: language).render()
        let text = Self.visible(svg)
        #expect(text.contains(TimelineTexts.diseaseStatus(language)))
        #expect(text.contains(language == .zhHans ? "恶化" : "worsened"), "\(text)")
        #expect(text.contains(language == .zhHans ? "稳定" : "stable"))
        #expect(svg.contains(language == .zhHans ? "<title>2022-02-20 恶化（肺部病灶增大）</title>" : "<title>2022-02-20 worsened (肺部病灶增大)</title>"), "\(svg)")
        // Five days apart: the second label on a lane of its own, not over the first.
        let rows = svg.matches(of: /y="([0-9.]+)" class="status-label/).map { String($0.output.1) }
        #expect(rows.count == 2 && Set(rows).count == 2, "\(rows)")
    }

    @Test func studiesOnTheSameWeekAreSpreadOntoLanes() throws {
        var (record, _) = try Self.example()
        let day = record.studies[0].date
        record.studies.append(ImagingStudy(id: "BS1", date: day, modality: .boneScan))
        record.studies.append(ImagingStudy(id: "MR1", date: PartialDate(dayNumber: day.earliestDay + 2), modality: .mri))
        let svg = TimelineSVG(record: record, assessment: assess(record, asOf: PartialDate("2022-06-01")!), language: .en).render()
        let ys = svg.matches(of: /<circle cx="([0-9.]+)" cy="([0-9.]+)" r="5"/).map { (Double($0.output.1) ?? 0, Double($0.output.2) ?? 0) }
        #expect(ys.count == record.studies.count)
        // No two study marks closer than their size in both directions.
        for (i, a) in ys.enumerated() {
            for b in ys[(i + 1)...] { #expect(abs(a.0 - b.0) >= 12 || abs(a.1 - b.1) >= 12) }
        }
    }

    /// Wrapping never drops a character, and no line is wider than asked (unless one character is).
    @Test func wrappingKeepsEveryCharacter() {
        let texts = [
            "pegylated liposomal doxorubicin + nab-paclitaxel", "紫杉醇白蛋白结合型联合多柔比星脂质体方案", "a",
            "trastuzumab deruxtecan (T-DXd) 5.4 mg/kg q3w 曲妥珠单抗", String(repeating: "x", count: 75), "",
        ]
        for text in texts {
            for columns in [8, 14, 30] {
                let lines = TimelineSVG.wrap(text, columns: columns)
                #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
                for line in lines { #expect(TimelineSVG.columns(line) <= max(columns, 2)) }
            }
        }
    }

    /// Rule set 2026.12.237 (cb57-b): six cycles of one regimen entered as six rows are one bar,
    /// named without the cycle number, as the rules read them — not "… C1" … "… C6" on six rows.
    @Test func cyclesOfOneRegimenAreOneBar() throws {
        var (record, _) = try Self.example()
        let first = PartialDate("2022-03-01")!.earliestDay
        record.treatments += (1...6).map { cycle in
            Treatment(
                id: "CY\(cycle)", kind: .systemic, name: "TC C\(cycle)", drugs: ["docetaxel", "cyclophosphamide"], systemicClass: .chemotherapy,
                start: PartialDate(dayNumber: first + (cycle - 1) * 21), end: PartialDate(dayNumber: first + (cycle - 1) * 21 + 1))
        }
        let svg = TimelineSVG(record: record, assessment: assess(record, asOf: PartialDate("2022-06-01")!), language: .en).render()
        let text = Self.visible(svg)
        #expect(text.contains("\nTC\n"), "one bar named without its cycle")
        #expect(!text.contains("TC C2"))
    }
}
