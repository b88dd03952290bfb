/* golden_compare: one frame against its golden PNG, shared by the fixture
 * goldens (test_ui_golden) and the casus goldens (test_ui_casus). */
#ifndef SAMENSPEL_TESTS_GOLDEN_COMPARE_H
#define SAMENSPEL_TESTS_GOLDEN_COMPARE_H

#include "ui/gfx.h"

#include <stdbool.h>

/* Tolerance: a pixel differs when a channel moves by more than 24; the
 * image matches when under 0.3% of its pixels differ (FreeType hinting
 * and rounding differences stay far below that, a moved box does not). */
#define GOLDEN_CHANNEL_TOL 24
#define GOLDEN_PIXEL_SHARE 0.003

/* Compares the frame in g with golden_path (or rewrites it when update);
 * on a mismatch writes the actual frame to actual_path and says so on
 * stderr. Returns 0 when it matches, 1 otherwise. */
int golden_compare(ui_gfx *g, const char *what, const char *golden_path, const char *actual_path,
                   bool update);

/* Whether SAMENSPEL_UPDATE_GOLDEN (u) asks to rewrite the images of name:
 * "1" rewrites all, "join-,lobby" those whose names start so. */
bool golden_update_wanted(const char *u, const char *name);

#endif
