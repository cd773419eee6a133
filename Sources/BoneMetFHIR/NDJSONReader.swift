import Foundation

/// Reads an NDJSON file line by line in fixed-size chunks, so memory stays bounded whatever the
/// file size. Blank lines (and a trailing newline) are skipped; every line keeps its number, so
/// a bad line can be reported and reading goes on.
public struct NDJSONReader: Sequence {
    public let url: URL
    public let chunkSize: Int

    public init(url: URL, chunkSize: Int = 256 * 1024) {
        self.url = url
        self.chunkSize = chunkSize
    }

    public struct Line {
        public let number: Int
        public let bytes: [UInt8]
    }

    public func makeIterator() -> Iterator { Iterator(handle: try? FileHandle(forReadingFrom: url), chunkSize: chunkSize) }

    public struct Iterator: IteratorProtocol {
        let handle: FileHandle?
        let chunkSize: Int
        var buffer: [UInt8] = []
        var position = 0
        var lineNumber = 0
        var finished = false

        init(handle: FileHandle?, chunkSize: Int) {
            self.handle = handle
            self.chunkSize = chunkSize
            self.finished = handle == nil
        }

        public mutating func next() -> Line? {
            while true {
                if let newline = buffer[position...].firstIndex(of: 0x0A) {
                    let line = Array(buffer[position..<newline])
                    position = newline + 1
                    lineNumber += 1
                    if let trimmed = Self.trim(line) { return Line(number: lineNumber, bytes: trimmed) }
                    continue
                }
                if finished {
                    guard position < buffer.count else { return nil }
                    let line = Array(buffer[position...])
                    position = buffer.count
                    lineNumber += 1
                    if let trimmed = Self.trim(line) { return Line(number: lineNumber, bytes: trimmed) }
                    return nil
                }
                // Keep the unfinished line, read the next chunk.
                buffer.removeFirst(position)
                position = 0
                let data = (try? handle?.read(upToCount: chunkSize)) ?? nil
                if let data, !data.isEmpty {
                    buffer.append(contentsOf: data)
                } else {
                    finished = true
                    try? handle?.close()
                }
            }
        }

        /// The line without surrounding whitespace (CR included); nil when blank.
        static func trim(_ line: [UInt8]) -> [UInt8]? {
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard let start = line.firstIndex(where: { !isSpace($0) }), let end = line.lastIndex(where: { !isSpace($0) }) else { return nil }
            return Array(line[start...end])
        }
    }
}
