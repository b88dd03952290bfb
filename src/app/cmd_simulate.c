/*
 * samenspel simulate LEVEL [--games N] [--seed S] [--bots team|solo|checklist|mixed]
 *                          [--rollen-omgekeerd] [--json]
 *
 * Plays N full games of a level with bots in every seat (core_simulate) and
 * prints the win rate, mean final welbevinden and its spread, the
 * distribution of collaboration levels (of all games and of the games won),
 * the mean of each measure, how often and when each need was reached, what
 * became of each spanning, and games per second. Trainers and the level
 * author use it to tune a level; tools/bench.sh's balance section checks the
 * targets of issue #12 with it. --rollen-omgekeerd reads the level's
 * `rollen` back to front, so that a mixed table's dependence on the order of
 * the roles can be measured. Exit 0 on success, 1 when the level has errors,
 * 2 for bad arguments or an unreadable file.
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
    fputs(_("gebruik: samenspel simulate LEVEL [--games N] [--seed S] [--bots team|solo|checklist|mixed]\n"
            "                          [--rollen-omgekeerd] [--json]\n"
            "  speelt N volledige spellen met bots op elke plaats (standaard 1000, team)\n"
            "  en toont winstkans, welbevinden, samenwerkingsniveaus, het gemiddelde\n"
            "  van elke maat, de noden en de spanningen, en het aantal spellen per seconde.\n"
            "  --bots checklist: drukt op elke samenwerkingsknop zonder af te stemmen.\n"
            "  --bots mixed: team- en solobots, per spel verdeeld over de plaatsen.\n"
            "  --rollen-omgekeerd: leest ‘rollen’ van achter naar voor.\n"
            "  afsluitcode: 0 in orde, 1 fouten in de casus, 2 verkeerde opties of onleesbaar bestand\n"),
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

/* The --bots word of a kind (core_sim_bots order). */
static const char *bots_key(core_sim_bots bots)
{
    static const char *const names[] = {"team", "solo", "mixed", "checklist"};
    return (unsigned)bots < sizeof names / sizeof names[0] ? names[bots] : "?";
}

/* A JSON string, quotes included. */
static void json_str(const char *t)
{
    putchar('"');
    for (const char *p = t; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

/* Games per collaboration level as {"geen":..,...}. */
static void json_levels(const int *counts)
{
    putchar('{');
    for (int l = 0; l < CORE_LEVEL_COUNT; l++)
        printf("%s\"%s\":%d", l ? "," : "", core_level_key((core_collab_level)l), counts[l]);
    putchar('}');
}

/* Per need: games it was reached in and the mean round (null: never); per
 * spanning: games it became a grenservaring, games it was left lying. */
static void json_targets(const core_scenario *sc, const core_sim_result *r)
{
    printf(",\"needs\":{");
    for (int n = 0; n < sc->n_needs; n++) {
        printf("%s", n ? "," : "");
        json_str(sc->needs[n].id);
        printf(":{\"reached\":%d,\"mean_round\":", r->need_reached[n]);
        if (r->need_reached[n] > 0)
            printf("%.3f}", (double)r->need_round_sum[n] / r->need_reached[n]);
        else
            printf("null}");
    }
    printf("},\"spanningen\":{");
    for (int f = 0; f < sc->n_frictions; f++) {
        printf("%s", f ? "," : "");
        json_str(sc->frictions[f].id);
        printf(":{\"grenservaring\":%d,\"left_lying\":%d}", r->friction_crossed[f], r->friction_left[f]);
    }
    printf("}");
}

static void print_json(const char *level, const core_scenario *sc, const core_sim_result *r, core_sim_bots bots,
                       uint64_t seed, bool reversed, double gps)
{
    double n = r->games > 0 ? r->games : 1;
    printf("{\"level\":");
    json_str(level);
    printf(",\"bots\":\"%s\",\"seed\":%" PRIu64 ",\"games\":%d,\"won\":%d,\"win_rate\":%.4f,"
           "\"mean_welbevinden\":%.3f,\"mean_rounds\":%.3f,\"games_per_second\":%.1f,",
           bots_key(bots), seed, r->games, r->won, r->won / n, r->mean_welbevinden, r->mean_rounds, gps);
    printf("\"levels\":{");
    for (int l = 0; l < CORE_LEVEL_COUNT; l++)
        printf("%s\"%s\":%d", l ? "," : "", core_level_key((core_collab_level)l), r->levels[l]);
    printf("},\"measures\":{\"densiteit\":%.4f,\"centraliteit\":%.4f,\"diversiteit\":%.4f,"
           "\"rollen_aandeel\":%.4f,\"doelgerichtheid\":%.4f,\"edges\":%d,\"contributions\":%d,"
           "\"joint_contributions\":%d,\"promises_kept\":%d,\"promises_broken\":%d,\"asks_offers\":%d,"
           "\"reflective_rounds\":%d}",
           r->mean.density, r->mean.centrality, r->mean.diversity, r->mean.role_share, r->mean.goal_directedness,
           r->mean.edges, r->mean.contributions, r->mean.joint_contributions, r->mean.promises_kept,
           r->mean.promises_broken, r->mean.asks_offers, r->mean.reflective_rounds);
    /* issue #12: both outcomes, the spread, and what became of each target */
    printf(",\"sd_welbevinden\":%.3f,\"rollen_omgekeerd\":%s,\"won_at_level\":", r->sd_welbevinden,
           reversed ? "true" : "false");
    json_levels(r->won_at_level);
    json_targets(sc, r);
    printf("}\n");
}

static void print_human(const char *level, const core_scenario *sc, const core_sim_result *r, core_sim_bots bots,
                        bool reversed, double gps)
{
    const char *bot_label = bots == CORE_SIM_TEAM        ? _("team")
                            : bots == CORE_SIM_SOLO      ? _("solo")
                            : bots == CORE_SIM_CHECKLIST ? _("checklist")
                                                         : _("gemengd");
    double n = r->games > 0 ? r->games : 1;
    printf(_("Casus %s: %d spellen met %s-bots\n"), level, r->games, bot_label);
    if (reversed)
        printf("%s\n", _("  (met de rollen in omgekeerde volgorde)"));
    printf(_("  gewonnen: %d (%.1f%%)\n"), r->won, 100.0 * r->won / n);
    printf(_("  gemiddeld welbevinden op het einde: %.2f\n"), r->mean_welbevinden);
    printf(_("  spreiding van het welbevinden (standaardafwijking): %.2f\n"), r->sd_welbevinden);
    printf(_("  gemiddeld aantal rondes: %.2f\n"), r->mean_rounds);
    printf("%s\n", _("  samenwerkingsniveau (hele spel):"));
    for (int l = 0; l < CORE_LEVEL_COUNT; l++) {
        const char *name = _(core_level_name((core_collab_level)l));
        /* pad by characters, not bytes: "coördinerend" has a two-byte ö */
        int chars = 0;
        for (const char *p = name; *p; p++)
            chars += ((unsigned char)*p & 0xC0) != 0x80;
        printf(_("    %s%*s %6d (%.1f%%), waarvan gewonnen %d\n"), name, chars < 14 ? 14 - chars : 0, "", r->levels[l],
               100.0 * r->levels[l] / n, r->won_at_level[l]);
    }
    printf("%s\n", _("  gemiddelde maten:"));
    printf(_("    densiteit %.3f, centraliteit %.3f, diversiteit %.3f, aandeel rollen %.3f, doelgerichtheid %.3f\n"),
           r->mean.density, r->mean.centrality, r->mean.diversity, r->mean.role_share, r->mean.goal_directedness);
    printf(_("    bijdragen %d (samen %d), vragen/aanbiedingen %d, afspraken nagekomen %d, gebroken %d, "
             "reflectieve rondes %d\n"),
           r->mean.contributions, r->mean.joint_contributions, r->mean.asks_offers, r->mean.promises_kept,
           r->mean.promises_broken, r->mean.reflective_rounds);
    printf("%s\n", _("  noden (gehaald in hoeveel spellen, gemiddeld in ronde):"));
    for (int k = 0; k < sc->n_needs; k++) {
        if (r->need_reached[k] > 0)
            printf(_("    %s: %d, ronde %.1f\n"), sc->needs[k].id, r->need_reached[k],
                   (double)r->need_round_sum[k] / r->need_reached[k]);
        else
            printf(_("    %s: nooit gehaald\n"), sc->needs[k].id);
    }
    printf("%s\n", _("  spanningen (grenservaring / bleef liggen, in spellen):"));
    for (int f = 0; f < sc->n_frictions; f++)
        printf("    %s: %d / %d\n", sc->frictions[f].id, r->friction_crossed[f], r->friction_left[f]);
    printf(_("  snelheid: %.0f spellen per seconde\n"), gps);
}

int cmd_simulate(int argc, char **argv)
{
    const char *level = NULL;
    uint64_t games = 1000, seed = 1;
    core_sim_bots bots = CORE_SIM_TEAM;
    bool json = false, reversed = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "--hulp") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--json") == 0) {
            json = true;
        } else if (strcmp(a, "--rollen-omgekeerd") == 0 || strcmp(a, "--roles-reversed") == 0) {
            reversed = true;
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
            else if (strcmp(b, "checklist") == 0)
                bots = CORE_SIM_CHECKLIST;
            else {
                fprintf(stderr, _("samenspel simulate: --bots kent team, solo, checklist of mixed, niet ‘%s’\n"), b);
                return 2;
            }
            i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, _("samenspel simulate: onbekende optie ‘%s’ (zie --help)\n"), a);
            return 2;
        } else if (level) {
            fprintf(stderr, _("samenspel simulate: één casus tegelijk, niet ook ‘%s’\n"), a);
            return 2;
        } else {
            level = a;
        }
    }
    if (!level) {
        fputs(_("samenspel simulate: welke casus? Geef een casusbestand, bv. levels/noor.yaml\n"), stderr);
        usage(stderr);
        return 2;
    }

    app_level *lv = app_level_new("simulate");
    if (!lv)
        return 1;
    int rc = 0;
    const lvl_load_opts opts = {.reverse_seats = reversed};
    if (!lvl_load_file_opts(level, &lv->sc, &lv->diags, &opts)) {
        lvl_diags_print(&lv->diags, false, stderr);
        rc = lv->diags.unreadable ? 2 : 1;
        goto done;
    }
    char err[256];
    if (!core_scenario_validate_tr(&lv->sc, plat_tr, err, sizeof err)) {
        fprintf(stderr, _("samenspel simulate: %s: de casus is niet speelbaar: %s\n"), level, err);
        rc = 1;
        goto done;
    }
    core_sim_result res;
    uint64_t t0 = plat_now_ns();
    core_simulate(&lv->sc, (int)games, seed, bots, &res);
    uint64_t t1 = plat_now_ns();
    double secs = (double)(t1 - t0) / 1e9;
    double gps = secs > 0 ? res.games / secs : 0.0;
    if (json)
        print_json(level, &lv->sc, &res, bots, seed, reversed, gps);
    else
        print_human(level, &lv->sc, &res, bots, reversed, gps);
done:
    free(lv);
    return rc;
}
