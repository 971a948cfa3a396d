import Foundation
import SkillGateTestSupport
import SkillGateTesting
import Testing

/// A skill that wants no OpenSSL turns the `HTTPEndpoint` trait off: it still builds from
/// `import SkillGate`, runs `stdio`, `routes` and `lambda`, and links no libssl or libcrypto.
@Suite("core-only build (HTTPEndpoint trait off)")
struct CoreOnlyBuildTests {
    /// The package root: three folders above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test(
        "ride-hailer built without the HTTPEndpoint trait links no OpenSSL and says serve is not built in (one build: slow)",
        .enabled(if: ChildProcess.which("swift") != nil && ChildProcess.which("ldd") != nil, "needs swift and ldd on PATH")
    )
    func buildsWithoutOpenSSL() async throws {
        let swift = try #require(ChildProcess.which("swift"))
        let scratch = Self.packageRoot + "/.build-notls"
        let build = try await ChildProcess.run(
            swift,
            [
                "build", "--package-path", Self.packageRoot, "--scratch-path", scratch, "--disable-default-traits", "--product",
                "ride-hailer",
            ],
            timeout: 900)
        try #require(build.status == 0, "\(build)")
        let binary = scratch + "/debug/ride-hailer"
        let linked = try await ChildProcess.run(try #require(ChildProcess.which("ldd")), [binary])
        #expect(linked.status == 0, "\(linked)")
        #expect(!linked.stdout.contains("libssl"), "\(linked.stdout)")
        #expect(!linked.stdout.contains("libcrypto"), "\(linked.stdout)")

        let serve = try await ChildProcess.run(binary, ["serve", "--port", "0"])
        #expect(serve.status == 64)
        #expect(serve.stderr.contains("the SkillGate package trait HTTPEndpoint is off"), "\(serve)")

        let routes = try await ChildProcess.run(binary, ["routes"])
        #expect(routes.status == 0, "\(routes)")
        #expect(routes.stdout.contains("OrderRideIntent"))

        // Alexa API calls need HTTPS: without the trait they fail, saying which trait to turn on.
        let granted = TestRequest.intent("OrderRideFromHereIntent", token: "demo-token-alice", skillID: "amzn1.ask.skill.ride-hailer")
            .permissions(consentToken: "consent")
        let fromHere = try await ChildProcess.run(binary, ["stdio"], input: granted.bytes)
        #expect(fromHere.status == 0, "\(fromHere)")
        #expect(fromHere.stdout.contains("Sorry, something went wrong."), "\(fromHere)")
        #expect(fromHere.stderr.contains("built without SkillGate's HTTPEndpoint package trait"), "\(fromHere)")
    }
}
