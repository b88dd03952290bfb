/* proto's message table: every message in it round-trips byte for byte
 * (with the bytes pinned, so the wire format cannot drift), and a message
 * that arrives at the side that sends it, or too early, is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "proto/proto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_CAP (64u * 1024u)

/* --------------------------------------------------- one sample each */

/* Each sample_<name> encodes a message with non-default values;
 * again_<name> decodes it and encodes what it read. The table below lists
 * them from PROTO_MESSAGES, so a new message without them does not build. */

static size_t sample_hello(uint8_t *buf, size_t cap)
{
    proto_hello m = {.magic = PROTO_MAGIC, .version = PROTO_VERSION, .observe = true, .browse = true,
                     .has_token = true};
    strcpy(m.build, "samenspel 0.1");
    strcpy(m.code, "ABCD");
    strcpy(m.name, "Fien");
    strcpy(m.role, "leraar");
    memset(m.token, 0xA5, sizeof m.token);
    return proto_encode_hello(buf, cap, &m);
}

static size_t again_hello(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    proto_hello m;
    return proto_decode_hello(p, len, &m, NULL) ? proto_encode_hello(buf, cap, &m) : 0;
}

static void tiny_scenario(core_scenario *sc)
{
    memset(sc, 0, sizeof *sc);
    strcpy(sc->id, "tafel");
    strcpy(sc->title, "Een tafel");
    sc->rules.rounds = 3;
    sc->rules.density_low = 0.25;
    sc->n_roles = 1;
    strcpy(sc->roles[0].id, "leraar");
    sc->roles[0].deck_size = 1;
    sc->n_seats = 1;
    sc->n_cards = 1;
    strcpy(sc->cards[0].id, "kaart");
    sc->cards[0].strength = 2;
    sc->n_facts = 2;
    strcpy(sc->facts[0].text, "zichtbaar");
    strcpy(sc->facts[1].text, "geheim");
    sc->n_events = 1;
    sc->events[0].round = 2;
    sc->events[0].need = CORE_NONE;
    /* one of every list the scenario carries */
    sc->roles[0].n_domains = 2;
    strcpy(sc->roles[0].domains[1], "leren");
    sc->roles[0].n_skills = 1;
    strcpy(sc->roles[0].skills[0], "differentiëren");
    sc->roles[0].n_limit_domains = 1;
    strcpy(sc->roles[0].limit_domains[0], "thuis");
    sc->n_needs = 1;
    strcpy(sc->needs[0].title, "Lezen");
    sc->needs[0].target = 6;
    sc->n_frictions = 1;
    strcpy(sc->frictions[0].text, "Wie belt de ouders?");
    sc->frictions[0].innovation_card = 0;
    sc->n_goals = 1;
    sc->goals[0].needs = 1;
    sc->n_reflections = 1;
    sc->reflections[0].n_options = 2;
    strcpy(sc->reflections[0].options[1], "samen");
    /* and every field of protocol 4 (rules version 2) */
    sc->rules.overleg_budget = 4;
    sc->rules.trust_max = 5;
    sc->rules.consent_penalty = 1;
    sc->cards[0].pupil_voice = true;
    sc->roles[0].guardian = true;
    sc->roles[0].organizer = true;
    sc->facts[0].sensitive = true;
    sc->facts[1].pupil_voice = true;
    sc->frictions[0].n_options = 1;
    strcpy(sc->frictions[0].options[0], "Eén vast aanspreekpunt");
    sc->reflections[0].fit_signal = 2;
    sc->reflections[0].fit_quiet = 1;
}

static size_t sample_welcome(uint8_t *buf, size_t cap)
{
    static core_scenario sc;
    tiny_scenario(&sc);
    proto_welcome m = {.seat = 0};
    memset(m.token, 7, sizeof m.token);
    strcpy(m.code, "WXYZ");
    return proto_encode_welcome(buf, cap, &m, &sc, 1u, 1u);
}

static size_t again_welcome(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    static core_scenario sc;
    proto_welcome m;
    if (!proto_decode_welcome(p, len, &m, &sc, NULL))
        return 0;
    /* what was sent is what can be sent back: the text of fact 0 and
     * event 0 came, that of fact 1 did not */
    assert_string_equal(sc.facts[1].text, "");
    return proto_encode_welcome(buf, cap, &m, &sc, 1u, 1u);
}

static size_t sample_reject(uint8_t *buf, size_t cap)
{
    proto_reject m = {.code = PROTO_REJ_ROLE_TAKEN};
    strcpy(m.text, "die rol is al bezet");
    return proto_encode_reject(buf, cap, &m);
}

static size_t again_reject(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    proto_reject m;
    return proto_decode_reject(p, len, &m, NULL) ? proto_encode_reject(buf, cap, &m) : 0;
}

static size_t sample_lobby(uint8_t *buf, size_t cap)
{
    proto_lobby m = {.n_seats = 2, .observers = 3, .started = true, .finished = true};
    strcpy(m.code, "ABCD");
    strcpy(m.title, "Noor");
    m.seats[1] = (proto_lobby_seat){.role = 4, .taken = true, .bot = true};
    strcpy(m.seats[1].name, "Bot");
    return proto_encode_lobby(buf, cap, &m);
}

static size_t again_lobby(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    proto_lobby m;
    return proto_decode_lobby(p, len, &m, NULL) ? proto_encode_lobby(buf, cap, &m) : 0;
}

static size_t sample_action(uint8_t *buf, size_t cap)
{
    proto_action m = {.seq = 77, .action = {.type = CORE_ACT_PROPOSE_AFSPRAAK, .a = 2, .b = -1, .c = 1000}};
    strcpy(m.action.text, "samen plannen");
    return proto_encode_action(buf, cap, &m);
}

static size_t again_action(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    proto_action m;
    if (!proto_decode_action(p, len, &m, NULL))
        return 0;
    assert_int_equal(m.action.seat, CORE_NONE); /* never from the wire */
    return proto_encode_action(buf, cap, &m);
}

static size_t sample_result(uint8_t *buf, size_t cap)
{
    proto_result m = {.seq = 0xFFFFFFFFu, .result = CORE_REJ_WRONG_PHASE};
    return proto_encode_result(buf, cap, &m);
}

static size_t again_result(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    proto_result m;
    return proto_decode_result(p, len, &m, NULL) ? proto_encode_result(buf, cap, &m) : 0;
}

static size_t sample_update(uint8_t *buf, size_t cap)
{
    static core_seat_view v;
    memset(&v, 0, sizeof v);
    v.pub.round = 2;
    v.pub.phase = CORE_PHASE_INZET;
    v.pub.n_seats = 2;
    v.pub.n_needs = 1;
    v.pub.need_lead[0] = 1;
    v.pub.lead_proposal[0] = v.pub.goal_proposal = v.pub.goal_proposer = CORE_NONE;
    v.pub.reflection_card = v.reflection_option = CORE_NONE;
    v.pub.edges[0][1] = 3;
    v.pub.live.centrality = 0.75;
    /* the public state of protocol 4 */
    v.pub.n_team_goals = 1;
    v.pub.team_goal_needs[0] = 1;
    strcpy(v.pub.team_goal_text[0], "Noor leest graag");
    v.pub.overleg_left = 3;
    v.pub.overleg_budget = 4;
    v.pub.trust = 2;
    v.pub.pupil_asked = true;
    v.pub.pupil_voice = true;
    v.pub.fact_consent[1] = 2;
    v.pub.fact_no_consent[0] = true;
    v.pub.afspraken[0] = (core_afspraak){.proposer = 1, .option = CORE_NONE, .agreed = 3, .made_round = 2};
    strcpy(v.pub.afspraken[0].text, "elke maandag bellen");
    v.pub.reflection_evidence = 5;
    v.pub.improvement_round[1] = 1;
    strcpy(v.pub.improvement_text[1], "eerst luisteren");
    v.pub.live.trust = 2;
    v.seat = 1;
    v.hand_n = 1;
    core_events ev = {.n = 1};
    ev.ev[0] = (core_event){.type = CORE_EVT_PHASE, .seat = CORE_NONE, .a = CORE_PHASE_INZET, .d = -9};
    return proto_encode_update(buf, cap, 5, &ev, 1, &v, NULL);
}

static size_t again_update(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    static proto_update m;
    if (!proto_decode_update(p, len, &m, NULL))
        return 0;
    return proto_encode_update(buf, cap, m.tick, &m.events, m.view_kind, &m.view, &m.view.pub);
}

static size_t sample_fact(uint8_t *buf, size_t cap)
{
    proto_fact m = {.fact = 47};
    strcpy(m.text, "Noor leest thuis elke avond");
    return proto_encode_fact(buf, cap, &m);
}

static size_t again_fact(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    proto_fact m;
    return proto_decode_fact(p, len, &m, NULL) ? proto_encode_fact(buf, cap, &m) : 0;
}

/* PING and PONG share a body and a codec, by type */
static size_t ping_like(uint8_t *buf, size_t cap, int type, uint64_t stamp, uint32_t ack)
{
    proto_ping m = {.stamp = stamp, .ack_tick = ack};
    return proto_encode_ping(buf, cap, type, &m);
}

static size_t ping_again(const uint8_t *p, size_t len, int type, uint8_t *buf, size_t cap)
{
    proto_ping m;
    return proto_decode_ping(p, len, type, &m, NULL) ? proto_encode_ping(buf, cap, type, &m) : 0;
}

static size_t sample_ping(uint8_t *buf, size_t cap)
{
    return ping_like(buf, cap, PROTO_MSG_PING, 0x0102030405060708ull, 9);
}

static size_t again_ping(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    return ping_again(p, len, PROTO_MSG_PING, buf, cap);
}

static size_t sample_pong(uint8_t *buf, size_t cap)
{
    return ping_like(buf, cap, PROTO_MSG_PONG, 12345, 0);
}

static size_t again_pong(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    return ping_again(p, len, PROTO_MSG_PONG, buf, cap);
}

static size_t sample_bye(uint8_t *buf, size_t cap)
{
    return proto_encode_bye(buf, cap, PROTO_REJ_SHUTDOWN);
}

static size_t again_bye(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    proto_reject_code rc;
    return proto_decode_bye(p, len, &rc, NULL) ? proto_encode_bye(buf, cap, rc) : 0;
}

static size_t sample_event(uint8_t *buf, size_t cap)
{
    proto_event m = {.index = 11, .event = {.round = 12, .welbevinden_delta = -3, .need = CORE_NONE}};
    strcpy(m.event.title, "Ziekte");
    strcpy(m.event.text, "de juf is ziek");
    return proto_encode_event(buf, cap, &m);
}

static size_t again_event(const uint8_t *p, size_t len, uint8_t *buf, size_t cap)
{
    proto_event m;
    return proto_decode_event(p, len, &m, NULL) ? proto_encode_event(buf, cap, &m) : 0;
}

typedef struct {
    int type;
    const char *name;
    size_t (*sample)(uint8_t *buf, size_t cap);
    size_t (*again)(const uint8_t *p, size_t len, uint8_t *buf, size_t cap);
} codec_case;

#define CASE(t, NAME, name, type, sender, stage, codec) {t, #NAME, sample_##name, again_##name},
static const codec_case cases[] = {PROTO_MESSAGES(CASE)};
#define N_CASES (sizeof cases / sizeof cases[0])

/* FNV-1a 64 of each sample's bytes, as the hand-written codecs of protocol
 * version 1 wrote them before the table generated them: a change here is a
 * change of the wire format. Protocol 4 (rules version 2) re-pinned HELLO
 * (the version), WELCOME and UPDATE (their new fields, all set in the
 * samples) and ACTION (a sample of the new PROPOSE_AFSPRAAK). */
static const struct {
    const char *name;
    uint64_t fnv;
} pinned[] = {
    {"HELLO", 0x46ce2cdff9b98ddeULL},
    {"WELCOME", 0x3cd4c1068b3d6ebcULL},
    {"REJECT", 0x67bd8243e307c532ULL},
    {"LOBBY", 0x2a86d3c9820af94cULL},
    {"ACTION", 0x89ad2ade2e3a8494ULL},
    {"RESULT", 0xb6a5c56f4a3ff985ULL},
    {"UPDATE", 0xa48f89f6a62475d3ULL},
    {"FACT", 0xf992f48e9a5e3d10ULL},
    {"PING", 0xda7de9f5050cb3e7ULL},
    {"PONG", 0xece04263dafe5e12ULL},
    {"BYE", 0x08511407b5055b60ULL},
    {"EVENT", 0x562bff78b30c164aULL},
};

static uint64_t fnv(const uint8_t *p, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

static void test_every_message_round_trips(void **state)
{
    (void)state;
    uint8_t *a = malloc(BUF_CAP), *b = malloc(BUF_CAP);
    assert_true(a && b);
    assert_int_equal(N_CASES, PROTO_MSG_COUNT - 1);
    assert_int_equal(N_CASES, sizeof pinned / sizeof pinned[0]);
    for (size_t i = 0; i < N_CASES; i++) {
        const codec_case *c = &cases[i];
        size_t n = c->sample(a, BUF_CAP);
        if (n == 0 || a[0] != c->type)
            fail_msg("%s: the sample does not encode as type %d", c->name, c->type);
        size_t m = c->again(a, n, b, BUF_CAP);
        if (m != n || memcmp(a, b, n))
            fail_msg("%s: decoding and encoding again gives other bytes (%zu, was %zu)", c->name, m, n);
        assert_string_equal(pinned[i].name, c->name);
        if (fnv(a, n) != pinned[i].fnv)
            fail_msg("%s: wire bytes changed: fnv 0x%016llxULL, pinned 0x%016llxULL", c->name,
                     (unsigned long long)fnv(a, n), (unsigned long long)pinned[i].fnv);
        /* one byte short, one byte extra, or another type byte: refused */
        assert_int_equal(c->again(a, n - 1, b, BUF_CAP), 0);
        a[n] = 0;
        assert_int_equal(c->again(a, n + 1, b, BUF_CAP), 0);
        a[0] = (uint8_t)(c->type % (PROTO_MSG_COUNT - 1) + 1);
        assert_int_equal(c->again(a, n, b, BUF_CAP), 0);
    }
    free(a);
    free(b);
}

/* ------------------------------------------------- who may send what */

static void expect_refused(int type, proto_sender receiver, bool welcomed, const char *reason)
{
    const char *why = NULL;
    if (proto_msg_allowed(type, receiver, welcomed, &why))
        fail_msg("%s accepted at the %s", proto_msg_name(type), receiver == PROTO_SENDER_HOST ? "host" : "client");
    assert_non_null(why);
    if (!strstr(why, reason))
        fail_msg("%s: reason \"%s\" does not say \"%s\"", proto_msg_name(type), why, reason);
}

static void test_wrong_direction_refused(void **state)
{
    (void)state;
    expect_refused(PROTO_MSG_ACTION, PROTO_SENDER_CLIENT, true,
                   "ACTION refused: it goes from a client to the host: the host may not send it");
    expect_refused(PROTO_MSG_HELLO, PROTO_SENDER_CLIENT, false, "HELLO refused: it goes from a client");
    expect_refused(PROTO_MSG_WELCOME, PROTO_SENDER_HOST, true,
                   "WELCOME refused: it goes from the host to a client: a client may not send it");
    /* from the table, for every message: the side that sends it refuses it */
    for (int t = 1; t < PROTO_MSG_COUNT; t++) {
        const proto_msg_info *m = proto_msg_lookup(t);
        assert_non_null(m);
        if (m->sender == PROTO_SENDER_HOST)
            expect_refused(t, PROTO_SENDER_HOST, true, "from the host to a client");
        else if (m->sender == PROTO_SENDER_CLIENT)
            expect_refused(t, PROTO_SENDER_CLIENT, true, "from a client to the host");
        else
            assert_true(proto_msg_allowed(t, PROTO_SENDER_HOST, true, NULL) &&
                        proto_msg_allowed(t, PROTO_SENDER_CLIENT, true, NULL));
    }
}

static void test_stage_refused(void **state)
{
    (void)state;
    /* a host takes nothing but HELLO first, and HELLO only first */
    assert_true(proto_msg_allowed(PROTO_MSG_HELLO, PROTO_SENDER_HOST, false, NULL));
    expect_refused(PROTO_MSG_ACTION, PROTO_SENDER_HOST, false, "ACTION before HELLO");
    expect_refused(PROTO_MSG_PING, PROTO_SENDER_HOST, false, "PING before HELLO");
    expect_refused(PROTO_MSG_HELLO, PROTO_SENDER_HOST, true, "HELLO after the handshake");
    assert_true(proto_msg_allowed(PROTO_MSG_ACTION, PROTO_SENDER_HOST, true, NULL));
    /* a client takes WELCOME, REJECT, PING and BYE before WELCOME */
    int early[] = {PROTO_MSG_WELCOME, PROTO_MSG_REJECT, PROTO_MSG_PING, PROTO_MSG_BYE};
    for (size_t i = 0; i < 4; i++) {
        assert_true(proto_msg_allowed(early[i], PROTO_SENDER_CLIENT, false, NULL));
        assert_true(proto_msg_allowed(early[i], PROTO_SENDER_CLIENT, true, NULL));
    }
    expect_refused(PROTO_MSG_UPDATE, PROTO_SENDER_CLIENT, false, "UPDATE before WELCOME");
    expect_refused(PROTO_MSG_PONG, PROTO_SENDER_CLIENT, false, "PONG before WELCOME");
    /* types outside the table */
    int unknown[] = {0, PROTO_MSG_COUNT, 200, 255, -1};
    for (size_t i = 0; i < 5; i++) {
        expect_refused(unknown[i], PROTO_SENDER_HOST, true, "unknown message type");
        expect_refused(unknown[i], PROTO_SENDER_CLIENT, false, "unknown message type");
        assert_null(proto_msg_lookup(unknown[i]));
        assert_string_equal(proto_msg_name(unknown[i]), "?");
    }
    assert_string_equal(proto_msg_name(PROTO_MSG_EVENT), "EVENT");
}

TS_MAIN(NULL, NULL,
        cmocka_unit_test(test_every_message_round_trips),
        cmocka_unit_test(test_wrong_direction_refused),
        cmocka_unit_test(test_stage_refused))
