/// Key sets fetched from `jku` URLs, kept for a few minutes so an EHR's key endpoint is not
/// called on every hook; fetched again at once when a token names a kid the cached set lacks
/// (the EHR rotated its keys). Shared by all requests of a server process.
public actor JWKSCache {
    let fetch: any HTTPFetching
    let now: @Sendable () -> Int64
    let seconds: Int64
    var entries: [String: (text: String, fetchedAt: Int64)] = [:]
    /// How many times the network was asked (for tests and metrics).
    public private(set) var fetches = 0

    public init(fetch: any HTTPFetching, now: @escaping @Sendable () -> Int64, seconds: Int64 = 300) {
        self.fetch = fetch
        self.now = now
        self.seconds = seconds
    }

    public func keySet(_ url: String, refresh: Bool = false) async throws -> String {
        if !refresh, let entry = entries[url], now() - entry.fetchedAt < seconds { return entry.text }
        fetches += 1
        let text = try await fetch.get(url, bearer: nil)
        entries[url] = (text, now())
        return text
    }
}
