/*
 * libFuzzer harness for the player's side: the input is the byte stream a
 * "host" sends to a joining client (anyone on the LAN can answer discovery
 * and pose as a host). It reaches the client session's read path and its
 * handling of every host message in any order: WELCOME with the redacted
 * scenario, REJECT, LOBBY, RESULT, UPDATE with views and events, FACT,
 * PING/PONG, BYE. The first byte chooses how the stream is cut into writes.
 *
 * The client must never crash (ASan/UBSan) and must end in a state its
 * accessors can report; its scenario and views, when it has them, are
 * walked so that a bad index would show.
 */
#include "client/client.h"
#include "platform/plat.h"
#include "proto/proto.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int lfd = -1;
static int port;
static int threads_at_start;
static volatile uint64_t sink;

static int thread_count(void)
{
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* The client's connect thread is detached and the transport's I/O thread
 * stops with the last net_quit, possibly in that thread. Until they have
 * exited, what they still hold (SDL's thread record, thread start-up
 * buffers) would look like a leak of this input to LeakSanitizer: wait
 * for them, briefly. */
static void wait_for_threads(void)
{
    if (threads_at_start <= 0)
        return;
    struct timespec half_ms = {0, 500000};
    for (int i = 0; i < 2000 && thread_count() > threads_at_start; i++)
        nanosleep(&half_ms, NULL);
}

static void setup(void)
{
    signal(SIGPIPE, SIG_IGN);
    lfd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t al = sizeof a;
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, sizeof a) != 0 || listen(lfd, 8) != 0 ||
        getsockname(lfd, (struct sockaddr *)&a, &al) != 0) {
        fprintf(stderr, "fuzz_client: no listener\n");
        abort();
    }
    port = ntohs(a.sin_port);
    threads_at_start = thread_count();
}

static void on_view(void *ctx, const core_seat_view *sv, const core_public_view *pub, const core_events *ev)
{
    (void)ctx;
    uint64_t s = (uint64_t)pub->round + (uint64_t)pub->phase;
    for (int i = 0; i < ev->n; i++)
        s += (uint64_t)ev->ev[i].type;
    if (sv)
        for (int i = 0; i < sv->hand_n; i++)
            s += (uint64_t)sv->hand[i];
    sink += s;
}

static void on_reject(void *ctx, core_reject r, const char *text)
{
    (void)ctx;
    sink += (uint64_t)r + strlen(text);
}

static void pump(cli *c, int fd)
{
    static uint8_t buf[4096];
    cli_pump(c, 0);
    while (fd >= 0 && recv(fd, buf, sizeof buf, MSG_DONTWAIT) > 0)
        ;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (lfd < 0)
        setup();
    if (size < 1)
        return 0;
    size_t cut = (size_t)data[0] % 7u;
    data++;
    size--;
    cli_options o;
    cli_options_default(&o);
    snprintf(o.host, sizeof o.host, "127.0.0.1");
    o.port = port;
    snprintf(o.code, sizeof o.code, "FUZZ");
    snprintf(o.name, sizeof o.name, "fuzz");
    o.headless = true;
    o.no_token_store = true;
    cli_callbacks cb = {NULL, NULL, on_view, on_reject, NULL};
    char err[256];
    cli *c = cli_create(&o, &cb, err, sizeof err);
    if (!c)
        abort();
    int fd = -1;
    for (int i = 0; i < 500 && fd < 0; i++) {
        struct pollfd p = {lfd, POLLIN, 0};
        if (poll(&p, 1, 2) > 0)
            fd = accept(lfd, NULL, NULL);
        cli_pump(c, 0);
    }
    if (fd < 0) {
        cli_destroy(c);
        wait_for_threads();
        return 0;
    }
    /* the client's HELLO reaches us once its connect thread is done */
    for (int i = 0; i < 5; i++)
        pump(c, fd);
    size_t step = cut ? cut * cut * 3 : size;
    for (size_t off = 0; off < size; off += step) {
        size_t n = size - off < step ? size - off : step;
        if (send(fd, data + off, n, MSG_NOSIGNAL) < 0)
            break;
        pump(c, fd);
    }
    for (int i = 0; i < 4; i++)
        pump(c, fd);
    /* everything the client kept must be readable */
    const core_scenario *sc = cli_scenario(c);
    if (sc)
        sink += (uint64_t)sc->n_seats + strlen(sc->title);
    const core_public_view *pv = cli_public_view(c);
    if (pv)
        sink += (uint64_t)pv->round;
    const cli_lobby *lb = cli_lobby_get(c);
    for (int s = 0; lb && s < lb->n_seats && s < CORE_MAX_SEATS; s++)
        sink += strlen(lb->seats[s].name);
    sink += strlen(cli_reason(c)) + (uint64_t)cli_status_get(c) + (uint64_t)(cli_seat(c) + 1);
    close(fd);
    pump(c, -1);
    cli_destroy(c);
    wait_for_threads();
    return 0;
}
