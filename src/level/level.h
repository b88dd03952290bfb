/*
 * level: trainer-written scenario files (a strict subset of YAML, parsed
 * with libyaml) -> a validated core_scenario. Every value keeps its
 * file:line:col so that errors found after parsing point at the right
 * place. The diagnostics are shared by `samenspel check` and the host.
 *
 * Ownership: lvl_diags owns its messages (fixed-size, no heap); the caller
 * owns the core_scenario it passes in (it is large: allocate it on the heap).
 */
#ifndef SAMENSPEL_LEVEL_H
#define SAMENSPEL_LEVEL_H

#include "core/core.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LVL_MAX_DIAGS 64
#define LVL_MSG_LEN 320
#define LVL_PATH_LEN 512

typedef enum { LVL_ERROR = 0, LVL_WARNING } lvl_severity;

typedef struct {
    lvl_severity severity;
    char file[LVL_PATH_LEN];
    int line, col;               /* 1-based; 0 when the whole file is meant */
    char message[LVL_MSG_LEN];   /* translated by gettext (plat_i18n_init) */
    char hint[LVL_MSG_LEN];      /* "bedoelde je ‘ouder’?", may be empty */
    char source_line[LVL_MSG_LEN]; /* the offending line, for the caret display */
} lvl_diag;

typedef struct {
    lvl_diag items[LVL_MAX_DIAGS];
    int n;
    int n_errors, n_warnings;
    int n_dropped;               /* beyond LVL_MAX_DIAGS */
    bool unreadable;             /* file missing or not readable: exit 2 in check */
} lvl_diags;

/* Loads a level file (and the roles file it uses: levels/rollen.yaml next to
 * it or in the data dir, unless the level defines every role itself).
 * Returns true when the scenario is usable (no errors; warnings allowed). */
bool lvl_load_file(const char *path, core_scenario *out, lvl_diags *diags);

/* How a level is read, for the tools. */
typedef struct {
    bool advise;        /* also the authoring advice of `samenspel check` (warnings: the
                         * pupil's voice, consent, afspraken; levels/README.md) */
    bool reverse_seats; /* read `rollen` back to front: the same level with its roles
                         * listed the other way (simulate --rollen-omgekeerd) */
} lvl_load_opts;

/* lvl_load_file with options (opts may be NULL). */
bool lvl_load_file_opts(const char *path, core_scenario *out, lvl_diags *diags, const lvl_load_opts *opts);

/* Same, from memory (for fuzzing and tests); `name` is used in diagnostics. */
bool lvl_load_buffer(const char *name, const char *data, size_t len,
                     core_scenario *out, lvl_diags *diags);

/* The roles file a level read. */
typedef struct {
    char path[LVL_PATH_LEN];  /* as read; empty when none was read */
    char name[LVL_PATH_LEN];  /* as the level names it: its `rolbestand`, else rollen.yaml */
} lvl_roles_source;

/* lvl_load_file that also says which roles file it read (for the journal,
 * which keeps that text with the level's). */
bool lvl_load_file_roles(const char *path, core_scenario *out, lvl_diags *diags,
                         lvl_roles_source *roles);

/* lvl_load_buffer with the roles file given as text too, used instead of
 * any file (a journaled game is rebuilt from its texts only). roles_name is
 * shown in diagnostics. roles_text NULL: the bundled roles file, as
 * lvl_load_buffer. */
bool lvl_load_buffer_roles(const char *name, const char *data, size_t len, const char *roles_name,
                           const char *roles_text, size_t roles_len, core_scenario *out,
                           lvl_diags *diags);

/* Prints diagnostics compiler-style: `file:line:col: fout: message`, the
 * source line with a caret, and `= hulp: ...`. gcc_format prints
 * `error:`/`warning:` for editors' problem matchers. */
void lvl_diags_print(const lvl_diags *d, bool gcc_format, void *stdio_file);

/* Like lvl_load_file, but also accepts a roles file (levels/rollen.yaml):
 * then it only validates it, sets *was_roles_file and returns whether it
 * has no errors (out is left zeroed). A level also gets the authoring
 * advice (lvl_load_opts.advise). For `samenspel check`. */
bool lvl_check_file(const char *path, core_scenario *out, lvl_diags *diags, bool *was_roles_file);

/* Play-tests a loaded level with core's bots (every kind, `games` each)
 * and adds warnings to diags when it is nearly unwinnable, trivial, when
 * solo play does about as well as team play, when solo play reaches
 * `verbindend`, or when no kind of bots ever reaches a need. The figures go
 * to `report` (may be NULL). */
typedef enum { LVL_BOTS_SOLO = 0, LVL_BOTS_CHECKLIST, LVL_BOTS_TEAM, LVL_BOTS_MIXED, LVL_BOTS_COUNT } lvl_bots;

typedef struct {
    int games;                          /* per kind of bots */
    double team_win, solo_win;          /* 0..1 */
    int team_levels[CORE_LEVEL_COUNT], solo_levels[CORE_LEVEL_COUNT];
    double win[LVL_BOTS_COUNT];         /* 0..1, per kind (lvl_bots) */
    int levels[LVL_BOTS_COUNT][CORE_LEVEL_COUNT];
    uint32_t unreached_needs;           /* bit n: no kind of bots reached need n in any game */
} lvl_playtest_report;

/* The kind's name as `samenspel simulate --bots` takes it ("solo", ...). */
const char *lvl_bots_key(lvl_bots kind);

#define LVL_PLAYTEST_MIN_TEAM_WIN 0.20  /* below: nearly unwinnable */
#define LVL_PLAYTEST_MAX_SOLO_WIN 0.90  /* above: trivial */
#define LVL_PLAYTEST_MIN_GAP 0.30       /* team must beat solo by this much */

void lvl_playtest(const core_scenario *sc, const char *file, int games, uint64_t seed,
                  lvl_diags *diags, lvl_playtest_report *report);

/* The bundled default level (gentlest, four core roles) as a path in the
 * data dir. */
bool lvl_default_path(char *out, size_t len);

#endif
