/*
 * Small helpers shared by the subcommands' option parsers (host, join, ...),
 * so that every command reads numbers, paths and the window options the same
 * way and says the same thing when they are wrong.
 */
#ifndef SAMENSPEL_PLATFORM_ARGS_H
#define SAMENSPEL_PLATFORM_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>


/* A whole decimal number in [lo, hi]; false on anything else. */
bool plat_arg_int(const char *s, long lo, long hi, long *out);

/* Copies src when it fits in cap bytes (with its NUL); false otherwise. */
bool plat_arg_copy(char *dst, size_t cap, const char *src);

/* The one operand a command takes, into dst (cap bytes, "" until given):
 * false with err from the N_() format `twice` when dst is already set, or
 * `too_long` when it does not fit (both get the operand as %s). */
bool plat_arg_operand(char *dst, size_t cap, const char *a, const char *twice, const char *too_long, char *err,
                      size_t err_len);

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

/* One option of a subcommand's own, declared in a table so that every
 * command reads flags, texts, numbers and words the same way. */
typedef enum {
    PLAT_OPT_FLAG,   /* no value: *(bool *)dst = true */
    PLAT_OPT_TEXT,   /* a text that fits in cap bytes at dst; lo 1: not empty */
    PLAT_OPT_INT,    /* a whole number in lo..hi, stored in *(int *)dst */
    PLAT_OPT_U64,    /* a decimal number, stored in *(uint64_t *)dst */
    PLAT_OPT_CHOICE, /* one of words (NULL-terminated); *(int *)dst = its index */
    PLAT_OPT_FLAG_ID, /* dst is a plat_flag_id: given = true; a whole number in
                       * lo..hi right after it (--resume 12) goes to id, anything
                       * else is the next argument (--resume levels/noor.yaml) */
} plat_opt_kind;

/* Where a PLAT_OPT_FLAG_ID puts what it read. */
typedef struct {
    bool *given;
    int64_t *id;
} plat_flag_id;

typedef struct {
    const char *name;
    plat_opt_kind kind;
    void *dst;
    size_t cap;
    long lo, hi;
    const char *const *words;
    const char *error; /* N_() format for a wrong value: %s is the value (TEXT: the option) */
} plat_opt;

/* Reads argv[*i] for a subcommand: one of the common options (common may
 * be NULL) or of opts, stepping *i over its value; a value may also follow
 * the name after '=' (--out=DIR). An alias is a second row with the same
 * dst. Returns 1 when it was one, 0 when argv[*i] is not an option (an
 * operand), -1 with err filled when the value is missing or wrong or the
 * option is unknown. */
int plat_opts_take(const plat_common_args *common, const plat_opt *opts, size_t n_opts, int argc, char **argv,
                   int *i, char *err, size_t err_len);

/* What a subcommand does with an operand (an argument that is not an
 * option): 0, or -1 with err filled. */
typedef int (*plat_operand_fn)(void *ctx, const char *arg, char *err, size_t err_len);

/* A subcommand's whole argv (argv[0] is its name): every option through
 * plat_opts_take, every operand to operand(ctx, ...). Returns 1 at -h,
 * --help or --hulp (the caller prints its usage), 0 when all was read, -1 with err
 * filled at the first thing wrong. */
int plat_opts_parse(const plat_common_args *common, const plat_opt *opts, size_t n_opts, int argc, char **argv,
                    plat_operand_fn operand, void *ctx, char *err, size_t err_len);

#endif
