public import Foundation

/// A skill's account-linking settings as the ASK CLI keeps them in `skill-package/accountLinking.json`:
/// `{"accountLinkingRequest": {"type", "authorizationUrl", "accessTokenUrl", "clientId", "accessTokenScheme",
/// "defaultTokenExpirationInSeconds", "domains", "scopes", "skipOnEnablement", "authorizationUrlsByPlatform"}}`
/// (SMAPI's `accountLinkingResponse`, which adds `redirectUrls`, is read too).
///
/// Values are kept as written; the `skill-package` check says which ones Alexa would refuse.
public struct AccountLinkingConfig: Sendable, Equatable {
    /// The file that was read.
    public var path: String
    /// `type` as written (`AUTH_CODE` or `IMPLICIT`).
    public var type: String?
    /// `authorizationUrl`.
    public var authorizationURL: String?
    /// `accessTokenUrl`.
    public var accessTokenURL: String?
    /// `clientId`.
    public var clientID: String?
    /// `clientSecret`, when the file holds one (it should not: the file is usually committed).
    public var clientSecret: String?
    /// `accessTokenScheme` as written (`HTTP_BASIC` or `REQUEST_BODY_CREDENTIALS`).
    public var accessTokenScheme: String?
    /// `defaultTokenExpirationInSeconds`.
    public var defaultTokenExpirationInSeconds: Double?
    /// `domains`.
    public var domains: [String]
    /// `scopes`.
    public var scopes: [String]
    /// `skipOnEnablement`.
    public var skipOnEnablement: Bool?
    /// `authorizationUrlsByPlatform`: platform type to URL.
    public var authorizationURLsByPlatform: [String: String]
    /// `redirectUrls` (in SMAPI's answer; absent from files the ASK CLI writes).
    public var redirectURLs: [String]

    /// The linking type, when `type` is one Alexa knows.
    public var linkingType: LinkingType? { type.flatMap(LinkingType.init(rawValue:)) }

    /// The Client Authentication Scheme, when `accessTokenScheme` is one Alexa knows.
    public var scheme: AccessTokenScheme? { accessTokenScheme.flatMap(AccessTokenScheme.init(rawValue:)) }

    /// Reads `accountLinking.json`: `path` may name the file, a `skill-package` folder, or the project folder
    /// holding `skill-package/`.
    /// - Parameter path: the file or folder.
    /// - Throws: ``DoctorUsageError/unreadableFile(option:path:reason:)`` or
    ///   ``DoctorUsageError/invalidSkillPackage(path:reason:)``.
    public static func read(_ path: String) throws(DoctorUsageError) -> AccountLinkingConfig {
        let candidates = [path, path + "/accountLinking.json", path + "/skill-package/accountLinking.json"]
        var isFolder: ObjCBool = false
        guard
            let file = candidates.first(where: {
                FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue
            }),
            let data = FileManager.default.contents(atPath: file)
        else {
            throw .unreadableFile(
                option: "--skill-package", path: path,
                reason: "no readable accountLinking.json there (give the file, the skill-package folder or the project folder)")
        }
        return try AccountLinkingConfig(json: data, path: file)
    }

    /// Parses the JSON of `accountLinking.json`.
    /// - Parameters:
    ///   - json: the file's bytes.
    ///   - path: the file's path, for messages.
    /// - Throws: ``DoctorUsageError/invalidSkillPackage(path:reason:)`` when it is not such a file.
    public init(json: Data, path: String) throws(DoctorUsageError) {
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw .invalidSkillPackage(path: path, reason: "it is not a JSON object")
        }
        guard let request = (root["accountLinkingRequest"] ?? root["accountLinkingResponse"]) as? [String: Any] else {
            throw .invalidSkillPackage(path: path, reason: "it has no \"accountLinkingRequest\" object")
        }
        self.path = path
        type = request["type"] as? String
        authorizationURL = request["authorizationUrl"] as? String
        accessTokenURL = request["accessTokenUrl"] as? String
        clientID = request["clientId"] as? String
        clientSecret = request["clientSecret"] as? String
        accessTokenScheme = request["accessTokenScheme"] as? String
        defaultTokenExpirationInSeconds = (request["defaultTokenExpirationInSeconds"] as? NSNumber)?.doubleValue
        domains = request["domains"] as? [String] ?? []
        scopes = request["scopes"] as? [String] ?? []
        skipOnEnablement = request["skipOnEnablement"] as? Bool
        redirectURLs = request["redirectUrls"] as? [String] ?? []
        var byPlatform: [String: String] = [:]
        for entry in request["authorizationUrlsByPlatform"] as? [[String: Any]] ?? [] {
            if let platform = entry["platformType"] as? String, let url = entry["platformAuthorizationUrl"] as? String {
                byPlatform[platform] = url
            }
        }
        authorizationURLsByPlatform = byPlatform
    }
}
