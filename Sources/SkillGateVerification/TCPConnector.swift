#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens a non-blocking TCP connection to a host name or IP address, IPv4 or IPv6, within a deadline.
enum TCPConnector {
    /// Resolves `host` and tries its addresses in resolver order until one accepts.
    /// - Parameters:
    ///   - host: a DNS name or an IP literal (IPv6 without brackets).
    ///   - port: the TCP port.
    ///   - deadline: when to give up; name resolution is checked against it once it returns.
    /// - Returns: a connected, non-blocking, close-on-exec socket the caller owns.
    /// - Throws: ``CertificateFetchError`` `.hostNotFound`, `.connectionFailed` or `.timedOut`.
    static func openConnection(host: String, port: Int, deadline: FetchDeadline) throws(CertificateFetchError) -> Int32 {
        let endpoint = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            let detail = status == 0 ? "no addresses" : gai_strerror(status).map { String(cString: $0) } ?? "error \(status)"
            throw CertificateFetchError(.hostNotFound, "The host \(host) could not be resolved (\(detail)); check DNS on this server.")
        }
        defer { freeaddrinfo(list) }
        guard deadline.remainingMilliseconds > 0 else { throw deadline.timedOut(while: "resolving \(host)") }
        var lastProblem = "no IPv4 or IPv6 address"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            guard info.pointee.ai_family == AF_INET || info.pointee.ai_family == AF_INET6, let address = info.pointee.ai_addr else {
                continue
            }
            switch try attempt(info.pointee.ai_family, address, info.pointee.ai_addrlen, endpoint: endpoint, deadline: deadline) {
            case .success(let fd):
                return fd
            case .failure(let problem):
                lastProblem = problem.text
            }
        }
        throw CertificateFetchError(
            .connectionFailed,
            "Could not connect to \(endpoint) (\(lastProblem)); check that this server can reach it over HTTPS (firewall, proxy)."
        )
    }

    /// One address's failure, e.g. `Connection refused`.
    struct AttemptFailure: Error {
        /// `strerror` text.
        let text: String
    }

    /// Connects to one address; only running out of time is thrown, other failures move on to the next address.
    private static func attempt(
        _ family: Int32, _ address: UnsafeMutablePointer<sockaddr>, _ length: socklen_t, endpoint: String, deadline: FetchDeadline
    ) throws(CertificateFetchError) -> Result<Int32, AttemptFailure> {
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failure(AttemptFailure(text: errorText(errno))) }
        if connect(fd, address, length) == 0 { return .success(fd) }
        guard errno == EINPROGRESS || errno == EINTR else {
            let problem = errorText(errno)
            close(fd)
            return .failure(AttemptFailure(text: problem))
        }
        do {
            try deadline.wait(for: fd, events: Int16(POLLOUT), while: "connecting to \(endpoint)")
        } catch {
            close(fd)
            throw error
        }
        var code: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &size) == 0 else {
            let problem = errorText(errno)
            close(fd)
            return .failure(AttemptFailure(text: problem))
        }
        guard code == 0 else {
            close(fd)
            return .failure(AttemptFailure(text: errorText(code)))
        }
        return .success(fd)
    }

    /// `strerror` as a Swift string.
    static func errorText(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
