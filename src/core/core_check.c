/*
 * Checking an action: may this seat do this now, with these arguments?
 * core_apply runs the same check first, so a rejected action changes nothing.
 */
#include "core/core_int.h"

#include <string.h>

static bool overleg_like(core_phase p)
{
    return p == CORE_PHASE_IDENTITEIT || p == CORE_PHASE_OVERLEG;
}

/* Counts UTF-8 characters; -1 when the bytes are not valid UTF-8. */
static int utf8_chars(const char *s)
{
    int n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int len;
        if (*p < 0x80)
            len = 1;
        else if ((*p & 0xE0) == 0xC0 && *p >= 0xC2)
            len = 2;
        else if ((*p & 0xF0) == 0xE0)
            len = 3;
        else if ((*p & 0xF8) == 0xF0 && *p <= 0xF4)
            len = 4;
        else
            return -1;
        for (int i = 1; i < len; i++)
            if ((p[i] & 0xC0) != 0x80)
                return -1;
        if (len == 1 && *p < 0x20 && *p != '\t')
            return -1; /* control characters would garble the projector */
        p += len;
        n++;
    }
    return n;
}

static bool slot_committed(const core_seat_state *ss, int slot, bool innovation)
{
    for (int k = 0; k < ss->commit_n; k++)
        if (ss->commits[k].innovation == innovation && ss->commits[k].slot == slot)
            return true;
    return false;
}

/* START, ADVANCE and NEW_PLAYER: the trainer's actions. */
static core_reject check_host(const core_state *st, const core_action *a)
{
    if (a->seat != CORE_SEAT_HOST)
        return CORE_REJ_NOT_HOST;
    if (a->type == CORE_ACT_NEW_PLAYER) {
        if (a->a < 0 || a->a >= st->sc->n_seats)
            return CORE_REJ_UNKNOWN_SEAT;
        return st->phase == CORE_PHASE_LOBBY ? CORE_REJ_WRONG_PHASE : CORE_OK;
    }
    if (a->type == CORE_ACT_START)
        return st->phase == CORE_PHASE_LOBBY ? CORE_OK : CORE_REJ_WRONG_PHASE;
    return st->phase == CORE_PHASE_LOBBY ? CORE_REJ_WRONG_PHASE : CORE_OK;
}

static core_reject check_share_fact(const core_state *st, const core_action *a)
{
    const core_scenario *sc = st->sc;
    if (st->phase == CORE_PHASE_SIGNAAL && st->round == 1)
        return CORE_REJ_WRONG_PHASE;
    if (a->a < 0 || a->a >= sc->n_facts || sc->facts[a->a].role != core_seat_role(st, a->seat))
        return CORE_REJ_NOT_YOUR_FACT;
    return st->fact_shared[a->a] ? CORE_REJ_ALREADY_SHARED : CORE_OK;
}

/* PROPOSE_GOAL and DROP_GOAL. */
static core_reject check_goal_proposal(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase))
        return CORE_REJ_WRONG_PHASE;
    if (a->a < 0 || a->a >= st->sc->n_goals)
        return CORE_REJ_UNKNOWN_GOAL;
    if (st->goal_proposal != CORE_NONE)
        return CORE_REJ_PROPOSAL_OPEN;
    if (a->type == CORE_ACT_DROP_GOAL)
        return st->goal_adopted[a->a] ? CORE_OK : CORE_REJ_GOAL_NOT_ADOPTED;
    if (st->goal_adopted[a->a])
        return CORE_REJ_GOAL_ALREADY_ADOPTED;
    return core_goals_adopted(st) >= st->sc->rules.max_goals ? CORE_REJ_TOO_MANY_GOALS : CORE_OK;
}

static core_reject check_goal_vote(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase))
        return CORE_REJ_WRONG_PHASE;
    if (st->goal_proposal == CORE_NONE || a->a != st->goal_proposal)
        return CORE_REJ_NO_PROPOSAL;
    if (((st->goal_votes_yes | st->goal_votes_no) >> (unsigned)a->seat) & 1u)
        return CORE_REJ_ALREADY_VOTED;
    return CORE_OK;
}

/* The start of both lead actions: in Overleg (or Identiteit), about a known need. */
static core_reject check_lead_need(const core_state *st, int need)
{
    if (!overleg_like(st->phase))
        return CORE_REJ_WRONG_PHASE;
    return (need < 0 || need >= st->sc->n_needs) ? CORE_REJ_UNKNOWN_NEED : CORE_OK;
}

static core_reject check_propose_lead(const core_state *st, const core_action *a)
{
    core_reject rej = check_lead_need(st, a->a);
    if (rej != CORE_OK)
        return rej;
    if (st->need_met[a->a])
        return CORE_REJ_NEED_MET;
    if (a->b < 0 || a->b >= st->sc->n_seats)
        return CORE_REJ_UNKNOWN_SEAT;
    if (st->need_lead[a->a] == a->b || st->lead_proposal[a->a] == a->b)
        return CORE_REJ_DUPLICATE;
    return CORE_OK;
}

static core_reject check_accept_lead(const core_state *st, const core_action *a)
{
    core_reject rej = check_lead_need(st, a->a);
    if (rej != CORE_OK)
        return rej;
    return st->lead_proposal[a->a] == a->seat ? CORE_OK : CORE_REJ_NO_LEAD_PROPOSAL;
}

/* ASK and OFFER: a new promise to another seat about an open need. */
static core_reject check_promise(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase))
        return CORE_REJ_WRONG_PHASE;
    if (a->a < 0 || a->a >= st->sc->n_seats)
        return CORE_REJ_UNKNOWN_SEAT;
    if (a->a == a->seat)
        return CORE_REJ_SELF;
    if (a->b < 0 || a->b >= st->sc->n_needs)
        return CORE_REJ_UNKNOWN_NEED;
    if (st->need_met[a->b])
        return CORE_REJ_NEED_MET;
    if (st->n_promises >= CORE_MAX_PROMISES)
        return CORE_REJ_TOO_MANY_PROMISES;
    core_promise_kind kind = a->type == CORE_ACT_ASK ? CORE_PROMISE_ASK : CORE_PROMISE_OFFER;
    for (int p = 0; p < st->n_promises; p++) {
        const core_promise *pr = &st->promises[p];
        if (pr->from == a->seat && pr->to == a->a && pr->need == a->b && pr->kind == kind &&
            (pr->status == CORE_PROMISE_PENDING || pr->status == CORE_PROMISE_ACCEPTED))
            return CORE_REJ_DUPLICATE;
    }
    return CORE_OK;
}

static core_reject check_respond(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase) && st->phase != CORE_PHASE_INZET)
        return CORE_REJ_WRONG_PHASE;
    if (a->a < 0 || a->a >= st->n_promises)
        return CORE_REJ_UNKNOWN_PROMISE;
    if (st->promises[a->a].to != a->seat)
        return CORE_REJ_NOT_YOUR_PROMISE;
    return st->promises[a->a].status == CORE_PROMISE_PENDING ? CORE_OK : CORE_REJ_PROMISE_CLOSED;
}

/* The card of a COMMIT: a hand slot, or CORE_MAX_HAND + an innovation slot
 * (the innovations are shared, so no seat may have committed it yet). */
static core_reject check_commit_card(const core_state *st, const core_seat_state *ss, int card)
{
    bool inno = card >= CORE_MAX_HAND;
    int slot = inno ? card - CORE_MAX_HAND : card;
    if (slot < 0 || (!inno && slot >= ss->hand_n) || (inno && slot >= st->n_innovations))
        return CORE_REJ_NOT_YOUR_CARD;
    if (inno) {
        for (int s = 0; s < st->sc->n_seats; s++)
            if (slot_committed(&st->seats[s], slot, true))
                return CORE_REJ_ALREADY_COMMITTED;
    } else if (slot_committed(ss, slot, false)) {
        return CORE_REJ_ALREADY_COMMITTED;
    }
    return CORE_OK;
}

/* The target of a COMMIT: an open need (kind 0) or an active friction (1). */
static core_reject check_commit_target(const core_state *st, int kind, int target)
{
    if (kind == 0) {
        if (target < 0 || target >= st->sc->n_needs)
            return CORE_REJ_UNKNOWN_NEED;
        return st->need_met[target] ? CORE_REJ_NEED_MET : CORE_OK;
    }
    if (kind == 1) {
        if (target < 0 || target >= st->sc->n_frictions)
            return CORE_REJ_UNKNOWN_FRICTION;
        int fsl = core_friction_slot(st, target);
        return (fsl != CORE_NONE && st->frictions[fsl].active) ? CORE_OK : CORE_REJ_UNKNOWN_FRICTION;
    }
    return CORE_REJ_UNKNOWN_NEED;
}

/* The start of COMMIT and UNCOMMIT: in Inzet, before the seat said ready. */
static core_reject check_inzet_open(const core_state *st, const core_seat_state *ss)
{
    if (st->phase != CORE_PHASE_INZET)
        return CORE_REJ_WRONG_PHASE;
    return ss->ready ? CORE_REJ_READY_LOCKED : CORE_OK;
}

static core_reject check_commit(const core_state *st, const core_action *a)
{
    const core_seat_state *ss = &st->seats[a->seat];
    core_reject rej = check_inzet_open(st, ss);
    if (rej != CORE_OK)
        return rej;
    if (ss->commit_n >= st->sc->rules.max_commit || ss->commit_n >= CORE_MAX_COMMIT)
        return CORE_REJ_TOO_MANY_CARDS;
    rej = check_commit_card(st, ss, a->a);
    if (rej != CORE_OK)
        return rej;
    return check_commit_target(st, a->b, a->c);
}

static core_reject check_uncommit(const core_state *st, const core_action *a)
{
    const core_seat_state *ss = &st->seats[a->seat];
    core_reject rej = check_inzet_open(st, ss);
    if (rej != CORE_OK)
        return rej;
    return (a->a >= 0 && a->a < ss->commit_n) ? CORE_OK : CORE_REJ_NOT_COMMITTED;
}

static core_reject check_reflect(const core_state *st, const core_action *a)
{
    const core_scenario *sc = st->sc;
    if (st->phase != CORE_PHASE_REFLECTIE)
        return CORE_REJ_WRONG_PHASE;
    if (st->seats[a->seat].reflected)
        return CORE_REJ_ALREADY_ANSWERED;
    int nopt = st->reflection_card == CORE_NONE ? 0 : sc->reflections[st->reflection_card].n_options;
    if (a->a < 0 || (nopt > 0 && a->a >= nopt) || (nopt == 0 && a->a != 0))
        return CORE_REJ_BAD_OPTION;
    if (!memchr(a->text, '\0', sizeof a->text))
        return CORE_REJ_TEXT_TOO_LONG;
    int chars = utf8_chars(a->text);
    if (chars < 0)
        return CORE_REJ_BAD_TEXT;
    return chars > 140 ? CORE_REJ_TEXT_TOO_LONG : CORE_OK;
}

static core_reject check_ready(const core_state *st, const core_action *a)
{
    return st->seats[a->seat].ready ? CORE_REJ_READY_LOCKED : CORE_OK;
}

static core_reject check_unready(const core_state *st, const core_action *a)
{
    return st->seats[a->seat].ready ? CORE_OK : CORE_REJ_NOT_READY;
}

typedef core_reject (*seat_check_fn)(const core_state *st, const core_action *a);

/* The check of each action a seat may take; the trainer's are in check_host. */
static const seat_check_fn seat_checks[CORE_ACT_COUNT] = {
    [CORE_ACT_READY] = check_ready,
    [CORE_ACT_UNREADY] = check_unready,
    [CORE_ACT_SHARE_FACT] = check_share_fact,
    [CORE_ACT_PROPOSE_GOAL] = check_goal_proposal,
    [CORE_ACT_DROP_GOAL] = check_goal_proposal,
    [CORE_ACT_VOTE_GOAL] = check_goal_vote,
    [CORE_ACT_PROPOSE_LEAD] = check_propose_lead,
    [CORE_ACT_ACCEPT_LEAD] = check_accept_lead,
    [CORE_ACT_ASK] = check_promise,
    [CORE_ACT_OFFER] = check_promise,
    [CORE_ACT_RESPOND] = check_respond,
    [CORE_ACT_COMMIT] = check_commit,
    [CORE_ACT_UNCOMMIT] = check_uncommit,
    [CORE_ACT_REFLECT] = check_reflect,
};

core_reject core_check(const core_state *st, const core_action *a)
{
    if (!st || !st->sc || !a)
        return CORE_REJ_UNKNOWN_ACTION;
    if ((int)a->type <= (int)CORE_ACT_NONE || (int)a->type >= (int)CORE_ACT_COUNT)
        return CORE_REJ_UNKNOWN_ACTION;
    if (st->phase == CORE_PHASE_END || st->outcome != CORE_OUTCOME_ONGOING)
        return CORE_REJ_GAME_OVER;
    if (a->type == CORE_ACT_START || a->type == CORE_ACT_ADVANCE || a->type == CORE_ACT_NEW_PLAYER)
        return check_host(st, a);
    if (a->seat < 0 || a->seat >= st->sc->n_seats)
        return CORE_REJ_BAD_SEAT;
    if (st->phase == CORE_PHASE_LOBBY)
        return CORE_REJ_WRONG_PHASE;
    seat_check_fn check = seat_checks[a->type];
    return check ? check(st, a) : CORE_REJ_UNKNOWN_ACTION;
}
