/* ui/player_picker: the role picker, and the "look": the short-lived
 * observer connection through which it reads the game's roles and seats. */
#include "ui/player_app_int.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

void look_stop(player_app *a)
{
    if (a->look) {
        cli_destroy(a->look);
        a->look = NULL;
        a->dirty = true;
        app_settle(a, PLAYER_NEWS_NONE);
    }
}

bool look_start(player_app *a, char *err, size_t err_len)
{
    look_stop(a);
    cli_options o = a->opts;
    o.observe = true;
    o.browse = true; /* not an audience: the projector does not count it */
    o.role[0] = 0;
    o.no_token_store = true;
    cli_callbacks cb = {a, look_status, NULL, NULL, look_lobby};
    a->look = cli_create(&o, &cb, err, err_len);
    a->dirty = true;
    app_settle(a, PLAYER_NEWS_NONE);
    return a->look != NULL;
}

/* The picker is up: the look knows the game's roles and seats. */
const cli_lobby *look_lobby_ready(const player_app *a)
{
    if (!a->look || !cli_scenario(a->look))
        return NULL;
    const cli_lobby *l = cli_lobby_get(a->look);
    return l && l->n_seats > 0 ? l : NULL;
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
void picker_step(player_app *a, int dir)
{
    const cli_lobby *l = look_lobby_ready(a);
    if (!l || a->c)
        return;
    int n = l->n_seats < CORE_MAX_SEATS ? l->n_seats : CORE_MAX_SEATS;
    int cur = -1;
    for (int s = 0; s < n && a->pick == PLAYER_PICK_ROLE; s++)
        if (strcmp(l->seats[s].role_id, a->pick_role) == 0 &&
            seat_free(a->opts.name, &l->seats[s])) {
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
    app_stop_session(a);
    a->pick_error[0] = 0;
    char err[256] = "";
    if (!app_connect(a, &o, err, sizeof err))
        snprintf(a->pick_error, sizeof a->pick_error, "%s", err);
}

void picker_back_to_form(player_app *a)
{
    app_stop_session(a);
    look_stop(a);
    a->pick_error[0] = 0;
}

void picker_click(player_app *a, int id, int arg)
{
    /* while the chosen seat is being taken, the picker only offers Back */
    bool seating = a->state == PLAYER_SEATING;
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
    case UI_ID_BACK: picker_back_to_form(a); break;
    default: break;
    }
    a->dirty = true;
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
    char domains[CORE_MAX_DOMAINS * (CORE_ID_LEN + 4)],
        skills[CORE_MAX_SKILLS * (CORE_TITLE_LEN + 4)];
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

/* "Samen voor Noor (8 jaar, 3de leerjaar) · code KWTR" at r's top, on two
 * lines rather than the room code ending in "…" (sp: the size the rule
 * draws it at). Returns the y below it. */
static int picker_pupil_line(ui_gfx *g, const core_scenario *sc, const cli_lobby *l, SDL_Rect r,
                             int sp)
{
    char pupil[CORE_TITLE_LEN * 2 + 64];
    if (sc->pupil_class[0])
        snprintf(pupil, sizeof pupil, _("Samen voor %s (%d jaar, %s) · code %s"), sc->pupil_name,
                 sc->pupil_age, sc->pupil_class, l->code);
    else
        snprintf(pupil, sizeof pupil, _("Samen voor %s (%d jaar) · code %s"), sc->pupil_name,
                 sc->pupil_age, l->code);
    int ph = ui_text_box_height(g, pupil, r.w, sp, UI_REGULAR);
    ph = ph > sp * 26 / 10 ? sp * 26 / 10 : ph;
    ui_text_box(g, pupil, (SDL_Rect){r.x, r.y, r.w, ph}, sp, sp, UI_REGULAR, UI_INK_SOFT,
                UI_LEFT);
    return r.y + ph + sp * 3 / 10;
}

/* The "Een vrije plaats" and "Meekijken als toeschouwer" buttons whose
 * bottom row is `row`: side by side, each as wide as its words need, or
 * one over the other when both do not fit (any then a row higher). */
static void picker_choice_rects(ui_gfx *g, SDL_Rect row, int sp, SDL_Rect *any, SDL_Rect *obs)
{
    int gap = ui_px(g, 10), wa = 0, wo = 0, th = 0;
    ui_text_size(g, _("Een vrije plaats"), sp, UI_BOLD, &wa, &th);
    ui_text_size(g, _("Meekijken als toeschouwer"), sp, UI_BOLD, &wo, &th);
    wa += row.h / 3 + ui_px(g, 12);
    wo += row.h / 3 + ui_px(g, 12);
    if (wa + wo + gap > row.w) {
        *any = (SDL_Rect){row.x, row.y - row.h - gap, row.w, row.h};
        *obs = row;
        return;
    }
    int hw = wa + (row.w - gap - wa - wo) / 2;
    *any = (SDL_Rect){row.x, row.y, hw, row.h};
    *obs = (SDL_Rect){row.x + hw + gap, row.y, row.w - hw - gap, row.h};
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
    int sp = small < ui_body_min(g) ? ui_body_min(g) : small;
    y = picker_pupil_line(g, sc, l, (SDL_Rect){x, y, w, 0}, sp);
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
    SDL_Rect any, obs;
    picker_choice_rects(g, (SDL_Rect){x, left.y + left.h - pad - bh, w, bh}, sp, &any, &obs);
    int bottom = any.y - ui_px(g, 16);
    int n = l->n_seats < CORE_MAX_SEATS ? l->n_seats : CORE_MAX_SEATS;
    int row = (bottom - y) / (n > 0 ? n : 1) - gap;
    if (row > body * 24 / 10)
        row = body * 24 / 10;
    for (int s = 0; s < n; s++) {
        draw_seat_row(g, m, &l->seats[s], s, (SDL_Rect){x, y, w, row});
        y += row + gap;
    }
    bool any_free = false;
    for (int s = 0; s < n; s++)
        any_free = any_free || !l->seats[s].taken;
    ui_button(g, any, _("Een vrije plaats"), small, m->pick == PLAYER_PICK_ANY,
              any_free && !seating, PLAYER_ID_ANY_SEAT, 0);
    ui_button(g, obs, _("Meekijken als toeschouwer"), small, m->pick == PLAYER_PICK_OBSERVE,
              !seating, PLAYER_ID_OBSERVE, 0);

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

void picker_draw_app(player_app *a, const cli_lobby *l)
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
    m.seating = a->state == PLAYER_SEATING;
    m.reconnecting = cli_status_get(a->look) == CLI_STATUS_RECONNECTING;
    player_draw_picker(&a->g, &m);
}

/* Keeps the picked choice honest against the look's latest LOBBY (a new
 * level, someone quicker, a --role this level does not have). */
void picker_sync(player_app *a)
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
