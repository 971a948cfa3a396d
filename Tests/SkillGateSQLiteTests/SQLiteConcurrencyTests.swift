import SkillGateCore
import SkillGateSQLite
import SkillGateTestSupport
import Testing

/// Several connections on one file, as several `serve` processes have them.
struct SQLiteConcurrencyTests {
    @Test("read-modify-write from two connections at once loses no increment when conflicts are retried")
    func twoConnections() async throws {
        let database = try TemporaryDatabase()
        let stores = [SQLitePersistenceStore(path: database.path), SQLitePersistenceStore(path: database.path)]
        let perWriter = 100
        let conflicts = try await ConcurrentIncrements.run(stores, perWriter: perWriter)
        let final = try await stores[0].get("shared")
        #expect(final.attributes["count"] == .integer(2 * perWriter))
        #expect(final.version == UInt64(2 * perWriter))
        // Not guaranteed, but with two writers on two cores the version check is exercised nearly always.
        print("SQLite two-connection increments: \(conflicts) conflicts detected and retried")
    }
}
