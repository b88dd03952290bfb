/* ui/levels: the level files a trainer can pick: the bundled levels/ and
 * the user's own level folder. */
#include "ui/levels.h"

#include "level/level.h"
#include "platform/plat.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(((const ui_level_entry *)a)->name, ((const ui_level_entry *)b)->name);
}

static void scan(const char *dir, ui_level_list *out, bool own)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && out->n < UI_MAX_LEVELS) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        /* the shared roles file is not a level, and the blank template
         * (levels/sjabloon.yaml) is for copying, not for playing */
        if (strcmp(e->d_name, "rollen.yaml") == 0 || strcmp(e->d_name, "sjabloon.yaml") == 0)
            continue;
        ui_level_entry *le = &out->items[out->n];
        int n = snprintf(le->path, sizeof le->path, "%s/%s", dir, e->d_name);
        if (n < 0 || (size_t)n >= sizeof le->path)
            continue;
        snprintf(le->name, sizeof le->name, "%.*s", (int)(len - 5), e->d_name);
        le->own = own;
        out->n++;
    }
    closedir(d);
}

/* Title, seats and rounds of each level, read with the real loader so the
 * list and `samenspel check` agree on what loads. */
static void describe(ui_level_list *out)
{
    core_scenario *sc = malloc(sizeof *sc);
    lvl_diags *d = malloc(sizeof *d);
    for (int i = 0; sc && d && i < out->n; i++) {
        ui_level_entry *le = &out->items[i];
        memset(d, 0, sizeof *d);
        le->loads = lvl_load_file(le->path, sc, d);
        snprintf(le->title, sizeof le->title, "%s", le->loads ? sc->title : le->name);
        le->seats = le->loads ? sc->n_seats : 0;
        le->rounds = le->loads ? sc->rules.rounds : 0;
    }
    free(sc);
    free(d);
}

void ui_levels_scan(ui_level_list *out)
{
    memset(out, 0, sizeof *out);
    char dir[PLAT_PATH_MAX];
    if (plat_data_path("levels", dir, sizeof dir))
        scan(dir, out, false);
    int bundled = out->n;
    qsort(out->items, (size_t)bundled, sizeof out->items[0], by_name);
    char user[PLAT_PATH_MAX];
    if (plat_user_data_dir(user, sizeof user)) {
        char own[PLAT_PATH_MAX + 16];
        snprintf(own, sizeof own, "%s/levels", user);
        scan(own, out, true);
    }
    qsort(out->items + bundled, (size_t)(out->n - bundled), sizeof out->items[0], by_name);
    describe(out);
}
