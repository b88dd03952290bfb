/* samenspel (no subcommand): the start window (host / join / check). */
#include "app/app.h"

#if defined(SAMENSPEL_UI_FRONTENDS)
#include "ui/ui.h"
#endif

int cmd_start(int argc, char **argv)
{
#if defined(SAMENSPEL_UI_FRONTENDS)
    return ui_start_main(argc, argv);
#else
    /* Built without the host/client layers: say so instead of faking it. */
    (void)argc;
    (void)argv;
    return app_not_available("(startvenster)");
#endif
}
