import SkillGateSystem

/// A small logger shaped like swift-log's `Logger`, writing one line per message to standard error.
///
/// Loggers are values: pass them in, never create them deep in library code. Standard output is
/// left alone, so a skill in stdio mode prints responses only.
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
    /// Metadata added to every message from this logger.
    public var metadata: Metadata
    private let sink: Sink

    /// Creates a logger.
    /// - Parameters:
    ///   - label: the component name printed with every line.
    ///   - logLevel: the lowest level written; `.info` by default.
    ///   - metadata: pairs added to every message.
    ///   - sink: where lines go; standard error by default.
    public init(label: String, logLevel: Level = .info, metadata: Metadata = [:], sink: Sink? = nil) {
        self.label = label
        self.logLevel = logLevel
        self.metadata = metadata
        self.sink = sink ?? Logger.standardError
    }

    /// A logger that drops every message.
    public static var disabled: Logger { Logger(label: "disabled", logLevel: .critical, sink: { _ in }) }

    /// Writes a line to standard error through ``SkillGateSystem/StandardStreams``, in one `write`
    /// call (short of a partial write), so lines from threads never interleave.
    public static let standardError: Sink = { line in StandardStreams.printError(line) }

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
        var line = "\(level.description.uppercased()) [\(label)] \(message())"
        var merged = self.metadata
        if let extra = metadata() { merged.merge(extra) { _, new in new } }
        if !merged.isEmpty {
            for key in merged.keys.sorted() {
                line += " \(key)=\(merged[key] ?? "")"
            }
        }
        sink(line)
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

/// Shortens a secret for logs: only its last four characters are shown.
/// - Parameter secret: a token, key or password.
/// - Returns: `…abcd`, or `…` for a secret of four characters or fewer.
public func redacted(_ secret: String) -> String {
    secret.count > 4 ? "…" + String(secret.suffix(4)) : "…"
}
