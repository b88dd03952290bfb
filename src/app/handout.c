/*
 * samenspel handout CASUS --out MAP: the paper for the room, as one
 * self-contained index.html that prints on A4 (inline CSS, no scripts, no
 * fonts or images fetched). Pages, each starting on a new sheet:
 *   the casus (pupil, needs, team, learning goals), one page per role
 *   (T-shape, grenzen, the role's cards and their kind of knowledge), the
 *   four bouwstenen, the collaboration levels, the casus's reflectiewaaier,
 *   the co-trainer's observation sheet and a pre/post self-assessment.
 * The trainer notes are for the trainer: the learning goals go to the room,
 * the timing, the moments to watch, the nabespreking and the care notes
 * only on the observation sheet.
 *
 * The page is written with the report's HTML layer (rpt_buf, rpt_sb_html:
 * one escaper for every page Samenspel prints) and report_write_page. The
 * interface text follows --lang; the casus's own text stays as written.
 */
#include "app/app.h"

/* Built only with the report layer (src/app/CMakeLists.txt). */
#include "level/level.h"
#include "platform/args.h"
#include "platform/i18n.h"
#include "platform/plat.h"
#include "report/report.h"
/* The report's private buffer and escaper: the handout is a second page of
 * the same HTML layer, not a second HTML writer. */
#include "report/report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out, _("Gebruik: samenspel handout CASUS [--out MAP]\n\n"
                   "Schrijft de handout van een casus: index.html (één bestand, print op A4) met\n"
                   "een pagina per rol, de vier bouwstenen, de samenwerkingsniveaus, de\n"
                   "reflectiewaaier, een observatieblad voor de co-trainer en een zelfevaluatie.\n\n"
                   "  CASUS       het casusbestand, bv. levels/noor.yaml\n"
                   "  --out MAP   uitvoermap (standaard: handout-ID van de casus)\n"
                   "  --lang en   de vaste teksten in het Engels (de casus blijft zoals geschreven)\n"));
}

/* ------------------------------------------------------------- helpers */

static void put(rpt_buf *b, const char *s)
{
    rpt_sb_puts(b, s);
}

static void esc(rpt_buf *b, const char *s)
{
    rpt_sb_html(b, s);
}

/* <tag>escaped text</tag> */
static void elem(rpt_buf *b, const char *tag, const char *text)
{
    rpt_sb_printf(b, "<%s>", tag);
    esc(b, text);
    rpt_sb_printf(b, "</%s>", tag);
}

/* <tag class="cls">escaped text</tag> */
static void elem_c(rpt_buf *b, const char *tag, const char *cls, const char *text)
{
    rpt_sb_printf(b, "<%s class=\"%s\">", tag, cls);
    esc(b, text);
    rpt_sb_printf(b, "</%s>", tag);
}

/* Every page starts on a new sheet (.page) and carries the casus's title
 * in a small running head, so loose sheets still say where they belong. */
static void page_open(rpt_buf *b, const core_scenario *sc, const char *id, const char *title)
{
    rpt_sb_printf(b, "<section class=\"page\" id=\"%s\"><p class=\"runhead\">", id);
    put(b, "Samenspel · ");
    esc(b, sc->title);
    put(b, "</p><h2>");
    esc(b, title);
    put(b, "</h2>");
}

static void page_close(rpt_buf *b)
{
    put(b, "</section>\n");
}

static const char box[] = "<span class=\"box\"></span>";

/* A table row for ticking: escaped text between the raw before and after,
 * then one empty box per column. */
static void tick_row(rpt_buf *b, const char *before, const char *text, const char *after, int boxes)
{
    put(b, "<tr><td>");
    put(b, before);
    esc(b, text);
    put(b, after);
    put(b, "</td>");
    for (int k = 0; k < boxes; k++)
        rpt_sb_printf(b, "<td class=\"c\">%s</td>", box);
    put(b, "</tr>");
}

/* A bold label and its escaped text, inside open ... close. */
static void labelled(rpt_buf *b, const char *open, const char *close, const char *label, const char *text)
{
    put(b, open);
    put(b, "<strong>");
    esc(b, label);
    put(b, "</strong> ");
    esc(b, text);
    put(b, close);
}

static const char *kind_label(core_knowledge_kind k)
{
    return (unsigned)k < CORE_KIND_COUNT ? _(core_kind_name(k)) : "?";
}


/* ---------------------------------------------------------------- pages */

static const char css[] =
    "*{box-sizing:border-box}"
    "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#1a1a1a;background:#e8eaec;"
    "margin:0;line-height:1.35;font-size:10.5pt}"
    ".page{background:#fff;width:210mm;min-height:297mm;margin:8mm auto;padding:12mm 14mm;"
    "box-shadow:0 1px 4px rgba(0,0,0,.25)}"
    ".runhead{margin:0 0 4mm;color:#555;font-size:8.5pt;border-bottom:1px solid #ccc;padding-bottom:1mm}"
    "h1{font-size:20pt;margin:0 0 2mm}h2{font-size:15pt;margin:0 0 3mm;color:#0b4f6c}"
    "h3{font-size:11.5pt;margin:5mm 0 1.5mm;color:#0b4f6c}"
    "p{margin:0 0 2mm}ul,ol{margin:0 0 2mm;padding-left:6mm}li{margin:0 0 1mm}"
    ".lead{font-size:11.5pt}.muted{color:#555}.badge{display:inline-block;min-width:9mm;"
    "padding:.5mm 2mm;margin-right:2mm;border:1.5px solid #0b4f6c;border-radius:2mm;"
    "text-align:center;font-weight:bold;color:#0b4f6c}"
    "table{border-collapse:collapse;width:100%;margin:1mm 0 3mm}table.cards{font-size:9.5pt}"
    "table.cards td:first-child{width:55%}"
    "th,td{border:1px solid #bbb;padding:1mm 2mm;text-align:left;vertical-align:top}"
    "th{background:#eef3f6}td.c,th.c{text-align:center}"
    ".tag{display:inline-block;padding:0 2mm;border-radius:2mm;background:#e3eef8;font-size:9pt;"
    "margin:0 1mm 1mm 0}"
    /* the T-shape: generic skills across, specialism down */
    ".twocol{display:flex;gap:6mm;align-items:flex-start}.twocol>div{flex:1}"
    ".tshape{width:100%;margin:2mm 0 3mm}"
    ".tbar{border:2px solid #0b4f6c;background:#e3eef8;border-radius:2mm;padding:2mm;text-align:center}"
    ".tbar .tag{background:#fff}"
    ".tstem{width:55%;margin:0 auto;border:2px solid #0b4f6c;border-top:none;background:#f4f8fb;"
    "padding:2mm;text-align:center;border-radius:0 0 2mm 2mm}"
    ".tlabel{display:block;font-size:8.5pt;color:#555;margin-bottom:1mm}"
    ".tstem .tag{display:block;margin:1mm auto}"
    ".limits{border-left:4px solid #b06a00;background:#fff6e5;padding:2mm 3mm;margin:2mm 0 3mm}"
    ".block{border:1px solid #bbb;border-left:6px solid #0b4f6c;padding:2mm 3mm;margin:0 0 3mm;"
    "break-inside:avoid}.block h3{margin-top:0}"
    ".seed{font-style:italic}.q{margin-top:1mm}"
    ".lvl-0{border-left-color:#999}.lvl-1{border-left-color:#e69f00}.lvl-2{border-left-color:#009e73}"
    ".lvl-3{border-left-color:#0072b2}"
    ".box{display:inline-block;width:4mm;height:4mm;border:1.2px solid #333;vertical-align:middle;"
    "margin:0 1mm}"
    ".opt{display:inline-block;margin:0 4mm 1mm 0}"
    ".care{border:2px solid #b3261e;padding:2mm 3mm;margin:0 0 3mm;background:#fdf0ef}"
    ".lines{border-bottom:1px solid #999;height:7mm}.lines+p{margin-top:4mm}"
    ".obs td{height:9mm}.obs td.c{width:9mm}"
    ".likert td.c{width:7mm;font-size:8.5pt}"
    "@page{size:A4;margin:0}"
    "@media print{body{background:none}.page{margin:0;box-shadow:none;width:auto;min-height:0;"
    "break-after:page;page-break-after:always}.page:last-child{break-after:auto;"
    "page-break-after:auto}.block,table,tr,.tshape{break-inside:avoid}}";

static void page_casus(rpt_buf *b, const core_scenario *sc)
{
    put(b, "<section class=\"page\" id=\"casus\"><p class=\"runhead\">");
    esc(b, _("Samenspel · handout bij de casus"));
    put(b, "</p>");
    elem(b, "h1", sc->title);
    put(b, "<p class=\"lead\">");
    rpt_html_pupil(b, sc);
    put(b, "</p>");
    if (sc->intro[0])
        elem(b, "p", sc->intro);

    elem(b, "h3", _("Rond de tafel"));
    put(b, "<p>");
    for (int i = 0; i < sc->n_seats; i++) {
        int r = sc->seat_roles[i];
        if (r < 0 || r >= sc->n_roles)
            continue;
        elem_c(b, "span", "tag", sc->roles[r].name);
    }
    put(b, "</p>");

    elem(b, "h3", _("Wat de leerling nodig heeft"));
    rpt_sb_printf(b, "<p class=\"muted\">");
    rpt_sb_printf(b, ngettext("Het team wint als na de laatste ronde minstens %d nood bereikt is, "
                              "of eerder, zodra elke nood bereikt is.",
                              "Het team wint als na de laatste ronde minstens %d noden bereikt zijn, "
                              "of eerder, zodra elke nood bereikt is.",
                              (unsigned long)sc->rules.needs_to_win),
                  sc->rules.needs_to_win);
    put(b, "</p><ul>");
    for (int i = 0; i < sc->n_needs; i++) {
        put(b, "<li><strong>");
        esc(b, sc->needs[i].title);
        put(b, "</strong>: ");
        esc(b, sc->needs[i].text);
        put(b, "</li>");
    }
    put(b, "</ul>");

    if (sc->notes.n_goals > 0) {
        elem(b, "h3", _("Leerdoelen"));
        put(b, "<ul>");
        for (int i = 0; i < sc->notes.n_goals; i++) {
            put(b, "<li>");
            elem_c(b, "span", "tag", rpt_block_label(sc->notes.goal_blocks[i]));
            esc(b, sc->notes.goals[i]);
            put(b, "</li>");
        }
        put(b, "</ul>");
    }
    if (sc->n_goals > 0) {
        elem(b, "h3", _("Doelen waaruit het team kan kiezen"));
        put(b, "<ul>");
        for (int i = 0; i < sc->n_goals; i++) {
            put(b, "<li><strong>");
            esc(b, sc->goals[i].title);
            put(b, "</strong>: ");
            esc(b, sc->goals[i].text);
            put(b, "</li>");
        }
        put(b, "</ul>");
    }
    page_close(b);
}

static void card_row(rpt_buf *b, const core_card_def *c, int copies)
{
    put(b, "<tr><td><strong>");
    esc(b, c->title);
    put(b, "</strong>");
    if (c->text[0]) {
        put(b, "<br/>");
        esc(b, c->text);
    }
    put(b, "</td><td>");
    if (c->type == CORE_CARD_GENERIC) {
        esc(b, _("generieke vaardigheid"));
        put(b, "</td><td>–</td><td class=\"c\">");
        rpt_sb_printf(b, _("+%d voor een andere rol"), c->boost);
    } else {
        esc(b, kind_label(c->kind));
        put(b, "</td><td>");
        esc(b, c->domain);
        rpt_sb_printf(b, "</td><td class=\"c\">%d", c->strength);
    }
    rpt_sb_printf(b, "</td><td class=\"c\">%d</td></tr>", copies);
}

static void page_role(rpt_buf *b, const core_scenario *sc, int r)
{
    const core_role_def *role = &sc->roles[r];
    char id[64];
    snprintf(id, sizeof id, "rol-%d", r);
    char title[CORE_TITLE_LEN + 64];
    snprintf(title, sizeof title, _("Jouw rol: %s"), role->name);
    page_open(b, sc, id, title);
    if (sc->role_badges[r][0]) {
        put(b, "<p>");
        elem_c(b, "span", "badge", sc->role_badges[r]);
        esc(b, role->description);
        put(b, "</p>");
    } else if (role->description[0]) {
        elem(b, "p", role->description);
    }

    /* T-shape and grenzen side by side: a role page stays one sheet even
     * with seven kinds of cards. */
    put(b, "<div class=\"twocol\"><div>");
    elem(b, "h3", _("Jouw T-shape"));
    put(b, "<div class=\"tshape\"><div class=\"tbar\">");
    elem_c(b, "span", "tlabel", _("generieke vaardigheden: samenwerken over de grenzen van je vak"));
    for (int i = 0; i < role->n_skills; i++)
        elem_c(b, "span", "tag", role->skills[i]);
    put(b, "</div><div class=\"tstem\">");
    elem_c(b, "span", "tlabel", _("specialisme: goed zijn in je vak"));
    for (int i = 0; i < role->n_domains; i++)
        elem_c(b, "span", "tag", role->domains[i]);
    put(b, "</div></div></div><div>");

    elem(b, "h3", _("Jouw grenzen"));
    put(b, "<div class=\"limits\">");
    if (role->limits_text[0])
        elem(b, "p", role->limits_text);
    if (role->n_limit_domains > 0) {
        put(b, "<p>");
        esc(b, _("Alleen krijg je een nood in deze domeinen niet vooruit; samen met een andere rol wel:"));
        put(b, " ");
        for (int i = 0; i < role->n_limit_domains; i++)
            elem_c(b, "span", "tag", role->limit_domains[i]);
        put(b, "</p>");
    }
    put(b, "</div></div></div>");

    elem(b, "h3", _("Jouw kaarten"));
    put(b, "<table class=\"cards\"><tr>");
    const char *cols[] = {_("Kaart"), _("Soort kennis"), _("Domein"), _("Sterkte"), _("Aantal")};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        elem(b, "th", cols[i]);
    put(b, "</tr>");
    /* The deck repeats a card once per copy: one row per card, with the
     * number of copies. */
    for (int k = 0; k < role->deck_size; k++) {
        int c = role->deck[k];
        bool seen = false;
        for (int j = 0; j < k && !seen; j++)
            seen = role->deck[j] == c;
        if (seen || c < 0 || c >= sc->n_cards)
            continue;
        int copies = 0;
        for (int j = k; j < role->deck_size; j++)
            copies += role->deck[j] == c;
        card_row(b, &sc->cards[c], copies);
    }
    put(b, "</table>");
    put(b, "<p class=\"muted\">");
    if (sc->rules.off_domain_divisor == 2)
        esc(b, _("Een expertisekaart telt volledig op een nood van hetzelfde domein, en half op een "
                 "ander domein."));
    else
        rpt_sb_printf(b, _("Een expertisekaart telt volledig op een nood van hetzelfde domein; op een "
                           "ander domein wordt haar sterkte gedeeld door %d."),
                      sc->rules.off_domain_divisor);
    put(b, " ");
    esc(b, _("Een generieke kaart doet alleen niets: ze versterkt de kaart van een andere rol op "
             "dezelfde nood."));
    put(b, "</p>");
    page_close(b);
}

/* The four bouwstenen, in the words of the seed text
 * (../shared/seed/interprofessioneel-samenwerken.txt). */
static void page_blocks(rpt_buf *b, const core_scenario *sc)
{
    static const struct {
        const char *name, *sub, *text, *questions;
    } blocks[CORE_BLOCK_COUNT] = {
        {N_("Identiteit"), N_("Ken je eigen expertise en grenzen"),
         N_("Interprofessioneel samenwerken vraagt professionals die goed zijn in hun eigen vak én "
            "verbindingen leggen met andere disciplines: een T-shaped professional. Verticaal staan je "
            "specialistische kennis en vaardigheden, ‘goed zijn in je vak’: je professionele identiteit. "
            "Horizontaal staan je generieke vaardigheden: samenwerken, communiceren in een gedeelde taal, "
            "omgaan met verschillen en over de grenzen van je eigen vakgebied heen kijken."),
         N_("Wat is mijn unieke bijdrage in dit team, en waar liggen mijn grenzen? Welke kennis breng "
            "ik in: wetenschappelijke kennis, professionele kennis of ervaringskennis?")},
        {N_("Netwerk"), N_("Andere professionals in kaart brengen"),
         N_("Teamdiversiteit is de basis voor interprofessioneel samenwerken. Een netwerk breng je in "
            "kaart met vier parameters (Sannen, 2020): vele verbindingen (densiteit: elkaar ondersteuning "
            "vragen en geven), geen centraal knooppunt (het eigenaarschap ligt bij het hele team, niet bij "
            "één persoon), diversiteit in kennis en ervaring, en doelgerichtheid: alle neuzen in dezelfde "
            "richting."),
         N_("Wie hebben we gemist rond de tafel? Gingen alle vragen naar één persoon? Hoe vaak vroegen "
            "en gaven we steun?")},
        {N_("Organisatie"), N_("Samenwerking afstemmen"),
         N_("Organisatie-overstijgend samenwerken loopt niet vanzelf. Het vraagt een gedeelde visie, een "
            "gedeelde taal en een gezamenlijk doel en plan. Elke partner gaat na hoe de samenwerking past "
            "bij de cultuur van de eigen organisatie (visie, waarden, normen) en bij haar structuur: is er "
            "structureel tijd om te overleggen? Vraag ‘wie kan wat bijdragen vanuit welke rol?’ "
            "(Reinders, 2020): te starre rollen geven conflicten."),
         N_("Is er structureel tijd om te overleggen? Kennen we elkaars verwachtingen: rechten, plichten, "
            "verantwoordelijkheden?")},
        {N_("Verbinding"), N_("Samen leren, ontwikkelen en innoveren"),
         N_("Echte impact ontstaat wanneer we professionele diversiteit omarmen: niet louter naast elkaar "
            "werken, maar met en van elkaar leren. Reflexiviteit, het vermogen van een team om kritisch "
            "naar de samenwerking te kijken en ze aan te passen, is een belangrijke randvoorwaarde. We "
            "stoppen met praten over de ander en praten met de ander. Spanningen, waar oude gewoontes "
            "botsen met nieuwe ambities, zijn een startpunt voor sterkere samenwerking: grenservaringen "
            "(Engeström)."),
         N_("Welke spanning hebben we samen omgebogen tot een kans? Praatten we mét elkaar of óver "
            "elkaar? Wat hebben we van elkaar geleerd?")},
    };
    page_open(b, sc, "bouwstenen", _("De vier bouwstenen van interprofessioneel samenwerken"));
    for (int i = 0; i < CORE_BLOCK_COUNT; i++) {
        put(b, "<div class=\"block\"><h3>");
        rpt_sb_printf(b, "%d. ", i + 1);
        esc(b, _(blocks[i].name));
        put(b, " – ");
        esc(b, _(blocks[i].sub));
        put(b, "</h3>");
        elem(b, "p", _(blocks[i].text));
        put(b, "<p class=\"q\"><strong>");
        esc(b, _("Vraag jezelf:"));
        put(b, "</strong> ");
        esc(b, _(blocks[i].questions));
        put(b, "</p></div>");
    }
    page_close(b);
}

static void page_levels(rpt_buf *b, const core_scenario *sc)
{
    static const struct {
        const char *seed, *game;
    } levels[CORE_LEVEL_COUNT] = {
        {N_("Er wordt ‘samen’ ‘gewerkt’, elk op zijn eiland, naast elkaar."),
         N_("Aan tafel: iedereen legt zijn eigen kaarten op zijn eigen noden, en beloften worden niet "
            "gedaan of niet nagekomen.")},
        {N_("De intentie ligt vooral bij taken uitvoeren zoals vooraf is vastgelegd. Bijvoorbeeld: de "
            "leerkracht delegeert taken aan de leerondersteuner, maar er zijn geen gezamenlijke doelen "
            "of structurele kennisdeling."),
         N_("Aan tafel: vragen en aanbiedingen worden aanvaard en nagekomen, maar elk werkt apart aan "
            "een nood.")},
        {N_("Partners gaan een tijdelijk gedeeld engagement aan om een specifiek probleem op te lossen "
            "(bv. een interventie voor één leerling). Men wijkt af van de normale gang van zaken, maar "
            "de onderliggende structuren worden niet herdacht."),
         N_("Aan tafel: een groot deel van de bijdragen gebeurt samen, met twee of meer rollen op "
            "dezelfde nood of spanning.")},
        {N_("Als gelijkwaardige partners met diverse achtergronden ontwikkelt men, vanuit een "
            "gemeenschappelijk doel, met veel aandacht voor onderlinge verbinding, reflectieve "
            "communicatie en gedeelde verantwoordelijkheid, betere, sterkere en duurzame oplossingen."),
         N_("Aan tafel: het team werkt samen, koos een gedeeld doel, reflecteert in de meeste rondes, "
            "en niet alles loopt via één persoon.")},
    };
    page_open(b, sc, "niveaus", _("Vier niveaus van samenwerking"));
    elem(b, "p", _("Samenwerking kent verschillende intensiteiten. Na elke ronde toont de projector op welk "
             "niveau het team samenwerkte. Elk niveau is een stap, geen oordeel over personen."));
    for (int i = 0; i < CORE_LEVEL_COUNT; i++) {
        rpt_sb_printf(b, "<div class=\"block lvl-%d\"><h3>", i);
        esc(b, rpt_level_label((core_collab_level)i));
        put(b, "</h3>");
        elem_c(b, "p", "seed", _(levels[i].seed));
        elem(b, "p", _(levels[i].game));
        put(b, "</div>");
    }
    page_close(b);
}

static void page_fan(rpt_buf *b, const core_scenario *sc)
{
    page_open(b, sc, "reflectiewaaier", _("Reflectiewaaier"));
    elem(b, "p", _("Na elke ronde toont de projector één kaart uit deze waaier: de kaart die het best past bij "
             "wat er die ronde gebeurde. Kies je antwoord en zeg waarom."));
    for (int blk = 0; blk < CORE_BLOCK_COUNT; blk++) {
        bool any = false;
        for (int i = 0; i < sc->n_reflections; i++)
            any = any || sc->reflections[i].block == (core_building_block)blk;
        if (!any)
            continue;
        elem(b, "h3", rpt_block_label((core_building_block)blk));
        for (int i = 0; i < sc->n_reflections; i++) {
            const core_reflection_def *r = &sc->reflections[i];
            if (r->block != (core_building_block)blk)
                continue;
            put(b, "<div class=\"block\"><p><strong>");
            esc(b, r->question);
            put(b, "</strong></p><p>");
            for (int o = 0; o < r->n_options && o < CORE_MAX_OPTIONS; o++) {
                put(b, "<span class=\"opt\">");
                put(b, box);
                esc(b, r->options[o]);
                put(b, "</span>");
            }
            put(b, "</p></div>");
        }
    }
    page_close(b);
}

/* The co-trainer's sheet: the casus's moments to watch plus what every
 * game shows, with a tick box per round; the trainer-only notes (timing,
 * nabespreking, care) are here and nowhere else. */
static void page_observation(rpt_buf *b, const core_scenario *sc)
{
    static const char *general[] = {
        N_("Iemand deelt een dossierfeit zonder dat erom gevraagd wordt."),
        N_("Iemand vraagt hulp of biedt hulp aan een andere rol."),
        N_("Twee of meer rollen zetten samen in op één nood."),
        N_("Alle vragen gaan naar één persoon."),
        N_("Een spanning wordt samen aangepakt (grenservaring)."),
        N_("Ervaringskennis van ouder of leerling weegt mee."),
        N_("Men praat óver iemand in plaats van mét iemand."),
    };
    const core_trainer_notes *n = &sc->notes;
    page_open(b, sc, "observatie", _("Observatieblad voor de co-trainer"));
    elem(b, "p", _("Enkel voor de trainers. Zet per ronde een vinkje als je het ziet, en noteer wie en wat."));
    if (n->care[0])
        labelled(b, "<div class=\"care\">", "</div>", _("Zorg bij deze casus:"), n->care);
    if (n->timing[0])
        labelled(b, "<p>", "</p>", _("Timing:"), n->timing);
    int rounds = sc->rules.rounds > 0 ? sc->rules.rounds : 1;
    put(b, "<table class=\"obs\"><tr>");
    elem(b, "th", _("Wat je ziet"));
    for (int r = 1; r <= rounds; r++)
    {
        rpt_sb_puts(b, "<th class=\"c\">");
        rpt_sb_printf(b, _("R%d"), r);
        rpt_sb_puts(b, "</th>");
    }
    put(b, "</tr>");
    for (int i = 0; i < n->n_moments; i++)
        tick_row(b, "<strong>", n->moments[i], "</strong>", rounds);
    for (size_t i = 0; i < sizeof general / sizeof general[0]; i++)
        tick_row(b, "", _(general[i]), "", rounds);
    put(b, "</table>");
    if (n->n_prompts > 0) {
        elem(b, "h3", _("Vragen voor de nabespreking"));
        put(b, "<ol>");
        for (int i = 0; i < n->n_prompts; i++)
            elem(b, "li", n->prompts[i]);
        put(b, "</ol>");
    }
    elem(b, "h3", _("Notities"));
    for (int i = 0; i < 5; i++)
        put(b, "<div class=\"lines\"></div>");
    page_close(b);
}

static void page_selfcheck(rpt_buf *b, const core_scenario *sc)
{
    static const char *items[] = {
        N_("Ik kan mijn eigen expertise en mijn grenzen benoemen."),
        N_("Ik weet welke professionals rond een leerling kunnen samenwerken, en wat elk van hen bijdraagt."),
        N_("Ik vraag hulp aan anderen en bied zelf hulp aan."),
        N_("Ik weet hoe ik samen met anderen een gedeeld doel voor een leerling stel."),
        N_("Ervaringskennis van ouders en leerlingen weegt voor mij even zwaar als wetenschappelijke en "
           "professionele kennis."),
        N_("Ik zie een spanning in een samenwerking als een kans om samen iets nieuws te leren."),
    };
    page_open(b, sc, "zelfevaluatie", _("Zelfevaluatie: interprofessioneel samenwerken"));
    put(b, "<p>");
    esc(b, _("Vul de kolom ‘voor’ in voor het spel en de kolom ‘na’ na de nabespreking. "
             "1 = helemaal niet akkoord, 5 = helemaal akkoord."));
    put(b, "</p><table class=\"likert\"><tr><th rowspan=\"2\"></th>");
    rpt_sb_printf(b, "<th class=\"c\" colspan=\"5\">");
    esc(b, _("voor"));
    rpt_sb_printf(b, "</th><th class=\"c\" colspan=\"5\">");
    esc(b, _("na"));
    put(b, "</th></tr><tr>");
    for (int k = 0; k < 2; k++)
        for (int v = 1; v <= 5; v++)
            rpt_sb_printf(b, "<th class=\"c\">%d</th>", v);
    put(b, "</tr>");
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        char num[16];
        snprintf(num, sizeof num, "%d. ", (int)i + 1);
        tick_row(b, num, _(items[i]), "", 10); /* 5 before, 5 after */
    }
    put(b, "</table>");
    elem(b, "h3", _("Na het spel"));
    elem(b, "p", _("Wie is het CLB-anker van jouw stageschool, en wie zit er nog rond de tafel?"));
    put(b, "<div class=\"lines\"></div><div class=\"lines\"></div>");
    elem(b, "p", _("Wat neem je mee naar je eigen praktijk?"));
    put(b, "<div class=\"lines\"></div><div class=\"lines\"></div><div class=\"lines\"></div>");
    page_close(b);
}

static void build(rpt_buf *b, const core_scenario *sc)
{
    rpt_sb_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"/>"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>",
                  strcmp(plat_i18n_lang(), "en") == 0 ? "en" : "nl");
    esc(b, _("Handout"));
    put(b, ": ");
    esc(b, sc->title);
    put(b, "</title><style>");
    put(b, css);
    put(b, "</style></head><body>\n");
    page_casus(b, sc);
    /* one page per role at the table, in seat order, each role once */
    for (int s = 0; s < sc->n_seats; s++) {
        int r = sc->seat_roles[s];
        bool earlier = false;
        for (int t = 0; t < s && !earlier; t++)
            earlier = sc->seat_roles[t] == r;
        if (r >= 0 && r < sc->n_roles && !earlier)
            page_role(b, sc, r);
    }
    page_blocks(b, sc);
    page_levels(b, sc);
    page_fan(b, sc);
    page_observation(b, sc);
    page_selfcheck(b, sc);
    put(b, "</body></html>\n");
}

/* ------------------------------------------------------------- command */

/* The casus: one file. */
static int level_operand(void *ctx, const char *a, char *err, size_t err_len)
{
    return plat_arg_operand(ctx, PLAT_PATH_MAX, a, N_("slechts één casus tegelijk: '%s'"), N_("%s: pad te lang"),
                            err, err_len)
               ? 0
               : -1;
}

int cmd_handout(int argc, char **argv)
{
    char level[PLAT_PATH_MAX] = "", out_dir[PLAT_PATH_MAX] = "", err[REPORT_ERR_LEN];
    const plat_opt opts[] = {
        {"--out", PLAT_OPT_TEXT, out_dir, sizeof out_dir, 1, 0, NULL, N_("%s: pad te lang")},
        {"-o", PLAT_OPT_TEXT, out_dir, sizeof out_dir, 1, 0, NULL, N_("%s: pad te lang")},
    };
    int status;
    if (!app_options("handout", usage, opts, sizeof opts / sizeof opts[0], argc, argv, level_operand, level, &status))
        return status;
    if (!level[0]) {
        fprintf(stderr, _("samenspel handout: welke casus? Bijvoorbeeld: "
                          "samenspel handout levels/noor.yaml --out handout-noor\n"));
        return 1;
    }

    app_level *lv = app_level_new("handout");
    if (!lv)
        return 1;
    rpt_buf b = {0};
    int rc = 1;
    if (!lvl_load_file(level, &lv->sc, &lv->diags)) {
        if (lv->diags.unreadable)
            fprintf(stderr, _("samenspel handout: de casus %s kan niet gelezen worden; "
                              "kijk na of het pad klopt.\n"), level);
        else
            fprintf(stderr, _("samenspel handout: de casus %s heeft fouten; "
                              "'samenspel check %s' toont ze:\n"), level, level);
        lvl_diags_print(&lv->diags, false, (void *)stderr);
        goto done;
    }
    if (!out_dir[0])
        snprintf(out_dir, sizeof out_dir, "handout-%s", lv->sc.id);
    build(&b, &lv->sc);
    if (b.failed) {
        fprintf(stderr, _("samenspel handout: onvoldoende geheugen.\n"));
        goto done;
    }
    if (!report_write_page(out_dir, "index.html", b.p, b.n, err, sizeof err)) {
        fprintf(stderr, _("samenspel handout: %s Kies een andere map met --out.\n"), err);
        goto done;
    }
    printf(_("Handout van ‘%s’ geschreven in %s/index.html (print op A4).\n"), lv->sc.title, out_dir);
    rc = 0;
done:
    free(b.p);
    free(lv);
    return rc;
}
