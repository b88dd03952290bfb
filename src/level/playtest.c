/*
 * Play-testing a level with core's bots, so that a trainer learns before the
 * workshop that a level cannot be won, or that working alone wins as often as
 * working together (which would teach the opposite of the seed text).
 */
#include "level/level.h"
#include "level/level_int.h"

#include <string.h>

void lvl_playtest(const core_scenario *sc, const char *file, int games, uint64_t seed,
                  lvl_diags *diags, lvl_playtest_report *report)
{
    lvl_src s = {.file = file ? file : "<level>", .d = diags};
    if (games < 1)
        games = 1;
    /* every kind of bots (issue #12): solo is the floor, checklist presses
     * every button without coordinating, team coordinates, mixed has both */
    static const core_sim_bots kinds[LVL_BOTS_COUNT] = {CORE_SIM_SOLO, CORE_SIM_CHECKLIST, CORE_SIM_TEAM, CORE_SIM_MIXED};
    static const uint64_t salts[LVL_BOTS_COUNT] = {0x9e3779b97f4a7c15ull, 0x2545f4914f6cdd1dull, 0, 0xbf58476d1ce4e5b9ull};
    core_sim_result res[LVL_BOTS_COUNT];
    uint32_t reached = 0;
    for (int k = 0; k < LVL_BOTS_COUNT; k++) {
        core_simulate(sc, games, seed ^ salts[k], kinds[k], &res[k]);
        for (int n = 0; n < sc->n_needs; n++)
            if (res[k].need_reached[n] > 0)
                reached |= 1u << (unsigned)n;
    }
    const core_sim_result *team = &res[LVL_BOTS_TEAM], *solo = &res[LVL_BOTS_SOLO];
    double tw = team->games ? (double)team->won / team->games : 0.0;
    double sw = solo->games ? (double)solo->won / solo->games : 0.0;
    uint32_t all = sc->n_needs >= 32 ? 0xffffffffu : (1u << (unsigned)sc->n_needs) - 1u;
    if (report) {
        memset(report, 0, sizeof *report);
        report->games = games;
        report->team_win = tw;
        report->solo_win = sw;
        memcpy(report->team_levels, team->levels, sizeof report->team_levels);
        memcpy(report->solo_levels, solo->levels, sizeof report->solo_levels);
        for (int k = 0; k < LVL_BOTS_COUNT; k++) {
            report->win[k] = res[k].games ? (double)res[k].won / res[k].games : 0.0;
            memcpy(report->levels[k], res[k].levels, sizeof report->levels[k]);
        }
        report->unreached_needs = all & ~reached;
    }
    for (int n = 0; n < sc->n_needs; n++)
        if (!((reached >> (unsigned)n) & 1u))
            lvl_diag_add(&s, LVL_WARNING, 0, 0,
                         _("verlaag de ‘doel’ van die nood, of geef een rol die meespeelt kaarten met het domein van de nood"),
                         _("geen enkele soort bots haalt nood ‘%s’ (solo, checklist, team en gemengd, %d spellen elk)"),
                         sc->needs[n].id, games);
    const char *tune = _("pas de ‘doel’ van de noden, de ‘sterkte’ van de kaarten of de ‘grensdomeinen’ aan; zie levels/README.md");
    if (tw < LVL_PLAYTEST_MIN_TEAM_WIN)
        lvl_diag_add(&s, LVL_WARNING, 0, 0, _("verlaag de ‘doel’ van de noden of verhoog ‘welbevinden-start’"),
                     _("bijna onwinbaar: samenwerkende bots winnen maar %.0f%% van %d spellen"),
                     tw * 100.0, games);
    if (sw > LVL_PLAYTEST_MAX_SOLO_WIN)
        lvl_diag_add(&s, LVL_WARNING, 0, 0, tune,
                     _("te makkelijk: bots die alleen werken winnen %.0f%% van %d spellen"),
                     sw * 100.0, games);
    else if (sw > tw - LVL_PLAYTEST_MIN_GAP)
        lvl_diag_add(&s, LVL_WARNING, 0, 0, tune,
                     _("alleen werken loont bijna even goed als samenwerken: solo wint %.0f%%, team %.0f%% (verschil moet minstens %.0f procentpunt zijn)"),
                     sw * 100.0, tw * 100.0, LVL_PLAYTEST_MIN_GAP * 100.0);
    if (solo->levels[CORE_LEVEL_VERBINDEND] > 0)
        lvl_diag_add(&s, LVL_WARNING, 0, 0, tune,
                     _("bots die alleen werken halen toch ‘verbindend’ (%d van %d spellen)"),
                     solo->levels[CORE_LEVEL_VERBINDEND], games);
}

const char *lvl_bots_key(lvl_bots kind)
{
    static const char *const keys[LVL_BOTS_COUNT] = {"solo", "checklist", "team", "mixed"};
    return kind >= 0 && kind < LVL_BOTS_COUNT ? keys[kind] : "?";
}
