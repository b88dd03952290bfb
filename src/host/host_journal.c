/*
 * host_journal: see host_journal.h.
 *
 * Durability order: the host calls journal.append() after core_check and
 * before core_apply/broadcast; store_append commits (WAL, see store_open
 * for why synchronous=NORMAL survives a killed host) before it returns. So
 * a RESULT or UPDATE that a client saw always describes an action on disk.
 *
 * Sequence numbers are the bridge's own (1, 2, ... per session), not the
 * host's counter: the host keeps counting across a restart to the lobby and
 * restarts at the replayed count on resume, while the store wants strictly
 * increasing numbers per session.
 *
 * The journal keeps the level's text and the text of the roles file it
 * read (next to the level or bundled), and a resume rebuilds the scenario
 * from those texts only: a roles file changed or deleted since does not
 * change the resumed game.
 *
 * A game restarted from the lobby (new seed) or started on a level that
 * changed while in the lobby (--watch) gets a new session, so that every
 * session replays from its own level text and seed; the abandoned one is
 * closed (finished without an outcome) when it has actions, so --resume
 * does not pick it.
 */
#include "host/host_journal.h"
#include "platform/i18n.h"
#include "platform/plat.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    host *h;                    /* set once host_create returned */
    store *db;
    int64_t session;            /* 0 = not recording (yet) */
    uint64_t seq;               /* last seq written in this session */
    uint64_t n_actions;         /* actions in this session */
    uint64_t seed;              /* the session's seed */
    bool off;                   /* journaling switched off (logged): the store failed */
    bool game_off;              /* this game is not journaled (its level differs); retried at START */
    bool finished;
    bool level_changed;         /* host_load_level_journaled: new text for the next game */
    char level_path[STORE_PATH_LEN];
    char *level_text;           /* malloc'd, the session's level text */
    size_t level_len;
    char *roles_text;           /* malloc'd, the roles file the level read; NULL: none journaled */
    size_t roles_len;
    char roles_name[STORE_ROLES_NAME_LEN]; /* its name as the level looks for it */
    core_scenario *sc;          /* level_text parsed (compared with the host's) */
    store_seat seats[CORE_MAX_SEATS]; /* mirror of the host's seats */
} journal_ctx;

static void ctx_free(journal_ctx *j)
{
    if (!j)
        return;
    store_close(j->db);
    free(j->level_text);
    free(j->roles_text);
    free(j->sc);
    free(j);
}

static bool cb_append(void *ctx, uint64_t host_seq, const core_action *a);

/* The bridge's context of a host: the host carries its journal
 * (host_journal()); it is ours when its append is the bridge's. */
static journal_ctx *ctx_of(const host *h)
{
    const host_journal_ops *ops = h ? host_journal(h) : NULL;
    return ops && ops->append == cb_append ? ops->ctx : NULL;
}

static void cb_close(void *ctx)
{
    ctx_free(ctx);
}

static void warn(const journal_ctx *j, const char *what, const char *why)
{
    /* the host's log is private; stderr reaches the trainer's terminal */
    fprintf(stderr, "samenspel host: %s: %s (%s)\n", what, why, j->db ? store_path(j->db) : "?");
}

static bool start_session(journal_ctx *j, const core_scenario *sc, uint64_t seed, const char *code)
{
    char err[STORE_ERR_LEN];
    store_roles roles = {j->roles_name, j->roles_text, j->roles_len};
    int64_t id = store_session_create_roles(j->db, j->level_path, j->level_text, j->level_len,
                                            j->roles_text ? &roles : NULL, sc, seed, code, sc->n_seats,
                                            j->seats, err, sizeof err);
    if (id <= 0) {
        warn(j, _("het spel wordt niet bewaard"), err);
        j->off = true;
        return false;
    }
    j->session = id;
    j->seq = 0;
    j->n_actions = 0;
    j->seed = seed;
    j->finished = false;
    return true;
}

/* Reads the roles file the level at `path` uses, as the level loader found
 * it (`rolbestand` next to the level, else rollen.yaml next to it, else the
 * bundled one). NULL when it read none; *name gets the name the level looks
 * for. */
static char *read_roles_file(const char *path, char name[STORE_ROLES_NAME_LEN], size_t *out_len)
{
    core_scenario *sc = calloc(1, sizeof *sc);
    lvl_diags *d = calloc(1, sizeof *d);
    lvl_roles_source used;
    memset(&used, 0, sizeof used);
    bool ok = sc && d && lvl_load_file_roles(path, sc, d, &used);
    free(sc);
    free(d);
    size_t nlen = strlen(used.name);
    if (!ok || !used.path[0] || nlen >= STORE_ROLES_NAME_LEN)
        return NULL;
    memcpy(name, used.name, nlen + 1);
    char rerr[256];
    return plat_read_file(used.path, STORE_MAX_LEVEL_BYTES, out_len, rerr, sizeof rerr);
}

/* The session's level from now on: its path, texts and parsed scenario
 * (all malloc'd, taken over; the previous ones are freed). */
static void keep_level(journal_ctx *j, const char *path, char *text, size_t len, char *roles,
                       const char *rname, size_t rlen, core_scenario *sc)
{
    free(j->level_text);
    free(j->roles_text);
    free(j->sc);
    j->level_text = text;
    j->level_len = len;
    j->roles_text = roles;
    j->roles_len = rlen;
    snprintf(j->roles_name, sizeof j->roles_name, "%s", rname);
    j->sc = sc;
    snprintf(j->level_path, sizeof j->level_path, "%s", path);
}

/* Reads a level file and the roles file it uses into the context, and
 * parses the scenario from those texts exactly as a resume will (so the
 * comparison at START checks what the journal can rebuild). */
static bool load_level_text(journal_ctx *j, const char *path, lvl_diags *diags, char *err, size_t err_len)
{
    size_t len = 0;
    char rerr[256];
    char *text = plat_read_file(path, STORE_MAX_LEVEL_BYTES, &len, rerr, sizeof rerr);
    if (!text) {
        snprintf(err, err_len, "%s", rerr);
        return false;
    }
    char rname[STORE_ROLES_NAME_LEN];
    size_t rlen = 0;
    char *roles = read_roles_file(path, rname, &rlen);
    store_roles r = {rname, roles, rlen};
    core_scenario *sc = calloc(1, sizeof *sc);
    char lerr[STORE_ERR_LEN];
    if (!sc || !store_load_level_texts(path, text, len, roles ? &r : NULL, sc, diags, lerr, sizeof lerr)) {
        snprintf(err, err_len, _("casus %s heeft fouten (samenspel check %s toont ze)"), path, path);
        free(sc);
        free(text);
        free(roles);
        return false;
    }
    keep_level(j, path, text, len, roles, rname, rlen, sc);
    return true;
}

/* Before the first action of a game: is the session still the right one? */
static void check_session(journal_ctx *j, const core_action *a)
{
    if (!j->h || j->off)
        return;
    if (a->type == CORE_ACT_START)
        j->game_off = false; /* a new game: try again */
    if (j->game_off)
        return;
    const core_state *st = host_state(j->h);
    const core_scenario *hsc = host_scenario(j->h);
    bool new_game = a->type == CORE_ACT_START && j->n_actions > 0;
    bool new_seed = st->seed != j->seed;
    bool differs = !j->sc || memcmp(hsc, j->sc, sizeof *hsc) != 0;
    bool new_level = a->type == CORE_ACT_START && (j->level_changed || differs);
    if (!new_game && !new_seed && !new_level && j->session > 0)
        return;
    if (new_level && differs) {
        /* --watch reloaded the same file in the lobby: store the new text */
        char err[256];
        if (!load_level_text(j, j->level_path, NULL, err, sizeof err) ||
            memcmp(hsc, j->sc, sizeof *hsc) != 0) {
            warn(j, _("de casus van dit spel komt niet overeen met de bewaarde; dit spel wordt niet bewaard"),
                 err[0] ? err : j->level_path);
            j->game_off = true;
            return;
        }
    }
    if (j->session > 0 && j->n_actions > 0 && !j->finished) {
        char err[STORE_ERR_LEN];
        if (!store_session_finish(j->db, j->session, NULL, err, sizeof err))
            warn(j, _("vorige sessie niet afgesloten"), err);
    }
    if (j->session > 0 && j->n_actions == 0 && st->seed == j->seed && !new_level)
        return; /* nothing recorded yet and the same game: keep the session */
    start_session(j, hsc, st->seed, host_room_code(j->h));
    j->level_changed = false;
}

static bool cb_append(void *ctx, uint64_t host_seq, const core_action *a)
{
    (void)host_seq;
    journal_ctx *j = ctx;
    check_session(j, a);
    if (j->off || j->game_off || j->session <= 0)
        return true; /* not journaled (warned): the game goes on */
    char err[STORE_ERR_LEN];
    if (!store_append(j->db, j->session, j->seq + 1, a, err, sizeof err)) {
        /* refusing keeps the promise: nothing is applied that is not on
         * disk; the host logs the refusal and the player may try again */
        warn(j, _("actie niet bewaard en dus niet uitgevoerd"), err);
        return false;
    }
    j->seq++;
    j->n_actions++;
    return true;
}

static void cb_seat(void *ctx, int seat, const char *name, const uint8_t token[HOST_TOKEN_LEN], bool bot)
{
    journal_ctx *j = ctx;
    if (seat < 0 || seat >= CORE_MAX_SEATS)
        return;
    static const uint8_t zero[STORE_TOKEN_LEN];
    store_seat *s = &j->seats[seat];
    s->bot = bot;
    s->taken = bot || (token && memcmp(token, zero, STORE_TOKEN_LEN) != 0);
    snprintf(s->name, sizeof s->name, "%s", name ? name : "");
    if (token)
        memcpy(s->token, token, STORE_TOKEN_LEN);
    else
        memset(s->token, 0, STORE_TOKEN_LEN);
    if (j->off || j->game_off || j->session <= 0 || j->level_changed)
        return; /* recorded with the (next) session when it is created */
    char err[STORE_ERR_LEN];
    if (!store_seat_update(j->db, j->session, seat, s->name, s->token, s->taken, s->bot, err, sizeof err))
        warn(j, _("stoel niet bewaard"), err);
}

static void cb_finished(void *ctx, const core_state *st)
{
    journal_ctx *j = ctx;
    if (j->off || j->game_off || j->session <= 0)
        return;
    char err[STORE_ERR_LEN];
    if (!store_session_finish(j->db, j->session, st, err, sizeof err))
        warn(j, _("einde van het spel niet bewaard"), err);
    j->finished = true;
}

static bool open_db(journal_ctx *j, const host_options *o, bool create, char *err, size_t err_len)
{
    char path[STORE_PATH_LEN];
    char serr[STORE_ERR_LEN];
    if (o->db[0]) {
        snprintf(path, sizeof path, "%s", o->db);
    } else if (!store_default_path(path, sizeof path, serr, sizeof serr)) {
        snprintf(err, err_len, "%s", serr);
        return false;
    }
    j->db = store_open(path, create, serr, sizeof serr);
    if (!j->db) {
        snprintf(err, err_len, "%s", serr);
        return false;
    }
    return true;
}

static host *create_resumed(journal_ctx *j, const host_options *o, const host_journal_ops *ops,
                            lvl_diags *diags, char *err, size_t err_len)
{
    char serr[STORE_ERR_LEN];
    int64_t id = o->resume_id;
    if (id <= 0) {
        id = store_last_unfinished(j->db, serr, sizeof serr);
        if (id < 0) {
            snprintf(err, err_len, "%s", serr);
            return NULL;
        }
        if (id == 0) {
            snprintf(err, err_len, _("er is geen onafgewerkt spel om te hervatten in %s; "
                                     "start zonder --resume voor een nieuw spel"),
                     store_path(j->db));
            return NULL;
        }
    }
    store_session ses;
    if (!store_session_get(j->db, id, &ses, serr, sizeof serr)) {
        snprintf(err, err_len, "%s", serr);
        return NULL;
    }
    if (ses.finished) {
        snprintf(err, err_len, _("spel %lld is al afgelopen; bekijk het met 'samenspel report' "
                                 "of start een nieuw spel"),
                 (long long)id);
        return NULL;
    }
    /* a journal of other rules would not replay to the game that was
     * played (a hash mismatch or a refused action halfway): say why */
    if (!store_session_resumable(&ses, serr, sizeof serr)) {
        snprintf(err, err_len, "%s", serr);
        return NULL;
    }
    /* only the journaled texts: the files may have changed or be gone */
    char *text = NULL, *roles = NULL;
    size_t len = 0, rlen = 0;
    char rname[STORE_ROLES_NAME_LEN];
    if (!store_level_text(j->db, id, &text, &len, serr, sizeof serr) ||
        !store_roles_text(j->db, id, rname, &roles, &rlen, serr, sizeof serr)) {
        snprintf(err, err_len, "%s", serr);
        free(text);
        return NULL;
    }
    core_scenario *sc = calloc(1, sizeof *sc);
    store_roles r = {rname, roles, rlen};
    if (!sc || !store_load_level_texts(ses.level_path, text, len, roles ? &r : NULL, sc, diags, serr, sizeof serr)) {
        snprintf(err, err_len, _("de bewaarde casus van spel %lld laadt niet meer (%s)"), (long long)id,
                 sc ? serr : ses.level_path);
        free(sc);
        free(text);
        free(roles);
        return NULL;
    }
    keep_level(j, ses.level_path, text, len, roles, rname, rlen, sc);

    core_action *actions = NULL;
    uint64_t *seqs = NULL;
    size_t n = 0;
    if (!store_load_actions(j->db, id, &actions, &seqs, &n, serr, sizeof serr)) {
        snprintf(err, err_len, "%s", serr);
        return NULL;
    }
    host_resume *res = calloc(1, sizeof *res);
    host_options *ro = malloc(sizeof *ro);
    if (!res || !ro) {
        snprintf(err, err_len, "%s", _("geen geheugen"));
        free(res);
        free(ro);
        free(actions);
        free(seqs);
        return NULL;
    }
    res->seed = ses.seed;
    memcpy(res->code, ses.code, HOST_CODE_LEN);
    for (int s = 0; s < ses.n_seats && s < CORE_MAX_SEATS; s++) {
        res->seats[s].taken = ses.seats[s].taken;
        res->seats[s].bot = ses.seats[s].bot;
        snprintf(res->seats[s].name, sizeof res->seats[s].name, "%s", ses.seats[s].name);
        memcpy(res->seats[s].token, ses.seats[s].token, HOST_TOKEN_LEN);
        j->seats[s] = ses.seats[s];
    }
    res->actions = actions;
    res->n_actions = n;
    /* the session's own level and seed; no hot reload of a resumed game */
    *ro = *o;
    snprintf(ro->level_path, sizeof ro->level_path, "%s", ses.level_path);
    ro->watch = false;
    ro->seed = ses.seed;
    j->session = id;
    j->seed = ses.seed;
    j->seq = n ? seqs[n - 1] : 0;
    j->n_actions = n;
    host *h = host_create_scenario(ro, sc, res, ops, err, err_len);
    free(actions);
    free(seqs);
    free(res);
    free(ro);
    if (h && !o->quiet)
        fprintf(stderr, _("samenspel host: spel %lld hervat na %zu acties\n"), (long long)id, n);
    return h;
}

host *host_create_journaled(const host_options *o, lvl_diags *diags, char *err, size_t err_len)
{
    journal_ctx *j = calloc(1, sizeof *j);
    if (!j) {
        snprintf(err, err_len, "%s", _("geen geheugen"));
        return NULL;
    }
    host_journal_ops ops = {j, cb_append, cb_seat, cb_finished, cb_close};
    host *h = NULL;
    if (!open_db(j, o, !o->resume, err, err_len)) {
        ctx_free(j);
        return NULL;
    }
    if (o->resume) {
        h = create_resumed(j, o, &ops, diags, err, err_len);
    } else {
        char path[HOST_PATH_LEN];
        snprintf(path, sizeof path, "%s", o->level_path);
        if (!path[0] && !lvl_default_path(path, sizeof path)) {
            snprintf(err, err_len, "%s", _("geen casus opgegeven en de standaardcasus is niet gevonden"));
            ctx_free(j);
            return NULL;
        }
        /* the host loads the file itself (hot reload, mtime); the journal
         * keeps the text it read, and checks at START that both agree */
        if (!load_level_text(j, path, NULL, err, err_len)) {
            /* the host's own loader gives the diagnostics; if it can load
             * the file after all (the texts the journal would keep do not
             * rebuild it, e.g. a roles file that cannot be read), play
             * unjournaled */
            char why[512];
            snprintf(why, sizeof why, "%s", err);
            ctx_free(j);
            h = host_create(o, NULL, NULL, diags, err, err_len);
            if (h)
                fprintf(stderr, "samenspel host: %s (%s)\n", _("het spel wordt niet bewaard"), why);
            return h;
        }
        /* if the file changed between the two reads, START notices (the
         * scenarios differ) and reads it again */
        h = host_create(o, NULL, &ops, diags, err, err_len);
        if (h)
            start_session(j, host_scenario(h), host_state(h)->seed, host_room_code(h));
    }
    if (!h) {
        ctx_free(j);
        return NULL;
    }
    j->h = h; /* from here on the host owns j and frees it in host_destroy */
    /* a crash after the last action but before the end was recorded */
    if (host_finished(h) && !j->finished && j->session > 0)
        cb_finished(j, host_state(h));
    return h;
}

void host_destroy_journaled(host *h)
{
    host_destroy(h);
}

bool host_load_level_journaled(host *h, const char *path, lvl_diags *diags, char *err, size_t err_len)
{
    if (!host_load_level(h, path, diags, err, err_len))
        return false;
    journal_ctx *j = ctx_of(h);
    if (j && !j->off) {
        char lerr[256];
        if (load_level_text(j, path, NULL, lerr, sizeof lerr))
            j->level_changed = true; /* the next START opens a session with this text */
        else
            warn(j, _("de nieuwe casus kon niet bewaard worden"), lerr);
    }
    return true;
}

int64_t host_journal_session(const host *h)
{
    const journal_ctx *j = ctx_of(h);
    return j && !j->off && !j->game_off ? j->session : 0;
}

int host_run_headless_journaled(const host_options *o)
{
    return host_run_headless_with(o, host_create_journaled);
}
