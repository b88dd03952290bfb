/* The core tests' shared steps; see test_play.h. */
#include "test_play.h"

#include <stdlib.h>
#include <string.h>

core_scenario *test_scenario_new(void)
{
    core_scenario *sc = calloc(1, sizeof *sc);
    assert_non_null(sc);
    test_scenario_noor(sc);
    return sc;
}

int test_game_setup(void **state)
{
    test_game *g = calloc(1, sizeof *g);
    if (!g)
        return -1;
    g->sc = calloc(1, sizeof *g->sc);
    g->st = calloc(1, sizeof *g->st);
    *state = g;
    if (!g->sc || !g->st) {
        test_game_teardown(state);
        *state = NULL;
        return -1;
    }
    test_scenario_noor(g->sc);
    return 0;
}

int test_game_teardown(void **state)
{
    test_game *g = *state;
    if (g) {
        free(g->sc);
        free(g->st);
        free(g);
    }
    return 0;
}

core_action test_action(core_action_type t, int seat, int a, int b, int c)
{
    core_action x;
    memset(&x, 0, sizeof x);
    x.type = t;
    x.seat = seat;
    x.a = a;
    x.b = b;
    x.c = c;
    return x;
}

void test_ok(core_state *st, core_action_type t, int seat, int a, int b, int c)
{
    core_action x = test_action(t, seat, a, b, c);
    core_reject r = core_apply(st, &x, NULL);
    if (r != CORE_OK)
        fail_msg("action %d by seat %d refused: %s", t, seat, core_reject_message(r));
}

void test_advance(core_state *st)
{
    test_ok(st, CORE_ACT_ADVANCE, CORE_SEAT_HOST, 0, 0, 0);
}

void test_advance_events(core_state *st, core_events *ev)
{
    ev->n = 0;
    core_action x = test_action(CORE_ACT_ADVANCE, CORE_SEAT_HOST, 0, 0, 0);
    core_reject r = core_apply(st, &x, ev);
    if (r != CORE_OK)
        fail_msg("the host's ADVANCE refused: %s", core_reject_message(r));
}

void test_to_phase(core_state *st, core_phase p)
{
    for (int guard = 0; st->phase != p && guard < 20; guard++)
        test_advance(st);
    assert_int_equal(st->phase, p);
}

void test_start(core_state *st, const core_scenario *sc, uint64_t seed)
{
    char err[200];
    if (!core_init(st, sc, seed, err, sizeof err))
        fail_msg("core_init: %s", err);
    assert_int_equal(st->phase, CORE_PHASE_LOBBY);
    test_ok(st, CORE_ACT_START, CORE_SEAT_HOST, 0, 0, 0);
}
