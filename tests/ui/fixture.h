/*
 * A hand-built scenario and views for the golden-image tests: they check
 * the screens, not the rules or the bundled levels, so a change to a level
 * file or to the bots does not move a single pixel. The layout tests and
 * the screenshots use the real levels and the real core instead.
 */
#ifndef SAMENSPEL_TEST_UI_FIXTURE_H
#define SAMENSPEL_TEST_UI_FIXTURE_H

#include "ui/screens.h"

typedef struct {
    core_scenario sc;
    core_public_view pub;
    core_seat_view sv;
} ui_fixture;

/* Every golden scene name, NULL-terminated. */
extern const char *const ui_fixture_scenes[];

/* Fills f for a scene ("lobby", "table", "table8", ...); false if unknown. */
bool ui_fixture_build(ui_fixture *f, const char *scene);

/* Opens g offscreen (w x h, the bundled font) for a test; false, with the
 * reason on stderr, when it cannot. */
bool ui_fixture_gfx(ui_gfx *g, const char *title, int w, int h);

/* Draws the scene into g (one frame). */
bool ui_fixture_draw(ui_gfx *g, ui_fixture *f, const char *scene);

#endif
