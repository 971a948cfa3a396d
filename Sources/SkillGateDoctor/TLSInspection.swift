import Foundation
import SkillGateCrypto
import SkillGateHTTP
import Synchronization

/// What one HTTPS server's certificates showed, as Alexa's TLS client would see them: it uses what the
/// server sends (it fetches no missing intermediate), the trusted roots, the date and the host name.
struct TLSFacts: Sendable {
    /// Whether the chain the server sent reaches a trusted root or stops at an issuer it did not send.
    enum Chain: Sendable, Equatable {
        /// Every certificate's issuer was sent, up to one a root issued (or the root itself).
        case complete
        /// The server sent a certificate whose issuer it did not send and that is not a trusted root (its name).
        case missingIssuer(String)
    }

    /// Whether the chain leads to a trusted root.
    enum Trust: Sendable, Equatable {
        /// It does.
        case trusted
        /// It does not (why, in OpenSSL's words).
        case untrusted(String)
        /// Cannot be told: the chain is incomplete.
        case undetermined
    }

    /// `subject (issued by issuer)`, per certificate sent, leaf first.
    let sent: [String]
    /// The chain's completeness.
    let chain: Chain
    /// Whether it is trusted.
    let trust: Trust
    /// The earliest expiry among the certificates sent on the path to the root, and whose it is.
    let notAfter: (date: Date, subject: String)?
    /// The latest start of validity on that path, and whose it is.
    let notBefore: (date: Date, subject: String)?
    /// Whether the leaf names the host.
    let hostMatches: Bool
    /// The leaf's DNS names, for messages.
    let names: [String]
    /// The issuers on the path (organization, else the one-line name).
    let issuers: [String]
}

/// One HTTPS endpoint the doctor inspected.
struct TLSObservation: Sendable {
    /// `host:port`.
    let endpoint: String
    /// Which URLs live there (`the token URL`, `the authorization URL`).
    let roles: [String]
    /// The facts, or why the certificates could not be fetched.
    let outcome: Result<TLSFacts, NetworkFailure>
}

/// Fetches a server's certificates through the project's HTTP client (for the connection) and
/// SkillGateCrypto's recording handshake, then judges them with SkillGateCrypto's trust store.
enum TLSInspector {
    /// Inspects the server of an https URL.
    /// - Parameters:
    ///   - url: the URL.
    ///   - roles: which of the skill's URLs are on that server.
    ///   - timeout: the limit for the connection and handshake.
    ///   - caFile: a PEM file of roots to trust instead of the system's.
    ///   - now: the time to judge expiry at.
    static func inspect(_ url: URL, roles: [String], timeout: Duration, caFile: String?, now: Date) async -> TLSObservation {
        let endpoint = DoctorHTTPClient.endpoint(of: url)
        let roots: TrustRoots = caFile.map { .file($0) } ?? .system
        let recorder = RecordingTLS(trustRoots: roots)
        let client = HTTPClient(host: url.host ?? "localhost", port: url.port ?? 443, scheme: .https, tls: recorder)
        defer { client.close() }
        var clientError: HTTPClientError?
        do {
            _ = try await client.send(method: "HEAD", url: url.absoluteString, timeout: timeout)
        } catch let error as HTTPClientError {
            clientError = error
        } catch {}
        let outcome: Result<TLSFacts, NetworkFailure>
        switch recorder.recorded {
        case .success(let pem)?:
            outcome = judge(pem, host: url.host ?? "", roots: roots, now: now, endpoint: endpoint)
        case .failure(let error)?:
            outcome = .failure(NetworkFailure(endpoint: endpoint, reason: "the TLS handshake failed (\(error.message))"))
        case nil:
            let reason = clientError.map { DoctorHTTPClient.describe($0, timeout: timeout) } ?? "no TLS handshake took place"
            outcome = .failure(NetworkFailure(endpoint: endpoint, reason: reason))
        }
        return TLSObservation(endpoint: endpoint, roles: roles, outcome: outcome)
    }

    /// The facts about a PEM chain the server sent.
    static func judge(_ pem: [UInt8], host: String, roots: TrustRoots, now: Date, endpoint: String) -> Result<TLSFacts, NetworkFailure> {
        let chain: X509Chain
        let store: TrustStore
        do {
            chain = try X509Chain(pem: pem, source: "the certificates \(endpoint) sent")
            store = try TrustStore(roots: roots)
        } catch {
            return .failure(NetworkFailure(endpoint: endpoint, reason: error.message))
        }
        let path = issuerPath(chain)
        let validity = path.compactMap { certificate in certificate.validity.map { ($0, certificate.subject) } }
        let notAfter = validity.min { $0.0.upperBound < $1.0.upperBound }.map { (date: $0.0.upperBound, subject: $0.1) }
        let notBefore = validity.max { $0.0.lowerBound < $1.0.lowerBound }.map { (date: $0.0.lowerBound, subject: $0.1) }
        // Judge the chain at a moment every certificate on it was valid, so an expired certificate is reported
        // by the expiry check alone.
        var moment = now
        if let start = notBefore?.date, let end = notAfter?.date, start <= end {
            moment = start.addingTimeInterval(end.timeIntervalSince(start) / 2)
        }
        let top = path.last ?? chain.leaf
        let (completeness, trust): (TLSFacts.Chain, TLSFacts.Trust)
        switch store.verify(chain, at: moment) {
        case .success:
            (completeness, trust) = (.complete, .trusted)
        case .failure(let failure) where failure.kind == .expired || failure.kind == .notYetValid:
            // OpenSSL checks dates only once it has built the chain to a trusted root: the dates are the
            // expiry check's business.
            (completeness, trust) = (.complete, .trusted)
        case .failure(let failure) where failure.isMissingIssuer && !top.isSelfIssued && !top.isCertificateAuthority:
            (completeness, trust) = (.missingIssuer(top.issuer), .undetermined)
        case .failure(let failure):
            (completeness, trust) = (.complete, .untrusted(failure.message))
        }
        return .success(
            TLSFacts(
                sent: chain.certificates.map { "\($0.subject) (issued by \($0.issuer))" },
                chain: completeness, trust: trust, notAfter: notAfter, notBefore: notBefore,
                hostMatches: chain.leaf.matches(host: host), names: chain.leaf.dnsNames,
                issuers: path.map { $0.issuerOrganization ?? $0.issuer }))
    }

    /// The leaf, then each sent certificate that issued the one before, until a self-issued one or none.
    static func issuerPath(_ chain: X509Chain) -> [X509Certificate] {
        var path = [chain.leaf]
        var remaining = chain.intermediates
        while let current = path.last, !current.isSelfIssued,
            let index = remaining.firstIndex(where: { $0.isIssuer(of: current) })
        {
            path.append(remaining.remove(at: index))
        }
        return path
    }
}

/// An ``HTTPClientTLS`` that records the server's certificates with ``TLSPeerChain`` and then ends the
/// request: the inspection needs the handshake, not an answer.
final class RecordingTLS: HTTPClientTLS {
    private let trustRoots: TrustRoots
    private let result = Mutex<Result<[UInt8], TLSError>?>(nil)

    init(trustRoots: TrustRoots) {
        self.trustRoots = trustRoots
    }

    /// What the handshake recorded, if one took place.
    var recorded: Result<[UInt8], TLSError>? { result.withLock { $0 } }

    func prepare() throws(HTTPClientTLSFailure) {}

    func handshake(socket: Int32, host: String, port: Int, deadline: ContinuousClock.Instant?, interruptFD: Int32)
        throws(HTTPClientTLSFailure) -> any HTTPClientTLSStream
    {
        let endpoint = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let fetched = TLSPeerChain.fetch(
            socket: socket, host: host, endpoint: endpoint, trustRoots: trustRoots, deadline: deadline, interruptFD: interruptFD)
        result.withLock { $0 = fetched }
        throw HTTPClientTLSFailure(kind: .protocolFailed, description: "the certificates of \(endpoint) were recorded")
    }
}
