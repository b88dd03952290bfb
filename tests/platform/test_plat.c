/* Tests of the platform module: paths, files, clock, language switch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

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

TS_MAIN(make_scratch, NULL,
        cmocka_unit_test(test_data_dir_finds_levels),
        cmocka_unit_test(test_data_path_too_long_is_refused),
        cmocka_unit_test(test_mkdirs_nested),
        cmocka_unit_test(test_xdg_dirs_follow_environment),
        cmocka_unit_test(test_read_file_and_limit),
        cmocka_unit_test(test_file_stat),
        cmocka_unit_test(test_clock_is_monotonic),
        cmocka_unit_test(test_language_switch))
