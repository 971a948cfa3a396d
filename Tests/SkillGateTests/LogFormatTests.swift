import SkillGate
import SkillGateTesting
import Synchronization
import Testing

/// The two log formats, `--log-format`, and the request ID on a handler's lines.
@Suite struct LogFormatTests {
    /// Collects a logger's lines.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }

        func logger(_ format: LogFormat, label: String = "test", level: Logger.Level = .info) -> Logger {
            Logger(label: label, logLevel: level, format: format, sink: { line in self.lines.withLock { $0.append(line) } })
        }
    }

    /// Whether `text` starts with an RFC 3339 UTC time with milliseconds: `2025-06-01T12:34:56.789Z`.
    static func startsWithTimestamp(_ text: Substring) -> Bool {
        let pattern = Array("dddd-dd-ddTdd:dd:dd.dddZ".utf8)
        let bytes = Array(text.utf8.prefix(pattern.count))
        guard bytes.count == pattern.count else { return false }
        return zip(bytes, pattern).allSatisfy { byte, expected in
            expected == UInt8(ascii: "d") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
        }
    }

    @Test("a text line: RFC 3339 UTC time with milliseconds, level, label, message, metadata sorted by key")
    func textLine() throws {
        let lines = Lines()
        lines.logger(.text).warning("disk nearly full", metadata: ["zone": "b", "free": "3%"])
        let line = try #require(lines.all.first)
        #expect(Self.startsWithTimestamp(line[...]), "\(line)")
        #expect(line.dropFirst(24) == " WARNING [test] disk nearly full free=3% zone=b")
    }

    @Test("adding(_:_:) adds one pair to every line and to metadata; a second pair or a set keeps both")
    func addingMetadata() throws {
        let lines = Lines()
        let base = lines.logger(.text)
        var logger = base.adding("requestId", "r-1")
        #expect(logger.metadata == ["requestId": "r-1"])
        #expect(base.metadata.isEmpty)
        logger.info("one", metadata: ["zone": "b"])
        logger = logger.adding("requestId", "r-2").adding("user", "u")
        #expect(logger.metadata == ["requestId": "r-2", "user": "u"])
        logger.metadata["zone"] = "c"
        #expect(logger.metadata == ["requestId": "r-2", "user": "u", "zone": "c"])
        logger.info("two")
        #expect(
            lines.all.map { String($0.dropFirst(24)) } == [
                " INFO [test] one requestId=r-1 zone=b", " INFO [test] two requestId=r-2 user=u zone=c",
            ])
    }

    @Test("a text line stays one line: control characters in the message and the metadata are escaped")
    func textLineEscapes() throws {
        let lines = Lines()
        lines.logger(.text).error("first\nINFO [forged] second\r\u{1B}[31m", metadata: ["detail": "a\tb"])
        let line = try #require(lines.all.first)
        #expect(line.dropFirst(24) == #" ERROR [test] first\nINFO [forged] second\r\u{1B}[31m detail=a\tb"#)
    }

    @Test("a JSON line is one object: ts, level, label, message, then the metadata; everything escaped")
    func jsonLine() throws {
        let lines = Lines()
        let message = "quote \" backslash \\ newline \n tab \t bell \u{07} snowman ☃"
        var logger = lines.logger(.json, label: "ride \"hailer\"")
        logger.metadata["requestId"] = "amzn1.echo-api.request.1"
        logger.error(message, metadata: ["detail": "line one\nline two", "message": "clashes", "level": "clashes too"])
        let line = try #require(lines.all.first)
        #expect(!line.contains("\n"), "a JSON line holds no raw newline: \(line)")
        #expect(line.hasPrefix(#"{"ts":""#))
        let json = try JSONParser.parse(Array(line.utf8))
        let object = try #require(json.objectValue)
        #expect(object.members.map(\.key) == ["ts", "level", "label", "message", "_level", "_message", "detail", "requestId"])
        #expect(Self.startsWithTimestamp(json["ts"]?.stringValue?[...] ?? ""))
        #expect(json["level"] == "error")
        #expect(json["label"] == "ride \"hailer\"")
        #expect(json["message"]?.stringValue == message)
        #expect(json["detail"] == "line one\nline two")
        #expect(json["_message"] == "clashes")
        #expect(json["requestId"] == "amzn1.echo-api.request.1")
    }

    @Test("--log-format and LOG_FORMAT choose the format; text is the default; anything else is a usage error")
    func option() throws {
        #expect(try CommandLineOptions.parse(["serve"], environment: [:]).logFormat == .text)
        #expect(try CommandLineOptions.parse(["serve", "--log-format", "json"], environment: [:]).logFormat == .json)
        #expect(try CommandLineOptions.parse(["stdio", "--log-format=JSON"], environment: [:]).logFormat == .json)
        #expect(try CommandLineOptions.parse(["lambda"], environment: ["LOG_FORMAT": "json"]).logFormat == .json)
        #expect(try CommandLineOptions.parse(["lambda", "--log-format", "text"], environment: ["LOG_FORMAT": "json"]).logFormat == .text)
        #expect {
            try CommandLineOptions.parse(["serve", "--log-format", "xml"], environment: [:])
        } throws: { error in
            (error as? SkillError)?.message == "unknown log format 'xml'; use text or json"
        }
        #expect(CommandLineOptions.usage(program: "skill").contains("--log-format FORMAT"))
    }

    /// A skill whose launch handler logs through `context.logger`.
    struct LoggingSkill: Skill {
        var configuration: SkillConfiguration { SkillConfiguration(name: "Logging", applicationID: TestRequest.defaultSkillID) }

        var routes: [Route] {
            Launch { context in
                context.logger.info("welcoming", metadata: ["step": "launch"])
                return .ask("Welcome")
            }
        }
    }

    @Test("a handler's context.logger carries Alexa's requestId, the key the access log uses")
    func handlerLoggerCarriesRequestId() async throws {
        let lines = Lines()
        let tester = try SkillTester(LoggingSkill(), logger: lines.logger(.json))
        let request = TestRequest.launch()
        let requestId = try #require(request.requestId)
        _ = await tester.send(request)
        let line = try #require(lines.all.first { $0.contains("welcoming") })
        let json = try JSONParser.parse(Array(line.utf8))
        #expect(json["requestId"]?.stringValue == requestId)
        #expect(json["step"] == "launch")
    }

    @Test("the runner's summary of a request, which the access log prints, names its requestId")
    func summaryHasRequestId() async throws {
        let runner = try SkillRunner(skill: LoggingSkill(), logger: .disabled)
        let request = TestRequest.launch()
        let result = await runner.handle(body: request.bytes)
        #expect(result.summary.requestId == request.requestId)
        #expect(result.summary.logFields.last?.0 == "requestId")
        #expect(result.summary.logFields.last?.1 == request.requestId)
    }
}
