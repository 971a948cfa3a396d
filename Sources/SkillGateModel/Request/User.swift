/// The Amazon account using the skill.
public struct User: Sendable, Hashable {
    /// The user's ID for this skill.
    public var userId: String
    /// The account-linking access token; absent when the user has not linked.
    public var accessToken: String?
    /// The consent token for customer permissions the user granted.
    public var consentToken: String?

    /// Creates a user.
    /// - Parameters:
    ///   - userId: the user ID.
    ///   - accessToken: the account-linking token.
    ///   - consentToken: the permissions consent token.
    public init(userId: String, accessToken: String? = nil, consentToken: String? = nil) {
        self.userId = userId
        self.accessToken = accessToken
        self.consentToken = consentToken
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var userId = "", accessToken: String?, consentToken: String?
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "userId" {
                userId = try reader.optionalString() ?? ""
            } else if key == "accessToken" {
                accessToken = try reader.optionalString()
            } else if key == "permissions" {
                consentToken =
                    try reader.optional { reader throws(RequestDecodingError) in
                        var token: String?
                        try reader.members { reader, key throws(RequestDecodingError) in
                            if key == "consentToken" { token = try reader.optionalString() } else { try reader.skip() }
                        }
                        return token
                    } ?? nil
            } else {
                try reader.skip()
            }
        }
        self.init(userId: userId, accessToken: accessToken, consentToken: consentToken)
    }
}
