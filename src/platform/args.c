/* platform/args: parses command-line values (numbers, ports, choices) with
 * a message a person can act on when one is off. */
#include "platform/args.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/i18n.h"

bool plat_arg_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool plat_arg_copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        return false;
    memcpy(dst, src, n + 1);
    return true;
}

/* Room codes are 4 letters; people type them in lower case too. */
static int room_code(const char *val, char *code, char *err, size_t err_len)
{
    if (strlen(val) != 4) {
        snprintf(err, err_len, _("--code %s: de spelcode heeft 4 letters"), val);
        return -1;
    }
    for (int k = 0; k < 4; k++) {
        char c = val[k];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') {
            snprintf(err, err_len, _("--code %s: de spelcode heeft 4 letters"), val);
            return -1;
        }
        code[k] = c;
    }
    code[4] = '\0';
    return 1;
}

static int pick_screen(const char *val, const plat_common_args *w, char *err, size_t err_len)
{
    char names[160] = "";
    for (int k = 0; w->screens[k]; k++) {
        if (!strcmp(val, w->screens[k])) {
            *w->screen = k + 1;
            return 1;
        }
        size_t used = strlen(names);
        snprintf(names + used, sizeof names - used, "%s%s", k ? ", " : "", w->screens[k]);
    }
    snprintf(err, err_len, _("--screen %s: kies een van: %s"), val, names);
    return -1;
}

int plat_common_arg(const char *opt, const char *val, const plat_common_args *w, char *err, size_t err_len)
{
    bool font = !strcmp(opt, "--font"), shot = !strcmp(opt, "--screenshot");
    bool screen = !strcmp(opt, "--screen"), size = !strcmp(opt, "--size");
    bool port = !strcmp(opt, "--port"), code = !strcmp(opt, "--code");
    if (!font && !shot && !screen && !size && !port && !code)
        return 0;
    if (!val) {
        snprintf(err, err_len, _("optie %s verwacht een waarde"), opt);
        return -1;
    }
    if (code)
        return room_code(val, w->code, err, err_len);
    if (port) {
        long n;
        if (!plat_arg_int(val, 1, 65535, &n)) {
            snprintf(err, err_len, _("--port %s: geef een getal van 1 tot 65535"), val);
            return -1;
        }
        *w->port = (int)n;
        if (w->port_given)
            *w->port_given = true;
        return 1;
    }
    if (font || shot) {
        if (!plat_arg_copy(font ? w->font : w->screenshot, w->path_cap, val)) {
            snprintf(err, err_len, _("%s: pad te lang"), opt);
            return -1;
        }
        return 1;
    }
    if (screen)
        return pick_screen(val, w, err, err_len);
    int wd = 0, ht = 0;
    char tail;
    if (sscanf(val, "%dx%d%c", &wd, &ht, &tail) != 2 || wd < 320 || ht < 240 || wd > 16384 || ht > 16384) {
        snprintf(err, err_len, _("--size %s: geef BREEDTExHOOGTE, bv. 1280x720"), val);
        return -1;
    }
    *w->width = wd;
    *w->height = ht;
    return 1;
}
