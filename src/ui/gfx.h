/*
 * ui/gfx: the drawing toolkit under every Samenspel screen: one window +
 * renderer, fonts found through fontconfig, a text cache (each string is
 * rendered once into a texture and reused until it has not been drawn for a
 * while), simple shapes drawn with SDL_RenderGeometry, click regions, and
 * PNG output for screenshots.
 *
 * Sizes follow the window height: one design unit `u` is 1/1080 of the
 * height, so a layout designed at 1920x1080 scales from 1280x720 to
 * 3840x2160. Narrower screens (16:10, 4:3) keep u = height/1080 and get a
 * narrower design canvas (canvas_w units wide) instead of a letterbox; see
 * docs/SCREENS.md for the size rule. Text never silently overflows: every
 * box that cannot hold its text counts an overflow, which the layout tests
 * check for zero; every line ended with "…" keeps its whole text for a
 * tooltip.
 *
 * Ownership: ui_gfx owns its window, renderer, fonts and cached textures;
 * ui_gfx_close frees them all.
 */
#ifndef SAMENSPEL_UI_GFX_H
#define SAMENSPEL_UI_GFX_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UI_ERR_LEN 512

typedef enum { UI_REGULAR = 0, UI_BOLD, UI_STYLE_COUNT } ui_style;
typedef enum { UI_LEFT = 0, UI_CENTER, UI_RIGHT } ui_align;

/* Theme colours: a calm light theme with high contrast for projectors in
 * lit classrooms. */
extern const SDL_Color UI_BG, UI_PANEL, UI_PANEL_ALT, UI_LINE, UI_INK, UI_INK_SOFT,
    UI_ACCENT, UI_ACCENT_INK, UI_GOOD, UI_WARN, UI_ALARM, UI_WHITE, UI_SHADOW;

/* Okabe–Ito (2008) palette (0-7), then Paul Tol's muted and light
 * schemes (8-15), safe for the common colour-vision deficiencies; role
 * colours are always drawn next to the role's name. */
#define UI_PALETTE_N 16 /* kleur 0-15 of a roles file */
SDL_Color ui_role_colour(int palette_index);
/* Ink that reads on top of a role colour (black or white). */
SDL_Color ui_ink_on(SDL_Color bg);

typedef struct {
    int id, arg;
    SDL_Rect r;
} ui_hit;

#define UI_MAX_HITS 256
#define UI_MAX_OVERFLOW_NOTES 16

typedef struct ui_text_entry ui_text_entry;

/* How the drawing calls act (see ui_draw_regions). */
typedef enum {
    UI_MODE_DRAW = 0, /* draw, register click regions and overflows */
    UI_MODE_HASH,     /* draw nothing: fold every draw call into draw_hash,
                         still register click regions and overflows */
    UI_MODE_REPLAY    /* draw into the layer; the hash pass of the same
                         frame already registered regions and overflows */
} ui_draw_mode;

#define UI_MAX_REGIONS 16

/* The size rule (docs/SCREENS.md): who must read a text decides its
 * smallest capital height, as a share of the window height. */
typedef enum {
    UI_TR_READ = 0, /* the player window, read at arm's length: capital height >= 2% */
    UI_TR_BODY,     /* the projector, read from the back row: >= 3% */
    UI_TR_TRAINER,  /* the trainer's own controls on the projector (help, menus,
                       buttons only the trainer clicks), read from the front: >= 2% */
    UI_TR_COUNT
} ui_text_role;

/* One drawn text, for the layout tests: its size, its measured capital
 * height (TTF metrics of 'H') and its role. */
typedef struct {
    int px, cap;
    ui_text_role role;
    char text[48];
} ui_text_rec;
#define UI_MAX_TEXT_RECS 512

/* A line that was ended with "…": where it is and its whole text, shown on
 * hover (ui_draw_tooltip). */
typedef struct {
    SDL_Rect r;
    char text[400];
} ui_tip;
#define UI_MAX_TIPS 24

/* One remembered answer of ui_network_min_width (widgets.c). */
typedef struct {
    int n_seats, h, w, px, width;
    char initials[8][8];
} ui_net_min_memo;

typedef struct {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Surface *offscreen_surface; /* target of the software renderer when offscreen */
    bool software;
    int w, h;                 /* output size in pixels */
    float u;                  /* pixels per design unit (h / 1080) */
    float canvas_w;           /* design units across: 1920 at 16:9 and wider,
                                 1728 at 16:10, 1440 at 4:3 */
    char font_path[UI_STYLE_COUNT][1024];
    bool fake_bold;           /* --font gave one file: bold by TTF style */
    struct { int px; ui_style style; TTF_Font *font; int cap; } fonts[48];
    int n_fonts;
    ui_text_entry *cache;     /* open-addressing table, UI_TEXT_CACHE slots */
    /* anti-aliased discs by diameter and colour (baked in: a colour-modulated
     * copy is the software renderer's slow path) */
    struct { int d; uint32_t rgba; SDL_Texture *tex; } discs[160];
    int n_discs;
    int cache_used;
    uint32_t frame;
    /* statistics, read by tests and the benchmark */
    uint64_t ttf_renders;     /* TTF_Render* calls since open */
    int overflows;            /* boxes too small for their text, this frame */
    int ellipsized;           /* lines ended with "…" to fit, this frame */
    int label_crossings;      /* network names an edge or node runs through */
    char overflow_notes[UI_MAX_OVERFLOW_NOTES][160];
    /* the size rule: the role of the text drawn now, and every text drawn
     * this frame (the first UI_MAX_TEXT_RECS) */
    ui_text_role text_role;
    ui_text_rec text_recs[UI_MAX_TEXT_RECS];
    int n_text_recs;
    int rule_px_cache[UI_TR_COUNT], rule_px_h;
    ui_tip tips[UI_MAX_TIPS];
    int n_tips;
    /* click regions registered while drawing this frame */
    ui_hit hits[UI_MAX_HITS];
    int n_hits;
    int mouse_x, mouse_y;
    /* Retained layer (ui_draw_regions): a window-sized render target that
     * keeps the pixels of every region; a region is drawn again only when
     * the hash of its draw calls changes. */
    ui_draw_mode mode;
    uint64_t draw_hash;
    SDL_Texture *layer;
    int layer_w, layer_h;
    int layer_n;              /* regions of the last layout; 0 = nothing valid */
    SDL_Rect layer_rect[UI_MAX_REGIONS];
    uint64_t layer_hash[UI_MAX_REGIONS];
    uint32_t layer_gen;       /* counts ui_layer_invalidate calls */
    SDL_atomic_t layer_reset; /* set by the event watch: 1 render targets lost,
                                 2 the whole device (every texture) lost */
    bool layer_off;           /* draw regions directly (benchmark baseline,
                                 renderers without render targets) */
    uint64_t regions_drawn;   /* regions drawn into the layer since open */
    uint64_t layer_version;   /* counts changes of the layer's pixels */
    bool layer_shown;         /* the window shows exactly the layer, so far */
    SDL_Texture *dim_layer;   /* the layer darkened by ui_dim */
    uint64_t dim_version;     /* layer_version that dim_layer was made from */
    uint32_t dim_rgba;
    SDL_Rect *spans;          /* scratch rows of ui_line (software renderer) */
    /* ui_network_min_width's last answers and what they depended on: the
     * table asks every frame for a few heights, and an answer only changes
     * with the seats, the height or the window */
    ui_net_min_memo net_min[4];
    int net_min_next;
    /* ui_draw_network's node geometry for a panel, likewise */
    struct {
        bool valid, labels;
        int n_seats, px, w, h;
        SDL_Rect r;
        char initials[8][8];
        float node, rx, ry;
    } net_geom;
} ui_gfx;

/* Finds the font files: `font_override` (a .ttf path, may be NULL) or
 * DejaVu Sans (regular + bold) through fontconfig. False with a message a
 * person can act on when no usable font exists. */
bool ui_font_find(const char *font_override, char out_regular[1024], char out_bold[1024],
                  bool *fake_bold, char *err, size_t err_len);

/* Opens a window (or, with `offscreen`, a hidden window with the software
 * renderer for screenshots and tests). */
bool ui_gfx_open(ui_gfx *g, const char *title, int w, int h, bool offscreen,
                 const char *font_override, char *err, size_t err_len);
void ui_gfx_close(ui_gfx *g);

/* Call at the start of every frame: picks up the output size, clears the
 * frame statistics and click regions. */
void ui_gfx_begin(ui_gfx *g);
/* Drops every cached texture (language switch, font change). */
void ui_gfx_flush_text(ui_gfx *g);

/* Design units -> pixels. */
static inline int ui_px(const ui_gfx *g, float units) { return (int)(units * g->u + 0.5f); }

/* ---- shapes -------------------------------------------------------- */
void ui_fill(ui_gfx *g, SDL_Rect r, SDL_Color c);
void ui_round(ui_gfx *g, SDL_Rect r, int radius, SDL_Color c);
void ui_round_outline(ui_gfx *g, SDL_Rect r, int radius, int thickness, SDL_Color c);
void ui_circle(ui_gfx *g, float cx, float cy, float radius, SDL_Color c);
void ui_line(ui_gfx *g, float x0, float y0, float x1, float y1, float thickness, SDL_Color c);
/* A panel: white rounded card with a soft shadow. */
void ui_panel(ui_gfx *g, SDL_Rect r);
/* The part of panel r that ui_panel paints opaque (all but the corner rows). */
SDL_Rect ui_panel_body(const ui_gfx *g, SDL_Rect r);

/* ---- text ---------------------------------------------------------- */
/* Text size in pixels for `units` design units (at least 8). */
int ui_font_px(const ui_gfx *g, float units);

/* Capital height in pixels of the font at px (TTF metrics of 'H'). */
int ui_cap_height(ui_gfx *g, int px, ui_style st);
/* Smallest text size whose capital height meets the size rule for role at
 * the current window height (2% or 3%). */
extern const int ui_rule_share_milli[UI_TR_COUNT];
int ui_rule_px(ui_gfx *g, ui_text_role role);
/* Sets the role of the texts drawn from now on; returns the previous one.
 * ui_gfx_begin resets it to UI_TR_READ. */
ui_text_role ui_set_text_role(ui_gfx *g, ui_text_role role);

/* Size of one line (cached render). */
bool ui_text_size(ui_gfx *g, const char *s, int px, ui_style st, int *w, int *h);

/* One line at (x, y) = top-left/centre/right by align; returns width drawn.
 * When max_w > 0 and the line is wider, the size shrinks down to min_px;
 * still too wide: it is clipped and an overflow is counted. */
int ui_text(ui_gfx *g, const char *s, int x, int y, int px, int min_px, ui_style st,
            SDL_Color c, ui_align align, int max_w);

/* Wrapped text inside box (top-aligned); shrinks down to min_px when it
 * does not fit, otherwise clips and counts an overflow. A word is never
 * split mid-word: it shrinks (to 85%) or is hyphenated. Returns the height
 * used. */
/* s with every word wider than w (at px) broken after a hyphen and a line
 * break, where a syllable likely starts. */
void ui_hyphenate(ui_gfx *g, const char *s, int px, ui_style st, int w, char *out, size_t cap);
/* s broken into lines at most w wide (at font f) at its spaces: every
 * break replaces the spaces there with one "\n", so no line starts with
 * a space; a given "\n" stays, a word wider than w gets a line of its own.
 * Writes out (cap bytes, always terminated); returns its length. */
size_t ui_wrap_break(TTF_Font *f, const char *s, int w, char *out, size_t cap);
int ui_text_box(ui_gfx *g, const char *s, SDL_Rect box, int px, int min_px, ui_style st,
                SDL_Color c, ui_align align);

/* Width of the last line of s wrapped at w (at px, the role's floor kept). */
int ui_text_last_line_w(ui_gfx *g, const char *s, int w, int px, ui_style st);
/* Height of wrapped text at px for width w (renders into the cache). */
int ui_text_box_height(ui_gfx *g, const char *s, int w, int px, ui_style st);

void ui_note_overflow(ui_gfx *g, const char *what, const char *s);

/* Draws the whole text of an ellipsized line under the mouse (or under the
 * point x, y when x >= 0: the keyboard focus) in a box near it. Call after
 * everything else of the frame. True when a tooltip was drawn. */
bool ui_draw_tooltip(ui_gfx *g, int x, int y);

/* ---- interaction ---------------------------------------------------- */
void ui_hit_add(ui_gfx *g, SDL_Rect r, int id, int arg);
/* The topmost region under (x, y), or NULL. */
const ui_hit *ui_hit_at(const ui_gfx *g, int x, int y);
bool ui_hover(const ui_gfx *g, SDL_Rect r);

/* A button: rounded rect with a centred label; registers a click region. */
void ui_button(ui_gfx *g, SDL_Rect r, const char *label, int px, bool primary, bool enabled,
               int id, int arg);

/* Waits up to ms for an event. Video drivers that can block (x11,
 * wayland, windows, cocoa) sleep in SDL_WaitEventTimeout; the dummy and
 * offscreen drivers would poll every millisecond there, so they sleep in
 * SDL_Delay instead. True when *e holds an event. */
bool ui_wait_event(SDL_Event *e, int ms);

/* ---- retained regions ---------------------------------------------- */
/* A part of a screen that is drawn as a unit: `fn(g, ctx, arg)` must draw
 * only inside `clip` and depend only on what it is given (the model behind
 * ctx, the window size, the mouse for hover). */
typedef void (*ui_region_fn)(ui_gfx *g, const void *ctx, SDL_Rect arg);
typedef struct {
    SDL_Rect clip;
    ui_region_fn fn;
    const void *ctx;
    SDL_Rect arg;
    /* optional: a part of clip that fn paints opaque before anything else
     * is seen there (e.g. ui_panel_body), so the background fill skips it */
    SDL_Rect opaque;
} ui_region;

/* Draws a screen made of disjoint regions on a `bg` background. Every
 * region first runs in UI_MODE_HASH (cheap: layout and text look-ups, no
 * pixels), which registers its click regions and overflows and hashes its
 * draw calls; only regions whose hash changed are drawn again, clipped,
 * into the retained layer, and the layer is copied to the window. A
 * steady frame is therefore one texture copy. The layer is rebuilt when
 * the window size, the layout (the list of clips), the fonts or the
 * render targets (SDL_RENDER_TARGETS_RESET) change; overlapping clips or a
 * renderer without render targets draw everything directly. */
void ui_draw_regions(ui_gfx *g, const ui_region *regions, int n, SDL_Color bg);
/* Darkens the whole frame with c (blended) under an overlay. Right after
 * ui_draw_regions the darkened layer is kept as well, so an overlay over a
 * still screen costs a copy per frame. */
void ui_dim(ui_gfx *g, SDL_Color c);
/* Forgets the retained layer: the next ui_draw_regions draws every region. */
void ui_layer_invalidate(ui_gfx *g);

/* ---- output --------------------------------------------------------- */
/* Reads the current frame back and writes it as PNG. */
bool ui_gfx_save_png(ui_gfx *g, const char *path, char *err, size_t err_len);
/* Reads the current frame into a malloc'd RGBA buffer (caller frees). */
uint8_t *ui_gfx_read_rgba(ui_gfx *g, int *w, int *h);
bool ui_png_write_rgba(const char *path, const uint8_t *rgba, int w, int h, char *err,
                       size_t err_len);
/* Reads a PNG into a malloc'd RGBA buffer (caller frees); NULL on failure. */
uint8_t *ui_png_read_rgba(const char *path, int *w, int *h, char *err, size_t err_len);

#endif
