@testable import BoneMetRules
import Testing

/// cb64-e (unseen record, 2026-12-04): a renal-cell carcinoma's peritrochanteric femur broke; it
/// was embolised ("术前栓塞", entered as a surgery row — the case format has no other kind for it)
/// the day before its curettage, cement and nail. Rule set 2026.12.251: the embolisation counted
/// as a second "surgery to bone" among the skeletal-related events. An embolisation takes no
/// tissue and operates on no bone: it is no operation for the SRE count, the operation's
/// pathology, or a planned operation's checks — it stays in the response's treatment window (it
/// acts on the tumour) — and a planned one is named where "consider pre-operative embolisation"
/// was said.
@Suite struct EmbolisationIsNoOperationTests {
    func record(_ treatments: [Treatment]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .kidney, histology: "透明细胞肾细胞癌", histologyType: .renalCellCarcinoma, diagnosed: day("2019-05"))]
        r.lesions = [Lesion(id: "FE", bone: .femur, segment: .peritrochanteric, laterality: .left)]
        r.studies = [
            survey("B0", "2026-09-20", ["FE"]),
            ct("C0", "2026-09-29", [observation("FE", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.7 }]),
        ]
        r.treatments = treatments
        r.pain = [PainRecord(date: day("2026-09-29"), lesion: "FE", mirels: .functional)]
        return r
    }

    func sreText(_ a: Assessment) throws -> String { try #require(a.rule("boneAgents.sreHistory").first).detail.en }

    @Test func theNameReadsAsAnEmbolisationOnlyWithoutAnOperationBesideIt() {
        #expect(SurgicalProcedureText.readsEmbolisation("术前栓塞"))
        #expect(SurgicalProcedureText.readsEmbolisation("Transarterial embolization, left femur"))
        #expect(SurgicalProcedureText.readsEmbolisation("股骨病灶 TAE"))
        #expect(!SurgicalProcedureText.readsEmbolisation("栓塞后病灶刮除+髓内钉内固定"))
        #expect(!SurgicalProcedureText.readsEmbolisation("左股骨髓内钉内固定"))
        #expect(!SurgicalProcedureText.readsEmbolisation("staged"))
        #expect(!SurgicalProcedureText.readsEmbolisation(nil))
    }

    @Test func anEmbolisationIsNoSurgeryToBone() throws {
        let a = assess(record([
            Treatment(id: "EMB", kind: .surgery, name: "术前栓塞", lesions: ["FE"], start: day("2026-10-08")),
            Treatment(id: "OP", kind: .surgery, name: "左股骨病灶刮除+骨水泥填充+髓内钉内固定", lesions: ["FE"], start: day("2026-10-09")),
        ]), asOf: day("2026-11-29"))
        let text = try sreText(a)
        #expect(text.contains("2026-10-09 surgery to bone"), "\(text)")
        #expect(!text.contains("2026-10-08"), "\(text)")
        // The operation that was one still counts when the embolisation is its first step.
        let one = assess(record([
            Treatment(id: "OP", kind: .surgery, name: "栓塞后病灶刮除+髓内钉内固定", lesions: ["FE"], start: day("2026-10-09")),
        ]), asOf: day("2026-11-29"))
        #expect(try sreText(one).contains("2026-10-09 surgery to bone"))
    }

    @Test func aPlannedEmbolisationIsNamedWhereAFixationIsProposed() throws {
        let planned = assess(record([
            Treatment(id: "EMB", kind: .surgery, name: "右股骨病灶术前栓塞", lesions: ["FE"], start: day("2026-12-10"), planned: true),
        ]), asOf: day("2026-11-29"))
        let fix = try #require(planned.rule("surgery.mirels.impendingFracture").first)
        #expect(fix.detail.en.contains("pre-operative embolisation planned (右股骨病灶术前栓塞"), "\(fix.detail.en)")
        #expect(fix.detail.zhHans.contains("已计划术前栓塞"))
        #expect(!fix.detail.en.contains("consider pre-operative embolisation"))
        // Without it: the advice to consider one.
        let none = assess(record([]), asOf: day("2026-11-29"))
        let plain = try #require(none.rule("surgery.mirels.impendingFracture").first)
        #expect(plain.detail.en.contains("consider pre-operative embolisation"))
    }

    @Test func aPlannedEmbolisationIsNoOperationToTimeWithAnAntiAngiogenicDrug() {
        var r = record([
            Treatment(id: "SUN", kind: .systemic, name: "舒尼替尼", drugs: ["sunitinib"], systemicClass: .targeted, start: day("2026-10-01")),
            Treatment(id: "EMB", kind: .surgery, name: "术前栓塞", lesions: ["FE"], start: day("2026-12-10"), planned: true),
        ])
        // The femur fixed already: no operation proposed, only the planned embolisation.
        r.treatments.append(Treatment(id: "OP", kind: .surgery, name: "左股骨近端髓内钉预防性内固定", lesions: ["FE"], start: day("2026-10-20")))
        let a = assess(r, asOf: day("2026-11-29"))
        #expect(!a.has("surgery.timing.antiAngiogenic"))
        // A planned operation still is one.
        r.treatments.append(Treatment(id: "OP2", kind: .surgery, name: "髓内钉翻修", lesions: ["FE"], start: day("2026-12-12"), planned: true))
        #expect(assess(r, asOf: day("2026-11-29")).has("surgery.timing.antiAngiogenic"))
    }
}

/// cb62-g (unseen record, 2026-12-04) and a prostate record built on it: dexamethasone 16 mg for a
/// cord compression, entered as a systemic row of class "other". Rule set 2026.12.252: a row of
/// supportive drugs only (a glucocorticoid, folate, G-CSF — WHO ATC outside L01/L02), its class
/// not recorded or "other", is supportive care, not a regimen — outside myeloma and lymphoma,
/// whose treatment glucocorticoids are. It opened a "switch" in a docetaxel window (cb62-g), and as
/// the latest systemic start it became PCWG3's therapy: a progression on enzalutamide confirmed by
/// the 2+2 rule read as the dexamethasone's "flare, not progression".
@Suite struct GlucocorticoidAloneIsNoRegimenTests {
    func prostate(dexamethasoneClass: SystemicClass?) -> CaseRecord {
        var r = baseCase()
        r.patient = Patient(id: "t-p", sex: .male, birthDate: day("1950-02"))
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "前列腺腺癌 mCRPC", histologyType: .adenocarcinoma, diagnosed: day("2023-06"))]
        r.lesions = [Lesion(id: "T9", bone: .vertebra, level: VertebralLevel("T9")), Lesion(id: "IL", bone: .pelvis, laterality: .left),
                     Lesion(id: "R1", bone: .rib, laterality: .right), Lesion(id: "R2", bone: .rib, laterality: .left)]
        r.studies = [
            survey("B0", "2026-01-05", ["T9", "IL"]),
            survey("B1", "2026-04-01", ["T9", "IL"]),
            survey("B2", "2026-09-20", ["T9", "IL", "R1", "R2"]),
            survey("B3", "2026-11-10", ["T9", "IL", "R1", "R2"]),
        ]
        r.treatments = [
            Treatment(id: "ADT", kind: .systemic, name: "亮丙瑞林", drugs: ["leuprorelin"], systemicClass: .endocrine, start: day("2023-07-01")),
            Treatment(id: "ENZ", kind: .systemic, name: "恩扎卢胺", drugs: ["enzalutamide"], systemicClass: .endocrine, start: day("2026-01-10")),
            Treatment(id: "DEX", kind: .systemic, name: "地塞米松 16mg", drugs: ["dexamethasone"], systemicClass: dexamethasoneClass,
                      start: day("2026-08-01"), end: day("2026-08-15")),
        ]
        return r
    }

    @Test func supportiveDrugsAloneAreReadAsSuch() {
        #expect(DrugClasses.isSupportiveOnly(Treatment(id: "a", kind: .systemic, name: "地塞米松 10mg/d 静滴")))
        #expect(DrugClasses.isSupportiveOnly(Treatment(id: "a", kind: .systemic, drugs: ["Dexamethasone 4 MG Oral Tablet"], systemicClass: .other)))
        #expect(DrugClasses.isSupportiveOnly(Treatment(id: "a", kind: .systemic, drugs: ["pegfilgrastim"])))
        #expect(!DrugClasses.isSupportiveOnly(Treatment(id: "a", kind: .systemic, drugs: ["abiraterone", "prednisone"])))
        #expect(!DrugClasses.isSupportiveOnly(Treatment(id: "a", kind: .systemic, name: "多西他赛+地塞米松预处理")))
        #expect(!DrugClasses.isSupportiveOnly(Treatment(id: "a", kind: .systemic, drugs: ["dexamethasone"], systemicClass: .endocrine)))
        #expect(!DrugClasses.isSupportiveOnly(Treatment(id: "a", kind: .systemic, name: "化疗")))
    }

    @Test func aDexamethasoneCourseIsNotTheTherapyPCWG3Reads() throws {
        let a = assess(prostate(dexamethasoneClass: nil), asOf: day("2026-11-29"))
        let later = try #require(a.rule("boneHealth.pcwg3.laterScan").first)
        #expect(later.title.en.contains("progression confirmed"), "\(later.title.en)")
        #expect(!a.has("boneHealth.pcwg3.firstScan"))
        let window = try #require(a.findings.first { $0.title.en.hasPrefix("Bone scan of 2026-09-20") })
        #expect(!window.detail.en.contains("地塞米松"))
        // Recorded as a prostate cancer's hormonal therapy, it is the clinician's regimen.
        let recorded = assess(prostate(dexamethasoneClass: .endocrine), asOf: day("2026-11-29"))
        #expect(recorded.has("boneHealth.pcwg3.firstScan"))
    }

    @Test func aDexamethasoneCourseOpensNoSwitch() throws {
        var r = baseCase()
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2023-06-20", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [
            Treatment(id: "T1", kind: .systemic, name: "letrozole", systemicClass: .endocrine, start: day("2023-01-10"), end: day("2023-02-20"), stopReason: .progression),
            Treatment(id: "DEX", kind: .systemic, name: "地塞米松", drugs: ["dexamethasone"], systemicClass: .other, start: day("2023-02-21"), end: day("2023-03-05")),
            Treatment(id: "T2", kind: .systemic, name: "capecitabine", systemicClass: .chemotherapy, start: day("2023-03-06")),
        ]
        let a = assess(r, asOf: day("2023-07-01"))
        let point = try #require(a.findings.first { $0.title.en.hasPrefix("CT of 2023-06-20") })
        #expect(point.detail.en.contains("switched within this interval"))
        #expect(point.detail.en.contains("letrozole"))
        #expect(!point.detail.en.contains("地塞米松"), "\(point.detail.en)")
    }

    @Test func inMyelomaDexamethasoneIsTreatment() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "MM", site: .myeloma, histologyType: .myeloma, diagnosed: day("2022-12"))]
        r.treatments = [Treatment(id: "DEX", kind: .systemic, name: "地塞米松", drugs: ["dexamethasone"], start: day("2023-01-10"))]
        let a = assess(r, asOf: day("2023-04-01"))
        let point = try #require(a.findings.first { $0.title.en.hasPrefix("CT of 2023-03-20") })
        #expect(point.detail.en.contains("地塞米松"), "\(point.detail.en)")
    }
}

/// cb64-n (unseen record, 2026-12-04): a cervical cancer treated with pelvic chemoradiotherapy; a
/// year later the bone scan lights the sacrum in an H and a pubic ramus, the CT bone window reads
/// "fracture lines with sclerosis, no destruction or soft-tissue mass" — recorded as a blastic
/// character with `fracture` and `boneDestruction: false`. Rule set 2026.12.253: the sacrum read
/// "unexplained pure blastic lesion with uptake — biopsy" and was scored by SINS; sclerosis along a
/// fracture whose reading excludes destruction is the fracture's, when every reading of the
/// lesion's character is such — the lesion is read as uptake (or collapse) without destruction:
/// an insufficiency fracture is the other reading (scenario 2; reference.md: bone-scan uptake
/// without CT destruction is no metastasis diagnosis).
@Suite struct FractureSclerosisIsNoBlasticLesionTests {
    func record(earlierBlastic: Bool = false, uptake: Bool = true) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .uterus, histology: "宫颈鳞癌 同步放化疗后", histologyType: .squamousCellCarcinoma, diagnosed: day("2025-10"))]
        r.lesions = [Lesion(id: "SA", bone: .sacrum, laterality: .bilateral, note: "双侧骶骨翼")]
        var studies: [ImagingStudy] = []
        if earlierBlastic { studies.append(ct("C0", "2026-03-01", [observation("SA", .blastic)])) }
        if uptake { studies.append(survey("B1", "2026-10-20", ["SA"])) }
        studies.append(ct("C1", "2026-10-25", [observation("SA", .blastic) { $0.fracture = true; $0.boneDestruction = false }]))
        r.studies = studies
        r.treatments = [Treatment(id: "RT", kind: .radiotherapy, name: "盆腔外照射 50.4Gy/28F", start: day("2025-11-01"), end: day("2025-12-20"))]
        return r
    }

    @Test func aSclerosedFractureWithoutDestructionIsNoBlasticLesion() throws {
        let a = assess(record(), asOf: day("2026-11-29"))
        #expect(!a.has("diagnosis.blastic.uptakeBiopsy"))
        let uptake = try #require(a.rule("diagnosis.uptakeWithoutDestruction").first)
        #expect(uptake.detail.en.contains("insufficiency"), "\(uptake.detail.en)")
        #expect(!a.has("surgery.spine.noms"))
        // Without uptake: a fracture without destruction.
        let cold = assess(record(uptake: false), asOf: day("2026-11-29"))
        #expect(cold.has("diagnosis.collapseWithoutDestruction"))
        #expect(!cold.has("diagnosis.blastic.noUptakeFollowUp") && !cold.has("diagnosis.blastic.getBoneScan"))
    }

    @Test func aBlasticLesionThatLaterBrokeStaysBlastic() {
        let a = assess(record(earlierBlastic: true), asOf: day("2026-11-29"))
        #expect(a.has("diagnosis.blastic.uptakeBiopsy"))
        #expect(!a.has("diagnosis.uptakeWithoutDestruction"))
    }
}

/// cb64-d (unseen record, 2026-12-04): an IgG-κ myeloma on VRd and zoledronic acid, its calcium
/// high again in November. Rule set 2026.12.254: the hypercalcaemia finding sent it to "look for
/// the cause: PTHrP, PTH, vitamin D, bone metastases"; in myeloma hypercalcaemia is one of the
/// disease's own CRAB features (IMWG, Rajkumar 2014) — haematology judges whether it is active.
@Suite struct MyelomaHypercalcaemiaCauseTests {
    func record(myeloma: Bool) -> CaseRecord {
        var r = baseCase()
        if myeloma { r.primaries = [PrimaryCancer(id: "MM", site: .myeloma, histologyType: .myeloma, diagnosed: day("2022-12"))] }
        r.labs = [
            LabResult(date: day("2023-03-25"), test: .calcium, value: 3.1, unit: "mmol/L", upperLimit: 2.6),
            LabResult(date: day("2023-03-25"), test: .albumin, value: 35, unit: "g/L"),
        ]
        return r
    }

    @Test func myelomaNamesItsOwnCRABFeature() throws {
        let mm = try #require(assess(record(myeloma: true), asOf: day("2023-04-01")).rule("labs.hypercalcaemia").first)
        #expect(mm.detail.en.contains("CRAB features (IMWG)"), "\(mm.detail.en)")
        #expect(!mm.detail.en.contains("PTHrP"))
        #expect(mm.detail.zhHans.contains("CRAB"))
        #expect(mm.sources.contains { $0.id == "rajkumar2014" })
        let breast = try #require(assess(record(myeloma: false), asOf: day("2023-04-01")).rule("labs.hypercalcaemia").first)
        #expect(breast.detail.en.contains("PTHrP"))
        #expect(!breast.detail.en.contains("CRAB"))
    }
}

/// cb64 (unseen records, 2026-12-04): femora noted as Chinese radiology writes their thirds —
/// "左股骨上段" (upper), "右股骨下段" (lower), "右肱骨中上段" (junction of the middle and upper
/// thirds). Rule set 2026.12.255: "下段" was no segment, so a distal femur was scored "lower limb
/// or peritrochanteric"; "上段" and "近端" name the proximal end only, which may be
/// peritrochanteric (Mirels 1989: 3 points, the rest of the lower limb 2) — "近端" had settled the
/// site at 2. The neck or head named is not peritrochanteric.
@Suite struct FemoralThirdsTests {
    @Test func theThirdsAreRead() {
        #expect(BoneSegment.named(in: "左股骨上段", bone: .femur) == .proximal)
        #expect(BoneSegment.named(in: "右股骨下段", bone: .femur) == .distal)
        #expect(BoneSegment.named(in: "右肱骨中上段", bone: .humerus) == .diaphysis)
        #expect(BoneSegment.named(in: "股骨中下段", bone: .femur) == .diaphysis)
        #expect(BoneSegment.namesProximalFemurOnly("左股骨上段"))
        #expect(BoneSegment.namesProximalFemurOnly("proximal left femur"))
        #expect(!BoneSegment.namesProximalFemurOnly("左股骨颈"))
        #expect(!BoneSegment.namesProximalFemurOnly("左股骨转子间"))
    }

    func mirels(note: String, segment: BoneSegment? = nil) throws -> MirelsTimePoint {
        var r = baseCase()
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: segment, laterality: .left, note: note)]
        r.studies = [ct("S1", "2023-01-05", [observation("L1", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.5 }])]
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "L1", mirels: .moderate)]
        return try #require(assess(r, asOf: day("2023-01-06")).mirels.first)
    }

    @Test func theProximalEndAloneLeavesTheSiteOpen() throws {
        // lytic 3, moderate 2, 1/3–2/3 2, site 2 or 3.
        let upper = try mirels(note: "左股骨上段")
        #expect(upper.total.min == 9 && upper.total.max == 10)
        let lower = try mirels(note: "左股骨下段")
        #expect(lower.total.min == 9 && lower.total.max == 9)
        let neck = try mirels(note: "左股骨颈")
        #expect(neck.total.max == 9)
        // The segment the record chose is the site.
        let chosen = try mirels(note: "左股骨上段", segment: .proximal)
        #expect(chosen.total.max == 9)
    }

    @Test func itsNameSaysProximal() {
        let lesion = Lesion(id: "L1", bone: .femur, laterality: .left, note: "左股骨上段")
        #expect(lesion.label.en == "left femur, proximal")
        #expect(lesion.label.zhHans.hasPrefix("左股骨"))
        #expect(lesion.withSiteFromNote.segment == nil)
    }
}

/// cb64-t (unseen record, 2026-12-04): a breast cancer's solitary lytic ilium, never biopsied,
/// completely filled in under anastrozole and denosumab, re-read "blastic" a year later (the fill-in
/// not restated). Rule set 2026.12.256: the diagnosis findings said "healed under systemic therapy —
/// biopsy no longer recommended", while the bone-agent findings waited "after diagnosis" for that
/// biopsy, and the pelvis was sent again to orthopaedic oncology for its "bone destruction".
@Suite struct HealedSolitaryLesionTests {
    func record(last: LesionObservation) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性导管癌 ER(+) PR(+) HER2(-)", diagnosed: day("2019-05"))]
        r.lesions = [Lesion(id: "IL", bone: .pelvis, laterality: .right, note: "右髂骨")]
        r.studies = [
            survey("B0", "2023-12-12", ["IL"]),
            ct("C0", "2023-12-10", [observation("IL", .lytic) { $0.boneDestruction = true }]),
            ct("C1", "2025-11-20", [observation("IL", .blastic) { $0.fillIn = .complete }]),
            ct("C2", "2026-09-14", [last]),
        ]
        r.treatments = [Treatment(id: "AI", kind: .systemic, name: "阿那曲唑", drugs: ["anastrozole"], systemicClass: .endocrine, start: day("2023-12-20"))]
        return r
    }

    @Test func aHealedSolitaryLesionIsTheMetastasisItsTherapyTreated() {
        let a = assess(record(last: observation("IL", .blastic)), asOf: day("2026-09-20"))
        #expect(a.has("diagnosis.biopsy.intervalHealed") || a.has("diagnosis.biopsy.healed"))
        #expect(!a.has("boneAgents.afterDiagnosis"))
        #expect(a.has("boneAgents.indication"))
        // Healed since its complete fill-in: no "bone destruction — orthopaedic oncology to judge".
        #expect(!a.has("surgery.pelvis.noValidatedScore"))
    }

    @Test func lyticAgainItIsDestructionAgain() {
        let a = assess(record(last: observation("IL", .mixed) { $0.boneDestruction = true }), asOf: day("2026-09-20"))
        #expect(a.has("surgery.pelvis.noValidatedScore"))
    }
}

/// cb64-x (unseen record, 2026-12-04): a lung squamous-cell carcinoma on pembrolizumab +
/// carboplatin + paclitaxel, then pembrolizumab alone from the next day. Rule set 2026.12.257: the
/// response window read "systemic therapy switched within this interval … a study at the switch
/// would separate them"; a maintenance phase — some of the drugs kept, none added, within
/// `regimenGapDays`, the induction not stopped for progression — is the same line of therapy.
@Suite struct MaintenanceIsNoSwitchTests {
    func window(maintenance: [String], stop: StopReason = .completed) throws -> String {
        var r = baseCase()
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
            ct("S2", "2023-09-20", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [
            Treatment(id: "I", kind: .systemic, name: "induction", drugs: ["pembrolizumab", "carboplatin", "paclitaxel"], systemicClass: .immunotherapy,
                      start: day("2023-01-10"), end: day("2023-04-10"), stopReason: stop),
            Treatment(id: "M", kind: .systemic, name: "maintenance", drugs: maintenance, systemicClass: .immunotherapy, start: day("2023-04-11")),
        ]
        return try #require(assess(r, asOf: day("2023-10-01")).findings.first { $0.title.en.hasPrefix("CT of 2023-09-20") }).detail.en
    }

    @Test func maintenanceIsTheSameLine() throws {
        #expect(!(try window(maintenance: ["Pembrolizumab"])).contains("switched"))
        // A drug added, or the induction stopped for progression: a switch.
        #expect(try window(maintenance: ["pembrolizumab", "pemetrexed"]).contains("switched"))
        #expect(try window(maintenance: ["pembrolizumab"], stop: .progression).contains("switched"))
    }
}

/// cb64-y (unseen record, 2026-12-04): a HER2-positive breast cancer's lytic humerus, first on a
/// September CT whose predecessor did not cover the arm, though the whole-body PET-CT of March had
/// shown only the spine and sternum. Rule set 2026.12.258: "first recorded — the previous CT did not
/// image its region; not counted as new" now names the earlier study that imaged the region without
/// it: if it was absent then, a new lytic lesion is progression (MDA) — the images decide.
@Suite struct FirstRecordedSinceASurveyTests {
    func record(character: LesionCharacter) -> CaseRecord {
        var r = baseCase()
        r.lesions.append(Lesion(id: "HU", bone: .humerus, segment: .proximal, laterality: .right))
        var later = ct("S3", "2023-06-01", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }, observation("HU", character)])
        later.coverage.append(.rightUpperLimb)
        r.studies = [survey("B0", "2023-01-03", ["L1"]), ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }]), later]
        return r
    }

    func reason(_ a: Assessment) throws -> String { try #require(a.findings.first { $0.title.en.hasPrefix("CT of 2023-06-01") }).detail.en }

    @Test func aLyticLesionAnEarlierSurveyDidNotShowIsNamedAgainstIt() throws {
        let text = try reason(assess(record(character: .lytic), asOf: day("2023-06-10")))
        #expect(text.contains("not counted as new; the bone scan of 2023-01-03 imaged its region and did not show it"), "\(text)")
        // Sclerosis is not called a new lytic lesion.
        let blastic = try reason(assess(record(character: .blastic), asOf: day("2023-06-10")))
        #expect(!blastic.contains("imaged its region and did not show it"))
    }
}

/// cb64-p (unseen record, 2026-12-04): a high-volume castration-sensitive prostate cancer on
/// goserelin + apalutamide and zoledronic acid 4 mg every 4 weeks. Rule set 2026.12.259: "zoledronic
/// acid for SRE prevention is not indicated in castration-sensitive prostate cancer" went on with
/// "preferred agent (setting): denosumab. Evidence either way …", and the dose finding gave "every
/// 3–4 weeks, or every 12 weeks" as if the course were to go on. Not indicated, no agent is
/// preferred; the dose is said to apply only if the course is continued.
@Suite struct NotIndicatedAgentTests {
    @Test func noPreferenceAndAQualifiedDose() throws {
        var r = baseCase()
        r.patient = Patient(id: "p", sex: .male, birthDate: day("1955-05"), weights: [WeightRecord(date: day("2023-01-01"), kg: 75)])
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "前列腺腺癌 mHSPC", histologyType: .adenocarcinoma, diagnosed: day("2022-12"))]
        r.treatments = [
            Treatment(id: "ADT", kind: .systemic, name: "戈舍瑞林+阿帕他胺", drugs: ["goserelin", "apalutamide"], systemicClass: .endocrine, start: day("2023-01-10")),
            Treatment(id: "ZA", kind: .boneModifyingAgent, start: day("2023-01-12"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4, doses: [day("2023-01-12"), day("2023-02-09")]),
        ]
        r.labs = [LabResult(date: day("2023-01-05"), test: .creatinine, value: 1.0, unit: "mg/dL")]
        let a = assess(r, asOf: day("2023-02-20"))
        let choice = try #require(a.rule("boneAgents.choice").first)
        #expect(choice.title.en.contains("not indicated in castration-sensitive"))
        #expect(!choice.detail.en.contains("Preferred agent"), "\(choice.detail.en)")
        let dose = try #require(a.rule("boneAgents.zoledronic.dose").first)
        #expect(dose.detail.en.contains("applies only if the course is continued"))
        #expect(dose.detail.zhHans.contains("仅适用于继续该疗程时"))
    }
}
