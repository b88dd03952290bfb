/* check_fit: warnings for level text that the screens cut off at 1280×720. */
#ifndef SAMENSPEL_APP_CHECK_FIT_H
#define SAMENSPEL_APP_CHECK_FIT_H

#include "level/level.h"

/* Draws every scene of sc offscreen and adds a warning to d, at the line
 * and column in path, for each level text that does not fit. Returns the
 * number of warnings added (0 without a display library or font). */
int check_fit(const core_scenario *sc, const char *path, lvl_diags *d);

#endif
