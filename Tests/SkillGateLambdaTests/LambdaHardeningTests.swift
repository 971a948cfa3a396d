import SkillGateTestSupport
import Foundation
import SkillGateLambda
import SkillGateLogging
import Testing

/// The runtime against a Runtime API that misbehaves on the wire (hardening item 18): answers are
/// never sent twice, a cut-off event is still answered, a 200 without a request ID stops the runtime.
struct LambdaHardeningTests {
    typealias Reply = ScriptedRuntimeAPI.Reply

    static func responsePath(_ id: String) -> String { "/2018-06-01/runtime/invocation/\(id)/response" }
    static func errorPath(_ id: String) -> String { "/2018-06-01/runtime/invocation/\(id)/error" }

    /// A runtime for `fake` with a quick backoff (up to about 20 s of retries) and a limit for POSTs.
    static func runtime(_ fake: ScriptedRuntimeAPI, requestTimeout: Duration = .seconds(2)) throws -> LambdaRuntime {
        LambdaRuntime(
            endpoint: try LambdaRuntimeEndpoint(parsing: fake.endpoint),
            retryPolicy: LambdaRetryPolicy(
                maxAttempts: 400, initialDelay: .milliseconds(5), maxDelay: .milliseconds(50), requestTimeout: requestTimeout),
            logger: .disabled)
    }

    /// How the connection breaks after the runtime has sent its answer.
    enum Cut: String, CaseIterable, CustomTestStringConvertible {
        case closedWithoutAnswer, malformedAnswer, timedOut
        var testDescription: String { rawValue }
        var reply: Reply {
            switch self {
            case .closedWithoutAnswer: .sendAndClose([])
            case .malformedAnswer: .sendAndClose(Array("SPDY/9 what\r\n\r\n".utf8))
            case .timedOut: .hold
            }
        }
    }

    @Test("a response whose connection breaks after it was sent is not sent again; the next event is answered", arguments: Cut.allCases)
    func answerIsNotResent(cut: Cut) async throws {
        let fake = try ScriptedRuntimeAPI(
            nextReplies: [.send(ScriptedRuntimeAPI.event("first", "one")), .send(ScriptedRuntimeAPI.event("second", "two"))],
            postReply: { request, earlier in
                request.path == Self.responsePath("first") && earlier == 0 ? cut.reply : .send(ScriptedRuntimeAPI.accepted)
            })
        let loop = RunningLoop(try Self.runtime(fake, requestTimeout: .milliseconds(1500)))
        #expect(await eventually { fake.posts(to: Self.responsePath("second")).count == 1 })
        #expect(await loop.stop() == nil)
        await fake.stop()
        #expect(fake.posts(to: Self.responsePath("first")).map(\.text) == ["one"])
        #expect(fake.posts(to: Self.responsePath("second")).map(\.text) == ["two"])
        #expect(loop.handledIDs == ["first", "second"])
    }

    @Test("a response that could not connect (connection refused) is sent again with the backoff, once it can be")
    func refusedAnswerIsResent() async throws {
        let event = ScriptedRuntimeAPI.event("refused", "payload", headers: [("Connection", "close")])
        let fake = try ScriptedRuntimeAPI(nextReplies: [.sendAndRefuse(event, for: .milliseconds(300))])
        let loop = RunningLoop(try Self.runtime(fake))
        #expect(await eventually { fake.posts(to: Self.responsePath("refused")).count == 1 })
        #expect(await eventually { fake.requests.filter { $0.method == "GET" }.count == 2 })
        #expect(await loop.stop() == nil)
        await fake.stop()
        #expect(fake.posts(to: Self.responsePath("refused")).map(\.text) == ["payload"])
    }

    /// How an event is cut off in its body.
    enum Truncation: String, CaseIterable, CustomTestStringConvertible {
        case contentLength, chunked
        var testDescription: String { rawValue }
        var bytes: [UInt8] {
            let id = ("Lambda-Runtime-Aws-Request-Id", "cut")
            switch self {
            case .contentLength:
                return ScriptedRuntimeAPI.head(200, headers: [id, ("Content-Length", "100")]) + Array(#"{"version":"#.utf8)
            case .chunked:
                return ScriptedRuntimeAPI.head(200, headers: [id, ("Transfer-Encoding", "chunked")]) + Array("5\r\n{\"ver\r\n".utf8)
            }
        }
    }

    @Test("an event cut off in its body is answered with a Runtime.TruncatedEvent error; the loop goes on", arguments: Truncation.allCases)
    func truncatedEventIsAnswered(truncation: Truncation) async throws {
        let fake = try ScriptedRuntimeAPI(
            nextReplies: [.sendAndClose(truncation.bytes), .send(ScriptedRuntimeAPI.event("whole", "fine"))])
        let loop = RunningLoop(try Self.runtime(fake))
        #expect(await eventually { fake.posts(to: Self.responsePath("whole")).count == 1 })
        #expect(await loop.stop() == nil)
        await fake.stop()
        let reports = fake.posts(to: Self.errorPath("cut"))
        try #require(reports.count == 1)
        #expect(reports[0].headers["lambda-runtime-function-error-type"] == "Runtime.TruncatedEvent")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(reports[0].body)) as? [String: Any])
        #expect(body["errorType"] as? String == "Runtime.TruncatedEvent")
        #expect((body["errorMessage"] as? String)?.contains("not its whole event") == true)
        #expect(fake.posts(to: Self.responsePath("cut")).isEmpty)
        // The handler never saw the broken event; the runtime counts it as answered.
        #expect(loop.handledIDs == ["whole"])
        #expect(loop.runtime.invocationsHandled == 2)
    }

    @Test("a 200 from /next without Lambda-Runtime-Aws-Request-Id stops the runtime with a contract violation")
    func eventWithoutRequestIDStops() async throws {
        let fake = try ScriptedRuntimeAPI(nextReplies: [.send(ScriptedRuntimeAPI.event(nil, #"{"lost":true}"#))])
        let loop = RunningLoop(try Self.runtime(fake))
        let ended = await loop.ended()
        await fake.stop()
        let error = try #require(ended, "the runtime went on polling after an event it cannot answer")
        #expect(error?.kind == .contractViolation)
        #expect(error?.description.contains("Lambda-Runtime-Aws-Request-Id") == true)
        #expect(loop.handledIDs.isEmpty)
        #expect(fake.requests.map(\.method) == ["GET"])
    }
}
