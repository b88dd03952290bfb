/* Shorthand for translated user-facing strings (msgids are Dutch). */
#ifndef SAMENSPEL_I18N_H
#define SAMENSPEL_I18N_H
#include <libintl.h>
#define _(s) gettext(s)

/* gettext as a function of the core's translator type (core_translate_fn),
 * for the core functions that write text in the shown language. */
static inline const char *plat_tr(const char *msgid)
{
    return gettext(msgid);
}
#ifndef N_ /* src/core/core_i18n.h defines the same */
#define N_(s) (s)
#endif
#endif
