/* cli_options: the command line of `samenspel join`. */
#include "client/client.h"
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

int cli_options_parse(int argc, char **argv, cli_options *o, char *err, size_t err_len)
{
    cli_options_default(o);
    bool port_given = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
        long n;
#define NEED_VAL()                                                        \
    do {                                                                  \
        if (!val) {                                                       \
            snprintf(err, err_len, _("optie %s verwacht een waarde"), a); \
            return -1;                                                    \
        }                                                                 \
        i++;                                                              \
    } while (0)
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            cli_options_usage(stdout);
            return 1;
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
        } else if (!strcmp(a, "--name")) {
            NEED_VAL();
            if (!copy_str(o->name, sizeof o->name, val)) {
                snprintf(err, err_len, _("--name: de naam is te lang"));
                return -1;
            }
        } else if (!strcmp(a, "--role")) {
            NEED_VAL();
            if (!copy_str(o->role, sizeof o->role, val)) {
                snprintf(err, err_len, _("--role: de rol is te lang"));
                return -1;
            }
        } else if (!strcmp(a, "--observe")) {
            o->observe = true;
        } else if (!strcmp(a, "--port")) {
            NEED_VAL();
            if (!parse_int(val, 1, 65535, &n)) {
                snprintf(err, err_len, _("--port %s: geef een getal van 1 tot 65535"), val);
                return -1;
            }
            o->port = (int)n;
            port_given = true;
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
            if (!parse_int(val, 0, 60000, &n)) {
                snprintf(err, err_len, _("--pace %s: geef milliseconden van 0 tot 60000"), val);
                return -1;
            }
            o->pace_ms = (int)n;
        } else if (!strcmp(a, "--font") || !strcmp(a, "--screenshot")) {
            NEED_VAL();
            char *dst = !strcmp(a, "--font") ? o->font : o->screenshot;
            if (!copy_str(dst, CLI_PATH_LEN, val)) {
                snprintf(err, err_len, _("%s: pad te lang"), a);
                return -1;
            }
        } else if (!strcmp(a, "--screen")) {
            NEED_VAL();
            if (!strcmp(val, "lobby"))
                o->screen = CLI_SCREEN_LOBBY;
            else if (!strcmp(val, "table"))
                o->screen = CLI_SCREEN_TABLE;
            else if (!strcmp(val, "debrief"))
                o->screen = CLI_SCREEN_DEBRIEF;
            else if (!strcmp(val, "roles"))
                o->screen = CLI_SCREEN_ROLES;
            else {
                snprintf(err, err_len, _("--screen %s: kies lobby, table, debrief of roles"), val);
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
            if (o->host[0]) {
                snprintf(err, err_len, _("slechts één host tegelijk: '%s'"), a);
                return -1;
            }
            if (!copy_str(o->host, sizeof o->host, a)) {
                snprintf(err, err_len, _("host '%s' is te lang"), a);
                return -1;
            }
            char *colon = strrchr(o->host, ':');
            if (colon) {
                if (!parse_int(colon + 1, 1, 65535, &n)) {
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
