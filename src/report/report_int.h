/*
 * Private to the report module: the model of a replayed session (rows of
 * actions and events, labels) and the text buffer the HTML and CSV writers
 * fill. Nothing here is part of report.h.
 */
#ifndef SAMENSPEL_REPORT_INT_H
#define SAMENSPEL_REPORT_INT_H

#include "core/core.h"
#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------- buffer (report_buf.c) */

/* A growing text buffer; on allocation failure it stays marked failed and
 * the export reports "out of memory" once at the end. */
typedef struct {
    char *p;
    size_t n, cap;
    bool failed;
} rpt_buf;

void rpt_sb_puts(rpt_buf *b, const char *s);
void rpt_sb_printf(rpt_buf *b, const char *fmt, ...);
void rpt_set_err(char *err, size_t err_len, const char *fmt, ...);
/* Text for HTML/SVG/XML: escaped, invalid UTF-8 and control characters
 * replaced. */
void rpt_sb_html(rpt_buf *b, const char *s);
/* The pupil as the report and the handout introduce them, inside the
 * caller's paragraph: bold name, age, class, then the casus text. */
void rpt_html_pupil(rpt_buf *b, const core_scenario *sc);
/* One CSV field (RFC 4180): quoted when it holds a comma, quote, CR, LF or
 * leading/trailing space; quotes doubled. Invalid UTF-8 replaced, so that
 * R's read.csv(encoding = "UTF-8") never stops on a byte. */
void rpt_sb_csv(rpt_buf *b, const char *s);
void rpt_sb_csv_int(rpt_buf *b, long long v);

/* ------------------------------------------------ model (report_model.c) */

typedef enum { RPT_ROW_ACTION = 0, RPT_ROW_EVENT } rpt_row_kind;

typedef struct {
    rpt_row_kind kind;
    uint64_t seq;
    int64_t at;               /* Unix seconds the action was accepted, 0 = unknown */
    int round;
    core_phase phase;
    core_action act;          /* RPT_ROW_ACTION */
    core_event ev;            /* RPT_ROW_EVENT */
} rpt_row;

typedef struct {
    int from, to, need;
    core_promise_kind kind;
} rpt_promise;

/* Rules v2 as the journal tells them (the state keeps only the latest of
 * each): an afspraak that was made, a verbeteractie and its check, and
 * what each round did with time, consent and reflection. */
typedef struct {
    int friction;
    int round;                /* made in */
    int boundary_round;       /* became a grenservaring in, 0 = not (yet) */
    uint32_t agreed;          /* seats that agreed */
    char text[CORE_ANSWER_LEN];
} rpt_afspraak;

typedef struct {
    int round, seat;
    int checked_round;        /* 0 = never checked */
    int checked_by;
    bool done;
    char text[CORE_ANSWER_LEN];
} rpt_improvement;

typedef struct {
    int overleg_used;         /* time units spent */
    int overleg_left;         /* left when the round ended */
    int consent_asked, consent_given, consent_refused, no_consent;
    int card;                 /* reflection card, CORE_NONE */
    int answers[CORE_MAX_OPTIONS];
    int answered;
} rpt_round_info;

#define RPT_MAX_IMPROVEMENTS ((CORE_MAX_ROUNDS + 1) * CORE_MAX_SEATS)

typedef struct {
    const core_scenario *sc;
    core_state *st;
    store_session sess;
    bool anonymize;
    bool en;                  /* English number format */
    rpt_row *rows;
    size_t n_rows, cap_rows;
    size_t n_actions, n_events;
    /* the replay stopped at this seq (0 = complete) and why */
    uint64_t replay_stop_seq;
    char replay_stop_why[200];
    bool hash_checked, hash_ok;
    char labels[CORE_MAX_SEATS][STORE_NAME_LEN + CORE_TITLE_LEN + 8];
    /* promises of the round being described, by index */
    rpt_promise promises[CORE_MAX_PROMISES];
    int promise_round;
    int reflection_card;      /* shown in the round being described */
    int rounds;               /* rounds played (1..) */
    rpt_afspraak afspraken[CORE_MAX_FRICTIONS];
    int n_afspraken;
    rpt_improvement improvements[RPT_MAX_IMPROVEMENTS];
    int n_improvements;
    rpt_round_info round_info[CORE_MAX_ROUNDS + 1];
} rpt_model;

/* The pupil outcome joined with the level (RULES.md "Two outcomes"). */
const char *rpt_verdict_label(core_verdict v);
/* The words of an afspraak: the level's option or the team's own. */
const char *rpt_afspraak_words(const rpt_model *m, int friction, int option, const char *text);

const char *rpt_phase_key(core_phase p);
const char *rpt_phase_label(core_phase p);
const char *rpt_level_label(core_collab_level l);
const char *rpt_outcome_label(core_outcome o);
const char *rpt_block_label(core_building_block b);
const char *rpt_action_key(core_action_type t);
const char *rpt_event_key(core_event_type t);
const char *rpt_card_title(const rpt_model *m, int i);
const char *rpt_reflection_question(const rpt_model *m, int i);
const char *rpt_reflection_option(const rpt_model *m, int card, int opt);
int rpt_seat_role(const rpt_model *m, int seat);
const char *rpt_role_name(const rpt_model *m, int seat);
const char *rpt_role_id(const rpt_model *m, int seat);
const char *rpt_seat_label(const rpt_model *m, int seat);
/* Labels: the player's name, or the role when anonymized or free; made
 * unique (two seats with the same role or name) because the CSVs use them
 * as node ids. */
void rpt_make_labels(rpt_model *m);
/* With anonymize, player names typed into answers are replaced by the
 * role too (case-insensitive; a name inside a longer word goes as well,
 * privacy before prettiness). */
void rpt_scrub_names(const rpt_model *m, const char *in, char *out, size_t out_len);
/* Replays the journal; every action and event becomes a row with the
 * round and phase it happened in. */
bool rpt_replay(rpt_model *m, const core_action *acts, const uint64_t *seqs, const int64_t *at,
                size_t n, char *err, size_t err_len);
void rpt_fmt_num(const rpt_model *m, double v, char *out, size_t len);
/* Walk the rows in order while following the context their descriptions
 * need (the promises of the round, indices restart each round, and the
 * reflection card on the table): rpt_row_first starts over, NULL at the end.
 *   for (const rpt_row *r = rpt_row_first(m); r; r = rpt_row_next(m, r)) */
const rpt_row *rpt_row_first(rpt_model *m);
const rpt_row *rpt_row_next(rpt_model *m, const rpt_row *r);
void rpt_describe_action(const rpt_model *m, const core_action *a, char *out, size_t len);
void rpt_describe_event(const rpt_model *m, const core_event *e, char *out, size_t len);
/* How often seats i and j worked together in round r: the larger of the
 * two directions. */
uint16_t rpt_edge_weight(const rpt_model *m, int r, int i, int j);

/* ------------------------------------ writers (report_csv.c, report_html.c) */

/* Each writes one file of the report into b (the model is not const: the
 * writers walk its rows with rpt_row_first/rpt_row_next). */
void rpt_build_events_csv(rpt_model *m, rpt_buf *b);
void rpt_build_edges_csv(rpt_model *m, rpt_buf *b);
void rpt_build_nodes_csv(rpt_model *m, rpt_buf *b);
void rpt_build_html(rpt_model *m, rpt_buf *b);
void rpt_build_rounds_csv(rpt_model *m, rpt_buf *b);
void rpt_build_afspraken_csv(rpt_model *m, rpt_buf *b);

#endif
