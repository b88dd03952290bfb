/*
 * The schema side of the level loader, shared by its source files: typed
 * field readers with diagnostics (level_fields.c), the roles and their
 * cards (level_roles.c), the table of a level's section readers
 * (level_sections.c) and the driver that runs it (level.c). Not for other
 * layers.
 *
 * Field readers take the value node (NULL when the key is absent, which is
 * not an error for them) and the key, for the message; the lvl_get_*
 * variants look the key up in a map first.
 */
#ifndef SAMENSPEL_LEVEL_SCHEMA_H
#define SAMENSPEL_LEVEL_SCHEMA_H

#include "level/level.h"
#include "level/level_int.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LVL_FORMAT_VERSION 1
#define LVL_MAX_KNOWN_ROLES 24
#define LVL_MAX_ROLE_CARDS 16
#define LVL_MAX_ROLE_FACTS 8
#define LVL_MAX_DOMAINS 48

/* ------------------------------------------------------------ fields */

typedef struct {
    const char *key;
    bool required;
} lvl_kspec;

/* Unknown keys (with a suggestion), duplicate keys and missing required ones. */
void lvl_check_keys(lvl_src *s, const lnode *map, const lvl_kspec *spec, int n, const char *what);
/* True when n is of type t; otherwise says what `what` must be. */
bool lvl_want(lvl_src *s, const lnode *n, lnode_type t, const char *what);
/* lvl_copy_utf8 of a whole NUL-terminated string. */
void lvl_copy_str(char *dst, size_t cap, const char *src);
bool lvl_parse_int(const char *t, long *out);

const lnode *lvl_scalar(lvl_src *s, const lnode *v, const char *key);
bool lvl_text(lvl_src *s, const lnode *v, const char *key, char *out, size_t cap);
bool lvl_id(lvl_src *s, const lnode *v, const char *key, char *out);
bool lvl_check_id_value(lvl_src *s, const lnode *v, const char *key);
/* Integer or number in [lo, hi]; true when present and valid. */
bool lvl_int(lvl_src *s, const lnode *v, const char *key, int *out, int lo, int hi);
bool lvl_double(lvl_src *s, const lnode *v, const char *key, double *out, double lo, double hi);
/* `ja` or `nee`; true when present and valid (then *out is set). */
bool lvl_yesno(lvl_src *s, const lnode *v, const char *key, bool *out);
/* A list; a single scalar counts as a list of one, backed by *one. */
const lnode *lvl_list(lvl_src *s, const lnode *v, const char *key, lnode *one);

/* The same, with the value looked up under key in map. */
const lnode *lvl_get_scalar(lvl_src *s, const lnode *map, const char *key);
bool lvl_get_text(lvl_src *s, const lnode *map, const char *key, char *out, size_t cap);
bool lvl_get_id(lvl_src *s, const lnode *map, const char *key, char *out);
bool lvl_get_int(lvl_src *s, const lnode *map, const char *key, int *out, int lo, int hi);
bool lvl_get_double(lvl_src *s, const lnode *map, const char *key, double *out, double lo, double hi);
bool lvl_get_yesno(lvl_src *s, const lnode *map, const char *key, bool *out);
const lnode *lvl_get_list(lvl_src *s, const lnode *map, const char *key, lnode *one);

/* Finds v's text in names; reports a dangling reference with a suggestion
 * (the message is what, a msgid marked with N_(), followed by the value).
 * -1 when not found. */
int lvl_resolve(lvl_src *s, const lnode *v, const char *const *names, int n, const char *what);
/* The value under key as an index in names, or -1 (absent, or reported). */
int lvl_get_choice(lvl_src *s, const lnode *map, const char *key, const char *const *names, int n,
                   const char *what);
/* A card's `kennis`: sets *out when it names a kind; NULL when absent. */
const lnode *lvl_get_kind(lvl_src *s, const lnode *map, core_knowledge_kind *out);

/* ------------------------------------------------------------ roles */

typedef struct {
    core_card_def def;
    int copies;
    const lnode *node;
    lvl_src *src;
} lvl_card_tmp;

typedef struct {
    char id[CORE_ID_LEN];
    char text[CORE_TEXT_LEN];
    char domains[CORE_MAX_DOMAINS][CORE_ID_LEN];
    int n_domains;
} lvl_rolefact_tmp;

typedef struct {
    core_role_def def;
    const lnode *node;
    lvl_src *src;
    lvl_card_tmp cards[LVL_MAX_ROLE_CARDS];
    int n_cards;
    lvl_rolefact_tmp facts[LVL_MAX_ROLE_FACTS];
    int n_facts;
    bool colour_set;
    char badge[CORE_BADGE_LEN]; /* `afkorting`, or empty: lvl_role_badge picks one */
} lvl_role_tmp;

/* The roles and domains known so far: the roles file's, then the level's
 * own. Large: allocate it on the heap. */
typedef struct {
    lvl_role_tmp roles[LVL_MAX_KNOWN_ROLES];
    int n_roles;
    char domains[LVL_MAX_DOMAINS][CORE_ID_LEN];
    int n_domains;
} lvl_loader;

/* Reads a `domeinen` list (v may be NULL). */
void lvl_read_domains(lvl_src *s, lvl_loader *L, const lnode *v);
/* A domain reference must be declared under `domeinen:`, so typos surface. */
bool lvl_domain_ref(lvl_src *s, const lvl_loader *L, const lnode *v, char *out);
/* One card; level_card: it sits in a level and says its `rol`. */
bool lvl_read_card(lvl_src *s, const lvl_loader *L, const lnode *c, lvl_card_tmp *out, bool level_card);
/* A `rollen` (roles file) or `eigen-rollen` (level) list of role blocks. */
void lvl_read_roles(lvl_src *s, lvl_loader *L, const lnode *seq);
/* The badge of a role: its `afkorting`, else the one Flemish schools use
 * for a known role, else the initials of its name. */
void lvl_role_badge(const lvl_role_tmp *t, char out[CORE_BADGE_LEN]);
/* A whole roles file. */
void lvl_read_roles_file(lvl_src *s, lvl_loader *L, lnode *root);
/* Reads versie and upgrades the tree in place; false when too new or bad. */
bool lvl_read_version(lvl_src *s, lnode *root, int *version);

/* ------------------------------------------------------------ files */

typedef struct {
    lvl_src src;
    char *buf;
    char name[LVL_PATH_LEN];
} lvl_file;

/* Roles given as text instead of a file, and where the roles came from. */
typedef struct {
    const char *name, *text; /* text NULL: read the file */
    size_t len;
    lvl_roles_source *used;  /* may be NULL */
} lvl_roles_io;

/* Loads and parses one file, or a text in memory that fs borrows; the tree
 * lives in fs->src's arena until lvl_file_free. NULL after reporting. */
lnode *lvl_file_load(lvl_file *fs, const char *path, const char *display, lvl_diags *d);
lnode *lvl_file_load_mem(lvl_file *fs, const char *display, const char *text, size_t len, lvl_diags *d);
void lvl_file_free(lvl_file *fs);

/* ------------------------------------------------------------ sections */

/* Names of the needs, seats' roles, ... for lvl_resolve(). */
typedef struct {
    const char *names[CORE_MAX_CARDS];
    int n;
} lvl_namelist;

/* What the section readers of one level share: the input, the scenario
 * being filled, and what earlier sections found for later ones. */
typedef struct {
    lvl_src *s;
    lvl_loader *L;
    lnode *root;
    core_scenario *sc;
    const char *level_path;   /* NULL for a level read from memory */
    const lvl_roles_io *rio;  /* may be NULL */
    lvl_file roles_file;      /* the roles file's tree; the driver frees it */
    /* role in the scenario -> index in L->roles: the seats first, then the
     * roles that hold a pupil's-voice fact without a seat */
    int seat_known[CORE_MAX_ROLES];
    const lnode *seats, *needs; /* as read, for later positions */
    lnode seats_one;          /* backs `seats` when it is a single value */
    lvl_namelist seat_names, need_names;
    bool seats_failed;        /* a seat did not resolve: keep later references quiet */
    lvl_namelist ids;         /* ids of the items of the list being read */
    bool block_seen[CORE_BLOCK_COUNT]; /* building blocks with a reflection card */
    bool advise;              /* `samenspel check`: also the authoring advice (lvl_advise) */
    bool reverse_seats;       /* read `rollen` back to front (simulate --rollen-omgekeerd) */
} lvl_build;

/* When a section is read: sections run stage by stage, in table order
 * within a stage. The rules come before the cast because that is the order
 * diagnostics have always come out in (a roles file's errors follow the
 * level's rule errors). */
typedef enum { LVL_STAGE_HEADER = 0, LVL_STAGE_RULES, LVL_STAGE_CAST, LVL_STAGE_CONTENT, LVL_STAGE_COUNT } lvl_stage;

/* How to read the items of a section that is a list (level_sections.c). */
typedef struct lvl_items lvl_items;

typedef struct {
    const char *key;  /* top-level key of a level */
    bool required;
    lvl_stage stage;
    /* value: the key's value, NULL when absent (a reader may still fill
     * defaults or check what others left). */
    void (*read)(lvl_build *b, const lnode *value);
    /* A list section has no reader but items, read by lvl_read_list. With
     * neither: `versie`, which the driver reads before anything else
     * because version 0 renames keys. */
    const lvl_items *items;
} lvl_section;

extern const lvl_section lvl_level_sections[];
extern const int lvl_n_level_sections;

/* Reads a list section item by item, as sec->items says. */
void lvl_read_list(lvl_build *b, const lnode *seq, const lvl_section *sec);

/* Checks that only make sense on a complete level, after every section. */
void lvl_check_complete(lvl_build *b);

#endif
