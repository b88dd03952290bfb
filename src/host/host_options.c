/* host_options: the command line of `samenspel host`. */
#include "host/host.h"
#include "platform/args.h"
#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

void host_options_default(host_options *o)
{
    memset(o, 0, sizeof *o);
    o->port = HOST_DEFAULT_PORT;
    o->bot_kind = CORE_BOT_TEAM;
    o->advance_idle_ms = -1;
}

void host_options_usage(void *stdio_file)
{
    FILE *out = stdio_file;
    fputs(_("Gebruik: samenspel host [CASUS] [OPTIES]\n\n"
            "Host een spel: de projector toont de tafel, spelers sluiten aan via het netwerk.\n\n"
            "Opties:\n"
            "  --port N          TCP-poort (standaard 47800); ontdekking via UDP op dezelfde poort\n"
            "  --code ABCD       vaste spelcode van 4 letters (standaard willekeurig)\n"
            "  --headless        zonder venster: start zodra alle plaatsen bezet zijn,\n"
            "                    drukt de uitkomst af en stopt\n"
            "  --bots N          N plaatsen laten spelen door bots in de host\n"
            "  --bot-kind K      team (standaard) of solo, voor --bots\n"
            "  --seed N          vaste startwaarde voor het schudden (herhaalbaar)\n"
            "  --advance-idle MS als niemand zo lang iets doet, gaat de host zelf naar de\n"
            "                    volgende fase (standaard 3000 met --headless, anders uit; 0 = uit)\n"
            "  --watch           de casus opnieuw laden als het bestand verandert (in de lobby)\n"
            "  --timer           fasetimers aan\n"
            "  --timer-seconds N lengte van de fasetimer in seconden (10-3600, standaard 300);\n"
            "                    zet de fasetimers aan\n"
            "  --db BESTAND      logboek van de sessie (SQLite)\n"
            "  --resume [ID]     een onderbroken sessie hervatten\n"
            "  --font PAD        lettertype voor het venster\n"
            "  --screenshot BESTAND  één scherm renderen naar PNG en stoppen\n"
            "  --screen S        lobby, table of debrief (met --screenshot)\n"
            "  --size BxH        venstergrootte, bv. 1280x720\n"
            "  --quiet           headless: alleen de uitkomst afdrukken\n"
            "  --http-port N     poort van de browserspeler (standaard 47880; 0 = uit)\n"
            "  --allow-origin A  ook pagina's van deze Origin(s) mogen aansluiten (komma's; * = alle)\n"
            "  --web-root MAP    map met de browserspeler (standaard de web/ naast de map levels/)\n"
            "  -h, --help        deze hulp tonen\n"),
          out);
}

/* --screen names in the order of the screen enum (after its DEFAULT) */
static const char *const host_screens[] = {"lobby", "table", "debrief", NULL};

/* The one casus a host plays. */
static int level_operand(void *ctx, const char *arg, char *err, size_t err_len)
{
    host_options *o = ctx;
    return plat_arg_operand(o->level_path, sizeof o->level_path, arg, N_("slechts één casus tegelijk: '%s'"),
                            N_("%s: pad te lang"), err, err_len)
               ? 0
               : -1;
}

int host_options_parse(int argc, char **argv, host_options *o, char *err, size_t err_len)
{
    host_options_default(o);
    o->http_port = HOST_DEFAULT_HTTP_PORT;
    int screen = (int)o->screen, bot_kind = -1;
    static const char *const kind_words[] = {"team", "solo", NULL};
    static const core_bot_kind kinds[] = {CORE_BOT_TEAM, CORE_BOT_SOLO};
    const plat_common_args common = {&o->port, NULL, o->code, o->font, o->screenshot, HOST_PATH_LEN,
                                     &screen, host_screens, &o->width, &o->height};
    plat_flag_id resume = {&o->resume, &o->resume_id};
    const plat_opt opts[] = {
        {"--headless", PLAT_OPT_FLAG, &o->headless, 0, 0, 0, NULL, NULL},
        {"--quiet", PLAT_OPT_FLAG, &o->quiet, 0, 0, 0, NULL, NULL},
        {"--watch", PLAT_OPT_FLAG, &o->watch, 0, 0, 0, NULL, NULL},
        {"--timer", PLAT_OPT_FLAG, &o->timer, 0, 0, 0, NULL, NULL},
        {"--bots", PLAT_OPT_INT, &o->bots, 0, 0, CORE_MAX_SEATS, NULL, N_("--bots %s: geef een getal van 0 tot 8")},
        {"--advance-idle", PLAT_OPT_INT, &o->advance_idle_ms, 0, 0, 3600000, NULL,
         N_("--advance-idle %s: geef milliseconden (0 = uit)")},
        {"--timer-seconds", PLAT_OPT_INT, &o->timer_seconds, 0, 10, 3600, NULL,
         N_("--timer-seconds %s: geef seconden van 10 tot 3600")},
        {"--http-port", PLAT_OPT_INT, &o->http_port, 0, 0, 65535, NULL,
         N_("--http-port %s: geef een poort van 1 tot 65535 (0 = uit)")},
        {"--bot-kind", PLAT_OPT_CHOICE, &bot_kind, 0, 0, 0, kind_words, N_("--bot-kind %s: kies team of solo")},
        {"--seed", PLAT_OPT_U64, &o->seed, 0, 0, 0, NULL, N_("--seed %s: geef een positief getal")},
        {"--allow-origin", PLAT_OPT_TEXT, o->allow_origin, sizeof o->allow_origin, 0, 0, NULL, N_("%s: te lang")},
        {"--web-root", PLAT_OPT_TEXT, o->web_root, sizeof o->web_root, 0, 0, NULL, N_("%s: pad te lang")},
        {"--db", PLAT_OPT_TEXT, o->db, sizeof o->db, 0, 0, NULL, N_("%s: pad te lang")},
        {"--resume", PLAT_OPT_FLAG_ID, &resume, 0, 1, INT32_MAX, NULL, N_("--resume=%s: geef een sessienummer")},
    };
    int read = plat_opts_parse(&common, opts, sizeof opts / sizeof opts[0], argc, argv, level_operand, o, err,
                               err_len);
    if (read == 1) {
        host_options_usage(stdout);
        return 1;
    }
    if (read < 0)
        return -1;
    o->screen = (host_screen)screen;
    if (bot_kind >= 0)
        o->bot_kind = kinds[bot_kind];
    if (o->timer_seconds > 0)
        o->timer = true; /* a length means timers on */
    return 0;
}
