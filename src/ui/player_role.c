/* ui/player_role: the player screen's left column: the role card (the
 * T-shape of specialist domains and generic skills, and the role's limits)
 * and the dossier with its consent controls. */
#include "ui/player_draw_int.h"
#include "ui/player_ids.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

/* The T-shape: specialism down, generic skills across, limits below. */
void player_role_card(ui_gfx *g, const ui_player_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    int role = m->view->role;
    if (role < 0 || role >= sc->n_roles)
        return;
    const core_role_def *d = &sc->roles[role];
    char title[160];
    snprintf(title, sizeof title, _("Jouw rol: %s"), d->name);
    SDL_Rect c = player_title_panel(g, r, title);
    int body = player_fpx(g, P_BODY), small = player_fpx(g, P_SMALL);
    SDL_Color rc = ui_role_colour(d->colour);
    /* horizontal bar: generic skills */
    int y = c.y;
    SDL_Rect hbar = {c.x, y, c.w, small * 13 / 10};
    ui_round(g, hbar, ui_px(g, 8), rc);
    char skills[512] = "";
    for (int i = 0; i < d->n_skills && i < CORE_MAX_SKILLS; i++) {
        if (i)
            strncat(skills, " · ", sizeof skills - strlen(skills) - 1);
        strncat(skills, d->skills[i], sizeof skills - strlen(skills) - 1);
    }
    ui_text(g, skills, hbar.x + hbar.w / 2, hbar.y + (hbar.h - small * 12 / 10) / 2, small,
            small * 8 / 10, UI_BOLD, ui_ink_on(rc), UI_CENTER, hbar.w - ui_px(g, 16));
    y += hbar.h + ui_px(g, 4);
    /* vertical bar: specialist domains */
    int vw = c.w * 45 / 100;
    int vx = c.x + (c.w - vw) / 2;
    int n = d->n_domains > 0 ? d->n_domains : 1;
    int row = small * 12 / 10;
    SDL_Rect vbar = {vx, y, vw, row * n + ui_px(g, 6)};
    ui_round(g, vbar, ui_px(g, 8), rc);
    for (int i = 0; i < d->n_domains && i < CORE_MAX_DOMAINS; i++)
        ui_text(g, d->domains[i], vx + vw / 2, y + ui_px(g, 4) + i * row, small, small * 8 / 10,
                UI_BOLD, ui_ink_on(rc), UI_CENTER, vw - ui_px(g, 12));
    ui_text(g, _("generiek"), c.x, y + ui_px(g, 4), small, small * 8 / 10, UI_REGULAR,
            UI_INK_SOFT, UI_LEFT, (c.w - vw) / 2 - ui_px(g, 8));
    ui_text(g, _("specialist"), c.x + c.w, y + ui_px(g, 4), small, small * 8 / 10, UI_REGULAR,
            UI_INK_SOFT, UI_RIGHT, (c.w - vw) / 2 - ui_px(g, 8));
    y += vbar.h + ui_px(g, 6);
    char lim[CORE_TEXT_LEN + 32];
    snprintf(lim, sizeof lim, _("Grenzen: %s"), d->limits_text);
    SDL_Rect lb = {c.x, y, c.w, c.y + c.h - y};
    ui_text_box(g, lim, lb, small, small * 8 / 10, UI_REGULAR, UI_INK, UI_LEFT);
    (void)body;
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

/* Width of the column beside a fact (its one button). */
#define FACT_BUTTON_W 190

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
        int full = text_w + ui_px(g, FACT_BUTTON_W) + ui_px(g, 12);
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
    SDL_Rect nb = {b.x, b.y + bh + small / 8, b.w * 42 / 100, bh};
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

/* The dossier pages when its facts do not all fit: every fact can be read
 * and shared, whatever the window size. */
void player_dossier(ui_gfx *g, const ui_player_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    const char *title = m->view->role >= 0 && m->view->role < sc->n_roles &&
                                (!strcmp(sc->roles[m->view->role].id, "ouder") ||
                                 !strcmp(sc->roles[m->view->role].id, "leerling"))
                            ? _("Wat jij weet")
                            : _("Jouw dossier");
    SDL_Rect c = player_title_panel(g, r, title);
    int small = player_fpx(g, P_SMALL);
    int bw = ui_px(g, FACT_BUTTON_W);
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
    /* the pager: previous page, "2–3 van 3", next page */
    int py = c.y + c.h - pager_h + ui_px(g, 6);
    int pb = ui_px(g, 130), ph = small * 15 / 10;
    int prev = first;
    for (int used = 0; prev > 0;) {
        int h = fact_height(g, m, prev - 1, text_w, small);
        if (used + h > c.h - pager_h && prev < first)
            break;
        used += h;
        prev--;
    }
    ui_button(g, (SDL_Rect){c.x, py, pb, ph}, _("◀ Vorige"), small, false, first > 0,
              UI_ID_DOSSIER_PAGE, prev);
    char pos[64];
    if (count > 1)
        snprintf(pos, sizeof pos, _("feit %d–%d van %d"), first + 1, first + count, n);
    else
        snprintf(pos, sizeof pos, _("feit %d van %d"), first + 1, n);
    ui_text(g, pos, c.x + c.w / 2, py + (ph - small * 12 / 10) / 2, small, small * 8 / 10,
            UI_REGULAR, UI_INK_SOFT, UI_CENTER, c.w - 2 * pb - ui_px(g, 16));
    ui_button(g, (SDL_Rect){c.x + c.w - pb, py, pb, ph}, _("Volgende ▶"), small, false,
              first + count < n, UI_ID_DOSSIER_PAGE, first + count);
}

