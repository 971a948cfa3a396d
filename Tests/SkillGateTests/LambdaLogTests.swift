import Foundation
import SkillGate
import SkillGateSystem
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// `ride-hailer lambda` as a child process against the fake Runtime API: `--log-format json`
/// logs, the requestId on the handler's lines, and what a body that is not JSON is told.
@Suite(.serialized)
struct LambdaLogTests {
    static let rideHailer = ChildProcess.productsDirectory(containing: "ride-hailer").appendingPathComponent("ride-hailer").path

    @Test("lambda --log-format json: stderr is JSON lines, the handler's line has the requestId; a non-JSON event is told so with the byte")
    func jsonLambda() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        var environment = ProcessEnvironment.read()
        environment["AWS_LAMBDA_RUNTIME_API"] = fake.address
        environment["LOG_LEVEL"] = "info"
        let process = try Subprocess(
            Self.rideHailer, arguments: ["lambda", "--log-format", "json"], environment: environment, standardInput: .nullDevice,
            standardOutput: .nullDevice, standardError: .pipe)
        defer { process.signal(SIGKILL) }
        let requestId = "amzn1.echo-api.request.lambda-json"
        var ended = try JSONParser.parse(TestRequest.sessionEnded(skillID: "amzn1.ask.skill.ride-hailer").bytes)
        if case .object(var root) = ended, case .object(var request)? = root["request"] {
            request["requestId"] = .string(requestId)
            root["request"] = .object(request)
            ended = .object(root)
        }
        fake.enqueue(.init(requestID: "not-json", body: Array("this is not JSON".utf8)))
        fake.enqueue(.init(requestID: "ended", body: ended.jsonBytes))
        let reports = await fake.reports(count: 2)
        process.signal(SIGTERM)
        var log: [UInt8] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard let chunk = await process.readStandardError(until: deadline) else { break }
            if chunk.isEmpty { break }
            log += chunk
        }
        #expect(await process.wait(timeout: .seconds(30)) == 0)
        await fake.shutdown()

        try #require(reports.count == 2)
        #expect(reports[0].kind == .error)
        let error = try JSONParser.parse(reports[0].body)
        #expect(error["errorType"] == "SkillGate.malformedRequest")
        #expect(error["errorMessage"] == "the body is not JSON: unexpected 'h' at byte 1")
        #expect(reports[1].kind == .response)

        let text = String(decoding: log, as: UTF8.self)
        let lines = try text.split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
        #expect(lines.count >= 3, "\(text)")
        for line in lines {
            #expect(line["ts"]?.stringValue?.hasSuffix("Z") == true && line["level"] != nil && line["label"] == "ride-hailer", "\(line)")
        }
        let handler = try #require(lines.first { $0["message"] == "session ended" }, "\(text)")
        #expect(handler["requestId"]?.stringValue == requestId)
        // The start-up line names what an operator checks first, as serve's does.
        let startup = try #require(lines.first { $0["message"]?.stringValue?.contains("Lambda custom runtime") == true }, "\(text)")
        #expect(startup["skillIds"] == "amzn1.ask.skill.ride-hailer", "\(startup)")
        #expect(Int(startup["routes"]?.stringValue ?? "") ?? 0 > 5, "\(startup)")
    }

    @Test(
        "with --log-format json, a failure that ends the process is a JSON line at critical level too (lambda without a Runtime API, stdio fed junk)"
    )
    func jsonFatalLines() async throws {
        var environment = ProcessEnvironment.read()
        environment["AWS_LAMBDA_RUNTIME_API"] = nil
        let lambda = try await ChildProcess.run(Self.rideHailer, ["lambda", "--log-format", "json"], environment: environment)
        #expect(lambda.status == 78)
        let stdio = try await ChildProcess.run(
            Self.rideHailer, ["stdio", "--log-format", "json"], input: Array("this is not JSON".utf8), environment: environment)
        #expect(stdio.status == 65)
        #expect(stdio.stdout.isEmpty)
        for (output, expected) in [(lambda, "AWS_LAMBDA_RUNTIME_API is not set"), (stdio, "not JSON")] {
            let lines = output.stderr.split(separator: "\n")
            let last = try JSONParser.parse(Array(try #require(lines.last, "no stderr").utf8))
            #expect(last["level"] == "critical", "\(output.stderr)")
            #expect(last["label"] == "ride-hailer")
            #expect(last["message"]?.stringValue?.contains(expected) == true, "\(output.stderr)")
            for line in lines { #expect(line.hasPrefix("{"), "not a JSON line: \(line)") }
        }
        // Text stays `program: message`.
        let plain = try await ChildProcess.run(Self.rideHailer, ["stdio"], input: Array("this is not JSON".utf8), environment: environment)
        #expect(plain.status == 65)
        #expect(plain.stderr.hasPrefix("ride-hailer: "), "\(plain.stderr)")
    }
}
