import BoneMetRules
import Foundation

extension FHIRCaseMapper {
    /// A Frankel grade a spine department records under its own code, named in words — "Frankel分级",
    /// "Frankel评分", "脊髓损伤Frankel分级" — with the grade as text ("C", "C级", "Frankel D"): it was
    /// "observation not used", so a Frankel C at a compressing vertebra read as no deficit on
    /// record (unseen bundle ehr10). Read as the neurological status of its day — E intact, A–D a
    /// deficit (myelopathy; the examination says whether it is cauda equina) — on the lesion its
    /// `focus` or body site names, with a note. ASIA's impairment scale is not Frankel's (its B–D
    /// are defined otherwise) and is not read.
    static func frankelByName(_ r: FHIRJSON) -> Tokuhashi.Frankel? {
        let names = ([FHIRRead.text(r["code"])] + FHIRRead.codings(r["code"]).map(\.display)).compactMap { $0?.lowercased() }
        guard names.contains(where: { $0.contains("frankel") }), let letter = gradeLetter(r, scale: "FRANKEL") else { return nil }
        return Tokuhashi.Frankel(rawValue: String(letter))
    }

    /// A grade A–E written as the observation's value ("C", "C级", "Frankel D", "ＡＳＩＡ Ｃ"): the
    /// one Latin letter left once the scale's name is taken out; nil otherwise.
    static func gradeLetter(_ r: FHIRJSON, scale: String) -> Character? {
        guard let written = r["valueString"]?.string ?? FHIRRead.text(r["valueCodeableConcept"])
            ?? FHIRRead.codings(r["valueCodeableConcept"]).lazy.compactMap(\.code).first
        else { return nil }
        let fullWidth: [Character: Character] = ["Ａ": "A", "Ｂ": "B", "Ｃ": "C", "Ｄ": "D", "Ｅ": "E"]
        let letters = written.uppercased().map { fullWidth[$0] ?? $0 }.filter { $0.isASCII && $0.isLetter }
        let grade = String(letters).replacingOccurrences(of: scale, with: "")
        guard grade.count == 1, let letter = grade.first, "ABCDE".contains(letter) else { return nil }
        return letter
    }

    static func namesFrankel(_ r: FHIRJSON) -> Bool {
        localNames(r).contains { $0.lowercased().contains("frankel") }
    }

    /// An Observation's `bodySite` is one CodeableConcept, a Condition's or Procedure's a list:
    /// the observation with its body site as a list, for `FHIRRead.bodySiteLesion`.
    static func bodySiteAsList(_ r: FHIRJSON) -> FHIRJSON {
        guard let site = r["bodySite"], case .object = site else { return r }
        return .object(r.members.map { $0.key == "bodySite" ? .init("bodySite", .array([site])) : $0 })
    }
}
