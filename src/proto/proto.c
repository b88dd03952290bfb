/*
 * proto: one serializer per struct that both writes and reads (the io knows
 * the direction), so encoder and decoder can never disagree about a layout.
 * Integers are big-endian. See PROTOCOL.md for the byte layouts.
 */
#include "proto/proto.h"
#include "proto/proto_int.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------ primitives */

void proto_writer(proto_io *io, uint8_t *buf, size_t cap)
{
    memset(io, 0, sizeof *io);
    io->wbuf = buf;
    io->cap = cap;
}

void proto_reader(proto_io *io, const uint8_t *buf, size_t len)
{
    memset(io, 0, sizeof *io);
    io->rbuf = buf;
    io->cap = len;
    io->reading = true;
}

static void fail(proto_io *io, const char *why)
{
    if (!io->bad) {
        io->bad = true;
        io->why = why;
    }
}

bool proto_done(proto_io *io)
{
    if (!io->bad && io->reading && io->pos != io->cap)
        fail(io, "trailing bytes after the message");
    return !io->bad;
}

static bool room(proto_io *io, size_t n)
{
    if (io->bad)
        return false;
    if (io->cap - io->pos < n) {
        fail(io, io->reading ? "message truncated" : "message too large for the buffer");
        return false;
    }
    return true;
}

static void io_raw(proto_io *io, void *data, size_t n)
{
    if (!room(io, n))
        return;
    if (io->reading)
        memcpy(data, io->rbuf + io->pos, n);
    else
        memcpy(io->wbuf + io->pos, data, n);
    io->pos += n;
}

static void io_u8(proto_io *io, uint8_t *v)
{
    io_raw(io, v, 1);
}

static void io_u16(proto_io *io, uint16_t *v)
{
    uint8_t b[2];
    if (!io->reading) {
        b[0] = (uint8_t)(*v >> 8);
        b[1] = (uint8_t)*v;
    }
    io_raw(io, b, 2);
    if (io->reading && !io->bad)
        *v = (uint16_t)((unsigned)b[0] << 8 | b[1]);
}

static void io_u32(proto_io *io, uint32_t *v)
{
    uint8_t b[4];
    if (!io->reading)
        for (int i = 0; i < 4; i++)
            b[i] = (uint8_t)(*v >> (24 - 8 * i));
    io_raw(io, b, 4);
    if (io->reading && !io->bad)
        *v = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void io_u64(proto_io *io, uint64_t *v)
{
    uint32_t hi = (uint32_t)(*v >> 32), lo = (uint32_t)*v;
    io_u32(io, &hi);
    io_u32(io, &lo);
    if (io->reading && !io->bad)
        *v = (uint64_t)hi << 32 | lo;
}

/* A signed integer that must lie in [lo, hi], sent as i8, i16 or i32
 * depending on the range (both sides derive the width from the range). */
static void io_int(proto_io *io, int *v, int lo, int hi)
{
    if (!io->reading && (*v < lo || *v > hi)) {
        fail(io, "value out of range (sender)");
        return;
    }
    if (lo >= -128 && hi <= 127) {
        uint8_t b = (uint8_t)(int8_t)(io->reading ? 0 : *v);
        io_u8(io, &b);
        if (io->reading && !io->bad)
            *v = (int8_t)b;
    } else if (lo >= -32768 && hi <= 32767) {
        uint16_t b = (uint16_t)(int16_t)(io->reading ? 0 : *v);
        io_u16(io, &b);
        if (io->reading && !io->bad)
            *v = (int16_t)b;
    } else {
        uint32_t b = (uint32_t)(int32_t)(io->reading ? 0 : *v);
        io_u32(io, &b);
        if (io->reading && !io->bad)
            *v = (int32_t)b;
    }
    if (io->reading && !io->bad && (*v < lo || *v > hi)) {
        fail(io, "value out of range");
        *v = lo;
    }
}

/* The enum's type is named so the read value converts without warnings. */
#define IO_ENUM(io, field, type, count)    \
    do {                                   \
        int t_ = (int)(field);             \
        io_int((io), &t_, 0, (count) - 1); \
        (field) = (type)t_;                \
    } while (0)

static void io_bool(proto_io *io, bool *v)
{
    uint8_t b = (uint8_t)(io->reading ? 0 : (*v ? 1 : 0));
    io_u8(io, &b);
    if (io->reading && !io->bad) {
        if (b > 1)
            fail(io, "boolean is not 0 or 1");
        *v = b == 1;
    }
}

static void io_u32bits(proto_io *io, uint32_t *v, int nbits)
{
    io_u32(io, v);
    if (io->reading && !io->bad && nbits < 32 && (*v >> nbits) != 0)
        fail(io, "bit set outside the allowed range");
}

static void io_double(proto_io *io, double *v)
{
    uint64_t bits = 0;
    if (!io->reading)
        memcpy(&bits, v, sizeof bits);
    io_u64(io, &bits);
    if (io->reading && !io->bad) {
        double d;
        memcpy(&d, &bits, sizeof d);
        if (!isfinite(d)) {
            fail(io, "number is not finite");
            d = 0;
        }
        *v = d;
    }
}

/* u16 length + bytes; the string must fit cap with its NUL and contain no
 * NUL byte. */
static void io_str(proto_io *io, char *s, size_t cap)
{
    uint16_t n = 0;
    if (!io->reading) {
        size_t len = strnlen(s, cap);
        if (len >= cap || len > 0xFFFF) {
            fail(io, "string not terminated (sender)");
            return;
        }
        n = (uint16_t)len;
    }
    io_u16(io, &n);
    if (io->bad)
        return;
    if (io->reading) {
        if ((size_t)n >= cap) {
            fail(io, "string longer than its field");
            return;
        }
        if (!room(io, n))
            return;
        if (memchr(io->rbuf + io->pos, 0, n)) {
            fail(io, "string contains a NUL byte");
            return;
        }
        memcpy(s, io->rbuf + io->pos, n);
        s[n] = '\0';
        io->pos += n;
    } else {
        io_raw(io, s, n);
    }
}

/* A count that fills an array: at most max, and n * min_bytes must not be
 * more than what is left (a liar cannot make us loop for nothing). */
static void io_count(proto_io *io, int *n, int max, size_t min_bytes)
{
    io_int(io, n, 0, max);
    if (io->reading && !io->bad && (size_t)*n * min_bytes > io->cap - io->pos) {
        fail(io, "count larger than the bytes that follow");
        *n = 0;
    }
    if (io->bad)
        *n = 0;
}

/* An index into an array of at most max entries, or -1. */
static void io_idx(proto_io *io, int *v, int max)
{
    io_int(io, v, -1, max - 1);
}

/* ------------------------------------------------------------- scenario */

/* A count of at most max, then that many strings of a char[][len] array. */
static void io_strs(proto_io *io, int *n, char *first, size_t len, int max)
{
    io_count(io, n, max, 2);
    for (int i = 0; i < *n; i++)
        io_str(io, first + (size_t)i * len, len);
}

#define IO_STRS(io, n, arr, max) io_strs((io), &(n), (arr)[0], sizeof(arr)[0], (max))

/* The id, title and text that cards, needs, frictions and goals all open
 * with (a macro: the four structs are different types). */
#define IO_LABELS(io, d)                            \
    do {                                            \
        io_str((io), (d)->id, sizeof (d)->id);       \
        io_str((io), (d)->title, sizeof (d)->title); \
        io_str((io), (d)->text, sizeof (d)->text);   \
    } while (0)

/* The wire carries every rule number in CORE_RULE_NUMBERS's order (only
 * ever appended to: protocol 4 added the overleg and trust rows). */
static void ser_rule_int(proto_io *io, int *v)
{
    io_int(io, v, -100000, 100000);
}

static void ser_rule_double(proto_io *io, double *v)
{
    io_double(io, v);
}

static void ser_rules(proto_io *io, core_rules *r)
{
#define SER_RULE_(type, field, block, key, def, lo, hi) ser_rule_##type(io, &r->field);
    CORE_RULE_NUMBERS(SER_RULE_)
#undef SER_RULE_
}

static void ser_card(proto_io *io, core_card_def *c)
{
    IO_LABELS(io, c);
    IO_ENUM(io, c->type, core_card_type, 3);
    io_idx(io, &c->role, CORE_MAX_ROLES);
    io_str(io, c->domain, sizeof c->domain);
    IO_ENUM(io, c->kind, core_knowledge_kind, CORE_KIND_COUNT);
    io_int(io, &c->strength, -1000, 1000);
    io_int(io, &c->boost, -1000, 1000);
    io_bool(io, &c->pupil_voice); /* protocol 4 */
}

static void ser_role(proto_io *io, core_role_def *r)
{
    io_str(io, r->id, sizeof r->id);
    io_str(io, r->name, sizeof r->name);
    io_str(io, r->description, sizeof r->description);
    IO_STRS(io, r->n_domains, r->domains, CORE_MAX_DOMAINS);
    IO_STRS(io, r->n_skills, r->skills, CORE_MAX_SKILLS);
    io_str(io, r->limits_text, sizeof r->limits_text);
    IO_STRS(io, r->n_limit_domains, r->limit_domains, CORE_MAX_DOMAINS);
    io_count(io, &r->deck_size, CORE_MAX_DECK, 1);
    for (int i = 0; i < r->deck_size; i++)
        io_int(io, &r->deck[i], 0, CORE_MAX_CARDS - 1);
    io_int(io, &r->colour, 0, 255);
    /* protocol 4: who gives consent, who is the pupil, who may set up an overlegmoment */
    io_bool(io, &r->pupil);
    io_bool(io, &r->guardian);
    io_bool(io, &r->organizer);
}

/* What a scripted event does: sent only once its round has come, so the
 * level's surprises stay surprises. */
static void ser_event_content(proto_io *io, core_scripted_event *e)
{
    io_str(io, e->title, sizeof e->title);
    io_str(io, e->text, sizeof e->text);
    io_int(io, &e->welbevinden_delta, -1000, 1000);
    io_int(io, &e->draagkracht_delta, -1000, 1000);
    io_idx(io, &e->need, CORE_MAX_NEEDS);
    io_int(io, &e->need_delta, -1000, 1000);
}

static void ser_scenario(proto_io *io, core_scenario *sc, uint64_t fact_text_mask, uint32_t event_mask)
{
    io_str(io, sc->id, sizeof sc->id);
    io_str(io, sc->title, sizeof sc->title);
    io_str(io, sc->intro, sizeof sc->intro);
    io_int(io, &sc->version, 0, 1000);
    io_str(io, sc->pupil_name, sizeof sc->pupil_name);
    io_int(io, &sc->pupil_age, 0, 200);
    io_str(io, sc->pupil_class, sizeof sc->pupil_class);
    io_str(io, sc->pupil_text, sizeof sc->pupil_text);
    ser_rules(io, &sc->rules);

    io_count(io, &sc->n_roles, CORE_MAX_ROLES, 8);
    for (int i = 0; i < sc->n_roles; i++)
        ser_role(io, &sc->roles[i]);
    io_count(io, &sc->n_seats, CORE_MAX_SEATS, 1);
    for (int i = 0; i < sc->n_seats; i++)
        io_int(io, &sc->seat_roles[i], 0, CORE_MAX_ROLES - 1);

    io_count(io, &sc->n_cards, CORE_MAX_CARDS, 12);
    for (int i = 0; i < sc->n_cards; i++)
        ser_card(io, &sc->cards[i]);

    io_count(io, &sc->n_needs, CORE_MAX_NEEDS, 8);
    for (int i = 0; i < sc->n_needs; i++) {
        core_need_def *n = &sc->needs[i];
        IO_LABELS(io, n);
        io_str(io, n->domain, sizeof n->domain);
        io_int(io, &n->target, 0, 100000);
        io_u32bits(io, &n->limited_roles, CORE_MAX_ROLES);
    }

    /* Facts: the text only when the mask allows it (own role or shared);
     * otherwise not a single byte of it leaves the host. */
    io_count(io, &sc->n_facts, CORE_MAX_FACTS, 8);
    for (int i = 0; i < sc->n_facts; i++) {
        core_fact_def *f = &sc->facts[i];
        io_str(io, f->id, sizeof f->id);
        io_int(io, &f->role, 0, CORE_MAX_ROLES - 1);
        io_u32bits(io, &f->needs, CORE_MAX_NEEDS);
        io_bool(io, &f->sensitive);   /* protocol 4 */
        io_bool(io, &f->pupil_voice); /* protocol 4 */
        bool has_text = !io->reading && ((fact_text_mask >> i) & 1u);
        io_bool(io, &has_text);
        if (has_text) {
            io_str(io, f->text, sizeof f->text);
        } else if (io->reading) {
            f->text[0] = '\0';
        }
    }

    io_count(io, &sc->n_frictions, CORE_MAX_FRICTIONS, 16);
    for (int i = 0; i < sc->n_frictions; i++) {
        core_friction_def *f = &sc->frictions[i];
        IO_LABELS(io, f);
        io_u32bits(io, &f->roles, CORE_MAX_ROLES);
        io_int(io, &f->required_roles, 0, CORE_MAX_ROLES);
        io_int(io, &f->severity, -1000, 1000);
        IO_ENUM(io, f->drains, core_drain_target, 2);
        io_idx(io, &f->innovation_card, CORE_MAX_CARDS);
        io_int(io, &f->round, 0, CORE_MAX_ROUNDS);
        IO_STRS(io, f->n_options, f->options, CORE_MAX_OPTIONS); /* protocol 4: suggested afspraken */
    }

    io_count(io, &sc->n_goals, CORE_MAX_GOALS, 10);
    for (int i = 0; i < sc->n_goals; i++) {
        core_goal_def *g = &sc->goals[i];
        IO_LABELS(io, g);
        io_u32bits(io, &g->needs, CORE_MAX_NEEDS);
    }

    io_count(io, &sc->n_reflections, CORE_MAX_REFLECTIONS, 10);
    for (int i = 0; i < sc->n_reflections; i++) {
        core_reflection_def *r = &sc->reflections[i];
        io_str(io, r->id, sizeof r->id);
        io_str(io, r->question, sizeof r->question);
        IO_ENUM(io, r->block, core_building_block, CORE_BLOCK_COUNT);
        io_u32bits(io, &r->evidence, CORE_EV_TAG_COUNT);
        IO_STRS(io, r->n_options, r->options, CORE_MAX_OPTIONS);
        io_u32bits(io, &r->fit_signal, CORE_MAX_OPTIONS); /* protocol 4 */
        io_u32bits(io, &r->fit_quiet, CORE_MAX_OPTIONS);
    }

    io_count(io, &sc->n_events, CORE_MAX_EVENTS_SCRIPTED, 2);
    for (int i = 0; i < sc->n_events; i++) {
        core_scripted_event *e = &sc->events[i];
        io_int(io, &e->round, 0, CORE_MAX_ROUNDS);
        bool shown = !io->reading && ((event_mask >> i) & 1u);
        io_bool(io, &shown);
        if (shown) {
            ser_event_content(io, e);
        } else if (io->reading) {
            e->title[0] = e->text[0] = '\0';
            e->welbevinden_delta = e->draagkracht_delta = e->need_delta = 0;
            e->need = CORE_NONE;
        }
    }

    /* one badge per role (protocol 3); the trainer notes are never sent */
    for (int i = 0; i < sc->n_roles; i++)
        io_str(io, sc->role_badges[i], sizeof sc->role_badges[i]);
}

/* ----------------------------------------------------------------- views */

static void ser_measures(proto_io *io, core_measures *m)
{
    io_double(io, &m->density);
    io_double(io, &m->centrality);
    io_double(io, &m->diversity);
    io_double(io, &m->role_share);
    io_double(io, &m->goal_directedness);
    int *ints[] = {&m->edges, &m->contributions, &m->joint_contributions, &m->promises_kept,
                   &m->promises_broken, &m->asks_offers, &m->reflective_rounds,
                   /* protocol 4 */
                   &m->afspraken, &m->improvements_checked, &m->trust};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        io_int(io, ints[i], 0, 1000000);
    io_bool(io, &m->goal_adopted);
    io_bool(io, &m->reflective);
    io_u32bits(io, &m->evidence, CORE_EV_TAG_COUNT);
    IO_ENUM(io, m->level, core_collab_level, CORE_LEVEL_COUNT);
}

static void ser_commit(proto_io *io, core_commitment *c)
{
    io_int(io, &c->card, 0, CORE_MAX_CARDS - 1);
    io_int(io, &c->target_kind, 0, 1);
    io_int(io, &c->target, 0, CORE_MAX_FRICTIONS - 1);
    io_bool(io, &c->innovation);
    io_int(io, &c->slot, 0, CORE_MAX_HAND + CORE_MAX_INNOVATIONS - 1);
}

static void ser_bits(proto_io *io, bool *arr, int n)
{
    /* n bools as a bit field, n <= 64 */
    uint64_t bits = 0;
    if (!io->reading)
        for (int i = 0; i < n; i++)
            if (arr[i])
                bits |= 1ull << i;
    io_u64(io, &bits);
    if (io->reading && !io->bad) {
        if (n < 64 && (bits >> n) != 0)
            fail(io, "bit set outside the allowed range");
        for (int i = 0; i < n; i++)
            arr[i] = (bits >> i) & 1u;
    }
}

/* The public state of the rules of issue #12 (protocol 4): team goals,
 * overleg time, trust, the pupil's voice, consent, afspraken, the
 * reflection's evidence and every seat's verbeteractie. Texts are the
 * players' own words, bounded like every answer (CORE_ANSWER_LEN). */
static void ser_public_v2(proto_io *io, core_public_view *p)
{
    io_count(io, &p->n_team_goals, CORE_MAX_TEAM_GOALS, 3);
    for (int i = 0; i < p->n_team_goals; i++) {
        io_int(io, &p->team_goal_needs[i], 0, (1 << CORE_MAX_NEEDS) - 1);
        io_str(io, p->team_goal_text[i], sizeof p->team_goal_text[i]);
    }
    io_int(io, &p->overleg_left, INT32_MIN, INT32_MAX);
    io_int(io, &p->overleg_budget, INT32_MIN, INT32_MAX);
    io_int(io, &p->meeting_round, 0, CORE_MAX_ROUNDS);
    io_int(io, &p->trust, 0, 1000);
    io_bool(io, &p->pupil_asked);
    io_bool(io, &p->pupil_voice);
    /* consent: which facts have a state, then that state (1 asked, 2 given, 3 refused) */
    bool has_consent[CORE_MAX_FACTS];
    for (int i = 0; i < CORE_MAX_FACTS; i++)
        has_consent[i] = !io->reading && p->fact_consent[i] != 0;
    ser_bits(io, has_consent, CORE_MAX_FACTS);
    for (int i = 0; i < CORE_MAX_FACTS; i++)
        if (has_consent[i]) {
            int c = p->fact_consent[i];
            io_int(io, &c, 1, 3);
            p->fact_consent[i] = (uint8_t)c;
        }
    ser_bits(io, p->fact_no_consent, CORE_MAX_FACTS);
    /* afspraken by spanning, up to the last one in use */
    int n_af = 0;
    if (!io->reading)
        for (int i = 0; i < CORE_MAX_FRICTIONS; i++)
            if (!proto_afspraak_empty(&p->afspraken[i]))
                n_af = i + 1;
    io_count(io, &n_af, CORE_MAX_FRICTIONS, 9);
    for (int i = 0; i < n_af; i++) {
        core_afspraak *a = &p->afspraken[i];
        io_idx(io, &a->proposer, CORE_MAX_SEATS);
        io_idx(io, &a->option, CORE_MAX_OPTIONS);
        io_u32bits(io, &a->agreed, CORE_MAX_SEATS);
        io_int(io, &a->made_round, 0, CORE_MAX_ROUNDS);
        io_str(io, a->text, sizeof a->text);
    }
    /* the writer stops at the last afspraak in use: a list ending in an
     * empty one is not what a host writes */
    if (io->reading && !io->bad && n_af > 0 && proto_afspraak_empty(&p->afspraken[n_af - 1]))
        fail(io, "afspraak list ends with an empty slot");
    io_u32bits(io, &p->reflection_evidence, CORE_EV_TAG_COUNT);
    for (int s = 0; s < p->n_seats; s++) {
        io_int(io, &p->improvement_round[s], 0, CORE_MAX_ROUNDS);
        io_int(io, &p->improvement_checked[s], 0, CORE_MAX_ROUNDS);
        io_bool(io, &p->improvement_done[s]);
        io_str(io, p->improvement_text[s], sizeof p->improvement_text[s]);
    }
}

static void ser_public(proto_io *io, core_public_view *p)
{
    io_int(io, &p->round, 0, CORE_MAX_ROUNDS);
    IO_ENUM(io, p->phase, core_phase, CORE_PHASE_COUNT);
    IO_ENUM(io, p->outcome, core_outcome, 3);
    io_int(io, &p->welbevinden, -100000, 100000);
    io_int(io, &p->draagkracht, -100000, 100000);
    io_int(io, &p->n_seats, 0, CORE_MAX_SEATS);
    io_int(io, &p->n_needs, 0, CORE_MAX_NEEDS);
    for (int i = 0; i < p->n_needs; i++) {
        io_int(io, &p->need_progress[i], -100000, 100000);
        io_bool(io, &p->need_met[i]);
        io_bool(io, &p->need_lit[i]);
        io_idx(io, &p->need_lead[i], CORE_MAX_SEATS);
        io_idx(io, &p->lead_proposal[i], CORE_MAX_SEATS);
    }
    ser_bits(io, p->fact_shared, CORE_MAX_FACTS);
    for (int i = 0; i < CORE_MAX_FACTS; i++)
        if (p->fact_shared[i])
            io_int(io, &p->fact_shared_round[i], 0, CORE_MAX_ROUNDS);
    io_count(io, &p->n_frictions_out, CORE_MAX_FRICTIONS, 5);
    for (int i = 0; i < p->n_frictions_out; i++) {
        core_friction_state *f = &p->frictions[i];
        io_int(io, &f->friction, 0, CORE_MAX_FRICTIONS - 1);
        io_int(io, &f->severity, -1000, 100000);
        io_int(io, &f->ignored_rounds, 0, 1000);
        io_bool(io, &f->active);
    }
    io_count(io, &p->n_boundary, CORE_MAX_FRICTIONS, 1);
    for (int i = 0; i < p->n_boundary; i++)
        io_int(io, &p->boundary_won[i], 0, CORE_MAX_FRICTIONS - 1);
    io_count(io, &p->n_innovations, CORE_MAX_INNOVATIONS, 1);
    for (int i = 0; i < p->n_innovations; i++)
        io_int(io, &p->innovations[i], 0, CORE_MAX_CARDS - 1);
    ser_bits(io, p->goal_adopted, CORE_MAX_GOAL_SLOTS);
    io_idx(io, &p->goal_proposal, CORE_MAX_GOAL_SLOTS);
    io_bool(io, &p->goal_proposal_drop);
    io_idx(io, &p->goal_proposer, CORE_MAX_SEATS);
    io_u32bits(io, &p->goal_votes_yes, CORE_MAX_SEATS);
    io_u32bits(io, &p->goal_votes_no, CORE_MAX_SEATS);
    ser_public_v2(io, p);
    io_count(io, &p->n_promises, CORE_MAX_PROMISES, 6);
    for (int i = 0; i < p->n_promises; i++) {
        core_promise *pr = &p->promises[i];
        io_int(io, &pr->from, 0, CORE_MAX_SEATS - 1);
        io_int(io, &pr->to, 0, CORE_MAX_SEATS - 1);
        io_int(io, &pr->need, 0, CORE_MAX_NEEDS - 1);
        io_int(io, &pr->round, 0, CORE_MAX_ROUNDS);
        IO_ENUM(io, pr->kind, core_promise_kind, 2);
        IO_ENUM(io, pr->status, core_promise_status, 5);
    }
    for (int s = 0; s < p->n_seats; s++) {
        io_bool(io, &p->seat_ready[s]);
        io_int(io, &p->seat_hand_n[s], 0, CORE_MAX_HAND);
        io_int(io, &p->seat_commit_n[s], 0, CORE_MAX_COMMIT);
        io_bool(io, &p->seat_reflected[s]);
    }
    io_bool(io, &p->revealed);
    if (p->revealed) {
        for (int s = 0; s < p->n_seats; s++) {
            io_count(io, &p->revealed_n[s], CORE_MAX_COMMIT, 5);
            for (int j = 0; j < p->revealed_n[s]; j++)
                ser_commit(io, &p->revealed_commits[s][j]);
        }
    } else if (io->reading) {
        memset(p->revealed_n, 0, sizeof p->revealed_n);
    }
    io_idx(io, &p->reflection_card, CORE_MAX_REFLECTIONS);
    for (int a = 0; a < p->n_seats; a++)
        for (int b = 0; b < p->n_seats; b++) {
            uint16_t w = p->edges[a][b];
            io_u16(io, &w);
            p->edges[a][b] = w;
        }
    ser_measures(io, &p->live);
    io_count(io, &p->n_rounds_done, CORE_MAX_ROUNDS, 40);
    for (int r = 1; r <= p->n_rounds_done; r++)
        ser_measures(io, &p->rounds[r]);
}

static void ser_seat_view(proto_io *io, core_seat_view *v)
{
    ser_public(io, &v->pub);
    io_int(io, &v->seat, 0, CORE_MAX_SEATS - 1);
    io_int(io, &v->role, 0, CORE_MAX_ROLES - 1);
    io_count(io, &v->hand_n, CORE_MAX_HAND, 1);
    for (int i = 0; i < v->hand_n; i++)
        io_int(io, &v->hand[i], 0, CORE_MAX_CARDS - 1);
    io_int(io, &v->deck_n, 0, CORE_MAX_DECK);
    io_int(io, &v->discard_n, 0, CORE_MAX_DECK);
    io_count(io, &v->commit_n, CORE_MAX_COMMIT, 5);
    for (int i = 0; i < v->commit_n; i++)
        ser_commit(io, &v->commits[i]);
    io_bool(io, &v->ready);
    io_idx(io, &v->reflection_option, CORE_MAX_OPTIONS);
    io_str(io, v->reflection_text, sizeof v->reflection_text);
    io_count(io, &v->dossier_n, CORE_MAX_FACTS, 1);
    for (int i = 0; i < v->dossier_n; i++)
        io_int(io, &v->dossier[i], 0, CORE_MAX_FACTS - 1);
}

static void ser_events(proto_io *io, core_events *ev)
{
    io_count(io, &ev->n, CORE_MAX_EVENTS, 6);
    for (int i = 0; i < ev->n; i++) {
        core_event *e = &ev->ev[i];
        IO_ENUM(io, e->type, core_event_type, CORE_EVT_COUNT);
        io_int(io, &e->seat, -1, CORE_MAX_SEATS - 1);
        io_int(io, &e->a, INT32_MIN, INT32_MAX);
        io_int(io, &e->b, INT32_MIN, INT32_MAX);
        io_int(io, &e->c, INT32_MIN, INT32_MAX);
        io_int(io, &e->d, INT32_MIN, INT32_MAX);
    }
}

/* -------------------------------------------------------------- messages */

static void ser_type(proto_io *io, int type)
{
    uint8_t t = (uint8_t)type;
    io_u8(io, &t);
    if (io->reading && !io->bad && t != type)
        fail(io, "unexpected message type");
}

static size_t finish_write(proto_io *io)
{
    return io->bad ? 0 : io->pos;
}

static bool finish_read(proto_io *io, const char **why)
{
    bool ok = proto_done(io);
    if (!ok && why)
        *why = io->why;
    return ok;
}

static void ser_hello(proto_io *io, proto_hello *m)
{
    io_u32(io, &m->magic);
    io_u16(io, &m->version);
    /* Fields after magic+version may change between versions: a reader
     * stops here when the version differs (the rest of a foreign hello is
     * skipped, not parsed) and the caller answers "version mismatch". */
    if (io->reading && (m->magic != PROTO_MAGIC || m->version != PROTO_VERSION)) {
        if (!io->bad)
            io->pos = io->cap;
        return;
    }
    io_str(io, m->build, sizeof m->build);
    io_str(io, m->code, sizeof m->code);
    io_str(io, m->name, sizeof m->name);
    io_str(io, m->role, sizeof m->role);
    /* one byte: 0 take a seat, 1 observe, 2 observe while choosing a role
     * (the host does not count such a peer as an audience) */
    uint8_t mode = (uint8_t)(io->reading ? 0 : (m->observe ? (m->browse ? 2 : 1) : 0));
    io_u8(io, &mode);
    if (io->reading && !io->bad) {
        if (mode > 2)
            fail(io, "join mode is not 0, 1 or 2");
        m->observe = mode >= 1;
        m->browse = mode == 2;
    }
    io_bool(io, &m->has_token);
    if (m->has_token)
        io_raw(io, m->token, PROTO_TOKEN_LEN);
    else if (io->reading)
        memset(m->token, 0, sizeof m->token);
}

static void ser_reject(proto_io *io, proto_reject *m)
{
    IO_ENUM(io, m->code, proto_reject_code, PROTO_REJ_COUNT);
    io_str(io, m->text, sizeof m->text);
}

static void ser_lobby(proto_io *io, proto_lobby *m)
{
    io_str(io, m->code, sizeof m->code);
    io_str(io, m->title, sizeof m->title);
    io_count(io, &m->n_seats, CORE_MAX_SEATS, 4);
    for (int i = 0; i < m->n_seats; i++) {
        proto_lobby_seat *s = &m->seats[i];
        io_int(io, &s->role, 0, CORE_MAX_ROLES - 1);
        io_str(io, s->name, sizeof s->name);
        io_bool(io, &s->taken);
        io_bool(io, &s->connected);
        io_bool(io, &s->bot);
    }
    io_int(io, &m->observers, 0, 65535);
    io_bool(io, &m->started);
    io_bool(io, &m->paused);
    io_bool(io, &m->finished);
    io_int(io, &m->timer_left_s, -1, 86400);
}

static void ser_action(proto_io *io, proto_action *m)
{
    io_u32(io, &m->seq);
    IO_ENUM(io, m->action.type, core_action_type, CORE_ACT_COUNT);
    io_int(io, &m->action.a, -1, 1023);
    io_int(io, &m->action.b, -1, 1023);
    io_int(io, &m->action.c, -1, 1023);
    io_str(io, m->action.text, sizeof m->action.text);
    if (io->reading)
        m->action.seat = CORE_NONE; /* never from the wire: the host fills it */
}

static void ser_result(proto_io *io, proto_result *m)
{
    io_u32(io, &m->seq);
    IO_ENUM(io, m->result, core_reject, CORE_REJ_COUNT);
}

static void ser_fact(proto_io *io, proto_fact *m)
{
    io_int(io, &m->fact, 0, CORE_MAX_FACTS - 1);
    io_str(io, m->text, sizeof m->text);
}

static void ser_event(proto_io *io, proto_event *m)
{
    io_int(io, &m->index, 0, CORE_MAX_EVENTS_SCRIPTED - 1);
    io_int(io, &m->event.round, 0, CORE_MAX_ROUNDS);
    ser_event_content(io, &m->event);
}

static void ser_ping(proto_io *io, proto_ping *m)
{
    io_u64(io, &m->stamp);
    io_u32(io, &m->ack_tick);
}

static void ser_bye(proto_io *io, proto_reject_code *reason)
{
    IO_ENUM(io, *reason, proto_reject_code, PROTO_REJ_COUNT);
}

/* ------------------------------------------- codecs from the table */

/* A message body's serializer, behind one signature so that one writer and
 * one reader serve every message. */
typedef void (*ser_body)(proto_io *io, void *m);

static size_t encode_msg(uint8_t *buf, size_t cap, int type, ser_body ser, const void *m)
{
    proto_io io;
    proto_writer(&io, buf, cap);
    ser_type(&io, type);
    /* writing only reads *m: the serializer's pointer is not const because
     * the same function fills it when reading */
    ser(&io, (void *)m);
    return finish_write(&io);
}

/* m is zeroed first: a failed decode leaves no half-read peer data. */
static bool decode_msg(const uint8_t *p, size_t len, int type, ser_body ser, void *m, size_t size,
                       const char **why)
{
    proto_io io;
    memset(m, 0, size);
    proto_reader(&io, p, len);
    ser_type(&io, type);
    ser(&io, m);
    return finish_read(&io, why);
}

/* GEN and BODY messages get a ser_body adapter; GEN ones also their public
 * encode/decode pair. */
#define PROTO_BODY_OWN(name)
#define PROTO_BODY_BODY(name)                        \
    static void body_##name(proto_io *io, void *m) \
    {                                              \
        ser_##name(io, m);                         \
    }
#define PROTO_BODY_GEN(name) PROTO_BODY_BODY(name)
#define PROTO_BODY(t, NAME, name, type, sender, stage, codec) PROTO_BODY_##codec(name)
PROTO_MESSAGES(PROTO_BODY)

#define PROTO_CODEC_OWN(NAME, name, type)
#define PROTO_CODEC_BODY(NAME, name, type)
#define PROTO_CODEC_GEN(NAME, name, type)                                             \
    size_t proto_encode_##name(uint8_t *buf, size_t cap, const type *m)               \
    {                                                                                 \
        return encode_msg(buf, cap, PROTO_MSG_##NAME, body_##name, m);                \
    }                                                                                 \
    bool proto_decode_##name(const uint8_t *p, size_t len, type *m, const char **why) \
    {                                                                                 \
        return decode_msg(p, len, PROTO_MSG_##NAME, body_##name, m, sizeof *m, why);  \
    }
#define PROTO_CODEC(t, NAME, name, type, sender, stage, codec) PROTO_CODEC_##codec(NAME, name, type)
PROTO_MESSAGES(PROTO_CODEC)

size_t proto_encode_welcome(uint8_t *buf, size_t cap, const proto_welcome *m,
                            const core_scenario *sc, uint64_t fact_text_mask, uint32_t event_mask)
{
    proto_io io;
    proto_writer(&io, buf, cap);
    ser_type(&io, PROTO_MSG_WELCOME);
    int seat = m->seat;
    io_idx(&io, &seat, CORE_MAX_SEATS);
    io_raw(&io, (void *)m->token, PROTO_TOKEN_LEN);
    io_str(&io, (char *)m->code, sizeof m->code);
    ser_scenario(&io, (core_scenario *)sc, fact_text_mask, event_mask);
    return finish_write(&io);
}

/* Whether the int at first and the n - 1 that follow it every stride bytes
 * (one field of each struct of an array) are all below limit. */
static bool all_below(const int *first, size_t stride, int n, int limit)
{
    const unsigned char *at = (const unsigned char *)first;
    for (int i = 0; i < n; i++) {
        int v;
        memcpy(&v, at + (size_t)i * stride, sizeof v);
        if (v >= limit)
            return false;
    }
    return true;
}

/* field: empty for an array of ints, else ".member" of an array of structs */
#define ALL_BELOW(arr, field, n, limit) all_below(&(arr)[0] field, sizeof(arr)[0], (n), (limit))

/* Cross-references: indices that front ends use to index arrays. */
static bool welcome_fits(const proto_welcome *m, const core_scenario *sc, const char **why)
{
    bool decks = true;
    for (int r = 0; r < sc->n_roles; r++)
        decks = decks && ALL_BELOW(sc->roles[r].deck, , sc->roles[r].deck_size, sc->n_cards);
    const char *bad = !ALL_BELOW(sc->seat_roles, , sc->n_seats, sc->n_roles) ? "seat role out of range"
                      : !decks ? "deck card out of range"
                      : !ALL_BELOW(sc->cards, .role, sc->n_cards, sc->n_roles) ? "card role out of range"
                      : !ALL_BELOW(sc->facts, .role, sc->n_facts, sc->n_roles) ? "fact role out of range"
                      : !ALL_BELOW(sc->frictions, .innovation_card, sc->n_frictions, sc->n_cards)
                          ? "innovation card out of range"
                      : !ALL_BELOW(sc->events, .need, sc->n_events, sc->n_needs) ? "event need out of range"
                      : m->seat >= sc->n_seats ? "seat out of range"
                                               : NULL;
    if (bad && why)
        *why = bad;
    return !bad;
}

bool proto_decode_welcome(const uint8_t *p, size_t len, proto_welcome *m, core_scenario *sc, const char **why)
{
    proto_io io;
    memset(m, 0, sizeof *m);
    memset(sc, 0, sizeof *sc);
    proto_reader(&io, p, len);
    ser_type(&io, PROTO_MSG_WELCOME);
    io_idx(&io, &m->seat, CORE_MAX_SEATS);
    io_raw(&io, m->token, PROTO_TOKEN_LEN);
    io_str(&io, m->code, sizeof m->code);
    ser_scenario(&io, sc, 0, 0);
    return finish_read(&io, why) && welcome_fits(m, sc, why);
}

size_t proto_encode_update(uint8_t *buf, size_t cap, uint32_t tick, const core_events *ev,
                           int view_kind, const core_seat_view *seat_view,
                           const core_public_view *pub)
{
    proto_io io;
    proto_writer(&io, buf, cap);
    ser_type(&io, PROTO_MSG_UPDATE);
    io_u32(&io, &tick);
    static const core_events none; /* zero events */
    ser_events(&io, (core_events *)(ev ? ev : &none));
    io_int(&io, &view_kind, 0, 1);
    if (view_kind == 1 && seat_view)
        ser_seat_view(&io, (core_seat_view *)seat_view);
    else if (view_kind == 0 && pub)
        ser_public(&io, (core_public_view *)pub);
    else
        fail(&io, "no view to send");
    return finish_write(&io);
}

bool proto_decode_update(const uint8_t *p, size_t len, proto_update *m, const char **why)
{
    proto_io io;
    memset(m, 0, sizeof *m);
    proto_reader(&io, p, len);
    ser_type(&io, PROTO_MSG_UPDATE);
    io_u32(&io, &m->tick);
    ser_events(&io, &m->events);
    io_int(&io, &m->view_kind, 0, 1);
    if (m->view_kind == 1)
        ser_seat_view(&io, &m->view);
    else
        ser_public(&io, &m->view.pub);
    if (m->view_kind == 0) {
        m->view.seat = CORE_NONE;
        m->view.role = CORE_NONE;
    }
    return finish_read(&io, why);
}

size_t proto_encode_ping(uint8_t *buf, size_t cap, int type, const proto_ping *m)
{
    if (type != PROTO_MSG_PING && type != PROTO_MSG_PONG)
        return 0;
    return encode_msg(buf, cap, type, body_ping, m);
}

bool proto_decode_ping(const uint8_t *p, size_t len, int type, proto_ping *m, const char **why)
{
    return decode_msg(p, len, type, body_ping, m, sizeof *m, why);
}

size_t proto_encode_bye(uint8_t *buf, size_t cap, proto_reject_code reason)
{
    return encode_msg(buf, cap, PROTO_MSG_BYE, body_bye, &reason);
}

bool proto_decode_bye(const uint8_t *p, size_t len, proto_reject_code *reason, const char **why)
{
    return decode_msg(p, len, PROTO_MSG_BYE, body_bye, reason, sizeof *reason, why);
}

int proto_payload_type(const uint8_t *payload, size_t len)
{
    return len ? payload[0] : 0;
}

/* --------------------------------------------------------------- framing */

void proto_frame_header(uint8_t out[PROTO_HEADER_LEN], uint32_t len)
{
    out[0] = (uint8_t)(len >> 24);
    out[1] = (uint8_t)(len >> 16);
    out[2] = (uint8_t)(len >> 8);
    out[3] = (uint8_t)len;
}

proto_frame_status proto_frame_next(const uint8_t *buf, size_t len, size_t max,
                                    const uint8_t **payload, size_t *plen, size_t *consumed)
{
    if (len < PROTO_HEADER_LEN)
        return PROTO_FRAME_NEED_MORE;
    uint32_t n = (uint32_t)buf[0] << 24 | (uint32_t)buf[1] << 16 | (uint32_t)buf[2] << 8 | buf[3];
    if (n == 0)
        return PROTO_FRAME_EMPTY;
    if (n > max)
        return PROTO_FRAME_TOO_LARGE;
    if (len - PROTO_HEADER_LEN < n)
        return PROTO_FRAME_NEED_MORE;
    *payload = buf + PROTO_HEADER_LEN;
    *plen = n;
    *consumed = PROTO_HEADER_LEN + (size_t)n;
    return PROTO_FRAME_OK;
}

/* ------------------------------------------------------------- discovery */

size_t proto_encode_discovery_query(uint8_t *buf, size_t cap)
{
    if (cap < PROTO_DISCOVERY_QUERY_LEN)
        return 0;
    proto_io io;
    proto_writer(&io, buf, cap);
    uint32_t magic = PROTO_DISCOVERY_QMAGIC;
    uint16_t version = PROTO_VERSION;
    io_u32(&io, &magic);
    io_u16(&io, &version);
    /* Padding makes the query larger than any reply: the host can never be
     * used to amplify traffic towards a forged source address. */
    memset(buf + io.pos, 0, PROTO_DISCOVERY_QUERY_LEN - io.pos);
    return PROTO_DISCOVERY_QUERY_LEN;
}

bool proto_decode_discovery_query(const uint8_t *p, size_t len)
{
    if (len != PROTO_DISCOVERY_QUERY_LEN)
        return false;
    proto_io io;
    proto_reader(&io, p, len);
    uint32_t magic = 0;
    uint16_t version = 0;
    io_u32(&io, &magic);
    io_u16(&io, &version);
    return !io.bad && magic == PROTO_DISCOVERY_QMAGIC;
}

static void ser_disc_reply(proto_io *io, proto_discovery_reply *r)
{
    uint32_t magic = PROTO_DISCOVERY_RMAGIC;
    io_u32(io, &magic);
    if (io->reading && !io->bad && magic != PROTO_DISCOVERY_RMAGIC)
        fail(io, "not a discovery reply");
    io_u16(io, &r->version);
    io_u16(io, &r->port);
    io_str(io, r->code, sizeof r->code);
    io_int(io, &r->seats_free, 0, CORE_MAX_SEATS);
    io_int(io, &r->seats_total, 0, CORE_MAX_SEATS);
    io_bool(io, &r->started);
    io_str(io, r->title, sizeof r->title);
}

size_t proto_encode_discovery_reply(uint8_t *buf, size_t cap, const proto_discovery_reply *r)
{
    proto_io io;
    proto_writer(&io, buf, cap < PROTO_DISCOVERY_REPLY_MAX ? cap : PROTO_DISCOVERY_REPLY_MAX);
    ser_disc_reply(&io, (proto_discovery_reply *)r);
    return finish_write(&io);
}

bool proto_decode_discovery_reply(const uint8_t *p, size_t len, proto_discovery_reply *r)
{
    proto_io io;
    memset(r, 0, sizeof *r);
    if (len > PROTO_DISCOVERY_REPLY_MAX)
        return false;
    proto_reader(&io, p, len);
    ser_disc_reply(&io, r);
    return proto_done(&io);
}

/* ------------------------------------------------------------------ names */

const char *proto_reject_text(proto_reject_code c)
{
    switch (c) {
    case PROTO_REJ_NONE: return "geen fout";
    case PROTO_REJ_VERSION: return "andere versie: host en speler gebruiken een verschillende versie van Samenspel";
    case PROTO_REJ_WRONG_CODE: return "verkeerde spelcode";
    case PROTO_REJ_FULL: return "het spel is vol: alle plaatsen zijn bezet";
    case PROTO_REJ_KICKED: return "de begeleider heeft je uit dit spel verwijderd";
    case PROTO_REJ_ROLE_TAKEN: return "die rol is al bezet";
    case PROTO_REJ_UNKNOWN_ROLE: return "die rol speelt niet mee in dit spel";
    case PROTO_REJ_BAD_HELLO: return "ongeldige aanmelding";
    case PROTO_REJ_BUSY: return "de host is te druk; probeer het zo opnieuw";
    case PROTO_REJ_REPLACED: return "je plaats is overgenomen door een nieuwe verbinding";
    case PROTO_REJ_SHUTDOWN: return "de host is gestopt";
    case PROTO_REJ_COUNT: break;
    }
    return "onbekende reden";
}

/* ------------------------------------------------------------ the table */

/* Why a message is refused, per message: the texts name it, so a log line
 * says what came and what is wrong with it. */
#define PROTO_WRONG_WAY_CLIENT "from a client to the host: the host may not send it"
#define PROTO_WRONG_WAY_HOST "from the host to a client: a client may not send it"
#define PROTO_WRONG_WAY_EITHER "both ways"

typedef struct {
    proto_msg_info info;
    const char *wrong_way;     /* it arrived at the side that sends it */
    const char *before_hello;  /* at the host, before the handshake */
    const char *before_welcome; /* at a client, before the handshake */
    const char *again;         /* an OPEN message after the handshake */
} msg_row;

#define PROTO_ROW(t, NAME, name, type, sender, stage, codec)                                  \
    [t] = {{#NAME, PROTO_SENDER_##sender, PROTO_STAGE_##stage},                             \
           #NAME " refused: it goes " PROTO_WRONG_WAY_##sender,                            \
           #NAME " before HELLO (the first message must be HELLO)",                        \
           #NAME " before WELCOME",                                                         \
           #NAME " after the handshake: it may only open a connection"},
static const msg_row rows[PROTO_MSG_COUNT] = {PROTO_MESSAGES(PROTO_ROW)};

const proto_msg_info *proto_msg_lookup(int type)
{
    return type > 0 && type < PROTO_MSG_COUNT && rows[type].info.name ? &rows[type].info : NULL;
}

const char *proto_msg_name(int type)
{
    const proto_msg_info *m = proto_msg_lookup(type);
    return m ? m->name : "?";
}

bool proto_msg_allowed(int type, proto_sender receiver, bool welcomed, const char **why)
{
    const proto_msg_info *m = proto_msg_lookup(type);
    const char *bad = NULL;
    if (!m)
        bad = "unknown message type";
    else if (!(m->sender & ~receiver & PROTO_SENDER_EITHER))
        bad = rows[type].wrong_way;
    else if (welcomed && m->stage == PROTO_STAGE_OPEN)
        bad = rows[type].again;
    else if (!welcomed && receiver == PROTO_SENDER_HOST && m->stage != PROTO_STAGE_OPEN)
        bad = rows[type].before_hello;
    else if (!welcomed && receiver == PROTO_SENDER_CLIENT && m->stage == PROTO_STAGE_SESSION)
        bad = rows[type].before_welcome;
    if (bad && why)
        *why = bad;
    return !bad;
}
