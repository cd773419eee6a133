import Foundation
import BoneMetDomain
import Testing

@Suite struct CaseFileTests {
    func errors(_ json: String) -> [InputError] {
        do {
            _ = try CaseFile.read(json)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func everyExampleIsAValidCase() throws {
        #expect(ExampleFiles.names.count == 28)
        for name in ExampleFiles.names {
            let record = try ExampleFiles.record(name)
            #expect(record.patient.fictional, "\(name) must be marked fictional")
        }
    }

    @Test func writtenRecordsReadBackUnchanged() throws {
        for name in ExampleFiles.names {
            let record = try ExampleFiles.record(name)
            let again = try CaseFile.read(CaseFile.write(record))
            #expect(again == record, "\(name)")
        }
    }

    @Test func minimalCase() throws {
        let record = try CaseFile.read(#"{"patient": {"id": "p1"}}"#)
        #expect(record.patient.id == "p1")
        #expect(record.lesions.isEmpty)
        #expect(record.visceralMetastases == nil)
    }

    @Test func everyBadFieldIsReportedWithItsPath() {
        let found = errors(#"""
        {"patient": {"id": "p1", "sex": "f"},
         "lesions": [{"id": "L1", "bone": "femur"}, {"id": "L2", "bone": "femurr"}],
         "studies": [{"id": "S1", "date": "2022-13-01", "modality": "ct",
                      "observations": [{"lesion": "L9", "character": "lytic", "diametersMm": [10, 0]}]}],
         "treatments": [{"id": "T1", "kind": "boneModifyingAgent", "start": "2022-02-01"}],
         "labs": [{"date": "2022-01-01", "test": "creatinine", "value": 1.1, "unit": "mmol/dL"}]}
        """#)
        let paths = Set(found.compactMap(\.field))
        #expect(paths.contains("patient.sex"))
        #expect(paths.contains("lesions[1].bone"))
        #expect(paths.contains("studies[0].date"))
        #expect(paths.contains("studies[0].observations[0].diametersMm[1]"))
        #expect(paths.contains("treatments[0].agent"))
        #expect(paths.contains("labs[0].unit"))
        #expect(found.count >= 6)
        let sexError = found.first { $0.field == "patient.sex" }
        #expect(sexError?.message(.en).contains("allowed values: male, female") == true)
    }

    /// A coded field given as another JSON type (`"fillIn": true`, a sex as a number) names the
    /// values it takes, as an unknown word does — it read only "must be a text value" (cb24-t).
    @Test func aCodedFieldOfAnotherTypeNamesItsValues() {
        let found = errors(#"""
        {"patient": {"id": "p1", "sex": 1},
         "lesions": [{"id": "L1", "bone": "femur"}],
         "studies": [{"id": "S1", "date": "2022-01-01", "modality": "ct", "windows": [true],
                      "observations": [{"lesion": "L1", "fillIn": true}]}]}
        """#)
        let byField = Dictionary(found.compactMap { e in e.field.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        #expect(byField["patient.sex"]?.message(.en) == #"field "patient.sex": must be one of the text values: male, female"#)
        #expect(byField["studies[0].observations[0].fillIn"]?.message(.en).hasSuffix("must be one of the text values: none, partial, complete") == true)
        #expect(byField["studies[0].observations[0].fillIn"]?.message(.zhHans).hasSuffix("必须是以下文本值之一：none, partial, complete") == true)
        #expect(byField["studies[0].windows[0]"]?.message(.en).contains("must be one of the text values:") == true)
        // Never the number itself (it may be patient data).
        #expect(byField["patient.sex"]?.message(.en).contains("1") == false)
    }

    /// A mistyped code names the value it most likely meant: "haemoglobin" (the British spelling
    /// BoneMet's own texts use) was refused with a list of 22 tests to search (cb25-d). One value
    /// within one or two letters is named; a word far from all, or close to two, names none.
    @Test func aMistypedCodeNamesTheValueItMostLikelyMeant() {
        let found = errors(#"""
        {"patient": {"id": "p1", "sex": "Female"},
         "primaries": [{"id": "P1", "site": "breast", "histologyType": "follicular"}],
         "lesions": [{"id": "L1", "bone": "femur"}],
         "studies": [{"id": "S1", "date": "2022-01-01", "modality": "ct", "coverage": ["wholeSpine"],
                      "observations": [{"lesion": "L1", "fillIn": "partail"}]}],
         "labs": [{"date": "2022-01-01", "test": "haemoglobin", "value": 11, "unit": "g/dL"}]}
        """#)
        let byField = Dictionary(found.compactMap { e in e.field.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        #expect(byField["labs[0].test"]?.message(.en).hasPrefix(#"field "labs[0].test": unknown value "haemoglobin"; did you mean "hemoglobin"?; allowed values: creatinine"#) == true, "\(found)")
        #expect(byField["labs[0].test"]?.message(.zhHans).contains(#"；是否应为 "hemoglobin"？；允许的值："#) == true)
        #expect(byField["studies[0].observations[0].fillIn"]?.message(.en).contains(#"did you mean "partial"?"#) == true)
        #expect(byField["patient.sex"]?.message(.en).contains(#"did you mean "female"?"#) == true)
        #expect(byField["primaries[0].histologyType"]?.message(.en).contains("did you mean") == false)
        #expect(byField["studies[0].coverage[0]"]?.message(.en).contains("did you mean") == false)
        // A laboratory abbreviation names its test, not the code a letter away (cb65-a: "alp" was
        // answered "afp", alpha-fetoprotein for alkaline phosphatase).
        let labs = errors(#"{"patient": {"id": "p1"}, "labs": [{"date": "2022-01-01", "test": "ALP", "value": 98, "unit": "U/L"}, {"date": "2022-01-01", "test": "Hb", "value": 11, "unit": "g/dL"}, {"date": "2022-01-01", "test": "PLT", "value": 150, "unit": "10^9/L"}, {"date": "2022-01-01", "test": "Ca", "value": 2.3, "unit": "mmol/L"}]}"#)
        let byLab = Dictionary(labs.compactMap { e in e.field.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        #expect(byLab["labs[0].test"]?.message(.en).contains(#"did you mean "alkalinePhosphatase"?"#) == true, "\(labs)")
        #expect(byLab["labs[1].test"]?.message(.en).contains(#"did you mean "hemoglobin"?"#) == true)
        #expect(byLab["labs[2].test"]?.message(.en).contains(#"did you mean "platelets"?"#) == true)
        #expect(byLab["labs[3].test"]?.message(.en).contains("did you mean") == false)
        // A mistyped field name, too.
        let fields = errors(#"{"patient": {"id": "p1", "birthdate": "1960-01-01"}, "lesions": [{"id": "L1", "bone": "femur", "laterallity": "left", "colour": "red"}]}"#)
        let byName = Dictionary(fields.compactMap { e in e.field.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        #expect(byName["patient.birthdate"]?.message(.en).hasPrefix(#"field "patient.birthdate": unknown field; did you mean "birthDate"?; allowed fields:"#) == true, "\(fields)")
        #expect(byName["lesions[0].laterallity"]?.message(.zhHans).contains(#"未知字段；是否应为 "laterality"？"#) == true)
        #expect(byName["lesions[0].colour"]?.message(.en).contains("did you mean") == false)
        // The start of one code names it; the start of two ("rad": radiology, radiationOncology) names none (cb114-b).
        let starts = errors(#"{"patient": {"id": "p1"}, "decisions": [{"date": "2022-01-01", "decision": "x", "specialty": "mdt"}, {"date": "2022-01-01", "decision": "x", "specialty": "rad"}]}"#)
        let byStart = Dictionary(starts.compactMap { e in e.field.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        #expect(byStart["decisions[0].specialty"]?.message(.en).contains(#"did you mean "mdtCoordinator"?"#) == true, "\(starts)")
        #expect(byStart["decisions[1].specialty"]?.message(.en).contains("did you mean") == false)
    }

    /// A coded value written as the Chinese page names it is answered with its code: "股骨",
    /// "左", "溶骨性", "男" (cb27). Only a code the field allows is named.
    @Test func aChineseNameNamesItsCode() {
        let found = errors(#"""
        {"patient": {"id": "p1", "sex": "男"},
         "lesions": [{"id": "L1", "bone": "股骨", "laterality": "左", "segment": "股骨"}],
         "studies": [{"id": "S1", "date": "2022-01-01", "modality": "ct", "observations": [{"lesion": "L1", "character": "溶骨性"}]}]}
        """#)
        let byField = Dictionary(found.compactMap { e in e.field.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        #expect(byField["lesions[0].bone"]?.message(.zhHans).contains(#"未知的值 "股骨"；是否应为 "femur"？"#) == true, "\(found)")
        #expect(byField["lesions[0].laterality"]?.message(.en).contains(#"did you mean "left"?"#) == true)
        #expect(byField["studies[0].observations[0].character"]?.message(.en).contains(#"did you mean "lytic"?"#) == true)
        #expect(byField["patient.sex"]?.message(.en).contains(#"did you mean "male"?"#) == true)
        // "股骨" is a bone, not a segment: no code of the segment's is named.
        #expect(byField["lesions[0].segment"]?.message(.en).contains("did you mean") == false)
    }

    /// A lesion whose own entry is wrong is one error, not one more for every study, pain record
    /// and treatment naming it: a bone written "股骨" also read `unknown value "L1"; allowed values:
    /// (no lesions defined)` at each reference — untranslated, and the lesion was defined (cb27).
    /// A reference to a lesion the file never declares is still an error, in both languages.
    @Test func aBadLesionEntryIsOneErrorNotOneForEveryReference() {
        let found = errors(#"""
        {"patient": {"id": "p1"},
         "lesions": [{"id": "L1", "bone": "股骨"}],
         "studies": [{"id": "S1", "date": "2022-01-01", "modality": "ct", "observations": [{"lesion": "L1"}, {"lesion": "L9"}]}],
         "pain": [{"date": "2022-01-01", "lesion": "L1", "mirels": "mild"}]}
        """#)
        #expect(found.compactMap(\.field) == ["lesions[0].bone", "studies[0].observations[1].lesion"], "\(found)")
        let unknown = found.first { $0.field == "studies[0].observations[1].lesion" }
        #expect(unknown?.message(.en).contains(#"unknown lesion "L9": the record defines no lesions"#) == true, "\(found)")
        #expect(unknown?.message(.zhHans).contains(#"未知病灶 "L9"：病例中没有病灶记录"#) == true)
        // Beside a valid lesion the allowed ids are listed as before.
        let listed = errors(#"{"patient": {"id": "p1"}, "lesions": [{"id": "L1", "bone": "femur"}], "pain": [{"date": "2022", "lesion": "L2"}]}"#)
        #expect(listed.first?.message(.en).contains(#"unknown value "L2"; allowed values: L1"#) == true, "\(listed)")
    }

    /// The same for a primary whose own entry is wrong: a site written "boneMarrow" also read
    /// `lesions[0].primary: unknown value "P1"; allowed values: (no primaries defined)` for every
    /// lesion naming it (unseen record cb52-b, 2026-12-04). An undeclared primary is still one.
    @Test func aBadPrimaryEntryIsOneErrorNotOneForEveryLesion() {
        let found = errors(#"""
        {"patient": {"id": "p1"},
         "primaries": [{"id": "P1", "site": "boneMarrow"}],
         "lesions": [{"id": "L1", "bone": "femur", "primary": "P1"}, {"id": "L2", "bone": "skull", "primary": "P2"}]}
        """#)
        #expect(found.compactMap(\.field) == ["primaries[0].site", "lesions[1].primary"], "\(found)")
    }

    /// A field read twice — a treatment's `planned` decides whether its `start` is required — was
    /// reported twice: `"planned": "2026-10-20"` gave "treatments[1].planned: must be true or
    /// false" on two lines beside the missing start (unseen record cb29-a, 2026-12-04).
    @Test func aFieldReadTwiceIsReportedOnce() {
        let found = errors(#"{"patient": {"id": "p1"}, "treatments": [{"id": "T1", "kind": "surgery", "planned": "2026-10-20"}]}"#)
        #expect(found.map(\.field) == ["treatments[0].planned", "treatments[0].start"], "\(found.map(\.field))")
    }

    /// A date given as another JSON type is named as a date to write: `"trialEnrolment": true`
    /// read "must be a text value" (unseen record cb30-h, 2026-12-04).
    @Test func aDateGivenAsAnotherTypeAsksForADate() throws {
        let found = errors(#"{"patient": {"id": "p1"}, "plans": {"trialEnrolment": true}}"#)
        #expect(found.map(\.field) == ["plans.trialEnrolment"])
        let message = try #require(found.first?.message(.en))
        #expect(message.contains("is not a date; allowed: YYYY, YYYY-MM or YYYY-MM-DD"), "\(message)")
        #expect(found.first?.message(.zhHans).contains("日期") == true, "\(found.first?.message(.zhHans) ?? "")")
    }

    /// Rule set 2026.12.55: a death date with `deceased: false` says two things; the reader
    /// names the field rather than guess which is true. Either alone, or both agreeing, reads.
    @Test func aDeathDateContradictedByDeceasedFalseIsRefused() throws {
        let found = errors(#"{"patient": {"id": "p1", "deceased": false, "deathDate": "2024-05-02"}}"#)
        #expect(found.map(\.field) == ["patient.deceased"])
        #expect(found.first?.message(.zhHans).contains("矛盾") == true)
        #expect(errors(#"{"patient": {"id": "p1", "birthDate": "1960-05-02", "deathDate": "1960-05-01"}}"#).map(\.field) == ["patient.deathDate"])
        #expect(errors(#"{"patient": {"id": "p1", "birthDate": "1960-05-02", "deathDate": "1960-05-02"}}"#).isEmpty)
        for patient in [#"{"id": "p1", "deceased": true, "deathDate": "2024-05"}"#, #"{"id": "p1", "deathDate": "2024-05-02"}"#, #"{"id": "p1", "deceased": true}"#] {
            let record = try CaseFile.read(#"{"patient": \#(patient)}"#)
            #expect(record.patient.hasDied(by: PartialDate("2024-06-01")!))
            #expect(try CaseFile.read(CaseFile.write(record)) == record)
        }
    }

    /// A text of nothing but spaces (any Unicode space, as Foundation's `.whitespaces`) is empty;
    /// a text with anything else is kept as written (issue #12 reads the usual text without
    /// Foundation — this pins that both roads agree).
    @Test func blankTextsAreRefusedAndOthersKept() throws {
        func escaped(_ text: String) -> String { text.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined() }
        for blank in ["", " ", "   ", "\t", "\u{3000}", " \u{00A0}"] {
            let found = errors(#"{"patient": {"id": "\#(escaped(blank))"}}"#)
            #expect(found.contains { $0.field == "patient.id" }, "\(blank.unicodeScalars.map(\.value))")
        }
        for kept in ["p1", " p1", "\u{3000}患者", "\n", "\u{7F}", "患者"] {
            let json = #"{"patient": {"id": "\#(escaped(kept))"}}"#
            #expect(try CaseFile.read(json).patient.id == kept)
        }
    }

    /// Issue #8: facts that contradict the calendar, the anatomy or the modality are refused
    /// with the field path; the same facts in their right place are accepted.
    @Test func implausibleFactsAreRefusedWithTheField() {
        let found = errors(#"""
        {"patient": {"id": "p1", "birthDate": "2023-05-01"},
         "primaries": [{"id": "P1", "site": "breast"}],
         "lesions": [{"id": "L1", "bone": "humerus", "segment": "peritrochanteric"}, {"id": "L2", "bone": "vertebra", "level": "T8", "primary": "P9"},
                     {"id": "L3", "bone": "rib", "segment": "diaphysis"}],
         "studies": [{"id": "S1", "date": "2023-01-05", "modality": "ct", "windows": ["bone"],
                      "observations": [{"lesion": "L1", "uptake": true, "collapse": "none"}, {"lesion": "L2", "fractionOfDiameter": 0.5, "normalSignal": true}]},
                     {"id": "S2", "date": "2023-01-06", "modality": "boneScan", "windows": ["bone"], "observations": [{"lesion": "L2", "character": "lytic"}]},
                     {"id": "S3", "date": "2023-01-07", "modality": "xray", "observations": [{"lesion": "L1", "escc": "2"}]}],
         "treatments": [{"id": "T1", "kind": "boneModifyingAgent", "agent": "denosumab", "start": "2023-02-01", "doses": ["2023-01-20", "2023-02-01"]}],
         "labs": [{"date": "2023-01-05", "test": "creatinine", "value": 0, "unit": "mg/dL"}, {"date": "2023-01-05", "test": "cea", "value": 0}]}
        """#)
        let paths = Set(found.compactMap(\.field))
        for path in [
            "patient.birthDate", "lesions[0].segment", "lesions[1].primary", "lesions[2].segment",
            "studies[0].observations[0].uptake", "studies[0].observations[0].collapse",
            "studies[0].observations[1].fractionOfDiameter", "studies[0].observations[1].normalSignal",
            "studies[1].windows", "studies[1].observations[0].character", "studies[2].observations[0].escc",
            "treatments[0].doses[0]", "labs[0].value",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!paths.contains("treatments[0].doses[1]"))
        #expect(!paths.contains("labs[1].value"))
        let humerus = found.first { $0.field == "lesions[0].segment" }
        #expect(humerus?.message(.en).contains("peritrochanteric: femur only") == true)
        #expect(humerus?.message(.zhHans).contains("转子周围仅见于股骨") == true)
        #expect(found.first { $0.field == "studies[0].observations[0].uptake" }?.message(.en).contains("only on bone scan, PET-CT") == true)
    }

    @Test func newFieldsReadAndWriteBack() throws {
        let record = try CaseFile.read(#"""
        {"patient": {"id": "p1"},
         "primaries": [{"id": "P1", "site": "lung", "histologyType": "smallCellCarcinoma"}, {"id": "P2", "site": "prostate", "castrationResistant": false}],
         "lesions": [{"id": "L1", "bone": "femur", "laterality": "left", "primary": "P1"}],
         "studies": [{"id": "S1", "date": "2023-01-05", "modality": "xray", "coverage": ["leftLowerLimb", "pelvis"],
                      "observations": [{"lesion": "L1", "character": "lytic", "mirelsSize": "moreThanTwoThirds"}]}]}
        """#)
        #expect(record.primaries[0].histologyType == .smallCellCarcinoma)
        #expect(record.primaries[1].castrationResistant == false)
        #expect(record.lesions[0].primary == "P1")
        #expect(record.studies[0].coverage == [.leftLowerLimb, .pelvis])
        #expect(record.studies[0].observations[0].mirelsSize == .moreThanTwoThirds)
        #expect(try CaseFile.read(CaseFile.write(record)) == record)
        #expect(errors(#"{"patient": {"id": "p1"}, "studies": [{"id": "S1", "date": "2023-01-05", "modality": "ct", "coverage": ["leg"]}]}"#)
            .first?.field == "studies[0].coverage[0]")
    }

    @Test func referencesToUnknownLesionsNameTheKnownOnes() {
        let found = errors(#"""
        {"patient": {"id": "p1"}, "lesions": [{"id": "L1", "bone": "femur"}],
         "studies": [{"id": "S1", "date": "2022-01-01", "modality": "xray", "observations": [{"lesion": "L2"}]}],
         "pain": [{"date": "2022-01-01", "lesion": "L3", "mirels": "mild"}]}
        """#)
        #expect(found.map(\.field) == ["studies[0].observations[0].lesion", "pain[0].lesion"])
        #expect(found.first?.message(.en).contains("allowed values: L1") == true)
    }

    @Test func unknownKeysAreReportedNotIgnored() {
        let found = errors(#"{"patient": {"id": "p1", "name": "x"}, "lesion": []}"#)
        #expect(Set(found.compactMap(\.field)) == ["patient.name", "lesion"])
    }

    @Test func duplicateIdsAndEndsBeforeStartsAndMismatchedLevels() {
        let found = errors(#"""
        {"patient": {"id": "p1"},
         "lesions": [{"id": "L1", "bone": "vertebra", "level": "S2"}, {"id": "L1", "bone": "femur", "level": "T4"}],
         "treatments": [{"id": "T1", "kind": "systemic", "start": "2022-03-01", "end": "2022-02-01"}]}
        """#)
        let paths = Set(found.compactMap(\.field))
        #expect(paths == ["lesions[1].id", "lesions[0].level", "lesions[1].level", "treatments[0].end"])
    }

    @Test func partialDatesStayPartial() throws {
        let record = try CaseFile.read(#"""
        {"patient": {"id": "p1", "birthDate": "1960"},
         "primaries": [{"id": "P1", "site": "breast", "diagnosed": "2015-03"}]}
        """#)
        #expect(record.patient.birthDate?.description == "1960")
        #expect(record.primaries.first?.diagnosed?.description == "2015-03")
        #expect(CaseFile.write(record).contains(#""diagnosed" : "2015-03""#))
    }

    @Test func malformedAndWrongShapes() {
        #expect(errors("{").first?.problem == .malformedJSON)
        #expect(errors("[]").first?.problem == .wrongType(expected: .object))
        #expect(errors(#"{"patient": {"id": "p"}, "lesions": {}}"#).first?.field == "lesions")
        #expect(errors(#"{"schemaVersion": 2, "patient": {"id": "p"}}"#).first?.field == "schemaVersion")
        #expect(errors(#"{}"#).first?.field == "patient")
    }

    @Test func siUnitsAreConverted() throws {
        let record = try CaseFile.read(#"""
        {"patient": {"id": "p1"}, "labs": [{"date": "2022-01-01", "test": "creatinine", "value": 88.4, "unit": "µmol/L"},
                                          {"date": "2022-01-01", "test": "calcium", "value": 2.5, "unit": "mmol/L"}]}
        """#)
        #expect(record.labs[0].canonicalValue == 1.0)
        #expect(abs((record.labs[1].canonicalValue ?? 0) - 10.02) < 0.001)
    }
}

/// Units as laboratory systems write them (real EHR exports): a Chinese export's Greek mu
/// ("μmol/L") and lower case ("mmol/l", "g/l") were refused — "unknown value", the record not
/// read at all.
@Suite struct LabUnitSpellingTests {
    /// A blank unit is a unit left out (cb86-c, 2026-12-05): a free light-chain ratio sent with
    /// `"unit": ""` was refused with "must not be empty"; read in the one unit its value fits, as
    /// a unit left out is. A CRP of 3 with a blank unit is still an error naming the units (possible in mg/dL and mg/L).
    @Test func aBlankUnitIsAUnitLeftOut() throws {
        let record = try CaseFile.read(#"{"patient": {"id": "p1"}, "labs": [{"date": "2026-11-12", "test": "freeLightChainRatio", "value": 150, "unit": ""}]}"#)
        #expect(record.labs.first?.unit == "ratio")
        #expect(throws: (any Error).self) {
            _ = try CaseFile.read(#"{"patient": {"id": "p1"}, "labs": [{"date": "2026-11-12", "test": "crp", "value": 3, "unit": " "}]}"#)
        }
    }

    @Test func writtenUnitsAreTheTestsOwn() {
        #expect(LabTest.creatinine.knownUnit("μmol/L") == "µmol/L")
        #expect(LabTest.creatinine.knownUnit("umol/l") == "umol/L")
        #expect(LabTest.creatinine.knownUnit(" mg/dl ") == "mg/dL")
        #expect(LabTest.calcium.knownUnit("mmol/l") == "mmol/L")
        #expect(LabTest.albumin.knownUnit("g/l") == "g/L")
        // Full-width, as Chinese input methods type them (cb84-r, 2026-12-05).
        #expect(LabTest.calcium.knownUnit("ｍｍｏｌ／Ｌ") == "mmol/L")
        #expect(LabTest.albumin.knownUnit("ｇ／Ｌ") == "g/L")
        #expect(LabTest.platelets.knownUnit("×１０＾９／Ｌ") == "10^9/L")
        for written in ["×10^9/L", "x10^9/l", "10*9/L", "10⁹/L", "×10⁹/L", "10^9/L", "10E9/L"] {
            #expect(LabTest.platelets.knownUnit(written) == "10^9/L", "\(written)")
            #expect(LabTest.lymphocytes.knownUnit(written) == "10^9/L", "\(written)")
        }
        #expect(LabTest.egfr.knownUnit("ml/min/1.73 m²") == "mL/min/1.73m2")
        // A count per µL in thousands, as US reports write it (cb23): the same count as 10^9/L.
        for written in ["10*3/uL", "x10^3/uL", "K/uL", "k/µL", "10³/μL", "×10^3/µL"] {
            let platelets = LabTest.platelets.knownUnit(written)
            #expect(platelets.flatMap { LabTest.platelets.factor(for: $0) } == 1000, "\(written)")
            #expect(LabTest.lymphocytes.knownUnit(written).flatMap { LabTest.lymphocytes.factor(for: $0) } == 1, "\(written)")
        }
        // Giga per litre ("G/L") for a count; grams for a haemoglobin.
        #expect(LabTest.platelets.knownUnit("G/L") == "10^9/L")
        #expect(LabTest.hemoglobin.knownUnit("G/L") == "g/L")
        #expect(LabTest.platelets.knownUnit("g/L") == nil)
        // Not a unit of the test: still refused (haemoglobin in mmol/L is another scale).
        #expect(LabTest.hemoglobin.knownUnit("mmol/L") == nil)
        #expect(LabTest.calcium.knownUnit("mg") == nil)
        // Tumour markers keep what was written.
        #expect(LabTest.psa.knownUnit("ng/ml") == "ng/ml")
    }

    @Test func aRecordWithTheseUnitsReadsAsTheCanonicalOne() throws {
        let written = try CaseFile.read(#"""
            {"patient": {"id": "u1", "sex": "female", "birthDate": "1960-01-01", "weights": [{"date": "2025-01-01", "kg": 60}]},
             "labs": [{"date": "2025-01-01", "test": "creatinine", "value": 88.4, "unit": "μmol/L"},
                      {"date": "2025-01-01", "test": "platelets", "value": 210, "unit": "×10^9/L"},
                      {"date": "2025-01-01", "test": "calcium", "value": 2.4, "unit": "mmol/l"}]}
            """#)
        #expect(written.labs.map(\.unit) == ["µmol/L", "10^9/L", "mmol/L"])
        #expect(written.labs.map(\.canonicalValue) == [1.0, 210_000, 2.4 * 4.008])
        // A unit no test knows still names the field and the allowed values.
        #expect(throws: (any Error).self) {
            try CaseFile.read(#"{"patient": {"id": "u2"}, "labs": [{"date": "2025-01-01", "test": "creatinine", "value": 1, "unit": "mg"}]}"#)
        }
    }
}

/// Dates as records write them, year first: a Chinese discharge summary's "2025年3月4日" or a
/// lab system's "2025/03/04" were refused. Day-first or month-first forms stay refused: they
/// cannot be told apart.
@Suite struct WrittenDateTests {
    @Test func yearFirstFormsAreRead() {
        #expect(PartialDate(written: "2025/3/4") == PartialDate("2025-03-04"))
        #expect(PartialDate(written: "2025.03.04") == PartialDate("2025-03-04"))
        #expect(PartialDate(written: "2025年3月4日") == PartialDate("2025-03-04"))
        #expect(PartialDate(written: "2025年3月") == PartialDate("2025-03"))
        #expect(PartialDate(written: "2025/11") == PartialDate("2025-11"))
        #expect(PartialDate(written: " 2025-03-04 ") == PartialDate("2025-03-04"))
        #expect(PartialDate(written: "2025") == PartialDate("2025"))
        #expect(PartialDate(written: "2025年") == PartialDate("2025"))
        // A time of day after a full date is dropped: the date as written (the FHIR import reads
        // dateTimes the same way).
        #expect(PartialDate(written: "2025-03-04T10:20:00") == PartialDate("2025-03-04"))
    }

    @Test func ambiguousOrImpossibleFormsAreRefused() {
        for text in ["04/03/2025", "3/4/2025", "2025/13/01", "2025/02/30", "2025/03/", "2025--03", "25/3/4", "2025/003/4", "2025年3日", "二〇二五年", "", "2025-03-04T", "2025-03T10:20:00"] {
            #expect(PartialDate(written: text) == nil, "\(text)")
        }
    }

    @Test func aRecordReadsThemAndNamesTheFieldOtherwise() throws {
        let record = try CaseFile.read(#"{"patient": {"id": "d1", "birthDate": "1960年5月"}, "dentalExams": ["2025/3/4"]}"#)
        #expect(record.patient.birthDate == PartialDate("1960-05"))
        #expect(record.dentalExams == [PartialDate("2025-03-04")].compactMap { $0 })
        do {
            _ = try CaseFile.read(#"{"patient": {"id": "d2", "birthDate": "05/03/1960"}}"#)
            Issue.record("a day-first date was read")
        } catch {
            #expect("\(error)".contains("patient.birthDate"))
        }
    }
}

/// The OpenAPI document's date pattern states what the reader reads: schemathesis sends dates
/// outside it and expects them refused, and dates inside it and expects them read.
@Suite struct DatePatternTests {
    @Test func thePatternAndTheReaderAgree() throws {
        let pattern = try NSRegularExpression(pattern: CaseSchema.datePattern)
        let samples = [
            "2025", "2025-03", "2025-03-04", "2025-3-4", "2025/3/4", "2025/03", "2025.03.04", "2025年", "2025年3月", "2025年3月4日", "2025年3月4",
            " 2025-03-04 ", "1900", "2200-12-31", "1899", "2201", "04/03/2025", "2025/03/", "2025/03-04", "2025-13", "2025年3", "2025年3日",
            "25/3/4", "2025/003/4", "", "2025.3/4", "2025-00-10", "2025-01-32",
            // Date and time, as laboratory systems export them: the date is kept.
            "2025-07-01 08:30", "2025-07-01 08:30:00", "2025-07-01T08:30:00+08:00", "2025-07-01T08:30:00.123Z", "2025/7/1 8:30",
            "2025年7月1日 08:30", "2025-07-01T08:30:00+0800", "2025-07-01T08:30-05",
            "2025-07 08:30", "2025-07-01 8", "2025-07-01 08:3", "2025-07-01 08:30:00 ", "2025-07-01T", "2025-07-01 08:30+8", "2025-07-01  08:30",
        ]
        for text in samples {
            let matches = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            #expect(matches == (PartialDate(written: text) != nil), "\(text)")
        }
        #expect(PartialDate(written: "2025-07-01T23:30:00-05:00") == PartialDate("2025-07-01"))
        #expect(PartialDate(written: "2025年7月1日 08:30") == PartialDate("2025-07-01"))
        #expect(PartialDate(written: "2025-07 08:30") == nil)
    }
}
