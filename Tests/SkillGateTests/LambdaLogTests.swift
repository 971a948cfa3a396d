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
    }
}
