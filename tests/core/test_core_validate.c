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
#include "ts_main.h"

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

/* Each part of a scenario broken on its own (the part must be there to
 * break it), and the message its author then sees. */
static void break_counts(core_scenario *sc) { sc->n_needs = CORE_MAX_NEEDS + 1; }
static void break_rules(core_scenario *sc) { sc->rules.hand_size = 0; }
static void break_role(core_scenario *sc) { sc->roles[1].n_skills = CORE_MAX_SKILLS + 1; }
static void break_card(core_scenario *sc) { sc->cards[2].strength = 101; }
static void break_need(core_scenario *sc) { sc->needs[3].target = 0; }
static void break_fact(core_scenario *sc) { assert_true(sc->n_facts > 0); sc->facts[0].needs = 1u << 20; }
static void break_friction(core_scenario *sc) { assert_true(sc->n_frictions > 0); sc->frictions[0].severity = 101; }
static void break_goal(core_scenario *sc) { assert_true(sc->n_goals > 0); sc->goals[0].needs = 1u << 20; }
static void break_reflection(core_scenario *sc) { assert_true(sc->n_reflections > 0); sc->reflections[0].block = CORE_BLOCK_COUNT; }
static void break_event(core_scenario *sc) { assert_true(sc->n_events > 0); sc->events[0].need_delta = 5000; }

static const struct {
    void (*breaks)(core_scenario *sc);
    const char *want;
} broken_parts[] = {
    {break_counts, "aantal noden buiten 1..6 (index 7)"},
    {break_rules, "handgrootte buiten 1..8 (index 0)"},
    {break_role, "een rol heeft te veel domeinen of vaardigheden (index 1)"},
    {break_card, "kaartsterkte buiten 0..100 (index 2)"},
    {break_need, "een nood heeft een doelwaarde buiten 1..1000 (index 3)"},
    {break_fact, "dossierfeit noemt een onbekende nood (index 0)"},
    {break_friction, "spanning: ernst buiten 0..100 (index 0)"},
    {break_goal, "doel noemt een onbekende nood (index 0)"},
    {break_reflection, "reflectiekaart: onbekende bouwsteen (index 0)"},
    {break_event, "gebeurtenis: waarde buiten -1000..1000 (index 0)"},
};

static void test_each_part_is_checked(void **state)
{
    (void)state;
    core_scenario *valid = fresh();
    core_scenario *sc = fresh();
    for (size_t i = 0; i < sizeof broken_parts / sizeof broken_parts[0]; i++) {
        memcpy(sc, valid, sizeof *sc);
        broken_parts[i].breaks(sc);
        assert_rejected(sc, broken_parts[i].want);
    }
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

/* A translator that marks what it was given: its msgids are the core's. */
static const char *mark(const char *msgid)
{
    if (!strcmp(msgid, "%s (index %d)"))
        return "%s [#%d]";
    if (!strcmp(msgid, "kaartsterkte buiten 0..100"))
        return "card strength outside 0..100";
    return "?";
}

/* With a translator the message and its index frame are shown in the
 * reader's language; without one they stay Dutch. */
static void test_message_through_translator(void **state)
{
    (void)state;
    core_scenario *sc = fresh();
    sc->cards[2].strength = 101;
    char err[200];
    assert_false(core_scenario_validate_tr(sc, mark, err, sizeof err));
    assert_string_equal(err, "card strength outside 0..100 [#2]");
    assert_false(core_scenario_validate_tr(sc, NULL, err, sizeof err));
    assert_string_equal(err, "kaartsterkte buiten 0..100 (index 2)");
    sc->cards[2].strength = 1;
    sc->rules.dark_divisor = 0; /* a message without an index */
    assert_false(core_scenario_validate_tr(sc, mark, err, sizeof err));
    assert_string_equal(err, "?");
    free(sc);
}

TS_MAIN(NULL, NULL,
        cmocka_unit_test(test_valid_scenario_passes),
        cmocka_unit_test(test_each_part_is_checked),
        cmocka_unit_test(test_earlier_part_wins),
        cmocka_unit_test(test_short_error_buffer),
        cmocka_unit_test(test_message_through_translator))
