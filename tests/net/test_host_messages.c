/*
 * What a headless host tells the trainer's terminal: that it is still
 * waiting (and for how many players) instead of waiting in silence, and a
 * clear refusal of --bots N when the casus has fewer free seats. The
 * interval of the waiting note is injected (waiting_note_ms) so that the
 * test does not wait 30 s.
 */
#include "net_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include "ts_main.h"

static int log_count(const host *h, const char *needle)
{
    int n = 0;
    for (int i = 0; i < host_log_count(h); i++)
        n += strstr(host_log_line(h, i), needle) != NULL;
    return n;
}

static void headless_opts(host_options *o)
{
    host_options_default(o);
    o->headless = true;
    o->quiet = true; /* the log keeps the lines; stderr stays clean */
}

/* A headless host with the default options on a free port (NULL when none
 * started). */
static host *headless_host(void)
{
    host_options o;
    headless_opts(&o);
    return fx_host(&o);
}

/* A headless host with nobody at the table says so, again and again. */
static void test_waiting_note_repeats(void **state)
{
    (void)state;
    host_options o;
    headless_opts(&o);
    o.waiting_note_ms = 40;
    o.bots = 1;
    host *h = fx_host(&o);
    assert_non_null(h);
    char want[160];
    snprintf(want, sizeof want, "Wacht op spelers: 1 van %d plaatsen bezet, code %s", host_seat_count(h),
             host_room_code(h));
    char built[160];
    host_waiting_text(h, built, sizeof built);
    assert_string_equal(built, want);
    /* not at once: the start line already said it */
    host_pump(h, 0);
    assert_int_equal(log_count(h, "Wacht op spelers"), 0);
    uint64_t until = plat_now_ms() + 3000;
    while (plat_now_ms() < until && log_count(h, want) < 2)
        host_pump(h, 10);
    assert_true(log_count(h, want) >= 2);
    assert_false(host_started(h));
    host_destroy(h);
}

/* With the default interval nothing is said within the first seconds. */
static void test_waiting_note_default_is_30s(void **state)
{
    (void)state;
    host *h = headless_host();
    assert_non_null(h);
    uint64_t until = plat_now_ms() + 150;
    while (plat_now_ms() < until)
        host_pump(h, 10);
    assert_int_equal(log_count(h, "Wacht op spelers"), 0);
    assert_int_equal(HOST_WAITING_NOTE_MS, 30000);
    host_destroy(h);
}

/* --bots above the free seats is refused, with the number that fits. */
static void test_too_many_bots_refused(void **state)
{
    (void)state;
    host_options o;
    headless_opts(&o);
    o.bots = 5; /* noor has four seats */
    o.port = 0;
    char err[256] = "";
    host *h = host_create(&o, NULL, NULL, NULL, err, sizeof err);
    assert_null(h);
    assert_non_null(strstr(err, "--bots 5: deze casus heeft maar 4 vrije plaatsen; kies --bots 4 of minder"));

    o.bots = 4; /* exactly the free seats: fine, and the game starts */
    h = fx_host(&o);
    assert_non_null(h);
    uint64_t until = plat_now_ms() + 2000;
    while (plat_now_ms() < until && !host_started(h))
        host_pump(h, 5);
    assert_true(host_started(h));
    assert_true(log_count(h, "alle plaatsen zijn bezet: het spel begint") == 1);
    host_destroy(h);
}

TS_MAIN(ts_ignore_sigpipe, NULL,
        cmocka_unit_test(test_waiting_note_repeats),
        cmocka_unit_test(test_waiting_note_default_is_30s),
        cmocka_unit_test(test_too_many_bots_refused))
