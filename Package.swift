// swift-tools-version:6.1
import PackageDescription

// The module graph points one way: the core knows no transport and no OpenSSL; the adapters
// (HTTP endpoint, Lambda, doctor) depend on it, never the other way. See README "Architecture".
let package = Package(
    name: "SkillGate",
    platforms: [.macOS(.v15)],
    products: [
        // `import SkillGate`: the core plus `main()` with every run mode.
        .library(name: "SkillGate", targets: ["SkillGate"]),
        // The transport-free core alone: skills, routes, the gate, the runner, stdio mode.
        .library(name: "SkillGateCore", targets: ["SkillGateCore"]),
        .library(name: "SkillGateModel", targets: ["SkillGateModel"]),
        .library(name: "SkillGateHTTP", targets: ["SkillGateHTTP"]),
        .library(name: "SkillGateEndpoint", targets: ["SkillGateEndpoint"]),
        .library(name: "SkillGateLambda", targets: ["SkillGateLambda"]),
        .library(name: "SkillGateVerification", targets: ["SkillGateVerification"]),
        .library(name: "SkillGateCrypto", targets: ["SkillGateCrypto"]),
        .library(name: "SkillGateHTTPS", targets: ["SkillGateHTTPS"]),
        .library(name: "SkillGateTesting", targets: ["SkillGateTesting"]),
        // Persistent attributes in one SQLite file (the system libsqlite3), for a skill on one machine.
        .library(name: "SkillGateSQLite", targets: ["SkillGateSQLite"]),
        // Persistent attributes in DynamoDB (the ASK SDKs' table layout), for a skill on many machines or Lambda.
        .library(name: "SkillGateDynamoDB", targets: ["SkillGateDynamoDB"]),
        .executable(name: "skillgate", targets: ["skillgate"]),
        .executable(name: "ride-hailer", targets: ["RideHailer"]),
        .executable(name: "skillgate-bench", targets: ["skillgate-bench"]),
    ],
    traits: [
        // `serve` (the HTTP endpoint with Alexa signature verification) in `import SkillGate`'s
        // `main()`. It is the only part of the umbrella that needs OpenSSL: a skill that runs only
        // as `stdio` or on Lambda turns it off (`traits: []` on its package dependency) and links
        // no libssl.
        .trait(name: "HTTPEndpoint", description: "The `serve` mode: an HTTP endpoint that verifies Alexa's signatures (needs OpenSSL)."),
        .default(enabledTraits: ["HTTPEndpoint"]),
    ],
    targets: [
        // The platform layer: guarded libc imports, standard streams, the environment, signals,
        // child processes (Subprocess) and command-line scanning (ArgumentScanner); the shape of
        // the public errors (KindedError).
        .target(name: "SkillGateSystem", dependencies: ["CSkillGateSystem"]),
        // A tiny swift-log-shaped logger that writes to stderr, as text or JSON lines.
        // Lines go through a bounded queue to one writer thread, so a stalled stderr never blocks a caller.
        .target(name: "SkillGateLogging", dependencies: ["SkillGateSystem", "SkillGateModel"]),
        // Wire types and the JSON seam: RequestEnvelope, ResponseEnvelope, JSONValue.
        .target(name: "SkillGateModel", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // The core: Skill, routes, the linking gate, responses, the runner, stdio and routes modes.
        .target(name: "SkillGateCore", dependencies: ["SkillGateModel", "SkillGateLogging", "SkillGateSystem"]),
        // System calls Swift cannot reach portably: epoll, eventfd and accept4 on Linux; thread start.
        .target(name: "CSkillGateSystem"),
        // HTTP/1.1 server and client on POSIX sockets; knows nothing about Alexa or OpenSSL.
        .target(name: "SkillGateHTTP", dependencies: ["CSkillGateSystem", "SkillGateLogging", "SkillGateSystem"]),
        // The system OpenSSL (libssl-dev), imported by SkillGateCrypto alone.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // The OpenSSL binding: X.509, trust roots, RSA-SHA256, SHA-256/HMAC, base64, TLS client sessions.
        .target(name: "SkillGateCrypto", dependencies: ["COpenSSL", "SkillGateSystem"]),
        // OpenSSL-backed TLS for SkillGateHTTP's client (https://).
        .target(name: "SkillGateHTTPS", dependencies: ["SkillGateHTTP", "SkillGateCrypto"]),
        // Alexa request signature verification (cert-chain URL, chain, SAN, Signature-256).
        .target(
            name: "SkillGateVerification",
            dependencies: ["SkillGateCrypto", "SkillGateHTTPS", "SkillGateHTTP", "SkillGateLogging"]
        ),
        // `serve`: the core behind the HTTP server, with Alexa verification.
        .target(
            name: "SkillGateEndpoint",
            dependencies: ["SkillGateCore", "SkillGateHTTP", "SkillGateVerification", "SkillGateSystem"]
        ),
        // `lambda`: an AWS Lambda custom-runtime loop over the Runtime API, running the core.
        .target(name: "SkillGateLambda", dependencies: ["SkillGateCore", "SkillGateHTTP", "SkillGateLogging", "SkillGateSystem"]),
        // OAuth 2.0 account-linking checks for `skillgate doctor`: the skill package, TLS, the authorization
        // URI and login page, the walkthrough, and the token endpoint.
        .target(
            name: "SkillGateDoctor",
            dependencies: ["SkillGateLogging", "SkillGateHTTP", "SkillGateHTTPS", "SkillGateCrypto", "SkillGateSystem"]
        ),
        // The umbrella: re-exports the core and supplies `main()` with every run mode.
        .target(
            name: "SkillGate",
            dependencies: [
                "SkillGateCore", "SkillGateLambda", "SkillGateSystem", "SkillGateHTTP",
                .target(name: "SkillGateEndpoint", condition: .when(traits: ["HTTPEndpoint"])),
                // The Alexa API transport (context.alexa) over HTTPS.
                .target(name: "SkillGateHTTPS", condition: .when(traits: ["HTTPEndpoint"])),
                .target(name: "SkillGateCrypto", condition: .when(traits: ["HTTPEndpoint"])),
            ]
        ),
        // The system SQLite (libsqlite3-dev), imported by SkillGateSQLite alone.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Persistent attributes in one SQLite file: WAL, busy timeout, conditional saves on a version column.
        .target(name: "SkillGateSQLite", dependencies: ["SkillGateCore", "CSQLite"]),
        // Persistent attributes in DynamoDB over the one HTTP client, signed with AWS Signature Version 4.
        .target(name: "SkillGateDynamoDB", dependencies: ["SkillGateCore", "SkillGateHTTP", "SkillGateHTTPS", "SkillGateCrypto"]),
        // Replay files (requests, conversations, ASK CLI recordings), expectations, request
        // templates, utterances resolved against an interaction model, and the replay loop over a
        // transport: shared by the `skillgate` tool and SkillGateTesting's in-process replay.
        .target(name: "SkillGateReplay", dependencies: ["SkillGateModel", "SkillGateSystem", "SkillGateLogging"]),
        // For skill authors: run a skill in-process with no sockets; request builders for tests;
        // replay files run in-process.
        .target(name: "SkillGateTesting", dependencies: ["SkillGateCore", "SkillGateReplay"]),
        // This repository's own test helpers (child processes, openssl fixtures, throw-away TLS
        // servers); not a product.
        .target(name: "SkillGateTestSupport", dependencies: ["SkillGateSystem", "SkillGateHTTP", "SkillGateLogging", "SkillGateCore"]),
        // The command-line tool: request, replay, lint, new, doctor.
        .executableTarget(
            name: "skillgate",
            dependencies: [
                "SkillGateModel", "SkillGateHTTP", "SkillGateVerification", "SkillGateCrypto", "SkillGateLogging",
                "SkillGateDoctor", "SkillGateSystem", "SkillGateReplay",
            ]
        ),
        // The benchmarks.
        .executableTarget(
            name: "skillgate-bench",
            dependencies: [
                "SkillGate", "SkillGateTesting", "SkillGateVerification", "SkillGateCrypto", "SkillGateTestSupport", "SkillGateSQLite",
                "SkillGateSystem",
            ]
        ),
        // Fuzzing (README "Fuzzing"): libFuzzer harnesses for the request path, the JSON seam and the
        // HTTP parser. Built with the fuzzer flags they fuzz; a plain build runs their seeds once.
        .target(name: "SkillGateFuzzSupport"),
        .executableTarget(
            name: "skillgate-fuzz-request", dependencies: ["SkillGateCore", "SkillGateModel", "SkillGateLogging", "SkillGateFuzzSupport"]
        ),
        .executableTarget(name: "skillgate-fuzz-json", dependencies: ["SkillGateModel", "SkillGateFuzzSupport"]),
        .executableTarget(name: "skillgate-fuzz-http", dependencies: ["SkillGateHTTP", "SkillGateFuzzSupport"]),
        // The Ride Hailer sample skill from Amazon's account-linking documentation.
        .executableTarget(
            name: "RideHailer",
            dependencies: [
                "SkillGate", "SkillGateSQLite",
                // DynamoDB signs with OpenSSL's HMAC and speaks https: only with the trait that brings OpenSSL.
                .target(name: "SkillGateDynamoDB", condition: .when(traits: ["HTTPEndpoint"])),
            ],
            path: "Samples/RideHailer",
            exclude: ["README.md", "Data", "skill-package", "Replay", "ReplayStoreDown"]
        ),
        // The README's "A skill in one file", compiled as it is printed (a test keeps the two equal).
        .executableTarget(name: "OneFileSkill", dependencies: ["SkillGate"], path: "Samples/OneFile"),
        // The documentation's code: every ```swift block in README.md and in the DocC articles
        // (Sources/*/*.docc) appears in a file the build compiles — Samples/OneFile,
        // Samples/RideHailer or this skill — and its tests run (DocumentationSnippetTests checks).
        .executableTarget(name: "DocSnippets", dependencies: ["SkillGate", "SkillGateSQLite"], path: "Samples/DocSnippets/Skill"),

        .testTarget(name: "SkillGateCryptoTests", dependencies: ["SkillGateCrypto"]),
        .testTarget(name: "SkillGateSQLiteTests", dependencies: ["SkillGateSQLite", "SkillGateCore", "SkillGateTestSupport"]),
        .testTarget(
            name: "SkillGateDynamoDBTests", dependencies: ["SkillGateDynamoDB", "SkillGateCore", "SkillGateTestSupport"]
        ),
        .testTarget(name: "SkillGatePersistenceTests", dependencies: ["SkillGate", "SkillGateTesting", "SkillGateSQLite"]),
        .testTarget(
            name: "SkillGateHTTPSTests", dependencies: ["SkillGateHTTPS", "SkillGateHTTP", "SkillGateCrypto", "SkillGateTestSupport"]
        ),
        .testTarget(name: "SkillGateSystemTests", dependencies: ["SkillGateSystem"]),
        .testTarget(name: "SkillGateModelTests", dependencies: ["SkillGateModel"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SkillGateTests", dependencies: ["SkillGate", "SkillGateTesting", "SkillGateHTTP", "SkillGateLambda", "SkillGateSystem", "SkillGateTestSupport"]),
        .testTarget(name: "SkillGateHTTPTests", dependencies: ["SkillGateHTTP", "SkillGateLogging", "SkillGateTestSupport"]),
        // context.alexa against a fake Alexa API over real HTTPS on loopback (and against FakeAlexaAPI).
        .testTarget(
            name: "SkillGateAlexaAPITests", dependencies: ["SkillGate", "SkillGateTesting", "SkillGateTestSupport", "SkillGateCrypto"]
        ),
        .testTarget(
            name: "SkillGateVerificationTests",
            dependencies: ["SkillGateVerification", "SkillGateCrypto", "SkillGateTestSupport", "SkillGateLogging"]
        ),
        .testTarget(
            name: "SkillGateLambdaTests",
            dependencies: ["SkillGateLambda", "SkillGateHTTP", "SkillGateLogging", "SkillGateTestSupport", "SkillGateSystem"]
        ),
        .testTarget(
            name: "SkillGateDoctorTests",
            dependencies: ["SkillGateDoctor", "SkillGateHTTP", "SkillGateLogging", "SkillGateTestSupport", "SkillGateCrypto"]
        ),
        .testTarget(
            name: "SkillGateEndpointTests",
            dependencies: [
                "SkillGate", "SkillGateEndpoint", "SkillGateHTTP", "SkillGateVerification", "SkillGateCrypto", "SkillGateTesting",
                "SkillGateTestSupport",
            ]
        ),
        .testTarget(name: "SkillGateCLITests", dependencies: ["SkillGateModel", "SkillGateTestSupport"]),
        .testTarget(name: "DocSnippetTests", dependencies: ["DocSnippets", "SkillGate", "SkillGateTesting"], path: "Samples/DocSnippets/Tests"),
        .testTarget(
            name: "RideHailerTests",
            dependencies: [
                "SkillGateModel", "SkillGateTestSupport", "SkillGateHTTP", "SkillGateVerification", "SkillGateCrypto", "SkillGateSQLite",
                "SkillGateTesting", "SkillGateSystem",
            ],
            exclude: ["Oracle"]
        ),
    ]
)

// Every Swift target: Swift 6 mode, explicit existentials, internal imports unless marked public,
// and imports that must name every module whose members a file uses. C targets (named C…) have
// no Swift settings.
for target in package.targets where target.type != .system && target.name.hasPrefix("C") == false {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
