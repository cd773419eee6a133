import BoneMetDomain

/// Bone-modifying agents as EHRs send them: coded by ATC (standards.md), or named — by the
/// generic name in English or Chinese, or by a product name — and with the dose and interval
/// ordered (MedicationRequest.dosageInstruction, MedicationAdministration.dosage), which the
/// rules need: the zoledronic acid dose is checked against the creatinine clearance, and
/// denosumab 60 mg (bone loss) is read apart from 120 mg (SRE prevention).
extension FHIRCaseMapper {
    /// WHO ATC: M05BX04 denosumab, M05BA08 zoledronic acid, M05BA03 pamidronic acid, M05BA06
    /// ibandronic acid.
    static let boneAgentATC: [String: BoneAgent] = [
        "M05BX04": .denosumab, "M05BA08": .zoledronicAcid, "M05BA03": .pamidronate, "M05BA06": .ibandronate,
    ]


    static func boneAgent(atc: [String], name: String) -> BoneAgent? {
        atc.lazy.compactMap { boneAgentATC[$0] }.first ?? BoneAgent.names.first { name.contains($0.0) }?.1
    }

    /// The dose in mg and the interval in weeks of an order (its first dosage instruction) or of
    /// one administration. Only a dose in mg or g is read; an interval only for once per period.
    static func dosing(_ resource: FHIRJSON, isAdministration: Bool) -> (doseMg: Double?, intervalWeeks: Int?, fromText: Bool) {
        guard let instruction = dosageInstruction(resource, isAdministration: isAdministration) else { return (nil, nil, false) }
        var doseMg: Double?
        var weeks: Int?
        let quantity = isAdministration ? instruction["dose"] : instruction["doseAndRate"]?.array.first?["doseQuantity"]
        if let quantity, let value = quantity["value"]?.decimalText.flatMap(Double.init), value > 0, value.isFinite {
            switch (quantity["code"]?.string ?? quantity["unit"]?.string)?.lowercased() {
            // As UCUM and as a Chinese system writes the unit ("毫克": a 120 毫克 denosumab dose
            // was read as no dose).
            case "mg", "毫克": doseMg = value
            case "g", "克": doseMg = value * 1000
            default: doseMg = nil
            }
        }
        if let repeatSpec = instruction["timing"]?["repeat"], (repeatSpec["frequency"]?.decimalText.flatMap(Int.init) ?? 1) == 1,
            let period = repeatSpec["period"]?.decimalText.flatMap(Double.init), period > 0, period < 1000
        {
            // Months as the 6-monthly and 3-monthly schedules are counted: 6 mo = 26 weeks.
            let exact: Double? = switch repeatSpec["periodUnit"]?.string {
            case "wk": period
            case "d": period / 7
            case "mo": period * 52 / 12
            case "a": period * 52
            default: nil
            }
            if let exact, exact.rounded() >= 1 { weeks = Int(exact.rounded()) }
        }
        // Without the structured values, the instruction's free text ("4mg ivgtt q12w").
        var fromText = false
        if doseMg == nil || weeks == nil, let text = dosageText(instruction) {
            fromText = (doseMg == nil && text.doseMg != nil) || (weeks == nil && text.intervalWeeks != nil)
            doseMg = doseMg ?? text.doseMg
            weeks = weeks ?? text.intervalWeeks
        }
        return (doseMg, weeks, fromText)
    }

    /// What the free text of the dosage adds where the structured dosage is silent (nil when it
    /// adds nothing): said in an import note, to be confirmed.
    static func dosageText(_ instruction: FHIRJSON) -> BoneAgentDosageText.Reading? {
        let texts = [instruction["text"]?.string, instruction["patientInstruction"]?.string].compactMap { $0 }
        return BoneAgentDosageText.read(texts.joined(separator: " "))
    }

    /// An order's first dosage instruction, or an administration's dosage.
    static func dosageInstruction(_ resource: FHIRJSON, isAdministration: Bool) -> FHIRJSON? {
        isAdministration ? resource["dosage"] : (resource["dosageInstruction"]?.array.first ?? resource["dosage"]?.array.first)
    }
}
