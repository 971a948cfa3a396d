import Foundation
import SkillGate
import SkillGateEndpoint
import SkillGateHTTP
import SkillGateTesting
import SkillGateVerification
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A certificate fetcher whose every download blocks its thread (like a name lookup that never
/// answers) until ``release()``; downloads are counted.
final class NeverAnsweringFetcher: CertificateFetcher {
    private let readFD: Int32
    private let writeFD: Int32
    private let state = Mutex((calls: 0, released: false))

    init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        release()
        close(readFD)
    }

    func fetchPEM(from url: URL) async throws -> [UInt8] {
        state.withLock { $0.calls += 1 }
        var byte: UInt8 = 0
        _ = read(readFD, &byte, 1)  // returns only once release() closes the write end
        throw CertificateFetchError(.timedOut, "released by the test")
    }

    /// Downloads started.
    var calls: Int { state.withLock { $0.calls } }

    /// Lets every blocked download return.
    func release() {
        let first = state.withLock { state in
            defer { state.released = true }
            return !state.released
        }
        if first { close(writeFD) }
    }
}

/// Requests for the stalled-certificate tests.
enum StalledRequests {
    static let skillID = "amzn1.ask.skill.stalled-test"
    /// Base64 of 256 bytes: shaped like an Alexa signature, verifying nothing.
    static let junkSignature = Data(repeating: 7, count: 256).base64EncodedString()

    /// An intent request for `skillID`, `ageSeconds` old.
    static func body(skillID: String = skillID, ageSeconds: Int64 = 0) -> [UInt8] {
        let now = RequestTimestamp.now().millisecondsSince1970
        return TestRequest.intent(
            "PingIntent", skillID: skillID, timestamp: RequestTimestamp(millisecondsSince1970: now - ageSeconds * 1000)
        )
        .bytes
    }

    /// A runner for `skillID` that checks timestamps; its handler counts runs.
    static func runner(handlerTimeout: Duration, counter: HandlerCounter) throws -> SkillRunner {
        let routes: [Route] = [
            Intent("PingIntent", linking: .public) { _, _ in
                counter.increment()
                return .tell("pong")
            }.route
        ]
        return try SkillRunner(
            configuration: SkillConfiguration(name: "Stalled", applicationID: skillID), routes: routes,
            options: RunnerOptions(checksTimestamp: true, handlerTimeout: handlerTimeout), logger: .disabled)
    }

    /// POSTs `body` with the verification headers on a fresh connection.
    static func post(port: Int, _ body: [UInt8], certURL: String, signature: String) async throws -> HTTPClientResponse {
        let client = HTTPClient(host: "127.0.0.1", port: port)
        defer { client.close() }
        let headers: HTTPHeaders = ["Content-Type": "application/json", "SignatureCertChainUrl": certURL, "Signature-256": signature]
        return try await client.send(method: "POST", path: "/", headers: headers, body: body, timeout: .seconds(60))
    }
}
