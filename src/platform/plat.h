/*
 * plat: the one place for what differs between operating systems: where the
 * data files and the user's files live, file times, a monotonic clock, and
 * the language of user-facing text (gettext). No SDL, so the headless layers
 * and the tools can use it too.
 */
#ifndef SAMENSPEL_PLAT_H
#define SAMENSPEL_PLAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLAT_PATH_MAX 1024

/* The folder holding levels/ and assets/. Looked up, in this order:
 * $SAMENSPEL_DATA_DIR; <exe>/../share/samenspel (an install); the
 * installed data dir; the source tree the binary was built from. Returns
 * false when none has a levels/ folder. */
bool plat_data_dir(char *out, size_t len);

/* Joins the data dir with a relative path ("levels/noor.yaml"). */
bool plat_data_path(const char *rel, char *out, size_t len);

/* XDG base directories, with the ~/.local fallbacks, plus "/samenspel".
 * The folder is created (mode 0700) when missing. */
bool plat_state_dir(char *out, size_t len);   /* $XDG_STATE_HOME/samenspel: seat tokens */
bool plat_user_data_dir(char *out, size_t len); /* $XDG_DATA_HOME/samenspel: database, own levels */

/* mkdir -p; true when the folder exists afterwards. */
bool plat_mkdirs(const char *path, int mode);

/* Modification time in nanoseconds, and size; false when the file is not there. */
bool plat_file_stat(const char *path, int64_t *mtime_ns, int64_t *size);

/* Reads a whole file into a malloc'd, NUL-terminated buffer that the caller
 * frees. Refuses files larger than max_bytes (message in err). */
char *plat_read_file(const char *path, size_t max_bytes, size_t *out_len, char *err, size_t err_len);

/* Appends sep (unless nothing is in buf yet) and item to the text in buf
 * (cap bytes, *used filled): a list of names for a page or a CSV cell.
 * An item that does not fit whole leaves *used as it was. */
void plat_str_append(char *buf, size_t cap, size_t *used, const char *sep, const char *item);

/* Monotonic clock. */
uint64_t plat_now_ns(void);
uint64_t plat_now_ms(void);
void plat_sleep_ms(unsigned ms);

/* ---- language ----------------------------------------------------------
 * msgids are Dutch (the default language); po/en.po holds English.
 * plat_i18n_init may be called again to switch language at run time. */
void plat_i18n_init(const char *lang); /* "nl" or "en"; NULL = nl */
const char *plat_i18n_lang(void);

#endif
