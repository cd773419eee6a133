import BoneMetDomain
import Foundation

/// Stored cases as read and assessed, per case version and day (issue #12): a CDS call or a
/// page view for a case that has not changed since the last one neither decodes its record nor
/// assesses it again. The key names everything the result depends on — case, version, day, rule
/// set, settings — so an edit, a new day or a new rule set is a new entry and nothing is
/// invalidated by hand. Access is checked by the caller before an entry is used.
final class AssessedCases: @unchecked Sendable {
    // @unchecked: all state is touched only under the lock.
    struct Entry: Sendable {
        let stored: StoredCase
        let assessment: Assessment
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    let maxEntries: Int
    /// One cache per set of settings (the server's): they are part of every entry.
    let settings: RuleSettings
    private let settingsKey: String

    init(settings: RuleSettings, maxEntries: Int = 2_048) {
        self.settings = settings
        self.settingsKey = settings.assessedUnder
        self.maxEntries = max(1, maxEntries)
    }

    func key(id: String, version: Int, asOf: PartialDate) -> String { "\(id)|\(version)|\(asOf)|\(settingsKey)" }

    func entry(id: String, version: Int, asOf: PartialDate) -> Entry? {
        let key = key(id: id, version: version, asOf: asOf)
        return lock.withLock { entries[key] }
    }

    /// Assesses a case just read and remembers both (oldest entries dropped past the limit).
    @discardableResult
    func remember(_ stored: StoredCase, asOf: PartialDate) -> Entry {
        let entry = Entry(stored: stored, assessment: assess(stored.record, asOf: asOf, settings: settings))
        let key = key(id: stored.id, version: stored.version, asOf: asOf)
        lock.withLock {
            if entries.updateValue(entry, forKey: key) == nil { order.append(key) }
            while entries.count > maxEntries, !order.isEmpty { entries.removeValue(forKey: order.removeFirst()) }
        }
        return entry
    }

    var count: Int { lock.withLock { entries.count } }
}

extension RuleSettings {
    /// What an assessment depends on besides the record and the day: the rule set and these
    /// settings (the key of `AssessedCases` and of the re-assessment's last run).
    var assessedUnder: String { "\(RuleSet.version)|\(summary(.en))" }
}
