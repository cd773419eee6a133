import ArgumentParser
import BoneMetDomain
import BoneMetStorage
import BoneMetWeb
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

/// `bonemet serve`: the MDT workplace on http://127.0.0.1:8080 with an embedded SQLite database
/// in ./bonemet-data, or PostgreSQL with --database-url. Options override environment variables.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the BoneMet MDT web application.",
        discussion: """
            Environment: BONEMET_HOST, BONEMET_PORT, BONEMET_DATA, BONEMET_DATABASE_URL, BONEMET_SECURE_COOKIES=1, BONEMET_METRICS_TOKEN (serves /metrics to that bearer token), BONEMET_IDLE_TIMEOUT (seconds, default 60), BONEMET_CDS_CONFIG, BONEMET_SETTINGS, BONEMET_CODES, BONEMET_TIME_ZONE, BONEMET_VIEWER_URL, BONEMET_HOSPITAL_NAME.
            On first start it creates an administrator "admin" and prints a one-time password.
            """
    )

    @Option(name: .long, help: "Address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "Port to listen on (default 8080).")
    var port: Int?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var ruleSettings: SettingsOption

    @OptionGroup var localCodes: CodesOption

    @OptionGroup var zone: TimeZoneOption

    @Option(name: .customLong("viewer-url"), help: "DICOMweb viewer link with {uids}, e.g. https://pacs/ohif/viewer?StudyInstanceUIDs={uids}.")
    var viewerURL: String?

    @Option(name: .customLong("hospital-name"), help: "The hospital's name, printed at the head of MDT reports (default: none).")
    var hospitalName: String?

    @Option(
        name: .customLong("report-lexicons"),
        help: "Folder of the hospital's own report terms (sites.tsv, findings.tsv, context.tsv …; docs/report-extraction.md; BONEMET_REPORT_LEXICONS).")
    var reportLexicons: String?

    @Option(name: .customLong("cds-config"), help: "JSON file of trusted EHRs for CDS Hooks (docs/cds-hooks.md); without it CDS calls get 401.")
    var cdsConfig: String?

    @Option(
        name: .customLong("trusted-proxy"),
        help: "Address of a reverse proxy whose X-Forwarded-For is believed (repeat for several; BONEMET_TRUSTED_PROXIES, comma-separated).")
    var trustedProxies: [String] = []

    @Option(
        name: .customLong("case-access"),
        help: "Who sees which patient: care-team (default: the case's care team, MDT coordinators, and emergency access with a reason) or everyone (BONEMET_CASE_ACCESS).")
    var caseAccess: String?

    @Flag(name: .long, help: "Add the fictional acceptance-scenario and reference cases from ./examples as demo patients.")
    var demo = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let host = host ?? environment["BONEMET_HOST"] ?? "127.0.0.1"
        let portText = port.map(String.init) ?? environment["BONEMET_PORT"] ?? "8080"
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw CLIFailure.reject("field \"--port\": out of range; allowed: 1–65535", command: "serve")
        }
        let settings = try ruleSettings.load(command: "serve")
        let mappings = try localCodes.load(command: "serve")
        let clock = try zone.load(command: "serve")
        let location = try database.location(command: "serve", create: true)
        var cds: CDSConfiguration?
        if let path = cdsConfig ?? environment["BONEMET_CDS_CONFIG"], !path.isEmpty {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CLIFailure.reject("field \"--cds-config\": cannot read \"\(path)\"", command: "serve")
            }
            do {
                cds = try CDSConfiguration.parse(text)
            } catch {
                throw CLIFailure.reject("--cds-config \(error.description)", command: "serve")
            }
        }
        let proxies = trustedProxies.isEmpty
            ? (environment["BONEMET_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            : trustedProxies
        if let bad = proxies.first(where: { !ClientAddress.isIPAddress($0) }) {
            throw CLIFailure.reject("field \"--trusted-proxy\": \"\(bad)\" is not an IP address", command: "serve")
        }
        let connectionsText = environment["BONEMET_MAX_CONNECTIONS_PER_CLIENT"] ?? "64"
        guard let connectionsPerClient = Int(connectionsText), (0...100_000).contains(connectionsPerClient) else {
            throw CLIFailure.reject("field \"BONEMET_MAX_CONNECTIONS_PER_CLIENT\": allowed: 0 (no limit) to 100000", command: "serve")
        }
        let accessText = caseAccess ?? environment["BONEMET_CASE_ACCESS"] ?? CaseAccessPolicy.careTeam.rawValue
        guard let access = CaseAccessPolicy(rawValue: accessText) else {
            throw CLIFailure.reject(
                "field \"--case-access\": \"\(accessText)\" is not allowed; allowed: \(CaseAccessPolicy.allCases.map(\.rawValue).joined(separator: ", "))", command: "serve")
        }
        let extractor = try ExtractCommand.extractor(folder: reportLexicons ?? environment["BONEMET_REPORT_LEXICONS"], option: "--report-lexicons", command: "serve")
        var logger = Logger(label: "bonemet")
        logger.logLevel = .info
        let store = try SQLStore(location, logger: logger)
        // A damaged database stops the start with the way out, never a crash half-way.
        if case .sqlite(let path) = location {
            let problem = (try? await SQLiteFile.probe(store)) ?? "it cannot be read"
            if problem != "ok" {
                await store.shutdown()
                let folder = (path as NSString).deletingLastPathComponent
                throw CLIFailure.reject(DatabaseOptions.damaged(path, folder: folder, problem: problem), command: "serve")
            }
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let services = AppServices(
            store: store, settings: settings, codeMappings: mappings, secureCookies: environment["BONEMET_SECURE_COOKIES"] == "1", logger: logger, metrics: registry,
            viewerURLTemplate: viewerURL ?? environment["BONEMET_VIEWER_URL"], cds: cds, metricsToken: environment["BONEMET_METRICS_TOKEN"],
            hospitalName: hospitalName ?? environment["BONEMET_HOSPITAL_NAME"], clock: clock,
            trustedProxies: Set(proxies), caseAccess: access, reportExtractor: extractor)
        if let password = try await Bootstrap.prepare(services) {
            say("""
                Created the administrator account.
                  user name: admin
                  one-time password: \(password)
                It must be changed at first sign-in. This is shown only once.
                """)
        }
        if demo {
            let texts = Self.exampleTexts()
            if texts.isEmpty {
                say("--demo: no ./examples folder here; run from the repository root to load the demo cases.")
            } else {
                let loaded = try await Bootstrap.loadDemo(services, cases: texts)
                say("Loaded \(loaded) fictional demo case(s) from ./examples (already present ones are skipped).")
            }
        }
        say("BoneMet is listening on http://\(host):\(port) (\(store.engine.rawValue)). Stop with Ctrl-C.")
        // BONEMET_IDLE_TIMEOUT: seconds before a silent connection is closed (default 60).
        let idle = environment["BONEMET_IDLE_TIMEOUT"].flatMap { Int64($0) }.map { max(1, $0) } ?? 60
        let app = buildApplication(ServerConfiguration(
                host: host, port: port, database: location, idleTimeoutSeconds: idle, maxConnectionsPerClient: connectionsPerClient), services: services)
        // Worklists that stay true: re-assess stored cases now if stale, then at each local midnight.
        let maintenance = Task { await Reassessor(services: services).runForever() }
        try await app.runService()
        maintenance.cancel()
        await maintenance.value
        await store.shutdown()
    }

    /// Written at once (unbuffered): the one-time password must reach a log file or pipe now.
    func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func exampleTexts() -> [String] {
        let folder = "examples"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { try? String(contentsOfFile: (folder as NSString).appendingPathComponent($0), encoding: .utf8) }
    }
}
