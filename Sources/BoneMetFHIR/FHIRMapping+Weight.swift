import BoneMetRules
import Foundation

/// Body weight, which Cockcroft–Gault needs for the zoledronic acid dose.
extension FHIRCaseMapper {
    /// FHIR R4's body-weight value set (`observation-vitalsign-bodyweight`): body weight, measured,
    /// stated, estimated, with and without clothes.
    static let weightLOINC: Set<String> = ["29463-7", "3141-9", "3142-7", "8335-2", "8350-1", "8351-9"]

    /// A weight sent with a site's own code, named only in words, as a Chinese hospital system's
    /// vital signs are — "体重" (unseen bundle ehr10: a weight of 58 kg with a local code was not
    /// read, and the zoledronic acid dose "could not be checked — record weight" while 4 mg was
    /// given at a clearance of 38 mL/min). The whole name, after case, spaces and brackets, as
    /// `labByName`; not an ideal or dry weight, not the body-mass index.
    static let weightNames: Set<String> = ["体重", "体重(kg)", "实测体重", "bodyweight", "weight", "bodyweight(kg)", "weight(kg)"]

    static func weightByName(_ r: FHIRJSON) -> Bool { named(r, in: weightNames) }

    /// The weight in kg (one decimal), or nil with a note saying why it is not used: a quantity
    /// in kg, g, pounds or ounces (UCUM, or as written: "公斤", "千克", "lbs"), or a number written
    /// as text ("58", "58kg"); a value sent without a unit is read in kg, said.
    static func bodyWeight(_ r: FHIRJSON, label: String, notes: inout [MappingNote]) -> Double? {
        guard let quantity = FHIRRead.labQuantity(r), quantity.comparator == nil else {
            notes.append(MappingNote(resource: label, message: "body weight without a numeric value: not used"))
            return nil
        }
        let factors: [String: Double] = [
            "kg": 1, "公斤": 1, "千克": 1, "g": 0.001, "克": 0.001, "[lb_av]": 0.45359237, "lb": 0.45359237, "lbs": 0.45359237, "[oz_av]": 0.028349523125,
        ]
        let unit = quantity.unit?.trimmingCharacters(in: .whitespaces)
        guard let factor = unit.map({ factors[$0.lowercased()] ?? factors[$0] }) ?? 1 else {
            notes.append(MappingNote(resource: label, message: "body weight in \(unit ?? ""): unit not accepted — not used"))
            return nil
        }
        let kg = (quantity.value * factor * 10).rounded() / 10
        guard (1...400).contains(kg) else {
            notes.append(MappingNote(resource: label, message: "body weight \(kg) kg outside 1–400: not used"))
            return nil
        }
        if weightByName(r) {
            notes.append(MappingNote(resource: label, message: "body weight read by its name \"\(FHIRRead.text(r["code"]) ?? FHIRRead.codings(r["code"]).compactMap(\.display).first ?? "")\"\(unit == nil ? ", no unit sent — read in kg" : ""): map its code (--codes) to confirm"))
        } else if unit == nil {
            notes.append(MappingNote(resource: label, message: "body weight sent without a unit: read in kg — confirm"))
        }
        return kg
    }
}
