/*
 * One test per rule of GAME.md / RULES.md: the round flow, every phase,
 * the resolution formula (limits, synergy, kinds, generic boosts, goal and
 * lead bonus, the dark, off-domain, weak team), frictions (escalation and
 * grenservaring), goals, leads, promises, reflection, every end condition,
 * every rejection, and the privacy of views.
 *
 * Tests set hands directly in the (plain-value) state so that a resolution
 * can be checked with exact numbers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "test_play.h"

static core_scenario *g_sc;

static int setup(void **state)
{
    (void)state;
    g_sc = test_scenario_new();
    /* these tests take many conversation steps in one round: time is
     * unlimited here and tested on its own in test_core_rules2.c */
    g_sc->rules.overleg_budget = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(g_sc);
    return 0;
}

static core_reject ap(core_state *st, core_action_type t, int seat, int a, int b, int c)
{
    core_action x = test_action(t, seat, a, b, c);
    return core_apply(st, &x, NULL);
}

static void start(core_state *st, const core_scenario *sc)
{
    test_start(st, sc, 42);
    assert_int_equal(st->phase, CORE_PHASE_SIGNAAL);
    assert_int_equal(st->round, 1);
}

/* start, then ADVANCEs to phase p of round 1. */
static void start_at(core_state *st, core_phase p)
{
    start(st, g_sc);
    test_to_phase(st, p);
}

/* Puts `card` in the seat's hand (slot returned). */
static int give(core_state *st, int seat, int card)
{
    core_seat_state *ss = &st->seats[seat];
    if (ss->hand_n < CORE_MAX_HAND)
        ss->hand_n++;
    ss->hand[ss->hand_n - 1] = card;
    return ss->hand_n - 1;
}

static void put(core_state *st, int seat, int card, int kind, int target)
{
    int slot = give(st, seat, card);
    test_ok(st, CORE_ACT_COMMIT, seat, slot, kind, target);
}

static int find_event(const core_events *ev, core_event_type t, int a)
{
    for (int i = 0; i < ev->n; i++)
        if (ev->ev[i].type == t && (a == CORE_NONE || ev->ev[i].a == a))
            return i;
    return -1;
}

/* Ends Inzet and returns the progress the need got. */
static int resolve_need(core_state *st, int need)
{
    int before = st->need_progress[need];
    core_events ev;
    test_advance_events(st, &ev);
    assert_int_equal(st->phase, CORE_PHASE_UITVOERING);
    return st->need_progress[need] - before;
}

static void share(core_state *st, int fact)
{
    test_ok(st, CORE_ACT_SHARE_FACT, g_sc->facts[fact].role, fact, 0, 0);
}

/* A game in round 1's Inzet after fact was shared in Overleg: the need the
 * fact is about is lit, and the test puts cards on it. */
static void inzet_after_sharing(core_state *st, int fact)
{
    start(st, g_sc);
    test_to_phase(st, CORE_PHASE_OVERLEG);
    share(st, fact);
    test_to_phase(st, CORE_PHASE_INZET);
}

/* ------------------------------------------------------------ the flow */

static void test_round_flow(void **state)
{
    (void)state;
    core_state st;
    start(&st, g_sc);
    /* Signaal: friction 0 is scripted in round 1, plus one from the deck */
    assert_int_equal(st.n_frictions_out, 2);
    assert_int_equal(st.frictions[0].friction, 0);
    for (int s = 0; s < 4; s++)
        assert_int_equal(st.seats[s].hand_n, g_sc->rules.hand_size);
    /* everyone READY ends a phase; round 1 has Identiteit */
    for (int s = 0; s < 4; s++)
        test_ok(&st, CORE_ACT_READY, s, 0, 0, 0);
    assert_int_equal(st.phase, CORE_PHASE_IDENTITEIT);
    for (int s = 0; s < 4; s++)
        assert_false(st.seats[s].ready);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_OVERLEG);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_INZET);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_UITVOERING);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_REFLECTIE);
    assert_int_not_equal(st.reflection_card, CORE_NONE);
    core_events ev;
    test_advance_events(&st, &ev);
    assert_true(find_event(&ev, CORE_EVT_ROUND_END, 1) >= 0);
    /* round 2 skips Identiteit */
    assert_int_equal(st.round, 2);
    assert_int_equal(st.phase, CORE_PHASE_SIGNAAL);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_OVERLEG);
}

static void test_unready_and_ready_lock(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_INZET);
    test_ok(&st, CORE_ACT_READY, S_LER, 0, 0, 0);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 0, 0, N_LEZEN), CORE_REJ_READY_LOCKED);
    test_ok(&st, CORE_ACT_UNREADY, S_LER, 0, 0, 0);
    assert_int_equal(ap(&st, CORE_ACT_UNREADY, S_LER, 0, 0, 0), CORE_REJ_NOT_READY);
    test_ok(&st, CORE_ACT_COMMIT, S_LER, 0, 0, N_LEZEN);
    test_ok(&st, CORE_ACT_UNCOMMIT, S_LER, 0, 0, 0);
    assert_int_equal(st.seats[S_LER].commit_n, 0);
}

/* ---------------------------------------------------- resolution rules */

/* One resolution of a need in round 1: fact is shared in Overleg first
 * (CORE_NONE: nothing shared, the need stays dark), the cards go on need
 * in Inzet, and ending Inzet must give it exactly `progress`. Each case is
 * a test of its own, named after the rule it checks. */
typedef struct {
    const char *name;
    int fact, need;
    struct {
        int seat, card;
    } put[2];
    int n_put;
    int progress;
} resolution_case;

static resolution_case resolutions[] = {
    /* leren 2, lezen is dark: half */
    {"test_alone_in_the_dark_counts_half", CORE_NONE, N_LEZEN, {{S_LER, C_LER_INSTR}}, 1, 1},
    /* the clb fact about lezen lights it: full value */
    {"test_shared_fact_lights_need", 4, N_LEZEN, {{S_LER, C_LER_INSTR}}, 1, 2},
    /* 2 professioneel + 2 wetenschappelijk + synergy 1 (2 roles) + mixed 1 (2 kinds) */
    {"test_synergy_and_mixed_kinds", 4, N_LEZEN, {{S_LER, C_LER_INSTR}, {S_CLB, C_CLB_ADVIES}}, 2, 6},
    /* 2 wet + 3 wet + synergy 1, no mixed bonus */
    {"test_same_kind_no_mixed_bonus", 4, N_LEZEN, {{S_CLB, C_CLB_ADVIES}, {S_LO, C_LO_HULP}}, 2, 6},
    /* klas lit; ouder is limited on klas: alone, even two cards add nothing */
    {"test_limits_alone_add_nothing", 1, N_KLAS, {{S_OUD, C_OUD_ROUT}, {S_OUD, C_OUD_BELEV}}, 2, 0},
    /* thuis 3 off-domain -> 1 (ervaring) + klaspraktijk 3 (professioneel) + synergy 1 + mixed 1 */
    {"test_limits_lifted_by_another_role", 1, N_KLAS, {{S_OUD, C_OUD_ROUT}, {S_LER, C_LER_STRUCT}}, 2, 6},
    /* klaspraktijk 3 on leren: 3/2 = 1 */
    {"test_off_domain_divisor", 4, N_LEZEN, {{S_LER, C_LER_STRUCT}}, 1, 1},
    {"test_generic_alone_does_nothing", 4, N_LEZEN, {{S_LER, C_LER_GEN}}, 1, 0},
    {"test_generic_does_not_boost_own_role", 4, N_LEZEN, {{S_LER, C_LER_GEN}, {S_LER, C_LER_INSTR}}, 2, 2},
    /* 2 + boost 2 + synergy 1 (leraar joins through its generic card); one kind */
    {"test_generic_boosts_another_role", 4, N_LEZEN, {{S_LER, C_LER_GEN}, {S_CLB, C_CLB_ADVIES}}, 2, 5},
};

static void test_resolution(void **state)
{
    const resolution_case *c = *state;
    core_state st;
    if (c->fact == CORE_NONE) {
        start_at(&st, CORE_PHASE_INZET);
    } else {
        inzet_after_sharing(&st, c->fact);
    }
    for (int k = 0; k < c->n_put; k++)
        put(&st, c->put[k].seat, c->put[k].card, 0, c->need);
    assert_int_equal(resolve_need(&st, c->need), c->progress);
}

#define RESOLUTION_TEST(i) {resolutions[i].name, test_resolution, NULL, NULL, &resolutions[i]}

static void adopt_goal(core_state *st, int g)
{
    test_ok(st, CORE_ACT_PROPOSE_GOAL, S_LER, g, 0, 0);
    test_ok(st, CORE_ACT_VOTE_GOAL, S_OUD, g, 1, 0);
    test_ok(st, CORE_ACT_VOTE_GOAL, S_CLB, g, 1, 0);
    test_ok(st, CORE_ACT_VOTE_GOAL, S_LO, g, 1, 0);
    assert_true(st->goal_adopted[g]);
}

static void test_goal_and_lead_bonus(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_OVERLEG);
    share(&st, 4);
    adopt_goal(&st, 1); /* lezen-lukt */
    test_ok(&st, CORE_ACT_PROPOSE_LEAD, S_LER, N_LEZEN, S_LER, 0);
    assert_int_equal(st.need_lead[N_LEZEN], S_LER);
    test_to_phase(&st, CORE_PHASE_INZET);
    put(&st, S_LER, C_LER_INSTR, 0, N_LEZEN);
    put(&st, S_CLB, C_CLB_ADVIES, 0, N_LEZEN);
    assert_int_equal(resolve_need(&st, N_LEZEN), 8); /* 6 + goal 1 + lead 1 */
}

static void test_lead_bonus_needs_the_lead_to_contribute(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_OVERLEG);
    share(&st, 4);
    test_ok(&st, CORE_ACT_PROPOSE_LEAD, S_LER, N_LEZEN, S_OUD, 0);
    assert_int_equal(st.need_lead[N_LEZEN], CORE_NONE);
    assert_int_equal(ap(&st, CORE_ACT_ACCEPT_LEAD, S_CLB, N_LEZEN, 0, 0), CORE_REJ_NO_LEAD_PROPOSAL);
    test_ok(&st, CORE_ACT_ACCEPT_LEAD, S_OUD, N_LEZEN, 0, 0);
    assert_int_equal(st.need_lead[N_LEZEN], S_OUD);
    test_to_phase(&st, CORE_PHASE_INZET);
    put(&st, S_CLB, C_CLB_ADVIES, 0, N_LEZEN);
    assert_int_equal(resolve_need(&st, N_LEZEN), 2);
}

static void test_weak_team_penalty(void **state)
{
    (void)state;
    core_state st;
    inzet_after_sharing(&st, 4);
    st.draagkracht = 0;
    put(&st, S_LER, C_LER_INSTR, 0, N_LEZEN);
    put(&st, S_LER, C_LER_GEN, 0, N_LEZEN);
    assert_int_equal(resolve_need(&st, N_LEZEN), 0); /* 2 - 2 cards x 1, never below 0 */
}

static void test_need_met_raises_welbevinden(void **state)
{
    (void)state;
    core_state st;
    inzet_after_sharing(&st, 4);
    st.need_progress[N_LEZEN] = g_sc->needs[N_LEZEN].target - 1;
    st.welbevinden = 5;
    for (int i = 0; i < st.n_frictions_out; i++)
        st.frictions[i].active = false; /* nothing else moves welbevinden */
    put(&st, S_LER, C_LER_INSTR, 0, N_LEZEN);
    assert_int_equal(resolve_need(&st, N_LEZEN), 2);
    assert_true(st.need_met[N_LEZEN]);
    assert_int_equal(st.welbevinden, 5 + g_sc->rules.welbevinden_per_need);
    /* a met need refuses new cards */
    test_to_phase(&st, CORE_PHASE_INZET);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 0, 0, N_LEZEN), CORE_REJ_NEED_MET);
}

/* ------------------------------------------------------------ frictions */

static int friction_slot(const core_state *st, int def)
{
    for (int i = 0; i < st->n_frictions_out; i++)
        if (st->frictions[i].friction == def)
            return i;
    return -1;
}

static void test_ignored_friction_drains_and_escalates(void **state)
{
    (void)state;
    core_state st;
    start(&st, g_sc);
    int slot = friction_slot(&st, 0);
    assert_true(slot >= 0);
    int other = st.frictions[1].friction;
    test_to_phase(&st, CORE_PHASE_INZET);
    int dk = st.draagkracht, wb = st.welbevinden;
    core_events ev;
    test_advance_events(&st, &ev);
    int i = find_event(&ev, CORE_EVT_FRICTION_DRAIN, 0);
    assert_true(i >= 0);
    assert_int_equal(ev.ev[i].b, 1);
    assert_int_equal(st.frictions[slot].severity, 2);
    assert_int_equal(st.frictions[slot].ignored_rounds, 1);
    /* both frictions (severity 1) drained their track */
    int drained_dk = g_sc->frictions[other].drains == CORE_DRAIN_DRAAGKRACHT ? 2 : 1;
    assert_int_equal(st.draagkracht, dk - drained_dk);
    assert_int_equal(st.welbevinden, wb - (2 - drained_dk));
    /* next round it drains its escalated severity */
    test_to_phase(&st, CORE_PHASE_SIGNAAL);
    test_to_phase(&st, CORE_PHASE_INZET);
    test_advance_events(&st, &ev);
    i = find_event(&ev, CORE_EVT_FRICTION_DRAIN, 0);
    assert_true(i >= 0);
    assert_int_equal(ev.ev[i].b, 2);
    assert_int_equal(st.frictions[slot].severity, 3);
}

static void test_grenservaring(void **state)
{
    (void)state;
    core_state st;
    start(&st, g_sc);
    int slot = friction_slot(&st, 0); /* leraar + leerondersteuner, 2 required */
    test_to_phase(&st, CORE_PHASE_OVERLEG);
    /* by dialogue: the two roles agree on an afspraak (no cards needed) */
    core_action pa = test_action(CORE_ACT_PROPOSE_AFSPRAAK, S_LER, 0, CORE_NONE, 0);
    snprintf(pa.text, sizeof pa.text, "We plannen elke week samen een les.");
    assert_int_equal(core_apply(&st, &pa, NULL), CORE_OK);
    test_ok(&st, CORE_ACT_AGREE_AFSPRAAK, S_LO, 0, 1, 0);
    assert_int_equal(st.afspraken[0].made_round, 1);
    test_to_phase(&st, CORE_PHASE_INZET);
    int dk = st.draagkracht;
    core_events ev;
    test_advance_events(&st, &ev);
    int i = find_event(&ev, CORE_EVT_GRENSERVARING, 0);
    assert_true(i >= 0);
    assert_int_equal(ev.ev[i].b, C_INNO1);
    assert_false(st.frictions[slot].active);
    assert_int_equal(st.n_boundary, 1);
    assert_int_equal(st.boundary_won[0], 0);
    assert_int_equal(st.n_innovations, 1);
    assert_int_equal(st.innovations[0], C_INNO1);
    assert_true(find_event(&ev, CORE_EVT_FRICTION_DRAIN, 0) < 0);
    /* +recovery, minus the other (deck) friction if it drains draagkracht */
    int other = st.frictions[1].friction;
    int expect = dk + g_sc->rules.recovery - (g_sc->frictions[other].drains == CORE_DRAIN_DRAAGKRACHT ? 1 : 0);
    assert_int_equal(st.draagkracht, expect);
    /* the removed friction refuses cards; the innovation card can be played once, by anyone */
    test_to_phase(&st, CORE_PHASE_SIGNAAL);
    test_to_phase(&st, CORE_PHASE_INZET);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 0, 1, 0), CORE_REJ_UNKNOWN_FRICTION);
    test_ok(&st, CORE_ACT_COMMIT, S_OUD, CORE_MAX_HAND + 0, 0, N_THUIS);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_CLB, CORE_MAX_HAND + 0, 0, N_RUST), CORE_REJ_ALREADY_COMMITTED);
    test_advance(&st);
    assert_int_equal(st.n_innovations, 0); /* spent */
}

static void test_friction_needs_involved_distinct_roles(void **state)
{
    (void)state;
    core_state st;
    start(&st, g_sc);
    int slot = friction_slot(&st, 0);
    test_to_phase(&st, CORE_PHASE_INZET);
    /* leraar twice and the (not involved) ouder: still only one involved role */
    put(&st, S_LER, C_LER_GEN, 1, 0);
    put(&st, S_LER, C_LER_INSTR, 1, 0);
    put(&st, S_OUD, C_OUD_GEN, 1, 0);
    test_advance(&st);
    assert_true(st.frictions[slot].active);
    assert_int_equal(st.frictions[slot].severity, 2);
    assert_int_equal(st.n_innovations, 0);
}

/* ------------------------------------------------------ goals, promises */

/* Three seats vote on goal g in this order: {seat, 1 yes / 0 no}; each vote
 * must be accepted. */
static void votes(core_state *st, int g, const int seat_vote[3][2])
{
    for (int i = 0; i < 3; i++)
        test_ok(st, CORE_ACT_VOTE_GOAL, seat_vote[i][0], g, seat_vote[i][1], 0);
}

static void test_goal_vote_by_consent(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_OVERLEG);
    test_ok(&st, CORE_ACT_PROPOSE_GOAL, S_LER, 0, 0, 0);
    assert_int_equal(ap(&st, CORE_ACT_PROPOSE_GOAL, S_OUD, 1, 0, 0), CORE_REJ_PROPOSAL_OPEN);
    assert_int_equal(ap(&st, CORE_ACT_VOTE_GOAL, S_LER, 0, 1, 0), CORE_REJ_ALREADY_VOTED);
    assert_int_equal(ap(&st, CORE_ACT_VOTE_GOAL, S_OUD, 1, 1, 0), CORE_REJ_NO_PROPOSAL);
    test_ok(&st, CORE_ACT_VOTE_GOAL, S_OUD, 0, 1, 0);
    test_ok(&st, CORE_ACT_VOTE_GOAL, S_CLB, 0, 1, 0);
    assert_false(st.goal_adopted[0]); /* a majority is not consent: the leerondersteuner is still silent */
    test_ok(&st, CORE_ACT_VOTE_GOAL, S_LO, 0, 1, 0);
    assert_true(st.goal_adopted[0]);
    assert_int_equal(st.goal_proposal, CORE_NONE);
    assert_int_equal(ap(&st, CORE_ACT_PROPOSE_GOAL, S_LO, 0, 0, 0), CORE_REJ_GOAL_ALREADY_ADOPTED);
    /* the ouder's one objection stops a goal that three others want */
    test_ok(&st, CORE_ACT_PROPOSE_GOAL, S_LER, 1, 0, 0);
    votes(&st, 1, (const int[][2]){{S_CLB, 1}, {S_LO, 1}, {S_OUD, 0}});
    assert_false(st.goal_adopted[1]);
    assert_int_equal(st.goal_proposal, CORE_NONE);
    /* max 2 goals; then revise by dropping one */
    adopt_goal(&st, 1);
    assert_int_equal(ap(&st, CORE_ACT_PROPOSE_GOAL, S_LER, 2, 0, 0), CORE_REJ_TOO_MANY_GOALS);
    assert_int_equal(ap(&st, CORE_ACT_DROP_GOAL, S_LER, 2, 0, 0), CORE_REJ_GOAL_NOT_ADOPTED);
    test_ok(&st, CORE_ACT_DROP_GOAL, S_OUD, 0, 0, 0);
    votes(&st, 0, (const int[][2]){{S_LER, 1}, {S_LO, 1}, {S_CLB, 1}});
    assert_false(st.goal_adopted[0]);
    /* silence is consent: one other yes and no objection when Overleg ends */
    test_ok(&st, CORE_ACT_PROPOSE_GOAL, S_LER, 2, 0, 0);
    test_ok(&st, CORE_ACT_VOTE_GOAL, S_CLB, 2, 1, 0);
    test_advance(&st);
    assert_int_equal(st.goal_proposal, CORE_NONE);
    assert_true(st.goal_adopted[2]);
}

static void test_promise_kept_and_broken(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_OVERLEG);
    test_ok(&st, CORE_ACT_ASK, S_LER, S_CLB, N_LEZEN, 0);     /* promise 0 */
    test_ok(&st, CORE_ACT_OFFER, S_OUD, S_LO, N_THUIS, 0);    /* promise 1 */
    test_ok(&st, CORE_ACT_ASK, S_LO, S_LER, N_KLAS, 0);       /* promise 2, declined */
    assert_int_equal(ap(&st, CORE_ACT_ASK, S_LER, S_CLB, N_LEZEN, 0), CORE_REJ_DUPLICATE);
    assert_int_equal(ap(&st, CORE_ACT_RESPOND, S_LER, 0, 1, 0), CORE_REJ_NOT_YOUR_PROMISE);
    test_ok(&st, CORE_ACT_RESPOND, S_CLB, 0, 1, 0);
    assert_int_equal(ap(&st, CORE_ACT_RESPOND, S_CLB, 0, 1, 0), CORE_REJ_PROMISE_CLOSED);
    test_ok(&st, CORE_ACT_RESPOND, S_LO, 1, 1, 0);
    test_ok(&st, CORE_ACT_RESPOND, S_LER, 2, 0, 0);
    assert_int_equal(st.edge_round[1][S_LER][S_CLB], 1); /* answered ask = edge */
    assert_int_equal(st.edge_round[1][S_LER][S_LO], 0);  /* declined: none */
    test_to_phase(&st, CORE_PHASE_INZET);
    put(&st, S_LER, C_LER_INSTR, 0, N_LEZEN);
    put(&st, S_CLB, C_CLB_ADVIES, 0, N_LEZEN);
    put(&st, S_OUD, C_OUD_ROUT, 0, N_THUIS);
    test_advance(&st);
    assert_int_equal(st.promises[0].status, CORE_PROMISE_KEPT);
    assert_int_equal(st.promises[1].status, CORE_PROMISE_BROKEN);
    assert_int_equal(st.promises[2].status, CORE_PROMISE_DECLINED);
    assert_int_equal(st.edge_round[1][S_LER][S_CLB], 2); /* + co-contribution */
    core_measures m;
    core_measures_compute(&st, 1, &m);
    assert_int_equal(m.promises_kept, 1);
    assert_int_equal(m.promises_broken, 1);
    assert_int_equal(m.asks_offers, 3);
    assert_true(m.evidence & (1u << CORE_EV_TAG_GEBROKEN_BELOFTE));
}

/* How many events of type t (with a = a, b = b when >= 0) are in ev. */
static int count_ev(const core_events *ev, core_event_type t, int a, int b)
{
    int n = 0;
    for (int i = 0; i < ev->n; i++)
        if (ev->ev[i].type == t && (a < 0 || ev->ev[i].a == a) && (b < 0 || ev->ev[i].b == b))
            n++;
    return n;
}

static core_events *apply_ev(core_state *st, core_action_type t, int seat, int a, int b, int c)
{
    static core_events ev;
    ev.n = 0;
    core_action x = test_action(t, seat, a, b, c);
    core_reject r = core_apply(st, &x, &ev);
    if (r != CORE_OK)
        fail_msg("action %d by seat %d refused: %s", t, seat, core_reject_message(r));
    return &ev;
}

static void test_goal_rejected_and_promise_lapsed_events(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_OVERLEG);
    /* voted down: one GOAL_REJECTED (b = 1: it was about adopting) */
    test_ok(&st, CORE_ACT_PROPOSE_GOAL, S_LER, 1, 0, 0);
    core_events *ev = apply_ev(&st, CORE_ACT_VOTE_GOAL, S_OUD, 1, 0, 0);
    assert_int_equal(count_ev(ev, CORE_EVT_GOAL_REJECTED, 1, 1), 1);
    assert_int_equal(count_ev(ev, CORE_EVT_GOAL_ADOPTED, -1, -1), 0);
    /* adopted: no GOAL_REJECTED */
    test_ok(&st, CORE_ACT_PROPOSE_GOAL, S_LER, 0, 0, 0);
    test_ok(&st, CORE_ACT_VOTE_GOAL, S_OUD, 0, 1, 0);
    test_ok(&st, CORE_ACT_VOTE_GOAL, S_CLB, 0, 1, 0);
    ev = apply_ev(&st, CORE_ACT_VOTE_GOAL, S_LO, 0, 1, 0);
    assert_int_equal(count_ev(ev, CORE_EVT_GOAL_ADOPTED, 0, -1), 1);
    assert_int_equal(count_ev(ev, CORE_EVT_GOAL_REJECTED, -1, -1), 0);
    /* a drop vote nobody else answered when Overleg ends lapses: b = 0 */
    test_ok(&st, CORE_ACT_DROP_GOAL, S_OUD, 0, 0, 0);
    /* an ask nobody answers, one that is answered, one declined */
    test_ok(&st, CORE_ACT_ASK, S_LER, S_CLB, N_LEZEN, 0);  /* promise 0: lapses */
    test_ok(&st, CORE_ACT_OFFER, S_OUD, S_LO, N_THUIS, 0); /* promise 1: accepted */
    test_ok(&st, CORE_ACT_ASK, S_LO, S_LER, N_KLAS, 0);    /* promise 2: declined */
    test_ok(&st, CORE_ACT_RESPOND, S_LO, 1, 1, 0);
    test_ok(&st, CORE_ACT_RESPOND, S_LER, 2, 0, 0);
    ev = apply_ev(&st, CORE_ACT_ADVANCE, CORE_SEAT_HOST, 0, 0, 0);
    assert_int_equal(st.phase, CORE_PHASE_INZET);
    assert_int_equal(count_ev(ev, CORE_EVT_GOAL_REJECTED, 0, 0), 1);
    assert_true(st.goal_adopted[0]);
    ev = apply_ev(&st, CORE_ACT_ADVANCE, CORE_SEAT_HOST, 0, 0, 0);
    assert_int_equal(st.phase, CORE_PHASE_UITVOERING);
    assert_int_equal(count_ev(ev, CORE_EVT_PROMISE_LAPSED, -1, -1), 1);
    assert_int_equal(count_ev(ev, CORE_EVT_PROMISE_LAPSED, 0, -1), 1);
    assert_int_equal(st.promises[0].status, CORE_PROMISE_PENDING); /* the view still shows it open, lapsed */
    assert_int_equal(count_ev(ev, CORE_EVT_PROMISE_BROKEN, 1, -1), 1);
}

static void test_joint_needs_coordination(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_INZET);
    /* side by side by chance: an edge, but not joint work */
    put(&st, S_LER, C_LER_INSTR, 0, N_LEZEN);
    put(&st, S_CLB, C_CLB_ADVIES, 0, N_LEZEN);
    test_advance(&st);
    assert_int_equal(st.edge_round[1][S_LER][S_CLB], 1);
    assert_int_equal(st.contrib_n[1], 2);
    assert_int_equal(st.contrib_joint[1], 0);
    /* with the need's trekker among them it is */
    test_to_phase(&st, CORE_PHASE_OVERLEG);
    test_ok(&st, CORE_ACT_PROPOSE_LEAD, S_CLB, N_LEZEN, S_CLB, 0);
    test_to_phase(&st, CORE_PHASE_INZET);
    put(&st, S_LER, C_LER_INSTR, 0, N_LEZEN);
    put(&st, S_CLB, C_CLB_ADVIES, 0, N_LEZEN);
    test_advance(&st);
    assert_int_equal(st.contrib_joint[2], 2);
    /* or with an accepted ask between them */
    test_to_phase(&st, CORE_PHASE_OVERLEG);
    test_ok(&st, CORE_ACT_ASK, S_OUD, S_LO, N_THUIS, 0);
    test_ok(&st, CORE_ACT_RESPOND, S_LO, 0, 1, 0);
    test_to_phase(&st, CORE_PHASE_INZET);
    put(&st, S_OUD, C_OUD_ROUT, 0, N_THUIS);
    put(&st, S_LO, C_LO_HULP, 0, N_THUIS);
    test_advance(&st);
    assert_int_equal(st.contrib_joint[3], 2);
}

static void test_shared_fact_used_makes_edge(void **state)
{
    (void)state;
    core_state st;
    inzet_after_sharing(&st, 4); /* shared by the clb-anker seat, about lezen */
    put(&st, S_LER, C_LER_INSTR, 0, N_LEZEN);
    test_advance(&st);
    assert_int_equal(st.edge_round[1][S_CLB][S_LER], 1);
    assert_int_equal(st.edge_round[1][S_LER][S_CLB], 1);
}

/* ----------------------------------------------------------- reflection */

static void test_reflection(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_REFLECTIE);
    const core_reflection_def *card = &g_sc->reflections[st.reflection_card];
    int fit = 0;
    while (!core_reflection_fits(card, st.reflection_evidence, fit))
        fit++;
    core_action x = test_action(CORE_ACT_REFLECT, S_LER, fit, 0, 0);
    snprintf(x.text, sizeof x.text, "Volgende keer vragen we het CLB eerder.");
    assert_int_equal(core_apply(&st, &x, NULL), CORE_OK);
    assert_int_equal(core_apply(&st, &x, NULL), CORE_REJ_ALREADY_ANSWERED);
    assert_int_equal(ap(&st, CORE_ACT_REFLECT, S_OUD, 3, 0, 0), CORE_REJ_BAD_OPTION);
    assert_int_equal(ap(&st, CORE_ACT_REFLECT, S_OUD, -1, 0, 0), CORE_REJ_BAD_OPTION);
    x = test_action(CORE_ACT_REFLECT, S_OUD, fit, 0, 0);
    memset(x.text, 'a', 141);
    assert_int_equal(core_apply(&st, &x, NULL), CORE_REJ_TEXT_TOO_LONG);
    memset(x.text, 'x', sizeof x.text); /* no terminator at all */
    assert_int_equal(core_apply(&st, &x, NULL), CORE_REJ_TEXT_TOO_LONG);
    memset(x.text, 0, sizeof x.text);
    /* 140 two-byte characters fit */
    for (int i = 0; i < 140; i++) {
        x.text[2 * i] = (char)0xc3;
        x.text[2 * i + 1] = (char)0xab;
    }
    assert_int_equal(core_apply(&st, &x, NULL), CORE_OK);
    x = test_action(CORE_ACT_REFLECT, S_CLB, fit, 0, 0);
    x.text[0] = (char)0xff;
    assert_int_equal(core_apply(&st, &x, NULL), CORE_REJ_BAD_TEXT);
    test_ok(&st, CORE_ACT_REFLECT, S_CLB, fit, 0, 0);
    test_ok(&st, CORE_ACT_REFLECT, S_LO, fit, 0, 0);
    for (int s = 0; s < 4; s++)
        test_ok(&st, CORE_ACT_READY, s, 0, 0, 0);
    assert_int_equal(st.round, 2);
    assert_true(st.r_reflective[1]);
    assert_true(st.round_measures[1].reflective);
    /* a round where one seat skipped is not reflective */
    test_to_phase(&st, CORE_PHASE_REFLECTIE);
    for (int s = 0; s < 3; s++)
        test_ok(&st, CORE_ACT_REFLECT, s, 0, 0, 0);
    for (int s = 0; s < 4; s++)
        test_ok(&st, CORE_ACT_READY, s, 0, 0, 0);
    assert_false(st.r_reflective[2]);
    assert_true(st.round_measures[2].evidence & (1u << CORE_EV_TAG_NIET_REFLECTIEF));
}

static void finish_round(core_state *st);

static void test_reflection_cards_beyond_32(void **state)
{
    (void)state;
    core_scenario *sc = malloc(sizeof *sc);
    assert_non_null(sc);
    memcpy(sc, g_sc, sizeof *sc);
    for (int i = sc->n_reflections; i < CORE_MAX_REFLECTIONS; i++) {
        sc->reflections[i] = sc->reflections[0];
        sc->reflections[i].evidence = 0;
    }
    sc->n_reflections = CORE_MAX_REFLECTIONS;
    sc->reflections[39].evidence = 0x3fffu; /* matches any evidence best */
    sc->reflections[35].evidence = 0x3fffu;
    core_state st;
    start(&st, sc);
    test_to_phase(&st, CORE_PHASE_REFLECTIE);
    assert_int_equal(st.reflection_card, 35);
    finish_round(&st);
    test_to_phase(&st, CORE_PHASE_REFLECTIE);
    assert_int_equal(st.reflection_card, 39); /* 35 was shown: not repeated */
    free(sc);
}

/* ------------------------------------------------------- end conditions */

static void finish_round(core_state *st)
{
    int r = st->round;
    for (int guard = 0; st->round == r && st->phase != CORE_PHASE_END && guard < 10; guard++)
        test_advance(st);
}

static void test_win_when_all_needs_met(void **state)
{
    (void)state;
    core_state st;
    inzet_after_sharing(&st, 4);
    for (int n = 0; n < g_sc->n_needs; n++)
        st.need_met[n] = n != N_LEZEN;
    st.need_progress[N_LEZEN] = g_sc->needs[N_LEZEN].target - 2;
    put(&st, S_LER, C_LER_INSTR, 0, N_LEZEN);
    finish_round(&st);
    assert_int_equal(st.phase, CORE_PHASE_END);
    assert_int_equal(st.outcome, CORE_OUTCOME_WON);
    assert_int_equal(st.round, 1);
    assert_int_equal(ap(&st, CORE_ACT_READY, S_LER, 0, 0, 0), CORE_REJ_GAME_OVER);
    assert_int_equal(ap(&st, CORE_ACT_ADVANCE, CORE_SEAT_HOST, 0, 0, 0), CORE_REJ_GAME_OVER);
}

static void test_loss_when_welbevinden_zero(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_REFLECTIE);
    st.welbevinden = 0;
    core_events ev;
    test_advance_events(&st, &ev);
    assert_int_equal(st.outcome, CORE_OUTCOME_LOST);
    int i = find_event(&ev, CORE_EVT_GAME_END, CORE_NONE);
    assert_true(i >= 0);
    assert_int_equal(ev.ev[i].a, CORE_OUTCOME_LOST);
}

static void test_last_round_needs_to_win(void **state)
{
    (void)state;
    core_scenario *sc = malloc(sizeof *sc);
    assert_non_null(sc);
    memcpy(sc, g_sc, sizeof *sc);
    sc->rules.rounds = 2;
    sc->rules.needs_to_win = 1;
    sc->n_events = 0; /* its scripted event is in round 4 */
    core_state st;
    start(&st, sc);
    finish_round(&st);
    assert_int_equal(st.round, 2);
    st.need_met[N_THUIS] = true;
    finish_round(&st);
    assert_int_equal(st.outcome, CORE_OUTCOME_WON);
    /* same, with no need met: lost after the last round */
    start(&st, sc);
    finish_round(&st);
    finish_round(&st);
    assert_int_equal(st.phase, CORE_PHASE_END);
    assert_int_equal(st.outcome, CORE_OUTCOME_LOST);
    assert_int_equal(st.round, 2);
    free(sc);
}

/* ------------------------------------------------------- scripted events */

static void test_scripted_events(void **state)
{
    (void)state;
    core_scenario *sc = malloc(sizeof *sc);
    assert_non_null(sc);
    memcpy(sc, g_sc, sizeof *sc);
    core_scripted_event *e = &sc->events[sc->n_events++];
    memset(e, 0, sizeof *e);
    e->round = 2;
    e->welbevinden_delta = 2;
    e->draagkracht_delta = -100; /* clamped at 0 */
    e->need = N_THUIS;
    e->need_delta = 50; /* reaches the target: met, +welbevinden */
    core_state st;
    start(&st, sc);
    for (int i = 0; i < st.n_frictions_out; i++)
        st.frictions[i].active = false;
    int wb = st.welbevinden;
    test_to_phase(&st, CORE_PHASE_REFLECTIE);
    core_events ev;
    test_advance_events(&st, &ev);
    assert_int_equal(st.round, 2);
    int i = find_event(&ev, CORE_EVT_SCRIPTED, sc->n_events - 1);
    assert_true(i >= 0);
    assert_true(find_event(&ev, CORE_EVT_NEED_MET, N_THUIS) > i);
    assert_true(st.need_met[N_THUIS]);
    assert_int_equal(st.draagkracht, 0);
    /* + 2 from the event, + 1 for the met need; the new deck friction only drains at Uitvoering */
    assert_int_equal(st.welbevinden, wb + 2 + sc->rules.welbevinden_per_need);
    /* the noor scenario's own round-4 event costs 1 welbevinden */
    start(&st, g_sc);
    while (st.round < 3) {
        for (int k = 0; k < st.n_frictions_out; k++)
            st.frictions[k].active = false;
        finish_round(&st);
    }
    for (int k = 0; k < st.n_frictions_out; k++)
        st.frictions[k].active = false;
    test_to_phase(&st, CORE_PHASE_REFLECTIE);
    wb = st.welbevinden;
    assert_true(wb > 1);
    test_advance(&st);
    assert_int_equal(st.round, 4);
    assert_int_equal(st.welbevinden, wb - 1);
    free(sc);
}

/* ------------------------------------------------------------ rejections */

/* GAME.md: Identiteit comes back "whenever a new player sits down". */
static void test_identiteit_returns_for_a_new_player(void **state)
{
    (void)state;
    core_state st;
    char err[200];
    assert_true(core_init(&st, g_sc, 42, err, sizeof err));
    assert_int_equal(ap(&st, CORE_ACT_NEW_PLAYER, CORE_SEAT_HOST, 1, 0, 0), CORE_REJ_WRONG_PHASE);
    test_ok(&st, CORE_ACT_START, CORE_SEAT_HOST, 0, 0, 0);
    assert_int_equal(ap(&st, CORE_ACT_NEW_PLAYER, S_LER, 1, 0, 0), CORE_REJ_NOT_HOST);
    assert_int_equal(ap(&st, CORE_ACT_NEW_PLAYER, CORE_SEAT_HOST, g_sc->n_seats, 0, 0), CORE_REJ_UNKNOWN_SEAT);
    assert_int_equal(ap(&st, CORE_ACT_NEW_PLAYER, CORE_SEAT_HOST, -1, 0, 0), CORE_REJ_UNKNOWN_SEAT);

    /* arriving before round 1's Identiteit: introduced with everyone */
    test_ok(&st, CORE_ACT_NEW_PLAYER, CORE_SEAT_HOST, S_OUD, 0, 0);
    assert_int_equal(st.newcomers, 0);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_IDENTITEIT);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_OVERLEG);

    /* a newcomer in round 1's Overleg: round 2 opens with Identiteit again */
    uint64_t before = core_state_hash(&st);
    test_ok(&st, CORE_ACT_NEW_PLAYER, CORE_SEAT_HOST, S_CLB, 0, 0);
    assert_int_equal(st.newcomers, 1u << S_CLB);
    assert_true(core_state_hash(&st) != before); /* resume must replay it */
    test_to_phase(&st, CORE_PHASE_REFLECTIE);
    test_advance(&st);
    assert_int_equal(st.round, 2);
    assert_int_equal(st.phase, CORE_PHASE_SIGNAAL);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_IDENTITEIT);
    /* everyone presents, READY by all ends it as usual */
    for (int s = 0; s < g_sc->n_seats; s++)
        test_ok(&st, CORE_ACT_READY, s, 0, 0, 0);
    assert_int_equal(st.phase, CORE_PHASE_OVERLEG);
    assert_int_equal(st.newcomers, 0);

    /* round 3 has no newcomer: straight from Signaal to Overleg */
    test_to_phase(&st, CORE_PHASE_REFLECTIE);
    test_advance(&st);
    assert_int_equal(st.round, 3);
    /* a newcomer during this Signaal gets Identiteit in this same round */
    test_ok(&st, CORE_ACT_NEW_PLAYER, CORE_SEAT_HOST, S_LO, 0, 0);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_IDENTITEIT);
    /* one arriving during that Identiteit presents now: nothing carried over */
    test_ok(&st, CORE_ACT_NEW_PLAYER, CORE_SEAT_HOST, S_OUD, 0, 0);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_OVERLEG);
    assert_int_equal(st.newcomers, 0);
    test_to_phase(&st, CORE_PHASE_REFLECTIE);
    test_advance(&st);
    assert_int_equal(st.round, 4);
    test_advance(&st);
    assert_int_equal(st.phase, CORE_PHASE_OVERLEG);
}

static void test_rejections(void **state)
{
    (void)state;
    core_state st;
    char err[200];
    assert_true(core_init(&st, g_sc, 1, err, sizeof err));
    /* lobby */
    assert_int_equal(ap(&st, CORE_ACT_START, 0, 0, 0, 0), CORE_REJ_NOT_HOST);
    assert_int_equal(ap(&st, CORE_ACT_ADVANCE, CORE_SEAT_HOST, 0, 0, 0), CORE_REJ_WRONG_PHASE);
    assert_int_equal(ap(&st, CORE_ACT_READY, 0, 0, 0, 0), CORE_REJ_WRONG_PHASE);
    assert_int_equal(ap(&st, CORE_ACT_NONE, 0, 0, 0, 0), CORE_REJ_UNKNOWN_ACTION);
    assert_int_equal(ap(&st, (core_action_type)999, 0, 0, 0, 0), CORE_REJ_UNKNOWN_ACTION);
    test_ok(&st, CORE_ACT_START, CORE_SEAT_HOST, 0, 0, 0);
    assert_int_equal(ap(&st, CORE_ACT_START, CORE_SEAT_HOST, 0, 0, 0), CORE_REJ_WRONG_PHASE);
    assert_int_equal(ap(&st, CORE_ACT_READY, 4, 0, 0, 0), CORE_REJ_BAD_SEAT);
    assert_int_equal(ap(&st, CORE_ACT_READY, -7, 0, 0, 0), CORE_REJ_BAD_SEAT);
    assert_int_equal(ap(&st, CORE_ACT_ADVANCE, 2, 0, 0, 0), CORE_REJ_NOT_HOST);
    /* Signaal of round 1: no sharing yet, no goals */
    assert_int_equal(ap(&st, CORE_ACT_SHARE_FACT, S_LER, 0, 0, 0), CORE_REJ_WRONG_PHASE);
    assert_int_equal(ap(&st, CORE_ACT_PROPOSE_GOAL, S_LER, 0, 0, 0), CORE_REJ_WRONG_PHASE);
    test_ok(&st, CORE_ACT_READY, S_LER, 0, 0, 0);
    assert_int_equal(ap(&st, CORE_ACT_READY, S_LER, 0, 0, 0), CORE_REJ_READY_LOCKED);
    test_to_phase(&st, CORE_PHASE_OVERLEG);
    assert_int_equal(ap(&st, CORE_ACT_SHARE_FACT, S_LER, 2, 0, 0), CORE_REJ_NOT_YOUR_FACT);
    assert_int_equal(ap(&st, CORE_ACT_SHARE_FACT, S_LER, 99, 0, 0), CORE_REJ_NOT_YOUR_FACT);
    test_ok(&st, CORE_ACT_SHARE_FACT, S_LER, 0, 0, 0);
    assert_int_equal(ap(&st, CORE_ACT_SHARE_FACT, S_LER, 0, 0, 0), CORE_REJ_ALREADY_SHARED);
    assert_int_equal(ap(&st, CORE_ACT_PROPOSE_GOAL, S_LER, 9, 0, 0), CORE_REJ_UNKNOWN_GOAL);
    assert_int_equal(ap(&st, CORE_ACT_VOTE_GOAL, S_LER, 0, 1, 0), CORE_REJ_NO_PROPOSAL);
    assert_int_equal(ap(&st, CORE_ACT_PROPOSE_LEAD, S_LER, 9, S_LER, 0), CORE_REJ_UNKNOWN_NEED);
    assert_int_equal(ap(&st, CORE_ACT_PROPOSE_LEAD, S_LER, 0, 9, 0), CORE_REJ_UNKNOWN_SEAT);
    test_ok(&st, CORE_ACT_PROPOSE_LEAD, S_LER, 0, S_LER, 0);
    assert_int_equal(ap(&st, CORE_ACT_PROPOSE_LEAD, S_OUD, 0, S_LER, 0), CORE_REJ_DUPLICATE);
    assert_int_equal(ap(&st, CORE_ACT_ASK, S_LER, S_LER, 0, 0), CORE_REJ_SELF);
    assert_int_equal(ap(&st, CORE_ACT_ASK, S_LER, 8, 0, 0), CORE_REJ_UNKNOWN_SEAT);
    assert_int_equal(ap(&st, CORE_ACT_OFFER, S_LER, S_OUD, 6, 0), CORE_REJ_UNKNOWN_NEED);
    assert_int_equal(ap(&st, CORE_ACT_RESPOND, S_LER, 0, 1, 0), CORE_REJ_UNKNOWN_PROMISE);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 0, 0, 0), CORE_REJ_WRONG_PHASE);
    assert_int_equal(ap(&st, CORE_ACT_REFLECT, S_LER, 0, 0, 0), CORE_REJ_WRONG_PHASE);
    /* too many promises in one round: 64 distinct asks/offers fit, the next does not */
    for (int i = 0; i < CORE_MAX_PROMISES; i++) {
        int from = i % 4, to = (from + 1 + (i / 4) % 3) % 4, need = (i / 12) % 4;
        test_ok(&st, (i / 48) % 2 ? CORE_ACT_OFFER : CORE_ACT_ASK, from, to, need, 0);
    }
    assert_int_equal(st.n_promises, CORE_MAX_PROMISES);
    assert_int_equal(ap(&st, CORE_ACT_OFFER, S_LO, S_LER, 3, 0), CORE_REJ_TOO_MANY_PROMISES);
    test_to_phase(&st, CORE_PHASE_INZET);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 7, 0, 0), CORE_REJ_NOT_YOUR_CARD);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, -1, 0, 0), CORE_REJ_NOT_YOUR_CARD);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, CORE_MAX_HAND, 0, 0), CORE_REJ_NOT_YOUR_CARD);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 0, 0, 6), CORE_REJ_UNKNOWN_NEED);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 0, 2, 0), CORE_REJ_UNKNOWN_NEED);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 0, 1, 15), CORE_REJ_UNKNOWN_FRICTION);
    int hidden = -1;
    for (int f = 0; f < g_sc->n_frictions; f++)
        if (friction_slot(&st, f) < 0)
            hidden = f;
    assert_true(hidden >= 0);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 0, 1, hidden), CORE_REJ_UNKNOWN_FRICTION);
    assert_int_equal(ap(&st, CORE_ACT_UNCOMMIT, S_LER, 0, 0, 0), CORE_REJ_NOT_COMMITTED);
    test_ok(&st, CORE_ACT_COMMIT, S_LER, 0, 0, 0);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 0, 0, 1), CORE_REJ_ALREADY_COMMITTED);
    test_ok(&st, CORE_ACT_COMMIT, S_LER, 1, 0, 0);
    assert_int_equal(ap(&st, CORE_ACT_COMMIT, S_LER, 2, 0, 0), CORE_REJ_TOO_MANY_CARDS);
    assert_int_equal(ap(&st, CORE_ACT_PROPOSE_GOAL, S_LER, 0, 0, 0), CORE_REJ_WRONG_PHASE);
    /* a rejection never changes the state */
    uint64_t h = core_state_hash(&st);
    for (int t = 0; t < CORE_ACT_COUNT + 2; t++)
        for (int s = -2; s < 6; s++) {
            core_action x = test_action((core_action_type)t, s, 99, -5, 77);
            core_reject r = core_check(&st, &x);
            if (r != CORE_OK) {
                assert_int_equal(core_apply(&st, &x, NULL), r);
                assert_true(core_state_hash(&st) == h);
            }
        }
    /* every rejection has a Dutch message */
    for (int r = 0; r <= CORE_REJ_COUNT; r++)
        assert_non_null(core_reject_message((core_reject)r));
    assert_int_equal(core_apply(NULL, NULL, NULL), CORE_REJ_UNKNOWN_ACTION);
}

static void test_scenario_validation(void **state)
{
    (void)state;
    core_scenario *sc = malloc(sizeof *sc);
    assert_non_null(sc);
    char err[200];
    memcpy(sc, g_sc, sizeof *sc);
    assert_true(core_scenario_validate(sc, err, sizeof err));
    sc->n_seats = 2;
    assert_false(core_scenario_validate(sc, err, sizeof err));
    assert_true(strlen(err) > 0);
    memcpy(sc, g_sc, sizeof *sc);
    sc->seat_roles[1] = 40;
    assert_false(core_scenario_validate(sc, err, sizeof err));
    memcpy(sc, g_sc, sizeof *sc);
    sc->roles[0].deck[0] = 9999;
    assert_false(core_scenario_validate(sc, err, sizeof err));
    memcpy(sc, g_sc, sizeof *sc);
    sc->frictions[0].innovation_card = 500;
    assert_false(core_scenario_validate(sc, err, sizeof err));
    memcpy(sc, g_sc, sizeof *sc);
    sc->rules.max_commit = 9;
    core_state st;
    assert_false(core_init(&st, sc, 1, err, sizeof err));
    assert_false(core_scenario_validate(NULL, err, sizeof err));
    free(sc);
}

/* ---------------------------------------------------------------- views */

static void test_views_hide_private_data(void **state)
{
    (void)state;
    core_state st;
    start_at(&st, CORE_PHASE_INZET);
    put(&st, S_LER, C_LER_INSTR, 0, N_LEZEN);
    core_public_view *pub = malloc(sizeof *pub);
    core_seat_view *sv = malloc(sizeof *sv);
    assert_non_null(pub);
    assert_non_null(sv);
    core_public_view_get(&st, pub);
    assert_false(pub->revealed);
    for (int s = 0; s < 4; s++)
        assert_int_equal(pub->revealed_n[s], 0);
    for (int f = 0; f < g_sc->n_facts; f++)
        assert_false(pub->fact_shared[f]);
    core_seat_view_get(&st, S_OUD, sv);
    assert_int_equal(sv->seat, S_OUD);
    assert_int_equal(sv->commit_n, 0);
    assert_int_equal(sv->hand_n, st.seats[S_OUD].hand_n);
    assert_memory_equal(sv->hand, st.seats[S_OUD].hand, sizeof(int) * (size_t)sv->hand_n);
    for (int i = 0; i < sv->dossier_n; i++)
        assert_int_equal(g_sc->facts[sv->dossier[i]].role, sv->role);
    assert_int_equal(sv->dossier_n, 2);
    assert_false(sv->pub.revealed);
    core_seat_view_get(&st, S_LER, sv);
    assert_int_equal(sv->commit_n, 1); /* my own commitment I do see */
    /* after Uitvoering the commitments are public */
    test_advance(&st);
    core_public_view_get(&st, pub);
    assert_true(pub->revealed);
    assert_int_equal(pub->revealed_n[S_LER], 1);
    assert_int_equal(pub->revealed_commits[S_LER][0].card, C_LER_INSTR);
    /* and hidden again from the next Signaal */
    test_to_phase(&st, CORE_PHASE_SIGNAAL);
    core_public_view_get(&st, pub);
    assert_false(pub->revealed);
    core_seat_view_get(&st, 9, sv); /* bad seat: only public data */
    assert_int_equal(sv->seat, CORE_NONE);
    assert_int_equal(sv->hand_n, 0);
    free(pub);
    free(sv);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(core_phase_name(CORE_PHASE_INZET), "Inzet");
    assert_string_equal(core_level_key(CORE_LEVEL_COORDINEREND), "coordinerend");
    assert_string_equal(core_level_name(CORE_LEVEL_COOPERATIEF), "co\xc3\xb6peratief");
    assert_string_equal(core_kind_key(CORE_KIND_ERVARING), "ervaring");
    assert_string_equal(core_block_key(CORE_BLOCK_NETWERK), "netwerk");
    assert_string_equal(core_evidence_name(CORE_EV_TAG_CENTRAAL_NETWERK), "centraal-netwerk");
    for (int t = 0; t < CORE_EV_TAG_COUNT; t++)
        assert_string_not_equal(core_evidence_name((core_evidence_tag)t), "?");
}

static void test_rng_reference(void **state)
{
    (void)state;
    /* PCG32 reference values (pcg32-demo: seed 42, stream 54) */
    core_rng r;
    core_rng_seed(&r, 42u, 54u);
    assert_true(core_rng_next(&r) == 0xa15c02b7u);
    assert_true(core_rng_next(&r) == 0x7b47f409u);
    assert_true(core_rng_next(&r) == 0xba1d3330u);
    for (int i = 0; i < 1000; i++)
        assert_true(core_rng_below(&r, 7) < 7);
    assert_int_equal(core_rng_below(&r, 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_flow),
        cmocka_unit_test(test_unready_and_ready_lock),
        RESOLUTION_TEST(0), RESOLUTION_TEST(1), RESOLUTION_TEST(2), RESOLUTION_TEST(3), RESOLUTION_TEST(4),
        RESOLUTION_TEST(5), RESOLUTION_TEST(6), RESOLUTION_TEST(7), RESOLUTION_TEST(8), RESOLUTION_TEST(9),
        cmocka_unit_test(test_goal_and_lead_bonus),
        cmocka_unit_test(test_lead_bonus_needs_the_lead_to_contribute),
        cmocka_unit_test(test_weak_team_penalty),
        cmocka_unit_test(test_need_met_raises_welbevinden),
        cmocka_unit_test(test_ignored_friction_drains_and_escalates),
        cmocka_unit_test(test_grenservaring),
        cmocka_unit_test(test_friction_needs_involved_distinct_roles),
        cmocka_unit_test(test_goal_vote_by_consent),
        cmocka_unit_test(test_promise_kept_and_broken),
        cmocka_unit_test(test_goal_rejected_and_promise_lapsed_events),
        cmocka_unit_test(test_joint_needs_coordination),
        cmocka_unit_test(test_shared_fact_used_makes_edge),
        cmocka_unit_test(test_reflection),
        cmocka_unit_test(test_reflection_cards_beyond_32),
        cmocka_unit_test(test_win_when_all_needs_met),
        cmocka_unit_test(test_loss_when_welbevinden_zero),
        cmocka_unit_test(test_last_round_needs_to_win),
        cmocka_unit_test(test_scripted_events),
        cmocka_unit_test(test_rejections),
        cmocka_unit_test(test_scenario_validation),
        cmocka_unit_test(test_views_hide_private_data),
        cmocka_unit_test(test_identiteit_returns_for_a_new_player),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_rng_reference),
    };
    _Static_assert(sizeof resolutions / sizeof resolutions[0] == 10, "every resolution case has a RESOLUTION_TEST");
    return cmocka_run_group_tests(tests, setup, teardown);
}
