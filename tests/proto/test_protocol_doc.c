/* PROTOCOL.md's value tables (phases, outcomes, levels, promise kinds and
 * statuses, rules rejects, event types, action types, evidence tags, reason
 * codes) agree with the C
 * enums they document, so the reference cannot drift from the code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "proto/proto.h"
#include "test_header.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_VALUES 64

typedef struct {
    int n;
    int value[MAX_VALUES];
    char name[MAX_VALUES][40];
} value_table;

/* A whole file, comments blanked out when it is C (malloc'd). */
static char *read_text(const char *path, bool c_source)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    text[size] = '\0';
    for (char *c = text; c_source && *c; c++)
        if (c[0] == '/' && c[1] == '*') {
            char *e = strstr(c + 2, "*/");
            assert_non_null(e);
            memset(c, ' ', (size_t)(e + 2 - c));
        }
    return text;
}

/* "typedef enum { A = 0, B, ..., X_COUNT } type;" -> values and names with
 * the prefix taken off; a _COUNT entry is not a value. Comments must be
 * blanked out already. */
static void enum_values(const char *header, const char *type, const char *prefix, value_table *t)
{
    const char *p, *end;
    if (!test_typedef_body(header, type, &p, &end))
        fail_msg("no enum %s", type);
    t->n = 0;
    int next = 0;
    for (p++; p < end;) {
        while (p < end && (isspace((unsigned char)*p) || *p == ','))
            p++;
        if (p >= end)
            break;
        const char *b = p;
        while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
            p++;
        char name[80];
        snprintf(name, sizeof name, "%.*s", (int)(p - b), b);
        while (p < end && isspace((unsigned char)*p))
            p++;
        if (p < end && *p == '=') {
            next = (int)strtol(p + 1, (char **)&p, 0);
        }
        while (p < end && *p != ',')
            p++;
        size_t len = strlen(name);
        if (len > 6 && !strcmp(name + len - 6, "_COUNT"))
            continue;
        /* a name outside the prefix (CORE_OK in core_reject) stays whole */
        size_t skip = strncmp(name, prefix, strlen(prefix)) ? 0 : strlen(prefix);
        assert_true(t->n < MAX_VALUES);
        t->value[t->n] = next++;
        snprintf(t->name[t->n], sizeof t->name[0], "%s", name + skip);
        t->n++;
    }
}

/* An enum built from an X-macro list: names[i] has the value i. */
static void list_values(const char *const *names, size_t n, value_table *t)
{
    assert_true(n <= MAX_VALUES);
    t->n = (int)n;
    for (size_t i = 0; i < n; i++) {
        t->value[i] = (int)i;
        snprintf(t->name[i], sizeof t->name[0], "%s", names[i]);
    }
}

/* The "| value | NAME | ..." rows of the first table after the heading
 * that contains `heading`. */
static void doc_values(const char *doc, const char *heading, value_table *t)
{
    const char *h = strstr(doc, heading);
    if (!h)
        fail_msg("PROTOCOL.md has no heading with \"%s\"", heading);
    const char *line = strstr(h, "\n|");
    assert_non_null(line);
    t->n = 0;
    for (line++; *line == '|'; line = strchr(line, '\n') + 1) {
        int value;
        char name[40];
        if (sscanf(line, "| %d | %39[A-Z_0-9] |", &value, name) == 2) {
            assert_true(t->n < MAX_VALUES);
            t->value[t->n] = value;
            snprintf(t->name[t->n], sizeof t->name[0], "%s", name);
            t->n++;
        }
        if (!strchr(line, '\n'))
            break;
    }
}

static void expect_same(const char *what, const value_table *doc, const value_table *code, int count)
{
    if (code->n != count)
        fail_msg("%s: the header parse found %d values, the compiler counts %d", what, code->n, count);
    if (doc->n != code->n)
        fail_msg("%s: PROTOCOL.md lists %d values, the code has %d", what, doc->n, code->n);
    for (int i = 0; i < doc->n; i++)
        if (doc->value[i] != code->value[i] || strcmp(doc->name[i], code->name[i]))
            fail_msg("%s: PROTOCOL.md says %d %s, the code %d %s", what, doc->value[i], doc->name[i],
                     code->value[i], code->name[i]);
}

static void test_value_tables_match_the_enums(void **state)
{
    (void)state;
    char *doc = read_text(PROTOCOL_MD, false);
    char *core = read_text(CORE_HEADER, true);
    char *proto = read_text(PROTO_HEADER, true);
    static const struct {
        const char *type, *prefix;
        int count;
    } core_enums[] = {
        {"core_phase", "CORE_PHASE_", CORE_PHASE_COUNT},
        {"core_outcome", "CORE_OUTCOME_", CORE_OUTCOME_LOST + 1},
        {"core_collab_level", "CORE_LEVEL_", CORE_LEVEL_COUNT},
        {"core_promise_kind", "CORE_PROMISE_", CORE_PROMISE_OFFER + 1},
        {"core_promise_status", "CORE_PROMISE_", CORE_PROMISE_BROKEN + 1},
        {"core_reject", "CORE_REJ_", CORE_REJ_COUNT},
        {"core_evidence_tag", "CORE_EV_TAG_", CORE_EV_TAG_COUNT},
    };
    value_table d, c;
    for (size_t i = 0; i < sizeof core_enums / sizeof core_enums[0]; i++) {
        char heading[80];
        snprintf(heading, sizeof heading, "### `%s`", core_enums[i].type);
        doc_values(doc, heading, &d);
        enum_values(core, core_enums[i].type, core_enums[i].prefix, &c);
        expect_same(core_enums[i].type, &d, &c, core_enums[i].count);
    }
    /* events and actions are enums built from one list each (CORE_EVENTS,
     * CORE_ACTIONS): the compiler gives their names in order */
#define LIST_NAME(NAME, ...) #NAME,
    static const char *const events[] = {CORE_EVENTS(LIST_NAME)};
    static const char *const actions[] = {"NONE", CORE_ACTIONS(LIST_NAME)};
#undef LIST_NAME
    doc_values(doc, "### `core_event_type`", &d);
    list_values(events, sizeof events / sizeof events[0], &c);
    expect_same("core_event_type", &d, &c, CORE_EVT_COUNT);
    doc_values(doc, "### `core_action_type`", &d);
    list_values(actions, sizeof actions / sizeof actions[0], &c);
    expect_same("core_action_type", &d, &c, CORE_ACT_COUNT);
    /* the evidence table also gives each tag's name in level files */
    const char *ev = strstr(doc, "### `core_evidence_tag`");
    assert_non_null(ev);
    enum_values(core, "core_evidence_tag", "CORE_EV_TAG_", &c);
    for (int t = 0; t < CORE_EV_TAG_COUNT; t++) {
        char row[128];
        snprintf(row, sizeof row, "| %d | %s | %s |", t, c.name[t], core_evidence_name((core_evidence_tag)t));
        if (!strstr(ev, row))
            fail_msg("PROTOCOL.md: no evidence row \"%s\"", row);
    }
    doc_values(doc, "### Reason codes", &d);
    enum_values(proto, "proto_reject_code", "PROTO_REJ_", &c);
    expect_same("proto_reject_code", &d, &c, PROTO_REJ_COUNT);
    /* the message table too: every type number and name */
    doc_values(doc, "## Message table", &d);
    assert_int_equal(d.n, PROTO_MSG_COUNT - 1);
    for (int i = 0; i < d.n; i++) {
        assert_int_equal(d.value[i], i + 1);
        assert_string_equal(d.name[i], proto_msg_name(i + 1));
    }
    free(doc);
    free(core);
    free(proto);
}

/* The parsers above see a drift: a value table that lost a row or got a
 * name wrong is reported. */
static void test_drift_is_noticed(void **state)
{
    (void)state;
    const char *header = "typedef enum {\n A_X = 0,\n A_Y,\n A_Z = 5,\n A_COUNT\n} a_t;\n";
    value_table code, doc;
    enum_values(header, "a_t", "A_", &code);
    assert_int_equal(code.n, 3);
    assert_int_equal(code.value[2], 5);
    assert_string_equal(code.name[1], "Y");
    doc_values("### `a_t`\n\n| value | name |\n|---|---|\n| 0 | X |\n| 1 | Y |\n| 5 | Z |\n\nrest", "### `a_t`",
               &doc);
    assert_int_equal(doc.n, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(doc.value[i], code.value[i]);
        assert_string_equal(doc.name[i], code.name[i]);
    }
    doc_values("### `a_t`\n\n| value | name |\n|---|---|\n| 0 | X |\n| 2 | Z |\n", "### `a_t`", &doc);
    assert_int_equal(doc.n, 2); /* expect_same would refuse: 2 rows, 3 values */
    assert_true(doc.value[1] != code.value[1]);
}

TS_MAIN(NULL, NULL,
        cmocka_unit_test(test_value_tables_match_the_enums),
        cmocka_unit_test(test_drift_is_noticed))
