/* Hot reload by polling; see watch.h for why polling and why the settle time. */
#include "level/watch.h"

#include "platform/plat.h"

#include <string.h>

void lvl_watch_init(lvl_watch *w, const char *path)
{
    memset(w, 0, sizeof *w);
    size_t n = strlen(path);
    if (n >= sizeof w->path)
        n = sizeof w->path - 1;
    memcpy(w->path, path, n);
    w->path[n] = '\0';
    if (!plat_file_stat(w->path, &w->mtime_ns, &w->size)) {
        w->mtime_ns = -1;
        w->size = -1;
    }
}

lvl_watch_result lvl_watch_poll(lvl_watch *w, uint64_t now_ms, core_scenario *out, lvl_diags *diags)
{
    int64_t mt, sz;
    if (!plat_file_stat(w->path, &mt, &sz))
        return LVL_WATCH_UNCHANGED; /* between unlink and rename: look again later */
    if (mt == w->mtime_ns && sz == w->size) {
        w->pending = false;
        return LVL_WATCH_UNCHANGED;
    }
    if (!w->pending || mt != w->pend_mtime_ns || sz != w->pend_size) {
        w->pending = true;
        w->pend_mtime_ns = mt;
        w->pend_size = sz;
        w->pend_since_ms = now_ms;
        return LVL_WATCH_UNCHANGED;
    }
    if (now_ms - w->pend_since_ms < LVL_WATCH_SETTLE_MS)
        return LVL_WATCH_UNCHANGED;
    w->pending = false;
    w->mtime_ns = mt;
    w->size = sz;
    return lvl_load_file(w->path, out, diags) ? LVL_WATCH_RELOADED : LVL_WATCH_FAILED;
}
