/*
 * store_int: what the store's own files share (the handle and small SQLite
 * helpers); private to src/store, never included from outside it.
 */
#ifndef SAMENSPEL_STORE_INT_H
#define SAMENSPEL_STORE_INT_H

#include "store/store.h"

#include <sqlite3.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

struct store {
    sqlite3 *db;
    int schema;               /* user_version of the open file (1 when a migration was not possible) */
    sqlite3_stmt *append;     /* cached: the host appends once per action */
    sqlite3_stmt *touch;
    char path[STORE_PATH_LEN];
};

static inline int64_t store_now(void)
{
    return (int64_t)time(NULL);
}

/* Seeds and hashes are 64-bit unsigned values stored bit for bit in
 * SQLite's signed INTEGER. */
static inline int64_t store_u64_to_i64(uint64_t v)
{
    int64_t out;
    memcpy(&out, &v, sizeof out);
    return out;
}

static inline uint64_t store_i64_to_u64(int64_t v)
{
    uint64_t out;
    memcpy(&out, &v, sizeof out);
    return out;
}

/* Formats into err when there is one (err may be NULL). */
void store_set_err(char *err, size_t err_len, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Runs SQL without results; false with "Databasefout: ..." in err. */
bool store_exec_sql(sqlite3 *db, const char *sql, char *err, size_t err_len);

/* One integer from a query (a PRAGMA); false when it fails, *why from SQLite. */
bool store_query_int(sqlite3 *db, const char *sql, int64_t *out, const char **why);

/* Copies a text column into a fixed buffer; NULL becomes "". */
void store_column_text(sqlite3_stmt *st, int col, char *out, size_t len);

/* Sets err to SQLite's last message for this store; always returns false. */
bool store_db_fail(store *s, char *err, size_t err_len);

/* Prepares one statement of this store into *st; on failure err says why
 * (store_db_fail) and the result is false. */
bool store_prepare(store *s, const char *sql, sqlite3_stmt **st, char *err, size_t err_len);

/* Runs a prepared statement that returns no rows and finalizes it; false
 * with err (store_db_fail) when it did not complete. */
bool store_step_done(store *s, sqlite3_stmt *st, char *err, size_t err_len);

/* A roles file name as the level refers to it: a plain file name. */
bool store_roles_name_ok(const char *name);

#endif
