import Foundation
import SkillGateVerification
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A certificate fetcher like a resolver that never answers: every download of a URL it does not
/// serve blocks its thread in a `read` that returns only on ``release()``, and calls are counted.
/// URLs in `serves` are answered at once.
final class StuckFetcher: CertificateFetcher {
    private let readFD: Int32
    private let writeFD: Int32
    private let serves: [String: [UInt8]]
    private let counts = Mutex((calls: 0, blocked: 0))
    private let released = Mutex(false)

    init(serves: [String: [UInt8]] = [:]) {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        readFD = fds[0]
        writeFD = fds[1]
        self.serves = serves
    }

    deinit {
        release()
        close(readFD)
    }

    func fetchPEM(from url: URL) async throws -> [UInt8] {
        if let pem = serves[url.absoluteString] { return pem }
        counts.withLock {
            $0.calls += 1
            $0.blocked += 1
        }
        var byte: UInt8 = 0
        _ = read(readFD, &byte, 1)  // blocks the thread until release() closes the write end
        counts.withLock { $0.blocked -= 1 }
        throw FetchFailure(description: "released")
    }

    /// Downloads started of URLs it does not serve.
    var calls: Int { counts.withLock { $0.calls } }
    /// Downloads blocked right now.
    var blocked: Int { counts.withLock { $0.blocked } }

    /// Lets every blocked download return (with an error); later ones return at once.
    func release() {
        let first = released.withLock { released in
            defer { released = true }
            return !released
        }
        if first { close(writeFD) }
    }
}
