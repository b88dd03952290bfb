/*
 * proto_fits: the semantic checks a decoded frame passes before anyone
 * uses it (every index inside the scenario it refers to), kept apart from
 * the byte layout in proto.c because they change with the rules, not the wire.
 */
#include "proto/proto.h"
#include "proto/proto_int.h"

#include <stdbool.h>
#include <stddef.h>
#define NEED(cond, msg)          \
    do {                         \
        if (!(cond)) {           \
            if (why)             \
                *why = (msg);    \
            return false;        \
        }                        \
    } while (0)

bool proto_view_fits(const core_scenario *sc, const core_seat_view *v, bool seat_view, const char **why)
{
    const core_public_view *p = &v->pub;
    NEED(p->n_seats == sc->n_seats, "view seat count differs from the scenario");
    NEED(p->n_needs == sc->n_needs, "view need count differs from the scenario");
    for (int i = 0; i < p->n_needs; i++) {
        NEED(p->need_lead[i] < sc->n_seats, "need lead out of range");
        NEED(p->lead_proposal[i] < sc->n_seats, "lead proposal out of range");
    }
    for (int i = sc->n_facts; i < CORE_MAX_FACTS; i++)
        NEED(!p->fact_shared[i], "shared fact out of range");
    for (int i = 0; i < p->n_frictions_out; i++)
        NEED(p->frictions[i].friction < sc->n_frictions, "friction out of range");
    for (int i = 0; i < p->n_boundary; i++)
        NEED(p->boundary_won[i] < sc->n_frictions, "boundary friction out of range");
    for (int i = 0; i < p->n_innovations; i++)
        NEED(p->innovations[i] < sc->n_cards, "innovation card out of range");
    /* goal slots: the level's first, then the goals the team worded */
    const int n_slots = sc->n_goals + p->n_team_goals;
    NEED(n_slots <= CORE_MAX_GOAL_SLOTS, "team goal out of range");
    for (int i = n_slots; i < CORE_MAX_GOAL_SLOTS; i++)
        NEED(!p->goal_adopted[i], "goal out of range");
    NEED(p->goal_proposal < n_slots, "goal proposal out of range");
    NEED(p->goal_proposer < sc->n_seats, "goal proposer out of range");
    for (int i = 0; i < p->n_team_goals; i++)
        NEED((p->team_goal_needs[i] >> sc->n_needs) == 0, "team goal need out of range");
    for (int i = sc->n_facts; i < CORE_MAX_FACTS; i++)
        NEED(!p->fact_consent[i] && !p->fact_no_consent[i], "consent fact out of range");
    for (int i = 0; i < CORE_MAX_FRICTIONS; i++) {
        const core_afspraak *a = &p->afspraken[i];
        if (i >= sc->n_frictions) {
            NEED(proto_afspraak_empty(a), "afspraak beyond the level's spanningen");
            continue;
        }
        NEED(a->proposer < sc->n_seats, "afspraak proposer out of range");
        NEED(a->option < sc->frictions[i].n_options, "afspraak option out of range");
        NEED((a->agreed >> sc->n_seats) == 0, "afspraak seat out of range");
    }
    for (int i = 0; i < p->n_promises; i++) {
        NEED(p->promises[i].from < sc->n_seats && p->promises[i].to < sc->n_seats, "promise seat out of range");
        NEED(p->promises[i].need < sc->n_needs, "promise need out of range");
    }
    for (int s = 0; s < p->n_seats; s++)
        for (int j = 0; j < p->revealed_n[s]; j++) {
            const core_commitment *c = &p->revealed_commits[s][j];
            NEED(c->card < sc->n_cards, "revealed card out of range");
            NEED(c->target < (c->target_kind ? sc->n_frictions : sc->n_needs), "revealed target out of range");
        }
    NEED(p->reflection_card < sc->n_reflections, "reflection card out of range");
    if (!seat_view)
        return true;
    NEED(v->seat < sc->n_seats, "seat out of range");
    NEED(v->role < sc->n_roles, "role out of range");
    for (int i = 0; i < v->hand_n; i++)
        NEED(v->hand[i] < sc->n_cards, "hand card out of range");
    for (int i = 0; i < v->commit_n; i++) {
        const core_commitment *c = &v->commits[i];
        NEED(c->card < sc->n_cards, "committed card out of range");
        NEED(c->target < (c->target_kind ? sc->n_frictions : sc->n_needs), "commit target out of range");
    }
    for (int i = 0; i < v->dossier_n; i++)
        NEED(v->dossier[i] < sc->n_facts, "dossier fact out of range");
    return true;
}

/* What an event's a, b and c index: the kinds of CORE_EVENTS in core.h. */
typedef enum {
    REF_ANY = 0, REF_FRICTION, REF_CARD, REF_CARD_OR_NONE, REF_SCRIPTED, REF_FACT, REF_GOAL,
    REF_NEED, REF_SEAT, REF_SEAT_OR_NONE, REF_PROMISE, REF_TARGET, REF_REFLECTION, REF_PHASE,
    REF_LEVEL, REF_OUTCOME, REF_OPTION_OR_NONE, REF_COUNT
} event_ref;

/* From the core's one event list (CORE_EVENTS in core.h). */
static const struct {
    unsigned char a, b, c;
} event_refs[CORE_EVT_COUNT] = {
#define EVENT_REFS(NAME, key, a, b, c) [CORE_EVT_##NAME] = {REF_##a, REF_##b, REF_##c},
    CORE_EVENTS(EVENT_REFS)
#undef EVENT_REFS
};

static const char *const ref_what[REF_COUNT] = {
    [REF_FRICTION] = "event friction out of range", [REF_CARD] = "event card out of range",
    [REF_CARD_OR_NONE] = "event card out of range", [REF_SCRIPTED] = "scripted event out of range",
    [REF_FACT] = "event fact out of range", [REF_GOAL] = "event goal out of range",
    [REF_NEED] = "event need out of range", [REF_SEAT] = "event seat out of range",
    [REF_SEAT_OR_NONE] = "event seat out of range", [REF_PROMISE] = "event promise out of range",
    [REF_TARGET] = "event target out of range", [REF_REFLECTION] = "event reflection out of range",
    [REF_PHASE] = "event phase out of range", [REF_LEVEL] = "event level out of range",
    [REF_OUTCOME] = "event outcome out of range", [REF_OPTION_OR_NONE] = "event afspraak option out of range",
};

/* Whether v is a valid index of kind r for event e; false sets *why.
 * REF_OPTION_OR_NONE is an option of the spanning in e->a, which the
 * caller has checked first. */
static bool ref_fits(event_ref r, int v, const core_event *e, const core_scenario *sc, int n_seats,
                     const char **why)
{
    const bool friction_a = e->a >= 0 && e->a < sc->n_frictions;
    const int limit[REF_COUNT] = {
        [REF_FRICTION] = sc->n_frictions, [REF_CARD] = sc->n_cards, [REF_CARD_OR_NONE] = sc->n_cards,
        /* a goal slot: the level's goals, then the ones a team may word */
        [REF_SCRIPTED] = sc->n_events, [REF_FACT] = sc->n_facts, [REF_GOAL] = sc->n_goals + CORE_MAX_TEAM_GOALS,
        [REF_NEED] = sc->n_needs, [REF_SEAT] = n_seats, [REF_SEAT_OR_NONE] = n_seats,
        [REF_PROMISE] = CORE_MAX_PROMISES, [REF_TARGET] = e->b ? sc->n_frictions : sc->n_needs,
        [REF_REFLECTION] = sc->n_reflections, [REF_PHASE] = CORE_PHASE_COUNT,
        [REF_LEVEL] = CORE_LEVEL_COUNT, [REF_OUTCOME] = CORE_OUTCOME_LOST + 1,
        [REF_OPTION_OR_NONE] = friction_a ? sc->frictions[e->a].n_options : 0,
    };
    int lo = r == REF_CARD_OR_NONE || r == REF_SEAT_OR_NONE || r == REF_OPTION_OR_NONE ? -1 : 0;
    if (r == REF_ANY || (v >= lo && v < limit[r]))
        return true;
    if (why)
        *why = ref_what[r];
    return false;
}

bool proto_events_fit(const core_scenario *sc, int n_seats, const core_events *ev, const char **why)
{
    for (int i = 0; i < ev->n; i++) {
        const core_event *e = &ev->ev[i];
        NEED(e->seat < n_seats, "event seat out of range");
        if (e->type < 0 || e->type >= CORE_EVT_COUNT)
            continue;
        event_ref a = (event_ref)event_refs[e->type].a, b = (event_ref)event_refs[e->type].b,
                  c = (event_ref)event_refs[e->type].c;
        if (!ref_fits(a, e->a, e, sc, n_seats, why) || !ref_fits(b, e->b, e, sc, n_seats, why) ||
            !ref_fits(c, e->c, e, sc, n_seats, why))
            return false;
    }
    return true;
}

