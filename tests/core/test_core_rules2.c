/*
 * One test per rule of rules version 2 (RULES.md, "Collaboration that must
 * be earned", issue #12): overleg time and the overlegmoment, trust,
 * consent for sensitive facts, the pupil's voice, afspraken that resolve
 * spanningen (cards only soften), goals worded by the team, honest
 * reflection, checked verbeteracties, the two outcomes, READY that names
 * its phase, and bot games: a checklist table never reaches verbindend.
 *
 * The scenario is test_scenario_noor with a few facts marked; every test
 * starts from a fresh copy so that a test's tweaks stay its own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "test_play.h"

enum { F_LER_OREN = 0, F_LER_PLANNING, F_OUD_ZANDLOPER, F_OUD_VOGELS, F_CLB_ONDERZOEK, F_LO_KOPTELEFOON };
enum { FR_TAKEN = 0 }; /* leraar + leerondersteuner, revealed in round 1 */

typedef struct {
    core_scenario sc;
    core_state st;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    test_scenario_noor(&f->sc);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    free(*state);
    return 0;
}

static core_reject ap(core_state *st, core_action_type t, int seat, int a, int b)
{
    core_action x = test_action(t, seat, a, b, 0);
    return core_apply(st, &x, NULL);
}

static void ok_text(core_state *st, core_action_type t, int seat, int a, int b, const char *text)
{
    core_action x = test_action(t, seat, a, b, 0);
    snprintf(x.text, sizeof x.text, "%s", text);
    core_reject r = core_apply(st, &x, NULL);
    if (r != CORE_OK)
        fail_msg("action %d by seat %d refused: %s", t, seat, core_reject_message(r));
}

/* Starts the game of the fixture's scenario (with the test's tweaks). */
static core_state *begin(fixture *f)
{
    test_start(&f->st, &f->sc, 42);
    return &f->st;
}

/* Starts it and advances to phase p of round 1. */
static core_state *begin_in(fixture *f, core_phase p)
{
    core_state *st = begin(f);
    test_to_phase(st, p);
    return st;
}

static int count_ev(const core_events *ev, core_event_type t)
{
    int n = 0;
    for (int i = 0; i < ev->n; i++)
        n += ev->ev[i].type == t;
    return n;
}

/* ------------------------------------------------------------ time */

static void test_overleg_time_is_spent_and_refused(void **state)
{
    fixture *f = *state;
    f->sc.rules.overleg_budget = 3;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    assert_int_equal(st->overleg_left, 3);
    core_action ask = test_action(CORE_ACT_ASK, S_LER, S_CLB, N_LEZEN, 0);
    assert_int_equal(core_action_cost(st, &ask), 1);
    test_ok(st, CORE_ACT_ASK, S_LER, S_CLB, N_LEZEN, 0);
    test_ok(st, CORE_ACT_PROPOSE_GOAL, S_OUD, 0, 0, 0);
    assert_int_equal(st->overleg_left, 1);
    test_ok(st, CORE_ACT_OFFER, S_LO, S_LER, N_KLAS, 0);
    assert_int_equal(st->overleg_left, 0);
    /* talking costs time, answering and leading do not */
    assert_int_equal(ap(st, CORE_ACT_ASK, S_OUD, S_CLB, N_THUIS), CORE_REJ_NO_TIME);
    test_ok(st, CORE_ACT_RESPOND, S_CLB, 0, 1, 0);
    test_ok(st, CORE_ACT_PROPOSE_LEAD, S_CLB, N_LEZEN, S_CLB, 0);
    assert_int_equal(st->overleg_left, 0);
    /* the next round starts with the full budget again */
    test_to_phase(st, CORE_PHASE_REFLECTIE);
    test_to_phase(st, CORE_PHASE_SIGNAAL);
    assert_int_equal(st->overleg_left, 3);
    assert_true(st->round_measures[1].evidence & (1u << CORE_EV_TAG_GEEN_OVERLEGTIJD));
}

static void test_overlegmoment_raises_later_rounds(void **state)
{
    fixture *f = *state;
    f->sc.rules.overleg_budget = 3;
    f->sc.roles[f->sc.seat_roles[S_CLB]].organizer = true; /* here: the CLB-anker as zorgcoördinator */
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    assert_int_equal(ap(st, CORE_ACT_SET_MEETING, S_LER, 0, 0), CORE_REJ_NOT_ORGANIZER);
    test_ok(st, CORE_ACT_SET_MEETING, S_CLB, 0, 0, 0);
    assert_int_equal(st->overleg_left, 3 - f->sc.rules.overleg_moment_cost);
    assert_int_equal(ap(st, CORE_ACT_SET_MEETING, S_CLB, 0, 0), CORE_REJ_ALREADY_DONE);
    test_to_phase(st, CORE_PHASE_REFLECTIE);
    test_to_phase(st, CORE_PHASE_SIGNAAL);
    assert_int_equal(st->round, 2);
    assert_int_equal(st->overleg_left, 3 + f->sc.rules.overleg_moment_bonus);
    core_public_view v;
    core_public_view_get(st, &v);
    assert_int_equal(v.overleg_budget, 3 + f->sc.rules.overleg_moment_bonus);
    assert_int_equal(v.meeting_round, 1);
}

/* ------------------------------------------------------------ trust */

static void test_broken_promise_lowers_trust_and_low_trust_costs_more(void **state)
{
    fixture *f = *state;
    f->sc.rules.overleg_budget = 0;
    f->sc.rules.trust_start = 2;
    f->sc.rules.trust_low = 1;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    test_ok(st, CORE_ACT_ASK, S_LER, S_CLB, N_LEZEN, 0);
    test_ok(st, CORE_ACT_RESPOND, S_CLB, 0, 1, 0);
    core_action ask = test_action(CORE_ACT_ASK, S_OUD, S_LO, N_THUIS, 0);
    assert_int_equal(core_action_cost(st, &ask), 1);
    test_to_phase(st, CORE_PHASE_INZET);
    core_events ev;
    test_advance_events(st, &ev); /* nobody played on lezen: broken */
    assert_int_equal(st->promises[0].status, CORE_PROMISE_BROKEN);
    assert_int_equal(st->trust, 1);
    assert_int_equal(count_ev(&ev, CORE_EVT_TRUST), 1);
    assert_int_equal(core_action_cost(st, &ask), 2);
    test_to_phase(st, CORE_PHASE_SIGNAAL);
    assert_true(st->round_measures[1].evidence & (1u << CORE_EV_TAG_WEINIG_VERTROUWEN));
}

/* ------------------------------------------------------------ consent */

static void test_sensitive_fact_without_consent_costs(void **state)
{
    fixture *f = *state;
    f->sc.facts[F_CLB_ONDERZOEK].sensitive = true;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    int wb = st->welbevinden, trust = st->trust;
    core_events ev;
    ev.n = 0;
    core_action x = test_action(CORE_ACT_SHARE_FACT, S_CLB, F_CLB_ONDERZOEK, 0, 0);
    assert_int_equal(core_apply(st, &x, &ev), CORE_OK);
    assert_true(st->fact_shared[F_CLB_ONDERZOEK]); /* allowed, but it hurts */
    assert_int_equal(st->welbevinden, wb - f->sc.rules.consent_penalty);
    assert_int_equal(st->trust, trust - 1);
    assert_int_equal(count_ev(&ev, CORE_EVT_NO_CONSENT), 1);
    assert_true(st->fact_no_consent[F_CLB_ONDERZOEK]);
    test_to_phase(st, CORE_PHASE_SIGNAAL);
    assert_true(st->round_measures[1].evidence & (1u << CORE_EV_TAG_ZONDER_TOESTEMMING));
}

static void test_consent_asked_and_given(void **state)
{
    fixture *f = *state;
    f->sc.facts[F_CLB_ONDERZOEK].sensitive = true;
    f->sc.facts[F_OUD_VOGELS].sensitive = true;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    assert_int_equal(ap(st, CORE_ACT_ASK_CONSENT, S_LER, F_LER_OREN, 0), CORE_REJ_NOT_SENSITIVE);
    assert_int_equal(ap(st, CORE_ACT_CONSENT, S_OUD, F_CLB_ONDERZOEK, 1), CORE_REJ_NO_CONSENT_ASKED);
    test_ok(st, CORE_ACT_ASK_CONSENT, S_CLB, F_CLB_ONDERZOEK, 0, 0);
    assert_int_equal(ap(st, CORE_ACT_ASK_CONSENT, S_CLB, F_CLB_ONDERZOEK, 0), CORE_REJ_DUPLICATE);
    assert_int_equal(ap(st, CORE_ACT_CONSENT, S_LO, F_CLB_ONDERZOEK, 1), CORE_REJ_NOT_CONSENT_GIVER);
    test_ok(st, CORE_ACT_CONSENT, S_OUD, F_CLB_ONDERZOEK, 1, 0);
    int wb = st->welbevinden, trust = st->trust;
    test_ok(st, CORE_ACT_SHARE_FACT, S_CLB, F_CLB_ONDERZOEK, 0, 0);
    assert_int_equal(st->welbevinden, wb);
    assert_int_equal(st->trust, trust);
    assert_false(st->fact_no_consent[F_CLB_ONDERZOEK]);
    /* the ouder's own sensitive fact is theirs to share */
    test_ok(st, CORE_ACT_SHARE_FACT, S_OUD, F_OUD_VOGELS, 0, 0);
    assert_int_equal(st->trust, trust);
}

static void test_pupil_from_twelve_gives_consent(void **state)
{
    fixture *f = *state;
    f->sc.facts[F_CLB_ONDERZOEK].sensitive = true;
    f->sc.roles[f->sc.seat_roles[S_LO]].pupil = true; /* the fourth seat plays the leerling here */
    f->sc.pupil_age = 13;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    test_ok(st, CORE_ACT_ASK_CONSENT, S_CLB, F_CLB_ONDERZOEK, 0, 0);
    test_ok(st, CORE_ACT_CONSENT, S_LO, F_CLB_ONDERZOEK, 1, 0);
    assert_int_equal(st->fact_consent[F_CLB_ONDERZOEK], 2);
    /* at 8 the pupil does not decide this */
    f->sc.pupil_age = 8;
    begin(f);
    test_to_phase(st, CORE_PHASE_OVERLEG);
    test_ok(st, CORE_ACT_ASK_CONSENT, S_CLB, F_CLB_ONDERZOEK, 0, 0);
    assert_int_equal(ap(st, CORE_ACT_CONSENT, S_LO, F_CLB_ONDERZOEK, 1), CORE_REJ_NOT_CONSENT_GIVER);
}

/* ------------------------------------------------------ pupil's voice */

static void test_pupil_voice_facts_wait_for_the_question(void **state)
{
    fixture *f = *state;
    /* a fact of the pupil's voice that a seat holds, and one nobody at the table holds */
    f->sc.facts[F_LER_PLANNING].pupil_voice = true;
    core_role_def *lr = &f->sc.roles[f->sc.n_roles++]; /* a role that is not at the table */
    snprintf(lr->id, sizeof lr->id, "leerling");
    snprintf(lr->name, sizeof lr->name, "Leerling");
    lr->pupil = true;
    core_fact_def *own = &f->sc.facts[f->sc.n_facts++];
    snprintf(own->id, sizeof own->id, "noor-zelf");
    snprintf(own->text, sizeof own->text, "Noor: 'Ik wil weten wat er na de speeltijd komt.'");
    own->role = f->sc.n_roles - 1;
    own->needs = 1u << N_KLAS;
    own->pupil_voice = true;
    int own_fact = f->sc.n_facts - 1;
    core_state *st = begin(f);
    assert_true(st->pupil_voice);
    test_to_phase(st, CORE_PHASE_OVERLEG);
    assert_int_equal(ap(st, CORE_ACT_SHARE_FACT, S_LER, F_LER_PLANNING, 0), CORE_REJ_PUPIL_NOT_ASKED);
    core_events ev;
    ev.n = 0;
    core_action x = test_action(CORE_ACT_ASK_PUPIL, S_OUD, 0, 0, 0);
    assert_int_equal(core_apply(st, &x, &ev), CORE_OK);
    assert_true(st->fact_shared[own_fact]);         /* the pupil's own words come out */
    assert_int_equal(st->fact_shared_by[own_fact], S_OUD);
    assert_int_equal(count_ev(&ev, CORE_EVT_PUPIL_ASKED), 1);
    assert_int_equal(ap(st, CORE_ACT_ASK_PUPIL, S_CLB, 0, 0), CORE_REJ_ALREADY_DONE);
    test_ok(st, CORE_ACT_SHARE_FACT, S_LER, F_LER_PLANNING, 0, 0);
    test_to_phase(st, CORE_PHASE_SIGNAAL);
    assert_false(st->round_measures[1].evidence & (1u << CORE_EV_TAG_LEERLING_NIET_GEHOORD));
    test_advance(st);
    test_to_phase(st, CORE_PHASE_SIGNAAL); /* round 2: nobody asked */
    assert_true(st->round_measures[2].evidence & (1u << CORE_EV_TAG_LEERLING_NIET_GEHOORD));
}

static void test_pupil_voice_card_counts_only_when_asked(void **state)
{
    fixture *f = *state;
    f->sc.rules.overleg_budget = 0;
    f->sc.cards[C_OUD_ROUT].pupil_voice = true;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    test_ok(st, CORE_ACT_SHARE_FACT, S_OUD, F_OUD_ZANDLOPER, 0, 0); /* light the need */
    test_to_phase(st, CORE_PHASE_INZET);
    core_seat_state *ss = &st->seats[S_OUD];
    ss->hand[0] = C_OUD_ROUT;
    test_ok(st, CORE_ACT_COMMIT, S_OUD, 0, 0, N_THUIS);
    test_advance(st);
    assert_int_equal(st->need_progress[N_THUIS], 0); /* not heard: adds nothing */
    test_to_phase(st, CORE_PHASE_OVERLEG);
    test_ok(st, CORE_ACT_ASK_PUPIL, S_LER, 0, 0, 0);
    test_to_phase(st, CORE_PHASE_INZET);
    ss->hand[0] = C_OUD_ROUT;
    test_ok(st, CORE_ACT_COMMIT, S_OUD, 0, 0, N_THUIS);
    test_advance(st);
    assert_int_equal(st->need_progress[N_THUIS], 3);
}

/* ------------------------------------------------------------ afspraken */

static void test_cards_only_soften_a_spanning(void **state)
{
    fixture *f = *state;
    core_state *st = begin_in(f, CORE_PHASE_INZET);
    int dk = st->draagkracht;
    st->seats[S_LER].hand[0] = C_LER_GEN;
    st->seats[S_LO].hand[0] = C_LO_GEN;
    test_ok(st, CORE_ACT_COMMIT, S_LER, 0, 1, FR_TAKEN);
    test_ok(st, CORE_ACT_COMMIT, S_LO, 0, 1, FR_TAKEN);
    core_events ev;
    test_advance_events(st, &ev);
    assert_int_equal(count_ev(&ev, CORE_EVT_GRENSERVARING), 0);
    assert_int_equal(count_ev(&ev, CORE_EVT_FRICTION_SOFTENED), 1);
    assert_true(st->frictions[0].active);
    assert_int_equal(st->frictions[0].severity, f->sc.frictions[FR_TAKEN].severity); /* did not grow */
    assert_int_equal(st->n_innovations, 0);
    (void)dk;
}

static void test_afspraak_by_dialogue(void **state)
{
    fixture *f = *state;
    snprintf(f->sc.frictions[FR_TAKEN].options[0], CORE_TITLE_LEN, "Elke week samen de les plannen");
    f->sc.frictions[FR_TAKEN].n_options = 1;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    assert_int_equal(ap(st, CORE_ACT_PROPOSE_AFSPRAAK, S_OUD, FR_TAKEN, 0), CORE_REJ_NOT_INVOLVED);
    assert_int_equal(ap(st, CORE_ACT_PROPOSE_AFSPRAAK, S_LER, FR_TAKEN, 3), CORE_REJ_BAD_OPTION);
    assert_int_equal(ap(st, CORE_ACT_PROPOSE_AFSPRAAK, S_LER, FR_TAKEN, CORE_NONE), CORE_REJ_EMPTY_TEXT);
    assert_int_equal(ap(st, CORE_ACT_AGREE_AFSPRAAK, S_LO, FR_TAKEN, 1), CORE_REJ_NO_AFSPRAAK);
    /* an objection drops the proposal */
    test_ok(st, CORE_ACT_PROPOSE_AFSPRAAK, S_LER, FR_TAKEN, 0, 0);
    test_ok(st, CORE_ACT_AGREE_AFSPRAAK, S_LO, FR_TAKEN, 0, 0);
    assert_int_equal(st->afspraken[FR_TAKEN].proposer, CORE_NONE);
    /* own words, agreed by the other role: made, and a grenservaring at Uitvoering */
    ok_text(st, CORE_ACT_PROPOSE_AFSPRAAK, S_LO, FR_TAKEN, CORE_NONE, "Wij stellen samen de doelen, elke maandag.");
    assert_int_equal(st->afspraken[FR_TAKEN].made_round, 0);
    test_ok(st, CORE_ACT_AGREE_AFSPRAAK, S_LER, FR_TAKEN, 1, 0);
    assert_int_equal(st->afspraken[FR_TAKEN].made_round, 1);
    assert_string_equal(st->afspraken[FR_TAKEN].text, "Wij stellen samen de doelen, elke maandag.");
    int trust = st->trust;
    test_to_phase(st, CORE_PHASE_INZET);
    core_events ev;
    test_advance_events(st, &ev);
    assert_int_equal(count_ev(&ev, CORE_EVT_GRENSERVARING), 1);
    assert_false(st->frictions[0].active);
    assert_int_equal(st->trust, trust + 1 > f->sc.rules.trust_max ? f->sc.rules.trust_max : trust + 1);
    core_measures m;
    core_measures_compute(st, 0, &m);
    assert_int_equal(m.afspraken, 1);
}

static void test_open_afspraak_lapses(void **state)
{
    fixture *f = *state;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    ok_text(st, CORE_ACT_PROPOSE_AFSPRAAK, S_LER, FR_TAKEN, CORE_NONE, "Samen plannen.");
    test_to_phase(st, CORE_PHASE_INZET);
    core_events ev;
    test_advance_events(st, &ev);
    assert_int_equal(count_ev(&ev, CORE_EVT_AFSPRAAK_DROPPED), 1);
    assert_int_equal(count_ev(&ev, CORE_EVT_GRENSERVARING), 0);
    assert_int_equal(st->afspraken[FR_TAKEN].proposer, CORE_NONE);
}

/* ------------------------------------------------------------ goals */

static void test_team_words_its_own_goal(void **state)
{
    fixture *f = *state;
    f->sc.rules.overleg_budget = 0;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    assert_int_equal(ap(st, CORE_ACT_WORD_GOAL, S_OUD, 0, 0), CORE_REJ_UNKNOWN_NEED);
    assert_int_equal(ap(st, CORE_ACT_WORD_GOAL, S_OUD, 1 << N_THUIS, 0), CORE_REJ_EMPTY_TEXT);
    ok_text(st, CORE_ACT_WORD_GOAL, S_OUD, 1 << N_THUIS, 0, "Noor slaapt weer goed door.");
    int g = f->sc.n_goals;
    assert_int_equal(st->n_team_goals, 1);
    assert_int_equal(st->goal_proposal, g);
    test_ok(st, CORE_ACT_VOTE_GOAL, S_LER, g, 1, 0);
    test_ok(st, CORE_ACT_VOTE_GOAL, S_CLB, g, 1, 0);
    test_ok(st, CORE_ACT_VOTE_GOAL, S_LO, g, 1, 0);
    assert_true(st->goal_adopted[g]);
    core_public_view v;
    core_public_view_get(st, &v);
    assert_string_equal(v.team_goal_text[0], "Noor slaapt weer goed door.");
    assert_true(v.goal_adopted[g]);
    /* the goal bonus reaches its need */
    test_ok(st, CORE_ACT_SHARE_FACT, S_OUD, F_OUD_ZANDLOPER, 0, 0);
    test_to_phase(st, CORE_PHASE_INZET);
    st->seats[S_OUD].hand[0] = C_OUD_ROUT;
    test_ok(st, CORE_ACT_COMMIT, S_OUD, 0, 0, N_THUIS);
    test_advance(st);
    assert_int_equal(st->need_progress[N_THUIS], 3 + f->sc.rules.goal_bonus);
}

/* ------------------------------------------------------------ reflection */

static void test_reflection_fit_rule(void **state)
{
    (void)state;
    core_reflection_def card;
    memset(&card, 0, sizeof card);
    card.n_options = 3;
    card.evidence = (1u << CORE_EV_TAG_GEBROKEN_BELOFTE) | (1u << CORE_EV_TAG_GRENSERVARING);
    uint32_t problem = 1u << CORE_EV_TAG_GEBROKEN_BELOFTE, good = 1u << CORE_EV_TAG_GRENSERVARING;
    /* a problem showed: "it went well" (the first) does not fit */
    assert_false(core_reflection_fits(&card, problem, 0));
    assert_true(core_reflection_fits(&card, problem, 1));
    assert_true(core_reflection_fits(&card, problem, 2));
    /* quiet, or the good tag as strong: the last does not fit */
    assert_true(core_reflection_fits(&card, 0, 0));
    assert_false(core_reflection_fits(&card, 0, 2));
    assert_false(core_reflection_fits(&card, problem | good, 2));
    /* a level's own masks win */
    card.fit_signal = 1u << 2;
    card.fit_quiet = 1u << 0;
    assert_false(core_reflection_fits(&card, problem, 1));
    assert_true(core_reflection_fits(&card, problem, 2));
    assert_false(core_reflection_fits(&card, 0, 1));
    assert_false(core_reflection_fits(&card, 0, 7));
}

static void test_unfitting_answer_is_not_reflective(void **state)
{
    fixture *f = *state;
    core_state *st = begin_in(f, CORE_PHASE_REFLECTIE);
    const core_reflection_def *card = &f->sc.reflections[st->reflection_card];
    int fit = -1, misfit = -1;
    for (int o = 0; o < card->n_options; o++) {
        if (core_reflection_fits(card, st->reflection_evidence, o))
            fit = fit < 0 ? o : fit;
        else
            misfit = misfit < 0 ? o : misfit;
    }
    assert_true(fit >= 0 && misfit >= 0);
    for (int s = 0; s < 3; s++)
        test_ok(st, CORE_ACT_REFLECT, s, fit, 0, 0);
    test_ok(st, CORE_ACT_REFLECT, 3, misfit, 0, 0); /* clicking any answer counts for nothing */
    for (int s = 0; s < 4; s++)
        test_ok(st, CORE_ACT_READY, s, 0, 0, 0);
    assert_int_equal(st->round, 2);
    assert_false(st->r_reflective[1]);
    assert_true(st->round_measures[1].evidence & (1u << CORE_EV_TAG_NIET_REFLECTIEF));
}

static void test_verbeteractie_checked_in_a_later_round(void **state)
{
    fixture *f = *state;
    core_state *st = begin_in(f, CORE_PHASE_REFLECTIE);
    ok_text(st, CORE_ACT_REFLECT, S_CLB, 0, 0, "Volgende keer vragen we de ouder eerst.");
    assert_int_equal(st->seats[S_CLB].improvement_round, 1);
    /* not in the round it was written */
    assert_int_equal(ap(st, CORE_ACT_CHECK_IMPROVEMENT, S_LER, S_CLB, 1), CORE_REJ_NO_IMPROVEMENT);
    assert_int_equal(ap(st, CORE_ACT_CHECK_IMPROVEMENT, S_LER, S_OUD, 1), CORE_REJ_NO_IMPROVEMENT);
    test_to_phase(st, CORE_PHASE_OVERLEG);
    assert_int_equal(st->round, 2);
    /* the text outlives the round's reflection, for everyone to see */
    core_public_view v;
    core_public_view_get(st, &v);
    assert_string_equal(v.improvement_text[S_CLB], "Volgende keer vragen we de ouder eerst.");
    test_ok(st, CORE_ACT_CHECK_IMPROVEMENT, S_LER, S_CLB, 1, 0);
    assert_int_equal(st->seats[S_CLB].improvement_checked, 2);
    assert_true(st->seats[S_CLB].improvement_done);
    assert_int_equal(ap(st, CORE_ACT_CHECK_IMPROVEMENT, S_OUD, S_CLB, 0), CORE_REJ_NO_IMPROVEMENT);
    core_measures m;
    core_measures_compute(st, 0, &m);
    assert_int_equal(m.improvements_checked, 1);
}

/* ------------------------------------------------------------ outcome, READY */

static void test_two_outcomes(void **state)
{
    (void)state;
    assert_int_equal(core_game_verdict(CORE_OUTCOME_WON, CORE_LEVEL_VERBINDEND), CORE_VERDICT_TOGETHER);
    assert_int_equal(core_game_verdict(CORE_OUTCOME_WON, CORE_LEVEL_COOPERATIEF), CORE_VERDICT_TOGETHER);
    assert_int_equal(core_game_verdict(CORE_OUTCOME_WON, CORE_LEVEL_COORDINEREND), CORE_VERDICT_APART);
    assert_int_equal(core_game_verdict(CORE_OUTCOME_WON, CORE_LEVEL_GEEN), CORE_VERDICT_APART);
    assert_int_equal(core_game_verdict(CORE_OUTCOME_LOST, CORE_LEVEL_VERBINDEND), CORE_VERDICT_LOST);
    assert_int_equal(core_game_verdict(CORE_OUTCOME_ONGOING, CORE_LEVEL_GEEN), CORE_VERDICT_ONGOING);
}

static void test_ready_names_its_phase(void **state)
{
    fixture *f = *state;
    core_state *st = begin_in(f, CORE_PHASE_OVERLEG);
    /* a "klaar" meant for Identiteit arrives in Overleg: refused */
    assert_int_equal(ap(st, CORE_ACT_READY, S_LER, CORE_PHASE_IDENTITEIT, 1), CORE_REJ_WRONG_PHASE);
    assert_int_equal(ap(st, CORE_ACT_READY, S_LER, CORE_PHASE_OVERLEG, 2), CORE_REJ_WRONG_PHASE);
    test_ok(st, CORE_ACT_READY, S_LER, CORE_PHASE_OVERLEG, 1, 0);
    test_ok(st, CORE_ACT_READY, S_OUD, 0, 0, 0); /* 0: any phase (older clients) */
}

/* ------------------------------------------------------------ bot tables */

static void test_checklist_table_never_verbindend(void **state)
{
    fixture *f = *state;
    int games = 40, cooperative = 0;
    for (int g = 0; g < games; g++) {
        assert_int_equal(core_sim_play_one(&f->sc, 500u + (uint64_t)g, CORE_SIM_CHECKLIST, &f->st), 0);
        assert_int_equal(f->st.phase, CORE_PHASE_END);
        const core_measures *m = &f->st.round_measures[0];
        assert_true(m->level < CORE_LEVEL_VERBINDEND);
        assert_int_equal(m->improvements_checked, 0); /* nobody writes or checks a verbeteractie */
        cooperative += m->level >= CORE_LEVEL_COOPERATIEF;
    }
    (void)cooperative;
    /* a team table does reach verbindend, and earns it */
    int verbindend = 0;
    for (int g = 0; g < games; g++) {
        assert_int_equal(core_sim_play_one(&f->sc, 500u + (uint64_t)g, CORE_SIM_TEAM, &f->st), 0);
        const core_measures *m = &f->st.round_measures[0];
        if (m->level == CORE_LEVEL_VERBINDEND) {
            verbindend++;
            assert_true(m->afspraken > 0);
            assert_true(m->improvements_checked > 0);
        }
    }
    assert_true(verbindend > games / 2);
}

static void test_mixed_seats_from_the_seed(void **state)
{
    (void)state;
    int count[4] = {0};
    for (uint64_t seed = 1; seed <= 400; seed++) {
        uint32_t bits = core_sim_mixed_team_seats(seed, 4);
        int n = 0;
        for (int s = 0; s < 4; s++)
            if ((bits >> s) & 1u) {
                n++;
                count[s]++;
            }
        assert_int_equal(n, 2);
        assert_int_equal(bits, core_sim_mixed_team_seats(seed, 4)); /* deterministic */
    }
    /* every seat plays team about half the time, whatever its place */
    for (int s = 0; s < 4; s++)
        assert_true(count[s] > 150 && count[s] < 250);
    assert_int_equal(core_sim_mixed_team_seats(3, 0), 0);
}

/* a test on a fresh copy of the scenario, its tweaks its own */
#define FRESH(test) cmocka_unit_test_setup_teardown(test, setup, teardown)

TS_MAIN(NULL, NULL,
        FRESH(test_overleg_time_is_spent_and_refused),
        FRESH(test_overlegmoment_raises_later_rounds),
        FRESH(test_broken_promise_lowers_trust_and_low_trust_costs_more),
        FRESH(test_sensitive_fact_without_consent_costs),
        FRESH(test_consent_asked_and_given),
        FRESH(test_pupil_from_twelve_gives_consent),
        FRESH(test_pupil_voice_facts_wait_for_the_question),
        FRESH(test_pupil_voice_card_counts_only_when_asked),
        FRESH(test_cards_only_soften_a_spanning),
        FRESH(test_afspraak_by_dialogue),
        FRESH(test_open_afspraak_lapses),
        FRESH(test_team_words_its_own_goal),
        cmocka_unit_test(test_reflection_fit_rule),
        FRESH(test_unfitting_answer_is_not_reflective),
        FRESH(test_verbeteractie_checked_in_a_later_round),
        cmocka_unit_test(test_two_outcomes),
        FRESH(test_ready_names_its_phase),
        FRESH(test_checklist_table_never_verbindend),
        cmocka_unit_test(test_mixed_seats_from_the_seed))
