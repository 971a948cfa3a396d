import SkillGateTestSupport
import Foundation
import SkillGateVerification
import Testing

@Suite(.enabled(if: AlexaCertificateFixture.isAvailable, "needs the openssl command line to make test certificates"))
struct AlexaRequestVerifierTests {
    @Test("a body signed by the openssl command line with the Alexa-like certificate passes")
    func signedBodyPasses() async throws {
        let harness = try await VerifierHarness()
        try await harness.verify(signature: harness.fixture.signedBodySignature)
        #expect(harness.fetcher.fetchedURLs == [VerifierHarness.goodURL])
    }

    @Test("header names are matched case-insensitively")
    func headerNamesAreCaseInsensitive() async throws {
        let harness = try await VerifierHarness()
        let headers = [
            (name: "content-type", value: "application/json"),
            (name: "signature-256", value: harness.fixture.signedBodySignature),
            (name: "SIGNATURECERTCHAINURL", value: VerifierHarness.goodURL),
        ]
        try await harness.verifier.verify(body: harness.fixture.signedBody, headers: headers)
        #expect(AlexaRequestVerifier.value(of: "SignatureCertChainUrl", in: headers) == VerifierHarness.goodURL)
        #expect(AlexaRequestVerifier.value(of: "Signature", in: headers) == nil)
    }

    @Test("the header closure is asked for both header names")
    func headerClosure() async throws {
        let harness = try await VerifierHarness()
        let headers = [
            "signaturecertchainurl": VerifierHarness.goodURL,
            "signature-256": harness.fixture.signedBodySignature,
        ]
        try await harness.verifier.verify(body: harness.fixture.signedBody) { headers[$0.lowercased()] }
    }

    @Test("a missing or empty SignatureCertChainUrl fails before any download", arguments: [nil, "", "   "] as [String?])
    func missingChainURL(_ value: String?) async throws {
        let harness = try await VerifierHarness()
        let error = await #expect(throws: VerificationError.self) {
            try await harness.verifier.verify(
                body: harness.fixture.signedBody, signatureCertChainURL: value, signature256: harness.fixture.signedBodySignature
            )
        }
        #expect(error?.code == .missingSignatureCertChainURL)
        #expect(harness.fetcher.totalCalls == 0)
    }

    @Test("a missing or empty Signature-256 fails before any download", arguments: [nil, ""] as [String?])
    func missingSignature(_ value: String?) async throws {
        let harness = try await VerifierHarness()
        let error = await #expect(throws: VerificationError.self) {
            try await harness.verify(signature: value)
        }
        #expect(error?.code == .missingSignature)
        #expect(harness.fetcher.totalCalls == 0)
    }

    @Test(
        "a Signature-256 that is not base64 is malformed",
        arguments: ["not base64!", "abc", "%%%%", "====", "YQ=a", "Y=Q=", "c2lnbmF0dXJl=", "c2ln bmF0"])
    func malformedSignature(_ value: String) async throws {
        let harness = try await VerifierHarness()
        let error = await #expect(throws: VerificationError.self) {
            try await harness.verify(signature: value)
        }
        #expect(error?.code == .malformedSignature)
    }

    @Test("spaces around the Signature-256 value are ignored")
    func signatureWithSpaces() async throws {
        let harness = try await VerifierHarness()
        try await harness.verify(signature: "  \(harness.fixture.signedBodySignature)\t")
    }

    @Test("an invalid SignatureCertChainUrl is refused without downloading it")
    func invalidURLNotFetched() async throws {
        let harness = try await VerifierHarness()
        let error = await #expect(throws: VerificationError.self) {
            try await harness.verifier.verify(
                body: harness.fixture.signedBody,
                signatureCertChainURL: "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
                signature256: harness.fixture.signedBodySignature
            )
        }
        #expect(error?.code == .invalidSignatureCertChainURL)
        #expect(harness.fetcher.totalCalls == 0)
    }

    @Test("a signature over a different body does not match")
    func signatureOverDifferentBody() async throws {
        let harness = try await VerifierHarness()
        var tampered = harness.fixture.signedBody
        tampered[tampered.count - 3] = UInt8(ascii: "2")
        for body in [tampered, harness.fixture.signedBody + [UInt8(ascii: "\n")], []] {
            let error = await #expect(throws: VerificationError.self) {
                try await harness.verify(signature: harness.fixture.signedBodySignature, body: body)
            }
            #expect(error?.code == .signatureMismatch)
        }
    }

    @Test("valid base64 of a signature's size that is not a signature does not match")
    func garbageSignature() async throws {
        let harness = try await VerifierHarness()
        let error = await #expect(throws: VerificationError.self) {
            try await harness.verify(signature: Data(repeating: 0x5A, count: 256).base64EncodedString())
        }
        #expect(error?.code == .signatureMismatch)
    }

    @Test("an empty body signed correctly passes")
    func emptyBody() async throws {
        let harness = try await VerifierHarness()
        try await harness.verify(signature: try harness.sign([]), body: [])
    }

    @Test("many concurrent requests verify against one cached chain")
    func concurrentRequests() async throws {
        let harness = try await VerifierHarness()
        try await harness.verify(signature: harness.fixture.signedBodySignature)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<64 {
                let body = Array("{\"n\":\(index)}".utf8)
                let signature = try harness.sign(body)
                group.addTask {
                    try await harness.verify(signature: signature, body: body)
                }
            }
            try await group.waitForAll()
        }
        #expect(harness.fetcher.totalCalls == 1)
    }
}
