/* Golden images of every screen at 1280x720 and 1920x1080 in Dutch, and of
 * a representative set (REPR: lobby, table, reveal, debrief analysis,
 * player Inzet, join form) at 1024x768 and 3840x2160 in Dutch and at all
 * four sizes in English (files end in -en) (software renderer, hand-built
 * views). SAMENSPEL_UPDATE_GOLDEN=1 rewrites them
 * after an intended change; SAMENSPEL_UPDATE_GOLDEN=join-,lobby rewrites
 * only the scenes whose names start with one of those prefixes (so a change
 * to one screen does not touch the others' images). Look at the new PNGs
 * before committing. */
#include "fixture.h"
#include "platform/plat.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef GOLDEN_DIR
#error "GOLDEN_DIR must point at tests/ui/golden"
#endif

/* Tolerance: a pixel differs when a channel moves by more than 24; the
 * image matches when under 0.3% of its pixels differ (FreeType hinting
 * and rounding differences stay far below that, a moved box does not). */
#define CHANNEL_TOL 24
#define PIXEL_SHARE 0.003

static ui_fixture fx;

static int check_scene(ui_gfx *g, const char *scene, int w, int h, const char *lang, bool update)
{
    char path[1024], err[512] = "";
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
    if (update) {
        if (!ui_gfx_save_png(g, path, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
        return 0;
    }
    int gw = 0, gh = 0, aw = 0, ah = 0;
    uint8_t *gold = ui_png_read_rgba(path, &gw, &gh, err, sizeof err);
    if (!gold) {
        fprintf(stderr, "%s\n  (regenerate with SAMENSPEL_UPDATE_GOLDEN=1)\n", err);
        return 1;
    }
    uint8_t *act = ui_gfx_read_rgba(g, &aw, &ah);
    int rc = 0;
    if (!act || aw != gw || ah != gh) {
        fprintf(stderr, "%s: size %dx%d, golden %dx%d\n", scene, aw, ah, gw, gh);
        rc = 1;
    } else {
        size_t diff = 0, n = (size_t)aw * (size_t)ah;
        for (size_t i = 0; i < n; i++)
            for (int c = 0; c < 3; c++) {
                int d = (int)act[i * 4 + (size_t)c] - (int)gold[i * 4 + (size_t)c];
                if (d > CHANNEL_TOL || d < -CHANNEL_TOL) {
                    diff++;
                    break;
                }
            }
        if ((double)diff > PIXEL_SHARE * (double)n) {
            char out[1100];
            snprintf(out, sizeof out, "actual-%s-%dx%d-%s.png", scene, w, h, lang);
            for (size_t i = 0; i < n; i++)
                act[i * 4 + 3] = 255;
            ui_png_write_rgba(out, act, aw, ah, err, sizeof err);
            fprintf(stderr, "%s %dx%d: %zu of %zu pixels differ; actual frame in %s\n", scene,
                    w, h, diff, n, out);
            rc = 1;
        }
    }
    free(gold);
    free(act);
    return rc;
}

/* Whether SAMENSPEL_UPDATE_GOLDEN asks to rewrite this scene's images. */
static bool update_scene(const char *u, const char *scene)
{
    if (!u || !u[0])
        return false;
    if (strcmp(u, "1") == 0)
        return true;
    for (const char *p = u; *p;) {
        size_t n = strcspn(p, ",");
        if (n > 0 && strncmp(scene, p, n) == 0)
            return true;
        p += n;
        if (*p == ',')
            p++;
    }
    return false;
}

static const char *const REPR[] = {"lobby",        "table",     "reveal", "debrief-3",
                                   "player-inzet", "join-form", NULL};

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
                                update_scene(u, ui_fixture_scenes[i]));
    }
    ui_gfx_close(&g);
    plat_i18n_init("nl");
    assert_int_equal(failures, 0);
}

static void test_golden_720(void **state) { (void)state; run_size(1280, 720, "nl", NULL); }
static void test_golden_1080(void **state) { (void)state; run_size(1920, 1080, "nl", NULL); }
static void test_golden_768(void **state) { (void)state; run_size(1024, 768, "nl", REPR); }
static void test_golden_2160(void **state) { (void)state; run_size(3840, 2160, "nl", REPR); }
static void test_golden_en_768(void **state) { (void)state; run_size(1024, 768, "en", REPR); }
static void test_golden_en_720(void **state) { (void)state; run_size(1280, 720, "en", REPR); }
static void test_golden_en_1080(void **state) { (void)state; run_size(1920, 1080, "en", REPR); }
static void test_golden_en_2160(void **state) { (void)state; run_size(3840, 2160, "en", REPR); }

int main(void)
{
    plat_i18n_init("nl");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_720),
        cmocka_unit_test(test_golden_1080),
        cmocka_unit_test(test_golden_768),
        cmocka_unit_test(test_golden_2160),
        cmocka_unit_test(test_golden_en_768),
        cmocka_unit_test(test_golden_en_720),
        cmocka_unit_test(test_golden_en_1080),
        cmocka_unit_test(test_golden_en_2160),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    TTF_Quit();
    SDL_Quit();
    return rc;
}
