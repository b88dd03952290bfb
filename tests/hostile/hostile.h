/*
 * Helpers of the hostile-peer tests: a real headless host process, player
 * clients that speak the wire protocol on their own thread and time every
 * request -> answer (PING -> PONG, ACTION -> RESULT), an RSS sampler and an
 * in-process TCP fault proxy (pass, delay, stall, drop).
 *
 * Everything here is test code; the host under test is the real binary.
 */
#ifndef SAMENSPEL_TEST_HOSTILE_H
#define SAMENSPEL_TEST_HOSTILE_H

#include "core/core.h"
#include "proto/proto.h"
#include "ts.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* ------------------------------------------------------------ checks */
/* A failed check prints "FAIL <what>: <message>" and counts in hx_failures;
 * the test goes on, so one run reports every scenario. */
extern int hx_failures;
void hx_check(bool ok, const char *what, const char *fmt, ...);

/* ------------------------------------------------------------ host */
typedef struct {
    pid_t pid;
    int status;         /* waitpid status once it is gone */
    int port;
    char code[8];
    char log[300];      /* the host's stderr: one line per logged event */
    char dir[256];
} hx_host;

bool hx_host_start(hx_host *h, const char *bin, int bots, const char *code);
void hx_host_stop(hx_host *h);
bool hx_host_alive(hx_host *h);
long hx_rss_kib(pid_t pid);
/* Waits up to ms for a line containing needle in the host log after byte
 * offset `from`; returns the ms waited, or -1. */
long hx_log_wait(const hx_host *h, long from, const char *needle, int ms);
long hx_log_size(const hx_host *h);
/* Same for a line with both needles (needle2 may be NULL); copies the line. */
long hx_log_find(const hx_host *h, long from, const char *needle, const char *needle2, int ms, char *line_out,
                 size_t line_len);

/* ---------------------------------------------------------- player */
typedef struct {
    /* set before hx_player_start */
    char name[32];
    int port;
    const char *code;
    bool play;           /* take a seat and play with core_bot_next */
    bool observe;
    int pace_ms;         /* pause before each action */
    int ping_ms;         /* heartbeat / latency probe interval */
    /* controls (any thread) */
    volatile bool stop;
    volatile bool hold;  /* do not reconnect while set */
    volatile bool reset; /* close the socket now without a goodbye (like a killed process) */
    /* state (the player's thread; read under mu) */
    pthread_t thread;
    pthread_mutex_t mu;
    int fd;
    ts_stream in;
    bool welcomed, has_token, has_view, ended;
    int seat;
    uint8_t token[PROTO_TOKEN_LEN];
    core_scenario *sc;
    core_seat_view view;
    core_rng rng;
    uint32_t seq, last_tick;    /* last_tick: acknowledged in PING/PONG (flow control) */
    bool inflight;
    uint64_t inflight_ns, next_action_ms, next_ping_ms, retry_ms;
    int connects, welcomes, actions_ok, rejects;
    uint64_t last_answer_ms;
    int phase_of[64];    /* the game's phase changes as this player saw them, and when (ms) */
    uint64_t phase_at[64];
    int n_phase;
    double *lat_ms;      /* samples (ms) and when they were taken (ms) */
    uint64_t *lat_at;
    size_t n_lat, cap_lat;
} hx_player;

/* Sets what a playing seat needs before hx_player_start: its name, the
 * host's port and room code, a pause of pace_ms before each action and a
 * PING every ping_ms. */
void hx_player_seat(hx_player *p, const char *name, int port, const char *code, int pace_ms, int ping_ms);
bool hx_player_start(hx_player *p);
/* Starts n slow players <prefix>0.. (an action every 2.5 s, 50 ms apart):
 * every phase waits for them, so no game ends (and no headless host
 * exits) during a test. */
void hx_slow_seats(hx_player *slow, int n, const char *prefix, int port, const char *code);
void hx_player_stop(hx_player *p);
/* p99 (ms) of the samples taken in [t0, t1]; *n gets their count. */
double hx_player_p99(hx_player *p, uint64_t t0, uint64_t t1, size_t *n);
/* The k slowest samples in [t0, t1], slowest first, with when they were
 * answered (ms); returns how many (<= k). To show where a p99 came from. */
size_t hx_player_slowest(hx_player *p, uint64_t t0, uint64_t t1, size_t k, double *ms, uint64_t *at);
bool hx_player_ready(hx_player *p);  /* seated (or observing) with a view */

/* ----------------------------------------------------------- proxy */
typedef enum { HX_PASS = 0, HX_DELAY, HX_STALL, HX_DROP } hx_fault;

typedef struct hx_proxy hx_proxy;
hx_proxy *hx_proxy_start(int upstream_port, int *listen_port);
void hx_proxy_set(hx_proxy *x, hx_fault f, int delay_ms);
void hx_proxy_stop(hx_proxy *x);

/* ------------------------------------------------------------- raw */

#endif
