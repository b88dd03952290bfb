/* A Noor-like scenario built in C for core's tests and benchmark. */
#ifndef SAMENSPEL_TEST_SCENARIO_H
#define SAMENSPEL_TEST_SCENARIO_H

#include "core/core.h"

/* Fills sc (zeroed first): seats 0..3 = leraar, ouder, clb-anker,
 * leerondersteuner (role index = seat); needs 0 lezen (leren), 1 rust
 * (welbevinden), 2 thuis (thuis), 3 klas (klaspraktijk). */
void test_scenario_noor(core_scenario *sc);

/* Sets every field of rules v2 (protocol 4) to a value of its own, none
 * zero, so that a codec that drops or swaps one is seen. */
void test_rules_v2(core_rules *r);

/* Marks a two-seat scenario (two roles, two cards, two facts, one
 * friction) with every flag of rules v2: role 0 a guardian, role 1 the
 * pupil and organizer, card 1 and fact 1 the pupil's voice, fact 0
 * sensitive, two suggested afspraken for friction 0, one goal (need 0) and
 * one reflection with three options and fit masks. */
void test_scenario_v2_marks(core_scenario *sc);

/* A seat view (seat 0 of two, one need, one fact consent asked, one
 * afspraak, two improvements) with every field of rules v2 set, so that
 * the protocol tests see each one travel. */
void test_view_v2(core_seat_view *v);

#endif
