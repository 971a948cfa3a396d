import SkillGateLogging
import Synchronization

/// Everything the event loops share: configuration, responder, logger and connection counters.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let limits: ParserLimits
    let responder: any HTTPResponder
    let logger: Logger
    let headerTimeout: UInt64
    let readTimeout: UInt64
    let writeTimeout: UInt64
    let idleTimeout: UInt64
    /// Client connections counted against ``HTTPServerConfiguration/maxConnections`` (not those being closed).
    let activeConnections = Atomic<Int>(0)

    /// How long a closing connection may keep sending before it is dropped.
    static let lingerTimeout: UInt64 = 2_000_000_000
    /// The largest output buffer kept between requests.
    static let retainedOutputCapacity = 64 * 1024
    /// Unwritten output above which a connection writes at once instead of batching.
    static let outputHighWater = 64 * 1024
    /// The read buffer's starting size.
    static let initialInputCapacity = 4096

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.limits = ParserLimits(
            maxRequestLineBytes: configuration.maxRequestLineBytes,
            maxHeaderBytes: configuration.maxHeaderBytes,
            maxHeaderCount: configuration.maxHeaderCount,
            maxBodyBytes: configuration.maxBodyBytes
        )
        self.responder = responder
        self.logger = logger
        self.headerTimeout = configuration.headerTimeout.nanoseconds
        self.readTimeout = configuration.readTimeout.nanoseconds
        self.writeTimeout = configuration.writeTimeout.nanoseconds
        self.idleTimeout = configuration.idleTimeout.nanoseconds
    }

    /// The most bytes a read buffer may hold while a head is incomplete.
    var inputLimit: Int {
        configuration.maxRequestLineBytes + configuration.maxHeaderBytes + 4096
    }
}
