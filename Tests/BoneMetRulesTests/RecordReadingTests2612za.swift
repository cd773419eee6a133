@testable import BoneMetRules
import Testing

/// cb76-i (unseen record, 2026-12-05): a breast cancer progressing in the humerus under letrozole
/// and ribociclib, switched to fulvestrant with 20 Gy to the humerus; the next CT showed a new
/// sclerotic rim in the irradiated humerus only, the spine unchanged. The progression's title
/// read "followed by PR on 2025-07-20 under 氟维司群" — the regimen credited with the
/// radiotherapy's effect. The source hospital attributes a response to the treatment active in
/// the interval, local radiotherapy to its own lesion only (Xu HR, MDT talk; MDA criteria:
/// Hamaoka T et al. J Clin Oncol 2004;22:2942-53).
@Suite struct IrradiatedOnlyResponseTests {
    func humerusCase(irradiate: Bool = true, spineResponds: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "T6", bone: .vertebra, level: VertebralLevel("T6")), Lesion(id: "HUM", bone: .humerus, segment: .diaphysis, laterality: .left)]
        let coverage: [BodyRegion] = [.chest, .thoracicSpine, .leftUpperLimb]
        func study(_ id: String, _ date: String, _ observations: [LesionObservation]) -> ImagingStudy {
            ImagingStudy(id: id, date: day(date), modality: .ct, windows: [.bone], coverage: coverage, observations: observations)
        }
        r.studies = [
            study("C0", "2024-06-15", [observation("T6", .mixed, [19, 14]) { $0.boneDestruction = true }, observation("HUM", .mixed, [17, 12]) { $0.boneDestruction = true }]),
            study("C1", "2025-03-10", [observation("T6", .mixed, [19, 14]) { $0.boneDestruction = true }, observation("HUM", .lytic, [30, 22]) { $0.boneDestruction = true }]),
            study("C2", "2025-07-20", [
                observation("T6", .mixed, [19, 14]) { $0.boneDestruction = true; $0.scleroticRim = spineResponds ? true : nil },
                observation("HUM", .mixed, [29, 21]) { $0.boneDestruction = true; $0.scleroticRim = true },
            ]),
        ]
        r.treatments = [
            Treatment(id: "LR", kind: .systemic, name: "letrozole + ribociclib", drugs: ["letrozole", "ribociclib"], systemicClass: .endocrine, start: day("2024-01-20"), end: day("2025-03-20"), stopReason: .progression),
            Treatment(id: "FUL", kind: .systemic, name: "fulvestrant", drugs: ["fulvestrant"], systemicClass: .endocrine, start: day("2025-04-01")),
        ] + (irradiate ? [Treatment(id: "RT", kind: .radiotherapy, name: "humerus 20 Gy/5 F", lesions: ["HUM"], start: day("2025-04-07"), end: day("2025-04-11"))] : [])
        return r
    }

    func title(_ r: CaseRecord, _ study: String) throws -> LocalizedText {
        let a = assess(r, asOf: day("2025-12-01"))
        return try #require(a.rule("boneHealth.mda.timePoint").first { $0.subject == .study(study) }).title
    }

    @Test func theProgressionNamesTheRadiotherapyNotTheRegimen() throws {
        let t = try title(humerusCase(), "C1")
        #expect(t.en.contains("followed by PR on 2025-07-20 in the irradiated lesions only (humerus 20 Gy/5 F)"))
        #expect(!t.en.contains("under fulvestrant"))
        #expect(t.zhHans.contains("仅放疗病灶缓解：humerus 20 Gy/5 F"))
        let later = try title(humerusCase(), "C2")
        #expect(later.en.hasSuffix("(PR) (MDA) — in the irradiated lesions only"))
        #expect(later.zhHans.hasSuffix("——仅放疗病灶缓解"))
    }

    /// The unirradiated spine responding too: the regimen's response, named as before.
    @Test func aResponseBeyondTheFieldNamesTheRegimen() throws {
        let t = try title(humerusCase(spineResponds: true), "C1")
        #expect(t.en.contains("followed by PR on 2025-07-20 under fulvestrant"))
        #expect(!(try title(humerusCase(spineResponds: true), "C2")).en.contains("irradiated"))
    }

    /// No radiotherapy at all: the response is the new regimen's.
    @Test func noRadiotherapyNamesTheRegimen() throws {
        let t = try title(humerusCase(irradiate: false), "C1")
        #expect(t.en.contains("followed by PR on 2025-07-20 under fulvestrant"))
    }

    /// cb76-f: capecitabine failed (PD on 2025-05-30), eribulin began 2025-06-10, the next CT on
    /// 2025-06-20 stood still — "followed by SD under eribulin" read as eribulin's stable disease
    /// ten days in; a regimen younger than `blasticLatencyWeeks` says how long it had run.
    @Test func aRegimenTooYoungForAnEffectSaysHowLongItRan() throws {
        var r = humerusCase(irradiate: false)
        r.studies[2] = ImagingStudy(
            id: "C2", date: day("2025-04-11"), modality: .ct, windows: [.bone], coverage: [.chest, .thoracicSpine, .leftUpperLimb],
            observations: [observation("T6", .mixed, [19, 14]) { $0.boneDestruction = true }, observation("HUM", .lytic, [30, 22]) { $0.boneDestruction = true }])
        let t = try title(r, "C1")
        #expect(t.en.contains("followed by SD on 2025-04-11 under fulvestrant (10 days in)"))
        #expect(t.zhHans.contains("（fulvestrant治疗下，仅用药 10 天）"))
        // Eight weeks in, no longer said.
        r.studies[2].date = day("2025-05-27")
        #expect(try title(r, "C1").en.hasSuffix("under fulvestrant"))
    }
}

/// A spinal record whose note names several vertebrae — "T12、L1椎体", as Chinese reports list
/// the levels of one finding — is several lesions: as the only row it was a solitary lesion of
/// unknown nature sent to biopsy, Tomita's "solitary", New Katagiri's "no multiple skeletal
/// metastases" and Tokuhashi's one vertebral body (Tokuhashi Y et al. Spine 2005;30:2186-91
/// counts vertebral bodies; Tomita K et al. Spine 2001;26:298-306 a solitary metastasis).
@Suite struct VertebraeListedInOneNoteTests {
    @Test(arguments: ["T12、L1椎体", "L3-L5椎体", "胸11至腰1", "T7、8、9", "T11-12椎体", "胸11、12椎体", "T12 and L1 vertebral bodies", "L5-S1"])
    func aListOrSpanOfVertebraeIsSeveral(_ note: String) {
        #expect(VertebralLevel.namesSeveral(in: note))
        #expect(Lesion(id: "V", bone: .vertebra, note: note).namesSeveral)
    }

    /// An intervertebral level, one vertebra, an MRI sequence beside one level, the sacrum's
    /// segments and a level called normal are not several.
    @Test(arguments: ["L4/5小关节", "L5/S1", "L4/L5 facet", "胸12椎体压缩骨折", "T2WI高信号 L3", "腰3椎体及附件", "T12椎体，L1未见异常", "L1椎体，T12椎体未见破坏", "T12, L1 normal"])
    func oneVertebraIsNot(_ note: String) {
        #expect(!VertebralLevel.namesSeveral(in: note))
    }

    @Test func theSacrumsSegmentsAreOneBone() {
        #expect(!Lesion(id: "S", bone: .sacrum, note: "骶骨S1-S2右侧").namesSeveral)
    }

    @Test func theOnlyRowListingTwoVertebraeIsNotSolitary() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, note: "T12、L1椎体")]
        r.studies = [
            survey("B", "2023-01-02", ["V"]),
            ImagingStudy(id: "C", date: day("2023-01-05"), modality: .ct, windows: [.bone], observations: [observation("V", .lytic) { $0.boneDestruction = true }]),
        ]
        let a = assess(r, asOf: day("2023-01-08"))
        #expect(!a.findings.contains { $0.detail.en.contains("solitary bone lesion of unknown nature") })
        let tomita = try #require(a.rule("surgery.prognosis.tomita").first)
        #expect(tomita.detail.en.contains("multiple bone metastases → 2"))
        let tokuhashi = try #require(a.rule("surgery.prognosis.tokuhashi").first)
        #expect(tokuhashi.detail.en.contains("vertebral body metastases: at least 2"))
        // The same row naming one vertebra stays solitary.
        r.lesions = [Lesion(id: "V", bone: .vertebra, note: "胸12椎体")]
        #expect(assess(r, asOf: day("2023-01-08")).rule("surgery.prognosis.tomita").first?.detail.en.contains("solitary or isolated bone metastasis → 1") == true)
    }
}

/// Ribs listed in one note, words counting lesions, and a paired bone recorded bilateral: each
/// several lesions, not one solitary lesion of unknown nature (the count of sites decides
/// "solitary" for the biopsy indication — Xu HR, MDT talk — and for Tomita and New Katagiri).
@Suite struct SeveralInOneRowTests {
    @Test(arguments: [
        (Bone.rib, "左第5、6肋", Laterality?.none), (.rib, "左5-7肋", nil), (.rib, "right ribs 5-7", nil), (.rib, "右侧多根肋骨", nil),
        (.rib, "散在肋骨", nil), (.vertebra, "胸腰椎多节椎体", nil), (.femur, "双侧股骨", nil), (.pelvis, "髂骨", .bilateral),
    ])
    func isSeveral(_ bone: Bone, _ note: String, _ side: Laterality?) {
        #expect(Lesion(id: "X", bone: bone, laterality: side, note: note).namesSeveral)
    }

    @Test(arguments: [
        (Bone.rib, "左第5肋", Laterality?.none), (.rib, "right 5th rib", nil), (.rib, "左第5肋，大小2-3cm", nil), (.pelvis, "右髂骨2.5cm", nil),
        (.sternum, "胸骨", .midline), (.sternum, "胸骨体", .bilateral), (.femur, "右股骨", nil),
        (.femur, "右股骨干溶骨破坏，累及两侧皮质", nil), (.femur, "right femoral shaft, bilateral cortical destruction", nil),
        (.humerus, "left humerus involving both cortices", nil),
    ])
    func isOne(_ bone: Bone, _ note: String, _ side: Laterality?) {
        #expect(!Lesion(id: "X", bone: bone, laterality: side, note: note).namesSeveral)
    }
}

/// cb76-p (unseen record, 2026-12-05): a breast cancer of 2014, bone metastases from 2021 (a long
/// disease-free interval), every lesion completely filled in under letrozole and palbociclib by
/// 2023 (MDA CR), progression in 2024 and 2026. In November 2026 it read "myeloma in the
/// differential", "an undiagnosed lesion was fixed" (the femur nailed in 2021), "biopsy first,
/// then prophylactic fixation" for the humerus and "tissue diagnosis first" for T9. The interval's
/// question — a second primary or myeloma? (source hospital) — is answered by a complete healing
/// under hormonal therapy, which only a hormone-sensitive cancer shows (MDA CR: Hamaoka T et al.
/// J Clin Oncol 2004;22:2942-53; myeloma's lesions rarely heal: IMWG, Kumar S et al. Lancet
/// Oncol 2016;17:e328-46), as a biopsy of one lesion answers it for the episode.
@Suite struct HormonalHealingAnswersTheIntervalTests {
    func record(regimen: Treatment? = nil, irradiated: Bool = false, healed: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.patient.birthDate = day("1968-05")
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "ER 95% PR 40% HER2 1+", diagnosed: day("2014-06"))]
        r.lesions = [Lesion(id: "T9", bone: .vertebra, level: VertebralLevel("T9")), Lesion(id: "HU", bone: .humerus, segment: .proximal, laterality: .left)]
        r.studies = [
            survey("B0", "2021-02-20", ["T9"]),
            ct("C0", "2021-02-25", [observation("T9", .lytic, [22, 18]) { $0.boneDestruction = true }]),
            ct("C1", "2023-04-15", [observation("T9", healed ? .blastic : .mixed, [22, 18]) { $0.fillIn = healed ? .complete : .partial }]),
            ImagingStudy(
                id: "X2", date: day("2026-09-02"), modality: .xray,
                observations: [observation("HU", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.5 }]),
        ]
        r.treatments = [regimen ?? Treatment(
            id: "A1", kind: .systemic, name: "letrozole + palbociclib", drugs: ["letrozole", "palbociclib"], systemicClass: .endocrine,
            start: day("2021-03-01"))]
        if irradiated {
            r.treatments.append(Treatment(id: "R1", kind: .radiotherapy, name: "T9 30 Gy/10 F", lesions: ["T9"], start: day("2021-03-10"), end: day("2021-03-23")))
        }
        r.pain = [PainRecord(date: day("2026-09-02"), lesion: "HU", mirels: .moderate)]
        return r
    }

    @Test func theHealingAnswersTheQuestionForTheEpisode() throws {
        let a = assess(record(), asOf: day("2026-11-28"))
        #expect(!a.has("diagnosis.differential.myeloma"))
        #expect(!a.has("diagnosis.biopsy.indicated"))
        let answered = try #require(a.rule("diagnosis.biopsy.intervalHealed").first)
        #expect(answered.severity == .info)
        #expect(answered.title.en == "Long disease-free interval: answered by healing under hormonal therapy — no biopsy on that account")
        #expect(answered.title.zhHans == "无病间期长：病灶在内分泌治疗中完全修复已回答此问题——无需为此活检")
        #expect(answered.detail.en.contains("Answered by the response: T9 vertebra (2023-04-15) healed completely"))
        let humerus = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(!humerus.title.en.contains("biopsy first"), "\(humerus.title.en)")
    }

    /// Before the healing was seen, the question stands (the assessment of its day).
    @Test func beforeTheHealingTheQuestionStands() {
        let a = assess(record(), asOf: day("2023-04-14"))
        #expect(a.has("diagnosis.differential.myeloma"))
        #expect(a.rule("diagnosis.biopsy.indicated").contains { $0.detail.en.contains("long disease-free interval (6 years") })
    }

    /// Not under chemotherapy (lymphoma and other cancers heal under it too), not a lesion
    /// irradiated (radiotherapy heals any), not a partial fill-in.
    @Test func chemotherapyRadiotherapyOrPartialHealingDoNotAnswerIt() {
        let chemo = Treatment(id: "A1", kind: .systemic, name: "capecitabine", drugs: ["capecitabine"], systemicClass: .chemotherapy, start: day("2021-03-01"))
        for r in [record(regimen: chemo), record(irradiated: true), record(healed: false)] {
            let a = assess(r, asOf: day("2026-11-28"))
            #expect(a.has("diagnosis.differential.myeloma"))
            #expect(!a.rule("diagnosis.biopsy.intervalHealed").contains { $0.title.en.contains("hormonal") })
        }
    }
}

/// The same answer for a solitary lesion: a breast cancer's only lesion, the left ilium, filled in
/// completely under anastrozole (2024) and growing again in 2026, read "biopsy indicated" and
/// "bone-modifying agent: decide after diagnosis" three years into its treatment — its solitude
/// asks whether it is a primary bone tumour or myeloma (source hospital), and neither heals under
/// an aromatase inhibitor (MDA CR: Hamaoka T et al. J Clin Oncol 2004;22:2942-53).
@Suite struct SolitaryHealedUnderHormonalTherapyTests {
    func record(regimen: Treatment) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "ER 90% PR 60% HER2 0", diagnosed: day("2022-05"))]
        r.lesions = [Lesion(id: "IL", bone: .pelvis, laterality: .left)]
        r.studies = [
            survey("B0", "2023-06-01", ["IL"]),
            ct("C0", "2023-06-03", [observation("IL", .lytic, [30, 25]) { $0.boneDestruction = true }]),
            ct("C1", "2024-06-10", [observation("IL", .blastic, [30, 25]) { $0.fillIn = .complete }]),
            ct("C2", "2026-10-03", [observation("IL", .mixed, [38, 30]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [regimen]
        return r
    }

    @Test func itsNatureIsAnswered() throws {
        let anastrozole = Treatment(id: "A1", kind: .systemic, name: "anastrozole", drugs: ["anastrozole"], systemicClass: .endocrine, start: day("2023-06-15"))
        let a = assess(record(regimen: anastrozole), asOf: day("2026-11-01"))
        #expect(!a.has("diagnosis.biopsy.indicated"))
        let healed = try #require(a.rule("diagnosis.biopsy.healed").first)
        #expect(healed.title.en == "left pelvis: healed under hormonal therapy — its nature answered, no biopsy on that account")
        #expect(healed.title.zhHans == "左骨盆：曾在内分泌治疗中完全修复——性质已明，无需为此活检")
        #expect(a.has("boneAgents.indication"))
        #expect(!a.findings.contains { $0.title.en.contains("decide after diagnosis") })
    }

    @Test func notUnderChemotherapy() {
        let capecitabine = Treatment(id: "A1", kind: .systemic, name: "capecitabine", drugs: ["capecitabine"], systemicClass: .chemotherapy, start: day("2023-06-15"))
        let a = assess(record(regimen: capecitabine), asOf: day("2026-11-01"))
        #expect(a.has("diagnosis.biopsy.indicated", subject: .lesion("IL")))
        #expect(!a.has("diagnosis.biopsy.healed"))
    }
}

/// An operation that takes an implant out is no fixation: "髓内钉取出术" on a femur read "Mirels
/// 11 — fixed" (unseen record pattern, 2026-12-05). A revision that fixes the bone again, and a
/// tumour's removal with a prosthesis, are read as before.
@Suite struct ImplantRemovalTests {
    @Test(arguments: ["髓内钉取出术", "右股骨内固定取出", "钢板拆除术", "Hardware removal, right femur", "removal of intramedullary nail"])
    func aRemovalIsNoFixation(_ name: String) {
        #expect(SurgicalProcedureText.read([name]) == nil)
    }

    @Test func aRevisionOrATumourRemovalIsReadAsBefore() {
        #expect(SurgicalProcedureText.read(["髓内钉取出+翻修内固定"]) == .other)
        #expect(SurgicalProcedureText.read(["Removal of tumour, proximal femur, endoprosthetic reconstruction"]) == .arthroplasty)
        #expect(SurgicalProcedureText.read(["右股骨髓内钉固定术"]) == .other)
    }
}

/// The hormone receptors written together — "HR+/HER2-", "HR阳性", "激素受体阳性", or a luminal
/// subtype (hormone-receptor-positive by definition: Goldhirsch A et al. Ann Oncol
/// 2013;24:2206-23) — make a breast cancer hormone-dependent for New Katagiri (Katagiri H et al.
/// Cancer Med 2014;3:1359-67: hormone-dependent breast cancer is slow growth, 0); "HR(-)" and
/// "激素受体阴性" not. Read as nothing, each scored the primary 0–2 (unseen record pattern).
@Suite struct HormoneReceptorsTogetherTests {
    @Test(arguments: ["浸润性导管癌 HR+/HER2-", "HR阳性 HER2阴性", "激素受体阳性", "hormone receptor-positive", "Luminal A型", "Luminal B (HER2阴性)"])
    func positive(_ text: String) {
        #expect(ReceptorText.hormoneReceptors(in: text) == .positive)
        #expect(PrognosisRules.hormoneDependent(PrimaryCancer(id: "P1", site: .breast, histology: text)) == true)
    }

    @Test(arguments: ["HR(-) HER2(3+)", "激素受体阴性，HER2阳性"])
    func negative(_ text: String) {
        #expect(ReceptorText.hormoneReceptors(in: text) == .negative)
        #expect(PrognosisRules.hormoneDependent(PrimaryCancer(id: "P1", site: .breast, histology: text)) == false)
    }

    /// ER and PR written on their own win; "激素受体" inside "雌激素受体" is ER's name; nothing
    /// about the receptors, or "non-luminal", reads nothing.
    @Test func theReceptorsThemselvesAndTheirNamesComeFirst() {
        #expect(PrognosisRules.hormoneDependent(PrimaryCancer(id: "P1", site: .breast, histology: "ER(-) PR(-) HR阳性")) == false)
        #expect(ReceptorText.status(.er, in: "雌激素受体阳性") == .positive)
        #expect(ReceptorText.hormoneReceptors(in: "雌激素受体阳性") == nil)
        #expect(ReceptorText.hormoneReceptors(in: "浸润性导管癌 HER2阳性") == nil)
        #expect(ReceptorText.hormoneReceptors(in: "非luminal型") == nil)
    }
}
