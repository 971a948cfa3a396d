import Dispatch

/// Runs blocking work (a wait, a read with a deadline) on a thread of its own, so it never holds
/// one of Swift concurrency's cooperative threads: that pool has one thread per core.
enum OffPool {
    /// Runs `work` on a fresh serial dispatch queue (which gets a thread of its own even when
    /// others block) and returns its result.
    /// - Parameter work: the blocking work.
    static func run<Value: Sendable, Failure: Error>(_ work: @escaping @Sendable () throws(Failure) -> Value) async throws(Failure)
        -> Value
    {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            DispatchQueue(label: "SkillGateSystem.Subprocess").async {
                continuation.resume(returning: Result { () throws(Failure) -> Value in try work() })
            }
        }
        return try result.get()
    }
}
