/* ui/gfx retained regions: the projector table drawn through the layer is
 * pixel for pixel the table drawn directly, with the same click regions and
 * overflows, also when one scene follows another on the same window (only
 * the regions that changed are drawn again); a timer tick or a hover draws
 * one region; a steady frame draws none; a render-target reset draws all. */
#include "fixture.h"
#include "platform/plat.h"
#include "ui/gfx.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ui_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ui_fixture fx;

typedef struct {
    uint8_t *px;
    int w, h;
    ui_hit hits[UI_MAX_HITS];
    int n_hits;
    int overflows;
} frame_copy;

static void grab(ui_gfx *g, frame_copy *f)
{
    f->px = ui_gfx_read_rgba(g, &f->w, &f->h);
    assert_non_null(f->px);
    memcpy(f->hits, g->hits, sizeof f->hits);
    f->n_hits = g->n_hits;
    f->overflows = g->overflows;
}

/* Pixels (RGB) that differ; the click regions and overflows must match. */
static long compare(const frame_copy *a, const frame_copy *b, const char *what)
{
    assert_int_equal(a->w, b->w);
    assert_int_equal(a->h, b->h);
    long diff = 0;
    for (long i = 0; i < (long)a->w * a->h; i++)
        diff += memcmp(a->px + i * 4, b->px + i * 4, 3) != 0;
    if (diff)
        fprintf(stderr, "%s: %ld pixels differ\n", what, diff);
    assert_int_equal(a->n_hits, b->n_hits);
    for (int i = 0; i < a->n_hits; i++) {
        assert_int_equal(a->hits[i].id, b->hits[i].id);
        assert_int_equal(a->hits[i].arg, b->hits[i].arg);
        assert_true(SDL_RectEquals(&a->hits[i].r, &b->hits[i].r));
    }
    assert_int_equal(a->overflows, b->overflows);
    return diff;
}

static void model(ui_proj_model *m)
{
    static const char *const names[8] = {"Anna", "Bram", "Chloé", "Dries",
                                         "Elif", "Fien", "Gert", "Hanne"};
    ui_proj_model_init(m);
    m->sc = &fx.sc;
    m->pub = &fx.pub;
    for (int s = 0; s < fx.sc.n_seats; s++) {
        snprintf(m->seats[s].name, sizeof m->seats[s].name, "%s", names[s]);
        m->seats[s].conn = UI_SEAT_PLAYER;
    }
    m->timer_on = true;
    m->timer_left_s = 154;
}

/* Draws m through the layer and directly; returns the differing pixels. */
static long layered_vs_direct(ui_gfx *g, const ui_proj_model *m, const char *what)
{
    frame_copy a, b;
    ui_gfx_begin(g);
    ui_draw_projector(g, m, UI_PROJ_TABLE);
    grab(g, &a);
    g->layer_off = true;
    ui_gfx_begin(g);
    ui_draw_projector(g, m, UI_PROJ_TABLE);
    g->layer_off = false;
    grab(g, &b);
    long d = compare(&a, &b, what);
    free(a.px);
    free(b.px);
    return d;
}

/* Every projector scene of the golden set, one after the other on one
 * window: each layered frame equals the direct frame. */
static void run_scenes(int w, int h)
{
    ui_gfx g;
    assert_true(ui_fixture_gfx(&g, "layer", w, h));
    long diff = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; ui_fixture_scenes[i]; i++) {
            const char *s = ui_fixture_scenes[i];
            if (!strncmp(s, "player-", 7))
                continue;
            assert_true(ui_fixture_build(&fx, s));
            frame_copy a, b;
            assert_true(ui_fixture_draw(&g, &fx, s));
            grab(&g, &a);
            g.layer_off = true;
            assert_true(ui_fixture_draw(&g, &fx, s));
            g.layer_off = false;
            grab(&g, &b);
            char what[128];
            snprintf(what, sizeof what, "%s %dx%d pass %d", s, w, h, pass);
            diff += compare(&a, &b, what);
            free(a.px);
            free(b.px);
        }
    assert_true(g.regions_drawn > 0);
    ui_gfx_close(&g);
    assert_int_equal(diff, 0);
}

static void test_scenes_720(void **state)
{
    (void)state;
    run_scenes(1280, 720);
}

static void test_scenes_1080(void **state)
{
    (void)state;
    run_scenes(1920, 1080);
}

static void test_only_changes_are_drawn(void **state)
{
    (void)state;
    ui_gfx g;
    assert_true(ui_fixture_gfx(&g, "layer", 1920, 1080));
    assert_true(ui_fixture_build(&fx, "table8"));
    ui_proj_model m;
    model(&m);
    assert_int_equal(layered_vs_direct(&g, &m, "table8 first"), 0);
    uint64_t all = g.regions_drawn;
    assert_true(all >= 8);

    /* nothing changed: nothing drawn */
    assert_int_equal(layered_vs_direct(&g, &m, "steady"), 0);
    assert_int_equal(g.regions_drawn, all);

    /* the timer ticks: only its piece of the top bar */
    m.timer_left_s--;
    assert_int_equal(layered_vs_direct(&g, &m, "timer"), 0);
    assert_int_equal(g.regions_drawn, all + 1);

    /* the mouse moves onto the trainer's menu button: only that piece */
    m.timer_left_s++;
    ui_gfx_begin(&g);
    const ui_hit *before = NULL;
    ui_draw_projector(&g, &m, UI_PROJ_TABLE);
    uint64_t n0 = g.regions_drawn;
    for (int i = 0; i < g.n_hits; i++)
        if (g.hits[i].id == UI_ID_TRAINER_MENU)
            before = &g.hits[i];
    assert_non_null(before);
    g.mouse_x = before->r.x + before->r.w / 2;
    g.mouse_y = before->r.y + before->r.h / 2;
    assert_int_equal(layered_vs_direct(&g, &m, "hover"), 0);
    assert_int_equal(g.regions_drawn, n0 + 1);

    /* a need gains progress: the needs panel only */
    fx.pub.need_progress[0]++;
    n0 = g.regions_drawn;
    assert_int_equal(layered_vs_direct(&g, &m, "need"), 0);
    assert_int_equal(g.regions_drawn, n0 + 1);

    /* a seat says ready: the seat strip only */
    fx.pub.seat_ready[5] = !fx.pub.seat_ready[5];
    n0 = g.regions_drawn;
    assert_int_equal(layered_vs_direct(&g, &m, "ready"), 0);
    assert_int_equal(g.regions_drawn, n0 + 1);

    /* the reveal animates over the table: the table's regions stay */
    fx.pub.phase = CORE_PHASE_UITVOERING;
    fx.pub.revealed = true;
    fx.pub.revealed_n[0] = 1;
    m.reveal_t = 0.2f;
    assert_int_equal(layered_vs_direct(&g, &m, "reveal 0.2"), 0);
    n0 = g.regions_drawn;
    m.reveal_t = 0.6f;
    assert_int_equal(layered_vs_direct(&g, &m, "reveal 0.6"), 0);
    assert_int_equal(g.regions_drawn, n0);
    /* the timer ticks during the reveal: the darkened table follows */
    m.timer_left_s -= 2;
    assert_int_equal(layered_vs_direct(&g, &m, "reveal tick"), 0);
    assert_int_equal(g.regions_drawn, n0 + 1);
    /* the help over the reveal darkens the frame a second time */
    m.help = true;
    assert_int_equal(layered_vs_direct(&g, &m, "reveal help"), 0);
    m.help = false;

    /* the renderer lost its render targets: everything is drawn again */
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_RENDER_TARGETS_RESET;
    SDL_PushEvent(&e);
    SDL_PumpEvents();
    SDL_FlushEvent(SDL_RENDER_TARGETS_RESET);
    n0 = g.regions_drawn;
    assert_int_equal(layered_vs_direct(&g, &m, "reset"), 0);
    assert_true(g.regions_drawn >= n0 + 8);

    /* a language or font change: everything again */
    ui_gfx_flush_text(&g);
    n0 = g.regions_drawn;
    assert_int_equal(layered_vs_direct(&g, &m, "flush"), 0);
    assert_true(g.regions_drawn >= n0 + 8);
    ui_gfx_close(&g);
}

/* A real (dummy-driver) window that is resized: the layer follows the new
 * size and the frame still equals the direct frame. */
static void test_window_resize(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    ui_gfx g;
    char err[512] = "";
    assert_true(ui_gfx_open(&g, "layer", 1280, 720, false, NULL, err, sizeof err));
    assert_true(g.software);
    assert_true(ui_fixture_build(&fx, "table8"));
    ui_proj_model m;
    model(&m);
    assert_int_equal(layered_vs_direct(&g, &m, "window 720"), 0);
    SDL_SetWindowSize(g.win, 1920, 1080);
    SDL_PumpEvents();
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    uint64_t n0 = g.regions_drawn;
    assert_int_equal(layered_vs_direct(&g, &m, "window 1080"), 0);
    assert_int_equal(g.w, 1920);
    assert_int_equal(g.h, 1080);
    assert_int_equal(g.layer_w, 1920);
    assert_true(g.regions_drawn >= n0 + 8);
    ui_gfx_close(&g);
}

TS_MAIN(ui_group_nl, ui_group_quit,
        cmocka_unit_test(test_scenes_720),
        cmocka_unit_test(test_scenes_1080),
        cmocka_unit_test(test_only_changes_are_drawn),
        cmocka_unit_test(test_window_resize))
