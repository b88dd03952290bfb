/*
 * Scenario validation, step by step: each part of a scenario (counts, rules,
 * roles, cards, needs and facts, frictions, goals, reflections, events) is
 * checked with the message a level author sees, and the earlier part wins
 * when two are wrong.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "test_play.h"

/* A fresh copy of the valid test scenario to break one thing in. */
static core_scenario *fresh(void)
{
    core_scenario *sc = test_scenario_new();
    return sc;
}

static void assert_rejected(const core_scenario *sc, const char *want)
{
    char err[200];
    assert_false(core_scenario_validate(sc, err, sizeof err));
    assert_string_equal(err, want);
}

static void test_valid_scenario_passes(void **state)
{
    (void)state;
    core_scenario *sc = fresh();
    char err[200] = "x";
    assert_true(core_scenario_validate(sc, err, sizeof err));
    assert_string_equal(err, "");
    assert_true(core_scenario_validate(sc, NULL, 0));
    free(sc);
}

static void test_each_part_is_checked(void **state)
{
    (void)state;
    core_scenario *valid = fresh();
    core_scenario *sc = fresh();
    sc->n_needs = CORE_MAX_NEEDS + 1;
    assert_rejected(sc, "aantal noden buiten 1..6 (index 7)");

    memcpy(sc, valid, sizeof *sc);
    sc->rules.hand_size = 0;
    assert_rejected(sc, "handgrootte buiten 1..8 (index 0)");

    memcpy(sc, valid, sizeof *sc);
    sc->roles[1].n_skills = CORE_MAX_SKILLS + 1;
    assert_rejected(sc, "een rol heeft te veel domeinen of vaardigheden (index 1)");

    memcpy(sc, valid, sizeof *sc);
    sc->cards[2].strength = 101;
    assert_rejected(sc, "kaartsterkte buiten 0..100 (index 2)");

    memcpy(sc, valid, sizeof *sc);
    sc->needs[3].target = 0;
    assert_rejected(sc, "een nood heeft een doelwaarde buiten 1..1000 (index 3)");

    memcpy(sc, valid, sizeof *sc);
    assert_true(sc->n_facts > 0);
    sc->facts[0].needs = 1u << 20;
    assert_rejected(sc, "dossierfeit noemt een onbekende nood (index 0)");

    memcpy(sc, valid, sizeof *sc);
    assert_true(sc->n_frictions > 0);
    sc->frictions[0].severity = 101;
    assert_rejected(sc, "spanning: ernst buiten 0..100 (index 0)");

    memcpy(sc, valid, sizeof *sc);
    assert_true(sc->n_goals > 0);
    sc->goals[0].needs = 1u << 20;
    assert_rejected(sc, "doel noemt een onbekende nood (index 0)");

    memcpy(sc, valid, sizeof *sc);
    assert_true(sc->n_reflections > 0);
    sc->reflections[0].block = CORE_BLOCK_COUNT;
    assert_rejected(sc, "reflectiekaart: onbekende bouwsteen (index 0)");

    memcpy(sc, valid, sizeof *sc);
    assert_true(sc->n_events > 0);
    sc->events[0].need_delta = 5000;
    assert_rejected(sc, "gebeurtenis: waarde buiten -1000..1000 (index 0)");
    free(sc);
    free(valid);
}

static void test_earlier_part_wins(void **state)
{
    (void)state;
    core_scenario *sc = fresh();
    sc->rules.hand_size = 0;
    sc->cards[2].strength = 101;
    sc->events[0].need_delta = 5000;
    assert_rejected(sc, "handgrootte buiten 1..8 (index 0)");
    sc->rules.hand_size = 1; /* valid again */
    assert_rejected(sc, "kaartsterkte buiten 0..100 (index 2)");
    free(sc);
}

static void test_short_error_buffer(void **state)
{
    (void)state;
    core_scenario *sc = fresh();
    sc->n_seats = 2;
    char err[8];
    memset(err, 'x', sizeof err);
    assert_false(core_scenario_validate(sc, err, sizeof err));
    assert_int_equal(strlen(err), sizeof err - 1); /* cut, still terminated */
    assert_false(core_scenario_validate(sc, NULL, 0));
    free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_scenario_passes),
        cmocka_unit_test(test_each_part_is_checked),
        cmocka_unit_test(test_earlier_part_wins),
        cmocka_unit_test(test_short_error_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
