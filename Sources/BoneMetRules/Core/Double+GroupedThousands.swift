extension Double {
    /// A count written whole with its thousands grouped by a space, as the findings write counts
    /// per µL in both languages: "100 000", "85 000".
    var groupedThousands: String {
        let digits = String(Int(rounded()))
        var out = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0, character != "-" { out.append(" ") }
            out.append(character)
        }
        return String(out.reversed())
    }
}
