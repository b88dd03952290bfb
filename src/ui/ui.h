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
/* The projector's letter keys change the game (phase, seats, timer, restart,
 * level, language) only with Ctrl, so text typed into it by a focus slip does
 * nothing harmful; H (help) and I (show the reveal again) only show things. */
bool ui_trainer_key_needs_ctrl(int keycode);

/* The player window around a client session; also handles opts->screenshot. */
int ui_join_main(const cli_options *opts);

/* ---- the projector's phase timer -------------------------------------
 * One setting: every phase gets the same length (SAMENSPEL_TIMER_SECONDS,
 * else UI_PHASE_TIMER_DEFAULT_S); the trainer turns it on and off (T) and
 * adds UI_PHASE_TIMER_EXTEND_S at a time (+). When it runs out in a running
 * game the phase ends, as if the trainer pressed N. Kept apart from the
 * window so that a test can drive it with its own clock. */
#define UI_PHASE_TIMER_DEFAULT_S 300
#define UI_PHASE_TIMER_EXTEND_S 60
#define UI_PHASE_TIMER_MIN_S 10
#define UI_PHASE_TIMER_MAX_S 3600

typedef struct {
    bool on;
    int length_s;            /* a new phase starts with this many seconds */
    uint64_t end_ms;         /* when the running phase's time is up */
    uint64_t clock_ms;       /* the previous step: a held timer moves its end by the gap */
    int round;               /* phase and round of the previous step: a change */
    core_phase phase;        /* starts a new full-length timer */
} ui_phase_timer;

typedef enum {
    UI_TIMER_IDLE = 0,       /* nothing happened */
    UI_TIMER_ADVANCED,       /* time was up: the host moved to the next phase */
    UI_TIMER_REFUSED         /* time was up but the phase could not end (reason in err) */
} ui_timer_step;

/* length_s outside UI_PHASE_TIMER_MIN_S..MAX_S falls back to the default. */
void ui_phase_timer_init(ui_phase_timer *t, bool on, int length_s, uint64_t now_ms);
/* On: a full length from now. */
void ui_phase_timer_toggle(ui_phase_timer *t, uint64_t now_ms);
void ui_phase_timer_extend(ui_phase_timer *t, uint64_t now_ms);
/* Whole seconds left (rounded up); 0 when up or off. */
int ui_phase_timer_left_s(const ui_phase_timer *t, uint64_t now_ms);
/* Once per frame. The time only runs while the game does: in the lobby,
 * paused, or after the end it is held (a paused game keeps its remaining
 * time). A new phase or round gets the full length. */
ui_timer_step ui_phase_timer_step(ui_phase_timer *t, host *h, uint64_t now_ms, char *err,
                                  size_t err_len);
/* The length setting: SAMENSPEL_TIMER_SECONDS when set (10..3600), else the
 * default. A value that is not usable gives the default and a message in
 * warn (empty otherwise). */
int ui_phase_timer_length_setting(char *warn, size_t warn_len);

#endif
