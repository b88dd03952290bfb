/* report: debrief evidence and export (see report.h). */
#include "report/report.h"

#include "level/level.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* M_PI is not part of strict C11. */
#define REPORT_PI 3.14159265358979323846

/* ------------------------------------------------------------ buffers */

/* A growing text buffer; on allocation failure it stays marked failed and
 * the export reports "out of memory" once at the end. */
typedef struct {
    char *p;
    size_t n, cap;
    bool failed;
} sbuf;

static void sb_grow(sbuf *b, size_t extra)
{
    if (b->failed)
        return;
    if (b->n + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + extra + 1)
        cap *= 2;
    char *np = realloc(b->p, cap);
    if (!np) {
        b->failed = true;
        return;
    }
    b->p = np;
    b->cap = cap;
}

static void sb_put(sbuf *b, const char *s, size_t len)
{
    sb_grow(b, len);
    if (b->failed)
        return;
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0)
        return;
    sb_grow(b, (size_t)need);
    if (b->failed)
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)need + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)need;
}

static void set_err(char *err, size_t err_len, const char *fmt, ...)
{
    if (!err || !err_len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_len, fmt, ap);
    va_end(ap);
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid.
 * Typed names and answers come from peers and databases: the page must
 * stay well-formed whatever bytes they hold. */
static size_t utf8_seq(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1Fu; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0Fu; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07u; }
    else return 0;
    if (len > left)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Text for HTML/SVG/XML: escaped, invalid UTF-8 and control characters
 * replaced. */
static void sb_html(sbuf *b, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t left = strlen(s);
    while (left > 0) {
        unsigned char c = *u;
        size_t k = utf8_seq(u, left);
        if (k == 0) {
            sb_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
            u++;
            left--;
            continue;
        }
        if (k == 1) {
            switch (c) {
            case '&': sb_puts(b, "&amp;"); break;
            case '<': sb_puts(b, "&lt;"); break;
            case '>': sb_puts(b, "&gt;"); break;
            case '"': sb_puts(b, "&quot;"); break;
            case '\'': sb_puts(b, "&#39;"); break;
            case '\n': sb_puts(b, " "); break;
            default:
                if (c < 0x20 || c == 0x7F)
                    sb_puts(b, " ");
                else
                    sb_put(b, (const char *)u, 1);
            }
        } else {
            sb_put(b, (const char *)u, k);
        }
        u += k;
        left -= k;
    }
}

/* One CSV field (RFC 4180): quoted when it holds a comma, quote, CR, LF or
 * leading/trailing space; quotes doubled. Invalid UTF-8 replaced, so that
 * R's read.csv(encoding = "UTF-8") never stops on a byte. */
static void sb_csv(sbuf *b, const char *s)
{
    size_t len = strlen(s);
    bool quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quote)
        sb_puts(b, "\"");
    /* Player names come from the network: one starting with = + - @ would
     * run as a formula when a trainer opens the CSV in a spreadsheet
     * (CSV injection). A leading apostrophe keeps it text. */
    if (len > 0 && strchr("=+-@", s[0]))
        sb_puts(b, "'");
    const unsigned char *u = (const unsigned char *)s;
    size_t left = len;
    while (left > 0) {
        size_t k = utf8_seq(u, left);
        if (k == 0) {
            sb_puts(b, "\xEF\xBF\xBD");
            u++;
            left--;
            continue;
        }
        if (*u == '"')
            sb_puts(b, "\"\"");
        else
            sb_put(b, (const char *)u, k);
        u += k;
        left -= k;
    }
    if (quote)
        sb_puts(b, "\"");
}

static void sb_csv_int(sbuf *b, long long v)
{
    sb_printf(b, "%lld", v);
}

/* ------------------------------------------------------------ the model */

typedef enum { ROW_ACTION = 0, ROW_EVENT } row_kind;

typedef struct {
    row_kind kind;
    uint64_t seq;
    int64_t at;               /* Unix seconds the action was accepted, 0 = unknown */
    int round;
    core_phase phase;
    core_action act;          /* ROW_ACTION */
    core_event ev;            /* ROW_EVENT */
} row;

typedef struct {
    int from, to, need;
    core_promise_kind kind;
} promise_rec;

typedef struct {
    const core_scenario *sc;
    core_state *st;
    store_session sess;
    bool anonymize;
    bool en;                  /* English number format */
    row *rows;
    size_t n_rows, cap_rows;
    size_t n_actions, n_events;
    /* the replay stopped at this seq (0 = complete) and why */
    uint64_t replay_stop_seq;
    char replay_stop_why[200];
    bool hash_checked, hash_ok;
    char labels[CORE_MAX_SEATS][STORE_NAME_LEN + CORE_TITLE_LEN + 8];
    /* promises of the round being described, by index */
    promise_rec promises[CORE_MAX_PROMISES];
    int promise_round;
    int reflection_card;      /* shown in the round being described */
    int rounds;               /* rounds played (1..) */
} model;

static const char *phase_key(core_phase p)
{
    static const char *keys[CORE_PHASE_COUNT] = {
        "lobby", "signaal", "identiteit", "overleg", "inzet", "uitvoering", "reflectie", "einde"};
    return (unsigned)p < CORE_PHASE_COUNT ? keys[p] : "?";
}

static const char *phase_label(core_phase p)
{
    static const char *names[CORE_PHASE_COUNT] = {
        N_("Lobby"), N_("Signaal"), N_("Identiteit"), N_("Overleg"),
        N_("Inzet"), N_("Uitvoering"), N_("Reflectie"), N_("Einde")};
    return (unsigned)p < CORE_PHASE_COUNT ? _(names[p]) : "?";
}

static const char *level_label(core_collab_level l)
{
    static const char *names[CORE_LEVEL_COUNT] = {
        N_("geen"), N_("coördinerend"), N_("coöperatief"), N_("verbindend")};
    return (unsigned)l < CORE_LEVEL_COUNT ? _(names[l]) : "?";
}

static const char *outcome_label(core_outcome o)
{
    switch (o) {
    case CORE_OUTCOME_WON: return _("gewonnen: de leerling is goed ondersteund");
    case CORE_OUTCOME_LOST: return _("verloren: de leerling kreeg niet genoeg steun");
    default: return _("niet afgelopen");
    }
}

static const char *block_label(core_building_block b)
{
    static const char *names[CORE_BLOCK_COUNT] = {
        N_("Identiteit"), N_("Netwerk"), N_("Organisatie"), N_("Verbinding")};
    return (unsigned)b < CORE_BLOCK_COUNT ? _(names[b]) : "?";
}

static const char *action_key(core_action_type t)
{
    static const char *keys[CORE_ACT_COUNT] = {
        "none", "start", "advance", "ready", "unready", "share_fact", "propose_goal",
        "vote_goal", "drop_goal", "propose_lead", "accept_lead", "ask", "offer",
        "respond", "commit", "uncommit", "reflect", "new_player"};
    return (unsigned)t < CORE_ACT_COUNT ? keys[t] : "?";
}

static const char *event_key(core_event_type t)
{
    static const char *keys[CORE_EVT_COUNT] = {
        "game_started", "phase", "friction_revealed", "scripted", "draw", "fact_shared",
        "goal_proposed", "goal_vote", "goal_adopted", "goal_dropped", "lead_proposed",
        "lead_set", "promise", "promise_answer", "ready", "committed", "reveal",
        "need_progress", "need_met", "grenservaring", "friction_drain",
        "friction_escalated", "promise_kept", "promise_broken", "tracks", "reflection",
        "reflected", "round_end", "game_end", "goal_rejected", "promise_lapsed"};
    return (unsigned)t < CORE_EVT_COUNT ? keys[t] : "?";
}

/* Bounds-checked lookups: the indices come from our own replay, but a
 * report must not read past an array whatever the database held. */
static const char *need_title(const model *m, int i)
{
    return i >= 0 && i < m->sc->n_needs ? m->sc->needs[i].title : "?";
}
static const char *friction_title(const model *m, int i)
{
    return i >= 0 && i < m->sc->n_frictions ? m->sc->frictions[i].title : "?";
}
static const char *goal_title(const model *m, int i)
{
    return i >= 0 && i < m->sc->n_goals ? m->sc->goals[i].title : "?";
}
static const char *card_title(const model *m, int i)
{
    return i >= 0 && i < m->sc->n_cards ? m->sc->cards[i].title : "?";
}
static const char *fact_text(const model *m, int i)
{
    return i >= 0 && i < m->sc->n_facts ? m->sc->facts[i].text : "?";
}
static const char *reflection_question(const model *m, int i)
{
    return i >= 0 && i < m->sc->n_reflections ? m->sc->reflections[i].question : "?";
}
static const char *reflection_option(const model *m, int card, int opt)
{
    if (card < 0 || card >= m->sc->n_reflections)
        return "?";
    const core_reflection_def *r = &m->sc->reflections[card];
    return opt >= 0 && opt < r->n_options ? r->options[opt] : "?";
}
static int seat_role(const model *m, int seat)
{
    if (seat < 0 || seat >= m->sc->n_seats)
        return CORE_NONE;
    int r = m->sc->seat_roles[seat];
    return r >= 0 && r < m->sc->n_roles ? r : CORE_NONE;
}
static const char *role_name(const model *m, int seat)
{
    int r = seat_role(m, seat);
    return r == CORE_NONE ? "" : m->sc->roles[r].name;
}
static const char *role_id(const model *m, int seat)
{
    int r = seat_role(m, seat);
    return r == CORE_NONE ? "" : m->sc->roles[r].id;
}

static const char *seat_label(const model *m, int seat)
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
static void make_labels(model *m)
{
    for (int i = 0; i < m->sc->n_seats; i++) {
        const char *name = i < m->sess.n_seats ? m->sess.seats[i].name : "";
        const char *base = (!m->anonymize && name[0]) ? name : role_name(m, i);
        if (!base[0])
            base = "?";
        int same = 0;
        for (int j = 0; j < i; j++) {
            const char *nj = j < m->sess.n_seats ? m->sess.seats[j].name : "";
            const char *bj = (!m->anonymize && nj[0]) ? nj : role_name(m, j);
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
static void scrub_names(const model *m, const char *in, char *out, size_t out_len)
{
    snprintf(out, out_len, "%s", in);
    if (!m->anonymize)
        return;
    for (int s = 0; s < m->sess.n_seats && s < m->sc->n_seats; s++) {
        const char *name = m->sess.seats[s].name;
        size_t nl = strlen(name);
        if (nl < 2)
            continue;
        const char *rep = role_name(m, s);
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

static bool add_row(model *m, const row *r)
{
    if (m->n_rows == m->cap_rows) {
        size_t cap = m->cap_rows ? m->cap_rows * 2 : 1024;
        row *nr = realloc(m->rows, cap * sizeof *nr);
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
static bool replay(model *m, const core_action *acts, const uint64_t *seqs, const int64_t *at,
                   size_t n, char *err, size_t err_len)
{
    char cerr[256] = "";
    if (!core_init(m->st, m->sc, m->sess.seed, cerr, sizeof cerr)) {
        set_err(err, err_len, _("Het bewaarde level van deze sessie is niet bruikbaar: %s"), cerr);
        return false;
    }
    core_events *evs = malloc(sizeof *evs);
    if (!evs) {
        set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        row r;
        memset(&r, 0, sizeof r);
        r.kind = ROW_ACTION;
        r.seq = seqs[i];
        r.at = at ? at[i] : 0;
        r.round = m->st->round;
        r.phase = m->st->phase;
        r.act = acts[i];
        evs->n = 0;
        core_reject rej = core_apply(m->st, &acts[i], evs);
        if (rej != CORE_OK) {
            /* A journal the rules refuse: a damaged database or a level
             * that no longer matches. Report what could be replayed. */
            m->replay_stop_seq = seqs[i];
            snprintf(m->replay_stop_why, sizeof m->replay_stop_why, "%s",
                     core_reject_message(rej));
            break;
        }
        if (!add_row(m, &r)) {
            ok = false;
            break;
        }
        m->n_actions++;
        int round = r.round;
        core_phase phase = r.phase;
        for (int k = 0; k < evs->n && k < CORE_MAX_EVENTS; k++) {
            const core_event *e = &evs->ev[k];
            if (e->type == CORE_EVT_PHASE) {
                phase = (unsigned)e->a < CORE_PHASE_COUNT ? (core_phase)e->a : phase;
                round = e->b;
            }
            row er;
            memset(&er, 0, sizeof er);
            er.kind = ROW_EVENT;
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
        set_err(err, err_len, _("Onvoldoende geheugen."));
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

static void fmt_num(const model *m, double v, char *out, size_t len)
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
static void note_context(model *m, const row *r)
{
    if (r->kind == ROW_EVENT && r->ev.type == CORE_EVT_REFLECTION)
        m->reflection_card = r->ev.a;
    if (r->round != m->promise_round) {
        memset(m->promises, 0, sizeof m->promises);
        for (int i = 0; i < CORE_MAX_PROMISES; i++)
            m->promises[i].from = m->promises[i].to = m->promises[i].need = CORE_NONE;
        m->promise_round = r->round;
    }
    if (r->kind == ROW_EVENT && r->ev.type == CORE_EVT_PROMISE && r->ev.c >= 0 &&
        r->ev.c < CORE_MAX_PROMISES) {
        promise_rec *p = &m->promises[r->ev.c];
        p->from = r->ev.seat;
        p->to = r->ev.a;
        p->need = r->ev.b;
        p->kind = r->ev.d ? CORE_PROMISE_OFFER : CORE_PROMISE_ASK;
    }
}

static void describe_promise(const model *m, int idx, char *out, size_t len)
{
    if (idx < 0 || idx >= CORE_MAX_PROMISES || m->promises[idx].from == CORE_NONE) {
        snprintf(out, len, "#%d", idx);
        return;
    }
    const promise_rec *p = &m->promises[idx];
    snprintf(out, len, p->kind == CORE_PROMISE_OFFER ? _("aanbod van %s aan %s voor ‘%s’")
                                                     : _("vraag van %s aan %s voor ‘%s’"),
             seat_label(m, p->from), seat_label(m, p->to), need_title(m, p->need));
}

static void describe_action(const model *m, const core_action *a, char *out, size_t len)
{
    char text[2 * CORE_ANSWER_LEN + 256];
    switch (a->type) {
    case CORE_ACT_START: snprintf(out, len, "%s", _("start het spel")); break;
    case CORE_ACT_ADVANCE: snprintf(out, len, "%s", _("gaat naar de volgende fase")); break;
    case CORE_ACT_READY: snprintf(out, len, "%s", _("is klaar")); break;
    case CORE_ACT_UNREADY: snprintf(out, len, "%s", _("is toch niet klaar")); break;
    case CORE_ACT_SHARE_FACT:
        snprintf(out, len, _("deelt een dossierfeit: %s"), fact_text(m, a->a));
        break;
    case CORE_ACT_PROPOSE_GOAL:
        snprintf(out, len, _("stelt een gedeeld doel voor: %s"), goal_title(m, a->a));
        break;
    case CORE_ACT_VOTE_GOAL:
        snprintf(out, len, a->b ? _("stemt voor: %s") : _("stemt tegen: %s"), goal_title(m, a->a));
        break;
    case CORE_ACT_DROP_GOAL:
        snprintf(out, len, _("stelt voor het doel los te laten: %s"), goal_title(m, a->a));
        break;
    case CORE_ACT_PROPOSE_LEAD:
        snprintf(out, len, _("stelt %s voor als trekker van ‘%s’"), seat_label(m, a->b),
                 need_title(m, a->a));
        break;
    case CORE_ACT_ACCEPT_LEAD:
        snprintf(out, len, _("wordt trekker van ‘%s’"), need_title(m, a->a));
        break;
    case CORE_ACT_ASK:
        snprintf(out, len, _("vraagt %s om hulp bij ‘%s’"), seat_label(m, a->a), need_title(m, a->b));
        break;
    case CORE_ACT_OFFER:
        snprintf(out, len, _("biedt %s hulp aan bij ‘%s’"), seat_label(m, a->a), need_title(m, a->b));
        break;
    case CORE_ACT_RESPOND: {
        char p[300];
        describe_promise(m, a->a, p, sizeof p);
        snprintf(out, len, a->b ? _("aanvaardt: %s") : _("weigert: %s"), p);
        break;
    }
    case CORE_ACT_COMMIT: snprintf(out, len, "%s", _("zet in het geheim een kaart in")); break;
    case CORE_ACT_UNCOMMIT: snprintf(out, len, "%s", _("neemt een ingezette kaart terug")); break;
    case CORE_ACT_NEW_PLAYER:
        snprintf(out, len, _("verwelkomt een nieuwe speler als %s"), seat_label(m, a->a));
        break;
    case CORE_ACT_REFLECT:
        scrub_names(m, a->text, text, sizeof text);
        if (text[0])
            snprintf(out, len, _("antwoordt op de reflectie: %s; verbeteractie: %s"),
                     reflection_option(m, m->reflection_card, a->a), text);
        else
            snprintf(out, len, _("antwoordt op de reflectie: %s"),
                     reflection_option(m, m->reflection_card, a->a));
        break;
    default: snprintf(out, len, "%s", "?"); break;
    }
}

static void describe_event(const model *m, const core_event *e, char *out, size_t len)
{
    char p[300];
    switch (e->type) {
    case CORE_EVT_GAME_STARTED: snprintf(out, len, "%s", _("het spel begint")); break;
    case CORE_EVT_PHASE:
        snprintf(out, len, _("ronde %d, fase %s"), e->b,
                 phase_label((unsigned)e->a < CORE_PHASE_COUNT ? (core_phase)e->a : CORE_PHASE_COUNT));
        break;
    case CORE_EVT_FRICTION_REVEALED:
        snprintf(out, len, _("spanning op tafel: %s (ernst %d)"), friction_title(m, e->a), e->b);
        break;
    case CORE_EVT_SCRIPTED:
        snprintf(out, len, _("gebeurtenis: %s"),
                 e->a >= 0 && e->a < m->sc->n_events ? m->sc->events[e->a].title : "?");
        break;
    case CORE_EVT_DRAW: snprintf(out, len, _("trekt %d kaarten"), e->b); break;
    case CORE_EVT_FACT_SHARED:
        snprintf(out, len, _("dossierfeit gedeeld: %s"), fact_text(m, e->a));
        break;
    case CORE_EVT_GOAL_PROPOSED:
        snprintf(out, len, e->b ? _("doel voorgesteld: %s") : _("voorstel om los te laten: %s"),
                 goal_title(m, e->a));
        break;
    case CORE_EVT_GOAL_VOTE:
        snprintf(out, len, e->b ? _("stemt voor: %s") : _("stemt tegen: %s"), goal_title(m, e->a));
        break;
    case CORE_EVT_GOAL_ADOPTED:
        snprintf(out, len, _("gedeeld doel aangenomen: %s"), goal_title(m, e->a));
        break;
    case CORE_EVT_GOAL_DROPPED:
        snprintf(out, len, _("doel losgelaten: %s"), goal_title(m, e->a));
        break;
    case CORE_EVT_LEAD_PROPOSED:
        snprintf(out, len, _("stelt %s voor als trekker van ‘%s’"), seat_label(m, e->b),
                 need_title(m, e->a));
        break;
    case CORE_EVT_LEAD_SET:
        snprintf(out, len, _("%s is trekker van ‘%s’"), seat_label(m, e->b), need_title(m, e->a));
        break;
    case CORE_EVT_PROMISE:
        snprintf(out, len, e->d ? _("biedt %s hulp aan bij ‘%s’") : _("vraagt %s om hulp bij ‘%s’"),
                 seat_label(m, e->a), need_title(m, e->b));
        break;
    case CORE_EVT_PROMISE_ANSWER:
        describe_promise(m, e->a, p, sizeof p);
        snprintf(out, len, e->b ? _("aanvaardt: %s") : _("weigert: %s"), p);
        break;
    case CORE_EVT_READY:
        snprintf(out, len, "%s", e->a ? _("is klaar") : _("is toch niet klaar"));
        break;
    case CORE_EVT_COMMITTED: snprintf(out, len, _("heeft %d kaart(en) ingezet"), e->a); break;
    case CORE_EVT_REVEAL:
        snprintf(out, len, _("speelt ‘%s’ op ‘%s’"), card_title(m, e->a),
                 e->b == 1 ? friction_title(m, e->c) : need_title(m, e->c));
        break;
    case CORE_EVT_NEED_PROGRESS:
        snprintf(out, len, _("‘%s’: +%d (nu %d van %d)"), need_title(m, e->a), e->b, e->c,
                 e->a >= 0 && e->a < m->sc->n_needs ? m->sc->needs[e->a].target : 0);
        break;
    case CORE_EVT_NEED_MET:
        snprintf(out, len, _("nood bereikt: %s"), need_title(m, e->a));
        break;
    case CORE_EVT_GRENSERVARING:
        snprintf(out, len, _("grenservaring: ‘%s’ samen aangepakt, innovatie ‘%s’ gewonnen"),
                 friction_title(m, e->a), card_title(m, e->b));
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
    case CORE_EVT_PROMISE_KEPT:
        describe_promise(m, e->a, p, sizeof p);
        snprintf(out, len, _("belofte nagekomen: %s"), p);
        break;
    case CORE_EVT_PROMISE_BROKEN:
        describe_promise(m, e->a, p, sizeof p);
        snprintf(out, len, _("belofte gebroken: %s"), p);
        break;
    case CORE_EVT_TRACKS:
        snprintf(out, len, _("welbevinden %d, draagkracht %d"), e->a, e->b);
        break;
    case CORE_EVT_REFLECTION:
        snprintf(out, len, _("reflectiekaart: %s"), reflection_question(m, e->a));
        break;
    case CORE_EVT_REFLECTED:
        snprintf(out, len, _("heeft de reflectie beantwoord: %s"),
                 reflection_option(m, m->reflection_card, e->a));
        break;
    case CORE_EVT_ROUND_END:
        snprintf(out, len, _("einde van ronde %d: samenwerkingsniveau %s"), e->a,
                 level_label((unsigned)e->b < CORE_LEVEL_COUNT ? (core_collab_level)e->b : CORE_LEVEL_COUNT));
        break;
    case CORE_EVT_GAME_END:
        snprintf(out, len, _("einde van het spel: %s; samenwerkingsniveau %s"),
                 outcome_label((core_outcome)e->a),
                 level_label((unsigned)e->b < CORE_LEVEL_COUNT ? (core_collab_level)e->b : CORE_LEVEL_COUNT));
        break;
    case CORE_EVT_GOAL_REJECTED:
        snprintf(out, len, e->b ? _("doel niet aangenomen: %s") : _("doel blijft: %s"), goal_title(m, e->a));
        break;
    case CORE_EVT_PROMISE_LAPSED:
        describe_promise(m, e->a, p, sizeof p);
        snprintf(out, len, _("vraag of aanbod niet beantwoord: %s"), p);
        break;
    default: snprintf(out, len, "%s", "?"); break;
    }
}

/* ---------------------------------------------------------------- CSV */

static void build_events_csv(model *m, sbuf *b)
{
    sb_puts(b, "seq,kind,round,phase,seat,role,name,type,details,time\r\n");
    m->promise_round = -1;
    m->reflection_card = CORE_NONE;
    char details[2 * CORE_ANSWER_LEN + 512];
    for (size_t i = 0; i < m->n_rows; i++) {
        const row *r = &m->rows[i];
        note_context(m, r);
        int seat = r->kind == ROW_ACTION ? r->act.seat : r->ev.seat;
        sb_csv_int(b, (long long)r->seq);
        sb_puts(b, r->kind == ROW_ACTION ? ",action," : ",event,");
        sb_csv_int(b, r->round);
        sb_puts(b, ",");
        sb_csv(b, phase_key(r->phase));
        sb_puts(b, ",");
        if (seat == CORE_SEAT_HOST && r->kind == ROW_ACTION) {
            sb_puts(b, "host,trainer,");
            sb_csv(b, _("trainer"));
        } else if (seat >= 0 && seat < m->sc->n_seats) {
            sb_csv_int(b, seat);
            sb_puts(b, ",");
            sb_csv(b, role_id(m, seat));
            sb_puts(b, ",");
            sb_csv(b, seat_label(m, seat));
        } else {
            sb_puts(b, ",,");
        }
        sb_puts(b, ",");
        sb_csv(b, r->kind == ROW_ACTION ? action_key(r->act.type) : event_key(r->ev.type));
        sb_puts(b, ",");
        if (r->kind == ROW_ACTION)
            describe_action(m, &r->act, details, sizeof details);
        else
            describe_event(m, &r->ev, details, sizeof details);
        sb_csv(b, details);
        sb_puts(b, ",");
        /* ISO 8601 in UTC: R's as.POSIXct and spreadsheets read it */
        char when[32] = "";
        time_t t = (time_t)r->at;
        struct tm tmv;
        if (r->at > 0 && gmtime_r(&t, &tmv))
            strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tmv);
        sb_puts(b, when);
        sb_puts(b, "\r\n");
    }
}

static uint16_t edge_weight(const model *m, int r, int i, int j)
{
    uint16_t a = m->st->edge_round[r][i][j], c = m->st->edge_round[r][j][i];
    return a > c ? a : c;
}

static void build_edges_csv(const model *m, sbuf *b)
{
    sb_puts(b, "Source,Target,Weight,Round,Type\r\n");
    for (int r = 0; r <= m->rounds; r++) {
        for (int i = 0; i < m->sc->n_seats; i++) {
            for (int j = i + 1; j < m->sc->n_seats; j++) {
                uint16_t w = edge_weight(m, r, i, j);
                if (!w)
                    continue;
                sb_csv(b, seat_label(m, i));
                sb_puts(b, ",");
                sb_csv(b, seat_label(m, j));
                sb_printf(b, ",%u,%d,Undirected\r\n", (unsigned)w, r);
            }
        }
    }
}

static void build_nodes_csv(const model *m, sbuf *b)
{
    sb_puts(b, "Id,Label,Role\r\n");
    for (int i = 0; i < m->sc->n_seats; i++) {
        sb_csv(b, seat_label(m, i));
        sb_puts(b, ",");
        sb_csv(b, seat_label(m, i));
        sb_puts(b, ",");
        sb_csv(b, role_id(m, i));
        sb_puts(b, "\r\n");
    }
}

/* --------------------------------------------------------------- HTML */

/* Okabe–Ito: distinguishable with every common colour-vision deficiency. */
static const char *palette[8] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                 "#0072B2", "#D55E00", "#CC79A7", "#555555"};

static const char *seat_colour(const model *m, int seat)
{
    int r = seat_role(m, seat);
    int c = r == CORE_NONE ? 7 : m->sc->roles[r].colour;
    if (c < 0)
        c = 7;
    return palette[c % 8];
}

/* The collaboration network: seats on a circle, line width by weight.
 * w == NULL: overall weights (sum over rounds). */
static void svg_network(const model *m, sbuf *b, int round, int size, bool labels)
{
    int n = m->sc->n_seats;
    /* Labelled graphs get room at the sides for "Name (Role)". */
    int width = labels ? size + 200 : size;
    double cx = width / 2.0, cy = size / 2.0, rad = size * (labels ? 0.36 : 0.38);
    double px[CORE_MAX_SEATS], py[CORE_MAX_SEATS];
    unsigned w[CORE_MAX_SEATS][CORE_MAX_SEATS];
    unsigned maxw = 0, deg[CORE_MAX_SEATS] = {0};
    for (int i = 0; i < n; i++) {
        double ang = -REPORT_PI / 2 + 2 * REPORT_PI * i / n;
        px[i] = cx + rad * cos(ang);
        py[i] = cy + rad * sin(ang);
        for (int j = 0; j < n; j++) {
            unsigned sum = 0;
            if (i != j) {
                if (round > 0) {
                    sum = edge_weight(m, round, i, j);
                } else {
                    for (int r = 0; r <= m->rounds; r++)
                        sum += edge_weight(m, r, i, j);
                }
            }
            w[i][j] = sum;
            deg[i] += sum;
            if (sum > maxw)
                maxw = sum;
        }
    }
    sb_printf(b,
              "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"net\" width=\"%d\" height=\"%d\" "
              "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
              width, size, width, size);
    sb_html(b, round > 0 ? _("samenwerkingsnetwerk van de ronde") : _("samenwerkingsnetwerk"));
    sb_puts(b, "\">");
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            if (!w[i][j])
                continue;
            double stroke = 1.0 + (labels ? 9.0 : 5.0) * w[i][j] / (maxw ? maxw : 1);
            sb_printf(b,
                      "<line class=\"edge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                      "stroke=\"#37474f\" stroke-opacity=\"0.55\" stroke-width=\"%.1f\">"
                      "<title>",
                      px[i], py[i], px[j], py[j], stroke);
            sb_html(b, seat_label(m, i));
            sb_puts(b, " – ");
            sb_html(b, seat_label(m, j));
            sb_printf(b, ": %u</title></line>", w[i][j]);
            if (labels) {
                sb_printf(b,
                          "<text class=\"w\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%u</text>",
                          /* a third of the way from i: labels of lines that cross
                           * in the middle (the diameters) do not pile up */
                          px[i] + (px[j] - px[i]) * 0.34, py[i] + (py[j] - py[i]) * 0.34 - 3, w[i][j]);
            }
        }
    }
    unsigned maxdeg = 1;
    for (int i = 0; i < n; i++)
        if (deg[i] > maxdeg)
            maxdeg = deg[i];
    for (int i = 0; i < n; i++) {
        double r = (labels ? 12.0 : 6.0) + (labels ? 12.0 : 5.0) * deg[i] / maxdeg;
        sb_printf(b,
                  "<circle class=\"node\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" "
                  "stroke=\"#222\" stroke-width=\"1.5\"><title>",
                  px[i], py[i], r, seat_colour(m, i));
        sb_html(b, seat_label(m, i));
        sb_puts(b, " (");
        sb_html(b, role_name(m, i));
        sb_printf(b, "): %u</title></circle>", deg[i]);
        if (labels) {
            double ly = py[i] + (py[i] >= cy ? r + 16 : -r - 7);
            sb_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", px[i], ly);
            sb_html(b, seat_label(m, i));
            if (!m->anonymize) {
                sb_puts(b, " (");
                sb_html(b, role_name(m, i));
                sb_puts(b, ")");
            }
            sb_puts(b, "</text>");
        }
    }
    sb_puts(b, "</svg>");
}

/* A small line chart of one measure over the rounds (0..1), with the
 * level's threshold as a dashed line when there is one. */
static void svg_measure_chart(const model *m, sbuf *b, const char *title, const double *vals,
                              int n, double threshold)
{
    const int W = 155, H = 120, L = 30, R = 8, T = 22, B = 22;
    double pw = W - L - R, ph = H - T - B;
    sb_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" "
                 "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
              W, H, W, H);
    sb_html(b, title);
    sb_puts(b, "\">");
    sb_printf(b, "<text x=\"%d\" y=\"14\" class=\"ct\">", L);
    sb_html(b, title);
    sb_puts(b, "</text>");
    sb_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" stroke=\"#bbb\"/>",
              L, T, pw, ph);
    for (int k = 0; k <= 2; k++) {
        double y = T + ph - ph * k / 2.0;
        char lab[16];
        fmt_num(m, k / 2.0, lab, sizeof lab);
        sb_printf(b, "<text x=\"%d\" y=\"%.1f\" class=\"ax\" text-anchor=\"end\">%s</text>", L - 3, y + 3, lab);
    }
    if (threshold > 0 && threshold < 1) {
        double y = T + ph - ph * threshold;
        sb_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#D55E00\" "
                     "stroke-dasharray=\"4 3\"/>",
                  L, y, L + pw, y);
    }
    if (n > 0) {
        double step = n > 1 ? pw / (n - 1) : 0;
        sb_puts(b, "<polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < n; i++) {
            double v = isfinite(vals[i]) ? fmin(1.0, fmax(0.0, vals[i])) : 0;
            sb_printf(b, "%.1f,%.1f ", L + (n > 1 ? step * i : pw / 2), T + ph - ph * v);
        }
        sb_puts(b, "\"/>");
        for (int i = 0; i < n; i++) {
            double v = isfinite(vals[i]) ? fmin(1.0, fmax(0.0, vals[i])) : 0;
            double x = L + (n > 1 ? step * i : pw / 2), y = T + ph - ph * v;
            char lab[16];
            fmt_num(m, vals[i], lab, sizeof lab);
            sb_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0072B2\"><title>", x, y);
            sb_printf(b, _("ronde %d: %s"), i + 1, lab);
            sb_printf(b, "</title></circle><text x=\"%.1f\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">%d</text>",
                      x, H - 6, i + 1);
        }
    }
    sb_puts(b, "</svg>");
}

static const char css[] =
    "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#1a1a1a;max-width:60em;"
    "margin:1.5em auto;padding:0 1em;line-height:1.4;font-size:11pt}"
    "h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:2px solid #0072B2;padding-bottom:.1em;"
    "margin-top:1.6em;font-size:1.3em}h3{font-size:1.05em;margin:1em 0 .3em}"
    ".meta{color:#555}.tag{display:inline-block;padding:.05em .5em;border-radius:.6em;"
    "background:#e3eef8;margin:0 .2em .2em 0;font-size:.9em}"
    ".lvl-geen{background:#eee}.lvl-coordinerend{background:#fdebc8}.lvl-cooperatief{background:#d5efe4}"
    ".lvl-verbindend{background:#cfe3f7;font-weight:bold}"
    "table{border-collapse:collapse;margin:.5em 0;font-size:.95em}"
    "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
    "th{background:#f0f4f8}.num{text-align:right}"
    ".charts,.rounds{display:flex;flex-wrap:wrap;gap:.6em}"
    ".roundnet{text-align:center;font-size:.85em}"
    ".net .lbl{font-size:13px}.net .w{font-size:11px;fill:#37474f}"
    ".chart .ct{font-size:12px;font-weight:bold}.chart .ax{font-size:10px;fill:#555}"
    "ul.timeline{margin:.2em 0 .6em;padding-left:1.2em}ul.timeline li{margin:.1em 0}"
    ".who{font-weight:bold}.warn{background:#fff3cd;border:1px solid #e0b000;padding:.5em}"
    ".card{border:1px solid #bbb;border-left:6px solid #0072B2;padding:.4em .7em;margin:.5em 0;"
    "break-inside:avoid}.why{color:#444;font-style:italic}"
    "footer{margin-top:2em;color:#666;font-size:.85em}svg{max-width:100%;height:auto}"
    "@page{size:A4;margin:15mm}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}"
    "h2{break-after:avoid}section{break-inside:auto}.card,table,svg,figure{break-inside:avoid}"
    "a{color:inherit;text-decoration:none}}";

/* Events worth a line in the printed timeline (the CSV has all of them). */
static bool timeline_event(core_event_type t)
{
    switch (t) {
    case CORE_EVT_FRICTION_REVEALED: case CORE_EVT_SCRIPTED: case CORE_EVT_FACT_SHARED:
    case CORE_EVT_GOAL_ADOPTED: case CORE_EVT_GOAL_DROPPED: case CORE_EVT_LEAD_SET:
    case CORE_EVT_PROMISE: case CORE_EVT_PROMISE_ANSWER: case CORE_EVT_REVEAL:
    case CORE_EVT_NEED_MET: case CORE_EVT_GRENSERVARING: case CORE_EVT_FRICTION_DRAIN:
    case CORE_EVT_FRICTION_ESCALATED: case CORE_EVT_PROMISE_KEPT: case CORE_EVT_PROMISE_BROKEN:
    case CORE_EVT_REFLECTION: case CORE_EVT_ROUND_END: case CORE_EVT_GAME_END:
        return true;
    default:
        return false;
    }
}

static void html_level_tag(sbuf *b, core_collab_level l)
{
    sb_printf(b, "<span class=\"tag lvl-%s\">",
              (unsigned)l < CORE_LEVEL_COUNT ? (const char *[]){"geen", "coordinerend", "cooperatief", "verbindend"}[l] : "geen");
    sb_html(b, level_label(l));
    sb_puts(b, "</span>");
}

static void html_scenario(const model *m, sbuf *b)
{
    const core_scenario *sc = m->sc;
    sb_puts(b, "<section id=\"scenario\"><h2>");
    sb_html(b, _("Scenario"));
    sb_puts(b, "</h2><p><strong>");
    sb_html(b, sc->pupil_name);
    sb_puts(b, "</strong>");
    if (sc->pupil_age > 0)
        sb_printf(b, ", %d %s", sc->pupil_age, _("jaar"));
    if (sc->pupil_class[0]) {
        sb_puts(b, ", ");
        sb_html(b, sc->pupil_class);
    }
    sb_puts(b, ". ");
    sb_html(b, sc->pupil_text);
    sb_puts(b, "</p>");
    if (sc->intro[0]) {
        sb_puts(b, "<p>");
        sb_html(b, sc->intro);
        sb_puts(b, "</p>");
    }
    sb_puts(b, "<h3>");
    sb_html(b, _("Team"));
    sb_puts(b, "</h3><table><tr><th>");
    sb_html(b, m->anonymize ? _("Plaats") : _("Naam"));
    sb_puts(b, "</th><th>");
    sb_html(b, _("Rol"));
    sb_puts(b, "</th></tr>");
    for (int i = 0; i < sc->n_seats; i++) {
        sb_printf(b, "<tr><td><span style=\"color:%s\">&#9679;</span> ", seat_colour(m, i));
        sb_html(b, seat_label(m, i));
        if (i < m->sess.n_seats && m->sess.seats[i].bot) {
            sb_puts(b, " <em>(");
            sb_html(b, _("bot"));
            sb_puts(b, ")</em>");
        }
        sb_puts(b, "</td><td>");
        sb_html(b, role_name(m, i));
        sb_puts(b, "</td></tr>");
    }
    sb_puts(b, "</table><h3>");
    sb_html(b, _("Noden van de leerling"));
    sb_puts(b, "</h3><table><tr><th>");
    sb_html(b, _("Nood"));
    sb_puts(b, "</th><th>");
    sb_html(b, _("Domein"));
    sb_puts(b, "</th><th>");
    sb_html(b, _("Voortgang"));
    sb_puts(b, "</th><th>");
    sb_html(b, _("Trekker"));
    sb_puts(b, "</th></tr>");
    for (int i = 0; i < sc->n_needs; i++) {
        sb_puts(b, "<tr><td>");
        sb_html(b, sc->needs[i].title);
        sb_puts(b, "</td><td>");
        sb_html(b, sc->needs[i].domain);
        sb_printf(b, "</td><td class=\"num\">%d / %d%s</td><td>", m->st->need_progress[i],
                  sc->needs[i].target, m->st->need_met[i] ? " &#10003;" : "");
        sb_html(b, m->st->need_lead[i] >= 0 ? seat_label(m, m->st->need_lead[i]) : "–");
        sb_puts(b, "</td></tr>");
    }
    sb_puts(b, "</table></section>");
}

static void html_outcome(const model *m, sbuf *b, const core_measures *overall,
                         const core_measures *per_round)
{
    int met = 0;
    for (int i = 0; i < m->sc->n_needs; i++)
        met += m->st->need_met[i];
    sb_puts(b, "<section id=\"uitkomst\"><h2>");
    sb_html(b, _("Uitkomst"));
    sb_puts(b, "</h2><p><strong>");
    /* A session the host closed before the rules ended it (restart, new
     * level) was stopped, not "still running". */
    sb_html(b, m->st->outcome == CORE_OUTCOME_ONGOING && m->sess.finished
                   ? _("gestopt voor het einde van het spel")
                   : outcome_label(m->st->outcome));
    sb_puts(b, "</strong></p><ul><li>");
    sb_printf(b, _("%d van %d noden bereikt"), met, m->sc->n_needs);
    sb_puts(b, "</li><li>");
    sb_printf(b, _("welbevinden %d, draagkracht %d"), m->st->welbevinden, m->st->draagkracht);
    sb_puts(b, "</li><li>");
    sb_printf(b, _("%d rondes gespeeld, %d acties"), m->rounds, (int)m->n_actions);
    sb_puts(b, "</li></ul><p>");
    sb_html(b, _("Samenwerkingsniveau over het hele spel:"));
    sb_puts(b, " ");
    html_level_tag(b, overall->level);
    sb_puts(b, "</p><p>");
    sb_html(b, _("Per ronde:"));
    sb_puts(b, " ");
    for (int r = 1; r <= m->rounds; r++) {
        sb_printf(b, "%d&#160;", r);
        html_level_tag(b, per_round[r].level);
    }
    sb_puts(b, "</p></section>");
}

static void html_network(const model *m, sbuf *b, const core_measures *overall,
                         const core_measures *per_round)
{
    char v[4][16];
    sb_puts(b, "<section id=\"netwerk\"><h2>");
    sb_html(b, _("Samenwerkingsnetwerk"));
    sb_puts(b, "</h2><p>");
    sb_html(b, _("Een lijn verbindt twee spelers telkens ze samen aan dezelfde nood of spanning "
                 "werkten, elkaar om hulp vroegen en antwoordden, of een gedeeld dossierfeit "
                 "gebruikten. Hoe dikker de lijn, hoe vaker."));
    sb_puts(b, "</p><figure>");
    svg_network(m, b, 0, 420, true);
    sb_puts(b, "</figure>");
    fmt_num(m, overall->density, v[0], sizeof v[0]);
    fmt_num(m, overall->centrality, v[1], sizeof v[1]);
    fmt_num(m, overall->diversity, v[2], sizeof v[2]);
    fmt_num(m, overall->goal_directedness, v[3], sizeof v[3]);
    sb_puts(b, "<table><tr><th>");
    sb_html(b, _("Densiteit"));
    sb_puts(b, "</th><th>");
    sb_html(b, _("Centraliteit"));
    sb_puts(b, "</th><th>");
    sb_html(b, _("Diversiteit"));
    sb_puts(b, "</th><th>");
    sb_html(b, _("Doelgerichtheid"));
    sb_printf(b, "</th></tr><tr><td class=\"num\">%s</td><td class=\"num\">%s</td>"
                 "<td class=\"num\">%s</td><td class=\"num\">%s</td></tr></table>",
              v[0], v[1], v[2], v[3]);
    if (overall->centrality > m->sc->rules.centrality_alarm && m->sc->rules.centrality_alarm > 0) {
        sb_puts(b, "<p class=\"warn\">");
        sb_html(b, _("Alles via één persoon: één persoon stond centraal in het netwerk. "
                     "Wie had er ook iets kunnen bijdragen?"));
        sb_puts(b, "</p>");
    }

    sb_puts(b, "<h3>");
    sb_html(b, _("Vier netwerkparameters per ronde"));
    sb_puts(b, "</h3><div class=\"charts\">");
    double vals[4][CORE_MAX_ROUNDS];
    for (int r = 1; r <= m->rounds; r++) {
        vals[0][r - 1] = per_round[r].density;
        vals[1][r - 1] = per_round[r].centrality;
        vals[2][r - 1] = per_round[r].diversity;
        vals[3][r - 1] = per_round[r].goal_directedness;
    }
    const core_rules *ru = &m->sc->rules;
    svg_measure_chart(m, b, _("Densiteit"), vals[0], m->rounds, ru->density_low);
    svg_measure_chart(m, b, _("Centraliteit"), vals[1], m->rounds, ru->centrality_alarm);
    svg_measure_chart(m, b, _("Diversiteit"), vals[2], m->rounds, ru->diversity_low);
    svg_measure_chart(m, b, _("Doelgerichtheid"), vals[3], m->rounds, 0);
    sb_puts(b, "</div><p class=\"meta\">");
    sb_html(b, _("Gestreepte lijn: de drempel van het level (alarm of ‘laag’)."));
    sb_puts(b, "</p><h3>");
    sb_html(b, _("Netwerk per ronde"));
    sb_puts(b, "</h3><div class=\"rounds\">");
    for (int r = 1; r <= m->rounds; r++) {
        sb_puts(b, "<div class=\"roundnet\">");
        svg_network(m, b, r, 130, false);
        sb_puts(b, "<br/>");
        sb_printf(b, _("ronde %d"), r);
        sb_puts(b, "</div>");
    }
    sb_puts(b, "</div></section>");
}

static void html_timeline(model *m, sbuf *b)
{
    sb_puts(b, "<section id=\"tijdlijn\"><h2>");
    sb_html(b, _("Wat gebeurde er? Tijdlijn per ronde"));
    sb_puts(b, "</h2>");
    int open_round = -1;
    m->promise_round = -1;
    m->reflection_card = CORE_NONE;
    char text[2 * CORE_ANSWER_LEN + 512];
    for (size_t i = 0; i < m->n_rows; i++) {
        const row *r = &m->rows[i];
        note_context(m, r);
        if (r->kind != ROW_EVENT || !timeline_event(r->ev.type))
            continue;
        if (r->round != open_round) {
            if (open_round >= 0)
                sb_puts(b, "</ul>");
            sb_puts(b, "<h3>");
            if (r->round == 0)
                sb_html(b, _("Voor de eerste ronde"));
            else
                sb_printf(b, _("Ronde %d"), r->round);
            sb_puts(b, "</h3><ul class=\"timeline\">");
            open_round = r->round;
        }
        describe_event(m, &r->ev, text, sizeof text);
        sb_puts(b, "<li>");
        if (r->ev.seat >= 0 && r->ev.seat < m->sc->n_seats) {
            sb_puts(b, "<span class=\"who\">");
            sb_html(b, seat_label(m, r->ev.seat));
            sb_puts(b, "</span> ");
        }
        sb_html(b, text);
        sb_puts(b, " <span class=\"meta\">(");
        sb_html(b, phase_label(r->phase));
        sb_puts(b, ")</span></li>");
    }
    if (open_round >= 0)
        sb_puts(b, "</ul>");
    else {
        sb_puts(b, "<p>");
        sb_html(b, _("Er is nog niets gebeurd in deze sessie."));
        sb_puts(b, "</p>");
    }
    sb_puts(b, "</section>");
}

static void html_frictions(const model *m, sbuf *b)
{
    sb_puts(b, "<section id=\"spanningen\"><h2>");
    sb_html(b, _("Spanningen en grenservaringen"));
    sb_puts(b, "</h2>");
    bool any = false;
    char text[512];
    for (int f = 0; f < m->sc->n_frictions; f++) {
        int revealed = 0, won = 0, drained = 0, worst = 0;
        uint32_t tacklers = 0;
        for (size_t i = 0; i < m->n_rows; i++) {
            const row *r = &m->rows[i];
            if (r->kind != ROW_EVENT)
                continue;
            const core_event *e = &r->ev;
            if (e->type == CORE_EVT_FRICTION_REVEALED && e->a == f && !revealed)
                revealed = r->round ? r->round : 1;
            if (e->type == CORE_EVT_GRENSERVARING && e->a == f)
                won = r->round ? r->round : 1;
            if (e->type == CORE_EVT_FRICTION_DRAIN && e->a == f)
                drained += e->b;
            if ((e->type == CORE_EVT_FRICTION_REVEALED || e->type == CORE_EVT_FRICTION_ESCALATED) &&
                e->a == f && e->b > worst)
                worst = e->b;
            if (e->type == CORE_EVT_REVEAL && e->b == 1 && e->c == f && e->seat >= 0 &&
                e->seat < CORE_MAX_SEATS)
                tacklers |= 1u << e->seat;
        }
        if (!revealed)
            continue;
        any = true;
        sb_puts(b, "<div class=\"card\"><strong>");
        sb_html(b, m->sc->frictions[f].title);
        sb_puts(b, "</strong> <span class=\"meta\">");
        sb_printf(b, _("(op tafel in ronde %d, ernst tot %d)"), revealed, worst);
        sb_puts(b, "</span><br/>");
        sb_html(b, m->sc->frictions[f].text);
        sb_puts(b, "<br/>");
        if (won) {
            snprintf(text, sizeof text, _("Grenservaring in ronde %d: samen aangepakt, innovatie ‘%s’."),
                     won, card_title(m, m->sc->frictions[f].innovation_card));
            sb_puts(b, "<strong>");
            sb_html(b, text);
            sb_puts(b, "</strong>");
        } else if (drained) {
            snprintf(text, sizeof text, _("Niet samen aangepakt: kostte in totaal %d punten."), drained);
            sb_html(b, text);
        } else {
            sb_html(b, _("Nog niet opgelost."));
        }
        if (tacklers) {
            sb_puts(b, " ");
            sb_html(b, _("Alleen geprobeerd door:"));
            for (int s = 0; s < m->sc->n_seats; s++) {
                if (tacklers & (1u << s)) {
                    sb_puts(b, " <span class=\"tag\">");
                    sb_html(b, seat_label(m, s));
                    sb_puts(b, "</span>");
                }
            }
        }
        sb_puts(b, "</div>");
    }
    if (!any) {
        sb_puts(b, "<p>");
        sb_html(b, _("Er kwamen geen spanningen op tafel."));
        sb_puts(b, "</p>");
    }
    sb_puts(b, "</section>");
}

static void html_reflections(const model *m, sbuf *b)
{
    sb_puts(b, "<section id=\"reflectie\"><h2>");
    sb_html(b, _("Reflecties en verbeteracties"));
    sb_puts(b, "</h2>");
    int card = CORE_NONE, card_round = -1;
    bool any = false, list_open = false;
    char text[2 * CORE_ANSWER_LEN + 256];
    for (size_t i = 0; i < m->n_rows; i++) {
        const row *r = &m->rows[i];
        if (r->kind == ROW_EVENT && r->ev.type == CORE_EVT_REFLECTION) {
            card = r->ev.a;
            card_round = r->round;
            if (list_open)
                sb_puts(b, "</ul>");
            list_open = false;
            sb_puts(b, "<h3>");
            sb_printf(b, _("Ronde %d"), r->round);
            sb_puts(b, ": ");
            sb_html(b, reflection_question(m, card));
            sb_puts(b, "</h3>");
        }
        if (r->kind == ROW_ACTION && r->act.type == CORE_ACT_REFLECT && r->round == card_round) {
            if (!list_open)
                sb_puts(b, "<ul>");
            list_open = true;
            any = true;
            sb_puts(b, "<li><span class=\"who\">");
            sb_html(b, seat_label(m, r->act.seat));
            sb_puts(b, "</span>: ");
            sb_html(b, reflection_option(m, card, r->act.a));
            scrub_names(m, r->act.text, text, sizeof text);
            if (text[0]) {
                sb_puts(b, "<br/><em>");
                sb_html(b, _("Verbeteractie:"));
                sb_puts(b, "</em> ");
                sb_html(b, text);
            }
            sb_puts(b, "</li>");
        }
    }
    if (list_open)
        sb_puts(b, "</ul>");
    if (!any) {
        sb_puts(b, "<p>");
        sb_html(b, _("Er werden geen reflecties beantwoord."));
        sb_puts(b, "</p>");
    }
    sb_puts(b, "</section>");
}

/* English reasons, from the tag and the measures (core writes Dutch ones). */
static void fan_reason(const model *m, const core_fan_pick *p, const core_measures *per_round,
                       const core_measures *overall, char *out, size_t len)
{
    if (!m->en) {
        snprintf(out, len, "%s", p->reason);
        return;
    }
    /* An absent pick stands for a signal that never showed: the tag-based
     * English sentences below would state it as if it happened. */
    if (p->absent) {
        snprintf(out, len, "%s", _("geen signaal voor deze bouwsteen in dit spel: de kaart vraagt wat er ontbrak"));
        return;
    }
    const core_measures *mm = p->round >= 1 && p->round <= m->rounds ? &per_round[p->round] : overall;
    char v[16];
    char where[64];
    if (p->round >= 1)
        snprintf(where, sizeof where, _("in ronde %d"), p->round);
    else
        snprintf(where, sizeof where, "%s", _("over het hele spel"));
    switch (p->tag) {
    case CORE_EV_TAG_CENTRAAL_NETWERK:
        fmt_num(m, mm->centrality, v, sizeof v);
        snprintf(out, len, _("centraliteit was %s %s"), v, where);
        break;
    case CORE_EV_TAG_LAGE_DIVERSITEIT:
        fmt_num(m, mm->diversity, v, sizeof v);
        snprintf(out, len, _("diversiteit was %s %s"), v, where);
        break;
    case CORE_EV_TAG_LAGE_DENSITEIT:
        fmt_num(m, mm->density, v, sizeof v);
        snprintf(out, len, _("densiteit was %s %s"), v, where);
        break;
    case CORE_EV_TAG_GEEN_GEDEELD_DOEL:
        snprintf(out, len, _("er was geen gedeeld doel %s"), where);
        break;
    case CORE_EV_TAG_SPANNING_GENEGEERD:
        snprintf(out, len, _("een spanning werd genegeerd %s"), where);
        break;
    case CORE_EV_TAG_GRENSERVARING:
        snprintf(out, len, _("een spanning werd samen een grenservaring %s"), where);
        break;
    case CORE_EV_TAG_WEINIG_VRAGEN:
        snprintf(out, len, _("er werd weinig om hulp gevraagd of hulp aangeboden (%d) %s"),
                 mm->asks_offers, where);
        break;
    case CORE_EV_TAG_GEBROKEN_BELOFTE:
        snprintf(out, len, _("%d beloofde hulp kwam er niet %s"), mm->promises_broken, where);
        break;
    case CORE_EV_TAG_NIET_REFLECTIEF:
        snprintf(out, len, _("niet iedereen beantwoordde de reflectie %s"), where);
        break;
    case CORE_EV_TAG_DOSSIER_ONGEDEELD:
        snprintf(out, len, _("een nood bleef in het duister %s"), where);
        break;
    case CORE_EV_TAG_ROL_AFWEZIG:
        snprintf(out, len, _("iemand droeg niets bij %s"), where);
        break;
    case CORE_EV_TAG_ERVARINGSKENNIS_ONBENUT:
        snprintf(out, len, _("ervaringskennis werd niet gebruikt %s"), where);
        break;
    case CORE_EV_TAG_GEEN_TREKKER:
        snprintf(out, len, _("een nood had geen trekker %s"), where);
        break;
    case CORE_EV_TAG_SAMEN_GEWERKT:
        snprintf(out, len, _("%d gezamenlijke bijdragen %s"), mm->joint_contributions, where);
        break;
    default:
        snprintf(out, len, _("bewijs ‘%s’ %s"), core_evidence_name(p->tag), where);
        break;
    }
}

static void html_fan(const model *m, sbuf *b, const core_measures *per_round,
                     const core_measures *overall)
{
    sb_puts(b, "<section id=\"waaier\"><h2>");
    sb_html(b, _("Reflectiewaaier: vragen voor de nabespreking"));
    sb_puts(b, "</h2>");
    core_fan_pick picks[CORE_MAX_REFLECTIONS];
    int n = core_fan_pick_cards(m->st, picks, CORE_MAX_REFLECTIONS);
    if (n <= 0) {
        sb_puts(b, "<p>");
        sb_html(b, _("Het spel leverde geen bewijs op dat bij een kaart van de reflectiewaaier past."));
        sb_puts(b, "</p>");
    }
    char why[CORE_TEXT_LEN + 64];
    for (int i = 0; i < n && i < CORE_MAX_REFLECTIONS; i++) {
        int c = picks[i].reflection;
        if (c < 0 || c >= m->sc->n_reflections)
            continue;
        const core_reflection_def *r = &m->sc->reflections[c];
        sb_puts(b, "<div class=\"card\"><span class=\"tag\">");
        sb_html(b, block_label(r->block));
        sb_puts(b, "</span> <strong>");
        sb_html(b, r->question);
        sb_puts(b, "</strong><br/><span class=\"why\">");
        fan_reason(m, &picks[i], per_round, overall, why, sizeof why);
        sb_html(b, _("Gekozen omdat"));
        sb_puts(b, " ");
        sb_html(b, why);
        sb_puts(b, "</span></div>");
    }
    sb_puts(b, "</section>");
}

static void build_html(model *m, sbuf *b)
{
    core_measures overall;
    core_measures per_round[CORE_MAX_ROUNDS + 1];
    memset(per_round, 0, sizeof per_round);
    core_measures_compute(m->st, 0, &overall);
    for (int r = 1; r <= m->rounds; r++)
        core_measures_compute(m->st, r, &per_round[r]);

    sb_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"/>"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>",
              m->en ? "en" : "nl");
    sb_html(b, _("Samenspel – verslag"));
    sb_puts(b, ": ");
    sb_html(b, m->sc->title);
    sb_puts(b, "</title><style>");
    sb_puts(b, css);
    sb_puts(b, "</style></head><body><header><h1>");
    sb_html(b, m->sc->title);
    sb_puts(b, "</h1><p class=\"meta\">");
    char when[64] = "";
    time_t t = (time_t)m->sess.created_at;
    struct tm tmv;
    if (localtime_r(&t, &tmv))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tmv);
    char line[400];
    const char *base = strrchr(m->sess.level_path, '/');
    snprintf(line, sizeof line, _("Samenspel-sessie %lld, gespeeld op %s, level %s, %d spelers."),
             (long long)m->sess.id, when, base ? base + 1 : m->sess.level_path, m->sc->n_seats);
    sb_html(b, line);
    sb_puts(b, "</p></header>");
    if (m->replay_stop_seq) {
        snprintf(line, sizeof line,
                 _("Let op: het journaal kon maar tot actie %llu opnieuw afgespeeld worden (%s). "
                   "Dit verslag toont het spel tot daar."),
                 (unsigned long long)m->replay_stop_seq, m->replay_stop_why);
        sb_puts(b, "<p class=\"warn\">");
        sb_html(b, line);
        sb_puts(b, "</p>");
    } else if (m->hash_checked && !m->hash_ok) {
        sb_puts(b, "<p class=\"warn\">");
        sb_html(b, _("Let op: het opnieuw afgespeelde spel wijkt af van het bewaarde eindresultaat "
                     "(andere versie van Samenspel?)."));
        sb_puts(b, "</p>");
    } else if (!m->sess.finished) {
        sb_puts(b, "<p class=\"warn\">");
        sb_html(b, _("Deze sessie is niet afgelopen; het verslag toont de stand tot de laatste actie."));
        sb_puts(b, "</p>");
    }
    html_outcome(m, b, &overall, per_round);
    html_scenario(m, b);
    html_network(m, b, &overall, per_round);
    html_timeline(m, b);
    html_frictions(m, b);
    html_reflections(m, b);
    html_fan(m, b, per_round, &overall);
    sb_puts(b, "<footer>");
    snprintf(line, sizeof line, _("Gemaakt door Samenspel %s. De volledige gegevens staan in "
                                  "events.csv, edges.csv en nodes.csv naast dit bestand."),
             SAMENSPEL_VERSION);
    sb_html(b, line);
    if (m->hash_checked && m->hash_ok) {
        sb_puts(b, " ");
        sb_html(b, _("Het opnieuw afgespeelde spel is identiek aan het bewaarde eindresultaat."));
    }
    sb_puts(b, "</footer></body></html>\n");
}

/* ------------------------------------------------------------- export */

/* Writes through a temporary file and a rename, so that a reader never
 * sees half a report and an old report is replaced whole or not at all. */
static bool write_file(const char *dir, const char *name, const sbuf *b, char *err, size_t err_len)
{
    char path[PLAT_PATH_MAX], tmp[PLAT_PATH_MAX + 8];
    int n = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        set_err(err, err_len, _("Het pad van de uitvoermap is te lang: %s"), dir);
        return false;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        set_err(err, err_len, _("Kan %s niet schrijven: %s"), tmp, strerror(errno));
        return false;
    }
    bool ok = b->n == 0 || fwrite(b->p, 1, b->n, f) == b->n;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        set_err(err, err_len, _("Kan %s niet schrijven: %s"), path, strerror(errno));
        remove(tmp);
        return false;
    }
    return true;
}

bool report_default_dir(int64_t session, char *out, size_t len, char *err, size_t err_len)
{
    char base[PLAT_PATH_MAX];
    if (!plat_user_data_dir(base, sizeof base)) {
        set_err(err, err_len, _("Kan de gegevensmap niet vinden; kies een map met --out."));
        return false;
    }
    int n = snprintf(out, len, "%s/verslagen/sessie-%lld", base, (long long)session);
    if (n < 0 || (size_t)n >= len) {
        set_err(err, err_len, _("Het pad van de uitvoermap is te lang: %s"), base);
        return false;
    }
    return true;
}

bool report_export(store *db, int64_t session, const char *dir, bool anonymize,
                   char *err, size_t err_len)
{
    if (!db || !dir || !dir[0]) {
        set_err(err, err_len, _("Geen database of uitvoermap opgegeven."));
        return false;
    }
    bool ok = false;
    model *m = calloc(1, sizeof *m);
    core_scenario *sc = calloc(1, sizeof *sc);
    core_state *st = calloc(1, sizeof *st);
    lvl_diags *diags = calloc(1, sizeof *diags);
    core_action *acts = NULL;
    uint64_t *seqs = NULL;
    int64_t *times = NULL;
    size_t n_acts = 0, n_times = 0;
    sbuf out = {0};
    if (!m || !sc || !st || !diags) {
        set_err(err, err_len, _("Onvoldoende geheugen."));
        goto done;
    }
    m->sc = sc;
    m->st = st;
    m->anonymize = anonymize;
    m->en = strcmp(plat_i18n_lang(), "en") == 0;
    if (!store_session_get(db, session, &m->sess, err, err_len) ||
        !store_load_actions(db, session, &acts, &seqs, &n_acts, err, err_len) ||
        !store_load_action_times(db, session, &times, &n_times, err, err_len))
        goto done;
    /* the game as it was played: the journaled level and roles texts, not
     * the files as they are today */
    char serr[512];
    if (!store_session_scenario(db, session, sc, diags, serr, sizeof serr)) {
        set_err(err, err_len, _("Het bewaarde level van sessie %lld kan niet meer gelezen worden: %s"),
                (long long)session, serr);
        goto done;
    }
    /* Times are a courtesy: a count that does not match (rows added in
     * between) just leaves them out. */
    if (!replay(m, acts, seqs, n_times == n_acts ? times : NULL, n_acts, err, err_len))
        goto done;
    make_labels(m);
    if (!plat_mkdirs(dir, 0755)) {
        set_err(err, err_len, _("Kan de uitvoermap %s niet aanmaken."), dir);
        goto done;
    }
    build_events_csv(m, &out);
    if (out.failed || !write_file(dir, "events.csv", &out, err, err_len))
        goto memfail;
    out.n = 0;
    build_edges_csv(m, &out);
    if (out.failed || !write_file(dir, "edges.csv", &out, err, err_len))
        goto memfail;
    out.n = 0;
    build_nodes_csv(m, &out);
    if (out.failed || !write_file(dir, "nodes.csv", &out, err, err_len))
        goto memfail;
    out.n = 0;
    build_html(m, &out);
    if (out.failed || !write_file(dir, "report.html", &out, err, err_len))
        goto memfail;
    ok = true;
    goto done;
memfail:
    if (out.failed)
        set_err(err, err_len, _("Onvoldoende geheugen."));
done:
    free(out.p);
    if (m)
        free(m->rows);
    free(m);
    free(sc);
    free(st);
    free(diags);
    free(acts);
    free(seqs);
    free(times);
    return ok;
}

bool report_export_db(const char *db_path, int64_t session, const char *dir, bool anonymize,
                      char *err, size_t err_len)
{
    char path[STORE_PATH_LEN];
    if (!db_path || !db_path[0]) {
        if (!store_default_path(path, sizeof path, err, err_len))
            return false;
        db_path = path;
    }
    store *db = store_open(db_path, false, err, err_len);
    if (!db)
        return false;
    bool ok = report_export(db, session, dir, anonymize, err, err_len);
    store_close(db);
    return ok;
}
