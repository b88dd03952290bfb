/* The debrief's teaching texts show whole (issue 14): every step of the
 * projector's nabespreking, for every bundled casus, at 1024x768 (4:3),
 * 1280x720, 1920x1080 and 3840x2160, in Dutch and English, ends no text
 * in "…" (g.ellipsized) and overflows no box. The "…" is the last resort
 * of ui_text; on the debrief every text has a layout where it fits.
 * SAMENSPEL_DEBRIEF_FIT_VERBOSE=1 prints the count per step and size and
 * every shortened text (the whole text its tooltip keeps);
 * SAMENSPEL_DEBRIEF_FIT_DIR=DIR keeps each frame as a PNG to look at. */
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

static const char *const steps[] = {"debrief-1", "debrief-2", "debrief-3",
                                    "debrief-4", "debrief-5", "debrief-6"};

/* Draws every debrief step of one casus into g; returns how many steps
 * shortened or overflowed a text. */
static int shortened_steps(ui_gfx *g, const char *path, const char *tag)
{
    bool verbose = getenv("SAMENSPEL_DEBRIEF_FIT_VERBOSE") != NULL;
    char err[512] = "";
    core_scenario *sc = ui_scene_load_level(path, err, sizeof err);
    if (!sc) {
        fprintf(stderr, "%s: %s\n", tag, err);
        return 1;
    }
    int bad = 0;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (!ui_scene_draw(g, sc, steps[i], err, sizeof err)) {
            fprintf(stderr, "%s %s: %s\n", tag, steps[i], err);
            bad++;
            continue;
        }
        const char *keep = getenv("SAMENSPEL_DEBRIEF_FIT_DIR");
        if (keep && *keep) {
            char png[512];
            snprintf(png, sizeof png, "%s/%s-%s-%dx%d.png", keep, tag, steps[i], g->w, g->h);
            for (char *c = png + strlen(keep) + 1; *c; c++)
                *c = *c == ' ' ? '-' : *c;
            if (!ui_gfx_save_png(g, png, err, sizeof err))
                fprintf(stderr, "%s\n", err);
        }
        if (verbose)
            fprintf(stderr, "%s %s %dx%d: %d with \"…\", %d overflow(s)\n", tag, steps[i], g->w,
                    g->h, g->ellipsized, g->overflows);
        if (g->ellipsized == 0 && g->overflows == 0)
            continue;
        bad++;
        fprintf(stderr, "%s %s %dx%d: %d text(s) end in \"…\", %d box(es) too small\n", tag,
                steps[i], g->w, g->h, g->ellipsized, g->overflows);
        for (int k = 0; k < g->n_tips; k++)
            fprintf(stderr, "  … %s\n", g->tips[k].text);
        for (int k = 0; k < g->overflows && k < UI_MAX_OVERFLOW_NOTES; k++)
            fprintf(stderr, "  overflow: %s\n", g->overflow_notes[k]);
    }
    free(sc);
    return bad;
}

static void run(const char *lang)
{
    static const int sizes[][2] = {{1024, 768}, {1280, 720}, {1920, 1080}, {3840, 2160}};
    plat_i18n_init(lang);
    ui_level_list *list = calloc(1, sizeof *list);
    assert_non_null(list);
    ui_levels_scan(list);
    int bundled = 0, bad = 0;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        char err[512] = "";
        ui_gfx g;
        assert_true(ui_gfx_open(&g, "debrief", sizes[k][0], sizes[k][1], true, NULL, err,
                                sizeof err));
        for (int i = 0; i < list->n; i++) {
            if (list->items[i].own)
                continue;
            bundled += k == 0;
            char tag[160];
            snprintf(tag, sizeof tag, "%s %s", list->items[i].name, lang);
            bad += shortened_steps(&g, list->items[i].path, tag);
        }
        ui_gfx_close(&g);
    }
    free(list);
    assert_true(bundled >= 3);
    assert_int_equal(bad, 0);
}

static void test_nl(void **state)
{
    (void)state;
    run("nl");
}

static void test_en(void **state)
{
    (void)state;
    run("en");
}

/* SDL and its fonts are closed once, after both languages. */
static int close_sdl(void **state)
{
    (void)state;
    TTF_Quit();
    SDL_Quit();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_nl), cmocka_unit_test(test_en)};
    return cmocka_run_group_tests_name("debrief fit", tests, NULL, close_sdl);
}
