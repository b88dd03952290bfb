/* ui/player_hand: the player's own cards along the bottom (committed
 * ones marked, number keys pick them) and the reflection fan's question
 * with its answers. */
#include "ui/player_draw_int.h"
#include "ui/player_ids.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

static void card_face(ui_gfx *g, const core_scenario *sc, int card, SDL_Rect r, bool selected,
                      bool committed)
{
    if (card < 0 || card >= sc->n_cards)
        return;
    const core_card_def *d = &sc->cards[card];
    SDL_Color band = d->type == CORE_CARD_INNOVATION ? UI_GOOD
                     : (d->role >= 0 && d->role < sc->n_roles)
                         ? ui_role_colour(sc->roles[d->role].colour)
                         : UI_LINE;
    SDL_Rect sh = {r.x, r.y + ui_px(g, 3), r.w, r.h};
    ui_round(g, sh, ui_px(g, 12), UI_SHADOW);
    ui_round(g, r, ui_px(g, 12), committed ? UI_PANEL_ALT : UI_PANEL);
    SDL_Rect b = {r.x, r.y, r.w, ui_px(g, 12)};
    ui_round(g, b, ui_px(g, 6), band);
    if (selected)
        ui_round_outline(g, r, ui_px(g, 12), ui_px(g, 5), UI_ACCENT);
    int small = player_fpx(g, P_SMALL);
    int pad = ui_px(g, 12);
    /* strength (or boost) as a number badge, so the words below can wrap */
    int badge = small * 16 / 10;
    char num[16];
    if (d->type == CORE_CARD_GENERIC)
        snprintf(num, sizeof num, "+%d", d->boost);
    else
        snprintf(num, sizeof num, "%d", d->strength);
    float bx = (float)(r.x + r.w - pad - badge / 2), byy = (float)(r.y + ui_px(g, 18) + badge / 2);
    ui_circle(g, bx, byy, (float)badge / 2.0f, band);
    int nw = 0, nh = 0;
    ui_text_size(g, num, small, UI_BOLD, &nw, &nh);
    ui_text(g, num, (int)bx, (int)byy - nh / 2, small, small * 7 / 10, UI_BOLD, ui_ink_on(band),
            UI_CENTER, badge);
    SDL_Rect tb = {r.x + pad, r.y + ui_px(g, 18), r.w - 3 * pad - badge, small * 37 / 10};
    ui_text_box(g, d->title, tb, small, small * 7 / 10, UI_BOLD, UI_INK, UI_LEFT);
    static const char *const kinds[CORE_KIND_COUNT] = {N_("wetenschappelijk"),
                                                       N_("professioneel"), N_("ervaring")};
    const char *line = d->type == CORE_CARD_GENERIC ? _("generiek: helpt een ander")
                       : (d->kind >= 0 && d->kind < CORE_KIND_COUNT) ? _(kinds[d->kind]) : "?";
    int lh = small * 12 / 10;
    ui_text(g, line, r.x + pad, r.y + r.h - lh - ui_px(g, 8), small * 9 / 10, small * 6 / 10,
            UI_REGULAR, UI_INK_SOFT, UI_LEFT, r.w - 2 * pad);
    if (d->type == CORE_CARD_EXPERTISE && d->domain[0])
        ui_text(g, d->domain, r.x + pad, r.y + r.h - 2 * lh - ui_px(g, 8), small * 9 / 10,
                small * 6 / 10, UI_BOLD, UI_INK_SOFT, UI_LEFT, r.w - 2 * pad);
    if (committed) {
        SDL_Rect tag = {r.x + r.w - ui_px(g, 130), r.y + r.h - 3 * lh - ui_px(g, 14),
                        ui_px(g, 120), small * 13 / 10};
        ui_round(g, tag, tag.h / 2, UI_ACCENT);
        ui_text(g, _("ingezet"), tag.x + tag.w / 2, tag.y + ui_px(g, 2), small * 9 / 10,
                small * 7 / 10, UI_BOLD, UI_WHITE, UI_CENTER, tag.w - ui_px(g, 8));
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

void player_hand(ui_gfx *g, const ui_player_model *m)
{
    const core_seat_view *v = m->view;
    const core_scenario *sc = m->sc;
    SDL_Rect area = ui_r(g, 24, 850, 1560, 210);
    int n = v->hand_n + v->pub.n_innovations;
    if (n > CORE_MAX_HAND + CORE_MAX_INNOVATIONS)
        n = CORE_MAX_HAND + CORE_MAX_INNOVATIONS;
    int gap = ui_px(g, 14);
    int cw = n > 0 ? (area.w - gap * (n - 1)) / n : area.w;
    if (cw > ui_px(g, 280))
        cw = ui_px(g, 280);
    int small = player_fpx(g, P_SMALL);
    if (n == 0)
        ui_text(g, _("Geen kaarten in je hand."), area.x, area.y, small, small, UI_REGULAR,
                UI_INK_SOFT, UI_LEFT, area.w);
    bool commit_phase = player_can_commit(m);
    for (int i = 0; i < n; i++) {
        int slot = i < v->hand_n ? i : CORE_MAX_HAND + (i - v->hand_n);
        int card = i < v->hand_n ? v->hand[i] : v->pub.innovations[i - v->hand_n];
        int cslot = -1;
        bool committed = slot_committed(v, slot, &cslot);
        bool sel = m->selected == slot;
        SDL_Rect r = {area.x + i * (cw + gap), area.y + (sel ? -ui_px(g, 18) : 0), cw, area.h};
        if (m->drag_slot == slot)
            continue;
        card_face(g, sc, card, r, sel, committed);
        if (commit_phase)
            ui_hit_add(g, r, committed ? UI_ID_COMMITTED : UI_ID_CARD, committed ? cslot : slot);
    }
    if (m->drag_slot >= 0) {
        int i = m->drag_slot < CORE_MAX_HAND ? m->drag_slot : v->hand_n + m->drag_slot - CORE_MAX_HAND;
        int card = m->drag_slot < CORE_MAX_HAND
                       ? (m->drag_slot < v->hand_n ? v->hand[m->drag_slot] : -1)
                       : v->pub.innovations[m->drag_slot - CORE_MAX_HAND];
        (void)i;
        SDL_Rect r = {m->drag_x - cw / 2, m->drag_y - area.h / 2, cw, area.h};
        card_face(g, sc, card, r, true, false);
    }
    /* ready / change */
    SDL_Rect rb = ui_r(g, 1604, 900, 292, 110);
    int body = player_fpx(g, P_BODY);
    const core_public_view *p = &v->pub;
    bool phase_ready = p->phase >= CORE_PHASE_IDENTITEIT && p->phase <= CORE_PHASE_INZET;
    char cnt[64];
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
    if (why) {
        /* two lines above the button rather than a reason ending in "…" */
        int th = ui_text_box_height(g, why, rb.w, small, UI_BOLD);
        if (th > small * 24 / 10)
            th = small * 24 / 10;
        ui_text_box(g, why, (SDL_Rect){rb.x, rb.y - th - small * 2 / 10, rb.w, th}, small,
                    small * 8 / 10, UI_BOLD, UI_INK_SOFT, UI_CENTER);
    } else if (p->phase == CORE_PHASE_INZET) {
        snprintf(cnt, sizeof cnt, _("%d van %d kaarten"), v->commit_n, sc->rules.max_commit);
        ui_text(g, cnt, rb.x + rb.w / 2, rb.y - small * 14 / 10, small, small, UI_BOLD, UI_INK,
                UI_CENTER, rb.w);
    }
    if (v->ready)
        ui_button(g, rb, _("Toch wijzigen"), body, false, phase_ready && !m->paused,
                  UI_ID_UNREADY, 0);
    else
        ui_button(g, rb, _("Klaar"), body, true, phase_ready && !m->paused, UI_ID_READY, 0);
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
    int hb = small * 2;
    for (int o = 0; o < d->n_options && o < CORE_MAX_OPTIONS; o++) {
        SDL_Rect b = {c.x, y, c.w, hb};
        bool chosen = (answered ? m->view->reflection_option : m->reflect_option) == o;
        ui_button(g, b, d->options[o], small, chosen, !answered, UI_ID_REFLECT_OPTION, o);
        if (answered && chosen)
            ui_round_outline(g, b, hb / 4, ui_px(g, 4), UI_GOOD);
        y += hb + ui_px(g, 8);
    }
    y += ui_px(g, 6);
    ui_text(g, _("Verbeteractie voor het team (optioneel, max. 140 tekens):"), c.x, y, small,
            small * 8 / 10, UI_REGULAR, UI_INK_SOFT, UI_LEFT, c.w);
    y += small * 13 / 10;
    SDL_Rect field = {c.x, y, c.w, small * 26 / 10};
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

