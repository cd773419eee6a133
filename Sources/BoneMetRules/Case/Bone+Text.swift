/// The bone a text names — an EHR body site, an operation's or a radiotherapy course's name — in
/// English or Chinese (moved here from the FHIR import's codes so that the rules read a treatment
/// row's name as the import reads a Procedure's text).
extension Bone {
    /// "胫腓骨" and "尺桡骨" name two bones (a tibia noted "左胫腓骨" is not a fibula).
    static let textNames: [(Bone, [String])] = [
        (.femur, ["femur", "femoral", "股骨"]), (.humerus, ["humerus", "humeral", "肱骨"]), (.tibia, ["tibia", "胫骨", "胫腓"]), (.fibula, ["fibula", "腓骨"]),
        (.radius, ["radius", "桡骨"]), (.ulna, ["ulna", "尺骨", "尺桡"]), (.sacrum, ["sacrum", "sacral", "骶骨", "骶椎"]),
        (.vertebra, ["vertebra", "spine", "spinal", "椎"]), (.rib, ["rib", "肋"]), (.sternum, ["sternum", "胸骨"]),
        (.clavicle, ["clavicle", "锁骨"]), (.scapula, ["scapula", "肩胛"]), (.acetabulum, ["acetabul", "髋臼"]),
        (.pelvis, ["pelvis", "pelvic", "ilium", "iliac", "ischium", "pubis", "骨盆", "髂骨", "坐骨", "耻骨"]), (.skull, ["skull", "cranium", "颅骨"]),
    ]

    /// The bone and side a text names ("左股骨转移", "metastasis to the right femur"), when it
    /// names exactly one bone; both sides named read `bilateral`.
    public static func named(in text: String) -> (bone: Bone, side: Laterality?)? {
        let t = text.lowercased()
        let bones = textNames.filter { $0.1.contains(where: t.contains) }.map(\.0)
        guard bones.count == 1, let bone = bones.first else { return nil }
        let left = t.contains("left") || t.contains("左")
        let right = t.contains("right") || t.contains("右")
        return (bone, left && !right ? .left : right && !left ? .right : left && right ? .bilateral : nil)
    }
}
