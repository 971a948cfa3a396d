/// The `session` object: present for requests inside a conversation, absent for out-of-session
/// requests (AudioPlayer.*, PlaybackController.*, skill events).
public struct Session: Sendable, Hashable {
    /// `true` on the first request of a session.
    public var isNew: Bool
    /// The session's ID, the same for every turn.
    public var sessionId: String
    /// The skill the session belongs to.
    public var application: Application?
    /// Attributes the skill returned on the previous turn.
    public var attributes: JSONObject
    /// The user, with the account-linking token when the user has linked.
    public var user: User?

    /// Creates a session.
    /// - Parameters:
    ///   - isNew: whether this is the first turn.
    ///   - sessionId: the session's ID.
    ///   - application: the skill's application.
    ///   - attributes: session attributes.
    ///   - user: the user.
    public init(isNew: Bool, sessionId: String, application: Application? = nil, attributes: JSONObject = [:], user: User? = nil) {
        self.isNew = isNew
        self.sessionId = sessionId
        self.application = application
        self.attributes = attributes
        self.user = user
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var isNew = false, sessionId = "", attributes: JSONObject = [:]
        var application: Application?, user: User?
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "new" {
                isNew = try reader.optionalBool() ?? false
            } else if key == "sessionId" {
                sessionId = try reader.optionalString() ?? ""
            } else if key == "application" {
                application = try reader.optional { reader throws(RequestDecodingError) in try Application(reader: &reader) }
            } else if key == "attributes" {
                attributes = try reader.optionalJSONObject() ?? [:]
            } else if key == "user" {
                user = try reader.optional { reader throws(RequestDecodingError) in try User(reader: &reader) }
            } else {
                try reader.skip()
            }
        }
        self.init(isNew: isNew, sessionId: sessionId, application: application, attributes: attributes, user: user)
    }
}
