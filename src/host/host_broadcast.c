/*
 * host_broadcast: the fan-out after each tick. The lobby to everyone when
 * it changed, then the fact texts and scripted events a peer may now read,
 * then one UPDATE per peer: its seat's view, or the public view (encoded
 * once) for observers. A view never names something the client cannot read.
 */
#include "host/host_int.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <string.h>

/* -------------------------------------------------- what a peer may read */

/* Facts whose text a peer may hold: its own role's dossier and every
 * shared fact (observers: shared only). */
uint64_t host_fact_mask(const host *h, const peer *p)
{
    uint64_t m = 0;
    int role = (p->state == PEER_SEAT) ? h->sc->seat_roles[p->seat] : -1;
    for (int f = 0; f < h->sc->n_facts; f++)
        if (h->st.fact_shared[f] || h->sc->facts[f].role == role)
            m |= 1ull << f;
    return m;
}

/* Scripted events whose round has come (revealed in its Signaal). */
uint32_t host_event_mask(const host *h)
{
    uint32_t m = 0;
    if (h->st.phase == CORE_PHASE_LOBBY)
        return 0;
    for (int e = 0; e < h->sc->n_events; e++)
        if (h->sc->events[e].round <= h->st.round)
            m |= 1u << e;
    return m;
}

void host_send_welcome(host *h, int i)
{
    peer *p = &h->peers[i];
    proto_welcome w;
    memset(&w, 0, sizeof w);
    w.seat = p->state == PEER_SEAT ? p->seat : -1;
    if (p->state == PEER_SEAT)
        memcpy(w.token, h->seats[p->seat].token, HOST_TOKEN_LEN);
    memcpy(w.code, h->code, sizeof w.code);
    uint64_t mask = host_fact_mask(h, p);
    uint32_t emask = host_event_mask(h);
    size_t n = proto_encode_welcome(h->scratch, PROTO_MAX_FRAME, &w, h->sc, mask, emask);
    if (n == 0) {
        host_logf(h, _("de casus past niet in één bericht; %s kan niet binnen"), net_conn_address(p->conn));
        host_drop_peer(h, i, "scenario too large");
        return;
    }
    p->facts_sent = mask;
    p->events_sent = emask;
    host_send_payload(h, i, h->scratch, n);
    p->need_view = true;
    p->need_lobby = true;
}

/* ------------------------------------------------------------- broadcast */

void host_broadcast(host *h)
{
    bool any_view = h->view_dirty;
    for (int i = 0; i < h->n_peers && !any_view; i++)
        any_view = h->peers[i].need_view && !h->peers[i].dead;
    bool any_lobby = h->lobby_dirty;
    for (int i = 0; i < h->n_peers && !any_lobby; i++)
        any_lobby = h->peers[i].need_lobby && !h->peers[i].dead;

    if (any_lobby) {
        proto_lobby lb;
        memset(&lb, 0, sizeof lb);
        memcpy(lb.code, h->code, sizeof lb.code);
        snprintf(lb.title, sizeof lb.title, "%s", h->sc->title);
        lb.n_seats = h->sc->n_seats;
        for (int s = 0; s < lb.n_seats; s++) {
            lb.seats[s].role = h->sc->seat_roles[s];
            snprintf(lb.seats[s].name, sizeof lb.seats[s].name, "%s", h->seats[s].name);
            lb.seats[s].taken = h->seats[s].taken;
            lb.seats[s].connected = host_seat_connected(h, s) || h->seats[s].bot;
            lb.seats[s].bot = h->seats[s].bot;
        }
        lb.observers = host_observer_count(h);
        lb.started = h->st.phase != CORE_PHASE_LOBBY;
        lb.paused = h->paused;
        lb.finished = h->st.outcome != CORE_OUTCOME_ONGOING;
        uint64_t now = plat_now_ms();
        lb.timer_left_s = h->timer_end_ms > now ? (int)((h->timer_end_ms - now + 999u) / 1000u)
                                                : -1;
        uint8_t buf[1024];
        size_t n = proto_encode_lobby(buf, sizeof buf, &lb);
        net_buf *b = n ? net_buf_frame(buf, n) : NULL;
        for (int i = 0; b && i < h->n_peers; i++) {
            peer *p = &h->peers[i];
            if (p->dead || p->state == PEER_HANDSHAKE || !(h->lobby_dirty || p->need_lobby))
                continue;
            host_send_buf(h, i, b);
            p->need_lobby = false;
        }
        net_buf_unref(b);
        h->lobby_dirty = false;
    }

    if (!any_view)
        return;
    h->tick++;
    /* fact texts and scripted events first, so that a view never names
     * something the client cannot read */
    uint32_t emask = host_event_mask(h);
    for (int i = 0; i < h->n_peers; i++) {
        peer *p = &h->peers[i];
        if (p->dead || p->state == PEER_HANDSHAKE)
            continue;
        uint32_t em = emask & ~p->events_sent;
        for (int e = 0; e < h->sc->n_events && em; e++) {
            if (!((em >> e) & 1u))
                continue;
            proto_event pe;
            pe.index = e;
            pe.event = h->sc->events[e];
            uint8_t buf[CORE_TITLE_LEN + CORE_TEXT_LEN + 32];
            host_send_payload(h, i, buf, proto_encode_event(buf, sizeof buf, &pe));
            p->events_sent |= 1u << e;
            em &= ~(1u << e);
        }
        uint64_t m = host_fact_mask(h, p) & ~p->facts_sent;
        for (int f = 0; f < h->sc->n_facts && m; f++) {
            if (!((m >> f) & 1u))
                continue;
            proto_fact pf;
            pf.fact = f;
            memcpy(pf.text, h->sc->facts[f].text, sizeof pf.text);
            uint8_t buf[CORE_TEXT_LEN + 16];
            host_send_payload(h, i, buf, proto_encode_fact(buf, sizeof buf, &pf));
            p->facts_sent |= 1ull << f;
            m &= ~(1ull << f);
        }
    }
    /* the public view is encoded once and shared by every observer */
    static core_public_view pub;      /* large: not on the stack */
    static core_seat_view sv;
    core_public_view_get(&h->st, &pub);
    net_buf *pub_buf = NULL;
    for (int i = 0; i < h->n_peers; i++) {
        peer *p = &h->peers[i];
        if (p->dead || p->state == PEER_HANDSHAKE || !(h->view_dirty || p->need_view))
            continue;
        if (p->state == PEER_OBSERVER) {
            if (!pub_buf) {
                size_t n = proto_encode_update(h->scratch, PROTO_MAX_FRAME, h->tick, &h->pending, 0, NULL, &pub);
                pub_buf = n ? net_buf_frame(h->scratch, n) : NULL;
            }
            if (pub_buf)
                host_send_buf(h, i, pub_buf);
        } else {
            core_seat_view_get(&h->st, p->seat, &sv);
            size_t n = proto_encode_update(h->scratch, PROTO_MAX_FRAME, h->tick, &h->pending, 1, &sv, NULL);
            if (n)
                host_send_payload(h, i, h->scratch, n);
            else
                host_logf(h, _("het beeld van plaats %d kon niet verpakt worden"), p->seat + 1);
        }
        p->need_view = false;
        int slot = (p->ring_head + p->ring_n) % HOST_ACK_RING;
        if (p->ring_n == HOST_ACK_RING)
            p->ring_head = (p->ring_head + 1) % HOST_ACK_RING;
        else
            p->ring_n++;
        p->sent_ticks[slot].tick = h->tick;
        p->sent_ticks[slot].bytes = p->bytes_out;
    }
    net_buf_unref(pub_buf);
    h->last = h->pending;
    h->pending.n = 0;
    h->view_dirty = false;
}
