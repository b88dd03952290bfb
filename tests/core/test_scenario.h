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

/* A seat view (seat 0 of two, one need, one fact consent asked, one
 * afspraak, two improvements) with every field of rules v2 set, so that
 * the protocol tests see each one travel. */
void test_view_v2(core_seat_view *v);

#endif
