package import SkillGateModel

/// A recorded request: a bare envelope (`{"version":…,"request":{…}}`) or a wrapped one
/// (`{"envelope":{…},"expect":{…}}`), plus an optional sidecar `NAME.expected.json` beside it.
package struct RequestDocument {
    /// The file (rewritten by `--update` for wrapped files).
    package let file: ReplayFile
    /// Whether the envelope is wrapped in `{"envelope":…}`.
    package let isWrapped: Bool
    /// The request envelope to send.
    package let envelope: JSONValue
    /// The inline `expect` object, if any.
    package let inline: Expectation?
    /// Where the sidecar is or would be.
    package let sidecarPath: String
    /// The sidecar's expected answer (a subset), if the file exists.
    package let sidecar: JSONValue?

    /// The sidecar path for a request file: `X.json` → `X.expected.json`.
    /// - Parameter path: the request file.
    package static func sidecarPath(for path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".expected.json"
    }

    /// Reads a request file and its sidecar.
    /// - Parameter file: the file.
    /// - Throws: ``CLIError`` `.io` for a malformed file or sidecar.
    package init(_ file: ReplayFile) throws(CLIError) {
        self.file = file
        let (path, json) = (file.path, file.json)
        sidecarPath = Self.sidecarPath(for: path)
        if let wrapped = json["envelope"] {
            guard wrapped["request"]?.objectValue != nil else {
                throw .io("\(path): \"envelope\" must be a request envelope with a \"request\" object")
            }
            for key in json.objectValue?.keys ?? [] where !["envelope", "expect", "comment"].contains(key) {
                throw .io("\(path): unknown member \"\(key)\"; a wrapped request file has \"envelope\", \"expect\" and \"comment\"")
            }
            isWrapped = true
            envelope = wrapped
            inline = try json["expect"].map { value throws(CLIError) in try Expectation(json: value, source: path) }
        } else {
            isWrapped = false
            envelope = json
            inline = nil
        }
        // Spelled out: a bare `nil` here would become JSONValue.null (JSONValue is ExpressibleByNilLiteral).
        if FileSystem.exists(sidecarPath) {
            sidecar = .some(try FileSystem.readJSON(sidecarPath))
        } else {
            sidecar = .none
        }
    }

    /// Whether the file says what to expect.
    package var hasExpectations: Bool { inline != nil || sidecar != nil }

    /// The envelope with a fresh timestamp and request ID (`--refresh-timestamps`).
    package func refreshedEnvelope() -> JSONValue { Self.refreshed(envelope) }

    /// An envelope with a fresh timestamp and request ID (and event times, for skill events).
    /// - Parameter envelope: a recorded envelope.
    package static func refreshed(_ envelope: JSONValue) -> JSONValue {
        guard case .object(var root) = envelope, case .object(var request)? = root["request"] else { return envelope }
        let now = RequestTimestamp.now().iso8601
        request["timestamp"] = .string(now)
        request["requestId"] = .string(RequestSpec.newRequestID())
        for key in ["eventCreationTime", "eventPublishingTime"] where request[key] != nil {
            request[key] = .string(now)
        }
        root["request"] = .object(request)
        return .object(root)
    }
}
