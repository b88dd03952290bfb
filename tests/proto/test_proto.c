/* proto: every message round-trips; truncated, trailing, oversized and
 * lying inputs are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "proto/proto.h"
#include "test_scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const void *find_bytes(const void *hay, size_t n, const void *needle, size_t m)
{
    const uint8_t *h = hay;
    for (size_t i = 0; m <= n && i + m <= n; i++)
        if (!memcmp(h + i, needle, m))
            return h + i;
    return NULL;
}

static core_scenario *make_scenario(void)
{
    core_scenario *sc = calloc(1, sizeof *sc);
    snprintf(sc->id, sizeof sc->id, "test");
    snprintf(sc->title, sizeof sc->title, "Testlevel met ë");
    sc->rules.rounds = 6;
    sc->rules.centrality_alarm = 0.6;
    sc->n_roles = 2;
    for (int r = 0; r < 2; r++) {
        snprintf(sc->roles[r].id, sizeof sc->roles[r].id, "rol%d", r);
        snprintf(sc->roles[r].name, sizeof sc->roles[r].name, "Rol %d", r);
        sc->roles[r].n_domains = 1;
        snprintf(sc->roles[r].domains[0], CORE_ID_LEN, "leren");
        sc->roles[r].deck_size = 2;
        sc->roles[r].deck[0] = r;
        sc->roles[r].deck[1] = r;
    }
    sc->n_seats = 2;
    sc->seat_roles[0] = 0;
    sc->seat_roles[1] = 1;
    sc->n_cards = 2;
    for (int c = 0; c < 2; c++) {
        snprintf(sc->cards[c].id, CORE_ID_LEN, "kaart%d", c);
        sc->cards[c].role = c;
        sc->cards[c].strength = 2;
    }
    sc->n_needs = 1;
    snprintf(sc->needs[0].id, CORE_ID_LEN, "nood");
    sc->needs[0].target = 5;
    sc->n_facts = 2;
    for (int f = 0; f < 2; f++) {
        snprintf(sc->facts[f].id, CORE_ID_LEN, "feit%d", f);
        snprintf(sc->facts[f].text, CORE_TEXT_LEN, "GEHEIM-FEIT-%d", f);
        sc->facts[f].role = f;
        sc->facts[f].needs = 1;
    }
    sc->n_frictions = 1;
    sc->frictions[0].innovation_card = CORE_NONE;
    sc->n_events = 1;
    sc->events[0].round = 3;
    sc->events[0].need = 0;
    sc->events[0].welbevinden_delta = -2;
    snprintf(sc->events[0].text, CORE_TEXT_LEN, "VERRASSING: de juf is ziek");
    sc->frictions[0].roles = 3;
    return sc;
}

static void test_hello_roundtrip(void **state)
{
    (void)state;
    proto_hello h = {0}, back;
    h.magic = PROTO_MAGIC;
    h.version = PROTO_VERSION;
    strcpy(h.build, "samenspel 0.1");
    strcpy(h.code, "ABCD");
    strcpy(h.name, "Fien");
    strcpy(h.role, "leraar");
    h.has_token = true;
    for (int i = 0; i < PROTO_TOKEN_LEN; i++)
        h.token[i] = (uint8_t)(i * 7);
    uint8_t buf[512];
    size_t n = proto_encode_hello(buf, sizeof buf, &h);
    assert_true(n > 0);
    assert_true(proto_decode_hello(buf, n, &back, NULL));
    assert_string_equal(back.name, "Fien");
    assert_string_equal(back.role, "leraar");
    assert_memory_equal(back.token, h.token, PROTO_TOKEN_LEN);
    /* every truncation fails, one trailing byte fails */
    for (size_t k = 0; k < n; k++)
        assert_false(proto_decode_hello(buf, k, &back, NULL));
    buf[n] = 0;
    const char *why = NULL;
    assert_false(proto_decode_hello(buf, n + 1, &back, &why));
    assert_string_equal(why, "trailing bytes after the message");
    assert_false(back.observe);

    /* the join mode byte: 1 observe, 2 observe while choosing a role, 3 is refused */
    h.has_token = false;
    h.observe = true;
    h.browse = true;
    n = proto_encode_hello(buf, sizeof buf, &h);
    assert_true(proto_decode_hello(buf, n, &back, NULL));
    assert_true(back.observe);
    assert_true(back.browse);
    assert_int_equal(buf[n - 2], 2);
    h.browse = false;
    n = proto_encode_hello(buf, sizeof buf, &h);
    assert_true(proto_decode_hello(buf, n, &back, NULL));
    assert_true(back.observe);
    assert_false(back.browse);
    buf[n - 2] = 3;
    assert_false(proto_decode_hello(buf, n, &back, &why));
    assert_string_equal(why, "join mode is not 0, 1 or 2");
}

static void test_hello_other_version_is_readable(void **state)
{
    (void)state;
    /* a future client: magic + version and then anything */
    uint8_t buf[] = {PROTO_MSG_HELLO, 0x53, 0x50, 0x4C, 0x31, 0x00, 0x09, 0xFF, 0xFF, 0xFF};
    proto_hello back;
    assert_true(proto_decode_hello(buf, sizeof buf, &back, NULL));
    assert_int_equal(back.version, 9);
}

static void test_action_ranges(void **state)
{
    (void)state;
    proto_action a = {0}, back;
    a.seq = 77;
    a.action.type = CORE_ACT_COMMIT;
    a.action.a = 3;
    a.action.b = 0;
    a.action.c = 2;
    strcpy(a.action.text, "samen plannen");
    uint8_t buf[PROTO_MAX_CLIENT_FRAME];
    size_t n = proto_encode_action(buf, sizeof buf, &a);
    assert_true(n > 0 && n <= PROTO_MAX_CLIENT_FRAME);
    assert_true(proto_decode_action(buf, n, &back, NULL));
    assert_int_equal(back.seq, 77);
    assert_int_equal(back.action.type, CORE_ACT_COMMIT);
    assert_int_equal(back.action.c, 2);
    assert_int_equal(back.action.seat, CORE_NONE); /* never from the wire */
    /* an action type beyond the table is refused */
    buf[5] = (uint8_t)CORE_ACT_COUNT;
    assert_false(proto_decode_action(buf, n, &back, NULL));
    /* the longest possible text still fits a client frame */
    memset(a.action.text, 'x', CORE_ANSWER_LEN - 1);
    a.action.text[CORE_ANSWER_LEN - 1] = '\0';
    assert_true(proto_encode_action(buf, sizeof buf, &a) > 0);
    /* an unterminated text is refused by the encoder */
    memset(a.action.text, 'x', CORE_ANSWER_LEN);
    assert_int_equal(proto_encode_action(buf, sizeof buf, &a), 0);
}

static void test_string_lies(void **state)
{
    (void)state;
    /* REJECT with a string length larger than the field */
    uint8_t buf[8] = {PROTO_MSG_REJECT, 2, 0xFF, 0xFF, 'a', 'b', 'c', 'd'};
    proto_reject r;
    const char *why = NULL;
    assert_false(proto_decode_reject(buf, sizeof buf, &r, &why));
    assert_string_equal(why, "string longer than its field");
    /* a length that fits the field but not the bytes left */
    uint8_t buf2[6] = {PROTO_MSG_REJECT, 2, 0x00, 0x10, 'a', 'b'};
    assert_false(proto_decode_reject(buf2, sizeof buf2, &r, &why));
    assert_string_equal(why, "message truncated");
    /* embedded NUL */
    uint8_t buf3[7] = {PROTO_MSG_REJECT, 2, 0x00, 0x03, 'a', 0, 'b'};
    assert_false(proto_decode_reject(buf3, sizeof buf3, &r, &why));
}

static void test_welcome_redacts(void **state)
{
    (void)state;
    core_scenario *sc = make_scenario();
    core_scenario *back = calloc(1, sizeof *back);
    uint8_t *buf = malloc(PROTO_MAX_FRAME);
    proto_welcome w = {0}, wb;
    w.seat = 0;
    strcpy(w.code, "WXYZ");
    size_t n = proto_encode_welcome(buf, PROTO_MAX_FRAME, &w, sc, 1u, 0u); /* fact 0 only, no event */
    assert_true(n > 0);
    /* the private text of fact 1 is nowhere in the bytes */
    assert_null(find_bytes(buf, n, "GEHEIM-FEIT-1", 13));
    assert_non_null(find_bytes(buf, n, "GEHEIM-FEIT-0", 13));
    assert_true(proto_decode_welcome(buf, n, &wb, back, NULL));
    assert_string_equal(back->facts[0].text, "GEHEIM-FEIT-0");
    assert_string_equal(back->facts[1].text, "");
    assert_string_equal(back->title, sc->title);
    assert_int_equal(back->n_cards, 2);
    assert_true(back->rules.centrality_alarm > 0.59 && back->rules.centrality_alarm < 0.61);
    for (size_t k = 0; k < n; k += 7)
        assert_false(proto_decode_welcome(buf, k, &wb, back, NULL));
    /* a scripted event stays a surprise until its round: only its round
     * travels; then an EVENT message brings the rest */
    assert_null(find_bytes(buf, n, "VERRASSING", 10));
    assert_true(proto_decode_welcome(buf, n, &wb, back, NULL)); /* the loop above left a failed decode */
    assert_int_equal(back->n_events, 1);
    assert_int_equal(back->events[0].round, 3);
    assert_string_equal(back->events[0].text, "");
    assert_int_equal(back->events[0].need, CORE_NONE);
    proto_event pe = {0, sc->events[0]}, pb;
    n = proto_encode_event(buf, PROTO_MAX_FRAME, &pe);
    assert_true(n > 0);
    assert_true(proto_decode_event(buf, n, &pb, NULL));
    assert_string_equal(pb.event.text, "VERRASSING: de juf is ziek");
    assert_int_equal(pb.event.welbevinden_delta, -2);
    assert_false(proto_decode_event(buf, n - 1, &pb, NULL));
    n = proto_encode_welcome(buf, PROTO_MAX_FRAME, &w, sc, 1u, 1u);
    assert_true(proto_decode_welcome(buf, n, &wb, back, NULL));
    assert_string_equal(back->events[0].text, "VERRASSING: de juf is ziek");
    free(sc);
    free(back);
    free(buf);
}

static void test_count_lies(void **state)
{
    (void)state;
    /* UPDATE claiming 200 events with 10 bytes left: refused before any
     * loop runs (the CVE-2020-14983 class) */
    uint8_t buf[16] = {PROTO_MSG_UPDATE, 0, 0, 0, 1, 0x00, 200};
    proto_update *u = calloc(1, sizeof *u);
    const char *why = NULL;
    assert_false(proto_decode_update(buf, sizeof buf, u, &why));
    assert_string_equal(why, "count larger than the bytes that follow");
    /* more events than the array holds */
    uint8_t buf2[8] = {PROTO_MSG_UPDATE, 0, 0, 0, 1, 0x01, 0x01};
    assert_false(proto_decode_update(buf2, sizeof buf2, u, &why));
    free(u);
}

static void test_update_roundtrip(void **state)
{
    (void)state;
    core_seat_view *v = calloc(1, sizeof *v);
    v->pub.round = 2;
    v->pub.phase = CORE_PHASE_INZET;
    v->pub.n_seats = 2;
    v->pub.n_needs = 1;
    v->pub.need_lead[0] = 1;
    v->pub.lead_proposal[0] = CORE_NONE;
    v->pub.goal_proposal = CORE_NONE;
    v->pub.goal_proposer = CORE_NONE;
    v->pub.reflection_card = CORE_NONE;
    v->pub.afspraken[0].proposer = v->pub.afspraken[0].option = CORE_NONE; /* as core leaves it */
    v->pub.fact_shared[1] = true;
    v->pub.edges[0][1] = v->pub.edges[1][0] = 3;
    v->pub.live.density = 0.5;
    v->pub.n_rounds_done = 1;
    v->pub.rounds[1].level = CORE_LEVEL_COOPERATIEF;
    v->seat = 1;
    v->role = 1;
    v->hand_n = 2;
    v->hand[0] = 1;
    v->hand[1] = 1;
    v->reflection_option = CORE_NONE;
    v->dossier_n = 1;
    v->dossier[0] = 1;
    core_events ev = {0};
    ev.n = 1;
    ev.ev[0].type = CORE_EVT_PHASE;
    ev.ev[0].seat = CORE_NONE;
    ev.ev[0].a = CORE_PHASE_INZET;
    ev.ev[0].b = 2;
    uint8_t *buf = malloc(PROTO_MAX_FRAME);
    size_t n = proto_encode_update(buf, PROTO_MAX_FRAME, 5, &ev, 1, v, NULL);
    assert_true(n > 0);
    proto_update *u = calloc(1, sizeof *u);
    assert_true(proto_decode_update(buf, n, u, NULL));
    assert_int_equal(u->tick, 5);
    assert_int_equal(u->events.n, 1);
    assert_int_equal(u->view.hand_n, 2);
    assert_int_equal(u->view.pub.edges[0][1], 3);
    assert_true(u->view.pub.fact_shared[1]);
    assert_int_equal(u->view.pub.rounds[1].level, CORE_LEVEL_COOPERATIEF);
    core_scenario *sc = make_scenario();
    assert_true(proto_view_fits(sc, &u->view, true, NULL));
    assert_true(proto_events_fit(sc, 2, &u->events, NULL));
    /* a hand card beyond the scenario is caught by the semantic check */
    u->view.hand[0] = 5;
    assert_false(proto_view_fits(sc, &u->view, true, NULL));
    /* the public variant carries no hand at all */
    size_t m = proto_encode_update(buf, PROTO_MAX_FRAME, 6, &ev, 0, NULL, &v->pub);
    assert_true(m > 0 && m < n);
    assert_true(proto_decode_update(buf, m, u, NULL));
    assert_int_equal(u->view_kind, 0);
    assert_int_equal(u->view.hand_n, 0);
    for (size_t k = 0; k < m; k++)
        assert_false(proto_decode_update(buf, k, u, NULL));
    free(sc);
    free(u);
    free(v);
    free(buf);
}

/* A scenario with every field of rules v2 (protocol 4) set. */
static core_scenario *make_scenario_v2(void)
{
    core_scenario *sc = make_scenario();
    test_rules_v2(&sc->rules);
    test_scenario_v2_marks(sc);
    return sc;
}

static void test_welcome_v2_fields(void **state)
{
    (void)state;
    core_scenario *sc = make_scenario_v2();
    core_scenario *back = calloc(1, sizeof *back);
    uint8_t *buf = malloc(PROTO_MAX_FRAME);
    proto_welcome w = {0}, wb;
    strcpy(w.code, "WXYZ");
    size_t n = proto_encode_welcome(buf, PROTO_MAX_FRAME, &w, sc, 3u, 1u);
    assert_true(n > 0);
    assert_true(proto_decode_welcome(buf, n, &wb, back, NULL));
    assert_memory_equal(&back->rules, &sc->rules, sizeof sc->rules);
    assert_true(back->cards[1].pupil_voice);
    assert_false(back->cards[0].pupil_voice);
    assert_true(back->roles[0].guardian && !back->roles[0].pupil && !back->roles[0].organizer);
    assert_true(back->roles[1].pupil && back->roles[1].organizer && !back->roles[1].guardian);
    assert_true(back->facts[0].sensitive && !back->facts[0].pupil_voice);
    assert_true(back->facts[1].pupil_voice && !back->facts[1].sensitive);
    assert_int_equal(back->frictions[0].n_options, 2);
    assert_string_equal(back->frictions[0].options[1], "Eén contactpersoon voor thuis");
    assert_int_equal(back->reflections[0].fit_signal, 0x6);
    assert_int_equal(back->reflections[0].fit_quiet, 0x1);
    /* every byte of the scenario a client may see came back */
    assert_memory_equal(back->cards, sc->cards, sizeof sc->cards);
    assert_memory_equal(back->roles, sc->roles, sizeof sc->roles);
    assert_memory_equal(back->frictions, sc->frictions, sizeof sc->frictions);
    assert_memory_equal(back->reflections, sc->reflections, sizeof sc->reflections);
    /* a fit mask with a bit beyond the four options is refused */
    sc->reflections[0].fit_quiet = 0x10;
    n = proto_encode_welcome(buf, PROTO_MAX_FRAME, &w, sc, 3u, 1u);
    assert_true(n > 0);
    const char *why = NULL;
    assert_false(proto_decode_welcome(buf, n, &wb, back, &why));
    assert_string_equal(why, "bit set outside the allowed range");
    /* more suggested afspraken than CORE_MAX_OPTIONS cannot be sent */
    sc->reflections[0].fit_quiet = 0;
    sc->frictions[0].n_options = CORE_MAX_OPTIONS + 1;
    assert_int_equal(proto_encode_welcome(buf, PROTO_MAX_FRAME, &w, sc, 3u, 1u), 0);
    free(sc);
    free(back);
    free(buf);
}

static void test_update_v2_fields(void **state)
{
    (void)state;
    core_seat_view *v = calloc(1, sizeof *v);
    test_view_v2(v);
    uint8_t *buf = malloc(PROTO_MAX_FRAME);
    proto_update *u = calloc(1, sizeof *u);
    core_scenario *sc = make_scenario_v2();
    size_t n = proto_encode_update(buf, PROTO_MAX_FRAME, 9, NULL, 0, NULL, &v->pub);
    assert_true(n > 0);
    assert_non_null(find_bytes(buf, n, "We bellen elke maandag", 22));
    assert_true(proto_decode_update(buf, n, u, NULL));
    /* the whole public view comes back as it was */
    assert_memory_equal(&u->view.pub, &v->pub, sizeof v->pub);
    assert_true(proto_view_fits(sc, &u->view, false, NULL));
    for (size_t k = 0; k < n; k++)
        assert_false(proto_decode_update(buf, k, u, NULL));
    /* the seat view carries the same public part */
    n = proto_encode_update(buf, PROTO_MAX_FRAME, 10, NULL, 1, v, NULL);
    assert_true(proto_decode_update(buf, n, u, NULL));
    assert_memory_equal(&u->view.pub, &v->pub, sizeof v->pub);
    assert_string_equal(u->view.pub.improvement_text[1], "Korter vergaderen");
    assert_true(proto_view_fits(sc, &u->view, true, NULL));

    /* the longest texts in every place still fit one frame */
    for (int s = 0; s < CORE_MAX_SEATS; s++)
        memset(v->pub.improvement_text[s], 'v', CORE_ANSWER_LEN - 1);
    for (int f = 0; f < CORE_MAX_FRICTIONS; f++) {
        v->pub.afspraken[f].proposer = CORE_NONE;
        v->pub.afspraken[f].option = CORE_NONE;
        memset(v->pub.afspraken[f].text, 'a', CORE_ANSWER_LEN - 1);
    }
    v->pub.n_team_goals = CORE_MAX_TEAM_GOALS;
    for (int i = 0; i < CORE_MAX_TEAM_GOALS; i++)
        memset(v->pub.team_goal_text[i], 'g', CORE_ANSWER_LEN - 1);
    v->pub.n_seats = CORE_MAX_SEATS;
    n = proto_encode_update(buf, PROTO_MAX_FRAME, 11, NULL, 0, NULL, &v->pub);
    assert_true(n > 0 && n < PROTO_MAX_FRAME);
    assert_true(proto_decode_update(buf, n, u, NULL));
    assert_memory_equal(&u->view.pub, &v->pub, sizeof v->pub);
    /* the reader takes nothing the writer would not write: a list of
     * afspraken ending in an empty slot is refused */
    test_view_v2(v);
    n = proto_encode_update(buf, PROTO_MAX_FRAME, 13, NULL, 0, NULL, &v->pub);
    const char *af = find_bytes(buf, n, "We bellen elke maandag", 22);
    assert_non_null(af);
    size_t at = (size_t)((const uint8_t *)af - buf) - 2 - 1 - 4 - 1 - 1 - 1; /* back to the count */
    assert_int_equal(buf[at], 1);
    buf[at] = 2; /* claim a second afspraak: proposer 0, option 0, agreed 0, round 0, text "" */
    uint8_t *longer = malloc(PROTO_MAX_FRAME);
    size_t tail = (size_t)((const uint8_t *)af - buf) + 45; /* after the text */
    memcpy(longer, buf, tail);
    static const uint8_t empty[9] = {0};
    memcpy(longer + tail, empty, sizeof empty);
    memcpy(longer + tail + sizeof empty, buf + tail, n - tail);
    const char *why = NULL;
    assert_false(proto_decode_update(longer, n + sizeof empty, u, &why));
    assert_string_equal(why, "afspraak list ends with an empty slot");
    free(longer);
    /* an unterminated text is refused by the encoder */
    memset(v->pub.afspraken[3].text, 'a', CORE_ANSWER_LEN);
    assert_int_equal(proto_encode_update(buf, PROTO_MAX_FRAME, 12, NULL, 0, NULL, &v->pub), 0);
    free(sc);
    free(u);
    free(v);
    free(buf);
}

/* A hostile host or peer cannot make a client index past the scenario
 * with the fields of protocol 4. */
static void test_view_v2_fits(void **state)
{
    (void)state;
    core_scenario *sc = make_scenario_v2();
    core_seat_view *v = calloc(1, sizeof *v);
    const char *why = NULL;
#define REFUSED(change, msg)                                  \
    do {                                                      \
        test_view_v2(v);                                      \
        change;                                               \
        assert_false(proto_view_fits(sc, v, true, &why));     \
        assert_string_equal(why, msg);                        \
    } while (0)
    test_view_v2(v);
    assert_true(proto_view_fits(sc, v, true, NULL));
    REFUSED(v->pub.goal_proposal = 2, "goal proposal out of range");
    REFUSED(v->pub.goal_adopted[2] = true, "goal out of range");
    REFUSED(v->pub.team_goal_needs[0] = 2, "team goal need out of range");
    REFUSED(v->pub.fact_consent[2] = 1, "consent fact out of range");
    REFUSED(v->pub.fact_no_consent[47] = true, "consent fact out of range");
    REFUSED(v->pub.afspraken[0].proposer = 2, "afspraak proposer out of range");
    REFUSED(v->pub.afspraken[0].option = 2, "afspraak option out of range");
    REFUSED(v->pub.afspraken[0].agreed = 4, "afspraak seat out of range");
    REFUSED(v->pub.afspraken[1].made_round = 1, "afspraak beyond the level's spanningen");
    REFUSED(v->pub.afspraken[15].proposer = CORE_NONE, "afspraak beyond the level's spanningen");
#undef REFUSED
    /* the level's options and the own text are both fine */
    test_view_v2(v);
    v->pub.afspraken[0].option = 1;
    assert_true(proto_view_fits(sc, v, true, NULL));

    /* events of protocol 4 */
    core_events ev = {0};
    ev.n = 1;
    ev.ev[0] = (core_event){.type = CORE_EVT_AFSPRAAK_PROPOSED, .seat = 1, .a = 0, .b = 1};
    assert_true(proto_events_fit(sc, 2, &ev, NULL));
    ev.ev[0].b = CORE_NONE;
    assert_true(proto_events_fit(sc, 2, &ev, NULL));
    ev.ev[0].b = 2;
    assert_false(proto_events_fit(sc, 2, &ev, &why));
    assert_string_equal(why, "event afspraak option out of range");
    ev.ev[0].a = 5; /* an unknown spanning is caught before its options are looked at */
    assert_false(proto_events_fit(sc, 2, &ev, &why));
    assert_string_equal(why, "event friction out of range");
    ev.ev[0] = (core_event){.type = CORE_EVT_TEAM_GOAL, .seat = 0, .a = sc->n_goals + CORE_MAX_TEAM_GOALS - 1};
    assert_true(proto_events_fit(sc, 2, &ev, NULL));
    ev.ev[0].a = sc->n_goals + CORE_MAX_TEAM_GOALS;
    assert_false(proto_events_fit(sc, 2, &ev, &why));
    assert_string_equal(why, "event goal out of range");
    ev.ev[0] = (core_event){.type = CORE_EVT_CONSENT, .seat = 0, .a = 2, .b = 1};
    assert_false(proto_events_fit(sc, 2, &ev, &why));
    assert_string_equal(why, "event fact out of range");
    ev.ev[0] = (core_event){.type = CORE_EVT_IMPROVEMENT_CHECKED, .seat = 0, .a = 2, .b = 1, .c = 2};
    assert_false(proto_events_fit(sc, 2, &ev, &why));
    assert_string_equal(why, "event seat out of range");
    ev.ev[0] = (core_event){.type = CORE_EVT_FRICTION_SOFTENED, .seat = CORE_NONE, .a = 1};
    assert_false(proto_events_fit(sc, 2, &ev, &why));
    free(v);
    free(sc);
}

/* Every action of rules v2 travels in the generic ACTION message. */
static void test_actions_v2(void **state)
{
    (void)state;
    static const core_action acts[] = {
        {.type = CORE_ACT_WORD_GOAL, .a = 63, .b = CORE_NONE, .c = CORE_NONE, .text = "Noor voelt zich gehoord"},
        {.type = CORE_ACT_PROPOSE_AFSPRAAK, .a = 15, .b = CORE_NONE, .c = CORE_NONE, .text = "Elke vrijdag een kort telefoontje"},
        {.type = CORE_ACT_PROPOSE_AFSPRAAK, .a = 0, .b = 3, .c = CORE_NONE},
        {.type = CORE_ACT_AGREE_AFSPRAAK, .a = 2, .b = 1, .c = CORE_NONE},
        {.type = CORE_ACT_ASK_CONSENT, .a = 47, .b = CORE_NONE, .c = CORE_NONE},
        {.type = CORE_ACT_CONSENT, .a = 3, .b = 0, .c = CORE_NONE},
        {.type = CORE_ACT_ASK_PUPIL, .a = CORE_NONE, .b = CORE_NONE, .c = CORE_NONE},
        {.type = CORE_ACT_SET_MEETING, .a = CORE_NONE, .b = CORE_NONE, .c = CORE_NONE},
        {.type = CORE_ACT_CHECK_IMPROVEMENT, .a = 7, .b = 1, .c = CORE_NONE},
    };
    uint8_t buf[PROTO_MAX_CLIENT_FRAME];
    for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
        proto_action m = {.seq = (uint32_t)i + 1, .action = acts[i]}, back;
        m.action.seat = 3; /* never sent */
        size_t n = proto_encode_action(buf, sizeof buf, &m);
        assert_true(n > 0);
        assert_true(proto_decode_action(buf, n, &back, NULL));
        assert_int_equal(back.action.type, acts[i].type);
        assert_int_equal(back.action.a, acts[i].a);
        assert_int_equal(back.action.b, acts[i].b);
        assert_int_equal(back.action.c, acts[i].c);
        assert_string_equal(back.action.text, acts[i].text);
        assert_int_equal(back.action.seat, CORE_NONE);
    }
}

static void test_framing(void **state)
{
    (void)state;
    uint8_t buf[16];
    const uint8_t *pl;
    size_t len, used;
    proto_frame_header(buf, 3);
    buf[4] = PROTO_MSG_PING;
    assert_int_equal(proto_frame_next(buf, 4, 100, &pl, &len, &used), PROTO_FRAME_NEED_MORE);
    assert_int_equal(proto_frame_next(buf, 7, 100, &pl, &len, &used), PROTO_FRAME_OK);
    assert_int_equal(len, 3);
    assert_int_equal(used, 7);
    proto_frame_header(buf, 0x7FFFFFFF);
    assert_int_equal(proto_frame_next(buf, 8, PROTO_MAX_CLIENT_FRAME, &pl, &len, &used), PROTO_FRAME_TOO_LARGE);
    proto_frame_header(buf, 0);
    assert_int_equal(proto_frame_next(buf, 8, 100, &pl, &len, &used), PROTO_FRAME_EMPTY);
}

static void test_discovery_sizes(void **state)
{
    (void)state;
    uint8_t q[PROTO_DISCOVERY_QUERY_LEN];
    assert_int_equal(proto_encode_discovery_query(q, sizeof q), PROTO_DISCOVERY_QUERY_LEN);
    assert_true(proto_decode_discovery_query(q, sizeof q));
    assert_false(proto_decode_discovery_query(q, sizeof q - 1));
    proto_discovery_reply r = {0}, back;
    r.version = PROTO_VERSION;
    r.port = 47800;
    strcpy(r.code, "ABCD");
    r.seats_free = 2;
    r.seats_total = 4;
    memset(r.title, 'T', sizeof r.title - 1);
    uint8_t out[128];
    size_t n = proto_encode_discovery_reply(out, sizeof out, &r);
    assert_true(n > 0);
    /* the reply is always smaller than the query: no amplification */
    assert_true(n < PROTO_DISCOVERY_QUERY_LEN);
    assert_true(proto_decode_discovery_reply(out, n, &back));
    assert_int_equal(back.port, 47800);
    assert_string_equal(back.code, "ABCD");
}

static void test_garbage_never_decodes_as_everything(void **state)
{
    (void)state;
    /* pseudo-random garbage of every length: decoders must return without
     * crashing (ASan/UBSan watch) */
    uint8_t buf[512];
    uint32_t x = 12345;
    core_scenario *sc = calloc(1, sizeof *sc);
    proto_update *u = calloc(1, sizeof *u);
    for (int round = 0; round < 2000; round++) {
        size_t n = (size_t)(round % 512);
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = (uint8_t)(x >> 16);
        }
        if (n)
            buf[0] = (uint8_t)(1 + round % (PROTO_MSG_COUNT - 1));
        proto_hello h;
        proto_welcome w;
        proto_reject r;
        proto_lobby l;
        proto_action a;
        proto_result res;
        proto_fact f;
        proto_ping p;
        proto_reject_code rc;
        (void)proto_decode_hello(buf, n, &h, NULL);
        (void)proto_decode_welcome(buf, n, &w, sc, NULL);
        (void)proto_decode_reject(buf, n, &r, NULL);
        (void)proto_decode_lobby(buf, n, &l, NULL);
        (void)proto_decode_action(buf, n, &a, NULL);
        (void)proto_decode_result(buf, n, &res, NULL);
        (void)proto_decode_update(buf, n, u, NULL);
        (void)proto_decode_fact(buf, n, &f, NULL);
        (void)proto_decode_ping(buf, n, PROTO_MSG_PING, &p, NULL);
        (void)proto_decode_bye(buf, n, &rc, NULL);
    }
    free(sc);
    free(u);
}

/* The wire layouts mirror core.h field by field. When core adds a field,
 * this test fails so that ser_* in proto.c and PROTOCOL.md are updated
 * (and the new field is not silently dropped on the wire). */
static void test_core_structs_unchanged(void **state)
{
    (void)state;
    /* 18 ints, 7 doubles, off_domain_divisor, then the 11 ints of protocol 4 */
    assert_int_equal(sizeof(core_rules), 30 * sizeof(int) + 7 * sizeof(double));
    assert_int_equal(offsetof(core_rules, off_domain_divisor), 18 * sizeof(int) + 7 * sizeof(double));
    assert_int_equal(offsetof(core_rules, consent_penalty), 29 * sizeof(int) + 7 * sizeof(double));
#if defined(__x86_64__) && defined(__linux__)
    /* sizes as of protocol version 4 on the CI machine */
    assert_int_equal(sizeof(core_public_view), 19528);
    assert_int_equal(sizeof(core_seat_view), 20416);
    assert_int_equal(sizeof(core_scenario), 221032);
#endif
    assert_int_equal(CORE_EVT_COUNT, 44);
    assert_int_equal(CORE_REJ_COUNT, 47);
    assert_int_equal(CORE_ACT_COUNT, 26); /* 17 NEW_PLAYER is host-only; PROTOCOL.md says so */
    assert_int_equal(CORE_EV_TAG_COUNT, 18);
}

TS_MAIN(NULL, NULL,
        cmocka_unit_test(test_core_structs_unchanged),
        cmocka_unit_test(test_hello_roundtrip),
        cmocka_unit_test(test_hello_other_version_is_readable),
        cmocka_unit_test(test_action_ranges),
        cmocka_unit_test(test_string_lies),
        cmocka_unit_test(test_welcome_redacts),
        cmocka_unit_test(test_count_lies),
        cmocka_unit_test(test_update_roundtrip),
        cmocka_unit_test(test_welcome_v2_fields),
        cmocka_unit_test(test_update_v2_fields),
        cmocka_unit_test(test_view_v2_fits),
        cmocka_unit_test(test_actions_v2),
        cmocka_unit_test(test_framing),
        cmocka_unit_test(test_discovery_sizes),
        cmocka_unit_test(test_garbage_never_decodes_as_everything))
