/*
 * bench_ui: frame time of the projector table with all 8 seats at
 * 1920x1080 with the software renderer, next to a bare clear-and-present of
 * the same window measured in the same run.
 *
 * The table is built by hand (8 seats in their role colours, a network with
 * edges and the centrality alarm, needs, frictions, goals, a vote and shared
 * dossier facts), so the figure does not move when a level or a bot
 * changes. Three kinds of table frame are timed, interleaved with the bare
 * clear-and-present so that clock and cache effects hit all of them:
 *   steady      nothing changed since the last frame (an expose, a redraw
 *               after input that changed nothing): the retained layer
 *   one change  the timer ticked: one small piece of the top bar is drawn
 *   panel       the network got a new edge: the largest panel is drawn
 *   direct      every panel drawn from scratch (layer off): the old cost
 *   reveal      the reveal animation over the table, a new step each frame
 * Each is the median of FRAMES frames; the figure is the median of RUNS
 * such runs. The run also checks that the retained frame is pixel for pixel
 * the frame drawn directly.
 * Prints `name value unit` lines.
 */
#include "core/core.h"
#include "platform/i18n.h"
#include "platform/plat.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FRAMES 200
#define RUNS 5
#define SEATS 8

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

#define CPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

/* A full 8-seat scenario of a Flemish primary school team. */
static void build_scenario(core_scenario *sc)
{
    static const char *const ids[SEATS] = {"leraar", "ouder", "clb-anker", "leerondersteuner",
                                           "zorgcoordinator", "directie", "jeugdhulp",
                                           "pedagogisch-begeleider"};
    static const char *const names[SEATS] = {"Leraar", "Ouder", "CLB-anker", "Leerondersteuner",
                                             "Zorgcoördinator", "Directie", "Jeugdhulp",
                                             "Pedagogisch begeleider"};
    static const char *const needs[6] = {"Voorspelbaarheid", "Prikkelarme werkplek",
                                         "Contact op de speelplaats", "Afstemming school–thuis",
                                         "Rust na de speeltijd", "Vriendschappen"};
    static const char *const facts[5] = {
        "Na de speeltijd zit Noor met haar handen op de oren.",
        "Thuis helpt een zandloper bij elke overgang.",
        "Het onderzoek toont een sterk verbaal begrip en een trage verwerkingssnelheid.",
        "Op woensdag gaat het beter: dan is er geen turnles.",
        "De jeugdhulp ziet Noor al een jaar op zaterdag."};
    memset(sc, 0, sizeof *sc);
    CPY(sc->title, "Noor zoekt rust");
    CPY(sc->pupil_name, "Noor");
    sc->pupil_age = 8;
    CPY(sc->pupil_class, "3de leerjaar");
    CPY(sc->pupil_text, "Noor is acht en zit in het 3de leerjaar. Na de speeltijd is ze vaak "
                        "overprikkeld en klapt ze dicht.");
    sc->rules.rounds = 6;
    sc->rules.welbevinden_max = 10;
    sc->rules.draagkracht_max = 10;
    sc->rules.centrality_alarm = 0.5;
    sc->rules.max_commit = 2;
    sc->n_roles = SEATS;
    sc->n_seats = SEATS;
    for (int i = 0; i < SEATS; i++) {
        CPY(sc->roles[i].id, ids[i]);
        CPY(sc->roles[i].name, names[i]);
        sc->roles[i].colour = i;
        sc->seat_roles[i] = i;
    }
    sc->n_needs = 6;
    for (int i = 0; i < 6; i++) {
        CPY(sc->needs[i].title, needs[i]);
        sc->needs[i].target = 6;
    }
    sc->n_frictions = 3;
    CPY(sc->frictions[0].title, "Geen tijd om samen te zitten");
    sc->frictions[0].roles = 0x13;
    CPY(sc->frictions[1].title, "“Wij kennen ons kind toch?”");
    sc->frictions[1].roles = 0x06;
    CPY(sc->frictions[2].title, "Wie betaalt de koptelefoon?");
    sc->frictions[2].roles = 0x60;
    sc->n_facts = 5;
    for (int i = 0; i < 5; i++) {
        CPY(sc->facts[i].text, facts[i]);
        sc->facts[i].role = i;
    }
    static const char *const cards[4] = {"Dagplanning met pictogrammen", "Zandloper bij overgangen",
                                         "Observatie in de klas", "Koptelefoon na de speeltijd"};
    sc->n_cards = 4;
    for (int i = 0; i < 4; i++) {
        CPY(sc->cards[i].title, cards[i]);
        sc->cards[i].role = i;
        sc->cards[i].strength = 2;
    }
    sc->n_goals = 3;
    CPY(sc->goals[0].title, "Noor weet elke dag wat er komt");
    CPY(sc->goals[1].title, "Eén taal tussen school en thuis");
    CPY(sc->goals[2].title, "Een rustige plek na elke speeltijd");
}

static void build_view(core_public_view *p, const core_scenario *sc)
{
    memset(p, 0, sizeof *p);
    p->round = 3;
    p->phase = CORE_PHASE_OVERLEG;
    p->welbevinden = 5;
    p->draagkracht = 7;
    p->n_seats = SEATS;
    p->n_needs = sc->n_needs;
    for (int i = 0; i < sc->n_needs; i++) {
        p->lead_proposal[i] = CORE_NONE;
        p->need_lead[i] = i % 2 ? i : CORE_NONE;
        p->need_progress[i] = i + 1;
        p->need_lit[i] = i != 2;
    }
    p->need_met[5] = true;
    p->need_progress[5] = 6;
    p->n_frictions_out = 3;
    for (int i = 0; i < 3; i++) {
        p->frictions[i].friction = i;
        p->frictions[i].active = true;
        p->frictions[i].severity = 1 + i % 2;
    }
    p->fact_shared[0] = p->fact_shared[1] = p->fact_shared[3] = true;
    p->goal_adopted[0] = true;
    p->goal_proposal = 1;
    p->goal_votes_yes = 0x16;
    p->goal_votes_no = 0x01;
    for (int s = 0; s < SEATS; s += 3)
        p->seat_ready[s] = true;
    for (int i = 0; i < SEATS; i++)
        for (int j = 0; j < SEATS; j++)
            if (i != j)
                p->edges[i][j] = (uint16_t)(i == 0 || j == 0 ? 5 : (i + j) % 3);
    p->live.density = 0.71;
    p->live.centrality = 0.58;
    p->live.diversity = 0.52;
    p->live.goal_directedness = 0.44;
    p->live.level = CORE_LEVEL_COOPERATIEF;
    p->live.contributions = 9;
    p->n_boundary = 1;
    p->boundary_won[0] = 0;
}

typedef enum { K_STEADY = 0, K_TIMER, K_PANEL, K_DIRECT, K_CLEAR, K_COUNT } kind;

static double frame(ui_gfx *g, ui_proj_model *m, core_public_view *pub, kind k, int i)
{
    uint64_t t0 = plat_now_ns();
    if (k == K_CLEAR) {
        SDL_SetRenderDrawColor(g->ren, UI_BG.r, UI_BG.g, UI_BG.b, 255);
        SDL_RenderClear(g->ren);
    } else {
        if (k == K_TIMER)
            m->timer_left_s = 300 - i % 200; /* a new second every frame */
        if (k == K_PANEL)
            pub->edges[1][2 + i % 5]++; /* a new interaction every frame */
        g->layer_off = k == K_DIRECT;
        ui_gfx_begin(g);
        ui_draw_projector(g, m, UI_PROJ_TABLE);
        g->layer_off = false;
    }
    SDL_RenderPresent(g->ren);
    uint64_t t1 = plat_now_ns();
    SDL_PumpEvents();
    return (double)(t1 - t0) / 1e6;
}

/* Pixels that differ between the retained frame and the direct frame. */
static long mismatch(ui_gfx *g, ui_proj_model *m)
{
    int w = 0, h = 0, w2 = 0, h2 = 0;
    ui_gfx_begin(g);
    ui_draw_projector(g, m, UI_PROJ_TABLE);
    uint8_t *a = ui_gfx_read_rgba(g, &w, &h);
    g->layer_off = true;
    ui_gfx_begin(g);
    ui_draw_projector(g, m, UI_PROJ_TABLE);
    g->layer_off = false;
    uint8_t *b = ui_gfx_read_rgba(g, &w2, &h2);
    long diff = -1;
    if (a && b && w == w2 && h == h2) {
        diff = 0;
        for (long i = 0; i < (long)w * h; i++)
            diff += memcmp(a + i * 4, b + i * 4, 3) != 0;
    }
    free(a);
    free(b);
    return diff;
}

int main(void)
{
    if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
        setenv("SDL_VIDEODRIVER", "dummy", 0);
    plat_i18n_init("nl");
    char err[512] = "";
    core_scenario *sc = malloc(sizeof *sc);
    core_public_view *pub = malloc(sizeof *pub);
    if (!sc || !pub) {
        fprintf(stderr, "bench_ui: out of memory\n");
        return 1;
    }
    build_scenario(sc);
    build_view(pub, sc);

    ui_gfx g;
    if (!ui_gfx_open(&g, "bench", 1920, 1080, false, NULL, err, sizeof err)) {
        fprintf(stderr, "bench_ui: %s\n", err);
        return 1;
    }
    ui_proj_model m;
    ui_proj_model_init(&m);
    m.sc = sc;
    m.pub = pub;
    snprintf(m.room_code, sizeof m.room_code, "BNCH");
    static const char *const people[SEATS] = {"Anna", "Bram", "Chloé", "Dries",
                                              "Elif", "Fien", "Gert", "Hanne"};
    for (int s = 0; s < SEATS; s++) {
        snprintf(m.seats[s].name, sizeof m.seats[s].name, "%s", people[s]);
        m.seats[s].conn = UI_SEAT_PLAYER;
    }
    m.timer_on = true;
    m.timer_left_s = 300;
    bool alarm = pub->live.centrality > sc->rules.centrality_alarm;

    /* warm the text cache as a running projector would: every timer value
     * and edge weight the runs below show */
    for (int i = 0; i < FRAMES; i++) {
        frame(&g, &m, pub, K_TIMER, i);
        frame(&g, &m, pub, K_PANEL, i);
    }
    static double t[K_COUNT][FRAMES];
    double run_median[K_COUNT][RUNS];
    uint64_t renders = 0, regions[K_COUNT] = {0};
    for (int r = 0; r < RUNS; r++) {
        for (int i = 0; i < FRAMES; i++)
            for (int j = 0; j < K_COUNT; j++) {
                /* the order rotates, so no kind always follows the same one */
                int k = (i + j) % K_COUNT;
                uint64_t r0 = g.ttf_renders, g0 = g.regions_drawn;
                t[k][i] = frame(&g, &m, pub, (kind)k, i);
                if (k == K_STEADY)
                    renders += g.ttf_renders - r0;
                regions[k] += g.regions_drawn - g0;
            }
        for (int k = 0; k < K_COUNT; k++)
            run_median[k][r] = median(t[k], FRAMES);
    }
    double med[K_COUNT];
    for (int k = 0; k < K_COUNT; k++)
        med[k] = median(run_median[k], RUNS);
    long diff = mismatch(&g, &m);

    /* the reveal animation over the table: every frame shows a new step */
    pub->phase = CORE_PHASE_UITVOERING;
    pub->revealed = true;
    for (int s = 0; s < SEATS; s++) {
        pub->revealed_n[s] = 1 + s % 2;
        pub->revealed_commits[s][0].card = s % 4;
        pub->revealed_commits[s][1].card = (s + 1) % 4;
        pub->revealed_commits[s][0].target = s % sc->n_needs;
        pub->revealed_commits[s][1].target = (s + 1) % sc->n_needs;
    }
    double t_reveal[FRAMES], reveal_runs[RUNS];
    for (int r = 0; r < RUNS; r++) {
        for (int i = 0; i < FRAMES; i++) {
            m.reveal_t = (float)(i % 50) / 50.0f;
            uint64_t t0 = plat_now_ns();
            ui_gfx_begin(&g);
            ui_draw_projector(&g, &m, UI_PROJ_TABLE);
            SDL_RenderPresent(g.ren);
            t_reveal[i] = (double)(plat_now_ns() - t0) / 1e6;
            SDL_PumpEvents();
        }
        reveal_runs[r] = median(t_reveal, FRAMES);
    }
    double med_reveal = median(reveal_runs, RUNS);
    double c = med[K_CLEAR] > 0 ? med[K_CLEAR] : 1e-9;
    printf("ui_table_seats %d seats\n", sc->n_seats);
    printf("ui_table_centrality_alarm %d bool\n", alarm ? 1 : 0);
    printf("ui_table_frame_median_1080p %.3f ms\n", med[K_STEADY]);
    printf("ui_frame_one_change_ms %.3f ms\n", med[K_TIMER]);
    printf("ui_frame_panel_change_ms %.3f ms\n", med[K_PANEL]);
    printf("ui_frame_direct_ms %.3f ms\n", med[K_DIRECT]);
    printf("ui_frame_reveal_ms %.3f ms\n", med_reveal);
    printf("ui_clear_present_median_1080p %.3f ms\n", med[K_CLEAR]);
    printf("ui_table_vs_clear_ratio %.2f x\n", med[K_STEADY] / c);
    printf("ui_one_change_vs_clear_ratio %.2f x\n", med[K_TIMER] / c);
    printf("ui_panel_change_vs_clear_ratio %.2f x\n", med[K_PANEL] / c);
    printf("ui_direct_vs_clear_ratio %.2f x\n", med[K_DIRECT] / c);
    printf("ui_reveal_vs_clear_ratio %.2f x\n", med_reveal / c);
    printf("ui_steady_frame_ttf_renders %.1f calls\n", (double)renders / (RUNS * FRAMES));
    printf("ui_steady_frame_regions_drawn %.2f regions\n",
           (double)regions[K_STEADY] / (RUNS * FRAMES));
    printf("ui_one_change_regions_drawn %.2f regions\n", (double)regions[K_TIMER] / (RUNS * FRAMES));
    printf("ui_panel_change_regions_drawn %.2f regions\n",
           (double)regions[K_PANEL] / (RUNS * FRAMES));
    printf("ui_layer_pixels_differing %ld px\n", diff);
    printf("ui_renderer_software %d bool\n", g.software ? 1 : 0);
    ui_gfx_close(&g);
    free(sc);
    free(pub);
    SDL_Quit();
    /* a difference is a bug (test_ui_layer fails on it); the figure says
     * so without stopping the other benchmarks of tools/bench.sh */
    return 0;
}
