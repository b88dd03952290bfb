/* ui/proj_frictions: the projector's spanningen panel: each open spanning
 * as a card, compact row or line, its afspraak, and what the team won. */
#include "ui/proj_int.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

/* Where a spanning stands under rules v2 (RULES.md "Afspraken"): open,
 * an afspraak proposed or made (made = a grenservaring at Uitvoering), or
 * softened this round: cards of enough involved roles, shown from the
 * reveal on (before it the cards are secret). */
typedef enum { FR_OPEN = 0, FR_PROPOSED, FR_MADE, FR_SOFTENED } friction_stand;

static friction_stand friction_state(const ui_proj_model *m, int f)
{
    const core_afspraak *a = &m->pub->afspraken[f];
    if (a->made_round > 0)
        return FR_MADE;
    if (a->proposer >= 0)
        return FR_PROPOSED;
    if (!m->pub->revealed)
        return FR_OPEN;
    const core_friction_def *d = &m->sc->frictions[f];
    uint32_t roles = 0;
    for (int s = 0; s < m->pub->n_seats && s < CORE_MAX_SEATS; s++)
        for (int k = 0; k < m->pub->revealed_n[s] && k < CORE_MAX_COMMIT; k++) {
            const core_commitment *c = &m->pub->revealed_commits[s][k];
            int role = m->sc->seat_roles[s];
            if (c->target_kind == 1 && c->target == f && role >= 0 && role < 32 &&
                (d->roles & (1u << role)))
                roles |= 1u << role;
        }
    return proj_popcount32(roles) >= d->required_roles && d->required_roles > 0 ? FR_SOFTENED
                                                                               : FR_OPEN;
}

const char *proj_afspraak_text(const core_scenario *sc, const core_afspraak *a, int f)
{
    if (f < 0 || f >= sc->n_frictions)
        return "";
    if (a->option >= 0 && a->option < sc->frictions[f].n_options && a->option < CORE_MAX_OPTIONS)
        return sc->frictions[f].options[a->option];
    return a->text;
}

/* Involved roles that agreed to the afspraak of spanning f. */
static int afspraak_roles_agreed(const ui_proj_model *m, int f)
{
    uint32_t roles = 0;
    const core_friction_def *d = &m->sc->frictions[f];
    for (int s = 0; s < m->pub->n_seats && s < CORE_MAX_SEATS; s++) {
        int role = m->sc->seat_roles[s];
        if ((m->pub->afspraken[f].agreed & (1u << s)) && role >= 0 && role < 32 &&
            (d->roles & (1u << role)))
            roles |= 1u << role;
    }
    return proj_popcount32(roles);
}

/* The state line of a spanning card; the afspraak's words in text ("" none). */
static void friction_state_line(const ui_proj_model *m, int f, const core_friction_state *fs,
                                char *state, size_t len, const char **text, SDL_Color *ink)
{
    *text = "";
    switch (friction_state(m, f)) {
    case FR_MADE:
        snprintf(state, len, "%s", _("✓ afspraak"));
        *text = proj_afspraak_text(m->sc, &m->pub->afspraken[f], f);
        *ink = UI_GOOD;
        break;
    case FR_PROPOSED:
        snprintf(state, len, _("afspraak voorgesteld · %d/%d akkoord"), afspraak_roles_agreed(m, f),
                 m->sc->frictions[f].required_roles);
        *text = proj_afspraak_text(m->sc, &m->pub->afspraken[f], f);
        *ink = UI_WARN;
        break;
    case FR_SOFTENED:
        snprintf(state, len, "%s", _("verzacht · geen verlies"));
        *ink = UI_ACCENT;
        break;
    default:
        snprintf(state, len, _("open · ernst %d"), fs->severity);
        *ink = UI_ALARM;
        break;
    }
}

/* "2 grenservaringen · innovatie: X (+1)": what the spanningen won. */
static void boundary_line(const ui_proj_model *m, char *won, size_t cap)
{
    const core_scenario *sc = m->sc;
    int nb = m->pub->n_boundary;
    int n_inn = m->pub->n_innovations;
    const char *first = "";
    if (n_inn > 0 && m->pub->innovations[0] >= 0 && m->pub->innovations[0] < sc->n_cards)
        first = sc->cards[m->pub->innovations[0]].title;
    char bcount[96];
    snprintf(bcount, sizeof bcount,
             ngettext("%d grenservaring", "%d grenservaringen", (unsigned long)(nb < 0 ? 0 : nb)),
             nb);
    if (n_inn > 1)
        snprintf(won, cap, _("%s · innovatie: %s (+%d)"), bcount, first, n_inn - 1);
    else if (n_inn == 1)
        snprintf(won, cap, _("%s · innovatie: %s"), bcount, first);
    else
        snprintf(won, cap, "%s", bcount);
}

/* One spanning's card as proj_draw_frictions lays it out, in one of three forms:
 * a full card; compact (a narrow panel: 4:3, 16:10), two lines, the title
 * and then the role chips with the state, without the afspraak's words;
 * the title alone, wrapped on two lines at a word boundary, with where
 * it stands in a word beside it (a busy table); one line, the title alone
 * (a busier one; whole on hover). */
typedef enum { FC_FULL = 0, FC_COMPACT, FC_TITLE, FC_LINE } friction_form;

typedef struct {
    int th, need;
    bool state_line;
    char state[160];
    char short_state[64]; /* compact: what fits beside the chips ("" none) */
    int title_w;          /* title-only: the title's width (beside the word, or all) */
    bool state_below;     /* title-only: the word on a line of its own */
    bool title_only, compact;
    const char *aftext;
    SDL_Color ink;
} friction_card;

/* The room a title-only card w wide leaves its title on the first line,
 * beside the word that says where the spanning stands (none: all of it). */
static int title_room(ui_gfx *g, const char *short_state, int w)
{
    int sw = 0, sh = 0;
    int tw = w - ui_px(g, 30);
    if (!short_state[0])
        return tw;
    ui_text_size(g, short_state, ui_body_min(g), UI_BOLD, &sw, &sh);
    if (sw > tw / 2)
        sw = tw / 2;
    return tw - sw - ui_px(g, 12);
}

/* Whether a title fits on one line room wide. */
static bool friction_title_fits_w(ui_gfx *g, const char *title, int room)
{
    int tw = 0, th = 0;
    ui_text_size(g, title, proj_fpx(g, T_BODY), UI_BOLD, &tw, &th);
    return tw <= room;
}

static void friction_card_measure(ui_gfx *g, const ui_proj_model *m, const core_friction_state *f,
                                  int w, friction_form form, friction_card *k)
{
    const core_scenario *sc = m->sc;
    const core_friction_def *d = &sc->frictions[f->friction];
    int body = proj_fpx(g, T_BODY), line = body * 13 / 10;
    k->ink = UI_ALARM;
    friction_state_line(m, f->friction, f, k->state, sizeof k->state, &k->aftext, &k->ink);
    k->short_state[0] = 0;
    k->title_only = form >= FC_TITLE;
    k->compact = form != FC_FULL;
    if (form != FC_FULL) {
        k->aftext = "";
        k->state_line = false;
        k->th = body * 6 / 5;
        k->need = (form == FC_LINE ? 1 : 2) * k->th + ui_px(g, 18);
        friction_stand stand = friction_state(m, f->friction);
        if (form >= FC_TITLE) {
            /* "afspraak voorgesteld", not "voorgesteld": the room reads what was proposed */
            static const char *const word[] = {N_("open"), N_("afspraak voorgesteld"),
                                               N_("✓ afspraak"), N_("verzacht")};
            snprintf(k->short_state, sizeof k->short_state, "%s", _(word[stand]));
            k->title_w = title_room(g, k->short_state, w);
            k->state_below = false;
            if (form == FC_TITLE && !friction_title_fits_w(g, d->title, k->title_w)) {
                /* the title on two lines of the whole width, the word at
                 * the end of the second where it fits, else below it */
                int tw = w - ui_px(g, 30), sw = 0, sh = 0;
                ui_text_size(g, k->short_state, ui_body_min(g), UI_BOLD, &sw, &sh);
                k->title_w = tw;
                k->state_below = ui_text_last_line_w(g, d->title, tw, body, UI_BOLD) +
                                     ui_px(g, 12) + sw >
                                 tw;
                k->th = 2 * body * 6 / 5;
                k->need = k->th + (k->state_below ? k->th / 2 : 0) + ui_px(g, 18);
            } else if (form == FC_TITLE) {
                k->need = k->th + ui_px(g, 18);
            }
        } else if (stand == FR_OPEN) {
            snprintf(k->short_state, sizeof k->short_state, _("ernst %d"), f->severity);
        } else if (stand == FR_MADE) {
            snprintf(k->short_state, sizeof k->short_state, "✓");
        }
        return;
    }
    int tw = w - ui_px(g, 30);
    k->th = ui_text_box_height(g, d->title, tw, body, UI_BOLD);
    if (k->th > body * 27 / 10)
        k->th = body * 27 / 10;
    /* an afspraak's words take one more line (ending in "…", whole on hover) */
    int aft_h = k->aftext[0] ? line : 0;
    /* the state goes beside the role chips, or on a line of its own
     * when they leave it too little room (three roles at 4:3) */
    int chips_w = 0;
    for (int ro = 0; ro < sc->n_roles && ro < 32; ro++)
        if (d->roles & (1u << ro))
            chips_w += ui_role_chip_width(g, sc, ro, body * 6 / 5) + ui_px(g, 6);
    int state_w = 0, state_h = 0;
    ui_text_size(g, k->state, ui_body_min(g), UI_BOLD, &state_w, &state_h);
    k->state_line = chips_w + ui_px(g, 12) + state_w / 3 > tw;
    k->need = k->th + line + (k->state_line ? line : 0) + aft_h + ui_px(g, 22);
}

static void friction_card_draw(ui_gfx *g, const ui_proj_model *m, const core_friction_def *d,
                               const friction_card *k, SDL_Rect c, int y)
{
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY), line = body * 13 / 10;
    int tw = c.w - ui_px(g, 30);
    SDL_Rect card = {c.x, y, c.w, k->need - ui_px(g, 10)};
    ui_round(g, card, ui_px(g, 10), (SDL_Color){0xFB, 0xEE, 0xE6, 0xFF});
    ui_fill(g, (SDL_Rect){c.x, y, ui_px(g, 8), card.h}, UI_WARN);
    if (k->title_only) {
        /* the title (on one line, or wrapped on two), and where it stands
         * in one word at the right of its last line (or below it) */
        bool two = k->th > body * 6 / 5;
        if (two)
            ui_text_box(g, d->title,
                        (SDL_Rect){c.x + ui_px(g, 20), y + ui_px(g, 6), k->title_w, k->th}, body,
                        ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT);
        else
            ui_text(g, d->title, c.x + ui_px(g, 20), y + ui_px(g, 6), body, ui_body_min(g),
                    UI_BOLD, UI_INK, UI_LEFT, k->title_w);
        int sy = y + ui_px(g, 6) + (two ? k->th / 2 : 0) + (k->state_below ? k->th / 2 : 0);
        int sw = k->state_below || !two ? tw - k->title_w - ui_px(g, 12) : tw / 2;
        if (k->state_below)
            sw = tw;
        ui_text(g, k->short_state, c.x + c.w - ui_px(g, 10), sy, body, ui_body_min(g), UI_BOLD,
                k->ink, UI_RIGHT, sw);
        return;
    }
    if (k->th > body * 13 / 10)
        ui_text_box(g, d->title, (SDL_Rect){c.x + ui_px(g, 20), y + ui_px(g, 6), tw, k->th}, body,
                    ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT);
    else /* one line: ends in "…" even where its first word alone is too wide */
        ui_text(g, d->title, c.x + ui_px(g, 20), y + ui_px(g, 6), body, ui_body_min(g), UI_BOLD,
                UI_INK, UI_LEFT, tw);
    /* involved roles as chips, severity in words */
    int cx = c.x + ui_px(g, 20);
    int chip = body * 6 / 5;
    int cy = y + ui_px(g, 6) + k->th + ui_px(g, 2);
    for (int ro = 0; ro < sc->n_roles && ro < 32; ro++)
        if (d->roles & (1u << ro))
            cx += ui_role_chip(g, sc, ro, cx, cy, chip) + ui_px(g, 6);
    if (k->state_line) {
        cy += line;
        ui_text(g, k->state, c.x + ui_px(g, 20), cy, body, ui_body_min(g), UI_BOLD, k->ink,
                UI_LEFT, tw);
    } else {
        int sx = cx + ui_px(g, 6), room = c.x + c.w - ui_px(g, 10) - sx;
        /* beside three chips at 4:3 the state's last word (the severity)
         * alone, or nothing: the card's colour says it is open */
        const char *st = k->state;
        int sw = 0, sh = 0;
        ui_text_size(g, st, ui_body_min(g), UI_BOLD, &sw, &sh);
        if (sw > room && k->short_state[0]) {
            st = k->short_state;
            ui_text_size(g, st, ui_body_min(g), UI_BOLD, &sw, &sh);
        }
        /* cut with "…" only where that leaves a word to read */
        if (!k->compact || sw <= room || room >= body * 3)
            ui_text(g, st, c.x + c.w - ui_px(g, 10), cy, body, ui_body_min(g), UI_BOLD, k->ink,
                    UI_RIGHT, room);
    }
    if (k->aftext[0]) {
        char words[CORE_ANSWER_LEN + 8];
        snprintf(words, sizeof words, "“%s”", k->aftext);
        ui_text(g, words, c.x + ui_px(g, 20), cy + line, body, ui_body_min(g), UI_REGULAR, UI_INK,
                UI_LEFT, tw);
    }
}

/* "+ N ..." beside a panel's heading, in what the heading leaves; the
 * short form ("+N") when the words do not fit there, nothing when neither
 * does. Returns whether one fits (drawn only when draw). */
bool proj_more_beside_heading(ui_gfx *g, SDL_Rect r, const char *heading, const char *more,
                              const char *plus, bool draw)
{
    int body = proj_fpx(g, T_BODY);
    int hw = 0, hh = 0, mw = 0;
    ui_text_size(g, heading, proj_fpx(g, T_LABEL), UI_BOLD, &hw, &hh);
    int room = r.w - 2 * proj_panel_pad(g) - hw - ui_px(g, 12);
    ui_text_size(g, more, body, UI_REGULAR, &mw, &hh);
    if (room < mw) {
        more = plus;
        ui_text_size(g, more, body, UI_REGULAR, &mw, &hh);
    }
    if (room >= mw && draw)
        ui_text(g, more, r.x + r.w - proj_panel_pad(g), r.y + ui_px(g, 18), body, body,
                UI_REGULAR, UI_INK_SOFT, UI_RIGHT, room);
    return room >= mw;
}

/* "+ N meer" for the spanningen that do not fit and found no line of their
 * own: at the right of the won line when there is one (its width shrinks),
 * else beside the panel's heading ("+N" when the words do not fit there).
 * Returns the width the won line keeps. */
static int frictions_more(ui_gfx *g, SDL_Rect r, SDL_Rect c, int won_y, int left)
{
    int body = proj_fpx(g, T_BODY);
    char more[64];
    int mw = 0, hh = 0;
    snprintf(more, sizeof more, _("+ %d meer"), left);
    ui_text_size(g, more, body, UI_REGULAR, &mw, &hh);
    if (won_y >= 0) {
        ui_text(g, more, c.x + c.w, won_y, body, body, UI_REGULAR, UI_INK_SOFT, UI_RIGHT, c.w / 2);
        return c.w - (mw < c.w / 2 ? mw : c.w / 2) - ui_px(g, 12);
    }
    char plus[16];
    snprintf(plus, sizeof plus, "+%d", left);
    proj_more_beside_heading(g, r, _("Spanningen"), more, plus, true);
    return c.w;
}

static bool any_open(const ui_proj_model *m)
{
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++)
        if (m->pub->frictions[i].active)
            return true;
    return false;
}

/* The open spanningen from y down to bottom, full cards or compact rows;
 * returns how many fit (and draws them, with the "+ N meer", when draw). */
static int friction_rows(ui_gfx *g, const ui_proj_model *m, SDL_Rect c, int bottom,
                         friction_form form, bool draw, int *left_out)
{
    *left_out = 0;
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY);
    int y = c.y, shown = 0;
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        const core_friction_state *f = &m->pub->frictions[i];
        if (!f->active || f->friction < 0 || f->friction >= sc->n_frictions)
            continue;
        friction_card k;
        friction_card_measure(g, m, f, c.w, form, &k);
        /* the open spanningen from this one on (resolved ones are not listed) */
        int left = 0;
        for (int j = i; j < m->pub->n_frictions_out && j < CORE_MAX_FRICTIONS; j++)
            left += m->pub->frictions[j].active ? 1 : 0;
        int more_h = left > 1 && shown > 0 ? body * 13 / 10 : 0;
        if (y + k.need + more_h > bottom && shown == 0 && k.th > body * 13 / 10) {
            /* the first card is shown even in a small panel: its title on
             * one line, ending in "…" (whole on hover) */
            k.need -= k.th - body * 13 / 10;
            k.th = body * 13 / 10;
        }
        if (y + k.need + more_h > bottom) {
            char more[64];
            snprintf(more, sizeof more, _("+ %d meer"), left);
            if (y + body * 13 / 10 > bottom)
                *left_out = left; /* no line of its own: the caller places it */
            else if (draw)
                ui_text(g, more, c.x, y, body, body, UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
            break;
        }
        if (draw)
            friction_card_draw(g, m, &sc->frictions[f->friction], &k, c, y);
        y += k.need;
        shown++;
    }
    if (draw && shown == 0 && y == c.y && *left_out == 0 && !any_open(m))
        ui_text_box(g, _("Geen open spanningen."), (SDL_Rect){c.x, y, c.w, body * 2}, body,
                    ui_body_min(g), UI_REGULAR, UI_INK_SOFT, UI_LEFT);
    return shown;
}

/* Whether form ends any of the first n open spanningen's titles in "…"
 * in a panel whose content is w wide and avail high. */
static bool titles_cut(ui_gfx *g, const ui_proj_model *m, int w, int avail, friction_form form,
                       int n)
{
    bool first = true;
    const core_scenario *sc = m->sc;
    int body = proj_fpx(g, T_BODY);
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS && n > 0; i++) {
        const core_friction_state *f = &m->pub->frictions[i];
        if (!f->active || f->friction < 0 || f->friction >= sc->n_frictions)
            continue;
        n--;
        friction_card k;
        friction_card_measure(g, m, f, w, form, &k);
        if (first && k.need > avail && k.th > body * 13 / 10)
            return true; /* the first card squeezed to one line (friction_rows) */
        first = false;
        const char *title = sc->frictions[f->friction].title;
        int room = form >= FC_TITLE ? k.title_w : w - ui_px(g, 30);
        int lines = form == FC_FULL || form == FC_TITLE ? k.th / (body * 6 / 5) : 1;
        if (ui_text_box_height(g, title, room, body, UI_BOLD) > lines * body * 13 / 10 ||
            (lines == 1 && !friction_title_fits_w(g, title, room)))
            return true;
    }
    return false;
}

/* The height the first open spanning takes as a title-only card (its
 * title whole on up to two lines); 0 when none is open. */
static int first_title_need(ui_gfx *g, const ui_proj_model *m, int w)
{
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        const core_friction_state *f = &m->pub->frictions[i];
        if (!f->active || f->friction < 0 || f->friction >= m->sc->n_frictions)
            continue;
        friction_card k;
        friction_card_measure(g, m, f, w, FC_TITLE, &k);
        return k.need;
    }
    return 0;
}

void proj_draw_frictions(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
{
    SDL_Rect c = proj_panel_with_title(g, r, _("Spanningen"));
    int body = proj_fpx(g, T_BODY);
    /* the bottom lines: boundary experiences won and the team's innovations */
    char won[320];
    int nb = m->pub->n_boundary;
    boundary_line(m, won, sizeof won);
    /* nothing won yet: the line gives its room to the spanningen */
    int won_h = nb > 0 || m->pub->n_innovations > 0 ? ui_text_box_height(g, won, c.w, body, UI_BOLD)
                                                    : 0;
    /* two lines at most, one in a small panel (ending in "…", whole on hover) */
    int won_max = c.h < body * 8 ? body * 13 / 10 : body * 26 / 10;
    if (won_h > won_max)
        won_h = won_max;
    int bottom = c.y + c.h - won_h;
    int left = 0;
    /* a panel too small for the first title whole in two lines (4:3)
     * gives it the won line's room: the titles are what the team works on */
    if (won_h > 0 && first_title_need(g, m, c.w) > bottom - c.y &&
        first_title_need(g, m, c.w) <= c.h) {
        won_h = 0;
        bottom = c.y + c.h;
    }
    /* the fullest form that shows the most spanningen */
    friction_form form = FC_FULL;
    int open = 0;
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++)
        open += m->pub->frictions[i].active ? 1 : 0;
    /* a form that shows titles whole before one that shows more of them
     * ending in "…" ("+ N meer" counts the others); then the most
     * spanningen; then the fullest */
    int most = friction_rows(g, m, c, bottom, FC_FULL, false, &left);
    bool cut = most == 0 || titles_cut(g, m, c.w, bottom - c.y, FC_FULL, most);
    for (friction_form f = FC_COMPACT; f <= FC_LINE && (most < open || cut); f++) {
        int n = friction_rows(g, m, c, bottom, f, false, &left);
        bool f_cut = n == 0 || titles_cut(g, m, c.w, bottom - c.y, f, n);
        if ((cut && !f_cut) || (cut == f_cut && n > most)) {
            most = n;
            form = f;
            cut = f_cut;
        }
    }
    friction_rows(g, m, c, bottom, form, true, &left);
    int won_w = left > 0 ? frictions_more(g, r, c, won_h > 0 ? bottom : -1, left) : c.w;
    if (won_h <= body * 13 / 10 && won_h > 0) /* one line: cut at the end, not at a word */
        ui_text(g, won, c.x, bottom, body, ui_body_min(g), UI_BOLD, nb > 0 ? UI_GOOD : UI_INK_SOFT,
                UI_LEFT, won_w);
    else if (won_h > 0)
        ui_text_box(g, won, (SDL_Rect){c.x, bottom, won_w, won_h}, body, ui_body_min(g), UI_BOLD,
                    nb > 0 ? UI_GOOD : UI_INK_SOFT, UI_LEFT);
}

/* Design units the open spanningen take in a panel w units wide (as
 * proj_draw_frictions lays them out), the line below them included. */
float proj_frictions_height(ui_gfx *g, const ui_proj_model *m, float w_units)
{
    int body = ui_body_min(g);
    int tw = (int)(w_units * g->u) - 2 * proj_panel_pad(g) - ui_px(g, 30);
    int h = m->pub->n_boundary > 0 || m->pub->n_innovations > 0 ? body * 13 / 10 : 0; /* the grenservaringen line */
    int shown = 0;
    for (int i = 0; i < m->pub->n_frictions_out && i < CORE_MAX_FRICTIONS; i++) {
        const core_friction_state *f = &m->pub->frictions[i];
        if (!f->active || f->friction < 0 || f->friction >= m->sc->n_frictions)
            continue;
        int th = ui_text_box_height(g, m->sc->frictions[f->friction].title, tw, body, UI_BOLD);
        if (th > body * 27 / 10)
            th = body * 27 / 10;
        bool afspraak = m->pub->afspraken[f->friction].proposer >= 0 ||
                        m->pub->afspraken[f->friction].made_round > 0;
        h += th + body * 13 / 10 + (afspraak ? body * 13 / 10 : 0) + ui_px(g, 22);
        shown++;
    }
    if (shown == 0)
        h += body * 2;
    return (float)h / g->u;
}
