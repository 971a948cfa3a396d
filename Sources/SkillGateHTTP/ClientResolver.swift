import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Resolves host names for ``HTTPClient`` so that a deadline or an interrupt still answers on time.
///
/// `getaddrinfo` cannot be interrupted, so a name lookup runs on a serial queue of its own (a thread
/// of its own: never the Swift concurrency pool, the caller's thread, or a shared queue that stuck
/// lookups could fill) and the caller waits with `poll` for its answer, the deadline or the interrupt
/// pipe, whichever comes first. A lookup that is given up on finishes in the background and is
/// dropped. Callers asking for the same host and port while a lookup younger than ``sharedLookupAge``
/// runs wait for that one, so a resolver that never answers costs one thread per name, not one per
/// request; at most ``maximumLookups`` run at once. IP literals skip the resolver.
enum ClientResolver {
    /// How long a running lookup is shared with new callers; an older one is presumed stuck.
    static let sharedLookupAge = Duration.seconds(30)
    /// The most lookups running at once (stuck ones included).
    static let maximumLookups = 32
    private static let running = Mutex(RunningLookups())
    /// What a lookup thread runs: `getaddrinfo`; tests put a resolver that never answers here.
    static let nameLookup = Mutex<@Sendable (String, Int) -> Result<[SocketAddress], SocketAddress.ResolveFailure>> {
        SocketAddress.resolve(host: $0, port: $1, passive: false)
    }

    /// How many lookup threads have not returned, stuck ones included.
    static var runningLookupCount: Int { running.withLock { $0.count } }

    /// The addresses of `host:port`, in resolver order.
    /// - Throws: ``ClientIOError`` `.hostNotFound`, `.timedOut`, `.interrupted` or `.system`.
    static func resolve(host: String, port: Int, deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(ClientIOError)
        -> [SocketAddress]
    {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if isIPLiteral(bare) { return try addresses(SocketAddress.resolve(host: bare, port: port, passive: false), host: host) }
        let lookup = try shared(host: bare, port: port)
        while true {
            if let outcome = lookup.outcome { return try addresses(outcome, host: host) }
            try ClientWait.wait(for: lookup.readFD, events: Int16(POLLIN), deadline: deadline, interruptFD: interruptFD)
        }
    }

    /// The running lookup of `host:port` if it is young enough, else a new one on a thread of its own.
    private static func shared(host: String, port: Int) throws(ClientIOError) -> Lookup {
        let key = "\(port) \(host)"
        let now = ContinuousClock.now
        let found = running.withLock { running -> Result<Lookup, ClientIOError> in
            if let lookup = running.byKey[key], lookup.started.duration(to: now) < sharedLookupAge { return .success(lookup) }
            guard running.count < maximumLookups else {
                return .failure(
                    .hostNotFound(
                        "cannot resolve \(host): \(running.count) name lookups are still running (is the DNS resolver answering?)"))
            }
            guard let lookup = Lookup(started: now) else { return .failure(.system("pipe", errno)) }
            running.byKey[key] = lookup
            running.count += 1
            DispatchQueue(label: "SkillGateHTTP.HTTPClient.resolver").async {
                let lookUp = nameLookup.withLock { $0 }
                lookup.finish(lookUp(host, port))
                Self.running.withLock { running in
                    running.count -= 1
                    if running.byKey[key] === lookup { running.byKey[key] = nil }
                }
            }
            return .success(lookup)
        }
        return try found.get()
    }

    /// Whether `host` is an IPv4 or IPv6 address rather than a name.
    static func isIPLiteral(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    private static func addresses(_ outcome: Result<[SocketAddress], SocketAddress.ResolveFailure>, host: String)
        throws(ClientIOError) -> [SocketAddress]
    {
        switch outcome {
        case .success(let list) where !list.isEmpty: return list
        case .success: throw .hostNotFound("\(host) has no IPv4 or IPv6 address")
        case .failure(let failure): throw .hostNotFound("cannot resolve \(host): \(failure.reason)")
        }
    }
}

/// The lookups whose threads have not returned, and the one shared per `port host`.
private struct RunningLookups: Sendable {
    var byKey: [String: Lookup] = [:]
    var count = 0
}

/// One name lookup's answer, handed from the resolver thread to the waiting clients through a pipe
/// (its byte is never read, so it wakes every waiter).
private final class Lookup: Sendable {
    let started: ContinuousClock.Instant
    let readFD: Int32
    private let writeFD: Int32
    private let answer = Mutex<Result<[SocketAddress], SocketAddress.ResolveFailure>?>(nil)

    /// Creates the pipe; nil when the process is out of descriptors.
    init?(started: ContinuousClock.Instant) {
        self.started = started
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        Socket.makeNonBlocking(fds[0])
        Socket.makeNonBlocking(fds[1])
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// The answer, once the resolver has given it.
    var outcome: Result<[SocketAddress], SocketAddress.ResolveFailure>? { answer.withLock { $0 } }

    /// Stores the answer and wakes the waiter.
    func finish(_ result: Result<[SocketAddress], SocketAddress.ResolveFailure>) {
        answer.withLock { $0 = result }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }
}
