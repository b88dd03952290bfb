/*
 * web: the host's HTTP + WebSocket server on libwebsockets. It serves the
 * browser player (the files of the data dir's web/ folder) and carries the
 * frames of src/proto/PROTOCOL.md over WebSocket /ws, one frame per binary
 * message.
 *
 * A browser peer is an ordinary peer of the host: each WebSocket gets its
 * own loopback TCP connection to the host's game port and the frames are
 * relayed unchanged, so the handshake, room code, seats, tokens, rate
 * limits, heartbeats, reconnect and observers are exactly those of a TCP
 * peer (one protocol, one truth). The relay knows frames, not rules.
 *
 * What a browser sends is checked before a byte reaches the host
 * (web_frames.h): one binary message must be exactly one client frame, or
 * the WebSocket is closed. libwebsockets 4.1 does not fail an unmasked
 * client frame at once; it never delivers it either, so such a peer goes
 * silent and the host's handshake or heartbeat deadline (3 s) drops it
 * (tests/hostile/test_hostile_web.c).
 *
 * Nothing blocks: web_service() handles what is ready and returns at once;
 * the host calls it from its pump. Every buffer is bounded and a peer that
 * exceeds a bound is closed.
 *
 * Ownership: web_start returns a server that the caller ends with web_stop.
 */
#ifndef SAMENSPEL_WEB_H
#define SAMENSPEL_WEB_H

#include <stdbool.h>
#include <stddef.h>

#define WEB_DEFAULT_PORT 47880
#define WEB_ORIGIN_LEN 256
#define WEB_MAX_PER_ADDRESS 16     /* open connections from one address (HTTP + WebSocket) */
#define WEB_HEADER_BYTES 2048      /* all request headers together */
#define WEB_HEADER_DEADLINE_S 5    /* a client that has not sent its headers by then is closed */
#define WEB_SEND_QUEUE_BYTES (2u * 1024u * 1024u) /* towards one browser, like the host's queue */

typedef struct {
    int http_port;                      /* > 0 */
    int game_port;                      /* the host's TCP port on this machine */
    const char *root;                   /* folder with index.html; NULL = the data dir's web/ */
    const char *allow_origin;           /* comma-separated extra Origins for /ws, "*" = any; NULL = none */
    int max_per_address;                /* 0 = WEB_MAX_PER_ADDRESS */
} web_options;

typedef struct web_server web_server;

/* Binds the HTTP port on all interfaces. NULL with a message in err when
 * the port is taken or the web folder is missing. */
web_server *web_start(const web_options *o, char *err, size_t err_len);

/* Handles every socket that is ready and returns without waiting. */
void web_service(web_server *w);

/* Closes every connection and frees the server (NULL is fine). */
void web_stop(web_server *w);

int web_port(const web_server *w);
/* Open connections: page requests, idle keep-alive ones and /ws sessions.
 * Their sockets are not in the host's poll set, so the host wakes every
 * millisecond while any is open; counting only /ws made each step of a page
 * request wait for the host's next tick (50 ms when headless). */
int web_socket_count(const web_server *w);

#endif
