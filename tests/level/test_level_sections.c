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
#include <ctype.h>
#include <string.h>
#include <unistd.h>

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

/* Lines in [from, to). */
static int count_lines_n(const char *from, const char *to)
{
    int n = 0;
    for (; from < to; from++)
        n += *from == '\n';
    return n;
}

/* The base level without the keys `key` and `key2` (may be NULL), with
 * `snippet` at its end, in text; returns the line where the snippet starts. */
static int level_text(char *text, size_t cap, const char *key, const char *key2, const char *snippet)
{
    size_t off = 0;
    for (size_t i = 0; i < sizeof base / sizeof base[0]; i++)
        if (strcmp(base[i].key, key) != 0 && (!key2 || strcmp(base[i].key, key2) != 0))
            off += (size_t)snprintf(text + off, cap - off, "%s", base[i].text);
    text[off] = '\0';
    int line = count_lines(text) + 1;
    snprintf(text + off, cap - off, "%s", snippet);
    return line;
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
                 "zet het rollenbestand in dezelfde map als de casus");
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
                 "directie", "rol ‘directie’ speelt niet mee in deze casus",
                 "voeg ‘directie’ toe aan ‘rollen’ bovenaan de casus");
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
    expect_error("doelen", "doelen: []\n", 0, "[", "een casus heeft minstens één gedeeld doel nodig", NULL);
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

/* ------------------------------------------------------------ keys of rules v2 (issue #12) */

/* The diagnostic with this message, or NULL. */
static const lvl_diag *find_diag(const lvl_diags *d, const char *message)
{
    for (int i = 0; i < d->n; i++)
        if (strcmp(d->items[i].message, message) == 0)
            return &d->items[i];
    return NULL;
}

static int find_fact(const core_scenario *sc, const char *id)
{
    for (int i = 0; i < sc->n_facts; i++)
        if (strcmp(sc->facts[i].id, id) == 0)
            return i;
    return -1;
}

/* dossier `gevoelig: ja|nee` */
static void test_key_dossier_gevoelig(void **state)
{
    (void)state;
    loaded *l = load_good("dossier", "dossier:\n"
                                     "  - {id: f-trauma, rol: ouder, gevoelig: ja, tekst: \"Iets zwaars.\", noden: [thuis, rust, welzijn]}\n"
                                     "  - {id: f-open, rol: leraar, gevoelig: nee, tekst: \"Open.\", noden: rust}\n");
    assert_true(l->sc.facts[find_fact(&l->sc, "f-trauma")].sensitive);
    assert_false(l->sc.facts[find_fact(&l->sc, "f-open")].sensitive);
    free(l);
    expect_error("dossier", "dossier:\n  - {id: f1, rol: ouder, gevoelig: misschien, tekst: \"F.\", noden: [rust, thuis, welzijn]}\n",
                 1, "misschien", "‘gevoelig’ moet ja of nee zijn, niet ‘misschien’", "schrijf ‘ja’ of ‘nee’, of laat de regel weg");
}

/* dossier `stem-van-de-leerling: ja`, also of a leerling without a seat */
static void test_key_dossier_stem_van_de_leerling(void **state)
{
    (void)state;
    loaded *l = load_good("dossier", "dossier:\n"
                                     "  - {id: f1, rol: leraar, tekst: \"Feit.\", noden: [rust, thuis, welzijn]}\n"
                                     "  - {id: mo-zegt, rol: leerling, stem-van-de-leerling: ja, tekst: \"Ik wil niet apart zitten.\", noden: rust}\n"
                                     "  - {id: mo-ook, rol: leerling, stem-van-de-leerling: ja, tekst: \"Pauze helpt.\", noden: welzijn}\n"
                                     "  - {id: ouder-hoort, rol: ouder, stem-van-de-leerling: ja, tekst: \"Mo zegt thuis veel.\", noden: thuis}\n");
    const core_scenario *sc = &l->sc;
    int f = find_fact(sc, "mo-zegt");
    assert_true(f >= 0 && sc->facts[f].pupil_voice);
    /* the leerling holds it without a seat: a role after the seats, no cards */
    assert_int_equal(sc->n_seats, 3);
    assert_int_equal(sc->n_roles, 4);
    assert_int_equal(sc->facts[f].role, 3);
    assert_string_equal(sc->roles[3].id, "leerling");
    assert_true(sc->roles[3].pupil);
    assert_int_equal(sc->roles[3].deck_size, 0);
    assert_int_equal(sc->facts[find_fact(sc, "mo-ook")].role, 3); /* one role for both */
    int o = find_fact(sc, "ouder-hoort");
    assert_true(sc->facts[o].pupil_voice);
    assert_int_equal(sc->facts[o].role, 1); /* a seated holder shares it once the pupil was asked */
    assert_false(sc->facts[find_fact(sc, "f1")].pupil_voice);
    char err[256];
    assert_true(core_scenario_validate(sc, err, sizeof err));
    free(l);
    /* any other fact keeps today's rule: its role sits at the table */
    expect_error("dossier", "dossier:\n  - {id: f1, rol: leerling, tekst: \"Ik wil niet apart zitten.\", noden: [rust, thuis, welzijn]}\n",
                 1, "leerling", "rol ‘leerling’ speelt niet mee in deze casus",
                 "vertelt de leerling dit zelf, zet dan ‘stem-van-de-leerling: ja’ bij het feit; of voeg ‘leerling’ toe aan ‘rollen’");
    expect_error("dossier", "dossier:\n  - {id: f1, rol: directie, tekst: \"Feit.\", noden: [rust, thuis, welzijn]}\n", 1,
                 "directie", "rol ‘directie’ speelt niet mee in deze casus", "voeg ‘directie’ toe aan ‘rollen’ bovenaan de casus");
    expect_error("dossier",
                 "dossier:\n  - {id: f1, rol: leerlink, stem-van-de-leerling: ja, tekst: \"F.\", noden: [rust, thuis, welzijn]}\n", 1,
                 "leerlink", "onbekende rol ‘leerlink’", "bedoelde je ‘leerling’?");
    expect_error("dossier", "dossier:\n  - {id: f1, rol: leraar, stem-van-de-leerling: soms, tekst: \"F.\", noden: [rust, thuis, welzijn]}\n",
                 1, "soms", "‘stem-van-de-leerling’ moet ja of nee zijn, niet ‘soms’", "schrijf ‘ja’ of ‘nee’, of laat de regel weg");
}

/* a card's `stem-van-de-leerling: ja`, in a level and in a role block */
static void test_key_kaart_stem_van_de_leerling(void **state)
{
    (void)state;
    loaded *l = load_good("kaarten", "kaarten:\n"
                                     "  - {id: mo-tekent, rol: ouder, stem-van-de-leerling: ja, titel: Mo tekent het, domein: thuiscontext, kennis: ervaring, sterkte: 2}\n"
                                     "  - {id: gewoon, rol: ouder, titel: Gewoon, domein: thuiscontext, kennis: ervaring, sterkte: 2}\n");
    assert_true(l->sc.cards[find_card(&l->sc, "mo-tekent")].pupil_voice);
    assert_false(l->sc.cards[find_card(&l->sc, "gewoon")].pupil_voice);
    free(l);
    l = load_good("eigen-rollen", "eigen-rollen:\n  - id: ouder\n    naam: Ouder\n    specialisme: [thuiscontext]\n"
                                  "    kaarten: [{id: o-k, titel: Thuis, stem-van-de-leerling: ja, domein: thuiscontext, kennis: ervaring, sterkte: 2}]\n");
    assert_true(l->sc.cards[find_card(&l->sc, "o-k")].pupil_voice);
    free(l);
    expect_error("kaarten", "kaarten:\n  - {id: k, rol: ouder, stem-van-de-leerling: 1, titel: K, domein: thuiscontext, kennis: ervaring, sterkte: 2}\n",
                 1, "1,", "‘stem-van-de-leerling’ moet ja of nee zijn, niet ‘1’", "schrijf ‘ja’ of ‘nee’, of laat de regel weg");
}

/* a role's flags: from its id, and `leerling`, `geeft-toestemming`, `organiseert-overleg` */
static void test_key_rol_vlaggen(void **state)
{
    (void)state;
    loaded *l = load_good("rollen", "rollen: [leraar, ouder, clb-anker, zorgcoordinator, directie, leerling]\n");
    const core_scenario *sc = &l->sc;
    assert_true(sc->roles[1].guardian && !sc->roles[1].pupil && !sc->roles[1].organizer);
    assert_true(sc->roles[3].organizer && sc->roles[4].organizer && !sc->roles[2].organizer);
    assert_true(sc->roles[5].pupil && !sc->roles[5].guardian);
    assert_false(sc->roles[0].pupil || sc->roles[0].guardian || sc->roles[0].organizer);
    free(l);
    l = load_good("eigen-rollen", "eigen-rollen:\n"
                                  "  - id: ouder\n    naam: Pleegmoeder\n    geeft-toestemming: ja\n    organiseert-overleg: ja\n"
                                  "    specialisme: [thuiscontext]\n"
                                  "    kaarten: [{id: o-k, titel: Thuis, domein: thuiscontext, kennis: ervaring, sterkte: 2}]\n"
                                  "  - id: leraar\n    naam: Leraar\n    leerling: nee\n    geeft-toestemming: nee\n"
                                  "    specialisme: [klaspraktijk]\n"
                                  "    kaarten: [{id: l-k, titel: Klas, domein: klaspraktijk, kennis: professioneel, sterkte: 2}]\n");
    assert_true(l->sc.roles[1].guardian && l->sc.roles[1].organizer);
    assert_false(l->sc.roles[0].guardian || l->sc.roles[0].pupil);
    free(l);
    expect_error("eigen-rollen", "eigen-rollen:\n  - id: ouder\n    naam: Ouder\n    geeft-toestemming: jawel\n"
                                 "    specialisme: [thuiscontext]\n"
                                 "    kaarten: [{id: o-k, titel: Thuis, domein: thuiscontext, kennis: ervaring, sterkte: 2}]\n",
                 3, "jawel", "‘geeft-toestemming’ moet ja of nee zijn, niet ‘jawel’", "schrijf ‘ja’ of ‘nee’, of laat de regel weg");
}

/* a spanning's `afspraken` */
static void test_key_spanning_afspraken(void **state)
{
    (void)state;
    static const char head[] = "spanningen:\n  - id: s1\n    titel: S\n    tekst: T\n    rollen: [leraar, ouder]\n    zwaarte: 1\n"
                               "    innovatie: {id: i1, titel: I, kennis: ervaring, sterkte: 2}\n";
    char text[1024];
    snprintf(text, sizeof text, "%s    afspraken: [\"Wekelijks een kort telefoontje\", \"Een schriftje heen en weer\"]\n", head);
    loaded *l = load_good("spanningen", text);
    assert_int_equal(l->sc.frictions[0].n_options, 2);
    assert_string_equal(l->sc.frictions[0].options[1], "Een schriftje heen en weer");
    free(l);
    snprintf(text, sizeof text, "%s    afspraken: []\n", head);
    l = load_good("spanningen", text); /* none: allowed (check advises) */
    assert_int_equal(l->sc.frictions[0].n_options, 0);
    free(l);
    snprintf(text, sizeof text, "%s    afspraken: [a, b, c, d, e]\n", head);
    expect_error("spanningen", text, 7, "e]", "te veel afspraken bij een spanning: 5, het maximum is 4",
                 "kies de afspraken die het meest uitnodigen tot gesprek");
    char longer[CORE_TITLE_LEN + 8];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    snprintf(text, sizeof text, "%s    afspraken: [%s]\n", head, longer);
    char msg[LVL_MSG_LEN];
    snprintf(msg, sizeof msg, "afspraak te lang (max. ongeveer %d tekens)", CORE_TITLE_LEN - 1);
    expect_error("spanningen", text, 7, "xxx", msg,
                 "een afspraak is kort, zoals een titel; de uitleg hoort in de ‘tekst’ van de spanning");
}

/* a reflection card's `past-bij-signaal` and `past-bij-rust` */
static void test_key_reflectie_past_bij(void **state)
{
    (void)state;
    static const char rest[] = "  - {id: r2, vraag: V?, bouwsteen: netwerk, signalen: centraal-netwerk, antwoorden: [Ja, Nee]}\n"
                               "  - {id: r3, vraag: V?, bouwsteen: organisatie, signalen: [geen-trekker], antwoorden: [Ja, Nee]}\n"
                               "  - {id: r4, vraag: V?, bouwsteen: verbinding, signalen: [grenservaring], antwoorden: [Ja, Nee]}\n";
    char text[2048];
    snprintf(text, sizeof text, "reflectiewaaier:\n"
                                "  - {id: r1, vraag: V?, bouwsteen: identiteit, signalen: [rol-afwezig], antwoorden: [Ja, Soms, Nee],"
                                " past-bij-signaal: [1, 2], past-bij-rust: 0}\n%s", rest);
    loaded *l = load_good("reflectiewaaier", text);
    assert_int_equal(l->sc.reflections[0].fit_signal, 6u);
    assert_int_equal(l->sc.reflections[0].fit_quiet, 1u);
    assert_int_equal(l->sc.reflections[1].fit_signal, 0u); /* left out: the default */
    /* the rule reads the masks: answer 0 fits a quiet round, not a signal */
    assert_true(core_reflection_fits(&l->sc.reflections[0], 0, 0));
    assert_false(core_reflection_fits(&l->sc.reflections[0], 1u << CORE_EV_TAG_ROL_AFWEZIG, 0));
    free(l);
    snprintf(text, sizeof text, "reflectiewaaier:\n"
                                "  - {id: r1, vraag: V?, bouwsteen: identiteit, signalen: [rol-afwezig], antwoorden: [Ja, Nee],"
                                " past-bij-signaal: [1, 2]}\n%s", rest);
    expect_error("reflectiewaaier", text, 1, "2]", "antwoord 2 bestaat niet: deze kaart heeft antwoorden 0 tot 1",
                 "tel vanaf 0: 0 is het eerste antwoord");
    snprintf(text, sizeof text, "reflectiewaaier:\n"
                                "  - {id: r1, vraag: V?, bouwsteen: identiteit, signalen: [rol-afwezig], antwoorden: [Ja, Nee],"
                                " past-bij-rust: []}\n%s", rest);
    expect_error("reflectiewaaier", text, 1, "[]}", "‘past-bij-rust’ is leeg",
                 "noem minstens één antwoord (0 is het eerste), of laat de regel weg voor de standaard");
}

/* `regels`: overleg time, its costs and trust */
static void test_key_regels_overleg_en_vertrouwen(void **state)
{
    (void)state;
    loaded *l = load_good("regels", "regels:\n  overlegtijd: 5\n  overlegmoment-kost: 3\n  overlegmoment-bonus: 1\n"
                                    "  kost-vraag: 2\n  kost-doel: 0\n  kost-afspraak: 2\n  kost-leerling: 3\n"
                                    "  vertrouwen-start: 2\n  vertrouwen-max: 4\n  vertrouwen-laag: 0\n  toestemming-straf: 2\n");
    const core_rules *r = &l->sc.rules;
    assert_int_equal(r->overleg_budget, 5);
    assert_int_equal(r->overleg_moment_cost, 3);
    assert_int_equal(r->overleg_moment_bonus, 1);
    assert_int_equal(r->ask_cost, 2);
    assert_int_equal(r->goal_cost, 0);
    assert_int_equal(r->afspraak_cost, 2);
    assert_int_equal(r->pupil_cost, 3);
    assert_int_equal(r->trust_start, 2);
    assert_int_equal(r->trust_max, 4);
    assert_int_equal(r->trust_low, 0);
    assert_int_equal(r->consent_penalty, 2);
    free(l);
    l = load_good("regels", "regels: {overlegtijd: 0}\n"); /* 0: unlimited */
    assert_int_equal(l->sc.rules.overleg_budget, 0);
    core_rules def;
    core_rules_default(&def);
    assert_int_equal(l->sc.rules.trust_start, def.trust_start);
    free(l);
    expect_error("regels", "regels: {overlegtijd: 101}\n", 0, "101", "‘overlegtijd’ moet tussen 0 en 100 liggen (nu 101)", NULL);
    expect_error("regels", "regels: {kost-vraag: -1}\n", 0, "-1", "‘kost-vraag’ moet tussen 0 en 100 liggen (nu -1)", NULL);
    expect_error("regels", "regels: {vertrouwen-max: 0}\n", 0, "0", "‘vertrouwen-max’ moet tussen 1 en 100 liggen (nu 0)", NULL);
    expect_error("regels", "regels: {vertrouwen-start: 6}\n", 0, "6", "‘vertrouwen-start’ (6) is groter dan ‘vertrouwen-max’ (5)", NULL);
    expect_error("regels", "regels: {vertrouwen-max: 3, vertrouwen-laag: 4}\n", 0, "4",
                 "‘vertrouwen-laag’ (4) is groter dan ‘vertrouwen-max’ (3)", NULL);
    expect_error("regels", "regels:\n  toestemming-straf: 1,5\n", 1, "1,5", "‘toestemming-straf’ moet een geheel getal zijn, niet ‘1,5’",
                 "schrijf een getal zonder komma, bv. 3");
}

/* Every rule number of core.h's CORE_RULE_NUMBERS is a key of its block,
 * refused outside its range with the key's name, and explained to trainers
 * in levels/README.md: a new row needs nothing else to be read and checked. */
static void test_key_rule_numbers_from_the_list(void **state)
{
    (void)state;
    static const struct {
        const char *block, *key;
        bool whole;
        double lo, hi;
    } rows[] = {
#define ROW_(type, field, blk, key, def, lo, hi) {#blk, key, sizeof(type) == sizeof(int), lo, hi},
        CORE_RULE_NUMBERS(ROW_)
#undef ROW_
    };
    FILE *f = fopen(SAMENSPEL_SOURCE_DIR "/levels/README.md", "rb");
    assert_non_null(f);
    static char readme[256 * 1024];
    size_t n = fread(readme, 1, sizeof readme - 1, f);
    fclose(f);
    readme[n] = '\0';
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char block[16], snippet[128], value[32], message[160];
        size_t b = 0;
        for (; rows[i].block[b] && b + 1 < sizeof block; b++)
            block[b] = (char)tolower((unsigned char)rows[i].block[b]);
        block[b] = '\0';
        if (rows[i].whole) {
            snprintf(value, sizeof value, "%d", (int)rows[i].hi + 1);
            snprintf(message, sizeof message, "‘%s’ moet tussen %d en %d liggen (nu %s)", rows[i].key, (int)rows[i].lo,
                     (int)rows[i].hi, value);
        } else {
            snprintf(value, sizeof value, "%g", rows[i].hi + 1);
            snprintf(message, sizeof message, "‘%s’ moet tussen %g en %g liggen (nu %s)", rows[i].key, rows[i].lo,
                     rows[i].hi, value);
        }
        snprintf(snippet, sizeof snippet, "%s:\n  %s: %s\n", block, rows[i].key, value);
        expect_error(block, snippet, 1, value, message, NULL);
        if (!strstr(readme, rows[i].key))
            fail_msg("levels/README.md does not explain ‘%s’", rows[i].key);
    }
}

/* `samenspel check`'s advice (lvl_check_file): the pupil's voice, consent,
 * afspraken; a plain load stays quiet about them. */
static lvl_diags *check_text(const char *text, int *warnings_on_load)
{
    char dir[] = "/tmp/samenspel-advies-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/level.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    lvl_diags *d = calloc(1, sizeof *d);
    core_scenario *sc = calloc(1, sizeof *sc);
    assert_true(lvl_load_file(path, sc, d));
    *warnings_on_load = d->n_warnings;
    bool roles = true;
    assert_true(lvl_check_file(path, sc, d, &roles));
    assert_false(roles);
    remove(path);
    rmdir(dir);
    free(sc);
    return d;
}

static void test_check_advice(void **state)
{
    (void)state;
    plat_i18n_init("nl");
    static char text[8192];
    int on_load = -1;
    /* the base: no pupil's voice, a spanning without afspraken */
    level_text(text, sizeof text, "", NULL, "");
    lvl_diags *d = check_text(text, &on_load);
    assert_int_equal(on_load, 0);
    assert_int_equal(d->n_warnings, 2);
    const lvl_diag *g = find_diag(d, "de leerling krijgt geen stem: geen leerling aan tafel en geen feit of kaart van de stem van de leerling");
    assert_non_null(g);
    assert_int_equal(g->line, 5); /* rollen: */
    g = find_diag(d, "spanning ‘s1’ stelt geen afspraken voor");
    assert_non_null(g);
    assert_string_equal(g->hint, "voeg ‘afspraken: [\"...\"]’ toe: de betrokken rollen kiezen er een of schrijven er zelf een");
    free(d);
    /* a sensitive fact with nobody to consent; the pupil heard through a fact */
    int line = level_text(text, sizeof text, "rollen", "dossier",
                          "rollen: [leraar, clb-anker, leerondersteuner]\n"
                          "dossier:\n"
                          "  - {id: f1, rol: clb-anker, gevoelig: ja, tekst: \"Zwaar.\", noden: [rust, thuis, welzijn]}\n"
                          "  - {id: mo, rol: leerling, stem-van-de-leerling: ja, tekst: \"Ik.\", noden: rust}\n"
                          "regels: {noden-om-te-winnen: 2}\n"); /* no ouder: nobody reaches `thuis` */
    /* the base's spanning names the ouder: give it afspraken and other roles */
    char *sp = strstr(text, "spanningen:");
    assert_non_null(sp);
    static const char spanning[] = "spanningen:\n  - id: s1\n    titel: S\n    tekst: T\n    rollen: [leraar, clb-anker]\n    zwaarte: 1\n"
                                   "    afspraken: [\"Samen plannen\"]\n"
                                   "    innovatie: {id: i1, titel: I, kennis: ervaring, sterkte: 2}\n";
    char *end = strstr(sp, "doelen:");
    assert_non_null(end);
    static char text2[8192];
    snprintf(text2, sizeof text2, "%.*s%s%s", (int)(sp - text), text, spanning, end);
    line += count_lines(spanning) - (int)count_lines_n(sp, end);
    d = check_text(text2, &on_load);
    assert_int_equal(d->n_warnings, on_load + 1); /* no ouder: also a domain without cards, on load */
    g = find_diag(d, "gevoelig feit ‘f1’: niemand aan tafel kan toestemming geven (geen ouder, geen leerling van 12 of ouder)");
    assert_non_null(g);
    assert_int_equal(g->line, line + 2);
    assert_string_equal(g->hint, "voeg ‘ouder’ toe aan ‘rollen’, of geef een rol ‘geeft-toestemming: ja’; anders kost elk delen welbevinden en vertrouwen");
    free(d);
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
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    /* one test per key that a section gained with rules v2 (issue #12) */
    const struct CMUnitTest keys[] = {
        cmocka_unit_test(test_key_dossier_gevoelig),
        cmocka_unit_test(test_key_dossier_stem_van_de_leerling),
        cmocka_unit_test(test_key_kaart_stem_van_de_leerling),
        cmocka_unit_test(test_key_rol_vlaggen),
        cmocka_unit_test(test_key_spanning_afspraken),
        cmocka_unit_test(test_key_reflectie_past_bij),
        cmocka_unit_test(test_key_regels_overleg_en_vertrouwen),
        cmocka_unit_test(test_key_rule_numbers_from_the_list),
        cmocka_unit_test(test_check_advice),
    };
    return failed + cmocka_run_group_tests(keys, NULL, NULL);
}
