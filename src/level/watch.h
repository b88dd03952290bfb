/*
 * watch: hot reload of a level file for `samenspel host LEVEL --watch`.
 * Polls the path's modification time and size (editors save by writing a
 * new file and renaming it, so the path is stat'ed afresh each time, never
 * an open descriptor) and re-reads only once the file has stayed the same
 * for a short settle time, so a half-written file is not loaded.
 *
 * Ownership: the caller owns the lvl_watch, the scenario and the diags.
 */
#ifndef SAMENSPEL_LEVEL_WATCH_H
#define SAMENSPEL_LEVEL_WATCH_H

#include "level/level.h"

#include <stdint.h>

#define LVL_WATCH_SETTLE_MS 250

typedef enum {
    LVL_WATCH_UNCHANGED = 0, /* nothing to do */
    LVL_WATCH_RELOADED,      /* `out` holds the new scenario (diags may hold warnings) */
    LVL_WATCH_FAILED         /* the new file has errors: keep the last good level, show diags */
} lvl_watch_result;

typedef struct {
    char path[LVL_PATH_LEN];
    int64_t mtime_ns, size;      /* of the version last loaded (or seen at init) */
    bool pending;                /* a change seen, waiting for it to settle */
    int64_t pend_mtime_ns, pend_size;
    uint64_t pend_since_ms;
} lvl_watch;

/* Remembers the file's current state: the level the host has just loaded. */
void lvl_watch_init(lvl_watch *w, const char *path);

/* Call from the lobby loop (a few times a second). now_ms is a monotonic
 * clock (plat_now_ms). On LVL_WATCH_RELOADED the new scenario is in *out;
 * on LVL_WATCH_FAILED *out is unspecified: load into a scratch scenario and
 * swap only on success. A missing file (mid-rename) counts as unchanged. */
lvl_watch_result lvl_watch_poll(lvl_watch *w, uint64_t now_ms, core_scenario *out, lvl_diags *diags);

#endif
