/*
 * host_frames: what one complete frame from a peer does once it passed the
 * rate limit: HELLO during the handshake, then heartbeats, goodbyes and
 * intents (ACTION -> host_submit -> RESULT). Anything else drops the peer.
 */
#include "host/host_int.h"

#include "platform/i18n.h"

#include <stdio.h>

/* ---------------------------------------------------------------- frames */

/* The peer has read every UPDATE up to tick: what was sent until then is
 * acknowledged. */
static void handle_ack(peer *p, uint32_t tick)
{
    for (int k = 0; k < p->ring_n; k++) {
        int slot = (p->ring_head + k) % HOST_ACK_RING;
        if (p->sent_ticks[slot].tick != tick)
            continue;
        if (p->sent_ticks[slot].bytes > p->bytes_acked)
            p->bytes_acked = p->sent_ticks[slot].bytes;
        /* older entries are no longer needed */
        p->ring_head = (slot + 1) % HOST_ACK_RING;
        p->ring_n -= k + 1;
        return;
    }
}

void host_handle_frame(host *h, int i, const uint8_t *pl, size_t len)
{
    peer *p = &h->peers[i];
    int type = proto_payload_type(pl, len);
    const char *why = NULL;
    /* the message table decides who may send what, and when */
    if (!proto_msg_allowed(type, PROTO_SENDER_HOST, p->state != PEER_HANDSHAKE, &why)) {
        host_logf(h, _("verbinding %s verbroken: %s"), net_conn_address(p->conn), why);
        host_drop_peer(h, i, why);
        return;
    }
    if (p->state == PEER_HANDSHAKE) {
        host_peer_hello(h, i, pl, len);
        return;
    }
    switch (type) {
    case PROTO_MSG_PING: {
        proto_ping ping;
        if (!proto_decode_ping(pl, len, PROTO_MSG_PING, &ping, &why))
            break;
        handle_ack(p, ping.ack_tick);
        ping.ack_tick = 0;
        uint8_t buf[16];
        host_send_payload(h, i, buf, proto_encode_ping(buf, sizeof buf, PROTO_MSG_PONG, &ping));
        return;
    }
    case PROTO_MSG_PONG: {
        proto_ping ping;
        if (!proto_decode_ping(pl, len, PROTO_MSG_PONG, &ping, &why))
            break;
        handle_ack(p, ping.ack_tick);
        return;
    }
    case PROTO_MSG_BYE: {
        proto_reject_code rc;
        if (!proto_decode_bye(pl, len, &rc, &why))
            break;
        host_drop_peer(h, i, "said goodbye");
        return;
    }
    case PROTO_MSG_ACTION: {
        proto_action m;
        if (!proto_decode_action(pl, len, &m, &why))
            break;
        proto_result res = {m.seq, CORE_OK};
        if (p->state != PEER_SEAT) {
            res.result = CORE_REJ_BAD_SEAT;
        } else if (h->paused) {
            res.result = CORE_REJ_WRONG_PHASE;
        } else if (h->seats[p->seat].bot) {
            res.result = CORE_REJ_BAD_SEAT;
        } else {
            m.action.seat = p->seat;
            res.result = host_submit(h, &m.action);
        }
        uint8_t buf[16];
        host_send_payload(h, i, buf, proto_encode_result(buf, sizeof buf, &res));
        return;
    }
    default:
        why = "unexpected message type";
        break;
    }
    char reason[96];
    snprintf(reason, sizeof reason, "malformed %s (%s)", proto_msg_name(type), why ? why : "?");
    host_logf(h, _("verbinding %s verbroken: %s"), net_conn_address(p->conn), reason);
    host_drop_peer(h, i, reason);
}
