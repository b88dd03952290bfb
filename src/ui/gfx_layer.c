/* ui/gfx_layer: the retained layer: regions redrawn only when their content
 * changed, and the dimmed copy of it under overlays. */
#include "ui/gfx.h"
#include "ui/gfx_int.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------- retained regions */

void ui_layer_invalidate(ui_gfx *g)
{
    g->layer_n = 0;
    g->layer_gen++;
}

void gfx_layer_drop(ui_gfx *g)
{
    gfx_texture_forget(&g->layer);
    gfx_texture_forget(&g->dim_layer);
    ui_layer_invalidate(g);
}

/* The layer in the output's own pixel format, so that drawing into it
 * blends exactly as drawing into the window does and the copy to the
 * window is a plain row copy. */
static bool layer_ready(ui_gfx *g)
{
    int reset = SDL_AtomicSet(&g->layer_reset, 0);
    if (reset == 2) {
        /* every texture of the renderer is gone, text and discs too */
        ui_gfx_flush_text(g);
        for (int i = 0; i < g->n_discs; i++)
            SDL_DestroyTexture(g->discs[i].tex);
        g->n_discs = 0;
    }
    if (reset)
        gfx_layer_drop(g);
    if (g->layer && (g->layer_w != g->w || g->layer_h != g->h))
        gfx_layer_drop(g);
    if (g->layer)
        return true;
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(g->ren, &info) != 0 || !(info.flags & SDL_RENDERER_TARGETTEXTURE)) {
        g->layer_off = true;
        return false;
    }
    Uint32 fmt = SDL_PIXELFORMAT_ARGB8888;
    if (g->offscreen_surface)
        fmt = g->offscreen_surface->format->format;
    else if (g->software && g->win &&
             SDL_GetWindowPixelFormat(g->win) != SDL_PIXELFORMAT_UNKNOWN)
        fmt = SDL_GetWindowPixelFormat(g->win); /* GPU renderers: ARGB8888 always works */
    g->layer = SDL_CreateTexture(g->ren, fmt, SDL_TEXTUREACCESS_TARGET, g->w, g->h);
    if (!g->layer && fmt != SDL_PIXELFORMAT_ARGB8888)
        g->layer = SDL_CreateTexture(g->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                     g->w, g->h);
    if (!g->layer)
        return false; /* out of memory: draw directly, try again next frame */
    SDL_SetTextureBlendMode(g->layer, SDL_BLENDMODE_NONE);
    g->layer_w = g->w;
    g->layer_h = g->h;
    ui_layer_invalidate(g);
    return true;
}

static void fill_bg(ui_gfx *g, const SDL_Rect *r, SDL_Color bg)
{
    SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(g->ren, bg.r, bg.g, bg.b, 255);
    SDL_Rect all = {0, 0, g->w, g->h};
    SDL_RenderFillRect(g->ren, r ? r : &all);
}

/* The background of a region, except its opaque part. */
static void fill_region_bg(ui_gfx *g, const ui_region *rg, SDL_Color bg)
{
    SDL_Rect c = rg->clip, o;
    if (!SDL_IntersectRect(&rg->opaque, &c, &o)) {
        fill_bg(g, &c, bg);
        return;
    }
    SDL_Rect parts[4] = {
        {c.x, c.y, c.w, o.y - c.y},
        {c.x, o.y + o.h, c.w, c.y + c.h - (o.y + o.h)},
        {c.x, o.y, o.x - c.x, o.h},
        {o.x + o.w, o.y, c.x + c.w - (o.x + o.w), o.h},
    };
    for (int i = 0; i < 4; i++)
        if (parts[i].w > 0 && parts[i].h > 0)
            fill_bg(g, &parts[i], bg);
}

static void draw_direct(ui_gfx *g, const ui_region *rg, int n, SDL_Color bg)
{
    g->layer_shown = false;
    fill_bg(g, NULL, bg);
    for (int i = 0; i < n; i++)
        rg[i].fn(g, rg[i].ctx, rg[i].arg);
}

void ui_draw_regions(ui_gfx *g, const ui_region *rg, int n, SDL_Color bg)
{
    if (n < 0)
        n = 0;
    bool direct = g->layer_off || n > UI_MAX_REGIONS;
    /* overlapping regions would paint over each other's cached pixels */
    for (int i = 0; i < n && !direct; i++)
        for (int j = i + 1; j < n && !direct; j++)
            direct = SDL_HasIntersection(&rg[i].clip, &rg[j].clip) == SDL_TRUE;
    if (direct || !layer_ready(g)) {
        g->mode = UI_MODE_DRAW;
        draw_direct(g, rg, n, bg);
        return;
    }
    /* pass 1: what each region would draw; registers clicks and overflows */
    uint64_t h[UI_MAX_REGIONS];
    uint32_t gen = g->layer_gen;
    g->mode = UI_MODE_HASH;
    for (int i = 0; i < n; i++) {
        g->draw_hash = 0xCBF29CE484222325ULL;
        gfx_hmix_rect(g, rg[i].clip);
        gfx_hmix_rect(g, rg[i].opaque);
        gfx_hmix(g, gfx_rgba_of(bg));
        rg[i].fn(g, rg[i].ctx, rg[i].arg);
        h[i] = g->draw_hash;
    }
    /* pass 2: draw the regions that changed into the layer */
    bool full = g->layer_n != n || gen != g->layer_gen;
    for (int i = 0; i < n && !full; i++)
        full = !SDL_RectEquals(&rg[i].clip, &g->layer_rect[i]);
    bool any = full;
    for (int i = 0; i < n && !any; i++)
        any = h[i] != g->layer_hash[i];
    g->mode = UI_MODE_REPLAY;
    if (any && SDL_SetRenderTarget(g->ren, g->layer) != 0) {
        /* the target cannot be bound: this frame goes straight to the window */
        draw_direct(g, rg, n, bg);
        g->mode = UI_MODE_DRAW;
        ui_layer_invalidate(g);
        return;
    }
    if (any) {
        if (full)
            fill_bg(g, NULL, bg);
        for (int i = 0; i < n; i++) {
            if (!full && h[i] == g->layer_hash[i])
                continue;
            SDL_RenderSetClipRect(g->ren, &rg[i].clip);
            if (!full)
                fill_region_bg(g, &rg[i], bg);
            rg[i].fn(g, rg[i].ctx, rg[i].arg);
            g->regions_drawn++;
        }
        SDL_RenderSetClipRect(g->ren, NULL);
        SDL_SetRenderTarget(g->ren, NULL);
        g->layer_version++;
    }
    g->mode = UI_MODE_DRAW;
    if (gen == g->layer_gen) {
        g->layer_n = n;
        for (int i = 0; i < n; i++) {
            g->layer_rect[i] = rg[i].clip;
            g->layer_hash[i] = h[i];
        }
    } else {
        ui_layer_invalidate(g); /* fonts changed while drawing: start over */
    }
    SDL_RenderCopy(g->ren, g->layer, NULL, NULL);
    g->layer_shown = true;
}

void ui_dim(ui_gfx *g, SDL_Color c)
{
    SDL_Rect all = {0, 0, g->w, g->h};
    if (g->mode != UI_MODE_DRAW || !g->layer_shown || !g->layer) {
        ui_fill(g, all, c);
        return;
    }
    /* The window shows exactly the layer: keep the darkened layer too, so
     * that an overlay animating over a still table (the reveal) or a menu
     * over it costs a copy instead of blending every pixel each frame. */
    uint32_t rgba = gfx_rgba_of(c);
    bool fresh = g->dim_layer && g->dim_version == g->layer_version && g->dim_rgba == rgba;
    if (!fresh) {
        if (!g->dim_layer) {
            Uint32 fmt = 0;
            SDL_QueryTexture(g->layer, &fmt, NULL, NULL, NULL);
            g->dim_layer =
                SDL_CreateTexture(g->ren, fmt, SDL_TEXTUREACCESS_TARGET, g->layer_w, g->layer_h);
            if (g->dim_layer)
                SDL_SetTextureBlendMode(g->dim_layer, SDL_BLENDMODE_NONE);
        }
        if (!g->dim_layer || SDL_SetRenderTarget(g->ren, g->dim_layer) != 0) {
            ui_fill(g, all, c);
            return;
        }
        SDL_RenderCopy(g->ren, g->layer, NULL, NULL);
        SDL_SetRenderDrawBlendMode(g->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, c.a);
        SDL_RenderFillRect(g->ren, &all);
        SDL_SetRenderTarget(g->ren, NULL);
        g->dim_version = g->layer_version;
        g->dim_rgba = rgba;
    }
    SDL_RenderCopy(g->ren, g->dim_layer, NULL, NULL);
    g->layer_shown = false;
}
