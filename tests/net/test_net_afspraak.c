/*
 * A spanning resolved by dialogue over the network: scripted human clients
 * (no bots: each sends exactly what a person would click) on the in-memory
 * loop transport. The lowest involved seat proposes an afspraak in its own
 * words, the other involved seats agree, everyone readies with the phase
 * and round it means; at Uitvoering the host's state holds the
 * grenservaring. A READY meant for a phase that has passed is refused.
 * Every loop is bounded by steps, never by a clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "net_fixture.h"
#include "net/net.h"

#include <sched.h>

#define STEPS 2000000
#define AFSPRAAK_TEXT "Elke maandag plannen we samen de week"

static void send_act(fx_bot *b, core_action_type t, int x, int y, const char *text)
{
    core_action a;
    memset(&a, 0, sizeof a);
    a.type = t;
    a.seat = cli_seat(b->c);
    a.a = x;
    a.b = y;
    if (text)
        snprintf(a.text, sizeof a.text, "%s", text);
    if (cli_send_action(b->c, &a))
        b->waiting = true;
}

/* The spanning the table talks about: the first active one. */
static int open_spanning(const core_seat_view *v)
{
    for (int i = 0; i < v->pub.n_frictions_out && i < CORE_MAX_FRICTIONS; i++)
        if (v->pub.frictions[i].active)
            return v->pub.frictions[i].friction;
    return -1;
}

static bool involved(const core_scenario *sc, int f, int seat)
{
    int role = sc->seat_roles[seat];
    return (sc->frictions[f].roles >> (unsigned)role) & 1u;
}

/* What the person at this seat does next (nothing while an action is on
 * its way). f_out: the spanning being resolved. */
static void person_step(fx_bot *b, int *f_out)
{
    cli_pump(b->c, 0);
    const core_seat_view *v = cli_seat_view(b->c);
    const core_scenario *sc = cli_scenario(b->c);
    if (!v || !sc || b->waiting || cli_status_get(b->c) != CLI_STATUS_CONNECTED)
        return;
    core_phase ph = v->pub.phase;
    bool talk = ph == CORE_PHASE_IDENTITEIT || ph == CORE_PHASE_OVERLEG;
    int f = open_spanning(v);
    if (f >= 0 && *f_out < 0)
        *f_out = f; /* the first round's spanning is the one checked */
    if (talk && f >= 0) {
        const core_afspraak *af = &v->pub.afspraken[f];
        int lowest = -1;
        for (int s = 0; s < v->pub.n_seats && lowest < 0; s++)
            if (involved(sc, f, s))
                lowest = s;
        if (af->made_round == 0 && involved(sc, f, v->seat)) {
            if (af->proposer < 0 && v->seat == lowest) {
                send_act(b, CORE_ACT_PROPOSE_AFSPRAAK, f, CORE_NONE, AFSPRAAK_TEXT);
                return;
            }
            if (af->proposer >= 0 && !((af->agreed >> (unsigned)v->seat) & 1u)) {
                send_act(b, CORE_ACT_AGREE_AFSPRAAK, f, 1, NULL);
                return;
            }
        }
        if (af->made_round == 0)
            return; /* the table waits until the afspraak is made */
    }
    /* every phase (Signaal and Uitvoering too) ends when all are ready */
    if (!v->ready && ph >= CORE_PHASE_SIGNAAL && ph <= CORE_PHASE_REFLECTIE)
        send_act(b, CORE_ACT_READY, (int)ph, v->pub.round, NULL);
}

static void test_afspraak_over_the_network(void **state)
{
    (void)state;
    net_loop_route(true);
    host_options o;
    fx_host_opts(&o, "AFSP", 99);
    o.port = 47831;
    o.advance_idle_ms = 0; /* phases end when every seat is ready */
    host *h = fx_loop_host(&o);
    assert_non_null(h);
    assert_true(net_loop_routed());
    int n = host_seat_count(h);
    fx_bot people[CORE_MAX_SEATS];
    for (int i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "mens%d", i + 1);
        assert_true(fx_bot_join(&people[i], h, name, CORE_BOT_TEAM, (uint64_t)i + 1));
        people[i].act = false; /* scripted here, not by core_bot_next */
        long steps = 0;
        while (cli_status_get(people[i].c) != CLI_STATUS_CONNECTED && steps++ < STEPS) {
            host_pump(h, 0);
            for (int k = 0; k <= i; k++)
                cli_pump(people[k].c, 0);
            if (cli_status_get(people[i].c) == CLI_STATUS_CONNECTING)
                sched_yield();
        }
        assert_int_equal(cli_status_get(people[i].c), CLI_STATUS_CONNECTED);
    }
    /* the headless host starts once every seat is taken; play until the
     * first round's Uitvoering is over */
    int f = -1;
    bool stale_tried = false;
    const core_state *st = host_state(h);
    long steps = 0;
    while (steps++ < STEPS && !(st->round >= 2 || st->phase == CORE_PHASE_END)) {
        host_pump(h, 0);
        /* once in Overleg, before seat 0 readies there, one READY meant
         * for Identiteit arrives late */
        cli_pump(people[0].c, 0);
        const core_seat_view *v0 = cli_seat_view(people[0].c);
        if (!stale_tried && !people[0].waiting && v0 && v0->pub.phase == CORE_PHASE_OVERLEG &&
            v0->pub.round == 1 && !v0->ready) {
            int before = people[0].rejects;
            send_act(&people[0], CORE_ACT_READY, CORE_PHASE_IDENTITEIT, 1, NULL);
            long k = 0;
            while (people[0].waiting && k++ < STEPS) {
                host_pump(h, 0);
                cli_pump(people[0].c, 0);
            }
            assert_int_equal(people[0].rejects, before + 1);
            assert_false(st->seats[0].ready); /* the stale READY counted for nothing */
            assert_int_equal(st->phase, CORE_PHASE_OVERLEG);
            stale_tried = true;
        }
        for (int i = 0; i < n; i++)
            person_step(&people[i], &f);
    }
    assert_true(stale_tried);
    assert_true(f >= 0);
    fprintf(stderr, "spanning %d: afspraak made in round %d, %d grenservaring(en), trust %d\n", f,
            st->afspraken[f].made_round, st->n_boundary, st->trust);
    /* the host's state: the afspraak in the proposer's words, made in round
     * 1, and the spanning became a grenservaring (trust went up) */
    assert_int_equal(st->afspraken[f].made_round, 1);
    assert_string_equal(st->afspraken[f].text, AFSPRAAK_TEXT);
    bool won = false;
    for (int i = 0; i < st->n_boundary && i < CORE_MAX_FRICTIONS; i++)
        won = won || st->boundary_won[i] == f;
    assert_true(won);
    const core_scenario *sc = cli_scenario(people[0].c);
    int expect = sc->rules.trust_start + 1;
    if (expect > sc->rules.trust_max)
        expect = sc->rules.trust_max;
    assert_int_equal(st->trust, expect);
    /* (a READY sent on a view that was already late is refused, as it
     * should be: the others' refusals are not counted) */
    for (int i = 0; i < n; i++)
        cli_destroy(people[i].c);
    host_destroy(h);
    net_loop_route(false);
}

TS_MAIN(fx_setup_net, fx_teardown_net,
        cmocka_unit_test(test_afspraak_over_the_network))
