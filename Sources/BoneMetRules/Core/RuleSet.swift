/// The version of the clinical rule set. Bump it whenever a score, band, text or rule changes,
/// so every stored finding can be traced to the rules that produced it.
public enum RuleSet {
    public static let version = "2026.12.434"
}
