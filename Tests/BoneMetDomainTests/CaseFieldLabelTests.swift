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
}
