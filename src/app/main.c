/* main(): global options and the dispatch to subcommands. */
#include "app/app.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The commands that write pages need the report layer
 * (src/report/CMakeLists.txt); without it they say they are not built. */
#ifdef SAMENSPEL_HAVE_REPORT
#define REPORT_COMMAND(run) run
#else
#define REPORT_COMMAND(run) NULL
#endif

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv); /* NULL: not in this build */
    const char *summary; /* Dutch msgid */
} app_command;

static const app_command commands[] = {
    {"host", cmd_host, N_("een spel hosten op de projector (of --headless)")},
    {"join", cmd_join, N_("aansluiten bij een spel op het netwerk")},
    {"check", cmd_check, N_("casusbestanden controleren")},
    {"simulate", cmd_simulate, N_("een casus spelen met bots en de uitkomsten tonen")},
    {"report", REPORT_COMMAND(cmd_report), N_("het verslag van een sessie exporteren")},
    {"handout", REPORT_COMMAND(cmd_handout), N_("de handout van een casus maken (A4, om te printen)")},
};

static void print_usage(FILE *out)
{
    fprintf(out, _("Gebruik: samenspel [--lang nl|en] [OPDRACHT] [OPTIES]\n\n"));
    fprintf(out, _("Samenspel is een coöperatief kaartspel over interprofessioneel samenwerken\n"
                   "rond één leerling. Zonder opdracht opent het startvenster.\n\n"));
    fprintf(out, _("Opdrachten:\n"));
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
    fprintf(out, _("\nAlgemene opties:\n"
                   "  -h, --help     deze hulp tonen\n"
                   "  -V, --version  de versie tonen\n"
                   "  --lang TAAL    nl (standaard) of en\n\n"
                   "Meer hulp bij een opdracht: samenspel OPDRACHT --help\n"));
}

int app_not_available(const char *what)
{
    fprintf(stderr, _("samenspel %s: nog niet beschikbaar in deze versie.\n"), what);
    return 3;
}

int app_try_help(const char *cmd)
{
    fprintf(stderr, _("Probeer 'samenspel %s --help'.\n"), cmd);
    return 2;
}

int app_options_status(const char *cmd, int parsed, const char *err)
{
    if (parsed > 0)
        return 0;
    fprintf(stderr, "samenspel %s: %s\n", cmd, err);
    return app_try_help(cmd);
}

bool app_options(const char *cmd, void (*usage)(FILE *), const plat_opt *opts, size_t n_opts, int argc,
                 char **argv, plat_operand_fn operand, void *ctx, int *status)
{
    char err[256];
    int r = plat_opts_parse(NULL, opts, n_opts, argc, argv, operand, ctx, err, sizeof err);
    if (r == 1)
        usage(stdout);
    *status = r == 0 ? 0 : app_options_status(cmd, r, err);
    return r == 0;
}

int app_no_window(const char *msg)
{
    fprintf(stderr, "%s\n", msg);
    return 3;
}

app_level *app_level_new(const char *cmd)
{
    app_level *lv = calloc(1, sizeof *lv);
    if (!lv)
        fprintf(stderr, _("samenspel %s: onvoldoende geheugen.\n"), cmd);
    return lv;
}

/* --lang may appear anywhere; it is taken out before dispatch so that every
 * subcommand shares it. */
static int take_lang(int argc, char **argv, const char **lang)
{
    int out = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            *lang = argv[++i];
            continue;
        }
        if (strncmp(argv[i], "--lang=", 7) == 0) {
            *lang = argv[i] + 7;
            continue;
        }
        argv[out++] = argv[i];
    }
    argv[out] = NULL;
    return out;
}

int main(int argc, char **argv)
{
    /* A peer that disappears must not kill the host through SIGPIPE. */
    signal(SIGPIPE, SIG_IGN);

    const char *lang = NULL;
    argc = take_lang(argc, argv, &lang);
    if (lang && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0) {
        fprintf(stderr, "samenspel: --lang %s: use nl or en / gebruik nl of en\n", lang);
        return 2;
    }
    plat_i18n_init(lang);

    if (argc < 2)
        return cmd_start(argc, argv);

    const char *sub = argv[1];
    if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) {
        print_usage(stdout);
        return 0;
    }
    if (strcmp(sub, "-V") == 0 || strcmp(sub, "--version") == 0) {
        printf("samenspel %s\n", SAMENSPEL_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(sub, commands[i].name) == 0)
            return commands[i].run ? commands[i].run(argc - 1, argv + 1)
                                   : app_not_available(commands[i].name);
    }
    /* Options without a subcommand (--font, ...) belong to the start window. */
    if (sub[0] == '-')
        return cmd_start(argc, argv);
    fprintf(stderr, _("samenspel: onbekende opdracht '%s'\n"), sub);
    fprintf(stderr, _("Probeer 'samenspel --help'.\n"));
    return 2;
}
