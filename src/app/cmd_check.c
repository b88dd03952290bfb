/*
 * samenspel check FILE...: validates trainer-written levels (and roles
 * files) and prints compiler-style diagnostics, then play-tests each valid
 * level with the bots. Exit 0 valid (warnings allowed), 1 errors, 2 a file
 * could not be read.
 */
#include "app/app.h"
#include "app/check_fit.h"

#include "level/level.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs(_("gebruik: samenspel check [--format=gcc] [--geen-speltest] [--spellen N] [--scherm] BESTAND...\n"
            "  controleert casussen (en rollenbestanden) en speelt elke casus met bots;\n"
            "  --scherm waarschuwt ook waar de schermen tekst van de casus afkappen bij 1280x720;\n"
            "  --format=gcc drukt elke melding af op één regel: bestand:regel:kolom: error|warning: tekst.\n"
            "  afsluitcode: 0 in orde, 1 fouten (of de casus is niet te winnen), 2 een bestand kon niet gelezen worden\n"),
          f);
}

int cmd_check(int argc, char **argv)
{
    bool gcc = false, playtest = true, screens = false;
    int games = 200;
    int first_file = -1, n_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--format=gcc") == 0) {
            gcc = true;
        } else if (strcmp(a, "--format=mens") == 0 || strcmp(a, "--format=human") == 0) {
            gcc = false;
        } else if (strcmp(a, "--scherm") == 0 || strcmp(a, "--screens") == 0) {
            screens = true;
        } else if (strcmp(a, "--geen-speltest") == 0 || strcmp(a, "--no-playtest") == 0) {
            playtest = false;
        } else if (strcmp(a, "--spellen") == 0 || strcmp(a, "--games") == 0) {
            char *end = NULL;
            long v = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : 0;
            if (i + 1 >= argc || !end || *end || v < 1 || v > 100000) {
                fprintf(stderr, _("samenspel check: %s vraagt een getal van 1 tot 100000\n"), a);
                return 2;
            }
            games = (int)v;
            i++;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "--hulp") == 0) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, _("samenspel check: onbekende optie ‘%s’\n"), a);
            usage(stderr);
            return 2;
        } else {
            if (first_file < 0)
                first_file = i;
            n_files++;
        }
    }
    if (n_files == 0) {
        usage(stderr);
        return 2;
    }
    app_level *lv = app_level_new("check");
    if (!lv)
        return 2;
    core_scenario *sc = &lv->sc;
    lvl_diags *d = &lv->diags;
    int status = 0;
    for (int i = first_file; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] == '-' && a[1]) {
            if (strcmp(a, "--spellen") == 0 || strcmp(a, "--games") == 0)
                i++;
            continue;
        }
        bool roles = false;
        bool ok = lvl_check_file(a, sc, d, &roles);
        lvl_playtest_report rep;
        bool played = false;
        if (ok && !roles && screens)
            check_fit(sc, a, d); /* the screens' own verdict at 1280×720 */
        if (ok && !roles && playtest) {
            lvl_playtest(sc, a, games, 0x5a3e5be1ull, d, &rep);
            played = true;
        }
        lvl_diags_print(d, gcc, stdout);
        if (d->unreadable) {
            status = 2;
            continue;
        }
        if (d->n_errors > 0) {
            if (status < 1)
                status = 1;
            if (!gcc)
                printf(_("%s: %d fout(en), %d waarschuwing(en)\n"),
                       a, d->n_errors, d->n_warnings);
            continue;
        }
        if (gcc)
            continue;
        if (roles)
            printf(_("%s: rollenbestand in orde (%d waarschuwing(en))\n"),
                   a, d->n_warnings);
        else if (played)
            printf(_("%s: in orde, %d waarschuwing(en); %d spellen per soort bots, gewonnen: solo %.0f%%, "
                     "checklist %.0f%%, team %.0f%%, gemengd %.0f%%; solo haalde %d keer verbindend\n"),
                   a, d->n_warnings, rep.games, rep.win[LVL_BOTS_SOLO] * 100.0, rep.win[LVL_BOTS_CHECKLIST] * 100.0,
                   rep.win[LVL_BOTS_TEAM] * 100.0, rep.win[LVL_BOTS_MIXED] * 100.0,
                   rep.solo_levels[CORE_LEVEL_VERBINDEND]);
        else
            printf(_("%s: in orde, %d waarschuwing(en) (niet gespeeld)\n"),
                   a, d->n_warnings);
    }
    free(lv);
    return status;
}
