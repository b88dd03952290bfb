/* report: exports of scripted sessions. Bot games are played through core
 * and journaled in a store exactly as the host does (check, append, apply);
 * the exported files are then read back with independent readers: a small
 * RFC 4180 reader here, Python's csv/xml/html.parser in check_report.py. */
#include "level/level.h"
#include "platform/plat.h"
#include "report/report.h"
#include "store/store.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ts_main.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef REPORT_TEST_OUT
#error REPORT_TEST_OUT must name the output folder of this test
#endif

/* Seat 5 tries a spreadsheet formula as a name (CSV injection). */
static const char *names[CORE_MAX_SEATS] = {"Fatima", "Émile", "Jozefien", "Bram",
                                            "Yasmina", "=HYPERLINK(\"x\")", "Ayoub", "Marthe"};

typedef struct {
    core_scenario *sc;
    char *level_text;
    size_t level_len;
    char level_path[PLAT_PATH_MAX];
} level_fixture;

static level_fixture lf;

static int setup(void **state)
{
    (void)state;
    if (!lvl_default_path(lf.level_path, sizeof lf.level_path)) {
        fprintf(stderr, "no default level in the data dir\n");
        return -1;
    }
    char err[256];
    lf.level_text = plat_read_file(lf.level_path, 4u << 20, &lf.level_len, err, sizeof err);
    if (!lf.level_text) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    lf.sc = calloc(1, sizeof *lf.sc);
    lvl_diags *d = calloc(1, sizeof *d);
    bool ok = lvl_load_buffer(lf.level_path, lf.level_text, lf.level_len, lf.sc, d);
    if (!ok)
        lvl_diags_print(d, false, stderr);
    free(d);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", REPORT_TEST_OUT, REPORT_TEST_OUT);
    return ok && system(cmd) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(lf.sc);
    free(lf.level_text);
    return 0;
}

typedef struct {
    int64_t session;
    size_t actions;
    size_t events;
    uint64_t hash;
    core_outcome outcome;
    /* rules v2, counted here independently of the report's replay */
    int overleg_used[CORE_MAX_ROUNDS + 1];
    int answers[CORE_MAX_ROUNDS + 1][CORE_MAX_OPTIONS];
    int trust[CORE_MAX_ROUNDS + 1];
    bool pupil[CORE_MAX_ROUNDS + 1];
    int rounds, afspraken_made, improvements_checked;
    core_collab_level level;
} game_result;

/* Applies one action the way the host does: check, journal, apply. */
static bool submit(store *db, int64_t session, core_state *st, core_action *a, uint64_t *seq,
                   core_events *evs, game_result *res)
{
    if (core_check(st, a) != CORE_OK)
        return false;
    char err[STORE_ERR_LEN];
    (*seq)++;
    assert_true(store_append(db, session, *seq, a, err, sizeof err));
    evs->n = 0;
    int round = st->round, cost = core_action_cost(st, a);
    assert_int_equal(core_apply(st, a, evs), CORE_OK);
    res->actions++;
    res->events += (size_t)evs->n;
    if (round >= 0 && round <= CORE_MAX_ROUNDS) {
        res->overleg_used[round] += cost;
        if (a->type == CORE_ACT_REFLECT && a->a >= 0 && a->a < CORE_MAX_OPTIONS)
            res->answers[round][a->a]++;
    }
    for (int k = 0; k < evs->n; k++) {
        res->afspraken_made += evs->ev[k].type == CORE_EVT_AFSPRAAK_MADE;
        res->improvements_checked += evs->ev[k].type == CORE_EVT_IMPROVEMENT_CHECKED;
    }
    return true;
}

/* Plays a whole game with bots in every seat, journaled in db. */
static game_result play_game(store *db, uint64_t seed, core_bot_kind kind, bool finish,
                             size_t max_actions)
{
    game_result res;
    memset(&res, 0, sizeof res);
    const core_scenario *sc = lf.sc;
    store_seat seats[CORE_MAX_SEATS];
    memset(seats, 0, sizeof seats);
    for (int i = 0; i < sc->n_seats; i++) {
        snprintf(seats[i].name, sizeof seats[i].name, "%s", names[i]);
        seats[i].taken = true;
        for (int k = 0; k < STORE_TOKEN_LEN; k++)
            seats[i].token[k] = (uint8_t)(seed + (uint64_t)(i * 31 + k));
    }
    char err[STORE_ERR_LEN];
    res.session = store_session_create(db, lf.level_path, lf.level_text, lf.level_len, sc, seed,
                                       "NOOR", sc->n_seats, seats, err, sizeof err);
    assert_true(res.session > 0);

    core_state *st = calloc(1, sizeof *st);
    core_seat_view *view = calloc(1, sizeof *view);
    core_events *evs = calloc(1, sizeof *evs);
    assert_true(core_init(st, sc, seed, err, sizeof err));
    core_rng rngs[CORE_MAX_SEATS];
    for (int i = 0; i < sc->n_seats; i++)
        core_rng_seed(&rngs[i], seed ^ 0x9E3779B97F4A7C15ull, (uint64_t)i + 1);
    uint64_t seq = 0;
    core_action a;
    memset(&a, 0, sizeof a);
    a.type = CORE_ACT_START;
    a.seat = CORE_SEAT_HOST;
    assert_true(submit(db, res.session, st, &a, &seq, evs, &res));
    int stalls = 0;
    for (int iter = 0; iter < 50000 && st->outcome == CORE_OUTCOME_ONGOING &&
                       st->phase != CORE_PHASE_END && res.actions < max_actions;
         iter++) {
        bool progress = false;
        for (int s = 0; s < sc->n_seats; s++) {
            core_seat_view_get(st, s, view);
            memset(&a, 0, sizeof a);
            if (!core_bot_next(sc, view, kind, &rngs[s], &a))
                continue;
            a.seat = s;
            if (a.type == CORE_ACT_REFLECT) {
                /* Typed answers name other players: anonymize must catch them. */
                snprintf(a.text, sizeof a.text, "Volgende keer vraag ik %s en %s, \"samen\" <plannen>",
                         names[(s + 1) % sc->n_seats], names[(s + 2) % sc->n_seats]);
            }
            if (submit(db, res.session, st, &a, &seq, evs, &res))
                progress = true;
        }
        if (!progress) {
            memset(&a, 0, sizeof a);
            a.type = CORE_ACT_ADVANCE;
            a.seat = CORE_SEAT_HOST;
            if (!submit(db, res.session, st, &a, &seq, evs, &res) && ++stalls > 3)
                break;
        }
    }
    res.hash = core_state_hash(st);
    res.outcome = st->outcome;
    res.rounds = st->round;
    for (int r = 1; r <= st->round && r <= CORE_MAX_ROUNDS; r++) {
        res.trust[r] = st->r_trust[r];
        res.pupil[r] = st->r_pupil[r];
    }
    core_measures all;
    core_measures_compute(st, 0, &all);
    res.level = all.level;
    if (finish)
        assert_true(store_session_finish(db, res.session, st, err, sizeof err));
    free(st);
    free(view);
    free(evs);
    return res;
}

/* An RFC 4180 reader written independently of the exporter: counts
 * records and checks that every record has `fields` fields. */
static int csv_records(const char *path, int fields, int *kind_action, int *kind_event)
{
    size_t len = 0;
    char err[200];
    char *s = plat_read_file(path, 64u << 20, &len, err, sizeof err);
    assert_non_null(s);
    int records = 0, f = 1;
    bool quoted = false, field_start = true;
    char first2[32] = "";
    size_t fl = 0;
    int field = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < len && s[i + 1] == '"') {
                i++;
            } else if (c == '"') {
                quoted = false;
            }
            continue;
        }
        if (c == '"' && field_start) {
            quoted = true;
            field_start = false;
            continue;
        }
        if (c == ',') {
            f++;
            field++;
            field_start = true;
            continue;
        }
        if (c == '\r' && i + 1 < len && s[i + 1] == '\n') {
            i++;
            if (f != fields)
                fprintf(stderr, "%s: record %d has %d fields\n", path, records, f);
            assert_int_equal(f, fields);
            if (records > 0 && kind_action) {
                if (strcmp(first2, "action") == 0)
                    (*kind_action)++;
                else if (strcmp(first2, "event") == 0)
                    (*kind_event)++;
            }
            records++;
            f = 1;
            field = 0;
            fl = 0;
            first2[0] = '\0';
            field_start = true;
            continue;
        }
        assert_true(c != '\n' && c != '\r'); /* bare line breaks only inside quotes */
        field_start = false;
        if (field == 1 && fl + 1 < sizeof first2) {
            first2[fl++] = c;
            first2[fl] = '\0';
        }
    }
    assert_false(quoted);
    assert_true(field_start && f == 1); /* ends with CRLF */
    free(s);
    return records;
}

static char *slurp(const char *dir, const char *name)
{
    char path[2 * PLAT_PATH_MAX], err[200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    char *s = plat_read_file(path, 64u << 20, &len, err, sizeof err);
    assert_non_null(s);
    return s;
}

static bool have_python(void)
{
    return system("command -v python3 >/dev/null 2>&1") == 0;
}

/* Rendering in Chromium takes seconds: done for a few exports only. */
static bool render_next;

static void python_check(const char *dir, const game_result *g, bool anonymized, const char *lang)
{
    if (!have_python()) {
        fprintf(stderr, "python3 not installed: the csv/html checks of check_report.py are skipped\n");
        return;
    }
    char cmd[4096];
    int n = snprintf(cmd, sizeof cmd,
                     "python3 '%s' --dir '%s' --actions %zu --events %zu --seats %d --lang %s%s",
                     REPORT_CHECK_SCRIPT, dir, g->actions, g->events, lf.sc->n_seats, lang,
                     render_next ? " --render" : "");
    render_next = false;
    for (int i = 0; i < lf.sc->n_seats; i++)
        n += snprintf(cmd + n, sizeof cmd - (size_t)n, " %s '%s'",
                      anonymized ? "--absent" : "--present", names[i]);
    assert_int_equal(system(cmd), 0);
}

static void export_and_check(store *db, const game_result *g, const char *sub, bool anonymize,
                             const char *lang)
{
    char dir[PLAT_PATH_MAX], err[REPORT_ERR_LEN] = "";
    snprintf(dir, sizeof dir, "%s/%s", REPORT_TEST_OUT, sub);
    plat_i18n_init(lang);
    bool ok = report_export(db, g->session, dir, anonymize, err, sizeof err);
    plat_i18n_init("nl");
    if (!ok)
        fprintf(stderr, "report_export: %s\n", err);
    assert_true(ok);

    char path[2 * PLAT_PATH_MAX];
    int acts = 0, evts = 0;
    snprintf(path, sizeof path, "%s/events.csv", dir);
    int rec = csv_records(path, 10, &acts, &evts);
    assert_int_equal(rec, 1 + (int)g->actions + (int)g->events);
    assert_int_equal(acts, (int)g->actions);
    assert_int_equal(evts, (int)g->events);
    snprintf(path, sizeof path, "%s/edges.csv", dir);
    assert_true(csv_records(path, 5, NULL, NULL) >= 1);
    snprintf(path, sizeof path, "%s/nodes.csv", dir);
    assert_int_equal(csv_records(path, 3, NULL, NULL), 1 + lf.sc->n_seats);

    char *html = slurp(dir, "report.html");
    assert_non_null(strstr(html, "<svg"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "url("));
    assert_null(strstr(html, "@import"));
    assert_null(strstr(html, "<plannen>")); /* typed text is escaped */
    free(html);
    python_check(dir, g, anonymize, lang);
}

/* One CSV record's fields (no quotes inside the numeric columns read here). */
static int split_fields(char *line, char **f, int max)
{
    int n = 0;
    bool q = false;
    char *start = line;
    for (char *p = line;; p++) {
        if (*p == '"')
            q = !q;
        if ((*p == ',' && !q) || *p == '\0') {
            bool end = *p == '\0';
            *p = '\0';
            if (n < max)
                f[n++] = start;
            start = p + 1;
            if (end)
                break;
        }
    }
    return n;
}

/* rounds.csv and afspraken.csv against what the game itself counted, and
 * the report's v2 sections with the verdict. */
static void check_rules2_files(const char *dir, const game_result *g, bool finished)
{
    char path[2 * PLAT_PATH_MAX];
    snprintf(path, sizeof path, "%s/rounds.csv", dir);
    assert_int_equal(csv_records(path, 15, NULL, NULL), 1 + g->rounds);
    snprintf(path, sizeof path, "%s/afspraken.csv", dir);
    assert_int_equal(csv_records(path, 6, NULL, NULL), 1 + g->afspraken_made);

    char *csv = slurp(dir, "rounds.csv");
    char *save = NULL;
    char *line = strtok_r(csv, "\r\n", &save);
    assert_string_equal(line, "round,level,overleg_used,overleg_budget,trust,pupil_heard,consent_asked,"
                              "consent_given,consent_refused,shared_without_consent,reflection_card,"
                              "answers,answered,reflective,improvements_checked");
    int rows = 0;
    while ((line = strtok_r(NULL, "\r\n", &save)) != NULL) {
        char *f[16];
        assert_int_equal(split_fields(line, f, 16), 15);
        int r = atoi(f[0]);
        assert_true(r >= 1 && r <= g->rounds);
        assert_int_equal(atoi(f[2]), g->overleg_used[r]);
        assert_true(atoi(f[3]) == 0 || atoi(f[3]) >= atoi(f[2]));
        if (finished) {
            assert_int_equal(atoi(f[4]), g->trust[r]);
            assert_int_equal(atoi(f[5]), g->pupil[r] ? 1 : 0);
        }
        /* "A:2 B:1": the count per option, as the game answered */
        int answered = 0;
        for (int k = 0; k < CORE_MAX_OPTIONS; k++) {
            char want[16];
            snprintf(want, sizeof want, "%c:%d", 'A' + k, g->answers[r][k]);
            if (g->answers[r][k] > 0)
                assert_non_null(strstr(f[11], want));
            answered += g->answers[r][k];
        }
        assert_int_equal(atoi(f[12]), answered);
        rows++;
    }
    assert_int_equal(rows, g->rounds);
    free(csv);

    char *html = slurp(dir, "report.html");
    assert_non_null(strstr(html, "id=\"afspraken\""));
    assert_non_null(strstr(html, "id=\"rondes\""));
    assert_non_null(strstr(html, "id=\"verbeteracties\""));
    if (finished && g->outcome != CORE_OUTCOME_ONGOING) {
        core_verdict v = core_game_verdict(g->outcome, g->level);
        const char *cls = v == CORE_VERDICT_TOGETHER ? "verdict-together"
                          : v == CORE_VERDICT_APART  ? "verdict-apart"
                                                     : "verdict-lost";
        assert_non_null(strstr(html, cls));
        if (v == CORE_VERDICT_APART)
            assert_non_null(strstr(html, "naast elkaar"));
    }
    /* one table row per round in the v2 table */
    int round_rows = 0;
    for (const char *p = html; (p = strstr(p, "<tr class=\"round\">")) != NULL; p++)
        round_rows++;
    assert_int_equal(round_rows, g->rounds);
    if (g->improvements_checked > 0)
        assert_non_null(strstr(html, "in ronde "));
    free(html);
}

static void test_team_game_report(void **state)
{
    (void)state;
    char path[PLAT_PATH_MAX], err[STORE_ERR_LEN];
    snprintf(path, sizeof path, "%s/team.db", REPORT_TEST_OUT);
    store *db = store_open(path, true, err, sizeof err);
    assert_non_null(db);
    game_result g = play_game(db, 20261129, CORE_BOT_TEAM, true, SIZE_MAX);
    assert_true(g.actions > 20);
    assert_true(g.outcome != CORE_OUTCOME_ONGOING);

    /* Resume data: replaying what the store returns gives the same state. */
    core_action *acts = NULL;
    size_t n = 0;
    assert_true(store_load_actions(db, g.session, &acts, NULL, &n, err, sizeof err));
    assert_int_equal(n, g.actions);
    core_state *st = calloc(1, sizeof *st);
    store_session s;
    assert_true(store_session_get(db, g.session, &s, err, sizeof err));
    assert_true(core_init(st, lf.sc, s.seed, err, sizeof err));
    for (size_t i = 0; i < n; i++)
        assert_int_equal(core_apply(st, &acts[i], NULL), CORE_OK);
    assert_true(core_state_hash(st) == g.hash);
    assert_true(s.state_hash == g.hash);
    assert_true(s.finished);
    assert_int_equal(s.outcome, g.outcome);
    free(st);
    free(acts);

    render_next = true;
    export_and_check(db, &g, "team", false, "nl");
    check_rules2_files(REPORT_TEST_OUT "/team", &g, true);
    /* team bots make afspraken and check verbeteracties (RULES.md "Bots") */
    assert_true(g.afspraken_made >= 1);
    assert_true(g.improvements_checked >= 1);
    char *afs = slurp(REPORT_TEST_OUT "/team", "afspraken.csv");
    assert_non_null(strstr(afs, "friction_id,friction,round,afspraak,agreed_by,grenservaring_round"));
    /* who agreed is named: some player's name is in the file */
    bool named = false;
    for (int i = 0; i < lf.sc->n_seats; i++)
        named = named || strstr(afs, names[i]) != NULL;
    assert_true(named);
    free(afs);
    char *html = slurp(REPORT_TEST_OUT "/team", "report.html");
    assert_non_null(strstr(html, "identiek")); /* replay verified against the stored hash */
    assert_non_null(strstr(html, "Fatima"));
    assert_non_null(strstr(html, "&lt;plannen&gt;")); /* the team bots' answers are there */
    /* the legend: every level in words, this game's marked once; each
     * measure's good direction; and the transfer step at the end */
    assert_non_null(strstr(html, "Niveaus van samenwerking: zo ziet het eruit"));
    assert_non_null(strstr(html, "ieder werkt apart"));
    assert_non_null(strstr(html, "niet alles via één persoon"));
    const char *here = strstr(html, "class=\"here\"");
    assert_non_null(here);
    assert_null(strstr(here + 1, "class=\"here\""));
    assert_non_null(strstr(html, "↓ lager is beter"));
    assert_non_null(strstr(html, "hoe sterk alles via één persoon liep"));
    const char *transfer = strstr(html, "Wie is het CLB-anker van jouw stageschool? Wat neem je mee?");
    assert_non_null(transfer);
    assert_true(transfer > strstr(html, "id=\"meenemen\""));
    free(html);
    export_and_check(db, &g, "team-anoniem", true, "nl");
    /* The projector's path: by file name, while the host still has it open. */
    char rerr[REPORT_ERR_LEN];
    assert_true(report_export_db(path, g.session, REPORT_TEST_OUT "/team-button", true, rerr, sizeof rerr));
    assert_false(report_export_db(REPORT_TEST_OUT "/missing.db", g.session, REPORT_TEST_OUT "/x", true,
                                  rerr, sizeof rerr));
    assert_non_null(strstr(rerr, "bestaat niet"));
    export_and_check(db, &g, "team-en", false, "en");
    html = slurp(REPORT_TEST_OUT "/team-en", "report.html");
    assert_non_null(strstr(html, "lang=\"en\""));
    assert_non_null(strstr(html, "Collaboration network"));
    assert_non_null(strstr(html, "↑ higher is better"));
    assert_non_null(strstr(html, "Who is the CLB anchor at your internship school?"));
    free(html);
    store_close(db);
}

static void test_solo_and_unfinished(void **state)
{
    (void)state;
    char path[PLAT_PATH_MAX], err[STORE_ERR_LEN];
    snprintf(path, sizeof path, "%s/solo.db", REPORT_TEST_OUT);
    store *db = store_open(path, true, err, sizeof err);
    assert_non_null(db);
    game_result g = play_game(db, 7, CORE_BOT_SOLO, true, SIZE_MAX);
    export_and_check(db, &g, "solo", false, "nl");
    check_rules2_files(REPORT_TEST_OUT "/solo", &g, true);
    /* solo bots make no afspraak: the file has its header only, and a
     * solo game is never announced as a win together */
    assert_int_equal(g.afspraken_made, 0);
    assert_true(core_game_verdict(g.outcome, g.level) != CORE_VERDICT_TOGETHER);
    game_result u = play_game(db, 8, CORE_BOT_TEAM, false, 70); /* the host died midway */
    export_and_check(db, &u, "unfinished", true, "nl");
    check_rules2_files(REPORT_TEST_OUT "/unfinished", &u, false);
    char *html = slurp(REPORT_TEST_OUT "/unfinished", "report.html");
    assert_non_null(strstr(html, "niet afgelopen"));
    free(html);
    /* The trainer restarted midway: the host closes the session unfinished. */
    game_result x = play_game(db, 9, CORE_BOT_TEAM, false, 40);
    assert_true(store_session_finish(db, x.session, NULL, err, sizeof err));
    /* the default report is the last game played to an end, not the one the
     * restart closed (nor the one still running) */
    assert_int_equal(store_last_finished(db, err, sizeof err), g.session);
    export_and_check(db, &x, "stopped", false, "nl");
    html = slurp(REPORT_TEST_OUT "/stopped", "report.html");
    assert_non_null(strstr(html, "gestopt voor het einde"));
    free(html);
    store_close(db);

    /* The command line without a session number: the solo game's report. */
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "'%s' --lang nl report --db '%s' --out '%s/default' > '%s/default.txt'",
             SAMENSPEL_BIN, path, REPORT_TEST_OUT, REPORT_TEST_OUT);
    assert_int_equal(system(cmd), 0);
    char *said = slurp(REPORT_TEST_OUT, "default.txt");
    char want[64];
    snprintf(want, sizeof want, "sessie %lld ", (long long)g.session);
    assert_non_null(strstr(said, want));
    free(said);

    /* Only stopped and running sessions: no default, a message that names
     * the stopped one. */
    char only[PLAT_PATH_MAX];
    snprintf(only, sizeof only, "%s/stopped-only.db", REPORT_TEST_OUT);
    remove(only);
    db = store_open(only, true, err, sizeof err);
    assert_non_null(db);
    game_result y = play_game(db, 10, CORE_BOT_TEAM, false, 30);
    assert_true(store_session_finish(db, y.session, NULL, err, sizeof err));
    assert_int_equal(store_last_finished(db, err, sizeof err), 0);
    store_close(db);
    snprintf(cmd, sizeof cmd, "'%s' --lang nl report --db '%s' --out '%s/none' 2> '%s/none.txt'", SAMENSPEL_BIN,
             only, REPORT_TEST_OUT, REPORT_TEST_OUT);
    assert_int_equal(WEXITSTATUS(system(cmd)), 1);
    said = slurp(REPORT_TEST_OUT, "none.txt");
    snprintf(want, sizeof want, "report %lld'", (long long)y.session);
    assert_non_null(strstr(said, want));
    free(said);
}

/* A damaged session gives a message, not a crash or a silent report. */
static void test_damaged_sessions(void **state)
{
    (void)state;
    char path[PLAT_PATH_MAX], err[STORE_ERR_LEN], rerr[REPORT_ERR_LEN];
    snprintf(path, sizeof path, "%s/damaged.db", REPORT_TEST_OUT);
    store *db = store_open(path, true, err, sizeof err);
    assert_non_null(db);
    char dir[PLAT_PATH_MAX];
    snprintf(dir, sizeof dir, "%s/damaged", REPORT_TEST_OUT);

    assert_false(report_export(db, 4242, dir, false, rerr, sizeof rerr));
    assert_non_null(strstr(rerr, "4242"));

    const char broken[] = "dit: [is geen casus\n";
    int64_t id = store_session_create(db, "kapot.yaml", broken, sizeof broken - 1, NULL, 1, "KPOT",
                                      4, NULL, err, sizeof err);
    assert_true(id > 0);
    assert_false(report_export(db, id, dir, false, rerr, sizeof rerr));
    assert_non_null(strstr(rerr, "casus"));

    /* A journal the rules refuse halfway: reported up to there, with a warning. */
    game_result g = play_game(db, 99, CORE_BOT_TEAM, true, SIZE_MAX);
    store_close(db);
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    char sql[300];
    snprintf(sql, sizeof sql,
             "UPDATE action SET type=%d, seat=0, a=1000 WHERE session_id=%lld AND seq=2",
             (int)CORE_ACT_VOTE_GOAL, (long long)g.session);
    assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    db = store_open(path, false, err, sizeof err);
    assert_non_null(db);
    assert_true(report_export(db, g.session, dir, false, rerr, sizeof rerr));
    char *html = slurp(dir, "report.html");
    assert_non_null(strstr(html, "class=\"warn\""));
    free(html);
    store_close(db);
}

/* The command line: default session, --list, errors with exit codes. */
static void test_cli(void **state)
{
    (void)state;
    char cmd[2048];
    const char *db = REPORT_TEST_OUT "/team.db";
    snprintf(cmd, sizeof cmd, "'%s' report --db '%s' --list > '%s/list.txt'", SAMENSPEL_BIN, db,
             REPORT_TEST_OUT);
    assert_int_equal(system(cmd), 0);
    char *list = slurp(REPORT_TEST_OUT, "list.txt");
    assert_non_null(strstr(list, "Fatima"));
    free(list);
    snprintf(cmd, sizeof cmd, "'%s' report --db '%s' --out '%s/cli' --anonymize > /dev/null",
             SAMENSPEL_BIN, db, REPORT_TEST_OUT);
    assert_int_equal(system(cmd), 0);
    char *html = slurp(REPORT_TEST_OUT "/cli", "report.html");
    assert_null(strstr(html, "Fatima"));
    free(html);
    snprintf(cmd, sizeof cmd, "'%s' report 999 --db '%s' --out '%s/cli' 2>/dev/null", SAMENSPEL_BIN,
             db, REPORT_TEST_OUT);
    assert_int_equal(WEXITSTATUS(system(cmd)), 1);
    snprintf(cmd, sizeof cmd, "'%s' report --bestaat-niet 2>/dev/null", SAMENSPEL_BIN);
    assert_int_equal(WEXITSTATUS(system(cmd)), 2);
    /* A foreign file through --db: refused and unchanged. */
    char txt[PLAT_PATH_MAX];
    snprintf(txt, sizeof txt, "%s/notes.txt", REPORT_TEST_OUT);
    FILE *f = fopen(txt, "w");
    fputs("geen database\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "'%s' report --db '%s' 2>/dev/null", SAMENSPEL_BIN, txt);
    assert_int_equal(WEXITSTATUS(system(cmd)), 1);
    char *after = slurp(REPORT_TEST_OUT, "notes.txt");
    assert_string_equal(after, "geen database\n");
    free(after);
}

/* Every bundled level (up to 8 seats, optional roles) exports cleanly. */
static void test_every_level(void **state)
{
    (void)state;
    char dir[PLAT_PATH_MAX];
    assert_true(plat_data_path("levels", dir, sizeof dir));
    DIR *d = opendir(dir);
    assert_non_null(d);
    level_fixture saved = lf;
    int done = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t nl = strlen(de->d_name);
        /* the roles file and the blank template (sjabloon.yaml) are not casussen */
        if (nl < 6 || strcmp(de->d_name + nl - 5, ".yaml") != 0 || strcmp(de->d_name, "rollen.yaml") == 0 ||
            strcmp(de->d_name, "sjabloon.yaml") == 0)
            continue;
        level_fixture cur;
        memset(&cur, 0, sizeof cur);
        int pn = snprintf(cur.level_path, sizeof cur.level_path, "%.700s/%.200s", dir, de->d_name);
        assert_true(pn > 0 && (size_t)pn < sizeof cur.level_path);
        char err[STORE_ERR_LEN];
        cur.level_text = plat_read_file(cur.level_path, 4u << 20, &cur.level_len, err, sizeof err);
        assert_non_null(cur.level_text);
        cur.sc = calloc(1, sizeof *cur.sc);
        lvl_diags *diags = calloc(1, sizeof *diags);
        bool ok = lvl_load_buffer(cur.level_path, cur.level_text, cur.level_len, cur.sc, diags);
        free(diags);
        if (!ok) {
            /* `samenspel check` and the level tests own this; not a report failure */
            fprintf(stderr, "skipping %s: it does not load\n", de->d_name);
            free(cur.sc);
            free(cur.level_text);
            continue;
        }
        lf = cur;
        char path[2 * PLAT_PATH_MAX];
        snprintf(path, sizeof path, "%s/level-%s.db", REPORT_TEST_OUT, de->d_name);
        store *db = store_open(path, true, err, sizeof err);
        assert_non_null(db);
        game_result g = play_game(db, 4242 + (uint64_t)done, CORE_BOT_TEAM, true, SIZE_MAX);
        char sub[300];
        snprintf(sub, sizeof sub, "level-%s", de->d_name);
        /* headless chromium costs seconds per page: render the biggest
         * graphs (7 and 8 seats) only; every level still passes the checks */
        render_next = lf.sc->n_seats >= 7;
        export_and_check(db, &g, sub, true, "nl");
        if (lf.sc->n_seats > 5) { /* with names, including the formula-like one */
            snprintf(sub, sizeof sub, "level-%s-names", de->d_name);
            export_and_check(db, &g, sub, false, "nl");
        }
        store_close(db);
        free(cur.sc);
        free(cur.level_text);
        lf = saved;
        done++;
    }
    closedir(d);
    assert_true(done >= 1);
}

TS_MAIN(setup, teardown,
        cmocka_unit_test(test_team_game_report),
        cmocka_unit_test(test_solo_and_unfinished),
        cmocka_unit_test(test_damaged_sessions),
        cmocka_unit_test(test_cli),
        cmocka_unit_test(test_every_level))
