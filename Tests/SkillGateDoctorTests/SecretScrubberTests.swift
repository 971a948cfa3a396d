import Foundation
import Testing

@testable import SkillGateDoctor

/// The scrubber on its own: every encoding of every secret, pieces of secrets, and truncation after scrubbing.
struct SecretScrubberTests {
    private let clientID = "alexa skill/1"
    private let secret = "s3cr3t:pa ss+word/ÄdWXYZ"
    private let token = "at-MARKERtokenVALUE0123456789abcdef"

    @Test(
        "every encoding of the secret is replaced by its last four characters",
        arguments: SecretEncodings.all("s3cr3t:pa ss+word/ÄdWXYZ").sorted { $0.key < $1.key })
    func encodings(_ name: String, _ encoded: String) {
        let scrubber = SecretScrubber(secrets: [secret], clientID: clientID)
        let scrubbed = scrubber.finish("the server said \"\(encoded)\" back")
        #expect(!scrubbed.contains(encoded), "\(name): \(scrubbed)")
        #expect(SecretEncodings.leak(of: secret, in: scrubbed) == nil, "\(name): \(scrubbed)")
        #expect(scrubbed.contains("…WXYZ"), "\(name): \(scrubbed)")
    }

    @Test(
        "HTTP Basic credentials (base64 of id:secret, raw or form-encoded) are replaced",
        arguments: SecretEncodings.basic(clientID: "alexa skill/1", secret: "s3cr3t:pa ss+word/ÄdWXYZ").sorted { $0.key < $1.key })
    func basicPair(_ name: String, _ encoded: String) {
        let scrubber = SecretScrubber(secrets: [secret], clientID: clientID)
        let scrubbed = scrubber.finish("WWW-Authenticate echoed Basic \(encoded)")
        #expect(!scrubbed.contains(encoded), "\(name): \(scrubbed)")
        #expect(!scrubbed.contains(String(encoded.prefix(12))), "\(name): \(scrubbed)")
    }

    @Test("an 8-character piece of a secret is removed wherever it appears")
    func pieces() {
        let scrubber = SecretScrubber(secrets: [token], clientID: clientID)
        for piece in ["MARKERto", "tokenVALUE01", "456789abcdef"] {
            let scrubbed = scrubber.finish("prefix \(piece) suffix")
            #expect(SecretEncodings.leak(of: token, in: scrubbed) == nil, "\(scrubbed)")
            #expect(scrubbed.hasPrefix("prefix ") && scrubbed.hasSuffix(" suffix"), "\(scrubbed)")
        }
        // Ordinary short words that happen to occur in a secret stay.
        #expect(scrubber.finish("a VALUE") == "a VALUE")
    }

    @Test("server text is scrubbed before it is shortened, and the cut never splits a redaction")
    func scrubThenTruncate() {
        let scrubber = SecretScrubber(secrets: [token], clientID: clientID)
        for padding in 90...125 {
            let description = String(repeating: "x", count: padding) + " " + token + " tail"
            let line = scrubber.finish("said \(ServerText.quote(description))")
            #expect(SecretEncodings.leak(of: token, in: line) == nil, "padding \(padding): \(line)")
            #expect(!line.contains("…cd") || line.contains("…cdef"), "padding \(padding): \(line)")
            #expect(line.count <= 130, "padding \(padding): \(line.count)")
        }
    }

    @Test("a long quoted text is cut to 117 characters and an ellipsis; control characters become spaces")
    func shortening() {
        let scrubber = SecretScrubber(secrets: [], clientID: clientID)
        let line = scrubber.finish(ServerText.quote(String(repeating: "a", count: 200)))
        #expect(line == String(repeating: "a", count: 117) + "…")
        #expect(scrubber.finish(ServerText.quote("two\nlines\u{7}")) == "two lines ")
        #expect(scrubber.finish(ServerText.quote(String(repeating: "b", count: 120))) == String(repeating: "b", count: 120))
    }
}
