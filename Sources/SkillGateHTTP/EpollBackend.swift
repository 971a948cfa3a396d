#if os(Linux)
    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Musl)
        import Musl
    #endif
    import CSkillGateSystem

    /// `epoll(7)` through the C shim: connections edge-triggered for input, output and peer
    /// half-close, registered once and never modified; listener and wake-up level-triggered.
    final class EpollBackend: EventBackend {
        private let epollFD: Int32
        private let events: UnsafeMutablePointer<CSkillGateReadyEvent>
        private let capacity = Int32(CSKILLGATE_EPOLL_MAX_EVENTS)

        /// Creates an epoll instance (close-on-exec).
        init() throws(HTTPServerError) {
            let fd = cskillgate_epoll_create()
            guard fd >= 0 else { throw .systemCall("epoll_create1", errno: errno) }
            epollFD = fd
            events = .allocate(capacity: Int(capacity))
            events.initialize(repeating: CSkillGateReadyEvent(token: 0, flags: 0), count: Int(capacity))
        }

        deinit {
            events.deallocate()
        }

        var name: String { "epoll" }

        var needsRearm: Bool { false }

        func register(fd: Int32, token: UInt64, watch: Watch) -> Int32 {
            cskillgate_epoll_add(epollFD, fd, token, watch == .connection ? 1 : 0)
        }

        func rearm(fd: Int32, for interest: Interest) {
            // Edge-triggered: the next transition is reported without asking.
        }

        func deregister(fd: Int32, closing: Bool) {
            // Closing a descriptor removes it from every epoll set.
            guard !closing else { return }
            _ = cskillgate_epoll_remove(epollFD, fd)
        }

        func wait(timeoutMilliseconds: Int32) -> Int {
            Int(cskillgate_epoll_wait(epollFD, events, capacity, timeoutMilliseconds))
        }

        func event(at index: Int) -> ReadyEvent {
            let raw = events[index]
            return ReadyEvent(token: raw.token, flags: ReadyFlags(rawValue: raw.flags))
        }

        func close() {
            Platform.closeDescriptor(epollFD)
        }
    }
#endif
