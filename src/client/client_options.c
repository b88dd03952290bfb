/* cli_options: the command line of `samenspel join`. */
#include "client/client.h"
#include "platform/args.h"
#include "platform/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_options_default(cli_options *o)
{
    memset(o, 0, sizeof *o);
    o->port = CLI_DEFAULT_PORT;
}

void cli_options_usage(void *stdio_file)
{
    fputs(_("Gebruik: samenspel join [HOST[:POORT]] [OPTIES]\n\n"
            "Sluit aan bij een spel. Zonder HOST zoekt samenspel spellen op het netwerk.\n\n"
            "Opties:\n"
            "  --code ABCD       de spelcode die de projector toont\n"
            "  --name NAAM       je voornaam\n"
            "  --role ROL        de rol die je wilt spelen (bv. leraar)\n"
            "  --observe         meekijken zonder te spelen\n"
            "  --port N          poort (standaard 47800)\n"
            "  --headless        zonder venster\n"
            "  --bot team|solo   zelf spelen met een bot (met --headless)\n"
            "  --pace MS         wachttijd tussen zetten van de bot\n"
            "  --no-token-store  de plaatssleutel niet op schijf bewaren\n"
            "  --quiet           headless: alleen de uitkomst afdrukken\n"
            "  --font PAD        lettertype voor het venster\n"
            "  --screenshot BESTAND  één scherm renderen naar PNG en stoppen\n"
            "  --screen S        lobby, table, debrief of roles (met --screenshot)\n"
            "  --size BxH        venstergrootte, bv. 1280x720\n"
            "  -h, --help        deze hulp tonen\n"),
          (FILE *)stdio_file);
}

/* --screen names in the order of the screen enum (after its DEFAULT) */
static const char *const cli_screens[] = {"lobby", "table", "debrief", "roles", NULL};

int cli_options_parse(int argc, char **argv, cli_options *o, char *err, size_t err_len)
{
    cli_options_default(o);
    bool port_given = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
        long n;
#define NEED_VAL() PLAT_ARG_NEED_VALUE(a, val, i, err, err_len)
        int screen = (int)o->screen;
        plat_common_args ca = {&o->port, &port_given, o->code,
                               o->font, o->screenshot, CLI_PATH_LEN,
                               &screen, cli_screens, &o->width, &o->height};
        int used = plat_common_arg(a, val, &ca, err, err_len);
        if (used < 0)
            return -1;
        if (used > 0) {
            o->screen = (cli_screen)screen;
            i++;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            cli_options_usage(stdout);
            return 1;
        } else if (!strcmp(a, "--name")) {
            NEED_VAL();
            if (!plat_arg_copy(o->name, sizeof o->name, val)) {
                snprintf(err, err_len, _("--name: de naam is te lang"));
                return -1;
            }
        } else if (!strcmp(a, "--role")) {
            NEED_VAL();
            if (!plat_arg_copy(o->role, sizeof o->role, val)) {
                snprintf(err, err_len, _("--role: de rol is te lang"));
                return -1;
            }
        } else if (!strcmp(a, "--observe")) {
            o->observe = true;
        } else if (!strcmp(a, "--headless")) {
            o->headless = true;
        } else if (!strcmp(a, "--quiet")) {
            o->quiet = true;
        } else if (!strcmp(a, "--no-token-store")) {
            o->no_token_store = true;
        } else if (!strcmp(a, "--bot")) {
            NEED_VAL();
            if (!strcmp(val, "team"))
                o->bot = CLI_BOT_TEAM;
            else if (!strcmp(val, "solo"))
                o->bot = CLI_BOT_SOLO;
            else {
                snprintf(err, err_len, _("--bot %s: kies team of solo"), val);
                return -1;
            }
        } else if (!strcmp(a, "--pace")) {
            NEED_VAL();
            if (!plat_arg_int(val, 0, 60000, &n)) {
                snprintf(err, err_len, _("--pace %s: geef milliseconden van 0 tot 60000"), val);
                return -1;
            }
            o->pace_ms = (int)n;
        } else if (a[0] == '-' && a[1] != '\0') {
            snprintf(err, err_len, _("onbekende optie '%s'"), a);
            return -1;
        } else {
            if (o->host[0]) {
                snprintf(err, err_len, _("slechts één host tegelijk: '%s'"), a);
                return -1;
            }
            if (!plat_arg_copy(o->host, sizeof o->host, a)) {
                snprintf(err, err_len, _("host '%s' is te lang"), a);
                return -1;
            }
            char *colon = strrchr(o->host, ':');
            if (colon) {
                if (!plat_arg_int(colon + 1, 1, 65535, &n)) {
                    snprintf(err, err_len, _("'%s': de poort na ':' moet een getal van 1 tot 65535 zijn"), a);
                    return -1;
                }
                *colon = '\0';
                if (!port_given)
                    o->port = (int)n;
                if (!o->host[0]) {
                    snprintf(err, err_len, _("'%s': geen host voor de ':'"), a);
                    return -1;
                }
            }
        }
#undef NEED_VAL
    }
    if (o->bot != CLI_BOT_NONE && !o->headless) {
        snprintf(err, err_len, _("--bot kan alleen met --headless"));
        return -1;
    }
    return 0;
}
