/* ui/proj_lobby: the projector's lobby: the seats and how they are
 * connected, and the QR code and address players join with. */
#include "ui/proj_int.h"

#include "platform/i18n.h"

#include <qrencode.h>
#include <stdio.h>
#include <string.h>

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

/* The widest of the seats' role names at px. */
static int widest_role(ui_gfx *g, const ui_proj_model *m, int px)
{
    int w = 0;
    for (int s = 0; s < m->sc->n_seats; s++) {
        int tw = 0, th = 0;
        ui_text_size(g, proj_role_name(m->sc, m->sc->seat_roles[s]), px, UI_BOLD, &tw, &th);
        w = tw > w ? tw : w;
    }
    return w;
}

/* The seats, one a row: role, person and connection. When the rows do not
 * fit at the back row's text size (more than four or five seats), they go
 * in two columns with the role chip, the person and a coloured dot. */
static void draw_seat_rows(ui_gfx *g, const ui_proj_model *m, SDL_Rect c, bool menus)
{
    int n = m->sc->n_seats;
    int px = proj_fpx(g, T_BODY);
    int line = px * 13 / 10;
    int cols = (n > 0 && c.h / n < line) ? 2 : 1;
    int per_col = (n + cols - 1) / cols;
    int row = c.h / (per_col > 0 ? per_col : 1);
    int maxrow = line + ui_px(g, 14);
    if (row > maxrow)
        row = maxrow;
    int col_w = (c.w - (cols - 1) * ui_px(g, 20)) / cols;
    for (int s = 0; s < n; s++) {
        int cx = c.x + (s / per_col) * (col_w + ui_px(g, 20));
        int y = c.y + (s % per_col) * row;
        int chip = px * 6 / 5;
        int role = m->sc->seat_roles[s];
        SDL_Rect rr = {cx, y, col_w, row - ui_px(g, 4)};
        if (menus && ui_hover(g, rr))
            ui_round(g, rr, ui_px(g, 8), UI_PANEL_ALT);
        int chip_w = ui_role_chip(g, m->sc, role, cx, y + (row - chip) / 2 - ui_px(g, 2), chip);
        int x = cx + chip_w + ui_px(g, 16);
        int ty = y + (row - line) / 2;
        const char *who = m->seats[s].conn == UI_SEAT_EMPTY ? "—" : m->seats[s].name;
        if (m->seats[s].conn == UI_SEAT_BOT && !m->seats[s].name[0])
            who = _("bot");
        if (cols == 1) {
            /* the role names as wide as the widest; where that leaves the
             * state's word too little room, its coloured dot alone */
            int state_w = col_w * 30 / 100;
            int room = col_w - chip_w - ui_px(g, 16);
            int role_w = widest_role(g, m, px) + ui_px(g, 16);
            if (role_w > (room - state_w) / 2 && role_w + px * 4 > room - state_w)
                state_w = ui_px(g, 32);
            int name_w = (room - state_w) / 2 > role_w ? (room - state_w) / 2 : role_w;
            if (name_w > room - state_w - px * 3) /* the person keeps a short name's room */
                name_w = room - state_w - px * 3;
            ui_text(g, proj_role_name(m->sc, role), x, ty, px, px, UI_BOLD, UI_INK, UI_LEFT,
                    name_w - ui_px(g, 12));
            ui_text(g, who, x + name_w, ty, px, px, UI_REGULAR, UI_INK, UI_LEFT,
                    room - state_w - name_w - ui_px(g, 12));
            ui_circle(g, (float)(cx + col_w - state_w + ui_px(g, 10)), (float)(ty + px * 6 / 10),
                      (float)ui_px(g, 9), conn_colour(m->seats[s].conn));
            if (state_w > ui_px(g, 32))
                ui_text(g, conn_label(m->seats[s].conn), cx + col_w - state_w + ui_px(g, 28), ty,
                        px, px, UI_REGULAR, UI_INK_SOFT, UI_LEFT, state_w - ui_px(g, 28));
        } else {
            int dot = ui_px(g, 12);
            ui_text(g, who, x, ty, px, px, UI_REGULAR, UI_INK, UI_LEFT,
                    cx + col_w - x - 3 * dot);
            ui_circle(g, (float)(cx + col_w - dot), (float)(ty + px * 6 / 10), (float)dot,
                      conn_colour(m->seats[s].conn));
        }
        if (menus)
            ui_hit_add(g, rr, UI_ID_SEAT, s);
    }
}

/* The browser player's URL as a QR code, dark modules on a white square
 * with the quiet zone the standard asks for (4 modules). Returns false when
 * the text cannot be encoded (nothing is drawn then). */
bool proj_draw_qr(ui_gfx *g, const char *text, SDL_Rect r)
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
                ui_fill(g, (SDL_Rect){box.x + (x + 4) * mod, box.y + (y + 4) * mod, mod, mod},
                        dark);
    QRcode_free(q);
    return true;
}

/* One of the trainer's lobby buttons. */
typedef struct {
    const char *label;
    int id;
    bool primary;
} lobby_button;

/* What a button needs to show its whole label in a row r.h high. */
static int lobby_button_w(ui_gfx *g, const lobby_button *b, int px, int h)
{
    int tw = 0, th = 0;
    ui_text_size(g, b->label, px, UI_BOLD, &tw, &th);
    return tw + h / 3 + ui_px(g, 12);
}

static bool lobby_row_fits(ui_gfx *g, const lobby_button *b, int n, int px, SDL_Rect r)
{
    int need = (n - 1) * ui_px(g, 20);
    for (int i = 0; i < n; i++)
        need += lobby_button_w(g, &b[i], px, r.h);
    return need <= r.w;
}

/* n buttons side by side in r, each as wide as its label needs and the
 * room left shared out evenly, so that no label ends in "…" when the row
 * can hold them all. */
static void lobby_button_row(ui_gfx *g, const lobby_button *b, int n, int px, SDL_Rect r)
{
    int gap = ui_px(g, 20), need = (n - 1) * gap;
    int w[5];
    for (int i = 0; i < n && i < 5; i++)
        need += w[i] = lobby_button_w(g, &b[i], px, r.h);
    int extra = r.w > need ? (r.w - need) / n : 0;
    int x = r.x;
    for (int i = 0; i < n && i < 5; i++) {
        int bw = i == n - 1 ? r.x + r.w - x : w[i] + extra;
        ui_button(g, (SDL_Rect){x, r.y, bw, r.h}, b[i].label, px, b[i].primary, true, b[i].id, 0);
        x += bw + gap;
    }
}

/* The lobby's left panel: the pupil (name, age and class as its heading)
 * and the casus's intro, each whole: the room reads both before the game. */
static void lobby_pupil_panel(ui_gfx *g, const ui_proj_model *m, int body)
{
    const core_scenario *sc = m->sc;
    SDL_Rect left = ui_r(g, 32, 124, 860, 920);
    char head[256];
    if (sc->pupil_age > 0)
        snprintf(head, sizeof head, _("%s, %d jaar, %s"), sc->pupil_name, sc->pupil_age,
                 sc->pupil_class);
    /* a narrow panel (4:3): the name and class without the age */
    char head_short[256];
    snprintf(head_short, sizeof head_short, "%s, %s", sc->pupil_name, sc->pupil_class);
    if (sc->pupil_age <= 0)
        snprintf(head, sizeof head, "%s", head_short);
    SDL_Rect c = proj_panel_with_titles(g, left, head, head_short);
    int y = c.y;
    int gap = ui_px(g, 20);
    /* the intro keeps the room it needs at the bottom, the pupil's text
     * the rest (both whole where the panel holds them) */
    int intro_h = sc->intro[0] ? ui_text_box_height(g, sc->intro, c.w, body, UI_REGULAR) : 0;
    int pupil_h = ui_text_box_height(g, sc->pupil_text, c.w, body, UI_REGULAR);
    if (intro_h > c.h - gap - pupil_h)
        intro_h = c.h - gap - pupil_h > c.h / 3 ? c.h - gap - pupil_h : c.h / 3;
    SDL_Rect pt = {c.x, y, c.w, c.h - (intro_h ? intro_h + gap : 0)};
    y += ui_text_box(g, sc->pupil_text, pt, body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT);
    if (sc->intro[0]) {
        SDL_Rect it = {c.x, y + gap, c.w, c.y + c.h - y - gap};
        ui_text_box(g, sc->intro, it, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT);
    }
}

void proj_draw_lobby(ui_gfx *g, const ui_proj_model *m)
{
    proj_topbar(g, m, _("Wachten op de spelers"));
    int body = proj_fpx(g, T_BODY);
    lobby_pupil_panel(g, m, body);

    /* right top: how to join */
    SDL_Rect code = ui_r(g, 924, 124, 964, 420);
    SDL_Rect cc = proj_panel_with_title(g, code, _("Doe mee met code"));
    int huge = ui_font_px(g, T_HUGE * 3 / 4);
    /* With the browser player on, a QR code of its URL fills the panel's
     * right side: 280 of 1920 units is about 35 cm on a 2.4 m wide
     * projection, about 9 mm per module, readable by a phone from 5 m. */
    int tw = cc.w;
    if (m->join_url[0]) {
        int side = ui_px(g, 280);
        SDL_Rect qr = {code.x + code.w - side - ui_px(g, 20), code.y + (code.h - side) / 2, side,
                       side};
        if (proj_draw_qr(g, m->join_url, qr))
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
        int url_w = 0, url_h = 0;
        bool beside = ui_text_size(g, shown, ui_body_min(g), UI_BOLD, &url_w, &url_h) && url_w <= tw;
        if (beside) {
            ui_text(g, shown, cc.x, cc.y + cc.h - body * 26 / 10, body, ui_body_min(g), UI_BOLD,
                    UI_INK, UI_LEFT, tw);
            /* the last line runs under the QR code's bottom edge: full width */
            ui_text(g, addr, cc.x, cc.y + cc.h - body * 13 / 10, body, ui_body_min(g), UI_REGULAR,
                    UI_INK_SOFT, UI_LEFT, cc.w);
        } else {
            /* A narrow (4:3) projector: the address people type must be
             * whole, so it takes the full-width last line; the TCP
             * address is left out (native clients find the host by its
             * code through discovery). */
            char host_part[200];
            snprintf(host_part, sizeof host_part, "%s", shown);
            /* still too wide: the page without "/?code=..." (the code is
             * the panel's big heading, and the page asks for it) */
            if (ui_text_size(g, host_part, ui_body_min(g), UI_BOLD, &url_w, &url_h) && url_w > cc.w)
                host_part[strcspn(host_part, "/")] = '\0';
            ui_text(g, host_part, cc.x, cc.y + cc.h - body * 13 / 10, body, ui_body_min(g), UI_BOLD,
                    UI_INK, UI_LEFT, cc.w);
        }
    } else {
        ui_text(g, addr, cc.x, cc.y + cc.h - body * 26 / 10, body, ui_body_min(g), UI_BOLD, UI_INK,
                UI_LEFT, cc.w);
        ui_text(g, _("Start Samenspel op je laptop en kies ‘Meedoen’."), cc.x,
                cc.y + cc.h - body * 13 / 10, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT,
                UI_LEFT, cc.w);
    }

    /* right middle: seats; right bottom: the trainer's controls, in two
     * rows when their labels do not fit in one (4:3) */
    ui_text_role old_role = ui_set_text_role(g, UI_TR_TRAINER);
    int bpx = proj_fpx(g, T_LABEL);
    /* another level: the next one of levels/ and the trainer's own folder */
    lobby_button b[5] = {
        {_("Start het spel"), UI_ID_START, true},
        {_("Bots op vrije plaatsen"), UI_ID_BOTS_FILL, false},
        {_("EN / NL"), UI_ID_LANG, false},
        {_("Hulp"), UI_ID_HELP, false},
        {_("Andere casus laden (Ctrl+O)"), UI_ID_LOAD_LEVEL, false},
    };
    bool one_row = lobby_row_fits(g, b, 5, bpx, ui_r(g, 924, 940, 964, 96));
    ui_set_text_role(g, old_role);
    float seats_h = one_row || m->observer ? 364.0f : 342.0f;
    SDL_Rect seats = ui_r(g, 924, 560, 964, seats_h);
    char title[128];
    snprintf(title, sizeof title, _("Plaatsen · %d toeschouwers"), m->observers);
    SDL_Rect sc2 = proj_panel_with_title(g, seats, title);
    draw_seat_rows(g, m, sc2, !m->observer);
    if (m->observer)
        return;
    ui_set_text_role(g, UI_TR_TRAINER);
    if (one_row) {
        lobby_button_row(g, b, 5, bpx, ui_r(g, 924, 940, 964, 96));
    } else {
        /* a narrow second row: the short label (Ctrl+O is in the help) */
        if (!lobby_row_fits(g, b + 2, 3, bpx, ui_r(g, 924, 982, 964, 56)))
            b[4].label = _("Andere casus");
        lobby_button_row(g, b, 2, bpx, ui_r(g, 924, 918, 964, 56));
        lobby_button_row(g, b + 2, 3, bpx, ui_r(g, 924, 982, 964, 56));
    }
    ui_set_text_role(g, UI_TR_BODY);
}
