import Foundation
import SkillGateLogging
import SkillGateVerification
import Synchronization

/// Serves PEM chains from memory by URL and counts downloads.
final class FakeCertificateFetcher: CertificateFetcher {
    /// The base every test chain URL starts with.
    static let base = "https://s3.amazonaws.com/echo.api/"

    private let chains: [String: [UInt8]]
    private let calls = Mutex<[String: Int]>([:])

    /// - Parameter chains: PEM bytes by file name under ``base``, e.g. `"echo-api-cert.pem"`.
    init(_ chains: [String: [UInt8]]) {
        self.chains = Dictionary(uniqueKeysWithValues: chains.map { (Self.base + $0.key, $0.value) })
    }

    func fetchPEM(from url: URL) async throws -> [UInt8] {
        calls.withLock { $0[url.absoluteString, default: 0] += 1 }
        guard let pem = chains[url.absoluteString] else { throw FetchFailure(description: "no chain at \(url.absoluteString) (HTTP 404)") }
        return pem
    }

    /// Downloads of every URL so far.
    var totalCalls: Int { calls.withLock { $0.values.reduce(0, +) } }

    /// The URLs downloaded, sorted.
    var fetchedURLs: [String] { calls.withLock { $0.keys.sorted() } }
}

/// The fake's download failure.
struct FetchFailure: Error, CustomStringConvertible {
    let description: String
}
