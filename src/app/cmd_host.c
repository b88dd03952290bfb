/* samenspel host: the projector window, or --headless without a window. */
#include "app/app.h"
#include "host/host.h"
#include "host/host_journal.h"
#include "platform/i18n.h"

#include <stdio.h>

int cmd_host(int argc, char **argv)
{
    static host_options opts; /* large: not on the stack */
    char err[256];
    int r = host_options_parse(argc, argv, &opts, err, sizeof err);
    if (r != 0)
        return app_options_status("host", r, err);
    if (opts.headless)
        return host_run_headless_journaled(&opts);
    return APP_WINDOW(ui_host_main(&opts), _("samenspel host: deze versie heeft geen projectorvenster; "
                                             "gebruik --headless."));
}
