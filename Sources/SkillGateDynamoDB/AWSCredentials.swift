public import SkillGateCore

/// AWS credentials for signing requests (Signature Version 4).
///
/// The secret key and session token never print: `print`, interpolation, `debugPrint` and
/// `dump` show only the first characters of the access key ID. Read them from the environment
/// in the program's `main` or the skill's `init` with ``environment(_:)`` and pass the value in.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The access key ID (`AKIA…` for long-term keys, `ASIA…` for temporary ones).
    public let accessKeyId: String
    /// The secret access key; only the signer reads it.
    let secretAccessKey: String
    /// The session token of temporary credentials (Lambda, `aws sts`, SSO), sent as `X-Amz-Security-Token`.
    let sessionToken: String?

    /// Creates credentials.
    /// - Parameters:
    ///   - accessKeyId: the access key ID.
    ///   - secretAccessKey: the secret access key.
    ///   - sessionToken: the session token, for temporary credentials.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The credentials the AWS SDKs read from the environment: `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY` and, for temporary credentials, `AWS_SESSION_TOKEN` (which is
    /// what Lambda sets for the function's role).
    /// - Parameter environment: the process environment.
    /// - Returns: the credentials.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.invalidConfiguration` naming the missing variable.
    public static func environment(_ environment: [String: String]) throws(PersistenceError) -> AWSCredentials {
        guard let keyID = environment["AWS_ACCESS_KEY_ID"], !keyID.isEmpty else {
            throw PersistenceError(.invalidConfiguration, "AWS_ACCESS_KEY_ID is not set; DynamoDB needs AWS credentials")
        }
        guard let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty else {
            throw PersistenceError(.invalidConfiguration, "AWS_SECRET_ACCESS_KEY is not set; DynamoDB needs AWS credentials")
        }
        return AWSCredentials(accessKeyId: keyID, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"])
    }

    /// `AWSCredentials(AKID…, secret redacted[, session token redacted])`.
    public var description: String {
        "AWSCredentials(\(accessKeyId.prefix(4))…, secret redacted\(sessionToken == nil ? "" : ", session token redacted"))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with no children, so `dump` and reflection show nothing secret.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
