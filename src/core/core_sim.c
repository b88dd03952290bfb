/*
 * Simulation: full games with bots in every seat, for `samenspel simulate`,
 * the level play-test and the benchmark. No allocation: the state and one
 * seat view live on the caller's stack frame.
 */
#include "core/core_int.h"

#include <math.h>
#include <string.h>

/* Plays one game to the end; returns the number of rejected bot actions
 * (a bot bug, 0 in a healthy build). */
static int play_one(const core_scenario *sc, uint64_t seed, core_sim_bots bots, core_state *st, core_seat_view *v)
{
    int errors = 0;
    if (!core_init(st, sc, seed, NULL, 0))
        return 1;
    core_action a;
    memset(&a, 0, sizeof a);
    a.type = CORE_ACT_START;
    a.seat = CORE_SEAT_HOST;
    (void)core_apply(st, &a, NULL);
    core_bot_kind kind[CORE_MAX_SEATS];
    core_rng rng[CORE_MAX_SEATS];
    uint32_t team_seats = core_sim_mixed_team_seats(seed, sc->n_seats);
    for (int s = 0; s < sc->n_seats; s++) {
        kind[s] = bots == CORE_SIM_TEAM        ? CORE_BOT_TEAM
                  : bots == CORE_SIM_SOLO      ? CORE_BOT_SOLO
                  : bots == CORE_SIM_CHECKLIST ? CORE_BOT_CHECKLIST
                  : ((team_seats >> (unsigned)s) & 1u) ? CORE_BOT_TEAM
                                                       : CORE_BOT_SOLO;
        core_rng_seed(&rng[s], seed ^ 0x9e3779b97f4a7c15ULL, (uint64_t)s + 1u);
    }
    bool stuck[CORE_MAX_SEATS] = {false};
    /* a bot that had nothing to do is not asked again until the state
     * changed: bots are deterministic in their view when they pass */
    uint32_t idle_at[CORE_MAX_SEATS];
    for (int s = 0; s < CORE_MAX_SEATS; s++)
        idle_at[s] = UINT32_MAX;
    core_phase stuck_phase = st->phase;
    int stuck_round = st->round;
    for (int guard = 0; st->phase != CORE_PHASE_END && guard < 10000; guard++) {
        if (st->phase != stuck_phase || st->round != stuck_round) {
            memset(stuck, 0, sizeof stuck);
            stuck_phase = st->phase;
            stuck_round = st->round;
        }
        bool progressed = false;
        for (int s = 0; s < sc->n_seats && st->phase != CORE_PHASE_END; s++) {
            for (int k = 0; k < 16 && !stuck[s] && idle_at[s] != st->actions_applied; k++) {
                core_seat_view_fill_fast(st, s, v);
                if (!core_bot_next(sc, v, kind[s], &rng[s], &a)) {
                    idle_at[s] = st->actions_applied;
                    break;
                }
                if (core_apply(st, &a, NULL) != CORE_OK) {
                    errors++;
                    stuck[s] = true; /* do not loop on a refused action */
                    break;
                }
                progressed = true;
            }
        }
        if (!progressed && st->phase != CORE_PHASE_END) {
            memset(&a, 0, sizeof a);
            a.type = CORE_ACT_ADVANCE;
            a.seat = CORE_SEAT_HOST;
            (void)core_apply(st, &a, NULL);
        }
    }
    return errors;
}

uint32_t core_sim_mixed_team_seats(uint64_t game_seed, int n_seats)
{
    if (n_seats <= 0 || n_seats > CORE_MAX_SEATS)
        return 0;
    core_rng rng;
    core_rng_seed(&rng, game_seed, 0x6d69786564ULL); /* "mixed": its own stream */
    int order[CORE_MAX_SEATS];
    for (int s = 0; s < n_seats; s++)
        order[s] = s;
    for (int i = n_seats - 1; i > 0; i--) {
        int j = (int)core_rng_below(&rng, (uint32_t)(i + 1));
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    int k = n_seats / 2 > 0 ? n_seats / 2 : 1;
    uint32_t bits = 0;
    for (int i = 0; i < k; i++)
        bits |= 1u << (unsigned)order[i];
    return bits;
}

int core_sim_play_one(const core_scenario *sc, uint64_t seed, core_sim_bots bots, core_state *st)
{
    core_seat_view v;
    memset(&v, 0, sizeof v);
    return play_one(sc, seed, bots, st, &v);
}

/* Which needs were reached (and in which round) and what became of each
 * spanning in one finished game. The round a need was reached in is read
 * from the per-round records: the first round whose end saw it met. */
static void sim_tally_targets(const core_state *st, core_sim_result *out)
{
    const core_scenario *sc = st->sc;
    for (int n = 0; n < sc->n_needs; n++) {
        if (!st->need_met[n])
            continue;
        out->need_reached[n]++;
        out->need_round_sum[n] += st->need_met_round[n];
    }
    for (int i = 0; i < st->n_frictions_out; i++) {
        int f = st->frictions[i].friction;
        if (st->frictions[i].active)
            out->friction_left[f]++;
        else
            out->friction_crossed[f]++;
    }
}

/* The measures core_simulate averages over its games: the fractions as
 * doubles, the counts rounded to whole numbers (the JSON output prints the
 * doubles). */
#define SIM_MEAN_FRACTIONS(X) X(density) X(centrality) X(diversity) X(role_share) X(goal_directedness)
#define SIM_MEAN_COUNTS(X)                                                                             \
    X(edges) X(contributions) X(joint_contributions) X(promises_kept) X(promises_broken) X(asks_offers) \
    X(reflective_rounds)

void core_simulate(const core_scenario *sc, int games, uint64_t seed, core_sim_bots bots, core_sim_result *out)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    if (!sc || games <= 0 || !core_scenario_validate(sc, NULL, 0))
        return;
    static _Thread_local core_state st; /* large: keep it off small thread stacks */
    static _Thread_local core_seat_view v;
    double wb = 0, wb2 = 0, rounds = 0;
    core_measures sum;
    memset(&sum, 0, sizeof sum);
    for (int g = 0; g < games; g++) {
        uint64_t gs = seed * 0x100000001b3ULL + (uint64_t)(unsigned)g * 0x9e3779b97f4a7c15ULL + 1u;
        memset(&v, 0, sizeof v);
        (void)play_one(sc, gs, bots, &st, &v);
        out->games++;
        if (st.outcome == CORE_OUTCOME_WON)
            out->won++;
        wb += st.welbevinden;
        wb2 += (double)st.welbevinden * st.welbevinden;
        rounds += st.round;
        const core_measures *m = &st.round_measures[0];
        out->levels[m->level]++;
        if (st.outcome == CORE_OUTCOME_WON)
            out->won_at_level[m->level]++;
        sim_tally_targets(&st, out);
#define ADD(f) sum.f += m->f;
        SIM_MEAN_FRACTIONS(ADD)
        SIM_MEAN_COUNTS(ADD)
#undef ADD
        sum.goal_adopted = sum.goal_adopted || m->goal_adopted;
    }
    double n = out->games;
    out->mean_welbevinden = wb / n;
    double var = wb2 / n - out->mean_welbevinden * out->mean_welbevinden;
    out->sd_welbevinden = var > 0 ? sqrt(var) : 0.0;
    out->mean_rounds = rounds / n;
#define MEAN_FRACTION(f) out->mean.f = sum.f / n;
#define MEAN_COUNT(f) out->mean.f = (int)(sum.f / n + 0.5);
    SIM_MEAN_FRACTIONS(MEAN_FRACTION)
    SIM_MEAN_COUNTS(MEAN_COUNT)
#undef MEAN_FRACTION
#undef MEAN_COUNT
    out->mean.goal_adopted = sum.goal_adopted;
    out->mean.level = CORE_LEVEL_GEEN;
}
