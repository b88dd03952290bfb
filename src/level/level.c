/*
 * The schema side of the level loader: walks the positioned YAML trees of a
 * level and its roles file (levels/rollen.yaml) and fills a core_scenario.
 * It keeps going after an error so that a trainer sees every mistake of a
 * file in one run, and reports each at the line and column it came from.
 *
 * Format (versie 1) in short -- levels/README.md is the full guide:
 *   level:  versie, id, titel, intro, leerling{naam,leeftijd,klas,verhaal},
 *           rolbestand, domeinen, eigen-rollen, rollen (the seats), regels,
 *           drempels, noden, kaarten, dossier, spanningen, doelen,
 *           reflectiewaaier, gebeurtenissen
 *   roles:  versie, domeinen, rollen[{id,naam,beschrijving,specialisme,
 *           vaardigheden,grenzen,grensdomeinen,kleur,kaarten,dossier}]
 * Version 0 (the first drafts) used other top-level names; they are renamed
 * on load with a warning instead of being rejected.
 */
#include "level/level.h"
#include "level/level_int.h"

#include "platform/plat.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define LVL_FORMAT_VERSION 1
#define MAX_KNOWN_ROLES 24
#define MAX_ROLE_CARDS 16
#define MAX_ROLE_FACTS 8
#define MAX_DOMAINS 48

typedef struct {
    core_card_def def;
    int copies;
    const lnode *node;
    lvl_src *src;
} card_tmp;

typedef struct {
    char id[CORE_ID_LEN];
    char text[CORE_TEXT_LEN];
    char domains[CORE_MAX_DOMAINS][CORE_ID_LEN];
    int n_domains;
} rolefact_tmp;

typedef struct {
    core_role_def def;
    const lnode *node;
    lvl_src *src;
    card_tmp cards[MAX_ROLE_CARDS];
    int n_cards;
    rolefact_tmp facts[MAX_ROLE_FACTS];
    int n_facts;
    bool colour_set;
} role_tmp;

typedef struct {
    role_tmp roles[MAX_KNOWN_ROLES];
    int n_roles;
    char domains[MAX_DOMAINS][CORE_ID_LEN];
    int n_domains;
    /* the domain names of a file are checked after the whole file is read */
} loader;

/* ------------------------------------------------------------ small helpers */

static const char *type_word(const lvl_src *s, const lnode *n)
{
    if (n->type == LN_MAP)
        return TR(s, "een blok met sleutels", "a block of keys");
    if (n->type == LN_SEQ)
        return TR(s, "een lijst", "a list");
    return TR(s, "een enkele waarde", "a single value");
}

static bool want(lvl_src *s, const lnode *n, lnode_type t, const char *what)
{
    if (!n)
        return false;
    if (n->type == t)
        return true;
    const char *need = t == LN_MAP ? TR(s, "een blok met sleutels", "a block of keys")
                     : t == LN_SEQ ? TR(s, "een lijst (regels die met ‘- ’ beginnen, of [a, b])",
                                        "a list (lines starting with ‘- ’, or [a, b])")
                                   : TR(s, "een enkele waarde", "a single value");
    lvl_diag_at(s, LVL_ERROR, n, NULL, TR(s, "‘%s’ moet %s zijn, niet %s", "‘%s’ must be %s, not %s"), what,
                need, type_word(s, n));
    return false;
}

typedef struct {
    const char *key;
    bool required;
} kspec;

/* Unknown keys (with a suggestion), duplicate keys and missing required ones. */
static void check_keys(lvl_src *s, const lnode *map, const kspec *spec, int n, const char *what)
{
    const char *cands[32];
    bool suggested[32] = {false};
    int nc = n < 32 ? n : 32;
    for (int i = 0; i < nc; i++)
        cands[i] = spec[i].key;
    /* no block of the format has more than ~30 keys; refusing huge ones
     * keeps the duplicate check below from going quadratic on a 1 MiB file */
    if (map->n / 2 > 64) {
        lvl_diag_at(s, LVL_ERROR, map, NULL, TR(s, "te veel sleutels in %s (%d); is de inspringing juist?", "too many keys in %s (%d); is the indentation right?"),
                    what, map->n / 2);
        return;
    }
    for (int i = 0; i + 1 < map->n; i += 2) {
        const lnode *k = map->kids[i];
        if (k->type != LN_SCALAR) {
            lvl_diag_at(s, LVL_ERROR, k, NULL, "%s", TR(s, "een sleutel moet een woord zijn", "a key must be a word"));
            continue;
        }
        bool dup = false;
        for (int j = 0; j < i; j += 2) {
            const lnode *o = map->kids[j];
            if (o->type == LN_SCALAR && strcmp(o->s, k->s) == 0) {
                char hint[LVL_MSG_LEN];
                snprintf(hint, sizeof hint, TR(s, "de eerste staat op regel %d; hou er één", "the first one is on line %d; keep one"),
                         o->line);
                lvl_diag_at(s, LVL_ERROR, k, hint, TR(s, "sleutel ‘%s’ staat er twee keer in %s", "key ‘%s’ appears twice in %s"),
                            k->s, what);
                dup = true;
                break;
            }
        }
        if (dup)
            continue;
        bool known = false;
        for (int j = 0; j < n; j++)
            if (strcmp(spec[j].key, k->s) == 0)
                known = true;
        if (!known) {
            const char *sug = lvl_suggest(k->s, cands, nc);
            char hint[LVL_MSG_LEN];
            if (sug) {
                snprintf(hint, sizeof hint, TR(s, "bedoelde je ‘%s’?", "did you mean ‘%s’?"), sug);
                for (int j = 0; j < nc; j++)
                    if (cands[j] == sug)
                        suggested[j] = true;
            } else {
                size_t off = (size_t)snprintf(hint, sizeof hint, "%s", TR(s, "mogelijk hier: ", "allowed here: "));
                for (int j = 0; j < n && off < sizeof hint; j++)
                    off += (size_t)snprintf(hint + off, sizeof hint - off, "%s%s", j ? ", " : "", spec[j].key);
            }
            lvl_diag_at(s, LVL_ERROR, k, hint, TR(s, "onbekende sleutel ‘%s’ in %s", "unknown key ‘%s’ in %s"), k->s, what);
        }
    }
    for (int j = 0; j < n; j++) {
        /* a misspelt key was already reported with this one as suggestion */
        if (spec[j].required && !lvl_map_key_node(map, spec[j].key) && !(j < nc && suggested[j])) {
            char hint[LVL_MSG_LEN];
            snprintf(hint, sizeof hint, TR(s, "voeg een regel ‘%s: ...’ toe", "add a line ‘%s: ...’"), spec[j].key);
            lvl_diag_at(s, LVL_ERROR, map, hint, TR(s, "‘%s’ ontbreekt in %s", "‘%s’ is missing in %s"), spec[j].key, what);
        }
    }
}

static const lnode *scalar_of(lvl_src *s, const lnode *map, const char *key)
{
    const lnode *v = lvl_map_get(map, key);
    if (!v)
        return NULL;
    if (!want(s, v, LN_SCALAR, key))
        return NULL;
    return v;
}

static void utf8_copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static int utf8_chars(const char *p)
{
    int n = 0;
    for (; *p; p++)
        if (((unsigned char)*p & 0xC0) != 0x80)
            n++;
    return n;
}

/* Text: copies the value; too long is an error that says by how much. */
static bool get_text(lvl_src *s, const lnode *map, const char *key, char *out, size_t cap)
{
    const lnode *v = scalar_of(s, map, key);
    if (!v)
        return false;
    if (v->slen == 0) {
        lvl_diag_at(s, LVL_ERROR, v, TR(s, "vul een tekst in, of laat de hele regel weg als ze niet verplicht is", "write a text, or leave the whole line out if it is optional"),
                    TR(s, "‘%s’ is leeg", "‘%s’ is empty"), key);
    } else if (v->slen >= cap) {
        lvl_diag_at(s, LVL_ERROR, v, TR(s, "maak de tekst korter", "make the text shorter"),
                    TR(s, "‘%s’ is te lang: %d tekens, het maximum is ongeveer %d", "‘%s’ is too long: %d characters, the maximum is about %d"),
                    key, utf8_chars(v->s), (int)cap - 1);
    }
    utf8_copy(out, cap, v->s);
    return true;
}

static bool valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= CORE_ID_LEN)
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return false;
    return s[0] != '-';
}

/* A suggested id for a word with capitals, spaces or accents. */
static void slugify(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p && o + 1 < cap && o + 1 < CORE_ID_LEN; p++) {
        unsigned char c = *p;
        if (c >= 'A' && c <= 'Z')
            out[o++] = (char)(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[o++] = (char)c;
        else if (c == 0xC3 && p[1]) { /* é è ë ê ï ö ü ... -> plain letter */
            unsigned char d = p[1];
            p++;
            char m = (d >= 0xA8 && d <= 0xAB) ? 'e' : (d >= 0xA0 && d <= 0xA5) ? 'a' : (d >= 0xAC && d <= 0xAF) ? 'i'
                   : (d >= 0xB2 && d <= 0xB6) ? 'o' : (d >= 0xB9 && d <= 0xBC) ? 'u' : (d == 0xA7) ? 'c' : 0;
            if (m)
                out[o++] = m;
        } else if (o > 0 && out[o - 1] != '-')
            out[o++] = '-';
    }
    while (o > 0 && out[o - 1] == '-')
        o--;
    out[o] = '\0';
}

static bool check_id_value(lvl_src *s, const lnode *v, const char *key)
{
    if (valid_id(v->s))
        return true;
    char slug[CORE_ID_LEN], hint[LVL_MSG_LEN];
    slugify(v->s, slug, sizeof slug);
    if (slug[0])
        snprintf(hint, sizeof hint, TR(s, "bijvoorbeeld ‘%s’", "for example ‘%s’"), slug);
    else
        snprintf(hint, sizeof hint, "%s", TR(s, "bijvoorbeeld ‘prikkelarme-werkplek’", "for example ‘quiet-workplace’"));
    lvl_diag_at(s, LVL_ERROR, v, hint,
                TR(s, "‘%s’ moet een korte naam zijn met kleine letters, cijfers en streepjes (max. %d tekens), niet ‘%s’",
                   "‘%s’ must be a short name of lowercase letters, digits and dashes (max. %d characters), not ‘%s’"),
                key, CORE_ID_LEN - 1, v->s);
    return false;
}

static bool get_id(lvl_src *s, const lnode *map, const char *key, char *out)
{
    const lnode *v = scalar_of(s, map, key);
    if (!v)
        return false;
    bool ok = check_id_value(s, v, key);
    utf8_copy(out, CORE_ID_LEN, v->s);
    if (!ok) {
        /* register the suggested form, so that references written that way
         * do not each raise a second error */
        char slug[CORE_ID_LEN];
        slugify(v->s, slug, sizeof slug);
        if (slug[0])
            utf8_copy(out, CORE_ID_LEN, slug);
    }
    return ok;
}

static bool parse_int(const char *t, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(t, &end, 10);
    if (end == t || *end != '\0' || errno)
        return false;
    *out = v;
    return true;
}

/* Integer in [lo, hi]; returns true when present and valid. */
static bool get_int(lvl_src *s, const lnode *map, const char *key, int *out, int lo, int hi)
{
    const lnode *v = scalar_of(s, map, key);
    if (!v)
        return false;
    long x;
    if (!parse_int(v->s, &x)) {
        lvl_diag_at(s, LVL_ERROR, v, TR(s, "schrijf een getal zonder komma, bv. 3", "write a whole number, e.g. 3"),
                    TR(s, "‘%s’ moet een geheel getal zijn, niet ‘%s’", "‘%s’ must be a whole number, not ‘%s’"), key, v->s);
        return false;
    }
    if (x < lo || x > hi) {
        lvl_diag_at(s, LVL_ERROR, v, NULL, TR(s, "‘%s’ moet tussen %d en %d liggen (nu %ld)", "‘%s’ must be between %d and %d (now %ld)"),
                    key, lo, hi, x);
        return false;
    }
    *out = (int)x;
    return true;
}

static bool get_double(lvl_src *s, const lnode *map, const char *key, double *out, double lo, double hi)
{
    const lnode *v = scalar_of(s, map, key);
    if (!v)
        return false;
    char buf[64];
    utf8_copy(buf, sizeof buf, v->s);
    for (char *c = buf; *c; c++)
        if (*c == ',') /* Flemish decimal comma: 0,3 */
            *c = '.';
    char *end;
    errno = 0;
    double x = strtod(buf, &end);
    if (end == buf || *end != '\0' || errno || x != x) {
        lvl_diag_at(s, LVL_ERROR, v, TR(s, "bv. 0.3", "e.g. 0.3"),
                    TR(s, "‘%s’ moet een getal zijn, niet ‘%s’", "‘%s’ must be a number, not ‘%s’"), key, v->s);
        return false;
    }
    if (x < lo || x > hi) {
        lvl_diag_at(s, LVL_ERROR, v, NULL, TR(s, "‘%s’ moet tussen %g en %g liggen (nu %g)", "‘%s’ must be between %g and %g (now %g)"),
                    key, lo, hi, x);
        return false;
    }
    *out = x;
    return true;
}

/* A list value; a single scalar counts as a list of one (trainers write
 * `noden: rust` for one need). */
static const lnode *get_list(lvl_src *s, const lnode *map, const char *key, lnode *one)
{
    const lnode *v = lvl_map_get(map, key);
    if (!v)
        return NULL;
    if (v->type == LN_SCALAR) {
        memset(one, 0, sizeof *one);
        one->type = LN_SEQ;
        one->line = v->line;
        one->col = v->col;
        one->one_kid = (lnode *)v;
        one->kids = &one->one_kid;
        one->n = 1;
        return one;
    }
    if (!want(s, v, LN_SEQ, key))
        return NULL;
    return v;
}

/* Finds name in names; reports a dangling reference with a suggestion. */
static int resolve(lvl_src *s, const lnode *v, const char *const *names, int n, const char *what_nl, const char *what_en)
{
    if (v->type != LN_SCALAR) {
        lvl_diag_at(s, LVL_ERROR, v, NULL, TR(s, "hier hoort een enkele waarde, niet %s", "a single value belongs here, not %s"), type_word(s, v));
        return -1;
    }
    for (int i = 0; i < n; i++)
        if (names[i] && strcmp(names[i], v->s) == 0)
            return i;
    const char *sug = lvl_suggest(v->s, names, n);
    char hint[LVL_MSG_LEN];
    if (sug)
        snprintf(hint, sizeof hint, TR(s, "bedoelde je ‘%s’?", "did you mean ‘%s’?"), sug);
    else {
        size_t off = (size_t)snprintf(hint, sizeof hint, "%s", TR(s, "bekend: ", "known: "));
        for (int i = 0; i < n && off < sizeof hint - 8; i++)
            off += (size_t)snprintf(hint + off, sizeof hint - off, "%s%s", i ? ", " : "", names[i] ? names[i] : "");
    }
    lvl_diag_at(s, LVL_ERROR, v, hint, "%s ‘%s’", TR(s, what_nl, what_en), v->s);
    return -1;
}

static int find_kind(lvl_src *s, const lnode *v)
{
    const char *names[CORE_KIND_COUNT];
    for (int k = 0; k < CORE_KIND_COUNT; k++)
        names[k] = core_kind_key((core_knowledge_kind)k);
    return resolve(s, v, names, CORE_KIND_COUNT, "onbekende kennissoort", "unknown knowledge kind");
}

/* --------------------------------------------------------------- domains */

static void domain_names(const loader *L, const char **out)
{
    for (int i = 0; i < L->n_domains; i++)
        out[i] = L->domains[i];
}

static void read_domains(lvl_src *s, loader *L, const lnode *map)
{
    lnode one;
    const lnode *seq = get_list(s, map, "domeinen", &one);
    if (!seq)
        return;
    for (int i = 0; i < seq->n; i++) {
        const lnode *v = seq->kids[i];
        if (!want(s, v, LN_SCALAR, "domeinen") || !check_id_value(s, v, "domein"))
            continue;
        bool dup = false;
        for (int j = 0; j < L->n_domains; j++)
            if (strcmp(L->domains[j], v->s) == 0)
                dup = true;
        if (dup)
            continue; /* a level may repeat a domain of the roles file */
        if (L->n_domains >= MAX_DOMAINS) {
            lvl_diag_at(s, LVL_ERROR, v, NULL, TR(s, "te veel domeinen (max. %d)", "too many domains (max. %d)"), MAX_DOMAINS);
            return;
        }
        utf8_copy(L->domains[L->n_domains++], CORE_ID_LEN, v->s);
    }
}

/* A domain reference must be declared under `domeinen:`, so typos surface. */
static bool domain_ref(lvl_src *s, const loader *L, const lnode *v, char *out)
{
    if (L->n_domains == 0)
        return false; /* the roles file could not be read: already reported */
    const char *names[MAX_DOMAINS];
    domain_names(L, names);
    int i = resolve(s, v, names, L->n_domains, "onbekend domein", "unknown domain");
    if (i < 0)
        return false;
    utf8_copy(out, CORE_ID_LEN, L->domains[i]);
    return true;
}

static int domain_list(lvl_src *s, const loader *L, const lnode *map, const char *key,
                       char (*out)[CORE_ID_LEN], int max)
{
    lnode one;
    const lnode *seq = get_list(s, map, key, &one);
    int n = 0;
    if (!seq)
        return 0;
    for (int i = 0; i < seq->n; i++) {
        if (n >= max) {
            lvl_diag_at(s, LVL_ERROR, seq->kids[i], NULL, TR(s, "te veel domeinen in ‘%s’ (max. %d)", "too many domains in ‘%s’ (max. %d)"),
                        key, max);
            break;
        }
        if (domain_ref(s, L, seq->kids[i], out[n]))
            n++;
    }
    return n;
}

/* ----------------------------------------------------------------- roles */

static const kspec card_keys[] = {
    {"id", true}, {"titel", true}, {"tekst", false}, {"soort", false}, {"domein", false},
    {"kennis", false}, {"sterkte", false}, {"versterking", false}, {"aantal", false}, {"rol", false},
};

/* One role card (role == -1 while reading a roles file). */
static bool read_card(lvl_src *s, const loader *L, const lnode *c, card_tmp *out, bool level_card)
{
    memset(out, 0, sizeof *out);
    out->node = c;
    out->src = s;
    out->copies = 1;
    if (!want(s, c, LN_MAP, TR(s, "een kaart", "a card")))
        return false;
    check_keys(s, c, card_keys, (int)(sizeof card_keys / sizeof card_keys[0]) - (level_card ? 0 : 1),
               TR(s, "een kaart", "a card"));
    if (level_card && !lvl_map_key_node(c, "rol"))
        lvl_diag_at(s, LVL_ERROR, c, TR(s, "voeg ‘rol: leraar’ (of een andere rol) toe", "add ‘rol: leraar’ (or another role)"),
                    "%s", TR(s, "een kaart in een level moet zeggen bij welke ‘rol’ ze hoort", "a card in a level must say which ‘rol’ it belongs to"));
    core_card_def *d = &out->def;
    get_id(s, c, "id", d->id);
    get_text(s, c, "titel", d->title, sizeof d->title);
    get_text(s, c, "tekst", d->text, sizeof d->text);
    d->type = CORE_CARD_EXPERTISE;
    const lnode *soort = scalar_of(s, c, "soort");
    if (soort) {
        const char *names[] = {"expertise", "generiek"};
        int k = resolve(s, soort, names, 2, "onbekende kaartsoort", "unknown card type");
        if (k == 1)
            d->type = CORE_CARD_GENERIC;
    }
    get_int(s, c, "aantal", &out->copies, 1, 4);
    if (d->type == CORE_CARD_EXPERTISE) {
        const lnode *dom = scalar_of(s, c, "domein");
        if (dom)
            domain_ref(s, L, dom, d->domain);
        else
            lvl_diag_at(s, LVL_ERROR, c, TR(s, "bv. ‘domein: klaspraktijk’", "e.g. ‘domein: klaspraktijk’"), "%s",
                        TR(s, "een expertisekaart heeft een ‘domein’ nodig", "an expertise card needs a ‘domein’"));
        const lnode *kind = scalar_of(s, c, "kennis");
        if (kind) {
            int k = find_kind(s, kind);
            if (k >= 0)
                d->kind = (core_knowledge_kind)k;
        } else {
            lvl_diag_at(s, LVL_ERROR, c, TR(s, "wetenschappelijk, professioneel of ervaring", "wetenschappelijk, professioneel or ervaring"),
                        "%s", TR(s, "een expertisekaart heeft ‘kennis’ nodig", "an expertise card needs ‘kennis’"));
        }
        if (!get_int(s, c, "sterkte", &d->strength, 1, 9) && !lvl_map_key_node(c, "sterkte"))
            lvl_diag_at(s, LVL_ERROR, c, TR(s, "bv. ‘sterkte: 2’", "e.g. ‘sterkte: 2’"), "%s",
                        TR(s, "een expertisekaart heeft een ‘sterkte’ nodig", "an expertise card needs a ‘sterkte’"));
        if (lvl_map_key_node(c, "versterking"))
            lvl_diag_at(s, LVL_WARNING, lvl_map_key_node(c, "versterking"), TR(s, "‘versterking’ geldt enkel voor ‘soort: generiek’", "‘versterking’ only applies to ‘soort: generiek’"),
                        "%s", TR(s, "‘versterking’ wordt genegeerd op een expertisekaart", "‘versterking’ is ignored on an expertise card"));
    } else {
        const lnode *kind = scalar_of(s, c, "kennis");
        if (kind) {
            int k = find_kind(s, kind);
            if (k >= 0)
                d->kind = (core_knowledge_kind)k;
        } else {
            d->kind = CORE_KIND_PROFESSIONEEL;
        }
        if (!get_int(s, c, "versterking", &d->boost, 1, 9) && !lvl_map_key_node(c, "versterking"))
            lvl_diag_at(s, LVL_ERROR, c, TR(s, "bv. ‘versterking: 1’", "e.g. ‘versterking: 1’"), "%s",
                        TR(s, "een generieke kaart heeft een ‘versterking’ nodig", "a generic card needs a ‘versterking’"));
        if (lvl_map_key_node(c, "sterkte"))
            lvl_diag_at(s, LVL_WARNING, lvl_map_key_node(c, "sterkte"), TR(s, "een generieke kaart versterkt een ander; gebruik ‘versterking’", "a generic card boosts another; use ‘versterking’"),
                        "%s", TR(s, "‘sterkte’ wordt genegeerd op een generieke kaart", "‘sterkte’ is ignored on a generic card"));
    }
    return true;
}

static const kspec role_keys[] = {
    {"id", true}, {"naam", true}, {"beschrijving", false}, {"specialisme", true}, {"vaardigheden", false},
    {"grenzen", false}, {"grensdomeinen", false}, {"kleur", false}, {"kaarten", true}, {"dossier", false},
};
static const kspec rolefact_keys[] = {{"id", true}, {"tekst", true}, {"domeinen", true}};

static void read_role(lvl_src *s, loader *L, const lnode *r)
{
    if (!want(s, r, LN_MAP, TR(s, "een rol", "a role")))
        return;
    check_keys(s, r, role_keys, (int)(sizeof role_keys / sizeof role_keys[0]), TR(s, "een rol", "a role"));
    char id[CORE_ID_LEN] = "";
    get_id(s, r, "id", id);
    role_tmp *t = NULL;
    for (int i = 0; i < L->n_roles; i++) {
        if (id[0] && strcmp(L->roles[i].def.id, id) == 0) {
            if (L->roles[i].src == s) {
                char hint[LVL_MSG_LEN];
                snprintf(hint, sizeof hint, TR(s, "de eerste staat op regel %d", "the first one is on line %d"), L->roles[i].node->line);
                lvl_diag_at(s, LVL_ERROR, lvl_map_get(r, "id"), hint, TR(s, "rol ‘%s’ bestaat al", "role ‘%s’ already exists"), id);
                return;
            }
            t = &L->roles[i]; /* a level redefines a role of the roles file */
        }
    }
    if (!t) {
        if (L->n_roles >= MAX_KNOWN_ROLES) {
            lvl_diag_at(s, LVL_ERROR, r, NULL, TR(s, "te veel rollen (max. %d)", "too many roles (max. %d)"), MAX_KNOWN_ROLES);
            return;
        }
        t = &L->roles[L->n_roles++];
    }
    int keep_colour = t->colour_set ? t->def.colour : -1;
    memset(t, 0, sizeof *t);
    t->node = r;
    t->src = s;
    core_role_def *d = &t->def;
    utf8_copy(d->id, sizeof d->id, id);
    get_text(s, r, "naam", d->name, sizeof d->name);
    get_text(s, r, "beschrijving", d->description, sizeof d->description);
    get_text(s, r, "grenzen", d->limits_text, sizeof d->limits_text);
    d->n_domains = domain_list(s, L, r, "specialisme", d->domains, CORE_MAX_DOMAINS);
    d->n_limit_domains = domain_list(s, L, r, "grensdomeinen", d->limit_domains, CORE_MAX_DOMAINS);
    for (int i = 0; i < d->n_limit_domains; i++)
        for (int j = 0; j < d->n_domains; j++)
            if (strcmp(d->limit_domains[i], d->domains[j]) == 0)
                lvl_diag_at(s, LVL_ERROR, lvl_map_get(r, "grensdomeinen"), NULL,
                            TR(s, "‘%s’ staat zowel in ‘specialisme’ als in ‘grensdomeinen’", "‘%s’ is both in ‘specialisme’ and in ‘grensdomeinen’"),
                            d->limit_domains[i]);
    lnode one;
    const lnode *sk = get_list(s, r, "vaardigheden", &one);
    if (sk) {
        for (int i = 0; i < sk->n; i++) {
            if (d->n_skills >= CORE_MAX_SKILLS) {
                lvl_diag_at(s, LVL_ERROR, sk->kids[i], NULL, TR(s, "te veel vaardigheden (max. %d)", "too many skills (max. %d)"), CORE_MAX_SKILLS);
                break;
            }
            if (!want(s, sk->kids[i], LN_SCALAR, "vaardigheden"))
                continue;
            utf8_copy(d->skills[d->n_skills++], CORE_TITLE_LEN, sk->kids[i]->s);
        }
    }
    if (get_int(s, r, "kleur", &d->colour, 0, 15))
        t->colour_set = true;
    else if (keep_colour >= 0) {
        d->colour = keep_colour;
        t->colour_set = true;
    } else
        d->colour = -1; /* assigned from the seat order later */
    const lnode *cards = lvl_map_get(r, "kaarten");
    if (cards && want(s, cards, LN_SEQ, "kaarten")) {
        for (int i = 0; i < cards->n; i++) {
            if (t->n_cards >= MAX_ROLE_CARDS) {
                lvl_diag_at(s, LVL_ERROR, cards->kids[i], NULL, TR(s, "te veel kaarten voor één rol (max. %d soorten)", "too many cards for one role (max. %d kinds)"),
                            MAX_ROLE_CARDS);
                break;
            }
            if (read_card(s, L, cards->kids[i], &t->cards[t->n_cards], false))
                t->n_cards++;
        }
        if (cards->n == 0)
            lvl_diag_at(s, LVL_ERROR, cards, NULL, "%s", TR(s, "een rol heeft minstens één kaart nodig", "a role needs at least one card"));
    }
    const lnode *facts = lvl_map_get(r, "dossier");
    if (facts && want(s, facts, LN_SEQ, "dossier")) {
        for (int i = 0; i < facts->n; i++) {
            const lnode *f = facts->kids[i];
            if (t->n_facts >= MAX_ROLE_FACTS) {
                lvl_diag_at(s, LVL_ERROR, f, NULL, TR(s, "te veel dossierfeiten voor één rol (max. %d)", "too many dossier facts for one role (max. %d)"), MAX_ROLE_FACTS);
                break;
            }
            if (!want(s, f, LN_MAP, TR(s, "een dossierfeit", "a dossier fact")))
                continue;
            check_keys(s, f, rolefact_keys, 3, TR(s, "een dossierfeit van een rol", "a dossier fact of a role"));
            rolefact_tmp *ft = &t->facts[t->n_facts++];
            get_id(s, f, "id", ft->id);
            get_text(s, f, "tekst", ft->text, sizeof ft->text);
            ft->n_domains = domain_list(s, L, f, "domeinen", ft->domains, CORE_MAX_DOMAINS);
        }
    }
}

static void read_roles(lvl_src *s, loader *L, const lnode *seq)
{
    if (!want(s, seq, LN_SEQ, "rollen"))
        return;
    for (int i = 0; i < seq->n; i++)
        read_role(s, L, seq->kids[i]);
}

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
static bool read_version(lvl_src *s, lnode *root, int *version)
{
    const lnode *v = lvl_map_get(root, "versie");
    if (!v)
        return true; /* reported by check_keys as missing; read as current */
    long x;
    if (v->type != LN_SCALAR || !parse_int(v->s, &x) || x < 0) {
        lvl_diag_at(s, LVL_ERROR, v, TR(s, "schrijf ‘versie: 1’", "write ‘versie: 1’"), "%s",
                    TR(s, "‘versie’ moet een getal zijn", "‘versie’ must be a number"));
        return false;
    }
    if (x > LVL_FORMAT_VERSION) {
        lvl_diag_at(s, LVL_ERROR, v, TR(s, "installeer een nieuwere Samenspel", "install a newer Samenspel"),
                    TR(s, "dit bestand gebruikt versie %ld van het formaat; deze Samenspel kent tot versie %d",
                       "this file uses format version %ld; this Samenspel knows up to version %d"),
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
                    snprintf(hint, sizeof hint, TR(s, "schrijf ‘%s’ en ‘versie: 1’", "write ‘%s’ and ‘versie: 1’"), upgrade_v0[u].new_key);
                    lvl_diag_at(s, LVL_WARNING, k, hint,
                                TR(s, "versie 0: ‘%s’ heet nu ‘%s’ (automatisch omgezet)", "version 0: ‘%s’ is now called ‘%s’ (converted automatically)"),
                                k->s, upgrade_v0[u].new_key);
                    k->s = (char *)upgrade_v0[u].new_key; /* static string outlives the tree */
                    k->slen = strlen(k->s);
                }
            }
        }
    }
    return true;
}

/* ------------------------------------------------------------ roles file */

static const kspec rolesfile_keys[] = {{"versie", true}, {"domeinen", true}, {"rollen", true}};

static void read_roles_file(lvl_src *s, loader *L, lnode *root)
{
    if (!want(s, root, LN_MAP, TR(s, "het rollenbestand", "the roles file")))
        return;
    int version = LVL_FORMAT_VERSION;
    if (!read_version(s, root, &version))
        return;
    check_keys(s, root, rolesfile_keys, 3, TR(s, "het rollenbestand", "the roles file"));
    read_domains(s, L, root);
    const lnode *roles = lvl_map_get(root, "rollen");
    if (roles)
        read_roles(s, L, roles);
}

/* ---------------------------------------------------------------- files */

typedef struct {
    lvl_src src;
    char *buf;
    char name[LVL_PATH_LEN];
} file_src;

/* Reads a whole file with a size cap; unreadable files set d->unreadable. */
static char *read_capped(lvl_src *s, const char *path, size_t *len)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        /* our own words for the usual causes: the system's depend on its locale */
        int e = errno;
        const char *why = e == ENOENT ? TR(s, "het bestand bestaat niet", "the file does not exist")
                        : e == EACCES ? TR(s, "geen toegang (rechten)", "permission denied")
                                      : strerror(e);
        lvl_diag_add(s, LVL_ERROR, 0, 0, TR(s, "kijk de naam en de map na", "check the name and the folder"),
                     TR(s, "kan het bestand niet openen: %s", "cannot open the file: %s"), why);
        s->d->unreadable = true;
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, "%s", TR(s, "dit is geen gewoon bestand (een map?)", "this is not a regular file (a folder?)"));
        s->d->unreadable = true;
        return NULL;
    }
    if ((unsigned long long)st.st_size > LVL_MAX_FILE_BYTES) {
        lvl_diag_add(s, LVL_ERROR, 0, 0, TR(s, "een level is gewoonlijk enkele kilobytes; is dit wel een level?", "a level is usually a few kilobytes; is this a level?"),
                     TR(s, "het bestand is te groot (%lld bytes, max. %u)", "the file is too large (%lld bytes, max. %u)"),
                     (long long)st.st_size, LVL_MAX_FILE_BYTES);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, TR(s, "kan het bestand niet openen: %s", "cannot open the file: %s"), strerror(errno));
        s->d->unreadable = true;
        return NULL;
    }
    char *buf = malloc(LVL_MAX_FILE_BYTES + 2);
    if (!buf) {
        fclose(f);
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, "%s", TR(s, "geen geheugen", "out of memory"));
        return NULL;
    }
    size_t n = fread(buf, 1, LVL_MAX_FILE_BYTES + 1, f);
    bool err = ferror(f) != 0;
    fclose(f);
    if (err) {
        free(buf);
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, "%s", TR(s, "fout bij het lezen van het bestand", "error while reading the file"));
        s->d->unreadable = true;
        return NULL;
    }
    if (n > LVL_MAX_FILE_BYTES) { /* grew since stat */
        free(buf);
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, TR(s, "het bestand is te groot (max. %u bytes)", "the file is too large (max. %u bytes)"),
                     LVL_MAX_FILE_BYTES);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static bool lang_en(void)
{
    const char *l = plat_i18n_lang();
    return l && strcmp(l, "en") == 0;
}

/* Checks and parses a text; the tree lives in fs->src's arena. */
static lnode *parse_src(file_src *fs, const char *text, size_t len)
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
static lnode *load_tree(file_src *fs, const char *path, const char *display, lvl_diags *d)
{
    memset(fs, 0, sizeof *fs);
    utf8_copy(fs->name, sizeof fs->name, display);
    fs->src.file = fs->name;
    fs->src.d = d;
    fs->src.is_en = lang_en();
    size_t len = 0;
    fs->buf = read_capped(&fs->src, path, &len);
    if (!fs->buf)
        return NULL;
    return parse_src(fs, fs->buf, len);
}

/* The same from a text in memory (a journaled roles file); fs borrows it. */
static lnode *load_tree_mem(file_src *fs, const char *display, const char *text, size_t len, lvl_diags *d)
{
    memset(fs, 0, sizeof *fs);
    utf8_copy(fs->name, sizeof fs->name, display);
    fs->src.file = fs->name;
    fs->src.d = d;
    fs->src.is_en = lang_en();
    if (len > LVL_MAX_FILE_BYTES) {
        lvl_diag_add(&fs->src, LVL_ERROR, 0, 0, NULL, TR(&fs->src, "het bestand is te groot (max. %u bytes)", "the file is too large (max. %u bytes)"),
                     LVL_MAX_FILE_BYTES);
        return NULL;
    }
    return parse_src(fs, text, len);
}

/* Roles given as text instead of a file, and where the roles came from. */
typedef struct {
    const char *name, *text; /* text NULL: read the file */
    size_t len;
    lvl_roles_source *used;  /* may be NULL */
} roles_io;

static void free_src(file_src *fs)
{
    lvl_tree_free(&fs->src);
    free(fs->buf);
    fs->buf = NULL;
}

/* ---------------------------------------------------------------- level */

static const kspec level_keys[] = {
    {"versie", true}, {"id", true}, {"titel", true}, {"intro", false}, {"leerling", true},
    {"rolbestand", false}, {"domeinen", false}, {"eigen-rollen", false}, {"rollen", true},
    {"regels", false}, {"drempels", false}, {"noden", true}, {"kaarten", false}, {"dossier", true},
    {"spanningen", true}, {"doelen", true}, {"reflectiewaaier", true}, {"gebeurtenissen", false},
};
static const kspec pupil_keys[] = {{"naam", true}, {"leeftijd", true}, {"klas", true}, {"verhaal", true}};
static const kspec need_keys[] = {{"id", true}, {"titel", true}, {"tekst", true}, {"domein", true}, {"doel", true}};
static const kspec fact_keys[] = {{"id", true}, {"rol", true}, {"tekst", true}, {"noden", true}};
static const kspec friction_keys[] = {
    {"id", true}, {"titel", true}, {"tekst", true}, {"rollen", true}, {"samen", false},
    {"zwaarte", true}, {"treft", false}, {"ronde", false}, {"innovatie", true},
};
static const kspec innovation_keys[] = {{"id", true}, {"titel", true}, {"tekst", false}, {"kennis", true}, {"sterkte", true}};
static const kspec goal_keys[] = {{"id", true}, {"titel", true}, {"tekst", false}, {"noden", true}};
static const kspec reflection_keys[] = {{"id", true}, {"vraag", true}, {"bouwsteen", true}, {"signalen", true}, {"antwoorden", true}};
static const kspec event_keys[] = {{"ronde", true}, {"titel", true}, {"tekst", true}, {"welbevinden", false},
                                   {"draagkracht", false}, {"nood", false}, {"voortgang", false}};

typedef struct {
    const char *key;
    size_t off;
    int lo, hi;
} int_rule;

static const int_rule int_rules[] = {
    {"rondes", offsetof(core_rules, rounds), 1, CORE_MAX_ROUNDS},
    {"handkaarten", offsetof(core_rules, hand_size), 2, CORE_MAX_HAND},
    {"max-inzet", offsetof(core_rules, max_commit), 1, CORE_MAX_COMMIT},
    {"welbevinden-start", offsetof(core_rules, welbevinden_start), 1, 20},
    {"welbevinden-max", offsetof(core_rules, welbevinden_max), 1, 20},
    {"welbevinden-per-nood", offsetof(core_rules, welbevinden_per_need), 0, 10},
    {"draagkracht-start", offsetof(core_rules, draagkracht_start), 0, 20},
    {"draagkracht-max", offsetof(core_rules, draagkracht_max), 1, 20},
    {"zwak-straf", offsetof(core_rules, weak_penalty), 0, 5},
    {"synergie", offsetof(core_rules, synergy_bonus), 0, 10},
    {"mix-bonus", offsetof(core_rules, mixed_kinds_bonus), 0, 10},
    {"doel-bonus", offsetof(core_rules, goal_bonus), 0, 10},
    {"trekker-bonus", offsetof(core_rules, lead_bonus), 0, 10},
    {"duister-deler", offsetof(core_rules, dark_divisor), 1, 4},
    {"buiten-domein-deler", offsetof(core_rules, off_domain_divisor), 1, 4},
    {"escalatie", offsetof(core_rules, escalation), 0, 5},
    {"herstel", offsetof(core_rules, recovery), 0, 10},
    {"noden-om-te-winnen", offsetof(core_rules, needs_to_win), 1, CORE_MAX_NEEDS},
    {"max-doelen", offsetof(core_rules, max_goals), 1, CORE_MAX_GOALS},
};

typedef struct {
    const char *key;
    size_t off;
    double lo, hi;
} dbl_rule;

static const dbl_rule dbl_rules[] = {
    {"gedeeld-werk-cooperatief", offsetof(core_rules, joint_share_cooperatief), 0, 1},
    {"beloften-coordinerend", offsetof(core_rules, kept_promises_coordinerend), 0, 20},
    {"reflectie-verbindend", offsetof(core_rules, reflective_share_verbindend), 0, 1},
    {"centraliteit-verbindend", offsetof(core_rules, centrality_max_verbindend), 0, 1},
    {"centraliteit-alarm", offsetof(core_rules, centrality_alarm), 0, 1},
    {"diversiteit-laag", offsetof(core_rules, diversity_low), 0, 1},
    {"densiteit-laag", offsetof(core_rules, density_low), 0, 1},
};

#define N_INT_RULES ((int)(sizeof int_rules / sizeof int_rules[0]))
#define N_DBL_RULES ((int)(sizeof dbl_rules / sizeof dbl_rules[0]))

static void read_rules(lvl_src *s, const lnode *root, core_rules *r)
{
    const lnode *m = lvl_map_get(root, "regels");
    if (m && want(s, m, LN_MAP, "regels")) {
        kspec spec[N_INT_RULES];
        for (int i = 0; i < N_INT_RULES; i++)
            spec[i] = (kspec){int_rules[i].key, false};
        check_keys(s, m, spec, N_INT_RULES, "regels");
        for (int i = 0; i < N_INT_RULES; i++)
            get_int(s, m, int_rules[i].key, (int *)(void *)((char *)r + int_rules[i].off), int_rules[i].lo, int_rules[i].hi);
        if (r->welbevinden_start > r->welbevinden_max)
            lvl_diag_at(s, LVL_ERROR, lvl_map_get(m, "welbevinden-start") ? lvl_map_get(m, "welbevinden-start") : m, NULL,
                        TR(s, "‘welbevinden-start’ (%d) is groter dan ‘welbevinden-max’ (%d)", "‘welbevinden-start’ (%d) is larger than ‘welbevinden-max’ (%d)"),
                        r->welbevinden_start, r->welbevinden_max);
        if (r->draagkracht_start > r->draagkracht_max)
            lvl_diag_at(s, LVL_ERROR, lvl_map_get(m, "draagkracht-start") ? lvl_map_get(m, "draagkracht-start") : m, NULL,
                        TR(s, "‘draagkracht-start’ (%d) is groter dan ‘draagkracht-max’ (%d)", "‘draagkracht-start’ (%d) is larger than ‘draagkracht-max’ (%d)"),
                        r->draagkracht_start, r->draagkracht_max);
    }
    const lnode *t = lvl_map_get(root, "drempels");
    if (t && want(s, t, LN_MAP, "drempels")) {
        kspec spec[N_DBL_RULES];
        for (int i = 0; i < N_DBL_RULES; i++)
            spec[i] = (kspec){dbl_rules[i].key, false};
        check_keys(s, t, spec, N_DBL_RULES, "drempels");
        for (int i = 0; i < N_DBL_RULES; i++)
            get_double(s, t, dbl_rules[i].key, (double *)(void *)((char *)r + dbl_rules[i].off), dbl_rules[i].lo, dbl_rules[i].hi);
    }
}

/* Names of the needs, seats' roles, ... for resolve(). */
typedef struct {
    const char *names[CORE_MAX_CARDS];
    int n;
} namelist;

static int need_mask(lvl_src *s, const lnode *map, const char *key, const namelist *needs, uint32_t *mask)
{
    lnode one;
    const lnode *seq = get_list(s, map, key, &one);
    int n = 0;
    *mask = 0;
    if (!seq)
        return 0;
    for (int i = 0; i < seq->n; i++) {
        int k = resolve(s, seq->kids[i], needs->names, needs->n, "onbekende nood", "unknown need");
        if (k >= 0) {
            *mask |= 1u << k;
            n++;
        }
    }
    if (seq->n == 0)
        lvl_diag_at(s, LVL_ERROR, seq, NULL, TR(s, "‘%s’ is leeg", "‘%s’ is empty"), key);
    return n;
}

/* Checks that an id is unique within its kind; `seen` holds earlier ids. */
static void unique_id(lvl_src *s, const lnode *item, const char *id, const namelist *seen, const char *what_nl, const char *what_en)
{
    if (!id[0])
        return;
    for (int i = 0; i < seen->n; i++) {
        if (seen->names[i] && strcmp(seen->names[i], id) == 0) {
            lvl_diag_at(s, LVL_ERROR, lvl_map_get(item, "id"), TR(s, "geef elk(e) een eigen id", "give each its own id"),
                        TR(s, "%s ‘%s’ bestaat al", "%s ‘%s’ already exists"), TR(s, what_nl, what_en), id);
            return;
        }
    }
}

static bool add_card(lvl_src *s, core_scenario *sc, const core_card_def *def, const lnode *at)
{
    for (int i = 0; i < sc->n_cards; i++) {
        if (strcmp(sc->cards[i].id, def->id) == 0) {
            lvl_diag_at(s, LVL_ERROR, at, TR(s, "kaart-id's zijn uniek over alle rollen en innovaties", "card ids are unique across all roles and innovations"),
                        TR(s, "kaart ‘%s’ bestaat al", "card ‘%s’ already exists"), def->id);
            return false;
        }
    }
    if (sc->n_cards >= CORE_MAX_CARDS) {
        lvl_diag_at(s, LVL_ERROR, at, NULL, TR(s, "te veel kaarten (max. %d)", "too many cards (max. %d)"), CORE_MAX_CARDS);
        return false;
    }
    sc->cards[sc->n_cards++] = *def;
    return true;
}

static void add_to_deck(lvl_src *s, core_role_def *role, int card, int copies, const lnode *at)
{
    for (int c = 0; c < copies; c++) {
        if (role->deck_size >= CORE_MAX_DECK) {
            lvl_diag_at(s, LVL_ERROR, at, TR(s, "verlaag ‘aantal’ van enkele kaarten", "lower the ‘aantal’ of some cards"),
                        TR(s, "de stapel van ‘%s’ is te groot (max. %d kaarten)", "the deck of ‘%s’ is too large (max. %d cards)"),
                        role->id, CORE_MAX_DECK);
            return;
        }
        role->deck[role->deck_size++] = card;
    }
}

/* The roles file the level uses: `rolbestand` next to the level, else
 * rollen.yaml next to the level, else the bundled one. */
static bool roles_path(lvl_src *s, const lnode *root, const char *level_path, char *out, size_t cap, bool *explicit_file)
{
    char dir[LVL_PATH_LEN] = ".";
    *explicit_file = false;
    if (level_path) {
        utf8_copy(dir, sizeof dir, level_path);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
        else
            strcpy(dir, ".");
    }
    const lnode *rf = scalar_of(s, root, "rolbestand");
    if (rf) {
        *explicit_file = true;
        /* a plain file name only: a level must not make the host read /dev/... */
        if (strchr(rf->s, '/') || strchr(rf->s, '\\') || strcmp(rf->s, "..") == 0 || strcmp(rf->s, ".") == 0 || !rf->s[0]) {
            lvl_diag_at(s, LVL_ERROR, rf, TR(s, "zet het rollenbestand in dezelfde map als het level", "put the roles file in the same folder as the level"),
                        "%s", TR(s, "‘rolbestand’ moet een bestandsnaam zijn, zonder map", "‘rolbestand’ must be a file name, without a folder"));
            /* go on with the usual roles file, so the rest can still be checked */
            *explicit_file = false;
            rf = NULL;
        }
    }
    if (rf) {
        /* a path cut short would name another file: no roles file then */
        if (level_path) {
            int n = snprintf(out, cap, "%s/%s", dir, rf->s);
            return n > 0 && (size_t)n < cap;
        }
        char rel[LVL_PATH_LEN];
        int n = snprintf(rel, sizeof rel, "levels/%s", rf->s);
        return n > 0 && (size_t)n < sizeof rel && plat_data_path(rel, out, cap);
    }
    if (level_path) {
        int n = snprintf(out, cap, "%s/rollen.yaml", dir);
        struct stat st;
        if (n > 0 && (size_t)n < cap && stat(out, &st) == 0 && S_ISREG(st.st_mode))
            return true;
    }
    return plat_data_path("levels/rollen.yaml", out, cap);
}


/* A reference to a role that must sit at the table in this level. A role
 * that exists but does not play gets its own message; after a seat failed
 * to resolve, references to known roles stay quiet (one mistake, one error). */
static int seat_ref(lvl_src *s, const loader *L, const lnode *v, const namelist *seats, bool seats_failed)
{
    if (v->type == LN_SCALAR) {
        for (int i = 0; i < seats->n; i++)
            if (strcmp(seats->names[i], v->s) == 0)
                return i;
        for (int i = 0; i < L->n_roles; i++) {
            if (strcmp(L->roles[i].def.id, v->s) == 0) {
                if (!seats_failed) {
                    char hint[LVL_MSG_LEN];
                    snprintf(hint, sizeof hint, TR(s, "voeg ‘%s’ toe aan ‘rollen’ bovenaan het level", "add ‘%s’ to ‘rollen’ at the top of the level"), v->s);
                    lvl_diag_at(s, LVL_ERROR, v, hint, TR(s, "rol ‘%s’ speelt niet mee in dit level", "role ‘%s’ does not play in this level"), v->s);
                }
                return -1;
            }
        }
    }
    if (seats_failed && L->n_roles == 0)
        return -1;
    return resolve(s, v, seats->names, seats->n, "onbekende rol", "unknown role");
}

static void build_level(lvl_src *s, loader *L, lnode *root, core_scenario *sc, const char *level_path,
                        const roles_io *rio)
{
    lvl_diags *d = s->d;
    if (!want(s, root, LN_MAP, TR(s, "een level", "a level")))
        return;
    int version = LVL_FORMAT_VERSION;
    if (!read_version(s, root, &version))
        return;
    sc->version = version;
    check_keys(s, root, level_keys, (int)(sizeof level_keys / sizeof level_keys[0]), TR(s, "het level", "the level"));
    get_id(s, root, "id", sc->id);
    get_text(s, root, "titel", sc->title, sizeof sc->title);
    get_text(s, root, "intro", sc->intro, sizeof sc->intro);
    const lnode *pupil = lvl_map_get(root, "leerling");
    if (pupil && want(s, pupil, LN_MAP, "leerling")) {
        check_keys(s, pupil, pupil_keys, 4, "leerling");
        get_text(s, pupil, "naam", sc->pupil_name, sizeof sc->pupil_name);
        get_int(s, pupil, "leeftijd", &sc->pupil_age, 2, 25);
        get_text(s, pupil, "klas", sc->pupil_class, sizeof sc->pupil_class);
        get_text(s, pupil, "verhaal", sc->pupil_text, sizeof sc->pupil_text);
    }
    core_rules_default(&sc->rules);
    read_rules(s, root, &sc->rules);

    /* roles: the roles file first, then the level's own (which may replace) */
    file_src rf;
    memset(&rf, 0, sizeof rf);
    char rpath[LVL_PATH_LEN];
    bool explicit_file = false;
    bool have_path = roles_path(s, root, level_path, rpath, sizeof rpath, &explicit_file);
    if (rio && rio->text)
        have_path = true; /* the journaled text is the file the game was played with */
    bool roles_ok = false;
    if (have_path) {
        int errors_before = d->n_errors;
        lnode *rroot = rio && rio->text ? load_tree_mem(&rf, rio->name ? rio->name : "rollen.yaml", rio->text, rio->len, d)
                                        : load_tree(&rf, rpath, rpath, d);
        if (rroot) {
            read_roles_file(&rf.src, L, rroot);
            roles_ok = d->n_errors == errors_before;
            if (rio && rio->used) {
                utf8_copy(rio->used->path, sizeof rio->used->path, rpath);
                const char *base = strrchr(rpath, '/') ? strrchr(rpath, '/') + 1 : rpath;
                utf8_copy(rio->used->name, sizeof rio->used->name, explicit_file ? base : "rollen.yaml");
            }
        }
        if (!roles_ok && d->unreadable) {
            /* a missing roles file is this level's problem, not "unreadable level" */
            d->unreadable = false;
            if (explicit_file || !lvl_map_get(root, "eigen-rollen"))
                lvl_diag_at(s, LVL_ERROR, lvl_map_key_node(root, "rolbestand") ? lvl_map_key_node(root, "rolbestand") : root,
                            TR(s, "zet rollen.yaml naast het level, of beschrijf de rollen onder ‘eigen-rollen’",
                               "put rollen.yaml next to the level, or describe the roles under ‘eigen-rollen’"),
                            TR(s, "het rollenbestand ‘%s’ is niet te lezen", "the roles file ‘%s’ cannot be read"),
                            strrchr(rpath, '/') ? strrchr(rpath, '/') + 1 : rpath);
        }
    }
    read_domains(s, L, root);
    const lnode *own = lvl_map_get(root, "eigen-rollen");
    if (own)
        read_roles(s, L, own);

    /* seats */
    const char *role_names[MAX_KNOWN_ROLES];
    for (int i = 0; i < L->n_roles; i++)
        role_names[i] = L->roles[i].def.id;
    int seat_known[CORE_MAX_SEATS];
    lnode one;
    const lnode *seats = get_list(s, root, "rollen", &one);
    namelist seat_names = {.n = 0};
    bool seats_failed = false;
    if (seats) {
        if (seats->n < CORE_MIN_SEATS || seats->n > CORE_MAX_SEATS)
            lvl_diag_at(s, LVL_ERROR, seats, TR(s, "de vier kernrollen zijn leraar, ouder, clb-anker en leerondersteuner", "the four core roles are leraar, ouder, clb-anker and leerondersteuner"),
                        TR(s, "een level speelt met %d tot %d rollen, niet %d", "a level plays with %d to %d roles, not %d"),
                        CORE_MIN_SEATS, CORE_MAX_SEATS, seats->n);
        if (L->n_roles == 0)
            seats_failed = true; /* no roles file: already reported */
        for (int i = 0; i < seats->n && sc->n_roles < CORE_MAX_SEATS && L->n_roles > 0; i++) {
            int k = resolve(s, seats->kids[i], role_names, L->n_roles, "onbekende rol", "unknown role");
            if (k < 0) {
                seats_failed = true;
                continue;
            }
            bool dup = false;
            for (int j = 0; j < sc->n_roles; j++)
                if (seat_known[j] == k)
                    dup = true;
            if (dup) {
                lvl_diag_at(s, LVL_ERROR, seats->kids[i], NULL, TR(s, "rol ‘%s’ staat er twee keer", "role ‘%s’ appears twice"), seats->kids[i]->s);
                continue;
            }
            seat_known[sc->n_roles] = k;
            role_tmp *t = &L->roles[k];
            sc->roles[sc->n_roles] = t->def;
            core_role_def *rd = &sc->roles[sc->n_roles];
            rd->deck_size = 0;
            if (rd->colour < 0)
                rd->colour = sc->n_roles;
            for (int c = 0; c < t->n_cards; c++) {
                card_tmp *ct = &t->cards[c];
                ct->def.role = sc->n_roles;
                if (add_card(ct->src, sc, &ct->def, lvl_map_get(ct->node, "id") ? lvl_map_get(ct->node, "id") : ct->node))
                    add_to_deck(ct->src, rd, sc->n_cards - 1, ct->copies, ct->node);
            }
            sc->seat_roles[sc->n_roles] = sc->n_roles;
            seat_names.names[seat_names.n++] = rd->id;
            sc->n_roles++;
        }
        sc->n_seats = sc->n_roles;
    }

    /* needs */
    namelist need_names = {.n = 0};
    const lnode *needs = lvl_map_get(root, "noden");
    if (needs && want(s, needs, LN_SEQ, "noden")) {
        if (needs->n < 1 || needs->n > CORE_MAX_NEEDS)
            lvl_diag_at(s, LVL_ERROR, needs, NULL, TR(s, "een level heeft 1 tot %d noden, niet %d (3 tot 6 speelt het best)", "a level has 1 to %d needs, not %d (3 to 6 plays best)"),
                        CORE_MAX_NEEDS, needs->n);
        for (int i = 0; i < needs->n && sc->n_needs < CORE_MAX_NEEDS; i++) {
            const lnode *nm = needs->kids[i];
            if (!want(s, nm, LN_MAP, TR(s, "een nood", "a need")))
                continue;
            check_keys(s, nm, need_keys, 5, TR(s, "een nood", "a need"));
            core_need_def *nd = &sc->needs[sc->n_needs];
            get_id(s, nm, "id", nd->id);
            unique_id(s, nm, nd->id, &need_names, "nood", "need");
            get_text(s, nm, "titel", nd->title, sizeof nd->title);
            get_text(s, nm, "tekst", nd->text, sizeof nd->text);
            const lnode *dom = scalar_of(s, nm, "domein");
            if (dom)
                domain_ref(s, L, dom, nd->domain);
            get_int(s, nm, "doel", &nd->target, 1, 50);
            need_names.names[need_names.n++] = nd->id;
            sc->n_needs++;
        }
    }
    /* grenzen -> which roles cannot move a need alone */
    for (int n = 0; n < sc->n_needs; n++) {
        core_need_def *nd = &sc->needs[n];
        nd->limited_roles = 0;
        for (int r = 0; r < sc->n_roles; r++)
            for (int k = 0; k < sc->roles[r].n_limit_domains; k++)
                if (nd->domain[0] && strcmp(sc->roles[r].limit_domains[k], nd->domain) == 0)
                    nd->limited_roles |= 1u << r;
    }
    const lnode *rules_map = lvl_map_get(root, "regels");
    const lnode *ntw = rules_map ? lvl_map_get(rules_map, "noden-om-te-winnen") : NULL;
    if (sc->n_needs > 0 && sc->rules.needs_to_win > sc->n_needs)
        lvl_diag_at(s, LVL_ERROR, ntw ? ntw : (rules_map ? rules_map : root),
                    TR(s, "zet ‘noden-om-te-winnen’ onder ‘regels’ op hoogstens het aantal noden", "set ‘noden-om-te-winnen’ under ‘regels’ to at most the number of needs"),
                    TR(s, "om te winnen zijn %d noden nodig, maar het level heeft er maar %d", "winning takes %d needs, but the level has only %d"),
                    sc->rules.needs_to_win, sc->n_needs);

    /* extra cards of this level */
    const lnode *cards = lvl_map_get(root, "kaarten");
    if (cards && want(s, cards, LN_SEQ, "kaarten")) {
        for (int i = 0; i < cards->n; i++) {
            card_tmp ct;
            if (!read_card(s, L, cards->kids[i], &ct, true))
                continue;
            const lnode *rn = scalar_of(s, cards->kids[i], "rol");
            if (!rn)
                continue;
            int r = seat_ref(s, L, rn, &seat_names, seats_failed);
            if (r < 0)
                continue;
            ct.def.role = r;
            if (add_card(s, sc, &ct.def, lvl_map_get(cards->kids[i], "id")))
                add_to_deck(s, &sc->roles[r], sc->n_cards - 1, ct.copies, cards->kids[i]);
        }
    }
    for (int r = 0; r < sc->n_roles; r++)
        if (sc->roles[r].deck_size == 0 && seats)
            lvl_diag_at(s, LVL_ERROR, seats, NULL, TR(s, "rol ‘%s’ heeft geen kaarten", "role ‘%s’ has no cards"), sc->roles[r].id);

    /* dossier: the level's facts, then the roles' own facts by domain */
    namelist fact_names = {.n = 0};
    const lnode *facts = lvl_map_get(root, "dossier");
    if (facts && want(s, facts, LN_SEQ, "dossier")) {
        for (int i = 0; i < facts->n; i++) {
            const lnode *f = facts->kids[i];
            if (!want(s, f, LN_MAP, TR(s, "een dossierfeit", "a dossier fact")))
                continue;
            if (sc->n_facts >= CORE_MAX_FACTS) {
                lvl_diag_at(s, LVL_ERROR, f, NULL, TR(s, "te veel dossierfeiten (max. %d)", "too many dossier facts (max. %d)"), CORE_MAX_FACTS);
                break;
            }
            check_keys(s, f, fact_keys, 4, TR(s, "een dossierfeit", "a dossier fact"));
            core_fact_def *fd = &sc->facts[sc->n_facts];
            fd->role = CORE_NONE;
            get_id(s, f, "id", fd->id);
            unique_id(s, f, fd->id, &fact_names, "dossierfeit", "dossier fact");
            get_text(s, f, "tekst", fd->text, sizeof fd->text);
            const lnode *rn = scalar_of(s, f, "rol");
            int r = rn ? seat_ref(s, L, rn, &seat_names, seats_failed) : -1;
            need_mask(s, f, "noden", &need_names, &fd->needs);
            if (r < 0)
                continue;
            fd->role = r;
            fact_names.names[fact_names.n++] = fd->id;
            sc->n_facts++;
        }
    }
    for (int r = 0; r < sc->n_roles; r++) {
        const role_tmp *t = &L->roles[seat_known[r]];
        for (int f = 0; f < t->n_facts && sc->n_facts < CORE_MAX_FACTS; f++) {
            uint32_t mask = 0;
            for (int n = 0; n < sc->n_needs; n++)
                for (int k = 0; k < t->facts[f].n_domains; k++)
                    if (strcmp(sc->needs[n].domain, t->facts[f].domains[k]) == 0)
                        mask |= 1u << n;
            if (!mask)
                continue; /* the fact says nothing about this pupil's needs */
            core_fact_def *fd = &sc->facts[sc->n_facts++];
            utf8_copy(fd->id, sizeof fd->id, t->facts[f].id);
            utf8_copy(fd->text, sizeof fd->text, t->facts[f].text);
            fd->role = r;
            fd->needs = mask;
        }
    }

    /* frictions */
    namelist fr_names = {.n = 0};
    const lnode *frs = lvl_map_get(root, "spanningen");
    if (frs && want(s, frs, LN_SEQ, "spanningen")) {
        if (frs->n == 0)
            lvl_diag_at(s, LVL_ERROR, frs, NULL, "%s", TR(s, "een level heeft minstens één spanning nodig", "a level needs at least one friction"));
        for (int i = 0; i < frs->n; i++) {
            const lnode *f = frs->kids[i];
            if (!want(s, f, LN_MAP, TR(s, "een spanning", "a friction")))
                continue;
            if (sc->n_frictions >= CORE_MAX_FRICTIONS) {
                lvl_diag_at(s, LVL_ERROR, f, NULL, TR(s, "te veel spanningen (max. %d)", "too many frictions (max. %d)"), CORE_MAX_FRICTIONS);
                break;
            }
            check_keys(s, f, friction_keys, (int)(sizeof friction_keys / sizeof friction_keys[0]), TR(s, "een spanning", "a friction"));
            core_friction_def *fd = &sc->frictions[sc->n_frictions];
            memset(fd, 0, sizeof *fd);
            get_id(s, f, "id", fd->id);
            unique_id(s, f, fd->id, &fr_names, "spanning", "friction");
            get_text(s, f, "titel", fd->title, sizeof fd->title);
            get_text(s, f, "tekst", fd->text, sizeof fd->text);
            int involved = 0, unresolved = 0;
            lnode one_r;
            const lnode *rl = get_list(s, f, "rollen", &one_r);
            if (rl) {
                for (int k = 0; k < rl->n; k++) {
                    int r = seat_ref(s, L, rl->kids[k], &seat_names, seats_failed);
                    if (r < 0)
                        unresolved++;
                    else if (!(fd->roles & (1u << r))) {
                        fd->roles |= 1u << r;
                        involved++;
                    }
                }
                if (involved < 2 && unresolved == 0)
                    lvl_diag_at(s, LVL_ERROR, rl, TR(s, "een grenservaring vraagt minstens twee rollen", "a boundary experience takes at least two roles"),
                                "%s", TR(s, "een spanning moet minstens twee rollen betrekken", "a friction must involve at least two roles"));
            }
            fd->required_roles = 2;
            if (get_int(s, f, "samen", &fd->required_roles, 2, CORE_MAX_SEATS) && involved >= 2 && fd->required_roles > involved)
                lvl_diag_at(s, LVL_ERROR, lvl_map_get(f, "samen"), NULL,
                            TR(s, "‘samen’ (%d) is meer dan het aantal betrokken rollen (%d)", "‘samen’ (%d) is more than the number of roles involved (%d)"),
                            fd->required_roles, involved);
            get_int(s, f, "zwaarte", &fd->severity, 1, 5);
            fd->drains = CORE_DRAIN_DRAAGKRACHT;
            const lnode *tr = scalar_of(s, f, "treft");
            if (tr) {
                const char *names[] = {"draagkracht", "welbevinden"};
                int k = resolve(s, tr, names, 2, "onbekend doelwit (draagkracht of welbevinden)", "unknown target (draagkracht or welbevinden)");
                if (k == 1)
                    fd->drains = CORE_DRAIN_WELBEVINDEN;
            }
            get_int(s, f, "ronde", &fd->round, 0, sc->rules.rounds);
            fd->innovation_card = CORE_NONE;
            const lnode *inn = lvl_map_get(f, "innovatie");
            if (inn && want(s, inn, LN_MAP, "innovatie")) {
                check_keys(s, inn, innovation_keys, 5, TR(s, "een innovatiekaart", "an innovation card"));
                core_card_def cd;
                memset(&cd, 0, sizeof cd);
                cd.type = CORE_CARD_INNOVATION;
                cd.role = CORE_NONE;
                get_id(s, inn, "id", cd.id);
                get_text(s, inn, "titel", cd.title, sizeof cd.title);
                get_text(s, inn, "tekst", cd.text, sizeof cd.text);
                const lnode *kind = scalar_of(s, inn, "kennis");
                if (kind) {
                    int k = find_kind(s, kind);
                    if (k >= 0)
                        cd.kind = (core_knowledge_kind)k;
                }
                get_int(s, inn, "sterkte", &cd.strength, 1, 9);
                if (add_card(s, sc, &cd, lvl_map_get(inn, "id") ? lvl_map_get(inn, "id") : inn))
                    fd->innovation_card = sc->n_cards - 1;
            }
            fr_names.names[fr_names.n++] = fd->id;
            sc->n_frictions++;
        }
    }

    /* goals */
    namelist goal_names = {.n = 0};
    const lnode *goals = lvl_map_get(root, "doelen");
    if (goals && want(s, goals, LN_SEQ, "doelen")) {
        if (goals->n == 0)
            lvl_diag_at(s, LVL_ERROR, goals, NULL, "%s", TR(s, "een level heeft minstens één gedeeld doel nodig", "a level needs at least one shared goal"));
        for (int i = 0; i < goals->n; i++) {
            const lnode *g = goals->kids[i];
            if (!want(s, g, LN_MAP, TR(s, "een doel", "a goal")))
                continue;
            if (sc->n_goals >= CORE_MAX_GOALS) {
                lvl_diag_at(s, LVL_ERROR, g, NULL, TR(s, "te veel doelen (max. %d)", "too many goals (max. %d)"), CORE_MAX_GOALS);
                break;
            }
            check_keys(s, g, goal_keys, 4, TR(s, "een doel", "a goal"));
            core_goal_def *gd = &sc->goals[sc->n_goals];
            get_id(s, g, "id", gd->id);
            unique_id(s, g, gd->id, &goal_names, "doel", "goal");
            get_text(s, g, "titel", gd->title, sizeof gd->title);
            get_text(s, g, "tekst", gd->text, sizeof gd->text);
            need_mask(s, g, "noden", &need_names, &gd->needs);
            goal_names.names[goal_names.n++] = gd->id;
            sc->n_goals++;
        }
    }

    /* reflection fan */
    namelist refl_names = {.n = 0};
    const lnode *refl = lvl_map_get(root, "reflectiewaaier");
    bool block_seen[CORE_BLOCK_COUNT] = {false};
    if (refl && want(s, refl, LN_SEQ, "reflectiewaaier")) {
        const char *blocks[CORE_BLOCK_COUNT], *tags[CORE_EV_TAG_COUNT];
        for (int b = 0; b < CORE_BLOCK_COUNT; b++)
            blocks[b] = core_block_key((core_building_block)b);
        for (int t = 0; t < CORE_EV_TAG_COUNT; t++)
            tags[t] = core_evidence_name((core_evidence_tag)t);
        for (int i = 0; i < refl->n; i++) {
            const lnode *c = refl->kids[i];
            if (!want(s, c, LN_MAP, TR(s, "een reflectiekaart", "a reflection card")))
                continue;
            if (sc->n_reflections >= CORE_MAX_REFLECTIONS) {
                lvl_diag_at(s, LVL_ERROR, c, NULL, TR(s, "te veel reflectiekaarten (max. %d)", "too many reflection cards (max. %d)"), CORE_MAX_REFLECTIONS);
                break;
            }
            check_keys(s, c, reflection_keys, 5, TR(s, "een reflectiekaart", "a reflection card"));
            core_reflection_def *rd = &sc->reflections[sc->n_reflections];
            get_id(s, c, "id", rd->id);
            unique_id(s, c, rd->id, &refl_names, "reflectiekaart", "reflection card");
            get_text(s, c, "vraag", rd->question, sizeof rd->question);
            const lnode *b = scalar_of(s, c, "bouwsteen");
            if (b) {
                int k = resolve(s, b, blocks, CORE_BLOCK_COUNT, "onbekende bouwsteen", "unknown building block");
                if (k >= 0) {
                    rd->block = (core_building_block)k;
                    block_seen[k] = true;
                }
            }
            lnode one_t;
            const lnode *sig = get_list(s, c, "signalen", &one_t);
            if (sig)
                for (int k = 0; k < sig->n; k++) {
                    int t = resolve(s, sig->kids[k], tags, CORE_EV_TAG_COUNT, "onbekend signaal", "unknown evidence tag");
                    if (t >= 0)
                        rd->evidence |= 1u << t;
                }
            lnode one_a;
            const lnode *ans = get_list(s, c, "antwoorden", &one_a);
            if (ans) {
                if (ans->n < 2 || ans->n > CORE_MAX_OPTIONS)
                    lvl_diag_at(s, LVL_ERROR, ans, NULL, TR(s, "een reflectiekaart heeft 2 tot %d antwoorden, niet %d", "a reflection card has 2 to %d answers, not %d"),
                                CORE_MAX_OPTIONS, ans->n);
                for (int k = 0; k < ans->n && rd->n_options < CORE_MAX_OPTIONS; k++) {
                    if (!want(s, ans->kids[k], LN_SCALAR, "antwoorden"))
                        continue;
                    if (ans->kids[k]->slen >= CORE_TITLE_LEN)
                        lvl_diag_at(s, LVL_ERROR, ans->kids[k], NULL, TR(s, "antwoord te lang (max. ongeveer %d tekens)", "answer too long (max. about %d characters)"),
                                    CORE_TITLE_LEN - 1);
                    utf8_copy(rd->options[rd->n_options++], CORE_TITLE_LEN, ans->kids[k]->s);
                }
            }
            refl_names.names[refl_names.n++] = rd->id;
            sc->n_reflections++;
        }
        if (refl->n == 0)
            lvl_diag_at(s, LVL_ERROR, refl, NULL, "%s", TR(s, "de reflectiewaaier is leeg", "the reflection fan is empty"));
        else
            for (int b = 0; b < CORE_BLOCK_COUNT; b++)
                if (!block_seen[b] && d->n_errors == 0)
                    lvl_diag_at(s, LVL_WARNING, refl, TR(s, "de debriefing kiest per bouwsteen een kaart", "the debrief picks a card per building block"),
                                TR(s, "geen reflectiekaart voor bouwsteen ‘%s’", "no reflection card for building block ‘%s’"), blocks[b]);
    }

    /* scripted events */
    const lnode *evs = lvl_map_get(root, "gebeurtenissen");
    if (evs && want(s, evs, LN_SEQ, "gebeurtenissen")) {
        for (int i = 0; i < evs->n; i++) {
            const lnode *e = evs->kids[i];
            if (!want(s, e, LN_MAP, TR(s, "een gebeurtenis", "an event")))
                continue;
            if (sc->n_events >= CORE_MAX_EVENTS_SCRIPTED) {
                lvl_diag_at(s, LVL_ERROR, e, NULL, TR(s, "te veel gebeurtenissen (max. %d)", "too many events (max. %d)"), CORE_MAX_EVENTS_SCRIPTED);
                break;
            }
            check_keys(s, e, event_keys, 7, TR(s, "een gebeurtenis", "an event"));
            core_scripted_event *se = &sc->events[sc->n_events];
            memset(se, 0, sizeof *se);
            se->round = 1;
            get_int(s, e, "ronde", &se->round, 1, sc->rules.rounds);
            get_text(s, e, "titel", se->title, sizeof se->title);
            get_text(s, e, "tekst", se->text, sizeof se->text);
            get_int(s, e, "welbevinden", &se->welbevinden_delta, -5, 5);
            get_int(s, e, "draagkracht", &se->draagkracht_delta, -5, 5);
            se->need = CORE_NONE;
            const lnode *nn = scalar_of(s, e, "nood");
            if (nn) {
                int k = resolve(s, nn, need_names.names, need_names.n, "onbekende nood", "unknown need");
                if (k >= 0)
                    se->need = k;
            }
            if (get_int(s, e, "voortgang", &se->need_delta, -10, 10) && !nn)
                lvl_diag_at(s, LVL_ERROR, lvl_map_get(e, "voortgang"), TR(s, "voeg ‘nood: ...’ toe", "add ‘nood: ...’"), "%s",
                            TR(s, "‘voortgang’ zonder ‘nood’", "‘voortgang’ without ‘nood’"));
            sc->n_events++;
        }
    }

    /* Meaning checks that only make sense on a complete level. */
    if (d->n_errors == 0) {
        for (int n = 0; n < sc->n_needs; n++) {
            bool lit = false;
            for (int f = 0; f < sc->n_facts; f++)
                if (sc->facts[f].needs & (1u << n))
                    lit = true;
            const lnode *at = needs && n < needs->n ? needs->kids[n] : root;
            if (!lit)
                lvl_diag_at(s, LVL_WARNING, at, TR(s, "voeg een dossierfeit toe met deze nood onder ‘noden’", "add a dossier fact with this need under ‘noden’"),
                            TR(s, "geen enkel dossierfeit gaat over nood ‘%s’: er valt niets over te delen, dus delen loont er nooit", "no dossier fact is about need ‘%s’: there is nothing to share about it, so sharing never pays off there"),
                            sc->needs[n].id);
            bool matched = false;
            for (int c = 0; c < sc->n_cards; c++)
                if (sc->cards[c].type == CORE_CARD_EXPERTISE && strcmp(sc->cards[c].domain, sc->needs[n].domain) == 0)
                    matched = true;
            if (!matched)
                lvl_diag_at(s, LVL_WARNING, at, TR(s, "geef een rol die meespeelt een kaart met dit domein, of kies een ander domein voor de nood", "give a role in play a card with this domain, or pick another domain for the need"),
                            TR(s, "geen enkele kaart heeft domein ‘%s’: elke bijdrage aan nood ‘%s’ telt maar half", "no card has domain ‘%s’: every contribution to need ‘%s’ counts only half"),
                            sc->needs[n].domain, sc->needs[n].id);
            if (sc->n_roles > 0 && sc->needs[n].limited_roles == (1u << sc->n_roles) - 1)
                lvl_diag_at(s, LVL_WARNING, at, NULL,
                            TR(s, "alle rollen hebben ‘%s’ als grens: enkel samen komt deze nood vooruit", "every role has ‘%s’ as a limit: only joint work moves this need"),
                            sc->needs[n].domain);
        }
        for (int g = 0; g < sc->n_goals; g++)
            if (sc->goals[g].needs == 0)
                lvl_diag_at(s, LVL_ERROR, goals, NULL, TR(s, "doel ‘%s’ is aan geen enkele nood gekoppeld", "goal ‘%s’ is linked to no need"), sc->goals[g].id);
        char err[256];
        if (!core_scenario_validate(sc, err, sizeof err))
            lvl_diag_at(s, LVL_ERROR, root, TR(s, "dit is een fout in Samenspel zelf of een grens van de spelregels; meld het met dit bestand", "this is a limit of the rules engine or a bug; report it with this file"),
                        TR(s, "de spelregels aanvaarden dit level niet: %s", "the rules engine refuses this level: %s"), err);
    }
    free_src(&rf);
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
                        const roles_io *rio)
{
    loader *L = calloc(1, sizeof *L);
    if (!L) {
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, "%s", TR(s, "geen geheugen", "out of memory"));
        return false;
    }
    memset(out, 0, sizeof *out);
    if (was_roles_file)
        *was_roles_file = false;
    if (looks_like_roles_file(root)) {
        read_roles_file(s, L, root);
        if (was_roles_file)
            *was_roles_file = true;
        free(L);
        return false;
    }
    build_level(s, L, root, out, level_path, rio);
    free(L);
    return s->d->n_errors == 0;
}

static bool check_file(const char *path, core_scenario *out, lvl_diags *diags, bool *was_roles_file,
                       const roles_io *rio)
{
    lvl_diags_clear(diags);
    if (was_roles_file)
        *was_roles_file = false;
    file_src fs;
    lnode *root = load_tree(&fs, path, path, diags);
    bool ok = false;
    bool roles = false;
    if (root)
        ok = load_common(&fs.src, root, path, out, &roles, rio);
    free_src(&fs);
    lvl_diags_sort(diags);
    if (was_roles_file)
        *was_roles_file = roles;
    if (roles)
        return root != NULL && diags->n_errors == 0;
    return ok && diags->n_errors == 0;
}

bool lvl_check_file(const char *path, core_scenario *out, lvl_diags *diags, bool *was_roles_file)
{
    return check_file(path, out, diags, was_roles_file, NULL);
}

bool lvl_load_file_roles(const char *path, core_scenario *out, lvl_diags *diags, lvl_roles_source *used)
{
    if (used)
        memset(used, 0, sizeof *used);
    roles_io rio = {NULL, NULL, 0, used};
    bool roles = false;
    bool ok = check_file(path, out, diags, &roles, &rio);
    if (roles) {
        lvl_src s = {.file = path, .d = diags, .is_en = lang_en()};
        lvl_diag_add(&s, LVL_ERROR, 0, 0, TR(&s, "kies een level, bv. levels/noor.yaml", "pick a level, e.g. levels/noor.yaml"), "%s",
                     TR(&s, "dit is een rollenbestand, geen level", "this is a roles file, not a level"));
        return false;
    }
    return ok;
}

bool lvl_load_file(const char *path, core_scenario *out, lvl_diags *diags)
{
    return lvl_load_file_roles(path, out, diags, NULL);
}

bool lvl_load_buffer_roles(const char *name, const char *data, size_t len, const char *roles_name,
                           const char *roles_text, size_t roles_len, core_scenario *out, lvl_diags *diags)
{
    lvl_diags_clear(diags);
    lvl_src s = {.file = name ? name : "<level>", .text = data, .len = len, .d = diags, .is_en = lang_en()};
    if (!data)
        len = 0;
    if (len > LVL_MAX_FILE_BYTES) {
        lvl_diag_add(&s, LVL_ERROR, 0, 0, NULL, TR(&s, "het level is te groot (max. %u bytes)", "the level is too large (max. %u bytes)"), LVL_MAX_FILE_BYTES);
        return false;
    }
    roles_io rio = {roles_name, roles_text, roles_len, NULL};
    bool ok = false;
    if (lvl_precheck(&s)) {
        lnode *root = lvl_parse(&s);
        if (root) {
            lvl_lint_comments(&s, root);
            bool roles = false;
            ok = load_common(&s, root, NULL, out, &roles, &rio);
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
