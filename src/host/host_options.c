/* host_options: the command line of `samenspel host`. */
#include "host/host.h"
#include "platform/i18n.h"

#include <errno.h>
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
    fputs(_("Gebruik: samenspel host [LEVEL] [OPTIES]\n\n"
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
            "  --watch           het level opnieuw laden als het bestand verandert (in de lobby)\n"
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
            "  -h, --help        deze hulp tonen\n"),
          out);
}

static bool parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        return false;
    memcpy(dst, src, n + 1);
    return true;
}

int host_options_parse(int argc, char **argv, host_options *o, char *err, size_t err_len)
{
    host_options_default(o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
        long n;
#define NEED_VAL()                                                              \
    do {                                                                        \
        if (!val) {                                                             \
            snprintf(err, err_len, _("optie %s verwacht een waarde"), a);       \
            return -1;                                                          \
        }                                                                       \
        i++;                                                                    \
    } while (0)
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            host_options_usage(stdout);
            return 1;
        } else if (!strcmp(a, "--port")) {
            NEED_VAL();
            if (!parse_int(val, 1, 65535, &n)) {
                snprintf(err, err_len, _("--port %s: geef een getal van 1 tot 65535"), val);
                return -1;
            }
            o->port = (int)n;
        } else if (!strcmp(a, "--code")) {
            NEED_VAL();
            if (strlen(val) != 4) {
                snprintf(err, err_len, _("--code %s: de spelcode heeft 4 letters"), val);
                return -1;
            }
            for (int k = 0; k < 4; k++) {
                char c = val[k];
                if (c >= 'a' && c <= 'z')
                    c = (char)(c - 'a' + 'A');
                if (c < 'A' || c > 'Z') {
                    snprintf(err, err_len, _("--code %s: de spelcode heeft 4 letters"), val);
                    return -1;
                }
                o->code[k] = c;
            }
            o->code[4] = '\0';
        } else if (!strcmp(a, "--headless")) {
            o->headless = true;
        } else if (!strcmp(a, "--quiet")) {
            o->quiet = true;
        } else if (!strcmp(a, "--bots")) {
            NEED_VAL();
            if (!parse_int(val, 0, CORE_MAX_SEATS, &n)) {
                snprintf(err, err_len, _("--bots %s: geef een getal van 0 tot 8"), val);
                return -1;
            }
            o->bots = (int)n;
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
        } else if (!strcmp(a, "--advance-idle")) {
            NEED_VAL();
            if (!parse_int(val, 0, 3600000, &n)) {
                snprintf(err, err_len, _("--advance-idle %s: geef milliseconden (0 = uit)"), val);
                return -1;
            }
            o->advance_idle_ms = (int)n;
        } else if (!strcmp(a, "--watch")) {
            o->watch = true;
        } else if (!strcmp(a, "--timer")) {
            o->timer = true;
        } else if (!strcmp(a, "--timer-seconds")) {
            NEED_VAL();
            if (!parse_int(val, 10, 3600, &n)) {
                snprintf(err, err_len, _("--timer-seconds %s: geef seconden van 10 tot 3600"), val);
                return -1;
            }
            o->timer_seconds = (int)n;
            o->timer = true;
        } else if (!strcmp(a, "--db")) {
            NEED_VAL();
            if (!copy_str(o->db, sizeof o->db, val)) {
                snprintf(err, err_len, _("%s: pad te lang"), a);
                return -1;
            }
        } else if (!strcmp(a, "--resume")) {
            o->resume = true;
            if (val && parse_int(val, 1, INT32_MAX, &n)) {
                o->resume_id = n;
                i++;
            }
        } else if (!strcmp(a, "--font") || !strcmp(a, "--screenshot")) {
            NEED_VAL();
            char *dst = !strcmp(a, "--font") ? o->font : o->screenshot;
            if (!copy_str(dst, HOST_PATH_LEN, val)) {
                snprintf(err, err_len, _("%s: pad te lang"), a);
                return -1;
            }
        } else if (!strcmp(a, "--screen")) {
            NEED_VAL();
            if (!strcmp(val, "lobby"))
                o->screen = HOST_SCREEN_LOBBY;
            else if (!strcmp(val, "table"))
                o->screen = HOST_SCREEN_TABLE;
            else if (!strcmp(val, "debrief"))
                o->screen = HOST_SCREEN_DEBRIEF;
            else {
                snprintf(err, err_len, _("--screen %s: kies lobby, table of debrief"), val);
                return -1;
            }
        } else if (!strcmp(a, "--size")) {
            NEED_VAL();
            int w = 0, hh = 0;
            char tail;
            if (sscanf(val, "%dx%d%c", &w, &hh, &tail) != 2 || w < 320 || hh < 240 || w > 16384 || hh > 16384) {
                snprintf(err, err_len, _("--size %s: geef BREEDTExHOOGTE, bv. 1280x720"), val);
                return -1;
            }
            o->width = w;
            o->height = hh;
        } else if (a[0] == '-' && a[1] != '\0') {
            snprintf(err, err_len, _("onbekende optie '%s'"), a);
            return -1;
        } else {
            if (o->level_path[0]) {
                snprintf(err, err_len, _("slechts één level tegelijk: '%s'"), a);
                return -1;
            }
            if (!copy_str(o->level_path, sizeof o->level_path, a)) {
                snprintf(err, err_len, _("%s: pad te lang"), a);
                return -1;
            }
        }
#undef NEED_VAL
    }
    return 0;
}
