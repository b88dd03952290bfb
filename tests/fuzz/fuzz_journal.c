/* libFuzzer harness for the journal reader (src/store).
 *
 * The first input byte picks what the rest is:
 *   even: the bytes of a database file. store_open must refuse it or open
 *         it, and every session in it must load or fail with a message.
 *   odd:  rows written with raw SQL into a valid Samenspel database (any
 *         SQLite type in any column, as a damaged or hand-edited database
 *         would hold), then read back through the store.
 * Nothing may crash, leak or read out of bounds. */
#include "store/store.h"

#include <sqlite3.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void make_dir(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "%s/ss_fuzz_journal_XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    if (!mkdtemp(dir))
        abort();
}

static void remove_db(const char *path)
{
    char p[256];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

/* Reads everything the report and resume read. */
static void read_everything(store *db)
{
    char err[STORE_ERR_LEN];
    store_session *list = NULL;
    int n = store_list(db, &list, err, sizeof err);
    for (int i = 0; i < n && i < 8; i++) {
        store_session s;
        if (store_session_get(db, list[i].id, &s, err, sizeof err)) {
            if (s.n_seats < 0 || s.n_seats > CORE_MAX_SEATS)
                abort();
        }
        char *text = NULL;
        size_t len = 0;
        if (store_level_text(db, list[i].id, &text, &len, err, sizeof err) && strlen(text) > len)
            abort();
        free(text);
        char name[STORE_ROLES_NAME_LEN];
        char *roles = NULL;
        size_t rlen = 0;
        if (store_roles_text(db, list[i].id, name, &roles, &rlen, err, sizeof err) && roles &&
            (strlen(roles) > rlen || !name[0] || strchr(name, '/')))
            abort(); /* the reader handed out a roles name that could leave the level's folder */
        free(roles);
        core_action *acts = NULL;
        uint64_t *seqs = NULL;
        size_t na = 0;
        if (store_load_actions(db, list[i].id, &acts, &seqs, &na, err, sizeof err)) {
            for (size_t k = 0; k < na; k++) {
                if (acts[k].type <= CORE_ACT_NONE || acts[k].type >= CORE_ACT_COUNT ||
                    acts[k].seat < CORE_SEAT_HOST || acts[k].seat >= CORE_MAX_SEATS ||
                    strnlen(acts[k].text, CORE_ANSWER_LEN) >= CORE_ANSWER_LEN)
                    abort(); /* the reader let an invalid action through */
                if (k > 0 && seqs[k] <= seqs[k - 1])
                    abort();
            }
        }
        int64_t *at = NULL;
        size_t nt = 0;
        if (store_load_action_times(db, list[i].id, &at, &nt, err, sizeof err) && nt > 0 && !at)
            abort();
        free(at);
        free(acts);
        free(seqs);
    }
    free(list);
    store_last_finished(db, err, sizeof err);
    store_last_unfinished(db, err, sizeof err);
}

static void fuzz_file(const uint8_t *data, size_t size)
{
    char path[128], err[STORE_ERR_LEN];
    snprintf(path, sizeof path, "%s/file.db", dir);
    remove_db(path);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    store *db = store_open(path, false, err, sizeof err);
    if (db) {
        read_everything(db);
        store_close(db);
    } else if (!err[0]) {
        abort(); /* refused without saying why */
    }
    remove_db(path);
}

/* A cursor over the fuzz input. */
typedef struct {
    const uint8_t *p;
    size_t n;
} cursor;

static uint8_t take_u8(cursor *c)
{
    if (!c->n)
        return 0;
    c->n--;
    return *c->p++;
}

static int64_t take_i64(cursor *c)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | take_u8(c);
    int64_t out;
    memcpy(&out, &v, sizeof out);
    return out;
}

/* Binds a value of a fuzz-chosen SQLite type. */
static void bind_any(sqlite3_stmt *st, int col, cursor *c)
{
    uint8_t kind = take_u8(c);
    switch (kind % 6) {
    case 0: sqlite3_bind_null(st, col); break;
    case 1: sqlite3_bind_int64(st, col, (int8_t)take_u8(c)); break; /* small: often valid */
    case 2: sqlite3_bind_int64(st, col, take_i64(c)); break;
    case 3: sqlite3_bind_double(st, col, (double)take_i64(c) / 7.0); break;
    default: {
        size_t len = take_u8(c);
        if (kind % 6 == 5)
            len *= 4; /* long texts around CORE_ANSWER_LEN */
        if (len > c->n)
            len = c->n;
        if (kind % 6 == 4)
            sqlite3_bind_text(st, col, (const char *)c->p, (int)len, SQLITE_TRANSIENT);
        else
            sqlite3_bind_blob(st, col, c->p, (int)len, SQLITE_TRANSIENT);
        c->p += len;
        c->n -= len;
        break;
    }
    }
}

static void fuzz_rows(const uint8_t *data, size_t size)
{
    char path[128], err[STORE_ERR_LEN];
    snprintf(path, sizeof path, "%s/rows.db", dir);
    remove_db(path);
    store *db = store_open(path, true, err, sizeof err);
    if (!db)
        abort();
    int64_t id = store_session_create(db, "fuzz.yaml", "id: x\n", 6, NULL, 42, "FUZZ", 4, NULL,
                                      err, sizeof err);
    if (id <= 0)
        abort();
    store_close(db);

    sqlite3 *raw = NULL;
    if (sqlite3_open(path, &raw) != SQLITE_OK)
        abort();
    sqlite3_exec(raw, "BEGIN", NULL, NULL, NULL);
    cursor c = {data, size};
    sqlite3_stmt *ins = NULL, *sess = NULL, *seat = NULL;
    sqlite3_prepare_v2(raw, "INSERT OR REPLACE INTO action VALUES(?,?,?,?,?,?,?,?,?)", -1, &ins, NULL);
    sqlite3_prepare_v2(raw,
                       "UPDATE session SET n_seats=?, seed=?, room_code=?, outcome=?, collab_level=?, "
                       "rounds_played=?, level_text=?, finished_at=?, roles_name=?, roles_text=? WHERE id=1",
                       -1, &sess, NULL);
    sqlite3_prepare_v2(raw, "INSERT OR REPLACE INTO seat VALUES(1,?,?,?,?,?,?)", -1, &seat, NULL);
    for (int rows = 0; c.n > 0 && rows < 64; rows++) {
        uint8_t what = take_u8(&c);
        sqlite3_stmt *st = what % 8 == 0 ? sess : what % 8 == 1 ? seat : ins;
        int cols = sqlite3_bind_parameter_count(st);
        sqlite3_reset(st);
        int first = 1;
        if (st == ins) {
            sqlite3_bind_int64(ins, 1, (what & 0x80) ? take_i64(&c) : 1); /* mostly our session */
            first = 2;
        }
        for (int k = first; k <= cols; k++)
            bind_any(st, k, &c);
        sqlite3_step(st); /* constraint failures are fine: that row is just not there */
        sqlite3_reset(st);
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(sess);
    sqlite3_finalize(seat);
    sqlite3_exec(raw, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(raw);

    db = store_open(path, false, err, sizeof err);
    if (db) {
        read_everything(db);
        store_close(db);
    }
    remove_db(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    make_dir();
    if (size == 0)
        return 0;
    if (data[0] % 2 == 0)
        fuzz_file(data + 1, size - 1);
    else
        fuzz_rows(data + 1, size - 1);
    return 0;
}
