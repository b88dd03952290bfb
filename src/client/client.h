/*
 * client: the player's side of a LAN game. One client session connects to a
 * host (in a thread, so a window never freezes), does the handshake, keeps
 * the redacted scenario and the latest view, sends intents and rejoins with
 * its stored seat token when the connection is lost.
 *
 * The SDL player window (src/ui) and the headless bot (`samenspel join
 * --headless --bot team|solo`) are both front ends of it: they register
 * callbacks and call cli_pump() once per frame.
 *
 * Ownership: pointers handed to callbacks are valid during the callback
 * only; cli_scenario()/cli_seat_view()/... stay valid until the next
 * cli_pump() or cli_destroy().
 */
#ifndef SAMENSPEL_CLIENT_H
#define SAMENSPEL_CLIENT_H

#include "core/core.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CLI_DEFAULT_PORT 47800
#define CLI_HOST_LEN 256
#define CLI_CODE_LEN 5
#define CLI_NAME_LEN 48
#define CLI_PATH_LEN 1024
#define CLI_REASON_LEN 200
#define CLI_MAX_FOUND 16

typedef enum {
    CLI_SCREEN_DEFAULT = 0,
    CLI_SCREEN_LOBBY,
    CLI_SCREEN_TABLE,
    CLI_SCREEN_DEBRIEF,
    CLI_SCREEN_ROLES      /* the join flow's role picker */
} cli_screen;

typedef enum { CLI_BOT_NONE = 0, CLI_BOT_TEAM, CLI_BOT_SOLO } cli_bot;

/* Everything `samenspel join` accepts on its command line. */
typedef struct {
    char host[CLI_HOST_LEN];     /* empty: discover games on the LAN */
    int port;                    /* 47800 */
    char code[CLI_CODE_LEN];     /* room code */
    char name[CLI_NAME_LEN];
    char role[40];               /* role id wanted ("leraar"); empty: any free seat */
    bool observe;                /* --observe: public view only */
    bool browse;                 /* with observe: only reading the roles; the host does not count us */
    bool headless;
    cli_bot bot;                 /* --bot team|solo */
    int pace_ms;                 /* --pace MS: wait between bot actions */
    char font[CLI_PATH_LEN];
    char screenshot[CLI_PATH_LEN];
    cli_screen screen;
    int width, height;           /* --size WxH */
    bool no_token_store;         /* --no-token-store: keep the token in memory only */
    bool quiet;
} cli_options;

void cli_options_default(cli_options *o);
/* argv after the subcommand ("join" is argv[0]). 0 ok, 1 --help printed,
 * -1 usage error (message in err). */
int cli_options_parse(int argc, char **argv, cli_options *o, char *err, size_t err_len);
void cli_options_usage(void *stdio_file);

typedef enum {
    CLI_STATUS_IDLE = 0,
    CLI_STATUS_CONNECTING,
    CLI_STATUS_CONNECTED,      /* handshake done: seated or observing */
    CLI_STATUS_RECONNECTING,   /* lost the connection; retrying with the token */
    CLI_STATUS_REJECTED,       /* the host refused us (reason in cli_reason) */
    CLI_STATUS_FAILED          /* could not reach the host at all */
} cli_status;

/* The host's readable reasons (wire codes, see src/proto/PROTOCOL.md). */
typedef enum {
    CLI_REJ_NONE = 0,
    CLI_REJ_VERSION,
    CLI_REJ_WRONG_CODE,
    CLI_REJ_FULL,
    CLI_REJ_KICKED,
    CLI_REJ_ROLE_TAKEN,
    CLI_REJ_UNKNOWN_ROLE,
    CLI_REJ_BAD_HELLO,
    CLI_REJ_SERVER_BUSY,
    CLI_REJ_REPLACED,          /* the same seat was reclaimed by another connection */
    CLI_REJ_SHUTDOWN
} cli_reject_reason;

typedef struct {
    int role;
    char role_id[40];
    char role_name[96];
    char name[CLI_NAME_LEN];
    bool taken, connected, bot;
} cli_lobby_seat;

/* The lobby as the host announces it (before and during the game). */
typedef struct {
    char code[CLI_CODE_LEN];
    char title[96];
    int n_seats;
    cli_lobby_seat seats[CORE_MAX_SEATS];
    int observers;
    bool started, paused, finished;
    int timer_left_s;          /* phase timer when the LOBBY came, -1 none */
    uint64_t timer_end_ms;     /* local clock: when the phase timer runs out, 0 none */
} cli_lobby;

typedef struct {
    void *ctx;
    void (*on_status)(void *ctx, cli_status st, const char *reason); /* reason: readable, may be "" */
    /* A new view after a host tick. seat_view is NULL for observers;
     * pub is always set (== &seat_view->pub for players). events: what
     * happened since the previous tick (public). */
    void (*on_view)(void *ctx, const core_seat_view *seat_view, const core_public_view *pub,
                    const core_events *events);
    /* An intent of ours was refused by the rules; text is readable Dutch
     * (core_reject_message; pass it through _() for English). */
    void (*on_reject)(void *ctx, core_reject r, const char *text);
    void (*on_lobby)(void *ctx, const cli_lobby *lobby);
} cli_callbacks;

typedef struct cli cli;

/* Creates a session and starts connecting (in a thread) when opts->host is
 * set. NULL with a message in err on bad options. */
cli *cli_create(const cli_options *o, const cli_callbacks *cb, char *err, size_t err_len);
void cli_destroy(cli *c);

/* Reads what arrived, heartbeats, reconnects; calls the callbacks. Waits at
 * most max_wait_ms for input. Never blocks on the network beyond that. */
void cli_pump(cli *c, int max_wait_ms);

/* Sends an intent for our seat (seat is filled in). False when not
 * connected/seated. The answer comes as on_view or on_reject. */
bool cli_send_action(cli *c, const core_action *a);

cli_status cli_status_get(const cli *c);
const char *cli_reason(const cli *c);            /* readable text of the last reject/failure */
cli_reject_reason cli_reject_code(const cli *c);
int cli_seat(const cli *c);                      /* -1 observer or not seated */
bool cli_is_observer(const cli *c);
const core_scenario *cli_scenario(const cli *c); /* redacted: own + shared facts; NULL before welcome */
const core_seat_view *cli_seat_view(const cli *c);   /* NULL for observers / before the first view */
const core_public_view *cli_public_view(const cli *c);
const cli_lobby *cli_lobby_get(const cli *c);
uint64_t cli_bytes_received(const cli *c);
/* The seat token this client holds (false when none). */
bool cli_token_get(const cli *c, uint8_t out[16]);
uint64_t cli_views_received(const cli *c);

/* Headless bot client: connects, plays with core_bot_next until the game
 * ends; returns the exit status (0 when the game ended). */
int cli_run_headless(const cli_options *o);

/* ---- LAN discovery (a hint, never trusted: the handshake decides) ---- */
typedef struct {
    char address[64];            /* "192.168.1.20" */
    int port;
    char code[CLI_CODE_LEN];
    char title[64];
    int seats_free, seats_total;
    bool started;
} cli_found_game;

typedef struct cli_discovery cli_discovery;
/* Broadcasts a query on the port every second; poll for answers. target
 * NULL = broadcast 255.255.255.255 (tests pass "127.0.0.1"). */
cli_discovery *cli_discovery_start(int port, const char *target, char *err, size_t err_len);
/* Reads answers; returns the number of games known (deduplicated). */
int cli_discovery_poll(cli_discovery *d, cli_found_game *out, int max);
void cli_discovery_stop(cli_discovery *d);

#endif
