/*
 * Tests of the host's web server with raw sockets: only the page's own files
 * are served (traversal, encoded dot-dot, symlinks out of the folder), the
 * caps on headers, slow headers and connections per address, the Origin
 * check of /ws, hostile WebSocket frames, and one whole game played by a
 * WebSocket peer through /ws next to three bots.
 */
#include "host/host.h"
#include "host/host_web.h"
#include "platform/plat.h"
#include "proto/proto.h"

#include "ts.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

typedef struct {
    host *h;
    int http;
    char root[256];
} fixture;

static void write_file(const char *dir, const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A host with its web server on a free port, serving a small page folder
 * that holds a symlink pointing out of it. */
static int setup(void **state)
{
    static fixture fx;
    memset(&fx, 0, sizeof fx);
    snprintf(fx.root, sizeof fx.root, "/tmp/samenspel-webtest-%d", (int)getpid());
    mkdir(fx.root, 0700);
    write_file(fx.root, "index.html", "<!doctype html><html><title>t</title></html>\n");
    write_file(fx.root, "i18n.js", "const CATALOGUE = {};\n");
    char link[512];
    snprintf(link, sizeof link, "%s/outside", fx.root);
    unlink(link);
    if (symlink("/etc/hostname", link) != 0)
        return -1;
    for (int attempt = 0; attempt < 40 && !fx.h; attempt++) {
        host_options o;
        host_options_default(&o);
        o.headless = true;
        o.bots = 3;
        o.advance_idle_ms = 60;
        o.seed = 5;
        snprintf(o.code, sizeof o.code, "WEBQ");
        snprintf(o.web_root, sizeof o.web_root, "%s", fx.root);
        unsigned r = (unsigned)plat_now_ns() ^ (unsigned)getpid() * 2654435761u;
        o.port = 20000 + (int)(r % 20000u);
        o.http_port = o.port + 1;
        char err[256];
        host *h = host_create(&o, NULL, NULL, NULL, err, sizeof err);
        if (h && host_web_port(h) > 0) {
            fx.h = h;
            fx.http = host_web_port(h);
        } else if (h) {
            host_destroy(h);
        }
    }
    *state = &fx;
    return fx.h ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    host_destroy(fx->h);
    char p[512];
    snprintf(p, sizeof p, "%s/outside", fx->root);
    unlink(p);
    snprintf(p, sizeof p, "%s/index.html", fx->root);
    unlink(p);
    snprintf(p, sizeof p, "%s/i18n.js", fx->root);
    unlink(p);
    rmdir(fx->root);
    return 0;
}

static int raw_connect(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Pumps the host while waiting up to ms for bytes; appends to buf. Returns
 * bytes read, 0 when the peer closed, -1 on timeout. */
static long pump_read(fixture *fx, int fd, int ms, char *buf, size_t cap, size_t *len)
{
    uint64_t end = plat_now_ms() + (uint64_t)ms;
    while (plat_now_ms() < end) {
        host_pump(fx->h, 0);
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 2) > 0) {
            if (*len >= cap)
                return -1;
            ssize_t n = recv(fd, buf + *len, cap - *len, 0);
            if (n <= 0)
                return 0;
            *len += (size_t)n;
            return n;
        }
    }
    return -1;
}

/* Sends a raw request and returns the status code of the answer (0 when
 * the server closed without one). */
static int http_status(fixture *fx, const char *request, char *body, size_t body_cap)
{
    int fd = raw_connect(fx->http);
    assert_true(fd >= 0);
    assert_true(send(fd, request, strlen(request), MSG_NOSIGNAL) >= 0);
    char buf[16384];
    size_t len = 0;
    while (len < sizeof buf - 1) {
        long n = pump_read(fx, fd, 3000, buf, sizeof buf - 1, &len);
        if (n <= 0)
            break;
        buf[len] = '\0';
        char *hdr_end = strstr(buf, "\r\n\r\n");
        if (hdr_end && strstr(buf, "content-length: ")) {
            long cl = strtol(strstr(buf, "content-length: ") + 16, NULL, 10);
            if ((long)(len - (size_t)(hdr_end + 4 - buf)) >= cl)
                break;
        }
    }
    close(fd);
    buf[len] = '\0';
    if (body)
        snprintf(body, body_cap, "%s", buf);
    int code = 0;
    if (sscanf(buf, "HTTP/1.1 %d", &code) != 1)
        return 0;
    return code;
}

static int get(fixture *fx, const char *path)
{
    char req[2048];
    snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n\r\n", path, fx->http);
    return http_status(fx, req, NULL, 0);
}

static void test_serves_only_own_files(void **state)
{
    fixture *fx = *state;
    char body[16384];
    char req[256];
    snprintf(req, sizeof req, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assert_int_equal(http_status(fx, req, body, sizeof body), 200);
    assert_non_null(strstr(body, "<!doctype html>"));
    assert_non_null(strstr(body, "text/html"));
    assert_int_equal(get(fx, "/i18n.js"), 200);
    static const char *const refused[] = {
        "/../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/x",
        "//etc/passwd", "/outside", "/./outside", "/nothere.html", "/etc/passwd",
        "/index.html%00.png", "/a/../../../etc/passwd", "/\\..\\x", "http://evil.example/",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        int code = get(fx, refused[i]);
        if (code != 404 && code != 400 && code != 403 && code != 0)
            fail_msg("%s answered %d", refused[i], code);
        /* Never the file behind it. */
        assert_int_not_equal(code, 200);
    }
    /* "/a/../index.html" may be normalised to /index.html by the library,
     * which is the app's own file; it must not reach anything else. */
    int code = get(fx, "/a/../outside");
    assert_int_not_equal(code, 200);
}

static void test_methods_and_header_cap(void **state)
{
    fixture *fx = *state;
    char req[256];
    snprintf(req, sizeof req, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
    assert_int_not_equal(http_status(fx, req, NULL, 0), 200);
    /* 8 KiB of headers: far over the 2 KiB cap. */
    static char big[12000];
    int n = snprintf(big, sizeof big, "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: ");
    memset(big + n, 'a', 8192);
    snprintf(big + n + 8192, sizeof big - (size_t)n - 8192, "\r\nConnection: close\r\n\r\n");
    assert_int_not_equal(http_status(fx, big, NULL, 0), 200);
    /* The server still answers afterwards. */
    assert_int_equal(get(fx, "/"), 200);
}

static void test_slow_headers_closed(void **state)
{
    fixture *fx = *state;
    int fd = raw_connect(fx->http);
    assert_true(fd >= 0);
    assert_true(send(fd, "GET / HTTP/1.1\r\nHo", 18, MSG_NOSIGNAL) > 0);
    char buf[512];
    size_t len = 0;
    uint64_t t0 = plat_now_ms();
    long r;
    do
        r = pump_read(fx, fd, 12000, buf, sizeof buf, &len);
    while (r > 0);
    assert_int_equal(r, 0); /* closed by the server, not our timeout */
    uint64_t took = plat_now_ms() - t0;
    assert_true(took < 11000);
    close(fd);
}

static void test_connections_per_address(void **state)
{
    fixture *fx = *state;
    int fds[24];
    for (int i = 0; i < 24; i++) {
        fds[i] = raw_connect(fx->http);
        assert_true(fds[i] >= 0);
        for (int k = 0; k < 5; k++)
            host_pump(fx->h, 1);
    }
    int closed = 0;
    for (int i = 0; i < 24; i++) {
        char b[16];
        size_t len = 0;
        if (pump_read(fx, fds[i], 30, b, sizeof b, &len) == 0)
            closed++;
    }
    assert_true(closed >= 24 - 16);
    for (int i = 0; i < 24; i++)
        close(fds[i]);
    for (int k = 0; k < 50; k++)
        host_pump(fx->h, 1);
    assert_int_equal(get(fx, "/"), 200);
}

/* ------------------------------------------------------------ WebSocket */

static int ws_open(fixture *fx, const char *origin)
{
    int fd = raw_connect(fx->http);
    assert_true(fd >= 0);
    assert_true(ts_ws_request(fd, fx->http, origin));
    char buf[2048] = "";
    size_t len = 0;
    while (!strstr(buf, "\r\n\r\n")) {
        buf[len] = '\0';
        if (strstr(buf, "\r\n\r\n"))
            break;
        if (pump_read(fx, fd, 3000, buf, sizeof buf - 1, &len) <= 0)
            break;
        buf[len] = '\0';
    }
    return ts_ws_accepted(fd, buf);
}


/* Sends one protocol frame (length header + payload) as one masked binary message. */
static void ws_send_frame(int fd, const uint8_t *payload, size_t len)
{
    uint8_t *m = malloc(len + 4);
    proto_frame_header(m, (uint32_t)len);
    memcpy(m + 4, payload, len);
    ts_ws_send(fd, 2, true, true, m, len + 4);
    free(m);
}

typedef struct {
    uint8_t buf[1 << 20];
    size_t len;
} ws_in;

/* Next complete binary message (unfragmented, as the server sends them).
 * 1 = message in out/out_len, 0 = closed, -1 = timeout. */
static int ws_next(fixture *fx, int fd, ws_in *in, int ms, uint8_t **out, size_t *out_len)
{
    static uint8_t msg[1 << 19];
    uint64_t end = plat_now_ms() + (uint64_t)ms;
    for (;;) {
        if (in->len >= 2) {
            size_t h = 2;
            uint64_t l = in->buf[1] & 0x7f;
            if (l == 126 && in->len >= 4) {
                l = (uint64_t)in->buf[2] << 8 | in->buf[3];
                h = 4;
            } else if (l == 127 && in->len >= 10) {
                l = 0;
                for (int i = 0; i < 8; i++)
                    l = l << 8 | in->buf[2 + i];
                h = 10;
            } else if (l >= 126) {
                h = 0;
            }
            if (h && in->len >= h + l) {
                int op = in->buf[0] & 0x0f;
                memcpy(msg, in->buf + h, (size_t)l);
                memmove(in->buf, in->buf + h + l, in->len - h - (size_t)l);
                in->len -= h + (size_t)l;
                if (op == 8)
                    return 0;
                if (op == 2) {
                    *out = msg;
                    *out_len = (size_t)l;
                    return 1;
                }
                continue;
            }
        }
        if (plat_now_ms() >= end)
            return -1;
        long r = pump_read(fx, fd, (int)(end - plat_now_ms()), (char *)in->buf, sizeof in->buf, &in->len);
        if (r == 0)
            return 0;
    }
}

static size_t hello(uint8_t *buf, size_t cap, const char *code, const char *name, bool observe)
{
    proto_hello m;
    ts_hello_init(&m, "test_web", code, name);
    m.observe = observe;
    return proto_encode_hello(buf, cap, &m);
}

/* A new WebSocket peer of the page (no Origin header), with in ready to
 * read what comes. */
static int ws_fresh(fixture *fx, ws_in *in)
{
    memset(in, 0, sizeof *in);
    int fd = ws_open(fx, NULL);
    assert_true(fd >= 0);
    return fd;
}

static void test_origin_checked(void **state)
{
    fixture *fx = *state;
    char own[128];
    snprintf(own, sizeof own, "http://127.0.0.1:%d", fx->http);
    int fd = ws_open(fx, "http://evil.example");
    assert_int_equal(fd, -1);
    fd = ws_open(fx, own);
    assert_true(fd >= 0);
    close(fd);
}

/* ws_fresh that has sent its HELLO (as an observer when observe). */
static int ws_join(fixture *fx, ws_in *in, const char *code, const char *name, bool observe)
{
    int fd = ws_fresh(fx, in);
    uint8_t out[512];
    ws_send_frame(fd, out, hello(out, sizeof out, code, name, observe));
    return fd;
}

/* Each hostile frame closes that connection; the host goes on serving. */
static void test_hostile_frames(void **state)
{
    fixture *fx = *state;
    static ws_in in;
    uint8_t hb[256];
    size_t hn = hello(hb, sizeof hb, "WEBQ", "Eve", false);
    uint8_t *msg;
    size_t mlen;
    for (int kind = 0; kind < 5; kind++) {
        int fd = ws_fresh(fx, &in);
        uint8_t framed[300];
        proto_frame_header(framed, (uint32_t)hn);
        memcpy(framed + 4, hb, hn);
        static uint8_t big[70000];
        switch (kind) {
        case 0: ts_ws_send(fd, 2, true, false, framed, hn + 4); break;          /* unmasked */
        case 1: ts_ws_send(fd, 2, true, true, big, sizeof big); break;          /* oversized */
        case 2: ts_ws_send(fd, 1, true, true, (const uint8_t *)"hello", 5); break; /* text */
        case 3: framed[3] ^= 1; ts_ws_send(fd, 2, true, true, framed, hn + 4); break; /* length lies */
        case 4: ts_ws_send(fd, 2, true, true, (const uint8_t *)"\x00\x00", 2); break; /* garbage */
        }
        int r;
        do
            r = ws_next(fx, fd, &in, 3000, &msg, &mlen);
        while (r == 1);
        if (r != 0)
            fail_msg("hostile frame %d did not close the connection", kind);
        close(fd);
    }
    /* A fragmented but valid frame is one message: accepted. */
    int fd = ws_fresh(fx, &in);
    uint8_t framed[300];
    proto_frame_header(framed, (uint32_t)hn);
    memcpy(framed + 4, hb, hn);
    ts_ws_send(fd, 2, false, true, framed, 6);
    ts_ws_send(fd, 0, true, true, framed + 6, hn + 4 - 6);
    /* The room is full of bots plus a seat: WELCOME, or REJECT FULL once the
     * game test took the seat; either is a frame of the protocol. */
    assert_int_equal(ws_next(fx, fd, &in, 3000, &msg, &mlen), 1);
    assert_true(mlen > 5);
    assert_true(msg[4] == PROTO_MSG_WELCOME || msg[4] == PROTO_MSG_REJECT);
    close(fd);
    assert_int_equal(get(fx, "/"), 200);
}

/* A wrong code is refused with REJECT 2 through /ws, like over TCP. */
static void test_wrong_code(void **state)
{
    fixture *fx = *state;
    static ws_in in;
    int fd = ws_join(fx, &in, "ZZZZ", "Wim", false);
    uint8_t *msg;
    size_t mlen;
    assert_int_equal(ws_next(fx, fd, &in, 3000, &msg, &mlen), 1);
    assert_int_equal(msg[4], PROTO_MSG_REJECT);
    proto_reject rj;
    const char *why;
    assert_true(proto_decode_reject(msg + 4, mlen - 4, &rj, &why));
    assert_int_equal(rj.code, PROTO_REJ_WRONG_CODE);
    close(fd);
}

/* An observer's stream holds no private data: every UPDATE is the public
 * view, and no dossier fact's text is in its bytes before it is shared
 * (nothing is shared in the lobby). */
static void test_observer_sees_no_private_data(void **state)
{
    fixture *fx = *state;
    static ws_in in;
    int fd = ws_join(fx, &in, "WEBQ", "Obs", true);
    static uint8_t all[1 << 20];
    size_t n_all = 0;
    int updates = 0;
    uint8_t *msg;
    size_t mlen;
    uint64_t end = plat_now_ms() + 1500;
    while (plat_now_ms() < end) {
        int r = ws_next(fx, fd, &in, 100, &msg, &mlen);
        if (r == 0)
            break;
        if (r < 0)
            continue;
        if (n_all + mlen < sizeof all) {
            memcpy(all + n_all, msg, mlen);
            n_all += mlen;
        }
        if (msg[4] == PROTO_MSG_UPDATE) {
            static proto_update up;
            const char *why;
            assert_true(proto_decode_update(msg + 4, mlen - 4, &up, &why));
            assert_int_equal(up.view_kind, 0);
            updates++;
        }
    }
    close(fd);
    assert_true(updates > 0);
    const core_scenario *sc = host_scenario(fx->h);
    assert_true(sc->n_facts > 0);
    for (int f = 0; f < sc->n_facts; f++) {
        size_t tl = strlen(sc->facts[f].text);
        for (size_t i = 0; tl > 8 && i + tl <= n_all; i++)
            if (memcmp(all + i, sc->facts[f].text, tl) == 0)
                fail_msg("the observer received the text of fact %s", sc->facts[f].id);
    }
}

/* One seat played through /ws from HELLO to the end of the game. */
static void test_plays_a_game(void **state)
{
    fixture *fx = *state;
    static ws_in in;
    int fd = ws_join(fx, &in, "WEBQ", "Web", false);
    uint8_t out[4096];
    static core_scenario sc;
    static proto_update up;
    uint8_t *msg;
    size_t mlen;
    const char *why = "";
    bool welcomed = false, ended = false;
    int seat = -1, actions = 0, accepted = 0;
    uint32_t seq = 1, tick = 0;
    uint64_t last_ping = 0;
    uint64_t end = plat_now_ms() + 45000;
    while (!ended && plat_now_ms() < end) {
        int r = ws_next(fx, fd, &in, 200, &msg, &mlen);
        if (plat_now_ms() - last_ping > 500) {
            last_ping = plat_now_ms();
            proto_ping pg = {last_ping, tick};
            ws_send_frame(fd, out, proto_encode_ping(out, sizeof out, PROTO_MSG_PING, &pg));
        }
        if (r == 0)
            fail_msg("the host closed the WebSocket peer");
        if (r < 0)
            continue;
        const uint8_t *pl = msg + 4;
        size_t len = mlen - 4;
        switch (pl[0]) {
        case PROTO_MSG_WELCOME: {
            proto_welcome w;
            if (!proto_decode_welcome(pl, len, &w, &sc, &why))
                fail_msg("WELCOME through /ws does not decode: %s", why);
            seat = w.seat;
            welcomed = true;
            break;
        }
        case PROTO_MSG_RESULT: {
            proto_result rs;
            assert_true(proto_decode_result(pl, len, &rs, &why));
            accepted += rs.result == CORE_OK;
            break;
        }
        case PROTO_MSG_PING: {
            proto_ping pg;
            assert_true(proto_decode_ping(pl, len, PROTO_MSG_PING, &pg, &why));
            pg.ack_tick = tick;
            ws_send_frame(fd, out, proto_encode_ping(out, sizeof out, PROTO_MSG_PONG, &pg));
            break;
        }
        case PROTO_MSG_UPDATE: {
            if (!proto_decode_update(pl, len, &up, &why))
                fail_msg("UPDATE through /ws does not decode: %s", why);
            tick = up.tick;
            const core_public_view *p = up.view_kind == 0 ? NULL : &up.view.pub;
            if (!p)
                break;
            if (p->outcome != CORE_OUTCOME_ONGOING || p->phase == CORE_PHASE_END) {
                ended = true;
                break;
            }
            proto_action pa;
            core_action *a = &pa.action;
            memset(&pa, 0, sizeof pa);
            pa.seq = seq++;
            a->a = a->b = a->c = -1;
            if (p->phase == CORE_PHASE_REFLECTIE && up.view.reflection_option < 0) {
                a->type = CORE_ACT_REFLECT;
                a->a = 0;
            } else if (p->phase == CORE_PHASE_INZET && up.view.commit_n == 0 && up.view.hand_n > 0 &&
                       !up.view.ready) {
                a->type = CORE_ACT_COMMIT;
                a->a = 0;
                a->b = 0;
                a->c = 0;
                for (int i = 0; i < p->n_needs; i++)
                    if (!p->need_met[i]) {
                        a->c = i;
                        break;
                    }
            } else if ((p->phase == CORE_PHASE_IDENTITEIT || p->phase == CORE_PHASE_OVERLEG ||
                        p->phase == CORE_PHASE_INZET || p->phase == CORE_PHASE_SIGNAAL) &&
                       !up.view.ready) {
                a->type = CORE_ACT_READY;
            } else {
                break;
            }
            ws_send_frame(fd, out, proto_encode_action(out, sizeof out, &pa));
            actions++;
            break;
        }
        default:
            break;
        }
    }
    close(fd);
    assert_true(welcomed);
    assert_true(seat >= 0);
    assert_true(ended);
    assert_true(host_finished(fx->h) || host_state(fx->h)->outcome != CORE_OUTCOME_ONGOING);
    assert_true(accepted > 5);
    printf("game through /ws: %d actions sent, %d accepted\n", actions, accepted);
}

/* The trainer menu's list of the machine's other addresses: each with the
 * browser port, never the address the URL already shows, cut at a whole
 * entry when it does not fit. */
static void test_other_addresses(void **state)
{
    fixture *fx = *state;
    net_if_addr a[3];
    memset(a, 0, sizeof a);
    a[0].addr = 0xAC110001u; /* 172.17.0.1 */
    a[1].addr = 0x0A2A0001u; /* 10.42.0.1 */
    a[2].addr = 0xC0A80114u; /* 192.168.1.20 */
    char out[HOST_OTHERS_LEN];
    host_web_others(out, sizeof out, a, 2, 47880);
    assert_string_equal(out, "172.17.0.1:47880, 10.42.0.1:47880");
    host_web_others(out, sizeof out, a, 0, 47880);
    assert_string_equal(out, "");
    char small[30];
    host_web_others(small, sizeof small, a, 3, 47880);
    assert_string_equal(small, "172.17.0.1:47880");
    /* the running host: the URL's address is not among the others */
    char ip[64];
    snprintf(ip, sizeof ip, "%s", host_lan_address(fx->h));
    *strchr(ip, ':') = '\0';
    char port[16];
    snprintf(port, sizeof port, ":%d", fx->http);
    const char *others = host_other_addresses(fx->h);
    if (others[0]) {
        char needle[80];
        snprintf(needle, sizeof needle, "%s:", ip);
        assert_true(strncmp(others, needle, strlen(needle)) != 0);
        snprintf(needle, sizeof needle, ", %s:", ip);
        assert_null(strstr(others, needle));
        assert_non_null(strstr(others, port));
    }
    assert_non_null(strstr(host_join_url(fx->h), ip));
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_serves_only_own_files),
        cmocka_unit_test(test_other_addresses),
        cmocka_unit_test(test_methods_and_header_cap),
        cmocka_unit_test(test_connections_per_address),
        cmocka_unit_test(test_origin_checked),
        cmocka_unit_test(test_wrong_code),
        cmocka_unit_test(test_observer_sees_no_private_data),
        cmocka_unit_test(test_plays_a_game),
        cmocka_unit_test(test_hostile_frames),
        cmocka_unit_test(test_slow_headers_closed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
