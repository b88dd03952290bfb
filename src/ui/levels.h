/* ui/levels: list the level files the start window and the projector offer. */
#ifndef SAMENSPEL_UI_LEVELS_H
#define SAMENSPEL_UI_LEVELS_H

#include "core/core.h"

#include <stdbool.h>

#define UI_MAX_LEVELS 48

typedef struct {
    char path[1100];
    char name[128];   /* file name without .yaml */
    bool own;         /* from the user's own level folder */
    bool loads;       /* the file loads without errors */
    char title[CORE_TITLE_LEN + 128]; /* the title (the file name when it does not load) */
    int seats;        /* roles at the table */
    int rounds;       /* length in rounds */
} ui_level_entry;

typedef struct {
    ui_level_entry items[UI_MAX_LEVELS];
    int n;
} ui_level_list;

/* Bundled levels first (sorted), then the user's own; each is loaded once
 * so that the list can show its title, seats and length. */
void ui_levels_scan(ui_level_list *out);

#endif
