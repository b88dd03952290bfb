/* ui_rig: the in-process host of the ui tests (see ui_rig.h). */
#include "ui_rig.h"
#include "level/level.h"
#include "platform/plat.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

void ui_rig_host_options(host_options *ho, const char *code, uint64_t seed)
{
    host_options_default(ho);
    snprintf(ho->code, sizeof ho->code, "%s", code);
    ho->headless = true;
    ho->advance_idle_ms = 0;
    ho->seed = seed;
}

host *ui_rig_host_start(host_options *ho, const core_scenario *sc, int base_port)
{
    char err[512] = "";
    lvl_diags *d = calloc(1, sizeof *d);
    assert_non_null(d);
    host *h = NULL;
    for (int attempt = 0; attempt < 8 && !h; attempt++) {
        ho->port = base_port + (int)((plat_now_ms() + (uint64_t)attempt * 97u) % 700u);
        h = sc ? host_create_scenario(ho, sc, NULL, NULL, err, sizeof err)
               : host_create(ho, NULL, NULL, d, err, sizeof err);
    }
    free(d);
    if (!h)
        fail_msg("host: %s", err);
    return h;
}

void ui_rig_join_options(cli_options *co, const host *h, const char *code)
{
    cli_options_default(co);
    snprintf(co->host, sizeof co->host, "127.0.0.1");
    co->port = host_port(h);
    snprintf(co->code, sizeof co->code, "%s", code);
    co->no_token_store = true;
}
