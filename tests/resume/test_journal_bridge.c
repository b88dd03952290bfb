/*
 * The store <-> host bridge in one process: a game played by the host's own
 * bots is journaled and its stored end hash equals a replay; a restart to
 * the lobby opens a new session; a host destroyed midway (the process's
 * view of a crash) resumes with the same room code, seed, seats, actions and
 * state hash, and plays on to an end that replays; a level picked in the
 * lobby is the one stored for the next game; the host owns the journal it
 * was given and closes it once.
 */
#include "host/host_journal.h"
#include "platform/plat.h"
#include "report/report.h"
#include "store/store.h"
#include "ts.h"
#include "ts_sqlite.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ts_main.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static void options(host_options *o, const char *db, int bots)
{
    host_options_default(o);
    o->headless = true;
    o->quiet = true;
    o->seed = 4242;
    o->bots = bots;
    snprintf(o->code, sizeof o->code, "BRUG");
    snprintf(o->db, sizeof o->db, "%s", db);
}

static host *create(host_options *o)
{
    char err[512] = "";
    for (int attempt = 0; attempt < 40; attempt++) {
        o->port = 20000 + (int)((plat_now_ns() / 1000u + (uint64_t)getpid() * 17u + (uint64_t)attempt * 7919u) %
                                30000u);
        host *h = host_create_journaled(o, NULL, err, sizeof err);
        if (h)
            return h;
        if (!strstr(err, "poort") && !strstr(err, "port") && !strstr(err, "Couldn't"))
            break;
    }
    fail_msg("no journaled host: %s", err);
    return NULL;
}

/* A journaled host with `bots` bots whose journal is <dir>/<name>.db. */
static host *create_in(const char *name, int bots, char *db, size_t db_len, host_options *o)
{
    snprintf(db, db_len, "%s/%s.db", ts_group_dir(), name);
    options(o, db, bots);
    return create(o);
}

/* The host that resumes db's unfinished game: seed and room code come
 * from the journal, not from the options. */
static host *resume_from(const char *db)
{
    host_options r;
    options(&r, db, 0);
    r.resume = true;
    r.seed = 0;
    r.code[0] = '\0';
    return create(&r);
}

static void pump_until(host *h, bool (*done)(host *, uint64_t), uint64_t arg)
{
    uint64_t until = plat_now_ms() + 60000;
    while (!done(h, arg) && plat_now_ms() < until)
        host_pump(h, 1);
    assert_true(done(h, arg));
}

static bool is_finished(host *h, uint64_t arg)
{
    (void)arg;
    return host_finished(h);
}

static bool has_actions(host *h, uint64_t n)
{
    return host_actions_accepted(h) >= n || host_finished(h);
}

/* Uninterrupted replay of a stored session. */
static uint64_t replay(store *s, int64_t id, size_t *n_out)
{
    char err[STORE_ERR_LEN];
    store_session ses;
    assert_true(store_session_get(s, id, &ses, err, sizeof err));
    core_scenario *sc = calloc(1, sizeof *sc);
    lvl_diags *d = calloc(1, sizeof *d);
    /* from the journaled level and roles texts only */
    if (!store_session_scenario(s, id, sc, d, err, sizeof err))
        fail_msg("stored scenario of session %lld: %s", (long long)id, err);
    core_action *a = NULL;
    size_t n = 0;
    assert_true(store_load_actions(s, id, &a, NULL, &n, err, sizeof err));
    core_state *st = malloc(sizeof *st);
    assert_true(core_init(st, sc, ses.seed, err, sizeof err));
    for (size_t i = 0; i < n; i++) {
        core_events ev;
        ev.n = 0;
        assert_int_equal(core_apply(st, &a[i], &ev), CORE_OK);
    }
    uint64_t hsh = core_state_hash(st);
    if (n_out)
        *n_out = n;
    free(st);
    free(a);
    free(d);
    free(sc);
    return hsh;
}

static store *open_db(const char *db)
{
    char err[STORE_ERR_LEN];
    store *s = store_open(db, false, err, sizeof err);
    assert_non_null(s);
    return s;
}

/* Plays session `id` to its end on h, closes the host and checks the
 * journal: finished, the live state hash stored, and a replay of the
 * journaled actions reaching it. Returns the open database. */
static store *finish_and_check(host *h, const char *db, int64_t id)
{
    pump_until(h, is_finished, 0);
    uint64_t live = core_state_hash(host_state(h));
    host_destroy_journaled(h);
    store *s = open_db(db);
    char err[STORE_ERR_LEN];
    store_session ses;
    assert_true(store_session_get(s, id, &ses, err, sizeof err));
    assert_true(ses.finished);
    assert_int_equal(ses.state_hash, live);
    assert_int_equal(replay(s, id, NULL), live);
    return s;
}

static void test_game_and_restart(void **state)
{
    (void)state;
    char db[256];
    host_options o;
    host *h = create_in("spel", 4, db, sizeof db, &o);
    int64_t first = host_journal_session(h);
    assert_true(first > 0);
    pump_until(h, is_finished, 0);
    uint64_t live = core_state_hash(host_state(h));
    uint64_t accepted = host_actions_accepted(h);

    char err[256];
    assert_true(host_restart(h, err, sizeof err));
    pump_until(h, is_finished, 0);
    int64_t second = host_journal_session(h);
    assert_true(second > first);
    uint64_t live2 = core_state_hash(host_state(h));
    host_destroy_journaled(h);

    store *s = open_db(db);
    store_session ses;
    char serr[STORE_ERR_LEN];
    assert_true(store_session_get(s, first, &ses, serr, sizeof serr));
    assert_true(ses.finished);
    assert_string_equal(ses.code, "BRUG");
    assert_int_equal(ses.state_hash, live);
    size_t n = 0;
    assert_int_equal(replay(s, first, &n), live);
    assert_int_equal(n, accepted);
    assert_true(store_session_get(s, second, &ses, serr, sizeof serr));
    assert_true(ses.finished);
    assert_int_equal(ses.state_hash, live2);
    assert_int_equal(replay(s, second, NULL), live2);
    assert_int_equal(store_last_unfinished(s, serr, sizeof serr), 0);
    store_close(s);
}

static void test_resume_midway(void **state)
{
    (void)state;
    char db[256];
    host_options o;
    host *h = create_in("hervat", 4, db, sizeof db, &o);
    pump_until(h, has_actions, 25);
    assert_false(host_finished(h));
    uint64_t n = host_actions_accepted(h);
    uint64_t hash = core_state_hash(host_state(h));
    int64_t id = host_journal_session(h);
    host_seat_info before[CORE_MAX_SEATS];
    for (int s = 0; s < host_seat_count(h); s++)
        assert_true(host_seat_info_get(h, s, &before[s]));
    host_destroy_journaled(h); /* no finish recorded: as after a crash */

    h = resume_from(db);
    assert_int_equal(host_journal_session(h), id);
    assert_string_equal(host_room_code(h), "BRUG");
    assert_int_equal(host_actions_accepted(h), n);
    assert_int_equal(core_state_hash(host_state(h)), hash);
    assert_int_equal(host_state(h)->seed, 4242);
    for (int s = 0; s < host_seat_count(h); s++) {
        host_seat_info si;
        assert_true(host_seat_info_get(h, s, &si));
        assert_true(si.taken && si.bot);
        assert_int_equal(si.role, before[s].role);
    }
    store_close(finish_and_check(h, db, id));

    /* a finished session is not resumed */
    host_options r;
    options(&r, db, 0);
    r.resume = true;
    r.resume_id = id;
    char herr[512] = "";
    r.port = 20000 + (int)(plat_now_ns() % 30000u);
    assert_null(host_create_journaled(&r, NULL, herr, sizeof herr));
    assert_non_null(strstr(herr, "afgelopen"));
}

static void test_level_picked_in_lobby(void **state)
{
    (void)state;
    char db[256], path[1024];
    snprintf(db, sizeof db, "%s/level.db", ts_group_dir());
    assert_true(plat_data_path("levels/jonas.yaml", path, sizeof path));
    host_options o;
    options(&o, db, 4);
    o.headless = false; /* no auto start: the trainer starts after picking */
    host *h = create(&o);
    lvl_diags *d = calloc(1, sizeof *d);
    char err[256];
    assert_true(host_load_level_journaled(h, path, d, err, sizeof err));
    free(d);
    for (int s = 0; s < host_seat_count(h); s++)
        host_seat_bot(h, s, CORE_BOT_TEAM);
    assert_true(host_start(h, err, sizeof err));
    host_pump(h, 1);
    int64_t id = host_journal_session(h);
    host_destroy_journaled(h);

    store *s = open_db(db);
    char serr[STORE_ERR_LEN];
    char *text = NULL;
    size_t len = 0;
    assert_true(store_level_text(s, id, &text, &len, serr, sizeof serr));
    size_t flen = 0;
    char *file = plat_read_file(path, 1u << 22, &flen, err, sizeof err);
    assert_non_null(file);
    assert_int_equal(len, flen);
    assert_memory_equal(text, file, len);
    size_t n = 0;
    replay(s, id, &n);
    assert_true(n >= 1);
    free(text);
    free(file);
    store_close(s);
}

static void copy_file(const char *from, const char *to, const char *find, const char *repl)
{
    char err[256];
    size_t len = 0;
    char *text = plat_read_file(from, 1u << 22, &len, err, sizeof err);
    assert_non_null(text);
    FILE *f = fopen(to, "wb");
    assert_non_null(f);
    /* every `find` replaced by `repl` (a different game, same card ids) */
    size_t fl = find ? strlen(find) : 0;
    for (size_t i = 0; i < len;) {
        if (fl && i + fl <= len && memcmp(text + i, find, fl) == 0) {
            fputs(repl, f);
            i += fl;
        } else {
            fputc(text[i++], f);
        }
    }
    fclose(f);
    free(text);
}

/* Destroys a journaled host midway (as a crash would), then resumes it and
 * checks that it is the same game. Returns the resumed host. */
static host *crash_and_resume(host *h, const char *db)
{
    uint64_t n = host_actions_accepted(h);
    uint64_t hash = core_state_hash(host_state(h));
    int64_t id = host_journal_session(h);
    host_destroy_journaled(h);
    h = resume_from(db);
    assert_int_equal(host_journal_session(h), id);
    assert_int_equal(host_actions_accepted(h), n);
    assert_int_equal(core_state_hash(host_state(h)), hash);
    return h;
}

/* A copy of the bundled level noor.yaml in its own folder sub, with a
 * stronger copy of the bundled roles as roles_file next to it, and a
 * journal db for it. find/repl (may be NULL) edit the level's copy. */
typedef struct {
    char sub[256], level[300], roles[300], db[300], bundled[1024], src[1024];
} roles_case;

static void roles_case_make(roles_case *rc, const char *sub, const char *roles_file, const char *find,
                            const char *repl)
{
    snprintf(rc->sub, sizeof rc->sub, "%s/%s", ts_group_dir(), sub);
    assert_int_equal(mkdir(rc->sub, 0700), 0);
    snprintf(rc->level, sizeof rc->level, "%s/noor.yaml", rc->sub);
    snprintf(rc->roles, sizeof rc->roles, "%s/%s", rc->sub, roles_file);
    snprintf(rc->db, sizeof rc->db, "%s/%s.db", ts_group_dir(), sub);
    assert_true(plat_data_path("levels/noor.yaml", rc->src, sizeof rc->src));
    assert_true(plat_data_path("levels/rollen.yaml", rc->bundled, sizeof rc->bundled));
    copy_file(rc->src, rc->level, find, repl);
    copy_file(rc->bundled, rc->roles, "sterkte: 2", "sterkte: 3");
}

/* A level with its own roles file next to it (stronger cards than the
 * bundled one): the roles text is journaled with the level, so a resume
 * after the roles file was changed, and again after it was deleted, is the
 * same game, and the finished game replays from the journal alone. */
static void test_own_roles_file(void **state)
{
    (void)state;
    roles_case rc;
    roles_case_make(&rc, "eigen", "rollen.yaml", NULL, NULL);
    const char *level = rc.level, *roles = rc.roles, *db = rc.db, *bundled = rc.bundled, *src = rc.src;

    /* the test means something: with the bundled roles it is another game */
    core_scenario *own = calloc(1, sizeof *own), *plain = calloc(1, sizeof *plain);
    lvl_diags *d = calloc(1, sizeof *d);
    assert_true(lvl_load_file(level, own, d));
    assert_true(lvl_load_file(src, plain, d));
    assert_memory_not_equal(own, plain, sizeof *own);

    host_options o;
    options(&o, db, 4);
    snprintf(o.level_path, sizeof o.level_path, "%s", level);
    host *h = create(&o);
    int64_t id = host_journal_session(h);
    assert_true(id > 0); /* journaled, not played without a journal */
    assert_memory_equal(host_scenario(h), own, sizeof *own);
    pump_until(h, has_actions, 15);
    assert_false(host_finished(h));

    /* the roles file changes (a trainer edits it for the next workshop) */
    copy_file(bundled, roles, "sterkte: 2", "sterkte: 1");
    h = crash_and_resume(h, db);
    assert_memory_equal(host_scenario(h), own, sizeof *own);
    pump_until(h, has_actions, 30);
    assert_false(host_finished(h));

    /* ... and is deleted */
    assert_int_equal(remove(roles), 0);
    h = crash_and_resume(h, db);
    assert_memory_equal(host_scenario(h), own, sizeof *own);
    store *s = finish_and_check(h, db, id);
    char err[STORE_ERR_LEN];
    char name[STORE_ROLES_NAME_LEN];
    char *text = NULL;
    size_t len = 0;
    assert_true(store_roles_text(s, id, name, &text, &len, err, sizeof err));
    assert_non_null(text);
    assert_string_equal(name, "rollen.yaml");
    assert_non_null(strstr(text, "sterkte: 3"));
    free(text);

    /* the report replays the game with the journaled roles too: the roles
     * file is gone, and the replay still equals the stored result */
    char out[300], html[340];
    snprintf(out, sizeof out, "%s/verslag-eigen-rollen", ts_group_dir());
    assert_true(report_export(s, id, out, false, err, sizeof err));
    snprintf(html, sizeof html, "%s/report.html", out);
    size_t page_len = 0;
    char *page = plat_read_file(html, 4u << 20, &page_len, err, sizeof err);
    assert_non_null(page);
    assert_non_null(strstr(page, "identiek aan het bewaarde eindresultaat"));
    free(page);
    store_close(s);
    free(own);
    free(plain);
    free(d);
}

/* A level naming its roles file (`rolbestand`): that file is journaled under
 * its name, and the resume after it was deleted is the same game. */
static void test_named_roles_file(void **state)
{
    (void)state;
    roles_case rc;
    roles_case_make(&rc, "genoemd", "team-rollen.yaml", "\nversie:",
                    "\nrolbestand: \"team-rollen.yaml\"  # eigen rollen\nversie:");
    const char *level = rc.level, *roles = rc.roles, *db = rc.db;

    host_options o;
    options(&o, db, 4);
    snprintf(o.level_path, sizeof o.level_path, "%s", level);
    host *h = create(&o);
    int64_t id = host_journal_session(h);
    assert_true(id > 0);
    pump_until(h, has_actions, 15);
    assert_false(host_finished(h));
    assert_int_equal(remove(roles), 0);
    h = crash_and_resume(h, db);
    store *s = finish_and_check(h, db, id);
    char err[STORE_ERR_LEN], name[STORE_ROLES_NAME_LEN];
    char *text = NULL;
    size_t len = 0;
    assert_true(store_roles_text(s, id, name, &text, &len, err, sizeof err));
    assert_string_equal(name, "team-rollen.yaml");
    free(text);
    store_close(s);
}

static void count_close(void *ctx)
{
    (*(int *)ctx)++;
}

/* The journal is part of the host: host_journal() gives the ops it was
 * created with, host_destroy closes them once, and a create that fails
 * leaves them with the caller (not closed). */
/* Plays seat 0 by hand (the other seats are bots) until `rounds` rounds
 * are done, typing a verbeteractie in every Reflectie. */
static void play_seat0_typing(host *h, int rounds)
{
    char err[256] = "";
    uint64_t until = plat_now_ms() + 60000;
    while (host_state(h)->round <= rounds && !host_finished(h) && plat_now_ms() < until) {
        const core_state *st = host_state(h);
        core_action a;
        memset(&a, 0, sizeof a);
        a.seat = 0;
        if (st->phase == CORE_PHASE_SIGNAAL || st->phase == CORE_PHASE_UITVOERING ||
            (st->phase == CORE_PHASE_REFLECTIE && st->seats[0].reflected)) {
            host_advance(h, err, sizeof err); /* the trainer moves on */
        } else if (st->phase == CORE_PHASE_REFLECTIE && !st->seats[0].reflected) {
            a.type = CORE_ACT_REFLECT;
            snprintf(a.text, sizeof a.text, "Actie van ronde %d", st->round);
            assert_int_equal(host_submit(h, &a), CORE_OK);
        } else if (st->phase != CORE_PHASE_REFLECTIE && !st->seats[0].ready) {
            a.type = CORE_ACT_READY;
            host_submit(h, &a);
        }
        host_pump(h, 1);
    }
    if (host_state(h)->round <= rounds)
        fprintf(stderr, "stuck in round %d phase %d (seat 0 ready %d reflected %d)\n",
                host_state(h)->round, (int)host_state(h)->phase, (int)host_state(h)->seats[0].ready,
                (int)host_state(h)->seats[0].reflected);
    assert_true(host_state(h)->round > rounds);
}

/* The debrief shows every round's verbeteracties: the host keeps them per
 * round (the core clears them), and a resumed session has them again. */
static void test_improvements_kept_per_round(void **state)
{
    (void)state;
    char db[256];
    host_options o;
    host *h = create_in("acties", 3, db, sizeof db, &o);
    char err[256] = "";
    assert_true(host_start(h, err, sizeof err));
    play_seat0_typing(h, 2);
    for (int r = 1; r <= 2; r++) {
        char want[64];
        snprintf(want, sizeof want, "Actie van ronde %d", r);
        assert_string_equal((*host_improvements_get(h))[r][0], want);
    }
    int64_t id = host_journal_session(h);
    host_destroy_journaled(h); /* as after a crash */
    h = resume_from(db);
    assert_int_equal(host_journal_session(h), id);
    assert_string_equal((*host_improvements_get(h))[1][0], "Actie van ronde 1");
    assert_string_equal((*host_improvements_get(h))[2][0], "Actie van ronde 2");
    assert_string_equal((*host_improvements_get(h))[2][1], "");
    host_destroy_journaled(h);
}

/* schema 2 (ts_sqlite.h): sessions played under rules 1 */
static const char schema2_sql[] = TS_SCHEMA2_SQL;

/* A session of rules 1 (recorded before schema 3) stays readable: it is
 * listed and reported, but --resume refuses it with a message that says it
 * was played with older rules, instead of replaying it into another game. */
static void test_older_rules_not_resumed(void **state)
{
    (void)state;
    /* a real unfinished game, recorded by this build ... */
    char now_db[256], old_db[256];
    host_options o;
    host *h = create_in("regels2", 4, now_db, sizeof now_db, &o);
    pump_until(h, has_actions, 6);
    assert_false(host_finished(h));
    int64_t id = host_journal_session(h);
    host_destroy_journaled(h); /* as after a crash */

    /* ... copied into a file of the old schema, as a build of rules 1 wrote
     * it: that build knew no action beyond NEW_PLAYER, so the actions of
     * rules 2 are left out (its replay under rules 2 may then stop early;
     * the report says so, which is what a trainer sees for such a file) */
    snprintf(old_db, sizeof old_db, "%s/regels1.db", ts_group_dir());
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open(old_db, &raw), SQLITE_OK);
    char sql[1024];
    snprintf(sql, sizeof sql,
             "%s ATTACH DATABASE '%s' AS nu;"
             "INSERT INTO session SELECT id, created_at, updated_at, finished_at, level_path, level_text,"
             "  level_id, level_title, seed, room_code, n_seats, outcome, collab_level, rounds_played,"
             "  state_hash, app_version, roles_name, roles_text FROM nu.session;"
             "INSERT INTO seat SELECT * FROM nu.seat;"
             "INSERT INTO action SELECT * FROM nu.action WHERE type <= %d;"
             "DETACH DATABASE nu;",
             "", now_db, (int)CORE_ACT_NEW_PLAYER);
    assert_int_equal(sqlite3_exec(raw, schema2_sql, NULL, NULL, NULL), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(raw, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("copying the session: %s", msg ? msg : "?");
    sqlite3_close(raw);

    /* listed, with its rules */
    store *s = open_db(old_db);
    char err[STORE_ERR_LEN];
    store_session *list = NULL;
    assert_int_equal(store_list(s, &list, err, sizeof err), 1);
    assert_int_equal(list[0].id, id);
    assert_int_equal(list[0].rules_version, 1);
    int64_t n_actions = list[0].n_actions;
    assert_true(n_actions >= 3);
    free(list);
    assert_int_equal(store_last_unfinished(s, err, sizeof err), id);

    /* reported */
    char out[300], html[340];
    snprintf(out, sizeof out, "%s/verslag-regels1", ts_group_dir());
    if (!report_export(s, id, out, false, err, sizeof err))
        fail_msg("report of a rules 1 session: %s", err);
    snprintf(html, sizeof html, "%s/report.html", out);
    size_t page_len = 0;
    char *page = plat_read_file(html, 4u << 20, &page_len, err, sizeof err);
    assert_non_null(page);
    assert_non_null(strstr(page, "Samenspel-sessie"));
    free(page);
    store_close(s);

    /* not resumed: neither the last unfinished one nor by its id */
    for (int by_id = 0; by_id < 2; by_id++) {
        host_options r;
        options(&r, old_db, 0);
        r.resume = true;
        r.resume_id = by_id ? id : 0;
        r.port = 20000 + (int)(plat_now_ns() % 30000u);
        char herr[1024] = "";
        assert_null(host_create_journaled(&r, NULL, herr, sizeof herr));
        if (!strstr(herr, "oudere spelregels") || !strstr(herr, "samenspel report") ||
            !strstr(herr, "niet hervatten"))
            fail_msg("the refusal does not say why: %s", herr);
    }
    /* and nothing was added to its journal */
    s = open_db(old_db);
    store_session ses;
    assert_true(store_session_get(s, id, &ses, err, sizeof err));
    assert_int_equal(ses.n_actions, n_actions);
    assert_false(ses.finished);
    store_close(s);
}

static void test_journal_owned_by_host(void **state)
{
    (void)state;
    char db[256];
    host_options o;
    host *bridge = create_in("owned", 0, db, sizeof db, &o);
    assert_non_null(host_journal(bridge));
    assert_true(host_journal_session(bridge) > 0);

    int closes = 0;
    host_journal_ops ops = {&closes, NULL, NULL, NULL, count_close};
    host_options taken = o; /* the bridge's port: the create fails after the rules began */
    char err[512];
    assert_null(host_create_scenario(&taken, host_scenario(bridge), NULL, &ops, err, sizeof err));
    assert_int_equal(closes, 0);

    host *own = NULL;
    for (int attempt = 0; attempt < 40 && !own; attempt++) {
        o.port = 20000 + (int)((plat_now_ns() / 1000u + (uint64_t)attempt * 7919u) % 30000u);
        own = host_create_scenario(&o, host_scenario(bridge), NULL, &ops, err, sizeof err);
    }
    assert_non_null(own);
    assert_ptr_equal(host_journal(own)->ctx, &closes);
    assert_int_equal(host_journal_session(own), 0); /* not the SQLite bridge's */
    host_destroy(own);
    assert_int_equal(closes, 1);
    host_destroy(bridge);
}

TS_MAIN(ts_group_dir_make, ts_group_dir_remove,
        cmocka_unit_test(test_game_and_restart),
        cmocka_unit_test(test_resume_midway),
        cmocka_unit_test(test_level_picked_in_lobby),
        cmocka_unit_test(test_own_roles_file),
        cmocka_unit_test(test_named_roles_file),
        cmocka_unit_test(test_journal_owned_by_host),
        cmocka_unit_test(test_improvements_kept_per_round),
        cmocka_unit_test(test_older_rules_not_resumed))
