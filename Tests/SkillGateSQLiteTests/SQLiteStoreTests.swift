import Foundation
import SkillGateCore
import Testing

@testable import SkillGateSQLite

/// The SQLite store against real files, one per test.
struct SQLiteStoreTests {
    @Test("a key with no row reads as empty attributes at version 0")
    func missingRow() async throws {
        let database = try TemporaryDatabase()
        let store = SQLitePersistenceStore(path: database.path)
        #expect(try await store.get("amzn1.ask.account.NOBODY") == StoredAttributes())
    }

    @Test("put then get gives the same object back, and each write bumps the version")
    func roundTrip() async throws {
        let database = try TemporaryDatabase()
        let store = SQLitePersistenceStore(path: database.path)
        let attributes: JSONObject = [
            "lastDestination": "home", "rides": 3, "rating": 4.5, "tags": ["early", "quiet"], "nested": ["a": nil, "b": true],
            "unicode": "Zürich — 東京",
        ]
        #expect(try await store.put(attributes, for: "user-1", expectedVersion: 0) == 1)
        #expect(try await store.get("user-1") == StoredAttributes(attributes: attributes, version: 1))
        #expect(try await store.put(["rides": 4], for: "user-1", expectedVersion: 1) == 2)
        #expect(try await store.get("user-1") == StoredAttributes(attributes: ["rides": 4], version: 2))
        #expect(try await store.get("user-2") == StoredAttributes(), "keys are separate")
    }

    @Test("a write that expects a version no longer current is a conflict and leaves the newer data alone")
    func staleWriteConflicts() async throws {
        let database = try TemporaryDatabase()
        let store = SQLitePersistenceStore(path: database.path)
        _ = try await store.put(["count": 1], for: "user", expectedVersion: 0)
        _ = try await store.put(["count": 2], for: "user", expectedVersion: 1)
        let stale = await #expect(throws: PersistenceError.self) { _ = try await store.put(["count": 99], for: "user", expectedVersion: 1) }
        #expect(stale?.code == .conflict)
        let again = await #expect(throws: PersistenceError.self) { _ = try await store.put(["count": 99], for: "user", expectedVersion: 0) }
        #expect(again?.code == .conflict, "a first write (version 0) over an existing row conflicts too")
        #expect(try await store.get("user") == StoredAttributes(attributes: ["count": 2], version: 2))
        #expect(stale.map { !$0.description.contains("99") } == true, "the message carries no attribute data")
    }

    @Test("delete removes the row; deleting a missing row succeeds; a stale delete conflicts")
    func deletes() async throws {
        let database = try TemporaryDatabase()
        let store = SQLitePersistenceStore(path: database.path)
        try await store.delete("nobody", expectedVersion: 0)
        _ = try await store.put(["a": 1], for: "user", expectedVersion: 0)
        _ = try await store.put(["a": 2], for: "user", expectedVersion: 1)
        let stale = await #expect(throws: PersistenceError.self) { try await store.delete("user", expectedVersion: 1) }
        #expect(stale?.code == .conflict)
        try await store.delete("user", expectedVersion: 2)
        #expect(try await store.get("user") == StoredAttributes())
        #expect(try await store.put(["a": 3], for: "user", expectedVersion: 0) == 1, "a deleted key starts again at version 1")
    }

    @Test("the database file runs in WAL mode, with the version column, and survives reopening")
    func walAndReopen() async throws {
        let database = try TemporaryDatabase()
        do {
            let store = SQLitePersistenceStore(path: database.path)
            _ = try await store.put(["kept": true], for: "user", expectedVersion: 0)
            #expect(try await store.journalMode() == "wal")
        }
        let reopened = SQLitePersistenceStore(path: database.path)
        #expect(try await reopened.get("user") == StoredAttributes(attributes: ["kept": true], version: 1))
        let connection = try SQLiteConnection(
            path: database.path, table: "persistent_attributes", busyTimeoutMilliseconds: 100, durability: .full)
        let columns = try connection.queryText(
            "SELECT group_concat(name, ',') FROM pragma_table_info('persistent_attributes')", purpose: "columns")
        #expect(columns == "id,attributes,version,updated_at")
    }

    @Test("a path that cannot be created is unavailable, names the path and what to check, and is retried on the next call")
    func unwritablePath() async throws {
        let store = SQLitePersistenceStore(path: "/dev/null/skillgate/attributes.sqlite")
        for _ in 0..<2 {
            let error = await #expect(throws: PersistenceError.self) { _ = try await store.get("user") }
            #expect(error?.code == .unavailable)
            #expect(error?.message.contains("/dev/null/skillgate/attributes.sqlite") == true, "\(String(describing: error))")
            #expect(error?.message.contains("check that the directory exists") == true, "\(String(describing: error))")
        }
    }

    @Test("a row whose text is not a JSON object reads as invalidData, without echoing it")
    func corruptRow() async throws {
        let database = try TemporaryDatabase()
        let store = SQLitePersistenceStore(path: database.path)
        _ = try await store.put(["a": 1], for: "user", expectedVersion: 0)
        let connection = try SQLiteConnection(
            path: database.path, table: "persistent_attributes", busyTimeoutMilliseconds: 1000, durability: .full)
        try connection.execute("UPDATE persistent_attributes SET attributes = '[\"secret-ish\"]'", purpose: "corrupt")
        let error = await #expect(throws: PersistenceError.self) { _ = try await store.get("user") }
        #expect(error?.code == .invalidData)
        #expect(error?.message.contains("secret-ish") == false)
    }

    @Test(
        "bad settings are reported by the first call, and nothing is opened",
        arguments: ["", "persistent-attributes", "1table", "x; DROP TABLE y"])
    func badSettings(table: String) async throws {
        let database = try TemporaryDatabase()
        let store = SQLitePersistenceStore(path: table.isEmpty ? "" : database.path, table: table.isEmpty ? "ok" : table)
        let error = await #expect(throws: PersistenceError.self) { _ = try await store.get("user") }
        #expect(error?.code == .invalidConfiguration)
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }

    @Test("a write that waits longer than the busy timeout for another connection is unavailable, and says why")
    func busyTimeout() async throws {
        let database = try TemporaryDatabase()
        let store = SQLitePersistenceStore(path: database.path, busyTimeout: .milliseconds(100))
        _ = try await store.get("user")
        let other = try SQLiteConnection(
            path: database.path, table: "persistent_attributes", busyTimeoutMilliseconds: 100, durability: .full)
        try other.execute("BEGIN EXCLUSIVE", purpose: "lock")
        let error = await #expect(throws: PersistenceError.self) { _ = try await store.put(["a": 1], for: "user", expectedVersion: 0) }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("busy timeout") == true, "\(String(describing: error))")
        try other.execute("COMMIT", purpose: "unlock")
        #expect(try await store.put(["a": 1], for: "user", expectedVersion: 0) == 1, "the next write goes through")
    }
}
