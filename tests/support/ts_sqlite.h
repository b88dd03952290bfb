/*
 * SQLite files as another program (or an older Samenspel) leaves them, for
 * the store and resume tests: header only, for tests that link SQLite.
 *
 * TS_SCHEMA2_SQL: the tables Samenspel wrote before it recorded the rules version (schema
 * 2, user_version 2: sessions played under rules 1), verbatim: the file a
 * trainer brings from an earlier workshop. The store and resume tests make
 * such a file with it; a test appends its own INSERTs to the literal.
 * application_id is STORE_APPLICATION_ID ("SSPL").
 */
#ifndef SAMENSPEL_TEST_SQLITE_H
#define SAMENSPEL_TEST_SQLITE_H

#include <sqlite3.h>

/* Runs sql on the file at path with plain SQLite, not the store: SQLITE_OK
 * or SQLite's error code. */
static inline int ts_sql(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open(path, &db);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

#define TS_SCHEMA2_SQL \
    "PRAGMA application_id=1397968972;" \
    "PRAGMA user_version=2;" \
    "CREATE TABLE session(id INTEGER PRIMARY KEY, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL," \
    "  finished_at INTEGER, level_path TEXT NOT NULL, level_text TEXT NOT NULL," \
    "  level_id TEXT NOT NULL DEFAULT '', level_title TEXT NOT NULL DEFAULT '', seed INTEGER NOT NULL," \
    "  room_code TEXT NOT NULL, n_seats INTEGER NOT NULL, outcome INTEGER NOT NULL DEFAULT 0," \
    "  collab_level INTEGER NOT NULL DEFAULT 0, rounds_played INTEGER NOT NULL DEFAULT 0," \
    "  state_hash INTEGER NOT NULL DEFAULT 0, app_version TEXT NOT NULL DEFAULT '');" \
    "CREATE TABLE seat(session_id INTEGER NOT NULL REFERENCES session(id), seat INTEGER NOT NULL," \
    "  role_id TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '', token BLOB NOT NULL," \
    "  taken INTEGER NOT NULL DEFAULT 0, bot INTEGER NOT NULL DEFAULT 0," \
    "  PRIMARY KEY(session_id, seat)) WITHOUT ROWID;" \
    "CREATE TABLE action(session_id INTEGER NOT NULL REFERENCES session(id), seq INTEGER NOT NULL," \
    "  type INTEGER NOT NULL, seat INTEGER NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL," \
    "  c INTEGER NOT NULL, text TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL," \
    "  PRIMARY KEY(session_id, seq)) WITHOUT ROWID;" \
    "CREATE INDEX session_finished ON session(finished_at);" \
    "ALTER TABLE session ADD COLUMN roles_name TEXT;" \
    "ALTER TABLE session ADD COLUMN roles_text TEXT;"

#endif
