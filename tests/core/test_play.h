/*
 * The small steps every core test takes with test_scenario_noor: build an
 * action, apply it and fail with core's reason when refused, start a game,
 * advance to a phase; and the scenario's card, need and seat indices.
 * Test-only (cmocka): the benchmark includes test_scenario.c, not this.
 */
#ifndef SAMENSPEL_TEST_PLAY_H
#define SAMENSPEL_TEST_PLAY_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/core.h"
#include "test_scenario.h"

/* card, need and seat indices of test_scenario_noor */
enum { C_LER_STRUCT = 0, C_LER_INSTR, C_LER_GEN, C_OUD_ROUT, C_OUD_BELEV, C_OUD_GEN, C_CLB_ONDERZ, C_CLB_ADVIES,
       C_CLB_GEN, C_LO_HULP, C_LO_COTEACH, C_LO_GEN, C_INNO1 };
enum { N_LEZEN = 0, N_RUST, N_THUIS, N_KLAS };
enum { S_LER = 0, S_OUD, S_CLB, S_LO };

/* A new test_scenario_noor on the heap, which fails the test when out of
 * memory; free() it. A scenario is too large for a test's stack. */
core_scenario *test_scenario_new(void);

/* A test's game: test_scenario_noor and a zeroed state for it, both on the
 * heap. As cmocka setup and teardown of a test (GAME_TEST), *state is the
 * game and TEST_GAME(sc, st) names its two parts in the test; a failed
 * allocation fails the test in setup. */
typedef struct {
    core_scenario *sc;
    core_state *st;
} test_game;
int test_game_setup(void **state);
int test_game_teardown(void **state);
#define GAME_TEST(f) cmocka_unit_test_setup_teardown(f, test_game_setup, test_game_teardown)
#define TEST_GAME(sc_name, st_name)                                                                \
    core_scenario *sc_name = ((test_game *)*state)->sc;                                            \
    core_state *st_name = ((test_game *)*state)->st

/* The action t by seat with fields a, b, c, everything else zero. */
core_action test_action(core_action_type t, int seat, int a, int b, int c);
/* Applies it; a refusal fails the test with core's reason. */
void test_ok(core_state *st, core_action_type t, int seat, int a, int b, int c);
/* The host's ADVANCE, which must be accepted. */
void test_advance(core_state *st);
/* The same ADVANCE; ev gets the events it caused. */
void test_advance_events(core_state *st, core_events *ev);
/* ADVANCEs until st is in phase p (at most 20 steps, then fails). */
void test_to_phase(core_state *st, core_phase p);
/* core_init with seed, then the host's START: the game is in round 1. */
void test_start(core_state *st, const core_scenario *sc, uint64_t seed);

/* cmocka's assert_float_equal works in float; the measures are doubles */
#define assert_near(a, b, eps)                                                                                       \
    do {                                                                                                             \
        double a_ = (a), b_ = (b);                                                                                   \
        if (!(a_ - b_ <= (eps) && b_ - a_ <= (eps)))                                                                 \
            fail_msg("%s = %.12f, expected %.12f", #a, a_, b_);                                                    \
    } while (0)

#endif
