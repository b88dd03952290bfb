/*
 * ui/scene: scripted game states for screenshots, golden images, layout
 * tests and the benchmark. A scene plays a real level with the core's own
 * bots up to a given point (e.g. round 3, Overleg) and draws one screen
 * from the resulting views, so every picture shows real content.
 */
#ifndef SAMENSPEL_UI_SCENE_H
#define SAMENSPEL_UI_SCENE_H

#include "core/core.h"
#include "ui/gfx.h"

#include <stdbool.h>
#include <stddef.h>

/* Every scene name, NULL-terminated: "lobby", "table", "signaal", ... and
 * the player's "player-overleg", ... */
extern const char *const ui_scene_names[];

bool ui_scene_exists(const char *name);

/* Plays sc with bots to the point the scene shows. st is heap-sized: pass
 * a caller-allocated core_state. */
bool ui_scene_state(const core_scenario *sc, const char *name, core_state *st, char *err,
                    size_t err_len);

/* Builds the state and draws the scene into g (one frame, not presented). */
bool ui_scene_draw(ui_gfx *g, const core_scenario *sc, const char *name, char *err,
                   size_t err_len);

/* Loads a level (NULL = the bundled default) into a malloc'd scenario;
 * NULL with a readable message on failure. Caller frees. */
core_scenario *ui_scene_load_level(const char *path, char *err, size_t err_len);

/* Renders a scene offscreen at w x h and writes it as PNG. */
bool ui_scene_screenshot(const char *level_path, const char *scene, int w, int h,
                         const char *font, const char *png_path, char *err, size_t err_len);

#endif
