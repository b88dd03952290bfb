/*
 * net: SDL2_net transport (see net.h for the contract). Reads happen on the
 * owner's thread. Writes: where POSIX sockets exist, one process-wide I/O
 * thread writes every queue without blocking, with poll(); elsewhere (or
 * when the descriptor cannot be found) each connection keeps its own
 * sender thread.
 */
#if defined(__APPLE__) && !defined(_DARWIN_C_SOURCE)
#define _DARWIN_C_SOURCE 1 /* MSG_DONTWAIT and SO_NOSIGPIPE next to _POSIX_C_SOURCE */
#endif
#include "net/net.h"
#include "proto/proto.h"

#include <SDL.h>
#include <SDL_net.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__unix__) || defined(__APPLE__)
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#define NET_HAVE_POSIX_SOCKETS 1
#endif

/* ------------------------------------------------------------------ init */

static SDL_atomic_t init_count;
static void io_stop(void);

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
        io_stop();
        SDLNet_Quit();
    }
}

/* ------------------------------------------------------------------ bufs */

/* C11 atomics where the compiler has them (thread sanitizers understand
 * them; SDL's atomics live in a library they do not see), SDL's elsewhere. */
#if !defined(__STDC_NO_ATOMICS__)
#include <stdatomic.h>
typedef atomic_int net_refs;
#define refs_init(r) atomic_init((r), 1)
#define refs_inc(r) atomic_fetch_add_explicit((r), 1, memory_order_relaxed)
#define refs_dec_is_last(r) (atomic_fetch_sub_explicit((r), 1, memory_order_acq_rel) == 1)
#else
typedef SDL_atomic_t net_refs;
#define refs_init(r) SDL_AtomicSet((r), 1)
#define refs_inc(r) SDL_AtomicIncRef(r)
#define refs_dec_is_last(r) SDL_AtomicDecRef(r)
#endif

struct net_buf {
    net_refs refs;
    size_t len;
    uint8_t data[];
};

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

/* ------------------------------------------------------------ connection */

/* A closed connection hands its last frames (REJECT, BYE) to the kernel as
 * long as the peer keeps taking bytes, with at most NET_FLUSH_MS between
 * two writes and NET_FLUSH_MAX_MS in all; then it is reset, so a stalled
 * reader can never keep a socket (or a thread) of ours. */
#define NET_FLUSH_MS 1000u
#define NET_FLUSH_MAX_MS 10000u
#define NET_COALESCE_BYTES (64u * 1024u)
#define NET_IOV 64

struct net_conn {
    TCPsocket sock;
    /* >= 0: the descriptor behind sock; writes never block (the caller's
     * thread first, then the I/O thread). -1: a sender thread writes. */
    int fd;
    char address[NET_ADDR_LEN];
    /* read side: owner's thread only */
    uint8_t *rbuf;
    size_t rcap, rpos, rlen;
    bool ready; /* set by net_poll_wait */
    /* send side, under mu (shared with the I/O or sender thread) */
    SDL_mutex *mu;
    SDL_cond *cv; /* sender thread only */
    net_buf *queue[NET_QUEUE_FRAMES];
    int q_head, q_n;
    size_t q_off; /* bytes of queue[q_head] already written */
    size_t q_bytes, q_max_bytes;
    bool closing, flush, failed;
    bool abort;          /* reset on close: the peer did not take our bytes */
    uint64_t flush_until_ms, flush_cap_ms;
    size_t kernel_left;  /* bytes the peer had not acknowledged, last look */
    uint64_t bytes_sent;
    /* registry of the I/O thread, under io.mu */
    net_conn *prev, *next;
};

static void format_addr(const IPaddress *ip, char *out, size_t len)
{
    if (!ip) {
        snprintf(out, len, "?");
        return;
    }
    uint32_t h = SDLNet_Read32(&ip->host);
    snprintf(out, len, "%u.%u.%u.%u:%u", h >> 24, (h >> 16) & 255u, (h >> 8) & 255u, h & 255u,
             (unsigned)SDLNet_Read16(&ip->port));
}

static void queue_clear(net_conn *c)
{
    while (c->q_n > 0) {
        net_buf_unref(c->queue[c->q_head]);
        c->q_head = (c->q_head + 1) % NET_QUEUE_FRAMES;
        c->q_n--;
    }
    c->q_off = 0;
    c->q_bytes = 0;
}

/* Closes the socket and frees c. Only the thread that owns c after
 * net_conn_close() calls this. */
static void conn_free(net_conn *c)
{
#ifdef NET_HAVE_POSIX_SOCKETS
    if (c->fd >= 0 && (c->q_n > 0 || c->abort)) {
        /* Frames we are abandoning: reset instead of a polite close, so
         * the kernel does not keep retrying for a peer that does not read
         * and the peer learns at once that it was dropped. */
        struct linger lg = {1, 0};
        setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    }
#endif
    queue_clear(c);
    SDLNet_TCP_Close(c->sock);
    if (c->cv)
        SDL_DestroyCond(c->cv);
    SDL_DestroyMutex(c->mu);
    free(c->rbuf);
    free(c);
}

/* --- fallback: one sender thread per connection, blocking sends. Used
 * where POSIX sockets are missing, when SDL2_net's descriptor cannot be
 * verified, or when SAMENSPEL_NET_THREADS=1 asks for it (comparisons). */

static int sender_main(void *arg)
{
    net_conn *c = arg;
    /* Frames queued together leave in one send: fewer syscalls and no
     * small segment held back behind an unacknowledged one. */
    uint8_t *batch = malloc(NET_COALESCE_BYTES);
    net_buf *take[NET_QUEUE_FRAMES];
    SDL_LockMutex(c->mu);
    for (;;) {
        while (c->q_n == 0 && !c->closing)
            SDL_CondWait(c->cv, c->mu);
        if (c->q_n == 0 || (c->closing && (!c->flush || c->failed)))
            break;
        int n = 0;
        size_t bytes = 0;
        do {
            net_buf *b = c->queue[c->q_head];
            if (n > 0 && (!batch || bytes + b->len > NET_COALESCE_BYTES))
                break;
            take[n++] = b;
            bytes += b->len;
            c->q_head = (c->q_head + 1) % NET_QUEUE_FRAMES;
            c->q_n--;
        } while (c->q_n > 0);
        bool failed = c->failed;
        SDL_UnlockMutex(c->mu);
        int sent = 0;
        if (!failed) {
            if (n == 1) {
                sent = SDLNet_TCP_Send(c->sock, take[0]->data, (int)take[0]->len);
            } else {
                size_t off = 0;
                for (int i = 0; i < n; i++) {
                    memcpy(batch + off, take[i]->data, take[i]->len);
                    off += take[i]->len;
                }
                sent = SDLNet_TCP_Send(c->sock, batch, (int)off);
            }
        }
        SDL_LockMutex(c->mu);
        c->q_bytes -= bytes;
        if (!failed && sent < (int)bytes)
            c->failed = true;
        else if (!failed)
            c->bytes_sent += bytes;
        for (int i = 0; i < n; i++)
            net_buf_unref(take[i]);
    }
    SDL_UnlockMutex(c->mu);
    free(batch);
    conn_free(c);
    return 0;
}

#ifdef NET_HAVE_POSIX_SOCKETS

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0 /* SO_NOSIGPIPE on the socket instead (macOS) */
#endif
#ifndef MSG_DONTWAIT
#define MSG_DONTWAIT 0 /* the descriptor is made non-blocking instead */
#define NET_NONBLOCK_FD 1
#endif

/* --- the I/O thread: one per process, for every connection whose
 * descriptor we know. A send only queues the frame; the first frame of an
 * idle queue wakes the thread through a self-pipe (one wake-up per host
 * tick, not one per connection). The thread writes what the kernel takes
 * at once, keeps the rest and writes it when poll() says the socket has
 * room. It also closes and frees every connection its owner has given up,
 * after a bounded flush, so no thread ever waits on a peer. */

static struct {
    pthread_mutex_t mu;   /* conns, running, stop */
    pthread_mutex_t life; /* serialises starting and stopping the thread */
    net_conn *conns;      /* every descriptor connection not yet freed */
    pthread_t thread;
    bool running, stop;
    int wake[2]; /* self-pipe; the thread polls the read end */
    SDL_atomic_t wake_pending;
} io = {.mu = PTHREAD_MUTEX_INITIALIZER, .life = PTHREAD_MUTEX_INITIALIZER, .wake = {-1, -1}};

/* SDL2_net has no accessor for a socket's descriptor. Every 2.x release
 * keeps it right after an int `ready` flag at the start of its private
 * struct _TCPsocket. We read it there and believe it only when it is a
 * stream socket connected to exactly the peer SDL2_net reports; anything
 * else (another layout) makes the connection use a sender thread. */
struct sdlnet_tcp_head {
    int ready;
    int channel;
};

static int sdl_socket_fd(TCPsocket s)
{
    const IPaddress *peer = s ? SDLNet_TCP_GetPeerAddress(s) : NULL;
    if (!peer)
        return -1;
    int fd;
    memcpy(&fd, (const unsigned char *)(const void *)s + offsetof(struct sdlnet_tcp_head, channel), sizeof fd);
    if (fd < 0)
        return -1;
    int type = 0;
    socklen_t tl = sizeof type;
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tl) != 0 || type != SOCK_STREAM)
        return -1;
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    if (getpeername(fd, (struct sockaddr *)&ss, &sl) != 0 || ss.ss_family != AF_INET)
        return -1;
    const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;
    if (in->sin_addr.s_addr != peer->host || in->sin_port != peer->port)
        return -1;
    return fd;
}

static bool force_threads(void)
{
    const char *e = getenv("SAMENSPEL_NET_THREADS");
    return e && *e && strcmp(e, "0") != 0;
}

/* Bytes written to the kernel that the peer has not acknowledged yet; 0
 * where the system cannot tell (then a close is an ordinary close). */
static size_t kernel_unacked(int fd)
{
    int n = 0;
#if defined(__APPLE__) && defined(SO_NWRITE)
    socklen_t l = sizeof n;
    if (getsockopt(fd, SOL_SOCKET, SO_NWRITE, &n, &l) != 0)
        n = 0;
#elif defined(TIOCOUTQ)
    if (ioctl(fd, TIOCOUTQ, &n) != 0)
        n = 0;
#else
    (void)fd;
#endif
    return n > 0 ? (size_t)n : 0;
}

static void flush_progress(net_conn *c)
{
    uint64_t until = SDL_GetTicks64() + NET_FLUSH_MS;
    c->flush_until_ms = until < c->flush_cap_ms ? until : c->flush_cap_ms;
}

/* Writes queued frames until the queue is empty or the kernel would
 * block. Called with c->mu held; never blocks. */
static void conn_write(net_conn *c)
{
    while (c->q_n > 0 && !c->failed) {
        struct iovec iov[NET_IOV];
        size_t k = 0;
        for (int i = 0; i < c->q_n && k < NET_IOV; i++) {
            net_buf *b = c->queue[(c->q_head + i) % NET_QUEUE_FRAMES];
            size_t off = i == 0 ? c->q_off : 0;
            iov[k].iov_base = b->data + off;
            iov[k].iov_len = b->len - off;
            k++;
        }
        struct msghdr m;
        memset(&m, 0, sizeof m);
        m.msg_iov = iov;
        m.msg_iovlen = k;
        ssize_t w = sendmsg(c->fd, &m, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                c->failed = true; /* the owner sees it and drops the peer */
                queue_clear(c);
            }
            return;
        }
        size_t left = (size_t)w;
        if (c->closing && left > 0)
            flush_progress(c);
        c->bytes_sent += left;
        c->q_bytes -= left;
        while (left > 0) {
            net_buf *b = c->queue[c->q_head];
            size_t rest = b->len - c->q_off;
            if (left < rest) {
                c->q_off += left;
                break;
            }
            left -= rest;
            c->q_off = 0;
            net_buf_unref(b);
            c->q_head = (c->q_head + 1) % NET_QUEUE_FRAMES;
            c->q_n--;
        }
    }
}

static void io_wake(void)
{
    /* One byte per sleep is enough; the flag saves a syscall per frame. */
    if (SDL_AtomicCAS(&io.wake_pending, 0, 1)) {
        char b = 1;
        if (write(io.wake[1], &b, 1) < 0) {
            /* full pipe: the thread has wake-ups waiting already */
        }
    }
}

static void io_unlink(net_conn *c)
{
    if (c->prev)
        c->prev->next = c->next;
    else
        io.conns = c->next;
    if (c->next)
        c->next->prev = c->prev;
    c->prev = c->next = NULL;
}

static void *io_main(void *arg)
{
    (void)arg;
    struct pollfd *pfd = NULL;
    net_conn **who = NULL;
    size_t cap = 0;
    for (;;) {
        uint64_t now = SDL_GetTicks64();
        int timeout = -1;
        nfds_t n = 0;
        net_conn *dead = NULL;
        pthread_mutex_lock(&io.mu);
        if (io.stop) {
            pthread_mutex_unlock(&io.mu);
            break;
        }
        size_t count = 1;
        for (net_conn *c = io.conns; c; c = c->next)
            count++;
        if (count > cap) {
            size_t ncap = count + 32;
            struct pollfd *np = realloc(pfd, ncap * sizeof *np);
            if (np)
                pfd = np;
            net_conn **nw = np ? realloc(who, ncap * sizeof *nw) : NULL;
            if (nw)
                who = nw;
            if (np && nw)
                cap = ncap;
        }
        if (cap == 0) {
            /* no memory for even the wake-up descriptor: try again soon */
            pthread_mutex_unlock(&io.mu);
            SDL_Delay(10);
            continue;
        }
        pfd[n].fd = io.wake[0];
        pfd[n].events = POLLIN;
        pfd[n].revents = 0;
        who[n++] = NULL;
        for (net_conn *c = io.conns, *next; c; c = next) {
            next = c->next;
            SDL_LockMutex(c->mu);
            /* Most sockets have room: write now and poll only for the rest. */
            if (c->q_n > 0 && !c->failed && (!c->closing || c->flush))
                conn_write(c);
            bool pending = c->q_n > 0 && !c->failed;
            bool done = c->closing && (!pending || !c->flush || now >= c->flush_until_ms);
            if (c->closing && c->flush && !c->failed) {
                /* Closed with a flush: our queue is in the kernel, but is
                 * it with the peer? Keep the socket while the peer still
                 * acknowledges (checked every few ms, no event tells us);
                 * reset it when it stops, so a peer that does not read
                 * never leaves a socket behind, ours or the kernel's. */
                size_t unacked = kernel_unacked(c->fd);
                if (unacked != c->kernel_left) {
                    if (unacked < c->kernel_left)
                        flush_progress(c);
                    c->kernel_left = unacked;
                }
                if (done && unacked > 0) {
                    if (now < c->flush_until_ms) {
                        done = false;
                        if (timeout < 0 || timeout > 5)
                            timeout = 5;
                    } else {
                        c->abort = true;
                    }
                }
            }
            if (!done && pending) {
                if (n < cap) {
                    pfd[n].fd = c->fd;
                    pfd[n].events = POLLOUT;
                    pfd[n].revents = 0;
                    who[n++] = c;
                } else if (timeout < 0 || timeout > 10) {
                    timeout = 10; /* no room in the set this time round */
                }
                if (c->closing) {
                    int left = (int)(c->flush_until_ms - now) + 1;
                    if (timeout < 0 || left < timeout)
                        timeout = left;
                }
            }
            SDL_UnlockMutex(c->mu);
            if (done) {
                io_unlink(c);
                c->next = dead;
                dead = c;
            }
        }
        pthread_mutex_unlock(&io.mu);
        /* unlinked and given up by their owners: nobody else can reach them */
        while (dead) {
            net_conn *c = dead;
            dead = c->next;
            conn_free(c);
        }
        if (poll(pfd, n, timeout) < 0) {
            if (errno != EINTR)
                SDL_Delay(10); /* ENOMEM: do not spin */
            continue;
        }
        if (pfd[0].revents) {
            char buf[64];
            while (read(io.wake[0], buf, sizeof buf) > 0) {
            }
            /* after draining: a wake-up from now on writes a new byte, and
             * anything queued before it is seen by the rebuild below */
            SDL_AtomicSet(&io.wake_pending, 0);
        }
        for (nfds_t i = 1; i < n; i++) {
            if (!pfd[i].revents)
                continue;
            net_conn *c = who[i];
            SDL_LockMutex(c->mu);
            if (pfd[i].revents & POLLNVAL) {
                c->failed = true;
                queue_clear(c);
            } else {
                conn_write(c); /* POLLERR/POLLHUP: sendmsg reports it */
            }
            SDL_UnlockMutex(c->mu);
        }
    }
    free(pfd);
    free(who);
    return NULL;
}

static bool io_start(void)
{
    if (io.wake[0] < 0) {
        int p[2];
        if (pipe(p) != 0)
            return false;
        for (int i = 0; i < 2; i++) {
            fcntl(p[i], F_SETFL, fcntl(p[i], F_GETFL) | O_NONBLOCK);
            fcntl(p[i], F_SETFD, FD_CLOEXEC);
        }
        io.wake[0] = p[0];
        io.wake[1] = p[1];
    }
    SDL_AtomicSet(&io.wake_pending, 0);
    pthread_mutex_lock(&io.mu);
    io.stop = false;
    pthread_mutex_unlock(&io.mu);
    if (pthread_create(&io.thread, NULL, io_main, NULL) != 0)
        return false;
    pthread_mutex_lock(&io.mu);
    io.running = true;
    pthread_mutex_unlock(&io.mu);
    return true;
}

static bool io_register(net_conn *c)
{
    pthread_mutex_lock(&io.life);
    bool ok = io.running || io_start();
    if (ok) {
        pthread_mutex_lock(&io.mu);
        c->prev = NULL;
        c->next = io.conns;
        if (io.conns)
            io.conns->prev = c;
        io.conns = c;
        pthread_mutex_unlock(&io.mu);
    }
    pthread_mutex_unlock(&io.life);
    return ok;
}

static void io_close(net_conn *c, bool flush)
{
    pthread_mutex_lock(&io.mu);
    SDL_LockMutex(c->mu);
    c->closing = true;
    c->flush = flush;
    c->flush_until_ms = SDL_GetTicks64() + NET_FLUSH_MS;
    c->flush_cap_ms = c->flush_until_ms - NET_FLUSH_MS + NET_FLUSH_MAX_MS;
    SDL_UnlockMutex(c->mu);
    if (!io.running) {
        /* net is shut down (or was never started): nobody else holds c */
        io_unlink(c);
        pthread_mutex_unlock(&io.mu);
        conn_free(c);
        return;
    }
    pthread_mutex_unlock(&io.mu);
    io_wake();
}

static void io_stop(void)
{
    pthread_mutex_lock(&io.life);
    if (io.running) {
        pthread_mutex_lock(&io.mu);
        io.stop = true;
        pthread_mutex_unlock(&io.mu);
        SDL_AtomicSet(&io.wake_pending, 1);
        char b = 1;
        if (write(io.wake[1], &b, 1) < 0) {
            /* full pipe: the thread wakes anyway */
        }
        pthread_join(io.thread, NULL);
        pthread_mutex_lock(&io.mu);
        io.running = false;
        /* Connections closed but still flushing get one last non-blocking
         * try; what the kernel does not take now is abandoned. */
        for (net_conn *c = io.conns, *next; c; c = next) {
            next = c->next;
            SDL_LockMutex(c->mu);
            bool closing = c->closing;
            if (closing && c->flush)
                conn_write(c);
            SDL_UnlockMutex(c->mu);
            if (closing) {
                io_unlink(c);
                conn_free(c);
            }
        }
        pthread_mutex_unlock(&io.mu);
    }
    pthread_mutex_unlock(&io.life);
}

#else /* no POSIX sockets: every connection has a sender thread */

static void io_stop(void) {}

#endif

static net_conn *conn_new(TCPsocket s, size_t queue_bytes)
{
    net_conn *c = calloc(1, sizeof *c);
    if (!c) {
        SDLNet_TCP_Close(s);
        return NULL;
    }
    c->sock = s;
    c->fd = -1;
    c->rcap = 16 * 1024;
    c->rbuf = malloc(c->rcap);
    c->mu = SDL_CreateMutex();
    c->q_max_bytes = queue_bytes ? queue_bytes : NET_DEFAULT_QUEUE_BYTES;
    format_addr(SDLNet_TCP_GetPeerAddress(s), c->address, sizeof c->address);
    if (!c->rbuf || !c->mu)
        goto fail;
#ifdef NET_HAVE_POSIX_SOCKETS
    if (!force_threads()) {
        int fd = sdl_socket_fd(s);
        if (fd >= 0) {
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#ifdef SO_NOSIGPIPE
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
#ifdef NET_NONBLOCK_FD
            int flags = fcntl(fd, F_GETFL);
            fcntl(fd, F_SETFL, flags | O_NONBLOCK);
#endif
            c->fd = fd;
            if (io_register(c))
                return c;
            c->fd = -1; /* no I/O thread: a sender thread after all */
#ifdef NET_NONBLOCK_FD
            fcntl(fd, F_SETFL, flags);
#endif
        }
    }
#endif
    c->cv = SDL_CreateCond();
    if (!c->cv)
        goto fail;
    SDL_Thread *t = SDL_CreateThread(sender_main, "ss-send", c);
    if (!t)
        goto fail;
    SDL_DetachThread(t);
    return c;
fail:
    if (c->cv)
        SDL_DestroyCond(c->cv);
    if (c->mu)
        SDL_DestroyMutex(c->mu);
    free(c->rbuf);
    free(c);
    SDLNet_TCP_Close(s);
    return NULL;
}

bool net_conn_send_buf(net_conn *c, net_buf *b)
{
    bool ok = false, wake = false;
    SDL_LockMutex(c->mu);
    if (!c->failed && !c->closing && c->q_n < NET_QUEUE_FRAMES && c->q_bytes + b->len <= c->q_max_bytes) {
        (void)refs_inc(&b->refs);
        bool was_empty = c->q_n == 0;
        c->queue[(c->q_head + c->q_n) % NET_QUEUE_FRAMES] = b;
        c->q_n++;
        c->q_bytes += b->len;
        ok = true;
#ifdef NET_HAVE_POSIX_SOCKETS
        if (c->fd >= 0) {
            /* Only the first frame of an idle queue needs a wake-up: with
             * frames waiting, the I/O thread has this socket in hand. The
             * caller does not write itself: the I/O thread sends while the
             * host goes on building the other views. */
            wake = was_empty;
        } else
#endif
        {
            (void)was_empty;
            SDL_CondSignal(c->cv);
        }
    }
    SDL_UnlockMutex(c->mu);
#ifdef NET_HAVE_POSIX_SOCKETS
    if (wake)
        io_wake();
#else
    (void)wake;
#endif
    return ok;
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
    int n = SDLNet_TCP_Recv(c->sock, c->rbuf + c->rlen, (int)want);
    c->ready = false;
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

bool net_conn_failed(const net_conn *c)
{
    SDL_LockMutex(c->mu);
    bool f = c->failed;
    SDL_UnlockMutex(c->mu);
    return f;
}

size_t net_conn_queued(const net_conn *c)
{
    SDL_LockMutex(c->mu);
    size_t n = c->q_bytes;
    SDL_UnlockMutex(c->mu);
    return n;
}

uint64_t net_conn_bytes_sent(const net_conn *c)
{
    SDL_LockMutex(c->mu);
    uint64_t n = c->bytes_sent;
    SDL_UnlockMutex(c->mu);
    return n;
}

const char *net_conn_address(const net_conn *c)
{
    return c->address;
}

void net_conn_close(net_conn *c, bool flush)
{
    if (!c)
        return;
#ifdef NET_HAVE_POSIX_SOCKETS
    if (c->fd >= 0) {
        io_close(c, flush); /* from here on the I/O thread owns c */
        return;
    }
#endif
    SDL_LockMutex(c->mu);
    c->closing = true;
    c->flush = flush;
    SDL_CondSignal(c->cv);
    SDL_UnlockMutex(c->mu);
    /* from here on the sender thread owns c */
}

/* -------------------------------------------------------------- listener */

struct net_listener {
    TCPsocket sock;
    bool ready;
};

/* SDL2_net listens with a backlog of 5 and offers no way to change it: 64
 * laptops connecting at once overflow it and the kernel drops their SYNs
 * (each then waits a full second to retry). Where POSIX sockets exist we
 * find our own listening socket by its port and listen() again with a
 * larger backlog (allowed on a listening socket); elsewhere the eager
 * accept loop is all we have. */
static void widen_backlog(int port)
{
#ifdef NET_HAVE_POSIX_SOCKETS
    for (int fd = 3; fd < 4096; fd++) {
        int listening = 0;
        socklen_t len = sizeof listening;
        if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening)
            continue;
        struct sockaddr_storage ss;
        socklen_t sl = sizeof ss;
        if (getsockname(fd, (struct sockaddr *)&ss, &sl) != 0 || ss.ss_family != AF_INET)
            continue;
        const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;
        if (ntohs(in->sin_port) == port) {
            listen(fd, 128);
            /* accepted sockets inherit it: small frames go out at once */
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            return;
        }
    }
#else
    (void)port;
#endif
}

net_listener *net_listen(int port, char *err, size_t err_len)
{
    IPaddress ip;
    if (port <= 0 || port > 65535) {
        snprintf(err, err_len, "poort %d is ongeldig (1-65535)", port);
        return NULL;
    }
    if (SDLNet_ResolveHost(&ip, NULL, (Uint16)port) != 0) {
        snprintf(err, err_len, "poort %d: %s", port, SDLNet_GetError());
        return NULL;
    }
    TCPsocket s = SDLNet_TCP_Open(&ip);
    if (!s) {
        snprintf(err, err_len, "kan niet luisteren op poort %d (al in gebruik?): %s", port, SDLNet_GetError());
        return NULL;
    }
    net_listener *l = calloc(1, sizeof *l);
    if (!l) {
        SDLNet_TCP_Close(s);
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    l->sock = s;
    widen_backlog(port);
    return l;
}

net_conn *net_accept(net_listener *l, size_t queue_bytes)
{
    TCPsocket s = SDLNet_TCP_Accept(l->sock);
    l->ready = false;
    if (!s)
        return NULL;
    return conn_new(s, queue_bytes);
}

void net_listener_close(net_listener *l)
{
    if (!l)
        return;
    SDLNet_TCP_Close(l->sock);
    free(l);
}

net_conn *net_connect(const char *host, int port, size_t queue_bytes, char *err, size_t err_len)
{
    IPaddress ip;
    if (port <= 0 || port > 65535) {
        snprintf(err, err_len, "poort %d is ongeldig (1-65535)", port);
        return NULL;
    }
    if (SDLNet_ResolveHost(&ip, host, (Uint16)port) != 0) {
        snprintf(err, err_len, "host '%s' niet gevonden", host);
        return NULL;
    }
    TCPsocket s = SDLNet_TCP_Open(&ip);
    if (!s) {
        snprintf(err, err_len, "geen verbinding met %s:%d: %s", host, port, SDLNet_GetError());
        return NULL;
    }
    net_conn *c = conn_new(s, queue_bytes);
    if (!c)
        snprintf(err, err_len, "geen geheugen of thread voor de verbinding");
    return c;
}

/* ------------------------------------------------------------------ poll */

struct net_poll {
    SDLNet_SocketSet set;
    int max, n;
    /* what is in the set, to report readiness */
    void **items;
    bool *is_listener;
};

net_poll *net_poll_create(int max)
{
    net_poll *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->set = SDLNet_AllocSocketSet(max);
    p->items = calloc((size_t)max, sizeof *p->items);
    p->is_listener = calloc((size_t)max, sizeof *p->is_listener);
    if (!p->set || !p->items || !p->is_listener) {
        net_poll_destroy(p);
        return NULL;
    }
    p->max = max;
    return p;
}

void net_poll_destroy(net_poll *p)
{
    if (!p)
        return;
    if (p->set)
        SDLNet_FreeSocketSet(p->set);
    free(p->items);
    free(p->is_listener);
    free(p);
}

static bool poll_add(net_poll *p, void *item, TCPsocket s, bool listener)
{
    if (p->n >= p->max || SDLNet_TCP_AddSocket(p->set, s) < 0)
        return false;
    p->items[p->n] = item;
    p->is_listener[p->n] = listener;
    p->n++;
    return true;
}

static void poll_del(net_poll *p, void *item, TCPsocket s)
{
    for (int i = 0; i < p->n; i++)
        if (p->items[i] == item) {
            SDLNet_TCP_DelSocket(p->set, s);
            p->items[i] = p->items[p->n - 1];
            p->is_listener[i] = p->is_listener[p->n - 1];
            p->n--;
            return;
        }
}

bool net_poll_add_conn(net_poll *p, net_conn *c) { return poll_add(p, c, c->sock, false); }
void net_poll_del_conn(net_poll *p, net_conn *c) { poll_del(p, c, c->sock); }
bool net_poll_add_listener(net_poll *p, net_listener *l) { return poll_add(p, l, l->sock, true); }
void net_poll_del_listener(net_poll *p, net_listener *l) { poll_del(p, l, l->sock); }

int net_poll_wait(net_poll *p, int ms)
{
    if (p->n == 0) {
        if (ms > 0)
            SDL_Delay((Uint32)ms);
        return 0;
    }
    int n = SDLNet_CheckSockets(p->set, ms < 0 ? 0 : (Uint32)ms);
    if (n <= 0)
        return n;
    for (int i = 0; i < p->n; i++) {
        if (p->is_listener[i]) {
            net_listener *l = p->items[i];
            l->ready = SDLNet_SocketReady(l->sock);
        } else {
            net_conn *c = p->items[i];
            c->ready = SDLNet_SocketReady(c->sock);
        }
    }
    return n;
}

bool net_poll_conn_ready(net_conn *c) { return c->ready; }
bool net_poll_listener_ready(net_listener *l) { return l->ready; }

/* ------------------------------------------------------------------- udp */

struct net_udp {
    UDPsocket sock;
    UDPpacket *pkt;
    IPaddress last_from;
};

net_udp *net_udp_open(int port, char *err, size_t err_len)
{
    if (port < 0 || port > 65535) {
        snprintf(err, err_len, "poort %d is ongeldig", port);
        return NULL;
    }
    UDPsocket s = SDLNet_UDP_Open((Uint16)port);
    if (!s) {
        snprintf(err, err_len, "UDP-poort %d: %s", port, SDLNet_GetError());
        return NULL;
    }
    net_udp *u = calloc(1, sizeof *u);
    UDPpacket *pkt = SDLNet_AllocPacket(512);
    if (!u || !pkt) {
        free(u);
        if (pkt)
            SDLNet_FreePacket(pkt);
        SDLNet_UDP_Close(s);
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    u->sock = s;
    u->pkt = pkt;
    return u;
}

void net_udp_close(net_udp *u)
{
    if (!u)
        return;
    SDLNet_FreePacket(u->pkt);
    SDLNet_UDP_Close(u->sock);
    free(u);
}

int net_udp_recv(net_udp *u, uint8_t *buf, size_t cap, char from[NET_ADDR_LEN], int *from_port)
{
    int r = SDLNet_UDP_Recv(u->sock, u->pkt); /* non-blocking in SDL2_net */
    if (r <= 0)
        return r < 0 ? -1 : 0;
    size_t n = (size_t)u->pkt->len;
    if (n > cap)
        n = cap;
    memcpy(buf, u->pkt->data, n);
    u->last_from = u->pkt->address;
    uint32_t h = SDLNet_Read32(&u->pkt->address.host);
    if (from)
        snprintf(from, NET_ADDR_LEN, "%u.%u.%u.%u", h >> 24, (h >> 16) & 255u, (h >> 8) & 255u, h & 255u);
    if (from_port)
        *from_port = SDLNet_Read16(&u->pkt->address.port);
    /* a datagram larger than our buffer counts as garbage: report it long */
    return (int)(u->pkt->len > (int)cap ? cap + 1 : n);
}

static bool udp_send_to(net_udp *u, const IPaddress *to, const uint8_t *buf, size_t len)
{
    if (len > 512)
        return false;
    UDPpacket p;
    memset(&p, 0, sizeof p);
    p.channel = -1;
    p.data = (Uint8 *)buf;
    p.len = (int)len;
    p.maxlen = (int)len;
    p.address = *to;
    return SDLNet_UDP_Send(u->sock, -1, &p) == 1;
}

bool net_udp_send(net_udp *u, const char *host, int port, const uint8_t *buf, size_t len)
{
    IPaddress ip;
    if (port <= 0 || port > 65535)
        return false;
    if (SDLNet_ResolveHost(&ip, host, (Uint16)port) != 0)
        return false;
    return udp_send_to(u, &ip, buf, len);
}

bool net_udp_reply(net_udp *u, const uint8_t *buf, size_t len)
{
    return udp_send_to(u, &u->last_from, buf, len);
}

/* ---------------------------------------------------------------- misc */

void net_lan_address(char *out, size_t len)
{
    IPaddress addrs[16];
    int n = SDLNet_GetLocalAddresses(addrs, 16);
    for (int i = 0; i < n; i++) {
        uint32_t h = SDLNet_Read32(&addrs[i].host);
        if ((h >> 24) == 127 || h == 0)
            continue;
        snprintf(out, len, "%u.%u.%u.%u", h >> 24, (h >> 16) & 255u, (h >> 8) & 255u, h & 255u);
        return;
    }
    snprintf(out, len, "127.0.0.1");
}

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
