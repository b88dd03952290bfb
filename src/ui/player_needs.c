/* ui/player_needs: the player screen's middle panel: the needs (title,
 * bar, count and trekker; one line each when the panel is low), the
 * spanningen on the table, and in Overleg the bar of the need in focus. */
#include "ui/player_draw_int.h"
#include "ui/player_ids.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

/* An ask or offer costs one more while trust is low. */
static int ask_cost(const ui_player_model *m)
{
    const core_rules *r = &m->sc->rules;
    return r->ask_cost + (m->view->pub.trust <= r->trust_low ? 1 : 0);
}

/* The sizes one frame of the needs panel shares between its rows. */
typedef struct {
    SDL_Rect c;        /* content rectangle of the panel */
    int body, small;   /* font sizes */
    int row;           /* height of one need's row */
    int frow;          /* height of one spanning's row */
    bool compact;      /* a need on one line: its bar a thin line under it */
    bool overleg;      /* the Overleg phase: talk about a need */
    bool target;       /* a card is selected or dragged: rows are commit targets */
} needs_layout;

/* A need's row: its background, and its click region as a commit target
 * (Inzet) or the need to talk about (Overleg). */
static void need_row_back(ui_gfx *g, const ui_player_model *m, const needs_layout *L, int i,
                          int y)
{
    SDL_Rect c = L->c;
    bool overleg = L->overleg, target = L->target;
    SDL_Rect rr = {c.x - ui_px(g, 8), y, c.w + ui_px(g, 16), L->row - ui_px(g, 6)};
    bool met = m->view->pub.need_met[i];
    if (target && !met) {
        ui_round(g, rr, ui_px(g, 10),
                 ui_hover(g, rr) ? (SDL_Color){0xCF, 0xE3, 0xEC, 0xFF} : UI_PANEL_ALT);
        ui_round_outline(g, rr, ui_px(g, 10), ui_px(g, 2), UI_ACCENT);
        ui_hit_add(g, rr, UI_ID_NEED, i);
    } else if (overleg) {
        if (m->focus_need == i)
            ui_round(g, rr, ui_px(g, 10), (SDL_Color){0xCF, 0xE3, 0xEC, 0xFF});
        else if (ui_hover(g, rr))
            ui_round(g, rr, ui_px(g, 10), UI_PANEL_ALT);
        ui_hit_add(g, rr, UI_ID_NEED, i);
    }
}

/* A need on one line (a low panel): title; trekker chip and count or
 * state at the right; the bar a thin line along the row's foot. */
static void need_row_compact(ui_gfx *g, const ui_player_model *m, const needs_layout *L, int i,
                             int y)
{
    const core_public_view *p = &m->view->pub;
    const core_need_def *d = &m->sc->needs[i];
    SDL_Rect c = L->c;
    int body = L->body, small = L->small;
    need_row_back(g, m, L, i, y);
    bool met = p->need_met[i];
    char right[96];
    if (met)
        snprintf(right, sizeof right, "✓ %s", _("bereikt"));
    else if (!p->need_lit[i])
        snprintf(right, sizeof right, "%s", _("in het duister"));
    else
        snprintf(right, sizeof right, "%d / %d", p->need_progress[i], d->target);
    int rw = 0, rh = 0, tw = 0, th = 0;
    ui_text_size(g, right, small, UI_BOLD, &rw, &rh);
    ui_text_size(g, d->title, body, UI_BOLD, &tw, &th);
    int ty = y + ui_px(g, 3);
    int lead = p->need_lead[i], chip = small * 11 / 10, chw = 0;
    if (lead >= 0 && lead < p->n_seats)
        chw = ui_role_chip_width(g, m->sc, m->sc->seat_roles[lead], chip) + ui_px(g, 10);
    /* the title whole first: then the trekker's chip, then the count (the
     * bar under the row still shows how far it is) */
    int gap = ui_px(g, 12);
    if (tw + gap + chw + rw > c.w && tw + gap + rw <= c.w)
        chw = 0;
    else if (tw + gap + chw + rw > c.w && p->need_lit[i] && !met) {
        rw = 0;
        if (tw + gap + chw > c.w)
            chw = 0;
    }
    if (rw)
        ui_text(g, right, c.x + c.w, ty, small, small, UI_BOLD, met ? UI_GOOD : UI_INK, UI_RIGHT,
                0);
    int x_end = c.x + c.w - (rw ? rw + ui_px(g, 10) : 0);
    if (chw) {
        x_end -= chw;
        ui_role_chip(g, m->sc, m->sc->seat_roles[lead], x_end, ty, chip);
    }
    ui_text(g, d->title, c.x, ty, body, body * 8 / 10, UI_BOLD, UI_INK, UI_LEFT, x_end - c.x);
    int bh = ui_px(g, 5), by = y + L->row - ui_px(g, 6) - bh - ui_px(g, 3);
    SDL_Rect bar = {c.x, by, c.w, bh};
    ui_fill(g, bar, UI_LINE);
    if (d->target > 0 && p->need_progress[i] > 0) {
        int v = p->need_progress[i] > d->target ? d->target : p->need_progress[i];
        bar.w = (int)((long)c.w * v / d->target);
        ui_fill(g, bar, met ? UI_GOOD : UI_ACCENT);
    }
}

/* One need: title, state, progress bar and its trekker. */
static void need_row(ui_gfx *g, const ui_player_model *m, const needs_layout *L, int i, int y)
{
    const core_public_view *p = &m->view->pub;
    const core_need_def *d = &m->sc->needs[i];
    SDL_Rect c = L->c;
    int body = L->body, small = L->small;
    bool overleg = L->overleg;
    if (L->compact) {
        need_row_compact(g, m, L, i, y);
        return;
    }
    need_row_back(g, m, L, i, y);
    bool met = p->need_met[i];
    char st[96] = "";
    if (met)
        snprintf(st, sizeof st, "✓ %s", _("bereikt"));
    else if (!p->need_lit[i])
        snprintf(st, sizeof st, "%s", _("in het duister"));
    int sw = 0, sh = 0, tw = 0, th = 0;
    if (st[0])
        ui_text_size(g, st, small, UI_BOLD, &sw, &sh);
    ui_text_size(g, d->title, body, UI_BOLD, &tw, &th);
    /* the state beside the title, or on the bar's line when the title
     * needs the room */
    bool st_below = st[0] && tw + sw + ui_px(g, 12) > c.w;
    int by = y + ui_px(g, 4) + body * 13 / 10;
    ui_text(g, d->title, c.x, y + ui_px(g, 4), body, body * 8 / 10, UI_BOLD, UI_INK, UI_LEFT,
            st[0] && !st_below ? c.w - sw - ui_px(g, 12) : c.w);
    if (st[0])
        ui_text(g, st, c.x + c.w, st_below ? by : y + ui_px(g, 6), small, small, UI_BOLD,
                met ? UI_GOOD : UI_INK_SOFT, UI_RIGHT, 0);
    char prog[48];
    snprintf(prog, sizeof prog, "%d / %d", p->need_progress[i], d->target);
    int pw = 0, ph = 0;
    ui_text_size(g, prog, small, UI_BOLD, &pw, &ph);
    int lead = p->need_lead[i];
    char ls[128] = "";
    if (lead >= 0 && lead < p->n_seats)
        snprintf(ls, sizeof ls, _("trekker: %s"), player_seat_label(m, lead));
    int lsw = 0, lsh = 0;
    if (ls[0])
        ui_text_size(g, ls, small, UI_REGULAR, &lsw, &lsh);
    /* the bar gives way to the trekker's name, down to a fifth of the row */
    int bw = c.w - pw - lsw - (st_below ? sw + ui_px(g, 12) : 0) - ui_px(g, 40);
    bw = bw > c.w * 45 / 100 ? c.w * 45 / 100 : (bw < c.w / 5 ? c.w / 5 : bw);
    int bh = ui_px(g, 14);
    SDL_Rect bar = {c.x, by + (ph - bh) / 2, bw, bh};
    ui_round(g, bar, bh / 2, UI_PANEL);
    ui_round_outline(g, bar, bh / 2, 1, UI_LINE);
    if (d->target > 0 && p->need_progress[i] > 0) {
        int v = p->need_progress[i] > d->target ? d->target : p->need_progress[i];
        SDL_Rect f = bar;
        f.w = (int)((long)bar.w * v / d->target);
        if (f.w < bh)
            f.w = bh;
        ui_round(g, f, bh / 2, met ? UI_GOOD : UI_ACCENT);
    }
    ui_text(g, prog, bar.x + bar.w + ui_px(g, 10), by, small, small, UI_BOLD, UI_INK, UI_LEFT,
            0);
    int lx = bar.x + bar.w + pw + ui_px(g, 26);
    int lw = c.x + c.w - lx - (st_below ? sw + ui_px(g, 12) : 0);
    if (ls[0] && lsw > lw) {
        /* too narrow for the words: the trekker's role chip, as on the seats */
        ui_role_chip(g, m->sc, m->sc->seat_roles[lead], lx, by - ui_px(g, 2), small * 11 / 10);
    } else if (ls[0]) {
        ui_text(g, ls, lx, by, small, small * 8 / 10, UI_REGULAR, UI_INK_SOFT, UI_LEFT, lw);
    } else if (p->lead_proposal[i] == m->view->seat && overleg) {
        ui_button(g, (SDL_Rect){lx, by - ui_px(g, 4), lw, small * 15 / 10},
                  _("Trekker worden? Ja"), small, true, true, UI_ID_ACCEPT_LEAD, i);
    }
}

/* Overleg: the action bar for the need in focus, under the list: "Over
 * ‘need’:" with what a question costs beside it, then the three buttons.
 * When they do not fit: the cost on a line of its own, and "Ik trek dit"
 * on a second row of buttons. Returns its height; draws (at the bottom of
 * L->c) only with draw. */
static int need_focus_bar(ui_gfx *g, const ui_player_model *m, const needs_layout *L, int fn,
                          bool draw)
{
    const core_public_view *p = &m->view->pub;
    SDL_Rect c = L->c;
    int small = L->small, hb = small * 15 / 10, gap = ui_px(g, 10), line = small * 14 / 10;
    char about[CORE_TITLE_LEN + 32], cost[96] = "";
    snprintf(about, sizeof about, _("Over ‘%s’:"), m->sc->needs[fn].title);
    if (p->overleg_budget > 0 && player_talk_phase(p)) /* time is spent only while talking */
        snprintf(cost, sizeof cost, _("kost %d per vraag"), ask_cost(m));
    int aw = 0, cw = 0, th = 0;
    ui_text_size(g, about, small, UI_BOLD, &aw, &th);
    if (cost[0])
        ui_text_size(g, cost, small, UI_REGULAR, &cw, &th);
    bool cost_apart = cost[0] && aw + cw + ui_px(g, 12) > c.w;
    const char *label[3] = {_("Vraag hulp"), _("Bied hulp"), _("Ik trek dit")};
    static const int ids[3] = {UI_ID_ASK, UI_ID_OFFER, UI_ID_LEAD_SELF};
    int lw[3], sum = 0;
    for (int k = 0; k < 3; k++) {
        ui_text_size(g, label[k], small, UI_BOLD, &lw[k], &th);
        lw[k] += hb / 3 + ui_px(g, 8);
        sum += lw[k];
    }
    bool two_rows = sum + 2 * gap > c.w;
    int h = ui_px(g, 16) + line + (cost_apart ? line : 0) + hb + (two_rows ? hb + gap : 0);
    if (!draw)
        return h;
    int yb = c.y + c.h - h + ui_px(g, 8);
    ui_text(g, about, c.x, yb, small, small * 8 / 10, UI_BOLD, UI_INK, UI_LEFT,
            cost[0] && !cost_apart ? c.w - cw - ui_px(g, 12) : c.w);
    if (cost[0])
        ui_text(g, cost, c.x + c.w, cost_apart ? yb + line : yb, small, small * 8 / 10,
                UI_REGULAR, UI_INK_SOFT, UI_RIGHT, c.w);
    yb += line + (cost_apart ? line : 0);
    bool open = !p->need_met[fn];
    bool on[3] = {open, open, open && p->need_lead[fn] != m->view->seat};
    /* each button as wide as its words, the room left shared out; on two
     * rows two and one, each half the width */
    int extra = (c.w - 2 * gap - sum) / 3;
    for (int k = 0, x = c.x; k < 3; k++) {
        int w = two_rows ? (c.w - gap) / 2 : lw[k] + extra;
        int y = two_rows && k == 2 ? yb + hb + gap : yb;
        if (two_rows && k == 2)
            x = c.x;
        ui_button(g, (SDL_Rect){x, y, w, hb}, label[k], small, false, on[k], ids[k], fn);
        x += w + gap;
    }
    return h;
}

/* The height of a spanning's row with its title over two lines, then its
 * chips and state. */
static int friction_three_lines(ui_gfx *g, const needs_layout *L)
{
    return ui_px(g, 10) + L->body * 13 / 10 * 2 + L->small * 12 / 10;
}

/* Whether some spanning's title is wider than the panel (the two-line form
 * would cut it). */
static bool frictions_title_cut(ui_gfx *g, const ui_player_model *m, const needs_layout *L)
{
    const core_scenario *sc = m->sc;
    const core_public_view *p = &m->view->pub;
    for (int i = 0; i < p->n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        const core_friction_state *f = &p->frictions[i];
        int tw = 0, th = 0;
        if (!f->active || f->friction < 0 || f->friction >= sc->n_frictions)
            continue;
        ui_text_size(g, sc->frictions[f->friction].title, L->body, UI_BOLD, &tw, &th);
        if (tw > L->c.w)
            return true;
    }
    return false;
}

/* A spanning's one-line form: its role chips, then its title. */
static int friction_line_width(ui_gfx *g, const core_scenario *sc, const needs_layout *L,
                               const core_friction_def *fd)
{
    int w = ui_px(g, 6), tw = 0, th = 0;
    for (int ro = 0; ro < sc->n_roles && ro < 32; ro++)
        if (fd->roles & (1u << (unsigned)ro))
            w += ui_role_chip_width(g, sc, ro, L->small * 11 / 10) + ui_px(g, 4);
    ui_text_size(g, fd->title, L->body, UI_BOLD, &tw, &th);
    return w + tw;
}

/* One spanning on the table: its title and the roles that can tackle it. */
static void friction_row(ui_gfx *g, const ui_player_model *m, const needs_layout *L,
                         const core_friction_state *f, int y)
{
    const core_scenario *sc = m->sc;
    SDL_Rect c = L->c;
    int body = L->body, small = L->small, row = L->frow;
    bool target = L->target;
    const core_friction_def *fd = &sc->frictions[f->friction];
    bool one_line = row < ui_px(g, 10) + body * 13 / 10 + small * 12 / 10;
    SDL_Rect rr = {c.x - ui_px(g, 8), y, c.w + ui_px(g, 16), row - ui_px(g, 6)};
    ui_round(g, rr, ui_px(g, 10), (SDL_Color){0xFB, 0xEE, 0xE6, 0xFF});
    if (target) {
        ui_round_outline(g, rr, ui_px(g, 10), ui_px(g, 2), UI_WARN);
        /* the rules address a spanning by its index in the scenario, not by
         * its place in the list of spanningen on the table */
        ui_hit_add(g, rr, UI_ID_FRICTION, f->friction);
    } else {
        /* a click (or Enter) opens the spanning: its whole text, and the
         * afspraak that resolves it */
        if (ui_hover(g, rr))
            ui_round_outline(g, rr, ui_px(g, 10), ui_px(g, 2), UI_ACCENT);
        ui_hit_add(g, rr, PLAYER_ID_FRICTION_OPEN, f->friction);
    }
    char t[CORE_TITLE_LEN + 40];
    snprintf(t, sizeof t, _("Spanning: %s"), fd->title);
    int tw = 0, th = 0;
    ui_text_size(g, t, body, UI_BOLD, &tw, &th);
    /* who can tackle it: the involved roles as chips, as on the projector;
     * on one line (a low panel) before the title, else under it */
    /* a row with room for three lines wraps a long title over two */
    bool wrap_title = !one_line && row >= friction_three_lines(g, L) && tw > c.w;
    int ly = one_line ? y + (row - ui_px(g, 6) - body * 12 / 10) / 2
                      : y + ui_px(g, 4) + body * 13 / 10 * (wrap_title ? 2 : 1);
    int chip = small * 11 / 10;
    /* on one line, where the chips would cut the title, the roles show as
     * dots in their colours (the opened spanning names them) */
    bool dots = one_line && friction_line_width(g, sc, L, fd) > c.w;
    int dot = small * 7 / 10;
    int x = c.x;
    for (int ro = 0; ro < sc->n_roles && ro < 32; ro++) {
        if (!(fd->roles & (1u << (unsigned)ro)))
            continue;
        if (dots) {
            ui_circle(g, (float)x + (float)dot / 2.0f, (float)ly + (float)(body * 6 / 10), (float)dot / 2.0f,
                      ui_role_colour(sc->roles[ro].colour));
            x += dot + ui_px(g, 3);
        } else {
            x += ui_role_chip(g, sc, ro, x, ly - ui_px(g, 2), chip) + ui_px(g, 4);
        }
    }
    int tx = one_line ? x + ui_px(g, 6) : c.x;
    /* the row's colour says "spanning" when the word does not fit */
    if (wrap_title)
        ui_text_box(g, fd->title, (SDL_Rect){c.x, y + ui_px(g, 4), c.w, body * 13 / 10 * 2}, body, body * 8 / 10,
                    UI_BOLD, UI_INK, UI_LEFT);
    else
        ui_text(g, tw > c.x + c.w - tx ? fd->title : t, tx, one_line ? ly : y + ui_px(g, 4), body,
                body * 8 / 10, UI_BOLD, UI_INK, UI_LEFT, c.x + c.w - tx);
    if (one_line)
        return;
    const core_afspraak *af = &m->view->pub.afspraken[f->friction];
    /* the afspraak's state first: it is what the table acts on; then as
     * much of the rest as fits (the chips already say who) */
    const char *state = af->made_round > 0 ? _("✓ afspraak · ")
                        : af->proposer >= 0 ? _("voorstel ligt open · ")
                                            : "";
    char forms[3][200], rest[120];
    snprintf(rest, sizeof rest, _("samen met %d rollen · ernst %d"), fd->required_roles,
             f->severity);
    snprintf(forms[0], sizeof forms[0], "%s%s", state, rest);
    snprintf(rest, sizeof rest, _("ernst %d"), f->severity);
    snprintf(forms[1], sizeof forms[1], "%s%s", state, rest);
    /* the last resort: the state alone (without its " · "), or the ernst */
    size_t sl = strlen(state);
    snprintf(forms[2], sizeof forms[2], "%.*s", (int)(sl > 4 ? sl - 4 : 0), state);
    if (!forms[2][0])
        snprintf(forms[2], sizeof forms[2], "%s", rest);
    int room = c.x + c.w - x - ui_px(g, 6), k = 0;
    for (int w = 0; k < 2; k++) {
        ui_text_size(g, forms[k], small, UI_REGULAR, &w, &th);
        if (w <= room)
            break;
    }
    ui_text(g, forms[k], x + ui_px(g, 6), ly, small, small * 8 / 10, UI_REGULAR, UI_INK_SOFT,
            UI_LEFT, room);
}

/* Whether some spanning on the table would end its title in "…" on one
 * line beside its role chips (the friction_row's one-line form). */
static bool frictions_cut_on_one_line(ui_gfx *g, const ui_player_model *m, const needs_layout *L)
{
    const core_scenario *sc = m->sc;
    const core_public_view *p = &m->view->pub;
    for (int i = 0; i < p->n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        const core_friction_state *f = &p->frictions[i];
        if (f->active && f->friction >= 0 && f->friction < sc->n_frictions &&
            friction_line_width(g, sc, L, &sc->frictions[f->friction]) > L->c.w)
            return true;
    }
    return false;
}

void player_needs(ui_gfx *g, const ui_player_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    const core_public_view *p = &m->view->pub;
    needs_layout L;
    L.c = player_title_panel(g, r, _("Noden en spanningen"));
    SDL_Rect c = L.c;
    L.body = player_fpx(g, P_BODY);
    L.small = player_fpx(g, P_SMALL);
    int body = L.body, small = L.small;
    bool overleg = L.overleg = p->phase == CORE_PHASE_OVERLEG;
    L.target = player_can_commit(m) && (m->selected >= 0 || m->drag_slot >= 0);
    int n = p->n_needs;
    /* The spanningen on the table join the list (as on the projector): in
     * Overleg to talk about, in Inzet as commit targets. */
    int nfr = 0;
    for (int i = 0; i < p->n_frictions_out && i < CORE_MAX_FRICTIONS; i++)
        nfr += p->frictions[i].active ? 1 : 0;
    int rows = n + nfr;
    /* Overleg: one action bar under the list, for the need in focus */
    int fn = m->focus_need;
    bool focus = overleg && fn >= 0 && fn < n && fn < CORE_MAX_NEEDS;
    int bar_h = focus ? need_focus_bar(g, m, &L, fn, false) : 0;
    /* two lines a row; in a low panel the spanningen on one line each
     * (title and chips), then the needs too (their bar a thin line) */
    int avail = c.h - bar_h, one = body * 18 / 10;
    if (rows > 0 && avail / rows < one) /* tighter still: a line and a thin bar */
        one = avail / rows > body * 14 / 10 ? avail / rows : body * 14 / 10;
    int two = ui_px(g, 10) + body * 13 / 10 + small * 12 / 10; /* title; bar and count */
    int maxrow = body * 28 / 10 > two ? body * 28 / 10 : two;
    int row = rows > 0 ? avail / rows : avail, frow = row;
    L.compact = false;
    /* a spanning whose title would be cut beside its chips keeps two lines
     * (title; chips and state) while the needs go to one line each */
    bool fr_cut = nfr > 0 && row < two && frictions_cut_on_one_line(g, m, &L);
    if (fr_cut && n * one + nfr * two <= avail) {
        L.compact = true;
        row = one;
        frow = nfr > 0 ? (avail - n * one) / nfr : two;
    } else if (row < two && n * two + nfr * one <= avail) {
        row = two;
        frow = one;
    } else if (row < two) {
        L.compact = true;
        row = one;
        frow = nfr > 0 ? (avail - n * one) / nfr : one;
    }
    L.row = row > maxrow ? maxrow : row;
    L.frow = frow > maxrow ? maxrow : (frow < one ? one : frow);
    /* a long spanning title over two lines where the panel has the room */
    int three = friction_three_lines(g, &L);
    if (nfr > 0 && L.frow >= two && L.frow < three && n * L.row + nfr * three <= avail &&
        frictions_title_cut(g, m, &L))
        L.frow = three;
    int y = c.y;
    for (int i = 0; i < n && i < CORE_MAX_NEEDS; i++) {
        need_row(g, m, &L, i, y);
        y += L.row;
    }
    if (focus)
        need_focus_bar(g, m, &L, fn, true);
    for (int i = 0; i < p->n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        const core_friction_state *f = &p->frictions[i];
        if (!f->active || f->friction < 0 || f->friction >= sc->n_frictions)
            continue;
        friction_row(g, m, &L, f, y);
        y += L.frow;
    }
}

