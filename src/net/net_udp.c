/*
 * net_udp: LAN discovery datagrams and this machine's LAN address, on
 * SDL2_net's public API (portable; nothing here needs a descriptor).
 */
#include "net/net.h"
#include "net/net_sys.h"

#include <SDL_net.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------- udp */

struct net_udp {
    UDPsocket sock;
    UDPpacket *pkt;
    IPaddress last_from;
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
    UDPsocket s = SDLNet_UDP_Open((Uint16)port);
    if (!s) {
        snprintf(err, err_len, "UDP-poort %d: %s", port, SDLNet_GetError());
        return NULL;
    }
    net_udp *u = calloc(1, sizeof *u);
    UDPpacket *pkt = SDLNet_AllocPacket(512);
    if (!u || !pkt) {
        free(u);
        if (pkt)
            SDLNet_FreePacket(pkt);
        SDLNet_UDP_Close(s);
        snprintf(err, err_len, "geen geheugen");
        return NULL;
    }
    u->sock = s;
    u->pkt = pkt;
    return u;
}

void net_udp_close(net_udp *u)
{
    if (!u)
        return;
    SDLNet_FreePacket(u->pkt);
    SDLNet_UDP_Close(u->sock);
    free(u);
}

int net_udp_recv(net_udp *u, uint8_t *buf, size_t cap, char from[NET_ADDR_LEN], int *from_port)
{
    int r = SDLNet_UDP_Recv(u->sock, u->pkt); /* non-blocking in SDL2_net */
    if (r <= 0)
        return r < 0 ? -1 : 0;
    size_t n = (size_t)u->pkt->len;
    if (n > cap)
        n = cap;
    memcpy(buf, u->pkt->data, n);
    u->last_from = u->pkt->address;
    uint32_t h = SDLNet_Read32(&u->pkt->address.host);
    if (from)
        snprintf(from, NET_ADDR_LEN, "%u.%u.%u.%u", h >> 24, (h >> 16) & 255u, (h >> 8) & 255u, h & 255u);
    if (from_port)
        *from_port = SDLNet_Read16(&u->pkt->address.port);
    /* a datagram larger than our buffer counts as garbage: report it long */
    return (int)(u->pkt->len > (int)cap ? cap + 1 : n);
}

static bool udp_send_to(net_udp *u, const IPaddress *to, const uint8_t *buf, size_t len)
{
    if (len > 512)
        return false;
    UDPpacket p;
    memset(&p, 0, sizeof p);
    p.channel = -1;
    p.data = (Uint8 *)buf;
    p.len = (int)len;
    p.maxlen = (int)len;
    p.address = *to;
    return SDLNet_UDP_Send(u->sock, -1, &p) == 1;
}

bool net_udp_send(net_udp *u, const char *host, int port, const uint8_t *buf, size_t len)
{
    IPaddress ip;
    if (port <= 0 || port > 65535)
        return false;
    if (SDLNet_ResolveHost(&ip, host, (Uint16)port) != 0)
        return false;
    return udp_send_to(u, &ip, buf, len);
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
