/* ui/proj: the projector screens, designed at 1920x1080 design units and
 * read from the back of a classroom (body text >= 1/40 of the height). */
#include "ui/screens.h"

#include "platform/i18n.h"

#include <qrencode.h>
#include <stdio.h>
#include <string.h>

/* Type scale in design units (1080 high). */
#define T_HUGE 190.0f
#define T_H1 52.0f
#define T_H2 36.0f
#define T_BODY 28.0f
#define T_LABEL 26.0f

void ui_proj_model_init(ui_proj_model *m)
{
    memset(m, 0, sizeof *m);
    m->reveal_t = -1.0f;
    m->reveal_boundary = -1;
    m->seat_menu = -1;
}

static int popcount32(uint32_t v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

static int fpx(ui_gfx *g, float units)
{
    int px = ui_font_px(g, units);
    int min = ui_body_min(g);
    return px < min ? min : px;
}

static const char *seat_name(const ui_proj_model *m, int s)
{
    if (s < 0 || s >= CORE_MAX_SEATS)
        return "?";
    if (m->seats[s].name[0])
        return m->seats[s].name;
    int role = m->sc->seat_roles[s];
    return (role >= 0 && role < m->sc->n_roles) ? m->sc->roles[role].name : "?";
}

static const char *role_name(const core_scenario *sc, int role)
{
    return (role >= 0 && role < sc->n_roles) ? sc->roles[role].name : "?";
}

static bool centrality_alarm(const ui_proj_model *m)
{
    return m->pub->live.contributions > 0 &&
           m->pub->live.centrality > m->sc->rules.centrality_alarm;
}

/* A panel with a heading; returns the content rectangle below it. */
static SDL_Rect panel_with_title(ui_gfx *g, SDL_Rect r, const char *title)
{
    ui_panel(g, r);
    int pad = ui_px(g, 24);
    int px = fpx(g, T_LABEL);
    ui_text(g, title, r.x + pad, r.y + pad * 3 / 4, px, px, UI_BOLD, UI_ACCENT, UI_LEFT,
            r.w - 2 * pad);
    int th = px * 13 / 10;
    SDL_Rect c = {r.x + pad, r.y + pad * 3 / 4 + th + ui_px(g, 8), r.w - 2 * pad,
                  r.h - pad * 3 / 4 - th - ui_px(g, 8) - pad / 2};
    return c;
}

static void topbar(ui_gfx *g, const ui_proj_model *m, const char *center)
{
    SDL_Rect bar = ui_r(g, 0, 0, 1920, 96);
    bar.x = 0;
    bar.w = g->w;
    ui_fill(g, bar, UI_ACCENT);
    int px = fpx(g, T_H2);
    SDL_Rect brand = ui_r(g, 32, 24, 560, 50);
    ui_text(g, m->sc->title, brand.x, brand.y, px, fpx(g, T_LABEL), UI_BOLD, UI_WHITE, UI_LEFT,
            brand.w);
    if (center) {
        SDL_Rect c = ui_r(g, 620, 26, 680, 50);
        ui_text(g, center, c.x + c.w / 2, c.y, fpx(g, T_BODY), fpx(g, T_BODY), UI_BOLD, UI_WHITE,
                UI_CENTER, c.w);
    }
}

/* ------------------------------------------------------------------ lobby */

static const char *conn_label(ui_seat_conn c)
{
    switch (c) {
    case UI_SEAT_PLAYER: return _("verbonden");
    case UI_SEAT_LOST: return _("verbinding kwijt");
    case UI_SEAT_BOT: return _("bot");
    default: return _("vrij");
    }
}

static SDL_Color conn_colour(ui_seat_conn c)
{
    switch (c) {
    case UI_SEAT_PLAYER: return UI_GOOD;
    case UI_SEAT_LOST: return UI_ALARM;
    case UI_SEAT_BOT: return UI_ACCENT;
    default: return UI_INK_SOFT;
    }
}

static void draw_seat_rows(ui_gfx *g, const ui_proj_model *m, SDL_Rect c, bool menus)
{
    int n = m->sc->n_seats;
    int row = c.h / (n > 0 ? n : 1);
    int maxrow = ui_px(g, 78);
    if (row > maxrow)
        row = maxrow;
    int px = fpx(g, T_BODY);
    for (int s = 0; s < n; s++) {
        int y = c.y + s * row;
        int chip = row * 3 / 4;
        int role = m->sc->seat_roles[s];
        SDL_Rect rr = {c.x, y, c.w, row - ui_px(g, 6)};
        if (menus && ui_hover(g, rr))
            ui_round(g, rr, ui_px(g, 8), UI_PANEL_ALT);
        int chip_w = ui_role_chip(g, m->sc, role, c.x, y + (row - chip) / 2 - ui_px(g, 3), chip);
        int x = c.x + chip_w + ui_px(g, 16);
        int state_w = c.w * 30 / 100;
        int name_w = (c.w - chip_w - ui_px(g, 16) - state_w) / 2;
        int ty = y + (row - px * 12 / 10) / 2 - ui_px(g, 3);
        ui_text(g, role_name(m->sc, role), x, ty, px, px * 3 / 4, UI_BOLD, UI_INK, UI_LEFT,
                name_w - ui_px(g, 12));
        const char *who = m->seats[s].conn == UI_SEAT_EMPTY ? "—" : m->seats[s].name;
        if (m->seats[s].conn == UI_SEAT_BOT && !m->seats[s].name[0])
            who = _("bot");
        ui_text(g, who, x + name_w, ty, px, px * 3 / 4, UI_REGULAR, UI_INK, UI_LEFT,
                name_w - ui_px(g, 12));
        ui_circle(g, (float)(c.x + c.w - state_w + ui_px(g, 10)), (float)(ty + px * 6 / 10),
                  (float)ui_px(g, 9), conn_colour(m->seats[s].conn));
        ui_text(g, conn_label(m->seats[s].conn), c.x + c.w - state_w + ui_px(g, 28), ty, px,
                px * 3 / 4, UI_REGULAR, UI_INK_SOFT, UI_LEFT, state_w - ui_px(g, 28));
        if (menus)
            ui_hit_add(g, rr, UI_ID_SEAT, s);
    }
}

/* The browser player's URL as a QR code, dark modules on a white square
 * with the quiet zone the standard asks for (4 modules). Returns false when
 * the text cannot be encoded (nothing is drawn then). */
static bool draw_qr(ui_gfx *g, const char *text, SDL_Rect r)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q)
        return false;
    int n = q->width + 8;
    int mod = r.w / n;
    if (mod < 1) {
        QRcode_free(q);
        return false;
    }
    int side = mod * n;
    SDL_Rect box = {r.x + (r.w - side) / 2, r.y + (r.h - side) / 2, side, side};
    ui_fill(g, box, UI_WHITE);
    SDL_Color dark = {0, 0, 0, 0xFF};
    for (int y = 0; y < q->width; y++)
        for (int x = 0; x < q->width; x++)
            if (q->data[y * q->width + x] & 1)
                ui_fill(g, (SDL_Rect){box.x + (x + 4) * mod, box.y + (y + 4) * mod, mod, mod}, dark);
    QRcode_free(q);
    return true;
}

static void draw_lobby(ui_gfx *g, const ui_proj_model *m)
{
    topbar(g, m, _("Wachten op de spelers"));
    const core_scenario *sc = m->sc;
    int body = fpx(g, T_BODY);

    /* left: the scenario and the pupil */
    SDL_Rect left = ui_r(g, 32, 124, 860, 920);
    SDL_Rect c = panel_with_title(g, left, _("De leerling"));
    char head[256];
    if (sc->pupil_age > 0)
        snprintf(head, sizeof head, _("%s, %d jaar, %s"), sc->pupil_name, sc->pupil_age,
                 sc->pupil_class);
    else
        snprintf(head, sizeof head, "%s, %s", sc->pupil_name, sc->pupil_class);
    int h1 = fpx(g, T_H1);
    ui_text(g, head, c.x, c.y, h1, fpx(g, T_H2), UI_BOLD, UI_INK, UI_LEFT, c.w);
    int y = c.y + h1 * 13 / 10 + ui_px(g, 10);
    SDL_Rect pt = {c.x, y, c.w, ui_px(g, 420)};
    y += ui_text_box(g, sc->pupil_text, pt, body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT);
    y += ui_px(g, 28);
    int bh = ui_px(g, 84);
    if (sc->intro[0]) {
        SDL_Rect it = {c.x, y, c.w, c.y + c.h - y - bh - ui_px(g, 16)};
        ui_text_box(g, sc->intro, it, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT);
    }
    /* another level: the next one of levels/ and the trainer's own folder */
    if (!m->observer)
        ui_button(g, (SDL_Rect){c.x, c.y + c.h - bh, c.w, bh}, _("Ander level laden (Ctrl+O)"),
              fpx(g, T_LABEL), false, true, UI_ID_LOAD_LEVEL, 0);

    /* right top: how to join */
    SDL_Rect code = ui_r(g, 924, 124, 964, 370);
    SDL_Rect cc = panel_with_title(g, code, _("Doe mee met code"));
    int huge = ui_font_px(g, T_HUGE);
    /* With the browser player on, a QR code of its URL fills the panel's
     * right side: 280 of 1920 units is about 35 cm on a 2.4 m wide
     * projection, about 9 mm per module, readable by a phone from 5 m. */
    int tw = cc.w;
    if (m->join_url[0]) {
        int side = ui_px(g, 280);
        SDL_Rect qr = {code.x + code.w - side - ui_px(g, 20), code.y + (code.h - side) / 2, side, side};
        if (draw_qr(g, m->join_url, qr))
            tw = qr.x - cc.x - ui_px(g, 16);
    }
    ui_text(g, m->room_code[0] ? m->room_code : "----", cc.x, cc.y - ui_px(g, 10), huge,
            huge * 6 / 10, UI_BOLD, UI_INK, UI_LEFT, tw);
    char addr[200];
    snprintf(addr, sizeof addr, _("Adres van de host: %s"), m->address[0] ? m->address : "?");
    if (m->join_url[0]) {
        ui_text(g, _("Of in de browser:"), cc.x, cc.y + cc.h - body * 39 / 10,
                body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT, tw);
        /* typed without "http://" (every browser adds it); the QR has the whole URL */
        const char *shown = strncmp(m->join_url, "http://", 7) == 0 ? m->join_url + 7 : m->join_url;
        ui_text(g, shown, cc.x, cc.y + cc.h - body * 26 / 10, body, ui_body_min(g), UI_BOLD,
                UI_INK, UI_LEFT, tw);
        /* the last line runs under the QR code's bottom edge: full width */
        ui_text(g, addr, cc.x, cc.y + cc.h - body * 13 / 10, body, ui_body_min(g), UI_REGULAR,
                UI_INK_SOFT, UI_LEFT, cc.w);
    } else {
        ui_text(g, addr, cc.x, cc.y + cc.h - body * 26 / 10, body, ui_body_min(g), UI_BOLD, UI_INK,
                UI_LEFT, cc.w);
        ui_text(g, _("Start Samenspel op je laptop en kies ‘Meedoen’."), cc.x,
                cc.y + cc.h - body * 13 / 10, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT,
                cc.w);
    }

    /* right middle: seats */
    SDL_Rect seats = ui_r(g, 924, 516, 964, 400);
    char title[128];
    snprintf(title, sizeof title, _("Plaatsen · %d toeschouwers"), m->observers);
    SDL_Rect sc2 = panel_with_title(g, seats, title);
    draw_seat_rows(g, m, sc2, !m->observer);
    if (m->observer)
        return;

    /* right bottom: trainer controls */
    int bpx = fpx(g, T_LABEL);
    ui_button(g, ui_r(g, 924, 940, 300, 96), _("Start het spel"), bpx, true, true, UI_ID_START, 0);
    ui_button(g, ui_r(g, 1244, 940, 300, 96), _("Bots op vrije plaatsen"), bpx, false, true,
              UI_ID_BOTS_FILL, 0);
    ui_button(g, ui_r(g, 1564, 940, 150, 96), _("EN / NL"), bpx, false, true, UI_ID_LANG, 0);
    ui_button(g, ui_r(g, 1734, 940, 154, 96), _("Hulp"), bpx, false, true, UI_ID_HELP, 0);
}

/* ------------------------------------------------------------------ table */

/* Whether this round has an Identiteit phase: always in round 1, later
 * only when someone sat down late (the core skips it otherwise). */
static bool round_has_identiteit(const ui_proj_model *m)
{
    if (m->pub->round <= 1 || m->pub->phase == CORE_PHASE_IDENTITEIT)
        return true;
    return m->pub->phase == CORE_PHASE_SIGNAAL && m->st && m->st->newcomers;
}

static void phase_stepper(ui_gfx *g, const ui_proj_model *m)
{
    static const core_phase all[] = {CORE_PHASE_SIGNAAL, CORE_PHASE_IDENTITEIT,
                                     CORE_PHASE_OVERLEG, CORE_PHASE_INZET,
                                     CORE_PHASE_UITVOERING, CORE_PHASE_REFLECTIE};
    core_phase steps[6];
    int n = 0;
    for (int i = 0; i < 6; i++)
        if (all[i] != CORE_PHASE_IDENTITEIT || round_has_identiteit(m))
            steps[n++] = all[i];
    SDL_Rect area = ui_r(g, 560, 18, 820, 60);
    int gap = ui_px(g, 6);
    int w = (area.w - gap * (n - 1)) / n;
    /* one text size for every chip: the largest at which the widest
     * label fits (bold, as the current phase is drawn) */
    int px = fpx(g, 26.0f);
    int min = ui_body_min(g);
    for (; px > min; px--) {
        bool fits = true;
        for (int i = 0; i < n && fits; i++) {
            int tw = 0, th = 0;
            ui_text_size(g, ui_phase_name(steps[i]), px, UI_BOLD, &tw, &th);
            fits = tw <= w - ui_px(g, 10);
        }
        if (fits)
            break;
    }
    for (int i = 0; i < n; i++) {
        SDL_Rect s = {area.x + i * (w + gap), area.y, w, area.h};
        bool cur = m->pub->phase == steps[i];
        bool done = m->pub->phase > steps[i] && m->pub->phase != CORE_PHASE_END;
        SDL_Color bg = cur ? UI_WHITE : (SDL_Color){0x1E, 0x66, 0x84, 0xFF};
        ui_round(g, s, s.h / 2, bg);
        SDL_Color ink = cur ? UI_ACCENT : (done ? (SDL_Color){0xD6, 0xE6, 0xEC, 0xFF} : UI_WHITE);
        int tw = 0, th = 0;
        ui_text_size(g, ui_phase_name(steps[i]), px, UI_BOLD, &tw, &th);
        ui_text(g, ui_phase_name(steps[i]), s.x + s.w / 2, s.y + (s.h - th) / 2, px, px,
                cur ? UI_BOLD : UI_REGULAR, ink, UI_CENTER, s.w - ui_px(g, 10));
    }
}

/* The table's top bar in three pieces side by side, so that the ticking
 * timer and the hover of the menu button redraw only their own piece:
 * [0, x_round) title and phases, [x_round, x_menu) round and timer,
 * [x_menu, w) the trainer's menu button. Each piece paints its own part of
 * the bar. */
static SDL_Rect topbar_piece(const ui_gfx *g, int piece)
{
    SDL_Rect bar = ui_r(g, 0, 0, 1920, 96);
    int x_round = ui_r(g, 1385, 0, 0, 0).x;
    int x_menu = ui_r(g, 1828, 0, 0, 0).x;
    int x0 = piece == 0 ? 0 : piece == 1 ? x_round : x_menu;
    int x1 = piece == 0 ? x_round : piece == 1 ? x_menu : g->w;
    SDL_Rect r = {x0, bar.y, x1 - x0, bar.h};
    return r;
}

static void table_topbar_main(ui_gfx *g, const ui_proj_model *m)
{
    ui_fill(g, topbar_piece(g, 0), UI_ACCENT);
    int px = fpx(g, T_H2);
    SDL_Rect brand = ui_r(g, 32, 24, 560, 50);
    ui_text(g, m->sc->title, brand.x, brand.y, px, fpx(g, T_LABEL), UI_BOLD, UI_WHITE, UI_LEFT,
            brand.w);
    phase_stepper(g, m);
}

static void table_topbar_round(ui_gfx *g, const ui_proj_model *m)
{
    ui_fill(g, topbar_piece(g, 1), UI_ACCENT);
    char round[96];
    int rounds = m->sc->rules.rounds;
    snprintf(round, sizeof round, _("Ronde %d van %d"), m->pub->round, rounds);
    SDL_Rect r = ui_r(g, 1390, 0, 430, 96);
    int right = r.x + r.w;
    if (m->timer_on) {
        /* the timer large (body size of the back row), the round beside it */
        char t[32];
        snprintf(t, sizeof t, "%d:%02d", m->timer_left_s / 60, m->timer_left_s % 60);
        ui_set_text_role(g, UI_TR_BODY);
        int big = fpx(g, T_H1);
        int tw = 0, th = 0;
        ui_text_size(g, t, big, UI_BOLD, &tw, &th);
        ui_text(g, t, right, r.y + (r.h - th) / 2, big, big, UI_BOLD,
                m->timer_left_s < 60 ? (SDL_Color){0xFF, 0xC8, 0x6B, 0xFF} : UI_WHITE, UI_RIGHT,
                r.w / 2);
        ui_set_text_role(g, UI_TR_READ);
        right -= tw + ui_px(g, 16);
    }
    int px = fpx(g, T_BODY);
    ui_text(g, round, right, r.y + (r.h - px * 12 / 10) / 2, px, px, UI_BOLD, UI_WHITE, UI_RIGHT,
            right - r.x);
}

static void table_topbar_menu(ui_gfx *g, const ui_proj_model *m)
{
    ui_fill(g, topbar_piece(g, 2), UI_ACCENT);
    if (m->observer)
        return;
    /* the trainer's menu: every control by mouse too */
    SDL_Rect mb = ui_r(g, 1836, 18, 64, 60);
    ui_round(g, mb, mb.h / 4, ui_hover(g, mb) ? (SDL_Color){0x1E, 0x66, 0x84, 0xFF} : UI_ACCENT);
    ui_round_outline(g, mb, mb.h / 4, ui_px(g, 2) > 0 ? ui_px(g, 2) : 1, UI_WHITE);
    for (int i = 0; i < 3; i++) {
        SDL_Rect bar = {mb.x + mb.w / 4, mb.y + mb.h * (3 + 3 * i) / 12, mb.w / 2,
                        ui_px(g, 4) > 0 ? ui_px(g, 4) : 1};
        ui_fill(g, bar, UI_WHITE);
    }
    ui_hit_add(g, mb, UI_ID_TRAINER_MENU, 0);
}

static void draw_pupil(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    SDL_Rect c = panel_with_title(g, r, _("De leerling"));
    const core_scenario *sc = m->sc;
    char head[256];
    snprintf(head, sizeof head, "%s · %s", sc->pupil_name, sc->pupil_class);
    int h2 = fpx(g, T_H2);
    ui_text(g, head, c.x, c.y, h2, fpx(g, T_BODY), UI_BOLD, UI_INK, UI_LEFT, c.w);
    int y = c.y + h2 * 14 / 10;
    int mh = (c.y + c.h - y) / 2;
    int body = fpx(g, T_BODY);
    SDL_Rect m1 = {c.x, y, c.w, mh - ui_px(g, 12)};
    int wb = m->pub->welbevinden;
    SDL_Color wfill = wb <= 2 ? UI_ALARM : wb <= 4 ? UI_WARN : UI_GOOD;
    ui_draw_meter(g, m1, _("Welbevinden"), wb, sc->rules.welbevinden_max, wfill, body);
    SDL_Rect m2 = {c.x, y + mh, c.w, mh - ui_px(g, 12)};
    int dk = m->pub->draagkracht;
    ui_draw_meter(g, m2, _("Draagkracht"), dk, sc->rules.draagkracht_max,
                  dk == 0 ? UI_ALARM : UI_ACCENT, body);
}

static void draw_frictions(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    SDL_Rect c = panel_with_title(g, r, _("Spanningen"));
    const core_scenario *sc = m->sc;
    int body = fpx(g, T_BODY);
    /* the bottom lines: boundary experiences won and the team's innovations */
    char won[320];
    int nb = m->pub->n_boundary;
    int n_inn = m->pub->n_innovations;
    const char *first = "";
    if (n_inn > 0 && m->pub->innovations[0] >= 0 && m->pub->innovations[0] < sc->n_cards)
        first = sc->cards[m->pub->innovations[0]].title;
    char bcount[96];
    snprintf(bcount, sizeof bcount,
             ngettext("%d grenservaring", "%d grenservaringen", (unsigned long)(nb < 0 ? 0 : nb)),
             nb);
    if (n_inn > 1)
        snprintf(won, sizeof won, _("%s · innovatie: %s (+%d)"), bcount, first, n_inn - 1);
    else if (n_inn == 1)
        snprintf(won, sizeof won, _("%s · innovatie: %s"), bcount, first);
    else
        snprintf(won, sizeof won, "%s", bcount);
    int won_h = ui_text_box_height(g, won, c.w, body, UI_BOLD);
    if (won_h > c.h / 2)
        won_h = c.h / 2;
    int bottom = c.y + c.h - won_h;
    int y = c.y;
    int shown = 0;
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        const core_friction_state *f = &m->pub->frictions[i];
        if (!f->active || f->friction < 0 || f->friction >= sc->n_frictions)
            continue;
        const core_friction_def *d = &sc->frictions[f->friction];
        int tw = c.w - ui_px(g, 30);
        int th = ui_text_box_height(g, d->title, tw, body, UI_BOLD);
        if (th > body * 27 / 10)
            th = body * 27 / 10;
        int need = th + body * 12 / 10 + ui_px(g, 22);
        if (y + need > bottom) {
            char more[64];
            snprintf(more, sizeof more, _("+ %d meer"), m->pub->n_frictions_out - i);
            ui_text(g, more, c.x, y, body, body, UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
            break;
        }
        SDL_Rect card = {c.x, y, c.w, need - ui_px(g, 10)};
        ui_round(g, card, ui_px(g, 10), (SDL_Color){0xFB, 0xEE, 0xE6, 0xFF});
        SDL_Rect bar = {c.x, y, ui_px(g, 8), card.h};
        ui_fill(g, bar, UI_WARN);
        ui_text_box(g, d->title, (SDL_Rect){c.x + ui_px(g, 20), y + ui_px(g, 6), tw, th}, body,
                    ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT);
        /* involved roles as chips, severity in words */
        int cx = c.x + ui_px(g, 20);
        int chip = body;
        int cy = y + ui_px(g, 6) + th + ui_px(g, 2);
        for (int ro = 0; ro < sc->n_roles && ro < 32; ro++)
            if (d->roles & (1u << ro)) {
                cx += ui_role_chip(g, sc, ro, cx, cy, chip) + ui_px(g, 6);
            }
        char sev[64];
        snprintf(sev, sizeof sev, _("ernst %d"), f->severity);
        ui_text(g, sev, c.x + c.w - ui_px(g, 10), cy, body, ui_body_min(g), UI_REGULAR,
                UI_ALARM, UI_RIGHT, c.w / 2);
        y += need;
        shown++;
    }
    if (shown == 0)
        ui_text_box(g, _("Geen open spanningen."), (SDL_Rect){c.x, y, c.w, body * 2}, body,
                    ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT);
    ui_text_box(g, won, (SDL_Rect){c.x, bottom, c.w, won_h}, body, ui_body_min(g), UI_BOLD,
                nb > 0 ? UI_GOOD : UI_INK_SOFT, UI_LEFT);
}

static void draw_needs(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    SDL_Rect c = panel_with_title(g, r, _("Noden van de leerling"));
    const core_scenario *sc = m->sc;
    int body = fpx(g, T_BODY);
    int n = m->pub->n_needs;
    if (n <= 0)
        return;
    int row = c.h / n;
    for (int i = 0; i < n && i < CORE_MAX_NEEDS; i++) {
        const core_need_def *d = &sc->needs[i];
        int y = c.y + i * row;
        bool met = m->pub->need_met[i];
        bool lit = m->pub->need_lit[i];
        int lead = m->pub->need_lead[i];
        char st[160];
        if (met)
            snprintf(st, sizeof st, "%s", _("✓ bereikt"));
        else if (!lit && lead >= 0 && lead < m->pub->n_seats)
            snprintf(st, sizeof st, _("in het duister · %s"), seat_name(m, lead));
        else if (!lit)
            snprintf(st, sizeof st, "%s", _("in het duister"));
        else if (lead >= 0 && lead < m->pub->n_seats)
            snprintf(st, sizeof st, _("trekker %s"), seat_name(m, lead));
        else
            st[0] = 0;
        ui_text(g, d->title, c.x, y, body, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT, c.w);
        int by = y + body * 13 / 10;
        int bh = ui_px(g, 22);
        int shown_progress = met && m->pub->need_progress[i] > d->target ? d->target
                                                                         : m->pub->need_progress[i];
        char prog[48];
        snprintf(prog, sizeof prog, "%d / %d", shown_progress, d->target);
        int pw = 0, ph = 0;
        ui_text_size(g, "00 / 00", body, UI_BOLD, &pw, &ph);
        int barw = c.w * 42 / 100; /* same for every need, so the numbers line up */
        SDL_Rect bar = {c.x, by + (ph - bh) / 2, barw, bh};
        ui_round(g, bar, bh / 2, UI_PANEL_ALT);
        if (d->target > 0 && shown_progress > 0) {
            int v = shown_progress > d->target ? d->target : shown_progress;
            SDL_Rect f = bar;
            f.w = (int)((long)bar.w * v / d->target);
            if (f.w < bh)
                f.w = bh;
            /* a need in the dark is grey: its progress counts half */
            ui_round(g, f, bh / 2, met ? UI_GOOD : (lit ? UI_ACCENT : UI_INK_SOFT));
        }
        int nx = bar.x + bar.w + ui_px(g, 12);
        ui_text(g, prog, nx, by, body, body, UI_BOLD, UI_INK, UI_LEFT, 0);
        if (st[0]) {
            int sx = nx + pw + ui_px(g, 16);
            ui_text(g, st, c.x + c.w, by, body, ui_body_min(g) * 8 / 10, met ? UI_BOLD : UI_REGULAR,
                    met ? UI_GOOD : UI_INK_SOFT, UI_RIGHT, c.x + c.w - sx);
        }
    }
}

static void draw_goals_and_dossier(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    SDL_Rect c = panel_with_title(g, r, _("Gedeelde doelen en gedeeld dossier"));
    const core_scenario *sc = m->sc;
    int body = fpx(g, T_BODY);
    int y = c.y;
    int ng = 0;
    for (int i = 0; i < sc->n_goals && i < CORE_MAX_GOALS; i++) {
        if (!m->pub->goal_adopted[i])
            continue;
        char s[160];
        snprintf(s, sizeof s, "◆ %s", sc->goals[i].title);
        ui_text(g, s, c.x, y, body, ui_body_min(g), UI_BOLD, UI_GOOD, UI_LEFT, c.w);
        y += body * 13 / 10;
        ng++;
    }
    if (m->pub->goal_proposal >= 0 && m->pub->goal_proposal < sc->n_goals) {
        char s[256];
        int yes = popcount32(m->pub->goal_votes_yes);
        int no = popcount32(m->pub->goal_votes_no);
        snprintf(s, sizeof s,
                 m->pub->goal_proposal_drop ? _("Stemming: ‘%s’ loslaten? %d ja, %d nee")
                                            : _("Stemming: ‘%s’? %d ja, %d nee"),
                 sc->goals[m->pub->goal_proposal].title, yes, no);
        y += ui_text_box(g, s, (SDL_Rect){c.x, y, c.w, body * 27 / 10}, body, ui_body_min(g),
                         UI_BOLD, UI_WARN, UI_LEFT);
        y += ui_px(g, 4);
        ng++;
    }
    if (ng == 0) {
        ui_text(g, _("Nog geen gedeeld doel."), c.x, y, body, ui_body_min(g), UI_REGULAR,
                UI_INK_SOFT, UI_LEFT, c.w);
        y += body * 13 / 10;
    }
    y += ui_px(g, 10);
    /* shared dossier facts: the newest first, as many as fit */
    int nf = 0;
    for (int i = 0; i < sc->n_facts && i < CORE_MAX_FACTS; i++)
        nf += m->pub->fact_shared[i] ? 1 : 0;
    if (nf == 0) {
        ui_text(g, _("Nog geen dossierfeiten gedeeld."), c.x, y, body, ui_body_min(g),
                UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
        return;
    }
    /* newest first: by the round they were shared in, then the later fact */
    int order[CORE_MAX_FACTS], no = 0;
    for (int i = 0; i < sc->n_facts && i < CORE_MAX_FACTS; i++)
        if (m->pub->fact_shared[i])
            order[no++] = i;
    for (int a = 1; a < no; a++)
        for (int b = a; b > 0; b--) {
            int x = order[b - 1], y2 = order[b];
            int rx = m->pub->fact_shared_round[x], ry = m->pub->fact_shared_round[y2];
            if (ry > rx || (ry == rx && y2 > x)) {
                order[b - 1] = y2;
                order[b] = x;
            }
        }
    int more_h = body * 13 / 10; /* room kept for the "+N" line */
    int shown = 0;
    for (int k = 0; k < no; k++) {
        int i = order[k];
        const core_fact_def *f = &sc->facts[i];
        int chip = ui_role_chip_width(g, sc, f->role, body);
        int th = ui_text_box_height(g, f->text, c.w - chip - ui_px(g, 12), body, UI_REGULAR);
        int reserve = k + 1 < no ? more_h : 0;
        int avail = c.y + c.h - y - reserve;
        if (th > avail) {
            /* the newest fact is shown even in a small panel, ending in "…" */
            if (shown > 0 || avail < body * 12 / 10)
                break;
            th = avail;
        }
        ui_role_chip(g, sc, f->role, c.x, y + ui_px(g, 2), body);
        SDL_Rect tb = {c.x + chip + ui_px(g, 12), y, c.w - chip - ui_px(g, 12), th};
        ui_text_box(g, f->text, tb, body, body, UI_REGULAR, UI_INK, UI_LEFT);
        y += th + ui_px(g, 8);
        shown++;
    }
    if (shown < nf) {
        char more[64];
        snprintf(more, sizeof more, _("+ %d eerder gedeeld"), nf - shown);
        ui_text(g, more, c.x, y, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
    }
}

static void draw_network_panel(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    SDL_Rect c = panel_with_title(g, r, _("Samenwerkingsnetwerk"));
    bool alarm = centrality_alarm(m);
    int body = fpx(g, T_BODY);
    int graph_h = c.h - (body * 13 / 10) * 5 - ui_px(g, 40) - ui_px(g, 24);
    if (alarm)
        graph_h -= body * 14 / 10;
    SDL_Rect gr = {c.x, c.y, c.w, graph_h};
    ui_draw_network(g, gr, m->sc, m->pub->n_seats, m->pub->edges, alarm);
    int y = c.y + graph_h;
    if (alarm) {
        SDL_Rect ab = {c.x, y, c.w, body * 13 / 10};
        ui_round(g, ab, ui_px(g, 8), UI_ALARM);
        ui_text(g, _("⚠ Eén persoon trekt alles"), ab.x + ab.w / 2,
                ab.y + ui_px(g, 3), body, ui_body_min(g), UI_BOLD, UI_WHITE, UI_CENTER,
                ab.w - ui_px(g, 16));
        y += body * 14 / 10;
    }
    const core_measures *mm = &m->pub->live;
    const char *names[4] = {_("Densiteit"), _("Centraliteit"), _("Diversiteit"),
                            _("Doelgerichtheid")};
    double vals[4] = {mm->density, mm->centrality, mm->diversity, mm->goal_directedness};
    int rowh = body * 13 / 10;
    int label_w = c.w * 50 / 100;
    for (int i = 0; i < 4; i++) {
        int yy = y + i * rowh;
        ui_text(g, names[i], c.x, yy, body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT,
                label_w);
        char v[32];
        ui_fmt_decimal(v, sizeof v, vals[i]);
        int vw = 0, vh = 0;
        ui_text_size(g, "0,00", body, UI_BOLD, &vw, &vh);
        ui_text(g, v, c.x + c.w, yy, body, body, UI_BOLD, UI_INK, UI_RIGHT, 0);
        int bx = c.x + label_w + ui_px(g, 8);
        int bw = c.w - label_w - vw - ui_px(g, 24);
        SDL_Rect bar = {bx, yy + body / 4, bw, body / 2};
        ui_round(g, bar, bar.h / 2, UI_PANEL_ALT);
        double v01 = vals[i] < 0 ? 0 : vals[i] > 1 ? 1 : vals[i];
        SDL_Rect f = bar;
        f.w = (int)(bw * v01);
        if (f.w > 0) {
            if (f.w < bar.h)
                f.w = bar.h;
            ui_round(g, f, bar.h / 2, (i == 1 && alarm) ? UI_ALARM : UI_ACCENT);
        }
    }
    y += rowh * 4 + ui_px(g, 10);
    char lv[128];
    snprintf(lv, sizeof lv, _("Niveau: %s"), ui_level_name(mm->level));
    ui_text(g, lv, c.x, y, body, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT, c.w);
    y += body * 13 / 10;
    SDL_Rect lm = {c.x, y, c.w, c.y + c.h - y};
    if (lm.h > ui_px(g, 40))
        lm.h = ui_px(g, 40);
    ui_draw_level_meter(g, lm, mm->level, body);
}

static void draw_seat_strip(ui_gfx *g, const ui_proj_model *m)
{
    SDL_Rect strip = ui_r(g, 32, 990, 1856, 80);
    int n = m->pub->n_seats;
    if (n <= 0)
        return;
    int gap = ui_px(g, 10);
    int w = (strip.w - gap * (n - 1)) / n;
    int px = fpx(g, 24.0f) * 9 / 10;
    if (px < ui_body_min(g) * 8 / 10)
        px = ui_body_min(g) * 8 / 10;
    for (int s = 0; s < n; s++) {
        SDL_Rect cell = {strip.x + s * (w + gap), strip.y, w, strip.h};
        ui_round(g, cell, ui_px(g, 12), UI_PANEL);
        /* with seven or eight seats the chip shrinks to leave the name room */
        int chip = n > 6 ? cell.h * 45 / 100 : cell.h - ui_px(g, 20);
        int role = m->sc->seat_roles[s];
        int chip_w =
            ui_role_chip(g, m->sc, role, cell.x + ui_px(g, 8), cell.y + (cell.h - chip) / 2, chip);
        int x = cell.x + chip_w + ui_px(g, n > 6 ? 14 : 20);
        int tw = cell.x + cell.w - x - ui_px(g, 8);
        bool ready = m->pub->seat_ready[s];
        bool reflected = m->pub->phase == CORE_PHASE_REFLECTIE && m->pub->seat_reflected[s];
        /* eight seats on a 1280x720 projector leave ~100 px per name */
        int minpx = n > 6 ? px * 55 / 100 : n > 4 ? px * 6 / 10 : px * 3 / 4;
        ui_text(g, role_name(m->sc, role), x, cell.y + ui_px(g, 6), px, minpx, UI_BOLD,
                UI_INK, UI_LEFT, tw);
        char line[128];
        const char *who = m->seats[s].conn == UI_SEAT_EMPTY ? _("vrij") : seat_name(m, s);
        /* Identiteit came back for this newcomer: the table sees who presents */
        bool newcomer = m->st && m->pub->phase == CORE_PHASE_IDENTITEIT &&
                        (m->st->newcomers & (1u << s)) && !ready;
        if (m->seats[s].conn == UI_SEAT_LOST)
            snprintf(line, sizeof line, "%s · %s", who, _("weg"));
        else if (newcomer)
            snprintf(line, sizeof line, _("nieuw: %s"), who);
        else if (ready || reflected)
            snprintf(line, sizeof line, "✓ %s", who);
        else
            snprintf(line, sizeof line, "%s", who);
        SDL_Color ink = m->seats[s].conn == UI_SEAT_LOST ? UI_ALARM
                        : (ready || reflected)           ? UI_GOOD
                        : newcomer                       ? UI_ACCENT
                                                         : UI_INK_SOFT;
        ui_text(g, line, x, cell.y + ui_px(g, 6) + px * 12 / 10, px, minpx,
                (ready || reflected || newcomer) ? UI_BOLD : UI_REGULAR, ink, UI_LEFT, tw);
        if (!m->observer)
            ui_hit_add(g, cell, UI_ID_SEAT, s);
    }
}

/* Signaal: the friction of this round (and the level's scripted event). */
static void draw_signal_overlay(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    int last = -1;
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++)
        if (m->pub->frictions[i].active)
            last = i;
    ui_panel(g, r);
    SDL_Rect band = {r.x, r.y, r.w, ui_px(g, 14)};
    ui_round(g, band, ui_px(g, 7), UI_WARN);
    int pad = ui_px(g, 28);
    int body = fpx(g, T_BODY);
    int y = r.y + pad;
    ui_text(g, _("Signaal"), r.x + pad, y, body, body, UI_BOLD, UI_WARN, UI_LEFT, r.w - 2 * pad);
    y += body * 14 / 10;
    /* the signal is what the room reads now: large, in the back row's
     * body size (3% capital height), in the space the panel has */
    ui_text_role old = ui_set_text_role(g, UI_TR_BODY);
    int big = ui_rule_px(g, UI_TR_BODY);
    if (last >= 0) {
        const core_friction_def *d = &sc->frictions[m->pub->frictions[last].friction];
        int hh = fpx(g, T_H1) * 13 / 10;
        if (hh < big)
            hh = big;
        SDL_Rect hb = {r.x + pad, y, r.w - 2 * pad, r.h * 30 / 100};
        y += ui_text_box(g, d->title, hb, hh, big, UI_BOLD, UI_INK, UI_LEFT);
        y += ui_px(g, 20);
        SDL_Rect tb = {r.x + pad, y, r.w - 2 * pad, r.h * 78 / 100 - (y - r.y)};
        y += ui_text_box(g, d->text, tb, big, big, UI_REGULAR, UI_INK, UI_LEFT);
        y += ui_px(g, 24);
    }
    ui_set_text_role(g, old);
    for (int e = 0; e < sc->n_events && e < CORE_MAX_EVENTS_SCRIPTED; e++) {
        if (sc->events[e].round != m->pub->round)
            continue;
        ui_text(g, sc->events[e].title, r.x + pad, y, body, ui_body_min(g), UI_BOLD, UI_ACCENT,
                UI_LEFT, r.w - 2 * pad);
        y += body * 13 / 10;
        SDL_Rect tb = {r.x + pad, y, r.w - 2 * pad, r.y + r.h - pad - y};
        y += ui_text_box(g, sc->events[e].text, tb, body, ui_body_min(g), UI_REGULAR, UI_INK,
                         UI_LEFT);
        break;
    }
}

static void draw_reflection_overlay(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    ui_panel(g, r);
    SDL_Rect band = {r.x, r.y, r.w, ui_px(g, 14)};
    ui_round(g, band, ui_px(g, 7), UI_GOOD);
    int pad = ui_px(g, 28);
    int h2 = fpx(g, T_H2), body = fpx(g, T_BODY);
    int y = r.y + pad;
    int rc = m->pub->reflection_card;
    ui_text(g, _("Reflectie"), r.x + pad, y, body, body, UI_BOLD, UI_GOOD, UI_LEFT, r.w - 2 * pad);
    y += body * 14 / 10;
    if (rc < 0 || rc >= sc->n_reflections) {
        ui_text(g, _("De reflectiekaart volgt."), r.x + pad, y, body, body, UI_REGULAR, UI_INK,
                UI_LEFT, r.w - 2 * pad);
        return;
    }
    const core_reflection_def *d = &sc->reflections[rc];
    SDL_Rect qb = {r.x + pad, y, r.w - 2 * pad, r.h * 45 / 100};
    y += ui_text_box(g, d->question, qb, h2, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT);
    y += ui_px(g, 20);
    for (int o = 0; o < d->n_options && o < CORE_MAX_OPTIONS; o++) {
        char s[CORE_TITLE_LEN + 8];
        snprintf(s, sizeof s, "%c  %s", 'A' + o, d->options[o]);
        ui_text(g, s, r.x + pad, y, body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT,
                r.w - 2 * pad);
        y += body * 13 / 10;
    }
    int answered = 0;
    for (int s = 0; s < m->pub->n_seats; s++)
        answered += m->pub->seat_reflected[s] ? 1 : 0;
    char a[96];
    snprintf(a, sizeof a, _("%d van %d spelers antwoordden"), answered, m->pub->n_seats);
    ui_text(g, a, r.x + pad, r.y + r.h - pad - body, body, body, UI_BOLD, UI_INK_SOFT, UI_LEFT,
            r.w - 2 * pad);
}

static void dim(ui_gfx *g)
{
    ui_dim(g, (SDL_Color){0x10, 0x18, 0x20, 0xA0});
}

/* A commitment's target as the rules store it: a need or a spanning, each
 * by its index in the scenario. */
static const char *target_name(const core_scenario *sc, int kind, int target)
{
    if (kind == 0)
        return (target >= 0 && target < sc->n_needs) ? sc->needs[target].title : "?";
    if (kind == 1)
        return (target >= 0 && target < sc->n_frictions) ? sc->frictions[target].title : "?";
    return "?";
}

/* The simultaneous reveal: seat after seat, with what each committed. */
static void draw_reveal(ui_gfx *g, const ui_proj_model *m)
{
    dim(g);
    const core_scenario *sc = m->sc;
    SDL_Rect r = ui_r(g, 180, 120, 1560, 840);
    ui_panel(g, r);
    int pad = ui_px(g, 32);
    int h1 = fpx(g, T_H1), body = fpx(g, T_BODY);
    ui_text(g, _("Alle inzet tegelijk open"), r.x + pad, r.y + pad, h1, fpx(g, T_H2), UI_BOLD,
            UI_INK, UI_LEFT, r.w - 2 * pad);
    int n = m->pub->n_seats;
    int top = r.y + pad + h1 * 14 / 10;
    int bottom = r.y + r.h - pad - ui_px(g, 80);
    /* the resolution: what the commitments did, shown in the last part */
    char result[512] = "";
    for (int i = 0; i < m->pub->n_needs && i < CORE_MAX_NEEDS; i++) {
        if (m->reveal_gain[i] <= 0)
            continue;
        char part[160];
        snprintf(part, sizeof part, "%s%s +%d", result[0] ? " · " : "", sc->needs[i].title,
                 m->reveal_gain[i]);
        if (strlen(result) + strlen(part) < sizeof result)
            strcat(result, part);
    }
    if (m->reveal_boundary >= 0 && m->reveal_boundary < sc->n_frictions) {
        char part[200];
        snprintf(part, sizeof part, _("%sgrenservaring: %s"), result[0] ? " · " : "",
                 sc->frictions[m->reveal_boundary].title);
        if (strlen(result) + strlen(part) < sizeof result)
            strcat(result, part);
    }
    int result_h = 0;
    if (result[0]) {
        result_h = ui_text_box_height(g, result, r.w - 2 * pad - ui_px(g, 360), body, UI_BOLD);
        if (result_h > body * 27 / 10)
            result_h = body * 27 / 10;
        bottom -= result_h + ui_px(g, 12);
    }
    int row = n > 0 ? (bottom - top) / n : 0;
    float t = m->reveal_t < 0 ? 1.0f : m->reveal_t;
    for (int s = 0; s < n; s++) {
        /* each seat appears in turn; the last fifth of the time holds */
        float appear = (float)s / (float)n * 0.8f;
        if (t < appear)
            break;
        int y = top + s * row;
        int role = sc->seat_roles[s];
        int chip = row * 8 / 10;
        if (chip > ui_px(g, 56))
            chip = ui_px(g, 56);
        int x = r.x + pad + ui_role_chip(g, sc, role, r.x + pad, y, chip) + ui_px(g, 16);
        ui_text(g, seat_name(m, s), x, y + (chip - body) / 2 - ui_px(g, 2), body, ui_body_min(g),
                UI_BOLD, UI_INK, UI_LEFT, ui_px(g, 300));
        x += ui_px(g, 320);
        int cards = m->pub->revealed_n[s];
        if (cards <= 0) {
            ui_text(g, _("geen inzet"), x, y + (chip - body) / 2 - ui_px(g, 2), body, body,
                    UI_REGULAR, UI_INK_SOFT, UI_LEFT, 0);
            continue;
        }
        int cw = (r.x + r.w - pad - x) / (cards > 0 ? cards : 1) - ui_px(g, 12);
        for (int k = 0; k < cards && k < CORE_MAX_COMMIT; k++) {
            const core_commitment *cm = &m->pub->revealed_commits[s][k];
            const char *title = (cm->card >= 0 && cm->card < sc->n_cards)
                                    ? sc->cards[cm->card].title : "?";
            SDL_Rect card = {x + k * (cw + ui_px(g, 12)), y, cw, row - ui_px(g, 10)};
            ui_round(g, card, ui_px(g, 10), UI_PANEL_ALT);
            char s2[256];
            snprintf(s2, sizeof s2, "%s → %s", title,
                     target_name(sc, cm->target_kind, cm->target));
            SDL_Rect tb = {card.x + ui_px(g, 12), card.y + ui_px(g, 4), card.w - ui_px(g, 24),
                           card.h - ui_px(g, 8)};
            ui_text_box(g, s2, tb, body, ui_body_min(g) * 9 / 10, UI_REGULAR, UI_INK, UI_LEFT);
        }
    }
    if (result[0] && t >= 0.8f)
        ui_text_box(g, result,
                    (SDL_Rect){r.x + pad, bottom + ui_px(g, 6), r.w - 2 * pad - ui_px(g, 360),
                               result_h},
                    body, ui_body_min(g), UI_BOLD, UI_GOOD, UI_LEFT);
    ui_button(g, ui_r(g, 1400, 870, 300, 72), _("Verder (spatie)"), fpx(g, T_LABEL), true, true,
              UI_ID_SKIP_REVEAL, 0);
}

static void draw_end(ui_gfx *g, const ui_proj_model *m)
{
    topbar(g, m, _("Einde van het schooljaar"));
    SDL_Rect r = ui_r(g, 260, 180, 1400, 720);
    ui_panel(g, r);
    int pad = ui_px(g, 48);
    int huge = ui_font_px(g, 96), h2 = fpx(g, T_H2), body = fpx(g, T_BODY);
    bool won = m->pub->outcome == CORE_OUTCOME_WON;
    char head[200];
    if (won)
        snprintf(head, sizeof head, _("%s is goed ondersteund"), m->sc->pupil_name);
    else
        snprintf(head, sizeof head, _("%s had meer nodig"), m->sc->pupil_name);
    ui_text(g, head, r.x + r.w / 2, r.y + pad, huge, h2, UI_BOLD, won ? UI_GOOD : UI_ALARM,
            UI_CENTER, r.w - 2 * pad);
    int met = 0;
    for (int i = 0; i < m->pub->n_needs && i < CORE_MAX_NEEDS; i++)
        met += m->pub->need_met[i] ? 1 : 0;
    char line[200];
    snprintf(line, sizeof line, _("%d van %d noden bereikt · welbevinden %d"), met,
             m->pub->n_needs, m->pub->welbevinden);
    int y = r.y + pad + huge * 14 / 10;
    ui_text(g, line, r.x + r.w / 2, y, h2, body, UI_REGULAR, UI_INK, UI_CENTER, r.w - 2 * pad);
    y += h2 * 2;
    ui_text(g, _("Samenwerkingsniveau van het team"), r.x + r.w / 2, y, body, body, UI_BOLD,
            UI_INK_SOFT, UI_CENTER, r.w - 2 * pad);
    y += body * 14 / 10;
    SDL_Rect lm = {r.x + pad, y, r.w - 2 * pad, ui_px(g, 90)};
    ui_draw_level_meter(g, lm, m->pub->live.level, fpx(g, T_BODY));
    ui_button(g, ui_r(g, 760, 780, 400, 90), _("Naar de nabespreking"), fpx(g, T_BODY), true,
              true, UI_ID_DEBRIEF, 0);
}

/* The table as retained regions (ui_draw_regions): each panel is drawn
 * again only when what it shows changes, so a steady frame is one copy of
 * the layer and a ticking timer redraws only its piece of the top bar. */
static void rg_topbar_main(ui_gfx *g, const void *m, SDL_Rect a)
{
    (void)a;
    table_topbar_main(g, m);
}

static void rg_topbar_round(ui_gfx *g, const void *m, SDL_Rect a)
{
    (void)a;
    table_topbar_round(g, m);
}

static void rg_topbar_menu(ui_gfx *g, const void *m, SDL_Rect a)
{
    (void)a;
    table_topbar_menu(g, m);
}

static void rg_pupil(ui_gfx *g, const void *m, SDL_Rect a) { draw_pupil(g, m, a); }
static void rg_frictions(ui_gfx *g, const void *m, SDL_Rect a) { draw_frictions(g, m, a); }
static void rg_needs(ui_gfx *g, const void *m, SDL_Rect a) { draw_needs(g, m, a); }
static void rg_goals(ui_gfx *g, const void *m, SDL_Rect a) { draw_goals_and_dossier(g, m, a); }
static void rg_signal(ui_gfx *g, const void *m, SDL_Rect a) { draw_signal_overlay(g, m, a); }
static void rg_reflection(ui_gfx *g, const void *m, SDL_Rect a)
{
    draw_reflection_overlay(g, m, a);
}
static void rg_network(ui_gfx *g, const void *m, SDL_Rect a) { draw_network_panel(g, m, a); }

static void rg_seats(ui_gfx *g, const void *m, SDL_Rect a)
{
    (void)a;
    draw_seat_strip(g, m);
}

/* A panel's region: the panel with its shadow and a margin for anti-aliased
 * edges, still clear of the neighbours (the gaps are 16 design units). fn
 * starts with ui_panel(r), whose body covers the background. */
static ui_region panel_region(const ui_gfx *g, const ui_proj_model *m, SDL_Rect r, ui_region_fn fn)
{
    int mg = ui_px(g, 6);
    ui_region rg = {{r.x - mg, r.y - mg, r.w + 2 * mg, r.h + 2 * mg}, fn, m, r,
                    ui_panel_body(g, r)};
    return rg;
}

static void draw_table(ui_gfx *g, const ui_proj_model *m)
{
    if (m->pub->phase == CORE_PHASE_END) {
        ui_draw_background(g);
        draw_end(g, m);
        return;
    }
    ui_region rg[12];
    int n = 0;
    SDL_Rect none = {0, 0, 0, 0};
    /* each piece of the bar starts with an opaque fill of itself */
    for (int i = 0; i < 3; i++) {
        static const ui_region_fn fns[3] = {rg_topbar_main, rg_topbar_round, rg_topbar_menu};
        SDL_Rect piece = topbar_piece(g, i);
        rg[n++] = (ui_region){piece, fns[i], m, none, piece};
    }
    rg[n++] = panel_region(g, m, ui_r(g, 32, 116, 540, 300), rg_pupil);
    rg[n++] = panel_region(g, m, ui_r(g, 32, 432, 540, 540), rg_frictions);
    SDL_Rect mid = ui_r(g, 592, 116, 720, 856);
    if (m->pub->phase == CORE_PHASE_SIGNAAL) {
        rg[n++] = panel_region(g, m, mid, rg_signal);
    } else if (m->pub->phase == CORE_PHASE_REFLECTIE) {
        rg[n++] = panel_region(g, m, mid, rg_reflection);
    } else {
        rg[n++] = panel_region(g, m, ui_r(g, 592, 116, 720, 524), rg_needs);
        rg[n++] = panel_region(g, m, ui_r(g, 592, 656, 720, 316), rg_goals);
    }
    rg[n++] = panel_region(g, m, ui_r(g, 1332, 116, 556, 856), rg_network);
    SDL_Rect strip = ui_r(g, 32, 990, 1856, 80);
    rg[n++] = panel_region(g, m, strip, rg_seats);
    rg[n - 1].opaque = none; /* seat cells, not a panel */
    ui_draw_regions(g, rg, n, UI_BG);
    /* the reveal stays up, fully shown at 1, until the trainer moves on */
    if (m->pub->phase == CORE_PHASE_UITVOERING && m->pub->revealed && m->reveal_t >= 0 &&
        m->reveal_t <= 1.0f)
        draw_reveal(g, m);
}

/* ---------------------------------------------------------------- debrief */

static void debrief_header(ui_gfx *g, const ui_proj_model *m)
{
    topbar(g, m, _("Nabespreking"));
    static const char *const steps[UI_DEBRIEF_STEPS] = {
        N_("1 Reacties"), N_("2 Wat gebeurde er"), N_("3 Analyse"), N_("4 Wat nu")};
    SDL_Rect area = ui_r(g, 32, 116, 1856, 70);
    int gap = ui_px(g, 10);
    int w = (area.w - gap * 3) / 4;
    int body = fpx(g, T_BODY);
    for (int i = 0; i < UI_DEBRIEF_STEPS; i++) {
        SDL_Rect s = {area.x + i * (w + gap), area.y, w, area.h};
        bool cur = m->debrief_step == i;
        ui_round(g, s, ui_px(g, 12), cur ? UI_ACCENT : UI_PANEL);
        int tw = 0, th = 0;
        ui_text_size(g, _(steps[i]), body, UI_BOLD, &tw, &th);
        ui_text(g, _(steps[i]), s.x + s.w / 2, s.y + (s.h - th) / 2, body, ui_body_min(g),
                UI_BOLD, cur ? UI_WHITE : UI_ACCENT, UI_CENTER, s.w - ui_px(g, 16));
    }
    int bpx = fpx(g, T_LABEL);
    ui_button(g, ui_r(g, 32, 990, 260, 76), _("← Vorige"), bpx, false, m->debrief_step > 0,
              UI_ID_DEBRIEF_PREV, 0);
    ui_button(g, ui_r(g, 1628, 990, 260, 76), _("Volgende →"), bpx, true,
              m->debrief_step < UI_DEBRIEF_STEPS - 1, UI_ID_DEBRIEF_NEXT, 0);
    if (m->can_export) {
        ui_button(g, ui_r(g, 560, 990, 390, 76), _("Verslag exporteren"), bpx, false, true,
                  UI_ID_EXPORT, 0);
        ui_button(g, ui_r(g, 970, 990, 390, 76), _("Anoniem (rollen)"), bpx, false, true,
                  UI_ID_EXPORT, 1);
    }
}

static void debrief_reactions(ui_gfx *g, const ui_proj_model *m)
{
    SDL_Rect r = ui_r(g, 32, 206, 1856, 764);
    SDL_Rect c = panel_with_title(g, r, _("Reacties: hoe was het?"));
    int h1 = fpx(g, T_H1), body = fpx(g, T_BODY);
    const char *qs[3] = {_("Hoe voelde het om samen rond deze leerling te werken?"),
                         _("Wat verraste je aan de andere rollen?"),
                         _("Op welk moment werkte het team echt samen, en wanneer naast elkaar?")};
    int y = c.y + ui_px(g, 20);
    for (int i = 0; i < 3; i++) {
        SDL_Rect q = {c.x, y, c.w, h1 * 28 / 10};
        y += ui_text_box(g, qs[i], q, h1, fpx(g, T_H2), UI_BOLD, UI_INK, UI_LEFT);
        y += ui_px(g, 40);
    }
    char line[200];
    snprintf(line, sizeof line, _("Uitkomst: %s · niveau %s"),
             m->pub->outcome == CORE_OUTCOME_WON    ? _("gewonnen")
             : m->pub->outcome == CORE_OUTCOME_LOST ? _("verloren")
                                                    : _("nog bezig"),
             ui_level_name(m->pub->live.level));
    ui_text(g, line, c.x, c.y + c.h - body * 13 / 10, body, body, UI_BOLD, UI_INK_SOFT, UI_LEFT,
            c.w);
}

static void debrief_timeline(ui_gfx *g, const ui_proj_model *m)
{
    SDL_Rect r = ui_r(g, 32, 206, 1856, 764);
    SDL_Rect c = panel_with_title(g, r, _("Wat gebeurde er, ronde per ronde"));
    int body = fpx(g, T_BODY);
    const char *cols[6] = {_("Ronde"), _("Niveau"), _("Bijdragen"), _("Samen"),
                           _("Beloften"), _("Reflectief")};
    const float colx[6] = {0.0f, 0.10f, 0.34f, 0.48f, 0.60f, 0.86f};
    int y = c.y;
    for (int k = 0; k < 6; k++)
        ui_text(g, cols[k], c.x + (int)(colx[k] * (float)c.w), y, body, ui_body_min(g), UI_BOLD,
                UI_ACCENT, UI_LEFT, (int)(0.14f * (float)c.w));
    y += body * 14 / 10;
    int n = m->pub->n_rounds_done;
    if (n > CORE_MAX_ROUNDS)
        n = CORE_MAX_ROUNDS;
    int row = n > 0 ? (c.y + c.h - y) / n : body;
    if (row > body * 16 / 10)
        row = body * 16 / 10;
    for (int rd = 1; rd <= n; rd++) {
        const core_measures *mm = &m->pub->rounds[rd];
        if (rd % 2 == 1) {
            SDL_Rect band = {c.x - ui_px(g, 8), y - ui_px(g, 4), c.w + ui_px(g, 16), row};
            ui_round(g, band, ui_px(g, 6), UI_PANEL_ALT);
        }
        char v[6][64];
        snprintf(v[0], 64, "%d", rd);
        snprintf(v[1], 64, "%s", ui_level_name(mm->level));
        snprintf(v[2], 64, "%d", mm->contributions);
        snprintf(v[3], 64, "%d", mm->joint_contributions);
        snprintf(v[4], 64, _("%d gehouden, %d gebroken"), mm->promises_kept, mm->promises_broken);
        snprintf(v[5], 64, "%s", mm->reflective ? _("ja") : _("nee"));
        for (int k = 0; k < 6; k++) {
            float next = k < 5 ? colx[k + 1] : 1.0f;
            ui_text(g, v[k], c.x + (int)(colx[k] * (float)c.w), y, body, ui_body_min(g) * 9 / 10,
                    k == 1 ? UI_BOLD : UI_REGULAR, UI_INK, UI_LEFT,
                    (int)((next - colx[k]) * (float)c.w) - ui_px(g, 12));
        }
        y += row;
    }
    if (n == 0)
        ui_text(g, _("Nog geen ronde afgerond."), c.x, y, body, body, UI_REGULAR, UI_INK_SOFT,
                UI_LEFT, c.w);
}

static void debrief_analysis(ui_gfx *g, const ui_proj_model *m)
{
    draw_network_panel(g, m, ui_r(g, 32, 206, 900, 764));
    SDL_Rect r = ui_r(g, 952, 206, 936, 764);
    SDL_Rect c = panel_with_title(g, r, _("Spanningen en grenservaringen"));
    const core_scenario *sc = m->sc;
    int body = fpx(g, T_BODY);
    int y = c.y;
    char s[256];
    snprintf(s, sizeof s,
             ngettext("%d spanning werd een grenservaring", "%d spanningen werden grenservaringen",
                      (unsigned long)(m->pub->n_boundary < 0 ? 0 : m->pub->n_boundary)),
             m->pub->n_boundary);
    ui_text(g, s, c.x, y, body, ui_body_min(g), UI_BOLD, UI_GOOD, UI_LEFT, c.w);
    y += body * 13 / 10;
    for (int i = 0; i < m->pub->n_boundary && i < CORE_MAX_FRICTIONS; i++) {
        int f = m->pub->boundary_won[i];
        if (f < 0 || f >= sc->n_frictions)
            continue;
        snprintf(s, sizeof s, "✓ %s", sc->frictions[f].title);
        ui_text(g, s, c.x, y, body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT, c.w);
        y += body * 13 / 10;
    }
    y += ui_px(g, 16);
    int open = 0;
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++)
        open += m->pub->frictions[i].active ? 1 : 0;
    snprintf(s, sizeof s,
             ngettext("%d spanning bleef liggen", "%d spanningen bleven liggen",
                      (unsigned long)open),
             open);
    ui_text(g, s, c.x, y, body, ui_body_min(g), UI_BOLD, open ? UI_ALARM : UI_INK_SOFT, UI_LEFT,
            c.w);
    y += body * 13 / 10;
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        if (!m->pub->frictions[i].active)
            continue;
        int f = m->pub->frictions[i].friction;
        if (f < 0 || f >= sc->n_frictions)
            continue;
        if (y + body > c.y + c.h - body * 3)
            break;
        snprintf(s, sizeof s, "• %s", sc->frictions[f].title);
        ui_text(g, s, c.x, y, body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT, c.w);
        y += body * 13 / 10;
    }
    /* Legend of the graph with each seat's share of the interactions: it
     * names the nodes when the graph has no room for labels, and shows
     * who carried the network. */
    y += ui_px(g, 16);
    int total = 0, deg[CORE_MAX_SEATS] = {0};
    for (int a = 0; a < m->pub->n_seats && a < CORE_MAX_SEATS; a++)
        for (int b2 = 0; b2 < m->pub->n_seats && b2 < CORE_MAX_SEATS; b2++)
            if (a != b2) {
                deg[a] += m->pub->edges[a][b2];
                total += m->pub->edges[a][b2];
            }
    int row = body * 13 / 10;
    int legend_bottom = c.y + c.h - body * 28 / 10;
    if (y + row <= legend_bottom) {
        ui_text(g, _("Aandeel in de samenwerking"), c.x, y, body, ui_body_min(g), UI_BOLD, UI_INK,
                UI_LEFT, c.w);
        y += row;
    }
    for (int st2 = 0; st2 < m->pub->n_seats && st2 < CORE_MAX_SEATS; st2++) {
        if (y + row > legend_bottom)
            break;
        int chip = ui_role_chip(g, sc, sc->seat_roles[st2], c.x, y + ui_px(g, 2), body);
        char who[160];
        snprintf(who, sizeof who, "%s · %s", role_name(sc, sc->seat_roles[st2]), seat_name(m, st2));
        ui_text(g, who, c.x + chip + ui_px(g, 10), y, body, ui_body_min(g) * 8 / 10, UI_REGULAR,
                UI_INK, UI_LEFT, c.w * 70 / 100 - chip);
        char pct[16];
        snprintf(pct, sizeof pct, "%d%%", total > 0 ? (deg[st2] * 100 + total / 2) / total : 0);
        ui_text(g, pct, c.x + c.w, y, body, body, UI_BOLD, UI_INK, UI_RIGHT, 0);
        y += row;
    }
    const core_measures *mm = &m->pub->live;
    snprintf(s, sizeof s, _("Beloften: %d gehouden, %d gebroken · %d vragen of aanbiedingen"),
             mm->promises_kept, mm->promises_broken, mm->asks_offers);
    SDL_Rect tb = {c.x, c.y + c.h - body * 26 / 10, c.w, body * 26 / 10};
    ui_text_box(g, s, tb, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT);
}

static void debrief_next(ui_gfx *g, const ui_proj_model *m)
{
    const core_scenario *sc = m->sc;
    SDL_Rect r = ui_r(g, 32, 206, 1100, 764);
    SDL_Rect c = panel_with_title(g, r, _("Reflectiewaaier: kaarten bij wat er gebeurde"));
    int body = fpx(g, T_BODY);
    int y = c.y;
    core_fan_pick picks[8];
    int np = m->st ? core_fan_pick_cards(m->st, picks, 8) : 0;
    static const char *const blocks[CORE_BLOCK_COUNT] = {N_("Identiteit"), N_("Netwerk"),
                                                         N_("Organisatie"), N_("Verbinding")};
    for (int i = 0; i < np; i++) {
        int rc = picks[i].reflection;
        if (rc < 0 || rc >= sc->n_reflections)
            continue;
        const core_reflection_def *d = &sc->reflections[rc];
        int qh = ui_text_box_height(g, d->question, c.w - ui_px(g, 24), body, UI_BOLD);
        int need = body * 13 / 10 + qh + ui_px(g, 20);
        if (y + need > c.y + c.h)
            break;
        SDL_Rect card = {c.x, y, c.w, need - ui_px(g, 10)};
        ui_round(g, card, ui_px(g, 10), UI_PANEL_ALT);
        char tag[CORE_TEXT_LEN + 64];
        snprintf(tag, sizeof tag, "%s · %s",
                 (d->block >= 0 && d->block < CORE_BLOCK_COUNT) ? _(blocks[d->block]) : "?",
                 picks[i].reason);
        ui_text(g, tag, c.x + ui_px(g, 12), y + ui_px(g, 4), body, ui_body_min(g) * 9 / 10,
                UI_REGULAR, UI_ACCENT, UI_LEFT, c.w - ui_px(g, 24));
        SDL_Rect qb = {c.x + ui_px(g, 12), y + ui_px(g, 4) + body * 13 / 10, c.w - ui_px(g, 24),
                       qh};
        ui_text_box(g, d->question, qb, body, body, UI_BOLD, UI_INK, UI_LEFT);
        y += need;
    }
    if (np == 0)
        ui_text(g, _("Geen kaarten: er is nog te weinig gespeeld."), c.x, y, body, body,
                UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);

    SDL_Rect r2 = ui_r(g, 1152, 206, 736, 764);
    SDL_Rect c2 = panel_with_title(g, r2, _("Verbeteracties van het team"));
    y = c2.y;
    int shown = 0;
    if (m->hide_player_text) {
        ui_text_box(g, _("Verborgen door de trainer (Ctrl+V)."), (SDL_Rect){c2.x, y, c2.w, body * 3},
                    body, body, UI_REGULAR, UI_INK_SOFT, UI_LEFT);
        return;
    }
    /* every round's verbeteracties with their round, the latest first (the
     * host keeps them; without it, this round's from the state) */
    int last_round = m->pub->round < CORE_MAX_ROUNDS ? m->pub->round : CORE_MAX_ROUNDS;
    int total = 0;
    for (int rd = last_round; rd >= 0; rd--)
        for (int s = 0; s < m->sc->n_seats && s < CORE_MAX_SEATS; s++) {
            const char *t = m->improvements ? m->improvements[rd][s]
                            : (m->st && rd == last_round) ? m->st->seats[s].reflection_text : "";
            if (!t[0])
                continue;
            total++;
            int chip = ui_role_chip_width(g, sc, sc->seat_roles[s], body);
            char lbl[16];
            snprintf(lbl, sizeof lbl, _("R%d"), rd);
            int lw = 0, lh = 0;
            ui_text_size(g, lbl, body, UI_BOLD, &lw, &lh);
            int tx = c2.x + lw + ui_px(g, 10) + chip + ui_px(g, 12);
            int th = ui_text_box_height(g, t, c2.x + c2.w - tx, body, UI_REGULAR);
            if (y + th > c2.y + c2.h - body * 13 / 10)
                continue;
            ui_text(g, lbl, c2.x, y, body, body, UI_BOLD, UI_INK_SOFT, UI_LEFT, 0);
            ui_role_chip(g, sc, sc->seat_roles[s], c2.x + lw + ui_px(g, 10), y + ui_px(g, 2), body);
            SDL_Rect tb = {tx, y, c2.x + c2.w - tx, th};
            ui_text_box(g, t, tb, body, body, UI_REGULAR, UI_INK, UI_LEFT);
            y += th + ui_px(g, 14);
            shown++;
        }
    if (shown < total) {
        char more[96];
        snprintf(more, sizeof more, _("+ %d oudere in het verslag"), total - shown);
        ui_text(g, more, c2.x, y, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT, c2.w);
    }
    if (shown == 0)
        ui_text_box(g, _("Nog geen verbeteracties ingevuld."), (SDL_Rect){c2.x, y, c2.w, body * 3},
                    body, body, UI_REGULAR, UI_INK_SOFT, UI_LEFT);
}

static void draw_debrief(ui_gfx *g, const ui_proj_model *m)
{
    debrief_header(g, m);
    switch (m->debrief_step) {
    case 0: debrief_reactions(g, m); break;
    case 1: debrief_timeline(g, m); break;
    case 2: debrief_analysis(g, m); break;
    default: debrief_next(g, m); break;
    }
}

/* ------------------------------------------------------------ overlays */

static void draw_help(ui_gfx *g)
{
    dim(g);
    SDL_Rect r = ui_r(g, 260, 90, 1400, 900);
    SDL_Rect c = panel_with_title(g, r, _("Toetsen voor de trainer"));
    static const char *const keys[][2] = {
        {"Enter", N_("spel starten")},
        {N_("Spatie"), N_("pauze / verder; onthulling sluiten")},
        {"I", N_("de inzet van deze ronde opnieuw tonen")},
        {"Ctrl+N", N_("volgende fase")},
        {"Ctrl+T", N_("timer aan / uit")},
        {"+", N_("timer één minuut langer")},
        {"Ctrl+B", N_("bots op vrije plaatsen")},
        {N_("klik op een plaats"), N_("bot, vrijgeven of verwijderen")},
        {"Ctrl+V", N_("getypte antwoorden verbergen / tonen")},
        {"Ctrl+D", N_("nabespreking; ← → stappen")},
        {"Ctrl+R", N_("opnieuw beginnen (tweemaal)")},
        {"Ctrl+O", N_("ander level laden (in de lobby)")},
        {"Ctrl+L", N_("taal nl / en")},
        {"F11", N_("volledig scherm")},
        {"F1 / H", N_("deze hulp")},
    };
    int body = fpx(g, T_BODY);
    int n = (int)(sizeof keys / sizeof keys[0]);
    int row = c.h / n;
    if (row > body * 16 / 10)
        row = body * 16 / 10;
    for (int i = 0; i < n; i++) {
        int y = c.y + i * row;
        SDL_Rect k = {c.x, y, ui_px(g, 330), row - ui_px(g, 6)};
        ui_round(g, k, ui_px(g, 8), UI_PANEL_ALT);
        int tw = 0, th = 0;
        ui_text_size(g, _(keys[i][0]), body, UI_BOLD, &tw, &th);
        ui_text(g, _(keys[i][0]), k.x + k.w / 2, k.y + (k.h - th) / 2, body, ui_body_min(g),
                UI_BOLD, UI_INK, UI_CENTER, k.w - ui_px(g, 12));
        ui_text(g, _(keys[i][1]), c.x + ui_px(g, 360), k.y + (k.h - th) / 2, body, ui_body_min(g),
                UI_REGULAR, UI_INK, UI_LEFT, c.w - ui_px(g, 360));
    }
    ui_hit_add(g, (SDL_Rect){0, 0, g->w, g->h}, UI_ID_CLOSE_OVERLAY, 0);
}

static void draw_seat_menu(ui_gfx *g, const ui_proj_model *m)
{
    int s = m->seat_menu;
    if (s < 0 || s >= m->sc->n_seats)
        return;
    dim(g);
    ui_hit_add(g, (SDL_Rect){0, 0, g->w, g->h}, UI_ID_CLOSE_OVERLAY, 0);
    SDL_Rect r = ui_r(g, 560, 300, 800, 440);
    char title[160];
    snprintf(title, sizeof title, _("Plaats %d: %s"), s + 1,
             role_name(m->sc, m->sc->seat_roles[s]));
    SDL_Rect c = panel_with_title(g, r, title);
    ui_hit_add(g, r, UI_ID_NONE, 0);
    int bpx = fpx(g, T_BODY);
    int bh = ui_px(g, 84), gap = ui_px(g, 16);
    ui_button(g, (SDL_Rect){c.x, c.y + ui_px(g, 8), c.w, bh}, _("Een bot op deze plaats"), bpx,
              false, m->seats[s].conn != UI_SEAT_BOT, UI_ID_SEAT_BOT, s);
    ui_button(g, (SDL_Rect){c.x, c.y + ui_px(g, 8) + bh + gap, c.w, bh},
              _("Plaats vrijgeven (iemand anders mag)"), bpx, false,
              m->seats[s].conn != UI_SEAT_EMPTY, UI_ID_SEAT_RELEASE, s);
    ui_button(g, (SDL_Rect){c.x, c.y + ui_px(g, 8) + 2 * (bh + gap), c.w, bh},
              _("Verbinding verbreken"), bpx, false, m->seats[s].conn == UI_SEAT_PLAYER ||
              m->seats[s].conn == UI_SEAT_LOST, UI_ID_SEAT_KICK, s);
}

static void draw_trainer_menu(ui_gfx *g, const ui_proj_model *m)
{
    dim(g);
    ui_hit_add(g, (SDL_Rect){0, 0, g->w, g->h}, UI_ID_CLOSE_OVERLAY, 0);
    SDL_Rect r = ui_r(g, 1180, 90, 720, 900);
    /* the code stays at hand for someone who arrives late (Identiteit
     * comes back for them) */
    char title[96];
    if (m->room_code[0])
        snprintf(title, sizeof title, _("Trainer · doe mee met code %s"), m->room_code);
    else
        snprintf(title, sizeof title, "%s", _("Trainer"));
    SDL_Rect c = panel_with_title(g, r, title);
    ui_hit_add(g, r, UI_ID_NONE, 0);
    struct { const char *label; int id; } items[] = {
        {m->paused ? N_("Verder spelen (spatie)") : N_("Pauze (spatie)"), UI_ID_PAUSE},
        {N_("Volgende fase (Ctrl+N)"), UI_ID_NEXT_PHASE},
        {m->timer_on ? N_("Timer uit (Ctrl+T)") : N_("Timer aan (Ctrl+T)"), UI_ID_TIMER_TOGGLE},
        {N_("Timer één minuut langer (+)"), UI_ID_TIMER_EXTEND},
        {N_("Bots op vrije plaatsen (Ctrl+B)"), UI_ID_BOTS_FILL},
        {m->hide_player_text ? N_("Getypte antwoorden tonen (Ctrl+V)")
                             : N_("Getypte antwoorden verbergen (Ctrl+V)"), UI_ID_HIDE_TEXT},
        {N_("Nabespreking (Ctrl+D)"), UI_ID_DEBRIEF},
        {N_("Opnieuw beginnen (Ctrl+R)"), UI_ID_RESTART},
        {N_("Taal nl / en (Ctrl+L)"), UI_ID_LANG},
        {N_("Volledig scherm (F11)"), UI_ID_FULLSCREEN},
    };
    int n = (int)(sizeof items / sizeof items[0]);
    int gap = ui_px(g, 10);
    int bh = (c.h - gap * (n - 1)) / n;
    int px = fpx(g, T_BODY);
    if (bh < px * 14 / 10)
        px = ui_body_min(g);
    for (int i = 0; i < n; i++)
        ui_button(g, (SDL_Rect){c.x, c.y + i * (bh + gap), c.w, bh}, _(items[i].label), px,
                  i < 2, true, items[i].id, 0);
    /* the way in for a latecomer's phone, next to the menu */
    if (m->join_url[0]) {
        SDL_Rect qp = ui_r(g, 440, 90, 720, 760);
        ui_hit_add(g, qp, UI_ID_NONE, 0);
        SDL_Rect qc = panel_with_title(g, qp, _("Meedoen in de browser"));
        int side = qc.w < qc.h - px * 3 ? qc.w : qc.h - px * 3;
        draw_qr(g, m->join_url, (SDL_Rect){qc.x + (qc.w - side) / 2, qc.y, side, side});
        const char *shown = strncmp(m->join_url, "http://", 7) == 0 ? m->join_url + 7 : m->join_url;
        ui_text(g, shown, qc.x, qc.y + side + px / 2, px, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT,
                qc.w);
    }
}

void ui_draw_projector(ui_gfx *g, const ui_proj_model *m, ui_proj_screen screen)
{
    if (!m->sc || !m->pub) {
        ui_draw_background(g);
        return;
    }
    switch (screen) {
    case UI_PROJ_LOBBY:
        ui_draw_background(g);
        draw_lobby(g, m);
        break;
    case UI_PROJ_TABLE: draw_table(g, m); break; /* draws its own background */
    case UI_PROJ_DEBRIEF:
        ui_draw_background(g);
        draw_debrief(g, m);
        break;
    }
    if (m->paused) {
        SDL_Rect band = ui_r(g, 0, 470, 1920, 140);
        band.x = 0;
        band.w = g->w;
        ui_fill(g, band, (SDL_Color){0x1B, 0x24, 0x2C, 0xE6});
        ui_text(g, _("Gepauzeerd · spatie om verder te gaan"), g->w / 2,
                band.y + (band.h - fpx(g, T_H1) * 12 / 10) / 2, fpx(g, T_H1), fpx(g, T_BODY),
                UI_BOLD, UI_WHITE, UI_CENTER, g->w - ui_px(g, 40));
    }
    if (m->message[0]) {
        int body = fpx(g, T_BODY);
        SDL_Rect r = ui_r(g, 460, 900, 1000, 70);
        ui_round(g, r, ui_px(g, 12), UI_INK);
        ui_text(g, m->message, r.x + r.w / 2, r.y + (r.h - body * 12 / 10) / 2, body,
                ui_body_min(g), UI_BOLD, UI_WHITE, UI_CENTER, r.w - ui_px(g, 24));
    }
    draw_seat_menu(g, m);
    if (m->trainer_menu)
        draw_trainer_menu(g, m);
    if (m->help)
        draw_help(g);
    /* a line that ended in "…" shows its whole text under the mouse */
    ui_draw_tooltip(g, -1, -1);
}
