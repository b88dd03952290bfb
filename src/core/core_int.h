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

/* Whether goal g's needs include n. */
static inline bool core_goal_links(const core_scenario *sc, int g, int n)
{
    return (sc->goals[g].needs >> (unsigned)n) & 1u;
}

#endif
