import Foundation

/// A folder of its own under the temporary directory for one test, removed with everything in
/// it when the test lets go of it (a suite's stored property: each test gets a new suite
/// value). Test exports and databases hold patient-like data; none is left behind in /tmp,
/// and `scripts/test` fails when a test leaves anything there.
public final class ScratchFolder: Sendable {
    public let url: URL

    public init(_ prefix: String) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    /// A path inside the folder (nothing is created).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A new, empty sub-folder.
    public func folder(_ name: String = UUID().uuidString) throws -> URL {
        let sub = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        return sub
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
