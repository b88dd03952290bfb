/* ui/player: the player's laptop screen, drawn from the seat view only
 * (own hand and dossier, public table). Every control registers a click
 * region; the join front end turns them into intents. */
#include "ui/screens.h"
#include "ui/player_ids.h"
#include "ui/player_draw_int.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>


void ui_player_model_init(ui_player_model *m)
{
    memset(m, 0, sizeof *m);
    m->selected = -1;
    m->pick_need = -1;
    m->focus_need = 0;
    m->reflect_option = -1;
    m->drag_slot = -1;
    m->timer_left_s = -1;
    m->open_friction = -1;
    m->afspraak_option = -1;
    m->goal_objector = -1;
    m->goal_objected = -1;
}

/* Everything on the player's screen is read by a participant: never below
 * the size rule's 2% capital height. */
int player_fpx(ui_gfx *g, float units)
{
    int px = ui_font_px(g, units);
    int min = ui_body_min(g);
    return px < min ? min : px;
}

const char *player_role_name(const core_scenario *sc, int role)
{
    return (role >= 0 && role < sc->n_roles) ? sc->roles[role].name : "?";
}

const char *player_seat_label(const ui_player_model *m, int s)
{
    if (s >= 0 && s < CORE_MAX_SEATS && m->seats[s].name[0])
        return m->seats[s].name;
    return player_role_name(m->sc, (s >= 0 && s < CORE_MAX_SEATS) ? m->sc->seat_roles[s] : -1);
}

/* Identiteit and Overleg: the phases in which the table talks (goals,
 * afspraken, the pupil, consent asks cost overleg time there). */
bool player_talk_phase(const core_public_view *p)
{
    return p->phase == CORE_PHASE_IDENTITEIT || p->phase == CORE_PHASE_OVERLEG;
}

/* A button label with the overleg time the action costs, so a player sees
 * what a conversation spends before clicking (RULES.md: Overleg time). */
void player_cost_label(char *out, size_t n, const ui_player_model *m, const char *label, int cost)
{
    if (m->view->pub.overleg_budget > 0 && cost > 0)
        snprintf(out, n, _("%s · kost %d"), label, cost);
    else
        snprintf(out, n, "%s", label);
}

/* The seat's role may give consent: the ouder, or the pupil from 12. */
bool player_role_consents(const core_scenario *sc, int role)
{
    if (role < 0 || role >= sc->n_roles)
        return false;
    return sc->roles[role].guardian || (sc->roles[role].pupil && sc->pupil_age >= 12);
}

bool player_role_involved(const core_scenario *sc, int friction, int role)
{
    return friction >= 0 && friction < sc->n_frictions && role >= 0 && role < 32 &&
           ((sc->frictions[friction].roles >> (unsigned)role) & 1u);
}

/* The words of an afspraak: the level's option or the team's own. */
const char *player_afspraak_words(const core_scenario *sc, int f, const core_afspraak *a)
{
    if (a->option >= 0 && a->option < sc->frictions[f].n_options && a->option < CORE_MAX_OPTIONS)
        return sc->frictions[f].options[a->option];
    return a->text;
}

/* "Anna, Bart" for the seats in bits (at most cap bytes). */
void player_seat_names(const ui_player_model *m, uint32_t bits, char *out, size_t cap)
{
    out[0] = 0;
    for (int s = 0; s < m->view->pub.n_seats && s < CORE_MAX_SEATS; s++) {
        if (!((bits >> (unsigned)s) & 1u))
            continue;
        if (out[0])
            strncat(out, ", ", cap - strlen(out) - 1);
        strncat(out, player_seat_label(m, s), cap - strlen(out) - 1);
    }
}

SDL_Rect player_title_panel(ui_gfx *g, SDL_Rect r, const char *title)
{
    ui_panel(g, r);
    int pad = ui_px(g, 20);
    int px = player_fpx(g, P_BODY);
    ui_text(g, title, r.x + pad, r.y + pad * 3 / 4, px, px * 8 / 10, UI_BOLD, UI_ACCENT, UI_LEFT,
            r.w - 2 * pad);
    int top = pad * 3 / 4 + px * 13 / 10 + ui_px(g, 6);
    SDL_Rect c = {r.x + pad, r.y + top, r.w - 2 * pad, r.h - top - pad / 2};
    return c;
}

static const char *instruction(const ui_player_model *m)
{
    const core_public_view *p = &m->view->pub;
    switch (p->phase) {
    case CORE_PHASE_LOBBY: return _("Wacht tot de trainer het spel start.");
    case CORE_PHASE_SIGNAAL: return _("Lees het signaal op het scherm vooraan.");
    case CORE_PHASE_IDENTITEIT:
        return _("Stel je rol voor aan de tafel: wat kan je, en waar liggen je grenzen?");
    case CORE_PHASE_OVERLEG:
        return _("Overleg: kies samen doelen, vraag of bied hulp, deel je dossier.");
    case CORE_PHASE_INZET:
        return m->view->ready ? _("Je inzet ligt vast. Wijzigen? Klik ‘Toch wijzigen’.")
                              : _("Kies een kaart en klik op een nood of spanning. Niemand ziet "
                                  "je keuze tot iedereen klaar is.");
    case CORE_PHASE_UITVOERING: return _("Alle inzet is open: kijk naar het scherm vooraan.");
    case CORE_PHASE_REFLECTIE:
        return _("Bespreek de vraag samen en kies dan je antwoord.");
    case CORE_PHASE_END: return _("Het spel is voorbij. De nabespreking volgt vooraan.");
    default: return "";
    }
}

static void topbar(ui_gfx *g, const ui_player_model *m)
{
    SDL_Rect bar = {0, 0, g->w, ui_r(g, 0, 0, 1920, 84).y + ui_px(g, 84)};
    ui_fill(g, bar, UI_ACCENT);
    int body = player_fpx(g, P_BODY);
    SDL_Rect l = ui_r(g, 24, 14, 760, 56);
    int chip = l.h;
    ui_round(g, (SDL_Rect){l.x - ui_px(g, 3), l.y - ui_px(g, 3), chip + ui_px(g, 6),
                           chip + ui_px(g, 6)},
             chip / 4, UI_WHITE);
    int chip_w = ui_role_chip(g, m->sc, m->view->role, l.x, l.y, chip);
    char who[200];
    snprintf(who, sizeof who, "%s · %s", player_role_name(m->sc, m->view->role),
             m->player_name[0] ? m->player_name : _("jij"));
    ui_text(g, who, l.x + chip_w + ui_px(g, 16), l.y + (chip - player_fpx(g, P_H2) * 12 / 10) / 2,
            player_fpx(g, P_H2), body, UI_BOLD, UI_WHITE, UI_LEFT, l.w - chip - ui_px(g, 16));
    char ph[160];
    const core_public_view *p = &m->view->pub;
    if (p->round > 0)
        snprintf(ph, sizeof ph, _("Ronde %d van %d · %s"), p->round, m->sc->rules.rounds,
                 ui_phase_name(p->phase));
    else
        snprintf(ph, sizeof ph, "%s", ui_phase_name(p->phase));
    SDL_Rect c = ui_r(g, 800, 22, 600, 44);
    ui_text(g, ph, c.x + c.w / 2, c.y, body, body * 8 / 10, UI_BOLD, UI_WHITE, UI_CENTER, c.w);
    SDL_Rect r = ui_r(g, 1420, 22, 476, 44);
    if (m->timer_left_s >= 0) {
        /* the trainer's phase timer, as on the projector: orange in the last minute */
        SDL_Rect tr = ui_r(g, 1420, 12, 170, 62);
        bool last = m->timer_left_s < 60;
        ui_round(g, tr, tr.h / 2, last ? UI_WARN : UI_WHITE);
        char tt[32];
        snprintf(tt, sizeof tt, "%d:%02d", m->timer_left_s / 60, m->timer_left_s % 60);
        int tp = player_fpx(g, P_H2);
        ui_text(g, tt, tr.x + tr.w / 2, tr.y + (tr.h - tp * 12 / 10) / 2, tp, body, UI_BOLD,
                last ? UI_INK : UI_ACCENT, UI_CENTER, tr.w - ui_px(g, 12));
        r = ui_r(g, 1610, 22, 286, 44);
    }
    ui_text(g, m->status, r.x + r.w, r.y, body, body * 8 / 10, UI_REGULAR, UI_WHITE, UI_RIGHT,
            r.w);
}

/* Right of the instruction: the round's overleg time and the team's trust,
 * as pills. Returns the width they take (with a gap). */
static int status_pills(ui_gfx *g, const ui_player_model *m, SDL_Rect ins)
{
    const core_public_view *p = &m->view->pub;
    if (p->phase == CORE_PHASE_LOBBY)
        return 0;
    int small = player_fpx(g, P_SMALL);
    char t[2][96];
    bool low[2];
    int n = 0;
    if (p->overleg_budget > 0 && player_talk_phase(p)) { /* time is spent only while talking */
        low[n] = p->overleg_left <= 0;
        snprintf(t[n++], sizeof t[0], _("Overlegtijd %d/%d"), p->overleg_left,
                 p->overleg_budget);
    }
    if (m->sc->rules.trust_max > 0) { /* 0: a level without the trust track */
        low[n] = p->trust <= m->sc->rules.trust_low;
        snprintf(t[n++], sizeof t[0], _("Vertrouwen %d/%d"), p->trust,
                 m->sc->rules.trust_max);
    }
    int x = ins.x + ins.w, used = 0;
    int h = small * 14 / 10;
    for (int i = n - 1; i >= 0; i--) {
        int tw = 0, th = 0;
        ui_text_size(g, t[i], small, UI_BOLD, &tw, &th);
        int w = tw + ui_px(g, 28);
        x -= w;
        SDL_Rect r = {x, ins.y + (ins.h - h) / 2, w, h};
        ui_round(g, r, h / 2, low[i] ? UI_WARN : UI_PANEL_ALT);
        ui_text(g, t[i], r.x + r.w / 2, r.y + (h - small * 12 / 10) / 2, small, small, UI_BOLD,
                UI_INK, UI_CENTER, 0);
        x -= ui_px(g, 12);
        used += w + ui_px(g, 12);
    }
    return n > 0 ? used + ui_px(g, 12) : 0;
}

bool player_can_commit(const ui_player_model *m)
{
    return m->view->pub.phase == CORE_PHASE_INZET && !m->view->ready;
}

/* A row of a done note (wrapped, two lines at most, or its short words on
 * one) or of a button whose cost stands beside it when the label with its
 * cost is too wide, or under it; a label wider than the button wraps in
 * it. Used under the team and for "Eigen doel formuleren". Returns the
 * row's height; draws only with draw. */
static int cost_row(ui_gfx *g, const ui_player_model *m, SDL_Rect b, bool draw,
                      const char *done, const char *done_short, const char *label, int cost,
                      int id)
{
    int small = player_fpx(g, P_SMALL), hb = small * 15 / 10;
    if (done) {
        int th = ui_text_box_height(g, done, b.w, small, UI_BOLD);
        int sw = 0, sh = 0;
        ui_text_size(g, done_short, small, UI_BOLD, &sw, &sh);
        if (th > hb && sw <= b.w) { /* the short words on one line leave the goals room */
            done = done_short;
            th = hb;
        }
        th = th > small * 26 / 10 ? small * 26 / 10 : (th < hb ? hb : th);
        if (draw)
            ui_text_box(g, done, (SDL_Rect){b.x, b.y, b.w, th}, small, small * 8 / 10, UI_BOLD,
                        UI_GOOD, UI_LEFT);
        return th;
    }
    char lbl[160], c[48] = "";
    player_cost_label(lbl, sizeof lbl, m, label, cost);
    int tw = 0, th = 0, cw = 0;
    ui_text_size(g, lbl, small, UI_BOLD, &tw, &th);
    bool split = tw + hb / 3 > b.w && strcmp(lbl, label);
    if (split) {
        /* the cost beside the button, or under it when the label needs the
         * whole width */
        snprintf(c, sizeof c, _("kost %d"), cost);
        snprintf(lbl, sizeof lbl, "%s", label);
        ui_text_size(g, c, small, UI_REGULAR, &cw, &th);
        ui_text_size(g, lbl, small, UI_BOLD, &tw, &th);
    }
    bool under = split && tw + hb / 3 + cw + ui_px(g, 10) > b.w;
    /* a label wider than the button wraps in a button of two lines */
    int lines_h = tw + hb / 3 > b.w ? ui_text_box_height(g, lbl, b.w - hb / 3, small, UI_BOLD)
                                    : 0;
    int bh = lines_h ? lines_h + hb / 3 : hb;
    if (draw) {
        int bw = split && !under ? b.w - cw - ui_px(g, 10) : b.w;
        if (split)
            ui_text(g, c, b.x + b.w, under ? b.y + bh : b.y + (hb - small * 12 / 10) / 2, small,
                    small, UI_REGULAR, UI_INK_SOFT, UI_RIGHT, cw);
        bool on = player_talk_phase(&m->view->pub);
        SDL_Rect r = {b.x, b.y, bw, bh};
        ui_button(g, r, lines_h ? "" : lbl, small, false, on, id, 0);
        if (lines_h)
            ui_text_box(g, lbl, (SDL_Rect){r.x + hb / 6, r.y + hb / 6, r.w - hb / 3, lines_h},
                        small, small, UI_BOLD, on ? UI_ACCENT : UI_INK_SOFT, UI_CENTER);
    }
    return under ? bh + small * 12 / 10 : bh;
}

/* Under the team: ask the pupil (RULES.md: the pupil's voice) and, for the
 * directie or zorgcoördinator, the structural overlegmoment, at the bottom
 * of c. Returns the height they take; draws only with draw. */
static int team_footer(ui_gfx *g, const ui_player_model *m, SDL_Rect c, bool draw)
{
    const core_public_view *p = &m->view->pub;
    const core_scenario *sc = m->sc;
    int role = m->view->role;
    bool pupil_row = p->pupil_voice && !(role >= 0 && role < sc->n_roles && sc->roles[role].pupil);
    bool meeting_row = role >= 0 && role < sc->n_roles && sc->roles[role].organizer;
    int gap = ui_px(g, 8);
    char since[160], since_short[80];
    snprintf(since, sizeof since, _("✓ Vast overlegmoment sinds ronde %d"), p->meeting_round);
    snprintf(since_short, sizeof since_short, _("✓ Overlegmoment (ronde %d)"), p->meeting_round);
    const char *heard = p->pupil_asked ? _("✓ De leerling is deze ronde gehoord.") : NULL;
    const char *heard_short = _("✓ Leerling gehoord");
    const char *met = p->meeting_round > 0 ? since : NULL;
    const char *ask = _("Vraag het aan de leerling"), *plan = _("Overlegmoment inplannen");
    int pc = sc->rules.pupil_cost, mc = sc->rules.overleg_moment_cost;
    int h1 = pupil_row ? cost_row(g, m, c, false, heard, heard_short, ask, pc, 0) + gap : 0;
    int h2 = meeting_row ? cost_row(g, m, c, false, met, since_short, plan, mc, 0) + gap : 0;
    if (draw && pupil_row)
        cost_row(g, m, (SDL_Rect){c.x, c.y + c.h - h1 - h2 + gap, c.w, 0}, true, heard,
                   heard_short, ask, pc, PLAYER_ID_ASK_PUPIL);
    if (draw && meeting_row)
        cost_row(g, m, (SDL_Rect){c.x, c.y + c.h - h2 + gap, c.w, 0}, true, met, since_short,
                   plan, mc, PLAYER_ID_SET_MEETING);
    return h1 + h2;
}

static int team_footer_height(ui_gfx *g, const ui_player_model *m, int w)
{
    return team_footer(g, m, (SDL_Rect){0, 0, w, 0}, false);
}

/* A seat's status as a person would say it, and its colour. */
static const char *seat_status(const ui_player_model *m, int s, SDL_Color *col)
{
    const core_public_view *p = &m->view->pub;
    *col = UI_INK_SOFT;
    if (m->seats[s].conn == UI_SEAT_LOST) {
        *col = UI_ALARM;
        return _("verbinding kwijt");
    }
    if (p->phase == CORE_PHASE_REFLECTIE ? p->seat_reflected[s] : p->seat_ready[s]) {
        *col = UI_GOOD;
        return _("✓ klaar");
    }
    if (m->seats[s].conn == UI_SEAT_BOT)
        return _("bot");
    return m->seats[s].conn == UI_SEAT_EMPTY ? _("vrij") : _("bezig");
}

/* The seats: role chip, person and status a row each; with more seats
 * than rows of a readable height (seven at 720 lines), two columns with
 * the status as a coloured dot. */
static void team(ui_gfx *g, const ui_player_model *m, SDL_Rect r)
{
    const core_public_view *p = &m->view->pub;
    SDL_Rect c = player_title_panel(g, r, _("Het team"));
    int small = player_fpx(g, P_SMALL);
    int n = p->n_seats < CORE_MAX_SEATS ? p->n_seats : CORE_MAX_SEATS;
    int foot = team_footer(g, m, c, true);
    c.h -= foot;
    int cols = n > 0 && c.h / n < small * 115 / 100 ? 2 : 1;
    int per_col = (n + cols - 1) / cols;
    int row = per_col > 0 ? c.h / per_col : c.h;
    if (row > small * 2)
        row = small * 2;
    int col_w = (c.w - (cols - 1) * ui_px(g, 16)) / cols;
    /* one column: the statuses as wide as the widest, the names the rest */
    int status_w = 0;
    for (int s = 0; s < n && cols == 1; s++) {
        SDL_Color col;
        int tw = 0, th = 0;
        ui_text_size(g, seat_status(m, s, &col), small, UI_BOLD, &tw, &th);
        status_w = tw > status_w ? tw : status_w;
    }
    for (int s = 0; s < n; s++) {
        int x = c.x + (s / per_col) * (col_w + ui_px(g, 16));
        int y = c.y + (s % per_col) * row;
        int chip = row - ui_px(g, 8);
        if (cols == 2 && chip > small * 6 / 5)
            chip = small * 6 / 5; /* narrow columns: the name gets the room */
        int chip_w = ui_role_chip(g, m->sc, m->sc->seat_roles[s], x, y, chip);
        char who[160];
        snprintf(who, sizeof who, "%s%s", player_seat_label(m, s), s == m->view->seat ? _(" (jij)") : "");
        SDL_Color col;
        const char *st = seat_status(m, s, &col);
        int ty = y + (chip - small * 12 / 10) / 2;
        int sx = cols == 1 ? x + col_w - status_w : x + col_w - chip / 4;
        int name_end = cols == 1 ? sx - ui_px(g, 10) : sx - chip / 4 - ui_px(g, 8);
        int nw = name_end - x - chip_w - ui_px(g, 10), ww = 0, wh = 0;
        ui_text_size(g, who, small, UI_REGULAR, &ww, &wh);
        bool me = s == m->view->seat;
        if (me && ww > nw) /* too narrow for " (jij)": the own name in bold says it */
            snprintf(who, sizeof who, "%s", player_seat_label(m, s));
        ui_text(g, who, x + chip_w + ui_px(g, 10), ty, small, small * 8 / 10,
                me && ww > nw ? UI_BOLD : UI_REGULAR, UI_INK, UI_LEFT, nw);
        if (cols == 1)
            ui_text(g, st, sx, ty, small, small * 8 / 10, UI_BOLD, col, UI_LEFT, x + col_w - sx);
        else
            ui_circle(g, (float)sx, (float)(y + chip / 2), (float)(chip / 4), col);
    }
}

/* The earlier rounds' verbeteracties, to check together: was it done?
 * (RULES.md: checking one in a later round counts for verbindend.) */
static int improvement_checks(ui_gfx *g, const ui_player_model *m, SDL_Rect c)
{
    const core_public_view *p = &m->view->pub;
    int small = player_fpx(g, P_SMALL);
    int hb = small * 15 / 10;
    int y = c.y;
    bool title = false;
    for (int s = 0; s < p->n_seats && s < CORE_MAX_SEATS; s++) {
        if (p->improvement_round[s] <= 0 || p->improvement_round[s] >= p->round ||
            p->improvement_checked[s] > 0 || !p->improvement_text[s][0])
            continue;
        char s1[CORE_ANSWER_LEN + 96];
        snprintf(s1, sizeof s1, _("%s (ronde %d): ‘%s’"), player_seat_label(m, s),
                 p->improvement_round[s], p->improvement_text[s]);
        int th = ui_text_box_height(g, s1, c.w, small, UI_REGULAR);
        if (th > small * 26 / 10)
            th = small * 26 / 10;
        const char *head = _("Vorige verbeteracties: gedaan?");
        int title_h = title ? 0 : ui_text_box_height(g, head, c.w, small, UI_BOLD) + ui_px(g, 2);
        int item_h = th + ui_px(g, 4) + hb;
        if (!title && y + title_h + item_h > c.y + c.h)
            title_h = small * 13 / 10; /* the heading on one line keeps the buttons */
        if (y + title_h + item_h > c.y + c.h && th > small * 13 / 10) {
            th = small * 13 / 10; /* and the words on one line (whole on hover) */
            item_h = th + ui_px(g, 4) + hb;
        }
        if (y + title_h + item_h > c.y + c.h)
            break;
        if (!title) {
            /* the title only with at least one verbeteractie under it */
            ui_text_box(g, head, (SDL_Rect){c.x, y, c.w, title_h}, small, small * 8 / 10,
                        UI_BOLD, UI_INK, UI_LEFT);
            y += title_h;
            title = true;
        }
        ui_text_box(g, s1, (SDL_Rect){c.x, y, c.w, th}, small, small * 8 / 10, UI_REGULAR,
                    UI_INK, UI_LEFT);
        y += th + ui_px(g, 4);
        int bw = (c.w - ui_px(g, 10)) / 2;
        ui_button(g, (SDL_Rect){c.x, y, bw, hb}, _("Gedaan"), small, true, true,
                  PLAYER_ID_CHECK_DONE, s);
        ui_button(g, (SDL_Rect){c.x + bw + ui_px(g, 10), y, bw, hb}, _("Niet gedaan"), small,
                  false, true, PLAYER_ID_CHECK_NOT_DONE, s);
        y += hb + ui_px(g, 8);
    }
    return y - c.y;
}

/* The verbeteracties block of the requests panel at y; its height. */
static int verbeteracties_block(ui_gfx *g, const ui_player_model *m, SDL_Rect c, int y,
                                int *lines)
{
    int used = improvement_checks(g, m, (SDL_Rect){c.x, y, c.w, c.y + c.h - y});
    *lines += used > 0;
    return used;
}

/* One request's words, wrapped, at *y in panel c when they fit with
 * `below` pixels under them (its buttons); *y moves below them. False when
 * they do not fit. */
static bool request_text(ui_gfx *g, const char *s, SDL_Rect c, int *y, int below, ui_style st,
                         SDL_Color ink)
{
    int small = player_fpx(g, P_SMALL);
    int th = ui_text_box_height(g, s, c.w, small, st);
    int room = c.y + c.h - *y - below;
    /* a low panel keeps the buttons: the words end in "…" after two
     * lines (whole on hover) rather than the request staying away */
    if (th > room && room >= small * 24 / 10)
        th = room;
    if (th > room)
        return false;
    ui_text_box(g, s, (SDL_Rect){c.x, *y, c.w, th}, small, ui_body_min(g), st, ink, UI_LEFT);
    *y += th + small * 3 / 10;
    return true;
}

/* The answer buttons' layout in width w: side by side (halves, or the yes
 * as wide as its words when the no still fits), or one over the other
 * when both do not fit. Returns the yes button's width, 0 when stacked. */
static int answer_split(ui_gfx *g, int w, const char *yes)
{
    int small = player_fpx(g, P_SMALL), gap = ui_px(g, 10), hb = small * 15 / 10;
    int yw = 0, nw = 0, th = 0;
    ui_text_size(g, yes, small, UI_BOLD, &yw, &th);
    ui_text_size(g, _("Weigeren"), small, UI_BOLD, &nw, &th);
    int pad = hb / 3 + ui_px(g, 8);
    if (yw + nw + 2 * pad + gap > w)
        return 0;
    int bw = (w - gap) / 2;
    return yw + pad > bw ? yw + pad : bw;
}

/* Height of the answer buttons in width w (see answer_split). */
static int answer_height(ui_gfx *g, int w, const char *yes)
{
    int hb = player_fpx(g, P_SMALL) * 15 / 10;
    return answer_split(g, w, yes) ? hb : 2 * hb + ui_px(g, 6);
}

/* A yes button and "Weigeren" in r's width, r.h high each. Returns the y
 * below them. */
static int answer_buttons(ui_gfx *g, SDL_Rect r, const char *yes, bool enabled, int yes_id,
                          int no_id, int arg)
{
    int small = player_fpx(g, P_SMALL), gap = ui_px(g, 10);
    int bw = answer_split(g, r.w, yes);
    SDL_Rect yb = {r.x, r.y, bw ? bw : r.w, r.h};
    SDL_Rect nb = bw ? (SDL_Rect){r.x + bw + gap, r.y, r.w - bw - gap, r.h}
                     : (SDL_Rect){r.x, r.y + r.h + ui_px(g, 6), r.w, r.h};
    ui_button(g, yb, yes, small, true, enabled, yes_id, arg);
    ui_button(g, nb, _("Weigeren"), small, false, enabled, no_id, arg);
    return nb.y + nb.h + ui_px(g, 8);
}

/* Asks and offers addressed to me that wait for an answer, and goals. */
/* The consent asked of this seat (the ouder, or the pupil from 12), with its buttons. Returns the y below it. */
static int consent_requests(ui_gfx *g, const ui_player_model *m, SDL_Rect c, int y, int *lines)
{
    const core_scenario *sc = m->sc;
    if (!player_role_consents(sc, m->view->role))
        return y;
    const core_public_view *p = &m->view->pub;
    int small = player_fpx(g, P_SMALL), hb = small * 15 / 10;
    bool shareable = p->phase >= CORE_PHASE_IDENTITEIT && p->phase < CORE_PHASE_END;
    for (int f = 0; f < sc->n_facts && f < CORE_MAX_FACTS; f++) {
        if (p->fact_consent[f] != 1 || p->fact_shared[f])
            continue;
        const core_fact_def *fd = &sc->facts[f];
        char s[CORE_TEXT_LEN + 200];
        /* the fact's words stay with its holder until shared: name who asks
         * and what it is about */
        char about[160] = "";
        for (int n = 0; n < sc->n_needs && n < CORE_MAX_NEEDS; n++)
            if ((fd->needs >> (unsigned)n) & 1u) {
                if (about[0])
                    strncat(about, ", ", sizeof about - strlen(about) - 1);
                strncat(about, sc->needs[n].title, sizeof about - strlen(about) - 1);
            }
        if (fd->text[0])
            snprintf(s, sizeof s, _("%s vraagt toestemming om te delen: %s"),
                     player_role_name(sc, fd->role), fd->text);
        else
            snprintf(s, sizeof s, _("%s vraagt toestemming om een gevoelig feit te delen (over %s)."),
                     player_role_name(sc, fd->role), about);
        if (!request_text(g, s, c, &y, answer_height(g, c.w, _("Toestemming geven")), UI_BOLD,
                          UI_INK))
            break;
        y = answer_buttons(g, (SDL_Rect){c.x, y, c.w, hb}, _("Toestemming geven"), shareable,
                           PLAYER_ID_CONSENT_YES, PLAYER_ID_CONSENT_NO, f);
        (*lines)++;
    }
    return y;
}

/* What the pupil said, once someone asked, a line each. Returns the y
 * below it. */
static int pupil_words(ui_gfx *g, const ui_player_model *m, SDL_Rect c, int y, int *lines)
{
    const core_scenario *sc = m->sc;
    const core_public_view *p = &m->view->pub;
    for (int f = 0; f < sc->n_facts && f < CORE_MAX_FACTS; f++) {
        if (!sc->facts[f].pupil_voice || !p->fact_shared[f] || !sc->facts[f].text[0])
            continue;
        char s[CORE_TEXT_LEN + 64];
        snprintf(s, sizeof s, _("%s zegt: ‘%s’"),
                 sc->pupil_name[0] ? sc->pupil_name : _("De leerling"), sc->facts[f].text);
        /* one line each, ending in "…" (whole on hover): the pupil's words
         * stay all game, and must not push the goals out of the panel */
        int small = player_fpx(g, P_SMALL);
        if (y + small * 13 / 10 > c.y + c.h)
            break;
        ui_text(g, s, c.x, y, small, ui_body_min(g), UI_REGULAR, UI_ACCENT, UI_LEFT, c.w);
        y += small * 13 / 10;
        (*lines)++;
    }
    return y;
}

/* This seat's asks and offers, with Aanvaarden/Weigeren for the open ones. Returns the y below it. */
static int promise_rows(ui_gfx *g, const ui_player_model *m, SDL_Rect c, int y, int *lines)
{
    const core_scenario *sc = m->sc;
    const core_public_view *p = &m->view->pub;
    int small = player_fpx(g, P_SMALL);
    int hb = small * 15 / 10;
    for (int i = 0; i < p->n_promises && i < CORE_MAX_PROMISES; i++) {
        const core_promise *pr = &p->promises[i];
        /* an unanswered ask lapses at Uitvoering (it stays PENDING): no
         * buttons after Inzet */
        bool mine_to_answer = pr->to == m->view->seat && pr->status == CORE_PROMISE_PENDING &&
                              p->phase >= CORE_PHASE_IDENTITEIT && p->phase <= CORE_PHASE_INZET;
        bool mine = pr->from == m->view->seat || pr->to == m->view->seat;
        if (!mine)
            continue;
        const char *need = (pr->need >= 0 && pr->need < sc->n_needs) ? sc->needs[pr->need].title
                                                                      : "?";
        char s[320];
        if (pr->to == m->view->seat)
            snprintf(s, sizeof s,
                     pr->kind == CORE_PROMISE_ASK ? _("%s vraagt jouw hulp: %s")
                                                  : _("%s biedt hulp aan: %s"),
                     player_seat_label(m, pr->from), need);
        else
            snprintf(s, sizeof s,
                     pr->kind == CORE_PROMISE_ASK ? _("Jij vroeg %s: %s") : _("Jij bood %s aan: %s"),
                     player_seat_label(m, pr->to), need);
        static const char *const stn[] = {N_("wacht"), N_("aanvaard"), N_("geweigerd"),
                                          N_("gehouden"), N_("gebroken")};
        char full[400];
        snprintf(full, sizeof full, "%s (%s)", s,
                 pr->status >= 0 && pr->status <= CORE_PROMISE_BROKEN ? _(stn[pr->status]) : "?");
        /* A long need title wraps onto a second line rather than being cut. */
        int below = mine_to_answer ? answer_height(g, c.w, _("Aanvaarden")) : 0;
        if (!request_text(g, full, c, &y, small * 3 / 10 + below, UI_REGULAR, UI_INK))
            break;
        if (mine_to_answer)
            y = answer_buttons(g, (SDL_Rect){c.x, y, c.w, hb}, _("Aanvaarden"), true,
                               UI_ID_PROMISE_ACCEPT, UI_ID_PROMISE_DECLINE, i);
        (*lines)++;
    }
    return y;
}

/* The goal slots in the order the panel lists them: the open vote, the
 * adopted goals (the team's own first: the newest), then the rest, so that
 * what a player can act on stays in view when the list is cut. */
static int goal_order(const core_public_view *p, int slots, int *order)
{
    int n = 0;
    if (p->goal_proposal >= 0 && p->goal_proposal < slots)
        order[n++] = p->goal_proposal;
    for (int i = slots - 1; i >= 0; i--)
        if (p->goal_adopted[i] && i != p->goal_proposal)
            order[n++] = i;
    for (int i = 0; i < slots; i++)
        if (!p->goal_adopted[i] && i != p->goal_proposal)
            order[n++] = i;
    return n;
}

/* The goals: adopted ones, the open vote and the candidates in Overleg. Returns the y below it. */
static int goal_rows(ui_gfx *g, const ui_player_model *m, SDL_Rect c, int y)
{
    const core_scenario *sc = m->sc;
    const core_public_view *p = &m->view->pub;
    int small = player_fpx(g, P_SMALL);
    int hb = small * 15 / 10;
    /* goals: adopted ones, the open vote, and candidates in Overleg */
    /* the level's goals, then the ones the team worded itself */
    int slots = sc->n_goals + p->n_team_goals;
    if (slots > CORE_MAX_GOAL_SLOTS)
        slots = CORE_MAX_GOAL_SLOTS;
    int adopted_n = 0;
    for (int i = 0; i < slots; i++)
        adopted_n += p->goal_adopted[i] ? 1 : 0;
    bool overleg_free = p->phase == CORE_PHASE_OVERLEG && p->goal_proposal < 0;
    bool at_limit = adopted_n >= sc->rules.max_goals;
    if (m->goal_objector >= 0 && m->goal_objected >= 0 && m->goal_objected < slots &&
        p->goal_proposal < 0) {
        /* consent: one no stops a goal; the table sees whose, to talk it over */
        char obj[CORE_ANSWER_LEN + 128];
        snprintf(obj, sizeof obj, _("%s maakte bezwaar tegen ‘%s’."),
                 player_seat_label(m, m->goal_objector),
                 m->goal_objected < sc->n_goals ? sc->goals[m->goal_objected].title
                                                : p->team_goal_text[m->goal_objected - sc->n_goals]);
        int th = ui_text_box_height(g, obj, c.w, small, UI_BOLD);
        if (y + th <= c.y + c.h) {
            ui_text_box(g, obj, (SDL_Rect){c.x, y, c.w, th}, small, small * 8 / 10, UI_BOLD,
                        UI_ALARM, UI_LEFT);
            y += th + ui_px(g, 4);
        }
    }
    if (overleg_free && p->n_team_goals < CORE_MAX_TEAM_GOALS && !at_limit &&
        y + hb <= c.y + c.h) {
        /* with its cost beside or under it rather than "· kost…" */
        const char *word = _("Eigen doel formuleren");
        int fh = cost_row(g, m, (SDL_Rect){c.x, y, c.w, 0}, false, NULL, NULL, word,
                          sc->rules.goal_cost, 0);
        if (y + fh <= c.y + c.h) {
            cost_row(g, m, (SDL_Rect){c.x, y, c.w, 0}, true, NULL, NULL, word,
                     sc->rules.goal_cost, PLAYER_ID_WORD_GOAL);
            y += fh + ui_px(g, 6);
        }
    }
    if (overleg_free && at_limit && adopted_n < sc->n_goals) {
        /* why "Voorstellen" is greyed out, and what to do about it */
        char why[160];
        snprintf(why, sizeof why,
                 ngettext("Al %d gedeeld doel: laat eerst een doel los.",
                          "Al %d gedeelde doelen: laat eerst een doel los.",
                          (unsigned long)adopted_n),
                 adopted_n);
        int th = ui_text_box_height(g, why, c.w, small, UI_REGULAR);
        if (y + th <= c.y + c.h) {
            ui_text_box(g, why, (SDL_Rect){c.x, y, c.w, th}, small, small * 8 / 10, UI_REGULAR,
                        UI_INK_SOFT, UI_LEFT);
            y += th + ui_px(g, 4);
        }
    }
    int order[CORE_MAX_GOAL_SLOTS];
    for (int k = 0, n_order = goal_order(p, slots, order); k < n_order; k++) {
        int i = order[k];
        bool adopted = p->goal_adopted[i];
        bool voting = p->goal_proposal == i;
        bool can_propose = overleg_free && !adopted;
        bool can_drop = overleg_free && adopted;
        if (!adopted && !voting && !can_propose)
            continue;
        if (y + hb > c.y + c.h)
            break;
        char s[CORE_ANSWER_LEN + 16];
        snprintf(s, sizeof s, "%s%s", adopted ? "◆ " : "",
                 i < sc->n_goals ? sc->goals[i].title : p->team_goal_text[i - sc->n_goals]);
        int bw = voting ? ui_px(g, 190) : (can_propose || can_drop) ? ui_px(g, 170) : 0;
        /* long goal titles wrap to two lines next to their buttons */
        int tw = c.w - bw - ui_px(g, 10);
        ui_style gst = adopted ? UI_BOLD : UI_REGULAR;
        int th = ui_text_box_height(g, s, tw, small, gst);
        if (th > small * 26 / 10)
            th = small * 26 / 10;
        if (y + th > c.y + c.h)
            break;
        ui_text_box(g, s, (SDL_Rect){c.x, y + (th < hb ? (hb - th) / 2 : 0), tw, th}, small,
                    small * 8 / 10, gst, adopted ? UI_GOOD : UI_INK, UI_LEFT);
        if (voting) {
            /* a vote is cast while the table talks; after that it only shows */
            bool voted = (((p->goal_votes_yes | p->goal_votes_no) >> m->view->seat) & 1u) ||
                         !player_talk_phase(p);
            int half = (bw - ui_px(g, 6)) / 2;
            ui_button(g, (SDL_Rect){c.x + c.w - bw, y, half, hb}, _("Ja"), small, true, !voted,
                      UI_ID_VOTE_YES, i);
            ui_button(g, (SDL_Rect){c.x + c.w - half, y, half, hb}, _("Nee"), small, false,
                      !voted, UI_ID_VOTE_NO, i);
            /* who said yes so far: consent needs every seat */
            char names[256], line[320];
            player_seat_names(m, p->goal_votes_yes, names, sizeof names);
            snprintf(line, sizeof line, _("ja: %s"), names[0] ? names : "–");
            int ly = y + (th > hb ? th : hb) + ui_px(g, 2);
            if (ly + small * 12 / 10 <= c.y + c.h) {
                ui_text(g, line, c.x, ly, small, small * 8 / 10, UI_REGULAR, UI_INK_SOFT, UI_LEFT,
                        c.w);
                y += small * 12 / 10 + ui_px(g, 2);
            }
        } else if (can_propose) {
            ui_button(g, (SDL_Rect){c.x + c.w - bw, y, bw, hb}, _("Voorstellen"), small, false,
                      !at_limit, UI_ID_PROPOSE_GOAL, i);
        } else if (can_drop) {
            ui_button(g, (SDL_Rect){c.x + c.w - bw, y, bw, hb}, _("Loslaten"), small, false,
                      true, UI_ID_DROP_GOAL, i);
        }
        y += (th > hb ? th : hb) + ui_px(g, 6);
    }
    return y;
}

static void requests(ui_gfx *g, const ui_player_model *m, SDL_Rect r)
{
    const core_public_view *p = &m->view->pub;
    SDL_Rect c = player_title_panel(g, r, _("Afspraken en doelen"));
    int small = player_fpx(g, P_SMALL);
    int y = c.y;
    int lines = 0;
    y = consent_requests(g, m, c, y, &lines);
    /* in Reflectie the verbeteracties come first: asks are over by then */
    if (p->phase == CORE_PHASE_REFLECTIE)
        y += verbeteracties_block(g, m, c, y, &lines);
    y = promise_rows(g, m, c, y, &lines);
    /* in the talking phases an ask waiting for an answer comes first, then
     * the earlier rounds' verbeteracties to check, then what the pupil
     * said (to read, nothing to answer) */
    if (player_talk_phase(p))
        y += verbeteracties_block(g, m, c, y, &lines);
    bool heard = false;
    for (int f = 0; f < m->sc->n_facts && f < CORE_MAX_FACTS; f++)
        heard |= m->sc->facts[f].pupil_voice && p->fact_shared[f] && m->sc->facts[f].text[0];
    if (lines == 0 && !heard && p->phase != CORE_PHASE_OVERLEG) {
        ui_text(g, _("Geen open vragen."), c.x, y, small, small, UI_REGULAR, UI_INK_SOFT, UI_LEFT,
                c.w);
        y += small * 13 / 10;
    }
    y += ui_px(g, 8);
    /* the goals (with their buttons) before what the pupil said, which
     * takes the room left */
    y = goal_rows(g, m, c, y);
    pupil_words(g, m, c, y, &lines);
}

/* Height of a panel (player_title_panel) whose content is content_h high. */
int player_panel_height(ui_gfx *g, int content_h)
{
    int pad = ui_px(g, 20);
    return pad * 3 / 4 + player_fpx(g, P_BODY) * 13 / 10 + ui_px(g, 6) + content_h + pad / 2;
}

/* The team panel's height for its seats in `cols` columns (a row a seat
 * each) and its footer. */
static int team_needed_height(ui_gfx *g, const ui_player_model *m, int w, int cols)
{
    int small = player_fpx(g, P_SMALL);
    int n = m->view->pub.n_seats < CORE_MAX_SEATS ? m->view->pub.n_seats : CORE_MAX_SEATS;
    int rows = (n + cols - 1) / cols;
    return player_panel_height(g, rows * small * 13 / 10 +
                                      team_footer_height(g, m, w - 2 * ui_px(g, 20)));
}

/* Something in the goals panel waits for this seat: a consent asked of
 * it, an open goal vote, an ask or offer to answer. The team then leaves
 * it half the column. */
static bool requests_waiting(const ui_player_model *m)
{
    const core_public_view *p = &m->view->pub;
    if (p->goal_proposal >= 0 || p->phase == CORE_PHASE_OVERLEG)
        return true;
    for (int f = 0; f < m->sc->n_facts && f < CORE_MAX_FACTS; f++)
        if (p->fact_consent[f] == 1 && !p->fact_shared[f] &&
            player_role_consents(m->sc, m->view->role))
            return true;
    for (int i = 0; i < p->n_promises && i < CORE_MAX_PROMISES; i++)
        if (p->promises[i].to == m->view->seat && p->promises[i].status == CORE_PROMISE_PENDING)
            return true;
    return false;
}

/* h clamped to [lo, hi] shares (percent) of all. */
static int share_clamp(int h, int all, int lo, int hi)
{
    if (h < all * lo / 100)
        return all * lo / 100;
    return h > all * hi / 100 ? all * hi / 100 : h;
}

/* The instruction (wrapped to two lines when it must), then three
 * columns down to the hand: the role card and the team as high as their
 * texts need within bounds, the dossier and the goals below them take the
 * rest. Widths are shares of the canvas, so 4:3 and 16:10 use the whole
 * screen; the hand's two rows (player_hand) give every card its words. */
static void draw_panels(ui_gfx *g, const ui_player_model *m)
{
    int body = player_fpx(g, P_BODY);
    SDL_Rect full = ui_r(g, 24, 96, 1872, 48);
    int pills_w = status_pills(g, m, full);
    const char *ins = instruction(m);
    int ih = ui_text_box_height(g, ins, full.w - pills_w, body, UI_BOLD);
    if (ih > body * 26 / 10)
        ih = body * 26 / 10;
    ui_text_box(g, ins, (SDL_Rect){full.x, full.y + ui_px(g, 4), full.w - pills_w, ih}, body,
                body * 8 / 10, UI_BOLD, UI_INK, UI_LEFT);
    int gap = ui_px(g, 18);
    int top = full.y + ui_px(g, 4) + ih + ui_px(g, 8);
    /* wide screens: the ready button beside the hand, if the cards stay
     * wide (15 em); else under the right column */
    int ready_w = player_ready_width(g, m) + ui_px(g, 20);
    bool beside = (full.w - ready_w) / 3 >= 15 * body;
    int hand_w = beside ? full.w - ready_w : full.w;
    int hand_h = player_hand_height(g, m, hand_w);
    if (beside && hand_h < body * 4)
        hand_h = body * 4;
    SDL_Rect strip = {full.x, g->h - ui_px(g, 16) - hand_h, hand_w, hand_h};
    int h = strip.y - ui_px(g, 22) - top;
    int cw = full.w - 2 * gap;
    int lw = cw * 31 / 100, mw = cw * 37 / 100, rw = cw - lw - mw;
    int lx = full.x, mx = lx + lw + gap, rx = mx + mw + gap;
    /* the role card whole, the T over its limits if the dossier keeps
     * room for its tallest fact, else the limits beside the T; a screen
     * too low for both shows one of them, with tabs */
    int dossier_min = player_dossier_min_height(g, m, lw);
    int role_h = player_role_card_height(g, m, lw, false);
    if (role_h > h - gap - dossier_min)
        role_h = player_role_card_height(g, m, lw, true);
    if (role_h > h - gap - dossier_min) {
        if (player_left_tab(m) == 1)
            player_role_card(g, m, (SDL_Rect){lx, top, lw, h}, true);
        else
            player_dossier(g, m, (SDL_Rect){lx, top, lw, h}, true);
    } else {
        player_role_card(g, m, (SDL_Rect){lx, top, lw, role_h}, false);
        player_dossier(g, m, (SDL_Rect){lx, top + role_h + gap, lw, h - role_h - gap}, false);
    }
    if (m->view->pub.phase == CORE_PHASE_REFLECTIE)
        player_reflection(g, m, (SDL_Rect){mx, top, mw, h});
    else
        player_needs(g, m, (SDL_Rect){mx, top, mw, h});
    int ready_h = beside ? 0 : body * 2;
    if (beside)
        player_ready_row(g, m, (SDL_Rect){full.x + full.w - ready_w + ui_px(g, 20), strip.y,
                                          ready_w - ui_px(g, 20), hand_h});
    else /* under the right column, where the eye ends */
        player_ready_row(g, m, (SDL_Rect){rx, top + h - ready_h, rw, ready_h});
    int rh = h - ready_h - (beside ? 0 : ui_px(g, 12));
    /* the team a row a seat if that leaves the goals room, else in two
     * columns, never lower than that */
    int team_h = share_clamp(team_needed_height(g, m, rw, 1), rh - gap, 30,
                             requests_waiting(m) ? 50 : 66);
    int team_min = team_needed_height(g, m, rw, 2);
    team_h = team_h < team_min ? team_min : team_h;
    team(g, m, (SDL_Rect){rx, top, rw, team_h});
    requests(g, m, (SDL_Rect){rx, top + team_h + gap, rw, rh - team_h - gap});
    player_hand(g, m, strip);
}

void ui_draw_player(ui_gfx *g, const ui_player_model *m)
{
    ui_draw_background(g);
    if (!m->sc || !m->view)
        return;
    topbar(g, m);
    int body = player_fpx(g, P_BODY);
    draw_panels(g, m);
    if (m->paused) {
        /* actions wait while the trainer talks: say so before anyone clicks */
        SDL_Rect all = {0, 0, g->w, g->h};
        ui_fill(g, all, (SDL_Color){0x10, 0x18, 0x20, 0x60});
        ui_hit_add(g, all, UI_ID_NONE, 0);
        SDL_Rect r = ui_r(g, 460, 440, 1000, 120);
        ui_round(g, r, ui_px(g, 16), UI_ACCENT);
        int h2 = player_fpx(g, P_H2);
        ui_text(g, _("Gepauzeerd door de trainer"), r.x + r.w / 2, r.y + (r.h - h2 * 12 / 10) / 2,
                h2, body, UI_BOLD, UI_WHITE, UI_CENTER, r.w - ui_px(g, 24));
        return;
    }
    if (m->view->pub.phase == CORE_PHASE_END)
        player_verdict_banner(g, m);
    if (m->message[0]) {
        SDL_Rect r = ui_r(g, 460, 780, 1000, 56);
        ui_round(g, r, ui_px(g, 12), m->message_is_error ? UI_ALARM : UI_INK);
        ui_text(g, m->message, r.x + r.w / 2, r.y + (r.h - body * 12 / 10) / 2, body,
                body * 7 / 10, UI_BOLD, UI_WHITE, UI_CENTER, r.w - ui_px(g, 24));
    }
    if (m->pick_need >= 0)
        player_pick_seat_overlay(g, m);
    else if (m->open_friction >= 0 && m->open_friction < m->sc->n_frictions)
        player_friction_overlay(g, m);
    else if (m->wording_goal)
        player_goal_overlay(g, m);
    /* a line that ended in "…" shows its whole text under the mouse */
    ui_draw_tooltip(g, -1, -1);
}
