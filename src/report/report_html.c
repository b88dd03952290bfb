/* report_html: report.html, the self-contained page the trainer prints
 * (inline CSS and SVG network and measure charts). */
#include "report/report_int.h"

#include "platform/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* M_PI is not part of strict C11. */
#define REPORT_PI 3.14159265358979323846

/* Okabe–Ito: distinguishable with every common colour-vision deficiency. */
static const char *palette[8] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                 "#0072B2", "#D55E00", "#CC79A7", "#555555"};

static const char *seat_colour(const rpt_model *m, int seat)
{
    int r = rpt_seat_role(m, seat);
    int c = r == CORE_NONE ? 7 : m->sc->roles[r].colour;
    if (c < 0)
        c = 7;
    return palette[c % 8];
}

/* The collaboration network: seats on a circle, line width by weight.
 * w == NULL: overall weights (sum over rounds). */
static void svg_network(const rpt_model *m, rpt_buf *b, int round, int size, bool labels)
{
    int n = m->sc->n_seats;
    /* Labelled graphs get room at the sides for "Name (Role)". */
    int width = labels ? size + 200 : size;
    double cx = width / 2.0, cy = size / 2.0, rad = size * (labels ? 0.36 : 0.38);
    double px[CORE_MAX_SEATS], py[CORE_MAX_SEATS];
    unsigned w[CORE_MAX_SEATS][CORE_MAX_SEATS];
    unsigned maxw = 0, deg[CORE_MAX_SEATS] = {0};
    for (int i = 0; i < n; i++) {
        double ang = -REPORT_PI / 2 + 2 * REPORT_PI * i / n;
        px[i] = cx + rad * cos(ang);
        py[i] = cy + rad * sin(ang);
        for (int j = 0; j < n; j++) {
            unsigned sum = 0;
            if (i != j) {
                if (round > 0) {
                    sum = rpt_edge_weight(m, round, i, j);
                } else {
                    for (int r = 0; r <= m->rounds; r++)
                        sum += rpt_edge_weight(m, r, i, j);
                }
            }
            w[i][j] = sum;
            deg[i] += sum;
            if (sum > maxw)
                maxw = sum;
        }
    }
    rpt_sb_printf(b,
              "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"net\" width=\"%d\" height=\"%d\" "
              "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
              width, size, width, size);
    rpt_sb_html(b, round > 0 ? _("samenwerkingsnetwerk van de ronde") : _("samenwerkingsnetwerk"));
    rpt_sb_puts(b, "\">");
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            if (!w[i][j])
                continue;
            double stroke = 1.0 + (labels ? 9.0 : 5.0) * w[i][j] / (maxw ? maxw : 1);
            rpt_sb_printf(b,
                      "<line class=\"edge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                      "stroke=\"#37474f\" stroke-opacity=\"0.55\" stroke-width=\"%.1f\">"
                      "<title>",
                      px[i], py[i], px[j], py[j], stroke);
            rpt_sb_html(b, rpt_seat_label(m, i));
            rpt_sb_puts(b, " – ");
            rpt_sb_html(b, rpt_seat_label(m, j));
            rpt_sb_printf(b, ": %u</title></line>", w[i][j]);
            if (labels) {
                rpt_sb_printf(b,
                          "<text class=\"w\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%u</text>",
                          /* a third of the way from i: labels of lines that cross
                           * in the middle (the diameters) do not pile up */
                          px[i] + (px[j] - px[i]) * 0.34, py[i] + (py[j] - py[i]) * 0.34 - 3, w[i][j]);
            }
        }
    }
    unsigned maxdeg = 1;
    for (int i = 0; i < n; i++)
        if (deg[i] > maxdeg)
            maxdeg = deg[i];
    for (int i = 0; i < n; i++) {
        double r = (labels ? 12.0 : 6.0) + (labels ? 12.0 : 5.0) * deg[i] / maxdeg;
        rpt_sb_printf(b,
                  "<circle class=\"node\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" "
                  "stroke=\"#222\" stroke-width=\"1.5\"><title>",
                  px[i], py[i], r, seat_colour(m, i));
        rpt_sb_html(b, rpt_seat_label(m, i));
        rpt_sb_puts(b, " (");
        rpt_sb_html(b, rpt_role_name(m, i));
        rpt_sb_printf(b, "): %u</title></circle>", deg[i]);
        if (labels) {
            double ly = py[i] + (py[i] >= cy ? r + 16 : -r - 7);
            rpt_sb_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", px[i], ly);
            rpt_sb_html(b, rpt_seat_label(m, i));
            if (!m->anonymize) {
                rpt_sb_puts(b, " (");
                rpt_sb_html(b, rpt_role_name(m, i));
                rpt_sb_puts(b, ")");
            }
            rpt_sb_puts(b, "</text>");
        }
    }
    rpt_sb_puts(b, "</svg>");
}

/* A small line chart of one measure over the rounds (0..1), with the
 * level's threshold as a dashed line when there is one. */
static void svg_measure_chart(const rpt_model *m, rpt_buf *b, const char *title, const double *vals,
                              int n, double threshold)
{
    const int W = 155, H = 120, L = 30, R = 8, T = 22, B = 22;
    double pw = W - L - R, ph = H - T - B;
    rpt_sb_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" "
                 "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
              W, H, W, H);
    rpt_sb_html(b, title);
    rpt_sb_puts(b, "\">");
    rpt_sb_printf(b, "<text x=\"%d\" y=\"14\" class=\"ct\">", L);
    rpt_sb_html(b, title);
    rpt_sb_puts(b, "</text>");
    rpt_sb_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" stroke=\"#bbb\"/>",
              L, T, pw, ph);
    for (int k = 0; k <= 2; k++) {
        double y = T + ph - ph * k / 2.0;
        char lab[16];
        rpt_fmt_num(m, k / 2.0, lab, sizeof lab);
        rpt_sb_printf(b, "<text x=\"%d\" y=\"%.1f\" class=\"ax\" text-anchor=\"end\">%s</text>", L - 3, y + 3, lab);
    }
    if (threshold > 0 && threshold < 1) {
        double y = T + ph - ph * threshold;
        rpt_sb_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#D55E00\" "
                     "stroke-dasharray=\"4 3\"/>",
                  L, y, L + pw, y);
    }
    if (n > 0) {
        double step = n > 1 ? pw / (n - 1) : 0;
        rpt_sb_puts(b, "<polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < n; i++) {
            double v = isfinite(vals[i]) ? fmin(1.0, fmax(0.0, vals[i])) : 0;
            rpt_sb_printf(b, "%.1f,%.1f ", L + (n > 1 ? step * i : pw / 2), T + ph - ph * v);
        }
        rpt_sb_puts(b, "\"/>");
        for (int i = 0; i < n; i++) {
            double v = isfinite(vals[i]) ? fmin(1.0, fmax(0.0, vals[i])) : 0;
            double x = L + (n > 1 ? step * i : pw / 2), y = T + ph - ph * v;
            char lab[16];
            rpt_fmt_num(m, vals[i], lab, sizeof lab);
            rpt_sb_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0072B2\"><title>", x, y);
            rpt_sb_printf(b, _("ronde %d: %s"), i + 1, lab);
            rpt_sb_printf(b, "</title></circle><text x=\"%.1f\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">%d</text>",
                      x, H - 6, i + 1);
        }
    }
    rpt_sb_puts(b, "</svg>");
}

static const char css[] =
    "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#1a1a1a;max-width:60em;"
    "margin:1.5em auto;padding:0 1em;line-height:1.4;font-size:11pt}"
    "h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:2px solid #0072B2;padding-bottom:.1em;"
    "margin-top:1.6em;font-size:1.3em}h3{font-size:1.05em;margin:1em 0 .3em}"
    ".meta{color:#555}.tag{display:inline-block;padding:.05em .5em;border-radius:.6em;"
    "background:#e3eef8;margin:0 .2em .2em 0;font-size:.9em}"
    ".lvl-geen{background:#eee}.lvl-coordinerend{background:#fdebc8}.lvl-cooperatief{background:#d5efe4}"
    ".lvl-verbindend{background:#cfe3f7;font-weight:bold}"
    "table{border-collapse:collapse;margin:.5em 0;font-size:.95em}"
    "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
    "th{background:#f0f4f8}.num{text-align:right}"
    ".charts,.rounds{display:flex;flex-wrap:wrap;gap:.6em}"
    ".roundnet{text-align:center;font-size:.85em}"
    ".net .lbl{font-size:13px}.net .w{font-size:11px;fill:#37474f}"
    ".chart .ct{font-size:12px;font-weight:bold}.chart .ax{font-size:10px;fill:#555}"
    "ul.timeline{margin:.2em 0 .6em;padding-left:1.2em}ul.timeline li{margin:.1em 0}"
    ".who{font-weight:bold}.warn{background:#fff3cd;border:1px solid #e0b000;padding:.5em}"
    ".card{border:1px solid #bbb;border-left:6px solid #0072B2;padding:.4em .7em;margin:.5em 0;"
    "break-inside:avoid}.why{color:#444;font-style:italic}"
    "footer{margin-top:2em;color:#666;font-size:.85em}svg{max-width:100%;height:auto}"
    "table.legend tr.here td{background:#f3f7fb}tr.dir td{color:#00734f;font-weight:bold}"
    ".transfer{font-size:1.25em;font-weight:bold;border-left:6px solid #009E73;padding:.3em .7em}"
    "@page{size:A4;margin:15mm}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}"
    "h2{break-after:avoid}section{break-inside:auto}.card,table,svg,figure{break-inside:avoid}"
    "a{color:inherit;text-decoration:none}}";

/* Events worth a line in the printed timeline (the CSV has all of them). */
/* Opens a section of the page with its heading. */
static void html_section(rpt_buf *b, const char *id, const char *title)
{
    rpt_sb_printf(b, "<section id=\"%s\"><h2>", id);
    rpt_sb_html(b, title);
    rpt_sb_puts(b, "</h2>");
}

void rpt_html_pupil(rpt_buf *b, const core_scenario *sc)
{
    rpt_sb_puts(b, "<strong>");
    rpt_sb_html(b, sc->pupil_name);
    rpt_sb_puts(b, "</strong>");
    if (sc->pupil_age > 0)
        rpt_sb_printf(b, ", %d %s", sc->pupil_age, _("jaar"));
    if (sc->pupil_class[0]) {
        rpt_sb_puts(b, ", ");
        rpt_sb_html(b, sc->pupil_class);
    }
    rpt_sb_puts(b, ". ");
    rpt_sb_html(b, sc->pupil_text);
}

static void html_para(rpt_buf *b, const char *text)
{
    rpt_sb_puts(b, "<p>");
    rpt_sb_html(b, text);
    rpt_sb_puts(b, "</p>");
}

/* Opens a table with its header row. */
static void html_table_head(rpt_buf *b, const char *const *cols, int n)
{
    rpt_sb_puts(b, "<table><tr>");
    for (int i = 0; i < n; i++) {
        rpt_sb_puts(b, "<th>");
        rpt_sb_html(b, cols[i]);
        rpt_sb_puts(b, "</th>");
    }
    rpt_sb_puts(b, "</tr>");
}

static bool timeline_event(core_event_type t)
{
    switch (t) {
    case CORE_EVT_FRICTION_REVEALED: case CORE_EVT_SCRIPTED: case CORE_EVT_FACT_SHARED:
    case CORE_EVT_GOAL_ADOPTED: case CORE_EVT_GOAL_DROPPED: case CORE_EVT_LEAD_SET:
    case CORE_EVT_PROMISE: case CORE_EVT_PROMISE_ANSWER: case CORE_EVT_REVEAL:
    case CORE_EVT_NEED_MET: case CORE_EVT_GRENSERVARING: case CORE_EVT_FRICTION_DRAIN:
    case CORE_EVT_FRICTION_ESCALATED: case CORE_EVT_PROMISE_KEPT: case CORE_EVT_PROMISE_BROKEN:
    case CORE_EVT_REFLECTION: case CORE_EVT_ROUND_END: case CORE_EVT_GAME_END:
        return true;
    default:
        return false;
    }
}

static void html_level_tag(rpt_buf *b, core_collab_level l)
{
    rpt_sb_printf(b, "<span class=\"tag lvl-%s\">",
              (unsigned)l < CORE_LEVEL_COUNT ? (const char *[]){"geen", "coordinerend", "cooperatief", "verbindend"}[l] : "geen");
    rpt_sb_html(b, rpt_level_label(l));
    rpt_sb_puts(b, "</span>");
}

/* The legend of the four levels: what each looks like, in the projector's
 * words (proj_debrief.c), with this game's level marked. */
static void html_level_legend(rpt_buf *b, core_collab_level here)
{
    static const char *const what[CORE_LEVEL_COUNT] = {
        N_("ieder werkt apart; afspraken komen er niet of worden niet gehouden"),
        N_("jullie maken afspraken en houden ze, maar werken nog elk apart"),
        N_("de helft of meer van de bijdragen doen jullie samen met een andere rol"),
        N_("samen, rond een gedeeld doel, met reflectie en niet alles via één persoon")};
    rpt_sb_puts(b, "<h3>");
    rpt_sb_html(b, _("Niveaus van samenwerking: zo ziet het eruit"));
    rpt_sb_puts(b, "</h3><table class=\"legend\">");
    for (int l = 0; l < CORE_LEVEL_COUNT; l++) {
        rpt_sb_printf(b, "<tr%s><td>%d&#160;", l == (int)here ? " class=\"here\"" : "", l + 1);
        html_level_tag(b, (core_collab_level)l);
        rpt_sb_puts(b, "</td><td>");
        rpt_sb_html(b, _(what[l]));
        if (l == (int)here) {
            rpt_sb_puts(b, " <strong>");
            rpt_sb_html(b, _("(dit spel)"));
            rpt_sb_puts(b, "</strong>");
        }
        rpt_sb_puts(b, "</td></tr>");
    }
    rpt_sb_puts(b, "</table>");
}

static void html_scenario(const rpt_model *m, rpt_buf *b)
{
    const core_scenario *sc = m->sc;
    html_section(b, "scenario", _("Scenario"));
    rpt_sb_puts(b, "<p>");
    rpt_html_pupil(b, sc);
    rpt_sb_puts(b, "</p>");
    if (sc->intro[0])
        html_para(b, sc->intro);
    rpt_sb_puts(b, "<h3>");
    rpt_sb_html(b, _("Team"));
    rpt_sb_puts(b, "</h3>");
    html_table_head(b, (const char *[]){m->anonymize ? _("Plaats") : _("Naam"), _("Rol")}, 2);
    for (int i = 0; i < sc->n_seats; i++) {
        rpt_sb_printf(b, "<tr><td><span style=\"color:%s\">&#9679;</span> ", seat_colour(m, i));
        rpt_sb_html(b, rpt_seat_label(m, i));
        if (i < m->sess.n_seats && m->sess.seats[i].bot) {
            rpt_sb_puts(b, " <em>(");
            rpt_sb_html(b, _("bot"));
            rpt_sb_puts(b, ")</em>");
        }
        rpt_sb_puts(b, "</td><td>");
        rpt_sb_html(b, rpt_role_name(m, i));
        rpt_sb_puts(b, "</td></tr>");
    }
    rpt_sb_puts(b, "</table><h3>");
    rpt_sb_html(b, _("Noden van de leerling"));
    rpt_sb_puts(b, "</h3>");
    html_table_head(b, (const char *[]){_("Nood"), _("Domein"), _("Voortgang"), _("Trekker")}, 4);
    for (int i = 0; i < sc->n_needs; i++) {
        rpt_sb_puts(b, "<tr><td>");
        rpt_sb_html(b, sc->needs[i].title);
        rpt_sb_puts(b, "</td><td>");
        rpt_sb_html(b, sc->needs[i].domain);
        rpt_sb_printf(b, "</td><td class=\"num\">%d / %d%s</td><td>", m->st->need_progress[i],
                  sc->needs[i].target, m->st->need_met[i] ? " &#10003;" : "");
        rpt_sb_html(b, m->st->need_lead[i] >= 0 ? rpt_seat_label(m, m->st->need_lead[i]) : "–");
        rpt_sb_puts(b, "</td></tr>");
    }
    rpt_sb_puts(b, "</table></section>");
}

static void html_outcome(const rpt_model *m, rpt_buf *b, const core_measures *overall,
                         const core_measures *per_round)
{
    int met = 0;
    for (int i = 0; i < m->sc->n_needs; i++)
        met += m->st->need_met[i];
    html_section(b, "uitkomst", _("Uitkomst"));
    rpt_sb_puts(b, "<p><strong>");
    /* A session the host closed before the rules ended it (restart, new
     * level) was stopped, not "still running". */
    /* a win side by side is not headed as a plain win (RULES.md) */
    rpt_sb_html(b, m->st->outcome == CORE_OUTCOME_ONGOING && m->sess.finished
                   ? _("gestopt voor het einde van het spel")
                   : core_game_verdict(m->st->outcome, overall->level) == CORE_VERDICT_APART
                   ? rpt_verdict_label(CORE_VERDICT_APART)
                   : rpt_outcome_label(m->st->outcome));
    rpt_sb_puts(b, "</strong></p>");
    /* the verdict: both outcomes in one, never a plain win side by side */
    if (m->st->outcome != CORE_OUTCOME_ONGOING) {
        core_verdict v = core_game_verdict(m->st->outcome, overall->level);
        rpt_sb_printf(b, "<p class=\"verdict verdict-%s\"><strong>",
                      v == CORE_VERDICT_TOGETHER ? "together" : v == CORE_VERDICT_APART ? "apart" : "lost");
        rpt_sb_html(b, _("Oordeel:"));
        rpt_sb_puts(b, "</strong> ");
        char vl[300];
        snprintf(vl, sizeof vl, "%s – %s", m->sc->pupil_name, rpt_verdict_label(v));
        rpt_sb_html(b, vl);
        rpt_sb_puts(b, "</p>");
    }
    rpt_sb_puts(b, "<ul><li>");
    rpt_sb_printf(b, _("%d van %d noden bereikt"), met, m->sc->n_needs);
    rpt_sb_puts(b, "</li><li>");
    rpt_sb_printf(b, _("welbevinden %d, draagkracht %d"), m->st->welbevinden, m->st->draagkracht);
    rpt_sb_puts(b, "</li><li>");
    rpt_sb_printf(b, _("%d rondes gespeeld, %d acties"), m->rounds, (int)m->n_actions);
    rpt_sb_puts(b, "</li></ul><p>");
    rpt_sb_html(b, _("Samenwerkingsniveau over het hele spel:"));
    rpt_sb_puts(b, " ");
    html_level_tag(b, overall->level);
    rpt_sb_puts(b, "</p><p>");
    rpt_sb_html(b, _("Per ronde:"));
    rpt_sb_puts(b, " ");
    for (int r = 1; r <= m->rounds; r++) {
        rpt_sb_printf(b, "%d&#160;", r);
        html_level_tag(b, per_round[r].level);
    }
    rpt_sb_puts(b, "</p>");
    html_level_legend(b, overall->level);
    rpt_sb_puts(b, "</section>");
}

static void html_network(const rpt_model *m, rpt_buf *b, const core_measures *overall,
                         const core_measures *per_round)
{
    char v[4][16];
    html_section(b, "netwerk", _("Samenwerkingsnetwerk"));
    rpt_sb_puts(b, "<p>");
    rpt_sb_html(b, _("Een lijn verbindt twee spelers telkens ze samen aan dezelfde nood of spanning "
                 "werkten, elkaar om hulp vroegen en antwoordden, of een gedeeld dossierfeit "
                 "gebruikten. Hoe dikker de lijn, hoe vaker."));
    rpt_sb_puts(b, "</p><figure>");
    svg_network(m, b, 0, 420, true);
    rpt_sb_puts(b, "</figure>");
    rpt_fmt_num(m, overall->density, v[0], sizeof v[0]);
    rpt_fmt_num(m, overall->centrality, v[1], sizeof v[1]);
    rpt_fmt_num(m, overall->diversity, v[2], sizeof v[2]);
    rpt_fmt_num(m, overall->goal_directedness, v[3], sizeof v[3]);
    html_table_head(b, (const char *[]){_("Densiteit"), _("Centraliteit"), _("Diversiteit"),
                                        _("Doelgerichtheid")}, 4);
    rpt_sb_printf(b, "<tr><td class=\"num\">%s</td><td class=\"num\">%s</td>"
                     "<td class=\"num\">%s</td><td class=\"num\">%s</td></tr>",
                  v[0], v[1], v[2], v[3]);
    /* the legend: which way is good, and what each one measures */
    static const char *const means[4] = {N_("hoeveel rollen rechtstreeks samenwerkten"),
                                         N_("hoe sterk alles via één persoon liep"),
                                         N_("hoe verschillend de ingezette kennis was"),
                                         N_("deel van de kaarten voor een gedeeld doel")};
    rpt_sb_puts(b, "<tr class=\"dir\">");
    for (int i = 0; i < 4; i++) {
        rpt_sb_puts(b, "<td>");
        rpt_sb_html(b, i == 1 ? _("↓ lager is beter") : _("↑ hoger is beter"));
        rpt_sb_puts(b, "</td>");
    }
    rpt_sb_puts(b, "</tr><tr>");
    for (int i = 0; i < 4; i++) {
        rpt_sb_puts(b, "<td>");
        rpt_sb_html(b, _(means[i]));
        rpt_sb_puts(b, "</td>");
    }
    rpt_sb_puts(b, "</tr></table>");
    if (overall->centrality > m->sc->rules.centrality_alarm && m->sc->rules.centrality_alarm > 0) {
        rpt_sb_puts(b, "<p class=\"warn\">");
        rpt_sb_html(b, _("Alles via één persoon: één persoon stond centraal in het netwerk. "
                     "Wie had er ook iets kunnen bijdragen?"));
        rpt_sb_puts(b, "</p>");
    }

    rpt_sb_puts(b, "<h3>");
    rpt_sb_html(b, _("Vier netwerkparameters per ronde"));
    rpt_sb_puts(b, "</h3><div class=\"charts\">");
    double vals[4][CORE_MAX_ROUNDS];
    for (int r = 1; r <= m->rounds; r++) {
        vals[0][r - 1] = per_round[r].density;
        vals[1][r - 1] = per_round[r].centrality;
        vals[2][r - 1] = per_round[r].diversity;
        vals[3][r - 1] = per_round[r].goal_directedness;
    }
    const core_rules *ru = &m->sc->rules;
    svg_measure_chart(m, b, _("Densiteit"), vals[0], m->rounds, ru->density_low);
    svg_measure_chart(m, b, _("Centraliteit"), vals[1], m->rounds, ru->centrality_alarm);
    svg_measure_chart(m, b, _("Diversiteit"), vals[2], m->rounds, ru->diversity_low);
    svg_measure_chart(m, b, _("Doelgerichtheid"), vals[3], m->rounds, 0);
    rpt_sb_puts(b, "</div><p class=\"meta\">");
    rpt_sb_html(b, _("Gestreepte lijn: de drempel van de casus (alarm of ‘laag’)."));
    rpt_sb_puts(b, "</p><h3>");
    rpt_sb_html(b, _("Netwerk per ronde"));
    rpt_sb_puts(b, "</h3><div class=\"rounds\">");
    for (int r = 1; r <= m->rounds; r++) {
        rpt_sb_puts(b, "<div class=\"roundnet\">");
        svg_network(m, b, r, 130, false);
        rpt_sb_puts(b, "<br/>");
        rpt_sb_printf(b, _("ronde %d"), r);
        rpt_sb_puts(b, "</div>");
    }
    rpt_sb_puts(b, "</div></section>");
}

static void html_timeline(rpt_model *m, rpt_buf *b)
{
    html_section(b, "tijdlijn", _("Wat gebeurde er? Tijdlijn per ronde"));
    int open_round = -1;
    char text[2 * CORE_ANSWER_LEN + 512];
    for (const rpt_row *r = rpt_row_first(m); r; r = rpt_row_next(m, r)) {
        if (r->kind != RPT_ROW_EVENT || !timeline_event(r->ev.type))
            continue;
        if (r->round != open_round) {
            if (open_round >= 0)
                rpt_sb_puts(b, "</ul>");
            rpt_sb_puts(b, "<h3>");
            if (r->round == 0)
                rpt_sb_html(b, _("Voor de eerste ronde"));
            else
                rpt_sb_printf(b, _("Ronde %d"), r->round);
            rpt_sb_puts(b, "</h3><ul class=\"timeline\">");
            open_round = r->round;
        }
        rpt_describe_event(m, &r->ev, text, sizeof text);
        rpt_sb_puts(b, "<li>");
        if (r->ev.seat >= 0 && r->ev.seat < m->sc->n_seats) {
            rpt_sb_puts(b, "<span class=\"who\">");
            rpt_sb_html(b, rpt_seat_label(m, r->ev.seat));
            rpt_sb_puts(b, "</span> ");
        }
        rpt_sb_html(b, text);
        rpt_sb_puts(b, " <span class=\"meta\">(");
        rpt_sb_html(b, rpt_phase_label(r->phase));
        rpt_sb_puts(b, ")</span></li>");
    }
    if (open_round >= 0)
        rpt_sb_puts(b, "</ul>");
    else {
        html_para(b, _("Er is nog niets gebeurd in deze sessie."));
    }
    rpt_sb_puts(b, "</section>");
}

static void html_frictions(const rpt_model *m, rpt_buf *b)
{
    html_section(b, "spanningen", _("Spanningen en grenservaringen"));
    bool any = false;
    char text[512];
    for (int f = 0; f < m->sc->n_frictions; f++) {
        int revealed = 0, won = 0, drained = 0, worst = 0;
        uint32_t tacklers = 0;
        for (size_t i = 0; i < m->n_rows; i++) {
            const rpt_row *r = &m->rows[i];
            if (r->kind != RPT_ROW_EVENT)
                continue;
            const core_event *e = &r->ev;
            if (e->type == CORE_EVT_FRICTION_REVEALED && e->a == f && !revealed)
                revealed = r->round ? r->round : 1;
            if (e->type == CORE_EVT_GRENSERVARING && e->a == f)
                won = r->round ? r->round : 1;
            if (e->type == CORE_EVT_FRICTION_DRAIN && e->a == f)
                drained += e->b;
            if ((e->type == CORE_EVT_FRICTION_REVEALED || e->type == CORE_EVT_FRICTION_ESCALATED) &&
                e->a == f && e->b > worst)
                worst = e->b;
            if (e->type == CORE_EVT_REVEAL && e->b == 1 && e->c == f && e->seat >= 0 &&
                e->seat < CORE_MAX_SEATS)
                tacklers |= 1u << e->seat;
        }
        if (!revealed)
            continue;
        any = true;
        rpt_sb_puts(b, "<div class=\"card\"><strong>");
        rpt_sb_html(b, m->sc->frictions[f].title);
        rpt_sb_puts(b, "</strong> <span class=\"meta\">");
        rpt_sb_printf(b, _("(op tafel in ronde %d, ernst tot %d)"), revealed, worst);
        rpt_sb_puts(b, "</span><br/>");
        rpt_sb_html(b, m->sc->frictions[f].text);
        rpt_sb_puts(b, "<br/>");
        if (won) {
            snprintf(text, sizeof text, _("Grenservaring in ronde %d: samen aangepakt, innovatie ‘%s’."),
                     won, rpt_card_title(m, m->sc->frictions[f].innovation_card));
            rpt_sb_puts(b, "<strong>");
            rpt_sb_html(b, text);
            rpt_sb_puts(b, "</strong>");
        } else if (drained) {
            snprintf(text, sizeof text, _("Niet samen aangepakt: kostte in totaal %d punten."), drained);
            rpt_sb_html(b, text);
        } else {
            rpt_sb_html(b, _("Nog niet opgelost."));
        }
        if (tacklers) {
            rpt_sb_puts(b, " ");
            rpt_sb_html(b, _("Alleen geprobeerd door:"));
            for (int s = 0; s < m->sc->n_seats; s++) {
                if (tacklers & (1u << s)) {
                    rpt_sb_puts(b, " <span class=\"tag\">");
                    rpt_sb_html(b, rpt_seat_label(m, s));
                    rpt_sb_puts(b, "</span>");
                }
            }
        }
        rpt_sb_puts(b, "</div>");
    }
    if (!any) {
        html_para(b, _("Er kwamen geen spanningen op tafel."));
    }
    rpt_sb_puts(b, "</section>");
}

/* Rules v2: the afspraken, each round's time, trust, voice, consent and
 * reflection, and the verbeteracties with their check. */
static void html_rules2(const rpt_model *m, rpt_buf *b)
{
    char text[2 * CORE_ANSWER_LEN + 256];
    html_section(b, "afspraken", _("Afspraken over spanningen"));
    if (m->n_afspraken == 0)
        html_para(b, _("Er werd geen afspraak gemaakt: spanningen werden hoogstens verzacht met kaarten."));
    else {
        html_table_head(b, (const char *[]){_("Spanning"), _("Afspraak"), _("Ronde"), _("Akkoord"),
                                            _("Grenservaring")}, 5);
        for (int i = 0; i < m->n_afspraken; i++) {
            const rpt_afspraak *a = &m->afspraken[i];
            rpt_sb_puts(b, "<tr><td>");
            rpt_sb_html(b, a->friction >= 0 && a->friction < m->sc->n_frictions
                               ? m->sc->frictions[a->friction].title : "?");
            rpt_sb_puts(b, "</td><td>");
            rpt_scrub_names(m, a->text, text, sizeof text);
            rpt_sb_html(b, text);
            rpt_sb_printf(b, "</td><td class=\"num\">%d</td><td>", a->round);
            bool first = true;
            for (int s = 0; s < m->sc->n_seats && s < CORE_MAX_SEATS; s++)
                if (a->agreed & (1u << s)) {
                    rpt_sb_puts(b, first ? "" : ", ");
                    rpt_sb_html(b, rpt_seat_label(m, s));
                    first = false;
                }
            rpt_sb_puts(b, "</td><td>");
            if (a->boundary_round > 0)
                rpt_sb_printf(b, _("ronde %d"), a->boundary_round);
            else
                rpt_sb_puts(b, "–");
            rpt_sb_puts(b, "</td></tr>");
        }
        rpt_sb_puts(b, "</table>");
    }
    rpt_sb_puts(b, "</section>");

    html_section(b, "rondes", _("Tijd, vertrouwen, stem en toestemming per ronde"));
    html_table_head(b, (const char *[]){_("Ronde"), _("Overlegtijd gebruikt"), _("Vertrouwen"),
                                        _("Leerling gehoord"), _("Toestemming gevraagd / gegeven"),
                                        _("Zonder toestemming"), _("Antwoorden op de reflectie"),
                                        _("Reflectief")}, 8);
    for (int r = 1; r <= m->rounds && r <= CORE_MAX_ROUNDS; r++) {
        const rpt_round_info *ri = &m->round_info[r];
        bool closed = r < m->st->round || m->st->phase == CORE_PHASE_END;
        rpt_sb_printf(b, "<tr class=\"round\"><td class=\"num\">%d</td><td class=\"num\">", r);
        if (m->sc->rules.overleg_budget > 0)
            rpt_sb_printf(b, "%d / %d", ri->overleg_used, ri->overleg_used + ri->overleg_left);
        else
            rpt_sb_printf(b, "%d", ri->overleg_used);
        rpt_sb_printf(b, "</td><td class=\"num\">%d / %d</td><td>",
                      closed ? m->st->r_trust[r] : m->st->trust, m->sc->rules.trust_max);
        rpt_sb_html(b, m->st->r_pupil[r] ? _("ja") : _("nee"));
        rpt_sb_printf(b, "</td><td class=\"num\">%d / %d</td><td class=\"num\">%d</td><td>",
                      ri->consent_asked, ri->consent_given, ri->no_consent);
        if (ri->card >= 0 && ri->card < m->sc->n_reflections) {
            const core_reflection_def *d = &m->sc->reflections[ri->card];
            for (int k = 0; k < d->n_options && k < CORE_MAX_OPTIONS; k++) {
                rpt_sb_puts(b, k ? "<br/>" : "");
                rpt_sb_printf(b, "%d × ", ri->answers[k]);
                rpt_sb_html(b, d->options[k]);
            }
        } else {
            rpt_sb_puts(b, "–");
        }
        rpt_sb_puts(b, "</td><td>");
        rpt_sb_html(b, !closed ? "–" : m->st->r_reflective[r] ? _("ja: iedereen, en het past")
                                                               : _("nee"));
        rpt_sb_puts(b, "</td></tr>");
    }
    rpt_sb_puts(b, "</table><p class=\"meta\">");
    rpt_sb_html(b, _("Reflectief: iedereen antwoordde, en elk antwoord past bij wat er in de ronde gebeurde."));
    rpt_sb_puts(b, "</p></section>");

    html_section(b, "verbeteracties", _("Verbeteracties en of ze later nagekeken werden"));
    if (m->n_improvements == 0)
        html_para(b, _("Er werden geen verbeteracties geschreven."));
    else {
        html_table_head(b, (const char *[]){_("Ronde"), _("Wie"), _("Verbeteractie"),
                                            _("Nagekeken")}, 4);
        for (int i = 0; i < m->n_improvements; i++) {
            const rpt_improvement *im = &m->improvements[i];
            rpt_sb_printf(b, "<tr class=\"improvement\"><td class=\"num\">%d</td><td>", im->round);
            rpt_sb_html(b, rpt_seat_label(m, im->seat));
            rpt_sb_puts(b, "</td><td>");
            rpt_scrub_names(m, im->text, text, sizeof text);
            rpt_sb_html(b, text);
            rpt_sb_puts(b, "</td><td>");
            if (im->checked_round > 0) {
                snprintf(text, sizeof text,
                         im->done ? _("in ronde %d: gedaan") : _("in ronde %d: nog niet gedaan"),
                         im->checked_round);
                rpt_sb_html(b, text);
            } else {
                rpt_sb_html(b, _("niet nagekeken"));
            }
            rpt_sb_puts(b, "</td></tr>");
        }
        rpt_sb_puts(b, "</table>");
    }
    rpt_sb_puts(b, "</section>");
}

static void html_reflections(const rpt_model *m, rpt_buf *b)
{
    html_section(b, "reflectie", _("Reflecties en verbeteracties"));
    int card = CORE_NONE, card_round = -1;
    bool any = false, list_open = false;
    char text[2 * CORE_ANSWER_LEN + 256];
    for (size_t i = 0; i < m->n_rows; i++) {
        const rpt_row *r = &m->rows[i];
        if (r->kind == RPT_ROW_EVENT && r->ev.type == CORE_EVT_REFLECTION) {
            card = r->ev.a;
            card_round = r->round;
            if (list_open)
                rpt_sb_puts(b, "</ul>");
            list_open = false;
            rpt_sb_puts(b, "<h3>");
            rpt_sb_printf(b, _("Ronde %d"), r->round);
            rpt_sb_puts(b, ": ");
            rpt_sb_html(b, rpt_reflection_question(m, card));
            rpt_sb_puts(b, "</h3>");
        }
        if (r->kind == RPT_ROW_ACTION && r->act.type == CORE_ACT_REFLECT && r->round == card_round) {
            if (!list_open)
                rpt_sb_puts(b, "<ul>");
            list_open = true;
            any = true;
            rpt_sb_puts(b, "<li><span class=\"who\">");
            rpt_sb_html(b, rpt_seat_label(m, r->act.seat));
            rpt_sb_puts(b, "</span>: ");
            rpt_sb_html(b, rpt_reflection_option(m, card, r->act.a));
            rpt_scrub_names(m, r->act.text, text, sizeof text);
            if (text[0]) {
                rpt_sb_puts(b, "<br/><em>");
                rpt_sb_html(b, _("Verbeteractie:"));
                rpt_sb_puts(b, "</em> ");
                rpt_sb_html(b, text);
            }
            rpt_sb_puts(b, "</li>");
        }
    }
    if (list_open)
        rpt_sb_puts(b, "</ul>");
    if (!any) {
        html_para(b, _("Er werden geen reflecties beantwoord."));
    }
    rpt_sb_puts(b, "</section>");
}

/* The evidence that carries no number: one sentence each, with where. */
static const struct {
    core_evidence_tag tag;
    const char *fmt;
} plain_reasons[] = {
    {CORE_EV_TAG_GEEN_GEDEELD_DOEL, N_("er was geen gedeeld doel %s")},
    {CORE_EV_TAG_SPANNING_GENEGEERD, N_("een spanning werd genegeerd %s")},
    {CORE_EV_TAG_GRENSERVARING, N_("een spanning werd samen een grenservaring %s")},
    {CORE_EV_TAG_NIET_REFLECTIEF, N_("niet iedereen beantwoordde de reflectie %s")},
    {CORE_EV_TAG_DOSSIER_ONGEDEELD, N_("een nood bleef in het duister %s")},
    {CORE_EV_TAG_ROL_AFWEZIG, N_("iemand droeg niets bij %s")},
    {CORE_EV_TAG_ERVARINGSKENNIS_ONBENUT, N_("ervaringskennis werd niet gebruikt %s")},
    {CORE_EV_TAG_GEEN_TREKKER, N_("een nood had geen trekker %s")},
};

/* English reasons, from the tag and the measures (core writes Dutch ones). */
static void fan_reason(const rpt_model *m, const core_fan_pick *p, const core_measures *per_round,
                       const core_measures *overall, char *out, size_t len)
{
    if (!m->en) {
        snprintf(out, len, "%s", p->reason);
        return;
    }
    /* An absent pick stands for a signal that never showed: the tag-based
     * English sentences below would state it as if it happened. */
    if (p->absent) {
        snprintf(out, len, "%s", _("geen signaal voor deze bouwsteen in dit spel: de kaart vraagt wat er ontbrak"));
        return;
    }
    const core_measures *mm = p->round >= 1 && p->round <= m->rounds ? &per_round[p->round] : overall;
    char v[16];
    char where[64];
    if (p->round >= 1)
        snprintf(where, sizeof where, _("in ronde %d"), p->round);
    else
        snprintf(where, sizeof where, "%s", _("over het hele spel"));
    for (size_t i = 0; i < sizeof plain_reasons / sizeof plain_reasons[0]; i++) {
        if (plain_reasons[i].tag == p->tag) {
            snprintf(out, len, _(plain_reasons[i].fmt), where);
            return;
        }
    }
    switch (p->tag) {
    case CORE_EV_TAG_CENTRAAL_NETWERK:
        rpt_fmt_num(m, mm->centrality, v, sizeof v);
        snprintf(out, len, _("centraliteit was %s %s"), v, where);
        break;
    case CORE_EV_TAG_LAGE_DIVERSITEIT:
        rpt_fmt_num(m, mm->diversity, v, sizeof v);
        snprintf(out, len, _("diversiteit was %s %s"), v, where);
        break;
    case CORE_EV_TAG_LAGE_DENSITEIT:
        rpt_fmt_num(m, mm->density, v, sizeof v);
        snprintf(out, len, _("densiteit was %s %s"), v, where);
        break;
    case CORE_EV_TAG_WEINIG_VRAGEN:
        snprintf(out, len, _("er werd weinig om hulp gevraagd of hulp aangeboden (%d) %s"),
                 mm->asks_offers, where);
        break;
    case CORE_EV_TAG_GEBROKEN_BELOFTE:
        snprintf(out, len, _("%d beloofde hulp kwam er niet %s"), mm->promises_broken, where);
        break;
    case CORE_EV_TAG_SAMEN_GEWERKT:
        snprintf(out, len, _("%d gezamenlijke bijdragen %s"), mm->joint_contributions, where);
        break;
    default:
        snprintf(out, len, _("bewijs ‘%s’ %s"), core_evidence_name(p->tag), where);
        break;
    }
}

static void html_fan(const rpt_model *m, rpt_buf *b, const core_measures *per_round,
                     const core_measures *overall)
{
    html_section(b, "waaier", _("Reflectiewaaier: vragen voor de nabespreking"));
    core_fan_pick picks[CORE_MAX_REFLECTIONS];
    int n = core_fan_pick_cards(m->st, picks, CORE_MAX_REFLECTIONS);
    if (n <= 0) {
        html_para(b, _("Het spel leverde geen bewijs op dat bij een kaart van de reflectiewaaier past."));
    }
    char why[CORE_TEXT_LEN + 64];
    for (int i = 0; i < n && i < CORE_MAX_REFLECTIONS; i++) {
        int c = picks[i].reflection;
        if (c < 0 || c >= m->sc->n_reflections)
            continue;
        const core_reflection_def *r = &m->sc->reflections[c];
        rpt_sb_puts(b, "<div class=\"card\"><span class=\"tag\">");
        rpt_sb_html(b, rpt_block_label(r->block));
        rpt_sb_puts(b, "</span> <strong>");
        rpt_sb_html(b, r->question);
        rpt_sb_puts(b, "</strong><br/><span class=\"why\">");
        fan_reason(m, &picks[i], per_round, overall, why, sizeof why);
        rpt_sb_html(b, _("Gekozen omdat"));
        rpt_sb_puts(b, " ");
        rpt_sb_html(b, why);
        rpt_sb_puts(b, "</span></div>");
    }
    rpt_sb_puts(b, "</section>");
}

void rpt_build_html(rpt_model *m, rpt_buf *b)
{
    core_measures overall;
    core_measures per_round[CORE_MAX_ROUNDS + 1];
    memset(per_round, 0, sizeof per_round);
    core_measures_compute(m->st, 0, &overall);
    for (int r = 1; r <= m->rounds; r++)
        core_measures_compute(m->st, r, &per_round[r]);

    rpt_sb_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"/>"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>",
              m->en ? "en" : "nl");
    rpt_sb_html(b, _("Samenspel – verslag"));
    rpt_sb_puts(b, ": ");
    rpt_sb_html(b, m->sc->title);
    rpt_sb_puts(b, "</title><style>");
    rpt_sb_puts(b, css);
    rpt_sb_puts(b, "</style></head><body><header><h1>");
    rpt_sb_html(b, m->sc->title);
    rpt_sb_puts(b, "</h1><p class=\"meta\">");
    char when[64] = "";
    time_t t = (time_t)m->sess.created_at;
    struct tm tmv;
    if (localtime_r(&t, &tmv))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tmv);
    char line[400];
    const char *base = strrchr(m->sess.level_path, '/');
    snprintf(line, sizeof line, _("Samenspel-sessie %lld, gespeeld op %s, casus %s, %d spelers."),
             (long long)m->sess.id, when, base ? base + 1 : m->sess.level_path, m->sc->n_seats);
    rpt_sb_html(b, line);
    rpt_sb_puts(b, "</p></header>");
    if (m->replay_stop_seq) {
        snprintf(line, sizeof line,
                 _("Let op: het journaal kon maar tot actie %llu opnieuw afgespeeld worden (%s). "
                   "Dit verslag toont het spel tot daar."),
                 (unsigned long long)m->replay_stop_seq, m->replay_stop_why);
        rpt_sb_puts(b, "<p class=\"warn\">");
        rpt_sb_html(b, line);
        rpt_sb_puts(b, "</p>");
    } else if (m->hash_checked && !m->hash_ok) {
        rpt_sb_puts(b, "<p class=\"warn\">");
        rpt_sb_html(b, _("Let op: het opnieuw afgespeelde spel wijkt af van het bewaarde eindresultaat "
                     "(andere versie van Samenspel?)."));
        rpt_sb_puts(b, "</p>");
    } else if (!m->sess.finished) {
        rpt_sb_puts(b, "<p class=\"warn\">");
        rpt_sb_html(b, _("Deze sessie is niet afgelopen; het verslag toont de stand tot de laatste actie."));
        rpt_sb_puts(b, "</p>");
    }
    html_outcome(m, b, &overall, per_round);
    html_scenario(m, b);
    html_network(m, b, &overall, per_round);
    html_timeline(m, b);
    html_frictions(m, b);
    html_rules2(m, b);
    html_reflections(m, b);
    html_fan(m, b, per_round, &overall);
    /* the transfer step closes the debrief: from the game to the
     * student's own internship school */
    html_section(b, "meenemen", _("Meenemen naar je stage"));
    rpt_sb_puts(b, "<p class=\"transfer\">");
    rpt_sb_html(b, _("Wie is het CLB-anker van jouw stageschool? Wat neem je mee?"));
    rpt_sb_puts(b, "</p></section>");
    rpt_sb_puts(b, "<footer>");
    snprintf(line, sizeof line, _("Gemaakt door Samenspel %s. De volledige gegevens staan in "
                                  "events.csv, edges.csv, nodes.csv, rounds.csv en afspraken.csv naast dit bestand."),
             SAMENSPEL_VERSION);
    rpt_sb_html(b, line);
    if (m->hash_checked && m->hash_ok) {
        rpt_sb_puts(b, " ");
        rpt_sb_html(b, _("Het opnieuw afgespeelde spel is identiek aan het bewaarde eindresultaat."));
    }
    rpt_sb_puts(b, "</footer></body></html>\n");
}
