import BoneMetDomain
import BoneMetStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import Testing

@testable import BoneMetWeb

/// Every log line a handler receives, rendered with its metadata.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    // `lines` is guarded by the lock; the handler's own settings are set once before use.
    let lines = NIOLockedValueBox<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let text = "\(event.message) " + merged.keys.sorted().map { "\($0)=\(merged[$0].map { "\($0)" } ?? "")" }.joined(separator: " ")
        lines.withLockedValue { $0.append(text) }
    }
}

/// Issue #11: patient ids are masked in request logs whatever their shape — the log carries the
/// route template, never the path.
@Suite struct RequestLogTests {
    @Test func noIdentifierOfAnyShapeReachesTheLog() async throws {
        let handler = RecordingLogHandler()
        let logger = Logger(label: "bonemet.test") { _ in handler }
        let harness = try await WebHarness.make(.sqlite, logger: logger)
        try await harness.user("doctor", role: .orthopaedics)
        let identifiers = ["PAT-0001", "MRN123456", "110101199003077777", "%E5%BC%A0%E4%B8%89", "e3b0c44298fc1c149afbf4c8996fb924"]
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.signIn(client, "doctor", WebHarness.password)
            for id in identifiers {
                _ = try await browser.get(client, "/cases/\(id)")
                _ = try await browser.get(client, "/fhir/Patient/\(id)")
                _ = try await browser.get(client, "/no/such/\(id)")
            }
        }
        let lines = handler.lines.withLockedValue { $0 }.filter { $0.hasPrefix("request ") }
        #expect(lines.count >= identifiers.count * 3)
        for id in identifiers + ["张三", "doctor"] {
            #expect(!lines.contains { $0.contains(id) }, "\(id) reached the log")
        }
        #expect(lines.contains { $0.contains("path=/cases/{id}") || $0.contains("path=/cases/:id") }, "\(lines.prefix(5))")
        // An unmatched request is logged without its path (Hummingbird names it "NotFound").
        let paths = Set(lines.flatMap { $0.split(separator: " ").filter { $0.hasPrefix("path=") } })
        #expect(paths.isSubset(of: ["path=/cases/{id}", "path=/fhir/Patient/{id}", "path=NotFound", "path=(no route)", "path=/login"]), "\(paths)")
    }
}
