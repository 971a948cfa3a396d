#if HTTPEndpoint
    public import SkillGateCore
    public import SkillGateCrypto
    import SkillGateHTTP
    import SkillGateHTTPS

    /// The Alexa API transport `SkillMain.run` gives `stdio`, `serve` and `lambda`: SkillGate's one
    /// HTTP client over OpenSSL TLS, verifying Alexa's certificates against `trustRoots`.
    ///
    /// Connections are kept alive and reused: each API host (`api.amazonalexa.com`,
    /// `api.eu.amazonalexa.com`, …) has a small pool of clients, one per call in flight, so
    /// concurrent requests do not queue behind each other. Only `https://` URLs are accepted.
    public struct HTTPSAlexaAPITransport: AlexaAPITransport {
        private let pool: HTTPClientPool
        private let maximumResponseBodySize: Int

        /// Creates the transport; nothing connects (or loads trust roots) until the first call.
        /// - Parameters:
        ///   - trustRoots: `.system` by default; `.pem(bytes)` or `.file(path)` to trust exactly
        ///     those roots (a test certificate authority).
        ///   - maximumIdleClientsPerHost: kept-alive clients kept per API host.
        ///   - maximumResponseBodySize: the largest response body accepted, in bytes.
        public init(trustRoots: TrustRoots = .system, maximumIdleClientsPerHost: Int = 4, maximumResponseBodySize: Int = 1 << 20) {
            pool = HTTPClientPool(tls: OpenSSLClientTLS(trustRoots: trustRoots), maximumIdlePerOrigin: maximumIdleClientsPerHost)
            self.maximumResponseBodySize = maximumResponseBodySize
        }

        /// Sends a request with `Authorization: Bearer …` over a kept-alive HTTPS connection.
        /// - Parameters:
        ///   - request: the request.
        ///   - timeout: the longest the exchange may take.
        /// - Returns: the response.
        /// - Throws: ``/SkillGateCore/AlexaAPITransportError`` (`.timedOut`, `.connectionFailed`), or
        ///   `CancellationError` when the task is cancelled.
        public func send(_ request: AlexaAPIRequest, timeout: Duration) async throws -> AlexaAPIResponse {
            guard let origin = HTTPClientPool.origin(of: request.url) else {
                throw AlexaAPITransportError(
                    .connectionFailed, "'\(request.url)' is not an https:// URL; Alexa APIs are called over HTTPS only")
            }
            var headers = HTTPHeaders(request.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            headers.replaceOrAdd(name: "Authorization", value: request.authorization)
            headers.replaceOrAdd(name: "User-Agent", value: "SkillGate")
            let client = pool.checkOut(origin)
            defer { pool.checkIn(client, origin: origin) }
            let response: HTTPClientResponse
            do {
                response = try await client.send(
                    method: request.method, url: request.url, headers: headers, body: request.body, timeout: timeout,
                    maximumBodySize: maximumResponseBodySize)
            } catch let error as HTTPClientError {
                throw AlexaAPITransportError(error.kind == .timedOut ? .timedOut : .connectionFailed, error.description)
            }
            var fields: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                fields[key] = fields[key].map { $0 + ", " + value } ?? value
            }
            return AlexaAPIResponse(status: response.status, headers: fields, body: response.body)
        }
    }
#endif
