/// Key sets fetched from `jku` URLs, kept for a few minutes so an EHR's key endpoint is not
/// called on every hook; fetched again when a token names a kid the cached set lacks (the EHR
/// rotated its keys) — but at most once per `minRefreshSeconds` per URL, and calls arriving
/// while a fetch is under way wait for that one fetch. So tokens with made-up kids cannot make
/// BoneMet hammer an EHR's key endpoint (issue #11: jku fetches rate-limited). Shared by all
/// requests of a server process.
public actor JWKSCache {
    let fetch: any HTTPFetching
    let now: @Sendable () -> Int64
    let seconds: Int64
    let minRefreshSeconds: Int64
    var entries: [String: (text: String, fetchedAt: Int64)] = [:]
    var inFlight: [String: Task<String, any Error>] = [:]
    /// How many times the network was asked (for tests and metrics).
    public private(set) var fetches = 0

    public init(fetch: any HTTPFetching, now: @escaping @Sendable () -> Int64, seconds: Int64 = 300, minRefreshSeconds: Int64 = 60) {
        self.fetch = fetch
        self.now = now
        self.seconds = seconds
        self.minRefreshSeconds = minRefreshSeconds
    }

    public func keySet(_ url: String, refresh: Bool = false) async throws -> String {
        if let entry = entries[url] {
            let age = now() - entry.fetchedAt
            if !refresh && age < seconds { return entry.text }
            // Asked to refresh too soon after the last fetch: the set is as fresh as it gets.
            if refresh && age < minRefreshSeconds { return entry.text }
        }
        if let running = inFlight[url] { return try await running.value }
        fetches += 1
        let fetch = self.fetch
        let task = Task { try await fetch.get(url, bearer: nil) }
        inFlight[url] = task
        defer { inFlight[url] = nil }
        let text = try await task.value
        entries[url] = (text, now())
        return text
    }
}
