import Foundation

/// CSV cells for the audit export: RFC 4180 quoting, and OWASP's CSV-injection rule — a cell
/// starting with =, +, -, @, tab or carriage return is prefixed with an apostrophe so a
/// spreadsheet shows it as text instead of running it.
enum AuditCSV {
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        // Scalars, not Characters: "\r\n" is one Character and would match neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { [",", "\"", "\n", "\r"].contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
