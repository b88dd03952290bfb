/* ui_rig: what the ui tests that play against an in-process host share: a
 * host on a free loopback port and a player's options to join it. */
#ifndef SAMENSPEL_TEST_UI_RIG_H
#define SAMENSPEL_TEST_UI_RIG_H

#include "client/client.h"
#include "host/host.h"

#include <stdint.h>

/* The options of a headless host that never advances by itself (the test
 * is the trainer), with this room code and seed; the level is the default
 * until the caller names one in level_path. */
void ui_rig_host_options(host_options *ho, const char *code, uint64_t seed);

/* Starts a host with ho, on sc when not NULL, on a port in
 * [base_port, base_port + 700): other tests run in parallel, so a taken
 * port is simply another try. Fails the test when none starts. */
host *ui_rig_host_start(host_options *ho, const core_scenario *sc, int base_port);

/* A player's options to join h with code over loopback, with no token
 * store (a test leaves no files behind). */
void ui_rig_join_options(cli_options *co, const host *h, const char *code);

#endif
