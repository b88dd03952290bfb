/*
 * net_udp: LAN discovery datagrams on POSIX sockets, and this machine's LAN
 * address. POSIX rather than SDL2_net here because discovery needs
 * SO_REUSEADDR before bind: every host also answers on the default port
 * 47800, whatever its own --port, so several hosts on one machine share
 * that port (a broadcast query reaches each of them), which SDL2_net's
 * UDP_Open cannot ask for.
 */
#include "net/net.h"
#include "net/net_sys.h"

#include <SDL_net.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* ------------------------------------------------------------------- udp */

struct net_udp {
    int fd;
    struct sockaddr_in last_from;
};

net_udp *net_udp_open(int port, char *err, size_t err_len)
{
    if (port < 0 || port > 65535) {
        snprintf(err, err_len, "poort %d is ongeldig", port);
        return NULL;
    }
    if (net_loop_routed()) {
        snprintf(err, err_len, "in-memory network: no UDP");
        return NULL;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        snprintf(err, err_len, "UDP-socket: %s", strerror(errno));
        return NULL;
    }
    int one = 1;
    /* shared: more than one host on this machine may answer on a port */
    if (port > 0)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &one, sizeof one);
    int fl = fcntl(fd, F_GETFL, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        snprintf(err, err_len, "UDP-poort %d: %s", port, strerror(errno));
        close(fd);
        return NULL;
    }
    net_udp *u = calloc(1, sizeof *u);
    if (!u) {
        close(fd);
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    u->fd = fd;
    return u;
}

void net_udp_close(net_udp *u)
{
    if (!u)
        return;
    close(u->fd);
    free(u);
}

int net_udp_recv(net_udp *u, uint8_t *buf, size_t cap, char from[NET_ADDR_LEN], int *from_port)
{
    struct sockaddr_in src;
    socklen_t sl = sizeof src;
    /* MSG_TRUNC: the datagram's real length, so that one larger than our
     * buffer counts as garbage (reported long) */
#ifdef MSG_TRUNC
    int flags = MSG_DONTWAIT | MSG_TRUNC;
#else
    int flags = MSG_DONTWAIT; /* too large is then cut, and fails to decode */
#endif
    ssize_t r = recvfrom(u->fd, buf, cap, flags, (struct sockaddr *)&src, &sl);
    if (r < 0)
        return (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) ? 0 : -1;
    if (sl < (socklen_t)sizeof src || src.sin_family != AF_INET)
        return 0;
    u->last_from = src;
    uint32_t h = ntohl(src.sin_addr.s_addr);
    if (from)
        snprintf(from, NET_ADDR_LEN, "%u.%u.%u.%u", h >> 24, (h >> 16) & 255u, (h >> 8) & 255u, h & 255u);
    if (from_port)
        *from_port = ntohs(src.sin_port);
    return (size_t)r > cap ? (int)cap + 1 : (int)r;
}

static bool udp_send_to(net_udp *u, const struct sockaddr_in *to, const uint8_t *buf, size_t len)
{
    if (len > 512)
        return false;
    return sendto(u->fd, buf, len, MSG_DONTWAIT, (const struct sockaddr *)to, sizeof *to) ==
           (ssize_t)len;
}

bool net_udp_send(net_udp *u, const char *host, int port, const uint8_t *buf, size_t len)
{
    if (port <= 0 || port > 65535)
        return false;
    struct sockaddr_in to;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &to.sin_addr) != 1) {
        struct addrinfo hints, *res = NULL;
        memset(&hints, 0, sizeof hints);
        hints.ai_family = AF_INET;
        hints.ai_socktype = SOCK_DGRAM;
        if (getaddrinfo(host, NULL, &hints, &res) != 0 || !res)
            return false;
        to.sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
        freeaddrinfo(res);
    }
    return udp_send_to(u, &to, buf, len);
}

bool net_udp_reply(net_udp *u, const uint8_t *buf, size_t len)
{
    return udp_send_to(u, &u->last_from, buf, len);
}

/* ---------------------------------------------------------------- misc */

void net_lan_address(char *out, size_t len)
{
    IPaddress addrs[16];
    int n = SDLNet_GetLocalAddresses(addrs, 16);
    for (int i = 0; i < n; i++) {
        uint32_t h = SDLNet_Read32(&addrs[i].host);
        if ((h >> 24) == 127 || h == 0)
            continue;
        snprintf(out, len, "%u.%u.%u.%u", h >> 24, (h >> 16) & 255u, (h >> 8) & 255u, h & 255u);
        return;
    }
    snprintf(out, len, "127.0.0.1");
}
