/*
 * ts_main: the main() of a cmocka test binary, written once, and the group
 * fixtures many binaries share (header only, so every test can use it).
 */
#ifndef SAMENSPEL_TEST_MAIN_H
#define SAMENSPEL_TEST_MAIN_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <signal.h>

/* main() running the cmocka tests given after the group fixtures setup and
 * teardown (NULL: none); the exit status is cmocka's (failed tests). */
#define TS_MAIN(setup, teardown, ...)                                                              \
    int main(void)                                                                                 \
    {                                                                                              \
        const struct CMUnitTest ts_tests[] = {__VA_ARGS__};                                        \
        return cmocka_run_group_tests(ts_tests, setup, teardown);                                  \
    }

/* Group setup for tests that write to sockets a peer may have closed: a
 * closed peer must show as an error return, not end the test binary. */
static inline int ts_ignore_sigpipe(void **state)
{
    (void)state;
    signal(SIGPIPE, SIG_IGN);
    return 0;
}

#endif
