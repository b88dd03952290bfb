/* report_buf: the growing text buffer the report writers fill, and the
 * escaping of untrusted text for HTML and CSV (invalid UTF-8 replaced). */
#include "report/report_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void sb_grow(rpt_buf *b, size_t extra)
{
    if (b->failed)
        return;
    if (b->n + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + extra + 1)
        cap *= 2;
    char *np = realloc(b->p, cap);
    if (!np) {
        b->failed = true;
        return;
    }
    b->p = np;
    b->cap = cap;
}

static void sb_put(rpt_buf *b, const char *s, size_t len)
{
    sb_grow(b, len);
    if (b->failed)
        return;
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

void rpt_sb_puts(rpt_buf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

void rpt_sb_printf(rpt_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0)
        return;
    sb_grow(b, (size_t)need);
    if (b->failed)
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)need + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)need;
}

void rpt_set_err(char *err, size_t err_len, const char *fmt, ...)
{
    if (!err || !err_len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_len, fmt, ap);
    va_end(ap);
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid.
 * Typed names and answers come from peers and databases: the page must
 * stay well-formed whatever bytes they hold. */
static size_t utf8_seq(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1Fu; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0Fu; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07u; }
    else return 0;
    if (len > left)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Text for HTML/SVG/XML: escaped, invalid UTF-8 and control characters
 * replaced. */
void rpt_sb_html(rpt_buf *b, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t left = strlen(s);
    while (left > 0) {
        unsigned char c = *u;
        size_t k = utf8_seq(u, left);
        if (k == 0) {
            rpt_sb_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
            u++;
            left--;
            continue;
        }
        if (k == 1) {
            switch (c) {
            case '&': rpt_sb_puts(b, "&amp;"); break;
            case '<': rpt_sb_puts(b, "&lt;"); break;
            case '>': rpt_sb_puts(b, "&gt;"); break;
            case '"': rpt_sb_puts(b, "&quot;"); break;
            case '\'': rpt_sb_puts(b, "&#39;"); break;
            case '\n': rpt_sb_puts(b, " "); break;
            default:
                if (c < 0x20 || c == 0x7F)
                    rpt_sb_puts(b, " ");
                else
                    sb_put(b, (const char *)u, 1);
            }
        } else {
            sb_put(b, (const char *)u, k);
        }
        u += k;
        left -= k;
    }
}

/* One CSV field (RFC 4180): quoted when it holds a comma, quote, CR, LF or
 * leading/trailing space; quotes doubled. Invalid UTF-8 replaced, so that
 * R's read.csv(encoding = "UTF-8") never stops on a byte. */
void rpt_sb_csv(rpt_buf *b, const char *s)
{
    size_t len = strlen(s);
    bool quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quote)
        rpt_sb_puts(b, "\"");
    /* Player names come from the network: one starting with = + - @ would
     * run as a formula when a trainer opens the CSV in a spreadsheet
     * (CSV injection). A leading apostrophe keeps it text. */
    if (len > 0 && strchr("=+-@", s[0]))
        rpt_sb_puts(b, "'");
    const unsigned char *u = (const unsigned char *)s;
    size_t left = len;
    while (left > 0) {
        size_t k = utf8_seq(u, left);
        if (k == 0) {
            rpt_sb_puts(b, "\xEF\xBF\xBD");
            u++;
            left--;
            continue;
        }
        if (*u == '"')
            rpt_sb_puts(b, "\"\"");
        else
            sb_put(b, (const char *)u, k);
        u += k;
        left -= k;
    }
    if (quote)
        rpt_sb_puts(b, "\"");
}

void rpt_sb_csv_int(rpt_buf *b, long long v)
{
    rpt_sb_printf(b, "%lld", v);
}
