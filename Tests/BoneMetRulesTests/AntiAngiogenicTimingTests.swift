import BoneMetRules
import Testing

/// Rule set 2026.12.49: a lung adenocarcinoma on carboplatin, pemetrexed and bevacizumab (last
/// dose 19 days before) with a peritrochanteric Mirels 12 was told "prophylactic fixation before
/// trial enrolment" and nothing about the bevacizumab, whose label asks for elective surgery at
/// least 28 days after the last dose and no dose for 28 days after major surgery.
@Suite struct AntiAngiogenicTimingTests {
    func record(
        drugs: [String] = ["卡铂", "培美曲塞", "贝伐珠单抗"], end: String? = nil, fraction: Double = 0.7,
        segment: BoneSegment = .peritrochanteric, pain: Mirels.Pain = .functional
    ) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2025-08"))]
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: segment, laterality: .left, primary: "P1")]
        r.studies = [
            ImagingStudy(id: "C1", date: day("2025-08-10"), modality: .ct, windows: [.bone], coverage: [.leftLowerLimb], observations: [
                observation("L1", .lytic, [30, 22]) { $0.boneDestruction = true },
            ]),
            ImagingStudy(id: "X1", date: day("2025-11-05"), modality: .xray, coverage: [.leftLowerLimb], observations: [
                observation("L1", .lytic) { $0.fractionOfDiameter = fraction },
            ]),
        ]
        r.biopsies = [Biopsy(lesion: "L1", date: day("2025-08-15"), decalcification: .edta, result: .metastasis)]
        r.pain = [PainRecord(date: day("2025-11-05"), lesion: "L1", mirels: pain)]
        var regimen = Treatment(id: "T1", kind: .systemic, drugs: drugs, start: day("2025-08-20"), end: end.map(day))
        regimen.doses = [day("2025-08-20"), day("2025-09-10"), day("2025-10-01"), day("2025-10-22")]
        r.treatments = [regimen]
        return r
    }

    /// cb24-h: lenvatinib, whose hold before surgery was in none of BoneMet's sources, read "Its
    /// label: elective surgery after the interval its label gives". Rule set 2026.12.161. Since
    /// 2026.12.411 lenvatinib has the US prescribing information's 1 week; surufatinib (China
    /// only) is a drug without a sourced interval.
    @Test func aDrugWithoutASourcedIntervalSaysSo() throws {
        let finding = try #require(assess(record(drugs: ["索凡替尼"]), asOf: day("2025-11-10")).rule("surgery.timing.antiAngiogenic").first)
        #expect(finding.detail.en.contains("Its label: hold it before elective surgery for the interval given there (not in BoneMet's sources); not given again until the wound has healed"), "\(finding.detail.en)")
        #expect(finding.detail.zhHans.contains("择期手术前按其中规定的间隔停药（BoneMet 资料未收录具体天数）"))
        #expect(!finding.detail.en.contains("the interval its label gives"))
    }

    @Test func aFixationOnBevacizumabIsTimedWithTheDrug() throws {
        let a = assess(record(), asOf: day("2025-11-10"))
        #expect(a.has("surgery.mirels.impendingFracture"))
        let finding = try #require(a.rule("surgery.timing.antiAngiogenic").first)
        #expect(finding.severity == .warning && finding.specialty == .medicalOncology && finding.subject == .treatment("T1"))
        #expect(finding.title.en == "Operation proposed on bevacizumab: time it with the drug (wound healing, bleeding)")
        #expect(finding.title.zhHans == "使用贝伐珠单抗期间拟手术：手术时机需与用药协调（伤口愈合、出血）")
        #expect(finding.detail.en.contains("Its label: elective surgery at least 28 days after the last dose (from 2025-11-19); not given again for at least 28 days after major surgery"))
        #expect(finding.detail.zhHans.contains("择期手术距末次用药至少 28 天（2025-11-19 起）"))
        #expect(finding.sources.contains { $0.id == "avastinLabel" })
    }

    @Test func nothingToTimeWithoutAnOperationOrTheDrug() {
        // A regimen without an anti-angiogenic drug.
        #expect(!assess(record(drugs: ["卡铂", "培美曲塞"]), asOf: day("2025-11-10")).has("surgery.timing.antiAngiogenic"))
        // Stopped long enough ago: nothing left to time.
        #expect(!assess(record(end: "2025-10-01"), asOf: day("2025-11-10")).has("surgery.timing.antiAngiogenic"))
        // Stopped 19 days ago: still inside its 28 days.
        #expect(assess(record(end: "2025-10-22"), asOf: day("2025-11-10")).has("surgery.timing.antiAngiogenic"))
    }

    @Test func aPlannedOperationAloneIsEnough() throws {
        // Mirels 7 (lower limb 2, mild pain 1, lytic 3, < 1/3 1): no fixation proposed.
        var r = record(drugs: ["Anlotinib 12 mg"], fraction: 0.2, segment: .diaphysis, pain: .mild)
        #expect(!assess(r, asOf: day("2025-11-10")).has("surgery.mirels.impendingFracture"))
        #expect(!assess(r, asOf: day("2025-11-10")).has("surgery.timing.antiAngiogenic"))
        r.treatments.append(Treatment(id: "S1", kind: .surgery, lesions: ["L1"], planned: true, procedure: .curettage))
        let finding = try #require(assess(r, asOf: day("2025-11-10")).rule("surgery.timing.antiAngiogenic").first)
        #expect(finding.detail.en.contains("at least 28 days after the last dose (from 2025-11-19)"))
        #expect(finding.detail.en.contains("planned: "))
        // A daily oral drug without dose dates: counted from the day it is stopped.
        r.treatments[0].doses = []
        let oral = try #require(assess(r, asOf: day("2025-11-10")).rule("surgery.timing.antiAngiogenic").first)
        #expect(oral.detail.en.contains("while it is taken, the interval counts from the day it is stopped"))
        #expect(!oral.detail.en.contains("(from "))
        r.treatments[0].end = day("2025-11-05")
        let stopped = try #require(assess(r, asOf: day("2025-11-10")).rule("surgery.timing.antiAngiogenic").first)
        #expect(stopped.detail.en.contains("at least 28 days after the last dose (from 2025-12-03)") && stopped.detail.en.contains("Stopped on 2025-11-05"))
    }

    @Test func drugsAreReadByTheirNamesInEitherLanguage() {
        func names(_ drugs: [String], name: String? = nil) -> [String] {
            AntiAngiogenicDrugs.named(in: Treatment(id: "T", kind: .systemic, name: name, drugs: drugs, start: day("2025-01-01"))).map(\.label.en)
        }
        #expect(names(["Avastin 15 mg/kg"]) == ["bevacizumab"])
        #expect(names(["安罗替尼胶囊"]) == ["anlotinib"])
        #expect(names([], name: "FOLFIRI + ziv-aflibercept") == ["ziv-aflibercept"])
        #expect(names(["sunitinib malate", "仑伐替尼"]) == ["sunitinib", "lenvatinib"])
        #expect(names(["pemetrexed", "osimertinib", "贝伐"]).isEmpty)
    }
}
