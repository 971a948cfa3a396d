#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateHTTP

extension HTTPServerConfiguration.EventBackend {
    /// The backend named by `SKILLGATE_EVENT_BACKEND` (`automatic`, `epoll` or `poll`; unset means
    /// automatic), so CI can run the tests over each backend.
    static let fromTestEnvironment: HTTPServerConfiguration.EventBackend = {
        guard let raw = getenv("SKILLGATE_EVENT_BACKEND") else { return .automatic }
        let name = String(cString: raw)
        guard let backend = HTTPServerConfiguration.EventBackend(rawValue: name) else {
            fatalError("SKILLGATE_EVENT_BACKEND=\(name) is not an event backend: use automatic, epoll or poll")
        }
        return backend
    }()
}
