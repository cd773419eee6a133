import BoneMetRules
import Foundation

extension FHIRCaseMapper {
    /// A performance status a Chinese EHR sends under its own code, named only in words —
    /// "ECOG评分", "PS评分", "体能状态评分", "KPS评分", "卡氏评分" — with the grade as an integer, a
    /// quantity or text ("2", "2分", "80%"): only LOINC 89247-1 / 89243-0 were read, and New
    /// Katagiri's, Tokuhashi's and PATHFx's performance items stayed open (unseen bundle ehr6,
    /// 2026-12-05). Read with a note to map the code; a value outside the scale is not used.
    static func performanceByName(_ r: FHIRJSON, date: PartialDate) -> (status: PerformanceStatus, scale: String)? {
        guard let scale = performanceScaleNamed(r) else { return nil }
        let kps = scale == "KPS"
        let written = r["valueInteger"]?.decimalText ?? r["valueQuantity"]?["value"]?.decimalText
            ?? (r["valueString"]?.string ?? FHIRRead.text(r["valueCodeableConcept"])).map { text in
                String(text.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
            }
        guard let written, let value = Int(written) else { return nil }
        if kps {
            guard (0...100).contains(value), value % 10 == 0 else { return nil }
            return (PerformanceStatus(date: date, kps: value), "KPS")
        }
        guard (0...4).contains(value) else { return nil }
        return (PerformanceStatus(date: date, ecog: value), "ECOG")
    }

    /// "KPS" or "ECOG" where the observation's code names the scale in words (the import stages
    /// such observations: `usesObservation`).
    static func performanceScaleNamed(_ r: FHIRJSON) -> String? {
        let names = ([FHIRRead.text(r["code"])] + FHIRRead.codings(r["code"]).flatMap { [$0.display, $0.code] }).compactMap { $0?.uppercased() }
        if names.contains(where: { $0.contains("KPS") || $0.contains("KARNOFSKY") || $0.contains("卡氏") || $0.contains("卡诺夫斯基") }) { return "KPS" }
        if names.contains(where: { $0.contains("ECOG") || $0.contains("ZUBROD") || $0.contains("PS评分") || $0.contains("体能状态") || $0 == "PS" }) { return "ECOG" }
        return nil
    }
}
