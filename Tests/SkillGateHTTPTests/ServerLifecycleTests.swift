#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateLogging
import Testing

@testable import SkillGateHTTP

struct ServerLifecycleTests {
    @Test("shutdown lets an in-flight request finish, then stops accepting")
    func shutdownDrains() async throws {
        let started = Gate()
        let release = Gate()
        let responder = HTTPClosureResponder { request in
            started.open()
            await release.wait()
            return HTTPResponse(status: 200, body: Array("done".utf8))
        }
        let (server, port) = try startServer(responder: responder)
        let idle = try await RawClient.connect(port: port)
        let busy = try await RawClient.connect(port: port)
        try await busy.send(request("POST", "/work", body: "x"))
        await started.wait()

        let stopping = Task { await server.shutdown() }
        #expect(try await idle.waitForClose())
        release.open()
        let response = try #require(try await busy.readResponse())
        #expect(response.status == 200)
        #expect(response.text == "done")
        #expect(response.headers["Connection"] == "close")
        await stopping.value
        await #expect(throws: (any Error).self) {
            let late = try await RawClient.connect(port: port)
            try await late.send(request())
            _ = try #require(try await late.readResponse())
        }
    }

    @Test("the server sets no responder deadline: a responder slower than every timeout still answers")
    func noResponderDeadline() async throws {
        let responder = HTTPClosureResponder { request in
            try? await Task.sleep(for: .seconds(1))
            return HTTPResponse(status: 200, body: Array(request.path.utf8))
        }
        let configuration = HTTPServerConfiguration(
            port: 0, headerTimeout: .milliseconds(300), readTimeout: .milliseconds(300), writeTimeout: .milliseconds(300),
            idleTimeout: .milliseconds(300), accessLog: false, eventLoopCount: 1
        )
        try await withServer(configuration, responder: responder) { _, port in
            // Sent with the connect, so a loaded machine cannot make it miss the header timeout.
            let client = try await RawClient.connect(port: port, firstBytes: Array(request("GET", "/slow").utf8))
            let response = try #require(try await client.readResponse())
            #expect(response.status == 200)
            #expect(response.text == "/slow")
            #expect(response.headers["Connection"] != "close")
        }
    }

    @Test("IPv6 loopback is served")
    func ipv6() async throws {
        let server = makeServer(
            configuration: HTTPServerConfiguration(host: "::1", port: 0, accessLog: false, eventLoopCount: 1),
            responder: echoResponder, logger: .disabled
        )
        let port: Int
        do {
            port = try server.start()
        } catch let error as HTTPServerError where error.kind == .invalidAddress {
            print("skipping IPv6 test: ::1 is unavailable here (\(error))")
            return
        }
        let client = try await RawClient.connect(port: port, host: "::1")
        try await client.send(request("GET", "/six"))
        let response = try #require(try await client.readResponse())
        #expect(response.status == 200)
        #expect(response.headers["X-Remote"]?.hasPrefix("[::1]:") == true)
        await server.shutdown()
    }

    @Test("binding a port in use fails with an actionable message")
    func portInUse() async throws {
        try await withServer { _, port in
            let second = makeServer(
                configuration: HTTPServerConfiguration(port: port, accessLog: false, eventLoopCount: 1),
                responder: echoResponder, logger: .disabled
            )
            do {
                _ = try second.start()
                Issue.record("second bind on port \(port) succeeded")
                await second.shutdown()
            } catch let error as HTTPServerError {
                #expect(error.kind == .addressInUse)
                #expect(error.description.contains("port \(port) is in use"))
            }
        }
    }

    @Test("start is idempotent while running and refused after shutdown")
    func startTwice() async throws {
        let (server, port) = try startServer(.quiet(eventLoops: 1))
        #expect(try server.start() == port)
        #expect(server.port == port)
        await server.shutdown()
        await server.shutdown()
        #expect(server.port == nil)
        #expect(throws: HTTPServerError.self) { try server.start() }
    }

    @Test("invalid configuration is reported before binding")
    func invalidConfiguration() {
        let server = makeServer(configuration: HTTPServerConfiguration(port: 70000))
        #expect { try server.start() } throws: { error in
            (error as? HTTPServerError)?.kind == .invalidConfiguration
        }
    }
}
