// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SkillGate",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SkillGate", targets: ["SkillGate"]),
        .library(name: "SkillGateModel", targets: ["SkillGateModel"]),
        .library(name: "SkillGateHTTP", targets: ["SkillGateHTTP"]),
        .library(name: "SkillGateVerification", targets: ["SkillGateVerification"]),
        .library(name: "SkillGateCrypto", targets: ["SkillGateCrypto"]),
        .library(name: "SkillGateHTTPS", targets: ["SkillGateHTTPS"]),
        .library(name: "SkillGateTesting", targets: ["SkillGateTesting"]),
        .executable(name: "skillgate", targets: ["skillgate"]),
        .executable(name: "ride-hailer", targets: ["RideHailer"]),
        .executable(name: "skillgate-bench", targets: ["skillgate-bench"]),
    ],
    targets: [
        // A tiny swift-log-shaped logger that writes to stderr.
        .target(name: "SkillGateLogging"),
        // Wire types and the JSON seam: RequestEnvelope, ResponseEnvelope, JSONValue.
        .target(name: "SkillGateModel"),
        // HTTP/1.1 server and client on POSIX sockets; knows nothing about Alexa.
        .target(name: "SkillGateHTTP", dependencies: ["SkillGateLogging"]),
        // The only C in the project: the system OpenSSL (libssl-dev), imported by SkillGateCrypto alone.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // The OpenSSL binding: X.509, trust roots, RSA-SHA256, SHA-256/HMAC, base64, TLS client sessions.
        .target(name: "SkillGateCrypto", dependencies: ["COpenSSL"]),
        // OpenSSL-backed TLS for SkillGateHTTP's client (https://).
        .target(name: "SkillGateHTTPS", dependencies: ["SkillGateHTTP", "SkillGateCrypto"]),
        // Alexa request signature verification (cert-chain URL, chain, SAN, Signature-256).
        .target(
            name: "SkillGateVerification",
            dependencies: ["SkillGateCrypto", "SkillGateHTTPS", "SkillGateHTTP", "SkillGateLogging"]
        ),
        // An AWS Lambda custom-runtime loop over the Runtime API; knows nothing about Alexa.
        .target(name: "SkillGateLambda", dependencies: ["SkillGateHTTP", "SkillGateLogging"]),
        // OAuth 2.0 token-endpoint checks for `skillgate doctor`.
        .target(name: "SkillGateDoctor", dependencies: ["SkillGateLogging", "SkillGateHTTP", "SkillGateHTTPS"]),
        // Author-facing: Skill, routes, the linking gate, responses, run modes.
        .target(
            name: "SkillGate",
            dependencies: [
                "SkillGateModel", "SkillGateLogging", "SkillGateHTTP", "SkillGateVerification", "SkillGateLambda",
            ]
        ),
        // Run a skill in-process with no sockets; request builders for tests.
        .target(name: "SkillGateTesting", dependencies: ["SkillGate"]),
        // The command-line tool: request, replay, lint, new, doctor.
        .executableTarget(
            name: "skillgate",
            dependencies: [
                "SkillGate", "SkillGateModel", "SkillGateHTTP", "SkillGateVerification", "SkillGateCrypto",
                "SkillGateLogging", "SkillGateDoctor",
            ]
        ),
        // The in-process benchmark.
        .executableTarget(
            name: "skillgate-bench", dependencies: ["SkillGate", "SkillGateTesting", "SkillGateVerification", "SkillGateCrypto"]
        ),
        // The Ride Hailer sample skill from Amazon's account-linking documentation.
        .executableTarget(
            name: "RideHailer",
            dependencies: ["SkillGate"],
            path: "Samples/RideHailer",
            exclude: ["README.md", "Data", "skill-package", "Replay"]
        ),

        // Throw-away TLS certificates, `openssl s_server` and a TLS proxy for the loopback HTTPS tests.
        .target(name: "TLSTestSupport", dependencies: ["SkillGateTesting"], path: "Tests/TLSTestSupport"),
        .testTarget(name: "SkillGateCryptoTests", dependencies: ["SkillGateCrypto"]),
        .testTarget(
            name: "SkillGateHTTPSTests", dependencies: ["SkillGateHTTPS", "SkillGateHTTP", "SkillGateCrypto", "TLSTestSupport"]
        ),
        .testTarget(name: "SkillGateModelTests", dependencies: ["SkillGateModel"], exclude: ["Fixtures"]),
        .testTarget(name: "SkillGateTests", dependencies: ["SkillGate", "SkillGateTesting", "SkillGateHTTP"]),
        .testTarget(name: "SkillGateHTTPTests", dependencies: ["SkillGateHTTP", "SkillGateLogging"]),
        .testTarget(
            name: "SkillGateVerificationTests",
            dependencies: ["SkillGateVerification", "SkillGateCrypto", "SkillGateTesting", "TLSTestSupport"]
        ),
        .testTarget(name: "SkillGateLambdaTests", dependencies: ["SkillGateLambda", "SkillGateHTTP", "SkillGateLogging", "SkillGateTesting"]),
        .testTarget(
            name: "SkillGateDoctorTests", dependencies: ["SkillGateDoctor", "SkillGateHTTP", "SkillGateLogging", "TLSTestSupport"]
        ),
        .testTarget(
            name: "SkillGateEndpointTests",
            dependencies: ["SkillGate", "SkillGateHTTP", "SkillGateVerification", "SkillGateCrypto", "SkillGateTesting"]
        ),
        .testTarget(name: "SkillGateCLITests", dependencies: ["SkillGateModel", "SkillGateTesting"]),
        .testTarget(
            name: "RideHailerTests",
            dependencies: ["SkillGateModel", "SkillGateTesting", "SkillGateHTTP", "SkillGateVerification", "SkillGateCrypto"],
            exclude: ["Oracle"]
        ),
    ]
)

// Every target: Swift 6 mode, explicit existentials, internal imports unless marked public.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
