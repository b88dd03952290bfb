/* Tests of the platform module: paths, files, clock, language switch,
 * option tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "platform/args.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[256];

static int make_scratch(void **state)
{
    (void)state;
    snprintf(scratch, sizeof scratch, "/tmp/samenspel-plat-%ld", (long)getpid());
    return plat_mkdirs(scratch, 0700) ? 0 : -1;
}

static void test_data_dir_finds_levels(void **state)
{
    (void)state;
    char dir[PLAT_PATH_MAX];
    assert_true(plat_data_dir(dir, sizeof dir));
    char probe[PLAT_PATH_MAX + 16];
    snprintf(probe, sizeof probe, "%s/levels", dir);
    struct stat sb;
    assert_int_equal(stat(probe, &sb), 0);
    assert_true(S_ISDIR(sb.st_mode));

    char path[PLAT_PATH_MAX];
    assert_true(plat_data_path("levels", path, sizeof path));
    assert_string_equal(path, probe);
}

static void test_data_path_too_long_is_refused(void **state)
{
    (void)state;
    char tiny[8];
    assert_false(plat_data_path("levels/a-very-long-name.yaml", tiny, sizeof tiny));
}

static void test_mkdirs_nested(void **state)
{
    (void)state;
    char nested[512];
    snprintf(nested, sizeof nested, "%s/a/b/c", scratch);
    assert_true(plat_mkdirs(nested, 0700));
    assert_true(plat_mkdirs(nested, 0700)); /* exists already: still fine */
    struct stat sb;
    assert_int_equal(stat(nested, &sb), 0);
}

static void test_xdg_dirs_follow_environment(void **state)
{
    (void)state;
    char base[300];
    snprintf(base, sizeof base, "%s/xdg-state", scratch);
    setenv("XDG_STATE_HOME", base, 1);
    char dir[PLAT_PATH_MAX];
    assert_true(plat_state_dir(dir, sizeof dir));
    char want[400];
    snprintf(want, sizeof want, "%s/samenspel", base);
    assert_string_equal(dir, want);

    /* A relative XDG path is invalid per the spec and falls back to $HOME. */
    setenv("XDG_DATA_HOME", "relative/path", 1);
    setenv("HOME", scratch, 1);
    assert_true(plat_user_data_dir(dir, sizeof dir));
    snprintf(want, sizeof want, "%s/.local/share/samenspel", scratch);
    assert_string_equal(dir, want);
}

/* Writes text to <scratch>/name; path gets the file's path. */
static void write_scratch(char *path, size_t len, const char *name, const char *text)
{
    snprintf(path, len, "%s/%s", scratch, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    fclose(f);
}

static void test_read_file_and_limit(void **state)
{
    (void)state;
    char path[300], text[10001];
    for (int i = 0; i < 10000; i++)
        text[i] = (char)('a' + i % 26);
    text[10000] = '\0';
    write_scratch(path, sizeof path, "f.txt", text);

    char err[256] = "";
    size_t n = 0;
    char *buf = plat_read_file(path, 1 << 20, &n, err, sizeof err);
    assert_non_null(buf);
    assert_int_equal(n, 10000);
    assert_int_equal(buf[n], '\0');
    assert_int_equal(buf[27], 'b');
    free(buf);

    buf = plat_read_file(path, 9999, &n, err, sizeof err);
    assert_null(buf);
    assert_non_null(strstr(err, "larger"));

    /* Exactly at the limit is allowed. */
    buf = plat_read_file(path, 10000, &n, err, sizeof err);
    assert_non_null(buf);
    free(buf);

    snprintf(path, sizeof path, "%s/missing.txt", scratch);
    buf = plat_read_file(path, 100, &n, err, sizeof err);
    assert_null(buf);
    assert_non_null(strstr(err, "missing.txt"));
}

static void test_file_stat(void **state)
{
    (void)state;
    char path[300];
    write_scratch(path, sizeof path, "s.txt", "hallo");
    int64_t mtime = 0, size = 0;
    assert_true(plat_file_stat(path, &mtime, &size));
    assert_int_equal(size, 5);
    assert_true(mtime > 0);
    assert_false(plat_file_stat("/nonexistent/samenspel", &mtime, &size));
}

static void test_clock_is_monotonic(void **state)
{
    (void)state;
    uint64_t a = plat_now_ns();
    plat_sleep_ms(5);
    uint64_t b = plat_now_ns();
    assert_true(b > a);
    assert_true(b - a >= 4000000ULL);
}

static void test_language_switch(void **state)
{
    (void)state;
    plat_i18n_init("en");
    assert_string_equal(plat_i18n_lang(), "en");
    /* A msgid from main.c's usage text; po/en.po translates it. */
    assert_string_equal(_("Opdrachten:\n"), "Commands:\n");
    plat_i18n_init("nl");
    assert_string_equal(plat_i18n_lang(), "nl");
    assert_string_equal(_("Opdrachten:\n"), "Opdrachten:\n");
    plat_i18n_init("xx"); /* unknown: Dutch */
    assert_string_equal(plat_i18n_lang(), "nl");
}

/* The operands a parse saw, joined by '+'. */
static int collect_operand(void *ctx, const char *arg, char *err, size_t err_len)
{
    char *seen = ctx;
    if (!strcmp(arg, "bad")) {
        snprintf(err, err_len, "bad operand");
        return -1;
    }
    size_t n = strlen(seen);
    snprintf(seen + n, 64 - n, "%s%s", n ? "+" : "", arg);
    return 0;
}

/* Parses argv (NULL-terminated, argv[0] the command) with a small table. */
static int parse_line(char **argv, char *out, bool *flag, int *num, char *seen, char *err)
{
    static uint64_t big;
    const plat_opt opts[] = {
        {"--big", PLAT_OPT_U64, &big, 0, 0, 0, NULL, "--big %s: 0 or more"},
        {"--out", PLAT_OPT_TEXT, out, 8, 1, 0, NULL, "%s: too long"},
        {"-o", PLAT_OPT_TEXT, out, 8, 1, 0, NULL, "%s: too long"},
        {"--flag", PLAT_OPT_FLAG, flag, 0, 0, 0, NULL, NULL},
        {"--num", PLAT_OPT_INT, num, 0, 1, 9, NULL, "--num %s: 1 to 9"},
    };
    int argc = 0;
    while (argv[argc])
        argc++;
    out[0] = seen[0] = err[0] = '\0';
    *flag = false;
    *num = 0;
    return plat_opts_parse(NULL, opts, sizeof opts / sizeof opts[0], argc, argv, collect_operand, seen, err, 128);
}

static void test_option_table_parse(void **state)
{
    (void)state;
    plat_i18n_init("nl");
    char out[8], seen[64], err[128];
    bool flag;
    int num;
    /* values after a space or an '=', aliases, operands in between */
    char *a1[] = {"cmd", "x", "--out=dir", "--num", "3", "y", "--flag", NULL};
    assert_int_equal(parse_line(a1, out, &flag, &num, seen, err), 0);
    assert_string_equal(out, "dir");
    assert_int_equal(num, 3);
    assert_true(flag);
    assert_string_equal(seen, "x+y");
    char *a2[] = {"cmd", "-o", "d2", "--num=7", NULL};
    assert_int_equal(parse_line(a2, out, &flag, &num, seen, err), 0);
    assert_string_equal(out, "d2");
    assert_int_equal(num, 7);
    /* help stops the parse (also in Dutch) */
    char *a3[] = {"cmd", "--help", "--bogus", NULL};
    assert_int_equal(parse_line(a3, out, &flag, &num, seen, err), 1);
    char *a4[] = {"cmd", "--hulp", NULL};
    assert_int_equal(parse_line(a4, out, &flag, &num, seen, err), 1);
    /* what is wrong is said */
    char *bad[][3] = {{"cmd", "--out=", NULL}, {"cmd", "--out", NULL},         {"cmd", "--flag=1", NULL},
                      {"cmd", "--num=0", NULL}, {"cmd", "--out=toolongdir", NULL}, {"cmd", "--bogus", NULL},
                      {"cmd", "bad", NULL}, {"cmd", "--big=-3", NULL}};
    const char *why[] = {"optie --out verwacht een waarde", "optie --out verwacht een waarde",
                         "optie --flag neemt geen waarde", "--num 0: 1 to 9", "--out: too long",
                         "onbekende optie '--bogus'", "bad operand", "--big -3: 0 or more"};
    for (size_t k = 0; k < sizeof why / sizeof why[0]; k++) {
        assert_int_equal(parse_line(bad[k], out, &flag, &num, seen, err), -1);
        assert_string_equal(err, why[k]);
    }
}

/* A flag with an optional number (`--resume [ID]`): the next argument is its
 * number only when it is one; after '=' it must be. */
static void test_option_flag_with_optional_id(void **state)
{
    (void)state;
    plat_i18n_init("nl");
    static const struct {
        const char *argv[4];
        int result;
        bool given;
        int64_t id;
        const char *seen, *err;
    } cases[] = {
        {{"cmd", "--resume", NULL}, 0, true, 0, "", ""},
        {{"cmd", "--resume", "12", NULL}, 0, true, 12, "", ""},
        {{"cmd", "--resume", "levels/noor.yaml", NULL}, 0, true, 0, "levels/noor.yaml", ""},
        {{"cmd", "x.yaml", "--resume", NULL}, 0, true, 0, "x.yaml", ""},
        {{"cmd", "--resume", "0", NULL}, 0, true, 0, "0", ""}, /* below 1: not a session number */
        {{"cmd", "--resume=7", "y", NULL}, 0, true, 7, "y", ""},
        {{"cmd", "--resume=x", NULL}, -1, true, 0, "", "--resume=x: a session number"},
        {{"cmd", "y", NULL}, 0, false, 0, "y", ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bool given = false;
        int64_t id = 0;
        plat_flag_id to = {&given, &id};
        const plat_opt opts[] = {
            {"--resume", PLAT_OPT_FLAG_ID, &to, 0, 1, 99, NULL, "--resume=%s: a session number"},
        };
        char *argv[4];
        int argc = 0;
        for (; cases[k].argv[argc]; argc++)
            argv[argc] = (char *)cases[k].argv[argc];
        argv[argc] = NULL;
        char seen[64] = "", err[128] = "";
        assert_int_equal(plat_opts_parse(NULL, opts, 1, argc, argv, collect_operand, seen, err, sizeof err),
                         cases[k].result);
        assert_int_equal(given, cases[k].given);
        assert_int_equal(id, cases[k].id);
        assert_string_equal(seen, cases[k].seen);
        assert_string_equal(err, cases[k].err);
    }
}

TS_MAIN(make_scratch, NULL,
        cmocka_unit_test(test_data_dir_finds_levels),
        cmocka_unit_test(test_data_path_too_long_is_refused),
        cmocka_unit_test(test_mkdirs_nested),
        cmocka_unit_test(test_xdg_dirs_follow_environment),
        cmocka_unit_test(test_read_file_and_limit),
        cmocka_unit_test(test_file_stat),
        cmocka_unit_test(test_clock_is_monotonic),
        cmocka_unit_test(test_language_switch),
        cmocka_unit_test(test_option_table_parse),
        cmocka_unit_test(test_option_flag_with_optional_id))
