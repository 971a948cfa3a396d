import SkillGateHTTP
import SkillGateLogging

/// A fake Alexa API that is a real HTTPS server on 127.0.0.1: the project's HTTPServer behind a
/// ``TLSProxy`` presenting a throw-away certificate from ``TLSTestCertificates``. It records every
/// request and answers each with what the test's closure says.
public final class FakeAlexaAPIServer: Sendable {
    /// A request as the fake saw it.
    public struct Seen: Sendable {
        /// The method, e.g. `GET`.
        public let method: String
        /// The path, e.g. `/v1/directives`.
        public let path: String
        /// Header fields by lower-cased name.
        public let headers: [String: String]
        /// The body.
        public let body: [UInt8]
        /// The proxy's side of the connection (one per kept-alive TLS connection).
        public let remoteAddress: String

        /// The body as text.
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    /// What the fake answers.
    public struct Reply: Sendable {
        /// The status code.
        public var status: Int
        /// The JSON body; empty for none.
        public var body: String
        /// How long to wait before answering.
        public var delay: Duration

        /// Creates a reply.
        /// - Parameters:
        ///   - status: the status code.
        ///   - body: the JSON body.
        ///   - delay: the wait before answering.
        public init(status: Int = 200, body: String = "", delay: Duration = .zero) {
            self.status = status
            self.body = body
            self.delay = delay
        }
    }

    /// `https://127.0.0.1:PORT`, for `context.System.apiEndpoint`.
    public let endpoint: String
    /// The CA the server's certificate comes from, for the client's trust roots.
    public let caPEM: [UInt8]
    private let seen: Locked<[Seen]>

    private init(endpoint: String, caPEM: [UInt8], seen: Locked<[Seen]>) {
        self.endpoint = endpoint
        self.caPEM = caPEM
        self.seen = seen
    }

    /// Every request so far, in order.
    public var requests: [Seen] { seen.get() }

    /// Runs `body` with a fake answering through `respond`, then stops it.
    /// - Parameters:
    ///   - respond: the reply to each request.
    ///   - body: the test.
    /// - Throws: what `body` throws, or a setup failure.
    public static func with(
        _ respond: @escaping @Sendable (Seen) async -> Reply, _ body: (FakeAlexaAPIServer) async throws -> Void
    ) async throws {
        let certificates = try await TLSTestCertificates.shared.value
        let seen = Locked<[Seen]>([])
        let responder = HTTPClosureResponder { request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.lowercased()] = value }
            let observed = Seen(
                method: request.method, path: request.path, headers: headers, body: request.body, remoteAddress: request.remoteAddress)
            seen.update { $0.append(observed) }
            let reply = await respond(observed)
            if reply.delay > .zero { try? await Task.sleep(for: reply.delay) }
            let contentType: HTTPHeaders = reply.body.isEmpty ? [:] : ["Content-Type": "application/json"]
            return HTTPResponse(status: reply.status, headers: contentType, body: Array(reply.body.utf8))
        }
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, accessLog: false, eventLoopCount: 1),
            responder: responder, logger: .disabled)
        let port = try server.start()
        do {
            let proxy = try TLSProxy(certificate: certificates.loopbackCertificatePEM, key: certificates.serverKeyPEM, backendPort: port)
            let fake = FakeAlexaAPIServer(endpoint: "https://127.0.0.1:\(proxy.port)", caPEM: certificates.caPEM, seen: seen)
            try await body(fake)
            withExtendedLifetime(proxy) {}
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }
}
