import CSQLite

/// A prepared statement on one ``SQLiteConnection``; bound, stepped, then reset for reuse.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    /// Prepares `sql` on a connection.
    /// - Throws: ``SQLiteFailure`` naming the statement's purpose.
    init(_ sql: String, connection: OpaquePointer, purpose: String) throws(SQLiteFailure) {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteFailure("prepare \(purpose)", code: status, connection: connection)
        }
        self.handle = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds a text parameter (1-based).
    func bind(_ index: Int32, _ text: String) throws(SQLiteFailure) {
        var text = text
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // An empty buffer may have no address, and a null pointer would bind NULL, not "".
                guard let address = chars.baseAddress else { return skillgate_sqlite3_bind_text_copy(handle, index, "", 0) }
                return skillgate_sqlite3_bind_text_copy(handle, index, address, Int32(clamping: chars.count))
            }
        }
        guard status == SQLITE_OK else { throw SQLiteFailure("bind", code: status, connection: connection) }
    }

    /// Binds an integer parameter (1-based).
    func bind(_ index: Int32, _ value: Int64) throws(SQLiteFailure) {
        let status = sqlite3_bind_int64(handle, index, value)
        guard status == SQLITE_OK else { throw SQLiteFailure("bind", code: status, connection: connection) }
    }

    /// Runs one step: true when a row is ready, false when the statement is done.
    func step(_ operation: String) throws(SQLiteFailure) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status: throw SQLiteFailure(operation, code: status, connection: connection)
        }
    }

    /// Column `index` (0-based) of the current row as an integer.
    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Calls `body` with the bytes of text column `index` (0-based) of the current row.
    func withText<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // SQLite's rule: ask for the text first, then its length.
        guard let bytes = sqlite3_column_text(handle, index) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index))))
    }

    /// Makes the statement ready to bind and run again.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }
}
