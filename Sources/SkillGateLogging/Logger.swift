import SkillGateModel

/// A small logger shaped like swift-log's `Logger`, writing one line per message to standard error.
///
/// Loggers are values: pass them in, never create them deep in library code. Standard output is
/// left alone, so a skill in stdio mode prints responses only. Every line starts with the time it
/// was logged (RFC 3339, UTC, milliseconds) and is written as ``LogFormat/text`` or
/// ``LogFormat/json``. Lines for standard error go through ``LogWriter/standardError``, whose
/// thread does the writing: logging never waits on a slow or stalled reader of standard error.
public struct Logger: Sendable {
    /// The severity of a message, lowest first.
    public enum Level: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        /// Very fine-grained detail.
        case trace
        /// Information useful while debugging.
        case debug
        /// Normal operation worth recording.
        case info
        /// Something unusual that is not an error.
        case notice
        /// Something that may become a problem.
        case warning
        /// An operation failed.
        case error
        /// The process cannot go on.
        case critical

        /// Parses a level name such as `info` or `WARNING`; returns nil for an unknown name.
        /// - Parameter name: the level's name, case-insensitive.
        public init?(name: String) {
            guard let level = Level.allCases.first(where: { $0.description == name.lowercased() }) else {
                return nil
            }
            self = level
        }

        /// Orders levels by severity.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The level's lower-case name.
        public var description: String {
            switch self {
            case .trace: "trace"
            case .debug: "debug"
            case .info: "info"
            case .notice: "notice"
            case .warning: "warning"
            case .error: "error"
            case .critical: "critical"
            }
        }
    }

    /// Key-value pairs attached to a message.
    public typealias Metadata = [String: String]

    /// Where formatted lines go.
    public typealias Sink = @Sendable (String) -> Void

    /// The label printed with every line, usually the component's name.
    public var label: String
    /// Messages below this level are dropped.
    public var logLevel: Level
    /// How lines are written: text (the default) or one JSON object per line.
    public var format: LogFormat
    /// Metadata added to every message from this logger.
    public var metadata: Metadata {
        get {
            guard let pending else { return storedMetadata }
            var merged = storedMetadata
            merged[pending.key] = pending.value
            return merged
        }
        set {
            storedMetadata = newValue
            pending = nil
        }
    }
    private var storedMetadata: Metadata
    /// One pair added by ``adding(_:_:)`` and not yet merged into the dictionary: a per-request
    /// logger (the request ID) costs no dictionary unless a line is written.
    private var pending: (key: String, value: String)?
    /// Where lines go; nil: standard error through ``LogWriter/standardError``.
    private let sink: Sink?

    /// Creates a logger.
    /// - Parameters:
    ///   - label: the component name printed with every line.
    ///   - logLevel: the lowest level written; `.info` by default.
    ///   - format: text (the default) or JSON lines.
    ///   - metadata: pairs added to every message.
    ///   - sink: where lines go; standard error (through ``LogWriter/standardError``) by default.
    public init(label: String, logLevel: Level = .info, format: LogFormat = .text, metadata: Metadata = [:], sink: Sink? = nil) {
        self.label = label
        self.logLevel = logLevel
        self.format = format
        self.storedMetadata = metadata
        self.sink = sink
    }

    /// This logger with one more metadata pair (replacing one with the same key).
    /// - Parameters:
    ///   - key: the key, e.g. `requestId`.
    ///   - value: its value.
    public func adding(_ key: String, _ value: String) -> Logger {
        var logger = self
        if let pending = logger.pending { logger.storedMetadata[pending.key] = pending.value }
        logger.pending = (key, value)
        return logger
    }

    /// A logger that drops every message.
    public static var disabled: Logger { Logger(label: "disabled", logLevel: .critical, sink: { _ in }) }

    /// Queues a line for standard error on ``LogWriter/standardError`` and returns at once; the
    /// writer's thread writes whole lines, so lines from threads never interleave.
    public static let standardError: Sink = { line in LogWriter.standardError.enqueue(line) }

    /// Whether a message at `level` would be written.
    /// - Parameter level: the level to test.
    public func isEnabled(_ level: Level) -> Bool { level >= logLevel }

    /// Logs a message.
    /// - Parameters:
    ///   - level: the message's severity.
    ///   - message: the text, built only when the level is enabled.
    ///   - metadata: extra pairs for this message.
    public func log(level: Level, _ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata? = nil) {
        guard level >= logLevel else { return }
        var merged = self.metadata
        if let extra = metadata() { merged.merge(extra) { _, new in new } }
        let record = LogRecord(timestamp: LogClock.timestamp(), level: level, label: label, message: message(), metadata: merged)
        let line = record.line(in: format)
        if let sink {
            sink(line)
        } else {
            LogWriter.standardError.enqueue(line, format: format)
            // The process may be about to end: give the line a moment to reach standard error.
            if level == .critical { LogWriter.standardError.flush(timeout: .seconds(1)) }
        }
    }

    /// Logs at `.trace`. - Parameters: message and metadata as in ``log(level:_:metadata:)``.
    public func trace(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata? = nil) {
        log(level: .trace, message(), metadata: metadata())
    }

    /// Logs at `.debug`. - Parameters: message and metadata as in ``log(level:_:metadata:)``.
    public func debug(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata? = nil) {
        log(level: .debug, message(), metadata: metadata())
    }

    /// Logs at `.info`. - Parameters: message and metadata as in ``log(level:_:metadata:)``.
    public func info(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata? = nil) {
        log(level: .info, message(), metadata: metadata())
    }

    /// Logs at `.notice`. - Parameters: message and metadata as in ``log(level:_:metadata:)``.
    public func notice(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata? = nil) {
        log(level: .notice, message(), metadata: metadata())
    }

    /// Logs at `.warning`. - Parameters: message and metadata as in ``log(level:_:metadata:)``.
    public func warning(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata? = nil) {
        log(level: .warning, message(), metadata: metadata())
    }

    /// Logs at `.error`. - Parameters: message and metadata as in ``log(level:_:metadata:)``.
    public func error(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata? = nil) {
        log(level: .error, message(), metadata: metadata())
    }

    /// Logs at `.critical`. - Parameters: message and metadata as in ``log(level:_:metadata:)``.
    public func critical(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata? = nil) {
        log(level: .critical, message(), metadata: metadata())
    }
}

/// The wall clock for log lines.
enum LogClock {
    /// Now, RFC 3339 in UTC with milliseconds: `2025-06-01T12:34:56.789Z`.
    static func timestamp() -> String { RequestTimestamp.now().iso8601 }
}

/// Shortens a secret for logs: only its last four characters are shown.
/// - Parameter secret: a token, key or password.
/// - Returns: `…abcd`, or `…` for a secret of four characters or fewer.
public func redacted(_ secret: String) -> String {
    secret.count > 4 ? "…" + String(secret.suffix(4)) : "…"
}
