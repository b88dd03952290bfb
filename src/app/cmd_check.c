/*
 * samenspel check FILE...: validates trainer-written levels (and roles
 * files) and prints compiler-style diagnostics, then play-tests each valid
 * level with the bots. Exit 0 valid (warnings allowed), 1 errors, 2 a file
 * could not be read.
 */
#include "app/app.h"
#include "app/check_fit.h"

#include "level/level.h"
#include "platform/args.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs(_("gebruik: samenspel check [--format=gcc] [--geen-speltest] [--spellen N] [--geen-scherm] BESTAND...\n"
            "  controleert casussen (en rollenbestanden), waarschuwt waar de schermen tekst van de casus\n"
            "  afkappen bij 1280x720, en speelt elke casus met bots;\n"
            "  --geen-scherm slaat de schermen over;\n"
            "  --format=gcc drukt elke melding af op één regel: bestand:regel:kolom: error|warning: tekst.\n"
            "  afsluitcode: 0 in orde, 1 fouten (of de casus is niet te winnen), 2 een bestand kon niet gelezen worden\n"),
          f);
}

/* The files to check, in the order given (list has room for every argv). */
typedef struct {
    const char **list;
    int n;
} file_list;

static int file_operand(void *ctx, const char *a, char *err, size_t err_len)
{
    (void)err;
    (void)err_len;
    file_list *files = ctx;
    files->list[files->n++] = a;
    return 0;
}

int cmd_check(int argc, char **argv)
{
    bool no_screens = false, no_playtest = false, screens_flag = false;
    int games = 200, format = 1;
    static const char *const formats[] = {"gcc", "mens", "human", NULL};
    const plat_opt opts[] = {
        {"--format", PLAT_OPT_CHOICE, &format, 0, 0, 0, formats, N_("--format %s: kies gcc of mens")},
        {"--geen-scherm", PLAT_OPT_FLAG, &no_screens, 0, 0, 0, NULL, NULL},
        {"--no-screens", PLAT_OPT_FLAG, &no_screens, 0, 0, 0, NULL, NULL},
        /* the screens are checked by default now; the old opt-in still reads */
        {"--scherm", PLAT_OPT_FLAG, &screens_flag, 0, 0, 0, NULL, NULL},
        {"--screens", PLAT_OPT_FLAG, &screens_flag, 0, 0, 0, NULL, NULL},
        {"--geen-speltest", PLAT_OPT_FLAG, &no_playtest, 0, 0, 0, NULL, NULL},
        {"--no-playtest", PLAT_OPT_FLAG, &no_playtest, 0, 0, 0, NULL, NULL},
        {"--spellen", PLAT_OPT_INT, &games, 0, 1, 100000, NULL, N_("--spellen %s: geef een getal van 1 tot 100000")},
        {"--games", PLAT_OPT_INT, &games, 0, 1, 100000, NULL, N_("--games %s: geef een getal van 1 tot 100000")},
    };
    file_list files = {calloc((size_t)argc, sizeof *files.list), 0};
    if (!files.list) {
        fprintf(stderr, _("samenspel %s: onvoldoende geheugen.\n"), "check");
        return 2;
    }
    int status;
    bool go_on = app_options("check", usage, opts, sizeof opts / sizeof opts[0], argc, argv, file_operand, &files,
                             &status);
    if (go_on && files.n == 0) {
        usage(stderr); /* nothing to check */
        status = 2;
    }
    if (!go_on || files.n == 0) {
        free(files.list);
        return status;
    }
    const bool gcc = format == 0, playtest = !no_playtest, screens = !no_screens;
    app_level *lv = app_level_new("check");
    if (!lv) {
        free(files.list);
        return 2;
    }
    core_scenario *sc = &lv->sc;
    lvl_diags *d = &lv->diags;
    status = 0;
    for (int k = 0; k < files.n; k++) {
        const char *a = files.list[k];
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
    free(files.list);
    return status;
}
