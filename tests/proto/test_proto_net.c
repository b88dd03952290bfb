/* The message table's direction check over real loopback connections: a
 * host drops a peer that sends it a host->client message, and a client
 * drops a "host" that sends it a client->host message, each with the
 * table's reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "net_fixture.h"

/* A headless host in its lobby (room TEST) and a raw peer on loopback that
 * said HELLO and was let in; rb holds what the host sent it (fx_raw_read). */
typedef struct {
    host *h;
    int fd;
    uint8_t *rb;
    size_t rl, rc;
    bool closed;
} raw_peer;

/* Joins as name: an observer when observe, else a player on a seat. */
static void raw_peer_join(raw_peer *p, const char *name, bool observe)
{
    memset(p, 0, sizeof *p);
    host_options o;
    host_options_default(&o);
    o.headless = true;
    o.quiet = true;
    snprintf(o.code, sizeof o.code, "TEST");
    p->h = fx_host(&o);
    assert_non_null(p->h);
    p->fd = ts_connect(host_port(p->h), 0);
    assert_true(p->fd >= 0);
    for (int i = 0; i < 5; i++)
        host_pump(p->h, 1);
    uint8_t hello[512];
    assert_true(ts_send_frame(p->fd, hello, fx_hello(hello, sizeof hello, "TEST", name, observe, NULL, PROTO_VERSION)));
    fx_raw_read(p->fd, p->h, 200, &p->rb, &p->rl, &p->rc, &p->closed);
    assert_false(p->closed); /* welcomed */
}

/* Reads what the host sent for up to ms (p->closed once it dropped us). */
static void raw_peer_read(raw_peer *p, int ms)
{
    fx_raw_read(p->fd, p->h, ms, &p->rb, &p->rl, &p->rc, &p->closed);
}

static void raw_peer_leave(raw_peer *p)
{
    free(p->rb);
    close(p->fd);
    host_destroy(p->h);
}

static void test_host_refuses_a_host_message(void **state)
{
    (void)state;
    raw_peer p;
    raw_peer_join(&p, "kijker", true); /* an observer */
    uint8_t buf[512];
    /* a well-formed LOBBY, but a LOBBY is the host's to send */
    proto_lobby lobby = {.observers = 1};
    assert_true(ts_send_frame(p.fd, buf, proto_encode_lobby(buf, sizeof buf, &lobby)));
    uint64_t until = plat_now_ms() + 2000;
    while (!p.closed && plat_now_ms() < until)
        raw_peer_read(&p, 20);
    assert_true(p.closed);
    assert_true(fx_log_has(p.h, "LOBBY refused: it goes from the host to a client: a client may not send it"));
    raw_peer_leave(&p);
}

/* The actions of rules version 2 travel in the generic ACTION: the host
 * decodes each one and hands it to the rules, which answer in a RESULT (in
 * the lobby: not now); the peer is not dropped. */
static void test_host_takes_the_new_actions(void **state)
{
    (void)state;
    raw_peer p;
    raw_peer_join(&p, "Fien", false); /* seated */
    uint8_t buf[PROTO_MAX_CLIENT_FRAME];
    static const core_action acts[] = {
        {.type = CORE_ACT_WORD_GOAL, .a = 1, .b = -1, .c = -1, .text = "Noor voelt zich gehoord"},
        {.type = CORE_ACT_PROPOSE_AFSPRAAK, .a = 0, .b = -1, .c = -1, .text = "elke maandag bellen"},
        {.type = CORE_ACT_AGREE_AFSPRAAK, .a = 0, .b = 1, .c = -1},
        {.type = CORE_ACT_ASK_CONSENT, .a = 0, .b = -1, .c = -1},
        {.type = CORE_ACT_CONSENT, .a = 0, .b = 1, .c = -1},
        {.type = CORE_ACT_ASK_PUPIL, .a = -1, .b = -1, .c = -1},
        {.type = CORE_ACT_SET_MEETING, .a = -1, .b = -1, .c = -1},
        {.type = CORE_ACT_CHECK_IMPROVEMENT, .a = 1, .b = 1, .c = -1},
    };
    const int n_acts = (int)(sizeof acts / sizeof acts[0]);
    for (int i = 0; i < n_acts; i++) {
        proto_action m = {.seq = 100u + (uint32_t)i, .action = acts[i]};
        assert_true(ts_send_frame(p.fd, buf, proto_encode_action(buf, sizeof buf, &m)));
    }
    /* one RESULT per action, in order, each a refusal of the rules */
    int got = 0;
    size_t at = 0;
    uint64_t until = plat_now_ms() + 3000;
    while (got < n_acts && !p.closed && plat_now_ms() < until) {
        raw_peer_read(&p, 20);
        const uint8_t *pl;
        size_t plen, used;
        while (proto_frame_next(p.rb + at, p.rl - at, PROTO_MAX_FRAME, &pl, &plen, &used) == PROTO_FRAME_OK) {
            at += used;
            proto_result r;
            if (proto_payload_type(pl, plen) != PROTO_MSG_RESULT || !proto_decode_result(pl, plen, &r, NULL))
                continue;
            assert_int_equal(r.seq, 100u + (uint32_t)got);
            assert_int_equal(r.result, CORE_REJ_WRONG_PHASE); /* the lobby: core_check said why */
            got++;
        }
    }
    assert_false(p.closed);
    assert_int_equal(got, n_acts);
    assert_false(fx_log_has(p.h, "malformed ACTION"));
    raw_peer_leave(&p);
}

/* A listening socket on a free loopback port; *port is set. */
static int fake_host(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(fd, 1), 0);
    socklen_t len = sizeof a;
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    *port = ntohs(a.sin_port);
    return fd;
}

static void test_client_refuses_a_client_message(void **state)
{
    (void)state;
    int port;
    int lfd = fake_host(&port);
    cli_options o;
    fx_opts_at(&o, port, "TEST", "Fien");
    char err[256];
    cli *c = cli_create(&o, &(cli_callbacks){0}, err, sizeof err);
    assert_non_null(c);
    int fd = -1;
    for (int i = 0; i < 200 && fd < 0; i++) {
        cli_pump(c, 5);
        struct pollfd p = {lfd, POLLIN, 0};
        if (poll(&p, 1, 5) > 0)
            fd = accept(lfd, NULL, NULL);
    }
    assert_true(fd >= 0);
    /* an ACTION goes from a client to the host: this "host" may not send it */
    proto_action act = {.seq = 1, .action = {.type = CORE_ACT_READY}};
    uint8_t buf[256];
    assert_true(ts_send_frame(fd, buf, proto_encode_action(buf, sizeof buf, &act)));
    for (int i = 0; i < 200 && !strstr(cli_reason(c), "ACTION refused"); i++)
        cli_pump(c, 5);
    if (!strstr(cli_reason(c), "ACTION refused: it goes from a client to the host"))
        fail_msg("the client's reason is \"%s\"", cli_reason(c));
    cli_destroy(c);
    close(fd);
    close(lfd);
}

TS_MAIN(ts_ignore_sigpipe, NULL,
        cmocka_unit_test(test_host_refuses_a_host_message),
        cmocka_unit_test(test_host_takes_the_new_actions),
        cmocka_unit_test(test_client_refuses_a_client_message))
