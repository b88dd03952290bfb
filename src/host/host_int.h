/*
 * Private to the host module: the session's struct, its peers and seats,
 * and the functions the host's files share (host.c lists which file does
 * what). Nothing here is part of host.h.
 */
#ifndef SAMENSPEL_HOST_INT_H
#define SAMENSPEL_HOST_INT_H

#include "host/host.h"
#include "host/host_web.h"
#include "level/watch.h"
#include "net/net.h"
#include "proto/proto.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HOST_HANDSHAKE_MS 3000   /* a connection must say HELLO within this */
#define HOST_SILENT_MS 3000      /* silent this long = disconnected */
#define HOST_PING_MS 1000        /* heartbeat interval */
#define HOST_RATE_PER_S 100.0    /* frames per second per peer, sustained (a person never gets near) */
#define HOST_RATE_BURST 200.0
#define HOST_QUEUE_BYTES (2u * 1024u * 1024u) /* per peer; overflow = "too slow" */
#define HOST_MAX_KICKED 64
#define HOST_BOT_PACE_MS 350     /* windowed host: bots act at a pace people can follow */
#define HOST_MAX_BOT_STEPS 64    /* bot actions per tick at most */
#define HOST_DISCOVERY_PER_S 20.0
#define HOST_WATCH_MS 500
#define HOST_ACK_RING 256        /* UPDATEs remembered per peer for acknowledgements */

typedef enum { PEER_HANDSHAKE = 0, PEER_SEAT, PEER_OBSERVER } peer_state;

typedef struct {
    net_conn *conn;
    peer_state state;
    int seat;
    uint64_t opened_ms, last_rx_ms, last_ping_ms;
    double tokens;
    uint64_t tokens_ms;
    uint64_t facts_sent;          /* bit per fact whose text this peer holds */
    uint32_t events_sent;         /* bit per scripted event this peer knows */
    bool need_view, need_lobby;
    /* flow control: bytes sent after each UPDATE, to know how much the
     * peer has not acknowledged reading */
    uint64_t bytes_out, bytes_acked;
    struct { uint32_t tick; uint64_t bytes; } sent_ticks[HOST_ACK_RING];
    int ring_head, ring_n;
    bool dead;
    bool browsing;             /* an observer only reading the roles before choosing one */
    char dead_reason[96];
} peer;

typedef struct {
    bool taken, bot, kicked_before;
    core_bot_kind bot_kind;
    core_rng bot_rng;
    uint64_t bot_next_ms;
    char name[HOST_NAME_LEN];
    uint8_t token[HOST_TOKEN_LEN];
    int peer;                     /* index in peers or -1 */
    uint64_t last_seen_ms;
    char address[48];
} seat_slot;

struct host {
    host_options opts;
    core_scenario *sc;
    core_state st;
    uint64_t seed;
    char code[HOST_CODE_LEN];
    char lan[NET_ADDR_LEN + 8];
    net_listener *lis;
    net_udp *udp;
    net_udp *udp_default;         /* discovery on 47800 too when --port is another */
    net_poll *poll;
    bool net_up;
    peer peers[HOST_MAX_CONNS];
    int n_peers;
    seat_slot seats[CORE_MAX_SEATS];
    uint8_t kicked[HOST_MAX_KICKED][HOST_TOKEN_LEN];
    int n_kicked;
    core_events pending, last;
    int events_dropped;
    bool view_dirty, lobby_dirty;
    uint64_t timer_end_ms;      /* the trainer's phase timer runs out, 0 none */
    uint64_t waiting_note_at;   /* headless lobby: when to say again who it waits for */
    /* every round's verbeteracties: the core keeps only this round's (the
     * debrief shows them all); filled on the apply path, so resume too */
    host_improvements improvements;
    bool paused, finished_reported;
    uint64_t seq;
    uint64_t last_action_ms;      /* for --advance-idle */
    host_journal_ops journal;
    bool has_journal;
    char log[HOST_LOG_LINES][HOST_LOG_LEN];
    int log_start, log_n;
    uint32_t tick;
    uint8_t *scratch;
    double disc_tokens;
    uint64_t disc_ms;
    uint64_t bytes_sent;
    /* level hot reload (src/level/watch.h) */
    lvl_watch watch;
    bool watching;
    uint64_t watch_ms;
    core_scenario *watch_sc;      /* what the watcher loaded */
    bool reload_pending;          /* changed during a game: watch_sc applies at restart */
    host_reload_status reload;
    lvl_diags reload_diags;
    char err[256];
    web_server *web;              /* browser player (host_web.c); NULL when off */
    char web_url[HOST_URL_LEN];   /* "http://ip:port/" */
    char join_url[HOST_URL_LEN + 16];
    char lan_others[HOST_OTHERS_LEN]; /* the machine's other addresses (host_web.c) */
};

/* ------------------------------------------------------- host.c: session */

/* A line in the host's log (the projector shows the recent ones). */
void host_logf(host *h, const char *fmt, ...);
/* Every accepted action goes through host_submit (host.h): check, journal,
 * apply. The trainer's and the host's own actions (START, ADVANCE,
 * NEW_PLAYER) as seat CORE_SEAT_HOST: */
core_reject host_submit_trainer(host *h, core_action_type type, int arg);

/* ------------------------------------------------ host_peers.c: connections */

/* Marks peer i dead with a reason; host_reap_peers closes it after the tick. */
void host_drop_peer(host *h, int i, const char *reason);
/* Queue a payload / a shared frame to peer i; a full queue drops the peer. */
void host_send_payload(host *h, int i, const uint8_t *payload, size_t len);
void host_send_buf(host *h, int i, net_buf *b);
/* Says goodbye to peer i (BYE with the code) and drops it. */
void host_send_bye(host *h, int i, proto_reject_code code, const char *reason);
void host_accept_all(host *h, uint64_t now);
void host_read_peer(host *h, int i, uint64_t now);
/* The HELLO of a peer in the handshake: seat it, make it an observer, or
 * refuse it with a reason. */
void host_peer_hello(host *h, int i, const uint8_t *pl, size_t len);
/* Heartbeats, and drops peers that failed, never said HELLO, stopped
 * reading or went silent. */
void host_check_peers(host *h, uint64_t now);
void host_reap_peers(host *h);
void host_discovery(host *h, uint64_t now);

/* ------------------------------------------------- host_frames.c: dispatch */

void host_handle_frame(host *h, int i, const uint8_t *pl, size_t len);

/* ---------------------------------------------------- host_seats.c: seats */

bool host_seat_connected(const host *h, int s);
/* Tells the journal about seat s (name, token, bot) for a resume. */
void host_journal_seat(host *h, int s);
/* Copies prefix+name+suffix into a seat's fixed buffer, cut at a UTF-8
 * character boundary. */
void host_seat_name_set(char *dst, size_t cap, const char *prefix, const char *name, const char *suffix);
void host_seat_make_bot(host *h, int s, core_bot_kind kind);
/* The in-process bots act; true when one did. */
bool host_run_bots(host *h, uint64_t now);

/* ----------------------------------------------- host_broadcast.c: fan-out */

/* Facts whose text a peer may hold, scripted events whose round has come. */
uint64_t host_fact_mask(const host *h, const peer *p);
uint32_t host_event_mask(const host *h);
/* WELCOME with the scenario and the texts the peer may read. */
void host_send_welcome(host *h, int i);
void host_broadcast(host *h);

/* ---------------------------------------------------- host_level.c: level */

void host_watch_level(host *h, uint64_t now);

#endif
