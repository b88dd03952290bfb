/*
 * Play-testing a level with core's bots, so that a trainer learns before the
 * workshop that a level cannot be won, or that working alone wins as often as
 * working together (which would teach the opposite of the seed text).
 */
#include "level/level.h"
#include "level/level_int.h"

#include "platform/plat.h"

#include <string.h>

void lvl_playtest(const core_scenario *sc, const char *file, int games, uint64_t seed,
                  lvl_diags *diags, lvl_playtest_report *report)
{
    lvl_src s = {.file = file ? file : "<level>", .d = diags,
                 .is_en = strcmp(plat_i18n_lang(), "en") == 0};
    if (games < 1)
        games = 1;
    core_sim_result team, solo;
    core_simulate(sc, games, seed, CORE_SIM_TEAM, &team);
    core_simulate(sc, games, seed ^ 0x9e3779b97f4a7c15ull, CORE_SIM_SOLO, &solo);
    double tw = team.games ? (double)team.won / team.games : 0.0;
    double sw = solo.games ? (double)solo.won / solo.games : 0.0;
    if (report) {
        memset(report, 0, sizeof *report);
        report->games = games;
        report->team_win = tw;
        report->solo_win = sw;
        memcpy(report->team_levels, team.levels, sizeof report->team_levels);
        memcpy(report->solo_levels, solo.levels, sizeof report->solo_levels);
    }
    const char *tune = TR(&s, "pas de ‘doel’ van de noden, de ‘sterkte’ van de kaarten of de ‘grensdomeinen’ aan; zie levels/README.md",
                          "tune the needs' ‘doel’, the cards' ‘sterkte’ or the ‘grensdomeinen’; see levels/README.md");
    if (tw < LVL_PLAYTEST_MIN_TEAM_WIN)
        lvl_diag_add(&s, LVL_WARNING, 0, 0, TR(&s, "verlaag de ‘doel’ van de noden of verhoog ‘welbevinden-start’", "lower the needs' ‘doel’ or raise ‘welbevinden-start’"),
                     TR(&s, "bijna onwinbaar: samenwerkende bots winnen maar %.0f%% van %d spellen", "nearly unwinnable: cooperating bots win only %.0f%% of %d games"),
                     tw * 100.0, games);
    if (sw > LVL_PLAYTEST_MAX_SOLO_WIN)
        lvl_diag_add(&s, LVL_WARNING, 0, 0, tune,
                     TR(&s, "te makkelijk: bots die alleen werken winnen %.0f%% van %d spellen", "too easy: bots working alone win %.0f%% of %d games"),
                     sw * 100.0, games);
    else if (sw > tw - LVL_PLAYTEST_MIN_GAP)
        lvl_diag_add(&s, LVL_WARNING, 0, 0, tune,
                     TR(&s, "alleen werken loont bijna even goed als samenwerken: solo wint %.0f%%, team %.0f%% (verschil moet minstens %.0f procentpunt zijn)",
                        "working alone pays almost as well as working together: solo wins %.0f%%, team %.0f%% (the gap must be at least %.0f points)"),
                     sw * 100.0, tw * 100.0, LVL_PLAYTEST_MIN_GAP * 100.0);
    if (solo.levels[CORE_LEVEL_VERBINDEND] > 0)
        lvl_diag_add(&s, LVL_WARNING, 0, 0, tune,
                     TR(&s, "bots die alleen werken halen toch ‘verbindend’ (%d van %d spellen)", "bots working alone still reach ‘verbindend’ (%d of %d games)"),
                     solo.levels[CORE_LEVEL_VERBINDEND], games);
}
