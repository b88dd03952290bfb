/*
 * LAN play on loopback, in one process: a headless host and bot clients
 * play a game to its end; refusals carry their reasons; malformed peers and
 * peers that never read are dropped while the others play on; an observer
 * never receives a byte of private data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "ts_main.h"

#include "net_fixture.h"

#define GAME_TIMEOUT_MS 60000

static void base_opts(host_options *o)
{
    fx_host_opts(o, "TEST", 4242);
    /* Some tests seat raw peers that never act: the host must move quiet
     * phases on quickly (the headless default is a slow safety net). */
    o->advance_idle_ms = 250;
}

/* A host that waits in the lobby for the test (a trainer starts it). */
static host *lobby_host(host_options *o)
{
    base_opts(o);
    o->headless = false;
    return fx_host(o);
}

/* A headless host and one bot client per seat play a whole game. */
static void test_full_game_four_clients(void **state)
{
    (void)state;
    host_options o;
    base_opts(&o);
    host *h = fx_host(&o);
    assert_non_null(h);
    int n = host_seat_count(h);
    assert_true(n >= 3 && n <= CORE_MAX_SEATS);
    fx_bot bots[CORE_MAX_SEATS];
    for (int i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "speler%d", i + 1);
        assert_true(fx_bot_join(&bots[i], h, name, CORE_BOT_TEAM, (uint64_t)i + 1));
    }
    uint64_t until = plat_now_ms() + GAME_TIMEOUT_MS;
    bool all_ended = false;
    while (!all_ended && plat_now_ms() < until) {
        host_pump(h, 1);
        all_ended = true;
        for (int i = 0; i < n; i++) {
            fx_bot_step(&bots[i]);
            all_ended = all_ended && bots[i].ended;
        }
    }
    assert_true(host_finished(h));
    assert_true(all_ended);
    const core_state *st = host_state(h);
    assert_true(st->round >= 1);
    for (int i = 0; i < n; i++) {
        /* each client ends with the same public outcome as the host */
        const core_public_view *pv = cli_public_view(bots[i].c);
        assert_non_null(pv);
        assert_int_equal(pv->outcome, st->outcome);
        assert_int_equal(pv->round, st->round);
        assert_true(cli_seat(bots[i].c) >= 0);
        /* scripted events arrived once their round came, with their text */
        const core_scenario *hs = host_scenario(h), *cs = cli_scenario(bots[i].c);
        for (int e = 0; e < hs->n_events; e++)
            if (hs->events[e].round <= st->round)
                assert_string_equal(cs->events[e].text, hs->events[e].text);
        cli_destroy(bots[i].c);
    }
    /* one broadcast per tick, not per action: fewer views than actions */
    printf("game: %llu actions, %llu views at client 1\n", (unsigned long long)host_actions_accepted(h),
           (unsigned long long)bots[0].views);
    host_destroy(h);
}

static proto_reject read_reject(int fd, host *h)
{
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    bool closed = false;
    proto_reject r;
    memset(&r, 0, sizeof r);
    r.code = PROTO_REJ_NONE;
    uint64_t until = plat_now_ms() + 3000;
    while (plat_now_ms() < until && !closed)
        fx_raw_read(fd, h, 50, &buf, &len, &cap, &closed);
    const uint8_t *pl;
    size_t plen, used;
    size_t off = 0;
    while (proto_frame_next(buf + off, len - off, PROTO_MAX_FRAME, &pl, &plen, &used) == PROTO_FRAME_OK) {
        if (proto_payload_type(pl, plen) == PROTO_MSG_REJECT)
            assert_true(proto_decode_reject(pl, plen, &r, NULL));
        off += used;
    }
    assert_true(closed); /* the host closes after a reject */
    free(buf);
    return r;
}

/* Wrong code, wrong version and a kicked token: refused with reasons. */
static void test_refusals(void **state)
{
    (void)state;
    host_options o;
    base_opts(&o);
    o.headless = false; /* do not start: we only need the lobby */
    host *h = fx_host(&o);
    assert_non_null(h);
    uint8_t buf[512];

    int fd = ts_connect(host_port(h), 0);
    assert_true(fd >= 0);
    assert_true(ts_send_frame(fd, buf, fx_hello(buf, sizeof buf, "ZZZZ", "x", false, NULL, PROTO_VERSION)));
    proto_reject r = read_reject(fd, h);
    close(fd);
    assert_int_equal(r.code, PROTO_REJ_WRONG_CODE);
    assert_non_null(strstr(r.text, "spelcode"));

    fd = ts_connect(host_port(h), 0);
    assert_true(ts_send_frame(fd, buf, fx_hello(buf, sizeof buf, "TEST", "x", false, NULL, 99)));
    r = read_reject(fd, h);
    close(fd);
    assert_int_equal(r.code, PROTO_REJ_VERSION);
    assert_non_null(strstr(r.text, "versie"));
    assert_non_null(strstr(r.text, "99"));

    /* a player joins, the trainer kicks the seat, the token is refused */
    cli_options co;
    fx_opts(&co, h, "Jonas");
    fx_bot b;
    assert_true(fx_bot_start(&b, &co, CORE_BOT_TEAM, 1));
    b.act = false;
    uint64_t until = plat_now_ms() + 5000;
    while (cli_status_get(b.c) != CLI_STATUS_CONNECTED && plat_now_ms() < until) {
        host_pump(h, 1);
        fx_bot_step(&b);
    }
    assert_int_equal(cli_status_get(b.c), CLI_STATUS_CONNECTED);
    int seat = cli_seat(b.c);
    assert_true(seat >= 0);
    host_seat_info info;
    assert_true(host_seat_info_get(h, seat, &info));
    assert_string_equal(info.name, "Jonas");
    assert_true(host_kick_seat(h, seat));
    until = plat_now_ms() + 5000;
    while (cli_status_get(b.c) == CLI_STATUS_CONNECTED && plat_now_ms() < until) {
        host_pump(h, 1);
        fx_bot_step(&b);
    }
    assert_int_equal(cli_status_get(b.c), CLI_STATUS_REJECTED);
    assert_int_equal(cli_reject_code(b.c), CLI_REJ_KICKED);
    uint8_t token[PROTO_TOKEN_LEN];
    assert_true(cli_token_get(b.c, token));
    cli_destroy(b.c);
    /* a rejoin with the kicked token is refused from now on */
    fd = ts_connect(host_port(h), 0);
    assert_true(ts_send_frame(fd, buf, fx_hello(buf, sizeof buf, "TEST", "Jonas", false, token, PROTO_VERSION)));
    r = read_reject(fd, h);
    close(fd);
    assert_int_equal(r.code, PROTO_REJ_KICKED);
    assert_non_null(strstr(r.text, "verwijderd"));
    assert_true(fx_log_has(h, "wie eraf gezet is, mag niet terug"));
    host_destroy(h);
}


static void raw_ping(int fd)
{
    uint8_t buf[16];
    proto_ping p = {plat_now_ms(), 0};
    ts_send_frame(fd, buf, proto_encode_ping(buf, sizeof buf, PROTO_MSG_PING, &p));
}

typedef struct {
    int fd;
    uint8_t *buf;
    size_t len, cap, off;
    bool closed;
    int role;                  /* -1: observer */
    int frames, updates, checks;
} raw_peer;

/* Checks every complete frame a raw peer received: no unshared dossier text
 * of any role but its own; observers get public views only, players only
 * their own seat's view. */
static void scan_frames(raw_peer *r, host *h, core_scenario *seen, proto_update *u, bool observer)
{
    const core_scenario *sc = host_scenario(h);
    const uint8_t *pl;
    size_t plen, used;
    while (proto_frame_next(r->buf + r->off, r->len - r->off, PROTO_MAX_FRAME, &pl, &plen, &used) ==
           PROTO_FRAME_OK) {
        r->frames++;
        int type = proto_payload_type(pl, plen);
        if (type == PROTO_MSG_WELCOME) {
            proto_welcome w;
            assert_true(proto_decode_welcome(pl, plen, &w, seen, NULL));
            if (observer) {
                assert_int_equal(w.seat, -1);
                for (int t = 0; t < PROTO_TOKEN_LEN; t++)
                    assert_int_equal(w.token[t], 0);
            } else {
                assert_true(w.seat >= 0);
                r->role = sc->seat_roles[w.seat];
            }
        }
        /* sharing only grows: a fact unshared now was unshared when this
         * frame was sent, so its text must not be in it */
        const core_state *st = host_state(h);
        for (int f = 0; f < sc->n_facts; f++) {
            size_t tl = strlen(sc->facts[f].text);
            if (st->fact_shared[f] || tl < 8 || sc->facts[f].role == r->role)
                continue;
            r->checks++;
            for (size_t k = 0; k + tl <= plen; k++)
                assert_false(memcmp(pl + k, sc->facts[f].text, tl) == 0);
        }
        if (type == PROTO_MSG_UPDATE) {
            assert_true(proto_decode_update(pl, plen, u, NULL));
            /* observers: never a seat view (no hand, no dossier);
             * players: only their own seat */
            assert_int_equal(u->view_kind, observer ? 0 : 1);
            if (!observer)
                assert_int_equal(sc->seat_roles[u->view.seat], r->role);
            r->updates++;
        }
        r->off += used;
    }
}

/* The received bytes of an observer contain no private data of any seat,
 * and a player's none of another role's unshared dossier. */
static void test_observer_sees_no_private_data(void **state)
{
    (void)state;
    host_options o;
    base_opts(&o);
    /* one bot client, one silent raw player, the rest in-process bots */
    host *h = fx_host_open_seats(&o, 2);
    assert_non_null(h);

    raw_peer peers[2];
    memset(peers, 0, sizeof peers);
    uint8_t hb[512];
    for (int i = 0; i < 2; i++) {
        peers[i].role = -1;
        peers[i].fd = ts_connect(host_port(h), 0);
        assert_true(peers[i].fd >= 0);
        assert_true(ts_send_frame(peers[i].fd, hb,
                                      fx_hello(hb, sizeof hb, "TEST", i ? "stil" : "kijker", i == 0, NULL,
                                               PROTO_VERSION)));
        fx_raw_read(peers[i].fd, h, 300, &peers[i].buf, &peers[i].len, &peers[i].cap, &peers[i].closed);
        assert_true(peers[i].len > 0);
    }
    assert_int_equal(host_observer_count(h), 1);

    /* someone reading the roles before choosing one is not an audience */
    cli_options co;
    fx_opts(&co, h, "Bo");
    co.observe = co.browse = true;
    fx_bot look;
    assert_true(fx_bot_start(&look, &co, CORE_BOT_TEAM, 2));
    look.act = false;
    uint64_t wait_until = plat_now_ms() + 3000;
    while (!fx_log_has(h, "bekijkt de rollen") && plat_now_ms() < wait_until) {
        host_pump(h, 1);
        fx_bot_step(&look);
    }
    assert_true(fx_log_has(h, "bekijkt de rollen"));
    assert_int_equal(host_observer_count(h), 1);
    cli_destroy(look.c);

    fx_opts(&co, h, "Ada");
    fx_bot b;
    assert_true(fx_bot_start(&b, &co, CORE_BOT_TEAM, 3));
    core_scenario *seen = calloc(1, sizeof *seen);
    proto_update *u = calloc(1, sizeof *u);
    uint64_t until = plat_now_ms() + GAME_TIMEOUT_MS, last_ping = 0;
    while (!b.ended && plat_now_ms() < until && !peers[0].closed && !peers[1].closed) {
        host_pump(h, 1);
        fx_bot_step(&b);
        bool ping = plat_now_ms() - last_ping > 500;
        if (ping)
            last_ping = plat_now_ms();
        for (int i = 0; i < 2; i++) {
            if (ping)
                raw_ping(peers[i].fd);
            fx_raw_read(peers[i].fd, NULL, 0, &peers[i].buf, &peers[i].len, &peers[i].cap, &peers[i].closed);
            scan_frames(&peers[i], h, seen, u, i == 0);
        }
    }
    assert_true(b.ended);
    for (int i = 0; i < 2; i++) {
        assert_true(peers[i].updates > 0);
        assert_true(peers[i].checks > 0);
        printf("%s: %d frames, %zu bytes, %d fact checks\n", i ? "player" : "observer", peers[i].frames,
               peers[i].len, peers[i].checks);
        free(peers[i].buf);
        close(peers[i].fd);
    }
    assert_true(peers[1].role >= 0);
    free(seen);
    free(u);
    cli_destroy(b.c);
    host_destroy(h);
}

/* Connects while the host keeps accepting (SDL2_net's backlog is 5). */
static int connect_pumped(host *h)
{
    int fd = ts_connect(host_port(h), 0);
    for (int i = 0; i < 5; i++)
        host_pump(h, 1);
    return fd;
}

/* Garbage, oversized length, empty frame, truncated message, trailing
 * bytes, a message before HELLO: each drops only its sender while a
 * bot client plays the game to its end. */
static void test_malformed_peers_dropped(void **state)
{
    (void)state;
    host_options o;
    base_opts(&o);
    o.headless = false; /* we start by hand after the attacks */
    o.advance_idle_ms = 250; /* no trainer: the host advances quiet phases */
    host *h = fx_host_open_seats(&o, 1);
    assert_non_null(h);
    cli_options co;
    fx_opts(&co, h, "Bo");
    fx_bot b;
    assert_true(fx_bot_start(&b, &co, CORE_BOT_TEAM, 5));
    assert_true(fx_wait_connected(h, &b, 5000));

    enum { N_ATTACKS = 8 };
    int fds[N_ATTACKS];
    uint8_t buf[600];
    size_t hn;
    /* 0: garbage (an HTTP request: its "length" is far too large) */
    fds[0] = connect_pumped(h);
    send(fds[0], "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 27, MSG_NOSIGNAL);
    /* 1: an oversized length header */
    fds[1] = connect_pumped(h);
    proto_frame_header(buf, 0x00100000u);
    send(fds[1], buf, 4, MSG_NOSIGNAL);
    /* 2: an empty frame */
    fds[2] = connect_pumped(h);
    proto_frame_header(buf, 0);
    send(fds[2], buf, 4, MSG_NOSIGNAL);
    /* 3: a truncated HELLO inside a well-formed frame */
    fds[3] = connect_pumped(h);
    hn = fx_hello(buf, sizeof buf, "TEST", "t", false, NULL, PROTO_VERSION);
    ts_send_frame(fds[3], buf, hn - 3);
    /* 4: a HELLO with a trailing byte */
    fds[4] = connect_pumped(h);
    hn = fx_hello(buf, sizeof buf, "TEST", "t", false, NULL, PROTO_VERSION);
    buf[hn] = 0x2A;
    ts_send_frame(fds[4], buf, hn + 1);
    /* 5: an ACTION before any HELLO */
    fds[5] = connect_pumped(h);
    proto_action act;
    memset(&act, 0, sizeof act);
    act.action.type = CORE_ACT_READY;
    ts_send_frame(fds[5], buf, proto_encode_action(buf, sizeof buf, &act));
    /* 6: a valid observer that then sends an ACTION with trailing bytes */
    fds[6] = connect_pumped(h);
    ts_send_frame(fds[6], buf, fx_hello(buf, sizeof buf, "TEST", "k", true, NULL, PROTO_VERSION));
    /* 7: a valid observer that floods the host with 400 PINGs at once */
    fds[7] = connect_pumped(h);
    ts_send_frame(fds[7], buf, fx_hello(buf, sizeof buf, "TEST", "f", true, NULL, PROTO_VERSION));
    for (int i = 0; i < 10; i++)
        host_pump(h, 1);
    for (int k = 0; k < 400; k++)
        raw_ping(fds[7]);
    for (int i = 0; i < N_ATTACKS; i++)
        assert_true(fds[i] >= 0);
    uint8_t *rb = NULL;
    size_t rl = 0, rc = 0;
    bool closed = false;
    fx_raw_read(fds[6], h, 200, &rb, &rl, &rc, &closed);
    assert_false(closed);
    size_t an = proto_encode_action(buf, sizeof buf, &act);
    buf[an] = 0;
    ts_send_frame(fds[6], buf, an + 1);

    /* every attacker is closed by the host within 2 s */
    for (int i = 0; i < N_ATTACKS; i++) {
        closed = false;
        uint64_t until = plat_now_ms() + 2000;
        while (!closed && plat_now_ms() < until) {
            fx_bot_step(&b);
            fx_raw_read(fds[i], h, 20, &rb, &rl, &rc, &closed);
        }
        if (!closed)
            fprintf(stderr, "attacker %d still connected\n", i);
        assert_true(closed);
        close(fds[i]);
    }
    free(rb);
    assert_true(fx_log_has(h, "frame too large"));
    assert_true(fx_log_has(h, "empty frame"));
    assert_true(fx_log_has(h, "message truncated"));
    assert_true(fx_log_has(h, "trailing bytes"));
    assert_true(fx_log_has(h, "before HELLO"));
    assert_true(fx_log_has(h, "malformed ACTION"));
    assert_true(fx_log_has(h, "te veel berichten"));
    /* the honest player is still seated and plays the game to its end */
    assert_int_equal(cli_status_get(b.c), CLI_STATUS_CONNECTED);
    char err[128];
    assert_true(host_start(h, err, sizeof err));
    assert_true(fx_play_out(h, &b, 1, GAME_TIMEOUT_MS));
    assert_true(host_finished(h));
    cli_destroy(b.c);
    host_destroy(h);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* A peer that never reads is dropped ("not reading") and the
 * others keep their latency. */
static void test_slow_reader_dropped(void **state)
{
    (void)state;
    host_options o;
    base_opts(&o);
    o.queue_bytes = 256 * 1024;
    host *h = fx_host_open_seats(&o, 1);
    assert_non_null(h);
    /* the stalled observer: a tiny receive buffer and it never reads */
    int fd = ts_connect(host_port(h), 2048);
    assert_true(fd >= 0);
    uint8_t hb[512];
    ts_send_frame(fd, hb, fx_hello(hb, sizeof hb, "TEST", "traag", true, NULL, PROTO_VERSION));
    for (int i = 0; i < 50; i++)
        host_pump(h, 2);
    assert_int_equal(host_observer_count(h), 1);

    cli_options co;
    fx_opts(&co, h, "Lina");
    fx_bot b;
    assert_true(fx_bot_start(&b, &co, CORE_BOT_TEAM, 9));
    uint64_t until = plat_now_ms() + GAME_TIMEOUT_MS, last_ping = 0;
    int games = 0;
    while (host_observer_count(h) > 0 && plat_now_ms() < until) {
        host_pump(h, 1);
        fx_bot_step(&b);
        if (plat_now_ms() - last_ping > 500) {
            raw_ping(fd); /* alive, just not reading */
            last_ping = plat_now_ms();
        }
        if (b.ended) {
            /* more traffic: another game with the same seats */
            char err[128];
            assert_true(host_restart(h, err, sizeof err));
            b.ended = false;
            games++;
        }
    }
    if (host_observer_count(h) != 0)
        fprintf(stderr, "still connected after %d games, %llu bytes sent by the host\n", games,
                (unsigned long long)host_bytes_sent(h));
    assert_int_equal(host_observer_count(h), 0);
    assert_true(fx_log_has(h, "leest niet"));
    int before = b.n_lat;
    /* the reading player goes on; its latency is what it was */
    assert_true(fx_play_out(h, &b, 1, GAME_TIMEOUT_MS) || b.n_lat - before > 20);
    assert_true(b.n_lat > 20);
    qsort(b.lat_ns, (size_t)b.n_lat, sizeof b.lat_ns[0], cmp_u64);
    double p50 = (double)b.lat_ns[b.n_lat / 2] / 1e6;
    double p99 = (double)b.lat_ns[(b.n_lat * 99) / 100] / 1e6;
    printf("slow reader dropped after %d restarts; player latency p50 %.2f ms p99 %.2f ms (%d samples)\n", games,
           p50, p99, b.n_lat);
    /* generous bound: sanitizers and a shared 2-core machine */
    assert_true(p99 < 100.0);
    close(fd);
    cli_destroy(b.c);
    host_destroy(h);
}


static bool write_file(const char *path, const char *data, size_t len)
{
    /* write a new file and rename it over the old one, as editors do */
    char tmp[700];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if (n < 0 || (size_t)n >= sizeof tmp)
        return false;
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return false;
    fwrite(data, 1, len, f);
    fclose(f);
    return rename(tmp, path) == 0;
}

/* --watch: a saved level reaches the lobby and every client; a broken save
 * keeps the last good level. */
static void test_watch_reloads_level_in_lobby(void **state)
{
    (void)state;
    char src[PLAT_PATH_MAX];
    assert_true(plat_data_path("levels/noor.yaml", src, sizeof src));
    char err[256];
    size_t len = 0;
    char *text = plat_read_file(src, 1 << 20, &len, err, sizeof err);
    assert_non_null(text);
    char tmpl[] = "/tmp/samenspel-watch-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    char path[600];
    snprintf(path, sizeof path, "%s/noor.yaml", dir);
    assert_true(write_file(path, text, len));

    host_options o;
    base_opts(&o);
    o.headless = false;
    o.watch = true;
    snprintf(o.level_path, sizeof o.level_path, "%s", path);
    host *h = fx_host(&o);
    assert_non_null(h);
    cli_options co;
    fx_opts(&co, h, "Wout");
    fx_bot b;
    assert_true(fx_bot_start(&b, &co, CORE_BOT_TEAM, 2));
    b.act = false;
    assert_true(fx_wait_connected(h, &b, 5000));
    int seat = cli_seat(b.c);

    /* the trainer saves a new title */
    const char *old_title = "titel: \"Noor zoekt rust\"";
    char *at = strstr(text, old_title);
    assert_non_null(at);
    size_t pre = (size_t)(at - text);
    const char *new_title = "titel: \"Noor herladen\"";
    size_t nlen = len - strlen(old_title) + strlen(new_title);
    char *edited = malloc(nlen);
    memcpy(edited, text, pre);
    memcpy(edited + pre, new_title, strlen(new_title));
    memcpy(edited + pre + strlen(new_title), at + strlen(old_title), len - pre - strlen(old_title));
    plat_sleep_ms(20); /* a visibly newer mtime */
    assert_true(write_file(path, edited, nlen));
    uint64_t until = plat_now_ms() + 4000;
    while (plat_now_ms() < until &&
           (strcmp(host_scenario(h)->title, "Noor herladen") != 0 || !cli_scenario(b.c) ||
            strcmp(cli_scenario(b.c)->title, "Noor herladen") != 0)) {
        host_pump(h, 5);
        fx_bot_step(&b);
    }
    assert_string_equal(host_scenario(h)->title, "Noor herladen");
    assert_string_equal(cli_scenario(b.c)->title, "Noor herladen");
    assert_int_equal(host_reload_status_get(h, NULL), HOST_RELOAD_OK);
    assert_int_equal(cli_seat(b.c), seat); /* the player keeps the seat */

    /* a broken save: the last good level stays, the diagnostics are there */
    const char *broken = "versie: 1\nid: [kapot\n";
    plat_sleep_ms(20);
    assert_true(write_file(path, broken, strlen(broken)));
    until = plat_now_ms() + 4000;
    while (plat_now_ms() < until && host_reload_status_get(h, NULL) != HOST_RELOAD_FAILED)
        host_pump(h, 5);
    const lvl_diags *d = NULL;
    assert_int_equal(host_reload_status_get(h, &d), HOST_RELOAD_FAILED);
    assert_true(d->n_errors > 0);
    /* the log says which errors, not only how many */
    assert_true(fx_log_has(h, "casus niet opnieuw geladen: "));
    char first[400];
    snprintf(first, sizeof first, "  regel %d, kolom %d: %s", d->items[0].line, d->items[0].col, d->items[0].message);
    first[60] = '\0'; /* the log line may be cut; its start is enough */
    assert_true(fx_log_has(h, first));
    assert_string_equal(host_scenario(h)->title, "Noor herladen");
    cli_destroy(b.c);
    host_destroy(h);
    remove(path);
    rmdir(dir);
    free(edited);
    free(text);
}


/* LAN discovery finds the host (a hint with code, port and seats); a
 * datagram that is not a query gets no answer. */
static void test_discovery_finds_host(void **state)
{
    (void)state;
    host_options o;
    host *h = lobby_host(&o);
    assert_non_null(h);
    char err[256];
    cli_discovery *d = cli_discovery_start(host_port(h), "127.0.0.1", err, sizeof err);
    assert_non_null(d);
    cli_found_game g[CLI_MAX_FOUND];
    int n = 0;
    uint64_t until = plat_now_ms() + 3000;
    while (n == 0 && plat_now_ms() < until) {
        host_pump(h, 5);
        n = cli_discovery_poll(d, g, CLI_MAX_FOUND);
    }
    assert_int_equal(n, 1);
    assert_string_equal(g[0].code, "TEST");
    assert_int_equal(g[0].port, host_port(h));
    assert_int_equal(g[0].seats_total, host_seat_count(h));
    assert_int_equal(g[0].seats_free, host_seat_count(h));
    assert_false(g[0].started);
    cli_discovery_stop(d);

    /* garbage to the discovery port: silence */
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)host_port(h));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    uint8_t junk[64];
    memset(junk, 0xAB, sizeof junk);
    sendto(fd, junk, sizeof junk, 0, (struct sockaddr *)&a, sizeof a);
    for (int i = 0; i < 20; i++)
        host_pump(h, 5);
    struct pollfd p = {fd, POLLIN, 0};
    assert_int_equal(poll(&p, 1, 100), 0);
    close(fd);
    host_destroy(h);
}


/* Connecting never blocks the caller: a host that does not answer gives
 * "failed" after the client's own timeout, and destroying a client in the
 * middle of connecting returns at once. */
static void test_connect_never_blocks(void **state)
{
    (void)state;
    cli_options co;
    cli_options_default(&co);
    snprintf(co.host, sizeof co.host, "198.51.100.1"); /* TEST-NET-2: nobody answers */
    snprintf(co.code, sizeof co.code, "TEST");
    co.no_token_store = true;
    char err[256];
    cli *c = cli_create(&co, NULL, err, sizeof err);
    assert_non_null(c);
    uint64_t t0 = plat_now_ms();
    while (cli_status_get(c) == CLI_STATUS_CONNECTING && plat_now_ms() - t0 < 8000) {
        uint64_t p0 = plat_now_ms();
        cli_pump(c, 10);
        assert_true(plat_now_ms() - p0 < 200); /* a frame is never held up */
    }
    assert_int_equal(cli_status_get(c), CLI_STATUS_FAILED);
    assert_true(strlen(cli_reason(c)) > 0);
    cli_destroy(c);

    c = cli_create(&co, NULL, err, sizeof err);
    assert_non_null(c);
    cli_pump(c, 0);
    t0 = plat_now_ms();
    cli_destroy(c);
    assert_true(plat_now_ms() - t0 < 200);
}


static cli_status seen_status[16];
static int n_seen_status;

static void record_status(void *ctx, cli_status st, const char *reason)
{
    (void)ctx;
    (void)reason;
    if (n_seen_status < 16)
        seen_status[n_seen_status++] = st;
}

/* The host stalls (Wi-Fi gone for 3.5 s): the client shows "reconnecting",
 * then rejoins with its token by itself and holds the same seat. */
static void test_client_reconnects_after_stall(void **state)
{
    (void)state;
    host_options o;
    host *h = lobby_host(&o);
    assert_non_null(h);
    cli_options co;
    fx_opts(&co, h, "Mira");
    cli_callbacks cb = {NULL, record_status, NULL, NULL, NULL};
    char err[256];
    cli *c = cli_create(&co, &cb, err, sizeof err);
    assert_non_null(c);
    uint64_t until = plat_now_ms() + 5000;
    while (cli_status_get(c) != CLI_STATUS_CONNECTED && plat_now_ms() < until) {
        host_pump(h, 1);
        cli_pump(c, 1);
    }
    assert_int_equal(cli_status_get(c), CLI_STATUS_CONNECTED);
    int seat = cli_seat(c);
    n_seen_status = 0;
    until = plat_now_ms() + 3500; /* the host hears nothing and says nothing */
    while (plat_now_ms() < until)
        cli_pump(c, 10);
    assert_int_equal(cli_status_get(c), CLI_STATUS_RECONNECTING);
    until = plat_now_ms() + 5000;
    while (cli_status_get(c) != CLI_STATUS_CONNECTED && plat_now_ms() < until) {
        host_pump(h, 1);
        cli_pump(c, 1);
    }
    assert_int_equal(cli_status_get(c), CLI_STATUS_CONNECTED);
    assert_int_equal(cli_seat(c), seat);
    assert_true(n_seen_status >= 2);
    assert_int_equal(seen_status[0], CLI_STATUS_RECONNECTING);
    assert_true(fx_log_has(h, "is terug op plaats"));
    host_seat_info info;
    assert_true(host_seat_info_get(h, seat, &info));
    assert_true(info.connected);
    assert_string_equal(info.name, "Mira");
    cli_destroy(c);
    host_destroy(h);
}

TS_MAIN(ts_ignore_sigpipe, NULL,
        cmocka_unit_test(test_full_game_four_clients),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_observer_sees_no_private_data),
        cmocka_unit_test(test_malformed_peers_dropped),
        cmocka_unit_test(test_slow_reader_dropped),
        cmocka_unit_test(test_watch_reloads_level_in_lobby),
        cmocka_unit_test(test_discovery_finds_host),
        cmocka_unit_test(test_connect_never_blocks),
        cmocka_unit_test(test_client_reconnects_after_stall))
