import BoneMetRules
import Foundation

/// How one site's readings are kept and merged: what each mention adds, whether the report
/// affirms a lesion there, and one reading per field (`finish`).
extension SuggestedLesion {
    mutating func add(_ mention: ReportExtractor.Mention) {
        // Epidural compression and SINS's collapse, alignment and posterior elements are the
        // spine's: "No epidural extension" after a femoral-neck sentence gave the femur an ESCC
        // reading; an acetabulum's "关节面塌陷" (articular surface collapsed) was offered as
        // "vertebral collapse" (unseen report, 2026-12-04).
        if ["escc", "esccStated", "posterolateral", "collapse", "alignment"].contains(mention.field), ![.vertebra, .sacrum].contains(site.bone), site.level == nil { return }
        // Epiphysis and eccentricity are a limb long bone's (the giant-cell-tumour picture; the case
        // format records `epiphyseal` on those bones only): "T5椎体偏心性骨质破坏" says nothing of it.
        if ["epiphyseal", "eccentric"].contains(mention.field), !Self.limbLongBones.contains(site.bone) { return }
        readings.append(Reading(field: mention.field, value: mention.value, certainty: mention.certainty, evidence: [mention.span]))
    }

    static let limbLongBones: Set<Bone> = [.femur, .tibia, .fibula, .humerus, .radius, .ulna]
    static let indicative: Set<String> = ["lesion", "character", "destruction", "softTissue", "softTissueMm", "fracture", "uptake", "escc", "esccStated", "diametersMm", "posterolateral", "rim", "fractionOfDiameter", "mirelsSize"]

    /// Whether the report affirms a lesion here, from its readings; nil: nothing said about it.
    var lesionCertainty: Certainty? {
        let telling = readings.filter { Self.indicative.contains($0.field) && !($0.certainty == .negated && $0.field == "posterolateral") }
        if telling.contains(where: { $0.certainty == .affirmed }) { return .affirmed }
        for certainty in [Certainty.uncertain, .other, .historical, .negated] where telling.contains(where: { $0.certainty == certainty }) { return certainty }
        return readings.isEmpty ? nil : (readings.contains { $0.certainty == .affirmed } ? .affirmed : readings[0].certainty)
    }

    /// A grade the report writes with its scale's name ("Bilsky 2", "ESCC分级：2级") is the
    /// radiologist's conclusion: it is the reading, and the words' grades join its evidence —
    /// "contacts and mildly deforms the spinal cord without surrounding CSF … (Bilsky 2)" is 2,
    /// not the 3 its words alone would give (corpus b12-en-07). Without one, the words decide.
    mutating func foldStatedGrade() {
        guard let first = readings.firstIndex(where: { $0.field == "esccStated" || $0.field == "escc" }),
            readings.contains(where: { $0.field == "esccStated" }) else { return }
        let stated = readings.filter { $0.field == "esccStated" && $0.certainty == .affirmed }
        guard let top = stated.max(by: { $0.value < $1.value }) else {
            readings = readings.map { $0.field == "esccStated" ? Reading(field: "escc", value: $0.value, certainty: $0.certainty, evidence: $0.evidence) : $0 }
            return
        }
        let words = readings.filter { $0.field == "escc" && $0.certainty == .affirmed }
        let grade = Reading(field: "escc", value: top.value, certainty: .affirmed, evidence: (stated + words).flatMap(\.evidence).sorted())
        var kept = readings.enumerated().filter { item in
            !(item.element.field == "esccStated" || (item.element.field == "escc" && item.element.certainty == .affirmed))
        }.map(\.element)
        kept.insert(grade, at: min(first, kept.count))
        readings = kept
    }

    /// One reading per field: the same value said twice is one reading with both spans; lytic
    /// and blastic together are mixed; an affirmed and a negated statement of one thing are
    /// uncertain (never affirmed); the first size is the lesion's.
    mutating func finish() {
        foldStatedGrade()
        var merged: [Reading] = []
        var fields: [String] = []
        for reading in readings where !fields.contains(reading.field) { fields.append(reading.field) }
        for field in fields {
            var said = readings.filter { $0.field == field }
            // What the report says of another structure at the same site (a bone island in the
            // femoral head beside an FDG-avid proximal femur) is shown apart: it neither merges
            // into the lesion's own reading nor makes it uncertain (unseen PET-CT report).
            var aside: [Reading] = []
            if said.contains(where: { $0.certainty != .other }) {
                aside = said.filter { $0.certainty == .other }
                said.removeAll { $0.certainty == .other }
            }
            defer {
                var values: [String] = []
                for reading in aside where !values.contains(reading.value) { values.append(reading.value) }
                for value in values {
                    merged.append(Reading(field: field, value: value, certainty: .other, evidence: aside.filter { $0.value == value }.flatMap(\.evidence).sorted()))
                }
            }
            if field == "posterolateral" {
                // "Right pedicle and left facet involved": one element on each side is SINS's
                // bilateral (3), not unilateral (1). The side is dropped from the value after.
                let sides = Set(said.filter { $0.certainty == .affirmed }.map(\.value).filter { $0.hasPrefix("unilateral:") })
                // "Right pedicle involved; left pedicle spared" (unseen report b16-en-03): the side
                // denied is the other side of the one involved — unilateral, as stated, not a
                // contradiction read in doubt. Denied without another side involved, it is "none".
                let involvedSides = Set(sides.map { String($0.dropFirst("unilateral:".count)) })
                said.removeAll { reading in
                    guard reading.certainty == .negated, reading.value.hasPrefix("none:") else { return false }
                    return !involvedSides.isEmpty && !involvedSides.contains(String(reading.value.dropFirst("none:".count)))
                }
                said = said.map { reading in
                    reading.value.hasPrefix("none:") ? Reading(field: reading.field, value: "none", certainty: reading.certainty, evidence: reading.evidence) : reading
                }
                said = said.map { reading in
                    guard reading.value.hasPrefix("unilateral:") else { return reading }
                    let value = sides.count > 1 && reading.certainty == .affirmed ? "bilateral" : "unilateral"
                    return Reading(field: reading.field, value: value, certainty: reading.certainty, evidence: reading.evidence)
                }
                // The elements named without a side and then with one ("附件受累，以双侧椎弓根为著",
                // "posterior elements受累（双侧椎弓根）"): the side said is the reading — it read
                // "involved, side not stated" (unseen reports, 2026-12-06). Its evidence keeps both.
                if let sided = said.first(where: { $0.certainty == .affirmed && ($0.value == "unilateral" || $0.value == "bilateral") }),
                    said.contains(where: { $0.certainty == .affirmed && $0.value == "involved" }) {
                    let merged = said.filter { $0.certainty == .affirmed && ["involved", sided.value].contains($0.value) }
                    said.removeAll { $0.certainty == .affirmed && ["involved", sided.value].contains($0.value) }
                    said.insert(Reading(field: field, value: sided.value, certainty: .affirmed, evidence: merged.flatMap(\.evidence).sorted()), at: 0)
                }
            }
            if field == "lesion" { said = said.map { Reading(field: "lesion", value: "true", certainty: $0.certainty, evidence: $0.evidence) } }
            if field == "character" {
                // The character it had (`refine`: "previously lytic") gives way to the one it has.
                if said.contains(where: { $0.certainty == .affirmed }) { said.removeAll { $0.certainty == .historical } }
                let affirmedValues = Set(said.filter { $0.certainty == .affirmed }.map(\.value))
                if affirmedValues.count > 1 || affirmedValues.contains("mixed") {
                    merged.append(Reading(field: field, value: "mixed", certainty: .affirmed, evidence: said.filter { $0.certainty == .affirmed }.flatMap(\.evidence).sorted()))
                    continue
                }
                // "部分呈溶骨性破坏，部分呈成骨性改变" of a list of sites: each is one or the other —
                // mixed, in doubt (it read "lytic, in doubt" for every site, unseen PET-CT report).
                let doubted = Set(said.filter { $0.certainty == .uncertain }.map(\.value))
                if affirmedValues.isEmpty, doubted.count > 1, said.allSatisfy({ $0.certainty == .uncertain }) {
                    merged.append(Reading(field: field, value: "mixed", certainty: .uncertain, evidence: said.flatMap(\.evidence).sorted()))
                    continue
                }
            }
            if field == "escc" {
                // The highest grade affirmed (cord compression with CSF gone is grade 3).
                let affirmed = said.filter { $0.certainty == .affirmed }
                if let top = affirmed.max(by: { $0.value < $1.value }) {
                    merged.append(Reading(field: field, value: top.value, certainty: .affirmed, evidence: affirmed.flatMap(\.evidence).sorted()))
                    continue
                }
            }
            if field == "collapse" {
                // "压缩变扁，压缩约1/3": the mention that gives the degree says it.
                let graded = said.filter { $0.certainty == .affirmed && $0.value != "present" }
                if let first = graded.first {
                    merged.append(Reading(field: field, value: first.value, certainty: .affirmed, evidence: said.flatMap(\.evidence).sorted()))
                    continue
                }
                // The degree said only in doubt (a half, `collapseAtHalf`) beside a collapse stated
                // ("compression fracture"): that degree, in doubt — not "present, in doubt".
                if let doubted = said.first(where: { $0.certainty == .uncertain && $0.value != "present" }), !said.contains(where: { $0.certainty == .negated }) {
                    merged.append(Reading(field: field, value: doubted.value, certainty: .uncertain, evidence: said.flatMap(\.evidence).sorted()))
                    continue
                }
            }
            if field == "diametersMm" || field == "softTissueMm" {
                let affirmed = said.first { $0.certainty == .affirmed } ?? said[0]
                merged.append(affirmed)
                continue
            }
            let values = Set(said.map(\.value))
            let certainties = Set(said.map(\.certainty))
            let evidence = said.flatMap(\.evidence).sorted()
            if values.count == 1, certainties.count == 1 {
                merged.append(Reading(field: field, value: said[0].value, certainty: said[0].certainty, evidence: evidence))
            } else if values.count == 1 {
                // Said plainly and also with doubt ("异常信号 … 转移瘤可能"): one reading per way
                // it was said, the plain one first — the doubtful words stay marked as doubtful.
                for certainty in [Certainty.affirmed, .negated, .uncertain, .historical, .other] where certainties.contains(certainty) {
                    let these = said.filter { $0.certainty == certainty }
                    merged.append(Reading(field: field, value: these[0].value, certainty: certainty, evidence: these.flatMap(\.evidence).sorted()))
                }
            } else if let affirmed = said.first(where: { $0.certainty == .affirmed }), said.allSatisfy({ $0.certainty == .affirmed || $0.value == affirmed.value }) {
                merged.append(Reading(field: field, value: affirmed.value, certainty: .affirmed, evidence: evidence))
            } else if ["alignment", "character"].contains(field), let affirmed = said.first(where: { $0.certainty == .affirmed }),
                said.allSatisfy({ $0.value == affirmed.value ? $0.certainty == .affirmed : $0.certainty == .negated }) {
                // One category said and another denied agree: "Alignment is normal. No
                // subluxation." was "normal, uncertain" (unseen CT report, 2026-12-06).
                merged.append(Reading(field: field, value: affirmed.value, certainty: .affirmed, evidence: evidence))
            } else if let affirmed = said.first(where: { $0.certainty == .affirmed }),
                said.allSatisfy({ $0.value == affirmed.value ? $0.certainty == .affirmed : $0.certainty != .affirmed && $0.certainty != .negated }) {
                // Stated, and another value said only in doubt: the statement stands, the doubt
                // beside it — "A new focus is seen in the left proximal humerus … New left humeral
                // lesion suspicious for progression" made the stated "new" a doubt (unseen
                // bone-scan report, 2026-12-06).
                merged.append(Reading(field: field, value: affirmed.value, certainty: .affirmed, evidence: said.filter { $0.value == affirmed.value }.flatMap(\.evidence).sorted()))
                var others: [String] = []
                for reading in said where reading.value != affirmed.value && !others.contains(reading.value) { others.append(reading.value) }
                for value in others {
                    let these = said.filter { $0.value == value }
                    merged.append(Reading(field: field, value: value, certainty: these[0].certainty, evidence: these.flatMap(\.evidence).sorted()))
                }
            } else {
                // Denied and not stated: the denial's value — "No fracture" and "at risk of
                // pathologic fracture" read "fracture present, stated as absent" when the risk came
                // first (a side-less "femoral neck width" merged in after; unseen X-ray report).
                let denied = certainties.contains(.negated) && !certainties.contains(.affirmed)
                let value = said.first { $0.certainty == .affirmed }?.value
                    ?? (denied ? said.first { $0.certainty == .negated }?.value : nil) ?? said[0].value
                merged.append(Reading(field: field, value: value, certainty: denied ? .negated : .uncertain, evidence: evidence))
            }
        }
        readings = merged
        siteEvidence = Array(Set(siteEvidence)).sorted()
    }
}
