/* ui/player_draw_int: what the player screen's drawing files share
 * (player.c: the table; player_overlays.c: the cards that open over it). */
#ifndef SAMENSPEL_UI_PLAYER_DRAW_INT_H
#define SAMENSPEL_UI_PLAYER_DRAW_INT_H

#include "ui/screens.h"

#include <stdbool.h>
#include <stddef.h>

/* text sizes in design units (1080 lines) */
#define P_H2 34.0f
#define P_BODY 27.0f
#define P_SMALL 24.0f

int player_fpx(ui_gfx *g, float units);
const char *player_role_name(const core_scenario *sc, int role);
const char *player_seat_label(const ui_player_model *m, int s);
bool player_talk_phase(const core_public_view *p);
void player_cost_label(char *out, size_t n, const ui_player_model *m, const char *label, int cost);
bool player_role_involved(const core_scenario *sc, int friction, int role);
const char *player_afspraak_words(const core_scenario *sc, int f, const core_afspraak *a);
void player_seat_names(const ui_player_model *m, uint32_t bits, char *out, size_t cap);
SDL_Rect player_title_panel(ui_gfx *g, SDL_Rect r, const char *title);
int player_panel_height(ui_gfx *g, int content_h);
bool player_can_commit(const ui_player_model *m);
bool player_role_consents(const core_scenario *sc, int role);

/* player_role.c */
void player_role_card(ui_gfx *g, const ui_player_model *m, SDL_Rect r, bool tabbed);
/* the role card's height at width w with every text whole: the T over
 * the limits, or (side) the limits beside its bar down; the dossier's
 * least height, for its tallest fact */
int player_role_card_height(ui_gfx *g, const ui_player_model *m, int w, bool side);
int player_dossier_min_height(ui_gfx *g, const ui_player_model *m, int w);
void player_dossier(ui_gfx *g, const ui_player_model *m, SDL_Rect r, bool tabbed);
/* a screen too low for both shows one as a tab: which (1 role, 2 dossier) */
int player_left_tab(const ui_player_model *m);

/* player_needs.c */
void player_needs(ui_gfx *g, const ui_player_model *m, SDL_Rect r);

/* player_hand.c */
/* the hand in strip (cards and the ready button); the strip's height
 * its cards need at width strip_w */
void player_hand(ui_gfx *g, const ui_player_model *m, SDL_Rect strip);
int player_hand_height(ui_gfx *g, const ui_player_model *m, int strip_w);
/* the ready button with the count or why it is greyed out, in r: beside
 * it in a row, over it in a column (at least four lines high); the
 * column's width */
void player_ready_row(ui_gfx *g, const ui_player_model *m, SDL_Rect r);
int player_ready_width(ui_gfx *g, const ui_player_model *m);
void player_reflection(ui_gfx *g, const ui_player_model *m, SDL_Rect r);

/* player_overlays.c */
void player_friction_overlay(ui_gfx *g, const ui_player_model *m);
void player_goal_overlay(ui_gfx *g, const ui_player_model *m);
void player_verdict_banner(ui_gfx *g, const ui_player_model *m);
void player_pick_seat_overlay(ui_gfx *g, const ui_player_model *m);

#endif
