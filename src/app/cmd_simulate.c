/*
 * samenspel simulate LEVEL [--games N] [--seed S] [--bots team|solo|mixed] [--json]
 *
 * Plays N full games of a level with bots in every seat (core_simulate) and
 * prints the win rate, mean final welbevinden, the distribution of
 * collaboration levels, the mean of each measure and games per second.
 * Trainers and the level author use it to tune a level. Exit 0 on success,
 * 1 when the level has errors, 2 for bad arguments or an unreadable file.
 */
#include "app/app.h"

#include "core/core.h"
#include "level/level.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs(_("gebruik: samenspel simulate LEVEL [--games N] [--seed S] [--bots team|solo|mixed] [--json]\n"
            "  speelt N volledige spellen met bots op elke plaats (standaard 1000, team)\n"
            "  en toont winstkans, gemiddeld welbevinden, samenwerkingsniveaus,\n"
            "  het gemiddelde van elke maat en het aantal spellen per seconde.\n"
            "  --bots mixed: om en om een team- en een solobot.\n"
            "  afsluitcode: 0 in orde, 1 fouten in het level, 2 verkeerde opties of onleesbaar bestand\n"),
          f);
}

static bool parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-')
        return false;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || !end || *end)
        return false;
    *out = (uint64_t)v;
    return true;
}

static void print_json(const char *level, const core_sim_result *r, core_sim_bots bots, uint64_t seed, double gps)
{
    static const char *bot_names[] = {"team", "solo", "mixed"};
    double n = r->games > 0 ? r->games : 1;
    printf("{\"level\":\"");
    for (const char *p = level; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    printf("\",\"bots\":\"%s\",\"seed\":%" PRIu64 ",\"games\":%d,\"won\":%d,\"win_rate\":%.4f,"
           "\"mean_welbevinden\":%.3f,\"mean_rounds\":%.3f,\"games_per_second\":%.1f,",
           bot_names[bots], seed, r->games, r->won, r->won / n, r->mean_welbevinden, r->mean_rounds, gps);
    printf("\"levels\":{");
    for (int l = 0; l < CORE_LEVEL_COUNT; l++)
        printf("%s\"%s\":%d", l ? "," : "", core_level_key((core_collab_level)l), r->levels[l]);
    printf("},\"measures\":{\"densiteit\":%.4f,\"centraliteit\":%.4f,\"diversiteit\":%.4f,"
           "\"rollen_aandeel\":%.4f,\"doelgerichtheid\":%.4f,\"edges\":%d,\"contributions\":%d,"
           "\"joint_contributions\":%d,\"promises_kept\":%d,\"promises_broken\":%d,\"asks_offers\":%d,"
           "\"reflective_rounds\":%d}}\n",
           r->mean.density, r->mean.centrality, r->mean.diversity, r->mean.role_share, r->mean.goal_directedness,
           r->mean.edges, r->mean.contributions, r->mean.joint_contributions, r->mean.promises_kept,
           r->mean.promises_broken, r->mean.asks_offers, r->mean.reflective_rounds);
}

static void print_human(const char *level, const core_sim_result *r, core_sim_bots bots, double gps)
{
    const char *bot_label = bots == CORE_SIM_TEAM ? _("team") : bots == CORE_SIM_SOLO ? _("solo") : _("gemengd");
    double n = r->games > 0 ? r->games : 1;
    printf(_("Level %s: %d spellen met %s-bots\n"), level, r->games, bot_label);
    printf(_("  gewonnen: %d (%.1f%%)\n"), r->won, 100.0 * r->won / n);
    printf(_("  gemiddeld welbevinden op het einde: %.2f\n"), r->mean_welbevinden);
    printf(_("  gemiddeld aantal rondes: %.2f\n"), r->mean_rounds);
    printf("%s\n", _("  samenwerkingsniveau (hele spel):"));
    for (int l = 0; l < CORE_LEVEL_COUNT; l++) {
        const char *name = _(core_level_name((core_collab_level)l));
        /* pad by characters, not bytes: "coördinerend" has a two-byte ö */
        int chars = 0;
        for (const char *p = name; *p; p++)
            chars += ((unsigned char)*p & 0xC0) != 0x80;
        printf("    %s%*s %6d (%.1f%%)\n", name, chars < 14 ? 14 - chars : 0, "", r->levels[l],
               100.0 * r->levels[l] / n);
    }
    printf("%s\n", _("  gemiddelde maten:"));
    printf(_("    densiteit %.3f, centraliteit %.3f, diversiteit %.3f, aandeel rollen %.3f, doelgerichtheid %.3f\n"),
           r->mean.density, r->mean.centrality, r->mean.diversity, r->mean.role_share, r->mean.goal_directedness);
    printf(_("    bijdragen %d (samen %d), vragen/aanbiedingen %d, afspraken nagekomen %d, gebroken %d, "
             "reflectieve rondes %d\n"),
           r->mean.contributions, r->mean.joint_contributions, r->mean.asks_offers, r->mean.promises_kept,
           r->mean.promises_broken, r->mean.reflective_rounds);
    printf(_("  snelheid: %.0f spellen per seconde\n"), gps);
}

int cmd_simulate(int argc, char **argv)
{
    const char *level = NULL;
    uint64_t games = 1000, seed = 1;
    core_sim_bots bots = CORE_SIM_TEAM;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "--hulp") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--json") == 0) {
            json = true;
        } else if (strcmp(a, "--games") == 0 || strcmp(a, "--spellen") == 0) {
            if (i + 1 >= argc || !parse_u64(argv[i + 1], &games) || games < 1 || games > 10000000) {
                fprintf(stderr, _("samenspel simulate: %s vraagt een getal van 1 tot 10000000\n"), a);
                return 2;
            }
            i++;
        } else if (strcmp(a, "--seed") == 0 || strcmp(a, "--zaad") == 0) {
            if (i + 1 >= argc || !parse_u64(argv[i + 1], &seed)) {
                fprintf(stderr, _("samenspel simulate: %s vraagt een niet-negatief geheel getal\n"), a);
                return 2;
            }
            i++;
        } else if (strcmp(a, "--bots") == 0) {
            const char *b = i + 1 < argc ? argv[i + 1] : "";
            if (strcmp(b, "team") == 0)
                bots = CORE_SIM_TEAM;
            else if (strcmp(b, "solo") == 0)
                bots = CORE_SIM_SOLO;
            else if (strcmp(b, "mixed") == 0 || strcmp(b, "gemengd") == 0)
                bots = CORE_SIM_MIXED;
            else {
                fprintf(stderr, _("samenspel simulate: --bots kent team, solo of mixed, niet ‘%s’\n"), b);
                return 2;
            }
            i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, _("samenspel simulate: onbekende optie ‘%s’ (zie --help)\n"), a);
            return 2;
        } else if (level) {
            fprintf(stderr, _("samenspel simulate: één level tegelijk, niet ook ‘%s’\n"), a);
            return 2;
        } else {
            level = a;
        }
    }
    if (!level) {
        fputs(_("samenspel simulate: welk level? Geef een levelbestand, bv. levels/noor.yaml\n"), stderr);
        usage(stderr);
        return 2;
    }

    /* core_scenario is large: on the heap, owned here */
    core_scenario *sc = calloc(1, sizeof *sc);
    lvl_diags *diags = calloc(1, sizeof *diags);
    if (!sc || !diags) {
        free(sc);
        free(diags);
        fputs(_("samenspel simulate: onvoldoende geheugen\n"), stderr);
        return 1;
    }
    int rc = 0;
    if (!lvl_load_file(level, sc, diags)) {
        lvl_diags_print(diags, false, stderr);
        rc = diags->unreadable ? 2 : 1;
        goto done;
    }
    char err[256];
    if (!core_scenario_validate(sc, err, sizeof err)) {
        fprintf(stderr, _("samenspel simulate: %s: het level is niet speelbaar: %s\n"), level, err);
        rc = 1;
        goto done;
    }
    core_sim_result res;
    uint64_t t0 = plat_now_ns();
    core_simulate(sc, (int)games, seed, bots, &res);
    uint64_t t1 = plat_now_ns();
    double secs = (double)(t1 - t0) / 1e9;
    double gps = secs > 0 ? res.games / secs : 0.0;
    if (json)
        print_json(level, &res, bots, seed, gps);
    else
        print_human(level, &res, bots, gps);
done:
    free(sc);
    free(diags);
    return rc;
}
