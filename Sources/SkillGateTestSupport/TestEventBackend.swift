public import SkillGateHTTP
import SkillGateSystem

extension HTTPServerConfiguration.EventBackend {
    /// The backend named by `SKILLGATE_EVENT_BACKEND` (`automatic`, `epoll` or `poll`; unset means
    /// automatic), so CI can run the tests over each backend. An unknown name is reported on
    /// stderr and runs the automatic backend.
    public static let fromTestEnvironment: HTTPServerConfiguration.EventBackend = {
        guard let name = ProcessEnvironment.read()["SKILLGATE_EVENT_BACKEND"], !name.isEmpty else { return .automatic }
        guard let backend = HTTPServerConfiguration.EventBackend(rawValue: name) else {
            StandardStreams.printError("SKILLGATE_EVENT_BACKEND=\(name) is not an event backend (automatic, epoll, poll); using automatic")
            return .automatic
        }
        return backend
    }()
}
