import Foundation
import SkillGate
import SkillGateHTTP
import SkillGateSystem
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// `ride-hailer serve`'s logs as an operator sees them, from a real child process: a stalled
/// reader of stderr never stops the server, lines carry the time and Alexa's requestId, and
/// `--log-format json` writes one JSON object per line.
@Suite(.serialized)
struct LogProcessTests {
    static let skillID = "amzn1.ask.skill.ride-hailer"
    static let rideHailer = ChildProcess.productsDirectory(containing: "ride-hailer").appendingPathComponent("ride-hailer").path

    /// A SessionEndedRequest (the sample's handler logs "session ended") with `requestId`.
    static func sessionEnded(requestId: String) throws -> [UInt8] {
        guard case .object(var root) = try JSONParser.parse(TestRequest.sessionEnded(skillID: skillID).bytes),
            case .object(var request)? = root["request"]
        else { throw ChildProcess.Failure(description: "TestRequest.sessionEnded is not an object") }
        request["requestId"] = .string(requestId)
        root["request"] = .object(request)
        return JSONValue.object(root).jsonBytes
    }

    /// POSTs `body` to `/` and returns the status.
    static func post(_ body: [UInt8], client: HTTPClient) async throws -> Int {
        try await client.send(
            method: "POST", path: "/", headers: ["Content-Type": "application/json"], body: body, timeout: .seconds(20)
        ).status
    }

    /// The port in the `serving … on http://127.0.0.1:PORT/` line.
    static func port(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains(" on http://127.0.0.1:") }),
            let start = line.range(of: " on http://127.0.0.1:")
        else { return nil }
        return Int(line[start.upperBound...].prefix { $0 != "/" })
    }

    /// Reads the child's stderr until `done` holds for all of it, or `timeout` passes.
    static func readLog(_ process: Subprocess, into log: inout [UInt8], timeout: Duration = .seconds(60), until done: (String) -> Bool)
        async
    {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, !done(String(decoding: log, as: UTF8.self)) {
            guard let chunk = await process.readStandardError(until: min(deadline, .now + .seconds(1))) else { continue }
            if chunk.isEmpty { return }
            log += chunk
        }
    }

    @Test("stderr a pipe nobody reads: serve answers 5,000 requests (≫ 64 KB of log), then says how many lines it dropped")
    func stalledStandardError() async throws {
        var environment = ProcessEnvironment.read()
        environment["LOG_LEVEL"] = "info"
        let process = try Subprocess(
            Self.rideHailer, arguments: ["serve", "--host", "127.0.0.1", "--port", "0", "--no-verify"], environment: environment,
            standardInput: .nullDevice, standardOutput: .nullDevice, standardError: .pipe)
        defer { process.signal(SIGKILL) }
        var log: [UInt8] = []
        await Self.readLog(process, into: &log) { Self.port(in: $0) != nil }
        let port = try #require(Self.port(in: String(decoding: log, as: UTF8.self)), "no start-up line")

        // From here on nobody reads stderr: after 64 KB the pipe is full.
        let body = TestRequest.launch(skillID: Self.skillID).bytes
        let answered = try await ConcurrentClients.run(4, requests: 1250, port: port) { client, _, _ in
            try await Self.post(body, client: client) == 200
        }
        #expect(answered == 5000)

        // Reading again: the writer gets going and reports what it could not keep.
        await Self.readLog(process, into: &log) { $0.contains("log lines: the log's reader did not keep up") }
        var text = String(decoding: log, as: UTF8.self)
        #expect(text.contains("WARNING [log] dropped "), "no drop notice in \(text.suffix(2000))")
        // Still serving, and its lines reach the log again.
        let client = HTTPClient(host: "127.0.0.1", port: port)
        defer { client.close() }
        #expect(try await Self.post(try Self.sessionEnded(requestId: "amzn1.echo-api.request.after-stall"), client: client) == 200)
        await Self.readLog(process, into: &log) { $0.contains("requestId=amzn1.echo-api.request.after-stall") }
        process.signal(SIGTERM)
        await Self.readLog(process, into: &log) { _ in false }
        #expect(await process.wait(timeout: .seconds(30)) == 0)
        text = String(decoding: log, as: UTF8.self)
        #expect(text.contains("requestId=amzn1.echo-api.request.after-stall"))
        #expect(text.contains(" log lines in all"), "the total is said at shutdown: \(text.suffix(1000))")
        #expect(text.contains("NOTICE [ride-hailer] stopped"))
    }

    @Test("an access-log line starts with the time and names the requestId; the handler's own line carries the same requestId")
    func accessLineMatchesHandlerLine() async throws {
        let server = try await SkillServerProcess.start(Self.rideHailer, ["--no-verify"])
        let client = HTTPClient(host: "127.0.0.1", port: server.port)
        defer { client.close() }
        let requestId = "amzn1.echo-api.request.4f9c-match-me"
        #expect(try await Self.post(try Self.sessionEnded(requestId: requestId), client: client) == 200)
        #expect(await server.stop() == 0)
        let lines = server.log.split(separator: "\n")
        let access = try #require(lines.first { $0.contains("POST / 200") }, "\(server.log)")
        let handler = try #require(lines.first { $0.contains("session ended") }, "\(server.log)")
        for line in [access, handler] {
            #expect(LogFormatTimestamp.starts(line), "\(line)")
            #expect(line.contains("requestId=\(requestId)"), "\(line)")
        }
        #expect(access.contains("type=SessionEndedRequest"))
        let startup = try #require(lines.first { $0.contains("serving ") })
        #expect(startup.contains("routes="))
        #expect(startup.contains("skillIds=\(Self.skillID)"))
        #expect(startup.contains("verification=off"))
        #expect(startup.contains("path=/"))
    }

    @Test("--log-format json: every stderr line is one JSON object; the start-up line names verification, skill IDs, path and routes")
    func jsonServe() async throws {
        let server = try await SkillServerProcess.start(Self.rideHailer, ["--no-verify", "--log-format", "json"])
        let client = HTTPClient(host: "127.0.0.1", port: server.port)
        defer { client.close() }
        let requestId = "amzn1.echo-api.request.\"quoted\"\\json"
        #expect(try await Self.post(try Self.sessionEnded(requestId: requestId), client: client) == 200)
        let linked = TestRequest.intent("OrderRideIntent", slots: ["destination": "home"], token: "demo-token-alice", skillID: Self.skillID)
        #expect(try await Self.post(linked.bytes, client: client) == 200)
        #expect(await server.stop() == 0)
        #expect(!server.log.contains("demo-token-alice"))
        let lines = try server.log.split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
        #expect(lines.count >= 5, "\(server.log)")
        for line in lines {
            let keys = line.objectValue?.members.map(\.key).prefix(4)
            #expect(keys.map(Array.init) == ["ts", "level", "label", "message"], "\(line)")
        }
        let startup = try #require(lines.first { $0["message"]?.stringValue?.hasPrefix("serving ") == true })
        #expect(startup["level"] == "notice")
        #expect(startup["verification"] == "off")
        #expect(startup["skillIds"]?.stringValue == Self.skillID)
        #expect(startup["path"] == "/")
        #expect(Int(startup["routes"]?.stringValue ?? "") ?? 0 > 3)
        let access = try #require(lines.first { $0["type"] == "SessionEndedRequest" })
        #expect(access["message"] == "POST / 200")
        #expect(access["status"] == "200")
        #expect(access["requestId"]?.stringValue == requestId)
        let handler = try #require(lines.first { $0["message"] == "session ended" })
        #expect(handler["requestId"]?.stringValue == requestId)
        #expect(handler["reason"] == "USER_INITIATED")
    }

    @Test("stdio --log-format json: the handler's lines on stderr are JSON with the requestId; stdout holds the response alone")
    func jsonStdio() async throws {
        let requestId = "amzn1.echo-api.request.stdio-json"
        let output = try await ChildProcess.run(
            Self.rideHailer, ["stdio", "--log-format", "json"], input: try Self.sessionEnded(requestId: requestId),
            environment: ["LOG_LEVEL": "info"])
        #expect(output.status == 0)
        let response = try JSONParser.parse(Array(output.stdout.utf8))
        #expect(response["version"] == "1.0")
        #expect(output.stdout.split(separator: "\n").count == 1)
        let line = try #require(output.stderr.split(separator: "\n").first { $0.contains("session ended") }, "\(output.stderr)")
        let json = try JSONParser.parse(Array(line.utf8))
        #expect(json["requestId"]?.stringValue == requestId)
        #expect(json["label"] == "ride-hailer")
    }
}

/// The RFC 3339 UTC millisecond timestamp every log line starts with.
enum LogFormatTimestamp {
    /// Whether `line` starts with e.g. `2025-06-01T12:34:56.789Z `.
    static func starts(_ line: Substring) -> Bool {
        let pattern = Array("dddd-dd-ddTdd:dd:dd.dddZ ".utf8)
        let bytes = Array(line.utf8.prefix(pattern.count))
        guard bytes.count == pattern.count else { return false }
        return zip(bytes, pattern).allSatisfy { byte, expected in
            expected == UInt8(ascii: "d") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
        }
    }
}
