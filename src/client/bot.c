/*
 * The headless bot client: `samenspel join --headless --bot team|solo`.
 * It is a plain front end of the client session that asks core_bot_next
 * what to do, exactly like a person reading the same seat view.
 */
#include "client/client.h"
#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    cli *c;
    const cli_options *o;
    bool waiting;          /* an action is in flight: wait for its answer */
    uint64_t sent_ms;      /* when it was sent: a lost answer must not stall the bot */
    uint64_t next_ms;
    bool ended;
    core_outcome outcome;
    core_collab_level level;
    int round;
    int rejects;
} bot_state;

static void on_status(void *ctx, cli_status st, const char *reason)
{
    bot_state *b = ctx;
    if (b->o->quiet)
        return;
    const char *names[] = {"idle", "connecting", "connected", "reconnecting", "rejected", "failed"};
    fprintf(stderr, "join: %s%s%s\n", names[st], reason && reason[0] ? ": " : "", reason ? reason : "");
}

static void on_view(void *ctx, const core_seat_view *sv, const core_public_view *pub, const core_events *ev)
{
    bot_state *b = ctx;
    /* Only the update that carries our own action (or a phase change) ends
     * the wait. An update the host sent before it read our action would make
     * the bot decide again on a stale view and repeat itself; the refusals
     * and back-offs that follow let the headless host's idle timer end
     * phases before the team has made its plan. */
    int me = sv ? sv->seat : -1;
    for (int i = 0; ev && i < ev->n && b->waiting; i++) {
        const core_event *e = &ev->ev[i];
        if (e->seat == me || e->type == CORE_EVT_PHASE || e->type == CORE_EVT_GAME_END ||
            (e->type == CORE_EVT_LEAD_SET && e->b == me))
            b->waiting = false;
    }
    for (int i = 0; ev && i < ev->n; i++)
        if (ev->ev[i].type == CORE_EVT_GAME_END)
            b->level = (core_collab_level)ev->ev[i].b;
    if (pub->outcome != CORE_OUTCOME_ONGOING && !b->ended) {
        b->ended = true;
        b->outcome = pub->outcome;
        b->round = pub->round;
        b->level = pub->live.level;
    }
}

static void on_reject(void *ctx, core_reject r, const char *text)
{
    bot_state *b = ctx;
    (void)r;
    b->waiting = false;
    b->rejects++;
    /* the state moved on between our view and the host: think again soon */
    b->next_ms = plat_now_ms() + 50;
    if (!b->o->quiet)
        fprintf(stderr, "join: bot action refused: %s\n", text);
}

int cli_run_headless(const cli_options *o)
{
    if (!o->host[0]) {
        fprintf(stderr, "%s\n", _("samenspel join --headless: geef de host op (bv. 127.0.0.1:47800)"));
        return 2;
    }
    bot_state b;
    memset(&b, 0, sizeof b);
    b.o = o;
    cli_callbacks cb = {&b, on_status, on_view, on_reject, NULL};
    char err[256];
    cli *c = cli_create(o, &cb, err, sizeof err);
    if (!c) {
        fprintf(stderr, "samenspel join: %s\n", err);
        return 1;
    }
    b.c = c;
    core_rng rng;
    uint64_t seed = plat_now_ns();
    core_rng_seed(&rng, seed, (uint64_t)(uintptr_t)&b);
    int rc = 0;
    for (;;) {
        cli_pump(c, 20);
        cli_status st = cli_status_get(c);
        if (st == CLI_STATUS_REJECTED || st == CLI_STATUS_FAILED) {
            if (b.ended)
                break; /* the host said goodbye after the end */
            fprintf(stderr, "samenspel join: %s\n", cli_reason(c));
            rc = 1;
            break;
        }
        if (b.ended)
            break;
        const core_seat_view *v = cli_seat_view(c);
        uint64_t now = plat_now_ms();
        if (b.waiting && (st != CLI_STATUS_CONNECTED || now > b.sent_ms + 1000))
            b.waiting = false; /* reconnected, or the answer was lost: think again */
        if (o->bot == CLI_BOT_NONE || st != CLI_STATUS_CONNECTED || !v || b.waiting)
            continue;
        if (now < b.next_ms)
            continue;
        core_action a;
        memset(&a, 0, sizeof a);
        if (!core_bot_next(cli_scenario(c), v, o->bot == CLI_BOT_TEAM ? CORE_BOT_TEAM : CORE_BOT_SOLO, &rng, &a))
            continue;
        if (cli_send_action(c, &a)) {
            b.waiting = true;
            b.sent_ms = now;
            b.next_ms = now + (uint64_t)o->pace_ms;
        }
    }
    if (b.ended) {
        printf(_("resultaat: %s, rondes: %d, samenwerkingsniveau: %s\n"),
               /* two outcomes: a win side by side is not announced as a plain win */
               core_game_verdict(b.outcome, b.level) == CORE_VERDICT_TOGETHER ? _("gewonnen")
               : b.outcome == CORE_OUTCOME_WON ? _("geholpen, maar naast elkaar gewerkt")
                                               : _("verloren"),
               b.round, _(core_level_name(b.level)));
        fflush(stdout);
    }
    cli_destroy(c);
    return rc;
}
