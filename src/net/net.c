/*
 * net: the generic layer over the transports (see net.h): counted init,
 * shared frames, a connection's read buffer and framing, listeners, and
 * readiness across backends. Sockets live in the platform transport
 * (net_posix.c), the in-memory one in net_loop.c, UDP in net_udp.c.
 */
#include "net/net.h"
#include "net/net_sys.h"
#include "proto/proto.h"

#include <SDL.h>
#include <SDL_net.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------ init */

static SDL_atomic_t init_count;

bool net_init(char *err, size_t err_len)
{
    /* The first caller initialises; SDLNet_Init is itself counted in 2.2,
     * but SDL_Init(0) is needed for threads and must happen once. */
    if (SDL_AtomicIncRef(&init_count) == 0) {
        if (SDL_Init(0) != 0 || SDLNet_Init() != 0) {
            snprintf(err, err_len, "netwerk kon niet starten: %s", SDLNet_GetError());
            (void)SDL_AtomicDecRef(&init_count);
            return false;
        }
    }
    return true;
}

void net_quit(void)
{
    if (SDL_AtomicDecRef(&init_count)) {
        /* The last user is gone: closed connections still flushing are
         * abandoned and the I/O thread ends, so nothing outlives net. */
        net_sys_quit();
        SDLNet_Quit();
    }
}

/* ------------------------------------------------------------------ bufs */

net_buf *net_buf_frame(const uint8_t *payload, size_t len)
{
    if (len > UINT32_MAX - PROTO_HEADER_LEN)
        return NULL;
    net_buf *b = malloc(sizeof *b + PROTO_HEADER_LEN + len);
    if (!b)
        return NULL;
    refs_init(&b->refs);
    b->len = PROTO_HEADER_LEN + len;
    proto_frame_header(b->data, (uint32_t)len);
    memcpy(b->data + PROTO_HEADER_LEN, payload, len);
    return b;
}

void net_buf_unref(net_buf *b)
{
    if (b && refs_dec_is_last(&b->refs))
        free(b);
}

size_t net_buf_len(const net_buf *b)
{
    return b->len;
}

const uint8_t *net_buf_data(const net_buf *b)
{
    return b->data;
}

net_buf *net_buf_ref(net_buf *b)
{
    (void)refs_inc(&b->refs);
    return b;
}

/* ------------------------------------------------------------ connection */

struct net_conn {
    const net_conn_ops *ops;
    void *impl;
    char address[NET_ADDR_LEN];
    /* read side: owner's thread only */
    uint8_t *rbuf;
    size_t rcap, rpos, rlen;
    bool ready; /* set by net_poll_wait */
};

net_conn *net_conn_from_ops(const net_conn_ops *ops, void *impl, const char *address)
{
    net_conn *c = calloc(1, sizeof *c);
    uint8_t *rbuf = malloc(NET_RBUF_START);
    if (!c || !rbuf) {
        free(c);
        free(rbuf);
        ops->close(impl, false);
        return NULL;
    }
    c->ops = ops;
    c->impl = impl;
    snprintf(c->address, sizeof c->address, "%s", address ? address : "?");
    c->rbuf = rbuf;
    c->rcap = NET_RBUF_START;
    return c;
}

bool net_conn_send_buf(net_conn *c, net_buf *b)
{
    return c->ops->send(c->impl, b);
}

bool net_conn_send(net_conn *c, const uint8_t *payload, size_t len)
{
    net_buf *b = net_buf_frame(payload, len);
    if (!b)
        return false;
    bool ok = net_conn_send_buf(c, b);
    net_buf_unref(b);
    return ok;
}

int net_conn_read(net_conn *c)
{
    if (c->rpos > 0) {
        memmove(c->rbuf, c->rbuf + c->rpos, c->rlen - c->rpos);
        c->rlen -= c->rpos;
        c->rpos = 0;
    }
    if (c->rlen == c->rcap)
        return -1;
    size_t want = c->rcap - c->rlen;
    if (want > INT32_MAX)
        want = INT32_MAX;
    int n = c->ops->recv(c->impl, c->rbuf + c->rlen, want);
    c->ready = false;
    if (n == NET_RECV_NONE)
        return -1; /* read without being ready: the caller's contract */
    if (n < 0)
        return -1;
    c->rlen += (size_t)n;
    return n;
}

int net_conn_next(net_conn *c, size_t max_payload, const uint8_t **payload, size_t *len, const char **why)
{
    size_t consumed = 0;
    /* Grow the read buffer up to what the largest allowed frame needs. */
    size_t need = max_payload + PROTO_HEADER_LEN;
    if (need > c->rcap) {
        uint8_t *nb = realloc(c->rbuf, need);
        if (!nb) {
            *why = "out of memory";
            return -1;
        }
        c->rbuf = nb;
        c->rcap = need;
    }
    switch (proto_frame_next(c->rbuf + c->rpos, c->rlen - c->rpos, max_payload, payload, len, &consumed)) {
    case PROTO_FRAME_NEED_MORE:
        return 0;
    case PROTO_FRAME_TOO_LARGE:
        *why = "frame too large";
        return -1;
    case PROTO_FRAME_EMPTY:
        *why = "empty frame";
        return -1;
    case PROTO_FRAME_OK:
        break;
    }
    c->rpos += consumed;
    return 1;
}

int net_conn_each_frame(net_conn *c, size_t max_payload, net_frame_fn on_frame, void *ctx, const char **why)
{
    for (;;) {
        const uint8_t *pl;
        size_t len;
        int k = net_conn_next(c, max_payload, &pl, &len, why);
        if (k <= 0)
            return k;
        int go = on_frame(ctx, pl, len, why);
        if (go <= 0)
            return go < 0 ? -1 : 0;
    }
}

bool net_conn_failed(const net_conn *c) { return c->ops->failed(c->impl); }
size_t net_conn_queued(const net_conn *c) { return c->ops->queued(c->impl); }
uint64_t net_conn_bytes_sent(const net_conn *c) { return c->ops->bytes_sent(c->impl); }
const char *net_conn_address(const net_conn *c) { return c->address; }

void net_conn_close(net_conn *c, bool flush)
{
    if (!c)
        return;
    c->ops->close(c->impl, flush); /* from here on the backend owns impl */
    free(c->rbuf);
    free(c);
}

/* -------------------------------------------------------------- listener */

struct net_listener {
    const net_listener_ops *ops;
    void *impl;
    bool ready;
};

net_listener *net_listener_from_ops(const net_listener_ops *ops, void *impl)
{
    net_listener *l = calloc(1, sizeof *l);
    if (!l) {
        ops->close(impl);
        return NULL;
    }
    l->ops = ops;
    l->impl = impl;
    return l;
}

net_listener *net_listen(int port, char *err, size_t err_len)
{
    if (port <= 0 || port > 65535) {
        snprintf(err, err_len, "poort %d is ongeldig (1-65535)", port);
        return NULL;
    }
    if (net_loop_routed())
        return net_loop_listen_port(port, err, err_len);
    return net_sys_listen(port, err, err_len);
}

net_conn *net_accept(net_listener *l, size_t queue_bytes)
{
    l->ready = false;
    return l->ops->accept(l->impl, queue_bytes);
}

void net_listener_close(net_listener *l)
{
    if (!l)
        return;
    l->ops->close(l->impl);
    free(l);
}

net_conn *net_connect(const char *host, int port, size_t queue_bytes, char *err, size_t err_len)
{
    if (port <= 0 || port > 65535) {
        snprintf(err, err_len, "poort %d is ongeldig (1-65535)", port);
        return NULL;
    }
    if (net_loop_routed())
        return net_loop_connect_port(port, queue_bytes, err, err_len);
    return net_sys_connect(host, port, queue_bytes, err, err_len);
}

/* ------------------------------------------------------------------ poll */

/* One member of a poll set: a connection or a listener. */
typedef struct poll_entry {
    void *item;
    bool listener;
} poll_entry;

struct net_poll {
    int max, n;
    poll_entry *entries;
    /* scratch for net_sys_wait, one block: fds[max], fd_item[max] (which
     * entry each descriptor belongs to), then fd_ready[max] */
    int *fds, *fd_item;
    bool *fd_ready;
};

net_poll *net_poll_create(int max)
{
    if (max <= 0)
        return NULL;
    net_poll *p = calloc(1, sizeof *p);
    size_t m = (size_t)max;
    poll_entry *entries = calloc(m, sizeof *entries);
    int *scratch = calloc(m * 2 + (m * sizeof(bool) + sizeof(int) - 1) / sizeof(int), sizeof(int));
    if (!p || !entries || !scratch) {
        free(p);
        free(entries);
        free(scratch);
        return NULL;
    }
    p->entries = entries;
    p->fds = scratch;
    p->fd_item = scratch + m;
    p->fd_ready = (bool *)(void *)(scratch + 2 * m);
    p->max = max;
    return p;
}

void net_poll_destroy(net_poll *p)
{
    if (p) {
        free(p->entries);
        free(p->fds); /* the whole scratch block */
        free(p);
    }
}

static bool poll_add(net_poll *p, void *item, bool listener)
{
    if (p->n >= p->max)
        return false;
    p->entries[p->n++] = (poll_entry){item, listener};
    return true;
}

static void poll_del(net_poll *p, void *item)
{
    for (int i = 0; i < p->n; i++)
        if (p->entries[i].item == item) {
            p->entries[i] = p->entries[--p->n];
            return;
        }
}

bool net_poll_add_conn(net_poll *p, net_conn *c) { return poll_add(p, c, false); }
void net_poll_del_conn(net_poll *p, net_conn *c) { poll_del(p, c); }
bool net_poll_add_listener(net_poll *p, net_listener *l) { return poll_add(p, l, true); }
void net_poll_del_listener(net_poll *p, net_listener *l) { poll_del(p, l); }

/* Readiness without waiting (pending op) and the descriptor to wait on. */
static bool *item_probe(const poll_entry *e, int *fd)
{
    if (e->listener) {
        net_listener *l = e->item;
        l->ready = l->ops->pending && l->ops->pending(l->impl);
        *fd = l->ops->poll_fd ? l->ops->poll_fd(l->impl) : -1;
        return &l->ready;
    }
    net_conn *c = e->item;
    /* bytes already read but not yet framed do not count: the owner takes
     * every complete frame after a read */
    c->ready = c->ops->pending && c->ops->pending(c->impl);
    *fd = c->ops->poll_fd ? c->ops->poll_fd(c->impl) : -1;
    return &c->ready;
}

int net_poll_wait(net_poll *p, int ms)
{
    if (p->n == 0) {
        if (ms > 0)
            SDL_Delay((Uint32)ms);
        return 0;
    }
    int ready = 0, nfd = 0;
    for (int i = 0; i < p->n; i++) {
        int fd = -1;
        if (*item_probe(&p->entries[i], &fd))
            ready++;
        else if (fd >= 0) {
            p->fds[nfd] = fd;
            p->fd_item[nfd] = i;
            nfd++;
        }
    }
    /* Something is waiting already, or nothing can arrive while we sleep
     * (only in-memory items): look at the descriptors without waiting. */
    if (ready > 0 || nfd < p->n - ready)
        ms = 0;
    if (nfd == 0)
        return ready;
    int n = net_sys_wait(p->fds, p->fd_ready, nfd, ms < 0 ? 0 : ms);
    if (n < 0)
        return ready > 0 ? ready : -1;
    for (int k = 0; k < nfd; k++) {
        if (!p->fd_ready[k])
            continue;
        const poll_entry *e = &p->entries[p->fd_item[k]];
        if (e->listener)
            ((net_listener *)e->item)->ready = true;
        else
            ((net_conn *)e->item)->ready = true;
    }
    return ready + n;
}

bool net_poll_conn_ready(net_conn *c) { return c->ready; }
bool net_poll_listener_ready(net_listener *l) { return l->ready; }

/* ---------------------------------------------------------------- misc */

void net_random_bytes(uint8_t *out, size_t n)
{
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = 0;
    if (f) {
        got = fread(out, 1, n, f);
        fclose(f);
    }
    if (got == n)
        return;
    /* Fallback (no /dev/urandom, e.g. Windows without it): not for
     * cryptography, but tokens only need to be unguessable for a classroom. */
    uint64_t x = SDL_GetPerformanceCounter() ^ ((uint64_t)time(NULL) << 20) ^ (uint64_t)(uintptr_t)out;
    for (size_t i = got; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x += SDL_GetPerformanceCounter();
        out[i] = (uint8_t)(x >> 32);
    }
}
