import Foundation
import SkillGateCrypto

/// PKCE (RFC 7636) as Alexa sends it when it is enabled for a skill: a random code verifier and its S256
/// code challenge.
public enum PKCE {
    /// The characters a verifier may hold (RFC 7636 §4.1: unreserved URI characters).
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A new verifier: 64 random characters from ``alphabet``.
    public static func makeVerifier() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<64).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// Whether `verifier` is 43–128 characters from ``alphabet``.
    /// - Parameter verifier: the candidate.
    public static func isValidVerifier(_ verifier: String) -> Bool {
        (43...128).contains(verifier.count) && verifier.allSatisfy { alphabet.contains($0) }
    }

    /// The S256 challenge: `BASE64URL(SHA-256(ASCII(verifier)))` without padding (RFC 7636 §4.2).
    /// - Parameter verifier: the verifier.
    public static func challenge(for verifier: String) -> String {
        base64URL(SHA256.hash(Array(verifier.utf8)))
    }

    /// Base64url without padding (RFC 4648 §5).
    /// - Parameter bytes: the bytes.
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether a server's text says it wants PKCE: django-oauth-toolkit answers "Code challenge required." at
    /// the authorization URI and "Code verifier required." at the token endpoint; others name PKCE or the
    /// parameters.
    /// - Parameter text: an `error_description` or page text.
    static func isRequirement(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["code challenge", "code_challenge", "code verifier", "code_verifier", "pkce"].contains { lower.contains($0) }
    }
}

/// Alexa's redirect URLs for account linking, one per region.
enum AlexaRedirect {
    /// The hosts, in the order the Alexa developer console lists them.
    static let hosts = ["pitangui.amazon.com", "layla.amazon.com", "alexa.amazon.co.jp"]
    /// The vendor ID used when none is known; servers that check the redirect URI exactly will refuse it.
    static let placeholderVendorID = "M0SKILLGATEDOCTOR"

    /// `https://pitangui.amazon.com/api/skill/link/<vendorID>`.
    /// - Parameter vendorID: the vendor ID.
    static func url(vendorID: String) -> String { "https://\(hosts[0])/api/skill/link/\(vendorID)" }

    /// The vendor ID in one of Alexa's redirect URLs, or nil.
    /// - Parameter redirect: the URL.
    static func vendorID(in redirect: String) -> String? {
        guard let url = URL(string: redirect), isAlexa(url) else { return nil }
        let last = url.lastPathComponent
        return last.isEmpty || last == "link" ? nil : last
    }

    /// Whether a URL is one of Alexa's redirect URLs (HTTPS, one of ``hosts``, `/api/skill/link/…`).
    /// - Parameter url: the URL.
    static func isAlexa(_ url: URL) -> Bool {
        url.scheme?.lowercased() == "https" && hosts.contains(url.host?.lowercased() ?? "") && url.path.hasPrefix("/api/skill/link/")
    }
}
