/// Limits, timeouts and addresses for an ``HTTPServer``; every field has a production default.
public struct HTTPServerConfiguration: Sendable {
    /// The address to bind: `127.0.0.1` (default), `0.0.0.0` for all IPv4, `::` for all IPv6 (and
    /// IPv4 where the system allows dual-stack), `::1` for IPv6 loopback, or a host name.
    public var host: String
    /// The TCP port; 0 picks a free ephemeral port (``HTTPServer/start()`` returns the real one).
    public var port: Int
    /// The longest accepted request line (method, target, version); longer gets 414.
    public var maxRequestLineBytes: Int
    /// The most bytes of header fields after the request line; more gets 431.
    public var maxHeaderBytes: Int
    /// The most header fields; more gets 431.
    public var maxHeaderCount: Int
    /// The largest accepted body, before or after de-chunking; larger gets 413.
    public var maxBodyBytes: Int
    /// How long a client may take to send a request's head once it has started; then 408.
    public var headerTimeout: Duration
    /// How long a client may take to send a request's body once the head is complete; then 408.
    public var readTimeout: Duration
    /// How long a response may wait for a client that does not read it; then the connection is dropped.
    public var writeTimeout: Duration
    /// How long a kept-alive connection may sit with no request before it is closed silently.
    public var idleTimeout: Duration
    /// The most open connections. At the cap a new connection is admitted by closing the
    /// keep-alive connection idle longest; when none is idle it gets 503 and is closed. The server
    /// lowers the cap at start if the open-file limit (`ulimit -n`) cannot hold it (see
    /// ``HTTPServer/connectionLimits``).
    public var maxConnections: Int
    /// The most open connections from one client IP address; more get 503 and are closed. nil
    /// (the default) allows half of ``maxConnections``, so one address never holds every slot.
    /// Behind a proxy every client has the proxy's address: raise it to ``maxConnections`` there.
    public var maxConnectionsPerClient: Int?
    /// How long ``HTTPServer/shutdown()`` waits for in-flight requests before closing everything.
    public var drainTimeout: Duration
    /// Whether to log one `info` line per request (method, path, status, duration, bytes, log fields).
    public var accessLog: Bool
    /// How many event-loop threads serve connections.
    public var eventLoopCount: Int
    /// The readiness mechanism the event loops wait on: `epoll` on Linux and `poll` elsewhere by default.
    public var eventBackend: EventBackend

    /// The number of online CPU cores (at least 1); the default ``eventLoopCount``.
    public static var defaultEventLoopCount: Int {
        Platform.onlineProcessorCount
    }

    /// Creates a configuration; every parameter has a production default.
    /// - Parameters:
    ///   - host: the address to bind; `127.0.0.1` by default.
    ///   - port: the port; 8080 by default, 0 for an ephemeral port.
    ///   - maxRequestLineBytes: 8 KiB by default.
    ///   - maxHeaderBytes: 16 KiB by default.
    ///   - maxHeaderCount: 100 by default.
    ///   - maxBodyBytes: 1 MiB by default (Alexa request bodies are small).
    ///   - headerTimeout: 10 s by default.
    ///   - readTimeout: 10 s by default.
    ///   - writeTimeout: 10 s by default.
    ///   - idleTimeout: 60 s by default.
    ///   - maxConnections: 1024 by default.
    ///   - maxConnectionsPerClient: nil by default: half of `maxConnections`.
    ///   - drainTimeout: 10 s by default.
    ///   - accessLog: on by default.
    ///   - eventLoopCount: the number of CPU cores by default.
    ///   - eventBackend: ``EventBackend/automatic`` by default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 16 * 1024,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 1024 * 1024,
        headerTimeout: Duration = .seconds(10),
        readTimeout: Duration = .seconds(10),
        writeTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(60),
        maxConnections: Int = 1024,
        maxConnectionsPerClient: Int? = nil,
        drainTimeout: Duration = .seconds(10),
        accessLog: Bool = true,
        eventLoopCount: Int = HTTPServerConfiguration.defaultEventLoopCount,
        eventBackend: EventBackend = .automatic
    ) {
        self.host = host
        self.port = port
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.headerTimeout = headerTimeout
        self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxConnectionsPerClient = maxConnectionsPerClient
        self.drainTimeout = drainTimeout
        self.accessLog = accessLog
        self.eventLoopCount = eventLoopCount
        self.eventBackend = eventBackend
    }

    /// Checks the values; returns the first problem found.
    func validate() throws(HTTPServerError) {
        guard (0...65535).contains(port) else {
            throw .invalidConfiguration("port \(port) is outside 0...65535")
        }
        let sizes = [
            ("maxRequestLineBytes", maxRequestLineBytes), ("maxHeaderBytes", maxHeaderBytes),
            ("maxHeaderCount", maxHeaderCount), ("maxConnections", maxConnections),
            ("eventLoopCount", eventLoopCount),
        ]
        for (name, value) in sizes where value < 1 {
            throw .invalidConfiguration("\(name) must be at least 1 (got \(value))")
        }
        if let perClient = maxConnectionsPerClient, perClient < 1 {
            throw .invalidConfiguration("maxConnectionsPerClient must be at least 1 (got \(perClient)), or nil for half of maxConnections")
        }
        guard maxBodyBytes >= 0 else {
            throw .invalidConfiguration("maxBodyBytes must not be negative (got \(maxBodyBytes))")
        }
        let timeouts = [
            ("headerTimeout", headerTimeout), ("readTimeout", readTimeout), ("writeTimeout", writeTimeout),
            ("idleTimeout", idleTimeout),
        ]
        for (name, value) in timeouts where value <= .zero {
            throw .invalidConfiguration("\(name) must be positive (got \(value))")
        }
        _ = try eventBackend.resolved()
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to `0...Int64.max`.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        guard seconds < 9_000_000_000 else { return UInt64(Int64.max) }
        return UInt64(seconds) * 1_000_000_000 + UInt64(max(attoseconds, 0) / 1_000_000_000)
    }
}
