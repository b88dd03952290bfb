/*
 * host_level: the level of a session while it is in the lobby: a restart
 * back to the lobby, loading another level, and hot reload (--watch) of the
 * level file, which waits for the restart when a game is running.
 */
#include "host/host_int.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ hot reload */

static bool apply_scenario(host *h, const core_scenario *ns, char *err, size_t err_len);

/* The trainer fixing a level in an editor needs to see which errors keep
 * it from loading, not only how many: one log line per error (at most
 * five, then how many more), in the words of `samenspel check`. */
static void log_reload_errors(host *h, const char *rules_err)
{
    const lvl_diags *d = &h->reload_diags;
    int n = d->n_errors + (rules_err[0] ? 1 : 0);
    host_logf(h, ngettext("casus niet opnieuw geladen: %d fout", "casus niet opnieuw geladen: %d fouten", (unsigned long)n), n);
    int shown = 0;
    for (int i = 0; i < d->n && shown < 5; i++) {
        const lvl_diag *g = &d->items[i];
        if (g->severity != LVL_ERROR)
            continue;
        if (g->line > 0)
            host_logf(h, _("  regel %d, kolom %d: %s"), g->line, g->col > 0 ? g->col : 1, g->message);
        else
            host_logf(h, "  %s", g->message);
        shown++;
    }
    if (rules_err[0] && shown < 5) {
        host_logf(h, "  %s", rules_err);
        shown++;
    }
    if (n > shown)
        host_logf(h, _("  ... en nog %d; `samenspel check` toont ze allemaal"), n - shown);
}

void host_watch_level(host *h, uint64_t now)
{
    if (!h->watching || now - h->watch_ms < HOST_WATCH_MS / 5)
        return;
    h->watch_ms = now;
    if (!h->watch_sc && !(h->watch_sc = calloc(1, sizeof *h->watch_sc)))
        return;
    memset(&h->reload_diags, 0, sizeof h->reload_diags);
    lvl_watch_result r = lvl_watch_poll(&h->watch, now, h->watch_sc, &h->reload_diags);
    if (r == LVL_WATCH_UNCHANGED)
        return;
    char err[256] = "";
    if (r == LVL_WATCH_FAILED || !core_scenario_validate_tr(h->watch_sc, plat_tr, err, sizeof err)) {
        h->reload = HOST_RELOAD_FAILED;
        log_reload_errors(h, err);
        return;
    }
    if (h->st.phase != CORE_PHASE_LOBBY) {
        h->reload = HOST_RELOAD_DEFERRED;
        h->reload_pending = true;
        host_logf(h, "%s", _("casus gewijzigd; de nieuwe versie geldt vanaf de volgende herstart"));
        return;
    }
    if (apply_scenario(h, h->watch_sc, err, sizeof err)) {
        h->reload = HOST_RELOAD_OK;
        host_logf(h, _("casus opnieuw geladen: ‘%s’"), h->sc->title);
    } else {
        h->reload = HOST_RELOAD_FAILED;
        host_logf(h, _("casus niet opnieuw geladen: %s"), err);
    }
}

/* ----------------------------------------------------------------- lobby */

bool host_restart(host *h, char *err, size_t err_len)
{
    uint64_t seed;
    net_random_bytes((uint8_t *)&seed, sizeof seed);
    if (h->opts.seed)
        seed = h->opts.seed;
    memset(h->improvements, 0, sizeof h->improvements);
    if (!core_init(&h->st, h->sc, seed, err, err_len))
        return false;
    h->seed = seed;
    h->finished_reported = false;
    h->pending.n = 0;
    h->view_dirty = h->lobby_dirty = true;
    host_logf(h, "%s", _("spel herstart (terug naar de lobby)"));
    if (h->reload_pending && h->watch_sc) {
        /* the level changed during the game: the new one starts now */
        h->reload_pending = false;
        char e2[256];
        if (apply_scenario(h, h->watch_sc, e2, sizeof e2)) {
            h->reload = HOST_RELOAD_OK;
            return true; /* apply_scenario welcomed everyone */
        }
        h->reload = HOST_RELOAD_FAILED;
        host_logf(h, _("casus niet opnieuw geladen: %s"), e2);
    }
    for (int i = 0; i < h->n_peers; i++)
        if (!h->peers[i].dead && h->peers[i].state != PEER_HANDSHAKE)
            host_send_welcome(h, i); /* the fact texts they may hold change */
    return true;
}

/* Replaces the level in the lobby: seats keep their tokens where the new
 * level still has them; everyone gets a new WELCOME (new scenario). */
static bool apply_scenario(host *h, const core_scenario *ns, char *err, size_t err_len)
{
    if (h->st.phase != CORE_PHASE_LOBBY) {
        snprintf(err, err_len, "%s", _("een andere casus laden kan alleen in de lobby"));
        return false;
    }
    if (!core_scenario_validate_tr(ns, plat_tr, err, err_len))
        return false;
    if (ns != h->sc)
        memcpy(h->sc, ns, sizeof *ns);
    memset(h->improvements, 0, sizeof h->improvements);
    if (!core_init(&h->st, h->sc, h->seed, err, err_len))
        return false;
    /* seats the new level no longer has are given back; their players
     * are told and may join again */
    for (int s = h->sc->n_seats; s < CORE_MAX_SEATS; s++) {
        if (h->seats[s].peer >= 0) {
            host_send_bye(h, h->seats[s].peer, PROTO_REJ_REPLACED, "seat removed by a new level");
        }
        memset(&h->seats[s], 0, sizeof h->seats[s]);
        h->seats[s].peer = -1;
    }
    h->pending.n = 0;
    h->view_dirty = h->lobby_dirty = true;
    for (int i = 0; i < h->n_peers; i++)
        if (!h->peers[i].dead && h->peers[i].state != PEER_HANDSHAKE)
            host_send_welcome(h, i);
    host_logf(h, _("casus geladen: ‘%s’"), h->sc->title);
    return true;
}

bool host_load_level(host *h, const char *path, lvl_diags *diags, char *err, size_t err_len)
{
    if (h->st.phase != CORE_PHASE_LOBBY) {
        snprintf(err, err_len, "%s", _("een andere casus laden kan alleen in de lobby"));
        return false;
    }
    core_scenario *ns = calloc(1, sizeof *ns);
    lvl_diags *local = diags ? NULL : calloc(1, sizeof *local);
    lvl_diags *d = diags ? diags : local;
    if (!ns || !d) {
        free(ns);
        free(local);
        snprintf(err, err_len, "%s", _("geen geheugen"));
        return false;
    }
    memset(d, 0, sizeof *d);
    bool ok = lvl_load_file(path, ns, d);
    if (!ok)
        snprintf(err, err_len, _("casus %s heeft fouten (samenspel check %s toont ze)"), path, path);
    else
        ok = apply_scenario(h, ns, err, err_len);
    free(ns);
    free(local);
    if (!ok)
        return false;
    if (path != h->opts.level_path)
        snprintf(h->opts.level_path, sizeof h->opts.level_path, "%s", path);
    if (h->watching)
        lvl_watch_init(&h->watch, h->opts.level_path);
    return true;
}

host_reload_status host_reload_status_get(const host *h, const lvl_diags **diags)
{
    if (diags)
        *diags = &h->reload_diags;
    return h->reload;
}
