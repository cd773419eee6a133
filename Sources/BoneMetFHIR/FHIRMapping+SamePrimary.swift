import BoneMetRules
import Foundation

extension FHIRCaseMapper {
    /// Two Conditions of the same site and histology are one cancer coded twice (Synthea codes
    /// "NSCLC" and "NSCLC, TNM stage 1"): kept once, the earliest, and said so. What the later one
    /// adds about its state is kept on it: a US export's "Hormone refractory prostate cancer"
    /// (SNOMED CT 427492003) beside "Malignant tumor of prostate" was merged away with the
    /// castration resistance it names (unseen bundle ehr25–26) — the indication of the bone agents
    /// turns on it. Resistance follows sensitivity and never the reverse, so either Condition
    /// reading resistant makes the cancer resistant.
    static func mergeSamePrimaries(_ record: inout CaseRecord, primaryIdByResource: inout [String: String], notes: inout [MappingNote]) {
        var kept: [PrimaryCancer] = []
        for primary in record.primaries.sorted(by: { ($0.diagnosed?.earliestDay ?? Int.max, $0.id) < ($1.diagnosed?.earliestDay ?? Int.max, $1.id) }) {
            guard let at = kept.firstIndex(where: { $0.site == primary.site && $0.site != .other && $0.effectiveHistology == primary.effectiveHistology }) else {
                kept.append(primary)
                continue
            }
            let same = kept[at]
            var stateKept = ""
            if let later = primary.isCastrationResistant, later != same.isCastrationResistant, same.isCastrationResistant != true {
                kept[at].castrationResistant = later
                stateKept = later ? "; its castration resistance kept" : "; its castration sensitivity kept"
            }
            notes.append(MappingNote(
                resource: "Condition/\(primary.id)", message: "same site and histology as Condition/\(same.id): taken as the same primary cancer\(stateKept) — confirm"))
            for (resource, id) in primaryIdByResource where id == primary.id { primaryIdByResource[resource] = same.id }
        }
        record.primaries = kept
    }
}
