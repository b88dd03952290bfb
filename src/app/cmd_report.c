/* samenspel report: export the debrief of a stored session (HTML + CSV), or
 * list the archive. */
#include "app/app.h"

/* Built only with the report layer (src/app/CMakeLists.txt). */
#include "platform/i18n.h"
#include "platform/plat.h"
#include "report/report.h"
#include "store/store.h"

#include <errno.h>
#include <inttypes.h>
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

int cmd_report(int argc, char **argv)
{
    const char *out_dir = NULL, *db_path = NULL;
    bool anonymize = false, list = false;
    int64_t session = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int taken;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if ((taken = app_out_dir_arg("report", argc, argv, &i, &out_dir)) != 0) {
            if (taken < 0)
                return 2;
        } else if (strcmp(a, "--db") == 0) {
            if (i + 1 >= argc || !argv[i + 1][0]) {
                fprintf(stderr, _("samenspel report: --db heeft een bestand nodig.\n"));
                return 2;
            }
            db_path = argv[++i];
        } else if (strncmp(a, "--db=", 5) == 0) {
            db_path = a + 5;
        } else if (strcmp(a, "--anonymize") == 0 || strcmp(a, "--anoniem") == 0) {
            anonymize = true;
        } else if (strcmp(a, "--list") == 0) {
            list = true;
        } else if (a[0] == '-') {
            fprintf(stderr, _("samenspel report: onbekende optie '%s'.\n"), a);
            return app_try_help("report");
        } else {
            char *end = NULL;
            errno = 0;
            long long v = strtoll(a, &end, 10);
            if (errno || !end || *end || v <= 0 || session) {
                fprintf(stderr, _("samenspel report: '%s' is geen sessienummer; "
                                  "'samenspel report --list' toont ze.\n"), a);
                return 2;
            }
            session = v;
        }
    }

    char path[STORE_PATH_LEN], err[STORE_ERR_LEN];
    if (!db_path) {
        if (!store_default_path(path, sizeof path, err, sizeof err)) {
            fprintf(stderr, "samenspel report: %s\n", err);
            return 1;
        }
        db_path = path;
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
    char dir[PLAT_PATH_MAX];
    if (!out_dir) {
        snprintf(dir, sizeof dir, "samenspel-verslag-%lld", (long long)session);
        out_dir = dir;
    }
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
