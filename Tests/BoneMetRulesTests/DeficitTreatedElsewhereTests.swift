import BoneMetRules
import Testing

/// Rule set 2026.12.322: a deficit recorded for the patient (no lesion named — "双下肢不全瘫" on an
/// EHR's problem list) and a decompression of T5–T6 two days later left the sacrum, the one spinal
/// lesion not operated on, read "neurological deficit recorded — emergency spine referral", beside
/// "MRI of the whole spine within 24 hours" a week after the operation (unseen bundle ehr18).
@Suite struct DeficitTreatedElsewhereTests {
    func record(operated: Bool, reportOnlyMRI: Bool = false) -> CaseRecord {
        var r = baseCase()
        // As an EHR sends them: diagnosed, never read on CT or MRI.
        r.lesions = [
            Lesion(id: "T5", bone: .vertebra, level: VertebralLevel("T5")), Lesion(id: "T6", bone: .vertebra, level: VertebralLevel("T6")),
            Lesion(id: "S", bone: .sacrum),
        ].map { lesion in var lesion = lesion; lesion.diagnosed = day("2026-11-12"); return lesion }
        r.studies = []
        r.neurology = [NeurologyRecord(date: day("2026-11-13"), status: .myelopathy)]
        if operated {
            r.treatments = [Treatment(id: "OP", kind: .surgery, lesions: ["T5", "T6"], start: day("2026-11-15"), procedure: .decompression)]
        }
        if reportOnlyMRI {
            r.studies = [ImagingStudy(id: "M", date: day("2026-11-12"), modality: .mri, report: "胸5、6椎体转移瘤，脊髓受压。")]
        }
        return r
    }

    @Test func beforeTheOperationEveryUnreadVertebraIsAnEmergency() {
        let a = assess(record(operated: false), asOf: day("2026-11-14"))
        #expect(a.has("surgery.spine.deficitWithoutLesion"))
        #expect(Set(a.rule("surgery.lesion.notAssessable").filter { $0.severity == .urgent }.map(\.subject)) == [.lesion("T5"), .lesion("T6"), .lesion("S")])
    }

    @Test func treatedAtOneLesionTheDeficitIsNoOtherLesionsEmergency() {
        let a = assess(record(operated: true), asOf: day("2026-11-22"))
        #expect(!a.has("surgery.spine.deficitWithoutLesion"))
        #expect(a.rule("surgery.lesion.notAssessable").allSatisfy { $0.severity != .urgent }, "\(a.rule("surgery.lesion.notAssessable").map(\.title.en))")
        #expect(!a.has("diagnosis.imaging.preoperativeMRI"))
        // An operation before the deficit treats nothing of it.
        var before = record(operated: true)
        before.treatments[0].start = day("2026-11-10")
        #expect(assess(before, asOf: day("2026-11-22")).rule("surgery.lesion.notAssessable").contains { $0.severity == .urgent && $0.subject == .lesion("S") })
    }

    @Test func anMRIOnRecordAsItsReportIsNoMRINeeded() {
        #expect(assess(record(operated: false), asOf: day("2026-11-14")).has("diagnosis.imaging.preoperativeMRI"))
        let a = assess(record(operated: false, reportOnlyMRI: true), asOf: day("2026-11-14"))
        #expect(!a.has("diagnosis.imaging.preoperativeMRI"))
        #expect(a.has("diagnosis.imaging.readingNotRecorded"))
    }
}
