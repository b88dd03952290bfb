/* ui/proj_debrief: the projector's end screen and the debrief after the
 * game: reactions, timeline, analysis, how to read the levels and
 * measures, and what to try next (with the step back to the students' own
 * internship school). */
#include "ui/proj_int.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- debrief */

static void debrief_header(ui_gfx *g, const ui_proj_model *m)
{
    proj_topbar(g, m, _("Nabespreking"));
    static const char *const steps[UI_DEBRIEF_STEPS] = {
        N_("1 Reacties"), N_("2 Wat gebeurde er"), N_("3 Analyse"), N_("4 Zo lees je het"),
        N_("5 Afspraken"), N_("6 Wat nu")};
    SDL_Rect area = ui_r(g, 32, 116, 1856, 70);
    int gap = ui_px(g, 10);
    int w = (area.w - gap * (UI_DEBRIEF_STEPS - 1)) / UI_DEBRIEF_STEPS;
    int body = proj_fpx(g, T_BODY);
    /* a narrow screen: the current step takes the room its name needs,
     * the others (shown by their number) share the rest */
    int cur_w = w, cw = 0, ch = 0;
    if (m->debrief_step >= 0 && m->debrief_step < UI_DEBRIEF_STEPS)
        ui_text_size(g, _(steps[m->debrief_step]), body, UI_BOLD, &cw, &ch);
    if (cw + ui_px(g, 32) > w) {
        cur_w = cw + ui_px(g, 32);
        if (cur_w > area.w / 2)
            cur_w = area.w / 2;
        w = (area.w - gap * (UI_DEBRIEF_STEPS - 1) - cur_w) / (UI_DEBRIEF_STEPS - 1);
    }
    for (int i = 0, x = area.x; i < UI_DEBRIEF_STEPS; i++) {
        SDL_Rect s = {x, area.y, m->debrief_step == i ? cur_w : w, area.h};
        x += s.w + gap;
        bool cur = m->debrief_step == i;
        ui_round(g, s, ui_px(g, 12), cur ? UI_ACCENT : UI_PANEL);
        int tw = 0, th = 0;
        const char *label = _(steps[i]);
        ui_text_size(g, label, body, UI_BOLD, &tw, &th);
        /* six steps on a narrow screen: the other steps by their number,
         * the current one by name */
        char num[8];
        if (tw > s.w - ui_px(g, 16) && !cur) {
            snprintf(num, sizeof num, "%d", i + 1);
            label = num;
        }
        ui_text(g, label, s.x + s.w / 2, s.y + (s.h - th) / 2, body, ui_body_min(g), UI_BOLD,
                cur ? UI_WHITE : UI_ACCENT, UI_CENTER, s.w - ui_px(g, 16));
    }
    /* the trainer's own controls: the trainer's text size (SCREENS.md) */
    ui_text_role old_role = ui_set_text_role(g, UI_TR_TRAINER);
    int bpx = proj_fpx(g, T_LABEL);
    /* at least as wide as their labels (4:3) */
    SDL_Rect prev = ui_r(g, 32, 990, 260, 76), next = ui_r(g, 1628, 990, 260, 76);
    int pw = 0, nw = 0, lh = 0;
    ui_text_size(g, _("← Vorige"), bpx, UI_BOLD, &pw, &lh);
    ui_text_size(g, _("Volgende →"), bpx, UI_BOLD, &nw, &lh);
    if (prev.w < pw + prev.h / 3 + ui_px(g, 16))
        prev.w = pw + prev.h / 3 + ui_px(g, 16);
    if (next.w < nw + next.h / 3 + ui_px(g, 16)) {
        int right = next.x + next.w;
        next.w = nw + next.h / 3 + ui_px(g, 16);
        next.x = right - next.w;
    }
    ui_button(g, prev, _("← Vorige"), bpx, false, m->debrief_step > 0, UI_ID_DEBRIEF_PREV, 0);
    ui_button(g, next, _("Volgende →"), bpx, true, m->debrief_step < UI_DEBRIEF_STEPS - 1,
              UI_ID_DEBRIEF_NEXT, 0);
    if (m->can_export) {
        /* the two export buttons side by side, centred between the step
         * buttons, each as wide as its label where there is room */
        const char *lbl[2] = {_("Verslag exporteren"), _("Anoniem (rollen)")};
        int room = next.x - (prev.x + prev.w) - 4 * gap, ew[2], sum = gap;
        for (int i = 0; i < 2; i++) {
            ui_text_size(g, lbl[i], bpx, UI_BOLD, &ew[i], &lh);
            ew[i] += prev.h / 3 + ui_px(g, 16);
            sum += ew[i];
        }
        for (int i = 0; i < 2 && sum > room; i++)
            ew[i] = (room - gap) / 2;
        int ex = prev.x + prev.w + (next.x - prev.x - prev.w - (ew[0] + gap + ew[1])) / 2;
        for (int i = 0; i < 2; i++) {
            ui_button(g, (SDL_Rect){ex, prev.y, ew[i], prev.h}, lbl[i], bpx, false, true,
                      UI_ID_EXPORT, i);
            ex += ew[i] + gap;
        }
    }
    ui_set_text_role(g, old_role);
}

static void debrief_reactions(ui_gfx *g, const ui_proj_model *m)
{
    SDL_Rect r = ui_r(g, 32, 206, 1856, 764);
    SDL_Rect c = proj_panel_with_title(g, r, _("Reacties: hoe was het?"));
    int h1 = proj_fpx(g, T_H1), body = proj_fpx(g, T_BODY);
    const char *qs[3] = {_("Hoe voelde het om samen rond deze leerling te werken?"),
                         _("Wat verraste je aan de andere rollen?"),
                         _("Op welk moment werkte het team echt samen, en wanneer naast elkaar?")};
    int y = c.y + ui_px(g, 20);
    for (int i = 0; i < 3; i++) {
        SDL_Rect q = {c.x, y, c.w, h1 * 28 / 10};
        y += ui_text_box(g, qs[i], q, h1, proj_fpx(g, T_H2), UI_BOLD, UI_INK, UI_LEFT);
        y += ui_px(g, 40);
    }
    char line[200];
    core_verdict verdict = core_game_verdict(m->pub->outcome, m->pub->live.level);
    snprintf(line, sizeof line, _("Uitkomst: %s · niveau %s"),
             verdict == CORE_VERDICT_TOGETHER ? _("gewonnen")
             : verdict == CORE_VERDICT_APART  ? _("geholpen, maar naast elkaar gewerkt")
             : verdict == CORE_VERDICT_LOST   ? _("verloren")
                                              : _("nog bezig"),
             ui_level_name(m->pub->live.level));
    ui_text(g, line, c.x, c.y + c.h - body * 13 / 10, body, body, UI_BOLD, UI_INK_SOFT, UI_LEFT,
            c.w);
}

/* The timeline's six columns, each as wide as its widest text. The full
 * form writes the promises out ("2 gehouden, 0 gebroken"); when the columns
 * do not fit side by side (4:3), the compact form names the rounds "R1"
 * under an empty heading, writes the contributions "14 / 11" (all /
 * together, in one column) and the promises "2 / 0", with a legend under
 * the table that says what the two numbers are. */
#define TL_COLS 6
typedef struct {
    char cell[CORE_MAX_ROUNDS + 1][TL_COLS][64]; /* row 0: the headers */
    int rows;                                     /* headers included */
    int w[TL_COLS];
    bool compact;
} timeline_table;

/* Headings bold; the level bold too, unless the table is compact (a bold
 * "coöperatief" is the widest cell at 4:3). */
static ui_style timeline_style(const timeline_table *t, int row, int col)
{
    return row == 0 || (col == 1 && !t->compact) ? UI_BOLD : UI_REGULAR;
}

static int timeline_fill(ui_gfx *g, const ui_proj_model *m, timeline_table *t, bool compact,
                         int body)
{
    const char *heads[TL_COLS] = {_("Ronde"), _("Niveau"), _("Bijdragen"), _("Samen"),
                                  _("Beloften"), _("Reflectief")};
    int n = m->pub->n_rounds_done < CORE_MAX_ROUNDS ? m->pub->n_rounds_done : CORE_MAX_ROUNDS;
    t->rows = 1 + (n > 0 ? n : 0);
    t->compact = compact;
    for (int k = 0; k < TL_COLS; k++)
        snprintf(t->cell[0][k], sizeof t->cell[0][k], "%s",
                 compact && (k == 0 || k == 3) ? "" : heads[k]);
    for (int rd = 1; rd < t->rows; rd++) {
        const core_measures *mm = &m->pub->rounds[rd];
        char (*v)[64] = t->cell[rd];
        snprintf(v[0], 64, compact ? _("R%d") : "%d", rd);
        snprintf(v[1], 64, "%s", ui_level_name(mm->level));
        snprintf(v[2], 64, "%d", mm->contributions);
        snprintf(v[3], 64, "%d", mm->joint_contributions);
        if (compact) {
            snprintf(v[2], 64, "%d / %d", mm->contributions, mm->joint_contributions);
            v[3][0] = 0;
            snprintf(v[4], 64, "%d / %d", mm->promises_kept, mm->promises_broken);
        } else
            snprintf(v[4], 64, _("%d gehouden, %d gebroken"), mm->promises_kept,
                     mm->promises_broken);
        snprintf(v[5], 64, "%s", mm->reflective ? _("ja") : _("nee"));
    }
    int sum = 0;
    for (int k = 0; k < TL_COLS; k++) {
        t->w[k] = 0;
        for (int rd = 0; rd < t->rows; rd++) {
            int tw = 0, th = 0;
            ui_text_size(g, t->cell[rd][k], body, timeline_style(t, rd, k), &tw, &th);
            if (tw > t->w[k])
                t->w[k] = tw;
        }
        sum += t->w[k];
    }
    return sum;
}

static void debrief_timeline(ui_gfx *g, const ui_proj_model *m)
{
    SDL_Rect r = ui_r(g, 32, 206, 1856, 764);
    SDL_Rect c = proj_panel_with_title(g, r, _("Wat gebeurde er, ronde per ronde"));
    int body = proj_fpx(g, T_BODY);
    timeline_table t;
    int min_gap = ui_px(g, 16);
    bool compact = timeline_fill(g, m, &t, false, body) + min_gap * (TL_COLS - 1) > c.w;
    int sum = compact ? timeline_fill(g, m, &t, true, body) : 0;
    if (!compact)
        for (int k = 0; k < TL_COLS; k++)
            sum += t.w[k];
    /* the room left over goes between the columns, so the table spans the
     * panel; columns never overlap (the gap is at least min_gap) */
    int gap = (c.w - sum) / (TL_COLS - (compact ? 2 : 1));
    if (gap < min_gap)
        gap = min_gap;
    int line = body * 13 / 10, y = c.y;
    int legend_h = compact ? line : 0;
    int row = t.rows > 1 ? (c.y + c.h - y - line - legend_h) / (t.rows - 1) : line;
    if (row > body * 16 / 10)
        row = body * 16 / 10;
    for (int rd = 0; rd < t.rows; rd++) {
        if (rd % 2 == 1) {
            SDL_Rect band = {c.x - ui_px(g, 8), y - ui_px(g, 4), c.w + ui_px(g, 16), row};
            ui_round(g, band, ui_px(g, 6), UI_PANEL_ALT);
        }
        for (int k = 0, x = c.x; k < TL_COLS; x += t.w[k] > 0 ? t.w[k] + gap : 0, k++)
            if (t.cell[rd][k][0])
                    ui_text(g, t.cell[rd][k], x, y, body, ui_body_min(g), timeline_style(&t, rd, k),
                        rd == 0 ? UI_ACCENT : UI_INK, UI_LEFT, c.x + c.w - x);
        y += rd == 0 ? line : row;
    }
    if (t.rows == 1)
        ui_text(g, _("Nog geen ronde afgerond."), c.x, y, body, body, UI_REGULAR, UI_INK_SOFT,
                UI_LEFT, c.w);
    else if (compact)
        ui_text_box(g, _("Bijdragen: alle / samen · Beloften: gehouden / gebroken"), (SDL_Rect){c.x, y + ui_px(g, 8), c.w,
                    c.y + c.h - y - ui_px(g, 8)}, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT,
                    UI_LEFT);
}

/* full when it fits in w at px, else short. */
static const char *fitting(ui_gfx *g, const char *full, const char *short_text, int px,
                           ui_style st, int w)
{
    int tw = 0, th = 0;
    ui_text_size(g, full, px, st, &tw, &th);
    return tw <= w ? full : short_text;
}

/* The spanningen of the analysis: a heading and the titles of those that
 * became grenservaringen, then those left open; each title whole (wrapped)
 * while there is room, the rest counted ("+ N meer"). Returns the y below. */
static int analysis_frictions(ui_gfx *g, const ui_proj_model *m, SDL_Rect c)
{
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY), line = body * 13 / 10, y = c.y;
    int won = m->pub->n_boundary < 0 ? 0 : m->pub->n_boundary, open = 0;
    int list[2][CORE_MAX_FRICTIONS], n[2] = {0, 0};
    for (int i = 0; i < won && i < CORE_MAX_FRICTIONS; i++)
        if (m->pub->boundary_won[i] >= 0 && m->pub->boundary_won[i] < sc->n_frictions)
            list[0][n[0]++] = m->pub->boundary_won[i];
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        int f = m->pub->frictions[i].friction;
        if (!m->pub->frictions[i].active)
            continue;
        open++;
        if (f >= 0 && f < sc->n_frictions)
            list[1][n[1]++] = f;
    }
    char full[160], short_h[96], s[256];
    for (int part = 0; part < 2; part++) {
        int count = part == 0 ? won : open;
        if (part == 0) {
            snprintf(full, sizeof full, ngettext("%d spanning werd een grenservaring",
                                                 "%d spanningen werden grenservaringen",
                                                 (unsigned long)count), count);
            snprintf(short_h, sizeof short_h, _("Grenservaringen: %d"), count);
        } else {
            snprintf(full, sizeof full, ngettext("%d spanning bleef liggen",
                                                 "%d spanningen bleven liggen",
                                                 (unsigned long)count), count);
            snprintf(short_h, sizeof short_h, _("Bleven liggen: %d"), count);
        }
        ui_text(g, fitting(g, full, short_h, body, UI_BOLD, c.w), c.x, y, body, body, UI_BOLD,
                part == 0 ? UI_GOOD : count ? UI_ALARM : UI_INK_SOFT, UI_LEFT, c.w);
        y += line;
        int shown = 0;
        for (int i = 0; i < n[part]; i++) {
            snprintf(s, sizeof s, "%s %s", part == 0 ? "✓" : "•", sc->frictions[list[part][i]].title);
            int h = ui_text_box_height(g, s, c.w, body, UI_REGULAR);
            /* room stays for the "+ N" line when more follow, and for the
             * heading of the open ones below the won ones */
            int keep = (i + 1 < n[part] ? line : 0) + (part == 0 ? line : 0);
            if (y + h + keep > c.y + c.h)
                break;
            y += ui_text_box(g, s, (SDL_Rect){c.x, y, c.w, h}, body, body, UI_REGULAR, UI_INK,
                             UI_LEFT);
            shown++;
        }
        if (shown < n[part]) {
            snprintf(s, sizeof s, _("+ %d meer"), n[part] - shown);
            ui_text(g, s, c.x, y, body, body, UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
            y += line;
        }
        y += ui_px(g, 12);
    }
    return y;
}

/* Each seat's share of the interactions: it names the nodes when the graph
 * has no room for labels, and shows who carried the network. One column
 * of "chip Role · Name  19%" where that fits, else two columns of
 * "chip Name 19%" (or "chip 19%") so that every seat shows (seven seats at
 * 4:3). Returns its height; draws only when draw. */
static int analysis_shares(ui_gfx *g, const ui_proj_model *m, SDL_Rect c, bool draw)
{
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY), row = body * 13 / 10;
    int seats = m->pub->n_seats < CORE_MAX_SEATS ? m->pub->n_seats : CORE_MAX_SEATS;
    int total = 0, deg[CORE_MAX_SEATS] = {0};
    for (int a = 0; a < seats; a++)
        for (int b2 = 0; b2 < seats; b2++)
            if (a != b2) {
                deg[a] += m->pub->edges[a][b2];
                total += m->pub->edges[a][b2];
            }
    int pct_w = 0, th = 0, need_full = 0, need_name = 0;
    ui_text_size(g, "100%", body, UI_BOLD, &pct_w, &th);
    char who[CORE_MAX_SEATS][160];
    for (int st2 = 0; st2 < seats; st2++) {
        snprintf(who[st2], sizeof who[st2], "%s · %s", proj_role_name(sc, sc->seat_roles[st2]),
                 proj_seat_name(m, st2));
        int fw = 0, nw = 0;
        int fixed = ui_role_chip_width(g, sc, sc->seat_roles[st2], body) + ui_px(g, 30) + pct_w;
        ui_text_size(g, who[st2], body, UI_REGULAR, &fw, &th);
        ui_text_size(g, proj_seat_name(m, st2), body, UI_REGULAR, &nw, &th);
        need_full = fw + fixed > need_full ? fw + fixed : need_full;
        need_name = nw + fixed > need_name ? nw + fixed : need_name;
    }
    /* one column when it fits in half the panel's height, else two */
    int cols = need_full <= c.w && (seats + 1) * row <= c.h / 2 ? 1 : 2;
    int gap = ui_px(g, 24), col_w = (c.w - gap * (cols - 1)) / cols;
    int rows = (seats + cols - 1) / cols;
    /* two columns too narrow for the names: the chips name the roles, as
     * the network's nodes do */
    bool names = cols == 1 || need_name <= col_w;
    if (!draw)
        return row * (rows + 1);
    const char *title = fitting(g, _("Aandeel in de samenwerking"), _("Aandeel"), body, UI_BOLD, c.w);
    ui_text(g, title, c.x, c.y, body, body, UI_BOLD, UI_INK, UI_LEFT, c.w);
    for (int st2 = 0; st2 < seats; st2++) {
        int x = c.x + (st2 / rows) * (col_w + gap), y = c.y + row * (1 + st2 % rows);
        int chip = ui_role_chip(g, sc, sc->seat_roles[st2], x, y + ui_px(g, 2), body);
        if (names)
            ui_text(g, cols == 1 ? who[st2] : proj_seat_name(m, st2), x + chip + ui_px(g, 10), y,
                    body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT,
                    col_w - chip - ui_px(g, 20) - pct_w);
        char pct[16];
        snprintf(pct, sizeof pct, "%d%%", total > 0 ? (deg[st2] * 100 + total / 2) / total : 0);
        ui_text(g, pct, x + col_w, y, body, body, UI_BOLD, UI_INK, UI_RIGHT, 0);
    }
    return row * (rows + 1);
}

static void debrief_analysis(ui_gfx *g, const ui_proj_model *m)
{
    proj_draw_network_panel(g, m, ui_r(g, 32, 206, 900, 764));
    SDL_Rect r = ui_r(g, 952, 206, 936, 764);
    SDL_Rect c = proj_panel_with_titles(g, r, _("Spanningen en grenservaringen"), _("Spanningen"));
    int body = proj_fpx(g, T_BODY);
    /* the shares at the bottom, every seat; the spanningen above them */
    int shares_h = analysis_shares(g, m, c, false);
    SDL_Rect top = {c.x, c.y, c.w, c.h - shares_h - ui_px(g, 12)};
    int y = analysis_frictions(g, m, top);
    /* the promises and asks when there is room (step 2 shows the promises
     * per round, the report all of it) */
    const core_measures *mm = &m->pub->live;
    char s[256];
    snprintf(s, sizeof s, _("Beloften: %d gehouden, %d gebroken · %d vragen of aanbiedingen"),
             mm->promises_kept, mm->promises_broken, mm->asks_offers);
    int bh = ui_text_box_height(g, s, c.w, body, UI_REGULAR);
    if (y + bh <= top.y + top.h)
        ui_text_box(g, s, (SDL_Rect){c.x, top.y + top.h - bh, c.w, bh}, body, body, UI_REGULAR,
                    UI_INK_SOFT, UI_LEFT);
    analysis_shares(g, m, (SDL_Rect){c.x, c.y + c.h - shares_h, c.w, shares_h}, true);
}

/* The height proj_panel_with_title takes above and below its content (its
 * padding and heading), so that a panel can be as high as what it holds. */
static int panel_overhead(ui_gfx *g)
{
    /* what a panel's title and padding take from its height, from the
     * panel code itself so the two cannot drift apart */
    SDL_Rect r = {0, 0, g->w, g->h};
    return r.h - proj_panel_content(g, r).h;
}

/* Grows *most to the width of t at px. */
static void grow_to(ui_gfx *g, int *most, const char *t, int px, ui_style st)
{
    int w = 0, h = 0;
    ui_text_size(g, t, px, st, &w, &h);
    if (w > *most)
        *most = w;
}

/* What each collaboration level looks like, and which way each measure
 * should go, next to this game's own level and values so that the trainer
 * can point at them. The report's HTML carries the same lines. Every
 * meaning shows whole: it wraps beside its name, and each row is as high
 * as its meaning; the direction is an arrow, its words are in the
 * heading. */
typedef struct {
    char name[CORE_LEVEL_COUNT][64];
    int cols;                       /* 1: name beside its meaning; 2: a 2x2 grid, name above */
    int name_w, text_w, h[CORE_LEVEL_COUNT], row_h[CORE_LEVEL_COUNT], sum;
} legend_levels;

static const char *const level_meaning[CORE_LEVEL_COUNT] = {
    N_("ieder werkt apart; afspraken komen er niet of worden niet gehouden"),
    N_("jullie maken afspraken en houden ze, maar werken nog elk apart"),
    N_("de helft of meer van de bijdragen doen jullie samen met een andere rol"),
    N_("samen, rond een gedeeld doel, met reflectie en niet alles via één persoon")};

static void legend_levels_measure(ui_gfx *g, legend_levels *l, int w, int cols, int body)
{
    l->cols = cols;
    l->name_w = 0;
    for (int i = 0; i < CORE_LEVEL_COUNT; i++) {
        snprintf(l->name[i], sizeof l->name[i], "%d %s", i + 1,
                 ui_level_name((core_collab_level)i));
        grow_to(g, &l->name_w, l->name[i], body, UI_BOLD);
    }
    l->name_w += ui_px(g, 24);
    l->text_w = cols == 1 ? w - l->name_w : (w - ui_px(g, 24)) / 2;
    for (int i = 0; i < CORE_LEVEL_COUNT; i++)
        l->h[i] = ui_text_box_height(g, _(level_meaning[i]), l->text_w, body, UI_REGULAR) +
                  (cols == 1 ? 0 : body * 13 / 10);
    /* a grid row is as high as the higher of its two cells */
    l->sum = 0;
    for (int i = 0; i < CORE_LEVEL_COUNT; i += cols) {
        int h = l->h[i];
        if (cols == 2 && i + 1 < CORE_LEVEL_COUNT && l->h[i + 1] > h)
            h = l->h[i + 1];
        l->row_h[i / cols] = h + ui_px(g, 8);
        l->sum += h + ui_px(g, 8);
    }
}

#define N_MEASURES 4
typedef struct {
    const char *name[N_MEASURES];
    char value[N_MEASURES][32];
    int name_w, arrow_w, value_w, text_w, h[N_MEASURES], sum;
} legend_measures;

static const char *const measure_meaning[N_MEASURES] = {
    N_("hoeveel rollen rechtstreeks samenwerkten"), N_("hoe sterk alles via één persoon liep"),
    N_("hoe verschillend de ingezette kennis was"), N_("deel van de kaarten voor een gedeeld doel")};
static const bool measure_lower_is_better[N_MEASURES] = {false, true, false, false};

static void legend_measures_measure(ui_gfx *g, const core_measures *mm, legend_measures *l,
                                    int w, int body)
{
    static const char *const names[N_MEASURES] = {N_("Densiteit"), N_("Centraliteit"),
                                                  N_("Diversiteit"), N_("Doelgerichtheid")};
    double vals[N_MEASURES] = {mm->density, mm->centrality, mm->diversity, mm->goal_directedness};
    int gap = ui_px(g, 24);
    l->name_w = l->arrow_w = l->value_w = 0;
    for (int i = 0; i < N_MEASURES; i++) {
        l->name[i] = _(names[i]);
        ui_fmt_decimal(l->value[i], sizeof l->value[i], vals[i]);
        grow_to(g, &l->name_w, l->name[i], body, UI_BOLD);
        grow_to(g, &l->arrow_w, measure_lower_is_better[i] ? "↓" : "↑", body, UI_BOLD);
        grow_to(g, &l->value_w, l->value[i], body, UI_REGULAR);
    }
    l->name_w += gap;
    l->arrow_w += gap;
    l->value_w += gap;
    l->text_w = w - l->name_w - l->arrow_w - l->value_w;
    l->sum = 0;
    for (int i = 0; i < N_MEASURES; i++) {
        l->h[i] = ui_text_box_height(g, _(measure_meaning[i]), l->text_w, body, UI_REGULAR);
        l->sum += l->h[i] + ui_px(g, 8);
    }
}

static void legend_levels_draw(ui_gfx *g, const legend_levels *l, SDL_Rect c,
                               core_collab_level level, int body)
{
    int cell_w = l->cols == 1 ? c.w : l->text_w, gap = c.w - 2 * cell_w;
    for (int i = 0, y = c.y; i < CORE_LEVEL_COUNT; i++) {
        int x = c.x + (i % l->cols) * (cell_w + gap);
        if (level == (core_collab_level)i) {
            SDL_Rect band = {x - ui_px(g, 8), y - ui_px(g, 4), cell_w + ui_px(g, 16),
                             l->h[i] + ui_px(g, 8)};
            ui_round(g, band, ui_px(g, 6), UI_PANEL_ALT);
        }
        ui_text(g, l->name[i], x, y, body, ui_body_min(g), UI_BOLD,
                level == (core_collab_level)i ? UI_ACCENT : UI_INK, UI_LEFT, l->name_w);
        /* beside the name, or under it in a grid cell */
        SDL_Rect tb = {x + l->name_w, y, l->text_w, l->h[i]};
        if (l->cols == 2)
            tb = (SDL_Rect){x, y + body * 13 / 10, l->text_w, l->h[i] - body * 13 / 10};
        ui_text_box(g, _(level_meaning[i]), tb, body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT);
        if (i % l->cols == l->cols - 1)
            y += l->row_h[i / l->cols];
    }
}

static void legend_measures_draw(ui_gfx *g, const legend_measures *l, SDL_Rect c, int body)
{
    for (int i = 0, y = c.y; i < N_MEASURES; i++) {
        int x = c.x;
        ui_text(g, l->name[i], x, y, body, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT, l->name_w);
        x += l->name_w;
        ui_text(g, measure_lower_is_better[i] ? "↓" : "↑", x, y, body, ui_body_min(g), UI_BOLD,
                UI_GOOD, UI_LEFT, l->arrow_w);
        x += l->arrow_w;
        ui_text(g, l->value[i], x, y, body, ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT,
                l->value_w);
        x += l->value_w;
        ui_text_box(g, _(measure_meaning[i]), (SDL_Rect){x, y, l->text_w, l->h[i]}, body,
                    ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT);
        y += l->h[i] + ui_px(g, 8);
    }
}

/* The measures without their meanings and values (step 3 shows those),
 * by direction: "↑ hoger is beter: Densiteit, … · ↓ lager is beter: …". */
static void legend_measures_line(const legend_measures *l, char *out, size_t cap)
{
    size_t o = 0;
    for (int lower = 0; lower < 2; lower++) {
        int n = snprintf(out + o, cap - o, "%s%s:", lower ? " · " : "",
                         lower ? _("↓ lager is beter") : _("↑ hoger is beter"));
        for (int i = 0, first = 1; i < N_MEASURES && n >= 0 && (size_t)n < cap - o; i++)
            if (measure_lower_is_better[i] == (lower == 1)) {
                o += (size_t)n;
                n = snprintf(out + o, cap - o, "%s%s", first ? " " : ", ", l->name[i]);
                first = 0;
            }
        if (n < 0 || (size_t)n >= cap - o)
            return;
        o += (size_t)n;
    }
}

static void debrief_legend(ui_gfx *g, const ui_proj_model *m)
{
    int body = proj_fpx(g, T_BODY);
    SDL_Rect area = ui_r(g, 32, 206, 1856, 764);
    int gap = ui_px(g, 20), inner = area.w - 2 * ui_px(g, 24);
    legend_levels lv;
    legend_measures ms;
    legend_levels_measure(g, &lv, inner, 1, body);
    legend_measures_measure(g, &m->pub->live, &ms, inner, body);
    const char *levels_title = _("Niveaus van samenwerking: zo ziet het eruit");
    const char *measures_title = _("De vier maten: ↑ hoger is beter, ↓ lager is beter");
    if (lv.sum + ms.sum + 2 * panel_overhead(g) + gap <= area.h) {
        /* the measures' panel as high as its rows; the rest to the levels */
        int h2 = ms.sum + panel_overhead(g);
        SDL_Rect r1 = {area.x, area.y, area.w, area.h - gap - h2};
        SDL_Rect r2 = {area.x, r1.y + r1.h + gap, area.w, h2};
        legend_levels_draw(g, &lv, proj_panel_with_title(g, r1, levels_title),
                           m->pub->live.level, body);
        legend_measures_draw(g, &ms, proj_panel_with_title(g, r2, measures_title), body);
        return;
    }
    /* 16:9 at 3 %: one panel, the measures under their own heading below
     * the levels, these in rows or else in a 2x2 grid; every meaning whole */
    int label = proj_fpx(g, T_LABEL) * 13 / 10;
    legend_levels grid;
    legend_levels_measure(g, &grid, inner, 2, body);
    const legend_levels *one = lv.sum + label + ms.sum + panel_overhead(g) <= area.h ? &lv
                               : grid.sum + label + ms.sum + panel_overhead(g) <= area.h ? &grid
                                                                                           : NULL;
    if (one) {
        SDL_Rect c = proj_panel_with_title(g, area, levels_title);
        legend_levels_draw(g, one, c, m->pub->live.level, body);
        int y = c.y + one->sum;
        ui_text(g, measures_title, c.x, y, proj_fpx(g, T_LABEL), proj_fpx(g, T_LABEL), UI_BOLD,
                UI_ACCENT, UI_LEFT, c.w);
        legend_measures_draw(g, &ms, (SDL_Rect){c.x, y + label, c.w, c.y + c.h - y - label}, body);
        return;
    }
    /* 4:3 at 3 %: not every meaning fits. The levels keep theirs (the
     * measures' meanings are in the report); the measures follow in the
     * same panel as one paragraph: which way each should go. */
    SDL_Rect c = proj_panel_with_title(g, area, levels_title);
    legend_levels_draw(g, &lv, c, m->pub->live.level, body);
    char line[512];
    legend_measures_line(&ms, line, sizeof line);
    int y = c.y + lv.sum;
    ui_text_box(g, line, (SDL_Rect){c.x, y, c.w, c.y + c.h - y}, body, ui_body_min(g), UI_BOLD,
                UI_ACCENT, UI_LEFT);
}

/* Rules v2 in the debrief: every afspraak the roles made, every round's
 * verbeteracties with whether they were checked later, and per round
 * whether the reflection counted as honest (everyone answered, every
 * answer fits). Every entry shows whole or not at all: what does not fit
 * is counted under the column ("+ N in het verslag"). */

/* Up to three wrapped texts drawn one under the other in c from *y, when
 * they fit above the bottom of c (the third may be left out for room);
 * false (nothing drawn) when not. */
typedef struct {
    const char *text;
    ui_style style;
    SDL_Color color;
} entry_part;

static bool draw_entry(ui_gfx *g, SDL_Rect c, int *y, const entry_part *parts, int n, int body)
{
    int h[3] = {0}, sum = 0;
    for (int i = 0; i < n && i < 3; i++) {
        h[i] = ui_text_box_height(g, parts[i].text, c.w, body, parts[i].style);
        sum += h[i];
    }
    /* short of room, the last part (who agreed, a status) gives way before
     * the entry does: its title and words are what the room talks about */
    while (n > 2 && *y + sum > c.y + c.h)
        sum -= h[--n];
    if (*y + sum > c.y + c.h)
        return false;
    for (int i = 0; i < n && i < 3; i++) {
        ui_text_box(g, parts[i].text, (SDL_Rect){c.x, *y, c.w, h[i]}, body, body, parts[i].style,
                    parts[i].color, UI_LEFT);
        *y += h[i];
    }
    *y += ui_px(g, 16);
    return true;
}

/* "+ N in het verslag" under a column whose entries did not all fit. */
static void more_in_report(ui_gfx *g, SDL_Rect c, int y, int more, int body)
{
    if (more <= 0)
        return;
    char s[96];
    snprintf(s, sizeof s, _("+ %d in het verslag"), more);
    ui_text(g, s, c.x, y, body, body, UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
}

/* The room under a column's entries kept for its "+ N" line. */
static SDL_Rect minus_more_line(SDL_Rect c, int body)
{
    c.h -= body * 13 / 10;
    return c;
}

/* The foot of a column of entries: "+ N in het verslag" for those that did
 * not fit, or what it means that there are none. */
static void column_end(ui_gfx *g, SDL_Rect c, int y, int total, int shown, const char *none, int body)
{
    more_in_report(g, c, y, total - shown, body);
    if (total == 0)
        ui_text_box(g, none, (SDL_Rect){c.x, y, c.w, c.y + c.h - y}, body, body, UI_REGULAR, UI_INK_SOFT,
                    UI_LEFT);
}

/* Step 5: every afspraak, its words, round and who agreed. */
static void afspraken_column(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY);
    SDL_Rect c1 = proj_panel_with_title(g, r, _("Afspraken"));
    SDL_Rect room = minus_more_line(c1, body);
    int y = c1.y, made = 0, shown = 0;
    for (int f = 0; f < sc->n_frictions && f < CORE_MAX_FRICTIONS; f++) {
        const core_afspraak *a = &m->pub->afspraken[f];
        if (a->made_round <= 0)
            continue;
        made++;
        char words[CORE_ANSWER_LEN + 8], who[400] = "", meta[480];
        snprintf(words, sizeof words, "“%s”", proj_afspraak_text(sc, a, f));
        size_t o = 0;
        for (int s2 = 0; s2 < m->pub->n_seats && s2 < CORE_MAX_SEATS; s2++)
            if (a->agreed & (1u << s2)) {
                int n = snprintf(who + o, sizeof who - o, "%s%s", o ? ", " : "", proj_seat_name(m, s2));
                if (n > 0 && (size_t)n < sizeof who - o)
                    o += (size_t)n;
            }
        snprintf(meta, sizeof meta, _("ronde %d · akkoord: %s"), a->made_round, who);
        entry_part parts[3] = {{sc->frictions[f].title, UI_BOLD, UI_INK},
                               {words, UI_REGULAR, UI_GOOD},
                               {meta, UI_REGULAR, UI_INK_SOFT}};
        shown += draw_entry(g, room, &y, parts, 3, body);
    }
    column_end(g, c1, y, made, shown, _("Geen afspraken: spanningen werden hoogstens verzacht."), body);
}

/* Step 5: the verbeteracties per round, and whether they were checked. */
static void improvements_column(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    int body = proj_fpx(g, T_BODY);
    SDL_Rect c2 = proj_panel_with_title(g, r, _("Verbeteracties"));
    SDL_Rect room = minus_more_line(c2, body);
    int y = c2.y, shown = 0, total = 0;
    int last = m->pub->round < CORE_MAX_ROUNDS ? m->pub->round : CORE_MAX_ROUNDS;
    for (int rd = 1; rd <= last; rd++)
        for (int s2 = 0; s2 < m->pub->n_seats && s2 < CORE_MAX_SEATS; s2++) {
            const char *t = m->improvements ? m->improvements[rd][s2]
                            : m->pub->improvement_round[s2] == rd ? m->pub->improvement_text[s2] : "";
            if (!t[0])
                continue;
            total++;
            /* only the seat's latest is in the view; an earlier one was
             * replaced (the report tells whether it was checked before) */
            char st[160];
            bool latest = m->pub->improvement_round[s2] == rd;
            if (!latest)
                snprintf(st, sizeof st, "%s", _("vervangen door een nieuwere"));
            else if (m->pub->improvement_checked[s2] > 0)
                snprintf(st, sizeof st,
                         m->pub->improvement_done[s2] ? _("nagekeken in ronde %d: gedaan")
                                                      : _("nagekeken in ronde %d: niet gedaan"),
                         m->pub->improvement_checked[s2]);
            else
                snprintf(st, sizeof st, "%s", _("nog niet nagekeken"));
            char head[CORE_ANSWER_LEN + 96];
            snprintf(head, sizeof head, _("R%d %s: %s"), rd, proj_seat_name(m, s2),
                     m->hide_player_text ? _("(verborgen)") : t);
            bool checked = latest && m->pub->improvement_checked[s2] > 0;
            entry_part parts[2] = {{head, UI_REGULAR, UI_INK},
                                   {st, UI_BOLD, checked ? UI_GOOD : UI_INK_SOFT}};
            shown += draw_entry(g, room, &y, parts, 2, body);
        }
    column_end(g, c2, y, total, shown, _("Nog geen verbeteracties ingevuld."), body);
}

/* Step 5, a column: per round whether it was reflective, and the spread
 * of the answers (A 3 · B 1) where there is room. */
static void reflection_column(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY), line = body * 13 / 10;
    SDL_Rect c3 = proj_panel_with_title(g, r, _("Reflectie per ronde"));
    const char *what = _("Reflectief: iedereen antwoordde, en elk antwoord past.");
    int what_h = ui_text_box_height(g, what, c3.w, body, UI_REGULAR);
    int bottom = c3.y + c3.h - what_h - ui_px(g, 8);
    int y = c3.y;
    int n = m->pub->n_rounds_done < CORE_MAX_ROUNDS ? m->pub->n_rounds_done : CORE_MAX_ROUNDS;
    for (int rd = 1; rd <= n && y + line <= bottom; rd++) {
        char spread[160] = "", row[320];
        size_t o = 0;
        int card = m->reflection_cards ? m->reflection_cards[rd] : -1;
        int nopt = card >= 0 && card < sc->n_reflections ? sc->reflections[card].n_options : 0;
        for (int k = 0; k < nopt && k < CORE_MAX_OPTIONS && m->reflection_answers; k++) {
            int w = snprintf(spread + o, sizeof spread - o, "%s%c %d", o ? " · " : "", 'A' + k,
                             m->reflection_answers[rd][k]);
            if (w > 0 && (size_t)w < sizeof spread - o)
                o += (size_t)w;
        }
        snprintf(row, sizeof row, _("R%d %s"), rd,
                 m->pub->rounds[rd].reflective ? _("✓ reflectief") : _("✗ niet reflectief"));
        ui_text(g, row, c3.x, y, body, body, UI_BOLD,
                m->pub->rounds[rd].reflective ? UI_GOOD : UI_INK, UI_LEFT, c3.w);
        y += line;
        /* the spread only while every remaining round still has its line */
        if (spread[0] && y + line * (n - rd + 1) <= bottom) {
            ui_text(g, spread, c3.x + ui_px(g, 24), y, body, body, UI_REGULAR, UI_INK, UI_LEFT,
                    c3.w - ui_px(g, 24));
            y += line + ui_px(g, 8);
        }
    }
    if (n == 0)
        ui_text(g, _("Nog geen ronde afgerond."), c3.x, y, body, body, UI_REGULAR, UI_INK_SOFT,
                UI_LEFT, c3.w);
    else
        ui_text_box(g, what, (SDL_Rect){c3.x, c3.y + c3.h - what_h, c3.w, what_h}, body, body,
                    UI_REGULAR, UI_INK_SOFT, UI_LEFT);
}

/* Step 5 at 4:3, a strip under the two columns: "R1 ✗  R2 ✓ …" on as many
 * lines as it needs, then what reflective means. Returns its height when
 * draw is false (nothing drawn). */
static int reflection_strip(ui_gfx *g, const ui_proj_model *m, SDL_Rect r, bool draw)
{
    int body = proj_fpx(g, T_BODY), line = body * 13 / 10, gap = ui_px(g, 28);
    int w = r.w - 2 * ui_px(g, 24);
    const char *what = _("✓ reflectief: iedereen antwoordde, en elk antwoord past.");
    int n = m->pub->n_rounds_done < CORE_MAX_ROUNDS ? m->pub->n_rounds_done : CORE_MAX_ROUNDS;
    SDL_Rect c = {r.x + ui_px(g, 24), 0, w, 0};
    if (draw)
        c = proj_panel_with_title(g, r, _("Reflectie per ronde"));
    int x = c.x, y = c.y, h = line;
    for (int rd = 1; rd <= n; rd++) {
        char lbl[16];
        snprintf(lbl, sizeof lbl, _("R%d"), rd);
        /* the mark kept beside its "R1" by a no-break space */
        const char *mark = m->pub->rounds[rd].reflective ? "\u00a0✓" : "\u00a0✗";
        int lw = 0, mw = 0, th = 0;
        ui_text_size(g, lbl, body, UI_BOLD, &lw, &th);
        ui_text_size(g, mark, body, UI_BOLD, &mw, &th);
        if (x > c.x && x + lw + mw > c.x + w) {
            x = c.x;
            y += line;
            h += line;
        }
        if (draw) {
            ui_text(g, lbl, x, y, body, body, UI_BOLD, UI_INK, UI_LEFT, 0);
            ui_text(g, mark, x + lw, y, body, body, UI_BOLD,
                    m->pub->rounds[rd].reflective ? UI_GOOD : UI_INK, UI_LEFT, 0);
        }
        x += lw + mw + gap;
    }
    if (n == 0)
        what = _("Nog geen ronde afgerond.");
    int what_h = ui_text_box_height(g, what, w, body, UI_REGULAR);
    if (draw)
        ui_text_box(g, what, (SDL_Rect){c.x, n > 0 ? y + line : y, w, what_h}, body, body,
                    UI_REGULAR, UI_INK_SOFT, UI_LEFT);
    return h + what_h + panel_overhead(g);
}

static void debrief_afspraken(ui_gfx *g, const ui_proj_model *m)
{
    SDL_Rect area = ui_r(g, 32, 206, 1856, 764);
    int gap = ui_px(g, 16), body = proj_fpx(g, T_BODY);
    /* three columns where the reflection column holds "R6 ✗ niet
     * reflectief" (16:9); else two columns above a strip (4:3) */
    SDL_Rect third = ui_r(g, 1284, 206, 604, 764);
    char widest_row[64];
    snprintf(widest_row, sizeof widest_row, _("R%d %s"), 6, _("✗ niet reflectief"));
    int tw = 0, th = 0;
    ui_text_size(g, widest_row, body, UI_BOLD, &tw, &th);
    if (tw <= third.w - 2 * ui_px(g, 24)) {
        afspraken_column(g, m, ui_r(g, 32, 206, 600, 764));
        improvements_column(g, m, ui_r(g, 648, 206, 620, 764));
        reflection_column(g, m, third);
        return;
    }
    int sh = reflection_strip(g, m, area, false);
    SDL_Rect strip = {area.x, area.y + area.h - sh, area.w, sh};
    int col_h = strip.y - gap - area.y, half = (area.w - gap) / 2;
    afspraken_column(g, m, (SDL_Rect){area.x, area.y, half, col_h});
    improvements_column(g, m, (SDL_Rect){area.x + half + gap, area.y, area.w - half - gap, col_h});
    reflection_strip(g, m, strip, true);
}

/* gettext for the core's msgids (core_fan_pick_describe). */
static const char *translate(const char *msgid)
{
    return _(msgid);
}

/* Step 6, left: the reflection fan's cards for what happened, each with
 * its block and reason (wrapped, never cut) above its question. */
static void fan_cards(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    SDL_Rect c = proj_panel_with_titles(g, r, _("Reflectiewaaier: kaarten bij wat er gebeurde"),
                                        _("Reflectiewaaier"));
    int body = proj_fpx(g, T_BODY), pad = ui_px(g, 12);
    int y = c.y, shown = 0;
    core_fan_pick picks[8];
    int np = m->st ? core_fan_pick_cards(m->st, picks, 8) : 0;
    static const char *const blocks[CORE_BLOCK_COUNT] = {N_("Identiteit"), N_("Netwerk"),
                                                         N_("Organisatie"), N_("Verbinding")};
    for (int i = 0; i < np; i++) {
        int rc = picks[i].reflection;
        if (rc < 0 || rc >= sc->n_reflections)
            continue;
        const core_reflection_def *d = &sc->reflections[rc];
        char reason[CORE_TEXT_LEN], tag[CORE_TEXT_LEN + 64];
        core_fan_pick_describe(m->st, &picks[i], translate, strcmp(plat_i18n_lang(), "nl") != 0,
                               reason, sizeof reason);
        snprintf(tag, sizeof tag, "%s · %s",
                 (d->block >= 0 && d->block < CORE_BLOCK_COUNT) ? _(blocks[d->block]) : "?",
                 reason);
        int tw = c.w - 2 * pad;
        int th = ui_text_box_height(g, tag, tw, body, UI_REGULAR);
        int qh = ui_text_box_height(g, d->question, tw, body, UI_BOLD);
        int need = th + qh + 2 * pad;
        if (y + need > c.y + c.h)
            continue; /* a shorter card further on may still fit */
        ui_round(g, (SDL_Rect){c.x, y, c.w, need}, ui_px(g, 10), UI_PANEL_ALT);
        ui_text_box(g, tag, (SDL_Rect){c.x + pad, y + pad, tw, th}, body, body, UI_REGULAR,
                    UI_ACCENT, UI_LEFT);
        ui_text_box(g, d->question, (SDL_Rect){c.x + pad, y + pad + th, tw, qh}, body, body,
                    UI_BOLD, UI_INK, UI_LEFT);
        y += need + ui_px(g, 10);
        shown++;
    }
    if (shown < np && y + body * 13 / 10 <= c.y + c.h) {
        char more[96];
        snprintf(more, sizeof more, _("+ %d in het verslag"), np - shown);
        ui_text(g, more, c.x, y, body, body, UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
    }
    if (np == 0)
        ui_text_box(g, _("Geen kaarten: er is nog te weinig gespeeld."),
                    (SDL_Rect){c.x, y, c.w, c.y + c.h - y}, body, body, UI_REGULAR, UI_INK_SOFT,
                    UI_LEFT);
}

/* Step 6, right: every round's verbeteracties with their round, the latest
 * first (the host keeps them; without it, this round's from the state).
 * The text goes beside the round and role chip where that leaves it room,
 * else on the lines below them (a narrow 4:3 column). */
static void team_improvements(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    SDL_Rect c2 = proj_panel_with_titles(g, r, _("Verbeteracties van het team"),
                                         _("Verbeteracties"));
    int body = proj_fpx(g, T_BODY), line = body * 13 / 10;
    int y = c2.y, shown = 0;
    if (m->hide_player_text) {
        ui_text_box(g, _("Verborgen door de trainer (Ctrl+V)."),
                    (SDL_Rect){c2.x, y, c2.w, body * 3}, body, body, UI_REGULAR, UI_INK_SOFT,
                    UI_LEFT);
        return;
    }
    int last_round = m->pub->round < CORE_MAX_ROUNDS ? m->pub->round : CORE_MAX_ROUNDS;
    int total = 0;
    for (int rd = last_round; rd >= 0; rd--)
        for (int s = 0; s < sc->n_seats && s < CORE_MAX_SEATS; s++) {
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
            int tx = c2.x + lw + ui_px(g, 10) + chip + ui_px(g, 12), ty = y;
            if (c2.x + c2.w - tx < c2.w * 2 / 3) {
                tx = c2.x;
                ty = y + line;
            }
            int th = ui_text_box_height(g, t, c2.x + c2.w - tx, body, UI_REGULAR);
            if (ty + th > c2.y + c2.h - line)
                continue;
            ui_text(g, lbl, c2.x, y, body, body, UI_BOLD, UI_INK_SOFT, UI_LEFT, 0);
            ui_role_chip(g, sc, sc->seat_roles[s], c2.x + lw + ui_px(g, 10), y + ui_px(g, 2), body);
            ui_text_box(g, t, (SDL_Rect){tx, ty, c2.x + c2.w - tx, th}, body, body, UI_REGULAR,
                        UI_INK, UI_LEFT);
            y = ty + th + ui_px(g, 14);
            shown++;
        }
    if (shown < total) {
        char more[96];
        snprintf(more, sizeof more, _("+ %d oudere in het verslag"), total - shown);
        ui_text_box(g, more, (SDL_Rect){c2.x, y, c2.w, c2.y + c2.h - y}, body, ui_body_min(g),
                    UI_REGULAR, UI_INK_SOFT, UI_LEFT);
    }
    if (total == 0)
        ui_text_box(g, _("Nog geen verbeteracties ingevuld."),
                    (SDL_Rect){c2.x, y, c2.w, c2.y + c2.h - y}, body, body, UI_REGULAR,
                    UI_INK_SOFT, UI_LEFT);
}

static void debrief_next(ui_gfx *g, const ui_proj_model *m)
{
    /* the transfer step: from the game back to the students' own
     * internship school, where the same roles exist with real names; its
     * panel as high as its question, the fan above it takes the rest */
    SDL_Rect left = ui_r(g, 32, 206, 970, 764);
    int gap = ui_px(g, 20), h2 = proj_fpx(g, T_H2);
    const char *take = _("Wie is het CLB-anker van jouw stageschool? Wat neem je mee?");
    int qh = ui_text_box_height(g, take, left.w - 2 * ui_px(g, 24), h2, UI_BOLD);
    SDL_Rect rt = {left.x, 0, left.w, qh + panel_overhead(g)};
    rt.y = left.y + left.h - rt.h;
    SDL_Rect ct = proj_panel_with_title(g, rt, _("Meenemen naar je stage"));
    ui_text_box(g, take, ct, h2, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT);
    fan_cards(g, m, (SDL_Rect){left.x, left.y, left.w, rt.y - gap - left.y});
    team_improvements(g, m, ui_r(g, 1022, 206, 866, 764));
}

void proj_draw_debrief(ui_gfx *g, const ui_proj_model *m)
{
    debrief_header(g, m);
    switch (m->debrief_step) {
    case 0: debrief_reactions(g, m); break;
    case 1: debrief_timeline(g, m); break;
    case 2: debrief_analysis(g, m); break;
    case 3: debrief_legend(g, m); break;
    case 4: debrief_afspraken(g, m); break;
    default: debrief_next(g, m); break;
    }
}

/* The end of the school year: the verdict, what the team reached and the
 * way to the debrief. */
void proj_draw_end(ui_gfx *g, const ui_proj_model *m)
{
    proj_topbar(g, m, _("Einde van het schooljaar"));
    SDL_Rect r = ui_r(g, 260, 180, 1400, 720);
    ui_panel(g, r);
    int pad = ui_px(g, 48);
    int h2 = proj_fpx(g, T_H2), body = proj_fpx(g, T_BODY);
    /* two honest outcomes (RULES.md): a pupil helped side by side is not
     * announced as a plain win */
    core_verdict verdict = core_game_verdict(m->pub->outcome, m->pub->live.level);
    char head[240];
    if (verdict == CORE_VERDICT_TOGETHER)
        snprintf(head, sizeof head, _("%s is geholpen, en jullie werkten samen"),
                 m->sc->pupil_name);
    else if (verdict == CORE_VERDICT_APART)
        snprintf(head, sizeof head, _("%s is geholpen, maar jullie werkten naast elkaar"),
                 m->sc->pupil_name);
    else
        snprintf(head, sizeof head, _("%s had meer nodig"), m->sc->pupil_name);
    SDL_Color hc = verdict == CORE_VERDICT_TOGETHER ? UI_GOOD
                   : verdict == CORE_VERDICT_APART  ? UI_WARN
                                                    : UI_ALARM;
    /* the verdict may take two lines: it is the sentence the room reads */
    int head_h = ui_text_box_height(g, head, r.w - 2 * pad, h2 * 3 / 2, UI_BOLD);
    if (head_h > h2 * 3 / 2 * 26 / 10)
        head_h = h2 * 3 / 2 * 26 / 10;
    ui_text_box(g, head, (SDL_Rect){r.x + pad, r.y + pad, r.w - 2 * pad, head_h}, h2 * 3 / 2, h2,
                UI_BOLD, hc, UI_CENTER);
    int met = 0;
    for (int i = 0; i < m->pub->n_needs && i < CORE_MAX_NEEDS; i++)
        met += m->pub->need_met[i] ? 1 : 0;
    char line[200];
    snprintf(line, sizeof line, _("%d van %d noden bereikt · welbevinden %d"), met,
             m->pub->n_needs, m->pub->welbevinden);
    int y = r.y + pad + head_h + ui_px(g, 16);
    ui_text(g, line, r.x + r.w / 2, y, h2, body, UI_REGULAR, UI_INK, UI_CENTER, r.w - 2 * pad);
    y += h2 * 16 / 10;
    if (verdict == CORE_VERDICT_APART) {
        ui_text(g, _("Wat hield jullie apart, en wat had jullie samengebracht?"), r.x + r.w / 2, y,
                body, body, UI_REGULAR, UI_INK_SOFT, UI_CENTER, r.w - 2 * pad);
        y += body * 14 / 10;
    }
    ui_text(g, _("Samenwerkingsniveau van het team"), r.x + r.w / 2, y, body, body, UI_BOLD,
            UI_INK_SOFT, UI_CENTER, r.w - 2 * pad);
    y += body * 14 / 10;
    SDL_Rect lm = {r.x + pad, y, r.w - 2 * pad, ui_px(g, 90)};
    ui_draw_level_meter(g, lm, m->pub->live.level, proj_fpx(g, T_BODY));
    /* the button as wide as its label, within the card */
    SDL_Rect btn = ui_r(g, 760, 780, 400, 90);
    int lw = 0, lh = 0;
    ui_text_size(g, _("Naar de nabespreking"), proj_fpx(g, T_BODY), UI_BOLD, &lw, &lh);
    btn.w = lw + btn.h / 3 + ui_px(g, 48);
    if (btn.w > r.w - 2 * pad)
        btn.w = r.w - 2 * pad;
    btn.x = r.x + (r.w - btn.w) / 2;
    ui_button(g, btn, _("Naar de nabespreking"), proj_fpx(g, T_BODY), true, true, UI_ID_DEBRIEF, 0);
}
