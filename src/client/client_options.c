/* cli_options: the command line of `samenspel join`. */
#include "client/client.h"
#include "platform/args.h"
#include "platform/i18n.h"

#include <stdio.h>
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

typedef struct {
    cli_options *o;
    bool port_given;
} parse_ctx;

/* HOST or HOST:PORT; the port after ':' counts unless --port was given
 * (a --port after it overrides it too). */
static int host_operand(void *ctx, const char *a, char *err, size_t err_len)
{
    parse_ctx *pc = ctx;
    cli_options *o = pc->o;
    if (!plat_arg_operand(o->host, sizeof o->host, a, N_("slechts één host tegelijk: '%s'"),
                          N_("host '%s' is te lang"), err, err_len))
        return -1;
    char *colon = strrchr(o->host, ':');
    if (!colon)
        return 0;
    long n;
    if (!plat_arg_int(colon + 1, 1, 65535, &n)) {
        snprintf(err, err_len, _("'%s': de poort na ':' moet een getal van 1 tot 65535 zijn"), a);
        return -1;
    }
    *colon = '\0';
    if (!pc->port_given)
        o->port = (int)n;
    if (!o->host[0]) {
        snprintf(err, err_len, _("'%s': geen host voor de ':'"), a);
        return -1;
    }
    return 0;
}

int cli_options_parse(int argc, char **argv, cli_options *o, char *err, size_t err_len)
{
    cli_options_default(o);
    parse_ctx ctx = {o, false};
    int screen = (int)o->screen, bot = -1;
    static const char *const bot_words[] = {"team", "solo", NULL};
    static const cli_bot bot_kinds[] = {CLI_BOT_TEAM, CLI_BOT_SOLO};
    const plat_common_args common = {&o->port, &ctx.port_given, o->code, o->font, o->screenshot, CLI_PATH_LEN,
                                     &screen, cli_screens, &o->width, &o->height};
    const plat_opt opts[] = {
        {"--name", PLAT_OPT_TEXT, o->name, sizeof o->name, 0, 0, NULL, N_("--name: de naam is te lang")},
        {"--role", PLAT_OPT_TEXT, o->role, sizeof o->role, 0, 0, NULL, N_("--role: de rol is te lang")},
        {"--observe", PLAT_OPT_FLAG, &o->observe, 0, 0, 0, NULL, NULL},
        {"--headless", PLAT_OPT_FLAG, &o->headless, 0, 0, 0, NULL, NULL},
        {"--quiet", PLAT_OPT_FLAG, &o->quiet, 0, 0, 0, NULL, NULL},
        {"--no-token-store", PLAT_OPT_FLAG, &o->no_token_store, 0, 0, 0, NULL, NULL},
        {"--bot", PLAT_OPT_CHOICE, &bot, 0, 0, 0, bot_words, N_("--bot %s: kies team of solo")},
        {"--pace", PLAT_OPT_INT, &o->pace_ms, 0, 0, 60000, NULL,
         N_("--pace %s: geef milliseconden van 0 tot 60000")},
    };
    int r = plat_opts_parse(&common, opts, sizeof opts / sizeof opts[0], argc, argv, host_operand, &ctx, err,
                            err_len);
    if (r == 1)
        cli_options_usage(stdout);
    if (r != 0)
        return r;
    o->screen = (cli_screen)screen;
    if (bot >= 0)
        o->bot = bot_kinds[bot];
    if (o->bot != CLI_BOT_NONE && !o->headless) {
        snprintf(err, err_len, _("--bot kan alleen met --headless"));
        return -1;
    }
    return 0;
}
