/// `context.System.person`: the speaker Alexa recognised by voice (personalization), present
/// only when the account has voice profiles and the speaker was recognised.
///
/// With person-level account linking, a recognised speaker who linked their own account carries
/// their own `accessToken`; Amazon's personalization documentation says to prefer it over
/// `context.System.user.accessToken` (the account holder's) when both are present.
public struct Person: Sendable, Hashable {
    /// The recognised speaker's ID for this skill (`amzn1.ask.person.…`).
    public var personId: String
    /// The speaker's own account-linking token, when they linked at the person level.
    public var accessToken: AccessToken?

    /// Creates a person.
    /// - Parameters:
    ///   - personId: the person ID.
    ///   - accessToken: the person-level account-linking token.
    public init(personId: String, accessToken: AccessToken? = nil) {
        self.personId = personId
        self.accessToken = accessToken
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var personId = "", accessToken: AccessToken?
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "personId" {
                personId = try reader.optionalString() ?? ""
            } else if key == "accessToken" {
                accessToken = try reader.optionalString().map { AccessToken($0) }
            } else {
                try reader.skip()
            }
        }
        self.init(personId: personId, accessToken: accessToken)
    }
}
