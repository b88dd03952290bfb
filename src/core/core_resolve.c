/*
 * Uitvoering: the deterministic resolution of the revealed commitments
 * (needs, frictions, promises, then the cards leave), as RULES.md states it.
 */
#include "core/core_int.h"

#include <string.h>

/* The cards committed to one need this round. */
typedef struct {
    int base;           /* strength of the expertise and experience cards */
    int boost;          /* boosts of the generic cards that count */
    int ncards;         /* every card on the need, generic or not */
    uint32_t roles_all; /* roles whose cards count */
    uint32_t kinds;     /* knowledge kinds of the non-generic cards */
    uint32_t seats;     /* seats with any card on the need */
} need_tally;

static bool need_goal_linked(const core_state *st, int n)
{
    for (int g = 0; g < core_goal_slots(st); g++)
        if (st->goal_adopted[g] && ((core_goal_needs(st, g) >> (unsigned)n) & 1u))
            return true;
    return false;
}

/* A card of the pupil's voice (or of the seated leerling) is only heard in a
 * round in which someone asked the pupil. */
static bool card_silenced(const core_state *st, int seat, const core_card_def *cd)
{
    if (core_pupil_heard(st))
        return false;
    return cd->pupil_voice || st->sc->roles[core_seat_role(st, seat)].pupil;
}

/* Joint work on a need means working *together*, not side by side by
 * chance: the need's trekker is among the seats on it, or two of them made
 * an accepted ask/offer about it this round. */
static bool coordinated(const core_state *st, int n, uint32_t seats)
{
    int lead = st->need_lead[n];
    if (lead != CORE_NONE && ((seats >> (unsigned)lead) & 1u))
        return true;
    for (int p = 0; p < st->n_promises; p++) {
        const core_promise *pr = &st->promises[p];
        if (pr->need == n && pr->status == CORE_PROMISE_ACCEPTED && ((seats >> (unsigned)pr->from) & 1u) &&
            ((seats >> (unsigned)pr->to) & 1u))
            return true;
    }
    return false;
}

/* One edge in the network for every pair of seats in `seats`. */
static void add_edges_among(core_state *st, uint32_t seats)
{
    const int ns = st->sc->n_seats;
    for (int a = 0; a < ns; a++)
        for (int b = a + 1; b < ns; b++)
            if (((seats >> (unsigned)a) & 1u) && ((seats >> (unsigned)b) & 1u))
                core_add_edge(st, a, b);
}

/* The reveal: the commitments are public from now until the next Signaal. */
static void reveal_commitments(core_state *st, core_events *out)
{
    st->revealed = true;
    for (int s = 0; s < st->sc->n_seats; s++) {
        st->revealed_n[s] = st->seats[s].commit_n;
        for (int k = 0; k < st->seats[s].commit_n; k++) {
            st->revealed_commits[s][k] = st->seats[s].commits[k];
            const core_commitment *cm = &st->seats[s].commits[k];
            core_emit(out, CORE_EVT_REVEAL, s, cm->card, cm->target_kind, cm->target, 0);
        }
    }
}

/* Tallies the cards on need n and counts their knowledge kinds for the
 * measures. A generic card only boosts another role's card on the same
 * need, so the generic ones are weighed after all the others are known. */
static void tally_need(core_state *st, int n, need_tally *t)
{
    const core_scenario *sc = st->sc;
    uint32_t generic_role[CORE_MAX_SEATS * CORE_MAX_COMMIT];
    int generic_boost[CORE_MAX_SEATS * CORE_MAX_COMMIT];
    int n_generic = 0;
    uint32_t roles_exp = 0;
    memset(t, 0, sizeof *t);
    for (int s = 0; s < sc->n_seats; s++) {
        const core_seat_state *ss = &st->seats[s];
        uint32_t rb = 1u << (unsigned)core_seat_role(st, s);
        for (int k = 0; k < ss->commit_n; k++) {
            const core_commitment *cm = &ss->commits[k];
            if (cm->target_kind != 0 || cm->target != n)
                continue;
            const core_card_def *cd = &sc->cards[cm->card];
            t->ncards++;
            t->seats |= 1u << (unsigned)s;
            if (card_silenced(st, s, cd))
                continue;
            if (cd->type == CORE_CARD_GENERIC) {
                generic_role[n_generic] = rb;
                generic_boost[n_generic++] = cd->boost;
                continue;
            }
            int v = cd->strength;
            if (cd->type == CORE_CARD_EXPERTISE && strcmp(cd->domain, sc->needs[n].domain) != 0)
                v /= sc->rules.off_domain_divisor;
            t->base += v;
            roles_exp |= rb;
            t->kinds |= 1u << (unsigned)cd->kind;
            st->contrib_kind[st->round][cd->kind]++;
        }
    }
    t->roles_all = roles_exp;
    for (int i = 0; i < n_generic; i++) {
        if (roles_exp & ~generic_role[i]) {
            t->boost += generic_boost[i];
            t->roles_all |= generic_role[i];
        }
    }
}

/* The progress the tallied cards make on need n (RULES.md's formula). */
static int need_total(const core_state *st, int n, const need_tally *t, bool linked, bool weak)
{
    const core_rules *ru = &st->sc->rules;
    int distinct = core_popcount(t->roles_all);
    int total = 0;
    /* a need limited for the one role on it gets nothing from that role alone */
    if (!(distinct == 1 && (st->need_limited[n] & t->roles_all))) {
        total = t->base + t->boost;
        if (distinct > 1)
            total += ru->synergy_bonus * (distinct - 1);
        if (core_popcount(t->kinds) > 1)
            total += ru->mixed_kinds_bonus * (core_popcount(t->kinds) - 1);
        if (total > 0 && linked)
            total += ru->goal_bonus;
        if (total > 0 && st->need_lead[n] != CORE_NONE && ((t->seats >> (unsigned)st->need_lead[n]) & 1u))
            total += ru->lead_bonus;
        if (!core_need_lit(st, n))
            total /= ru->dark_divisor;
    }
    if (weak)
        total -= ru->weak_penalty * t->ncards;
    return total < 0 ? 0 : total;
}

/* The measures of the work on need n: contributions, joint work, and the
 * network edges (between the seats on it, and from a seat that shared one of
 * its facts to those seats: those pairs are collected in fact_pair). */
static void record_need_work(core_state *st, int n, const need_tally *t, bool linked,
                             bool fact_pair[CORE_MAX_SEATS][CORE_MAX_SEATS])
{
    const core_scenario *sc = st->sc;
    const int ns = sc->n_seats;
    const int r = st->round;
    st->contrib_n[r] += t->ncards;
    if (core_popcount(t->seats) >= 2 && coordinated(st, n, t->seats))
        st->contrib_joint[r] += t->ncards;
    if (linked)
        st->contrib_goal[r] += t->ncards;
    st->contrib_seats[r] |= t->seats;
    add_edges_among(st, t->seats);
    for (int f = 0; f < sc->n_facts; f++) {
        if (!st->fact_shared[f] || !((sc->facts[f].needs >> (unsigned)n) & 1u))
            continue;
        int by = st->fact_shared_by[f];
        if (by < 0 || by >= ns)
            continue;
        for (int s = 0; s < ns; s++)
            if (s != by && ((t->seats >> (unsigned)s) & 1u))
                fact_pair[by < s ? by : s][by < s ? s : by] = true;
    }
}

static void resolve_needs(core_state *st, core_events *out)
{
    const int ns = st->sc->n_seats;
    const bool weak = st->draagkracht == 0;
    bool fact_pair[CORE_MAX_SEATS][CORE_MAX_SEATS];
    memset(fact_pair, 0, sizeof fact_pair);
    for (int n = 0; n < st->sc->n_needs; n++) {
        need_tally t;
        tally_need(st, n, &t);
        if (t.ncards == 0)
            continue;
        bool linked = need_goal_linked(st, n);
        int total = need_total(st, n, &t, linked, weak);
        record_need_work(st, n, &t, linked, fact_pair);
        if (!st->need_met[n]) {
            st->need_progress[n] += total;
            core_emit(out, CORE_EVT_NEED_PROGRESS, CORE_NONE, n, total, st->need_progress[n], 0);
            core_meet_need_if_done(st, n, out);
        }
    }
    for (int a = 0; a < ns; a++)
        for (int b = a + 1; b < ns; b++)
            if (fact_pair[a][b])
                core_add_edge(st, a, b);
}

/* Enough of the friction's roles worked on it together: a grenservaring. */
static void friction_crossed(core_state *st, core_friction_state *fs, core_events *out)
{
    const core_friction_def *fd = &st->sc->frictions[fs->friction];
    fs->active = false;
    if (st->n_boundary < CORE_MAX_FRICTIONS)
        st->boundary_won[st->n_boundary++] = fs->friction;
    if (fd->innovation_card != CORE_NONE && st->n_innovations < CORE_MAX_INNOVATIONS)
        st->innovations[st->n_innovations++] = fd->innovation_card;
    st->r_boundary[st->round]++;
    core_set_draagkracht(st, st->draagkracht + st->sc->rules.recovery);
    core_emit(out, CORE_EVT_GRENSERVARING, CORE_NONE, fs->friction, fd->innovation_card, 0, 0);
    core_change_trust(st, 1, out);
}

/* The friction stays: it drains a track and grows. */
static void friction_drains(core_state *st, core_friction_state *fs, core_events *out)
{
    const core_friction_def *fd = &st->sc->frictions[fs->friction];
    int amount = fs->severity;
    if (fd->drains == CORE_DRAIN_WELBEVINDEN)
        core_set_welbevinden(st, st->welbevinden - amount);
    else
        core_set_draagkracht(st, st->draagkracht - amount);
    if (amount > 0)
        st->r_drained[st->round]++;
    core_emit(out, CORE_EVT_FRICTION_DRAIN, CORE_NONE, fs->friction, amount, (int)fd->drains, 0);
    fs->ignored_rounds++;
    fs->severity = core_clampi(fs->severity + st->sc->rules.escalation, 0, 1000);
    core_emit(out, CORE_EVT_FRICTION_ESCALATED, CORE_NONE, fs->friction, fs->severity, 0, 0);
}

static void resolve_friction(core_state *st, core_friction_state *fs, core_events *out)
{
    const core_scenario *sc = st->sc;
    const int r = st->round;
    uint32_t seats = 0, roles = 0;
    int ncards = 0;
    for (int s = 0; s < sc->n_seats; s++) {
        const core_seat_state *ss = &st->seats[s];
        for (int k = 0; k < ss->commit_n; k++) {
            const core_commitment *cm = &ss->commits[k];
            if (cm->target_kind != 1 || cm->target != fs->friction)
                continue;
            const core_card_def *cd = &sc->cards[cm->card];
            ncards++;
            seats |= 1u << (unsigned)s;
            roles |= 1u << (unsigned)core_seat_role(st, s);
            if (cd->type != CORE_CARD_GENERIC)
                st->contrib_kind[r][cd->kind]++;
        }
    }
    if (ncards > 0) {
        st->contrib_n[r] += ncards;
        if (core_popcount(seats) >= 2)
            st->contrib_joint[r] += ncards;
        st->contrib_seats[r] |= seats;
        add_edges_among(st, seats);
    }
    const core_friction_def *fd = &sc->frictions[fs->friction];
    if (st->afspraken[fs->friction].made_round > 0) {
        friction_crossed(st, fs, out); /* only an afspraak resolves a spanning */
    } else if (core_popcount(roles & fd->roles) >= fd->required_roles) {
        core_emit(out, CORE_EVT_FRICTION_SOFTENED, CORE_NONE, fs->friction, 0, 0, 0);
    } else {
        friction_drains(st, fs, out);
    }
}

static bool seat_on_need(const core_seat_state *ss, int need)
{
    for (int k = 0; k < ss->commit_n; k++)
        if (ss->commits[k].target_kind == 0 && ss->commits[k].target == need)
            return true;
    return false;
}

/* Promises: kept when both seats put a card on the promised need. */
static void resolve_promises(core_state *st, core_events *out)
{
    const int r = st->round;
    for (int p = 0; p < st->n_promises; p++) {
        core_promise *pr = &st->promises[p];
        /* an unanswered one stays PENDING (the view shows it lapsed); the
         * event tells the debrief that nobody answered in time */
        if (pr->status == CORE_PROMISE_PENDING)
            core_emit(out, CORE_EVT_PROMISE_LAPSED, CORE_NONE, p, 0, 0, 0);
        if (pr->status != CORE_PROMISE_ACCEPTED)
            continue;
        if (seat_on_need(&st->seats[pr->from], pr->need) && seat_on_need(&st->seats[pr->to], pr->need)) {
            pr->status = CORE_PROMISE_KEPT;
            st->r_kept[r]++;
            core_emit(out, CORE_EVT_PROMISE_KEPT, CORE_NONE, p, 0, 0, 0);
        } else {
            pr->status = CORE_PROMISE_BROKEN;
            st->r_broken[r]++;
            core_emit(out, CORE_EVT_PROMISE_BROKEN, CORE_NONE, p, 0, 0, 0);
            core_change_trust(st, -1, out);
        }
    }
}

/* Committed cards leave: hand cards to the discard pile, innovation cards
 * are spent. */
static void discard_committed(core_state *st)
{
    bool inno_used[CORE_MAX_INNOVATIONS];
    memset(inno_used, 0, sizeof inno_used);
    for (int s = 0; s < st->sc->n_seats; s++) {
        core_seat_state *ss = &st->seats[s];
        bool used[CORE_MAX_HAND];
        memset(used, 0, sizeof used);
        for (int k = 0; k < ss->commit_n; k++) {
            const core_commitment *cm = &ss->commits[k];
            if (cm->innovation)
                inno_used[cm->slot] = true;
            else
                used[cm->slot] = true;
        }
        int w = 0;
        for (int h = 0; h < ss->hand_n; h++) {
            if (used[h]) {
                if (ss->discard_n < CORE_MAX_DECK)
                    ss->discard[ss->discard_n++] = ss->hand[h];
            } else {
                ss->hand[w++] = ss->hand[h];
            }
        }
        ss->hand_n = w;
        ss->commit_n = 0;
    }
    int w = 0;
    for (int i = 0; i < st->n_innovations; i++)
        if (!inno_used[i])
            st->innovations[w++] = st->innovations[i];
    st->n_innovations = w;
}

void core_resolve(core_state *st, core_events *out)
{
    reveal_commitments(st, out);
    resolve_needs(st, out);
    for (int i = 0; i < st->n_frictions_out; i++)
        if (st->frictions[i].active)
            resolve_friction(st, &st->frictions[i], out);
    resolve_promises(st, out);
    discard_committed(st);
    core_emit(out, CORE_EVT_TRACKS, CORE_NONE, st->welbevinden, st->draagkracht, 0, 0);
}
