/*
 * app: the subcommands of the one `samenspel` binary. Each cmd_* takes the
 * arguments after its own name (argv[0] is the subcommand) and returns the
 * process exit status. Each lives in its own cmd_<name>.c, owned by the
 * layer it fronts.
 */
#ifndef SAMENSPEL_APP_H
#define SAMENSPEL_APP_H

int cmd_start(int argc, char **argv);    /* no subcommand: the start window */
int cmd_host(int argc, char **argv);
int cmd_join(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_handout(int argc, char **argv); /* handout.c */

/* For subcommands that are not built yet: a clear message, exit status 3. */
int app_not_available(const char *what);

#endif
