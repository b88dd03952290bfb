/* ui/ui_host: the projector window around an authoritative host session.
 * Event-driven: the window is redrawn only when the game, the seats or the
 * window changed, or while the reveal animation runs. */
#include "ui/ui.h"

#include "host/host_journal.h"
#if defined(SAMENSPEL_UI_REPORT)
#include "report/report.h"
#endif
#include "platform/i18n.h"
#include "platform/plat.h"
#include "ui/levels.h"
#include "ui/scene.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REVEAL_MS_PER_SEAT 700u
#define REVEAL_HOLD_MS 1500u
#define MESSAGE_MS 4000u

typedef struct {
    host *h;
    ui_gfx g;
    ui_proj_model m;
    core_public_view pub;
    bool debrief;
    bool dirty;
    bool quit;
    bool fullscreen;
    uint64_t signature;
    core_phase last_phase;
    int last_round;
    uint64_t reveal_start_ms;   /* 0 = no reveal animation running */
    bool reveal_up;             /* the reveal is on screen (animating or held) */
    uint64_t message_until_ms;
    ui_phase_timer timer;
    uint64_t restart_armed_ms;
    int level_cursor;
    uint64_t events_seen_at;    /* host_actions_accepted when events were last read */
    /* the debrief's spread of reflection answers per round (events of this run) */
    int reflection_answers[CORE_MAX_ROUNDS + 1][CORE_MAX_OPTIONS];
    int reflection_cards[CORE_MAX_ROUNDS + 1];
    int events_round;           /* the round the events being read belong to */
    const host_options *opts;
} projector;

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static void say(projector *p, const char *msg)
{
    snprintf(p->m.message, sizeof p->m.message, "%s", msg);
    p->message_until_ms = plat_now_ms() + MESSAGE_MS;
    p->dirty = true;
}

/* Pulls everything the screens show out of the host and notes whether it
 * changed since the last frame. */
static void sync(projector *p)
{
    const core_state *st = host_state(p->h);
    const core_scenario *sc = host_scenario(p->h);
    core_public_view_get(st, &p->pub);
    p->m.sc = sc;
    p->m.pub = &p->pub;
    p->m.st = st;
    p->m.improvements = *host_improvements_get(p->h);
    snprintf(p->m.room_code, sizeof p->m.room_code, "%s", host_room_code(p->h));
    snprintf(p->m.address, sizeof p->m.address, "%s", host_lan_address(p->h));
    snprintf(p->m.join_url, sizeof p->m.join_url, "%s", host_join_url(p->h));
    snprintf(p->m.other_addresses, sizeof p->m.other_addresses, "%s", host_other_addresses(p->h));
    p->m.observers = host_observer_count(p->h);
    p->m.paused = host_paused(p->h);
    uint64_t sig = 1469598103934665603ULL;
    uint64_t acc = host_actions_accepted(p->h);
    sig = fnv(sig, &acc, sizeof acc);
    sig = fnv(sig, &p->m.observers, sizeof p->m.observers);
    sig = fnv(sig, &p->m.paused, sizeof p->m.paused);
    sig = fnv(sig, sc, sizeof sc); /* a loaded level is a new scenario */
    int n = host_seat_count(p->h);
    for (int s = 0; s < n && s < CORE_MAX_SEATS; s++) {
        host_seat_info si;
        memset(&si, 0, sizeof si);
        if (!host_seat_info_get(p->h, s, &si))
            continue;
        ui_seat_conn c = si.bot ? UI_SEAT_BOT
                         : si.connected ? UI_SEAT_PLAYER
                         : si.taken     ? UI_SEAT_LOST
                                        : UI_SEAT_EMPTY;
        p->m.seats[s].conn = c;
        snprintf(p->m.seats[s].name, sizeof p->m.seats[s].name, "%s", si.name);
        sig = fnv(sig, &c, sizeof c);
        sig = fnv(sig, si.name, strlen(si.name));
    }
    if (sig != p->signature) {
        p->signature = sig;
        p->dirty = true;
    }
    /* the reveal starts when the commitments become public */
    /* resolution events of this round feed the end of the reveal; a tick
     * without accepted actions brings no new events */
    const core_events *ev = acc != p->events_seen_at ? host_last_events(p->h) : NULL;
    p->events_seen_at = acc;
    if (p->pub.phase == CORE_PHASE_LOBBY) {
        memset(p->reflection_answers, 0, sizeof p->reflection_answers);
        for (int r = 0; r <= CORE_MAX_ROUNDS; r++)
            p->reflection_cards[r] = -1;
    }
    p->m.reflection_answers = (const int (*)[CORE_MAX_OPTIONS])p->reflection_answers;
    p->m.reflection_cards = p->reflection_cards;
    if (p->events_round == 0)
        p->events_round = p->pub.round;
    for (int i = 0; ev && i < ev->n && i < CORE_MAX_EVENTS; i++) {
        const core_event *e = &ev->ev[i];
        int r = p->events_round;
        if (e->type == CORE_EVT_PHASE)
            p->events_round = e->b;
        else if (e->type == CORE_EVT_REFLECTION && r >= 0 && r <= CORE_MAX_ROUNDS)
            p->reflection_cards[r] = e->a;
        else if (e->type == CORE_EVT_REFLECTED && r >= 0 && r <= CORE_MAX_ROUNDS && e->a >= 0 &&
                 e->a < CORE_MAX_OPTIONS)
            p->reflection_answers[r][e->a]++;
    }
    for (int i = 0; ev && i < ev->n && i < CORE_MAX_EVENTS; i++) {
        const core_event *e = &ev->ev[i];
        if (e->type == CORE_EVT_NEED_PROGRESS && e->a >= 0 && e->a < CORE_MAX_NEEDS)
            p->m.reveal_gain[e->a] += e->b;
        else if (e->type == CORE_EVT_GRENSERVARING)
            p->m.reveal_boundary = e->a;
        else if (e->type == CORE_EVT_PHASE && e->a == CORE_PHASE_UITVOERING) {
            memset(p->m.reveal_gain, 0, sizeof p->m.reveal_gain);
            p->m.reveal_boundary = -1;
            /* progress of this very tick is counted below this event */
            for (int k = i + 1; k < ev->n && k < CORE_MAX_EVENTS; k++) {
                const core_event *e2 = &ev->ev[k];
                if (e2->type == CORE_EVT_NEED_PROGRESS && e2->a >= 0 && e2->a < CORE_MAX_NEEDS)
                    p->m.reveal_gain[e2->a] += e2->b;
                else if (e2->type == CORE_EVT_GRENSERVARING)
                    p->m.reveal_boundary = e2->a;
            }
            break;
        }
    }
    if (p->pub.phase != p->last_phase || p->pub.round != p->last_round) {
        if (p->pub.phase == CORE_PHASE_UITVOERING && p->pub.revealed) {
            p->reveal_start_ms = plat_now_ms();
            p->reveal_up = true;
        } else {
            p->reveal_start_ms = 0;
            p->reveal_up = false;
            p->m.reveal_t = -1.0f;
        }
        p->last_phase = p->pub.phase;
        p->last_round = p->pub.round;
    }
}

/* The reveal is on screen: space closes it (or first shows it whole). */
static bool animating(const projector *p)
{
    return p->reveal_up;
}

/* Closes the reveal, or, while it still animates, shows every seat at
 * once; it stays until the trainer moves on. */
static void reveal_step(projector *p)
{
    if (p->reveal_start_ms) {
        p->reveal_start_ms = 0;
        p->m.reveal_t = 1.0f;
    } else {
        p->reveal_up = false;
        p->m.reveal_t = -1.0f;
    }
}

/* Shows the commitments of this round again (key I). */
static void reveal_again(projector *p)
{
    if (p->pub.phase == CORE_PHASE_UITVOERING && p->pub.revealed) {
        p->reveal_start_ms = 0;
        p->reveal_up = true;
        p->m.reveal_t = 1.0f;
    }
}

static void update_clock(projector *p)
{
    uint64_t now = plat_now_ms();
    if (p->reveal_start_ms) {
        uint64_t total = REVEAL_MS_PER_SEAT * (uint64_t)(p->pub.n_seats > 0 ? p->pub.n_seats : 1) +
                         REVEAL_HOLD_MS;
        uint64_t el = now - p->reveal_start_ms;
        if (p->pub.phase != CORE_PHASE_UITVOERING) {
            p->reveal_start_ms = 0;
            p->reveal_up = false;
            p->m.reveal_t = -1.0f;
        } else if (el >= total) {
            p->reveal_start_ms = 0; /* held, whole, until the trainer moves on */
            p->m.reveal_t = 1.0f;
        } else {
            p->m.reveal_t = (float)el / (float)total;
        }
        p->dirty = true;
    }
    if (p->m.message[0] && now >= p->message_until_ms) {
        p->m.message[0] = 0;
        p->dirty = true;
    }
    char err[256] = "";
    switch (ui_phase_timer_step(&p->timer, p->h, now, err, sizeof err)) {
    case UI_TIMER_ADVANCED: say(p, _("De tijd is om: de volgende fase begint.")); break;
    case UI_TIMER_REFUSED: say(p, err[0] ? err : _("Nu kan de fase niet verder.")); break;
    case UI_TIMER_IDLE: break;
    }
    int left = ui_phase_timer_left_s(&p->timer, now);
    /* players see the same countdown (sent only when it starts, stops or jumps) */
    bool counting = p->timer.on && host_started(p->h) && !host_finished(p->h) &&
                    !host_paused(p->h) && left > 0;
    host_set_phase_timer(p->h, counting ? left : -1);
    if (left != p->m.timer_left_s || p->timer.on != p->m.timer_on) {
        p->m.timer_left_s = left;
        p->m.timer_on = p->timer.on;
        p->dirty = true;
    }
}

/* ------------------------------------------------------------ phase timer */

void ui_phase_timer_init(ui_phase_timer *t, bool on, int length_s, uint64_t now_ms)
{
    memset(t, 0, sizeof *t);
    t->on = on;
    t->length_s = length_s >= UI_PHASE_TIMER_MIN_S && length_s <= UI_PHASE_TIMER_MAX_S
                      ? length_s
                      : UI_PHASE_TIMER_DEFAULT_S;
    t->end_ms = now_ms + (uint64_t)t->length_s * 1000u;
    t->clock_ms = now_ms;
    t->round = -1;
    t->phase = CORE_PHASE_COUNT; /* the first step sees a "new" phase */
}

void ui_phase_timer_toggle(ui_phase_timer *t, uint64_t now_ms)
{
    t->on = !t->on;
    t->end_ms = now_ms + (uint64_t)t->length_s * 1000u;
}

void ui_phase_timer_extend(ui_phase_timer *t, uint64_t now_ms)
{
    if (!t->on)
        return;
    t->end_ms = (t->end_ms > now_ms ? t->end_ms : now_ms) + UI_PHASE_TIMER_EXTEND_S * 1000u;
}

int ui_phase_timer_left_s(const ui_phase_timer *t, uint64_t now_ms)
{
    if (!t->on || t->end_ms <= now_ms)
        return 0;
    return (int)((t->end_ms - now_ms + 999u) / 1000u);
}

ui_timer_step ui_phase_timer_step(ui_phase_timer *t, host *h, uint64_t now_ms, char *err,
                                  size_t err_len)
{
    const core_state *st = host_state(h);
    bool running = host_started(h) && !host_finished(h) && !host_paused(h) &&
                   st->phase != CORE_PHASE_LOBBY && st->phase != CORE_PHASE_END;
    if (st->phase != t->phase || st->round != t->round) {
        t->phase = st->phase;
        t->round = st->round;
        t->end_ms = now_ms + (uint64_t)t->length_s * 1000u;
    } else if (!running && now_ms > t->clock_ms) {
        /* held: the time that passed does not count */
        t->end_ms += now_ms - t->clock_ms;
    }
    t->clock_ms = now_ms;
    if (!t->on || !running || now_ms < t->end_ms)
        return UI_TIMER_IDLE;
    /* one attempt per length: a phase that cannot end now is not retried
     * every frame (the trainer sees why) */
    t->end_ms = now_ms + (uint64_t)t->length_s * 1000u;
    if (!host_advance(h, err, err_len))
        return UI_TIMER_REFUSED;
    st = host_state(h);
    t->phase = st->phase;
    t->round = st->round;
    return UI_TIMER_ADVANCED;
}

int ui_phase_timer_length_setting(char *warn, size_t warn_len)
{
    if (warn_len)
        warn[0] = 0;
    const char *env = getenv("SAMENSPEL_TIMER_SECONDS");
    if (!env || !env[0])
        return UI_PHASE_TIMER_DEFAULT_S;
    char *end = NULL;
    long v = strtol(env, &end, 10);
    if (end && *end == 0 && v >= UI_PHASE_TIMER_MIN_S && v <= UI_PHASE_TIMER_MAX_S)
        return (int)v;
    snprintf(warn, warn_len,
             _("SAMENSPEL_TIMER_SECONDS=%.40s is geen aantal seconden tussen %d en %d; een fase "
               "duurt nu %d seconden."),
             env, UI_PHASE_TIMER_MIN_S, UI_PHASE_TIMER_MAX_S, UI_PHASE_TIMER_DEFAULT_S);
    return UI_PHASE_TIMER_DEFAULT_S;
}

static void fill_bots(projector *p)
{
    int n = host_seat_count(p->h), filled = 0;
    for (int s = 0; s < n; s++) {
        host_seat_info si;
        if (host_seat_info_get(p->h, s, &si) && !si.taken && !si.bot &&
            host_seat_bot(p->h, s, CORE_BOT_TEAM))
            filled++;
    }
    char msg[128];
    snprintf(msg, sizeof msg, _("%d bots nemen een vrije plaats in."), filled);
    say(p, msg);
}

static void switch_language(projector *p)
{
    plat_i18n_init(strcmp(plat_i18n_lang(), "en") == 0 ? "nl" : "en");
    ui_gfx_flush_text(&p->g);
    p->dirty = true;
}

static void toggle_fullscreen(projector *p)
{
    if (!p->g.win)
        return;
    p->fullscreen = !p->fullscreen;
    SDL_SetWindowFullscreen(p->g.win, p->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    p->dirty = true;
}

static void do_start(projector *p)
{
    char err[256] = "";
    if (!host_start(p->h, err, sizeof err))
        say(p, err[0] ? err : _("Het spel kan nog niet starten."));
}

static void do_next(projector *p)
{
    char err[256] = "";
    if (!host_started(p->h)) {
        do_start(p);
        return;
    }
    if (!host_advance(p->h, err, sizeof err))
        say(p, err[0] ? err : _("Nu kan de fase niet verder."));
}

static void do_restart(projector *p)
{
    uint64_t now = plat_now_ms();
    if (p->restart_armed_ms == 0 || now - p->restart_armed_ms > 3000) {
        p->restart_armed_ms = now;
        say(p, _("Nog eens R om opnieuw te beginnen."));
        return;
    }
    p->restart_armed_ms = 0;
    char err[256] = "";
    if (!host_restart(p->h, err, sizeof err))
        say(p, err);
    else {
        p->debrief = false;
        say(p, _("Terug naar de lobby; de plaatsen blijven bezet."));
    }
}

static void do_load_next_level(projector *p)
{
    if (host_started(p->h)) {
        say(p, _("Een ander level laden kan alleen in de lobby."));
        return;
    }
    ui_level_list *list = malloc(sizeof *list);
    if (!list)
        return;
    ui_levels_scan(list);
    if (list->n == 0) {
        say(p, _("Geen levels gevonden."));
        free(list);
        return;
    }
    p->level_cursor = (p->level_cursor + 1) % list->n;
    lvl_diags *d = calloc(1, sizeof *d);
    char err[256] = "";
    if (d && host_load_level_journaled(p->h, list->items[p->level_cursor].path, d, err, sizeof err)) {
        char msg[256];
        snprintf(msg, sizeof msg, _("Level geladen: %s"), list->items[p->level_cursor].name);
        say(p, msg);
    } else {
        say(p, err[0] ? err : _("Dat level heeft fouten; controleer het met ‘samenspel check’."));
    }
    free(d);
    free(list);
}

/* The debrief's report: HTML + CSV of this session from the journal, into
 * $XDG_DATA_HOME/samenspel/verslagen/sessie-<id>; with anonymize every
 * player name becomes the seat's role. */
static void do_export(projector *p, bool anonymize)
{
#if defined(SAMENSPEL_UI_REPORT)
    int64_t session = host_journal_session(p->h);
    char dir[1024], err[REPORT_ERR_LEN] = "";
    if (session <= 0) {
        say(p, _("Deze sessie wordt niet bewaard, dus er is geen verslag."));
        return;
    }
    if (!report_default_dir(session, dir, sizeof dir, err, sizeof err) ||
        !report_export_db(p->opts->db, session, dir, anonymize, err, sizeof err)) {
        say(p, err);
        return;
    }
    char msg[1100];
    snprintf(msg, sizeof msg, _("Verslag bewaard in %s"), dir);
    say(p, msg);
#else
    (void)anonymize;
    say(p, _("Deze versie kan geen verslag exporteren."));
#endif
}

static void key(projector *p, SDL_Keycode k, Uint16 mod);

static void click(projector *p, int id, int arg)
{
    switch (id) {
    case UI_ID_START: do_start(p); break;
    case UI_ID_PAUSE: host_set_paused(p->h, !host_paused(p->h)); break;
    case UI_ID_NEXT_PHASE: do_next(p); break;
    case UI_ID_BOTS_FILL: fill_bots(p); break;
    case UI_ID_LANG: switch_language(p); break;
    case UI_ID_HELP: p->m.help = !p->m.help; break;
    case UI_ID_CLOSE_OVERLAY:
        p->m.help = false;
        p->m.seat_menu = -1;
        p->m.trainer_menu = false;
        break;
    case UI_ID_TRAINER_MENU: p->m.trainer_menu = !p->m.trainer_menu; break;
    case UI_ID_TIMER_TOGGLE: key(p, SDLK_t, KMOD_CTRL); break;
    case UI_ID_TIMER_EXTEND: key(p, SDLK_PLUS, 0); break;
    case UI_ID_HIDE_TEXT: key(p, SDLK_v, KMOD_CTRL); break;
    case UI_ID_HIDE_LEVEL: key(p, SDLK_m, KMOD_CTRL); break;
    case UI_ID_RESTART: key(p, SDLK_r, KMOD_CTRL); break;
    case UI_ID_FULLSCREEN: toggle_fullscreen(p); break;
    case UI_ID_LOAD_LEVEL: do_load_next_level(p); break;
    case UI_ID_EXPORT: do_export(p, arg != 0); break;
    case UI_ID_SEAT: p->m.seat_menu = arg; break;
    case UI_ID_SEAT_BOT:
        host_seat_bot(p->h, arg, CORE_BOT_TEAM);
        p->m.seat_menu = -1;
        break;
    case UI_ID_SEAT_RELEASE:
        host_release_seat(p->h, arg);
        p->m.seat_menu = -1;
        break;
    case UI_ID_SEAT_KICK:
        host_kick_seat(p->h, arg);
        p->m.seat_menu = -1;
        break;
    case UI_ID_SKIP_REVEAL: reveal_step(p); break;
    case UI_ID_DEBRIEF: p->debrief = true; break;
    case UI_ID_DEBRIEF_PREV:
        if (p->m.debrief_step > 0)
            p->m.debrief_step--;
        break;
    case UI_ID_DEBRIEF_NEXT:
        if (p->m.debrief_step < UI_DEBRIEF_STEPS - 1)
            p->m.debrief_step++;
        break;
    default: break;
    }
    /* one trainer action per menu visit; R asks twice, so it stays open */
    if (id != UI_ID_TRAINER_MENU && id != UI_ID_RESTART && id != UI_ID_NONE)
        p->m.trainer_menu = false;
    p->dirty = true;
}

bool ui_trainer_key_needs_ctrl(int keycode)
{
    return keycode >= SDLK_a && keycode <= SDLK_z && keycode != SDLK_h && keycode != SDLK_i;
}

static void key(projector *p, SDL_Keycode k, Uint16 mod)
{
    if (ui_trainer_key_needs_ctrl(k) && !(mod & KMOD_CTRL)) {
        char hint[160];
        snprintf(hint, sizeof hint, _("Houd Ctrl ingedrukt: Ctrl+%c."),
                 (char)(k - SDLK_a + 'A'));
        say(p, hint);
        return;
    }
    switch (k) {
    case SDLK_ESCAPE:
        if (p->m.help || p->m.seat_menu >= 0 || p->m.trainer_menu) {
            p->m.help = false;
            p->m.trainer_menu = false;
            p->m.seat_menu = -1;
        } else if (p->fullscreen) {
            toggle_fullscreen(p);
        }
        break;
    case SDLK_F1:
    case SDLK_h: p->m.help = !p->m.help; break;
    case SDLK_F11: toggle_fullscreen(p); break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (!host_started(p->h))
            do_start(p);
        break;
    case SDLK_SPACE:
        if (animating(p))
            click(p, UI_ID_SKIP_REVEAL, 0);
        else if (host_started(p->h))
            host_set_paused(p->h, !host_paused(p->h));
        break;
    case SDLK_n: do_next(p); break;
    case SDLK_t:
        ui_phase_timer_toggle(&p->timer, plat_now_ms());
        update_clock(p);
        break;
    case SDLK_PLUS:
    case SDLK_KP_PLUS:
    case SDLK_EQUALS:
        ui_phase_timer_extend(&p->timer, plat_now_ms());
        update_clock(p);
        break;
    case SDLK_b: fill_bots(p); break;
    case SDLK_v:
        p->m.hide_player_text = !p->m.hide_player_text;
        say(p, p->m.hide_player_text ? _("Getypte antwoorden verborgen.")
                                     : _("Getypte antwoorden zichtbaar."));
        break;
    case SDLK_m:
        /* the live level and measures off the projector during play; the
         * debrief shows them regardless */
        p->m.hide_level = !p->m.hide_level;
        say(p, p->m.hide_level ? _("Niveau verborgen tot de nabespreking.")
                               : _("Niveau zichtbaar."));
        break;
    case SDLK_d: p->debrief = !p->debrief; break;
    case SDLK_LEFT: click(p, UI_ID_DEBRIEF_PREV, 0); break;
    case SDLK_RIGHT: click(p, UI_ID_DEBRIEF_NEXT, 0); break;
    case SDLK_r: do_restart(p); break;
    case SDLK_o: do_load_next_level(p); break;
    case SDLK_l: switch_language(p); break;
    case SDLK_i: reveal_again(p); break;
    default: return;
    }
    p->dirty = true;
}

static void handle(projector *p, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT: p->quit = true; break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            e->window.event == SDL_WINDOWEVENT_EXPOSED ||
            e->window.event == SDL_WINDOWEVENT_RESTORED)
            p->dirty = true;
        break;
    case SDL_KEYDOWN: key(p, e->key.keysym.sym, e->key.keysym.mod); break;
    case SDL_MOUSEMOTION: {
        /* hover only matters over a click region: redraw when it changes */
        const ui_hit *before = ui_hit_at(&p->g, p->g.mouse_x, p->g.mouse_y);
        const ui_hit *after = ui_hit_at(&p->g, e->motion.x, e->motion.y);
        p->g.mouse_x = e->motion.x;
        p->g.mouse_y = e->motion.y;
        if (before != after)
            p->dirty = true;
        break;
    }
    case SDL_MOUSEBUTTONUP:
        if (e->button.button == SDL_BUTTON_LEFT) {
            const ui_hit *hit = ui_hit_at(&p->g, e->button.x, e->button.y);
            if (hit)
                click(p, hit->id, hit->arg);
        }
        break;
    default: break;
    }
}

static void draw(projector *p)
{
    ui_gfx_begin(&p->g);
    ui_proj_screen scr = !host_started(p->h) ? UI_PROJ_LOBBY
                         : p->debrief        ? UI_PROJ_DEBRIEF
                                             : UI_PROJ_TABLE;
    ui_draw_projector(&p->g, &p->m, scr);
    SDL_RenderPresent(p->g.ren);
    p->dirty = false;
    /* tools/bench/ui.sh times start -> first presented frame with this */
    if (getenv("SAMENSPEL_EXIT_AFTER_FIRST_FRAME"))
        p->quit = true;
}

static const char *scene_for(host_screen s)
{
    switch (s) {
    case HOST_SCREEN_LOBBY: return "lobby";
    case HOST_SCREEN_DEBRIEF: return "debrief";
    default: return "table";
    }
}

int ui_host_main(const host_options *opts)
{
    char err[UI_ERR_LEN] = "";
    int w = opts->width > 0 ? opts->width : 1920;
    int hgt = opts->height > 0 ? opts->height : 1080;
    if (opts->screenshot[0]) {
        if (!ui_scene_screenshot(opts->level_path, scene_for(opts->screen), w, hgt, opts->font,
                                 opts->screenshot, err, sizeof err)) {
            fprintf(stderr, "samenspel host: %s\n", err);
            return 1;
        }
        return 0;
    }
    projector *p = calloc(1, sizeof *p);
    if (!p) {
        fprintf(stderr, "samenspel host: %s\n", _("Te weinig geheugen."));
        return 1;
    }
    for (int r = 0; r <= CORE_MAX_ROUNDS; r++)
        p->reflection_cards[r] = -1;
    lvl_diags *diags = calloc(1, sizeof *diags);
    p->h = host_create_journaled(opts, diags, err, sizeof err);
    if (!p->h) {
        if (diags && diags->n > 0)
            lvl_diags_print(diags, false, stderr);
        fprintf(stderr, "samenspel host: %s\n", err);
        free(diags);
        free(p);
        return 1;
    }
    free(diags);
    if (!ui_gfx_open(&p->g, _("Samenspel — projector"), opts->width > 0 ? w : 1280,
                     opts->height > 0 ? hgt : 720, false, opts->font, err, sizeof err)) {
        fprintf(stderr, "samenspel host: %s\n", err);
        host_destroy_journaled(p->h);
        free(p);
        return 1;
    }
    ui_proj_model_init(&p->m);
    char warn[256] = "";
    /* the command line wins over the environment */
    int timer_s = opts->timer_seconds > 0 ? opts->timer_seconds : ui_phase_timer_length_setting(warn, sizeof warn);
    ui_phase_timer_init(&p->timer, opts->timer, timer_s, plat_now_ms());
    p->m.timer_on = opts->timer;
    p->m.timer_left_s = ui_phase_timer_left_s(&p->timer, plat_now_ms());
    if (warn[0]) {
        fprintf(stderr, "samenspel host: %s\n", warn);
        say(p, warn);
    }
    p->opts = opts;
#if defined(SAMENSPEL_UI_REPORT)
    p->m.can_export = host_journal_session(p->h) > 0;
#endif
    p->last_phase = CORE_PHASE_COUNT;
    p->level_cursor = -1;
    p->dirty = true;
    int rc = 0;
    while (!p->quit) {
        if (!host_pump(p->h, 0)) {
            fprintf(stderr, "samenspel host: %s\n", host_last_error(p->h));
            rc = 1;
            break;
        }
        sync(p);
        update_clock(p);
        if (p->dirty)
            draw(p);
        /* Sleep in the event queue: short while animating, otherwise long
         * enough to stay far under 1% of a core yet keep the network
         * answered well within a heartbeat. */
        SDL_Event e;
        int wait = animating(p) ? 16 : 40;
        if (ui_wait_event(&e, wait)) {
            handle(p, &e);
            while (SDL_PollEvent(&e))
                handle(p, &e);
        }
    }
    ui_gfx_close(&p->g);
    host_destroy_journaled(p->h);
    free(p);
    SDL_Quit();
    return rc;
}
