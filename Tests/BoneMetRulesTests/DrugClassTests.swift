import BoneMetRules
import Testing

/// Rule set 2026.12.37: a regimen's class read from the drugs a record names (WHO ATC classes;
/// Katagiri H et al. Cancer Med 2014;3:1359-67 scores previous chemotherapy and lung cancer on
/// molecular targeted therapy). A Chinese record says "奥希替尼", an EHR "Osimertinib 80 MG Oral
/// Tablet" — with no `systemicClass`, New Katagiri scored lung cancer 2–3 ("targeted therapy?")
/// and previous chemotherapy 0–1 however plain the drugs were.
@Suite struct DrugClassTests {
    func classes(_ drugs: [String], name: String? = nil) -> DrugClasses.Reading {
        DrugClasses.reading(Treatment(id: "T", kind: .systemic, name: name, drugs: drugs))
    }

    @Test func drugsAreReadByTheirClass() {
        #expect(classes(["奥希替尼 80mg qd"]).classes == [.targeted])
        #expect(classes(["Osimertinib 80 MG Oral Tablet [Tagrisso]"]).classes == [.targeted])
        #expect(classes(["cisplatin", "pemetrexed"]) == DrugClasses.Reading(classes: [.chemotherapy], complete: true, recorded: false))
        #expect(classes(["卡铂+培美曲塞+帕博利珠单抗"]) == DrugClasses.Reading(classes: [.chemotherapy, .immunotherapy], complete: true, recorded: false))
        #expect(classes([], name: "来曲唑联合哌柏西利") == DrugClasses.Reading(classes: [.endocrine, .targeted], complete: true, recorded: false))
        #expect(classes(["nab-paclitaxel"]).classes == [.chemotherapy])
        #expect(classes(["白蛋白紫杉醇"]).classes == [.chemotherapy])
        #expect(classes(["ADT (goserelin)"]).classes == [.endocrine])
        #expect(classes(["德曲妥珠单抗"]).classes == [.targeted])
        #expect(classes([], name: "一线化疗").classes == [.chemotherapy])
        // Tegafur and brigatinib hold 加 in their Chinese names: it is not read as "and".
        #expect(classes(["替加氟"]).classes == [.chemotherapy])
        #expect(classes(["布加替尼"]).classes == [.targeted])
        // Rule set 2026.12.55: chemotherapy regimens by their acronyms — a rectal cancer's
        // "FOLFOX + 贝伐珠单抗" read as targeted only, and Katagiri's previous chemotherapy "unknown".
        #expect(classes(["FOLFOX", "贝伐珠单抗"]) == DrugClasses.Reading(classes: [.chemotherapy, .targeted], complete: true, recorded: false))
        #expect(classes([], name: "TP方案").classes == [.chemotherapy])
        #expect(classes(["mFOLFOX6"]).classes == [.chemotherapy] && classes(["XELOX"]).classes == [.chemotherapy])
        #expect(classes(["AC-T"]).classes == [.chemotherapy])
        // Only as whole words: "tp" inside another word is nothing.
        #expect(classes(["stop"]).classes.isEmpty && classes(["captopril"]).classes.isEmpty)
    }

    /// cb19-g (unseen record, 2026-12-03): a myeloma on daratumumab, bortezomib, lenalidomide and
    /// dexamethasone read New Katagiri's "previous chemotherapy" as 0–1 — none of the drugs was
    /// known. Proteasome inhibitors and the antibodies (ATC L01XG, L01FC) are targeted, the
    /// immunomodulatory drugs (L04AX) immunotherapy, dexamethasone supportive: no cytotoxic
    /// chemotherapy (0); melphalan is one (1).
    @Test func myelomaRegimensAreRead() throws {
        #expect(classes(["daratumumab", "bortezomib", "lenalidomide", "dexamethasone"])
            == DrugClasses.Reading(classes: [.targeted, .immunotherapy], complete: true, recorded: false))
        #expect(classes([], name: "硼替佐米+来那度胺+地塞米松") == DrugClasses.Reading(classes: [.targeted, .immunotherapy], complete: true, recorded: false))
        #expect(classes(["melphalan", "prednisone", "bortezomib"]).classes == [.chemotherapy, .targeted])
        func katagiriChemo(_ name: String) throws -> Int? {
            var r = baseCase()
            r.primaries = [PrimaryCancer(id: "MM", site: .myeloma, diagnosed: day("2022-06"))]
            r.treatments = [Treatment(id: "T1", kind: .systemic, name: name, start: day("2023-01-10"))]
            return assess(r, asOf: day("2023-06-01")).katagiri?.components.first { $0.key == "previousChemotherapy" }?.points
        }
        #expect(try katagiriChemo("daratumumab + bortezomib + lenalidomide + dexamethasone") == 0)
        #expect(try katagiriChemo("melphalan + prednisone + bortezomib") == 1)
    }

    @Test func onlyWholeNamesAndPlainStatementsCount() {
        // A Latin name inside another word is not the drug; a text saying the class is absent is
        // not read as it.
        #expect(classes(["gadtolinium"]).classes.isEmpty)
        #expect(classes(["chemotherapy-free regimen"]).classes.isEmpty)
        #expect(classes([], name: "拒绝化疗").classes.isEmpty)
        // A drug of no class here (selinexor) leaves the regimen incomplete: "no chemotherapy"
        // cannot be said of it.
        let mixed = classes(["letrozole", "selinexor"])
        #expect(mixed.classes == [.endocrine])
        #expect(!mixed.complete)
        // Therapeutic radiopharmaceuticals (ATC V10X) are "other" (rule set 2026.12.57): a thyroid
        // cancer's radioiodine is no chemotherapy, and says so.
        let radioiodine = classes(["radioactive iodine I-131 150 mCi"])
        #expect(radioiodine.classes == [.other] && radioiodine.complete)
        #expect(classes(["letrozole", "radium-223"]) == DrugClasses.Reading(classes: [.endocrine, .other], complete: true, recorded: false))
        #expect(classes([], name: "放射性碘治疗").classes == [.other])
        // Rule set 2026.12.85 (cb17-u): the levothyroxine of TSH suppression (H03AA) is no
        // antineoplastic class either — a follicular thyroid cancer on "131I治疗" and
        // "左甲状腺素钠（TSH抑制）" scored New Katagiri's previous chemotherapy 0–1.
        #expect(classes([], name: "左甲状腺素钠（TSH抑制）") == DrugClasses.Reading(classes: [.other], complete: true, recorded: false))
        #expect(classes(["levothyroxine"]).classes == [.other])
        #expect(!classes(["selinexor", "dexamethasone"]).complete)
        #expect(!classes([]).complete)
        // A recorded class stands, and the drugs add what they are (rule set 2026.12.56): a
        // record holds one class per regimen, a regimen may be several.
        let recorded = DrugClasses.reading(Treatment(id: "T", kind: .systemic, drugs: ["cisplatin"], systemicClass: .other))
        #expect(recorded == DrugClasses.Reading(classes: [.other, .chemotherapy], complete: true, recorded: true, beyondRecorded: [.chemotherapy]))
        let plain = DrugClasses.reading(Treatment(id: "T", kind: .systemic, drugs: ["osimertinib"], systemicClass: .targeted))
        #expect(plain == DrugClasses.Reading(classes: [.targeted], complete: true, recorded: true))
    }

    /// Rule set 2026.12.56: a lung squamous carcinoma on pembrolizumab + carboplatin + paclitaxel
    /// recorded as "immunotherapy" scored New Katagiri's previous chemotherapy 0 (Katagiri 2014
    /// counts previous chemotherapy 1): carboplatin and paclitaxel are cytotoxics (ATC L01A, L01C)
    /// whatever class the regimen was filed under. Bevacizumab beside a regimen recorded as
    /// chemotherapy does not make lung cancer "on targeted therapy".
    @Test func aRecordedClassDoesNotHideTheChemotherapyInTheRegimen() throws {
        let chemoImmuno = assess(lungRecord([
            Treatment(id: "T1", kind: .systemic, name: "pembrolizumab + carboplatin + paclitaxel", drugs: ["pembrolizumab", "carboplatin", "paclitaxel"],
                systemicClass: .immunotherapy, start: day("2022-07-01"))
        ]), asOf: day("2023-01-06"))
        #expect(chemoImmuno.katagiri?.components.first { $0.key == "previousChemotherapy" }?.points == 1)
        let finding = try #require(chemoImmuno.rule("surgery.prognosis.katagiri").first)
        // Said beside the class recorded, not as if it were overruled (rule set 2026.12.241, cb61-d).
        #expect(finding.detail.en.contains("pembrolizumab + carboplatin + paclitaxel: recorded as immunotherapy, its drugs add chemotherapy"))
        #expect(finding.detail.zhHans.contains("记录为免疫治疗，按药物另含化疗"))
        // Recorded as immunotherapy, nothing else in it: no chemotherapy.
        let immunoOnly = assess(lungRecord([
            Treatment(id: "T1", kind: .systemic, drugs: ["pembrolizumab"], systemicClass: .immunotherapy, start: day("2022-07-01"))
        ]), asOf: day("2023-01-06"))
        #expect(immunoOnly.katagiri?.components.first { $0.key == "previousChemotherapy" }?.points == 0)
        let withBevacizumab = assess(lungRecord([
            Treatment(id: "T1", kind: .systemic, drugs: ["carboplatin", "pemetrexed", "bevacizumab"], systemicClass: .chemotherapy, start: day("2022-07-01"))
        ]), asOf: day("2023-01-06"))
        #expect(withBevacizumab.katagiri?.components.first { $0.key == "primaryGrowth" }?.points == 3)
    }

    /// An EGFR-mutant lung adenocarcinoma on "奥希替尼" after "顺铂+培美曲塞", neither classed.
    func lungRecord(_ regimens: [Treatment]) -> CaseRecord {
        var r = baseCase()
        r.primaries = [PrimaryCancer(id: "P1", site: .lung, histology: "adenocarcinoma", diagnosed: day("2022-06"))]
        r.lesions = [Lesion(id: "L1", bone: .femur, segment: .diaphysis, laterality: .left), Lesion(id: "L2", bone: .pelvis, laterality: .left)]
        r.studies = [
            ct("S1", "2023-01-05", [observation("L1", .lytic, [20, 20]) { $0.boneDestruction = true }, observation("L2", .lytic, [15, 15]) { $0.boneDestruction = true }]),
        ]
        r.treatments = regimens
        return r
    }

    @Test func newKatagiriScoresWhatTheDrugsAre() throws {
        let record = lungRecord([
            Treatment(id: "T1", kind: .systemic, drugs: ["顺铂", "培美曲塞"], start: day("2022-07-01"), end: day("2022-12-01")),
            Treatment(id: "T2", kind: .systemic, drugs: ["奥希替尼"], start: day("2022-12-10")),
        ])
        let a = assess(record, asOf: day("2023-01-06"))
        let katagiri = try #require(a.katagiri)
        let primary = try #require(katagiri.components.first { $0.key == "primaryGrowth" })
        #expect(primary.points == 2)
        #expect(katagiri.components.first { $0.key == "previousChemotherapy" }?.points == 1)
        let finding = try #require(a.rule("surgery.prognosis.katagiri").first)
        #expect(finding.detail.en.contains("Class of systemic therapy read from the drugs named (WHO ATC classes): 顺铂 + 培美曲塞: chemotherapy; 奥希替尼: targeted therapy."))
        #expect(finding.detail.zhHans.contains("顺铂 + 培美曲塞：化疗；奥希替尼：靶向治疗"))

        // Targeted therapy alone: no chemotherapy, said only because every drug has a class.
        let targetedOnly = assess(lungRecord([Treatment(id: "T2", kind: .systemic, drugs: ["osimertinib"], start: day("2022-12-10"))]), asOf: day("2023-01-06"))
        #expect(targetedOnly.katagiri?.components.first { $0.key == "previousChemotherapy" }?.points == 0)
        // Every drug known and none targeted: lung cancer not on targeted therapy — rapid (3).
        let chemoOnly = assess(lungRecord([Treatment(id: "T1", kind: .systemic, drugs: ["依托泊苷", "卡铂", "阿替利珠单抗"], start: day("2022-12-10"))]), asOf: day("2023-01-06"))
        #expect(chemoOnly.katagiri?.components.first { $0.key == "primaryGrowth" }?.points == 3)
        #expect(assess(lungRecord([]), asOf: day("2023-01-06")).katagiri?.components.first { $0.key == "primaryGrowth" }?.points == nil)
        // A drug of no known class keeps the item open, as before.
        let unknown = assess(lungRecord([Treatment(id: "T2", kind: .systemic, drugs: ["osimertinib", "study drug XY-12"], start: day("2022-12-10"))]), asOf: day("2023-01-06"))
        #expect(unknown.katagiri?.components.first { $0.key == "previousChemotherapy" }?.points == nil)
        // A recorded class is not re-read and not announced.
        let recorded = assess(lungRecord([Treatment(id: "T2", kind: .systemic, drugs: ["osimertinib"], systemicClass: .targeted, start: day("2022-12-10"))]), asOf: day("2023-01-06"))
        #expect(try #require(recorded.rule("surgery.prognosis.katagiri").first).detail.en.contains("read from the drugs") == false)
    }
}

extension DrugClassTests {
    /// cb20-m (2026-12-03): drug names of Chinese practice not read — antibody–drug conjugates
    /// (T-DM1, 戈沙妥珠单抗), trifluridine/tipiracil, chidamide, octreotide — left New Katagiri's
    /// "previous chemotherapy" open. Classed by WHO ATC: ADCs with their antibody (L01FD, L01FX),
    /// somatostatin analogues outside L01/L02 (H01CB).
    @Test func conjugatesAndOtherDrugsOfChinesePracticeAreRead() {
        #expect(classes([], name: "T-DM1").classes == [.targeted])
        #expect(classes(["trastuzumab emtansine"]) == DrugClasses.Reading(classes: [.targeted], complete: true, recorded: false))
        #expect(classes([], name: "戈沙妥珠单抗").classes == [.targeted])
        #expect(classes([], name: "德曲妥珠单抗").classes == [.targeted])
        #expect(classes([], name: "曲氟尿苷替匹嘧啶+贝伐珠单抗").classes == [.chemotherapy, .targeted])
        #expect(classes([], name: "西达本胺+依西美坦").classes == [.endocrine, .targeted])
        let octreotide = classes([], name: "奥曲肽 LAR 30mg q4w")
        #expect(octreotide.classes == [.other] && octreotide.complete)
    }

    /// Lymphoma regimens by their acronyms (cb21-l: a DLBCL's "R-CHOP" was read as no class):
    /// the cytotoxic backbone as chemotherapy, the R as rituximab.
    @Test func lymphomaRegimensAreRead() {
        #expect(classes([], name: "R-CHOP").classes == [.chemotherapy, .targeted])
        #expect(classes([], name: "R-CHOP方案 第3周期").classes == [.chemotherapy, .targeted])
        #expect(classes([], name: "CHOP").classes == [.chemotherapy])
        #expect(classes([], name: "DA-EPOCH-R").classes == [.chemotherapy])
        #expect(classes([], name: "ABVD").classes == [.chemotherapy])
        #expect(classes([], name: "hyper-CVAD").classes == [.chemotherapy])
        #expect(classes([], name: "R-DHAP").classes == [.chemotherapy, .targeted])
    }

    /// HER2 breast regimens by their acronyms (cb28-e: "TCbHP 6周期" was read as no class, leaving
    /// New Katagiri's "previous chemotherapy" open): the taxane and platinum as chemotherapy,
    /// trastuzumab (H) and pertuzumab (P) as targeted.
    @Test func her2BreastRegimensAreRead() {
        #expect(classes([], name: "TCbHP 6周期").classes == [.chemotherapy, .targeted])
        #expect(classes([], name: "TCH方案").classes == [.chemotherapy, .targeted])
        #expect(classes([], name: "AC-THP").classes == [.chemotherapy, .targeted])
        #expect(classes([], name: "EC-T").classes == [.chemotherapy])
        #expect(classes([], name: "TCbHP").complete)
        // "Tx" (treatment) is not a regimen.
        #expect(classes([], name: "ADT tx").classes == [.endocrine])
    }
}
