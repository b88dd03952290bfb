/*
 * net_sys: what the generic layer (net.c) needs from the platform
 * transport, one file per OS (net_posix.c; net_win32.c would be the next).
 * Internal to src/net.
 */
#ifndef SAMENSPEL_NET_SYS_H
#define SAMENSPEL_NET_SYS_H

#include "net/net.h"

#include <SDL.h>

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

/* A frame as queued: header and payload in one block, shared by every
 * connection it is queued on. */
struct net_buf {
    net_refs refs;
    size_t len;
    uint8_t data[];
};

/* TCP: the platform's listen and connect; their connections and listener
 * come back through net_conn_from_ops / net_listener_from_ops. */
net_listener *net_sys_listen(int port, char *err, size_t err_len);
net_conn *net_sys_connect(const char *host, int port, size_t queue_bytes, char *err, size_t err_len);

/* Waits up to ms (-1: no limit) until one of the n descriptors is
 * readable; ready[i] says which. Returns how many, 0 on timeout, -1 on
 * error. n may be 0 (then it only waits). */
int net_sys_wait(const int *fds, bool *ready, int n, int ms);

/* The last net_quit: ends the I/O thread, abandons what is still being
 * flushed. */
void net_sys_quit(void);

/* The loop transport's routing of net_listen / net_connect (net_loop.c). */
net_listener *net_loop_listen_port(int port, char *err, size_t err_len);
net_conn *net_loop_connect_port(int port, size_t queue_bytes, char *err, size_t err_len);

/* The read buffer's size a connection starts with. */
#define NET_RBUF_START (16u * 1024u)

#endif
