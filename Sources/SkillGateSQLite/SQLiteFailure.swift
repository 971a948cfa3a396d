import CSQLite

/// A failed SQLite call: the operation, SQLite's result code and its message (which names
/// tables and constraints, never bound values).
struct SQLiteFailure: Error, Sendable, CustomStringConvertible {
    /// What SkillGate was doing, e.g. `open`, `read`, `write`.
    let operation: String
    /// SQLite's (extended) result code.
    let code: Int32
    /// `sqlite3_errmsg` or `sqlite3_errstr`.
    let reason: String

    /// The failure of the last call on a connection.
    init(_ operation: String, code: Int32, connection: OpaquePointer?) {
        self.operation = operation
        self.code = code
        if let connection, let message = sqlite3_errmsg(connection) {
            reason = String(cString: message)
        } else if let message = sqlite3_errstr(code) {
            reason = String(cString: message)
        } else {
            reason = "SQLite error \(code)"
        }
    }

    /// A failure SkillGate detected itself.
    init(_ operation: String, reason: String) {
        self.operation = operation
        self.code = SQLITE_ERROR
        self.reason = reason
    }

    /// Whether another connection held the database longer than the busy timeout.
    var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }

    var description: String { "\(operation) failed: \(reason) (SQLite code \(code))" }
}
