/* ui/widgets: pieces shared by the projector, the player screen and the
 * start window (role chips, meters, the network graph, names). */
#include "ui/screens.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <math.h>

#ifndef M_PI /* not in strict C11 */
#define M_PI 3.14159265358979323846
#endif
#include <stdio.h>
#include <string.h>

/* The core names phases, levels and kinds in Dutch, as msgids marked N_()
 * in core_names.c; they are translated here, where they are shown. */
const char *ui_phase_name(core_phase p)
{
    return (p >= 0 && p < CORE_PHASE_COUNT) ? _(core_phase_name(p)) : "?";
}

const char *ui_level_name(core_collab_level l)
{
    return (l >= 0 && l < CORE_LEVEL_COUNT) ? _(core_level_name(l)) : "?";
}

const char *ui_kind_name(core_knowledge_kind k)
{
    return (k >= 0 && k < CORE_KIND_COUNT) ? _(core_kind_name(k)) : "?";
}

SDL_Rect ui_r(const ui_gfx *g, float x, float y, float w, float h)
{
    /* x and w are in the 1920-wide design; a narrower canvas (16:10, 4:3)
     * takes them proportionally, so a layout fills the whole screen */
    float cw = g->canvas_w > 0 ? g->canvas_w : 1920.0f;
    float sx = cw / 1920.0f;
    float ox = ((float)g->w - cw * g->u) / 2.0f;
    float oy = ((float)g->h - 1080.0f * g->u) / 2.0f;
    SDL_Rect r;
    int x0 = (int)(ox + x * sx * g->u + 0.5f);
    int x1 = (int)(ox + (x + w) * sx * g->u + 0.5f);
    r.x = x0;
    r.y = (int)(oy + y * g->u + 0.5f);
    r.w = x1 - x0;
    r.h = (int)(h * g->u + 0.5f);
    return r;
}

int ui_body_min(ui_gfx *g)
{
    /* the projector draws in UI_TR_BODY, the player window in UI_TR_READ */
    return ui_rule_px(g, g->text_role);
}

void ui_draw_background(ui_gfx *g)
{
    SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(g->ren, UI_BG.r, UI_BG.g, UI_BG.b, 255);
    SDL_RenderClear(g->ren);
}

void ui_fmt_decimal(char *out, size_t len, double v)
{
    if (!isfinite(v))
        v = 0;
    snprintf(out, len, "%.2f", v);
    if (strcmp(plat_i18n_lang(), "en") != 0)
        for (char *p = out; *p; p++)
            if (*p == '.')
                *p = ',';
}

/* The short label inside a role chip: the level's badge, always next to (or
 * in the same view as) the full role name. */
void ui_role_initials(const core_scenario *sc, int role, char out[8])
{
    out[0] = '?';
    out[1] = 0;
    if (!sc || role < 0 || role >= sc->n_roles)
        return;
    if (sc->role_badges[role][0]) { /* the level's `afkorting` (or the loader's default) */
        /* the loader allows 4 characters; cut at a whole UTF-8 character */
        size_t n = strnlen(sc->role_badges[role], 7);
        while (n > 0 && n < strlen(sc->role_badges[role]) && ((unsigned char)sc->role_badges[role][n] & 0xC0) == 0x80)
            n--;
        memcpy(out, sc->role_badges[role], n);
        out[n] = 0;
        return;
    }
    /* a scenario built without the loader (tests, old journals): the default */
    char badge[CORE_BADGE_LEN];
    core_role_default_badge(sc->roles[role].id, sc->roles[role].name, badge);
    snprintf(out, 8, "%.7s", badge);
}

static SDL_Color role_colour(const core_scenario *sc, int role)
{
    if (!sc || role < 0 || role >= sc->n_roles)
        return UI_LINE;
    return ui_role_colour(sc->roles[role].colour);
}

int ui_role_chip_width(ui_gfx *g, const core_scenario *sc, int role, int size)
{
    int least = ui_rule_px(g, g->text_role) * 6 / 5;
    if (size < least)
        size = least;
    char ini[8];
    ui_role_initials(sc, role, ini);
    int tw = 0, th = 0;
    ui_text_size(g, ini, size * 11 / 20, UI_BOLD, &tw, &th);
    /* the initials are read too: at the rule's size a small chip widens */
    int w = tw + size / 3;
    return w > size ? w : size;
}

int ui_role_chip(ui_gfx *g, const core_scenario *sc, int role, int x, int y, int size)
{
    /* the initials are drawn at least at the rule's size: a chip too low
     * for them grows around its centre line rather than let them stick out */
    int least = ui_rule_px(g, g->text_role) * 6 / 5;
    if (size < least) {
        y -= (least - size) / 2;
        size = least;
    }
    SDL_Color c = role_colour(sc, role);
    int w = ui_role_chip_width(g, sc, role, size);
    SDL_Rect r = {x, y, w, size};
    ui_round(g, r, size / 4, c);
    char ini[8];
    ui_role_initials(sc, role, ini);
    int px = size * 11 / 20;
    int tw = 0, th = 0;
    ui_text_size(g, ini, px, UI_BOLD, &tw, &th);
    ui_text(g, ini, x + w / 2, y + (size - th) / 2, px, px, UI_BOLD, ui_ink_on(c), UI_CENTER,
            w);
    return w;
}

void ui_draw_meter(ui_gfx *g, SDL_Rect r, const char *label, int value, int max,
                   SDL_Color fill, int px)
{
    int th = 0, tw = 0;
    ui_text_size(g, label, px, UI_BOLD, &tw, &th);
    char num[32];
    snprintf(num, sizeof num, "%d / %d", value, max);
    int nw = 0, nh = 0;
    ui_text_size(g, num, px, UI_BOLD, &nw, &nh);
    if (tw + nw + px / 3 > r.w) {
        /* narrow (4:3): the whole label and the value, the bar shows the
         * maximum, rather than "Welbe… 4 / 18" */
        snprintf(num, sizeof num, "%d", value);
        ui_text_size(g, num, px, UI_BOLD, &nw, &nh);
    }
    ui_text(g, label, r.x, r.y, px, ui_body_min(g), UI_BOLD, UI_INK, UI_LEFT, r.w - nw - px / 3);
    ui_text(g, num, r.x + r.w, r.y, px, px, UI_BOLD, UI_INK, UI_RIGHT, 0);
    int by = r.y + th + ui_px(g, 6);
    int bh = r.y + r.h - by;
    if (bh < ui_px(g, 8))
        bh = ui_px(g, 8);
    SDL_Rect bar = {r.x, by, r.w, bh};
    ui_round(g, bar, bh / 2, UI_PANEL_ALT);
    if (max > 0 && value > 0) {
        int v = value > max ? max : value;
        SDL_Rect f = {r.x, by, (int)((long)r.w * v / max), bh};
        if (f.w < bh)
            f.w = bh;
        ui_round(g, f, bh / 2, fill);
    }
    /* ticks so that the value reads without colour */
    for (int i = 1; i < max && max <= 12; i++) {
        int tx = r.x + (int)((long)r.w * i / max);
        SDL_Rect t = {tx, by, ui_px(g, 2) > 0 ? ui_px(g, 2) : 1, bh};
        ui_fill(g, t, (SDL_Color){0xFF, 0xFF, 0xFF, 0xB0});
    }
}

bool ui_draw_level_meter(ui_gfx *g, SDL_Rect r, core_collab_level level, int px)
{
    int gap = ui_px(g, 6);
    int seg = (r.w - gap * (CORE_LEVEL_COUNT - 1)) / CORE_LEVEL_COUNT;
    /* Labels inside the steps only when every one fits at this size; the
     * caller names the current level otherwise. */
    bool labels = true;
    for (int i = 0; i < CORE_LEVEL_COUNT; i++) {
        int tw = 0, th = 0;
        ui_text_size(g, ui_level_name((core_collab_level)i), px, UI_BOLD, &tw, &th);
        if (tw > seg - ui_px(g, 12))
            labels = false;
    }
    static const SDL_Color fills[CORE_LEVEL_COUNT] = {
        {0x9A, 0xA5, 0xAD, 0xFF}, {0x56, 0xB4, 0xE9, 0xFF},
        {0x00, 0x72, 0xB2, 0xFF}, {0x00, 0x9E, 0x73, 0xFF}};
    for (int i = 0; i < CORE_LEVEL_COUNT; i++) {
        SDL_Rect s = {r.x + i * (seg + gap), r.y, seg, r.h};
        bool on = (int)level >= i;
        bool cur = (int)level == i;
        ui_round(g, s, ui_px(g, 8), on ? fills[i] : UI_PANEL_ALT);
        if (cur)
            ui_round_outline(g, s, ui_px(g, 8), ui_px(g, 4), UI_INK);
        if (!labels) {
            char num[16];
            snprintf(num, sizeof num, "%d", i + 1);
            int nw = 0, nh = 0;
            ui_text_size(g, num, px, UI_BOLD, &nw, &nh);
            ui_text(g, num, s.x + s.w / 2, s.y + (s.h - nh) / 2, px, px, UI_BOLD,
                    on ? ui_ink_on(fills[i]) : UI_INK_SOFT, UI_CENTER, s.w);
            continue;
        }
        SDL_Color ink = on ? ui_ink_on(fills[i]) : UI_INK_SOFT;
        int tw = 0, th = 0;
        ui_text_size(g, ui_level_name((core_collab_level)i), px, cur ? UI_BOLD : UI_REGULAR, &tw,
                     &th);
        ui_text(g, ui_level_name((core_collab_level)i), s.x + s.w / 2, s.y + (s.h - th) / 2, px,
                px, cur ? UI_BOLD : UI_REGULAR, ink, UI_CENTER, s.w - ui_px(g, 8));
    }
    return labels;
}

/* Whether the segment a-b passes through rectangle r (Liang–Barsky). */
static bool seg_hits_rect(float ax, float ay, float bx, float by, SDL_Rect r)
{
    float t0 = 0.0f, t1 = 1.0f, dx = bx - ax, dy = by - ay;
    const float p[4] = {-dx, dx, -dy, dy};
    const float q[4] = {ax - (float)r.x, (float)(r.x + r.w) - ax, ay - (float)r.y,
                        (float)(r.y + r.h) - ay};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0f) {
            if (q[i] < 0.0f)
                return false;
            continue;
        }
        float t = q[i] / p[i];
        if (p[i] < 0.0f) {
            if (t > t1)
                return false;
            if (t > t0)
                t0 = t;
        } else {
            if (t < t0)
                return false;
            if (t < t1)
                t1 = t;
        }
    }
    return t0 < t1;
}

/* Where the ring's nodes stand, for the helpers of ui_draw_network. */
typedef struct {
    SDL_Rect r;
    int n_seats;
    const uint16_t (*edges)[CORE_MAX_SEATS];
    float px[CORE_MAX_SEATS], py[CORE_MAX_SEATS];
    float node;     /* node radius */
    float cx, cy;   /* centre of the ring */
    int label_px;
} net_layout;

/* The edges, as thick as their weight against the heaviest. */
static void net_edges(ui_gfx *g, const net_layout *L)
{
    int n_seats = L->n_seats;
    const uint16_t(*edges)[CORE_MAX_SEATS] = L->edges;
    const float *px = L->px, *py = L->py;
    int maxw = 1;
    for (int i = 0; i < n_seats; i++)
        for (int j = i + 1; j < n_seats; j++)
            if (edges[i][j] > maxw)
                maxw = edges[i][j];
    for (int i = 0; i < n_seats; i++)
        for (int j = i + 1; j < n_seats; j++) {
            int w = edges[i][j];
            if (w <= 0)
                continue;
            float t = (float)ui_px(g, 3) + (float)ui_px(g, 14) * (float)w / (float)maxw;
            SDL_Color c = UI_ACCENT;
            c.a = (Uint8)(110 + 140 * w / maxw);
            ui_line(g, px[i], py[i], px[j], py[j], t, c);
        }
}

/* Seat i's role name beside its node, where the fewest edges cross it. */
static void net_label(ui_gfx *g, const core_scenario *sc, const net_layout *L, int i, int role)
{
    SDL_Rect r = L->r;
    int n_seats = L->n_seats, label_px = L->label_px;
    const uint16_t(*edges)[CORE_MAX_SEATS] = L->edges;
    const float *px = L->px, *py = L->py;
    float node = L->node, cx = L->cx, cy = L->cy;
    const char *name = (role >= 0 && role < sc->n_roles) ? sc->roles[role].name : "?";
    int lw = n_seats > 4 ? r.w / 3 : r.w / 2 - ui_px(g, 8);
    int nw = 0, nh = 0;
    ui_text_size(g, name, label_px, UI_BOLD, &nw, &nh);
    if (nw > lw)
        nw = lw;
    /* Where the name goes: under the node, above it, or beside it on
     * the outer side, whichever no edge runs through (a top node tries
     * above first); the edges are chords of the ring, so the outer side
     * is free unless the label leaves the panel. */
    int gap = ui_px(g, 4);
    SDL_Rect cand[3];
    float dir = px[i] >= cx ? 1.0f : -1.0f;
    SDL_Rect below = {(int)px[i] - nw / 2, (int)(py[i] + node) + gap, nw, nh};
    SDL_Rect above = {(int)px[i] - nw / 2, (int)(py[i] - node) - gap - nh, nw, nh};
    SDL_Rect side = {dir > 0 ? (int)(px[i] + node) + gap : (int)(px[i] - node) - gap - nw,
                     (int)py[i] - nh / 2, nw, nh};
    bool top = py[i] < cy - 1.0f;
    cand[0] = top ? above : below;
    cand[1] = top ? below : above;
    cand[2] = side;
    int best = 0, best_hits = 1 << 20;
    for (int k = 0; k < 3; k++) {
        SDL_Rect cr = cand[k];
        if (cr.x < r.x)
            cr.x = r.x;
        if (cr.x + cr.w > r.x + r.w)
            cr.x = r.x + r.w - cr.w;
        int hits = (cr.y < r.y || cr.y + cr.h > r.y + r.h) ? 1000 : 0;
        for (int a = 0; a < n_seats; a++)
            for (int b = a + 1; b < n_seats; b++)
                if (edges[a][b] > 0 && seg_hits_rect(px[a], py[a], px[b], py[b], cr))
                    hits++;
        /* another node's disc under the label counts too */
        for (int o = 0; o < n_seats; o++) {
            SDL_Rect disc = {(int)(px[o] - node), (int)(py[o] - node), (int)(2 * node),
                             (int)(2 * node)};
            if (o != i && SDL_HasIntersection(&cr, &disc))
                hits += 1000;
        }
        cand[k] = cr;
        if (hits < best_hits) {
            best_hits = hits;
            best = k;
        }
    }
    if (best_hits > 0 && g->mode != UI_MODE_REPLAY)
        g->label_crossings++;
    SDL_Rect lab = cand[best];
    SDL_Rect pill = {lab.x - ui_px(g, 6), lab.y, lab.w + ui_px(g, 12), lab.h};
    ui_round(g, pill, nh / 3, (SDL_Color){0xFF, 0xFF, 0xFF, 0xE0});
    ui_text(g, name, lab.x + lab.w / 2, lab.y, label_px, label_px, UI_BOLD, UI_INK, UI_CENTER,
            lab.w);
}

/* The nodes on an ellipse, an equal stretch of its outline apart (on a
 * flat ellipse equal angles would crowd the nodes at its ends). Turned by
 * half a step, so no node sits at the far left or right (where a name
 * beside it would run into the panel edge) and the names above the upper
 * nodes and under the lower ones are outside the ring, clear of every edge. */
enum { RING_STEPS = 720 };

/* The unit circle at RING_STEPS + 1 angles from the top, clockwise: the
 * table ring_place walks for every ellipse it tries. */
typedef struct {
    float c[RING_STEPS + 1], s[RING_STEPS + 1];
} ring_angles;

static void ring_angles_init(ring_angles *t)
{
    float a0 = -(float)M_PI / 2.0f;
    for (int k = 0; k <= RING_STEPS; k++) {
        float a = a0 + 2.0f * (float)M_PI * (float)k / RING_STEPS;
        t->c[k] = cosf(a);
        t->s[k] = sinf(a);
    }
}

static void ring_place(const ring_angles *t, int n, float cx, float cy, float rx, float ry, float *px,
                       float *py)
{
    float len[RING_STEPS + 1];
    len[0] = 0.0f;
    for (int k = 1; k <= RING_STEPS; k++) {
        float dx = rx * (t->c[k] - t->c[k - 1]), dy = ry * (t->s[k] - t->s[k - 1]);
        len[k] = len[k - 1] + sqrtf(dx * dx + dy * dy);
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        float want = len[RING_STEPS] * ((float)i + 0.5f) / (float)n;
        while (k < RING_STEPS && len[k + 1] < want)
            k++;
        px[i] = cx + rx * t->c[k];
        py[i] = cy + ry * t->s[k];
    }
}

/* The radius a node needs for the widest of the seats' initials to stand
 * inside its circle at px (the corners of the text's capital box too). */
static float node_fit_radius(ui_gfx *g, const core_scenario *sc, int n_seats, int px)
{
    float need = 0.0f;
    int cap = ui_cap_height(g, px, UI_BOLD);
    for (int i = 0; i < n_seats && i < CORE_MAX_SEATS; i++) {
        char ini[8];
        ui_role_initials(sc, sc->seat_roles[i], ini);
        int tw = 0, th = 0;
        ui_text_size(g, ini, px, UI_BOLD, &tw, &th);
        float rr = sqrtf((float)(tw * tw + cap * cap)) / 2.0f + (float)ui_px(g, 3);
        if (rr > need)
            need = rr;
    }
    return need;
}

/* Whether n nodes of radius node (with their outline) stand apart when
 * ring_place puts them on an ellipse rx by ry. */
static bool ring_holds(const ui_gfx *g, const ring_angles *t, int n, float node, float rx, float ry)
{
    float px[CORE_MAX_SEATS], py[CORE_MAX_SEATS];
    if (n < 2 || n > CORE_MAX_SEATS)
        return true;
    ring_place(t, n, 0.0f, 0.0f, rx, ry, px, py);
    float span = 2.0f * (node + (float)ui_px(g, 3)); /* the outlines may meet, not cross */
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (hypotf(px[i] - px[j], py[i] - py[j]) < span)
                return false;
    return true;
}

int ui_network_min_width(ui_gfx *g, const core_scenario *sc, int n_seats, int h)
{
    if (!sc || n_seats <= 0)
        return 0;
    char initials[8][8] = {{0}};
    for (int i = 0; i < n_seats && i < 8; i++)
        ui_role_initials(sc, sc->seat_roles[i], initials[i]);
    int px = ui_body_min(g);
    for (int k = 0; k < 4; k++) {
        const ui_net_min_memo *e = &g->net_min[k];
        if (e->width > 0 && e->n_seats == n_seats && e->h == h && e->w == g->w && e->px == px &&
            memcmp(e->initials, initials, sizeof initials) == 0)
            return e->width;
    }
    float node = node_fit_radius(g, sc, n_seats, px);
    float edge = node + (float)ui_px(g, 4);
    float ry = (float)h / 2.0f - edge;
    if (ry < 0.0f)
        ry = 0.0f;
    /* the narrowest ellipse of that height on which the nodes stand apart
     * (a short panel makes a wide one); at most the window's width */
    float rx = ry > node ? ry : node;
    ring_angles t;
    ring_angles_init(&t);
    while (!ring_holds(g, &t, n_seats, node, rx, ry) && 2.0f * (rx + edge) < (float)g->w)
        rx += (float)ui_px(g, 4) + 1.0f;
    int width = (int)(2.0f * (rx + edge) + 0.5f);
    ui_net_min_memo *e = &g->net_min[g->net_min_next];
    g->net_min_next = (g->net_min_next + 1) % 4;
    e->n_seats = n_seats;
    e->h = h;
    e->w = g->w;
    e->px = px;
    memcpy(e->initials, initials, sizeof initials);
    e->width = width;
    return width;
}

/* Where the network's nodes go in r: whether names stand under them, the
 * nodes' radius and the ellipse they sit on. Remembered in g with what it
 * depends on: the retained layer runs the draw code every frame to hash
 * it, and the search below is the costly part. */
static void net_geometry(ui_gfx *g, SDL_Rect r, const core_scenario *sc, int n_seats, int label_px,
                         bool *labels_out, float *node_out, float *rx_out, float *ry_out)
{
    char initials[8][8] = {{0}};
    for (int i = 0; i < n_seats && i < 8; i++)
        ui_role_initials(sc, sc->seat_roles[i], initials[i]);
    if (g->net_geom.valid && g->net_geom.n_seats == n_seats && g->net_geom.px == label_px &&
        g->net_geom.w == g->w && g->net_geom.h == g->h &&
        SDL_RectEquals(&g->net_geom.r, &r) && memcmp(g->net_geom.initials, initials, sizeof initials) == 0) {
        *labels_out = g->net_geom.labels;
        *node_out = g->net_geom.node;
        *rx_out = g->net_geom.rx;
        *ry_out = g->net_geom.ry;
        return;
    }
    bool labels = n_seats <= 5;
    float node = 0.0f, rx = 0.0f, ry = 0.0f;
    float fit = node_fit_radius(g, sc, n_seats, label_px);
    ring_angles t;
    ring_angles_init(&t);
    for (int pass = 0; pass < 2; pass++) {
        float lab_h = labels ? (float)label_px * 1.3f : 0.0f;
        node = (float)(r.h < r.w ? r.h : r.w) * (labels ? 0.085f : 0.075f);
        /* the initials inside a node are read too (size rule): the node is
         * as large as they need at that size */
        if (node < fit)
            node = fit;
        /* room above and below for a name: the top and bottom nodes carry
         * theirs on the outer side; without names the ring reaches the
         * panel's edges */
        float edge = (float)ui_px(g, labels ? 12 : 4);
        rx = (float)r.w / 2.0f - node - edge;
        if (labels && rx > (float)r.w * 0.32f)
            rx = (float)r.w * 0.32f; /* leave the names beside each other room */
        ry = (float)r.h / 2.0f - node - lab_h - edge;
        if (rx < node)
            rx = node;
        if (ry < node)
            ry = node;
        float rmin = rx < ry ? rx : ry;
        float chord = 2.0f * rmin * sinf((float)M_PI / (float)n_seats);
        /* a small panel (4:3) has no room for names and nodes apart: the
         * names go (the seat strip has them) before the nodes overlap */
        if (labels && node > chord * 0.45f) {
            labels = false;
            continue;
        }
        /* neighbours must not touch: a node shrinks towards what its
         * initials need; the ring does not (it already fills the panel) */
        while (!labels && node > fit && !ring_holds(g, &t, n_seats, node, rx, ry))
            node = node * 0.95f > fit ? node * 0.95f : fit;
        break;
    }
    g->net_geom.valid = true;
    g->net_geom.n_seats = n_seats;
    g->net_geom.px = label_px;
    g->net_geom.w = g->w;
    g->net_geom.h = g->h;
    g->net_geom.r = r;
    memcpy(g->net_geom.initials, initials, sizeof initials);
    g->net_geom.labels = *labels_out = labels;
    g->net_geom.node = *node_out = node;
    g->net_geom.rx = *rx_out = rx;
    g->net_geom.ry = *ry_out = ry;
}

void ui_draw_network(ui_gfx *g, SDL_Rect r, const core_scenario *sc, int n_seats,
                     const uint16_t edges[CORE_MAX_SEATS][CORE_MAX_SEATS], bool alarm)
{
    if (n_seats <= 0 || !sc)
        return;
    if (n_seats > CORE_MAX_SEATS)
        n_seats = CORE_MAX_SEATS;
    int label_px = ui_body_min(g);
    bool labels;
    float node, rx, ry;
    net_geometry(g, r, sc, n_seats, label_px, &labels, &node, &rx, &ry);
    float cx = (float)r.x + (float)r.w / 2.0f;
    float cy = (float)r.y + (float)r.h / 2.0f;
    ring_angles t;
    ring_angles_init(&t);
    net_layout L = {r, n_seats, edges, {0}, {0}, node, cx, cy, label_px};
    float *px = L.px, *py = L.py;
    ring_place(&t, n_seats, cx, cy, rx, ry, px, py);
    net_edges(g, &L);
    /* degree (weighted) decides which node is the hub under alarm */
    int hub = -1, hubdeg = 0;
    for (int i = 0; i < n_seats; i++) {
        int d = 0;
        for (int j = 0; j < n_seats; j++)
            d += i == j ? 0 : edges[i][j] + edges[j][i];
        if (d > hubdeg) {
            hubdeg = d;
            hub = i;
        }
    }
    for (int i = 0; i < n_seats; i++) {
        int role = sc->seat_roles[i];
        SDL_Color c = (role >= 0 && role < sc->n_roles) ? ui_role_colour(sc->roles[role].colour)
                                                         : UI_LINE;
        if (alarm && i == hub)
            ui_circle(g, px[i], py[i], node + (float)ui_px(g, 10), UI_ALARM);
        ui_circle(g, px[i], py[i], node + (float)ui_px(g, 3), UI_PANEL);
        ui_circle(g, px[i], py[i], node, c);
        char ini[8];
        ui_role_initials(sc, role, ini);
        /* as large as the node holds, never below the size rule */
        int ip = (int)(node * 0.8f);
        int tw = 0, th = 0;
        for (;; ip -= (ip + 15) / 16) {
            if (ip <= label_px) {
                ip = label_px;
                break;
            }
            if (node_fit_radius(g, sc, n_seats, ip) <= node)
                break;
        }
        ui_text_size(g, ini, ip, UI_BOLD, &tw, &th);
        ui_text(g, ini, (int)px[i], (int)(py[i] - (float)th / 2.0f), ip, ip, UI_BOLD,
                ui_ink_on(c), UI_CENTER, tw);
        if (labels)
            net_label(g, sc, &L, i, role);
    }
}
