#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import CSkillGateSystem

/// Wakes an event loop out of its wait from another thread: an `eventfd` on Linux, a pipe elsewhere.
struct WakeChannel {
    /// The descriptor the loop watches for input.
    let readFD: Int32
    /// The descriptor other threads write to (the same as `readFD` for an eventfd).
    let writeFD: Int32

    /// Creates the channel, non-blocking and close-on-exec.
    init() throws(HTTPServerError) {
        #if os(Linux)
            let fd = cskillgate_eventfd()
            guard fd >= 0 else { throw .systemCall("eventfd", errno: errno) }
            readFD = fd
            writeFD = fd
        #else
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw .systemCall("pipe", errno: errno) }
            readFD = fds[0]
            writeFD = fds[1]
            Socket.makeNonBlocking(readFD)
            Socket.makeNonBlocking(writeFD)
        #endif
    }

    /// Makes the channel readable (a full channel is already readable, so `EAGAIN` is fine).
    func signal() {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { write(writeFD, $0.baseAddress, readFD == writeFD ? 8 : 1) }
    }

    /// Consumes pending wake-ups so the channel is no longer readable.
    func drain() {
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        _ = withUnsafeMutableBytes(of: &scratch) { read(readFD, $0.baseAddress, $0.count) }
    }

    /// Closes the descriptors.
    func close() {
        Platform.closeDescriptor(readFD)
        if writeFD != readFD { Platform.closeDescriptor(writeFD) }
    }
}
