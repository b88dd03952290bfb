/* Hand-built scenario and views for golden images (see fixture.h). */
#include "fixture.h"
#include "ui/player_app.h"
#include "platform/i18n.h"

#include <stdio.h>
#include <string.h>

const char *const ui_fixture_scenes[] = {
    "lobby",   "table",     "table7",    "table8",    "signaal",   "reflectie", "reveal",
    "end",     "debrief-1", "debrief-2", "debrief-3", "debrief-4", "debrief-5", "debrief-6", "help",
    "trainer",
    "player-overleg", "player-inzet", "player-inzet7", "player-reflectie", "player-ask",
    "player-dossier",
    "player-paused", "player-spanning", "player-toestemming",
    "player-doel", "player-einde",
    "join-form", "join-roles", "join-picked",
    "table-afspraak", "end-apart", /* rules v2 (see the block below) */
    NULL,
};

static const char *const role_ids[8] = {"leraar",          "ouder",    "clb-anker",
                                        "leerondersteuner", "zorgcoordinator", "directie",
                                        "leerling",        "jeugdhulp"};
static const char *const role_names[8] = {"Leraar",          "Ouder",    "CLB-anker",
                                          "Leerondersteuner", "Zorgcoördinator", "Directie",
                                          "Leerling",        "Jeugdhulp"};
static const char *const names[8] = {"Anna", "Bram", "Chloé", "Dries",
                                     "Elif", "Fien", "Gert", "Hanne"};

#define CPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

static void scenario(core_scenario *sc, int n_seats)
{
    memset(sc, 0, sizeof *sc);
    CPY(sc->title, "Noor zoekt rust");
    CPY(sc->pupil_name, "Noor");
    sc->pupil_age = 8;
    CPY(sc->pupil_class, "3de leerjaar");
    CPY(sc->pupil_text, "Noor is acht en zit in het 3de leerjaar. Na de speeltijd is ze vaak "
                        "overprikkeld: ze zit met haar handen op de oren en klapt dicht. Thuis "
                        "is ze ’s avonds uitgeput.");
    CPY(sc->intro, "Een schooljaar lang zoeken leraar, ouder, CLB-anker en leerondersteuner "
                   "samen wat Noor helpt.");
    sc->rules.rounds = 6;
    sc->rules.welbevinden_max = 10;
    sc->rules.draagkracht_max = 10;
    sc->rules.centrality_alarm = 0.5;
    sc->rules.max_commit = 2;
    /* rules v2: overleg time and trust (the player window shows both) */
    sc->rules.overleg_budget = 4;
    sc->rules.ask_cost = sc->rules.goal_cost = sc->rules.afspraak_cost = sc->rules.pupil_cost = 1;
    sc->rules.overleg_moment_cost = 2;
    sc->rules.trust_start = 3;
    sc->rules.trust_max = 5;
    sc->rules.trust_low = 1;
    for (int i = 0; i < 8; i++) {
        core_role_def *r = &sc->roles[i];
        CPY(r->id, role_ids[i]);
        CPY(r->name, role_names[i]);
        r->colour = i;
        r->n_domains = 3;
        CPY(r->domains[0], "klaspraktijk");
        CPY(r->domains[1], "didactiek");
        CPY(r->domains[2], "observatie");
        r->n_skills = 2;
        CPY(r->skills[0], "gedeelde taal");
        CPY(r->skills[1], "luisteren");
        CPY(r->limits_text, "Geen diagnostiek; weinig tijd één-op-één.");
    }
    sc->n_roles = 8;
    sc->n_seats = n_seats;
    for (int i = 0; i < n_seats; i++)
        sc->seat_roles[i] = i;
    static const char *const needs[6] = {"Voorspelbaarheid",        "Prikkelarme werkplek",
                                         "Contact op de speelplaats", "Afstemming school–thuis",
                                         "Rust na de speeltijd",     "Vriendschappen"};
    sc->n_needs = n_seats > 4 ? 6 : 4;
    for (int i = 0; i < sc->n_needs; i++) {
        CPY(sc->needs[i].title, needs[i]);
        sc->needs[i].target = 6;
    }
    sc->n_frictions = 2;
    CPY(sc->frictions[0].title, "Geen tijd om samen te zitten");
    CPY(sc->frictions[0].text, "Er is geen vast overlegmoment. Iedereen werkt in zijn eigen "
                               "uren, en afspraken gaan via losse mails.");
    sc->frictions[0].roles = 3;
    sc->frictions[0].required_roles = 2;
    CPY(sc->frictions[1].title, "“Wij kennen ons kind toch?”");
    sc->frictions[1].roles = 6;
    sc->frictions[1].required_roles = 2;
    sc->n_facts = 3;
    CPY(sc->facts[0].text, "Na de speeltijd zit Noor met haar handen op de oren.");
    sc->facts[0].role = 0;
    CPY(sc->facts[1].text, "Thuis helpt een zandloper bij elke overgang.");
    sc->facts[1].role = 1;
    CPY(sc->facts[2].text,
        "Het onderzoek toont een sterk verbaal begrip en een trage verwerkingssnelheid.");
    sc->facts[2].role = 2;
    sc->n_goals = 2;
    CPY(sc->goals[0].title, "Noor weet elke dag wat er komt");
    CPY(sc->goals[1].title, "Eén taal tussen school en thuis");
    static const char *const cards[6] = {"Dagplanning met pictogrammen", "Zandloper bij overgangen",
                                         "Observatie in de klas", "Co-teaching", "Luisteren",
                                         "Koptelefoon"};
    sc->n_cards = 6;
    for (int i = 0; i < 6; i++) {
        CPY(sc->cards[i].title, cards[i]);
        CPY(sc->cards[i].domain, "klaspraktijk");
        sc->cards[i].role = i % 4;
        sc->cards[i].strength = 2 + i % 2;
        sc->cards[i].kind = (core_knowledge_kind)(i % 3);
    }
    sc->cards[4].type = CORE_CARD_GENERIC;
    sc->cards[4].boost = 1;
    sc->n_reflections = 1;
    CPY(sc->reflections[0].question, "Wie nam in deze ronde de meeste beslissingen, en hoe "
                                     "kwam dat?");
    sc->reflections[0].n_options = 3;
    CPY(sc->reflections[0].options[0], "Vooral één persoon");
    CPY(sc->reflections[0].options[1], "Twee mensen samen");
    CPY(sc->reflections[0].options[2], "Het hele team");
}

static void public_view(core_public_view *p, const core_scenario *sc)
{
    memset(p, 0, sizeof *p);
    int ns = sc->n_seats;
    p->round = 3;
    p->phase = CORE_PHASE_OVERLEG;
    p->welbevinden = 5;
    p->draagkracht = 7;
    p->n_seats = ns;
    p->n_needs = sc->n_needs;
    for (int i = 0; i < sc->n_needs; i++) {
        p->lead_proposal[i] = CORE_NONE;
        p->need_lead[i] = i == 0 ? 1 : CORE_NONE;
        p->need_progress[i] = i * 2 > 6 ? 5 : i * 2;
        p->need_lit[i] = i != 2;
    }
    p->need_met[3] = true;
    p->need_progress[3] = 6;
    p->fact_shared[0] = p->fact_shared[1] = true;
    p->n_frictions_out = 2;
    for (int i = 0; i < 2; i++) {
        p->frictions[i].friction = i;
        p->frictions[i].active = true;
        p->frictions[i].severity = 2 - i;
    }
    /* rules v2: time left, trust, and one afspraak proposed on spanning 0 */
    p->overleg_budget = 4;
    p->overleg_left = 2;
    p->trust = 3;
    for (int i = 0; i < CORE_MAX_FRICTIONS; i++)
        p->afspraken[i].proposer = p->afspraken[i].option = CORE_NONE;
    p->afspraken[0].proposer = 1;
    p->afspraken[0].agreed = 1u << 1;
    CPY(p->afspraken[0].text, "Elke maandag een kwartier samen plannen");
    p->goal_adopted[0] = true;
    p->goal_proposal = 1;
    p->goal_votes_yes = 0x6;
    p->seat_ready[0] = p->seat_ready[2] = true;
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < ns; j++)
            if (i != j)
                p->edges[i][j] = (uint16_t)(i == 0 || j == 0 ? 4 : (i + j) % 3);
    p->live.density = 0.67;
    p->live.centrality = 0.62;
    p->live.diversity = 0.48;
    p->live.goal_directedness = 0.4;
    p->live.level = CORE_LEVEL_COOPERATIEF;
    p->live.contributions = 5;
    p->live.promises_kept = 3;
    p->live.promises_broken = 1;
    p->live.asks_offers = 6;
    p->n_rounds_done = 2;
    p->rounds[1].level = CORE_LEVEL_GEEN;
    p->rounds[1].contributions = 8;
    p->rounds[2].level = CORE_LEVEL_COORDINEREND;
    p->rounds[2].contributions = 8;
    p->rounds[2].joint_contributions = 4;
    p->rounds[2].promises_kept = 2;
    p->rounds[2].reflective = true;
    p->reflection_card = 0;
    p->n_boundary = 1;
    p->boundary_won[0] = 0;
    p->n_promises = 2;
    p->promises[0] = (core_promise){.from = 1, .to = 0, .need = 0};
    p->promises[1] = (core_promise){.from = 0, .to = 2, .need = 1, .status = CORE_PROMISE_ACCEPTED};
}

/* ---- rules v2 (projector): overleg time, trust, the pupil's voice,
 * afspraken, the overlegmoment and the two outcomes. Every scene gets the
 * plain values of a round in progress; table-afspraak sets what its
 * golden is about (end-apart's outcome: see ui_fixture_build). */
static void rules_v2(core_scenario *sc, core_public_view *p, const char *scene)
{
    sc->rules.trust_max = 5;
    sc->rules.trust_low = 1;
    sc->rules.overleg_budget = 4;
    p->overleg_budget = 4;
    p->overleg_left = 3;
    p->trust = 3;
    p->pupil_voice = true;
    for (int f = 0; f < CORE_MAX_FRICTIONS; f++) {
        p->afspraken[f].proposer = CORE_NONE;
        p->afspraken[f].option = CORE_NONE;
    }
    sc->frictions[0].n_options = 1;
    CPY(sc->frictions[0].options[0], "Elke maandag tien minuten samen, vast in het rooster");
    bool afspraak = !strcmp(scene, "table-afspraak") || !strncmp(scene, "debrief", 7) ||
                    !strcmp(scene, "end-apart");
    if (afspraak) {
        /* spanning 0: the roles agreed on the level's afspraak; spanning 1:
         * the ouder proposed one in her own words, the leraar has not agreed */
        p->afspraken[0].proposer = 0;
        p->afspraken[0].option = 0;
        p->afspraken[0].agreed = 0x3;
        p->afspraken[0].made_round = 3;
        p->afspraken[1].proposer = 1;
        p->afspraken[1].agreed = 0x2;
        CPY(p->afspraken[1].text, "We bellen elke vrijdag kort over hoe de week thuis liep");
        p->pupil_asked = true;
        p->meeting_round = 2;
        p->overleg_budget = 6;
        p->overleg_left = 1;
        p->trust = 4;
    }
    if (!strcmp(scene, "table-afspraak")) {
        p->n_boundary = 0;
        p->goal_proposal = CORE_NONE; /* no vote open: the overlegmoment has the line */
    }
    if (!strncmp(scene, "debrief", 7)) {
        /* verbeteracties: Anna's of round 2 checked in round 3, Bram's open */
        p->improvement_round[0] = 2;
        p->improvement_checked[0] = 3;
        p->improvement_done[0] = true;
        CPY(p->improvement_text[0], "Ik vraag Bram elke week hoe de avonden thuis gaan.");
        p->improvement_round[1] = 2;
        CPY(p->improvement_text[1], "Ik breng de zandloper mee naar school.");
    }
}

bool ui_fixture_build(ui_fixture *f, const char *scene)
{
    bool known = false;
    for (int i = 0; ui_fixture_scenes[i]; i++)
        known = known || strcmp(ui_fixture_scenes[i], scene) == 0;
    if (!known)
        return false;
    /* seven seats: the bundled casussen's largest teams (amira, sem); the
     * player's Inzet with seven puts the team in two columns */
    int seats = strcmp(scene, "table8") == 0 || strcmp(scene, "join-roles") == 0 ? 8
                : strcmp(scene, "table7") == 0 || strcmp(scene, "player-inzet7") == 0 ? 7
                                                                                      : 4;
    scenario(&f->sc, seats);
    public_view(&f->pub, &f->sc);
    core_public_view *p = &f->pub;
    if (!strcmp(scene, "signaal"))
        p->phase = CORE_PHASE_SIGNAAL;
    else if (!strcmp(scene, "reflectie") || !strcmp(scene, "player-reflectie"))
        p->phase = CORE_PHASE_REFLECTIE;
    else if (!strcmp(scene, "reveal")) {
        p->phase = CORE_PHASE_UITVOERING;
        p->revealed = true;
        for (int s = 0; s < p->n_seats; s++) {
            p->revealed_n[s] = s == 3 ? 1 : 2;
            p->revealed_commits[s][0].card = s % 6;
            p->revealed_commits[s][1].card = (s + 1) % 6;
            p->revealed_commits[s][1].target = 1;
        }
    } else if (!strcmp(scene, "end") || !strncmp(scene, "debrief", 7)) {
        p->phase = CORE_PHASE_END;
        p->outcome = CORE_OUTCOME_WON;
    } else if (!strncmp(scene, "player-inzet", 12) || !strcmp(scene, "player-paused"))
        p->phase = CORE_PHASE_INZET;
    if (strncmp(scene, "player-", 7) && strncmp(scene, "join-", 5))
        rules_v2(&f->sc, p, scene); /* the projector's scenes only */
    if (!strcmp(scene, "player-dossier")) {
        /* both goals adopted at the limit, no vote open: "Loslaten", and
         * "Voorstellen" greyed out with the reason */
        f->sc.rules.max_goals = 2;
        p->goal_adopted[1] = true;
        p->goal_proposal = CORE_NONE;
        /* three long facts of one role: the panel pages */
        for (int i = 0; i < 3; i++)
            f->sc.facts[i].role = 0;
        CPY(f->sc.facts[1].text, "Thuis helpt een zandloper bij elke overgang; zonder "
                                 "zandloper loopt het ’s ochtends vaak mis.");
        p->fact_shared[1] = false;
    }
    if (!strcmp(scene, "player-spanning")) {
        /* the spanning's card: its text, the open proposal, the level's afspraken */
        f->sc.frictions[0].n_options = 2;
        CPY(f->sc.frictions[0].options[0], "Elke maandag een kwartier samen plannen");
        CPY(f->sc.frictions[0].options[1], "Een gedeeld schrift dat mee naar huis gaat");
    }
    if (!strcmp(scene, "player-reflectie")) {
        /* Bram's verbeteractie of round 2, for the team to check */
        p->improvement_round[1] = 2;
        CPY(p->improvement_text[1], "Elke week een kort verslag naar de ouder");
    }
    if (!strcmp(scene, "player-einde") || !strcmp(scene, "end-apart")) {
        /* won, but side by side: the verdict says so, never a plain win */
        p->phase = CORE_PHASE_END;
        p->outcome = CORE_OUTCOME_WON;
        p->live.level = CORE_LEVEL_COORDINEREND;
    }
    if (!strcmp(scene, "player-toestemming")) {
        /* a sensitive fact of the leraar, not shared: ask consent first */
        f->sc.facts[0].sensitive = true;
        p->fact_shared[0] = false;
    }
    memset(&f->sv, 0, sizeof f->sv);
    f->sv.pub = *p;
    f->sv.seat = 0;
    f->sv.role = 0;
    f->sv.hand_n = 5;
    for (int i = 0; i < 5; i++)
        f->sv.hand[i] = i;
    f->sv.dossier_n = 1;
    f->sv.dossier[0] = 0;
    if (!strcmp(scene, "player-dossier")) {
        f->sv.dossier_n = 3;
        f->sv.dossier[1] = 1;
        f->sv.dossier[2] = 2;
    }
    f->sv.reflection_option = -1;
    if (!strncmp(scene, "player-inzet", 12)) {
        f->sv.commit_n = 1;
        f->sv.commits[0].slot = 3;
        f->sv.commits[0].card = 3;
    }
    return true;
}

bool ui_fixture_gfx(ui_gfx *g, const char *title, int w, int h)
{
    char err[512] = "";
    if (ui_gfx_open(g, title, w, h, true, NULL, err, sizeof err))
        return true;
    fprintf(stderr, "%s\n", err);
    return false;
}

/* The join flow: the form with two games on the LAN, and the role picker
 * with every seat state (a person, a bot, a seat waiting for its player,
 * the player's own waiting seat, free) or with a role chosen. */
static void draw_join(ui_gfx *g, ui_fixture *f, const char *scene)
{
    if (!strcmp(scene, "join-form")) {
        static cli_found_game found[2] = {
            {.address = "192.168.1.20", .port = 47800, .code = "KWTR", .title = "Noor zoekt rust",
             .seats_free = 3, .seats_total = 4},
            {.address = "192.168.1.31", .port = 47800, .code = "BLMN",
             .title = "Amira vindt haar plek", .seats_free = 6, .seats_total = 6},
        };
        player_form_model m = {{"192.168.1.20:47800", "KWTR", "Anna"}, 2, found, 2, false,
                               "", ""};
        player_draw_form(g, &m);
        return;
    }
    static cli_lobby lobby;
    memset(&lobby, 0, sizeof lobby);
    CPY(lobby.code, "KWTR");
    CPY(lobby.title, f->sc.title);
    lobby.n_seats = f->sc.n_seats;
    for (int s = 0; s < f->sc.n_seats; s++) {
        cli_lobby_seat *ls = &lobby.seats[s];
        ls->role = f->sc.seat_roles[s];
        CPY(ls->role_id, f->sc.roles[ls->role].id);
        CPY(ls->role_name, f->sc.roles[ls->role].name);
    }
    player_picker_model m;
    memset(&m, 0, sizeof m);
    m.sc = &f->sc;
    m.lobby = &lobby;
    m.player_name = "Anna";
    if (!strcmp(scene, "join-roles")) {
        lobby.seats[1].taken = lobby.seats[1].connected = true;
        CPY(lobby.seats[1].name, "Bram");
        lobby.seats[2].taken = lobby.seats[2].bot = true;
        lobby.seats[3].taken = true; /* Anna's seat, waiting for her */
        CPY(lobby.seats[3].name, "Anna");
        lobby.seats[5].taken = true;
        CPY(lobby.seats[5].name, "Fien");
        m.error = "Iemand anders nam net de rol Ouder. Kies een andere rol.";
    } else {
        lobby.seats[0].taken = lobby.seats[0].connected = true;
        CPY(lobby.seats[0].name, "Bram");
        CPY(f->sc.roles[2].description,
            "Kijkt met een psychologische en medische blik naar het hele kind, brengt hulp "
            "buiten de school in beeld en bewaakt de privacy van het dossier.");
        m.pick = PLAYER_PICK_ROLE;
        m.pick_role = "clb-anker";
        m.pick_role_name = "CLB-anker";
    }
    player_draw_picker(g, &m);
}

/* Every seat taken by a connected player, with the fixture's names. */
static void seat_players(ui_seat_info *seats, int n)
{
    for (int s = 0; s < n; s++) {
        CPY(seats[s].name, names[s]);
        seats[s].conn = UI_SEAT_PLAYER;
    }
}

bool ui_fixture_draw(ui_gfx *g, ui_fixture *f, const char *scene)
{
    ui_gfx_begin(g);
    if (!strncmp(scene, "join-", 5)) {
        draw_join(g, f, scene);
        return true;
    }
    if (!strncmp(scene, "player-", 7)) {
        ui_player_model m;
        ui_player_model_init(&m);
        m.sc = &f->sc;
        m.view = &f->sv;
        CPY(m.player_name, "Anna");
        CPY(m.status, _("verbonden")); /* as player_app sets it: in the language shown */
        seat_players(m.seats, f->sc.n_seats);
        if (!strncmp(scene, "player-inzet", 12)) {
            m.selected = 1;
            m.timer_left_s = 45; /* the last minute: orange */
        }
        if (!strcmp(scene, "player-ask"))
            m.pick_need = 1;
        if (!strcmp(scene, "player-dossier"))
            m.dossier_first = 1; /* the second page */
        if (!strcmp(scene, "player-paused"))
            m.paused = true;
        if (!strcmp(scene, "player-spanning"))
            m.open_friction = 0;
        if (!strcmp(scene, "player-doel")) {
            m.wording_goal = m.editing_goal = true;
            CPY(m.goal_text, "Noor speelt elke week minstens één keer samen met een klasgenoot");
            m.goal_needs = 1u << 2;
        }
        if (!strcmp(scene, "player-reflectie")) {
            m.reflect_option = 1;
            CPY(m.reflect_text, "Elke maandag tien minuten samen kijken naar wat werkte.");
            m.editing_text = true;
        }
        ui_draw_player(g, &m);
        return true;
    }
    ui_proj_model m;
    ui_proj_model_init(&m);
    seat_players(m.seats, f->sc.n_seats);
    m.sc = &f->sc;
    m.pub = &f->pub;
    CPY(m.room_code, "KWTR");
    CPY(m.address, "192.168.1.20:47800");
    CPY(m.join_url, "http://192.168.1.20:47880/?code=KWTR");
    m.observers = 2;
    m.can_export = true;
    ui_proj_screen scr = UI_PROJ_TABLE;
    if (!strcmp(scene, "lobby")) {
        scr = UI_PROJ_LOBBY;
        m.seats[2].conn = UI_SEAT_BOT;
        m.seats[2].name[0] = 0;
        m.seats[3].conn = UI_SEAT_EMPTY;
        m.seats[3].name[0] = 0;
    } else if (!strncmp(scene, "debrief-", 8)) {
        scr = UI_PROJ_DEBRIEF;
        m.debrief_step = scene[8] - '1';
        /* rules v2: the spread of reflection answers the host counted */
        static const int answers[CORE_MAX_ROUNDS + 1][CORE_MAX_OPTIONS] = {{0}, {3, 1, 0}, {0, 1, 3}};
        static const int cards[CORE_MAX_ROUNDS + 1] = {-1, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
        m.reflection_answers = answers;
        m.reflection_cards = cards;
    } else if (!strcmp(scene, "reveal")) {
        m.reveal_t = 0.9f;
        m.reveal_gain[0] = 5;
        m.reveal_gain[1] = 3;
        m.reveal_boundary = 0;
    } else if (!strcmp(scene, "help")) {
        m.help = true;
    } else if (!strcmp(scene, "trainer")) {
        m.trainer_menu = true;
    } else if (!strcmp(scene, "table") || !strcmp(scene, "table7")) {
        m.timer_on = true;
        m.timer_left_s = 154;
        m.seats[3].conn = UI_SEAT_LOST;
    }
    ui_draw_projector(g, &m, scr);
    return true;
}
