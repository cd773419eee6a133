/// One place in the skeleton, for telling two records of one lesion from two lesions: reports
/// from several studies entered separately name T11 twice (`diagnosis.record.sameSite`), and
/// the scores count sites, not records (Tokuhashi 2005 counts vertebral bodies).
extension Lesion {
    /// The site as one place: a spinal level; a limb long bone or clavicle with side and
    /// segment. Nil where two records may be two lesions (a rib, the pelvis, no level).
    var siteKey: String? {
        if isSpinal {
            return level.map { "\(bone.rawValue)|\($0)" }
        }
        guard Self.longBones.contains(bone), let side = laterality, side == .left || side == .right, let segment else { return nil }
        return "\(bone.rawValue)|\(side.rawValue)|\(segment.rawValue)"
    }

    private static let longBones: Set<Bone> = [.femur, .humerus, .tibia, .fibula, .radius, .ulna, .clavicle]

    /// How many sites the lesions are: records of one site once, the others each; a record whose
    /// note says it is several ("骨盆多发", "multiple rib lesions") at least two — recorded as one
    /// row, "骨盆多发" was a solitary lesion sent to biopsy, and Tokuhashi counted two extraspinal
    /// foci for "骨盆多发" and "多发肋骨" (cb50-a).
    static func siteCount(_ lesions: [Lesion]) -> Int {
        let keys = lesions.compactMap(\.siteKey)
        return Set(keys).count + lesions.count - keys.count + lesions.filter(\.namesSeveral).count
    }

    /// The note says the record is several lesions: 多发, 多处, 弥漫, multiple, multifocal, diffuse
    /// — not "多发性骨髓瘤" / "multiple myeloma", a diagnosis —, or a spinal record's note names
    /// two or more vertebrae ("T12、L1椎体", "L3-L5"; `VertebralLevel.namesSeveral(in:)`).
    public var namesSeveral: Bool {
        guard var text = note?.lowercased(), !text.isEmpty else { return false }
        // The sacrum is one bone: "骶骨S1-S2右侧" is one lesion of it.
        if bone == .vertebra, let note, VertebralLevel.namesSeveral(in: note) { return true }
        for diagnosis in ["多发性骨髓瘤", "多发骨髓瘤", "multiple myeloma"] {
            text = text.split(separator: diagnosis, omittingEmptySubsequences: false).joined(separator: " ")
        }
        return ["多发", "多处", "弥漫", "multiple", "multifocal", "diffuse", "several"].contains(where: text.contains)
    }
}
