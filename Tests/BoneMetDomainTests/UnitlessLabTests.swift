import BoneMetDomain
import Foundation
import Testing

/// cb22-a (rule set 2026.12.124): a laboratory export without units. A unit-less result was read
/// in the test's first unit — a calcium of 2.35 as mg/dL, an albumin of 36 as g/dL, platelets of
/// 85 as /µL. It is now read in the one unit whose value a laboratory can report; where both
/// units fit (a CRP of 3: mg/dL or mg/L) or none, the field is an error naming the units.
@Suite struct UnitlessLabTests {
    func read(_ labs: String) throws(CaseFile.Invalid) -> [LabResult] {
        try CaseFile.read(#"{"patient": {"id": "p1"}, "labs": [\#(labs)]}"#).labs
    }

    func errors(_ labs: String) -> [InputError] {
        do {
            _ = try read(labs)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func aUnitlessValueIsReadInTheOneUnitItFits() throws {
        let labs = try read(#"""
        {"date": "2026-03-01", "test": "calcium", "value": 2.35}, {"date": "2026-03-01", "test": "albumin", "value": 36},
        {"date": "2026-03-01", "test": "hemoglobin", "value": 105}, {"date": "2026-03-01", "test": "platelets", "value": 85},
        {"date": "2026-03-01", "test": "creatinine", "value": 0.8}, {"date": "2026-03-01", "test": "creatinine", "value": 71},
        {"date": "2026-03-01", "test": "cea", "value": 3.2}
        """#)
        #expect(labs.map(\.unit) == ["mmol/L", "g/L", "g/L", "10^9/L", "mg/dL", "µmol/L", ""])
        // Stored as read: the unit is written, and the stored-case reader gives the same record.
        let record = try CaseFile.read(#"{"patient": {"id": "p1"}, "labs": [{"date": "2026-03-01", "test": "calcium", "value": 2.35}]}"#)
        #expect(CaseFile.write(record).contains("mmol/L"))
        #expect(try CaseFile.readStored(CaseFile.write(record)) == record)
    }

    @Test func aUnitlessValueThatFitsTwoUnitsOrNoneIsRefused() {
        let both = errors(#"{"date": "2026-03-01", "test": "crp", "value": 3}"#)
        #expect(both.map(\.field) == ["labs[0].unit"])
        #expect(both.first?.message(.en) == "field \"labs[0].unit\": no unit given, and 3 is a possible CRP in mg/dL and mg/L: write the unit (allowed: mg/dL, mg/L)")
        #expect(both.first?.message(.zhHans).contains("请写明单位") == true)
        let none = errors(#"{"date": "2026-03-01", "test": "creatinine", "value": 5000}"#)
        #expect(none.map(\.field) == ["labs[0].unit"])
        #expect(none.first?.message(.en).contains("5000 is not a possible serum creatinine in any of its units (0.1–40 mg/dL; 8.84–3536 µmol/L") == true, "\(none.first?.message(.en) ?? "")")
    }

    /// Creatinine in mmol/L, as some laboratories write it (unseen record cb39-j: refused as an unknown
    /// unit): 0.071 mmol/L is 71 µmol/L, 0.80 mg/dL; written in µmol/L it stays µmol/L (case kept apart).
    @Test func creatinineInMillimolesPerLitre() throws {
        let labs = try read(#"""
        {"date": "2026-03-01", "test": "creatinine", "value": 0.071, "unit": "mmol/L"},
        {"date": "2026-03-01", "test": "creatinine", "value": 71, "unit": "µmol/L"}, {"date": "2026-03-01", "test": "creatinine", "value": 0.071, "unit": "mmol/l"}
        """#)
        #expect(labs.map(\.unit) == ["mmol/L", "µmol/L", "mmol/L"])
        let canonical = labs.compactMap(\.canonicalValue)
        #expect(canonical.count == 3 && abs(canonical[0] - 0.8032) < 0.0001 && abs(canonical[0] - canonical[1]) < 1e-9)
    }

    /// A unit written is kept as written, possible or not: the assessment names an impossible one.
    @Test func aWrittenUnitIsKept() throws {
        let labs = try read(#"{"date": "2026-03-01", "test": "creatinine", "value": 88, "unit": "mg/dL"}"#)
        #expect(labs.first?.unit == "mg/dL")
        #expect(labs.first?.isPlausible == false)
    }
}
