/// The whole JSON body Alexa POSTs to a custom skill.
///
/// Stored in one shared immutable box (copy-on-write, as swift-nio's `HTTPRequestHead` is): the runner
/// hands the envelope from stage to stage, and a copy is then one retain instead of one per
/// string, token and dictionary inside it. Value semantics are unchanged; a setter builds a new
/// box (setters are rare: decoding builds the box once).
public struct RequestEnvelope: Sendable, Hashable {
    /// Immutable, so reading needs no exclusivity check; a setter builds a new box.
    private final class Storage: Sendable {
        let version: String
        let session: Session?
        let context: Context?
        let request: Request

        init(version: String, session: Session?, context: Context?, request: Request) {
            self.version = version
            self.session = session
            self.context = context
            self.request = request
        }

        func with(version: String? = nil, session: Session?? = nil, context: Context?? = nil, request: Request? = nil) -> Storage {
            Storage(
                version: version ?? self.version, session: session ?? self.session, context: context ?? self.context,
                request: request ?? self.request)
        }
    }

    private var storage: Storage

    /// The envelope version, `1.0`.
    public var version: String {
        get { storage.version }
        set { storage = storage.with(version: newValue) }
    }

    /// The session; absent for out-of-session requests.
    public var session: Session? {
        get { storage.session }
        set { storage = storage.with(session: newValue) }
    }

    /// The device and service context.
    public var context: Context? {
        get { storage.context }
        set { storage = storage.with(context: newValue) }
    }

    /// The request itself.
    public var request: Request {
        get { storage.request }
        set { storage = storage.with(request: newValue) }
    }

    /// Creates an envelope.
    /// - Parameters:
    ///   - version: the version.
    ///   - session: the session.
    ///   - context: the context.
    ///   - request: the request.
    public init(version: String = "1.0", session: Session? = nil, context: Context? = nil, request: Request) {
        self.storage = Storage(version: version, session: session, context: context, request: request)
    }

    /// Two envelopes are equal when their version, session, context and request are.
    public static func == (lhs: RequestEnvelope, rhs: RequestEnvelope) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.version == rhs.version && lhs.session == rhs.session && lhs.context == rhs.context && lhs.request == rhs.request
    }

    /// Hashes the version, session, context and request.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(version)
        hasher.combine(session)
        hasher.combine(context)
        hasher.combine(request)
    }

    /// Decodes an envelope from JSON bytes in one streaming pass: only the members SkillGate
    /// models are built; everything else is validated and skipped. Unknown members are ignored; an
    /// unknown request type decodes as ``Request/unknown(type:raw:)``.
    /// - Parameter bytes: the UTF-8 JSON body.
    /// - Throws: ``RequestDecodingError`` naming the field (or the JSON syntax error).
    public init(jsonBytes bytes: some Collection<UInt8>) throws(RequestDecodingError) {
        if let array = bytes as? [UInt8] {
            self = try array.withUnsafeBufferPointer { buffer throws(RequestDecodingError) in
                try RequestEnvelope(buffer: buffer, owner: array)
            }
            return
        }
        let decoded: Result<RequestEnvelope, RequestDecodingError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(RequestDecodingError) in try RequestEnvelope(buffer: buffer) }
        }
        if let decoded {
            self = try decoded.get()
            return
        }
        let copy = Array(bytes)
        self = try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(RequestDecodingError) in try RequestEnvelope(buffer: buffer) }
        }.get()
    }

    /// Decodes an envelope from a parsed JSON value.
    /// - Parameter json: the envelope object.
    /// - Throws: ``RequestDecodingError`` naming the field.
    public init(json: JSONValue) throws(RequestDecodingError) {
        try self.init(jsonBytes: json.jsonBytes)
    }

    private init(buffer: UnsafeBufferPointer<UInt8>, owner: [UInt8]? = nil) throws(RequestDecodingError) {
        var reader = JSONReader(buffer, owner: owner)
        reader.skipByteOrderMark()
        reader.skipWhitespace()
        guard !reader.isAtEnd else { throw RequestDecodingError(syntax: JSONParseError(.empty, at: 0)) }
        let first = buffer[reader.offset]
        guard first == UInt8(ascii: "{") else {
            // Not an object: say whether it is JSON at all (`this is not JSON` is not "a boolean").
            let parsed: JSONValue
            do throws(JSONParseError) {
                parsed = try JSONParser.parse(buffer)
            } catch {
                throw RequestDecodingError(syntax: error)
            }
            throw RequestDecodingError(path: "", problem: "the request body must be a JSON object, found \(parsed.kindName)")
        }
        var version = "1.0"
        var session: Session?, context: Context?, request: Request?
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "version" {
                version = try reader.optionalString() ?? "1.0"
            } else if key == "session" {
                session = try reader.optional { reader throws(RequestDecodingError) in try Session(reader: &reader) }
            } else if key == "context" {
                context = try reader.optional { reader throws(RequestDecodingError) in try Context(reader: &reader) }
            } else if key == "request" {
                request = try reader.optional { reader throws(RequestDecodingError) in try Request(reader: &reader) }
            } else {
                try reader.skip()
            }
        }
        reader.skipWhitespace()
        guard reader.isAtEnd else { throw RequestDecodingError(syntax: JSONParseError(.trailingData, at: reader.offset)) }
        guard let request else { throw RequestDecodingError(path: "request", problem: "is missing") }
        self.init(version: version, session: session, context: context, request: request)
    }

    /// The account-linking access token and where it came from, in this order:
    /// `context.System.person.accessToken` (a recognised speaker who linked their own account),
    /// else `context.System.user.accessToken`, else `session.user.accessToken`. An empty string
    /// counts as absent. See ``AccessTokenSource``.
    public var linkingToken: (token: AccessToken, source: AccessTokenSource)? {
        if let token = context?.system.person?.accessToken, !token.isEmpty { return (token, .person) }
        if let token = context?.system.user?.accessToken, !token.isEmpty { return (token, .user) }
        if let token = session?.user?.accessToken, !token.isEmpty { return (token, .session) }
        return nil
    }

    /// The account-linking access token (``linkingToken`` without its source).
    public var accessToken: AccessToken? { linkingToken?.token }

    /// The recognised speaker, when Alexa recognised one (`context.System.person`).
    public var person: Person? { context?.system.person }

    /// The skill ID the request is for: `context.System.application`, falling back to `session.application`.
    public var applicationId: String? {
        if let id = context?.system.application?.applicationId, !id.isEmpty { return id }
        if let id = session?.application?.applicationId, !id.isEmpty { return id }
        return nil
    }

    /// The user: `context.System.user`, falling back to `session.user`.
    public var user: User? { context?.system.user ?? session?.user }

    /// The request's locale, e.g. `en-US`.
    public var locale: String? { request.header.locale }
}

extension RequestEnvelope: CustomReflectable {
    /// The envelope's members, as if stored directly (descriptions and `dump` show them, not the box).
    public var customMirror: Mirror {
        Mirror(
            self, children: ["version": version, "session": session as Any, "context": context as Any, "request": request],
            displayStyle: .struct)
    }
}
