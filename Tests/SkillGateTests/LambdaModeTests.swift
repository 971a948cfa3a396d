import SkillGateTestSupport
import Foundation
import SkillGateHTTP
@testable import SkillGateLambda
@testable import SkillGateCore
import SkillGate
import SkillGateSystem
import SkillGateTesting
import Testing

/// A skill covering launch, linked and public intents, a throwing handler, session end and events.
struct LambdaTestSkill: Skill {
    struct Boom: Error {}

    var configuration: SkillConfiguration { SkillConfiguration(name: "Lambda Test") }

    var routes: [Route] {
        Launch { _ in .ask("Welcome to the Lambda test.", reprompt: "What now?") }
        Intent("LinkedIntent", linking: .required) { _, context in .tell("linked with \(context.accessToken.value.count) characters") }
        Intent("PublicIntent", linking: .public) { request, _ in .tell("public for \(request.slots["city"]?.value ?? "nowhere")") }
        Intent("ThrowingIntent", linking: .public) { _, _ in throw Boom() }
        SessionEnded()
        Event("AlexaSkillEvent.SkillEnabled") { _, _ in .empty }
    }
}

/// `lambda` mode in-process: `SkillMain.run` against a fake Runtime API, compared with the runner
/// (the stdio path) byte for byte.
struct LambdaModeTests {
    /// Runs `lambda` for `LambdaTestSkill` in a task against `fake`.
    func startLambda(_ fake: FakeLambdaRuntimeAPI, arguments: [String] = ["lambda"]) -> Task<Int32, Never> {
        let environment = ["AWS_LAMBDA_RUNTIME_API": fake.address, "LOG_LEVEL": "critical"]
        return Task { await SkillMain.run(LambdaTestSkill(), program: "lambda-test", arguments: arguments, environment: environment) }
    }

    /// The requests of the corpus: TestRequest builders, then the oracle's requests when available.
    static func corpus() -> [[UInt8]] {
        var requests: [TestRequest] = [
            .launch(), .launch(token: "token-abc"), .intent("LinkedIntent", token: "token-abc"), .intent("LinkedIntent"),
            .intent("PublicIntent", slots: ["city": "Dallas"]), .intent("PublicIntent", newSession: false, sessionAttributes: ["step": 2]),
            .intent("UnknownIntent"), .intent("ThrowingIntent"), .intent("AMAZON.HelpIntent", locale: "de-DE"),
            .sessionEnded(), .sessionEnded(reason: "ERROR", token: "token-abc"), .canFulfill("PublicIntent"),
            .canFulfill("LinkedIntent", token: "token-abc"), .canFulfill("Nope"), .event("AlexaSkillEvent.SkillEnabled"),
            .event("AudioPlayer.PlaybackStarted"), .event("Totally.NewType"),
        ]
        requests.append(.intent("PublicIntent", timestamp: RequestTimestamp(millisecondsSince1970: 1_000_000_000_000)))
        return requests.map(\.bytes) + oracleRequests()
    }

    /// `oracle.py --emit-requests` (ask-sdk-model requests), or none when the venv is missing.
    static func oracleRequests() -> [[UInt8]] {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let python = root.appendingPathComponent(".build-oracle/venv/bin/python3").path
        let script = root.appendingPathComponent("Tests/RideHailerTests/Oracle/oracle.py").path
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: script) else {
            print("LambdaModeTests: skipping the oracle corpus: \(python) is missing (create the ask-sdk venv to include it)")
            return []
        }
        guard
            let output = try? Subprocess.run(
                python, arguments: [script, "--emit-requests"], standardError: .nullDevice, timeout: .seconds(120))
        else { return [] }
        guard output.status == 0 else {
            print("LambdaModeTests: skipping the oracle corpus: oracle.py exited with \(output.status)")
            return []
        }
        return output.standardOutput.split(separator: UInt8(ascii: "\n")).map(Array.init)
    }

    @Test("the corpus through the Lambda loop gives byte-identical responses to the runner (stdio path), over one connection")
    func corpusMatchesStdio() async throws {
        let corpus = Self.corpus()
        let runner = try SkillRunner(skill: LambdaTestSkill(), options: RunnerOptions(), logger: .disabled)
        let fake = try FakeLambdaRuntimeAPI()
        let lambda = startLambda(fake)
        for (index, request) in corpus.enumerated() { fake.enqueue(Self.event("req-\(index)", request)) }
        let reports = await fake.reports(count: corpus.count)
        #expect(await eventually { fake.waitingPolls == 1 })
        lambda.cancel()
        #expect(await lambda.value == 0)
        try #require(reports.count == corpus.count)
        for (index, request) in corpus.enumerated() {
            let expected = await runner.handle(body: request)
            #expect(expected.error == nil, "request \(index) was rejected: \(String(describing: expected.error))")
            #expect(reports[index].kind == .response)
            #expect(reports[index].requestID == "req-\(index)")
            #expect(
                reports[index].body == expected.body,
                "request \(index): \(reports[index].text) vs \(String(decoding: expected.body, as: UTF8.self))")
        }
        #expect(Set(fake.calls.map(\.remoteAddress)).count == 1)
        await fake.shutdown()
    }

    @Test("a throwing handler's spoken apology goes to the response endpoint; a malformed event to the error endpoint; the loop goes on")
    func apologyAndMalformed() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let lambda = startLambda(fake)
        fake.enqueue(Self.event("throws", TestRequest.intent("ThrowingIntent").bytes))
        fake.enqueue(Self.event("garbage", Array(#"{"version":"1.0","request":"#.utf8)))
        fake.enqueue(Self.event("after", TestRequest.intent("PublicIntent", slots: ["city": "Oslo"]).bytes))
        let reports = await fake.reports(count: 3)
        lambda.cancel()
        #expect(await lambda.value == 0)
        try #require(reports.count == 3)

        #expect(reports[0].kind == .response)
        let apology = try JSONParser.parse(reports[0].body)
        #expect(apology["response"]?["outputSpeech"]?["text"] == "Sorry, something went wrong. Please try again later.")

        #expect(reports[1].kind == .error)
        #expect(reports[1].headers["Lambda-Runtime-Function-Error-Type"] == "SkillGate.malformedRequest")
        let error = try JSONParser.parse(reports[1].body)
        #expect(error["errorType"] == "SkillGate.malformedRequest")
        #expect(error["errorMessage"]?.stringValue?.isEmpty == false)

        #expect(reports[2].kind == .response)
        #expect(try JSONParser.parse(reports[2].body)["response"]?["outputSpeech"]?["text"] == "public for Oslo")
        await fake.shutdown()
    }

    @Test("the applicationId check still applies on Lambda: another skill's request goes to the error endpoint")
    func applicationIDChecked() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let lambda = startLambda(fake, arguments: ["lambda", "--skill-id", "amzn1.ask.skill.mine"])
        fake.enqueue(Self.event("other", TestRequest.launch(skillID: "amzn1.ask.skill.other").bytes))
        fake.enqueue(Self.event("mine", TestRequest.launch(skillID: "amzn1.ask.skill.mine").bytes))
        let reports = await fake.reports(count: 2)
        lambda.cancel()
        #expect(await lambda.value == 0)
        try #require(reports.count == 2)
        #expect(reports[0].kind == .error)
        #expect(reports[0].headers["Lambda-Runtime-Function-Error-Type"] == "SkillGate.applicationIdMismatch")
        #expect(reports[1].kind == .response)
        await fake.shutdown()
    }

    @Test("a missing or malformed AWS_LAMBDA_RUNTIME_API exits 78", arguments: [nil, "not-an-address", "127.0.0.1:99999"])
    func missingRuntimeAPI(value: String?) async {
        var environment = ["LOG_LEVEL": "critical"]
        environment["AWS_LAMBDA_RUNTIME_API"] = value
        let code = await SkillMain.run(LambdaTestSkill(), program: "lambda-test", arguments: ["lambda"], environment: environment)
        #expect(code == 78)
    }

    @Test("a start-up failure is reported to /runtime/init/error")
    func initErrorReported() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        await LambdaMode.reportInitError(
            SkillError(.duplicateRoute, "two routes handle OrderRideIntent"), environment: ["AWS_LAMBDA_RUNTIME_API": fake.address],
            logger: .disabled)
        let report = try #require(fake.reports.first)
        #expect(report.kind == .initError)
        #expect(report.headers["Lambda-Runtime-Function-Error-Type"] == "Runtime.ConfigInvalid")
        #expect(try JSONParser.parse(report.body)["errorMessage"] == "two routes handle OrderRideIntent")
        await fake.shutdown()
    }

    /// An event with a deadline far away, as the lambda mode tests need.
    static func event(_ id: String, _ body: [UInt8]) -> FakeLambdaRuntimeAPI.Event {
        FakeLambdaRuntimeAPI.Event(requestID: id, body: body, deadlineMilliseconds: Int64.max / 2)
    }
}
