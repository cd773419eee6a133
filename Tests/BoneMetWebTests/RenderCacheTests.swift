import BoneMetDomain
import Foundation
import Testing

@testable import BoneMetWeb

/// Issue #12: the case page's viewer-independent parts are rendered once per case version,
/// day and language. A cached page must be the page rendered afresh, for every viewer, with
/// that viewer's CSRF token and no other's.
@Suite struct RenderCacheTests {
    func page(_ stored: StoredCase, canEdit: Bool, cache: RenderCache?) -> CasePage {
        var page = CasePage(stored: stored, assessment: assess(stored.record, asOf: PageSnapshotTests.asOf), canEdit: canEdit)
        page.cache = cache
        return page
    }

    @Test(arguments: [AppLanguage.en, .zhHans])
    func aCachedPageIsThePageRenderedAfresh(language: AppLanguage) throws {
        let stored = try PageSnapshotTests().stored("01-response-window-t10.json")
        let cache = RenderCache()
        for (token, canEdit) in [("token-of-a", true), ("token-of-b", true), ("token-of-c", false)] {
            let layout = Layout(language: language, user: PageSnapshotTests.doctor, csrf: token)
            let fresh = page(stored, canEdit: canEdit, cache: nil).render(layout)
            let served = page(stored, canEdit: canEdit, cache: cache).render(layout)
            #expect(served == fresh)
            #expect(!served.contains(cache.csrfMarker))
            for other in ["token-of-a", "token-of-b"] where other != token { #expect(!served.contains(other)) }
        }
        // Two edit rights in one language: two entries per part, reused by the second viewer.
        #expect(cache.count == 4)
    }

    @Test func anEditIsANewVersionAndNeverServedStale() throws {
        var stored = try PageSnapshotTests().stored("01-response-window-t10.json")
        let cache = RenderCache()
        let layout = Layout(language: .en, user: PageSnapshotTests.doctor, csrf: "t")
        _ = page(stored, canEdit: true, cache: cache).render(layout)
        stored = StoredCase(
            id: stored.id, record: stored.record, version: stored.version + 1, updatedAt: stored.updatedAt + 60, updatedBy: "u2", ruleSetVersion: stored.ruleSetVersion)
        var record = stored.record
        record.patient.id = "renamed-by-the-edit"
        stored = StoredCase(id: stored.id, record: record, version: stored.version, updatedAt: stored.updatedAt, updatedBy: "u2", ruleSetVersion: stored.ruleSetVersion)
        let served = page(stored, canEdit: true, cache: cache).render(layout)
        #expect(served.contains("renamed-by-the-edit"))
        #expect(served == page(stored, canEdit: true, cache: nil).render(layout))
    }

    @Test func theCacheKeepsToItsLimits() {
        let cache = RenderCache(maxEntries: 3, maxBytes: 1_000)
        for index in 0..<10 { _ = cache.fragment("k\(index)") { String(repeating: "x", count: 100) } }
        #expect(cache.count == 3)
        _ = cache.fragment("big") { String(repeating: "y", count: 950) }
        #expect(cache.count == 1)
        // A hit does not call make.
        var made = 0
        _ = cache.fragment("big") { made += 1; return "" }
        #expect(made == 0)
    }
}
