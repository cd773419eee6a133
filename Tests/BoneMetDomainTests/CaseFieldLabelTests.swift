import BoneMetDomain
import Testing

/// Issue #10: the record in clinical words — every key of the case format and every value of
/// its value sets has a label in both languages, the Chinese one in Chinese (abbreviations
/// clinicians use, such as ER, ECOG or DICOM, may stay).
@Suite struct CaseFieldLabelTests {
    static let allowedLatin: Set<String> = ["ER", "PR", "HER2", "ECOG", "KPS", "ESCC", "EDTA", "MRI", "CT", "PET-CT", "DICOM", "UID", "SINS"]

    func chinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test func everyKeyAndValueHasALabelInBothLanguages() {
        var missing: [String] = []
        for definition in CaseSchema.definitions {
            for key in definition.keys {
                let label = CaseFieldLabels.key(key, in: definition.name)
                if label.en == key && label.zhHans == key && key.count > 3 { missing.append("\(definition.name).\(key)") }
                if !chinese(label.zhHans) && !Self.allowedLatin.contains(label.zhHans) { missing.append("\(definition.name).\(key) zh") }
                var kind = definition.types[key]
                if case .array(let element)? = kind { kind = element }
                if case .values(let values)? = kind {
                    for value in values {
                        guard let text = CaseFieldLabels.value(value, key: key, in: definition.name) else {
                            missing.append("\(definition.name).\(key)=\(value)")
                            continue
                        }
                        if text.zhHans == value && !Self.allowedLatin.contains(value) && value.count > 2 && !chinese(text.zhHans) {
                            missing.append("\(definition.name).\(key)=\(value) zh")
                        }
                    }
                }
            }
        }
        #expect(missing.isEmpty, "\(missing)")
        #expect(CaseFieldLabels.value("peritrochanteric", key: "segment", in: "lesion")?.zhHans == "转子周围")
        #expect(CaseFieldLabels.key("kind", in: "event").en == "event")
    }

    /// cb83-a (2026-12-05): the Chinese case page showed source codes as the record keeps them,
    /// "http://snomed.info/sct|448952004"; named as coders name them, a system not known as kept.
    @Test func sourceCodesByTheirSystemsName() {
        #expect(CaseFieldLabels.value("http://snomed.info/sct|448952004", key: "codes", in: "primary")?.zhHans == "SNOMED CT 448952004")
        #expect(CaseFieldLabels.value("http://hl7.org/fhir/sid/icd-10-cm|C50.919", key: "codes", in: "primary")?.en == "ICD-10-CM C50.919")
        #expect(CaseFieldLabels.value("http://www.whocc.no/atc|M05BX04", key: "codes", in: "treatment")?.en == "ATC M05BX04")
        #expect(CaseFieldLabels.value("urn:oid:1.2.156.1|X12", key: "codes", in: "primary") == nil)
        #expect(CaseFieldLabels.value("C50.9", key: "codes", in: "primary") == nil)
    }
}
