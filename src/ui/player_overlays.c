/* ui/player_overlays: the cards that open over the player's table (a
 * spanning with its afspraken, wording a team goal, choosing a seat) and
 * the verdict banner at the end. */
#include "ui/player_draw_int.h"
#include "ui/player_ids.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

void player_pick_seat_overlay(ui_gfx *g, const ui_player_model *m)
{
    const core_scenario *sc = m->sc;
    SDL_Rect all = {0, 0, g->w, g->h};
    ui_fill(g, all, (SDL_Color){0x10, 0x18, 0x20, 0x90});
    ui_hit_add(g, all, UI_ID_CANCEL, 0);
    SDL_Rect r = ui_r(g, 560, 180, 800, 720);
    const char *need = (m->pick_need >= 0 && m->pick_need < sc->n_needs)
                           ? sc->needs[m->pick_need].title : "?";
    char t[CORE_TITLE_LEN + 64];
    snprintf(t, sizeof t, m->pick_offer ? _("Hulp aanbieden aan wie? (%s)")
                                        : _("Wie vraag je om hulp? (%s)"), need);
    SDL_Rect c = player_title_panel(g, r, t);
    ui_hit_add(g, r, UI_ID_NONE, 0);
    int body = player_fpx(g, P_BODY);
    int hb = body * 2;
    int y = c.y;
    for (int s = 0; s < m->view->pub.n_seats && s < CORE_MAX_SEATS; s++) {
        if (s == m->view->seat)
            continue;
        char lbl[200];
        snprintf(lbl, sizeof lbl, "%s · %s", player_role_name(sc, sc->seat_roles[s]), player_seat_label(m, s));
        ui_button(g, (SDL_Rect){c.x, y, c.w, hb}, lbl, body, false, true, UI_ID_PICK_SEAT, s);
        y += hb + ui_px(g, 10);
    }
    ui_button(g, (SDL_Rect){c.x + c.w - ui_px(g, 220), c.y + c.h - hb, ui_px(g, 220), hb},
              _("Annuleren"), body, false, true, UI_ID_CANCEL, 0);
}

/* A text field; the caret shows while it is edited. */
static void text_field(ui_gfx *g, SDL_Rect field, const char *txt, bool editing, int px, int id)
{
    ui_round(g, field, ui_px(g, 8), UI_PANEL);
    ui_round_outline(g, field, ui_px(g, 8), editing ? ui_px(g, 3) : 1,
                     editing ? UI_ACCENT : UI_LINE);
    char shown[CORE_ANSWER_LEN + 8];
    snprintf(shown, sizeof shown, "%s%s", txt, editing ? "|" : "");
    SDL_Rect tb = {field.x + ui_px(g, 10), field.y + ui_px(g, 4), field.w - ui_px(g, 20),
                   field.h - ui_px(g, 8)};
    if (shown[0])
        ui_text_box(g, shown, tb, px, px * 7 / 10, UI_REGULAR, UI_INK, UI_LEFT);
    ui_hit_add(g, field, id, 0);
}

/* An overlay card over a dimmed window: a click beside it closes it. */
static SDL_Rect overlay(ui_gfx *g, SDL_Rect r, const char *title)
{
    SDL_Rect all = {0, 0, g->w, g->h};
    ui_fill(g, all, (SDL_Color){0x10, 0x18, 0x20, 0x90});
    ui_hit_add(g, all, PLAYER_ID_CLOSE, 1); /* arg 1: beside the card; 0 is its button */
    SDL_Rect c = player_title_panel(g, r, title);
    ui_hit_add(g, r, UI_ID_NONE, 0);
    return c;
}

/* The open spanning: its whole text, who is involved, and the afspraak
 * that turns it into a grenservaring (RULES.md: Afspraken). */
void player_friction_overlay(ui_gfx *g, const ui_player_model *m)
{
    const core_scenario *sc = m->sc;
    const core_public_view *p = &m->view->pub;
    int f = m->open_friction;
    const core_friction_def *fd = &sc->frictions[f];
    const core_afspraak *af = &p->afspraken[f];
    char t[CORE_TITLE_LEN + 40];
    snprintf(t, sizeof t, _("Spanning: %s"), fd->title);
    SDL_Rect c = overlay(g, ui_r(g, 460, 120, 1000, 840), t);
    int body = player_fpx(g, P_BODY), small = player_fpx(g, P_SMALL);
    int hb = small * 16 / 10, gap = ui_px(g, 8);
    int bottom = c.y + c.h - hb; /* the close button's row */
    int y = c.y;
    y += ui_text_box(g, fd->text, (SDL_Rect){c.x, y, c.w, body * 4}, body, body * 8 / 10,
                     UI_REGULAR, UI_INK, UI_LEFT) + gap;
    int chip = small * 11 / 10, x = c.x;
    int lw = 0, lh = 0;
    ui_text_size(g, _("Betrokken:"), small, UI_REGULAR, &lw, &lh);
    ui_text(g, _("Betrokken:"), x, y, small, small, UI_REGULAR, UI_INK_SOFT, UI_LEFT, 0);
    x += lw + ui_px(g, 10);
    for (int ro = 0; ro < sc->n_roles && ro < 32; ro++)
        if (player_role_involved(sc, f, ro))
            x += ui_role_chip(g, sc, ro, x, y - ui_px(g, 2), chip) + ui_px(g, 6);
    y += chip + 2 * gap;
    bool mine = player_role_involved(sc, f, m->view->role);
    if (af->made_round > 0) {
        char s[CORE_ANSWER_LEN + 96];
        snprintf(s, sizeof s, _("✓ Afspraak gemaakt in ronde %d: %s"), af->made_round,
                 player_afspraak_words(sc, f, af));
        ui_text_box(g, s, (SDL_Rect){c.x, y, c.w, bottom - y - gap}, body, body * 8 / 10,
                    UI_BOLD, UI_GOOD, UI_LEFT);
    } else if (af->proposer >= 0) {
        char s[CORE_ANSWER_LEN + 96];
        snprintf(s, sizeof s, _("Voorstel van %s: %s"), player_seat_label(m, af->proposer),
                 player_afspraak_words(sc, f, af));
        y += ui_text_box(g, s, (SDL_Rect){c.x, y, c.w, body * 3}, body, body * 8 / 10, UI_BOLD,
                         UI_INK, UI_LEFT) + gap;
        char names[256], line[320];
        player_seat_names(m, af->agreed, names, sizeof names);
        snprintf(line, sizeof line, _("akkoord: %s (nodig: %d rollen)"), names,
                 fd->required_roles);
        ui_text(g, line, c.x, y, small, small * 8 / 10, UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
        y += small * 14 / 10 + gap;
        bool agreed = (af->agreed >> (unsigned)m->view->seat) & 1u;
        bool can = mine && !agreed && !m->paused &&
                   (player_talk_phase(p) || p->phase == CORE_PHASE_INZET);
        if (mine && !agreed) {
            int bw = (c.w - ui_px(g, 10)) / 2;
            ui_button(g, (SDL_Rect){c.x, y, bw, hb}, _("Akkoord"), small, true, can,
                      PLAYER_ID_AFSPRAAK_AGREE, f);
            ui_button(g, (SDL_Rect){c.x + bw + ui_px(g, 10), y, bw, hb}, _("Bezwaar"), small,
                      false, can, PLAYER_ID_AFSPRAAK_OBJECT, f);
            y += hb + 2 * gap;
        }
    }
    if (af->made_round == 0 && !mine) {
        ui_text_box(g, _("Alleen de betrokken rollen maken hier een afspraak."),
                    (SDL_Rect){c.x, y, c.w, small * 3}, small, small * 8 / 10, UI_REGULAR,
                    UI_INK_SOFT, UI_LEFT);
    } else if (af->made_round == 0 && player_talk_phase(p) && (af->proposer != m->view->seat)) {
        /* a new proposal (it replaces an open one) */
        ui_text(g, af->proposer >= 0 ? _("Of stel iets anders voor:") : _("Stel een afspraak voor:"),
                c.x, y, small, small * 8 / 10, UI_BOLD, UI_INK, UI_LEFT, c.w);
        y += small * 14 / 10;
        for (int o = 0; o < fd->n_options && o < CORE_MAX_OPTIONS; o++) {
            if (y + hb > bottom - 2 * hb - 3 * gap)
                break;
            ui_button(g, (SDL_Rect){c.x, y, c.w, hb}, fd->options[o], small,
                      m->afspraak_option == o, true, PLAYER_ID_AFSPRAAK_OPTION, o);
            y += hb + gap;
        }
        ui_text(g, fd->n_options > 0 ? _("of in eigen woorden:") : _("In eigen woorden:"), c.x, y,
                small, small * 8 / 10, UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
        y += small * 13 / 10;
        SDL_Rect field = {c.x, y, c.w, small * 26 / 10};
        if (m->afspraak_option < 0 && !m->editing_afspraak && m->afspraak_text[0])
            ui_round_outline(g, field, ui_px(g, 8), ui_px(g, 3), UI_ACCENT);
        text_field(g, field, m->afspraak_text, m->editing_afspraak, small,
                   PLAYER_ID_AFSPRAAK_TEXT);
        y += field.h + gap;
        char lbl[96];
        player_cost_label(lbl, sizeof lbl, m, _("Afspraak voorstellen"), sc->rules.afspraak_cost);
        bool ready = m->afspraak_option >= 0 || m->afspraak_text[0];
        ui_button(g, (SDL_Rect){c.x, y, c.w * 6 / 10, hb}, lbl, small, true, ready && !m->paused,
                  PLAYER_ID_AFSPRAAK_PROPOSE, f);
    }
    ui_button(g, (SDL_Rect){c.x + c.w - ui_px(g, 220), bottom, ui_px(g, 220), hb}, _("Sluiten"),
              small, false, true, PLAYER_ID_CLOSE, 0);
}

/* The team words its own goal: a short text and the needs it serves. */
void player_goal_overlay(ui_gfx *g, const ui_player_model *m)
{
    const core_scenario *sc = m->sc;
    SDL_Rect c = overlay(g, ui_r(g, 460, 150, 1000, 780), _("Eigen doel van het team"));
    int small = player_fpx(g, P_SMALL);
    int hb = small * 16 / 10, gap = ui_px(g, 8);
    int y = c.y;
    ui_text(g, _("Het doel in een zin (max. 140 tekens):"), c.x, y, small, small * 8 / 10,
            UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
    y += small * 13 / 10;
    SDL_Rect field = {c.x, y, c.w, small * 26 / 10};
    text_field(g, field, m->goal_text, m->editing_goal, small, PLAYER_ID_GOAL_TEXT);
    y += field.h + 2 * gap;
    ui_text(g, _("Voor welke noden?"), c.x, y, small, small * 8 / 10, UI_BOLD, UI_INK, UI_LEFT,
            c.w);
    y += small * 14 / 10;
    for (int n = 0; n < sc->n_needs && n < CORE_MAX_NEEDS; n++) {
        bool on = (m->goal_needs >> (unsigned)n) & 1u;
        char lbl[CORE_TITLE_LEN + 8];
        snprintf(lbl, sizeof lbl, "%s%s", on ? "✓ " : "", sc->needs[n].title);
        ui_button(g, (SDL_Rect){c.x, y, c.w, hb}, lbl, small, on, true, PLAYER_ID_GOAL_NEED, n);
        y += hb + gap;
    }
    char lbl[96];
    player_cost_label(lbl, sizeof lbl, m, _("Doel voorstellen"), sc->rules.goal_cost);
    int bottom = c.y + c.h - hb;
    ui_button(g, (SDL_Rect){c.x, bottom, c.w * 6 / 10, hb}, lbl, small, true,
              m->goal_text[0] && m->goal_needs != 0, PLAYER_ID_GOAL_SEND, 0);
    ui_button(g, (SDL_Rect){c.x + c.w - ui_px(g, 220), bottom, ui_px(g, 220), hb},
              _("Annuleren"), small, false, true, PLAYER_ID_CLOSE, 0);
}

/* The end: both outcomes in one (RULES.md), in the headless client's
 * words; a win side by side is never shown as a plain win. */
void player_verdict_banner(ui_gfx *g, const ui_player_model *m)
{
    const core_public_view *p = &m->view->pub;
    core_verdict v = core_game_verdict(p->outcome, p->live.level);
    char head[200], level[160];
    snprintf(head, sizeof head, _("Het spel is voorbij: %s"),
             v == CORE_VERDICT_TOGETHER ? _("gewonnen")
             : v == CORE_VERDICT_APART  ? _("geholpen, maar naast elkaar gewerkt")
                                        : _("verloren"));
    snprintf(level, sizeof level, _("Samenwerkingsniveau: %s"), ui_level_name(p->live.level));
    SDL_Rect r = ui_r(g, 360, 380, 1200, 190);
    SDL_Color bg = v == CORE_VERDICT_TOGETHER ? UI_GOOD : v == CORE_VERDICT_APART ? UI_WARN
                                                                                   : UI_ALARM;
    ui_round(g, (SDL_Rect){r.x, r.y + ui_px(g, 4), r.w, r.h}, ui_px(g, 16), UI_SHADOW);
    ui_round(g, r, ui_px(g, 16), bg);
    int h2 = player_fpx(g, P_H2), body = player_fpx(g, P_BODY);
    SDL_Color ink = ui_ink_on(bg);
    ui_text(g, head, r.x + r.w / 2, r.y + r.h / 2 - h2 * 13 / 10, h2, body, UI_BOLD, ink,
            UI_CENTER, r.w - ui_px(g, 32));
    ui_text(g, level, r.x + r.w / 2, r.y + r.h / 2 + ui_px(g, 6), body, body * 8 / 10,
            UI_REGULAR, ink, UI_CENTER, r.w - ui_px(g, 32));
}

