/*
 * Internals of the level loader shared by its source files: diagnostics with
 * positions, the raw-text checks that run before libyaml, and the small
 * positioned YAML tree that the schema code walks. Not for other layers.
 *
 * Ownership: every node and string of a tree lives in the tree's arena and
 * is freed at once by lvl_tree_free.
 */
#ifndef SAMENSPEL_LEVEL_INT_H
#define SAMENSPEL_LEVEL_INT_H

#include "level/level.h"
/* Diagnostics are user-facing: _() for a text made at once, N_() for a
 * msgid kept in a table and translated where the diagnostic is made. */
#include "platform/i18n.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define LVL_MAX_FILE_BYTES (1024u * 1024u) /* a level is a few KiB; refuse giants */
#define LVL_MAX_DEPTH 24                   /* the format nests 4 deep; more is a mistake */
#define LVL_MAX_NODES 60000

typedef enum { LN_SCALAR = 0, LN_MAP, LN_SEQ } lnode_type;

typedef struct lnode lnode;
struct lnode {
    lnode_type type;
    int line, col;      /* 1-based, in characters like libyaml counts them */
    int end_line, end_col;
    char *s;            /* scalar text, NUL-terminated */
    size_t slen;
    bool plain;         /* unquoted scalar */
    lnode **kids;       /* map: key, value, key, value...; seq: items */
    int n, cap;
    lnode *one_kid;     /* backing store when a scalar stands for a list of one */
};

typedef struct lvl_arena_block lvl_arena_block;

/* One file being read: its name and text for diagnostics. */
typedef struct {
    const char *file;   /* as shown in diagnostics */
    const char *text;
    size_t len;
    lvl_diags *d;
    lvl_arena_block *arena;
    int n_nodes;
    /* lines lvl_parse blanked out to read past a syntax error: a block
     * around them may miss a key that was only mangled, not absent */
    int blanked[8];
    int n_blanked;
} lvl_src;

/* True when a line lvl_parse blanked out lies inside n's block. */
bool lvl_blanked_within(const lvl_src *s, const lnode *n);

/* Copies n bytes of src (fewer when cap is smaller, never cutting a UTF-8
 * sequence in half) and ends dst with a NUL. */
void lvl_copy_utf8(char *dst, size_t cap, const char *src, size_t n);

/* Counts the UTF-8 characters from a to b: the column libyaml would report,
 * and the length a trainer sees in a text. */
int lvl_utf8_chars(const char *a, const char *b);

void lvl_diags_clear(lvl_diags *d);
void lvl_diags_sort(lvl_diags *d);
/* Adds a diagnostic; line 0 means the whole file. hint may be NULL. */
void lvl_diag_add(lvl_src *s, lvl_severity sev, int line, int col, const char *hint,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
void lvl_diag_at(lvl_src *s, lvl_severity sev, const lnode *n, const char *hint,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Byte checks before parsing: NUL bytes, UTF-8 (with a Windows-1252 hint),
 * BOM, tabs in indentation, and the YAML traps (' #', 's / 't). Returns
 * false when the file cannot be parsed meaningfully. */
bool lvl_precheck(lvl_src *s);

/* Parses the text into a tree; reports libyaml's errors in plain words and
 * refuses anchors, aliases, tags, deep nesting and duplicate keys are left to
 * the schema. Returns NULL after reporting an error. */
lnode *lvl_parse(lvl_src *s);
void lvl_tree_free(lvl_src *s);

/* Warns about plain scalars that were cut off by a ' #' comment. */
void lvl_lint_comments(lvl_src *s, const lnode *root);

/* Map access. */
lnode *lvl_map_get(const lnode *map, const char *key);
lnode *lvl_map_key_node(const lnode *map, const char *key);

/* Levenshtein distance, capped; for "bedoelde je ...?" hints. */
int lvl_edit_distance(const char *a, const char *b);
/* Best candidate within a sensible distance, or NULL. */
const char *lvl_suggest(const char *word, const char *const *cands, int n);

#endif
