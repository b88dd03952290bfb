/* ui/player_hand: the player's own cards along the bottom (committed
 * ones marked, number keys pick them) and the reflection fan's question
 * with its answers. */
#include "ui/player_draw_int.h"
#include "ui/player_ids.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

/* The sizes of one card's parts: a card is as high as its tallest
 * title and meta line need (see hand_card_height). */
typedef struct {
    int small;  /* text size */
    int pad;    /* inner margin */
    int badge;  /* diameter of the strength badge */
    int head;   /* the role-coloured strip on top */
    int tag;    /* height of the "✓ ingezet" tag over the card's top edge */
} card_metrics;

static card_metrics card_sizes(ui_gfx *g)
{
    card_metrics k;
    k.small = player_fpx(g, P_SMALL);
    k.pad = ui_px(g, 12);
    k.badge = k.small * 16 / 10;
    k.head = ui_px(g, 10);
    k.tag = k.small * 13 / 10;
    return k;
}

/* Under the title: the domain and the kind of knowledge ("welbevinden ·
 * professioneel"), or what a generic card does. */
static void card_meta(const core_card_def *d, char *out, size_t cap)
{
    static const char *const kinds[CORE_KIND_COUNT] = {N_("wetenschappelijk"),
                                                       N_("professioneel"), N_("ervaring")};
    const char *kind = (d->kind >= 0 && d->kind < CORE_KIND_COUNT) ? _(kinds[d->kind]) : "?";
    if (d->type == CORE_CARD_GENERIC)
        snprintf(out, cap, "%s", _("generiek: helpt een ander"));
    else if (d->type == CORE_CARD_EXPERTISE && d->domain[0])
        snprintf(out, cap, "%s · %s", d->domain, kind);
    else
        snprintf(out, cap, "%s", kind);
}

/* Height one card of width cw needs to show its title and meta line whole
 * (wrapped at word boundaries). */
static int card_needed_height(ui_gfx *g, const core_scenario *sc, int card, int cw)
{
    if (card < 0 || card >= sc->n_cards)
        return 0;
    card_metrics k = card_sizes(g);
    const core_card_def *d = &sc->cards[card];
    int th = ui_text_box_height(g, d->title, cw - 2 * k.pad, k.small, UI_BOLD);
    char meta[CORE_TITLE_LEN + 64];
    card_meta(d, meta, sizeof meta);
    int mh = ui_text_box_height(g, meta, cw - 3 * k.pad - k.badge, k.small, UI_REGULAR);
    return k.head + ui_px(g, 6) + th + ui_px(g, 2) + (mh > k.badge ? mh : k.badge) + k.pad / 2;
}

static void card_face(ui_gfx *g, const core_scenario *sc, int card, SDL_Rect r, bool selected,
                      bool committed)
{
    if (card < 0 || card >= sc->n_cards)
        return;
    const core_card_def *d = &sc->cards[card];
    card_metrics k = card_sizes(g);
    SDL_Color band = d->type == CORE_CARD_INNOVATION ? UI_GOOD
                     : (d->role >= 0 && d->role < sc->n_roles)
                         ? ui_role_colour(sc->roles[d->role].colour)
                         : UI_LINE;
    SDL_Rect sh = {r.x, r.y + ui_px(g, 3), r.w, r.h};
    ui_round(g, sh, ui_px(g, 12), UI_SHADOW);
    ui_round(g, r, ui_px(g, 12), committed ? UI_PANEL_ALT : UI_PANEL);
    SDL_Rect b = {r.x, r.y, r.w, k.head};
    ui_round(g, b, ui_px(g, 5), band);
    if (selected)
        ui_round_outline(g, r, ui_px(g, 12), ui_px(g, 5), UI_ACCENT);
    int top = r.y + k.head + ui_px(g, 6);
    /* the title over the whole width; under it the domain and kind, with
     * the strength (or boost) as a number badge at their right */
    int th = ui_text_box_height(g, d->title, r.w - 2 * k.pad, k.small, UI_BOLD);
    int my = top + th + ui_px(g, 2);
    SDL_Rect tb = {r.x + k.pad, top, r.w - 2 * k.pad, my - top};
    ui_text_box(g, d->title, tb, k.small, k.small * 7 / 10, UI_BOLD, UI_INK, UI_LEFT);
    char num[16];
    if (d->type == CORE_CARD_GENERIC)
        snprintf(num, sizeof num, "+%d", d->boost);
    else
        snprintf(num, sizeof num, "%d", d->strength);
    float bx = (float)(r.x + r.w - k.pad - k.badge / 2), byy = (float)(my + k.badge / 2);
    ui_circle(g, bx, byy, (float)k.badge / 2.0f, band);
    int nw = 0, nh = 0;
    ui_text_size(g, num, k.small, UI_BOLD, &nw, &nh);
    ui_text(g, num, (int)bx, (int)byy - nh / 2, k.small, k.small * 7 / 10, UI_BOLD,
            ui_ink_on(band), UI_CENTER, k.badge);
    char meta[CORE_TITLE_LEN + 64];
    card_meta(d, meta, sizeof meta);
    SDL_Rect mb = {r.x + k.pad, my, r.w - 3 * k.pad - k.badge, r.y + r.h - k.pad / 2 - my};
    ui_text_box(g, meta, mb, k.small, k.small * 6 / 10, UI_REGULAR, UI_INK_SOFT, UI_LEFT);
    if (committed) {
        /* over the top edge, in the gap above the card: it never covers
         * the title */
        int gw = 0, tth = 0;
        ui_text_size(g, _("✓ ingezet"), k.small, UI_BOLD, &gw, &tth);
        SDL_Rect tag = {r.x + k.pad, r.y - k.tag / 2, gw + 2 * k.pad, k.tag};
        ui_round(g, tag, tag.h / 2, UI_ACCENT);
        ui_text(g, _("✓ ingezet"), tag.x + tag.w / 2, tag.y + (tag.h - k.small * 12 / 10) / 2,
                k.small, k.small, UI_BOLD, UI_WHITE, UI_CENTER, tag.w);
    }
}

static bool slot_committed(const core_seat_view *v, int slot, int *commit_slot)
{
    for (int k = 0; k < v->commit_n && k < CORE_MAX_COMMIT; k++) {
        bool inn = v->commits[k].innovation;
        int s = inn ? CORE_MAX_HAND + v->commits[k].slot : v->commits[k].slot;
        if (s == slot) {
            if (commit_slot)
                *commit_slot = k;
            return true;
        }
    }
    return false;
}

static int hand_count(const core_seat_view *v)
{
    int n = v->hand_n + v->pub.n_innovations;
    return n > CORE_MAX_HAND + CORE_MAX_INNOVATIONS ? CORE_MAX_HAND + CORE_MAX_INNOVATIONS : n;
}

static int hand_card(const core_seat_view *v, int i)
{
    return i < v->hand_n ? v->hand[i] : v->pub.innovations[i - v->hand_n];
}

/* Width of the ready column beside the hand: the count over the button,
 * each whole. */
int player_ready_width(ui_gfx *g, const ui_player_model *m)
{
    int small = player_fpx(g, P_SMALL), body = player_fpx(g, P_BODY);
    char cnt[64];
    snprintf(cnt, sizeof cnt, _("%d van %d kaarten"), m->view->commit_n, m->sc->rules.max_commit);
    int w1 = 0, w2 = 0, h = 0;
    ui_text_size(g, cnt, small, UI_BOLD, &w1, &h);
    ui_text_size(g, _("Toch wijzigen"), body, UI_BOLD, &w2, &h);
    w2 += body * 2;
    return (w1 > w2 ? w1 : w2) + ui_px(g, 8);
}

/* The hand's grid over the whole width: up to three cards a row, in two
 * rows from four cards on, so every card is wide enough for its title and
 * its domain and kind on a line or two. */
static void hand_grid(ui_gfx *g, const ui_player_model *m, int strip_w, int *cols, int *rows,
                      int *cw)
{
    int n = hand_count(m->view);
    *rows = n > 3 ? 2 : 1;
    *cols = n > 0 ? (n + *rows - 1) / *rows : 1;
    int gap = ui_px(g, 14);
    *cw = (strip_w - gap * (*cols - 1)) / *cols;
    if (*cw > ui_px(g, 640))
        *cw = ui_px(g, 640);
}

/* Height of row `row` of the grid: its tallest card's. */
static int row_height(ui_gfx *g, const ui_player_model *m, int row, int cols, int cw)
{
    int ch = 0;
    for (int i = row * cols; i < (row + 1) * cols && i < hand_count(m->view); i++) {
        int h = card_needed_height(g, m->sc, hand_card(m->view, i), cw);
        ch = h > ch ? h : ch;
    }
    return ch;
}

int player_hand_height(ui_gfx *g, const ui_player_model *m, int strip_w)
{
    int cols, rows, cw;
    hand_grid(g, m, strip_w, &cols, &rows, &cw);
    card_metrics k = card_sizes(g);
    int h = (rows - 1) * (k.tag * 55 / 100);
    for (int r = 0; r < rows; r++)
        h += row_height(g, m, r, cols, cw);
    return h;
}

/* The ready row: the count (or why the button is greyed out) beside the
 * ready button, right-aligned in r. */
void player_ready_row(ui_gfx *g, const ui_player_model *m, SDL_Rect r)
{
    const core_seat_view *v = m->view;
    const core_public_view *p = &v->pub;
    int small = player_fpx(g, P_SMALL), body = player_fpx(g, P_BODY);
    const char *label = v->ready ? _("Toch wijzigen") : _("Klaar");
    int lw = 0, lh = 0;
    ui_text_size(g, label, body, UI_BOLD, &lw, &lh);
    /* a column (beside the hand) puts the words over the button */
    bool column = r.h >= body * 4;
    SDL_Rect rb = {0, r.y, lw + body * 2, body * 2};
    if (column)
        rb = (SDL_Rect){r.x, r.y + r.h - rb.h, r.w, rb.h};
    rb.x = r.x + r.w - rb.w;
    bool phase_ready = p->phase >= CORE_PHASE_IDENTITEIT && p->phase <= CORE_PHASE_INZET;
    const char *why = NULL; /* a greyed-out button always says why */
    if (m->paused)
        why = _("gepauzeerd");
    else if (p->phase == CORE_PHASE_SIGNAAL || p->phase == CORE_PHASE_UITVOERING ||
             p->phase == CORE_PHASE_LOBBY)
        why = _("wacht op de trainer");
    else if (p->phase == CORE_PHASE_REFLECTIE)
        why = _("verstuur je antwoord");
    else if (p->phase == CORE_PHASE_END)
        why = _("het spel is voorbij");
    char cnt[64];
    if (!why && p->phase == CORE_PHASE_INZET) {
        snprintf(cnt, sizeof cnt, _("%d van %d kaarten"), v->commit_n, m->sc->rules.max_commit);
        why = cnt;
    }
    if (why) {
        /* two lines beside (or over) the button rather than a reason
         * ending in "…" */
        int tw = column ? r.w : rb.x - r.x - ui_px(g, 12);
        int th = ui_text_box_height(g, why, tw, small, UI_BOLD);
        int room = column ? rb.y - r.y - small / 4 : r.h;
        th = th < room ? th : room;
        SDL_Rect tb = {r.x, column ? rb.y - th - small / 4 : r.y + (r.h - th) / 2, tw, th};
        ui_text_box(g, why, tb, small, small * 8 / 10, UI_BOLD,
                    why == cnt ? UI_INK : UI_INK_SOFT, column ? UI_CENTER : UI_RIGHT);
    }
    if (v->ready)
        ui_button(g, rb, label, body, false, phase_ready && !m->paused, UI_ID_UNREADY, 0);
    else
        ui_button(g, rb, label, body, true, phase_ready && !m->paused, UI_ID_READY, 0);
}

void player_hand(ui_gfx *g, const ui_player_model *m, SDL_Rect strip)
{
    const core_seat_view *v = m->view;
    const core_scenario *sc = m->sc;
    int n = hand_count(v);
    int cols, rows, cw;
    hand_grid(g, m, strip.w, &cols, &rows, &cw);
    card_metrics k = card_sizes(g);
    int gap = ui_px(g, 14), vgap = k.tag * 55 / 100;
    int ch = row_height(g, m, 0, cols, cw);
    int top[2] = {strip.y, strip.y + ch + vgap}, hgt[2] = {ch, row_height(g, m, 1, cols, cw)};
    /* the last row keeps to the strip's foot (a ready column may make it
     * higher than the cards) */
    top[rows - 1] = strip.y + strip.h - hgt[rows - 1];
    int small = player_fpx(g, P_SMALL);
    if (n == 0)
        ui_text(g, _("Geen kaarten in je hand."), strip.x, strip.y, small, small, UI_REGULAR,
                UI_INK_SOFT, UI_LEFT, strip.w);
    bool commit_phase = player_can_commit(m);
    for (int i = 0; i < n; i++) {
        int slot = i < v->hand_n ? i : CORE_MAX_HAND + (i - v->hand_n);
        int cslot = -1;
        bool committed = slot_committed(v, slot, &cslot);
        bool sel = m->selected == slot;
        /* a selected card rises, within the gap above its row */
        int row = i / cols < rows ? i / cols : rows - 1;
        SDL_Rect r = {strip.x + (i % cols) * (cw + gap), top[row] - (sel ? vgap / 2 : 0), cw,
                      hgt[row]};
        if (m->drag_slot == slot)
            continue;
        card_face(g, sc, hand_card(v, i), r, sel, committed);
        if (commit_phase)
            ui_hit_add(g, r, committed ? UI_ID_COMMITTED : UI_ID_CARD, committed ? cslot : slot);
    }
    if (m->drag_slot >= 0) {
        int card = m->drag_slot < CORE_MAX_HAND
                       ? (m->drag_slot < v->hand_n ? v->hand[m->drag_slot] : -1)
                       : v->pub.innovations[m->drag_slot - CORE_MAX_HAND];
        SDL_Rect r = {m->drag_x - cw / 2, m->drag_y - ch / 2, cw, ch};
        card_face(g, sc, card, r, true, false);
    }
}

void player_reflection(ui_gfx *g, const ui_player_model *m, SDL_Rect r)
{
    const core_scenario *sc = m->sc;
    const core_public_view *p = &m->view->pub;
    SDL_Rect c = player_title_panel(g, r, _("Reflectie"));
    int body = player_fpx(g, P_BODY), small = player_fpx(g, P_SMALL);
    int rc = p->reflection_card;
    if (rc < 0 || rc >= sc->n_reflections)
        return;
    const core_reflection_def *d = &sc->reflections[rc];
    int y = c.y;
    SDL_Rect qb = {c.x, y, c.w, body * 5};
    y += ui_text_box(g, d->question, qb, body, body * 8 / 10, UI_BOLD, UI_INK, UI_LEFT);
    y += ui_px(g, 14);
    bool answered = p->seat_reflected[m->view->seat];
    int hb = small * 17 / 10;
    for (int o = 0; o < d->n_options && o < CORE_MAX_OPTIONS; o++) {
        SDL_Rect b = {c.x, y, c.w, hb};
        bool chosen = (answered ? m->view->reflection_option : m->reflect_option) == o;
        ui_button(g, b, d->options[o], small, chosen, !answered, UI_ID_REFLECT_OPTION, o);
        if (answered && chosen)
            ui_round_outline(g, b, hb / 4, ui_px(g, 4), UI_GOOD);
        y += hb + ui_px(g, 8);
    }
    y += ui_px(g, 6);
    /* the label wraps; the field takes what is left above the button */
    const char *ask = _("Verbeteractie voor het team (optioneel, max. 140 tekens):");
    int lh = ui_text_box_height(g, ask, c.w, small, UI_REGULAR);
    lh = lh > small * 26 / 10 ? small * 26 / 10 : lh;
    ui_text_box(g, ask, (SDL_Rect){c.x, y, c.w, lh}, small, small * 8 / 10, UI_REGULAR,
                UI_INK_SOFT, UI_LEFT);
    y += lh + ui_px(g, 4);
    int fh = c.y + c.h - hb - ui_px(g, 12) - y;
    SDL_Rect field = {c.x, y, c.w, fh > small * 26 / 10 ? fh : small * 26 / 10};
    ui_round(g, field, ui_px(g, 8), UI_PANEL);
    ui_round_outline(g, field, ui_px(g, 8), m->editing_text ? ui_px(g, 3) : 1,
                     m->editing_text ? UI_ACCENT : UI_LINE);
    const char *txt = answered ? m->view->reflection_text : m->reflect_text;
    char shown[CORE_ANSWER_LEN + 8];
    snprintf(shown, sizeof shown, "%s%s", txt, (m->editing_text && !answered) ? "|" : "");
    SDL_Rect tb = {field.x + ui_px(g, 10), field.y + ui_px(g, 4), field.w - ui_px(g, 20),
                   field.h - ui_px(g, 8)};
    if (shown[0])
        ui_text_box(g, shown, tb, small, small * 7 / 10, UI_REGULAR, UI_INK, UI_LEFT);
    if (!answered)
        ui_hit_add(g, field, UI_ID_REFLECT_TEXT, 0);
    y += field.h + ui_px(g, 12);
    if (answered)
        ui_text(g, _("✓ Je antwoord is verstuurd."), c.x, y, body, small, UI_BOLD, UI_GOOD,
                UI_LEFT, c.w);
    else
        ui_button(g, (SDL_Rect){c.x + c.w - ui_px(g, 260), y, ui_px(g, 260), hb},
                  _("Versturen"), small, true, m->reflect_option >= 0, UI_ID_REFLECT_SEND, 0);
}

