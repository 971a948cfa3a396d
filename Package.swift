// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SkillGate",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SkillGateModel", targets: ["SkillGateModel"]),
        .library(name: "SkillGateHTTP", targets: ["SkillGateHTTP"]),
        .library(name: "SkillGateVerification", targets: ["SkillGateVerification"]),
    ],
    targets: [
        // A tiny swift-log-shaped logger that writes to stderr.
        .target(name: "SkillGateLogging"),
        // Wire types and the JSON seam: RequestEnvelope, ResponseEnvelope, JSONValue.
        .target(name: "SkillGateModel"),
        // HTTP/1.1 server and client on POSIX sockets; knows nothing about Alexa.
        .target(name: "SkillGateHTTP", dependencies: ["SkillGateLogging"]),
        // The only C in the project: the system OpenSSL (libssl-dev).
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // Alexa request signature verification (cert-chain URL, chain, SAN, Signature-256).
        .target(name: "SkillGateVerification", dependencies: ["COpenSSL", "SkillGateLogging"]),
        // An AWS Lambda custom-runtime loop over the Runtime API; knows nothing about Alexa.
        .target(name: "SkillGateLambda", dependencies: ["SkillGateHTTP", "SkillGateLogging"]),
        .testTarget(name: "SkillGateModelTests", dependencies: ["SkillGateModel"], exclude: ["Fixtures"]),
        .testTarget(name: "SkillGateHTTPTests", dependencies: ["SkillGateHTTP", "SkillGateLogging"]),
    ]
)

// Every target: Swift 6 mode, explicit existentials, internal imports unless marked public.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}

