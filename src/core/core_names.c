/*
 * Names: Dutch display names and ASCII keys of the enums, and the Dutch
 * rejection messages. Names and messages are msgids marked with N_(): the
 * layer that shows one translates it with _(); keys are never translated.
 */
#include "core/core.h"
#include "core/core_i18n.h"

#include <stdio.h>
#include <string.h>

const char *core_reject_message(core_reject r)
{
    switch (r) {
    case CORE_OK: return N_("In orde.");
    case CORE_REJ_BAD_SEAT: return N_("Die plaats bestaat niet in dit spel.");
    case CORE_REJ_WRONG_PHASE: return N_("Dat kan niet in deze fase.");
    case CORE_REJ_GAME_OVER: return N_("Het spel is afgelopen.");
    case CORE_REJ_NOT_HOST: return N_("Alleen de begeleider kan dat.");
    case CORE_REJ_UNKNOWN_ACTION: return N_("Onbekende actie.");
    case CORE_REJ_NOT_YOUR_CARD: return N_("Die kaart heb je niet in je hand.");
    case CORE_REJ_NOT_YOUR_FACT: return N_("Dat feit zit niet in jouw dossier.");
    case CORE_REJ_ALREADY_SHARED: return N_("Dat feit is al gedeeld.");
    case CORE_REJ_ALREADY_COMMITTED: return N_("Die kaart is al ingezet.");
    case CORE_REJ_TOO_MANY_CARDS: return N_("Je hebt al het maximum aantal kaarten ingezet.");
    case CORE_REJ_UNKNOWN_NEED: return N_("Die nood bestaat niet.");
    case CORE_REJ_NEED_MET: return N_("Aan die nood is al voldaan.");
    case CORE_REJ_UNKNOWN_FRICTION: return N_("Die spanning ligt niet (meer) op tafel.");
    case CORE_REJ_UNKNOWN_GOAL: return N_("Dat doel bestaat niet.");
    case CORE_REJ_GOAL_ALREADY_ADOPTED: return N_("Dat doel is al aangenomen.");
    case CORE_REJ_TOO_MANY_GOALS: return N_("Er zijn al genoeg gedeelde doelen; laat er eerst een los.");
    case CORE_REJ_NO_PROPOSAL: return N_("Er ligt geen voorstel voor dat doel.");
    case CORE_REJ_ALREADY_VOTED: return N_("Je hebt al gestemd.");
    case CORE_REJ_UNKNOWN_PROMISE: return N_("Die vraag of dat aanbod bestaat niet.");
    case CORE_REJ_NOT_YOUR_PROMISE: return N_("Die vraag of dat aanbod is niet aan jou gericht.");
    case CORE_REJ_PROMISE_CLOSED: return N_("Daarop is al geantwoord.");
    case CORE_REJ_SELF: return N_("Je kan dat niet aan jezelf vragen of aanbieden.");
    case CORE_REJ_TOO_MANY_PROMISES: return N_("Er zijn deze ronde al te veel vragen en aanbiedingen.");
    case CORE_REJ_READY_LOCKED: return N_("Je hebt al 'klaar' gemeld; trek dat eerst in.");
    case CORE_REJ_NOT_COMMITTED: return N_("Die kaart is niet ingezet.");
    case CORE_REJ_BAD_OPTION: return N_("Dat antwoord staat niet op de kaart.");
    case CORE_REJ_TEXT_TOO_LONG: return N_("Je tekst is langer dan 140 tekens.");
    case CORE_REJ_ALREADY_ANSWERED: return N_("Je hebt al geantwoord.");
    case CORE_REJ_PROPOSAL_OPEN: return N_("Er ligt al een voorstel ter stemming.");
    case CORE_REJ_GOAL_NOT_ADOPTED: return N_("Dat doel is niet aangenomen.");
    case CORE_REJ_UNKNOWN_SEAT: return N_("Die speler bestaat niet in dit spel.");
    case CORE_REJ_NO_LEAD_PROPOSAL: return N_("Niemand heeft jou als trekker voor die nood voorgesteld.");
    case CORE_REJ_DUPLICATE: return N_("Dat staat al open.");
    case CORE_REJ_NOT_READY: return N_("Je had nog geen 'klaar' gemeld.");
    case CORE_REJ_BAD_TEXT: return N_("Je tekst bevat ongeldige tekens.");
    case CORE_REJ_NO_TIME: return N_("De overlegtijd van deze ronde is op.");
    case CORE_REJ_NOT_INVOLVED: return N_("Jouw rol is niet betrokken bij die spanning.");
    case CORE_REJ_NO_AFSPRAAK: return N_("Er ligt geen voorstel voor een afspraak over die spanning.");
    case CORE_REJ_NOT_SENSITIVE: return N_("Voor dat feit is geen toestemming nodig.");
    case CORE_REJ_NO_CONSENT_ASKED: return N_("Niemand vroeg toestemming om dat feit te delen.");
    case CORE_REJ_NOT_CONSENT_GIVER: return N_("Alleen de ouder (of de leerling vanaf 12 jaar) geeft toestemming.");
    case CORE_REJ_ALREADY_DONE: return N_("Dat is al gebeurd.");
    case CORE_REJ_NOT_ORGANIZER: return N_("Alleen de directie of de zorgcoördinator zet een vast overlegmoment op.");
    case CORE_REJ_NO_IMPROVEMENT: return N_("Er is geen eerdere verbeteractie van die speler om na te kijken.");
    case CORE_REJ_PUPIL_NOT_ASKED: return N_("Vraag eerst wat de leerling zelf denkt.");
    case CORE_REJ_EMPTY_TEXT: return N_("Schrijf eerst een korte tekst.");
    default: return N_("Onbekende weigering.");
    }
}

const char *core_phase_name(core_phase p)
{
    switch (p) {
    case CORE_PHASE_LOBBY: return N_("Lobby");
    case CORE_PHASE_SIGNAAL: return N_("Signaal");
    case CORE_PHASE_IDENTITEIT: return N_("Identiteit");
    case CORE_PHASE_OVERLEG: return N_("Overleg");
    case CORE_PHASE_INZET: return N_("Inzet");
    case CORE_PHASE_UITVOERING: return N_("Uitvoering");
    case CORE_PHASE_REFLECTIE: return N_("Reflectie");
    case CORE_PHASE_END: return N_("Einde");
    default: return "?";
    }
}

const char *core_level_name(core_collab_level l)
{
    switch (l) {
    case CORE_LEVEL_GEEN: return N_("geen");
    case CORE_LEVEL_COORDINEREND: return N_("coördinerend");
    case CORE_LEVEL_COOPERATIEF: return N_("coöperatief");
    case CORE_LEVEL_VERBINDEND: return N_("verbindend");
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
    case CORE_KIND_WETENSCHAPPELIJK: return N_("wetenschappelijke kennis");
    case CORE_KIND_PROFESSIONEEL: return N_("professionele kennis");
    case CORE_KIND_ERVARING: return N_("ervaringskennis");
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
