/* ui/player_role: the player screen's left column: the role card (the
 * T-shape of specialist domains and generic skills, and the role's limits)
 * and the dossier with its consent controls. */
#include "ui/player_draw_int.h"
#include "ui/player_ids.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

/* The dossier's title: what a parent or the pupil knows is not a file. */
static const char *dossier_title(const ui_player_model *m)
{
    const core_scenario *sc = m->sc;
    int role = m->view->role;
    bool own = role >= 0 && role < sc->n_roles &&
               (!strcmp(sc->roles[role].id, "ouder") || !strcmp(sc->roles[role].id, "leerling"));
    return own ? _("Wat jij weet") : _("Jouw dossier");
}

/* Which of the two a low screen shows: the player's choice, else the
 * dossier while the table talks and a fact is still to share, the role
 * card otherwise (its domains pick a card in Inzet). */
int player_left_tab(const ui_player_model *m)
{
    if (m->left_tab == 1 || m->left_tab == 2)
        return m->left_tab;
    const core_public_view *p = &m->view->pub;
    if (p->phase == CORE_PHASE_OVERLEG)
        return 2;
    if (p->phase != CORE_PHASE_IDENTITEIT)
        return 1;
    for (int i = 0; i < m->view->dossier_n && i < CORE_MAX_FACTS; i++) {
        int f = m->view->dossier[i];
        if (f >= 0 && f < m->sc->n_facts && !p->fact_shared[f])
            return 2; /* something to share: the table asks for it now */
    }
    return 1;
}

/* A panel with the role card and the dossier as two tabs in its title row
 * (tab 1 or 2 shown); returns the content rectangle as player_title_panel. */
static SDL_Rect left_tabs_panel(ui_gfx *g, const ui_player_model *m, SDL_Rect r, int shown)
{
    SDL_Rect c = player_title_panel(g, r, "");
    int pad = ui_px(g, 20), px = player_fpx(g, P_BODY);
    const char *label[2] = {_("Jouw rol"), dossier_title(m)};
    int x = r.x + pad;
    for (int t = 0; t < 2; t++) {
        int tw = 0, th = 0;
        ui_text_size(g, label[t], px, UI_BOLD, &tw, &th);
        SDL_Rect tab = {x - ui_px(g, 8), r.y + pad / 4, tw + ui_px(g, 16), c.y - r.y - pad / 4};
        bool on = shown == t + 1;
        if (!on) {
            ui_round(g, tab, ui_px(g, 8), ui_hover(g, tab) ? UI_PANEL_ALT : UI_PANEL);
            ui_round_outline(g, tab, ui_px(g, 8), ui_px(g, 2), UI_LINE);
            ui_hit_add(g, tab, PLAYER_ID_LEFT_TAB, t + 1);
        } else {
            ui_fill(g, (SDL_Rect){tab.x, tab.y + tab.h - ui_px(g, 4), tab.w, ui_px(g, 4)},
                    UI_ACCENT);
        }
        ui_text(g, label[t], x, r.y + pad * 3 / 4, px, px * 8 / 10, UI_BOLD,
                on ? UI_ACCENT : UI_INK_SOFT, UI_LEFT, r.x + r.w - pad - x);
        x += tw + ui_px(g, 28);
    }
    return c;
}

/* The parts of the role card at content width w: the T's bar across
 * ("generiek: skills", wrapped) and the bar down ("specialist" over the
 * domains, as wide as the widest needs), and the limits below. */
typedef struct {
    char skills[600];
    char limits[CORE_TEXT_LEN + 32];
    int small, row;
    int hbar_h;       /* the bar across */
    int vbar_w, vbar_h; /* the bar down */
    int limits_h;
} role_parts;

static bool role_parts_get(ui_gfx *g, const ui_player_model *m, int w, role_parts *p)
{
    const core_scenario *sc = m->sc;
    int role = m->view->role;
    if (role < 0 || role >= sc->n_roles)
        return false;
    const core_role_def *d = &sc->roles[role];
    p->small = player_fpx(g, P_SMALL);
    p->row = p->small * 12 / 10;
    /* the labels inside the bars: beside them they would end in "…" in a
     * narrow column */
    char list[512] = "";
    for (int i = 0; i < d->n_skills && i < CORE_MAX_SKILLS; i++) {
        if (i)
            strncat(list, " · ", sizeof list - strlen(list) - 1);
        strncat(list, d->skills[i], sizeof list - strlen(list) - 1);
    }
    snprintf(p->skills, sizeof p->skills, _("generiek: %s"), list);
    int pad = ui_px(g, 16);
    int th = ui_text_box_height(g, p->skills, w - pad, p->small, UI_BOLD);
    p->hbar_h = th + ui_px(g, 6);
    int widest = 0, tw = 0, tho = 0;
    ui_text_size(g, _("specialist"), p->small, UI_REGULAR, &widest, &tho);
    for (int i = 0; i < d->n_domains && i < CORE_MAX_DOMAINS; i++) {
        ui_text_size(g, d->domains[i], p->small, UI_BOLD, &tw, &tho);
        widest = tw > widest ? tw : widest;
    }
    p->vbar_w = widest + ui_px(g, 28);
    if (p->vbar_w < w * 45 / 100)
        p->vbar_w = w * 45 / 100;
    if (p->vbar_w > w)
        p->vbar_w = w;
    p->vbar_h = p->row * (1 + d->n_domains) + ui_px(g, 6);
    snprintf(p->limits, sizeof p->limits, _("Grenzen: %s"), d->limits_text);
    p->limits_h = ui_text_box_height(g, p->limits, w, p->small, UI_REGULAR);
    return true;
}

/* Content height of the card: the T with the limits below it, or, side
 * by side, the bar down at the left and the limits beside it. */
static int role_content_height(ui_gfx *g, const role_parts *p, int w, bool side)
{
    if (!side)
        return p->hbar_h + ui_px(g, 4) + p->vbar_h + ui_px(g, 6) + p->limits_h;
    int lw = w - p->vbar_w - ui_px(g, 12);
    if (lw < w * 45 / 100)
        return 1 << 20; /* too narrow beside the T: the limits would wrap a word a line */
    int lh = ui_text_box_height(g, p->limits, lw, p->small, UI_REGULAR);
    return p->hbar_h + ui_px(g, 4) + (lh > p->vbar_h ? lh : p->vbar_h);
}

int player_role_card_height(ui_gfx *g, const ui_player_model *m, int w, bool side)
{
    role_parts p;
    int cw = w - 2 * ui_px(g, 20);
    if (!role_parts_get(g, m, cw, &p))
        return 0;
    return player_panel_height(g, role_content_height(g, &p, cw, side));
}

/* The T-shape: specialism down, generic skills across, limits below. */
void player_role_card(ui_gfx *g, const ui_player_model *m, SDL_Rect r, bool tabbed)
{
    const core_role_def *d = &m->sc->roles[m->view->role >= 0 ? m->view->role : 0];
    char title[160];
    snprintf(title, sizeof title, _("Jouw rol: %s"), d->name);
    SDL_Rect c = tabbed ? left_tabs_panel(g, m, r, 1) : player_title_panel(g, r, title);
    role_parts p;
    if (!role_parts_get(g, m, c.w, &p))
        return;
    int small = p.small;
    SDL_Color rc = ui_role_colour(d->colour), ink = ui_ink_on(rc);
    int y = c.y;
    SDL_Rect hbar = {c.x, y, c.w, p.hbar_h};
    ui_round(g, hbar, ui_px(g, 8), rc);
    ui_text_box(g, p.skills, (SDL_Rect){c.x + ui_px(g, 8), y + ui_px(g, 3), c.w - ui_px(g, 16),
                                        p.hbar_h - ui_px(g, 6)},
                small, small * 8 / 10, UI_BOLD, ink, UI_CENTER);
    y += hbar.h + ui_px(g, 4);
    /* too low for the T with the limits under it: the limits beside it */
    bool side = role_content_height(g, &p, c.w, false) > c.h;
    int vx = side ? c.x : c.x + (c.w - p.vbar_w) / 2;
    ui_round(g, (SDL_Rect){vx, y, p.vbar_w, p.vbar_h}, ui_px(g, 8), rc);
    ui_text(g, _("specialist"), vx + p.vbar_w / 2, y + ui_px(g, 3), small, small * 8 / 10,
            UI_REGULAR, ink, UI_CENTER, p.vbar_w - ui_px(g, 12));
    for (int i = 0; i < d->n_domains && i < CORE_MAX_DOMAINS; i++)
        ui_text(g, d->domains[i], vx + p.vbar_w / 2, y + ui_px(g, 3) + (i + 1) * p.row, small,
                small * 8 / 10, UI_BOLD, ink, UI_CENTER, p.vbar_w - ui_px(g, 12));
    SDL_Rect lb = {c.x, y + p.vbar_h + ui_px(g, 6), c.w, c.y + c.h - y - p.vbar_h - ui_px(g, 6)};
    if (side)
        lb = (SDL_Rect){vx + p.vbar_w + ui_px(g, 12), y, c.w - p.vbar_w - ui_px(g, 12),
                        c.y + c.h - y};
    ui_text_box(g, p.limits, lb, small, small * 8 / 10, UI_REGULAR, UI_INK, UI_LEFT);
}

/* A sensitive fact of a holder who may not consent itself, not shared and
 * without consent: the holder asks first (or shares at a cost). */
static bool needs_consent(const ui_player_model *m, int f)
{
    const core_public_view *p = &m->view->pub;
    return m->sc->facts[f].sensitive && !p->fact_shared[f] && p->fact_consent[f] != 2 &&
           !player_role_consents(m->sc, m->view->role);
}

/* The fact's text as shown: sensitive facts and the pupil's words marked. */
static void fact_shown(const ui_player_model *m, int f, char *out, size_t cap)
{
    const core_fact_def *d = &m->sc->facts[f];
    if (d->sensitive)
        snprintf(out, cap, _("Gevoelig: %s"), d->text);
    else if (d->pupil_voice)
        snprintf(out, cap, _("Stem van de leerling: %s"), d->text);
    else
        snprintf(out, cap, "%s", d->text);
}

/* Width of the column beside a fact: its one button ("Delen") or the
 * "✓ gedeeld" mark, as wide as the wider needs. */
static int fact_button_w(ui_gfx *g)
{
    int small = player_fpx(g, P_SMALL), w1 = 0, w2 = 0, h = 0;
    ui_text_size(g, _("Delen"), small, UI_BOLD, &w1, &h);
    ui_text_size(g, _("✓ gedeeld"), small, UI_BOLD, &w2, &h);
    return (w1 > w2 ? w1 : w2) + small;
}

/* Height of the consent row under a fact that needs it: the two buttons
 * and what sharing without consent costs. */
static int consent_row_height(int small)
{
    return small * 16 / 10 + small / 8 + small * 25 / 10; /* ask; share anyway + its cost */
}

/* Height of one dossier fact in the panel: its wrapped text beside its
 * button, or over the consent row. */
static int fact_height(ui_gfx *g, const ui_player_model *m, int i, int text_w, int small)
{
    int f = m->view->dossier[i];
    if (f < 0 || f >= m->sc->n_facts)
        return 0;
    char txt[CORE_TEXT_LEN + 64];
    fact_shown(m, f, txt, sizeof txt);
    if (needs_consent(m, f)) {
        int full = text_w + fact_button_w(g) + ui_px(g, 12);
        return ui_text_box_height(g, txt, full, small, UI_REGULAR) + ui_px(g, 6) +
               consent_row_height(small) + ui_px(g, 12);
    }
    int th = ui_text_box_height(g, txt, text_w, small, UI_REGULAR);
    int bh = small * 16 / 10;
    return (th > bh ? th : bh) + ui_px(g, 12);
}

/* The buttons beside one fact: share, or ask consent first (RULES.md:
 * consent); sharing without it stays possible, with its cost said. */
static void fact_controls(ui_gfx *g, const ui_player_model *m, int f, SDL_Rect b, int small,
                          bool can_share)
{
    const core_public_view *p = &m->view->pub;
    int bh = b.h;
    if (p->fact_shared[f]) {
        ui_text(g, _("✓ gedeeld"), b.x + b.w / 2, b.y + (bh - small * 12 / 10) / 2, small,
                small * 8 / 10, UI_BOLD, UI_GOOD, UI_CENTER, b.w);
        return;
    }
    if (!needs_consent(m, f)) {
        ui_button(g, b, _("Delen"), small, false, can_share, UI_ID_SHARE_FACT, f);
        return;
    }
    /* b is the whole width here: ask (or wait) over it, then share anyway
     * with what that costs beside it */
    SDL_Rect ab = {b.x, b.y, b.w, bh};
    if (p->fact_consent[f] == 1)
        ui_text(g, _("wacht op toestemming"), ab.x + ab.w / 2, b.y + (bh - small * 12 / 10) / 2,
                small, small * 8 / 10, UI_BOLD, UI_INK_SOFT, UI_CENTER, ab.w);
    else
        ui_button(g, ab,
                  p->fact_consent[f] == 3 ? _("Geweigerd: opnieuw vragen")
                                          : _("Vraag toestemming"),
                  small, true, can_share, PLAYER_ID_ASK_CONSENT, f);
    int lw = 0, lh = 0;
    ui_text_size(g, _("Toch delen"), small, UI_BOLD, &lw, &lh);
    SDL_Rect nb = {b.x, b.y + bh + small / 8, lw + bh / 3 + ui_px(g, 16), bh};
    ui_button(g, nb, _("Toch delen"), small, false, can_share, PLAYER_ID_SHARE_NO_CONSENT, f);
    int wx = nb.x + nb.w + ui_px(g, 10);
    ui_text_box(g, _("kost welbevinden en vertrouwen"),
                (SDL_Rect){wx, nb.y - small / 8, b.x + b.w - wx, small * 25 / 10}, small, small,
                UI_REGULAR, UI_ALARM, UI_LEFT);
}

/* The facts from `first` that fit in `avail` pixels (at least one). */
static int facts_fitting(ui_gfx *g, const ui_player_model *m, int first, int avail, int text_w,
                         int small)
{
    int n = m->view->dossier_n < CORE_MAX_FACTS ? m->view->dossier_n : CORE_MAX_FACTS;
    int used = 0, k = 0;
    for (int i = first; i < n; i++) {
        int h = fact_height(g, m, i, text_w, small);
        if (k > 0 && used + h > avail)
            break;
        used += h;
        k++;
    }
    return k;
}

/* The dossier's height for its tallest fact (and the pager when there
 * are more): every fact can be read whole on its page. */
int player_dossier_min_height(ui_gfx *g, const ui_player_model *m, int w)
{
    int small = player_fpx(g, P_SMALL);
    int text_w = w - 2 * ui_px(g, 20) - fact_button_w(g) - ui_px(g, 12);
    int n = m->view->dossier_n < CORE_MAX_FACTS ? m->view->dossier_n : CORE_MAX_FACTS;
    int tallest = small * 13 / 10;
    for (int i = 0; i < n; i++) {
        int h = fact_height(g, m, i, text_w, small);
        tallest = h > tallest ? h : tallest;
    }
    return player_panel_height(g, tallest + (n > 1 ? small * 15 / 10 + ui_px(g, 6) : 0));
}

/* The dossier's pager under the facts first..first+count: previous page,
 * "feit 2–3 van 3", next page. */
static void dossier_pager(ui_gfx *g, const ui_player_model *m, SDL_Rect c, int first, int count,
                          int pager_h)
{
    int small = player_fpx(g, P_SMALL);
    int text_w = c.w - fact_button_w(g) - ui_px(g, 12);
    int n = m->view->dossier_n < CORE_MAX_FACTS ? m->view->dossier_n : CORE_MAX_FACTS;
    /* the pager: previous page, "2–3 van 3", next page */
    int py = c.y + c.h - pager_h + ui_px(g, 6);
    int ph = small * 15 / 10;
    int prev = first;
    for (int used = 0; prev > 0;) {
        int h = fact_height(g, m, prev - 1, text_w, small);
        if (used + h > c.h - pager_h && prev < first)
            break;
        used += h;
        prev--;
    }
    char pos[64];
    if (count > 1)
        snprintf(pos, sizeof pos, _("feit %d–%d van %d"), first + 1, first + count, n);
    else
        snprintf(pos, sizeof pos, _("feit %d van %d"), first + 1, n);
    /* the buttons say "Vorige" and "Volgende" where all three fit, else
     * only their arrows */
    const char *back = _("◀ Vorige"), *next = _("Volgende ▶");
    int w1 = 0, w2 = 0, w3 = 0, th = 0;
    ui_text_size(g, back, small, UI_BOLD, &w1, &th);
    ui_text_size(g, next, small, UI_BOLD, &w2, &th);
    ui_text_size(g, pos, small, UI_REGULAR, &w3, &th);
    if ((w1 > w2 ? w1 : w2) * 2 + 2 * ph / 3 + w3 + ui_px(g, 32) > c.w) {
        back = "◀";
        next = "▶";
    }
    ui_text_size(g, back, small, UI_BOLD, &w1, &th);
    ui_text_size(g, next, small, UI_BOLD, &w2, &th);
    int pb = (w1 > w2 ? w1 : w2) + ph / 3 + ui_px(g, 16);
    ui_button(g, (SDL_Rect){c.x, py, pb, ph}, back, small, false, first > 0, UI_ID_DOSSIER_PAGE,
              prev);
    ui_text(g, pos, c.x + c.w / 2, py + (ph - small * 12 / 10) / 2, small, small * 8 / 10,
            UI_REGULAR, UI_INK_SOFT, UI_CENTER, c.w - 2 * pb - ui_px(g, 16));
    ui_button(g, (SDL_Rect){c.x + c.w - pb, py, pb, ph}, next, small, false, first + count < n,
              UI_ID_DOSSIER_PAGE, first + count);
}

/* The dossier pages when its facts do not all fit: every fact can be read
 * and shared, whatever the window size. */
void player_dossier(ui_gfx *g, const ui_player_model *m, SDL_Rect r, bool tabbed)
{
    const core_scenario *sc = m->sc;
    SDL_Rect c = tabbed ? left_tabs_panel(g, m, r, 2) : player_title_panel(g, r, dossier_title(m));
    int small = player_fpx(g, P_SMALL);
    int bw = fact_button_w(g);
    int text_w = c.w - bw - ui_px(g, 12);
    int n = m->view->dossier_n < CORE_MAX_FACTS ? m->view->dossier_n : CORE_MAX_FACTS;
    if (n <= 0) {
        ui_text(g, _("Je rol heeft geen dossierfeiten."), c.x, c.y, small, small, UI_REGULAR,
                UI_INK_SOFT, UI_LEFT, c.w);
        return;
    }
    int first = 0, count = facts_fitting(g, m, 0, c.h, text_w, small);
    int pager_h = 0;
    if (count < n) {
        pager_h = small * 15 / 10 + ui_px(g, 6);
        first = m->dossier_first < 0 ? 0 : (m->dossier_first >= n ? n - 1 : m->dossier_first);
        count = facts_fitting(g, m, first, c.h - pager_h, text_w, small);
    }
    int y = c.y;
    bool can_share = m->view->pub.phase >= CORE_PHASE_IDENTITEIT &&
                     m->view->pub.phase < CORE_PHASE_END;
    for (int i = first; i < first + count; i++) {
        int f = m->view->dossier[i];
        if (f < 0 || f >= sc->n_facts)
            continue;
        bool shared = m->view->pub.fact_shared[f];
        int h = fact_height(g, m, i, text_w, small) - ui_px(g, 12);
        int bh = small * 16 / 10;
        int avail = c.y + c.h - pager_h - y;
        char txt[CORE_TEXT_LEN + 64];
        fact_shown(m, f, txt, sizeof txt);
        if (needs_consent(m, f)) {
            /* the text over the whole width, the consent row under it */
            int rowh = consent_row_height(small);
            int th = h - rowh - ui_px(g, 6);
            SDL_Rect tb = {c.x, y, c.w, th < avail ? th : avail};
            ui_text_box(g, txt, tb, small, small * 8 / 10, UI_REGULAR, UI_INK, UI_LEFT);
            fact_controls(g, m, f, (SDL_Rect){c.x, y + th + ui_px(g, 6), c.w, bh}, small,
                          can_share);
        } else {
            SDL_Rect tb = {c.x, y, text_w, h < avail ? h : avail};
            ui_text_box(g, txt, tb, small, small * 8 / 10, UI_REGULAR,
                        shared ? UI_INK_SOFT : UI_INK, UI_LEFT);
            fact_controls(g, m, f, (SDL_Rect){c.x + c.w - bw, y, bw, bh}, small, can_share);
        }
        y += h + ui_px(g, 12);
    }
    if (!pager_h)
        return;
    dossier_pager(g, m, c, first, count, pager_h);
}

