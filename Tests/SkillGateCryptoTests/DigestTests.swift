import SkillGateCrypto
import Testing

/// SHA-256 against FIPS 180-2's examples and HMAC-SHA256 against RFC 4231's test cases.
struct DigestTests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(
        "SHA-256 matches the FIPS 180-2 examples",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func sha256(_ message: String, _ expected: String) {
        #expect(Self.hex(SHA256.hash(Self.bytes(message))) == expected)
    }

    @Test("SHA-256 of a million a's (FIPS 180-2), from a collection that is not an array")
    func sha256Million() {
        let message = repeatElement(UInt8(ascii: "a"), count: 1_000_000)
        #expect(Self.hex(SHA256.hash(message)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(
        "HMAC-SHA256 matches RFC 4231",
        arguments: [
            (
                [UInt8](repeating: 0x0b, count: 20), bytes("Hi There"),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
            ),
            (bytes("Jefe"), bytes("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            (
                [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
            ),
            (
                Array(1...25), [UInt8](repeating: 0xcd, count: 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131),
                bytes(
                    "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
                ),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
            ),
        ] as [([UInt8], [UInt8], String)])
    func hmac(_ key: [UInt8], _ message: [UInt8], _ expected: String) {
        #expect(Self.hex(HMAC.sha256(key: key, message: message)) == expected)
    }

    @Test("HMAC-SHA256 with an empty key and message")
    func hmacEmpty() {
        #expect(
            Self.hex(HMAC.sha256(key: [UInt8](), message: [UInt8]()))
                == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test("strict base64 decodes padded text and refuses anything else", arguments: ["", "abc", "ab=c", "a b=", "YQ==="])
    func base64Refusals(_ text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test("base64 round trip with padding and surrounding blanks")
    func base64Decodes() {
        #expect(Base64.decode(" aGVsbG8= ") == Self.bytes("hello"))
        #expect(Base64.decode("aGk=") == Self.bytes("hi"))
    }
}
