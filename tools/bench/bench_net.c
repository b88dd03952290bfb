/*
 * LAN benchmark on loopback. Prints `name value unit` lines:
 *  - the raw loopback TCP round trip (POSIX sockets, echo thread), as the
 *    baseline measured in the same run;
 *  - latency from a player's action to every connected client having the
 *    resulting update, p50 and p99, with 8 and with 64 connections
 *    (the seats are players, the rest observers);
 *  - the time for 64 clients connecting at once to be welcomed;
 *  - bytes the host sends per action per client.
 * The host runs in its own thread exactly as the projector would run it,
 * on the platform transport (net_posix.c: its own sockets, one poll() I/O
 * thread for every connection).
 */
#include "client/client.h"
#include "host/host.h"
#include "platform/plat.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONN 64

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static double pct(uint64_t *v, int n, int p)
{
    if (n == 0)
        return 0;
    qsort(v, (size_t)n, sizeof *v, cmp_u64);
    int i = (int)((long)n * p / 100);
    if (i >= n)
        i = n - 1;
    return (double)v[i] / 1e6;
}

/* ------------------------------------------------------- raw baseline */

static int echo_listen_fd;

static void *echo_main(void *arg)
{
    (void)arg;
    int fd = accept(echo_listen_fd, NULL, NULL);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char buf[256];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        if (send(fd, buf, (size_t)n, MSG_NOSIGNAL) != n)
            break;
    }
    close(fd);
    return NULL;
}

static void raw_baseline(void)
{
    echo_listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t al = sizeof a;
    if (bind(echo_listen_fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(echo_listen_fd, 1) != 0 ||
        getsockname(echo_listen_fd, (struct sockaddr *)&a, &al) != 0) {
        fprintf(stderr, "bench_net: no loopback socket\n");
        return;
    }
    pthread_t t;
    pthread_create(&t, NULL, echo_main, NULL);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        fprintf(stderr, "bench_net: connect failed\n");
        return;
    }
    enum { N = 2000 };
    static uint64_t rtt[N];
    char msg[64] = {0}, back[64];
    for (int i = 0; i < N; i++) {
        uint64_t t0 = plat_now_ns();
        send(fd, msg, sizeof msg, MSG_NOSIGNAL);
        size_t got = 0;
        while (got < sizeof back) {
            ssize_t n = recv(fd, back + got, sizeof back - got, 0);
            if (n <= 0)
                break;
            got += (size_t)n;
        }
        rtt[i] = plat_now_ns() - t0;
    }
    close(fd);
    pthread_join(t, NULL);
    close(echo_listen_fd);
    printf("net_raw_tcp_rtt_p50 %.3f ms\n", pct(rtt, N, 50));
    printf("net_raw_tcp_rtt_p99 %.3f ms\n", pct(rtt, N, 99));
}

/* --------------------------------------------------------- host thread */

static host *g_host;
static atomic_bool g_stop;
static _Atomic uint64_t g_bytes, g_actions;

static void *host_main(void *arg)
{
    (void)arg;
    while (!atomic_load(&g_stop)) {
        host_pump(g_host, 5);
        if (host_finished(g_host)) {
            char err[128];
            host_restart(g_host, err, sizeof err); /* keep measuring on a fresh game */
        }
        atomic_store(&g_bytes, host_bytes_sent(g_host));
        atomic_store(&g_actions, host_actions_accepted(g_host));
    }
    return NULL;
}

/* ------------------------------------------------------------ clients */

typedef struct {
    cli *c;
    uint64_t views;
    uint64_t last_view_ns;
    int rejects;
} bclient;

static void on_view(void *ctx, const core_seat_view *sv, const core_public_view *pub, const core_events *ev)
{
    bclient *b = ctx;
    (void)sv;
    (void)pub;
    (void)ev;
    b->views++;
    b->last_view_ns = plat_now_ns();
}

static void on_reject(void *ctx, core_reject r, const char *t)
{
    (void)r;
    (void)t;
    ((bclient *)ctx)->rejects++;
}

static void pump_all(bclient *cl, int n)
{
    for (int i = 0; i < n; i++)
        cli_pump(cl[i].c, 0);
}

static void run_case(int n_conn, bool measure_connect)
{
    host_options o;
    host_options_default(&o);
    o.headless = true;
    o.quiet = true;
    snprintf(o.code, sizeof o.code, "BNCH");
    char err[256] = "";
    for (int attempt = 0; attempt < 20 && !g_host; attempt++) {
        o.port = 20000 + (int)((plat_now_ns() / 1000 + (uint64_t)attempt * 7919) % 30000);
        g_host = host_create(&o, NULL, NULL, NULL, err, sizeof err);
    }
    if (!g_host) {
        fprintf(stderr, "bench_net: host: %s\n", err);
        exit(1);
    }
    int seats = host_seat_count(g_host);
    atomic_store(&g_stop, false);
    pthread_t ht;
    pthread_create(&ht, NULL, host_main, NULL);

    static bclient cl[MAX_CONN];
    memset(cl, 0, sizeof cl);
    uint64_t t0 = plat_now_ns();
    for (int i = 0; i < n_conn; i++) {
        cli_options co;
        cli_options_default(&co);
        snprintf(co.host, sizeof co.host, "127.0.0.1");
        co.port = o.port;
        snprintf(co.code, sizeof co.code, "BNCH");
        snprintf(co.name, sizeof co.name, "b%d", i);
        co.observe = i >= seats;
        co.headless = true;
        co.no_token_store = true;
        cli_callbacks cb = {&cl[i], NULL, on_view, on_reject, NULL};
        cl[i].c = cli_create(&co, &cb, err, sizeof err);
        if (!cl[i].c) {
            fprintf(stderr, "bench_net: client: %s\n", err);
            exit(1);
        }
    }
    /* wait for every connection to be welcomed and to hold a view */
    uint64_t deadline = plat_now_ms() + 10000;
    int ready = 0;
    uint64_t all_welcomed_ns = 0;
    while (plat_now_ms() < deadline) {
        pump_all(cl, n_conn);
        int welcomed = 0;
        ready = 0;
        for (int i = 0; i < n_conn; i++) {
            welcomed += cli_status_get(cl[i].c) == CLI_STATUS_CONNECTED;
            ready += cli_public_view(cl[i].c) != NULL;
        }
        if (welcomed == n_conn && !all_welcomed_ns)
            all_welcomed_ns = plat_now_ns() - t0;
        if (ready == n_conn)
            break;
    }
    if (ready < n_conn) {
        fprintf(stderr, "bench_net: only %d of %d clients got a view\n", ready, n_conn);
        exit(1);
    }
    if (measure_connect)
        printf("net_connect_%d_all_welcomed %.1f ms\n", n_conn, (double)all_welcomed_ns / 1e6);

    /* the game has started (headless: every seat taken). Players act one
     * at a time; each action's latency is until every client has a newer
     * view. */
    enum { ACTIONS = 400 };
    static uint64_t lat[ACTIONS];
    int n_lat = 0;
    core_rng rng;
    core_rng_seed(&rng, 1, 1);
    uint64_t bytes0 = atomic_load(&g_bytes), act0 = atomic_load(&g_actions);
    int turn = 0;
    uint64_t stop_at = plat_now_ms() + 30000;
    while (n_lat < ACTIONS && plat_now_ms() < stop_at) {
        pump_all(cl, n_conn);
        int p = turn++ % seats;
        const core_seat_view *v = cli_seat_view(cl[p].c);
        core_action a;
        memset(&a, 0, sizeof a);
        if (!v || !core_bot_next(cli_scenario(cl[p].c), v, CORE_BOT_TEAM, &rng, &a))
            continue; /* nothing to do: the host advances quiet phases */
        uint64_t before[MAX_CONN];
        for (int i = 0; i < n_conn; i++)
            before[i] = cl[i].views;
        int rej = cl[p].rejects;
        uint64_t start = plat_now_ns();
        cli_send_action(cl[p].c, &a);
        uint64_t until = start + 2000000000ull;
        bool all = false, refused = false;
        while (!all && plat_now_ns() < until) {
            /* the measuring loop polls; yielding lets the woken host and
             * I/O threads run on this 2-core machine */
            sched_yield();
            pump_all(cl, n_conn);
            if (cl[p].rejects != rej) {
                refused = true; /* the view moved on: not a latency sample */
                break;
            }
            all = true;
            for (int i = 0; i < n_conn && all; i++)
                all = cl[i].views > before[i];
        }
        if (refused || !all)
            continue;
        uint64_t last = 0;
        for (int i = 0; i < n_conn; i++)
            if (cl[i].last_view_ns > last)
                last = cl[i].last_view_ns;
        lat[n_lat++] = last - start;
    }
    /* let the host thread publish its counters */
    plat_sleep_ms(20);
    uint64_t bytes = atomic_load(&g_bytes) - bytes0, acts = atomic_load(&g_actions) - act0;
    printf("net_action_to_all_p50_%dconn %.3f ms\n", n_conn, pct(lat, n_lat, 50));
    printf("net_action_to_all_p99_%dconn %.3f ms\n", n_conn, pct(lat, n_lat, 99));
    printf("net_latency_samples_%dconn %d actions\n", n_conn, n_lat);
    if (acts)
        printf("net_bytes_per_action_per_client_%dconn %.0f bytes\n", n_conn,
               (double)bytes / (double)acts / (double)n_conn);

    for (int i = 0; i < n_conn; i++)
        cli_destroy(cl[i].c);
    atomic_store(&g_stop, true);
    pthread_join(ht, NULL);
    host_destroy(g_host);
    g_host = NULL;
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    raw_baseline();
    run_case(8, false);
    run_case(64, true);
    return 0;
}
