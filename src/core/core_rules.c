/*
 * The rules: defaults, the seeded RNG, game setup, the round flow and
 * applying an action. Checking an action is in core_check.c, the resolution
 * of Uitvoering in core_resolve.c and scenario validation in
 * core_validate.c. RULES.md states every rule in words; keep the two in step.
 *
 * core_apply first runs core_check and only then changes the state, so a
 * rejected action leaves the state untouched. Nothing here allocates.
 */
#include "core/core_int.h"

#include <string.h>

/* ------------------------------------------------------------- defaults */

void core_rules_default(core_rules *r)
{
    if (!r)
        return;
    memset(r, 0, sizeof *r); /* padding too: the scenario is compared and hashed as bytes */
#define CORE_RULE_DEFAULT_(type, field, block, key, def, lo, hi) r->field = def;
    CORE_RULE_NUMBERS(CORE_RULE_DEFAULT_)
#undef CORE_RULE_DEFAULT_
}

void core_change_trust(core_state *st, int delta, core_events *out)
{
    int before = st->trust;
    st->trust = core_clampi(st->trust + delta, 0, st->sc->rules.trust_max);
    if (st->trust != before)
        core_emit(out, CORE_EVT_TRUST, CORE_NONE, st->trust, st->trust - before, 0, 0);
}

core_verdict core_game_verdict(core_outcome outcome, core_collab_level level)
{
    if (outcome == CORE_OUTCOME_ONGOING)
        return CORE_VERDICT_ONGOING;
    if (outcome == CORE_OUTCOME_LOST)
        return CORE_VERDICT_LOST;
    return level >= CORE_LEVEL_COOPERATIEF ? CORE_VERDICT_TOGETHER : CORE_VERDICT_APART;
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

int core_rounds_done(const core_state *st)
{
    if (st->phase == CORE_PHASE_END)
        return st->round;
    return st->round > 0 ? st->round - 1 : 0;
}

/* ----------------------------------------------------------------- init */

/* Who may consent (the ouder; the leerling from 12) and whether the level
 * gives the pupil a voice (RULES.md: consent and the pupil's voice). */
static void init_voice_and_consent(core_state *st)
{
    const core_scenario *sc = st->sc;
    for (int s = 0; s < sc->n_seats; s++) {
        const core_role_def *ro = &sc->roles[sc->seat_roles[s]];
        if (ro->guardian || (ro->pupil && sc->pupil_age >= 12))
            st->consent_seats |= 1u << (unsigned)s;
        if (ro->pupil)
            st->pupil_voice = true;
    }
    for (int f = 0; f < sc->n_facts; f++)
        st->pupil_voice = st->pupil_voice || sc->facts[f].pupil_voice;
    for (int c = 0; c < sc->n_cards; c++)
        st->pupil_voice = st->pupil_voice || sc->cards[c].pupil_voice;
}

bool core_init(core_state *st, const core_scenario *sc, uint64_t seed, char *err, size_t err_len)
{
    if (!st)
        return core_fail(err, err_len, "geen toestand", -1);
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
    st->trust = core_clampi(sc->rules.trust_start, 0, sc->rules.trust_max);
    for (int f = 0; f < CORE_MAX_FRICTIONS; f++) {
        st->afspraken[f].proposer = CORE_NONE;
        st->afspraken[f].option = CORE_NONE;
    }
    init_voice_and_consent(st);
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
    core_emit(out, CORE_EVT_DRAW, s, 0, drawn, 0, 0);
}

static void reveal_friction(core_state *st, int def, core_events *out)
{
    if (st->n_frictions_out >= CORE_MAX_FRICTIONS || core_friction_slot(st, def) != CORE_NONE)
        return;
    core_friction_state *fs = &st->frictions[st->n_frictions_out++];
    fs->friction = def;
    fs->severity = st->sc->frictions[def].severity;
    fs->ignored_rounds = 0;
    fs->active = true;
    core_emit(out, CORE_EVT_FRICTION_REVEALED, CORE_NONE, def, fs->severity, 0, 0);
}

static void set_phase(core_state *st, core_phase p, core_events *out)
{
    st->phase = p;
    for (int s = 0; s < st->sc->n_seats; s++)
        st->seats[s].ready = false;
    core_emit(out, CORE_EVT_PHASE, CORE_NONE, (int)p, st->round, 0, 0);
}

/* The level's scripted events of round r, in the order the level lists them. */
static void run_scripted_events(core_state *st, int r, core_events *out)
{
    const core_scenario *sc = st->sc;
    for (int e = 0; e < sc->n_events; e++) {
        const core_scripted_event *ev = &sc->events[e];
        if (ev->round != r)
            continue;
        core_emit(out, CORE_EVT_SCRIPTED, CORE_NONE, e, 0, 0, 0);
        core_set_welbevinden(st, st->welbevinden + ev->welbevinden_delta);
        core_set_draagkracht(st, st->draagkracht + ev->draagkracht_delta);
        if (ev->need != CORE_NONE && !st->need_met[ev->need]) {
            st->need_progress[ev->need] = core_clampi(st->need_progress[ev->need] + ev->need_delta, 0, 100000);
            core_emit(out, CORE_EVT_NEED_PROGRESS, CORE_NONE, ev->need, ev->need_delta, st->need_progress[ev->need], 0);
            core_meet_need_if_done(st, ev->need, out);
        }
        core_emit(out, CORE_EVT_TRACKS, CORE_NONE, st->welbevinden, st->draagkracht, 0, 0);
    }
}

static void begin_round(core_state *st, int r, core_events *out)
{
    const core_scenario *sc = st->sc;
    st->round = r;
    st->n_promises = 0;
    st->overleg_left = core_round_budget(st, r);
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
    run_scripted_events(st, r, out);
    for (int s = 0; s < sc->n_seats; s++)
        draw_cards(st, s, out);
}

/* dossier-ongedeeld and geen-trekker as the unmet needs stand now (the
 * round's record of them is only closed at its end). */
static uint32_t open_needs_evidence(const core_state *st)
{
    uint32_t ev = 0;
    for (int n = 0; n < st->sc->n_needs; n++) {
        if (st->need_met[n])
            continue;
        if (!core_need_lit(st, n))
            ev |= 1u << CORE_EV_TAG_DOSSIER_ONGEDEELD;
        if (st->need_lead[n] == CORE_NONE)
            ev |= 1u << CORE_EV_TAG_GEEN_TREKKER;
    }
    return ev;
}

/* Every seat answered, and every answer fits what happened. */
bool core_round_reflective(const core_state *st)
{
    const core_scenario *sc = st->sc;
    const core_reflection_def *card =
        st->reflection_card == CORE_NONE ? NULL : &sc->reflections[st->reflection_card];
    for (int s = 0; s < sc->n_seats; s++) {
        const core_seat_state *ss = &st->seats[s];
        if (!ss->reflected)
            return false;
        if (card && !core_reflection_fits(card, st->reflection_evidence, ss->reflection_option))
            return false;
    }
    return true;
}

bool core_reflection_fits(const core_reflection_def *card, uint32_t ev, int option)
{
    if (!card || card->n_options <= 1)
        return true;
    if (option < 0 || option >= card->n_options)
        return false;
    const uint32_t good = (1u << CORE_EV_TAG_GRENSERVARING) | (1u << CORE_EV_TAG_SAMEN_GEWERKT);
    uint32_t seen = card->evidence & ev;
    bool signal = core_popcount(seen & ~good) > core_popcount(seen & good);
    uint32_t all = (1u << (unsigned)card->n_options) - 1u;
    uint32_t mask = signal ? card->fit_signal : card->fit_quiet;
    if ((mask & all) == 0)
        mask = signal ? all & ~1u : all & ~(1u << (unsigned)(card->n_options - 1));
    return (mask >> (unsigned)option) & 1u;
}

/* The reflection card whose evidence best matches this round so far. */
static void pick_reflection(core_state *st, core_events *out)
{
    const core_scenario *sc = st->sc;
    st->reflection_card = CORE_NONE;
    core_measures m;
    core_measures_compute(st, st->round, &m);
    st->reflection_evidence = m.evidence | open_needs_evidence(st);
    if (sc->n_reflections == 0)
        return;
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
    core_emit(out, CORE_EVT_REFLECTION, CORE_NONE, best, 0, 0, 0);
}

static void end_round(core_state *st, core_events *out)
{
    const core_scenario *sc = st->sc;
    const int r = st->round;
    bool all_reflected = core_round_reflective(st);
    st->r_reflective[r] = all_reflected;
    st->r_trust[r] = st->trust;
    st->r_pupil[r] = core_pupil_heard(st);
    if (core_round_budget(st, r) > 0 && st->overleg_left <= 0)
        st->r_time_out[r] = true;
    st->r_goal[r] = core_goals_adopted(st) > 0;
    uint32_t dark = 0, nolead = 0;
    int met = 0;
    for (int n = 0; n < sc->n_needs; n++) {
        if (st->need_met[n]) {
            met++;
            continue;
        }
        if (!core_need_lit(st, n))
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
    if (st->pupil_voice && !st->r_pupil[r])
        st->round_measures[r].evidence |= 1u << CORE_EV_TAG_LEERLING_NIET_GEHOORD;
    core_emit(out, CORE_EVT_ROUND_END, CORE_NONE, r, (int)st->round_measures[r].level, 0, 0);

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
        core_emit(out, CORE_EVT_GAME_END, CORE_NONE, (int)oc, (int)all.level, 0, 0);
        return;
    }
    begin_round(st, r + 1, out);
}

static void clear_goal_proposal(core_state *st)
{
    st->goal_proposal = CORE_NONE;
    st->goal_proposal_drop = false;
    st->goal_proposer = CORE_NONE;
    st->goal_votes_yes = st->goal_votes_no = 0;
}

/* The vote passed: adopt or drop the goal. */
static void pass_goal_proposal(core_state *st, core_events *out)
{
    int g = st->goal_proposal;
    if (st->goal_proposal_drop) {
        st->goal_adopted[g] = false;
        core_emit(out, CORE_EVT_GOAL_DROPPED, CORE_NONE, g, 0, 0, 0);
    } else {
        st->goal_adopted[g] = true;
        st->goal_adopted_round[g] = st->round;
        core_emit(out, CORE_EVT_GOAL_ADOPTED, CORE_NONE, g, 0, 0, 0);
    }
    clear_goal_proposal(st);
}

static bool other_seat_said_yes(const core_state *st)
{
    return (st->goal_votes_yes & ~(1u << (unsigned)st->goal_proposer)) != 0;
}

static void close_goal_proposal(core_state *st, core_events *out)
{
    if (st->goal_proposal == CORE_NONE)
        return;
    /* Overleg ends: silence is consent when nobody objected */
    if (st->goal_votes_no == 0 && other_seat_said_yes(st)) {
        pass_goal_proposal(st, out);
        return;
    }
    /* a failed or lapsed vote: said once, so that a log or debrief need not
     * infer it from the votes */
    core_emit(out, CORE_EVT_GOAL_REJECTED, CORE_NONE, st->goal_proposal, st->goal_proposal_drop ? 0 : 1, 0, 0);
    clear_goal_proposal(st);
}

/* Proposals for an afspraak that were not agreed lapse before Uitvoering. */
static void lapse_afspraken(core_state *st, core_events *out)
{
    for (int f = 0; f < st->sc->n_frictions; f++) {
        core_afspraak *af = &st->afspraken[f];
        if (af->proposer != CORE_NONE && af->made_round == 0) {
            af->proposer = CORE_NONE;
            af->agreed = 0;
            core_emit(out, CORE_EVT_AFSPRAAK_DROPPED, CORE_NONE, f, 0, 0, 0);
        }
    }
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
        lapse_afspraken(st, out);
        set_phase(st, CORE_PHASE_UITVOERING, out);
        core_resolve(st, out);
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

/* ---------------------------------------------------- action applying */

static bool all_ready(const core_state *st)
{
    for (int s = 0; s < st->sc->n_seats; s++)
        if (!st->seats[s].ready)
            return false;
    return true;
}

/* Consent (RULES.md): one objection rejects, everyone's yes adopts. */
static void tally_goal_vote(core_state *st, core_events *out)
{
    int ns = st->sc->n_seats;
    if (st->goal_votes_no != 0) {
        core_emit(out, CORE_EVT_GOAL_REJECTED, CORE_NONE, st->goal_proposal, st->goal_proposal_drop ? 0 : 1, 0, 0);
        clear_goal_proposal(st);
    } else if (core_popcount(st->goal_votes_yes) == ns) {
        pass_goal_proposal(st, out);
    }
}

static void apply_start(core_state *st, const core_action *a, core_events *out)
{
    (void)a;
    core_emit(out, CORE_EVT_GAME_STARTED, CORE_NONE, 0, 0, 0, 0);
    begin_round(st, 1, out);
}

static void apply_advance(core_state *st, const core_action *a, core_events *out)
{
    (void)a;
    end_phase(st, out);
}

static void apply_ready(core_state *st, const core_action *a, core_events *out)
{
    st->seats[a->seat].ready = true;
    core_emit(out, CORE_EVT_READY, a->seat, 1, 0, 0, 0);
    if (all_ready(st))
        end_phase(st, out);
}

static void apply_unready(core_state *st, const core_action *a, core_events *out)
{
    st->seats[a->seat].ready = false;
    core_emit(out, CORE_EVT_READY, a->seat, 0, 0, 0, 0);
}

static void apply_new_player(core_state *st, const core_action *a, core_events *out)
{
    (void)out;
    /* Before round 1's Identiteit has ended the newcomer is introduced
     * with everyone else; during a later Identiteit they join it now. */
    if (!(st->round == 1 && st->phase <= CORE_PHASE_IDENTITEIT) && st->phase != CORE_PHASE_IDENTITEIT)
        st->newcomers |= 1u << a->a;
}

static void apply_goal_proposal(core_state *st, const core_action *a, core_events *out);

static void share_fact(core_state *st, int f, int seat, core_events *out)
{
    st->fact_shared[f] = true;
    st->fact_shared_round[f] = st->round;
    st->fact_shared_by[f] = seat;
    st->lit_needs |= st->sc->facts[f].needs;
    core_emit(out, CORE_EVT_FACT_SHARED, seat, f, 0, 0, 0);
}

static void apply_share_fact(core_state *st, const core_action *a, core_events *out)
{
    const int f = a->a;
    share_fact(st, f, a->seat, out);
    /* beroepsgeheim: a sensitive fact without consent hurts the pupil and the team's trust */
    if (st->sc->facts[f].sensitive && !core_seat_consents(st, a->seat) && st->fact_consent[f] != 2) {
        const int lost = st->sc->rules.consent_penalty;
        st->fact_no_consent[f] = true;
        st->r_no_consent[st->round] = true;
        core_set_welbevinden(st, st->welbevinden - lost);
        core_emit(out, CORE_EVT_NO_CONSENT, a->seat, f, lost, 0, 0);
        core_change_trust(st, -1, out);
        core_emit(out, CORE_EVT_TRACKS, CORE_NONE, st->welbevinden, st->draagkracht, 0, 0);
    }
}

static void apply_ask_consent(core_state *st, const core_action *a, core_events *out)
{
    st->fact_consent[a->a] = 1;
    core_emit(out, CORE_EVT_CONSENT_ASKED, a->seat, a->a, 0, 0, 0);
}

static void apply_consent(core_state *st, const core_action *a, core_events *out)
{
    st->fact_consent[a->a] = a->b ? 2 : 3;
    core_emit(out, CORE_EVT_CONSENT, a->seat, a->a, a->b ? 1 : 0, 0, 0);
}

/* Asking the pupil shares the pupil's own facts that nobody at the table holds. */
static void apply_ask_pupil(core_state *st, const core_action *a, core_events *out)
{
    const core_scenario *sc = st->sc;
    st->pupil_asked_round = st->round;
    int shared = 0;
    for (int f = 0; f < sc->n_facts; f++) {
        if (!sc->facts[f].pupil_voice || st->fact_shared[f])
            continue;
        bool held = false;
        for (int s = 0; s < sc->n_seats; s++)
            held = held || ((st->seat_facts[s] >> (unsigned)f) & 1u);
        if (!held) {
            share_fact(st, f, a->seat, out);
            shared++;
        }
    }
    core_emit(out, CORE_EVT_PUPIL_ASKED, a->seat, shared, 0, 0, 0);
}

static void apply_set_meeting(core_state *st, const core_action *a, core_events *out)
{
    st->meeting_round = st->round;
    core_emit(out, CORE_EVT_MEETING_SET, a->seat, st->round + 1, 0, 0, 0);
}

static void apply_propose_afspraak(core_state *st, const core_action *a, core_events *out)
{
    core_afspraak *af = &st->afspraken[a->a];
    af->proposer = a->seat;
    af->option = a->b;
    af->agreed = 1u << (unsigned)a->seat;
    memset(af->text, 0, sizeof af->text);
    if (a->b == CORE_NONE)
        memcpy(af->text, a->text, strlen(a->text));
    core_emit(out, CORE_EVT_AFSPRAAK_PROPOSED, a->seat, a->a, a->b, 0, 0);
}

/* Distinct involved roles among the seats that agreed. */
static int agreed_roles(const core_state *st, int f)
{
    uint32_t roles = 0;
    for (int s = 0; s < st->sc->n_seats; s++)
        if ((st->afspraken[f].agreed >> (unsigned)s) & 1u)
            roles |= 1u << (unsigned)core_seat_role(st, s);
    return core_popcount(roles & st->sc->frictions[f].roles);
}

static void apply_agree_afspraak(core_state *st, const core_action *a, core_events *out)
{
    core_afspraak *af = &st->afspraken[a->a];
    core_emit(out, CORE_EVT_AFSPRAAK_ANSWER, a->seat, a->a, a->b ? 1 : 0, 0, 0);
    if (!a->b) {
        af->proposer = CORE_NONE;
        af->agreed = 0;
        core_emit(out, CORE_EVT_AFSPRAAK_DROPPED, CORE_NONE, a->a, 0, 0, 0);
        return;
    }
    af->agreed |= 1u << (unsigned)a->seat;
    if (agreed_roles(st, a->a) >= st->sc->frictions[a->a].required_roles) {
        af->made_round = st->round;
        core_emit(out, CORE_EVT_AFSPRAAK_MADE, CORE_NONE, a->a, 0, 0, 0);
    }
}

static void apply_improvement(core_state *st, const core_action *a, core_events *out)
{
    core_seat_state *ss = &st->seats[a->a];
    ss->improvement_checked = st->round;
    ss->improvement_done = a->b != 0;
    st->r_checked[st->round]++;
    core_emit(out, CORE_EVT_IMPROVEMENT_CHECKED, a->seat, a->a, a->b ? 1 : 0, ss->improvement_round, 0);
}

static void apply_word_goal(core_state *st, const core_action *a, core_events *out)
{
    int i = st->n_team_goals++;
    st->team_goal_needs[i] = a->a;
    memset(st->team_goal_text[i], 0, sizeof st->team_goal_text[i]);
    memcpy(st->team_goal_text[i], a->text, strlen(a->text));
    int g = st->sc->n_goals + i;
    core_emit(out, CORE_EVT_TEAM_GOAL, a->seat, g, 0, 0, 0);
    core_action open = *a;
    open.type = CORE_ACT_PROPOSE_GOAL;
    open.a = g;
    apply_goal_proposal(st, &open, out);
}

/* PROPOSE_GOAL and DROP_GOAL open a vote. */
static void apply_goal_proposal(core_state *st, const core_action *a, core_events *out)
{
    st->goal_proposal = a->a;
    st->goal_proposal_drop = a->type == CORE_ACT_DROP_GOAL;
    st->goal_proposer = a->seat;
    st->goal_proposal_round = st->round;
    st->goal_votes_yes = 1u << (unsigned)a->seat; /* proposing is voting for it */
    st->goal_votes_no = 0;
    core_emit(out, CORE_EVT_GOAL_PROPOSED, a->seat, a->a, st->goal_proposal_drop ? 0 : 1, 0, 0);
    tally_goal_vote(st, out);
}

static void apply_goal_vote(core_state *st, const core_action *a, core_events *out)
{
    if (a->b)
        st->goal_votes_yes |= 1u << (unsigned)a->seat;
    else
        st->goal_votes_no |= 1u << (unsigned)a->seat;
    core_emit(out, CORE_EVT_GOAL_VOTE, a->seat, a->a, a->b ? 1 : 0, 0, 0);
    tally_goal_vote(st, out);
}

static void set_lead(core_state *st, int need, int seat, core_events *out)
{
    st->need_lead[need] = seat;
    st->lead_proposal[need] = CORE_NONE;
    core_emit(out, CORE_EVT_LEAD_SET, CORE_NONE, need, seat, 0, 0);
}

static void apply_propose_lead(core_state *st, const core_action *a, core_events *out)
{
    core_emit(out, CORE_EVT_LEAD_PROPOSED, a->seat, a->a, a->b, 0, 0);
    if (a->b == a->seat)
        set_lead(st, a->a, a->seat, out); /* proposing yourself is also consenting */
    else
        st->lead_proposal[a->a] = a->b;
}

static void apply_accept_lead(core_state *st, const core_action *a, core_events *out)
{
    set_lead(st, a->a, a->seat, out);
}

/* ASK and OFFER: a new pending promise. */
static void apply_promise(core_state *st, const core_action *a, core_events *out)
{
    int p = st->n_promises++;
    core_promise *pr = &st->promises[p];
    pr->from = a->seat;
    pr->to = a->a;
    pr->need = a->b;
    pr->round = st->round;
    pr->kind = a->type == CORE_ACT_ASK ? CORE_PROMISE_ASK : CORE_PROMISE_OFFER;
    pr->status = CORE_PROMISE_PENDING;
    st->r_asks[st->round]++;
    core_emit(out, CORE_EVT_PROMISE, a->seat, a->a, a->b, p, (int)pr->kind);
}

static void apply_respond(core_state *st, const core_action *a, core_events *out)
{
    core_promise *pr = &st->promises[a->a];
    pr->status = a->b ? CORE_PROMISE_ACCEPTED : CORE_PROMISE_DECLINED;
    if (a->b) {
        st->r_answered[st->round]++;
        core_add_edge(st, pr->from, pr->to);
        /* talking with the leerling's seat is asking the pupil */
        if (st->sc->roles[core_seat_role(st, pr->from)].pupil || st->sc->roles[core_seat_role(st, pr->to)].pupil)
            st->pupil_asked_round = st->round;
    }
    core_emit(out, CORE_EVT_PROMISE_ANSWER, a->seat, a->a, a->b ? 1 : 0, 0, 0);
}

static void apply_commit(core_state *st, const core_action *a, core_events *out)
{
    core_seat_state *ss = &st->seats[a->seat];
    bool inno = a->a >= CORE_MAX_HAND;
    int slot = inno ? a->a - CORE_MAX_HAND : a->a;
    core_commitment *cm = &ss->commits[ss->commit_n++];
    cm->card = inno ? st->innovations[slot] : ss->hand[slot];
    cm->target_kind = a->b;
    cm->target = a->c;
    cm->innovation = inno;
    cm->slot = slot;
    core_emit(out, CORE_EVT_COMMITTED, a->seat, ss->commit_n, 0, 0, 0);
}

static void apply_uncommit(core_state *st, const core_action *a, core_events *out)
{
    core_seat_state *ss = &st->seats[a->seat];
    for (int k = a->a; k + 1 < ss->commit_n; k++)
        ss->commits[k] = ss->commits[k + 1];
    ss->commit_n--;
    memset(&ss->commits[ss->commit_n], 0, sizeof ss->commits[ss->commit_n]);
    core_emit(out, CORE_EVT_COMMITTED, a->seat, ss->commit_n, 0, 0, 0);
}

static void apply_reflect(core_state *st, const core_action *a, core_events *out)
{
    core_seat_state *ss = &st->seats[a->seat];
    size_t len = strlen(a->text);
    ss->reflected = true;
    ss->reflection_option = a->a;
    memset(ss->reflection_text, 0, sizeof ss->reflection_text);
    memcpy(ss->reflection_text, a->text, len);
    if (len > 0) { /* a text is the seat's verbeteractie, checked in a later round */
        memset(ss->improvement_text, 0, sizeof ss->improvement_text);
        memcpy(ss->improvement_text, a->text, len);
        ss->improvement_round = st->round;
        ss->improvement_checked = 0;
        ss->improvement_done = false;
    }
    core_emit(out, CORE_EVT_REFLECTED, a->seat, a->a, 0, 0, 0);
}

typedef void (*apply_fn)(core_state *st, const core_action *a, core_events *out);

/* What each action does once core_check has allowed it. */
static const apply_fn appliers[CORE_ACT_COUNT] = {
#define APPLY_ROW(NAME, key, rule, actor) [CORE_ACT_##NAME] = apply_##rule,
    CORE_ACTIONS(APPLY_ROW)
#undef APPLY_ROW
};

core_reject core_apply(core_state *st, const core_action *a, core_events *out)
{
    core_reject rej = core_check(st, a);
    if (rej != CORE_OK)
        return rej;
    st->actions_applied++;
    /* time is spent before the action acts: its cost was checked against it */
    int cost = core_action_cost(st, a);
    if (cost > 0 && core_round_budget(st, st->round) > 0)
        st->overleg_left -= cost;
    /* core_check accepts only the actions in the table */
    appliers[a->type](st, a, out);
    return CORE_OK;
}
