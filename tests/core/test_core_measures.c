/*
 * The collaboration measures on hand-built graphs with known values
 * (density, Freeman centralization, Blau), the level classification at each
 * threshold, and the evidence/fan picks of a played game.
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

typedef uint16_t graph[CORE_MAX_SEATS][CORE_MAX_SEATS];
#define CG(g) ((const uint16_t(*)[CORE_MAX_SEATS])(g))

/* cmocka setup and teardown of the graph tests: *state is a graph with no
 * edges (on the heap, as a test's own variable would be). */
static int graph_setup(void **state)
{
    *state = calloc(1, sizeof(graph));
    return *state ? 0 : -1;
}

static int graph_teardown(void **state)
{
    free(*state);
    return 0;
}

static void edge(graph g, int a, int b, uint16_t w)
{
    g[a][b] = w;
    g[b][a] = w;
}

static void test_empty_graph(void **state)
{
    uint16_t(*g)[CORE_MAX_SEATS] = *state;
    assert_near(core_density(5, CG(g)), 0.0, 1e-12);
    assert_near(core_centrality(5, CG(g)), 0.0, 1e-12);
}

static void test_star(void **state)
{
    uint16_t(*g)[CORE_MAX_SEATS] = *state;
    for (int i = 1; i < 5; i++)
        edge(g, 0, i, 1);
    assert_near(core_density(5, CG(g)), 4.0 / 10.0, 1e-12);
    assert_near(core_centrality(5, CG(g)), 1.0, 1e-12);
    /* a weighted star is still a star */
    edge(g, 0, 2, 7);
    assert_near(core_centrality(5, CG(g)), 1.0, 1e-12);
}

static void test_complete(void **state)
{
    uint16_t(*g)[CORE_MAX_SEATS] = *state;
    for (int i = 0; i < 6; i++)
        for (int j = i + 1; j < 6; j++)
            edge(g, i, j, 3);
    assert_near(core_density(6, CG(g)), 1.0, 1e-12);
    assert_near(core_centrality(6, CG(g)), 0.0, 1e-12);
}

static void test_path(void **state)
{
    uint16_t(*g)[CORE_MAX_SEATS] = *state;
    edge(g, 0, 1, 1);
    edge(g, 1, 2, 1);
    edge(g, 2, 3, 1);
    /* Freeman: sum(2 - d) = 0+0+1+1 = 2 over (n-1)(n-2) = 6 */
    assert_near(core_density(4, CG(g)), 3.0 / 6.0, 1e-12);
    assert_near(core_centrality(4, CG(g)), 1.0 / 3.0, 1e-12);
    /* path of 3 is a star */
    memset(g, 0, sizeof(graph));
    edge(g, 0, 1, 1);
    edge(g, 1, 2, 1);
    assert_near(core_centrality(3, CG(g)), 1.0, 1e-12);
}

static void test_weighted_example(void **state)
{
    uint16_t(*g)[CORE_MAX_SEATS] = *state;
    g[3][3] = 9; /* self-loops never count */
    edge(g, 0, 1, 3);
    edge(g, 0, 2, 1);
    edge(g, 2, 3, 1);
    edge(g, 3, 0, 1);
    /* degrees: 0:5, 1:3, 2:2, 3:2; W = 6 */
    assert_near(core_centrality(4, CG(g)), 8.0 / 12.0, 1e-12);
    assert_near(core_density(4, CG(g)), 4.0 / 6.0, 1e-12);
}

static void test_small_and_bad_inputs(void **state)
{
    uint16_t(*g)[CORE_MAX_SEATS] = *state;
    edge(g, 0, 1, 1);
    assert_near(core_centrality(2, CG(g)), 0.0, 1e-12);
    assert_near(core_density(2, CG(g)), 1.0, 1e-12);
    assert_near(core_density(0, CG(g)), 0.0, 1e-12);
    assert_near(core_density(99, CG(g)), 0.0, 1e-12);
    assert_near(core_centrality(-1, CG(g)), 0.0, 1e-12);
    assert_near(core_centrality(3, NULL), 0.0, 1e-12);
}

static void test_blau(void **state)
{
    (void)state;
    int one[3] = {5, 0, 0};
    int even[3] = {2, 2, 2};
    int two[3] = {1, 1, 0};
    int mix[3] = {2, 1, 1};
    int none[3] = {0, 0, 0};
    assert_near(core_blau(one, 3), 0.0, 1e-12);
    assert_near(core_blau(even, 3), 2.0 / 3.0, 1e-12);
    assert_near(core_blau(two, 3), 0.5, 1e-12);
    assert_near(core_blau(mix, 3), 1.0 - (0.25 + 0.0625 + 0.0625), 1e-12);
    assert_near(core_blau(none, 3), 0.0, 1e-12);
    assert_near(core_blau(NULL, 3), 0.0, 1e-12);
}

static void test_classification_thresholds(void **state)
{
    TEST_GAME(sc, st);
    test_start(st, sc, 3);
    core_measures m;
    /* nothing happened: geen */
    core_measures_compute(st, 1, &m);
    assert_int_equal(m.level, CORE_LEVEL_GEEN);
    /* a kept promise per round: coördinerend */
    st->r_kept[1] = 1;
    st->contrib_n[1] = 4;
    st->contrib_joint[1] = 1;
    core_measures_compute(st, 1, &m);
    assert_int_equal(m.level, CORE_LEVEL_COORDINEREND);
    /* joint share at the threshold: coöperatief */
    st->contrib_joint[1] = 2;
    core_measures_compute(st, 1, &m);
    assert_int_equal(m.level, CORE_LEVEL_COOPERATIEF);
    /* + goal + reflective + low centrality: verbindend */
    st->goal_adopted[0] = true;
    st->phase = CORE_PHASE_REFLECTIE;
    for (int s = 0; s < 4; s++)
        st->seats[s].reflected = true;
    core_measures_compute(st, 1, &m);
    assert_int_equal(m.level, CORE_LEVEL_COOPERATIEF); /* not yet: rules v2 ask for more */
    /* + a spanning turned grenservaring by afspraak: still not */
    st->r_boundary[1] = 1;
    core_measures_compute(st, 1, &m);
    assert_int_equal(m.level, CORE_LEVEL_COOPERATIEF);
    /* + a verbeteractie checked in a later round: verbindend */
    st->r_checked[1] = 1;
    core_measures_compute(st, 1, &m);
    assert_int_equal(m.afspraken, 1);
    assert_int_equal(m.improvements_checked, 1);
    assert_int_equal(m.level, CORE_LEVEL_VERBINDEND);
    /* a star network (the quarterback) blocks verbindend */
    for (int s = 1; s < 4; s++) {
        st->edge_round[1][0][s] = 2;
        st->edge_round[1][s][0] = 2;
    }
    core_measures_compute(st, 1, &m);
    assert_near(m.centrality, 1.0, 1e-12);
    assert_int_equal(m.level, CORE_LEVEL_COOPERATIEF);
    assert_true(m.evidence & (1u << CORE_EV_TAG_CENTRAAL_NETWERK));
    /* thresholds come from the scenario */
    sc->rules.centrality_max_verbindend = 1.0;
    core_measures_compute(st, 1, &m);
    assert_int_equal(m.level, CORE_LEVEL_VERBINDEND);
    /* no shared goal: never verbindend */
    st->goal_adopted[0] = false;
    core_measures_compute(st, 1, &m);
    assert_int_equal(m.level, CORE_LEVEL_COOPERATIEF);
    assert_true(m.evidence & (1u << CORE_EV_TAG_GEEN_GEDEELD_DOEL));
}

static void test_played_game_measures_and_fan(void **state)
{
    TEST_GAME(sc, st);
    assert_int_equal(core_sim_play_one(sc, 11, CORE_SIM_TEAM, st), 0);
    assert_int_equal(st->phase, CORE_PHASE_END);
    core_measures all;
    core_measures_compute(st, 0, &all);
    /* the overall measures equal what the game stored at its end */
    assert_near(all.centrality, st->round_measures[0].centrality, 1e-12);
    assert_int_equal(all.level, st->round_measures[0].level);
    assert_true(all.contributions > 0);
    assert_true(all.density >= 0.0 && all.density <= 1.0);
    assert_true(all.centrality >= 0.0 && all.centrality <= 1.0);
    assert_true(all.diversity >= 0.0 && all.diversity <= 2.0 / 3.0 + 1e-9);
    assert_true(all.goal_directedness >= 0.0 && all.goal_directedness <= 1.0);
    /* the sum of the rounds' contributions is the overall count */
    int sum = 0;
    for (int r = 1; r <= st->round; r++)
        sum += st->round_measures[r].contributions;
    assert_int_equal(sum, all.contributions);
    core_fan_pick picks[8];
    int n = core_fan_pick_cards(st, picks, 8);
    assert_true(n >= 1);
    for (int i = 0; i < n; i++) {
        assert_true(picks[i].reflection >= 0 && picks[i].reflection < sc->n_reflections);
        assert_true(sc->reflections[picks[i].reflection].evidence & (1u << picks[i].tag));
        assert_true(strlen(picks[i].reason) > 0);
        for (int j = 0; j < i; j++)
            assert_int_not_equal(picks[i].reflection, picks[j].reflection);
    }
    assert_int_equal(core_fan_pick_cards(st, picks, 0), 0);
    assert_int_equal(core_fan_pick_cards(NULL, picks, 8), 0);
}

/* Every pick is either backed by evidence of the game (its tag showed in a
 * round or overall) or marked absent for a block where no card matched. */
static void check_picks(const core_state *st, const core_fan_pick *picks, int n)
{
    const core_scenario *sc = st->sc;
    uint32_t seen = st->round_measures[0].evidence;
    for (int r = 1; r <= st->round; r++)
        seen |= st->round_measures[r].evidence;
    bool block_has[CORE_BLOCK_COUNT] = {false};
    for (int i = 0; i < sc->n_reflections; i++)
        if (sc->reflections[i].evidence & seen)
            block_has[sc->reflections[i].block] = true;
    bool block_picked[CORE_BLOCK_COUNT] = {false};
    for (int i = 0; i < n; i++) {
        const core_reflection_def *r = &sc->reflections[picks[i].reflection];
        assert_true(r->evidence & (1u << picks[i].tag));
        assert_true(strlen(picks[i].reason) > 0);
        if (picks[i].absent) {
            assert_false(block_has[r->block]);
            assert_non_null(strstr(picks[i].reason, "geen signaal"));
        } else {
            assert_true(seen & (1u << picks[i].tag));
        }
        block_picked[r->block] = true;
        for (int j = 0; j < i; j++)
            assert_int_not_equal(picks[i].reflection, picks[j].reflection);
    }
    /* at least one per building block (the C scenario has two cards each) */
    for (int b = 0; b < CORE_BLOCK_COUNT; b++)
        assert_true(block_picked[b]);
}

/* A stand-in for gettext with the English of the fragments the hand-built
 * game's reasons use; anything else stays as it is. */
static const char *to_english(const char *msgid)
{
    static const char *const pairs[][2] = {
        {"centraliteit was ", "centrality was "},   {" in ronde %d", " in round %d"},
        {" gezamenlijke bijdragen", " joint contributions"},
        {"geen signaal: ", "no signal: "},         {"diversiteit (Blau) was ", "diversity (Blau) was "},
        {" over het hele spel", " over the whole game"}, {" (grens ", " (limit "},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcmp(msgid, pairs[i][0]) == 0)
            return pairs[i][1];
    return msgid;
}

/* A finished four-round team game built by hand: round 3 ran through one
 * person (a star), round 2 turned a friction into a boundary experience,
 * every round had joint work, goals, asks, reflections, all roles and all
 * knowledge kinds. */
static void test_fan_picks_hand_built(void **state)
{
    TEST_GAME(sc, st);
    assert_true(core_init(st, sc, 5, NULL, 0));
    st->round = 4;
    st->phase = CORE_PHASE_END;
    st->outcome = CORE_OUTCOME_WON;
    st->goal_adopted[0] = true;
    for (int r = 1; r <= 4; r++) {
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                if (i != j && (r != 3 || i == 0 || j == 0))
                    st->edge_round[r][i][j] = 1;
        st->contrib_n[r] = 4;
        st->contrib_seats[r] = 0xFu;
        st->contrib_kind[r][CORE_KIND_WETENSCHAPPELIJK] = 1;
        st->contrib_kind[r][CORE_KIND_PROFESSIONEEL] = 2;
        st->contrib_kind[r][CORE_KIND_ERVARING] = 1;
        st->contrib_joint[r] = r == 4 ? 3 : 2;
        st->contrib_goal[r] = 2;
        st->r_goal[r] = true;
        st->r_asks[r] = 2;
        st->r_answered[r] = 2;
        st->r_kept[r] = 1;
        st->r_reflective[r] = true;
    }
    st->r_boundary[2] = 1;
    for (int r = 1; r <= 4; r++)
        core_measures_compute(st, r, &st->round_measures[r]);
    core_measures_compute(st, 0, &st->round_measures[0]);
    assert_near(st->round_measures[3].centrality, 1.0, 1e-12);

    core_fan_pick picks[8];
    int n = core_fan_pick_cards(st, picks, 8);
    check_picks(st, picks, n);
    assert_int_equal(n, 5);
    /* block order: Identiteit had no signal: the Blau value is quoted */
    assert_string_equal(sc->reflections[picks[0].reflection].id, "unieke-bijdrage");
    assert_true(picks[0].absent);
    assert_int_equal(picks[0].tag, CORE_EV_TAG_LAGE_DIVERSITEIT);
    assert_non_null(strstr(picks[0].reason, "diversiteit (Blau) was 0,6"));
    /* Netwerk: the star of round 3 */
    assert_string_equal(sc->reflections[picks[1].reflection].id, "wie-centraal");
    assert_false(picks[1].absent);
    assert_int_equal(picks[1].tag, CORE_EV_TAG_CENTRAAL_NETWERK);
    assert_int_equal(picks[1].round, 3);
    assert_string_equal(picks[1].reason, "centraliteit was 1,00 in ronde 3");
    /* Organisatie: goals, leads and light everywhere: absent */
    assert_int_equal(sc->reflections[picks[2].reflection].block, CORE_BLOCK_ORGANISATIE);
    assert_true(picks[2].absent);
    /* Verbinding: joint work in every round beats the one boundary
     * experience; the strongest round (4) is named */
    assert_string_equal(sc->reflections[picks[3].reflection].id, "samen-leren");
    assert_int_equal(picks[3].tag, CORE_EV_TAG_SAMEN_GEWERKT);
    assert_int_equal(picks[3].round, 4);
    assert_string_equal(picks[3].reason, "3 gezamenlijke bijdragen in ronde 4");
    /* then the other matching card: the grenservaring of round 2 */
    assert_string_equal(sc->reflections[picks[4].reflection].id, "spanning");
    assert_false(picks[4].absent);
    assert_int_equal(picks[4].tag, CORE_EV_TAG_GRENSERVARING);
    assert_int_equal(picks[4].round, 2);
    /* the reason again in another language: Dutch as it stands without a
     * translator, every fragment and the number's decimal mark with one */
    char again[CORE_TEXT_LEN];
    for (int i = 0; i < n; i++) {
        core_fan_pick_describe(st, &picks[i], NULL, false, again, sizeof again);
        assert_string_equal(again, picks[i].reason);
    }
    core_fan_pick_describe(st, &picks[1], to_english, true, again, sizeof again);
    assert_string_equal(again, "centrality was 1.00 in round 3");
    core_fan_pick_describe(st, &picks[3], to_english, true, again, sizeof again);
    assert_string_equal(again, "3 joint contributions in round 4");
    core_fan_pick_describe(st, &picks[0], to_english, true, again, sizeof again);
    assert_non_null(strstr(again, "no signal: diversity (Blau) was 0.6"));
    assert_non_null(strstr(again, " over the whole game (limit "));
    core_fan_pick_describe(NULL, &picks[0], to_english, true, again, sizeof again);
    assert_string_equal(again, "");
    /* max is respected: the per-block picks come first */
    assert_int_equal(core_fan_pick_cards(st, picks, 2), 2);
    assert_string_equal(sc->reflections[picks[1].reflection].id, "wie-centraal");
}

/* Played games: team and solo games both get one card per block, each
 * backed by the game's evidence or marked absent. */
static void test_fan_picks_played_games(void **state)
{
    TEST_GAME(sc, st);
    for (int k = CORE_SIM_TEAM; k <= CORE_SIM_MIXED; k++)
        for (uint64_t seed = 1; seed <= 20; seed++) {
            assert_int_equal(core_sim_play_one(sc, seed, (core_sim_bots)k, st), 0);
            core_fan_pick picks[CORE_MAX_REFLECTIONS];
            int n = core_fan_pick_cards(st, picks, CORE_MAX_REFLECTIONS);
            assert_true(n >= CORE_BLOCK_COUNT);
            check_picks(st, picks, n);
            if (k == CORE_SIM_TEAM) {
                /* a good team game is not told only about Verbinding */
                int evidence_picks = 0;
                for (int i = 0; i < n; i++)
                    evidence_picks += !picks[i].absent;
                assert_true(evidence_picks >= 1);
            }
        }
}

#define GRAPH_TEST(f) cmocka_unit_test_setup_teardown(f, graph_setup, graph_teardown)
TS_MAIN(NULL, NULL,
        GRAPH_TEST(test_empty_graph),
        GRAPH_TEST(test_star),
        GRAPH_TEST(test_complete),
        GRAPH_TEST(test_path),
        GRAPH_TEST(test_weighted_example),
        GRAPH_TEST(test_small_and_bad_inputs),
        cmocka_unit_test(test_blau),
        GAME_TEST(test_classification_thresholds),
        GAME_TEST(test_played_game_measures_and_fan),
        GAME_TEST(test_fan_picks_hand_built),
        GAME_TEST(test_fan_picks_played_games))
