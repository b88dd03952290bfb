/* platform/plat: where files live (data, state, user data), reading them,
 * the clock, and the language gettext speaks. */
#include "platform/plat.h"

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static bool has_levels(const char *dir)
{
    char probe[PLAT_PATH_MAX];
    struct stat sb;
    int n = snprintf(probe, sizeof probe, "%s/levels", dir);
    return n > 0 && (size_t)n < sizeof probe && stat(probe, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static bool copy_path(char *out, size_t len, const char *src)
{
    size_t n = strlen(src);
    if (n + 1 > len)
        return false;
    memcpy(out, src, n + 1);
    return true;
}

/* The executable's folder; Linux first, other systems fall back to the
 * installed and source locations. */
static bool exe_dir(char *out, size_t len)
{
#ifdef __linux__
    ssize_t n = readlink("/proc/self/exe", out, len - 1);
    if (n <= 0 || (size_t)n >= len - 1)
        return false;
    out[n] = '\0';
    char *slash = strrchr(out, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
#else
    (void)out;
    (void)len;
    return false;
#endif
}

bool plat_data_dir(char *out, size_t len)
{
    const char *env = getenv("SAMENSPEL_DATA_DIR");
    if (env && *env && has_levels(env))
        return copy_path(out, len, env);

    char exe[PLAT_PATH_MAX];
    if (exe_dir(exe, sizeof exe)) {
        char cand[PLAT_PATH_MAX + 32];
        snprintf(cand, sizeof cand, "%s/../share/samenspel", exe);
        if (has_levels(cand))
            return copy_path(out, len, cand);
    }
    if (has_levels(SAMENSPEL_DATADIR))
        return copy_path(out, len, SAMENSPEL_DATADIR);
    if (has_levels(SAMENSPEL_SOURCE_DIR))
        return copy_path(out, len, SAMENSPEL_SOURCE_DIR);
    return false;
}

bool plat_data_path(const char *rel, char *out, size_t len)
{
    char dir[PLAT_PATH_MAX];
    if (!plat_data_dir(dir, sizeof dir))
        return false;
    int n = snprintf(out, len, "%s/%s", dir, rel);
    return n > 0 && (size_t)n < len;
}

bool plat_mkdirs(const char *path, int mode)
{
    char buf[PLAT_PATH_MAX];
    if (!copy_path(buf, sizeof buf, path))
        return false;
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, (mode_t)mode) != 0 && errno != EEXIST)
                return false;
            *p = '/';
        }
    }
    if (mkdir(buf, (mode_t)mode) != 0 && errno != EEXIST)
        return false;
    struct stat sb;
    return stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static bool xdg_dir(const char *env_name, const char *fallback, char *out, size_t len)
{
    const char *base = getenv(env_name);
    int n;
    if (base && base[0] == '/') {
        n = snprintf(out, len, "%s/samenspel", base);
    } else {
        const char *home = getenv("HOME");
        if (!home || !*home)
            home = "/tmp";
        n = snprintf(out, len, "%s/%s/samenspel", home, fallback);
    }
    if (n <= 0 || (size_t)n >= len)
        return false;
    return plat_mkdirs(out, 0700);
}

bool plat_state_dir(char *out, size_t len)
{
    return xdg_dir("XDG_STATE_HOME", ".local/state", out, len);
}

bool plat_user_data_dir(char *out, size_t len)
{
    return xdg_dir("XDG_DATA_HOME", ".local/share", out, len);
}

bool plat_file_stat(const char *path, int64_t *mtime_ns, int64_t *size)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return false;
    if (mtime_ns)
        *mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000LL + (int64_t)sb.st_mtim.tv_nsec;
    if (size)
        *size = (int64_t)sb.st_size;
    return true;
}

char *plat_read_file(const char *path, size_t max_bytes, size_t *out_len, char *err, size_t err_len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err)
            snprintf(err, err_len, "%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        fclose(f);
        if (err)
            snprintf(err, err_len, "%s: out of memory", path);
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            if (cap >= max_bytes) {
                /* Exactly max_bytes long is fine; one byte more is not. */
                if (fgetc(f) == EOF && !ferror(f))
                    break;
                free(buf);
                fclose(f);
                if (err)
                    snprintf(err, err_len, "%s: file larger than %zu bytes", path, max_bytes);
                return NULL;
            }
            size_t ncap = cap * 2 > max_bytes ? max_bytes : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                if (err)
                    snprintf(err, err_len, "%s: out of memory", path);
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                if (err)
                    snprintf(err, err_len, "%s: %s", path, strerror(errno));
                free(buf);
                fclose(f);
                return NULL;
            }
            break;
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (out_len)
        *out_len = n;
    return buf;
}

uint64_t plat_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

uint64_t plat_now_ms(void)
{
    return plat_now_ns() / 1000000ULL;
}

void plat_sleep_ms(unsigned ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static char current_lang[8] = "nl";

void plat_i18n_init(const char *lang)
{
    /* Only messages and character classes follow the user's locale: numbers
     * must keep a '.' decimal point in JSON, CSV and level files. */
    setlocale(LC_CTYPE, "");
    const char *msgs = setlocale(LC_MESSAGES, "");
    /* In the C locale gettext ignores $LANGUAGE; C.UTF-8 does not. */
    if (!msgs || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
        setlocale(LC_MESSAGES, "C.UTF-8");

    const char *want = (lang && strcmp(lang, "en") == 0) ? "en" : "nl";
    snprintf(current_lang, sizeof current_lang, "%s", want);
    setenv("LANGUAGE", want, 1);

    struct stat sb;
    char probe[PLAT_PATH_MAX];
    snprintf(probe, sizeof probe, "%s/en/LC_MESSAGES/samenspel.mo", SAMENSPEL_LOCALEDIR);
    const char *dir = stat(probe, &sb) == 0 ? SAMENSPEL_LOCALEDIR : SAMENSPEL_BUILD_LOCALEDIR;
    const char *env_dir = getenv("SAMENSPEL_LOCALE_DIR");
    if (env_dir && *env_dir)
        dir = env_dir;
    bindtextdomain("samenspel", dir);
    bind_textdomain_codeset("samenspel", "UTF-8");
    /* Calling textdomain() again makes gettext drop its cached lookups, so a
     * language switch takes effect at once. */
    textdomain("samenspel");
}

const char *plat_i18n_lang(void)
{
    return current_lang;
}

void plat_str_append(char *buf, size_t cap, size_t *used, const char *sep, const char *item)
{
    int n = snprintf(buf + *used, cap - *used, "%s%s", *used ? sep : "", item);
    if (n > 0 && (size_t)n < cap - *used)
        *used += (size_t)n;
}
