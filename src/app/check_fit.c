/*
 * check_fit: `samenspel check` draws every projector and player scene of a
 * level offscreen at 1280×720 with the screens' own layout code and warns,
 * at the field's line and column, about level text that does not fit (cut
 * off, or ended with "…"). The guide's limits and the screens cannot
 * disagree: this is the screens' own verdict.
 */
#include "app/check_fit.h"

#include "platform/i18n.h"

#ifdef SAMENSPEL_HAVE_UI
#include "ui/scene.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIT_W 1280
#define FIT_H 720
#define FIT_MAX_SEEN 64

typedef struct {
    char seen[FIT_MAX_SEEN][96]; /* texts already reported (one warning each) */
    int n_seen;
} fit_seen;

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + got + 1 > cap) {
            cap = (len + got + 1) * 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        memcpy(buf + len, chunk, got);
        len += got;
    }
    fclose(f);
    if (!buf)
        buf = calloc(1, 1);
    else
        buf[len] = 0;
    return buf;
}

/* The level text that does not fit, as the screens noted it: an overflow
 * note ("box: text") or the whole text of a line ended with "…". */
static void note(lvl_diags *d, const char *path, const char *file_text, const char *scene,
                 const char *text, fit_seen *seen)
{
    /* only the level's own words: find them in the file (first 40 bytes) */
    char key[48];
    snprintf(key, sizeof key, "%.40s", text);
    size_t kl = strlen(key);
    while (kl > 0 && ((unsigned char)key[kl - 1] & 0xC0) == 0x80)
        key[--kl] = 0; /* not half a character */
    if (kl > 0 && ((unsigned char)key[kl - 1] & 0xC0) == 0xC0)
        key[--kl] = 0;
    if (kl < 4)
        return;
    const char *at = strstr(file_text, key);
    if (!at)
        return; /* interface text or the roles file: not this level's */
    /* a value of an enumerated key (kennis: wetenschappelijk) is the
     * interface's word, not the trainer's text */
    const char *lb = at;
    while (lb > file_text && lb[-1] != '\n')
        lb--;
    static const char *const enum_keys[] = {"kennis:", "domein:", "treft:", "rol:", "rollen:",
                                            "id:", "bouwsteen:", "signalen:", "kleur:"};
    for (size_t k = 0; k < sizeof enum_keys / sizeof enum_keys[0]; k++) {
        const char *kp = strstr(lb, enum_keys[k]);
        if (kp && kp < at)
            return;
    }
    for (int i = 0; i < seen->n_seen; i++)
        if (strcmp(seen->seen[i], key) == 0)
            return;
    if (seen->n_seen < FIT_MAX_SEEN)
        snprintf(seen->seen[seen->n_seen++], sizeof seen->seen[0], "%s", key);
    int line = 1, col = 1;
    const char *bol = file_text;
    for (const char *p = file_text; p < at; p++)
        if (*p == '\n') {
            line++;
            bol = p + 1;
        }
    for (const char *p = bol; p < at; p++)
        col += (((unsigned char)*p & 0xC0) != 0x80);
    if (d->n >= LVL_MAX_DIAGS) {
        d->n_dropped++;
        d->n_warnings++;
        return;
    }
    lvl_diag *g = &d->items[d->n++];
    memset(g, 0, sizeof *g);
    g->severity = LVL_WARNING;
    snprintf(g->file, sizeof g->file, "%s", path);
    g->line = line;
    g->col = col;
    snprintf(g->message, sizeof g->message,
             _("deze tekst past niet op het scherm bij %d×%d (scène ‘%s’): hij wordt afgekapt"),
             FIT_W, FIT_H, scene);
    snprintf(g->hint, sizeof g->hint, "%s", _("maak hem korter"));
    size_t ll = strcspn(bol, "\n");
    snprintf(g->source_line, sizeof g->source_line, "%.*s", (int)ll, bol);
    d->n_warnings++;
}

int check_fit(const core_scenario *sc, const char *path, lvl_diags *d)
{
    char *file_text = read_all(path);
    if (!file_text)
        return 0;
    ui_gfx g;
    char err[512] = "";
    if (!ui_gfx_open(&g, "check", FIT_W, FIT_H, true, NULL, err, sizeof err)) {
        free(file_text);
        return 0; /* no font or renderer: the other checks still hold */
    }
    int before = d->n_warnings;
    fit_seen seen;
    memset(&seen, 0, sizeof seen);
    for (int i = 0; ui_scene_names[i]; i++) {
        const char *scene = ui_scene_names[i];
        if (!ui_scene_draw(&g, sc, scene, err, sizeof err))
            continue;
        for (int k = 0; k < g.overflows && k < UI_MAX_OVERFLOW_NOTES; k++) {
            const char *t = strchr(g.overflow_notes[k], ':');
            note(d, path, file_text, scene, t ? t + 2 : g.overflow_notes[k], &seen);
        }
        for (int k = 0; k < g.n_tips && k < UI_MAX_TIPS; k++)
            note(d, path, file_text, scene, g.tips[k].text, &seen);
    }
    ui_gfx_close(&g);
    free(file_text);
    return d->n_warnings - before;
}

#else

int check_fit(const core_scenario *sc, const char *path, lvl_diags *d)
{
    (void)sc;
    (void)path;
    (void)d;
    return 0;
}

#endif
