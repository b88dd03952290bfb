/* Golden images of every bundled casus: its lobby and its table (round 2,
 * Overleg, played by the core's own bots) on the projector at 1280x720, in
 * Dutch, with the casus's real texts, so a change to a casus or to a screen
 * shows up as a picture to look at. SAMENSPEL_UPDATE_GOLDEN=casus rewrites
 * them (tests/ui/golden/casus/<casus>-<scene>.png); look before committing. */
#include "golden_compare.h"
#include "platform/plat.h"
#include "ui/levels.h"
#include "ui/scene.h"

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

static const char *const SCENES[] = {"lobby", "table"};

static int check_casus(ui_gfx *g, const ui_level_entry *e, bool update)
{
    char err[512] = "";
    core_scenario *sc = ui_scene_load_level(e->path, err, sizeof err);
    if (!sc) {
        fprintf(stderr, "%s: %s\n", e->name, err);
        return 1;
    }
    int failures = 0;
    for (size_t i = 0; i < sizeof SCENES / sizeof SCENES[0]; i++) {
        char what[200], golden[1200], actual[300];
        snprintf(what, sizeof what, "casus %s, %s", e->name, SCENES[i]);
        if (!ui_scene_draw(g, sc, SCENES[i], err, sizeof err)) {
            fprintf(stderr, "%s: %s\n", what, err);
            failures++;
            continue;
        }
        snprintf(golden, sizeof golden, "%s/casus/%s-%s.png", GOLDEN_DIR, e->name, SCENES[i]);
        snprintf(actual, sizeof actual, "actual-casus-%s-%s.png", e->name, SCENES[i]);
        failures += golden_compare(g, what, golden, actual, update);
    }
    free(sc);
    return failures;
}

static void test_every_casus(void **state)
{
    (void)state;
    bool update = golden_update_wanted(getenv("SAMENSPEL_UPDATE_GOLDEN"), "casus");
    ui_level_list *list = malloc(sizeof *list);
    assert_non_null(list);
    ui_levels_scan(list);
    ui_gfx g;
    char err[512] = "";
    assert_true(ui_gfx_open(&g, "casus", 1280, 720, true, NULL, err, sizeof err));
    int bundled = 0, failures = 0;
    for (int i = 0; i < list->n; i++) {
        /* the bundled casussen (the template is one too), not a trainer's own */
        if (list->items[i].own)
            continue;
        bundled++;
        failures += check_casus(&g, &list->items[i], update);
    }
    ui_gfx_close(&g);
    free(list);
    assert_true(bundled >= 7);
    assert_int_equal(failures, 0);
}

TS_MAIN(ui_group_nl, ui_group_quit, cmocka_unit_test(test_every_casus))
