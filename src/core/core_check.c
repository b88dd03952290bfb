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

int core_text_chars(const char *s)
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
    return core_commits_hold(ss->commits, ss->commit_n, slot, innovation);
}

/* The trainer's actions (actor HOST); core_check has made sure the
 * trainer sent them. */
static core_reject check_start(const core_state *st, const core_action *a)
{
    (void)a;
    return st->phase == CORE_PHASE_LOBBY ? CORE_OK : CORE_REJ_WRONG_PHASE;
}

static core_reject check_advance(const core_state *st, const core_action *a)
{
    (void)a;
    return st->phase == CORE_PHASE_LOBBY ? CORE_REJ_WRONG_PHASE : CORE_OK;
}

static core_reject check_new_player(const core_state *st, const core_action *a)
{
    if (a->a < 0 || a->a >= st->sc->n_seats)
        return CORE_REJ_UNKNOWN_SEAT;
    return check_advance(st, a);
}

static core_reject check_share_fact(const core_state *st, const core_action *a)
{
    const core_scenario *sc = st->sc;
    if (st->phase == CORE_PHASE_SIGNAAL && st->round == 1)
        return CORE_REJ_WRONG_PHASE;
    if (a->a < 0 || a->a >= sc->n_facts || sc->facts[a->a].role != core_seat_role(st, a->seat))
        return CORE_REJ_NOT_YOUR_FACT;
    if (st->fact_shared[a->a])
        return CORE_REJ_ALREADY_SHARED;
    return (sc->facts[a->a].pupil_voice && st->pupil_asked_round == 0) ? CORE_REJ_PUPIL_NOT_ASKED : CORE_OK;
}

/* ASK_CONSENT: the holder of an unshared sensitive fact, once while unanswered. */
static core_reject check_ask_consent(const core_state *st, const core_action *a)
{
    core_reject rej = check_share_fact(st, a);
    if (rej != CORE_OK && rej != CORE_REJ_PUPIL_NOT_ASKED)
        return rej;
    if (!st->sc->facts[a->a].sensitive)
        return CORE_REJ_NOT_SENSITIVE;
    return st->fact_consent[a->a] == 1 || st->fact_consent[a->a] == 2 ? CORE_REJ_DUPLICATE : CORE_OK;
}

static core_reject check_consent(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase) && st->phase != CORE_PHASE_INZET)
        return CORE_REJ_WRONG_PHASE;
    if (a->a < 0 || a->a >= st->sc->n_facts || !st->sc->facts[a->a].sensitive)
        return CORE_REJ_NOT_SENSITIVE;
    if (!core_seat_consents(st, a->seat))
        return CORE_REJ_NOT_CONSENT_GIVER;
    return st->fact_consent[a->a] == 1 ? CORE_OK : CORE_REJ_NO_CONSENT_ASKED;
}

static core_reject check_ask_pupil(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase))
        return CORE_REJ_WRONG_PHASE;
    if (st->sc->roles[core_seat_role(st, a->seat)].pupil)
        return CORE_REJ_SELF;
    return core_pupil_heard(st) ? CORE_REJ_ALREADY_DONE : CORE_OK;
}

static core_reject check_set_meeting(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase))
        return CORE_REJ_WRONG_PHASE;
    if (!st->sc->roles[core_seat_role(st, a->seat)].organizer)
        return CORE_REJ_NOT_ORGANIZER;
    return st->meeting_round > 0 ? CORE_REJ_ALREADY_DONE : CORE_OK;
}

/* A 0..140 character UTF-8 text without control characters (NUL inside the buffer). */
static core_reject check_text(const core_action *a, bool required)
{
    if (!memchr(a->text, '\0', sizeof a->text))
        return CORE_REJ_TEXT_TOO_LONG;
    int chars = core_text_chars(a->text);
    if (chars < 0)
        return CORE_REJ_BAD_TEXT;
    if (chars > 140)
        return CORE_REJ_TEXT_TOO_LONG;
    if (required) {
        const char *p = a->text;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            return CORE_REJ_EMPTY_TEXT;
    }
    return CORE_OK;
}

/* The spanning of an afspraak: a revealed, active one that the seat's role is involved in. */
static core_reject check_afspraak_friction(const core_state *st, const core_action *a)
{
    if (a->a < 0 || a->a >= st->sc->n_frictions)
        return CORE_REJ_UNKNOWN_FRICTION;
    int fsl = core_friction_slot(st, a->a);
    if (fsl == CORE_NONE || !st->frictions[fsl].active)
        return CORE_REJ_UNKNOWN_FRICTION;
    if (!((st->sc->frictions[a->a].roles >> (unsigned)core_seat_role(st, a->seat)) & 1u))
        return CORE_REJ_NOT_INVOLVED;
    return st->afspraken[a->a].made_round > 0 ? CORE_REJ_ALREADY_DONE : CORE_OK;
}

static core_reject check_propose_afspraak(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase))
        return CORE_REJ_WRONG_PHASE;
    core_reject rej = check_afspraak_friction(st, a);
    if (rej != CORE_OK)
        return rej;
    const core_friction_def *fd = &st->sc->frictions[a->a];
    if (a->b != CORE_NONE)
        return (a->b >= 0 && a->b < fd->n_options) ? check_text(a, false) : CORE_REJ_BAD_OPTION;
    return check_text(a, true);
}

static core_reject check_agree_afspraak(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase) && st->phase != CORE_PHASE_INZET)
        return CORE_REJ_WRONG_PHASE;
    core_reject rej = check_afspraak_friction(st, a);
    if (rej != CORE_OK)
        return rej;
    const core_afspraak *af = &st->afspraken[a->a];
    if (af->proposer == CORE_NONE)
        return CORE_REJ_NO_AFSPRAAK;
    return ((af->agreed >> (unsigned)a->seat) & 1u) ? CORE_REJ_ALREADY_VOTED : CORE_OK;
}

static core_reject check_improvement(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase) && st->phase != CORE_PHASE_REFLECTIE)
        return CORE_REJ_WRONG_PHASE;
    if (a->a < 0 || a->a >= st->sc->n_seats)
        return CORE_REJ_UNKNOWN_SEAT;
    const core_seat_state *ss = &st->seats[a->a];
    if (ss->improvement_round == 0 || ss->improvement_round >= st->round || ss->improvement_checked != 0)
        return CORE_REJ_NO_IMPROVEMENT;
    return CORE_OK;
}

/* WORD_GOAL: the team's own goal, linked to at least one need. */
static core_reject check_word_goal(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase))
        return CORE_REJ_WRONG_PHASE;
    if (st->goal_proposal != CORE_NONE)
        return CORE_REJ_PROPOSAL_OPEN;
    if (st->n_team_goals >= CORE_MAX_TEAM_GOALS || core_goals_adopted(st) >= st->sc->rules.max_goals)
        return CORE_REJ_TOO_MANY_GOALS;
    uint32_t all = (1u << (unsigned)st->sc->n_needs) - 1u;
    if (a->a <= 0 || ((uint32_t)a->a & ~all) != 0)
        return CORE_REJ_UNKNOWN_NEED;
    return check_text(a, true);
}

/* PROPOSE_GOAL and DROP_GOAL. */
static core_reject check_goal_proposal(const core_state *st, const core_action *a)
{
    if (!overleg_like(st->phase))
        return CORE_REJ_WRONG_PHASE;
    if (a->a < 0 || a->a >= core_goal_slots(st))
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
    return check_text(a, false);
}

/* READY may name the phase (a) and round (b) it was meant for (0 = any):
 * a "klaar" sent just before the phase changed must not end the next one. */
static core_reject check_ready(const core_state *st, const core_action *a)
{
    if ((a->a != 0 && a->a != (int)st->phase) || (a->b != 0 && a->b != st->round))
        return CORE_REJ_WRONG_PHASE;
    return st->seats[a->seat].ready ? CORE_REJ_READY_LOCKED : CORE_OK;
}

static core_reject check_unready(const core_state *st, const core_action *a)
{
    return st->seats[a->seat].ready ? CORE_OK : CORE_REJ_NOT_READY;
}

typedef core_reject (*check_fn)(const core_state *st, const core_action *a);

/* Each action's check and who may take it, from the one action list. */
#define ACTOR_HOST true
#define ACTOR_SEAT false
static const struct {
    check_fn check;
    bool by_host;
} checks[CORE_ACT_COUNT] = {
#define CHECK_ROW(NAME, key, rule, actor) [CORE_ACT_##NAME] = {check_##rule, ACTOR_##actor},
    CORE_ACTIONS(CHECK_ROW)
#undef CHECK_ROW
};

int core_action_cost(const core_state *st, const core_action *a)
{
    if (!st || !st->sc || !a)
        return 0;
    const core_rules *ru = &st->sc->rules;
    switch (a->type) {
    case CORE_ACT_ASK:
    case CORE_ACT_OFFER:
        return ru->ask_cost + (st->trust <= ru->trust_low ? 1 : 0);
    case CORE_ACT_PROPOSE_GOAL:
    case CORE_ACT_DROP_GOAL:
    case CORE_ACT_WORD_GOAL:
        return ru->goal_cost;
    case CORE_ACT_PROPOSE_AFSPRAAK:
        return ru->afspraak_cost;
    case CORE_ACT_ASK_PUPIL:
        return ru->pupil_cost;
    case CORE_ACT_SET_MEETING:
        return ru->overleg_moment_cost;
    default:
        return 0;
    }
}

core_reject core_check(const core_state *st, const core_action *a)
{
    if (!st || !st->sc || !a)
        return CORE_REJ_UNKNOWN_ACTION;
    if ((int)a->type <= (int)CORE_ACT_NONE || (int)a->type >= (int)CORE_ACT_COUNT)
        return CORE_REJ_UNKNOWN_ACTION;
    if (st->phase == CORE_PHASE_END || st->outcome != CORE_OUTCOME_ONGOING)
        return CORE_REJ_GAME_OVER;
    if (checks[a->type].by_host)
        return a->seat == CORE_SEAT_HOST ? checks[a->type].check(st, a) : CORE_REJ_NOT_HOST;
    if (a->seat < 0 || a->seat >= st->sc->n_seats)
        return CORE_REJ_BAD_SEAT;
    if (st->phase == CORE_PHASE_LOBBY)
        return CORE_REJ_WRONG_PHASE;
    core_reject rej = checks[a->type].check(st, a);
    if (rej != CORE_OK)
        return rej;
    int cost = core_action_cost(st, a);
    if (cost > 0 && core_round_budget(st, st->round) > 0 && cost > st->overleg_left)
        return CORE_REJ_NO_TIME;
    return CORE_OK;
}
