/*
 * host_seats: the seats of a session: who holds one (token, name, bot),
 * what the projector shows of them, the trainer's seat controls (release,
 * bot, kick) and the in-process bots that play their seats.
 */
#include "host/host_int.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <string.h>

/* ----------------------------------------------------------------- seats */

bool host_seat_connected(const host *h, int s)
{
    int pi = h->seats[s].peer;
    return pi >= 0 && !h->peers[pi].dead;
}

void host_journal_seat(host *h, int s)
{
    if (h->has_journal && h->journal.seat_changed)
        h->journal.seat_changed(h->journal.ctx, s, h->seats[s].name,
                                h->seats[s].taken ? h->seats[s].token : NULL, h->seats[s].bot);
}

/* Copies a display name into a seat's fixed buffer, cutting at a UTF-8
 * character boundary so a long role name never leaves half a character. */
void host_seat_name_set(char *dst, size_t cap, const char *prefix, const char *name, const char *suffix)
{
    size_t n = 0;
    const char *parts[3] = {prefix, name, suffix};
    for (int p = 0; p < 3; p++)
        for (const char *c = parts[p]; c && *c && n + 1 < cap; c++)
            dst[n++] = *c;
    /* back off to the start of the last complete character */
    if (n + 1 >= cap) {
        size_t k = n;
        while (k > 0 && ((unsigned char)dst[k - 1] & 0xC0u) == 0x80u)
            k--;
        if (k > 0 && ((unsigned char)dst[k - 1] & 0x80u)) {
            unsigned char lead = (unsigned char)dst[k - 1];
            size_t need = (lead & 0xE0u) == 0xC0u ? 2 : (lead & 0xF0u) == 0xE0u ? 3 : 4;
            if (n - (k - 1) < need)
                n = k - 1;
        }
    }
    dst[n] = '\0';
}

void host_seat_make_bot(host *h, int s, core_bot_kind kind)
{
    seat_slot *st = &h->seats[s];
    st->taken = true;
    st->bot = true;
    st->bot_kind = kind;
    core_rng_seed(&st->bot_rng, h->seed ^ 0x9e3779b97f4a7c15ull, (uint64_t)s + 1);
    const core_role_def *r = &h->sc->roles[h->sc->seat_roles[s]];
    host_seat_name_set(st->name, sizeof st->name, "bot (", r->name, ")");
    net_random_bytes(st->token, HOST_TOKEN_LEN);
    st->peer = -1;
    host_journal_seat(h, s);
}

bool host_seat_info_get(const host *h, int seat, host_seat_info *out)
{
    if (seat < 0 || seat >= h->sc->n_seats)
        return false;
    const seat_slot *st = &h->seats[seat];
    memset(out, 0, sizeof *out);
    out->role = h->sc->seat_roles[seat];
    out->role_id = h->sc->roles[out->role].id;
    out->role_name = h->sc->roles[out->role].name;
    memcpy(out->name, st->name, sizeof out->name);
    out->taken = st->taken;
    out->connected = st->bot || host_seat_connected(h, seat);
    out->bot = st->bot;
    out->kicked_before = st->kicked_before;
    out->last_seen_ms = st->last_seen_ms;
    memcpy(out->address, st->address, sizeof out->address);
    return true;
}

/* -------------------------------------------------------------- controls */

/* Nobody holds the seat any more (its token is forgotten). */
static void seat_free(host *h, int seat)
{
    seat_slot *st = &h->seats[seat];
    st->taken = st->bot = false;
    st->name[0] = '\0';
    memset(st->token, 0, sizeof st->token);
    h->lobby_dirty = true;
    host_journal_seat(h, seat);
}

bool host_release_seat(host *h, int seat)
{
    if (seat < 0 || seat >= h->sc->n_seats)
        return false;
    seat_slot *st = &h->seats[seat];
    if (st->peer >= 0) {
        host_send_bye(h, st->peer, PROTO_REJ_REPLACED, "seat released by the trainer");
    }
    host_logf(h, _("plaats %d is weer vrij"), seat + 1);
    seat_free(h, seat);
    return true;
}

bool host_seat_bot(host *h, int seat, core_bot_kind kind)
{
    if (seat < 0 || seat >= h->sc->n_seats)
        return false;
    seat_slot *st = &h->seats[seat];
    if (st->peer >= 0) {
        host_send_bye(h, st->peer, PROTO_REJ_REPLACED, "seat given to a bot");
    }
    host_seat_make_bot(h, seat, kind);
    host_logf(h, _("plaats %d wordt gespeeld door een bot"), seat + 1);
    h->lobby_dirty = true;
    return true;
}

bool host_kick_seat(host *h, int seat)
{
    if (seat < 0 || seat >= h->sc->n_seats)
        return false;
    seat_slot *st = &h->seats[seat];
    if (st->taken && !st->bot) {
        if (h->n_kicked == HOST_MAX_KICKED) {
            memmove(h->kicked[0], h->kicked[1], sizeof h->kicked[0] * (HOST_MAX_KICKED - 1));
            h->n_kicked--;
        }
        memcpy(h->kicked[h->n_kicked++], st->token, HOST_TOKEN_LEN);
    }
    if (st->peer >= 0) {
        host_send_bye(h, st->peer, PROTO_REJ_KICKED, "kicked by the trainer");
    }
    host_logf(h, _("plaats %d (%s) is eraf gezet"), seat + 1, st->name);
    st->kicked_before = true;
    seat_free(h, seat);
    return true;
}

/* ------------------------------------------------------------------ bots */

bool host_run_bots(host *h, uint64_t now)
{
    if (h->paused || h->st.phase == CORE_PHASE_LOBBY || h->st.outcome != CORE_OUTCOME_ONGOING)
        return false;
    bool acted = false;
    int steps = 0;
    bool progress = true;
    while (progress && steps < HOST_MAX_BOT_STEPS) {
        progress = false;
        for (int s = 0; s < h->sc->n_seats && steps < HOST_MAX_BOT_STEPS; s++) {
            seat_slot *st = &h->seats[s];
            if (!st->bot || now < st->bot_next_ms)
                continue;
            core_seat_view v;
            core_seat_view_get(&h->st, s, &v);
            core_action a;
            memset(&a, 0, sizeof a);
            if (!core_bot_next(h->sc, &v, st->bot_kind, &st->bot_rng, &a))
                continue;
            a.seat = s;
            core_reject r = host_submit(h, &a);
            steps++;
            if (r != CORE_OK) {
                /* a bot that proposes an illegal move would loop: pause it */
                host_logf(h, _("bot op plaats %d: %s"), s + 1, _(core_reject_message(r)));
                st->bot_next_ms = now + 1000;
                continue;
            }
            acted = progress = true;
            if (!h->opts.headless) {
                st->bot_next_ms = now + HOST_BOT_PACE_MS;
            }
        }
    }
    return acted;
}
