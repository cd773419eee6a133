@testable import BoneMetRules
import Testing

/// Issue #12: ASCII levels are read without Foundation; they must read exactly as the general
/// (Foundation) reading does — every region letter in both cases, every number form, spaces,
/// tabs and other characters around them.
@Suite struct VertebralLevelTests {
    static var inputs: [String] {
        let letters = ["C", "c", "T", "t", "L", "l", "S", "s", "X", "", "1", "Th"]
        let numbers = ["", "0", "00", "01", "1", "5", "7", "8", "9", "10", "11", "12", "13", "100", "+1", "-1", " 1", "1 ", "1.0", "１"]
        let around = [("", ""), (" ", ""), ("", " "), ("\t", "\t "), ("\n", ""), ("", "\r\n"), ("  ", "  ")]
        var all: [String] = []
        for letter in letters {
            for number in numbers {
                for (before, after) in around { all.append(before + letter + number + after) }
            }
        }
        return all
    }

    @Test func theASCIIReadingIsTheGeneralOne() {
        var read = 0
        for text in Self.inputs {
            let fast = VertebralLevel(text)
            #expect(fast == VertebralLevel(unicode: text), "\(text.debugDescription)")
            if fast != nil { read += 1 }
        }
        // Not a vacuous comparison: most region and number forms read as levels.
        #expect(read > 100)
        #expect(VertebralLevel(" t11\t") == VertebralLevel(region: .thoracic, number: 11))
        #expect(VertebralLevel("T13") == nil && VertebralLevel("T011") == nil && VertebralLevel("L6") == nil)
        // Text that is not ASCII takes the general reading (an ideographic space is trimmed).
        #expect(VertebralLevel("\u{3000}T11") == VertebralLevel(region: .thoracic, number: 11))
    }
}
