import Synchronization

/// A clock a test moves by hand (seconds since 1970), shared with the server under test.
final class TestClock: Sendable {
    let seconds: Mutex<Int64>
    init(_ start: Int64) { seconds = Mutex(start) }
    func advance(days: Int) { seconds.withLock { $0 += Int64(days) * 86_400 } }
    func advance(_ delta: Int64) { seconds.withLock { $0 += delta } }
    var now: Int64 { seconds.withLock { $0 } }
}
