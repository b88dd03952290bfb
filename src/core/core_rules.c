/*
 * The rules: scenario validation, the seeded RNG, action validation and
 * application, the round flow and the deterministic resolution of
 * Uitvoering. RULES.md states every rule in words; keep the two in step.
 *
 * Every public entry point checks its inputs; core_apply first runs the same
 * validation as core_check and only then changes the state, so a rejected
 * action leaves the state untouched. Nothing here allocates.
 */
#include "core/core_int.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------- defaults */

void core_rules_default(core_rules *r)
{
    if (!r)
        return;
    memset(r, 0, sizeof *r);
    r->rounds = 6;
    r->hand_size = 5;
    r->max_commit = 2;
    r->welbevinden_start = 5;
    r->welbevinden_max = 10;
    r->welbevinden_per_need = 1;
    r->draagkracht_start = 4;
    r->draagkracht_max = 10;
    r->weak_penalty = 1;
    r->synergy_bonus = 1;
    r->mixed_kinds_bonus = 1;
    r->goal_bonus = 1;
    r->lead_bonus = 1;
    r->dark_divisor = 2;
    r->escalation = 1;
    r->recovery = 2;
    r->needs_to_win = 3;
    r->max_goals = 2;
    r->joint_share_cooperatief = 0.5;
    r->kept_promises_coordinerend = 0.5;
    r->reflective_share_verbindend = 0.5;
    r->centrality_max_verbindend = 0.5;
    r->centrality_alarm = 0.6;
    r->diversity_low = 0.4;
    r->density_low = 0.5;
    r->off_domain_divisor = 2;
}

/* ----------------------------------------------------------- validation */

static bool fail(char *err, size_t len, const char *msg, int idx)
{
    if (err && len > 0) {
        if (idx >= 0)
            snprintf(err, len, "%s (index %d)", msg, idx);
        else
            snprintf(err, len, "%s", msg);
    }
    return false;
}

static bool card_ok(const core_scenario *sc, int c)
{
    return c >= 0 && c < sc->n_cards;
}

bool core_scenario_validate(const core_scenario *sc, char *err, size_t err_len)
{
    if (err && err_len)
        err[0] = '\0';
    if (!sc)
        return fail(err, err_len, "geen scenario", -1);
    const core_rules *r = &sc->rules;
    if (sc->n_seats < CORE_MIN_SEATS || sc->n_seats > CORE_MAX_SEATS)
        return fail(err, err_len, "een scenario heeft 3 tot 8 spelers nodig", sc->n_seats);
    if (sc->n_roles < 1 || sc->n_roles > CORE_MAX_ROLES)
        return fail(err, err_len, "aantal rollen buiten 1..16", sc->n_roles);
    if (sc->n_needs < 1 || sc->n_needs > CORE_MAX_NEEDS)
        return fail(err, err_len, "aantal noden buiten 1..6", sc->n_needs);
    if (sc->n_cards < 0 || sc->n_cards > CORE_MAX_CARDS)
        return fail(err, err_len, "te veel kaarten", sc->n_cards);
    if (sc->n_facts < 0 || sc->n_facts > CORE_MAX_FACTS)
        return fail(err, err_len, "te veel dossierfeiten", sc->n_facts);
    if (sc->n_frictions < 0 || sc->n_frictions > CORE_MAX_FRICTIONS)
        return fail(err, err_len, "te veel spanningen", sc->n_frictions);
    if (sc->n_goals < 0 || sc->n_goals > CORE_MAX_GOALS)
        return fail(err, err_len, "te veel doelen", sc->n_goals);
    if (sc->n_reflections < 0 || sc->n_reflections > CORE_MAX_REFLECTIONS)
        return fail(err, err_len, "te veel reflectiekaarten", sc->n_reflections);
    if (sc->n_events < 0 || sc->n_events > CORE_MAX_EVENTS_SCRIPTED)
        return fail(err, err_len, "te veel gebeurtenissen", sc->n_events);
    if (r->rounds < 1 || r->rounds > CORE_MAX_ROUNDS)
        return fail(err, err_len, "aantal rondes buiten 1..12", r->rounds);
    if (r->hand_size < 1 || r->hand_size > CORE_MAX_HAND)
        return fail(err, err_len, "handgrootte buiten 1..8", r->hand_size);
    if (r->max_commit < 1 || r->max_commit > CORE_MAX_COMMIT)
        return fail(err, err_len, "kaarten per inzet buiten 1..3", r->max_commit);
    if (r->welbevinden_max < 1 || r->welbevinden_start < 1 || r->welbevinden_start > r->welbevinden_max)
        return fail(err, err_len, "welbevinden: start moet tussen 1 en het maximum liggen", r->welbevinden_start);
    if (r->draagkracht_max < 1 || r->draagkracht_start < 0 || r->draagkracht_start > r->draagkracht_max)
        return fail(err, err_len, "draagkracht: start moet tussen 0 en het maximum liggen", r->draagkracht_start);
    if (r->dark_divisor < 1 || r->off_domain_divisor < 1)
        return fail(err, err_len, "delers moeten minstens 1 zijn", -1);
    if (r->welbevinden_per_need < 0 || r->weak_penalty < 0 || r->synergy_bonus < 0 || r->mixed_kinds_bonus < 0 ||
        r->goal_bonus < 0 || r->lead_bonus < 0 || r->escalation < 0 || r->recovery < 0)
        return fail(err, err_len, "bonussen en straffen mogen niet negatief zijn", -1);
    if (r->needs_to_win < 0 || r->needs_to_win > sc->n_needs)
        return fail(err, err_len, "needs_to_win is groter dan het aantal noden", r->needs_to_win);
    if (r->max_goals < 0 || r->max_goals > CORE_MAX_GOALS)
        return fail(err, err_len, "max_goals buiten 0..8", r->max_goals);
    if (r->welbevinden_max > 1000 || r->draagkracht_max > 1000)
        return fail(err, err_len, "tracks groter dan 1000", -1);
    for (int s = 0; s < sc->n_seats; s++)
        if (sc->seat_roles[s] < 0 || sc->seat_roles[s] >= sc->n_roles)
            return fail(err, err_len, "een plaats heeft een onbekende rol", s);
    for (int i = 0; i < sc->n_roles; i++) {
        const core_role_def *ro = &sc->roles[i];
        if (ro->deck_size < 0 || ro->deck_size > CORE_MAX_DECK)
            return fail(err, err_len, "een rol heeft een te grote stapel", i);
        if (ro->n_domains < 0 || ro->n_domains > CORE_MAX_DOMAINS || ro->n_limit_domains < 0 ||
            ro->n_limit_domains > CORE_MAX_DOMAINS || ro->n_skills < 0 || ro->n_skills > CORE_MAX_SKILLS)
            return fail(err, err_len, "een rol heeft te veel domeinen of vaardigheden", i);
        for (int k = 0; k < ro->deck_size; k++) {
            int c = ro->deck[k];
            if (!card_ok(sc, c) || sc->cards[c].type == CORE_CARD_INNOVATION)
                return fail(err, err_len, "de stapel van een rol noemt een onbekende of innovatiekaart", i);
        }
    }
    for (int c = 0; c < sc->n_cards; c++) {
        const core_card_def *cd = &sc->cards[c];
        if (cd->type < CORE_CARD_EXPERTISE || cd->type > CORE_CARD_INNOVATION)
            return fail(err, err_len, "kaart met onbekend type", c);
        if (cd->type != CORE_CARD_INNOVATION && (cd->role < 0 || cd->role >= sc->n_roles))
            return fail(err, err_len, "kaart van een onbekende rol", c);
        if (cd->kind < CORE_KIND_WETENSCHAPPELIJK || cd->kind >= CORE_KIND_COUNT)
            return fail(err, err_len, "kaart met onbekende kennissoort", c);
        if (cd->strength < 0 || cd->strength > 100 || cd->boost < 0 || cd->boost > 100)
            return fail(err, err_len, "kaartsterkte buiten 0..100", c);
    }
    uint32_t need_mask = (sc->n_needs >= 32) ? 0xffffffffu : ((1u << sc->n_needs) - 1u);
    uint32_t role_mask = (sc->n_roles >= 32) ? 0xffffffffu : ((1u << sc->n_roles) - 1u);
    for (int n = 0; n < sc->n_needs; n++) {
        if (sc->needs[n].target < 1 || sc->needs[n].target > 1000)
            return fail(err, err_len, "een nood heeft een doelwaarde buiten 1..1000", n);
        if (sc->needs[n].limited_roles & ~role_mask)
            return fail(err, err_len, "een nood noemt een onbekende rol in zijn grenzen", n);
    }
    for (int f = 0; f < sc->n_facts; f++) {
        if (sc->facts[f].role < 0 || sc->facts[f].role >= sc->n_roles)
            return fail(err, err_len, "dossierfeit van een onbekende rol", f);
        if (sc->facts[f].needs & ~need_mask)
            return fail(err, err_len, "dossierfeit noemt een onbekende nood", f);
    }
    for (int f = 0; f < sc->n_frictions; f++) {
        const core_friction_def *fd = &sc->frictions[f];
        if (fd->roles & ~role_mask)
            return fail(err, err_len, "spanning noemt een onbekende rol", f);
        if (fd->required_roles < 1 || fd->required_roles > CORE_MAX_SEATS)
            return fail(err, err_len, "spanning: 'samen' buiten 1..8", f);
        if (fd->severity < 0 || fd->severity > 100)
            return fail(err, err_len, "spanning: ernst buiten 0..100", f);
        if (fd->drains != CORE_DRAIN_DRAAGKRACHT && fd->drains != CORE_DRAIN_WELBEVINDEN)
            return fail(err, err_len, "spanning: onbekend doel van de schade", f);
        if (fd->innovation_card != CORE_NONE && !card_ok(sc, fd->innovation_card))
            return fail(err, err_len, "spanning: onbekende innovatiekaart", f);
        if (fd->round < 0 || fd->round > r->rounds)
            return fail(err, err_len, "spanning: ronde buiten het spel", f);
    }
    for (int g = 0; g < sc->n_goals; g++)
        if (sc->goals[g].needs & ~need_mask)
            return fail(err, err_len, "doel noemt een onbekende nood", g);
    for (int i = 0; i < sc->n_reflections; i++) {
        const core_reflection_def *rd = &sc->reflections[i];
        if (rd->n_options < 0 || rd->n_options > CORE_MAX_OPTIONS)
            return fail(err, err_len, "reflectiekaart: te veel antwoorden", i);
        if (rd->block < CORE_BLOCK_IDENTITEIT || rd->block >= CORE_BLOCK_COUNT)
            return fail(err, err_len, "reflectiekaart: onbekende bouwsteen", i);
    }
    for (int e = 0; e < sc->n_events; e++) {
        const core_scripted_event *ev = &sc->events[e];
        if (ev->round < 1 || ev->round > r->rounds)
            return fail(err, err_len, "gebeurtenis: ronde buiten het spel", e);
        if (ev->need != CORE_NONE && (ev->need < 0 || ev->need >= sc->n_needs))
            return fail(err, err_len, "gebeurtenis noemt een onbekende nood", e);
        if (ev->welbevinden_delta < -1000 || ev->welbevinden_delta > 1000 || ev->draagkracht_delta < -1000 ||
            ev->draagkracht_delta > 1000 || ev->need_delta < -1000 || ev->need_delta > 1000)
            return fail(err, err_len, "gebeurtenis: waarde buiten -1000..1000", e);
    }
    return true;
}

/* ------------------------------------------------------------------ RNG */

void core_rng_seed(core_rng *rng, uint64_t seed, uint64_t stream)
{
    /* PCG32 reference seeding (pcg32_srandom_r). */
    rng->state = 0u;
    rng->inc = (stream << 1u) | 1u;
    (void)core_rng_next(rng);
    rng->state += seed;
    (void)core_rng_next(rng);
}

uint32_t core_rng_next(core_rng *rng)
{
    uint64_t old = rng->state;
    rng->state = old * 6364136223846793005ULL + rng->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

uint32_t core_rng_below(core_rng *rng, uint32_t bound)
{
    if (bound == 0)
        return 0;
    /* Rejection below 2^32 mod bound keeps it unbiased (Lemire/PCG). */
    uint32_t threshold = (uint32_t)(-bound) % bound;
    for (;;) {
        uint32_t r = core_rng_next(rng);
        if (r >= threshold)
            return r % bound;
    }
}

static void shuffle(core_rng *rng, int *a, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)core_rng_below(rng, (uint32_t)(i + 1));
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* --------------------------------------------------------------- events */

static void emit(core_events *out, core_event_type t, int seat, int a, int b, int c, int d)
{
    if (!out || out->n < 0 || out->n >= CORE_MAX_EVENTS)
        return;
    core_event *e = &out->ev[out->n++];
    e->type = t;
    e->seat = seat;
    e->a = a;
    e->b = b;
    e->c = c;
    e->d = d;
}

/* ------------------------------------------------------------- helpers */

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

static int seat_role(const core_state *st, int seat)
{
    return st->sc->seat_roles[seat];
}

static int friction_slot(const core_state *st, int def)
{
    for (int i = 0; i < st->n_frictions_out; i++)
        if (st->frictions[i].friction == def)
            return i;
    return CORE_NONE;
}

static int goals_adopted(const core_state *st)
{
    int n = 0;
    for (int g = 0; g < st->sc->n_goals; g++)
        n += st->goal_adopted[g] ? 1 : 0;
    return n;
}

static bool need_goal_linked(const core_state *st, int n)
{
    for (int g = 0; g < st->sc->n_goals; g++)
        if (st->goal_adopted[g] && core_goal_links(st->sc, g, n))
            return true;
    return false;
}

static bool need_lit(const core_state *st, int n)
{
    return !st->need_has_facts[n] || ((st->lit_needs >> (unsigned)n) & 1u);
}

static void add_edge(core_state *st, int a, int b)
{
    if (a == b || a < 0 || b < 0 || a >= st->sc->n_seats || b >= st->sc->n_seats)
        return;
    int r = clampi(st->round, 0, CORE_MAX_ROUNDS);
    if (st->edge_round[r][a][b] < UINT16_MAX) {
        st->edge_round[r][a][b]++;
        st->edge_round[r][b][a]++;
    }
}

int core_rounds_done(const core_state *st)
{
    if (st->phase == CORE_PHASE_END)
        return st->round;
    return st->round > 0 ? st->round - 1 : 0;
}

static void set_welbevinden(core_state *st, int v)
{
    st->welbevinden = clampi(v, 0, st->sc->rules.welbevinden_max);
}

static void set_draagkracht(core_state *st, int v)
{
    st->draagkracht = clampi(v, 0, st->sc->rules.draagkracht_max);
}

static void meet_need_if_done(core_state *st, int n, core_events *out)
{
    if (!st->need_met[n] && st->need_progress[n] >= st->sc->needs[n].target) {
        st->need_met[n] = true;
        emit(out, CORE_EVT_NEED_MET, CORE_NONE, n, 0, 0, 0);
        set_welbevinden(st, st->welbevinden + st->sc->rules.welbevinden_per_need);
    }
}

/* ----------------------------------------------------------------- init */

bool core_init(core_state *st, const core_scenario *sc, uint64_t seed, char *err, size_t err_len)
{
    if (!st)
        return fail(err, err_len, "geen toestand", -1);
    memset(st, 0, sizeof *st);
    if (!core_scenario_validate(sc, err, err_len))
        return false;
    st->sc = sc;
    st->seed = seed;
    core_rng_seed(&st->rng, seed, 0x53616d656e73ULL); /* "Samens" as the stream */
    st->phase = CORE_PHASE_LOBBY;
    st->outcome = CORE_OUTCOME_ONGOING;
    st->welbevinden = sc->rules.welbevinden_start;
    st->draagkracht = sc->rules.draagkracht_start;
    st->goal_proposal = CORE_NONE;
    st->goal_proposer = CORE_NONE;
    st->goal_proposal_round = 0;
    st->reflection_card = CORE_NONE;
    for (int n = 0; n < CORE_MAX_NEEDS; n++) {
        st->need_lead[n] = CORE_NONE;
        st->lead_proposal[n] = CORE_NONE;
    }
    for (int f = 0; f < CORE_MAX_FACTS; f++) {
        st->fact_shared_round[f] = 0;
        st->fact_shared_by[f] = CORE_NONE;
    }
    for (int n = 0; n < sc->n_needs; n++) {
        uint32_t lim = sc->needs[n].limited_roles;
        for (int r = 0; r < sc->n_roles; r++)
            for (int d = 0; d < sc->roles[r].n_limit_domains; d++)
                if (sc->needs[n].domain[0] && strcmp(sc->roles[r].limit_domains[d], sc->needs[n].domain) == 0)
                    lim |= 1u << (unsigned)r;
        st->need_limited[n] = lim;
        for (int f = 0; f < sc->n_facts; f++)
            if ((sc->facts[f].needs >> (unsigned)n) & 1u)
                st->need_has_facts[n] = true;
    }
    for (int s = 0; s < sc->n_seats; s++)
        for (int f = 0; f < sc->n_facts; f++)
            if (sc->facts[f].role == sc->seat_roles[s])
                st->seat_facts[s] |= 1ull << (unsigned)f;
    for (int s = 0; s < sc->n_seats; s++) {
        const core_role_def *ro = &sc->roles[sc->seat_roles[s]];
        core_seat_state *ss = &st->seats[s];
        memcpy(ss->deck, ro->deck, sizeof(int) * (size_t)ro->deck_size);
        ss->deck_n = ro->deck_size;
        shuffle(&st->rng, ss->deck, ss->deck_n);
        ss->reflection_option = CORE_NONE;
    }
    for (int f = 0; f < sc->n_frictions; f++)
        if (sc->frictions[f].round == 0)
            st->friction_deck[st->friction_deck_n++] = f;
    shuffle(&st->rng, st->friction_deck, st->friction_deck_n);
    return true;
}

/* ---------------------------------------------------------- round flow */

static void draw_cards(core_state *st, int s, core_events *out)
{
    core_seat_state *ss = &st->seats[s];
    int want = st->sc->rules.hand_size;
    int drawn = 0;
    while (ss->hand_n < want && ss->hand_n < CORE_MAX_HAND) {
        if (ss->deck_n == 0) {
            if (ss->discard_n == 0)
                break;
            memcpy(ss->deck, ss->discard, sizeof(int) * (size_t)ss->discard_n);
            ss->deck_n = ss->discard_n;
            ss->discard_n = 0;
            shuffle(&st->rng, ss->deck, ss->deck_n);
        }
        ss->hand[ss->hand_n++] = ss->deck[--ss->deck_n];
        drawn++;
    }
    emit(out, CORE_EVT_DRAW, s, 0, drawn, 0, 0);
}

static void reveal_friction(core_state *st, int def, core_events *out)
{
    if (st->n_frictions_out >= CORE_MAX_FRICTIONS || friction_slot(st, def) != CORE_NONE)
        return;
    core_friction_state *fs = &st->frictions[st->n_frictions_out++];
    fs->friction = def;
    fs->severity = st->sc->frictions[def].severity;
    fs->ignored_rounds = 0;
    fs->active = true;
    emit(out, CORE_EVT_FRICTION_REVEALED, CORE_NONE, def, fs->severity, 0, 0);
}

static void set_phase(core_state *st, core_phase p, core_events *out)
{
    st->phase = p;
    for (int s = 0; s < st->sc->n_seats; s++)
        st->seats[s].ready = false;
    emit(out, CORE_EVT_PHASE, CORE_NONE, (int)p, st->round, 0, 0);
}

static void begin_round(core_state *st, int r, core_events *out)
{
    const core_scenario *sc = st->sc;
    st->round = r;
    st->n_promises = 0;
    st->revealed = false;
    memset(st->revealed_n, 0, sizeof st->revealed_n);
    st->reflection_card = CORE_NONE;
    for (int s = 0; s < sc->n_seats; s++) {
        core_seat_state *ss = &st->seats[s];
        ss->commit_n = 0;
        ss->reflected = false;
        ss->reflection_option = CORE_NONE;
        ss->reflection_text[0] = '\0';
    }
    set_phase(st, CORE_PHASE_SIGNAAL, out);
    for (int f = 0; f < sc->n_frictions; f++)
        if (sc->frictions[f].round == r)
            reveal_friction(st, f, out);
    if (st->friction_deck_n > 0)
        reveal_friction(st, st->friction_deck[--st->friction_deck_n], out);
    for (int e = 0; e < sc->n_events; e++) {
        const core_scripted_event *ev = &sc->events[e];
        if (ev->round != r)
            continue;
        emit(out, CORE_EVT_SCRIPTED, CORE_NONE, e, 0, 0, 0);
        set_welbevinden(st, st->welbevinden + ev->welbevinden_delta);
        set_draagkracht(st, st->draagkracht + ev->draagkracht_delta);
        if (ev->need != CORE_NONE && !st->need_met[ev->need]) {
            st->need_progress[ev->need] = clampi(st->need_progress[ev->need] + ev->need_delta, 0, 100000);
            emit(out, CORE_EVT_NEED_PROGRESS, CORE_NONE, ev->need, ev->need_delta, st->need_progress[ev->need], 0);
            meet_need_if_done(st, ev->need, out);
        }
        emit(out, CORE_EVT_TRACKS, CORE_NONE, st->welbevinden, st->draagkracht, 0, 0);
    }
    for (int s = 0; s < sc->n_seats; s++)
        draw_cards(st, s, out);
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

/* Uitvoering: the resolution formula of RULES.md, deterministic from the
 * revealed commitments. */
static void resolve(core_state *st, core_events *out)
{
    const core_scenario *sc = st->sc;
    const core_rules *ru = &sc->rules;
    const int ns = sc->n_seats;
    const int r = st->round;
    const bool weak = st->draagkracht == 0;
    bool fact_pair[CORE_MAX_SEATS][CORE_MAX_SEATS];
    memset(fact_pair, 0, sizeof fact_pair);

    /* the reveal: public from now until the next Signaal */
    st->revealed = true;
    for (int s = 0; s < ns; s++) {
        st->revealed_n[s] = st->seats[s].commit_n;
        for (int k = 0; k < st->seats[s].commit_n; k++) {
            st->revealed_commits[s][k] = st->seats[s].commits[k];
            const core_commitment *cm = &st->seats[s].commits[k];
            emit(out, CORE_EVT_REVEAL, s, cm->card, cm->target_kind, cm->target, 0);
        }
    }

    /* needs */
    for (int n = 0; n < sc->n_needs; n++) {
        int base = 0, boost = 0, ncards = 0;
        uint32_t roles_exp = 0, roles_all = 0, kinds = 0, seats = 0;
        for (int s = 0; s < ns; s++) {
            const core_seat_state *ss = &st->seats[s];
            uint32_t rb = 1u << (unsigned)seat_role(st, s);
            for (int k = 0; k < ss->commit_n; k++) {
                const core_commitment *cm = &ss->commits[k];
                if (cm->target_kind != 0 || cm->target != n)
                    continue;
                const core_card_def *cd = &sc->cards[cm->card];
                ncards++;
                seats |= 1u << (unsigned)s;
                if (cd->type == CORE_CARD_GENERIC)
                    continue;
                int v = cd->strength;
                if (cd->type == CORE_CARD_EXPERTISE && strcmp(cd->domain, sc->needs[n].domain) != 0)
                    v /= ru->off_domain_divisor;
                base += v;
                roles_exp |= rb;
                kinds |= 1u << (unsigned)cd->kind;
                st->contrib_kind[r][cd->kind]++;
            }
        }
        if (ncards == 0)
            continue;
        roles_all = roles_exp;
        /* generic cards: only a boost to another role's card on the same need */
        for (int s = 0; s < ns; s++) {
            const core_seat_state *ss = &st->seats[s];
            uint32_t rb = 1u << (unsigned)seat_role(st, s);
            for (int k = 0; k < ss->commit_n; k++) {
                const core_commitment *cm = &ss->commits[k];
                if (cm->target_kind != 0 || cm->target != n)
                    continue;
                const core_card_def *cd = &sc->cards[cm->card];
                if (cd->type == CORE_CARD_GENERIC && (roles_exp & ~rb)) {
                    boost += cd->boost;
                    roles_all |= rb;
                }
            }
        }
        int distinct = core_popcount(roles_all);
        int total = 0;
        bool linked = need_goal_linked(st, n);
        if (!(distinct == 1 && (st->need_limited[n] & roles_all))) {
            total = base + boost;
            if (distinct > 1)
                total += ru->synergy_bonus * (distinct - 1);
            if (core_popcount(kinds) > 1)
                total += ru->mixed_kinds_bonus * (core_popcount(kinds) - 1);
            if (total > 0 && linked)
                total += ru->goal_bonus;
            if (total > 0 && st->need_lead[n] != CORE_NONE && ((seats >> (unsigned)st->need_lead[n]) & 1u))
                total += ru->lead_bonus;
            if (!need_lit(st, n))
                total /= ru->dark_divisor;
        }
        if (weak)
            total -= ru->weak_penalty * ncards;
        if (total < 0)
            total = 0;
        /* measures */
        st->contrib_n[r] += ncards;
        if (core_popcount(seats) >= 2 && coordinated(st, n, seats))
            st->contrib_joint[r] += ncards;
        if (linked)
            st->contrib_goal[r] += ncards;
        st->contrib_seats[r] |= seats;
        for (int a = 0; a < ns; a++)
            for (int b = a + 1; b < ns; b++)
                if (((seats >> (unsigned)a) & 1u) && ((seats >> (unsigned)b) & 1u))
                    add_edge(st, a, b);
        for (int f = 0; f < sc->n_facts; f++) {
            if (!st->fact_shared[f] || !((sc->facts[f].needs >> (unsigned)n) & 1u))
                continue;
            int by = st->fact_shared_by[f];
            if (by < 0 || by >= ns)
                continue;
            for (int t = 0; t < ns; t++)
                if (t != by && ((seats >> (unsigned)t) & 1u))
                    fact_pair[by < t ? by : t][by < t ? t : by] = true;
        }
        if (!st->need_met[n]) {
            st->need_progress[n] += total;
            emit(out, CORE_EVT_NEED_PROGRESS, CORE_NONE, n, total, st->need_progress[n], 0);
            meet_need_if_done(st, n, out);
        }
    }
    for (int a = 0; a < ns; a++)
        for (int b = a + 1; b < ns; b++)
            if (fact_pair[a][b])
                add_edge(st, a, b);

    /* frictions */
    for (int i = 0; i < st->n_frictions_out; i++) {
        core_friction_state *fs = &st->frictions[i];
        if (!fs->active)
            continue;
        const core_friction_def *fd = &sc->frictions[fs->friction];
        uint32_t seats = 0, roles = 0;
        int ncards = 0;
        for (int s = 0; s < ns; s++) {
            const core_seat_state *ss = &st->seats[s];
            for (int k = 0; k < ss->commit_n; k++) {
                const core_commitment *cm = &ss->commits[k];
                if (cm->target_kind != 1 || cm->target != fs->friction)
                    continue;
                const core_card_def *cd = &sc->cards[cm->card];
                ncards++;
                seats |= 1u << (unsigned)s;
                roles |= 1u << (unsigned)seat_role(st, s);
                if (cd->type != CORE_CARD_GENERIC)
                    st->contrib_kind[r][cd->kind]++;
            }
        }
        if (ncards > 0) {
            st->contrib_n[r] += ncards;
            if (core_popcount(seats) >= 2)
                st->contrib_joint[r] += ncards;
            st->contrib_seats[r] |= seats;
            for (int a = 0; a < ns; a++)
                for (int b = a + 1; b < ns; b++)
                    if (((seats >> (unsigned)a) & 1u) && ((seats >> (unsigned)b) & 1u))
                        add_edge(st, a, b);
        }
        if (core_popcount(roles & fd->roles) >= fd->required_roles) {
            fs->active = false;
            if (st->n_boundary < CORE_MAX_FRICTIONS)
                st->boundary_won[st->n_boundary++] = fs->friction;
            if (fd->innovation_card != CORE_NONE && st->n_innovations < CORE_MAX_INNOVATIONS)
                st->innovations[st->n_innovations++] = fd->innovation_card;
            st->r_boundary[r]++;
            set_draagkracht(st, st->draagkracht + ru->recovery);
            emit(out, CORE_EVT_GRENSERVARING, CORE_NONE, fs->friction, fd->innovation_card, 0, 0);
        } else {
            int amount = fs->severity;
            if (fd->drains == CORE_DRAIN_WELBEVINDEN)
                set_welbevinden(st, st->welbevinden - amount);
            else
                set_draagkracht(st, st->draagkracht - amount);
            if (amount > 0)
                st->r_drained[r]++;
            emit(out, CORE_EVT_FRICTION_DRAIN, CORE_NONE, fs->friction, amount, (int)fd->drains, 0);
            fs->ignored_rounds++;
            fs->severity = clampi(fs->severity + ru->escalation, 0, 1000);
            emit(out, CORE_EVT_FRICTION_ESCALATED, CORE_NONE, fs->friction, fs->severity, 0, 0);
        }
    }

    /* promises: kept when both seats put a card on the promised need */
    for (int p = 0; p < st->n_promises; p++) {
        core_promise *pr = &st->promises[p];
        /* an unanswered one stays PENDING (the view shows it lapsed); the
         * event tells the debrief that nobody answered in time */
        if (pr->status == CORE_PROMISE_PENDING)
            emit(out, CORE_EVT_PROMISE_LAPSED, CORE_NONE, p, 0, 0, 0);
        if (pr->status != CORE_PROMISE_ACCEPTED)
            continue;
        bool from_in = false, to_in = false;
        for (int k = 0; k < st->seats[pr->from].commit_n; k++)
            if (st->seats[pr->from].commits[k].target_kind == 0 && st->seats[pr->from].commits[k].target == pr->need)
                from_in = true;
        for (int k = 0; k < st->seats[pr->to].commit_n; k++)
            if (st->seats[pr->to].commits[k].target_kind == 0 && st->seats[pr->to].commits[k].target == pr->need)
                to_in = true;
        if (from_in && to_in) {
            pr->status = CORE_PROMISE_KEPT;
            st->r_kept[r]++;
            emit(out, CORE_EVT_PROMISE_KEPT, CORE_NONE, p, 0, 0, 0);
        } else {
            pr->status = CORE_PROMISE_BROKEN;
            st->r_broken[r]++;
            emit(out, CORE_EVT_PROMISE_BROKEN, CORE_NONE, p, 0, 0, 0);
        }
    }

    /* committed cards leave: hand cards to the discard pile, innovation cards are spent */
    bool inno_used[CORE_MAX_INNOVATIONS];
    memset(inno_used, 0, sizeof inno_used);
    for (int s = 0; s < ns; s++) {
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
    emit(out, CORE_EVT_TRACKS, CORE_NONE, st->welbevinden, st->draagkracht, 0, 0);
}

/* The reflection card whose evidence best matches this round so far. */
static void pick_reflection(core_state *st, core_events *out)
{
    const core_scenario *sc = st->sc;
    st->reflection_card = CORE_NONE;
    if (sc->n_reflections == 0)
        return;
    core_measures m;
    core_measures_compute(st, st->round, &m);
    /* shown cards: bits 0..31 in reflections_shown, 32..39 in _hi */
    uint64_t shown = (uint64_t)st->reflections_shown | ((uint64_t)st->reflections_shown_hi << 32);
    uint64_t all = (sc->n_reflections >= 64) ? ~0ull : ((1ull << (unsigned)sc->n_reflections) - 1ull);
    if ((shown & all) == all)
        shown = 0;
    int best = CORE_NONE, best_score = -1;
    for (int i = 0; i < sc->n_reflections && i < 64; i++) {
        if ((shown >> (unsigned)i) & 1ull)
            continue;
        int score = core_popcount(sc->reflections[i].evidence & m.evidence);
        if (score > best_score) {
            best = i;
            best_score = score;
        }
    }
    if (best == CORE_NONE)
        best = 0;
    st->reflection_card = best;
    shown |= 1ull << (unsigned)best;
    st->reflections_shown = (uint32_t)(shown & 0xffffffffu);
    st->reflections_shown_hi = (uint32_t)(shown >> 32);
    emit(out, CORE_EVT_REFLECTION, CORE_NONE, best, 0, 0, 0);
}

static void end_round(core_state *st, core_events *out)
{
    const core_scenario *sc = st->sc;
    const int r = st->round;
    bool all_reflected = true;
    for (int s = 0; s < sc->n_seats; s++)
        all_reflected = all_reflected && st->seats[s].reflected;
    st->r_reflective[r] = all_reflected;
    st->r_goal[r] = goals_adopted(st) > 0;
    uint32_t dark = 0, nolead = 0;
    int met = 0;
    for (int n = 0; n < sc->n_needs; n++) {
        if (st->need_met[n]) {
            met++;
            continue;
        }
        if (!need_lit(st, n))
            dark |= 1u << (unsigned)n;
        if (st->need_lead[n] == CORE_NONE)
            nolead |= 1u << (unsigned)n;
    }
    st->r_dark[r] = dark;
    st->r_nolead[r] = nolead;
    core_measures_compute(st, r, &st->round_measures[r]);
    /* the round-end facts count as finished from now on */
    if (!all_reflected)
        st->round_measures[r].evidence |= 1u << CORE_EV_TAG_NIET_REFLECTIEF;
    if (dark)
        st->round_measures[r].evidence |= 1u << CORE_EV_TAG_DOSSIER_ONGEDEELD;
    if (nolead)
        st->round_measures[r].evidence |= 1u << CORE_EV_TAG_GEEN_TREKKER;
    emit(out, CORE_EVT_ROUND_END, CORE_NONE, r, (int)st->round_measures[r].level, 0, 0);

    core_outcome oc = CORE_OUTCOME_ONGOING;
    if (met == sc->n_needs)
        oc = CORE_OUTCOME_WON;
    else if (st->welbevinden <= 0)
        oc = CORE_OUTCOME_LOST;
    else if (r >= sc->rules.rounds)
        oc = met >= sc->rules.needs_to_win ? CORE_OUTCOME_WON : CORE_OUTCOME_LOST;
    if (oc != CORE_OUTCOME_ONGOING) {
        st->outcome = oc;
        set_phase(st, CORE_PHASE_END, out);
        core_measures all;
        core_measures_compute(st, 0, &all);
        st->round_measures[0] = all;
        emit(out, CORE_EVT_GAME_END, CORE_NONE, (int)oc, (int)all.level, 0, 0);
        return;
    }
    begin_round(st, r + 1, out);
}

static void close_goal_proposal(core_state *st, core_events *out)
{
    if (st->goal_proposal == CORE_NONE)
        return;
    /* a failed or lapsed vote: said once, so that a log or debrief need not
     * infer it from the votes */
    emit(out, CORE_EVT_GOAL_REJECTED, CORE_NONE, st->goal_proposal, st->goal_proposal_drop ? 0 : 1, 0, 0);
    st->goal_proposal = CORE_NONE;
    st->goal_proposal_drop = false;
    st->goal_proposer = CORE_NONE;
    st->goal_votes_yes = st->goal_votes_no = 0;
}

static void end_phase(core_state *st, core_events *out)
{
    switch (st->phase) {
    case CORE_PHASE_SIGNAAL:
        /* GAME.md: Identiteit in round 1, and again whenever a new player
         * sat down, so that the newcomer presents their T-shape too. */
        set_phase(st, st->round == 1 || st->newcomers ? CORE_PHASE_IDENTITEIT : CORE_PHASE_OVERLEG, out);
        break;
    case CORE_PHASE_IDENTITEIT:
        st->newcomers = 0; /* everyone at the table has now been introduced */
        set_phase(st, CORE_PHASE_OVERLEG, out);
        break;
    case CORE_PHASE_OVERLEG:
        close_goal_proposal(st, out);
        for (int n = 0; n < CORE_MAX_NEEDS; n++)
            st->lead_proposal[n] = CORE_NONE;
        set_phase(st, CORE_PHASE_INZET, out);
        break;
    case CORE_PHASE_INZET:
        set_phase(st, CORE_PHASE_UITVOERING, out);
        resolve(st, out);
        break;
    case CORE_PHASE_UITVOERING:
        set_phase(st, CORE_PHASE_REFLECTIE, out);
        pick_reflection(st, out);
        break;
    case CORE_PHASE_REFLECTIE:
        end_round(st, out);
        break;
    default:
        break;
    }
}

/* ----------------------------------------------------- action checking */

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

static core_reject check_action(const core_state *st, const core_action *a)
{
    if (!st || !st->sc || !a)
        return CORE_REJ_UNKNOWN_ACTION;
    const core_scenario *sc = st->sc;
    if ((int)a->type <= (int)CORE_ACT_NONE || (int)a->type >= (int)CORE_ACT_COUNT)
        return CORE_REJ_UNKNOWN_ACTION;
    if (st->phase == CORE_PHASE_END || st->outcome != CORE_OUTCOME_ONGOING)
        return CORE_REJ_GAME_OVER;
    if (a->type == CORE_ACT_START || a->type == CORE_ACT_ADVANCE || a->type == CORE_ACT_NEW_PLAYER) {
        if (a->seat != CORE_SEAT_HOST)
            return CORE_REJ_NOT_HOST;
        if (a->type == CORE_ACT_NEW_PLAYER) {
            if (a->a < 0 || a->a >= sc->n_seats)
                return CORE_REJ_UNKNOWN_SEAT;
            return st->phase == CORE_PHASE_LOBBY ? CORE_REJ_WRONG_PHASE : CORE_OK;
        }
        if (a->type == CORE_ACT_START)
            return st->phase == CORE_PHASE_LOBBY ? CORE_OK : CORE_REJ_WRONG_PHASE;
        return st->phase == CORE_PHASE_LOBBY ? CORE_REJ_WRONG_PHASE : CORE_OK;
    }
    if (a->seat < 0 || a->seat >= sc->n_seats)
        return CORE_REJ_BAD_SEAT;
    if (st->phase == CORE_PHASE_LOBBY)
        return CORE_REJ_WRONG_PHASE;
    const core_seat_state *ss = &st->seats[a->seat];
    const int role = seat_role(st, a->seat);
    switch (a->type) {
    case CORE_ACT_READY:
        return ss->ready ? CORE_REJ_READY_LOCKED : CORE_OK;
    case CORE_ACT_UNREADY:
        return ss->ready ? CORE_OK : CORE_REJ_NOT_READY;
    case CORE_ACT_SHARE_FACT:
        if (st->phase == CORE_PHASE_SIGNAAL && st->round == 1)
            return CORE_REJ_WRONG_PHASE;
        if (a->a < 0 || a->a >= sc->n_facts || sc->facts[a->a].role != role)
            return CORE_REJ_NOT_YOUR_FACT;
        return st->fact_shared[a->a] ? CORE_REJ_ALREADY_SHARED : CORE_OK;
    case CORE_ACT_PROPOSE_GOAL:
    case CORE_ACT_DROP_GOAL:
        if (!overleg_like(st->phase))
            return CORE_REJ_WRONG_PHASE;
        if (a->a < 0 || a->a >= sc->n_goals)
            return CORE_REJ_UNKNOWN_GOAL;
        if (st->goal_proposal != CORE_NONE)
            return CORE_REJ_PROPOSAL_OPEN;
        if (a->type == CORE_ACT_DROP_GOAL)
            return st->goal_adopted[a->a] ? CORE_OK : CORE_REJ_GOAL_NOT_ADOPTED;
        if (st->goal_adopted[a->a])
            return CORE_REJ_GOAL_ALREADY_ADOPTED;
        return goals_adopted(st) >= sc->rules.max_goals ? CORE_REJ_TOO_MANY_GOALS : CORE_OK;
    case CORE_ACT_VOTE_GOAL:
        if (!overleg_like(st->phase))
            return CORE_REJ_WRONG_PHASE;
        if (st->goal_proposal == CORE_NONE || a->a != st->goal_proposal)
            return CORE_REJ_NO_PROPOSAL;
        if (((st->goal_votes_yes | st->goal_votes_no) >> (unsigned)a->seat) & 1u)
            return CORE_REJ_ALREADY_VOTED;
        return CORE_OK;
    case CORE_ACT_PROPOSE_LEAD:
        if (!overleg_like(st->phase))
            return CORE_REJ_WRONG_PHASE;
        if (a->a < 0 || a->a >= sc->n_needs)
            return CORE_REJ_UNKNOWN_NEED;
        if (st->need_met[a->a])
            return CORE_REJ_NEED_MET;
        if (a->b < 0 || a->b >= sc->n_seats)
            return CORE_REJ_UNKNOWN_SEAT;
        if (st->need_lead[a->a] == a->b || st->lead_proposal[a->a] == a->b)
            return CORE_REJ_DUPLICATE;
        return CORE_OK;
    case CORE_ACT_ACCEPT_LEAD:
        if (!overleg_like(st->phase))
            return CORE_REJ_WRONG_PHASE;
        if (a->a < 0 || a->a >= sc->n_needs)
            return CORE_REJ_UNKNOWN_NEED;
        return st->lead_proposal[a->a] == a->seat ? CORE_OK : CORE_REJ_NO_LEAD_PROPOSAL;
    case CORE_ACT_ASK:
    case CORE_ACT_OFFER: {
        if (!overleg_like(st->phase))
            return CORE_REJ_WRONG_PHASE;
        if (a->a < 0 || a->a >= sc->n_seats)
            return CORE_REJ_UNKNOWN_SEAT;
        if (a->a == a->seat)
            return CORE_REJ_SELF;
        if (a->b < 0 || a->b >= sc->n_needs)
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
    case CORE_ACT_RESPOND:
        if (!overleg_like(st->phase) && st->phase != CORE_PHASE_INZET)
            return CORE_REJ_WRONG_PHASE;
        if (a->a < 0 || a->a >= st->n_promises)
            return CORE_REJ_UNKNOWN_PROMISE;
        if (st->promises[a->a].to != a->seat)
            return CORE_REJ_NOT_YOUR_PROMISE;
        return st->promises[a->a].status == CORE_PROMISE_PENDING ? CORE_OK : CORE_REJ_PROMISE_CLOSED;
    case CORE_ACT_COMMIT: {
        if (st->phase != CORE_PHASE_INZET)
            return CORE_REJ_WRONG_PHASE;
        if (ss->ready)
            return CORE_REJ_READY_LOCKED;
        if (ss->commit_n >= sc->rules.max_commit || ss->commit_n >= CORE_MAX_COMMIT)
            return CORE_REJ_TOO_MANY_CARDS;
        bool inno = a->a >= CORE_MAX_HAND;
        int slot = inno ? a->a - CORE_MAX_HAND : a->a;
        if (slot < 0 || (!inno && slot >= ss->hand_n) || (inno && slot >= st->n_innovations))
            return CORE_REJ_NOT_YOUR_CARD;
        if (inno) {
            for (int s = 0; s < sc->n_seats; s++)
                if (slot_committed(&st->seats[s], slot, true))
                    return CORE_REJ_ALREADY_COMMITTED;
        } else if (slot_committed(ss, slot, false)) {
            return CORE_REJ_ALREADY_COMMITTED;
        }
        if (a->b == 0) {
            if (a->c < 0 || a->c >= sc->n_needs)
                return CORE_REJ_UNKNOWN_NEED;
            return st->need_met[a->c] ? CORE_REJ_NEED_MET : CORE_OK;
        }
        if (a->b == 1) {
            if (a->c < 0 || a->c >= sc->n_frictions)
                return CORE_REJ_UNKNOWN_FRICTION;
            int fsl = friction_slot(st, a->c);
            return (fsl != CORE_NONE && st->frictions[fsl].active) ? CORE_OK : CORE_REJ_UNKNOWN_FRICTION;
        }
        return CORE_REJ_UNKNOWN_NEED;
    }
    case CORE_ACT_UNCOMMIT:
        if (st->phase != CORE_PHASE_INZET)
            return CORE_REJ_WRONG_PHASE;
        if (ss->ready)
            return CORE_REJ_READY_LOCKED;
        return (a->a >= 0 && a->a < ss->commit_n) ? CORE_OK : CORE_REJ_NOT_COMMITTED;
    case CORE_ACT_REFLECT: {
        if (st->phase != CORE_PHASE_REFLECTIE)
            return CORE_REJ_WRONG_PHASE;
        if (ss->reflected)
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
    default:
        return CORE_REJ_UNKNOWN_ACTION;
    }
}

core_reject core_check(const core_state *st, const core_action *act)
{
    return check_action(st, act);
}

/* ---------------------------------------------------- action applying */

static bool all_ready(const core_state *st)
{
    for (int s = 0; s < st->sc->n_seats; s++)
        if (!st->seats[s].ready)
            return false;
    return true;
}

static void tally_goal_vote(core_state *st, core_events *out)
{
    int ns = st->sc->n_seats;
    int yes = core_popcount(st->goal_votes_yes);
    int no = core_popcount(st->goal_votes_no);
    bool other_yes = (st->goal_votes_yes & ~(1u << (unsigned)st->goal_proposer)) != 0;
    int g = st->goal_proposal;
    if (yes * 2 > ns && other_yes) {
        if (st->goal_proposal_drop) {
            st->goal_adopted[g] = false;
            emit(out, CORE_EVT_GOAL_DROPPED, CORE_NONE, g, 0, 0, 0);
        } else {
            st->goal_adopted[g] = true;
            st->goal_adopted_round[g] = st->round;
            emit(out, CORE_EVT_GOAL_ADOPTED, CORE_NONE, g, 0, 0, 0);
        }
        st->goal_proposal = CORE_NONE;
        st->goal_proposal_drop = false;
        st->goal_proposer = CORE_NONE;
        st->goal_votes_yes = st->goal_votes_no = 0;
    } else if (no * 2 >= ns || yes + no == ns) {
        close_goal_proposal(st, out); /* a majority can no longer be reached */
    }
}

core_reject core_apply(core_state *st, const core_action *a, core_events *out)
{
    core_reject rej = check_action(st, a);
    if (rej != CORE_OK)
        return rej;
    core_seat_state *ss = a->seat >= 0 ? &st->seats[a->seat] : NULL;
    st->actions_applied++;
    switch (a->type) {
    case CORE_ACT_START:
        emit(out, CORE_EVT_GAME_STARTED, CORE_NONE, 0, 0, 0, 0);
        begin_round(st, 1, out);
        break;
    case CORE_ACT_ADVANCE:
        end_phase(st, out);
        break;
    case CORE_ACT_NEW_PLAYER:
        /* Before round 1's Identiteit has ended the newcomer is introduced
         * with everyone else; during a later Identiteit they join it now. */
        if (!(st->round == 1 && st->phase <= CORE_PHASE_IDENTITEIT) && st->phase != CORE_PHASE_IDENTITEIT)
            st->newcomers |= 1u << a->a;
        break;
    case CORE_ACT_READY:
        ss->ready = true;
        emit(out, CORE_EVT_READY, a->seat, 1, 0, 0, 0);
        if (all_ready(st))
            end_phase(st, out);
        break;
    case CORE_ACT_UNREADY:
        ss->ready = false;
        emit(out, CORE_EVT_READY, a->seat, 0, 0, 0, 0);
        break;
    case CORE_ACT_SHARE_FACT:
        st->fact_shared[a->a] = true;
        st->fact_shared_round[a->a] = st->round;
        st->fact_shared_by[a->a] = a->seat;
        st->lit_needs |= st->sc->facts[a->a].needs;
        emit(out, CORE_EVT_FACT_SHARED, a->seat, a->a, 0, 0, 0);
        break;
    case CORE_ACT_PROPOSE_GOAL:
    case CORE_ACT_DROP_GOAL:
        st->goal_proposal = a->a;
        st->goal_proposal_drop = a->type == CORE_ACT_DROP_GOAL;
        st->goal_proposer = a->seat;
        st->goal_proposal_round = st->round;
        st->goal_votes_yes = 1u << (unsigned)a->seat; /* proposing is voting for it */
        st->goal_votes_no = 0;
        emit(out, CORE_EVT_GOAL_PROPOSED, a->seat, a->a, st->goal_proposal_drop ? 0 : 1, 0, 0);
        tally_goal_vote(st, out);
        break;
    case CORE_ACT_VOTE_GOAL:
        if (a->b)
            st->goal_votes_yes |= 1u << (unsigned)a->seat;
        else
            st->goal_votes_no |= 1u << (unsigned)a->seat;
        emit(out, CORE_EVT_GOAL_VOTE, a->seat, a->a, a->b ? 1 : 0, 0, 0);
        tally_goal_vote(st, out);
        break;
    case CORE_ACT_PROPOSE_LEAD:
        emit(out, CORE_EVT_LEAD_PROPOSED, a->seat, a->a, a->b, 0, 0);
        if (a->b == a->seat) {
            /* proposing yourself is also consenting */
            st->need_lead[a->a] = a->seat;
            st->lead_proposal[a->a] = CORE_NONE;
            emit(out, CORE_EVT_LEAD_SET, CORE_NONE, a->a, a->seat, 0, 0);
        } else {
            st->lead_proposal[a->a] = a->b;
        }
        break;
    case CORE_ACT_ACCEPT_LEAD:
        st->need_lead[a->a] = a->seat;
        st->lead_proposal[a->a] = CORE_NONE;
        emit(out, CORE_EVT_LEAD_SET, CORE_NONE, a->a, a->seat, 0, 0);
        break;
    case CORE_ACT_ASK:
    case CORE_ACT_OFFER: {
        int p = st->n_promises++;
        core_promise *pr = &st->promises[p];
        pr->from = a->seat;
        pr->to = a->a;
        pr->need = a->b;
        pr->round = st->round;
        pr->kind = a->type == CORE_ACT_ASK ? CORE_PROMISE_ASK : CORE_PROMISE_OFFER;
        pr->status = CORE_PROMISE_PENDING;
        st->r_asks[st->round]++;
        emit(out, CORE_EVT_PROMISE, a->seat, a->a, a->b, p, (int)pr->kind);
        break;
    }
    case CORE_ACT_RESPOND: {
        core_promise *pr = &st->promises[a->a];
        pr->status = a->b ? CORE_PROMISE_ACCEPTED : CORE_PROMISE_DECLINED;
        if (a->b) {
            st->r_answered[st->round]++;
            add_edge(st, pr->from, pr->to);
        }
        emit(out, CORE_EVT_PROMISE_ANSWER, a->seat, a->a, a->b ? 1 : 0, 0, 0);
        break;
    }
    case CORE_ACT_COMMIT: {
        bool inno = a->a >= CORE_MAX_HAND;
        int slot = inno ? a->a - CORE_MAX_HAND : a->a;
        core_commitment *cm = &ss->commits[ss->commit_n++];
        cm->card = inno ? st->innovations[slot] : ss->hand[slot];
        cm->target_kind = a->b;
        cm->target = a->c;
        cm->innovation = inno;
        cm->slot = slot;
        emit(out, CORE_EVT_COMMITTED, a->seat, ss->commit_n, 0, 0, 0);
        break;
    }
    case CORE_ACT_UNCOMMIT:
        for (int k = a->a; k + 1 < ss->commit_n; k++)
            ss->commits[k] = ss->commits[k + 1];
        ss->commit_n--;
        memset(&ss->commits[ss->commit_n], 0, sizeof ss->commits[ss->commit_n]);
        emit(out, CORE_EVT_COMMITTED, a->seat, ss->commit_n, 0, 0, 0);
        break;
    case CORE_ACT_REFLECT:
        ss->reflected = true;
        ss->reflection_option = a->a;
        memset(ss->reflection_text, 0, sizeof ss->reflection_text);
        memcpy(ss->reflection_text, a->text, strlen(a->text));
        emit(out, CORE_EVT_REFLECTED, a->seat, a->a, 0, 0, 0);
        break;
    default:
        break;
    }
    return CORE_OK;
}
