/*
 * net: the byte transport of LAN play. It knows frames and bytes, not
 * rules.
 *
 * A net_conn / net_listener is a small generic part (read buffer, framing,
 * readiness) over a backend given as an ops table:
 *  - the platform transport (net_posix.c; room for net_win32.c) owns the
 *    TCP sockets. Every connection has a bounded outgoing queue;
 *    net_conn_send() never blocks and returns false when the queue would
 *    overflow (the caller drops the peer). One I/O thread per process
 *    writes every queue with non-blocking sends and poll(), woken through
 *    a self-pipe. Reading happens on the caller's thread after net_poll
 *    says a socket is ready, so it never blocks either.
 *  - the in-memory loop transport (net_loop.c) for tests: no ports, no
 *    threads, no clocks; a frame is in the peer's inbox when send returns
 *    and is read when the peer polls.
 *  - any other backend (a WebSocket server) through net_conn_from_ops().
 * UDP discovery and the LAN addresses are POSIX (net_udp.c says why).
 *
 * Ownership: a net_conn belongs to the caller until net_conn_close(); after
 * that its backend owns what is left. The TCP backend flushes the queue
 * for as long as the peer keeps taking bytes (bounded), closes the socket
 * and frees it, so a stuck peer can never make close() wait. The last
 * net_quit() ends the I/O thread and abandons what is still being flushed.
 */
#ifndef SAMENSPEL_NET_H
#define SAMENSPEL_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NET_ADDR_LEN 64
#define NET_DEFAULT_QUEUE_BYTES (4u * 1024u * 1024u)
#define NET_QUEUE_FRAMES 512

/* SDLNet_Init / SDLNet_Quit, counted so that host and client in one
 * process (tests) can both use them. */
bool net_init(char *err, size_t err_len);
void net_quit(void);

/* A frame to send: 4-byte length header + payload in one block, shared by
 * every connection it is queued on (reference counted). */
typedef struct net_buf net_buf;
net_buf *net_buf_frame(const uint8_t *payload, size_t len);
void net_buf_unref(net_buf *b);
size_t net_buf_len(const net_buf *b);
/* For backends: the frame's bytes (header + payload, net_buf_len of
 * them), and one more reference for a backend that keeps b until it is
 * written (released with net_buf_unref). */
const uint8_t *net_buf_data(const net_buf *b);
net_buf *net_buf_ref(net_buf *b);

typedef struct net_conn net_conn;
typedef struct net_listener net_listener;
typedef struct net_poll net_poll;

/* Listens on all interfaces. NULL with a message when the port is taken.
 * With net_loop_route(true), an in-memory listener named by the port. */
net_listener *net_listen(int port, char *err, size_t err_len);
/* One pending connection or NULL (never blocks: the listen socket is
 * non-blocking); call until NULL, many laptops connect at once. */
net_conn *net_accept(net_listener *l, size_t queue_bytes);
void net_listener_close(net_listener *l);

/* Blocking connect (call it from a thread in a window). With
 * net_loop_route(true), connects to the in-memory listener of that port
 * whatever the host. */
net_conn *net_connect(const char *host, int port, size_t queue_bytes, char *err, size_t err_len);

/* Enqueues a frame. False when the queue would exceed its bounds or the
 * connection already failed: the caller drops the peer. */
bool net_conn_send(net_conn *c, const uint8_t *payload, size_t len);
bool net_conn_send_buf(net_conn *c, net_buf *b);  /* takes its own reference */

/* Reads what is available into the connection's buffer (call when
 * net_poll_ready). Returns bytes read, 0 on orderly close, -1 on error or
 * when the buffer is full (a frame larger than the buffer). */
int net_conn_read(net_conn *c);
/* Next complete frame from the read buffer. Returns 1 with the payload
 * (valid until the next net_conn_read / net_conn_next), 0 when more bytes
 * are needed, -1 when the stream is invalid (too large, empty frame) with
 * the reason in *why. */
int net_conn_next(net_conn *c, size_t max_payload, const uint8_t **payload, size_t *len, const char **why);
/* Hands each complete frame in the read buffer to on_frame, in order, until
 * none is left. on_frame returns 1 to go on, 0 to stop (it may have closed
 * c, which is then not touched again) or -1 to stop with *why set. Returns
 * -1 for an invalid stream (net_conn_next's *why) or on_frame's -1, else 0. */
typedef int (*net_frame_fn)(void *ctx, const uint8_t *payload, size_t len, const char **why);
int net_conn_each_frame(net_conn *c, size_t max_payload, net_frame_fn on_frame, void *ctx, const char **why);

bool net_conn_failed(const net_conn *c);          /* the sender hit an error */
size_t net_conn_queued(const net_conn *c);        /* bytes waiting to be sent */
uint64_t net_conn_bytes_sent(const net_conn *c);
const char *net_conn_address(const net_conn *c);  /* "127.0.0.1:51234" */
/* flush: try to send what is queued first (goodbye messages). */
void net_conn_close(net_conn *c, bool flush);

/* Readiness of many connections and listeners, of any backends. */
net_poll *net_poll_create(int max);
void net_poll_destroy(net_poll *p);
bool net_poll_add_conn(net_poll *p, net_conn *c);
void net_poll_del_conn(net_poll *p, net_conn *c);
bool net_poll_add_listener(net_poll *p, net_listener *l);
void net_poll_del_listener(net_poll *p, net_listener *l);
/* Waits up to ms; returns the number of ready sockets (-1 on error). */
int net_poll_wait(net_poll *p, int ms);
bool net_poll_conn_ready(net_conn *c);
bool net_poll_listener_ready(net_listener *l);

/* UDP for discovery. */
typedef struct net_udp net_udp;
net_udp *net_udp_open(int port, char *err, size_t err_len);   /* port 0: any */
void net_udp_close(net_udp *u);
/* Non-blocking: returns bytes received (0 none, -1 error); from is the
 * sender's address, "a.b.c.d" and port. */
int net_udp_recv(net_udp *u, uint8_t *buf, size_t cap, char from[NET_ADDR_LEN], int *from_port);
bool net_udp_send(net_udp *u, const char *host, int port, const uint8_t *buf, size_t len);
/* Same as net_udp_send to the sender of the last received datagram. */
bool net_udp_reply(net_udp *u, const uint8_t *buf, size_t len);

/* A readable address of this machine on the LAN ("192.168.1.20"): the one
 * on the interface of the default route (the network the projector's
 * laptop reaches the others on), or the loopback address when there is
 * none. */
void net_lan_address(char *out, size_t len);

/* One IPv4 address of an interface, as getifaddrs gives it. */
#define NET_MAX_LAN 8
typedef struct {
    char ifname[32];
    uint32_t addr, mask;   /* host byte order */
    bool up, loopback;
} net_if_addr;

/* Orders a machine's addresses for the join URL: the one on the default
 * route first (lowest metric; on that interface the address whose subnet
 * holds the gateway), then private LAN addresses, then the rest, then
 * link-local. Loopback and interfaces that are down are left out. route is
 * the text of /proc/net/route (NULL or unreadable: no default route).
 * Returns how many are kept at the front of a. */
int net_lan_order(net_if_addr *a, int n, const char *route);

/* This machine's addresses in that order (getifaddrs + /proc/net/route);
 * returns how many (0: only loopback). */
int net_lan_addresses(net_if_addr *out, int max);

/* "a.b.c.d" of an address in host byte order. */
void net_addr_text(uint32_t addr, char *out, size_t len);

/* 128 random bits for seat tokens, from /dev/urandom; falls back to a
 * clock-and-address mix when it is not available. */
void net_random_bytes(uint8_t *out, size_t n);

/* ------------------------------------------------------------ backends
 *
 * A backend hands its connections and listeners to the generic layer as
 * an ops table and an opaque impl pointer. Every op is called on the
 * owner's thread; a backend that moves bytes on a thread of its own locks
 * inside its ops. */

/* recv result: nothing to read right now (neither data nor a close). */
#define NET_RECV_NONE (-2)

typedef struct net_conn_ops {
    /* Queues one frame (b: header + payload) without blocking and takes
     * its own reference when it keeps b. False when the bounded queue
     * would overflow or the link failed. */
    bool (*send)(void *impl, net_buf *b);
    /* Reads up to cap bytes: > 0 bytes, 0 orderly close, -1 error,
     * NET_RECV_NONE nothing waiting. */
    int (*recv)(void *impl, uint8_t *buf, size_t cap);
    /* A descriptor that poll() reports readable when recv has something,
     * or -1 for a backend that answers through pending() alone. */
    int (*poll_fd)(void *impl);
    /* True when recv has something without waiting (may be NULL when
     * poll_fd covers it). net_poll_wait never sleeps while one is true. */
    bool (*pending)(void *impl);
    bool (*failed)(void *impl);
    size_t (*queued)(void *impl);      /* bytes the peer has not taken yet */
    uint64_t (*bytes_sent)(void *impl);
    /* The generic part is gone: the backend owns impl from here on and
     * frees it when it is done (after a bounded flush when asked). */
    void (*close)(void *impl, bool flush);
} net_conn_ops;

/* A net_conn over a backend's connection; address is what
 * net_conn_address() reports. Ownership of impl passes to the net_conn:
 * on failure (NULL, out of memory) ops->close(impl, false) was called. */
net_conn *net_conn_from_ops(const net_conn_ops *ops, void *impl, const char *address);

typedef struct net_listener_ops {
    /* One pending connection or NULL, never blocking. */
    net_conn *(*accept)(void *impl, size_t queue_bytes);
    int (*poll_fd)(void *impl);        /* as for net_conn_ops */
    bool (*pending)(void *impl);       /* may be NULL */
    void (*close)(void *impl);         /* frees impl and its backlog */
} net_listener_ops;

/* The same for listeners (a web server that hands the host its players):
 * on failure (NULL) ops->close(impl) was called. */
net_listener *net_listener_from_ops(const net_listener_ops *ops, void *impl);

/* --------------------------------------------------------- in-memory loop
 *
 * The loop transport for tests (like Chocolate Doom's net_loop.c): host
 * and clients in one process without ports, threads or timing. Sending
 * puts the frame in the peer's inbox; the peer reads it when it polls.
 * The queue bound counts the bytes the peer has not read, so a peer that
 * does not read fills it as a stalled TCP peer would. */

/* NULL with a message when the name is taken. */
net_listener *net_loop_listen(const char *name, char *err, size_t err_len);
/* Connects at once to a loop listener ("loop:NAME" is the address). */
net_conn *net_loop_connect(const char *name, size_t queue_bytes, char *err, size_t err_len);
/* Process-wide switch for code that opens its own network (the host, the
 * client): while on, net_listen(port) opens the loop listener named by
 * the port number, net_connect(host, port) connects to it whatever the
 * host, and net_udp_open fails (no discovery in memory). */
void net_loop_route(bool on);
bool net_loop_routed(void);

#endif
