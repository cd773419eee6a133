import BoneMetRules
import Testing

/// Reference cases for issue #8, "consistency within one assessment", "several primaries and
/// histology": each pinned on both sides, with the source of the rule.

@Suite struct PCWG3ConsistencyTests {
    /// Scher 2016 (PCWG3): on a prostate bone scan the MDA time point never calls progression
    /// that the 2+2 rule does not.
    func prostate(firstScanNew: Int, confirmationNew: Int? = nil) -> CaseRecord {
        var lesions = [Lesion(id: "L1", bone: .pelvis)]
        var first = [observation("L1") { $0.uptake = true }]
        for n in 0..<firstScanNew {
            lesions.append(Lesion(id: "N\(n)", bone: .rib))
            first.append(observation("N\(n)") { $0.uptake = true })
        }
        var studies = [
            ct("C1", "2023-01-02", [observation("L1", .blastic, [20, 20]) { $0.boneDestruction = true }]),
            study("B0", "2023-01-03", .boneScan, [observation("L1") { $0.uptake = true }]),
            study("B1", "2023-03-20", .boneScan, first),
        ]
        if let more = confirmationNew {
            var confirmation = first
            for n in 0..<more {
                lesions.append(Lesion(id: "M\(n)", bone: .skull))
                confirmation.append(observation("M\(n)") { $0.uptake = true })
            }
            studies.append(study("B2", "2023-05-10", .boneScan, confirmation))
        }
        return CaseRecord(
            patient: Patient(id: "p", sex: .male, birthDate: day("1950-01-01")),
            primaries: [PrimaryCancer(id: "P1", site: .prostate, castrationResistant: true)], lesions: lesions, studies: studies,
            treatments: [Treatment(id: "T1", kind: .systemic, name: "enzalutamide", systemicClass: .endocrine, start: day("2023-01-10"))])
    }

    func point(_ a: Assessment, _ study: String) -> TimePointResponse? { a.timePoints.first { $0.study == study } }

    @Test func oneNewLesionIsNotProgression() throws {
        let a = assess(prostate(firstScanNew: 1), asOf: day("2023-04-01"))
        #expect(point(a, "B1")?.overall != .progressiveDisease)
        #expect(a.rule("boneHealth.pcwg3.firstScan").first?.title.en.contains("not progression by PCWG3") == true)
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func twoNewLesionsAwaitConfirmation() throws {
        let a = assess(prostate(firstScanNew: 2), asOf: day("2023-04-01"))
        #expect(point(a, "B1")?.overall != .progressiveDisease)
        #expect(a.rule("boneHealth.pcwg3.firstScan").first?.title.en.contains("Not progression yet") == true)
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func twoMoreOnTheConfirmatoryScanIsProgressionDatedToTheFirst() throws {
        let a = assess(prostate(firstScanNew: 2, confirmationNew: 2), asOf: day("2023-06-01"))
        #expect(point(a, "B1")?.overall == .progressiveDisease)
        #expect(a.rule("boneHealth.pcwg3.firstScan").first?.severity == .warning)
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func fewerThanTwoMoreWasFlare() throws {
        let a = assess(prostate(firstScanNew: 2, confirmationNew: 1), asOf: day("2023-06-01"))
        #expect(point(a, "B1")?.overall != .progressiveDisease)
        #expect(a.rule("boneHealth.pcwg3.firstScan").first?.title.en.contains("flare") == true)
    }
}

@Suite struct BiopsyBeforeFixationTests {
    /// Reference.md: never nail an undiagnosed solitary lesion. The fixation finding itself says
    /// "biopsy first", at the same urgency.
    func femur(biopsied: Bool, primaries: [PrimaryCancer] = []) -> CaseRecord {
        CaseRecord(
            patient: Patient(id: "f", sex: .female, birthDate: day("1958-01-01")), primaries: primaries,
            lesions: [Lesion(id: "L1", bone: .femur, segment: .peritrochanteric, laterality: .left)],
            studies: [study("X1", "2023-05-01", .xray, [observation("L1", .lytic) { $0.fractionOfDiameter = 0.7; $0.boneDestruction = true }])],
            pain: [PainRecord(date: day("2023-05-01"), lesion: "L1", mirels: .functional)],
            biopsies: biopsied ? [Biopsy(lesion: "L1", date: day("2023-05-03"), result: .metastasis, histology: "breast carcinoma")] : [])
    }

    @Test func anUndiagnosedSolitaryLesionIsBiopsiedBeforeFixation() throws {
        let a = assess(femur(biopsied: false), asOf: day("2023-05-10"))
        let fix = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(fix.severity == .urgent)
        #expect(fix.title.en.contains("biopsy first"))
        #expect(fix.title.zhHans.contains("先活检"))
        #expect(fix.detail.en.contains("frozen section"))
        #expect(fix.claims.contains(Claim(.fixation, about: "L1", "biopsyFirst")))
        #expect(Claim.contradictions(in: a.findings).isEmpty)
    }

    @Test func aDiagnosedLesionIsFixed() throws {
        let a = assess(femur(biopsied: true, primaries: [PrimaryCancer(id: "P1", site: .breast, diagnosed: day("2022-01"))]), asOf: day("2023-05-10"))
        let fix = try #require(a.rule("surgery.mirels.impendingFracture").first)
        #expect(!fix.title.en.contains("biopsy first"))
        #expect(fix.claims == [Claim(.fixation, about: "L1", "fixNow")])
    }

    @Test func hypervascularPrimaryRemindsOfEmbolisation() throws {
        var record = femur(biopsied: true, primaries: [PrimaryCancer(id: "P1", site: .kidney, histologyType: .renalCellCarcinoma, diagnosed: day("2022-01"))])
        record.lesions[0].primary = "P1"
        let fix = try #require(assess(record, asOf: day("2023-05-10")).rule("surgery.mirels.impendingFracture").first)
        #expect(fix.detail.en.contains("embolisation"))
        #expect(fix.sources.contains { $0.id == "pazionis2014" })
        let breast = try #require(assess(femur(biopsied: true, primaries: [PrimaryCancer(id: "P1", site: .breast)]), asOf: day("2023-05-10")).rule("surgery.mirels.impendingFracture").first)
        #expect(!breast.detail.en.contains("embolisation"))
    }
}

@Suite struct SeveralPrimariesTests {
    /// A lesion names its primary; when it does not and two are plausible, every score that
    /// depends on the primary shows the range, and biopsy is indicated — never the first silently.
    func record(lesionPrimary: String?) -> CaseRecord {
        CaseRecord(
            patient: Patient(id: "two", sex: .female, birthDate: day("1955-01-01")),
            primaries: [
                PrimaryCancer(id: "B", site: .breast, er: .positive, diagnosed: day("2021-01"), hormoneDependent: true),
                PrimaryCancer(id: "L", site: .lung, histologyType: .adenocarcinoma, diagnosed: day("2022-06"), targetedTherapy: false),
            ],
            lesions: [Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("T10"), primary: lesionPrimary), Lesion(id: "R1", bone: .rib, primary: lesionPrimary)],
            studies: [survey("B0", "2023-01-04", ["V1", "R1"]), ct("S1", "2023-01-05", [
                observation("V1", .lytic, [20, 20]) { $0.boneDestruction = true; $0.escc = .g0; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
                observation("R1", .lytic, [10, 10]) { $0.boneDestruction = true },
            ])],
            performance: [PerformanceStatus(date: day("2023-01-05"), ecog: 1, kps: 80)],
            neurology: [NeurologyRecord(date: day("2023-01-05"), status: .intact)],
            visceralMetastases: [])
    }

    @Test func undecidedPrimaryGivesRangesAndBiopsy() throws {
        let a = assess(record(lesionPrimary: nil), asOf: day("2023-02-01"))
        let tokuhashi = try #require(a.tokuhashi)
        // Breast 5 points, lung 0: the total is a range, not either silently.
        #expect(tokuhashi.total.max - tokuhashi.total.min == 5)
        let finding = try #require(a.rule("surgery.prognosis.tokuhashi").first)
        #expect(finding.detail.en.contains("Depends on which primary"))
        #expect(a.rule("diagnosis.biopsy.indicated").contains { $0.detail.en.contains("more than one candidate primary") })
        let noms = try #require(a.rule("surgery.spine.noms").first)
        #expect(noms.detail.en.contains("depends on the primary"))
    }

    @Test func aNamedPrimaryDecides() throws {
        let a = assess(record(lesionPrimary: "L"), asOf: day("2023-02-01"))
        #expect(a.tokuhashi?.total.score != nil)
        #expect(a.tokuhashi?.components.first { $0.key == "primary" }?.value == "lung")
        #expect(!a.rule("diagnosis.biopsy.indicated").contains { $0.detail.en.contains("more than one candidate primary") })
        #expect(a.rule("surgery.spine.noms").first?.detail.en.contains("radioresistant") == true)
    }
}

@Suite struct HistologyTests {
    /// Reference.md, histology and radiosensitivity (Laufer 2013): NOMS "O" from the histology.
    func primary(_ site: PrimarySite, _ type: HistologyType? = nil, text: String? = nil) -> PrimaryCancer {
        PrimaryCancer(id: "P", site: site, histology: text, histologyType: type)
    }

    @Test func radiosensitivityFromHistologyNotOrgan() {
        #expect(primary(.lung, .smallCellCarcinoma).radiosensitivity == .sensitive)
        #expect(primary(.lung, .nonSmallCellCarcinoma).radiosensitivity == .resistant)
        #expect(primary(.lung).radiosensitivity == .unknown)
        #expect(primary(.lung, text: "小细胞肺癌").radiosensitivity == .sensitive)
        #expect(primary(.lung, text: "non-small cell lung carcinoma").radiosensitivity == .resistant)
        #expect(primary(.lung, text: "非小细胞肺癌（腺癌）").radiosensitivity == .resistant)
        #expect(primary(.other, .seminoma).radiosensitivity == .sensitive)
        #expect(primary(.other, .plasmacytoma).radiosensitivity == .sensitive)
        #expect(primary(.breast).radiosensitivity == .sensitive)
        #expect(primary(.kidney).radiosensitivity == .resistant)
        #expect(primary(.stomach).radiosensitivity == .unknown)
        // Lung adenocarcinoma / squamous carcinoma are NSCLC; the same histology elsewhere
        // defers to the organ (reference.md, radiosensitivity by histology then organ).
        #expect(primary(.lung, .adenocarcinoma).radiosensitivity == .resistant)
        #expect(primary(.lung, .squamousCellCarcinoma).radiosensitivity == .resistant)
        #expect(primary(.breast, .adenocarcinoma).radiosensitivity == .sensitive)
        #expect(primary(.prostate, .adenocarcinoma).radiosensitivity == .sensitive)
        #expect(primary(.colon, .adenocarcinoma).radiosensitivity == .resistant)
        #expect(primary(.esophagus, .squamousCellCarcinoma).radiosensitivity == .unknown)
    }

    @Test func hypervascular() {
        #expect(primary(.kidney).isHypervascular)
        #expect(primary(.thyroid).isHypervascular)
        #expect(primary(.liver, .hepatocellularCarcinoma).isHypervascular)
        #expect(primary(.myeloma).isHypervascular)
        #expect(!primary(.breast).isHypervascular)
    }

    func spine(_ primary: PrimaryCancer, radiotherapy: Treatment? = nil) -> Finding? {
        var r = CaseRecord(
            patient: Patient(id: "s", sex: .male, birthDate: day("1960-01-01")), primaries: [primary],
            lesions: [Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("T6")), Lesion(id: "V2", bone: .vertebra, level: VertebralLevel("T9"))],
            studies: [study("M1", "2023-01-05", .mri, [
                observation("V1", .blastic, [15, 15]) { $0.escc = .g1a; $0.collapse = SINS.Collapse.none; $0.alignment = .normal; $0.posterolateral = SINS.Posterolateral.none },
                observation("V2", .blastic, [15, 15]),
            ])],
            pain: [PainRecord(date: day("2023-01-05"), lesion: "V1", sins: SINS.Pain.none)])
        if let radiotherapy { r.treatments.append(radiotherapy) }
        return assess(r, asOf: day("2023-02-01")).findings.first { $0.ruleId == "surgery.spine.noms" && $0.subject == .lesion("V1") }
    }

    @Test func nomsUsesHistology() {
        #expect(spine(primary(.lung, .smallCellCarcinoma))?.detail.en.contains("conventional radiotherapy") == true)
        #expect(spine(primary(.lung, .nonSmallCellCarcinoma))?.detail.en.contains("stereotactic radiosurgery") == true)
        #expect(spine(primary(.lung))?.detail.en.contains("depends on the histology") == true)
    }

    @Test func alreadyIrradiatedIsAReirradiationDecision() throws {
        let rt = Treatment(id: "RT", kind: .radiotherapy, lesions: ["V1"], start: day("2022-06-01"), end: day("2022-06-01"), doseGy: 8, fractions: 1)
        let finding = try #require(spine(primary(.prostate), radiotherapy: rt))
        #expect(finding.detail.en.contains("re-irradiation"))
        #expect(finding.detail.en.contains("cumulative 8.0 Gy"))
        #expect(finding.detail.zhHans.contains("再程放疗"))
        #expect(spine(primary(.prostate))?.detail.en.contains("re-irradiation") == false)
    }

    @Test func escc1cCarriesItsDebatedNote() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("T6")), Lesion(id: "V2", bone: .vertebra, level: VertebralLevel("T9"))]
        r.studies = [study("M1", "2023-01-05", .mri, [observation("V1", .lytic, [15, 15]) { $0.escc = .g1c }, observation("V2", .lytic)])]
        let finding = try #require(assess(r, asOf: day("2023-02-01")).findings.first { $0.ruleId == "surgery.spine.noms" && $0.subject == .lesion("V1") })
        #expect(finding.detail.en.contains("1c: debated"))
        #expect(finding.detail.zhHans.contains("争议"))
    }

    @Test func deficitGivesTimeTargetAndSteroids() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V1", bone: .vertebra, level: VertebralLevel("L4")), Lesion(id: "V2", bone: .pelvis)]
        r.studies = [study("M1", "2023-01-05", .mri, [observation("V1", .lytic, [30, 25]) { $0.escc = .g3 }, observation("V2", .lytic)])]
        r.neurology = [NeurologyRecord(date: day("2023-01-05"), status: .caudaEquina, frankel: .C, lesion: "V1")]
        let finding = try #require(assess(r, asOf: day("2023-02-01")).findings.first { $0.ruleId == "surgery.spine.noms" && $0.subject == .lesion("V1") })
        #expect(finding.detail.en.contains("dexamethasone 16 mg"))
        #expect(finding.detail.en.contains("within 24 hours"))
        #expect(finding.sources.contains { $0.id == "nice2023" })
        #expect(finding.title.en.contains("emergency"))
    }
}

@Suite struct LesionLabelTests {
    @Test func labelsReadAsASurgeonWritesThem() {
        #expect(Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L4")).label.en == "L4 vertebra")
        #expect(Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L4")).label.zhHans == "L4 椎体")
        let femur = Lesion(id: "L2", bone: .femur, segment: .peritrochanteric, laterality: .right)
        #expect(femur.label.en == "right femur, peritrochanteric")
        #expect(femur.label.zhHans == "右股骨转子周围")
        #expect(!Lesion(id: "L1", bone: .vertebra, level: VertebralLevel("L4")).label.en.contains("L1"))
    }

    @Test func twoLesionsThatReadTheSameAreToldApart() {
        var r = baseCase()
        r.lesions = [Lesion(id: "A", bone: .rib, laterality: .left, note: "4th rib"), Lesion(id: "B", bone: .rib, laterality: .left, note: "7th rib")]
        r.studies = [ct("S1", "2023-01-05", [observation("A", .lytic, [10, 10]), observation("B", .lytic, [10, 10])])]
        let titles = assess(r, asOf: day("2023-02-01")).findings.map(\.title.en)
        #expect(titles.contains { $0.contains("left rib — 4th rib") })
        #expect(titles.contains { $0.contains("left rib — 7th rib") })
        // Without a note the record's id tells them apart; a name no other lesion has stays as it is.
        r.lesions += [Lesion(id: "C", bone: .rib, laterality: .left), Lesion(id: "D", bone: .vertebra, level: VertebralLevel("L4"))]
        r.studies = [ct("S1", "2023-01-05", ["A", "B", "C", "D"].map { observation($0, .lytic, [10, 10]) })]
        let more = assess(r, asOf: day("2023-02-01")).findings
        #expect(more.contains { $0.title.en.contains("left rib (lesion record “C”)") })
        #expect(more.contains { $0.title.zhHans.contains("（病灶记录“C”）") })
        #expect(more.contains { $0.title.en.contains("L4 vertebra") })
        #expect(!more.contains { $0.title.en.contains("lesion record “D”") })
    }
}
