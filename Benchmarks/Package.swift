// swift-tools-version: 6.1
// Benchmarks live in their own package so the main build and CI stay lean (architecture.md).
// Run: cd Benchmarks && swift package benchmark   (figures in docs/performance.md)
import PackageDescription

let package = Package(
    name: "BoneMetBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "BoneMet", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "AssessmentBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BoneMetDomain", package: "BoneMet"),
                .product(name: "BoneMetTestSupport", package: "BoneMet"),
            ],
            path: "Benchmarks/AssessmentBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Bulk NDJSON import throughput and peak memory, next to Python fhir.resources
        // (import-vs-python.sh runs both on the same files).
        .executableTarget(
            name: "ImportThroughput",
            dependencies: [
                .product(name: "BoneMetFHIR", package: "BoneMet"),
                .product(name: "BoneMetStorage", package: "BoneMet"),
                .product(name: "BoneMetTestSupport", package: "BoneMet"),
            ],
            path: "Benchmarks/ImportThroughput"
        ),
        // Lists, worklists, search and case reads at 10 k – 1 M cases on SQLite and PostgreSQL (issue #12).
        .executableTarget(
            name: "ScaleBenchmark",
            dependencies: [
                .product(name: "BoneMetDomain", package: "BoneMet"),
                .product(name: "BoneMetStorage", package: "BoneMet"),
                .product(name: "BoneMetTestSupport", package: "BoneMet"),
            ],
            path: "Benchmarks/ScaleBenchmark"
        ),
        // Pages under load against a running release `bonemet serve --demo`, with a hello-world
        // and /healthz as the floor in the same run (issue #12).
        .executableTarget(
            name: "ServerBenchmark",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Benchmarks/ServerBenchmark"
        ),
        // CDS Hooks patient-view with prefetch under load (issue #12): signed tokens, a running
        // release `bonemet serve --cds-config`.
        .executableTarget(
            name: "CDSBenchmark",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "BoneMetFHIR", package: "BoneMet"),
                .product(name: "BoneMetDomain", package: "BoneMet"),
            ],
            path: "Benchmarks/CDSBenchmark"
        ),
        // The background re-assessment of every stored case (issue #12).
        .executableTarget(
            name: "ReassessBenchmark",
            dependencies: [
                .product(name: "BoneMetWeb", package: "BoneMet"),
                .product(name: "BoneMetStorage", package: "BoneMet"),
                .product(name: "BoneMetTestSupport", package: "BoneMet"),
            ],
            path: "Benchmarks/ReassessBenchmark"
        ),
        // Report extraction speed (issue #13): a typical report, and 10 000 reports in a row.
        .executableTarget(
            name: "ReportBenchmark",
            dependencies: [.product(name: "BoneMetReports", package: "BoneMet")],
            path: "Benchmarks/ReportBenchmark"
        ),
    ],
    swiftLanguageModes: [.v6]
)
