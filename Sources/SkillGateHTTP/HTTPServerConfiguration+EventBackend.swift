extension HTTPServerConfiguration {
    /// The readiness mechanism the event loops wait on.
    public enum EventBackend: String, Sendable, CaseIterable {
        /// `epoll` on Linux, `poll` elsewhere.
        case automatic
        /// Linux `epoll(7)`, edge-triggered; a configuration error on other platforms.
        case epoll
        /// POSIX `poll(2)`, available everywhere.
        case poll

        /// Whether this platform has `epoll`.
        public static var isEpollAvailable: Bool {
            #if os(Linux)
                true
            #else
                false
            #endif
        }

        /// The backend that runs: ``automatic`` becomes ``epoll`` or ``poll``.
        /// - Throws: ``HTTPServerError`` (invalid configuration) for ``epoll`` where it does not exist.
        func resolved() throws(HTTPServerError) -> EventBackend {
            switch self {
            case .automatic: return Self.isEpollAvailable ? .epoll : .poll
            case .epoll:
                guard Self.isEpollAvailable else { throw .invalidConfiguration(Self.epollUnavailable) }
                return .epoll
            case .poll: return .poll
            }
        }

        static let epollUnavailable =
            "eventBackend .epoll needs Linux, and this platform has no epoll; use .automatic or .poll"
    }
}
