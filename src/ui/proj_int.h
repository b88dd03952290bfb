/*
 * ui/proj_int: what the projector's source files (proj, proj_lobby,
 * proj_table, proj_frictions, proj_debrief, proj_overlays) share; not for
 * other screens.
 */
#ifndef SAMENSPEL_UI_PROJ_INT_H
#define SAMENSPEL_UI_PROJ_INT_H

#include "ui/screens.h"

/* Type scale in design units (1080 high). */
#define T_HUGE 190.0f
#define T_H1 52.0f
#define T_H2 36.0f
#define T_BODY 28.0f
#define T_LABEL 26.0f

int proj_popcount32(uint32_t v);
/* A font size in design units, never below the readable body minimum. */
int proj_fpx(ui_gfx *g, float units);
/* The player's name on seat s, else the seat's role name ("?" when none). */
const char *proj_seat_name(const ui_proj_model *m, int s);
const char *proj_role_name(const core_scenario *sc, int role);
/* One person carries too much of the team's contributions. */
bool proj_centrality_alarm(const ui_proj_model *m);
/* The space inside a panel's edge (less on a narrow screen). */
int proj_panel_pad(const ui_gfx *g);
/* The content rectangle below a panel's heading (drawing nothing). */
SDL_Rect proj_panel_content(ui_gfx *g, SDL_Rect r);
/* A panel with a heading; returns the content rectangle below it. */
SDL_Rect proj_panel_with_title(ui_gfx *g, SDL_Rect r, const char *title);
/* title, or short_title where title would end in "…" in panel r (4:3). */
const char *proj_panel_title(ui_gfx *g, SDL_Rect r, const char *title, const char *short_title);
/* The same with a short title for a narrow panel (4:3), used when the
 * whole title would end in "…". */
SDL_Rect proj_panel_with_titles(ui_gfx *g, SDL_Rect r, const char *title, const char *short_title);
/* The accent bar at the top: the game's title and a centred line. */
void proj_topbar(ui_gfx *g, const ui_proj_model *m, const char *center);

/* The QR code of text in r; false when it could not be made. */
bool proj_draw_qr(ui_gfx *g, const char *text, SDL_Rect r);

/* The screens, without background (the table draws its own). */
void proj_draw_lobby(ui_gfx *g, const ui_proj_model *m);
void proj_draw_table(ui_gfx *g, const ui_proj_model *m);
void proj_draw_debrief(ui_gfx *g, const ui_proj_model *m);
/* The end screen (proj_debrief.c), drawn by the table at CORE_PHASE_END. */
void proj_draw_end(ui_gfx *g, const ui_proj_model *m);

/* The words of spanning f's afspraak (the level's option or the team's own). */
const char *proj_afspraak_text(const core_scenario *sc, const core_afspraak *a, int f);
/* the spanningen panel (proj_frictions.c), and the design units its open
 * spanningen take in a panel w units wide */
void proj_draw_frictions(ui_gfx *g, const ui_proj_model *m, SDL_Rect r);
float proj_frictions_height(ui_gfx *g, const ui_proj_model *m, float w_units);
/* "+ N ..." beside the heading of panel r ("+N" when the words do not fit);
 * whether one fits, drawn only when draw */
bool proj_more_beside_heading(ui_gfx *g, SDL_Rect r, const char *heading, const char *more,
                              const char *plus, bool draw);

/* The team's network panel (the table's, again in the debrief). */
void proj_draw_network_panel(ui_gfx *g, const ui_proj_model *m, SDL_Rect r);

/* What the table's middle column shows in Signaal and Reflectie
 * (proj_overlays.c), in r. */
void proj_draw_signal(ui_gfx *g, const ui_proj_model *m, SDL_Rect r);
void proj_draw_reflection(ui_gfx *g, const ui_proj_model *m, SDL_Rect r);
/* The overlays. */
void proj_draw_reveal(ui_gfx *g, const ui_proj_model *m);
void proj_draw_help(ui_gfx *g);
void proj_draw_seat_menu(ui_gfx *g, const ui_proj_model *m);
void proj_draw_trainer_menu(ui_gfx *g, const ui_proj_model *m);

#endif
