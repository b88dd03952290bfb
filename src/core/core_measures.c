/*
 * The collaboration measures of GAME.md (densiteit, centraliteit,
 * diversiteit, doelgerichtheid), the samenwerkingsniveau, the evidence tags
 * and the reflection-fan picks for the debrief. RULES.md gives the exact
 * formulas; tests/core/test_measures.c checks them on hand-built graphs.
 */
#include "core/core_i18n.h"
#include "core/core_int.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

double core_density(int n, const uint16_t w[CORE_MAX_SEATS][CORE_MAX_SEATS])
{
    if (!w || n < 2 || n > CORE_MAX_SEATS)
        return 0.0;
    int pairs = 0, connected = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            pairs++;
            if (w[i][j] > 0 || w[j][i] > 0)
                connected++;
        }
    return (double)connected / (double)pairs;
}

/* Freeman degree centralization on weighted degree d_i = sum_j w_ij,
 * normalised by its maximum for the same total edge weight W:
 *   C = sum_i (D - d_i) / ((n - 2) * W) = (n*D - 2W) / ((n - 2) * W)
 * where D = max d_i. A star (all weight on one node) gives 1, a graph where
 * every node has the same weighted degree gives 0; an empty graph and n < 3
 * give 0. For 0/1 weights it equals Freeman's classic
 * sum(D - d_i) / ((n-1)(n-2)) on stars and paths. */
double core_centrality(int n, const uint16_t w[CORE_MAX_SEATS][CORE_MAX_SEATS])
{
    if (!w || n < 3 || n > CORE_MAX_SEATS)
        return 0.0;
    double deg[CORE_MAX_SEATS];
    double total = 0.0, dmax = 0.0;
    for (int i = 0; i < n; i++) {
        deg[i] = 0.0;
        for (int j = 0; j < n; j++)
            if (j != i)
                deg[i] += (double)w[i][j];
        if (deg[i] > dmax)
            dmax = deg[i];
        total += deg[i];
    }
    double weight = total / 2.0; /* W: each edge counted from both ends */
    if (weight <= 0.0)
        return 0.0;
    double sum = 0.0;
    for (int i = 0; i < n; i++)
        sum += dmax - deg[i];
    double c = sum / ((double)(n - 2) * weight);
    if (c < 0.0)
        c = 0.0;
    if (c > 1.0)
        c = 1.0;
    return c;
}

double core_blau(const int *counts, int n_categories)
{
    if (!counts || n_categories <= 0)
        return 0.0;
    double total = 0.0;
    for (int i = 0; i < n_categories; i++)
        if (counts[i] > 0)
            total += counts[i];
    if (total <= 0.0)
        return 0.0;
    double s = 0.0;
    for (int i = 0; i < n_categories; i++) {
        if (counts[i] <= 0)
            continue;
        double p = counts[i] / total;
        s += p * p;
    }
    return 1.0 - s;
}

core_collab_level core_classify(const core_rules *r, const core_measures *m, int rounds)
{
    if (rounds < 1)
        rounds = 1;
    double joint = m->contributions > 0 ? (double)m->joint_contributions / m->contributions : 0.0;
    double refl = (double)m->reflective_rounds / rounds;
    double kept = (double)m->promises_kept / rounds;
    if (m->contributions > 0 && joint >= r->joint_share_cooperatief) {
        if (m->goal_adopted && refl >= r->reflective_share_verbindend && refl > 0.0 &&
            m->centrality <= r->centrality_max_verbindend && m->afspraken > 0 && m->improvements_checked > 0)
            return CORE_LEVEL_VERBINDEND;
        return CORE_LEVEL_COOPERATIEF;
    }
    if (m->promises_kept > 0 && kept >= r->kept_promises_coordinerend)
        return CORE_LEVEL_COORDINEREND;
    return CORE_LEVEL_GEEN;
}

void core_edges_add(const core_state *st, int lo, int hi, uint16_t w[CORE_MAX_SEATS][CORE_MAX_SEATS])
{
    const int ns = st->sc->n_seats;
    for (int r = lo; r <= hi && r <= CORE_MAX_ROUNDS; r++)
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++) {
                unsigned v = (unsigned)w[i][j] + st->edge_round[r][i][j];
                w[i][j] = (uint16_t)(v > UINT16_MAX ? UINT16_MAX : v);
            }
}

static bool any_goal_now(const core_state *st)
{
    return core_goals_adopted(st) > 0;
}

static bool all_reflected_now(const core_state *st)
{
    return st->phase == CORE_PHASE_REFLECTIE && core_round_reflective(st);
}

/* The tags of issue #12's rules for round r (finished or running). */
static uint32_t rules2_evidence(const core_state *st, int r, bool finished)
{
    const core_rules *ru = &st->sc->rules;
    uint32_t ev = 0;
    if (st->r_no_consent[r])
        ev |= 1u << CORE_EV_TAG_ZONDER_TOESTEMMING;
    if (finished && st->pupil_voice && !st->r_pupil[r])
        ev |= 1u << CORE_EV_TAG_LEERLING_NIET_GEHOORD;
    int trust = finished ? st->r_trust[r] : st->trust;
    if (trust <= ru->trust_low)
        ev |= 1u << CORE_EV_TAG_WEINIG_VERTROUWEN;
    bool out_of_time = finished ? st->r_time_out[r] : (core_round_budget(st, r) > 0 && st->overleg_left <= 0);
    if (out_of_time)
        ev |= 1u << CORE_EV_TAG_GEEN_OVERLEGTIJD;
    return ev;
}

void core_measures_compute(const core_state *st, int round, core_measures *out)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    if (!st || !st->sc)
        return;
    const core_scenario *sc = st->sc;
    const core_rules *ru = &sc->rules;
    const int ns = sc->n_seats;
    int done = core_rounds_done(st);
    int lo, hi;
    if (round == 0) {
        lo = 1;
        hi = st->round;
    } else {
        if (round < 1 || round > st->round || round > CORE_MAX_ROUNDS)
            return;
        lo = hi = round;
    }
    uint16_t w[CORE_MAX_SEATS][CORE_MAX_SEATS];
    memset(w, 0, sizeof w);
    int kinds[CORE_KIND_COUNT] = {0};
    uint32_t seats = 0;
    int goal_contrib = 0;
    uint32_t ev = 0;
    core_edges_add(st, lo, hi, w);
    for (int r = lo; r <= hi && r <= CORE_MAX_ROUNDS; r++) {
        for (int k = 0; k < CORE_KIND_COUNT; k++)
            kinds[k] += st->contrib_kind[r][k];
        out->contributions += st->contrib_n[r];
        out->joint_contributions += st->contrib_joint[r];
        goal_contrib += st->contrib_goal[r];
        seats |= st->contrib_seats[r];
        out->promises_kept += st->r_kept[r];
        out->promises_broken += st->r_broken[r];
        out->asks_offers += st->r_asks[r];
        bool finished = r <= done;
        bool goal = finished ? st->r_goal[r] : any_goal_now(st);
        bool refl = finished ? st->r_reflective[r] : all_reflected_now(st);
        out->goal_adopted = out->goal_adopted || goal;
        if (refl)
            out->reflective_rounds++;
        if (st->r_drained[r] > 0)
            ev |= 1u << CORE_EV_TAG_SPANNING_GENEGEERD;
        if (st->r_boundary[r] > 0)
            ev |= 1u << CORE_EV_TAG_GRENSERVARING;
        if (finished && st->r_dark[r])
            ev |= 1u << CORE_EV_TAG_DOSSIER_ONGEDEELD;
        if (finished && st->r_nolead[r])
            ev |= 1u << CORE_EV_TAG_GEEN_TREKKER;
        if (finished && !refl)
            ev |= 1u << CORE_EV_TAG_NIET_REFLECTIEF;
        ev |= rules2_evidence(st, r, finished);
    }
    /* afspraken and checked verbeteracties count from the first round on */
    for (int r = 1; r <= hi && r <= CORE_MAX_ROUNDS; r++) {
        out->afspraken += st->r_boundary[r];
        out->improvements_checked += st->r_checked[r];
    }
    out->trust = (hi <= done && hi >= 1 && round != 0) ? st->r_trust[hi] : st->trust;
    int span = hi - lo + 1;
    if (round == 0)
        span = done > 0 ? done : 1;
    if (round != 0)
        out->reflective = out->reflective_rounds > 0;
    else
        out->reflective = done > 0 && out->reflective_rounds >= done;
    out->density = core_density(ns, (const uint16_t(*)[CORE_MAX_SEATS])w);
    out->centrality = core_centrality(ns, (const uint16_t(*)[CORE_MAX_SEATS])w);
    out->diversity = core_blau(kinds, CORE_KIND_COUNT);
    out->role_share = ns > 0 ? (double)core_popcount(seats) / ns : 0.0;
    out->goal_directedness = out->contributions > 0 ? (double)goal_contrib / out->contributions : 0.0;
    for (int i = 0; i < ns; i++)
        for (int j = i + 1; j < ns; j++)
            if (w[i][j] > 0)
                out->edges++;

    int expertise = kinds[0] + kinds[1] + kinds[2];
    if (expertise > 0 && out->diversity < ru->diversity_low)
        ev |= 1u << CORE_EV_TAG_LAGE_DIVERSITEIT;
    if (out->centrality > ru->centrality_alarm)
        ev |= 1u << CORE_EV_TAG_CENTRAAL_NETWERK;
    if (out->contributions > 0 && out->density < ru->density_low)
        ev |= 1u << CORE_EV_TAG_LAGE_DENSITEIT;
    if (!out->goal_adopted)
        ev |= 1u << CORE_EV_TAG_GEEN_GEDEELD_DOEL;
    if (out->asks_offers < span)
        ev |= 1u << CORE_EV_TAG_WEINIG_VRAGEN;
    if (out->promises_broken > 0)
        ev |= 1u << CORE_EV_TAG_GEBROKEN_BELOFTE;
    if (out->contributions > 0 && core_popcount(seats) < ns)
        ev |= 1u << CORE_EV_TAG_ROL_AFWEZIG;
    if (expertise > 0 && kinds[CORE_KIND_ERVARING] == 0)
        ev |= 1u << CORE_EV_TAG_ERVARINGSKENNIS_ONBENUT;
    if (out->joint_contributions > 0)
        ev |= 1u << CORE_EV_TAG_SAMEN_GEWERKT;
    out->evidence = ev;
    out->level = core_classify(ru, out, span);
}

/* ------------------------------------------------------------- fan picks */

/* How a reason is written: each fragment through tr (NULL: Dutch as it
 * stands), numbers with a decimal comma (Dutch) or point. */
typedef struct {
    core_translate_fn tr;
    bool decimal_point;
} text_style;

static const char *styled(const text_style *ts, const char *msgid)
{
    /* gettext("") is the catalogue's header, never an empty fragment */
    return ts->tr && msgid && msgid[0] ? ts->tr(msgid) : msgid;
}

static void format_number(const text_style *ts, char *buf, size_t len, double v)
{
    snprintf(buf, len, "%.2f", v);
    for (char *p = buf; *p && !ts->decimal_point; p++)
        if (*p == '.')
            *p = ',';
}

/* A number a tag's sentence quotes: a double or int of core_measures, or
 * a double of core_rules (a threshold). */
typedef struct {
    enum { FROM_NONE, FROM_MEASURE_DOUBLE, FROM_MEASURE_INT, FROM_RULE_DOUBLE } from;
    size_t offset;
} quoted;
#define MEASURE_D(f) {FROM_MEASURE_DOUBLE, offsetof(core_measures, f)}
#define MEASURE_I(f) {FROM_MEASURE_INT, offsetof(core_measures, f)}
#define RULE_D(f) {FROM_RULE_DOUBLE, offsetof(core_rules, f)}

/* A tag's sentence: before, the quoted value, after (may be NULL), and for
 * a threshold limit_before, the limit and ")". No `before`: the tag has no
 * sentence. */
typedef struct {
    const char *before;
    quoted value;
    const char *after;
    quoted limit;
    const char *limit_before;
} tag_phrase;

/* Each tag's sentences: why its card was picked (what the game showed,
 * then where), and when its signal stayed away, what the game showed
 * instead, so that the debrief can ask what made it go well. */
static const struct {
    tag_phrase shown, absent;
} tag_phrases[CORE_EV_TAG_COUNT] = {
    [CORE_EV_TAG_LAGE_DIVERSITEIT] = {{N_("diversiteit (Blau) was "), MEASURE_D(diversity), ""},
        {N_("diversiteit (Blau) was "), MEASURE_D(diversity), N_(" over het hele spel"), RULE_D(diversity_low), N_(" (grens ")}},
    [CORE_EV_TAG_CENTRAAL_NETWERK] = {{N_("centraliteit was "), MEASURE_D(centrality), ""},
        {N_("centraliteit was "), MEASURE_D(centrality), N_(" over het hele spel"), RULE_D(centrality_alarm), N_(" (alarm boven ")}},
    [CORE_EV_TAG_LAGE_DENSITEIT] = {{N_("densiteit was "), MEASURE_D(density), ""},
        {N_("densiteit was "), MEASURE_D(density), N_(" over het hele spel")}},
    [CORE_EV_TAG_GEEN_GEDEELD_DOEL] = {{N_("geen gedeeld doel aangenomen")}, {N_("het team nam een gedeeld doel aan")}},
    [CORE_EV_TAG_SPANNING_GENEGEERD] = {{N_("een spanning werd genegeerd")}, {N_("geen enkele spanning werd genegeerd")}},
    [CORE_EV_TAG_GRENSERVARING] = {{N_("een spanning werd samen een grenservaring")}, {N_("geen spanning werd een grenservaring")}},
    [CORE_EV_TAG_WEINIG_VRAGEN] = {{"", MEASURE_I(asks_offers), N_(" vragen of aanbiedingen")},
        {"", MEASURE_I(asks_offers), N_(" vragen of aanbiedingen over het hele spel")}},
    [CORE_EV_TAG_GEBROKEN_BELOFTE] = {{"", MEASURE_I(promises_broken), N_(" afspraken niet nagekomen")},
        {N_("alle "), MEASURE_I(promises_kept), N_(" afspraken nagekomen")}},
    [CORE_EV_TAG_NIET_REFLECTIEF] = {{N_("reflectie niet door iedereen beantwoord")}, {N_("iedereen beantwoordde elke reflectie")}},
    [CORE_EV_TAG_DOSSIER_ONGEDEELD] = {{N_("een nood bleef in het duister")}, {N_("geen nood bleef in het duister")}},
    [CORE_EV_TAG_ROL_AFWEZIG] = {{N_("aandeel rollen dat bijdroeg was "), MEASURE_D(role_share), ""},
        {N_("elke rol droeg bij")}},
    [CORE_EV_TAG_ERVARINGSKENNIS_ONBENUT] = {{N_("geen ervaringskennis ingezet")}, {N_("ervaringskennis werd ingezet")}},
    [CORE_EV_TAG_GEEN_TREKKER] = {{N_("een nood had geen trekker")}, {N_("elke nood had een trekker")}},
    [CORE_EV_TAG_SAMEN_GEWERKT] = {{"", MEASURE_I(joint_contributions), N_(" gezamenlijke bijdragen")},
        {N_("er waren geen gezamenlijke bijdragen")}},
};


/* The quoted number as the debrief prints it ("" when there is none). */
static void quote_text(const text_style *ts, const core_rules *ru, const core_measures *m, quoted q,
                       char *buf, size_t len)
{
    const char *base = q.from == FROM_RULE_DOUBLE ? (const char *)ru : (const char *)m;
    buf[0] = '\0';
    if (q.from == FROM_MEASURE_INT)
        snprintf(buf, len, "%d", *(const int *)(const void *)(base + q.offset));
    else if (q.from != FROM_NONE)
        format_number(ts, buf, len, *(const double *)(const void *)(base + q.offset));
}

/* lead, the phrase and tail; false when there is no phrase. */
static bool phrase_text(const text_style *ts, const tag_phrase *ph, const core_rules *ru,
                        const core_measures *m, const char *lead, const char *tail, char *out,
                        size_t len)
{
    if (!ph->before)
        return false;
    char num[32], lim[32], limit[64] = "";
    quote_text(ts, ru, m, ph->value, num, sizeof num);
    if (ph->limit.from != FROM_NONE) {
        quote_text(ts, ru, m, ph->limit, lim, sizeof lim);
        snprintf(limit, sizeof limit, "%s%s)", styled(ts, ph->limit_before), lim);
    }
    snprintf(out, len, "%s%s%s%s%s%s", lead, styled(ts, ph->before), num,
             ph->after ? styled(ts, ph->after) : "", limit, tail);
    return true;
}

static void reason_text(const text_style *ts, const core_state *st, core_evidence_tag tag, int round,
                        char *out, size_t len)
{
    core_measures m;
    core_measures_compute(st, round, &m);
    char where[64];
    if (round > 0)
        snprintf(where, sizeof where, styled(ts, N_(" in ronde %d")), round);
    else
        snprintf(where, sizeof where, "%s", styled(ts, N_(" over het hele spel")));
    if ((unsigned)tag >= CORE_EV_TAG_COUNT ||
        !phrase_text(ts, &tag_phrases[tag].shown, &st->sc->rules, &m, "", where, out, len))
        snprintf(out, len, "%s", styled(ts, core_evidence_name(tag)));
}

/* How strongly a round shows a tag, to name the round in the reason. */
static double tag_strength(const core_measures *m, core_evidence_tag t)
{
    switch (t) {
    case CORE_EV_TAG_LAGE_DIVERSITEIT:
        return 1.0 - m->diversity;
    case CORE_EV_TAG_CENTRAAL_NETWERK:
        return m->centrality;
    case CORE_EV_TAG_LAGE_DENSITEIT:
        return 1.0 - m->density;
    case CORE_EV_TAG_ROL_AFWEZIG:
        return 1.0 - m->role_share;
    case CORE_EV_TAG_GEBROKEN_BELOFTE:
        return m->promises_broken;
    case CORE_EV_TAG_SAMEN_GEWERKT:
        return m->joint_contributions;
    default:
        return 1.0;
    }
}

/* Rounds (of 1..last) in which tag t showed, plus one if it shows over the
 * whole game: how often the table met this signal. */
static int tag_seen(const core_measures *per, int last, const core_measures *overall, int t)
{
    int n = ((overall->evidence >> (unsigned)t) & 1u) ? 1 : 0;
    for (int r = 1; r <= last; r++)
        if ((per[r].evidence >> (unsigned)t) & 1u)
            n++;
    return n;
}

/* The round in which tag t showed most strongly, 0 when only overall. */
static int tag_round(const core_measures *per, int last, int t)
{
    int where = 0;
    double strongest = -1.0;
    for (int r = 1; r <= last; r++) {
        if (!((per[r].evidence >> (unsigned)t) & 1u))
            continue;
        double s = tag_strength(&per[r], (core_evidence_tag)t);
        if (s > strongest) {
            strongest = s;
            where = r;
        }
    }
    return where;
}

static void absent_text(const text_style *ts, const core_state *st, const core_measures *m,
                        core_evidence_tag tag, char *out, size_t len)
{
    const char *lead = styled(ts, N_("geen signaal: "));
    if ((unsigned)tag >= CORE_EV_TAG_COUNT ||
        !phrase_text(ts, &tag_phrases[tag].absent, &st->sc->rules, m, lead, "", out, len))
        snprintf(out, len, "%s%s", lead, styled(ts, core_evidence_name(tag)));
}

/* For a block without evidence: prefer a tag with a measured value (the
 * reason can then quote it), the one closest to its threshold. */
static double absent_preference(const core_rules *ru, const core_measures *m, int t)
{
    switch (t) {
    case CORE_EV_TAG_CENTRAAL_NETWERK:
        return 2.0 + (ru->centrality_alarm > 0 ? m->centrality / ru->centrality_alarm : 0.0);
    case CORE_EV_TAG_LAGE_DIVERSITEIT:
        return 2.0 + (m->diversity > 0 ? ru->diversity_low / m->diversity : 1.0);
    case CORE_EV_TAG_LAGE_DENSITEIT:
        return 2.0 + (m->density > 0 ? ru->density_low / m->density : 1.0);
    case CORE_EV_TAG_WEINIG_VRAGEN:
    case CORE_EV_TAG_GEBROKEN_BELOFTE:
        return 1.5;
    default:
        return 1.0;
    }
}

void core_fan_pick_describe(const core_state *st, const core_fan_pick *p, core_translate_fn tr,
                            bool decimal_point, char *out, size_t len)
{
    if (!out || len == 0)
        return;
    out[0] = '\0';
    if (!st || !st->sc || !p)
        return;
    text_style ts = {tr, decimal_point};
    if (p->absent) {
        core_measures overall;
        core_measures_compute(st, 0, &overall);
        absent_text(&ts, st, &overall, p->tag, out, len);
    } else {
        reason_text(&ts, st, p->tag, p->round, out, len);
    }
}

int core_fan_pick_cards(const core_state *st, core_fan_pick *out, int max)
{
    if (!st || !st->sc || !out || max <= 0)
        return 0;
    const text_style dutch = {NULL, false};
    const core_scenario *sc = st->sc;
    core_measures overall;
    core_measures_compute(st, 0, &overall);
    int last = st->round < CORE_MAX_ROUNDS ? st->round : CORE_MAX_ROUNDS;
    core_measures per[CORE_MAX_ROUNDS + 1];
    memset(&per[0], 0, sizeof per[0]);
    for (int r = 1; r <= last; r++)
        core_measures_compute(st, r, &per[r]);
    int seen[CORE_EV_TAG_COUNT];
    for (int t = 0; t < CORE_EV_TAG_COUNT; t++)
        seen[t] = tag_seen(per, last, &overall, t);
    /* a card's score: its best matching tag (rounds seen), ties broken by
     * the number of tags that match */
    int card_tag[CORE_MAX_REFLECTIONS];
    int card_score[CORE_MAX_REFLECTIONS];
    int nr = sc->n_reflections < CORE_MAX_REFLECTIONS ? sc->n_reflections : CORE_MAX_REFLECTIONS;
    for (int i = 0; i < nr; i++) {
        card_tag[i] = CORE_NONE;
        card_score[i] = 0;
        int matches = 0;
        for (int t = 0; t < CORE_EV_TAG_COUNT; t++) {
            if (!((sc->reflections[i].evidence >> (unsigned)t) & 1u) || seen[t] == 0)
                continue;
            matches++;
            if (card_tag[i] == CORE_NONE || seen[t] > seen[card_tag[i]])
                card_tag[i] = t;
        }
        if (card_tag[i] != CORE_NONE)
            card_score[i] = seen[card_tag[i]] * 16 + matches;
    }
    int n = 0;
    bool used[CORE_MAX_REFLECTIONS];
    memset(used, 0, sizeof used);
    /* pass 0: one per block (absent where nothing matches); pass 1: the rest */
    for (int pass = 0; pass < 2 && n < max; pass++) {
        for (;;) {
            int best = CORE_NONE;
            for (int b = 0; b < CORE_BLOCK_COUNT && n < max; b++) {
                if (pass == 0)
                    best = CORE_NONE;
                for (int i = 0; i < nr; i++) {
                    if (used[i] || (pass == 0 && (int)sc->reflections[i].block != b) || card_score[i] == 0)
                        continue;
                    if (best == CORE_NONE || card_score[i] > card_score[best])
                        best = i;
                }
                if (pass == 1)
                    break;
                core_fan_pick *p = &out[n];
                memset(p, 0, sizeof *p);
                if (best != CORE_NONE) {
                    p->tag = (core_evidence_tag)card_tag[best];
                    p->round = tag_round(per, last, card_tag[best]);
                    reason_text(&dutch, st, p->tag, p->round, p->reason, sizeof p->reason);
                } else {
                    /* nothing in this block showed: ask what went well */
                    double pref = -1.0;
                    int tag = CORE_NONE;
                    for (int i = 0; i < nr; i++) {
                        if (used[i] || (int)sc->reflections[i].block != b)
                            continue;
                        for (int t = 0; t < CORE_EV_TAG_COUNT; t++) {
                            if (!((sc->reflections[i].evidence >> (unsigned)t) & 1u))
                                continue;
                            double q = absent_preference(&sc->rules, &overall, t);
                            if (q > pref) {
                                pref = q;
                                best = i;
                                tag = t;
                            }
                        }
                    }
                    if (best == CORE_NONE)
                        continue; /* the level has no card (with tags) for this block */
                    p->absent = true;
                    p->tag = (core_evidence_tag)tag;
                    p->round = 0;
                    absent_text(&dutch, st, &overall, p->tag, p->reason, sizeof p->reason);
                }
                p->reflection = best;
                used[best] = true;
                n++;
            }
            if (pass == 0 || best == CORE_NONE || n >= max)
                break;
            core_fan_pick *p = &out[n++];
            memset(p, 0, sizeof *p);
            p->reflection = best;
            used[best] = true;
            p->tag = (core_evidence_tag)card_tag[best];
            p->round = tag_round(per, last, card_tag[best]);
            reason_text(&dutch, st, p->tag, p->round, p->reason, sizeof p->reason);
        }
    }
    return n;
}
