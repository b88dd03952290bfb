/* ui/gfx: window, fonts, text cache, shapes, click regions, PNG. */
#include "ui/gfx.h"

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
    /* Okabe & Ito, "Color Universal Design" (2008); black last because
     * it reads as text rather than as a colour. */
    static const SDL_Color pal[UI_PALETTE_N] = {
        {0xE6, 0x9F, 0x00, 0xFF}, /* orange */
        {0x56, 0xB4, 0xE9, 0xFF}, /* sky blue */
        {0x00, 0x9E, 0x73, 0xFF}, /* bluish green */
        {0xCC, 0x79, 0xA7, 0xFF}, /* reddish purple */
        {0x00, 0x72, 0xB2, 0xFF}, /* blue */
        {0xD5, 0x5E, 0x00, 0xFF}, /* vermillion */
        {0xF0, 0xE4, 0x42, 0xFF}, /* yellow */
        {0x33, 0x33, 0x33, 0xFF}, /* near black */
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
            snprintf(err, err_len, _("Lettertype ‘%s’ is niet leesbaar. Geef met --font het pad "
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

static TTF_Font *font_get(ui_gfx *g, int px, ui_style st)
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

/* ------------------------------------------------------------- text cache */

#define UI_TEXT_CACHE 4096 /* slots, power of two */

struct ui_text_entry {
    uint64_t hash;
    char *str;         /* owned; NULL = empty slot */
    int px, wrap;
    ui_style style;
    ui_align align;
    uint32_t rgba;     /* text colour: baked in, because a colour-modulated
                          blit is the slow path of the software renderer */
    SDL_Texture *tex;
    int w, h;
    uint32_t last_used;
};

static uint32_t rgba_of(SDL_Color c)
{
    return ((uint32_t)c.r << 24) | ((uint32_t)c.g << 16) | ((uint32_t)c.b << 8) | c.a;
}

/* UI_MODE_HASH: every draw call folds its parameters into draw_hash. */
static void hmix(ui_gfx *g, uint64_t v)
{
    uint64_t h = g->draw_hash ^ (v + 0x9E3779B97F4A7C15ULL + (g->draw_hash << 6) +
                                 (g->draw_hash >> 2));
    g->draw_hash = h * 1099511628211ULL;
}

static void hmix_rect(ui_gfx *g, SDL_Rect r)
{
    hmix(g, ((uint64_t)(uint32_t)r.x << 32) | (uint32_t)r.y);
    hmix(g, ((uint64_t)(uint32_t)r.w << 32) | (uint32_t)r.h);
}

static void hmix_float(ui_gfx *g, float f)
{
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    hmix(g, bits);
}

static uint64_t text_hash(const char *s, int px, ui_style st, int wrap, ui_align al, uint32_t rgba)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    uint64_t extra[5] = {(uint64_t)px, (uint64_t)st, (uint64_t)(uint32_t)wrap, (uint64_t)al, rgba};
    for (int i = 0; i < 5; i++) {
        h ^= extra[i] + 0x9E3779B97F4A7C15ULL;
        h *= 1099511628211ULL;
    }
    return h;
}

static void entry_free(ui_text_entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    free(e->str);
    memset(e, 0, sizeof *e);
}

void ui_gfx_flush_text(ui_gfx *g)
{
    /* a font or language change keeps strings but moves pixels */
    ui_layer_invalidate(g);
    if (!g->cache)
        return;
    for (int i = 0; i < UI_TEXT_CACHE; i++)
        if (g->cache[i].str)
            entry_free(&g->cache[i]);
    g->cache_used = 0;
}

/* Drops entries that were not drawn in the last frames; reinserts the rest
 * (linear probing has no cheap delete). */
static void cache_evict(ui_gfx *g, uint32_t max_age)
{
    ui_text_entry *old = g->cache;
    ui_text_entry *fresh = calloc(UI_TEXT_CACHE, sizeof *fresh);
    if (!fresh) {
        ui_gfx_flush_text(g);
        return;
    }
    int used = 0;
    for (int i = 0; i < UI_TEXT_CACHE; i++) {
        ui_text_entry *e = &old[i];
        if (!e->str)
            continue;
        if (g->frame - e->last_used > max_age) {
            entry_free(e);
            continue;
        }
        size_t j = (size_t)(e->hash & (UI_TEXT_CACHE - 1));
        while (fresh[j].str)
            j = (j + 1) & (UI_TEXT_CACHE - 1);
        fresh[j] = *e;
        used++;
    }
    free(old);
    g->cache = fresh;
    g->cache_used = used;
}

/* The cached texture of s, rendering it on a miss. NULL when s is empty or
 * the font cannot render it. */
static ui_text_entry *text_get(ui_gfx *g, const char *s, int px, ui_style st, int wrap,
                               ui_align al, SDL_Color col)
{
    if (!s || !*s || !g->cache)
        return NULL;
    uint32_t rgba = rgba_of(col);
    uint64_t h = text_hash(s, px, st, wrap, al, rgba);
    size_t j = (size_t)(h & (UI_TEXT_CACHE - 1));
    while (g->cache[j].str) {
        ui_text_entry *e = &g->cache[j];
        if (e->hash == h && e->px == px && e->style == st && e->wrap == wrap && e->align == al &&
            e->rgba == rgba && strcmp(e->str, s) == 0) {
            e->last_used = g->frame;
            return e;
        }
        j = (j + 1) & (UI_TEXT_CACHE - 1);
    }
    if (g->cache_used > UI_TEXT_CACHE * 3 / 4) {
        cache_evict(g, 2);
        if (g->cache_used > UI_TEXT_CACHE * 3 / 4)
            cache_evict(g, 0);
        /* one frame with thousands of strings: start over (SDL flushes
         * queued draws before a texture is destroyed) */
        if (g->cache_used > UI_TEXT_CACHE * 3 / 4)
            ui_gfx_flush_text(g);
        return text_get(g, s, px, st, wrap, al, col);
    }
    TTF_Font *f = font_get(g, px, st);
    if (!f)
        return NULL;
    SDL_Color white = col;
    SDL_Surface *surf;
    if (wrap > 0) {
        TTF_SetFontWrappedAlign(f, al == UI_CENTER   ? TTF_WRAPPED_ALIGN_CENTER
                                   : al == UI_RIGHT ? TTF_WRAPPED_ALIGN_RIGHT
                                                    : TTF_WRAPPED_ALIGN_LEFT);
        surf = TTF_RenderUTF8_Blended_Wrapped(f, s, white, (Uint32)wrap);
    } else {
        surf = TTF_RenderUTF8_Blended(f, s, white);
    }
    g->ttf_renders++;
    if (!surf)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(g->ren, surf);
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    if (!tex)
        return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    char *copy = malloc(strlen(s) + 1);
    if (!copy) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    strcpy(copy, s);
    ui_text_entry *e = &g->cache[j];
    e->hash = h;
    e->str = copy;
    e->px = px;
    e->style = st;
    e->wrap = wrap;
    e->align = al;
    e->rgba = rgba;
    e->tex = tex;
    e->w = w;
    e->h = hh;
    e->last_used = g->frame;
    g->cache_used++;
    return e;
}

static void blit(ui_gfx *g, ui_text_entry *e, int x, int y, SDL_Color c, const SDL_Rect *clip)
{
    (void)c; /* baked into the texture */
    if (g->mode == UI_MODE_HASH) {
        hmix(g, 0x7E47);
        hmix(g, e->hash);
        hmix(g, ((uint64_t)(uint32_t)e->w << 32) | (uint32_t)e->h);
        hmix(g, ((uint64_t)(uint32_t)x << 32) | (uint32_t)y);
        if (clip)
            hmix_rect(g, *clip);
        return;
    }
    if (g->mode == UI_MODE_DRAW)
        g->layer_shown = false; /* the window no longer shows just the layer */
    SDL_Rect src = {0, 0, e->w, e->h};
    SDL_Rect dst = {x, y, e->w, e->h};
    if (clip) {
        if (dst.w > clip->w) {
            src.w = clip->w;
            dst.w = clip->w;
        }
        if (dst.h > clip->h) {
            src.h = clip->h;
            dst.h = clip->h;
        }
    }
    SDL_RenderCopy(g->ren, e->tex, &src, &dst);
}

int ui_font_px(const ui_gfx *g, float units)
{
    int px = ui_px(g, units);
    return px < 8 ? 8 : px;
}

int ui_cap_height(ui_gfx *g, int px, ui_style st)
{
    if (px < 6)
        px = 6;
    TTF_Font *f = font_get(g, px, st);
    if (!f)
        return 0;
    for (int i = 0; i < g->n_fonts; i++)
        if (g->fonts[i].font == f) {
            if (g->fonts[i].cap < 0) {
                int minx = 0, maxx = 0, miny = 0, maxy = 0, adv = 0;
                g->fonts[i].cap = TTF_GlyphMetrics32(f, 'H', &minx, &maxx, &miny, &maxy, &adv) == 0
                                      ? maxy
                                      : px * 73 / 100;
            }
            return g->fonts[i].cap;
        }
    return px * 73 / 100;
}

/* Capital height as thousandths of the window height, per role. */
static const int rule_share_milli[UI_TR_COUNT] = {20, 30};

int ui_rule_px(ui_gfx *g, ui_text_role role)
{
    if (role < 0 || role >= UI_TR_COUNT)
        role = UI_TR_READ;
    if (g->rule_px_h != g->h) {
        memset(g->rule_px_cache, 0, sizeof g->rule_px_cache);
        g->rule_px_h = g->h;
    }
    if (g->rule_px_cache[role] > 0)
        return g->rule_px_cache[role];
    /* DejaVu Sans: capitals are ~73% of the size; start just below that
     * and step up until the hinted capital height meets the rule */
    int target_milli = rule_share_milli[role] * g->h; /* cap * 1000 must reach this */
    int px = target_milli / 1000 * 100 / 76;
    if (px < 6)
        px = 6;
    while (px < 400 && ui_cap_height(g, px, UI_REGULAR) * 1000 < target_milli)
        px++;
    g->rule_px_cache[role] = px;
    return px;
}

ui_text_role ui_set_text_role(ui_gfx *g, ui_text_role role)
{
    ui_text_role old = g->text_role;
    g->text_role = role;
    return old;
}

/* Records a drawn text for the size-rule tests (not in the replay pass:
 * the hash pass of the same frame recorded it). */
static void text_record(ui_gfx *g, const char *s, int px, ui_style st)
{
    if (g->mode == UI_MODE_REPLAY || g->n_text_recs >= UI_MAX_TEXT_RECS || !s || !*s)
        return;
    ui_text_rec *r = &g->text_recs[g->n_text_recs++];
    r->px = px;
    r->cap = ui_cap_height(g, px, st);
    r->role = g->text_role;
    snprintf(r->text, sizeof r->text, "%s", s);
}

static void tip_add(ui_gfx *g, SDL_Rect r, const char *s)
{
    if (g->mode == UI_MODE_REPLAY || g->n_tips >= UI_MAX_TIPS)
        return;
    ui_tip *t = &g->tips[g->n_tips++];
    t->r = r;
    snprintf(t->text, sizeof t->text, "%s", s);
}

bool ui_text_size(ui_gfx *g, const char *s, int px, ui_style st, int *w, int *h)
{
    int floor = ui_rule_px(g, g->text_role); /* measured as it will be drawn */
    if (px < floor)
        px = floor;
    ui_text_entry *e = text_get(g, s, px, st, 0, UI_LEFT, UI_INK);
    *w = e ? e->w : 0;
    *h = e ? e->h : 0;
    return e != NULL;
}

void ui_note_overflow(ui_gfx *g, const char *what, const char *s)
{
    if (g->mode == UI_MODE_REPLAY) /* counted by the hash pass */
        return;
    if (g->overflows < UI_MAX_OVERFLOW_NOTES)
        snprintf(g->overflow_notes[g->overflows], sizeof g->overflow_notes[0], "%s: %.120s",
                 what, s);
    g->overflows++;
}

/* The size rule is enforced here, for every screen: no text is drawn, nor
 * shrunk, below the smallest size of the current role. */
static void rule_floor(ui_gfx *g, int *px, int *min_px)
{
    int floor = ui_rule_px(g, g->text_role);
    if (*px < floor)
        *px = floor;
    if (*min_px <= 0 || *min_px > *px)
        *min_px = *px;
    if (*min_px < floor)
        *min_px = floor;
}

int ui_text(ui_gfx *g, const char *s, int x, int y, int px, int min_px, ui_style st,
            SDL_Color c, ui_align align, int max_w)
{
    rule_floor(g, &px, &min_px);
    ui_text_entry *e = text_get(g, s, px, st, 0, UI_LEFT, c);
    if (!e)
        return 0;
    if (max_w > 0 && e->w > max_w) {
        /* Shrink in steps of ~6% rather than one px at a time, so that a
         * long label costs at most a few cached renders. */
        for (int p = px - (px + 15) / 16; p >= min_px && e->w > max_w; p -= (p + 15) / 16) {
            ui_text_entry *e2 = text_get(g, s, p, st, 0, UI_LEFT, c);
            if (!e2)
                break;
            e = e2;
        }
        if (e->w > max_w && min_px < px) {
            ui_text_entry *e2 = text_get(g, s, min_px, st, 0, UI_LEFT, c);
            if (e2)
                e = e2;
        }
    }
    bool ellipsized = false;
    if (max_w > 0 && e->w > max_w) {
        /* still too wide at the smallest size: end with "…" rather than cut */
        char cut[1024];
        size_t n = strlen(s) < sizeof cut - 4 ? strlen(s) : sizeof cut - 4;
        while (n > 0) {
            do
                n--;
            while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80);
            while (n > 0 && s[n - 1] == ' ')
                n--;
            memcpy(cut, s, n);
            memcpy(cut + n, "…", 4);
            ui_text_entry *e2 = text_get(g, cut, e->px, st, 0, UI_LEFT, c);
            if (e2 && e2->w <= max_w) {
                e = e2;
                g->ellipsized++;
                ellipsized = true;
                break;
            }
        }
    }
    int w = e->w;
    bool over = max_w > 0 && w > max_w;
    if (over) {
        ui_note_overflow(g, "line", s);
        w = max_w;
    }
    int dx = align == UI_CENTER ? x - w / 2 : align == UI_RIGHT ? x - w : x;
    SDL_Rect clip = {dx, y, w, e->h};
    text_record(g, s, e->px, st);
    if (ellipsized)
        tip_add(g, clip, s);
    blit(g, e, dx, y, c, over ? &clip : NULL);
    return w;
}

int ui_text_box_height(ui_gfx *g, const char *s, int w, int px, ui_style st)
{
    int floor = ui_rule_px(g, g->text_role);
    if (px < floor)
        px = floor;
    ui_text_entry *e = text_get(g, s, px, st, w > 0 ? w : 1, UI_LEFT, UI_INK);
    return e ? e->h : 0;
}

/* Width of the widest word of s at px (words split at spaces and line
 * breaks), so a box can shrink until no word has to be split. */
static int widest_word(ui_gfx *g, const char *s, int px, ui_style st)
{
    TTF_Font *f = font_get(g, px, st);
    if (!f)
        return 0;
    int widest = 0;
    char word[256];
    while (*s) {
        size_t n = strcspn(s, " \n");
        if (n > 0 && n < sizeof word) {
            memcpy(word, s, n);
            word[n] = 0;
            int w = 0, h = 0;
            if (TTF_SizeUTF8(f, word, &w, &h) == 0 && w > widest)
                widest = w;
        }
        s += n;
        while (*s == ' ' || *s == '\n')
            s++;
    }
    return widest;
}

static bool is_vowel(unsigned char c)
{
    return c && strchr("aeiouyAEIOUY", c) != NULL;
}

/* Hyphenates the words of s that are wider than w at px: each is broken
 * after the longest part that fits with a hyphen, moved back to where a
 * syllable likely starts. */
void ui_hyphenate(ui_gfx *g, const char *s, int px, ui_style st, int w, char *out,
                      size_t cap)
{
    TTF_Font *f = font_get(g, px, st);
    size_t o = 0;
    while (*s && o + 1 < cap) {
        size_t n = strcspn(s, " \n");
        char word[256];
        int ww = 0, wh = 0;
        bool long_word = false;
        if (f && n > 1 && n < sizeof word) {
            memcpy(word, s, n);
            word[n] = 0;
            long_word = TTF_SizeUTF8(f, word, &ww, &wh) == 0 && ww > w;
        }
        if (long_word) {
            size_t cut = 0; /* longest prefix (at a character start) that fits with "-" */
            for (size_t i = 1; i < n; i++) {
                if (((unsigned char)word[i] & 0xC0) == 0x80)
                    continue;
                char part[260];
                memcpy(part, word, i);
                part[i] = '-';
                part[i + 1] = 0;
                if (TTF_SizeUTF8(f, part, &ww, &wh) != 0 || ww > w)
                    break;
                cut = i;
            }
            /* a Dutch syllable mostly starts with the consonant before a
             * vowel ("gedifferen-tieerde"): move back to one, at most five */
            for (size_t back = 0; cut > 2 && back <= 5 && back + 2 < cut; back++) {
                size_t at = cut - back;
                if (at + 1 < n && !is_vowel((unsigned char)word[at]) &&
                    is_vowel((unsigned char)word[at + 1]) &&
                    ((unsigned char)word[at] & 0x80) == 0) {
                    cut = at;
                    break;
                }
            }
            /* a word with its own hyphen ("Co-teaching") breaks there */
            const char *own = memchr(word, '-', n);
            if (own && (size_t)(own - word) + 1 <= cut + 1 && own > word && o + n + 2 < cap) {
                size_t at = (size_t)(own - word) + 1;
                memcpy(out + o, word, at);
                o += at;
                out[o++] = '\n';
                memcpy(out + o, word + at, n - at);
                o += n - at;
                s += n;
                continue;
            }
            if (cut > 0 && o + n + 3 < cap) {
                memcpy(out + o, word, cut);
                o += cut;
                out[o++] = '-';
                out[o++] = '\n';
                memcpy(out + o, word + cut, n - cut);
                o += n - cut;
                s += n;
                continue;
            }
        }
        if (o + n + 1 >= cap)
            break;
        memcpy(out + o, s, n);
        o += n;
        s += n;
        while ((*s == ' ' || *s == '\n') && o + 1 < cap)
            out[o++] = *s++;
    }
    out[o] = 0;
}

int ui_text_box(ui_gfx *g, const char *s, SDL_Rect box, int px, int min_px, ui_style st,
                SDL_Color c, ui_align align)
{
    if (box.w <= 0 || box.h <= 0)
        return 0;
    rule_floor(g, &px, &min_px);
    /* Smaller steps of ~6% until the text fits. A word wider than the box
     * is never split mid-word by the wrapper: down to 85% of the size the
     * text shrinks instead; below that the word is hyphenated. */
    int word_floor = px * 85 / 100 > min_px ? px * 85 / 100 : min_px;
    ui_text_entry *e = NULL;
    char hy[1400];
    const char *str = s; /* as laid out: s, or s hyphenated */
    for (int p = px;; p -= (p + 15) / 16) {
        if (p < min_px)
            p = min_px;
        str = s;
        if (widest_word(g, s, p, st) > box.w) {
            if (p > word_floor && p > min_px)
                continue;
            ui_hyphenate(g, s, p, st, box.w, hy, sizeof hy);
            str = hy;
        }
        ui_text_entry *e2 = text_get(g, str, p, st, box.w, align, c);
        if (e2)
            e = e2;
        if (!e2 || p <= min_px || (e->h <= box.h && e->w <= box.w))
            break;
    }
    if (!e)
        return 0;
    if (e->h > box.h && e->w <= box.w) {
        /* still too long at the smallest size: the words that fit, ending
         * in "…" (the whole text shows on hover), rather than a cut line */
        char cut[1400];
        const char *full = s;
        s = str; /* cut the text as laid out (hyphenated words stay so) */
        size_t lo = 0, hi = strlen(s);
        ui_text_entry *best = NULL;
        while (lo < hi) { /* longest prefix, ending at a space, that fits */
            size_t mid = (lo + hi + 1) / 2;
            size_t n = mid;
            while (n > 0 && s[n] != ' ' && s[n] != '\n' && s[n] != 0)
                n--;
            while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
                n--;
            if (n == 0 || n + 4 >= sizeof cut) {
                hi = mid - 1;
                continue;
            }
            memcpy(cut, s, n);
            memcpy(cut + n, "…", 4);
            ui_text_entry *e2 = text_get(g, cut, e->px, st, box.w, align, c);
            if (e2 && e2->h <= box.h && e2->w <= box.w) {
                best = e2;
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        s = full;
        if (best) {
            e = best;
            g->ellipsized++;
            tip_add(g, box, s);
        }
    }
    bool over = e->h > box.h || e->w > box.w;
    if (over)
        ui_note_overflow(g, "box", s);
    text_record(g, s, e->px, st);
    int x = box.x;
    if (align == UI_CENTER && e->w < box.w)
        x = box.x + (box.w - e->w) / 2;
    else if (align == UI_RIGHT && e->w < box.w)
        x = box.x + box.w - e->w;
    blit(g, e, x, box.y, c, over ? &box : NULL);
    return e->h < box.h ? e->h : box.h;
}

/* ----------------------------------------------------------------- shapes */

void ui_fill(ui_gfx *g, SDL_Rect r, SDL_Color c)
{
    if (g->mode == UI_MODE_HASH) {
        hmix(g, 0xF111);
        hmix_rect(g, r);
        hmix(g, rgba_of(c));
        return;
    }
    if (g->mode == UI_MODE_DRAW)
        g->layer_shown = false; /* the window no longer shows just the layer */
    SDL_SetRenderDrawBlendMode(g->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(g->ren, &r);
}

#define ARC_SEG 6
#define UI_LINE_MAX_SPANS 8192 /* pixel rows of one line (ui_line) */
#define ROUND_PTS (4 * (ARC_SEG + 1))

/* Outline points of a rounded rectangle, clockwise from the top-left arc. */
static void round_points(SDL_FRect r, float rad, SDL_FPoint pts[ROUND_PTS])
{
    float maxr = (r.w < r.h ? r.w : r.h) / 2.0f;
    if (rad > maxr)
        rad = maxr;
    if (rad < 0)
        rad = 0;
    const float cx[4] = {r.x + rad, r.x + r.w - rad, r.x + r.w - rad, r.x + rad};
    const float cy[4] = {r.y + rad, r.y + rad, r.y + r.h - rad, r.y + r.h - rad};
    const float start[4] = {(float)M_PI, 1.5f * (float)M_PI, 0.0f, 0.5f * (float)M_PI};
    int k = 0;
    for (int c = 0; c < 4; c++)
        for (int i = 0; i <= ARC_SEG; i++) {
            float a = start[c] + (float)i * 0.5f * (float)M_PI / ARC_SEG;
            pts[k].x = cx[c] + rad * cosf(a);
            pts[k].y = cy[c] + rad * sinf(a);
            k++;
        }
}

static SDL_Vertex vtx(float x, float y, SDL_Color c)
{
    SDL_Vertex v;
    v.position.x = x;
    v.position.y = y;
    v.color = c;
    v.tex_coord.x = 0;
    v.tex_coord.y = 0;
    return v;
}

/* A disc of diameter d in colour c with anti-aliased edges (4x4
 * supersampling), made once per size and colour: circles and rounded
 * corners are texture copies, which the software renderer blends far
 * faster than it rasterises triangles, and they look smoother. The colour
 * is baked in (alpha = coverage x c.a / 255, as a colour and alpha
 * modulated copy would compute it): a modulated copy takes the renderer's
 * slow per-pixel path and rebuilds its blit mapping at every colour
 * change, which made a panel of chips and nodes cost milliseconds. */
static SDL_Texture *disc_tex(ui_gfx *g, int d, SDL_Color c)
{
    uint32_t rgba = rgba_of(c);
    for (int i = 0; i < g->n_discs; i++)
        if (g->discs[i].d == d && g->discs[i].rgba == rgba)
            return g->discs[i].tex;
    if (d < 1 || d > 2048)
        return NULL;
    if (g->n_discs == (int)(sizeof g->discs / sizeof g->discs[0])) {
        for (int i = 0; i < g->n_discs; i++)
            SDL_DestroyTexture(g->discs[i].tex);
        g->n_discs = 0;
    }
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, d, d, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    float r = (float)d / 2.0f;
    for (int y = 0; y < d; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < d; x++) {
            int in = 0;
            for (int sy = 0; sy < 4; sy++)
                for (int sx = 0; sx < 4; sx++) {
                    float fx = (float)x + ((float)sx + 0.5f) / 4.0f - r;
                    float fy = (float)y + ((float)sy + 0.5f) / 4.0f - r;
                    in += (fx * fx + fy * fy <= r * r) ? 1 : 0;
                }
            Uint32 a = (Uint32)(in * 255 / 16) * c.a / 255;
            row[x] = (a << 24) | ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
        }
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(g->ren, s);
    SDL_FreeSurface(s);
    if (!t)
        return NULL;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    g->discs[g->n_discs].d = d;
    g->discs[g->n_discs].rgba = rgba;
    g->discs[g->n_discs].tex = t;
    g->n_discs++;
    return t;
}

void ui_round(ui_gfx *g, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    if (g->mode == UI_MODE_HASH) {
        hmix(g, 0x60D0);
        hmix_rect(g, r);
        hmix(g, ((uint64_t)(uint32_t)radius << 32) | rgba_of(c));
        return;
    }
    if (g->mode == UI_MODE_DRAW)
        g->layer_shown = false; /* the window no longer shows just the layer */
    int maxr = (r.w < r.h ? r.w : r.h) / 2;
    if (radius > maxr)
        radius = maxr;
    if (radius <= 1) {
        ui_fill(g, r, c);
        return;
    }
    /* The software renderer rasterises triangles pixel by pixel but fills
     * rectangles with fast row copies: draw the body as three rectangles
     * and only the four corners as small triangle fans. */
    SDL_Rect mid = {r.x + radius, r.y, r.w - 2 * radius, r.h};
    SDL_Rect left = {r.x, r.y + radius, radius, r.h - 2 * radius};
    SDL_Rect right = {r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius};
    ui_fill(g, mid, c);
    if (left.h > 0) {
        ui_fill(g, left, c);
        ui_fill(g, right, c);
    }
    SDL_Texture *t = disc_tex(g, 2 * radius, c);
    if (!t)
        return;
    const SDL_Rect src[4] = {{0, 0, radius, radius},
                             {radius, 0, radius, radius},
                             {radius, radius, radius, radius},
                             {0, radius, radius, radius}};
    const SDL_Rect dst[4] = {{r.x, r.y, radius, radius},
                             {r.x + r.w - radius, r.y, radius, radius},
                             {r.x + r.w - radius, r.y + r.h - radius, radius, radius},
                             {r.x, r.y + r.h - radius, radius, radius}};
    for (int k = 0; k < 4; k++)
        SDL_RenderCopy(g->ren, t, &src[k], &dst[k]);
}

void ui_round_outline(ui_gfx *g, SDL_Rect r, int radius, int t, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0 || t <= 0)
        return;
    if (g->mode == UI_MODE_HASH) {
        hmix(g, 0x0071);
        hmix_rect(g, r);
        hmix(g, ((uint64_t)(uint32_t)radius << 32) | (uint32_t)t);
        hmix(g, rgba_of(c));
        return;
    }
    if (g->mode == UI_MODE_DRAW)
        g->layer_shown = false; /* the window no longer shows just the layer */
    SDL_FRect fo = {(float)r.x, (float)r.y, (float)r.w, (float)r.h};
    SDL_FRect fi = {fo.x + (float)t, fo.y + (float)t, fo.w - 2.0f * (float)t, fo.h - 2.0f * (float)t};
    SDL_FPoint po[ROUND_PTS], pi[ROUND_PTS];
    round_points(fo, (float)radius, po);
    round_points(fi, (float)(radius > t ? radius - t : 0), pi);
    SDL_Vertex v[2 * ROUND_PTS];
    int idx[ROUND_PTS * 6];
    for (int i = 0; i < ROUND_PTS; i++) {
        v[2 * i] = vtx(po[i].x, po[i].y, c);
        v[2 * i + 1] = vtx(pi[i].x, pi[i].y, c);
    }
    for (int i = 0; i < ROUND_PTS; i++) {
        int a = 2 * i, b = 2 * i + 1, n = 2 * ((i + 1) % ROUND_PTS), m = n + 1;
        int *q = &idx[i * 6];
        q[0] = a; q[1] = n; q[2] = b;
        q[3] = b; q[4] = n; q[5] = m;
    }
    SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(g->ren, NULL, v, 2 * ROUND_PTS, idx, ROUND_PTS * 6);
}

void ui_circle(ui_gfx *g, float cx, float cy, float radius, SDL_Color c)
{
    int d = (int)(radius * 2.0f + 0.5f);
    if (d < 1)
        return;
    if (g->mode == UI_MODE_HASH) {
        hmix(g, 0xC12C);
        hmix_float(g, cx);
        hmix_float(g, cy);
        hmix(g, ((uint64_t)(uint32_t)d << 32) | rgba_of(c));
        return;
    }
    if (g->mode == UI_MODE_DRAW)
        g->layer_shown = false; /* the window no longer shows just the layer */
    SDL_Texture *t = disc_tex(g, d, c);
    if (!t)
        return;
    SDL_Rect dst = {(int)(cx - (float)d / 2.0f + 0.5f), (int)(cy - (float)d / 2.0f + 0.5f), d, d};
    SDL_RenderCopy(g->ren, t, NULL, &dst);
}

/* Pixel coverage of a triangle as SDL's software rasteriser (SDL 2.0.18
 * and later, src/render/software/SDL_triangle.c) decides it, so that a
 * line drawn as spans has the pixels the same line drawn as geometry has:
 * vertices truncated to whole pixels in fixed point with one fraction bit,
 * pixel centres at +1/2, edge functions with the top-left rule. */
typedef struct {
    long long x, y;
} fp_point;

static long long fp_cross(fp_point a, fp_point b, long long cx, long long cy)
{
    return (b.x - a.x) * (cy - a.y) - (b.y - a.y) * (cx - a.x);
}

static bool fp_top_left(fp_point a, fp_point b, bool clockwise)
{
    if (clockwise)
        return (a.y == b.y && a.x < b.x) || b.y < a.y;
    return (a.y == b.y && b.x < a.x) || a.y < b.y;
}

static long long floor_div(long long a, long long b) /* b > 0 */
{
    long long q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* Appends the rows of triangle (d0, d1, d2) to spans; -1 when too many. */
static int tri_spans(fp_point d0, fp_point d1, fp_point d2, SDL_Rect *spans, int n, int max)
{
    long long area = fp_cross(d0, d1, d2.x, d2.y);
    if (area == 0)
        return n;
    bool cw = area > 0;
    long long sgn = cw ? 1 : -1;
    const fp_point ea[3] = {d1, d2, d0}, eb[3] = {d2, d0, d1};
    long long bias[3];
    for (int k = 0; k < 3; k++)
        bias[k] = fp_top_left(ea[k], eb[k], cw) ? 0 : -1;
    long long minx = d0.x < d1.x ? d0.x : d1.x, maxx = d0.x > d1.x ? d0.x : d1.x;
    long long miny = d0.y < d1.y ? d0.y : d1.y, maxy = d0.y > d1.y ? d0.y : d1.y;
    minx = d2.x < minx ? d2.x : minx;
    maxx = d2.x > maxx ? d2.x : maxx;
    miny = d2.y < miny ? d2.y : miny;
    maxy = d2.y > maxy ? d2.y : maxy;
    long long px0 = floor_div(minx, 2), py0 = floor_div(miny, 2);
    long long pw = (maxx - minx) / 2, ph = (maxy - miny) / 2;
    for (long long y = py0; y < py0 + ph; y++) {
        long long cy = 2 * y + 1;
        long long lo = px0, hi = px0 + pw - 1;
        /* inside edge k: C + K * x >= 0 for the pixel centre (2x+1, cy) */
        for (int k = 0; k < 3 && lo <= hi; k++) {
            fp_point a = ea[k], b = eb[k];
            long long C = sgn * ((b.x - a.x) * (cy - a.y) - (b.y - a.y) * (1 - a.x)) + bias[k];
            long long K = -sgn * (b.y - a.y) * 2;
            if (K == 0) {
                if (C < 0)
                    hi = lo - 1;
            } else if (K > 0) {
                long long from = -floor_div(C, K); /* ceil(-C / K) */
                if (from > lo)
                    lo = from;
            } else {
                long long to = floor_div(C, -K);
                if (to < hi)
                    hi = to;
            }
        }
        if (lo > hi)
            continue;
        if (n >= max || lo < -32768 || hi > 32767 || y < -32768 || y > 32767)
            return -1;
        spans[n++] = (SDL_Rect){(int)lo, (int)y, (int)(hi - lo + 1), 1};
    }
    return n;
}

/* The rows of the quad v drawn as triangles {0,1,2} and {0,2,3}; -1 when
 * it does not fit (the caller draws geometry instead). */
static int quad_spans(const SDL_Vertex v[4], SDL_Rect *spans, int max)
{
    fp_point p[4];
    for (int i = 0; i < 4; i++) {
        float x = v[i].position.x, y = v[i].position.y;
        if (!(x > -30000.0f && x < 30000.0f && y > -30000.0f && y < 30000.0f))
            return -1;
        p[i].x = (long long)(int)x * 2; /* SDL truncates toward zero */
        p[i].y = (long long)(int)y * 2;
    }
    int n = tri_spans(p[0], p[1], p[2], spans, 0, max);
    if (n >= 0)
        n = tri_spans(p[0], p[2], p[3], spans, n, max);
    return n;
}

void ui_line(ui_gfx *g, float x0, float y0, float x1, float y1, float t, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f)
        return;
    if (g->mode == UI_MODE_HASH) {
        hmix(g, 0x1111);
        hmix_float(g, x0);
        hmix_float(g, y0);
        hmix_float(g, x1);
        hmix_float(g, y1);
        hmix_float(g, t);
        hmix(g, rgba_of(c));
        return;
    }
    if (g->mode == UI_MODE_DRAW)
        g->layer_shown = false; /* the window no longer shows just the layer */
    float nx = -dy / len * t / 2, ny = dx / len * t / 2;
    SDL_Vertex v[4] = {vtx(x0 + nx, y0 + ny, c), vtx(x1 + nx, y1 + ny, c),
                       vtx(x1 - nx, y1 - ny, c), vtx(x0 - nx, y0 - ny, c)};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
    /* The software renderer fills a blended triangle through a scratch
     * surface as large as the triangle's bounding box and blends all of
     * it, so one long diagonal edge of the network cost a box of its
     * length squared (most of a network redraw). There the line is drawn
     * as one span per pixel row instead: the pixels SDL's rasteriser
     * would cover, blended by one SDL_RenderFillRects call. Axis-aligned
     * lines SDL draws as rectangles itself. */
    bool diagonal = nx != 0.0f && ny != 0.0f;
    if (g->software && diagonal && !g->spans)
        g->spans = malloc(UI_LINE_MAX_SPANS * sizeof *g->spans);
    if (g->software && diagonal && g->spans) {
        int n = quad_spans(v, g->spans, UI_LINE_MAX_SPANS);
        if (n >= 0) {
            SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, c.a);
            SDL_RenderFillRects(g->ren, g->spans, n);
            return;
        }
    }
    SDL_RenderGeometry(g->ren, NULL, v, 4, idx, 6);
}

SDL_Rect ui_panel_body(const ui_gfx *g, SDL_Rect r)
{
    /* ui_round's middle and side rectangles with ui_panel's radius */
    int rad = ui_px(g, 14);
    int maxr = (r.w < r.h ? r.w : r.h) / 2;
    if (rad > maxr)
        rad = maxr;
    SDL_Rect b = {r.x, r.y + rad, r.w, r.h - 2 * rad};
    if (b.w <= 0 || b.h <= 0 || rad <= 1)
        b = (SDL_Rect){0, 0, 0, 0};
    return b;
}

void ui_panel(ui_gfx *g, SDL_Rect r)
{
    int rad = ui_px(g, 14);
    /* only the strip below the panel shows of its shadow: blend just that */
    int off = ui_px(g, 3) > 0 ? ui_px(g, 3) : 1;
    SDL_Rect s = {r.x, r.y + r.h - rad * 2 + off, r.w, rad * 2};
    ui_round(g, s, rad, UI_SHADOW);
    ui_round(g, r, rad, UI_PANEL);
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

bool ui_draw_tooltip(ui_gfx *g, int x, int y)
{
    if (x < 0) {
        x = g->mouse_x;
        y = g->mouse_y;
    }
    const ui_tip *t = NULL;
    for (int i = g->n_tips - 1; i >= 0 && !t; i--) {
        SDL_Point p = {x, y};
        if (SDL_PointInRect(&p, &g->tips[i].r))
            t = &g->tips[i];
    }
    if (!t)
        return false;
    /* the whole text, wrapped in a box at most half the window wide, below
     * the line (above it near the bottom), kept inside the window */
    int px = ui_rule_px(g, UI_TR_READ);
    int pad = px / 2;
    int maxw = g->w / 2;
    int tw = 0, th = 0;
    ui_text_size(g, t->text, px, UI_REGULAR, &tw, &th);
    int w = tw < maxw ? tw : maxw;
    int h = ui_text_box_height(g, t->text, w, px, UI_REGULAR);
    SDL_Rect box = {t->r.x, t->r.y + t->r.h + pad / 2, w + 2 * pad, h + 2 * pad};
    if (box.y + box.h > g->h)
        box.y = t->r.y - box.h - pad / 2;
    if (box.y < 0)
        box.y = 0;
    if (box.x + box.w > g->w)
        box.x = g->w - box.w;
    if (box.x < 0)
        box.x = 0;
    ui_round(g, box, pad / 2, UI_INK);
    ui_text_box(g, t->text, (SDL_Rect){box.x + pad, box.y + pad, w, h + pad}, px, px, UI_REGULAR,
                UI_WHITE, UI_LEFT);
    return true;
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
        snprintf(err, err_len, _("Venstergrootte %dx%d kan niet: kies tussen 320x240 en 8192x8192."),
                 w, h);
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
    g->cache = calloc(UI_TEXT_CACHE, sizeof *g->cache);
    if (!g->cache) {
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
    if (g->layer)
        SDL_DestroyTexture(g->layer);
    g->layer = NULL;
    if (g->dim_layer)
        SDL_DestroyTexture(g->dim_layer);
    g->dim_layer = NULL;
    g->layer_n = 0;
    free(g->spans);
    g->spans = NULL;
    ui_gfx_flush_text(g);
    for (int i = 0; i < g->n_discs; i++)
        SDL_DestroyTexture(g->discs[i].tex);
    g->n_discs = 0;
    free(g->cache);
    g->cache = NULL;
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

/* ------------------------------------------------------- retained regions */

void ui_layer_invalidate(ui_gfx *g)
{
    g->layer_n = 0;
    g->layer_gen++;
}

static void layer_drop(ui_gfx *g)
{
    if (g->layer)
        SDL_DestroyTexture(g->layer);
    g->layer = NULL;
    if (g->dim_layer)
        SDL_DestroyTexture(g->dim_layer);
    g->dim_layer = NULL;
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
        layer_drop(g);
    if (g->layer && (g->layer_w != g->w || g->layer_h != g->h))
        layer_drop(g);
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
        hmix_rect(g, rg[i].clip);
        hmix_rect(g, rg[i].opaque);
        hmix(g, rgba_of(bg));
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
    uint32_t rgba = rgba_of(c);
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
