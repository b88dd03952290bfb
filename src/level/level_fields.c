/*
 * Typed field readers of the level loader: each reads one value of a
 * positioned YAML tree, checks its type and range, and reports a mistake at
 * the value's line and column with a hint a trainer can act on.
 */
#include "level/level_schema.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *type_word(const lnode *n)
{
    if (n->type == LN_MAP)
        return _("een blok met sleutels");
    if (n->type == LN_SEQ)
        return _("een lijst");
    return _("een enkele waarde");
}

bool lvl_want(lvl_src *s, const lnode *n, lnode_type t, const char *what)
{
    if (!n)
        return false;
    if (n->type == t)
        return true;
    const char *need = t == LN_MAP ? _("een blok met sleutels")
                     : t == LN_SEQ ? _("een lijst (regels die met ‘- ’ beginnen, of [a, b])")
                                   : _("een enkele waarde");
    lvl_diag_at(s, LVL_ERROR, n, NULL, _("‘%s’ moet %s zijn, niet %s"), what,
                need, type_word(n));
    return false;
}

/* Unknown keys (with a suggestion), duplicate keys and missing required ones. */
void lvl_check_keys(lvl_src *s, const lnode *map, const lvl_kspec *spec, int n, const char *what)
{
    const char *cands[32];
    bool suggested[32] = {false};
    int nc = n < 32 ? n : 32;
    for (int i = 0; i < nc; i++)
        cands[i] = spec[i].key;
    /* no block of the format has more than ~30 keys; refusing huge ones
     * keeps the duplicate check below from going quadratic on a 1 MiB file */
    if (map->n / 2 > 64) {
        lvl_diag_at(s, LVL_ERROR, map, NULL, _("te veel sleutels in %s (%d); is de inspringing juist?"),
                    what, map->n / 2);
        return;
    }
    for (int i = 0; i + 1 < map->n; i += 2) {
        const lnode *k = map->kids[i];
        if (k->type != LN_SCALAR) {
            lvl_diag_at(s, LVL_ERROR, k, NULL, "%s", _("een sleutel moet een woord zijn"));
            continue;
        }
        bool dup = false;
        for (int j = 0; j < i; j += 2) {
            const lnode *o = map->kids[j];
            if (o->type == LN_SCALAR && strcmp(o->s, k->s) == 0) {
                char hint[LVL_MSG_LEN];
                snprintf(hint, sizeof hint, _("de eerste staat op regel %d; hou er één"),
                         o->line);
                lvl_diag_at(s, LVL_ERROR, k, hint, _("sleutel ‘%s’ staat er twee keer in %s"),
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
                snprintf(hint, sizeof hint, _("bedoelde je ‘%s’?"), sug);
                for (int j = 0; j < nc; j++)
                    if (cands[j] == sug)
                        suggested[j] = true;
            } else {
                size_t off = (size_t)snprintf(hint, sizeof hint, "%s", _("mogelijk hier: "));
                for (int j = 0; j < n && off < sizeof hint; j++)
                    off += (size_t)snprintf(hint + off, sizeof hint - off, "%s%s", j ? ", " : "", spec[j].key);
            }
            lvl_diag_at(s, LVL_ERROR, k, hint, _("onbekende sleutel ‘%s’ in %s"), k->s, what);
        }
    }
    for (int j = 0; j < n; j++) {
        /* a misspelt key was already reported with this one as suggestion */
        if (spec[j].required && !lvl_map_key_node(map, spec[j].key) && !(j < nc && suggested[j]) &&
            !lvl_blanked_within(s, map)) {
            char hint[LVL_MSG_LEN];
            snprintf(hint, sizeof hint, _("voeg een regel ‘%s: ...’ toe"), spec[j].key);
            lvl_diag_at(s, LVL_ERROR, map, hint, _("‘%s’ ontbreekt in %s"), spec[j].key, what);
        }
    }
}

const lnode *lvl_scalar(lvl_src *s, const lnode *v, const char *key)
{
    if (!v)
        return NULL;
    if (!lvl_want(s, v, LN_SCALAR, key))
        return NULL;
    return v;
}

void lvl_copy_str(char *dst, size_t cap, const char *src)
{
    lvl_copy_utf8(dst, cap, src, strlen(src));
}

/* Text: copies the value; too long is an error that says by how much. */
bool lvl_text(lvl_src *s, const lnode *v, const char *key, char *out, size_t cap)
{
    v = lvl_scalar(s, v, key);
    if (!v)
        return false;
    if (v->slen == 0) {
        lvl_diag_at(s, LVL_ERROR, v, _("vul een tekst in, of laat de hele regel weg als ze niet verplicht is"),
                    _("‘%s’ is leeg"), key);
    } else if (v->slen >= cap) {
        /* the limit is in bytes; say exactly how many characters of this
         * text fit, so the number needs no "ongeveer" */
        int fit = 0;
        for (size_t i = 0; i < cap - 1; i++) /* characters that start and end within cap - 1 bytes */
            if (((unsigned char)v->s[i] & 0xC0) != 0x80) {
                size_t n = 1;
                while (((unsigned char)v->s[i + n] & 0xC0) == 0x80)
                    n++;
                fit += i + n <= cap - 1;
            }
        lvl_diag_at(s, LVL_ERROR, v, _("maak de tekst korter"),
                    _("‘%s’ is te lang: %d tekens, van deze tekst passen er %d"),
                    key, lvl_utf8_chars(v->s, v->s + strlen(v->s)), fit);
    }
    lvl_copy_str(out, cap, v->s);
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

bool lvl_check_id_value(lvl_src *s, const lnode *v, const char *key)
{
    if (valid_id(v->s))
        return true;
    char slug[CORE_ID_LEN], hint[LVL_MSG_LEN];
    slugify(v->s, slug, sizeof slug);
    if (slug[0])
        snprintf(hint, sizeof hint, _("bijvoorbeeld ‘%s’"), slug);
    else
        snprintf(hint, sizeof hint, "%s", _("bijvoorbeeld ‘prikkelarme-werkplek’"));
    lvl_diag_at(s, LVL_ERROR, v, hint,
                _("‘%s’ moet een korte naam zijn met kleine letters, cijfers en streepjes (max. %d tekens), niet ‘%s’"),
                key, CORE_ID_LEN - 1, v->s);
    return false;
}

bool lvl_id(lvl_src *s, const lnode *v, const char *key, char *out)
{
    v = lvl_scalar(s, v, key);
    if (!v)
        return false;
    bool ok = lvl_check_id_value(s, v, key);
    lvl_copy_str(out, CORE_ID_LEN, v->s);
    if (!ok) {
        /* register the suggested form, so that references written that way
         * do not each raise a second error */
        char slug[CORE_ID_LEN];
        slugify(v->s, slug, sizeof slug);
        if (slug[0])
            lvl_copy_str(out, CORE_ID_LEN, slug);
    }
    return ok;
}

bool lvl_parse_int(const char *t, long *out)
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
/* A decimal number; the Flemish decimal comma (0,3) is accepted. */
static bool parse_decimal(const char *t, double *out)
{
    char buf[64];
    lvl_copy_str(buf, sizeof buf, t);
    for (char *c = buf; *c; c++)
        if (*c == ',')
            *c = '.';
    char *end;
    errno = 0;
    double x = strtod(buf, &end);
    if (end == buf || *end != '\0' || errno || x != x)
        return false;
    *out = x;
    return true;
}

/* A number in [lo, hi]: whole (no decimals) or decimal. *out gets it when
 * it is present and valid; a mistake is reported in the words of its kind. */
static bool number(lvl_src *s, const lnode *v, const char *key, bool whole, double lo, double hi, double *out)
{
    v = lvl_scalar(s, v, key);
    if (!v)
        return false;
    long l = 0;
    double x = 0;
    if (whole ? !lvl_parse_int(v->s, &l) : !parse_decimal(v->s, &x)) {
        if (whole)
            lvl_diag_at(s, LVL_ERROR, v, _("schrijf een getal zonder komma, bv. 3"),
                        _("‘%s’ moet een geheel getal zijn, niet ‘%s’"), key, v->s);
        else
            lvl_diag_at(s, LVL_ERROR, v, _("bv. 0.3"),
                        _("‘%s’ moet een getal zijn, niet ‘%s’"), key, v->s);
        return false;
    }
    if (whole ? ((double)l < lo || (double)l > hi) : (x < lo || x > hi)) {
        if (whole)
            lvl_diag_at(s, LVL_ERROR, v, NULL, _("‘%s’ moet tussen %d en %d liggen (nu %ld)"),
                        key, (int)lo, (int)hi, l);
        else
            lvl_diag_at(s, LVL_ERROR, v, NULL, _("‘%s’ moet tussen %g en %g liggen (nu %g)"),
                        key, lo, hi, x);
        return false;
    }
    *out = whole ? (double)l : x;
    return true;
}

bool lvl_int(lvl_src *s, const lnode *v, const char *key, int *out, int lo, int hi)
{
    double x;
    if (!number(s, v, key, true, lo, hi, &x))
        return false;
    *out = (int)x;
    return true;
}

bool lvl_double(lvl_src *s, const lnode *v, const char *key, double *out, double lo, double hi)
{
    return number(s, v, key, false, lo, hi, out);
}

/* `ja` or `nee` (the level format is Dutch, also for English messages). */
bool lvl_yesno(lvl_src *s, const lnode *v, const char *key, bool *out)
{
    v = lvl_scalar(s, v, key);
    if (!v)
        return false;
    if (strcmp(v->s, "ja") == 0 || strcmp(v->s, "nee") == 0) {
        *out = v->s[0] == 'j';
        return true;
    }
    lvl_diag_at(s, LVL_ERROR, v, _("schrijf ‘ja’ of ‘nee’, of laat de regel weg"),
                _("‘%s’ moet ja of nee zijn, niet ‘%s’"), key, v->s);
    return false;
}

/* A list value; a single scalar counts as a list of one (trainers write
 * `noden: rust` for one need). */
const lnode *lvl_list(lvl_src *s, const lnode *v, const char *key, lnode *one)
{
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
    if (!lvl_want(s, v, LN_SEQ, key))
        return NULL;
    return v;
}

/* Finds name in names; reports a dangling reference with a suggestion. */
int lvl_resolve(lvl_src *s, const lnode *v, const char *const *names, int n, const char *what)
{
    if (v->type != LN_SCALAR) {
        lvl_diag_at(s, LVL_ERROR, v, NULL, _("hier hoort een enkele waarde, niet %s"), type_word(v));
        return -1;
    }
    for (int i = 0; i < n; i++)
        if (names[i] && strcmp(names[i], v->s) == 0)
            return i;
    const char *sug = lvl_suggest(v->s, names, n);
    char hint[LVL_MSG_LEN];
    if (sug)
        snprintf(hint, sizeof hint, _("bedoelde je ‘%s’?"), sug);
    else {
        size_t off = (size_t)snprintf(hint, sizeof hint, "%s", _("bekend: "));
        for (int i = 0; i < n && off < sizeof hint - 8; i++)
            off += (size_t)snprintf(hint + off, sizeof hint - off, "%s%s", i ? ", " : "", names[i] ? names[i] : "");
    }
    lvl_diag_at(s, LVL_ERROR, v, hint, "%s ‘%s’", _(what), v->s);
    return -1;
}

int lvl_get_choice(lvl_src *s, const lnode *map, const char *key, const char *const *names, int n,
                   const char *what)
{
    const lnode *v = lvl_get_scalar(s, map, key);
    return v ? lvl_resolve(s, v, names, n, what) : -1;
}

const lnode *lvl_get_kind(lvl_src *s, const lnode *map, core_knowledge_kind *out)
{
    const lnode *v = lvl_get_scalar(s, map, "kennis");
    if (!v)
        return NULL;
    const char *names[CORE_KIND_COUNT];
    for (int k = 0; k < CORE_KIND_COUNT; k++)
        names[k] = core_kind_key((core_knowledge_kind)k);
    int k = lvl_resolve(s, v, names, CORE_KIND_COUNT, N_("onbekende kennissoort"));
    if (k >= 0)
        *out = (core_knowledge_kind)k;
    return v;
}

/* ------------------------------------------------- the same, by key in a map */

const lnode *lvl_get_scalar(lvl_src *s, const lnode *map, const char *key)
{
    return lvl_scalar(s, lvl_map_get(map, key), key);
}

bool lvl_get_text(lvl_src *s, const lnode *map, const char *key, char *out, size_t cap)
{
    return lvl_text(s, lvl_map_get(map, key), key, out, cap);
}

bool lvl_get_id(lvl_src *s, const lnode *map, const char *key, char *out)
{
    return lvl_id(s, lvl_map_get(map, key), key, out);
}

bool lvl_get_int(lvl_src *s, const lnode *map, const char *key, int *out, int lo, int hi)
{
    return lvl_int(s, lvl_map_get(map, key), key, out, lo, hi);
}

bool lvl_get_double(lvl_src *s, const lnode *map, const char *key, double *out, double lo, double hi)
{
    return lvl_double(s, lvl_map_get(map, key), key, out, lo, hi);
}

bool lvl_get_yesno(lvl_src *s, const lnode *map, const char *key, bool *out)
{
    return lvl_yesno(s, lvl_map_get(map, key), key, out);
}

const lnode *lvl_get_list(lvl_src *s, const lnode *map, const char *key, lnode *one)
{
    return lvl_list(s, lvl_map_get(map, key), key, one);
}
