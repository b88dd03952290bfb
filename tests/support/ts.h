/*
 * ts: the helpers the network, hostile and resume tests share: clocks for
 * integration tests, free ports, raw loopback sockets that speak the frame
 * protocol or WebSocket frames, a frame reader over a raw socket, and child
 * processes.
 */
#ifndef SAMENSPEL_TEST_SUPPORT_H
#define SAMENSPEL_TEST_SUPPORT_H

#include "proto/proto.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Monotonic clock and sleep (integration tests only: unit tests do not
 * wait on a clock). */
uint64_t ts_now_ns(void);
uint64_t ts_now_ms(void);
void ts_sleep_ms(long ms);

/* A TCP port nobody is bound to right now (0 when none was found). */
int ts_free_port(void);

/* A raw loopback connection with TCP_NODELAY; rcvbuf > 0 shrinks its
 * receive buffer (a slow reader). -1 when nobody listens. */
int ts_connect(int port, int rcvbuf);
/* The same from the loopback address 127.0.0.<src> (0: any), so that many
 * peers can be many addresses, as laptops in a classroom are. */
int ts_connect_from(int port, int src);
/* "127.0.0.1:<port>" of a socket's own end: how the host names it. */
void ts_sock_name(int fd, char *out, size_t len);
/* One frame (header + payload); false when it did not all go out. */
bool ts_send_frame(int fd, const uint8_t *payload, size_t len);
/* A HELLO of this protocol version with the room code and name filled in. */
void ts_hello_init(proto_hello *m, const char *build, const char *code, const char *name);
bool ts_send_hello(int fd, const proto_hello *m);
/* A PING stamped with `stamp` that acknowledges host tick ack_tick (the
 * host's flow control). */
bool ts_send_ping(int fd, uint64_t stamp, uint32_t ack_tick);
/* Reads until the peer closes fd (true) or ms passes (false). */
bool ts_wait_closed(int fd, int ms);

/* The client side of a WebSocket (RFC 6455) on a raw socket after the
 * upgrade: one frame of opcode (1 text, 2 binary, 0 continuation, 8 close)
 * with the FIN bit as fin, its payload masked when mask (a browser always
 * masks; a server must refuse an unmasked frame). False when it did not
 * all go out. */
bool ts_ws_send(int fd, int opcode, bool fin, bool mask, const uint8_t *p, size_t len);
/* A protocol frame (header + payload) as one masked binary message, as the
 * browser player sends it. */
bool ts_ws_send_frame(int fd, const uint8_t *payload, size_t len);

/* The browser's upgrade request for GET /ws on port, with an Origin header
 * when origin is not NULL. False when it did not all go out. */
bool ts_ws_request(int fd, int port, const char *origin);
/* fd when head (the response's headers) says 101 Switching Protocols;
 * else closes fd and returns -1. */
int ts_ws_accepted(int fd, const char *head);

/* Frames read from a raw socket: fill without blocking, then take the
 * complete frames one by one. */
typedef struct ts_stream {
    uint8_t *buf;
    size_t off, len, cap; /* unread bytes are buf[off, len) */
} ts_stream;
/* Appends what fd has now. Returns the bytes read (0: nothing yet), -1
 * when the peer closed or the socket failed. */
long ts_stream_fill(ts_stream *s, int fd);
/* The next complete frame (payload valid until the next fill). */
bool ts_stream_next(ts_stream *s, const uint8_t **payload, size_t *len);
void ts_stream_reset(ts_stream *s); /* forget what was read (reconnect) */
void ts_stream_free(ts_stream *s);

/* Threads and open descriptors of this process (Linux /proc), -1 where
 * that is not known. */
int ts_thread_count(void);
int ts_fd_count(void);

/* A new private folder /tmp/samenspel-<what>-XXXXXX in dir (len bytes);
 * false when it could not be made. ts_remove_tree removes it again with
 * everything in it. */
bool ts_temp_dir(char *dir, size_t len, const char *what);
void ts_remove_tree(const char *dir);

/* cmocka group fixtures (setup, teardown) for a test binary that works in
 * one private folder: ts_group_dir() is its path in between. */
int ts_group_dir_make(void **state);
int ts_group_dir_remove(void **state);
const char *ts_group_dir(void);

/* Removes an SQLite file with its -wal and -shm companions. */
void ts_remove_db(const char *path);

/* Starts argv[0] with stdout to /dev/null and stderr to log (appended
 * when append, else truncated). -1 when it could not start. */
pid_t ts_spawn(char *const argv[], const char *log, bool append);
/* False once the child has exited (then *pid is 0 and *status its wait
 * status, when status is not NULL). */
bool ts_alive(pid_t *pid, int *status);
/* True once the child *pid accepts connections on port (it is up), false
 * when it exited first (see ts_alive) or ms passed: a taken port makes a
 * host exit at once, and the caller tries another. */
bool ts_wait_accepting(int port, pid_t *pid, int *status, int ms);
/* SIGKILL and reap; *pid becomes 0. */
void ts_kill(pid_t *pid);

#endif
