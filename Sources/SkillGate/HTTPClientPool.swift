#if HTTPEndpoint
    import SkillGateHTTP
    import SkillGateHTTPS
    import Synchronization

    /// Kept-alive HTTPS clients by origin. A call takes an idle client (or makes one), and gives it
    /// back afterwards; at most `maximumIdlePerOrigin` wait per origin, the rest are closed.
    /// Every client shares one TLS context, so the trust roots are loaded once.
    final class HTTPClientPool: Sendable {
        private let tls: OpenSSLClientTLS
        private let maximumIdlePerOrigin: Int
        private let idle = Mutex<[String: [HTTPClient]]>([:])

        init(tls: OpenSSLClientTLS, maximumIdlePerOrigin: Int) {
            self.tls = tls
            self.maximumIdlePerOrigin = max(0, maximumIdlePerOrigin)
        }

        deinit {
            idle.withLock { clients in
                for client in clients.values.joined() { client.close() }
            }
        }

        /// An idle client for `origin`, or a new one.
        func checkOut(_ origin: String) -> HTTPClient {
            if let client = idle.withLock({ $0[origin]?.popLast() }) { return client }
            // Requests go by absolute URL, so the client's default host is only a label.
            return HTTPClient.https(host: origin, tls: tls)
        }

        /// Gives a client back, or closes it when enough are idle.
        func checkIn(_ client: HTTPClient, origin: String) {
            let kept = idle.withLock { clients -> Bool in
                guard clients[origin, default: []].count < maximumIdlePerOrigin else { return false }
                clients[origin, default: []].append(client)
                return true
            }
            if !kept { client.close() }
        }

        /// `https://host[:port]` of an `https://` URL, lower-cased; nil for any other URL.
        static func origin(of url: String) -> String? {
            let prefix = "https://"
            guard url.lowercased().hasPrefix(prefix) else { return nil }
            let rest = url.dropFirst(prefix.count)
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            guard !authority.isEmpty else { return nil }
            return prefix + authority.lowercased()
        }
    }
#endif
