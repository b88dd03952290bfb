/* Layout: no text overflows its box on any screen, for every bundled
 * level, at 1024x768 (4:3), 1280x720, 1920x1080 and 3840x2160, in Dutch
 * and English; every drawn text meets the size rule of docs/SCREENS.md,
 * measured as capital height with the font's own metrics; and with real
 * content a steady-state frame renders no text. */
#include "platform/plat.h"
#include "ui/levels.h"
#include "ui/scene.h"
#include "ui/screens.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ui_main.h"
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
        /* SAMENSPEL_LAYOUT_SHOTS=DIR[:LEVEL] keeps every frame as a PNG, to
         * look at what the test judged */
        const char *shots = getenv("SAMENSPEL_LAYOUT_SHOTS");
        if (shots && *shots) {
            char dir[512], png[1024];
            snprintf(dir, sizeof dir, "%s", shots);
            char *colon = strchr(dir, ':');
            if (colon)
                *colon++ = 0;
            if (!colon || !strcmp(colon, name)) {
                snprintf(png, sizeof png, "%s/%s-%s-%dx%d-%s.png", dir, name, ui_scene_names[i],
                         w, h, lang);
                if (!ui_gfx_save_png(&g, png, err, sizeof err))
                    fprintf(stderr, "%s\n", err);
            }
        }
        /* the size rule: capital height per role, as a share of the
         * height; on the projector every text is for the back row (3%)
         * unless it is one of the trainer's own controls */
        bool projector = strncmp(ui_scene_names[i], "player-", 7) != 0;
        int small = 0;
        for (int k = 0; k < g.n_text_recs; k++) {
            const ui_text_rec *r = &g.text_recs[k];
            ui_text_role role = r->role;
            if (projector && role == UI_TR_READ)
                role = UI_TR_BODY; /* the player window's role has no place here */
            if (!projector && role != UI_TR_READ)
                role = UI_TR_READ;
            int need = ui_rule_share_milli[role];
            if (r->cap * 1000 >= need * h)
                continue;
            if (small++ < 6)
                fprintf(stderr, "%s %s %dx%d %s: ‘%s’ %d px, capital %d px (%.1f%%), needs %.1f%%\n",
                        name, ui_scene_names[i], w, h, lang, r->text, r->px, r->cap,
                        100.0 * r->cap / h, need / 10.0);
        }
        if (small > 0)
            failures++;
        /* the whole frame was recorded, and there was text */
        if (g.n_text_recs == 0 || g.n_text_recs >= UI_MAX_TEXT_RECS) {
            fprintf(stderr, "%s %s: %d texts recorded\n", name, ui_scene_names[i], g.n_text_recs);
            failures++;
        }
        /* issue 14: network lines do not cross the names under the nodes */
        if (g.label_crossings > 0) {
            fprintf(stderr, "%s %s %dx%d %s: %d network name(s) touched by a line\n", name,
                    ui_scene_names[i], w, h, lang, g.label_crossings);
            failures++;
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
static void test_768_nl(void **s) { (void)s; run(1024, 768, "nl"); }
static void test_768_en(void **s) { (void)s; run(1024, 768, "en"); }
static void test_1200_nl(void **s) { (void)s; run(1920, 1200, "nl"); }
static void test_2160_nl(void **s) { (void)s; run(3840, 2160, "nl"); }

/* 4:3 and 16:10 use the whole screen: the design canvas narrows instead of
 * a letterbox, and panels reach the window's edges. */
static void test_aspect_canvas(void **s)
{
    (void)s;
    static const struct { int w, h; float canvas; } cases[] = {
        {1920, 1080, 1920.0f}, {1280, 720, 1920.0f}, {1920, 1200, 1728.0f},
        {1024, 768, 1440.0f},  {2560, 1080, 1920.0f},
    };
    char err[512] = "";
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ui_gfx g;
        assert_true(ui_gfx_open(&g, "aspect", cases[i].w, cases[i].h, true, NULL, err, sizeof err));
        ui_gfx_begin(&g);
        assert_float_equal(g.canvas_w, cases[i].canvas, 0.5f);
        assert_float_equal(g.u, (float)cases[i].h / 1080.0f, 0.001f);
        SDL_Rect all = ui_r(&g, 0, 0, 1920, 1080);
        assert_int_equal(all.y, 0);
        assert_int_equal(all.h, cases[i].h);
        if (cases[i].w * 9 <= cases[i].h * 16) { /* not wider than 16:9: edge to edge */
            assert_int_equal(all.x, 0);
            assert_int_equal(all.w, cases[i].w);
        }
        /* the rule's sizes: capital height 2% and 3% of the height */
        int read = ui_rule_px(&g, UI_TR_READ), body = ui_rule_px(&g, UI_TR_BODY);
        assert_true(ui_cap_height(&g, read, UI_REGULAR) * 1000 >= 20 * cases[i].h);
        assert_true(ui_cap_height(&g, read - 1, UI_REGULAR) * 1000 < 20 * cases[i].h);
        assert_true(ui_cap_height(&g, body, UI_REGULAR) * 1000 >= 30 * cases[i].h);
        ui_gfx_close(&g);
    }
}

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

TS_MAIN(NULL, ui_group_quit,
        cmocka_unit_test(test_steady_state_real_content),
        cmocka_unit_test(test_level_list_titles),
        cmocka_unit_test(test_screenshot_cli_path),
        cmocka_unit_test(test_720_nl),
        cmocka_unit_test(test_1080_nl),
        cmocka_unit_test(test_720_en),
        cmocka_unit_test(test_aspect_canvas),
        cmocka_unit_test(test_768_nl),
        cmocka_unit_test(test_768_en),
        cmocka_unit_test(test_1200_nl),
        cmocka_unit_test(test_2160_nl))
