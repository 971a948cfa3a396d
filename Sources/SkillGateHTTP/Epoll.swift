import Glibc

/// `epoll(7)` reached through `dlsym`, because the Glibc module does not export `<sys/epoll.h>`
/// and the project has no C shim targets. The functions are called through C function pointers.
struct Epoll: Sendable {
    private typealias Create1 = @convention(c) (Int32) -> Int32
    private typealias Control = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    private typealias Wait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    static let readable: UInt32 = 0x001
    static let writable: UInt32 = 0x004
    static let error: UInt32 = 0x008
    static let hangUp: UInt32 = 0x010
    static let readHangUp: UInt32 = 0x2000
    static let edgeTriggered: UInt32 = 1 << 31
    private static let controlAdd: Int32 = 1
    private static let controlDelete: Int32 = 2
    private static let closeOnExec: Int32 = 0o2000000

    /// `struct epoll_event` is packed on x86-64 (12 bytes) and naturally aligned elsewhere (16 bytes).
    #if arch(x86_64)
        static let eventStride = 12
        static let eventDataOffset = 4
    #else
        static let eventStride = 16
        static let eventDataOffset = 8
    #endif

    private let create1: Create1
    private let control: Control
    private let wait: Wait

    /// Looks the functions up in the C library.
    static func load() throws(HTTPServerError) -> Epoll {
        let handle = dlopen(nil, RTLD_NOW)
        guard let create = dlsym(handle, "epoll_create1"), let control = dlsym(handle, "epoll_ctl"),
            let wait = dlsym(handle, "epoll_wait")
        else {
            throw HTTPServerError(
                kind: .systemCallFailed,
                description: "epoll is not available in this C library; the HTTP server needs Linux with glibc or musl"
            )
        }
        return Epoll(
            create1: unsafeBitCast(create, to: Create1.self),
            control: unsafeBitCast(control, to: Control.self),
            wait: unsafeBitCast(wait, to: Wait.self)
        )
    }

    /// Creates an epoll instance (close-on-exec).
    func create() throws(HTTPServerError) -> Int32 {
        let fd = create1(Epoll.closeOnExec)
        guard fd >= 0 else { throw .systemCall("epoll_create1", errno: errno) }
        return fd
    }

    /// Registers `fd` for `events`; `data` comes back with every event for it.
    /// - Returns: 0 on success, otherwise the errno value.
    func add(epoll: Int32, fd: Int32, events: UInt32, data: UInt64) -> Int32 {
        var raw: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &raw) { event in
            event.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            event.storeBytes(of: data, toByteOffset: Epoll.eventDataOffset, as: UInt64.self)
            return control(epoll, Epoll.controlAdd, fd, event.baseAddress) == 0 ? 0 : errno
        }
    }

    /// Removes `fd` from the interest list (closing the fd does this implicitly).
    func remove(epoll: Int32, fd: Int32) {
        var raw: (UInt64, UInt64) = (0, 0)
        _ = withUnsafeMutableBytes(of: &raw) { event in
            control(epoll, Epoll.controlDelete, fd, event.baseAddress)
        }
    }

    /// Waits for events into `buffer` (room for `capacity` events); returns the count, or -1 with errno set.
    func wait(epoll: Int32, buffer: UnsafeMutableRawPointer, capacity: Int32, timeoutMilliseconds: Int32) -> Int32 {
        wait(epoll, buffer, capacity, timeoutMilliseconds)
    }

    /// Reads event `index` from a buffer filled by ``wait(epoll:buffer:capacity:timeoutMilliseconds:)``.
    static func event(at index: Int, in buffer: UnsafeMutableRawPointer) -> (events: UInt32, data: UInt64) {
        let base = UnsafeRawPointer(buffer) + index * eventStride
        return (
            base.loadUnaligned(as: UInt32.self),
            base.loadUnaligned(fromByteOffset: eventDataOffset, as: UInt64.self)
        )
    }
}
