import Foundation
import SkillGateDoctor

extension FakeServer {
    /// `http://127.0.0.1:PORT/authorize`.
    var authorizationURL: String { "http://127.0.0.1:\(port)/authorize" }

    /// The fields of an `accountLinkingRequest` for this fake (AUTH_CODE, HTTP Basic, the listed CDN domain),
    /// with `changes` applied (a value of `NSNull()` removes a field).
    func accountLinking(_ changes: [String: Any] = [:]) -> [String: Any] {
        var fields: [String: Any] = [
            "type": "AUTH_CODE", "authorizationUrl": authorizationURL, "accessTokenUrl": tokenURL.absoluteString,
            "clientId": endpoint.clientID, "accessTokenScheme": "HTTP_BASIC", "defaultTokenExpirationInSeconds": 3600,
            "domains": [FakeTokenEndpoint.listedDomain], "scopes": ["profile", "rides:order"], "skipOnEnablement": false,
        ]
        for (name, value) in changes { fields[name] = value is NSNull ? nil : value }
        return fields
    }

    /// Writes `{"accountLinkingRequest": fields}` to `skill-package/accountLinking.json` in a new temporary
    /// project folder, runs `body` with the folder, and removes it.
    static func withSkillPackage<T>(_ fields: [String: Any], _ body: (String) async throws -> T) async throws -> T {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-doctor-skill-\(UUID().uuidString)")
        let folder = project.appendingPathComponent("skill-package")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        let data = try JSONSerialization.data(withJSONObject: ["accountLinkingRequest": fields], options: [.prettyPrinted])
        try data.write(to: folder.appendingPathComponent("accountLinking.json"))
        return try await body(project.path)
    }

    /// Options parsed from a command line naming a skill package, with the secret in the environment and
    /// generous timing thresholds.
    func packageOptions(_ project: String, _ arguments: [String] = []) throws -> DoctorOptions {
        var options = try Doctor.parseArguments(
            ["--skill-package", project, "--vendor-id", "M2AAAAAAAAAAAA"] + arguments,
            environment: [Doctor.clientSecretVariable: endpoint.clientSecret])
        options.requestTimeout = .seconds(90)
        options.slowAnswerWarning = .seconds(30)
        options.slowAnswerFailure = .seconds(60)
        return options
    }
}
