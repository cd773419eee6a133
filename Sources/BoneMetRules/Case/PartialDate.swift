/// A date as precise as the record knows it: `2022`, `2022-01` or `2022-01-10`. It stays
/// partial (never silently becomes the 1st of January); rules that compare dates use the
/// earliest or latest day it can stand for, and say so.
public struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    /// Month and day as stored: 0 where the record does not know them. Kept as bytes, and the
    /// first and last day worked out once here (issue #12: the rules ask a date for its days
    /// some 450 times in their code, and each ask ran the calendar arithmetic again; copies of
    /// lesions, studies and treatments carry several dates each).
    private let storedMonth: UInt8
    private let storedDay: UInt8
    /// The first day this date can stand for, as days since 1970-01-01.
    public let earliestDay: Int
    /// The last day this date can stand for.
    public let latestDay: Int

    public var month: Int? { storedMonth == 0 ? nil : Int(storedMonth) }
    public var day: Int? { storedDay == 0 ? nil : Int(storedDay) }

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1900...2200).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...PartialDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// Month and day already checked against the calendar.
    private init(checkedYear year: Int, month: Int?, day: Int?) {
        self.year = year
        storedMonth = UInt8(month ?? 0)
        storedDay = UInt8(day ?? 0)
        earliestDay = PartialDate.days(year: year, month: month ?? 1, day: day ?? 1)
        let lastMonth = month ?? 12
        latestDay = PartialDate.days(year: year, month: lastMonth, day: day ?? PartialDate.daysInMonth(year: year, month: lastMonth))
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    /// Read on the UTF-8 bytes: every dated field of every stored case goes through here
    /// (issue #12: splitting into substrings was a sixth of reading a stored case).
    public init?(_ text: String) {
        let length = text.utf8.count
        guard length == 4 || length == 7 || length == 10 else { return nil }
        var year = 0
        var month = 0
        var day = 0
        for (index, byte) in text.utf8.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if index < 4 {
                year = year * 10 + digit
            } else if index < 7 {
                month = month * 10 + digit
            } else {
                day = day * 10 + digit
            }
        }
        self.init(year: year, month: length >= 7 ? month : nil, day: length == 10 ? day : nil)
    }

    /// A date as records write it, year first — ISO ("2025-03-04", also "2025-3-4"), slashes
    /// or dots ("2025/3/4", "2025.03.04"; one separator throughout), or Chinese ("2025年3月4日",
    /// "2025年3月", "2025年"). Day-first and month-first forms ("04/03/2025") are refused: they
    /// cannot be told apart. `CaseSchema`'s date pattern states the same forms.
    public init?(written text: String) {
        if let iso = PartialDate(text) { self = iso; return }
        var rest = Substring(text)
        while rest.first == " " { rest = rest.dropFirst() }
        while rest.last == " " { rest = rest.dropLast() }
        // A date and time ("2025-07-01 08:30:00", "2025-07-01T08:30:00+08:00", as laboratory and
        // EHR systems export them): the date as written — no rule reads the time of day.
        if let cut = Self.timeSuffix(rest) {
            guard let date = PartialDate(written: String(rest[..<cut])), date.day != nil else { return nil }
            self = date
            return
        }
        var fields: [Int] = []
        var current: Int?
        var digits = 0
        var separator: Character?
        for character in rest {
            if character.isASCII, let digit = character.wholeNumberValue {
                current = (current ?? 0) * 10 + digit
                digits += 1
                guard digits <= (fields.isEmpty ? 4 : 2) else { return nil }
                continue
            }
            guard let value = current else { return nil }
            if fields.isEmpty {
                guard "-/.年".contains(character) else { return nil }
                separator = character
            } else if separator == "年" {
                guard character == (fields.count == 1 ? "月" : "日") else { return nil }
            } else {
                guard character == separator, fields.count == 1 else { return nil }
            }
            fields.append(value)
            current = nil
            digits = 0
        }
        if let value = current {
            // "2025年3" — a month must say 月.
            if separator == "年" && fields.count == 1 { return nil }
            fields.append(value)
        } else if separator != "年" {
            // Ends on a separator ("2025/03/"), or is empty.
            return nil
        }
        guard (1...3).contains(fields.count) else { return nil }
        self.init(year: fields[0], month: fields.count > 1 ? fields[1] : nil, day: fields.count > 2 ? fields[2] : nil)
    }

    /// Where a time of day starts after a date: a space or "T", then H:MM, optional :SS and
    /// fraction, optional zone (Z, ±HH, ±HHMM, ±HH:MM) — the same as `CaseSchema.datePattern`.
    static func timeSuffix(_ text: Substring) -> Substring.Index? {
        guard let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) else { return nil }
        var rest = Array(text[text.index(after: cut)...])
        func digits(_ range: ClosedRange<Int>) -> Bool {
            var count = 0
            while count < min(rest.count, range.upperBound), rest[count].isASCII, rest[count].isNumber { count += 1 }
            guard range.contains(count) else { return false }
            rest.removeFirst(count)
            return true
        }
        func take(_ character: Character) -> Bool {
            guard rest.first == character else { return false }
            rest.removeFirst()
            return true
        }
        guard digits(1...2), take(":"), digits(2...2) else { return nil }
        if take(":") {
            guard digits(2...2) else { return nil }
            if take("."), !digits(1...9) { return nil }
        }
        if take("Z") {
        } else if take("+") || take("-") {
            guard digits(2...2) else { return nil }
            if take(":") { guard digits(2...2) else { return nil } } else if !rest.isEmpty { guard digits(2...2) else { return nil } }
        }
        return rest.isEmpty ? cut : nil
    }

    /// A full date from a day number (days since 1970-01-01).
    public init(dayNumber: Int) {
        let (y, m, d) = PartialDate.civil(fromDays: dayNumber)
        self.year = y
        storedMonth = UInt8(m)
        storedDay = UInt8(d)
        earliestDay = dayNumber
        latestDay = dayNumber
    }

    public var isComplete: Bool { storedDay != 0 }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Written digit by digit into the string's own storage
    /// (issue #12: findings name dates in most of their texts; padding through interpolation
    /// was ~4 % of an assessment); any value outside the usual widths the long way.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month ?? 0), (0...99).contains(day ?? 0) else { return paddedDescription }
        let count = 4 + (month == nil ? 0 : 3) + (day == nil ? 0 : 3)
        return String(unsafeUninitializedCapacity: count) { buffer in
            var end = 0
            func put(_ value: Int, width: Int) {
                var rest = value
                for offset in stride(from: end + width - 1, through: end, by: -1) {
                    buffer[offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                end += width
            }
            put(year, width: 4)
            if let month {
                buffer[end] = UInt8(ascii: "-")
                end += 1
                put(month, width: 2)
            }
            if let day {
                buffer[end] = UInt8(ascii: "-")
                end += 1
                put(day, width: 2)
            }
            return end
        }
    }

    /// The same text, padded through interpolation (any year, month or day).
    var paddedDescription: String {
        var text = pad(year, to: 4)
        if let month { text += "-" + pad(month, to: 2) }
        if let day { text += "-" + pad(day, to: 2) }
        return text
    }

    /// Ordered by earliest day; a less precise date sorts before a precise one on the same day.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.earliestDay != rhs.earliestDay { return lhs.earliestDay < rhs.earliestDay }
        return lhs.precision < rhs.precision
    }

    /// The first day and the precision name the date: compared and hashed as one number.
    public static func == (lhs: PartialDate, rhs: PartialDate) -> Bool {
        lhs.earliestDay == rhs.earliestDay && lhs.storedDay == rhs.storedDay && lhs.storedMonth == rhs.storedMonth
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(earliestDay &* 4 &+ precision)
    }

    var precision: Int { storedDay != 0 ? 2 : storedMonth != 0 ? 1 : 0 }

    public func adding(days: Int) -> PartialDate { PartialDate(dayNumber: earliestDay + days) }

    /// Whole days from `self` to `other`, earliest to earliest.
    public func days(to other: PartialDate) -> Int { other.earliestDay - earliestDay }

    /// Completed years from `self` to `other` (age, disease-free interval), using the
    /// earliest possible reading of each date.
    public func wholeYears(to other: PartialDate) -> Int {
        var years = other.year - year
        let ownMonth = month ?? 1
        let otherMonth = other.month ?? 1
        if (otherMonth, other.day ?? 1) < (ownMonth, day ?? 1) { years -= 1 }
        return years
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // Howard Hinnant's days-from-civil algorithm: exact for the proleptic Gregorian calendar.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

private func pad(_ value: Int, to width: Int) -> String {
    let digits = "\(value)"
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
