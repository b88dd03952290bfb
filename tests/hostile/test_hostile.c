/*
 * Hostile and flaky peers against the real headless host on loopback.
 *
 * Every scenario starts a fresh `samenspel host --headless`; a normal
 * player (seat, plays with the team bot, PING every 25 ms), a second player
 * behind the in-process fault proxy (the "flaky" seat) and two slow players
 * fill the game. After a quiet baseline the scenario attacks, and then:
 *   - the host process is still serving and the normal player was never
 *     dropped and got answers until the end,
 *   - the normal player's p99 request->answer latency during the attack is
 *     within 2x its baseline p99 measured just before in the same run (at
 *     least 250 samples each; never a second try), or within baseline + one
 *     4 ms scheduler tick when that is more (TICK_MS says why; the `quiet`
 *     control scenario measures the noise),
 *   - the offender is dropped with a reason in the host log,
 *   - the host's RSS grew by less than 64 MiB,
 *   - a silent link is noticed within 3 s and the seat is reclaimed when the
 *     link comes back.
 * Results are printed as `name value unit` lines (tools/bench/hostile.sh).
 *
 * Usage: test_hostile [scenario...]  (default: all)
 */
#include "hostile.h"

#include "platform/plat.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef SAMENSPEL_BIN
#error "SAMENSPEL_BIN must name the samenspel binary"
#endif

#define CODE "HSTL"
#define RSS_LIMIT_KIB (64L * 1024L)
/* The normal player's latency probe: a PING every PING_MS besides its own
 * actions, so a 3-4 s window holds 300-400 samples and p99 is its 3rd-5th
 * slowest: one or two isolated slow answers (a phase change of the game
 * costs the ASan host a few ms) do not decide it, a slowdown does. That is
 * ~107 frames/s against the host's per-peer limit of 100/s with a burst of
 * 200: the ~7/s above the rate drain < 100 of the 200 over a scenario's
 * ~14 s, so the probe itself is never throttled. */
#define PING_MS 10
#define BASELINE_MS 4000
#define ATTACK_MIN_MS 3000
#define MIN_SAMPLES 250
/* The bound is 2x the baseline p99 measured in the same run, but never
 * less than the baseline plus one scheduler tick. On loopback the baseline
 * p99 is 0.3-1 ms, and 2x of that is finer than what a 2-core machine can
 * promise any round trip: the host, this process's threads and the
 * attacker share two cores, and a thread woken while both are busy waits
 * for the next scheduler tick, 4 ms with HZ=250 (this CI kernel:
 * CONFIG_HZ=250, preemption "none"), so such an answer comes one tick later
 * than it would have: baseline + TICK_MS. Measured on the shared machine:
 * slow answers cluster at 3.1-4.4 ms whatever the case, the `quiet` control
 * (no attack at all) reaches a p99 of 3-4 ms whenever other work runs, and
 * a bound of 2x baseline alone failed 2-3 of 11 cases per run, the no-attack
 * control among them. Every case prints which of the two was its bound. */
#define TICK_MS 4.0
/* The other side of the same noise: a baseline window hit by a stall of the
 * machine makes the bound loose. No pass/fail on it (only the machine can
 * be blamed), but the output says so, so that no figure is taken for more
 * than it is. */
#define DISTURBED_MS (2.0 * TICK_MS)

typedef struct {
    hx_host host;
    hx_player normal, flaky, slow[2];
    hx_proxy *px;
    int px_port;
    long from;                 /* host log offset at the start of the attack */
    uint64_t b1;               /* when the attack began (ms) */
    char note[512];
    char metric[64];
    double metric_value;
    const char *metric_unit;
    /* RSS sampler */
    pthread_t rss_thread;
    volatile bool rss_stop;
    long rss_max;
} ctx;

/* An observer's HELLO payload (no frame header). */
static size_t hello_payload(uint8_t *buf, size_t cap, const char *code, const char *name, bool observe)
{
    proto_hello m;
    ts_hello_init(&m, "hostile-test", code, name);
    m.observe = observe;
    return proto_encode_hello(buf, cap, &m);
}

static int failures;

static void check(bool ok, const char *scenario, const char *fmt, ...)
{
    if (ok)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL %s: ", scenario);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    failures++;
}

static void *rss_main(void *arg)
{
    ctx *c = arg;
    while (!c->rss_stop) {
        long r = hx_rss_kib(c->host.pid);
        if (r > c->rss_max)
            c->rss_max = r;
        plat_sleep_ms(20);
    }
    return NULL;
}

static void metric(ctx *c, const char *name, double v, const char *unit)
{
    snprintf(c->metric, sizeof c->metric, "%s", name);
    c->metric_value = v;
    c->metric_unit = unit;
}

/* Reads the first frame's message type from fd within ms (-1: none). */
static int first_frame_type(int fd, int ms)
{
    uint8_t buf[8192];
    size_t len = 0;
    uint64_t until = plat_now_ms() + (uint64_t)ms;
    while (plat_now_ms() < until) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 10) <= 0)
            continue;
        ssize_t n = recv(fd, buf + len, sizeof buf - len, MSG_DONTWAIT);
        if (n <= 0)
            return -1;
        len += (size_t)n;
        if (len >= PROTO_HEADER_LEN + 1)
            return buf[PROTO_HEADER_LEN];
    }
    return -1;
}

/* ------------------------------------------------------------ attacks */

static bool dropped_with_reason(ctx *c, int fd, const char *scenario, int ms)
{
    char addr[64];
    ts_sock_name(fd, addr, sizeof addr);
    uint64_t t0 = plat_now_ms();
    bool closed = ts_wait_closed(fd, ms);
    long waited = (long)(plat_now_ms() - t0);
    char line[512] = "";
    long found = hx_log_find(&c->host, c->from, addr, NULL, 1000, line, sizeof line);
    check(closed, scenario, "the host did not close %s within %d ms", addr, ms);
    check(found >= 0, scenario, "no log line names %s", addr);
    if (found >= 0 && !c->note[0])
        snprintf(c->note, sizeof c->note, "%.400s", line);
    if (!c->metric[0] || (double)waited > c->metric_value)
        metric(c, "dropped_after", (double)waited, "ms"); /* the slowest of several */
    return closed && found >= 0;
}

static void atk_garbage(ctx *c)
{
    core_rng rng;
    core_rng_seed(&rng, 1234, 1);
    int fds[3];
    for (int k = 0; k < 3; k++) {
        fds[k] = ts_connect(c->host.port, 0);
        uint8_t junk[8192];
        for (size_t i = 0; i < sizeof junk; i++)
            junk[i] = (uint8_t)core_rng_next(&rng);
        if (fds[k] >= 0)
            send(fds[k], junk, sizeof junk, MSG_NOSIGNAL);
    }
    for (int k = 0; k < 3; k++)
        if (fds[k] >= 0) {
            dropped_with_reason(c, fds[k], "garbage", 4500);
            close(fds[k]);
        }
}

static void atk_oversize(ctx *c)
{
    int fd = ts_connect(c->host.port, 0);
    uint8_t f[128] = {0xFF, 0xFF, 0xFF, 0xF0};
    memset(f + 4, 'A', sizeof f - 4);
    send(fd, f, sizeof f, MSG_NOSIGNAL);
    dropped_with_reason(c, fd, "oversize", 2000);
    close(fd);
}

static void atk_truncated(ctx *c)
{
    uint8_t hello[512];
    size_t n = hello_payload(hello, sizeof hello, CODE, "half", true);
    uint8_t hdr[PROTO_HEADER_LEN];
    proto_frame_header(hdr, (uint32_t)n);
    /* one that stops halfway and hangs on, one that stops halfway and leaves */
    int hang = ts_connect(c->host.port, 0), leave = ts_connect(c->host.port, 0);
    send(hang, hdr, sizeof hdr, MSG_NOSIGNAL);
    send(hang, hello, n / 2, MSG_NOSIGNAL);
    send(leave, hdr, sizeof hdr, MSG_NOSIGNAL);
    send(leave, hello, n / 2, MSG_NOSIGNAL);
    shutdown(leave, SHUT_WR);
    check(ts_wait_closed(leave, 2000), "truncated", "a half frame then FIN was not closed");
    close(leave);
    dropped_with_reason(c, hang, "truncated", 4500);
    close(hang);
}

static void atk_one_byte(ctx *c)
{
    /* slow but honest: a HELLO one byte every 10 ms is welcomed */
    uint8_t f[PROTO_HEADER_LEN + 512];
    size_t n = hello_payload(f + PROTO_HEADER_LEN, 512, CODE, "traag", true);
    proto_frame_header(f, (uint32_t)n);
    int fd = ts_connect(c->host.port, 0);
    uint64_t t0 = plat_now_ms();
    for (size_t i = 0; i < n + PROTO_HEADER_LEN; i++) {
        send(fd, f + i, 1, MSG_NOSIGNAL);
        plat_sleep_ms(10);
    }
    int t = first_frame_type(fd, 2000);
    check(t == PROTO_MSG_WELCOME, "one_byte", "a HELLO sent byte by byte got message %d, not WELCOME", t);
    metric(c, "welcomed_after", (double)(plat_now_ms() - t0), "ms");
    snprintf(c->note, sizeof c->note, "%zu bytes one at a time: welcomed (not an offender)", n + PROTO_HEADER_LEN);
    close(fd);
}

static void atk_no_handshake(ctx *c)
{
    int fds[8];
    for (int k = 0; k < 8; k++)
        fds[k] = ts_connect(c->host.port, 0);
    for (int k = 0; k < 8; k++)
        if (fds[k] >= 0) {
            dropped_with_reason(c, fds[k], "no_handshake", 4500);
            close(fds[k]);
        }
}

static void atk_never_reads(ctx *c)
{
    int fd = ts_connect(c->host.port, 2048);
    uint8_t hello[512];
    ts_send_frame(fd, hello, hello_payload(hello, sizeof hello, CODE, "doof", true));
    char addr[64];
    ts_sock_name(fd, addr, sizeof addr);
    uint64_t t0 = plat_now_ms();
    char line[512] = "";
    long found = hx_log_find(&c->host, c->from, addr, "left", 6000, line, sizeof line);
    check(found >= 0, "never_reads", "an observer that never reads was not dropped with a reason within 6 s");
    snprintf(c->note, sizeof c->note, "%.400s", line);
    metric(c, "dropped_after", (double)(plat_now_ms() - t0), "ms");
    close(fd);
}

static void atk_flood(ctx *c)
{
    int fd = ts_connect(c->host.port, 0);
    uint8_t hello[512];
    ts_send_frame(fd, hello, hello_payload(hello, sizeof hello, CODE, "spammer", true));
    check(first_frame_type(fd, 2000) == PROTO_MSG_WELCOME, "flood", "the flooder was not welcomed first");
    char addr[64];
    ts_sock_name(fd, addr, sizeof addr);
    uint64_t t0 = plat_now_ms();
    int sent = 0;
    /* 1000 PINGs per second for up to 3 s, or until the host hangs up */
    for (int i = 0; i < 3000; i++) {
        proto_ping pg;
            memset(&pg, 0, sizeof pg);
            pg.stamp = plat_now_ns();
        uint8_t out[32];
        if (!ts_send_frame(fd, out, proto_encode_ping(out, sizeof out, PROTO_MSG_PING, &pg)))
            break;
        sent++;
        plat_sleep_ms(1);
        uint8_t sink[65536];
        ssize_t r = recv(fd, sink, sizeof sink, MSG_DONTWAIT);
        if (r == 0)
            break;
    }
    char line[512] = "";
    long found = hx_log_find(&c->host, c->from, addr, "too many", 2000, line, sizeof line);
    check(found >= 0, "flood", "the flooder was not dropped for too many messages");
    snprintf(c->note, sizeof c->note, "%.300s (after %d messages)", line, sent);
    metric(c, "dropped_after", (double)(plat_now_ms() - t0), "ms");
    close(fd);
}

static void atk_conn64(ctx *c)
{
    int fds[64];
    uint8_t hello[512];
    size_t n = hello_payload(hello, sizeof hello, CODE, "massa", true);
    for (int k = 0; k < 64; k++) {
        fds[k] = ts_connect(c->host.port, 0);
        if (fds[k] >= 0)
            ts_send_frame(fds[k], hello, n);
    }
    int welcomed = 0, answered = 0;
    for (int k = 0; k < 64; k++) {
        int t = fds[k] >= 0 ? first_frame_type(fds[k], 5000) : -1;
        answered += t > 0;
        welcomed += t == PROTO_MSG_WELCOME;
    }
    for (int k = 0; k < 64; k++)
        if (fds[k] >= 0)
            close(fds[k]);
    check(answered == 64, "conn64", "only %d of 64 simultaneous connections got an answer", answered);
    snprintf(c->note, sizeof c->note, "%d of 64 welcomed as observers, %d answered", welcomed, answered);
    metric(c, "welcomed", (double)welcomed, "connections");
}

static void atk_killed(ctx *c)
{
    /* the flaky seat's process dies: its socket is reset, no goodbye */
    c->flaky.hold = true;
    c->flaky.reset = true;
    char line[512] = "";
    long noticed = hx_log_find(&c->host, c->from, "kwetsbaar", "disconnected", 4000, line, sizeof line);
    check(noticed >= 0, "killed", "the killed player's seat was not marked disconnected");
    plat_sleep_ms(500);
    long from2 = hx_log_size(&c->host);
    c->flaky.hold = false;
    long back = hx_log_find(&c->host, from2, "kwetsbaar", "rejoined", 4000, NULL, 0);
    check(back >= 0, "killed", "the player did not get its seat back with its token");
    snprintf(c->note, sizeof c->note, "%.300s; rejoined with its token after %ld ms", line, back);
    metric(c, "noticed_after", (double)noticed, "ms");
}

static void atk_silent(ctx *c)
{
    /* first a slow link (150 ms each way): tolerated, not dropped */
    hx_proxy_set(c->px, HX_DELAY, 150);
    plat_sleep_ms(1500);
    check(hx_log_find(&c->host, c->from, "kwetsbaar", "disconnected", 0, NULL, 0) < 0, "silent",
          "a slow (150 ms) link was dropped");
    /* a dropped link (both sockets closed): the seat comes back */
    long from1 = hx_log_size(&c->host);
    if (getenv("HOSTILE_SLOWEST"))
        fprintf(stderr, "silent: drop at +%llu\n", (unsigned long long)(plat_now_ms() - c->b1));
    hx_proxy_set(c->px, HX_DROP, 0);
    long back1 = hx_log_find(&c->host, from1, "kwetsbaar", "rejoined", 4000, NULL, 0);
    check(back1 >= 0, "silent", "after a dropped link the seat was not reclaimed");
    plat_sleep_ms(500);
    /* a silent link: nothing passes, nothing closes */
    long from2 = hx_log_size(&c->host);
    uint64_t t0 = plat_now_ms();
    if (getenv("HOSTILE_SLOWEST"))
        fprintf(stderr, "silent: stall at +%llu\n", (unsigned long long)(t0 - c->b1));
    hx_proxy_set(c->px, HX_STALL, 0);
    char line[512] = "";
    long noticed = hx_log_find(&c->host, from2, "kwetsbaar", "disconnected", 6000, line, sizeof line);
    long noticed_ms = noticed >= 0 ? (long)(plat_now_ms() - t0) : -1;
    check(noticed >= 0 && noticed_ms <= 3100, "silent", "a silent link was noticed after %ld ms (limit 3 s)",
          noticed_ms);
    long from3 = hx_log_size(&c->host);
    if (getenv("HOSTILE_SLOWEST"))
        fprintf(stderr, "silent: pass at +%llu\n", (unsigned long long)(plat_now_ms() - c->b1));
    hx_proxy_set(c->px, HX_PASS, 0);
    long back = hx_log_find(&c->host, from3, "kwetsbaar", "rejoined", 5000, NULL, 0);
    check(back >= 0, "silent", "the seat was not reclaimed when the link came back");
    snprintf(c->note, sizeof c->note, "delay 150 ms tolerated; drop -> rejoined in %ld ms; stall -> %.300s; "
             "back -> rejoined in %ld ms", back1, line, back);
    metric(c, "noticed_after", (double)noticed_ms, "ms");
}

static void atk_quiet(ctx *c)
{
    /* the control: no attack at all, so the output shows how far p99 moves
     * between two windows of the same quiet game on this machine */
    snprintf(c->note, sizeof c->note, "no attack: the noise of the latency measurement itself");
}

typedef struct {
    const char *name;
    void (*attack)(ctx *c);
} scenario;

static const scenario scenarios[] = {
    {"quiet", atk_quiet},
    {"garbage", atk_garbage},         {"oversize", atk_oversize}, {"truncated", atk_truncated},
    {"one_byte", atk_one_byte},       {"no_handshake", atk_no_handshake},
    {"never_reads", atk_never_reads}, {"flood", atk_flood},       {"conn64", atk_conn64},
    {"killed", atk_killed},           {"silent", atk_silent},
};

static bool game_running(hx_player *p)
{
    pthread_mutex_lock(&p->mu);
    bool r = p->has_view && p->view.pub.phase != CORE_PHASE_LOBBY;
    pthread_mutex_unlock(&p->mu);
    return r;
}

/* One scenario, once: baseline and attack are measured in the same run,
 * and a missed bound is a failure (no second try). */
static void run(const scenario *s)
{
    int failures_before = failures;
    ctx *c = calloc(1, sizeof *c);
    if (!hx_host_start(&c->host, SAMENSPEL_BIN, 0, CODE)) {
        check(false, s->name, "the host did not start (log %s)", c->host.log);
        free(c);
        return;
    }
    c->px = hx_proxy_start(c->host.port, &c->px_port);
    snprintf(c->normal.name, sizeof c->normal.name, "normaal");
    c->normal.port = c->host.port;
    c->normal.code = CODE;
    c->normal.play = true;
    c->normal.pace_ms = 150;
    c->normal.ping_ms = PING_MS;
    snprintf(c->flaky.name, sizeof c->flaky.name, "kwetsbaar");
    c->flaky.port = c->px_port;
    c->flaky.code = CODE;
    c->flaky.play = true;
    c->flaky.pace_ms = 1000; /* the game moves at this seat's pace: it outlasts the scenario */
    c->flaky.ping_ms = 300;
    hx_player_start(&c->normal);
    plat_sleep_ms(100); /* the normal player takes the first seat */
    hx_player_start(&c->flaky);
    /* two slow seats: every phase waits for them, so no game ends (and no
     * headless host exits) during a scenario */
    for (int k = 0; k < 2; k++) {
        snprintf(c->slow[k].name, sizeof c->slow[k].name, "bedachtzaam%d", k);
        c->slow[k].port = c->host.port;
        c->slow[k].code = CODE;
        c->slow[k].play = true;
        c->slow[k].pace_ms = 2500;
        c->slow[k].ping_ms = 500;
        plat_sleep_ms(50);
        hx_player_start(&c->slow[k]);
    }
    uint64_t until = plat_now_ms() + 15000;
    while (plat_now_ms() < until && !(game_running(&c->normal) && hx_player_ready(&c->flaky)))
        plat_sleep_ms(10);
    check(game_running(&c->normal), s->name, "the game did not start (log %s)", c->host.log);
    c->rss_max = hx_rss_kib(c->host.pid);
    pthread_create(&c->rss_thread, NULL, rss_main, c);

    plat_sleep_ms(500); /* let the start of the game settle */
    uint64_t b0 = plat_now_ms();
    plat_sleep_ms(BASELINE_MS);
    uint64_t b1 = plat_now_ms();
    long rss0 = hx_rss_kib(c->host.pid);
    c->rss_max = rss0;
    c->from = hx_log_size(&c->host);
    c->b1 = b1;
    s->attack(c);
    /* a minimum attack window, so that p99 rests on enough samples */
    while (plat_now_ms() < b1 + ATTACK_MIN_MS)
        plat_sleep_ms(10);
    uint64_t a1 = plat_now_ms();

    size_t nb = 0, na = 0;
    double base = hx_player_p99(&c->normal, b0, b1, &nb);
    double att = hx_player_p99(&c->normal, b1, a1, &na);
    c->rss_stop = true;
    pthread_join(c->rss_thread, NULL);
    long growth = c->rss_max - rss0;
    bool alive = hx_host_alive(&c->host);
    pthread_mutex_lock(&c->normal.mu);
    int connects = c->normal.connects;
    uint64_t last = c->normal.last_answer_ms;
    pthread_mutex_unlock(&c->normal.mu);

    check(alive, s->name, "the host is gone (exit status %d, log %s)", c->host.status, c->host.log);
    check(connects == 1, s->name, "the normal player lost its connection (%d connects)", connects);
    check(plat_now_ms() - last < 500, s->name, "the normal player got no answer in the last %llu ms",
          (unsigned long long)(plat_now_ms() - last));
    /* 2x the baseline p99 of this very run, or baseline + one tick when
     * that is more (TICK_MS says why) */
    bool floored = 2.0 * base < base + TICK_MS;
    double limit = floored ? base + TICK_MS : 2.0 * base;
    check(nb >= MIN_SAMPLES && na >= MIN_SAMPLES, s->name,
          "too few latency samples (%zu baseline, %zu attack; need %d each)", nb, na, MIN_SAMPLES);
    check(att <= limit, s->name, "p99 %.2f ms under attack > bound %.2f ms (baseline p99 %.2f ms%s)", att, limit,
          base, floored ? ", bound = baseline + one tick" : "");
    if (att > limit || getenv("HOSTILE_SLOWEST")) {
        /* where the tail came from: answer times after the attack began */
        double ms[8];
        uint64_t at[8];
        size_t k = hx_player_slowest(&c->normal, b1, a1, 8, ms, at);
        fprintf(stderr, "%s: slowest answers under attack:", s->name);
        for (size_t i = 0; i < k; i++)
            fprintf(stderr, " %.2f ms@+%llu", ms[i], (unsigned long long)(at[i] - b1));
        fprintf(stderr, "\n%s: phase*100+round changes seen (ms from the attack's start):", s->name);
        pthread_mutex_lock(&c->normal.mu);
        for (int i = 0; i < c->normal.n_phase; i++)
            fprintf(stderr, " %d@%+lld", c->normal.phase_of[i], (long long)c->normal.phase_at[i] - (long long)b1);
        pthread_mutex_unlock(&c->normal.mu);
        fprintf(stderr, "\n");
    }
    check(growth < RSS_LIMIT_KIB, s->name, "host RSS grew by %ld KiB (bound %ld KiB)", growth, RSS_LIMIT_KIB);

    printf("hostile_%s_baseline_p99 %.2f ms\n", s->name, base);
    printf("hostile_%s_p99 %.2f ms\n", s->name, att);
    printf("hostile_%s_p99_ratio %.2f x\n", s->name, base > 0 ? att / base : 0.0);
    printf("hostile_%s_p99_bound %.2f ms\n", s->name, limit);
    printf("# %s: p99 %.2f ms under attack (%zu samples) vs %.2f ms baseline (%zu samples), bound %.2f ms = %s\n",
           s->name, att, na, base, nb, limit,
           floored ? "baseline + one 4 ms scheduler tick (2x baseline is finer than the machine, see TICK_MS)"
                   : "2x baseline");
    if (base > DISTURBED_MS)
        printf("# %s: baseline disturbed (p99 %.1f ms > %.0f ms, not the host on loopback but the machine): "
               "this run's bound is loose\n",
               s->name, base, DISTURBED_MS);
    printf("hostile_%s_rss_start %ld KiB\n", s->name, rss0);
    printf("hostile_%s_rss_max %ld KiB\n", s->name, c->rss_max);
    printf("hostile_%s_rss_growth %ld KiB\n", s->name, growth);
    if (c->metric[0])
        printf("hostile_%s_%s %.0f %s\n", s->name, c->metric, c->metric_value, c->metric_unit);
    printf("# %s: %s\n", s->name, c->note);
    fflush(stdout);

    hx_player_stop(&c->normal);
    hx_player_stop(&c->flaky);
    hx_player_stop(&c->slow[0]);
    hx_player_stop(&c->slow[1]);
    hx_proxy_stop(c->px);
    hx_host_stop(&c->host);
    /* the host's log and journal stay only for a case that failed (they
     * may be in /dev/shm, i.e. in memory) */
    if (failures == failures_before) {
        char cmd[400];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", c->host.dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", c->host.dir);
    } else {
        fprintf(stderr, "%s: host log and journal kept in %s\n", s->name, c->host.dir);
    }
    free(c);
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    /* Where allowed (root, CAP_SYS_NICE), this process and so every thread
     * and host it starts run at nice -20: other work on the machine (builds,
     * other test suites) then barely delays the round trips, while the
     * attacks still cost the host what they cost, since it handles the
     * attackers' traffic itself. Set before any thread exists: nice is per
     * thread and inherited. The output says which it was. */
    errno = 0;
    bool raised = setpriority(PRIO_PROCESS, 0, -20) == 0;
    int nice_now = getpriority(PRIO_PROCESS, 0);
    printf("# priority: %s (nice %d)\n",
           raised ? "test and hosts raised above other work on the machine"
                  : "normal (not allowed to raise it): other work on the machine shows in the latency",
           nice_now);
    printf("hostile_nice %d nice\n", nice_now);
    printf("# host journal: %s\n", access("/dev/shm", W_OK) == 0 ? "tmpfs (/dev/shm), away from other processes' disk writeback"
                                                              : "/tmp (no writable /dev/shm)");
    uint64_t t0 = plat_now_ms();
    int ran = 0;
    for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
        bool want = argc < 2;
        for (int k = 1; k < argc; k++)
            want = want || !strcmp(argv[k], scenarios[i].name);
        if (!want)
            continue;
        int before = failures;
        run(&scenarios[i]);
        printf("hostile_%s_ok %d bool\n", scenarios[i].name, failures == before);
        ran++;
    }
    printf("hostile_seconds %.1f s\n", (double)(plat_now_ms() - t0) / 1000.0);
    if (!ran) {
        fprintf(stderr, "no such scenario\n");
        return 2;
    }
    return failures ? 1 : 0;
}
