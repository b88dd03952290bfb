/* ui/ui_join: the player window around a client session: the join form
 * with the games found on the LAN, then the player screen. Every refusal
 * of the rules engine comes back through on_reject and is shown. */
#include "ui/player_app.h"
#include "ui/scene.h"
#include "ui/ui.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MESSAGE_MS 5000u
#define FORM_FIELDS 3 /* address, code, name */

struct player_app {
    cli_options opts;
    cli *c;
    cli_discovery *disc;
    cli_found_game found[CLI_MAX_FOUND];
    int n_found;
    ui_gfx g;
    ui_player_model m;
    core_seat_view view;        /* copy: the session's pointer moves on pump */
    bool have_view;
    core_public_view pub;       /* observers: the public table only */
    bool have_pub;
    bool dirty, quit;
    int field;                  /* focused form field, -1 none */
    char fields[FORM_FIELDS][CLI_HOST_LEN];
    int role_pick;              /* index in role_ids, -1 any */
    char form_error[256];
    uint64_t message_until;
    uint64_t frames;
    uint64_t last_views;
    cli_status last_status;
    bool press_on_card;
    int press_x, press_y, press_slot;
};

static const char *const role_ids[] = {"leraar", "ouder", "clb-anker", "leerondersteuner"};
#define N_ROLE_IDS 4

/* ---------------------------------------------------------------- session */

static void set_message(player_app *a, const char *msg, bool error)
{
    snprintf(a->m.message, sizeof a->m.message, "%s", msg);
    a->m.message_is_error = error;
    a->message_until = plat_now_ms() + MESSAGE_MS;
    a->dirty = true;
}

static void on_status(void *ctx, cli_status st, const char *reason)
{
    player_app *a = ctx;
    a->dirty = true;
    if ((st == CLI_STATUS_REJECTED || st == CLI_STATUS_FAILED) && reason && reason[0])
        snprintf(a->form_error, sizeof a->form_error, "%s", reason);
}

static void on_view(void *ctx, const core_seat_view *sv, const core_public_view *pub,
                    const core_events *ev)
{
    player_app *a = ctx;
    (void)pub;
    (void)ev;
    if (sv) {
        memcpy(&a->view, sv, sizeof *sv);
        a->have_view = true;
    } else if (pub) {
        memcpy(&a->pub, pub, sizeof *pub);
        a->have_pub = true;
    }
    /* a selection that no longer exists (cards drawn, committed) is dropped */
    if (a->m.selected >= 0 && a->m.selected < CORE_MAX_HAND && a->m.selected >= a->view.hand_n)
        a->m.selected = -1;
    a->dirty = true;
}

static void on_reject(void *ctx, core_reject r, const char *text)
{
    player_app *a = ctx;
    (void)r;
    /* the core's Dutch text is the msgid; English comes from en.po */
    set_message(a, _(text), true);
}

static void on_lobby(void *ctx, const cli_lobby *l)
{
    player_app *a = ctx;
    for (int s = 0; s < l->n_seats && s < CORE_MAX_SEATS; s++) {
        snprintf(a->m.seats[s].name, sizeof a->m.seats[s].name, "%s", l->seats[s].name);
        a->m.seats[s].conn = l->seats[s].bot         ? UI_SEAT_BOT
                             : l->seats[s].connected ? UI_SEAT_PLAYER
                             : l->seats[s].taken     ? UI_SEAT_LOST
                                                     : UI_SEAT_EMPTY;
    }
    a->dirty = true;
}

static bool connect_now(player_app *a, char *err, size_t err_len)
{
    cli_callbacks cb = {a, on_status, on_view, on_reject, on_lobby};
    a->c = cli_create(&a->opts, &cb, err, err_len);
    if (!a->c)
        return false;
    snprintf(a->m.player_name, sizeof a->m.player_name, "%s", a->opts.name);
    return true;
}

static void send(player_app *a, core_action_type t, int x, int y, int z)
{
    core_action act;
    memset(&act, 0, sizeof act);
    act.type = t;
    act.seat = a->view.seat;
    act.a = x;
    act.b = y;
    act.c = z;
    if (!a->c || !cli_send_action(a->c, &act))
        set_message(a, _("Niet verbonden: je actie is niet verstuurd."), true);
}

/* ------------------------------------------------------------------ input */

static void commit_to(player_app *a, int slot, int kind, int target)
{
    if (slot < 0)
        return;
    send(a, CORE_ACT_COMMIT, slot, kind, target);
    a->m.selected = -1;
}

static void game_click(player_app *a, int id, int arg)
{
    ui_player_model *m = &a->m;
    switch (id) {
    case UI_ID_CARD: m->selected = m->selected == arg ? -1 : arg; break;
    case UI_ID_COMMITTED: send(a, CORE_ACT_UNCOMMIT, arg, 0, 0); break;
    case UI_ID_NEED:
        if (a->view.pub.phase == CORE_PHASE_OVERLEG)
            m->focus_need = arg;
        else
            commit_to(a, m->selected, 0, arg);
        break;
    case UI_ID_FRICTION: commit_to(a, m->selected, 1, arg); break;
    case UI_ID_SHARE_FACT: send(a, CORE_ACT_SHARE_FACT, arg, 0, 0); break;
    case UI_ID_ASK:
    case UI_ID_OFFER:
        m->pick_need = arg;
        m->pick_offer = id == UI_ID_OFFER;
        break;
    case UI_ID_PICK_SEAT:
        if (m->pick_need >= 0)
            send(a, m->pick_offer ? CORE_ACT_OFFER : CORE_ACT_ASK, arg, m->pick_need, 0);
        m->pick_need = -1;
        break;
    case UI_ID_CANCEL: m->pick_need = -1; break;
    case UI_ID_LEAD_SELF: send(a, CORE_ACT_PROPOSE_LEAD, arg, a->view.seat, 0); break;
    case UI_ID_ACCEPT_LEAD: send(a, CORE_ACT_ACCEPT_LEAD, arg, 0, 0); break;
    case UI_ID_PROPOSE_GOAL: send(a, CORE_ACT_PROPOSE_GOAL, arg, 0, 0); break;
    case UI_ID_VOTE_YES: send(a, CORE_ACT_VOTE_GOAL, arg, 1, 0); break;
    case UI_ID_VOTE_NO: send(a, CORE_ACT_VOTE_GOAL, arg, 0, 0); break;
    case UI_ID_PROMISE_ACCEPT: send(a, CORE_ACT_RESPOND, arg, 1, 0); break;
    case UI_ID_PROMISE_DECLINE: send(a, CORE_ACT_RESPOND, arg, 0, 0); break;
    case UI_ID_READY: send(a, CORE_ACT_READY, 0, 0, 0); break;
    case UI_ID_UNREADY: send(a, CORE_ACT_UNREADY, 0, 0, 0); break;
    case UI_ID_REFLECT_OPTION: m->reflect_option = arg; break;
    case UI_ID_REFLECT_TEXT:
        m->editing_text = true;
        SDL_StartTextInput();
        break;
    case UI_ID_REFLECT_SEND: {
        core_action act;
        memset(&act, 0, sizeof act);
        act.type = CORE_ACT_REFLECT;
        act.seat = a->view.seat;
        act.a = m->reflect_option;
        snprintf(act.text, sizeof act.text, "%s", m->reflect_text);
        if (!a->c || !cli_send_action(a->c, &act))
            set_message(a, _("Niet verbonden: je actie is niet verstuurd."), true);
        m->editing_text = false;
        SDL_StopTextInput();
        break;
    }
    default: break;
    }
    if (id != UI_ID_REFLECT_TEXT && id != UI_ID_NONE && m->editing_text &&
        id != UI_ID_REFLECT_OPTION) {
        m->editing_text = false;
        SDL_StopTextInput();
    }
    a->dirty = true;
}

/* Number of UTF-8 characters, to hold the 140-character limit. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static void utf8_pop(char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        n--;
        if (((unsigned char)s[n] & 0xC0) != 0x80)
            break;
    }
    s[n] = 0;
}

static void append_text(char *dst, size_t cap, size_t max_chars, const char *in)
{
    size_t add_chars = utf8_chars(in);
    if (utf8_chars(dst) + add_chars > max_chars || strlen(dst) + strlen(in) + 1 > cap)
        return;
    strcat(dst, in);
}

static bool in_form(const player_app *a)
{
    return !a->c || (!a->have_view && !a->have_pub);
}

/* Latecomers and co-trainers who join as observers see the projector's
 * table on their own screen. */
static void draw_observer(player_app *a)
{
    ui_proj_model pm;
    ui_proj_model_init(&pm);
    pm.sc = cli_scenario(a->c);
    pm.pub = &a->pub;
    pm.observer = true;
    memcpy(pm.seats, a->m.seats, sizeof pm.seats);
    const cli_lobby *l = cli_lobby_get(a->c);
    if (l) {
        snprintf(pm.room_code, sizeof pm.room_code, "%s", l->code);
        pm.observers = l->observers;
        pm.paused = l->paused;
    }
    snprintf(pm.address, sizeof pm.address, "%.80s:%d", a->opts.host, a->opts.port);
    ui_draw_projector(&a->g, &pm, a->pub.phase == CORE_PHASE_LOBBY ? UI_PROJ_LOBBY : UI_PROJ_TABLE);
}

static void form_submit(player_app *a)
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
    if (a->role_pick >= 0 && a->role_pick < N_ROLE_IDS)
        snprintf(a->opts.role, sizeof a->opts.role, "%s", role_ids[a->role_pick]);
    else
        a->opts.role[0] = 0;
    if (a->c) {
        cli_destroy(a->c);
        a->c = NULL;
    }
    a->form_error[0] = 0;
    if (!connect_now(a, err, sizeof err))
        snprintf(a->form_error, sizeof a->form_error, "%s", err);
    a->field = -1;
    SDL_StopTextInput();
}

static void form_click(player_app *a, int id, int arg)
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
    case UI_ID_LEVEL_PICK: a->role_pick = arg; break; /* reused: role choice */
    case UI_ID_SUBMIT: form_submit(a); break;
    default: break;
    }
    a->dirty = true;
}

static void handle(player_app *a, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT: a->quit = true; break;
    case SDL_WINDOWEVENT: a->dirty = true; break;
    case SDL_TEXTINPUT:
        if (in_form(a) && a->field >= 0 && a->field < FORM_FIELDS) {
            size_t lim = a->field == 1 ? 4 : a->field == 2 ? 24 : 120;
            /* byte caps of the wire fields, so nothing is cut mid-character */
            size_t cap = a->field == 1 ? CLI_CODE_LEN : a->field == 2 ? CLI_NAME_LEN
                                                                       : sizeof a->fields[0];
            append_text(a->fields[a->field], cap, lim, e->text.text);
            if (a->field == 1)
                for (char *p = a->fields[1]; *p; p++)
                    if (*p >= 'a' && *p <= 'z')
                        *p = (char)(*p - 32);
        } else if (a->m.editing_text) {
            append_text(a->m.reflect_text, sizeof a->m.reflect_text, 140, e->text.text);
        }
        a->dirty = true;
        break;
    case SDL_KEYDOWN:
        if (e->key.keysym.sym == SDLK_BACKSPACE) {
            if (in_form(a) && a->field >= 0 && a->field < FORM_FIELDS)
                utf8_pop(a->fields[a->field]);
            else if (a->m.editing_text)
                utf8_pop(a->m.reflect_text);
        } else if (e->key.keysym.sym == SDLK_TAB && in_form(a)) {
            a->field = (a->field + 1) % FORM_FIELDS;
            SDL_StartTextInput();
        } else if (e->key.keysym.sym == SDLK_RETURN || e->key.keysym.sym == SDLK_KP_ENTER) {
            if (in_form(a))
                form_submit(a);
            else if (a->m.editing_text && a->m.reflect_option >= 0)
                game_click(a, UI_ID_REFLECT_SEND, 0);
        } else if (e->key.keysym.sym == SDLK_ESCAPE) {
            a->m.pick_need = -1;
            a->m.selected = -1;
            a->m.editing_text = false;
        } else if (e->key.keysym.sym == SDLK_F11 && a->g.win) {
            bool fs = (SDL_GetWindowFlags(a->g.win) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
            SDL_SetWindowFullscreen(a->g.win, fs ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
        }
        a->dirty = true;
        break;
    case SDL_MOUSEMOTION: {
        const ui_hit *before = ui_hit_at(&a->g, a->g.mouse_x, a->g.mouse_y);
        const ui_hit *after = ui_hit_at(&a->g, e->motion.x, e->motion.y);
        a->g.mouse_x = e->motion.x;
        a->g.mouse_y = e->motion.y;
        if (a->press_on_card && a->m.drag_slot < 0 &&
            abs(e->motion.x - a->press_x) + abs(e->motion.y - a->press_y) > 12) {
            a->m.drag_slot = a->press_slot;
            a->m.selected = a->press_slot;
        }
        if (a->m.drag_slot >= 0) {
            a->m.drag_x = e->motion.x;
            a->m.drag_y = e->motion.y;
            a->dirty = true;
        }
        if (before != after)
            a->dirty = true;
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_LEFT && !in_form(a)) {
            const ui_hit *hit = ui_hit_at(&a->g, e->button.x, e->button.y);
            a->press_on_card = hit && hit->id == UI_ID_CARD;
            a->press_slot = hit ? hit->arg : -1;
            a->press_x = e->button.x;
            a->press_y = e->button.y;
        }
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.button != SDL_BUTTON_LEFT)
            break;
        if (a->m.drag_slot >= 0) {
            /* a drop on a need or friction commits the dragged card */
            int slot = a->m.drag_slot;
            a->m.drag_slot = -1;
            a->press_on_card = false;
            const ui_hit *hit = ui_hit_at(&a->g, e->button.x, e->button.y);
            if (hit && hit->id == UI_ID_NEED)
                commit_to(a, slot, 0, hit->arg);
            else if (hit && hit->id == UI_ID_FRICTION)
                commit_to(a, slot, 1, hit->arg);
            a->dirty = true;
            break;
        }
        a->press_on_card = false;
        {
            const ui_hit *hit = ui_hit_at(&a->g, e->button.x, e->button.y);
            if (hit) {
                int id = hit->id, arg = hit->arg;
                if (in_form(a))
                    form_click(a, id, arg);
                else
                    game_click(a, id, arg);
            }
        }
        break;
    default: break;
    }
}

/* ------------------------------------------------------------------- form */

static void draw_field(player_app *a, SDL_Rect r, const char *label, int idx, int px)
{
    ui_gfx *g = &a->g;
    ui_text(g, label, r.x, r.y, px, px * 8 / 10, UI_BOLD, UI_INK, UI_LEFT, r.w);
    SDL_Rect f = {r.x, r.y + px * 14 / 10, r.w, px * 2};
    ui_round(g, f, ui_px(g, 8), UI_PANEL);
    bool focus = a->field == idx;
    ui_round_outline(g, f, ui_px(g, 8), focus ? ui_px(g, 3) : 1, focus ? UI_ACCENT : UI_LINE);
    char shown[CLI_HOST_LEN + 4];
    snprintf(shown, sizeof shown, "%s%s", a->fields[idx], focus ? "|" : "");
    if (shown[0])
        ui_text(g, shown, f.x + ui_px(g, 12), f.y + (f.h - px * 12 / 10) / 2, px, px * 7 / 10,
                UI_REGULAR, UI_INK, UI_LEFT, f.w - ui_px(g, 24));
    ui_hit_add(g, f, UI_ID_FIELD, idx);
}

static void draw_form(player_app *a)
{
    ui_gfx *g = &a->g;
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
    if (a->n_found == 0)
        ui_text_box(g, _("Nog geen spel gevonden. Staat de projector aan? Je kan ook het adres "
                         "typen dat op het scherm vooraan staat."),
                    (SDL_Rect){games.x + pad, y, games.w - 2 * pad, body * 5}, body, body * 8 / 10,
                    UI_REGULAR, UI_INK_SOFT, UI_LEFT);
    for (int i = 0; i < a->n_found; i++) {
        char lbl[200];
        snprintf(lbl, sizeof lbl, _("%s · code %s · %d van %d vrij"), a->found[i].title,
                 a->found[i].code, a->found[i].seats_free, a->found[i].seats_total);
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
    draw_field(a, (SDL_Rect){x, y, w, body * 4}, _("Adres van de host"), 0, body);
    y += body * 4 + ui_px(g, 12);
    draw_field(a, (SDL_Rect){x, y, w / 2, body * 4}, _("Code (4 letters)"), 1, body);
    y += body * 4 + ui_px(g, 12);
    draw_field(a, (SDL_Rect){x, y, w, body * 4}, _("Je voornaam"), 2, body);
    y += body * 4 + ui_px(g, 16);
    ui_text(g, _("Rol"), x, y, body, body, UI_BOLD, UI_INK, UI_LEFT, w);
    y += body * 14 / 10;
    static const char *const role_labels[N_ROLE_IDS] = {N_("Leraar"), N_("Ouder"),
                                                        N_("CLB-anker"), N_("Leerondersteuner")};
    int bw = (w - ui_px(g, 10)) / 2, bh = body * 17 / 10;
    for (int i = 0; i < N_ROLE_IDS; i++) {
        SDL_Rect b = {x + (i % 2) * (bw + ui_px(g, 10)), y + (i / 2) * (bh + ui_px(g, 10)), bw, bh};
        ui_button(g, b, _(role_labels[i]), body * 9 / 10, a->role_pick == i, true,
                  UI_ID_LEVEL_PICK, i);
    }
    y += 2 * (bh + ui_px(g, 10));
    ui_button(g, (SDL_Rect){x, y, w, bh}, _("Maakt niet uit (een vrije plaats)"), body * 9 / 10,
              a->role_pick < 0, true, UI_ID_LEVEL_PICK, -1);
    y += bh + ui_px(g, 20);
    const char *status = "";
    if (a->c) {
        switch (cli_status_get(a->c)) {
        case CLI_STATUS_CONNECTING: status = _("Verbinden…"); break;
        case CLI_STATUS_CONNECTED: status = _("Verbonden; wachten op het spel…"); break;
        case CLI_STATUS_RECONNECTING: status = _("Verbinding kwijt; opnieuw proberen…"); break;
        default: break;
        }
    }
    const char *msg = a->form_error[0] ? a->form_error : status;
    if (msg[0])
        ui_text_box(g, msg, (SDL_Rect){x, y, w, body * 3}, body, body * 8 / 10, UI_BOLD,
                    a->form_error[0] ? UI_ALARM : UI_INK_SOFT, UI_LEFT);
    ui_button(g, (SDL_Rect){x, form.y + form.h - pad - bh * 12 / 10, w, bh * 12 / 10},
              _("Meedoen"), body, true, true, UI_ID_SUBMIT, 0);
}

/* ------------------------------------------------------------------- loop */

static void refresh_status(player_app *a)
{
    if (!a->c)
        return;
    cli_status st = cli_status_get(a->c);
    const char *s = "";
    switch (st) {
    case CLI_STATUS_CONNECTED: s = cli_is_observer(a->c) ? _("toeschouwer") : _("verbonden"); break;
    case CLI_STATUS_CONNECTING: s = _("verbinden…"); break;
    case CLI_STATUS_RECONNECTING: s = _("verbinding kwijt, opnieuw…"); break;
    case CLI_STATUS_REJECTED: s = _("geweigerd"); break;
    case CLI_STATUS_FAILED: s = _("geen verbinding"); break;
    default: break;
    }
    if (strcmp(s, a->m.status) != 0) {
        snprintf(a->m.status, sizeof a->m.status, "%s", s);
        a->dirty = true;
    }
    if (st != a->last_status) {
        a->last_status = st;
        a->dirty = true;
        if (st == CLI_STATUS_REJECTED || st == CLI_STATUS_FAILED) {
            snprintf(a->form_error, sizeof a->form_error, "%s", cli_reason(a->c));
            a->have_view = false;
            a->have_pub = false;
        }
    }
}

bool player_app_step(player_app *a, int wait_ms)
{
    if (a->c) {
        cli_pump(a->c, 0);
        refresh_status(a);
    } else if (a->disc) {
        cli_found_game f[CLI_MAX_FOUND];
        int n = cli_discovery_poll(a->disc, f, CLI_MAX_FOUND);
        if (n != a->n_found || memcmp(f, a->found, sizeof f[0] * (size_t)(n > 0 ? n : 0)) != 0) {
            memcpy(a->found, f, sizeof f[0] * (size_t)(n > 0 ? n : 0));
            a->n_found = n;
            a->dirty = true;
        }
    }
    if (a->m.message[0] && plat_now_ms() >= a->message_until) {
        a->m.message[0] = 0;
        a->dirty = true;
    }
    if (a->dirty) {
        ui_gfx_begin(&a->g);
        if (in_form(a)) {
            draw_form(a);
        } else {
            a->m.sc = cli_scenario(a->c);
            a->m.view = &a->view;
            if (a->m.sc && a->have_view)
                ui_draw_player(&a->g, &a->m);
            else if (a->m.sc && a->have_pub)
                draw_observer(a);
            else
                draw_form(a);
        }
        if (a->g.win)
            SDL_RenderPresent(a->g.ren);
        a->frames++;
        a->dirty = false;
        /* tools/bench/ui.sh times start -> first presented frame with this */
        if (a->g.win && getenv("SAMENSPEL_EXIT_AFTER_FIRST_FRAME"))
            a->quit = true;
    }
    SDL_Event e;
    if (ui_wait_event(&e, wait_ms)) {
        handle(a, &e);
        while (SDL_PollEvent(&e))
            handle(a, &e);
    }
    return !a->quit;
}

player_app *player_app_open(const cli_options *opts, bool offscreen, char *err, size_t err_len)
{
    player_app *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(err, err_len, "%s", _("Te weinig geheugen."));
        return NULL;
    }
    a->opts = *opts;
    a->field = -1;
    a->role_pick = -1;
    for (int i = 0; i < N_ROLE_IDS; i++)
        if (strcmp(opts->role, role_ids[i]) == 0)
            a->role_pick = i;
    ui_player_model_init(&a->m);
    int w = opts->width > 0 ? opts->width : 1280;
    int h = opts->height > 0 ? opts->height : 720;
    if (!ui_gfx_open(&a->g, _("Samenspel — speler"), w, h, offscreen, opts->font, err, err_len)) {
        free(a);
        return NULL;
    }
    if (opts->host[0]) {
        snprintf(a->fields[0], sizeof a->fields[0], "%s", opts->host);
        snprintf(a->fields[1], sizeof a->fields[1], "%s", opts->code);
        snprintf(a->fields[2], sizeof a->fields[2], "%s", opts->name);
        /* Without a code or name the form asks for them first. */
        if (opts->code[0] && opts->name[0] && !connect_now(a, err, err_len)) {
            ui_gfx_close(&a->g);
            free(a);
            return NULL;
        }
    } else {
        char derr[256];
        a->disc = cli_discovery_start(opts->port > 0 ? opts->port : CLI_DEFAULT_PORT, NULL, derr,
                                      sizeof derr);
        if (!a->disc)
            snprintf(a->form_error, sizeof a->form_error, "%s", derr);
        snprintf(a->fields[1], sizeof a->fields[1], "%s", opts->code);
        snprintf(a->fields[2], sizeof a->fields[2], "%s", opts->name);
    }
    a->dirty = true;
    return a;
}

void player_app_close(player_app *a)
{
    if (!a)
        return;
    if (a->c)
        cli_destroy(a->c);
    if (a->disc)
        cli_discovery_stop(a->disc);
    ui_gfx_close(&a->g);
    free(a);
}

ui_gfx *player_app_gfx(player_app *a) { return &a->g; }
cli *player_app_session(player_app *a) { return a->c; }
const ui_player_model *player_app_model(const player_app *a) { return &a->m; }
uint64_t player_app_frames(const player_app *a) { return a->frames; }

bool player_app_find(const player_app *a, int id, int arg, int *x, int *y)
{
    for (int i = 0; i < a->g.n_hits; i++) {
        const ui_hit *h = &a->g.hits[i];
        if (h->id == id && (arg < 0 || h->arg == arg)) {
            *x = h->r.x + h->r.w / 2;
            *y = h->r.y + h->r.h / 2;
            return true;
        }
    }
    return false;
}

static const char *scene_for(cli_screen s)
{
    switch (s) {
    case CLI_SCREEN_LOBBY: return "player-identiteit";
    case CLI_SCREEN_DEBRIEF: return "player-reflectie";
    default: return "player-inzet";
    }
}

int ui_join_main(const cli_options *opts)
{
    char err[UI_ERR_LEN] = "";
    if (opts->screenshot[0]) {
        int w = opts->width > 0 ? opts->width : 1920;
        int h = opts->height > 0 ? opts->height : 1080;
        /* The player screenshot plays the bundled level locally: the
         * screens are the same ones a connected player sees. */
        if (!ui_scene_screenshot(NULL, scene_for(opts->screen), w, h, opts->font,
                                 opts->screenshot, err, sizeof err)) {
            fprintf(stderr, "samenspel join: %s\n", err);
            return 1;
        }
        return 0;
    }
    player_app *a = player_app_open(opts, false, err, sizeof err);
    if (!a) {
        fprintf(stderr, "samenspel join: %s\n", err);
        return 1;
    }
    while (player_app_step(a, 40)) {
    }
    player_app_close(a);
    SDL_Quit();
    return 0;
}
