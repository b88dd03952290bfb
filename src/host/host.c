/*
 * host: the authoritative session. See host.h for the contract.
 *
 * The loop per tick: accept everyone waiting, read every ready peer, handle
 * complete frames (handshake, intents, heartbeats), run the in-process
 * bots, then one broadcast (fact texts first, then one UPDATE per peer).
 * A peer that misbehaves in any way is dropped with a logged reason and
 * nothing of its input reaches the rules engine.
 */
#include "host/host.h"
#include "host/host_web.h"
#include "level/watch.h"
#include "net/net.h"
#include "platform/i18n.h"
#include "platform/plat.h"
#include "proto/proto.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOST_HANDSHAKE_MS 3000   /* a connection must say HELLO within this */
#define HOST_SILENT_MS 3000      /* silent this long = disconnected */
#define HOST_PING_MS 1000        /* heartbeat interval */
#define HOST_RATE_PER_S 100.0    /* frames per second per peer, sustained (a person never gets near) */
#define HOST_RATE_BURST 200.0
#define HOST_QUEUE_BYTES (2u * 1024u * 1024u) /* per peer; overflow = "too slow" */
#define HOST_MAX_KICKED 64
#define HOST_BOT_PACE_MS 350     /* windowed host: bots act at a pace people can follow */
#define HOST_MAX_BOT_STEPS 64    /* bot actions per tick at most */
#define HOST_DISCOVERY_PER_S 20.0
#define HOST_WATCH_MS 500
#define HOST_ACK_RING 256        /* UPDATEs remembered per peer for acknowledgements */

typedef enum { PEER_HANDSHAKE = 0, PEER_SEAT, PEER_OBSERVER } peer_state;

typedef struct {
    net_conn *conn;
    peer_state state;
    int seat;
    uint64_t opened_ms, last_rx_ms, last_ping_ms;
    double tokens;
    uint64_t tokens_ms;
    uint64_t facts_sent;          /* bit per fact whose text this peer holds */
    uint32_t events_sent;         /* bit per scripted event this peer knows */
    bool need_view, need_lobby;
    /* flow control: bytes sent after each UPDATE, to know how much the
     * peer has not acknowledged reading */
    uint64_t bytes_out, bytes_acked;
    struct { uint32_t tick; uint64_t bytes; } sent_ticks[HOST_ACK_RING];
    int ring_head, ring_n;
    bool dead;
    bool browsing;             /* an observer only reading the roles before choosing one */
    char dead_reason[96];
} peer;

typedef struct {
    bool taken, bot, kicked_before;
    core_bot_kind bot_kind;
    core_rng bot_rng;
    uint64_t bot_next_ms;
    char name[HOST_NAME_LEN];
    uint8_t token[HOST_TOKEN_LEN];
    int peer;                     /* index in peers or -1 */
    uint64_t last_seen_ms;
    char address[48];
} seat_slot;

struct host {
    host_options opts;
    core_scenario *sc;
    core_state st;
    uint64_t seed;
    char code[HOST_CODE_LEN];
    char lan[NET_ADDR_LEN + 8];
    net_listener *lis;
    net_udp *udp;
    net_poll *poll;
    bool net_up;
    peer peers[HOST_MAX_CONNS];
    int n_peers;
    seat_slot seats[CORE_MAX_SEATS];
    uint8_t kicked[HOST_MAX_KICKED][HOST_TOKEN_LEN];
    int n_kicked;
    core_events pending, last;
    int events_dropped;
    bool view_dirty, lobby_dirty;
    bool paused, finished_reported;
    uint64_t seq;
    uint64_t last_action_ms;      /* for --advance-idle */
    host_journal_ops journal;
    bool has_journal;
    char log[HOST_LOG_LINES][HOST_LOG_LEN];
    int log_start, log_n;
    uint32_t tick;
    uint8_t *scratch;
    double disc_tokens;
    uint64_t disc_ms;
    uint64_t bytes_sent;
    /* level hot reload (src/level/watch.h) */
    lvl_watch watch;
    bool watching;
    uint64_t watch_ms;
    core_scenario *watch_sc;      /* what the watcher loaded */
    bool reload_pending;          /* changed during a game: watch_sc applies at restart */
    host_reload_status reload;
    lvl_diags reload_diags;
    char err[256];
    web_server *web;              /* browser player (host_web.c); NULL when off */
    char web_url[HOST_URL_LEN];   /* "http://ip:port/" */
    char join_url[HOST_URL_LEN + 16];
};

/* ------------------------------------------------------------------ log */

static void hlog(host *h, const char *fmt, ...)
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

/* ---------------------------------------------------------------- sends */

static void drop_peer(host *h, int i, const char *reason)
{
    peer *p = &h->peers[i];
    if (p->dead)
        return;
    p->dead = true;
    snprintf(p->dead_reason, sizeof p->dead_reason, "%s", reason);
}

static void send_payload(host *h, int i, const uint8_t *payload, size_t len)
{
    peer *p = &h->peers[i];
    if (p->dead || len == 0)
        return;
    if (!net_conn_send(p->conn, payload, len))
        drop_peer(h, i, net_conn_failed(p->conn) ? "connection lost while sending"
                                                 : "send queue overflow (peer not reading)");
    else {
        h->bytes_sent += len + PROTO_HEADER_LEN;
        p->bytes_out += len + PROTO_HEADER_LEN;
    }
}

static void send_buf(host *h, int i, net_buf *b)
{
    peer *p = &h->peers[i];
    if (p->dead)
        return;
    if (!net_conn_send_buf(p->conn, b))
        drop_peer(h, i, net_conn_failed(p->conn) ? "connection lost while sending"
                                                 : "send queue overflow (peer not reading)");
    else {
        h->bytes_sent += net_buf_len(b);
        p->bytes_out += net_buf_len(b);
    }
}

static void send_reject(host *h, int i, proto_reject_code code, const char *detail)
{
    proto_reject r;
    memset(&r, 0, sizeof r);
    r.code = code;
    snprintf(r.text, sizeof r.text, "%s%s%s", proto_reject_text(code), detail ? ": " : "", detail ? detail : "");
    uint8_t buf[512];
    send_payload(h, i, buf, proto_encode_reject(buf, sizeof buf, &r));
}

/* Facts whose text a peer may hold: its own role's dossier and every
 * shared fact (observers: shared only). */
static uint64_t fact_mask(const host *h, const peer *p)
{
    uint64_t m = 0;
    int role = (p->state == PEER_SEAT) ? h->sc->seat_roles[p->seat] : -1;
    for (int f = 0; f < h->sc->n_facts; f++)
        if (h->st.fact_shared[f] || h->sc->facts[f].role == role)
            m |= 1ull << f;
    return m;
}

/* Scripted events whose round has come (revealed in its Signaal). */
static uint32_t event_mask(const host *h)
{
    uint32_t m = 0;
    if (h->st.phase == CORE_PHASE_LOBBY)
        return 0;
    for (int e = 0; e < h->sc->n_events; e++)
        if (h->sc->events[e].round <= h->st.round)
            m |= 1u << e;
    return m;
}

static void send_welcome(host *h, int i)
{
    peer *p = &h->peers[i];
    proto_welcome w;
    memset(&w, 0, sizeof w);
    w.seat = p->state == PEER_SEAT ? p->seat : -1;
    if (p->state == PEER_SEAT)
        memcpy(w.token, h->seats[p->seat].token, HOST_TOKEN_LEN);
    memcpy(w.code, h->code, sizeof w.code);
    uint64_t mask = fact_mask(h, p);
    uint32_t emask = event_mask(h);
    size_t n = proto_encode_welcome(h->scratch, PROTO_MAX_FRAME, &w, h->sc, mask, emask);
    if (n == 0) {
        hlog(h, "scenario does not fit in one frame; cannot welcome %s", net_conn_address(p->conn));
        drop_peer(h, i, "scenario too large");
        return;
    }
    p->facts_sent = mask;
    p->events_sent = emask;
    send_payload(h, i, h->scratch, n);
    p->need_view = true;
    p->need_lobby = true;
}

/* -------------------------------------------------------------- seats */

static bool seat_connected(const host *h, int s)
{
    int pi = h->seats[s].peer;
    return pi >= 0 && !h->peers[pi].dead;
}

static void journal_seat(host *h, int s)
{
    if (h->has_journal && h->journal.seat_changed)
        h->journal.seat_changed(h->journal.ctx, s, h->seats[s].name,
                                h->seats[s].taken ? h->seats[s].token : NULL, h->seats[s].bot);
}

static bool token_kicked(const host *h, const uint8_t *tok)
{
    for (int k = 0; k < h->n_kicked; k++)
        if (!memcmp(h->kicked[k], tok, HOST_TOKEN_LEN))
            return true;
    return false;
}

/* ------------------------------------------------------ the one path */

static void add_events(host *h, const core_events *ev)
{
    for (int i = 0; i < ev->n; i++) {
        if (h->pending.n < CORE_MAX_EVENTS)
            h->pending.ev[h->pending.n++] = ev->ev[i];
        else
            h->events_dropped++; /* the views still carry the truth */
    }
}

/* Every accepted action goes through here: check, journal, apply. */
static core_reject submit(host *h, const core_action *a)
{
    core_reject r = core_check(&h->st, a);
    if (r != CORE_OK)
        return r;
    if (h->has_journal && h->journal.append && !h->journal.append(h->journal.ctx, h->seq + 1, a)) {
        hlog(h, "journal refused action %d: not applied", (int)a->type);
        return CORE_REJ_WRONG_PHASE;
    }
    core_events ev;
    ev.n = 0;
    r = core_apply(&h->st, a, &ev);
    if (r != CORE_OK) {
        /* core_check and core_apply disagree: a rules bug, never the peer's */
        hlog(h, "rules refused a checked action (%s)", core_reject_message(r));
        return r;
    }
    h->seq++;
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

core_reject host_submit(host *h, const core_action *a)
{
    return submit(h, a);
}

/* The trainer's (or the host's own) actions: START, ADVANCE, NEW_PLAYER. */
static core_reject submit_host_action(host *h, core_action_type type, int arg)
{
    core_action a;
    memset(&a, 0, sizeof a);
    a.type = type;
    a.seat = CORE_SEAT_HOST;
    a.a = arg;
    return submit(h, &a);
}

/* --------------------------------------------------------------- setup */

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


/* Copies a display name into a seat's fixed buffer, cutting at a UTF-8
 * character boundary so a long role name never leaves half a character. */
static void seat_name_set(char *dst, size_t cap, const char *prefix, const char *name, const char *suffix)
{
    size_t n = 0;
    const char *parts[3] = {prefix, name, suffix};
    for (int p = 0; p < 3; p++)
        for (const char *c = parts[p]; c && *c && n + 1 < cap; c++)
            dst[n++] = *c;
    /* back off to the start of the last complete character */
    if (n + 1 >= cap) {
        size_t k = n;
        while (k > 0 && ((unsigned char)dst[k - 1] & 0xC0u) == 0x80u)
            k--;
        if (k > 0 && ((unsigned char)dst[k - 1] & 0x80u)) {
            unsigned char lead = (unsigned char)dst[k - 1];
            size_t need = (lead & 0xE0u) == 0xC0u ? 2 : (lead & 0xF0u) == 0xE0u ? 3 : 4;
            if (n - (k - 1) < need)
                n = k - 1;
        }
    }
    dst[n] = '\0';
}

static void seat_make_bot(host *h, int s, core_bot_kind kind)
{
    seat_slot *st = &h->seats[s];
    st->taken = true;
    st->bot = true;
    st->bot_kind = kind;
    core_rng_seed(&st->bot_rng, h->seed ^ 0x9e3779b97f4a7c15ull, (uint64_t)s + 1);
    const core_role_def *r = &h->sc->roles[h->sc->seat_roles[s]];
    seat_name_set(st->name, sizeof st->name, "bot (", r->name, ")");
    net_random_bytes(st->token, HOST_TOKEN_LEN);
    st->peer = -1;
    journal_seat(h, s);
}

static bool host_begin(host *h, const host_resume *resume, char *err, size_t err_len)
{
    if (!core_scenario_validate(h->sc, err, err_len))
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
                seat_make_bot(h, s, CORE_BOT_TEAM);
        }
        for (size_t i = 0; i < resume->n_actions; i++) {
            core_events ev;
            ev.n = 0;
            core_reject r = core_apply(&h->st, &resume->actions[i], &ev);
            if (r != CORE_OK) {
                snprintf(err, err_len, "journal action %zu does not replay: %s", i + 1, core_reject_message(r));
                return false;
            }
            h->seq++;
        }
    }
    /* --bots N: the last N free seats, so that people get the first roles */
    int want = h->opts.bots;
    for (int s = h->sc->n_seats - 1; s >= 0 && want > 0; s--)
        if (!h->seats[s].taken) {
            seat_make_bot(h, s, h->opts.bot_kind);
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
        snprintf(err, err_len, "geen geheugen voor de netwerklus");
        return false;
    }
    char uerr[160];
    h->udp = net_udp_open(h->opts.port, uerr, sizeof uerr);
    if (!h->udp)
        hlog(h, "LAN discovery off (%s); players can still type the address", uerr);
    char addr[NET_ADDR_LEN];
    net_lan_address(addr, sizeof addr);
    snprintf(h->lan, sizeof h->lan, "%s:%d", addr, h->opts.port);
    char why[200];
    h->web = host_web_open(&h->opts, h->opts.port, addr, h->web_url, sizeof h->web_url, why, sizeof why);
    if (!h->web && why[0])
        hlog(h, "browser player off: %s", why);
    return true;
}

host *host_create_scenario(const host_options *o, const core_scenario *sc,
                           const host_resume *resume, const host_journal_ops *journal,
                           char *err, size_t err_len)
{
    host *h = host_alloc(o, journal);
    if (!h) {
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    memcpy(h->sc, sc, sizeof *sc);
    if (!host_begin(h, resume, err, err_len) || !host_open_net(h, err, err_len)) {
        host_destroy(h);
        return NULL;
    }
    hlog(h, "room %s on %s, level '%s'", h->code, h->lan, h->sc->title);
    return h;
}

host *host_create(const host_options *o, const host_resume *resume,
                  const host_journal_ops *journal, lvl_diags *diags,
                  char *err, size_t err_len)
{
    host *h = host_alloc(o, journal);
    if (!h) {
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    if (!h->opts.level_path[0] && !lvl_default_path(h->opts.level_path, sizeof h->opts.level_path)) {
        snprintf(err, err_len, _("geen level opgegeven en het standaardlevel is niet gevonden"));
        host_destroy(h);
        return NULL;
    }
    lvl_diags *d = diags ? diags : &h->reload_diags; /* large: not on the stack */
    memset(d, 0, sizeof *d);
    if (!lvl_load_file(h->opts.level_path, h->sc, d)) {
        snprintf(err, err_len, _("level %s heeft fouten (samenspel check %s toont ze)"),
                 h->opts.level_path, h->opts.level_path);
        host_destroy(h);
        return NULL;
    }
    if (h->opts.watch) {
        lvl_watch_init(&h->watch, h->opts.level_path);
        h->watching = true;
    }
    if (!host_begin(h, resume, err, err_len) || !host_open_net(h, err, err_len)) {
        host_destroy(h);
        return NULL;
    }
    hlog(h, "room %s on %s, level '%s'", h->code, h->lan, h->sc->title);
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
    web_stop(h->web);
    if (h->net_up)
        net_quit();
    free(h->sc);
    free(h->watch_sc);
    free(h->scratch);
    free(h);
}

/* ------------------------------------------------------------ handshake */

static int find_role_seat(const host *h, const char *role, bool *role_known)
{
    *role_known = false;
    int found = -1;
    for (int s = 0; s < h->sc->n_seats; s++) {
        if (strcmp(h->sc->roles[h->sc->seat_roles[s]].id, role) != 0)
            continue;
        *role_known = true;
        if (!h->seats[s].taken && found < 0)
            found = s;
    }
    return found;
}

static void attach_seat(host *h, int i, int s)
{
    peer *p = &h->peers[i];
    seat_slot *st = &h->seats[s];
    if (st->peer >= 0 && st->peer != i && !h->peers[st->peer].dead) {
        /* the same token from a new connection wins: the old one is a ghost */
        uint8_t buf[16];
        send_payload(h, st->peer, buf, proto_encode_bye(buf, sizeof buf, PROTO_REJ_REPLACED));
        drop_peer(h, st->peer, "replaced by a rejoin with the same token");
    }
    p->state = PEER_SEAT;
    p->seat = s;
    st->peer = i;
    st->last_seen_ms = plat_now_ms();
    snprintf(st->address, sizeof st->address, "%s", net_conn_address(p->conn));
    h->lobby_dirty = true;
}

static void handle_hello(host *h, int i, const uint8_t *pl, size_t len)
{
    peer *p = &h->peers[i];
    proto_hello m;
    const char *why = NULL;
    if (!proto_decode_hello(pl, len, &m, &why)) {
        hlog(h, "peer %s: malformed HELLO (%s)", net_conn_address(p->conn), why);
        send_reject(h, i, PROTO_REJ_BAD_HELLO, why);
        drop_peer(h, i, "malformed HELLO");
        return;
    }
    if (m.magic != PROTO_MAGIC || m.version != PROTO_VERSION) {
        char detail[96];
        snprintf(detail, sizeof detail, "host %d, speler %u", PROTO_VERSION, (unsigned)m.version);
        hlog(h, "peer %s: version mismatch (protocol %u)", net_conn_address(p->conn), (unsigned)m.version);
        send_reject(h, i, PROTO_REJ_VERSION, detail);
        drop_peer(h, i, "version mismatch");
        return;
    }
    for (char *c = m.code; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
    if (strcmp(m.code, h->code) != 0) {
        hlog(h, "peer %s: wrong room code", net_conn_address(p->conn));
        send_reject(h, i, PROTO_REJ_WRONG_CODE, NULL);
        drop_peer(h, i, "wrong room code");
        return;
    }
    if (m.has_token && token_kicked(h, m.token)) {
        hlog(h, "peer %s: kicked token refused", net_conn_address(p->conn));
        send_reject(h, i, PROTO_REJ_KICKED, NULL);
        drop_peer(h, i, "kicked token");
        return;
    }
    if (m.has_token) {
        for (int s = 0; s < h->sc->n_seats; s++)
            if (h->seats[s].taken && !h->seats[s].bot &&
                !memcmp(h->seats[s].token, m.token, HOST_TOKEN_LEN)) {
                attach_seat(h, i, s);
                hlog(h, "%s rejoined seat %d (%s)", h->seats[s].name, s + 1,
                     h->sc->roles[h->sc->seat_roles[s]].id);
                send_welcome(h, i);
                return;
            }
        /* an unknown token (old game, released seat): join as new */
    }
    if (m.observe) {
        p->state = PEER_OBSERVER;
        p->seat = -1;
        p->browsing = m.browse;
        h->lobby_dirty = true;
        hlog(h, m.browse ? "someone at %s is looking at the roles" : "observer joined from %s",
             net_conn_address(p->conn));
        send_welcome(h, i);
        return;
    }
    int s = -1;
    if (m.role[0]) {
        bool known;
        s = find_role_seat(h, m.role, &known);
        if (!known) {
            send_reject(h, i, PROTO_REJ_UNKNOWN_ROLE, m.role);
            drop_peer(h, i, "unknown role");
            return;
        }
        if (s < 0) {
            send_reject(h, i, PROTO_REJ_ROLE_TAKEN, m.role);
            drop_peer(h, i, "role taken");
            return;
        }
    } else {
        for (int k = 0; k < h->sc->n_seats && s < 0; k++)
            if (!h->seats[k].taken)
                s = k;
        if (s < 0) {
            send_reject(h, i, PROTO_REJ_FULL, NULL);
            drop_peer(h, i, "game full");
            return;
        }
    }
    seat_slot *st = &h->seats[s];
    st->taken = true;
    st->bot = false;
    seat_name_set(st->name, sizeof st->name, "", m.name[0] ? m.name : h->sc->roles[h->sc->seat_roles[s]].name, "");
    net_random_bytes(st->token, HOST_TOKEN_LEN);
    attach_seat(h, i, s);
    journal_seat(h, s);
    hlog(h, "%s took seat %d (%s) from %s", st->name, s + 1, h->sc->roles[h->sc->seat_roles[s]].id,
         net_conn_address(p->conn));
    if (host_started(h) && !host_finished(h)) {
        /* A person new to the table missed the round-1 Identiteit: the rules
         * bring Identiteit back so they present their T-shape too. Through
         * submit() so the journal replays it on resume. */
        core_reject r = submit_host_action(h, CORE_ACT_NEW_PLAYER, s);
        if (r != CORE_OK)
            hlog(h, "new player at seat %d not announced to the rules: %s", s + 1, core_reject_message(r));
    }
    send_welcome(h, i);
}

/* --------------------------------------------------------------- frames */

/* The peer has read every UPDATE up to tick: what was sent until then is
 * acknowledged. */
static void handle_ack(peer *p, uint32_t tick)
{
    for (int k = 0; k < p->ring_n; k++) {
        int slot = (p->ring_head + k) % HOST_ACK_RING;
        if (p->sent_ticks[slot].tick != tick)
            continue;
        if (p->sent_ticks[slot].bytes > p->bytes_acked)
            p->bytes_acked = p->sent_ticks[slot].bytes;
        /* older entries are no longer needed */
        p->ring_head = (slot + 1) % HOST_ACK_RING;
        p->ring_n -= k + 1;
        return;
    }
}

static void handle_frame(host *h, int i, const uint8_t *pl, size_t len)
{
    peer *p = &h->peers[i];
    int type = proto_payload_type(pl, len);
    const char *why = NULL;
    /* the message table decides who may send what, and when */
    if (!proto_msg_allowed(type, PROTO_SENDER_HOST, p->state != PEER_HANDSHAKE, &why)) {
        hlog(h, "peer %s dropped: %s", net_conn_address(p->conn), why);
        drop_peer(h, i, why);
        return;
    }
    if (p->state == PEER_HANDSHAKE) {
        handle_hello(h, i, pl, len);
        return;
    }
    switch (type) {
    case PROTO_MSG_PING: {
        proto_ping ping;
        if (!proto_decode_ping(pl, len, PROTO_MSG_PING, &ping, &why))
            break;
        handle_ack(p, ping.ack_tick);
        ping.ack_tick = 0;
        uint8_t buf[16];
        send_payload(h, i, buf, proto_encode_ping(buf, sizeof buf, PROTO_MSG_PONG, &ping));
        return;
    }
    case PROTO_MSG_PONG: {
        proto_ping ping;
        if (!proto_decode_ping(pl, len, PROTO_MSG_PONG, &ping, &why))
            break;
        handle_ack(p, ping.ack_tick);
        return;
    }
    case PROTO_MSG_BYE: {
        proto_reject_code rc;
        if (!proto_decode_bye(pl, len, &rc, &why))
            break;
        drop_peer(h, i, "said goodbye");
        return;
    }
    case PROTO_MSG_ACTION: {
        proto_action m;
        if (!proto_decode_action(pl, len, &m, &why))
            break;
        proto_result res = {m.seq, CORE_OK};
        if (p->state != PEER_SEAT) {
            res.result = CORE_REJ_BAD_SEAT;
        } else if (h->paused) {
            res.result = CORE_REJ_WRONG_PHASE;
        } else if (h->seats[p->seat].bot) {
            res.result = CORE_REJ_BAD_SEAT;
        } else {
            m.action.seat = p->seat;
            res.result = submit(h, &m.action);
        }
        uint8_t buf[16];
        send_payload(h, i, buf, proto_encode_result(buf, sizeof buf, &res));
        return;
    }
    default:
        why = "unexpected message type";
        break;
    }
    char reason[96];
    snprintf(reason, sizeof reason, "malformed %s (%s)", proto_msg_name(type), why ? why : "?");
    hlog(h, "peer %s dropped: %s", net_conn_address(p->conn), reason);
    drop_peer(h, i, reason);
}

static bool rate_ok(peer *p, uint64_t now)
{
    double dt = (double)(now - p->tokens_ms) / 1000.0;
    p->tokens_ms = now;
    p->tokens += dt * HOST_RATE_PER_S;
    if (p->tokens > HOST_RATE_BURST)
        p->tokens = HOST_RATE_BURST;
    if (p->tokens < 1.0)
        return false;
    p->tokens -= 1.0;
    return true;
}

static void read_peer(host *h, int i, uint64_t now)
{
    peer *p = &h->peers[i];
    int n = net_conn_read(p->conn);
    if (n <= 0) {
        drop_peer(h, i, n == 0 ? "connection closed" : "read error");
        return;
    }
    p->last_rx_ms = now;
    if (p->state == PEER_SEAT)
        h->seats[p->seat].last_seen_ms = now;
    for (;;) {
        const uint8_t *pl;
        size_t len;
        const char *why = NULL;
        int r = net_conn_next(p->conn, PROTO_MAX_CLIENT_FRAME, &pl, &len, &why);
        if (r == 0)
            break;
        if (r < 0) {
            hlog(h, "peer %s dropped: %s", net_conn_address(p->conn), why);
            drop_peer(h, i, why);
            break;
        }
        if (!rate_ok(p, now)) {
            hlog(h, "peer %s dropped: too many messages", net_conn_address(p->conn));
            drop_peer(h, i, "rate limit");
            break;
        }
        handle_frame(h, i, pl, len);
        if (p->dead)
            break;
    }
}

static void reap_peers(host *h)
{
    for (int i = 0; i < h->n_peers;) {
        peer *p = &h->peers[i];
        if (!p->dead) {
            i++;
            continue;
        }
        if (p->state == PEER_SEAT && h->seats[p->seat].peer == i) {
            h->seats[p->seat].peer = -1;
            hlog(h, "seat %d (%s) disconnected: %s", p->seat + 1, h->seats[p->seat].name, p->dead_reason);
        } else if (p->state == PEER_OBSERVER) {
            hlog(h, "observer %s left: %s", net_conn_address(p->conn), p->dead_reason);
        }
        h->lobby_dirty = true;
        net_poll_del_conn(h->poll, p->conn);
        /* flush: a REJECT or BYE queued just before should still arrive */
        net_conn_close(p->conn, true);
        int last = h->n_peers - 1;
        if (i != last) {
            h->peers[i] = h->peers[last];
            /* the moved peer's seat must point at its new index */
            if (h->peers[i].state == PEER_SEAT && h->seats[h->peers[i].seat].peer == last)
                h->seats[h->peers[i].seat].peer = i;
        }
        h->n_peers--;
    }
}

static void accept_all(host *h, uint64_t now)
{
    for (;;) {
        net_conn *c = net_accept(h->lis, h->opts.queue_bytes ? h->opts.queue_bytes : HOST_QUEUE_BYTES);
        if (!c)
            return;
        if (h->n_peers >= HOST_MAX_CONNS) {
            proto_reject r = {PROTO_REJ_BUSY, ""};
            snprintf(r.text, sizeof r.text, "%s", proto_reject_text(PROTO_REJ_BUSY));
            uint8_t buf[512];
            net_conn_send(c, buf, proto_encode_reject(buf, sizeof buf, &r));
            net_conn_close(c, true);
            hlog(h, "connection refused: too many connections");
            continue;
        }
        peer *p = &h->peers[h->n_peers];
        memset(p, 0, sizeof *p);
        p->conn = c;
        p->state = PEER_HANDSHAKE;
        p->seat = -1;
        p->opened_ms = p->last_rx_ms = p->last_ping_ms = p->tokens_ms = now;
        p->tokens = HOST_RATE_BURST;
        if (!net_poll_add_conn(h->poll, c)) {
            net_conn_close(c, false);
            continue;
        }
        h->n_peers++;
    }
}

static void discovery(host *h, uint64_t now)
{
    if (!h->udp)
        return;
    for (int k = 0; k < 32; k++) {
        uint8_t buf[128];
        char from[NET_ADDR_LEN];
        int from_port = 0;
        int n = net_udp_recv(h->udp, buf, sizeof buf, from, &from_port);
        if (n <= 0)
            return;
        if (!proto_decode_discovery_query(buf, (size_t)n))
            continue; /* not ours: say nothing */
        double dt = (double)(now - h->disc_ms) / 1000.0;
        h->disc_ms = now;
        h->disc_tokens += dt * HOST_DISCOVERY_PER_S;
        if (h->disc_tokens > HOST_DISCOVERY_PER_S)
            h->disc_tokens = HOST_DISCOVERY_PER_S;
        if (h->disc_tokens < 1.0)
            continue;
        h->disc_tokens -= 1.0;
        proto_discovery_reply r;
        memset(&r, 0, sizeof r);
        r.version = PROTO_VERSION;
        r.port = (uint16_t)h->opts.port;
        memcpy(r.code, h->code, sizeof r.code);
        r.seats_total = h->sc->n_seats;
        for (int s = 0; s < h->sc->n_seats; s++)
            r.seats_free += !h->seats[s].taken;
        r.started = h->st.phase != CORE_PHASE_LOBBY;
        /* cut the title at a UTF-8 boundary so the reply stays small */
        size_t tl = strlen(h->sc->title);
        if (tl > sizeof r.title - 1) {
            tl = sizeof r.title - 1;
            while (tl > 0 && ((unsigned char)h->sc->title[tl] & 0xC0) == 0x80)
                tl--;
        }
        memcpy(r.title, h->sc->title, tl);
        r.title[tl] = '\0';
        uint8_t out[PROTO_DISCOVERY_REPLY_MAX];
        size_t len = proto_encode_discovery_reply(out, sizeof out, &r);
        if (len)
            net_udp_reply(h->udp, out, len);
    }
}

/* ----------------------------------------------------------------- bots */

static bool run_bots(host *h, uint64_t now)
{
    if (h->paused || h->st.phase == CORE_PHASE_LOBBY || h->st.outcome != CORE_OUTCOME_ONGOING)
        return false;
    bool acted = false;
    int steps = 0;
    bool progress = true;
    while (progress && steps < HOST_MAX_BOT_STEPS) {
        progress = false;
        for (int s = 0; s < h->sc->n_seats && steps < HOST_MAX_BOT_STEPS; s++) {
            seat_slot *st = &h->seats[s];
            if (!st->bot || now < st->bot_next_ms)
                continue;
            core_seat_view v;
            core_seat_view_get(&h->st, s, &v);
            core_action a;
            memset(&a, 0, sizeof a);
            if (!core_bot_next(h->sc, &v, st->bot_kind, &st->bot_rng, &a))
                continue;
            a.seat = s;
            core_reject r = submit(h, &a);
            steps++;
            if (r != CORE_OK) {
                /* a bot that proposes an illegal move would loop: pause it */
                hlog(h, "bot on seat %d: %s", s + 1, core_reject_message(r));
                st->bot_next_ms = now + 1000;
                continue;
            }
            acted = progress = true;
            if (!h->opts.headless) {
                st->bot_next_ms = now + HOST_BOT_PACE_MS;
            }
        }
    }
    return acted;
}

/* ------------------------------------------------------------ broadcast */

static void broadcast(host *h)
{
    bool any_view = h->view_dirty;
    for (int i = 0; i < h->n_peers && !any_view; i++)
        any_view = h->peers[i].need_view && !h->peers[i].dead;
    bool any_lobby = h->lobby_dirty;
    for (int i = 0; i < h->n_peers && !any_lobby; i++)
        any_lobby = h->peers[i].need_lobby && !h->peers[i].dead;

    if (any_lobby) {
        proto_lobby lb;
        memset(&lb, 0, sizeof lb);
        memcpy(lb.code, h->code, sizeof lb.code);
        snprintf(lb.title, sizeof lb.title, "%s", h->sc->title);
        lb.n_seats = h->sc->n_seats;
        for (int s = 0; s < lb.n_seats; s++) {
            lb.seats[s].role = h->sc->seat_roles[s];
            snprintf(lb.seats[s].name, sizeof lb.seats[s].name, "%s", h->seats[s].name);
            lb.seats[s].taken = h->seats[s].taken;
            lb.seats[s].connected = seat_connected(h, s) || h->seats[s].bot;
            lb.seats[s].bot = h->seats[s].bot;
        }
        lb.observers = host_observer_count(h);
        lb.started = h->st.phase != CORE_PHASE_LOBBY;
        lb.paused = h->paused;
        lb.finished = h->st.outcome != CORE_OUTCOME_ONGOING;
        uint8_t buf[1024];
        size_t n = proto_encode_lobby(buf, sizeof buf, &lb);
        net_buf *b = n ? net_buf_frame(buf, n) : NULL;
        for (int i = 0; b && i < h->n_peers; i++) {
            peer *p = &h->peers[i];
            if (p->dead || p->state == PEER_HANDSHAKE || !(h->lobby_dirty || p->need_lobby))
                continue;
            send_buf(h, i, b);
            p->need_lobby = false;
        }
        net_buf_unref(b);
        h->lobby_dirty = false;
    }

    if (!any_view)
        return;
    h->tick++;
    /* fact texts and scripted events first, so that a view never names
     * something the client cannot read */
    uint32_t emask = event_mask(h);
    for (int i = 0; i < h->n_peers; i++) {
        peer *p = &h->peers[i];
        if (p->dead || p->state == PEER_HANDSHAKE)
            continue;
        uint32_t em = emask & ~p->events_sent;
        for (int e = 0; e < h->sc->n_events && em; e++) {
            if (!((em >> e) & 1u))
                continue;
            proto_event pe;
            pe.index = e;
            pe.event = h->sc->events[e];
            uint8_t buf[CORE_TITLE_LEN + CORE_TEXT_LEN + 32];
            send_payload(h, i, buf, proto_encode_event(buf, sizeof buf, &pe));
            p->events_sent |= 1u << e;
            em &= ~(1u << e);
        }
        uint64_t m = fact_mask(h, p) & ~p->facts_sent;
        for (int f = 0; f < h->sc->n_facts && m; f++) {
            if (!((m >> f) & 1u))
                continue;
            proto_fact pf;
            pf.fact = f;
            memcpy(pf.text, h->sc->facts[f].text, sizeof pf.text);
            uint8_t buf[CORE_TEXT_LEN + 16];
            send_payload(h, i, buf, proto_encode_fact(buf, sizeof buf, &pf));
            p->facts_sent |= 1ull << f;
            m &= ~(1ull << f);
        }
    }
    /* the public view is encoded once and shared by every observer */
    static core_public_view pub;      /* large: not on the stack */
    static core_seat_view sv;
    core_public_view_get(&h->st, &pub);
    net_buf *pub_buf = NULL;
    for (int i = 0; i < h->n_peers; i++) {
        peer *p = &h->peers[i];
        if (p->dead || p->state == PEER_HANDSHAKE || !(h->view_dirty || p->need_view))
            continue;
        if (p->state == PEER_OBSERVER) {
            if (!pub_buf) {
                size_t n = proto_encode_update(h->scratch, PROTO_MAX_FRAME, h->tick, &h->pending, 0, NULL, &pub);
                pub_buf = n ? net_buf_frame(h->scratch, n) : NULL;
            }
            if (pub_buf)
                send_buf(h, i, pub_buf);
        } else {
            core_seat_view_get(&h->st, p->seat, &sv);
            size_t n = proto_encode_update(h->scratch, PROTO_MAX_FRAME, h->tick, &h->pending, 1, &sv, NULL);
            if (n)
                send_payload(h, i, h->scratch, n);
            else
                hlog(h, "could not encode the view of seat %d", p->seat + 1);
        }
        p->need_view = false;
        int slot = (p->ring_head + p->ring_n) % HOST_ACK_RING;
        if (p->ring_n == HOST_ACK_RING)
            p->ring_head = (p->ring_head + 1) % HOST_ACK_RING;
        else
            p->ring_n++;
        p->sent_ticks[slot].tick = h->tick;
        p->sent_ticks[slot].bytes = p->bytes_out;
    }
    net_buf_unref(pub_buf);
    h->last = h->pending;
    h->pending.n = 0;
    h->view_dirty = false;
}

/* ---------------------------------------------------------- hot reload */

static bool apply_scenario(host *h, const core_scenario *ns, char *err, size_t err_len);

static void watch_level(host *h, uint64_t now)
{
    if (!h->watching || now - h->watch_ms < HOST_WATCH_MS / 5)
        return;
    h->watch_ms = now;
    if (!h->watch_sc && !(h->watch_sc = calloc(1, sizeof *h->watch_sc)))
        return;
    memset(&h->reload_diags, 0, sizeof h->reload_diags);
    lvl_watch_result r = lvl_watch_poll(&h->watch, now, h->watch_sc, &h->reload_diags);
    if (r == LVL_WATCH_UNCHANGED)
        return;
    char err[256] = "";
    if (r == LVL_WATCH_FAILED || !core_scenario_validate(h->watch_sc, err, sizeof err)) {
        h->reload = HOST_RELOAD_FAILED;
        hlog(h, "level not reloaded: %d error(s)%s%s", h->reload_diags.n_errors, err[0] ? ": " : "", err);
        return;
    }
    if (h->st.phase != CORE_PHASE_LOBBY) {
        h->reload = HOST_RELOAD_DEFERRED;
        h->reload_pending = true;
        hlog(h, "level changed; it applies at the next restart");
        return;
    }
    if (apply_scenario(h, h->watch_sc, err, sizeof err)) {
        h->reload = HOST_RELOAD_OK;
        hlog(h, "level reloaded: '%s'", h->sc->title);
    } else {
        h->reload = HOST_RELOAD_FAILED;
        hlog(h, "level not reloaded: %s", err);
    }
}

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
        if (!h->seats[s].bot && !seat_connected(h, s))
            return;
    char err[128];
    if (!host_advance(h, err, sizeof err)) {
        h->last_action_ms = now; /* do not retry every tick */
        hlog(h, "could not advance the phase: %s", err);
    }
}

/* ----------------------------------------------------------------- pump */

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
     * connected, wake often enough that they wait no longer than a TCP peer. */
    if (web_socket_count(h->web) > 0 && wait > 1)
        wait = 1;
    web_service(h->web);
    int n = net_poll_wait(h->poll, wait);
    uint64_t now = plat_now_ms();
    if (n > 0) {
        if (net_poll_listener_ready(h->lis))
            accept_all(h, now);
        for (int i = 0; i < h->n_peers; i++)
            if (!h->peers[i].dead && net_poll_conn_ready(h->peers[i].conn))
                read_peer(h, i, now);
    } else if (n < 0) {
        hlog(h, "waiting for the network failed");
    }
    discovery(h, now);

    for (int i = 0; i < h->n_peers; i++) {
        peer *p = &h->peers[i];
        if (p->dead)
            continue;
        if (net_conn_failed(p->conn)) {
            drop_peer(h, i, "connection lost while sending");
        } else if (p->state == PEER_HANDSHAKE && now - p->opened_ms > HOST_HANDSHAKE_MS) {
            hlog(h, "peer %s dropped: no HELLO within %d s", net_conn_address(p->conn), HOST_HANDSHAKE_MS / 1000);
            drop_peer(h, i, "handshake timeout");
        } else if (p->bytes_out - p->bytes_acked > (h->opts.queue_bytes ? h->opts.queue_bytes : HOST_QUEUE_BYTES)) {
            hlog(h, "peer %s dropped: not reading (%llu KiB unacknowledged)", net_conn_address(p->conn),
                 (unsigned long long)((p->bytes_out - p->bytes_acked) / 1024));
            drop_peer(h, i, "not reading (flow control)");
        } else if (now - p->last_rx_ms > HOST_SILENT_MS) {
            hlog(h, "peer %s dropped: silent for %d s", net_conn_address(p->conn), HOST_SILENT_MS / 1000);
            drop_peer(h, i, "silent (no heartbeat)");
        } else if (p->state != PEER_HANDSHAKE && now - p->last_ping_ms >= HOST_PING_MS) {
            p->last_ping_ms = now;
            proto_ping ping = {now, 0};
            uint8_t buf[16];
            send_payload(h, i, buf, proto_encode_ping(buf, sizeof buf, PROTO_MSG_PING, &ping));
        }
    }

    if (h->opts.headless && h->st.phase == CORE_PHASE_LOBBY) {
        bool all = h->sc->n_seats > 0;
        for (int s = 0; s < h->sc->n_seats; s++)
            all = all && h->seats[s].taken && (h->seats[s].bot || seat_connected(h, s));
        if (all) {
            char err[128];
            if (host_start(h, err, sizeof err))
                hlog(h, "every seat is taken: game started");
        }
    }
    run_bots(h, now);
    auto_advance(h, now);
    watch_level(h, now);
    broadcast(h);
    reap_peers(h);
    if (web_socket_count(h->web) > 0)
        web_service(h->web); /* hand this tick's frames on to the browsers */
    return true;
}

/* ------------------------------------------------------------ accessors */

const char *host_room_code(const host *h) { return h->code; }
const char *host_lan_address(const host *h) { return h->lan; }
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
bool host_paused(const host *h) { return h->paused; }
bool host_started(const host *h) { return h->st.phase != CORE_PHASE_LOBBY; }
bool host_finished(const host *h) { return h->st.outcome != CORE_OUTCOME_ONGOING; }
const core_events *host_last_events(const host *h) { return &h->last; }
const char *host_last_error(const host *h) { return h->err; }
uint64_t host_actions_accepted(const host *h) { return h->seq; }
uint64_t host_bytes_sent(const host *h) { return h->bytes_sent; }

bool host_seat_info_get(const host *h, int seat, host_seat_info *out)
{
    if (seat < 0 || seat >= h->sc->n_seats)
        return false;
    const seat_slot *st = &h->seats[seat];
    memset(out, 0, sizeof *out);
    out->role = h->sc->seat_roles[seat];
    out->role_id = h->sc->roles[out->role].id;
    out->role_name = h->sc->roles[out->role].name;
    memcpy(out->name, st->name, sizeof out->name);
    out->taken = st->taken;
    out->connected = st->bot || seat_connected(h, seat);
    out->bot = st->bot;
    out->kicked_before = st->kicked_before;
    out->last_seen_ms = st->last_seen_ms;
    memcpy(out->address, st->address, sizeof out->address);
    return true;
}

int host_observer_count(const host *h)
{
    int n = 0;
    for (int i = 0; i < h->n_peers; i++)
        n += h->peers[i].state == PEER_OBSERVER && !h->peers[i].browsing && !h->peers[i].dead;
    return n;
}

int host_connection_count(const host *h) { return h->n_peers; }

/* ------------------------------------------------------------- controls */

bool host_start(host *h, char *err, size_t err_len)
{
    core_reject r = submit_host_action(h, CORE_ACT_START, 0);
    if (r != CORE_OK)
        snprintf(err, err_len, "%s", core_reject_message(r));
    return r == CORE_OK;
}

bool host_set_paused(host *h, bool paused)
{
    h->paused = paused;
    h->lobby_dirty = true;
    hlog(h, paused ? "paused" : "resumed");
    return true;
}

bool host_advance(host *h, char *err, size_t err_len)
{
    core_reject r = submit_host_action(h, CORE_ACT_ADVANCE, 0);
    if (r != CORE_OK)
        snprintf(err, err_len, "%s", core_reject_message(r));
    return r == CORE_OK;
}

bool host_release_seat(host *h, int seat)
{
    if (seat < 0 || seat >= h->sc->n_seats)
        return false;
    seat_slot *st = &h->seats[seat];
    if (st->peer >= 0) {
        uint8_t buf[16];
        send_payload(h, st->peer, buf, proto_encode_bye(buf, sizeof buf, PROTO_REJ_REPLACED));
        drop_peer(h, st->peer, "seat released by the trainer");
    }
    hlog(h, "seat %d released", seat + 1);
    st->taken = st->bot = false;
    st->name[0] = '\0';
    memset(st->token, 0, sizeof st->token);
    h->lobby_dirty = true;
    journal_seat(h, seat);
    return true;
}

bool host_seat_bot(host *h, int seat, core_bot_kind kind)
{
    if (seat < 0 || seat >= h->sc->n_seats)
        return false;
    seat_slot *st = &h->seats[seat];
    if (st->peer >= 0) {
        uint8_t buf[16];
        send_payload(h, st->peer, buf, proto_encode_bye(buf, sizeof buf, PROTO_REJ_REPLACED));
        drop_peer(h, st->peer, "seat given to a bot");
    }
    seat_make_bot(h, seat, kind);
    hlog(h, "seat %d is played by a bot", seat + 1);
    h->lobby_dirty = true;
    return true;
}

bool host_kick_seat(host *h, int seat)
{
    if (seat < 0 || seat >= h->sc->n_seats)
        return false;
    seat_slot *st = &h->seats[seat];
    if (st->taken && !st->bot) {
        if (h->n_kicked == HOST_MAX_KICKED) {
            memmove(h->kicked[0], h->kicked[1], sizeof h->kicked[0] * (HOST_MAX_KICKED - 1));
            h->n_kicked--;
        }
        memcpy(h->kicked[h->n_kicked++], st->token, HOST_TOKEN_LEN);
    }
    if (st->peer >= 0) {
        uint8_t buf[16];
        send_payload(h, st->peer, buf, proto_encode_bye(buf, sizeof buf, PROTO_REJ_KICKED));
        drop_peer(h, st->peer, "kicked by the trainer");
    }
    hlog(h, "seat %d (%s) kicked", seat + 1, st->name);
    st->taken = st->bot = false;
    st->kicked_before = true;
    st->name[0] = '\0';
    memset(st->token, 0, sizeof st->token);
    h->lobby_dirty = true;
    journal_seat(h, seat);
    return true;
}

bool host_restart(host *h, char *err, size_t err_len)
{
    uint64_t seed;
    net_random_bytes((uint8_t *)&seed, sizeof seed);
    if (h->opts.seed)
        seed = h->opts.seed;
    if (!core_init(&h->st, h->sc, seed, err, err_len))
        return false;
    h->seed = seed;
    h->finished_reported = false;
    h->pending.n = 0;
    h->view_dirty = h->lobby_dirty = true;
    hlog(h, "game restarted (back to the lobby)");
    if (h->reload_pending && h->watch_sc) {
        /* the level changed during the game: the new one starts now */
        h->reload_pending = false;
        char e2[256];
        if (apply_scenario(h, h->watch_sc, e2, sizeof e2)) {
            h->reload = HOST_RELOAD_OK;
            return true; /* apply_scenario welcomed everyone */
        }
        h->reload = HOST_RELOAD_FAILED;
        hlog(h, "level not reloaded: %s", e2);
    }
    for (int i = 0; i < h->n_peers; i++)
        if (!h->peers[i].dead && h->peers[i].state != PEER_HANDSHAKE)
            send_welcome(h, i); /* the fact texts they may hold change */
    return true;
}

/* Replaces the level in the lobby: seats keep their tokens where the new
 * level still has them; everyone gets a new WELCOME (new scenario). */
static bool apply_scenario(host *h, const core_scenario *ns, char *err, size_t err_len)
{
    if (h->st.phase != CORE_PHASE_LOBBY) {
        snprintf(err, err_len, "%s", _("een ander level laden kan alleen in de lobby"));
        return false;
    }
    if (!core_scenario_validate(ns, err, err_len))
        return false;
    if (ns != h->sc)
        memcpy(h->sc, ns, sizeof *ns);
    if (!core_init(&h->st, h->sc, h->seed, err, err_len))
        return false;
    /* seats the new level no longer has are given back; their players
     * are told and may join again */
    for (int s = h->sc->n_seats; s < CORE_MAX_SEATS; s++) {
        if (h->seats[s].peer >= 0) {
            uint8_t buf[16];
            send_payload(h, h->seats[s].peer, buf, proto_encode_bye(buf, sizeof buf, PROTO_REJ_REPLACED));
            drop_peer(h, h->seats[s].peer, "seat removed by a new level");
        }
        memset(&h->seats[s], 0, sizeof h->seats[s]);
        h->seats[s].peer = -1;
    }
    h->pending.n = 0;
    h->view_dirty = h->lobby_dirty = true;
    for (int i = 0; i < h->n_peers; i++)
        if (!h->peers[i].dead && h->peers[i].state != PEER_HANDSHAKE)
            send_welcome(h, i);
    hlog(h, "level loaded: '%s'", h->sc->title);
    return true;
}

bool host_load_level(host *h, const char *path, lvl_diags *diags, char *err, size_t err_len)
{
    if (h->st.phase != CORE_PHASE_LOBBY) {
        snprintf(err, err_len, "%s", _("een ander level laden kan alleen in de lobby"));
        return false;
    }
    core_scenario *ns = calloc(1, sizeof *ns);
    lvl_diags *local = diags ? NULL : calloc(1, sizeof *local);
    lvl_diags *d = diags ? diags : local;
    if (!ns || !d) {
        free(ns);
        free(local);
        snprintf(err, err_len, "geen geheugen");
        return false;
    }
    memset(d, 0, sizeof *d);
    bool ok = lvl_load_file(path, ns, d);
    if (!ok)
        snprintf(err, err_len, _("level %s heeft fouten (samenspel check %s toont ze)"), path, path);
    else
        ok = apply_scenario(h, ns, err, err_len);
    free(ns);
    free(local);
    if (!ok)
        return false;
    if (path != h->opts.level_path)
        snprintf(h->opts.level_path, sizeof h->opts.level_path, "%s", path);
    if (h->watching)
        lvl_watch_init(&h->watch, h->opts.level_path);
    return true;
}

host_reload_status host_reload_status_get(const host *h, const lvl_diags **diags)
{
    if (diags)
        *diags = &h->reload_diags;
    return h->reload;
}

/* ------------------------------------------------------------- headless */

int host_run_headless(const host_options *o)
{
    char err[512];
    lvl_diags *diags = calloc(1, sizeof *diags);
    if (!diags)
        return 1;
    host *h = host_create(o, NULL, NULL, diags, err, sizeof err);
    if (!h) {
        if (diags->n)
            lvl_diags_print(diags, false, stderr);
        fprintf(stderr, "samenspel host: %s\n", err);
        free(diags);
        return 1;
    }
    free(diags);
    if (!o->quiet) {
        fprintf(stderr, _("samenspel host: spelcode %s op %s, wacht op %d spelers\n"), host_room_code(h),
                host_lan_address(h), host_seat_count(h));
    }
    while (!host_finished(h))
        host_pump(h, 50);
    /* let the last update reach everyone before saying goodbye */
    uint64_t until = plat_now_ms() + 1000;
    while (plat_now_ms() < until) {
        host_pump(h, 10);
        bool idle = true;
        for (int i = 0; i < h->n_peers; i++)
            idle = idle && net_conn_queued(h->peers[i].conn) == 0;
        if (idle)
            break;
    }
    const core_state *st = host_state(h);
    core_measures m;
    core_measures_compute(st, 0, &m);
    printf(_("resultaat: %s, rondes: %d, samenwerkingsniveau: %s\n"),
           st->outcome == CORE_OUTCOME_WON ? _("gewonnen") : _("verloren"), st->round,
           core_level_name(m.level));
    fflush(stdout);
    host_destroy(h);
    return 0;
}
