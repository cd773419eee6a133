import BoneMetRules

/// A pain score whose body site names a region of the body, not a bone: "right hip, worse with
/// walking", "右大腿", "腰背部". Wards chart pain where the patient feels it; an NRS 7 at the
/// "right hip" of a patient whose one lesion there is an intertrochanteric femoral metastasis
/// was imported with no lesion, and the femur's Mirels score read its pain "unknown" (unseen
/// bundle ehr38). The region is read only where no bone is named (a "femoral neck" is the bone,
/// not the neck), and a lesion is taken only when it is the one lesion of that region on that
/// side — the note asks to confirm it.
extension FHIRCaseMapper {
    struct PainRegion: Sendable {
        let words: [String]
        /// The bones of the region, and for a long bone the segments that lie in it (nil: any).
        let bones: [(Bone, Set<BoneSegment>?)]
    }

    static let painRegions: [PainRegion] = [
        // The hip: the proximal femur and the acetabulum; the buttock: the pelvis and sacrum.
        PainRegion(words: ["hip", "髋", "腹股沟", "groin"], bones: [(.femur, [.proximal, .peritrochanteric]), (.acetabulum, nil)]),
        PainRegion(words: ["buttock", "gluteal", "臀"], bones: [(.pelvis, nil), (.sacrum, nil)]),
        PainRegion(words: ["thigh", "大腿", "股部"], bones: [(.femur, nil)]),
        PainRegion(words: ["knee", "膝"], bones: [(.femur, [.distal]), (.tibia, [.proximal]), (.fibula, [.proximal])]),
        PainRegion(words: ["lower leg", "shin", "calf", "小腿"], bones: [(.tibia, nil), (.fibula, nil)]),
        PainRegion(words: ["shoulder", "肩"], bones: [(.humerus, [.proximal]), (.scapula, nil), (.clavicle, nil)]),
        PainRegion(words: ["upper arm", "上臂"], bones: [(.humerus, nil)]),
        PainRegion(words: ["forearm", "前臂"], bones: [(.radius, nil), (.ulna, nil)]),
        // A whole limb: every bone of it.
        PainRegion(words: ["upper limb", "上肢"], bones: [(.humerus, nil), (.radius, nil), (.ulna, nil), (.hand, nil)]),
        PainRegion(words: ["lower limb", "下肢"], bones: [(.femur, nil), (.tibia, nil), (.fibula, nil), (.foot, nil)]),
        PainRegion(words: ["low back", "lower back", "lumbar", "腰"], bones: [(.vertebra, nil), (.sacrum, nil)]),
        PainRegion(words: ["chest wall", "胸壁", "肋"], bones: [(.rib, nil), (.sternum, nil)]),
    ]

    /// The lumbar region's vertebrae are lumbar; the other regions' bones are matched by bone.
    static func fits(_ lesion: Lesion, _ region: PainRegion) -> Bool {
        let site = lesion.withSiteFromNote
        return region.bones.contains { bone, segments in
            guard site.bone == bone else { return false }
            if bone == .vertebra { return site.level?.region == .lumbar }
            guard let segments else { return true }
            // A long bone with no segment recorded may lie in the region; the femur's head and
            // neck are its proximal end.
            return site.segment.map(segments.contains) ?? true
        }
    }

    /// The one lesion of the region a pain record's body site names, and the words it named;
    /// nil when its text names a bone, no region, or a region holding no lesion or several.
    static func regionLesion(_ r: FHIRJSON, lesions: [Lesion]) -> (id: String, site: String)? {
        guard FHIRRead.textBodySite(r) == nil,
            let text = (r["bodySite"]?.array ?? []).compactMap({ FHIRRead.text($0) }).first
        else { return nil }
        let lower = text.lowercased()
        let regions = painRegions.filter { $0.words.contains(where: lower.contains) }
        guard !regions.isEmpty else { return nil }
        let right = lower.contains("right") || lower.contains("右") || lower.hasPrefix("rt ")
        let left = lower.contains("left") || lower.contains("左") || lower.hasPrefix("lt ")
        let side: Laterality? = right == left ? nil : (right ? .right : .left)
        let matches = lesions.filter { lesion in
            regions.contains { fits(lesion, $0) }
                && (side == nil || lesion.laterality == nil || lesion.laterality == side || lesion.laterality == .midline)
        }
        // Both sides named, or none, with a paired bone: which side is not said.
        if side == nil, matches.contains(where: { $0.laterality == .left || $0.laterality == .right }), matches.count > 1 { return nil }
        guard matches.count == 1, let lesion = matches.first else { return nil }
        return (lesion.id, text)
    }

    /// The lesion of a pain score by its body site: a coded or named bone first, then a region
    /// ("right hip") holding one lesion — said in a note to confirm.
    static func painRegion(_ r: FHIRJSON, label: String, nrs: Int, record: CaseRecord, notes: inout [MappingNote]) -> String? {
        let listed = bodySiteAsList(r)
        if let bone = FHIRRead.bodySiteLesion(listed, lesions: record.lesions) { return bone }
        guard let (id, site) = regionLesion(listed, lesions: record.lesions) else { return nil }
        notes.append(MappingNote(resource: label, message: "pain NRS \(nrs) at \"\(site)\" read at \(id), the one lesion of that region — confirm"))
        return id
    }
}

extension FHIRCaseMapper {
    /// A pain score with no body site whose text says where the pain is after its number —
    /// "NRS 6分，左髋负重时加重" (unseen bundle ehr40) — is read with that place as its body site.
    static func withPlaceFromText(_ r: FHIRJSON) -> FHIRJSON {
        guard r["bodySite"] == nil, let text = r["valueString"]?.string, let place = painText(text)?.rest, !place.isEmpty else { return r }
        return .object(r.members + [.init("bodySite", .array([.object([.init("text", .string(place))])]))])
    }
}
