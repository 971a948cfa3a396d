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
        // System calls Swift cannot reach portably: epoll, eventfd and accept4 on Linux; thread start.
        .target(name: "CSkillGateSystem"),
        // HTTP/1.1 server and client on POSIX sockets; knows nothing about Alexa.
        .target(name: "SkillGateHTTP", dependencies: ["CSkillGateSystem", "SkillGateLogging"]),
        // The system OpenSSL (libssl-dev).
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // Alexa request signature verification (cert-chain URL, chain, SAN, Signature-256).
        .target(name: "SkillGateVerification", dependencies: ["COpenSSL", "SkillGateLogging"]),
        // An AWS Lambda custom-runtime loop over the Runtime API; knows nothing about Alexa.
        .target(name: "SkillGateLambda", dependencies: ["SkillGateHTTP", "SkillGateLogging"]),
        // OAuth 2.0 token-endpoint checks for `skillgate doctor`.
        .target(name: "SkillGateDoctor", dependencies: ["SkillGateLogging"]),
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
                "SkillGate", "SkillGateModel", "SkillGateHTTP", "SkillGateVerification", "SkillGateLogging",
                "SkillGateDoctor",
            ]
        ),
        // The in-process benchmark.
        .executableTarget(name: "skillgate-bench", dependencies: ["SkillGate", "SkillGateTesting", "SkillGateVerification"]),
        // The Ride Hailer sample skill from Amazon's account-linking documentation.
        .executableTarget(
            name: "RideHailer",
            dependencies: ["SkillGate"],
            path: "Samples/RideHailer",
            exclude: ["README.md", "Data", "skill-package", "Replay"]
        ),

        .testTarget(name: "SkillGateModelTests", dependencies: ["SkillGateModel"], exclude: ["Fixtures"]),
        .testTarget(name: "SkillGateTests", dependencies: ["SkillGate", "SkillGateTesting", "SkillGateHTTP"]),
        .testTarget(name: "SkillGateHTTPTests", dependencies: ["SkillGateHTTP", "SkillGateLogging"]),
        .testTarget(name: "SkillGateVerificationTests", dependencies: ["SkillGateVerification", "SkillGateTesting"]),
        .testTarget(name: "SkillGateLambdaTests", dependencies: ["SkillGateLambda", "SkillGateHTTP", "SkillGateLogging", "SkillGateTesting"]),
        .testTarget(name: "SkillGateDoctorTests", dependencies: ["SkillGateDoctor", "SkillGateHTTP", "SkillGateLogging"]),
        .testTarget(
            name: "SkillGateEndpointTests",
            dependencies: ["SkillGate", "SkillGateHTTP", "SkillGateVerification", "SkillGateTesting"]
        ),
        .testTarget(name: "SkillGateCLITests", dependencies: ["SkillGateModel", "SkillGateTesting"]),
        .testTarget(
            name: "RideHailerTests", dependencies: ["SkillGateModel", "SkillGateTesting", "SkillGateHTTP", "SkillGateVerification"],
            exclude: ["Oracle"]
        ),
    ]
)

// Every Swift target: Swift 6 mode, explicit existentials, internal imports unless marked public.
// C targets (named C…) have no Swift settings.
for target in package.targets where target.type != .system && target.name.hasPrefix("C") == false {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
