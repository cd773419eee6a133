import BoneMetRules
import Testing

/// Rule set 2026.12.411. The hold of an anti-angiogenic tyrosine-kinase inhibitor before elective
/// surgery came from the regulatory table of Front Oncol 2021;11:696865 (table 3), which gives no
/// wait after surgery and no hold for sorafenib, lenvatinib or fruquintinib; the US prescribing
/// information gives both (Inlyta: withhold at least 2 days before elective surgery; Cabometyx 3
/// weeks; Nexavar 10 days; Lenvima, Votrient 1 week; Fruzaqla 2 weeks; each: not for at least 2
/// weeks after major surgery). Where both give a hold and differ (axitinib 24 hours or 2 days,
/// cabozantinib 28 days or 3 weeks), the setting `antiAngiogenicHoldSource` chooses and the other
/// is named beside it.
@Suite struct AntiAngiogenicIntervalSourcesTests {
    let base = AntiAngiogenicTimingTests()
    let us = RuleSettings(antiAngiogenicHoldSource: .usPrescribingInformation)

    func timing(_ drugs: [String], end: String? = nil, settings: RuleSettings = .default) -> Finding? {
        assess(base.record(drugs: drugs, end: end), asOf: day("2025-11-10"), settings: settings).rule("surgery.timing.antiAngiogenic").first
    }

    /// An RCC on axitinib (last dose 2025-10-22) with an impending femoral fracture: by default
    /// the table's 24 hours, the label's 2 days named beside it, and the label's 2 weeks after
    /// surgery — where before only "until the wound has healed" was said.
    @Test func axitinibByDefaultTakesTheTableAndNamesTheLabel() throws {
        let finding = try #require(timing(["阿昔替尼"]))
        #expect(finding.detail.en.contains(
            "The regulatory recommendation (Front Oncol 2021): elective surgery at least 1 day after the last dose (from 2025-10-23) (the US prescribing information: 2 days; a setting chooses); the US prescribing information: not given again for at least 14 days after major surgery and until the wound has healed"),
            "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains(
            "监管建议（Front Oncol 2021 汇总）：择期手术距末次用药至少 1 天（2025-10-23 起）（美国说明书为 2 天，可在设置中选择）；美国说明书：大手术后至少 14 天且伤口愈合后方可再用"),
            "\(finding.detail.zhHans)")
        #expect(finding.sources.contains { $0.id == "frontOncol2021TKI" } && finding.sources.contains { $0.id == "usTKILabels" })
    }

    @Test func axitinibUnderTheUSLabelSettingTakesTwoDays() throws {
        let finding = try #require(timing(["Inlyta 5 mg bid"], settings: us))
        #expect(finding.detail.en.contains(
            "The US prescribing information: elective surgery at least 2 days after the last dose (from 2025-10-24) (the regulatory recommendation (Front Oncol 2021): 1 day; a setting chooses); not given again for at least 14 days after major surgery"),
            "\(finding.detail.en)")
    }

    /// Cabozantinib stopped on 2025-10-15, 26 days before: inside the table's 28 days, past the
    /// label's 21. Boundaries: stopped 21 days before is still inside the label's hold, 22 is not.
    @Test func cabozantinibsHoldFollowsTheSetting() throws {
        let byTable = try #require(timing(["卡博替尼"], end: "2025-10-15"))
        #expect(byTable.detail.en.contains("at least 28 days after the last dose") && byTable.detail.en.contains("(the US prescribing information: 21 days; a setting chooses)"), "\(byTable.detail.en)")
        #expect(timing(["卡博替尼"], end: "2025-10-15", settings: us) == nil)
        #expect(timing(["cabozantinib"], end: "2025-10-20", settings: us) != nil)
        #expect(timing(["cabozantinib"], end: "2025-10-19", settings: us) == nil)
        #expect(timing(["cabozantinib"], end: "2025-10-13") != nil)
        #expect(timing(["cabozantinib"], end: "2025-10-12") == nil)
    }

    /// Sorafenib: no interval in the table ("interruption is recommended"); the label's 10 days
    /// and 2 weeks under either setting. Stopped 10 days before still counts, 11 days not.
    @Test func sorafenibTakesTheLabelsTenDaysEitherWay() throws {
        for settings in [RuleSettings.default, us] {
            let finding = try #require(timing(["索拉非尼"], end: "2025-10-31", settings: settings))
            #expect(finding.detail.en.contains(
                "The US prescribing information: elective surgery at least 10 days after the last dose (from 2025-11-01); not given again for at least 14 days after major surgery"),
                "\(finding.detail.en)")
            #expect(!finding.detail.en.contains("a setting chooses"))
            #expect(timing(["索拉非尼"], end: "2025-10-30", settings: settings) == nil)
        }
    }

    /// Pazopanib: the table and the label agree (7 days) — nothing named beside it; the label's
    /// 2 weeks after surgery is added.
    @Test func pazopanibWhereTheSourcesAgree() throws {
        let finding = try #require(timing(["培唑帕尼"]))
        #expect(finding.detail.en.contains(
            "The regulatory recommendation (Front Oncol 2021): elective surgery at least 7 days after the last dose (from 2025-10-29); the US prescribing information: not given again for at least 14 days"),
            "\(finding.detail.en)")
        #expect(!finding.detail.en.contains("a setting chooses"))
    }

    /// A drug neither source gives an interval for still says so (surufatinib, China only).
    @Test func aDrugWithoutAnyIntervalStillSaysSo() throws {
        let finding = try #require(timing(["索凡替尼"]))
        #expect(finding.detail.en.contains("Its label: hold it before elective surgery for the interval given there (not in BoneMet's sources); not given again until the wound has healed"), "\(finding.detail.en)")
        #expect(!finding.sources.contains { $0.id == "usTKILabels" })
    }

    @Test func theSettingIsReadEchoedAndRefusedByName() throws {
        let read = try RuleSettings.read(text: #"{"antiAngiogenicHoldSource": "usPrescribingInformation"}"#)
        #expect(read.antiAngiogenicHoldSource == .usPrescribingInformation)
        #expect(RuleSettings.default.antiAngiogenicHoldSource == .frontOncol2021)
        #expect(read.summary(.zhHans).contains("抗血管生成药物术前停药间隔依据 美国说明书"))
        #expect(!read.summary(.zhHans).contains("usPrescribingInformation"))
        #expect(read.summary(.en).contains("anti-angiogenic hold before surgery from US prescribing information"))
        do {
            _ = try RuleSettings.read(text: #"{"antiAngiogenicHoldSource": "eu"}"#)
            Issue.record("an unknown source was accepted")
        } catch {
            #expect(error.field == "antiAngiogenicHoldSource")
            #expect(error.message(.en).contains("usPrescribingInformation"), "\(error.message(.en))")
        }
    }

    /// cb158-c (rule set 2026.12.412): cabozantinib last given on 2025-10-22 and a fixation
    /// planned 23 days later — inside the table's 28 days, past the US label's 21: the date may
    /// stand by the label. 14 days after it is inside both, and nothing is added; under the US
    /// setting the 23rd day is outside the hold.
    @Test func aPlannedOperationInsideOneHoldButNotTheOtherSaysSo() throws {
        func finding(_ on: String, settings: RuleSettings = .default) -> Finding? {
            var r = base.record(drugs: ["卡博替尼"])
            r.treatments.append(Treatment(id: "S1", kind: .surgery, lesions: ["L1"], start: day(on), planned: true, procedure: .prophylacticFixation))
            return assess(r, asOf: day("2025-11-01"), settings: settings).rule("surgery.timing.antiAngiogenic").first
        }
        let late = try #require(finding("2025-11-14"))
        #expect(late.detail.en.contains("inside the hold: move it to 2025-11-19 or later"), "\(late.detail.en)")
        #expect(late.detail.en.contains("By the US prescribing information (21 days, from 2025-11-12) the date may stand — which source the MDT follows is a setting."), "\(late.detail.en)")
        #expect(late.detail.zhHans.contains("按美国说明书（21 天，2025-11-12 起）该日期可以保留"), "\(late.detail.zhHans)")
        // On the 21st day itself the label's hold is over.
        #expect(try #require(finding("2025-11-12")).detail.en.contains("the date may stand"))
        #expect(try #require(finding("2025-11-11")).detail.en.contains("the date may stand") == false)
        let early = try #require(finding("2025-11-05"))
        #expect(early.detail.en.contains("inside the hold") && !early.detail.en.contains("the date may stand"), "\(early.detail.en)")
        let us = try #require(finding("2025-11-14", settings: us))
        #expect(!us.detail.en.contains("inside the hold") && !us.detail.en.contains("the date may stand"), "\(us.detail.en)")
    }

    /// cb158-a: a lenvatinib whose both intervals are the US label's cites that label, not
    /// "the prescribing information of each drug" besides.
    @Test func theSourcesAreThoseOfTheIntervalsSaid() throws {
        let lenvatinib = try #require(timing(["仑伐替尼"]))
        #expect(lenvatinib.sources.contains { $0.id == "usTKILabels" })
        #expect(!lenvatinib.sources.contains { $0.id == "antiAngiogenicLabels" })
        let surufatinib = try #require(timing(["索凡替尼"]))
        #expect(surufatinib.sources.contains { $0.id == "antiAngiogenicLabels" })
    }
}
