@testable import SkillGateLambda
import SkillGateLogging
import Synchronization
import Testing

/// Parsing `AWS_LAMBDA_RUNTIME_API`, error bodies, paths and the backoff.
struct LambdaValueTests {
    @Test(
        "AWS_LAMBDA_RUNTIME_API host:port forms parse",
        arguments: [
            ("127.0.0.1:9001", "127.0.0.1", 9001), ("localhost:80", "localhost", 80), ("[::1]:9001", "::1", 9001),
            (" 169.254.100.1:9001 ", "169.254.100.1", 9001),
        ])
    func endpointParses(text: String, host: String, port: Int) throws {
        let endpoint = try LambdaRuntimeEndpoint(parsing: text)
        #expect(endpoint.host == host)
        #expect(endpoint.port == port)
    }

    @Test(
        "malformed AWS_LAMBDA_RUNTIME_API values are rejected with a message naming the variable",
        arguments: [
            "", "localhost", "127.0.0.1:", ":9001", "127.0.0.1:0", "127.0.0.1:70000", "::1:9001", "[::1]9001",
            "http://127.0.0.1:9001", "127.0.0.1:90x",
        ])
    func endpointRejects(text: String) {
        #expect(throws: LambdaRuntimeError.self) { try LambdaRuntimeEndpoint(parsing: text) }
        do {
            _ = try LambdaRuntimeEndpoint(parsing: text)
        } catch {
            #expect(error.kind == .invalidEndpoint)
            #expect(error.description.contains("AWS_LAMBDA_RUNTIME_API"))
        }
    }

    @Test("a missing AWS_LAMBDA_RUNTIME_API explains where the lambda command runs")
    func endpointMissing() {
        do {
            _ = try LambdaRuntimeEndpoint(environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidEndpoint)
            #expect(error.description.contains("is not set"))
        }
    }

    @Test("error bodies escape JSON and header values stay printable")
    func errorBody() {
        let error = LambdaFunctionError(type: "Bad Type\r\n", message: "quote \" backslash \\ tab \t ctl \u{01}")
        #expect(
            String(decoding: error.jsonBytes, as: UTF8.self)
                == #"{"errorMessage":"quote \" backslash \\ tab \t ctl \u0001","errorType":"Bad Type\r\n","stackTrace":[]}"#)
        #expect(error.headerValue == "Bad_Type__")
    }

    @Test("request IDs are percent-encoded into the path when they need it")
    func pathEncoding() {
        #expect(RuntimeAPI.response("8476a536-e9f4-11e8") == "/2018-06-01/runtime/invocation/8476a536-e9f4-11e8/response")
        #expect(RuntimeAPI.error("a/b c") == "/2018-06-01/runtime/invocation/a%2Fb%20c/error")
    }

    @Test("the backoff doubles from the initial delay up to the cap")
    func backoff() {
        let policy = LambdaRetryPolicy(maxAttempts: 5, initialDelay: .milliseconds(10), maxDelay: .milliseconds(50))
        #expect((1...5).map { policy.delay(afterFailure: $0) } == [10, 20, 40, 50, 50].map { .milliseconds($0) })
    }

    @Test(
        "durations in Lambda logs read as whole milliseconds below a second, else seconds with one decimal",
        arguments: [
            (Duration.zero, "0 ms"), (.nanoseconds(400_000), "0 ms"), (.milliseconds(250), "250 ms"),
            (.microseconds(999_600), "1.0 s"), (.milliseconds(6500), "6.5 s"), (.seconds(60) + .nanoseconds(39_894), "60.0 s"),
            (.milliseconds(-1500), "-1.5 s"), (.seconds(3600), "3600.0 s"),
        ])
    func durationLogText(duration: Duration, text: String) {
        #expect(duration.logText == text)
    }

    @Test("a deadline already past is reported as how long ago, rounded, never as a negative duration")
    func pastDeadlineWarning() throws {
        let remaining: Duration = .zero - (.seconds(60) + .nanoseconds(39_894))
        let warning = try #require(HandlerTimeoutCheck.warning(remaining: remaining, handlerTimeout: .milliseconds(6500)))
        #expect(warning.contains("deadline had already passed"))
        #expect(warning.contains("(60.0 s ago)"))
        #expect(warning.contains("handlers may take 6.5 s"))
        #expect(!warning.contains("-"))
        #expect(!warning.contains("seconds ago"))
    }

    @Test("a short remaining time is reported readably; enough time gives no warning; the check warns once")
    func shortRemainingTimeWarning() {
        let warning = HandlerTimeoutCheck.warning(remaining: .milliseconds(3_204), handlerTimeout: .milliseconds(6500))
        #expect(
            warning
                == "the Lambda function timeout leaves 3.2 s, but handlers may take 6.5 s; set the function timeout to at least 8 seconds")
        #expect(HandlerTimeoutCheck.warning(remaining: .seconds(8), handlerTimeout: .milliseconds(6500)) == nil)

        let lines = Mutex<[String]>([])
        let logger = Logger(label: "test", logLevel: .warning) { line in lines.withLock { $0.append(line) } }
        let check = HandlerTimeoutCheck(handlerTimeout: .milliseconds(6500), logger: logger)
        check.warnOnce(remaining: .zero - .seconds(2))
        check.warnOnce(remaining: .zero - .seconds(2))
        #expect(lines.withLock { $0 }.count == 1)
        #expect(lines.withLock { $0 }.first?.contains("(2.0 s ago)") == true)
    }
}
