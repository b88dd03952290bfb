/* Helpers of the hostile-peer tests; see hostile.h. */
#include "hostile.h"

#include "platform/plat.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int hx_failures;

void hx_check(bool ok, const char *what, const char *fmt, ...)
{
    if (ok)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL %s: ", what);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    hx_failures++;
}

extern char **environ;

/* ----------------------------------------------------------------- host */

bool hx_host_start(hx_host *h, const char *bin, int bots, const char *code)
{
    memset(h, 0, sizeof *h);
    /* The journal (and log) in memory where there is a tmpfs: the host
     * commits every action, and on a disk that other processes keep busy a
     * write can wait for their writeback (tens to hundreds of ms), which is
     * the machine's doing, not the attack's. */
    snprintf(h->dir, sizeof h->dir, "%s/samenspel-hostile-XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    if (!mkdtemp(h->dir))
        return false;
    snprintf(h->log, sizeof h->log, "%s/host.log", h->dir);
    snprintf(h->code, sizeof h->code, "%s", code);
    char db[300], port[16], nb[8];
    snprintf(db, sizeof db, "%s/journal.db", h->dir);
    snprintf(nb, sizeof nb, "%d", bots);
    for (int attempt = 0; attempt < 5; attempt++) {
        h->port = ts_free_port();
        snprintf(port, sizeof port, "%d", h->port);
        char *argv[] = {(char *)bin, "host", "--headless", "--bots", nb, "--port", port, "--code", (char *)code,
                        "--seed", "5", "--db", db,
                        /* phases advance only when every seat is ready, so a
                         * game outlasts the scenario */
                        "--advance-idle", "0", NULL};
        h->pid = ts_spawn(argv, h->log, false);
        if (h->pid < 0)
            return false;
        if (ts_wait_accepting(h->port, &h->pid, &h->status, 4000))
            return true;
        hx_host_stop(h);
    }
    return false;
}

bool hx_host_alive(hx_host *h)
{
    return ts_alive(&h->pid, &h->status);
}

void hx_host_stop(hx_host *h)
{
    ts_kill(&h->pid);
}

long hx_rss_kib(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long kib = -1;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6)) {
            kib = strtol(line + 6, NULL, 10);
            break;
        }
    fclose(f);
    return kib;
}

long hx_log_size(const hx_host *h)
{
    int64_t mt, size = 0;
    if (!plat_file_stat(h->log, &mt, &size))
        return 0;
    return (long)size;
}

long hx_log_wait(const hx_host *h, long from, const char *needle, int ms)
{
    return hx_log_find(h, from, needle, NULL, ms, NULL, 0);
}

long hx_log_find(const hx_host *h, long from, const char *needle, const char *needle2, int ms, char *line_out,
                 size_t line_len)
{
    uint64_t t0 = plat_now_ms();
    for (;;) {
        FILE *f = fopen(h->log, "r");
        if (f) {
            if (fseek(f, from, SEEK_SET) == 0) {
                char line[512];
                while (fgets(line, sizeof line, f))
                    if (strstr(line, needle) && (!needle2 || strstr(line, needle2))) {
                        fclose(f);
                        if (line_out) {
                            line[strcspn(line, "\n")] = '\0';
                            snprintf(line_out, line_len, "%s", line);
                        }
                        return (long)(plat_now_ms() - t0);
                    }
            }
            fclose(f);
        }
        if (plat_now_ms() - t0 >= (uint64_t)ms)
            return -1;
        plat_sleep_ms(5);
    }
}

/* --------------------------------------------------------------- player */

static void p_sample(hx_player *p, double ms)
{
    pthread_mutex_lock(&p->mu);
    if (p->n_lat == p->cap_lat) {
        p->cap_lat = p->cap_lat ? p->cap_lat * 2 : 1024;
        p->lat_ms = realloc(p->lat_ms, p->cap_lat * sizeof *p->lat_ms);
        p->lat_at = realloc(p->lat_at, p->cap_lat * sizeof *p->lat_at);
    }
    p->lat_ms[p->n_lat] = ms;
    p->lat_at[p->n_lat] = plat_now_ms();
    p->n_lat++;
    p->last_answer_ms = plat_now_ms();
    pthread_mutex_unlock(&p->mu);
}

static void p_close(hx_player *p, bool reset)
{
    if (p->fd < 0)
        return;
    if (reset) {
        struct linger l = {1, 0};
        setsockopt(p->fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    close(p->fd);
    pthread_mutex_lock(&p->mu);
    p->fd = -1;
    ts_stream_reset(&p->in);
    p->welcomed = p->has_view = false;
    p->inflight = false;
    pthread_mutex_unlock(&p->mu);
    p->retry_ms = plat_now_ms() + 100;
}

static void p_connect(hx_player *p)
{
    uint64_t now = plat_now_ms();
    if (p->hold || now < p->retry_ms)
        return;
    p->retry_ms = now + 100;
    int fd = ts_connect(p->port, 0);
    if (fd < 0)
        return;
    proto_hello m;
    ts_hello_init(&m, "hostile-test", p->code, p->name);
    m.observe = p->observe;
    m.has_token = p->has_token;
    memcpy(m.token, p->token, sizeof m.token);
    if (!ts_send_hello(fd, &m)) {
        close(fd);
        return;
    }
    pthread_mutex_lock(&p->mu);
    p->fd = fd;
    p->connects++;
    pthread_mutex_unlock(&p->mu);
    p->next_ping_ms = now;
}

static void p_frame(hx_player *p, const uint8_t *pl, size_t n)
{
    static __thread proto_update up;
    const char *why = NULL;
    switch (proto_payload_type(pl, n)) {
    case PROTO_MSG_WELCOME: {
        proto_welcome m;
        if (proto_decode_welcome(pl, n, &m, p->sc, &why)) {
            pthread_mutex_lock(&p->mu);
            p->welcomed = true;
            p->welcomes++;
            p->seat = m.seat;
            if (m.seat >= 0) {
                p->has_token = true;
                memcpy(p->token, m.token, sizeof p->token);
            }
            pthread_mutex_unlock(&p->mu);
        }
        break;
    }
    case PROTO_MSG_UPDATE:
        if (proto_decode_update(pl, n, &up, &why)) {
            pthread_mutex_lock(&p->mu);
            if ((!p->has_view || (int)up.view.pub.phase != (int)p->view.pub.phase ||
                 up.view.pub.round != p->view.pub.round) && p->n_phase < 64) {
                p->phase_of[p->n_phase] = (int)up.view.pub.phase * 100 + up.view.pub.round;
                p->phase_at[p->n_phase++] = plat_now_ms();
            }
            p->view = up.view;
            p->has_view = true;
            p->last_tick = up.tick;
            if (up.view.pub.outcome != CORE_OUTCOME_ONGOING)
                p->ended = true;
            pthread_mutex_unlock(&p->mu);
        }
        break;
    case PROTO_MSG_RESULT: {
        proto_result r;
        if (proto_decode_result(pl, n, &r, &why) && p->inflight && r.seq == p->seq) {
            p->inflight = false;
            p_sample(p, (double)(plat_now_ns() - p->inflight_ns) / 1e6);
            if (r.result == CORE_OK)
                p->actions_ok++;
            else
                p->rejects++;
        }
        break;
    }
    case PROTO_MSG_PONG: {
        proto_ping pg;
        if (proto_decode_ping(pl, n, PROTO_MSG_PONG, &pg, &why))
            p_sample(p, (double)(plat_now_ns() - pg.stamp) / 1e6);
        break;
    }
    case PROTO_MSG_PING: {
        proto_ping pg;
        if (proto_decode_ping(pl, n, PROTO_MSG_PING, &pg, &why)) {
            pg.ack_tick = p->last_tick;
            uint8_t out[32];
            ts_send_frame(p->fd, out, proto_encode_ping(out, sizeof out, PROTO_MSG_PONG, &pg));
        }
        break;
    }
    case PROTO_MSG_REJECT:
    case PROTO_MSG_BYE:
        p_close(p, false);
        break;
    default:
        break;
    }
}

static void p_read(hx_player *p)
{
    if (ts_stream_fill(&p->in, p->fd) < 0) {
        p_close(p, false);
        return;
    }
    const uint8_t *pl;
    size_t plen;
    while (p->fd >= 0 && ts_stream_next(&p->in, &pl, &plen))
        p_frame(p, pl, plen);
}

static void *p_main(void *arg)
{
    hx_player *p = arg;
    while (!p->stop) {
        if (p->reset) {
            p_close(p, true);
            p->reset = false;
        }
        if (p->fd < 0) {
            p_connect(p);
            if (p->fd < 0) {
                plat_sleep_ms(5);
                continue;
            }
        }
        /* sleep until the next thing to do (answer, PING, action), at most
         * 20 ms for the stop/reset flags: a thread that wakes every couple
         * of milliseconds would itself add scheduling noise to the latency
         * it measures on a 2-core machine */
        uint64_t t = plat_now_ms();
        uint64_t next = p->next_ping_ms;
        if (p->play && !p->inflight && p->next_action_ms < next)
            next = p->next_action_ms;
        int wait = next <= t ? 0 : next - t > 20 ? 20 : (int)(next - t);
        struct pollfd pf = {p->fd, POLLIN, 0};
        poll(&pf, 1, wait);
        p_read(p);
        if (p->fd < 0)
            continue;
        uint64_t now = plat_now_ms();
        if (now >= p->next_ping_ms) {
            p->next_ping_ms = now + (uint64_t)p->ping_ms;
            if (!ts_send_ping(p->fd, plat_now_ns(), p->last_tick)) {
                p_close(p, false);
                continue;
            }
        }
        if (!p->play || !p->welcomed || !p->has_view || p->inflight || p->ended || now < p->next_action_ms ||
            p->seat < 0)
            continue;
        core_action a;
        memset(&a, 0, sizeof a);
        pthread_mutex_lock(&p->mu);
        bool act = core_bot_next(p->sc, &p->view, CORE_BOT_TEAM, &p->rng, &a);
        pthread_mutex_unlock(&p->mu);
        if (!act)
            continue;
        proto_action m;
        m.seq = ++p->seq;
        m.action = a;
        uint8_t out[PROTO_MAX_CLIENT_FRAME];
        p->inflight_ns = plat_now_ns();
        if (!ts_send_frame(p->fd, out, proto_encode_action(out, sizeof out, &m))) {
            p_close(p, false);
            continue;
        }
        p->inflight = true;
        p->next_action_ms = now + (uint64_t)p->pace_ms;
    }
    p_close(p, false);
    return NULL;
}

void hx_player_seat(hx_player *p, const char *name, int port, const char *code, int pace_ms, int ping_ms)
{
    snprintf(p->name, sizeof p->name, "%s", name);
    p->port = port;
    p->code = code;
    p->play = true;
    p->pace_ms = pace_ms;
    p->ping_ms = ping_ms;
}

bool hx_player_start(hx_player *p)
{
    p->fd = -1;
    p->seat = -1;
    p->sc = calloc(1, sizeof *p->sc);
    pthread_mutex_init(&p->mu, NULL);
    core_rng_seed(&p->rng, 99, (uint64_t)p->port);
    return p->sc && pthread_create(&p->thread, NULL, p_main, p) == 0;
}

void hx_slow_seats(hx_player *slow, int n, const char *prefix, int port, const char *code)
{
    for (int k = 0; k < n; k++) {
        char name[32];
        snprintf(name, sizeof name, "%s%d", prefix, k);
        hx_player_seat(&slow[k], name, port, code, 2500, 500);
        ts_sleep_ms(50);
        hx_player_start(&slow[k]);
    }
}

void hx_player_stop(hx_player *p)
{
    p->stop = true;
    pthread_join(p->thread, NULL);
    pthread_mutex_destroy(&p->mu);
    free(p->sc);
    ts_stream_free(&p->in);
    free(p->lat_ms);
    free(p->lat_at);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

size_t hx_player_slowest(hx_player *p, uint64_t t0, uint64_t t1, size_t k, double *ms, uint64_t *at)
{
    size_t got = 0;
    pthread_mutex_lock(&p->mu);
    for (size_t i = 0; i < p->n_lat; i++) {
        if (p->lat_at[i] < t0 || p->lat_at[i] > t1)
            continue;
        /* insertion into the k slowest so far, slowest first */
        size_t pos = got < k ? got : k;
        while (pos > 0 && ms[pos - 1] < p->lat_ms[i])
            pos--;
        if (pos >= k)
            continue;
        size_t last = got < k ? got : k - 1;
        for (size_t j = last; j > pos; j--) {
            ms[j] = ms[j - 1];
            at[j] = at[j - 1];
        }
        ms[pos] = p->lat_ms[i];
        at[pos] = p->lat_at[i];
        if (got < k)
            got++;
    }
    pthread_mutex_unlock(&p->mu);
    return got;
}

double hx_player_p99(hx_player *p, uint64_t t0, uint64_t t1, size_t *n)
{
    pthread_mutex_lock(&p->mu);
    double *v = malloc((p->n_lat + 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; v && i < p->n_lat; i++)
        if (p->lat_at[i] >= t0 && p->lat_at[i] <= t1)
            v[k++] = p->lat_ms[i];
    pthread_mutex_unlock(&p->mu);
    *n = k;
    if (!k) {
        free(v);
        return -1.0;
    }
    qsort(v, k, sizeof *v, cmp_double);
    size_t idx = (size_t)((double)(k - 1) * 0.99 + 0.5);
    double r = v[idx];
    free(v);
    return r;
}

bool hx_player_ready(hx_player *p)
{
    pthread_mutex_lock(&p->mu);
    bool r = p->fd >= 0 && p->welcomed && (p->has_view || p->observe);
    pthread_mutex_unlock(&p->mu);
    return r;
}

/* ---------------------------------------------------------------- proxy */

typedef struct chunk {
    struct chunk *next;
    uint64_t due_ms;
    size_t len, off;
    uint8_t data[];
} chunk;

#define HX_PAIRS 8

typedef struct {
    int fd[2];            /* 0: client side, 1: host side */
    chunk *q[2], *tail[2]; /* q[d]: bytes read from fd[d], to write to fd[1-d] */
} pair;

struct hx_proxy {
    int lfd, up_port;
    pthread_t thread;
    pthread_mutex_t mu;
    volatile bool stop;
    hx_fault fault;
    int delay_ms;
    bool drop_pending;
    pair pairs[HX_PAIRS];
};

static void pair_close(pair *pr)
{
    for (int d = 0; d < 2; d++) {
        if (pr->fd[d] >= 0)
            close(pr->fd[d]);
        pr->fd[d] = -1;
        while (pr->q[d]) {
            chunk *c = pr->q[d];
            pr->q[d] = c->next;
            free(c);
        }
        pr->tail[d] = NULL;
    }
}

static void *proxy_main(void *arg)
{
    hx_proxy *x = arg;
    uint8_t buf[16384];
    while (!x->stop) {
        pthread_mutex_lock(&x->mu);
        hx_fault f = x->fault;
        int delay = x->delay_ms;
        bool drop = x->drop_pending;
        x->drop_pending = false;
        pthread_mutex_unlock(&x->mu);
        if (drop)
            for (int i = 0; i < HX_PAIRS; i++)
                pair_close(&x->pairs[i]);
        struct pollfd pf[1 + 2 * HX_PAIRS];
        int n = 0;
        pf[n++] = (struct pollfd){x->lfd, POLLIN, 0};
        /* stalled: the pairs are not polled at all (a negative fd is
         * skipped), since a hang-up is reported even without POLLIN and
         * would make this loop spin, stealing a core from the host */
        for (int i = 0; i < HX_PAIRS; i++)
            for (int d = 0; d < 2; d++) {
                int fd = x->pairs[i].fd[d];
                pf[n++] = (struct pollfd){f == HX_STALL && fd >= 0 ? -fd - 1 : fd, POLLIN, 0};
            }
        /* wake for the first delayed chunk that falls due, else within
         * 20 ms to see a new fault setting */
        int wait = 20;
        uint64_t t = plat_now_ms();
        for (int i = 0; f != HX_STALL && i < HX_PAIRS; i++)
            for (int d = 0; d < 2; d++)
                if (x->pairs[i].q[d]) {
                    uint64_t due = x->pairs[i].q[d]->due_ms;
                    int w = due <= t ? 0 : (int)(due - t);
                    if (w < wait)
                        wait = w;
                }
        poll(pf, (nfds_t)n, wait);
        if (pf[0].revents & POLLIN) {
            int c = accept(x->lfd, NULL, NULL);
            int slot = -1;
            for (int i = 0; i < HX_PAIRS && slot < 0; i++)
                if (x->pairs[i].fd[0] < 0)
                    slot = i;
            int u = c >= 0 && slot >= 0 ? ts_connect(x->up_port, 0) : -1;
            if (u < 0) {
                if (c >= 0)
                    close(c);
            } else {
                x->pairs[slot].fd[0] = c;
                x->pairs[slot].fd[1] = u;
            }
        }
        if (f == HX_STALL)
            continue; /* neither reads nor writes: the link is silent, not closed */
        uint64_t now = plat_now_ms();
        for (int i = 0; i < HX_PAIRS; i++) {
            pair *pr = &x->pairs[i];
            for (int d = 0; d < 2 && pr->fd[0] >= 0; d++) {
                if (pf[1 + 2 * i + d].revents & (POLLIN | POLLHUP | POLLERR)) {
                    ssize_t r = recv(pr->fd[d], buf, sizeof buf, MSG_DONTWAIT);
                    if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
                        pair_close(pr);
                        break;
                    }
                    if (r > 0) {
                        chunk *c = malloc(sizeof *c + (size_t)r);
                        c->next = NULL;
                        c->due_ms = now + (uint64_t)(f == HX_DELAY ? delay : 0);
                        c->len = (size_t)r;
                        c->off = 0;
                        memcpy(c->data, buf, (size_t)r);
                        if (pr->tail[d])
                            pr->tail[d]->next = c;
                        else
                            pr->q[d] = c;
                        pr->tail[d] = c;
                    }
                }
                while (pr->q[d] && pr->q[d]->due_ms <= now) {
                    chunk *c = pr->q[d];
                    ssize_t w = send(pr->fd[1 - d], c->data + c->off, c->len - c->off, MSG_NOSIGNAL | MSG_DONTWAIT);
                    if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                        break;
                    if (w < 0) {
                        pair_close(pr);
                        break;
                    }
                    c->off += (size_t)w;
                    if (c->off < c->len)
                        break;
                    pr->q[d] = c->next;
                    if (!pr->q[d])
                        pr->tail[d] = NULL;
                    free(c);
                }
            }
        }
    }
    for (int i = 0; i < HX_PAIRS; i++)
        pair_close(&x->pairs[i]);
    return NULL;
}

hx_proxy *hx_proxy_start(int upstream_port, int *listen_port)
{
    hx_proxy *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    for (int i = 0; i < HX_PAIRS; i++)
        x->pairs[i].fd[0] = x->pairs[i].fd[1] = -1;
    x->up_port = upstream_port;
    x->lfd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(x->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t al = sizeof a;
    if (bind(x->lfd, (struct sockaddr *)&a, sizeof a) != 0 || listen(x->lfd, 16) != 0 ||
        getsockname(x->lfd, (struct sockaddr *)&a, &al) != 0) {
        close(x->lfd);
        free(x);
        return NULL;
    }
    *listen_port = ntohs(a.sin_port);
    pthread_mutex_init(&x->mu, NULL);
    if (pthread_create(&x->thread, NULL, proxy_main, x) != 0) {
        close(x->lfd);
        free(x);
        return NULL;
    }
    return x;
}

void hx_proxy_set(hx_proxy *x, hx_fault f, int delay_ms)
{
    pthread_mutex_lock(&x->mu);
    if (f == HX_DROP) {
        x->drop_pending = true;
        x->fault = HX_PASS;
    } else {
        x->fault = f;
    }
    x->delay_ms = delay_ms;
    pthread_mutex_unlock(&x->mu);
}

void hx_proxy_stop(hx_proxy *x)
{
    if (!x)
        return;
    x->stop = true;
    pthread_join(x->thread, NULL);
    close(x->lfd);
    pthread_mutex_destroy(&x->mu);
    free(x);
}
