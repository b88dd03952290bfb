/*
 * net_udp: LAN discovery datagrams on POSIX sockets, and this machine's LAN
 * addresses (getifaddrs, the default route from /proc/net/route). POSIX
 * rather than SDL2_net here because discovery needs SO_REUSEADDR before
 * bind: every host also answers on the default port
 * 47800, whatever its own --port, so several hosts on one machine share
 * that port (a broadcast query reaches each of them), which SDL2_net's
 * UDP_Open cannot ask for.
 */
/* getifaddrs and the IFF_ flags are BSD interfaces, outside strict POSIX */
#if defined(__APPLE__) && !defined(_DARWIN_C_SOURCE)
#define _DARWIN_C_SOURCE 1
#elif !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1
#endif
#include "net/net.h"
#include "net/net_sys.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
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

/* ------------------------------------------------------ LAN addresses */

void net_addr_text(uint32_t h, char *out, size_t len)
{
    snprintf(out, len, "%u.%u.%u.%u", h >> 24, (h >> 16) & 255u, (h >> 8) & 255u, h & 255u);
}

typedef struct {
    char ifname[32];
    uint32_t gateway; /* host byte order; 0: on-link */
    long metric;
} default_route;

/* The default route with the lowest metric in /proc/net/route's text
 * (hex fields in network byte order, as the kernel prints them). */
static bool find_default_route(const char *text, default_route *out)
{
    bool found = false;
    const char *line = text;
    while (line && *line) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char buf[256];
        if (n < sizeof buf) {
            memcpy(buf, line, n);
            buf[n] = '\0';
            char ifn[32];
            unsigned long dest, gw, flags, mask;
            long refcnt, use, metric;
            if (sscanf(buf, "%31s %lx %lx %lx %ld %ld %ld %lx", ifn, &dest, &gw, &flags, &refcnt, &use, &metric,
                       &mask) == 8 &&
                dest == 0 && mask == 0 && (flags & 0x1u) /* RTF_UP */ && (!found || metric < out->metric)) {
                snprintf(out->ifname, sizeof out->ifname, "%s", ifn);
                out->gateway = ntohl((uint32_t)gw);
                out->metric = metric;
                found = true;
            }
        }
        line = end ? end + 1 : NULL;
    }
    return found;
}

static bool is_private(uint32_t a)
{
    return (a >> 24) == 10 || (a >> 20) == (172u << 4 | 1u) || (a >> 16) == (192u << 8 | 168u);
}

static bool is_link_local(uint32_t a)
{
    return (a >> 16) == (169u << 8 | 254u);
}

/* Lower is better (see net_lan_order). */
static int rank_of(const net_if_addr *x, const default_route *dr, bool have_dr)
{
    if (have_dr && strcmp(x->ifname, dr->ifname) == 0) {
        bool holds_gw = dr->gateway && (x->addr & x->mask) == (dr->gateway & x->mask);
        return holds_gw || !dr->gateway ? 0 : 1;
    }
    if (is_link_local(x->addr))
        return 4;
    return is_private(x->addr) ? 2 : 3;
}

int net_lan_order(net_if_addr *a, int n, const char *route)
{
    default_route dr;
    memset(&dr, 0, sizeof dr);
    bool have_dr = route && find_default_route(route, &dr);
    int kept = 0;
    for (int i = 0; i < n; i++)
        if (a[i].up && !a[i].loopback && (a[i].addr >> 24) != 127 && a[i].addr != 0)
            a[kept++] = a[i];
    /* insertion sort by rank: stable, so the interfaces' own order breaks ties */
    for (int i = 1; i < kept; i++) {
        net_if_addr x = a[i];
        int r = rank_of(&x, &dr, have_dr), j = i - 1;
        while (j >= 0 && rank_of(&a[j], &dr, have_dr) > r) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = x;
    }
    return kept;
}

int net_lan_addresses(net_if_addr *out, int max)
{
    struct ifaddrs *ifs = NULL;
    if (max <= 0 || getifaddrs(&ifs) != 0)
        return 0;
    net_if_addr all[32];
    int n = 0;
    for (struct ifaddrs *p = ifs; p && n < 32; p = p->ifa_next) {
        if (!p->ifa_addr || p->ifa_addr->sa_family != AF_INET)
            continue;
        net_if_addr *x = &all[n++];
        memset(x, 0, sizeof *x);
        snprintf(x->ifname, sizeof x->ifname, "%s", p->ifa_name ? p->ifa_name : "");
        x->addr = ntohl(((const struct sockaddr_in *)p->ifa_addr)->sin_addr.s_addr);
        x->mask = p->ifa_netmask ? ntohl(((const struct sockaddr_in *)p->ifa_netmask)->sin_addr.s_addr) : 0;
        x->up = (p->ifa_flags & IFF_UP) != 0;
        x->loopback = (p->ifa_flags & IFF_LOOPBACK) != 0;
    }
    freeifaddrs(ifs);
    /* the routing table, where the system has one as a file (Linux) */
    char route[8192];
    size_t rl = 0;
    FILE *f = fopen("/proc/net/route", "r");
    if (f) {
        rl = fread(route, 1, sizeof route - 1, f);
        fclose(f);
    }
    route[rl] = '\0';
    int kept = net_lan_order(all, n, f ? route : NULL);
    if (kept > max)
        kept = max;
    memcpy(out, all, (size_t)kept * sizeof *out);
    return kept;
}

/* ---------------------------------------------------------------- misc */

void net_lan_address(char *out, size_t len)
{
    net_if_addr a[1];
    if (net_lan_addresses(a, 1) == 1)
        net_addr_text(a[0].addr, out, len);
    else
        snprintf(out, len, "127.0.0.1");
}
