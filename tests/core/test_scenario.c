/*
 * A Noor-like scenario built in C, so core's tests and benchmark do not
 * depend on the level loader. Four core roles, four needs, six facts, four
 * frictions, three goals, eight reflection cards and one scripted event.
 */
#include "test_scenario.h"

#include <stdio.h>
#include <string.h>

static void cpy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src);
}

static int add_card(core_scenario *sc, const char *id, core_card_type type, int role, const char *domain,
                    core_knowledge_kind kind, int strength, int boost)
{
    int i = sc->n_cards++;
    core_card_def *c = &sc->cards[i];
    cpy(c->id, sizeof c->id, id);
    cpy(c->title, sizeof c->title, id);
    cpy(c->text, sizeof c->text, id);
    c->type = type;
    c->role = role;
    cpy(c->domain, sizeof c->domain, domain);
    c->kind = kind;
    c->strength = strength;
    c->boost = boost;
    return i;
}

static void deck_add(core_role_def *r, int card, int copies)
{
    for (int k = 0; k < copies; k++)
        r->deck[r->deck_size++] = card;
}

static int add_role(core_scenario *sc, const char *id, const char *d1, const char *d2, const char *limit)
{
    int i = sc->n_roles++;
    core_role_def *r = &sc->roles[i];
    cpy(r->id, sizeof r->id, id);
    cpy(r->name, sizeof r->name, id);
    cpy(r->description, sizeof r->description, id);
    cpy(r->domains[0], sizeof r->domains[0], d1);
    cpy(r->domains[1], sizeof r->domains[1], d2);
    r->n_domains = 2;
    cpy(r->skills[0], sizeof r->skills[0], "luisteren");
    r->n_skills = 1;
    cpy(r->limit_domains[0], sizeof r->limit_domains[0], limit);
    r->n_limit_domains = 1;
    r->colour = i;
    return i;
}

static int add_need(core_scenario *sc, const char *id, const char *domain, int target)
{
    int i = sc->n_needs++;
    core_need_def *n = &sc->needs[i];
    cpy(n->id, sizeof n->id, id);
    cpy(n->title, sizeof n->title, id);
    cpy(n->text, sizeof n->text, id);
    cpy(n->domain, sizeof n->domain, domain);
    n->target = target;
    return i;
}

static void add_fact(core_scenario *sc, const char *id, int role, uint32_t needs)
{
    core_fact_def *f = &sc->facts[sc->n_facts++];
    cpy(f->id, sizeof f->id, id);
    cpy(f->text, sizeof f->text, id);
    f->role = role;
    f->needs = needs;
}

static void add_friction(core_scenario *sc, const char *id, uint32_t roles, int severity, core_drain_target drains,
                         int inno, int round)
{
    core_friction_def *f = &sc->frictions[sc->n_frictions++];
    cpy(f->id, sizeof f->id, id);
    cpy(f->title, sizeof f->title, id);
    cpy(f->text, sizeof f->text, id);
    f->roles = roles;
    f->required_roles = 2;
    f->severity = severity;
    f->drains = drains;
    f->innovation_card = inno;
    f->round = round;
}

static void add_goal(core_scenario *sc, const char *id, uint32_t needs)
{
    core_goal_def *g = &sc->goals[sc->n_goals++];
    cpy(g->id, sizeof g->id, id);
    cpy(g->title, sizeof g->title, id);
    cpy(g->text, sizeof g->text, id);
    g->needs = needs;
}

static void add_reflection(core_scenario *sc, const char *id, core_building_block b, uint32_t evidence)
{
    core_reflection_def *r = &sc->reflections[sc->n_reflections++];
    cpy(r->id, sizeof r->id, id);
    cpy(r->question, sizeof r->question, id);
    cpy(r->options[0], sizeof r->options[0], "ja");
    cpy(r->options[1], sizeof r->options[1], "half");
    cpy(r->options[2], sizeof r->options[2], "nee");
    r->n_options = 3;
    r->block = b;
    r->evidence = evidence;
}

#define EV(t) (1u << (t))

void test_scenario_noor(core_scenario *sc)
{
    memset(sc, 0, sizeof *sc);
    cpy(sc->id, sizeof sc->id, "noor-c");
    cpy(sc->title, sizeof sc->title, "Noor (C)");
    cpy(sc->pupil_name, sizeof sc->pupil_name, "Noor");
    sc->pupil_age = 8;
    sc->version = 1;
    core_rules_default(&sc->rules);

    int leraar = add_role(sc, "leraar", "klaspraktijk", "leren", "thuis");
    int ouder = add_role(sc, "ouder", "thuis", "welbevinden", "klaspraktijk");
    int clb = add_role(sc, "clb-anker", "welbevinden", "leren", "klaspraktijk");
    int lo = add_role(sc, "leerondersteuner", "leren", "klaspraktijk", "thuis");
    sc->roles[ouder].guardian = true; /* the ouder consents to sharing a sensitive fact */

    int c;
    c = add_card(sc, "leraar-structuur", CORE_CARD_EXPERTISE, leraar, "klaspraktijk", CORE_KIND_PROFESSIONEEL, 3, 0);
    deck_add(&sc->roles[leraar], c, 3);
    c = add_card(sc, "leraar-instructie", CORE_CARD_EXPERTISE, leraar, "leren", CORE_KIND_PROFESSIONEEL, 2, 0);
    deck_add(&sc->roles[leraar], c, 3);
    c = add_card(sc, "leraar-taal", CORE_CARD_GENERIC, leraar, "", CORE_KIND_PROFESSIONEEL, 0, 2);
    deck_add(&sc->roles[leraar], c, 2);

    c = add_card(sc, "ouder-routine", CORE_CARD_EXPERTISE, ouder, "thuis", CORE_KIND_ERVARING, 3, 0);
    deck_add(&sc->roles[ouder], c, 3);
    c = add_card(sc, "ouder-beleving", CORE_CARD_EXPERTISE, ouder, "welbevinden", CORE_KIND_ERVARING, 2, 0);
    deck_add(&sc->roles[ouder], c, 3);
    c = add_card(sc, "ouder-verbinden", CORE_CARD_GENERIC, ouder, "", CORE_KIND_ERVARING, 0, 2);
    deck_add(&sc->roles[ouder], c, 2);

    c = add_card(sc, "clb-onderzoek", CORE_CARD_EXPERTISE, clb, "welbevinden", CORE_KIND_WETENSCHAPPELIJK, 3, 0);
    deck_add(&sc->roles[clb], c, 3);
    c = add_card(sc, "clb-advies", CORE_CARD_EXPERTISE, clb, "leren", CORE_KIND_WETENSCHAPPELIJK, 2, 0);
    deck_add(&sc->roles[clb], c, 3);
    c = add_card(sc, "clb-luisteren", CORE_CARD_GENERIC, clb, "", CORE_KIND_WETENSCHAPPELIJK, 0, 2);
    deck_add(&sc->roles[clb], c, 2);

    c = add_card(sc, "lo-hulpmiddel", CORE_CARD_EXPERTISE, lo, "leren", CORE_KIND_WETENSCHAPPELIJK, 3, 0);
    deck_add(&sc->roles[lo], c, 3);
    c = add_card(sc, "lo-coteaching", CORE_CARD_EXPERTISE, lo, "klaspraktijk", CORE_KIND_PROFESSIONEEL, 2, 0);
    deck_add(&sc->roles[lo], c, 3);
    c = add_card(sc, "lo-samen", CORE_CARD_GENERIC, lo, "", CORE_KIND_PROFESSIONEEL, 0, 2);
    deck_add(&sc->roles[lo], c, 2);

    int inno1 = add_card(sc, "inno-coteaching", CORE_CARD_INNOVATION, CORE_NONE, "", CORE_KIND_PROFESSIONEEL, 3, 0);
    int inno2 = add_card(sc, "inno-overleg", CORE_CARD_INNOVATION, CORE_NONE, "", CORE_KIND_PROFESSIONEEL, 3, 0);
    int inno3 = add_card(sc, "inno-kennis", CORE_CARD_INNOVATION, CORE_NONE, "", CORE_KIND_ERVARING, 3, 0);
    int inno4 = add_card(sc, "inno-taal", CORE_CARD_INNOVATION, CORE_NONE, "", CORE_KIND_WETENSCHAPPELIJK, 3, 0);

    int lezen = add_need(sc, "lezen", "leren", 12);
    int rust = add_need(sc, "rust", "welbevinden", 12);
    int thuis = add_need(sc, "thuis", "thuis", 10);
    int klas = add_need(sc, "klas", "klaspraktijk", 12);
    for (int n = 0; n < sc->n_needs; n++)
        for (int r = 0; r < sc->n_roles; r++)
            if (strcmp(sc->roles[r].limit_domains[0], sc->needs[n].domain) == 0)
                sc->needs[n].limited_roles |= 1u << r;

    add_fact(sc, "leraar-oren", leraar, 1u << rust | 1u << klas);
    add_fact(sc, "leraar-planning", leraar, 1u << klas);
    add_fact(sc, "ouder-zandloper", ouder, 1u << thuis | 1u << klas);
    add_fact(sc, "ouder-vogels", ouder, 1u << rust);
    add_fact(sc, "clb-onderzoek", clb, 1u << lezen | 1u << rust);
    add_fact(sc, "lo-koptelefoon", lo, 1u << lezen | 1u << thuis);

    add_friction(sc, "taken-doorschuiven", 1u << leraar | 1u << lo, 1, CORE_DRAIN_DRAAGKRACHT, inno1, 1);
    add_friction(sc, "geen-overlegtijd", 1u << leraar | 1u << clb | 1u << ouder, 1, CORE_DRAIN_DRAAGKRACHT, inno2, 0);
    add_friction(sc, "wij-kennen-ons-kind", 1u << ouder | 1u << clb, 1, CORE_DRAIN_WELBEVINDEN, inno3, 0);
    add_friction(sc, "eigen-vaktaal", 1u << clb | 1u << lo | 1u << ouder, 1, CORE_DRAIN_DRAAGKRACHT, inno4, 0);

    add_goal(sc, "rustige-dag", 1u << rust | 1u << klas);
    add_goal(sc, "lezen-lukt", 1u << lezen);
    add_goal(sc, "een-lijn", 1u << thuis | 1u << klas);

    add_reflection(sc, "unieke-bijdrage", CORE_BLOCK_IDENTITEIT,
                   EV(CORE_EV_TAG_ROL_AFWEZIG) | EV(CORE_EV_TAG_LAGE_DIVERSITEIT));
    add_reflection(sc, "drie-kennissoorten", CORE_BLOCK_IDENTITEIT, EV(CORE_EV_TAG_ERVARINGSKENNIS_ONBENUT));
    add_reflection(sc, "wie-centraal", CORE_BLOCK_NETWERK,
                   EV(CORE_EV_TAG_CENTRAAL_NETWERK) | EV(CORE_EV_TAG_LAGE_DENSITEIT));
    add_reflection(sc, "vragen", CORE_BLOCK_NETWERK, EV(CORE_EV_TAG_WEINIG_VRAGEN) | EV(CORE_EV_TAG_GEBROKEN_BELOFTE));
    add_reflection(sc, "gedeeld-doel", CORE_BLOCK_ORGANISATIE,
                   EV(CORE_EV_TAG_GEEN_GEDEELD_DOEL) | EV(CORE_EV_TAG_GEEN_TREKKER));
    add_reflection(sc, "dossier", CORE_BLOCK_ORGANISATIE, EV(CORE_EV_TAG_DOSSIER_ONGEDEELD));
    add_reflection(sc, "spanning", CORE_BLOCK_VERBINDING,
                   EV(CORE_EV_TAG_SPANNING_GENEGEERD) | EV(CORE_EV_TAG_GRENSERVARING));
    add_reflection(sc, "samen-leren", CORE_BLOCK_VERBINDING,
                   EV(CORE_EV_TAG_SAMEN_GEWERKT) | EV(CORE_EV_TAG_NIET_REFLECTIEF));

    core_scripted_event *e = &sc->events[sc->n_events++];
    e->round = 4;
    cpy(e->title, sizeof e->title, "verhuis");
    cpy(e->text, sizeof e->text, "Het gezin verhuist.");
    e->welbevinden_delta = -1;
    e->draagkracht_delta = 0;
    e->need = CORE_NONE;

    for (int s = 0; s < 4; s++)
        sc->seat_roles[s] = s;
    sc->n_seats = 4;
}

void test_rules_v2(core_rules *r)
{
    r->overleg_budget = 4;
    r->overleg_moment_cost = 2;
    r->overleg_moment_bonus = 3;
    r->ask_cost = 1;
    r->goal_cost = 1;
    r->afspraak_cost = 2;
    r->pupil_cost = 1;
    r->trust_start = 3;
    r->trust_max = 5;
    r->trust_low = 1;
    r->consent_penalty = 1;
}

void test_view_v2(core_seat_view *v)
{
    memset(v, 0, sizeof *v);
    core_public_view *p = &v->pub;
    p->round = 3;
    p->phase = CORE_PHASE_OVERLEG;
    p->n_seats = 2;
    p->n_needs = 1;
    p->need_lead[0] = p->lead_proposal[0] = CORE_NONE;
    p->goal_proposer = 1;
    p->goal_proposal = 1; /* the team's own goal: slot n_goals + 0 */
    p->goal_adopted[0] = true;
    p->reflection_card = CORE_NONE;
    p->n_team_goals = 1;
    p->team_goal_needs[0] = 1;
    snprintf(p->team_goal_text[0], CORE_ANSWER_LEN, "Noor leest elke dag tien minuten met plezier");
    p->overleg_left = 2;
    p->overleg_budget = 7;
    p->meeting_round = 2;
    p->trust = 4;
    p->pupil_asked = true;
    p->pupil_voice = true;
    p->fact_consent[0] = 2;
    p->fact_consent[1] = 1;
    p->fact_no_consent[1] = true;
    p->afspraken[0].proposer = 1;
    p->afspraken[0].option = CORE_NONE;
    p->afspraken[0].agreed = 3;
    p->afspraken[0].made_round = 3;
    snprintf(p->afspraken[0].text, CORE_ANSWER_LEN, "We bellen elke maandag, ook als het goed gaat");
    p->reflection_evidence = 1u << CORE_EV_TAG_GEEN_OVERLEGTIJD;
    p->improvement_round[0] = 2;
    p->improvement_checked[0] = 3;
    p->improvement_done[0] = true;
    snprintf(p->improvement_text[0], CORE_ANSWER_LEN, "Ik vraag eerst wat Noor zelf wil");
    p->improvement_round[1] = 3;
    snprintf(p->improvement_text[1], CORE_ANSWER_LEN, "Korter vergaderen");
    p->live.afspraken = 1;
    p->live.improvements_checked = 1;
    p->live.trust = 4;
    p->n_rounds_done = 2;
    p->rounds[2].trust = 2;
    p->rounds[2].afspraken = 1;
    v->seat = 0;
    v->role = 0;
    v->reflection_option = CORE_NONE;
}

void test_scenario_v2_marks(core_scenario *sc)
{
    /* who is who */
    sc->roles[0].guardian = true;
    sc->roles[1].pupil = true;
    sc->roles[1].organizer = true;
    /* the level's suggested afspraken for the friction */
    sc->frictions[0].n_options = 2;
    cpy(sc->frictions[0].options[0], CORE_TITLE_LEN, "Wekelijks kort overleg");
    cpy(sc->frictions[0].options[1], CORE_TITLE_LEN, "Eén contactpersoon voor thuis");
    /* what may only be shared with consent, and what the pupil says */
    sc->facts[0].sensitive = true;
    sc->facts[1].pupil_voice = true;
    sc->cards[1].pupil_voice = true;
    sc->n_goals = 1;
    sc->goals[0].needs = 1;
    sc->n_reflections = 1;
    sc->reflections[0].n_options = 3;
    sc->reflections[0].fit_signal = 0x6;
    sc->reflections[0].fit_quiet = 0x1;
}
