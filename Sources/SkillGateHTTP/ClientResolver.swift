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
/// `getaddrinfo` cannot be interrupted, so a name lookup runs on a private concurrent queue (Dispatch
/// worker threads, never the Swift concurrency pool or the caller's thread) and the caller waits with
/// `poll` for its answer, the deadline or the interrupt pipe, whichever comes first. A lookup that is
/// given up on finishes in the background and is dropped. IP literals skip the resolver.
enum ClientResolver {
    private static let queue = DispatchQueue(label: "SkillGateHTTP.HTTPClient.resolver", attributes: .concurrent)

    /// The addresses of `host:port`, in resolver order.
    /// - Throws: ``ClientIOError`` `.hostNotFound`, `.timedOut`, `.interrupted` or `.system`.
    static func resolve(host: String, port: Int, deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(ClientIOError)
        -> [SocketAddress]
    {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if isIPLiteral(bare) { return try addresses(SocketAddress.resolve(host: bare, port: port, passive: false), host: host) }
        guard let lookup = Lookup() else { throw .system("pipe", errno) }
        queue.async { lookup.finish(SocketAddress.resolve(host: bare, port: port, passive: false)) }
        while true {
            if let outcome = lookup.outcome { return try addresses(outcome, host: host) }
            try ClientWait.wait(for: lookup.readFD, events: Int16(POLLIN), deadline: deadline, interruptFD: interruptFD)
        }
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

/// One name lookup's answer, handed from the resolver thread to the waiting client through a pipe.
private final class Lookup: Sendable {
    let readFD: Int32
    private let writeFD: Int32
    private let answer = Mutex<Result<[SocketAddress], SocketAddress.ResolveFailure>?>(nil)

    /// Creates the pipe; nil when the process is out of descriptors.
    init?() {
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
