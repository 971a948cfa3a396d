#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small wrappers over socket system calls used by the server and the client.
enum Socket {
    /// Sets `O_NONBLOCK` and `FD_CLOEXEC`; returns false on failure.
    @discardableResult
    static func makeNonBlocking(_ fd: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else { return false }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return true
    }

    /// Sets an integer socket option; returns false on failure.
    @discardableResult
    static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32) -> Bool {
        var value = value
        return setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// Disables Nagle's algorithm so small responses go out at once.
    static func setNoDelay(_ fd: Int32) {
        setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
    }

    /// Creates a non-blocking listening socket bound to `host:port`.
    /// - Returns: the socket and the port actually bound.
    /// - Throws: ``HTTPServerError`` with an actionable message.
    static func listen(host: String, port: Int, backlog: Int32) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        let addresses: [SocketAddress]
        switch SocketAddress.resolve(host: host, port: port, passive: true) {
        case .success(let list): addresses = list
        case .failure(let failure):
            throw HTTPServerError(
                kind: .invalidAddress,
                description:
                    "cannot resolve host \"\(host)\": \(failure.reason); use an IP address such as 127.0.0.1, 0.0.0.0, ::1 or ::"
            )
        }
        guard let address = addresses.first else {
            throw HTTPServerError(kind: .invalidAddress, description: "host \"\(host)\" has no IPv4 or IPv6 address")
        }
        let fd = socket(address.family, Platform.streamSocketType, 0)
        guard fd >= 0 else { throw .systemCall("socket", errno: errno) }
        setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
        var storage = address.storage
        let bound = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, address.length) }
        }
        if bound != 0 {
            let code = errno
            close(fd)
            throw bindError(code: code, host: host, port: port)
        }
        guard Platform.listen(fd, backlog: backlog) == 0 else {
            let code = errno
            close(fd)
            throw .systemCall("listen on \(host):\(port)", errno: code)
        }
        guard makeNonBlocking(fd), let actualPort = SocketAddress.boundPort(of: fd) else {
            let code = errno
            close(fd)
            throw .systemCall("configuring the listening socket", errno: code)
        }
        return (fd, actualPort)
    }

    private static func bindError(code: Int32, host: String, port: Int) -> HTTPServerError {
        switch code {
        case EADDRINUSE:
            return HTTPServerError(
                kind: .addressInUse,
                description:
                    "port \(port) is in use on \(host): stop the other process (`lsof -i :\(port)`) or choose another port"
            )
        case EACCES:
            return HTTPServerError(
                kind: .permissionDenied,
                description:
                    "binding \(host):\(port) needs privileges: use a port of 1024 or above, or grant CAP_NET_BIND_SERVICE"
            )
        case EADDRNOTAVAIL:
            return HTTPServerError(
                kind: .invalidAddress,
                description: "\(host) is not an address of this machine: use 127.0.0.1, 0.0.0.0, ::1 or ::"
            )
        case EAFNOSUPPORT:
            return HTTPServerError(
                kind: .invalidAddress,
                description: "the address family of \(host) is not supported here (is IPv6 disabled?)"
            )
        default:
            return .systemCall("bind \(host):\(port)", errno: code)
        }
    }
}
