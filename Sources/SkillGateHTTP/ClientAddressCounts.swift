#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A client's IP address without the port, as a 128-bit value: IPv4 addresses map to
/// `::ffff:a.b.c.d`, so a client is the same whether it arrives over IPv4 or an IPv4-mapped IPv6
/// address.
struct ClientAddress: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    /// The address of an accepted peer; any other family is one shared "unknown" address.
    init(_ storage: sockaddr_storage) {
        var copy = storage
        (high, low) = withUnsafeBytes(of: &copy) { raw -> (UInt64, UInt64) in
            switch Int32(storage.ss_family) {
            case AF_INET:
                let address = raw.load(as: sockaddr_in.self)
                return (0, 0xFFFF_0000_0000 | UInt64(UInt32(bigEndian: address.sin_addr.s_addr)))
            case AF_INET6:
                var bytes = raw.load(as: sockaddr_in6.self).sin6_addr
                return withUnsafeBytes(of: &bytes) { address in
                    var high: UInt64 = 0
                    var low: UInt64 = 0
                    for index in 0..<8 {
                        high = high << 8 | UInt64(address[index])
                        low = low << 8 | UInt64(address[index + 8])
                    }
                    return (high, low)
                }
            default:
                return (UInt64.max, UInt64.max)
            }
        }
    }
}

/// Open connections per client address, shared by a server's event loops: a connection takes a
/// slot when it is accepted and gives it back when its socket closes.
final class ClientAddressCounts: Sendable {
    private let counts = Mutex<[ClientAddress: Int]>([:])

    /// Takes a slot for `client` unless it already holds `limit`.
    /// - Returns: whether the slot was taken.
    func acquire(_ client: ClientAddress, limit: Int) -> Bool {
        counts.withLock { counts in
            let held = counts[client, default: 0]
            guard held < limit else { return false }
            counts[client] = held + 1
            return true
        }
    }

    /// Gives back a slot taken by ``acquire(_:limit:)``.
    func release(_ client: ClientAddress) {
        counts.withLock { counts in
            guard let held = counts[client] else { return }
            if held <= 1 {
                counts[client] = nil
            } else {
                counts[client] = held - 1
            }
        }
    }

    /// The slots `client` holds.
    func count(of client: ClientAddress) -> Int {
        counts.withLock { $0[client, default: 0] }
    }
}
