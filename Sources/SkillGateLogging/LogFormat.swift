import SkillGateModel

/// How a ``Logger`` writes its lines.
///
/// Both formats put one message on one line and start with the time it was logged (RFC 3339, UTC,
/// milliseconds).
public enum LogFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// `2025-06-01T12:34:56.789Z INFO [label] message key=value …`, metadata sorted by key.
    case text
    /// One JSON object per line, for CloudWatch and other collectors:
    /// `{"ts":"2025-06-01T12:34:56.789Z","level":"info","label":"…","message":"…","key":"value",…}`.
    /// Metadata keys follow in sorted order; one that would clash with `ts`, `level`, `label` or
    /// `message` is written with a leading `_`.
    case json

    /// Parses `text` or `json` (case-insensitive); nil for anything else.
    /// - Parameter name: the format's name.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// The format's name: `text` or `json`.
    public var description: String { rawValue }
}

/// One message, ready to be written in either ``LogFormat``.
struct LogRecord {
    /// When it was logged, RFC 3339 UTC with milliseconds.
    var timestamp: String
    /// Its severity.
    var level: Logger.Level
    /// The logger's label.
    var label: String
    /// The message text.
    var message: String
    /// The logger's metadata merged with the message's.
    var metadata: Logger.Metadata

    /// The keys the JSON format writes itself.
    private static let reservedKeys: Set<String> = ["ts", "level", "label", "message"]

    /// The record as one line (without the newline).
    /// - Parameter format: text or JSON.
    func line(in format: LogFormat) -> String {
        switch format {
        case .text: textLine
        case .json: jsonLine
        }
    }

    /// `TIMESTAMP LEVEL [label] message key=value …`; a control character in the message or the
    /// metadata is written as an escape (`\n`, `\u{1B}`), so a message never spans lines.
    var textLine: String {
        var line = ""
        line.reserveCapacity(timestamp.utf8.count + label.utf8.count + message.utf8.count + 16 + metadata.count * 32)
        line += timestamp
        line += " "
        line += Self.upperCaseNames[level.rawValue]
        line += " ["
        line += Self.oneLine(label)
        line += "] "
        line += Self.oneLine(message)
        guard !metadata.isEmpty else { return line }
        for key in metadata.keys.sorted() {
            line += " "
            line += Self.oneLine(key)
            line += "="
            line += Self.oneLine(metadata[key] ?? "")
        }
        return line
    }

    /// `INFO`, `WARNING`, … indexed by the level's raw value (built once, not per line).
    private static let upperCaseNames = Logger.Level.allCases.map { $0.description.uppercased() }

    /// `text` with its control characters escaped; `text` itself when it has none (the usual case).
    static func oneLine(_ text: String) -> String {
        // A native string is scanned as a buffer: the UTF-8 view's iterator costs several times more.
        let isControl = { (byte: UInt8) in byte < 0x20 || byte == 0x7F }
        let clean = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: isControl) } ?? !text.utf8.contains(where: isControl)
        guard !clean else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `{"ts":…,"level":…,"label":…,"message":…, metadata…}`, escaped by ``SkillGateModel/JSONWriter``.
    var jsonLine: String {
        var writer = JSONWriter(capacity: 96 + message.utf8.count)
        writer.beginObject()
        writer.key("ts")
        writer.string(timestamp)
        writer.key("level")
        writer.string(level.description)
        writer.key("label")
        writer.string(label)
        writer.key("message")
        writer.string(message)
        let members = metadata.map { key, value in (Self.reservedKeys.contains(key) ? "_" + key : key, value) }
        for (key, value) in members.sorted(by: { $0.0 < $1.0 }) {
            writer.key(key)
            writer.string(value)
        }
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
