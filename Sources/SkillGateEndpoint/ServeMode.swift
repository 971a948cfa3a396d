package import SkillGateCore
import SkillGateSystem
import SkillGateHTTP
package import SkillGateVerification
import SkillGateCrypto

/// `serve`: the skill as an HTTP/1.1 endpoint, verifying Alexa's signatures unless told not to.
package struct ServeMode: ContextMode {
    package let context: ModeContext
    /// Replaces the certificate download (tests inject a stuck one); nil uses the environment's.
    let certificateFetcher: (any CertificateFetcher)?
    /// The verifier's download limits.
    let downloadLimits: CertificateDownloadLimits

    /// Creates the mode.
    /// - Parameters:
    ///   - context: the runner, logger, environment and shutdown trigger.
    ///   - certificateFetcher: downloads certificate chains instead of HTTPS (for tests); nil uses
    ///     `SKILLGATE_CERT_CHAIN` or HTTPS.
    ///   - downloadLimits: the verifier's certificate download limits.
    package init(
        _ context: ModeContext, certificateFetcher: (any CertificateFetcher)? = nil,
        downloadLimits: CertificateDownloadLimits = CertificateDownloadLimits()
    ) {
        self.context = context
        self.certificateFetcher = certificateFetcher
        self.downloadLimits = downloadLimits
    }

    package func run(host: String, port: Int, path: String, verify: Bool, maxConnectionsPerClient: Int? = nil) async -> Int32 {
        var verifier: AlexaRequestVerifier?
        if verify {
            do {
                verifier = try makeVerifier()
            } catch {
                logger.reportFailure("\(error)")
                return 78
            }
        } else {
            logger.warning(
                "request verification is OFF (--no-verify): signatures and timestamps are not checked; never run a live skill like this")
        }
        let backendName = environment["SKILLGATE_EVENT_BACKEND"].flatMap { $0.isEmpty ? nil : $0 } ?? "automatic"
        guard let backend = HTTPServerConfiguration.EventBackend(rawValue: backendName) else {
            logger.reportFailure("SKILLGATE_EVENT_BACKEND=\(backendName) is not an event backend: use automatic, epoll or poll")
            return 78
        }
        let endpoint = SkillEndpoint(runner: runner, path: path, verifier: verifier, logger: logger)
        let configuration = HTTPServerConfiguration(
            host: host, port: port, maxConnectionsPerClient: maxConnectionsPerClient, accessLog: true, eventBackend: backend)
        let server = HTTPServer(configuration: configuration, responder: endpoint, logger: logger)
        // main() installed the signal handling before anything else, so a SIGTERM right after
        // the port is announced still drains.
        shutdown.onTrigger { [logger] reason in
            logger.notice("\(reason); shutting down")
            // The drain first, so the 503s the endpoint then sends to requests waiting for a
            // certificate go out with `Connection: close` on connections the drain keeps open.
            server.triggerGracefulShutdown()
            endpoint.beginShutdown()
        }
        do {
            let boundPort = try server.start()
            let limits = server.connectionLimits.map { " (\($0))" } ?? ""
            logger.notice(
                "serving \(runner.configuration.name) on http://\(host.contains(":") ? "[\(host)]" : host):\(boundPort)\(path)\(limits)",
                metadata: startupFacts(path: path, verify: verify))
            try await server.run()
            logger.notice("stopped")
            return 0
        } catch {
            logger.reportFailure("\(error)")
            return 70
        }
    }

    /// The start-up line's metadata: whether signatures are verified, the path, and the skill's
    /// IDs and route count.
    private func startupFacts(path: String, verify: Bool) -> Logger.Metadata {
        skillFacts.merging(["verification": verify ? "on" : "off", "path": path]) { first, _ in first }
    }

    /// The verifier: the system's trust roots, or `SKILLGATE_TRUST_ROOTS` (a PEM file) for local
    /// development; `SKILLGATE_CERT_CHAIN` (a PEM file) answers every certificate download
    /// instead of the network, so signed local replays can keep verification on.
    private func makeVerifier() throws -> AlexaRequestVerifier {
        let roots: TrustRoots = environment["SKILLGATE_TRUST_ROOTS"].map { TrustRoots.file($0) } ?? .system
        let fetcher: any CertificateFetcher
        if let certificateFetcher {
            fetcher = certificateFetcher
        } else if let chainPath = environment["SKILLGATE_CERT_CHAIN"] {
            logger.warning("certificate downloads are answered from \(chainPath) (SKILLGATE_CERT_CHAIN): development only")
            fetcher = try LocalCertificateFetcher(path: chainPath)
        } else {
            fetcher = HTTPSCertificateFetcher()
        }
        return AlexaRequestVerifier(trustRoots: roots, certificateFetcher: fetcher, downloadLimits: downloadLimits, logger: logger)
    }
}
