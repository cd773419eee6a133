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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Clinical knowledge: scores, response criteria, findings, bilingual texts. Foundation only, pure.
        .target(name: "BoneMetRules", swiftSettings: strictSettings),
        // The case record and its validation; storage ports. Depends on Rules only.
        .target(name: "BoneMetDomain", dependencies: ["BoneMetRules"], swiftSettings: strictSettings),
        // Fixtures for tests and benchmarks: synthetic cases of a chosen size.
        .target(name: "BoneMetTestSupport", dependencies: ["BoneMetDomain"], swiftSettings: strictSettings),
        // The command-line tool: thin argument parsing over the libraries.
        .executableTarget(
            name: "bonemet",
            dependencies: [
                "BoneMetRules",
                "BoneMetDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "BoneMetRulesTests", dependencies: ["BoneMetRules"], swiftSettings: strictSettings),
        .testTarget(name: "BoneMetDomainTests", dependencies: ["BoneMetDomain", "BoneMetTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "bonemetTests", dependencies: ["BoneMetDomain"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
