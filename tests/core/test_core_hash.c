/* core_state_hash: its values are pinned (stored journals compare them on
 * resume), and every field of core_state is declared in the hashed list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "core/core_state_fields.h"
#include "test_header.h"
#include "test_play.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------- pinned values */

/* Folds the hash of every state a game passes through, so one number
 * pins hundreds of states. */
static uint64_t fold(uint64_t acc, uint64_t h)
{
    return (acc ^ h) * 1099511628211ULL;
}

static core_action random_action(core_rng *rng, int n_seats)
{
    core_action a;
    memset(&a, 0, sizeof a);
    a.seat = (int)core_rng_below(rng, (uint32_t)n_seats);
    if (core_rng_below(rng, 10) == 0) {
        a.type = CORE_ACT_ADVANCE;
        a.seat = CORE_SEAT_HOST;
        return a;
    }
    a.type = (core_action_type)(1 + core_rng_below(rng, CORE_ACT_COUNT - 1));
    a.a = (int)core_rng_below(rng, 10) - 1;
    a.b = (int)core_rng_below(rng, 3);
    a.c = (int)core_rng_below(rng, 5) - 1;
    if (a.type == CORE_ACT_START)
        a.seat = CORE_SEAT_HOST;
    if (a.type == CORE_ACT_REFLECT)
        snprintf(a.text, sizeof a.text, "beter luisteren %u", core_rng_below(rng, 100));
    return a;
}

/* Half the actions come from bots (plausible play), half are random (odd
 * corners: promises, uncommits, reflections with text). */
static uint64_t play_and_fold(const core_scenario *sc, uint64_t seed, core_state *st, core_seat_view *v)
{
    char err[100];
    assert_true(core_init(st, sc, seed, err, sizeof err));
    uint64_t acc = fold(14695981039346656037ULL, core_state_hash(st));
    core_rng rng;
    core_rng_seed(&rng, seed, 7);
    for (int step = 0; step < 3000 && st->phase != CORE_PHASE_END; step++) {
        core_action a;
        if (step == 0) {
            memset(&a, 0, sizeof a);
            a.type = CORE_ACT_START;
            a.seat = CORE_SEAT_HOST;
        } else if (step & 1) {
            a = random_action(&rng, sc->n_seats);
        } else {
            int s = (int)core_rng_below(&rng, (uint32_t)sc->n_seats);
            core_seat_view_get(st, s, v);
            if (!core_bot_next(sc, v, s % 2 ? CORE_BOT_SOLO : CORE_BOT_TEAM, &rng, &a))
                continue;
        }
        if (core_apply(st, &a, NULL) == CORE_OK)
            acc = fold(acc, core_state_hash(st));
    }
    return acc;
}

static void test_hash_values_pinned(void **state)
{
    (void)state;
    /* Pinned at rules version 2 (issue #12): a change here breaks the resume
     * of every stored journal of these rules (journals of rules 1 are
     * refused for resume, not replayed). */
    static const uint64_t expected[] = {0xb8b3c0d5424296f0ULL, 0x2c29e0783897c40fULL,
                                        0x24c08e7d7e561ccdULL};
    core_scenario *sc = test_scenario_new();
    core_state *st = calloc(1, sizeof *st);
    core_seat_view *v = calloc(1, sizeof *v);
    assert_true(st && v);
    for (size_t g = 0; g < sizeof expected / sizeof expected[0]; g++) {
        uint64_t got = play_and_fold(sc, 40u + g, st, v);
        if (got != expected[g])
            fail_msg("game %zu: hash fold 0x%016llx, pinned 0x%016llx", g, (unsigned long long)got,
                     (unsigned long long)expected[g]);
    }
    free(sc);
    free(st);
    free(v);
}


/* ------------------------------------------------ every field is listed */

/* What a field list declares about one struct: the byte range of each
 * field it names, and the list of the struct inside when there is one. */
typedef struct layout layout;
typedef struct {
    const char *name;
    size_t offset, size;
    const layout *inner;
} span;

struct layout {
    const char *type;
    size_t size;
    const span *spans;
    size_t n;
};

#define MEMBER_SIZE(f) sizeof(((T *)0)->f)
#define COVER_FIELD(kind, ...) COVER_##kind(__VA_ARGS__)
#define COVER_VALUE(f) {#f, offsetof(T, f), MEMBER_SIZE(f), NULL},
#define COVER_VALUES(f) COVER_VALUE(f)
#define COVER_BYTES(f) COVER_VALUE(f)
#define COVER_PREFIX(f, n) COVER_VALUE(f)
#define COVER_TEXT(f) COVER_VALUE(f)
#define COVER_SKIP(f, why) COVER_VALUE(f)
#define COVER_STRUCT(f, type) {#f, offsetof(T, f), MEMBER_SIZE(f), &layout_##type},
#define COVER_STRUCTS(f, n, type) COVER_STRUCT(f, type)
/* a second name: a macro cannot expand itself inside its own expansion */
#define COVER_ROW_FIELD(kind, ...) COVER_##kind(__VA_ARGS__)
#define COVER_ROWS(count, LIST) LIST(COVER_ROW_FIELD)
#define COVER_SEAT_ROWS(LIST) LIST(COVER_ROW_FIELD)

/* T is read where LAYOUT expands, so it names the struct of that list. */
#define LAYOUT(type)                                                                   \
    static const span spans_##type[] = {CORE_FIELDS_##type(COVER_FIELD)};              \
    static const layout layout_##type = {#type, sizeof(type), spans_##type,            \
                                         sizeof spans_##type / sizeof spans_##type[0]};

#define T core_rng
LAYOUT(core_rng)
#undef T
#define T core_commitment
LAYOUT(core_commitment)
#undef T
#define T core_promise
LAYOUT(core_promise)
#undef T
#define T core_friction_state
LAYOUT(core_friction_state)
#undef T
#define T core_measures
LAYOUT(core_measures)
#undef T
#define T core_afspraak
LAYOUT(core_afspraak)
#undef T
#define T core_seat_state
LAYOUT(core_seat_state)
#undef T
#define T core_state
LAYOUT(core_state)
#undef T

static int by_offset(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Padding is always shorter than the widest alignment of a field here. */
#define MAX_PADDING (_Alignof(uint64_t) - 1)

/* The declared ranges tile the struct: no overlap, and every gap (also at
 * the end) is short enough to be padding. false with the reason in err. */
static bool tiles(const layout *l, char *err, size_t err_len)
{
    span sorted[128];
    assert_true(l->n <= 128);
    memcpy(sorted, l->spans, l->n * sizeof sorted[0]);
    qsort(sorted, l->n, sizeof sorted[0], by_offset);
    size_t end = 0;
    for (size_t i = 0; i <= l->n; i++) {
        size_t at = i < l->n ? sorted[i].offset : l->size;
        const char *before = i < l->n ? sorted[i].name : "the end";
        if (at < end) {
            snprintf(err, err_len, "%s: %s overlaps the field before it", l->type, before);
            return false;
        }
        if (at - end > MAX_PADDING) {
            snprintf(err, err_len, "%s: the %zu bytes before %s are in no list: a field is missing from "
                     "CORE_FIELDS_%s", l->type, at - end, before, l->type);
            return false;
        }
        if (i < l->n)
            end = sorted[i].offset + sorted[i].size;
    }
    return true;
}

static bool listed(const layout *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->spans[i].name, name))
            return true;
    return false;
}

/* The names declared by a struct body ("int a[N], b; bool c;"), each
 * checked against the list; comments must be blanked out already. false
 * with the reason in err, else *count is how many names it declares. */
static bool names_listed(const layout *l, const char *body, int *count, char *err, size_t err_len)
{
    char *text = strdup(body);
    assert_non_null(text);
    for (char *c = text; *c; c++)
        if (*c == '[') { /* array bounds hold identifiers too */
            for (; *c && *c != ']'; c++)
                *c = ' ';
            if (!*c)
                break;
            *c = ' ';
        }
    bool ok = true;
    *count = 0;
    for (char *p = text; ok && *p; p++) {
        if (*p != ';' && *p != ',')
            continue;
        /* the name is the identifier just before each ';' or ',' */
        char *e = p;
        while (e > text && isspace((unsigned char)e[-1]))
            e--;
        char *b = e;
        while (b > text && (isalnum((unsigned char)b[-1]) || b[-1] == '_'))
            b--;
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(e - b), b);
        if (!listed(l, name)) {
            snprintf(err, err_len, "%s.%s is not in CORE_FIELDS_%s (src/core/core_state_fields.h): hash it "
                     "or SKIP it with a reason", l->type, name, l->type);
            ok = false;
        }
        (*count)++;
    }
    free(text);
    if (ok && (size_t)*count != l->n) {
        snprintf(err, err_len, "%s declares %d fields, its list names %zu", l->type, *count, l->n);
        ok = false;
    }
    return ok;
}

/* core.h with its comments blanked out (a name in a comment never counts). */
static char *read_header(void)
{
    FILE *f = fopen(CORE_HEADER, "rb");
    if (!f)
        fail_msg("cannot open %s", CORE_HEADER);
    static char text[1 << 17];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    assert_true(n > 0 && n < sizeof text - 1);
    text[n] = '\0';
    for (char *c = text; *c; c++) {
        if (c[0] == '/' && c[1] == '*') {
            char *e = strstr(c + 2, "*/");
            assert_non_null(e);
            memset(c, ' ', (size_t)(e + 2 - c));
        } else if (c[0] == '/' && c[1] == '/') {
            while (*c && *c != '\n')
                *c++ = ' ';
        }
    }
    return text;
}

/* The body of "typedef struct { ... } type;" in the header (malloc'd). */
static char *struct_body(const char *header, const char *type)
{
    const char *open, *end;
    if (!test_typedef_body(header, type, &open, &end))
        fail_msg("core.h has no \"} %s;\"", type);
    size_t len = (size_t)(end - open - 1);
    char *body = malloc(len + 1);
    assert_non_null(body);
    memcpy(body, open + 1, len);
    body[len] = '\0';
    return body;
}

/* Checks a struct and every struct its list walks into. */
static void check_layout(const char *header, const layout *l)
{
    char err[300];
    if (!tiles(l, err, sizeof err))
        fail_msg("%s", err);
    char *body = struct_body(header, l->type);
    int count;
    bool ok = names_listed(l, body, &count, err, sizeof err);
    free(body);
    if (!ok)
        fail_msg("%s", err);
    for (size_t i = 0; i < l->n; i++)
        if (l->spans[i].inner)
            check_layout(header, l->spans[i].inner);
}

static void test_every_field_listed(void **state)
{
    (void)state;
    check_layout(read_header(), &layout_core_state);
}

/* The checks themselves notice a missing field: a large one by the tiling,
 * a bool hidden in padding by the names. */
typedef struct {
    int a;
    bool small;
    int b;
    double big;
} sample;

#define SAMPLE_SPAN(f) {#f, offsetof(sample, f), sizeof(((sample *)0)->f), NULL}

static void test_checks_notice_a_missing_field(void **state)
{
    (void)state;
    const char *body = " int a; bool small; int b; double big; ";
    char err[300];
    int count;
    static const span all[] = {SAMPLE_SPAN(a), SAMPLE_SPAN(small), SAMPLE_SPAN(b), SAMPLE_SPAN(big)};
    layout l = {"sample", sizeof(sample), all, 4};
    assert_true(tiles(&l, err, sizeof err));
    assert_true(names_listed(&l, body, &count, err, sizeof err));
    assert_int_equal(count, 4);

    static const span no_small[] = {SAMPLE_SPAN(a), SAMPLE_SPAN(b), SAMPLE_SPAN(big)};
    l = (layout){"sample", sizeof(sample), no_small, 3};
    assert_true(tiles(&l, err, sizeof err)); /* it hides in padding ... */
    assert_false(names_listed(&l, body, &count, err, sizeof err));
    assert_non_null(strstr(err, "sample.small is not in CORE_FIELDS_sample"));

    static const span no_big[] = {SAMPLE_SPAN(a), SAMPLE_SPAN(small), SAMPLE_SPAN(b)};
    l = (layout){"sample", sizeof(sample), no_big, 3};
    assert_false(tiles(&l, err, sizeof err));
    assert_non_null(strstr(err, "bytes before the end are in no list"));
    assert_false(names_listed(&l, body, &count, err, sizeof err));

    static const span twice[] = {SAMPLE_SPAN(a), SAMPLE_SPAN(a), SAMPLE_SPAN(small), SAMPLE_SPAN(b),
                                 SAMPLE_SPAN(big)};
    l = (layout){"sample", sizeof(sample), twice, 5};
    assert_false(tiles(&l, err, sizeof err));
    assert_non_null(strstr(err, "overlaps"));
}

TS_MAIN(NULL, NULL,
        cmocka_unit_test(test_hash_values_pinned),
        cmocka_unit_test(test_every_field_listed),
        cmocka_unit_test(test_checks_notice_a_missing_field))
