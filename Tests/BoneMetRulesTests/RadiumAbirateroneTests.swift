import BoneMetRules
import Testing

/// Rule set 2026.12.50: radium-223 begun four days after abiraterone and prednisone, with no
/// bone-modifying agent, drew no comment. ERA 223 (Smith 2019): more fractures and deaths; the
/// Xofigo labels: contraindicated (EU), not recommended outside trials (US).
@Suite struct RadiumAbirateroneTests {
    func record(abirateroneEnd: String? = nil, radiumEnd: String? = nil, denosumab: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2019-02"), castrationResistant: true)]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right, primary: "P1")]
        r.studies = [ct("C1", "2025-04-22", [observation("L1", .blastic, [30, 25])])]
        r.treatments = [
            Treatment(id: "A1", kind: .systemic, drugs: ["戈舍瑞林"], start: day("2019-03-01")),
            Treatment(id: "T3", kind: .systemic, drugs: ["阿比特龙", "泼尼松"], start: day("2025-01-01"), end: abirateroneEnd.map(day)),
            Treatment(id: "T4", kind: .systemic, name: "Xofigo 55 kBq/kg q4w", start: day("2025-05-05"), end: radiumEnd.map(day)),
        ]
        if denosumab {
            r.treatments.append(Treatment(id: "D1", kind: .boneModifyingAgent, start: day("2025-04-25"), agent: .denosumab, doseMg: 120, intervalWeeks: 4))
        }
        return r
    }

    @Test func radiumBesideAbirateroneIsWarned() throws {
        let a = assess(record(), asOf: day("2025-05-20"))
        let finding = try #require(a.rule("boneAgents.radium223.withAbiraterone").first)
        #expect(finding.severity == .warning && finding.subject == .treatment("T4") && finding.specialty == .medicalOncology)
        #expect(finding.detail.en.contains("No bone-modifying agent is on record"))
        #expect(finding.sources.contains { $0.id == "smith2019" } && finding.sources.contains { $0.id == "xofigoLabel" })
        #expect(finding.title.zhHans == "镭-223 与阿比特龙加泼尼松联用：骨折和死亡增加")
        // With denosumab given, the combination is still warned; the missing agent is not.
        let guarded = try #require(assess(record(denosumab: true), asOf: day("2025-05-20")).rule("boneAgents.radium223.withAbiraterone").first)
        #expect(!guarded.detail.en.contains("No bone-modifying agent"))
        // One row naming both.
        var one = record()
        one.treatments = [Treatment(id: "X", kind: .systemic, drugs: ["radium-223 dichloride", "Zytiga"], start: day("2025-05-05"))]
        #expect(assess(one, asOf: day("2025-05-20")).has("boneAgents.radium223.withAbiraterone"))
    }

    @Test func radiumAfterAbirateroneOrOverIsNotWarned() {
        // Abiraterone stopped before radium-223 began: the sequence the labels allow.
        #expect(!assess(record(abirateroneEnd: "2025-04-30"), asOf: day("2025-05-20")).has("boneAgents.radium223.withAbiraterone"))
        // Radium-223 finished: nothing left to decide.
        #expect(!assess(record(radiumEnd: "2025-05-06"), asOf: day("2025-05-20")).has("boneAgents.radium223.withAbiraterone"))
        // Abiraterone stopping the day radium began still overlapped it.
        #expect(assess(record(abirateroneEnd: "2025-05-05"), asOf: day("2025-05-20")).has("boneAgents.radium223.withAbiraterone"))
    }
}

/// Rule set 2026.12.50: a castration-resistant prostate cancer six years on ADT, PSA 48, with
/// blastic bone metastases, was "long disease-free interval" — biopsy, myeloma possible — and
/// its bone-modifying agent waited "after diagnosis". Cancer shown active before the first
/// metastasis (castration resistance, a regimen stopped for progression, visceral metastases,
/// a PSA above its limit) makes no disease-free interval, however long.
@Suite struct DiseaseActiveIntervalTests {
    func record(castrationResistant: Bool? = nil, psa: Double? = nil, progression: Bool = false, visceral: String? = nil) -> CaseRecord {
        var r = baseCase()
        r.patient.sex = .male
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, diagnosed: day("2019-02"), castrationResistant: castrationResistant)]
        r.lesions = [Lesion(id: "L1", bone: .pelvis, laterality: .right), Lesion(id: "L2", bone: .vertebra, level: VertebralLevel("L4"))]
        // Mixed, not pure blastic: a prostate cancer's pure blastic lesions are its typical
        // metastases and are not sent for tissue (rule set 2026.12.58), so no interval shows there.
        r.studies = [ct("C1", "2025-04-22", [observation("L1", .mixed, [30, 25]), observation("L2", .mixed, [20, 18])])]
        r.treatments = [Treatment(id: "A1", kind: .systemic, drugs: ["goserelin"], start: day("2019-03-01"), end: progression ? day("2024-06-01") : nil, stopReason: progression ? .progression : nil)]
        if let psa { r.labs = [LabResult(date: day("2025-04-18"), test: .psa, value: psa, unit: "ng/mL", upperLimit: 4)] }
        if let visceral { r.visceralMetastases = [VisceralMetastasis(organ: "liver", date: day(visceral))] }
        return r
    }

    /// Read where it matters: the bone-modifying agent waits for a tissue diagnosis.
    func longInterval(_ r: CaseRecord) -> Bool {
        let a = assess(r, asOf: day("2025-05-20"))
        #expect(a.has("boneAgents.afterDiagnosis") != a.has("boneAgents.indication"))
        return a.has("boneAgents.afterDiagnosis")
    }

    @Test func activeCancerMakesNoDiseaseFreeInterval() {
        #expect(longInterval(record()))
        #expect(!longInterval(record(castrationResistant: true)))
        #expect(!longInterval(record(psa: 48)))
        #expect(longInterval(record(psa: 3)))
        #expect(!longInterval(record(progression: true)))
        #expect(!longInterval(record(visceral: "2025-01-10")))
        // Visceral metastases found only after the bone: the interval stands.
        #expect(longInterval(record(visceral: "2025-05-10")))
        // The castration-resistant case starts its bone-modifying agent now.
        #expect(assess(record(castrationResistant: true), asOf: day("2025-05-20")).has("boneAgents.indication"))
    }
}

/// Unseen bundle ehr21 (2026-12-05): "氯化镭[223Ra]注射液" given once, three days before, beside
/// abiraterone and prednisone, drew nothing — China's name was not read, and one administration on
/// record ended the course on its own day. Its injections come every 4 weeks (Xofigo label): the
/// course is being given until 4 weeks after the last. Rule set 2026.12.326.
extension RadiumAbirateroneTests {
    @Test func chinasNameAndOneInjectionOnRecordAreACourseBeingGiven() throws {
        var r = record()
        r.treatments[2] = Treatment(id: "T4", kind: .systemic, name: "氯化镭[223Ra]注射液", start: day("2025-05-05"), end: day("2025-05-05"))
        #expect(assess(r, asOf: day("2025-05-08")).has("boneAgents.radium223.withAbiraterone"))
        #expect(assess(r, asOf: day("2025-06-02")).has("boneAgents.radium223.withAbiraterone"), "the next injection is due on 2025-06-02")
        #expect(!assess(r, asOf: day("2025-06-03")).has("boneAgents.radium223.withAbiraterone"), "4 weeks past the last injection: over")
        r.treatments[2].name = "二氯化镭注射液"
        #expect(assess(r, asOf: day("2025-05-08")).has("boneAgents.radium223.withAbiraterone"))
    }
}
