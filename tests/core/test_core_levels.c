/*
 * The balance targets of rules v2 (issue #12) on every bundled level, on
 * fewer games than the benchmark's 1000 (so the bands allow for sampling):
 * solo bots never win and never reach coöperatief; checklist bots never
 * reach verbindend and win at most 40 %; team bots win 60-90 % (here
 * 55-92 %) with a spread of welbevinden of at least 1; no bot kind wins a
 * game at level geen. tools/bench.sh prints the 1000-game figures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/core.h"
#include "level/level.h"
#include "platform/plat.h"

static void check_level(const char *rel)
{
    char path[1024];
    assert_true(plat_data_path(rel, path, sizeof path));
    core_scenario *sc = calloc(1, sizeof *sc);
    lvl_diags *d = calloc(1, sizeof *d);
    assert_true(sc && d);
    if (!lvl_load_file(path, sc, d)) {
        lvl_diags_print(d, true, stderr);
        fail_msg("%s does not load", path);
    }
    core_state *st = calloc(1, sizeof *st);
    assert_non_null(st);
    for (uint64_t seed = 1; seed <= 30; seed++)
        for (int k = CORE_SIM_TEAM; k <= CORE_SIM_CHECKLIST; k++)
            assert_int_equal(core_sim_play_one(sc, seed, (core_sim_bots)k, st), 0);
    enum { GAMES = 400 };
    core_sim_result r[4];
    const core_sim_bots kinds[4] = {CORE_SIM_TEAM, CORE_SIM_SOLO, CORE_SIM_CHECKLIST, CORE_SIM_MIXED};
    for (int k = 0; k < 4; k++)
        core_simulate(sc, GAMES, 2026, kinds[k], &r[k]);
    double team = (double)r[0].won / GAMES, check = (double)r[2].won / GAMES;
    printf("# %s: team %.3f (sd %.2f) solo %.3f checklist %.3f mixed %.3f; checklist verbindend %d\n", rel, team,
           r[0].sd_welbevinden, (double)r[1].won / GAMES, check, (double)r[3].won / GAMES,
           r[2].levels[CORE_LEVEL_VERBINDEND]);
    /* freed before the checks: a failing assert jumps out of this function */
    double sd_team = r[0].sd_welbevinden;
    free(st);
    free(sc);
    free(d);
    assert_int_equal(r[1].won, 0);
    assert_int_equal(r[1].levels[CORE_LEVEL_COOPERATIEF] + r[1].levels[CORE_LEVEL_VERBINDEND], 0);
    assert_int_equal(r[2].levels[CORE_LEVEL_VERBINDEND], 0);
    assert_true(check <= 0.40);
    assert_true(team >= 0.55 && team <= 0.92);
    assert_true(sd_team >= 1.0);
    for (int k = 0; k < 4; k++)
        assert_int_equal(r[k].won_at_level[CORE_LEVEL_GEEN], 0);
}

/* one test per bundled level: the level's path is the test's state */
static void test_level(void **state)
{
    check_level(*state);
}

TS_MAIN(NULL, NULL,
        cmocka_unit_test_prestate(test_level, "levels/noor.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/jonas.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/amira.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/lucas.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/lotte.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/sem.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/mila.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/lina.yaml"))
