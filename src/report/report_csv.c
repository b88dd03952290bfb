/* report_csv: events.csv, edges.csv and nodes.csv for Gephi, R and
 * spreadsheets, written from the replayed model. */
#include "report/report_int.h"

#include "platform/i18n.h"

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
