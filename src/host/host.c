/*
 * host: the authoritative session. See host.h for the contract.
 *
 * This file is the session itself: create and destroy, the one path every
 * accepted action takes (check, journal, apply), the pump that runs a
 * tick, the trainer's game controls and the headless loop. The other jobs
 * live beside it and share host_int.h:
 *   host_peers.c      connections: accept, read, rate limits, handshake,
 *                     heartbeats, LAN discovery
 *   host_frames.c     what a frame from a peer does (the dispatch)
 *   host_seats.c      seats, bots, the trainer's seat controls
 *   host_broadcast.c  the fan-out: lobby, fact texts, one view per peer
 *   host_level.c      restart and level (re)loading in the lobby
 *   host_journal.c    the bridge to the SQLite store (host_journal.h)
 *
 * The loop per tick: accept everyone waiting, read every ready peer, handle
 * complete frames (handshake, intents, heartbeats), run the in-process
 * bots, then one broadcast (fact texts first, then one UPDATE per peer).
 * A peer that misbehaves in any way is dropped with a logged reason and
 * nothing of its input reaches the rules engine.
 */
#include "host/host_int.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------- log */

void host_logf(host *h, const char *fmt, ...)
{
    char line[HOST_LOG_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    int idx = (h->log_start + h->log_n) % HOST_LOG_LINES;
    if (h->log_n == HOST_LOG_LINES)
        h->log_start = (h->log_start + 1) % HOST_LOG_LINES;
    else
        h->log_n++;
    memcpy(h->log[idx], line, sizeof line);
    if (h->opts.headless && !h->opts.quiet)
        fprintf(stderr, "host: %s\n", line);
}

int host_log_count(const host *h) { return h->log_n; }

const char *host_log_line(const host *h, int i)
{
    if (i < 0 || i >= h->log_n)
        return "";
    return h->log[(h->log_start + i) % HOST_LOG_LINES];
}

/* ---------------------------------------------------------- the one path */

static void add_events(host *h, const core_events *ev)
{
    for (int i = 0; i < ev->n; i++) {
        if (h->pending.n < CORE_MAX_EVENTS)
            h->pending.ev[h->pending.n++] = ev->ev[i];
        else
            h->events_dropped++; /* the views still carry the truth */
    }
}

/* A verbeteractie stays with its round (the core clears it at the next). */
static void keep_improvement(host *h, const core_action *a, int r)
{
    if (a->type == CORE_ACT_REFLECT && a->text[0] && a->seat >= 0 && a->seat < CORE_MAX_SEATS &&
        r >= 0 && r <= CORE_MAX_ROUNDS)
        snprintf(h->improvements[r][a->seat], CORE_ANSWER_LEN, "%s", a->text);
}

const host_improvements *host_improvements_get(const host *h)
{
    return &h->improvements;
}

/* Every accepted action goes through here: check, journal, apply. */
core_reject host_submit(host *h, const core_action *a)
{
    core_reject r = core_check(&h->st, a);
    if (r != CORE_OK)
        return r;
    if (h->has_journal && h->journal.append && !h->journal.append(h->journal.ctx, h->seq + 1, a)) {
        host_logf(h, _("het journaal weigerde actie %d: niet uitgevoerd"), (int)a->type);
        return CORE_REJ_WRONG_PHASE;
    }
    core_events ev;
    ev.n = 0;
    int round = h->st.round; /* the last answer may end the round */
    r = core_apply(&h->st, a, &ev);
    if (r != CORE_OK) {
        /* core_check and core_apply disagree: a rules bug, never the peer's */
        host_logf(h, _("de spelregels weigerden een gecontroleerde actie (%s)"), _(core_reject_message(r)));
        return r;
    }
    h->seq++;
    keep_improvement(h, a, round);
    h->last_action_ms = plat_now_ms();
    add_events(h, &ev);
    h->view_dirty = true;
    h->lobby_dirty = true;
    if (h->st.outcome != CORE_OUTCOME_ONGOING && !h->finished_reported) {
        h->finished_reported = true;
        if (h->has_journal && h->journal.finished)
            h->journal.finished(h->journal.ctx, &h->st);
    }
    return CORE_OK;
}

/* The trainer's (or the host's own) actions: START, ADVANCE, NEW_PLAYER. */
core_reject host_submit_trainer(host *h, core_action_type type, int arg)
{
    core_action a;
    memset(&a, 0, sizeof a);
    a.type = type;
    a.seat = CORE_SEAT_HOST;
    a.a = arg;
    return host_submit(h, &a);
}

/* ----------------------------------------------------------------- setup */

static void random_code(char out[HOST_CODE_LEN])
{
    /* no I or O: they read as 1 and 0 on a projector */
    static const char letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    uint8_t r[4];
    net_random_bytes(r, sizeof r);
    for (int i = 0; i < 4; i++)
        out[i] = letters[r[i] % (sizeof letters - 1)];
    out[4] = '\0';
}

static bool host_begin(host *h, const host_resume *resume, char *err, size_t err_len)
{
    if (!core_scenario_validate_tr(h->sc, plat_tr, err, err_len))
        return false;
    h->seed = resume ? resume->seed : h->opts.seed;
    if (h->seed == 0)
        net_random_bytes((uint8_t *)&h->seed, sizeof h->seed);
    if (!core_init(&h->st, h->sc, h->seed, err, err_len))
        return false;
    if (resume && resume->code[0])
        memcpy(h->code, resume->code, HOST_CODE_LEN);
    else if (h->opts.code[0])
        memcpy(h->code, h->opts.code, HOST_CODE_LEN);
    else
        random_code(h->code);
    for (int s = 0; s < CORE_MAX_SEATS; s++)
        h->seats[s].peer = -1;
    if (resume) {
        for (int s = 0; s < h->sc->n_seats; s++) {
            seat_slot *st = &h->seats[s];
            st->taken = resume->seats[s].taken;
            st->bot = resume->seats[s].bot;
            snprintf(st->name, sizeof st->name, "%s", resume->seats[s].name);
            memcpy(st->token, resume->seats[s].token, HOST_TOKEN_LEN);
            if (st->bot)
                host_seat_make_bot(h, s, CORE_BOT_TEAM);
        }
        for (size_t i = 0; i < resume->n_actions; i++) {
            core_events ev;
            ev.n = 0;
            int round = h->st.round;
            core_reject r = core_apply(&h->st, &resume->actions[i], &ev);
            if (r != CORE_OK) {
                snprintf(err, err_len, _("actie %zu van het journaal speelt niet opnieuw af: %s"), i + 1, _(core_reject_message(r)));
                return false;
            }
            h->seq++;
            keep_improvement(h, &resume->actions[i], round);
        }
    }
    /* --bots N: the last N free seats, so that people get the first roles */
    int want = h->opts.bots, free_seats = 0;
    for (int s = 0; s < h->sc->n_seats; s++)
        free_seats += !h->seats[s].taken;
    if (want > free_seats) {
        /* silently seating fewer bots would leave a headless host waiting
         * for players nobody meant to bring */
        snprintf(err, err_len,
                 ngettext("--bots %d: deze casus heeft maar %d vrije plaats; kies --bots %d of minder",
                          "--bots %d: deze casus heeft maar %d vrije plaatsen; kies --bots %d of minder",
                          (unsigned long)free_seats),
                 want, free_seats, free_seats);
        return false;
    }
    for (int s = h->sc->n_seats - 1; s >= 0 && want > 0; s--)
        if (!h->seats[s].taken) {
            host_seat_make_bot(h, s, h->opts.bot_kind);
            want--;
        }
    h->view_dirty = h->lobby_dirty = true;
    return true;
}

static host *host_alloc(const host_options *o, const host_journal_ops *journal)
{
    host *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->opts = *o;
    h->sc = calloc(1, sizeof *h->sc);
    h->scratch = malloc(PROTO_MAX_FRAME);
    if (journal) {
        h->journal = *journal;
        h->has_journal = true;
    }
    h->disc_tokens = HOST_DISCOVERY_PER_S;
    h->disc_ms = plat_now_ms();
    if (!h->sc || !h->scratch) {
        free(h->sc);
        free(h->scratch);
        free(h);
        return NULL;
    }
    return h;
}

static bool host_open_net(host *h, char *err, size_t err_len)
{
    if (!net_init(err, err_len))
        return false;
    h->net_up = true;
    h->lis = net_listen(h->opts.port, err, err_len);
    if (!h->lis)
        return false;
    h->poll = net_poll_create(HOST_MAX_CONNS + 1);
    if (!h->poll || !net_poll_add_listener(h->poll, h->lis)) {
        snprintf(err, err_len, "%s", _("geen geheugen voor de netwerklus"));
        return false;
    }
    char uerr[160];
    h->udp = net_udp_open(h->opts.port, uerr, sizeof uerr);
    if (!h->udp)
        host_logf(h, _("zoeken op het netwerk staat uit (%s); spelers kunnen het adres nog intikken"), uerr);
    /* `samenspel join` asks on the default port: a host on another --port
     * answers there too (the port is shared with other hosts, see net_udp.c) */
    if (h->opts.port != HOST_DEFAULT_PORT) {
        h->udp_default = net_udp_open(HOST_DEFAULT_PORT, uerr, sizeof uerr);
        if (!h->udp_default)
            host_logf(h, _("zoeken op het netwerk via poort %d staat uit (%s); join --port %d vindt deze host nog"),
                      HOST_DEFAULT_PORT, uerr, h->opts.port);
    }
    /* the address on the default route in the URL and QR code; the
     * machine's others in the trainer menu */
    char addr[NET_ADDR_LEN];
    net_if_addr lan[NET_MAX_LAN];
    int n_lan = net_lan_addresses(lan, NET_MAX_LAN);
    if (n_lan > 0)
        net_addr_text(lan[0].addr, addr, sizeof addr);
    else
        snprintf(addr, sizeof addr, "127.0.0.1");
    snprintf(h->lan, sizeof h->lan, "%s:%d", addr, h->opts.port);
    char why[200];
    h->web = host_web_open(&h->opts, h->opts.port, addr, h->web_url, sizeof h->web_url, why, sizeof why);
    if (!h->web && why[0])
        host_logf(h, _("spelen in de browser staat uit: %s"), why);
    host_web_others(h->lan_others, sizeof h->lan_others, lan + 1, n_lan > 1 ? n_lan - 1 : 0,
                    h->web ? web_port(h->web) : h->opts.port);
    return true;
}

/* A create that failed: the journal stays the caller's (see host.h). */
static void host_abandon(host *h)
{
    h->has_journal = false;
    host_destroy(h);
}

host *host_create_scenario(const host_options *o, const core_scenario *sc,
                           const host_resume *resume, const host_journal_ops *journal,
                           char *err, size_t err_len)
{
    host *h = host_alloc(o, journal);
    if (!h) {
        snprintf(err, err_len, "%s", _("geen geheugen"));
        return NULL;
    }
    memcpy(h->sc, sc, sizeof *sc);
    if (!host_begin(h, resume, err, err_len) || !host_open_net(h, err, err_len)) {
        host_abandon(h);
        return NULL;
    }
    host_logf(h, _("spelcode %s op %s, casus ‘%s’"), h->code, h->lan, h->sc->title);
    return h;
}

host *host_create(const host_options *o, const host_resume *resume,
                  const host_journal_ops *journal, lvl_diags *diags,
                  char *err, size_t err_len)
{
    host *h = host_alloc(o, journal);
    if (!h) {
        snprintf(err, err_len, "%s", _("geen geheugen"));
        return NULL;
    }
    if (!h->opts.level_path[0] && !lvl_default_path(h->opts.level_path, sizeof h->opts.level_path)) {
        snprintf(err, err_len, _("geen casus opgegeven en de standaardcasus is niet gevonden"));
        host_abandon(h);
        return NULL;
    }
    lvl_diags *d = diags ? diags : &h->reload_diags; /* large: not on the stack */
    memset(d, 0, sizeof *d);
    if (!lvl_load_file(h->opts.level_path, h->sc, d)) {
        snprintf(err, err_len, _("casus %s heeft fouten (samenspel check %s toont ze)"),
                 h->opts.level_path, h->opts.level_path);
        host_abandon(h);
        return NULL;
    }
    if (h->opts.watch) {
        lvl_watch_init(&h->watch, h->opts.level_path);
        h->watching = true;
    }
    if (!host_begin(h, resume, err, err_len) || !host_open_net(h, err, err_len)) {
        host_abandon(h);
        return NULL;
    }
    host_logf(h, _("spelcode %s op %s, casus ‘%s’"), h->code, h->lan, h->sc->title);
    return h;
}

void host_destroy(host *h)
{
    if (!h)
        return;
    uint8_t buf[16];
    size_t n = proto_encode_bye(buf, sizeof buf, PROTO_REJ_SHUTDOWN);
    for (int i = 0; i < h->n_peers; i++) {
        if (!h->peers[i].dead)
            net_conn_send(h->peers[i].conn, buf, n);
        if (h->poll)
            net_poll_del_conn(h->poll, h->peers[i].conn);
        net_conn_close(h->peers[i].conn, true);
    }
    if (h->poll)
        net_poll_destroy(h->poll);
    net_listener_close(h->lis);
    net_udp_close(h->udp);
    net_udp_close(h->udp_default);
    web_stop(h->web);
    if (h->net_up)
        net_quit();
    if (h->has_journal && h->journal.close)
        h->journal.close(h->journal.ctx);
    free(h->sc);
    free(h->watch_sc);
    free(h->scratch);
    free(h);
}

/* ------------------------------------------------------------------ pump */

/* Without a trainer (headless), a phase in which nobody can act any more
 * would last forever: after a quiet spell the host advances it, as
 * core_simulate does. Only while every seat is played, so that a
 * disconnected player is waited for. Bots READY when their part is done, so
 * this is a safety net, not the pace: a short spell (it was 250 ms) ended
 * Overleg while slow bot clients were still making the team's plan, and
 * networked team bots then lost games they win in simulation. */
static void auto_advance(host *h, uint64_t now)
{
    int idle = h->opts.advance_idle_ms;
    if (idle < 0)
        idle = h->opts.headless ? 3000 : 0;
    if (idle == 0 || h->paused || h->st.phase == CORE_PHASE_LOBBY || h->st.outcome != CORE_OUTCOME_ONGOING)
        return;
    /* `now` was read at the top of this pump; an action applied since then
     * is newer than it, and the unsigned difference would wrap around and
     * advance the phase at once. */
    if (now <= h->last_action_ms || now - h->last_action_ms < (uint64_t)idle)
        return;
    for (int s = 0; s < h->sc->n_seats; s++)
        if (!h->seats[s].bot && !host_seat_connected(h, s))
            return;
    char err[128];
    if (!host_advance(h, err, sizeof err)) {
        h->last_action_ms = now; /* do not retry every tick */
        host_logf(h, _("de volgende fase kon niet starten: %s"), err);
    }
}

bool host_pump(host *h, int max_wait_ms)
{
    bool bots_waiting = false;
    for (int s = 0; s < h->sc->n_seats; s++)
        bots_waiting |= h->seats[s].bot;
    bots_waiting = bots_waiting && !h->paused && h->st.phase != CORE_PHASE_LOBBY &&
                   h->st.outcome == CORE_OUTCOME_ONGOING;
    int wait = max_wait_ms;
    if (bots_waiting && h->opts.headless)
        wait = 0;
    else if (bots_waiting && wait > 20)
        wait = 20;
    /* The web server's sockets are not in the poll set: with browsers
     * connected, wake often enough that they wait little longer than a TCP peer. */
    if (web_socket_count(h->web) > 0 && wait > 1)
        wait = 1;
    web_service(h->web);
    int n = net_poll_wait(h->poll, wait);
    uint64_t now = plat_now_ms();
    if (n > 0) {
        if (net_poll_listener_ready(h->lis))
            host_accept_all(h, now);
        for (int i = 0; i < h->n_peers; i++)
            if (!h->peers[i].dead && net_poll_conn_ready(h->peers[i].conn))
                host_read_peer(h, i, now);
    } else if (n < 0) {
        host_logf(h, "%s", _("wachten op het netwerk mislukte"));
    }
    host_discovery(h, now);

    host_check_peers(h, now);

    if (h->opts.headless && h->st.phase == CORE_PHASE_LOBBY) {
        bool all = h->sc->n_seats > 0;
        for (int s = 0; s < h->sc->n_seats; s++)
            all = all && h->seats[s].taken && (h->seats[s].bot || host_seat_connected(h, s));
        if (all) {
            char err[128];
            if (host_start(h, err, sizeof err))
                host_logf(h, "%s", _("alle plaatsen zijn bezet: het spel begint"));
        } else {
            /* a host without a window would otherwise wait in silence */
            uint64_t every = h->opts.waiting_note_ms > 0 ? (uint64_t)h->opts.waiting_note_ms : HOST_WAITING_NOTE_MS;
            if (h->waiting_note_at == 0) {
                h->waiting_note_at = now + every; /* the start line already said it */
            } else if (now >= h->waiting_note_at) {
                char line[HOST_LOG_LEN];
                host_waiting_text(h, line, sizeof line);
                host_logf(h, "%s", line);
                h->waiting_note_at = now + every;
            }
        }
    }
    host_run_bots(h, now);
    auto_advance(h, now);
    host_watch_level(h, now);
    host_broadcast(h);
    host_reap_peers(h);
    if (web_socket_count(h->web) > 0)
        web_service(h->web); /* hand this tick's frames on to the browsers */
    return true;
}

/* ------------------------------------------------------------- accessors */

const char *host_room_code(const host *h) { return h->code; }

const char *host_lan_address(const host *h) { return h->lan; }

const char *host_other_addresses(const host *h) { return h->lan_others; }

int host_port(const host *h) { return h->opts.port; }

int host_web_port(const host *h) { return web_port(h->web); }

const char *host_join_url(const host *h)
{
    host *m = (host *)h; /* the URL follows the room code, built on demand */
    if (!h->web_url[0])
        m->join_url[0] = '\0';
    else
        snprintf(m->join_url, sizeof m->join_url, "%s?code=%s", h->web_url, h->code);
    return h->join_url;
}

const core_scenario *host_scenario(const host *h) { return h->sc; }

const core_state *host_state(const host *h) { return &h->st; }

int host_seat_count(const host *h) { return h->sc->n_seats; }

void host_waiting_text(const host *h, char *out, size_t len)
{
    int taken = 0;
    for (int s = 0; s < h->sc->n_seats; s++)
        taken += h->seats[s].taken && (h->seats[s].bot || host_seat_connected(h, s));
    snprintf(out, len,
             ngettext("Wacht op spelers: %d van %d plaats bezet, code %s",
                      "Wacht op spelers: %d van %d plaatsen bezet, code %s", (unsigned long)h->sc->n_seats),
             taken, h->sc->n_seats, h->code);
}

bool host_paused(const host *h) { return h->paused; }

bool host_started(const host *h) { return h->st.phase != CORE_PHASE_LOBBY; }

bool host_finished(const host *h) { return h->st.outcome != CORE_OUTCOME_ONGOING; }

const core_events *host_last_events(const host *h) { return &h->last; }

const char *host_last_error(const host *h) { return h->err; }

uint64_t host_actions_accepted(const host *h) { return h->seq; }

uint64_t host_bytes_sent(const host *h) { return h->bytes_sent; }

const host_journal_ops *host_journal(const host *h) { return h->has_journal ? &h->journal : NULL; }

/* -------------------------------------------------------------- controls */

bool host_start(host *h, char *err, size_t err_len)
{
    core_reject r = host_submit_trainer(h, CORE_ACT_START, 0);
    if (r != CORE_OK)
        snprintf(err, err_len, "%s", _(core_reject_message(r)));
    return r == CORE_OK;
}

bool host_set_paused(host *h, bool paused)
{
    h->paused = paused;
    h->lobby_dirty = true;
    host_logf(h, "%s", paused ? _("gepauzeerd") : _("hervat"));
    return true;
}

void host_set_phase_timer(host *h, int left_s)
{
    uint64_t now = plat_now_ms();
    uint64_t end = left_s >= 0 ? now + (uint64_t)left_s * 1000u : 0;
    /* a steady countdown changes nothing; a start, stop or jump does */
    bool jump = (end == 0) != (h->timer_end_ms == 0) ||
                (end && (end > h->timer_end_ms + 1500u || end + 1500u < h->timer_end_ms));
    if (jump) {
        h->timer_end_ms = end;
        h->lobby_dirty = true;
    }
}

bool host_advance(host *h, char *err, size_t err_len)
{
    core_reject r = host_submit_trainer(h, CORE_ACT_ADVANCE, 0);
    if (r != CORE_OK)
        snprintf(err, err_len, "%s", _(core_reject_message(r)));
    return r == CORE_OK;
}

/* -------------------------------------------------------------- headless */

/* The plain host for host_run_headless: no resume, no journal. */
static host *create_plain(const host_options *o, lvl_diags *diags, char *err, size_t err_len)
{
    return host_create(o, NULL, NULL, diags, err, err_len);
}

int host_run_headless(const host_options *o)
{
    return host_run_headless_with(o, create_plain);
}

int host_run_headless_with(const host_options *o, host_create_fn create)
{
    char err[512];
    lvl_diags *diags = calloc(1, sizeof *diags);
    if (!diags)
        return 1;
    host *h = create(o, diags, err, sizeof err);
    if (!h) {
        if (diags->n)
            lvl_diags_print(diags, false, stderr);
        fprintf(stderr, "samenspel host: %s\n", err);
        free(diags);
        return 1;
    }
    free(diags);
    if (!o->quiet)
        fprintf(stderr, _("samenspel host: spelcode %s op %s, wacht op %d spelers\n"), host_room_code(h),
                host_lan_address(h), host_seat_count(h));
    while (!host_finished(h))
        if (!host_pump(h, 50)) {
            fprintf(stderr, "samenspel host: %s\n", host_last_error(h));
            host_destroy(h);
            return 1;
        }
    /* let the last update reach everyone: clients leave once they saw the end */
    uint64_t until = plat_now_ms() + 1000;
    while (plat_now_ms() < until && host_connection_count(h) > 0)
        host_pump(h, 10);
    const core_state *st = host_state(h);
    core_measures m;
    core_measures_compute(st, 0, &m);
    printf(_("resultaat: %s, rondes: %d, samenwerkingsniveau: %s\n"),
           core_game_verdict(st->outcome, m.level) == CORE_VERDICT_TOGETHER ? _("gewonnen")
           : st->outcome == CORE_OUTCOME_WON ? _("geholpen, maar naast elkaar gewerkt")
                                             : _("verloren"),
           st->round,
           _(core_level_name(m.level)));
    fflush(stdout);
    host_destroy(h);
    return 0;
}
