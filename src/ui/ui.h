/*
 * ui: the SDL2 + SDL2_ttf front ends: the start window, the projector (host
 * window) and the player window. These are the entry points src/app calls;
 * the options structs come from the host and client layers.
 */
#ifndef SAMENSPEL_UI_H
#define SAMENSPEL_UI_H

#include "client/client.h"
#include "host/host.h"

/* `samenspel` without subcommand: host a game / join a game / check a level. */
int ui_start_main(int argc, char **argv);

/* The projector window around an authoritative host session; also handles
 * opts->screenshot (render one scripted screen to PNG and exit). */
int ui_host_main(const host_options *opts);

/* The player window around a client session; also handles opts->screenshot. */
int ui_join_main(const cli_options *opts);

#endif
