public import SkillGateCore

/// The race a persistence store must survive: writers (connections, processes, machines) that each
/// read `count`, add one and save with the version they read, retrying every conflict.
public enum ConcurrentIncrements {
    /// Runs one writer per store at once, each adding `perWriter` to the `count` under `key`.
    /// - Parameters:
    ///   - stores: one store per writer, all over the same storage.
    ///   - key: the key they share.
    ///   - perWriter: how many increments each writer makes.
    /// - Returns: how many conflicts were detected and retried.
    /// - Throws: the first error other than a conflict.
    public static func run(_ stores: [any PersistenceStore], key: String = "shared", perWriter: Int) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for store in stores { group.addTask { try await increment(store, key: key, times: perWriter) } }
            return try await group.reduce(0, +)
        }
    }

    /// Adds one to `count` `times` times, retrying each conflict; returns how many conflicts there were.
    private static func increment(_ store: any PersistenceStore, key: String, times: Int) async throws -> Int {
        var conflicts = 0
        for _ in 0..<times {
            while true {
                let stored = try await store.get(key)
                var attributes = stored.attributes
                attributes["count"] = .integer((attributes["count"]?.intValue ?? 0) + 1)
                let failure: PersistenceError?
                do {
                    _ = try await store.put(attributes, for: key, expectedVersion: stored.version)
                    failure = nil
                } catch {
                    failure = error
                }
                guard let failure else { break }
                guard failure.code == .conflict else { throw failure }
                conflicts += 1
            }
        }
        return conflicts
    }
}
