/* samenspel check: not built yet; answers honestly instead of faking a result. */
#include "app/app.h"

int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return app_not_available("check");
}
