/*
 * N_() for the core: marks a Dutch user-facing string as a msgid, so that
 * xgettext (tools/i18n-check.sh) finds it and po/en.po must translate it.
 */
#ifndef SAMENSPEL_CORE_I18N_H
#define SAMENSPEL_CORE_I18N_H

/* The core stays free of gettext and of the platform layer, so it cannot
 * include platform/i18n.h: it only marks and returns the Dutch text, and the
 * layer that shows it translates it with _(). The same definition as in
 * platform/i18n.h, guarded so that a file may include both. */
#ifndef N_
#define N_(s) (s)
#endif

#endif
