/* ui/scene: scripted states played by the core's bots, for screenshots. */
#include "ui/scene.h"

#include "level/level.h"
#include "platform/i18n.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ui_scene_names[] = {
    "lobby",    "table",     "signaal",   "inzet",     "reveal",    "reflectie",
    "end",      "debrief",   "debrief-1", "debrief-2", "debrief-3", "debrief-4",
    "debrief-5", "debrief-6",
    "help",     "trainer",  "nieuw",     "player-identiteit", "player-overleg", "player-inzet",
    "player-ask", "player-reflectie", NULL,
};

typedef struct {
    const char *name;
    int round;          /* 0: lobby */
    core_phase phase;
    int seats_done;     /* Inzet: seats that finished (others still choosing) */
    bool to_end;        /* play the whole game */
    int newcomer;       /* seat where someone new sits down in round 1's Overleg, or -1 */
} scene_target;

/* Where each scene stops; "debrief…" scenes share the end's row. Scenes not
 * in a secret phase leave seats_done at -1 (everyone acts). */
static const scene_target scene_targets[] = {
    {"lobby", 0, CORE_PHASE_LOBBY, -1, false, -1},
    {"table", 3, CORE_PHASE_OVERLEG, -1, false, -1},
    {"help", 3, CORE_PHASE_OVERLEG, -1, false, -1},
    {"trainer", 3, CORE_PHASE_OVERLEG, -1, false, -1},
    {"player-overleg", 3, CORE_PHASE_OVERLEG, -1, false, -1},
    {"player-ask", 3, CORE_PHASE_OVERLEG, -1, false, -1},
    {"signaal", 2, CORE_PHASE_SIGNAAL, -1, false, -1},
    /* Identiteit comes back in round 2 for someone who sat down late: two
     * have presented, the newcomer has not */
    {"nieuw", 2, CORE_PHASE_IDENTITEIT, 2, false, 2},
    {"player-identiteit", 1, CORE_PHASE_IDENTITEIT, -1, false, -1},
    {"inzet", 3, CORE_PHASE_INZET, 2, false, -1},
    {"player-inzet", 3, CORE_PHASE_INZET, 2, false, -1},
    {"reveal", 3, CORE_PHASE_UITVOERING, -1, false, -1},
    {"reflectie", 3, CORE_PHASE_REFLECTIE, 2, false, -1},
    {"player-reflectie", 3, CORE_PHASE_REFLECTIE, 2, false, -1},
    {"end", 0, CORE_PHASE_LOBBY, -1, true, -1}, /* to_end: plays until the end */
};

static bool target_of(const char *name, scene_target *t)
{
    for (size_t i = 0; i < sizeof scene_targets / sizeof scene_targets[0]; i++) {
        const scene_target *row = &scene_targets[i];
        if (!strcmp(name, row->name) || (row->to_end && !strncmp(name, "debrief", 7))) {
            *t = *row;
            t->name = name;
            return true;
        }
    }
    return false;
}

bool ui_scene_exists(const char *name)
{
    scene_target t;
    return name && target_of(name, &t);
}

static bool at_target(const core_state *st, const scene_target *t)
{
    if (t->to_end)
        return st->phase == CORE_PHASE_END;
    return st->round == t->round && st->phase == t->phase;
}

static bool play_to(const core_scenario *sc, scene_target t, bool mixed, core_state *st,
                    char *err, size_t err_len)
{
    if (!core_init(st, sc, 20261129u, err, err_len))
        return false;
    if (t.round == 0 && !t.to_end)
        return true;
    core_action a;
    memset(&a, 0, sizeof a);
    a.type = CORE_ACT_START;
    a.seat = CORE_SEAT_HOST;
    if (core_apply(st, &a, NULL) != CORE_OK) {
        snprintf(err, err_len, "%s", _("Het spel kan niet starten."));
        return false;
    }
    core_rng rng[CORE_MAX_SEATS];
    for (int s = 0; s < CORE_MAX_SEATS; s++)
        core_rng_seed(&rng[s], 77u + (uint64_t)s, (uint64_t)s + 1u);
    static core_seat_view view; /* large; scenes are drawn from one thread */
    int guard = 0;
    bool announced = false;
    while (!at_target(st, &t) && st->phase != CORE_PHASE_END && guard++ < 20000) {
        if (t.newcomer >= 0 && !announced && st->phase == CORE_PHASE_OVERLEG) {
            memset(&a, 0, sizeof a);
            a.type = CORE_ACT_NEW_PLAYER;
            a.seat = CORE_SEAT_HOST;
            a.a = t.newcomer < sc->n_seats ? t.newcomer : 0;
            announced = core_apply(st, &a, NULL) == CORE_OK;
        }
        /* Stop halfway through a secret phase so that the picture shows
         * some seats ready and others still choosing. */
        bool in_target_phase = st->round == t.round && st->phase == t.phase;
        bool acted = false;
        for (int s = 0; s < sc->n_seats; s++) {
            if (in_target_phase && t.seats_done >= 0 && s >= t.seats_done)
                break;
            core_seat_view_get(st, s, &view);
            /* Alternate team and solo bots so the network is not perfect. */
            core_bot_kind kind = (mixed && s % 3 == 2) ? CORE_BOT_SOLO : CORE_BOT_TEAM;
            for (int k = 0; k < 12; k++) {
                core_action b;
                if (!core_bot_next(sc, &view, kind, &rng[s], &b))
                    break;
                b.seat = s;
                if (core_apply(st, &b, NULL) != CORE_OK)
                    break;
                acted = true;
                core_seat_view_get(st, s, &view);
                if (at_target(st, &t))
                    break;
            }
            if (at_target(st, &t) && !in_target_phase)
                break;
        }
        if (at_target(st, &t))
            break;
        if (!acted || guard % 40 == 0) {
            memset(&a, 0, sizeof a);
            a.type = CORE_ACT_ADVANCE;
            a.seat = CORE_SEAT_HOST;
            if (core_apply(st, &a, NULL) != CORE_OK)
                break;
        }
    }
    /* In the target phase, let the first seats act once more (Inzet:
     * commit + ready) so that the state is mid-phase. */
    if (!t.to_end && t.seats_done >= 0 && at_target(st, &t)) {
        for (int s = 0; s < t.seats_done && s < sc->n_seats; s++) {
            for (int k = 0; k < 12; k++) {
                core_seat_view_get(st, s, &view);
                core_action b;
                if (!core_bot_next(sc, &view, CORE_BOT_TEAM, &rng[s], &b))
                    break;
                b.seat = s;
                if (core_apply(st, &b, NULL) != CORE_OK || !at_target(st, &t))
                    break;
            }
        }
    }
    if (!at_target(st, &t) && !(t.to_end && st->phase == CORE_PHASE_END)) {
        snprintf(err, err_len, _("De casus bereikt het scherm ‘%s’ niet (ronde %d, fase %s)."),
                 t.name, st->round, ui_phase_name(st->phase));
        return false;
    }
    return true;
}

bool ui_scene_state(const core_scenario *sc, const char *name, core_state *st, char *err,
                    size_t err_len)
{
    scene_target t;
    if (!target_of(name, &t)) {
        snprintf(err, err_len, _("Onbekend scherm ‘%s’."), name);
        return false;
    }
    /* A hard level may end before round 3 with mixed bots: then all-team
     * bots, then earlier rounds, so that every level yields every screen. */
    if (play_to(sc, t, true, st, err, err_len) || play_to(sc, t, false, st, err, err_len))
        return true;
    for (int r = t.round - 1; r >= 1 && !t.to_end; r--) {
        scene_target t2 = t;
        t2.round = r;
        if (play_to(sc, t2, false, st, err, err_len))
            return true;
    }
    return false;
}

static const char *const demo_names[CORE_MAX_SEATS] = {"Anna", "Bram", "Chloé", "Dries",
                                                       "Elif", "Fien", "Gert", "Hanne"};

bool ui_scene_draw(ui_gfx *g, const core_scenario *sc, const char *name, char *err,
                   size_t err_len)
{
    core_state *st = malloc(sizeof *st);
    core_seat_view *sv = malloc(sizeof *sv);
    core_public_view *pub = malloc(sizeof *pub);
    bool ok = false;
    if (!st || !sv || !pub) {
        snprintf(err, err_len, _("Te weinig geheugen."));
        goto out;
    }
    if (!ui_scene_state(sc, name, st, err, err_len))
        goto out;
    core_public_view_get(st, pub);
    ui_gfx_begin(g);
    if (!strncmp(name, "player-", 7)) {
        ui_player_model m;
        ui_player_model_init(&m);
        m.sc = sc;
        int seat = 0;
        core_seat_view_get(st, seat, sv);
        m.view = sv;
        snprintf(m.player_name, sizeof m.player_name, "%s", demo_names[seat]);
        snprintf(m.status, sizeof m.status, "%s", _("verbonden met de host"));
        for (int s = 0; s < sc->n_seats && s < CORE_MAX_SEATS; s++) {
            snprintf(m.seats[s].name, sizeof m.seats[s].name, "%s", demo_names[s]);
            m.seats[s].conn = UI_SEAT_PLAYER;
        }
        if (!strcmp(name, "player-inzet")) {
            /* seat 0 already committed; show seat 2 choosing instead */
            seat = sc->n_seats > 2 ? 2 : 0;
            core_seat_view_get(st, seat, sv);
            snprintf(m.player_name, sizeof m.player_name, "%s", demo_names[seat]);
            m.selected = sv->hand_n > 1 ? 1 : -1;
        }
        if (!strcmp(name, "player-ask"))
            m.pick_need = 0;
        if (!strcmp(name, "player-reflectie")) {
            seat = sc->n_seats > 2 ? 2 : 0;
            core_seat_view_get(st, seat, sv);
            snprintf(m.player_name, sizeof m.player_name, "%s", demo_names[seat]);
            m.reflect_option = 1;
            snprintf(m.reflect_text, sizeof m.reflect_text, "%s",
                     "Elke maandag tien minuten samen kijken naar wat werkte.");
            m.editing_text = true;
        }
        ui_draw_player(g, &m);
    } else {
        ui_proj_model m;
        ui_proj_model_init(&m);
        m.sc = sc;
        m.pub = pub;
        m.st = st;
        snprintf(m.room_code, sizeof m.room_code, "KWTR");
        snprintf(m.address, sizeof m.address, "192.168.1.20:47800");
        snprintf(m.join_url, sizeof m.join_url, "http://192.168.1.20:47880/?code=KWTR");
        m.observers = 2;
        /* the export button appears only where an export really exists */
        m.can_export = false;
        for (int s = 0; s < sc->n_seats && s < CORE_MAX_SEATS; s++) {
            snprintf(m.seats[s].name, sizeof m.seats[s].name, "%s", demo_names[s]);
            m.seats[s].conn = UI_SEAT_PLAYER;
        }
        ui_proj_screen screen = UI_PROJ_TABLE;
        if (!strcmp(name, "lobby")) {
            screen = UI_PROJ_LOBBY;
            /* a lobby filling up: two seated, one bot, the rest free */
            for (int s = 3; s < sc->n_seats && s < CORE_MAX_SEATS; s++) {
                m.seats[s].conn = UI_SEAT_EMPTY;
                m.seats[s].name[0] = 0;
            }
            if (sc->n_seats > 2) {
                m.seats[2].conn = UI_SEAT_BOT;
                m.seats[2].name[0] = 0;
            }
        } else if (!strncmp(name, "debrief", 7)) {
            screen = UI_PROJ_DEBRIEF;
            m.debrief_step = name[7] == '-' ? name[8] - '1' : 2;
            if (m.debrief_step < 0 || m.debrief_step >= UI_DEBRIEF_STEPS)
                m.debrief_step = 2;
        } else if (!strcmp(name, "reveal")) {
            m.reveal_t = 0.99f;
        } else if (!strcmp(name, "help")) {
            m.help = true;
        } else if (!strcmp(name, "trainer")) {
            m.trainer_menu = true;
            /* a laptop on the school LAN, a docker bridge and a hotspot */
            snprintf(m.other_addresses, sizeof m.other_addresses, "172.17.0.1:47880, 10.42.0.1:47880");
        } else if (!strcmp(name, "table")) {
            m.timer_on = true;
            m.timer_left_s = 154;
        }
        ui_draw_projector(g, &m, screen);
    }
    ok = true;
out:
    free(st);
    free(sv);
    free(pub);
    return ok;
}

core_scenario *ui_scene_load_level(const char *path, char *err, size_t err_len)
{
    char def[1024];
    if (!path || !*path) {
        if (!lvl_default_path(def, sizeof def)) {
            snprintf(err, err_len, _("De standaardcasus is niet gevonden. Zet "
                                     "SAMENSPEL_DATA_DIR op de map met levels/."));
            return NULL;
        }
        path = def;
    }
    core_scenario *sc = malloc(sizeof *sc);
    lvl_diags *d = malloc(sizeof *d);
    if (!sc || !d) {
        free(sc);
        free(d);
        snprintf(err, err_len, _("Te weinig geheugen."));
        return NULL;
    }
    memset(d, 0, sizeof *d);
    if (!lvl_load_file(path, sc, d)) {
        if (d->n > 0)
            snprintf(err, err_len, "%s:%d:%d: %s", d->items[0].file, d->items[0].line,
                     d->items[0].col, d->items[0].message);
        else
            snprintf(err, err_len, _("Casus ‘%s’ kan niet laden."), path);
        free(sc);
        free(d);
        return NULL;
    }
    free(d);
    return sc;
}

bool ui_scene_screenshot(const char *level_path, const char *scene, int w, int h,
                         const char *font, const char *png_path, char *err, size_t err_len)
{
    if (!ui_scene_exists(scene)) {
        snprintf(err, err_len, _("Onbekend scherm ‘%s’."), scene);
        return false;
    }
    core_scenario *sc = ui_scene_load_level(level_path, err, err_len);
    if (!sc)
        return false;
    ui_gfx g;
    bool ok = ui_gfx_open(&g, "Samenspel", w, h, true, font, err, err_len);
    if (ok)
        ok = ui_scene_draw(&g, sc, scene, err, err_len);
    if (ok)
        ok = ui_gfx_save_png(&g, png_path, err, err_len);
    if (ok && g.overflows > 0)
        fprintf(stderr, _("samenspel: let op: %d tekstvakken te klein, eerste: %s\n"),
                g.overflows, g.overflow_notes[0]);
    /* how many lines ended in "…", and their whole texts: for whoever
     * tunes a layout (no translation: a developer's count) */
    if (ok && getenv("SAMENSPEL_LAYOUT_VERBOSE")) {
        fprintf(stderr, "%s %dx%d: %d line(s) ended in …\n", scene, w, h, g.ellipsized);
        for (int k = 0; k < g.n_tips && k < UI_MAX_TIPS; k++)
            fprintf(stderr, "  … %s\n", g.tips[k].text);
    }
    ui_gfx_close(&g);
    free(sc);
    return ok;
}
