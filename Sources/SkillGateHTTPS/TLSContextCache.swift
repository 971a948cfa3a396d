import SkillGateCrypto
import Synchronization

/// Creates the TLS context on first use and keeps it.
///
/// Loading the system trust roots parses the whole CA bundle, so it happens on the first `https`
/// connection, not at start-up. A failure is not kept: the next connection tries again (after a fix
/// on disk).
final class TLSContextCache: Sendable {
    private let trustRoots: TrustRoots
    private let context = Mutex<TLSClientContext?>(nil)

    /// Creates an empty cache.
    /// - Parameter trustRoots: the roots server certificates must reach.
    init(trustRoots: TrustRoots) {
        self.trustRoots = trustRoots
    }

    /// The context, created now if this is the first successful call.
    func get() -> Result<TLSClientContext, TLSError> {
        context.withLock { cached -> Result<TLSClientContext, TLSError> in
            if let cached { return .success(cached) }
            let made = TLSClientContext.make(trustRoots: trustRoots)
            if case .success(let created) = made { cached = created }
            return made
        }
    }
}
