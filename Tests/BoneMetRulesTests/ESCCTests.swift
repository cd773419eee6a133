import BoneMetRules
import Testing

/// Bilsky MH et al. J Neurosurg Spine 2010;13:324-8.
@Suite struct ESCCTests {
    @Test(arguments: [("0", false), ("1a", false), ("1b", false), ("1c", false), ("2", true), ("3", true)])
    func highGradeIs2And3(grade: String, high: Bool) throws {
        let report = try run("escc", ["grade": .string(grade)])
        #expect(report.string("grade") == grade)
        #expect(report.bool("highGrade") == high)
        #expect(report.specialty == .spineSurgery)
        #expect(report.band?.id == (high ? "highGrade" : "lowGrade"))
    }

    @Test func grade1cIsDebatedAndFollowsTheSetting() throws {
        let byDefault = try run("escc", ["grade": "1c"])
        #expect(byDefault.bool("debated") == true)
        #expect(byDefault.advice.contains(where: { $0.en.contains("debated") }))
        let strict = try run("escc", ["grade": "1c"], settings: RuleSettings(escc1cIsHighGrade: true))
        #expect(strict.bool("highGrade") == true)
        #expect(ESCC.evaluate(.g2, settings: RuleSettings(escc1cIsHighGrade: true)).debated == false)
    }

    @Test func gradesStayStringsANumberIsRefusedWithTheAllowedGrades() {
        // "1a" ≠ 1: a bare number is ambiguous for grade 1.
        let error = inputError("escc", .object(["grade": 1]))
        #expect(error?.field == "grade")
        #expect(error?.message(.en).contains("0, 1a, 1b, 1c, 2, 3") == true)
        #expect(inputError("escc", .object(JSONObject()))?.problem == .missing)
    }

    @Test func highGradeAdviceIsUrgentSurgeryUnlessRadiosensitive() throws {
        let report = try run("escc", ["grade": "3"])
        #expect(report.band?.recommendation.en.contains("urgent spine-surgery referral") == true)
        #expect(report.band?.recommendation.en.contains("radiosensitive") == true)
    }
}
