/* platform/args: the option readers every subcommand shares (numbers,
 * ports, choices, option tables; see args.h), with a message a person can
 * act on when one is off. */
#include "platform/args.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/i18n.h"

bool plat_arg_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool plat_arg_copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        return false;
    memcpy(dst, src, n + 1);
    return true;
}

bool plat_arg_operand(char *dst, size_t cap, const char *a, const char *twice, const char *too_long, char *err,
                      size_t err_len)
{
    if (dst[0]) {
        snprintf(err, err_len, _(twice), a);
        return false;
    }
    if (!plat_arg_copy(dst, cap, a)) {
        snprintf(err, err_len, _(too_long), a);
        return false;
    }
    return true;
}

/* Room codes are 4 letters; people type them in lower case too. */
static int room_code(const char *val, char *code, char *err, size_t err_len)
{
    if (strlen(val) != 4) {
        snprintf(err, err_len, _("--code %s: de spelcode heeft 4 letters"), val);
        return -1;
    }
    for (int k = 0; k < 4; k++) {
        char c = val[k];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') {
            snprintf(err, err_len, _("--code %s: de spelcode heeft 4 letters"), val);
            return -1;
        }
        code[k] = c;
    }
    code[4] = '\0';
    return 1;
}

static int pick_screen(const char *val, const plat_common_args *w, char *err, size_t err_len)
{
    char names[160] = "";
    for (int k = 0; w->screens[k]; k++) {
        if (!strcmp(val, w->screens[k])) {
            *w->screen = k + 1;
            return 1;
        }
        size_t used = strlen(names);
        snprintf(names + used, sizeof names - used, "%s%s", k ? ", " : "", w->screens[k]);
    }
    snprintf(err, err_len, _("--screen %s: kies een van: %s"), val, names);
    return -1;
}

int plat_common_arg(const char *opt, const char *val, const plat_common_args *w, char *err, size_t err_len)
{
    bool font = !strcmp(opt, "--font"), shot = !strcmp(opt, "--screenshot");
    bool screen = !strcmp(opt, "--screen"), size = !strcmp(opt, "--size");
    bool port = !strcmp(opt, "--port"), code = !strcmp(opt, "--code");
    if (!font && !shot && !screen && !size && !port && !code)
        return 0;
    if (!val) {
        snprintf(err, err_len, _("optie %s verwacht een waarde"), opt);
        return -1;
    }
    if (code)
        return room_code(val, w->code, err, err_len);
    if (port) {
        long n;
        if (!plat_arg_int(val, 1, 65535, &n)) {
            snprintf(err, err_len, _("--port %s: geef een getal van 1 tot 65535"), val);
            return -1;
        }
        *w->port = (int)n;
        if (w->port_given)
            *w->port_given = true;
        return 1;
    }
    if (font || shot) {
        if (!plat_arg_copy(font ? w->font : w->screenshot, w->path_cap, val)) {
            snprintf(err, err_len, _("%s: pad te lang"), opt);
            return -1;
        }
        return 1;
    }
    if (screen)
        return pick_screen(val, w, err, err_len);
    int wd = 0, ht = 0;
    char tail;
    if (sscanf(val, "%dx%d%c", &wd, &ht, &tail) != 2 || wd < 320 || ht < 240 || wd > 16384 || ht > 16384) {
        snprintf(err, err_len, _("--size %s: geef BREEDTExHOOGTE, bv. 1280x720"), val);
        return -1;
    }
    *w->width = wd;
    *w->height = ht;
    return 1;
}

/* The value of opts[k] into its destination; false with err when wrong. */
static bool opt_store(const plat_opt *o, const char *val, char *err, size_t err_len)
{
    long n;
    switch (o->kind) {
    case PLAT_OPT_FLAG:
        *(bool *)o->dst = true;
        return true;
    case PLAT_OPT_FLAG_ID: /* take_flag_id */
        break;
    case PLAT_OPT_TEXT:
        if ((long)strlen(val) < o->lo) {
            snprintf(err, err_len, _("optie %s verwacht een waarde"), o->name);
            return false;
        }
        if (plat_arg_copy(o->dst, o->cap, val))
            return true;
        snprintf(err, err_len, _(o->error), o->name);
        return false;
    case PLAT_OPT_INT:
        if (plat_arg_int(val, o->lo, o->hi, &n)) {
            *(int *)o->dst = (int)n;
            return true;
        }
        break;
    case PLAT_OPT_U64: {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(val, &end, 10);
        /* strtoull takes "-3" as a huge number; a sign is refused instead */
        if (!errno && end != val && !*end && val[0] >= '0' && val[0] <= '9') {
            *(uint64_t *)o->dst = (uint64_t)v;
            return true;
        }
        break;
    }
    case PLAT_OPT_CHOICE:
        for (int w = 0; o->words[w]; w++)
            if (!strcmp(val, o->words[w])) {
                *(int *)o->dst = w;
                return true;
            }
        break;
    }
    snprintf(err, err_len, _(o->error), val);
    return false;
}

/* A flag with an optional number: the next argument is its number only
 * when it is one; after '=' it must be. */
static int take_flag_id(const plat_opt *o, const char *val, bool after_eq, int *i, char *err, size_t err_len)
{
    long n;
    const plat_flag_id *to = o->dst;
    *to->given = true;
    if (val && plat_arg_int(val, o->lo, o->hi, &n)) {
        *to->id = n;
        *i += after_eq ? 0 : 1;
        return 1;
    }
    if (!after_eq)
        return 1;
    snprintf(err, err_len, _(o->error), val);
    return -1;
}

int plat_opts_take(const plat_common_args *common, const plat_opt *opts, size_t n_opts, int argc, char **argv,
                   int *i, char *err, size_t err_len)
{
    const char *a = argv[*i];
    const char *val = *i + 1 < argc ? argv[*i + 1] : NULL;
    /* --name=value: the value is part of this argument, none is skipped */
    char name[64];
    const char *eq = a[0] == '-' && a[1] == '-' ? strchr(a, '=') : NULL;
    if (eq && (size_t)(eq - a) < sizeof name) {
        snprintf(name, sizeof name, "%.*s", (int)(eq - a), a);
        a = name;
        val = eq + 1;
    }
    int step = eq ? 0 : 1;
    int used = common ? plat_common_arg(a, val, common, err, err_len) : 0;
    if (used != 0) {
        *i += used > 0 ? step : 0;
        return used;
    }
    for (size_t k = 0; k < n_opts; k++) {
        if (strcmp(a, opts[k].name) != 0)
            continue;
        if (opts[k].kind == PLAT_OPT_FLAG && eq) {
            snprintf(err, err_len, _("optie %s neemt geen waarde"), a);
            return -1;
        }
        if (opts[k].kind == PLAT_OPT_FLAG)
            return opt_store(&opts[k], NULL, err, err_len) ? 1 : -1;
        if (opts[k].kind == PLAT_OPT_FLAG_ID)
            return take_flag_id(&opts[k], val, eq != NULL, i, err, err_len);
        if (!val) {
            snprintf(err, err_len, _("optie %s verwacht een waarde"), a);
            return -1;
        }
        *i += step;
        return opt_store(&opts[k], val, err, err_len) ? 1 : -1;
    }
    if (a[0] == '-' && a[1] != '\0') {
        snprintf(err, err_len, _("onbekende optie '%s'"), argv[*i]);
        return -1;
    }
    return 0;
}

int plat_opts_parse(const plat_common_args *common, const plat_opt *opts, size_t n_opts, int argc, char **argv,
                    plat_operand_fn operand, void *ctx, char *err, size_t err_len)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help") || !strcmp(argv[i], "--hulp"))
            return 1;
        int used = plat_opts_take(common, opts, n_opts, argc, argv, &i, err, err_len);
        if (used < 0 || (used == 0 && operand(ctx, argv[i], err, err_len) < 0))
            return -1;
    }
    return 0;
}
