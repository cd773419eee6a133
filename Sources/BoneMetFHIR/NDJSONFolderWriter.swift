import Foundation

/// Resources appended to one NDJSON file per resource type (`Type.ndjson`), as a Bulk
/// export lays them out. Files are opened on first use and kept open; `close()` ends them.
public final class NDJSONFolderWriter {
    let folder: URL
    var handles: [String: FileHandle] = [:]
    public private(set) var counts: [String: Int] = [:]

    public init(folder: URL) {
        self.folder = folder
    }

    public func append(_ resource: FHIRJSON) throws {
        let type = resource["resourceType"]?.string ?? "Unknown"
        let handle: FileHandle
        if let open = handles[type] {
            handle = open
        } else {
            let url = folder.appendingPathComponent("\(type).ndjson")
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            handle = try FileHandle(forWritingTo: url)
            handles[type] = handle
        }
        try handle.write(contentsOf: Data((resource.serialized() + "\n").utf8))
        counts[type, default: 0] += 1
    }

    public func close() {
        for handle in handles.values { try? handle.close() }
        handles = [:]
    }

    deinit { close() }
}
