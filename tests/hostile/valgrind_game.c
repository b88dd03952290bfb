/*
 * One full integration game for valgrind memcheck: a journaled headless
 * host and four headless bot clients (the client session + core bots, as
 * `samenspel join --headless --bot` uses them) on loopback, in one process,
 * from the lobby to the end. Built without sanitizers (valgrind and ASan do
 * not mix) by valgrind_game.cmake, which runs it under
 * `valgrind --error-exitcode=1`.
 *
 * Exit status: 0 when the game ended and everything was torn down.
 */
#include "client/client.h"
#include "host/host_journal.h"
#include "platform/plat.h"
#include "ts.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    cli *c;
    core_rng rng;
    bool waiting, ended;
    uint64_t views;
} bot;

static void on_view(void *ctx, const core_seat_view *sv, const core_public_view *pub, const core_events *ev)
{
    bot *b = ctx;
    (void)sv;
    (void)ev;
    b->views++;
    b->waiting = false;
    if (pub->outcome != CORE_OUTCOME_ONGOING)
        b->ended = true;
}

static void on_reject(void *ctx, core_reject r, const char *text)
{
    bot *b = ctx;
    (void)r;
    (void)text;
    b->waiting = false;
}

static void bot_step(bot *b, core_bot_kind kind)
{
    cli_pump(b->c, 0);
    const core_seat_view *v = cli_seat_view(b->c);
    if (!v || b->waiting || b->ended || cli_status_get(b->c) != CLI_STATUS_CONNECTED)
        return;
    core_action a;
    memset(&a, 0, sizeof a);
    if (core_bot_next(cli_scenario(b->c), v, kind, &b->rng, &a) && cli_send_action(b->c, &a))
        b->waiting = true;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    char db[256];
    snprintf(db, sizeof db, "/tmp/samenspel-valgrind-%d.db", (int)getpid());
    host_options o;
    host_options_default(&o);
    o.headless = true;
    o.quiet = true;
    o.seed = 11;
    snprintf(o.code, sizeof o.code, "VGND");
    snprintf(o.db, sizeof o.db, "%s", db);
    char err[512] = "";
    host *h = NULL;
    for (int attempt = 0; attempt < 40 && !h; attempt++) {
        o.port = 20000 + (int)((plat_now_ns() / 1000u + (uint64_t)getpid() * 131u + (uint64_t)attempt * 7919u) % 30000u);
        h = host_create_journaled(&o, NULL, err, sizeof err);
    }
    if (!h) {
        fprintf(stderr, "valgrind_game: no host: %s\n", err);
        return 1;
    }
    bot bots[4];
    memset(bots, 0, sizeof bots);
    for (int i = 0; i < 4; i++) {
        cli_options co;
        cli_options_default(&co);
        snprintf(co.host, sizeof co.host, "127.0.0.1");
        co.port = host_port(h);
        snprintf(co.code, sizeof co.code, "VGND");
        snprintf(co.name, sizeof co.name, "speler%d", i + 1);
        co.headless = true;
        co.no_token_store = true;
        core_rng_seed(&bots[i].rng, 5, (uint64_t)i + 1);
        cli_callbacks cb = {&bots[i], NULL, on_view, on_reject, NULL};
        bots[i].c = cli_create(&co, &cb, err, sizeof err);
        if (!bots[i].c) {
            fprintf(stderr, "valgrind_game: client: %s\n", err);
            return 1;
        }
    }
    /* valgrind runs this ~30x slower than native: generous deadline */
    const char *lim = argc > 1 ? argv[1] : "400";
    uint64_t deadline = plat_now_ms() + (uint64_t)atoi(lim) * 1000u;
    bool all_ended = false;
    while (plat_now_ms() < deadline && !all_ended) {
        host_pump(h, 1);
        all_ended = host_finished(h);
        for (int i = 0; i < 4; i++) {
            bot_step(&bots[i], i == 3 ? CORE_BOT_SOLO : CORE_BOT_TEAM);
            all_ended = all_ended && bots[i].ended;
        }
    }
    const core_state *st = host_state(h);
    printf("valgrind_game: %s after %llu actions, round %d, session %lld\n",
           all_ended ? "game ended" : "TIMED OUT", (unsigned long long)host_actions_accepted(h), st->round,
           (long long)host_journal_session(h));
    for (int i = 0; i < 4; i++)
        cli_destroy(bots[i].c);
    host_destroy_journaled(h);
    ts_remove_db(db);
    return all_ended ? 0 : 1;
}
