/* The projector's phase timer against a real host session, on a clock the
 * test controls: running out in a running game ends the phase, a paused
 * game keeps its remaining time and does not advance, a new phase gets the
 * full length again, an extension adds time, and the length setting comes
 * from SAMENSPEL_TIMER_SECONDS (bad values fall back to the default). */
#include "platform/plat.h"
#include "ui/ui.h"
#include "ui_rig.h"

#include <SDL.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ui_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static host *make_host(void)
{
    host_options *ho = calloc(1, sizeof *ho);
    assert_non_null(ho);
    ui_rig_host_options(ho, "TIME", 3); /* only the timer (and this test) moves the game */
    host *h = ui_rig_host_start(ho, NULL, 46000);
    free(ho);
    for (int s = 0; s < host_seat_count(h); s++)
        assert_true(host_seat_bot(h, s, CORE_BOT_TEAM));
    return h;
}

static core_phase phase_of(host *h) { return host_state(h)->phase; }

static void test_timer_advances_and_holds(void **state)
{
    (void)state;
    host *h = make_host();
    char err[256] = "";
    const uint64_t t0 = 1000000; /* the test's clock, in ms */
    const int len = 90;
    ui_phase_timer t;
    ui_phase_timer_init(&t, true, len, t0);

    /* in the lobby the time is held: nothing runs out before the start */
    assert_int_equal(ui_phase_timer_step(&t, h, t0, err, sizeof err), UI_TIMER_IDLE);
    assert_int_equal(ui_phase_timer_step(&t, h, t0 + 10u * 60u * 1000u, err, sizeof err),
                     UI_TIMER_IDLE);
    assert_int_equal(phase_of(h), CORE_PHASE_LOBBY);
    assert_int_equal(ui_phase_timer_left_s(&t, t0 + 10u * 60u * 1000u), len);

    assert_true(host_start(h, err, sizeof err));
    uint64_t now = t0 + 11u * 60u * 1000u;
    core_phase p0 = phase_of(h);
    int r0 = host_state(h)->round;
    assert_true(p0 != CORE_PHASE_LOBBY);
    /* the started game's first phase gets a full timer */
    assert_int_equal(ui_phase_timer_step(&t, h, now, err, sizeof err), UI_TIMER_IDLE);
    assert_int_equal(ui_phase_timer_left_s(&t, now), len);

    /* one second before the end: still the same phase */
    now += (uint64_t)(len - 1) * 1000u;
    assert_int_equal(ui_phase_timer_step(&t, h, now, err, sizeof err), UI_TIMER_IDLE);
    assert_int_equal(phase_of(h), p0);
    assert_int_equal(ui_phase_timer_left_s(&t, now), 1);

    /* paused: ten minutes pass, the phase stays and keeps its last second */
    assert_true(host_set_paused(h, true));
    for (int k = 1; k <= 10; k++) {
        now += 60u * 1000u;
        assert_int_equal(ui_phase_timer_step(&t, h, now, err, sizeof err), UI_TIMER_IDLE);
    }
    assert_int_equal(phase_of(h), p0);
    assert_int_equal(ui_phase_timer_left_s(&t, now), 1);

    /* resumed: the last second runs out and the phase ends */
    assert_true(host_set_paused(h, false));
    now += 500;
    assert_int_equal(ui_phase_timer_step(&t, h, now, err, sizeof err), UI_TIMER_IDLE);
    now += 500;
    assert_int_equal(ui_phase_timer_step(&t, h, now, err, sizeof err), UI_TIMER_ADVANCED);
    core_phase p1 = phase_of(h);
    assert_true(p1 != p0 || host_state(h)->round != r0);
    /* the next phase starts with the full length */
    assert_int_equal(ui_phase_timer_left_s(&t, now), len);
    assert_int_equal(ui_phase_timer_step(&t, h, now + 1000u, err, sizeof err), UI_TIMER_IDLE);
    assert_int_equal(phase_of(h), p1);

    /* + adds a minute: the full length no longer ends the phase */
    ui_phase_timer_extend(&t, now);
    now += (uint64_t)len * 1000u;
    assert_int_equal(ui_phase_timer_step(&t, h, now, err, sizeof err), UI_TIMER_IDLE);
    assert_int_equal(phase_of(h), p1);
    assert_int_equal(ui_phase_timer_left_s(&t, now), UI_PHASE_TIMER_EXTEND_S);

    /* switched off (T): the time running out changes nothing */
    ui_phase_timer_toggle(&t, now);
    assert_false(t.on);
    now += 3600u * 1000u;
    assert_int_equal(ui_phase_timer_step(&t, h, now, err, sizeof err), UI_TIMER_IDLE);
    assert_int_equal(phase_of(h), p1);
    assert_int_equal(ui_phase_timer_left_s(&t, now), 0);
    /* on again: a full length from now */
    ui_phase_timer_toggle(&t, now);
    assert_int_equal(ui_phase_timer_left_s(&t, now), len);
    now += (uint64_t)len * 1000u;
    assert_int_equal(ui_phase_timer_step(&t, h, now, err, sizeof err), UI_TIMER_ADVANCED);
    assert_true(phase_of(h) != p1);

    host_destroy(h);
}

static void test_timer_length_setting(void **state)
{
    (void)state;
    char warn[256];
    unsetenv("SAMENSPEL_TIMER_SECONDS");
    assert_int_equal(ui_phase_timer_length_setting(warn, sizeof warn), UI_PHASE_TIMER_DEFAULT_S);
    assert_string_equal(warn, "");
    setenv("SAMENSPEL_TIMER_SECONDS", "120", 1);
    assert_int_equal(ui_phase_timer_length_setting(warn, sizeof warn), 120);
    assert_string_equal(warn, "");
    static const char *const bad[] = {"abc", "5", "3601", "90s", "-60"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        setenv("SAMENSPEL_TIMER_SECONDS", bad[i], 1);
        assert_int_equal(ui_phase_timer_length_setting(warn, sizeof warn),
                         UI_PHASE_TIMER_DEFAULT_S);
        /* the message names the value, so the trainer can fix it */
        assert_non_null(strstr(warn, bad[i]));
    }
    unsetenv("SAMENSPEL_TIMER_SECONDS");
    /* an unusable length given in code also falls back to the default */
    ui_phase_timer t;
    ui_phase_timer_init(&t, true, 0, 0);
    assert_int_equal(t.length_s, UI_PHASE_TIMER_DEFAULT_S);
    assert_int_equal(ui_phase_timer_left_s(&t, 0), UI_PHASE_TIMER_DEFAULT_S);
}

/* Every player sees the trainer's phase timer: the host sends it in LOBBY
 * when it starts, jumps or stops, and the client counts down itself. */
static void test_players_get_the_timer(void **state)
{
    (void)state;
    host *h = make_host();
    char err[512] = "";
    cli_options co;
    ui_rig_join_options(&co, h, "TIME");
    snprintf(co.name, sizeof co.name, "Kijker");
    co.observe = true;
    cli *c = cli_create(&co, NULL, err, sizeof err);
    assert_non_null(c);
    const cli_lobby *l = NULL;
    for (int k = 0; k < 2000 && !(l && l->n_seats > 0); k++) {
        host_pump(h, 1);
        cli_pump(c, 1);
        l = cli_lobby_get(c);
    }
    assert_non_null(l);
    assert_int_equal(l->timer_left_s, -1);
    host_set_phase_timer(h, 90);
    for (int k = 0; k < 2000 && l->timer_left_s < 0; k++) {
        host_pump(h, 1);
        cli_pump(c, 1);
        l = cli_lobby_get(c);
    }
    assert_true(l->timer_left_s >= 88 && l->timer_left_s <= 90);
    assert_true(l->timer_end_ms > plat_now_ms());
    /* a steady countdown sends nothing new; stopping it does */
    host_set_phase_timer(h, 89);
    host_set_phase_timer(h, -1);
    for (int k = 0; k < 2000 && l->timer_left_s >= 0; k++) {
        host_pump(h, 1);
        cli_pump(c, 1);
        l = cli_lobby_get(c);
    }
    assert_int_equal(l->timer_left_s, -1);
    assert_int_equal(l->timer_end_ms, 0);
    cli_destroy(c);
    host_destroy(h);
}

/* Text typed into the projector by a focus slip changes nothing: every
 * letter that acts on the game needs Ctrl; help and the reveal only show. */
static void test_trainer_keys_need_ctrl(void **state)
{
    (void)state;
    static const int game_keys[] = {SDLK_n, SDLK_b, SDLK_r, SDLK_o, SDLK_l,
                                    SDLK_t, SDLK_v, SDLK_d};
    for (size_t i = 0; i < sizeof game_keys / sizeof game_keys[0]; i++)
        assert_true(ui_trainer_key_needs_ctrl(game_keys[i]));
    int free_letters = 0;
    for (int k = SDLK_a; k <= SDLK_z; k++)
        free_letters += ui_trainer_key_needs_ctrl(k) ? 0 : 1;
    assert_int_equal(free_letters, 2);
    assert_false(ui_trainer_key_needs_ctrl(SDLK_h));
    assert_false(ui_trainer_key_needs_ctrl(SDLK_i));
    assert_false(ui_trainer_key_needs_ctrl(SDLK_F1));
}

TS_MAIN(ui_group_nl, NULL,
        cmocka_unit_test(test_timer_advances_and_holds),
        cmocka_unit_test(test_timer_length_setting),
        cmocka_unit_test(test_trainer_keys_need_ctrl),
        cmocka_unit_test(test_players_get_the_timer))
