/*
 * net_loop: the in-memory transport for tests (see net.h). A link is two
 * byte pipes; a frame sent on one end is in the other end's pipe when
 * send returns and is read when that end polls. No sockets, no threads,
 * no clocks: a whole networked game runs step by step in one process.
 */
#include "net/net.h"
#include "net/net_sys.h"

#include <SDL.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct loop_pipe {
    uint8_t *data;
    size_t off, len, cap; /* unread bytes are data[off, len) */
} loop_pipe;

typedef struct loop_link loop_link;
typedef struct loop_end {
    loop_link *link;
    int side; /* 0: the connecting end, 1: the accepted end */
} loop_end;

struct loop_link {
    SDL_mutex *mu; /* a client may connect from its own thread */
    loop_end end[2];
    loop_pipe to[2]; /* to[s]: what side s reads */
    bool closed[2];
    size_t max[2];   /* side s may have this many bytes unread by its peer */
    uint64_t sent[2];
};

/* ----------------------------------------------------------------- link */

static void link_free(loop_link *k)
{
    free(k->to[0].data);
    free(k->to[1].data);
    SDL_DestroyMutex(k->mu);
    free(k);
}

static size_t pipe_unread(const loop_pipe *p)
{
    return p->len - p->off;
}

static bool pipe_put(loop_pipe *p, const uint8_t *data, size_t n)
{
    if (p->off > 0) {
        memmove(p->data, p->data + p->off, p->len - p->off);
        p->len -= p->off;
        p->off = 0;
    }
    if (p->len + n > p->cap) {
        size_t cap = p->cap ? p->cap : 4096;
        while (cap < p->len + n)
            cap *= 2;
        uint8_t *nd = realloc(p->data, cap);
        if (!nd)
            return false;
        p->data = nd;
        p->cap = cap;
    }
    memcpy(p->data + p->len, data, n);
    p->len += n;
    return true;
}

static bool loop_send(void *impl, net_buf *b)
{
    loop_end *e = impl;
    loop_link *k = e->link;
    int s = e->side;
    bool ok = false;
    SDL_LockMutex(k->mu);
    if (k->closed[1 - s]) {
        ok = true; /* as a kernel would: taken, never read */
    } else if (pipe_unread(&k->to[1 - s]) + b->len <= k->max[s] && pipe_put(&k->to[1 - s], b->data, b->len)) {
        k->sent[s] += b->len;
        ok = true;
    }
    SDL_UnlockMutex(k->mu);
    return ok;
}

static int loop_recv(void *impl, uint8_t *buf, size_t cap)
{
    loop_end *e = impl;
    loop_link *k = e->link;
    loop_pipe *p = &k->to[e->side];
    SDL_LockMutex(k->mu);
    size_t n = pipe_unread(p);
    int r;
    if (n > 0) {
        if (n > cap)
            n = cap;
        if (n > INT32_MAX)
            n = INT32_MAX;
        memcpy(buf, p->data + p->off, n);
        p->off += n;
        r = (int)n;
    } else {
        r = k->closed[1 - e->side] ? 0 : NET_RECV_NONE;
    }
    SDL_UnlockMutex(k->mu);
    return r;
}

static int loop_poll_fd(void *impl)
{
    (void)impl;
    return -1;
}

static bool loop_pending(void *impl)
{
    loop_end *e = impl;
    loop_link *k = e->link;
    SDL_LockMutex(k->mu);
    bool p = pipe_unread(&k->to[e->side]) > 0 || k->closed[1 - e->side];
    SDL_UnlockMutex(k->mu);
    return p;
}

static bool loop_failed(void *impl)
{
    (void)impl;
    return false; /* nothing in memory fails after the send that said so */
}

static size_t loop_queued(void *impl)
{
    loop_end *e = impl;
    loop_link *k = e->link;
    SDL_LockMutex(k->mu);
    size_t n = k->closed[1 - e->side] ? 0 : pipe_unread(&k->to[1 - e->side]);
    SDL_UnlockMutex(k->mu);
    return n;
}

static uint64_t loop_bytes_sent(void *impl)
{
    loop_end *e = impl;
    SDL_LockMutex(e->link->mu);
    uint64_t n = e->link->sent[e->side];
    SDL_UnlockMutex(e->link->mu);
    return n;
}

/* What was sent before the close stays readable (a flush in memory is
 * immediate); the link goes when both ends are closed. */
static void loop_close(void *impl, bool flush)
{
    (void)flush;
    loop_end *e = impl;
    loop_link *k = e->link;
    SDL_LockMutex(k->mu);
    k->closed[e->side] = true;
    bool last = k->closed[1 - e->side];
    SDL_UnlockMutex(k->mu);
    if (last)
        link_free(k);
}

/* no descriptor: net_poll asks pending() and never sleeps on a loop end */
static const net_conn_ops loop_ops = {
    .send = loop_send, .recv = loop_recv, .poll_fd = loop_poll_fd, .pending = loop_pending,
    .failed = loop_failed, .queued = loop_queued, .bytes_sent = loop_bytes_sent, .close = loop_close,
};

static net_conn *end_conn(loop_link *k, int side, size_t queue_bytes, const char *address)
{
    k->max[side] = queue_bytes ? queue_bytes : NET_DEFAULT_QUEUE_BYTES;
    return net_conn_from_ops(&loop_ops, &k->end[side], address);
}

/* ------------------------------------------------------------- listener */

typedef struct loop_listener loop_listener;
struct loop_listener {
    char name[NET_ADDR_LEN];
    loop_link **backlog; /* connected, not yet accepted */
    int n, cap;
    unsigned accepted;
    loop_listener *next;
};

/* Every open loop listener, by name. The lock covers the list and every
 * listener's backlog (a client may connect from its connect thread). */
static SDL_SpinLock registry_lock;
static loop_listener *registry;
static SDL_atomic_t routed;

static loop_listener *find_locked(const char *name)
{
    for (loop_listener *l = registry; l; l = l->next)
        if (strcmp(l->name, name) == 0)
            return l;
    return NULL;
}

static net_conn *loop_accept(void *impl, size_t queue_bytes)
{
    loop_listener *l = impl;
    SDL_AtomicLock(&registry_lock);
    loop_link *k = NULL;
    unsigned id = 0;
    if (l->n > 0) {
        k = l->backlog[0];
        memmove(l->backlog, l->backlog + 1, (size_t)(l->n - 1) * sizeof *l->backlog);
        l->n--;
        id = ++l->accepted;
    }
    SDL_AtomicUnlock(&registry_lock);
    if (!k)
        return NULL;
    char address[NET_ADDR_LEN];
    snprintf(address, sizeof address, "loop:%.40s#%u", l->name, id);
    return end_conn(k, 1, queue_bytes, address);
}

static bool loop_listener_pending(void *impl)
{
    loop_listener *l = impl;
    SDL_AtomicLock(&registry_lock);
    bool p = l->n > 0;
    SDL_AtomicUnlock(&registry_lock);
    return p;
}

static void loop_listener_close(void *impl)
{
    loop_listener *l = impl;
    SDL_AtomicLock(&registry_lock);
    for (loop_listener **pp = &registry; *pp; pp = &(*pp)->next)
        if (*pp == l) {
            *pp = l->next;
            break;
        }
    SDL_AtomicUnlock(&registry_lock);
    /* never accepted: the connecting ends read an orderly close */
    for (int i = 0; i < l->n; i++)
        loop_close(&l->backlog[i]->end[1], false);
    free(l->backlog);
    free(l);
}

static const net_listener_ops loop_listener_ops = {
    .accept = loop_accept, .poll_fd = loop_poll_fd, .pending = loop_listener_pending, .close = loop_listener_close,
};

net_listener *net_loop_listen(const char *name, char *err, size_t err_len)
{
    loop_listener *l = calloc(1, sizeof *l);
    if (!l) {
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    snprintf(l->name, sizeof l->name, "%s", name);
    SDL_AtomicLock(&registry_lock);
    bool taken = find_locked(l->name) != NULL;
    if (!taken) {
        l->next = registry;
        registry = l;
    }
    SDL_AtomicUnlock(&registry_lock);
    if (taken) {
        snprintf(err, err_len, "kan niet luisteren op loop:%s (al in gebruik)", l->name);
        free(l);
        return NULL;
    }
    net_listener *nl = net_listener_from_ops(&loop_listener_ops, l);
    if (!nl)
        snprintf(err, err_len, "geen geheugen");
    return nl;
}

/* Queues a new link on the listener called name; false when nobody
 * listens there (or no memory). */
static bool backlog_push(const char *name, loop_link *k, bool *listening)
{
    SDL_AtomicLock(&registry_lock);
    loop_listener *l = find_locked(name);
    bool ok = false;
    *listening = l != NULL;
    if (l && l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        loop_link **nb = realloc(l->backlog, (size_t)cap * sizeof *nb);
        if (nb) {
            l->backlog = nb;
            l->cap = cap;
        }
    }
    if (l && l->n < l->cap) {
        l->backlog[l->n++] = k;
        ok = true;
    }
    SDL_AtomicUnlock(&registry_lock);
    return ok;
}

net_conn *net_loop_connect(const char *name, size_t queue_bytes, char *err, size_t err_len)
{
    loop_link *k = calloc(1, sizeof *k);
    if (!k || !(k->mu = SDL_CreateMutex())) {
        free(k);
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    for (int s = 0; s < 2; s++) {
        k->end[s].link = k;
        k->end[s].side = s;
    }
    char address[NET_ADDR_LEN];
    snprintf(address, sizeof address, "loop:%.50s", name);
    /* the client end first: once in the backlog the listener may take it */
    net_conn *c = end_conn(k, 0, queue_bytes, address);
    if (!c) {
        /* its close marked side 0 closed; nobody else holds the link */
        link_free(k);
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    bool listening = false;
    if (!backlog_push(name, k, &listening)) {
        k->closed[1] = true; /* so that closing our end frees the link */
        net_conn_close(c, false);
        snprintf(err, err_len, listening ? "geen geheugen" : "geen verbinding met loop:%s: niemand luistert", name);
        return NULL;
    }
    return c;
}

/* -------------------------------------------------------------- routing */

void net_loop_route(bool on)
{
    SDL_AtomicSet(&routed, on ? 1 : 0);
}

bool net_loop_routed(void)
{
    return SDL_AtomicGet(&routed) != 0;
}

net_listener *net_loop_listen_port(int port, char *err, size_t err_len)
{
    char name[16];
    snprintf(name, sizeof name, "%d", port);
    return net_loop_listen(name, err, err_len);
}

net_conn *net_loop_connect_port(int port, size_t queue_bytes, char *err, size_t err_len)
{
    char name[16];
    snprintf(name, sizeof name, "%d", port);
    return net_loop_connect(name, queue_bytes, err, err_len);
}
