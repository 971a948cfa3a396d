import SkillGateCore
import SkillGateSQLite
import Testing

/// Several connections on one file, as several `serve` processes have them.
struct SQLiteConcurrencyTests {
    @Test("read-modify-write from two connections at once loses no increment when conflicts are retried")
    func twoConnections() async throws {
        let database = try TemporaryDatabase()
        let stores = [SQLitePersistenceStore(path: database.path), SQLitePersistenceStore(path: database.path)]
        let perWriter = 100
        let conflicts = try await withThrowingTaskGroup(of: Int.self) { group in
            for store in stores {
                group.addTask { try await Self.increment(store, times: perWriter) }
            }
            return try await group.reduce(0, +)
        }
        let final = try await stores[0].get("shared")
        #expect(final.attributes["count"] == .integer(2 * perWriter))
        #expect(final.version == UInt64(2 * perWriter))
        // Not guaranteed, but with two writers on two cores the version check is exercised nearly always.
        print("SQLite two-connection increments: \(conflicts) conflicts detected and retried")
    }

    /// Adds one to `count` `times` times, retrying each conflict; returns how many conflicts there were.
    static func increment(_ store: SQLitePersistenceStore, times: Int) async throws -> Int {
        var conflicts = 0
        for _ in 0..<times {
            while true {
                let stored = try await store.get("shared")
                var attributes = stored.attributes
                attributes["count"] = .integer((attributes["count"]?.intValue ?? 0) + 1)
                let failure: PersistenceError?
                do {
                    _ = try await store.put(attributes, for: "shared", expectedVersion: stored.version)
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
