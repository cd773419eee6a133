@testable import BoneMetRules
import Testing

/// cb118-k (unseen record, 2026-12-06): osimertinib stopped for "progression" after the EHR's
/// disease status "worsened — 肺部病灶增大" (the lung lesion larger), its bone window PR then SD, read
/// as a warning "a switch for bone progression is not supported". Rule set 2026.12.368: a
/// worsening recorded while the regimen ran is what the stop rested on — outside bone,
/// information; not saying where, an advisory; placed in bone, the warning stands (the bone's
/// readings answer it). The record of ProgressionOutsideBoneTests without its brain metastases.
@Suite struct RecordedWorseningSwitchTests {
    func finding(_ status: DiseaseStatusRecord?) -> Finding? {
        var r = ProgressionOutsideBoneTests().record(brain: nil)
        r.diseaseStatus = status.map { [$0] } ?? []
        return ProgressionOutsideBoneTests().switchFinding(r)
    }

    @Test func aWorseningOutsideBoneIsWhatTheStopRestedOn() throws {
        let lung = try #require(finding(DiseaseStatusRecord(date: day("2026-09-20"), status: .worsened, evidence: "肺部病灶增大")))
        #expect(lung.severity == .info)
        #expect(lung.title.en.hasSuffix("was stopped for progression recorded outside bone"), "\(lung.title.en)")
        #expect(lung.detail.en.contains("2026-09-20 worsened (肺部病灶增大)"))
        #expect(lung.detail.en.contains("2026-10-19 partial response (PR)"), "\(lung.detail.en)")
        #expect(lung.detail.zhHans.contains("2026-09-20 疾病进展（肺部病灶增大）——为骨外进展"))
        #expect(finding(DiseaseStatusRecord(date: day("2026-09-20"), status: .worsened, evidence: "CEA rising"))?.severity == .info)
        // Words inside others are not bone: "ribociclib", "detected", "described".
        #expect(finding(DiseaseStatusRecord(date: day("2026-09-20"), status: .worsened, evidence: "new liver lesion detected on ribociclib, as described"))?.severity == .info)
        #expect(finding(DiseaseStatusRecord(date: day("2026-09-20"), status: .worsened, evidence: "CA19-9 doubled"))?.severity == .info)
        // No evidence, or an evidence type that says what it rests on and not where (mCODE's
        // "Imaging", as the FHIR import keeps it).
        for evidence in [nil, "Imaging", "影像学"] {
            let unplaced = try #require(finding(DiseaseStatusRecord(date: day("2026-09-20"), status: .worsened, evidence: evidence)))
            #expect(unplaced.severity == .advisory, "\(String(describing: evidence))")
            #expect(unplaced.detail.en.contains("not saying where"))
        }
    }

    @Test func aWorseningInBoneOrOutsideTheWindowLeavesTheWarning() throws {
        for status in [
            DiseaseStatusRecord(date: day("2026-09-20"), status: .worsened, evidence: "骨扫描示新发病灶"),
            DiseaseStatusRecord(date: day("2026-09-20"), status: .worsened, evidence: "new osseous lesions"),
            DiseaseStatusRecord(date: day("2026-09-20"), status: .worsened, evidence: "ECT: new rib foci"),
            DiseaseStatusRecord(date: day("2025-08-10"), status: .worsened, evidence: "肺部病灶增大"),  // before it began
            DiseaseStatusRecord(date: day("2026-10-05"), status: .worsened, evidence: "肺部病灶增大"),  // after the stop
            DiseaseStatusRecord(date: day("2026-09-20"), status: .stable, evidence: "肺部病灶稳定"),
        ] {
            #expect(finding(status)?.severity == .warning, "\(status)")
        }
        #expect(finding(nil)?.severity == .warning)
    }
}
