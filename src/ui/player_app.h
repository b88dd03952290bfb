/*
 * ui/player_app: the player window as a steppable object, so that
 * `samenspel join` runs it in a loop and the scripted UI test drives it
 * with synthetic SDL events, one step at a time, next to an in-process host.
 */
#ifndef SAMENSPEL_UI_PLAYER_APP_H
#define SAMENSPEL_UI_PLAYER_APP_H

#include "client/client.h"
#include "ui/screens.h"

typedef struct player_app player_app;

/* ---- the join screens as drawings of a model (golden tests draw them
 * without a network) ---- */

typedef enum {
    PLAYER_PICK_NONE = 0,
    PLAYER_PICK_ROLE,      /* a role of the game (pick_role) */
    PLAYER_PICK_ANY,       /* the first free seat */
    PLAYER_PICK_OBSERVE    /* watch the table */
} player_pick;

/* The role picker: the game's seats and what the choice means. Pointers
 * are the caller's and must outlive the call; strings may be NULL. */
typedef struct {
    const core_scenario *sc;      /* the game's (redacted) scenario */
    const cli_lobby *lobby;       /* its seats, as the host announced them */
    const char *player_name;      /* typed name: a seat waiting under it can be taken back */
    player_pick pick;
    const char *pick_role;        /* role id when pick == PLAYER_PICK_ROLE */
    const char *pick_role_name;
    const char *error;            /* the host's refusal, shown in red */
    bool seating;                 /* the chosen seat is being taken: no choices */
    bool reconnecting;            /* the connection reading the roles is retrying */
} player_picker_model;

/* The join form: address, code and name, and the games found on the LAN. */
typedef struct {
    const char *fields[3];        /* address, code, name */
    int focus;                    /* focused field, -1 none */
    const cli_found_game *found;
    int n_found;
    bool observe;                 /* --observe: the form leads to watching */
    const char *status;           /* connection state line */
    const char *error;            /* shown in red instead of the status */
} player_form_model;

void player_draw_picker(ui_gfx *g, const player_picker_model *m);
void player_draw_form(ui_gfx *g, const player_form_model *m);

/* Click regions of the join flow's role picker, after the shared ui_id
 * range: the game's seats (arg = seat) and the two other choices. */
enum {
    PLAYER_ID_ROLE = UI_ID_COUNT + 1,
    PLAYER_ID_ANY_SEAT,
    PLAYER_ID_OBSERVE
};

/* Opens the window (offscreen: software renderer on a surface, for tests)
 * and, when opts->host is set, connects. NULL with a message on failure. */
player_app *player_app_open(const cli_options *opts, bool offscreen, char *err, size_t err_len);
void player_app_close(player_app *a);

/* One step: network, then every queued SDL event, then a redraw if
 * something changed. Sleeps in SDL_WaitEventTimeout at most wait_ms.
 * Returns false when the window was closed. */
bool player_app_step(player_app *a, int wait_ms);

/* For tests: the drawing context (click regions of the last frame), the
 * session, the model, and how many frames were drawn. */
ui_gfx *player_app_gfx(player_app *a);
cli *player_app_session(player_app *a);
const ui_player_model *player_app_model(const player_app *a);
uint64_t player_app_frames(const player_app *a);
/* The centre of the first click region with this id (and arg, or any arg
 * when arg < 0) in the last drawn frame. */
bool player_app_find(const player_app *a, int id, int arg, int *x, int *y);
/* The control the keyboard focus is on (false: none shown). */
bool player_app_focus(const player_app *a, int *id, int *arg);
/* The refusal or error the form or the role picker shows now ("" none). */
const char *player_app_notice(const player_app *a);
/* The role picker is on screen (the game's roles are known). */
bool player_app_picking(const player_app *a);

#endif
