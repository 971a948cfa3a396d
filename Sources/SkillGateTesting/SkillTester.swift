public import SkillGateCore

/// Runs a skill in-process, with no sockets: send a ``TestRequest``, read a ``TestResponse``.
public struct SkillTester: Sendable {
    /// The runner doing the work, exactly as in production.
    public let runner: SkillRunner

    /// Creates a tester.
    /// - Parameters:
    ///   - skill: the skill.
    ///   - options: request checks (the timestamp check is off by default here).
    ///   - logger: where the skill logs; silent by default.
    ///   - alexaAPI: answers the handlers' `context.alexa` calls (a ``FakeAlexaAPI``); nil keeps
    ///     `options.alexaAPI.transport`, which is none by default (calls fail as `transportUnavailable`).
    /// - Throws: ``/SkillGateCore/SkillError`` when the skill's routes conflict.
    public init(
        _ skill: some Skill, options: RunnerOptions = RunnerOptions(), logger: Logger = .disabled, alexaAPI: (any AlexaAPITransport)? = nil
    ) throws(SkillError) {
        var options = options
        if let alexaAPI { options.alexaAPI.transport = alexaAPI }
        runner = try SkillRunner(skill: skill, options: options, logger: logger)
    }

    /// Sends a request.
    /// - Parameter request: the request.
    /// - Returns: the response.
    public func send(_ request: TestRequest) async -> TestResponse {
        await send(bytes: request.bytes)
    }

    /// Sends raw bytes (for malformed-input tests).
    /// - Parameter bytes: the body.
    /// - Returns: the response.
    public func send(bytes: [UInt8]) async -> TestResponse {
        TestResponse(result: await runner.handle(body: bytes))
    }
}

/// A handled request's result, with shortcuts for assertions.
public struct TestResponse: Sendable {
    /// The runner's result.
    public let result: SkillResult
    /// The body parsed back from its JSON bytes (what Alexa would read).
    public let json: JSONValue

    init(result: SkillResult) {
        self.result = result
        self.json = (try? JSONParser.parse(result.body)) ?? .null
    }

    /// The spoken text (PlainText `text` or SSML `ssml`).
    public var speech: String? {
        json["response"]?["outputSpeech"]?["text"]?.stringValue ?? json["response"]?["outputSpeech"]?["ssml"]?.stringValue
    }
    /// The reprompt's text.
    public var reprompt: String? { json["response"]?["reprompt"]?["outputSpeech"]?["text"]?.stringValue }
    /// The card's type.
    public var cardType: String? { json["response"]?["card"]?["type"]?.stringValue }
    /// `response.shouldEndSession`.
    public var shouldEndSession: Bool? { json["response"]?["shouldEndSession"]?.boolValue }
    /// `sessionAttributes`.
    public var sessionAttributes: JSONObject? { json["sessionAttributes"]?.objectValue }
    /// The rejection, if the request was rejected.
    public var error: SkillError? { result.error }
}
