/*
 * bench_ui: median frame time of the projector table with the most seats a
 * bundled level offers, at 1920x1080 with the software renderer, next to a
 * bare clear-and-present of the same window in the same run. Also the cost
 * of a steady-state frame in TTF_Render calls (must be 0).
 * Prints `name value unit` lines.
 */
#include "core/core.h"
#include "platform/plat.h"
#include "ui/levels.h"
#include "ui/scene.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FRAMES 200

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

int main(void)
{
    if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
        setenv("SDL_VIDEODRIVER", "dummy", 0);
    plat_i18n_init("nl");
    char err[512] = "";

    /* the level with the most seats */
    ui_level_list *levels = malloc(sizeof *levels);
    if (!levels)
        return 1;
    ui_levels_scan(levels);
    core_scenario *best = NULL;
    for (int i = 0; i < levels->n; i++) {
        if (levels->items[i].own)
            continue;
        core_scenario *sc = ui_scene_load_level(levels->items[i].path, err, sizeof err);
        if (!sc)
            continue;
        if (!best || sc->n_seats > best->n_seats) {
            free(best);
            best = sc;
        } else {
            free(sc);
        }
    }
    free(levels);
    if (!best) {
        fprintf(stderr, "bench_ui: no bundled level loads: %s\n", err);
        return 1;
    }
    core_state *st = malloc(sizeof *st);
    core_public_view *pub = malloc(sizeof *pub);
    if (!st || !pub || !ui_scene_state(best, "table", st, err, sizeof err)) {
        fprintf(stderr, "bench_ui: %s\n", err);
        return 1;
    }
    core_public_view_get(st, pub);

    ui_gfx g;
    if (!ui_gfx_open(&g, "bench", 1920, 1080, false, NULL, err, sizeof err)) {
        fprintf(stderr, "bench_ui: %s\n", err);
        return 1;
    }
    ui_proj_model m;
    ui_proj_model_init(&m);
    m.sc = best;
    m.pub = pub;
    m.st = st;
    snprintf(m.room_code, sizeof m.room_code, "BNCH");
    for (int s = 0; s < best->n_seats; s++) {
        snprintf(m.seats[s].name, sizeof m.seats[s].name, "Speler %d", s + 1);
        m.seats[s].conn = UI_SEAT_PLAYER;
    }
    static double t_table[FRAMES], t_clear[FRAMES];
    /* warm the text cache once, as a running projector would */
    ui_gfx_begin(&g);
    ui_draw_projector(&g, &m, UI_PROJ_TABLE);
    SDL_RenderPresent(g.ren);
    uint64_t renders_before = g.ttf_renders;
    for (int i = 0; i < FRAMES; i++) {
        /* interleave both kinds so that clock and cache effects hit both */
        uint64_t t0 = plat_now_ns();
        ui_gfx_begin(&g);
        ui_draw_projector(&g, &m, UI_PROJ_TABLE);
        SDL_RenderPresent(g.ren);
        uint64_t t1 = plat_now_ns();
        SDL_SetRenderDrawColor(g.ren, UI_BG.r, UI_BG.g, UI_BG.b, 255);
        SDL_RenderClear(g.ren);
        SDL_RenderPresent(g.ren);
        uint64_t t2 = plat_now_ns();
        t_table[i] = (double)(t1 - t0) / 1e6;
        t_clear[i] = (double)(t2 - t1) / 1e6;
        SDL_PumpEvents();
    }
    uint64_t steady_renders = g.ttf_renders - renders_before;
    double mt = median(t_table, FRAMES), mc = median(t_clear, FRAMES);
    printf("ui_table_seats %d seats\n", best->n_seats);
    printf("ui_table_frame_median_1080p %.3f ms\n", mt);
    printf("ui_clear_present_median_1080p %.3f ms\n", mc);
    printf("ui_table_vs_clear_ratio %.2f x\n", mc > 0 ? mt / mc : 0.0);
    printf("ui_steady_frame_ttf_renders %.1f calls\n", (double)steady_renders / FRAMES);
    printf("ui_renderer_software %d bool\n", g.software ? 1 : 0);
    ui_gfx_close(&g);
    free(st);
    free(pub);
    free(best);
    SDL_Quit();
    return 0;
}
