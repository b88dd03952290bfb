/*
 * One test per section reader of a level (src/level/level_sections.c): each
 * feeds a small level whose section under test is replaced by a snippet,
 * checks a good value in the scenario and the diagnostic (message, hint,
 * line and column) for a bad one. test_every_section_has_a_test fails when
 * a key is added to the table without a test here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "level/level.h"
#include "level/level_schema.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A level that loads cleanly, one piece per top-level key. */
static const struct {
    const char *key, *text;
} base[] = {
    {"versie", "versie: 1\n"},
    {"id", "id: mini\n"},
    {"titel", "titel: Mini\n"},
    {"leerling", "leerling: {naam: Mo, leeftijd: 9, klas: 4de leerjaar, verhaal: \"Mo tekent graag.\"}\n"},
    {"rollen", "rollen: [leraar, ouder, clb-anker]\n"},
    {"noden", "noden:\n"
              "  - {id: rust, titel: Rust, tekst: \"Rust in de klas.\", domein: klaspraktijk, doel: 4}\n"
              "  - {id: thuis, titel: Thuis, tekst: \"Afstemming.\", domein: thuiscontext, doel: 4}\n"
              "  - {id: welzijn, titel: Welzijn, tekst: \"Goed in zijn vel.\", domein: welbevinden, doel: 4}\n"},
    {"dossier", "dossier:\n  - {id: f1, rol: leraar, tekst: \"Feit.\", noden: [rust, thuis, welzijn]}\n"},
    {"spanningen", "spanningen:\n"
                   "  - id: s1\n    titel: S\n    tekst: T\n    rollen: [leraar, ouder]\n    zwaarte: 1\n"
                   "    innovatie: {id: i1, titel: I, kennis: ervaring, sterkte: 2}\n"},
    {"doelen", "doelen:\n  - {id: g1, titel: G, noden: rust}\n"},
    {"reflectiewaaier",
     "reflectiewaaier:\n"
     "  - {id: r1, vraag: V?, bouwsteen: identiteit, signalen: [rol-afwezig], antwoorden: [Ja, Nee]}\n"
     "  - {id: r2, vraag: V?, bouwsteen: netwerk, signalen: centraal-netwerk, antwoorden: [Ja, Nee]}\n"
     "  - {id: r3, vraag: V?, bouwsteen: organisatie, signalen: [geen-trekker], antwoorden: [Ja, Nee]}\n"
     "  - {id: r4, vraag: V?, bouwsteen: verbinding, signalen: [grenservaring], antwoorden: [Ja, Nee]}\n"},
};

typedef struct {
    lvl_diags d;
    core_scenario sc;
    int line;   /* where the snippet starts in the level */
    bool ok;
} loaded;

static int count_lines(const char *t)
{
    int n = 0;
    for (; *t; t++)
        n += *t == '\n';
    return n;
}

/* Loads the base level without `key`, with `snippet` at its end. */
static loaded *load_with(const char *key, const char *snippet)
{
    static char text[8192];
    size_t off = 0;
    for (size_t i = 0; i < sizeof base / sizeof base[0]; i++)
        if (strcmp(base[i].key, key) != 0)
            off += (size_t)snprintf(text + off, sizeof text - off, "%s", base[i].text);
    loaded *l = calloc(1, sizeof *l);
    assert_non_null(l);
    text[off] = '\0';
    l->line = count_lines(text) + 1;
    snprintf(text + off, sizeof text - off, "%s", snippet);
    plat_i18n_init("nl");
    l->ok = lvl_load_buffer("sectie.yaml", text, strlen(text), &l->sc, &l->d);
    return l;
}

/* Loads and expects no diagnostic at all. */
static loaded *load_good(const char *key, const char *snippet)
{
    loaded *l = load_with(key, snippet);
    if (l->d.n)
        lvl_diags_print(&l->d, false, stderr);
    assert_true(l->ok);
    assert_int_equal(l->d.n, 0);
    return l;
}

/* Loads and expects the error `message` at the snippet's line + dline and
 * the column of `at` in that line, with `hint` (NULL: none). */
static void expect_error(const char *key, const char *snippet, int dline, const char *at, const char *message,
                         const char *hint)
{
    loaded *l = load_with(key, snippet);
    assert_false(l->ok);
    const char *p = snippet;
    for (int i = 0; i < dline; i++)
        p = strchr(p, '\n') + 1;
    const char *hit = strstr(p, at);
    assert_non_null(hit);
    int col = 1;
    for (const char *c = p; c < hit; c++)
        col += ((unsigned char)*c & 0xC0) != 0x80;
    const lvl_diag *g = NULL;
    for (int i = 0; i < l->d.n && !g; i++)
        if (strcmp(l->d.items[i].message, message) == 0)
            g = &l->d.items[i];
    if (!g)
        lvl_diags_print(&l->d, false, stderr);
    assert_non_null(g);
    assert_int_equal(g->severity, LVL_ERROR);
    assert_int_equal(g->line, l->line + dline);
    assert_int_equal(g->col, col);
    assert_string_equal(g->hint, hint ? hint : "");
    free(l);
}

static int find_card(const core_scenario *sc, const char *id)
{
    for (int i = 0; i < sc->n_cards; i++)
        if (strcmp(sc->cards[i].id, id) == 0)
            return i;
    return -1;
}

/* ------------------------------------------------------------ header */

static void test_section_versie(void **state)
{
    (void)state;
    loaded *l = load_good("versie", "versie: 0\n");
    assert_int_equal(l->sc.version, 0);
    free(l);
    expect_error("versie", "versie: 2\n", 0, "2",
                 "dit bestand gebruikt versie 2 van het formaat; deze Samenspel kent tot versie 1",
                 "installeer een nieuwere Samenspel");
}

static void test_section_id(void **state)
{
    (void)state;
    loaded *l = load_good("id", "id: proef-1\n");
    assert_string_equal(l->sc.id, "proef-1");
    free(l);
    char msg[LVL_MSG_LEN];
    snprintf(msg, sizeof msg,
             "‘id’ moet een korte naam zijn met kleine letters, cijfers en streepjes (max. %d tekens), niet ‘Proef Een’",
             CORE_ID_LEN - 1);
    expect_error("id", "id: Proef Een\n", 0, "Proef", msg, "bijvoorbeeld ‘proef-een’");
}

static void test_section_titel(void **state)
{
    (void)state;
    loaded *l = load_good("titel", "titel: Lien zoekt houvast\n");
    assert_string_equal(l->sc.title, "Lien zoekt houvast");
    free(l);
    expect_error("titel", "titel: \"\"\n", 0, "\"", "‘titel’ is leeg",
                 "vul een tekst in, of laat de hele regel weg als ze niet verplicht is");
}

static void test_section_intro(void **state)
{
    (void)state;
    loaded *l = load_good("intro", "intro: Welkom in de klas.\n");
    assert_string_equal(l->sc.intro, "Welkom in de klas.");
    free(l);
    expect_error("intro", "intro: [a, b]\n", 0, "[", "‘intro’ moet een enkele waarde zijn, niet een lijst", NULL);
}

static void test_section_leerling(void **state)
{
    (void)state;
    loaded *l = load_good("leerling", "leerling: {naam: Lien, leeftijd: 11, klas: 6de leerjaar, verhaal: \"Lien leest.\"}\n");
    assert_string_equal(l->sc.pupil_name, "Lien");
    assert_int_equal(l->sc.pupil_age, 11);
    assert_string_equal(l->sc.pupil_class, "6de leerjaar");
    free(l);
    expect_error("leerling", "leerling: {naam: Lien, leeftijd: 40, klas: 6de leerjaar, verhaal: \"Lien leest.\"}\n", 0,
                 "40", "‘leeftijd’ moet tussen 2 en 25 liggen (nu 40)", NULL);
}

/* ------------------------------------------------------------ rules */

static void test_section_regels(void **state)
{
    (void)state;
    loaded *l = load_good("regels", "regels: {rondes: 5, handkaarten: 4}\n");
    assert_int_equal(l->sc.rules.rounds, 5);
    assert_int_equal(l->sc.rules.hand_size, 4);
    core_rules def;
    core_rules_default(&def);
    assert_int_equal(l->sc.rules.synergy_bonus, def.synergy_bonus); /* left out: the default */
    free(l);
    expect_error("regels", "regels: {welbevinden-start: 9, welbevinden-max: 8}\n", 0, "9",
                 "‘welbevinden-start’ (9) is groter dan ‘welbevinden-max’ (8)", NULL);
}

static void test_section_drempels(void **state)
{
    (void)state;
    loaded *l = load_good("drempels", "drempels:\n  densiteit-laag: 0,25\n");
    assert_true(l->sc.rules.density_low > 0.249 && l->sc.rules.density_low < 0.251); /* decimal comma */
    free(l);
    expect_error("drempels", "drempels:\n  centraliteit-alarm: 1.5\n", 1, "1.5",
                 "‘centraliteit-alarm’ moet tussen 0 en 1 liggen (nu 1.5)", NULL);
}

/* ------------------------------------------------------------ cast */

static void test_section_rolbestand(void **state)
{
    (void)state;
    loaded *l = load_good("rolbestand", "rolbestand: rollen.yaml\n");
    assert_int_equal(l->sc.n_seats, 3);
    assert_string_equal(l->sc.roles[0].id, "leraar");
    free(l);
    expect_error("rolbestand", "rolbestand: ../rollen.yaml\n", 0, "../",
                 "‘rolbestand’ moet een bestandsnaam zijn, zonder map",
                 "zet het rollenbestand in dezelfde map als het level");
}

static void test_section_domeinen(void **state)
{
    (void)state;
    loaded *l = load_good("domeinen", "domeinen: [muziek]\n"
                                      "kaarten:\n"
                                      "  - {id: k-muziek, titel: Muziek, rol: leraar, domein: muziek, kennis: ervaring, sterkte: 2}\n");
    int c = find_card(&l->sc, "k-muziek");
    assert_true(c >= 0);
    assert_string_equal(l->sc.cards[c].domain, "muziek");
    free(l);
    char msg[LVL_MSG_LEN];
    snprintf(msg, sizeof msg,
             "‘domein’ moet een korte naam zijn met kleine letters, cijfers en streepjes (max. %d tekens), niet ‘Muziek Les’",
             CORE_ID_LEN - 1);
    expect_error("domeinen", "domeinen: [Muziek Les]\n", 0, "Muziek", msg, "bijvoorbeeld ‘muziek-les’");
}

static void test_section_eigen_rollen(void **state)
{
    (void)state;
    loaded *l = load_good("eigen-rollen", "eigen-rollen:\n"
                                          "  - id: ouder\n"
                                          "    naam: Mama\n"
                                          "    specialisme: [thuiscontext]\n"
                                          "    kaarten:\n"
                                          "      - {id: mama-kaart, titel: Thuis, domein: thuiscontext, kennis: ervaring, sterkte: 2}\n");
    assert_string_equal(l->sc.roles[1].id, "ouder");
    assert_string_equal(l->sc.roles[1].name, "Mama"); /* replaces the roles file's ouder */
    int c = find_card(&l->sc, "mama-kaart");
    assert_true(c >= 0);
    assert_int_equal(l->sc.cards[c].role, 1);
    free(l);
    /* `afkorting`: a role's badge; the usual roles keep theirs, two roles at one table may not share one */
    l = load_good("eigen-rollen", "eigen-rollen:\n"
                                  "  - id: ouder\n    naam: Ouder\n    afkorting: OUD\n    specialisme: [thuiscontext]\n"
                                  "    kaarten: [{id: o-k, titel: Thuis, domein: thuiscontext, kennis: ervaring, sterkte: 2}]\n");
    assert_string_equal(l->sc.role_badges[0], "LR");
    assert_string_equal(l->sc.role_badges[1], "OUD");
    assert_string_equal(l->sc.role_badges[2], "CLB");
    free(l);
    expect_error("eigen-rollen",
                 "eigen-rollen:\n  - id: ouder\n    naam: Ouder\n    afkorting: Lr\n    specialisme: [thuiscontext]\n"
                 "    kaarten: [{id: o-k, titel: Thuis, domein: thuiscontext, kennis: ervaring, sterkte: 2}]\n",
                 3, "Lr", "rollen ‘leraar’ en ‘ouder’ hebben dezelfde afkorting ‘Lr’",
                 "geef ‘leraar’ of ‘ouder’ een eigen ‘afkorting’ in de rolbeschrijving");
    expect_error("eigen-rollen",
                 "eigen-rollen:\n  - id: ouder\n    naam: Ouder\n    afkorting: OUDER\n    specialisme: [thuiscontext]\n"
                 "    kaarten: [{id: o-k, titel: Thuis, domein: thuiscontext, kennis: ervaring, sterkte: 2}]\n",
                 3, "OUDER", "een afkorting heeft 1 tot 4 tekens zonder spaties, niet ‘OUDER’",
                 "bijvoorbeeld ‘LOG’ voor de logopedist");
    expect_error("eigen-rollen", "eigen-rollen:\n  - id: coach\n    naam: Coach\n    specialisme: [overleg]\n", 1, "id",
                 "‘kaarten’ ontbreekt in een rol", "voeg een regel ‘kaarten: ...’ toe");
}

static void test_section_rollen(void **state)
{
    (void)state;
    loaded *l = load_good("rollen", "rollen: [leraar, ouder, clb-anker, leerondersteuner]\n");
    assert_int_equal(l->sc.n_seats, 4);
    assert_string_equal(l->sc.roles[l->sc.seat_roles[3]].id, "leerondersteuner");
    assert_true(l->sc.roles[3].deck_size > 0);
    free(l);
    expect_error("rollen", "rollen: [leraar, ouders, clb-anker]\n", 0, "ouders", "onbekende rol ‘ouders’",
                 "bedoelde je ‘ouder’?");
}

/* ------------------------------------------------------------ content */

static void test_section_noden(void **state)
{
    (void)state;
    loaded *l = load_good("noden", "noden:\n"
                                   "  - {id: rust, titel: Rust, tekst: \"Rust.\", domein: klaspraktijk, doel: 6}\n"
                                   "  - {id: thuis, titel: Thuis, tekst: \"Thuis.\", domein: thuiscontext, doel: 5}\n"
                                   "  - {id: welzijn, titel: Welzijn, tekst: \"Vel.\", domein: welbevinden, doel: 4}\n");
    assert_int_equal(l->sc.n_needs, 3);
    assert_int_equal(l->sc.needs[0].target, 6);
    assert_string_equal(l->sc.needs[1].domain, "thuiscontext");
    free(l);
    expect_error("noden", "noden:\n"
                          "  - {id: rust, titel: Rust, tekst: \"Rust.\", domein: klaspraktyk, doel: 6}\n"
                          "  - {id: thuis, titel: Thuis, tekst: \"Thuis.\", domein: thuiscontext, doel: 5}\n"
                          "  - {id: welzijn, titel: Welzijn, tekst: \"Vel.\", domein: welbevinden, doel: 4}\n",
                 1, "klaspraktyk", "onbekend domein ‘klaspraktyk’", "bedoelde je ‘klaspraktijk’?");
}

static void test_section_kaarten(void **state)
{
    (void)state;
    loaded *l = load_good("kaarten", "kaarten:\n"
                                     "  - {id: extra, titel: Extra, rol: ouder, soort: generiek, versterking: 1, aantal: 2}\n");
    int c = find_card(&l->sc, "extra");
    assert_true(c >= 0);
    assert_int_equal(l->sc.cards[c].type, CORE_CARD_GENERIC);
    assert_int_equal(l->sc.cards[c].boost, 1);
    int copies = 0;
    for (int i = 0; i < l->sc.roles[1].deck_size; i++)
        copies += l->sc.roles[1].deck[i] == c;
    assert_int_equal(copies, 2);
    free(l);
    expect_error("kaarten", "kaarten:\n  - {id: extra, titel: Extra, rol: directie, soort: generiek, versterking: 1}\n", 1,
                 "directie", "rol ‘directie’ speelt niet mee in dit level",
                 "voeg ‘directie’ toe aan ‘rollen’ bovenaan het level");
}

static void test_section_dossier(void **state)
{
    (void)state;
    loaded *l = load_good("dossier", "dossier:\n  - {id: f-thuis, rol: ouder, tekst: \"Thuis gaat het goed.\", noden: [thuis, rust, welzijn]}\n");
    assert_string_equal(l->sc.facts[0].id, "f-thuis");
    assert_int_equal(l->sc.facts[0].role, 1);
    assert_int_equal(l->sc.facts[0].needs, 7u);
    free(l);
    expect_error("dossier", "dossier:\n  - {id: f1, rol: leraar, tekst: \"Feit.\", noden: [rust, thuiss]}\n", 1, "thuiss",
                 "onbekende nood ‘thuiss’", "bedoelde je ‘thuis’?");
}

static void test_section_spanningen(void **state)
{
    (void)state;
    loaded *l = load_good("spanningen", "spanningen:\n"
                                        "  - id: s1\n    titel: S\n    tekst: T\n    rollen: [leraar, ouder, clb-anker]\n"
                                        "    samen: 3\n    zwaarte: 2\n    treft: welbevinden\n"
                                        "    innovatie: {id: i1, titel: I, kennis: ervaring, sterkte: 2}\n");
    const core_friction_def *f = &l->sc.frictions[0];
    assert_int_equal(f->roles, 7u);
    assert_int_equal(f->required_roles, 3);
    assert_int_equal(f->drains, CORE_DRAIN_WELBEVINDEN);
    assert_int_equal(l->sc.cards[f->innovation_card].type, CORE_CARD_INNOVATION);
    free(l);
    expect_error("spanningen", "spanningen:\n"
                               "  - id: s1\n    titel: S\n    tekst: T\n    rollen: [leraar]\n    zwaarte: 1\n"
                               "    innovatie: {id: i1, titel: I, kennis: ervaring, sterkte: 2}\n",
                 4, "[", "een spanning moet minstens twee rollen betrekken",
                 "een grenservaring vraagt minstens twee rollen");
}

static void test_section_doelen(void **state)
{
    (void)state;
    loaded *l = load_good("doelen", "doelen:\n  - {id: g1, titel: G, noden: [rust, thuis]}\n");
    assert_int_equal(l->sc.n_goals, 1);
    assert_int_equal(l->sc.goals[0].needs, 3u);
    free(l);
    expect_error("doelen", "doelen: []\n", 0, "[", "een level heeft minstens één gedeeld doel nodig", NULL);
}

static void test_section_reflectiewaaier(void **state)
{
    (void)state;
    loaded *l = load_good("reflectiewaaier",
                          "reflectiewaaier:\n"
                          "  - {id: r1, vraag: V?, bouwsteen: identiteit, signalen: [rol-afwezig], antwoorden: [Ja, Nee, Soms]}\n"
                          "  - {id: r2, vraag: V?, bouwsteen: netwerk, signalen: centraal-netwerk, antwoorden: [Ja, Nee]}\n"
                          "  - {id: r3, vraag: V?, bouwsteen: organisatie, signalen: [geen-trekker], antwoorden: [Ja, Nee]}\n"
                          "  - {id: r4, vraag: V?, bouwsteen: verbinding, signalen: [grenservaring], antwoorden: [Ja, Nee]}\n");
    assert_int_equal(l->sc.n_reflections, 4);
    assert_int_equal(l->sc.reflections[0].n_options, 3);
    assert_int_equal(l->sc.reflections[1].block, CORE_BLOCK_NETWERK);
    assert_int_equal(l->sc.reflections[1].evidence, 1u << CORE_EV_TAG_CENTRAAL_NETWERK);
    free(l);
    expect_error("reflectiewaaier",
                 "reflectiewaaier:\n  - {id: r1, vraag: V?, bouwsteen: netwerken, signalen: [rol-afwezig], antwoorden: [Ja, Nee]}\n",
                 1, "netwerken", "onbekende bouwsteen ‘netwerken’", "bedoelde je ‘netwerk’?");
}

static void test_section_gebeurtenissen(void **state)
{
    (void)state;
    loaded *l = load_good("gebeurtenissen", "gebeurtenissen:\n"
                                            "  - {ronde: 2, titel: Ziek, tekst: \"Mo is ziek.\", welbevinden: -1, nood: thuis, voortgang: 1}\n");
    assert_int_equal(l->sc.n_events, 1);
    assert_int_equal(l->sc.events[0].round, 2);
    assert_int_equal(l->sc.events[0].need, 1);
    assert_int_equal(l->sc.events[0].need_delta, 1);
    assert_int_equal(l->sc.events[0].welbevinden_delta, -1);
    free(l);
    expect_error("gebeurtenissen", "gebeurtenissen:\n  - {ronde: 2, titel: Ziek, tekst: \"Mo is ziek.\", voortgang: 1}\n", 1,
                 "1}", "‘voortgang’ zonder ‘nood’", "voeg ‘nood: ...’ toe");
}

/* `trainer`: notes for the trainer only, with the block of each learning goal. */
static void test_section_trainer(void **state)
{
    (void)state;
    loaded *l = load_good("trainer", "trainer:\n"
                                     "  leerdoelen:\n"
                                     "    - {bouwsteen: netwerk, tekst: \"Zien wie er aan tafel ontbreekt.\"}\n"
                                     "  momenten: [\"Ronde 2: wie vraagt de ouder iets?\"]\n"
                                     "  timing: \"10 min uitleg, 35 min spel, 20 min nabespreking\"\n"
                                     "  nabespreking: [\"Wie had je gemist?\", \"Wat neem je mee?\"]\n"
                                     "  gevoelig: \"Vraag niemand naar eigen ervaringen.\"\n");
    assert_int_equal(l->sc.notes.n_goals, 1);
    assert_int_equal(l->sc.notes.goal_blocks[0], CORE_BLOCK_NETWERK);
    assert_string_equal(l->sc.notes.goals[0], "Zien wie er aan tafel ontbreekt.");
    assert_int_equal(l->sc.notes.n_moments, 1);
    assert_int_equal(l->sc.notes.n_prompts, 2);
    assert_string_equal(l->sc.notes.prompts[1], "Wat neem je mee?");
    assert_string_equal(l->sc.notes.care, "Vraag niemand naar eigen ervaringen.");
    free(l);
    /* a level without notes has none, and that is not a mistake */
    l = load_good("trainer", "");
    assert_int_equal(l->sc.notes.n_goals + l->sc.notes.n_moments + l->sc.notes.n_prompts, 0);
    assert_string_equal(l->sc.notes.timing, "");
    free(l);
    expect_error("trainer",
                 "trainer:\n  leerdoelen:\n    - {bouwsteen: netwerrk, tekst: T}\n  momenten: [M]\n  timing: T\n"
                 "  nabespreking: [N]\n",
                 2, "netwerrk", "onbekende bouwsteen ‘netwerrk’", "bedoelde je ‘netwerk’?");
    expect_error("trainer", "trainer:\n  leerdoelen: []\n  momenten: [M]\n  timing: T\n  nabespreking: [N]\n", 1, "[]",
                 "‘leerdoelen’ is leeg", NULL);
    expect_error("trainer",
                 "trainer:\n  leerdoelen:\n    - {bouwsteen: netwerk, tekst: T}\n  momenten: [a, b, c, d, e, f, g]\n"
                 "  timing: T\n  nabespreking: [N]\n",
                 3, "g]", "te veel punten onder ‘momenten’ (max. 6)", "houd het kort: de trainer leest dit tijdens de sessie");
}

/* ------------------------------------------------------------ the table */

static const struct {
    const char *key;
    CMUnitTestFunction test;
} section_tests[] = {
    {"versie", test_section_versie},
    {"id", test_section_id},
    {"titel", test_section_titel},
    {"intro", test_section_intro},
    {"leerling", test_section_leerling},
    {"rolbestand", test_section_rolbestand},
    {"domeinen", test_section_domeinen},
    {"eigen-rollen", test_section_eigen_rollen},
    {"rollen", test_section_rollen},
    {"regels", test_section_regels},
    {"drempels", test_section_drempels},
    {"noden", test_section_noden},
    {"kaarten", test_section_kaarten},
    {"dossier", test_section_dossier},
    {"spanningen", test_section_spanningen},
    {"doelen", test_section_doelen},
    {"reflectiewaaier", test_section_reflectiewaaier},
    {"gebeurtenissen", test_section_gebeurtenissen},
    {"trainer", test_section_trainer},
};
#define N_SECTION_TESTS ((int)(sizeof section_tests / sizeof section_tests[0]))

/* Every key of the table has a test, and every test a key. */
static void test_every_section_has_a_test(void **state)
{
    (void)state;
    for (int i = 0; i < lvl_n_level_sections; i++) {
        bool found = false;
        for (int j = 0; j < N_SECTION_TESTS; j++)
            found = found || strcmp(section_tests[j].key, lvl_level_sections[i].key) == 0;
        if (!found)
            fprintf(stderr, "section ‘%s’ has no test in section_tests\n", lvl_level_sections[i].key);
        assert_true(found);
    }
    assert_int_equal(N_SECTION_TESTS, lvl_n_level_sections);
}

int main(void)
{
    struct CMUnitTest tests[N_SECTION_TESTS + 1];
    for (int i = 0; i < N_SECTION_TESTS; i++)
        tests[i] = (struct CMUnitTest){section_tests[i].key, section_tests[i].test, NULL, NULL, NULL};
    tests[N_SECTION_TESTS] = (struct CMUnitTest)cmocka_unit_test(test_every_section_has_a_test);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
