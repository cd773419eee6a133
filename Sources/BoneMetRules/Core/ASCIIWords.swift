/// The ASCII words of a lower-cased text, for abbreviations that count only as whole words
/// ("PKP", "IMRT", "ORIF"): a letter run inside a longer word, or beside Chinese characters
/// that are no letters of it, is not the abbreviation ("PKP术" is; "upkpx" is not).
public enum ASCIIWords {
    public static func of(_ text: String) -> Set<String> {
        Set(text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init))
    }
}
