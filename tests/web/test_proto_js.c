/*
 * web/proto.js speaks protocol 4 as src/proto does: frames the C codec
 * writes (a WELCOME and UPDATEs with every field of rules version 2) are
 * decoded by proto.js under node (tests/web/proto_js_check.mjs checks each
 * value), and the new actions proto.js encodes are decoded here.
 */
#include "proto/proto.h"
#include "test_scenario.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ts_main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void write_frame(const char *name, const uint8_t *payload, size_t n)
{
    assert_true(n > 0);
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    uint8_t hdr[PROTO_HEADER_LEN];
    proto_frame_header(hdr, (uint32_t)n);
    assert_int_equal(fwrite(hdr, 1, sizeof hdr, f), sizeof hdr);
    assert_int_equal(fwrite(payload, 1, n, f), n);
    fclose(f);
}

static core_scenario *scenario(void)
{
    core_scenario *sc = calloc(1, sizeof *sc);
    strcpy(sc->id, "noor");
    strcpy(sc->title, "Noor");
    sc->rules.rounds = 6;
    test_rules_v2(&sc->rules);
    sc->n_roles = 2;
    strcpy(sc->roles[0].id, "ouder");
    strcpy(sc->roles[1].id, "leerling");
    strcpy(sc->role_badges[0], "OU");
    strcpy(sc->role_badges[1], "LL");
    sc->n_seats = 2;
    sc->seat_roles[1] = 1;
    sc->n_cards = 2;
    sc->cards[1].role = 1;
    sc->n_needs = 1;
    sc->n_facts = 2;
    strcpy(sc->facts[0].text, "GEHEIM-FEIT-0");
    sc->facts[1].role = 1;
    sc->n_frictions = 1;
    sc->frictions[0].roles = 3;
    sc->frictions[0].innovation_card = CORE_NONE;
    test_scenario_v2_marks(sc);
    return sc;
}

/* The protocol tests' view, as proto_js_check.mjs expects it: the pupil
 * not heard yet, no afspraak in the third round's record. */
static void view(core_seat_view *v)
{
    test_view_v2(v);
    v->pub.pupil_voice = false;
    v->pub.rounds[2].afspraken = 0;
}

static void test_proto_js_speaks_protocol_4(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ss_protojs_XXXXXX");
    assert_non_null(mkdtemp(dir));
    core_scenario *sc = scenario();
    uint8_t *buf = malloc(PROTO_MAX_FRAME);
    proto_welcome w = {.seat = 0};
    strcpy(w.code, "NOOR");
    write_frame("welcome.bin", buf, proto_encode_welcome(buf, PROTO_MAX_FRAME, &w, sc, 1u, 0u));
    core_seat_view *v = calloc(1, sizeof *v);
    view(v);
    assert_true(proto_view_fits(sc, v, true, NULL));
    core_events ev = {.n = 1};
    ev.ev[0] = (core_event){.type = CORE_EVT_AFSPRAAK_MADE, .seat = CORE_NONE, .a = 0};
    write_frame("update.bin", buf, proto_encode_update(buf, PROTO_MAX_FRAME, 7, &ev, 1, v, NULL));
    write_frame("update-pub.bin", buf, proto_encode_update(buf, PROTO_MAX_FRAME, 8, &ev, 0, NULL, &v->pub));

    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' '%s' '%s' '%s'", NODE_BIN, CHECK_MJS, PROTO_JS, dir);
    assert_int_equal(system(cmd), 0);

    /* the actions proto.js wrote, as the host reads them */
    char path[128];
    snprintf(path, sizeof path, "%s/actions.bin", dir);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t len = fread(buf, 1, PROTO_MAX_FRAME, f);
    fclose(f);
    static const struct {
        core_action_type type;
        int a, b;
        const char *text;
    } want[] = {
        {CORE_ACT_WORD_GOAL, 3, -1, "Noor voelt zich gehoord"},
        {CORE_ACT_PROPOSE_AFSPRAAK, 0, -1, "Elke vrijdag een kort telefoontje"},
        {CORE_ACT_PROPOSE_AFSPRAAK, 0, 1, ""}, /* the level's option: no text */
        {CORE_ACT_AGREE_AFSPRAAK, 0, 1, ""},
        {CORE_ACT_ASK_CONSENT, 0, -1, ""},
        {CORE_ACT_CONSENT, 0, 0, ""},
        {CORE_ACT_ASK_PUPIL, -1, -1, ""},
        {CORE_ACT_SET_MEETING, -1, -1, ""},
        {CORE_ACT_CHECK_IMPROVEMENT, 1, 1, ""},
        {CORE_ACT_READY, CORE_PHASE_OVERLEG, 2, ""}, /* the phase and round it is meant for */
    };
    size_t at = 0;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const uint8_t *pl;
        size_t plen, used;
        assert_int_equal(proto_frame_next(buf + at, len - at, PROTO_MAX_CLIENT_FRAME, &pl, &plen, &used),
                         PROTO_FRAME_OK);
        proto_action m;
        const char *why = NULL;
        if (!proto_decode_action(pl, plen, &m, &why))
            fail_msg("action %zu from proto.js: %s", i, why);
        assert_int_equal(m.seq, i + 1);
        assert_int_equal(m.action.type, want[i].type);
        assert_int_equal(m.action.a, want[i].a);
        assert_int_equal(m.action.b, want[i].b);
        assert_int_equal(m.action.c, -1);
        assert_string_equal(m.action.text, want[i].text);
        at += used;
    }
    assert_int_equal(at, len);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(v);
    free(buf);
    free(sc);
}

TS_MAIN(NULL, NULL,
        cmocka_unit_test(test_proto_js_speaks_protocol_4))
