/* ui/proj_table: the projector's game table (phase stepper, pupil, frictions,
 * needs, goals, network, seats) as retained regions, and the end screen. */
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
    int x = area.x + (total < area.w ? area.w - total : 0) / 2;
    for (int i = 0; i < n; i++) {
        bool cur = i == cur_i && m->pub->phase != CORE_PHASE_END;
        bool done = m->pub->phase > steps[i] && m->pub->phase != CORE_PHASE_END;
        SDL_Color bg = cur ? UI_WHITE : (SDL_Color){0x1E, 0x66, 0x84, 0xFF};
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
 * the bar. */
static SDL_Rect topbar_piece(const ui_gfx *g, int piece)
{
    SDL_Rect bar = ui_r(g, 0, 0, 1920, 96);
    int x_round = ui_r(g, 1300, 0, 0, 0).x;
    int x_menu = ui_r(g, 1828, 0, 0, 0).x;
    int x0 = piece == 0 ? 0 : piece == 1 ? x_round : x_menu;
    int x1 = piece == 0 ? x_round : piece == 1 ? x_menu : g->w;
    SDL_Rect r = {x0, bar.y, x1 - x0, bar.h};
    return r;
}

static void table_topbar_main(ui_gfx *g, const ui_proj_model *m)
{
    SDL_Rect piece = topbar_piece(g, 0);
    ui_fill(g, piece, UI_ACCENT);
    int px = ui_body_min(g);
    /* the level's title left, the phases in what is left of the piece;
     * the phases win: the title ends in "…" first */
    SDL_Rect brand = ui_r(g, 32, 0, 480, 96);
    ui_text(g, m->sc->title, brand.x, brand.y + (brand.h - px * 12 / 10) / 2, px, px, UI_BOLD,
            UI_WHITE, UI_LEFT, brand.w);
    int x0 = brand.x + brand.w + ui_px(g, 16);
    SDL_Rect area = {x0, ui_r(g, 0, 16, 0, 64).y, piece.x + piece.w - x0 - ui_px(g, 8),
                     ui_px(g, 64)};
    phase_stepper(g, m, area);
}

static void table_topbar_round(ui_gfx *g, const ui_proj_model *m)
{
    ui_fill(g, topbar_piece(g, 1), UI_ACCENT);
    char round[96];
    int rounds = m->sc->rules.rounds;
    snprintf(round, sizeof round, _("Ronde %d van %d"), m->pub->round, rounds);
    SDL_Rect r = ui_r(g, 1305, 0, 515, 96);
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
                r.w / 2);
        right -= tw + ui_px(g, 16);
    }
    int px = proj_fpx(g, T_BODY);
    int rw = 0, rh = 0;
    ui_text_size(g, round, px, UI_BOLD, &rw, &rh);
    if (rw > right - r.x) /* a narrow screen: the numbers say it */
        snprintf(round, sizeof round, "%d/%d", m->pub->round, rounds);
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
    const core_scenario *sc = m->sc;
    char head[256];
    snprintf(head, sizeof head, "%s · %s", sc->pupil_name, sc->pupil_class);
    /* the pupil's name is the panel's heading: one line less; whether the
     * pupil was heard this round beside it (a level that gives a voice) */
    char heard[96] = "";
    if (m->pub->pupil_voice)
        snprintf(heard, sizeof heard, "%s",
                 m->pub->pupil_asked ? _("✓ gehoord") : _("niet gehoord"));
    int hw = 0, hh = 0;
    if (heard[0])
        ui_text_size(g, heard, ui_body_min(g), UI_BOLD, &hw, &hh);
    SDL_Rect c;
    if (heard[0]) {
        int pad = ui_px(g, 24);
        ui_panel(g, r);
        int px = proj_fpx(g, T_LABEL);
        int keep = r.w - 2 * pad - hw - ui_px(g, 16);
        int nw = 0, nh = 0, fw = 0;
        ui_text_size(g, head, px, UI_BOLD, &fw, &nh);
        ui_text_size(g, sc->pupil_name, px, UI_BOLD, &nw, &nh);
        if (keep < fw) {
            /* narrow: the name alone, and the status gets what is left */
            snprintf(head, sizeof head, "%s", sc->pupil_name);
            if (keep < nw)
                keep = nw;
        }
        int used = ui_text(g, head, r.x + pad, r.y + pad * 3 / 4, px, px, UI_BOLD, UI_ACCENT,
                           UI_LEFT, keep);
        ui_text(g, heard, r.x + r.w - pad, r.y + pad * 3 / 4, ui_body_min(g), ui_body_min(g),
                UI_BOLD, m->pub->pupil_asked ? UI_GOOD : UI_WARN, UI_RIGHT,
                r.w - 2 * pad - used - ui_px(g, 16));
        int th = px * 13 / 10;
        c = (SDL_Rect){r.x + pad, r.y + pad * 3 / 4 + th + ui_px(g, 8), r.w - 2 * pad,
                       r.h - pad * 3 / 4 - th - ui_px(g, 8) - pad / 2};
    } else {
        c = proj_panel_with_title(g, r, head);
    }
    int body = ui_body_min(g);
    int mh = c.h / 2;
    SDL_Rect m1 = {c.x, c.y, c.w, mh - ui_px(g, 10)};
    int wb = m->pub->welbevinden;
    SDL_Color wfill = wb <= 2 ? UI_ALARM : wb <= 4 ? UI_WARN : UI_GOOD;
    ui_draw_meter(g, m1, _("Welbevinden"), wb, sc->rules.welbevinden_max, wfill, body);
    SDL_Rect m2 = {c.x, c.y + mh, c.w, mh - ui_px(g, 10)};
    int dk = m->pub->draagkracht;
    ui_draw_meter(g, m2, _("Draagkracht"), dk, sc->rules.draagkracht_max,
                  dk == 0 ? UI_ALARM : UI_ACCENT, body);
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
        ui_text(g, d->title, c.x, y, body, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT, c.w);
        int by = y + body * 12 / 10;
        int bh = body / 2;
        int shown_progress = met && m->pub->need_progress[i] > d->target ? d->target
                                                                         : m->pub->need_progress[i];
        char prog[48];
        snprintf(prog, sizeof prog, "%d / %d", shown_progress, d->target);
        int pw = 0, ph = 0;
        ui_text_size(g, "00 / 00", body, UI_BOLD, &pw, &ph);
        int barw = c.w * 28 / 100; /* same for every need, so the numbers line up */
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
            ui_text(g, st, c.x + c.w, by, body, body, met ? UI_BOLD : UI_REGULAR,
                    met ? UI_GOOD : UI_INK_SOFT, UI_RIGHT, c.x + c.w - sx);
        }
    }
}

static void draw_goals(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    SDL_Rect c = proj_panel_with_title(g, r, _("Gedeelde doelen"));
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY);
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
    for (int i = 0; i < m->pub->n_team_goals && i < CORE_MAX_TEAM_GOALS; i++) {
        int slot = sc->n_goals + i;
        if (slot >= CORE_MAX_GOAL_SLOTS || !m->pub->goal_adopted[slot])
            continue;
        char s[CORE_ANSWER_LEN + 8];
        snprintf(s, sizeof s, "◆ %s", m->pub->team_goal_text[i]);
        ui_text(g, s, c.x, y, body, ui_body_min(g), UI_BOLD, UI_GOOD, UI_LEFT, c.w);
        y += body * 13 / 10;
        ng++;
    }
    if (m->pub->goal_proposal >= 0 && m->pub->goal_proposal < sc->n_goals) {
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
    if (ng == 0) {
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
    SDL_Rect c = proj_panel_with_title(g, r, _("Gedeeld dossier"));
    int body = proj_fpx(g, T_BODY), y = c.y;
    const core_scenario *sc = m->sc;
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
            if (!proj_more_beside_heading(g, r, _("Gedeeld dossier"), more, plus, false) &&
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
            proj_more_beside_heading(g, r, _("Gedeeld dossier"), more, plus, true);
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

/* The network panel; hide_level (the trainer's Ctrl+M during play) keeps
 * the graph and leaves out the measures, the alarm and the level, so that
 * a team plays for the pupil and not for the score. */
static void network_panel(ui_gfx *g, const ui_proj_model *m, SDL_Rect r, bool hide_level)
{
    SDL_Rect c = proj_panel_with_title(g, r, _("Netwerk"));
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
    int level_h = rowh + ui_px(g, 44);
    int graph_h = c.h - rowh * 4 - ui_px(g, 16) - level_h;
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
    int vw = 0, vh = 0;
    ui_text_size(g, "0,00", body, UI_BOLD, &vw, &vh);
    /* the labels take what they need; a bar between label and value only
     * when there is room for one worth reading */
    int label_w = widest_text(g, names, 4, body, UI_REGULAR);
    if (label_w > c.w - vw - ui_px(g, 12))
        label_w = c.w - vw - ui_px(g, 12);
    int bx = c.x + label_w + ui_px(g, 12);
    int bw = c.w - label_w - vw - ui_px(g, 28);
    for (int i = 0; i < 4; i++) {
        int yy = y + i * rowh;
        ui_text(g, names[i], c.x, yy, body, ui_body_min(g), UI_REGULAR, UI_INK, UI_LEFT,
                label_w);
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
    y += rowh * 4 + ui_px(g, 16);
    char lv[128];
    snprintf(lv, sizeof lv, _("Niveau: %s"), ui_level_name(mm->level));
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
    int gap = ui_px(g, 10);
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
    int team_w = widest_text(g, (const char *[]){tl[0], tl[1]}, 2, px, UI_BOLD) + ui_px(g, 40);
    if (team_w > strip.w / 4) {
        /* a narrow screen: short labels, so that the numbers stay */
        if (m->pub->overleg_budget > 0)
            snprintf(tl[0], sizeof tl[0], _("Tijd %d/%d"), m->pub->overleg_left,
                     m->pub->overleg_budget);
        snprintf(tl[1], sizeof tl[1], _("Vertr. %d/%d"), m->pub->trust, ru->trust_max);
        team_w = widest_text(g, (const char *[]){tl[0], tl[1]}, 2, px, UI_BOLD) + ui_px(g, 40);
    }
    SDL_Rect team = {strip.x + strip.w - team_w, strip.y, team_w, strip.h};
    ui_round(g, team, ui_px(g, 12), UI_PANEL);
    int ty = team.y + (team.h - px * 24 / 10) / 2;
    bool no_time = m->pub->overleg_budget > 0 && m->pub->overleg_left <= 0;
    bool low_trust = m->pub->trust <= ru->trust_low;
    ui_text(g, tl[0], team.x + ui_px(g, 20), ty, px, px, UI_BOLD, no_time ? UI_ALARM : UI_ACCENT,
            UI_LEFT, team.w - ui_px(g, 30));
    ui_text(g, tl[1], team.x + ui_px(g, 20), ty + px * 12 / 10, px, px, UI_BOLD,
            low_trust ? UI_ALARM : UI_INK, UI_LEFT, team.w - ui_px(g, 30));
    strip.w -= team_w + gap;
    int w = (strip.w - gap * (per_row - 1)) / per_row;
    int rh = (strip.h - gap * (rows - 1)) / rows;
    for (int s = 0; s < n; s++) {
        int rr = s / per_row, cc = s % per_row;
        SDL_Rect cell = {strip.x + cc * (w + gap), strip.y + rr * (rh + gap), w, rh};
        ui_round(g, cell, ui_px(g, 12), UI_PANEL);
        int chip = rows > 1 ? cell.h - ui_px(g, 12) : px * 6 / 5;
        int role = m->sc->seat_roles[s];
        int chip_w = ui_role_chip(g, m->sc, role, cell.x + ui_px(g, 8),
                                  cell.y + (cell.h - chip) / 2, chip);
        int x = cell.x + ui_px(g, 8) + chip_w + ui_px(g, 14);
        int tw = cell.x + cell.w - x - ui_px(g, 8);
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
        if (rows == 1) {
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
    int body = proj_fpx(g, T_BODY);
    int y = r.y + pad;
    ui_text(g, _("Signaal"), r.x + pad, y, body, body, UI_BOLD, UI_WARN, UI_LEFT, r.w - 2 * pad);
    y += body * 14 / 10;
    /* the signal is what the room reads now: large, in the back row's
     * body size (3% capital height), in the space the panel has */
    ui_text_role old = ui_set_text_role(g, UI_TR_BODY);
    int big = ui_rule_px(g, UI_TR_BODY);
    if (last >= 0) {
        const core_friction_def *d = &sc->frictions[m->pub->frictions[last].friction];
        int hh = proj_fpx(g, T_H1) * 13 / 10;
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
    int h2 = proj_fpx(g, T_H2), body = proj_fpx(g, T_BODY);
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

static void draw_end(ui_gfx *g, const ui_proj_model *m)
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
static void rg_signal(ui_gfx *g, const void *m, SDL_Rect a) { draw_signal_overlay(g, m, a); }
static void rg_reflection(ui_gfx *g, const void *m, SDL_Rect a)
{
    draw_reflection_overlay(g, m, a);
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
    const float lx = 32, lw = 560, mx = 608, mw = 780, rx = 1404, rw = 484;
    float pupil_h = head + 2.0f * (lh + 34.0f) + 12.0f;
    t.pupil = ui_r(g, lx, top, lw, pupil_h);
    float rest = col_h - pupil_h - 16.0f;
    float fr_h = head + proj_frictions_height(g, m, lw * g->canvas_w / 1920.0f) + 8.0f;
    /* the dossier keeps a heading and a line, the spanningen their first
       card (a title, its roles and state, an afspraak's words and the line
       below) */
    if (fr_h < head + 5.0f * lh + 30.0f)
        fr_h = head + 5.0f * lh + 30.0f;
    if (fr_h > rest - 16.0f - (head + 1.0f * lh + 8.0f))
        fr_h = rest - 16.0f - (head + 1.0f * lh + 8.0f);
    t.frictions = ui_r(g, lx, top + pupil_h + 16.0f, lw, fr_h);
    t.dossier = ui_r(g, lx, top + pupil_h + 32.0f + fr_h, lw, rest - fr_h - 16.0f);
    /* middle: the needs, two lines each; the shared goals below */
    t.mid = ui_r(g, mx, top, mw, col_h);
    int nn = m->pub->n_needs > 0 ? m->pub->n_needs : 1;
    float needs_h = head + (float)nn * (2.0f * lh + 8.0f) + 8.0f;
    float goals_min = head + 2.0f * lh;
    if (needs_h > col_h - 16.0f - goals_min)
        needs_h = col_h - 16.0f - goals_min;
    t.needs = ui_r(g, mx, top, mw, needs_h);
    t.goals = ui_r(g, mx, top + needs_h + 16.0f, mw, col_h - needs_h - 16.0f);
    t.network = ui_r(g, rx, top, rw, col_h);
    t.strip = ui_r(g, 32, strip_y, 1856, strip_h);
    return t;
}

void proj_draw_table(ui_gfx *g, const ui_proj_model *m)
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
