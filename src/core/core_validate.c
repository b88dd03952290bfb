/*
 * Scenario validation: every count, index and range in a scenario is checked
 * before a game starts, so that the rules never index out of bounds.
 */
#include "core/core_i18n.h"
#include "core/core_int.h"

#include <stdio.h>

/* Where a failed check writes its message (err may be NULL), and the
 * translator of its msgids (NULL: Dutch). */
typedef struct {
    char *err;
    size_t len;
    core_translate_fn tr;
} fail_out;

static bool failed(const fail_out *o, const char *msgid, int idx)
{
    if (!o->err || o->len == 0)
        return false;
    const char *msg = o->tr ? o->tr(msgid) : msgid;
    if (idx < 0) {
        snprintf(o->err, o->len, "%s", msg);
        return false;
    }
    const char *with_index = N_("%s (index %d)");
    snprintf(o->err, o->len, o->tr ? o->tr(with_index) : with_index, msg, idx);
    return false;
}

bool core_fail(char *err, size_t len, const char *msg, int idx)
{
    const fail_out o = {err, len, NULL};
    return failed(&o, msg, idx);
}

static bool card_ok(const core_scenario *sc, int c)
{
    return c >= 0 && c < sc->n_cards;
}

/* The bits 0..n-1 set: the valid members of a need or role mask. */
static uint32_t low_bits(int n)
{
    return (n >= 32) ? 0xffffffffu : ((1u << n) - 1u);
}

/* A number the scenario must keep within lo..hi, and what to say if not. */
typedef struct {
    int value, lo, hi;
    const char *what;
} value_range;

/* The first value outside its range fails, with its message and value. */
static bool ranges_ok(const value_range *r, size_t n, const fail_out *o)
{
    for (size_t i = 0; i < n; i++)
        if (r[i].value < r[i].lo || r[i].value > r[i].hi)
            return failed(o, r[i].what, r[i].value);
    return true;
}

static bool validate_counts(const core_scenario *sc, const fail_out *o)
{
    const value_range counts[] = {
        {sc->n_seats, CORE_MIN_SEATS, CORE_MAX_SEATS, N_("een scenario heeft 3 tot 8 spelers nodig")},
        {sc->n_roles, 1, CORE_MAX_ROLES, N_("aantal rollen buiten 1..16")},
        {sc->n_needs, 1, CORE_MAX_NEEDS, N_("aantal noden buiten 1..6")},
        {sc->n_cards, 0, CORE_MAX_CARDS, N_("te veel kaarten")},
        {sc->n_facts, 0, CORE_MAX_FACTS, N_("te veel dossierfeiten")},
        {sc->n_frictions, 0, CORE_MAX_FRICTIONS, N_("te veel spanningen")},
        {sc->n_goals, 0, CORE_MAX_GOALS, N_("te veel doelen")},
        {sc->n_reflections, 0, CORE_MAX_REFLECTIONS, N_("te veel reflectiekaarten")},
        {sc->n_events, 0, CORE_MAX_EVENTS_SCRIPTED, N_("te veel gebeurtenissen")},
    };
    return ranges_ok(counts, sizeof counts / sizeof counts[0], o);
}

static bool validate_rules(const core_scenario *sc, const fail_out *o)
{
    const core_rules *r = &sc->rules;
    const value_range sizes[] = {
        {r->rounds, 1, CORE_MAX_ROUNDS, N_("aantal rondes buiten 1..12")},
        {r->hand_size, 1, CORE_MAX_HAND, N_("handgrootte buiten 1..8")},
        {r->max_commit, 1, CORE_MAX_COMMIT, N_("kaarten per inzet buiten 1..3")},
    };
    if (!ranges_ok(sizes, sizeof sizes / sizeof sizes[0], o))
        return false;
    if (r->welbevinden_max < 1 || r->welbevinden_start < 1 || r->welbevinden_start > r->welbevinden_max)
        return failed(o, N_("welbevinden: start moet tussen 1 en het maximum liggen"), r->welbevinden_start);
    if (r->draagkracht_max < 1 || r->draagkracht_start < 0 || r->draagkracht_start > r->draagkracht_max)
        return failed(o, N_("draagkracht: start moet tussen 0 en het maximum liggen"), r->draagkracht_start);
    if (r->dark_divisor < 1 || r->off_domain_divisor < 1)
        return failed(o, N_("delers moeten minstens 1 zijn"), -1);
    if (r->welbevinden_per_need < 0 || r->weak_penalty < 0 || r->synergy_bonus < 0 || r->mixed_kinds_bonus < 0 ||
        r->goal_bonus < 0 || r->lead_bonus < 0 || r->escalation < 0 || r->recovery < 0)
        return failed(o, N_("bonussen en straffen mogen niet negatief zijn"), -1);
    if (r->needs_to_win < 0 || r->needs_to_win > sc->n_needs)
        return failed(o, N_("needs_to_win is groter dan het aantal noden"), r->needs_to_win);
    if (r->max_goals < 0 || r->max_goals > CORE_MAX_GOALS)
        return failed(o, N_("max_goals buiten 0..8"), r->max_goals);
    if (r->welbevinden_max > 1000 || r->draagkracht_max > 1000)
        return failed(o, N_("tracks groter dan 1000"), -1);
    if (r->overleg_budget < 0 || r->overleg_budget > 100 || r->overleg_moment_cost < 0 || r->overleg_moment_bonus < 0 ||
        r->ask_cost < 0 || r->goal_cost < 0 || r->afspraak_cost < 0 || r->pupil_cost < 0 || r->consent_penalty < 0)
        return failed(o, N_("overlegtijd en kosten moeten tussen 0 en 100 liggen"), -1);
    if (r->trust_max < 1 || r->trust_max > 100 || r->trust_start < 0 || r->trust_start > r->trust_max ||
        r->trust_low < 0 || r->trust_low > r->trust_max)
        return failed(o, N_("vertrouwen: start en drempel moeten tussen 0 en het maximum liggen"), r->trust_start);
    return true;
}

static bool validate_roles(const core_scenario *sc, const fail_out *o)
{
    for (int s = 0; s < sc->n_seats; s++)
        if (sc->seat_roles[s] < 0 || sc->seat_roles[s] >= sc->n_roles)
            return failed(o, N_("een plaats heeft een onbekende rol"), s);
    for (int i = 0; i < sc->n_roles; i++) {
        const core_role_def *ro = &sc->roles[i];
        if (ro->deck_size < 0 || ro->deck_size > CORE_MAX_DECK)
            return failed(o, N_("een rol heeft een te grote stapel"), i);
        if (ro->n_domains < 0 || ro->n_domains > CORE_MAX_DOMAINS || ro->n_limit_domains < 0 ||
            ro->n_limit_domains > CORE_MAX_DOMAINS || ro->n_skills < 0 || ro->n_skills > CORE_MAX_SKILLS)
            return failed(o, N_("een rol heeft te veel domeinen of vaardigheden"), i);
        for (int k = 0; k < ro->deck_size; k++) {
            int c = ro->deck[k];
            if (!card_ok(sc, c) || sc->cards[c].type == CORE_CARD_INNOVATION)
                return failed(o, N_("de stapel van een rol noemt een onbekende of innovatiekaart"), i);
        }
    }
    return true;
}

static bool validate_cards(const core_scenario *sc, const fail_out *o)
{
    for (int c = 0; c < sc->n_cards; c++) {
        const core_card_def *cd = &sc->cards[c];
        if (cd->type < CORE_CARD_EXPERTISE || cd->type > CORE_CARD_INNOVATION)
            return failed(o, N_("kaart met onbekend type"), c);
        if (cd->type != CORE_CARD_INNOVATION && (cd->role < 0 || cd->role >= sc->n_roles))
            return failed(o, N_("kaart van een onbekende rol"), c);
        if (cd->kind < CORE_KIND_WETENSCHAPPELIJK || cd->kind >= CORE_KIND_COUNT)
            return failed(o, N_("kaart met onbekende kennissoort"), c);
        if (cd->strength < 0 || cd->strength > 100 || cd->boost < 0 || cd->boost > 100)
            return failed(o, N_("kaartsterkte buiten 0..100"), c);
    }
    return true;
}

static bool validate_needs_and_facts(const core_scenario *sc, const fail_out *o)
{
    uint32_t need_mask = low_bits(sc->n_needs);
    uint32_t role_mask = low_bits(sc->n_roles);
    for (int n = 0; n < sc->n_needs; n++) {
        if (sc->needs[n].target < 1 || sc->needs[n].target > 1000)
            return failed(o, N_("een nood heeft een doelwaarde buiten 1..1000"), n);
        if (sc->needs[n].limited_roles & ~role_mask)
            return failed(o, N_("een nood noemt een onbekende rol in zijn grenzen"), n);
    }
    for (int f = 0; f < sc->n_facts; f++) {
        if (sc->facts[f].role < 0 || sc->facts[f].role >= sc->n_roles)
            return failed(o, N_("dossierfeit van een onbekende rol"), f);
        if (sc->facts[f].needs & ~need_mask)
            return failed(o, N_("dossierfeit noemt een onbekende nood"), f);
    }
    return true;
}

static bool validate_frictions(const core_scenario *sc, const fail_out *o)
{
    uint32_t role_mask = low_bits(sc->n_roles);
    for (int f = 0; f < sc->n_frictions; f++) {
        const core_friction_def *fd = &sc->frictions[f];
        if (fd->roles & ~role_mask)
            return failed(o, N_("spanning noemt een onbekende rol"), f);
        if (fd->required_roles < 1 || fd->required_roles > CORE_MAX_SEATS)
            return failed(o, N_("spanning: 'samen' buiten 1..8"), f);
        if (fd->severity < 0 || fd->severity > 100)
            return failed(o, N_("spanning: ernst buiten 0..100"), f);
        if (fd->drains != CORE_DRAIN_DRAAGKRACHT && fd->drains != CORE_DRAIN_WELBEVINDEN)
            return failed(o, N_("spanning: onbekend doel van de schade"), f);
        if (fd->innovation_card != CORE_NONE && !card_ok(sc, fd->innovation_card))
            return failed(o, N_("spanning: onbekende innovatiekaart"), f);
        if (fd->round < 0 || fd->round > sc->rules.rounds)
            return failed(o, N_("spanning: ronde buiten het spel"), f);
        if (fd->n_options < 0 || fd->n_options > CORE_MAX_OPTIONS)
            return failed(o, N_("spanning: te veel afspraken (max. 4)"), f);
    }
    return true;
}

static bool validate_goals_and_reflections(const core_scenario *sc, const fail_out *o)
{
    uint32_t need_mask = low_bits(sc->n_needs);
    for (int g = 0; g < sc->n_goals; g++)
        if (sc->goals[g].needs & ~need_mask)
            return failed(o, N_("doel noemt een onbekende nood"), g);
    for (int i = 0; i < sc->n_reflections; i++) {
        const core_reflection_def *rd = &sc->reflections[i];
        if (rd->n_options < 0 || rd->n_options > CORE_MAX_OPTIONS)
            return failed(o, N_("reflectiekaart: te veel antwoorden"), i);
        if (rd->block < CORE_BLOCK_IDENTITEIT || rd->block >= CORE_BLOCK_COUNT)
            return failed(o, N_("reflectiekaart: onbekende bouwsteen"), i);
    }
    return true;
}

static bool validate_events(const core_scenario *sc, const fail_out *o)
{
    for (int e = 0; e < sc->n_events; e++) {
        const core_scripted_event *ev = &sc->events[e];
        if (ev->round < 1 || ev->round > sc->rules.rounds)
            return failed(o, N_("gebeurtenis: ronde buiten het spel"), e);
        if (ev->need != CORE_NONE && (ev->need < 0 || ev->need >= sc->n_needs))
            return failed(o, N_("gebeurtenis noemt een onbekende nood"), e);
        if (ev->welbevinden_delta < -1000 || ev->welbevinden_delta > 1000 || ev->draagkracht_delta < -1000 ||
            ev->draagkracht_delta > 1000 || ev->need_delta < -1000 || ev->need_delta > 1000)
            return failed(o, N_("gebeurtenis: waarde buiten -1000..1000"), e);
    }
    return true;
}

bool core_scenario_validate_tr(const core_scenario *sc, core_translate_fn tr, char *err, size_t err_len)
{
    const fail_out out = {err, err_len, tr}, *o = &out;
    if (err && err_len)
        err[0] = '\0';
    if (!sc)
        return failed(o, N_("geen scenario"), -1);
    /* in this order: each step may rely on the counts checked before it */
    return validate_counts(sc, o) && validate_rules(sc, o) && validate_roles(sc, o) && validate_cards(sc, o) &&
           validate_needs_and_facts(sc, o) && validate_frictions(sc, o) && validate_goals_and_reflections(sc, o) &&
           validate_events(sc, o);
}

bool core_scenario_validate(const core_scenario *sc, char *err, size_t err_len)
{
    return core_scenario_validate_tr(sc, NULL, err, err_len);
}
