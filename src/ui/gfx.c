/* ui/gfx: the drawing context: palette, fonts, window and renderer, click
 * regions and buttons, draw hashing, PNG in and out. */
#include "ui/gfx.h"
#include "ui/gfx_int.h"

#include "platform/i18n.h"

#include <fontconfig/fontconfig.h>
#include <math.h>

#ifndef M_PI /* not in strict C11 */
#define M_PI 3.14159265358979323846
#endif
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const SDL_Color UI_BG = {0xF3, 0xF1, 0xEC, 0xFF};        /* warm paper */
const SDL_Color UI_PANEL = {0xFF, 0xFF, 0xFF, 0xFF};
const SDL_Color UI_PANEL_ALT = {0xE9, 0xEE, 0xEF, 0xFF};  /* quiet blue-grey */
const SDL_Color UI_LINE = {0xC9, 0xCF, 0xD2, 0xFF};
const SDL_Color UI_INK = {0x1B, 0x24, 0x2C, 0xFF};        /* contrast ~15:1 on paper */
const SDL_Color UI_INK_SOFT = {0x44, 0x50, 0x5A, 0xFF};   /* contrast ~8:1, still AAA */
const SDL_Color UI_ACCENT = {0x0B, 0x4F, 0x6C, 0xFF};     /* deep teal-blue */
const SDL_Color UI_ACCENT_INK = {0xFF, 0xFF, 0xFF, 0xFF};
const SDL_Color UI_GOOD = {0x00, 0x7A, 0x5A, 0xFF};
const SDL_Color UI_WARN = {0xB0, 0x6A, 0x00, 0xFF};
const SDL_Color UI_ALARM = {0xB3, 0x26, 0x1E, 0xFF};
const SDL_Color UI_WHITE = {0xFF, 0xFF, 0xFF, 0xFF};
const SDL_Color UI_SHADOW = {0x00, 0x00, 0x00, 0x22};

SDL_Color ui_role_colour(int i)
{
    /* 0-7: Okabe & Ito, "Color Universal Design" (2008); black last
     * because it reads as text rather than as a colour. 8-15 (kleur 8-15
     * in a roles file): Paul Tol's muted and light schemes, darker or paler
     * than 0-7 so that a ninth role never looks like one of the first
     * eight. The role's name is always drawn next to its colour. */
    static const SDL_Color pal[UI_PALETTE_N] = {
        {0xE6, 0x9F, 0x00, 0xFF}, /* orange */
        {0x56, 0xB4, 0xE9, 0xFF}, /* sky blue */
        {0x00, 0x9E, 0x73, 0xFF}, /* bluish green */
        {0xCC, 0x79, 0xA7, 0xFF}, /* reddish purple */
        {0x00, 0x72, 0xB2, 0xFF}, /* blue */
        {0xD5, 0x5E, 0x00, 0xFF}, /* vermillion */
        {0xF0, 0xE4, 0x42, 0xFF}, /* yellow */
        {0x33, 0x33, 0x33, 0xFF}, /* near black */
        {0x88, 0x22, 0x55, 0xFF}, /* wine */
        {0x33, 0x22, 0x88, 0xFF}, /* indigo */
        {0x11, 0x77, 0x33, 0xFF}, /* dark green */
        {0xDD, 0xCC, 0x77, 0xFF}, /* sand */
        {0xCC, 0x66, 0x77, 0xFF}, /* rose */
        {0x8C, 0x51, 0x0A, 0xFF}, /* brown */
        {0xBB, 0xCC, 0x33, 0xFF}, /* pear */
        {0xFF, 0xAA, 0xBB, 0xFF}, /* pink */
    };
    if (i < 0)
        i = -i;
    return pal[i % UI_PALETTE_N];
}

SDL_Color ui_ink_on(SDL_Color bg)
{
    /* Relative luminance, simplified: pick the ink with more contrast. */
    double l = 0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b;
    return l > 140.0 ? UI_INK : UI_WHITE;
}


/* ------------------------------------------------------------------ fonts */

static bool file_readable(const char *p)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return false;
    fclose(f);
    return true;
}

static bool fc_lookup(const char *pattern, char out[1024])
{
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat)
        return false;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res = FcResultNoMatch;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    bool ok = false;
    if (match) {
        FcChar8 *file = NULL;
        FcChar8 *family = NULL;
        /* fontconfig always answers something; only accept the family we
         * asked for, so a missing DejaVu gives a clear message instead of
         * a font without Dutch diacritics. */
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch &&
            strncmp((const char *)family, "DejaVu Sans", 11) == 0 &&
            strlen((const char *)file) < 1024 && file_readable((const char *)file)) {
            snprintf(out, 1024, "%s", (const char *)file);
            ok = true;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return ok;
}

bool ui_font_find(const char *font_override, char out_regular[1024], char out_bold[1024],
                  bool *fake_bold, char *err, size_t err_len)
{
    *fake_bold = false;
    if (font_override && *font_override) {
        if (strlen(font_override) >= 1024 || !file_readable(font_override)) {
            snprintf(err, err_len,
                     _("Lettertype ‘%s’ is niet leesbaar. Geef met --font het pad "
                       "van een .ttf-bestand."),
                     font_override);
            return false;
        }
        snprintf(out_regular, 1024, "%s", font_override);
        snprintf(out_bold, 1024, "%s", font_override);
        *fake_bold = true;
        return true;
    }
    bool ok = false;
    if (FcInit()) {
        ok = fc_lookup("DejaVu Sans:style=Book", out_regular);
        if (ok && !fc_lookup("DejaVu Sans:style=Bold", out_bold)) {
            snprintf(out_bold, 1024, "%s", out_regular);
            *fake_bold = true;
        }
        /* only the file names are kept: give fontconfig's memory back */
        FcFini();
    }
    if (!ok) {
        snprintf(err, err_len, _("Geen lettertype gevonden: DejaVu Sans ontbreekt. Installeer het "
                                 "pakket fonts-dejavu-core of geef met --font het pad van een "
                                 ".ttf-bestand."));
        return false;
    }
    return true;
}

TTF_Font *gfx_font_get(ui_gfx *g, int px, ui_style st)
{
    if (px < 6)
        px = 6;
    for (int i = 0; i < g->n_fonts; i++)
        if (g->fonts[i].px == px && g->fonts[i].style == st)
            return g->fonts[i].font;
    if (g->n_fonts == (int)(sizeof g->fonts / sizeof g->fonts[0])) {
        /* Many resizes: start over rather than grow without bound. */
        ui_gfx_flush_text(g);
        for (int i = 0; i < g->n_fonts; i++)
            TTF_CloseFont(g->fonts[i].font);
        g->n_fonts = 0;
    }
    TTF_Font *f = TTF_OpenFont(g->font_path[st], px);
    if (!f)
        return NULL;
    if (st == UI_BOLD && g->fake_bold)
        TTF_SetFontStyle(f, TTF_STYLE_BOLD);
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    g->fonts[g->n_fonts].px = px;
    g->fonts[g->n_fonts].style = st;
    g->fonts[g->n_fonts].font = f;
    g->fonts[g->n_fonts].cap = -1; /* measured on first use */
    g->n_fonts++;
    return f;
}

/* ---------------------------------------------------------- draw hashing */

uint32_t gfx_rgba_of(SDL_Color c)
{
    return ((uint32_t)c.r << 24) | ((uint32_t)c.g << 16) | ((uint32_t)c.b << 8) | c.a;
}

/* UI_MODE_HASH: every draw call folds its parameters into draw_hash. */
void gfx_hmix(ui_gfx *g, uint64_t v)
{
    uint64_t h = g->draw_hash ^ (v + 0x9E3779B97F4A7C15ULL + (g->draw_hash << 6) +
                                 (g->draw_hash >> 2));
    g->draw_hash = h * 1099511628211ULL;
}

void gfx_hmix_rect(ui_gfx *g, SDL_Rect r)
{
    gfx_hmix(g, ((uint64_t)(uint32_t)r.x << 32) | (uint32_t)r.y);
    gfx_hmix(g, ((uint64_t)(uint32_t)r.w << 32) | (uint32_t)r.h);
}

void gfx_hmix_float(ui_gfx *g, float f)
{
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    gfx_hmix(g, bits);
}


/* ------------------------------------------------------------ interaction */

void ui_hit_add(ui_gfx *g, SDL_Rect r, int id, int arg)
{
    /* in the replay pass the hash pass of the same frame registered it */
    if (g->mode == UI_MODE_REPLAY || g->n_hits >= UI_MAX_HITS)
        return;
    g->hits[g->n_hits].r = r;
    g->hits[g->n_hits].id = id;
    g->hits[g->n_hits].arg = arg;
    g->n_hits++;
}

const ui_hit *ui_hit_at(const ui_gfx *g, int x, int y)
{
    SDL_Point p = {x, y};
    for (int i = g->n_hits - 1; i >= 0; i--)
        if (SDL_PointInRect(&p, &g->hits[i].r))
            return &g->hits[i];
    return NULL;
}

bool ui_hover(const ui_gfx *g, SDL_Rect r)
{
    SDL_Point p = {g->mouse_x, g->mouse_y};
    return SDL_PointInRect(&p, &r);
}

void ui_button(ui_gfx *g, SDL_Rect r, const char *label, int px, bool primary, bool enabled,
               int id, int arg)
{
    int rad = r.h / 4;
    bool hov = enabled && ui_hover(g, r);
    SDL_Color bg, ink;
    if (!enabled) {
        bg = UI_PANEL_ALT;
        ink = UI_INK_SOFT;
    } else if (primary) {
        bg = hov ? (SDL_Color){0x08, 0x3C, 0x52, 0xFF} : UI_ACCENT;
        ink = UI_ACCENT_INK;
    } else {
        bg = hov ? UI_PANEL_ALT : UI_PANEL;
        ink = UI_ACCENT;
    }
    ui_round(g, r, rad, bg);
    if (!primary || !enabled)
        ui_round_outline(g, r, rad, ui_px(g, 2) > 0 ? ui_px(g, 2) : 1,
                         enabled ? UI_ACCENT : UI_LINE);
    int tw = 0, th = 0;
    ui_text_size(g, label, px, UI_BOLD, &tw, &th);
    int pad = r.h / 3;
    ui_text(g, label, r.x + r.w / 2, r.y + (r.h - th) / 2, px, px * 3 / 4, UI_BOLD, ink,
            UI_CENTER, r.w - pad);
    if (enabled)
        ui_hit_add(g, r, id, arg);
}

/* ----------------------------------------------------------------- window */

/* Runs in whichever thread pushes the event, so it only raises a flag;
 * ui_draw_regions drops the layer (and after a device reset every other
 * texture) before it draws again. */
static int SDLCALL layer_watch(void *data, SDL_Event *e)
{
    ui_gfx *g = data;
    if (e->type == SDL_RENDER_DEVICE_RESET)
        SDL_AtomicSet(&g->layer_reset, 2);
    else if (e->type == SDL_RENDER_TARGETS_RESET)
        SDL_AtomicCAS(&g->layer_reset, 0, 1);
    return 1;
}

bool ui_gfx_open(ui_gfx *g, const char *title, int w, int h, bool offscreen,
                 const char *font_override, char *err, size_t err_len)
{
    memset(g, 0, sizeof *g);
    if (w < 320 || h < 240 || w > 8192 || h > 8192) {
        snprintf(err, err_len,
                 _("Venstergrootte %dx%d kan niet: kies tussen 320x240 en 8192x8192."), w, h);
        return false;
    }
    if (!ui_font_find(font_override, g->font_path[UI_REGULAR], g->font_path[UI_BOLD],
                      &g->fake_bold, err, err_len))
        return false;
    if (SDL_Init(offscreen ? SDL_INIT_EVENTS : SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        snprintf(err, err_len, _("Het scherm kan niet openen (%s). Probeer het met "
                                 "SDL_VIDEODRIVER=x11 of speel zonder venster (--headless)."),
                 SDL_GetError());
        return false;
    }
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, err_len, "SDL_ttf: %s", TTF_GetError());
        return false;
    }
    if (offscreen) {
        /* Screenshots and tests draw into a plain surface with the software
         * renderer: no display needed, identical pixels everywhere. */
        SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
        if (!surf) {
            snprintf(err, err_len, "SDL: %s", SDL_GetError());
            return false;
        }
        g->ren = SDL_CreateSoftwareRenderer(surf);
        if (!g->ren) {
            SDL_FreeSurface(surf);
            snprintf(err, err_len, "SDL: %s", SDL_GetError());
            return false;
        }
        g->software = true;
        g->win = NULL;
        g->w = w;
        g->h = h;
        SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
        g->offscreen_surface = surf;
    } else {
        SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
        g->win = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                  SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
        if (!g->win) {
            snprintf(err, err_len, _("Het venster kan niet openen (%s). Speel zonder venster met "
                                     "--headless."),
                     SDL_GetError());
            return false;
        }
        SDL_SetWindowMinimumSize(g->win, 640, 360);
        const char *drv = SDL_GetCurrentVideoDriver();
        bool dummy = drv && (strcmp(drv, "dummy") == 0 || strcmp(drv, "offscreen") == 0);
        g->ren = SDL_CreateRenderer(g->win, -1,
                                    dummy ? SDL_RENDERER_SOFTWARE
                                          : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (!g->ren)
            g->ren = SDL_CreateRenderer(g->win, -1, SDL_RENDERER_SOFTWARE);
        if (!g->ren) {
            snprintf(err, err_len, "SDL: %s", SDL_GetError());
            SDL_DestroyWindow(g->win);
            g->win = NULL;
            return false;
        }
        SDL_RendererInfo info;
        if (SDL_GetRendererInfo(g->ren, &info) == 0)
            g->software = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    }
    if (!gfx_text_cache_open(g)) {
        snprintf(err, err_len, _("Te weinig geheugen."));
        ui_gfx_close(g);
        return false;
    }
    SDL_AddEventWatch(layer_watch, g);
    ui_gfx_begin(g);
    return true;
}

void ui_gfx_close(ui_gfx *g)
{
    SDL_DelEventWatch(layer_watch, g);
    gfx_layer_drop(g);
    free(g->spans);
    g->spans = NULL;
    gfx_text_cache_close(g);
    for (int i = 0; i < g->n_discs; i++)
        SDL_DestroyTexture(g->discs[i].tex);
    g->n_discs = 0;
    for (int i = 0; i < g->n_fonts; i++)
        TTF_CloseFont(g->fonts[i].font);
    g->n_fonts = 0;
    if (g->ren)
        SDL_DestroyRenderer(g->ren);
    g->ren = NULL;
    if (g->offscreen_surface)
        SDL_FreeSurface(g->offscreen_surface);
    g->offscreen_surface = NULL;
    if (g->win)
        SDL_DestroyWindow(g->win);
    g->win = NULL;
}

void ui_gfx_begin(ui_gfx *g)
{
    int w = g->w, h = g->h;
    if (g->win && SDL_GetRendererOutputSize(g->ren, &w, &h) == 0) {
        g->w = w;
        g->h = h;
    }
    /* Sizes follow the height. 16:9 and wider use the 1920-unit design
     * canvas (centred); 16:10 and 4:3 keep the height's scale and get a
     * narrower canvas, so the whole screen is used and text does not
     * shrink with the width. Narrower than 4:3: a 1440-unit canvas,
     * letterboxed. */
    g->u = (float)g->h / 1080.0f;
    g->canvas_w = 1920.0f;
    float aspect = (float)g->w / (float)g->h;
    if (aspect < 16.0f / 9.0f - 0.001f) {
        g->canvas_w = (float)g->w / g->u;
        if (g->canvas_w < 1440.0f) {
            g->canvas_w = 1440.0f;
            g->u = (float)g->w / 1440.0f;
        }
    }
    g->frame++;
    g->overflows = 0;
    g->ellipsized = 0;
    g->label_crossings = 0;
    g->text_role = UI_TR_READ;
    g->n_text_recs = 0;
    g->n_tips = 0;
    g->n_hits = 0;
    g->mode = UI_MODE_DRAW;
    g->layer_shown = false;
}

bool ui_wait_event(SDL_Event *e, int ms)
{
    const char *drv = SDL_GetCurrentVideoDriver();
    bool can_block = drv && strcmp(drv, "dummy") != 0 && strcmp(drv, "offscreen") != 0;
    if (can_block)
        return SDL_WaitEventTimeout(e, ms) == 1;
    if (SDL_PollEvent(e))
        return true;
    if (ms > 0)
        SDL_Delay((Uint32)ms);
    return SDL_PollEvent(e) == 1;
}

/* ----------------------------------------------------------------- output */

uint8_t *ui_gfx_read_rgba(ui_gfx *g, int *w, int *h)
{
    uint8_t *buf = malloc((size_t)g->w * (size_t)g->h * 4);
    if (!buf)
        return NULL;
    if (SDL_RenderReadPixels(g->ren, NULL, SDL_PIXELFORMAT_RGBA32, buf, g->w * 4) != 0) {
        free(buf);
        return NULL;
    }
    *w = g->w;
    *h = g->h;
    return buf;
}

bool ui_png_write_rgba(const char *path, const uint8_t *rgba, int w, int h, char *err,
                       size_t err_len)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)w;
    img.height = (png_uint_32)h;
    img.format = PNG_FORMAT_RGBA;
    if (!png_image_write_to_file(&img, path, 0, rgba, (png_int_32)(w * 4), NULL)) {
        snprintf(err, err_len, _("Kan ‘%s’ niet schrijven: %s"), path, img.message);
        return false;
    }
    return true;
}

uint8_t *ui_png_read_rgba(const char *path, int *w, int *h, char *err, size_t err_len)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path)) {
        snprintf(err, err_len, _("Kan ‘%s’ niet lezen: %s"), path, img.message);
        return NULL;
    }
    img.format = PNG_FORMAT_RGBA;
    if (img.width > 8192 || img.height > 8192) {
        png_image_free(&img);
        snprintf(err, err_len, _("‘%s’ is te groot."), path);
        return NULL;
    }
    uint8_t *buf = malloc(PNG_IMAGE_SIZE(img));
    if (!buf) {
        png_image_free(&img);
        return NULL;
    }
    if (!png_image_finish_read(&img, NULL, buf, 0, NULL)) {
        snprintf(err, err_len, _("Kan ‘%s’ niet lezen: %s"), path, img.message);
        free(buf);
        return NULL;
    }
    *w = (int)img.width;
    *h = (int)img.height;
    return buf;
}

bool ui_gfx_save_png(ui_gfx *g, const char *path, char *err, size_t err_len)
{
    int w = 0, h = 0;
    uint8_t *buf = ui_gfx_read_rgba(g, &w, &h);
    if (!buf) {
        snprintf(err, err_len, "SDL: %s", SDL_GetError());
        return false;
    }
    /* The frame is opaque; libpng would keep a meaningless alpha channel. */
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
        buf[i * 4 + 3] = 255;
    bool ok = ui_png_write_rgba(path, buf, w, h, err, err_len);
    free(buf);
    return ok;
}
