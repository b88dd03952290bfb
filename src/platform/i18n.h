/* Shorthand for translated user-facing strings (msgids are Dutch). */
#ifndef SAMENSPEL_I18N_H
#define SAMENSPEL_I18N_H
#include <libintl.h>
#define _(s) gettext(s)
#ifndef N_ /* src/core/core_i18n.h defines the same */
#define N_(s) (s)
#endif
#endif
