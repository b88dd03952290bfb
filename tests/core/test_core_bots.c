/*
 * Bots and simulation: bots never send an action core refuses, every bot
 * game ends, team bots beat solo bots by at least 30 percentage points and
 * solo bots never reach verbindend (the C scenario here; the bundled levels
 * in test_core_levels.c), and a bot only ever needs its own seat view.
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

static core_scenario *g_sc;

static int setup(void **state)
{
    (void)state;
    g_sc = test_scenario_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(g_sc);
    return 0;
}

static void test_bots_are_legal_and_games_end(void **state)
{
    (void)state;
    core_state *st = calloc(1, sizeof *st);
    assert_non_null(st);
    for (int kind = CORE_SIM_TEAM; kind <= CORE_SIM_MIXED; kind++)
        for (uint64_t seed = 1; seed <= 60; seed++) {
            int errors = core_sim_play_one(g_sc, seed, (core_sim_bots)kind, st);
            if (errors)
                fail_msg("bots %d seed %llu: %d refused actions", kind, (unsigned long long)seed, errors);
            assert_int_equal(st->phase, CORE_PHASE_END);
            assert_int_not_equal(st->outcome, CORE_OUTCOME_ONGOING);
        }
    free(st);
}

/* 3 seats and 8 seats (roles repeated): bots stay legal, games end, and
 * the team still plays together. */
static void test_seat_counts(void **state)
{
    (void)state;
    core_scenario *sc = malloc(sizeof *sc);
    core_state *st = calloc(1, sizeof *st);
    assert_true(sc && st);
    for (int n = CORE_MIN_SEATS; n <= CORE_MAX_SEATS; n++) {
        memcpy(sc, g_sc, sizeof *sc);
        sc->n_seats = n;
        for (int s = 0; s < n; s++)
            sc->seat_roles[s] = s % 4;
        char err[100];
        assert_true(core_scenario_validate(sc, err, sizeof err));
        for (int kind = CORE_SIM_TEAM; kind <= CORE_SIM_MIXED; kind++)
            for (uint64_t seed = 1; seed <= 20; seed++) {
                int errors = core_sim_play_one(sc, seed, (core_sim_bots)kind, st);
                if (errors)
                    fail_msg("%d seats, bots %d, seed %llu: %d refused", n, kind, (unsigned long long)seed, errors);
                assert_int_equal(st->phase, CORE_PHASE_END);
            }
        core_sim_result team, solo;
        core_simulate(sc, 100, 3, CORE_SIM_TEAM, &team);
        core_simulate(sc, 100, 3, CORE_SIM_SOLO, &solo);
        printf("# %d seats: team %d%% solo %d%%, team density %.2f centrality %.2f\n", n, team.won, solo.won,
               team.mean.density, team.mean.centrality);
        assert_true(team.won > solo.won);
        assert_int_equal(solo.levels[CORE_LEVEL_VERBINDEND], 0);
    }
    free(sc);
    free(st);
}

static void test_team_beats_solo(void **state)
{
    (void)state;
    core_sim_result team, solo, mixed;
    core_simulate(g_sc, 400, 7, CORE_SIM_TEAM, &team);
    core_simulate(g_sc, 400, 7, CORE_SIM_SOLO, &solo);
    core_simulate(g_sc, 400, 7, CORE_SIM_MIXED, &mixed);
    double tw = (double)team.won / team.games, sw = (double)solo.won / solo.games;
    double mw = (double)mixed.won / mixed.games;
    printf("# C scenario: team %.3f solo %.3f mixed %.3f; team verbindend %d, solo levels %d/%d/%d/%d\n", tw, sw, mw,
           team.levels[CORE_LEVEL_VERBINDEND], solo.levels[0], solo.levels[1], solo.levels[2], solo.levels[3]);
    assert_int_equal(team.games, 400);
    assert_true(tw - sw >= 0.30);
    assert_int_equal(solo.levels[CORE_LEVEL_VERBINDEND], 0);
    assert_true(team.levels[CORE_LEVEL_VERBINDEND] > team.games / 2);
    /* team games are also measurably more collaborative */
    assert_true(team.mean.density > solo.mean.density);
    assert_true(team.mean.goal_directedness > solo.mean.goal_directedness);
}

static void test_simulate_is_deterministic(void **state)
{
    (void)state;
    core_sim_result a, b;
    core_simulate(g_sc, 50, 123, CORE_SIM_MIXED, &a);
    core_simulate(g_sc, 50, 123, CORE_SIM_MIXED, &b);
    assert_int_equal(a.won, b.won);
    assert_near(a.mean_welbevinden, b.mean_welbevinden, 0.0);
    assert_memory_equal(a.levels, b.levels, sizeof a.levels);
    core_sim_result none;
    core_simulate(g_sc, 0, 1, CORE_SIM_TEAM, &none);
    assert_int_equal(none.games, 0);
    core_simulate(NULL, 5, 1, CORE_SIM_TEAM, &none);
    assert_int_equal(none.games, 0);
}

/* A bot given a view with a foreign seat's data removed acts the same:
 * it reads nothing but its own view. Here: blanking the other seats'
 * revealed cards and hand counts does not change a team bot's choices. */
static void test_bot_uses_only_its_view(void **state)
{
    (void)state;
    core_state *st = calloc(1, sizeof *st);
    core_seat_view *v = calloc(1, sizeof *v);
    assert_true(st && v);
    test_start(st, g_sc, 77);
    core_action a;
    core_rng r1, r2;
    for (int step = 0; step < 400 && st->phase != CORE_PHASE_END; step++) {
        bool acted = false;
        for (int s = 0; s < g_sc->n_seats; s++) {
            core_seat_view_get(st, s, v);
            core_rng_seed(&r1, (uint64_t)step, (uint64_t)s);
            r2 = r1;
            core_action x, y;
            bool bx = core_bot_next(g_sc, v, CORE_BOT_TEAM, &r1, &x);
            for (int o = 0; o < CORE_MAX_SEATS; o++)
                if (o != s)
                    v->pub.seat_hand_n[o] = 0;
            memset(&v->pub.live, 0, sizeof v->pub.live);
            bool by = core_bot_next(g_sc, v, CORE_BOT_TEAM, &r2, &y);
            assert_int_equal(bx, by);
            if (!bx)
                continue;
            assert_int_equal(x.type, y.type);
            assert_int_equal(x.seat, y.seat);
            assert_int_equal(x.a, y.a);
            assert_int_equal(x.b, y.b);
            assert_int_equal(x.c, y.c);
            assert_string_equal(x.text, y.text);
            assert_int_equal(core_apply(st, &x, NULL), CORE_OK);
            acted = true;
        }
        if (!acted)
            test_advance(st);
    }
    assert_int_equal(st->phase, CORE_PHASE_END);
    /* no bot action for a finished game or a bad view */
    core_seat_view_get(st, 0, v);
    assert_false(core_bot_next(g_sc, v, CORE_BOT_TEAM, &r1, &a));
    v->seat = 42;
    assert_false(core_bot_next(g_sc, v, CORE_BOT_SOLO, &r1, &a));
    free(st);
    free(v);
}

TS_MAIN(setup, teardown,
        cmocka_unit_test(test_bots_are_legal_and_games_end),
        cmocka_unit_test(test_seat_counts),
        cmocka_unit_test(test_team_beats_solo),
        cmocka_unit_test(test_simulate_is_deterministic),
        cmocka_unit_test(test_bot_uses_only_its_view))
