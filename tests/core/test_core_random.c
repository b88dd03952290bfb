/*
 * Determinism and invariants under random action sequences: 1000 games of
 * random (mostly legal, partly illegal) actions. Every accepted action is
 * recorded with the state hash after it; a replay from the same seed must
 * give the same hash at every step. After every step the invariants hold
 * (tracks in range, cards conserved, limits respected), a rejected action
 * never changes the state, and no view shows another seat's private data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "test_play.h"

#define GAMES 1000
#define MAX_STEPS 700

typedef struct {
    core_action act[MAX_STEPS];
    uint64_t hash[MAX_STEPS];
    int n;
} journal;

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void check_invariants(const core_state *st, bool deep)
{
    const core_scenario *sc = st->sc;
    const core_rules *r = &sc->rules;
    assert_true(st->welbevinden >= 0 && st->welbevinden <= r->welbevinden_max);
    assert_true(st->draagkracht >= 0 && st->draagkracht <= r->draagkracht_max);
    assert_true(st->round >= 0 && st->round <= r->rounds);
    assert_true(st->n_promises >= 0 && st->n_promises <= CORE_MAX_PROMISES);
    assert_true(st->n_innovations >= 0 && st->n_innovations <= CORE_MAX_INNOVATIONS);
    for (int i = 0; i < st->n_innovations; i++)
        assert_int_equal(sc->cards[st->innovations[i]].type, CORE_CARD_INNOVATION);
    for (int n = 0; n < sc->n_needs; n++) {
        assert_true(st->need_progress[n] >= 0);
        if (st->need_met[n])
            assert_true(st->need_progress[n] >= sc->needs[n].target);
    }
    if (st->phase != CORE_PHASE_INZET)
        for (int s = 0; s < sc->n_seats; s++)
            assert_int_equal(st->seats[s].commit_n, 0);
    for (int s = 0; s < sc->n_seats; s++) {
        const core_seat_state *ss = &st->seats[s];
        const core_role_def *ro = &sc->roles[sc->seat_roles[s]];
        assert_true(ss->hand_n >= 0 && ss->hand_n <= r->hand_size);
        assert_true(ss->commit_n >= 0 && ss->commit_n <= r->max_commit);
        assert_int_equal(ss->deck_n + ss->discard_n + ss->hand_n, ro->deck_size);
        if (!deep)
            continue;
        int all[3 * CORE_MAX_DECK], want[CORE_MAX_DECK], k = 0;
        for (int i = 0; i < ss->deck_n; i++)
            all[k++] = ss->deck[i];
        for (int i = 0; i < ss->discard_n; i++)
            all[k++] = ss->discard[i];
        for (int i = 0; i < ss->hand_n; i++)
            all[k++] = ss->hand[i];
        memcpy(want, ro->deck, sizeof(int) * (size_t)ro->deck_size);
        qsort(all, (size_t)k, sizeof(int), cmp_int);
        qsort(want, (size_t)ro->deck_size, sizeof(int), cmp_int);
        assert_memory_equal(all, want, sizeof(int) * (size_t)k);
        for (int c = 0; c < ss->commit_n; c++) {
            const core_commitment *cm = &ss->commits[c];
            if (cm->innovation)
                assert_true(cm->slot < st->n_innovations);
            else
                assert_int_equal(ss->hand[cm->slot], cm->card);
        }
    }
}

static void check_views(const core_state *st, core_public_view *pub, core_seat_view *sv)
{
    const core_scenario *sc = st->sc;
    core_public_view_get(st, pub);
    bool reveal_time = st->phase == CORE_PHASE_UITVOERING || st->phase == CORE_PHASE_REFLECTIE ||
                       st->phase == CORE_PHASE_END;
    if (!reveal_time) {
        assert_false(pub->revealed);
        for (int s = 0; s < CORE_MAX_SEATS; s++)
            assert_int_equal(pub->revealed_n[s], 0);
    }
    for (int f = 0; f < CORE_MAX_FACTS; f++)
        assert_int_equal(pub->fact_shared[f], f < sc->n_facts && st->fact_shared[f]);
    for (int s = 0; s < sc->n_seats; s++) {
        core_seat_view_get(st, s, sv);
        assert_int_equal(sv->seat, s);
        /* the public part of a seat view is exactly the public view */
        assert_memory_equal(&sv->pub, pub, sizeof *pub);
        assert_int_equal(sv->hand_n, st->seats[s].hand_n);
        assert_memory_equal(sv->hand, st->seats[s].hand, sizeof(int) * (size_t)sv->hand_n);
        for (int h = sv->hand_n; h < CORE_MAX_HAND; h++)
            assert_int_equal(sv->hand[h], 0);
        assert_int_equal(sv->commit_n, st->seats[s].commit_n);
        for (int i = 0; i < sv->dossier_n; i++)
            assert_int_equal(sc->facts[sv->dossier[i]].role, sc->seat_roles[s]);
    }
}

static core_action random_action(core_rng *rng, const core_state *st)
{
    core_action a;
    memset(&a, 0, sizeof a);
    uint32_t roll = core_rng_below(rng, 100);
    int ns = st->sc->n_seats;
    a.seat = (int)core_rng_below(rng, (uint32_t)ns + 1u) - (roll < 3 ? 1 : 0); /* sometimes out of range */
    if (roll < 5) {
        a.type = CORE_ACT_ADVANCE;
        a.seat = CORE_SEAT_HOST;
        return a;
    }
    if (roll < 7) {
        a.type = (core_action_type)core_rng_below(rng, CORE_ACT_COUNT + 2);
    } else {
        /* mostly plausible actions for the phase */
        static const core_action_type by_phase[CORE_PHASE_COUNT][6] = {
            [CORE_PHASE_LOBBY] = {CORE_ACT_START, CORE_ACT_START, CORE_ACT_READY, CORE_ACT_START, CORE_ACT_START,
                                  CORE_ACT_START},
            [CORE_PHASE_SIGNAAL] = {CORE_ACT_READY, CORE_ACT_SHARE_FACT, CORE_ACT_UNREADY, CORE_ACT_READY,
                                    CORE_ACT_READY, CORE_ACT_COMMIT},
            [CORE_PHASE_IDENTITEIT] = {CORE_ACT_SHARE_FACT, CORE_ACT_PROPOSE_GOAL, CORE_ACT_VOTE_GOAL,
                                       CORE_ACT_PROPOSE_LEAD, CORE_ACT_READY, CORE_ACT_ASK},
            [CORE_PHASE_OVERLEG] = {CORE_ACT_ASK, CORE_ACT_OFFER, CORE_ACT_RESPOND, CORE_ACT_VOTE_GOAL,
                                    CORE_ACT_ACCEPT_LEAD, CORE_ACT_READY},
            [CORE_PHASE_INZET] = {CORE_ACT_COMMIT, CORE_ACT_COMMIT, CORE_ACT_UNCOMMIT, CORE_ACT_READY,
                                  CORE_ACT_COMMIT, CORE_ACT_RESPOND},
            [CORE_PHASE_UITVOERING] = {CORE_ACT_READY, CORE_ACT_SHARE_FACT, CORE_ACT_READY, CORE_ACT_UNREADY,
                                       CORE_ACT_READY, CORE_ACT_READY},
            [CORE_PHASE_REFLECTIE] = {CORE_ACT_REFLECT, CORE_ACT_REFLECT, CORE_ACT_READY, CORE_ACT_READY,
                                      CORE_ACT_DROP_GOAL, CORE_ACT_REFLECT},
            [CORE_PHASE_END] = {CORE_ACT_READY, CORE_ACT_ADVANCE, CORE_ACT_COMMIT, CORE_ACT_READY, CORE_ACT_READY,
                                CORE_ACT_READY},
        };
        int p = st->phase >= 0 && st->phase < CORE_PHASE_COUNT ? (int)st->phase : 0;
        a.type = by_phase[p][core_rng_below(rng, 6)];
        if (st->phase == CORE_PHASE_OVERLEG && core_rng_below(rng, 4) == 0) {
            static const core_action_type extra[] = {CORE_ACT_PROPOSE_GOAL, CORE_ACT_DROP_GOAL,
                                                     CORE_ACT_PROPOSE_LEAD, CORE_ACT_SHARE_FACT};
            a.type = extra[core_rng_below(rng, 4)];
        }
    }
    if (a.type == CORE_ACT_START || a.type == CORE_ACT_ADVANCE)
        a.seat = core_rng_below(rng, 8) ? CORE_SEAT_HOST : 0;
    a.a = (int)core_rng_below(rng, 12) - 1;
    a.b = (int)core_rng_below(rng, 3);
    a.c = (int)core_rng_below(rng, 6) - 1;
    if (a.type == CORE_ACT_COMMIT && core_rng_below(rng, 4) == 0)
        a.a = CORE_MAX_HAND + (int)core_rng_below(rng, 3);
    if (a.type == CORE_ACT_RESPOND)
        a.a = (int)core_rng_below(rng, (uint32_t)st->n_promises + 1u);
    if (a.type == CORE_ACT_REFLECT && core_rng_below(rng, 2)) {
        int len = (int)core_rng_below(rng, 160);
        for (int i = 0; i < len; i++)
            a.text[i] = (char)('a' + core_rng_below(rng, 26));
    }
    return a;
}

/* Plays one random game; fills j with the accepted actions and hashes. */
static void play_random(const core_scenario *sc, uint64_t seed, journal *j, core_public_view *pub,
                        core_seat_view *sv, int *ended)
{
    core_state st;
    char err[100];
    assert_true(core_init(&st, sc, seed, err, sizeof err));
    core_rng rng;
    core_rng_seed(&rng, seed, 99);
    j->n = 0;
    for (int step = 0; step < 4 * MAX_STEPS && j->n < MAX_STEPS && st.phase != CORE_PHASE_END; step++) {
        core_action a = random_action(&rng, &st);
        core_reject chk = core_check(&st, &a);
        bool sample = (step & 15) == 0;
        uint64_t before = sample ? core_state_hash(&st) : 0;
        core_events ev;
        ev.n = 0;
        core_reject r = core_apply(&st, &a, &ev);
        assert_int_equal(r, chk);
        if (r != CORE_OK) {
            assert_int_equal(ev.n, 0);
            if (sample)
                assert_true(core_state_hash(&st) == before);
            continue;
        }
        assert_true(ev.n > 0 && ev.n <= CORE_MAX_EVENTS);
        j->act[j->n] = a;
        j->hash[j->n] = core_state_hash(&st);
        j->n++;
        check_invariants(&st, (step & 7) == 0);
        if ((j->n & 31) == 0)
            check_views(&st, pub, sv);
    }
    check_invariants(&st, true);
    check_views(&st, pub, sv);
    if (st.phase == CORE_PHASE_END)
        (*ended)++;
}

static void test_random_games_deterministic(void **state)
{
    (void)state;
    core_scenario *sc = test_scenario_new();
    journal *j = calloc(1, sizeof *j);
    core_public_view *pub = calloc(1, sizeof *pub);
    core_seat_view *sv = calloc(1, sizeof *sv);
    core_state *st = calloc(1, sizeof *st);
    assert_true(j && pub && sv && st);
    /* a shorter game so that many random games reach the end */
    sc->rules.rounds = 4;
    int ended = 0;
    uint64_t first_hash = 0;
    bool differs = false;
    for (int g = 0; g < GAMES; g++) {
        uint64_t seed = 1000u + (uint64_t)g;
        play_random(sc, seed, j, pub, sv, &ended);
        /* replay the journal: the same hash after every action */
        char err[100];
        assert_true(core_init(st, sc, seed, err, sizeof err));
        for (int i = 0; i < j->n; i++) {
            assert_int_equal(core_apply(st, &j->act[i], NULL), CORE_OK);
            if (core_state_hash(st) != j->hash[i])
                fail_msg("game %d: hash differs after action %d of %d", g, i, j->n);
        }
        if (g == 0)
            first_hash = j->n ? j->hash[j->n - 1] : 0;
        else if (j->n && j->hash[j->n - 1] != first_hash)
            differs = true;
    }
    assert_true(differs);
    assert_true(ended > GAMES / 4); /* random play does reach the end often */
    free(sc);
    free(j);
    free(pub);
    free(sv);
    free(st);
}

static void test_hash_sees_differences(void **state)
{
    TEST_GAME(sc, a);
    core_state *b = calloc(1, sizeof *b);
    assert_non_null(b);
    char err[100];
    assert_true(core_init(a, sc, 5, err, sizeof err));
    assert_true(core_init(b, sc, 5, err, sizeof err));
    assert_true(core_state_hash(a) == core_state_hash(b));
    assert_true(core_init(b, sc, 6, err, sizeof err));
    assert_true(core_state_hash(a) != core_state_hash(b));
    memcpy(b, a, sizeof *a);
    b->welbevinden++;
    assert_true(core_state_hash(a) != core_state_hash(b));
    memcpy(b, a, sizeof *a);
    b->edge_round[1][0][1] = 1;
    assert_true(core_state_hash(a) != core_state_hash(b));
    free(b);
}

/* Actions with arbitrary field values (as a hostile peer could send after
 * decoding): never a crash, never an accepted action that breaks an
 * invariant. The host ADVANCEs now and then so every phase is visited. */
static void test_arbitrary_fields(void **state)
{
    TEST_GAME(sc, st);
    core_rng rng;
    core_rng_seed(&rng, 4242, 1);
    char err[100];
    for (int g = 0; g < 20; g++) {
        assert_true(core_init(st, sc, (uint64_t)g, err, sizeof err));
        for (int i = 0; i < 20000 && st->phase != CORE_PHASE_END; i++) {
            core_action a;
            memset(&a, 0, sizeof a);
            if (core_rng_below(&rng, 50) == 0) {
                a.type = st->phase == CORE_PHASE_LOBBY ? CORE_ACT_START : CORE_ACT_ADVANCE;
                a.seat = CORE_SEAT_HOST;
            } else {
                a.type = (core_action_type)(int32_t)core_rng_next(&rng);
                if (core_rng_below(&rng, 2))
                    a.type = (core_action_type)core_rng_below(&rng, CORE_ACT_COUNT + 1);
                a.seat = (int)(int32_t)core_rng_next(&rng);
                if (core_rng_below(&rng, 2))
                    a.seat = (int)core_rng_below(&rng, 6) - 1;
                a.a = (int)(int32_t)core_rng_next(&rng);
                a.b = (int)(int32_t)core_rng_next(&rng);
                a.c = (int)(int32_t)core_rng_next(&rng);
                if (core_rng_below(&rng, 2)) {
                    a.a = (int)core_rng_below(&rng, 20) - 2;
                    a.b = (int)core_rng_below(&rng, 4) - 1;
                    a.c = (int)core_rng_below(&rng, 20) - 2;
                }
                for (size_t k = 0; k < sizeof a.text; k++)
                    a.text[k] = (char)core_rng_next(&rng);
                if (core_rng_below(&rng, 2))
                    a.text[core_rng_below(&rng, sizeof a.text)] = '\0';
            }
            if (core_apply(st, &a, NULL) == CORE_OK)
                check_invariants(st, (i & 63) == 0);
        }
    }
}

TS_MAIN(NULL, NULL,
        GAME_TEST(test_hash_sees_differences),
        cmocka_unit_test(test_random_games_deterministic),
        GAME_TEST(test_arbitrary_fields))
