/* A Noor-like scenario built in C for core's tests and benchmark. */
#ifndef SAMENSPEL_TEST_SCENARIO_H
#define SAMENSPEL_TEST_SCENARIO_H

#include "core/core.h"

/* Fills sc (zeroed first): seats 0..3 = leraar, ouder, clb-anker,
 * leerondersteuner (role index = seat); needs 0 lezen (leren), 1 rust
 * (welbevinden), 2 thuis (thuis), 3 klas (klaspraktijk). */
void test_scenario_noor(core_scenario *sc);

#endif
