/*
 * The driver of the level lvl_loader: reads a level file (and the roles file it
 * uses), walks the positioned YAML tree through the table of section
 * readers (level_sections.c) and fills a core_scenario. It keeps going after
 * an error so that a trainer sees every mistake of a file in one run, and
 * reports each at the line and column it came from.
 *
 * Format (versie 1) in short -- levels/README.md is the full guide:
 *   level:  the keys of lvl_level_sections (level_sections.c)
 *   roles:  versie, domeinen, rollen[{id,naam,beschrijving,specialisme,
 *           vaardigheden,grenzen,grensdomeinen,kleur,kaarten,dossier}]
 * Version 0 (the first drafts) used other top-level names; they are renamed
 * on load with a warning instead of being rejected.
 */
#include "level/level.h"
#include "level/level_schema.h"

#include "platform/plat.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------ versions */

/* Version 0 used these top-level names; versie 1 renamed them. Upgrading
 * keeps old levels playing; the warning tells the trainer the new name. */
static const struct {
    const char *old_key, *new_key;
} upgrade_v0[] = {
    {"behoeften", "noden"},
    {"spelers", "rollen"},
    {"wrijvingen", "spanningen"},
    {"reflecties", "reflectiewaaier"},
    {"naam", "titel"},
};

/* Reads versie and upgrades the tree in place; false when too new or bad. */
bool lvl_read_version(lvl_src *s, lnode *root, int *version)
{
    const lnode *v = lvl_map_get(root, "versie");
    if (!v)
        return true; /* reported by check_keys as missing; read as current */
    long x;
    if (v->type != LN_SCALAR || !lvl_parse_int(v->s, &x) || x < 0) {
        lvl_diag_at(s, LVL_ERROR, v, _("schrijf ‘versie: 1’"), "%s",
                    _("‘versie’ moet een getal zijn"));
        return false;
    }
    if (x > LVL_FORMAT_VERSION) {
        lvl_diag_at(s, LVL_ERROR, v, _("installeer een nieuwere Samenspel"),
                    _("dit bestand gebruikt versie %ld van het formaat; deze Samenspel kent tot versie %d"),
                    x, LVL_FORMAT_VERSION);
        return false;
    }
    *version = (int)x;
    if (x == 0) {
        for (int i = 0; i + 1 < root->n; i += 2) {
            lnode *k = root->kids[i];
            if (k->type != LN_SCALAR)
                continue;
            for (size_t u = 0; u < sizeof upgrade_v0 / sizeof upgrade_v0[0]; u++) {
                if (strcmp(k->s, upgrade_v0[u].old_key) == 0 && !lvl_map_key_node(root, upgrade_v0[u].new_key)) {
                    char hint[LVL_MSG_LEN];
                    snprintf(hint, sizeof hint, _("schrijf ‘%s’ en ‘versie: 1’"), upgrade_v0[u].new_key);
                    lvl_diag_at(s, LVL_WARNING, k, hint,
                                _("versie 0: ‘%s’ heet nu ‘%s’ (automatisch omgezet)"),
                                k->s, upgrade_v0[u].new_key);
                    k->s = (char *)upgrade_v0[u].new_key; /* static string outlives the tree */
                    k->slen = strlen(k->s);
                }
            }
        }
    }
    return true;
}

/* ---------------------------------------------------------------- files */

/* Reads a whole file with a size cap; unreadable files set d->unreadable. */
static char *read_capped(lvl_src *s, const char *path, size_t *len)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        /* our own words for the usual causes: the system's depend on its locale */
        int e = errno;
        const char *why = e == ENOENT ? _("het bestand bestaat niet")
                        : e == EACCES ? _("geen toegang (rechten)")
                                      : strerror(e);
        lvl_diag_add(s, LVL_ERROR, 0, 0, _("kijk de naam en de map na"),
                     _("kan het bestand niet openen: %s"), why);
        s->d->unreadable = true;
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, "%s", _("dit is geen gewoon bestand (een map?)"));
        s->d->unreadable = true;
        return NULL;
    }
    if ((unsigned long long)st.st_size > LVL_MAX_FILE_BYTES) {
        lvl_diag_add(s, LVL_ERROR, 0, 0, _("een casus is gewoonlijk enkele kilobytes; is dit wel een casus?"),
                     _("het bestand is te groot (%lld bytes, max. %u)"),
                     (long long)st.st_size, LVL_MAX_FILE_BYTES);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, _("kan het bestand niet openen: %s"), strerror(errno));
        s->d->unreadable = true;
        return NULL;
    }
    char *buf = malloc(LVL_MAX_FILE_BYTES + 2);
    if (!buf) {
        fclose(f);
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, "%s", _("geen geheugen"));
        return NULL;
    }
    size_t n = fread(buf, 1, LVL_MAX_FILE_BYTES + 1, f);
    bool err = ferror(f) != 0;
    fclose(f);
    if (err) {
        free(buf);
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, "%s", _("fout bij het lezen van het bestand"));
        s->d->unreadable = true;
        return NULL;
    }
    if (n > LVL_MAX_FILE_BYTES) { /* grew since stat */
        free(buf);
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, _("het bestand is te groot (max. %u bytes)"),
                     LVL_MAX_FILE_BYTES);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Checks and parses a text; the tree lives in fs->src's arena. */
static lnode *parse_src(lvl_file *fs, const char *text, size_t len)
{
    fs->src.text = text;
    fs->src.len = len;
    if (!lvl_precheck(&fs->src))
        return NULL;
    lnode *root = lvl_parse(&fs->src);
    if (root)
        lvl_lint_comments(&fs->src, root);
    return root;
}

/* Loads and parses one file; the tree lives in fs->src's arena. */
lnode *lvl_file_load(lvl_file *fs, const char *path, const char *display, lvl_diags *d)
{
    memset(fs, 0, sizeof *fs);
    lvl_copy_str(fs->name, sizeof fs->name, display);
    fs->src.file = fs->name;
    fs->src.d = d;
    size_t len = 0;
    fs->buf = read_capped(&fs->src, path, &len);
    if (!fs->buf)
        return NULL;
    return parse_src(fs, fs->buf, len);
}

/* The same from a text in memory (a journaled roles file); fs borrows it. */
lnode *lvl_file_load_mem(lvl_file *fs, const char *display, const char *text, size_t len, lvl_diags *d)
{
    memset(fs, 0, sizeof *fs);
    lvl_copy_str(fs->name, sizeof fs->name, display);
    fs->src.file = fs->name;
    fs->src.d = d;
    if (len > LVL_MAX_FILE_BYTES) {
        lvl_diag_add(&fs->src, LVL_ERROR, 0, 0, NULL, _("het bestand is te groot (max. %u bytes)"),
                     LVL_MAX_FILE_BYTES);
        return NULL;
    }
    return parse_src(fs, text, len);
}

void lvl_file_free(lvl_file *fs)
{
    lvl_tree_free(&fs->src);
    free(fs->buf);
    fs->buf = NULL;
}

/* ---------------------------------------------------------------- level */

static void read_sections(lvl_build *b)
{
    const lvl_section *tab = lvl_level_sections;
    for (int stage = 0; stage < LVL_STAGE_COUNT; stage++)
        for (int i = 0; i < lvl_n_level_sections; i++)
            if (tab[i].stage == (lvl_stage)stage && tab[i].items)
                lvl_read_list(b, lvl_map_get(b->root, tab[i].key), &tab[i]);
            else if (tab[i].stage == (lvl_stage)stage && tab[i].read)
                tab[i].read(b, lvl_map_get(b->root, tab[i].key));
}

/* Reads a level through the section table; b->roles_file is freed by the
 * caller. */
static void build_level(lvl_build *b)
{
    lvl_src *s = b->s;
    if (!lvl_want(s, b->root, LN_MAP, _("een casus")))
        return;
    int version = LVL_FORMAT_VERSION;
    if (!lvl_read_version(s, b->root, &version))
        return;
    b->sc->version = version;
    lvl_kspec keys[64];
    int n_keys = 0;
    for (int i = 0; i < lvl_n_level_sections && n_keys < 64; i++)
        keys[n_keys++] = (lvl_kspec){lvl_level_sections[i].key, lvl_level_sections[i].required};
    lvl_check_keys(s, b->root, keys, n_keys, _("de casus"));
    core_rules_default(&b->sc->rules);
    read_sections(b);
    lvl_check_complete(b);
}

/* Roles files can be checked on their own with `samenspel check rollen.yaml`. */
static bool looks_like_roles_file(const lnode *root)
{
    if (!root || root->type != LN_MAP || lvl_map_key_node(root, "noden") || lvl_map_key_node(root, "behoeften"))
        return false;
    const lnode *r = lvl_map_get(root, "rollen");
    return r && r->type == LN_SEQ && r->n > 0 && r->kids[0]->type == LN_MAP;
}

static bool load_common(lvl_src *s, lnode *root, const char *level_path, core_scenario *out, bool *was_roles_file,
                        const lvl_roles_io *rio, const lvl_load_opts *opts)
{
    lvl_loader *L = calloc(1, sizeof *L);
    if (!L) {
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, "%s", _("geen geheugen"));
        return false;
    }
    memset(out, 0, sizeof *out);
    if (was_roles_file)
        *was_roles_file = false;
    if (looks_like_roles_file(root)) {
        lvl_read_roles_file(s, L, root);
        if (was_roles_file)
            *was_roles_file = true;
        free(L);
        return false;
    }
    lvl_build b = {.s = s, .L = L, .root = root, .sc = out, .level_path = level_path, .rio = rio};
    if (opts) {
        b.advise = opts->advise;
        b.reverse_seats = opts->reverse_seats;
    }
    build_level(&b);
    lvl_file_free(&b.roles_file);
    free(L);
    return s->d->n_errors == 0;
}

static bool check_file(const char *path, core_scenario *out, lvl_diags *diags, bool *was_roles_file,
                       const lvl_roles_io *rio, const lvl_load_opts *opts)
{
    lvl_diags_clear(diags);
    if (was_roles_file)
        *was_roles_file = false;
    lvl_file fs;
    lnode *root = lvl_file_load(&fs, path, path, diags);
    bool ok = false;
    bool roles = false;
    if (root)
        ok = load_common(&fs.src, root, path, out, &roles, rio, opts);
    lvl_file_free(&fs);
    lvl_diags_sort(diags);
    if (was_roles_file)
        *was_roles_file = roles;
    if (roles)
        return root != NULL && diags->n_errors == 0;
    return ok && diags->n_errors == 0;
}

bool lvl_check_file(const char *path, core_scenario *out, lvl_diags *diags, bool *was_roles_file)
{
    const lvl_load_opts opts = {.advise = true};
    return check_file(path, out, diags, was_roles_file, NULL, &opts);
}

/* A level (not a roles file) read with opts. */
static bool load_level_file(const char *path, core_scenario *out, lvl_diags *diags, lvl_roles_source *used,
                            const lvl_load_opts *opts)
{
    if (used)
        memset(used, 0, sizeof *used);
    lvl_roles_io rio = {NULL, NULL, 0, used};
    bool roles = false;
    bool ok = check_file(path, out, diags, &roles, &rio, opts);
    if (roles) {
        lvl_src s = {.file = path, .d = diags};
        lvl_diag_add(&s, LVL_ERROR, 0, 0, _("kies een casus, bv. levels/noor.yaml"), "%s",
                     _("dit is een rollenbestand, geen casus"));
        return false;
    }
    return ok;
}

bool lvl_load_file_roles(const char *path, core_scenario *out, lvl_diags *diags, lvl_roles_source *used)
{
    return load_level_file(path, out, diags, used, NULL);
}

bool lvl_load_file_opts(const char *path, core_scenario *out, lvl_diags *diags, const lvl_load_opts *opts)
{
    return load_level_file(path, out, diags, NULL, opts);
}

bool lvl_load_file(const char *path, core_scenario *out, lvl_diags *diags)
{
    return lvl_load_file_roles(path, out, diags, NULL);
}

bool lvl_load_buffer_roles(const char *name, const char *data, size_t len, const char *roles_name,
                           const char *roles_text, size_t roles_len, core_scenario *out, lvl_diags *diags)
{
    lvl_diags_clear(diags);
    lvl_src s = {.file = name ? name : "<level>", .text = data, .len = len, .d = diags};
    if (!data)
        len = 0;
    if (len > LVL_MAX_FILE_BYTES) {
        lvl_diag_add(&s, LVL_ERROR, 0, 0, NULL, _("de casus is te groot (max. %u bytes)"), LVL_MAX_FILE_BYTES);
        return false;
    }
    lvl_roles_io rio = {roles_name, roles_text, roles_len, NULL};
    bool ok = false;
    if (lvl_precheck(&s)) {
        lnode *root = lvl_parse(&s);
        if (root) {
            lvl_lint_comments(&s, root);
            bool roles = false;
            ok = load_common(&s, root, NULL, out, &roles, &rio, NULL);
            if (roles)
                ok = false;
        }
    }
    lvl_tree_free(&s);
    lvl_diags_sort(diags);
    return ok && diags->n_errors == 0;
}

bool lvl_load_buffer(const char *name, const char *data, size_t len, core_scenario *out, lvl_diags *diags)
{
    return lvl_load_buffer_roles(name, data, len, NULL, NULL, 0, out, diags);
}

bool lvl_default_path(char *out, size_t len)
{
    return plat_data_path("levels/noor.yaml", out, len);
}
