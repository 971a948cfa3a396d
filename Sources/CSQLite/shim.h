#ifndef SKILLGATE_CSQLITE_SHIM_H
#define SKILLGATE_CSQLITE_SHIM_H
// The system SQLite (libsqlite3-dev), imported by SkillGateSQLite alone.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro Swift cannot import: SQLite copies the bytes before the call returns.
static inline int skillgate_sqlite3_bind_text_copy(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}
#endif
