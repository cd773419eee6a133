@testable import BoneMetRules
import Testing

/// cb77-b (unseen record, 2026-12-05): a breast cancer nine years out, a solitary proximal humerus
/// (Mirels 8), molecular tests wanted; the biopsy taken a fortnight before was acid-decalcified
/// and its result is pending. The assessment said "await it rather than biopsy again", "re-biopsy
/// with EDTA", "Ask pathology for EDTA decalcification — request EDTA on the biopsy form" and
/// "biopsy first, then prophylactic fixation" together. Acid ruins ISH and DNA/RNA, not the
/// diagnosis (van Es SC et al. Am J Surg Pathol 2019); the source hospital asks for EDTA when
/// molecular tests are wanted (Xu HR, MDT talk).
@Suite struct AwaitedAcidSpecimenTests {
    func record(biopsy: Biopsy?) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性导管癌 ER 90% PR 60% HER2 1+", diagnosed: day("2017-03"))]
        r.lesions = [Lesion(id: "HUM", bone: .humerus, segment: .proximal, laterality: .right)]
        r.studies = [
            ImagingStudy(id: "X1", date: day("2026-10-18"), modality: .xray, observations: [
                observation("HUM", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.5 },
            ]),
            survey("B1", "2026-10-25", ["HUM"]),
        ]
        r.treatments = []
        r.pain = [PainRecord(date: day("2026-10-18"), lesion: "HUM", mirels: .moderate)]
        r.plans = CarePlans(molecularTestsWanted: true)
        r.biopsies = biopsy.map { [$0] } ?? []
        return r
    }

    let asOf = day("2026-12-05")

    @Test func anAcidSpecimenAwaitedIsAwaitedForTheDiagnosisOnly() throws {
        let a = assess(record(biopsy: Biopsy(lesion: "HUM", date: day("2026-11-20"), decalcification: .acid, result: .pending)), asOf: asOf)
        // No second request on the biopsy form: the specimen is taken.
        #expect(!a.has("diagnosis.biopsy.edta"))
        let acid = try #require(a.rule("diagnosis.biopsy.acidDecalcified").first)
        #expect(acid.detail.en.hasSuffix("Await its result for the diagnosis; for the molecular tests use non-decalcified material or re-biopsy with EDTA."))
        #expect(acid.detail.zhHans.hasSuffix("诊断请等待其结果；分子检测请使用未脱钙组织或以 EDTA 脱钙重新活检。"))
        let indicated = try #require(a.rule("diagnosis.biopsy.indicated").first)
        #expect(indicated.detail.en.hasSuffix("its result is pending — await it for the diagnosis (it was acid-decalcified: molecular tests need other tissue)."))
        let mirels = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(mirels.title.en.hasSuffix("— biopsy result first, then prophylactic fixation; urgent orthopaedic referral"), "\(mirels.title.en)")
        #expect(mirels.title.zhHans.hasSuffix("——先等活检结果，再预防性内固定；紧急骨科转诊"))
    }

    @Test func anEDTASpecimenAwaitedAsksForNothingMore() throws {
        let a = assess(record(biopsy: Biopsy(lesion: "HUM", date: day("2026-11-20"), decalcification: .edta, result: .pending)), asOf: asOf)
        #expect(!a.has("diagnosis.biopsy.edta"))
        #expect(!a.has("diagnosis.biopsy.acidDecalcified"))
        let indicated = try #require(a.rule("diagnosis.biopsy.indicated").first)
        #expect(indicated.detail.en.hasSuffix("its result is pending — await it rather than biopsy again."))
    }

    @Test func beforeAnySpecimenTheFormAsksForEDTAAndTheBiopsyComesFirst() throws {
        let a = assess(record(biopsy: nil), asOf: asOf)
        #expect(try #require(a.rule("diagnosis.biopsy.edta").first).title.en == "Ask pathology for EDTA decalcification")
        let mirels = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(mirels.title.en.hasSuffix("— biopsy first, then prophylactic fixation; urgent orthopaedic referral"))
    }

    /// A non-diagnostic acid specimen: a new biopsy is to be taken — the form asks for EDTA, and
    /// the warning keeps its plain advice.
    @Test func aNonDiagnosticAcidSpecimenIsRepeatedWithEDTA() throws {
        let a = assess(record(biopsy: Biopsy(lesion: "HUM", date: day("2026-11-20"), decalcification: .acid, result: .nonDiagnostic)), asOf: asOf)
        #expect(a.has("diagnosis.biopsy.edta"))
        let acid = try #require(a.rule("diagnosis.biopsy.acidDecalcified").first)
        #expect(acid.detail.en.hasSuffix("Use non-decalcified material or re-biopsy with EDTA."))
        let mirels = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(mirels.title.en.contains("— biopsy first, then"))
    }
}

/// cb77-g (unseen record, 2026-12-05): a rib broken in a fall (uptake, no destruction on CT,
/// recorded as a pathological-fracture event) beside a lytic T10. The diagnosis finding read the
/// rib "not a metastasis diagnosis" and the SRE count left it out, but PATHFx's inputs said
/// "fracture pathological". PATHFx asks whether the skeletal metastasis has broken (Anderson AB
/// et al. Clin Orthop Relat Res 2020;478:808-18).
@Suite struct FractureAtANonMetastasisTests {
    func record(fractureAt lesion: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "RIB", bone: .rib, laterality: .left), Lesion(id: "HUM", bone: .humerus, segment: .diaphysis, laterality: .left)]
        r.studies = [
            ImagingStudy(id: "B1", date: day("2026-09-12"), modality: .boneScan, observations: [
                observation("RIB") { $0.uptake = true }, observation("HUM") { $0.uptake = true },
            ]),
            ImagingStudy(id: "C1", date: day("2026-09-15"), modality: .ct, windows: [.bone], coverage: [.chest, .leftUpperLimb], observations: [
                observation("RIB", .blastic) { $0.boneDestruction = false; $0.fracture = true },
                observation("HUM", .lytic, [25, 20]) { $0.boneDestruction = true },
            ]),
        ]
        r.events = [ClinicalEvent(date: day("2026-08-30"), kind: .pathologicalFracture, lesion: lesion)]
        return r
    }

    func fractureInput(_ r: CaseRecord) throws -> String {
        let a = assess(r, asOf: day("2026-12-05"))
        let inputs = try #require(a.rule("surgery.prognosis.survivalModelInputs").first)
        return try #require(inputs.inputs.first { $0.name == "fracture" }).value
    }

    @Test func aFallenRibIsNoPathologicalFracture() throws {
        #expect(try fractureInput(record(fractureAt: "RIB")) == "impending")
    }

    @Test func theMetastasisBrokenIsOne() throws {
        #expect(try fractureInput(record(fractureAt: "HUM")) == "pathological")
    }
}

/// cb77-o (unseen record, 2026-12-05): a cervical cancer after pelvic radiotherapy, a sacral
/// insufficiency fracture, and an L5 row recorded absent on the CT and the bone scan. The surgery
/// section read "L5 vertebra: spinal stability and cord compression cannot be assessed — no CT/MRI
/// reading": the CT had read it, and found nothing there.
@Suite struct LookedForAndAbsentTests {
    func record(diagnosed: String? = nil, anatomic: Bool = true) -> CaseRecord {
        var r = baseCase()
        var l5 = Lesion(id: "L5", bone: .vertebra, level: VertebralLevel("L5"))
        l5.diagnosed = diagnosed.map(day)
        r.lesions = [Lesion(id: "SAC", bone: .sacrum), l5]
        r.studies = [
            ImagingStudy(id: "B1", date: day("2026-09-20"), modality: .boneScan, observations: [
                observation("SAC") { $0.uptake = true }, observation("L5") { $0.present = false },
            ]),
        ] + (anatomic ? [
            ImagingStudy(id: "C1", date: day("2026-09-25"), modality: .ct, windows: [.bone], coverage: [.lumbarSpine, .sacrum, .pelvis], observations: [
                observation("SAC", .blastic) { $0.boneDestruction = false; $0.fracture = true }, observation("L5") { $0.present = false },
            ]),
        ] : [])
        return r
    }

    let asOf = day("2026-12-05")

    @Test func aLevelTheCTFoundFreeIsNoUnreadLesion() {
        #expect(!assess(record(), asOf: asOf).has("surgery.lesion.notAssessable", subject: .lesion("L5")))
    }

    /// Diagnosed after the CT (an EHR's Condition onset): a lesion since, not read.
    @Test func aDiagnosisAfterTheReadingIsALesionAgain() {
        #expect(assess(record(diagnosed: "2026-11-10"), asOf: asOf).has("surgery.lesion.notAssessable", subject: .lesion("L5")))
    }

    /// Absent on a bone scan only: no anatomic reading has looked at it.
    @Test func aBoneScanAloneHasNotReadTheBone() {
        #expect(assess(record(anatomic: false), asOf: asOf).has("surgery.lesion.notAssessable", subject: .lesion("L5")))
    }
}

/// The organs a metastasis's immunohistochemistry points to (Conner JR, Hornick JL. Adv Anat
/// Pathol 2015;22:149-67; Selves J et al. Cancers 2018;10:108): positive site-specific markers
/// only, each with every organ it is positive in.
@Suite struct ImmunoprofileTextTests {
    @Test func positiveMarkersNameTheirOrgans() {
        #expect(ImmunoprofileText.organs(in: "转移性腺癌，TTF-1(+)，NapsinA(+)，GATA3(-)，ER(-)") == [.lung, .thyroid, .kidney])
        #expect(ImmunoprofileText.organs(in: "metastatic carcinoma, TTF-1 negative, GATA3 positive, mammaglobin positive") == [.breast, .bladder])
        #expect(ImmunoprofileText.organs(in: "腺癌 CK7(+) CK20(-) ER(+90%) PR(+)") == [.breast, .uterus])
        #expect(ImmunoprofileText.organs(in: "adenocarcinoma, CDX2+, SATB2+, CK20+") == [.colon, .rectum, .stomach, .pancreas, .esophagus, .gallbladder])
        #expect(ImmunoprofileText.organs(in: "PSA(+)，NKX3.1(+)") == [.prostate])
        #expect(ImmunoprofileText.organs(in: "甲状腺球蛋白(+)，TTF-1(+)，PAX8(+)") == [.thyroid, .lung, .kidney, .uterus])
        #expect(ImmunoprofileText.organs(in: "Hep Par-1 (+), Arginase-1 (+)") == [.liver])
    }

    @Test func lineageMarkersAndNegativesNameNothing() {
        #expect(ImmunoprofileText.organs(in: "转移性腺癌，CK7(+)，CK20(-)，P40(-)，HER2(3+)").isEmpty)
        #expect(ImmunoprofileText.organs(in: "TTF-1(-), NapsinA(-), GATA3(阴性)").isEmpty)
        #expect(ImmunoprofileText.organs(in: "adenocarcinoma").isEmpty)
        // "er" inside a word is no marker.
        #expect(ImmunoprofileText.organs(in: "poorly differentiated carcinoma, positive margins").isEmpty)
    }
}

/// cb77-r (unseen record, 2026-12-05): a breast cancer of 2012 and a lung adenocarcinoma of 2025;
/// a PET-CT shows the ilium, T4 and the left humerus; the iliac biopsy reads "转移性腺癌，
/// TTF-1(+)，NapsinA(+)，GATA3(-)，ER(-)". Every lesion still read "breast or lung — biopsy
/// decides", and T4 and the humerus each "biopsy indicated". The markers name the lung (Conner
/// 2015); one biopsy answers for the lesions first seen with it (the source hospital takes one
/// representative lesion; Xu HR, MDT talk).
@Suite struct ImmunohistochemistryNamesThePrimaryTests {
    func record(histology: String = "转移性腺癌，TTF-1(+)，NapsinA(+)，GATA3(-)，ER(-)", humerusLater: Bool = false) -> CaseRecord {
        var r = baseCase()
        r.primaries = [
            PrimaryCancer(id: "BR", site: .breast, histology: "浸润性导管癌 ER(+) PR(+) HER2(-)", diagnosed: day("2012-04")),
            PrimaryCancer(id: "LU", site: .lung, histology: "腺癌 KRAS G12C", diagnosed: day("2025-11")),
        ]
        r.lesions = [
            Lesion(id: "IL", bone: .pelvis, laterality: .left), Lesion(id: "T4", bone: .vertebra, level: VertebralLevel("T4")),
            Lesion(id: "HUM", bone: .humerus, segment: .diaphysis, laterality: .left),
        ]
        r.studies = [
            ImagingStudy(id: "P1", date: day("2026-09-01"), modality: .petCt, observations: [
                observation("IL", .lytic, [35, 30]) { $0.uptake = true; $0.boneDestruction = true },
                observation("T4", .lytic) { $0.uptake = true; $0.boneDestruction = true },
                observation("HUM") { $0.present = !humerusLater },
            ]),
            ImagingStudy(id: "X1", date: day("2026-10-05"), modality: .xray, observations: [
                observation("HUM", .lytic) { $0.boneDestruction = true; $0.fractionOfDiameter = 0.3 },
            ]),
        ]
        r.biopsies = [Biopsy(lesion: "IL", date: day("2026-09-10"), decalcification: .edta, result: .metastasis, histology: histology)]
        r.treatments = []
        r.visceralMetastases = []
        return r
    }

    let asOf = day("2026-12-05")

    @Test func theMarkersAndTheEpisodeNameTheLung() throws {
        let a = assess(record(), asOf: asOf)
        #expect(!a.has("diagnosis.biopsy.indicated"))
        let episode = try #require(a.rule("diagnosis.biopsy.sameEpisode").first)
        #expect(episode.title.en == "left humerus, diaphysis; T4 vertebra: read as lung (adenocarcinoma) — first seen with left pelvis, proven by its biopsy")
        #expect(episode.title.zhHans == "左肱骨骨干、T4 椎体：按肺腺癌判读——与左骨盆同时发现，后者已经活检证实")
        #expect(episode.detail.en.hasPrefix("First seen on the PET-CT of 2026-09-01 with left pelvis, whose biopsy of 2026-09-10 showed lung (adenocarcinoma)"))
        let katagiri = try #require(a.rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("primary lesion: lung → 2–3"), "\(katagiri.detail.en)")
        #expect(!katagiri.detail.en.contains("Depends on which primary"))
        let tokuhashi = try #require(a.rule("surgery.prognosis.tokuhashi").first)
        #expect(tokuhashi.detail.en.contains("primary site: lung → 0"))
    }

    /// First seen a month later, the humerus is not of that episode: its primary stays open.
    @Test func aLesionSeenLaterIsNotOfTheEpisode() throws {
        let a = assess(record(humerusLater: true), asOf: asOf)
        #expect(a.has("diagnosis.biopsy.indicated", subject: .lesion("HUM")))
        #expect(!a.has("diagnosis.biopsy.indicated", subject: .lesion("T4")))
        let episode = try #require(a.rule("diagnosis.biopsy.sameEpisode").first)
        #expect(episode.title.en.hasPrefix("T4 vertebra: read as lung"))
        #expect(try #require(a.rule("surgery.prognosis.katagiri").first).detail.en.contains("Depends on which primary"))
    }

    /// "Adenocarcinoma" names no organ, nor do markers of both cancers: nothing is settled.
    @Test(arguments: ["转移性腺癌", "转移性腺癌，TTF-1(+)，GATA3(+)"])
    func noOrganNoAttribution(histology: String) throws {
        let a = assess(record(histology: histology), asOf: asOf)
        #expect(!a.has("diagnosis.biopsy.sameEpisode"))
        #expect(a.has("diagnosis.biopsy.indicated", subject: .lesion("T4")))
        #expect(try #require(a.rule("surgery.prognosis.katagiri").first).detail.en.contains("Depends on which primary"))
    }

    /// GATA3 and ER positive: the breast.
    @Test func breastMarkersNameTheBreast() throws {
        let a = assess(record(histology: "转移性腺癌，TTF-1(-)，GATA3(+)，ER(+80%)"), asOf: asOf)
        #expect(try #require(a.rule("diagnosis.biopsy.sameEpisode").first).title.en.contains("read as breast"))
    }

    /// No primary on record, an acid specimen "TTF-1(-), GATA3(+)": the breast's receptors are at
    /// stake, not the lung's driver genes (TTF-1 was read as the lung's because it was written).
    @Test func aNegativeTTF1IsNotTheLungs() throws {
        var r = record(histology: "转移性腺癌，TTF-1(-)，GATA3(+)")
        r.primaries = []
        r.biopsies[0].decalcification = .acid
        let acid = try #require(assess(r, asOf: asOf).rule("diagnosis.biopsy.acidDecalcified").first)
        #expect(acid.detail.en.hasPrefix("Acid decalcification ruins ER/PR/HER2 in-situ hybridisation and DNA/RNA"), "\(acid.detail.en)")
    }
}

/// cb77-t (unseen record, 2026-12-05): a breast cancer's row "T12、L1椎体" (no level of its own),
/// mixed, collapse < 50 %, mechanical pain, unilateral posterolateral: SINS read 7–10 with its
/// location unknown, though T12 and L1 are both junctional (Fisher CG et al. Spine
/// 2010;35:E1221-9: T11–L1 junctional, 3). And its "浸润性小叶癌 HR+/HER2-" with anastrozole read
/// "hormone dependence read from the therapy given — ER and PR are not on record".
@Suite struct SeveralVertebraeOneLocationTests {
    @Test func theLevelsANoteNames() {
        #expect(VertebralLevel.levelsNamed(in: "T12、L1椎体").map(\.description) == ["T12", "L1"])
        #expect(VertebralLevel.levelsNamed(in: "胸11至腰1").map(\.description) == ["T11", "T12", "L1"])
        #expect(VertebralLevel.levelsNamed(in: "L3-5椎体").map(\.description) == ["L3", "L4", "L5"])
        #expect(VertebralLevel.levelsNamed(in: "T7、8、9").map(\.description) == ["T7", "T8", "T9"])
        #expect(VertebralLevel.levelsNamed(in: "T10-L2").map(\.description) == ["T10", "T11", "T12", "L1", "L2"])
        #expect(VertebralLevel.levelsNamed(in: "T12椎体，L1未见异常").map(\.description) == ["T12"])
        #expect(VertebralLevel.levelsNamed(in: "L4/5").isEmpty)
        #expect(VertebralLevel.levelsNamed(in: "L5-L3").isEmpty)
    }

    func sins(_ note: String) throws -> Finding {
        var r = baseCase()
        r.lesions = [Lesion(id: "TL", bone: .vertebra, note: note)]
        r.studies = [ct("C1", "2026-11-20", [observation("TL", .mixed) {
            $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .unilateral
        }])]
        r.pain = [PainRecord(date: day("2026-11-20"), lesion: "TL", sins: .mechanical)]
        return try #require(assess(r, asOf: day("2026-12-05")).findings.first { $0.subject == .lesion("TL") && $0.ruleId.hasPrefix("surgery.spine") })
    }

    /// 1 (mixed) + 3 (mechanical) + 0 + 2 (collapse < 50 %) + 1 (unilateral) = 7, and the location.
    @Test func sharedLocationsAreScored() throws {
        #expect(try sins("T12、L1椎体").title.en.contains("SINS 10,"))
        #expect(try sins("胸11至腰1").title.en.contains("SINS 10,"))
        #expect(try sins("T5、6椎体").title.en.contains("SINS 8,"), "semirigid T3–T10: 1")
    }

    @Test func differentLocationsStayOpen() throws {
        // Rule set 2026.12.313: between the locations named (`SINSLocationOfAnUnleveledRowTests`).
        #expect(try sins("T10-T12").title.en.contains("SINS 8–10,"), "T10 semirigid, T11–T12 junctional: the location stays open, 1–3")
    }

    @Test func hormoneReceptorsWrittenTogetherAreNotReadFromTheTherapy() throws {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .breast, histology: "浸润性小叶癌 HR+/HER2-", diagnosed: day("2019-08"))]
        r.treatments = [Treatment(id: "E1", kind: .systemic, name: "阿那曲唑", drugs: ["anastrozole"], systemicClass: .endocrine, start: day("2019-10-01"))]
        let katagiri = try #require(assess(r, asOf: day("2026-12-05")).rule("surgery.prognosis.katagiri").first)
        #expect(katagiri.detail.en.contains("primary lesion: breast (slow growth) → 0"))
        #expect(!katagiri.detail.en.contains("read from the therapy given"))
        r.primaries[0].histology = "浸润性小叶癌"
        let fromTherapy = try #require(assess(r, asOf: day("2026-12-05")).rule("surgery.prognosis.katagiri").first)
        #expect(fromTherapy.detail.en.contains("read from the therapy given"))
    }
}

/// cb77-s (unseen record, 2026-12-05): castration-resistant prostate cancer, denosumab stopped for
/// osteonecrosis of the jaw a fortnight before the ONJ event. The indication finding said "With
/// bone metastases: start (ESMO 2020) … Dental examination before starting" beside the ONJ
/// warning "starting or resuming one is decided with them". With ONJ holding the agent the
/// decision is taken with dental care (Yarom N et al. J Clin Oncol 2019;37:2270-90).
@Suite struct IndicationBesideOsteonecrosisTests {
    func record(onj: Bool) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(id: "B1", kind: .boneModifyingAgent, name: "denosumab", start: day("2023-01-12"), end: day("2026-05-01"), stopReason: .toxicity, agent: .denosumab, doseMg: 120, intervalWeeks: 4))
        r.events = onj ? [ClinicalEvent(date: day("2026-04-20"), kind: .osteonecrosisOfJaw)] : []
        // Two lesions, the skeleton surveyed: bone metastases, no solitary lesion awaiting tissue.
        r.lesions.append(Lesion(id: "IL", bone: .pelvis, laterality: .left))
        r.studies = [survey("B0", "2023-01-03", ["L1", "IL"]), ct("S1", "2023-01-05", [
            observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }, observation("IL", .lytic, [15, 12]) { $0.boneDestruction = true },
        ])]
        return r
    }

    @Test func theDecisionIsTakenWithDentalCare() throws {
        let a = assess(record(onj: true), asOf: day("2026-12-05"))
        let indication = try #require(a.rule("boneAgents.indication").first)
        #expect(indication.detail.en.hasSuffix("Osteonecrosis of the jaw is on record (2026-04-20): whether and when to start or resume is decided with the dentist or oral surgeon treating it. Decision: medical oncology."), "\(indication.detail.en)")
        #expect(!indication.detail.en.contains("Dental examination before starting"))
        #expect(indication.detail.zhHans.contains("需与诊治颌骨坏死的口腔科共同决定"))
    }

    @Test func withoutItTheExaminationComesFirst() throws {
        let indication = try #require(assess(record(onj: false), asOf: day("2026-12-05")).rule("boneAgents.indication").first)
        #expect(indication.detail.en.hasSuffix("Dental examination before starting. Decision: medical oncology."))
    }
}

/// cb77-y (unseen record, 2026-12-05): adjuvant tamoxifen stopped on 1 May 2025 for
/// "progression", the bone scan dated "2025-05" (month only) the first study, showing the
/// metastases. The scan was counted as taken while tamoxifen ran, and the stop read "progression
/// that its window does not show — check the evidence" (advisory). A month-dated study is within
/// the regimen only when the whole month is (the source hospital's window attribution).
@Suite struct MonthDatedStudyAtTheStopTests {
    func record(scan: String) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "PEL", bone: .pelvis, laterality: .left)]
        r.studies = [
            ImagingStudy(id: "B1", date: day(scan), modality: .boneScan, observations: [observation("PEL") { $0.uptake = true }]),
            ct("C1", "2025-05-20", [observation("PEL", .lytic, [30, 25]) { $0.boneDestruction = true }]),
        ]
        r.treatments = [
            Treatment(id: "E0", kind: .systemic, name: "他莫昔芬", drugs: ["tamoxifen"], systemicClass: .endocrine, start: day("2019-03-15"), end: day("2025-05-01"), stopReason: .progression),
            Treatment(id: "E1", kind: .systemic, name: "依西美坦", drugs: ["exemestane"], systemicClass: .endocrine, start: day("2025-05-25")),
        ]
        return r
    }

    @Test func aMonthDatedScanAtTheStopIsNotImagingWhileItRan() throws {
        let f = try #require(assess(record(scan: "2025-05"), asOf: day("2025-06-30")).rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(f.severity == .info)
        #expect(f.title.en.hasSuffix("was stopped for progression — no bone imaging while it ran"))
    }

    @Test func aScanDatedWithinItIs() throws {
        let f = try #require(assess(record(scan: "2025-04-20"), asOf: day("2025-06-30")).rule("boneHealth.attribution.unsupportedSwitch").first)
        #expect(f.severity == .advisory)
        #expect(f.title.en.hasSuffix("was stopped for progression that its window does not show"))
    }
}

/// cb77-ab (unseen record, 2026-12-05): a breast cancer on letrozole + ribociclib and zoledronic
/// acid every 4 weeks since June 2025, the EHR listing its last four doses (from August 2026); the
/// ilium partly filled in, pain-free. (1) The course counted from the first dose listed, three
/// months, so the year of monthly dosing (ZOOM, Amadori D et al. Lancet Oncol 2013;14:663-70;
/// CALGB 70604) was never reached. (2) The healing, pain-free ilium read "bone destruction —
/// orthopaedic oncology to judge" (advisory, impending-fractures worklist); the MDA criteria read
/// partial fill-in as response (Hamaoka T et al. J Clin Oncol 2004;22:2942-53).
@Suite struct LongCourseAndHealingPelvisTests {
    func record(bone: Bone = .pelvis, note: String? = nil, nrs: Int? = 0, fillIn: FillIn = .partial) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "IL", bone: bone, laterality: .left, note: note), Lesion(id: "T10", bone: .vertebra, level: VertebralLevel("T10"))]
        r.studies = [
            survey("B0", "2025-05-20", ["IL", "T10"]),
            ct("C0", "2025-05-22", [observation("IL", .lytic, [25, 20]) { $0.boneDestruction = true }, observation("T10", .lytic, [16, 14]) { $0.boneDestruction = true }]),
            ct("C1", "2026-09-08", [observation("IL", .blastic, [22, 18]) { $0.fillIn = fillIn }, observation("T10", .blastic, [15, 13]) { $0.fillIn = .partial }]),
        ]
        r.treatments = [
            Treatment(id: "A1", kind: .systemic, name: "letrozole + ribociclib", drugs: ["letrozole", "ribociclib"], systemicClass: .endocrine, start: day("2025-06-01")),
            Treatment(id: "B1", kind: .boneModifyingAgent, name: "zoledronic acid", start: day("2025-06-05"), agent: .zoledronicAcid, doseMg: 4, intervalWeeks: 4,
                      doses: ["2026-08-20", "2026-09-17", "2026-10-15", "2026-11-12"].map(day)),
        ]
        r.labs = [LabResult(date: day("2025-06-01"), test: .creatinine, value: 0.7, unit: "mg/dL"), LabResult(date: day("2026-11-10"), test: .creatinine, value: 0.8, unit: "mg/dL")]
        r.pain = nrs.map { [PainRecord(date: day("2026-09-08"), lesion: "IL", nrs: $0)] } ?? []
        return r
    }

    let asOf = day("2026-12-05")

    @Test func theCourseCountsFromItsStart() throws {
        let f = try #require(assess(record(), asOf: asOf).rule("boneAgents.zoledronic.longTerm").first)
        #expect(f.detail.en.hasPrefix("Given since 2025-06-05;"))
    }

    @Test func aHealingPainFreeIliumWaitsOnNothing() throws {
        let f = try #require(assess(record(), asOf: asOf).rule("surgery.pelvis.noValidatedScore").first)
        #expect(f.severity == .info)
        #expect(f.title.en == "left pelvis: healing and pain-free — no decision waits on it now")
        #expect(f.title.zhHans == "左骨盆：正在愈合且无疼痛——目前无需处理")
        #expect(f.detail.en.hasPrefix("The CT of 2026-09-08 shows partial sclerotic fill-in, a response by the MDA criteria, and it is pain-free (NRS 0, 2026-09-08)"))
    }

    /// Painful, pain not recorded, or the acetabulum (the hip's load): orthopaedic oncology judges.
    @Test func otherwiseOrthopaedicOncologyJudges() throws {
        for r in [record(nrs: 4), record(nrs: nil), record(bone: .acetabulum)] {
            let f = try #require(assess(r, asOf: asOf).rule("surgery.pelvis.noValidatedScore").first)
            #expect(f.severity == .advisory, "\(f.title.en)")
        }
    }
}

/// cb62-g (unseen record, re-read 2026-12-05): monthly zoledronic acid for over a year in a
/// castration-resistant prostate cancer whose only bone time point, an MRI without sizes, is not
/// evaluable: "bone disease not progressing (latest bone response not evaluable)" claimed what
/// the imaging does not show. A not-evaluable point says nothing of progression (MDA, Hamaoka 2004).
@Suite struct LongCourseUnevaluableTests {
    @Test func notEvaluableIsNotStable() throws {
        var r = LongCourseAndHealingPelvisTests().record()
        r.studies = [
            ImagingStudy(id: "M0", date: day("2025-05-22"), modality: .mri, coverage: [.pelvis], observations: [observation("IL") { $0.boneDestruction = true }]),
            ImagingStudy(id: "M1", date: day("2026-09-08"), modality: .mri, coverage: [.pelvis], observations: [observation("IL") { $0.boneDestruction = true }]),
        ]
        let f = try #require(assess(r, asOf: day("2026-12-05")).rule("boneAgents.zoledronic.longTerm").first)
        #expect(f.detail.en.contains("no evaluable bone response on record (MRI of 2026-09-08: not evaluable) — whether the bone disease is stable is not known from the imaging"), "\(f.detail.en)")
        #expect(!f.detail.en.contains("not progressing"))
    }
}

/// cb57-f (unseen record, re-read 2026-12-05): castration-sensitive prostate cancer on monthly
/// zoledronic acid since May 2024 — "not indicated for SRE prevention" (CALGB 90202, STAMPEDE)
/// beside "every 12 weeks is an option" (CALGB 70604), which offered to go on with it.
@Suite struct LongCourseNotIndicatedTests {
    @Test func noLongerIntervalForACourseNotIndicated() throws {
        var r = LongCourseAndHealingPelvisTests().record()
        r.primaries = [PrimaryCancer(id: "P1", site: .prostate, histology: "前列腺腺癌 mHSPC", diagnosed: day("2025-05"))]
        let a = assess(r, asOf: day("2026-12-05"))
        #expect(try #require(a.rule("boneAgents.choice").first).severity == .warning)
        #expect(!a.has("boneAgents.zoledronic.longTerm"))
        r.primaries[0].histology = "前列腺腺癌 mCRPC"
        #expect(assess(r, asOf: day("2026-12-05")).has("boneAgents.zoledronic.longTerm"))
    }
}

/// cb77-ad (unseen record, 2026-12-05): hypercalcaemia treated with zoledronic acid 4 mg on
/// 15 November; the calcium of 25 November, ten days after, still 12.3 mg/dL corrected. The finding
/// read "Recheck calcium: still above normal 7 days or more after the dose, retreat …" as if that
/// calcium were still to come. The Zometa label allows retreatment after at least 7 days when
/// calcium has not returned to normal; denosumab for hypercalcaemia refractory to a
/// bisphosphonate (Stewart AF. N Engl J Med 2005;352:373-9).
@Suite struct HypercalcaemiaStillHighTests {
    func record(recheck: String) -> CaseRecord {
        var r = baseCase()
        r.events = [ClinicalEvent(date: day("2026-11-14"), kind: .hypercalcaemia)]
        r.treatments.append(Treatment(id: "Z", kind: .boneModifyingAgent, name: "zoledronic acid", start: day("2026-11-15"), agent: .zoledronicAcid, doseMg: 4, doses: [day("2026-11-15")]))
        r.labs = [
            LabResult(date: day("2026-11-14"), test: .creatinine, value: 1.1, unit: "mg/dL"),
            LabResult(date: day("2026-11-14"), test: .calcium, value: 3.4, unit: "mmol/L", upperLimit: 2.6),
            LabResult(date: day("2026-11-14"), test: .albumin, value: 33, unit: "g/L"),
            LabResult(date: day(recheck), test: .calcium, value: 2.9, unit: "mmol/L", upperLimit: 2.6),
            LabResult(date: day(recheck), test: .albumin, value: 32, unit: "g/L"),
        ]
        return r
    }

    @Test func stillHighAfterSevenDaysSaysSo() throws {
        let f = try #require(assess(record(recheck: "2026-11-25"), asOf: day("2026-12-05")).rule("labs.hypercalcaemia").first)
        #expect(f.detail.en.contains("Still above normal 10 days after the dose: the label allows retreatment (zoledronic acid 4 mg), or give denosumab"), "\(f.detail.en)")
        #expect(f.detail.zhHans.contains("用药后 10 天仍高于正常"))
        #expect(!f.detail.en.contains("Recheck calcium"))
    }

    /// Measured before the 7 days had passed: the recheck is still to come.
    @Test func highBeforeSevenDaysAsksForTheRecheck() throws {
        let f = try #require(assess(record(recheck: "2026-11-19"), asOf: day("2026-12-05")).rule("labs.hypercalcaemia").first)
        #expect(f.detail.en.contains("Recheck calcium: still above normal 7 days or more after the dose"), "\(f.detail.en)")
    }
}

/// cb77-aj (unseen record, 2026-12-05): a lung cancer's acrometastases, "右手中指远节指骨" and
/// "左跟骨", named "right hand" and "left foot" in every finding — the hand and foot hold many
/// bones, and the biopsy advised did not say which.
@Suite struct HandAndFootNamedByTheirNoteTests {
    @Test func theNoteNamesTheBone() {
        let finger = Lesion(id: "F", bone: .hand, laterality: .right, note: "右手中指远节指骨")
        #expect(finger.label.en == "right hand (右手中指远节指骨)")
        #expect(finger.label.zhHans == "右手骨（右手中指远节指骨）")
        #expect(Lesion(id: "C", bone: .foot, laterality: .left, note: "左跟骨").label.en == "left foot (左跟骨)")
        #expect(Lesion(id: "C", bone: .foot, laterality: .left).label.en == "left foot")
    }
}
