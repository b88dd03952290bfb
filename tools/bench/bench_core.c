/*
 * Rules-engine benchmark: full bot games per second on one core, for each
 * bundled level and for the C scenario of the core tests. Prints
 *   core_games_per_second_<level> <value> games/s
 * (team bots; the median of 5 runs of at least 0.3 s each) and, per level,
 * the same for solo bots. Time is this thread's CPU time, so that other
 * work on a shared machine does not count as ours ("on one core"). The C scenario is compiled in from the tests so
 * that the benchmark does not depend on the level loader for it.
 */
#include "core/core.h"
#include "level/level.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <dirent.h>

#include "../../tests/core/test_scenario.c"

#define RUNS 5

static uint64_t cpu_ns(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return plat_now_ns();
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double games_per_second(const core_scenario *sc, core_sim_bots bots)
{
    double rates[RUNS];
    uint64_t seed = 1;
    for (int r = 0; r < RUNS; r++) {
        int games = 0;
        uint64_t t0 = cpu_ns(), t1;
        do {
            core_sim_result res;
            core_simulate(sc, 500, seed++, bots, &res);
            games += res.games;
            t1 = cpu_ns();
        } while (t1 - t0 < 300000000ull);
        rates[r] = games / ((double)(t1 - t0) / 1e9);
    }
    qsort(rates, RUNS, sizeof rates[0], cmp_double);
    return rates[RUNS / 2];
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

int main(void)
{
    /* every bundled level: each .yaml file in levels/ except the roles file */
    char dir[1024];
    if (!plat_data_path("levels", dir, sizeof dir)) {
        fprintf(stderr, "bench_core: no levels folder in the data dir\n");
        return 1;
    }
    static char names[64][256];
    int n_names = 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "bench_core: cannot open %s\n", dir);
        return 1;
    }
    struct dirent *de;
    while ((de = readdir(d)) && n_names < 64) {
        size_t len = strlen(de->d_name);
        if (len > 5 && len < sizeof names[0] && strcmp(de->d_name + len - 5, ".yaml") == 0 &&
            strcmp(de->d_name, "rollen.yaml") != 0)
            memcpy(names[n_names++], de->d_name, len + 1);
    }
    closedir(d);
    qsort(names, (size_t)n_names, sizeof names[0], cmp_str);

    core_scenario *sc = calloc(1, sizeof *sc);
    lvl_diags *diags = calloc(1, sizeof *diags);
    if (!sc || !diags)
        return 1;
    int rc = 0;
    for (int i = 0; i < n_names; i++) {
        char path[1400], label[256];
        snprintf(path, sizeof path, "%.1023s/%.255s", dir, names[i]);
        snprintf(label, sizeof label, "%.*s", (int)(strlen(names[i]) - 5), names[i]);
        memset(sc, 0, sizeof *sc);
        memset(diags, 0, sizeof *diags);
        if (!lvl_load_file(path, sc, diags)) {
            fprintf(stderr, "bench_core: cannot load %s\n", path);
            rc = 1;
            continue;
        }
        printf("core_games_per_second_%s %.0f games/s\n", label, games_per_second(sc, CORE_SIM_TEAM));
        printf("core_games_per_second_%s_solo %.0f games/s\n", label, games_per_second(sc, CORE_SIM_SOLO));
        fflush(stdout);
    }
    test_scenario_noor(sc);
    printf("core_games_per_second_c_scenario %.0f games/s\n", games_per_second(sc, CORE_SIM_TEAM));
    free(sc);
    free(diags);
    return rc;
}
