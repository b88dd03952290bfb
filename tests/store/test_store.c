/* store: round trips of the journal, refusal of foreign/damaged files,
 * and durability of acknowledged actions across SIGKILL. */
#include "store/store.h"
#include "ts_sqlite.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ts_main.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char tmpdir[256];

static void path_in_tmp(char *out, size_t len, const char *name)
{
    snprintf(out, len, "%s/%s", tmpdir, name);
}

/* A new journal <tmp>/<name> (path gets its path), which must open. */
static store *create_in_tmp(const char *name, char *path, size_t len)
{
    char err[STORE_ERR_LEN] = "";
    path_in_tmp(path, len, name);
    store *db = store_open(path, true, err, sizeof err);
    if (!db)
        fail_msg("%s: %s", path, err);
    return db;
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ss_store_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)n + 1);
    *len = fread(b, 1, (size_t)n, f);
    fclose(f);
    return b;
}

static void write_all(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static core_action make_action(int i)
{
    core_action a;
    memset(&a, 0, sizeof a);
    a.type = (core_action_type)(1 + i % (CORE_ACT_COUNT - 1));
    a.seat = i % 5 - 1;
    a.a = i * 3;
    a.b = -i;
    a.c = i % 7;
    if (i % 4 == 0)
        snprintf(a.text, sizeof a.text, "verbeteractie %d: samen met ‘ouder’ <b>&</b> \"CLB\"", i);
    return a;
}

static const char level_text[] = "id: testlevel\ntitel: Test\n# a level file as it was\n";

static int64_t new_session(store *db, const char *code)
{
    store_seat seats[4];
    memset(seats, 0, sizeof seats);
    const char *roles[4] = {"leraar", "ouder", "clb-anker", "leerondersteuner"};
    const char *names[4] = {"An", "Bram", "Chloë", ""};
    for (int i = 0; i < 4; i++) {
        snprintf(seats[i].role_id, sizeof seats[i].role_id, "%s", roles[i]);
        snprintf(seats[i].name, sizeof seats[i].name, "%s", names[i]);
        seats[i].taken = names[i][0] != '\0';
        for (int k = 0; k < STORE_TOKEN_LEN; k++)
            seats[i].token[k] = (uint8_t)(i * 16 + k);
    }
    char err[STORE_ERR_LEN] = "";
    int64_t id = store_session_create(db, "levels/test.yaml", level_text, sizeof level_text - 1,
                                      NULL, 0xFEDCBA9876543210ull, code, 4, seats, err, sizeof err);
    if (id <= 0)
        fprintf(stderr, "%s\n", err);
    return id;
}

/* Everything written comes back identical after close and reopen. */
static void test_round_trip(void **state)
{
    (void)state;
    char path[512], err[STORE_ERR_LEN] = "";
    store *db = create_in_tmp("rt.db", path, sizeof path);
    int64_t id = new_session(db, "ABCD");
    assert_true(id > 0);
    for (int i = 0; i < 200; i++) {
        core_action a = make_action(i);
        assert_true(store_append(db, id, (uint64_t)(i + 1), &a, err, sizeof err));
    }
    uint8_t tok[STORE_TOKEN_LEN];
    memset(tok, 0xAB, sizeof tok);
    assert_true(store_seat_update(db, id, 3, "Dounia", tok, true, false, err, sizeof err));
    assert_false(store_seat_update(db, id, 7, "X", tok, true, false, err, sizeof err));
    assert_true(strlen(err) > 0);
    store_close(db);

    db = store_open(path, false, err, sizeof err);
    assert_non_null(db);
    store_session s;
    assert_true(store_session_get(db, id, &s, err, sizeof err));
    assert_false(s.finished);
    assert_int_equal(s.n_seats, 4);
    assert_string_equal(s.code, "ABCD");
    assert_true(s.seed == 0xFEDCBA9876543210ull);
    assert_string_equal(s.level_path, "levels/test.yaml");
    assert_string_equal(s.seats[2].name, "Chloë");
    assert_string_equal(s.seats[2].role_id, "clb-anker");
    assert_true(s.seats[0].taken);
    assert_string_equal(s.seats[3].name, "Dounia");
    assert_memory_equal(s.seats[3].token, tok, STORE_TOKEN_LEN);
    for (int k = 0; k < STORE_TOKEN_LEN; k++)
        assert_int_equal(s.seats[1].token[k], 16 + k);
    assert_int_equal(s.n_actions, 200);

    char *text = NULL;
    size_t len = 0;
    assert_true(store_level_text(db, id, &text, &len, err, sizeof err));
    assert_int_equal(len, sizeof level_text - 1);
    assert_string_equal(text, level_text);
    free(text);

    core_action *acts = NULL;
    uint64_t *seqs = NULL;
    size_t n = 0;
    assert_true(store_load_actions(db, id, &acts, &seqs, &n, err, sizeof err));
    assert_int_equal(n, 200);
    for (int i = 0; i < 200; i++) {
        core_action want = make_action(i);
        assert_int_equal(seqs[i], (uint64_t)(i + 1));
        assert_int_equal(acts[i].type, want.type);
        assert_int_equal(acts[i].seat, want.seat);
        assert_int_equal(acts[i].a, want.a);
        assert_int_equal(acts[i].b, want.b);
        assert_int_equal(acts[i].c, want.c);
        assert_string_equal(acts[i].text, want.text);
    }
    free(acts);
    free(seqs);
    int64_t *at = NULL;
    assert_true(store_load_action_times(db, id, &at, &n, err, sizeof err));
    assert_int_equal(n, 200);
    for (size_t i = 0; i < n; i++)
        assert_true(at[i] >= s.created_at && at[i] <= s.created_at + 60);
    free(at);
    assert_int_equal(store_last_unfinished(db, err, sizeof err), id);
    assert_int_equal(store_last_finished(db, err, sizeof err), 0);
    store_close(db);
}

/* Sequence numbers only go up; a finished session takes no more actions. */
static void test_seq_and_finish(void **state)
{
    (void)state;
    char path[512], err[STORE_ERR_LEN] = "";
    store *db = create_in_tmp("seq.db", path, sizeof path);
    int64_t a = new_session(db, "AAAA");
    int64_t b = new_session(db, "BBBB");
    assert_true(a > 0 && b > a);
    core_action act = make_action(1);
    assert_true(store_append(db, a, 5, &act, err, sizeof err));
    assert_false(store_append(db, a, 5, &act, err, sizeof err));
    assert_false(store_append(db, a, 4, &act, err, sizeof err));
    assert_true(strlen(err) > 0);
    assert_true(store_append(db, b, 1, &act, err, sizeof err)); /* per session */
    assert_false(store_append(db, 999, 1, &act, err, sizeof err));
    assert_false(store_append(db, a, UINT64_MAX, &act, err, sizeof err));

    assert_true(store_session_finish(db, a, NULL, err, sizeof err));
    assert_false(store_append(db, a, 6, &act, err, sizeof err));
    assert_false(store_session_finish(db, 999, NULL, err, sizeof err));
    /* closed without an outcome (a restart): not a finished game */
    assert_int_equal(store_last_finished(db, err, sizeof err), 0);
    assert_int_equal(store_last_unfinished(db, err, sizeof err), b);

    store_session *list = NULL;
    int n = store_list(db, &list, err, sizeof err);
    assert_int_equal(n, 2);
    assert_int_equal(list[0].id, b); /* newest first */
    assert_int_equal(list[1].id, a);
    assert_true(list[1].finished);
    assert_false(list[0].finished);
    assert_int_equal(list[1].n_actions, 1);
    assert_string_equal(list[0].seats[1].name, "Bram");
    free(list);

    /* The journal adapter with the host's callback signatures. */
    store_journal j;
    store_journal_init(&j, db, b);
    assert_true(store_journal_append(&j, 2, &act));
    assert_false(store_journal_append(&j, 2, &act));
    assert_true(j.failed && strlen(j.err) > 0);
    uint8_t tok[STORE_TOKEN_LEN] = {1};
    store_journal_seat_changed(&j, 0, "Evi", tok, false);
    assert_false(j.failed);
    store_journal_seat_changed(&j, 1, "", NULL, false);
    store_session s;
    assert_true(store_session_get(db, b, &s, err, sizeof err));
    assert_string_equal(s.seats[0].name, "Evi");
    assert_true(s.seats[0].taken);
    assert_false(s.seats[1].taken);
    store_close(db);
}

/* The file at path holds exactly the len bytes of before. */
static void assert_file_is(const char *path, const unsigned char *before, size_t len)
{
    size_t now_len = 0;
    unsigned char *now = read_all(path, &now_len);
    assert_non_null(now);
    assert_int_equal(now_len, len);
    assert_memory_equal(now, before, len);
    free(now);
}

/* Opens must fail with a message and leave the file byte for byte as it was. */
static void expect_refused(const char *path, const char *why_contains)
{
    size_t before_len = 0;
    unsigned char *before = read_all(path, &before_len);
    assert_non_null(before);
    char err[STORE_ERR_LEN] = "";
    store *db = store_open(path, true, err, sizeof err);
    assert_null(db);
    assert_true(strlen(err) > 10);
    if (getenv("STORE_TEST_VERBOSE"))
        fprintf(stderr, "refused: %s\n", err);
    if (why_contains && !strstr(err, why_contains)) {
        fprintf(stderr, "message '%s' lacks '%s'\n", err, why_contains);
        fail();
    }
    /* Also as a reader (the report). */
    assert_null(store_open(path, false, err, sizeof err));
    assert_file_is(path, before, before_len);
    free(before);
}

static void make_foreign_sqlite(const char *path, int app_id, int user_version, bool wal)
{
    char sql[400];
    snprintf(sql, sizeof sql,
             "%s PRAGMA application_id=%d; PRAGMA user_version=%d;"
             "CREATE TABLE contacts(name TEXT, phone TEXT);"
             "INSERT INTO contacts VALUES('oma','0470 12 34 56');",
             wal ? "PRAGMA journal_mode=WAL;" : "", app_id, user_version);
    assert_int_equal(ts_sql(path, sql), SQLITE_OK);
}

static void test_refuses_foreign_and_damaged(void **state)
{
    (void)state;
    char path[512];

    path_in_tmp(path, sizeof path, "notes.txt");
    const char txt[] = "Boodschappen: melk, brood, kaas.\nDit is geen database.\n";
    write_all(path, txt, sizeof txt - 1);
    expect_refused(path, "SQLite");

    path_in_tmp(path, sizeof path, "contacts.db");
    make_foreign_sqlite(path, 0, 0, false);
    expect_refused(path, "ander programma");

    path_in_tmp(path, sizeof path, "other-app.db");
    make_foreign_sqlite(path, 0x12345678, 3, true);
    expect_refused(path, "ander programma");

    path_in_tmp(path, sizeof path, "other-app-wal.db");
    make_foreign_sqlite(path, 0, 0, true);
    expect_refused(path, "ander programma");

    /* Another program died mid-transaction: its database has a hot journal.
     * Merely reading it read-write would roll the journal back into it. */
    path_in_tmp(path, sizeof path, "hot.db");
    char journal[600];
    snprintf(journal, sizeof journal, "%s-journal", path);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        sqlite3 *raw = NULL;
        if (sqlite3_open(path, &raw) != SQLITE_OK)
            _exit(1);
        sqlite3_exec(raw,
                     "PRAGMA journal_mode=DELETE; PRAGMA cache_size=2;"
                     "CREATE TABLE t(x); INSERT INTO t SELECT randomblob(900) FROM "
                     "(WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<200) SELECT i FROM c);"
                     "BEGIN; UPDATE t SET x=randomblob(900);",
                     NULL, NULL, NULL);
        _exit(0); /* no COMMIT, no close: the journal stays hot */
    }
    int status = 0;
    waitpid(pid, &status, 0);
    size_t jlen_before = 0;
    unsigned char *jb = read_all(journal, &jlen_before);
    assert_non_null(jb);
    assert_true(jlen_before > 0);
    expect_refused(path, NULL);
    assert_file_is(journal, jb, jlen_before);
    free(jb);

    path_in_tmp(path, sizeof path, "newer.db");
    make_foreign_sqlite(path, STORE_APPLICATION_ID, STORE_SCHEMA_VERSION + 1, false);
    expect_refused(path, "nieuwere");

    path_in_tmp(path, sizeof path, "tiny.db");
    write_all(path, "SQLite format 3\0abc", 19);
    expect_refused(path, "afgekapt");

    /* A real Samenspel database, cut short at several places. */
    char good[512], err[STORE_ERR_LEN];
    path_in_tmp(good, sizeof good, "good.db");
    store *db = store_open(good, true, err, sizeof err);
    assert_non_null(db);
    int64_t id = new_session(db, "CUTS");
    for (int i = 0; i < 400; i++) {
        core_action a = make_action(i);
        assert_true(store_append(db, id, (uint64_t)i + 1, &a, err, sizeof err));
    }
    store_close(db); /* checkpoints the WAL into the main file */
    size_t len = 0;
    unsigned char *bytes = read_all(good, &len);
    assert_true(len > 8192);
    size_t cuts[] = {50, 100, 4096, len / 2, len - 1};
    for (size_t k = 0; k < sizeof cuts / sizeof cuts[0]; k++) {
        path_in_tmp(path, sizeof path, "cut.db");
        unlink(path);
        write_all(path, bytes, cuts[k]);
        expect_refused(path, NULL);
    }
    /* Overwritten pages in the middle (a damaged disk or a bad copy). */
    unsigned char *bad = malloc(len);
    memcpy(bad, bytes, len);
    memset(bad + 4096, 0x5A, 4096);
    path_in_tmp(path, sizeof path, "scribbled.db");
    write_all(path, bad, len);
    expect_refused(path, NULL);
    free(bad);
    free(bytes);

    /* A directory and a missing file. */
    assert_null(store_open(tmpdir, true, err, sizeof err));
    path_in_tmp(path, sizeof path, "missing.db");
    assert_null(store_open(path, false, err, sizeof err));
    assert_true(strstr(err, "bestaat niet") != NULL);
    struct stat sb;
    assert_int_equal(stat(path, &sb), -1); /* the reader did not create it */
}

/* An empty file or an empty SQLite database holds nothing to lose: the host
 * may initialise it; a reader says it is empty. */
/* A database written before the roles file was journaled (schema 1) is
 * upgraded in place on open: its sessions read as before (no roles text),
 * new sessions keep their roles text, and the file stays ours. */
static void test_schema1_upgrade(void **state)
{
    (void)state;
    char path[512], err[STORE_ERR_LEN] = "";
    store *db = create_in_tmp("v1.db", path, sizeof path);
    int64_t old = new_session(db, "OUDE");
    core_action act = make_action(3);
    assert_true(store_append(db, old, 1, &act, err, sizeof err));
    store_close(db);
    /* turn it into what schema 1 wrote */
    assert_int_equal(ts_sql(path, "ALTER TABLE session DROP COLUMN roles_name;"
                                "ALTER TABLE session DROP COLUMN roles_text;"
                                "ALTER TABLE session DROP COLUMN rules_version;"
                                "PRAGMA user_version=1;"), SQLITE_OK);

    db = store_open(path, false, err, sizeof err); /* the report opens it first */
    assert_non_null(db);
    store_session s;
    assert_true(store_session_get(db, old, &s, err, sizeof err));
    assert_string_equal(s.code, "OUDE");
    assert_int_equal(s.n_actions, 1);
    char *text = NULL;
    size_t len = 0;
    assert_true(store_level_text(db, old, &text, &len, err, sizeof err));
    assert_string_equal(text, level_text);
    free(text);
    char name[STORE_ROLES_NAME_LEN];
    assert_true(store_roles_text(db, old, name, &text, &len, err, sizeof err));
    assert_null(text); /* schema 1 kept none: replays read the roles file as before */

    static const char roles[] = "versie: 1\nrollen: []\n";
    store_roles r = {"team-rollen.yaml", roles, sizeof roles - 1};
    int64_t id = store_session_create_roles(db, "levels/test.yaml", level_text, sizeof level_text - 1, &r,
                                            NULL, 7, "NIEU", 4, NULL, err, sizeof err);
    assert_true(id > old);
    store_roles bad = {"../etc/passwd", roles, sizeof roles - 1};
    assert_int_equal(store_session_create_roles(db, "x.yaml", "", 0, &bad, NULL, 7, "SLCH", 4, NULL, err,
                                                sizeof err),
                     0);
    store_close(db);

    db = store_open(path, false, err, sizeof err);
    assert_non_null(db);
    assert_true(store_roles_text(db, id, name, &text, &len, err, sizeof err));
    assert_non_null(text);
    assert_string_equal(name, "team-rollen.yaml");
    assert_int_equal(len, sizeof roles - 1);
    assert_string_equal(text, roles);
    free(text);
    store_close(db);

    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), STORE_SCHEMA_VERSION);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA application_id", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), STORE_APPLICATION_ID);
    sqlite3_finalize(st);
    sqlite3_close(raw);
}

/* The schema Samenspel wrote before the rules version was recorded
 * (ts_sqlite.h), with sessions in it. */
static const char schema2_sql[] =
    TS_SCHEMA2_SQL
    /* one finished and one unfinished session of rules 1 */
    "INSERT INTO session(id, created_at, updated_at, finished_at, level_path, level_text, level_id,"
    "  level_title, seed, room_code, n_seats, outcome, collab_level, rounds_played, state_hash, app_version)"
    "  VALUES(1, 1700000000, 1700000100, 1700000100, 'levels/noor.yaml', 'id: noor', 'noor', 'Noor',"
    "  42, 'OUDE', 3, 1, 3, 4, 1234, '0.1.0');"
    "INSERT INTO session(id, created_at, updated_at, level_path, level_text, level_id, level_title,"
    "  seed, room_code, n_seats, app_version)"
    "  VALUES(2, 1700000200, 1700000300, 'levels/noor.yaml', 'id: noor', 'noor', 'Noor', 43, 'HALF', 3, '0.1.0');"
    "INSERT INTO seat VALUES(2, 0, 'leraar', 'An', x'000102030405060708090a0b0c0d0e0f', 1, 0);"
    "INSERT INTO seat VALUES(2, 1, 'ouder', 'Bram', x'101112131415161718191a1b1c1d1e1f', 1, 0);"
    "INSERT INTO seat VALUES(2, 2, 'clb-anker', '', x'00000000000000000000000000000000', 1, 1);"
    "INSERT INTO action VALUES(2, 1, 1, -1, 0, 0, 0, '', 1700000200);"
    "INSERT INTO action VALUES(2, 2, 16, 1, 0, -1, -1, 'samen plannen', 1700000250);";

static int user_version(const char *path)
{
    sqlite3 *raw = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return v;
}

/* Sessions recorded before schema 3 were played under rules 1: they are
 * listed, read and replayable for a report as before, but a resume is
 * refused with a message that says why; new sessions record the rules of
 * this build. */
static void test_schema2_rules_version(void **state)
{
    (void)state;
    char path[512], copy[512], err[STORE_ERR_LEN] = "";
    path_in_tmp(path, sizeof path, "v2.db");
    assert_int_equal(ts_sql(path, schema2_sql), SQLITE_OK);
    size_t n_bytes = 0;
    unsigned char *bytes = read_all(path, &n_bytes);
    assert_non_null(bytes);
    path_in_tmp(copy, sizeof copy, "v2-alleen-lezen.db");
    write_all(copy, bytes, n_bytes);
    free(bytes);

    /* the report opens it first: upgraded in place, everything readable */
    store *db = store_open(path, false, err, sizeof err);
    if (!db)
        fail_msg("schema 2 file refused: %s", err);
    assert_int_equal(user_version(path), STORE_SCHEMA_VERSION);
    store_session *list = NULL;
    assert_int_equal(store_list(db, &list, err, sizeof err), 2);
    assert_int_equal(list[0].id, 2);
    assert_int_equal(list[0].rules_version, 1);
    assert_int_equal(list[0].n_actions, 2);
    assert_string_equal(list[0].seats[1].name, "Bram");
    assert_true(list[0].seats[2].bot);
    assert_int_equal(list[1].rules_version, 1);
    assert_true(list[1].finished);
    assert_int_equal(list[1].outcome, CORE_OUTCOME_WON);
    assert_int_equal(list[1].state_hash, 1234);
    free(list);
    assert_int_equal(store_last_unfinished(db, err, sizeof err), 2);
    assert_int_equal(store_last_finished(db, err, sizeof err), 1);
    store_session ses;
    assert_true(store_session_get(db, 2, &ses, err, sizeof err));
    assert_int_equal(ses.rules_version, 1);
    core_action *acts = NULL;
    size_t n = 0;
    assert_true(store_load_actions(db, 2, &acts, NULL, &n, err, sizeof err));
    assert_int_equal(n, 2);
    assert_int_equal(acts[1].type, CORE_ACT_REFLECT);
    assert_string_equal(acts[1].text, "samen plannen");
    free(acts);
    char *text = NULL;
    size_t len = 0;
    assert_true(store_level_text(db, 2, &text, &len, err, sizeof err));
    assert_string_equal(text, "id: noor");
    free(text);

    /* resuming it is refused with the reason, in Dutch */
    err[0] = '\0';
    assert_false(store_session_resumable(&ses, err, sizeof err));
    assert_non_null(strstr(err, "oudere spelregels"));
    assert_non_null(strstr(err, "samenspel report"));
    assert_non_null(strstr(err, "niet hervatten"));

    /* a new session records the rules of this build and may be resumed */
    int64_t id = new_session(db, "NIEU");
    assert_true(id > 2);
    assert_true(store_session_get(db, id, &ses, err, sizeof err));
    assert_int_equal(ses.rules_version, STORE_RULES_VERSION);
    assert_true(store_session_resumable(&ses, err, sizeof err));
    /* a version from a newer build, or none at all (damaged), is refused too */
    ses.rules_version = STORE_RULES_VERSION + 1;
    assert_false(store_session_resumable(&ses, err, sizeof err));
    assert_non_null(strstr(err, "nieuwere spelregels"));
    ses.rules_version = 0;
    assert_false(store_session_resumable(&ses, err, sizeof err));
    assert_non_null(strstr(err, "beschadigd"));
    store_close(db);

    /* a copy that cannot be upgraded now (another program holds the write
     * lock, as a read-only copy would refuse it) is still listed as rules 1,
     * and no session is started in it */
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open(copy, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "PRAGMA journal_mode=WAL;", NULL, NULL, NULL), SQLITE_OK);
    sqlite3 *locker = NULL;
    assert_int_equal(sqlite3_open(copy, &locker), SQLITE_OK);
    assert_int_equal(sqlite3_exec(locker, "BEGIN IMMEDIATE;", NULL, NULL, NULL), SQLITE_OK);
    db = store_open(copy, false, err, sizeof err); /* waits for the lock, then reads as it is */
    if (!db)
        fail_msg("schema 2 file that cannot be upgraded refused: %s", err);
    assert_int_equal(store_list(db, &list, err, sizeof err), 2);
    assert_int_equal(list[0].rules_version, 1);
    assert_int_equal(list[1].rules_version, 1);
    free(list);
    assert_true(store_session_get(db, 2, &ses, err, sizeof err));
    assert_int_equal(ses.rules_version, 1);
    assert_false(store_session_resumable(&ses, err, sizeof err));
    assert_int_equal(new_session(db, "NIET"), 0);
    store_close(db);
    sqlite3_exec(locker, "ROLLBACK;", NULL, NULL, NULL);
    sqlite3_close(locker);
    sqlite3_close(raw);
    assert_int_equal(user_version(copy), 2);
}

static void test_empty_files(void **state)
{
    (void)state;
    char path[512], err[STORE_ERR_LEN];
    path_in_tmp(path, sizeof path, "empty.db");
    write_all(path, "", 0);
    assert_null(store_open(path, false, err, sizeof err));
    store *db = store_open(path, true, err, sizeof err);
    assert_non_null(db);
    assert_true(new_session(db, "EMPT") > 0);
    store_close(db);
    db = store_open(path, false, err, sizeof err);
    assert_non_null(db);
    store_close(db);

    path_in_tmp(path, sizeof path, "empty-sqlite.db");
    assert_int_equal(ts_sql(path, "PRAGMA page_size=4096; VACUUM;"), SQLITE_OK);
    db = store_open(path, true, err, sizeof err);
    assert_non_null(db);
    store_close(db);
}

/* Damaged journal rows are reported, not replayed. */
static void test_damaged_rows(void **state)
{
    (void)state;
    char path[512], err[STORE_ERR_LEN];
    store *db = create_in_tmp("rows.db", path, sizeof path);
    int64_t id = new_session(db, "ROWS");
    for (int i = 0; i < 10; i++) {
        core_action a = make_action(i);
        assert_true(store_append(db, id, (uint64_t)i + 1, &a, err, sizeof err));
    }
    store_close(db);

    static const char *edits[] = {
        "UPDATE action SET type=999 WHERE seq=3",
        "UPDATE action SET seat=8 WHERE seq=3",
        "UPDATE action SET a=4294967296 WHERE seq=3",
        "UPDATE action SET b='drie' WHERE seq=3",
        "UPDATE action SET text=zeroblob(600) WHERE seq=3",
        "UPDATE action SET text=x'410042' WHERE seq=3",
        "UPDATE action SET seq=-1 WHERE seq=3",
    };
    for (size_t k = 0; k < sizeof edits / sizeof edits[0]; k++) {
        sqlite3 *raw = NULL;
        assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
        assert_int_equal(sqlite3_exec(raw, "SAVEPOINT e", NULL, NULL, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_exec(raw, edits[k], NULL, NULL, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_exec(raw, "RELEASE e", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(raw);

        db = store_open(path, false, err, sizeof err);
        assert_non_null(db);
        core_action *acts = (core_action *)1;
        size_t n = 99;
        err[0] = '\0';
        assert_false(store_load_actions(db, id, &acts, NULL, &n, err, sizeof err));
        assert_null(acts);
        assert_int_equal(n, 0);
        assert_true(strstr(err, "beschadigd") != NULL);
        store_close(db);

        /* Restore the row for the next edit. */
        assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
        core_action a = make_action(2);
        char sql[1400];
        snprintf(sql, sizeof sql,
                 "DELETE FROM action WHERE session_id=%lld AND (seq=3 OR seq=-1);"
                 "INSERT INTO action VALUES(%lld,3,%d,%d,%d,%d,%d,'',0);",
                 (long long)id, (long long)id, (int)a.type, a.seat, a.a, a.b, a.c);
        assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(raw);
    }
    db = store_open(path, false, err, sizeof err);
    core_action *acts = NULL;
    size_t n = 0;
    assert_true(store_load_actions(db, id, &acts, NULL, &n, err, sizeof err));
    assert_int_equal(n, 10);
    free(acts);
    store_close(db);
}

/* The promise of store.c: an action whose append returned (the host then
 * acknowledges it to clients) survives SIGKILL of the process. A child
 * appends and reports each returned append through a pipe; the parent
 * kills it at a random moment and checks the journal. */
static void test_sigkill_durability(void **state)
{
    (void)state;
    char path[512], err[STORE_ERR_LEN];
    srand(12345);
    for (int round = 0; round < 8; round++) {
        snprintf(path, sizeof path, "%s/kill%d.db", tmpdir, round);
        store *db = store_open(path, true, err, sizeof err);
        assert_non_null(db);
        int64_t id = new_session(db, "KILL");
        store_close(db);

        int fds[2];
        assert_int_equal(pipe(fds), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            store *c = store_open(path, true, err, sizeof err);
            if (!c)
                _exit(3);
            for (uint32_t i = 1; i < 1000000; i++) {
                core_action a = make_action((int)i);
                if (!store_append(c, id, i, &a, err, sizeof err))
                    _exit(4);
                if (write(fds[1], &i, sizeof i) != (ssize_t)sizeof i)
                    _exit(5);
            }
            _exit(0);
        }
        close(fds[1]);
        /* Let it run for 1..40 ms, then kill without warning. */
        struct timespec ts = {0, (long)(1000 + rand() % 40000) * 1000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        uint32_t acked = 0, v;
        while (read(fds[0], &v, sizeof v) == (ssize_t)sizeof v)
            acked = v;
        close(fds[0]);
        if (getenv("STORE_TEST_VERBOSE"))
            fprintf(stderr, "killed after %u acknowledged appends\n", acked);

        db = store_open(path, false, err, sizeof err);
        if (!db)
            fprintf(stderr, "%s\n", err);
        assert_non_null(db);
        core_action *acts = NULL;
        uint64_t *seqs = NULL;
        size_t n = 0;
        assert_true(store_load_actions(db, id, &acts, &seqs, &n, err, sizeof err));
        /* Every acknowledged action is there, in order; at most the one in
         * flight beyond it. */
        assert_true(n >= acked);
        assert_true(n <= (size_t)acked + 1);
        for (size_t i = 0; i < n; i++) {
            core_action want = make_action((int)i + 1);
            assert_int_equal(seqs[i], i + 1);
            assert_int_equal(acts[i].a, want.a);
            assert_string_equal(acts[i].text, want.text);
        }
        free(acts);
        free(seqs);
        /* The host can continue the journal after the crash. */
        store_close(db);
        db = store_open(path, true, err, sizeof err);
        core_action a = make_action(0);
        assert_true(store_append(db, id, n + 1, &a, err, sizeof err));
        store_close(db);
    }
}

TS_MAIN(setup, teardown,
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_seq_and_finish),
        cmocka_unit_test(test_refuses_foreign_and_damaged),
        cmocka_unit_test(test_schema1_upgrade),
        cmocka_unit_test(test_schema2_rules_version),
        cmocka_unit_test(test_empty_files),
        cmocka_unit_test(test_damaged_rows),
        cmocka_unit_test(test_sigkill_durability))
