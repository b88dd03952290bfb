/* samenspel join: the player window, or --headless (a bot or a listing). */
#include "app/app.h"
#include "client/client.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>

/* Without a host: listen for games on the LAN for a few seconds and list
 * them (headless); the window shows the same list itself. */
static int list_games(const cli_options *o)
{
    char err[256];
    cli_discovery *d = cli_discovery_start(o->port, NULL, err, sizeof err);
    if (!d) {
        fprintf(stderr, "samenspel join: %s\n", err);
        return 1;
    }
    uint64_t until = plat_now_ms() + 3000;
    while (plat_now_ms() < until) {
        cli_discovery_poll(d, NULL, 0);
        plat_sleep_ms(50);
    }
    cli_found_game games[CLI_MAX_FOUND];
    int n = cli_discovery_poll(d, games, CLI_MAX_FOUND);
    if (n > CLI_MAX_FOUND)
        n = CLI_MAX_FOUND;
    if (n == 0)
        printf("%s\n", _("Geen spellen gevonden op het netwerk. Geef het adres van de host op."));
    for (int i = 0; i < n; i++)
        printf(_("%s:%d  code %s  %s  (%d van %d plaatsen vrij%s)\n"), games[i].address, games[i].port,
               games[i].code, games[i].title, games[i].seats_free, games[i].seats_total,
               games[i].started ? _(", bezig") : "");
    cli_discovery_stop(d);
    return 0;
}

int cmd_join(int argc, char **argv)
{
    static cli_options opts;
    char err[256];
    int r = cli_options_parse(argc, argv, &opts, err, sizeof err);
    if (r != 0)
        return app_options_status("join", r, err);
    if (opts.headless) /* a bot, or without a host the games on the LAN */
        return opts.host[0] ? cli_run_headless(&opts) : list_games(&opts);
    return APP_WINDOW(ui_join_main(&opts), _("samenspel join: deze versie heeft geen spelersvenster; "
                                             "gebruik --headless."));
}
