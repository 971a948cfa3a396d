import SkillGateTestSupport
import Foundation
import SkillGateHTTP
@testable import SkillGateLambda
import SkillGateLogging
import Synchronization
import Testing

/// The runtime loop against a fake Runtime API on loopback.
struct LambdaRuntimeTests {
    /// Runs `runtime` with `handler` in a task; returns the task so tests can stop and await it.
    func start(
        _ runtime: LambdaRuntime, _ handler: @escaping LambdaRuntime.Handler = { event, _ in .response(event) }
    ) -> Task<LambdaRuntimeError?, Never> {
        Task {
            do throws(LambdaRuntimeError) {
                try await runtime.run(handler)
                return nil
            } catch {
                return error
            }
        }
    }

    func event(_ id: String, _ text: String, delay: Duration? = nil) -> FakeLambdaRuntimeAPI.Event {
        FakeLambdaRuntimeAPI.Event(requestID: id, body: Array(text.utf8), delay: delay)
    }

    @Test("several invocations in a row are answered in order over one kept-alive connection")
    func severalInvocationsOneConnection() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let runtime = LambdaRuntime(endpoint: fake.endpoint, logger: .disabled)
        let loop = start(runtime) { event, context in .response(Array("\(context.requestID):".utf8) + event) }
        for index in 1...6 { fake.enqueue(event("req-\(index)", #"{"n":\#(index)}"#)) }
        let reports = await fake.reports(count: 6)
        #expect(reports.map(\.kind) == Array(repeating: .response, count: 6))
        #expect(reports.map(\.text) == (1...6).map { #"req-\#($0):{"n":\#($0)}"# })
        // Wait for the seventh long poll, then stop: every request came over the same connection.
        #expect(await eventually { fake.waitingPolls == 1 })
        runtime.stop()
        #expect(await loop.value == nil)
        let calls = fake.calls
        #expect(calls.count == 13)
        #expect(Set(calls.map(\.remoteAddress)).count == 1)
        #expect(calls.filter { $0.method == "GET" }.allSatisfy { $0.path == "/2018-06-01/runtime/invocation/next" })
        #expect(calls.filter { $0.method == "POST" }.map(\.path) == (1...6).map { "/2018-06-01/runtime/invocation/req-\($0)/response" })
        #expect(runtime.invocationsHandled == 6)
        await fake.shutdown()
    }

    @Test("a failed invocation goes to the error endpoint with the error-type header and JSON body, and the loop goes on")
    func failedInvocationReportsError() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let runtime = LambdaRuntime(endpoint: fake.endpoint, logger: .disabled)
        let loop = start(runtime) { event, _ in
            if event == Array("bad".utf8) {
                return .failure(LambdaFunctionError(type: "SkillGate.malformedRequest", message: "not \"JSON\"\nat all"))
            }
            return .response(event)
        }
        fake.enqueue(event("one", "bad"))
        fake.enqueue(event("two", "good"))
        let reports = await fake.reports(count: 2)
        runtime.stop()
        #expect(await loop.value == nil)
        try #require(reports.count == 2)
        #expect(reports[0].kind == .error)
        #expect(reports[0].requestID == "one")
        #expect(reports[0].headers["Lambda-Runtime-Function-Error-Type"] == "SkillGate.malformedRequest")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(reports[0].body)) as? [String: Any])
        #expect(json["errorType"] as? String == "SkillGate.malformedRequest")
        #expect(json["errorMessage"] as? String == "not \"JSON\"\nat all")
        #expect(reports[1].kind == .response)
        #expect(reports[1].text == "good")
        await fake.shutdown()
    }

    @Test("an init error is posted to /runtime/init/error with the header and JSON body")
    func initError() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let runtime = LambdaRuntime(endpoint: fake.endpoint, logger: .disabled)
        try await runtime.reportInitError(LambdaFunctionError(type: "Runtime.ConfigInvalid", message: "two routes for X"))
        let report = try #require(fake.reports.first)
        #expect(report.kind == .initError)
        #expect(report.headers["Lambda-Runtime-Function-Error-Type"] == "Runtime.ConfigInvalid")
        #expect(report.text == #"{"errorMessage":"two routes for X","errorType":"Runtime.ConfigInvalid","stackTrace":[]}"#)
        #expect(fake.calls.map(\.path) == ["/2018-06-01/runtime/init/error"])
        await fake.shutdown()
    }

    @Test("a slow long poll is waited out: the event arriving after 1.5 s is still answered")
    func slowLongPoll() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let runtime = LambdaRuntime(
            endpoint: fake.endpoint, retryPolicy: LambdaRetryPolicy(requestTimeout: .milliseconds(200)), logger: .disabled)
        let loop = start(runtime)
        fake.enqueue(event("slow", "late event", delay: .milliseconds(1500)))
        let reports = await fake.reports(count: 1)
        runtime.stop()
        #expect(await loop.value == nil)
        #expect(reports.first?.text == "late event")
        // One long poll waited out the 1.5 s (no retry, though the request timeout is 200 ms), then
        // the response; whether the next poll went out before stop() is a race, so it is not counted.
        let calls = fake.calls
        #expect(calls.count >= 2)
        #expect(calls.first?.method == "GET")
        #expect(calls.dropFirst().first?.method == "POST")
        #expect(Set(fake.calls.map(\.remoteAddress)).count == 1)
        await fake.shutdown()
    }

    @Test("the deadline, function ARN and trace ID reach the handler; the trace ID is exported as _X_AMZN_TRACE_ID")
    func contextReachesHandler() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let runtime = LambdaRuntime(endpoint: fake.endpoint, logger: .disabled)
        let seen = Mutex<(LambdaInvocationContext, String?)?>(nil)
        let loop = start(runtime) { event, context in
            let exported = getenv("_X_AMZN_TRACE_ID").map { String(cString: $0) }
            seen.withLock { $0 = (context, exported) }
            return .response(event)
        }
        let deadline = LambdaInvocationContext.wallClockMilliseconds() + 3000
        var invocation = event("8476a536-e9f4-11e8-9739-2dfe598c3fcd", "{}")
        invocation.deadlineMilliseconds = deadline
        invocation.traceID = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1"
        fake.enqueue(invocation)
        _ = await fake.reports(count: 1)
        runtime.stop()
        #expect(await loop.value == nil)
        let (context, exported) = try #require(seen.withLock { $0 })
        #expect(context.requestID == "8476a536-e9f4-11e8-9739-2dfe598c3fcd")
        #expect(context.deadlineMillisecondsSince1970 == deadline)
        let remaining = try #require(context.remainingTime)
        #expect(remaining < .milliseconds(3001))
        #expect(remaining > .seconds(-60))
        #expect(context.invokedFunctionARN == "arn:aws:lambda:us-east-1:123456789012:function:skill")
        #expect(context.traceID == invocation.traceID)
        #expect(exported == invocation.traceID)
        await fake.shutdown()
    }

    @Test("a lost connection to the Runtime API is retried with backoff; the restarted API's event is answered")
    func lostConnectionIsRetried() async throws {
        let first = try FakeLambdaRuntimeAPI()
        let port = first.port
        let runtime = LambdaRuntime(
            endpoint: first.endpoint, retryPolicy: LambdaRetryPolicy(maxAttempts: 200, maxDelay: .milliseconds(50)),
            logger: .disabled)
        let loop = start(runtime)
        first.enqueue(event("before", "one"))
        _ = await first.reports(count: 1)
        #expect(await eventually { first.waitingPolls == 1 })
        await first.shutdown()  // drops the long poll's connection
        try await Task.sleep(for: .milliseconds(100))
        let second = try FakeLambdaRuntimeAPI(port: port)
        second.enqueue(event("after", "two"))
        let reports = await second.reports(count: 1)
        runtime.stop()
        #expect(await loop.value == nil)
        #expect(reports.first?.text == "two")
        await second.shutdown()
    }

    @Test("an unreachable Runtime API makes run throw .unreachable after the bounded retries")
    func unreachableGivesUp() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let endpoint = fake.endpoint
        await fake.shutdown()
        let runtime = LambdaRuntime(
            endpoint: endpoint,
            retryPolicy: LambdaRetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(1), maxDelay: .milliseconds(5)),
            logger: .disabled)
        let error = await start(runtime).value
        #expect(error?.kind == .unreachable)
        #expect(error?.description.contains("after 4 attempts") == true)
    }

    @Test("500, 503 and 429 from /next are retried with the doubling backoff; the event after them is answered")
    func serverErrorsOnNextAreRetried() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        fake.failNextPolls(with: [500, 503, 429])
        fake.enqueue(event("after-errors", "answered"))
        let runtime = LambdaRuntime(
            endpoint: fake.endpoint, retryPolicy: LambdaRetryPolicy(initialDelay: .milliseconds(40), maxDelay: .seconds(1)),
            logger: .disabled)
        let started = ContinuousClock.now
        let loop = start(runtime)
        let report = try #require(await fake.reports(count: 1).first)
        runtime.stop()
        #expect(await loop.value == nil)
        #expect(report.requestID == "after-errors")
        #expect(report.text == "answered")
        // Three pauses of 40, 80 and 160 ms came before the fourth poll (a lower bound: load only adds).
        #expect(started.duration(to: report.receivedAt) >= .milliseconds(280))
        #expect(fake.calls.prefix(4).map(\.method) == ["GET", "GET", "GET", "GET"])
        await fake.shutdown()
    }

    @Test("a /next that keeps failing with 500 ends run with .runtimeAPIFailure after the policy's attempts")
    func persistentServerErrorsStop() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        fake.failNextPolls(with: Array(repeating: 500, count: 5))
        let runtime = LambdaRuntime(
            endpoint: fake.endpoint, retryPolicy: LambdaRetryPolicy(maxAttempts: 5, initialDelay: .milliseconds(1)),
            logger: .disabled)
        let error = await start(runtime).value
        #expect(error?.kind == .runtimeAPIFailure)
        #expect(error?.description.contains("after 5 attempts") == true)
        #expect(error?.description.contains("status 500") == true)
        #expect(fake.calls.count == 5)
        await fake.shutdown()
    }

    @Test("a 403 from /next is not retried: run ends at once with .runtimeAPIFailure")
    func forbiddenStops() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        fake.failNextPolls(with: [403])
        let runtime = LambdaRuntime(endpoint: fake.endpoint, logger: .disabled)
        let error = await start(runtime).value
        #expect(error?.kind == .runtimeAPIFailure)
        #expect(error?.description.contains("status 403") == true)
        #expect(fake.calls.count == 1)
        await fake.shutdown()
    }

    @Test("cancelling the task running the loop ends it cleanly, and a runtime runs only once")
    func cancellationEndsLoop() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let runtime = LambdaRuntime(endpoint: fake.endpoint, logger: .disabled)
        let loop = start(runtime)
        #expect(await eventually { fake.waitingPolls == 1 })
        loop.cancel()
        #expect(await loop.value == nil)
        let again = await start(runtime).value
        #expect(again?.kind == .alreadyRunning)
        await fake.shutdown()
    }

    @Test("stop() before the first poll ends the loop without contacting the API")
    func stopBeforeStart() async throws {
        let fake = try FakeLambdaRuntimeAPI()
        let runtime = LambdaRuntime(endpoint: fake.endpoint, logger: .disabled)
        runtime.stop()
        #expect(await start(runtime).value == nil)
        #expect(fake.calls.isEmpty)
        await fake.shutdown()
    }
}
