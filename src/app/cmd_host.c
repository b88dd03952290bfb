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
    if (r > 0)
        return 0;
    if (r < 0) {
        fprintf(stderr, "samenspel host: %s\n", err);
        fprintf(stderr, "%s\n", _("Probeer 'samenspel host --help'."));
        return 2;
    }
    if (opts.headless)
        return host_run_headless_journaled(&opts);
#ifdef SAMENSPEL_HAVE_UI
    return ui_host_main(&opts);
#else
    fprintf(stderr, "%s\n", _("samenspel host: deze versie heeft geen projectorvenster; "
                              "gebruik --headless."));
    return 3;
#endif
}
