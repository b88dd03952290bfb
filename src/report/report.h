/*
 * report: the debrief evidence of one stored session, exported for the
 * trainer (a self-contained HTML page that prints on A4) and for research
 * (CSV that Gephi, R/igraph and spreadsheets read as they are).
 *
 * The session is rebuilt, not trusted: the stored level text is loaded with
 * lvl_load_buffer and the journal is replayed through core_init/core_apply,
 * which gives every event with its round and phase and the final measures.
 * The final state hash is compared with the one stored at the end of the
 * game; a mismatch is reported in the page, not hidden.
 *
 * Files written into the output folder (replaced when they exist):
 *   report.html  scenario, outcome, timeline, network (inline SVG), the four
 *                measures per round, samenwerkingsniveau, frictions and
 *                boundary experiences, reflections, reflection-fan cards
 *   events.csv   one row per accepted action and per event
 *   edges.csv    Source,Target,Weight,Round,Type (one row per pair and round)
 *   nodes.csv    Id,Label,Role (the seats, for Gephi's node table)
 *   rounds.csv   per round: level, overleg time used and budget, trust, the
 *                pupil heard, consent asked/given/refused, sharing without
 *                consent, the reflection answers per option, reflective,
 *                verbeteracties checked (rules v2)
 *   afspraken.csv every afspraak made: spanning, round, words, who agreed,
 *                the round it became a grenservaring
 * With anonymize, every player name (also inside typed text) becomes the
 * seat's role.
 *
 * Text is in the language of plat_i18n_lang() (Dutch unless --lang en).
 * No SDL.
 */
#ifndef SAMENSPEL_REPORT_H
#define SAMENSPEL_REPORT_H

#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define REPORT_ERR_LEN 512

/* Writes the files of session `session` into dir (created when
 * missing). Returns false with a message a person can act on. */
bool report_export(store *db, int64_t session, const char *dir, bool anonymize,
                   char *err, size_t err_len);

/* Same, opening the database itself: for the projector's debrief button,
 * which has the host's --db option (empty = the default database) and
 * host_journal_session(), not the host's store handle. A second connection
 * to the same file is fine (WAL: it reads while the host writes). */
bool report_export_db(const char *db_path, int64_t session, const char *dir, bool anonymize,
                      char *err, size_t err_len);

/* Writes text as dir/name (dir created when missing) through a temporary
 * file and a rename, as the report's own files are written: for other
 * printable pages built with the report's HTML layer (samenspel handout).
 * Returns false with a message a person can act on. */
bool report_write_page(const char *dir, const char *name, const char *text, size_t len,
                       char *err, size_t err_len);

/* Where the projector's export button puts a session's report:
 * $XDG_DATA_HOME/samenspel/verslagen/sessie-<id> (not created here). */
bool report_default_dir(int64_t session, char *out, size_t len, char *err, size_t err_len);

#endif
