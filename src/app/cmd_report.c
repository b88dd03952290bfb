/* samenspel report: export the debrief of a stored session (HTML + CSV), or
 * list the archive. */
#include "app/app.h"

/* Built only with the report layer (src/app/CMakeLists.txt). */
#include "platform/args.h"
#include "platform/i18n.h"
#include "platform/plat.h"
#include "report/report.h"
#include "store/store.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(FILE *out)
{
    fprintf(out, _("Gebruik: samenspel report [SESSIE] [--out MAP] [--anonymize] [--db BESTAND]\n"
                   "       samenspel report --list [--db BESTAND]\n\n"
                   "Schrijft het verslag van een gespeelde sessie: report.html (één bestand,\n"
                   "print op A4), events.csv, edges.csv en nodes.csv (voor Gephi, R of een rekenblad).\n\n"
                   "  SESSIE          nummer van de sessie (standaard: de laatst afgelopen)\n"
                   "  --out MAP       uitvoermap (standaard: samenspel-verslag-SESSIE)\n"
                   "  --anonymize     namen vervangen door rollen, overal\n"
                   "  --db BESTAND    database (standaard: ~/.local/share/samenspel/samenspel.db)\n"
                   "  --list          de bewaarde sessies tonen\n"
                   "  --lang en       in het Engels\n"));
}

static const char *level_text(core_collab_level l)
{
    return (unsigned)l < CORE_LEVEL_COUNT ? _(core_level_name(l)) : "?";
}

static int list_sessions(store *db, bool anonymize)
{
    char err[STORE_ERR_LEN];
    store_session *list = NULL;
    int n = store_list(db, &list, err, sizeof err);
    if (n < 0) {
        fprintf(stderr, "samenspel report: %s\n", err);
        return 1;
    }
    if (n == 0) {
        printf(_("Nog geen sessies in %s.\n"), store_path(db));
        free(list);
        return 0;
    }
    printf("%-6s %-16s %-12s %-14s %-8s %s\n", _("sessie"), _("datum"), _("status"), _("niveau"),
           _("acties"), _("casus en spelers"));
    for (int i = 0; i < n; i++) {
        const store_session *s = &list[i];
        char when[32] = "";
        time_t t = (time_t)s->created_at;
        struct tm tmv;
        if (localtime_r(&t, &tmv))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tmv);
        const char *status = !s->finished ? _("bezig")
                           : s->outcome == CORE_OUTCOME_WON ? _("gewonnen")
                           : s->outcome == CORE_OUTCOME_LOST ? _("verloren") : _("gestopt");
        printf("%-6lld %-16s %-12s %-14s %-8lld %s", (long long)s->id, when, status,
               s->finished ? level_text(s->collab_level) : "-", (long long)s->n_actions,
               s->level_title[0] ? s->level_title : s->level_path);
        const char *sep = ": ";
        for (int k = 0; k < s->n_seats; k++) {
            const store_seat *x = &s->seats[k];
            if (!x->taken)
                continue;
            printf("%s%s", sep, (anonymize || !x->name[0]) ? x->role_id : x->name);
            sep = ", ";
        }
        printf("\n");
    }
    free(list);
    return 0;
}

/* The newest session of any kind (0 when none or on an error). */
static int64_t newest_session(store *db)
{
    char err[STORE_ERR_LEN];
    store_session *list = NULL;
    int n = store_list(db, &list, err, sizeof err);
    int64_t id = n > 0 ? list[0].id : 0; /* newest first */
    free(list);
    return id;
}

/* SESSIE: a session number, given once. */
static int session_operand(void *ctx, const char *a, char *err, size_t err_len)
{
    int64_t *session = ctx;
    long v;
    if (*session || !plat_arg_int(a, 1, LONG_MAX, &v)) {
        snprintf(err, err_len, _("'%s' is geen sessienummer; 'samenspel report --list' toont ze"), a);
        return -1;
    }
    *session = v;
    return 0;
}

int cmd_report(int argc, char **argv)
{
    char out_dir[PLAT_PATH_MAX] = "", db_path[STORE_PATH_LEN] = "", err[STORE_ERR_LEN];
    bool anonymize = false, list = false;
    int64_t session = 0;
    const plat_opt opts[] = {
        {"--out", PLAT_OPT_TEXT, out_dir, sizeof out_dir, 1, 0, NULL, N_("%s: pad te lang")},
        {"-o", PLAT_OPT_TEXT, out_dir, sizeof out_dir, 1, 0, NULL, N_("%s: pad te lang")},
        {"--db", PLAT_OPT_TEXT, db_path, sizeof db_path, 1, 0, NULL, N_("%s: pad te lang")},
        {"--anonymize", PLAT_OPT_FLAG, &anonymize, 0, 0, 0, NULL, NULL},
        {"--anoniem", PLAT_OPT_FLAG, &anonymize, 0, 0, 0, NULL, NULL},
        {"--list", PLAT_OPT_FLAG, &list, 0, 0, 0, NULL, NULL},
    };
    int status;
    if (!app_options("report", usage, opts, sizeof opts / sizeof opts[0], argc, argv, session_operand, &session, &status))
        return status;

    if (!db_path[0] && !store_default_path(db_path, sizeof db_path, err, sizeof err)) {
        fprintf(stderr, "samenspel report: %s\n", err);
        return 1;
    }
    store *db = store_open(db_path, false, err, sizeof err);
    if (!db) {
        fprintf(stderr, "samenspel report: %s\n", err);
        return 1;
    }
    int rc = 0;
    if (list) {
        rc = list_sessions(db, anonymize);
        store_close(db);
        return rc;
    }
    if (!session) {
        session = store_last_finished(db, err, sizeof err);
        if (session < 0) {
            fprintf(stderr, "samenspel report: %s\n", err);
            store_close(db);
            return 1;
        }
        if (session == 0) {
            /* No game was played to an end. A session stopped early (the
             * trainer restarted) or still running can be reported when
             * asked for by number; name the newest so that is one step. */
            int64_t open = store_last_unfinished(db, err, sizeof err);
            int64_t stopped = open > 0 ? 0 : newest_session(db);
            if (open > 0)
                fprintf(stderr, _("samenspel report: er is nog geen afgelopen sessie in %s. "
                                  "Sessie %lld loopt nog: 'samenspel report %lld' maakt er een verslag van.\n"),
                        db_path, (long long)open, (long long)open);
            else if (stopped > 0)
                fprintf(stderr, _("samenspel report: er is nog geen uitgespeelde sessie in %s. "
                                  "Sessie %lld werd gestopt voor het einde: 'samenspel report %lld' maakt er "
                                  "toch een verslag van.\n"),
                        db_path, (long long)stopped, (long long)stopped);
            else
                fprintf(stderr, _("samenspel report: er zijn nog geen sessies in %s.\n"), db_path);
            store_close(db);
            return 1;
        }
    }
    if (!out_dir[0])
        snprintf(out_dir, sizeof out_dir, "samenspel-verslag-%lld", (long long)session);
    if (!report_export(db, session, out_dir, anonymize, err, sizeof err)) {
        fprintf(stderr, "samenspel report: %s\n", err);
        rc = 1;
    } else {
        printf(_("Verslag van sessie %lld geschreven in %s: report.html, events.csv, edges.csv, nodes.csv\n"),
               (long long)session, out_dir);
    }
    store_close(db);
    return rc;
}
