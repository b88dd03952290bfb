/*
 * host_journal: the bridge between a host session and the SQLite store.
 *
 * It opens the database (--db FILE or $XDG_DATA_HOME/samenspel/samenspel.db),
 * records a new session (level text, roles file text, seed, room code,
 * seats) or, with --resume [ID], rebuilds the last unfinished (or the
 * chosen) session from its stored texts and journal, and creates the host with journal ops
 * that commit every accepted action to disk before the host applies it and
 * broadcasts its events. A file that is not a Samenspel database, a damaged
 * one or one from a newer version is refused with a message (the store never
 * writes to it).
 *
 * Ownership: the journal (the store handle and the session's texts) is the
 * host's, through host_journal_ops.close (host.h): host_destroy closes the
 * database after the host. host_journal(h) gives the ops; the functions
 * below find the bridge's state there.
 */
#ifndef SAMENSPEL_HOST_JOURNAL_H
#define SAMENSPEL_HOST_JOURNAL_H

#include "host/host.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Like host_create, with the journal. With o->resume the level in
 * o->level_path is ignored: the session's stored level text is replayed.
 * Returns NULL with a message a trainer can act on in err. */
host *host_create_journaled(const host_options *o, lvl_diags *diags, char *err, size_t err_len);

/* The same as host_destroy (which closes the journal), kept for the callers
 * that pair it with host_create_journaled. NULL is fine. */
void host_destroy_journaled(host *h);

/* host_load_level (lobby only) that also tells the journal, so the next
 * game is recorded with the new level's text. */
bool host_load_level_journaled(host *h, const char *path, lvl_diags *diags, char *err, size_t err_len);

/* The session id the host journals to (0 when the host is not journaled or
 * journaling was switched off). */
int64_t host_journal_session(const host *h);

/* The headless loop of `samenspel host --headless`, journaled. */
int host_run_headless_journaled(const host_options *o);

#endif
