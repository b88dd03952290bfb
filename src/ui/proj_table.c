/* ui/proj_table: the projector's game table (phase stepper, pupil, frictions,
 * needs, goals, network, seats) as retained regions. */
#include "ui/proj_int.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ table */

/* Whether this round has an Identiteit phase: always in round 1, later
 * only when someone sat down late (the core skips it otherwise). */
static bool round_has_identiteit(const ui_proj_model *m)
{
    if (m->pub->round <= 1 || m->pub->phase == CORE_PHASE_IDENTITEIT)
        return true;
    return m->pub->phase == CORE_PHASE_SIGNAAL && m->st && m->st->newcomers;
}

/* The phase chips in area: each as wide as its label at the back row's
 * size. When they do not all fit, the phases farthest from the current one
 * fold into unlabelled dots (done phases first), so the current phase and
 * what comes next stay named at any width. */
static void phase_stepper(ui_gfx *g, const ui_proj_model *m, SDL_Rect area)
{
    static const core_phase all[] = {CORE_PHASE_SIGNAAL, CORE_PHASE_IDENTITEIT,
                                     CORE_PHASE_OVERLEG, CORE_PHASE_INZET,
                                     CORE_PHASE_UITVOERING, CORE_PHASE_REFLECTIE};
    core_phase steps[6];
    int n = 0, cur_i = 0;
    for (int i = 0; i < 6; i++)
        if (all[i] != CORE_PHASE_IDENTITEIT || round_has_identiteit(m)) {
            if (m->pub->phase == all[i])
                cur_i = n;
            steps[n++] = all[i];
        }
    int px = ui_body_min(g); /* one text size for every chip */
    int gap = ui_px(g, 8), pad = ui_px(g, 16), dot = area.h * 4 / 10;
    int w[6];
    bool named[6];
    int total = 0;
    for (int i = 0; i < n; i++) {
        int tw = 0, th = 0;
        ui_text_size(g, ui_phase_name(steps[i]), px, UI_BOLD, &tw, &th);
        w[i] = tw + 2 * pad;
        named[i] = true;
        total += w[i] + (i ? gap : 0);
    }
    /* fold: done phases from the first on, then later phases from the last */
    for (int k = 0; k < n && total > area.w; k++) {
        int i = k < cur_i ? k : n - 1 - (k - cur_i);
        if (i == cur_i || i < 0 || !named[i])
            continue;
        total -= w[i] - dot;
        w[i] = dot;
        named[i] = false;
    }
    /* no room for every dot either: the farthest go, done phases first */
    bool hidden[6] = {false};
    for (int k = 0; k < n && total > area.w; k++) {
        int i = k < cur_i ? k : n - 1 - (k - cur_i);
        if (i == cur_i || i < 0 || hidden[i])
            continue;
        total -= w[i] + gap;
        hidden[i] = true;
    }
    int x = area.x + (total < area.w ? area.w - total : 0) / 2;
    for (int i = 0; i < n; i++) {
        bool cur = i == cur_i && m->pub->phase != CORE_PHASE_END;
        bool done = m->pub->phase > steps[i] && m->pub->phase != CORE_PHASE_END;
        SDL_Color bg = cur ? UI_WHITE : (SDL_Color){0x1E, 0x66, 0x84, 0xFF};
        if (hidden[i])
            continue;
        if (!named[i]) {
            ui_circle(g, (float)x + (float)dot / 2, (float)(area.y + area.h / 2),
                      (float)dot / 2, done ? (SDL_Color){0xD6, 0xE6, 0xEC, 0xFF} : bg);
            x += w[i] + gap;
            continue;
        }
        SDL_Rect s = {x, area.y, w[i], area.h};
        ui_round(g, s, s.h / 2, bg);
        SDL_Color ink = cur ? UI_ACCENT : (done ? (SDL_Color){0xD6, 0xE6, 0xEC, 0xFF} : UI_WHITE);
        int tw = 0, th = 0;
        ui_text_size(g, ui_phase_name(steps[i]), px, UI_BOLD, &tw, &th);
        ui_text(g, ui_phase_name(steps[i]), s.x + s.w / 2, s.y + (s.h - th) / 2, px, px,
                cur ? UI_BOLD : UI_REGULAR, ink, UI_CENTER, s.w);
        x += w[i] + gap;
    }
}

/* The table's top bar in three pieces side by side, so that the ticking
 * timer and the hover of the menu button redraw only their own piece:
 * [0, x_round) title and phases, [x_round, x_menu) round and timer,
 * [x_menu, w) the trainer's menu button. Each piece paints its own part of
 * the bar. The pieces are as wide as what they show: the level's title is
 * shown whole where the bar holds it beside the current phase's chip, the
 * other phases fold into dots first and "Ronde 3 van 6" becomes "3/6". */
typedef struct {
    int x_round, x_menu; /* where the round piece and the menu piece start */
    int title_w;         /* the title's room (its whole width where it fits) */
    bool round_short;    /* "3/6" instead of "Ronde 3 van 6" */
} topbar_plan;

static void round_label(const ui_proj_model *m, bool short_form, char *out, size_t len)
{
    if (short_form) /* a narrow screen: the numbers say it */
        snprintf(out, len, "%d/%d", m->pub->round, m->sc->rules.rounds);
    else
        snprintf(out, len, _("Ronde %d van %d"), m->pub->round, m->sc->rules.rounds);
}

static int text_w(ui_gfx *g, const char *s, int px, ui_style st)
{
    int w = 0, h = 0;
    ui_text_size(g, s, px, st, &w, &h);
    return w;
}

static topbar_plan plan_topbar(ui_gfx *g, const ui_proj_model *m)
{
    topbar_plan p;
    int px = ui_body_min(g), gap = ui_px(g, 16);
    p.x_menu = ui_r(g, 1828, 0, 0, 0).x;
    int x_title = ui_r(g, 32, 0, 0, 0).x;
    /* the timer measured at its widest, so its piece keeps still */
    int timer_w = m->timer_on ? text_w(g, "00:00", proj_fpx(g, T_H1), UI_BOLD) + gap : 0;
    char round[96];
    round_label(m, false, round, sizeof round);
    int long_w = text_w(g, round, px, UI_BOLD);
    round_label(m, true, round, sizeof round);
    int short_w = text_w(g, round, px, UI_BOLD);
    int title_w = text_w(g, m->sc->title, px, UI_BOLD);
    core_phase ph = m->pub->phase == CORE_PHASE_END ? CORE_PHASE_REFLECTIE : m->pub->phase;
    int chip_w = text_w(g, ui_phase_name(ph), px, UI_BOLD) + 2 * gap;
    int avail = p.x_menu - x_title - ui_px(g, 8);
    /* the current phase keeps its chip and a dot each side */
    int phases_w = 3 * gap + chip_w + 2 * ui_px(g, 34);
    p.round_short = title_w + phases_w + timer_w + long_w + gap > avail;
    p.x_round = p.x_menu - ui_px(g, 8) - timer_w - (p.round_short ? short_w : long_w) - gap;
    int room = p.x_round - x_title - phases_w;
    if (title_w > room) /* the dots go before the title is cut */
        room += 2 * ui_px(g, 34);
    p.title_w = title_w < room ? title_w : room;
    return p;
}

static SDL_Rect topbar_piece(const ui_gfx *g, const topbar_plan *p, int piece)
{
    SDL_Rect bar = ui_r(g, 0, 0, 1920, 96);
    int x0 = piece == 0 ? 0 : piece == 1 ? p->x_round : p->x_menu;
    int x1 = piece == 0 ? p->x_round : piece == 1 ? p->x_menu : g->w;
    SDL_Rect r = {x0, bar.y, x1 - x0, bar.h};
    return r;
}

static void table_topbar_main(ui_gfx *g, const ui_proj_model *m)
{
    topbar_plan p = plan_topbar(g, m);
    SDL_Rect piece = topbar_piece(g, &p, 0);
    ui_fill(g, piece, UI_ACCENT);
    int px = ui_body_min(g);
    /* the level's title left, whole where it fits beside the current
     * phase; the phases in what is left of the piece */
    SDL_Rect brand = ui_r(g, 32, 0, 480, 96);
    brand.w = p.title_w;
    ui_text(g, m->sc->title, brand.x, brand.y + (brand.h - px * 12 / 10) / 2, px, px, UI_BOLD,
            UI_WHITE, UI_LEFT, brand.w);
    int x0 = brand.x + brand.w + ui_px(g, 16);
    SDL_Rect area = {x0, ui_r(g, 0, 16, 0, 64).y, piece.x + piece.w - x0 - ui_px(g, 8),
                     ui_px(g, 64)};
    phase_stepper(g, m, area);
}

static void table_topbar_round(ui_gfx *g, const ui_proj_model *m)
{
    topbar_plan p = plan_topbar(g, m);
    SDL_Rect piece = topbar_piece(g, &p, 1);
    ui_fill(g, piece, UI_ACCENT);
    char round[96];
    round_label(m, p.round_short, round, sizeof round);
    SDL_Rect r = {piece.x + ui_px(g, 5), piece.y, piece.w - ui_px(g, 13), piece.h};
    int right = r.x + r.w;
    if (m->timer_on) {
        /* the timer large (body size of the back row), the round beside it */
        char t[32];
        snprintf(t, sizeof t, "%d:%02d", m->timer_left_s / 60, m->timer_left_s % 60);
        int big = proj_fpx(g, T_H1);
        int tw = 0, th = 0;
        ui_text_size(g, t, big, UI_BOLD, &tw, &th);
        ui_text(g, t, right, r.y + (r.h - th) / 2, big, big, UI_BOLD,
                m->timer_left_s < 60 ? (SDL_Color){0xFF, 0xC8, 0x6B, 0xFF} : UI_WHITE, UI_RIGHT,
                r.w);
        right -= tw + ui_px(g, 16);
    }
    int px = ui_body_min(g);
    ui_text(g, round, right, r.y + (r.h - px * 12 / 10) / 2, px, px, UI_BOLD, UI_WHITE, UI_RIGHT,
            right - r.x);
}

static void table_topbar_menu(ui_gfx *g, const ui_proj_model *m)
{
    topbar_plan p = plan_topbar(g, m);
    ui_fill(g, topbar_piece(g, &p, 2), UI_ACCENT);
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

static int widest_text(ui_gfx *g, const char *const *texts, int n, int px, ui_style st);

/* A pupil meter on one line: the label, a bar, the value ("4 / 18", or
 * "4" where the bar has to show the maximum). */
static void meter_line(ui_gfx *g, SDL_Rect r, const char *label, int value, int max,
                       SDL_Color fill)
{
    int px = ui_body_min(g), gap = ui_px(g, 12);
    char num[32];
    snprintf(num, sizeof num, "%d / %d", value, max);
    int lw = label[0] ? text_w(g, label, px, UI_BOLD) : -gap, nw = text_w(g, num, px, UI_BOLD);
    if (lw + nw + 2 * gap + px * 3 > r.w) {
        snprintf(num, sizeof num, "%d", value);
        nw = text_w(g, num, px, UI_BOLD);
    }
    if (label[0])
        ui_text(g, label, r.x, r.y, px, px, UI_BOLD, UI_INK, UI_LEFT, r.w - nw - gap);
    ui_text(g, num, r.x + r.w, r.y, px, px, UI_BOLD, UI_INK, UI_RIGHT, 0);
    int bh = px / 2;
    SDL_Rect bar = {r.x + lw + gap, r.y + (px * 12 / 10 - bh) / 2, r.w - lw - nw - 2 * gap, bh};
    if (bar.w <= 0)
        return;
    ui_round(g, bar, bh / 2, UI_PANEL_ALT);
    if (max > 0 && value > 0) {
        SDL_Rect f = bar;
        f.w = (int)((long)bar.w * (value > max ? max : value) / max);
        if (f.w < bh)
            f.w = bh;
        ui_round(g, f, bh / 2, fill);
    }
}

/* A pupil meter on two lines: the label whole, then the bar and the value
 * ("4 / 18", or "4" where the bar has to show the maximum). */
static void meter_stacked(ui_gfx *g, SDL_Rect r, const char *label, int value, int max,
                          SDL_Color fill)
{
    int px = ui_body_min(g), line = px * 13 / 10;
    ui_text(g, label, r.x, r.y, px, px, UI_BOLD, UI_INK, UI_LEFT, r.w);
    meter_line(g, (SDL_Rect){r.x, r.y + line, r.w, line}, "", value, max, fill);
}

/* Whether both pupil meters fit on a line each (label, a bar worth
 * reading, the value) in a panel whose content is w wide. */
static bool pupil_meters_on_one_line(ui_gfx *g, int w)
{
    int px = ui_body_min(g);
    const char *labels[2] = {_("Welbevinden"), _("Draagkracht")};
    int lw = widest_text(g, labels, 2, px, UI_BOLD);
    return lw + text_w(g, "88", px, UI_BOLD) + 2 * ui_px(g, 12) + px * 2 <= w;
}

/* Whether "niet gehoord" goes below the pupil's name in a panel w wide
 * (it does not fit beside it). */
static bool pupil_status_below(ui_gfx *g, const ui_proj_model *m, int w)
{
    if (!m->pub->pupil_voice)
        return false;
    const char *heard = m->pub->pupil_asked ? _("✓ gehoord") : _("niet gehoord");
    return text_w(g, m->sc->pupil_name, proj_fpx(g, T_LABEL), UI_BOLD) + ui_px(g, 16) +
               text_w(g, heard, ui_body_min(g), UI_BOLD) >
           w - 2 * proj_panel_pad(g);
}

static void draw_pupil(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    char head[256];
    snprintf(head, sizeof head, "%s · %s", sc->pupil_name, sc->pupil_class);
    /* the pupil's name is the panel's heading: one line less; whether the
     * pupil was heard this round beside it (a level that gives a voice) */
    char heard[96] = "";
    if (m->pub->pupil_voice)
        snprintf(heard, sizeof heard, "%s",
                 m->pub->pupil_asked ? _("✓ gehoord") : _("niet gehoord"));
    SDL_Rect c;
    if (heard[0]) {
        /* the heading with the class where both fit beside the status,
         * else the name; a status that fits beside neither takes the
         * panel's first line */
        int px = proj_fpx(g, T_LABEL), pad = proj_panel_pad(g), gap = ui_px(g, 16);
        int hw = text_w(g, heard, ui_body_min(g), UI_BOLD);
        if (text_w(g, head, px, UI_BOLD) + gap + hw > r.w - 2 * pad)
            snprintf(head, sizeof head, "%s", sc->pupil_name);
        c = proj_panel_with_title(g, r, head);
        bool below = pupil_status_below(g, m, r.w);
        int y = below ? c.y : r.y + ui_px(g, 18);
        int x = below ? c.x + hw : r.x + r.w - pad;
        ui_text(g, heard, x, y, ui_body_min(g), ui_body_min(g), UI_BOLD,
                m->pub->pupil_asked ? UI_GOOD : UI_WARN, UI_RIGHT, hw);
        if (below) {
            int line = ui_body_min(g) * 13 / 10;
            c.y += line;
            c.h -= line;
        }
    } else {
        c = proj_panel_with_title(g, r, head);
    }
    int body = ui_body_min(g);
    int wb = m->pub->welbevinden;
    SDL_Color wfill = wb <= 2 ? UI_ALARM : wb <= 4 ? UI_WARN : UI_GOOD;
    int dk = m->pub->draagkracht;
    bool one = pupil_meters_on_one_line(g, c.w);
    int line = body * 13 / 10, step = one ? line : 2 * line;
    void (*meter)(ui_gfx *, SDL_Rect, const char *, int, int, SDL_Color) =
        one ? meter_line : meter_stacked;
    meter(g, (SDL_Rect){c.x, c.y, c.w, step}, _("Welbevinden"), wb, sc->rules.welbevinden_max,
          wfill);
    meter(g, (SDL_Rect){c.x, c.y + step, c.w, step}, _("Draagkracht"), dk,
          sc->rules.draagkracht_max, dk == 0 ? UI_ALARM : UI_ACCENT);
}

/* How many lines need i's title takes in a column w pixels wide: one, or
 * two when it is wider (wrapped at a word boundary). */
static int need_title_lines(ui_gfx *g, const ui_proj_model *m, int i, int w)
{
    int body = proj_fpx(g, T_BODY);
    if (text_w(g, m->sc->needs[i].title, body, UI_BOLD) <= w)
        return 1;
    return 2;
}

/* The lines the needs' titles take beyond one each, in a column w wide. */
static int need_extra_lines(ui_gfx *g, const ui_proj_model *m, int w)
{
    int extra = 0;
    for (int i = 0; i < m->pub->n_needs && i < CORE_MAX_NEEDS; i++)
        extra += need_title_lines(g, m, i, w) - 1;
    return extra;
}

static void draw_needs(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    SDL_Rect c = proj_panel_with_titles(g, r, _("Noden van de leerling"), _("Noden"));
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY);
    int n = m->pub->n_needs;
    if (n <= 0)
        return;
    int row = c.h / n;
    if (row > body * 27 / 10)
        row = body * 27 / 10;
    bool compact = row < body * 25 / 10; /* no room for two lines a need */
    /* a long title takes a second line where the panel has room for it */
    int line = body * 12 / 10, extra = need_extra_lines(g, m, c.w);
    bool wrap = false;
    if (!compact && extra > 0) {
        /* the rows close up a little for the titles' second lines */
        int r2 = (c.h - extra * line) / n;
        if (r2 > body * 27 / 10)
            r2 = body * 27 / 10;
        wrap = r2 >= body * 23 / 10;
        if (wrap)
            row = r2;
    }
    int y = c.y;
    for (int i = 0; i < n && i < CORE_MAX_NEEDS; i++, y += row) {
        const core_need_def *d = &sc->needs[i];
        bool met = m->pub->need_met[i];
        bool lit = m->pub->need_lit[i];
        int lead = m->pub->need_lead[i];
        char st[160];
        if (met)
            snprintf(st, sizeof st, "%s", _("✓ bereikt"));
        else if (!lit && lead >= 0 && lead < m->pub->n_seats)
            snprintf(st, sizeof st, _("in het duister · %s"), proj_seat_name(m, lead));
        else if (!lit)
            snprintf(st, sizeof st, "%s", _("in het duister"));
        else if (lead >= 0 && lead < m->pub->n_seats)
            snprintf(st, sizeof st, _("trekker %s"), proj_seat_name(m, lead));
        else
            st[0] = 0;
        if (compact) {
            /* many needs: one line each, title and count, a thin bar under
             * it; the count turns green with a check when the need is met */
            int sp = met && m->pub->need_progress[i] > d->target ? d->target
                                                                 : m->pub->need_progress[i];
            char pr[48];
            snprintf(pr, sizeof pr, met ? "✓ %d / %d" : "%d / %d", sp, d->target);
            int cw = 0, chh = 0;
            ui_text_size(g, pr, body, UI_BOLD, &cw, &chh);
            ui_text(g, d->title, c.x, y, body, body, UI_BOLD, lit || met ? UI_INK : UI_INK_SOFT,
                    UI_LEFT, c.w - cw - ui_px(g, 16));
            ui_text(g, pr, c.x + c.w, y, body, body, UI_BOLD, met ? UI_GOOD : UI_INK, UI_RIGHT, 0);
            int bh = ui_px(g, 6) > 2 ? ui_px(g, 6) : 2;
            SDL_Rect bar = {c.x, y + body * 12 / 10, c.w, bh};
            ui_fill(g, bar, UI_PANEL_ALT);
            if (d->target > 0 && sp > 0) {
                bar.w = (int)((long)c.w * (sp > d->target ? d->target : sp) / d->target);
                ui_fill(g, bar, met ? UI_GOOD : (lit ? UI_ACCENT : UI_INK_SOFT));
            }
            continue;
        }
        if (wrap && need_title_lines(g, m, i, c.w) > 1) {
            ui_text_box(g, d->title, (SDL_Rect){c.x, y, c.w, 2 * line}, body, body, UI_BOLD,
                        UI_INK, UI_LEFT);
            y += line;
        } else {
            ui_text(g, d->title, c.x, y, body, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT, c.w);
        }
        int by = y + body * 12 / 10;
        int bh = body / 2;
        int shown_progress = met && m->pub->need_progress[i] > d->target ? d->target
                                                                         : m->pub->need_progress[i];
        char prog[48];
        snprintf(prog, sizeof prog, "%d / %d", shown_progress, d->target);
        int pw = 0, ph = 0;
        ui_text_size(g, "00 / 00", body, UI_BOLD, &pw, &ph);
        /* the same for every need, so the numbers line up; in a narrow
         * column it gives way to the trekker's name (down to three digits) */
        int barw = c.w * 28 / 100, names_w = 0;
        for (int s2 = 0; s2 < m->pub->n_seats; s2++) {
            int nw2 = text_w(g, proj_seat_name(m, s2), body, UI_REGULAR);
            names_w = nw2 > names_w ? nw2 : names_w;
        }
        int room_bar = c.w - pw - names_w - ui_px(g, 12) - ui_px(g, 16);
        if (barw > room_bar)
            barw = room_bar > body * 3 / 2 ? room_bar : body * 3 / 2;
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
            /* a narrow column: the trekker's name alone beside the count */
            if (lit && !met && lead >= 0 && lead < m->pub->n_seats &&
                text_w(g, st, body, UI_REGULAR) > c.x + c.w - sx)
                snprintf(st, sizeof st, "%s", proj_seat_name(m, lead));
            ui_text(g, st, c.x + c.w, by, body, body, met ? UI_BOLD : UI_REGULAR,
                    met ? UI_GOOD : UI_INK_SOFT, UI_RIGHT, c.x + c.w - sx);
        }
    }
}

static void draw_goals(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    const char *title = proj_panel_title(g, r, _("Gedeelde doelen"), _("Doelen"));
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY);
    int y = 0;
    int ng = 0;
    /* the adopted goals, the level's and then the team's own words */
    const char *titles[CORE_MAX_GOAL_SLOTS];
    int n_titles = 0;
    for (int i = 0; i < sc->n_goals && i < CORE_MAX_GOALS; i++)
        if (m->pub->goal_adopted[i])
            titles[n_titles++] = sc->goals[i].title;
    for (int i = 0; i < m->pub->n_team_goals && i < CORE_MAX_TEAM_GOALS; i++) {
        int slot = sc->n_goals + i;
        if (slot < CORE_MAX_GOAL_SLOTS && m->pub->goal_adopted[slot] &&
            n_titles < CORE_MAX_GOAL_SLOTS)
            titles[n_titles++] = m->pub->team_goal_text[i];
    }
    int line = body * 13 / 10;
    /* as many as the panel holds (a table whose needs took the room may
     * leave it only its heading), the others as "+N" beside the heading,
     * which is "Doelen" where the whole one leaves no room for it */
    SDL_Rect c = proj_panel_content(g, r);
    int fit = (c.h + ui_px(g, 12)) / line;
    /* the team's overlegmoment keeps its line: it is an agreement too */
    if (m->pub->meeting_round > 0 && fit > 0 && fit <= n_titles)
        fit--;
    if (fit < n_titles) {
        char plus[16];
        snprintf(plus, sizeof plus, "+%d", n_titles - fit);
        if (!proj_more_beside_heading(g, r, title, plus, plus, false))
            title = _("Doelen");
    }
    c = proj_panel_with_title(g, r, title);
    y = c.y;
    for (int i = 0; i < n_titles; i++) {
        if (i >= fit && n_titles > fit) {
            char more[64], plus[16];
            snprintf(more, sizeof more, _("+ %d meer"), n_titles - i);
            snprintf(plus, sizeof plus, "+%d", n_titles - i);
            proj_more_beside_heading(g, r, title, more, plus, true);
            break;
        }
        char s[CORE_ANSWER_LEN + 8];
        snprintf(s, sizeof s, "◆ %s", titles[i]);
        ui_text(g, s, c.x, y, body, ui_body_min(g), UI_BOLD, UI_GOOD, UI_LEFT, c.w);
        y += line;
        ng++;
    }
    bool room = y + line <= c.y + c.h + ui_px(g, 12);
    if (room && m->pub->goal_proposal >= 0 && m->pub->goal_proposal < sc->n_goals) {
        char s[256];
        int yes = proj_popcount32(m->pub->goal_votes_yes);
        int no = proj_popcount32(m->pub->goal_votes_no);
        snprintf(s, sizeof s,
                 m->pub->goal_proposal_drop ? _("Stemming: ‘%s’ loslaten? %d ja, %d nee")
                                            : _("Stemming: ‘%s’? %d ja, %d nee"),
                 sc->goals[m->pub->goal_proposal].title, yes, no);
        int vh = c.y + c.h - y; /* the vote's two lines, or what the panel has left */
        if (vh > body * 27 / 10)
            vh = body * 27 / 10;
        if (vh < body * 13 / 10)
            vh = body * 13 / 10;
        y += ui_text_box(g, s, (SDL_Rect){c.x, y, c.w, vh}, body, ui_body_min(g), UI_BOLD,
                         UI_WARN, UI_LEFT);
        y += ui_px(g, 4);
        ng++;
    }
    /* the structural overlegmoment, the team's agreement about time:
     * below the goals and the vote, when a line is left */
    if (m->pub->meeting_round > 0 && y + body * 11 / 10 <= c.y + c.h + ui_px(g, 12)) {
        char s[160];
        snprintf(s, sizeof s, _("◷ Vast overlegmoment sinds ronde %d"), m->pub->meeting_round);
        ui_text(g, s, c.x, y, body, ui_body_min(g), UI_BOLD, UI_ACCENT, UI_LEFT, c.w);
        ng++;
    }
    if (ng == 0 && n_titles == 0 && room) {
        ui_text(g, _("Nog geen gedeeld doel."), c.x, y, body, ui_body_min(g), UI_REGULAR,
                UI_INK_SOFT, UI_LEFT, c.w);
    }
}

/* The shared dossier facts into order, the newest first: by the round
 * they were shared in, then the later fact. Returns how many. */
static int shared_facts_newest_first(const ui_proj_model *m, int *order)
{
    int no = 0;
    for (int i = 0; i < m->sc->n_facts && i < CORE_MAX_FACTS; i++)
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
    return no;
}

static void draw_dossier(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    int order[CORE_MAX_FACTS];
    int no = shared_facts_newest_first(m, order), nf = no;
    const char *title = proj_panel_title(g, r, _("Gedeeld dossier"), _("Dossier"));
    int body = proj_fpx(g, T_BODY), y = 0;
    const core_scenario *sc = m->sc;
    if (proj_panel_content(g, r).h < body * 12 / 10) {
        /* a busy table leaves the dossier its heading: how many facts the
         * team shared stands beside it ("Dossier" where it needs the room) */
        char more[64], plus[16];
        snprintf(more, sizeof more, _("%d gedeeld"), nf);
        snprintf(plus, sizeof plus, "%d", nf);
        if (!proj_more_beside_heading(g, r, title, more, plus, false))
            title = _("Dossier");
        proj_panel_with_title(g, r, title);
        proj_more_beside_heading(g, r, title, more, plus, true);
        return;
    }
    SDL_Rect c = proj_panel_with_title(g, r, title);
    y = c.y;
    if (nf == 0) {
        ui_text(g, _("Nog geen dossierfeiten gedeeld."), c.x, y, body, ui_body_min(g),
                UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
        return;
    }
    /* as many as fit */
    int more_h = body * 13 / 10; /* room kept for the "+N" line */
    int shown = 0;
    bool beside = false, plus_said = false;
    for (int k = 0; k < no; k++) {
        int i = order[k];
        const core_fact_def *f = &sc->facts[i];
        int chip = ui_role_chip_width(g, sc, f->role, body);
        int th = ui_text_box_height(g, f->text, c.w - chip - ui_px(g, 12), body, UI_REGULAR);
        int reserve = k + 1 < no && !beside ? more_h : 0;
        int avail = c.y + c.h - y - reserve;
        if (shown == 0 && reserve > 0 && avail < body * 12 / 10) {
            /* one line left: it goes to the newest fact, the "+N" beside the heading */
            beside = true;
            avail += reserve;
        }
        if (th > avail) {
            /* the newest fact is shown even in a small panel, ending in "…" */
            if (shown > 0 || avail < body * 12 / 10)
                break;
            th = avail;
        }
        ui_role_chip(g, sc, f->role, c.x, y + ui_px(g, 2), body);
        SDL_Rect tb = {c.x + chip + ui_px(g, 12), y, c.w - chip - ui_px(g, 12), th};
        if (beside && shown == 0) {
            /* no room beside the heading (16:10): the "+N" ends the fact's line */
            char more[64], plus[16];
            snprintf(more, sizeof more, _("+ %d eerder gedeeld"), nf - 1);
            snprintf(plus, sizeof plus, "+%d", nf - 1);
            int pw = 0, ph = 0;
            ui_text_size(g, plus, body, UI_REGULAR, &pw, &ph);
            /* only where the fact keeps a few words' room */
            if (!proj_more_beside_heading(g, r, title, more, plus, false) &&
                tb.w - pw - ui_px(g, 12) >= body * 6) {
                ui_text(g, plus, c.x + c.w, y, body, body, UI_REGULAR, UI_INK_SOFT, UI_RIGHT, pw);
                tb.w -= pw + ui_px(g, 12);
                beside = false;
                plus_said = true;
            }
        }
        ui_text_box(g, f->text, tb, body, body, UI_REGULAR, UI_INK, UI_LEFT);
        y += th + ui_px(g, 8);
        shown++;
    }
    if (shown < nf && !plus_said) {
        char more[64], plus[16];
        snprintf(more, sizeof more, _("+ %d eerder gedeeld"), nf - shown);
        snprintf(plus, sizeof plus, "+%d", nf - shown);
        if (beside) {
            proj_more_beside_heading(g, r, title, more, plus, true);
            return;
        }
        ui_text(g, more, c.x, y, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
    }
}

/* The widest of n texts at px. */
static int widest_text(ui_gfx *g, const char *const *texts, int n, int px, ui_style st)
{
    int w = 0;
    for (int i = 0; i < n; i++) {
        int tw = 0, th = 0;
        ui_text_size(g, texts[i], px, st, &tw, &th);
        if (tw > w)
            w = tw;
    }
    return w;
}

/* The measures' names, for the network panel and the column it sits in. */
static void measure_names(const char *names[4])
{
    names[0] = _("Densiteit");
    names[1] = _("Centraliteit");
    names[2] = _("Diversiteit");
    names[3] = _("Doelgerichtheid");
}

/* Whether the level's name goes beside a small meter in a column w wide:
 * when wanted and four of the meter's steps keep a body width. */
static bool level_meter_beside(ui_gfx *g, int w, bool wanted, core_collab_level level)
{
    int body = proj_fpx(g, T_BODY);
    return wanted && w - text_w(g, ui_level_name(level), body, UI_BOLD) - ui_px(g, 12) >= 4 * body;
}

/* The network panel; hide_level (the trainer's Ctrl+M during play) keeps
 * the graph and leaves out the measures, the alarm and the level, so that
 * a team plays for the pupil and not for the score. */
static void network_panel(ui_gfx *g, const ui_proj_model *m, SDL_Rect r, bool hide_level)
{
    /* on a narrow screen, or a column too narrow for the banner's words,
     * the centrality alarm is the heading's "⚠" (with the hub's red ring
     * and the red centrality bar), not a banner line that the nodes need */
    int body_px = proj_fpx(g, T_BODY);
    bool banner_fits = text_w(g, _("⚠ Eén persoon trekt alles"), body_px, UI_BOLD) + ui_px(g, 16) <=
                       proj_panel_content(g, r).w;
    bool alarm_head = !hide_level && proj_centrality_alarm(m) && (g->canvas_w < 1900.0f || !banner_fits);
    SDL_Rect c = proj_panel_with_title(g, r, alarm_head ? _("⚠ Netwerk") : _("Netwerk"));
    if (hide_level) {
        int body = proj_fpx(g, T_BODY);
        int note_h = body * 27 / 10;
        SDL_Rect gr = {c.x, c.y, c.w, c.h - note_h};
        ui_draw_network(g, gr, m->sc, m->pub->n_seats, m->pub->edges, false);
        ui_text_box(g, _("Niveau en maten verborgen tot de nabespreking."),
                    (SDL_Rect){c.x, c.y + c.h - note_h, c.w, note_h}, body, ui_body_min(g),
                    UI_REGULAR, UI_INK_SOFT, UI_LEFT);
        return;
    }
    bool alarm = proj_centrality_alarm(m);
    int body = proj_fpx(g, T_BODY);
    int rowh = body * 13 / 10;
    bool banner = alarm && !alarm_head;
    int level_h = rowh + ui_px(g, 44);
    const char *names[4];
    measure_names(names);
    int vw = text_w(g, "0,00", body, UI_BOLD);
    /* a name too wide to share its line with the value (4:3) puts the
     * value on the line below it */
    bool own_line[4];
    int rows = 0;
    for (int i = 0; i < 4; i++) {
        own_line[i] = text_w(g, names[i], body, UI_REGULAR) + ui_px(g, 12) + vw > c.w;
        rows += own_line[i] ? 2 : 1;
    }
    char lv[128];
    snprintf(lv, sizeof lv, _("Niveau: %s"), ui_level_name(m->pub->live.level));
    bool level_beside = false;
    /* a narrow screen, or a name too wide for "Niveau: …": the level's
     * name beside a small meter (which says it is the level) where four of
     * its steps keep a body width, so the network keeps a line more */
    if (level_meter_beside(g, c.w, g->canvas_w < 1900.0f || text_w(g, lv, body, UI_BOLD) > c.w,
                           m->pub->live.level)) {
        snprintf(lv, sizeof lv, "%s", ui_level_name(m->pub->live.level));
        level_beside = true;
        level_h = rowh;
    } else if (text_w(g, lv, body, UI_BOLD) > c.w) {
        snprintf(lv, sizeof lv, "%s", ui_level_name(m->pub->live.level));
    }
    int graph_h = c.h - rowh * rows - ui_px(g, 16) - level_h;
    if (banner)
        graph_h -= body * 14 / 10;
    SDL_Rect gr = {c.x, c.y, c.w, graph_h};
    ui_draw_network(g, gr, m->sc, m->pub->n_seats, m->pub->edges, alarm);
    int y = c.y + graph_h;
    if (banner) {
        SDL_Rect ab = {c.x, y, c.w, body * 13 / 10};
        ui_round(g, ab, ui_px(g, 8), UI_ALARM);
        ui_text(g, _("⚠ Eén persoon trekt alles"), ab.x + ab.w / 2,
                ab.y + ui_px(g, 3), body, ui_body_min(g), UI_BOLD, UI_WHITE, UI_CENTER,
                ab.w - ui_px(g, 16));
        y += body * 14 / 10;
    }
    const core_measures *mm = &m->pub->live;
    double vals[4] = {mm->density, mm->centrality, mm->diversity, mm->goal_directedness};
    /* the labels take what they need; a bar between label and value only
     * when there is room for one worth reading */
    int label_w = widest_text(g, names, 4, body, UI_REGULAR);
    if (label_w > c.w - vw - ui_px(g, 12))
        label_w = c.w - vw - ui_px(g, 12);
    int bx = c.x + label_w + ui_px(g, 12);
    int bw = c.w - label_w - vw - ui_px(g, 28);
    for (int i = 0; i < 4; i++) {
        int yy = y;
        ui_text(g, names[i], c.x, yy, body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT,
                own_line[i] ? c.w : label_w);
        if (own_line[i]) {
            yy += rowh;
            y += rowh;
        }
        y += rowh;
        char v[32];
        ui_fmt_decimal(v, sizeof v, vals[i]);
        ui_text(g, v, c.x + c.w, yy, body, body, UI_BOLD, UI_INK, UI_RIGHT, 0);
        if (bw < ui_px(g, 60))
            continue;
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
    y += ui_px(g, 16);
    if (level_beside) {
        /* narrow (4:3): a small meter with the level's name beside it */
        int nw = text_w(g, lv, body, UI_BOLD);
        SDL_Rect lm = {c.x, y + ui_px(g, 2), c.w - nw - ui_px(g, 12), rowh - ui_px(g, 4)};
        ui_draw_level_meter(g, lm, mm->level, body);
        ui_text(g, lv, c.x + c.w, y, body, body, UI_BOLD, UI_INK, UI_RIGHT, nw);
        return;
    }
    ui_text(g, lv, c.x, y, body, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT, c.w);
    y += rowh;
    SDL_Rect lm = {c.x, y, c.w, c.y + c.h - y};
    if (lm.h > ui_px(g, 44))
        lm.h = ui_px(g, 44);
    ui_draw_level_meter(g, lm, mm->level, body);
}

static int seat_rows(const ui_proj_model *m) { return m->pub->n_seats > 4 ? 2 : 1; }

/* The seats along the bottom: up to four in one row, each with its role
 * and its person on two lines; more seats in two rows of one line (the
 * role chip names the role). */
static void draw_seat_strip(ui_gfx *g, const ui_proj_model *m, SDL_Rect strip)
{
    int n = m->pub->n_seats;
    if (n <= 0)
        return;
    int rows = seat_rows(m);
    int per_row = (n + rows - 1) / rows;
    /* a narrow screen closes up the cells, so that a name keeps its room */
    bool narrow = g->canvas_w < 1900.0f;
    int gap = ui_px(g, narrow ? 6 : 10), inset = ui_px(g, narrow ? 3 : 8);
    int team_pad = ui_px(g, narrow ? 12 : 20);
    int px = ui_body_min(g);
    /* the team's cell at the right end: this round's overleg time and the
     * team's trust, two lines at the back row's size (rules v2) */
    char tl[2][96];
    const core_rules *ru = &m->sc->rules;
    if (m->pub->overleg_budget > 0)
        snprintf(tl[0], sizeof tl[0], _("Overlegtijd %d / %d"), m->pub->overleg_left,
                 m->pub->overleg_budget);
    else
        snprintf(tl[0], sizeof tl[0], "%s", _("Overlegtijd vrij"));
    snprintf(tl[1], sizeof tl[1], _("Vertrouwen %d / %d"), m->pub->trust, ru->trust_max);
    int team_w = widest_text(g, (const char *[]){tl[0], tl[1]}, 2, px, UI_BOLD) + 2 * team_pad;
    if (team_w > strip.w / 4) {
        /* a narrow screen: short labels, so that the numbers stay */
        if (m->pub->overleg_budget > 0)
            snprintf(tl[0], sizeof tl[0], _("Tijd %d/%d"), m->pub->overleg_left,
                     m->pub->overleg_budget);
        snprintf(tl[1], sizeof tl[1], _("Vertr. %d/%d"), m->pub->trust, ru->trust_max);
        team_w = widest_text(g, (const char *[]){tl[0], tl[1]}, 2, px, UI_BOLD) + 2 * team_pad;
    }
    SDL_Rect team = {strip.x + strip.w - team_w, strip.y, team_w, strip.h};
    ui_round(g, team, ui_px(g, 12), UI_PANEL);
    int ty = team.y + (team.h - px * 24 / 10) / 2;
    bool no_time = m->pub->overleg_budget > 0 && m->pub->overleg_left <= 0;
    bool low_trust = m->pub->trust <= ru->trust_low;
    ui_text(g, tl[0], team.x + team_pad, ty, px, px, UI_BOLD, no_time ? UI_ALARM : UI_ACCENT,
            UI_LEFT, team.w - 2 * team_pad);
    ui_text(g, tl[1], team.x + team_pad, ty + px * 12 / 10, px, px, UI_BOLD,
            low_trust ? UI_ALARM : UI_INK, UI_LEFT, team.w - 2 * team_pad);
    strip.w -= team_w + gap;
    int w = (strip.w - gap * (per_row - 1)) / per_row;
    int rh = (strip.h - gap * (rows - 1)) / rows;
    for (int s = 0; s < n; s++) {
        int rr = s / per_row, cc = s % per_row;
        SDL_Rect cell = {strip.x + cc * (w + gap), strip.y + rr * (rh + gap), w, rh};
        ui_round(g, cell, ui_px(g, 12), UI_PANEL);
        int chip = rows > 1 ? cell.h - ui_px(g, 12) : px * 6 / 5;
        int role = m->sc->seat_roles[s];
        int chip_w =
            ui_role_chip(g, m->sc, role, cell.x + inset, cell.y + (cell.h - chip) / 2, chip);
        int x = cell.x + inset + chip_w + ui_px(g, narrow ? 6 : 14);
        int tw = cell.x + cell.w - x - inset;
        bool ready = m->pub->seat_ready[s];
        bool reflected = m->pub->phase == CORE_PHASE_REFLECTIE && m->pub->seat_reflected[s];
        char line[128];
        const char *who = m->seats[s].conn == UI_SEAT_EMPTY ? _("vrij") : proj_seat_name(m, s);
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
        int line_y = cell.y + (cell.h - px * 12 / 10) / 2;
        /* the role's name above the person where it fits; else the chip
         * alone names the role, as in the rows of five or more seats */
        if (rows == 1 && text_w(g, proj_role_name(m->sc, role), px, UI_BOLD) <= tw) {
            int y0 = cell.y + (cell.h - px * 24 / 10) / 2;
            ui_text(g, proj_role_name(m->sc, role), x, y0, px, px, UI_BOLD, UI_INK, UI_LEFT, tw);
            line_y = y0 + px * 12 / 10;
        }
        ui_text(g, line, x, line_y, px, px,
                (ready || reflected || newcomer || rows > 1) ? UI_BOLD : UI_REGULAR,
                rows > 1 && ink.r == UI_INK_SOFT.r && ink.g == UI_INK_SOFT.g ? UI_INK : ink,
                UI_LEFT, tw);
        if (!m->observer)
            ui_hit_add(g, cell, UI_ID_SEAT, s);
    }
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
static void rg_frictions(ui_gfx *g, const void *m, SDL_Rect a) { proj_draw_frictions(g, m, a); }
static void rg_needs(ui_gfx *g, const void *m, SDL_Rect a) { draw_needs(g, m, a); }
static void rg_goals(ui_gfx *g, const void *m, SDL_Rect a) { draw_goals(g, m, a); }
static void rg_dossier(ui_gfx *g, const void *m, SDL_Rect a) { draw_dossier(g, m, a); }
static void rg_signal(ui_gfx *g, const void *m, SDL_Rect a) { proj_draw_signal(g, m, a); }
static void rg_reflection(ui_gfx *g, const void *m, SDL_Rect a)
{
    proj_draw_reflection(g, m, a);
}
static void rg_network(ui_gfx *g, const void *mv, SDL_Rect a)
{
    const ui_proj_model *m = mv;
    network_panel(g, m, a, m->hide_level);
}

void proj_draw_network_panel(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    network_panel(g, m, r, false); /* the debrief shows them regardless */
}

static void rg_seats(ui_gfx *g, const void *m, SDL_Rect a) { draw_seat_strip(g, m, a); }

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

/* Where the table's panels stand. Heights follow the text size (3% of the
 * window height), not fixed design units, so the seat strip and the pupil
 * panel take what their lines need and the rest goes to the panels that
 * list things; columns take the canvas width proportionally. */
typedef struct {
    SDL_Rect pupil, frictions, dossier, mid, needs, goals, network, strip;
} table_geom;

/* The width a measure row needs for the k-th widest of the names (0: the
 * widest), its value and the gap between, in pixels. */
static int measure_row_w(ui_gfx *g, int k)
{
    const char *names[4];
    measure_names(names);
    int body = proj_fpx(g, T_BODY), w[4];
    for (int i = 0; i < 4; i++)
        w[i] = text_w(g, names[i], body, UI_REGULAR);
    for (int a = 0; a < 4; a++) /* widest first */
        for (int b = a + 1; b < 4; b++)
            if (w[b] > w[a]) {
                int t = w[a];
                w[a] = w[b];
                w[b] = t;
            }
    return w[k] + ui_px(g, 12) + text_w(g, "0,00", body, UI_BOLD);
}

/* The three columns' widths in 1920-wide design units. On 16:9 the design's;
 * a narrower screen (16:10, 4:3) sizes the outer columns to what their
 * lines need (the pupil's meter labels; the measures with their values and
 * a network whose nodes hold their initials apart) and gives the needs
 * the rest. */
static void table_columns(ui_gfx *g, const ui_proj_model *m, float *lw, float *mw, float *rw)
{
    bool narrow = g->canvas_w < 1900.0f;
    float sx = g->u * g->canvas_w / 1920.0f; /* pixels per design unit across */
    int pad2 = 2 * proj_panel_pad(g), body = ui_body_min(g), lh = body * 13 / 10;
    if (narrow) {
        const char *labels[2] = {_("Welbevinden"), _("Draagkracht")};
        *lw = (float)(widest_text(g, labels, 2, body, UI_BOLD) + pad2 + 2) / sx;
        if (*lw < 500.0f) /* a spanning's three role chips keep their card */
            *lw = 500.0f;
    }
    /* the network's height: the column less its heading, the measures
     * (four rows, or five when the widest name's value goes below it) and
     * the level; the ring then needs a width to keep its nodes apart */
    int col_h = g->h - ui_px(g, 112 + 16 + 12 + 18) - 2 * lh;
    if (proj_centrality_alarm(m) && !narrow) /* its banner takes a line from the network */
        col_h -= body * 14 / 10;
    /* the level takes a line and its meter, or one line (level_meter_beside
     * on a narrow screen) where the column holds the meter and its name */
    int best = 0;
    for (int k = 0; k < 4; k++) {
        bool own_line = k & 1, beside = narrow && (k & 2);
        int level_h = beside ? 0 : ui_px(g, 44);
        int graph_h = col_h - ui_px(g, 18 + 8 + 12 + 16) - lh - (5 + own_line) * lh - level_h;
        int need = ui_network_min_width(g, m->sc, m->pub->n_seats, graph_h);
        int row = measure_row_w(g, own_line);
        int w = need > row ? need : row;
        /* the meter and the level's name beside it */
        int lv = text_w(g, ui_level_name(m->pub->live.level), proj_fpx(g, T_BODY), UI_BOLD) +
                 ui_px(g, 12) + 4 * proj_fpx(g, T_BODY);
        if (beside && w < lv)
            w = lv;
        if (k == 0 || w < best)
            best = w;
    }
    float want = (float)(best + pad2 + 2) / sx;
    float both = (narrow ? 1888.0f : 1856.0f) - 32.0f - *lw; /* the needs' and the network's */
    if (want > both * 0.55f) /* the needs keep nearly half (eight seats at 1280x720) */
        want = both * 0.55f;
    if (want > *rw)
        *rw = want;
    *mw = both - *rw;
}

static table_geom table_layout(ui_gfx *g, const ui_proj_model *m)
{
    table_geom t;
    float u = g->u > 0 ? g->u : 1.0f;
    float lh = (float)ui_body_min(g) * 1.25f / u; /* one line, in design units */
    float head = 24.0f + lh + 8.0f;                /* a panel's heading */
    /* the strip: two lines (role, person) for up to four seats, two rows of
     * one line each for more */
    float strip_h = 2.0f * lh + 18.0f;
    float strip_y = 1080.0f - 12.0f - strip_h;
    float top = 112.0f, bottom = strip_y - 16.0f, col_h = bottom - top;
    /* left: the pupil (its name as the heading, two meters of a line and a
     * bar), the open spanningen as high as they need (at most half of what
     * is left), the shared dossier below */
    /* a narrow screen keeps half the margin at the window's sides */
    const float lx = g->canvas_w < 1900.0f ? 16.0f : 32.0f;
    float lw = 560, mw = 780, rw = 484;
    table_columns(g, m, &lw, &mw, &rw);
    const float mx = lx + lw + 16.0f, rx = mx + mw + 16.0f;
    int pupil_cw = ui_r(g, lx, 0, lw, 0).w - 2 * proj_panel_pad(g);
    /* the meters on a line each, or on two (label; bar and value) */
    float pupil_h = head + (pupil_meters_on_one_line(g, pupil_cw) ? 2.0f : 4.0f) * lh * 1.04f + 12.0f;
    if (pupil_status_below(g, m, ui_r(g, lx, 0, lw, 0).w))
        pupil_h += lh;
    t.pupil = ui_r(g, lx, top, lw, pupil_h);
    float rest = col_h - pupil_h - 16.0f;
    float fr_h = head + proj_frictions_height(g, m, lw * g->canvas_w / 1920.0f) + 8.0f;
    /* the dossier keeps a heading and a line, the spanningen their first
       card (a title, its roles and state, an afspraak's words and the line
       below) */
    if (fr_h < head + 5.0f * lh + 30.0f)
        fr_h = head + 5.0f * lh + 30.0f;
    /* a narrow screen lets the spanningen take the dossier's line: it
     * keeps its heading and the count of shared facts */
    float dossier_min = head + (g->canvas_w < 1900.0f ? 12.0f : lh + 8.0f);
    if (fr_h > rest - 16.0f - dossier_min)
        fr_h = rest - 16.0f - dossier_min;
    t.frictions = ui_r(g, lx, top + pupil_h + 16.0f, lw, fr_h);
    t.dossier = ui_r(g, lx, top + pupil_h + 32.0f + fr_h, lw, rest - fr_h - 16.0f);
    /* middle: the needs, two lines each; the shared goals below */
    t.mid = ui_r(g, mx, top, mw, col_h);
    int nn = m->pub->n_needs > 0 ? m->pub->n_needs : 1;
    int needs_cw = ui_r(g, mx, 0, mw, 0).w - 2 * proj_panel_pad(g);
    float needs_h = head + (float)nn * (2.0f * lh + 8.0f) + 8.0f +
                    (float)need_extra_lines(g, m, needs_cw) * lh;
    /* the goals keep their heading (and the overlegmoment's line); what
     * does not fit says "+N" there */
    float goals_min = head + 12.0f + (m->pub->meeting_round > 0 ? lh : 0.0f);
    if (needs_h > col_h - 16.0f - goals_min)
        needs_h = col_h - 16.0f - goals_min;
    t.needs = ui_r(g, mx, top, mw, needs_h);
    t.goals = ui_r(g, mx, top + needs_h + 16.0f, mw, col_h - needs_h - 16.0f);
    t.network = ui_r(g, rx, top, rw, col_h);
    t.strip = ui_r(g, lx, strip_y, 1920.0f - 2.0f * lx, strip_h);
    return t;
}

void proj_draw_table(ui_gfx *g, const ui_proj_model *m)
{
    if (m->pub->phase == CORE_PHASE_END) {
        ui_draw_background(g);
        proj_draw_end(g, m);
        return;
    }
    ui_region rg[12];
    int n = 0;
    SDL_Rect none = {0, 0, 0, 0};
    /* each piece of the bar starts with an opaque fill of itself */
    topbar_plan plan = plan_topbar(g, m);
    for (int i = 0; i < 3; i++) {
        static const ui_region_fn fns[3] = {rg_topbar_main, rg_topbar_round, rg_topbar_menu};
        SDL_Rect piece = topbar_piece(g, &plan, i);
        rg[n++] = (ui_region){piece, fns[i], m, none, piece};
    }
    table_geom t = table_layout(g, m);
    rg[n++] = panel_region(g, m, t.pupil, rg_pupil);
    rg[n++] = panel_region(g, m, t.frictions, rg_frictions);
    if (m->pub->phase == CORE_PHASE_SIGNAAL) {
        rg[n++] = panel_region(g, m, t.mid, rg_signal);
    } else if (m->pub->phase == CORE_PHASE_REFLECTIE) {
        rg[n++] = panel_region(g, m, t.mid, rg_reflection);
    } else {
        rg[n++] = panel_region(g, m, t.needs, rg_needs);
        rg[n++] = panel_region(g, m, t.goals, rg_goals);
    }
    rg[n++] = panel_region(g, m, t.dossier, rg_dossier);
    rg[n++] = panel_region(g, m, t.network, rg_network);
    rg[n++] = panel_region(g, m, t.strip, rg_seats);
    rg[n - 1].opaque = none; /* seat cells, not a panel */
    ui_draw_regions(g, rg, n, UI_BG);
    /* the reveal stays up, fully shown at 1, until the trainer moves on */
    if (m->pub->phase == CORE_PHASE_UITVOERING && m->pub->revealed && m->reveal_t >= 0 &&
        m->reveal_t <= 1.0f)
        proj_draw_reveal(g, m);
}
