/* report_csv: events.csv, edges.csv and nodes.csv for Gephi, R and
 * spreadsheets, written from the replayed model. */
#include "report/report_int.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <time.h>

void rpt_build_events_csv(rpt_model *m, rpt_buf *b)
{
    rpt_sb_puts(b, "seq,kind,round,phase,seat,role,name,type,details,time\r\n");
    char details[2 * CORE_ANSWER_LEN + 512];
    for (const rpt_row *r = rpt_row_first(m); r; r = rpt_row_next(m, r)) {
        int seat = r->kind == RPT_ROW_ACTION ? r->act.seat : r->ev.seat;
        rpt_sb_csv_int(b, (long long)r->seq);
        rpt_sb_puts(b, r->kind == RPT_ROW_ACTION ? ",action," : ",event,");
        rpt_sb_csv_int(b, r->round);
        rpt_sb_puts(b, ",");
        rpt_sb_csv(b, rpt_phase_key(r->phase));
        rpt_sb_puts(b, ",");
        if (seat == CORE_SEAT_HOST && r->kind == RPT_ROW_ACTION) {
            rpt_sb_puts(b, "host,trainer,");
            rpt_sb_csv(b, _("trainer"));
        } else if (seat >= 0 && seat < m->sc->n_seats) {
            rpt_sb_csv_int(b, seat);
            rpt_sb_puts(b, ",");
            rpt_sb_csv(b, rpt_role_id(m, seat));
            rpt_sb_puts(b, ",");
            rpt_sb_csv(b, rpt_seat_label(m, seat));
        } else {
            rpt_sb_puts(b, ",,");
        }
        rpt_sb_puts(b, ",");
        rpt_sb_csv(b, r->kind == RPT_ROW_ACTION ? rpt_action_key(r->act.type) : rpt_event_key(r->ev.type));
        rpt_sb_puts(b, ",");
        if (r->kind == RPT_ROW_ACTION)
            rpt_describe_action(m, &r->act, details, sizeof details);
        else
            rpt_describe_event(m, &r->ev, details, sizeof details);
        rpt_sb_csv(b, details);
        rpt_sb_puts(b, ",");
        /* ISO 8601 in UTC: R's as.POSIXct and spreadsheets read it */
        char when[32] = "";
        time_t t = (time_t)r->at;
        struct tm tmv;
        if (r->at > 0 && gmtime_r(&t, &tmv))
            strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tmv);
        rpt_sb_puts(b, when);
        rpt_sb_puts(b, "\r\n");
    }
}


void rpt_build_edges_csv(rpt_model *m, rpt_buf *b)
{
    rpt_sb_puts(b, "Source,Target,Weight,Round,Type\r\n");
    for (int r = 0; r <= m->rounds; r++) {
        for (int i = 0; i < m->sc->n_seats; i++) {
            for (int j = i + 1; j < m->sc->n_seats; j++) {
                uint16_t w = rpt_edge_weight(m, r, i, j);
                if (!w)
                    continue;
                rpt_sb_csv(b, rpt_seat_label(m, i));
                rpt_sb_puts(b, ",");
                rpt_sb_csv(b, rpt_seat_label(m, j));
                rpt_sb_printf(b, ",%u,%d,Undirected\r\n", (unsigned)w, r);
            }
        }
    }
}

void rpt_build_nodes_csv(rpt_model *m, rpt_buf *b)
{
    rpt_sb_puts(b, "Id,Label,Role\r\n");
    for (int i = 0; i < m->sc->n_seats; i++) {
        rpt_sb_csv(b, rpt_seat_label(m, i));
        rpt_sb_puts(b, ",");
        rpt_sb_csv(b, rpt_seat_label(m, i));
        rpt_sb_puts(b, ",");
        rpt_sb_csv(b, rpt_role_id(m, i));
        rpt_sb_puts(b, "\r\n");
    }
}

/* rounds.csv: one row per round played, with what rules v2 measures
 * (overleg time, trust, the pupil's voice, consent, honest reflection,
 * verbeteracties checked); `answers` is the count per reflection option,
 * "A:2 B:1" (options lettered as on the projector). */
void rpt_build_rounds_csv(rpt_model *m, rpt_buf *b)
{
    rpt_sb_puts(b, "round,level,overleg_used,overleg_budget,trust,pupil_heard,consent_asked,"
                   "consent_given,consent_refused,shared_without_consent,reflection_card,answers,"
                   "answered,reflective,improvements_checked\r\n");
    for (int r = 1; r <= m->rounds && r <= CORE_MAX_ROUNDS; r++) {
        const rpt_round_info *ri = &m->round_info[r];
        core_measures mm;
        core_measures_compute(m->st, r, &mm);
        /* the round still running has no closed record yet */
        bool closed = r < m->st->round || m->st->phase == CORE_PHASE_END;
        rpt_sb_printf(b, "%d,", r);
        rpt_sb_csv(b, core_level_key(mm.level));
        rpt_sb_printf(b, ",%d,%d,", ri->overleg_used,
                      m->sc->rules.overleg_budget > 0 ? ri->overleg_used + ri->overleg_left : 0);
        rpt_sb_printf(b, "%d,%d,%d,%d,%d,%d,", closed ? m->st->r_trust[r] : m->st->trust,
                      m->st->r_pupil[r] ? 1 : 0, ri->consent_asked, ri->consent_given,
                      ri->consent_refused, ri->no_consent);
        rpt_sb_csv(b, ri->card >= 0 && ri->card < m->sc->n_reflections ? m->sc->reflections[ri->card].id : "");
        rpt_sb_puts(b, ",");
        char ans[64] = "";
        size_t o = 0;
        int nopt = ri->card >= 0 && ri->card < m->sc->n_reflections ? m->sc->reflections[ri->card].n_options
                                                                   : 0;
        for (int k = 0; k < nopt && k < CORE_MAX_OPTIONS; k++) {
            int n = snprintf(ans + o, sizeof ans - o, "%s%c:%d", o ? " " : "", 'A' + k, ri->answers[k]);
            if (n > 0 && (size_t)n < sizeof ans - o)
                o += (size_t)n;
        }
        rpt_sb_csv(b, ans);
        rpt_sb_printf(b, ",%d,%d,%d\r\n", ri->answered, m->st->r_reflective[r] ? 1 : 0,
                      m->st->r_checked[r]);
    }
}

/* afspraken.csv: every afspraak the roles made, with who agreed and the
 * round it became a grenservaring (empty: not yet). */
void rpt_build_afspraken_csv(rpt_model *m, rpt_buf *b)
{
    rpt_sb_puts(b, "friction_id,friction,round,afspraak,agreed_by,grenservaring_round\r\n");
    char text[2 * CORE_ANSWER_LEN + 256];
    for (int i = 0; i < m->n_afspraken; i++) {
        const rpt_afspraak *a = &m->afspraken[i];
        bool ok = a->friction >= 0 && a->friction < m->sc->n_frictions;
        rpt_sb_csv(b, ok ? m->sc->frictions[a->friction].id : "");
        rpt_sb_puts(b, ",");
        rpt_sb_csv(b, ok ? m->sc->frictions[a->friction].title : "?");
        rpt_sb_printf(b, ",%d,", a->round);
        rpt_scrub_names(m, a->text, text, sizeof text);
        rpt_sb_csv(b, text);
        rpt_sb_puts(b, ",");
        char who[CORE_MAX_SEATS * (STORE_NAME_LEN + CORE_TITLE_LEN + 10)] = "";
        size_t o = 0;
        for (int s = 0; s < m->sc->n_seats && s < CORE_MAX_SEATS; s++)
            if (a->agreed & (1u << s))
                plat_str_append(who, sizeof who, &o, "; ", rpt_seat_label(m, s));
        rpt_sb_csv(b, who);
        rpt_sb_puts(b, ",");
        if (a->boundary_round > 0)
            rpt_sb_csv_int(b, a->boundary_round);
        rpt_sb_puts(b, "\r\n");
    }
}
