import SkillGateLambda
import Synchronization

/// A ``LambdaRuntime`` running its loop in a task, as the tests drive it: stop it, or wait for it
/// to end by itself with a watchdog, so a runtime that keeps polling fails a test instead of hanging it.
final class RunningLoop: Sendable {
    /// The request IDs the handler was called for, in order.
    private final class Seen: Sendable {
        let ids = Mutex<[String]>([])
    }

    let runtime: LambdaRuntime
    let task: Task<LambdaRuntimeError?, Never>
    private let seen = Seen()

    /// Starts `runtime` with `handler` (by default, echo the event).
    init(_ runtime: LambdaRuntime, _ handler: @escaping LambdaRuntime.Handler = { event, _ in .response(event) }) {
        self.runtime = runtime
        let seen = self.seen
        task = Task {
            do throws(LambdaRuntimeError) {
                try await runtime.run { event, context in
                    seen.ids.withLock { $0.append(context.requestID) }
                    return await handler(event, context)
                }
                return nil
            } catch {
                return error
            }
        }
    }

    /// The request IDs the handler saw.
    var handledIDs: [String] { seen.ids.withLock { $0 } }

    /// Stops the loop and returns how it ended.
    func stop() async -> LambdaRuntimeError? {
        runtime.stop()
        return await task.value
    }

    /// Waits up to `limit` for the loop to end by itself and returns how it ended; nil when it was
    /// still running and had to be stopped.
    func ended(within limit: Duration = .seconds(20)) async -> LambdaRuntimeError?? {
        let watchdogFired = Atomic<Bool>(false)
        let runtime = self.runtime
        let watchdog = Task {
            try? await Task.sleep(for: limit)
            guard !Task.isCancelled else { return }
            watchdogFired.store(true, ordering: .relaxed)
            runtime.stop()
        }
        let result = await task.value
        watchdog.cancel()
        return watchdogFired.load(ordering: .relaxed) ? nil : .some(result)
    }
}
