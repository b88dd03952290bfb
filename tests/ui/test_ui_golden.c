/* Golden images of every screen at 1280x720 and 1920x1080 in Dutch, and of
 * a representative set (REPR: lobby, table, reveal, debrief analysis,
 * player Inzet with four and with seven seats, join form) at 1024x768 and
 * 3840x2160 in Dutch and at all four sizes in English (files end in -en),
 * at 1024x768 also the table with seven seats (REPR_43) (software renderer,
 * hand-built views). SAMENSPEL_UPDATE_GOLDEN=1 rewrites them
 * after an intended change; SAMENSPEL_UPDATE_GOLDEN=join-,lobby rewrites
 * only the scenes whose names start with one of those prefixes (so a change
 * to one screen does not touch the others' images). Look at the new PNGs
 * before committing. */
#include "fixture.h"
#include "golden_compare.h"
#include "platform/plat.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ui_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef GOLDEN_DIR
#error "GOLDEN_DIR must point at tests/ui/golden"
#endif

static ui_fixture fx;

static int check_scene(ui_gfx *g, const char *scene, int w, int h, const char *lang, bool update)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s-%dx%d%s%s.png", GOLDEN_DIR, scene, w, h,
             strcmp(lang, "nl") ? "-" : "", strcmp(lang, "nl") ? lang : "");
    if (!ui_fixture_build(&fx, scene) || !ui_fixture_draw(g, &fx, scene)) {
        fprintf(stderr, "scene %s cannot be drawn\n", scene);
        return 1;
    }
    if (g->overflows > 0) {
        fprintf(stderr, "%s %dx%d: %d overflow(s), first: %s\n", scene, w, h, g->overflows,
                g->overflow_notes[0]);
        return 1;
    }
    char actual[1100];
    snprintf(actual, sizeof actual, "actual-%s-%dx%d-%s.png", scene, w, h, lang);
    char what[200];
    snprintf(what, sizeof what, "%s %dx%d %s", scene, w, h, lang);
    return golden_compare(g, what, path, actual, update);
}

static const char *const REPR[] = {"lobby",        "table",         "reveal",    "debrief-3",
                                   "player-inzet", "player-inzet7", "join-form", NULL};
/* 4:3 also with seven seats, the projector's busiest table */
static const char *const REPR_43[] = {"lobby",     "table",        "table7",        "reveal",
                                      "debrief-3", "player-inzet", "player-inzet7", "join-form", NULL};

static bool in_list(const char *const *list, const char *scene)
{
    for (int i = 0; list && list[i]; i++)
        if (strcmp(list[i], scene) == 0)
            return true;
    return false;
}

/* Every scene (only NULL) or those of `only`, at w x h in lang. */
static void run_size(int w, int h, const char *lang, const char *const *only)
{
    const char *u = getenv("SAMENSPEL_UPDATE_GOLDEN");
    plat_i18n_init(lang);
    ui_gfx g;
    char err[512] = "";
    assert_true(ui_gfx_open(&g, "golden", w, h, true, NULL, err, sizeof err));
    int failures = 0;
    for (int i = 0; ui_fixture_scenes[i]; i++) {
        if (only && !in_list(only, ui_fixture_scenes[i]))
            continue;
        failures += check_scene(&g, ui_fixture_scenes[i], w, h, lang,
                                golden_update_wanted(u, ui_fixture_scenes[i]));
    }
    ui_gfx_close(&g);
    plat_i18n_init("nl");
    assert_int_equal(failures, 0);
}

static void test_golden_720(void **state) { (void)state; run_size(1280, 720, "nl", NULL); }
static void test_golden_1080(void **state) { (void)state; run_size(1920, 1080, "nl", NULL); }
static void test_golden_768(void **state) { (void)state; run_size(1024, 768, "nl", REPR_43); }
static void test_golden_2160(void **state) { (void)state; run_size(3840, 2160, "nl", REPR); }
static void test_golden_en_768(void **state) { (void)state; run_size(1024, 768, "en", REPR_43); }
static void test_golden_en_720(void **state) { (void)state; run_size(1280, 720, "en", REPR); }
static void test_golden_en_1080(void **state) { (void)state; run_size(1920, 1080, "en", REPR); }
static void test_golden_en_2160(void **state) { (void)state; run_size(3840, 2160, "en", REPR); }

TS_MAIN(ui_group_nl, ui_group_quit,
        cmocka_unit_test(test_golden_720),
        cmocka_unit_test(test_golden_1080),
        cmocka_unit_test(test_golden_768),
        cmocka_unit_test(test_golden_2160),
        cmocka_unit_test(test_golden_en_768),
        cmocka_unit_test(test_golden_en_720),
        cmocka_unit_test(test_golden_en_1080),
        cmocka_unit_test(test_golden_en_2160))
