import BoneMetDomain

/// Laboratory results from Observations: the test (a site's mapping, LOINC, our own export's
/// code, else the name laboratories print) and its value, unit, bound and reference range.
extension FHIRCaseMapper {
    /// The laboratory test an Observation reports, and whether it was known only by its name.
    static func labTest(_ r: FHIRJSON, mappings: CodeMappings) -> (LabTest, byName: Bool)? {
        FHIRRead.codings(r["code"]).compactMap({ coding -> LabTest? in
            if let local = coding.code.flatMap({ mappings.lab(system: coding.system, code: $0) }) { return local }
            if coding.system == FHIRCodes.loinc { return coding.code.flatMap { labs[$0] } }
            if coding.system == FHIRExporter.labSystem { return coding.code.flatMap(LabTest.init(rawValue:)) }
            return nil
        }).first.map({ ($0, false) }) ?? labByName(r).map({ ($0, true) })
    }

    /// The result, or nil with a note saying why it is not used.
    static func labResult(_ r: FHIRJSON, test: LabTest, byName: Bool, date: PartialDate, label: String, notes: inout [MappingNote]) -> LabResult? {
        guard let quantity = FHIRRead.labQuantity(r) else {
            // Said, not dropped without a word: a calcium sent as valueString
            // "3.15 mmol/L" vanished before it was read (unseen bundle b5).
            let sent = r["valueString"]?.string.map { "valueString \"\($0)\"" } ?? "no numeric value"
            notes.append(MappingNote(resource: label, message: "\(test.rawValue) with \(sent): not a number with a unit — not used"))
            return nil
        }
        if let text = quantity.fromText {
            notes.append(MappingNote(resource: label, message: "\(test.rawValue) read from its text value \"\(text)\" — confirm"))
        }
        guard var unit = unit(quantity.unit, for: test, value: quantity.value) else {
            let problem = quantity.unit.map { "unit \($0) not accepted" } ?? "no unit, and \(LabTest.text(quantity.value)) fits \(test.plausibleUnits(for: quantity.value).count > 1 ? "more than one" : "none") of its units"
            notes.append(MappingNote(resource: label, message: "\(problem) for \(test.rawValue): skipped"))
            return nil
        }
        // A PSA is reported in ng/mL (µg/L, the same number) by every laboratory; sent without a
        // unit ("<0.003" as text) it was kept unit-less, which no PCWG3 rule reads — the nadir of a
        // response was lost and a later 3.6 ng/mL looked like a fall from 230 (unseen bundle ehr11).
        if test == .psa, unit.isEmpty {
            unit = "ng/mL"
            notes.append(MappingNote(resource: label, message: "psa sent without a unit: read in ng/mL (µg/L), the unit PSA is reported in — confirm"))
        }
        // A bound ("CRP < 5 mg/L", "eGFR > 60") is no value: read as one, "< 5 mg/L"
        // was a CRP of 0.5 mg/dL — abnormal for New Katagiri (≥ 0.4). Said, not used.
        if let comparator = quantity.comparator {
            // A testosterone below a bound that is itself under the castrate level is
            // castrate whatever its value — the usual report under androgen deprivation
            // ("< 0.35 nmol/L", below detection). It was "not used", and castration
            // resistance stayed unsettled (unseen bundle b4). Stored at its bound, said.
            if test == .testosterone, comparator == "<" || comparator == "<=",
                let factor = test.factor(for: unit), quantity.value * factor < LabTest.castrateTestosteroneNgDl
            {
                notes.append(MappingNote(resource: label, message: "testosterone \(comparator) \(quantity.value) \(unit): below the castrate level (50 ng/dL, PCWG3) — stored at its bound"))
                return LabResult(date: date, test: test, value: quantity.value, unit: unit)
            }
            // A PSA below the limit of detection ("< 0.01 ng/mL") is the nadir of a response to
            // androgen deprivation: dropped, a later 2.6 ng/mL was compared with the baseline of
            // 56 and PCWG3's progression (≥ 25 % and ≥ 2 ng/mL above the nadir) could not be seen
            // (unseen bundle, 2026-12-05). Stored at its bound — an upper bound of the value, so a
            // rise from it is never overstated. Said.
            if test == .psa, comparator == "<" || comparator == "<=", !unit.isEmpty {
                notes.append(MappingNote(resource: label, message: "psa \(comparator) \(quantity.value) \(unit): below detection — stored at its bound (a rise from it is not overstated) — confirm"))
                return LabResult(date: date, test: test, value: quantity.value, unit: unit)
            }
            notes.append(MappingNote(resource: label, message: "\(test.rawValue) \(comparator) \(quantity.value) \(unit): a bound, not a value — not used"))
            return nil
        }
        let range = r["referenceRange"]?.array.first
        var high = (range?["high"]).flatMap(FHIRRead.quantity)?.value
        var low = (range?["low"]).flatMap(FHIRRead.quantity)?.value
        // A range sent as its text only, as Chinese laboratory interfaces print it ("2.11-2.52",
        // "0~25", "<37"): a calcium's and a CA 15-3's limits were dropped and the marker read
        // "no reference range" (unseen bundle ehr9). Read when it is one range; said.
        if low == nil, high == nil, let text = range?["text"]?.string, let limits = FHIRRead.rangeText(text) {
            (low, high) = limits
            notes.append(MappingNote(resource: label, message: "\(test.rawValue) reference range read from its text \"\(text)\" — confirm"))
        }
        if byName {
            let code = r["code"]
            notes.append(MappingNote(resource: label, message: "\(test.rawValue) read by its name \"\(FHIRRead.text(code) ?? FHIRRead.codings(code).compactMap(\.display).first ?? "")\": map its code (--codes) to confirm"))
        }
        return LabResult(date: date, test: test, value: quantity.value, unit: unit, upperLimit: high, lowerLimit: low)
    }
}
