import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Synchronization

/// Runs data tasks through delegate callbacks, so the doctor sees every answer as the server sent it:
/// - redirects are refused (a 3xx is reported, not followed);
/// - a 401 is delivered with its body. A 401 from a token endpoint carries `WWW-Authenticate` (RFC 6749 §5.2),
///   which makes URLSession raise an authentication challenge; on Linux, default handling of that challenge
///   never completes and cancelling it discards the answer. So the response and body are collected as they
///   arrive, the challenge is cancelled, and the collected 401 is handed back;
/// - the time limit is exact: URLSession on Linux rounds its timeouts down to whole seconds.
final class SessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    /// What a finished task produced.
    typealias Outcome = Result<(response: HTTPURLResponse, body: Data), any Error>

    private struct Pending {
        var response: HTTPURLResponse?
        var body = Data()
        var challenged = false
        var timedOut = false
        var timer: Task<Void, Never>?
        let continuation: CheckedContinuation<Outcome, Never>
    }

    private let pending = Mutex<[Int: Pending]>([:])

    /// Starts a task on a session whose delegate is `self`, and waits for it to finish.
    /// - Parameters:
    ///   - request: the request.
    ///   - session: a session created with this delegate.
    ///   - timeout: when to give up (the task then fails with `URLError(.timedOut)`).
    func run(_ request: URLRequest, on session: URLSession, timeout: Duration) async -> Outcome {
        await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request)
            let identifier = task.taskIdentifier
            let timer = Task { [weak self] in
                guard (try? await Task.sleep(for: timeout)) != nil, let self else { return }
                let expired = self.pending.withLock { table in
                    guard table[identifier] != nil else { return false }
                    table[identifier]?.timedOut = true
                    return true
                }
                if expired { task.cancel() }
            }
            pending.withLock { $0[identifier] = Pending(timer: timer, continuation: continuation) }
            task.resume()
        }
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        pending.withLock { $0[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        pending.withLock { $0[dataTask.taskIdentifier]?.body.append(data) }
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        #if canImport(Darwin)
            if challenge.protectionSpace.authenticationMethod == NSURLAuthenticationMethodServerTrust {
                // TLS: let the system validate the certificate as usual (Linux validates without asking).
                completionHandler(.performDefaultHandling, nil)
                return
            }
        #endif
        pending.withLock { table in
            table[task.taskIdentifier]?.challenged = true
            if table[task.taskIdentifier]?.response == nil {
                table[task.taskIdentifier]?.response = challenge.failureResponse as? HTTPURLResponse
            }
        }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        entry.timer?.cancel()
        if entry.timedOut {
            entry.continuation.resume(returning: .failure(URLError(.timedOut)))
        } else if let response = entry.response, error == nil || entry.challenged {
            entry.continuation.resume(returning: .success((response, entry.body)))
        } else if let error {
            entry.continuation.resume(returning: .failure(error))
        } else {
            entry.continuation.resume(returning: .failure(URLError(.badServerResponse)))
        }
    }
}
