import Foundation
import SkillGateCore
import Testing

/// The sample's manifest, the starter template's and `serve` agree on the endpoint path, and the
/// READMEs say the same as the manifest.
struct ManifestEndpointTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// `serve`'s default path.
    static func servePath() throws -> String {
        guard case .serve(_, _, let path, _) = try CommandLineOptions.parse(["serve"], environment: [:]).command else {
            throw ManifestError("serve did not parse as serve")
        }
        return path
    }

    /// The endpoint URIs of a skill.json: the custom API's and the events'.
    static func endpointURIs(_ path: String) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: checkout + "/" + path)))
        let manifest = (json as? [String: Any])?["manifest"] as? [String: Any]
        let custom = ((manifest?["apis"] as? [String: Any])?["custom"] as? [String: Any])?["endpoint"] as? [String: Any]
        let events = (manifest?["events"] as? [String: Any])?["endpoint"] as? [String: Any]
        return [custom?["uri"], events?["uri"]].compactMap { $0 as? String }
    }

    struct ManifestError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test(
        "the sample's and the starter's skill.json endpoints end in serve's default path",
        arguments: ["Samples/RideHailer/skill-package/skill.json", "Templates/starter/skill-package/skill.json"])
    func manifestMatchesServe(manifest: String) throws {
        let uris = try Self.endpointURIs(manifest)
        #expect(!uris.isEmpty, "no endpoint URI in \(manifest)")
        let servePath = try Self.servePath()
        for uri in uris {
            let path = URLComponents(string: uri)?.path
            #expect(path == servePath, "\(manifest): \(uri) is at \(path ?? "?"), serve answers at \(servePath)")
        }
    }

    @Test("the READMEs name the sample's endpoint URI as the manifest has it")
    func readmesMatchManifest() throws {
        let uri = try #require(try Self.endpointURIs("Samples/RideHailer/skill-package/skill.json").first)
        for readme in ["README.md", "Samples/RideHailer/README.md"] {
            let text = try String(contentsOfFile: Self.checkout + "/" + readme, encoding: .utf8)
            #expect(text.contains("`\(uri)`"), "\(readme) does not name \(uri)")
            #expect(!text.contains("ride-hailer.example.com/alexa"), "\(readme) names another path")
        }
    }
}
