/*
 * The acceptance criterion of issue 3 on the bundled levels: with the
 * default rule numbers, team bots win at least 30 percentage points more
 * often than solo bots, and solo bots never reach verbindend.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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
        for (int k = CORE_SIM_TEAM; k <= CORE_SIM_MIXED; k++)
            assert_int_equal(core_sim_play_one(sc, seed, (core_sim_bots)k, st), 0);
    core_sim_result team, solo;
    core_simulate(sc, 500, 2026, CORE_SIM_TEAM, &team);
    core_simulate(sc, 500, 2026, CORE_SIM_SOLO, &solo);
    double tw = (double)team.won / team.games, sw = (double)solo.won / solo.games;
    printf("# %s: team %.3f solo %.3f (gap %.3f); solo verbindend %d, team verbindend %d\n", rel, tw, sw, tw - sw,
           solo.levels[CORE_LEVEL_VERBINDEND], team.levels[CORE_LEVEL_VERBINDEND]);
    assert_true(tw - sw >= 0.30);
    assert_int_equal(solo.levels[CORE_LEVEL_VERBINDEND], 0);
    free(st);
    free(sc);
    free(d);
}

/* one test per bundled level: the level's path is the test's state */
static void test_level(void **state)
{
    check_level(*state);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_prestate(test_level, "levels/noor.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/jonas.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/amira.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/lucas.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/lotte.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/sem.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/mila.yaml"),
        cmocka_unit_test_prestate(test_level, "levels/lina.yaml"),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
