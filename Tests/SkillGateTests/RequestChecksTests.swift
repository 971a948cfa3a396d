@testable import SkillGateCore
import SkillGate
import SkillGateTesting
import Testing

struct RequestChecksTests {
    static let now = RequestTimestamp(iso8601: "2026-11-21T20:00:00Z") ?? RequestTimestamp(millisecondsSince1970: 0)

    static func runner(ids: [String] = ["amzn1.ask.skill.mine"], override: [String]? = nil, checksTimestamp: Bool = false) throws
        -> SkillRunner
    {
        let options = RunnerOptions(applicationIDs: override, checksTimestamp: checksTimestamp, now: { now })
        return try SkillRunner(
            configuration: SkillConfiguration(name: "Checks", applicationIDs: ids),
            routes: [Intent("X", linking: .public) { _, _ in .tell("ran") }.route], options: options, logger: .disabled)
    }

    @Test("a request for another skill is rejected before any handler runs")
    func wrongSkill() async throws {
        let result = try await Self.runner().handle(body: TestRequest.intent("X", skillID: "amzn1.ask.skill.other").bytes)
        #expect(result.error?.code == .applicationIdMismatch)
        let body = try JSONParser.parse(result.body)
        #expect(body["error"]?["code"] == "applicationIdMismatch")
        #expect(try await Self.runner().handle(body: TestRequest.intent("X", skillID: "amzn1.ask.skill.mine").bytes).error == nil)
    }

    @Test("--skill-id / SKILL_ID replace the IDs in code; no ID anywhere turns the check off")
    func overrides() async throws {
        let overridden = try Self.runner(override: ["amzn1.ask.skill.dev", "amzn1.ask.skill.live"])
        #expect(await overridden.handle(body: TestRequest.intent("X", skillID: "amzn1.ask.skill.live").bytes).error == nil)
        #expect(await overridden.handle(body: TestRequest.intent("X", skillID: "amzn1.ask.skill.mine").bytes).error != nil)
        let open = try Self.runner(ids: [])
        #expect(open.applicationIDs.isEmpty)
        #expect(await open.handle(body: TestRequest.intent("X", skillID: "anything").bytes).error == nil)
    }

    @Test(
        "timestamps more than 150 s away are rejected when the check is on",
        arguments: [
            (-150, true), (150, true), (-151, false), (151, false), (0, true), (-3000, false),
        ])
    func timestamps(offsetSeconds: Int64, accepted: Bool) async throws {
        let timestamp = RequestTimestamp(millisecondsSince1970: Self.now.millisecondsSince1970 + offsetSeconds * 1000)
        let request = TestRequest.intent("X", skillID: "amzn1.ask.skill.mine", timestamp: timestamp)
        let result = try await Self.runner(checksTimestamp: true).handle(body: request.bytes)
        #expect((result.error == nil) == accepted)
        if !accepted { #expect(result.error?.code == .timestampOutOfRange) }
        #expect(try await Self.runner(checksTimestamp: false).handle(body: request.bytes).error == nil)
    }

    @Test("AlexaSkillEvent requests get an hour")
    func skillEvents() async throws {
        var request = TestRequest.event("AlexaSkillEvent.SkillAccountLinked", skillID: "amzn1.ask.skill.mine")
        var envelope = request.json.objectValue ?? [:]
        var inner = envelope["request"]?.objectValue ?? [:]
        inner["timestamp"] = .string(RequestTimestamp(millisecondsSince1970: Self.now.millisecondsSince1970 - 3_000_000).iso8601)
        envelope["request"] = .object(inner)
        request.json = .object(envelope)
        #expect(try await Self.runner(checksTimestamp: true).handle(body: request.bytes).error == nil)
    }

    @Test("malformed bodies are rejected with a message naming the problem")
    func malformed() async throws {
        let result = try await Self.runner().handle(body: Array(#"{"request":{"type":"IntentRequest"}}"#.utf8))
        #expect(result.error?.code == .malformedRequest)
        #expect(result.error?.message == "request.intent: is missing")
    }
}

struct CommandLineOptionsTests {
    @Test("parses each command and its options")
    func commands() throws {
        #expect(try CommandLineOptions.parse(["stdio"], environment: [:]).command == .stdio(lines: false))
        #expect(try CommandLineOptions.parse(["stdio", "--lines"], environment: [:]).command == .stdio(lines: true))
        #expect(try CommandLineOptions.parse(["routes", "--json"], environment: [:]).command == .routes(json: true))
        #expect(
            try CommandLineOptions.parse(["serve", "--host", "::1", "--port", "0", "--path", "/alexa", "--no-verify"], environment: [:])
                .command
                == .serve(host: "::1", port: 0, path: "/alexa", verify: false))
        #expect(try CommandLineOptions.parse([], environment: ["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001"]).command == .lambda)
    }

    @Test("options also take their value after '='")
    func equalsValues() throws {
        let options = try CommandLineOptions.parse(
            ["serve", "--host=::1", "--port=0", "--path=/alexa", "--skill-id=a", "--skill-id", "b", "--log-level=debug"], environment: [:])
        #expect(options.command == .serve(host: "::1", port: 0, path: "/alexa", verify: true))
        #expect(options.skillIDs == ["a", "b"])
        #expect(options.logLevel == .debug)
    }

    @Test("environment variables: PORT, SKILL_ID, LOG_LEVEL, SKILLGATE_NO_VERIFY")
    func environment() throws {
        let options = try CommandLineOptions.parse(
            ["serve"], environment: ["PORT": "9090", "SKILL_ID": "a, b", "LOG_LEVEL": "debug", "SKILLGATE_NO_VERIFY": "1"])
        #expect(options.command == .serve(host: "127.0.0.1", port: 9090, path: "/", verify: false))
        #expect(options.skillIDs == ["a", "b"])
        #expect(options.logLevel == .debug)
        #expect(try CommandLineOptions.parse(["stdio", "--skill-id", "x"], environment: ["SKILL_ID": "a"]).skillIDs == ["x"])
    }

    @Test(
        "bad command lines are usage errors with a clear message",
        arguments: [
            ([], "missing command: use stdio, serve, lambda or routes"),
            (["dance"], "unknown command 'dance'; use stdio, serve, lambda or routes"),
            (["srve"], "unknown command 'srve'; did you mean 'serve'?"),
            (["serve", "--prot", "8080"], "unknown option '--prot'; did you mean '--port'?"),
            (["serve", "8080"], "unexpected argument '8080'"),
            (["serve", "--port", "99999"], "--port must be a port number from 0 to 65535, not '99999'"),
            (["serve", "--port"], "--port needs a value"),
            (["serve", "--port="], "--port must be a port number from 0 to 65535, not ''"),
            (["stdio", "--lines=yes"], "--lines takes no value"),
            (["serve", "--path", "alexa"], "--path must start with '/', not 'alexa'"),
            (["stdio", "--log-level", "loud"], "unknown log level 'loud'; use trace, debug, info, notice, warning, error or critical"),
        ])
    func usageErrors(arguments: [String], message: String) {
        do {
            _ = try CommandLineOptions.parse(arguments, environment: [:])
            Issue.record("expected a usage error")
        } catch {
            #expect(error.code == .usage)
            #expect(error.message == message)
        }
    }

    @Test("serve checks timestamps by default; --no-verify turns that off too; stdio does not check")
    func timestampDefaults() throws {
        let serve = try CommandLineOptions.parse(["serve"], environment: [:]).runnerOptions
        #expect(serve.checksTimestamp)
        #expect(serve.handlerTimeout == .seconds(7))
        let unverified = try CommandLineOptions.parse(["serve", "--no-verify"], environment: [:]).runnerOptions
        #expect(!unverified.checksTimestamp)
        let stdio = try CommandLineOptions.parse(["stdio"], environment: [:]).runnerOptions
        #expect(!stdio.checksTimestamp)
        let forced = try CommandLineOptions.parse(["stdio", "--check-timestamp"], environment: [:]).runnerOptions
        #expect(forced.checksTimestamp)
    }
}
