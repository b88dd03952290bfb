/*
 * ui/screens: the projector screens (lobby, table, reveal, reflection, end,
 * debrief, help) and the player screen, drawn from core views only. The
 * screens know nothing about sockets: the host and client front ends fill a
 * model struct and turn the click regions the screens register into
 * actions.
 *
 * Ownership: a model points at a scenario and views owned by the caller;
 * they must outlive the draw call.
 */
#ifndef SAMENSPEL_UI_SCREENS_H
#define SAMENSPEL_UI_SCREENS_H

#include "core/core.h"
#include "ui/gfx.h"

typedef enum {
    UI_SEAT_EMPTY = 0,
    UI_SEAT_PLAYER,   /* a connected person */
    UI_SEAT_LOST,     /* the person's connection dropped; the seat waits */
    UI_SEAT_BOT
} ui_seat_conn;

typedef struct {
    char name[64];
    ui_seat_conn conn;
} ui_seat_info;

typedef enum { UI_PROJ_LOBBY = 0, UI_PROJ_TABLE, UI_PROJ_DEBRIEF } ui_proj_screen;

#define UI_DEBRIEF_STEPS 6

/* Click region ids; `arg` carries the seat, need, card, ... */
typedef enum {
    UI_ID_NONE = 0,
    /* projector / trainer */
    UI_ID_START,
    UI_ID_PAUSE,
    UI_ID_NEXT_PHASE,
    UI_ID_TIMER_TOGGLE,
    UI_ID_TIMER_EXTEND,
    UI_ID_BOTS_FILL,
    UI_ID_SEAT,            /* arg = seat: the seat menu */
    UI_ID_SEAT_BOT,        /* arg = seat */
    UI_ID_SEAT_RELEASE,    /* arg = seat */
    UI_ID_SEAT_KICK,       /* arg = seat */
    UI_ID_LANG,
    UI_ID_HELP,
    UI_ID_FULLSCREEN,
    UI_ID_HIDE_TEXT,
    UI_ID_RESTART,
    UI_ID_LOAD_LEVEL,
    UI_ID_SKIP_REVEAL,
    UI_ID_DEBRIEF,
    UI_ID_DEBRIEF_PREV,
    UI_ID_DEBRIEF_NEXT,
    UI_ID_EXPORT,
    UI_ID_CLOSE_OVERLAY,
    UI_ID_TRAINER_MENU,
    UI_ID_HIDE_LEVEL,
    /* player */
    UI_ID_CARD,            /* arg = hand slot, or CORE_MAX_HAND + innovation slot */
    UI_ID_COMMITTED,       /* arg = commitment slot: take back */
    UI_ID_NEED,            /* arg = need: commit the selected card here */
    UI_ID_FRICTION,        /* arg = friction index in the scenario: commit the selected card here */
    UI_ID_SHARE_FACT,      /* arg = fact def index */
    UI_ID_ASK,             /* arg = need */
    UI_ID_OFFER,           /* arg = need */
    UI_ID_LEAD_SELF,       /* arg = need */
    UI_ID_ACCEPT_LEAD,     /* arg = need */
    UI_ID_PICK_SEAT,       /* arg = seat (target of an ask/offer) */
    UI_ID_CANCEL,
    UI_ID_PROPOSE_GOAL,    /* arg = goal */
    UI_ID_VOTE_YES,
    UI_ID_VOTE_NO,
    UI_ID_PROMISE_ACCEPT,  /* arg = promise index */
    UI_ID_PROMISE_DECLINE, /* arg = promise index */
    UI_ID_READY,
    UI_ID_UNREADY,
    UI_ID_REFLECT_OPTION,  /* arg = option */
    UI_ID_REFLECT_TEXT,
    UI_ID_REFLECT_SEND,
    UI_ID_DROP_GOAL,       /* arg = adopted goal: propose to let it go */
    UI_ID_DOSSIER_PAGE,    /* arg = first dossier fact to show */
    /* start window / join form */
    UI_ID_START_HOST,
    UI_ID_START_JOIN,
    UI_ID_START_CHECK,
    UI_ID_LEVEL_PICK,      /* arg = level index */
    UI_ID_GAME_PICK,       /* arg = discovered game index */
    UI_ID_FIELD,           /* arg = field index */
    UI_ID_SUBMIT,
    UI_ID_BACK,
    UI_ID_COUNT
} ui_id;

typedef struct {
    const core_scenario *sc;
    const core_public_view *pub;
    const core_state *st;        /* host only (debrief picks, answers); may be NULL */
    /* host only: every round's verbeteracties [round][seat] ("" none); may be NULL */
    const char (*improvements)[CORE_MAX_SEATS][CORE_ANSWER_LEN];
    /* host only: reflection answers per round and option, counted from the
     * events this run saw (a resumed game misses the rounds before); may be NULL */
    const int (*reflection_answers)[CORE_MAX_OPTIONS];
    const int *reflection_cards; /* [round]: card shown, -1 none; with reflection_answers */
    ui_seat_info seats[CORE_MAX_SEATS];
    char room_code[16];
    char address[96];
    char join_url[160];          /* browser player "http://ip:47880/?code=ABCD"; "" = web server off */
    char other_addresses[160];   /* the host's other addresses "10.0.0.5:47880, ..." (trainer menu) */
    int observers;
    bool paused;
    bool timer_on;
    int timer_left_s;
    bool hide_player_text;       /* the trainer hid typed answers */
    bool hide_level;             /* Ctrl+M: the live level and measures are not shown during play */
    int debrief_step;            /* 0 .. UI_DEBRIEF_STEPS-1 */
    float reveal_t;              /* reveal animation 0..1; < 0: not shown */
    int reveal_gain[CORE_MAX_NEEDS];  /* resolution: points each need gained this round */
    int reveal_boundary;         /* friction that became a grenservaring, or -1 */
    bool help;
    bool can_export;
    int seat_menu;               /* seat whose trainer menu is open, or -1 */
    bool trainer_menu;           /* the trainer's button menu is open */
    bool observer;               /* drawn on an observer's laptop: no trainer controls */
    char message[1100];          /* last trainer feedback (may hold a path), may be empty */
} ui_proj_model;

void ui_proj_model_init(ui_proj_model *m);
void ui_draw_projector(ui_gfx *g, const ui_proj_model *m, ui_proj_screen screen);

typedef struct {
    const core_scenario *sc;
    const core_seat_view *view;
    ui_seat_info seats[CORE_MAX_SEATS];
    char player_name[64];
    char status[128];            /* connection state line */
    int selected;                /* selected hand slot / innovation (CORE_MAX_HAND + i), or -1 */
    int focus_need;              /* Overleg: the need the action bar is about */
    int pick_need;               /* ask/offer waiting for a seat: need, or -1 */
    bool pick_offer;             /* the pending pick is an offer (else an ask) */
    int reflect_option;          /* chosen option, or -1 */
    char reflect_text[CORE_ANSWER_LEN];
    bool editing_text;
    char message[256];           /* last rejection or confirmation */
    bool message_is_error;
    int drag_slot;               /* card being dragged, or -1 */
    int drag_x, drag_y;
    int dossier_first;           /* first dossier fact shown (the panel pages) */
    int left_tab;                /* a screen too low for both: 0 the phase's choice,
                                    1 the role card, 2 the dossier */
    bool paused;                 /* the trainer paused the game */
    int timer_left_s;            /* the trainer's phase timer, -1 when none runs */
    /* rules v2 (ids in ui/player_ids.h) */
    int open_friction;           /* spanning (def index) whose card is open, or -1 */
    int afspraak_option;         /* option picked there, -1 own words */
    char afspraak_text[CORE_ANSWER_LEN];
    bool editing_afspraak;
    bool wording_goal;           /* the team-goal card is open */
    char goal_text[CORE_ANSWER_LEN];
    uint32_t goal_needs;         /* needs linked to the worded goal */
    bool editing_goal;
    int goal_objector;           /* seat whose no stopped the last goal vote, or -1 */
    int goal_objected;           /* that goal slot, or -1 */
} ui_player_model;

void ui_player_model_init(ui_player_model *m);
void ui_draw_player(ui_gfx *g, const ui_player_model *m);

/* ---- shared pieces, also used by the start window ---------------------- */

/* Layout helpers: a rectangle in 1920x1080 design units. On a 16:10 or
 * 4:3 window the x axis is taken onto the narrower canvas (g->canvas_w), so
 * the layout uses the whole screen at the height's scale; wider than 16:9
 * it is centred. */
SDL_Rect ui_r(const ui_gfx *g, float x, float y, float w, float h);
/* Smallest text size of the current role (docs/SCREENS.md): capital
 * height 3% of the window height on the projector, 2% in the player
 * window and the trainer's own controls. */
int ui_body_min(ui_gfx *g);

void ui_draw_background(ui_gfx *g);
/* "0,42" in Dutch, "0.42" in English. */
void ui_fmt_decimal(char *out, size_t len, double v);
/* Translated names (the core gives Dutch msgids). */
const char *ui_phase_name(core_phase p);
const char *ui_level_name(core_collab_level l);
const char *ui_kind_name(core_knowledge_kind k);

/* Role chip: a coloured rounded square with the role's initials, then the
 * role name (colour never stands alone). Returns the width used. */
int ui_role_chip(ui_gfx *g, const core_scenario *sc, int role, int x, int y, int size);
/* The width ui_role_chip takes: size, or more when the initials at the
 * size rule's smallest size need it. */
int ui_role_chip_width(ui_gfx *g, const core_scenario *sc, int role, int size);
void ui_role_initials(const core_scenario *sc, int role, char out[8]);

/* The width a network of n_seats drawn h high needs so that every node
 * holds its initials at the size rule and no two nodes touch. */
int ui_network_min_width(ui_gfx *g, const core_scenario *sc, int n_seats, int h);
/* The collaboration network: seats as nodes in role colours with labels,
 * edges weighted by interactions. */
void ui_draw_network(ui_gfx *g, SDL_Rect r, const core_scenario *sc, int n_seats,
                     const uint16_t edges[CORE_MAX_SEATS][CORE_MAX_SEATS], bool alarm);
/* A labelled 0..max meter bar. */
void ui_draw_meter(ui_gfx *g, SDL_Rect r, const char *label, int value, int max,
                   SDL_Color fill, int px);
/* The four-step samenwerkingsniveau meter; false when the step labels did
 * not fit (numbers shown instead: the caller names the level). */
bool ui_draw_level_meter(ui_gfx *g, SDL_Rect r, core_collab_level level, int px);

#endif
