/* golden_compare: see golden_compare.h. */
#include "golden_compare.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int golden_compare(ui_gfx *g, const char *what, const char *golden_path, const char *actual_path,
                   bool update)
{
    char err[512] = "";
    if (update) {
        if (!ui_gfx_save_png(g, golden_path, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
        return 0;
    }
    int gw = 0, gh = 0, aw = 0, ah = 0;
    uint8_t *gold = ui_png_read_rgba(golden_path, &gw, &gh, err, sizeof err);
    if (!gold) {
        fprintf(stderr, "%s\n  (regenerate with SAMENSPEL_UPDATE_GOLDEN=1)\n", err);
        return 1;
    }
    uint8_t *act = ui_gfx_read_rgba(g, &aw, &ah);
    int rc = 0;
    if (!act || aw != gw || ah != gh) {
        fprintf(stderr, "%s: size %dx%d, golden %dx%d\n", what, aw, ah, gw, gh);
        rc = 1;
    } else {
        size_t diff = 0, n = (size_t)aw * (size_t)ah;
        for (size_t i = 0; i < n; i++)
            for (int c = 0; c < 3; c++) {
                int d = (int)act[i * 4 + (size_t)c] - (int)gold[i * 4 + (size_t)c];
                if (d > GOLDEN_CHANNEL_TOL || d < -GOLDEN_CHANNEL_TOL) {
                    diff++;
                    break;
                }
            }
        if ((double)diff > GOLDEN_PIXEL_SHARE * (double)n) {
            for (size_t i = 0; i < n; i++)
                act[i * 4 + 3] = 255;
            ui_png_write_rgba(actual_path, act, aw, ah, err, sizeof err);
            fprintf(stderr, "%s: %zu of %zu pixels differ; actual frame in %s\n", what, diff, n,
                    actual_path);
            rc = 1;
        }
    }
    free(gold);
    free(act);
    return rc;
}

bool golden_update_wanted(const char *u, const char *name)
{
    if (!u || !u[0])
        return false;
    if (strcmp(u, "1") == 0)
        return true;
    for (const char *p = u; *p;) {
        size_t n = strcspn(p, ",");
        if (n > 0 && strncmp(name, p, n) == 0)
            return true;
        p += n;
        if (*p == ',')
            p++;
    }
    return false;
}
