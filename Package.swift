// swift-tools-version: 6.1
// BoneMet — clinical decision support and MDT case system for bone metastases.
// Layout and dependency direction: ../shared/design/architecture.md (Web → Storage/FHIR → Domain → Rules).
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "BoneMet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bonemet", targets: ["bonemet"]),
        .library(name: "BoneMetRules", targets: ["BoneMetRules"]),
        .library(name: "BoneMetDomain", targets: ["BoneMetDomain"]),
        .library(name: "BoneMetTestSupport", targets: ["BoneMetTestSupport"]),
        .library(name: "BoneMetStorage", targets: ["BoneMetStorage"]),
        .library(name: "BoneMetFHIR", targets: ["BoneMetFHIR"]),
        .library(name: "BoneMetReports", targets: ["BoneMetReports"]),
        .library(name: "BoneMetWeb", targets: ["BoneMetWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // Clinical knowledge: scores, response criteria, findings, bilingual texts. Foundation only, pure.
        .target(name: "BoneMetRules", swiftSettings: strictSettings),
        // The case record and its validation; storage ports. Depends on Rules only.
        .target(name: "BoneMetDomain", dependencies: ["BoneMetRules"], swiftSettings: strictSettings),
        // FHIR R4 JSON layer (strict, precision-keeping) and Bulk NDJSON reading; mCODE mapping.
        .target(
            name: "BoneMetFHIR",
            dependencies: ["BoneMetDomain", "BoneMetReports", .product(name: "CompressNIO", package: "compress-nio")],
            swiftSettings: strictSettings
        ),
        // SQL storage on SQLite (embedded default) and PostgreSQL through one sql-kit code path.
        // Never imports Hummingbird.
        .target(
            name: "BoneMetStorage",
            dependencies: [
                "BoneMetDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        // Radiology report text → suggested lesion readings (issue #13): pure, lexicons as data.
        .target(
            name: "BoneMetReports",
            dependencies: ["BoneMetRules"],
            resources: [.copy("Lexicons")],
            swiftSettings: strictSettings
        ),
        // The Hummingbird application: pages, JSON API, auth, worklists.
        .target(
            name: "BoneMetWeb",
            dependencies: [
                "BoneMetStorage",
                "BoneMetRules",
                "BoneMetFHIR",
                "BoneMetReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: strictSettings
        ),
        // Fixtures for tests and benchmarks: synthetic cases of a chosen size.
        .target(
            name: "BoneMetTestSupport",
            dependencies: ["BoneMetDomain", "BoneMetStorage", .product(name: "PostgresKit", package: "postgres-kit")],
            swiftSettings: strictSettings
        ),
        // The command-line tool: thin argument parsing over the libraries.
        .executableTarget(
            name: "bonemet",
            dependencies: [
                "BoneMetRules",
                "BoneMetDomain",
                "BoneMetStorage",
                "BoneMetWeb",
                "BoneMetFHIR",
                "BoneMetReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "BoneMetRulesTests", dependencies: ["BoneMetRules"], swiftSettings: strictSettings),
        .testTarget(name: "BoneMetDomainTests", dependencies: ["BoneMetDomain", "BoneMetTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "BoneMetFHIRTests", dependencies: ["BoneMetFHIR", "BoneMetStorage", "BoneMetTestSupport", .product(name: "SQLKit", package: "sql-kit")], swiftSettings: strictSettings),
        .testTarget(name: "BoneMetReportsTests", dependencies: ["BoneMetReports", "BoneMetTestSupport"], resources: [.copy("Corpus")], swiftSettings: strictSettings),
        .testTarget(name: "BoneMetStorageTests", dependencies: ["BoneMetStorage", "BoneMetTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "BoneMetWebTests",
            dependencies: [
                "BoneMetWeb", "BoneMetFHIR", "BoneMetReports", "BoneMetTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "bonemetTests", dependencies: ["BoneMetDomain", "BoneMetStorage", "BoneMetTestSupport"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
