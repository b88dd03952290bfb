/* ui/ui_join: the player window around a client session: the join form
 * with the games found on the LAN, the role picker, then the player screen.
 * Every refusal of the host or the rules engine is shown in words.
 *
 * The role picker shows the game's own roles (a level may add roles the
 * four core ones do not cover). The wire only carries them inside WELCOME,
 * so the picker reads them through a short-lived observer connection (the
 * "look"): it holds the scenario and the live LOBBY, so the seats' taken
 * state stays current while the player reads. The look stays open until the
 * player's own connection has its first view, so a refused role (someone
 * was quicker) lands back on a picker that is already up to date. */
#include "ui/player_app.h"
#include "ui/scene.h"
#include "ui/ui.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
    /* role picker */
    cli *look;                  /* observer connection reading the roles, or NULL */
    player_pick pick;
    char pick_role[CORE_ID_LEN];        /* role id when pick == PLAYER_PICK_ROLE */
    char pick_role_name[CORE_TITLE_LEN]; /* its name, for messages */
    bool pick_rejoin;           /* the pick is a seat waiting under this player's name */
    char pick_error[256];       /* the host's refusal of the last choice */
    char form_error[256];
    uint64_t message_until;
    uint64_t frames;
    uint64_t last_views;
    cli_status last_status;
    bool press_on_card;
    int press_x, press_y, press_slot;
    /* keyboard focus on the game screen: the click region (id, arg) that
     * Enter activates; the ring shows once a key moved it */
    int focus_id, focus_arg;
    bool focus_visible;
};


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
    (void)st;
    (void)reason; /* refresh_status turns a refusal into words after the pump */
    a->dirty = true;
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
    a->m.paused = l->paused;
    for (int s = 0; s < l->n_seats && s < CORE_MAX_SEATS; s++) {
        snprintf(a->m.seats[s].name, sizeof a->m.seats[s].name, "%s", l->seats[s].name);
        a->m.seats[s].conn = l->seats[s].bot         ? UI_SEAT_BOT
                             : l->seats[s].connected ? UI_SEAT_PLAYER
                             : l->seats[s].taken     ? UI_SEAT_LOST
                                                     : UI_SEAT_EMPTY;
    }
    a->dirty = true;
}

static bool connect_now(player_app *a, const cli_options *o, char *err, size_t err_len)
{
    cli_callbacks cb = {a, on_status, on_view, on_reject, on_lobby};
    a->have_view = a->have_pub = false;
    a->last_status = CLI_STATUS_IDLE;
    a->c = cli_create(o, &cb, err, err_len);
    if (!a->c)
        return false;
    snprintf(a->m.player_name, sizeof a->m.player_name, "%s", o->name);
    return true;
}

/* The look only redraws the picker; its views are not the player's. */
static void look_status(void *ctx, cli_status st, const char *reason)
{
    (void)st;
    (void)reason;
    ((player_app *)ctx)->dirty = true;
}

static void look_lobby(void *ctx, const cli_lobby *l)
{
    (void)l;
    ((player_app *)ctx)->dirty = true;
}

static void stop_look(player_app *a)
{
    if (a->look) {
        cli_destroy(a->look);
        a->look = NULL;
        a->dirty = true;
    }
}

static bool start_look(player_app *a, char *err, size_t err_len)
{
    stop_look(a);
    cli_options o = a->opts;
    o.observe = true;
    o.browse = true; /* not an audience: the projector does not count it */
    o.role[0] = 0;
    o.no_token_store = true;
    cli_callbacks cb = {a, look_status, NULL, NULL, look_lobby};
    a->look = cli_create(&o, &cb, err, err_len);
    a->dirty = true;
    return a->look != NULL;
}

static void stop_session(player_app *a)
{
    if (a->c) {
        cli_destroy(a->c);
        a->c = NULL;
    }
    a->have_view = a->have_pub = false;
    a->last_status = CLI_STATUS_IDLE;
    a->m.status[0] = 0;
    a->dirty = true;
}

/* The picker is up: the look knows the game's roles and seats. */
static const cli_lobby *look_lobby_ready(const player_app *a)
{
    if (!a->look || !cli_scenario(a->look))
        return NULL;
    const cli_lobby *l = cli_lobby_get(a->look);
    return l && l->n_seats > 0 ? l : NULL;
}

/* A refusal or a lost host in words a participant can act on. */
static void describe_refusal(const player_app *a, cli *c, char *out, size_t len)
{
    const char *role = a->pick_role_name[0] ? a->pick_role_name : a->pick_role;
    if (cli_status_get(c) == CLI_STATUS_FAILED && cli_reject_code(c) != CLI_REJ_SHUTDOWN) {
        snprintf(out, len, _("Geen verbinding met de host (%s). Klopt het adres? Staan de laptop "
                             "en de projector op hetzelfde netwerk?"),
                 cli_reason(c));
        return;
    }
    switch (cli_reject_code(c)) {
    case CLI_REJ_WRONG_CODE:
        snprintf(out, len, "%s",
                 _("Die code klopt niet. Typ de 4 letters die op het scherm vooraan staan."));
        break;
    case CLI_REJ_ROLE_TAKEN:
        if (a->pick_rejoin)
            /* the host found no seat token of ours for it */
            snprintf(out, len,
                     _("Deze laptop kent de plaats van %s niet meer. Vraag de begeleider om die "
                       "plaats vrij te geven, of kies een andere rol."),
                     role);
        else
            snprintf(out, len, _("Iemand anders nam net de rol %s. Kies een andere rol."), role);
        break;
    case CLI_REJ_UNKNOWN_ROLE:
        snprintf(out, len, _("De rol ‘%s’ speelt niet mee in dit spel. Kies een van de rollen "
                             "van dit spel."),
                 role);
        break;
    case CLI_REJ_FULL:
        snprintf(out, len, "%s",
                 _("Alle plaatsen zijn bezet. Je kan meekijken als toeschouwer."));
        break;
    case CLI_REJ_KICKED:
        snprintf(out, len, "%s", _("De begeleider heeft je uit dit spel gehaald."));
        break;
    case CLI_REJ_VERSION:
        snprintf(out, len, "%s",
                 _("Deze laptop heeft een andere versie van Samenspel dan de projector. Vraag de "
                   "begeleider om dezelfde versie."));
        break;
    case CLI_REJ_SERVER_BUSY:
        snprintf(out, len, "%s", _("De host is even te druk. Probeer het zo opnieuw."));
        break;
    case CLI_REJ_REPLACED:
        snprintf(out, len, "%s",
                 _("Je plaats is overgenomen: door een bot, door de begeleider of door een "
                   "nieuwe verbinding met jouw plaats."));
        break;
    case CLI_REJ_SHUTDOWN: snprintf(out, len, "%s", _("De host is gestopt.")); break;
    case CLI_REJ_BAD_HELLO:
        snprintf(out, len, _("De host begreep de aanmelding niet (%s)."), cli_reason(c));
        break;
    case CLI_REJ_NONE:
    default:
        snprintf(out, len, _("De host weigerde: %s"), cli_reason(c));
        break;
    }
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
    case UI_ID_DROP_GOAL: send(a, CORE_ACT_DROP_GOAL, arg, 0, 0); break;
    case UI_ID_DOSSIER_PAGE: m->dossier_first = arg; break;
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

static bool picking(const player_app *a)
{
    return in_form(a) && look_lobby_ready(a) != NULL;
}

/* The form's text fields take typing (not while the picker is up). */
static bool typing_form(const player_app *a)
{
    return in_form(a) && !picking(a) && a->field >= 0 && a->field < FORM_FIELDS;
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
    stop_session(a);
    a->form_error[0] = 0;
    a->pick_error[0] = 0;
    /* --observe: straight to the table; otherwise first the game's roles */
    bool ok = a->opts.observe ? connect_now(a, &a->opts, err, sizeof err)
                              : start_look(a, err, sizeof err);
    if (!ok)
        snprintf(a->form_error, sizeof a->form_error, "%s", err);
    a->field = -1;
    SDL_StopTextInput();
}

/* ------------------------------------------------------------ role picker */

static bool seat_is_mine(const char *name, const cli_lobby_seat *s)
{
    /* a seat waiting for its player, under the name typed here: most likely
     * this person coming back (the host decides by the stored token) */
    return s->taken && !s->bot && !s->connected && name && name[0] &&
           strcasecmp(s->name, name) == 0;
}

static bool seat_free(const char *name, const cli_lobby_seat *s)
{
    return !s->taken || seat_is_mine(name, s);
}

/* The picked role still has a free seat (after a new LOBBY or level). */
static bool pick_available(const player_app *a, const cli_lobby *l)
{
    if (a->pick != PLAYER_PICK_ROLE)
        return a->pick != PLAYER_PICK_NONE;
    for (int s = 0; s < l->n_seats && s < CORE_MAX_SEATS; s++)
        if (strcmp(l->seats[s].role_id, a->pick_role) == 0 && seat_free(a->opts.name, &l->seats[s]))
            return true;
    return false;
}

static void pick_seat_role(player_app *a, int seat)
{
    const cli_lobby *l = look_lobby_ready(a);
    if (!l || seat < 0 || seat >= l->n_seats || seat >= CORE_MAX_SEATS ||
        !seat_free(a->opts.name, &l->seats[seat]))
        return;
    a->pick = PLAYER_PICK_ROLE;
    snprintf(a->pick_role, sizeof a->pick_role, "%s", l->seats[seat].role_id);
    snprintf(a->pick_role_name, sizeof a->pick_role_name, "%s", l->seats[seat].role_name);
    a->pick_rejoin = l->seats[seat].taken;
    a->pick_error[0] = 0;
}

/* Up/Down: the previous/next free seat, for those who prefer the keys. */
static void pick_step(player_app *a, int dir)
{
    const cli_lobby *l = look_lobby_ready(a);
    if (!l || a->c)
        return;
    int n = l->n_seats < CORE_MAX_SEATS ? l->n_seats : CORE_MAX_SEATS;
    int cur = -1;
    for (int s = 0; s < n && a->pick == PLAYER_PICK_ROLE; s++)
        if (strcmp(l->seats[s].role_id, a->pick_role) == 0 && seat_free(a->opts.name, &l->seats[s])) {
            cur = s;
            break;
        }
    for (int k = 1; k <= n; k++) {
        int s = ((cur < 0 ? (dir > 0 ? -1 : n) : cur) + dir * k % n + 2 * n) % n;
        if (seat_free(a->opts.name, &l->seats[s]) &&
            (a->pick != PLAYER_PICK_ROLE || strcmp(l->seats[s].role_id, a->pick_role) != 0)) {
            pick_seat_role(a, s);
            return;
        }
    }
}

static void pick_confirm(player_app *a)
{
    const cli_lobby *l = look_lobby_ready(a);
    if (!l)
        return;
    if (a->pick == PLAYER_PICK_NONE) {
        snprintf(a->pick_error, sizeof a->pick_error, "%s",
                 _("Kies eerst een rol, een vrije plaats of meekijken."));
        return;
    }
    if (!pick_available(a, l)) {
        snprintf(a->pick_error, sizeof a->pick_error,
                 _("De rol %s is intussen bezet. Kies een andere rol."), a->pick_role_name);
        a->pick = PLAYER_PICK_NONE;
        return;
    }
    cli_options o = a->opts;
    o.observe = a->pick == PLAYER_PICK_OBSERVE;
    if (a->pick == PLAYER_PICK_ROLE)
        snprintf(o.role, sizeof o.role, "%s", a->pick_role);
    else
        o.role[0] = 0;
    stop_session(a);
    a->pick_error[0] = 0;
    char err[256] = "";
    if (!connect_now(a, &o, err, sizeof err))
        snprintf(a->pick_error, sizeof a->pick_error, "%s", err);
}

static void back_to_form(player_app *a)
{
    stop_session(a);
    stop_look(a);
    a->pick_error[0] = 0;
}

static void picker_click(player_app *a, int id, int arg)
{
    /* while the chosen seat is being taken, the picker only offers Back */
    bool seating = a->c != NULL;
    switch (id) {
    case PLAYER_ID_ROLE:
        if (!seating)
            pick_seat_role(a, arg);
        break;
    case PLAYER_ID_ANY_SEAT:
        if (!seating) {
            a->pick = PLAYER_PICK_ANY;
            a->pick_error[0] = 0;
        }
        break;
    case PLAYER_ID_OBSERVE:
        if (!seating) {
            a->pick = PLAYER_PICK_OBSERVE;
            a->pick_error[0] = 0;
        }
        break;
    case UI_ID_SUBMIT:
        if (!seating)
            pick_confirm(a);
        break;
    case UI_ID_BACK: back_to_form(a); break;
    default: break;
    }
    a->dirty = true;
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
    case UI_ID_SUBMIT: form_submit(a); break;
    default: break;
    }
    a->dirty = true;
}

/* The click regions the keyboard can reach: those of the top layer (after
 * the last region covering the whole window, an overlay's backdrop). */
static int focusables(const player_app *a, int *out, int cap)
{
    const ui_gfx *g = &a->g;
    int from = 0;
    for (int i = 0; i < g->n_hits; i++)
        if (g->hits[i].r.w >= g->w && g->hits[i].r.h >= g->h)
            from = i + 1;
    int n = 0;
    for (int i = from; i < g->n_hits && n < cap; i++)
        if (g->hits[i].id != UI_ID_NONE)
            out[n++] = i;
    return n;
}

static const ui_hit *focused_hit(const player_app *a)
{
    int idx[UI_MAX_HITS];
    int n = focusables(a, idx, UI_MAX_HITS);
    for (int k = 0; k < n; k++) {
        const ui_hit *h = &a->g.hits[idx[k]];
        if (h->id == a->focus_id && h->arg == a->focus_arg)
            return h;
    }
    return NULL;
}

/* Tab / arrows: the next (dir 1) or previous (-1) control in drawing order. */
static void focus_step(player_app *a, int dir)
{
    int idx[UI_MAX_HITS];
    int n = focusables(a, idx, UI_MAX_HITS);
    if (n == 0)
        return;
    int cur = -1;
    for (int k = 0; k < n && cur < 0; k++)
        if (a->g.hits[idx[k]].id == a->focus_id && a->g.hits[idx[k]].arg == a->focus_arg)
            cur = k;
    int next = cur < 0 ? (dir > 0 ? 0 : n - 1) : (cur + dir + n) % n;
    a->focus_id = a->g.hits[idx[next]].id;
    a->focus_arg = a->g.hits[idx[next]].arg;
    a->focus_visible = true;
}

/* Keys of the game screen: Tab and arrows move the focus, Enter or Space
 * acts on it, number keys pick a card (Inzet) or an answer (Reflectie). */
static bool game_key(player_app *a, SDL_Keycode k, Uint16 mod)
{
    if (a->m.editing_text)
        return false; /* typing: keys belong to the text */
    if (k == SDLK_TAB || k == SDLK_RIGHT || k == SDLK_DOWN || k == SDLK_LEFT || k == SDLK_UP) {
        bool back = k == SDLK_LEFT || k == SDLK_UP || (k == SDLK_TAB && (mod & KMOD_SHIFT));
        focus_step(a, back ? -1 : 1);
        return true;
    }
    if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) {
        const ui_hit *h = a->focus_visible ? focused_hit(a) : NULL;
        if (h)
            game_click(a, h->id, h->arg);
        return h != NULL;
    }
    if (k >= SDLK_1 && k <= SDLK_9 && a->have_view) {
        int i = (int)(k - SDLK_1);
        const core_seat_view *v = &a->view;
        if (v->pub.phase == CORE_PHASE_INZET && i < v->hand_n + v->pub.n_innovations) {
            int slot = i < v->hand_n ? i : CORE_MAX_HAND + (i - v->hand_n);
            game_click(a, UI_ID_CARD, slot);
            return true;
        }
        if (v->pub.phase == CORE_PHASE_REFLECTIE && !v->pub.seat_reflected[v->seat]) {
            game_click(a, UI_ID_REFLECT_OPTION, i);
            return true;
        }
    }
    return false;
}

/* The focus ring: dark outside, white inside, visible on any panel. */
static void draw_focus(player_app *a)
{
    const ui_hit *h = a->focus_visible ? focused_hit(a) : NULL;
    if (!h)
        return;
    int t = ui_px(&a->g, 4);
    SDL_Rect o = {h->r.x - t, h->r.y - t, h->r.w + 2 * t, h->r.h + 2 * t};
    ui_round_outline(&a->g, o, ui_px(&a->g, 12), t, UI_INK);
    ui_round_outline(&a->g, h->r, ui_px(&a->g, 10), ui_px(&a->g, 2), UI_WHITE);
    /* text that ends in "…" shows whole under the focus, as under the mouse */
    ui_draw_tooltip(&a->g, h->r.x + 1, h->r.y + 1);
}

static void handle(player_app *a, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT: a->quit = true; break;
    case SDL_WINDOWEVENT: a->dirty = true; break;
    case SDL_TEXTINPUT:
        if (typing_form(a)) {
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
        if (!in_form(a) && a->have_view && !a->m.paused &&
            game_key(a, e->key.keysym.sym, e->key.keysym.mod)) {
            a->dirty = true;
            break;
        }
        if (e->key.keysym.sym == SDLK_BACKSPACE) {
            if (typing_form(a))
                utf8_pop(a->fields[a->field]);
            else if (a->m.editing_text)
                utf8_pop(a->m.reflect_text);
        } else if (e->key.keysym.sym == SDLK_TAB && in_form(a) && !picking(a)) {
            a->field = (a->field + 1) % FORM_FIELDS;
            SDL_StartTextInput();
        } else if (e->key.keysym.sym == SDLK_RETURN || e->key.keysym.sym == SDLK_KP_ENTER) {
            if (picking(a))
                picker_click(a, UI_ID_SUBMIT, 0);
            else if (in_form(a))
                form_submit(a);
            else if (a->m.editing_text && a->m.reflect_option >= 0)
                game_click(a, UI_ID_REFLECT_SEND, 0);
        } else if (e->key.keysym.sym == SDLK_ESCAPE && picking(a)) {
            back_to_form(a);
        } else if ((e->key.keysym.sym == SDLK_DOWN || e->key.keysym.sym == SDLK_UP) &&
                   picking(a)) {
            pick_step(a, e->key.keysym.sym == SDLK_DOWN ? 1 : -1);
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
        a->focus_visible = false; /* the mouse took over */
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
                if (picking(a))
                    picker_click(a, id, arg);
                else if (in_form(a))
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

static void draw_form(player_app *a)
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

/* Joins up to n strings with " · " into out. */
static void join_list(char *out, size_t len, const char (*items)[CORE_ID_LEN], int n)
{
    out[0] = 0;
    for (int i = 0; i < n; i++) {
        size_t used = strlen(out);
        snprintf(out + used, len - used, "%s%s", i ? " · " : "", items[i]);
    }
}

/* One seat of the game: the role's colour chip and name, and who sits
 * there. A free seat is a click region; the picked role is outlined and
 * says so in words (colour never stands alone). */
static void draw_seat_row(ui_gfx *g, const player_picker_model *m, const cli_lobby_seat *ls,
                          int seat, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    bool seating = m->seating;
    int body = ui_font_px(g, 28), small = ui_font_px(g, 27);
    bool free_seat = seat_free(m->player_name, ls);
    bool chosen = m->pick == PLAYER_PICK_ROLE && m->pick_role &&
                  strcmp(ls->role_id, m->pick_role) == 0 && free_seat;
    bool hot = free_seat && !seating && ui_hover(g, r);
    int rad = ui_px(g, 12);
    ui_round(g, r, rad, !free_seat ? UI_PANEL_ALT : hot ? UI_BG : UI_PANEL);
    ui_round_outline(g, r, rad, chosen ? ui_px(g, 4) : 1, chosen ? UI_ACCENT : UI_LINE);
    int chip = r.h * 64 / 100;
    int x = r.x + ui_px(g, 16);
    if (ls->role >= 0 && ls->role < sc->n_roles)
        x += ui_role_chip(g, sc, ls->role, x, r.y + (r.h - chip) / 2, chip) + ui_px(g, 16);
    char state[CLI_NAME_LEN + 64];
    SDL_Color sc_ink = UI_INK_SOFT;
    if (chosen) {
        snprintf(state, sizeof state, "%s", _("jouw keuze"));
        sc_ink = UI_ACCENT;
    } else if (seat_is_mine(m->player_name, ls)) {
        snprintf(state, sizeof state, "%s", _("jouw plaats? terugkeren"));
        sc_ink = UI_ACCENT;
    } else if (!ls->taken) {
        snprintf(state, sizeof state, "%s", _("vrij"));
        sc_ink = UI_GOOD;
    } else if (ls->bot) {
        snprintf(state, sizeof state, "%s", _("bezet · bot"));
    } else if (!ls->connected) {
        snprintf(state, sizeof state, _("wacht op %s"), ls->name);
        sc_ink = UI_WARN;
    } else {
        snprintf(state, sizeof state, _("bezet · %s"), ls->name);
    }
    int right = r.x + r.w - ui_px(g, 20), sep = ui_px(g, 16);
    int th = 0, tw = 0;
    ui_text_size(g, ls->role_name, body, UI_BOLD, &tw, &th);
    /* the role name takes what it needs (at most 55%), the state the rest */
    int name_w = tw < (right - x) * 55 / 100 ? tw : (right - x) * 55 / 100;
    int state_w = right - x - name_w - sep;
    ui_text(g, ls->role_name, x, r.y + (r.h - th) / 2, body, small * 8 / 10, UI_BOLD,
            free_seat ? UI_INK : UI_INK_SOFT, UI_LEFT, name_w + 1);
    ui_text_size(g, state, small, chosen ? UI_BOLD : UI_REGULAR, &tw, &th);
    ui_text(g, state, right, r.y + (r.h - th) / 2, small, small * 8 / 10,
            chosen ? UI_BOLD : UI_REGULAR, sc_ink, UI_RIGHT, state_w);
    if (free_seat && !seating)
        ui_hit_add(g, r, PLAYER_ID_ROLE, seat);
}

/* What the picked choice means, inside c: the role's T-shape in words, or
 * what a free seat or watching gives. */
static void draw_pick_detail(ui_gfx *g, const player_picker_model *m, SDL_Rect c)
{
    const core_scenario *sc = m->sc;
    int h2 = ui_font_px(g, 36), body = ui_font_px(g, 28), small = ui_font_px(g, 27);
    int y = c.y, gap = ui_px(g, 14);
    const core_role_def *d = NULL;
    int role = -1;
    if (m->pick == PLAYER_PICK_ROLE && m->pick_role)
        for (int r = 0; r < sc->n_roles && r < CORE_MAX_ROLES; r++)
            if (strcmp(sc->roles[r].id, m->pick_role) == 0) {
                d = &sc->roles[r];
                role = r;
            }
    if (!d) {
        const char *title = _("Nog geen keuze");
        const char *text = _("Klik links op een vrije rol om te lezen wat die rol kan en waar "
                             "de grenzen liggen.");
        if (m->pick == PLAYER_PICK_ANY) {
            title = _("Een vrije plaats");
            text = _("Je krijgt de eerste vrije plaats. Welke rol dat is, zie je zodra je aan "
                     "tafel zit.");
        } else if (m->pick == PLAYER_PICK_OBSERVE) {
            title = _("Meekijken");
            text = _("Je ziet de tafel zoals op het scherm vooraan, zonder eigen kaarten. Handig "
                     "voor wie later aansluit of als begeleider meekijkt.");
        }
        ui_text(g, title, c.x, y, h2, body, UI_BOLD, UI_INK, UI_LEFT, c.w);
        y += h2 * 14 / 10;
        ui_text_box(g, text, (SDL_Rect){c.x, y, c.w, c.y + c.h - y}, body, small * 8 / 10,
                    UI_REGULAR, UI_INK, UI_LEFT);
        return;
    }
    int chip = h2 * 14 / 10;
    int x = c.x + ui_role_chip(g, sc, role, c.x, y, chip) + ui_px(g, 16);
    int tw = 0, th = 0;
    ui_text_size(g, d->name, h2, UI_BOLD, &tw, &th);
    ui_text(g, d->name, x, y + (chip - th) / 2, h2, body, UI_BOLD, UI_INK, UI_LEFT,
            c.x + c.w - x);
    y += chip + gap;
    /* sections, each as tall as its text; the last one takes what is left */
    char domains[CORE_MAX_DOMAINS * (CORE_ID_LEN + 4)], skills[CORE_MAX_SKILLS * (CORE_TITLE_LEN + 4)];
    join_list(domains, sizeof domains, d->domains,
              d->n_domains < CORE_MAX_DOMAINS ? d->n_domains : CORE_MAX_DOMAINS);
    skills[0] = 0;
    for (int i = 0; i < d->n_skills && i < CORE_MAX_SKILLS; i++) {
        size_t used = strlen(skills);
        snprintf(skills + used, sizeof skills - used, "%s%s", i ? " · " : "", d->skills[i]);
    }
    struct {
        const char *label, *text;
    } sec[4] = {{NULL, d->description},
                {_("Sterk in"), domains},
                {_("Maakt anderen sterker met"), skills},
                {_("Grenzen"), d->limits_text}};
    /* the description reads at body size unless everything would not fit:
     * a level may give a role 400 bytes of description and of limits */
    int desc_px = body, total = 0;
    for (int i = 0; i < 4; i++)
        if (sec[i].text[0])
            total += (sec[i].label ? small * 13 / 10 : 0) + gap +
                     ui_text_box_height(g, sec[i].text, c.w, i == 0 ? body : small, UI_REGULAR);
    if (total > c.y + c.h - y)
        desc_px = small;
    for (int i = 0; i < 4; i++) {
        if (!sec[i].text[0])
            continue;
        if (sec[i].label) {
            ui_text(g, sec[i].label, c.x, y, small, small * 8 / 10, UI_BOLD, UI_ACCENT, UI_LEFT,
                    c.w);
            y += small * 13 / 10;
        }
        int left = c.y + c.h - y;
        if (left < small)
            break;
        int px = i == 0 ? desc_px : small;
        int need = ui_text_box_height(g, sec[i].text, c.w, px, UI_REGULAR);
        SDL_Rect box = {c.x, y, c.w, need < left ? need : left};
        y += ui_text_box(g, sec[i].text, box, px, small * 8 / 10, UI_REGULAR, UI_INK, UI_LEFT) +
             gap;
    }
}

void player_draw_picker(ui_gfx *g, const player_picker_model *m)
{
    const core_scenario *sc = m->sc;
    const cli_lobby *l = m->lobby;
    bool seating = m->seating;
    ui_draw_background(g);
    SDL_Rect bar = {0, 0, g->w, ui_r(g, 0, 0, 1920, 84).y + ui_px(g, 84)};
    ui_fill(g, bar, UI_ACCENT);
    int h2 = ui_font_px(g, 36), body = ui_font_px(g, 28), small = ui_font_px(g, 27);
    SDL_Rect t = ui_r(g, 40, 20, 1840, 50);
    ui_text(g, _("Samenspel · kies je rol"), t.x, t.y, h2, body, UI_BOLD, UI_WHITE, UI_LEFT,
            t.w);
    int pad = ui_px(g, 24);

    /* left: the game and its seats */
    SDL_Rect left = ui_r(g, 40, 120, 1000, 900);
    ui_panel(g, left);
    int x = left.x + pad, w = left.w - 2 * pad, y = left.y + pad;
    ui_text(g, sc->title, x, y, h2, body, UI_BOLD, UI_ACCENT, UI_LEFT, w);
    y += h2 * 13 / 10;
    char pupil[CORE_TITLE_LEN * 2 + 64];
    if (sc->pupil_class[0])
        snprintf(pupil, sizeof pupil, _("Samen voor %s (%d jaar, %s) · code %s"), sc->pupil_name,
                 sc->pupil_age, sc->pupil_class, l->code);
    else
        snprintf(pupil, sizeof pupil, _("Samen voor %s (%d jaar) · code %s"), sc->pupil_name,
                 sc->pupil_age, l->code);
    ui_text(g, pupil, x, y, small, small * 8 / 10, UI_REGULAR, UI_INK_SOFT, UI_LEFT, w);
    y += small * 15 / 10;
    if (l->started && !l->finished) {
        /* latecomers: the rules bring Identiteit back for them */
        const char *late = _("Het spel loopt al: wie nu aanschuift, stelt zich eerst voor.");
        int lh = ui_text_box_height(g, late, w, small, UI_BOLD);
        if (lh > small * 3)
            lh = small * 3;
        y += ui_text_box(g, late, (SDL_Rect){x, y, w, lh}, small, small * 8 / 10, UI_BOLD,
                         UI_WARN, UI_LEFT) +
             small / 3;
    }
    y += ui_px(g, 12);
    int bh = body * 19 / 10, gap = ui_px(g, 10);
    int bottom = left.y + left.h - pad - bh - ui_px(g, 16);
    int n = l->n_seats < CORE_MAX_SEATS ? l->n_seats : CORE_MAX_SEATS;
    int row = (bottom - y) / (n > 0 ? n : 1) - gap;
    if (row > body * 24 / 10)
        row = body * 24 / 10;
    for (int s = 0; s < n; s++) {
        draw_seat_row(g, m, &l->seats[s], s, (SDL_Rect){x, y, w, row});
        y += row + gap;
    }
    int hw = (w - gap) / 2;
    SDL_Rect any = {x, left.y + left.h - pad - bh, hw, bh};
    SDL_Rect obs = {x + hw + gap, any.y, w - hw - gap, bh};
    bool any_free = false;
    for (int s = 0; s < n; s++)
        any_free = any_free || !l->seats[s].taken;
    ui_button(g, any, _("Een vrije plaats"), small, m->pick == PLAYER_PICK_ANY,
              any_free && !seating, PLAYER_ID_ANY_SEAT, 0);
    ui_button(g, obs, _("Meekijken als toeschouwer"), small, m->pick == PLAYER_PICK_OBSERVE, !seating,
              PLAYER_ID_OBSERVE, 0);

    /* right: what the choice means, the host's answer, join */
    SDL_Rect right = ui_r(g, 1080, 120, 800, 900);
    ui_panel(g, right);
    x = right.x + pad;
    w = right.w - 2 * pad;
    int jh = body * 22 / 10;
    SDL_Rect join = {x, right.y + right.h - pad - jh, w, jh};
    const char *role_name = m->pick_role_name ? m->pick_role_name : "";
    const char *note = m->error ? m->error : "";
    SDL_Color ink = UI_ALARM;
    char status[160] = "";
    if (!note[0] && seating) {
        if (m->pick == PLAYER_PICK_ROLE)
            snprintf(status, sizeof status, _("Plaats nemen als %s…"), role_name);
        else
            snprintf(status, sizeof status, "%s", _("Verbinden…"));
        note = status;
        ink = UI_INK_SOFT;
    } else if (!note[0] && m->reconnecting) {
        note = _("Verbinding kwijt; opnieuw proberen…");
        ink = UI_WARN;
    }
    /* the note sits above the buttons, as tall as it needs (up to 4 lines);
     * the explanation of the choice gets the rest */
    int msg_h = 0;
    if (note[0]) {
        msg_h = ui_text_box_height(g, note, w, body, UI_BOLD);
        if (msg_h > body * 5)
            msg_h = body * 5;
    }
    SDL_Rect msg = {x, join.y - ui_px(g, 16) - msg_h, w, msg_h};
    draw_pick_detail(g, m,
                     (SDL_Rect){x, right.y + pad, w,
                                msg.y - (msg_h ? ui_px(g, 16) : 0) - right.y - pad});
    if (note[0])
        ui_text_box(g, note, msg, body, small * 8 / 10, UI_BOLD, ink, UI_LEFT);
    int back_w = w * 30 / 100;
    ui_button(g, (SDL_Rect){x, join.y, back_w, jh}, _("Terug"), body, false, true, UI_ID_BACK, 0);
    char label[CORE_TITLE_LEN + 64];
    switch (m->pick) {
    case PLAYER_PICK_ROLE: snprintf(label, sizeof label, _("Meedoen als %s"), role_name); break;
    case PLAYER_PICK_OBSERVE: snprintf(label, sizeof label, "%s", _("Meekijken")); break;
    case PLAYER_PICK_ANY: snprintf(label, sizeof label, "%s", _("Meedoen")); break;
    default: snprintf(label, sizeof label, "%s", _("Kies eerst een rol")); break;
    }
    ui_button(g, (SDL_Rect){x + back_w + gap, join.y, w - back_w - gap, jh}, label, body, true,
              m->pick != PLAYER_PICK_NONE && !seating, UI_ID_SUBMIT, 0);
}

static void draw_picker(player_app *a, const cli_lobby *l)
{
    player_picker_model m;
    memset(&m, 0, sizeof m);
    m.sc = cli_scenario(a->look);
    m.lobby = l;
    m.player_name = a->opts.name;
    m.pick = a->pick;
    m.pick_role = a->pick_role;
    m.pick_role_name = a->pick_role_name;
    m.error = a->pick_error;
    m.seating = a->c != NULL;
    m.reconnecting = cli_status_get(a->look) == CLI_STATUS_RECONNECTING;
    player_draw_picker(&a->g, &m);
}

/* ------------------------------------------------------------------- loop */

/* A refusal about the role sends the player back to the picker (a fresh
 * look at the seats); anything else back to the form. */
static bool role_problem(cli_reject_reason r)
{
    return r == CLI_REJ_ROLE_TAKEN || r == CLI_REJ_UNKNOWN_ROLE || r == CLI_REJ_FULL;
}

/* Keeps the picked choice honest against the look's latest LOBBY (a new
 * level, someone quicker, a --role this level does not have). */
static void sync_pick(player_app *a)
{
    const cli_lobby *l = look_lobby_ready(a);
    if (!l || a->c)
        return;
    if (a->pick == PLAYER_PICK_ROLE) {
        bool known = false;
        for (int s = 0; s < l->n_seats && s < CORE_MAX_SEATS; s++)
            if (strcmp(l->seats[s].role_id, a->pick_role) == 0) {
                known = true;
                if (strcmp(a->pick_role_name, l->seats[s].role_name) != 0) {
                    snprintf(a->pick_role_name, sizeof a->pick_role_name, "%s",
                             l->seats[s].role_name);
                    a->dirty = true;
                }
            }
        if (!known) {
            snprintf(a->pick_error, sizeof a->pick_error,
                     _("De rol ‘%s’ speelt niet mee in dit spel. Kies een van de rollen van dit "
                       "spel."),
                     a->pick_role);
            a->pick = PLAYER_PICK_NONE;
            a->dirty = true;
        } else if (!pick_available(a, l)) {
            snprintf(a->pick_error, sizeof a->pick_error,
                     _("De rol %s is bezet. Kies een andere rol."), a->pick_role_name);
            a->pick = PLAYER_PICK_NONE;
            a->dirty = true;
        }
    } else if (a->pick == PLAYER_PICK_ANY) {
        bool any = false;
        for (int s = 0; s < l->n_seats && s < CORE_MAX_SEATS; s++)
            any = any || !l->seats[s].taken;
        if (!any) {
            a->pick = PLAYER_PICK_NONE;
            a->dirty = true;
        }
    }
}

static void refresh_status(player_app *a)
{
    if (a->look) {
        cli_status ls = cli_status_get(a->look);
        if (ls == CLI_STATUS_REJECTED || ls == CLI_STATUS_FAILED) {
            describe_refusal(a, a->look, a->form_error, sizeof a->form_error);
            stop_look(a);
        } else {
            sync_pick(a);
        }
    }
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
            char msg[256];
            describe_refusal(a, a->c, msg, sizeof msg);
            bool to_picker = st == CLI_STATUS_REJECTED && role_problem(cli_reject_code(a->c));
            stop_session(a);
            if (to_picker) {
                a->pick = PLAYER_PICK_NONE;
                snprintf(a->pick_error, sizeof a->pick_error, "%s", msg);
                char err[256] = "";
                if (!a->look && !start_look(a, err, sizeof err))
                    snprintf(a->form_error, sizeof a->form_error, "%s", msg);
            } else {
                snprintf(a->form_error, sizeof a->form_error, "%s", msg);
                stop_look(a);
            }
            return;
        }
    }
    /* seated or watching: the look has done its job */
    if (a->look && (a->have_view || a->have_pub))
        stop_look(a);
}

bool player_app_step(player_app *a, int wait_ms)
{
    if (a->look)
        cli_pump(a->look, 0);
    if (a->c)
        cli_pump(a->c, 0);
    refresh_status(a);
    if (!a->c && !a->look && a->disc) {
        cli_found_game f[CLI_MAX_FOUND];
        int n = cli_discovery_poll(a->disc, f, CLI_MAX_FOUND);
        if (n != a->n_found || memcmp(f, a->found, sizeof f[0] * (size_t)(n > 0 ? n : 0)) != 0) {
            memcpy(a->found, f, sizeof f[0] * (size_t)(n > 0 ? n : 0));
            a->n_found = n;
            a->dirty = true;
        }
    }
    /* the phase timer counts down locally between the host's LOBBYs */
    const cli_lobby *lob = a->c ? cli_lobby_get(a->c) : NULL;
    int left = -1;
    if (lob && lob->timer_end_ms && !lob->paused) {
        uint64_t now = plat_now_ms();
        left = lob->timer_end_ms > now ? (int)((lob->timer_end_ms - now + 999u) / 1000u) : 0;
    }
    if (left != a->m.timer_left_s) {
        a->m.timer_left_s = left;
        a->dirty = true;
    }
    if (a->m.message[0] && plat_now_ms() >= a->message_until) {
        a->m.message[0] = 0;
        a->dirty = true;
    }
    if (a->dirty) {
        ui_gfx_begin(&a->g);
        const cli_lobby *look = look_lobby_ready(a);
        if (in_form(a) && look) {
            draw_picker(a, look);
        } else if (in_form(a)) {
            draw_form(a);
        } else {
            a->m.sc = cli_scenario(a->c);
            a->m.view = &a->view;
            if (a->m.sc && a->have_view) {
                ui_draw_player(&a->g, &a->m);
                draw_focus(a);
            }
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
    if (opts->role[0] && !opts->observe) {
        /* --role preselects; the picker checks it against the game's roles */
        a->pick = PLAYER_PICK_ROLE;
        snprintf(a->pick_role, sizeof a->pick_role, "%s", opts->role);
        snprintf(a->pick_role_name, sizeof a->pick_role_name, "%s", opts->role);
    }
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
        if (opts->code[0] && opts->name[0] && !connect_now(a, &a->opts, err, err_len)) {
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
    if (!a->c) {
        /* the form is up: the first field to fill has the focus */
        a->field = 0;
        for (int f = FORM_FIELDS - 1; f >= 0; f--)
            if (!a->fields[f][0])
                a->field = f;
        SDL_StartTextInput();
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
    if (a->look)
        cli_destroy(a->look);
    if (a->disc)
        cli_discovery_stop(a->disc);
    ui_gfx_close(&a->g);
    free(a);
}

ui_gfx *player_app_gfx(player_app *a) { return &a->g; }
cli *player_app_session(player_app *a) { return a->c; }
const ui_player_model *player_app_model(const player_app *a) { return &a->m; }
uint64_t player_app_frames(const player_app *a) { return a->frames; }

const char *player_app_notice(const player_app *a)
{
    if (a->pick_error[0] && look_lobby_ready(a))
        return a->pick_error;
    return a->form_error;
}

bool player_app_picking(const player_app *a) { return picking(a); }

bool player_app_focus(const player_app *a, int *id, int *arg)
{
    const ui_hit *h = a->focus_visible ? focused_hit(a) : NULL;
    if (h) {
        *id = h->id;
        *arg = h->arg;
    }
    return h != NULL;
}

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

/* `join --screenshot F --screen roles`: the role picker of the bundled
 * level as a newcomer sees it (one seat taken, one bot, a role chosen). */
static bool roles_screenshot(const cli_options *opts, int w, int h, char *err, size_t err_len)
{
    core_scenario *sc = ui_scene_load_level(NULL, err, err_len);
    if (!sc)
        return false;
    cli_lobby *l = calloc(1, sizeof *l);
    ui_gfx *g = calloc(1, sizeof *g);
    bool ok = l && g;
    if (!ok)
        snprintf(err, err_len, "%s", _("Te weinig geheugen."));
    if (ok) {
        snprintf(l->code, sizeof l->code, "KWTR");
        snprintf(l->title, sizeof l->title, "%s", sc->title);
        l->n_seats = sc->n_seats < CORE_MAX_SEATS ? sc->n_seats : CORE_MAX_SEATS;
        for (int s = 0; s < l->n_seats; s++) {
            cli_lobby_seat *ls = &l->seats[s];
            ls->role = sc->seat_roles[s];
            snprintf(ls->role_id, sizeof ls->role_id, "%s", sc->roles[ls->role].id);
            snprintf(ls->role_name, sizeof ls->role_name, "%s", sc->roles[ls->role].name);
        }
        l->seats[0].taken = l->seats[0].connected = true;
        snprintf(l->seats[0].name, sizeof l->seats[0].name, "Anna");
        if (l->n_seats > 3)
            l->seats[l->n_seats - 1].taken = l->seats[l->n_seats - 1].bot = true;
        player_picker_model m;
        memset(&m, 0, sizeof m);
        m.sc = sc;
        m.lobby = l;
        m.player_name = "Jef";
        m.pick = PLAYER_PICK_ROLE;
        m.pick_role = l->seats[1].role_id;
        m.pick_role_name = l->seats[1].role_name;
        ok = ui_gfx_open(g, "samenspel", w, h, true, opts->font, err, err_len);
        if (ok) {
            ui_gfx_begin(g);
            player_draw_picker(g, &m);
            ok = ui_gfx_save_png(g, opts->screenshot, err, err_len);
            ui_gfx_close(g);
        }
    }
    free(g);
    free(l);
    free(sc);
    return ok;
}

int ui_join_main(const cli_options *opts)
{
    char err[UI_ERR_LEN] = "";
    if (opts->screenshot[0] && opts->screen == CLI_SCREEN_ROLES) {
        int w = opts->width > 0 ? opts->width : 1920;
        int h = opts->height > 0 ? opts->height : 1080;
        if (!roles_screenshot(opts, w, h, err, sizeof err)) {
            fprintf(stderr, "samenspel join: %s\n", err);
            return 1;
        }
        return 0;
    }
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
