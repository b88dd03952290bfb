/*
 * ui/player_app_int: what the player app's source files (player_app,
 * player_form, player_picker, player_input) share: the app's state and its
 * one state machine. Not for other modules; they use ui/player_app.h.
 */
#ifndef SAMENSPEL_UI_PLAYER_APP_INT_H
#define SAMENSPEL_UI_PLAYER_APP_INT_H

#include "ui/player_app.h"

#define FORM_FIELDS 3 /* address, code, name */

/* Where the player app is. The role picker shows the game's own roles (a
 * level may add roles the four core ones do not cover). The wire only
 * carries them inside WELCOME, so the picker reads them through a second,
 * short-lived observer connection beside the player's own: the "look". It
 * holds the scenario and the live LOBBY, so the seats' taken state stays
 * current while the player reads. The look stays open until the player's
 * own connection has its first view, so a refused role (someone was
 * quicker) lands back on a picker that is already up to date. */
typedef enum {
    PLAYER_FORM = 0,    /* the join form; the look may be reading the roles */
    PLAYER_CONNECTING,  /* the form, while the own connection waits for a first view */
    PLAYER_PICKING,     /* the role picker: the look knows the roles, no seat asked */
    PLAYER_SEATING,     /* the picker, while the chosen seat is being taken */
    PLAYER_PLAYING,     /* seated: the player's screen (view holds the seat's view) */
    PLAYER_WATCHING     /* an observer: the projector's table (pub) */
} player_state;

/* What just happened to the connections, for app_settle. */
typedef enum {
    PLAYER_NEWS_NONE = 0,   /* the look moved on, or a connection came or went */
    PLAYER_NEWS_NEW_SESSION, /* the own connection was (re)made or dropped: no view yet */
    PLAYER_NEWS_SEAT_VIEW,   /* the own connection brought a seat's view */
    PLAYER_NEWS_PUBLIC_VIEW  /* the own connection brought the public table */
} player_news;

struct player_app {
    cli_options opts;
    cli *c;
    cli_discovery *disc;
    cli_found_game found[CLI_MAX_FOUND];
    int n_found;
    bool found_given;       /* --code and --name without --host: their game was found once */
    ui_gfx g;
    ui_player_model m;
    player_state state;         /* where the app is; changed only by app_settle */
    core_seat_view view;        /* copy: the session's pointer moves on pump (PLAYING) */
    core_public_view pub;       /* observers: the public table only (WATCHING) */
    bool dirty, quit;
    int field;                  /* focused form field, -1 none */
    char fields[FORM_FIELDS][CLI_HOST_LEN];
    /* role picker */
    cli *look;                  /* the look (see above), or NULL */
    player_pick pick;
    char pick_role[CORE_ID_LEN];        /* role id when pick == PLAYER_PICK_ROLE */
    char pick_role_name[CORE_TITLE_LEN]; /* its name, for messages */
    bool pick_rejoin;           /* the pick is a seat waiting under this player's name */
    char pick_error[256];       /* the host's refusal of the last choice */
    char form_error[256];
    uint64_t message_until;
    uint64_t frames;
    uint64_t last_views;
    cli_status last_status;
    bool press_on_card;
    int press_x, press_y, press_slot;
    /* keyboard focus on the game screen: the click region (id, arg) that
     * Enter activates; the ring shows once a key moved it */
    int focus_id, focus_arg;
    bool focus_visible;
};


/* ---- player_app.c: the state machine and the session */
/* The one place the state changes: from the news and the connections. */
void app_settle(player_app *a, player_news news);
/* The form or the picker is up (no view of the game yet). */
bool app_in_form(const player_app *a);
/* The role picker is up. */
bool app_picking(const player_app *a);
void app_set_message(player_app *a, const char *msg, bool error);
/* Opens the player's own connection with o; false with a message. */
bool app_connect(player_app *a, const cli_options *o, char *err, size_t err_len);
void app_stop_session(player_app *a);
/* A refusal or a lost host in words a participant can act on. */
void app_describe_refusal(const player_app *a, cli *c, char *out, size_t len);

/* ---- player_picker.c: the role picker and its look */
bool look_start(player_app *a, char *err, size_t err_len);
void look_stop(player_app *a);
/* The look's LOBBY once it knows the game's roles and seats, else NULL. */
const cli_lobby *look_lobby_ready(const player_app *a);
void picker_click(player_app *a, int id, int arg);
/* Up/Down: the previous/next free seat. */
void picker_step(player_app *a, int dir);
void picker_back_to_form(player_app *a);
/* Keeps the picked choice honest against the look's latest LOBBY. */
void picker_sync(player_app *a);
void picker_draw_app(player_app *a, const cli_lobby *l);

/* ---- player_form.c: the join form */
void form_submit(player_app *a);
void form_click(player_app *a, int id, int arg);
void form_draw_app(player_app *a);

/* ---- player_input.c: events and the keyboard focus */
void input_handle(player_app *a, const SDL_Event *e);
void input_draw_focus(player_app *a);
/* The control the keyboard focus is on, when it is shown and still there. */
const ui_hit *input_focused_hit(const player_app *a);

#endif
