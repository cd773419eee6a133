@testable import BoneMetRules
import Testing

/// cb83-j, cb83-i (unseen records, 2026-12-05): a local treatment entered without its lesion. A
/// breast cancer's right femur nailed in September ("右股骨近端PFNA内固定术", `lesions` empty) was
/// sent in November for an urgent prophylactic fixation; a lung cancer's T11 irradiated in August
/// ("T10-T12 姑息放疗 30Gy/10F") read as never treated, and no radiotherapy to bone was among its
/// SREs. The rules now place such a row by its name, as the EHR import places a Procedure by its
/// text — and guess nothing. Rule set 2026.12.317.
@Suite struct TreatmentPlacedByNameTests {
    /// A right peritrochanteric femur at Mirels 12 (lytic, > 2/3, functional pain).
    func femurRecord(_ lesions: [Lesion]) -> CaseRecord {
        var r = baseCase()
        r.lesions = lesions
        r.studies = [ImagingStudy(id: "X1", date: day("2026-09-01"), modality: .xray, coverage: [.leftLowerLimb, .rightLowerLimb], observations: lesions.map { lesion in
            observation(lesion.id, .lytic) { $0.fractionOfDiameter = 0.7; $0.boneDestruction = true }
        })]
        r.pain = lesions.map { PainRecord(date: day("2026-09-01"), lesion: $0.id, mirels: .functional) }
        r.treatments = [Treatment(id: "S", kind: .surgery, name: "右股骨近端PFNA内固定术", start: day("2026-09-08"))]
        return r
    }

    let right = Lesion(id: "R", bone: .femur, segment: .peritrochanteric, laterality: .right)
    let left = Lesion(id: "L", bone: .femur, segment: .peritrochanteric, laterality: .left)

    @Test func aFixationReachesTheOneFemurOfItsSide() {
        let a = assess(femurRecord([right, left]), asOf: day("2026-11-29"))
        #expect(a.rule("surgery.mirels.protected").map(\.subject) == [.lesion("R")])
        #expect(a.rule("surgery.mirels.impendingFracture").map(\.subject) == [.lesion("L")])
    }

    @Test func twoLesionsOfTheBoneNamedPlaceNothing() {
        var second = right
        second.id = "R2"
        second.segment = .diaphysis
        let a = assess(femurRecord([right, second]), asOf: day("2026-11-29"))
        #expect(!a.has("surgery.mirels.protected"))
        #expect(a.rule("surgery.mirels.impendingFracture").count == 2)
    }

    @Test func aRecordedLesionIsNeverOverruled() {
        var r = femurRecord([right, left])
        r.treatments[0].lesions = ["L"]
        let a = assess(r, asOf: day("2026-11-29"))
        #expect(a.rule("surgery.mirels.protected").map(\.subject) == [.lesion("L")])
    }

    func spineRecord(course: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V9", bone: .vertebra, level: VertebralLevel("T9")), Lesion(id: "V11", bone: .vertebra, level: VertebralLevel("T11"))]
        r.studies = [ct("C1", "2026-08-01", r.lesions.map { lesion in
            observation(lesion.id, .lytic) { $0.boneDestruction = true; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none }
        })]
        r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: course, start: day("2026-08-10"), end: day("2026-08-21"))]
        return r
    }

    @Test func aFieldReachesEveryLesionAtItsLevels() throws {
        let sre = try #require(assess(spineRecord(course: "T10-T12 姑息放疗 30Gy/10F"), asOf: day("2026-09-01")).rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.contains("2026-08-10 radiotherapy to bone, T11 vertebra"), "\(sre.detail.en)")
        #expect(!sre.detail.en.contains("T9"))
        let both = try #require(assess(spineRecord(course: "胸9-12椎体放疗 30Gy/10F"), asOf: day("2026-09-01")).rule("boneAgents.sreHistory").first)
        #expect(both.detail.en.contains("T9 vertebra") && both.detail.en.contains("T11 vertebra"), "\(both.detail.en)")
    }

    /// Rule set 2026.12.322: "胸9、11椎体放疗" split into "胸9" and "11椎体" and reached T9 alone —
    /// a level list's number continues the level before it (unseen bundle ehr18, "胸5、6椎体").
    @Test func aLevelListsNumbersContinueItsLevel() throws {
        let sre = try #require(assess(spineRecord(course: "胸9、11椎体放疗 30Gy/10F"), asOf: day("2026-09-01")).rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.contains("radiotherapy to bone, T9 vertebra, T11 vertebra"), "\(sre.detail.en)")
        #expect(SiteList.levelListsRejoined(["胸9", "11椎体"]) == ["胸9、11椎体"])
        // A number after a bone that is no level list stays apart; so does a part with its own level.
        #expect(SiteList.levelListsRejoined(["左股骨", "3次"]) == ["左股骨", "3次"])
        #expect(SiteList.levelListsRejoined(["T9", "L1"]) == ["T9", "L1"])
    }

    @Test func aNameWithoutALevelPlacesNothing() {
        for course in ["胸椎姑息放疗 30Gy/10F", "姑息放疗 8Gy/1F"] {
            let a = assess(spineRecord(course: course), asOf: day("2026-09-01"))
            #expect(!a.has("boneAgents.sreHistory"), "\(course)")
        }
    }

    /// A course to several sites names each: every one is placed.
    @Test func aCourseToSeveralSitesReachesEach() throws {
        var r = baseCase()
        r.lesions = [
            Lesion(id: "V12", bone: .vertebra, level: VertebralLevel("T12")), Lesion(id: "IL", bone: .pelvis, laterality: .left),
            Lesion(id: "IR", bone: .pelvis, laterality: .right), Lesion(id: "V9", bone: .vertebra, level: VertebralLevel("T9")),
        ]
        r.studies = [ct("C1", "2026-08-01", r.lesions.map { observation($0.id, .lytic) { $0.boneDestruction = true } })]
        r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: "T12椎体+左髂骨 姑息放疗 30Gy/10F", start: day("2026-08-10"), end: day("2026-08-21"))]
        let sre = try #require(assess(r, asOf: day("2026-09-01")).rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.contains("T12 vertebra") && sre.detail.en.contains("left pelvis"), "\(sre.detail.en)")
        #expect(!sre.detail.en.contains("right pelvis") && !sre.detail.en.contains("T9"))
    }

    /// The sacrum is one bone: named without a segment, its one lesion.
    @Test func theSacrumNamedReachesItsLesion() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "S", bone: .sacrum), Lesion(id: "V9", bone: .vertebra, level: VertebralLevel("T9"))]
        r.studies = [ct("C1", "2026-08-01", r.lesions.map { observation($0.id, .lytic) { $0.boneDestruction = true } })]
        r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: "骶骨姑息放疗 20Gy/5F", start: day("2026-08-10"), end: day("2026-08-14"))]
        let sre = try #require(assess(r, asOf: day("2026-09-01")).rule("boneAgents.sreHistory").first)
        #expect(sre.detail.en.contains("2026-08-10 radiotherapy to bone, sacrum"), "\(sre.detail.en)")
        #expect(!sre.detail.en.contains("T9"))
    }

    /// Sites written with spaces between them (2026-12-05): "骶骨 L5 姑息放疗" was placed on L5
    /// alone (the levels won over the bone word), "T12 L1 右股骨 放疗" on the femur alone.
    @Test func sitesWrittenWithSpacesBetweenThemAreEachPlaced() {
        let lesions = [
            Lesion(id: "S", bone: .sacrum), Lesion(id: "V5", bone: .vertebra, level: VertebralLevel("L5")),
            Lesion(id: "V12", bone: .vertebra, level: VertebralLevel("T12")), Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("L1")),
            Lesion(id: "F", bone: .femur, laterality: .right), Lesion(id: "H", bone: .humerus, laterality: .left),
        ]
        #expect(Lesion.placed(by: "骶骨 L5 姑息放疗 20Gy/5F", among: lesions) == ["S", "V5"])
        #expect(Lesion.placed(by: "T12 L1 右股骨 放疗 30Gy/10F", among: lesions) == ["V12", "V1", "F"])
        #expect(Lesion.placed(by: "左肱骨 右股骨 预防性内固定", among: lesions) == ["F", "H"])
        // One site's words stay one site.
        #expect(Lesion.placed(by: "T10-T12 姑息放疗 30Gy/10F", among: lesions) == ["V12"])
        #expect(Lesion.placed(by: "right femur IM nail", among: lesions) == ["F"])
        #expect(SiteList.parts("L1 vertebral body") == ["L1 vertebral body"])
        #expect(SiteList.parts("右股骨 股骨颈") == ["右股骨 股骨颈"])
        #expect(SiteList.parts("T12 L1 右股骨近端 转移") == ["T12", "L1", "右股骨近端 转移"])
    }

    /// Pelvic radiotherapy of a primary is no radiotherapy to the pelvic bone.
    @Test func aPelvicFieldIsNoBone() {
        var r = baseCase()
        r.lesions = [Lesion(id: "P", bone: .pelvis, laterality: .right)]
        r.studies = [ct("C1", "2026-08-01", [observation("P", .lytic) { $0.boneDestruction = true }])]
        for (course, placed) in [("Pelvic EBRT 50.4 Gy/28 fx", false), ("right iliac bone SBRT 24 Gy/2 fx", true), ("右髂骨放疗 30Gy/10F", true)] {
            r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: course, start: day("2026-08-10"), end: day("2026-08-21"))]
            #expect(assess(r, asOf: day("2026-09-01")).has("boneAgents.sreHistory") == placed, "\(course)")
        }
    }

}

/// cb83-a (2026-12-05): a bone agent named only by its generic English name — as an EHR's
/// medication text, or BoneMet's own export, gives it — showed "denosumab" on the Chinese page.
@Suite struct AgentNamedByItsGenericNameTests {
    @Test func theAgentsOwnNameReadsInEachLanguage() {
        for name in ["denosumab", "Denosumab", "zoledronic acid", "Zoledronic Acid "] {
            let agent: BoneAgent = name.lowercased().hasPrefix("deno") ? .denosumab : .zoledronicAcid
            let course = Treatment(id: "Z", kind: .boneModifyingAgent, name: name, start: day("2026-01-01"), agent: agent)
            #expect(course.displayName == agent.label, "\(name)")
            #expect(course.label.zhHans.hasPrefix(agent.label.zhHans), "\(course.label.zhHans)")
        }
        // Any other name is the clinician's and stays.
        let named = Treatment(id: "Z", kind: .boneModifyingAgent, name: "Xgeva 120 mg", start: day("2026-01-01"), agent: .denosumab)
        #expect(named.displayName.zhHans == "Xgeva 120 mg")
    }
}
