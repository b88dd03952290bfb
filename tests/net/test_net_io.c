/*
 * The transport's write side on its own (ss_net only, loopback): a peer
 * that never reads is dropped without blocking anyone, its socket is
 * released while it still holds its end, no thread stays behind, and the
 * other peers receive every frame in order. Frames that the kernel takes
 * only in pieces arrive whole and in order, and a close with flush still
 * delivers what was queued. The raw peers and clocks come from
 * tests/support (ts.h): these are socket tests, the in-memory transport
 * has test_net_loop.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "net/net.h"
#include "proto/proto.h"
#include "ts.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static net_listener *listen_any(int *port)
{
    char err[256] = "";
    unsigned salt = (unsigned)getpid() * 2654435761u + (unsigned)ts_now_ns();
    for (int attempt = 0; attempt < 40; attempt++) {
        salt = salt * 1103515245u + 12345u;
        *port = 20000 + (int)(salt % 30000u);
        net_listener *l = net_listen(*port, err, sizeof err);
        if (l)
            return l;
    }
    fprintf(stderr, "no free port: %s\n", err);
    return NULL;
}

static int accept_n(net_listener *l, net_conn **out, int n, size_t queue_bytes)
{
    net_poll *p = net_poll_create(1);
    assert_non_null(p);
    assert_true(net_poll_add_listener(p, l));
    int got = 0;
    uint64_t until = ts_now_ms() + 5000;
    while (got < n && ts_now_ms() < until) {
        if (net_poll_wait(p, 20) > 0 && net_poll_listener_ready(l)) {
            net_conn *c;
            while (got < n && (c = net_accept(l, queue_bytes)) != NULL)
                out[got++] = c;
        }
    }
    net_poll_destroy(p);
    return got;
}

/* net up, a listener, a raw peer (receive buffer rcvbuf) and its accepted
 * connection with a queue of queue_bytes. */
static net_conn *accepted_raw(net_listener **l, int *raw, int rcvbuf, size_t queue_bytes)
{
    char err[256];
    assert_true(net_init(err, sizeof err));
    int port = 0;
    *l = listen_any(&port);
    assert_non_null(*l);
    *raw = ts_connect(port, rcvbuf);
    assert_true(*raw >= 0);
    net_conn *srv = NULL;
    assert_int_equal(accept_n(*l, &srv, 1, queue_bytes), 1);
    return srv;
}

/* Payload of frame `seq` on stream `stream`: its numbers, then a pattern
 * that a misplaced or torn byte cannot reproduce. */
static size_t make_payload(uint8_t *buf, size_t len, uint32_t stream, uint32_t seq)
{
    assert_true(len >= 8);
    for (int i = 0; i < 4; i++) {
        buf[i] = (uint8_t)(stream >> (24 - 8 * i));
        buf[4 + i] = (uint8_t)(seq >> (24 - 8 * i));
    }
    for (size_t k = 8; k < len; k++)
        buf[k] = (uint8_t)(seq * 31u + stream * 7u + k);
    return len;
}

static bool payload_ok(const uint8_t *p, size_t len, uint32_t stream, uint32_t seq)
{
    if (len < 8)
        return false;
    uint32_t s = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    uint32_t q = (uint32_t)p[4] << 24 | (uint32_t)p[5] << 16 | (uint32_t)p[6] << 8 | p[7];
    if (s != stream || q != seq)
        return false;
    for (size_t k = 8; k < len; k++)
        if (p[k] != (uint8_t)(seq * 31u + stream * 7u + k))
            return false;
    return true;
}

#define GOOD 4
#define FRAME 1000

/* Reads what the good clients have; every frame must be the next one. */
static void pump_clients(net_poll *p, net_conn **cli, uint64_t *got, int ms)
{
    if (net_poll_wait(p, ms) <= 0)
        return;
    for (int j = 0; j < GOOD; j++) {
        if (!net_poll_conn_ready(cli[j]))
            continue;
        assert_true(net_conn_read(cli[j]) > 0);
        const uint8_t *pl;
        size_t len;
        const char *why = NULL;
        int r;
        while ((r = net_conn_next(cli[j], PROTO_MAX_FRAME, &pl, &len, &why)) == 1) {
            assert_int_equal(len, FRAME);
            assert_true(payload_ok(pl, len, (uint32_t)j, (uint32_t)got[j]));
            got[j]++;
        }
        assert_int_equal(r, 0);
    }
}

static void test_stalled_peer(void **state)
{
    (void)state;
    int t0 = ts_thread_count();
    char err[256];
    assert_true(net_init(err, sizeof err));
    int port = 0;
    net_listener *l = listen_any(&port);
    assert_non_null(l);
    net_conn *cli[GOOD];
    for (int j = 0; j < GOOD; j++) {
        cli[j] = net_connect("127.0.0.1", port, 0, err, sizeof err);
        assert_non_null(cli[j]);
    }
    /* the stalled peer: a tiny receive buffer, and it never reads */
    int raw = ts_connect(port, 2048);
    assert_true(raw >= 0);
    char raw_addr[NET_ADDR_LEN];
    ts_sock_name(raw, raw_addr, sizeof raw_addr);

    net_conn *srv[GOOD + 1];
    assert_int_equal(accept_n(l, srv, GOOD + 1, 64 * 1024), GOOD + 1);
    /* which accepted connection is the raw peer, and which client each
     * other one serves (by the client's local port) */
    net_conn *stuck = NULL, *to[GOOD] = {NULL};
    for (int i = 0; i < GOOD + 1; i++)
        if (strcmp(net_conn_address(srv[i]), raw_addr) == 0)
            stuck = srv[i];
    assert_non_null(stuck);
    {
        /* a client's own port: its peer's view of it, found via a hello */
        uint8_t hello[8];
        for (int j = 0; j < GOOD; j++)
            assert_true(net_conn_send(cli[j], hello, make_payload(hello, sizeof hello, 99, (uint32_t)j)));
        net_poll *sp = net_poll_create(GOOD + 1);
        for (int i = 0; i < GOOD + 1; i++)
            if (srv[i] != stuck)
                assert_true(net_poll_add_conn(sp, srv[i]));
        int found = 0;
        uint64_t until = ts_now_ms() + 5000;
        while (found < GOOD && ts_now_ms() < until) {
            if (net_poll_wait(sp, 20) <= 0)
                continue;
            for (int i = 0; i < GOOD + 1; i++) {
                if (srv[i] == stuck || !net_poll_conn_ready(srv[i]))
                    continue;
                assert_true(net_conn_read(srv[i]) > 0);
                const uint8_t *pl;
                size_t len;
                const char *why;
                if (net_conn_next(srv[i], 64, &pl, &len, &why) == 1) {
                    assert_int_equal(len, 8);
                    int j = pl[7];
                    assert_true(j < GOOD && to[j] == NULL);
                    to[j] = srv[i];
                    found++;
                }
            }
        }
        net_poll_destroy(sp);
        assert_int_equal(found, GOOD);
    }
    if (t0 >= 0) /* one I/O thread, not one per connection */
        assert_int_equal(ts_thread_count(), t0 + 1);

    net_poll *p = net_poll_create(GOOD);
    for (int j = 0; j < GOOD; j++)
        assert_true(net_poll_add_conn(p, cli[j]));
    uint64_t sent[GOOD] = {0}, got[GOOD] = {0};
    uint8_t buf[FRAME], junk[FRAME];
    memset(junk, 0x5a, sizeof junk);
    uint64_t worst_ns = 0, dropped_at = 0, stuck_frames = 0, stuck_sent = 0, stuck_moved_ms = ts_now_ms();
    int fds_before = -1;
    size_t queued_at_drop = 0;
    int after_drop = 0;
    uint64_t until = ts_now_ms() + 20000;
    while (ts_now_ms() < until && (stuck || after_drop < 200)) {
        for (int j = 0; j < GOOD; j++) {
            /* paced like a host tick: a reading peer's queue stays short */
            if (net_conn_queued(to[j]) > 16 * 1024)
                continue;
            uint64_t t = ts_now_ns();
            bool ok = net_conn_send(to[j], buf, make_payload(buf, FRAME, (uint32_t)j, (uint32_t)sent[j]));
            uint64_t dt = ts_now_ns() - t;
            worst_ns = dt > worst_ns ? dt : worst_ns;
            assert_true(ok); /* a reading peer does not overflow */
            sent[j]++;
        }
        if (stuck) {
            /* Paced like the others until the kernel stops taking its
             * bytes (nothing sent for 300 ms): then its queue overflows. */
            uint64_t sent_now = net_conn_bytes_sent(stuck);
            if (sent_now != stuck_sent) {
                stuck_sent = sent_now;
                stuck_moved_ms = ts_now_ms();
            }
            bool stalled = stuck_moved_ms && ts_now_ms() - stuck_moved_ms > 300;
            if (net_conn_queued(stuck) <= 16 * 1024 || stalled) {
                uint64_t t = ts_now_ns();
                bool ok = net_conn_send(stuck, junk, sizeof junk);
                uint64_t dt = ts_now_ns() - t;
                worst_ns = dt > worst_ns ? dt : worst_ns;
                if (ok) {
                    stuck_frames++;
                } else {
                    /* what the host does: drop it, flushing what it can */
                    assert_true(stalled);
                    assert_false(net_conn_failed(stuck));
                    assert_true(net_conn_queued(stuck) > 32 * 1024);
                    fds_before = ts_fd_count();
                    queued_at_drop = net_conn_queued(stuck);
                    net_conn_close(stuck, true);
                    stuck = NULL;
                    dropped_at = ts_now_ms();
                }
            }
        } else {
            after_drop++;
        }
        pump_clients(p, cli, got, 0);
    }
    assert_null(stuck);
    /* the others received every frame, in order, including those sent
     * after the drop */
    until = ts_now_ms() + 10000;
    bool all = false;
    while (!all && ts_now_ms() < until) {
        pump_clients(p, cli, got, 10);
        all = true;
        for (int j = 0; j < GOOD; j++)
            all = all && got[j] == sent[j];
    }
    for (int j = 0; j < GOOD; j++)
        assert_int_equal(got[j], sent[j]);
    /* a non-blocking enqueue; generous for sanitizers on a shared machine */
    assert_true(worst_ns < 200ull * 1000000ull);

    {
        /* Released without its help: while the stalled peer still holds
         * its end and never reads, our socket is closed (one descriptor
         * fewer) and reset once the bounded flush gives up. */
        struct pollfd pf = {raw, 0, 0};
        uint64_t reset_at = 0, closed_at = 0;
        until = ts_now_ms() + 6000;
        while ((!reset_at || !closed_at) && ts_now_ms() < until) {
            if (!closed_at && fds_before >= 0 && ts_fd_count() == fds_before - 1)
                closed_at = ts_now_ms();
            if (!reset_at && poll(&pf, 1, 20) > 0 && (pf.revents & (POLLHUP | POLLERR)))
                reset_at = ts_now_ms();
        }
        if (!reset_at)
            fprintf(stderr, "no reset: socket %s, %llu frames, %zu bytes queued at the drop\n",
                    closed_at ? "closed" : "still open", (unsigned long long)stuck_frames, queued_at_drop);
        assert_true(reset_at != 0);
        if (fds_before >= 0)
            assert_true(closed_at != 0);
        printf("stalled peer: dropped after %llu frames, socket closed and reset %llu ms later; slowest "
               "enqueue %.3f ms\n",
               (unsigned long long)stuck_frames, (unsigned long long)(reset_at - dropped_at),
               (double)worst_ns / 1e6);
    }

    net_poll_destroy(p);
    for (int j = 0; j < GOOD; j++) {
        net_conn_close(to[j], true);
        net_conn_close(cli[j], false);
    }
    net_listener_close(l);
    net_quit();
    /* the I/O thread has ended; the peer still has not read a byte */
    if (t0 >= 0)
        assert_int_equal(ts_thread_count(), t0);
    close(raw);
}

/* Frames of many sizes to a peer with a small window: the kernel takes
 * them in pieces, yet every byte arrives, in order, and a close with flush
 * delivers what was still queued before the end of the stream. */
static void test_pieces_in_order(void **state)
{
    (void)state;
    net_listener *l;
    int raw;
    net_conn *srv = accepted_raw(&l, &raw, 4096, 32u * 1024u * 1024u);

    enum { N = NET_QUEUE_FRAMES - 12 };
    uint8_t *buf = malloc(64 * 1024);
    assert_non_null(buf);
    uint64_t total = 0;
    for (uint32_t s = 0; s < N; s++) {
        size_t len = 8 + (s * 2654435761u) % 60000u;
        assert_true(net_conn_send(srv, buf, make_payload(buf, len, 1, s)));
        total += PROTO_HEADER_LEN + len;
    }
    assert_true(net_conn_queued(srv) > 0); /* more than the kernel takes at once */
    /* most is read with the connection open, the rest after the close */
    size_t cap = 64 * 1024, have = 0, pos = 0;
    uint8_t *in = malloc(cap);
    assert_non_null(in);
    uint32_t next = 0;
    bool eof = false, closed = false;
    uint64_t until = ts_now_ms() + 20000;
    while (!eof && ts_now_ms() < until) {
        if (!closed && next >= (3 * N) / 4) {
            net_conn_close(srv, true);
            closed = true;
        }
        if (cap - have < 16384) {
            memmove(in, in + pos, have - pos);
            have -= pos;
            pos = 0;
        }
        struct pollfd pf = {raw, POLLIN, 0};
        if (poll(&pf, 1, 50) <= 0)
            continue;
        ssize_t n = recv(raw, in + have, cap - have, 0);
        assert_true(n >= 0);
        if (n == 0) {
            eof = true;
            break;
        }
        have += (size_t)n;
        while (have - pos >= PROTO_HEADER_LEN) {
            const uint8_t *h = in + pos;
            size_t len = (size_t)h[0] << 24 | (size_t)h[1] << 16 | (size_t)h[2] << 8 | h[3];
            if (have - pos < PROTO_HEADER_LEN + len)
                break;
            assert_true(next < N);
            assert_true(payload_ok(h + PROTO_HEADER_LEN, len, 1, next));
            next++;
            pos += PROTO_HEADER_LEN + len;
        }
    }
    assert_true(closed);
    assert_true(eof);
    assert_int_equal(next, N);
    assert_int_equal(have - pos, 0);
    printf("%u frames, %llu bytes in order\n", (unsigned)next, (unsigned long long)total);
    free(in);
    free(buf);
    close(raw);
    net_listener_close(l);
    net_quit();
}

/* A peer that went away: the next sends report it instead of queueing. */
static void test_vanished_peer_fails(void **state)
{
    (void)state;
    net_listener *l;
    int raw;
    net_conn *srv = accepted_raw(&l, &raw, 0, 0);
    struct linger lg = {1, 0};
    setsockopt(raw, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    close(raw); /* reset */
    uint8_t buf[FRAME];
    bool refused = false;
    uint64_t until = ts_now_ms() + 5000;
    while (!refused && ts_now_ms() < until) {
        refused = !net_conn_send(srv, buf, make_payload(buf, sizeof buf, 2, 0));
        if (!refused)
            ts_sleep_ms(1);
    }
    assert_true(refused);
    assert_true(net_conn_failed(srv));
    assert_int_equal(net_conn_queued(srv), 0);
    net_conn_close(srv, true);
    net_listener_close(l);
    net_quit();
}

TS_MAIN(ts_ignore_sigpipe, NULL,
        cmocka_unit_test(test_stalled_peer),
        cmocka_unit_test(test_pieces_in_order),
        cmocka_unit_test(test_vanished_peer_fails))
