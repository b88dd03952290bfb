/*
 * net_posix: the platform transport where POSIX sockets exist (Linux,
 * macOS, the BSDs). It owns its TCP sockets: listen with a real backlog,
 * blocking connect, reads on the owner's thread, and one process-wide I/O
 * thread that writes every connection's bounded queue without blocking.
 */
#if defined(__APPLE__) && !defined(_DARWIN_C_SOURCE)
#define _DARWIN_C_SOURCE 1 /* MSG_DONTWAIT and SO_NOSIGPIPE next to _POSIX_C_SOURCE */
#endif
#include "net/net.h"
#include "net/net_sys.h"

#include <SDL.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0 /* SO_NOSIGPIPE on the socket instead (macOS) */
#endif
#ifndef MSG_DONTWAIT
#define MSG_DONTWAIT 0 /* the descriptor is made non-blocking instead */
#define NET_NONBLOCK_FD 1
#endif

/* A closed connection hands its last frames (REJECT, BYE) to the kernel as
 * long as the peer keeps taking bytes, with at most NET_FLUSH_MS between
 * two writes and NET_FLUSH_MAX_MS in all; then it is reset, so a stalled
 * reader can never keep a socket (or a thread) of ours. */
#define NET_FLUSH_MS 1000u
#define NET_FLUSH_MAX_MS 10000u
#define NET_IOV 64
#define NET_BACKLOG 128 /* 64 laptops joining at once must not lose SYNs */

typedef struct tcp_conn tcp_conn;
struct tcp_conn {
    int fd;
    /* send side, under mu (shared with the I/O thread) */
    pthread_mutex_t mu;
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
    tcp_conn *prev, *next;
};

static void queue_clear(tcp_conn *c)
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
static void conn_free(tcp_conn *c)
{
    if (c->q_n > 0 || c->abort) {
        /* Frames we are abandoning: reset instead of a polite close, so
         * the kernel does not keep retrying for a peer that does not read
         * and the peer learns at once that it was dropped. */
        struct linger lg = {1, 0};
        setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    }
    queue_clear(c);
    close(c->fd);
    pthread_mutex_destroy(&c->mu);
    free(c);
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

static void flush_progress(tcp_conn *c)
{
    uint64_t until = SDL_GetTicks64() + NET_FLUSH_MS;
    c->flush_until_ms = until < c->flush_cap_ms ? until : c->flush_cap_ms;
}

/* Drops `left` written bytes from the head of the queue. */
static void queue_consume(tcp_conn *c, size_t left)
{
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

/* Writes queued frames until the queue is empty or the kernel would
 * block. Called with c->mu held; never blocks. */
static void conn_write(tcp_conn *c)
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
        if (c->closing && w > 0)
            flush_progress(c);
        queue_consume(c, (size_t)w);
    }
}

/* --- the I/O thread: one per process, for every connection. A send only
 * queues the frame; the first frame of an idle queue wakes the thread
 * through a self-pipe (one wake-up per host tick, not one per
 * connection). The thread writes what the kernel takes at once, keeps the
 * rest and writes it when poll() says the socket has room. It also closes
 * and frees every connection its owner has given up, after a bounded
 * flush, so no thread ever waits on a peer. */

static struct {
    pthread_mutex_t mu;   /* conns, running, stop */
    pthread_mutex_t life; /* serialises starting and stopping the thread */
    tcp_conn *conns;      /* every connection not yet freed */
    pthread_t thread;
    bool running, stop;
    int wake[2]; /* self-pipe; the thread polls the read end */
    SDL_atomic_t wake_pending;
} io = {.mu = PTHREAD_MUTEX_INITIALIZER, .life = PTHREAD_MUTEX_INITIALIZER, .wake = {-1, -1}};

/* The poll set the thread rebuilds every round; who[i] owns pfd[i]. */
typedef struct io_set {
    struct pollfd *pfd;
    tcp_conn **who;
    size_t cap;
    nfds_t n;
    int timeout;
} io_set;

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

static void io_unlink(tcp_conn *c)
{
    if (c->prev)
        c->prev->next = c->next;
    else
        io.conns = c->next;
    if (c->next)
        c->next->prev = c->prev;
    c->prev = c->next = NULL;
}

static void set_timeout(io_set *s, int ms)
{
    if (s->timeout < 0 || ms < s->timeout)
        s->timeout = ms;
}

/* Grows the set to hold every connection and the wake-up pipe. */
static bool io_set_reserve(io_set *s)
{
    size_t count = 1;
    for (tcp_conn *c = io.conns; c; c = c->next)
        count++;
    if (count > s->cap) {
        size_t ncap = count + 32;
        struct pollfd *np = realloc(s->pfd, ncap * sizeof *np);
        if (np)
            s->pfd = np;
        tcp_conn **nw = np ? realloc(s->who, ncap * sizeof *nw) : NULL;
        if (nw)
            s->who = nw;
        if (np && nw)
            s->cap = ncap;
    }
    return s->cap > 0;
}

static void io_set_add(io_set *s, int fd, short events, tcp_conn *c)
{
    s->pfd[s->n].fd = fd;
    s->pfd[s->n].events = events;
    s->pfd[s->n].revents = 0;
    s->who[s->n++] = c;
}

/* One connection's turn in a round, with c->mu held: write what the
 * kernel takes, decide whether a closed one is done, and whether to poll
 * its socket. Returns true when c can be freed. */
static bool io_visit(tcp_conn *c, uint64_t now, io_set *s)
{
    /* Most sockets have room: write now and poll only for the rest. */
    if (c->q_n > 0 && !c->failed && (!c->closing || c->flush))
        conn_write(c);
    bool pending = c->q_n > 0 && !c->failed;
    bool done = c->closing && (!pending || !c->flush || now >= c->flush_until_ms);
    if (c->closing && c->flush && !c->failed) {
        /* Closed with a flush: our queue is in the kernel, but is it with
         * the peer? Keep the socket while the peer still acknowledges
         * (checked every few ms, no event tells us); reset it when it
         * stops, so a peer that does not read never leaves a socket
         * behind, ours or the kernel's. */
        size_t unacked = kernel_unacked(c->fd);
        if (unacked != c->kernel_left) {
            if (unacked < c->kernel_left)
                flush_progress(c);
            c->kernel_left = unacked;
        }
        if (done && unacked > 0) {
            if (now < c->flush_until_ms) {
                done = false;
                set_timeout(s, 5);
            } else {
                c->abort = true;
            }
        }
    }
    if (!done && pending) {
        if (s->n < s->cap)
            io_set_add(s, c->fd, POLLOUT, c);
        else
            set_timeout(s, 10); /* no room in the set this time round */
        if (c->closing)
            set_timeout(s, (int)(c->flush_until_ms - now) + 1);
    }
    return done;
}

/* Builds the round's poll set; false when the thread is to stop. The
 * connections that are done go to *dead, unlinked. */
static bool io_round(io_set *s, tcp_conn **dead)
{
    uint64_t now = SDL_GetTicks64();
    s->timeout = -1;
    s->n = 0;
    pthread_mutex_lock(&io.mu);
    if (io.stop) {
        pthread_mutex_unlock(&io.mu);
        return false;
    }
    if (!io_set_reserve(s)) {
        /* no memory for even the wake-up descriptor: try again soon */
        pthread_mutex_unlock(&io.mu);
        s->timeout = 10;
        return true;
    }
    io_set_add(s, io.wake[0], POLLIN, NULL);
    for (tcp_conn *c = io.conns, *next; c; c = next) {
        next = c->next;
        pthread_mutex_lock(&c->mu);
        bool done = io_visit(c, now, s);
        pthread_mutex_unlock(&c->mu);
        if (done) {
            io_unlink(c);
            c->next = *dead;
            *dead = c;
        }
    }
    pthread_mutex_unlock(&io.mu);
    return true;
}

static void io_serve(io_set *s)
{
    if (s->pfd[0].revents) {
        char buf[64];
        while (read(io.wake[0], buf, sizeof buf) > 0) {
        }
        /* after draining: a wake-up from now on writes a new byte, and
         * anything queued before it is seen by the next round */
        SDL_AtomicSet(&io.wake_pending, 0);
    }
    for (nfds_t i = 1; i < s->n; i++) {
        if (!s->pfd[i].revents)
            continue;
        tcp_conn *c = s->who[i];
        pthread_mutex_lock(&c->mu);
        if (s->pfd[i].revents & POLLNVAL) {
            c->failed = true;
            queue_clear(c);
        } else {
            conn_write(c); /* POLLERR/POLLHUP: sendmsg reports it */
        }
        pthread_mutex_unlock(&c->mu);
    }
}

static void *io_main(void *arg)
{
    (void)arg;
    io_set s = {0};
    for (;;) {
        tcp_conn *dead = NULL;
        if (!io_round(&s, &dead))
            break;
        /* unlinked and given up by their owners: nobody else can reach them */
        while (dead) {
            tcp_conn *c = dead;
            dead = c->next;
            conn_free(c);
        }
        if (s.n == 0) {
            SDL_Delay((Uint32)s.timeout);
            continue;
        }
        if (poll(s.pfd, s.n, s.timeout) < 0) {
            if (errno != EINTR)
                SDL_Delay(10); /* ENOMEM: do not spin */
            continue;
        }
        io_serve(&s);
    }
    free(s.pfd);
    free(s.who);
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

static bool io_register(tcp_conn *c)
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

void net_sys_quit(void)
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
        for (tcp_conn *c = io.conns, *next; c; c = next) {
            next = c->next;
            pthread_mutex_lock(&c->mu);
            bool closing = c->closing;
            if (closing && c->flush)
                conn_write(c);
            pthread_mutex_unlock(&c->mu);
            if (closing) {
                io_unlink(c);
                conn_free(c);
            }
        }
        pthread_mutex_unlock(&io.mu);
    }
    pthread_mutex_unlock(&io.life);
}

/* ------------------------------------------------------ connection ops */

static bool tcp_send(void *impl, net_buf *b)
{
    tcp_conn *c = impl;
    bool ok = false, wake = false;
    pthread_mutex_lock(&c->mu);
    if (!c->failed && !c->closing && c->q_n < NET_QUEUE_FRAMES && c->q_bytes + b->len <= c->q_max_bytes) {
        (void)net_buf_ref(b);
        /* Only the first frame of an idle queue needs a wake-up: with
         * frames waiting, the I/O thread has this socket in hand. The
         * caller does not write itself: the I/O thread sends while the
         * host goes on building the other views. */
        wake = c->q_n == 0;
        c->queue[(c->q_head + c->q_n) % NET_QUEUE_FRAMES] = b;
        c->q_n++;
        c->q_bytes += b->len;
        ok = true;
    }
    pthread_mutex_unlock(&c->mu);
    if (wake)
        io_wake();
    return ok;
}

static int tcp_recv(void *impl, uint8_t *buf, size_t cap)
{
    tcp_conn *c = impl;
    for (;;) {
        ssize_t n = recv(c->fd, buf, cap, 0);
        if (n >= 0)
            return (int)n;
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK ? NET_RECV_NONE : -1;
    }
}

static int tcp_poll_fd(void *impl)
{
    return ((tcp_conn *)impl)->fd;
}

/* The send side's counters, read together under the lock. */
typedef struct tcp_stats {
    bool failed;
    size_t queued;
    uint64_t sent;
} tcp_stats;

static tcp_stats tcp_read_stats(void *impl)
{
    tcp_conn *c = impl;
    pthread_mutex_lock(&c->mu);
    tcp_stats st = {c->failed, c->q_bytes, c->bytes_sent};
    pthread_mutex_unlock(&c->mu);
    return st;
}

static bool tcp_failed(void *impl) { return tcp_read_stats(impl).failed; }
static size_t tcp_queued(void *impl) { return tcp_read_stats(impl).queued; }
static uint64_t tcp_bytes_sent(void *impl) { return tcp_read_stats(impl).sent; }

static void tcp_close(void *impl, bool flush)
{
    tcp_conn *c = impl;
    pthread_mutex_lock(&io.mu);
    pthread_mutex_lock(&c->mu);
    c->closing = true;
    c->flush = flush;
    c->flush_until_ms = SDL_GetTicks64() + NET_FLUSH_MS;
    c->flush_cap_ms = c->flush_until_ms - NET_FLUSH_MS + NET_FLUSH_MAX_MS;
    pthread_mutex_unlock(&c->mu);
    if (!io.running) {
        /* net is shut down (or was never started): nobody else holds c */
        io_unlink(c);
        pthread_mutex_unlock(&io.mu);
        conn_free(c);
        return;
    }
    pthread_mutex_unlock(&io.mu);
    io_wake(); /* from here on the I/O thread owns c */
}

/* pending stays NULL: poll() on the descriptor says when to read */
static const net_conn_ops tcp_ops = {
    .send = tcp_send, .recv = tcp_recv, .poll_fd = tcp_poll_fd, .failed = tcp_failed,
    .queued = tcp_queued, .bytes_sent = tcp_bytes_sent, .close = tcp_close,
};

static void peer_address(int fd, char *out, size_t len)
{
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    char ip[INET6_ADDRSTRLEN];
    if (getpeername(fd, (struct sockaddr *)&ss, &sl) == 0 && ss.ss_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;
        if (inet_ntop(AF_INET, &in->sin_addr, ip, sizeof ip)) {
            snprintf(out, len, "%s:%u", ip, (unsigned)ntohs(in->sin_port));
            return;
        }
    }
    snprintf(out, len, "?");
}

/* Wraps a connected socket; closes fd on failure. */
static net_conn *conn_new(int fd, size_t queue_bytes)
{
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#ifdef SO_NOSIGPIPE
    setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
    /* Writes never block (MSG_DONTWAIT: the I/O thread serves everyone);
     * reads happen only when poll says there is something, and then a
     * blocking read never mistakes "nothing yet" for an error. An
     * accepted socket may inherit the listener's O_NONBLOCK (BSDs). */
    int flags = fcntl(fd, F_GETFL);
#ifdef NET_NONBLOCK_FD
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
#else
    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
#endif
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    tcp_conn *c = calloc(1, sizeof *c);
    if (!c || pthread_mutex_init(&c->mu, NULL) != 0) {
        free(c);
        close(fd);
        return NULL;
    }
    c->fd = fd;
    c->q_max_bytes = queue_bytes ? queue_bytes : NET_DEFAULT_QUEUE_BYTES;
    if (!io_register(c)) {
        conn_free(c);
        return NULL;
    }
    char address[NET_ADDR_LEN];
    peer_address(fd, address, sizeof address);
    return net_conn_from_ops(&tcp_ops, c, address);
}

net_conn *net_sys_connect(const char *host, int port, size_t queue_bytes, char *err, size_t err_len)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    if (getaddrinfo(host && *host ? host : "127.0.0.1", service, &hints, &res) != 0 || !res) {
        snprintf(err, err_len, "host '%s' niet gevonden", host ? host : "");
        return NULL;
    }
    int fd = -1, why = 0;
    for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd < 0) {
            why = errno;
            continue;
        }
        int r;
        do
            r = connect(fd, a->ai_addr, a->ai_addrlen);
        while (r != 0 && errno == EINTR);
        if (r != 0) {
            why = errno;
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0) {
        snprintf(err, err_len, "geen verbinding met %s:%d: %s", host, port, strerror(why));
        return NULL;
    }
    net_conn *c = conn_new(fd, queue_bytes);
    if (!c)
        snprintf(err, err_len, "geen geheugen of thread voor de verbinding");
    return c;
}

/* ------------------------------------------------------------ listener */

typedef struct tcp_listener {
    int fd;
} tcp_listener;

static net_conn *tcp_accept(void *impl, size_t queue_bytes)
{
    tcp_listener *l = impl;
    for (;;) {
        int fd = accept(l->fd, NULL, NULL);
        if (fd >= 0)
            return conn_new(fd, queue_bytes);
        if (errno != EINTR && errno != ECONNABORTED)
            return NULL; /* EAGAIN: nobody waiting; EMFILE: try next round */
    }
}

static int tcp_listener_fd(void *impl)
{
    return ((tcp_listener *)impl)->fd;
}

static void tcp_listener_close(void *impl)
{
    tcp_listener *l = impl;
    close(l->fd);
    free(l);
}

static const net_listener_ops tcp_listener_ops = {
    .accept = tcp_accept, .poll_fd = tcp_listener_fd, .close = tcp_listener_close,
};

net_listener *net_sys_listen(int port, char *err, size_t err_len)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        snprintf(err, err_len, "kan niet luisteren op poort %d: %s", port, strerror(errno));
        return NULL;
    }
    int one = 1;
    /* a restarted host gets its port back at once (as SDL2_net did) */
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    /* accepted sockets inherit it: small frames go out at once */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    struct sockaddr_in in;
    memset(&in, 0, sizeof in);
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = htonl(INADDR_ANY);
    in.sin_port = htons((uint16_t)port);
    if (bind(fd, (struct sockaddr *)&in, sizeof in) != 0 || listen(fd, NET_BACKLOG) != 0) {
        snprintf(err, err_len, "kan niet luisteren op poort %d (al in gebruik?): %s", port, strerror(errno));
        close(fd);
        return NULL;
    }
    tcp_listener *l = malloc(sizeof *l);
    if (!l) {
        close(fd);
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    l->fd = fd;
    net_listener *nl = net_listener_from_ops(&tcp_listener_ops, l);
    if (!nl)
        snprintf(err, err_len, "geen geheugen");
    return nl;
}

/* ----------------------------------------------------------------- wait */

int net_sys_wait(const int *fds, bool *ready, int n, int ms)
{
    /* a host's whole room (64 players, observers, the listener) fits on
     * the stack: no allocation per tick */
    struct pollfd local[256];
    struct pollfd *pfd = n <= 256 ? local : malloc((size_t)n * sizeof *pfd);
    if (!pfd)
        return -1;
    for (int i = 0; i < n; i++) {
        pfd[i].fd = fds[i];
        pfd[i].events = POLLIN;
        pfd[i].revents = 0;
    }
    int r = poll(pfd, (nfds_t)n, ms);
    int count = 0;
    for (int i = 0; i < n; i++) {
        /* an error or hang-up is readable too: recv reports it */
        ready[i] = r > 0 && pfd[i].revents != 0;
        count += ready[i];
    }
    if (pfd != local)
        free(pfd);
    if (r < 0)
        return errno == EINTR ? 0 : -1;
    return count;
}
