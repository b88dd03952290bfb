/*
 * Views: what the projector (public) and each seat (private) may see.
 * The public view never holds a hand, an unshared fact or an unrevealed
 * commitment; a seat view adds only that seat's own hand, commitments,
 * reflection answer and dossier.
 */
#include "core/core_int.h"

#include <string.h>

/* The public fields a view copies from the state as they are: values, and
 * arrays of the same size in both. */
#define VIEW_SAME_VALUES(X)                                                                                  \
    X(round) X(phase) X(outcome) X(welbevinden) X(draagkracht) X(n_frictions_out) X(n_boundary)              \
    X(n_innovations) X(goal_proposal) X(goal_proposal_drop) X(goal_proposer) X(goal_votes_yes)                \
    X(goal_votes_no) X(n_promises) X(revealed) X(reflection_card) X(overleg_left) X(meeting_round) X(trust)  \
    X(pupil_voice) X(reflection_evidence) X(n_team_goals)
#define VIEW_SAME_ARRAYS(X) X(fact_shared) X(fact_shared_round) X(goal_adopted) X(fact_consent) X(team_goal_needs)

/* The dynamic public part without the measures. `full` = false is the
 * simulator's fast path: it leaves out what bots never read (revealed card
 * details, boundary list) and relies on the caller having zeroed the view
 * once, so only the first n_seats/n_needs entries are written. */
static void public_fill_base(const core_state *st, core_public_view *v, bool full)
{
    const core_scenario *sc = st->sc;
#define COPY_VALUE(f) v->f = st->f;
#define COPY_ARRAY(f) memcpy(v->f, st->f, sizeof v->f);
    VIEW_SAME_VALUES(COPY_VALUE)
    VIEW_SAME_ARRAYS(COPY_ARRAY)
#undef COPY_VALUE
#undef COPY_ARRAY
    v->n_seats = sc->n_seats;
    v->n_needs = sc->n_needs;
    int need_lim = full ? CORE_MAX_NEEDS : sc->n_needs;
    for (int n = 0; n < need_lim; n++) {
        v->need_progress[n] = st->need_progress[n];
        v->need_met[n] = st->need_met[n];
        v->need_lead[n] = st->need_lead[n];
        v->lead_proposal[n] = st->lead_proposal[n];
        v->need_lit[n] = false;
    }
    for (int n = 0; n < sc->n_needs; n++)
        v->need_lit[n] = !st->need_has_facts[n] || ((st->lit_needs >> (unsigned)n) & 1u);
    memcpy(v->frictions, st->frictions, sizeof(v->frictions[0]) * (size_t)st->n_frictions_out);
    if (full)
        memcpy(v->boundary_won, st->boundary_won, sizeof(int) * (size_t)st->n_boundary);
    memcpy(v->innovations, st->innovations, sizeof(int) * (size_t)st->n_innovations);
    memcpy(v->promises, st->promises, sizeof(v->promises[0]) * (size_t)st->n_promises);
    int seat_lim = full ? CORE_MAX_SEATS : sc->n_seats;
    for (int s = 0; s < seat_lim; s++) {
        bool in = s < sc->n_seats;
        v->seat_ready[s] = in && st->seats[s].ready;
        v->seat_hand_n[s] = in ? st->seats[s].hand_n : 0;
        v->seat_commit_n[s] = in ? st->seats[s].commit_n : 0;
        v->seat_reflected[s] = in && st->seats[s].reflected;
    }
    for (int s = 0; s < seat_lim; s++)
        v->revealed_n[s] = st->revealed ? st->revealed_n[s] : 0;
    if (st->revealed && full)
        for (int s = 0; s < sc->n_seats; s++)
            memcpy(v->revealed_commits[s], st->revealed_commits[s],
                   sizeof(core_commitment) * (size_t)st->revealed_n[s]);
    v->overleg_budget = st->round > 0 ? core_round_budget(st, st->round) : sc->rules.overleg_budget;
    v->pupil_asked = core_pupil_heard(st);
    if (full)
        memcpy(v->fact_no_consent, st->fact_no_consent, sizeof v->fact_no_consent);
    /* bots read the afspraak of the spanningen on the table only */
    int n_af = full ? sc->n_frictions : st->n_frictions_out;
    for (int i = 0; i < n_af; i++) {
        int f = full ? i : st->frictions[i].friction;
        const core_afspraak *af = &st->afspraken[f];
        v->afspraken[f].proposer = af->proposer;
        v->afspraken[f].option = af->option;
        v->afspraken[f].agreed = af->agreed;
        v->afspraken[f].made_round = af->made_round;
    }
    for (int s = 0; s < seat_lim; s++) {
        bool in = s < sc->n_seats;
        v->improvement_round[s] = in ? st->seats[s].improvement_round : 0;
        v->improvement_checked[s] = in ? st->seats[s].improvement_checked : 0;
        v->improvement_done[s] = in && st->seats[s].improvement_done;
    }
    if (!full)
        return; /* bots never read the texts */
    for (int i = 0; i < st->n_team_goals; i++)
        memcpy(v->team_goal_text[i], st->team_goal_text[i], sizeof v->team_goal_text[i]);
    for (int f = 0; f < sc->n_frictions; f++)
        memcpy(v->afspraken[f].text, st->afspraken[f].text, sizeof v->afspraken[f].text);
    for (int s = 0; s < sc->n_seats; s++)
        memcpy(v->improvement_text[s], st->seats[s].improvement_text, sizeof v->improvement_text[s]);
}

void core_public_view_get(const core_state *st, core_public_view *out)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    if (!st || !st->sc)
        return;
    public_fill_base(st, out, true);
    core_edges_add(st, 1, st->round, out->edges);
    core_measures_compute(st, 0, &out->live);
    out->n_rounds_done = core_rounds_done(st);
    for (int r = 1; r <= out->n_rounds_done && r <= CORE_MAX_ROUNDS; r++)
        out->rounds[r] = st->round_measures[r];
    if (st->phase == CORE_PHASE_END)
        out->rounds[0] = st->round_measures[0];
}

static void seat_fill(const core_state *st, int seat, core_seat_view *out, bool full)
{
    const core_scenario *sc = st->sc;
    const core_seat_state *ss = &st->seats[seat];
    out->seat = seat;
    out->role = sc->seat_roles[seat];
    out->hand_n = ss->hand_n;
    memcpy(out->hand, ss->hand, sizeof(int) * (size_t)ss->hand_n);
    out->deck_n = ss->deck_n;
    out->discard_n = ss->discard_n;
    out->commit_n = ss->commit_n;
    memcpy(out->commits, ss->commits, sizeof(out->commits[0]) * (size_t)ss->commit_n);
    out->ready = ss->ready;
    out->reflection_option = ss->reflection_option;
    /* the text is NUL-terminated inside its buffer (core_apply checks it);
     * copying only the used part keeps the simulator's per-action cost low */
    if (full) {
        size_t tl = strnlen(ss->reflection_text, sizeof ss->reflection_text - 1);
        memcpy(out->reflection_text, ss->reflection_text, tl);
        out->reflection_text[tl] = '\0';
    } else {
        out->reflection_text[0] = '\0'; /* bots never read their own answer text */
    }
    out->dossier_n = 0;
    for (uint64_t m = st->seat_facts[seat]; m; m &= m - 1u) {
        int f = 0;
        while (!((m >> (unsigned)f) & 1u))
            f++;
        out->dossier[out->dossier_n++] = f;
    }
}

void core_seat_view_get(const core_state *st, int seat, core_seat_view *out)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    out->seat = CORE_NONE;
    out->role = CORE_NONE;
    out->reflection_option = CORE_NONE;
    if (!st || !st->sc || seat < 0 || seat >= st->sc->n_seats) {
        if (st && st->sc)
            core_public_view_get(st, &out->pub);
        return;
    }
    core_public_view_get(st, &out->pub);
    seat_fill(st, seat, out, true);
}

void core_seat_view_fill_fast(const core_state *st, int seat, core_seat_view *out)
{
    public_fill_base(st, &out->pub, false);
    seat_fill(st, seat, out, false);
}
