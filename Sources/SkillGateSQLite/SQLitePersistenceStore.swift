public import SkillGateCore
import Dispatch
import Synchronization

/// Persistent attributes in one SQLite file: the default store for a skill on one machine.
///
/// Safe with several `serve` processes on the same file: the database runs in WAL mode (readers
/// never wait for the writer), each write waits up to ``busyTimeout`` for another process's,
/// and every save is one conditional statement on the row's `version` column, so two processes
/// changing the same user's attributes cannot overwrite each other (the second gets
/// ``SkillGateCore/PersistenceError/Code/conflict`` and the runner retries it with fresh attributes).
///
/// The table (default `persistent_attributes`) has `id` (the key), `attributes` (JSON text),
/// `version` and `updated_at` (Unix milliseconds). The file is opened on first use, not at
/// start-up; if it cannot be opened, each request tries again, and until then answers
/// "try again later". A call that would wait (opening the file, another process writing) runs on
/// the store's own queue, never blocking Swift's cooperative threads.
public final class SQLitePersistenceStore: PersistenceStore {
    /// How hard SQLite works to keep a committed write through a power cut.
    public enum Durability: Sendable, Hashable {
        /// `synchronous=FULL`: every commit reaches the disk before it returns (the default).
        case full
        /// `synchronous=NORMAL`: faster; safe against crashes of the process, but the last
        /// commits may be lost if the machine loses power.
        case normal
    }

    /// The database file (`:memory:` for a private in-memory database).
    public let path: String
    /// The table holding the attributes.
    public let table: String
    /// How long a write waits for another connection's before failing as unavailable.
    public let busyTimeout: Duration
    /// The commit durability.
    public let durability: Durability
    let configurationError: PersistenceError?
    /// The open connection, if any; whoever holds the lock may use it.
    let connection = Mutex<SQLiteConnection?>(nil)
    /// Where calls that may wait (opening, a busy database) run, off Swift's cooperative threads.
    let queue = DispatchQueue(label: "SkillGateSQLite.SQLitePersistenceStore")

    /// Creates the store; nothing is opened until the first request needs attributes.
    /// - Parameters:
    ///   - path: the database file; its directory must exist and be writable.
    ///   - table: the table name (letters, digits and `_`); `persistent_attributes` by default.
    ///   - busyTimeout: how long a write waits for another process's; 2 seconds by default,
    ///     well inside Alexa's 8-second limit.
    ///   - durability: `.full` by default.
    ///
    /// An empty path or a bad table name is reported by the first call, as
    /// ``SkillGateCore/PersistenceError/Code/invalidConfiguration`` (so a skill can declare its
    /// store in a property without `try`).
    public init(
        path: String, table: String = "persistent_attributes", busyTimeout: Duration = .seconds(2), durability: Durability = .full
    ) {
        self.path = path
        self.table = table
        self.busyTimeout = busyTimeout
        self.durability = durability
        configurationError = Self.check(path: path, table: table)
    }

    private static func check(path: String, table: String) -> PersistenceError? {
        guard !path.isEmpty else {
            return PersistenceError(.invalidConfiguration, "the SQLite path is empty; name a file, e.g. .build/attributes.sqlite")
        }
        let allowed = table.unicodeScalars.allSatisfy {
            $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
        guard allowed, let first = table.unicodeScalars.first, !("0"..."9").contains(first) else {
            return PersistenceError(
                .invalidConfiguration, "the SQLite table name \"\(table)\" must be letters, digits and _, not starting with a digit")
        }
        return nil
    }

    /// Reads the attributes under `key`.
    /// - Parameter key: the key.
    /// - Returns: the attributes and version; empty at version 0 when there is no row.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.unavailable`, `.invalidData` or `.invalidConfiguration`.
    public func get(_ key: String) async throws(PersistenceError) -> StoredAttributes {
        let row = try await run(reading: true) { connection throws(SQLiteFailure) in try connection.read(key) }
        guard let row else { return StoredAttributes() }
        guard let parsed = try? JSONParser.parse(row.json), let object = parsed.objectValue else {
            throw PersistenceError(
                .invalidData,
                "the attributes stored in \(path) (table \(table)) for this key are not a JSON object; fix or delete that row")
        }
        return StoredAttributes(attributes: object, version: UInt64(clamping: row.version))
    }

    /// Writes the attributes under `key` if its version is still `expectedVersion`.
    /// - Parameters:
    ///   - attributes: the new object.
    ///   - key: the key.
    ///   - expectedVersion: the version read; 0 for no row.
    /// - Returns: the new version.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.conflict` or `.unavailable`.
    public func put(_ attributes: JSONObject, for key: String, expectedVersion: UInt64) async throws(PersistenceError) -> UInt64 {
        let json = JSONValue.object(attributes).jsonString
        let now = RequestTimestamp.now().millisecondsSince1970
        let expected = Int64(clamping: expectedVersion)
        let written = try await run { connection throws(SQLiteFailure) in
            expected == 0
                ? try connection.insert(key, json: json, now: now) : try connection.update(key, json: json, expected: expected, now: now)
        }
        guard written else { throw conflict("write") }
        return expectedVersion + 1
    }

    /// Deletes the row under `key` if its version is still `expectedVersion`.
    /// - Parameters:
    ///   - key: the key.
    ///   - expectedVersion: the version read.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.conflict` or `.unavailable`.
    public func delete(_ key: String, expectedVersion: UInt64) async throws(PersistenceError) {
        let expected = Int64(clamping: expectedVersion)
        let deleted = try await run { connection throws(SQLiteFailure) in try connection.delete(key, expected: expected) }
        guard deleted else { throw conflict("delete") }
    }

    /// The journal mode SQLite reports (`wal` once the file is open).
    /// - Returns: the mode's name.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.unavailable` when the file cannot be opened.
    public func journalMode() async throws(PersistenceError) -> String {
        try await run { connection throws(SQLiteFailure) in
            try connection.queryText("PRAGMA journal_mode", purpose: "read the journal mode") ?? ""
        }
    }

    private func conflict(_ operation: String) -> PersistenceError {
        PersistenceError(.conflict, "SQLite \(operation) in \(path): the row changed after this request read it")
    }

    func unavailable(_ failure: SQLiteFailure) -> PersistenceError {
        let hint: String
        if failure.isBusy {
            hint = "another process held the database longer than the busy timeout (\(busyTimeout))"
        } else if failure.operation == "open" {
            hint = "check that the directory exists and this process may write there"
        } else {
            hint = "check the file and the disk"
        }
        return PersistenceError(.unavailable, "SQLite database \(path): \(failure); \(hint)")
    }
}
