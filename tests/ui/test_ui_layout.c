/* Layout: no text overflows its box on any screen, for every bundled
 * level, at 1280x720 and 1920x1080, in Dutch and English; and with real
 * content a steady-state frame renders no text. */
#include "platform/plat.h"
#include "ui/levels.h"
#include "ui/scene.h"
#include "ui/screens.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_level(const char *path, const char *name, int w, int h, const char *lang)
{
    char err[512] = "";
    plat_i18n_init(lang);
    core_scenario *sc = ui_scene_load_level(path, err, sizeof err);
    if (!sc) {
        fprintf(stderr, "%s: %s\n", name, err);
        return 1;
    }
    ui_gfx g;
    if (!ui_gfx_open(&g, "layout", w, h, true, NULL, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        free(sc);
        return 1;
    }
    int failures = 0;
    for (int i = 0; ui_scene_names[i]; i++) {
        if (!ui_scene_draw(&g, sc, ui_scene_names[i], err, sizeof err)) {
            fprintf(stderr, "%s %s: %s\n", name, ui_scene_names[i], err);
            failures++;
            continue;
        }
        if (g.overflows > 0) {
            fprintf(stderr, "%s %s %dx%d %s: %d overflow(s):\n", name, ui_scene_names[i], w, h,
                    lang, g.overflows);
            for (int k = 0; k < g.overflows && k < UI_MAX_OVERFLOW_NOTES; k++)
                fprintf(stderr, "  %s\n", g.overflow_notes[k]);
            failures++;
        }
    }
    ui_gfx_close(&g);
    free(sc);
    return failures;
}

static void run(int w, int h, const char *lang)
{
    ui_level_list *list = malloc(sizeof *list);
    assert_non_null(list);
    ui_levels_scan(list);
    int bundled = 0, failures = 0;
    for (int i = 0; i < list->n; i++) {
        if (list->items[i].own)
            continue;
        bundled++;
        failures += check_level(list->items[i].path, list->items[i].name, w, h, lang);
    }
    free(list);
    assert_true(bundled > 0);
    assert_int_equal(failures, 0);
}

static void test_720_nl(void **s) { (void)s; run(1280, 720, "nl"); }
static void test_1080_nl(void **s) { (void)s; run(1920, 1080, "nl"); }
static void test_720_en(void **s) { (void)s; run(1280, 720, "en"); }

static void test_steady_state_real_content(void **s)
{
    (void)s;
    char err[512] = "";
    plat_i18n_init("nl");
    core_scenario *sc = ui_scene_load_level(NULL, err, sizeof err);
    assert_non_null(sc);
    core_state *st = malloc(sizeof *st);
    core_public_view *pub = malloc(sizeof *pub);
    assert_non_null(st);
    assert_non_null(pub);
    assert_true(ui_scene_state(sc, "table", st, err, sizeof err));
    core_public_view_get(st, pub);
    /* the scripted state is a real game in progress */
    assert_int_equal(pub->phase, CORE_PHASE_OVERLEG);
    assert_true(pub->round >= 2);
    ui_gfx g;
    assert_true(ui_gfx_open(&g, "steady", 1920, 1080, true, NULL, err, sizeof err));
    ui_proj_model m;
    ui_proj_model_init(&m);
    m.sc = sc;
    m.pub = pub;
    m.st = st;
    ui_gfx_begin(&g);
    ui_draw_projector(&g, &m, UI_PROJ_TABLE);
    uint64_t first = g.ttf_renders;
    ui_gfx_begin(&g);
    ui_draw_projector(&g, &m, UI_PROJ_TABLE);
    assert_int_equal(g.ttf_renders, first);
    ui_gfx_close(&g);
    free(st);
    free(pub);
    free(sc);
}

static void test_screenshot_cli_path(void **s)
{
    (void)s;
    char err[512] = "";
    plat_i18n_init("nl");
    const char *png = "test_ui_layout_shot.png";
    assert_true(ui_scene_screenshot(NULL, "table", 1280, 720, NULL, png, err, sizeof err));
    int w = 0, h = 0;
    uint8_t *px = ui_png_read_rgba(png, &w, &h, err, sizeof err);
    assert_non_null(px);
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
    free(px);
    remove(png);
    /* an unknown screen is refused with a message, not a crash */
    assert_false(ui_scene_screenshot(NULL, "nope", 1280, 720, NULL, png, err, sizeof err));
    assert_non_null(strstr(err, "nope"));
}

/* The start window lists levels by their titles, seats and length, read
 * with the level loader (not by file name). */
static void test_level_list_titles(void **state)
{
    (void)state;
    ui_level_list *list = calloc(1, sizeof *list);
    assert_non_null(list);
    ui_levels_scan(list);
    int bundled = 0;
    for (int i = 0; i < list->n; i++) {
        const ui_level_entry *le = &list->items[i];
        if (le->own)
            continue;
        bundled++;
        assert_true(le->loads);
        assert_true(le->title[0] != 0);
        assert_string_not_equal(le->title, le->name);
        assert_true(le->seats >= 2);
        assert_true(le->rounds > 0);
    }
    free(list);
    assert_true(bundled >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steady_state_real_content),
        cmocka_unit_test(test_level_list_titles),
        cmocka_unit_test(test_screenshot_cli_path),
        cmocka_unit_test(test_720_nl),
        cmocka_unit_test(test_1080_nl),
        cmocka_unit_test(test_720_en),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    TTF_Quit();
    SDL_Quit();
    return rc;
}
