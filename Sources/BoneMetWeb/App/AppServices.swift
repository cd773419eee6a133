import BoneMetDomain
import BoneMetFHIR
import BoneMetReports
import BoneMetStorage
import Foundation
import Logging
import Prometheus

/// Everything the controllers need, built once in `buildApplication` and passed in.
public struct AppServices: Sendable {
    public let store: SQLStore
    public let cases: any CaseStore
    public let users: any UserStore
    public let sessions: any SessionStore
    public let audit: any AuditLog
    public let tokens: any TokenStore
    public let settings: RuleSettings
    /// The site's own condition and lab codes (`--codes`).
    public let codeMappings: CodeMappings
    /// Seconds since 1970; injected so tests control time.
    public let now: @Sendable () -> Int64
    public let bcryptCost: UInt8
    /// Password hashing for requests, bounded (503 with Retry-After beyond the queue).
    public let passwords: PasswordGate
    /// Bearer token Prometheus presents on /metrics (`BONEMET_METRICS_TOKEN`); without one,
    /// /metrics is not served at all (request counts by route are not for anonymous eyes).
    public let metricsToken: String?
    public let secureCookies: Bool
    public let logger: Logger
    /// Where /metrics reads from; `serve` bootstraps swift-metrics into it.
    public let metrics: PrometheusCollectorRegistry
    /// A DICOMweb viewer link with `{uids}` for comma-separated StudyInstanceUIDs, e.g.
    /// `https://pacs.example/ohif/viewer?StudyInstanceUIDs={uids}`; nil hides viewer links.
    public let viewerURLTemplate: String?
    /// The hospital's name for the header of printed reports (`--hospital-name`, BONEMET_HOSPITAL_NAME).
    public let hospitalName: String?
    /// The hospital's time zone: "today" for every rule and every time shown.
    public let clock: HospitalClock
    /// Trusted EHRs for CDS Hooks; nil answers every CDS call with 401.
    public let cds: CDSConfiguration?
    public let cdsStore: any CDSStore
    public let staging: any FHIRStagingStore
    /// Outbound HTTP (CDS Hooks `jku` key sets and `fhirServer` reads).
    public let http: any HTTPFetching
    /// `jku` key sets, cached across requests.
    public let keySets: JWKSCache
    /// Reverse proxies whose `X-Forwarded-For` is believed (ClientAddress); empty: none.
    public let trustedProxies: Set<String>
    /// Care teams and "break the glass" grants.
    public let access: any CaseAccessStore
    /// Who sees which case (`--case-access`).
    public let caseAccess: CaseAccessPolicy
    /// Case-page parts rendered once per case version, day and language (issue #12).
    let renderCache = RenderCache()
    /// CDS answers for patients with a case, by case version, day, language and hook.
    let cdsAnswers = BoundedRenderCache<CDSAnswerTemplate?>(maxEntries: 2_048, maxBytes: 32 << 20)
    /// Cases read and assessed per version and day (CDS calls, case pages).
    let assessedCases: AssessedCases
    /// Reads radiology reports into suggested readings (issue #13); nil when its word lists
    /// cannot be read (the report pages then say so).
    public let reportExtractor: ReportExtractor?

    public init(
        store: SQLStore, settings: RuleSettings = .default, codeMappings: CodeMappings = .none, now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) },
        bcryptCost: UInt8 = 12, secureCookies: Bool = false, logger: Logger = Logger(label: "bonemet.web"),
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), viewerURLTemplate: String? = nil,
        cds: CDSConfiguration? = nil, http: any HTTPFetching = HTTPFetcher(), passwordLimits: PasswordGate.Limits = .default, metricsToken: String? = nil,
        hospitalName: String? = nil, clock: HospitalClock = .server, trustedProxies: Set<String> = [], caseAccess: CaseAccessPolicy = .careTeam,
        reportExtractor: ReportExtractor? = try? ReportExtractor()
    ) {
        self.trustedProxies = trustedProxies
        self.caseAccess = caseAccess
        self.reportExtractor = reportExtractor
        self.access = SQLCaseAccess(store)
        self.clock = clock
        self.hospitalName = hospitalName.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.passwords = PasswordGate(limits: passwordLimits, dummyCost: bcryptCost)
        self.metricsToken = metricsToken.flatMap { $0.isEmpty ? nil : $0 }
        self.cds = cds
        self.http = http
        self.keySets = JWKSCache(fetch: http, now: now)
        self.cdsStore = BatchedCDSStore(store)
        self.staging = SQLFHIRStaging(store)
        self.metrics = metrics
        self.viewerURLTemplate = viewerURLTemplate
        self.store = store
        self.cases = SQLCaseStore(store)
        self.users = SQLUserStore(store)
        self.sessions = SQLSessionStore(store)
        // Views are audited through a queue written in batches (issue #12); the store flushes it
        // before it shuts down.
        self.audit = BatchedAuditLog(store, logger: logger)
        self.tokens = SQLTokenStore(store)
        self.settings = settings
        self.assessedCases = AssessedCases(settings: settings)
        self.codeMappings = codeMappings
        self.now = now
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.logger = logger
    }

    /// Today as a date, for assessing cases "as of now".
    /// Today in the hospital's zone (a Beijing clinic at 02:00 is on the new day).
    public var today: PartialDate { clock.day(at: now()) }
}

/// Random tokens for sessions, CSRF and one-time passwords (system CSPRNG).
enum RandomToken {
    static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    /// A password that is easy to type: no 0/O, 1/l/I.
    static func password(length: Int = 16) -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
