import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Open connections per client address, shared by every connection of the server: one client
/// cannot hold all of the server's connections (issue #11). Trusted proxies are not limited —
/// every user comes through them; the proxy limits its own clients.
public final class ConnectionLimiter: Sendable {
    let limit: Int
    let exempt: Set<String>
    let open = Mutex<[String: Int]>([:])

    /// `limit` connections per address; 0 turns the limit off.
    public init(limit: Int, exempt: Set<String> = []) {
        self.limit = limit
        self.exempt = exempt
    }

    /// Counts a new connection from `address`; false (and not counted) when the address is at
    /// its limit.
    func admit(_ address: String) -> Bool {
        guard limit > 0, !exempt.contains(address) else { return true }
        return open.withLock { counts in
            let now = counts[address, default: 0]
            guard now < limit else { return false }
            counts[address] = now + 1
            return true
        }
    }

    func release(_ address: String) {
        guard limit > 0, !exempt.contains(address) else { return }
        open.withLock { counts in
            let left = counts[address, default: 1] - 1
            counts[address] = left > 0 ? left : nil
        }
    }

    /// Open connections of an address (tests, metrics).
    public func count(_ address: String) -> Int { open.withLock { $0[address, default: 0] } }

    /// A handler for each new connection's pipeline.
    func handler() -> ConnectionLimitHandler { ConnectionLimitHandler(limiter: self) }
}

/// Counts its connection in the limiter while it is open; a connection over the limit gets one
/// 503 with `Retry-After` and `Connection: close` to its first request, then is closed.
final class ConnectionLimitHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let limiter: ConnectionLimiter
    var counted: String?
    var refused = false

    init(limiter: ConnectionLimiter) { self.limiter = limiter }

    // An accepted channel knows its peer once it is active (NIO caches the addresses then),
    // which is after the pipeline is set up.
    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { count(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        count(context)
        context.fireChannelActive()
    }

    func count(_ context: ChannelHandlerContext) {
        guard counted == nil, !refused, let address = context.channel.remoteAddress?.ipAddress else { return }
        if limiter.admit(address) { counted = address } else { refused = true }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if let counted { limiter.release(counted) }
        counted = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard refused else { return context.fireChannelRead(data) }
        guard case .head = unwrapInboundIn(data) else { return }
        let text = "Too many connections from this address; close some and try again.\n过多来自此地址的连接，请关闭部分连接后重试。\n"
        var head = HTTPResponse(status: .serviceUnavailable)
        head.headerFields[.retryAfter] = "5"
        head.headerFields[.connection] = "close"
        head.headerFields[.contentType] = "text/plain; charset=utf-8"
        head.headerFields[.contentLength] = String(text.utf8.count)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(string: text))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
