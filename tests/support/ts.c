/* The shared test helpers; see ts.h. POSIX only, like the tests using them. */
#include "ts.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* ---------------------------------------------------------------- time */

uint64_t ts_now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

uint64_t ts_now_ms(void)
{
    return ts_now_ns() / 1000000ull;
}

void ts_sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

/* ------------------------------------------------------------- sockets */

static void loopback(struct sockaddr_in *a, int port, uint32_t host)
{
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_port = htons((uint16_t)port);
    a->sin_addr.s_addr = htonl(host);
}

int ts_free_port(void)
{
    static unsigned salt;
    for (int attempt = 0; attempt < 64; attempt++) {
        salt = salt * 1103515245u + 12345u + (unsigned)getpid() + (unsigned)ts_now_ns();
        int p = 20000 + (int)(salt % 30000u);
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            continue;
        struct sockaddr_in a;
        loopback(&a, p, INADDR_ANY);
        int ok = bind(fd, (struct sockaddr *)&a, sizeof a) == 0;
        close(fd);
        if (ok)
            return p;
    }
    return 0;
}

static int connect_loopback(int port, int rcvbuf, int src)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (rcvbuf > 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in a;
    if (src > 0) {
        loopback(&a, 0, 0x7f000000u | (uint32_t)src);
        if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0) {
            close(fd);
            return -1;
        }
    }
    loopback(&a, port, INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int ts_connect(int port, int rcvbuf)
{
    return connect_loopback(port, rcvbuf, 0);
}

int ts_connect_from(int port, int src)
{
    return connect_loopback(port, 0, src);
}

void ts_sock_name(int fd, char *out, size_t len)
{
    struct sockaddr_in a;
    socklen_t al = sizeof a;
    memset(&a, 0, sizeof a);
    getsockname(fd, (struct sockaddr *)&a, &al);
    snprintf(out, len, "127.0.0.1:%u", (unsigned)ntohs(a.sin_port));
}

static bool send_all(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

bool ts_send_frame(int fd, const uint8_t *payload, size_t len)
{
    uint8_t hdr[PROTO_HEADER_LEN];
    if (len > UINT32_MAX)
        return false;
    proto_frame_header(hdr, (uint32_t)len);
    return send_all(fd, hdr, sizeof hdr) && send_all(fd, payload, len);
}

void ts_hello_init(proto_hello *m, const char *build, const char *code, const char *name)
{
    memset(m, 0, sizeof *m);
    m->magic = PROTO_MAGIC;
    m->version = PROTO_VERSION;
    snprintf(m->build, sizeof m->build, "%s", build);
    snprintf(m->code, sizeof m->code, "%s", code);
    snprintf(m->name, sizeof m->name, "%s", name);
}

bool ts_send_hello(int fd, const proto_hello *m)
{
    uint8_t out[1024];
    size_t n = proto_encode_hello(out, sizeof out, m);
    return n > 0 && ts_send_frame(fd, out, n);
}

bool ts_send_ping(int fd, uint64_t stamp, uint32_t ack_tick)
{
    proto_ping pg;
    memset(&pg, 0, sizeof pg);
    pg.stamp = stamp;
    pg.ack_tick = ack_tick;
    uint8_t out[64];
    size_t n = proto_encode_ping(out, sizeof out, PROTO_MSG_PING, &pg);
    return n > 0 && ts_send_frame(fd, out, n);
}

bool ts_wait_closed(int fd, int ms)
{
    uint64_t until = ts_now_ms() + (uint64_t)ms;
    static uint8_t sink[65536];
    while (ts_now_ms() < until) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 10) <= 0)
            continue;
        ssize_t n = recv(fd, sink, sizeof sink, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
            return true;
    }
    return false;
}

/* ----------------------------------------------------------- websocket */

bool ts_ws_send(int fd, int opcode, bool fin, bool mask, const uint8_t *p, size_t len)
{
    uint8_t hdr[14];
    size_t h = 0;
    hdr[h++] = (uint8_t)((fin ? 0x80 : 0) | opcode);
    uint8_t m = mask ? 0x80 : 0;
    if (len < 126) {
        hdr[h++] = (uint8_t)(m | len);
    } else if (len < 65536) {
        hdr[h++] = m | 126;
        hdr[h++] = (uint8_t)(len >> 8);
        hdr[h++] = (uint8_t)len;
    } else {
        hdr[h++] = m | 127;
        for (int i = 7; i >= 0; i--)
            hdr[h++] = (uint8_t)((uint64_t)len >> (8 * i));
    }
    static const uint8_t key[4] = {0x3c, 0xa5, 0x0f, 0x71};
    if (mask) {
        memcpy(hdr + h, key, 4);
        h += 4;
    }
    uint8_t *out = malloc(h + len);
    if (!out)
        return false;
    memcpy(out, hdr, h);
    for (size_t i = 0; i < len; i++)
        out[h + i] = mask ? (uint8_t)(p[i] ^ key[i % 4]) : p[i];
    bool ok = send_all(fd, out, h + len);
    free(out);
    return ok;
}

bool ts_ws_request(int fd, int port, const char *origin)
{
    char req[1024], org[300] = "";
    if (origin)
        snprintf(org, sizeof org, "Origin: %s\r\n", origin);
    int n = snprintf(req, sizeof req,
                     "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: samenspel\r\n%s\r\n",
                     port, org);
    return n > 0 && (size_t)n < sizeof req && send_all(fd, (const uint8_t *)req, (size_t)n);
}

int ts_ws_accepted(int fd, const char *head)
{
    if (strncmp(head, "HTTP/1.1 101", 12) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

bool ts_ws_send_frame(int fd, const uint8_t *payload, size_t len)
{
    if (len > PROTO_MAX_CLIENT_FRAME)
        return false;
    uint8_t m[PROTO_HEADER_LEN + PROTO_MAX_CLIENT_FRAME];
    proto_frame_header(m, (uint32_t)len);
    memcpy(m + PROTO_HEADER_LEN, payload, len);
    return ts_ws_send(fd, 2, true, true, m, len + PROTO_HEADER_LEN);
}

/* -------------------------------------------------------------- stream */

long ts_stream_fill(ts_stream *s, int fd)
{
    if (s->off > 0) {
        memmove(s->buf, s->buf + s->off, s->len - s->off);
        s->len -= s->off;
        s->off = 0;
    }
    long total = 0;
    for (;;) {
        if (s->cap - s->len < 65536) {
            size_t cap = s->cap * 2 + 65536;
            uint8_t *nb = realloc(s->buf, cap);
            if (!nb)
                return -1;
            s->buf = nb;
            s->cap = cap;
        }
        ssize_t n = recv(fd, s->buf + s->len, s->cap - s->len, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
            return -1;
        if (n < 0)
            return total;
        s->len += (size_t)n;
        total += n;
    }
}

bool ts_stream_next(ts_stream *s, const uint8_t **payload, size_t *len)
{
    size_t used = 0;
    if (proto_frame_next(s->buf + s->off, s->len - s->off, PROTO_MAX_FRAME, payload, len, &used) != PROTO_FRAME_OK)
        return false;
    s->off += used;
    return true;
}

void ts_stream_reset(ts_stream *s)
{
    s->off = s->len = 0;
}

void ts_stream_free(ts_stream *s)
{
    free(s->buf);
    memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------- process */

static int proc_status_field(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    int n = -1;
    size_t fl = strlen(field);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, field, fl) == 0) {
            n = atoi(line + fl);
            break;
        }
    fclose(f);
    return n;
}

int ts_thread_count(void)
{
#if defined(__SANITIZE_THREAD__)
    return -1; /* a thread sanitizer adds a thread of its own */
#else
    return proc_status_field("Threads:");
#endif
}

int ts_fd_count(void)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n - 1; /* the directory stream's own descriptor */
}

bool ts_temp_dir(char *dir, size_t len, const char *what)
{
    int n = snprintf(dir, len, "/tmp/samenspel-%s-XXXXXX", what);
    return n > 0 && (size_t)n < len && mkdtemp(dir) != NULL;
}

void ts_remove_tree(const char *dir)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

static char group_dir[256];

int ts_group_dir_make(void **state)
{
    (void)state;
    return ts_temp_dir(group_dir, sizeof group_dir, "test") ? 0 : -1;
}

int ts_group_dir_remove(void **state)
{
    (void)state;
    ts_remove_tree(group_dir);
    return 0;
}

const char *ts_group_dir(void)
{
    return group_dir;
}

void ts_remove_db(const char *path)
{
    static const char *const part[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof part / sizeof part[0]; i++) {
        char file[1024];
        snprintf(file, sizeof file, "%s%s", path, part[i]);
        unlink(file);
    }
}

pid_t ts_spawn(char *const argv[], const char *log, bool append)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, log, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0644);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

bool ts_alive(pid_t *pid, int *status)
{
    if (*pid <= 0)
        return false;
    int st;
    if (waitpid(*pid, &st, WNOHANG) == *pid) {
        *pid = 0;
        if (status)
            *status = st;
        return false;
    }
    return true;
}

bool ts_wait_accepting(int port, pid_t *pid, int *status, int ms)
{
    for (int waited = 0; waited < ms; waited += 10) {
        int fd = ts_connect(port, 0);
        if (fd >= 0) {
            close(fd);
            return true;
        }
        if (!ts_alive(pid, status))
            return false;
        ts_sleep_ms(10);
    }
    return false;
}

void ts_kill(pid_t *pid)
{
    if (*pid > 0) {
        kill(*pid, SIGKILL);
        waitpid(*pid, NULL, 0);
    }
    *pid = 0;
}
