/* store: SQLite journal and archive (see store.h). */
#include "store/store.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <sqlite3.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct store {
    sqlite3 *db;
    int schema;               /* user_version of the open file (1 when a migration was not possible) */
    sqlite3_stmt *append;     /* cached: the host appends once per action */
    sqlite3_stmt *touch;
    char path[STORE_PATH_LEN];
};

/* The schema of user_version 1. Seeds and hashes are 64-bit unsigned values
 * stored bit for bit in SQLite's signed INTEGER. */
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

static void set_err(char *err, size_t err_len, const char *fmt, ...)
{
    if (!err || err_len == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_len, fmt, ap);
    va_end(ap);
}

static int64_t now_unix(void)
{
    return (int64_t)time(NULL);
}

static int64_t u64_to_i64(uint64_t v)
{
    int64_t out;
    memcpy(&out, &v, sizeof out);
    return out;
}

static uint64_t i64_to_u64(int64_t v)
{
    uint64_t out;
    memcpy(&out, &v, sizeof out);
    return out;
}

/* Copies a text column into a fixed buffer; NULL becomes "". */
static void column_text(sqlite3_stmt *st, int col, char *out, size_t len)
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

bool store_default_path(char *out, size_t len, char *err, size_t err_len)
{
    char dir[PLAT_PATH_MAX];
    if (!plat_user_data_dir(dir, sizeof dir)) {
        set_err(err, err_len, _("Kan de gegevensmap voor de database niet aanmaken "
                                "(XDG_DATA_HOME); kies een bestand met --db."));
        return false;
    }
    int n = snprintf(out, len, "%s/samenspel.db", dir);
    if (n < 0 || (size_t)n >= len) {
        set_err(err, err_len, _("Het pad van de database is te lang; kies een bestand met --db."));
        return false;
    }
    return true;
}

/* --------------------------------------------------------------- opening */

static bool exec_sql(sqlite3 *db, const char *sql, char *err, size_t err_len)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        set_err(err, err_len, _("Databasefout: %s"), msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return false;
    }
    return true;
}

/* One integer from a query (a PRAGMA); false when it fails. */
static bool query_int(sqlite3 *db, const char *sql, int64_t *out, const char **why)
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

/* Reads the first bytes of an existing file to tell "not a database" from
 * "damaged database" before SQLite is let near it. 1 = SQLite header,
 * 0 = empty file, -1 = something else (message set). */
static int sniff_file(const char *path, int64_t size, char *err, size_t err_len)
{
    if (size == 0)
        return 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, err_len, _("Kan de database %s niet lezen: %s"), path, strerror(errno));
        return -1;
    }
    unsigned char hdr[100];
    size_t got = fread(hdr, 1, sizeof hdr, f);
    fclose(f);
    static const char magic[16] = "SQLite format 3";
    if (got < 16 || memcmp(hdr, magic, 16) != 0) {
        set_err(err, err_len,
                _("%s is geen Samenspel-database (en ook geen SQLite-database). "
                  "Het bestand blijft onaangeroerd; kies een ander bestand met --db."),
                path);
        return -1;
    }
    if (got < sizeof hdr) {
        set_err(err, err_len,
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
    if (size_valid && (int64_t)pages * page > size) {
        set_err(err, err_len,
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
        set_err(err, err_len,
                _("%s is een database van een ander programma, niet van Samenspel. "
                  "Het bestand blijft onaangeroerd; kies een ander bestand met --db."),
                path);
        return -1;
    }
    if (app == STORE_APPLICATION_ID && version > STORE_SCHEMA_VERSION) {
        set_err(err, err_len,
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
    char sql[sizeof schema_v1 + sizeof schema_v2 + 256];
    snprintf(sql, sizeof sql,
             "BEGIN IMMEDIATE;"
             "PRAGMA application_id=%d;"
             "PRAGMA user_version=%d;"
             "%s%s"
             "COMMIT;",
             STORE_APPLICATION_ID, STORE_SCHEMA_VERSION, schema_v1, schema_v2);
    if (!exec_sql(db, sql, err, err_len)) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return false;
    }
    return true;
}

/* Upgrades a healthy Samenspel database of schema 1 (checked by
 * verify_existing) in one transaction: either all of it or nothing. A file
 * that cannot be written (read-only copy) stays at 1 and is still read. */
static int migrate(sqlite3 *db, int64_t version)
{
    if (version >= STORE_SCHEMA_VERSION)
        return (int)version;
    char sql[sizeof schema_v2 + 128];
    snprintf(sql, sizeof sql,
             "BEGIN IMMEDIATE;"
             "%s"
             "PRAGMA user_version=%d;"
             "COMMIT;",
             schema_v2, STORE_SCHEMA_VERSION);
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return (int)version;
    }
    return STORE_SCHEMA_VERSION;
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
    if (!query_int(db, "PRAGMA application_id", &app, &why) ||
        !query_int(db, "PRAGMA user_version", &version, &why) ||
        !query_int(db, "SELECT count(*) FROM sqlite_master", &tables, &why)) {
        if (sqlite3_extended_errcode(db) == SQLITE_READONLY_ROLLBACK) {
            set_err(err, err_len,
                    _("%s heeft een onafgewerkte wijziging van een ander programma (een -journal-bestand). "
                      "Het bestand blijft onaangeroerd; kies een ander bestand met --db."),
                    path);
            return false;
        }
        set_err(err, err_len,
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
        set_err(err, err_len,
                _("%s is een database van een ander programma, niet van Samenspel. "
                  "Het bestand blijft onaangeroerd; kies een ander bestand met --db."),
                path);
        return false;
    }
    if (version > STORE_SCHEMA_VERSION) {
        set_err(err, err_len,
                _("De database %s is gemaakt door een nieuwere versie van Samenspel "
                  "(schema %lld, deze versie kent %d). Werk Samenspel bij of kies een ander bestand met --db."),
                path, (long long)version, STORE_SCHEMA_VERSION);
        return false;
    }
    if (version < 1) {
        set_err(err, err_len,
                _("De database %s is beschadigd of onleesbaar (%s). "
                  "Het bestand blijft onaangeroerd; maak een kopie en kies een ander bestand met --db."),
                path, "user_version 0");
        return false;
    }
    /* quick_check reads every page: a truncated or overwritten file is
     * caught here instead of halfway through a workshop. */
    sqlite3_stmt *st = NULL;
    bool ok = false;
    char first[200] = "?";
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL) == SQLITE_OK) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            column_text(st, 0, first, sizeof first);
            ok = strcmp(first, "ok") == 0;
        } else {
            snprintf(first, sizeof first, "%s", sqlite3_errmsg(db));
        }
    } else {
        snprintf(first, sizeof first, "%s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    for (char *c = first; *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' '; /* quick_check reports on several lines */
    if (!ok) {
        set_err(err, err_len,
                _("De database %s is beschadigd of onleesbaar (%s). "
                  "Het bestand blijft onaangeroerd; maak een kopie en kies een ander bestand met --db."),
                path, first);
        return false;
    }
    /* The tables this build reads must be there (schema 1). */
    int64_t n = 0;
    if (!query_int(db,
                   "SELECT count(*) FROM sqlite_master WHERE type='table' "
                   "AND name IN ('session','seat','action')",
                   &n, &why) ||
        n != 3) {
        set_err(err, err_len,
                _("De database %s is beschadigd of onleesbaar (%s). "
                  "Het bestand blijft onaangeroerd; maak een kopie en kies een ander bestand met --db."),
                path, _("tabellen ontbreken"));
        return false;
    }
    *version_out = version;
    return true;
}

store *store_open(const char *path, bool create, char *err, size_t err_len)
{
    if (!path || !path[0]) {
        set_err(err, err_len, _("Geen databasebestand opgegeven."));
        return NULL;
    }
    if (strlen(path) >= STORE_PATH_LEN) {
        set_err(err, err_len, _("Het pad van de database is te lang; kies een bestand met --db."));
        return NULL;
    }
    struct stat sb;
    bool exists = stat(path, &sb) == 0;
    if (exists && !S_ISREG(sb.st_mode)) {
        set_err(err, err_len, _("%s is geen gewoon bestand; kies een databasebestand met --db."), path);
        return NULL;
    }
    if (!exists && !create) {
        set_err(err, err_len,
                _("De database %s bestaat niet. Er is nog geen sessie gespeeld, "
                  "of kies het juiste bestand met --db."),
                path);
        return NULL;
    }
    int sniff = exists ? sniff_file(path, (int64_t)sb.st_size, err, err_len) : 0;
    if (sniff < 0)
        return NULL;

    bool fresh = !exists || sniff == 0;
    int64_t version = STORE_SCHEMA_VERSION;
    if (!fresh) {
        /* First look read-only: a foreign database with a hot rollback
         * journal would otherwise be rolled back (written) by merely
         * reading it. */
        sqlite3 *ro = NULL;
        int rc = sqlite3_open_v2(path, &ro, SQLITE_OPEN_READONLY, NULL);
        if (rc != SQLITE_OK) {
            set_err(err, err_len, _("Kan de database %s niet openen: %s"), path,
                    ro ? sqlite3_errmsg(ro) : sqlite3_errstr(rc));
            sqlite3_close(ro);
            return NULL;
        }
        sqlite3_extended_result_codes(ro, 1);
        sqlite3_busy_timeout(ro, 3000);
        bool ok = verify_existing(ro, path, &fresh, &version, err, err_len);
        sqlite3_close(ro);
        if (!ok)
            return NULL;
    }
    if (fresh && !create) {
        set_err(err, err_len,
                _("De database %s is leeg: er is nog geen sessie gespeeld."), path);
        return NULL;
    }

    /* Existing files are opened without SQLITE_OPEN_CREATE: a file that
     * disappears in between is an error, not a new empty database. */
    int flags = SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc != SQLITE_OK) {
        set_err(err, err_len, _("Kan de database %s niet openen: %s"), path,
                db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_extended_result_codes(db, 1);
    /* The host writes while a report or the debrief reads: wait instead of
     * failing on a short lock. */
    sqlite3_busy_timeout(db, 3000);

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
    if (!exec_sql(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
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
        set_err(err, err_len, _("Onvoldoende geheugen."));
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

static bool db_fail(store *s, char *err, size_t err_len)
{
    set_err(err, err_len, _("Databasefout in %s: %s"), s->path, sqlite3_errmsg(s->db));
    return false;
}

/* ---------------------------------------------------------------- writing */

static bool insert_seat(store *s, int64_t session, int seat, const store_seat *in,
                        char *err, size_t err_len)
{
    static const uint8_t zero[STORE_TOKEN_LEN];
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO seat(session_id, seat, role_id, name, token, taken, bot) "
                           "VALUES(?,?,?,?,?,?,?)",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, err_len);
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int(st, 2, seat);
    sqlite3_bind_text(st, 3, in ? in->role_id : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, in ? in->name : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 5, in ? in->token : zero, STORE_TOKEN_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 6, in && in->taken);
    sqlite3_bind_int(st, 7, in && in->bot);
    bool ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok ? true : db_fail(s, err, err_len);
}

/* A roles file name as the level refers to it: a plain file name. */
static bool roles_name_ok(const char *name)
{
    size_t n = name ? strnlen(name, STORE_ROLES_NAME_LEN) : 0;
    return n > 0 && n < STORE_ROLES_NAME_LEN && !strchr(name, '/') && !strchr(name, '\\') &&
           strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

int64_t store_session_create(store *s, const char *level_path,
                             const char *level_text, size_t level_len,
                             const core_scenario *sc, uint64_t seed,
                             const char *code, int n_seats,
                             const store_seat *seats, char *err, size_t err_len)
{
    return store_session_create_roles(s, level_path, level_text, level_len, NULL, sc, seed, code,
                                      n_seats, seats, err, err_len);
}

int64_t store_session_create_roles(store *s, const char *level_path,
                                   const char *level_text, size_t level_len,
                                   const store_roles *roles,
                                   const core_scenario *sc, uint64_t seed,
                                   const char *code, int n_seats,
                                   const store_seat *seats, char *err, size_t err_len)
{
    if (!s)
        return 0;
    if (roles && (!roles_name_ok(roles->name) || !roles->text || roles->len > STORE_MAX_LEVEL_BYTES)) {
        set_err(err, err_len, _("Het rollenbestand van het level kan niet bewaard worden (naam of grootte)."));
        return 0;
    }
    if (roles && s->schema < 2) {
        set_err(err, err_len,
                _("De database %s is van een oudere versie en kon niet bijgewerkt worden "
                  "(alleen-lezen?); kies een ander bestand met --db."),
                s->path);
        return 0;
    }
    if (n_seats < 0 || n_seats > CORE_MAX_SEATS) {
        set_err(err, err_len, _("Ongeldig aantal plaatsen: %d."), n_seats);
        return 0;
    }
    if (level_len > STORE_MAX_LEVEL_BYTES) {
        set_err(err, err_len, _("Het levelbestand is te groot om te bewaren (%zu bytes)."), level_len);
        return 0;
    }
    if (!exec_sql(s->db, "BEGIN IMMEDIATE", err, err_len))
        return 0;
    sqlite3_stmt *st = NULL;
    int64_t id = 0;
    int64_t t = now_unix();
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO session(created_at, updated_at, level_path, level_text, "
                           "level_id, level_title, seed, room_code, n_seats, app_version) "
                           "VALUES(?,?,?,?,?,?,?,?,?,?)",
                           -1, &st, NULL) != SQLITE_OK) {
        db_fail(s, err, err_len);
        goto fail;
    }
    sqlite3_bind_int64(st, 1, t);
    sqlite3_bind_int64(st, 2, t);
    sqlite3_bind_text(st, 3, level_path ? level_path : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, level_text ? level_text : "", level_text ? (int)level_len : 0,
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, sc ? sc->id : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, sc ? sc->title : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 7, u64_to_i64(seed));
    sqlite3_bind_text(st, 8, code ? code : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 9, n_seats);
    sqlite3_bind_text(st, 10, SAMENSPEL_VERSION, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        db_fail(s, err, err_len);
        goto fail;
    }
    id = sqlite3_last_insert_rowid(s->db);
    if (roles) {
        sqlite3_finalize(st);
        st = NULL;
        if (sqlite3_prepare_v2(s->db, "UPDATE session SET roles_name=?, roles_text=? WHERE id=?", -1, &st,
                               NULL) != SQLITE_OK) {
            db_fail(s, err, err_len);
            goto fail;
        }
        sqlite3_bind_text(st, 1, roles->name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, roles->text, (int)roles->len, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, id);
        if (sqlite3_step(st) != SQLITE_DONE) {
            db_fail(s, err, err_len);
            goto fail;
        }
    }
    for (int i = 0; i < n_seats; i++) {
        store_seat seat;
        memset(&seat, 0, sizeof seat);
        if (seats)
            seat = seats[i];
        seat.role_id[CORE_ID_LEN - 1] = '\0';
        seat.name[STORE_NAME_LEN - 1] = '\0';
        if (!seat.role_id[0] && sc && i < sc->n_seats && sc->seat_roles[i] >= 0 &&
            sc->seat_roles[i] < sc->n_roles)
            snprintf(seat.role_id, sizeof seat.role_id, "%s", sc->roles[sc->seat_roles[i]].id);
        if (!insert_seat(s, id, i, &seat, err, err_len))
            goto fail;
    }
    sqlite3_finalize(st);
    if (!exec_sql(s->db, "COMMIT", err, err_len)) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return 0;
    }
    return id;
fail:
    sqlite3_finalize(st);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return 0;
}

bool store_append(store *s, int64_t session, uint64_t seq, const core_action *a,
                  char *err, size_t err_len)
{
    if (!s || !a)
        return false;
    if (seq > (uint64_t)INT64_MAX) {
        set_err(err, err_len, _("Volgnummer %llu is te groot voor de database."),
                (unsigned long long)seq);
        return false;
    }
    size_t text_len = strnlen(a->text, CORE_ANSWER_LEN);
    if (text_len >= CORE_ANSWER_LEN) {
        set_err(err, err_len, _("De tekst van de actie is te lang."));
        return false;
    }
    if (!s->append &&
        sqlite3_prepare_v3(s->db,
                           "INSERT INTO action(session_id, seq, type, seat, a, b, c, text, at) "
                           "SELECT ?1,?2,?3,?4,?5,?6,?7,?8,?9 WHERE "
                           "?2 > (SELECT coalesce(max(seq), -1) FROM action WHERE session_id=?1) "
                           "AND EXISTS(SELECT 1 FROM session WHERE id=?1 AND finished_at IS NULL)",
                           -1, SQLITE_PREPARE_PERSISTENT, &s->append, NULL) != SQLITE_OK)
        return db_fail(s, err, err_len);
    sqlite3_stmt *st = s->append;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int64(st, 2, (int64_t)seq);
    sqlite3_bind_int(st, 3, (int)a->type);
    sqlite3_bind_int(st, 4, a->seat);
    sqlite3_bind_int(st, 5, a->a);
    sqlite3_bind_int(st, 6, a->b);
    sqlite3_bind_int(st, 7, a->c);
    sqlite3_bind_text(st, 8, a->text, (int)text_len, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 9, now_unix());
    /* Autocommit: sqlite3_step returns after the commit reached the WAL
     * (see synchronous in store_open). */
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(s, err, err_len);
    if (sqlite3_changes(s->db) != 1) {
        set_err(err, err_len,
                _("Actie %llu van sessie %lld niet bewaard: de sessie bestaat niet, is al "
                  "afgelopen, of het volgnummer is niet hoger dan het vorige."),
                (unsigned long long)seq, (long long)session);
        return false;
    }
    return true;
}

static bool touch_session(store *s, int64_t session)
{
    if (!s->touch &&
        sqlite3_prepare_v3(s->db, "UPDATE session SET updated_at=? WHERE id=?", -1,
                           SQLITE_PREPARE_PERSISTENT, &s->touch, NULL) != SQLITE_OK)
        return false;
    sqlite3_reset(s->touch);
    sqlite3_bind_int64(s->touch, 1, now_unix());
    sqlite3_bind_int64(s->touch, 2, session);
    int rc = sqlite3_step(s->touch);
    sqlite3_reset(s->touch);
    return rc == SQLITE_DONE;
}

bool store_seat_update(store *s, int64_t session, int seat, const char *name,
                       const uint8_t token[STORE_TOKEN_LEN], bool taken, bool bot,
                       char *err, size_t err_len)
{
    if (!s)
        return false;
    if (seat < 0 || seat >= CORE_MAX_SEATS) {
        set_err(err, err_len, _("Ongeldige plaats %d."), seat);
        return false;
    }
    static const uint8_t zero[STORE_TOKEN_LEN];
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "UPDATE seat SET name=?, token=?, taken=?, bot=? "
                           "WHERE session_id=? AND seat=?",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, err_len);
    size_t name_len = name ? strnlen(name, STORE_NAME_LEN - 1) : 0;
    sqlite3_bind_text(st, 1, name ? name : "", (int)name_len, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 2, token ? token : zero, STORE_TOKEN_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, taken);
    sqlite3_bind_int(st, 4, bot);
    sqlite3_bind_int64(st, 5, session);
    sqlite3_bind_int(st, 6, seat);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(s, err, err_len);
    if (sqlite3_changes(s->db) != 1) {
        set_err(err, err_len, _("Sessie %lld heeft geen plaats %d."), (long long)session, seat);
        return false;
    }
    touch_session(s, session);
    return true;
}

bool store_session_finish(store *s, int64_t session, const core_state *state,
                          char *err, size_t err_len)
{
    if (!s)
        return false;
    sqlite3_stmt *st = NULL;
    int rc;
    if (state) {
        core_measures m;
        core_measures_compute(state, 0, &m);
        rc = sqlite3_prepare_v2(s->db,
                                "UPDATE session SET finished_at=?1, updated_at=?1, outcome=?2, "
                                "collab_level=?3, rounds_played=?4, state_hash=?5 WHERE id=?6",
                                -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, now_unix());
            sqlite3_bind_int(st, 2, (int)state->outcome);
            sqlite3_bind_int(st, 3, (int)m.level);
            sqlite3_bind_int(st, 4, state->round);
            sqlite3_bind_int64(st, 5, u64_to_i64(core_state_hash(state)));
            sqlite3_bind_int64(st, 6, session);
        }
    } else {
        rc = sqlite3_prepare_v2(s->db,
                                "UPDATE session SET finished_at=?1, updated_at=?1 WHERE id=?2",
                                -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, now_unix());
            sqlite3_bind_int64(st, 2, session);
        }
    }
    if (rc != SQLITE_OK)
        return db_fail(s, err, err_len);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(s, err, err_len);
    if (sqlite3_changes(s->db) != 1) {
        set_err(err, err_len, _("Sessie %lld bestaat niet in %s."), (long long)session, s->path);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- reading */

#define SESSION_COLUMNS                                                              \
    "id, created_at, updated_at, finished_at, level_path, level_id, level_title, "   \
    "seed, room_code, n_seats, outcome, collab_level, rounds_played, state_hash, "   \
    "(SELECT count(*) FROM action WHERE session_id=session.id)"

/* Fills a session from a row of SESSION_COLUMNS; values outside their range
 * (a damaged or edited database) are clamped so that no reader can index
 * out of bounds with them. */
static void read_session_row(sqlite3_stmt *st, store_session *o)
{
    memset(o, 0, sizeof *o);
    o->id = sqlite3_column_int64(st, 0);
    o->created_at = sqlite3_column_int64(st, 1);
    o->updated_at = sqlite3_column_int64(st, 2);
    o->finished = sqlite3_column_type(st, 3) != SQLITE_NULL;
    o->finished_at = o->finished ? sqlite3_column_int64(st, 3) : 0;
    column_text(st, 4, o->level_path, sizeof o->level_path);
    column_text(st, 5, o->level_id, sizeof o->level_id);
    column_text(st, 6, o->level_title, sizeof o->level_title);
    o->seed = i64_to_u64(sqlite3_column_int64(st, 7));
    column_text(st, 8, o->code, sizeof o->code);
    int64_t n = sqlite3_column_int64(st, 9);
    o->n_seats = n < 0 ? 0 : n > CORE_MAX_SEATS ? CORE_MAX_SEATS : (int)n;
    int64_t v = sqlite3_column_int64(st, 10);
    o->outcome = v == CORE_OUTCOME_WON ? CORE_OUTCOME_WON
               : v == CORE_OUTCOME_LOST ? CORE_OUTCOME_LOST : CORE_OUTCOME_ONGOING;
    v = sqlite3_column_int64(st, 11);
    o->collab_level = v >= 0 && v < CORE_LEVEL_COUNT ? (core_collab_level)v : CORE_LEVEL_GEEN;
    v = sqlite3_column_int64(st, 12);
    o->rounds_played = v >= 0 && v <= CORE_MAX_ROUNDS ? (int)v : 0;
    o->state_hash = i64_to_u64(sqlite3_column_int64(st, 13));
    o->n_actions = sqlite3_column_int64(st, 14);
}

static bool read_seats(store *s, store_session *o, char *err, size_t err_len)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT seat, role_id, name, token, taken, bot FROM seat "
                           "WHERE session_id=? ORDER BY seat",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, err_len);
    sqlite3_bind_int64(st, 1, o->id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t seat = sqlite3_column_int64(st, 0);
        if (seat < 0 || seat >= o->n_seats)
            continue; /* a row beyond the session's seats is ignored */
        store_seat *x = &o->seats[seat];
        column_text(st, 1, x->role_id, sizeof x->role_id);
        column_text(st, 2, x->name, sizeof x->name);
        const void *tok = sqlite3_column_blob(st, 3);
        if (tok && sqlite3_column_bytes(st, 3) == STORE_TOKEN_LEN)
            memcpy(x->token, tok, STORE_TOKEN_LEN);
        else
            memset(x->token, 0, STORE_TOKEN_LEN); /* damaged: the seat cannot be reclaimed */
        x->taken = sqlite3_column_int64(st, 4) != 0;
        x->bot = sqlite3_column_int64(st, 5) != 0;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(s, err, err_len);
    return true;
}

int store_list(store *s, store_session **out, char *err, size_t err_len)
{
    *out = NULL;
    if (!s)
        return -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT " SESSION_COLUMNS " FROM session ORDER BY id DESC",
                           -1, &st, NULL) != SQLITE_OK) {
        db_fail(s, err, err_len);
        return -1;
    }
    store_session *arr = NULL;
    int n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            if (cap >= 1 << 20)
                break; /* a million sessions is not a workshop database */
            int ncap = cap ? cap * 2 : 16;
            store_session *na = realloc(arr, (size_t)ncap * sizeof *na);
            if (!na) {
                set_err(err, err_len, _("Onvoldoende geheugen."));
                free(arr);
                sqlite3_finalize(st);
                return -1;
            }
            arr = na;
            cap = ncap;
        }
        read_session_row(st, &arr[n++]);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        db_fail(s, err, err_len);
        free(arr);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        if (!read_seats(s, &arr[i], err, err_len)) {
            free(arr);
            return -1;
        }
    }
    *out = arr;
    return n;
}

/* Prepares `sql` (one `?` for the session id) and steps to its row. true
 * with *out positioned on the row (the caller finalizes it); false with a
 * message when the session is not there or the database fails. */
static bool session_row(store *s, const char *sql, int64_t session, sqlite3_stmt **out, char *err,
                        size_t err_len)
{
    *out = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, err_len);
    sqlite3_bind_int64(st, 1, session);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = st;
        return true;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE) {
        set_err(err, err_len, _("Sessie %lld bestaat niet in %s; 'samenspel report --list' toont de sessies."),
                (long long)session, s->path);
        return false;
    }
    return db_fail(s, err, err_len);
}

bool store_session_get(store *s, int64_t session, store_session *out, char *err, size_t err_len)
{
    if (!s)
        return false;
    sqlite3_stmt *st;
    if (!session_row(s, "SELECT " SESSION_COLUMNS " FROM session WHERE id=?", session, &st, err, err_len))
        return false;
    read_session_row(st, out);
    sqlite3_finalize(st);
    return read_seats(s, out, err, err_len);
}

/* A column's bytes as a NUL-terminated malloc'd copy (n already checked). */
static char *dup_bytes(const void *b, int n)
{
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        return NULL;
    if (n > 0 && b)
        memcpy(buf, b, (size_t)n);
    buf[n] = '\0';
    return buf;
}

bool store_level_text(store *s, int64_t session, char **text, size_t *len, char *err, size_t err_len)
{
    *text = NULL;
    *len = 0;
    if (!s)
        return false;
    sqlite3_stmt *st;
    if (!session_row(s, "SELECT level_text FROM session WHERE id=?", session, &st, err, err_len))
        return false;
    /* Read as blob: the exact bytes, even with a NUL a damaged row might hold. */
    const void *b = sqlite3_column_blob(st, 0);
    int n = sqlite3_column_bytes(st, 0);
    if (n < 0 || (size_t)n > STORE_MAX_LEVEL_BYTES) {
        sqlite3_finalize(st);
        set_err(err, err_len, _("Het bewaarde level van sessie %lld is te groot of beschadigd."),
                (long long)session);
        return false;
    }
    char *buf = dup_bytes(b, n);
    sqlite3_finalize(st);
    if (!buf) {
        set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    *text = buf;
    *len = (size_t)n;
    return true;
}

bool store_roles_text(store *s, int64_t session, char name[STORE_ROLES_NAME_LEN], char **text,
                      size_t *len, char *err, size_t err_len)
{
    *text = NULL;
    *len = 0;
    name[0] = '\0';
    if (!s)
        return false;
    if (s->schema < 2)
        return true; /* a schema 1 file that could not be upgraded has none */
    sqlite3_stmt *st;
    if (!session_row(s, "SELECT roles_name, roles_text FROM session WHERE id=?", session, &st, err, err_len))
        return false;
    if (sqlite3_column_type(st, 1) == SQLITE_NULL) {
        sqlite3_finalize(st);
        return true;
    }
    char nm[STORE_ROLES_NAME_LEN];
    column_text(st, 0, nm, sizeof nm);
    const void *b = sqlite3_column_blob(st, 1);
    int n = sqlite3_column_bytes(st, 1);
    if (!roles_name_ok(nm) || n < 0 || (size_t)n > STORE_MAX_LEVEL_BYTES) {
        sqlite3_finalize(st);
        set_err(err, err_len, _("Het bewaarde rollenbestand van sessie %lld is beschadigd."), (long long)session);
        return false;
    }
    char *buf = dup_bytes(b, n);
    sqlite3_finalize(st);
    if (!buf) {
        set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    memcpy(name, nm, sizeof nm);
    *text = buf;
    *len = (size_t)n;
    return true;
}

/* The first error of a load, for a one-line message. */
static const char *first_error(const lvl_diags *d)
{
    for (int i = 0; i < d->n; i++)
        if (d->items[i].severity == LVL_ERROR)
            return d->items[i].message;
    return _("onbekende fout");
}

bool store_load_level_texts(const char *level_path, const char *level_text, size_t level_len,
                            const store_roles *roles, core_scenario *sc, lvl_diags *diags,
                            char *err, size_t err_len)
{
    lvl_diags *d = diags ? diags : calloc(1, sizeof *d);
    if (!d) {
        set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    const char *shown = level_path && level_path[0] ? level_path : "level.yaml";
    bool ok = false;
    if (!roles) {
        ok = lvl_load_buffer(shown, level_text, level_len, sc, d);
        if (!ok)
            set_err(err, err_len, _("Het bewaarde level %s laadt niet: %s"), shown, first_error(d));
        goto done;
    }
    if (!roles_name_ok(roles->name) || !roles->text) {
        set_err(err, err_len, _("Het bewaarde rollenbestand van %s is beschadigd."), shown);
        goto done;
    }
    char shown_roles[STORE_ROLES_NAME_LEN + 32];
    snprintf(shown_roles, sizeof shown_roles, "%s (%s)", roles->name, _("bewaard"));
    ok = lvl_load_buffer_roles(shown, level_text, level_text ? level_len : 0, shown_roles, roles->text,
                               roles->len, sc, d);
    if (!ok)
        set_err(err, err_len, _("Het bewaarde level %s laadt niet: %s"), shown, first_error(d));
done:
    if (d != diags)
        free(d);
    return ok;
}

bool store_session_scenario(store *s, int64_t session, core_scenario *sc, lvl_diags *diags,
                            char *err, size_t err_len)
{
    store_session *ses = calloc(1, sizeof *ses);
    char *text = NULL, *roles = NULL;
    size_t len = 0, rlen = 0;
    char rname[STORE_ROLES_NAME_LEN];
    bool ok = false;
    if (!ses) {
        set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    if (store_session_get(s, session, ses, err, err_len) &&
        store_level_text(s, session, &text, &len, err, err_len) &&
        store_roles_text(s, session, rname, &roles, &rlen, err, err_len)) {
        store_roles r = {rname, roles, rlen};
        ok = store_load_level_texts(ses->level_path, text, len, roles ? &r : NULL, sc, diags, err, err_len);
    }
    free(ses);
    free(text);
    free(roles);
    return ok;
}

static bool int_col(sqlite3_stmt *st, int col, int lo, int hi, int *out)
{
    if (sqlite3_column_type(st, col) != SQLITE_INTEGER)
        return false;
    int64_t v = sqlite3_column_int64(st, col);
    if (v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

bool store_load_actions(store *s, int64_t session, core_action **actions, uint64_t **seqs,
                        size_t *n, char *err, size_t err_len)
{
    *actions = NULL;
    if (seqs)
        *seqs = NULL;
    *n = 0;
    if (!s)
        return false;
    const char *why = NULL;
    int64_t count = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM action WHERE session_id=?", -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, err_len);
    sqlite3_bind_int64(st, 1, session);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        count = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    (void)why;
    if (rc != SQLITE_ROW)
        return db_fail(s, err, err_len);
    if (count > STORE_MAX_ACTIONS) {
        set_err(err, err_len, _("Het journaal van sessie %lld is te lang (%lld acties); de database is vermoedelijk beschadigd."),
                (long long)session, (long long)count);
        return false;
    }
    if (count == 0)
        return true;
    core_action *arr = calloc((size_t)count, sizeof *arr);
    uint64_t *sq = seqs ? calloc((size_t)count, sizeof *sq) : NULL;
    if (!arr || (seqs && !sq)) {
        free(arr);
        free(sq);
        set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    if (sqlite3_prepare_v2(s->db,
                           "SELECT seq, type, seat, a, b, c, text FROM action "
                           "WHERE session_id=? ORDER BY seq",
                           -1, &st, NULL) != SQLITE_OK) {
        free(arr);
        free(sq);
        return db_fail(s, err, err_len);
    }
    sqlite3_bind_int64(st, 1, session);
    size_t k = 0;
    bool ok = true;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (k >= (size_t)count)
            break; /* rows appeared between the count and now: take what was counted */
        int64_t seq = sqlite3_column_int64(st, 0);
        core_action *a = &arr[k];
        int type = 0;
        const unsigned char *text = NULL;
        int text_len = 0;
        bool row_ok = sqlite3_column_type(st, 0) == SQLITE_INTEGER && seq >= 0 &&
                      int_col(st, 1, CORE_ACT_NONE + 1, CORE_ACT_COUNT - 1, &type) &&
                      int_col(st, 2, CORE_SEAT_HOST, CORE_MAX_SEATS - 1, &a->seat) &&
                      int_col(st, 3, INT_MIN, INT_MAX, &a->a) &&
                      int_col(st, 4, INT_MIN, INT_MAX, &a->b) &&
                      int_col(st, 5, INT_MIN, INT_MAX, &a->c);
        if (row_ok) {
            int t = sqlite3_column_type(st, 6);
            if (t == SQLITE_TEXT || t == SQLITE_BLOB) {
                text = sqlite3_column_blob(st, 6);
                text_len = sqlite3_column_bytes(st, 6);
                row_ok = text_len >= 0 && text_len < CORE_ANSWER_LEN &&
                         (text_len == 0 || memchr(text, '\0', (size_t)text_len) == NULL);
            } else {
                row_ok = t == SQLITE_NULL;
            }
        }
        if (!row_ok) {
            set_err(err, err_len,
                    _("Het journaal van sessie %lld is beschadigd: actie %lld is ongeldig."),
                    (long long)session, (long long)seq);
            ok = false;
            break;
        }
        a->type = (core_action_type)type;
        if (text && text_len > 0)
            memcpy(a->text, text, (size_t)text_len);
        a->text[text_len] = '\0';
        if (sq)
            sq[k] = (uint64_t)seq;
        k++;
    }
    if (ok && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        db_fail(s, err, err_len);
        ok = false;
    }
    sqlite3_finalize(st);
    if (!ok) {
        free(arr);
        free(sq);
        return false;
    }
    *actions = arr;
    if (seqs)
        *seqs = sq;
    else
        free(sq);
    *n = k;
    return true;
}

bool store_load_action_times(store *s, int64_t session, int64_t **at, size_t *n,
                             char *err, size_t err_len)
{
    *at = NULL;
    *n = 0;
    if (!s)
        return false;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT at FROM action WHERE session_id=? ORDER BY seq", -1, &st,
                           NULL) != SQLITE_OK)
        return db_fail(s, err, err_len);
    sqlite3_bind_int64(st, 1, session);
    int64_t *arr = NULL;
    size_t k = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (k == cap) {
            if (cap >= STORE_MAX_ACTIONS)
                break;
            size_t ncap = cap ? cap * 2 : 256;
            int64_t *na = realloc(arr, ncap * sizeof *na);
            if (!na) {
                free(arr);
                sqlite3_finalize(st);
                set_err(err, err_len, _("Onvoldoende geheugen."));
                return false;
            }
            arr = na;
            cap = ncap;
        }
        arr[k++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        free(arr);
        return db_fail(s, err, err_len);
    }
    *at = arr;
    *n = k;
    return true;
}

static int64_t last_session(store *s, bool finished, char *err, size_t err_len)
{
    if (!s)
        return -1;
    const char *why = NULL;
    int64_t id = 0;
    /* "Finished" for the report means played to an end (won or lost): a
     * session the host closed because the trainer restarted or changed the
     * level also has a finished_at, but its outcome stays "ongoing"; the
     * report would otherwise pick a half game over the last real one. */
    char sql[256];
    if (finished)
        snprintf(sql, sizeof sql,
                 "SELECT id FROM session WHERE finished_at IS NOT NULL AND outcome IN (%d,%d) "
                 "ORDER BY finished_at DESC, id DESC LIMIT 1",
                 (int)CORE_OUTCOME_WON, (int)CORE_OUTCOME_LOST);
    else
        snprintf(sql, sizeof sql,
                 "SELECT id FROM session WHERE finished_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1");
    if (!query_int(s->db, sql, &id, &why)) {
        set_err(err, err_len, _("Databasefout in %s: %s"), s->path, why ? why : "?");
        return -1;
    }
    return id;
}

int64_t store_last_unfinished(store *s, char *err, size_t err_len)
{
    return last_session(s, false, err, err_len);
}

int64_t store_last_finished(store *s, char *err, size_t err_len)
{
    return last_session(s, true, err, err_len);
}

/* ------------------------------------------------- host journal adapter */

void store_journal_init(store_journal *j, store *db, int64_t session)
{
    memset(j, 0, sizeof *j);
    j->db = db;
    j->session = session;
}

bool store_journal_append(void *ctx, uint64_t seq, const core_action *a)
{
    store_journal *j = ctx;
    j->failed = !store_append(j->db, j->session, seq, a, j->err, sizeof j->err);
    return !j->failed;
}

void store_journal_seat_changed(void *ctx, int seat, const char *name,
                                const uint8_t token[STORE_TOKEN_LEN], bool bot)
{
    store_journal *j = ctx;
    /* The host reports a released seat with an empty name and no token. */
    static const uint8_t zero[STORE_TOKEN_LEN];
    bool taken = bot || (token && memcmp(token, zero, STORE_TOKEN_LEN) != 0);
    j->failed = !store_seat_update(j->db, j->session, seat, name, token, taken, bot, j->err,
                                   sizeof j->err);
}

void store_journal_finished(void *ctx, const core_state *st)
{
    store_journal *j = ctx;
    j->failed = !store_session_finish(j->db, j->session, st, j->err, sizeof j->err);
}
