import AsyncHTTPClient
import _CryptoExtras
import BoneMetDomain
import BoneMetFHIR
import Foundation
import JWTKit
import NIOCore

// Issue #12: CDS Hooks patient-view with prefetch under load, against a running release
// `bonemet serve --cds-config DIR/cds.json`. Two steps:
//   CDSBenchmark config DIR BASE_URL [es384|rs384]   writes DIR/cds.json (an EHR with a fresh key of
//                                                     that algorithm, default ES384), DIR/key.pem and DIR/alg
//   CDSBenchmark load DIR BASE_URL [connections=32] [seconds=8] [patients=200] [rate]
//   (GO_FILE=PATH in the environment: the load waits for PATH after its warm-up and signing)
// The load step signs every token beforehand (a fresh jti each: a replayed one is refused),
// builds patient-view bodies with full prefetch for `patients` patients (the case of
// examples/10a with zoledronic acid due — a card to say), calls each patient once (their
// first call imports the EHR's data as a case), then loads for `seconds`.
// Without `rate` every connection calls again as soon as it is answered (closed loop: the
// throughput ceiling, where the wait is the queue, 32 ÷ throughput by Little's law). With
// `rate` (calls a second in all) the calls are sent on a fixed schedule, each connection its
// share, and a call's latency counts from when it was due, not when it was sent — a late send
// because an earlier call was slow counts as waiting (wrk2's correction for coordinated
// omission): the latency an EHR sees at that load. DUMP=FILE writes each timed call's due
// time and latency (ms, tab-separated), to see whether slow calls come in bursts.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3, ["config", "load"].contains(arguments[0]) else {
    print("usage: CDSBenchmark config DIR BASE_URL | CDSBenchmark load DIR BASE_URL [connections] [seconds] [patients]")
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let base = arguments[2]
let iss = "https://ehr.bench.example/"
let client = "bench-ehr"
let kid = "bench-key-1"
let service = base + "/cds-services/bonemet-patient-view"

func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
}

if arguments[0] == "config" {
    let algorithm = arguments.count > 3 ? arguments[3].lowercased() : "es384"
    let jwk: String
    if algorithm == "rs384" {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let primitives = try key.publicKey.getKeyPrimitives()
        try key.pemRepresentation.write(to: directory.appendingPathComponent("key.pem"), atomically: true, encoding: .utf8)
        jwk = #"{"kty":"RSA","use":"sig","kid":"\#(kid)","n":"\#(base64URL(primitives.modulus))","e":"\#(base64URL(primitives.publicExponent))"}"#
    } else {
        let key = ES384PrivateKey()
        guard let parameters = key.publicKey.parameters else { exit(1) }
        try key.pemRepresentation.write(to: directory.appendingPathComponent("key.pem"), atomically: true, encoding: .utf8)
        jwk = #"{"kty":"EC","crv":"P-384","use":"sig","kid":"\#(kid)","x":"\#(parameters.x)","y":"\#(parameters.y)"}"#
    }
    try (algorithm == "rs384" ? "rs384" : "es384").write(to: directory.appendingPathComponent("alg"), atomically: true, encoding: .utf8)
    let config = #"{"publicURL":"\#(base)","issuers":[{"iss":"\#(iss)","sub":["\#(client)"],"jwks":{"keys":[\#(jwk)]}}]}"#
    try config.write(to: directory.appendingPathComponent("cds.json"), atomically: true, encoding: .utf8)
    print(directory.appendingPathComponent("cds.json").path)
    exit(0)
}

let connections = arguments.count > 3 ? Int(arguments[3]) ?? 32 : 32
let seconds = arguments.count > 4 ? Double(arguments[4]) ?? 8 : 8
let patients = arguments.count > 5 ? Int(arguments[5]) ?? 200 : 200
let rate = arguments.count > 6 ? Double(arguments[6]) : nil

struct Claims: JWTPayload {
    var iss: String
    var sub: String
    var aud: String
    var exp: Int64
    var iat: Int64
    var jti: String
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

let pem = try String(contentsOf: directory.appendingPathComponent("key.pem"), encoding: .utf8)
let algorithm = (try? String(contentsOf: directory.appendingPathComponent("alg"), encoding: .utf8)) ?? "es384"
let keys = JWTKeyCollection()
if algorithm == "rs384" {
    await keys.add(rsa: try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(pemRepresentation: pem)), digestAlgorithm: .sha384, kid: JWKIdentifier(string: kid))
} else {
    await keys.add(ecdsa: try ES384PrivateKey(pem: pem), kid: JWKIdentifier(string: kid))
}

/// Signs `count` tokens for the patient-view service, valid for the next 5 minutes.
func tokens(_ count: Int) async throws -> [String] {
    let now = Int64(Date().timeIntervalSince1970)
    var all: [String] = []
    all.reserveCapacity(count)
    for _ in 0..<count {
        all.append(try await keys.sign(Claims(iss: iss, sub: client, aud: service, exp: now + 290, iat: now, jti: UUID().uuidString), kid: JWKIdentifier(string: kid)))
    }
    return all
}

// The prefetch of the example case, one body per patient (the ids differ; the data is the same).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var example = try CaseFile.read(try String(contentsOf: root.appendingPathComponent("examples/10a-zoledronic-crcl-35.json"), encoding: .utf8))
if let index = example.treatments.firstIndex(where: { $0.kind == .boneModifyingAgent }), let given = PartialDate("2023-05-10") {
    example.treatments[index].planned = false
    example.treatments[index].doses = [given]
}
let record = example
let types = [
    "patient": "Patient", "conditions": "Condition", "observations": "Observation", "medications": "MedicationRequest",
    "administrations": "MedicationAdministration", "procedures": "Procedure", "imaging": "ImagingStudy",
]
func body(patient: String, record: CaseRecord) -> String {
    let all = FHIRExporter.resources(caseId: patient, record: record, assessment: nil)
    let text = types.keys.sorted().map { key -> String in
        let members = all.filter { $0["resourceType"]?.string == types[key] }.map { $0.serialized() }
        return key == "patient"
            ? #""patient":\#(members.first ?? "null")"#
            : #""\#(key)":{"resourceType":"Bundle","type":"searchset","entry":[\#(members.map { #"{"resource":\#($0)}"# }.joined(separator: ","))]}"#
    }.joined(separator: ",")
    // The exporter names the patient by its case id; the hook's context must say the same.
    return #"{"hookInstance":"\#(UUID().uuidString)","hook":"patient-view","context":{"userId":"Practitioner/1","patientId":"\#(patient)"},"prefetch":{\#(text)}}"#
}
let bodies = (0..<patients).map { body(patient: String(format: "bench-%05d", $0), record: record) }
print("body \(bodies[0].utf8.count) bytes, \(patients) patients")
let buffers = bodies.map { ByteBuffer(string: $0) }
let cardMark = Array("boneAgents.".utf8)

let http = HTTPClient(
    eventLoopGroupProvider: .singleton,
    configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(30)),
        connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)))

func call(_ body: String, token: String) async throws -> (UInt, String) {
    let (status, answer) = try await call(ByteBuffer(string: body), token: token)
    return (status, String(buffer: answer))
}

/// The same with the body already in a buffer and the answer left in one: the client's own
/// work per call is kept small, since it shares the two cores with the server it measures.
func call(_ body: ByteBuffer, token: String) async throws -> (UInt, ByteBuffer) {
    var request = HTTPClientRequest(url: service)
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    request.headers.add(name: "Authorization", value: "Bearer " + token)
    request.body = .bytes(body)
    let response = try await http.execute(request, timeout: .seconds(30))
    return (response.status.code, try await response.body.collect(upTo: 16 * 1024 * 1024))
}

/// Whether the answer's bytes contain `needle`.
func contains(_ buffer: ByteBuffer, _ needle: [UInt8]) -> Bool {
    let bytes = buffer.readableBytesView
    guard let first = needle.first, bytes.count >= needle.count else { return false }
    var index = bytes.startIndex
    let last = bytes.endIndex - needle.count
    while index <= last {
        if bytes[index] == first && bytes[index..<index + needle.count].elementsEqual(needle) { return true }
        index += 1
    }
    return false
}

// Every patient once: their case is created from the EHR's data.
let warm = try await tokens(patients)
var created = 0
for (index, body) in bodies.enumerated() {
    let (status, text) = try await call(body, token: warm[index])
    if status != 200 { print("warm-up call \(index): \(status) \(text.prefix(300))"); exit(1) }
    if text.contains("/cases/") { created += 1 }
}
print("warm-up: \(patients) calls, \(created) answers link to a case")

// What verifying one signature costs on this machine (the server does it for every call).
let sample = try await tokens(300)
let verifyStart = ContinuousClock.now
for token in sample { _ = try await keys.verify(token, as: Claims.self) }
let verifyEach = verifyStart.duration(to: .now) / sample.count
print("\(algorithm.uppercased()) signature check, one core: \(verifyEach) per token")

// Enough tokens for a generous ceiling; each used once.
let budget = Int((seconds + 1) * 4_000) + connections
let pool = try await tokens(budget)
// GO_FILE=PATH: wait for PATH to exist before the load (after the warm-up and the signing,
// which take a while) — a script can then start the load at a moment of its choosing, e.g.
// while a restarted server re-assesses every case.
if let go = ProcessInfo.processInfo.environment["GO_FILE"] {
    FileHandle.standardError.write(Data("tokens ready\n".utf8))
    while !FileManager.default.fileExists(atPath: go) { try await Task.sleep(for: .milliseconds(100)) }
}
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    func take() -> Int { lock.lock(); defer { lock.unlock() }; next += 1; return next - 1 }
}
let counter = Counter()
struct Result {
    var latencies: [Double] = []
    var starts: [Double] = []
    var errors = 0
    var cards = 0
}
/// CPU seconds a process has used (utime + stime of /proc/PID/stat), for the share of the two
/// cores the server and this client took during the load (SERVER_PID names the server).
func cpuSeconds(_ pid: String) -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / 100
}
// One second of the same load first, not counted: the warm-up above used one connection, and
// opening the other connections (and the server's first calls on them) would otherwise be
// timed as the load's first quarter second.
_ = await load(deadline: Date().addingTimeInterval(1))
// Unbuffered, for a profiler waiting for this line.
FileHandle.standardError.write(Data("load starts\n".utf8))
let serverPid = ProcessInfo.processInfo.environment["SERVER_PID"]
let serverBefore = serverPid.flatMap(cpuSeconds)
let clientBefore = cpuSeconds("self")
let started = Date()
let results = await load(deadline: Date().addingTimeInterval(seconds))
func load(deadline: Date) async -> Result {
  await withTaskGroup(of: Result.self) { group in
    for connection in 0..<connections {
        group.addTask {
            var result = Result()
            var turn = connection
            let start = DispatchTime.now().uptimeNanoseconds
            var sent = 0
            while Date() < deadline {
                let slot = counter.take()
                guard slot < pool.count else { break }
                var begin = DispatchTime.now().uptimeNanoseconds
                if let rate {
                    // This connection's calls are due every connections ÷ rate seconds, staggered.
                    let due = start + UInt64((Double(sent * connections + connection) / rate) * 1_000_000_000)
                    sent += 1
                    if due > begin { try? await Task.sleep(nanoseconds: due - begin) }
                    begin = due
                }
                do {
                    let (status, answer) = try await call(buffers[turn % buffers.count], token: pool[slot])
                    if status != 200 { result.errors += 1 } else if contains(answer, cardMark) { result.cards += 1 }
                } catch {
                    result.errors += 1
                }
                result.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000)
                result.starts.append(Double(begin - start) / 1_000_000)
                turn += connections
            }
            return result
        }
    }
    return await group.reduce(into: Result()) { total, part in
        total.latencies += part.latencies
        total.starts += part.starts
        total.errors += part.errors
        total.cards += part.cards
    }
  }
}
let elapsed = Date().timeIntervalSince(started)
if let dump = ProcessInfo.processInfo.environment["DUMP"] {
    try zip(results.starts, results.latencies).map { "\($0)\t\($1)" }.joined(separator: "\n").write(toFile: dump, atomically: true, encoding: .utf8)
}
let sorted = results.latencies.sorted()
func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
print(String(format: "CDS patient-view (prefetch)\t%.0f req/s\tp50 %.2f ms\tp99 %.2f ms\tp99.9 %.2f ms\terrors %d\twith a card %d of %d\t(%d connections, %.1f s, ",
    Double(sorted.count) / elapsed, percentile(0.5), percentile(0.99), percentile(0.999), results.errors, results.cards, sorted.count, connections, elapsed)
    + (rate.map { String(format: "offered %.0f req/s, latency from when each call was due)", $0) } ?? "closed loop)"))
if let pid = serverPid, let before = serverBefore, let after = cpuSeconds(pid), let clientBefore, let clientAfter = cpuSeconds("self") {
    print(String(format: "CPU during the load: server %.0f %% of one core, this client %.0f %%", 100 * (after - before) / elapsed, 100 * (clientAfter - clientBefore) / elapsed))
}
try await http.shutdown().get()
