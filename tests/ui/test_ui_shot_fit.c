/* No "te klein" warning from any --screenshot run: every screen the
 * screenshot options offer (host: lobby, table, debrief; join: the player's
 * scenes, which the option shows for the default casus and this test for
 * every bundled one) at 1024x768, 1280x720, 1920x1080 and 3840x2160, in
 * Dutch and English, drawn the way ui_scene_screenshot draws them, without
 * the PNG it then writes. The warning is its count of text boxes too small
 * (g.overflows). Every step of the debrief is drawn too, and on those no
 * text may end in "…" (g.ellipsized, issue 14: the debrief's teaching
 * texts show whole; "…" is ui_text's last resort). SAMENSPEL_SHOT_FIT_DIR=DIR
 * keeps each frame as a PNG. */
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

/* The scenes behind `host --screen` (lobby, table, debrief) and `join
 * --screen` (lobby, table, debrief as the player sees them), and the
 * debrief's last step, whose reflection-fan reasons come from the played
 * game in the shown language; `join --screen roles` draws the role picker,
 * which has no such warning. */
static const char *const scenes[] = {
    "lobby",     "table",     "debrief",   "debrief-1",         "debrief-2",    "debrief-3",
    "debrief-4", "debrief-5", "debrief-6", "player-identiteit", "player-inzet", "player-reflectie"};

/* Draws each scene of one level into g; returns how many warned. */
static int warnings(ui_gfx *g, const char *path, const char *tag)
{
    int n = (int)(sizeof scenes / sizeof scenes[0]);
    const char *keep = getenv("SAMENSPEL_SHOT_FIT_DIR");
    char err[512] = "";
    core_scenario *sc = ui_scene_load_level(path, err, sizeof err);
    if (!sc) {
        fprintf(stderr, "%s: %s\n", tag, err);
        return 1;
    }
    int bad = 0;
    for (int i = 0; i < n; i++) {
        if (!ui_scene_draw(g, sc, scenes[i], err, sizeof err)) {
            fprintf(stderr, "%s %s: %s\n", tag, scenes[i], err);
            bad++;
        } else if (keep && *keep) {
            char png[512];
            snprintf(png, sizeof png, "%s/%s-%s-%dx%d.png", keep, tag, scenes[i], g->w, g->h);
            for (char *c = png + strlen(keep) + 1; *c; c++)
                *c = *c == ' ' ? '-' : *c;
            if (!ui_gfx_save_png(g, png, err, sizeof err))
                fprintf(stderr, "%s\n", err);
        }
        if (g->overflows > 0) {
            fprintf(stderr, "%s %s %dx%d: %d tekstvakken te klein, eerste: %s\n", tag, scenes[i],
                    g->w, g->h, g->overflows, g->overflow_notes[0]);
            bad++;
        }
        if (!strncmp(scenes[i], "debrief", 7) && g->ellipsized > 0) {
            fprintf(stderr, "%s %s %dx%d: %d text(s) end in \"…\"\n", tag, scenes[i], g->w, g->h,
                    g->ellipsized);
            for (int k = 0; k < g->n_tips; k++)
                fprintf(stderr, "  … %s\n", g->tips[k].text);
            bad++;
        }
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
    int bundled = 0, bad = 0, drawn = 0;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        char err[512] = "";
        ui_gfx g;
        assert_true(ui_gfx_open(&g, "shot", sizes[k][0], sizes[k][1], true, NULL, err, sizeof err));
        for (int i = 0; i < list->n; i++) {
            if (list->items[i].own)
                continue;
            bundled += k == 0;
            char tag[160];
            snprintf(tag, sizeof tag, "%s %s", list->items[i].name, lang);
            bad += warnings(&g, list->items[i].path, tag);
            drawn += (int)(sizeof scenes / sizeof scenes[0]);
        }
        ui_gfx_close(&g);
    }
    free(list);
    fprintf(stderr, "%s: %d screens of %d casussen at 4 sizes, %d warned\n", lang, drawn, bundled,
            bad);
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
    return cmocka_run_group_tests_name("screenshot fit", tests, NULL, close_sdl);
}
