/*
 * "Nothing lost": the host (`samenspel host --headless --db FILE`) is killed
 * with SIGKILL at random points of scripted games and restarted with
 * --resume. Two seats are played by witnesses in this process that speak the
 * wire protocol themselves and remember every action the host acknowledged
 * (RESULT ok); the other two are real `samenspel join --headless --bot team
 * --pace MS` processes that must rejoin on their own.
 *
 * After every kill: every acknowledged action is in the journal, in order
 * (per seat), and the journal of the previous kill is a prefix of it. At the
 * end of every game: the hash the host stored when the game ended (its live
 * state, resumed many times) equals the hash of an uninterrupted replay of
 * the journal from the stored level text and seed.
 *
 * Kill points: SAMENSPEL_RESUME_POINTS (default 50); the seed of the random
 * schedule is printed and can be fixed with SAMENSPEL_RESUME_SEED.
 *
 * Kills happen only once a game runs: a host killed between recording a
 * new player's seat and sending the WELCOME leaves a seat whose token nobody
 * holds; in a workshop the trainer releases it, a headless test cannot.
 */
#include "core/core.h"
#include "level/level.h"
#include "platform/plat.h"
#include "proto/proto.h"
#include "store/store.h"
#include "ts.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#ifndef SAMENSPEL_BIN
#error "SAMENSPEL_BIN must name the samenspel binary"
#endif

#define N_WITNESS 2
#define N_BOTS 2
#define PACE_MS 25
#define CODE "RSME"

static char work[256], db_path[300], host_log[300];
static int port;
static int failures;

static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    failures++;
}

/* ------------------------------------------------------------ processes */

static pid_t spawn_host(bool resume, uint64_t seed)
{
    char p[16], s[32];
    snprintf(p, sizeof p, "%d", port);
    snprintf(s, sizeof s, "%llu", (unsigned long long)seed);
    char *argv[16];
    int n = 0;
    argv[n++] = SAMENSPEL_BIN;
    argv[n++] = "host";
    argv[n++] = "--headless";
    argv[n++] = "--port";
    argv[n++] = p;
    argv[n++] = "--db";
    argv[n++] = db_path;
    argv[n++] = "--code";
    argv[n++] = CODE;
    argv[n++] = "--seed";
    argv[n++] = s;
    if (resume)
        argv[n++] = "--resume";
    argv[n] = NULL;
    return ts_spawn(argv, host_log, true);
}

static pid_t spawn_bot(int i)
{
    char p[16], name[32], log[320], pace[16], addr[32];
    snprintf(p, sizeof p, "%d", port);
    snprintf(name, sizeof name, "bot%d", i);
    snprintf(log, sizeof log, "%s/bot%d.log", work, i);
    snprintf(pace, sizeof pace, "%d", PACE_MS);
    snprintf(addr, sizeof addr, "127.0.0.1:%d", port);
    char *argv[] = {SAMENSPEL_BIN, "join", "--headless", "--bot", "team", "--pace", pace, "--name", name,
                    "--code", CODE, "--no-token-store", addr, NULL};
    return ts_spawn(argv, log, true);
}

/* -------------------------------------------------------------- witness */

typedef struct {
    int fd;
    ts_stream in;
    bool welcomed, has_token;
    int seat;
    uint8_t token[PROTO_TOKEN_LEN];
    core_scenario *sc;
    core_seat_view view;
    bool has_view;
    uint32_t seq;
    bool inflight;
    core_action inflight_a;
    uint64_t next_ms, retry_ms, ping_ms;
    uint32_t last_tick;         /* acknowledged in PINGs (host flow control) */
    core_action *acked;
    size_t n_acked, cap_acked;
    core_rng rng;
    bool ended;
} witness;

static void w_close(witness *w)
{
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
    ts_stream_reset(&w->in);
    w->welcomed = w->has_view = false;
    w->inflight = false; /* its fate is unknown: not counted as acknowledged */
}

static void w_connect(witness *w, int idx)
{
    uint64_t now = plat_now_ms();
    if (now < w->retry_ms)
        return;
    w->retry_ms = now + 50;
    int fd = ts_connect(port, 0);
    if (fd < 0)
        return;
    w->fd = fd;
    w->ping_ms = 0;
    proto_hello m;
    char name[32];
    snprintf(name, sizeof name, "getuige%d", idx);
    ts_hello_init(&m, "resume-test", CODE, name);
    m.has_token = w->has_token;
    memcpy(m.token, w->token, sizeof m.token);
    if (!ts_send_hello(fd, &m))
        w_close(w);
}

static void w_frame(witness *w, const uint8_t *pl, size_t n)
{
    static proto_update up;
    const char *why = NULL;
    switch (proto_payload_type(pl, n)) {
    case PROTO_MSG_WELCOME: {
        proto_welcome m;
        if (proto_decode_welcome(pl, n, &m, w->sc, &why) && m.seat >= 0) {
            w->welcomed = true;
            w->seat = m.seat;
            w->has_token = true;
            memcpy(w->token, m.token, sizeof w->token);
        }
        break;
    }
    case PROTO_MSG_UPDATE:
        if (proto_decode_update(pl, n, &up, &why) && up.view_kind == 1) {
            w->last_tick = up.tick;
            w->view = up.view;
            w->has_view = true;
            if (up.view.pub.outcome != CORE_OUTCOME_ONGOING)
                w->ended = true;
        }
        break;
    case PROTO_MSG_RESULT: {
        proto_result r;
        if (proto_decode_result(pl, n, &r, &why) && w->inflight && r.seq == w->seq) {
            w->inflight = false;
            if (r.result == CORE_OK) {
                if (w->n_acked == w->cap_acked) {
                    w->cap_acked = w->cap_acked ? w->cap_acked * 2 : 256;
                    w->acked = realloc(w->acked, w->cap_acked * sizeof *w->acked);
                }
                w->acked[w->n_acked++] = w->inflight_a;
            }
        }
        break;
    }
    case PROTO_MSG_REJECT:
    case PROTO_MSG_BYE:
        w_close(w);
        break;
    default:
        break;
    }
}

static void w_read(witness *w)
{
    if (w->fd < 0)
        return;
    if (ts_stream_fill(&w->in, w->fd) < 0) {
        w_close(w);
        return;
    }
    const uint8_t *pl;
    size_t plen;
    while (w->fd >= 0 && ts_stream_next(&w->in, &pl, &plen))
        w_frame(w, pl, plen);
}

static void w_step(witness *w, int idx)
{
    if (w->fd < 0) {
        w_connect(w, idx);
        return;
    }
    w_read(w);
    uint64_t now = plat_now_ms();
    if (w->fd >= 0 && now >= w->ping_ms) {
        /* heartbeat: the host drops a peer that stays silent for 3 s */
        w->ping_ms = now + 500;
        if (!ts_send_ping(w->fd, plat_now_ns(), w->last_tick)) {
            w_close(w);
            return;
        }
    }
    if (w->fd < 0 || !w->welcomed || !w->has_view || w->inflight || w->ended || now < w->next_ms)
        return;
    core_action a;
    memset(&a, 0, sizeof a);
    if (!core_bot_next(w->sc, &w->view, CORE_BOT_TEAM, &w->rng, &a))
        return;
    proto_action m;
    m.seq = ++w->seq;
    m.action = a;
    uint8_t out[PROTO_MAX_CLIENT_FRAME];
    if (!ts_send_frame(w->fd, out, proto_encode_action(out, sizeof out, &m))) {
        w_close(w);
        return;
    }
    a.seat = w->seat;
    w->inflight_a = a;
    w->inflight = true;
    w->next_ms = now + PACE_MS;
}

/* -------------------------------------------------------------- journal */

typedef struct {
    int64_t id;
    bool finished;
    uint64_t stored_hash;
    core_action *actions;
    size_t n;
    uint64_t seed;
    core_scenario *sc;
} journal;

static void journal_free(journal *j)
{
    free(j->actions);
    free(j->sc);
    memset(j, 0, sizeof *j);
}

/* The newest session of the database (the game being played). */
static bool journal_load(journal *j)
{
    memset(j, 0, sizeof *j);
    char err[STORE_ERR_LEN];
    store *s = store_open(db_path, false, err, sizeof err);
    if (!s) {
        fail("journal: %s", err);
        return false;
    }
    store_session *list = NULL;
    int n = store_list(s, &list, err, sizeof err);
    bool ok = n > 0;
    if (ok) {
        j->id = list[0].id;
        j->finished = list[0].finished;
        j->stored_hash = list[0].state_hash;
        j->seed = list[0].seed;
    }
    free(list);
    lvl_diags *d = calloc(1, sizeof *d);
    j->sc = calloc(1, sizeof *j->sc);
    /* the scenario from the journaled level and roles texts only */
    ok = ok && store_session_scenario(s, j->id, j->sc, d, err, sizeof err) &&
         store_load_actions(s, j->id, &j->actions, NULL, &j->n, err, sizeof err);
    if (!ok)
        fail("journal of session %lld: %s", (long long)j->id, err);
    free(d);
    store_close(s);
    return ok;
}

/* Uninterrupted replay of the first n journaled actions. */
static uint64_t replay_hash(const journal *j, size_t n)
{
    core_state *st = malloc(sizeof *st);
    char err[256];
    uint64_t h = 0;
    if (st && core_init(st, j->sc, j->seed, err, sizeof err)) {
        for (size_t i = 0; i < n; i++) {
            core_events ev;
            ev.n = 0;
            core_reject r = core_apply(st, &j->actions[i], &ev);
            if (r != CORE_OK) {
                fail("replay: journal action %zu is refused (%s)", i + 1, core_reject_message(r));
                break;
            }
        }
        h = core_state_hash(st);
    } else {
        fail("replay: core_init failed");
    }
    free(st);
    return h;
}

static bool same_action(const core_action *x, const core_action *y)
{
    return x->type == y->type && x->seat == y->seat && x->a == y->a && x->b == y->b && x->c == y->c &&
           strncmp(x->text, y->text, sizeof x->text) == 0;
}

/* Every acknowledged action of the witness, in order, in the journal. */
static void check_acked(const journal *j, const witness *w, int idx)
{
    size_t k = 0;
    for (size_t i = 0; i < j->n && k < w->n_acked; i++)
        if (same_action(&j->actions[i], &w->acked[k]))
            k++;
    if (k != w->n_acked)
        fail("witness %d (seat %d): %zu of %zu acknowledged actions are in the journal (lost: type %d)", idx,
             w->seat + 1, k, w->n_acked, (int)w->acked[k].type);
}

static void end_of_game(const journal *j, witness *w, int64_t prev_id, size_t prev_n, uint64_t prev_hash,
                        int game, int kills, uint64_t *total_acked)
{
    uint64_t h = replay_hash(j, j->n);
    if (h != j->stored_hash)
        fail("session %lld: live hash %016llx != uninterrupted replay %016llx", (long long)j->id,
             (unsigned long long)j->stored_hash, (unsigned long long)h);
    if (j->id == prev_id && (prev_n > j->n || replay_hash(j, prev_n) != prev_hash))
        fail("session %lld: the journal seen at the last kill is not a prefix of the final one",
             (long long)j->id);
    for (int i = 0; i < N_WITNESS; i++) {
        check_acked(j, &w[i], i);
        *total_acked += w[i].n_acked;
    }
    printf("game %d (session %lld): %zu actions, hash %016llx = replay, %d kills so far\n", game,
           (long long)j->id, j->n, (unsigned long long)h, kills);
    fflush(stdout);
}

/* A new game: fresh seats for everyone. */
static void new_game(witness *w, pid_t *bots)
{
    for (int i = 0; i < N_WITNESS; i++) {
        w_close(&w[i]);
        w[i].has_token = false;
        w[i].n_acked = 0;
        w[i].ended = false;
        w[i].seq = 0;
    }
    for (int i = 0; i < N_BOTS; i++)
        if (bots[i] > 0) {
            /* they leave once they saw the end; a killed host may not
             * have shown it to them */
            kill(bots[i], SIGTERM);
            waitpid(bots[i], NULL, 0);
            bots[i] = 0;
        }
}

/* ----------------------------------------------------------------- main */

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const char *pe = getenv("SAMENSPEL_RESUME_POINTS");
    int points = pe ? atoi(pe) : 50;
    const char *se = getenv("SAMENSPEL_RESUME_SEED");
    uint64_t seed = se ? (uint64_t)strtoull(se, NULL, 10) : (plat_now_ns() ^ (uint64_t)(unsigned)getpid());
    core_rng rng;
    core_rng_seed(&rng, seed, 1);
    snprintf(work, sizeof work, "/tmp/samenspel-resume-XXXXXX");
    if (!mkdtemp(work)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(db_path, sizeof db_path, "%s/journal.db", work);
    snprintf(host_log, sizeof host_log, "%s/host.log", work);
    port = ts_free_port();
    printf("resume test: %d kill points, seed %llu, port %d, work %s\n", points,
           (unsigned long long)seed, port, work);

    witness w[N_WITNESS];
    memset(w, 0, sizeof w);
    for (int i = 0; i < N_WITNESS; i++) {
        w[i].fd = -1;
        w[i].sc = calloc(1, sizeof *w[i].sc);
        core_rng_seed(&w[i].rng, seed, (uint64_t)i + 11);
    }
    pid_t bots[N_BOTS] = {0};
    pid_t host = -1;
    int kills = 0, games = 0, resumes = 0;
    size_t prev_n = 0;
    uint64_t prev_hash = 0;
    int64_t prev_id = 0;
    uint64_t total_acked = 0;
    uint64_t game_seed = seed % 100000u + 1;
    bool game_fresh = true;    /* the next host starts a new game */
    uint64_t kill_at = 0;
    uint64_t t0 = plat_now_ms();
    uint64_t deadline = t0 + 600000u;
    uint64_t game_deadline = 0;

    while (plat_now_ms() < deadline && failures == 0) {
        uint64_t now = plat_now_ms();
        if (host < 0) {
            host = spawn_host(!game_fresh, game_seed);
            if (host < 0) {
                fail("cannot start %s", SAMENSPEL_BIN);
                break;
            }
            if (!game_fresh)
                resumes++;
            game_fresh = false;
            kill_at = 0;
            if (!game_deadline)
                game_deadline = now + 120000u;
        }
        for (int i = 0; i < N_BOTS; i++) {
            int st;
            if (bots[i] > 0 && waitpid(bots[i], &st, WNOHANG) == bots[i])
                bots[i] = 0;
            /* a bot that never got a seat gives up when no host answers:
             * start it again, as a player would */
            bool all_ended = true;
            for (int k = 0; k < N_WITNESS; k++)
                all_ended = all_ended && w[k].ended;
            if (bots[i] == 0 && !all_ended)
                bots[i] = spawn_bot(i);
        }
        struct pollfd pf[N_WITNESS];
        int np = 0;
        for (int i = 0; i < N_WITNESS; i++)
            if (w[i].fd >= 0)
                pf[np++] = (struct pollfd){w[i].fd, POLLIN, 0};
        poll(pf, (nfds_t)np, 5);
        for (int i = 0; i < N_WITNESS; i++)
            w_step(&w[i], i);

        bool running = w[0].has_view && w[0].view.pub.phase != CORE_PHASE_LOBBY && !w[0].ended;
        if (running && kills < points && kill_at == 0)
            kill_at = now + 20 + core_rng_below(&rng, 400);

        int st;
        pid_t r = waitpid(host, &st, WNOHANG);
        if (r == host) {
            /* the game ended and the host left by itself */
            host = -1;
            if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
                fail("host exited with status %d (see %s)", st, host_log);
                break;
            }
            journal j;
            if (!journal_load(&j))
                break;
            if (!j.finished)
                fail("session %lld: host exited but the game is not marked finished", (long long)j.id);
            end_of_game(&j, w, prev_id, prev_n, prev_hash, games + 1, kills, &total_acked);
            journal_free(&j);
            games++;
            if (kills >= points)
                break;
            new_game(w, bots);
            game_seed++;
            game_fresh = true;
            game_deadline = 0;
            prev_id = 0;
            continue;
        }
        if (kill_at && now >= kill_at && kills < points) {
            kill(host, SIGKILL);
            waitpid(host, &st, 0);
            host = -1;
            kills++;
            journal j;
            if (!journal_load(&j))
                break;
            for (int i = 0; i < N_WITNESS; i++)
                check_acked(&j, &w[i], i);
            if (j.id == prev_id && (prev_n > j.n || replay_hash(&j, prev_n) != prev_hash))
                fail("kill %d: an action journaled before the previous kill is gone", kills);
            prev_id = j.id;
            prev_n = j.n;
            prev_hash = replay_hash(&j, j.n);
            kill_at = 0;
            if (j.finished) {
                /* killed while saying goodbye after the end: nothing to
                 * resume, this game is complete */
                end_of_game(&j, w, 0, 0, 0, games + 1, kills, &total_acked);
                games++;
                new_game(w, bots);
                game_seed++;
                game_fresh = true;
                game_deadline = 0;
                prev_id = 0;
            }
            journal_free(&j);
        }
        if (game_deadline && now > game_deadline) {
            fail("a game did not end within 120 s (host log %s)", host_log);
            break;
        }
    }
    if (host > 0) {
        kill(host, SIGKILL);
        waitpid(host, NULL, 0);
    }
    for (int i = 0; i < N_BOTS; i++)
        if (bots[i] > 0) {
            kill(bots[i], SIGKILL);
            waitpid(bots[i], NULL, 0);
        }
    for (int i = 0; i < N_WITNESS; i++) {
        w_close(&w[i]);
        ts_stream_free(&w[i].in);
        free(w[i].acked);
        free(w[i].sc);
    }
    double secs = (double)(plat_now_ms() - t0) / 1000.0;
    if (kills < points && failures == 0)
        fail("only %d of %d kill points in the time limit", kills, points);
    printf("resume_kills %d kills\nresume_resumes %d resumes\nresume_games %d games\n"
           "resume_acked_actions %llu actions\nresume_lost_actions %d actions\nresume_seconds %.1f s\n",
           kills, resumes, games, (unsigned long long)total_acked, failures ? -1 : 0, secs);
    if (failures) {
        fprintf(stderr, "resume test failed; host log and database kept in %s\n", work);
        return 1;
    }
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", work);
    return 0;
}
