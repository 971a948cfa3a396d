import SkillGateHTTP
import SkillGateTestSupport
import Testing

/// What the runtime needs from `HTTPClient` when a connection breaks: whether the request may have
/// arrived, the head of a response cut off in its body, and a way to forbid the keep-alive resend.
struct RuntimeClientTests {
    static let next = "/2018-06-01/runtime/invocation/next"

    /// The client error `body` throws, or nil when it throws something else or nothing.
    static func clientError(_ body: () async throws -> HTTPClientResponse) async -> HTTPClientError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error as? HTTPClientError
        }
    }

    @Test("a response cut off in its body fails with its head in partialResponse, and requestSent set")
    func partialResponse() async throws {
        let cut = ScriptedRuntimeAPI.head(200, headers: [("Lambda-Runtime-Aws-Request-Id", "cut"), ("Content-Length", "50")])
        let fake = try ScriptedRuntimeAPI(nextReplies: [.sendAndClose(cut + Array("{\"par".utf8))])
        let client = HTTPClient(host: "127.0.0.1", port: fake.port)
        let error = await Self.clientError { try await client.send(method: "GET", path: Self.next, timeout: .seconds(20)) }
        client.close()
        await fake.stop()
        #expect(error?.kind == .connectionClosed)
        #expect(error?.requestSent == true)
        #expect(error?.partialResponse?.status == 200)
        #expect(error?.partialResponse?.headers["lambda-runtime-aws-request-id"] == "cut")
        #expect(error?.partialResponse?.body == [])
    }

    @Test("a refused connection fails with requestSent false and no partial response")
    func refusedIsNotSent() async throws {
        let client = HTTPClient(host: "127.0.0.1", port: try LoopbackListener.freePort())
        let error = await Self.clientError { try await client.send(method: "POST", path: "/x", body: [1], timeout: .seconds(20)) }
        client.close()
        #expect(error?.kind == .connectionFailed)
        #expect(error?.requestSent == false)
        #expect(error?.partialResponse == nil)
    }

    @Test("a POST on a kept-alive connection closed after reading it is resent once by default, never with retryOnStaleConnection false")
    func staleConnectionResend() async throws {
        for resend in [true, false] {
            let fake = try ScriptedRuntimeAPI(
                nextReplies: [.send(ScriptedRuntimeAPI.event("id", "{}"))],
                postReply: { _, earlier in earlier == 0 ? .sendAndClose([]) : .send(ScriptedRuntimeAPI.accepted) })
            let client = HTTPClient(host: "127.0.0.1", port: fake.port)
            let event = try await client.send(method: "GET", path: Self.next, timeout: .seconds(20))
            #expect(event.status == 200)
            let outcome: Result<Int, HTTPClientError>
            do {
                outcome = .success(
                    try await client.send(
                        method: "POST", path: "/answer", body: Array("once".utf8), timeout: .seconds(20),
                        retryOnStaleConnection: resend
                    ).status)
            } catch let error as HTTPClientError {
                outcome = .failure(error)
            }
            client.close()
            await fake.stop()
            if resend {
                #expect(try outcome.get() == 202)
                #expect(fake.posts(to: "/answer").count == 2)
            } else {
                #expect(throws: HTTPClientError.self) { try outcome.get() }
                if case .failure(let error) = outcome {
                    #expect(error.kind == .connectionClosed)
                    #expect(error.requestSent)
                }
                #expect(fake.posts(to: "/answer").count == 1)
            }
        }
    }
}
