/* The projector's rules v2 texts (overleg time, trust, the pupil heard,
 * spanning states and afspraken, the overlegmoment, the two outcomes, the
 * debrief's afspraken step) keep the size rule of docs/SCREENS.md: capital
 * height >= 3% of the window height, at 16:9, 4:3 and 16:10; and nothing
 * is cut without "…" (no overflow). Drawn from the golden fixture. */
#include "fixture.h"
#include "platform/plat.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ui_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each fragment must be drawn at least once in its scene, so the test
 * cannot pass because a text went missing. */
static const struct {
    const char *scene;
    const char *fragments[6];
} cases[] = {
    {"table-afspraak", {"Overlegtijd 1 / 6|Tijd 1/6", "Vertrouwen 4 / 5|Vertr. 4/5", "gehoord", "afspraak",
                        "overlegmoment", NULL}},
    {"table", {"Overlegtijd 3 / 4|Tijd 3/4", "Vertrouwen 3 / 5|Vertr. 3/5", "niet gehoord", "open", NULL}},
    {"end-apart", {"maar jullie", NULL}},
    {"debrief-5", {"Afspraken", "Elke maandag", "nagekeken", "reflectief", NULL}},
};

/* frag may name alternatives "a|b" (a narrow screen shortens a label) */
static bool fragment_in(const char *text, const char *frag)
{
    char alt[64];
    snprintf(alt, sizeof alt, "%s", frag);
    char *save = NULL;
    for (char *t = strtok_r(alt, "|", &save); t; t = strtok_r(NULL, "|", &save))
        if (strstr(text, t))
            return true;
    return false;
}

static void run(int w, int h)
{
    plat_i18n_init("nl");
    ui_gfx g;
    char err[512] = "";
    assert_true(ui_gfx_open(&g, "rules2", w, h, true, NULL, err, sizeof err));
    static ui_fixture fx;
    int failures = 0;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        assert_true(ui_fixture_build(&fx, cases[c].scene));
        assert_true(ui_fixture_draw(&g, &fx, cases[c].scene));
        /* SAMENSPEL_RULES2_SHOTS=DIR keeps the frames, to look at what was judged */
        const char *shots = getenv("SAMENSPEL_RULES2_SHOTS");
        if (shots && *shots) {
            char png[1024];
            snprintf(png, sizeof png, "%s/%s-%dx%d.png", shots, cases[c].scene, w, h);
            if (!ui_gfx_save_png(&g, png, err, sizeof err))
                fprintf(stderr, "%s\n", err);
        }
        if (g.overflows > 0) {
            fprintf(stderr, "%s %dx%d: %d overflow(s), first: %s\n", cases[c].scene, w, h,
                    g.overflows, g.overflow_notes[0]);
            failures++;
        }
        for (int f = 0; cases[c].fragments[f]; f++) {
            const char *frag = cases[c].fragments[f];
            int found = 0;
            for (int k = 0; k < g.n_text_recs; k++) {
                const ui_text_rec *r = &g.text_recs[k];
                if (!fragment_in(r->text, frag))
                    continue;
                found++;
                /* the back row's rule, whatever role the text was drawn in */
                if (r->cap * 1000 < ui_rule_share_milli[UI_TR_BODY] * h) {
                    fprintf(stderr, "%s %dx%d: ‘%s’ capital %d px (%.1f%%), needs 3%%\n",
                            cases[c].scene, w, h, r->text, r->cap, 100.0 * r->cap / h);
                    failures++;
                }
            }
            if (!found) {
                /* a narrow screen may shorten a label, never drop the number */
                fprintf(stderr, "%s %dx%d: no text with ‘%s’\n", cases[c].scene, w, h, frag);
                failures++;
            }
        }
    }
    ui_gfx_close(&g);
    assert_int_equal(failures, 0);
}

static void test_1280x720(void **s) { (void)s; run(1280, 720); }
static void test_1920x1080(void **s) { (void)s; run(1920, 1080); }
static void test_1024x768(void **s) { (void)s; run(1024, 768); }
static void test_1920x1200(void **s) { (void)s; run(1920, 1200); }

TS_MAIN(NULL, ui_group_quit,
        cmocka_unit_test(test_1280x720),
        cmocka_unit_test(test_1920x1080),
        cmocka_unit_test(test_1024x768),
        cmocka_unit_test(test_1920x1200))
