/*
 * level_complete: the checks on a whole level once every section is read
 * (every need reachable, ids that refer to each other, the advice a trainer
 * gets when a rule of the game has nothing to work with).
 */
#include "level/level_schema.h"

#include <stdio.h>
#include <string.h>

/* Warnings about one need that only make sense on a complete level. */
static bool check_need(lvl_build *b, int n)
{
    lvl_src *s = b->s;
    const core_scenario *sc = b->sc;
    bool lit = false;
    for (int f = 0; f < sc->n_facts; f++)
        if (sc->facts[f].needs & (1u << n))
            lit = true;
    const lnode *at = b->needs && n < b->needs->n ? b->needs->kids[n] : b->root;
    if (!lit)
        lvl_diag_at(s, LVL_WARNING, at, _("voeg een dossierfeit toe met deze nood onder ‘noden’"),
                    _("geen enkel dossierfeit gaat over nood ‘%s’: er valt niets over te delen, dus delen loont er nooit"),
                    sc->needs[n].id);
    /* levels/README.md, "Bereikbare noden": a need is reachable when a
     * role in play holds an expertise card of its domain, or when the
     * casus's innovation cards (full strength in every domain, but each
     * spent once) add up to its target. Off-domain cards at half strength
     * and generic boosts do not count. */
    bool reachable = false, any_innovation = false;
    int innovation_total = 0;
    for (int r = 0; r < sc->n_roles && !reachable; r++)
        for (int k = 0; k < sc->roles[r].deck_size; k++) {
            const core_card_def *cd = &sc->cards[sc->roles[r].deck[k]];
            if (cd->type == CORE_CARD_EXPERTISE && strcmp(cd->domain, sc->needs[n].domain) == 0)
                reachable = true;
        }
    for (int c = 0; c < sc->n_cards; c++)
        if (sc->cards[c].type == CORE_CARD_INNOVATION)
            innovation_total += sc->cards[c].strength;
    any_innovation = innovation_total >= sc->needs[n].target;
    if (!reachable && !any_innovation)
        lvl_diag_at(s, LVL_WARNING, at, _("geef een rol die meespeelt een kaart met dit domein, of kies een ander domein voor de nood"),
                    _("geen enkele kaart bereikt nood ‘%s’: geen rol die meespeelt heeft een kaart met domein ‘%s’, en de innovatiekaarten samen (%d) halen het doel (%d) niet; kaarten uit een ander domein tellen er maar half"),
                    sc->needs[n].id, sc->needs[n].domain, innovation_total, sc->needs[n].target);
    if (sc->n_seats > 0 && sc->needs[n].limited_roles == (1u << sc->n_seats) - 1)
        lvl_diag_at(s, LVL_WARNING, at, NULL,
                    _("alle rollen hebben ‘%s’ als grens: enkel samen komt deze nood vooruit"),
                    sc->needs[n].domain);
    return reachable || any_innovation;
}

/* The item of list section `key` whose `id` is id (for a position), or the
 * section itself. */
static const lnode *item_by_id(const lvl_build *b, const char *key, const char *id)
{
    const lnode *seq = lvl_map_get(b->root, key);
    for (int i = 0; seq && seq->type == LN_SEQ && i < seq->n; i++) {
        const lnode *v = lvl_map_get(seq->kids[i], "id");
        if (v && v->type == LN_SCALAR && strcmp(v->s, id) == 0)
            return seq->kids[i];
    }
    return seq ? seq : b->root;
}

/* Whether the level gives the pupil a voice: a seated leerling, or a fact
 * or card of the pupil's voice (as core_init decides it). */
static bool gives_pupil_voice(const core_scenario *sc)
{
    for (int s = 0; s < sc->n_seats; s++)
        if (sc->roles[sc->seat_roles[s]].pupil)
            return true;
    for (int f = 0; f < sc->n_facts; f++)
        if (sc->facts[f].pupil_voice)
            return true;
    for (int c = 0; c < sc->n_cards; c++)
        if (sc->cards[c].pupil_voice)
            return true;
    return false;
}

/* Whether someone at the table may consent to sharing a sensitive fact: the
 * ouder, or the leerling from 12 years (RULES.md: consent). */
static bool someone_consents(const core_scenario *sc)
{
    for (int s = 0; s < sc->n_seats; s++) {
        const core_role_def *ro = &sc->roles[sc->seat_roles[s]];
        if (ro->guardian || (ro->pupil && sc->pupil_age >= 12))
            return true;
    }
    return false;
}

/* Advice for the level author that `samenspel check` gives on a correct
 * level (issue #12): the lesson of the rules needs the pupil's voice,
 * someone who can consent to a sensitive fact, and afspraken to talk about.
 * Only warnings: the level plays without them, but teaches less. */
static void advise(lvl_build *b)
{
    lvl_src *s = b->s;
    const core_scenario *sc = b->sc;
    if (!gives_pupil_voice(sc)) {
        const lnode *at = lvl_map_get(b->root, "rollen");
        lvl_diag_at(s, LVL_WARNING, at ? at : b->root,
                    _("voeg ‘leerling’ toe aan ‘rollen’, of geef een dossierfeit ‘rol: leerling’ en ‘stem-van-de-leerling: ja’"),
                    "%s", _("de leerling krijgt geen stem: geen leerling aan tafel en geen feit of kaart van de stem van de leerling"));
    }
    if (!someone_consents(sc)) {
        for (int f = 0; f < sc->n_facts; f++) {
            if (!sc->facts[f].sensitive)
                continue;
            const lnode *item = item_by_id(b, "dossier", sc->facts[f].id);
            const lnode *at = lvl_map_get(item, "gevoelig");
            lvl_diag_at(s, LVL_WARNING, at ? at : item,
                        _("voeg ‘ouder’ toe aan ‘rollen’, of geef een rol ‘geeft-toestemming: ja’; anders kost elk delen welbevinden en vertrouwen"),
                        _("gevoelig feit ‘%s’: niemand aan tafel kan toestemming geven (geen ouder, geen leerling van 12 of ouder)"),
                        sc->facts[f].id);
        }
    }
    for (int f = 0; f < sc->n_frictions; f++) {
        if (sc->frictions[f].n_options > 0)
            continue;
        const lnode *item = item_by_id(b, "spanningen", sc->frictions[f].id);
        const lnode *at = lvl_map_get(item, "id");
        lvl_diag_at(s, LVL_WARNING, at ? at : item,
                    _("voeg ‘afspraken: [\"...\"]’ toe: de betrokken rollen kiezen er een of schrijven er zelf een"),
                    _("spanning ‘%s’ stelt geen afspraken voor"), sc->frictions[f].id);
    }
}

void lvl_check_complete(lvl_build *b)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    if (s->d->n_errors != 0)
        return;
    int reachable = 0;
    char unreached[160] = "";
    for (int n = 0; n < sc->n_needs; n++) {
        if (check_need(b, n))
            reachable++;
        else
            snprintf(unreached + strlen(unreached), sizeof unreached - strlen(unreached), "%s‘%s’",
                     unreached[0] ? ", " : "", sc->needs[n].id);
    }
    if (sc->n_needs > 0 && reachable < sc->rules.needs_to_win) {
        const lnode *rules_map = lvl_map_get(b->root, "regels");
        const lnode *ntw = rules_map ? lvl_map_get(rules_map, "noden-om-te-winnen") : NULL;
        lvl_diag_at(s, LVL_ERROR, ntw ? ntw : (rules_map ? rules_map : b->root),
                    _("geef rollen die meespelen kaarten in het domein van die noden, of verlaag ‘noden-om-te-winnen’"),
                    _("deze casus is niet te winnen: er zijn %d noden nodig om te winnen en slechts %d zijn bereikbaar (geen kaart bereikt %s)"),
                    sc->rules.needs_to_win, reachable, unreached);
    }
    for (int g = 0; g < sc->n_goals; g++)
        if (sc->goals[g].needs == 0)
            lvl_diag_at(s, LVL_ERROR, lvl_map_get(b->root, "doelen"), NULL, _("doel ‘%s’ is aan geen enkele nood gekoppeld"), sc->goals[g].id);
    char err[256];
    if (!core_scenario_validate_tr(sc, plat_tr, err, sizeof err))
        lvl_diag_at(s, LVL_ERROR, b->root, _("dit is een fout in Samenspel zelf of een grens van de spelregels; meld het met dit bestand"),
                    _("de spelregels aanvaarden deze casus niet: %s"), err);
    else if (b->advise)
        advise(b);
}
