/* Scripted UI test: a whole game, to the end screen, played through the
 * player window's own clicks and typing (synthetic SDL events) against an
 * in-process host with team bots in the other seats. The player shares
 * every fact of the dossier (one behind the ouder's consent), asks the
 * pupil, sets up the overlegmoment, words a goal of the team's own, lets it
 * go again, checks a verbeteractie and commits a card to a spanning from
 * round 2 on. After each action the host's state must show it. */
#include "platform/plat.h"
#include "synth_input.h"
#include "ui/player_app.h"
#include "ui/player_ids.h"

#include "host/host.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The host, the player's window and the seat it holds. */
typedef struct {
    host *h;
    player_app *win;
    int seat;
    const core_scenario *sc; /* the host's */
} table;

/* What the player did, each set once the host's state showed it. */
typedef struct {
    int pupil_round, meeting_round, consent_fact, team_goal, dropped_goal;
    int checked_seat, spanning, spanning_round, reflected_round, votes;
} deeds;

static void tick(table *t, int n)
{
    while (n-- > 0) {
        host_pump(t->h, 0);
        player_app_step(t->win, 2);
    }
}

/* Keeps the host and the window going until cond holds (at most ~4 s). */
#define TICK_UNTIL(t, cond)                                                                    \
    for (int tick_k = 0; tick_k < 800 && !(cond); tick_k++)                                    \
    tick(t, 1)

static const core_seat_view *seen(table *t)
{
    return cli_seat_view(player_app_session(t->win));
}

static const core_state *truth(const table *t)
{
    return host_state(t->h);
}

/* A click in the middle of the control the window last drew for (id, arg);
 * arg -1 takes any. False when the control never shows (or stays off). */
static bool press(table *t, int id, int arg)
{
    int x = 0, y = 0;
    bool shown = false;
    for (int k = 0; k < 150 && !shown; k++) {
        tick(t, 1);
        shown = player_app_find(t->win, id, arg, &x, &y);
    }
    if (!shown)
        return false;
    synth_click(x, y);
    tick(t, 3);
    return true;
}

/* Noor's bigger sister Sem (seven roles), made to exercise every rules-v2
 * action from one seat: the zorgcoördinator sits first, so that by the
 * team's conventions (the lowest seat asks the pupil, checks verbeteracties;
 * the lowest organizer sets up the overlegmoment) the bots leave those to
 * the player; its fact is sensitive (the ouder consents); overlegtijd is
 * free and goals are not capped at two, so that the bots' own proposals
 * never use up what the player needs; a third fact makes its dossier page.
 * False when it cannot be written. */
static bool write_level(const char *path)
{
    static char text[65536];
    FILE *in = fopen(LEVELS_DIR "/sem.yaml", "rb");
    size_t n = in ? fread(text, 1, sizeof text - 1, in) : 0;
    if (in)
        fclose(in);
    text[n] = 0;
    FILE *out = n > 0 ? fopen(path, "wb") : NULL;
    if (!out)
        return false;
    bool in_fact = false, ok_roles = false, ok_fact = false, ok_rules = false;
    for (char *line = text; *line;) {
        char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) + 1 : strlen(line);
        if (strncmp(line, "rollen: [", 9) == 0) {
            fputs("rollen: [zorgcoordinator, leraar, vakleraar, ouder, clb-anker, directie, "
                  "leerondersteuner]\n",
                  out);
            ok_roles = true;
        } else if (strncmp(line, "  overlegtijd:", 14) == 0) {
            fputs("  overlegtijd: 0\n  max-doelen: 8\n", out);
            ok_rules = true;
        } else if (strncmp(line, "  - id: sem-lokalen", 19) == 0) {
            /* a third fact, so that the dossier pages */
            fputs("  - id: sem-mdo\n    rol: zorgcoordinator\n    tekst: \"Het MDO kan pas na de "
                  "herfstvakantie, tenzij iemand het vroeger vraagt.\"\n    noden: [een-lijn]\n",
                  out);
            fwrite(line, 1, len, out);
        } else {
            fwrite(line, 1, len, out);
        }
        if (strncmp(line, "  - id: sem-klassenraad", 23) == 0)
            in_fact = true;
        else if (in_fact && strncmp(line, "    rol: zorgcoordinator", 24) == 0) {
            fputs("    gevoelig: ja\n", out);
            in_fact = false;
            ok_fact = true;
        }
        line += len;
    }
    return fclose(out) == 0 && ok_roles && ok_fact && ok_rules;
}

static void open_table(table *t, const char *level)
{
    char err[512] = "";
    host_options *ho = calloc(1, sizeof *ho);
    assert_non_null(ho);
    host_options_default(ho);
    snprintf(ho->level_path, sizeof ho->level_path, "%s", level);
    snprintf(ho->code, sizeof ho->code, "SPEL");
    ho->headless = true;
    ho->advance_idle_ms = 0; /* the test is the trainer */
    ho->seed = 3;
    lvl_diags *d = calloc(1, sizeof *d);
    assert_non_null(d);
    /* a port another test holds is another try */
    for (int i = 0; i < 8 && !t->h; i++) {
        ho->port = 46200 + (int)((plat_now_ms() / 7u + (uint64_t)i * 131u) % 700u);
        t->h = host_create(ho, NULL, NULL, d, err, sizeof err);
    }
    if (!t->h && d->n > 0)
        fprintf(stderr, "%s:%d: %s\n", d->items[0].file, d->items[0].line, d->items[0].message);
    free(d);
    if (!t->h)
        fail_msg("host: %s", err);
    cli_options co;
    cli_options_default(&co);
    snprintf(co.host, sizeof co.host, "127.0.0.1");
    co.port = host_port(t->h);
    snprintf(co.code, sizeof co.code, "SPEL");
    snprintf(co.name, sizeof co.name, "Zoë");
    snprintf(co.role, sizeof co.role, "zorgcoordinator");
    co.no_token_store = true;
    t->win = player_app_open(&co, true, err, sizeof err);
    if (!t->win)
        fail_msg("player window: %s", err);
    t->seat = -1;
    TICK_UNTIL(t, (t->seat = cli_seat(player_app_session(t->win))) >= 0);
    assert_int_equal(t->seat, 0);
    t->sc = truth(t)->sc;
    for (int s = 1; s < host_seat_count(t->h); s++)
        assert_true(host_seat_bot(t->h, s, CORE_BOT_TEAM));
    assert_true(host_start(t->h, err, sizeof err));
    free(ho);
}

/* The next own fact still to share, -1 when all are. */
static int unshared_fact(table *t)
{
    const core_seat_view *v = seen(t);
    for (int i = 0; i < v->dossier_n; i++)
        if (!truth(t)->fact_shared[v->dossier[i]])
            return v->dossier[i];
    return -1;
}

/* Shares fact f from the dossier panel, asking consent first when it is
 * sensitive; pages through the panel until its button shows. */
static void share_fact(table *t, int f, deeds *d)
{
    bool sensitive = t->sc->facts[f].sensitive;
    int id = sensitive && truth(t)->fact_consent[f] != 2 ? PLAYER_ID_ASK_CONSENT : UI_ID_SHARE_FACT;
    int x = 0, y = 0;
    for (int turn = 0; turn < 8 && !player_app_find(t->win, id, f, &x, &y); turn++) {
        /* the page buttons name the first fact they show: the next page on,
         * or back to the first */
        int first = player_app_model(t->win)->dossier_first, next = -1;
        for (int a = CORE_MAX_FACTS - 1; a >= 0; a--)
            if (a != first && player_app_find(t->win, UI_ID_DOSSIER_PAGE, a, &x, &y) &&
                (a > first || next < 0))
                next = a;
        if (next >= 0)
            press(t, UI_ID_DOSSIER_PAGE, next);
        tick(t, 2);
    }
    assert_true(press(t, id, f));
    if (id == PLAYER_ID_ASK_CONSENT) {
        /* asked, and the ouder (a team bot) gives it */
        TICK_UNTIL(t, truth(t)->fact_consent[f] == 2);
        assert_int_equal(truth(t)->fact_consent[f], 2);
        assert_false(truth(t)->fact_shared[f]);
        d->consent_fact = f;
        return; /* shared on a later turn, with its own button */
    }
    TICK_UNTIL(t, truth(t)->fact_shared[f]);
    assert_true(truth(t)->fact_shared[f]);
    assert_int_equal(truth(t)->fact_shared_round[f], truth(t)->round);
}

/* "Eigen doel formuleren": the card opens, the player types the goal and
 * links it to the first need, the team votes it in. */
static void word_goal(table *t, deeds *d)
{
    int before = truth(t)->n_team_goals;
    assert_true(press(t, PLAYER_ID_WORD_GOAL, 0));
    assert_true(player_app_model(t->win)->wording_goal);
    assert_true(press(t, PLAYER_ID_GOAL_TEXT, -1));
    synth_text("Sem kent ");
    tick(t, 2);
    synth_text("elke ochtend zijn dag");
    tick(t, 2);
    assert_true(press(t, PLAYER_ID_GOAL_NEED, 0));
    assert_true(press(t, PLAYER_ID_GOAL_SEND, 0));
    TICK_UNTIL(t, truth(t)->n_team_goals > before);
    const core_state *st = truth(t);
    assert_int_equal(st->n_team_goals, before + 1);
    assert_string_equal(st->team_goal_text[before], "Sem kent elke ochtend zijn dag");
    d->team_goal = t->sc->n_goals + before;
    /* proposing is voting for it; the bots say yes too */
    TICK_UNTIL(t, truth(t)->goal_adopted[d->team_goal]);
    assert_true(truth(t)->goal_adopted[d->team_goal]);
}

/* One turn of the player's talk (Identiteit, Overleg): the next thing the
 * script still has to do, checked on the host's state. False when there
 * was nothing left to do this phase. */
static bool talk_turn(table *t, deeds *d)
{
    const core_state *st = truth(t);
    const core_seat_view *v = seen(t);
    int me = t->seat;
    if (st->goal_proposal >= 0 && !(((st->goal_votes_yes | st->goal_votes_no) >> (unsigned)me) & 1u)) {
        /* a bot's proposal waits for every seat: say yes */
        if (v->pub.goal_proposal != st->goal_proposal)
            return true; /* the window has not seen it yet */
        assert_true(press(t, UI_ID_VOTE_YES, st->goal_proposal));
        TICK_UNTIL(t, truth(t)->goal_proposal < 0 || ((truth(t)->goal_votes_yes >> (unsigned)me) & 1u));
        d->votes++;
        return true;
    }
    /* "Vraag het aan de leerling", then the overlegmoment: each sets the
     * round it happened in */
    static const struct {
        int id;
        size_t state_field, deed;
    } once[] = {
        {PLAYER_ID_ASK_PUPIL, offsetof(core_state, pupil_asked_round), offsetof(deeds, pupil_round)},
        {PLAYER_ID_SET_MEETING, offsetof(core_state, meeting_round), offsetof(deeds, meeting_round)},
    };
    for (size_t i = 0; i < sizeof once / sizeof once[0]; i++) {
        const int *happened = (const int *)((const char *)st + once[i].state_field);
        int *done = (int *)((char *)d + once[i].deed);
        if (*done == 0 && *happened == 0) {
            assert_true(press(t, once[i].id, 0));
            TICK_UNTIL(t, *happened > 0);
            assert_int_equal(*happened, st->round);
            *done = *happened;
            return true;
        }
    }
    int f = unshared_fact(t);
    if (f >= 0) {
        share_fact(t, f, d);
        return true;
    }
    if (d->team_goal < 0 && st->goal_proposal < 0 && st->phase == CORE_PHASE_OVERLEG) {
        word_goal(t, d);
        return true;
    }
    if (d->team_goal >= 0 && d->dropped_goal < 0 && st->goal_proposal < 0 &&
        st->goal_adopted[d->team_goal]) {
        /* "Loslaten": a vote to let it go, which the bots pass; while a
         * bot's proposal is open the button stays away (vote first) */
        if (!press(t, UI_ID_DROP_GOAL, d->team_goal))
            return true;
        TICK_UNTIL(t, !truth(t)->goal_adopted[d->team_goal]);
        assert_false(truth(t)->goal_adopted[d->team_goal]);
        d->dropped_goal = d->team_goal;
        return true;
    }
    /* last round's verbeteractie, looked back on */
    const core_seat_state *mine = &st->seats[me];
    if (d->checked_seat < 0 && mine->improvement_round > 0 && mine->improvement_round < st->round &&
        mine->improvement_checked == 0) {
        assert_true(press(t, PLAYER_ID_CHECK_DONE, me));
        TICK_UNTIL(t, truth(t)->seats[me].improvement_checked > 0);
        assert_int_equal(truth(t)->seats[me].improvement_checked, st->round);
        assert_true(truth(t)->seats[me].improvement_done);
        d->checked_seat = me;
        return true;
    }
    return false;
}

/* Inzet from round 2 on: the first card of the hand onto an open spanning
 * this seat's role is involved in (any open one when none is). */
static void commit_to_spanning(table *t, deeds *d)
{
    const core_seat_view *v = seen(t);
    int target = -1;
    for (int i = 0; i < v->pub.n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        const core_friction_state *fs = &v->pub.frictions[i];
        if (!fs->active)
            continue;
        bool involved = (t->sc->frictions[fs->friction].roles >> (unsigned)v->role) & 1u;
        if (target < 0 || involved)
            target = fs->friction;
        if (involved)
            break;
    }
    if (target < 0)
        return; /* nothing open this round: try the next */
    assert_true(press(t, UI_ID_CARD, -1));
    assert_true(press(t, UI_ID_FRICTION, target));
    TICK_UNTIL(t, truth(t)->seats[t->seat].commit_n > 0);
    const core_seat_state *ss = &truth(t)->seats[t->seat];
    assert_int_equal(ss->commit_n, 1);
    assert_int_equal(ss->commits[0].target_kind, 1);
    assert_int_equal(ss->commits[0].target, target);
    d->spanning = target;
    d->spanning_round = truth(t)->round;
}

/* Reflectie: the first answer and a verbeteractie in own words. */
static void reflect(table *t, deeds *d)
{
    assert_true(press(t, UI_ID_REFLECT_OPTION, 0));
    assert_true(press(t, UI_ID_REFLECT_TEXT, 0));
    synth_text("Maandag bellen we de ouder");
    tick(t, 2);
    assert_true(press(t, UI_ID_REFLECT_SEND, 0));
    TICK_UNTIL(t, truth(t)->seats[t->seat].reflected);
    const core_seat_state *ss = &truth(t)->seats[t->seat];
    assert_true(ss->reflected);
    assert_string_equal(ss->improvement_text, "Maandag bellen we de ouder");
    assert_int_equal(ss->improvement_round, truth(t)->round);
    d->reflected_round = truth(t)->round;
}

/* Clicks Klaar and waits for the host to take it (or the phase to move). */
static void klaar(table *t)
{
    core_phase ph = truth(t)->phase;
    int round = truth(t)->round;
    if (!press(t, UI_ID_READY, -1))
        return;
    TICK_UNTIL(t, truth(t)->seats[t->seat].ready || truth(t)->phase != ph ||
                      truth(t)->round != round);
}

static void test_whole_game(void **state)
{
    (void)state;
    char path[256], err[256];
    snprintf(path, sizeof path, "/tmp/samenspel-game-sem-%u.yaml", (unsigned)(plat_now_ms() % 100000u));
    assert_true(write_level(path));
    table t;
    memset(&t, 0, sizeof t);
    open_table(&t, path);
    deeds d = {.consent_fact = -1, .team_goal = -1, .dropped_goal = -1, .checked_seat = -1,
               .spanning = -1};
    int last_round = -1;
    core_phase last_phase = CORE_PHASE_LOBBY;
    uint64_t since = plat_now_ms(), deadline = plat_now_ms() + 50000;
    bool reflected_now = false;
    while (plat_now_ms() < deadline && truth(&t)->phase != CORE_PHASE_END) {
        tick(&t, 1);
        const core_seat_view *v = seen(&t);
        const core_state *st = truth(&t);
        if (!v || v->pub.phase != st->phase || v->pub.round != st->round)
            continue; /* the window catches up with the host first */
        if (st->phase != last_phase || st->round != last_round) {
            last_phase = st->phase;
            last_round = st->round;
            since = plat_now_ms();
            reflected_now = false;
        }
        bool busy = false;
        switch (st->phase) {
        case CORE_PHASE_IDENTITEIT:
        case CORE_PHASE_OVERLEG:
            busy = !st->seats[t.seat].ready && talk_turn(&t, &d);
            break;
        case CORE_PHASE_INZET:
            if (st->round >= 2 && d.spanning < 0 && !st->seats[t.seat].ready)
                commit_to_spanning(&t, &d);
            break;
        case CORE_PHASE_REFLECTIE:
            if (!st->seats[t.seat].reflected && !reflected_now) {
                reflect(&t, &d);
                reflected_now = true;
            }
            break;
        default: break;
        }
        if (busy) {
            since = plat_now_ms();
            continue;
        }
        /* nothing left to do: Klaar, and the trainer moves on a moment later */
        bool own_phase = st->phase == CORE_PHASE_IDENTITEIT || st->phase == CORE_PHASE_OVERLEG ||
                         st->phase == CORE_PHASE_INZET;
        if (own_phase && !truth(&t)->seats[t.seat].ready)
            klaar(&t);
        else if (plat_now_ms() - since > 150) {
            host_advance(t.h, err, sizeof err);
            since = plat_now_ms();
        }
    }
    tick(&t, 20);
    const core_state *st = truth(&t);
    fprintf(stderr,
            "end in round %d: pupil asked in round %d, overlegmoment in round %d, consent for fact "
            "%d, team goal %d dropped %d, verbeteractie of seat %d checked, card on spanning %d in "
            "round %d, %d votes, %d facts shared\n",
            st->round, d.pupil_round, d.meeting_round, d.consent_fact, d.team_goal, d.dropped_goal,
            d.checked_seat, d.spanning, d.spanning_round, d.votes, seen(&t)->dossier_n);
    if (st->phase != CORE_PHASE_END)
        for (int i = 0; i < host_log_count(t.h); i++)
            fprintf(stderr, "host log: %s\n", host_log_line(t.h, i));
    /* the whole game, to the end screen */
    assert_int_equal(st->phase, CORE_PHASE_END);
    assert_int_equal(seen(&t)->pub.phase, CORE_PHASE_END);
    assert_true(st->outcome != CORE_OUTCOME_ONGOING);
    /* every own fact shared, one of them behind consent */
    const core_seat_view *v = seen(&t);
    assert_true(v->dossier_n >= 3);
    for (int i = 0; i < v->dossier_n; i++)
        assert_true(st->fact_shared[v->dossier[i]]);
    assert_true(d.consent_fact >= 0);
    assert_true(st->fact_shared[d.consent_fact]);
    assert_int_equal(st->fact_consent[d.consent_fact], 2);
    assert_true(d.pupil_round > 0 && d.meeting_round > 0);
    assert_true(d.team_goal >= 0 && d.dropped_goal == d.team_goal);
    assert_int_equal(d.checked_seat, t.seat);
    assert_true(d.spanning >= 0 && d.spanning_round >= 2);
    assert_true(d.reflected_round > 0);
    /* no text of the window was cut without an ellipsis along the way */
    assert_int_equal(player_app_gfx(t.win)->overflows, 0);
    player_app_close(t.win);
    host_destroy(t.h);
    remove(path);
}

int main(void)
{
    plat_i18n_init("nl");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_game),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    SDL_Quit();
    return rc;
}
