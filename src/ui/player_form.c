/* ui/player_form: the join form (address, code, name, the games found on the
 * LAN): its drawing, clicks and submit. */
#include "ui/player_app_int.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------- form */

static void draw_field(ui_gfx *g, const player_form_model *m, SDL_Rect r, const char *label,
                       int idx, int px)
{
    ui_text(g, label, r.x, r.y, px, px * 8 / 10, UI_BOLD, UI_INK, UI_LEFT, r.w);
    SDL_Rect f = {r.x, r.y + px * 14 / 10, r.w, px * 2};
    ui_round(g, f, ui_px(g, 8), UI_PANEL);
    bool focus = m->focus == idx;
    ui_round_outline(g, f, ui_px(g, 8), focus ? ui_px(g, 3) : 1, focus ? UI_ACCENT : UI_LINE);
    char shown[CLI_HOST_LEN + 4];
    snprintf(shown, sizeof shown, "%s%s", m->fields[idx] ? m->fields[idx] : "", focus ? "|" : "");
    if (shown[0])
        ui_text(g, shown, f.x + ui_px(g, 12), f.y + (f.h - px * 12 / 10) / 2, px, px * 7 / 10,
                UI_REGULAR, UI_INK, UI_LEFT, f.w - ui_px(g, 24));
    ui_hit_add(g, f, UI_ID_FIELD, idx);
}

void player_draw_form(ui_gfx *g, const player_form_model *m)
{
    ui_draw_background(g);
    SDL_Rect bar = {0, 0, g->w, ui_r(g, 0, 0, 1920, 84).y + ui_px(g, 84)};
    ui_fill(g, bar, UI_ACCENT);
    int h2 = ui_font_px(g, 36), body = ui_font_px(g, 28);
    SDL_Rect t = ui_r(g, 40, 20, 1840, 50);
    ui_text(g, _("Samenspel · meedoen"), t.x, t.y, h2, body, UI_BOLD, UI_WHITE, UI_LEFT, t.w);

    SDL_Rect games = ui_r(g, 40, 120, 880, 900);
    ui_panel(g, games);
    int pad = ui_px(g, 24);
    ui_text(g, _("Spellen op dit netwerk"), games.x + pad, games.y + pad, body, body, UI_BOLD,
            UI_ACCENT, UI_LEFT, games.w - 2 * pad);
    int y = games.y + pad + body * 16 / 10;
    if (m->n_found == 0)
        ui_text_box(g, _("Nog geen spel gevonden. Staat de projector aan? Je kan ook het adres "
                         "typen dat op het scherm vooraan staat."),
                    (SDL_Rect){games.x + pad, y, games.w - 2 * pad, body * 5}, body, body * 8 / 10,
                    UI_REGULAR, UI_INK_SOFT, UI_LEFT);
    for (int i = 0; i < m->n_found; i++) {
        char lbl[200];
        snprintf(lbl, sizeof lbl, _("%s · code %s · %d van %d vrij"), m->found[i].title,
                 m->found[i].code, m->found[i].seats_free, m->found[i].seats_total);
        SDL_Rect b = {games.x + pad, y, games.w - 2 * pad, body * 2};
        if (y + b.h > games.y + games.h - pad)
            break;
        ui_button(g, b, lbl, body * 9 / 10, false, true, UI_ID_GAME_PICK, i);
        y += b.h + ui_px(g, 10);
    }

    SDL_Rect form = ui_r(g, 960, 120, 920, 900);
    ui_panel(g, form);
    int x = form.x + pad, w = form.w - 2 * pad;
    y = form.y + pad;
    draw_field(g, m, (SDL_Rect){x, y, w, body * 4}, _("Adres van de host"), 0, body);
    y += body * 4 + ui_px(g, 12);
    draw_field(g, m, (SDL_Rect){x, y, w / 2, body * 4}, _("Code (4 letters)"), 1, body);
    y += body * 4 + ui_px(g, 12);
    draw_field(g, m, (SDL_Rect){x, y, w, body * 4}, _("Je voornaam"), 2, body);
    y += body * 4 + ui_px(g, 16);
    int bh = body * 17 / 10;
    const char *hint = m->observe
                           ? _("Je kijkt mee als toeschouwer: je ziet de tafel zoals op het "
                               "scherm vooraan.")
                           : _("Daarna kies je een rol uit de rollen van dit spel.");
    y += ui_text_box(g, hint, (SDL_Rect){x, y, w, body * 3}, body * 9 / 10, body * 8 / 10,
                     UI_REGULAR, UI_INK_SOFT, UI_LEFT) +
         ui_px(g, 20);
    bool error = m->error && m->error[0];
    const char *msg = error ? m->error : m->status ? m->status : "";
    if (msg[0])
        ui_text_box(g, msg, (SDL_Rect){x, y, w, body * 3}, body, body * 8 / 10, UI_BOLD,
                    error ? UI_ALARM : UI_INK_SOFT, UI_LEFT);
    ui_button(g, (SDL_Rect){x, form.y + form.h - pad - bh * 12 / 10, w, bh * 12 / 10},
              m->observe ? _("Meekijken") : _("Verder"), body, true, true, UI_ID_SUBMIT, 0);
}

void form_draw_app(player_app *a)
{
    player_form_model m;
    memset(&m, 0, sizeof m);
    for (int i = 0; i < FORM_FIELDS; i++)
        m.fields[i] = a->fields[i];
    m.focus = a->field;
    m.found = a->found;
    m.n_found = a->n_found;
    m.observe = a->opts.observe;
    m.status = "";
    cli *conn = a->c ? a->c : a->look;
    if (conn) {
        switch (cli_status_get(conn)) {
        case CLI_STATUS_CONNECTING: m.status = _("Verbinden…"); break;
        case CLI_STATUS_CONNECTED: m.status = _("Verbonden; wachten op het spel…"); break;
        case CLI_STATUS_RECONNECTING: m.status = _("Verbinding kwijt; opnieuw proberen…"); break;
        default: break;
        }
    }
    m.error = a->form_error;
    player_draw_form(&a->g, &m);
}

void form_submit(player_app *a)
{
    char err[256] = "";
    if (!a->fields[0][0]) {
        snprintf(a->form_error, sizeof a->form_error, "%s",
                 _("Kies een spel uit de lijst of typ het adres van de host."));
        return;
    }
    if (!a->fields[2][0]) {
        snprintf(a->form_error, sizeof a->form_error, "%s", _("Vul je voornaam in."));
        return;
    }
    /* "host:port" or "host" */
    char hostbuf[CLI_HOST_LEN];
    snprintf(hostbuf, sizeof hostbuf, "%s", a->fields[0]);
    char *colon = strrchr(hostbuf, ':');
    if (colon && strchr(hostbuf, ':') == colon) {
        int port = atoi(colon + 1);
        if (port <= 0 || port > 65535) {
            snprintf(a->form_error, sizeof a->form_error, "%s",
                     _("Het poortnummer na ‘:’ moet tussen 1 en 65535 liggen."));
            return;
        }
        *colon = 0;
        a->opts.port = port;
    }
    snprintf(a->opts.host, sizeof a->opts.host, "%s", hostbuf);
    snprintf(a->opts.code, sizeof a->opts.code, "%.*s", (int)sizeof a->opts.code - 1, a->fields[1]);
    snprintf(a->opts.name, sizeof a->opts.name, "%.*s", (int)sizeof a->opts.name - 1, a->fields[2]);
    app_stop_session(a);
    a->form_error[0] = 0;
    a->pick_error[0] = 0;
    /* --observe: straight to the table; otherwise first the game's roles */
    bool ok = a->opts.observe ? app_connect(a, &a->opts, err, sizeof err)
                              : look_start(a, err, sizeof err);
    if (!ok)
        snprintf(a->form_error, sizeof a->form_error, "%s", err);
    a->field = -1;
    SDL_StopTextInput();
}

void form_click(player_app *a, int id, int arg)
{
    switch (id) {
    case UI_ID_FIELD:
        a->field = arg;
        SDL_StartTextInput();
        break;
    case UI_ID_GAME_PICK:
        if (arg >= 0 && arg < a->n_found) {
            snprintf(a->fields[0], sizeof a->fields[0], "%s:%d", a->found[arg].address,
                     a->found[arg].port);
            snprintf(a->fields[1], sizeof a->fields[1], "%s", a->found[arg].code);
        }
        break;
    case UI_ID_SUBMIT: form_submit(a); break;
    default: break;
    }
    a->dirty = true;
}
