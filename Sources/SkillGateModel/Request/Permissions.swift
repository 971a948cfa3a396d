/// `context.System.user.permissions`: what the user granted the skill.
///
/// Requests report consent in two ways: a `consentToken` (present once the user granted any
/// permission that the Device Address or Customer Profile API honours), and, for some
/// permissions only (geolocation, for example), a status per scope in `scopes`.
public struct Permissions: Sendable, Hashable {
    /// The token to call Alexa's permission-gated APIs with; absent before any consent.
    public var consentToken: AccessToken?
    /// The status per scope, e.g. `["alexa::devices:all:geolocation:read": "GRANTED"]`.
    public var scopes: [String: String]

    /// Creates permissions.
    /// - Parameters:
    ///   - consentToken: the consent token.
    ///   - scopes: per-scope statuses (`GRANTED`, `DENIED`).
    public init(consentToken: AccessToken? = nil, scopes: [String: String] = [:]) {
        self.consentToken = consentToken
        self.scopes = scopes
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        self.init()
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "consentToken" {
                consentToken = try reader.optionalString().map { AccessToken($0) }
            } else if key == "scopes" {
                var scopes: [String: String] = [:]
                _ = try reader.optional { reader throws(RequestDecodingError) in
                    try reader.members { reader, scope throws(RequestDecodingError) in
                        var status: String?
                        _ = try reader.optional { reader throws(RequestDecodingError) in
                            try reader.members { reader, field throws(RequestDecodingError) in
                                if field == "status" { status = try reader.optionalString() } else { try reader.skip() }
                            }
                        }
                        scopes[scope.string] = status ?? ""
                    }
                }
                self.scopes = scopes
            } else {
                try reader.skip()
            }
        }
    }
}
