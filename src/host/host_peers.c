/*
 * host_peers: the host's connections. Accepts them, reads their frames
 * under a rate limit, runs the handshake (HELLO -> seat, observer or
 * refusal), sends heartbeats and drops silent, slow or misbehaving peers,
 * and answers LAN discovery.
 */
#include "host/host_int.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <string.h>

/* ----------------------------------------------------------------- sends */

void host_drop_peer(host *h, int i, const char *reason)
{
    peer *p = &h->peers[i];
    if (p->dead)
        return;
    p->dead = true;
    snprintf(p->dead_reason, sizeof p->dead_reason, "%s", reason);
}

void host_send_payload(host *h, int i, const uint8_t *payload, size_t len)
{
    peer *p = &h->peers[i];
    if (p->dead || len == 0)
        return;
    if (!net_conn_send(p->conn, payload, len))
        host_drop_peer(h, i, net_conn_failed(p->conn) ? "connection lost while sending"
                                                 : "send queue overflow (peer not reading)");
    else {
        h->bytes_sent += len + PROTO_HEADER_LEN;
        p->bytes_out += len + PROTO_HEADER_LEN;
    }
}

void host_send_buf(host *h, int i, net_buf *b)
{
    peer *p = &h->peers[i];
    if (p->dead)
        return;
    if (!net_conn_send_buf(p->conn, b))
        host_drop_peer(h, i, net_conn_failed(p->conn) ? "connection lost while sending"
                                                 : "send queue overflow (peer not reading)");
    else {
        h->bytes_sent += net_buf_len(b);
        p->bytes_out += net_buf_len(b);
    }
}

void host_send_bye(host *h, int i, proto_reject_code code, const char *reason)
{
    uint8_t buf[16];
    host_send_payload(h, i, buf, proto_encode_bye(buf, sizeof buf, code));
    host_drop_peer(h, i, reason);
}

static void send_reject(host *h, int i, proto_reject_code code, const char *detail)
{
    proto_reject r;
    memset(&r, 0, sizeof r);
    r.code = code;
    snprintf(r.text, sizeof r.text, "%s%s%s", proto_reject_text(code), detail ? ": " : "", detail ? detail : "");
    uint8_t buf[512];
    host_send_payload(h, i, buf, proto_encode_reject(buf, sizeof buf, &r));
}

/* ------------------------------------------------------------- handshake */

static bool token_kicked(const host *h, const uint8_t *tok)
{
    for (int k = 0; k < h->n_kicked; k++)
        if (!memcmp(h->kicked[k], tok, HOST_TOKEN_LEN))
            return true;
    return false;
}

static int find_role_seat(const host *h, const char *role, bool *role_known)
{
    *role_known = false;
    int found = -1;
    for (int s = 0; s < h->sc->n_seats; s++) {
        if (strcmp(h->sc->roles[h->sc->seat_roles[s]].id, role) != 0)
            continue;
        *role_known = true;
        if (!h->seats[s].taken && found < 0)
            found = s;
    }
    return found;
}

static void attach_seat(host *h, int i, int s)
{
    peer *p = &h->peers[i];
    seat_slot *st = &h->seats[s];
    if (st->peer >= 0 && st->peer != i && !h->peers[st->peer].dead) {
        /* the same token from a new connection wins: the old one is a ghost */
        host_send_bye(h, st->peer, PROTO_REJ_REPLACED, "replaced by a rejoin with the same token");
    }
    p->state = PEER_SEAT;
    p->seat = s;
    st->peer = i;
    st->last_seen_ms = plat_now_ms();
    snprintf(st->address, sizeof st->address, "%s", net_conn_address(p->conn));
    h->lobby_dirty = true;
}

void host_peer_hello(host *h, int i, const uint8_t *pl, size_t len)
{
    peer *p = &h->peers[i];
    proto_hello m;
    const char *why = NULL;
    if (!proto_decode_hello(pl, len, &m, &why)) {
        host_logf(h, _("verbinding %s: onleesbare HELLO (%s)"), net_conn_address(p->conn), why);
        send_reject(h, i, PROTO_REJ_BAD_HELLO, why);
        host_drop_peer(h, i, "malformed HELLO");
        return;
    }
    if (m.magic != PROTO_MAGIC || m.version != PROTO_VERSION) {
        char detail[96];
        snprintf(detail, sizeof detail, "host %d, speler %u", PROTO_VERSION, (unsigned)m.version);
        host_logf(h, _("verbinding %s: andere versie (protocol %u)"), net_conn_address(p->conn), (unsigned)m.version);
        send_reject(h, i, PROTO_REJ_VERSION, detail);
        host_drop_peer(h, i, "version mismatch");
        return;
    }
    for (char *c = m.code; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
    if (strcmp(m.code, h->code) != 0) {
        host_logf(h, _("verbinding %s: verkeerde spelcode"), net_conn_address(p->conn));
        send_reject(h, i, PROTO_REJ_WRONG_CODE, NULL);
        host_drop_peer(h, i, "wrong room code");
        return;
    }
    if (m.has_token && token_kicked(h, m.token)) {
        host_logf(h, _("verbinding %s: wie eraf gezet is, mag niet terug"), net_conn_address(p->conn));
        send_reject(h, i, PROTO_REJ_KICKED, NULL);
        host_drop_peer(h, i, "kicked token");
        return;
    }
    if (m.has_token) {
        for (int s = 0; s < h->sc->n_seats; s++)
            if (h->seats[s].taken && !h->seats[s].bot &&
                !memcmp(h->seats[s].token, m.token, HOST_TOKEN_LEN)) {
                attach_seat(h, i, s);
                host_logf(h, _("%s is terug op plaats %d (%s)"), h->seats[s].name, s + 1,
                     h->sc->roles[h->sc->seat_roles[s]].id);
                host_send_welcome(h, i);
                return;
            }
        /* an unknown token (old game, released seat): join as new */
    }
    if (m.observe) {
        p->state = PEER_OBSERVER;
        p->seat = -1;
        p->browsing = m.browse;
        h->lobby_dirty = true;
        host_logf(h, m.browse ? _("iemand op %s bekijkt de rollen") : _("toeschouwer verbonden vanaf %s"),
             net_conn_address(p->conn));
        host_send_welcome(h, i);
        return;
    }
    int s = -1;
    if (m.role[0]) {
        bool known;
        s = find_role_seat(h, m.role, &known);
        if (!known) {
            send_reject(h, i, PROTO_REJ_UNKNOWN_ROLE, m.role);
            host_drop_peer(h, i, "unknown role");
            return;
        }
        if (s < 0) {
            send_reject(h, i, PROTO_REJ_ROLE_TAKEN, m.role);
            host_drop_peer(h, i, "role taken");
            return;
        }
    } else {
        for (int k = 0; k < h->sc->n_seats && s < 0; k++)
            if (!h->seats[k].taken)
                s = k;
        if (s < 0) {
            send_reject(h, i, PROTO_REJ_FULL, NULL);
            host_drop_peer(h, i, "game full");
            return;
        }
    }
    seat_slot *st = &h->seats[s];
    st->taken = true;
    st->bot = false;
    host_seat_name_set(st->name, sizeof st->name, "", m.name[0] ? m.name : h->sc->roles[h->sc->seat_roles[s]].name, "");
    net_random_bytes(st->token, HOST_TOKEN_LEN);
    attach_seat(h, i, s);
    host_journal_seat(h, s);
    host_logf(h, _("%s neemt plaats %d (%s) vanaf %s"), st->name, s + 1, h->sc->roles[h->sc->seat_roles[s]].id,
         net_conn_address(p->conn));
    if (host_started(h) && !host_finished(h)) {
        /* A person new to the table missed the round-1 Identiteit: the rules
         * bring Identiteit back so they present their T-shape too. Through
         * host_submit() so the journal replays it on resume. */
        core_reject r = host_submit_trainer(h, CORE_ACT_NEW_PLAYER, s);
        if (r != CORE_OK)
            host_logf(h, _("nieuwe speler op plaats %d niet aan de spelregels gemeld: %s"), s + 1, _(core_reject_message(r)));
    }
    host_send_welcome(h, i);
}

/* ----------------------------------------------------------- connections */

/* A token bucket: refilled at `rate` per second up to `burst`; false when
 * it is empty (the frame or query is over the limit). */
static bool bucket_take(double *tokens, uint64_t *last_ms, uint64_t now, double rate, double burst)
{
    double dt = (double)(now - *last_ms) / 1000.0;
    *last_ms = now;
    *tokens += dt * rate;
    if (*tokens > burst)
        *tokens = burst;
    if (*tokens < 1.0)
        return false;
    *tokens -= 1.0;
    return true;
}

static bool rate_ok(peer *p, uint64_t now)
{
    return bucket_take(&p->tokens, &p->tokens_ms, now, HOST_RATE_PER_S, HOST_RATE_BURST);
}

typedef struct {
    host *h;
    int i;
    uint64_t now;
} peer_frames;

/* One frame from peer i (net_conn_each_frame): rate-limited, and the last
 * one once the peer is dropped. */
static int peer_frame(void *ctx, const uint8_t *pl, size_t len, const char **why)
{
    const peer_frames *f = ctx;
    peer *p = &f->h->peers[f->i];
    (void)why;
    if (!rate_ok(p, f->now)) {
        host_logf(f->h, _("verbinding %s verbroken: te veel berichten"), net_conn_address(p->conn));
        host_drop_peer(f->h, f->i, "rate limit");
        return 0;
    }
    host_handle_frame(f->h, f->i, pl, len);
    return p->dead ? 0 : 1;
}

void host_read_peer(host *h, int i, uint64_t now)
{
    peer *p = &h->peers[i];
    int n = net_conn_read(p->conn);
    if (n <= 0) {
        host_drop_peer(h, i, n == 0 ? "connection closed" : "read error");
        return;
    }
    p->last_rx_ms = now;
    if (p->state == PEER_SEAT)
        h->seats[p->seat].last_seen_ms = now;
    peer_frames ctx = {h, i, now};
    const char *why = NULL;
    if (net_conn_each_frame(p->conn, PROTO_MAX_CLIENT_FRAME, peer_frame, &ctx, &why) < 0) {
        host_logf(h, _("verbinding %s verbroken: %s"), net_conn_address(p->conn), why);
        host_drop_peer(h, i, why);
    }
}

void host_check_peers(host *h, uint64_t now)
{
    for (int i = 0; i < h->n_peers; i++) {
        peer *p = &h->peers[i];
        if (p->dead)
            continue;
        if (net_conn_failed(p->conn)) {
            host_drop_peer(h, i, "connection lost while sending");
        } else if (p->state == PEER_HANDSHAKE && now - p->opened_ms > HOST_HANDSHAKE_MS) {
            host_logf(h, _("verbinding %s verbroken: geen HELLO binnen %d s"), net_conn_address(p->conn), HOST_HANDSHAKE_MS / 1000);
            host_drop_peer(h, i, "handshake timeout");
        } else if (p->bytes_out - p->bytes_acked > (h->opts.queue_bytes ? h->opts.queue_bytes : HOST_QUEUE_BYTES)) {
            host_logf(h, _("verbinding %s verbroken: leest niet (%llu KiB onbevestigd)"), net_conn_address(p->conn),
                 (unsigned long long)((p->bytes_out - p->bytes_acked) / 1024));
            host_drop_peer(h, i, "not reading (flow control)");
        } else if (now - p->last_rx_ms > HOST_SILENT_MS) {
            host_logf(h, _("verbinding %s verbroken: %d s stil"), net_conn_address(p->conn), HOST_SILENT_MS / 1000);
            host_drop_peer(h, i, "silent (no heartbeat)");
        } else if (p->state != PEER_HANDSHAKE && now - p->last_ping_ms >= HOST_PING_MS) {
            p->last_ping_ms = now;
            proto_ping ping = {now, 0};
            uint8_t buf[16];
            host_send_payload(h, i, buf, proto_encode_ping(buf, sizeof buf, PROTO_MSG_PING, &ping));
        }
    }
}

void host_reap_peers(host *h)
{
    for (int i = 0; i < h->n_peers;) {
        peer *p = &h->peers[i];
        if (!p->dead) {
            i++;
            continue;
        }
        if (p->state == PEER_SEAT && h->seats[p->seat].peer == i) {
            h->seats[p->seat].peer = -1;
            host_logf(h, _("plaats %d (%s) is weg: %s"), p->seat + 1, h->seats[p->seat].name, p->dead_reason);
        } else if (p->state == PEER_OBSERVER) {
            host_logf(h, _("toeschouwer %s is weg: %s"), net_conn_address(p->conn), p->dead_reason);
        }
        h->lobby_dirty = true;
        net_poll_del_conn(h->poll, p->conn);
        /* flush: a REJECT or BYE queued just before should still arrive */
        net_conn_close(p->conn, true);
        int last = h->n_peers - 1;
        if (i != last) {
            h->peers[i] = h->peers[last];
            /* the moved peer's seat must point at its new index */
            if (h->peers[i].state == PEER_SEAT && h->seats[h->peers[i].seat].peer == last)
                h->seats[h->peers[i].seat].peer = i;
        }
        h->n_peers--;
    }
}

void host_accept_all(host *h, uint64_t now)
{
    for (;;) {
        net_conn *c = net_accept(h->lis, h->opts.queue_bytes ? h->opts.queue_bytes : HOST_QUEUE_BYTES);
        if (!c)
            return;
        if (h->n_peers >= HOST_MAX_CONNS) {
            proto_reject r = {PROTO_REJ_BUSY, ""};
            snprintf(r.text, sizeof r.text, "%s", proto_reject_text(PROTO_REJ_BUSY));
            uint8_t buf[512];
            net_conn_send(c, buf, proto_encode_reject(buf, sizeof buf, &r));
            net_conn_close(c, true);
            host_logf(h, "%s", _("verbinding geweigerd: te veel verbindingen"));
            continue;
        }
        peer *p = &h->peers[h->n_peers];
        memset(p, 0, sizeof *p);
        p->conn = c;
        p->state = PEER_HANDSHAKE;
        p->seat = -1;
        p->opened_ms = p->last_rx_ms = p->last_ping_ms = p->tokens_ms = now;
        p->tokens = HOST_RATE_BURST;
        if (!net_poll_add_conn(h->poll, c)) {
            net_conn_close(c, false);
            continue;
        }
        h->n_peers++;
    }
}

int host_observer_count(const host *h)
{
    int n = 0;
    for (int i = 0; i < h->n_peers; i++)
        n += h->peers[i].state == PEER_OBSERVER && !h->peers[i].browsing && !h->peers[i].dead;
    return n;
}

int host_connection_count(const host *h) { return h->n_peers; }

/* ------------------------------------------------------------- discovery */

static void discovery_on(host *h, net_udp *udp, uint64_t now)
{
    if (!udp)
        return;
    for (int k = 0; k < 32; k++) {
        uint8_t buf[128];
        char from[NET_ADDR_LEN];
        int from_port = 0;
        int n = net_udp_recv(udp, buf, sizeof buf, from, &from_port);
        if (n <= 0)
            return;
        if (!proto_decode_discovery_query(buf, (size_t)n))
            continue; /* not ours: say nothing */
        if (!bucket_take(&h->disc_tokens, &h->disc_ms, now, HOST_DISCOVERY_PER_S, HOST_DISCOVERY_PER_S))
            continue;
        proto_discovery_reply r;
        memset(&r, 0, sizeof r);
        r.version = PROTO_VERSION;
        r.port = (uint16_t)h->opts.port;
        memcpy(r.code, h->code, sizeof r.code);
        r.seats_total = h->sc->n_seats;
        for (int s = 0; s < h->sc->n_seats; s++)
            r.seats_free += !h->seats[s].taken;
        r.started = h->st.phase != CORE_PHASE_LOBBY;
        /* cut the title at a UTF-8 boundary so the reply stays small */
        size_t tl = strlen(h->sc->title);
        if (tl > sizeof r.title - 1) {
            tl = sizeof r.title - 1;
            while (tl > 0 && ((unsigned char)h->sc->title[tl] & 0xC0) == 0x80)
                tl--;
        }
        memcpy(r.title, h->sc->title, tl);
        r.title[tl] = '\0';
        uint8_t out[PROTO_DISCOVERY_REPLY_MAX];
        size_t len = proto_encode_discovery_reply(out, sizeof out, &r);
        if (len)
            net_udp_reply(udp, out, len);
    }
}

void host_discovery(host *h, uint64_t now)
{
    discovery_on(h, h->udp, now);
    discovery_on(h, h->udp_default, now);
}
