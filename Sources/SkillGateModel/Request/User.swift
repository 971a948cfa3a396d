/// The Amazon account using the skill (`context.System.user`, `session.user`).
public struct User: Sendable, Hashable {
    /// The user's ID for this skill.
    public var userId: String
    /// The account-linking access token; absent when the user has not linked.
    public var accessToken: AccessToken?
    /// The customer permissions the request reports (`permissions`).
    public var permissions: Permissions?

    /// The consent token for customer permissions the user granted (`permissions.consentToken`).
    public var consentToken: AccessToken? { permissions?.consentToken }

    /// Creates a user.
    /// - Parameters:
    ///   - userId: the user ID.
    ///   - accessToken: the account-linking token.
    ///   - consentToken: the permissions consent token.
    ///   - scopes: per-scope grant statuses, e.g. `["alexa::devices:all:geolocation:read": "GRANTED"]`.
    public init(userId: String, accessToken: AccessToken? = nil, consentToken: AccessToken? = nil, scopes: [String: String] = [:]) {
        self.userId = userId
        self.accessToken = accessToken
        self.permissions = consentToken == nil && scopes.isEmpty ? nil : Permissions(consentToken: consentToken, scopes: scopes)
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var userId = "", accessToken: AccessToken?, permissions: Permissions?
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "userId" {
                userId = try reader.optionalString() ?? ""
            } else if key == "accessToken" {
                accessToken = try reader.optionalString().map { AccessToken($0) }
            } else if key == "permissions" {
                permissions = try reader.optional { reader throws(RequestDecodingError) in try Permissions(reader: &reader) }
            } else {
                try reader.skip()
            }
        }
        self.userId = userId
        self.accessToken = accessToken
        self.permissions = permissions
    }
}
