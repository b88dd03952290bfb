/*
 * app: the subcommands of the one `samenspel` binary. Each cmd_* takes the
 * arguments after its own name (argv[0] is the subcommand) and returns the
 * process exit status. Each lives in its own cmd_<name>.c, owned by the
 * layer it fronts.
 */
#ifndef SAMENSPEL_APP_H
#define SAMENSPEL_APP_H

#include "core/core.h"
#include "level/level.h"
#include "platform/args.h"

#include <stdio.h>

int cmd_start(int argc, char **argv);    /* no subcommand: the start window */
int cmd_host(int argc, char **argv);
int cmd_join(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_handout(int argc, char **argv); /* handout.c */

/* For subcommands that are not built yet: a clear message, exit status 3. */
int app_not_available(const char *what);

/* After a bad option of subcommand `cmd` (its own message already
 * printed): points to its --help and returns exit status 2. */
int app_try_help(const char *cmd);

/* The exit status for what an option parser returned: 1 (it printed the
 * help) gives 0; -1 prints `err` and the --help hint and gives 2. */
int app_options_status(const char *cmd, int parsed, const char *err);

/* The command line of subcommand `cmd` read with its option table
 * (plat_opts_parse): true when the command goes on; false with *status
 * its exit status after --help (usage printed, 0) or an error (the message
 * and the --help hint, 2). */
bool app_options(const char *cmd, void (*usage)(FILE *), const plat_opt *opts, size_t n_opts, int argc,
                 char **argv, plat_operand_fn operand, void *ctx, int *status);

/* A build without a window: prints msg and returns exit status 3, like
 * app_not_available. */
int app_no_window(const char *msg);

/* The window a command opens (`call`, a ui_*_main), or in a build without
 * the ui app_no_window(no_window): the one place where a command depends on
 * whether the windows were built. */
#ifdef SAMENSPEL_HAVE_UI
#include "ui/ui.h"
#define APP_WINDOW(call, no_window) (call)
#else
#define APP_WINDOW(call, no_window) app_no_window(no_window)
#endif

/* A level and its diagnostics, zeroed: both are large, so on the heap.
 * NULL after a message naming cmd when memory is short; free() it. */
typedef struct {
    core_scenario sc;
    lvl_diags diags;
} app_level;
app_level *app_level_new(const char *cmd);

#endif
