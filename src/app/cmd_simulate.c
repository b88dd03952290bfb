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
#include "platform/args.h"
#include "platform/i18n.h"
#include "platform/plat.h"

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

/* LEVEL: one casus. */
static int level_operand(void *ctx, const char *a, char *err, size_t err_len)
{
    const char **level = ctx;
    if (*level) {
        snprintf(err, err_len, _("één casus tegelijk, niet ook ‘%s’"), a);
        return -1;
    }
    *level = a;
    return 0;
}

int cmd_simulate(int argc, char **argv)
{
    const char *level = NULL;
    int games = 1000, bots_word = 0;
    uint64_t seed = 1;
    bool json = false, reversed = false;
    /* --bots words, and the bots each gives */
    static const char *const bots_words[] = {"team", "solo", "mixed", "gemengd", "checklist", NULL};
    static const core_sim_bots bots_of[] = {CORE_SIM_TEAM, CORE_SIM_SOLO, CORE_SIM_MIXED, CORE_SIM_MIXED,
                                            CORE_SIM_CHECKLIST};
    const plat_opt opts[] = {
        {"--json", PLAT_OPT_FLAG, &json, 0, 0, 0, NULL, NULL},
        {"--rollen-omgekeerd", PLAT_OPT_FLAG, &reversed, 0, 0, 0, NULL, NULL},
        {"--roles-reversed", PLAT_OPT_FLAG, &reversed, 0, 0, 0, NULL, NULL},
        {"--games", PLAT_OPT_INT, &games, 0, 1, 10000000, NULL, N_("--games %s: geef een getal van 1 tot 10000000")},
        {"--spellen", PLAT_OPT_INT, &games, 0, 1, 10000000, NULL, N_("--spellen %s: geef een getal van 1 tot 10000000")},
        {"--seed", PLAT_OPT_U64, &seed, 0, 0, 0, NULL, N_("--seed %s: geef een niet-negatief geheel getal")},
        {"--zaad", PLAT_OPT_U64, &seed, 0, 0, 0, NULL, N_("--zaad %s: geef een niet-negatief geheel getal")},
        {"--bots", PLAT_OPT_CHOICE, &bots_word, 0, 0, 0, bots_words,
         N_("--bots kent team, solo, checklist of mixed, niet ‘%s’")},
    };
    char err[256];
    int status;
    if (!app_options("simulate", usage, opts, sizeof opts / sizeof opts[0], argc, argv, level_operand, &level, &status))
        return status;
    if (!level) {
        fputs(_("samenspel simulate: welke casus? Geef een casusbestand, bv. levels/noor.yaml\n"), stderr);
        usage(stderr);
        return 2;
    }
    const core_sim_bots bots = bots_of[bots_word];

    app_level *lv = app_level_new("simulate");
    if (!lv)
        return 1;
    int rc = 0;
    const lvl_load_opts load = {.reverse_seats = reversed};
    if (!lvl_load_file_opts(level, &lv->sc, &lv->diags, &load)) {
        lvl_diags_print(&lv->diags, false, stderr);
        rc = lv->diags.unreadable ? 2 : 1;
        goto done;
    }
    if (!core_scenario_validate_tr(&lv->sc, plat_tr, err, sizeof err)) {
        fprintf(stderr, _("samenspel simulate: %s: de casus is niet speelbaar: %s\n"), level, err);
        rc = 1;
        goto done;
    }
    core_sim_result res;
    uint64_t t0 = plat_now_ns();
    core_simulate(&lv->sc, games, seed, bots, &res);
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
