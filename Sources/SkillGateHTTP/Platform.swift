#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import CSkillGateSystem

/// The system calls and constants whose spelling differs between Linux (glibc, musl) and Darwin.
///
/// Linux-only paths sit behind `#if os(Linux)`; everything else is plain POSIX.
enum Platform {
    /// `SOCK_STREAM` as the `Int32` that `socket(2)` and `addrinfo` take (an enum on glibc).
    static var streamSocketType: Int32 {
        #if canImport(Glibc)
            Int32(SOCK_STREAM.rawValue)
        #else
            SOCK_STREAM
        #endif
    }

    /// Flags for `send(2)` so a peer that went away yields `EPIPE` instead of `SIGPIPE`:
    /// `MSG_NOSIGNAL` on Linux. Darwin has no such flag; its sockets carry `SO_NOSIGPIPE` (see
    /// ``prepareSocket(_:)``).
    static var sendFlags: Int32 {
        #if os(Linux)
            Int32(MSG_NOSIGNAL)
        #else
            0
        #endif
    }

    /// Per-socket set-up every platform needs before the socket is written: `SO_NOSIGPIPE` on
    /// Darwin (where `send` has no `MSG_NOSIGNAL`); nothing on Linux.
    static func prepareSocket(_ fd: Int32) {
        #if canImport(Darwin)
            Socket.setOption(fd, level: SOL_SOCKET, name: SO_NOSIGPIPE, value: 1)
        #endif
    }

    /// Accepts a connection as a non-blocking, close-on-exec socket ready to be written.
    /// - Returns: the descriptor, or -1 with `errno` set.
    static func accept(_ listener: Int32, _ address: UnsafeMutablePointer<sockaddr>, _ length: inout socklen_t) -> Int32 {
        #if os(Linux)
            return cskillgate_accept_nonblocking(listener, address, &length)
        #else
            let fd = systemAccept(listener, address, &length)
            if fd >= 0 {
                Socket.makeNonBlocking(fd)
                prepareSocket(fd)
            }
            return fd
        #endif
    }

    /// `close(2)`, reachable from types that have a `close()` method of their own.
    @discardableResult
    static func closeDescriptor(_ fd: Int32) -> Int32 {
        systemClose(fd)
    }

    /// `connect(2)`.
    static func connect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        systemConnect(fd, address, length)
    }

    /// `listen(2)`.
    static func listen(_ fd: Int32, backlog: Int32) -> Int32 {
        systemListen(fd, backlog)
    }

    /// Shuts the write side of a socket (`shutdown(fd, SHUT_WR)`).
    static func shutdownWrite(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// The number of online CPU cores, at least 1.
    static var onlineProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

// File-scope forwarders: at this level the names resolve to the C functions, not to same-named members.
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}
private func systemListen(_ fd: Int32, _ backlog: Int32) -> Int32 { listen(fd, backlog) }
#if !os(Linux)
    private func systemAccept(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>, _ length: inout socklen_t) -> Int32 {
        accept(fd, address, &length)
    }
#endif
