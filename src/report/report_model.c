/* report_model: a stored session replayed into rows of actions and events,
 * with the labels and the Dutch/English sentences both writers print. */
#include "report/report_int.h"

#include "platform/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *rpt_phase_key(core_phase p)
{
    static const char *keys[CORE_PHASE_COUNT] = {
        "lobby", "signaal", "identiteit", "overleg", "inzet", "uitvoering", "reflectie", "einde"};
    return (unsigned)p < CORE_PHASE_COUNT ? keys[p] : "?";
}

/* The core's Dutch names are msgids (core_names.c): translated here. */
const char *rpt_phase_label(core_phase p)
{
    return (unsigned)p < CORE_PHASE_COUNT ? _(core_phase_name(p)) : "?";
}

const char *rpt_level_label(core_collab_level l)
{
    return (unsigned)l < CORE_LEVEL_COUNT ? _(core_level_name(l)) : "?";
}

const char *rpt_outcome_label(core_outcome o)
{
    switch (o) {
    case CORE_OUTCOME_WON: return _("gewonnen: de leerling is goed ondersteund");
    case CORE_OUTCOME_LOST: return _("verloren: de leerling kreeg niet genoeg steun");
    default: return _("niet afgelopen");
    }
}

const char *rpt_block_label(core_building_block b)
{
    static const char *names[CORE_BLOCK_COUNT] = {
        N_("Identiteit"), N_("Netwerk"), N_("Organisatie"), N_("Verbinding")};
    return (unsigned)b < CORE_BLOCK_COUNT ? _(names[b]) : "?";
}

const char *rpt_action_key(core_action_type t)
{
#define ACTION_KEY(NAME, key, rule, actor) #key,
    static const char *keys[CORE_ACT_COUNT] = {"none", CORE_ACTIONS(ACTION_KEY)};
#undef ACTION_KEY
    return (unsigned)t < CORE_ACT_COUNT ? keys[t] : "?";
}

const char *rpt_event_key(core_event_type t)
{
#define EVENT_KEY(NAME, key, a, b, c) #key,
    static const char *keys[CORE_EVT_COUNT] = {CORE_EVENTS(EVENT_KEY)};
#undef EVENT_KEY
    return (unsigned)t < CORE_EVT_COUNT ? keys[t] : "?";
}

/* Bounds-checked lookups: the indices come from our own replay, but a
 * report must not read past an array whatever the database held. */
static const char *need_title(const rpt_model *m, int i)
{
    return i >= 0 && i < m->sc->n_needs ? m->sc->needs[i].title : "?";
}
static const char *friction_title(const rpt_model *m, int i)
{
    return i >= 0 && i < m->sc->n_frictions ? m->sc->frictions[i].title : "?";
}
static const char *goal_title(const rpt_model *m, int i)
{
    if (i >= 0 && i < m->sc->n_goals)
        return m->sc->goals[i].title;
    /* a goal the team worded itself (slots after the level's) */
    int t = i - m->sc->n_goals;
    return t >= 0 && t < CORE_MAX_TEAM_GOALS && t < m->st->n_team_goals ? m->st->team_goal_text[t]
                                                                        : "?";
}

const char *rpt_verdict_label(core_verdict v)
{
    switch (v) {
    case CORE_VERDICT_TOGETHER: return _("geholpen, en jullie werkten samen");
    case CORE_VERDICT_APART: return _("geholpen, maar naast elkaar gewerkt");
    case CORE_VERDICT_LOST: return _("verloren: de leerling kreeg niet genoeg steun");
    default: return _("niet afgelopen");
    }
}

const char *rpt_afspraak_words(const rpt_model *m, int friction, int option, const char *text)
{
    if (friction >= 0 && friction < m->sc->n_frictions && option >= 0 &&
        option < m->sc->frictions[friction].n_options && option < CORE_MAX_OPTIONS)
        return m->sc->frictions[friction].options[option];
    return text;
}

/* What rules v2 leaves in the journal but not in the final state: noted
 * while the journal is replayed (act was accepted in round `round`, cost
 * `cost` overleg time; evs are its events, the state is after it). */
static void note_rules2(rpt_model *m, const core_action *act, int round, int cost,
                        const core_events *evs)
{
    if (round >= 0 && round <= CORE_MAX_ROUNDS) {
        rpt_round_info *ri = &m->round_info[round];
        ri->overleg_used += cost;
        if (m->st->round == round)
            ri->overleg_left = m->st->overleg_left;
        if (act->type == CORE_ACT_REFLECT && act->a >= 0 && act->a < CORE_MAX_OPTIONS) {
            ri->answers[act->a]++;
            ri->answered++;
            if (act->text[0] && m->n_improvements < RPT_MAX_IMPROVEMENTS) {
                rpt_improvement *im = &m->improvements[m->n_improvements++];
                memset(im, 0, sizeof *im);
                im->round = round;
                im->seat = act->seat;
                im->checked_by = CORE_NONE;
                snprintf(im->text, sizeof im->text, "%s", act->text);
            }
        }
    }
    int r = round;
    for (int k = 0; k < evs->n && k < CORE_MAX_EVENTS; k++) {
        const core_event *e = &evs->ev[k];
        if (e->type == CORE_EVT_PHASE)
            r = e->b;
        rpt_round_info *ri = r >= 0 && r <= CORE_MAX_ROUNDS ? &m->round_info[r] : NULL;
        switch (e->type) {
        case CORE_EVT_REFLECTION:
            if (ri)
                ri->card = e->a;
            break;
        case CORE_EVT_CONSENT_ASKED:
            if (ri)
                ri->consent_asked++;
            break;
        case CORE_EVT_CONSENT:
            if (ri) {
                ri->consent_given += e->b ? 1 : 0;
                ri->consent_refused += e->b ? 0 : 1;
            }
            break;
        case CORE_EVT_NO_CONSENT:
            if (ri)
                ri->no_consent++;
            break;
        case CORE_EVT_AFSPRAAK_MADE:
            if (e->a >= 0 && e->a < CORE_MAX_FRICTIONS && m->n_afspraken < CORE_MAX_FRICTIONS) {
                const core_afspraak *a = &m->st->afspraken[e->a];
                rpt_afspraak *ra = &m->afspraken[m->n_afspraken++];
                memset(ra, 0, sizeof *ra);
                ra->friction = e->a;
                ra->round = r;
                ra->agreed = a->agreed;
                snprintf(ra->text, sizeof ra->text, "%s",
                         rpt_afspraak_words(m, e->a, a->option, a->text));
            }
            break;
        case CORE_EVT_GRENSERVARING:
            for (int i = m->n_afspraken - 1; i >= 0; i--)
                if (m->afspraken[i].friction == e->a && !m->afspraken[i].boundary_round) {
                    m->afspraken[i].boundary_round = r;
                    break;
                }
            break;
        case CORE_EVT_IMPROVEMENT_CHECKED:
            /* the seat's verbeteractie of round c: the latest one written then */
            for (int i = m->n_improvements - 1; i >= 0; i--) {
                rpt_improvement *im = &m->improvements[i];
                if (im->seat == e->a && im->round == e->c && !im->checked_round) {
                    im->checked_round = r;
                    im->checked_by = e->seat;
                    im->done = e->b != 0;
                    break;
                }
            }
            break;
        default: break;
        }
    }
}
const char *rpt_card_title(const rpt_model *m, int i)
{
    return i >= 0 && i < m->sc->n_cards ? m->sc->cards[i].title : "?";
}
static const char *fact_text(const rpt_model *m, int i)
{
    return i >= 0 && i < m->sc->n_facts ? m->sc->facts[i].text : "?";
}
const char *rpt_reflection_question(const rpt_model *m, int i)
{
    return i >= 0 && i < m->sc->n_reflections ? m->sc->reflections[i].question : "?";
}
const char *rpt_reflection_option(const rpt_model *m, int card, int opt)
{
    if (card < 0 || card >= m->sc->n_reflections)
        return "?";
    const core_reflection_def *r = &m->sc->reflections[card];
    return opt >= 0 && opt < r->n_options ? r->options[opt] : "?";
}
int rpt_seat_role(const rpt_model *m, int seat)
{
    if (seat < 0 || seat >= m->sc->n_seats)
        return CORE_NONE;
    int r = m->sc->seat_roles[seat];
    return r >= 0 && r < m->sc->n_roles ? r : CORE_NONE;
}
const char *rpt_role_name(const rpt_model *m, int seat)
{
    int r = rpt_seat_role(m, seat);
    return r == CORE_NONE ? "" : m->sc->roles[r].name;
}
const char *rpt_role_id(const rpt_model *m, int seat)
{
    int r = rpt_seat_role(m, seat);
    return r == CORE_NONE ? "" : m->sc->roles[r].id;
}

const char *rpt_seat_label(const rpt_model *m, int seat)
{
    if (seat == CORE_SEAT_HOST)
        return _("trainer");
    if (seat < 0 || seat >= m->sc->n_seats)
        return "?";
    return m->labels[seat];
}

/* Labels: the player's name, or the role when anonymized or free; made
 * unique (two seats with the same role or name) because the CSVs use them
 * as node ids. */
void rpt_make_labels(rpt_model *m)
{
    for (int i = 0; i < m->sc->n_seats; i++) {
        const char *name = i < m->sess.n_seats ? m->sess.seats[i].name : "";
        const char *base = (!m->anonymize && name[0]) ? name : rpt_role_name(m, i);
        if (!base[0])
            base = "?";
        int same = 0;
        for (int j = 0; j < i; j++) {
            const char *nj = j < m->sess.n_seats ? m->sess.seats[j].name : "";
            const char *bj = (!m->anonymize && nj[0]) ? nj : rpt_role_name(m, j);
            if (strcmp(base, bj) == 0)
                same++;
        }
        if (same)
            snprintf(m->labels[i], sizeof m->labels[i], "%s %d", base, same + 1);
        else
            snprintf(m->labels[i], sizeof m->labels[i], "%s", base);
    }
}

/* With anonymize, player names typed into answers are replaced by the
 * role too (case-insensitive; a name inside a longer word goes as well,
 * privacy before prettiness). */
void rpt_scrub_names(const rpt_model *m, const char *in, char *out, size_t out_len)
{
    snprintf(out, out_len, "%s", in);
    if (!m->anonymize)
        return;
    for (int s = 0; s < m->sess.n_seats && s < m->sc->n_seats; s++) {
        const char *name = m->sess.seats[s].name;
        size_t nl = strlen(name);
        if (nl < 2)
            continue;
        const char *rep = rpt_role_name(m, s);
        char tmp[2 * CORE_ANSWER_LEN + 256];
        size_t o = 0;
        for (size_t i = 0; out[i] && o + 1 < sizeof tmp;) {
            if (strncasecmp(out + i, name, nl) == 0) {
                size_t rl = strlen(rep);
                if (o + rl + 1 >= sizeof tmp)
                    break;
                memcpy(tmp + o, rep, rl);
                o += rl;
                i += nl;
            } else {
                tmp[o++] = out[i++];
            }
        }
        tmp[o] = '\0';
        snprintf(out, out_len, "%s", tmp);
    }
}

static bool add_row(rpt_model *m, const rpt_row *r)
{
    if (m->n_rows == m->cap_rows) {
        size_t cap = m->cap_rows ? m->cap_rows * 2 : 1024;
        rpt_row *nr = realloc(m->rows, cap * sizeof *nr);
        if (!nr)
            return false;
        m->rows = nr;
        m->cap_rows = cap;
    }
    m->rows[m->n_rows++] = *r;
    return true;
}

/* Replays the journal; every action and event becomes a row with the
 * round and phase it happened in. */
bool rpt_replay(rpt_model *m, const core_action *acts, const uint64_t *seqs, const int64_t *at,
                size_t n, char *err, size_t err_len)
{
    char cerr[256] = "";
    for (int r = 0; r <= CORE_MAX_ROUNDS; r++)
        m->round_info[r].card = CORE_NONE;
    if (!core_init(m->st, m->sc, m->sess.seed, cerr, sizeof cerr)) {
        rpt_set_err(err, err_len, _("De bewaarde casus van deze sessie is niet bruikbaar: %s"), cerr);
        return false;
    }
    core_events *evs = malloc(sizeof *evs);
    if (!evs) {
        rpt_set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        rpt_row r;
        memset(&r, 0, sizeof r);
        r.kind = RPT_ROW_ACTION;
        r.seq = seqs[i];
        r.at = at ? at[i] : 0;
        r.round = m->st->round;
        r.phase = m->st->phase;
        r.act = acts[i];
        evs->n = 0;
        int cost = core_action_cost(m->st, &acts[i]);
        core_reject rej = core_apply(m->st, &acts[i], evs);
        if (rej != CORE_OK) {
            /* A journal the rules refuse: a damaged database or a level
             * that no longer matches. Report what could be replayed. */
            m->replay_stop_seq = seqs[i];
            snprintf(m->replay_stop_why, sizeof m->replay_stop_why, "%s",
                     _(core_reject_message(rej)));
            break;
        }
        if (!add_row(m, &r)) {
            ok = false;
            break;
        }
        m->n_actions++;
        note_rules2(m, &acts[i], r.round, cost, evs);
        int round = r.round;
        core_phase phase = r.phase;
        for (int k = 0; k < evs->n && k < CORE_MAX_EVENTS; k++) {
            const core_event *e = &evs->ev[k];
            if (e->type == CORE_EVT_PHASE) {
                phase = (unsigned)e->a < CORE_PHASE_COUNT ? (core_phase)e->a : phase;
                round = e->b;
            }
            rpt_row er;
            memset(&er, 0, sizeof er);
            er.kind = RPT_ROW_EVENT;
            er.seq = seqs[i];
            er.at = r.at;
            er.round = round;
            er.phase = phase;
            er.ev = *e;
            if (!add_row(m, &er)) {
                ok = false;
                break;
            }
            m->n_events++;
        }
    }
    free(evs);
    if (!ok) {
        rpt_set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    m->rounds = m->st->round < 0 ? 0 : m->st->round > CORE_MAX_ROUNDS ? CORE_MAX_ROUNDS : m->st->round;
    if (m->sess.finished && m->sess.state_hash != 0 && m->replay_stop_seq == 0) {
        m->hash_checked = true;
        m->hash_ok = core_state_hash(m->st) == m->sess.state_hash;
    }
    return true;
}

/* ------------------------------------------------------- descriptions */

void rpt_fmt_num(const rpt_model *m, double v, char *out, size_t len)
{
    if (!isfinite(v))
        v = 0;
    snprintf(out, len, "%.2f", v);
    if (!m->en) {
        char *dot = strchr(out, '.');
        if (dot)
            *dot = ',';
    }
}

/* Follows the context a row is described in: the promises of its round
 * (indices restart each round) and the reflection card on the table. */
static void note_context(rpt_model *m, const rpt_row *r)
{
    if (r->kind == RPT_ROW_EVENT && r->ev.type == CORE_EVT_REFLECTION)
        m->reflection_card = r->ev.a;
    if (r->round != m->promise_round) {
        memset(m->promises, 0, sizeof m->promises);
        for (int i = 0; i < CORE_MAX_PROMISES; i++)
            m->promises[i].from = m->promises[i].to = m->promises[i].need = CORE_NONE;
        m->promise_round = r->round;
    }
    if (r->kind == RPT_ROW_EVENT && r->ev.type == CORE_EVT_PROMISE && r->ev.c >= 0 &&
        r->ev.c < CORE_MAX_PROMISES) {
        rpt_promise *p = &m->promises[r->ev.c];
        p->from = r->ev.seat;
        p->to = r->ev.a;
        p->need = r->ev.b;
        p->kind = r->ev.d ? CORE_PROMISE_OFFER : CORE_PROMISE_ASK;
    }
}

const rpt_row *rpt_row_first(rpt_model *m)
{
    m->promise_round = -1;
    m->reflection_card = CORE_NONE;
    if (m->n_rows == 0)
        return NULL;
    note_context(m, &m->rows[0]);
    return &m->rows[0];
}

const rpt_row *rpt_row_next(rpt_model *m, const rpt_row *r)
{
    size_t i = (size_t)(r - m->rows) + 1;
    if (i >= m->n_rows)
        return NULL;
    note_context(m, &m->rows[i]);
    return &m->rows[i];
}

static void describe_promise(const rpt_model *m, int idx, char *out, size_t len)
{
    if (idx < 0 || idx >= CORE_MAX_PROMISES || m->promises[idx].from == CORE_NONE) {
        snprintf(out, len, "#%d", idx);
        return;
    }
    const rpt_promise *p = &m->promises[idx];
    snprintf(out, len, p->kind == CORE_PROMISE_OFFER ? _("aanbod van %s aan %s voor ‘%s’")
                                                     : _("vraag van %s aan %s voor ‘%s’"),
             rpt_seat_label(m, p->from), rpt_seat_label(m, p->to), need_title(m, p->need));
}

/* Sentences with at most one name in them, filled in from the action's or
 * event's first argument: the rest of the descriptions are in the
 * switches of rpt_describe_action and rpt_describe_event. */
typedef enum { NAME_NONE = 0, NAME_FACT, NAME_GOAL, NAME_NEED, NAME_SEAT, NAME_REFLECTION, NAME_FRICTION,
               NAME_PROMISE } name_kind;

typedef struct {
    rpt_row_kind kind;
    int type; /* core_action_type or core_event_type, by kind */
    name_kind name;
    const char *fmt;
    const char *fmt_no; /* when set: the sentence for a second argument of 0 (no, refused) */
} sentence;

static const sentence sentences[] = {
    {RPT_ROW_ACTION, CORE_ACT_START, NAME_NONE, N_("start het spel"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_ADVANCE, NAME_NONE, N_("gaat naar de volgende fase"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_COMMIT, NAME_NONE, N_("zet in het geheim een kaart in"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_UNCOMMIT, NAME_NONE, N_("neemt een ingezette kaart terug"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_SHARE_FACT, NAME_FACT, N_("deelt een dossierfeit: %s"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_PROPOSE_GOAL, NAME_GOAL, N_("stelt een gedeeld doel voor: %s"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_DROP_GOAL, NAME_GOAL, N_("stelt voor het doel los te laten: %s"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_ACCEPT_LEAD, NAME_NEED, N_("wordt trekker van ‘%s’"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_NEW_PLAYER, NAME_SEAT, N_("verwelkomt een nieuwe speler als %s"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_GAME_STARTED, NAME_NONE, N_("het spel begint"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_FACT_SHARED, NAME_FACT, N_("dossierfeit gedeeld: %s"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_GOAL_ADOPTED, NAME_GOAL, N_("gedeeld doel aangenomen: %s"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_GOAL_DROPPED, NAME_GOAL, N_("doel losgelaten: %s"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_NEED_MET, NAME_NEED, N_("nood bereikt: %s"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_REFLECTION, NAME_REFLECTION, N_("reflectiekaart: %s"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_ASK_CONSENT, NAME_FACT, N_("vraagt toestemming om te delen: %s"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_ASK_PUPIL, NAME_NONE, N_("vraagt de leerling wat die denkt"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_SET_MEETING, NAME_NONE, N_("zet een vast overlegmoment op"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_CONSENT_ASKED, NAME_FACT, N_("toestemming gevraagd voor: %s"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_TEAM_GOAL, NAME_GOAL, N_("het team verwoordt een eigen doel: %s"), NULL},
    {RPT_ROW_ACTION, CORE_ACT_AGREE_AFSPRAAK, NAME_FRICTION, N_("gaat akkoord met de afspraak over ‘%s’"),
     N_("maakt bezwaar tegen de afspraak over ‘%s’")},
    {RPT_ROW_ACTION, CORE_ACT_CONSENT, NAME_FACT, N_("geeft toestemming om te delen: %s"),
     N_("weigert toestemming om te delen: %s")},
    {RPT_ROW_ACTION, CORE_ACT_CHECK_IMPROVEMENT, NAME_SEAT, N_("kijkt de verbeteractie van %s na: gedaan"),
     N_("kijkt de verbeteractie van %s na: nog niet gedaan")},
    {RPT_ROW_EVENT, CORE_EVT_GOAL_PROPOSED, NAME_GOAL, N_("doel voorgesteld: %s"), N_("voorstel om los te laten: %s")},
    {RPT_ROW_EVENT, CORE_EVT_GOAL_VOTE, NAME_GOAL, N_("stemt voor: %s"), N_("stemt tegen: %s")},
    {RPT_ROW_EVENT, CORE_EVT_AFSPRAAK_PROPOSED, NAME_FRICTION, N_("afspraak voorgesteld over ‘%s’"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_AFSPRAAK_ANSWER, NAME_FRICTION, N_("akkoord met de afspraak over ‘%s’"),
     N_("bezwaar tegen de afspraak over ‘%s’")},
    {RPT_ROW_EVENT, CORE_EVT_AFSPRAAK_MADE, NAME_FRICTION,
     N_("afspraak gemaakt over ‘%s’: de rollen gingen akkoord"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_AFSPRAAK_DROPPED, NAME_FRICTION, N_("afspraak over ‘%s’ vervalt"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_FRICTION_SOFTENED, NAME_FRICTION,
     N_("spanning ‘%s’ verzacht: geen verlies deze ronde"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_PROMISE_ANSWER, NAME_PROMISE, N_("aanvaardt: %s"), N_("weigert: %s")},
    {RPT_ROW_EVENT, CORE_EVT_PROMISE_KEPT, NAME_PROMISE, N_("belofte nagekomen: %s"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_PROMISE_BROKEN, NAME_PROMISE, N_("belofte gebroken: %s"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_PROMISE_LAPSED, NAME_PROMISE, N_("vraag of aanbod niet beantwoord: %s"), NULL},
    {RPT_ROW_EVENT, CORE_EVT_CONSENT, NAME_FACT, N_("toestemming gegeven voor: %s"),
     N_("toestemming geweigerd voor: %s")},
};

/* arg names the thing, yes picks fmt over fmt_no. */
static bool simple_sentence(const rpt_model *m, rpt_row_kind kind, int type, int arg, int yes, char *out,
                            size_t len)
{
    const sentence *t = sentences;
    for (size_t i = 0; i < sizeof sentences / sizeof sentences[0]; i++) {
        if (t[i].kind != kind || t[i].type != type)
            continue;
        const char *fmt = _(t[i].fmt_no && !yes ? t[i].fmt_no : t[i].fmt);
        switch (t[i].name) {
        case NAME_NONE: snprintf(out, len, "%s", fmt); break;
        case NAME_FACT: snprintf(out, len, fmt, fact_text(m, arg)); break;
        case NAME_GOAL: snprintf(out, len, fmt, goal_title(m, arg)); break;
        case NAME_NEED: snprintf(out, len, fmt, need_title(m, arg)); break;
        case NAME_SEAT: snprintf(out, len, fmt, rpt_seat_label(m, arg)); break;
        case NAME_REFLECTION: snprintf(out, len, fmt, rpt_reflection_question(m, arg)); break;
        case NAME_FRICTION: snprintf(out, len, fmt, friction_title(m, arg)); break;
        case NAME_PROMISE: {
            char p[300];
            describe_promise(m, arg, p, sizeof p);
            snprintf(out, len, fmt, p);
            break;
        }
        }
        return true;
    }
    return false;
}

/* Actions that read as the event they cause (a vote, a request, an
 * answer) are described by that event, so the two never drift apart. */
static bool action_as_event(const core_action *a, core_event *e)
{
    memset(e, 0, sizeof *e);
    e->seat = a->seat;
    e->a = a->a;
    e->b = a->b;
    switch (a->type) {
    case CORE_ACT_READY: e->type = CORE_EVT_READY; e->a = 1; return true;
    case CORE_ACT_UNREADY: e->type = CORE_EVT_READY; e->a = 0; return true;
    case CORE_ACT_VOTE_GOAL: e->type = CORE_EVT_GOAL_VOTE; return true;
    case CORE_ACT_PROPOSE_LEAD: e->type = CORE_EVT_LEAD_PROPOSED; return true;
    case CORE_ACT_ASK: e->type = CORE_EVT_PROMISE; e->d = 0; return true;
    case CORE_ACT_OFFER: e->type = CORE_EVT_PROMISE; e->d = 1; return true;
    case CORE_ACT_RESPOND: e->type = CORE_EVT_PROMISE_ANSWER; return true;
    default: return false;
    }
}

void rpt_describe_action(const rpt_model *m, const core_action *a, char *out, size_t len)
{
    char text[2 * CORE_ANSWER_LEN + 256];
    core_event as_event;
    if (action_as_event(a, &as_event)) {
        rpt_describe_event(m, &as_event, out, len);
        return;
    }
    if (simple_sentence(m, RPT_ROW_ACTION, (int)a->type, a->a, a->b, out, len))
        return;
    switch (a->type) {
    case CORE_ACT_WORD_GOAL:
        rpt_scrub_names(m, a->text, text, sizeof text);
        snprintf(out, len, _("verwoordt een eigen doel: %s"), text);
        break;
    case CORE_ACT_PROPOSE_AFSPRAAK:
        rpt_scrub_names(m, a->text, text, sizeof text);
        snprintf(out, len, _("stelt een afspraak voor over ‘%s’: %s"), friction_title(m, a->a),
                 rpt_afspraak_words(m, a->a, a->b, text));
        break;
    case CORE_ACT_REFLECT:
        rpt_scrub_names(m, a->text, text, sizeof text);
        if (text[0])
            snprintf(out, len, _("antwoordt op de reflectie: %s; verbeteractie: %s"),
                     rpt_reflection_option(m, m->reflection_card, a->a), text);
        else
            snprintf(out, len, _("antwoordt op de reflectie: %s"),
                     rpt_reflection_option(m, m->reflection_card, a->a));
        break;
    default: snprintf(out, len, "%s", "?"); break;
    }
}

/* The events of rules v2 (afspraken, consent, the pupil's voice, trust,
 * verbeteracties); false for any other type. */
static bool describe_rules2_event(const rpt_model *m, const core_event *e, char *out, size_t len)
{
    switch (e->type) {
    case CORE_EVT_NO_CONSENT:
        snprintf(out, len, _("deelt zonder toestemming: %s (welbevinden −%d)"), fact_text(m, e->a),
                 e->b);
        return true;
    case CORE_EVT_PUPIL_ASKED:
        snprintf(out, len, _("de leerling werd gehoord (%d feiten van de leerling gedeeld)"), e->a);
        return true;
    case CORE_EVT_MEETING_SET:
        snprintf(out, len, _("vast overlegmoment: meer overlegtijd vanaf ronde %d"), e->a);
        return true;
    case CORE_EVT_TRUST:
        snprintf(out, len, _("vertrouwen nu %d (%+d)"), e->a, e->b);
        return true;
    case CORE_EVT_IMPROVEMENT_CHECKED:
        snprintf(out, len, e->b ? _("verbeteractie van %s (ronde %d) nagekeken: gedaan")
                                : _("verbeteractie van %s (ronde %d) nagekeken: nog niet gedaan"),
                 rpt_seat_label(m, e->a), e->c);
        return true;
    default: return false;
    }
}

void rpt_describe_event(const rpt_model *m, const core_event *e, char *out, size_t len)
{
    if (simple_sentence(m, RPT_ROW_EVENT, (int)e->type, e->a, e->b, out, len))
        return;
    switch (e->type) {
    case CORE_EVT_PHASE:
        snprintf(out, len, _("ronde %d, fase %s"), e->b,
                 rpt_phase_label((unsigned)e->a < CORE_PHASE_COUNT ? (core_phase)e->a : CORE_PHASE_COUNT));
        break;
    case CORE_EVT_FRICTION_REVEALED:
        snprintf(out, len, _("spanning op tafel: %s (ernst %d)"), friction_title(m, e->a), e->b);
        break;
    case CORE_EVT_SCRIPTED:
        snprintf(out, len, _("gebeurtenis: %s"),
                 e->a >= 0 && e->a < m->sc->n_events ? m->sc->events[e->a].title : "?");
        break;
    case CORE_EVT_DRAW: snprintf(out, len, _("trekt %d kaarten"), e->b); break;
    case CORE_EVT_LEAD_PROPOSED:
        snprintf(out, len, _("stelt %s voor als trekker van ‘%s’"), rpt_seat_label(m, e->b),
                 need_title(m, e->a));
        break;
    case CORE_EVT_LEAD_SET:
        snprintf(out, len, _("%s is trekker van ‘%s’"), rpt_seat_label(m, e->b), need_title(m, e->a));
        break;
    case CORE_EVT_PROMISE:
        snprintf(out, len, e->d ? _("biedt %s hulp aan bij ‘%s’") : _("vraagt %s om hulp bij ‘%s’"),
                 rpt_seat_label(m, e->a), need_title(m, e->b));
        break;
    case CORE_EVT_READY:
        snprintf(out, len, "%s", e->a ? _("is klaar") : _("is toch niet klaar"));
        break;
    case CORE_EVT_COMMITTED: snprintf(out, len, _("heeft %d kaart(en) ingezet"), e->a); break;
    case CORE_EVT_REVEAL:
        snprintf(out, len, _("speelt ‘%s’ op ‘%s’"), rpt_card_title(m, e->a),
                 e->b == 1 ? friction_title(m, e->c) : need_title(m, e->c));
        break;
    case CORE_EVT_NEED_PROGRESS:
        snprintf(out, len, _("‘%s’: +%d (nu %d van %d)"), need_title(m, e->a), e->b, e->c,
                 e->a >= 0 && e->a < m->sc->n_needs ? m->sc->needs[e->a].target : 0);
        break;
    case CORE_EVT_GRENSERVARING:
        snprintf(out, len, _("grenservaring: ‘%s’ samen aangepakt, innovatie ‘%s’ gewonnen"),
                 friction_title(m, e->a), rpt_card_title(m, e->b));
        break;
    case CORE_EVT_FRICTION_DRAIN:
        snprintf(out, len, e->c == CORE_DRAIN_WELBEVINDEN
                               ? _("genegeerde spanning ‘%s’ kost %d welbevinden")
                               : _("genegeerde spanning ‘%s’ kost %d draagkracht"),
                 friction_title(m, e->a), e->b);
        break;
    case CORE_EVT_FRICTION_ESCALATED:
        snprintf(out, len, _("spanning ‘%s’ escaleert (ernst %d)"), friction_title(m, e->a), e->b);
        break;
    case CORE_EVT_TRACKS:
        snprintf(out, len, _("welbevinden %d, draagkracht %d"), e->a, e->b);
        break;
    case CORE_EVT_REFLECTED:
        snprintf(out, len, _("heeft de reflectie beantwoord: %s"),
                 rpt_reflection_option(m, m->reflection_card, e->a));
        break;
    case CORE_EVT_ROUND_END:
        snprintf(out, len, _("einde van ronde %d: samenwerkingsniveau %s"), e->a,
                 rpt_level_label((unsigned)e->b < CORE_LEVEL_COUNT ? (core_collab_level)e->b : CORE_LEVEL_COUNT));
        break;
    case CORE_EVT_GAME_END:
        snprintf(out, len, _("einde van het spel: %s; samenwerkingsniveau %s"),
                 (unsigned)e->b < CORE_LEVEL_COUNT &&
                         core_game_verdict((core_outcome)e->a, (core_collab_level)e->b) ==
                             CORE_VERDICT_APART
                     ? rpt_verdict_label(CORE_VERDICT_APART)
                     : rpt_outcome_label((core_outcome)e->a),
                 rpt_level_label((unsigned)e->b < CORE_LEVEL_COUNT ? (core_collab_level)e->b : CORE_LEVEL_COUNT));
        break;
    case CORE_EVT_GOAL_REJECTED:
        snprintf(out, len, e->b ? _("doel niet aangenomen: %s") : _("doel blijft: %s"), goal_title(m, e->a));
        break;
    default:
        if (!describe_rules2_event(m, e, out, len))
            snprintf(out, len, "%s", "?");
        break;
    }
}

/* Shared by the CSV and the HTML network (see report_int.h). */
uint16_t rpt_edge_weight(const rpt_model *m, int r, int i, int j)
{
    uint16_t a = m->st->edge_round[r][i][j], c = m->st->edge_round[r][j][i];
    return a > c ? a : c;
}
