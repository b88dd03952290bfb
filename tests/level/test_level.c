/*
 * Level loader tests: golden diagnostics for every broken level in
 * tests/level/broken (position + message + hint), the bundled levels load
 * without a single warning, loader pieces, hot reload on a temp file, and
 * garbage that must be refused without crashing.
 *
 * LVL_GOLDEN_UPDATE=1 rewrites the .expected files (review the diff!).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "level/level.h"
#include "level/level_int.h"
#include "level/watch.h"
#include "platform/plat.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char data_dir[PLAT_PATH_MAX];

static void render(const lvl_diags *d, char *out, size_t cap)
{
    size_t off = 0;
    out[0] = '\0';
    for (int i = 0; i < d->n && off < cap; i++) {
        const lvl_diag *g = &d->items[i];
        const char *base = strrchr(g->file, '/');
        off += (size_t)snprintf(out + off, cap - off, "%s:%d:%d: %s: %s\n", base ? base + 1 : g->file, g->line, g->col,
                                g->severity == LVL_ERROR ? "fout" : "waarschuwing", g->message);
        if (g->hint[0] && off < cap)
            off += (size_t)snprintf(out + off, cap - off, "  = hulp: %s\n", g->hint);
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Per-test fixture: the diagnostics and scenario a load fills, on the heap
 * (too large for a test's stack); LOADED names them in the test. */
typedef struct {
    lvl_diags d;
    core_scenario sc;
} loaded;

static int loaded_setup(void **state)
{
    *state = calloc(1, sizeof(loaded));
    return *state ? 0 : -1;
}

static int loaded_teardown(void **state)
{
    free(*state);
    return 0;
}

#define LOADED(d_name, sc_name)                                                                    \
    lvl_diags *d_name = &((loaded *)*state)->d;                                                    \
    core_scenario *sc_name = &((loaded *)*state)->sc
#define LOAD_TEST(f) cmocka_unit_test_setup_teardown(f, loaded_setup, loaded_teardown)

static void test_golden_broken(void **state)
{
    (void)state;
    plat_i18n_init("nl");
    char dir[PLAT_PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s/tests/level/broken", data_dir);
    DIR *dh = opendir(dir);
    assert_non_null(dh);
    char *names[128];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dh)) && n < 128) {
        size_t l = strlen(e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".yaml") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(dh);
    qsort(names, (size_t)n, sizeof names[0], cmp_str);
    assert_true(n >= 25);
    bool update = getenv("LVL_GOLDEN_UPDATE") != NULL;
    lvl_diags *d = malloc(sizeof *d);
    core_scenario *sc = malloc(sizeof *sc);
    char *got = malloc(65536), *want = malloc(65536);
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char path[PLAT_PATH_MAX * 2], exp[PLAT_PATH_MAX * 2];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(exp, sizeof exp, "%s/%.*s.expected", dir, (int)strlen(names[i]) - 5, names[i]);
        bool ok = lvl_load_file(path, sc, d);
        render(d, got, 65536);
        /* every broken file must produce at least one diagnostic */
        if (d->n == 0) {
            fprintf(stderr, "%s: no diagnostic at all\n", names[i]);
            failures++;
        }
        (void)ok;
        if (update) {
            FILE *f = fopen(exp, "w");
            assert_non_null(f);
            fputs(got, f);
            fclose(f);
            continue;
        }
        FILE *f = fopen(exp, "r");
        if (!f) {
            fprintf(stderr, "%s: missing %s; got:\n%s", names[i], exp, got);
            failures++;
            continue;
        }
        size_t len = fread(want, 1, 65535, f);
        want[len] = '\0';
        fclose(f);
        if (strcmp(got, want) != 0) {
            fprintf(stderr, "%s: diagnostics differ\n--- expected\n%s--- got\n%s", names[i], want, got);
            failures++;
        }
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(d);
    free(sc);
    free(got);
    free(want);
    assert_int_equal(failures, 0);
}

static void load_clean(const char *rel, int seats)
{
    char path[PLAT_PATH_MAX];
    assert_true(plat_data_path(rel, path, sizeof path));
    lvl_diags *d = malloc(sizeof *d);
    core_scenario *sc = malloc(sizeof *sc);
    bool ok = lvl_load_file(path, sc, d);
    if (d->n)
        lvl_diags_print(d, false, stderr);
    assert_true(ok);
    assert_int_equal(d->n_errors, 0);
    assert_int_equal(d->n_warnings, 0);
    assert_int_equal(sc->n_seats, seats);
    assert_true(sc->n_needs >= 3 && sc->n_needs <= 6);
    assert_true(sc->n_frictions >= 1);
    assert_true(sc->n_reflections >= 4);
    char err[256];
    assert_true(core_scenario_validate(sc, err, sizeof err));
    /* every bundled casus carries trainer notes (issue 15) */
    assert_true(sc->notes.n_goals >= 2 && sc->notes.n_moments >= 2 && sc->notes.n_prompts >= 2);
    assert_true(sc->notes.timing[0] && sc->notes.care[0]);
    free(d);
    free(sc);
}

static void test_bundled_levels_clean(void **state)
{
    plat_i18n_init("nl");
    load_clean("levels/noor.yaml", 4);
    load_clean("levels/jonas.yaml", 6);
    load_clean("levels/amira.yaml", 7);
    load_clean("levels/lucas.yaml", 6);
    load_clean("levels/lotte.yaml", 5);
    load_clean("levels/sem.yaml", 7);
    load_clean("levels/mila.yaml", 5);
    load_clean("levels/lina.yaml", 5);
    char path[PLAT_PATH_MAX];
    assert_true(plat_data_path("levels/rollen.yaml", path, sizeof path));
    LOADED(d, sc);
    bool roles = false;
    assert_true(lvl_check_file(path, sc, d, &roles));
    assert_true(roles);
    assert_int_equal(d->n, 0);
    /* a roles file is not a level */
    assert_false(lvl_load_file(path, sc, d));
}

static void test_default_is_noor_with_core_roles(void **state)
{
    char path[PLAT_PATH_MAX];
    assert_true(lvl_default_path(path, sizeof path));
    size_t l = strlen(path);
    assert_true(l > 16 && strcmp(path + l - 16, "levels/noor.yaml") == 0);
    LOADED(d, sc);
    assert_true(lvl_load_file(path, sc, d));
    const char *core_roles[] = {"leraar", "ouder", "clb-anker", "leerondersteuner"};
    assert_int_equal(sc->n_seats, 4);
    for (int i = 0; i < 4; i++)
        assert_string_equal(sc->roles[sc->seat_roles[i]].id, core_roles[i]);
    /* grenzen become limited_roles: the ouder cannot move the classroom need alone */
    int ouder = 1, need = -1;
    for (int n = 0; n < sc->n_needs; n++)
        if (strcmp(sc->needs[n].id, "voorspelbaarheid") == 0)
            need = n;
    assert_true(need >= 0);
    assert_true(sc->needs[need].limited_roles & (1u << ouder));
    assert_false(sc->needs[need].limited_roles & (1u << 0));
    /* omitted rule numbers come from core_rules_default */
    core_rules def;
    core_rules_default(&def);
    assert_int_equal(sc->rules.hand_size, def.hand_size);
    assert_int_equal(sc->rules.synergy_bonus, def.synergy_bonus);
}

/* The journal keeps the roles file a level read and rebuilds the level from
 * both texts: lvl_load_file_roles names the file, lvl_load_buffer_roles uses
 * the given text instead of any file. */
static void test_roles_source_and_text(void **state)
{
    (void)state;
    char path[PLAT_PATH_MAX], roles_path[PLAT_PATH_MAX], err[256];
    assert_true(lvl_default_path(path, sizeof path));
    lvl_diags *d = calloc(1, sizeof *d);
    core_scenario *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
    lvl_roles_source used;
    assert_true(lvl_load_file_roles(path, a, d, &used));
    assert_string_equal(used.name, "rollen.yaml");
    assert_true(plat_data_path("levels/rollen.yaml", roles_path, sizeof roles_path));
    assert_string_equal(used.path, roles_path);

    size_t llen = 0, rlen = 0;
    char *level = plat_read_file(path, 1u << 20, &llen, err, sizeof err);
    char *roles = plat_read_file(roles_path, 1u << 20, &rlen, err, sizeof err);
    assert_non_null(level);
    assert_non_null(roles);
    /* the same texts give the same scenario */
    assert_true(lvl_load_buffer_roles("noor.yaml", level, llen, "rollen.yaml (bewaard)", roles, rlen, b, d));
    assert_memory_equal(a, b, sizeof *a);
    /* a changed roles text is used, not the file on disk */
    char *strong = strstr(roles, "sterkte: 2");
    assert_non_null(strong);
    strong[9] = '3';
    assert_true(lvl_load_buffer_roles("noor.yaml", level, llen, "rollen.yaml (bewaard)", roles, rlen, b, d));
    assert_memory_not_equal(a, b, sizeof *a);
    /* a broken roles text is reported under the name it was given */
    const char broken[] = "rollen: [\n";
    assert_false(lvl_load_buffer_roles("noor.yaml", level, llen, "rollen.yaml (bewaard)", broken,
                                       sizeof broken - 1, b, d));
    bool named = false;
    for (int i = 0; i < d->n; i++)
        named = named || strcmp(d->items[i].file, "rollen.yaml (bewaard)") == 0;
    assert_true(named);
    free(level);
    free(roles);
    free(a);
    free(b);
    free(d);
}

static void test_edit_distance_and_suggest(void **state)
{
    (void)state;
    assert_int_equal(lvl_edit_distance("ouders", "ouder"), 1);
    assert_int_equal(lvl_edit_distance("", "abc"), 3);
    assert_int_equal(lvl_edit_distance("kitten", "sitting"), 3);
    const char *c[] = {"leraar", "ouder", "clb-anker", "leerondersteuner"};
    assert_string_equal(lvl_suggest("ouders", c, 4), "ouder");
    assert_string_equal(lvl_suggest("leerondersteuners", c, 4), "leerondersteuner");
    assert_null(lvl_suggest("directie", c, 4));
}

static const char *mini =
    "versie: 1\n"
    "id: mini\n"
    "titel: Mini\n"
    "leerling: {naam: Mo, leeftijd: 9, klas: 4de leerjaar, verhaal: \"Mo tekent graag.\"}\n"
    "rollen: [leraar, ouder, clb-anker]\n"
    "noden:\n"
    "  - {id: rust, titel: Rust, tekst: \"Rust in de klas.\", domein: klaspraktijk, doel: 4}\n"
    "  - {id: thuis, titel: Thuis, tekst: \"Afstemming.\", domein: thuiscontext, doel: 4}\n"
    "  - {id: welzijn, titel: Welzijn, tekst: \"Goed in zijn vel.\", domein: welbevinden, doel: 4}\n"
    "dossier:\n"
    "  - {id: f1, rol: leraar, tekst: \"Feit.\", noden: [rust, thuis, welzijn]}\n"
    "spanningen:\n"
    "  - id: s1\n    titel: S\n    tekst: T\n    rollen: [leraar, ouder]\n    zwaarte: 1\n"
    "    innovatie: {id: i1, titel: I, kennis: ervaring, sterkte: 2}\n"
    "doelen:\n  - {id: g1, titel: G, noden: rust}\n"
    "reflectiewaaier:\n"
    "  - {id: r1, vraag: V?, bouwsteen: identiteit, signalen: [rol-afwezig], antwoorden: [Ja, Nee]}\n"
    "  - {id: r2, vraag: V?, bouwsteen: netwerk, signalen: centraal-netwerk, antwoorden: [Ja, Nee]}\n"
    "  - {id: r3, vraag: V?, bouwsteen: organisatie, signalen: [geen-trekker], antwoorden: [Ja, Nee]}\n"
    "  - {id: r4, vraag: V?, bouwsteen: verbinding, signalen: [grenservaring], antwoorden: [Ja, Nee]}\n";

static void test_buffer_mini_and_single_value_lists(void **state)
{
    plat_i18n_init("nl");
    LOADED(d, sc);
    bool ok = lvl_load_buffer("mini.yaml", mini, strlen(mini), sc, d);
    if (d->n)
        lvl_diags_print(d, false, stderr);
    assert_true(ok);
    assert_int_equal(sc->n_seats, 3);
    assert_int_equal(sc->goals[0].needs, 1u); /* `noden: rust` is a list of one */
    assert_int_equal(sc->reflections[1].evidence, 1u << CORE_EV_TAG_CENTRAAL_NETWERK);
    assert_int_equal(sc->frictions[0].required_roles, 2);
    assert_true(sc->frictions[0].innovation_card >= 0);
    assert_int_equal(sc->cards[sc->frictions[0].innovation_card].type, CORE_CARD_INNOVATION);
    /* role facts from rollen.yaml join when their domains match a need */
    bool role_fact = false;
    for (int f = 0; f < sc->n_facts; f++)
        if (strcmp(sc->facts[f].id, "leraar-klasobservatie") == 0)
            role_fact = true;
    assert_true(role_fact);
}

static void test_english_messages(void **state)
{
    plat_i18n_init("en");
    LOADED(d, sc);
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", mini);
    char *p = strstr(buf, "rollen: [leraar, ouder,");
    assert_non_null(p);
    memcpy(p, "rollen: [leraar, ouden,", 23);
    assert_false(lvl_load_buffer("mini.yaml", buf, strlen(buf), sc, d));
    assert_true(d->n >= 1);
    assert_string_equal(d->items[0].message, "unknown role ‘ouden’");
    assert_string_equal(d->items[0].hint, "did you mean ‘ouder’?");
    assert_int_equal(d->items[0].line, 5);
    assert_int_equal(d->items[0].col, 18);
    plat_i18n_init("nl");
    assert_false(lvl_load_buffer("mini.yaml", buf, strlen(buf), sc, d));
    assert_string_equal(d->items[0].message, "onbekende rol ‘ouden’");
}

static void test_garbage_never_crashes(void **state)
{
    LOADED(d, sc);
    const char *inputs[] = {
        "", "\n", "---", "- a\n- b\n", "a", "versie: 1", "versie: [1]", "{", "[[[[", "'", "\"",
        "versie: 1\nrollen: leraar\nnoden: 3\n", "versie: 1\nnoden: [{}, [], x]\n",
        "? [a]\n: b\n", "versie: 99999999999999999999\n", "\xff\xfe\x00", "versie: 0\nbehoeften: []\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        assert_false(lvl_load_buffer("x.yaml", inputs[i], strlen(inputs[i]), sc, d));
        assert_true(d->n_errors >= 1);
    }
    /* huge and deep inputs are refused quickly */
    size_t big = LVL_MAX_FILE_BYTES + 10;
    char *h = malloc(big);
    memset(h, 'a', big);
    assert_false(lvl_load_buffer("big.yaml", h, big, sc, d));
    memset(h, '[', 200000);
    assert_false(lvl_load_buffer("deep.yaml", h, 200000, sc, d));
    free(h);
}

/* Reading past syntax errors is bounded: a file with a mis-indented line
 * every other line reports several of them, then stops (no hang, no flood),
 * and a repaired line never invents a message about a key it mangled. */
static void test_syntax_errors_bounded(void **state)
{
    LOADED(d, sc);
    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "versie: 1\nnoden:\n");
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "  - id: n%d\n   titel: T%d\n", i, i);
    assert_false(lvl_load_buffer("veel.yaml", text, n, sc, d));
    int syntax = 0;
    for (int i = 0; i < d->n; i++)
        syntax += strstr(d->items[i].message, "springt 1 spatie te weinig in") != NULL;
    assert_true(syntax >= 2);
    assert_true(syntax <= 9); /* LVL_MAX_REPAIRS + 1 */
}

static void write_file(const char *path, const char *text)
{
    char tmp[PLAT_PATH_MAX + 8];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(rename(tmp, path), 0); /* like editors that save by rename */
}

static void test_watch_reload(void **state)
{
    plat_i18n_init("nl");
    char dir[] = "/tmp/samenspel-watch-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[PLAT_PATH_MAX];
    snprintf(path, sizeof path, "%s/level.yaml", dir);
    write_file(path, mini);
    lvl_watch w;
    lvl_watch_init(&w, path);
    LOADED(d, sc);
    uint64_t t = 1000;
    assert_int_equal(lvl_watch_poll(&w, t, sc, d), LVL_WATCH_UNCHANGED);
    /* a good change: seen, then loaded once it has settled */
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", mini);
    memcpy(strstr(buf, "titel: Mini"), "titel: Maxi", 11);
    strcat(buf, "# changed\n");
    write_file(path, buf);
    assert_int_equal(lvl_watch_poll(&w, t += 10, sc, d), LVL_WATCH_UNCHANGED);
    assert_int_equal(lvl_watch_poll(&w, t += 10, sc, d), LVL_WATCH_UNCHANGED); /* not settled yet */
    assert_int_equal(lvl_watch_poll(&w, t += LVL_WATCH_SETTLE_MS, sc, d), LVL_WATCH_RELOADED);
    assert_string_equal(sc->title, "Maxi");
    assert_int_equal(lvl_watch_poll(&w, t += 1000, sc, d), LVL_WATCH_UNCHANGED);
    /* a bad change: reported with diagnostics */
    write_file(path, "versie: 1\nid: kapot\n\ttitel: x\n");
    assert_int_equal(lvl_watch_poll(&w, t += 10, sc, d), LVL_WATCH_UNCHANGED);
    assert_int_equal(lvl_watch_poll(&w, t += 1000, sc, d), LVL_WATCH_FAILED);
    assert_true(d->n_errors >= 1);
    assert_int_equal(d->items[0].line, 3);
    /* missing file (between unlink and rename) is not a change */
    unlink(path);
    assert_int_equal(lvl_watch_poll(&w, t += 1000, sc, d), LVL_WATCH_UNCHANGED);
    write_file(path, mini);
    assert_int_equal(lvl_watch_poll(&w, t += 10, sc, d), LVL_WATCH_UNCHANGED);
    assert_int_equal(lvl_watch_poll(&w, t += 1000, sc, d), LVL_WATCH_RELOADED);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const char *dd = getenv("SAMENSPEL_DATA_DIR");
    snprintf(data_dir, sizeof data_dir, "%s", dd ? dd : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_broken),
        LOAD_TEST(test_bundled_levels_clean),
        LOAD_TEST(test_default_is_noor_with_core_roles),
        cmocka_unit_test(test_edit_distance_and_suggest),
        LOAD_TEST(test_buffer_mini_and_single_value_lists),
        LOAD_TEST(test_english_messages),
        LOAD_TEST(test_garbage_never_crashes),
        LOAD_TEST(test_syntax_errors_bounded),
        LOAD_TEST(test_watch_reload),
        cmocka_unit_test(test_roles_source_and_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
