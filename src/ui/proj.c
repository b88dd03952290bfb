/* ui/proj: the projector screens, designed at 1920x1080 design units and
 * read from the back of a classroom (body text >= 1/40 of the height). */
#include "ui/proj_int.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

void ui_proj_model_init(ui_proj_model *m)
{
    memset(m, 0, sizeof *m);
    m->reveal_t = -1.0f;
    m->reveal_boundary = -1;
    m->seat_menu = -1;
}

int proj_popcount32(uint32_t v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

int proj_fpx(ui_gfx *g, float units)
{
    int px = ui_font_px(g, units);
    int min = ui_body_min(g);
    return px < min ? min : px;
}

const char *proj_seat_name(const ui_proj_model *m, int s)
{
    if (s < 0 || s >= CORE_MAX_SEATS)
        return "?";
    if (m->seats[s].name[0])
        return m->seats[s].name;
    int role = m->sc->seat_roles[s];
    return (role >= 0 && role < m->sc->n_roles) ? m->sc->roles[role].name : "?";
}

const char *proj_role_name(const core_scenario *sc, int role)
{
    return (role >= 0 && role < sc->n_roles) ? sc->roles[role].name : "?";
}

bool proj_centrality_alarm(const ui_proj_model *m)
{
    return m->pub->live.contributions > 0 &&
           m->pub->live.centrality > m->sc->rules.centrality_alarm;
}

/* A panel with a heading; returns the content rectangle below it. */
int proj_panel_pad(const ui_gfx *g)
{
    /* a narrow screen (4:3, 16:10) gives the panels' text the room */
    return ui_px(g, g->canvas_w < 1900.0f ? 16 : 24);
}

const char *proj_panel_title(ui_gfx *g, SDL_Rect r, const char *title, const char *short_title)
{
    int tw = 0, th = 0;
    ui_text_size(g, title, proj_fpx(g, T_LABEL), UI_BOLD, &tw, &th);
    return tw > r.w - 2 * proj_panel_pad(g) ? short_title : title;
}

SDL_Rect proj_panel_with_titles(ui_gfx *g, SDL_Rect r, const char *title, const char *short_title)
{
    return proj_panel_with_title(g, r, proj_panel_title(g, r, title, short_title));
}

SDL_Rect proj_panel_content(ui_gfx *g, SDL_Rect r)
{
    int pad = proj_panel_pad(g);
    int th = proj_fpx(g, T_LABEL) * 13 / 10, top = ui_px(g, 18);
    SDL_Rect c = {r.x + pad, r.y + top + th + ui_px(g, 8), r.w - 2 * pad,
                  r.h - top - th - ui_px(g, 8) - ui_px(g, 12)};
    return c;
}

SDL_Rect proj_panel_with_title(ui_gfx *g, SDL_Rect r, const char *title)
{
    ui_panel(g, r);
    int pad = proj_panel_pad(g);
    int px = proj_fpx(g, T_LABEL);
    ui_text(g, title, r.x + pad, r.y + ui_px(g, 18), px, px, UI_BOLD, UI_ACCENT, UI_LEFT,
            r.w - 2 * pad);
    return proj_panel_content(g, r);
}

void proj_topbar(ui_gfx *g, const ui_proj_model *m, const char *center)
{
    SDL_Rect bar = ui_r(g, 0, 0, 1920, 96);
    bar.x = 0;
    bar.w = g->w;
    ui_fill(g, bar, UI_ACCENT);
    int px = proj_fpx(g, T_H2), body = proj_fpx(g, T_BODY);
    SDL_Rect brand = ui_r(g, 32, 24, 560, 50);
    SDL_Rect c = ui_r(g, 620, 26, 680, 50);
    if (center) {
        /* a narrow screen: the two texts share the whole bar by what they
         * need (the centre text first, the title at least two fifths) */
        int tw = 0, cw = 0, th = 0, gap = ui_px(g, 32);
        int avail = bar.w - 2 * brand.x - gap;
        ui_text_size(g, m->sc->title, px, UI_BOLD, &tw, &th);
        ui_text_size(g, center, body, UI_BOLD, &cw, &th);
        if (tw > brand.w || cw > c.w) {
            int title_w = tw < avail * 2 / 5 ? tw : avail * 2 / 5;
            if (cw < avail - title_w)
                title_w = avail - cw < tw ? avail - cw : tw;
            brand.w = title_w;
            c.x = brand.x + title_w + gap;
            c.w = bar.w - brand.x - c.x;
            if (cw < c.w) { /* centred in what is left */
                c.x += (c.w - cw) / 2;
                c.w = cw;
            }
        }
        ui_text(g, center, c.x + c.w / 2, c.y, body, body, UI_BOLD, UI_WHITE, UI_CENTER, c.w);
    }
    ui_text(g, m->sc->title, brand.x, brand.y, px, proj_fpx(g, T_LABEL), UI_BOLD, UI_WHITE, UI_LEFT,
            brand.w);
}

void ui_draw_projector(ui_gfx *g, const ui_proj_model *m, ui_proj_screen screen)
{
    if (!m->sc || !m->pub) {
        ui_draw_background(g);
        return;
    }
    /* everything on the projector is read from the back row (3%), except
     * the trainer's own controls, which set UI_TR_TRAINER */
    ui_text_role old_role = ui_set_text_role(g, UI_TR_BODY);
    switch (screen) {
    case UI_PROJ_LOBBY:
        ui_draw_background(g);
        proj_draw_lobby(g, m);
        break;
    case UI_PROJ_TABLE: proj_draw_table(g, m); break; /* draws its own background */
    case UI_PROJ_DEBRIEF:
        ui_draw_background(g);
        proj_draw_debrief(g, m);
        break;
    }
    if (m->paused) {
        SDL_Rect band = ui_r(g, 0, 470, 1920, 140);
        band.x = 0;
        band.w = g->w;
        ui_fill(g, band, (SDL_Color){0x1B, 0x24, 0x2C, 0xE6});
        ui_text(g, _("Gepauzeerd · spatie om verder te gaan"), g->w / 2,
                band.y + (band.h - proj_fpx(g, T_H1) * 12 / 10) / 2, proj_fpx(g, T_H1),
                proj_fpx(g, T_BODY), UI_BOLD, UI_WHITE, UI_CENTER, g->w - ui_px(g, 40));
    }
    if (m->message[0]) {
        int body = proj_fpx(g, T_BODY);
        SDL_Rect r = ui_r(g, 460, 900, 1000, 70);
        ui_round(g, r, ui_px(g, 12), UI_INK);
        ui_text(g, m->message, r.x + r.w / 2, r.y + (r.h - body * 12 / 10) / 2, body,
                ui_body_min(g), UI_BOLD, UI_WHITE, UI_CENTER, r.w - ui_px(g, 24));
    }
    ui_set_text_role(g, UI_TR_TRAINER);
    proj_draw_seat_menu(g, m);
    if (m->trainer_menu)
        proj_draw_trainer_menu(g, m);
    if (m->help)
        proj_draw_help(g);
    /* a line that ended in "…" shows its whole text under the mouse */
    ui_draw_tooltip(g, -1, -1);
    ui_set_text_role(g, old_role);
}
