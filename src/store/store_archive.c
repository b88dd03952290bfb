/* store_archive: reading sessions back: the list, one session with its
 * seats, its journaled level and roles texts, the scenario rebuilt from
 * them, and the last finished or unfinished session. */
#include "store/store_int.h"

#include "platform/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SESSION_COLUMNS                                                              \
    "id, created_at, updated_at, finished_at, level_path, level_id, level_title, "   \
    "seed, room_code, n_seats, outcome, collab_level, rounds_played, state_hash, "   \
    "(SELECT count(*) FROM action WHERE session_id=session.id), "

/* The SELECT of a session row (SESSION_COLUMNS and the rules version)
 * followed by `rest`. A file older than schema 3 that could not be
 * upgraded (read-only) has no rules_version column: its sessions were all
 * played under rules 1. */
static void session_select(const store *s, const char *rest, char *sql, size_t len)
{
    snprintf(sql, len, "SELECT " SESSION_COLUMNS "%s FROM session %s",
             s->schema >= 3 ? "rules_version" : "1", rest);
}

/* Fills a session from a row of SESSION_COLUMNS; values outside their range
 * (a damaged or edited database) are clamped so that no reader can index
 * out of bounds with them. */
static void read_session_row(sqlite3_stmt *st, store_session *o)
{
    memset(o, 0, sizeof *o);
    o->id = sqlite3_column_int64(st, 0);
    o->created_at = sqlite3_column_int64(st, 1);
    o->updated_at = sqlite3_column_int64(st, 2);
    o->finished = sqlite3_column_type(st, 3) != SQLITE_NULL;
    o->finished_at = o->finished ? sqlite3_column_int64(st, 3) : 0;
    store_column_text(st, 4, o->level_path, sizeof o->level_path);
    store_column_text(st, 5, o->level_id, sizeof o->level_id);
    store_column_text(st, 6, o->level_title, sizeof o->level_title);
    o->seed = store_i64_to_u64(sqlite3_column_int64(st, 7));
    store_column_text(st, 8, o->code, sizeof o->code);
    int64_t n = sqlite3_column_int64(st, 9);
    o->n_seats = n < 0 ? 0 : n > CORE_MAX_SEATS ? CORE_MAX_SEATS : (int)n;
    int64_t v = sqlite3_column_int64(st, 10);
    o->outcome = v == CORE_OUTCOME_WON ? CORE_OUTCOME_WON
               : v == CORE_OUTCOME_LOST ? CORE_OUTCOME_LOST : CORE_OUTCOME_ONGOING;
    v = sqlite3_column_int64(st, 11);
    o->collab_level = v >= 0 && v < CORE_LEVEL_COUNT ? (core_collab_level)v : CORE_LEVEL_GEEN;
    v = sqlite3_column_int64(st, 12);
    o->rounds_played = v >= 0 && v <= CORE_MAX_ROUNDS ? (int)v : 0;
    o->state_hash = store_i64_to_u64(sqlite3_column_int64(st, 13));
    o->n_actions = sqlite3_column_int64(st, 14);
    v = sqlite3_column_int64(st, 15);
    o->rules_version = v >= 1 && v <= 1000 ? (int)v : 0; /* 0: damaged, never resumable */
}

static bool read_seats(store *s, store_session *o, char *err, size_t err_len)
{
    sqlite3_stmt *st = NULL;
    const char *sql = "SELECT seat, role_id, name, token, taken, bot FROM seat "
                      "WHERE session_id=? ORDER BY seat";
    if (!store_prepare(s, sql, &st, err, err_len))
        return false;
    sqlite3_bind_int64(st, 1, o->id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t seat = sqlite3_column_int64(st, 0);
        if (seat < 0 || seat >= o->n_seats)
            continue; /* a row beyond the session's seats is ignored */
        store_seat *x = &o->seats[seat];
        store_column_text(st, 1, x->role_id, sizeof x->role_id);
        store_column_text(st, 2, x->name, sizeof x->name);
        const void *tok = sqlite3_column_blob(st, 3);
        if (tok && sqlite3_column_bytes(st, 3) == STORE_TOKEN_LEN)
            memcpy(x->token, tok, STORE_TOKEN_LEN);
        else
            memset(x->token, 0, STORE_TOKEN_LEN); /* damaged: the seat cannot be reclaimed */
        x->taken = sqlite3_column_int64(st, 4) != 0;
        x->bot = sqlite3_column_int64(st, 5) != 0;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_db_fail(s, err, err_len);
    return true;
}

int store_list(store *s, store_session **out, char *err, size_t err_len)
{
    *out = NULL;
    if (!s)
        return -1;
    sqlite3_stmt *st = NULL;
    char sql[512];
    session_select(s, "ORDER BY id DESC", sql, sizeof sql);
    if (!store_prepare(s, sql, &st, err, err_len))
        return -1;
    store_session *arr = NULL;
    int n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            if (cap >= 1 << 20)
                break; /* a million sessions is not a workshop database */
            int ncap = cap ? cap * 2 : 16;
            store_session *na = realloc(arr, (size_t)ncap * sizeof *na);
            if (!na) {
                store_set_err(err, err_len, _("Onvoldoende geheugen."));
                free(arr);
                sqlite3_finalize(st);
                return -1;
            }
            arr = na;
            cap = ncap;
        }
        read_session_row(st, &arr[n++]);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        store_db_fail(s, err, err_len);
        free(arr);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        if (!read_seats(s, &arr[i], err, err_len)) {
            free(arr);
            return -1;
        }
    }
    *out = arr;
    return n;
}

/* Prepares `sql` (one `?` for the session id) and steps to its row. true
 * with *out positioned on the row (the caller finalizes it); false with a
 * message when the session is not there or the database fails. */
static bool session_row(store *s, const char *sql, int64_t session, sqlite3_stmt **out, char *err,
                        size_t err_len)
{
    *out = NULL;
    sqlite3_stmt *st = NULL;
    if (!store_prepare(s, sql, &st, err, err_len))
        return false;
    sqlite3_bind_int64(st, 1, session);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = st;
        return true;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE) {
        store_set_err(err, err_len, _("Sessie %lld bestaat niet in %s; 'samenspel report --list' toont de sessies."),
                      (long long)session, s->path);
        return false;
    }
    return store_db_fail(s, err, err_len);
}

bool store_session_get(store *s, int64_t session, store_session *out, char *err, size_t err_len)
{
    if (!s)
        return false;
    sqlite3_stmt *st;
    char sql[512];
    session_select(s, "WHERE id=?", sql, sizeof sql);
    if (!session_row(s, sql, session, &st, err, err_len))
        return false;
    read_session_row(st, out);
    sqlite3_finalize(st);
    return read_seats(s, out, err, err_len);
}

/* Hands a column's bytes (n already checked) to the caller as a
 * NUL-terminated malloc'd copy, then finalizes st; false when out of memory. */
static bool take_bytes(sqlite3_stmt *st, const void *b, int n, char **text, size_t *len, char *err,
                       size_t err_len)
{
    char *buf = malloc((size_t)n + 1);
    if (buf) {
        if (n > 0 && b)
            memcpy(buf, b, (size_t)n);
        buf[n] = '\0';
    }
    sqlite3_finalize(st);
    if (!buf) {
        store_set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    *text = buf;
    *len = (size_t)n;
    return true;
}

bool store_level_text(store *s, int64_t session, char **text, size_t *len, char *err, size_t err_len)
{
    *text = NULL;
    *len = 0;
    if (!s)
        return false;
    sqlite3_stmt *st;
    if (!session_row(s, "SELECT level_text FROM session WHERE id=?", session, &st, err, err_len))
        return false;
    /* Read as blob: the exact bytes, even with a NUL a damaged row might hold. */
    const void *b = sqlite3_column_blob(st, 0);
    int n = sqlite3_column_bytes(st, 0);
    if (n < 0 || (size_t)n > STORE_MAX_LEVEL_BYTES) {
        sqlite3_finalize(st);
        store_set_err(err, err_len, _("De bewaarde casus van sessie %lld is te groot of beschadigd."),
                      (long long)session);
        return false;
    }
    return take_bytes(st, b, n, text, len, err, err_len);
}

bool store_roles_text(store *s, int64_t session, char name[STORE_ROLES_NAME_LEN], char **text,
                      size_t *len, char *err, size_t err_len)
{
    *text = NULL;
    *len = 0;
    name[0] = '\0';
    if (!s)
        return false;
    if (s->schema < 2)
        return true; /* a schema 1 file that could not be upgraded has none */
    sqlite3_stmt *st;
    if (!session_row(s, "SELECT roles_name, roles_text FROM session WHERE id=?", session, &st, err, err_len))
        return false;
    if (sqlite3_column_type(st, 1) == SQLITE_NULL) {
        sqlite3_finalize(st);
        return true;
    }
    char nm[STORE_ROLES_NAME_LEN];
    store_column_text(st, 0, nm, sizeof nm);
    const void *b = sqlite3_column_blob(st, 1);
    int n = sqlite3_column_bytes(st, 1);
    if (!store_roles_name_ok(nm) || n < 0 || (size_t)n > STORE_MAX_LEVEL_BYTES) {
        sqlite3_finalize(st);
        store_set_err(err, err_len, _("Het bewaarde rollenbestand van sessie %lld is beschadigd."), (long long)session);
        return false;
    }
    if (!take_bytes(st, b, n, text, len, err, err_len))
        return false;
    memcpy(name, nm, sizeof nm);
    return true;
}

/* The first error of a load, for a one-line message. */
static const char *first_error(const lvl_diags *d)
{
    for (int i = 0; i < d->n; i++)
        if (d->items[i].severity == LVL_ERROR)
            return d->items[i].message;
    return _("onbekende fout");
}

bool store_load_level_texts(const char *level_path, const char *level_text, size_t level_len,
                            const store_roles *roles, core_scenario *sc, lvl_diags *diags,
                            char *err, size_t err_len)
{
    lvl_diags *d = diags ? diags : calloc(1, sizeof *d);
    if (!d) {
        store_set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    const char *shown = level_path && level_path[0] ? level_path : "level.yaml";
    bool ok = false;
    if (!roles) {
        ok = lvl_load_buffer(shown, level_text, level_len, sc, d);
        if (!ok)
            store_set_err(err, err_len, _("De bewaarde casus %s laadt niet: %s"), shown, first_error(d));
        goto done;
    }
    if (!store_roles_name_ok(roles->name) || !roles->text) {
        store_set_err(err, err_len, _("Het bewaarde rollenbestand van %s is beschadigd."), shown);
        goto done;
    }
    char shown_roles[STORE_ROLES_NAME_LEN + 32];
    snprintf(shown_roles, sizeof shown_roles, "%s (%s)", roles->name, _("bewaard"));
    ok = lvl_load_buffer_roles(shown, level_text, level_text ? level_len : 0, shown_roles, roles->text,
                               roles->len, sc, d);
    if (!ok)
        store_set_err(err, err_len, _("De bewaarde casus %s laadt niet: %s"), shown, first_error(d));
done:
    if (d != diags)
        free(d);
    return ok;
}

bool store_session_scenario(store *s, int64_t session, core_scenario *sc, lvl_diags *diags,
                            char *err, size_t err_len)
{
    store_session *ses = calloc(1, sizeof *ses);
    char *text = NULL, *roles = NULL;
    size_t len = 0, rlen = 0;
    char rname[STORE_ROLES_NAME_LEN];
    bool ok = false;
    if (!ses) {
        store_set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    if (store_session_get(s, session, ses, err, err_len) &&
        store_level_text(s, session, &text, &len, err, err_len) &&
        store_roles_text(s, session, rname, &roles, &rlen, err, err_len)) {
        store_roles r = {rname, roles, rlen};
        ok = store_load_level_texts(ses->level_path, text, len, roles ? &r : NULL, sc, diags, err, err_len);
    }
    free(ses);
    free(text);
    free(roles);
    return ok;
}

bool store_session_resumable(const store_session *ses, char *err, size_t err_len)
{
    if (ses->rules_version == STORE_RULES_VERSION)
        return true;
    if (ses->rules_version >= 1 && ses->rules_version < STORE_RULES_VERSION)
        store_set_err(err, err_len,
                      _("spel %lld werd gespeeld met oudere spelregels (versie %d; deze versie van "
                        "Samenspel speelt versie %d). Je kan het bekijken met 'samenspel report', "
                        "maar niet hervatten; start een nieuw spel zonder --resume."),
                      (long long)ses->id, ses->rules_version, STORE_RULES_VERSION);
    else if (ses->rules_version > STORE_RULES_VERSION)
        store_set_err(err, err_len,
                      _("spel %lld werd gespeeld met nieuwere spelregels (versie %d; deze versie van "
                        "Samenspel speelt versie %d). Werk Samenspel bij om het te hervatten."),
                      (long long)ses->id, ses->rules_version, STORE_RULES_VERSION);
    else
        store_set_err(err, err_len,
                      _("spel %lld heeft geen geldige versie van de spelregels in de database "
                        "(beschadigd?); het kan niet hervat worden."),
                      (long long)ses->id);
    return false;
}

static int64_t last_session(store *s, bool finished, char *err, size_t err_len)
{
    if (!s)
        return -1;
    const char *why = NULL;
    int64_t id = 0;
    /* "Finished" for the report means played to an end (won or lost): a
     * session the host closed because the trainer restarted or changed the
     * level also has a finished_at, but its outcome stays "ongoing"; the
     * report would otherwise pick a half game over the last real one. */
    char sql[256];
    if (finished)
        snprintf(sql, sizeof sql,
                 "SELECT id FROM session WHERE finished_at IS NOT NULL AND outcome IN (%d,%d) "
                 "ORDER BY finished_at DESC, id DESC LIMIT 1",
                 (int)CORE_OUTCOME_WON, (int)CORE_OUTCOME_LOST);
    else
        snprintf(sql, sizeof sql,
                 "SELECT id FROM session WHERE finished_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1");
    if (!store_query_int(s->db, sql, &id, &why)) {
        store_set_err(err, err_len, _("Databasefout in %s: %s"), s->path, why ? why : "?");
        return -1;
    }
    return id;
}

int64_t store_last_unfinished(store *s, char *err, size_t err_len)
{
    return last_session(s, false, err, err_len);
}

int64_t store_last_finished(store *s, char *err, size_t err_len)
{
    return last_session(s, true, err, err_len);
}

