/*
 * Shared helpers of the LAN tests: a host on a random free loopback port,
 * in-process bot clients driven from the test's thread, and raw peers
 * that misbehave on purpose (raw sockets: tests/support/ts.h).
 */
#ifndef SAMENSPEL_TEST_NET_FIXTURE_H
#define SAMENSPEL_TEST_NET_FIXTURE_H

#include "client/client.h"
#include "host/host.h"
#include "net/net.h"
#include "platform/plat.h"
#include "proto/proto.h"
#include "ts.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* ---------------------------------------------------------------- host */

/* cmocka group setup/teardown for tests that play over the in-memory loop
 * transport: the network layer up, and the loop route off again after. */
static inline int fx_setup_net(void **state)
{
    (void)state;
    char err[160];
    return net_init(err, sizeof err) ? 0 : -1;
}

static inline int fx_teardown_net(void **state)
{
    (void)state;
    net_loop_route(false);
    net_quit();
    return 0;
}

static inline host *fx_host(host_options *o)
{
    static unsigned salt;
    char err[256] = "";
    for (int attempt = 0; attempt < 40; attempt++) {
        salt = salt * 1103515245u + (unsigned)getpid() + (unsigned)plat_now_ns();
        o->port = 20000 + (int)(salt % 30000u);
        host *h = host_create(o, NULL, NULL, NULL, err, sizeof err);
        if (h)
            return h;
    }
    fprintf(stderr, "could not start a host: %s\n", err);
    return NULL;
}

/* A host at the port o names, as the in-memory loop wants it (a port there
 * is only a name, so there is nothing to retry); NULL, with the reason on
 * stderr, when it could not start. */
static inline host *fx_loop_host(const host_options *o)
{
    char err[256] = "";
    host *h = host_create(o, NULL, NULL, NULL, err, sizeof err);
    if (!h)
        fprintf(stderr, "host: %s\n", err);
    return h;
}

/* ------------------------------------------------------------ bot client */

typedef struct {
    cli *c;
    core_rng rng;
    core_bot_kind kind;
    bool waiting;
    bool ended;
    int rejects;
    uint64_t views;
    uint64_t sent_ns;          /* when the action in flight left */
    uint64_t lat_ns[4096];     /* action -> view latencies */
    int n_lat;
    bool act;                  /* play (false: only watch) */
} fx_bot;

static inline void fx_on_view(void *ctx, const core_seat_view *sv, const core_public_view *pub, const core_events *ev)
{
    fx_bot *b = ctx;
    (void)sv;
    (void)ev;
    b->views++;
    if (b->waiting && b->n_lat < 4096)
        b->lat_ns[b->n_lat++] = plat_now_ns() - b->sent_ns;
    b->waiting = false;
    if (pub->outcome != CORE_OUTCOME_ONGOING)
        b->ended = true;
}

static inline void fx_on_reject(void *ctx, core_reject r, const char *text)
{
    fx_bot *b = ctx;
    (void)r;
    (void)text;
    b->waiting = false;
    b->rejects++;
}

static inline bool fx_bot_start(fx_bot *b, const cli_options *o, core_bot_kind kind, uint64_t seed)
{
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->act = true;
    core_rng_seed(&b->rng, seed, 7);
    cli_callbacks cb = {b, NULL, fx_on_view, fx_on_reject, NULL};
    char err[256];
    b->c = cli_create(o, &cb, err, sizeof err);
    if (!b->c)
        fprintf(stderr, "client: %s\n", err);
    return b->c != NULL;
}

static inline void fx_bot_step(fx_bot *b)
{
    cli_pump(b->c, 0);
    const core_seat_view *v = cli_seat_view(b->c);
    if (!b->act || !v || b->waiting || b->ended || cli_status_get(b->c) != CLI_STATUS_CONNECTED)
        return;
    core_action a;
    memset(&a, 0, sizeof a);
    if (!core_bot_next(cli_scenario(b->c), v, b->kind, &b->rng, &a))
        return;
    if (cli_send_action(b->c, &a)) {
        b->waiting = true;
        b->sent_ns = plat_now_ns();
    }
}

/* Headless client options for the host on loopback port with room code,
 * as name (NULL: none), keeping no token on disk. */
static inline void fx_opts_at(cli_options *o, int port, const char *code, const char *name)
{
    cli_options_default(o);
    snprintf(o->host, sizeof o->host, "127.0.0.1");
    o->port = port;
    snprintf(o->code, sizeof o->code, "%s", code);
    snprintf(o->name, sizeof o->name, "%s", name ? name : "");
    o->headless = true;
    o->no_token_store = true;
}

/* The same for host h. */
static inline void fx_opts(cli_options *o, const host *h, const char *name)
{
    fx_opts_at(o, host_port(h), host_room_code(h), name);
}

/* A client named name, playing as a bot of kind, joins host h. */
static inline bool fx_bot_join(fx_bot *b, const host *h, const char *name, core_bot_kind kind, uint64_t seed)
{
    cli_options co;
    fx_opts(&co, h, name);
    return fx_bot_start(b, &co, kind, seed);
}

/* Headless host options: quiet, with a room code and a seed. */
static inline void fx_host_opts(host_options *o, const char *code, uint64_t seed)
{
    host_options_default(o);
    o->headless = true; /* starts by itself once every seat is taken */
    o->quiet = true;
    o->seed = seed;
    snprintf(o->code, sizeof o->code, "%s", code);
}

/* A host (options o) whose seats are played by its own bots except for
 * `open` of them, which wait for clients. */
static inline host *fx_host_open_seats(host_options *o, int open)
{
    host *tmp = fx_host(o);
    if (!tmp)
        return NULL;
    int n = host_seat_count(tmp);
    host_destroy(tmp);
    o->bots = n - open;
    return fx_host(o);
}

/* Plays the host and the given clients until every client saw the end. */
static inline bool fx_play_out(host *h, fx_bot *bots, int n, int ms)
{
    uint64_t until = plat_now_ms() + (uint64_t)ms;
    for (;;) {
        host_pump(h, 1);
        bool all = true;
        for (int i = 0; i < n; i++) {
            fx_bot_step(&bots[i]);
            all = all && bots[i].ended;
        }
        if (all)
            return true;
        if (plat_now_ms() > until)
            return false;
    }
}

static inline bool fx_wait_connected(host *h, fx_bot *b, int ms)
{
    uint64_t until = plat_now_ms() + (uint64_t)ms;
    while (cli_status_get(b->c) != CLI_STATUS_CONNECTED && plat_now_ms() < until) {
        host_pump(h, 1);
        fx_bot_step(b);
    }
    return cli_status_get(b->c) == CLI_STATUS_CONNECTED;
}

/* ------------------------------------------------------------ raw peers */

static inline size_t fx_hello(uint8_t *buf, size_t cap, const char *code, const char *name, bool observe,
                       const uint8_t *token, uint16_t version)
{
    proto_hello m;
    ts_hello_init(&m, "test", code, name);
    m.observe = observe;
    if (token) {
        m.has_token = true;
        memcpy(m.token, token, PROTO_TOKEN_LEN);
    }
    size_t n = proto_encode_hello(buf, cap, &m);
    if (version != PROTO_VERSION && n >= 7) {
        buf[5] = (uint8_t)(version >> 8);
        buf[6] = (uint8_t)version;
    }
    return n;
}

/* Reads whatever arrives on fd for up to ms while pumping the host.
 * Returns bytes appended to *buf (grown), -1 when the peer closed. */
static inline long fx_raw_read(int fd, host *h, int ms, uint8_t **buf, size_t *len, size_t *cap, bool *closed)
{
    long total = 0;
    uint64_t until = plat_now_ms() + (uint64_t)ms;
    *closed = false;
    bool first = true;
    while (first || plat_now_ms() < until) {
        first = false;
        if (h)
            host_pump(h, 2);
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, h ? 0 : 5) <= 0)
            continue;
        if (*len + 65536 > *cap) {
            *cap = (*cap + 65536) * 2;
            *buf = realloc(*buf, *cap);
        }
        ssize_t n = recv(fd, *buf + *len, *cap - *len, 0);
        if (n <= 0) {
            *closed = true;
            break;
        }
        *len += (size_t)n;
        total += n;
    }
    return total;
}

static inline bool fx_log_has(const host *h, const char *needle)
{
    for (int i = 0; i < host_log_count(h); i++)
        if (strstr(host_log_line(h, i), needle))
            return true;
    return false;
}

#endif
