/*
 * host: the authoritative game session behind `samenspel host`.
 *
 * It owns the scenario and the core_state, the seats (role, name, token,
 * connection), the room code and the observers. Clients send intents; every
 * accepted action passes through one function (which journals it before any
 * event is broadcast) and the host fans out one update per tick: the seat
 * view to each seated player, the public view to observers.
 *
 * The projector (src/ui) and the headless loop (cmd_host.c) both drive a
 * host by calling host_pump() once per frame; it never blocks on a peer.
 *
 * Ownership: host_create copies what it needs from the options; the host
 * owns its scenario (heap) and everything returned by the accessors stays
 * valid until the next host_pump / control call or host_destroy.
 */
#ifndef SAMENSPEL_HOST_H
#define SAMENSPEL_HOST_H

#include "core/core.h"
#include "level/level.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HOST_DEFAULT_PORT 47800
#define HOST_DEFAULT_HTTP_PORT 47880 /* browser player; `samenspel host` turns it on */
#define HOST_CODE_LEN 5          /* 4 letters + NUL */
#define HOST_NAME_LEN 48         /* player name, bytes incl. NUL (UTF-8) */
#define HOST_TOKEN_LEN 16        /* 128-bit seat token */
#define HOST_LOG_LINES 32        /* recent host messages kept for the projector */
#define HOST_LOG_LEN 160
#define HOST_MAX_CONNS 160       /* players + observers + handshakes in progress */
#define HOST_PATH_LEN 1024

typedef enum {
    HOST_SCREEN_DEFAULT = 0,
    HOST_SCREEN_LOBBY,
    HOST_SCREEN_TABLE,
    HOST_SCREEN_DEBRIEF
} host_screen;

/* Everything `samenspel host` accepts on its command line. */
typedef struct {
    char level_path[HOST_PATH_LEN];   /* empty: the bundled default level */
    int port;                         /* --port, 47800 */
    char code[HOST_CODE_LEN];         /* --code ABCD; empty: random */
    bool headless;                    /* --headless */
    int bots;                         /* --bots N: in-process bots (0..8) */
    core_bot_kind bot_kind;           /* --bot-kind team|solo for --bots (team) */
    bool watch;                       /* --watch: hot-reload the level while in the lobby */
    char font[HOST_PATH_LEN];         /* --font PATH */
    char screenshot[HOST_PATH_LEN];   /* --screenshot FILE (ui renders one screen and exits) */
    host_screen screen;               /* --screen lobby|table|debrief */
    int width, height;                /* --size WxH; 0 = default */
    char db[HOST_PATH_LEN];           /* --db FILE (journal) */
    bool resume;                      /* --resume [ID] */
    int64_t resume_id;                /* 0 = the latest unfinished session */
    bool timer;                       /* --timer: phase timers on */
    int timer_seconds;                /* --timer-seconds N: phase timer length; 0 = SAMENSPEL_TIMER_SECONDS or 300 */
    uint64_t seed;                    /* --seed N; 0 = random */
    bool quiet;                       /* --quiet: headless prints only the result line */
    size_t queue_bytes;               /* per-peer send queue bound; 0 = 2 MiB (tests lower it) */
    int advance_idle_ms;              /* --advance-idle MS: with nobody acting for this long, the host
                                         advances the phase itself (what a trainer would do); -1 =
                                         default: 250 with --headless, off with a window; 0 = off */
    int http_port;                    /* --http-port N: the browser player's web server; 0 = off.
                                         host_options_parse sets 47880, host_options_default 0
                                         (tests and tools start no web server unless they ask) */
    char allow_origin[256];           /* --allow-origin A,B: extra page Origins allowed on /ws ("*" = any) */
    char web_root[HOST_PATH_LEN];     /* --web-root DIR: the page's folder; empty = the data dir's web/ */
    int waiting_note_ms;              /* headless lobby: how often it says who it waits for;
                                         0 = HOST_WAITING_NOTE_MS (tests lower it) */
} host_options;

#define HOST_WAITING_NOTE_MS 30000

void host_options_default(host_options *o);

/* Parses argv after the subcommand name (argv[0] is "host"). Returns 0 on
 * success, 1 when --help was printed (exit 0), -1 on a usage error (message
 * in err, exit 2). */
int host_options_parse(int argc, char **argv, host_options *o, char *err, size_t err_len);
void host_options_usage(void *stdio_file);

/* ---------------------------------------------------------------- journal
 * A host may journal every accepted action; that is what makes a session
 * survive a crash (--resume) and what `samenspel report` replays. The store
 * plugs in through these ops without the host depending on SQLite:
 *   - host_create_journaled() (host_journal.h) builds a host whose journal is
 *     the SQLite store (new session, or --resume), the way `samenspel host`
 *     and the projector run;
 *   - store_journal_* (store.h) is a bare adapter over an open store, and
 *     tests pass their own ops.
 * append() is called for every accepted action, after core_check passed and
 * before the action is applied and its events are broadcast; returning
 * false refuses the action (the host logs why and the game is not advanced).
 *
 * Ownership: host_create / host_create_scenario copy the ops, and from a
 * successful create on the host owns ctx: host_destroy calls close(ctx)
 * once, after the last callback. When create fails, close is not called
 * and ctx stays the caller's. */
typedef struct {
    void *ctx;
    bool (*append)(void *ctx, uint64_t seq, const core_action *a);
    /* Seats changed (join, rejoin, release, bot): name/role/token for resume. */
    void (*seat_changed)(void *ctx, int seat, const char *name, const uint8_t token[HOST_TOKEN_LEN], bool bot);
    /* The game ended (outcome, overall level). */
    void (*finished)(void *ctx, const core_state *st);
    /* The host is being destroyed: release ctx. NULL when there is nothing to free. */
    void (*close)(void *ctx);
} host_journal_ops;

/* What a resumed session brings back (host_create from a replayed journal).
 * actions are replayed through core_apply (not journaled again). */
typedef struct {
    uint64_t seed;
    char code[HOST_CODE_LEN];
    struct {
        bool taken;
        bool bot;
        char name[HOST_NAME_LEN];
        uint8_t token[HOST_TOKEN_LEN];
    } seats[CORE_MAX_SEATS];
    const core_action *actions;
    size_t n_actions;
} host_resume;

/* ------------------------------------------------------------------ seats */

typedef struct {
    int role;                       /* index in scenario roles */
    const char *role_id;            /* "leraar" */
    const char *role_name;          /* "Leraar" */
    char name[HOST_NAME_LEN];       /* player's first name, "" when free */
    bool taken;                     /* a token holds this seat */
    bool connected;                 /* a live connection holds it now */
    bool bot;                       /* an in-process bot plays it */
    bool kicked_before;             /* a token of this seat was kicked */
    uint64_t last_seen_ms;          /* plat_now_ms() of the last frame; 0 never */
    char address[48];               /* peer address "10.0.0.5:51234" */
} host_seat_info;

typedef enum {
    HOST_RELOAD_NONE = 0,   /* not watching or nothing changed yet */
    HOST_RELOAD_OK,         /* the level was reloaded */
    HOST_RELOAD_FAILED,     /* the new file has errors; the old one stays */
    HOST_RELOAD_DEFERRED    /* changed while a game runs: applies at restart */
} host_reload_status;

typedef struct host host;

/* Creates a session: loads the level (diags filled; may be NULL), opens the
 * TCP listener and the discovery socket. resume and journal may be NULL
 * (journal: see "journal" above for who owns it).
 * Returns NULL with a message in err when the port is taken, the level has
 * errors, etc. */
host *host_create(const host_options *o, const host_resume *resume,
                  const host_journal_ops *journal, lvl_diags *diags,
                  char *err, size_t err_len);

/* Same with a scenario built in memory (tests, tools): copied. */
host *host_create_scenario(const host_options *o, const core_scenario *sc,
                           const host_resume *resume, const host_journal_ops *journal,
                           char *err, size_t err_len);

/* Says goodbye to every peer, closes the sockets and then the journal
 * (host_journal_ops.close). NULL is fine. */
void host_destroy(host *h);

/* One tick: accept, read and apply intents, run bots, heartbeats, drop
 * silent or misbehaving peers, then one broadcast with everything since the
 * previous tick. Waits at most max_wait_ms for network input (0 = poll).
 * Returns false only on a fatal error of the host itself (message via
 * host_last_error). */
bool host_pump(host *h, int max_wait_ms);

/* ---- accessors (for the projector) ---- */
const char *host_room_code(const host *h);
const char *host_lan_address(const host *h);     /* "192.168.1.20:47800" */
/* The machine's other addresses with the browser port (the game port when
 * the web server is off): "10.0.0.5:47880, 172.17.0.1:47880", "" none. */
const char *host_other_addresses(const host *h);
int host_port(const host *h);                    /* the TCP port actually bound */
/* The browser player's join URL with the room code
 * ("http://192.168.1.20:47880/?code=ABCD"), "" when the web server is off. */
const char *host_join_url(const host *h);
int host_web_port(const host *h);                /* 0 when off */
const core_scenario *host_scenario(const host *h);
const core_state *host_state(const host *h);
int host_seat_count(const host *h);
/* "Wacht op spelers: 2 van 4 plaatsen bezet, code ABCD": what a headless
 * host in the lobby says every waiting_note_ms. */
void host_waiting_text(const host *h, char *out, size_t len);
bool host_seat_info_get(const host *h, int seat, host_seat_info *out);
int host_observer_count(const host *h);
int host_connection_count(const host *h);        /* all open TCP connections */
bool host_paused(const host *h);
bool host_started(const host *h);
bool host_finished(const host *h);
/* Events of the last tick (the projector animates them). */
const core_events *host_last_events(const host *h);
/* Recent messages, oldest first; i in 0..host_log_count-1. */
int host_log_count(const host *h);
const char *host_log_line(const host *h, int i);
const char *host_last_error(const host *h);
uint64_t host_actions_accepted(const host *h);
uint64_t host_bytes_sent(const host *h);         /* all payload bytes queued to peers */
/* The journal the host writes to (the ops given to host_create), NULL when
 * it has none. The host still owns it. */
const host_journal_ops *host_journal(const host *h);

/* ---- trainer controls; false with a reason in err when not possible ---- */
bool host_start(host *h, char *err, size_t err_len);
bool host_set_paused(host *h, bool paused);      /* paused: intents are refused, bots wait */
/* The trainer's phase timer (kept by the projector window): seconds left,
 * -1 when none runs. Players get it in the next LOBBY when it starts,
 * stops or jumps (an extension), and count down themselves. */
void host_set_phase_timer(host *h, int left_s);
/* The verbeteractie each seat typed in each round ("" none), for the
 * debrief; kept across rounds and rebuilt when a session resumes. */
typedef char host_improvements[CORE_MAX_ROUNDS + 1][CORE_MAX_SEATS][CORE_ANSWER_LEN];
const host_improvements *host_improvements_get(const host *h);
bool host_advance(host *h, char *err, size_t err_len);
bool host_release_seat(host *h, int seat);       /* forget its token: anyone may take it */
bool host_seat_bot(host *h, int seat, core_bot_kind kind); /* a bot plays it from now on */
bool host_kick_seat(host *h, int seat);          /* drop + refuse its token from now on */
bool host_restart(host *h, char *err, size_t err_len);    /* back to the lobby, seats kept */
bool host_load_level(host *h, const char *path, lvl_diags *diags, char *err, size_t err_len); /* lobby only */
host_reload_status host_reload_status_get(const host *h, const lvl_diags **diags);

/* Applies an action from the trainer or a seat through the one journaled
 * path (used by the projector's buttons and by tests). */
core_reject host_submit(host *h, const core_action *a);

/* The headless main loop of `samenspel host --headless`: creates the host
 * with `create`, runs it until the game ends, gives the last update a
 * second to reach every client, prints the result line, destroys the host
 * and returns the exit status. host_run_headless uses a plain host (no
 * journal); `samenspel host` uses host_run_headless_journaled
 * (host_journal.h). */
typedef host *(*host_create_fn)(const host_options *o, lvl_diags *diags, char *err, size_t err_len);
int host_run_headless_with(const host_options *o, host_create_fn create);
int host_run_headless(const host_options *o);

#endif
