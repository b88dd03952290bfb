/*
 * A real `samenspel join --headless --bot team` process is killed (SIGKILL,
 * no goodbye) in the middle of a round; a new client started the same way
 * finds the stored token and gets the same seat with the same hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "net_fixture.h"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

extern char **environ;

static void test_killed_client_rejoins_with_same_hand(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/samenspel-rejoin-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    setenv("XDG_STATE_HOME", dir, 1);

    host_options o;
    fx_host_opts(&o, "REJN", 99);
    host *h = fx_host_open_seats(&o, 1);
    assert_non_null(h);
    int n = host_seat_count(h);

    char addr[64];
    snprintf(addr, sizeof addr, "127.0.0.1:%d", host_port(h));
    char *argv[] = {SAMENSPEL_BIN, "join", "--headless", "--bot", "team", "--pace", "30", "--quiet",
                    "--name", "Kim", "--code", "REJN", addr, NULL};
    pid_t pid;
    assert_int_equal(posix_spawn(&pid, SAMENSPEL_BIN, NULL, NULL, argv, environ), 0);

    /* wait until Kim is seated and the game is in Overleg or later of a round */
    int seat = -1;
    uint64_t until = plat_now_ms() + 20000;
    const core_state *st = host_state(h);
    while (plat_now_ms() < until) {
        host_pump(h, 2);
        for (int s = 0; s < n && seat < 0; s++) {
            host_seat_info info;
            if (host_seat_info_get(h, s, &info) && !strcmp(info.name, "Kim"))
                seat = s;
        }
        if (seat >= 0 && st->round >= 1 && st->phase >= CORE_PHASE_OVERLEG && st->phase <= CORE_PHASE_INZET &&
            st->seats[seat].hand_n > 0)
            break;
    }
    assert_true(seat >= 0);
    assert_true(st->round >= 1);
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    int hand[CORE_MAX_HAND], hand_n = st->seats[seat].hand_n;
    memcpy(hand, st->seats[seat].hand, sizeof hand);

    /* the host notices the silence (3 s) or the reset connection */
    until = plat_now_ms() + 6000;
    host_seat_info info;
    do {
        host_pump(h, 5);
        host_seat_info_get(h, seat, &info);
    } while (info.connected && plat_now_ms() < until);
    assert_false(info.connected);
    assert_true(info.taken); /* the seat waits for its token */

    /* a new client started the same way (same name, code, host) */
    cli_options co;
    fx_opts(&co, h, "Kim");
    co.no_token_store = false;
    fx_bot b;
    assert_true(fx_bot_start(&b, &co, CORE_BOT_TEAM, 11));
    b.act = false;
    until = plat_now_ms() + 5000;
    while (!cli_seat_view(b.c) && plat_now_ms() < until) {
        host_pump(h, 1);
        fx_bot_step(&b);
    }
    const core_seat_view *v = cli_seat_view(b.c);
    assert_non_null(v);
    assert_int_equal(cli_seat(b.c), seat);
    assert_int_equal(v->hand_n, hand_n);
    for (int i = 0; i < hand_n; i++)
        assert_int_equal(v->hand[i], hand[i]);
    assert_true(fx_log_has(h, "is terug op plaats"));
    assert_int_equal(st->newcomers, 0); /* a rejoin is not a new player */
    /* and plays on to the end */
    b.act = true;
    until = plat_now_ms() + 60000;
    while (!b.ended && plat_now_ms() < until) {
        host_pump(h, 1);
        fx_bot_step(&b);
    }
    assert_true(b.ended);
    cli_destroy(b.c);
    host_destroy(h);
}

/* GAME.md: Identiteit returns "whenever a new player sits down". The trainer
 * releases a seat in round 1's Overleg and someone new takes it: round 2
 * opens with Identiteit, round 3 does not. */
static void test_new_player_brings_identiteit_back(void **state)
{
    (void)state;
    host_options o;
    fx_host_opts(&o, "", 5); /* "": a random room code */
    o.advance_idle_ms = 200;
    host *h = fx_host_open_seats(&o, 1);
    assert_non_null(h);
    const core_state *st = host_state(h);

    cli_options co;
    fx_opts(&co, h, "An");
    fx_bot first;
    assert_true(fx_bot_start(&first, &co, CORE_BOT_TEAM, 3));
    uint64_t until = plat_now_ms() + 20000;
    while (!(st->round == 1 && st->phase == CORE_PHASE_OVERLEG) && plat_now_ms() < until) {
        host_pump(h, 1);
        fx_bot_step(&first);
    }
    assert_int_equal(st->phase, CORE_PHASE_OVERLEG);
    int seat = cli_seat(first.c);
    assert_true(seat >= 0);
    assert_true(host_release_seat(h, seat));
    cli_destroy(first.c);

    fx_opts(&co, h, "Bram");
    fx_bot second;
    assert_true(fx_bot_start(&second, &co, CORE_BOT_TEAM, 4));
    bool identiteit[4] = {false, false, false, false};
    until = plat_now_ms() + 60000;
    while (!second.ended && st->round <= 3 && plat_now_ms() < until) {
        host_pump(h, 1);
        fx_bot_step(&second);
        if (st->round >= 1 && st->round <= 3 && st->phase == CORE_PHASE_IDENTITEIT)
            identiteit[st->round] = true;
    }
    assert_int_equal(cli_seat(second.c), seat);
    assert_true(fx_log_has(h, "Bram neemt plaats"));
    assert_true(identiteit[2]);
    assert_true(st->round > 3 || second.ended);
    if (st->round > 3)
        assert_false(identiteit[3]);
    cli_destroy(second.c);
    host_destroy(h);
}

TS_MAIN(ts_ignore_sigpipe, NULL,
        cmocka_unit_test(test_killed_client_rejoins_with_same_hand),
        cmocka_unit_test(test_new_player_brings_identiteit_back))
