import Foundation
import SkillGateVerification
import Synchronization

/// A fetcher whose downloads wait (suspended, holding no thread) until ``open()``, then serve `pem`;
/// it counts calls and records the URLs asked for.
final class GatedFetcher: CertificateFetcher {
    private struct State {
        var isOpen = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var urls: [String] = []
    }

    private let pem: [UInt8]
    private let state = Mutex(State())

    init(pem: [UInt8]) { self.pem = pem }

    func fetchPEM(from url: URL) async throws -> [UInt8] {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                state.urls.append(url.absoluteString)
                if state.isOpen { return true }
                state.waiting.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
        return pem
    }

    /// Lets every download (now and later) finish.
    func open() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Downloads started.
    var calls: Int { state.withLock { $0.urls.count } }
    /// The URLs asked for, in order.
    var urls: [String] { state.withLock { $0.urls } }
}
