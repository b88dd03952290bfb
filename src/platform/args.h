/*
 * Small helpers shared by the subcommands' option parsers (host, join, ...),
 * so that every command reads numbers, paths and the window options the same
 * way and says the same thing when they are wrong.
 */
#ifndef SAMENSPEL_PLATFORM_ARGS_H
#define SAMENSPEL_PLATFORM_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "platform/i18n.h" /* PLAT_ARG_NEED_VALUE speaks through _() */

/* Inside an option loop over argv (index i, option opt, its value val or
 * NULL): fails with a message when the value is missing, else steps over it. */
#define PLAT_ARG_NEED_VALUE(opt, val, i, err, err_len)                              \
    do {                                                                            \
        if (!(val)) {                                                               \
            snprintf((err), (err_len), _("optie %s verwacht een waarde"), (opt));   \
            return -1;                                                              \
        }                                                                           \
        (i)++;                                                                      \
    } while (0)

/* A whole decimal number in [lo, hi]; false on anything else. */
bool plat_arg_int(const char *s, long lo, long hi, long *out);

/* Copies src when it fits in cap bytes (with its NUL); false otherwise. */
bool plat_arg_copy(char *dst, size_t cap, const char *src);

/* The options that `host` and `join` share: --port N, --code ABCD (stored
 * upper case, 5 bytes with the NUL), and those of a window: --font PATH,
 * --screenshot FILE, --screen NAME (NAME from `screens`; *screen becomes its
 * index + 1, 0 being "the default screen") and --size WxH. */
typedef struct {
    int *port;
    bool *port_given;            /* may be NULL */
    char *code;
    char *font, *screenshot;     /* each path_cap bytes */
    size_t path_cap;
    int *screen;
    const char *const *screens;  /* NULL-terminated */
    int *width, *height;
} plat_common_args;

/* Returns 1 when `opt` is one of them and `val` was used (the caller skips
 * it), 0 when it is not, -1 with err filled when the value is missing or
 * wrong. */
int plat_common_arg(const char *opt, const char *val, const plat_common_args *w, char *err, size_t err_len);

#endif
