// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SkillGate",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SkillGateModel", targets: ["SkillGateModel"]),
    ],
    targets: [
        // A tiny swift-log-shaped logger that writes to stderr.
        .target(name: "SkillGateLogging"),
        // Wire types and the JSON seam: RequestEnvelope, ResponseEnvelope, JSONValue.
        .target(name: "SkillGateModel"),
        .testTarget(name: "SkillGateModelTests", dependencies: ["SkillGateModel"], exclude: ["Fixtures"]),
    ]
)

// Every target: Swift 6 mode, explicit existentials, internal imports unless marked public.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}

