/* ui/gfx_text: text drawing through a texture cache: fitting, hyphenation,
 * ellipsis, wrapped boxes, and the tooltip that shows a clipped text whole. */
#include "ui/gfx.h"
#include "ui/gfx_int.h"

#include "platform/i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
bool gfx_text_cache_open(ui_gfx *g)
{
    g->cache = calloc(UI_TEXT_CACHE, sizeof *g->cache);
    return g->cache != NULL;
}

void gfx_text_cache_close(ui_gfx *g)
{
    ui_gfx_flush_text(g);
    free(g->cache);
    g->cache = NULL;
}

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

/* Width of the n bytes at s on one line. */
static int line_width(TTF_Font *f, const char *s, size_t n)
{
    char line[1400];
    if (n + 1 > sizeof line)
        n = sizeof line - 1;
    memcpy(line, s, n);
    line[n] = 0;
    int w = 0, h = 0;
    return TTF_SizeUTF8(f, line, &w, &h) == 0 ? w : 0;
}

size_t ui_wrap_break(TTF_Font *f, const char *s, int w, char *out, size_t cap)
{
    size_t o = 0;
    if (cap == 0)
        return 0;
    while (*s) {
        /* one paragraph: the words up to the next given line break */
        const char *p = s, *end = s + strcspn(s, "\n");
        size_t line0 = o; /* where the current output line starts */
        while (p < end) {
            const char *sp = p;
            while (p < end && *p == ' ')
                p++;
            size_t wn = strcspn(p, " \n");
            if (wn == 0)
                break; /* spaces at the paragraph's end */
            /* the start of a line drops the spaces before its word */
            size_t gap = o == line0 ? 0 : (size_t)(p - sp);
            if (o + gap + wn + 2 > cap)
                goto full;
            memcpy(out + o, sp + ((size_t)(p - sp) - gap), gap + wn);
            if (o > line0 && line_width(f, out + line0, o - line0 + gap + wn) > w) {
                /* the word to a new line, without the spaces before it */
                out[o++] = '\n';
                line0 = o;
                memcpy(out + o, p, wn);
                gap = 0;
            }
            o += gap + wn;
            p += wn;
            /* a word wider than a whole line (the callers hyphenate first;
             * this is the last resort SDL_ttf's wrapper took too): broken
             * after the last character that fits */
            while (o - line0 == wn && line_width(f, out + line0, o - line0) > w && o + 2 < cap) {
                size_t k = 0;
                for (size_t i = 1; i < o - line0; i++)
                    if (((unsigned char)out[line0 + i] & 0xC0) != 0x80 &&
                        line_width(f, out + line0, i) <= w)
                        k = i;
                if (k == 0)
                    break; /* not even one character fits */
                memmove(out + line0 + k + 1, out + line0 + k, o - line0 - k);
                out[line0 + k] = '\n';
                o++;
                line0 += k + 1;
                wn = o - line0;
            }
        }
        s = end;
        if (*s == '\n') {
            if (o + 2 > cap)
                goto full;
            out[o++] = '\n';
            s++;
        }
    }
full:
    out[o] = 0;
    return o;
}

/* s broken into lines at most wrap wide (ui_wrap_break), each rendered on
 * its own and stacked a line skip apart, aligned by al. SDL_ttf's own
 * wrapper is not used: it can start a line with the space it broke at,
 * and it counts a "\n" as a glyph, so a word that just fits gets an empty
 * line after it. NULL when nothing could be rendered. */
static SDL_Surface *render_wrapped(TTF_Font *f, const char *s, SDL_Color col, int wrap,
                                   ui_align al)
{
    char broken[1400];
    ui_wrap_break(f, s, wrap, broken, sizeof broken);
    enum { MAX_LINES = 64 };
    SDL_Surface *lines[MAX_LINES];
    int n = 0, w = 1;
    for (char *p = broken; n < MAX_LINES;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        lines[n] = *p ? TTF_RenderUTF8_Blended(f, p, col) : NULL;
        if (lines[n] && lines[n]->w > w)
            w = lines[n]->w;
        n++;
        if (!nl)
            break;
        p = nl + 1;
    }
    /* as high as SDL_ttf's wrapper makes it: the last line a font height */
    int skip = TTF_FontLineSkip(f);
    int h = skip * (n - 1) + TTF_FontHeight(f);
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int i = 0; i < n; i++) {
        if (out && lines[i]) {
            int x = al == UI_CENTER ? (w - lines[i]->w) / 2 : al == UI_RIGHT ? w - lines[i]->w : 0;
            SDL_Rect at = {x, i * skip, lines[i]->w, lines[i]->h};
            SDL_SetSurfaceBlendMode(lines[i], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(lines[i], NULL, out, &at);
        }
        SDL_FreeSurface(lines[i]);
    }
    return out;
}

/* The cached texture of s, rendering it on a miss. NULL when s is empty or
 * the font cannot render it. */
static ui_text_entry *text_get(ui_gfx *g, const char *s, int px, ui_style st, int wrap,
                               ui_align al, SDL_Color col)
{
    if (!s || !*s || !g->cache)
        return NULL;
    uint32_t rgba = gfx_rgba_of(col);
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
    TTF_Font *f = gfx_font_get(g, px, st);
    if (!f)
        return NULL;
    SDL_Color white = col;
    SDL_Surface *surf;
    if (wrap > 0) {
        surf = render_wrapped(f, s, white, wrap, al);
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
    *e = (ui_text_entry){.hash = h, .str = copy, .px = px, .style = st, .wrap = wrap,
                         .align = al, .rgba = rgba, .tex = tex, .w = w, .h = hh,
                         .last_used = g->frame};
    g->cache_used++;
    return e;
}

static void blit(ui_gfx *g, ui_text_entry *e, int x, int y, SDL_Color c, const SDL_Rect *clip)
{
    (void)c; /* baked into the texture */
    if (g->mode == UI_MODE_HASH) {
        gfx_hmix(g, 0x7E47);
        gfx_hmix(g, e->hash);
        gfx_hmix(g, ((uint64_t)(uint32_t)e->w << 32) | (uint32_t)e->h);
        gfx_hmix(g, ((uint64_t)(uint32_t)x << 32) | (uint32_t)y);
        if (clip)
            gfx_hmix_rect(g, *clip);
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
    TTF_Font *f = gfx_font_get(g, px, st);
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
const int ui_rule_share_milli[UI_TR_COUNT] = {20, 30, 20};

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
    int target_milli = ui_rule_share_milli[role] * g->h; /* cap * 1000 must reach this */
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
    /* e points into the cache, which a later text_get may rebuild: keep
     * the size and the text shown, and fetch the entry again to draw it */
    int epx = e->px;
    const char *shown = s;
    char cut[1024];
    if (max_w > 0 && e->w > max_w) {
        /* still too wide at the smallest size: end with "…" rather than cut */
        size_t n = strlen(s) < sizeof cut - 4 ? strlen(s) : sizeof cut - 4;
        while (n > 0) {
            do
                n--;
            while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80);
            while (n > 0 && s[n - 1] == ' ')
                n--;
            memcpy(cut, s, n);
            memcpy(cut + n, "…", 4);
            ui_text_entry *e2 = text_get(g, cut, epx, st, 0, UI_LEFT, c);
            if (e2 && e2->w <= max_w) {
                shown = cut;
                g->ellipsized++;
                ellipsized = true;
                break;
            }
        }
    }
    e = text_get(g, shown, epx, st, 0, UI_LEFT, c);
    if (!e)
        return 0;
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

int ui_text_last_line_w(ui_gfx *g, const char *s, int w, int px, ui_style st)
{
    int floor = ui_rule_px(g, g->text_role);
    TTF_Font *f = gfx_font_get(g, px < floor ? floor : px, st);
    if (!f || !s)
        return 0;
    char broken[1400];
    ui_wrap_break(f, s, w, broken, sizeof broken);
    const char *last = strrchr(broken, '\n');
    int lw = 0, lh = 0;
    TTF_SizeUTF8(f, last ? last + 1 : broken, &lw, &lh);
    return lw;
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
    TTF_Font *f = gfx_font_get(g, px, st);
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

/* Consonant clusters a Dutch word can start with, longest first: the
 * longest one before a vowel starts the next syllable ("ge-sprek",
 * "we-ten-schap", "in-struc-tie", "verwerkings-snelheid", "la-chen"). */
static bool is_onset(const char *s, size_t n)
{
    static const char *const onsets[] = {"schr", "sch", "spr", "str", "spl", "skr", "bl", "br",
                                         "ch",   "dr",  "fl",  "fr",  "gl",  "gr",  "kl", "kr",
                                         "pl",   "pr",  "sl",  "sp",  "st",  "tr",  "vl", "vr",
                                         "zw",   "sn",  "sm",  "sk"};
    for (size_t i = 0; i < sizeof onsets / sizeof onsets[0]; i++) {
        size_t k = strlen(onsets[i]);
        if (k != n)
            continue;
        size_t j = 0;
        while (j < k && tolower((unsigned char)s[j]) == onsets[i][j])
            j++;
        if (j == k)
            return true;
    }
    return false;
}

static bool is_ascii_consonant(unsigned char c)
{
    return c < 0x80 && isalpha(c) && !is_vowel(c);
}

/* Where the syllable whose vowel follows the consonant at `at` starts:
 * before the longest onset that ends the consonants before it. A gap of
 * s + onset alone ("luis-te-ren", "lees-ple-zier", "kos-ten") keeps the s
 * on the left, except after the prefix ge- or be- ("ge-sprek",
 * "be-staan"; so "be-sten" too). 0 when the consonants start the word. */
static size_t syllable_start(const char *word, size_t at)
{
    size_t first = at;
    while (first > 0 && is_ascii_consonant((unsigned char)word[first - 1]))
        first--;
    if (first == 0)
        return 0;
    size_t start = at;
    for (size_t s = first; s < at; s++)
        if (is_onset(word + s, at + 1 - s)) {
            start = s;
            break;
        }
    /* the prefix: "ge" or "be" at the start or after a consonant
     * ("Klas-ge-sprek") */
    size_t p = first - 2;
    bool prefix = first >= 2 && tolower((unsigned char)word[first - 1]) == 'e' &&
                  (tolower((unsigned char)word[p]) == 'g' ||
                   tolower((unsigned char)word[p]) == 'b') &&
                  (p == 0 || is_ascii_consonant((unsigned char)word[p - 1]));
    if (start == first && start < at && tolower((unsigned char)word[start]) == 's' && !prefix)
        start = is_onset(word + start + 1, at - start) ? start + 1 : at;
    return start;
}

/* Where to break the n bytes of word so that word[0..cut) and a hyphen fit
 * in w, moved back to where a syllable likely starts; 0 when not even one
 * character fits. */
static size_t hyphen_cut(TTF_Font *f, const char *word, size_t n, int w)
{
    size_t cut = 0;
    int ww = 0, wh = 0;
    for (size_t i = 1; i < n && i < 250; i++) {
        if (((unsigned char)word[i] & 0xC0) == 0x80)
            continue;
        char part[256];
        memcpy(part, word, i);
        memcpy(part + i, "-", 2);
        if (TTF_SizeUTF8(f, part, &ww, &wh) != 0 || ww > w)
            break;
        cut = i;
    }
    /* a Dutch syllable mostly starts with the consonant before a vowel
     * ("gedifferen-tieerde"), or with the onset it ends ("ge-sprek"): move
     * back to one, at most five, keeping two letters on the first line */
    for (size_t back = 0; back + 2 <= cut && back <= 5; back++) {
        /* the consonants from cut - back up to the next vowel; a cut inside
         * them ("Ges|prek") moves back to their syllable's start too */
        size_t end = cut - back;
        while (end < n && is_ascii_consonant((unsigned char)word[end]))
            end++;
        if (end > cut - back && end < n && is_vowel((unsigned char)word[end])) {
            size_t start = syllable_start(word, end - 1);
            if (start >= 2 && start <= cut)
                return start;
        }
    }
    return cut;
}

/* Appends the n bytes of src and then tail to out (o bytes used, cap in
 * all); false when they do not fit. */
static bool put(char *out, size_t cap, size_t *o, const char *src, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    if (*o + n + t + 1 > cap)
        return false;
    memcpy(out + *o, src, n);
    memcpy(out + *o + n, tail, t);
    *o += n + t;
    return true;
}

/* Breaks one word wider than w over as many lines as it needs: at its own
 * hyphen ("Co-teaching") where that fits, else after the longest part that
 * fits with a hyphen. False when out is full. */
static bool hyphenate_word(TTF_Font *f, const char *word, size_t n, int w, char *out,
                           size_t cap, size_t *o)
{
    while (n > 0) {
        char whole[256];
        int ww = 0, wh = 0;
        snprintf(whole, sizeof whole, "%.*s", (int)n, word);
        if (n >= sizeof whole || (TTF_SizeUTF8(f, whole, &ww, &wh) == 0 && ww <= w))
            return put(out, cap, o, word, n, "");
        size_t cut = hyphen_cut(f, word, n, w);
        const char *own = memchr(word, '-', n);
        if (own && own > word && (size_t)(own - word) <= cut && (size_t)(own - word) + 1 < n) {
            size_t at = (size_t)(own - word) + 1;
            if (!put(out, cap, o, word, at, "\n"))
                return false;
            word += at;
            n -= at;
            continue;
        }
        if (cut == 0)
            return put(out, cap, o, word, n, "");
        if (!put(out, cap, o, word, cut, "-\n"))
            return false;
        word += cut;
        n -= cut;
    }
    return true;
}

/* Hyphenates the words of s that are wider than w at px (see
 * hyphenate_word); the other words and the spaces stay as they are. */
void ui_hyphenate(ui_gfx *g, const char *s, int px, ui_style st, int w, char *out,
                      size_t cap)
{
    TTF_Font *f = gfx_font_get(g, px, st);
    size_t o = 0;
    while (*s && o + 1 < cap) {
        size_t n = strcspn(s, " \n");
        bool done = f && n > 1 && n < 250 ? hyphenate_word(f, s, n, w, out, cap, &o)
                                          : put(out, cap, &o, s, n, "");
        if (!done)
            break;
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
    char hy[1400], laid[1400] = "";
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
        if (e2) {
            e = e2;
            snprintf(laid, sizeof laid, "%s", str);
        }
        if (!e2 || p <= min_px || (e->h <= box.h && e->w <= box.w))
            break;
    }
    if (!e)
        return 0;
    /* e points into the cache, which a later text_get may rebuild: keep
     * its size and the text it shows, and fetch it again to draw it */
    int epx = e->px;
    const char *shown = laid;
    char best_text[1400];
    if (e->h > box.h && e->w <= box.w) {
        /* still too long at the smallest size: the words that fit, ending
         * in "…" (the whole text shows on hover), rather than a cut line */
        char cut[1400];
        const char *full = s;
        s = laid; /* cut the text as laid out (hyphenated words stay so) */
        size_t lo = 0, hi = strlen(s);
        bool best = false;
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
            ui_text_entry *e2 = text_get(g, cut, epx, st, box.w, align, c);
            if (e2 && e2->h <= box.h && e2->w <= box.w) {
                best = true;
                snprintf(best_text, sizeof best_text, "%s", cut);
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        s = full;
        if (best) {
            shown = best_text;
            g->ellipsized++;
            tip_add(g, box, s);
        }
    }
    e = text_get(g, shown, epx, st, box.w, align, c);
    if (!e)
        return 0;
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
