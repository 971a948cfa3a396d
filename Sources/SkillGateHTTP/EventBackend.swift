import CSkillGateSystem

/// The readiness mechanism an ``EventLoop`` waits on: `epoll` on Linux, `poll(2)` everywhere.
///
/// Connections see edge semantics on every backend: a readiness is reported once, and the
/// connection asks for more with ``rearm(fd:for:)`` after it has read or written until `EAGAIN`.
/// Edge-triggered epoll re-reports on new transitions by itself (``needsRearm`` is false); the
/// level-triggered poll backend stops watching what it reported until it is re-armed, so a
/// connection that is busy answering, or has no output pending, never makes it spin.
/// A backend is used only on its loop's thread.
protocol EventBackend: AnyObject {
    /// The backend's name for logs: `epoll` or `poll`.
    var name: String { get }
    /// Whether connections must call ``rearm(fd:for:)`` after draining input or hitting `EAGAIN` on output.
    var needsRearm: Bool { get }
    /// Starts watching `fd`; its events carry `token`.
    /// - Returns: 0, or the error number.
    func register(fd: Int32, token: UInt64, watch: Watch) -> Int32
    /// Asks to hear once more about `interest` on a ``Watch/connection`` descriptor.
    func rearm(fd: Int32, for interest: Interest)
    /// Stops watching `fd`; `closing` tells that the caller closes it next (epoll then needs no call).
    func deregister(fd: Int32, closing: Bool)
    /// Waits up to `timeoutMilliseconds` for readiness.
    /// - Returns: how many events ``event(at:)`` can read, or -1 with `errno` set.
    func wait(timeoutMilliseconds: Int32) -> Int
    /// The `index`th event of the last ``wait(timeoutMilliseconds:)``.
    func event(at index: Int) -> ReadyEvent
    /// Releases the backend's own descriptors.
    func close()
}

/// How a descriptor is watched.
enum Watch {
    /// Input, level-triggered: the listening socket and the wake-up channel, always drained.
    case input
    /// Input and output with edge semantics (see ``EventBackend``): a client connection.
    case connection
}

/// What a connection asks to hear about again.
struct Interest: OptionSet {
    let rawValue: UInt8
    /// More input can be read.
    static let read = Interest(rawValue: 1)
    /// Output can be written again.
    static let write = Interest(rawValue: 2)
}

/// What was reported for one descriptor.
struct ReadyFlags: OptionSet {
    let rawValue: UInt32
    /// Input (or end of input) can be read.
    static let readable = ReadyFlags(rawValue: UInt32(CSKILLGATE_READY_READABLE))
    /// Output can be written.
    static let writable = ReadyFlags(rawValue: UInt32(CSKILLGATE_READY_WRITABLE))
    /// The socket has a pending error.
    static let error = ReadyFlags(rawValue: UInt32(CSKILLGATE_READY_ERROR))
    /// Both directions are shut.
    static let hangUp = ReadyFlags(rawValue: UInt32(CSKILLGATE_READY_HANG_UP))
    /// The peer shut its sending side.
    static let readHangUp = ReadyFlags(rawValue: UInt32(CSKILLGATE_READY_READ_HANG_UP))
}

/// One readiness report.
struct ReadyEvent {
    /// The token the descriptor was registered with.
    var token: UInt64
    /// What is ready.
    var flags: ReadyFlags
}

/// Creates the backend a configuration asks for.
/// - Throws: ``HTTPServerError`` when the system refuses to create it.
func makeEventBackend(_ kind: HTTPServerConfiguration.EventBackend) throws(HTTPServerError) -> any EventBackend {
    switch try kind.resolved() {
    case .epoll:
        #if os(Linux)
            return try EpollBackend()
        #else
            throw HTTPServerError.invalidConfiguration(HTTPServerConfiguration.EventBackend.epollUnavailable)
        #endif
    case .automatic, .poll:
        return PollBackend()
    }
}
