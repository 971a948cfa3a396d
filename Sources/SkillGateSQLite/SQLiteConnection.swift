import CSQLite

/// One open database file, set up for several processes at once: WAL journal (readers never
/// block the writer), a busy timeout (a writer waits for another instead of failing), and the
/// attributes table. Used only on its store's serial queue.
final class SQLiteConnection {
    private let handle: OpaquePointer
    let path: String
    private let table: String
    private var statements: [String: SQLiteStatement] = [:]
    private var busyTimeout: Int32

    /// Opens (creating if needed) and prepares the database.
    /// - Throws: ``SQLiteFailure`` when the file cannot be opened or set up.
    init(path: String, table: String, busyTimeoutMilliseconds: Int32, durability: SQLitePersistenceStore.Durability) throws(SQLiteFailure) {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let failure = SQLiteFailure("open", code: status, connection: connection)
            sqlite3_close(connection)
            throw failure
        }
        self.handle = connection
        self.path = path
        self.table = table
        self.busyTimeout = busyTimeoutMilliseconds
        sqlite3_busy_timeout(connection, busyTimeoutMilliseconds)
        let mode = try queryText("PRAGMA journal_mode=WAL", purpose: "switch to WAL")
        guard mode == "wal" || (mode == "memory" && path == ":memory:") else {
            throw SQLiteFailure("switch to WAL", reason: "the journal mode stayed \(mode ?? "unknown"); WAL needs a local file system")
        }
        try execute("PRAGMA synchronous=\(durability == .full ? "FULL" : "NORMAL")", purpose: "set durability")
        try execute(
            """
            CREATE TABLE IF NOT EXISTS "\(table)" (
                id TEXT PRIMARY KEY NOT NULL,
                attributes TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) WITHOUT ROWID
            """, purpose: "create the table")
    }

    deinit {
        statements.removeAll()
        sqlite3_close(handle)
    }

    /// How long a statement waits for another connection's lock (0: not at all).
    func setBusyTimeout(milliseconds: Int32) {
        guard milliseconds != busyTimeout else { return }
        sqlite3_busy_timeout(handle, milliseconds)
        busyTimeout = milliseconds
    }

    /// The attributes JSON and version stored under `key`, if any.
    func read(_ key: String) throws(SQLiteFailure) -> (json: [UInt8], version: Int64)? {
        let statement = try prepared("SELECT attributes, version FROM \"\(table)\" WHERE id = ?1", purpose: "read")
        defer { statement.reset() }
        try statement.bind(1, key)
        guard try statement.step("read") else { return nil }
        return (statement.withText(0) { Array($0) }, statement.int64(1))
    }

    /// Inserts `key` at version 1 unless it exists; false when it exists.
    func insert(_ key: String, json: String, now: Int64) throws(SQLiteFailure) -> Bool {
        try write(
            "INSERT INTO \"\(table)\" (id, attributes, version, updated_at) VALUES (?1, ?2, 1, ?3) ON CONFLICT(id) DO NOTHING",
            purpose: "insert", key: key, json: json, now: now)
    }

    /// Replaces `key`'s attributes and bumps its version, only if it is at `expected`; false otherwise.
    /// One statement, so the check and the write are one transaction.
    func update(_ key: String, json: String, expected: Int64, now: Int64) throws(SQLiteFailure) -> Bool {
        try write(
            "UPDATE \"\(table)\" SET attributes = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1 AND version = ?4",
            purpose: "update", key: key, json: json, now: now, expected: expected)
    }

    /// Runs the write statement `sql` with `key`, `json` and `now` as ?1 to ?3 (and `expected` as ?4).
    /// - Returns: whether it changed exactly one row.
    private func write(
        _ sql: String, purpose: String, key: String, json: String, now: Int64, expected: Int64? = nil
    ) throws(SQLiteFailure) -> Bool {
        let statement = try prepared(sql, purpose: purpose)
        defer { statement.reset() }
        try statement.bind(1, key)
        try statement.bind(2, json)
        try statement.bind(3, now)
        if let expected { try statement.bind(4, expected) }
        _ = try statement.step("write")
        return sqlite3_changes(handle) == 1
    }

    /// Deletes `key` if it is at `expected` (or already gone); false when it holds another version.
    /// The delete and the check are one transaction.
    func delete(_ key: String, expected: Int64) throws(SQLiteFailure) -> Bool {
        let statement = try prepared("DELETE FROM \"\(table)\" WHERE id = ?1 AND version = ?2", purpose: "delete")
        try execute("BEGIN IMMEDIATE", purpose: "delete")
        do throws(SQLiteFailure) {
            defer { statement.reset() }
            try statement.bind(1, key)
            try statement.bind(2, expected)
            _ = try statement.step("delete")
            var deleted = sqlite3_changes(handle) == 1
            if !deleted { deleted = try read(key) == nil }
            try execute("COMMIT", purpose: "delete")
            return deleted
        } catch {
            try? execute("ROLLBACK", purpose: "delete")
            throw error
        }
    }

    /// Runs SQL that returns no rows.
    func execute(_ sql: String, purpose: String) throws(SQLiteFailure) {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw SQLiteFailure(purpose, code: status, connection: handle) }
    }

    /// The first column of the first row of `sql`, as text.
    func queryText(_ sql: String, purpose: String) throws(SQLiteFailure) -> String? {
        let statement = try SQLiteStatement(sql, connection: handle, purpose: purpose)
        guard try statement.step(purpose) else { return nil }
        return statement.withText(0) { String(decoding: $0, as: UTF8.self) }
    }

    private func prepared(_ sql: String, purpose: String) throws(SQLiteFailure) -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try SQLiteStatement(sql, connection: handle, purpose: purpose)
        statements[sql] = statement
        return statement
    }
}
