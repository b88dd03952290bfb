/* samenspel host: the projector window, or --headless without a window. */
#include "app/app.h"
#include "host/host.h"
#include "host/host_journal.h"
#include "platform/i18n.h"

#include <stdio.h>

#ifdef SAMENSPEL_HAVE_UI
#include "ui/ui.h"
#endif

int cmd_host(int argc, char **argv)
{
    static host_options opts; /* large: not on the stack */
    char err[256];
    int r = host_options_parse(argc, argv, &opts, err, sizeof err);
    if (r != 0)
        return app_options_status("host", r, err);
    if (opts.headless)
        return host_run_headless_journaled(&opts);
#ifdef SAMENSPEL_HAVE_UI
    return ui_host_main(&opts);
#else
    return app_no_window(_("samenspel host: deze versie heeft geen projectorvenster; "
                           "gebruik --headless."));
#endif
}
