/*
 * libFuzzer harness for the host's side of a connection: the input is the
 * byte stream a stranger on the school network sends to a real host (one
 * host per fuzzing process, on loopback). It reaches the host's read path
 * (partial reads, frame splitting, the 2 KiB client limit), the handshake
 * (magic, version, room code, tokens, roles, observer) and, after a
 * successful HELLO, every message a seated peer may send (ACTION, PING,
 * PONG, BYE). The first input byte chooses how the stream is cut into
 * writes, so frames also arrive split across reads.
 *
 * The host must never crash (ASan/UBSan) and must stay usable: after every
 * input a well-formed observer still gets its WELCOME. Seats taken by an
 * input are released afterwards, so inputs do not fill the game.
 */
#include "host/host.h"
#include "platform/plat.h"
#include "proto/proto.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static host *h;
static int checks;

static int connect_host(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)host_port(h));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Pumps the host and drains what it sends fd; true when the host closed. */
static bool pump_until_closed(int fd, int rounds)
{
    static uint8_t sink[1 << 16];
    for (int r = 0; r < rounds; r++) {
        host_pump(h, 1);
        for (;;) {
            ssize_t n = recv(fd, sink, sizeof sink, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
                return true;
            if (n < 0)
                break;
        }
    }
    return false;
}

static void setup(void)
{
    signal(SIGPIPE, SIG_IGN);
    host_options o;
    host_options_default(&o);
    o.headless = true;
    o.quiet = true;
    snprintf(o.code, sizeof o.code, "FUZZ");
    o.seed = 7;
    char err[512] = "";
    for (int attempt = 0; attempt < 50 && !h; attempt++) {
        o.port = 20000 + (int)((plat_now_ns() / 1000u + (uint64_t)getpid() * 31u + (uint64_t)attempt * 977u) % 30000u);
        h = host_create(&o, NULL, NULL, NULL, err, sizeof err);
    }
    if (!h) {
        fprintf(stderr, "fuzz_handshake: no host: %s\n", err);
        abort();
    }
}

/* An honest observer must still be welcomed: the host keeps serving. */
static void check_still_serving(void)
{
    int fd = connect_host();
    if (fd < 0)
        abort();
    proto_hello m;
    memset(&m, 0, sizeof m);
    m.magic = PROTO_MAGIC;
    m.version = PROTO_VERSION;
    snprintf(m.code, sizeof m.code, "FUZZ");
    m.observe = true;
    uint8_t f[PROTO_HEADER_LEN + 512];
    size_t n = proto_encode_hello(f + PROTO_HEADER_LEN, 512, &m);
    proto_frame_header(f, (uint32_t)n);
    if (send(fd, f, n + PROTO_HEADER_LEN, MSG_NOSIGNAL) != (ssize_t)(n + PROTO_HEADER_LEN))
        abort();
    uint8_t buf[8];
    size_t got = 0;
    for (int r = 0; r < 2000 && got < 5; r++) {
        host_pump(h, 1);
        ssize_t k = recv(fd, buf + got, 5 - got, MSG_DONTWAIT);
        if (k > 0)
            got += (size_t)k;
        else if (k == 0)
            break;
    }
    if (got < 5 || buf[4] != PROTO_MSG_WELCOME) {
        fprintf(stderr, "fuzz_handshake: the host no longer welcomes an honest observer\n");
        abort();
    }
    close(fd);
    host_pump(h, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!h)
        setup();
    if (size < 1)
        return 0;
    size_t cut = (size_t)data[0] % 7u; /* 0: one write; k: writes of k*k bytes */
    data++;
    size--;
    if (size > 4 * PROTO_MAX_CLIENT_FRAME)
        size = 4 * PROTO_MAX_CLIENT_FRAME;
    int fd = connect_host();
    if (fd < 0)
        return 0;
    size_t step = cut ? cut * cut : size;
    bool closed = false;
    for (size_t off = 0; off < size && !closed; off += step) {
        size_t n = size - off < step ? size - off : step;
        if (send(fd, data + off, n, MSG_NOSIGNAL) < 0)
            break;
        closed = pump_until_closed(fd, cut ? 1 : 2);
    }
    if (!closed)
        pump_until_closed(fd, 4);
    close(fd);
    host_pump(h, 0);
    host_pump(h, 0);
    /* forget seats the input took, so that the next input finds free ones */
    for (int s = 0; s < host_seat_count(h); s++) {
        host_seat_info si;
        if (host_seat_info_get(h, s, &si) && si.taken)
            host_release_seat(h, s);
    }
    if (++checks % 64 == 0)
        check_still_serving();
    return 0;
}
