/*
 * The text side of the level loader: diagnostics, byte checks that must run
 * before libyaml (a trainer's editor decides encoding and tabs, and libyaml's
 * own messages for those are cryptic), and a small positioned tree built
 * from libyaml's event stream. The strict subset: one document, no anchors,
 * aliases or tags, bounded depth and size, so no file can make us hang.
 */
#include "level/level_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static size_t utf8_seq(const unsigned char *p, const unsigned char *end);

/* ------------------------------------------------------------ diagnostics */

void lvl_diags_clear(lvl_diags *d)
{
    memset(d, 0, sizeof *d);
}

void lvl_copy_utf8(char *dst, size_t cap, const char *src, size_t n)
{
    if (cap == 0)
        return;
    if (n >= cap) {
        n = cap - 1;
        /* never cut a UTF-8 sequence in half */
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void source_line(const lvl_src *s, int line, char *out, size_t cap)
{
    out[0] = '\0';
    if (!s->text || line < 1)
        return;
    const char *p = s->text, *end = s->text + s->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return;
        p = nl + 1;
    }
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    lvl_copy_utf8(out, cap, p, (size_t)(e - p));
    /* tabs would shift the caret; invalid bytes and control characters
     * would garble a terminal. One '?' per bad byte keeps the caret where
     * the column (counted per lead byte) says. */
    unsigned char *u = (unsigned char *)out, *uend = u + strlen(out);
    while (u < uend) {
        if (*u == '\t') {
            *u++ = ' ';
            continue;
        }
        size_t n = utf8_seq(u, uend);
        if (n == 0 || *u < 0x20 || *u == 0x7F) {
            *u++ = '?';
            continue;
        }
        u += n;
    }
}

static void diag_v(lvl_src *s, lvl_severity sev, int line, int col, const char *hint,
                   const char *fmt, va_list ap)
{
    lvl_diags *d = s->d;
    if (sev == LVL_ERROR)
        d->n_errors++;
    else
        d->n_warnings++;
    if (d->n >= LVL_MAX_DIAGS) {
        d->n_dropped++;
        return;
    }
    lvl_diag *g = &d->items[d->n++];
    memset(g, 0, sizeof *g);
    g->severity = sev;
    lvl_copy_utf8(g->file, sizeof g->file, s->file, strlen(s->file));
    g->line = line;
    g->col = col;
    char msg[LVL_MSG_LEN * 2];
    vsnprintf(msg, sizeof msg, fmt, ap);
    lvl_copy_utf8(g->message, sizeof g->message, msg, strlen(msg));
    if (hint)
        lvl_copy_utf8(g->hint, sizeof g->hint, hint, strlen(hint));
    source_line(s, line, g->source_line, sizeof g->source_line);
}

/* Stable sort by position so that a trainer reads the file top to bottom;
 * diagnostics of another file (the roles file) keep their group order. */
void lvl_diags_sort(lvl_diags *d)
{
    for (int i = 1; i < d->n; i++) {
        lvl_diag tmp = d->items[i];
        int j = i - 1;
        while (j >= 0 && strcmp(d->items[j].file, tmp.file) == 0 &&
               (d->items[j].line > tmp.line || (d->items[j].line == tmp.line && d->items[j].col > tmp.col))) {
            d->items[j + 1] = d->items[j];
            j--;
        }
        d->items[j + 1] = tmp;
    }
}

void lvl_diag_add(lvl_src *s, lvl_severity sev, int line, int col, const char *hint,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_v(s, sev, line, col, hint, fmt, ap);
    va_end(ap);
}

void lvl_diag_at(lvl_src *s, lvl_severity sev, const lnode *n, const char *hint,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_v(s, sev, n ? n->line : 0, n ? n->col : 0, hint, fmt, ap);
    va_end(ap);
}

int lvl_utf8_chars(const char *a, const char *b)
{
    int n = 0;
    for (; a < b; a++)
        if (((unsigned char)*a & 0xC0) != 0x80)
            n++;
    return n;
}

void lvl_diags_print(const lvl_diags *d, bool gcc_format, void *stdio_file)
{
    FILE *f = stdio_file ? (FILE *)stdio_file : stderr;
    for (int i = 0; i < d->n; i++) {
        const lvl_diag *g = &d->items[i];
        /* gcc format keeps the words editors and grep look for, in English */
        const char *sev = gcc_format ? (g->severity == LVL_ERROR ? "error" : "warning")
                                     : (g->severity == LVL_ERROR ? _("fout") : _("waarschuwing"));
        /* gcc format: one line per message, the hint at its end, so that
         * editors and grep see each message whole */
        if (g->line > 0)
            fprintf(f, "%s:%d:%d: %s: %s", g->file, g->line, g->col > 0 ? g->col : 1, sev, g->message);
        else
            fprintf(f, "%s: %s: %s", g->file, sev, g->message);
        if (gcc_format) {
            if (g->hint[0])
                fprintf(f, " [%s: %s]", _("hulp"), g->hint);
            fputc('\n', f);
            continue;
        }
        fputc('\n', f);
        if (g->line > 0 && g->source_line[0]) {
            fprintf(f, "%5d | %s\n      | ", g->line, g->source_line);
            /* the caret goes under the character at col, counted in characters */
            const char *p = g->source_line;
            for (int c = 1; c < g->col && *p; c++) {
                fputc(' ', f);
                p++;
                while (((unsigned char)*p & 0xC0) == 0x80)
                    p++;
            }
            fputs("^\n", f);
        }
        if (g->hint[0])
            fprintf(f, "      = %s: %s\n", _("hulp"), g->hint);
    }
    if (d->n_dropped > 0)
        fprintf(f, _("... en nog %d meldingen\n"), d->n_dropped);
}

/* ------------------------------------------------------------ byte checks */

/* Windows-1252 characters a Flemish trainer types, for the hint. */
static const char *cp1252_guess(unsigned char b)
{
    switch (b) {
    case 0x80: return "€";
    case 0x91: return "‘";
    case 0x92: return "’";
    case 0x93: return "“";
    case 0x94: return "”";
    case 0x96: return "–";
    case 0x97: return "—";
    case 0xE0: return "à";
    case 0xE4: return "ä";
    case 0xE7: return "ç";
    case 0xE8: return "è";
    case 0xE9: return "é";
    case 0xEA: return "ê";
    case 0xEB: return "ë";
    case 0xEF: return "ï";
    case 0xF4: return "ô";
    case 0xF6: return "ö";
    case 0xFC: return "ü";
    case 0xC9: return "É";
    default: return NULL;
    }
}

/* Length of the valid UTF-8 sequence at p, or 0 when it is invalid. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t n;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* The 's / 't trap: a value that starts with an apostrophe opens a quoted
 * string in YAML, so "'s Morgens" swallows text or breaks the file. */
static void check_apostrophe(lvl_src *s, const char *line, const char *end, int lineno)
{
    const char *p = line;
    while (p < end && *p == ' ')
        p++;
    if (p < end && *p == '#')
        return;
    while (p + 1 < end && p[0] == '-' && p[1] == ' ') {
        p += 2;
        while (p < end && *p == ' ')
            p++;
    }
    const char *v = p;
    bool is_value = false;
    if (p + 2 < end && *p == '\'' && strchr("sStT", p[1]) && p[2] == ' ') {
        is_value = true;
    } else {
        /* key: value on one line; the key itself must be plain */
        for (const char *q = p; q + 1 < end; q++) {
            if (*q == '"' || *q == '\'' || *q == '#')
                break;
            if (q[0] == ':' && q[1] == ' ') {
                v = q + 1;
                while (v < end && *v == ' ')
                    v++;
                if (v + 2 < end && *v == '\'' && strchr("sStT", v[1]) && v[2] == ' ')
                    is_value = true;
                break;
            }
        }
    }
    if (!is_value)
        return;
    lvl_diag_add(s, LVL_WARNING, lineno, lvl_utf8_chars(line, v) + 1,
                 _("zet de hele tekst tussen dubbele aanhalingstekens: \"'s Morgens ...\""),
                 _("een tekst die begint met ‘%.2s’ opent in YAML een stuk tussen aanhalingstekens: de tekst wordt afgekapt of het bestand breekt"),
                 v);
}

bool lvl_precheck(lvl_src *s)
{
    const unsigned char *t = (const unsigned char *)s->text;
    const unsigned char *end = t + s->len;
    if (s->len == 0) {
        lvl_diag_add(s, LVL_ERROR, 0, 0,
                     _("kopieer een bestaande casus (bv. levels/noor.yaml) en pas het aan"),
                     "%s", _("het bestand is leeg"));
        return false;
    }
    if (memchr(t, '\0', s->len)) {
        const unsigned char *z = memchr(t, '\0', s->len);
        int line = 1;
        for (const unsigned char *p = t; p < z; p++)
            line += *p == '\n';
        lvl_diag_add(s, LVL_ERROR, line, 1,
                     _("een casus is een tekstbestand (.yaml); is dit een Word-document of een afbeelding?"),
                     "%s", _("het bestand bevat nul-bytes: dit is geen tekstbestand"));
        return false;
    }
    if (s->len >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF) {
        lvl_diag_add(s, LVL_WARNING, 1, 1,
                     _("sla het bestand op als ‘UTF-8’ zonder BOM; Samenspel leest het nu wel, andere programma's soms niet"),
                     "%s", _("het bestand begint met een BOM (onzichtbaar teken van Kladblok)"));
        t += 3;
    }
    bool ok = true;
    int lineno = 1, tab_lines = 0;
    const unsigned char *line = (const unsigned char *)s->text;
    for (const unsigned char *p = t; p < end;) {
        if (*p == '\n') {
            lineno++;
            p++;
            line = p;
            continue;
        }
        size_t n = utf8_seq(p, end);
        if (n == 0) {
            const char *g = cp1252_guess(*p);
            char hint[LVL_MSG_LEN];
            snprintf(hint, sizeof hint, "%s",
                     _("het bestand is waarschijnlijk opgeslagen als Windows-1252 (ANSI); sla het opnieuw op als UTF-8 (Kladblok: Opslaan als → Codering: UTF-8)"));
            if (g)
                lvl_diag_add(s, LVL_ERROR, lineno, lvl_utf8_chars((const char *)line, (const char *)p) + 1, hint,
                             _("ongeldige UTF-8: byte 0x%02X (in Windows-1252 is dat ‘%s’)"),
                             *p, g);
            else
                lvl_diag_add(s, LVL_ERROR, lineno, lvl_utf8_chars((const char *)line, (const char *)p) + 1, hint,
                             _("ongeldige UTF-8: byte 0x%02X"), *p);
            return false; /* positions after this are guesses; one clear message is better */
        }
        p += n;
    }
    /* second pass per line: tabs in indentation and the apostrophe trap */
    lineno = 1;
    for (const char *l = s->text; l < s->text + s->len;) {
        const char *e = memchr(l, '\n', (size_t)(s->text + s->len - l));
        if (!e)
            e = s->text + s->len;
        const char *q = l;
        if (lineno == 1 && e - q >= 3 && (unsigned char)q[0] == 0xEF)
            q += 3;
        while (q < e && (*q == ' ' || *q == '\t' || *q == '-')) {
            if (*q == '\t') {
                if (tab_lines++ < 5)
                    lvl_diag_add(s, LVL_ERROR, lineno, lvl_utf8_chars(l, q) + 1,
                                 _("YAML laat geen tabs toe om in te springen; gebruik spaties (stel je editor in op ‘tabs als spaties’)"),
                                 "%s", _("tab in de inspringing"));
                ok = false;
                break;
            }
            q++;
        }
        check_apostrophe(s, l, e > l && e[-1] == '\r' ? e - 1 : e, lineno);
        lineno++;
        l = e + 1;
    }
    return ok;
}

/* ------------------------------------------------------------ tree */

struct lvl_arena_block {
    lvl_arena_block *next;
    size_t used, cap;
    max_align_t data[];
};

static void *arena_alloc(lvl_src *s, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    lvl_arena_block *b = s->arena;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = s->arena;
        b->used = 0;
        b->cap = cap;
        s->arena = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

void lvl_tree_free(lvl_src *s)
{
    while (s->arena) {
        lvl_arena_block *n = s->arena->next;
        free(s->arena);
        s->arena = n;
    }
}

static bool add_kid(lvl_src *s, lnode *parent, lnode *kid)
{
    if (parent->n == parent->cap) {
        int ncap = parent->cap ? parent->cap * 2 : 8;
        lnode **nk = arena_alloc(s, sizeof *nk * (size_t)ncap);
        if (!nk)
            return false;
        if (parent->n)
            memcpy(nk, parent->kids, sizeof *nk * (size_t)parent->n);
        parent->kids = nk; /* the old array stays in the arena until the end */
        parent->cap = ncap;
    }
    parent->kids[parent->n++] = kid;
    return true;
}

/* ------------------------------------------------------------ indentation */

/* One line of the text as the indentation advice sees it. */
typedef struct {
    const char *b, *e; /* the line, without its line end */
    int ind;           /* leading spaces */
    int key_col;       /* 0-based column after every leading "- " */
    bool dash;         /* a list item */
    bool keyish;       /* a list item or a "key:" line: the lines a block is made of */
    bool content;      /* not blank, not only a comment */
} yline;

static bool line_bounds(const char *text, size_t len, int line, const char **b, const char **e)
{
    const char *p = text, *end = text + len;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return false;
        p = nl + 1;
    }
    if (line < 1 || p > end)
        return false;
    const char *q = memchr(p, '\n', (size_t)(end - p));
    q = q ? q : end;
    if (q > p && q[-1] == '\r')
        q--;
    *b = p;
    *e = q;
    return true;
}

static void line_shape(const char *b, const char *e, yline *y)
{
    memset(y, 0, sizeof *y);
    y->b = b;
    y->e = e;
    const char *q = b;
    while (q < e && *q == ' ')
        q++;
    y->ind = (int)(q - b);
    y->content = q < e && *q != '#';
    while (q < e && *q == '-' && (q + 1 == e || q[1] == ' ')) {
        y->dash = true;
        q++;
        while (q < e && *q == ' ')
            q++;
    }
    y->key_col = (int)(q - b);
    y->keyish = y->dash;
    if (q < e && !strchr("\"'[{>|#", *q))
        for (const char *k = q; k < e && *k != '#' && *k != '"'; k++)
            if (*k == ':' && (k + 1 == e || k[1] == ' ')) {
                y->keyish = true;
                break;
            }
}

/* The key a line starts with (after any "- "), for the message. */
static void line_key(const yline *y, char *out, size_t cap)
{
    const char *k = y->b + y->key_col, *c = k;
    while (c < y->e && *c != ':')
        c++;
    lvl_copy_utf8(out, cap, k, (size_t)(c - k) > 40 ? 40 : (size_t)(c - k));
}

typedef struct {
    int line;     /* the line libyaml stopped at (1-based), 0 when unknown */
    int want_ind; /* >= 0: re-indent that line to this many spaces */
    bool quote;   /* a second ':' in "key: text: more": quote the text */
    bool syntax;  /* a syntax error a repair may read past */
} parse_fail;

/* Byte offset of the value of "key: value" on a line, or -1. */
static int value_start(const yline *y)
{
    for (const char *k = y->b + y->key_col; k + 1 < y->e; k++)
        if (*k == ':' && k[1] == ' ') {
            k += 2;
            while (k < y->e && *k == ' ')
                k++;
            return k < y->e && *k != '"' && *k != '\'' ? (int)(k - y->b) : -1;
        }
    return -1;
}

/* When line L of text sits one or two spaces off the column of its block
 * (the keys of the map it belongs to, or the "- " of its list), says so in
 * those words and returns true. A line with a dash is compared with the
 * dashes above it, a key line with the keys above it: the advice names the
 * line to align with, which "zet elk ‘- ’ onder elkaar" on a line without a
 * dash did not. */
static bool indent_advice(lvl_src *s, const char *text, size_t len, int line, parse_fail *f)
{
    const char *b, *e;
    if (!line_bounds(text, len, line, &b, &e))
        return false;
    yline y;
    line_shape(b, e, &y);
    if (!y.content || !y.keyish)
        return false;
    int best = -1, best_d = 99, ref = 0, min = 1 << 30;
    yline ref_y;
    memset(&ref_y, 0, sizeof ref_y);
    /* walk back line by line from this one: linear in the bytes passed,
     * whatever the size of the file */
    const char *qb = b;
    for (int q = line - 1; q >= 1 && min > 0 && qb > text; q--) {
        const char *qe = qb - 1; /* the '\n' that ends line q */
        qb = qe;
        while (qb > text && qb[-1] != '\n')
            qb--;
        if (qe > qb && qe[-1] == '\r')
            qe--;
        yline z;
        line_shape(qb, qe, &z);
        /* only lines that open or continue a block, and only the chain of
         * blocks that encloses this line (each one less indented) */
        if (!z.content || !z.keyish || z.ind >= min)
            continue;
        min = z.ind;
        if (y.dash && !z.dash)
            continue;
        int cand = y.dash ? z.ind : z.key_col;
        int d = y.ind - cand;
        if ((d < 0 ? -d : d) < (best_d < 0 ? -best_d : best_d)) {
            best_d = d;
            best = cand;
            ref = q;
            ref_y = z;
        }
    }
    if (best < 0 || best_d == 0 || best_d > 2 || best_d < -2)
        return false;
    int n = best_d < 0 ? -best_d : best_d;
    char key[48], ref_key[48], msg[LVL_MSG_LEN], hint[LVL_MSG_LEN];
    line_key(&y, key, sizeof key);
    line_key(&ref_y, ref_key, sizeof ref_key);
    const char *how = best_d < 0 ? (n == 1 ? _("1 spatie te weinig") : _("2 spaties te weinig"))
                                 : (n == 1 ? _("1 spatie te veel") : _("2 spaties te veel"));
    if (y.dash) {
        snprintf(msg, sizeof msg,
                 _("dit lijstitem springt %s in: de ‘- ’ van deze lijst staan in kolom %d (zoals op regel %d)"),
                 how, best + 1, ref);
        snprintf(hint, sizeof hint,
                 _("begin de regel met %d spaties, zodat de ‘- ’ precies onder die van regel %d staat"),
                 best, ref);
    } else {
        snprintf(msg, sizeof msg,
                 _("‘%s’ springt %s in: de sleutels van dit blok beginnen in kolom %d (zoals ‘%s’ op regel %d)"),
                 key, how, best + 1, ref_key, ref);
        snprintf(hint, sizeof hint,
                 _("begin de regel met %d spaties, zodat ‘%s’ precies onder ‘%s’ staat"),
                 best, key, ref_key);
    }
    lvl_diag_add(s, LVL_ERROR, line, y.ind + 1, hint, "%s", msg);
    f->line = line;
    f->want_ind = best;
    return true;
}

static void yaml_problem(lvl_src *s, const yaml_parser_t *p, const char *text, size_t len, parse_fail *f)
{
    f->syntax = true;
    f->want_ind = -1;
    f->line = (int)p->problem_mark.line + 1;
    static const char *const indent_problems[] = {"did not find expected key", "did not find expected '-' indicator",
                                                  "mapping values are not allowed", "block sequence entries are not allowed"};
    for (size_t i = 0; p->problem && i < sizeof indent_problems / sizeof indent_problems[0]; i++)
        if (strstr(p->problem, indent_problems[i]) && indent_advice(s, text, len, f->line, f))
            return;
    struct {
        const char *problem, *msg, *hint; /* libyaml's words; msgids (N_) */
        bool at_context;
    } map[] = {
        {"mapping values are not allowed", N_("een ‘:’ op een plaats waar YAML dat niet verwacht"),
         N_("staat er een dubbele punt in een tekst? Zet de hele tekst tussen dubbele aanhalingstekens"), false},
        {"did not find expected key", N_("de inspringing klopt niet, of een tekst loopt door op een nieuwe regel"),
         N_("sleutels van eenzelfde blok springen even ver in (met spaties); zet lange tekst tussen dubbele aanhalingstekens"), false},
        {"did not find expected '-' indicator", N_("de lijst springt niet gelijk in"),
         N_("zet elk ‘- ’ van een lijst precies onder elkaar"), false},
        {"found character that cannot start any token",
         N_("een teken waarmee een waarde niet kan beginnen (zoals `, @ of %)"),
         N_("zet de tekst tussen dubbele aanhalingstekens"), false},
        {"found unexpected end of stream", N_("een tekst tussen aanhalingstekens wordt nooit afgesloten"),
         N_("kijk na of elk aanhalingsteken een partner heeft; begint een tekst met 's of 't, zet hem dan tussen dubbele aanhalingstekens"), true},
        {"could not find expected ':'", N_("een sleutel zonder ‘:’"),
         N_("schrijf ‘sleutel: waarde’, of zet een tekst die over meerdere regels loopt tussen aanhalingstekens"), false},
        {"did not find expected node content", N_("hier ontbreekt een waarde"),
         N_("schrijf na de ‘:’ of ‘- ’ een waarde"), false},
        {"block sequence entries are not allowed", N_("een ‘- ’ op een plaats waar geen lijst kan beginnen"),
         N_("begin de lijst op een nieuwe regel, ingesprongen onder zijn sleutel"), false},
        {"found a tab character", N_("tab in de inspringing"), N_("gebruik spaties"), false},
        {"did not find expected ',' or ']'", N_("een lijst tussen [ ] wordt niet goed afgesloten"),
         N_("kijk na of elke [ een ] heeft en de items gescheiden zijn door komma's"), true},
        {"did not find expected ',' or '}'", N_("een blok tussen { } wordt niet goed afgesloten"),
         N_("kijk na of elke { een } heeft"), true},
        {"found unknown escape character", N_("een onbekende \\-code tussen dubbele aanhalingstekens"),
         N_("schrijf een \\ als \\\\, of gebruik enkele aanhalingstekens"), false},
    };
    const char *problem = p->problem ? p->problem : "?";
    /* "zet elk ‘- ’ onder elkaar" only helps on a line that has one */
    const char *lb, *le;
    yline y;
    if (strstr(problem, "did not find expected '-' indicator") && line_bounds(text, len, f->line, &lb, &le)) {
        line_shape(lb, le, &y);
        if (!y.dash)
            problem = "did not find expected key";
    }
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strstr(problem, map[i].problem)) {
            const yaml_mark_t *m = (map[i].at_context && p->context) ? &p->context_mark : &p->problem_mark;
            f->line = (int)m->line + 1;
            /* the colon inside a text ("titel: Taken: wie doet wat"): read
             * on as if the text were quoted, as the hint says */
            if (strstr(problem, "mapping values are not allowed") && line_bounds(text, len, f->line, &lb, &le)) {
                line_shape(lb, le, &y);
                int v = value_start(&y);
                f->quote = y.keyish && !y.dash && v >= 0 && (int)m->column > v;
            }
            lvl_diag_add(s, LVL_ERROR, (int)m->line + 1, (int)m->column + 1, _(map[i].hint),
                         "%s", _(map[i].msg));
            return;
        }
    }
    lvl_diag_add(s, LVL_ERROR, (int)p->problem_mark.line + 1, (int)p->problem_mark.column + 1,
                 _("vergelijk met een casus die werkt (bv. levels/noor.yaml)"),
                 _("YAML kan dit niet lezen (%s%s%s)"), problem,
                 p->context ? ", " : "", p->context ? p->context : "");
}

static lnode *new_node(lvl_src *s, lnode_type type, const yaml_event_t *ev)
{
    if (++s->n_nodes > LVL_MAX_NODES) {
        lvl_diag_add(s, LVL_ERROR, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1, NULL,
                     _("het bestand heeft te veel elementen (meer dan %d)"),
                     LVL_MAX_NODES);
        return NULL;
    }
    lnode *n = arena_alloc(s, sizeof *n);
    if (!n)
        return NULL;
    memset(n, 0, sizeof *n);
    n->type = type;
    n->line = (int)ev->start_mark.line + 1;
    n->col = (int)ev->start_mark.column + 1;
    n->end_line = (int)ev->end_mark.line + 1;
    n->end_col = (int)ev->end_mark.column + 1;
    return n;
}

/* Reports a YAML feature the format refuses; returns true (parsing failed). */
static bool refuse(lvl_src *s, int line, int col, const char *hint, const char *msg)
{
    lvl_diag_add(s, LVL_ERROR, line, col, _(hint), "%s", _(msg));
    return true;
}

/* The node a scalar, sequence or mapping event starts, with the anchor and
 * tag it carries (refused by the caller); NULL when out of memory. */
static lnode *event_node(lvl_src *s, const yaml_event_t *ev, const char **anchor, const char **tag, bool *implicit)
{
    if (ev->type == YAML_SCALAR_EVENT) {
        *anchor = (const char *)ev->data.scalar.anchor;
        *tag = (const char *)ev->data.scalar.tag;
        *implicit = ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit;
        lnode *made = new_node(s, LN_SCALAR, ev);
        if (!made)
            return NULL;
        size_t n = ev->data.scalar.length;
        made->s = arena_alloc(s, n + 1);
        if (!made->s)
            return NULL;
        memcpy(made->s, ev->data.scalar.value, n);
        made->s[n] = '\0';
        made->slen = strlen(made->s); /* a \0 escape ends the text */
        made->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        return made;
    }
    bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
    *anchor = (const char *)(seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor);
    *tag = (const char *)(seq ? ev->data.sequence_start.tag : ev->data.mapping_start.tag);
    *implicit = (seq ? ev->data.sequence_start.implicit : ev->data.mapping_start.implicit) != 0;
    return new_node(s, seq ? LN_SEQ : LN_MAP, ev);
}

static lnode *parse_once(lvl_src *s, const char *text, size_t len, parse_fail *f)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        lvl_diag_add(s, LVL_ERROR, 0, 0, NULL, "%s", _("geen geheugen"));
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    lnode *stack[LVL_MAX_DEPTH + 1];
    int depth = 0, docs = 0;
    lnode *root = NULL;
    bool failed = false, done = false;
    while (!done && !failed) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            yaml_problem(s, &parser, text, len, f);
            failed = true;
            break;
        }
        int line = (int)ev.start_mark.line + 1, col = (int)ev.start_mark.column + 1;
        const char *anchor = NULL, *tag = NULL;
        bool implicit = true;
        lnode *made = NULL;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++docs > 1)
                failed = refuse(s, line, col, N_("zet elke casus in een eigen bestand"),
                                N_("meer dan één document (‘---’) in één bestand"));
            break;
        case YAML_ALIAS_EVENT:
            failed = refuse(s, line, col, N_("schrijf de waarde gewoon opnieuw uit"),
                            N_("verwijzingen met ‘*’ (aliassen) worden niet ondersteund"));
            break;
        case YAML_SCALAR_EVENT:
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            made = event_node(s, &ev, &anchor, &tag, &implicit);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            if (depth > 0) {
                depth--;
                stack[depth]->end_line = (int)ev.end_mark.line + 1; /* the block's last line */
                stack[depth]->end_col = (int)ev.end_mark.column + 1;
            }
            break;
        default:
            break;
        }
        if (!failed && (ev.type == YAML_SCALAR_EVENT || ev.type == YAML_SEQUENCE_START_EVENT ||
                        ev.type == YAML_MAPPING_START_EVENT)) {
            if (anchor) {
                failed = refuse(s, line, col, N_("haal de ‘&naam’ weg"),
                                N_("ankers (‘&’) worden niet ondersteund"));
            } else if (tag && !implicit) {
                failed = refuse(s, line, col, N_("haal de ‘!...’ weg; zet tekst die met ! begint tussen aanhalingstekens"),
                                N_("YAML-tags (‘!’) worden niet ondersteund"));
            } else if (!made) {
                failed = true;
            } else {
                if (depth == 0) {
                    if (!root)
                        root = made;
                } else if (!add_kid(s, stack[depth - 1], made)) {
                    failed = true;
                }
                if (!failed && made->type != LN_SCALAR) {
                    if (depth >= LVL_MAX_DEPTH) {
                        lvl_diag_add(s, LVL_ERROR, line, col, NULL,
                                     _("te diep genest (meer dan %d niveaus)"),
                                     LVL_MAX_DEPTH);
                        failed = true;
                    } else {
                        stack[depth++] = made;
                    }
                }
            }
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    if (failed)
        return NULL;
    if (!root || (root->type == LN_SCALAR && root->slen == 0)) {
        lvl_diag_add(s, LVL_ERROR, 0, 0,
                     _("kopieer een bestaande casus (bv. levels/noor.yaml) en pas het aan"),
                     "%s", _("het bestand bevat geen gegevens (enkel commentaar of witruimte)"));
        return NULL;
    }
    return root;
}

/* A copy of text in the arena with line `line` re-indented to want_ind
 * spaces, or blanked (want_ind < 0); every other line keeps its place. */
static char *repair_line(lvl_src *s, const char *text, size_t len, int line, int want_ind, size_t *out_len)
{
    const char *b, *e;
    if (!line_bounds(text, len, line, &b, &e))
        return NULL;
    yline y;
    line_shape(b, e, &y);
    if (want_ind == -2) { /* quote the value; '"' and '\\' escaped */
        int v = value_start(&y);
        if (v < 0)
            return NULL;
        const char *ve = e;
        while (ve > b + v && ve[-1] == ' ')
            ve--;
        size_t extra = 2;
        for (const char *q = b + v; q < ve; q++)
            extra += *q == '"' || *q == '\\';
        size_t n = len + extra;
        char *w = arena_alloc(s, n + 1);
        if (!w)
            return NULL;
        size_t o = (size_t)(b - text) + (size_t)v;
        memcpy(w, text, o);
        w[o++] = '"';
        for (const char *q = b + v; q < ve; q++) {
            if (*q == '"' || *q == '\\')
                w[o++] = '\\';
            w[o++] = *q;
        }
        w[o++] = '"';
        memcpy(w + o, ve, (size_t)(text + len - ve));
        o += (size_t)(text + len - ve);
        w[o] = '\0';
        *out_len = o;
        return w;
    }
    size_t keep = want_ind >= 0 ? (size_t)(e - b) - (size_t)y.ind : 0;
    size_t add = want_ind >= 0 ? (size_t)want_ind : 0;
    size_t n = (size_t)(b - text) + add + keep + (size_t)(text + len - e);
    char *w = arena_alloc(s, n + 1);
    if (!w)
        return NULL;
    size_t o = (size_t)(b - text);
    memcpy(w, text, o);
    memset(w + o, ' ', add);
    memcpy(w + o + add, b + y.ind, keep);
    memcpy(w + o + add + keep, e, (size_t)(text + len - e));
    w[n] = '\0';
    *out_len = n;
    return w;
}

bool lvl_blanked_within(const lvl_src *s, const lnode *n)
{
    for (int i = 0; n && i < s->n_blanked; i++)
        if (s->blanked[i] >= n->line && s->blanked[i] <= n->end_line)
            return true;
    return false;
}

/* libyaml stops at the first syntax error. So that a trainer sees every
 * mistake of a file in one run, the parse is retried on a repaired copy:
 * a line that was only indented a space off is re-indented as the advice
 * says, a text with a colon in it is read as if quoted, any other broken
 * line is blanked out. Each round reports its own
 * syntax error; the checks of the format then run over the repaired tree.
 * The number of rounds is bounded, and a round that stops at the same line
 * again ends the attempt. */
#define LVL_MAX_REPAIRS 8

lnode *lvl_parse(lvl_src *s)
{
    int last = -1;
    for (int round = 0; round <= LVL_MAX_REPAIRS; round++) {
        parse_fail f = {0, -1, false, false};
        s->n_nodes = 0;
        lnode *root = parse_once(s, s->text, s->len, &f);
        if (root || !f.syntax || f.line < 1 || f.line == last || round == LVL_MAX_REPAIRS)
            return root;
        last = f.line;
        if (f.quote)
            f.want_ind = -2;
        else if (f.want_ind < 0) {
            if (s->n_blanked >= (int)(sizeof s->blanked / sizeof s->blanked[0]))
                return NULL;
            s->blanked[s->n_blanked++] = f.line;
        }
        size_t nlen = 0;
        char *w = repair_line(s, s->text, s->len, f.line, f.want_ind, &nlen);
        if (!w)
            return NULL;
        s->text = w; /* positions of later messages refer to the repaired text */
        s->len = nlen;
    }
    return NULL;
}

/* A plain scalar with words, followed on its line by ' #': YAML read the
 * rest as a comment, the trainer most likely meant it as text. */
void lvl_lint_comments(lvl_src *s, const lnode *n)
{
    if (!n)
        return;
    if (n->type != LN_SCALAR) {
        for (int i = 0; i < n->n; i++)
            lvl_lint_comments(s, n->kids[i]);
        return;
    }
    if (!n->plain || !strchr(n->s, ' ') || n->end_line != n->line)
        return;
    /* find the end of the scalar on its line */
    const char *p = s->text, *end = s->text + s->len;
    for (int l = 1; l < n->end_line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return;
        p = nl + 1;
    }
    for (int c = 1; c < n->end_col && p < end && *p != '\n'; c++) {
        p++;
        while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
            p++;
    }
    const char *q = p;
    while (q < end && *q == ' ')
        q++;
    if (q > p && q < end && *q == '#' && q + 1 < end && q[1] != '\n') {
        lvl_diag_add(s, LVL_WARNING, n->end_line, lvl_utf8_chars(s->text, q) - lvl_utf8_chars(s->text, p) + n->end_col,
                     _("is ‘#’ deel van de tekst? Zet de hele tekst tussen dubbele aanhalingstekens"),
                     "%s", _("de tekst stopt voor ‘ #’: YAML leest de rest van de regel als commentaar"));
    }
}

/* ------------------------------------------------------------ helpers */

lnode *lvl_map_key_node(const lnode *map, const char *key)
{
    if (!map || map->type != LN_MAP)
        return NULL;
    for (int i = 0; i + 1 < map->n; i += 2)
        if (map->kids[i]->type == LN_SCALAR && strcmp(map->kids[i]->s, key) == 0)
            return map->kids[i];
    return NULL;
}

lnode *lvl_map_get(const lnode *map, const char *key)
{
    if (!map || map->type != LN_MAP)
        return NULL;
    for (int i = 0; i + 1 < map->n; i += 2)
        if (map->kids[i]->type == LN_SCALAR && strcmp(map->kids[i]->s, key) == 0)
            return map->kids[i + 1];
    return NULL;
}

int lvl_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int prev = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cur = row[j];
            int sub = prev + (a[i - 1] != b[j - 1]);
            int del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
        }
    }
    return row[lb];
}

const char *lvl_suggest(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    int best_d = 99;
    size_t wl = strlen(word);
    int limit = wl <= 4 ? 1 : (wl <= 8 ? 2 : 3);
    for (int i = 0; i < n; i++) {
        if (!cands[i])
            continue;
        int d = lvl_edit_distance(word, cands[i]);
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
    }
    return best_d <= limit ? best : NULL;
}
