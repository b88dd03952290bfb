/*
 * Private helpers shared by the files of the core module. Nothing here is
 * part of the contract in core.h.
 */
#ifndef SAMENSPEL_CORE_INT_H
#define SAMENSPEL_CORE_INT_H

#include "core/core.h"

static inline int core_popcount(uint32_t x)
{
    int n = 0;
    while (x) {
        x &= x - 1u;
        n++;
    }
    return n;
}

/* Rounds whose Reflectie has ended (their round_measures are final). */
int core_rounds_done(const core_state *st);

/* Collaboration level from measures; `rounds` = rounds the measures span. */
core_collab_level core_classify(const core_rules *r, const core_measures *m, int rounds);

/* Fills the parts of a seat view that bots read: everything except the
 * measures, the edge matrix, the revealed card details, the boundary list
 * and the own reflection text. The caller zeroes `out` once before the
 * first call (only the first n_seats/n_needs entries are rewritten). Used by
 * the simulator to stay fast and allocation-free; core_seat_view_get is
 * the full version. */
void core_seat_view_fill_fast(const core_state *st, int seat, core_seat_view *out);

/* Whether goal g's needs include n (the level's goals only). */
static inline bool core_goal_links(const core_scenario *sc, int g, int n)
{
    return (sc->goals[g].needs >> (unsigned)n) & 1u;
}

/* Goal slots in play: the level's goals, then the team's own. */
static inline int core_goal_slots(const core_state *st)
{
    return st->sc->n_goals + st->n_team_goals;
}

/* The needs goal slot g is linked to (level or team goal). */
static inline uint32_t core_goal_needs(const core_state *st, int g)
{
    if (g < st->sc->n_goals)
        return st->sc->goals[g].needs;
    return (uint32_t)st->team_goal_needs[g - st->sc->n_goals];
}

/* A seat whose role may consent to sharing a sensitive fact. */
static inline bool core_seat_consents(const core_state *st, int seat)
{
    return seat >= 0 && ((st->consent_seats >> (unsigned)seat) & 1u);
}

/* The pupil was asked in the running round. */
static inline bool core_pupil_heard(const core_state *st)
{
    return st->round > 0 && st->pupil_asked_round == st->round;
}

/* The round's full overleg budget (before anything was spent). */
static inline int core_round_budget(const core_state *st, int round)
{
    const core_rules *ru = &st->sc->rules;
    int b = ru->overleg_budget;
    if (st->meeting_round > 0 && round > st->meeting_round)
        b += ru->overleg_moment_bonus;
    return b;
}

/* Every seat answered the running round's reflection, and every answer fits. */
bool core_round_reflective(const core_state *st);

/* Changes trust by delta (clamped) and says so. */
void core_change_trust(core_state *st, int delta, core_events *out);

/* ------------------------------------------------------------------------
 * Shared by the rules files: core_rules.c (init, round flow, applying),
 * core_check.c, core_resolve.c and core_validate.c. Small and hot, hence
 * inline: the resolution calls them in its inner loops.
 */

/* Writes msg (with idx when idx >= 0) to err; returns false for `return`. */
bool core_fail(char *err, size_t len, const char *msg, int idx);

/* Adds the collaboration edges of rounds lo..hi to w, each weight
 * saturating at UINT16_MAX (core_measures.c; the view sums them too). */
void core_edges_add(const core_state *st, int lo, int hi, uint16_t w[CORE_MAX_SEATS][CORE_MAX_SEATS]);

/* Uitvoering: resolves the revealed commitments (core_resolve.c). */
void core_resolve(core_state *st, core_events *out);

static inline void core_emit(core_events *out, core_event_type t, int seat, int a, int b, int c, int d)
{
    if (!out || out->n < 0 || out->n >= CORE_MAX_EVENTS)
        return;
    out->ev[out->n++] = (core_event){t, seat, a, b, c, d};
}

/* Whether a seat's commitments hold this hand slot (or innovation slot):
 * the rules and the bots ask it of a seat's state and of its view. */
static inline bool core_commits_hold(const core_commitment *commits, int n, int slot, bool innovation)
{
    for (int k = 0; k < n; k++)
        if (commits[k].innovation == innovation && commits[k].slot == slot)
            return true;
    return false;
}

static inline int core_clampi(int v, int lo, int hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

static inline int core_seat_role(const core_state *st, int seat)
{
    return st->sc->seat_roles[seat];
}

/* The slot of friction definition `def` among the revealed ones, or CORE_NONE. */
static inline int core_friction_slot(const core_state *st, int def)
{
    for (int i = 0; i < st->n_frictions_out; i++)
        if (st->frictions[i].friction == def)
            return i;
    return CORE_NONE;
}

static inline int core_goals_adopted(const core_state *st)
{
    int n = 0;
    for (int g = 0; g < core_goal_slots(st); g++)
        n += st->goal_adopted[g] ? 1 : 0;
    return n;
}

/* A need is lit when it has no dossier facts or one of them was shared. */
static inline bool core_need_lit(const core_state *st, int n)
{
    return !st->need_has_facts[n] || ((st->lit_needs >> (unsigned)n) & 1u);
}

/* Counts one interaction between seats a and b in this round's network. */
static inline void core_add_edge(core_state *st, int a, int b)
{
    if (a == b || a < 0 || b < 0 || a >= st->sc->n_seats || b >= st->sc->n_seats)
        return;
    int r = core_clampi(st->round, 0, CORE_MAX_ROUNDS);
    if (st->edge_round[r][a][b] < UINT16_MAX) {
        st->edge_round[r][a][b]++;
        st->edge_round[r][b][a]++;
    }
}

static inline void core_set_welbevinden(core_state *st, int v)
{
    st->welbevinden = core_clampi(v, 0, st->sc->rules.welbevinden_max);
}

static inline void core_set_draagkracht(core_state *st, int v)
{
    st->draagkracht = core_clampi(v, 0, st->sc->rules.draagkracht_max);
}

static inline void core_meet_need_if_done(core_state *st, int n, core_events *out)
{
    if (!st->need_met[n] && st->need_progress[n] >= st->sc->needs[n].target) {
        st->need_met[n] = true;
        st->need_met_round[n] = st->round;
        core_emit(out, CORE_EVT_NEED_MET, CORE_NONE, n, 0, 0, 0);
        core_set_welbevinden(st, st->welbevinden + st->sc->rules.welbevinden_per_need);
    }
}

#endif
