/*
 * Bots: plain users of the public API. A bot sees one seat view and the
 * scenario (public: role cards, needs, goals, frictions) and answers one
 * action at a time. Team bots coordinate only through public state and
 * public conventions every team bot computes the same way (who leads which
 * need, who tackles which friction, who may use which innovation card);
 * they never read another seat's hand. RULES.md describes both bots.
 */
#include "core/core_int.h"

#include <stdio.h>
#include <string.h>

/* Domains differ mostly in their first letter: compare that first. */
static bool same_id(const char *a, const char *b)
{
    return a[0] == b[0] && strcmp(a, b) == 0;
}

typedef struct {
    int slot;  /* action slot: hand slot or CORE_MAX_HAND + innovation slot */
    int card;
} cand;

static bool role_has_domain(const core_scenario *sc, int role, const char *domain)
{
    const core_role_def *ro = &sc->roles[role];
    for (int d = 0; d < ro->n_domains; d++)
        if (same_id(ro->domains[d], domain))
            return true;
    return false;
}

static bool role_limited(const core_scenario *sc, int role, int need)
{
    if ((sc->needs[need].limited_roles >> (unsigned)role) & 1u)
        return true;
    const core_role_def *ro = &sc->roles[role];
    for (int d = 0; d < ro->n_limit_domains; d++)
        if (same_id(ro->limit_domains[d], sc->needs[need].domain))
            return true;
    return false;
}

static bool committed_slot(const core_seat_view *v, int slot)
{
    bool inno = slot >= CORE_MAX_HAND;
    return core_commits_hold(v->commits, v->commit_n, inno ? slot - CORE_MAX_HAND : slot, inno);
}

static bool committed_to(const core_seat_view *v, int kind, int target)
{
    for (int k = 0; k < v->commit_n; k++)
        if (v->commits[k].target_kind == kind && v->commits[k].target == target)
            return true;
    return false;
}

/* Uncommitted cards this seat may play; innovation slot i belongs by
 * convention to seat i % n_seats so that team bots never collide. */
static int candidates(const core_seat_view *v, bool innovations, cand *out)
{
    int n = 0;
    for (int h = 0; h < v->hand_n; h++)
        if (!committed_slot(v, h)) {
            out[n].slot = h;
            out[n].card = v->hand[h];
            n++;
        }
    if (innovations)
        for (int i = 0; i < v->pub.n_innovations; i++)
            if (i % v->pub.n_seats == v->seat && !committed_slot(v, CORE_MAX_HAND + i)) {
                out[n].slot = CORE_MAX_HAND + i;
                out[n].card = v->pub.innovations[i];
                n++;
            }
    return n;
}

/* Points a card brings to a need by itself (before team bonuses). */
static int card_value(const core_scenario *sc, int card, int need, bool partner)
{
    const core_card_def *cd = &sc->cards[card];
    switch (cd->type) {
    case CORE_CARD_EXPERTISE: {
        int v = cd->strength;
        if (!same_id(cd->domain, sc->needs[need].domain))
            v /= sc->rules.off_domain_divisor > 0 ? sc->rules.off_domain_divisor : 1;
        return v;
    }
    case CORE_CARD_INNOVATION:
        return cd->strength;
    case CORE_CARD_GENERIC:
        return partner ? cd->boost : 0;
    }
    return 0;
}

static void act(core_action *out, core_action_type t, int seat, int a, int b, int c)
{
    /* not a memset of the whole action: its 564-byte text buffer made that
     * the bots' biggest cost; an empty string is all core reads */
    out->text[0] = '\0';
    out->type = t;
    out->seat = seat;
    out->a = a;
    out->b = b;
    out->c = c;
}

/* READY for the phase on the table, unless this seat already is. */
static bool ready_up(const core_seat_view *v, core_action *out)
{
    if (v->ready)
        return false;
    act(out, CORE_ACT_READY, v->seat, (int)v->pub.phase, v->pub.round, 0);
    return true;
}

/* What a bot's move in a phase came to (the team and checklist bots). */
typedef enum {
    MOVE_NONE,  /* nothing to do: the seat is ready for the next phase */
    MOVE_ACTED, /* *out holds the action */
    MOVE_WAIT,  /* nothing now, but not ready: others may still need the seat */
} bot_move;

typedef bot_move (*bot_move_fn)(const core_scenario *sc, const core_seat_view *v, core_rng *rng,
                                core_action *out);

/* How much a bot wants to commit card to need; 0 never. */
typedef int (*commit_value_fn)(const core_scenario *sc, const core_seat_view *v, uint32_t promised, int card,
                               int need);

/* Commits the candidate and need of the highest value, the first one on a
 * tie (candidates in order, needs in order); false when no value is > 0. */
static bool commit_most_valued(const core_scenario *sc, const core_seat_view *v, const cand *cs, int nc,
                               commit_value_fn value, uint32_t promised, core_action *out)
{
    int best = -1, best_need = -1, best_val = 0;
    for (int i = 0; i < nc; i++)
        for (int n = 0; n < sc->n_needs; n++) {
            int val = value(sc, v, promised, cs[i].card, n);
            if (val > best_val) {
                best_val = val;
                best = i;
                best_need = n;
            }
        }
    if (best < 0)
        return false;
    act(out, CORE_ACT_COMMIT, v->seat, cs[best].slot, 0, best_need);
    return true;
}

/* ---------------------------------------------------------------- solo */

/* A solo bot plays its strongest card on an open need its role may work
 * on, discounting a need still in the dark. */
static int solo_value(const core_scenario *sc, const core_seat_view *v, uint32_t promised, int card, int n)
{
    (void)promised;
    if (v->pub.need_met[n] || role_limited(sc, v->role, n))
        return 0;
    int val = card_value(sc, card, n, false);
    if (!v->pub.need_lit[n])
        val /= sc->rules.dark_divisor > 0 ? sc->rules.dark_divisor : 1;
    return val;
}

static bool solo_inzet(const core_scenario *sc, const core_seat_view *v, core_action *out)
{
    if (v->commit_n >= sc->rules.max_commit)
        return false;
    cand cs[CORE_MAX_HAND + CORE_MAX_INNOVATIONS];
    int nc = candidates(v, false, cs);
    return commit_most_valued(sc, v, cs, nc, solo_value, 0, out);
}

static bool solo_next(const core_scenario *sc, const core_seat_view *v, core_action *out)
{
    if (v->ready)
        return false;
    if (v->pub.phase == CORE_PHASE_INZET && solo_inzet(sc, v, out))
        return true;
    return ready_up(v, out);
}

/* ---------------------------------------------------------------- team */

/* Public convention: which seats tackle which friction. Frictions in the
 * order they came out; each takes the required number of involved seats
 * that have no friction duty yet (lowest seat first). */
static void friction_duties(const core_scenario *sc, const core_public_view *p, int duty[CORE_MAX_SEATS])
{
    int load[CORE_MAX_SEATS] = {0};
    for (int s = 0; s < CORE_MAX_SEATS; s++)
        duty[s] = CORE_NONE;
    for (int i = 0; i < p->n_frictions_out; i++) {
        /* a spanning with an afspraak is resolved at Uitvoering: no cards needed */
        if (!p->frictions[i].active || p->afspraken[p->frictions[i].friction].made_round > 0)
            continue;
        const core_friction_def *fd = &sc->frictions[p->frictions[i].friction];
        int picked[CORE_MAX_SEATS], np = 0;
        uint32_t roles = 0;
        for (int s = 0; s < p->n_seats && np < CORE_MAX_SEATS; s++) {
            int r = sc->seat_roles[s];
            if (load[s] == 0 && ((fd->roles >> (unsigned)r) & 1u) && !((roles >> (unsigned)r) & 1u)) {
                picked[np++] = s;
                roles |= 1u << (unsigned)r;
                if (np >= fd->required_roles)
                    break;
            }
        }
        if (np < fd->required_roles)
            continue;
        for (int k = 0; k < np; k++) {
            load[picked[k]]++;
            duty[picked[k]] = p->frictions[i].friction;
        }
    }
}

/* Public convention: the seat best placed to lead need n. */
static int lead_candidate(const core_scenario *sc, const core_public_view *p, int n)
{
    int leads[CORE_MAX_SEATS] = {0};
    for (int k = 0; k < p->n_needs; k++)
        if (p->need_lead[k] != CORE_NONE && !p->need_met[k])
            leads[p->need_lead[k]]++;
    int best = CORE_NONE, best_score = -1000;
    for (int s = 0; s < p->n_seats; s++) {
        /* a seat that already passed (READY) will not take the lead */
        if (p->seat_ready[s])
            continue;
        int r = sc->seat_roles[s];
        int score = (role_has_domain(sc, r, sc->needs[n].domain) ? 4 : 0) + (role_limited(sc, r, n) ? 0 : 2) -
                    3 * leads[s];
        if (score > best_score) {
            best_score = score;
            best = s;
        }
    }
    return best;
}

static int goal_gain(const core_scenario *sc, const core_public_view *p, int g)
{
    uint32_t needs = g < sc->n_goals ? sc->goals[g].needs : (uint32_t)p->team_goal_needs[g - sc->n_goals];
    int c = 0;
    for (int n = 0; n < sc->n_needs; n++)
        if (((needs >> (unsigned)n) & 1u) && !p->need_met[n])
            c++;
    return c;
}

/* Whether a seat whose role may consent is at the table (public: roles are). */
static bool seat_may_consent(const core_scenario *sc, int s)
{
    const core_role_def *ro = &sc->roles[sc->seat_roles[s]];
    return ro->guardian || (ro->pupil && sc->pupil_age >= 12);
}

static bool anyone_may_consent(const core_scenario *sc, int n_seats)
{
    for (int s = 0; s < n_seats; s++)
        if (seat_may_consent(sc, s))
            return true;
    return false;
}

/* What a team seat does with its unshared fact f: share it now (1), ask
 * for consent first (2), or leave it for now (0: consent is pending or was
 * refused, or the pupil must be asked first). */
static int fact_step(const core_scenario *sc, const core_public_view *p, int seat, int f)
{
    const core_fact_def *fd = &sc->facts[f];
    if (fd->pupil_voice && p->round > 0 && !p->pupil_asked)
        return 0;
    if (!fd->sensitive || seat_may_consent(sc, seat) || p->fact_consent[f] == 2)
        return 1;
    if (p->fact_consent[f] == 0 && anyone_may_consent(sc, p->n_seats))
        return 2;
    return 0;
}

/* Whether seat s may spend `cost` units of this round's overleg time. */
static bool time_for(const core_public_view *p, int cost)
{
    return p->overleg_budget <= 0 || cost <= p->overleg_left;
}

/* What an ask or offer costs: one more while trust is low. */
static int ask_cost(const core_rules *ru, const core_public_view *p)
{
    return ru->ask_cost + (p->trust <= ru->trust_low ? 1 : 0);
}

/* Every bot answers yes to the first open ask or offer addressed to it. */
static bool respond_pending(const core_public_view *p, int me, core_action *out)
{
    for (int i = 0; i < p->n_promises; i++)
        if (p->promises[i].to == me && p->promises[i].status == CORE_PROMISE_PENDING) {
            act(out, CORE_ACT_RESPOND, me, i, 1, 0);
            return true;
        }
    return false;
}

/* Yes to the open goal proposal, once. */
static bool vote_goal(const core_public_view *p, int me, core_action *out)
{
    if (p->goal_proposal == CORE_NONE || (((p->goal_votes_yes | p->goal_votes_no) >> (unsigned)me) & 1u))
        return false;
    act(out, CORE_ACT_VOTE_GOAL, me, p->goal_proposal, 1, 0);
    return true;
}

/* A seat that may consent gives it for the first fact that waits for it. */
static bool grant_consent(const core_scenario *sc, const core_public_view *p, int me, core_action *out)
{
    if (!seat_may_consent(sc, me))
        return false;
    for (int f = 0; f < sc->n_facts; f++)
        if (p->fact_consent[f] == 1) {
            act(out, CORE_ACT_CONSENT, me, f, 1, 0);
            return true;
        }
    return false;
}

/* Whether seat s has an open ask/offer about need n with seat t that t declined
 * this round: asking the same seat again would only repeat the question. */
static bool declined_by(const core_public_view *p, int s, int t, int n)
{
    for (int i = 0; i < p->n_promises; i++) {
        const core_promise *pr = &p->promises[i];
        if (pr->need == n && pr->status == CORE_PROMISE_DECLINED &&
            ((pr->from == s && pr->to == t) || (pr->from == t && pr->to == s)))
            return true;
    }
    return false;
}

/* The lowest seat still deciding: by convention it checks the
 * verbeteracties of earlier rounds (a READY seat is never waited for). */
static int lowest_open_seat(const core_public_view *p)
{
    for (int s = 0; s < p->n_seats; s++)
        if (!p->seat_ready[s])
            return s;
    return CORE_NONE;
}

/* Spanningen by dialogue: the first seat of a spanning's duty proposes the
 * level's first afspraak (the whole team agrees on the words); the other
 * involved seats agree while their role is not yet among those that did. */
static bool afspraak_step(const core_scenario *sc, const core_public_view *p, int me, core_action *out)
{
    const int my_role = sc->seat_roles[me];
    for (int i = 0; i < p->n_frictions_out; i++) {
        if (!p->frictions[i].active)
            continue;
        int f = p->frictions[i].friction;
        const core_friction_def *fd = &sc->frictions[f];
        const core_afspraak *af = &p->afspraken[f];
        if (!((fd->roles >> (unsigned)my_role) & 1u) || af->made_round > 0)
            continue;
        if (af->proposer == CORE_NONE) {
            /* the lowest involved seat proposes */
            int first = CORE_NONE;
            for (int s = 0; s < p->n_seats && first == CORE_NONE; s++)
                if ((fd->roles >> (unsigned)sc->seat_roles[s]) & 1u)
                    first = s;
            if (first == me && time_for(p, sc->rules.afspraak_cost)) {
                act(out, CORE_ACT_PROPOSE_AFSPRAAK, me, f, fd->n_options > 0 ? 0 : CORE_NONE, 0);
                if (fd->n_options == 0)
                    snprintf(out->text, sizeof out->text, "Samen aanpakken: %s", fd->title);
                return true;
            }
            continue;
        }
        uint32_t roles = 0;
        for (int s = 0; s < p->n_seats; s++)
            if ((af->agreed >> (unsigned)s) & 1u)
                roles |= 1u << (unsigned)sc->seat_roles[s];
        if (!((af->agreed >> (unsigned)me) & 1u) && !((roles >> (unsigned)my_role) & 1u)) {
            act(out, CORE_ACT_AGREE_AFSPRAAK, me, f, 1, 0);
            return true;
        }
    }
    return false;
}

/* What the public plan needs that is the same for every seat, computed once
 * per view (a bot that waits checks every other seat). */
typedef struct {
    int first_fact[CORE_MAX_SEATS]; /* an unshared fact of the seat's role, or CORE_NONE */
    int fact_step[CORE_MAX_SEATS];  /* fact_step() of first_fact */
    int asker;                      /* the seat that asks the pupil this round, or CORE_NONE */
    int reserved;                   /* overleg time the plan's earlier steps still need (asks wait for it) */
    int organizer;                  /* the seat that sets up the overlegmoment, or CORE_NONE */
    core_action_type goal_act;      /* PROPOSE_GOAL / DROP_GOAL when no vote is open, else NONE */
    int goal;
    int lead_cand[CORE_MAX_NEEDS];  /* lead_candidate() of each unled unmet need */
    int duty[CORE_MAX_SEATS];
    uint32_t promised[CORE_MAX_SEATS]; /* needs each seat has an open or accepted promise about */
    int oblig[CORE_MAX_SEATS];         /* distinct promised needs + a friction duty */
} plan_ctx;

/* Time for the plan's steps before the asks: the overlegmoment, asking
 * the pupil, proposing an afspraak for every open spanning, the goal.
 * Asks and offers only use what is left, so that over a network (any order
 * of seats, late views) an early ask never eats the time of a step that
 * the plan puts first. goal_act is filled by then. */
static void plan_reserve(const core_scenario *sc, const core_public_view *p, plan_ctx *c)
{
    const core_rules *ru = &sc->rules;
    int r = 0;
    if (c->asker != CORE_NONE)
        r += ru->pupil_cost;
    for (int i = 0; i < p->n_frictions_out; i++) {
        int f = p->frictions[i].friction;
        if (p->frictions[i].active && p->afspraken[f].made_round == 0 && p->afspraken[f].proposer == CORE_NONE)
            r += ru->afspraak_cost;
    }
    if (p->goal_proposal == CORE_NONE && c->goal_act != CORE_ACT_NONE)
        r += ru->goal_cost;
    /* the overlegmoment is an investment: only from the time the round's
     * other steps leave (the plan comes first, and in round 1 it needs it) */
    if (c->organizer != CORE_NONE) {
        if (p->overleg_budget > 0 && p->overleg_left - r < ru->overleg_moment_cost)
            c->organizer = CORE_NONE;
        else
            r += ru->overleg_moment_cost;
    }
    c->reserved = r;
}

static void plan_ctx_fill(const core_scenario *sc, const core_public_view *p, plan_ctx *c)
{
    for (int s = 0; s < CORE_MAX_SEATS; s++) {
        c->first_fact[s] = CORE_NONE;
        c->fact_step[s] = 0;
    }
    /* a fact's holder role is public (its text is not) */
    for (int f = sc->n_facts - 1; f >= 0; f--)
        if (!p->fact_shared[f])
            for (int s = 0; s < p->n_seats; s++)
                if (sc->seat_roles[s] == sc->facts[f].role) {
                    int step = fact_step(sc, p, s, f);
                    if (step != 0) {
                        c->first_fact[s] = f;
                        c->fact_step[s] = step;
                    }
                }
    /* public conventions: the lowest seat that is not the pupil asks the
     * pupil; the lowest organizer sets up the overlegmoment in Overleg of
     * the first round whose time allows it (plan_reserve), while later
     * rounds are left to profit from it */
    c->asker = CORE_NONE;
    c->organizer = CORE_NONE;
    for (int s = p->n_seats - 1; s >= 0; s--) {
        const core_role_def *ro = &sc->roles[sc->seat_roles[s]];
        if (!ro->pupil)
            c->asker = s;
        if (ro->organizer)
            c->organizer = s;
    }
    if (p->pupil_asked || !p->pupil_voice || p->phase != CORE_PHASE_OVERLEG)
        c->asker = CORE_NONE;
    if (p->meeting_round > 0 || p->round >= sc->rules.rounds || p->phase != CORE_PHASE_OVERLEG)
        c->organizer = CORE_NONE;
    c->goal_act = CORE_ACT_NONE;
    c->goal = CORE_NONE;
    if (p->goal_proposal == CORE_NONE) {
        int adopted = 0, best = CORE_NONE, best_gain = 0, stale = CORE_NONE;
        for (int g = 0; g < sc->n_goals + p->n_team_goals; g++) {
            int gain = goal_gain(sc, p, g);
            if (p->goal_adopted[g]) {
                adopted++;
                if (gain == 0)
                    stale = g;
                continue;
            }
            if (gain > best_gain) {
                best_gain = gain;
                best = g;
            }
        }
        if (best != CORE_NONE && adopted < sc->rules.max_goals) {
            c->goal_act = CORE_ACT_PROPOSE_GOAL;
            c->goal = best;
        } else if (best != CORE_NONE && stale != CORE_NONE) {
            c->goal_act = CORE_ACT_DROP_GOAL;
            c->goal = stale;
        }
    }
    plan_reserve(sc, p, c);
    for (int n = 0; n < p->n_needs; n++)
        c->lead_cand[n] =
            (!p->need_met[n] && p->need_lead[n] == CORE_NONE) ? lead_candidate(sc, p, n) : CORE_NONE;
    /* duties and obligations only matter for asks, which wait for Overleg */
    if (p->phase != CORE_PHASE_OVERLEG)
        return;
    friction_duties(sc, p, c->duty);
    for (int s = 0; s < CORE_MAX_SEATS; s++)
        c->promised[s] = 0;
    for (int i = 0; i < p->n_promises; i++) {
        const core_promise *pr = &p->promises[i];
        if (pr->status == CORE_PROMISE_PENDING || pr->status == CORE_PROMISE_ACCEPTED) {
            c->promised[pr->from] |= 1u << (unsigned)pr->need;
            c->promised[pr->to] |= 1u << (unsigned)pr->need;
        }
    }
    for (int s = 0; s < p->n_seats; s++)
        c->oblig[s] = core_popcount(c->promised[s]) + (c->duty[s] != CORE_NONE ? 1 : 0);
}

/* The part of a team bot's Identiteit/Overleg plan that follows from public
 * state alone: what team seat `me` does next, computed the same way by every
 * team bot for every seat. Only the offers (which depend on the hand) are
 * left out. A seat is "busy" while this returns true for it; the team
 * READYs only when no seat that is still deciding is busy (team_overleg). */
static bool public_plan_action(const core_scenario *sc, const core_public_view *p, const plan_ctx *c, int me,
                               core_action *out)
{
    const int my_role = sc->seat_roles[me];
    const core_rules *ru = &sc->rules;
    /* share every fact of the dossier (the team needs the whole picture),
     * asking consent first for a sensitive one */
    if (c->first_fact[me] != CORE_NONE) {
        act(out, c->fact_step[me] == 2 ? CORE_ACT_ASK_CONSENT : CORE_ACT_SHARE_FACT, me, c->first_fact[me], 0, 0);
        return true;
    }
    /* answer what is addressed to me */
    if (respond_pending(p, me, out))
        return true;
    if (grant_consent(sc, p, me, out))
        return true;
    /* look back: check the verbeteracties of earlier rounds (lowest seat) */
    if (me == lowest_open_seat(p))
        for (int s = 0; s < p->n_seats; s++)
            if (p->improvement_round[s] > 0 && p->improvement_round[s] < p->round && p->improvement_checked[s] == 0) {
                act(out, CORE_ACT_CHECK_IMPROVEMENT, me, s, 1, 0);
                return true;
            }
    if (c->asker == me && time_for(p, ru->pupil_cost)) {
        act(out, CORE_ACT_ASK_PUPIL, me, 0, 0, 0);
        return true;
    }
    if (afspraak_step(sc, p, me, out))
        return true;
    if (vote_goal(p, me, out))
        return true;
    if (p->goal_proposal == CORE_NONE && c->goal_act != CORE_ACT_NONE && time_for(p, ru->goal_cost)) {
        act(out, c->goal_act, me, c->goal, 0, 0);
        return true;
    }
    if (c->organizer == me && time_for(p, ru->overleg_moment_cost)) {
        act(out, CORE_ACT_SET_MEETING, me, 0, 0, 0);
        return true;
    }
    for (int n = 0; n < p->n_needs; n++)
        if (p->lead_proposal[n] == me) {
            act(out, CORE_ACT_ACCEPT_LEAD, me, n, 0, 0);
            return true;
        }
    for (int n = 0; n < p->n_needs; n++)
        if (c->lead_cand[n] == me) {
            act(out, CORE_ACT_PROPOSE_LEAD, me, n, me, 0);
            return true;
        }
    /* as trekker, ask one partner of another role per led need */
    if (p->phase == CORE_PHASE_OVERLEG) {
        for (int n = 0; n < p->n_needs; n++) {
            if (p->need_met[n] || p->need_lead[n] != me)
                continue;
            if ((c->promised[me] >> (unsigned)n) & 1u)
                continue;
            if (c->oblig[me] >= sc->rules.max_commit)
                break;
            int best = CORE_NONE, best_score = -1000;
            for (int s = 0; s < p->n_seats; s++) {
                /* not a seat that is READY: it would let the ask lapse */
                if (s == me || sc->seat_roles[s] == my_role || p->seat_ready[s] || declined_by(p, me, s, n))
                    continue;
                int ob = c->oblig[s];
                if (ob >= sc->rules.max_commit)
                    continue;
                int r = sc->seat_roles[s];
                int score = (role_has_domain(sc, r, sc->needs[n].domain) ? 3 : 0) +
                            (role_limited(sc, r, n) ? 0 : 1) - 2 * ob;
                if (score > best_score) {
                    best_score = score;
                    best = s;
                }
            }
            if (best != CORE_NONE && time_for(p, ask_cost(ru, p) + c->reserved)) {
                act(out, CORE_ACT_ASK, me, best, n, 0);
                return true;
            }
        }
    }
    return false;
}

/* Whether the team's plan still waits for a seat other than me that is not
 * READY yet. Over a network every bot decides on its own, possibly late
 * view; READYing as soon as I have nothing left to do myself ended the
 * phase before the others' votes, leads and asks arrived. A seat that is
 * already READY is not waited for (a person or solo bot that passed, or a
 * team bot that found nothing to do): the phase then ends normally, so the
 * game never waits on a plan that cannot be completed. */
static bool plan_waits_for_others(const core_scenario *sc, const core_public_view *p, const plan_ctx *c, int me)
{
    core_action scratch;
    for (int s = 0; s < p->n_seats; s++)
        if (s != me && !p->seat_ready[s] && public_plan_action(sc, p, c, s, &scratch))
            return true;
    return false;
}

static bot_move team_overleg(const core_scenario *sc, const core_seat_view *v, core_rng *rng, core_action *out)
{
    (void)rng;
    const core_public_view *p = &v->pub;
    const int me = v->seat;
    /* the own dossier first (the view's list is authoritative for me) */
    for (int i = 0; i < v->dossier_n; i++) {
        int f = v->dossier[i];
        int step = p->fact_shared[f] ? 0 : fact_step(sc, p, me, f);
        if (step != 0) {
            act(out, step == 2 ? CORE_ACT_ASK_CONSENT : CORE_ACT_SHARE_FACT, me, f, 0, 0);
            return MOVE_ACTED;
        }
    }
    plan_ctx ctx;
    plan_ctx_fill(sc, p, &ctx);
    if (public_plan_action(sc, p, &ctx, me, out))
        return MOVE_ACTED;
    if (p->phase == CORE_PHASE_OVERLEG) {
        /* spare capacity: offer help to the trekker of a need where one of
         * my cards counts fully, so that it is not played alone (not to a
         * trekker who is READY: the offer could lapse unanswered) */
        if (ctx.oblig[me] < sc->rules.max_commit) {
            uint32_t mine = ctx.promised[me];
            for (int n = 0; n < p->n_needs; n++) {
                int lead = p->need_lead[n];
                if (p->need_met[n] || lead == CORE_NONE || lead == me || ((mine >> (unsigned)n) & 1u) ||
                    sc->seat_roles[lead] == v->role || p->seat_ready[lead] || declined_by(p, me, lead, n))
                    continue;
                bool fits = false;
                for (int h = 0; h < v->hand_n && !fits; h++) {
                    const core_card_def *cd = &sc->cards[v->hand[h]];
                    fits = cd->type == CORE_CARD_EXPERTISE && same_id(cd->domain, sc->needs[n].domain);
                }
                if (fits && time_for(p, ask_cost(&sc->rules, p) + ctx.reserved)) {
                    act(out, CORE_ACT_OFFER, me, lead, n, 0);
                    return MOVE_ACTED;
                }
            }
        }
    }
    if (v->ready || !plan_waits_for_others(sc, p, &ctx, me))
        return MOVE_NONE;
    return MOVE_WAIT;
}

static bool commit_best_for(const core_scenario *sc, const core_seat_view *v, const cand *cs, int nc,
                            int need, bool partner, core_action *out)
{
    int best = -1, best_val = -1;
    for (int i = 0; i < nc; i++) {
        int val = card_value(sc, cs[i].card, need, partner);
        if (val > best_val) {
            best_val = val;
            best = i;
        }
    }
    if (best < 0 || best_val <= 0)
        return false;
    act(out, CORE_ACT_COMMIT, v->seat, cs[best].slot, 0, need);
    return true;
}

/* A team bot's last choice: an open need, a partner's (promised or led by
 * another seat) first, even where its own role is limited. */
static int team_rest_value(const core_scenario *sc, const core_seat_view *v, uint32_t promised, int card, int n)
{
    const core_public_view *p = &v->pub;
    if (p->need_met[n])
        return 0;
    bool partner = ((promised >> (unsigned)n) & 1u) || (p->need_lead[n] != CORE_NONE && p->need_lead[n] != v->seat);
    if (!partner && role_limited(sc, v->role, n))
        return 0;
    return card_value(sc, card, n, partner) * 2 + (partner ? 1 : 0);
}

/* The cards a seat may still commit in Inzet: none once it is READY or
 * has committed as many as the rules allow. */
static int inzet_candidates(const core_scenario *sc, const core_seat_view *v, bool innovations, cand *out)
{
    if (v->ready || v->commit_n >= sc->rules.max_commit)
        return 0;
    return candidates(v, innovations, out);
}

/* Inzet once the asks and offers to me are answered (moves_next). */
static bot_move team_inzet(const core_scenario *sc, const core_seat_view *v, core_rng *rng, core_action *out)
{
    (void)rng;
    const core_public_view *p = &v->pub;
    const int me = v->seat;
    cand cs[CORE_MAX_HAND + CORE_MAX_INNOVATIONS];
    int nc = inzet_candidates(sc, v, true, cs);
    if (nc == 0)
        return MOVE_NONE;
    /* 1. my friction duty: the card I value least on the needs */
    int duty[CORE_MAX_SEATS];
    friction_duties(sc, p, duty);
    if (duty[me] != CORE_NONE && !committed_to(v, 1, duty[me])) {
        int worst = -1, worst_val = 1 << 30;
        for (int i = 0; i < nc; i++) {
            if (cs[i].slot >= CORE_MAX_HAND)
                continue;
            const core_card_def *cd = &sc->cards[cs[i].card];
            int val = cd->type == CORE_CARD_GENERIC ? 0 : cd->strength;
            if (val < worst_val) {
                worst_val = val;
                worst = i;
            }
        }
        if (worst >= 0) {
            act(out, CORE_ACT_COMMIT, me, cs[worst].slot, 1, duty[me]);
            return MOVE_ACTED;
        }
    }
    /* 2. promises I am part of, 3. needs I lead */
    uint32_t promised = 0;
    for (int i = 0; i < p->n_promises; i++) {
        const core_promise *pr = &p->promises[i];
        if ((pr->from == me || pr->to == me) && pr->status == CORE_PROMISE_ACCEPTED && !p->need_met[pr->need])
            promised |= 1u << (unsigned)pr->need;
    }
    for (int n = 0; n < p->n_needs; n++)
        if (((promised >> (unsigned)n) & 1u) && !committed_to(v, 0, n) &&
            commit_best_for(sc, v, cs, nc, n, true, out))
            return MOVE_ACTED;
    for (int n = 0; n < p->n_needs; n++)
        if (p->need_lead[n] == me && !p->need_met[n] && !committed_to(v, 0, n) &&
            commit_best_for(sc, v, cs, nc, n, false, out))
            return MOVE_ACTED;
    /* 4. the rest: best own card where it helps, preferring a need with a partner */
    return commit_most_valued(sc, v, cs, nc, team_rest_value, promised, out) ? MOVE_ACTED : MOVE_NONE;
}

/* An honest answer (one that fits the round's evidence, chosen at random
 * among those), and in turn one seat writes the team's verbeteractie. */
static bot_move team_reflect(const core_scenario *sc, const core_seat_view *v, core_rng *rng, core_action *out)
{
    const core_public_view *p = &v->pub;
    const core_reflection_def *card = p->reflection_card == CORE_NONE ? NULL : &sc->reflections[p->reflection_card];
    int fits[CORE_MAX_OPTIONS], nf = 0;
    int nopt = card ? card->n_options : 0;
    for (int o = 0; o < nopt && o < CORE_MAX_OPTIONS; o++)
        if (core_reflection_fits(card, p->reflection_evidence, o))
            fits[nf++] = o;
    int option = nf > 0 ? fits[core_rng_below(rng, (uint32_t)nf)] : 0;
    act(out, CORE_ACT_REFLECT, v->seat, option, 0, 0);
    if (p->n_seats > 0 && p->round % p->n_seats == v->seat)
        snprintf(out->text, sizeof out->text, "%s", "Volgende ronde kijken we eerst samen na wat we afspraken.");
    return MOVE_ACTED;
}

/* From round 2 the facts that need no consent are shared in Signaal
 * already, before the team sits down to talk. */
static bot_move team_signaal(const core_scenario *sc, const core_seat_view *v, core_rng *rng, core_action *out)
{
    (void)rng;
    const core_public_view *p = &v->pub;
    if (p->round > 1)
        for (int i = 0; i < v->dossier_n; i++)
            if (!p->fact_shared[v->dossier[i]] && fact_step(sc, p, v->seat, v->dossier[i]) == 1) {
                act(out, CORE_ACT_SHARE_FACT, v->seat, v->dossier[i], 0, 0);
                return MOVE_ACTED;
            }
    return MOVE_NONE;
}

/* ----------------------------------------------------------- checklist */

/* Every cooperative button, in the order of the screen, without asking who
 * needs what: the strategy issue #12 describes (RULES.md, Bots). */
static bot_move checklist_talk(const core_scenario *sc, const core_seat_view *v, core_rng *rng, core_action *out)
{
    (void)rng;
    const core_public_view *p = &v->pub;
    const core_rules *ru = &sc->rules;
    const int me = v->seat;
    for (int i = 0; i < v->dossier_n; i++) {
        int f = v->dossier[i];
        if (!p->fact_shared[f] && !(sc->facts[f].pupil_voice && !p->pupil_asked)) {
            act(out, CORE_ACT_SHARE_FACT, me, f, 0, 0);
            return MOVE_ACTED;
        }
    }
    if (respond_pending(p, me, out) || vote_goal(p, me, out) || grant_consent(sc, p, me, out))
        return MOVE_ACTED;
    for (int n = 0; n < p->n_needs; n++)
        if (!p->need_met[n] && p->need_lead[n] == CORE_NONE) {
            act(out, CORE_ACT_PROPOSE_LEAD, me, n, me, 0);
            return MOVE_ACTED;
        }
    int adopted = 0;
    for (int g = 0; g < sc->n_goals; g++)
        adopted += p->goal_adopted[g] ? 1 : 0;
    if (p->goal_proposal == CORE_NONE && adopted < ru->max_goals && time_for(p, ru->goal_cost))
        for (int g = 0; g < sc->n_goals; g++)
            if (!p->goal_adopted[g]) {
                act(out, CORE_ACT_PROPOSE_GOAL, me, g, 0, 0);
                return MOVE_ACTED;
            }
    if (p->phase != CORE_PHASE_OVERLEG)
        return MOVE_NONE;
    if (!p->pupil_asked && p->pupil_voice && !sc->roles[v->role].pupil && time_for(p, ru->pupil_cost)) {
        act(out, CORE_ACT_ASK_PUPIL, me, 0, 0, 0);
        return MOVE_ACTED;
    }
    if (!time_for(p, ask_cost(ru, p)) || p->n_promises >= CORE_MAX_PROMISES)
        return MOVE_NONE;
    for (int n = 0; n < p->n_needs; n++) {
        if (p->need_met[n])
            continue;
        for (int s = 0; s < p->n_seats; s++) {
            bool open = s == me;
            for (int i = 0; i < p->n_promises && !open; i++)
                open = p->promises[i].from == me && p->promises[i].to == s && p->promises[i].need == n;
            if (!open) {
                act(out, CORE_ACT_ASK, me, s, n, 0);
                return MOVE_ACTED;
            }
        }
    }
    return MOVE_NONE;
}

/* A checklist bot counts every card at its partner value on any open need. */
static int checklist_value(const core_scenario *sc, const core_seat_view *v, uint32_t promised, int card, int n)
{
    (void)promised;
    return v->pub.need_met[n] ? 0 : card_value(sc, card, n, true);
}

/* The cheapest card on every spanning, then the best card anywhere (once
 * the asks and offers to me are answered: moves_next). */
static bot_move checklist_inzet(const core_scenario *sc, const core_seat_view *v, core_rng *rng, core_action *out)
{
    (void)rng;
    const core_public_view *p = &v->pub;
    cand cs[CORE_MAX_HAND + CORE_MAX_INNOVATIONS];
    int nc = inzet_candidates(sc, v, false, cs);
    if (nc == 0)
        return MOVE_NONE;
    for (int i = 0; i < p->n_frictions_out; i++) {
        int f = p->frictions[i].friction;
        if (!p->frictions[i].active || committed_to(v, 1, f))
            continue;
        int worst = 0;
        for (int k = 1; k < nc; k++)
            if (sc->cards[cs[k].card].strength < sc->cards[cs[worst].card].strength)
                worst = k;
        act(out, CORE_ACT_COMMIT, v->seat, cs[worst].slot, 1, f);
        return MOVE_ACTED;
    }
    return commit_most_valued(sc, v, cs, nc, checklist_value, 0, out) ? MOVE_ACTED : MOVE_NONE;
}

/* Any option of the reflection card, at random. */
static bot_move checklist_reflect(const core_scenario *sc, const core_seat_view *v, core_rng *rng, core_action *out)
{
    const core_public_view *p = &v->pub;
    int nopt = p->reflection_card == CORE_NONE ? 0 : sc->reflections[p->reflection_card].n_options;
    act(out, CORE_ACT_REFLECT, v->seat, nopt > 0 ? (int)core_rng_below(rng, (uint32_t)nopt) : 0, 0, 0);
    return MOVE_ACTED;
}

/* ----------------------------------------------------------- the turn */

/* The team and checklist bots take a turn the same way; only their moves
 * differ. A move that is NULL has nothing to do in its phase. Uitvoering
 * (the reveal) has nothing to decide: the bot is READY like a player who
 * has seen it (a headless host would otherwise wait for its idle timer). */
typedef struct {
    bot_move_fn signaal;
    bot_move_fn talk;    /* Identiteit and Overleg */
    bot_move_fn inzet;   /* once the asks and offers to the seat are answered */
    bot_move_fn reflect; /* until the seat has reflected */
} bot_moves;

static const bot_moves team_moves = {team_signaal, team_overleg, team_inzet, team_reflect};
static const bot_moves checklist_moves = {NULL, checklist_talk, checklist_inzet, checklist_reflect};

/* inline: with the move table a constant, the compiler calls (and may
 * inline) the moves directly; through pointers the team bot cost ~1% more
 * instructions in a callgrind run of simulate */
static inline bool moves_next(const bot_moves *m, const core_scenario *sc, const core_seat_view *v, core_rng *rng,
                              core_action *out)
{
    const core_public_view *p = &v->pub;
    bot_move_fn move = NULL;
    switch (p->phase) {
    case CORE_PHASE_SIGNAAL:
        move = m->signaal;
        break;
    case CORE_PHASE_IDENTITEIT:
    case CORE_PHASE_OVERLEG:
        move = m->talk;
        break;
    case CORE_PHASE_INZET:
        if (respond_pending(p, v->seat, out))
            return true;
        move = m->inzet;
        break;
    case CORE_PHASE_REFLECTIE:
        move = p->seat_reflected[v->seat] ? NULL : m->reflect;
        break;
    default:
        break;
    }
    bot_move done = move ? move(sc, v, rng, out) : MOVE_NONE;
    if (done != MOVE_NONE)
        return done == MOVE_ACTED;
    return ready_up(v, out);
}

bool core_bot_next(const core_scenario *sc, const core_seat_view *view, core_bot_kind kind, core_rng *rng,
                   core_action *out)
{
    if (!sc || !view || !out || view->seat < 0 || view->seat >= sc->n_seats || view->role < 0 ||
        view->role >= sc->n_roles)
        return false;
    if (view->pub.phase == CORE_PHASE_LOBBY || view->pub.phase == CORE_PHASE_END ||
        view->pub.outcome != CORE_OUTCOME_ONGOING)
        return false;
    core_rng fallback;
    if (!rng) {
        core_rng_seed(&fallback, (uint64_t)view->seat, 7);
        rng = &fallback;
    }
    if (kind == CORE_BOT_TEAM)
        return moves_next(&team_moves, sc, view, rng, out);
    if (kind == CORE_BOT_CHECKLIST)
        return moves_next(&checklist_moves, sc, view, rng, out);
    return solo_next(sc, view, out);
}
