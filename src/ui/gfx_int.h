/*
 * ui/gfx_int: what the gfx source files (gfx, gfx_text, gfx_shapes,
 * gfx_layer) share among themselves; not for the screens.
 */
#ifndef SAMENSPEL_UI_GFX_INT_H
#define SAMENSPEL_UI_GFX_INT_H

#include "ui/gfx.h"

/* The open font of this size and style, opened on first use; NULL when
 * the font file cannot be opened. */
TTF_Font *gfx_font_get(ui_gfx *g, int px, ui_style st);

/* The text cache's slots: false when out of memory. Closing frees every
 * cached texture and the slots. */
bool gfx_text_cache_open(ui_gfx *g);
void gfx_text_cache_close(ui_gfx *g);

/* Frees the retained layer and its dimmed copy; the next frame draws all. */
void gfx_layer_drop(ui_gfx *g);

/* Destroys a texture that may not exist yet and forgets it. */
static inline void gfx_texture_forget(SDL_Texture **tex)
{
    if (*tex)
        SDL_DestroyTexture(*tex);
    *tex = NULL;
}

/* A colour as one 32-bit key (for caches and the draw hash). */
uint32_t gfx_rgba_of(SDL_Color c);

/* UI_MODE_HASH: every draw call folds its parameters into draw_hash. */
void gfx_hmix(ui_gfx *g, uint64_t v);
void gfx_hmix_rect(ui_gfx *g, SDL_Rect r);
void gfx_hmix_float(ui_gfx *g, float f);

#endif
