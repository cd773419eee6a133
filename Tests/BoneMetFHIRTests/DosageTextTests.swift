@testable import BoneMetFHIR
import BoneMetDomain
import Testing

/// An unseen Chinese EHR bundle (2026-12-04): a zoledronic acid order whose dosage was text only,
/// "4mg ivgtt q12w", came without dose or interval — neither the CrCl dose check nor the schedule
/// could read it. The free text is read where the structured dosage is silent, and said in a note.
@Suite struct DosageTextTests {
    @Test(arguments: [
        ("4mg ivgtt q12w", 4.0, 12), ("120mg 皮下注射 每4周", 120, 4), ("4 mg IV every 3 months", 4, 13),
        ("地舒单抗 60mg 每6个月", 60, 26), ("唑来膦酸 4毫克 每四周一次", 4, 4), ("q28d 4 mg", 4, 4), ("Q3W 4MG", 4, 3),
        // How Chinese orders also write it (2026-12-05): the count before "1次", after "次/", "两",
        // tens in characters, a month or half a year with no count.
        ("唑来膦酸 4mg 4周1次", 4, 4), ("地舒单抗 120mg 1次/4周", 120, 4), ("120mg/4w", 120, 4), ("唑来膦酸 4mg 每两个月", 4, 9),
        ("4mg 每十二周", 4, 12), ("4mg 每二十八天", 4, 4), ("唑来膦酸 4mg 每月一次", 4, 4), ("denosumab 120 mg monthly", 120, 4),
        ("地舒单抗 60mg 每半年", 60, 26), ("120mg 3个月1次", 120, 13),
    ] as [(String, Double, Int)])
    func freeTextGivesDoseAndInterval(_ text: String, _ dose: Double, _ weeks: Int) {
        #expect(BoneAgentDosageText.read(text) == .init(doseMg: dose, intervalWeeks: weeks))
    }

    @Test func whatTheTextDoesNotSayStaysUnknown() {
        #expect(BoneAgentDosageText.read("4mg/100ml 静滴") == nil, "a concentration is no dose")
        #expect(BoneAgentDosageText.read("4 mg/5 mL") == nil, "a concentration is no dose")
        #expect(BoneAgentDosageText.read("0.1mg/kg") == nil, "a dose by weight is no dose")
        #expect(BoneAgentDosageText.read("静脉滴注") == nil)
        #expect(BoneAgentDosageText.read("每4周") == .init(doseMg: nil, intervalWeeks: 4))
        #expect(BoneAgentDosageText.read(nil) == nil)
    }

    @Test func theStructuredDosageWinsAndTheTextIsSaid() throws {
        let structured: FHIRJSON = try FHIRJSON.parse(#"{"dosageInstruction": [{"text": "8mg q4w", "timing": {"repeat": {"frequency": 1, "period": 12, "periodUnit": "wk"}}, "doseAndRate": [{"doseQuantity": {"value": 4, "unit": "mg"}}]}]}"#)
        let both = FHIRCaseMapper.dosing(structured, isAdministration: false)
        #expect(both.doseMg == 4 && both.intervalWeeks == 12 && !both.fromText)
        let textOnly: FHIRJSON = try FHIRJSON.parse(#"{"dosageInstruction": [{"text": "4mg ivgtt q12w"}]}"#)
        let read = FHIRCaseMapper.dosing(textOnly, isAdministration: false)
        #expect(read.doseMg == 4 && read.intervalWeeks == 12 && read.fromText)
    }
}

/// The flag a laboratory prints after a result is stripped from the unit, and only the flag.
@Suite struct ResultFlagTests {
    @Test func onlyTheFlagGoes() {
        #expect(FHIRRead.withoutFlag("mmol/L↑") == "mmol/L")
        #expect(FHIRRead.withoutFlag("g/L ↑↑") == "g/L")
        #expect(FHIRRead.withoutFlag("mmol/L") == "mmol/L")
        #expect(FHIRRead.withoutFlag("g/L (L)") == "g/L")
        #expect(FHIRRead.withoutFlag("L") == "")
        #expect(FHIRRead.withoutFlag("偏高") == "")
        #expect(FHIRRead.withoutFlag("10^9/L") == "10^9/L")
    }
}

/// A pathology conclusion's result: one disease named and no negation, else none.
@Suite struct PathologyResultTests {
    @Test(arguments: [
        ("（左股骨）转移性腺癌", BiopsyResult.metastasis), ("符合浆细胞骨髓瘤", .myeloma), ("弥漫大B细胞淋巴瘤", .lymphoma),
        ("骨巨细胞瘤", .giantCellTumour), ("普通型骨肉瘤", .primaryBoneTumour), ("Metastatic adenocarcinoma, lung origin", .metastasis),
    ] as [(String, BiopsyResult)])
    func oneDiseaseIsRead(_ text: String, _ result: BiopsyResult) {
        #expect(FHIRCaseMapper.pathologyResult(text) == result)
    }

    @Test func aNegationOrTwoDiseasesReadNone() {
        for text in ["未见转移性肿瘤", "No evidence of metastatic carcinoma", "negative for lymphoma", "淋巴瘤或转移癌待免疫组化", "送检骨组织，纤维组织增生"] {
            #expect(FHIRCaseMapper.pathologyResult(text) == nil, "\(text)")
        }
    }

    @Test func theDecalcificationTheReportWrites() {
        #expect(FHIRCaseMapper.pathologyDecalcification("（左股骨）转移性腺癌（EDTA脱钙）") == .edta)
        #expect(FHIRCaseMapper.pathologyDecalcification("转移性腺癌，标本经盐酸脱钙处理") == .acid)
        #expect(FHIRCaseMapper.pathologyDecalcification("metastatic carcinoma (formic acid decalcified)") == .acid)
        #expect(FHIRCaseMapper.pathologyDecalcification("转移性腺癌，脱钙后制片") == nil)
    }
}

/// Dates typed where FHIR allows a string, and HER2 by its IHC score (2026-12-05).
@Suite struct WrittenValueTests {
    @Test func molecularTestsNamedInAPathologyReport() {
        #expect(FHIRCaseMapper.pathologyMolecularTests("转移性腺癌，EGFR 19外显子缺失") == ["EGFR"])
        #expect(FHIRCaseMapper.pathologyMolecularTests("ALK(D5F3)阳性，KRAS G12C") == ["ALK", "KRAS"])
        #expect(FHIRCaseMapper.pathologyMolecularTests("组织已送二代测序") == ["NGS"])
        // Immunohistochemistry and words containing a gene's letters are not tests.
        #expect(FHIRCaseMapper.pathologyMolecularTests("ER(90%+)，PR(20%+)，TTF-1(+)") == [])
        #expect(FHIRCaseMapper.pathologyMolecularTests("metastatic carcinoma, retroperitoneal") == [])
    }

    @Test func writtenDatesAndHER2Scores() {
        #expect(FHIRRead.writtenDate("2019年3月")?.description == "2019-03")
        #expect(FHIRRead.writtenDate("2019年03月15日")?.description == "2019-03-15")
        #expect(FHIRRead.writtenDate("2019/3/5")?.description == "2019-03-05")
        #expect(FHIRRead.writtenDate("2019")?.description == "2019")
        for text in ["约2019年", "2019年春", "19年3月", "2019年13月", "三月"] { #expect(FHIRRead.writtenDate(text) == nil, "\(text)") }
        #expect(FHIRRead.her2Score("(3+)") == .positive)
        #expect(FHIRRead.her2Score("(1+)") == .low)
        #expect(FHIRRead.her2Score("(0)") == .negative)
        #expect(FHIRRead.her2Score("2+，fish阴性") == .low)
        #expect(FHIRRead.her2Score("2+，fish扩增") == .positive)
        #expect(FHIRRead.her2Score("(2+)") == nil, "equivocal without ISH")
        #expect(FHIRRead.her2Score("1+ 3+") == nil)
    }
}
