import Foundation
import BoneMetRules

extension FHIRCaseMapper {
    /// A bone-metastasis Condition's body sites, one entry for each site it names, when it names
    /// two or more: a Chinese EHR's problem list writes one "多发骨转移" with the body site
    /// "T12、L1椎体及右侧股骨近端" (unseen bundle ehr5), which became one lesion of bone "other" —
    /// no SINS for either vertebra, no Mirels for the femur, and the pathological fracture of the
    /// femur and its nail placed on nothing. Each entry is a body site as FHIR writes one
    /// (`{"text": …}` or the coded entry itself), for `metastasisLesion` to read as usual.
    ///
    /// Several `bodySite` entries are several sites. One text is read by its parts (split at the
    /// list words "、", "及", "和", "+", commas, semicolons, and at spaces between sites): a part naming exactly one bone other
    /// than the spine is a site, with its own words (its side and segment); the vertebral levels of
    /// the spinal parts, read together so that lists and spans keep their meaning ("T7、8、9",
    /// "T10-12"), are a site each; a spinal part naming no level ("胸腰椎多发") one site. A part
    /// naming nothing is a site only when it is a level list's number; otherwise the text is not
    /// split (it says something this reading does not know). Nil when fewer than two sites.
    static func metastasisSites(_ r: FHIRJSON) -> [FHIRJSON]? {
        // No body site: the condition's text where it names its sites ("骨转移（T12、L1椎体）").
        let entries = r["bodySite"] == nil ? siteInText(FHIRRead.text(r["code"])).map { [FHIRJSON.object([.init("text", .string($0))])] } ?? [] : r["bodySite"]?.array ?? []
        guard !entries.isEmpty else { return nil }
        var sites: [FHIRJSON] = []
        for entry in entries {
            let coded = FHIRRead.codings(entry).contains { $0.system == FHIRCodes.snomed && $0.code.flatMap { bodySites[$0] } != nil }
            if !coded, let parts = FHIRRead.text(entry).flatMap(textSites) {
                sites += parts.map { FHIRJSON.object([.init("text", .string($0))]) }
            } else {
                sites.append(entry)
            }
        }
        return sites.count > 1 ? sites : nil
    }

    /// The site texts one body-site text names (see `metastasisSites`); nil when a part is
    /// unread.
    static func textSites(_ text: String) -> [String]? {
        // English lists end with "and" ("thoracic spine, pelvis and left femur"); sites written
        // with spaces between them ("T12 L1 右股骨近端") are parts too (`SiteList.parts`).
        // A level list's numbers ("T7、8、9") stay with their level (`SiteList.levelListsRejoined`).
        let parts = SiteList.levelListsRejoined(SiteList.parts(text, englishAnd: true))
        // One part may still name several vertebrae ("T10-12椎体", "胸10至腰1"): each is a site.
        guard parts.count > 1 || VertebralLevel.levelsNamed(in: text).count > 1 else { return nil }
        var sites: [String] = []
        var spinal: [String] = []
        var spinalAt = 0
        for part in parts {
            let levels = VertebralLevel.levelsNamed(in: part)
            let named = Bone.named(in: part)
            if !levels.isEmpty || named?.bone == .vertebra {
                if spinal.isEmpty { spinalAt = sites.count }
                spinal.append(part)
            } else if let named, named.bone != .other {
                sites.append(part)
            } else {
                return nil
            }
        }
        if !spinal.isEmpty {
            let levels = VertebralLevel.levelsNamed(in: spinal.joined(separator: "、"))
            if levels.isEmpty {
                sites.insert(spinal.joined(separator: "、"), at: spinalAt)
            } else {
                // Each level in the words that name it where one part names it alone ("L1椎体"),
                // else as the level with its bone word.
                var seen: Set<VertebralLevel> = []
                let perLevel = levels.filter { seen.insert($0).inserted }.map { level in
                    spinal.first { VertebralLevel.levelsNamed(in: $0) == [level] && Bone.named(in: $0) != nil }
                        ?? "\(level.description)\(level.region == .sacral ? "骶椎" : "椎体")"
                }
                sites.insert(contentsOf: perLevel, at: spinalAt)
            }
        }
        return sites.count > 1 ? sites : nil
    }
}

extension FHIRCaseMapper {
    /// The lesions of a bone-metastasis Condition: one for each site it names (`metastasisSites`),
    /// ids `<condition id>-1`, `-2` … in the order written, with a note saying so; else its one
    /// lesion.
    static func metastasisLesions(
        _ resource: FHIRResource, confirm: String?, position: Int, label: String, notes: inout [MappingNote]
    ) -> [(lesion: Lesion, relatedId: String?, ownExport: Bool)] {
        let r = resource.json
        guard FHIRRead.extensionValue(r, "lesion") == nil, let sites = metastasisSites(r) else {
            return [metastasisLesion(resource, confirm: confirm, position: position, label: label, notes: &notes)]
        }
        let base = resource.id ?? "lesion\(position)"
        // One entry for each site (nil where the part does not make a resource), in order.
        func mapped(_ sites: [FHIRJSON], notes: inout [MappingNote]) -> [(lesion: Lesion, relatedId: String?, ownExport: Bool)?] {
            sites.enumerated().map { number, site -> (lesion: Lesion, relatedId: String?, ownExport: Bool)? in
                var members = r.members.filter { $0.key != "bodySite" && $0.key != "id" }
                members.insert(.init("id", .string("\(base)-\(number + 1)")), at: 0)
                members.append(.init("bodySite", .array([site])))
                guard let part = try? FHIRResource(.object(members)) else { return nil }
                return metastasisLesion(part, confirm: confirm, position: position + number, label: label, notes: &notes)
            }
        }
        // One site written twice ("L1" and "L1椎体", "右股骨、右股骨") is one lesion: the sites
        // are read once to find the distinct ones, then numbered in order.
        var scratch: [MappingNote] = []
        var seen: Set<String> = []
        let distinctSites = zip(sites, mapped(sites, notes: &scratch)).filter { _, item in
            guard let l = item?.lesion else { return false }
            return seen.insert([l.bone.rawValue, l.level?.description ?? "", l.laterality?.rawValue ?? "", l.segment?.rawValue ?? ""].joined(separator: "|")).inserted
        }.map(\.0)
        guard distinctSites.count > 1 else {
            return [metastasisLesion(resource, confirm: confirm, position: position, label: label, notes: &notes)]
        }
        // A note every part gives alike ("no onset: diagnosed by its recorded date …") is the
        // Condition's, said once (ehr34's two sites printed it twice).
        var partNotes: [MappingNote] = []
        let distinct = mapped(distinctSites, notes: &partNotes).compactMap { $0 }
        var said: Set<MappingNote> = []
        for note in partNotes where said.insert(note).inserted { notes.append(note) }
        let named = distinct.map { "\($0.lesion.id) (\($0.lesion.note ?? $0.lesion.bone.rawValue))" }.joined(separator: ", ")
        notes.append(MappingNote(resource: label, message: "its body site names \(distinct.count) sites: recorded as \(distinct.count) lesions — \(named); confirm"))
        return distinct
    }
}
