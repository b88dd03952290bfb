/*
 * store: the SQLite journal of every session (crash-safe resume) and the
 * archive of finished sessions (debrief, `samenspel report`).
 *
 * A session row holds what a replay needs even when the level file changed
 * or disappeared later: the level file's path and its full text, the seed,
 * the room code and the seats (role, name, 128-bit token). The action table
 * holds every accepted core_action in order. Replaying the actions through
 * core_init + core_apply on the stored level rebuilds the exact state.
 *
 * Safety of the user's files: an existing file is opened without
 * SQLITE_OPEN_CREATE and checked (SQLite header, PRAGMA application_id,
 * user_version, quick_check) before anything is written. A text file,
 * another program's database or a damaged file is refused with a message
 * that says what to do; it is never overwritten or migrated.
 *
 * No SDL. Not thread-safe: one store per thread.
 *
 * Ownership: store_open returns a handle freed by store_close. Arrays
 * returned through pointers (actions, level text, session lists) are
 * malloc'd and freed by the caller with free().
 */
#ifndef SAMENSPEL_STORE_H
#define SAMENSPEL_STORE_H

#include "core/core.h"
#include "level/level.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STORE_ERR_LEN 512
#define STORE_PATH_LEN 1024
#define STORE_NAME_LEN 48        /* player name, bytes incl. NUL (= HOST_NAME_LEN) */
#define STORE_TOKEN_LEN 16       /* 128-bit seat token (= HOST_TOKEN_LEN) */
#define STORE_CODE_LEN 5         /* room code, 4 letters + NUL (= HOST_CODE_LEN) */
#define STORE_MAX_LEVEL_BYTES (4u * 1024u * 1024u) /* level text kept per session */
#define STORE_MAX_ACTIONS 1000000 /* refuse journals longer than this (corrupt or hostile DB) */

/* "SSPL" in PRAGMA application_id marks a Samenspel database. */
#define STORE_APPLICATION_ID 0x5353504C
/* PRAGMA user_version: the schema version this build writes. */
#define STORE_SCHEMA_VERSION 3     /* 2: the level's roles file is journaled too;
                                      3: each session records its rules version */
/* The version of the rules (src/core/RULES.md) this build plays: 2 since
 * issue #12 ("rules version 2"). A journal replays exactly only under the
 * rules it was recorded with, so a session records it; sessions recorded
 * before schema 3 were played under rules 1. Bump it with every change of
 * the rules that changes what a journal replays to. */
#define STORE_RULES_VERSION 2
#define STORE_ROLES_NAME_LEN 256   /* a roles file's name (no folder), incl. NUL */

typedef struct store store;

typedef struct {
    bool taken;                     /* a player (or bot) holds the seat */
    bool bot;
    char role_id[CORE_ID_LEN];      /* "leraar"; informative, the scenario decides */
    char name[STORE_NAME_LEN];      /* first name, "" when free */
    uint8_t token[STORE_TOKEN_LEN];
} store_seat;

typedef struct {
    int64_t id;                     /* 1, 2, ... */
    int64_t created_at;             /* Unix seconds */
    int64_t updated_at;             /* last action or seat change */
    int64_t finished_at;            /* 0 while unfinished */
    bool finished;
    char level_path[STORE_PATH_LEN];
    char level_id[CORE_ID_LEN];
    char level_title[CORE_TITLE_LEN];
    uint64_t seed;
    char code[STORE_CODE_LEN];
    int n_seats;
    store_seat seats[CORE_MAX_SEATS];
    /* Set when finished: */
    core_outcome outcome;
    core_collab_level collab_level;  /* overall samenwerkingsniveau */
    int rounds_played;
    uint64_t state_hash;             /* core_state_hash at the end, checks replays */
    int64_t n_actions;               /* rows in the journal */
    int rules_version;               /* the rules it was played with (STORE_RULES_VERSION; 1 before schema 3) */
} store_session;

/* ----------------------------------------------------------------- opening */

/* $XDG_DATA_HOME/samenspel/samenspel.db (the folder is created). */
bool store_default_path(char *out, size_t len, char *err, size_t err_len);

/* Opens a Samenspel database. A missing file is created only when `create`
 * is true (the host); the report opens with create = false. Returns NULL
 * with a message in err when the file is missing, unreadable, not a SQLite
 * database, another program's database, from a newer Samenspel, or
 * damaged; such a file is left exactly as it was. */
store *store_open(const char *path, bool create, char *err, size_t err_len);
void store_close(store *s);
const char *store_path(const store *s);

/* ---------------------------------------------------------------- writing */

/* Starts a session. level_text is the level file's content (copied into the
 * database); sc gives the level id/title and the seats' roles (may be NULL
 * in tests, then seats get no role id). seats may be NULL (all free).
 * Returns the new id (> 0), or 0 with a message in err. */
int64_t store_session_create(store *s, const char *level_path,
                             const char *level_text, size_t level_len,
                             const core_scenario *sc, uint64_t seed,
                             const char *code, int n_seats,
                             const store_seat *seats, char *err, size_t err_len);

/* The roles file a level read when the session started: its name as the
 * level looks for it next to itself ('rolbestand', else "rollen.yaml") and
 * its full text. */
typedef struct {
    const char *name;
    const char *text;
    size_t len;
} store_roles;

/* store_session_create that also keeps the roles file's text (roles may be
 * NULL: then the session replays with whatever roles file exists at replay
 * time, like sessions of schema 1). */
int64_t store_session_create_roles(store *s, const char *level_path,
                                   const char *level_text, size_t level_len,
                                   const store_roles *roles,
                                   const core_scenario *sc, uint64_t seed,
                                   const char *code, int n_seats,
                                   const store_seat *seats, char *err, size_t err_len);

/* Appends one accepted action, committed (durable against a crash of this
 * process) before it returns. seq must be larger than every seq already in
 * the session. */
bool store_append(store *s, int64_t session, uint64_t seq, const core_action *a,
                  char *err, size_t err_len);

/* A seat changed hands (join, rejoin under another name, release, bot). */
bool store_seat_update(store *s, int64_t session, int seat, const char *name,
                       const uint8_t token[STORE_TOKEN_LEN], bool taken, bool bot,
                       char *err, size_t err_len);

/* Marks the session finished with the final outcome; it stays in the
 * archive. state may be NULL (then only finished_at is set). */
bool store_session_finish(store *s, int64_t session, const core_state *state,
                          char *err, size_t err_len);

/* ---------------------------------------------------------------- reading */

/* All sessions, newest first, in a malloc'd array (*out, caller frees).
 * Returns the count, or -1 with a message in err. */
int store_list(store *s, store_session **out, char *err, size_t err_len);

/* One session's row and seats. false with a message when it does not exist. */
bool store_session_get(store *s, int64_t session, store_session *out,
                       char *err, size_t err_len);

/* The stored level text, malloc'd and NUL-terminated (caller frees). */
bool store_level_text(store *s, int64_t session, char **text, size_t *len,
                      char *err, size_t err_len);

/* The stored roles file of a session: *text is malloc'd and NUL-terminated
 * (caller frees) and name gets its file name; *text stays NULL (and true is
 * returned) when the session has none (recorded without, or by schema 1). */
bool store_roles_text(store *s, int64_t session, char name[STORE_ROLES_NAME_LEN], char **text,
                      size_t *len, char *err, size_t err_len);

/* Rebuilds a session's scenario from the journaled texts only (level and,
 * when journaled, its roles file); no file at the level's path is read
 * (a session without journaled roles reads the bundled roles file, as
 * before). sc is caller-allocated (large); diags gets the loader's
 * messages (may be NULL). false with a message in err. */
bool store_session_scenario(store *s, int64_t session, core_scenario *sc, lvl_diags *diags,
                            char *err, size_t err_len);

/* Loads a level from texts: level_text as if it were the file level_path and,
 * when roles is not NULL, roles->text as the roles file roles->name next to
 * it. Used by store_session_scenario, and by the host to check that the
 * texts it journals rebuild the game it plays. */
bool store_load_level_texts(const char *level_path, const char *level_text, size_t level_len,
                            const store_roles *roles, core_scenario *sc, lvl_diags *diags,
                            char *err, size_t err_len);

/* The journal in order: *actions is a malloc'd array of *n actions (caller
 * frees; NULL when empty) and, when seqs is not NULL, *seqs the matching
 * sequence numbers. Rows that cannot be valid actions (a damaged database)
 * make it fail with the seq of the first bad row. */
bool store_load_actions(store *s, int64_t session, core_action **actions,
                        uint64_t **seqs, size_t *n, char *err, size_t err_len);

/* When each journaled action was accepted (Unix seconds), in journal
 * order: *at is a malloc'd array of *n values (caller frees; NULL when
 * empty). For the report's timeline; resume does not need it. */
bool store_load_action_times(store *s, int64_t session, int64_t **at, size_t *n,
                             char *err, size_t err_len);

/* Whether a session can be resumed by this build: true when it was played
 * with the rules this build plays (STORE_RULES_VERSION). Otherwise false
 * with a Dutch message for the trainer in err: the session can still be
 * viewed (`samenspel report`) but not played on, since its journal would
 * not replay to the same game under other rules. */
bool store_session_resumable(const store_session *ses, char *err, size_t err_len);

/* Id of the newest unfinished session / the newest session played to an
 * end (won or lost; one stopped early by a restart does not count), 0 when
 * there is none, -1 on a database error. */
int64_t store_last_unfinished(store *s, char *err, size_t err_len);
int64_t store_last_finished(store *s, char *err, size_t err_len);

/* ------------------------------------------------- host journal adapter
 * The callbacks below have exactly the signatures of host_journal_ops
 * (src/host/host.h), so the host can journal without depending on SQLite:
 *
 *     store_journal j; store_journal_init(&j, db, session_id);
 *     host_journal_ops ops = { &j, store_journal_append,
 *                              store_journal_seat_changed, store_journal_finished, NULL };
 *
 * (no close: j and db stay the caller's; close them after host_destroy).
 * Errors are kept in j.err (append refuses the action, so the host logs it
 * and the game does not advance past what is on disk). */
typedef struct {
    store *db;
    int64_t session;
    bool failed;                    /* the last call failed */
    char err[STORE_ERR_LEN];
} store_journal;

void store_journal_init(store_journal *j, store *db, int64_t session);
bool store_journal_append(void *ctx, uint64_t seq, const core_action *a);
void store_journal_seat_changed(void *ctx, int seat, const char *name,
                                const uint8_t token[STORE_TOKEN_LEN], bool bot);
void store_journal_finished(void *ctx, const core_state *st);

#endif
