extension String {
    /// The text with its first letter upper case, to open an English sentence with a name
    /// written lower case in running text ("alendronate" → "Alendronate").
    var sentenceStart: String { prefix(1).uppercased() + dropFirst() }
}
