#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Synchronization

/// Verified signing certificates by normalised chain URL, used only while in date.
///
/// It also remembers which raw `SignatureCertChainUrl` header values normalised to a cached URL, so a
/// repeat request skips URL parsing (a pure function of the header). The lock is held only for
/// dictionary lookups and inserts; downloads and OpenSSL work happen outside it.
final class CertificateCache: Sendable {
    private struct State {
        var entries: [String: SigningCertificate] = [:]
        var aliases: [String: String] = [:]
    }

    /// How many chains are kept; Alexa uses one URL at a time, so this only bounds abuse.
    let capacity: Int
    /// How many raw header spellings are remembered before the list starts over.
    let aliasCapacity: Int
    private let state = Mutex(State())

    /// Creates an empty cache.
    /// - Parameters:
    ///   - capacity: the most chains kept at once.
    ///   - aliasCapacity: the most raw header values remembered.
    init(capacity: Int = 16, aliasCapacity: Int = 64) {
        self.capacity = max(1, capacity)
        self.aliasCapacity = max(1, aliasCapacity)
    }

    /// The certificate for a raw header value seen before, if its chain is cached and in date at `date`.
    func certificate(forHeader header: String, at date: Date) -> SigningCertificate? {
        state.withLock { state -> SigningCertificate? in
            guard let key = state.aliases[header] else { return nil }
            return Self.inDate(key, at: date, in: &state)
        }
    }

    /// The certificate cached for a normalised URL if it is in date at `date`; an out-of-date entry is
    /// dropped. On a hit, `header` is remembered as a spelling of `key`.
    func certificate(for key: String, header: String, at date: Date) -> SigningCertificate? {
        state.withLock { state -> SigningCertificate? in
            guard let certificate = Self.inDate(key, at: date, in: &state) else { return nil }
            remember(header, as: key, in: &state)
            return certificate
        }
    }

    /// Caches `certificate` under `key` (remembering `header` as its spelling), first dropping
    /// out-of-date entries and, if still full, the entry that expires soonest.
    func store(_ certificate: SigningCertificate, for key: String, header: String, at date: Date) {
        state.withLock { state in
            if state.entries[key] == nil, state.entries.count >= capacity {
                state.entries = state.entries.filter { $0.value.isValid(at: date) }
                if state.entries.count >= capacity,
                    let soonest = state.entries.min(by: { $0.value.validity.upperBound < $1.value.validity.upperBound })
                {
                    state.entries[soonest.key] = nil
                }
            }
            state.entries[key] = certificate
            remember(header, as: key, in: &state)
        }
    }

    /// How many chains are cached.
    var count: Int { state.withLock { $0.entries.count } }

    private static func inDate(_ key: String, at date: Date, in state: inout State) -> SigningCertificate? {
        guard let certificate = state.entries[key] else { return nil }
        if certificate.isValid(at: date) { return certificate }
        state.entries[key] = nil
        return nil
    }

    private func remember(_ header: String, as key: String, in state: inout State) {
        guard state.aliases[header] != key else { return }
        if state.aliases.count >= aliasCapacity { state.aliases.removeAll(keepingCapacity: true) }
        state.aliases[header] = key
    }
}
