import BoneMetDomain
import BoneMetStorage
import Hummingbird
import NIOCore
import Prometheus
import SQLKit

/// Health check and the stylesheet.
struct SystemController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/healthz", use: health)
        router.get("/static/app.css", use: css)
        router.get("/static/calc.js", use: script)
        router.get("/metrics", use: metrics)
    }

    /// 200 when the database answers; 503 otherwise. No patient data, no details.
    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        do {
            _ = try await services.store.read { db in try await db.raw("SELECT 1 AS ok").first() }
            return JSONResponse(value: #"{"status":"ok","database":"\#(services.store.engine.rawValue)","ruleSetVersion":"\#(RuleSet.version)"}"#)
        } catch {
            return JSONResponse(value: #"{"status":"unavailable"}"#, status: .serviceUnavailable)
        }
    }

    /// Prometheus text format: request counts and durations by route (no patient data).
    /// Served only when a token is configured, and only to `Authorization: Bearer <token>`
    /// (issue #11; Prometheus's `authorization: credentials` sends exactly that).
    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let expected = services.metricsToken else { throw AppError.notFound }
        let presented = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst("Bearer ".count)) : nil }
        guard let presented, constantTimeEqual(expected, presented) else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = #"Bearer realm="metrics""#
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .unauthorized, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "metrics need the configured bearer token\n")))
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: services.metrics.emitToBuffer())))
    }

    /// The calculators' live result (the only script; pages work without it).
    @Sendable func script(_ request: Request, context: AppRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/javascript; charset=utf-8"
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: Scripts.calculator)))
    }

    @Sendable func css(_ request: Request, context: AppRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: Stylesheet.served)))
    }
}
