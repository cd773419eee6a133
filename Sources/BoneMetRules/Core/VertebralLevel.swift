import Foundation

/// A vertebral level C1–C7, T1–T12, L1–L5, S1–S5 (the sacrum counted by segment, as SINS does).
public struct VertebralLevel: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Region: String, Sendable, CaseIterable, Codable {
        case cervical = "C", thoracic = "T", lumbar = "L", sacral = "S"

        var count: Int {
            switch self {
            case .cervical: 7
            case .thoracic: 12
            case .lumbar: 5
            case .sacral: 5
            }
        }

        var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

        /// The region of an ASCII letter, either case.
        init?(ascii byte: UInt8) {
            switch byte | 0x20 {
            case 0x63: self = .cervical
            case 0x74: self = .thoracic
            case 0x6C: self = .lumbar
            case 0x73: self = .sacral
            default: return nil
            }
        }
    }

    public let region: Region
    public let number: Int

    public init?(region: Region, number: Int) {
        guard (1...region.count).contains(number) else { return nil }
        self.region = region
        self.number = number
    }

    /// Parses `T11`, `t11`, ` L5 `.
    public init?(_ text: String) {
        // ASCII text (every stored record's) without Foundation: trimming and upper-casing were
        // ~3 % of reading a stored case (issue #12). The same answers as `init(unicode:)` —
        // spaces and tabs are ASCII's `.whitespaces`; `VertebralLevelTests` compares the two.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Substring(text).utf8[...]
            while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
            while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
            guard let letter = bytes.first, let region = Region(ascii: letter) else { return nil }
            let digits = bytes.dropFirst()
            // Digits only, no leading zero, at most two (no level number is longer).
            guard (1...2).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }),
                digits.count == 1 || digits.first != 0x30
            else { return nil }
            self.init(region: region, number: digits.reduce(0) { $0 * 10 + Int($1 - 0x30) })
            return
        }
        self.init(unicode: text)
    }

    /// The general reading (any Unicode text), through Foundation.
    init?(unicode text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard let first = trimmed.first, let region = Region(rawValue: String(first)),
            let number = Int(trimmed.dropFirst()), String(number) == String(trimmed.dropFirst())
        else { return nil }
        self.init(region: region, number: number)
    }

    public static let all: [VertebralLevel] = Region.allCases.flatMap { region in
        (1...region.count).compactMap { VertebralLevel(region: region, number: $0) }
    }

    public var description: String { region.rawValue + String(number) }

    public static func < (lhs: VertebralLevel, rhs: VertebralLevel) -> Bool {
        (lhs.region.order, lhs.number) < (rhs.region.order, rhs.number)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let level = VertebralLevel(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a vertebral level"))
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
