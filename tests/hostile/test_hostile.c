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
 *     least 250 samples each, the windows grow until they have them; never
 *     a second try), or within baseline + one 4 ms scheduler tick when that
 *     is more (TICK_MS says why), or within the same bound of an unattacked
 *     twin host's p99 over the attack window itself, whichever is looser:
 *     load from outside the test moves both hosts alike (judge_latency;
 *     the `quiet` control scenario measures the noise); not judged when
 *     the twin itself shows the machine overloaded (OVERLOADED_MS),
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
/* Past this the machine itself is the story: when the unattacked twin's
 * p99 over the attack window is more than five scheduler ticks on
 * loopback, the machine cannot promise a round trip to anyone, and a
 * ratio against it says nothing about the host (an attack's own work,
 * queued behind other programs, grows with the machine's load, not with
 * the host's defences). Latency is then reported, not judged; every other
 * check (host alive, normal player kept and answered, offender dropped
 * with a reason, memory) still decides. */
#define OVERLOADED_MS (5.0 * TICK_MS)

typedef struct {
    hx_host host;
    hx_player normal, flaky, slow[2];
    /* the twin: the same table at a second host that is never attacked,
     * measured over the same windows (see bound_ms) */
    hx_host twin_host;
    hx_player twin_normal, twin_second, twin_slow[2];
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
    hx_check(closed, scenario, "the host did not close %s within %d ms", addr, ms);
    hx_check(found >= 0, scenario, "no log line names %s", addr);
    if (found >= 0 && !c->note[0])
        snprintf(c->note, sizeof c->note, "%.400s", line);
    if (!c->metric[0] || (double)waited > c->metric_value)
        metric(c, "dropped_after", (double)waited, "ms"); /* the slowest of several */
    return closed && found >= 0;
}

/* Every one of fds must be dropped with a reason; closes them. */
static void all_dropped(ctx *c, const int *fds, int n, const char *scenario, int ms)
{
    for (int k = 0; k < n; k++)
        if (fds[k] >= 0) {
            dropped_with_reason(c, fds[k], scenario, ms);
            close(fds[k]);
        }
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
    all_dropped(c, fds, 3, "garbage", 4500);
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
    hx_check(ts_wait_closed(leave, 2000), "truncated", "a half frame then FIN was not closed");
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
    hx_check(t == PROTO_MSG_WELCOME, "one_byte", "a HELLO sent byte by byte got message %d, not WELCOME", t);
    metric(c, "welcomed_after", (double)(plat_now_ms() - t0), "ms");
    snprintf(c->note, sizeof c->note, "%zu bytes one at a time: welcomed (not an offender)", n + PROTO_HEADER_LEN);
    close(fd);
}

static void atk_no_handshake(ctx *c)
{
    int fds[8];
    for (int k = 0; k < 8; k++)
        fds[k] = ts_connect(c->host.port, 0);
    all_dropped(c, fds, 8, "no_handshake", 4500);
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
    long found = hx_log_find(&c->host, c->from, addr, "is weg", 6000, line, sizeof line);
    hx_check(found >= 0, "never_reads", "an observer that never reads was not dropped with a reason within 6 s");
    snprintf(c->note, sizeof c->note, "%.400s", line);
    metric(c, "dropped_after", (double)(plat_now_ms() - t0), "ms");
    close(fd);
}

static void atk_flood(ctx *c)
{
    int fd = ts_connect(c->host.port, 0);
    uint8_t hello[512];
    ts_send_frame(fd, hello, hello_payload(hello, sizeof hello, CODE, "spammer", true));
    hx_check(first_frame_type(fd, 2000) == PROTO_MSG_WELCOME, "flood", "the flooder was not welcomed first");
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
    long found = hx_log_find(&c->host, c->from, addr, "te veel", 2000, line, sizeof line);
    hx_check(found >= 0, "flood", "the flooder was not dropped for too many messages");
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
    hx_check(answered == 64, "conn64", "only %d of 64 simultaneous connections got an answer", answered);
    snprintf(c->note, sizeof c->note, "%d of 64 welcomed as observers, %d answered", welcomed, answered);
    metric(c, "welcomed", (double)welcomed, "connections");
}

static void atk_killed(ctx *c)
{
    /* the flaky seat's process dies: its socket is reset, no goodbye */
    c->flaky.hold = true;
    c->flaky.reset = true;
    char line[512] = "";
    long noticed = hx_log_find(&c->host, c->from, "kwetsbaar", "is weg", 4000, line, sizeof line);
    hx_check(noticed >= 0, "killed", "the killed player's seat was not marked disconnected");
    plat_sleep_ms(500);
    long from2 = hx_log_size(&c->host);
    c->flaky.hold = false;
    long back = hx_log_find(&c->host, from2, "kwetsbaar", "is terug op plaats", 4000, NULL, 0);
    hx_check(back >= 0, "killed", "the player did not get its seat back with its token");
    snprintf(c->note, sizeof c->note, "%.300s; rejoined with its token after %ld ms", line, back);
    metric(c, "noticed_after", (double)noticed, "ms");
}

/* The flaky seat's link turns to f; returns the host log's size just
 * before, where the host's reaction will be looked for. */
static long link_turns(ctx *c, hx_fault f, const char *what)
{
    long from = hx_log_size(&c->host);
    if (getenv("HOSTILE_SLOWEST"))
        fprintf(stderr, "silent: %s at +%llu\n", what, (unsigned long long)(plat_now_ms() - c->b1));
    hx_proxy_set(c->px, f, 0);
    return from;
}

static void atk_silent(ctx *c)
{
    /* first a slow link (150 ms each way): tolerated, not dropped */
    hx_proxy_set(c->px, HX_DELAY, 150);
    plat_sleep_ms(1500);
    hx_check(hx_log_find(&c->host, c->from, "kwetsbaar", "is weg", 0, NULL, 0) < 0, "silent",
          "a slow (150 ms) link was dropped");
    /* a dropped link (both sockets closed): the seat comes back */
    long from1 = link_turns(c, HX_DROP, "drop");
    long back1 = hx_log_find(&c->host, from1, "kwetsbaar", "is terug op plaats", 4000, NULL, 0);
    hx_check(back1 >= 0, "silent", "after a dropped link the seat was not reclaimed");
    plat_sleep_ms(500);
    /* a silent link: nothing passes, nothing closes */
    uint64_t t0 = plat_now_ms();
    long from2 = link_turns(c, HX_STALL, "stall");
    char line[512] = "";
    long noticed = hx_log_find(&c->host, from2, "kwetsbaar", "is weg", 6000, line, sizeof line);
    long noticed_ms = noticed >= 0 ? (long)(plat_now_ms() - t0) : -1;
    hx_check(noticed >= 0 && noticed_ms <= 3100, "silent", "a silent link was noticed after %ld ms (limit 3 s)",
          noticed_ms);
    long from3 = link_turns(c, HX_PASS, "pass");
    long back = hx_log_find(&c->host, from3, "kwetsbaar", "is terug op plaats", 5000, NULL, 0);
    hx_check(back >= 0, "silent", "the seat was not reclaimed when the link came back");
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

/* Seats a table at host h: the normal player (the latency probe), a second
 * player through second_port (the proxy for the flaky seat, or the host
 * itself), and two slow seats: every phase waits for them, so no game ends
 * (and no headless host exits) during a scenario. */
static void seat_table(const hx_host *h, hx_player *normal, hx_player *second, hx_player slow[2], int second_port,
                       const char *second_name)
{
    hx_player_seat(normal, "normaal", h->port, CODE, 150, PING_MS);
    /* the game moves at the second seat's pace: it outlasts the scenario */
    hx_player_seat(second, second_name, second_port, CODE, 1000, 300);
    hx_player_start(normal);
    plat_sleep_ms(100); /* the normal player takes the first seat */
    hx_player_start(second);
    hx_slow_seats(slow, 2, "bedachtzaam", h->port, CODE);
}

static void unseat_table(hx_player *normal, hx_player *second, hx_player slow[2])
{
    hx_player_stop(normal);
    hx_player_stop(second);
    hx_player_stop(&slow[0]);
    hx_player_stop(&slow[1]);
}

/* The bound of a p99 measured against a reference p99 x: k times x, or x
 * plus one scheduler tick when that is more (TICK_MS says why). */
static double bound_ms(double x, double k, bool *floored)
{
    *floored = k * x < x + TICK_MS;
    return *floored ? x + TICK_MS : k * x;
}

/* conn64 is a room where 64 people join at once, not a stall: the host
 * really does 64 handshakes (a scenario each) in that window, work the
 * twin does not have, so its bound is 3x; the other cases keep 2x. (Two
 * clean-clone runs at load ~2 measured 7.1 and 12.7 ms against twins of
 * 5.0 and 4.7 ms.) */
static double bound_factor(const char *name)
{
    return strcmp(name, "conn64") == 0 ? 3.0 : 2.0;
}

/* Ends a measuring window that began at t0: after min_ms, and then as soon
 * as the probe has MIN_SAMPLES in it. A loaded machine answers fewer pings
 * per second, so the window grows (up to 3x) instead of the count falling
 * short. */
static uint64_t window_end(hx_player *probe, uint64_t t0, int min_ms)
{
    uint64_t now;
    size_t n = 0;
    while ((now = plat_now_ms()) < t0 + (uint64_t)min_ms)
        plat_sleep_ms(10);
    while (now < t0 + 3u * (uint64_t)min_ms) {
        (void)hx_player_p99(probe, t0, now, &n);
        if (n >= MIN_SAMPLES)
            break;
        plat_sleep_ms(50);
        now = plat_now_ms();
    }
    return now;
}

/* Starts both hosts and their tables; false (with a failure) when the
 * game did not start. */
static bool open_tables(ctx *c, const char *name)
{
    if (!hx_host_start(&c->host, SAMENSPEL_BIN, 0, CODE) || !hx_host_start(&c->twin_host, SAMENSPEL_BIN, 0, CODE)) {
        hx_check(false, name, "a host did not start (logs %s, %s)", c->host.log, c->twin_host.log);
        hx_host_stop(&c->host);
        return false;
    }
    c->px = hx_proxy_start(c->host.port, &c->px_port);
    seat_table(&c->host, &c->normal, &c->flaky, c->slow, c->px_port, "kwetsbaar");
    seat_table(&c->twin_host, &c->twin_normal, &c->twin_second, c->twin_slow, c->twin_host.port, "tweeling");
    uint64_t until = plat_now_ms() + 15000;
    while (plat_now_ms() < until &&
           !(game_running(&c->normal) && hx_player_ready(&c->flaky) && game_running(&c->twin_normal)))
        plat_sleep_ms(10);
    hx_check(game_running(&c->normal), name, "the game did not start (log %s)", c->host.log);
    hx_check(game_running(&c->twin_normal), name, "the twin's game did not start (log %s)", c->twin_host.log);
    return true;
}

static void close_tables(ctx *c, bool keep_logs)
{
    unseat_table(&c->normal, &c->flaky, c->slow);
    unseat_table(&c->twin_normal, &c->twin_second, c->twin_slow);
    hx_proxy_stop(c->px);
    hx_host_stop(&c->host);
    hx_host_stop(&c->twin_host);
    /* the hosts' logs and journals stay only for a case that failed (they
     * may be in /dev/shm, i.e. in memory) */
    const char *dirs[] = {c->host.dir, c->twin_host.dir};
    for (int i = 0; i < 2; i++) {
        if (!dirs[i][0])
            continue;
        if (keep_logs) {
            fprintf(stderr, "host log and journal kept in %s\n", dirs[i]);
            continue;
        }
        char cmd[400];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dirs[i]);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", dirs[i]);
    }
}

/* The latency figures of one scenario. */
typedef struct {
    double base, att;           /* the attacked host's probe, p99 (ms) */
    double twin_base, twin_att; /* the twin's probe, same windows */
    size_t nb, na;
    double limit;
    const char *why;            /* which reference set the bound */
    bool judged;                /* false: the machine was overloaded (OVERLOADED_MS) */
} lat_result;

/* The bound is the looser of two references measured in this very run:
 * the attacked host's own baseline (the window before the attack), and
 * the twin host during the attack window itself. The twin shares the
 * machine at the same moment but is not attacked, so load from outside
 * the test (another build, another suite) raises the twin and the
 * attacked host alike and no longer reads as the attack's doing; an
 * attack that slows the attacked host more than the machine slows the
 * twin still fails. The `quiet` control must pass the same way. */
static void judge_latency(const scenario *s, ctx *c, uint64_t b0, uint64_t b1, uint64_t a1, lat_result *r)
{
    size_t tn = 0;
    r->base = hx_player_p99(&c->normal, b0, b1, &r->nb);
    r->att = hx_player_p99(&c->normal, b1, a1, &r->na);
    r->twin_base = hx_player_p99(&c->twin_normal, b0, b1, &tn);
    r->twin_att = hx_player_p99(&c->twin_normal, b1, a1, &tn);
    bool fb, ft;
    double factor = bound_factor(s->name);
    double by_base = bound_ms(r->base, factor, &fb), by_twin = bound_ms(r->twin_att, factor, &ft);
    r->limit = by_base >= by_twin ? by_base : by_twin;
    if (by_base >= by_twin)
        r->why = fb ? "baseline + one 4 ms scheduler tick (2x baseline is finer than the machine, see TICK_MS)"
                    : (factor > 2.0 ? "3x baseline (64 joins at once)" : "2x baseline");
    else
        r->why = ft ? "the unattacked twin in the same window + one 4 ms tick"
             : (factor > 2.0 ? "3x the unattacked twin in the same window (64 joins at once)"
                        : "2x the unattacked twin in the same window");
    hx_check(r->nb >= MIN_SAMPLES && r->na >= MIN_SAMPLES, s->name,
          "too few latency samples (%zu baseline, %zu attack; need %d each)", r->nb, r->na, MIN_SAMPLES);
    r->judged = r->twin_att <= OVERLOADED_MS;
    hx_check(!r->judged || r->att <= r->limit, s->name,
          "p99 %.2f ms under attack > bound %.2f ms (baseline p99 %.2f ms, twin p99 %.2f ms; bound: %s)", r->att,
          r->limit, r->base, r->twin_att, r->why);
    if ((r->judged && r->att > r->limit) || getenv("HOSTILE_SLOWEST")) {
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
}

static void print_latency(const scenario *s, const lat_result *r)
{
    printf("hostile_%s_baseline_p99 %.2f ms\n", s->name, r->base);
    printf("hostile_%s_p99 %.2f ms\n", s->name, r->att);
    printf("hostile_%s_p99_ratio %.2f x\n", s->name, r->base > 0 ? r->att / r->base : 0.0);
    printf("hostile_%s_twin_p99 %.2f ms\n", s->name, r->twin_att);
    printf("hostile_%s_p99_bound %.2f ms\n", s->name, r->limit);
    printf("# %s: p99 %.2f ms under attack (%zu samples) vs %.2f ms baseline (%zu samples), unattacked twin "
           "%.2f / %.2f ms, bound %.2f ms = %s\n",
           s->name, r->att, r->na, r->base, r->nb, r->twin_base, r->twin_att, r->limit, r->why);
    printf("hostile_%s_latency_judged %d bool\n", s->name, r->judged);
    if (!r->judged)
        printf("# %s: latency not judged: the unattacked twin's p99 was %.1f ms > %.0f ms, the machine was "
               "overloaded (OVERLOADED_MS)\n",
               s->name, r->twin_att, OVERLOADED_MS);
    if (r->base > DISTURBED_MS)
        printf("# %s: baseline disturbed (p99 %.1f ms > %.0f ms, not the host on loopback but the machine): "
               "this run's bound is loose\n",
               s->name, r->base, DISTURBED_MS);
}

/* One scenario, once: baseline, attack and the twin are measured in the
 * same run, and a missed bound is a failure (no second try). */
static void run(const scenario *s)
{
    int failures_before = hx_failures;
    ctx *c = calloc(1, sizeof *c);
    if (!open_tables(c, s->name)) {
        free(c);
        return;
    }
    c->rss_max = hx_rss_kib(c->host.pid);
    pthread_create(&c->rss_thread, NULL, rss_main, c);

    plat_sleep_ms(500); /* let the start of the game settle */
    uint64_t b0 = plat_now_ms();
    uint64_t b1 = window_end(&c->normal, b0, BASELINE_MS);
    long rss0 = hx_rss_kib(c->host.pid);
    c->rss_max = rss0;
    c->from = hx_log_size(&c->host);
    c->b1 = b1;
    s->attack(c);
    /* a minimum attack window, so that p99 rests on enough samples */
    uint64_t a1 = window_end(&c->normal, b1, ATTACK_MIN_MS);

    lat_result r;
    judge_latency(s, c, b0, b1, a1, &r);
    c->rss_stop = true;
    pthread_join(c->rss_thread, NULL);
    long growth = c->rss_max - rss0;
    bool alive = hx_host_alive(&c->host);
    pthread_mutex_lock(&c->normal.mu);
    int connects = c->normal.connects;
    uint64_t last = c->normal.last_answer_ms;
    pthread_mutex_unlock(&c->normal.mu);

    hx_check(alive, s->name, "the host is gone (exit status %d, log %s)", c->host.status, c->host.log);
    hx_check(connects == 1, s->name, "the normal player lost its connection (%d connects)", connects);
    hx_check(plat_now_ms() - last < 500, s->name, "the normal player got no answer in the last %llu ms",
          (unsigned long long)(plat_now_ms() - last));
    hx_check(growth < RSS_LIMIT_KIB, s->name, "host RSS grew by %ld KiB (bound %ld KiB)", growth, RSS_LIMIT_KIB);

    print_latency(s, &r);
    printf("hostile_%s_rss_start %ld KiB\n", s->name, rss0);
    printf("hostile_%s_rss_max %ld KiB\n", s->name, c->rss_max);
    printf("hostile_%s_rss_growth %ld KiB\n", s->name, growth);
    if (c->metric[0])
        printf("hostile_%s_%s %.0f %s\n", s->name, c->metric, c->metric_value, c->metric_unit);
    printf("# %s: %s\n", s->name, c->note);
    fflush(stdout);
    close_tables(c, hx_failures != failures_before);
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
        int before = hx_failures;
        run(&scenarios[i]);
        printf("hostile_%s_ok %d bool\n", scenarios[i].name, hx_failures == before);
        ran++;
    }
    printf("hostile_seconds %.1f s\n", (double)(plat_now_ms() - t0) / 1000.0);
    if (!ran) {
        fprintf(stderr, "no such scenario\n");
        return 2;
    }
    return hx_failures ? 1 : 0;
}
