/*
 * client: one session with a host. The connect happens in a thread (a
 * window must never freeze on a slow or absent host); everything else runs
 * on the caller's thread inside cli_pump().
 */
#include "client/client.h"
#include "net/net.h"
#include "platform/i18n.h"
#include "platform/plat.h"
#include "proto/proto.h"

#include <SDL.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLI_PING_MS 1000
#define CLI_SILENT_MS 3000
#define CLI_RETRY_MS 500
#define CLI_QUEUE_BYTES (256u * 1024u)
#define CLI_CONNECT_TIMEOUT_MS 5000 /* the OS would try for minutes */

/* One connect attempt in its own thread. A window must be able to give up
 * on it (timeout, quit) without waiting for the OS, so the job is shared:
 * whoever comes second of "thread finished" and "owner gave up" frees it. */
enum { JOB_RUNNING = 0, JOB_DONE = 1, JOB_ABANDONED = 2 };
struct connect_job {
    SDL_atomic_t state;
    char host[CLI_HOST_LEN];
    int port;
    net_conn *result;
    char err[CLI_REASON_LEN];
};

struct cli {
    cli_options opts;
    cli_callbacks cb;
    cli_status status;
    cli_reject_reason rej;
    char reason[CLI_REASON_LEN];
    bool net_up;

    /* connecting thread (see connect_job) */
    struct connect_job *job;
    uint64_t job_started_ms;
    uint64_t retry_at_ms;

    net_conn *conn;
    net_poll *poll;
    bool welcomed;          /* a WELCOME arrived on this or an earlier connection */
    bool ever_welcomed;
    uint64_t last_rx_ms, last_ping_ms;

    uint8_t token[PROTO_TOKEN_LEN];
    bool has_token;
    char token_path[PLAT_PATH_MAX];

    int seat;
    core_scenario *sc;
    core_seat_view *view;
    proto_update *upd;      /* decode scratch (large) */
    bool have_view;
    cli_lobby lobby;
    uint32_t seq;
    uint32_t last_tick;     /* acknowledged in PING/PONG: host flow control */
    uint64_t bytes_rx, views_rx;
};

static void set_status(cli *c, cli_status st, const char *reason)
{
    c->status = st;
    snprintf(c->reason, sizeof c->reason, "%s", reason ? reason : "");
    if (c->cb.on_status)
        c->cb.on_status(c->cb.ctx, st, c->reason);
}

/* ------------------------------------------------------------ token file */

static void token_path_init(cli *c)
{
    c->token_path[0] = '\0';
    const char *who = c->opts.role[0] ? c->opts.role : c->opts.name;
    /* anonymous clients keep their token in memory only: two of them on
     * one machine must not steal each other's seat */
    if (c->opts.no_token_store || c->opts.observe || !who[0])
        return;
    char dir[PLAT_PATH_MAX];
    if (!plat_state_dir(dir, sizeof dir))
        return;
    char key[400];
    snprintf(key, sizeof key, "%s-%d-%s-%s", c->opts.host, c->opts.port, c->opts.code, who);
    for (char *k = key; *k; k++) {
        unsigned char ch = (unsigned char)*k;
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                  ch == '-' || ch == '.' || ch == '_';
        if (!ok)
            *k = '_';
    }
    int n = snprintf(c->token_path, sizeof c->token_path, "%.*s/token-%.*s", 600, dir, 380, key);
    if (n < 0 || (size_t)n >= sizeof c->token_path)
        c->token_path[0] = '\0'; /* too long a path: memory only */
}

static void token_load(cli *c)
{
    if (!c->token_path[0])
        return;
    char err[128];
    size_t len = 0;
    char *data = plat_read_file(c->token_path, 256, &len, err, sizeof err);
    if (!data)
        return;
    if (len >= 32) {
        bool ok = true;
        for (int i = 0; i < PROTO_TOKEN_LEN && ok; i++) {
            unsigned v;
            ok = sscanf(data + 2 * i, "%2x", &v) == 1;
            c->token[i] = (uint8_t)v;
        }
        c->has_token = ok;
    }
    free(data);
}

static void token_save(cli *c)
{
    if (!c->token_path[0])
        return;
    FILE *f = fopen(c->token_path, "w");
    if (!f)
        return;
    for (int i = 0; i < PROTO_TOKEN_LEN; i++)
        fprintf(f, "%02x", c->token[i]);
    fputc('\n', f);
    fclose(f);
}

/* ------------------------------------------------------------- connect */

static int connect_main(void *arg)
{
    struct connect_job *job = arg;
    char err[CLI_REASON_LEN];
    /* the job holds its own reference on SDL_net: it may outlive the cli */
    if (net_init(err, sizeof err)) {
        job->result = net_connect(job->host, job->port, CLI_QUEUE_BYTES, job->err, sizeof job->err);
        if (!SDL_AtomicCAS(&job->state, JOB_RUNNING, JOB_DONE)) {
            /* abandoned by its owner: clean up alone */
            if (job->result)
                net_conn_close(job->result, false);
            free(job);
        }
        net_quit();
        return 0;
    }
    snprintf(job->err, sizeof job->err, "%s", err);
    if (!SDL_AtomicCAS(&job->state, JOB_RUNNING, JOB_DONE))
        free(job);
    return 0;
}

/* Gives up on a running connect (or collects a finished one's leftovers). */
static void abandon_job(cli *c)
{
    struct connect_job *job = c->job;
    if (!job)
        return;
    c->job = NULL;
    if (SDL_AtomicCAS(&job->state, JOB_RUNNING, JOB_ABANDONED))
        return; /* the thread frees it */
    if (job->result)
        net_conn_close(job->result, false);
    free(job);
}

static void start_connect(cli *c)
{
    struct connect_job *job = calloc(1, sizeof *job);
    if (!job) {
        set_status(c, CLI_STATUS_FAILED, _("kon geen verbinding starten"));
        return;
    }
    snprintf(job->host, sizeof job->host, "%s", c->opts.host);
    job->port = c->opts.port;
    SDL_Thread *t = SDL_CreateThread(connect_main, "ss-connect", job);
    if (!t) {
        free(job);
        set_status(c, CLI_STATUS_FAILED, _("kon geen verbinding starten"));
        return;
    }
    SDL_DetachThread(t);
    c->job = job;
    c->job_started_ms = plat_now_ms();
    if (c->status != CLI_STATUS_RECONNECTING)
        set_status(c, CLI_STATUS_CONNECTING, "");
}

static void send_payload(cli *c, const uint8_t *p, size_t n)
{
    if (c->conn && n)
        net_conn_send(c->conn, p, n);
}

static void send_hello(cli *c)
{
    proto_hello m;
    memset(&m, 0, sizeof m);
    m.magic = PROTO_MAGIC;
    m.version = PROTO_VERSION;
    snprintf(m.build, sizeof m.build, "samenspel %s", SAMENSPEL_VERSION);
    memcpy(m.code, c->opts.code, sizeof m.code);
    snprintf(m.name, sizeof m.name, "%s", c->opts.name);
    snprintf(m.role, sizeof m.role, "%s", c->opts.role);
    m.observe = c->opts.observe;
    m.browse = c->opts.observe && c->opts.browse;
    m.has_token = c->has_token && !c->opts.observe;
    memcpy(m.token, c->token, sizeof m.token);
    uint8_t buf[512];
    send_payload(c, buf, proto_encode_hello(buf, sizeof buf, &m));
}

static void close_conn(cli *c, bool flush)
{
    if (!c->conn)
        return;
    net_poll_del_conn(c->poll, c->conn);
    net_conn_close(c->conn, flush);
    c->conn = NULL;
    c->welcomed = false;
}

/* The connection is gone: rejoin with the token when we were in a game. */
static void lost(cli *c, const char *why)
{
    close_conn(c, false);
    if (c->ever_welcomed) {
        c->retry_at_ms = plat_now_ms() + CLI_RETRY_MS;
        set_status(c, CLI_STATUS_RECONNECTING, why);
    } else {
        set_status(c, CLI_STATUS_FAILED, why);
    }
}

cli *cli_create(const cli_options *o, const cli_callbacks *cb, char *err, size_t err_len)
{
    cli *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    c->opts = *o;
    if (cb)
        c->cb = *cb;
    c->seat = -1;
    c->sc = calloc(1, sizeof *c->sc);
    c->view = calloc(1, sizeof *c->view);
    c->upd = calloc(1, sizeof *c->upd);
    c->poll = net_poll_create(1);
    if (!c->sc || !c->view || !c->upd || !c->poll) {
        snprintf(err, err_len, "geen geheugen");
        cli_destroy(c);
        return NULL;
    }
    if (!net_init(err, err_len)) {
        cli_destroy(c);
        return NULL;
    }
    c->net_up = true;
    token_path_init(c);
    token_load(c);
    if (c->opts.host[0])
        start_connect(c);
    return c;
}

void cli_destroy(cli *c)
{
    if (!c)
        return;
    abandon_job(c); /* never waits for the OS */
    if (c->conn) {
        uint8_t buf[16];
        send_payload(c, buf, proto_encode_bye(buf, sizeof buf, PROTO_REJ_NONE));
        close_conn(c, true);
    }
    net_poll_destroy(c->poll);
    if (c->net_up)
        net_quit();
    free(c->sc);
    free(c->view);
    free(c->upd);
    free(c);
}

/* -------------------------------------------------------------- frames */

static cli_reject_reason map_reject(proto_reject_code rc)
{
    switch (rc) {
    case PROTO_REJ_VERSION: return CLI_REJ_VERSION;
    case PROTO_REJ_WRONG_CODE: return CLI_REJ_WRONG_CODE;
    case PROTO_REJ_FULL: return CLI_REJ_FULL;
    case PROTO_REJ_KICKED: return CLI_REJ_KICKED;
    case PROTO_REJ_ROLE_TAKEN: return CLI_REJ_ROLE_TAKEN;
    case PROTO_REJ_UNKNOWN_ROLE: return CLI_REJ_UNKNOWN_ROLE;
    case PROTO_REJ_BAD_HELLO: return CLI_REJ_BAD_HELLO;
    case PROTO_REJ_BUSY: return CLI_REJ_SERVER_BUSY;
    case PROTO_REJ_REPLACED: return CLI_REJ_REPLACED;
    case PROTO_REJ_SHUTDOWN: return CLI_REJ_SHUTDOWN;
    default: return CLI_REJ_NONE;
    }
}

static void fill_lobby(cli *c, const proto_lobby *m)
{
    cli_lobby *l = &c->lobby;
    memset(l, 0, sizeof *l);
    memcpy(l->code, m->code, sizeof l->code);
    snprintf(l->title, sizeof l->title, "%s", m->title);
    l->n_seats = m->n_seats;
    for (int s = 0; s < m->n_seats; s++) {
        cli_lobby_seat *ls = &l->seats[s];
        ls->role = m->seats[s].role;
        if (c->welcomed && ls->role < c->sc->n_roles) {
            snprintf(ls->role_id, sizeof ls->role_id, "%s", c->sc->roles[ls->role].id);
            snprintf(ls->role_name, sizeof ls->role_name, "%s", c->sc->roles[ls->role].name);
        }
        snprintf(ls->name, sizeof ls->name, "%s", m->seats[s].name);
        ls->taken = m->seats[s].taken;
        ls->connected = m->seats[s].connected;
        ls->bot = m->seats[s].bot;
    }
    l->observers = m->observers;
    l->started = m->started;
    l->paused = m->paused;
    l->timer_left_s = m->timer_left_s;
    /* counted down locally from now: the host only says when it changes */
    l->timer_end_ms = m->timer_left_s >= 0 ? plat_now_ms() + (uint64_t)m->timer_left_s * 1000u : 0;
    l->finished = m->finished;
}

/* One handler per message type the host sends, called by handle_frame
 * after the message table allowed it; false drops the connection. */

static bool handle_welcome(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    proto_welcome w;
    if (!proto_decode_welcome(pl, len, &w, c->sc, why))
        return false;
    if (!core_scenario_validate(c->sc, NULL, 0)) {
        *why = "scenario does not validate";
        return false;
    }
    c->seat = w.seat;
    c->welcomed = c->ever_welcomed = true;
    c->have_view = false;
    if (w.seat >= 0) {
        memcpy(c->token, w.token, sizeof c->token);
        c->has_token = true;
        token_save(c);
    }
    set_status(c, CLI_STATUS_CONNECTED, "");
    return true;
}

static bool handle_reject(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    proto_reject r;
    if (!proto_decode_reject(pl, len, &r, why))
        return false;
    c->rej = map_reject(r.code);
    close_conn(c, false);
    c->ever_welcomed = false; /* a refusal is final: no automatic rejoin */
    set_status(c, CLI_STATUS_REJECTED, r.text);
    return true;
}

static bool handle_bye(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    proto_reject_code rc;
    if (!proto_decode_bye(pl, len, &rc, why))
        return false;
    c->rej = map_reject(rc);
    close_conn(c, false);
    c->ever_welcomed = false;
    set_status(c, rc == PROTO_REJ_SHUTDOWN ? CLI_STATUS_FAILED : CLI_STATUS_REJECTED,
               proto_reject_text(rc));
    return true;
}

static bool handle_lobby(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    proto_lobby m;
    if (!proto_decode_lobby(pl, len, &m, why))
        return false;
    fill_lobby(c, &m);
    if (c->cb.on_lobby)
        c->cb.on_lobby(c->cb.ctx, &c->lobby);
    return true;
}

static bool handle_update(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    proto_update *u = c->upd;
    if (!proto_decode_update(pl, len, u, why))
        return false;
    bool seat_view = u->view_kind == 1;
    if (seat_view != (c->seat >= 0) || (seat_view && u->view.seat != c->seat)) {
        *why = "view for another seat";
        return false;
    }
    if (!proto_view_fits(c->sc, &u->view, seat_view, why) ||
        !proto_events_fit(c->sc, c->sc->n_seats, &u->events, why))
        return false;
    *c->view = u->view;
    c->have_view = true;
    c->last_tick = u->tick;
    c->views_rx++;
    if (c->cb.on_view)
        c->cb.on_view(c->cb.ctx, seat_view ? c->view : NULL, &c->view->pub, &u->events);
    return true;
}

static bool handle_fact(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    proto_fact f;
    if (!proto_decode_fact(pl, len, &f, why))
        return false;
    if (f.fact >= c->sc->n_facts) {
        *why = "fact out of range";
        return false;
    }
    memcpy(c->sc->facts[f.fact].text, f.text, sizeof f.text);
    return true;
}

static bool handle_event(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    proto_event e;
    if (!proto_decode_event(pl, len, &e, why))
        return false;
    if (e.index >= c->sc->n_events || e.event.round != c->sc->events[e.index].round ||
        e.event.need >= c->sc->n_needs) {
        *why = "scripted event out of range";
        return false;
    }
    c->sc->events[e.index] = e.event;
    return true;
}

static bool handle_result(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    proto_result r;
    if (!proto_decode_result(pl, len, &r, why))
        return false;
    if (r.result != CORE_OK && c->cb.on_reject)
        c->cb.on_reject(c->cb.ctx, r.result, core_reject_message(r.result));
    return true;
}

static bool handle_ping(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    proto_ping p;
    if (!proto_decode_ping(pl, len, PROTO_MSG_PING, &p, why))
        return false;
    uint8_t buf[16];
    p.ack_tick = c->last_tick;
    send_payload(c, buf, proto_encode_ping(buf, sizeof buf, PROTO_MSG_PONG, &p));
    return true;
}

static bool handle_pong(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    (void)c;
    proto_ping p;
    return proto_decode_ping(pl, len, PROTO_MSG_PONG, &p, why);
}

/* false: the host sent something invalid; the connection is dropped */
static bool handle_frame(cli *c, const uint8_t *pl, size_t len, const char **why)
{
    int type = proto_payload_type(pl, len);
    /* the message table decides who may send what, and when */
    if (!proto_msg_allowed(type, PROTO_SENDER_CLIENT, c->welcomed, why))
        return false;
    typedef bool (*handler)(cli *, const uint8_t *, size_t, const char **);
    /* handle_<name> for each message a host may send (proto_messages.h) */
#define HANDLER_HOST(name) handle_##name
#define HANDLER_EITHER(name) handle_##name
#define HANDLER_CLIENT(name) NULL
#define HANDLER_ROW(type, NAME, name, st, sender, stage, codec) [PROTO_MSG_##NAME] = HANDLER_##sender(name),
    static const handler handlers[PROTO_MSG_COUNT] = {PROTO_MESSAGES(HANDLER_ROW)};
#undef HANDLER_ROW
#undef HANDLER_HOST
#undef HANDLER_EITHER
#undef HANDLER_CLIENT
    if (type < 0 || type >= PROTO_MSG_COUNT || !handlers[type]) {
        *why = "unexpected message type";
        return false;
    }
    return handlers[type](c, pl, len, why);
}

/* One frame from the host (net_conn_each_frame); stops once the
 * connection is gone (rejected or said goodbye). */
static int client_frame(void *ctx, const uint8_t *pl, size_t len, const char **why)
{
    cli *c = ctx;
    if (!handle_frame(c, pl, len, why))
        return -1;
    return c->conn ? 1 : 0;
}

void cli_pump(cli *c, int max_wait_ms)
{
    uint64_t now = plat_now_ms();
    if (c->job && SDL_AtomicGet(&c->job->state) == JOB_DONE) {
        struct connect_job *job = c->job;
        c->job = NULL;
        if (job->result) {
            c->conn = job->result;
            net_poll_add_conn(c->poll, c->conn);
            c->last_rx_ms = c->last_ping_ms = now;
            send_hello(c);
        } else if (c->ever_welcomed) {
            c->retry_at_ms = now + CLI_RETRY_MS;
            set_status(c, CLI_STATUS_RECONNECTING, job->err);
        } else {
            set_status(c, CLI_STATUS_FAILED, job->err);
        }
        free(job);
    } else if (c->job && now - c->job_started_ms > CLI_CONNECT_TIMEOUT_MS) {
        abandon_job(c);
        if (c->ever_welcomed) {
            c->retry_at_ms = now + CLI_RETRY_MS;
            set_status(c, CLI_STATUS_RECONNECTING, _("de host antwoordt niet"));
        } else {
            set_status(c, CLI_STATUS_FAILED, _("de host antwoordt niet"));
        }
    }
    if (!c->conn && !c->job && c->status == CLI_STATUS_RECONNECTING && now >= c->retry_at_ms)
        start_connect(c);
    if (!c->conn) {
        if (max_wait_ms > 0)
            plat_sleep_ms((unsigned)(max_wait_ms < 10 ? max_wait_ms : 10));
        return;
    }
    int n = net_poll_wait(c->poll, max_wait_ms);
    now = plat_now_ms();
    if (n > 0 && net_poll_conn_ready(c->conn)) {
        int r = net_conn_read(c->conn);
        if (r <= 0) {
            lost(c, r == 0 ? _("de host sloot de verbinding") : _("verbinding verbroken"));
            return;
        }
        c->bytes_rx += (uint64_t)r;
        c->last_rx_ms = now;
        const char *why = NULL;
        if (net_conn_each_frame(c->conn, PROTO_MAX_FRAME, client_frame, c, &why) < 0) {
            char msg[CLI_REASON_LEN];
            snprintf(msg, sizeof msg, "ongeldig bericht van de host (%s)", why ? why : "?");
            lost(c, msg);
            return;
        }
    }
    if (!c->conn)
        return;
    if (net_conn_failed(c->conn)) {
        lost(c, _("verbinding verbroken"));
    } else if (now - c->last_rx_ms > CLI_SILENT_MS) {
        lost(c, _("de host antwoordt niet meer"));
    } else if (now - c->last_ping_ms >= CLI_PING_MS) {
        c->last_ping_ms = now;
        proto_ping p = {now, c->last_tick};
        uint8_t buf[16];
        send_payload(c, buf, proto_encode_ping(buf, sizeof buf, PROTO_MSG_PING, &p));
    }
}

bool cli_send_action(cli *c, const core_action *a)
{
    if (!c->conn || !c->welcomed || c->seat < 0)
        return false;
    proto_action m;
    memset(&m, 0, sizeof m);
    m.seq = ++c->seq;
    m.action = *a;
    m.action.seat = c->seat;
    uint8_t buf[PROTO_MAX_CLIENT_FRAME];
    size_t n = proto_encode_action(buf, sizeof buf, &m);
    if (!n)
        return false;
    return net_conn_send(c->conn, buf, n);
}

cli_status cli_status_get(const cli *c) { return c->status; }
const char *cli_reason(const cli *c) { return c->reason; }
cli_reject_reason cli_reject_code(const cli *c) { return c->rej; }
int cli_seat(const cli *c) { return c->seat; }
bool cli_is_observer(const cli *c) { return c->ever_welcomed && c->seat < 0; }
const core_scenario *cli_scenario(const cli *c) { return c->ever_welcomed ? c->sc : NULL; }
const core_seat_view *cli_seat_view(const cli *c) { return c->have_view && c->seat >= 0 ? c->view : NULL; }
const core_public_view *cli_public_view(const cli *c) { return c->have_view ? &c->view->pub : NULL; }
const cli_lobby *cli_lobby_get(const cli *c) { return &c->lobby; }
uint64_t cli_bytes_received(const cli *c) { return c->bytes_rx; }
uint64_t cli_views_received(const cli *c) { return c->views_rx; }

bool cli_token_get(const cli *c, uint8_t out[16])
{
    if (!c->has_token)
        return false;
    memcpy(out, c->token, PROTO_TOKEN_LEN);
    return true;
}

/* ----------------------------------------------------------- discovery */

struct cli_discovery {
    net_udp *udp;
    int port;
    char target[CLI_HOST_LEN];
    uint64_t last_query_ms;
    cli_found_game found[CLI_MAX_FOUND];
    int n;
};

cli_discovery *cli_discovery_start(int port, const char *target, char *err, size_t err_len)
{
    if (!net_init(err, err_len))
        return NULL;
    cli_discovery *d = calloc(1, sizeof *d);
    if (!d) {
        net_quit();
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    d->udp = net_udp_open(0, err, err_len);
    if (!d->udp) {
        free(d);
        net_quit();
        return NULL;
    }
    d->port = port;
    snprintf(d->target, sizeof d->target, "%s", target ? target : "255.255.255.255");
    return d;
}

int cli_discovery_poll(cli_discovery *d, cli_found_game *out, int max)
{
    uint64_t now = plat_now_ms();
    if (d->last_query_ms == 0 || now - d->last_query_ms >= 1000) {
        d->last_query_ms = now;
        uint8_t q[PROTO_DISCOVERY_QUERY_LEN];
        size_t n = proto_encode_discovery_query(q, sizeof q);
        net_udp_send(d->udp, d->target, d->port, q, n);
    }
    for (int k = 0; k < 64; k++) {
        uint8_t buf[128];
        char from[NET_ADDR_LEN];
        int from_port = 0;
        int n = net_udp_recv(d->udp, buf, sizeof buf, from, &from_port);
        if (n <= 0)
            break;
        proto_discovery_reply r;
        if (!proto_decode_discovery_reply(buf, (size_t)n, &r) || r.version != PROTO_VERSION)
            continue; /* a hint only: ignore anything odd */
        int slot = -1;
        for (int i = 0; i < d->n; i++)
            if (!strcmp(d->found[i].address, from) && d->found[i].port == r.port)
                slot = i;
        if (slot < 0) {
            if (d->n == CLI_MAX_FOUND)
                continue;
            slot = d->n++;
        }
        cli_found_game *g = &d->found[slot];
        snprintf(g->address, sizeof g->address, "%s", from);
        g->port = r.port;
        memcpy(g->code, r.code, sizeof g->code);
        snprintf(g->title, sizeof g->title, "%s", r.title);
        g->seats_free = r.seats_free;
        g->seats_total = r.seats_total;
        g->started = r.started;
    }
    int n = d->n < max ? d->n : max;
    if (out && n > 0)
        memcpy(out, d->found, (size_t)n * sizeof *out);
    return d->n;
}

void cli_discovery_stop(cli_discovery *d)
{
    if (!d)
        return;
    net_udp_close(d->udp);
    free(d);
    net_quit();
}
