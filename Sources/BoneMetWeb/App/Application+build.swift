import BoneMetDomain
import BoneMetStorage
import Hummingbird
import HummingbirdBcrypt
import Logging

/// Server settings: command line > environment > defaults (`bonemet serve --help`).
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    public var secureCookies: Bool
    /// Seconds a connection may stay silent (no request, or a request head sent too slowly)
    /// before it is closed, so idle or slow-loris connections do not pile up (issue #11).
    public var idleTimeoutSeconds: Int64
    /// Open connections allowed per client address (0: no limit); trusted proxies are exempt.
    public var maxConnectionsPerClient: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation, secureCookies: Bool = false, idleTimeoutSeconds: Int64 = 60,
        maxConnectionsPerClient: Int = 64
    ) {
        self.maxConnectionsPerClient = max(0, maxConnectionsPerClient)
        self.host = host
        self.port = port
        self.database = database
        self.secureCookies = secureCookies
        self.idleTimeoutSeconds = max(1, idleTimeoutSeconds)
    }
}

/// The router with every controller and middleware: the one place that wires the web layer.
public func buildRouter(_ services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ClientAddressMiddleware(trusted: services.trustedProxies))
    router.add(middleware: RequestLogMiddleware(logger: services.logger))
    router.add(middleware: SecurityHeadersMiddleware(strictTransport: services.secureCookies))
    router.add(middleware: MetricsMiddleware<AppRequestContext>())
    // The language is chosen before errors are rendered, so a Chinese reader's 403, 404 or 503
    // page is in Chinese (LanguageMiddleware never throws).
    router.add(middleware: LanguageMiddleware(clock: services.clock))
    router.add(middleware: ErrorMiddleware(logger: services.logger, audit: services.audit, now: services.now))
    router.add(middleware: RedirectMiddleware())
    router.add(middleware: MethodNotAllowedMiddleware())
    router.add(middleware: SessionMiddleware(services: services))
    SystemController(services: services).addRoutes(to: router)
    AuthController(services: services).addRoutes(to: router)
    CaseController(services: services).addRoutes(to: router)
    WorklistController(services: services).addRoutes(to: router)
    CalculatorController(services: services).addRoutes(to: router)
    AdminController(services: services).addRoutes(to: router)
    MeetingController(services: services).addRoutes(to: router)
    TaskController(services: services).addRoutes(to: router)
    FHIRController(services: services).addRoutes(to: router)
    CDSController(services: services).addRoutes(to: router)
    APIController(services: services).addRoutes(to: router)
    return router
}

/// Turns a guard's redirect into a 303 response.
struct RedirectMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as RedirectError {
            return .seeOther(redirect.location)
        }
    }
}

/// Opening the database: migrate, and when there is no user yet, create the administrator
/// with a one-time password (returned once, to be printed; it must be changed at first login).
public enum Bootstrap {
    public static func prepare(_ services: AppServices) async throws -> String? {
        try await Migrator().migrate(services.store, at: services.now())
        guard try await services.users.count() == 0 else { return nil }
        let password = RandomToken.password()
        _ = try await services.users.create(
            username: "admin", displayName: "Administrator", role: .administrator,
            passwordHash: try await PasswordHashing.hash(password, cost: services.bcryptCost), mustChangePassword: true, at: services.now())
        return password
    }

    /// Loads demo cases (fictional, marked so) as the administrator; returns how many.
    public static func loadDemo(_ services: AppServices, cases texts: [String]) async throws -> Int {
        guard let admin = try await services.users.credentials(username: "admin")?.user else { return 0 }
        let existing = Set(try await services.cases.list(search: nil, limit: 10_000, offset: 0).map(\.patientId))
        var loaded = 0
        for text in texts {
            guard let record = try? CaseFile.read(text), record.patient.fictional, !existing.contains(record.patient.id) else { continue }
            _ = try await CaseService(services: services).create(record, by: admin)
            loaded += 1
        }
        return loaded
    }
}

public func buildApplication(_ configuration: ServerConfiguration, services: AppServices) -> some ApplicationProtocol {
    let limiter = ConnectionLimiter(limit: configuration.maxConnectionsPerClient, exempt: services.trustedProxies)
    return Application(
        router: buildRouter(services),
        server: .http1(configuration: .init(additionalChannelHandlers: [limiter.handler()], idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "BoneMet"),
        logger: services.logger)
}
