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
bool player_can_commit(const ui_player_model *m);
bool player_role_consents(const core_scenario *sc, int role);

/* player_role.c */
void player_role_card(ui_gfx *g, const ui_player_model *m, SDL_Rect r);
void player_dossier(ui_gfx *g, const ui_player_model *m, SDL_Rect r);

/* player_hand.c */
void player_hand(ui_gfx *g, const ui_player_model *m);
void player_reflection(ui_gfx *g, const ui_player_model *m, SDL_Rect r);

/* player_overlays.c */
void player_friction_overlay(ui_gfx *g, const ui_player_model *m);
void player_goal_overlay(ui_gfx *g, const ui_player_model *m);
void player_verdict_banner(ui_gfx *g, const ui_player_model *m);
void player_pick_seat_overlay(ui_gfx *g, const ui_player_model *m);

#endif
