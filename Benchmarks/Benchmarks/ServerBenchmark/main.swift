import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1

// Issue #12, the server benchmark: a bounded load client (AsyncHTTPClient, C connections, D
// seconds per target) against a running release `bonemet serve --demo`, with two floors in the
// same run — a Hummingbird hello-world started here and BoneMet's own /healthz. Usage:
//   ServerBenchmark BASE_URL ADMIN_ONE_TIME_PASSWORD [connections=32] [seconds=10]
// Prints per target: requests/s, p50, p99 (ms), errors.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    print("usage: ServerBenchmark BASE_URL ADMIN_ONE_TIME_PASSWORD [connections] [seconds]")
    exit(2)
}
let base = arguments[0]
let oneTime = arguments[1]
let connections = arguments.count > 2 ? Int(arguments[2]) ?? 32 : 32
let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 10 : 10

let client = HTTPClient(
    eventLoopGroupProvider: .singleton,
    configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(30)),
        connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)))

func send(_ url: String, method: HTTPMethod = .GET, form: [String: String]? = nil, cookie: String? = nil) async throws -> (status: UInt, headers: HTTPHeaders, body: String) {
    var request = HTTPClientRequest(url: url)
    request.method = method
    if let cookie { request.headers.add(name: "Cookie", value: cookie) }
    if let form {
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        request.body = .bytes(ByteBuffer(string: body))
    }
    let response = try await client.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
    return (response.status.code, response.headers, String(buffer: body))
}

func cookies(_ headers: HTTPHeaders, into jar: inout [String: String]) {
    for value in headers["Set-Cookie"] {
        let pair = value.split(separator: ";").first.map(String.init) ?? ""
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2 { jar[parts[0]] = parts[1] }
    }
}

func csrf(_ html: String) -> String {
    guard let range = html.range(of: #"name="_csrf" value=""#) else { return "" }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
}

/// Signs the administrator in (setting a password the first time): the session cookie.
func signIn() async throws -> String {
    var jar: [String: String] = [:]
    func header() -> String { jar.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
    var page = try await send(base + "/login")
    cookies(page.headers, into: &jar)
    let newPassword = "server benchmark password 2026"
    for password in [oneTime, newPassword] {
        let answer = try await send(base + "/login", method: .POST, form: ["username": "admin", "password": password, "_csrf": csrf(page.body)], cookie: header())
        cookies(answer.headers, into: &jar)
        if answer.status == 303 { break }
        page = try await send(base + "/login", cookie: header())
        cookies(page.headers, into: &jar)
    }
    let form = try await send(base + "/password", cookie: header())
    if form.status == 200, form.body.contains("name=\"current\"") {
        let changed = try await send(base + "/password", method: .POST, form: ["current": oneTime, "new": newPassword, "repeat": newPassword, "_csrf": csrf(form.body)], cookie: header())
        cookies(changed.headers, into: &jar)
    }
    return header()
}

struct Result {
    var latencies: [Double] = []
    var errors = 0
}

/// BENCH_ONLY=name runs only the target whose name contains it (to profile one target).
let only = ProcessInfo.processInfo.environment["BENCH_ONLY"].flatMap { $0.isEmpty ? nil : $0 }

/// `connections` loops sending GET `url` for `seconds`; requests/s and latency percentiles.
func load(_ name: String, _ url: String, cookie: String? = nil) async {
    if let only, !name.contains(only) { return }
    let deadline = Date().addingTimeInterval(seconds)
    let started = Date()
    let results = await withTaskGroup(of: Result.self) { group in
        for _ in 0..<connections {
            group.addTask {
                var result = Result()
                while Date() < deadline {
                    let begin = DispatchTime.now().uptimeNanoseconds
                    do {
                        let answer = try await send(url, cookie: cookie)
                        if answer.status != 200 { result.errors += 1 }
                    } catch {
                        result.errors += 1
                    }
                    result.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000)
                }
                return result
            }
        }
        return await group.reduce(into: Result()) { total, part in
            total.latencies += part.latencies
            total.errors += part.errors
        }
    }
    let elapsed = Date().timeIntervalSince(started)
    let sorted = results.latencies.sorted()
    func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
    print(String(format: "%@\t%.0f req/s\tp50 %.2f ms\tp99 %.2f ms\terrors %d\t(%d connections, %.0f s)",
        name, Double(sorted.count) / elapsed, percentile(0.5), percentile(0.99), results.errors, connections, elapsed))
}

// The floor: a Hummingbird hello-world in this process, on its own port.
let router = Router()
router.get("/") { _, _ in "hello" }
let hello = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 18_099)))
let helloTask = Task { try await hello.runService() }
try await Task.sleep(for: .milliseconds(500))

let session = try await signIn()
let list = try await send(base + "/cases", cookie: session)
guard let caseLink = list.body.range(of: #"href="/cases/[0-9a-f-]{36}""#, options: .regularExpression).map({ String(list.body[$0].dropFirst(6).dropLast()) }) else {
    print("no case on the patient list (start the server with --demo); status \(list.status)")
    exit(1)
}
await load("hello-world (floor)", "http://127.0.0.1:18099/")
await load("/healthz (floor)", base + "/healthz")
await load("case page", base + caseLink, cookie: session)
await load("patient list", base + "/cases", cookie: session)
await load("worklist", base + "/worklists/impending-fractures", cookie: session)
helloTask.cancel()
try await client.shutdown().get()
