/* report: exports one stored session (see report.h): loads it, replays it
 * (report_model.c) and writes the files (report_csv.c, report_html.c). */
#include "report/report.h"

#include "report/report_int.h"

#include "level/level.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes through a temporary file and a rename, so that a reader never
 * sees half a report and an old report is replaced whole or not at all. */
static bool write_file(const char *dir, const char *name, const rpt_buf *b, char *err, size_t err_len)
{
    char path[PLAT_PATH_MAX], tmp[PLAT_PATH_MAX + 8];
    int n = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        rpt_set_err(err, err_len, _("Het pad van de uitvoermap is te lang: %s"), dir);
        return false;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        rpt_set_err(err, err_len, _("Kan %s niet schrijven: %s"), tmp, strerror(errno));
        return false;
    }
    bool ok = b->n == 0 || fwrite(b->p, 1, b->n, f) == b->n;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        rpt_set_err(err, err_len, _("Kan %s niet schrijven: %s"), path, strerror(errno));
        remove(tmp);
        return false;
    }
    return true;
}

bool report_write_page(const char *dir, const char *name, const char *text, size_t len,
                       char *err, size_t err_len)
{
    if (!plat_mkdirs(dir, 0755)) {
        rpt_set_err(err, err_len, _("Kan de uitvoermap %s niet aanmaken."), dir);
        return false;
    }
    const rpt_buf b = {.p = (char *)text, .n = len, .cap = len, .failed = false};
    return write_file(dir, name, &b, err, err_len);
}

/* The files of a report, in the order they are written. */
static const struct {
    const char *name;
    void (*build)(rpt_model *m, rpt_buf *b);
} outputs[] = {
    {"events.csv", rpt_build_events_csv},
    {"edges.csv", rpt_build_edges_csv},
    {"nodes.csv", rpt_build_nodes_csv},
    {"rounds.csv", rpt_build_rounds_csv},
    {"afspraken.csv", rpt_build_afspraken_csv},
    {"report.html", rpt_build_html},
};

bool report_default_dir(int64_t session, char *out, size_t len, char *err, size_t err_len)
{
    char base[PLAT_PATH_MAX];
    if (!plat_user_data_dir(base, sizeof base)) {
        rpt_set_err(err, err_len, _("Kan de gegevensmap niet vinden; kies een map met --out."));
        return false;
    }
    int n = snprintf(out, len, "%s/verslagen/sessie-%lld", base, (long long)session);
    if (n < 0 || (size_t)n >= len) {
        rpt_set_err(err, err_len, _("Het pad van de uitvoermap is te lang: %s"), base);
        return false;
    }
    return true;
}

bool report_export(store *db, int64_t session, const char *dir, bool anonymize,
                   char *err, size_t err_len)
{
    if (!db || !dir || !dir[0]) {
        rpt_set_err(err, err_len, _("Geen database of uitvoermap opgegeven."));
        return false;
    }
    bool ok = false;
    rpt_model *m = calloc(1, sizeof *m);
    core_scenario *sc = calloc(1, sizeof *sc);
    core_state *st = calloc(1, sizeof *st);
    lvl_diags *diags = calloc(1, sizeof *diags);
    core_action *acts = NULL;
    uint64_t *seqs = NULL;
    int64_t *times = NULL;
    size_t n_acts = 0, n_times = 0;
    rpt_buf out = {0};
    if (!m || !sc || !st || !diags) {
        rpt_set_err(err, err_len, _("Onvoldoende geheugen."));
        goto done;
    }
    m->sc = sc;
    m->st = st;
    m->anonymize = anonymize;
    m->en = strcmp(plat_i18n_lang(), "en") == 0;
    if (!store_session_get(db, session, &m->sess, err, err_len) ||
        !store_load_actions(db, session, &acts, &seqs, &n_acts, err, err_len) ||
        !store_load_action_times(db, session, &times, &n_times, err, err_len))
        goto done;
    /* the game as it was played: the journaled level and roles texts, not
     * the files as they are today */
    char serr[512];
    if (!store_session_scenario(db, session, sc, diags, serr, sizeof serr)) {
        rpt_set_err(err, err_len, _("Het bewaarde level van sessie %lld kan niet meer gelezen worden: %s"),
                (long long)session, serr);
        goto done;
    }
    /* Times are a courtesy: a count that does not match (rows added in
     * between) just leaves them out. */
    if (!rpt_replay(m, acts, seqs, n_times == n_acts ? times : NULL, n_acts, err, err_len))
        goto done;
    rpt_make_labels(m);
    if (!plat_mkdirs(dir, 0755)) {
        rpt_set_err(err, err_len, _("Kan de uitvoermap %s niet aanmaken."), dir);
        goto done;
    }
    for (size_t i = 0; i < sizeof outputs / sizeof outputs[0]; i++) {
        out.n = 0;
        outputs[i].build(m, &out);
        if (out.failed || !write_file(dir, outputs[i].name, &out, err, err_len))
            goto memfail;
    }
    ok = true;
    goto done;
memfail:
    if (out.failed)
        rpt_set_err(err, err_len, _("Onvoldoende geheugen."));
done:
    free(out.p);
    if (m)
        free(m->rows);
    free(m);
    free(sc);
    free(st);
    free(diags);
    free(acts);
    free(seqs);
    free(times);
    return ok;
}

bool report_export_db(const char *db_path, int64_t session, const char *dir, bool anonymize,
                      char *err, size_t err_len)
{
    char path[STORE_PATH_LEN];
    if (!db_path || !db_path[0]) {
        if (!store_default_path(path, sizeof path, err, err_len))
            return false;
        db_path = path;
    }
    store *db = store_open(db_path, false, err, err_len);
    if (!db)
        return false;
    bool ok = report_export(db, session, dir, anonymize, err, err_len);
    store_close(db);
    return ok;
}
