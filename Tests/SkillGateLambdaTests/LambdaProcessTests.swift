import Foundation
import SkillGateSystem
import SkillGateTestSupport
import Testing
import SkillGateHTTP

/// The built `ride-hailer` sample as a real child process in `lambda` mode against the fake
/// Runtime API, compared with the same binary's `stdio --lines` output.
struct LambdaProcessTests {
    static let skillID = "amzn1.ask.skill.ride-hailer"

    /// The `ride-hailer` binary beside the test bundle, or nil when it was not built.
    static let rideHailer: String? = {
        let candidate = ChildProcess.productsDirectory(containing: "ride-hailer").appendingPathComponent("ride-hailer").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        print("LambdaProcessTests: skipping: no built ride-hailer binary beside the tests (run `swift build` first)")
        return nil
    }()

    /// The package root (for the oracle script and its venv).
    static let packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A Ride Hailer request envelope.
    static func request(_ id: String, _ request: String, token: String? = nil, skillID: String = skillID) -> String {
        let user = token.map { #"{"userId":"amzn1.ask.account.T","accessToken":"\#($0)"}"# } ?? #"{"userId":"amzn1.ask.account.T"}"#
        return
            #"{"version":"1.0","session":{"new":true,"sessionId":"amzn1.echo-api.session.t","application":{"applicationId":"\#(skillID)"},"attributes":{},"user":\#(user)},"context":{"System":{"application":{"applicationId":"\#(skillID)"},"user":\#(user),"device":{"deviceId":"d","supportedInterfaces":{}},"apiEndpoint":"https://api.amazonalexa.com"}},"request":{"requestId":"\#(id)","timestamp":"2020-01-01T00:00:00Z","locale":"en-US",\#(request)}}"#
    }

    /// Launch, linked and unlinked intents, an outage (a handler that throws), session end,
    /// can-fulfill and an event; then the oracle's requests when its venv exists.
    static func corpus() -> [String] {
        let order =
            #""type":"IntentRequest","intent":{"name":"OrderRideIntent","slots":{"destination":{"name":"destination","value":"work"}}}"#
        var lines = [
            request("r1", #""type":"LaunchRequest""#),
            request("r2", order, token: "demo-token-alice"),
            request("r3", order),
            request("r4", order, token: "demo-token-outage"),
            request(
                "r5",
                #""type":"IntentRequest","intent":{"name":"RideHailerAvailabilityByCity","slots":{"city":{"name":"city","value":"Dallas"}}}"#
            ),
            request("r6", #""type":"SessionEndedRequest","reason":"USER_INITIATED""#),
            request("r7", #""type":"CanFulfillIntentRequest","intent":{"name":"OrderRideIntent","slots":{}}"#),
            request("r8", #""type":"AlexaSkillEvent.SkillEnabled""#),
        ]
        let python = packageRoot.appendingPathComponent(".build-oracle/venv/bin/python3").path
        let script = packageRoot.appendingPathComponent("Tests/RideHailerTests/Oracle/oracle.py").path
        if FileManager.default.isExecutableFile(atPath: python),
            let output = try? ChildProcess.runBlocking(python, [script, "--emit-requests"]).stdout
        {
            lines += output.split(separator: "\n").map(String.init)
        } else {
            print("LambdaProcessTests: the oracle corpus is skipped: \(python) is missing")
        }
        return lines
    }

    /// Starts `ride-hailer` in Lambda mode against `fake`.
    static func startLambda(_ binary: String, fake: FakeLambdaRuntimeAPI, arguments: [String] = []) throws -> Subprocess {
        var environment = ProcessEnvironment.read()
        environment["AWS_LAMBDA_RUNTIME_API"] = fake.address
        environment["LOG_LEVEL"] = "error"
        return try Subprocess(
            binary, arguments: arguments, environment: environment, standardInput: .nullDevice, standardOutput: .nullDevice,
            standardError: .nullDevice)
    }

    /// Waits up to 20 s for `process` to exit; its exit status, or nil if it is still running.
    static func waitForExit(_ process: Subprocess) async -> Int32? {
        await process.wait(timeout: .seconds(20))
    }

    @Test("the corpus through `ride-hailer` on Lambda matches `ride-hailer stdio --lines` byte for byte; SIGTERM exits 0")
    func corpusMatchesStdio() async throws {
        guard let binary = Self.rideHailer else { return }
        let corpus = Self.corpus()
        let stdio = try await ChildProcess.run(
            binary, ["stdio", "--lines"], input: Array((corpus.joined(separator: "\n") + "\n").utf8), environment: ["LOG_LEVEL": "error"])
        #expect(stdio.status == 0)
        let expected = stdio.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        try #require(expected.count == corpus.count)

        let fake = try FakeLambdaRuntimeAPI()
        fake.enqueue(FakeLambdaRuntimeAPI.Event(requestID: "cold", body: Array(corpus[0].utf8)))
        let started = ContinuousClock.now
        let process = try Self.startLambda(binary, fake: fake)
        let first = try #require(await fake.reports(count: 1).first)
        print("LambdaProcessTests: cold start (spawn to first answer, this build): \(started.duration(to: first.receivedAt))")
        for (index, line) in corpus.enumerated() {
            fake.enqueue(FakeLambdaRuntimeAPI.Event(requestID: "req-\(index)", body: Array(line.utf8)))
        }
        let reports = await fake.reports(count: corpus.count + 1)
        #expect(await eventually { fake.waitingPolls == 1 })
        process.signal(SIGTERM)
        #expect(await Self.waitForExit(process) == 0)

        try #require(reports.count == corpus.count + 1)
        #expect(first.text == expected[0])
        for (index, report) in reports.dropFirst().enumerated() {
            #expect(report.requestID == "req-\(index)")
            #expect(report.kind == .response)
            #expect(report.text == expected[index], "request \(index)")
        }
        #expect(Set(fake.calls.map(\.remoteAddress)).count == 1)
        await fake.shutdown()
    }

    @Test("`ride-hailer` on Lambda sends another skill's request to the error endpoint with stdio's message")
    func wrongSkillToErrorEndpoint() async throws {
        guard let binary = Self.rideHailer else { return }
        let other = Self.request("x1", #""type":"LaunchRequest""#, skillID: "amzn1.ask.skill.someone-else")
        let stdio = try await ChildProcess.run(
            binary, ["stdio", "--lines"], input: Array((other + "\n").utf8), environment: ["LOG_LEVEL": "error"])
        let stdioError = try #require(try JSONSerialization.jsonObject(with: Data(stdio.stdout.utf8)) as? [String: [String: String]])

        let fake = try FakeLambdaRuntimeAPI()
        let process = try Self.startLambda(binary, fake: fake, arguments: ["lambda"])
        fake.enqueue(FakeLambdaRuntimeAPI.Event(requestID: "x1", body: Array(other.utf8)))
        let report = try #require(await fake.reports(count: 1).first)
        process.signal(SIGTERM)
        #expect(await Self.waitForExit(process) == 0)

        #expect(report.kind == .error)
        #expect(report.headers["Lambda-Runtime-Function-Error-Type"] == "SkillGate.applicationIdMismatch")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(report.body)) as? [String: Any])
        #expect(body["errorType"] as? String == "SkillGate.applicationIdMismatch")
        #expect(body["errorMessage"] as? String == stdioError["error"]?["message"])
        await fake.shutdown()
    }

    @Test("`ride-hailer lambda` without AWS_LAMBDA_RUNTIME_API exits 78 with a message")
    func missingRuntimeAPI() async throws {
        guard let binary = Self.rideHailer else { return }
        var environment = ProcessEnvironment.read()
        environment.removeValue(forKey: "AWS_LAMBDA_RUNTIME_API")
        let output = try await Subprocess.run(
            binary, arguments: ["lambda"], environment: environment, standardOutput: .nullDevice, timeout: .seconds(60))
        #expect(output.status == 78)
        #expect(String(decoding: output.standardError, as: UTF8.self).contains("AWS_LAMBDA_RUNTIME_API is not set"))
    }

    @Test("`ride-hailer` on Lambda logs a past deadline as how long ago, and exits 70 on an event without a request ID")
    func pastDeadlineAndMissingRequestID() async throws {
        guard let binary = Self.rideHailer else { return }
        let pastDeadline = Int64(Date().timeIntervalSince1970 * 1000) - 60_000
        let launch = Self.request("late", #""type":"LaunchRequest""#)
        let fake = try ScriptedRuntimeAPI(nextReplies: [
            .send(ScriptedRuntimeAPI.event("late", launch, headers: [("Lambda-Runtime-Deadline-Ms", "\(pastDeadline)")])),
            .send(ScriptedRuntimeAPI.event(nil, Self.request("lost", #""type":"LaunchRequest""#))),
        ])
        var environment = ProcessEnvironment.read()
        environment["AWS_LAMBDA_RUNTIME_API"] = fake.endpoint
        environment["LOG_LEVEL"] = "warning"
        let output = try await Subprocess.run(
            binary, arguments: ["lambda"], environment: environment, standardOutput: .nullDevice, timeout: .seconds(30))
        await fake.stop()
        let stderr = String(decoding: output.standardError, as: UTF8.self)
        #expect(output.status == 70, "\(stderr)")
        #expect(stderr.contains("no Lambda-Runtime-Aws-Request-Id header"))
        let warning = stderr.split(separator: "\n").first { $0.contains("deadline") }
        #expect(warning?.contains("deadline had already passed") == true, "\(stderr)")
        #expect(warning?.contains(" s ago)") == true)
        #expect(warning?.contains("-6") == false)  // never "-60.000039894000004 seconds"
        #expect(fake.posts(to: "/2018-06-01/runtime/invocation/late/response").count == 1)
        #expect(fake.requests.filter { $0.method == "GET" }.count == 2)
    }
}
