package import SkillGateCore
import SkillGateSystem
import SkillGateHTTP
import SkillGateVerification
import SkillGateCrypto

/// `serve`: the skill as an HTTP/1.1 endpoint, verifying Alexa's signatures unless told not to.
package struct ServeMode: ContextMode {
    package let context: ModeContext

    package init(_ context: ModeContext) { self.context = context }

    package func run(host: String, port: Int, path: String, verify: Bool) async -> Int32 {
        var verifier: AlexaRequestVerifier?
        if verify {
            do {
                verifier = try makeVerifier()
            } catch {
                StandardStreams.printError("\(logger.label): \(error)")
                return 78
            }
        } else {
            logger.warning(
                "request verification is OFF (--no-verify): signatures and timestamps are not checked; never run a live skill like this")
        }
        let backendName = environment["SKILLGATE_EVENT_BACKEND"].flatMap { $0.isEmpty ? nil : $0 } ?? "automatic"
        guard let backend = HTTPServerConfiguration.EventBackend(rawValue: backendName) else {
            StandardStreams.printError(
                "\(logger.label): SKILLGATE_EVENT_BACKEND=\(backendName) is not an event backend: use automatic, epoll or poll")
            return 78
        }
        let endpoint = SkillEndpoint(runner: runner, path: path, verifier: verifier, logger: logger)
        let configuration = HTTPServerConfiguration(host: host, port: port, accessLog: true, eventBackend: backend)
        let server = HTTPServer(configuration: configuration, responder: endpoint, logger: logger)
        // main() installed the signal handling before anything else, so a SIGTERM right after
        // the port is announced still drains.
        shutdown.onTrigger { [logger] reason in
            logger.notice("\(reason); shutting down")
            server.triggerGracefulShutdown()
        }
        do {
            let boundPort = try server.start()
            logger.notice("serving \(runner.configuration.name) on http://\(host.contains(":") ? "[\(host)]" : host):\(boundPort)\(path)")
            try await server.run()
            logger.notice("stopped")
            return 0
        } catch {
            StandardStreams.printError("\(logger.label): \(error)")
            return 70
        }
    }

    /// The verifier: the system's trust roots, or `SKILLGATE_TRUST_ROOTS` (a PEM file) for local
    /// development; `SKILLGATE_CERT_CHAIN` (a PEM file) answers every certificate download
    /// instead of the network, so signed local replays can keep verification on.
    private func makeVerifier() throws -> AlexaRequestVerifier {
        let roots: TrustRoots = environment["SKILLGATE_TRUST_ROOTS"].map { TrustRoots.file($0) } ?? .system
        if let chainPath = environment["SKILLGATE_CERT_CHAIN"] {
            logger.warning("certificate downloads are answered from \(chainPath) (SKILLGATE_CERT_CHAIN): development only")
            return AlexaRequestVerifier(trustRoots: roots, certificateFetcher: try LocalCertificateFetcher(path: chainPath), logger: logger)
        }
        return AlexaRequestVerifier(trustRoots: roots, logger: logger)
    }
}
