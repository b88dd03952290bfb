/* ui/gfx_shapes: filled and rounded rectangles, circles, lines and panels,
 * with the span rasteriser that keeps them pixel-exact on every renderer. */
#include "ui/gfx.h"
#include "ui/gfx_int.h"

#include <math.h>

#ifndef M_PI /* not in strict C11 */
#define M_PI 3.14159265358979323846
#endif
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------- shapes */

/* The words a shape mixes into the frame's hash: the same words
 * gfx_hmix_rect and gfx_hmix_float mix. */
static uint64_t word_xy(SDL_Rect r) { return ((uint64_t)(uint32_t)r.x << 32) | (uint32_t)r.y; }
static uint64_t word_wh(SDL_Rect r) { return ((uint64_t)(uint32_t)r.w << 32) | (uint32_t)r.h; }
static uint64_t word_float(float f)
{
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    return bits;
}

/* In the hash pass a shape only mixes its words into the frame's hash
 * (true: nothing to draw); in the draw pass the window no longer shows
 * just the layer. */
static bool shape_hashed(ui_gfx *g, const uint64_t *words, int n)
{
    if (g->mode == UI_MODE_HASH) {
        for (int i = 0; i < n; i++)
            gfx_hmix(g, words[i]);
        return true;
    }
    if (g->mode == UI_MODE_DRAW)
        g->layer_shown = false;
    return false;
}

void ui_fill(ui_gfx *g, SDL_Rect r, SDL_Color c)
{
    uint64_t words[] = {0xF111, word_xy(r), word_wh(r), gfx_rgba_of(c)};
    if (shape_hashed(g, words, 4))
        return;
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
    uint32_t rgba = gfx_rgba_of(c);
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
    uint64_t words[] = {0x60D0, word_xy(r), word_wh(r),
                        ((uint64_t)(uint32_t)radius << 32) | gfx_rgba_of(c)};
    if (shape_hashed(g, words, 4))
        return;
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
    uint64_t words[] = {0x0071, word_xy(r), word_wh(r),
                        ((uint64_t)(uint32_t)radius << 32) | (uint32_t)t, gfx_rgba_of(c)};
    if (shape_hashed(g, words, 5))
        return;
    SDL_FRect fo = {(float)r.x, (float)r.y, (float)r.w, (float)r.h};
    SDL_FRect fi = {fo.x + (float)t, fo.y + (float)t, fo.w - 2.0f * (float)t,
                    fo.h - 2.0f * (float)t};
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
    uint64_t words[] = {0xC12C, word_float(cx), word_float(cy),
                        ((uint64_t)(uint32_t)d << 32) | gfx_rgba_of(c)};
    if (shape_hashed(g, words, 4))
        return;
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
    uint64_t words[] = {0x1111,         word_float(x0), word_float(y0), word_float(x1),
                        word_float(y1), word_float(t),  gfx_rgba_of(c)};
    if (shape_hashed(g, words, 7))
        return;
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
