/* ui_main: the group fixtures every ui test binary runs its tests in (with
 * TS_MAIN from ts_main.h). */
#ifndef SAMENSPEL_TEST_UI_MAIN_H
#define SAMENSPEL_TEST_UI_MAIN_H

#include "platform/plat.h"
#include "ui/gfx.h"
#include "ts_main.h"

/* The screens are checked in Dutch unless a test says otherwise. */
static inline int ui_group_nl(void **state)
{
    (void)state;
    plat_i18n_init("nl");
    return 0;
}

/* SDL and SDL_ttf shut down after the last test, so that a leak checker
 * sees none of their state. */
static inline int ui_group_quit(void **state)
{
    (void)state;
    TTF_Quit();
    SDL_Quit();
    return 0;
}

#endif
