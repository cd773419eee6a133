import CompressNIO
import Foundation
import NIOCore

/// Reads an NDJSON file line by line in fixed-size chunks, so memory stays bounded whatever the
/// file size; `.gz` files are decompressed as a stream. Blank lines (and a trailing newline) are
/// skipped; every line keeps its number, so a bad line can be reported and reading goes on. A
/// file that cannot be read or decompressed ends early with `failure` set.
public final class NDJSONReader: Sequence {
    public let url: URL
    public let chunkSize: Int
    /// Why reading stopped early (unreadable file, corrupt gzip data); nil when it read to the end.
    public private(set) var failure: String?

    public init(url: URL, chunkSize: Int = 256 * 1024) {
        self.url = url
        self.chunkSize = chunkSize
    }

    public struct Line: Sendable {
        public let number: Int
        public let bytes: [UInt8]
    }

    public func makeIterator() -> Iterator {
        let handle = try? FileHandle(forReadingFrom: url)
        if handle == nil { failure = "cannot open the file" }
        return Iterator(source: ChunkSource(handle: handle, gzip: url.pathExtension == "gz", chunkSize: chunkSize), owner: self)
    }

    fileprivate func fail(_ reason: String) { failure = reason }

    /// Plain or gzip-decompressed chunks of a file.
    final class ChunkSource {
        let handle: FileHandle?
        let chunkSize: Int
        let decompressor: (any NIODecompressor)?
        var done = false
        /// For gzip: the last 4 compressed bytes seen (the trailer's ISIZE at the end) and the
        /// bytes decompressed, to tell a truncated file from a complete one. RFC 1952 §2.3.1:
        /// ISIZE is the uncompressed size modulo 2^32.
        var tail: [UInt8] = []
        var produced: UInt64 = 0

        struct Truncated: Error {}

        init(handle: FileHandle?, gzip: Bool, chunkSize: Int) {
            self.handle = handle
            self.chunkSize = chunkSize
            if gzip {
                let decompressor = CompressionAlgorithm.gzip().decompressor
                self.decompressor = (try? decompressor.startStream()) == nil ? nil : decompressor
            } else {
                self.decompressor = nil
            }
            done = handle == nil
        }

        /// The next chunk of text bytes, or nil at the end; throws on corrupt data.
        func next() throws -> [UInt8]? {
            guard !done, let handle else { return nil }
            guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else {
                done = true
                try? decompressor?.finishStream()
                try? handle.close()
                if decompressor != nil {
                    guard tail.count == 4 else { throw Truncated() }
                    let isize = UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24
                    if isize != UInt32(truncatingIfNeeded: produced) { throw Truncated() }
                }
                return nil
            }
            guard let decompressor else { return Array(data) }
            tail = Array((tail + Array(data.suffix(4))).suffix(4))
            var input = ByteBuffer(bytes: data)
            var result: [UInt8] = []
            while true {
                var output = ByteBufferAllocator().buffer(capacity: chunkSize * 4)
                do {
                    try input.decompressStream(to: &output, with: decompressor)
                    result += output.readBytes(length: output.readableBytes) ?? []
                    produced += UInt64(result.count)
                    return result
                } catch let error as CompressNIOError where error == .bufferOverflow {
                    // Output window full: keep what came out and continue with the same input.
                    result += output.readBytes(length: output.readableBytes) ?? []
                }
            }
        }
    }

    public struct Iterator: IteratorProtocol {
        let source: ChunkSource
        let owner: NDJSONReader
        var buffer: [UInt8] = []
        var position = 0
        var lineNumber = 0
        var finished = false

        init(source: ChunkSource, owner: NDJSONReader) {
            self.source = source
            self.owner = owner
            self.finished = source.done
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
                do {
                    if let chunk = try source.next() {
                        buffer.append(contentsOf: chunk)
                    } else {
                        finished = true
                    }
                } catch is ChunkSource.Truncated {
                    owner.fail("the compressed file ends early (truncated) after line \(lineNumber)")
                    finished = true
                    buffer.removeAll()
                } catch {
                    owner.fail("corrupt compressed data after line \(lineNumber)")
                    finished = true
                    buffer.removeAll()
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
