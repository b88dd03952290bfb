/*
 * Names: Dutch display names and ASCII keys of the enums, and the Dutch
 * rejection messages (msgids for gettext in the UI).
 */
#include "core/core.h"

#include <stdio.h>
#include <string.h>

const char *core_reject_message(core_reject r)
{
    switch (r) {
    case CORE_OK: return "In orde.";
    case CORE_REJ_BAD_SEAT: return "Die plaats bestaat niet in dit spel.";
    case CORE_REJ_WRONG_PHASE: return "Dat kan niet in deze fase.";
    case CORE_REJ_GAME_OVER: return "Het spel is afgelopen.";
    case CORE_REJ_NOT_HOST: return "Alleen de begeleider kan dat.";
    case CORE_REJ_UNKNOWN_ACTION: return "Onbekende actie.";
    case CORE_REJ_NOT_YOUR_CARD: return "Die kaart heb je niet in je hand.";
    case CORE_REJ_NOT_YOUR_FACT: return "Dat feit zit niet in jouw dossier.";
    case CORE_REJ_ALREADY_SHARED: return "Dat feit is al gedeeld.";
    case CORE_REJ_ALREADY_COMMITTED: return "Die kaart is al ingezet.";
    case CORE_REJ_TOO_MANY_CARDS: return "Je hebt al het maximum aantal kaarten ingezet.";
    case CORE_REJ_UNKNOWN_NEED: return "Die nood bestaat niet.";
    case CORE_REJ_NEED_MET: return "Aan die nood is al voldaan.";
    case CORE_REJ_UNKNOWN_FRICTION: return "Die spanning ligt niet (meer) op tafel.";
    case CORE_REJ_UNKNOWN_GOAL: return "Dat doel bestaat niet.";
    case CORE_REJ_GOAL_ALREADY_ADOPTED: return "Dat doel is al aangenomen.";
    case CORE_REJ_TOO_MANY_GOALS: return "Er zijn al genoeg gedeelde doelen; laat er eerst een los.";
    case CORE_REJ_NO_PROPOSAL: return "Er ligt geen voorstel voor dat doel.";
    case CORE_REJ_ALREADY_VOTED: return "Je hebt al gestemd.";
    case CORE_REJ_UNKNOWN_PROMISE: return "Die vraag of dat aanbod bestaat niet.";
    case CORE_REJ_NOT_YOUR_PROMISE: return "Die vraag of dat aanbod is niet aan jou gericht.";
    case CORE_REJ_PROMISE_CLOSED: return "Daarop is al geantwoord.";
    case CORE_REJ_SELF: return "Je kan dat niet aan jezelf vragen of aanbieden.";
    case CORE_REJ_TOO_MANY_PROMISES: return "Er zijn deze ronde al te veel vragen en aanbiedingen.";
    case CORE_REJ_READY_LOCKED: return "Je hebt al 'klaar' gemeld; trek dat eerst in.";
    case CORE_REJ_NOT_COMMITTED: return "Die kaart is niet ingezet.";
    case CORE_REJ_BAD_OPTION: return "Dat antwoord staat niet op de kaart.";
    case CORE_REJ_TEXT_TOO_LONG: return "Je tekst is langer dan 140 tekens.";
    case CORE_REJ_ALREADY_ANSWERED: return "Je hebt al geantwoord.";
    case CORE_REJ_PROPOSAL_OPEN: return "Er ligt al een voorstel ter stemming.";
    case CORE_REJ_GOAL_NOT_ADOPTED: return "Dat doel is niet aangenomen.";
    case CORE_REJ_UNKNOWN_SEAT: return "Die speler bestaat niet in dit spel.";
    case CORE_REJ_NO_LEAD_PROPOSAL: return "Niemand heeft jou als trekker voor die nood voorgesteld.";
    case CORE_REJ_DUPLICATE: return "Dat staat al open.";
    case CORE_REJ_NOT_READY: return "Je had nog geen 'klaar' gemeld.";
    case CORE_REJ_BAD_TEXT: return "Je tekst bevat ongeldige tekens.";
    case CORE_REJ_NO_TIME: return "De overlegtijd van deze ronde is op.";
    case CORE_REJ_NOT_INVOLVED: return "Jouw rol is niet betrokken bij die spanning.";
    case CORE_REJ_NO_AFSPRAAK: return "Er ligt geen voorstel voor een afspraak over die spanning.";
    case CORE_REJ_NOT_SENSITIVE: return "Voor dat feit is geen toestemming nodig.";
    case CORE_REJ_NO_CONSENT_ASKED: return "Niemand vroeg toestemming om dat feit te delen.";
    case CORE_REJ_NOT_CONSENT_GIVER: return "Alleen de ouder (of de leerling vanaf 12 jaar) geeft toestemming.";
    case CORE_REJ_ALREADY_DONE: return "Dat is al gebeurd.";
    case CORE_REJ_NOT_ORGANIZER: return "Alleen de directie of de zorgcoördinator zet een vast overlegmoment op.";
    case CORE_REJ_NO_IMPROVEMENT: return "Er is geen eerdere verbeteractie van die speler om na te kijken.";
    case CORE_REJ_PUPIL_NOT_ASKED: return "Vraag eerst wat de leerling zelf denkt.";
    case CORE_REJ_EMPTY_TEXT: return "Schrijf eerst een korte tekst.";
    default: return "Onbekende weigering.";
    }
}

const char *core_phase_name(core_phase p)
{
    switch (p) {
    case CORE_PHASE_LOBBY: return "Lobby";
    case CORE_PHASE_SIGNAAL: return "Signaal";
    case CORE_PHASE_IDENTITEIT: return "Identiteit";
    case CORE_PHASE_OVERLEG: return "Overleg";
    case CORE_PHASE_INZET: return "Inzet";
    case CORE_PHASE_UITVOERING: return "Uitvoering";
    case CORE_PHASE_REFLECTIE: return "Reflectie";
    case CORE_PHASE_END: return "Einde";
    default: return "?";
    }
}

const char *core_level_name(core_collab_level l)
{
    switch (l) {
    case CORE_LEVEL_GEEN: return "geen";
    case CORE_LEVEL_COORDINEREND: return "co\xc3\xb6rdinerend";
    case CORE_LEVEL_COOPERATIEF: return "co\xc3\xb6peratief";
    case CORE_LEVEL_VERBINDEND: return "verbindend";
    default: return "?";
    }
}

const char *core_level_key(core_collab_level l)
{
    switch (l) {
    case CORE_LEVEL_GEEN: return "geen";
    case CORE_LEVEL_COORDINEREND: return "coordinerend";
    case CORE_LEVEL_COOPERATIEF: return "cooperatief";
    case CORE_LEVEL_VERBINDEND: return "verbindend";
    default: return "?";
    }
}

const char *core_kind_name(core_knowledge_kind k)
{
    switch (k) {
    case CORE_KIND_WETENSCHAPPELIJK: return "wetenschappelijke kennis";
    case CORE_KIND_PROFESSIONEEL: return "professionele kennis";
    case CORE_KIND_ERVARING: return "ervaringskennis";
    default: return "?";
    }
}

const char *core_kind_key(core_knowledge_kind k)
{
    switch (k) {
    case CORE_KIND_WETENSCHAPPELIJK: return "wetenschappelijk";
    case CORE_KIND_PROFESSIONEEL: return "professioneel";
    case CORE_KIND_ERVARING: return "ervaring";
    default: return "?";
    }
}

const char *core_block_key(core_building_block b)
{
    switch (b) {
    case CORE_BLOCK_IDENTITEIT: return "identiteit";
    case CORE_BLOCK_NETWERK: return "netwerk";
    case CORE_BLOCK_ORGANISATIE: return "organisatie";
    case CORE_BLOCK_VERBINDING: return "verbinding";
    default: return "?";
    }
}

const char *core_evidence_name(core_evidence_tag t)
{
    switch (t) {
    case CORE_EV_TAG_LAGE_DIVERSITEIT: return "lage-diversiteit";
    case CORE_EV_TAG_CENTRAAL_NETWERK: return "centraal-netwerk";
    case CORE_EV_TAG_LAGE_DENSITEIT: return "lage-densiteit";
    case CORE_EV_TAG_GEEN_GEDEELD_DOEL: return "geen-gedeeld-doel";
    case CORE_EV_TAG_SPANNING_GENEGEERD: return "spanning-genegeerd";
    case CORE_EV_TAG_GRENSERVARING: return "grenservaring";
    case CORE_EV_TAG_WEINIG_VRAGEN: return "weinig-vragen";
    case CORE_EV_TAG_GEBROKEN_BELOFTE: return "gebroken-belofte";
    case CORE_EV_TAG_NIET_REFLECTIEF: return "niet-reflectief";
    case CORE_EV_TAG_DOSSIER_ONGEDEELD: return "dossier-ongedeeld";
    case CORE_EV_TAG_ROL_AFWEZIG: return "rol-afwezig";
    case CORE_EV_TAG_ERVARINGSKENNIS_ONBENUT: return "ervaringskennis-onbenut";
    case CORE_EV_TAG_GEEN_TREKKER: return "geen-trekker";
    case CORE_EV_TAG_SAMEN_GEWERKT: return "samen-gewerkt";
    case CORE_EV_TAG_ZONDER_TOESTEMMING: return "zonder-toestemming";
    case CORE_EV_TAG_LEERLING_NIET_GEHOORD: return "leerling-niet-gehoord";
    case CORE_EV_TAG_WEINIG_VERTROUWEN: return "weinig-vertrouwen";
    case CORE_EV_TAG_GEEN_OVERLEGTIJD: return "geen-overlegtijd";
    default: return "?";
    }
}

/* The abbreviations Flemish schools use for the usual roles. */
static const char *const known_badges[][2] = {
    {"leraar", "LR"},           {"ouder", "OU"},           {"clb-anker", "CLB"},
    {"leerondersteuner", "LO"}, {"zorgcoordinator", "ZC"}, {"directie", "DIR"},
    {"leerling", "LL"},         {"pedagogisch-begeleider", "PB"},
    {"buitengewoon-onderwijs", "BuO"}, {"jeugdhulp", "JH"}, {"leerlingbegeleider", "LB"},
};

void core_role_default_badge(const char *role_id, const char *role_name,
                             char out[CORE_BADGE_LEN])
{
    for (size_t i = 0; i < sizeof known_badges / sizeof known_badges[0]; i++)
        if (role_id && strcmp(role_id, known_badges[i][0]) == 0) {
            snprintf(out, CORE_BADGE_LEN, "%s", known_badges[i][1]);
            return;
        }
    const char *n = role_name ? role_name : "";
    int k = 0;
    bool start = true;
    for (const char *p = n; *p && k < 2; p++) {
        unsigned char ch = (unsigned char)*p;
        bool letter = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        if (start && letter) {
            out[k++] = (char)(ch >= 'a' ? ch - 32 : ch);
            start = false;
        } else if (ch == ' ' || ch == '-' || ch == '/') {
            start = true;
        }
    }
    if (k == 1 && n[0] && n[1] && (unsigned char)n[1] < 0x80)
        out[k++] = (char)(n[1] >= 'a' && n[1] <= 'z' ? n[1] - 32 : n[1]);
    if (k == 0)
        out[k++] = '?';
    out[k] = '\0';
}
