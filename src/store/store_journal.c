/* store_journal: a running session's record: creating it with its seats,
 * appending each accepted action, seat changes, finishing it, reading the
 * actions back for a resume or a replay, and the host's journal adapter. */
#include "store/store_int.h"

#include "platform/i18n.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- writing */

/* A seat's name, token, taken and bot, bound from parameter `at` on: the
 * same four columns when a seat is first written and when it changes. */
static void bind_seat_fields(sqlite3_stmt *st, int at, const char *name,
                             const uint8_t token[STORE_TOKEN_LEN], bool taken, bool bot)
{
    static const uint8_t zero[STORE_TOKEN_LEN];
    size_t name_len = name ? strnlen(name, STORE_NAME_LEN - 1) : 0;
    sqlite3_bind_text(st, at, name ? name : "", (int)name_len, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, at + 1, token ? token : zero, STORE_TOKEN_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, at + 2, taken);
    sqlite3_bind_int(st, at + 3, bot);
}

static bool insert_seat(store *s, int64_t session, int seat, const store_seat *in,
                        char *err, size_t err_len)
{
    sqlite3_stmt *st = NULL;
    const char *sql = "INSERT INTO seat(session_id, seat, role_id, name, token, taken, bot) "
                      "VALUES(?,?,?,?,?,?,?)";
    if (!store_prepare(s, sql, &st, err, err_len))
        return false;
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int(st, 2, seat);
    sqlite3_bind_text(st, 3, in ? in->role_id : "", -1, SQLITE_TRANSIENT);
    bind_seat_fields(st, 4, in ? in->name : NULL, in ? in->token : NULL, in && in->taken, in && in->bot);
    return store_step_done(s, st, err, err_len);
}

/* The checks before anything is written; false with a message. */
static bool create_args_ok(const store *s, size_t level_len, const store_roles *roles, int n_seats,
                           char *err, size_t err_len)
{
    if (roles && (!store_roles_name_ok(roles->name) || !roles->text || roles->len > STORE_MAX_LEVEL_BYTES)) {
        store_set_err(err, err_len, _("Het rollenbestand van de casus kan niet bewaard worden (naam of grootte)."));
        return false;
    }
    if (s->schema < STORE_SCHEMA_VERSION) {
        /* an older file that could not be upgraded cannot say which rules
         * a new session plays */
        store_set_err(err, err_len,
                      _("De database %s is van een oudere versie en kon niet bijgewerkt worden "
                        "(alleen-lezen?); kies een ander bestand met --db."),
                      s->path);
        return false;
    }
    if (n_seats < 0 || n_seats > CORE_MAX_SEATS) {
        store_set_err(err, err_len, _("Ongeldig aantal plaatsen: %d."), n_seats);
        return false;
    }
    if (level_len > STORE_MAX_LEVEL_BYTES) {
        store_set_err(err, err_len, _("Het casusbestand is te groot om te bewaren (%zu bytes)."), level_len);
        return false;
    }
    return true;
}

/* Inserts the session row; *id gets its id. Inside the caller's transaction. */
static bool insert_session(store *s, const char *level_path, const char *level_text,
                           size_t level_len, const core_scenario *sc, uint64_t seed,
                           const char *code, int n_seats, int64_t *id, char *err, size_t err_len)
{
    sqlite3_stmt *st = NULL;
    int64_t t = store_now();
    if (!store_prepare(s,
                       "INSERT INTO session(created_at, updated_at, level_path, level_text, "
                       "level_id, level_title, seed, room_code, n_seats, app_version, rules_version) "
                       "VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                       &st, err, err_len))
        return false;
    sqlite3_bind_int64(st, 1, t);
    sqlite3_bind_int64(st, 2, t);
    sqlite3_bind_text(st, 3, level_path ? level_path : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, level_text ? level_text : "", level_text ? (int)level_len : 0,
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, sc ? sc->id : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, sc ? sc->title : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 7, store_u64_to_i64(seed));
    sqlite3_bind_text(st, 8, code ? code : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 9, n_seats);
    sqlite3_bind_text(st, 10, SAMENSPEL_VERSION, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 11, STORE_RULES_VERSION);
    if (!store_step_done(s, st, err, err_len))
        return false;
    *id = sqlite3_last_insert_rowid(s->db);
    return true;
}

/* Journals the roles file's name and text with the session (schema 2). */
static bool save_roles(store *s, int64_t id, const store_roles *roles, char *err, size_t err_len)
{
    sqlite3_stmt *st = NULL;
    if (!store_prepare(s, "UPDATE session SET roles_name=?, roles_text=? WHERE id=?", &st, err,
                       err_len))
        return false;
    sqlite3_bind_text(st, 1, roles->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, roles->text, (int)roles->len, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, id);
    return store_step_done(s, st, err, err_len);
}

/* One row per seat; a seat without a role id gets the scenario's role. */
static bool insert_seats(store *s, int64_t id, const core_scenario *sc, int n_seats,
                         const store_seat *seats, char *err, size_t err_len)
{
    for (int i = 0; i < n_seats; i++) {
        store_seat seat;
        memset(&seat, 0, sizeof seat);
        if (seats)
            seat = seats[i];
        seat.role_id[CORE_ID_LEN - 1] = '\0';
        seat.name[STORE_NAME_LEN - 1] = '\0';
        if (!seat.role_id[0] && sc && i < sc->n_seats && sc->seat_roles[i] >= 0 &&
            sc->seat_roles[i] < sc->n_roles)
            snprintf(seat.role_id, sizeof seat.role_id, "%s", sc->roles[sc->seat_roles[i]].id);
        if (!insert_seat(s, id, i, &seat, err, err_len))
            return false;
    }
    return true;
}

int64_t store_session_create(store *s, const char *level_path,
                             const char *level_text, size_t level_len,
                             const core_scenario *sc, uint64_t seed,
                             const char *code, int n_seats,
                             const store_seat *seats, char *err, size_t err_len)
{
    return store_session_create_roles(s, level_path, level_text, level_len, NULL, sc, seed, code,
                                      n_seats, seats, err, err_len);
}

int64_t store_session_create_roles(store *s, const char *level_path,
                                   const char *level_text, size_t level_len,
                                   const store_roles *roles,
                                   const core_scenario *sc, uint64_t seed,
                                   const char *code, int n_seats,
                                   const store_seat *seats, char *err, size_t err_len)
{
    if (!s || !create_args_ok(s, level_len, roles, n_seats, err, err_len))
        return 0;
    if (!store_exec_sql(s->db, "BEGIN IMMEDIATE", err, err_len))
        return 0;
    /* all rows or none: a half-created session would be offered for resume */
    int64_t id = 0;
    bool ok = insert_session(s, level_path, level_text, level_len, sc, seed, code, n_seats, &id, err,
                             err_len) &&
              (!roles || save_roles(s, id, roles, err, err_len)) &&
              insert_seats(s, id, sc, n_seats, seats, err, err_len) &&
              store_exec_sql(s->db, "COMMIT", err, err_len);
    if (!ok) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return 0;
    }
    return id;
}

bool store_append(store *s, int64_t session, uint64_t seq, const core_action *a,
                  char *err, size_t err_len)
{
    if (!s || !a)
        return false;
    if (seq > (uint64_t)INT64_MAX) {
        store_set_err(err, err_len, _("Volgnummer %llu is te groot voor de database."),
                      (unsigned long long)seq);
        return false;
    }
    size_t text_len = strnlen(a->text, CORE_ANSWER_LEN);
    if (text_len >= CORE_ANSWER_LEN) {
        store_set_err(err, err_len, _("De tekst van de actie is te lang."));
        return false;
    }
    if (!s->append &&
        sqlite3_prepare_v3(s->db,
                           "INSERT INTO action(session_id, seq, type, seat, a, b, c, text, at) "
                           "SELECT ?1,?2,?3,?4,?5,?6,?7,?8,?9 WHERE "
                           "?2 > (SELECT coalesce(max(seq), -1) FROM action WHERE session_id=?1) "
                           "AND EXISTS(SELECT 1 FROM session WHERE id=?1 AND finished_at IS NULL)",
                           -1, SQLITE_PREPARE_PERSISTENT, &s->append, NULL) != SQLITE_OK)
        return store_db_fail(s, err, err_len);
    sqlite3_stmt *st = s->append;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int64(st, 2, (int64_t)seq);
    sqlite3_bind_int(st, 3, (int)a->type);
    sqlite3_bind_int(st, 4, a->seat);
    sqlite3_bind_int(st, 5, a->a);
    sqlite3_bind_int(st, 6, a->b);
    sqlite3_bind_int(st, 7, a->c);
    sqlite3_bind_text(st, 8, a->text, (int)text_len, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 9, store_now());
    /* Autocommit: sqlite3_step returns after the commit reached the WAL
     * (see synchronous in store_open). */
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_db_fail(s, err, err_len);
    if (sqlite3_changes(s->db) != 1) {
        store_set_err(err, err_len,
                      _("Actie %llu van sessie %lld niet bewaard: de sessie bestaat niet, is al "
                        "afgelopen, of het volgnummer is niet hoger dan het vorige."),
                      (unsigned long long)seq, (long long)session);
        return false;
    }
    return true;
}

static bool touch_session(store *s, int64_t session)
{
    if (!s->touch &&
        sqlite3_prepare_v3(s->db, "UPDATE session SET updated_at=? WHERE id=?", -1,
                           SQLITE_PREPARE_PERSISTENT, &s->touch, NULL) != SQLITE_OK)
        return false;
    sqlite3_reset(s->touch);
    sqlite3_bind_int64(s->touch, 1, store_now());
    sqlite3_bind_int64(s->touch, 2, session);
    int rc = sqlite3_step(s->touch);
    sqlite3_reset(s->touch);
    return rc == SQLITE_DONE;
}

bool store_seat_update(store *s, int64_t session, int seat, const char *name,
                       const uint8_t token[STORE_TOKEN_LEN], bool taken, bool bot,
                       char *err, size_t err_len)
{
    if (!s)
        return false;
    if (seat < 0 || seat >= CORE_MAX_SEATS) {
        store_set_err(err, err_len, _("Ongeldige plaats %d."), seat);
        return false;
    }
    sqlite3_stmt *st = NULL;
    if (!store_prepare(s, "UPDATE seat SET name=?, token=?, taken=?, bot=? WHERE session_id=? AND seat=?",
                       &st, err, err_len))
        return false;
    bind_seat_fields(st, 1, name, token, taken, bot);
    sqlite3_bind_int64(st, 5, session);
    sqlite3_bind_int(st, 6, seat);
    if (!store_step_done(s, st, err, err_len))
        return false;
    if (sqlite3_changes(s->db) != 1) {
        store_set_err(err, err_len, _("Sessie %lld heeft geen plaats %d."), (long long)session, seat);
        return false;
    }
    touch_session(s, session);
    return true;
}

bool store_session_finish(store *s, int64_t session, const core_state *state,
                          char *err, size_t err_len)
{
    if (!s)
        return false;
    /* without a state (an abandoned session) only the times are set */
    sqlite3_stmt *st = NULL;
    if (!store_prepare(s,
                       state ? "UPDATE session SET finished_at=?1, updated_at=?1, outcome=?3, "
                               "collab_level=?4, rounds_played=?5, state_hash=?6 WHERE id=?2"
                             : "UPDATE session SET finished_at=?1, updated_at=?1 WHERE id=?2",
                       &st, err, err_len))
        return false;
    sqlite3_bind_int64(st, 1, store_now());
    sqlite3_bind_int64(st, 2, session);
    if (state) {
        core_measures m;
        core_measures_compute(state, 0, &m);
        sqlite3_bind_int(st, 3, (int)state->outcome);
        sqlite3_bind_int(st, 4, (int)m.level);
        sqlite3_bind_int(st, 5, state->round);
        sqlite3_bind_int64(st, 6, store_u64_to_i64(core_state_hash(state)));
    }
    if (!store_step_done(s, st, err, err_len))
        return false;
    if (sqlite3_changes(s->db) != 1) {
        store_set_err(err, err_len, _("Sessie %lld bestaat niet in %s."), (long long)session, s->path);
        return false;
    }
    return true;
}


/* ---------------------------------------------------------------- reading */

static bool int_col(sqlite3_stmt *st, int col, int lo, int hi, int *out)
{
    if (sqlite3_column_type(st, col) != SQLITE_INTEGER)
        return false;
    int64_t v = sqlite3_column_int64(st, col);
    if (v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

/* How many actions a session journaled: the size of the arrays to fill. */
static bool count_actions(store *s, int64_t session, int64_t *count, char *err, size_t err_len)
{
    sqlite3_stmt *st = NULL;
    if (!store_prepare(s, "SELECT count(*) FROM action WHERE session_id=?", &st, err, err_len))
        return false;
    sqlite3_bind_int64(st, 1, session);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *count = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return store_db_fail(s, err, err_len);
    return true;
}

/* Fills *a from a row of (seq, type, seat, a, b, c, text); false when a
 * value is out of range or of the wrong type (a damaged or edited
 * database), so that replay never sees an action core could not have made. */
static bool read_action_row(sqlite3_stmt *st, core_action *a, int64_t *seq)
{
    *seq = sqlite3_column_int64(st, 0);
    int type = 0;
    const unsigned char *text = NULL;
    int text_len = 0;
    bool row_ok = sqlite3_column_type(st, 0) == SQLITE_INTEGER && *seq >= 0 &&
                  int_col(st, 1, CORE_ACT_NONE + 1, CORE_ACT_COUNT - 1, &type) &&
                  int_col(st, 2, CORE_SEAT_HOST, CORE_MAX_SEATS - 1, &a->seat) &&
                  int_col(st, 3, INT_MIN, INT_MAX, &a->a) &&
                  int_col(st, 4, INT_MIN, INT_MAX, &a->b) &&
                  int_col(st, 5, INT_MIN, INT_MAX, &a->c);
    if (row_ok) {
        int t = sqlite3_column_type(st, 6);
        if (t == SQLITE_TEXT || t == SQLITE_BLOB) {
            text = sqlite3_column_blob(st, 6);
            text_len = sqlite3_column_bytes(st, 6);
            row_ok = text_len >= 0 && text_len < CORE_ANSWER_LEN &&
                     (text_len == 0 || memchr(text, '\0', (size_t)text_len) == NULL);
        } else {
            row_ok = t == SQLITE_NULL;
        }
    }
    if (!row_ok)
        return false;
    a->type = (core_action_type)type;
    if (text && text_len > 0)
        memcpy(a->text, text, (size_t)text_len);
    a->text[text_len] = '\0';
    return true;
}

bool store_load_actions(store *s, int64_t session, core_action **actions, uint64_t **seqs,
                        size_t *n, char *err, size_t err_len)
{
    *actions = NULL;
    if (seqs)
        *seqs = NULL;
    *n = 0;
    if (!s)
        return false;
    int64_t count = 0;
    if (!count_actions(s, session, &count, err, err_len))
        return false;
    if (count > STORE_MAX_ACTIONS) {
        store_set_err(err, err_len, _("Het journaal van sessie %lld is te lang (%lld acties); de database is vermoedelijk beschadigd."),
                      (long long)session, (long long)count);
        return false;
    }
    if (count == 0)
        return true;
    core_action *arr = calloc((size_t)count, sizeof *arr);
    uint64_t *sq = seqs ? calloc((size_t)count, sizeof *sq) : NULL;
    if (!arr || (seqs && !sq)) {
        free(arr);
        free(sq);
        store_set_err(err, err_len, _("Onvoldoende geheugen."));
        return false;
    }
    sqlite3_stmt *st = NULL;
    if (!store_prepare(s,
                       "SELECT seq, type, seat, a, b, c, text FROM action "
                       "WHERE session_id=? ORDER BY seq",
                       &st, err, err_len)) {
        free(arr);
        free(sq);
        return false;
    }
    sqlite3_bind_int64(st, 1, session);
    size_t k = 0;
    bool ok = true;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (k >= (size_t)count)
            break; /* rows appeared between the count and now: take what was counted */
        int64_t seq;
        if (!read_action_row(st, &arr[k], &seq)) {
            store_set_err(err, err_len,
                          _("Het journaal van sessie %lld is beschadigd: actie %lld is ongeldig."),
                          (long long)session, (long long)seq);
            ok = false;
            break;
        }
        if (sq)
            sq[k] = (uint64_t)seq;
        k++;
    }
    if (ok && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        store_db_fail(s, err, err_len);
        ok = false;
    }
    sqlite3_finalize(st);
    if (!ok) {
        free(arr);
        free(sq);
        return false;
    }
    *actions = arr;
    if (seqs)
        *seqs = sq;
    else
        free(sq);
    *n = k;
    return true;
}

bool store_load_action_times(store *s, int64_t session, int64_t **at, size_t *n,
                             char *err, size_t err_len)
{
    *at = NULL;
    *n = 0;
    if (!s)
        return false;
    sqlite3_stmt *st = NULL;
    if (!store_prepare(s, "SELECT at FROM action WHERE session_id=? ORDER BY seq", &st, err,
                       err_len))
        return false;
    sqlite3_bind_int64(st, 1, session);
    int64_t *arr = NULL;
    size_t k = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (k == cap) {
            if (cap >= STORE_MAX_ACTIONS)
                break;
            size_t ncap = cap ? cap * 2 : 256;
            int64_t *na = realloc(arr, ncap * sizeof *na);
            if (!na) {
                free(arr);
                sqlite3_finalize(st);
                store_set_err(err, err_len, _("Onvoldoende geheugen."));
                return false;
            }
            arr = na;
            cap = ncap;
        }
        arr[k++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        free(arr);
        return store_db_fail(s, err, err_len);
    }
    *at = arr;
    *n = k;
    return true;
}

/* ------------------------------------------------- host journal adapter */

void store_journal_init(store_journal *j, store *db, int64_t session)
{
    memset(j, 0, sizeof *j);
    j->db = db;
    j->session = session;
}

bool store_journal_append(void *ctx, uint64_t seq, const core_action *a)
{
    store_journal *j = ctx;
    j->failed = !store_append(j->db, j->session, seq, a, j->err, sizeof j->err);
    return !j->failed;
}

void store_journal_seat_changed(void *ctx, int seat, const char *name,
                                const uint8_t token[STORE_TOKEN_LEN], bool bot)
{
    store_journal *j = ctx;
    /* The host reports a released seat with an empty name and no token. */
    static const uint8_t zero[STORE_TOKEN_LEN];
    bool taken = bot || (token && memcmp(token, zero, STORE_TOKEN_LEN) != 0);
    j->failed = !store_seat_update(j->db, j->session, seat, name, token, taken, bot, j->err,
                                   sizeof j->err);
}

void store_journal_finished(void *ctx, const core_state *st)
{
    store_journal *j = ctx;
    j->failed = !store_session_finish(j->db, j->session, st, j->err, sizeof j->err);
}
