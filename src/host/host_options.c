/* host_options: the command line of `samenspel host`. */
#include "host/host.h"
#include "platform/args.h"
#include "platform/i18n.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Options that take a whole number in a range. */
static const struct {
    const char *name;
    long min, max;
    size_t field; /* offsetof an int in host_options */
    const char *error;
} int_options[] = {
    {"--bots", 0, CORE_MAX_SEATS, offsetof(host_options, bots), N_("--bots %s: geef een getal van 0 tot 8")},
    {"--advance-idle", 0, 3600000, offsetof(host_options, advance_idle_ms),
     N_("--advance-idle %s: geef milliseconden (0 = uit)")},
    {"--timer-seconds", 10, 3600, offsetof(host_options, timer_seconds),
     N_("--timer-seconds %s: geef seconden van 10 tot 3600")},
    {"--http-port", 0, 65535, offsetof(host_options, http_port),
     N_("--http-port %s: geef een poort van 1 tot 65535 (0 = uit)")},
};

/* 1 when `a` is one of int_options and its value was stored, -1 on a bad
 * or missing value (message in err), 0 when `a` is another option. */
static int int_option(const char *a, const char *val, host_options *o, char *err, size_t err_len)
{
    for (size_t k = 0; k < sizeof int_options / sizeof int_options[0]; k++) {
        if (strcmp(a, int_options[k].name) != 0)
            continue;
        long n;
        int step = 0;
        PLAT_ARG_NEED_VALUE(a, val, step, err, err_len);
        (void)step;
        if (!plat_arg_int(val, int_options[k].min, int_options[k].max, &n)) {
            snprintf(err, err_len, _(int_options[k].error), val);
            return -1;
        }
        *(int *)(void *)((char *)o + int_options[k].field) = (int)n;
        if (!strcmp(a, "--timer-seconds"))
            o->timer = true; /* a length means timers on */
        return 1;
    }
    return 0;
}

int host_options_parse(int argc, char **argv, host_options *o, char *err, size_t err_len)
{
    host_options_default(o);
    o->http_port = HOST_DEFAULT_HTTP_PORT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
        long n;
#define NEED_VAL() PLAT_ARG_NEED_VALUE(a, val, i, err, err_len)
        int screen = (int)o->screen;
        plat_common_args ca = {&o->port, NULL, o->code,
                               o->font, o->screenshot, HOST_PATH_LEN,
                               &screen, host_screens, &o->width, &o->height};
        int used = plat_common_arg(a, val, &ca, err, err_len);
        if (used < 0)
            return -1;
        if (used > 0) {
            o->screen = (host_screen)screen;
            i++;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            host_options_usage(stdout);
            return 1;
        } else if (!strcmp(a, "--headless")) {
            o->headless = true;
        } else if (!strcmp(a, "--quiet")) {
            o->quiet = true;
        } else if ((used = int_option(a, val, o, err, err_len)) != 0) {
            if (used < 0)
                return -1;
            i++;
        } else if (!strcmp(a, "--bot-kind")) {
            NEED_VAL();
            if (!strcmp(val, "team"))
                o->bot_kind = CORE_BOT_TEAM;
            else if (!strcmp(val, "solo"))
                o->bot_kind = CORE_BOT_SOLO;
            else {
                snprintf(err, err_len, _("--bot-kind %s: kies team of solo"), val);
                return -1;
            }
        } else if (!strcmp(a, "--seed")) {
            NEED_VAL();
            char *end;
            errno = 0;
            unsigned long long s = strtoull(val, &end, 10);
            if (errno || end == val || *end) {
                snprintf(err, err_len, _("--seed %s: geef een positief getal"), val);
                return -1;
            }
            o->seed = (uint64_t)s;
        } else if (!strcmp(a, "--allow-origin")) {
            NEED_VAL();
            if (!plat_arg_copy(o->allow_origin, sizeof o->allow_origin, val)) {
                snprintf(err, err_len, _("%s: te lang"), a);
                return -1;
            }
        } else if (!strcmp(a, "--web-root")) {
            NEED_VAL();
            if (!plat_arg_copy(o->web_root, sizeof o->web_root, val)) {
                snprintf(err, err_len, _("%s: pad te lang"), a);
                return -1;
            }
        } else if (!strcmp(a, "--watch")) {
            o->watch = true;
        } else if (!strcmp(a, "--timer")) {
            o->timer = true;
        } else if (!strcmp(a, "--db")) {
            NEED_VAL();
            if (!plat_arg_copy(o->db, sizeof o->db, val)) {
                snprintf(err, err_len, _("%s: pad te lang"), a);
                return -1;
            }
        } else if (!strcmp(a, "--resume")) {
            o->resume = true;
            if (val && plat_arg_int(val, 1, INT32_MAX, &n)) {
                o->resume_id = n;
                i++;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            snprintf(err, err_len, _("onbekende optie '%s'"), a);
            return -1;
        } else {
            if (o->level_path[0]) {
                snprintf(err, err_len, _("slechts één casus tegelijk: '%s'"), a);
                return -1;
            }
            if (!plat_arg_copy(o->level_path, sizeof o->level_path, a)) {
                snprintf(err, err_len, _("%s: pad te lang"), a);
                return -1;
            }
        }
#undef NEED_VAL
    }
    return 0;
}
