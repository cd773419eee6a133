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

    /// How many sites the lesions are: records of one site once, the others each.
    static func siteCount(_ lesions: [Lesion]) -> Int {
        let keys = lesions.compactMap(\.siteKey)
        return Set(keys).count + lesions.count - keys.count
    }
}
