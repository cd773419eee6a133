import BoneMetReports
import BoneMetDomain
import Foundation

/// Reading the parts of FHIR resources BoneMet uses.
enum FHIRRead {
    static func codings(_ concept: FHIRJSON?) -> [(system: String?, code: String?, display: String?)] {
        (concept?["coding"]?.array ?? []).map { (FHIRCodes.canonicalSystem($0["system"]?.string), $0["code"]?.string, $0["display"]?.string) }
    }

    static func has(_ concept: FHIRJSON?, _ system: String, _ code: String) -> Bool {
        codings(concept).contains { $0.system == system && $0.code == code }
    }

    static func text(_ concept: FHIRJSON?) -> String? {
        concept?["text"]?.string ?? codings(concept).compactMap(\.display).first
    }

    /// `Patient/123`, `urn:uuid:123` or `#contained` → the id part.
    static func referenceId(_ reference: FHIRJSON?) -> String? {
        guard let text = reference?["reference"]?.string else { return nil }
        if text.hasPrefix("urn:uuid:") { return String(text.dropFirst("urn:uuid:".count)) }
        if let slash = text.lastIndex(of: "/") { return String(text[text.index(after: slash)...]) }
        return text
    }

    /// The id an item had in a BoneMet case record (our own exports carry it).
    static func itemId(_ resource: FHIRJSON) -> String? {
        (resource["identifier"]?.array ?? []).first { $0["system"]?.string == FHIRExporter.itemIdSystem }?["value"]?.string
    }

    static func extensionValue(_ resource: FHIRJSON, _ name: String) -> FHIRJSON? {
        (resource["extension"]?.array ?? []).first { $0["url"]?.string == FHIRExporter.bonemet + name }.flatMap { item in
            item["valueCode"] ?? item["valueString"]
        }
    }

    /// The patient a resource belongs to.
    static func patientId(_ resource: FHIRJSON) -> String? {
        referenceId(resource["subject"]) ?? referenceId(resource["patient"])
    }

    /// A FHIR date or dateTime as a partial date (`2024`, `2024-03`, `2024-03-05`), time dropped.
    static func date(_ value: FHIRJSON?) -> PartialDate? {
        guard let text = value?.string else { return nil }
        if let date = PartialDate(String(text.prefix(10))) { return date }
        // A date not in FHIR's form, as hospital interfaces write it — "1957-3-2", "2024/05/10",
        // "2024/5/10 10:00:00" — year first, so never ambiguous: a Chinese EHR's birth date and
        // its metastasis's onset were dropped without a word, and the age and the diagnosis
        // date with them (unseen bundle ehr11). The date before any time part, as `writtenDate`.
        let day = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? text
        return writtenDate(day)
    }

    static func periodStart(_ resource: FHIRJSON, _ base: String) -> PartialDate? {
        date(resource[base + "DateTime"]) ?? date(resource[base + "Period"]?["start"]) ?? date(resource[base + "Instant"])
            ?? resource[base + "String"]?.string.flatMap(writtenDate)
    }

    /// A date as a clinician types it where FHIR allows a string (`onsetString`,
    /// `performedString`): "2019年3月", "2019年03月15日", "2019-3", "2019/03/15", "2019.03". A Chinese
    /// EHR's breast cancer "onsetString": "2019年3月" came without a diagnosis date — no disease-free
    /// interval, no "previous" anything (unseen bundle, 2026-12-05). The whole text must be the
    /// date (a trailing 日 or 份 allowed); "约2019年", "2019年春" and anything else read nothing.
    static func writtenDate(_ text: String) -> PartialDate? {
        var groups: [String] = []
        var current = ""
        for ch in text.trimmingCharacters(in: .whitespaces) {
            if ch.isASCII, ch.isNumber { current.append(ch); continue }
            guard !current.isEmpty, ["年", "月", "日", "份", "-", "/", "."].contains(ch) else { return nil }
            groups.append(current)
            current = ""
        }
        if !current.isEmpty { groups.append(current) }
        guard (1...3).contains(groups.count), groups[0].count == 4, let year = Int(groups[0]), (1900...2200).contains(year) else { return nil }
        var parts = [groups[0]]
        if groups.count > 1 {
            guard let month = Int(groups[1]), (1...12).contains(month) else { return nil }
            parts.append(month < 10 ? "0\(month)" : "\(month)")
        }
        if groups.count > 2 {
            guard let day = Int(groups[2]), (1...31).contains(day) else { return nil }
            parts.append(day < 10 ? "0\(day)" : "\(day)")
        }
        return PartialDate(parts.joined(separator: "-"))
    }

    static func periodEnd(_ resource: FHIRJSON, _ base: String) -> PartialDate? {
        date(resource[base + "Period"]?["end"])
    }

    /// Laterality of a Condition or Procedure: the mCODE STU4 qualifier inside `bodySite`, or
    /// the earlier extension on the resource itself (SNOMED qualifier codes, standards.md).
    static func laterality(_ resource: FHIRJSON) -> Laterality? {
        let codes: [String: Laterality] = ["7771000": .left, "24028007": .right, "51440002": .bilateral, "399488007": .midline]
        let onSites = (resource["bodySite"]?.array ?? []).flatMap { $0["extension"]?.array ?? [] }
        let extensions = onSites + (resource["extension"]?.array ?? [])
        let qualifier = extensions.first { ($0["url"]?.string ?? "").hasSuffix("laterality-qualifier") }?["valueCodeableConcept"]
        return codings(qualifier).compactMap { $0.code.flatMap { codes[$0] } }.first
    }

    /// Proximal or distal from the mCODE STU4 location qualifier inside `bodySite`
    /// (mcode-location-qualifier, LocationQualifierVS: SNOMED 40415009 proximal, 46053002 distal).
    static func locationSegment(_ resource: FHIRJSON) -> BoneSegment? {
        let codes: [String: BoneSegment] = ["40415009": .proximal, "46053002": .distal]
        let onSites = (resource["bodySite"]?.array ?? []).flatMap { $0["extension"]?.array ?? [] }
        let qualifiers = onSites.filter { ($0["url"]?.string ?? "").hasSuffix("location-qualifier") }.map { $0["valueCodeableConcept"] }
        return qualifiers.lazy.flatMap { codings($0) }.compactMap { $0.system == FHIRCodes.snomed ? $0.code.flatMap { codes[$0] } : nil }.first
    }

    /// The codings of a concept as `system|code`, in their order, without BoneMet's own.
    static func sourceCodes(_ concept: FHIRJSON?) -> [String] {
        codings(concept).compactMap { coding in
            guard let system = coding.system, let code = coding.code, !system.hasPrefix("urn:bonemet") else { return nil }
            return "\(system)|\(code)"
        }
    }

    /// A receptor result: LOINC answers (LA6576-8 positive, LA6577-6 negative), SNOMED CT
    /// qualifiers (10828004 positive, 260385009 negative), or the text in English or Chinese.
    static func receptorStatus(_ resource: FHIRJSON, her2: Bool = false) -> ReceptorStatus? {
        let concept = resource["valueCodeableConcept"]
        let byCode: [String: ReceptorStatus] = ["LA6576-8": .positive, "LA6577-6": .negative, "10828004": .positive, "260385009": .negative]
        if let status = codings(concept).compactMap({ $0.code.flatMap { byCode[$0] } }).first { return status }
        let text = ([text(concept)] + codings(concept).map(\.display) + [resource["valueString"]?.string]).compactMap { $0?.lowercased() }.joined(separator: " ")
        if her2, let status = her2Score(text) { return status }
        if text.contains("low") || text.contains("低表达") { return .low }
        if text.contains("negative") || text.contains("阴性") { return .negative }
        if text.contains("positive") || text.contains("阳性") { return .positive }
        return nil
    }

    /// HER2 as its immunohistochemistry score is written, "(1+)", "3+", "2+，FISH阴性" (ASCO/CAP
    /// 2018, Wolff AC et al. J Clin Oncol 2018;36:2105-22: 3+ positive; 2+ equivocal, settled by
    /// in-situ hybridisation; 0 and 1+ negative — 1+ and 2+ without amplification are HER2-low,
    /// Modi S et al. N Engl J Med 2022;387:9-20). 2+ without an ISH result, or two scores: nil.
    static func her2Score(_ text: String) -> ReceptorStatus? {
        let scores = ["0", "1+", "2+", "3+"].filter { score in
            score == "0" ? text.contains("(0)") || text.contains("（0）") || text == "0" : text.contains(score)
        }
        guard scores.count == 1, let score = scores.first else { return nil }
        switch score {
        case "3+": return .positive
        case "1+": return .low
        case "0": return .negative
        default:
            let ish = text.contains("fish") || text.contains("ish") || text.contains("扩增")
            guard ish else { return nil }
            if text.contains("无扩增") || text.contains("未扩增") || text.contains("阴性") || text.contains("not amplified") || text.contains("negative") { return .low }
            if text.contains("扩增") || text.contains("阳性") || text.contains("amplified") || text.contains("positive") { return .positive }
            return nil
        }
    }

    /// The delivered dose of an mCODE radiotherapy course summary: the highest total dose over
    /// its volumes, in Gy (cGy ÷ 100), and that volume's fractions.
    static func radiotherapyDose(_ resource: FHIRJSON) -> (gy: Double?, fractions: Int?) {
        var best: (gy: Double?, fractions: Int?) = (nil, nil)
        for item in (resource["extension"]?.array ?? []) where (item["url"]?.string ?? "").hasSuffix("radiotherapy-dose-delivered-to-volume") {
            let parts = item["extension"]?.array ?? []
            let total = parts.first { $0["url"]?.string == "totalDoseDelivered" }?["valueQuantity"]
            var gy: Double?
            if let quantity = quantity(total) {
                gy = quantity.unit == "Gy" ? quantity.value : quantity.unit == "cGy" || quantity.unit == nil ? quantity.value / 100 : nil
            }
            let fractions = parts.first { $0["url"]?.string == "fractionsDelivered" }?["valueUnsignedInt"]?.decimalText.flatMap { Int($0) }
            if let gy, gy > (best.gy ?? -1) { best = (gy, fractions) } else if best.gy == nil && best.fractions == nil { best.fractions = fractions }
        }
        return best
    }

    /// The one lesion of the record a procedure's coded bone body site (and side) points to.
    static func bodySiteLesion(_ resource: FHIRJSON, lesions: [Lesion]) -> String? {
        if let site = (resource["bodySite"]?.array ?? []).lazy.flatMap(codings).compactMap({ coding in
            coding.system == FHIRCodes.snomed ? coding.code.flatMap { FHIRCaseMapper.bodySites[$0] } : nil
        }).first {
            let side = laterality(resource)
            let matches = lesions.filter { $0.bone == site.0 && (side == nil || $0.laterality == side) }
            return matches.count == 1 ? matches.first?.id : nil
        }
        // Without a coded body site, the bone its text names, then the procedure's own name, as a
        // bone metastasis's Condition is read: a Chinese EHR's planned "右股骨近端髓内钉内固定术"
        // with bodySite text "右股骨颈" was dropped — the rules never saw the planned fixation
        // (unseen bundle, 2026-12-04). The one lesion of that bone (and side) only.
        guard let named = textBodySite(resource) else { return nil }
        // A vertebra by its level where the text names one: "L4椎体姑息放疗" reached the record's
        // one vertebral lesion, T10 (unseen bundle b4).
        if let level = textLevel(resource, bone: named.0) {
            let matches = lesions.filter { $0.bone == named.0 && $0.withSiteFromNote.level == level }
            return matches.count == 1 ? matches.first?.id : nil
        }
        // A region of the spine without a level ("腰椎放疗"): a vertebra of another region is not it.
        if named.0 == .vertebra, let region = textSpineRegion(resource) {
            let matches = lesions.filter { $0.bone == .vertebra && $0.withSiteFromNote.level.map { $0.region == region } != false }
            return matches.count == 1 ? matches.first?.id : nil
        }
        let matches = lesions.filter { $0.bone == named.0 && (named.1 == nil || $0.laterality == nil || $0.laterality == named.1) }
        return matches.count == 1 ? matches.first?.id : nil
    }

    /// The one region of the spine a resource's texts name ("胸椎", "lumbar spine"), if one.
    static func textSpineRegion(_ resource: FHIRJSON) -> VertebralLevel.Region? {
        let text = siteTexts(resource).joined(separator: " ").lowercased()
        let named: [(VertebralLevel.Region, [String])] = [
            (.cervical, ["颈椎", "cervical"]), (.thoracic, ["胸椎", "thoracic"]), (.lumbar, ["腰椎", "lumbar"]),
        ]
        let found = named.filter { $0.1.contains(where: text.contains) }.map(\.0)
        return found.count == 1 ? found.first : nil
    }

    /// The one vertebral (or sacral) level a resource's body-site text, else its code's text,
    /// names ("L4椎体", "T10 vertebral body"), for a vertebra or sacrum.
    static func textLevel(_ resource: FHIRJSON, bone: Bone) -> VertebralLevel? {
        guard bone == .vertebra || bone == .sacrum else { return nil }
        let regions: Set<VertebralLevel.Region> = bone == .sacrum ? [.sacral] : [.cervical, .thoracic, .lumbar]
        return siteTexts(resource).lazy.compactMap { VertebralLevel.named(in: $0, regions: regions) }.first
    }

    /// The bone (and side) a resource's body-site text names, else its code's text.
    static func textBodySite(_ resource: FHIRJSON) -> (Bone, Laterality?)? {
        if let named = siteTexts(resource).lazy.compactMap(CancerCodes.bone(fromText:)).first { return named }
        // A body site naming one vertebral level and no bone word ("T8", "L3"): that vertebra
        // (the sacrum for S1–S5), as a bone metastasis's Condition reads it.
        let levels = (resource["bodySite"]?.array ?? []).compactMap { text($0) }.flatMap(VertebralLevelText.levels(in:))
        guard Set(levels).count == 1, let level = levels.first else { return nil }
        return (level.region == .sacral ? .sacrum : .vertebra, nil)
    }

    /// The texts that may name a resource's site: its body sites', then its code's.
    static func siteTexts(_ resource: FHIRJSON) -> [String] {
        (resource["bodySite"]?.array ?? []).compactMap { text($0) } + [text(resource["code"])].compactMap { $0 }
    }

    /// Histology from mCODE's histology-morphology-behavior extension text or display.
    static func histology(_ resource: FHIRJSON) -> HistologyType? {
        let item = (resource["extension"]?.array ?? []).first { ($0["url"]?.string ?? "").hasSuffix("histology-morphology-behavior") }
        let concept = item?["valueCodeableConcept"]
        let texts = [text(concept)].compactMap { $0 } + codings(concept).compactMap(\.display)
        return texts.lazy.compactMap(HistologyType.infer(from:)).first
    }

    /// The ECOG grade of an ECOG observation (LOINC 89247-1): mCODE sends `valueInteger`; many
    /// EHRs and national profiles (the German MII oncology module, questionnaire answers) send the
    /// LOINC answer of list LL529-9 as `valueCodeableConcept` — it was dropped, and with it the
    /// prognosis scores' performance item.
    static func ecogGrade(_ observation: FHIRJSON) -> Int? {
        if let value = observation["valueInteger"]?.decimalText.flatMap({ Int($0) }) { return value }
        let answers = ["LA9622-7": 0, "LA9623-5": 1, "LA9624-3": 2, "LA9625-0": 3, "LA9626-8": 4, "LA9627-6": 5]
        return codings(observation["valueCodeableConcept"]).lazy.compactMap { $0.system == FHIRCodes.loinc ? $0.code.flatMap { answers[$0] } : nil }.first
    }

    /// A laboratory result's value: its `valueQuantity` (with its comparator), else a number
    /// written as `valueString` as many laboratory interfaces send it — "3.15 mmol/L", "68",
    /// "< 0.1 ng/mL" (`fromText` keeps the text for the import note). A text that is not one
    /// number with an optional unit ("阴性", "3.1-3.5", "1.2 x 10^9/L") gives none.
    static func labQuantity(_ r: FHIRJSON) -> (value: Double, unit: String?, comparator: String?, fromText: String?)? {
        if let quantity = quantity(r["valueQuantity"]) {
            return (quantity.value, quantity.unit, r["valueQuantity"]?["comparator"]?.string, nil)
        }
        guard let text = r["valueString"]?.string else { return nil }
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var comparator: String?
        for sign in ["<=", ">=", "≤", "≥", "<", ">"] where rest.hasPrefix(sign) {
            comparator = ["≤": "<=", "≥": ">="][sign] ?? sign
            rest = rest.dropFirst(sign.count).drop { $0 == " " }
            break
        }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, let value = Double(number) else { return nil }
        let unit = withoutFlag(rest.dropFirst(number.count).trimmingCharacters(in: .whitespaces))
        // A unit has no digits of its own ("10^9/L" is a count's, read only from a quantity's unit).
        guard !unit.contains(where: \.isNumber) else { return nil }
        return (value, unit.isEmpty ? nil : unit, comparator, text)
    }

    /// The limits of a reference range written as text — "2.11-2.52", "2.11～2.52 mmol/L",
    /// "0--25", "3.5至5.5", "<37", "≤ 5" — in the result's unit; nil for anything else: two
    /// ranges ("男: 53-115; 女: 44-97"), a word ("阴性"), a unit with digits of its own.
    static func rangeText(_ text: String) -> (low: Double?, high: Double?)? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        func number() -> Double? {
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !digits.isEmpty, digits.filter({ $0 == "." }).count <= 1, let value = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            return value
        }
        // After the numbers only a unit may follow: no digits, no second range.
        func onlyUnitLeft() -> Bool { !rest.contains(where: { $0.isNumber || ";；,，:：".contains($0) }) }
        for sign in ["<=", "≤", "<", "＜"] where rest.hasPrefix(sign) {
            rest = rest.dropFirst(sign.count).drop { $0 == " " }
            guard let high = number(), onlyUnitLeft() else { return nil }
            return (nil, high)
        }
        guard let low = number() else { return nil }
        let dashes = ["--", "-", "~", "～", "—", "–", "－", "至"]
        guard let dash = dashes.first(where: rest.hasPrefix) else { return nil }
        rest = rest.dropFirst(dash.count).drop { $0 == " " }
        guard let high = number(), low <= high, onlyUnitLeft() else { return nil }
        return (low, high)
    }

    /// The text after a result's number without the flag laboratory systems print after it —
    /// "2.85mmol/L↑", "2.85 mmol/L H", "45 (L)", "偏低": the arrow came along as the unit's, the
    /// unit was not known and the calcium was not used (2026-12-05). Arrows and asterisks
    /// wherever they end it; a letter or word only as a separate last word.
    static func withoutFlag(_ text: String) -> String {
        var rest = Substring(text)
        while let last = rest.last, "↑↓*★▲▼".contains(last) { rest = rest.dropLast() }
        rest = Substring(rest.trimmingCharacters(in: .whitespaces))
        if let space = rest.lastIndex(where: { $0 == " " }) {
            let word = rest[rest.index(after: space)...]
            if ["H", "L", "HH", "LL", "(H)", "(L)", "高", "低", "偏高", "偏低"].contains(String(word)) { rest = rest[..<space] }
        } else if ["H", "L", "HH", "LL", "(H)", "(L)", "高", "低", "偏高", "偏低"].contains(String(rest)) {
            rest = ""
        }
        return rest.trimmingCharacters(in: .whitespaces)
    }

    /// A Quantity's value as a Double (the decimal text stays in the source).
    /// A score's value as EHRs send it: `valueQuantity` (unit "{score}"), `valueInteger` or
    /// `valueDecimal`. A pain NRS sent as `valueInteger` 5 was "observation not used" (unseen
    /// bundle ehr29); so was a KPS sent as a quantity.
    static func scoreValue(_ r: FHIRJSON) -> Double? {
        if let quantity = quantity(r["valueQuantity"]) { return quantity.value }
        return (r["valueInteger"]?.decimalText ?? r["valueDecimal"]?.decimalText).flatMap(Double.init)
    }

    static func quantity(_ value: FHIRJSON?) -> (value: Double, unit: String?)? {
        guard let text = value?["value"]?.decimalText, let number = Double(text) else { return nil }
        return (number, value?["code"]?.string ?? value?["unit"]?.string)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
