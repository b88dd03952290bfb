/* ui/proj_overlays: what the projector draws over a screen: the reveal of
 * the commitments, help, the seat menu and the trainer menu; and what
 * takes the table's middle column in Signaal and Reflectie. */
#include "ui/proj_int.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

static void dim(ui_gfx *g)
{
    ui_dim(g, (SDL_Color){0x10, 0x18, 0x20, 0xA0});
}

/* A commitment's target as the rules store it: a need or a spanning, each
 * by its index in the scenario. */
static const char *target_name(const core_scenario *sc, int kind, int target)
{
    if (kind == 0)
        return (target >= 0 && target < sc->n_needs) ? sc->needs[target].title : "?";
    if (kind == 1)
        return (target >= 0 && target < sc->n_frictions) ? sc->frictions[target].title : "?";
    return "?";
}

/* The simultaneous reveal: seat after seat, with what each committed. */
/* Whether a card of the reveal does not hold "title → target" in its box
 * (w wide for the row's cards, h high): then every card puts the target on
 * a line of its own, so that where each card went stays whole and the
 * cards read alike. */
static bool reveal_split(ui_gfx *g, const ui_proj_model *m, int w, int h, int body)
{
    const core_scenario *sc = m->sc;
    for (int s = 0; s < m->pub->n_seats && s < CORE_MAX_SEATS; s++) {
        int cards = m->pub->revealed_n[s];
        for (int k = 0; k < cards && k < CORE_MAX_COMMIT; k++) {
            const core_commitment *cm = &m->pub->revealed_commits[s][k];
            char s2[256];
            snprintf(s2, sizeof s2, "%s → %s",
                     cm->card >= 0 && cm->card < sc->n_cards ? sc->cards[cm->card].title : "?",
                     target_name(sc, cm->target_kind, cm->target));
            int tw = w / cards - ui_px(g, 12) - ui_px(g, 24);
            if (ui_text_box_height(g, s2, tw, body, UI_REGULAR) > h)
                return true;
        }
    }
    return false;
}

/* One revealed card: "title → target", or with split the target on a
 * line of its own (see reveal_split). */
static void reveal_card(ui_gfx *g, const core_scenario *sc, const core_commitment *cm,
                        SDL_Rect card, bool split)
{
    int body = proj_fpx(g, T_BODY);
    const char *title = (cm->card >= 0 && cm->card < sc->n_cards) ? sc->cards[cm->card].title
                                                                   : "?";
    ui_round(g, card, ui_px(g, 10), UI_PANEL_ALT);
    char s2[256];
    snprintf(s2, sizeof s2, "%s → %s", title, target_name(sc, cm->target_kind, cm->target));
    SDL_Rect tb = {card.x + ui_px(g, 12), card.y + ui_px(g, 4), card.w - ui_px(g, 24),
                   card.h - ui_px(g, 8)};
    /* a row of one line (many seats) ends in "…"; whole on hover */
    int line = body * 12 / 10;
    if (tb.h < body * 24 / 10) {
        ui_text(g, s2, tb.x, tb.y, body, body, UI_REGULAR, UI_INK, UI_LEFT, tb.w);
    } else if (!split) {
        ui_text_box(g, s2, tb, body, body, UI_REGULAR, UI_INK, UI_LEFT);
    } else {
        /* too long for the card (4:3): where the card went keeps a line of
         * its own, the title takes what is left */
        char to[200];
        snprintf(to, sizeof to, "→ %s", target_name(sc, cm->target_kind, cm->target));
        ui_text_box(g, title, (SDL_Rect){tb.x, tb.y, tb.w, tb.h - line}, body, body, UI_REGULAR,
                    UI_INK, UI_LEFT);
        ui_text(g, to, tb.x, tb.y + tb.h - line, body, body, UI_REGULAR, UI_INK, UI_LEFT, tb.w);
    }
}

void proj_draw_reveal(ui_gfx *g, const ui_proj_model *m)
{
    dim(g);
    const core_scenario *sc = m->sc;
    SDL_Rect r = ui_r(g, 60, 110, 1800, 940);
    ui_panel(g, r);
    int pad = ui_px(g, 32);
    int h1 = proj_fpx(g, T_H1), body = proj_fpx(g, T_BODY);
    ui_text(g, _("Alle inzet tegelijk open"), r.x + pad, r.y + pad, h1, proj_fpx(g, T_H2), UI_BOLD,
            UI_INK, UI_LEFT, r.w - 2 * pad);
    int n = m->pub->n_seats;
    int top = r.y + pad + h1 * 14 / 10;
    int bottom = r.y + r.h - pad - ui_px(g, 72);
    /* the resolution: what the commitments did, shown in the last part */
    char result[512] = "";
    for (int i = 0; i < m->pub->n_needs && i < CORE_MAX_NEEDS; i++) {
        if (m->reveal_gain[i] <= 0)
            continue;
        char part[160];
        snprintf(part, sizeof part, "%s%s +%d", result[0] ? " · " : "", sc->needs[i].title,
                 m->reveal_gain[i]);
        if (strlen(result) + strlen(part) < sizeof result)
            strcat(result, part);
    }
    if (m->reveal_boundary >= 0 && m->reveal_boundary < sc->n_frictions) {
        char part[200];
        snprintf(part, sizeof part, _("%sgrenservaring: %s"), result[0] ? " · " : "",
                 sc->frictions[m->reveal_boundary].title);
        if (strlen(result) + strlen(part) < sizeof result)
            strcat(result, part);
    }
    int result_h = 0;
    if (result[0]) {
        result_h = ui_text_box_height(g, result, r.w - 2 * pad, body, UI_BOLD);
        if (result_h > body * 27 / 10)
            result_h = body * 27 / 10;
        bottom -= result_h + ui_px(g, 12);
    }
    int row = n > 0 ? (bottom - top) / n : 0;
    float t = m->reveal_t < 0 ? 1.0f : m->reveal_t;
    /* the names' column as wide as the widest name, at most a fifth */
    int name_w = 0;
    for (int s = 0; s < n; s++) {
        int tw = 0, th = 0;
        ui_text_size(g, proj_seat_name(m, s), body, UI_BOLD, &tw, &th);
        if (tw > name_w)
            name_w = tw;
    }
    if (name_w > r.w / 5)
        name_w = r.w / 5;
    int chip_col = 0;
    for (int s = 0; s < n; s++) {
        int cw = ui_role_chip_width(g, sc, sc->seat_roles[s], ui_px(g, 56));
        if (cw > chip_col)
            chip_col = cw;
    }
    bool split = reveal_split(g, m, r.x + r.w - pad - (r.x + pad + chip_col + ui_px(g, 16) +
                                                    name_w + ui_px(g, 20)),
                              row - ui_px(g, 18), body);
    for (int s = 0; s < n; s++) {
        /* each seat appears in turn; the last fifth of the time holds */
        float appear = (float)s / (float)n * 0.8f;
        if (t < appear)
            break;
        int y = top + s * row;
        int role = sc->seat_roles[s];
        int chip = row * 8 / 10;
        if (chip > ui_px(g, 56))
            chip = ui_px(g, 56);
        ui_role_chip(g, sc, role, r.x + pad, y, chip);
        int x = r.x + pad + chip_col + ui_px(g, 16);
        ui_text(g, proj_seat_name(m, s), x, y + (chip - body) / 2 - ui_px(g, 2), body,
                ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT, name_w);
        x += name_w + ui_px(g, 20);
        int cards = m->pub->revealed_n[s];
        if (cards <= 0) {
            ui_text(g, _("geen inzet"), x, y + (chip - body) / 2 - ui_px(g, 2), body, body,
                    UI_REGULAR, UI_INK_SOFT, UI_LEFT, 0);
            continue;
        }
        int cw = (r.x + r.w - pad - x) / (cards > 0 ? cards : 1) - ui_px(g, 12);
        for (int k = 0; k < cards && k < CORE_MAX_COMMIT; k++) {
            const core_commitment *cm = &m->pub->revealed_commits[s][k];
            SDL_Rect card = {x + k * (cw + ui_px(g, 12)), y, cw, row - ui_px(g, 10)};
            reveal_card(g, sc, cm, card, split);
        }
    }
    if (result[0] && t >= 0.8f)
        ui_text_box(g, result,
                    (SDL_Rect){r.x + pad, bottom + ui_px(g, 6), r.w - 2 * pad,
                               result_h},
                    body, ui_body_min(g), UI_BOLD, UI_GOOD, UI_LEFT);
    /* the trainer's button */
    ui_text_role old = ui_set_text_role(g, UI_TR_TRAINER);
    int bpx = proj_fpx(g, T_LABEL), bw = 0, bh = 0;
    ui_text_size(g, _("Verder (spatie)"), bpx, UI_BOLD, &bw, &bh);
    bw += ui_px(g, 48);
    SDL_Rect btn = ui_r(g, 0, 960, 0, 72);
    btn.w = bw;
    btn.x = r.x + r.w - pad - bw;
    ui_button(g, btn, _("Verder (spatie)"), bpx, true, true, UI_ID_SKIP_REVEAL, 0);
    ui_set_text_role(g, old);
}


/* ------------------------------------------------------------ overlays */

void proj_draw_help(ui_gfx *g)
{
    dim(g);
    SDL_Rect r = ui_r(g, 260, 90, 1400, 900);
    SDL_Rect c = proj_panel_with_title(g, r, _("Toetsen voor de trainer"));
    /* by what they touch: the game, the timer, the seats, what shows, the
     * session; a letter needs Ctrl, so that typing into this window does
     * nothing (F1 / H and I only show things) */
    static const char *const keys[][2] = {
        {"Enter", N_("spel starten")}, {"Ctrl+N", N_("volgende fase")},
        {N_("Spatie"), N_("pauze / verder; onthulling sluiten")},
        {"I", N_("de inzet van deze ronde opnieuw tonen")},
        {"Ctrl+T", N_("timer aan / uit")}, {"+", N_("timer één minuut langer")},
        {"Ctrl+B", N_("bots op vrije plaatsen")},
        {N_("klik op een plaats"), N_("bot, vrijgeven of verwijderen")},
        {"Ctrl+V", N_("getypte antwoorden verbergen / tonen")},
        {"Ctrl+M", N_("niveau en maten verbergen / tonen")},
        {"Ctrl+D", N_("nabespreking; ← → stappen")}, {"Ctrl+L", N_("taal nl / en")},
        {"Ctrl+R", N_("opnieuw beginnen (tweemaal)")},
        {"Ctrl+O", N_("andere casus laden (in de lobby)")},
        {"F11", N_("volledig scherm")}, {"F1 / H", N_("deze hulp")},
    };
    int body = proj_fpx(g, T_BODY);
    int n = (int)(sizeof keys / sizeof keys[0]);
    int row = c.h / n;
    if (row > body * 16 / 10)
        row = body * 16 / 10;
    for (int i = 0; i < n; i++) {
        int y = c.y + i * row;
        SDL_Rect k = {c.x, y, ui_px(g, 330), row - ui_px(g, 6)};
        ui_round(g, k, ui_px(g, 8), UI_PANEL_ALT);
        int tw = 0, th = 0;
        ui_text_size(g, _(keys[i][0]), body, UI_BOLD, &tw, &th);
        ui_text(g, _(keys[i][0]), k.x + k.w / 2, k.y + (k.h - th) / 2, body, ui_body_min(g),
                UI_BOLD, UI_INK, UI_CENTER, k.w - ui_px(g, 12));
        ui_text(g, _(keys[i][1]), c.x + ui_px(g, 360), k.y + (k.h - th) / 2, body, ui_body_min(g),
                UI_REGULAR, UI_INK, UI_LEFT, c.w - ui_px(g, 360));
    }
    ui_hit_add(g, (SDL_Rect){0, 0, g->w, g->h}, UI_ID_CLOSE_OVERLAY, 0);
}

void proj_draw_seat_menu(ui_gfx *g, const ui_proj_model *m)
{
    int s = m->seat_menu;
    if (s < 0 || s >= m->sc->n_seats)
        return;
    dim(g);
    ui_hit_add(g, (SDL_Rect){0, 0, g->w, g->h}, UI_ID_CLOSE_OVERLAY, 0);
    SDL_Rect r = ui_r(g, 560, 300, 800, 440);
    char title[160];
    snprintf(title, sizeof title, _("Plaats %d: %s"), s + 1,
             proj_role_name(m->sc, m->sc->seat_roles[s]));
    SDL_Rect c = proj_panel_with_title(g, r, title);
    ui_hit_add(g, r, UI_ID_NONE, 0);
    int bpx = proj_fpx(g, T_BODY);
    int bh = ui_px(g, 84), gap = ui_px(g, 16);
    ui_button(g, (SDL_Rect){c.x, c.y + ui_px(g, 8), c.w, bh}, _("Een bot op deze plaats"), bpx,
              false, m->seats[s].conn != UI_SEAT_BOT, UI_ID_SEAT_BOT, s);
    ui_button(g, (SDL_Rect){c.x, c.y + ui_px(g, 8) + bh + gap, c.w, bh},
              _("Plaats vrijgeven (iemand anders mag)"), bpx, false,
              m->seats[s].conn != UI_SEAT_EMPTY, UI_ID_SEAT_RELEASE, s);
    ui_button(g, (SDL_Rect){c.x, c.y + ui_px(g, 8) + 2 * (bh + gap), c.w, bh},
              _("Verbinding verbreken"), bpx, false, m->seats[s].conn == UI_SEAT_PLAYER ||
              m->seats[s].conn == UI_SEAT_LOST, UI_ID_SEAT_KICK, s);
}

void proj_draw_trainer_menu(ui_gfx *g, const ui_proj_model *m)
{
    dim(g);
    ui_hit_add(g, (SDL_Rect){0, 0, g->w, g->h}, UI_ID_CLOSE_OVERLAY, 0);
    SDL_Rect r = ui_r(g, 1180, 90, 720, 900);
    /* the code stays at hand for someone who arrives late (Identiteit
     * comes back for them) */
    char title[96];
    if (m->room_code[0])
        snprintf(title, sizeof title, _("Trainer · doe mee met code %s"), m->room_code);
    else
        snprintf(title, sizeof title, "%s", _("Trainer"));
    SDL_Rect c = proj_panel_with_title(g, r, title);
    ui_hit_add(g, r, UI_ID_NONE, 0);
    struct { const char *label; int id; } items[] = {
        {m->paused ? N_("Verder spelen (spatie)") : N_("Pauze (spatie)"), UI_ID_PAUSE},
        {N_("Volgende fase (Ctrl+N)"), UI_ID_NEXT_PHASE},
        {m->timer_on ? N_("Timer uit (Ctrl+T)") : N_("Timer aan (Ctrl+T)"), UI_ID_TIMER_TOGGLE},
        {N_("Timer één minuut langer (+)"), UI_ID_TIMER_EXTEND},
        {N_("Bots op vrije plaatsen (Ctrl+B)"), UI_ID_BOTS_FILL},
        {m->hide_player_text ? N_("Getypte antwoorden tonen (Ctrl+V)")
                             : N_("Getypte antwoorden verbergen (Ctrl+V)"), UI_ID_HIDE_TEXT},
        {m->hide_level ? N_("Niveau tonen (Ctrl+M)") : N_("Niveau verbergen (Ctrl+M)"),
         UI_ID_HIDE_LEVEL},
        {N_("Nabespreking (Ctrl+D)"), UI_ID_DEBRIEF},
        {N_("Opnieuw beginnen (Ctrl+R)"), UI_ID_RESTART},
        {N_("Taal nl / en (Ctrl+L)"), UI_ID_LANG},
        {N_("Volledig scherm (F11)"), UI_ID_FULLSCREEN},
    };
    int n = (int)(sizeof items / sizeof items[0]);
    int gap = ui_px(g, 10);
    int bh = (c.h - gap * (n - 1)) / n;
    int px = proj_fpx(g, T_BODY);
    if (bh < px * 14 / 10)
        px = ui_body_min(g);
    for (int i = 0; i < n; i++)
        ui_button(g, (SDL_Rect){c.x, c.y + i * (bh + gap), c.w, bh}, _(items[i].label), px,
                  i < 2, true, items[i].id, 0);
    /* the way in for a latecomer's phone, next to the menu */
    if (m->join_url[0]) {
        SDL_Rect qp = ui_r(g, 440, 90, 720, 760);
        ui_hit_add(g, qp, UI_ID_NONE, 0);
        SDL_Rect qc = proj_panel_with_title(g, qp, _("Meedoen in de browser"));
        /* the laptop's other addresses (another network in the room) below the URL */
        int below = m->other_addresses[0] ? px * 5 : px * 3;
        int side = qc.w < qc.h - below ? qc.w : qc.h - below;
        proj_draw_qr(g, m->join_url, (SDL_Rect){qc.x + (qc.w - side) / 2, qc.y, side, side});
        const char *shown = strncmp(m->join_url, "http://", 7) == 0 ? m->join_url + 7 : m->join_url;
        ui_text(g, shown, qc.x, qc.y + side + px / 2, px, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT,
                qc.w);
        if (m->other_addresses[0]) {
            char others[224];
            snprintf(others, sizeof others, _("Ook via: %s"), m->other_addresses);
            int top = qc.y + side + px * 2;
            ui_text_box(g, others, (SDL_Rect){qc.x, top, qc.w, qc.y + qc.h - top}, px, ui_body_min(g), UI_REGULAR,
                        UI_INK, UI_LEFT);
        }
    }
}

/* Signaal: the friction of this round (and the level's scripted event). */
void proj_draw_signal(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
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
    int ev = -1; /* the level's scripted event of this round */
    for (int e = 0; e < sc->n_events && e < CORE_MAX_EVENTS_SCRIPTED && ev < 0; e++)
        if (sc->events[e].round == m->pub->round)
            ev = e;
    if (last >= 0) {
        const core_friction_def *d = &sc->frictions[m->pub->frictions[last].friction];
        int hh = proj_fpx(g, T_H1) * 13 / 10;
        if (hh < big)
            hh = big;
        /* the title large where the event below it still shows whole,
         * else at the body's size */
        int w = r.w - 2 * pad;
        int rest = ui_text_box_height(g, d->text, w, big, UI_REGULAR) + ui_px(g, 44) +
                   (ev >= 0 ? body * 13 / 10 + ui_text_box_height(g, sc->events[ev].text, w, body,
                                                                  UI_REGULAR)
                            : 0);
        if (ui_text_box_height(g, d->title, w, hh, UI_BOLD) + rest > r.y + r.h - pad - y)
            hh = big;
        SDL_Rect hb = {r.x + pad, y, r.w - 2 * pad, r.h * 30 / 100};
        y += ui_text_box(g, d->title, hb, hh, big, UI_BOLD, UI_INK, UI_LEFT);
        y += ui_px(g, 20);
        SDL_Rect tb = {r.x + pad, y, r.w - 2 * pad, r.h * 78 / 100 - (y - r.y)};
        y += ui_text_box(g, d->text, tb, big, big, UI_REGULAR, UI_INK, UI_LEFT);
        y += ui_px(g, 24);
    }
    ui_set_text_role(g, old);
    if (ev >= 0) {
        ui_text(g, sc->events[ev].title, r.x + pad, y, body, ui_body_min(g), UI_BOLD, UI_ACCENT,
                UI_LEFT, r.w - 2 * pad);
        y += body * 13 / 10;
        SDL_Rect tb = {r.x + pad, y, r.w - 2 * pad, r.y + r.h - pad - y};
        ui_text_box(g, sc->events[ev].text, tb, body, ui_body_min(g), UI_REGULAR, UI_INK,
                    UI_LEFT);
    }
}

/* Reflectie: the round's reflection card and how many answered. */
void proj_draw_reflection(ui_gfx *g, const ui_proj_model *m, SDL_Rect r)
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
