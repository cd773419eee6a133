import BoneMetDomain
import Foundation
import Testing

/// The background re-assessment's threads (issue #12: requests come first).
@Suite struct BackgroundThreadsTests {
    @Test func aBackgroundMapGivesMapsResultsInOrder() async {
        for count in [0, 1, 2, 3, 7, 200, 1_001] {
            let values = Array(0..<count)
            let mapped = await values.mapInBackground { $0 * 3 + 1 }
            #expect(mapped == values.map { $0 * 3 + 1 }, "\(count) elements")
        }
    }

    @Test func theWorkRunsOnThreadsOfItsOwnAtALowerPriority() async throws {
        // The name the operating system shows (top, perf, /proc), not only Foundation's.
        let seen = await Array(0..<8).mapInBackground { _ in (BackgroundThreads.currentThreadName, BackgroundThreads.currentNice) }
        for (name, nice) in seen {
            #expect(name.hasPrefix("bonemet-bg-"))
            #if os(Linux)
            #expect(nice == BackgroundThreads.nice && nice == 10)
            #endif
        }
        // The caller's own thread keeps its priority.
        #expect(BackgroundThreads.currentNice == 0)
    }
}
