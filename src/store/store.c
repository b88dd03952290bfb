/* store: opening a database safely (checks, schema, migrations), closing it,
 * and the small SQLite helpers the other store files share (store_int.h). */
#include "store/store_int.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The schema of user_version 1. Seeds and hashes are 64-bit unsigned values
 * stored bit for bit in SQLite's signed INTEGER (store_u64_to_i64). */
static const char schema_v1[] =
    "CREATE TABLE session("
    "  id INTEGER PRIMARY KEY,"
    "  created_at INTEGER NOT NULL,"
    "  updated_at INTEGER NOT NULL,"
    "  finished_at INTEGER,"               /* NULL while the game runs */
    "  level_path TEXT NOT NULL,"
    "  level_text TEXT NOT NULL,"          /* the file as it was: replay even if it changed */
    "  level_id TEXT NOT NULL DEFAULT '',"
    "  level_title TEXT NOT NULL DEFAULT '',"
    "  seed INTEGER NOT NULL,"
    "  room_code TEXT NOT NULL,"
    "  n_seats INTEGER NOT NULL,"
    "  outcome INTEGER NOT NULL DEFAULT 0,"
    "  collab_level INTEGER NOT NULL DEFAULT 0,"
    "  rounds_played INTEGER NOT NULL DEFAULT 0,"
    "  state_hash INTEGER NOT NULL DEFAULT 0,"
    "  app_version TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE TABLE seat("
    "  session_id INTEGER NOT NULL REFERENCES session(id),"
    "  seat INTEGER NOT NULL,"
    "  role_id TEXT NOT NULL DEFAULT '',"
    "  name TEXT NOT NULL DEFAULT '',"
    "  token BLOB NOT NULL,"
    "  taken INTEGER NOT NULL DEFAULT 0,"
    "  bot INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY(session_id, seat)"
    ") WITHOUT ROWID;"
    "CREATE TABLE action("
    "  session_id INTEGER NOT NULL REFERENCES session(id),"
    "  seq INTEGER NOT NULL,"
    "  type INTEGER NOT NULL,"
    "  seat INTEGER NOT NULL,"
    "  a INTEGER NOT NULL, b INTEGER NOT NULL, c INTEGER NOT NULL,"
    "  text TEXT NOT NULL DEFAULT '',"
    "  at INTEGER NOT NULL,"                /* Unix seconds, for the timeline */
    "  PRIMARY KEY(session_id, seq)"
    ") WITHOUT ROWID;"
    "CREATE INDEX session_finished ON session(finished_at);";

/* Schema 1 -> 2: the roles file the level used, so that a resume or a
 * report rebuilds the game even after that file changed or was deleted.
 * NULL in sessions recorded by schema 1 (they replay with the roles file
 * found at replay time, as before). roles_name is the file name the level
 * looks for next to itself ('rolbestand', else rollen.yaml). */
static const char schema_v2[] =
    "ALTER TABLE session ADD COLUMN roles_name TEXT;"
    "ALTER TABLE session ADD COLUMN roles_text TEXT;";

/* Schema 2 -> 3: the rules version a session was played with. Every
 * session recorded before was played under rules 1 (the DEFAULT); new
 * sessions write STORE_RULES_VERSION. A resume of a session of other rules
 * is refused (store_session_resumable); reading it stays possible. */
static const char schema_v3[] =
    "ALTER TABLE session ADD COLUMN rules_version INTEGER NOT NULL DEFAULT 1;";

/* ------------------------------------- shared helpers (see store_int.h) */

void store_set_err(char *err, size_t err_len, const char *fmt, ...)
{
    if (!err || err_len == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_len, fmt, ap);
    va_end(ap);
}

void store_column_text(sqlite3_stmt *st, int col, char *out, size_t len)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    int n = sqlite3_column_bytes(st, col);
    if (!t || n <= 0) {
        out[0] = '\0';
        return;
    }
    size_t k = (size_t)n < len - 1 ? (size_t)n : len - 1;
    memcpy(out, t, k);
    out[k] = '\0';
}

bool store_exec_sql(sqlite3 *db, const char *sql, char *err, size_t err_len)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        store_set_err(err, err_len, _("Databasefout: %s"), msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return false;
    }
    return true;
}

bool store_query_int(sqlite3 *db, const char *sql, int64_t *out, const char **why)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            *out = 0;
            rc = SQLITE_OK;
        }
    }
    if (rc != SQLITE_OK && why)
        *why = sqlite3_errmsg(db);
    sqlite3_finalize(st);
    return rc == SQLITE_OK;
}

bool store_db_fail(store *s, char *err, size_t err_len)
{
    store_set_err(err, err_len, _("Databasefout in %s: %s"), s->path, sqlite3_errmsg(s->db));
    return false;
}

bool store_prepare(store *s, const char *sql, sqlite3_stmt **st, char *err, size_t err_len)
{
    *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
        return store_db_fail(s, err, err_len);
    return true;
}

bool store_step_done(store *s, sqlite3_stmt *st, char *err, size_t err_len)
{
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? true : store_db_fail(s, err, err_len);
}

bool store_roles_name_ok(const char *name)
{
    size_t n = name ? strnlen(name, STORE_ROLES_NAME_LEN) : 0;
    return n > 0 && n < STORE_ROLES_NAME_LEN && !strchr(name, '/') && !strchr(name, '\\') &&
           strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

/* --------------------------------------------------------------- opening */

bool store_default_path(char *out, size_t len, char *err, size_t err_len)
{
    char dir[PLAT_PATH_MAX];
    if (!plat_user_data_dir(dir, sizeof dir)) {
        store_set_err(err, err_len, _("Kan de gegevensmap voor de database niet aanmaken "
                                      "(XDG_DATA_HOME); kies een bestand met --db."));
        return false;
    }
    int n = snprintf(out, len, "%s/samenspel.db", dir);
    if (n < 0 || (size_t)n >= len) {
        store_set_err(err, err_len, _("Het pad van de database is te lang; kies een bestand met --db."));
        return false;
    }
    return true;
}

/* Reads the first bytes of an existing file to tell "not a database" from
 * "damaged database" before SQLite is let near it. 1 = SQLite header,
 * 0 = empty file, -1 = something else (message set). */
static int sniff_file(const char *path, int64_t size, char *err, size_t err_len)
{
    if (size == 0)
        return 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        store_set_err(err, err_len, _("Kan de database %s niet lezen: %s"), path, strerror(errno));
        return -1;
    }
    unsigned char hdr[100];
    size_t got = fread(hdr, 1, sizeof hdr, f);
    fclose(f);
    static const char magic[16] = "SQLite format 3";
    if (got < 16 || memcmp(hdr, magic, 16) != 0) {
        store_set_err(err, err_len,
                      _("%s is geen Samenspel-database (en ook geen SQLite-database). "
                        "Het bestand blijft onaangeroerd; kies een ander bestand met --db."),
                      path);
        return -1;
    }
    if (got < sizeof hdr) {
        store_set_err(err, err_len,
                      _("De database %s is afgekapt of beschadigd (%lld bytes). "
                        "Het bestand blijft onaangeroerd; maak een kopie en kies een ander bestand met --db."),
                      path, (long long)size);
        return -1;
    }
    /* The header says how big the database is (valid when bytes 92..95 equal
     * the change counter at 24..27); a shorter file lost its tail. */
    unsigned page = (unsigned)hdr[16] << 8 | hdr[17];
    if (page == 1)
        page = 65536;
    uint32_t pages = (uint32_t)hdr[28] << 24 | (uint32_t)hdr[29] << 16 | (uint32_t)hdr[30] << 8 | hdr[31];
    bool size_valid = memcmp(hdr + 24, hdr + 92, 4) == 0 && pages > 0;
    /* While another process (a second host, the report) checkpoints its
     * write-ahead log, page 1 with the new page count lands before the pages
     * that extend the file: a short file beside a -wal is normal then, and
     * SQLite's own quick_check below judges it instead. */
    char wal_path[4096];
    struct stat wal_sb;
    bool wal_present = (size_t)snprintf(wal_path, sizeof wal_path, "%s-wal", path) < sizeof wal_path &&
                       stat(wal_path, &wal_sb) == 0;
    if (size_valid && (int64_t)pages * page > size && !wal_present) {
        store_set_err(err, err_len,
                      _("De database %s is afgekapt of beschadigd (%lld bytes). "
                        "Het bestand blijft onaangeroerd; maak een kopie en kies een ander bestand met --db."),
                      path, (long long)size);
        return -1;
    }
    /* application_id (offset 68) and user_version (60) straight from the
     * header: another program's database is refused before SQLite reads it
     * at all. 0 may still be ours (created, killed before the first
     * checkpoint: the id is in the -wal then), so that case goes on to the
     * read-only check. */
    uint32_t app = (uint32_t)hdr[68] << 24 | (uint32_t)hdr[69] << 16 | (uint32_t)hdr[70] << 8 | hdr[71];
    uint32_t version = (uint32_t)hdr[60] << 24 | (uint32_t)hdr[61] << 16 | (uint32_t)hdr[62] << 8 | hdr[63];
    if (app != 0 && app != STORE_APPLICATION_ID) {
        store_set_err(err, err_len,
                      _("%s is een database van een ander programma, niet van Samenspel. "
                        "Het bestand blijft onaangeroerd; kies een ander bestand met --db."),
                      path);
        return -1;
    }
    if (app == STORE_APPLICATION_ID && version > STORE_SCHEMA_VERSION) {
        store_set_err(err, err_len,
                      _("De database %s is gemaakt door een nieuwere versie van Samenspel "
                        "(schema %lld, deze versie kent %d). Werk Samenspel bij of kies een ander bestand met --db."),
                      path, (long long)version, STORE_SCHEMA_VERSION);
        return -1;
    }
    return 1;
}

static bool create_schema(sqlite3 *db, char *err, size_t err_len)
{
    /* a new file goes through the same steps as an upgraded one, so both
     * end with the same tables */
    char sql[sizeof schema_v1 + sizeof schema_v2 + sizeof schema_v3 + 256];
    snprintf(sql, sizeof sql,
             "BEGIN IMMEDIATE;"
             "PRAGMA application_id=%d;"
             "PRAGMA user_version=%d;"
             "%s%s%s"
             "COMMIT;",
             STORE_APPLICATION_ID, STORE_SCHEMA_VERSION, schema_v1, schema_v2, schema_v3);
    if (!store_exec_sql(db, sql, err, err_len)) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return false;
    }
    return true;
}

/* Upgrades a healthy Samenspel database of schema 1 or 2 (checked by
 * verify_existing) in one transaction: either all of it or nothing. A file
 * that cannot be written (read-only copy) stays at its version and is
 * still read. */
static int migrate(sqlite3 *db, int64_t version)
{
    if (version >= STORE_SCHEMA_VERSION)
        return (int)version;
    char sql[sizeof schema_v2 + sizeof schema_v3 + 128];
    snprintf(sql, sizeof sql,
             "BEGIN IMMEDIATE;"
             "%s%s"
             "PRAGMA user_version=%d;"
             "COMMIT;",
             version < 2 ? schema_v2 : "", schema_v3, STORE_SCHEMA_VERSION);
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return (int)version;
    }
    return STORE_SCHEMA_VERSION;
}

/* PRAGMA quick_check(1): true when it says "ok"; otherwise `first` holds
 * its first finding (or SQLite's error) on one line. */
static bool quick_check(sqlite3 *db, char *first, size_t len)
{
    sqlite3_stmt *st = NULL;
    bool ok = false;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL) == SQLITE_OK) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            store_column_text(st, 0, first, len);
            ok = strcmp(first, "ok") == 0;
        } else {
            snprintf(first, len, "%s", sqlite3_errmsg(db));
        }
    } else {
        snprintf(first, len, "%s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    for (char *c = first; *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' '; /* quick_check reports on several lines */
    return ok;
}

/* Checks that an opened existing database is ours and healthy. Only reads.
 * *fresh is set when it is an empty SQLite database we may initialise;
 * *version_out gets its user_version. */
static bool verify_existing(sqlite3 *db, const char *path, bool *fresh, int64_t *version_out,
                            char *err, size_t err_len)
{
    const char *why = NULL;
    int64_t app = 0, version = 0, tables = 0;
    *fresh = false;
    *version_out = 0;
    if (!store_query_int(db, "PRAGMA application_id", &app, &why) ||
        !store_query_int(db, "PRAGMA user_version", &version, &why) ||
        !store_query_int(db, "SELECT count(*) FROM sqlite_master", &tables, &why)) {
        if (sqlite3_extended_errcode(db) == SQLITE_READONLY_ROLLBACK) {
            store_set_err(err, err_len,
                          _("%s heeft een onafgewerkte wijziging van een ander programma (een -journal-bestand). "
                            "Het bestand blijft onaangeroerd; kies een ander bestand met --db."),
                          path);
            return false;
        }
        store_set_err(err, err_len,
                      _("De database %s is beschadigd of onleesbaar (%s). "
                        "Het bestand blijft onaangeroerd; maak een kopie en kies een ander bestand met --db."),
                      path, why ? why : "?");
        return false;
    }
    if (app != STORE_APPLICATION_ID) {
        if (app == 0 && version == 0 && tables == 0) {
            *fresh = true;
            return true;
        }
        store_set_err(err, err_len,
                      _("%s is een database van een ander programma, niet van Samenspel. "
                        "Het bestand blijft onaangeroerd; kies een ander bestand met --db."),
                      path);
        return false;
    }
    if (version > STORE_SCHEMA_VERSION) {
        store_set_err(err, err_len,
                      _("De database %s is gemaakt door een nieuwere versie van Samenspel "
                        "(schema %lld, deze versie kent %d). Werk Samenspel bij of kies een ander bestand met --db."),
                      path, (long long)version, STORE_SCHEMA_VERSION);
        return false;
    }
    if (version < 1) {
        store_set_err(err, err_len,
                      _("De database %s is beschadigd of onleesbaar (%s). "
                        "Het bestand blijft onaangeroerd; maak een kopie en kies een ander bestand met --db."),
                      path, "user_version 0");
        return false;
    }
    /* quick_check reads every page: a truncated or overwritten file is
     * caught here instead of halfway through a workshop. */
    char first[200] = "?";
    if (!quick_check(db, first, sizeof first)) {
        store_set_err(err, err_len,
                      _("De database %s is beschadigd of onleesbaar (%s). "
                        "Het bestand blijft onaangeroerd; maak een kopie en kies een ander bestand met --db."),
                      path, first);
        return false;
    }
    /* The tables this build reads must be there (schema 1). */
    int64_t n = 0;
    if (!store_query_int(db,
                         "SELECT count(*) FROM sqlite_master WHERE type='table' "
                         "AND name IN ('session','seat','action')",
                         &n, &why) ||
        n != 3) {
        store_set_err(err, err_len,
                      _("De database %s is beschadigd of onleesbaar (%s). "
                        "Het bestand blijft onaangeroerd; maak een kopie en kies een ander bestand met --db."),
                      path, _("tabellen ontbreken"));
        return false;
    }
    *version_out = version;
    return true;
}

/* Looks at the path before SQLite may touch it. -1 = refused (message
 * set), 0 = no file yet or an empty one, 1 = an existing SQLite file;
 * *exists says whether the file was there. */
static int check_path(const char *path, bool create, bool *exists, char *err, size_t err_len)
{
    *exists = false;
    if (!path || !path[0]) {
        store_set_err(err, err_len, _("Geen databasebestand opgegeven."));
        return -1;
    }
    if (strlen(path) >= STORE_PATH_LEN) {
        store_set_err(err, err_len, _("Het pad van de database is te lang; kies een bestand met --db."));
        return -1;
    }
    struct stat sb;
    *exists = stat(path, &sb) == 0;
    if (*exists && !S_ISREG(sb.st_mode)) {
        store_set_err(err, err_len, _("%s is geen gewoon bestand; kies een databasebestand met --db."), path);
        return -1;
    }
    if (!*exists && !create) {
        store_set_err(err, err_len,
                      _("De database %s bestaat niet. Er is nog geen sessie gespeeld, "
                        "of kies het juiste bestand met --db."),
                      path);
        return -1;
    }
    return *exists ? sniff_file(path, (int64_t)sb.st_size, err, err_len) : 0;
}

/* Opens a connection with SQLite's extended result codes; NULL with a
 * message when SQLite cannot open the file. */
static sqlite3 *open_handle(const char *path, int flags, char *err, size_t err_len)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc != SQLITE_OK) {
        store_set_err(err, err_len, _("Kan de database %s niet openen: %s"), path,
                      db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_extended_result_codes(db, 1);
    /* The host writes while a report or the debrief reads: wait instead of
     * failing on a short lock. */
    sqlite3_busy_timeout(db, 3000);
    return db;
}

store *store_open(const char *path, bool create, char *err, size_t err_len)
{
    bool exists = false;
    int sniff = check_path(path, create, &exists, err, err_len);
    if (sniff < 0)
        return NULL;

    bool fresh = !exists || sniff == 0;
    int64_t version = STORE_SCHEMA_VERSION;
    if (!fresh) {
        /* First look read-only: a foreign database with a hot rollback
         * journal would otherwise be rolled back (written) by merely
         * reading it. */
        sqlite3 *ro = open_handle(path, SQLITE_OPEN_READONLY, err, err_len);
        if (!ro)
            return NULL;
        bool ok = verify_existing(ro, path, &fresh, &version, err, err_len);
        sqlite3_close(ro);
        if (!ok)
            return NULL;
    }
    if (fresh && !create) {
        store_set_err(err, err_len,
                      _("De database %s is leeg: er is nog geen sessie gespeeld."), path);
        return NULL;
    }

    /* Existing files are opened without SQLITE_OPEN_CREATE: a file that
     * disappears in between is an error, not a new empty database. */
    int flags = SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
    sqlite3 *db = open_handle(path, flags, err, err_len);
    if (!db)
        return NULL;

    /* WAL: a report can read while the host writes, and a commit is one
     * append to the -wal file.
     *
     * synchronous=NORMAL is enough for "every action a client saw
     * acknowledged survives SIGKILL of the host": in WAL mode a commit
     * returns only after its frames were written to the -wal file with
     * write(2), i.e. they are in the operating system's page cache, which
     * belongs to the kernel and survives the death of our process. The next
     * open replays the WAL. NORMAL only skips the fsync per commit, which
     * matters for power loss or a kernel crash (then the last few actions
     * may be lost, but the database stays consistent). FULL would fsync
     * every action (milliseconds each on a laptop disk) for a risk a
     * workshop can live with: the host then resumes a few actions earlier. */
    if (!store_exec_sql(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                        err, err_len)) {
        sqlite3_close(db);
        return NULL;
    }
    if (fresh && !create_schema(db, err, err_len)) {
        sqlite3_close(db);
        return NULL;
    }
    int schema = fresh ? STORE_SCHEMA_VERSION : migrate(db, version);

    store *s = calloc(1, sizeof *s);
    if (!s) {
        store_set_err(err, err_len, _("Onvoldoende geheugen."));
        sqlite3_close(db);
        return NULL;
    }
    s->db = db;
    s->schema = schema;
    snprintf(s->path, sizeof s->path, "%s", path);
    return s;
}

void store_close(store *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->append);
    sqlite3_finalize(s->touch);
    sqlite3_close(s->db);
    free(s);
}

const char *store_path(const store *s)
{
    return s ? s->path : "";
}
