import Foundation
import SkillGateTestSupport
import Testing

/// `skillgate replay --url` against `ride-hailer serve` running as a child process.
struct ReplayHTTPTests {
    @Test("the Ride Hailer replay folder passes over HTTP, and serve exits 0 on SIGTERM")
    func sampleReplayOverHTTP() async throws {
        let database = try TemporaryFolder("ride-hailer-db")
        let server = try await SkillServerProcess.start(
            Command.path("ride-hailer"), ["--no-verify"], environment: Command.sampleDatabase(in: database))
        let output = try await Command.skillgate(["replay", Command.rideHailerReplay, "--url", server.url, "--quiet"])
        let status = await server.stop()
        #expect(output.status == 0, "\(output)\n--- serve log\n\(server.log)")
        #expect(output.stdout.contains(" 0 failed"))
        #expect(status == 0, "serve log:\n\(server.log)")
    }

    @Test(
        "with verification on, signed replays pass, unsigned and stale ones are rejected, and --refresh-timestamps fixes stale ones",
        .enabled(if: Command.which("openssl") != nil, "needs the openssl command line to make test certificates")
    )
    func signedReplay() async throws {
        let certificates = try await DevelopmentCertificates.shared.value
        let database = try TemporaryFolder("ride-hailer-db")
        let server = try await SkillServerProcess.start(
            Command.path("ride-hailer"),
            environment: ["SKILLGATE_TRUST_ROOTS": certificates.root, "SKILLGATE_CERT_CHAIN": certificates.chain].merging(
                Command.sampleDatabase(in: database)
            ) { $1 })
        let sign = ["--sign-with", certificates.key, "--cert-chain", certificates.chain]
        let replay = Command.rideHailerReplay

        let signed = try await Command.skillgate(["replay", replay, "--url", server.url, "--refresh-timestamps", "--quiet"] + sign)
        #expect(signed.status == 0, "\(signed)\n--- serve log\n\(server.log)")

        let unsigned = try await Command.skillgate(["replay", replay + "/conversations/order-confirm.json", "--url", server.url])
        #expect(unsigned.status == 1)
        #expect(unsigned.stdout.contains("rejected: verificationFailed: The request has no SignatureCertChainUrl header"), "\(unsigned)")

        let stale = try await Command.skillgate(["replay", replay + "/requests/launch.json", "--url", server.url] + sign)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("rejected: timestampOutOfRange"), "\(stale)")
        #expect(stale.stdout.contains("(HTTP 400)"))

        let refreshed = try await Command.skillgate(
            ["replay", replay + "/requests/launch.json", "--url", server.url, "--refresh-timestamps"] + sign)
        #expect(refreshed.status == 0, "\(refreshed)")

        let wrongKey = try await Command.skillgate([
            "replay", replay + "/requests/launch.json", "--url", server.url, "--refresh-timestamps",
            "--sign-with", certificates.otherKey,
        ])
        #expect(wrongKey.status == 1)
        #expect(wrongKey.stdout.contains("rejected: verificationFailed"), "\(wrongKey)")
    }

    @Test(
        "--cert-chain is checked before replaying: a key that does not match its signing certificate exits 2",
        .enabled(if: Command.which("openssl") != nil, "needs the openssl command line to make test certificates")
    )
    func certificateChainCheck() async throws {
        let certificates = try await DevelopmentCertificates.shared.value
        let replay = Command.rideHailerReplay + "/requests/launch.json"
        let mismatch = try await Command.skillgate([
            "replay", replay, "--url", "http://127.0.0.1:1/", "--sign-with", certificates.otherKey,
            "--cert-chain", certificates.chainWithRoot,
        ])
        #expect(mismatch.status == 2)
        #expect(mismatch.stderr.contains("does not match the signing certificate"), "\(mismatch)")
        let notAChain = try await Command.skillgate([
            "replay", replay, "--url", "http://127.0.0.1:1/", "--sign-with", certificates.key,
            "--cert-chain", certificates.key,
        ])
        #expect(notAChain.status == 2)
        #expect(notAChain.stderr.contains("would be rejected by a verifying endpoint"), "\(notAChain)")
        let badURL = try await Command.skillgate([
            "replay", replay, "--url", "http://127.0.0.1:1/", "--sign-with", certificates.key,
            "--cert-url", "http://s3.amazonaws.com/echo.api/cert.pem",
        ])
        #expect(badURL.status == 2)
        #expect(badURL.stderr.contains("would be rejected by a verifying endpoint"), "\(badURL)")
    }

    @Test("--refresh-timestamps makes an old recording pass serve's 150-second check without verification")
    func refreshWithTimestampCheck() async throws {
        let server = try await SkillServerProcess.start(Command.path("ride-hailer"), ["--no-verify", "--check-timestamp"])
        let file = Command.rideHailerReplay + "/requests/order-ride-linked.json"
        let stale = try await Command.skillgate(["replay", file, "--url", server.url])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("rejected: timestampOutOfRange"), "\(stale)")
        let fresh = try await Command.skillgate(["replay", file, "--url", server.url, "--refresh-timestamps"])
        #expect(fresh.status == 0, "\(fresh)")
    }
}
