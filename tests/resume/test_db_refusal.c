/*
 * A --db file that is not a healthy Samenspel database (a text file,
 * another program's SQLite database, a truncated or damaged journal) is
 * refused by the journaled host with a message a trainer can act on, both
 * for a new game and for --resume, and the file is left byte for byte as it
 * was. The real binary says so on stderr and exits non-zero.
 */
#include "host/host_journal.h"
#include "platform/plat.h"
#include "store/store.h"
#include "ts.h"
#include "ts_sqlite.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ts_main.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>


static void path_in(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", ts_group_dir(), name);
}

static void write_bytes(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    if (n)
        assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static char *read_bytes(const char *path, size_t *n)
{
    char err[128];
    char *b = plat_read_file(path, 64u << 20, n, err, sizeof err);
    assert_non_null(b);
    return b;
}

static void make_samenspel_db(const char *path);

/* The bytes of a healthy journal made at name (caller frees). */
static char *good_db_bytes(const char *name, size_t *n)
{
    char good[300];
    path_in(good, sizeof good, name);
    make_samenspel_db(good);
    return read_bytes(good, n);
}

/* A healthy journal with one session and a few actions. */
static void make_samenspel_db(const char *path)
{
    char err[STORE_ERR_LEN];
    store *s = store_open(path, true, err, sizeof err);
    assert_non_null(s);
    const char *lvl = "id: test\n";
    int64_t id = store_session_create(s, "test.yaml", lvl, strlen(lvl), NULL, 42, "ABCD", 4, NULL, err, sizeof err);
    assert_true(id > 0);
    for (uint64_t q = 1; q <= 200; q++) {
        core_action a;
        memset(&a, 0, sizeof a);
        a.type = CORE_ACT_READY;
        a.seat = (int)(q % 4);
        snprintf(a.text, sizeof a.text, "actie %llu met wat tekst om pagina's te vullen", (unsigned long long)q);
        assert_true(store_append(s, id, q, &a, err, sizeof err));
    }
    store_close(s);
}

static void expect_refused(const char *path, const char *what)
{
    size_t n0 = 0, n1 = 0;
    char *before = read_bytes(path, &n0);
    for (int resume = 0; resume < 2; resume++) {
        host_options o;
        host_options_default(&o);
        o.headless = o.quiet = true;
        o.port = 20000 + (int)(plat_now_ns() % 30000u);
        snprintf(o.db, sizeof o.db, "%s", path);
        o.resume = resume != 0;
        char err[512] = "";
        host *h = host_create_journaled(&o, NULL, err, sizeof err);
        if (h) {
            host_destroy_journaled(h);
            fail_msg("%s (%s) was accepted as a journal", what, resume ? "--resume" : "new game");
        }
        printf("%-28s %-9s -> %s\n", what, resume ? "--resume" : "new game", err);
        /* a message that names the problem, not an empty or internal one */
        assert_true(strlen(err) > 20);
    }
    char *after = read_bytes(path, &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(before, after, n0);
    free(before);
    free(after);
}

static void test_text_file(void **state)
{
    (void)state;
    char p[300];
    path_in(p, sizeof p, "notities.txt");
    const char *t = "Dit is geen database maar de notities van de trainer.\n";
    write_bytes(p, t, strlen(t));
    expect_refused(p, "text file");
}

static void test_foreign_sqlite(void **state)
{
    (void)state;
    char p[300];
    path_in(p, sizeof p, "ander.db");
    assert_int_equal(ts_sql(p, "CREATE TABLE leerlingen(naam TEXT); INSERT INTO leerlingen VALUES('Noor');"),
                     SQLITE_OK);
    expect_refused(p, "another program's database");
}

static void test_truncated(void **state)
{
    (void)state;
    char p[300];
    size_t n = 0;
    char *b = good_db_bytes("goed.db", &n);
    assert_true(n > 8192);
    path_in(p, sizeof p, "afgekapt.db");
    write_bytes(p, b, n / 2);
    expect_refused(p, "truncated journal (half)");
    path_in(p, sizeof p, "kop.db");
    write_bytes(p, b, 60);
    expect_refused(p, "truncated journal (60 B)");
    free(b);
}

static void test_damaged(void **state)
{
    (void)state;
    char p[300];
    size_t n = 0;
    char *b = good_db_bytes("goed2.db", &n);
    /* scribble over the second page: the schema/table b-tree */
    for (size_t i = 4096; i < 4096 + 512 && i < n; i++)
        b[i] = (char)(0xA5 ^ (int)(i * 31u));
    path_in(p, sizeof p, "beschadigd.db");
    write_bytes(p, b, n);
    expect_refused(p, "damaged journal");
    free(b);
}

/* Runs the real binary as `host --headless --quiet --db db` (with --resume
 * when resume) on a random port: it must exit non-zero. Returns what it
 * wrote on stderr (free it), printed after `what` with the exit code. */
static char *host_refuses(const char *what, const char *db, bool resume, const char *log)
{
    char port[16], dbarg[300];
    snprintf(port, sizeof port, "%d", 20000 + (int)(plat_now_ns() % 30000u));
    snprintf(dbarg, sizeof dbarg, "%s", db);
    char *argv[] = {SAMENSPEL_BIN, "host", "--headless", "--quiet", "--port", port, "--db", dbarg,
                    resume ? "--resume" : NULL, NULL};
    pid_t pid = ts_spawn(argv, log, false);
    assert_true(pid > 0);
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    assert_int_not_equal(WEXITSTATUS(st), 0);
    size_t n = 0;
    char *e = read_bytes(log, &n);
    printf("%s: exit %d: %s", what, WEXITSTATUS(st), e);
    return e;
}

static void test_binary_says_why(void **state)
{
    (void)state;
    char p[300], log[300];
    path_in(p, sizeof p, "notities2.txt");
    path_in(log, sizeof log, "host.err");
    const char *t = "geen database\n";
    write_bytes(p, t, strlen(t));
    char *e = host_refuses("samenspel host --db textfile", p, false, log);
    assert_non_null(strstr(e, p));
    free(e);
    size_t m = 0;
    char *after = read_bytes(p, &m);
    assert_int_equal(m, strlen(t));
    assert_memory_equal(after, t, m);
    free(after);
}

/* The real binary, asked to resume a game of older rules, says so on
 * stderr and exits non-zero; the session stays as it was. */
static void test_binary_older_rules(void **state)
{
    (void)state;
    char p[300], log[300], err[STORE_ERR_LEN];
    path_in(p, sizeof p, "regels1.db");
    path_in(log, sizeof log, "regels1.err");
    store *s = store_open(p, true, err, sizeof err);
    assert_non_null(s);
    const char *lvl = "id: test\n";
    int64_t id = store_session_create(s, "test.yaml", lvl, strlen(lvl), NULL, 42, "OUDE", 4, NULL, err, sizeof err);
    assert_true(id > 0);
    core_action a = {.type = CORE_ACT_START, .seat = CORE_SEAT_HOST};
    assert_true(store_append(s, id, 1, &a, err, sizeof err));
    store_close(s);
    /* as the build of rules 1 left it: schema 2, no rules version */
    assert_int_equal(ts_sql(p, "ALTER TABLE session DROP COLUMN rules_version; PRAGMA user_version=2;"), SQLITE_OK);

    char *e = host_refuses("samenspel host --resume (rules 1)", p, true, log);
    assert_non_null(strstr(e, "oudere spelregels"));
    assert_non_null(strstr(e, "samenspel report"));
    free(e);
    s = store_open(p, false, err, sizeof err);
    assert_non_null(s);
    store_session ses;
    assert_true(store_session_get(s, id, &ses, err, sizeof err));
    assert_int_equal(ses.rules_version, 1);
    assert_int_equal(ses.n_actions, 1);
    assert_false(ses.finished);
    store_close(s);
}

static void test_resume_without_session(void **state)
{
    (void)state;
    /* a healthy, empty database: --resume says there is nothing to resume */
    char p[300];
    path_in(p, sizeof p, "leeg.db");
    char err[STORE_ERR_LEN];
    store *s = store_open(p, true, err, sizeof err);
    assert_non_null(s);
    store_close(s);
    host_options o;
    host_options_default(&o);
    o.headless = o.quiet = true;
    o.port = 20000 + (int)(plat_now_ns() % 30000u);
    snprintf(o.db, sizeof o.db, "%s", p);
    o.resume = true;
    char herr[512] = "";
    host *h = host_create_journaled(&o, NULL, herr, sizeof herr);
    assert_null(h);
    printf("empty database --resume -> %s\n", herr);
    assert_non_null(strstr(herr, "--resume"));
}

TS_MAIN(ts_group_dir_make, ts_group_dir_remove,
        cmocka_unit_test(test_text_file),
        cmocka_unit_test(test_foreign_sqlite),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_damaged),
        cmocka_unit_test(test_binary_says_why),
        cmocka_unit_test(test_resume_without_session),
        cmocka_unit_test(test_binary_older_rules))
