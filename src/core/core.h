/*
 * core: the rules engine of Samenspel (see ../shared/GAME.md).
 *
 * Pure C11: no SDL, no sockets, no files, no malloc in the per-action path.
 * The game is event-sourced: state = f(scenario, seed, ordered accepted
 * actions). Everything else (host, screens, bots, debrief, resume) is a front
 * end of this module.
 *
 * Ownership: a core_scenario is filled by the level loader (or by tests in C)
 * and must outlive every core_state that points at it. core_state is a plain
 * value (copyable with memcpy, no heap pointers besides `sc`).
 *
 * All arrays are fixed-size; the CORE_MAX_* limits are hard limits that the
 * level loader enforces with a clear message before a scenario reaches core.
 */
#ifndef SAMENSPEL_CORE_H
#define SAMENSPEL_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CORE_MAX_SEATS 8
#define CORE_MIN_SEATS 3
#define CORE_MAX_ROLES 16       /* roles known to a scenario (in play or not) */
#define CORE_MAX_NEEDS 6
#define CORE_MAX_CARDS 160      /* card definitions in a scenario */
#define CORE_MAX_DECK 24        /* cards in one role's deck (with copies) */
#define CORE_MAX_HAND 8
#define CORE_MAX_COMMIT 3       /* hard cap; the level's rule is usually 2 */
#define CORE_MAX_FACTS 48
#define CORE_MAX_FRICTIONS 16
#define CORE_MAX_GOALS 8         /* goals a level offers */
#define CORE_MAX_TEAM_GOALS 2    /* goals a team words itself during a game */
#define CORE_MAX_GOAL_SLOTS (CORE_MAX_GOALS + CORE_MAX_TEAM_GOALS) /* level's, then the team's */
#define CORE_MAX_REFLECTIONS 40
#define CORE_MAX_ROUNDS 12
#define CORE_MAX_EVENTS_SCRIPTED 12
#define CORE_MAX_PROMISES 64    /* asks/offers per round */
#define CORE_MAX_INNOVATIONS 16
#define CORE_MAX_DOMAINS 6      /* specialist domains / limits of one role */
#define CORE_MAX_SKILLS 4       /* generic skills of one role */
#define CORE_MAX_OPTIONS 4      /* answer options of a reflection card */

#define CORE_ID_LEN 40          /* bytes incl. NUL; ids are ASCII kebab-case */
#define CORE_TITLE_LEN 96       /* bytes incl. NUL; UTF-8 */
#define CORE_TEXT_LEN 400       /* bytes incl. NUL; UTF-8 */
#define CORE_ANSWER_LEN 564     /* 140 characters of UTF-8 + NUL */
#define CORE_BADGE_LEN 16       /* a role's badge: up to 4 characters of UTF-8 + NUL */
#define CORE_MAX_NOTE_ITEMS 6   /* items per list of a casus's trainer notes */

#define CORE_SEAT_HOST (-1)     /* the trainer at the host */
#define CORE_NONE (-1)

/* ---------------------------------------------------------------- enums */

typedef enum {
    CORE_KIND_WETENSCHAPPELIJK = 0,
    CORE_KIND_PROFESSIONEEL,
    CORE_KIND_ERVARING,
    CORE_KIND_COUNT
} core_knowledge_kind;

typedef enum {
    CORE_BLOCK_IDENTITEIT = 0,
    CORE_BLOCK_NETWERK,
    CORE_BLOCK_ORGANISATIE,
    CORE_BLOCK_VERBINDING,
    CORE_BLOCK_COUNT
} core_building_block;

typedef enum {
    CORE_CARD_EXPERTISE = 0, /* a role's specialist card: domain + kind + strength */
    CORE_CARD_GENERIC,       /* a generic skill: boosts another role on the same target */
    CORE_CARD_INNOVATION     /* won from a grenservaring; belongs to the team */
} core_card_type;

typedef enum {
    CORE_PHASE_LOBBY = 0,    /* before the trainer starts the game */
    CORE_PHASE_SIGNAAL,
    CORE_PHASE_IDENTITEIT,
    CORE_PHASE_OVERLEG,
    CORE_PHASE_INZET,
    CORE_PHASE_UITVOERING,
    CORE_PHASE_REFLECTIE,
    CORE_PHASE_END,
    CORE_PHASE_COUNT
} core_phase;

typedef enum {
    CORE_LEVEL_GEEN = 0,
    CORE_LEVEL_COORDINEREND,
    CORE_LEVEL_COOPERATIEF,
    CORE_LEVEL_VERBINDEND,
    CORE_LEVEL_COUNT
} core_collab_level;

typedef enum {
    CORE_OUTCOME_ONGOING = 0,
    CORE_OUTCOME_WON,
    CORE_OUTCOME_LOST
} core_outcome;

/* What a friction drains when it is left alone at the end of a round. */
typedef enum {
    CORE_DRAIN_DRAAGKRACHT = 0,
    CORE_DRAIN_WELBEVINDEN
} core_drain_target;

/* Evidence tags: facts about a finished round or game that make a
 * reflection card relevant. Level files name them with the kebab-case
 * strings of core_evidence_name(). Bit i of an evidence mask = tag i. */
typedef enum {
    CORE_EV_TAG_LAGE_DIVERSITEIT = 0, /* blau index under threshold */
    CORE_EV_TAG_CENTRAAL_NETWERK,     /* centraliteit above alarm threshold */
    CORE_EV_TAG_LAGE_DENSITEIT,       /* densiteit under threshold */
    CORE_EV_TAG_GEEN_GEDEELD_DOEL,    /* no shared goal adopted */
    CORE_EV_TAG_SPANNING_GENEGEERD,   /* a friction drained the team */
    CORE_EV_TAG_GRENSERVARING,        /* a friction became a boundary experience */
    CORE_EV_TAG_WEINIG_VRAGEN,        /* few asks/offers */
    CORE_EV_TAG_GEBROKEN_BELOFTE,     /* an accepted ask/offer was not kept */
    CORE_EV_TAG_NIET_REFLECTIEF,      /* reflection not answered by all */
    CORE_EV_TAG_DOSSIER_ONGEDEELD,    /* a need stayed in the dark */
    CORE_EV_TAG_ROL_AFWEZIG,          /* a seat did not contribute */
    CORE_EV_TAG_ERVARINGSKENNIS_ONBENUT, /* no ervaringskennis used */
    CORE_EV_TAG_GEEN_TREKKER,         /* a need without a lead */
    CORE_EV_TAG_SAMEN_GEWERKT,        /* joint contributions happened */
    CORE_EV_TAG_ZONDER_TOESTEMMING,   /* a sensitive fact was shared without consent */
    CORE_EV_TAG_LEERLING_NIET_GEHOORD,/* nobody asked the pupil this round */
    CORE_EV_TAG_WEINIG_VERTROUWEN,    /* trust at or below trust_low */
    CORE_EV_TAG_GEEN_OVERLEGTIJD,     /* the round's overleg time ran out */
    CORE_EV_TAG_COUNT
} core_evidence_tag;

/* -------------------------------------------------------------- scenario */

typedef struct {
    char id[CORE_ID_LEN];
    char title[CORE_TITLE_LEN];
    char text[CORE_TEXT_LEN];
    core_card_type type;
    int role;                 /* index in core_scenario.roles; CORE_NONE for innovation */
    char domain[CORE_ID_LEN]; /* expertise: the domain it is strong in */
    core_knowledge_kind kind; /* expertise and innovation cards */
    int strength;             /* expertise/innovation: points added */
    int boost;                /* generic: points added to another role's card on the same target */
    bool pupil_voice;         /* "stem van de leerling": counts only in a round the pupil was asked */
} core_card_def;

typedef struct {
    char id[CORE_ID_LEN];            /* "leraar", "clb-anker", ... */
    char name[CORE_TITLE_LEN];       /* "Leraar", "CLB-anker" */
    char description[CORE_TEXT_LEN];
    char domains[CORE_MAX_DOMAINS][CORE_ID_LEN];   /* specialism: vertical bar of the T */
    int n_domains;
    char skills[CORE_MAX_SKILLS][CORE_TITLE_LEN];  /* generic skills: horizontal bar */
    int n_skills;
    char limits_text[CORE_TEXT_LEN];                /* grenzen, in words */
    char limit_domains[CORE_MAX_DOMAINS][CORE_ID_LEN]; /* domains it cannot move alone */
    int n_limit_domains;
    int deck[CORE_MAX_DECK];         /* card def indices, copies repeated */
    int deck_size;
    int colour;                      /* index into the UI's colour-blind-safe palette */
    bool pupil;       /* the leerling: heard only when asked; gives consent from 12 years */
    bool guardian;    /* the ouder: gives consent to share sensitive facts */
    bool organizer;   /* directie, zorgcoördinator: may set up a structural overlegmoment */
} core_role_def;

typedef struct {
    char id[CORE_ID_LEN];
    char title[CORE_TITLE_LEN];
    char text[CORE_TEXT_LEN];
    char domain[CORE_ID_LEN];
    int target;                 /* progress needed to be met */
    uint32_t limited_roles;     /* bit r: role r cannot move this need alone (from grenzen) */
} core_need_def;

typedef struct {
    char id[CORE_ID_LEN];
    char text[CORE_TEXT_LEN];
    int role;                   /* holder (may be a role not in play: the leerling's voice) */
    uint32_t needs;             /* bit n: sheds light on need n */
    bool sensitive;             /* beroepsgeheim: shared freely only with consent */
    bool pupil_voice;           /* "stem van de leerling": shared only once the pupil was asked */
} core_fact_def;

typedef struct {
    char id[CORE_ID_LEN];
    char title[CORE_TITLE_LEN];
    char text[CORE_TEXT_LEN];
    uint32_t roles;             /* roles involved (bit per role index) */
    int required_roles;         /* distinct involved roles that must commit to it together (>= 2) */
    int severity;               /* drain per round when ignored */
    core_drain_target drains;
    int innovation_card;        /* card def index granted as grenservaring */
    int round;                  /* scripted round it appears (1-based), 0 = from the deck */
    char options[CORE_MAX_OPTIONS][CORE_TITLE_LEN]; /* afspraken the level suggests */
    int n_options;
} core_friction_def;

typedef struct {
    char id[CORE_ID_LEN];
    char title[CORE_TITLE_LEN];
    char text[CORE_TEXT_LEN];
    uint32_t needs;             /* bit n: goal is linked to need n */
} core_goal_def;

typedef struct {
    char id[CORE_ID_LEN];
    char question[CORE_TEXT_LEN];
    core_building_block block;
    uint32_t evidence;          /* bit per core_evidence_tag */
    char options[CORE_MAX_OPTIONS][CORE_TITLE_LEN];
    int n_options;
    /* Which answers fit what happened (bit per option). fit_signal: when a
     * problem tag of `evidence` showed in the round more than a good one;
     * fit_quiet: otherwise. 0 = the default: every option but the first
     * (signal) / every option but the last (quiet); RULES.md. */
    uint32_t fit_signal, fit_quiet;
} core_reflection_def;

/* A scripted event of the level, revealed in Signaal of its round. */
typedef struct {
    int round;
    char title[CORE_TITLE_LEN];
    char text[CORE_TEXT_LEN];
    int welbevinden_delta;
    int draagkracht_delta;
    int need;                   /* CORE_NONE or need index */
    int need_delta;
} core_scripted_event;

/* A casus's trainer notes (the level's `trainer` section): what the
 * trainer reads before and after the game. Empty when the level has none. */
typedef struct {
    char goals[CORE_MAX_NOTE_ITEMS][CORE_TEXT_LEN];       /* learning goals */
    core_building_block goal_blocks[CORE_MAX_NOTE_ITEMS]; /* the building block of each */
    int n_goals;
    char moments[CORE_MAX_NOTE_ITEMS][CORE_TEXT_LEN];     /* key moments to watch */
    int n_moments;
    char timing[CORE_TEXT_LEN];                           /* suggested timing */
    char prompts[CORE_MAX_NOTE_ITEMS][CORE_TEXT_LEN];     /* questions for the nabespreking */
    int n_prompts;
    char care[CORE_TEXT_LEN];                             /* handling sensitive content */
} core_trainer_notes;

/* Every number a trainer may tune, declared once (GAME.md: "Numbers below are
 * defaults"). The struct, its defaults (core_rules_default), the level's keys
 * and what a level may write (level_sections.c) and the wire (proto.c) all
 * come from this list, so a new number is one row here, plus its line in
 * RULES.md and levels/README.md.
 * CORE_RULE_NUMBERS(X) calls X(type, field, block, key, default, lo, hi):
 *   type    int or double
 *   block   REGELS or DREMPELS: the level's block (`regels:`, `drempels:`)
 *   key     its key in that block
 *   lo, hi  what a level may write; the level loader refuses the rest
 *           (core_validate.c checks what the core needs to run safely)
 * The order is the wire's and the struct's (PROTOCOL.md): only append. */
#define CORE_RULE_NUMBERS(X) \
    X(int, rounds, REGELS, "rondes", 6, 1, CORE_MAX_ROUNDS)                        /* rounds in the school year */ \
    X(int, hand_size, REGELS, "handkaarten", 5, 2, CORE_MAX_HAND)                  /* drawn up to at each Signaal */ \
    X(int, max_commit, REGELS, "max-inzet", 2, 1, CORE_MAX_COMMIT)                 /* cards per seat per Inzet */ \
    X(int, welbevinden_start, REGELS, "welbevinden-start", 5, 1, 20)               /* the pupil's track */ \
    X(int, welbevinden_max, REGELS, "welbevinden-max", 10, 1, 20)                  \
    X(int, welbevinden_per_need, REGELS, "welbevinden-per-nood", 1, 0, 10)         /* gained when a need reaches its target */ \
    X(int, draagkracht_start, REGELS, "draagkracht-start", 4, 0, 20)               /* the team's track */ \
    X(int, draagkracht_max, REGELS, "draagkracht-max", 10, 1, 20)                  \
    X(int, weak_penalty, REGELS, "zwak-straf", 1, 0, 5)                            /* subtracted per card while draagkracht is 0 */ \
    X(int, synergy_bonus, REGELS, "synergie", 1, 0, 10)                            /* per extra distinct role on one need */ \
    X(int, mixed_kinds_bonus, REGELS, "mix-bonus", 1, 0, 10)                       /* per extra distinct knowledge kind on one need */ \
    X(int, goal_bonus, REGELS, "doel-bonus", 1, 0, 10)                             /* on a need linked to an adopted goal */ \
    X(int, lead_bonus, REGELS, "trekker-bonus", 1, 0, 10)                          /* when the need's trekker contributes */ \
    X(int, dark_divisor, REGELS, "duister-deler", 2, 1, 4)                         /* contributions to a need in the dark are divided by this */ \
    X(int, escalation, REGELS, "escalatie", 1, 0, 5)                               /* severity added per ignored round */ \
    X(int, recovery, REGELS, "herstel", 2, 0, 10)                                  /* draagkracht regained per grenservaring */ \
    X(int, needs_to_win, REGELS, "noden-om-te-winnen", 3, 1, CORE_MAX_NEEDS)       /* needs met at the last round to win */ \
    X(int, max_goals, REGELS, "max-doelen", 2, 1, CORE_MAX_GOALS)                  /* adopted at once */ \
    /* the thresholds of the collaboration levels and the alarm */ \
    X(double, joint_share_cooperatief, DREMPELS, "gedeeld-werk-cooperatief", 0.5, 0, 1) /* share of joint contributions */ \
    X(double, kept_promises_coordinerend, DREMPELS, "beloften-coordinerend", 0.5, 0, 20) /* kept promises per round */ \
    X(double, reflective_share_verbindend, DREMPELS, "reflectie-verbindend", 0.5, 0, 1) \
    X(double, centrality_max_verbindend, DREMPELS, "centraliteit-verbindend", 0.5, 0, 1) \
    X(double, centrality_alarm, DREMPELS, "centraliteit-alarm", 0.6, 0, 1)         \
    X(double, diversity_low, DREMPELS, "diversiteit-laag", 0.4, 0, 1)              /* Blau below this: lage-diversiteit */ \
    X(double, density_low, DREMPELS, "densiteit-laag", 0.5, 0, 1)                  \
    X(int, off_domain_divisor, REGELS, "buiten-domein-deler", 2, 1, 4)             /* an expertise card outside its own domain counts strength / this */ \
    /* Organisatie: overleg time per round (0 = unlimited); protocol 4 */ \
    X(int, overleg_budget, REGELS, "overlegtijd", 4, 0, 100)                       /* time units per round */ \
    X(int, overleg_moment_cost, REGELS, "overlegmoment-kost", 2, 0, 100)           /* units a structural overlegmoment costs in its round */ \
    X(int, overleg_moment_bonus, REGELS, "overlegmoment-bonus", 2, 0, 100)         /* units added to every later round */ \
    X(int, ask_cost, REGELS, "kost-vraag", 1, 0, 100)                              /* an ask or offer (+1 at low trust) */ \
    X(int, goal_cost, REGELS, "kost-doel", 1, 0, 100)                              /* proposing, wording or dropping a goal */ \
    X(int, afspraak_cost, REGELS, "kost-afspraak", 1, 0, 100)                      /* proposing an afspraak */ \
    X(int, pupil_cost, REGELS, "kost-leerling", 1, 0, 100)                         /* asking the pupil */ \
    /* trust (vertrouwen) */ \
    X(int, trust_start, REGELS, "vertrouwen-start", 3, 0, 100)                     \
    X(int, trust_max, REGELS, "vertrouwen-max", 5, 1, 100)                         \
    X(int, trust_low, REGELS, "vertrouwen-laag", 1, 0, 100)                        /* at or below, asks and offers cost one more */ \
    X(int, consent_penalty, REGELS, "toestemming-straf", 1, 0, 100)                /* welbevinden lost when a sensitive fact is shared without consent */

typedef struct {
#define CORE_RULE_FIELD_(type, field, block, key, def, lo, hi) type field;
    CORE_RULE_NUMBERS(CORE_RULE_FIELD_)
#undef CORE_RULE_FIELD_
} core_rules;

typedef struct {
    char id[CORE_ID_LEN];
    char title[CORE_TITLE_LEN];
    char intro[CORE_TEXT_LEN];
    int version;                 /* format version the level was written for */

    char pupil_name[CORE_TITLE_LEN];
    int pupil_age;
    char pupil_class[CORE_TITLE_LEN];   /* "3de leerjaar" */
    char pupil_text[CORE_TEXT_LEN];

    core_rules rules;

    core_role_def roles[CORE_MAX_ROLES];
    int n_roles;
    int seat_roles[CORE_MAX_SEATS];     /* role index of each seat */
    int n_seats;

    core_card_def cards[CORE_MAX_CARDS];
    int n_cards;
    core_need_def needs[CORE_MAX_NEEDS];
    int n_needs;
    core_fact_def facts[CORE_MAX_FACTS];
    int n_facts;
    core_friction_def frictions[CORE_MAX_FRICTIONS];
    int n_frictions;
    core_goal_def goals[CORE_MAX_GOALS];
    int n_goals;
    core_reflection_def reflections[CORE_MAX_REFLECTIONS];
    int n_reflections;
    core_scripted_event events[CORE_MAX_EVENTS_SCRIPTED];
    int n_events;

    /* The short label on each role's chip ("LR", "CLB"): sent to players. */
    char role_badges[CORE_MAX_ROLES][CORE_BADGE_LEN];
    /* For the trainer only: never serialized to players (PROTOCOL.md). */
    core_trainer_notes notes;
} core_scenario;

/* Fills r with the defaults of GAME.md. */
void core_rules_default(core_rules *r);

/* Translates a msgid (the core's Dutch text); the UI passes gettext. */
typedef const char *(*core_translate_fn)(const char *msgid);

/* Checks the internal consistency of a scenario (indices in range, limits,
 * 3..8 seats). The level loader reports friendlier, positioned errors first;
 * this is the last guard so that no scenario can corrupt a state. Returns
 * false and writes a message to err (may be NULL) when it is not usable:
 * in Dutch, or with _tr each msgid through tr (NULL keeps Dutch). */
bool core_scenario_validate(const core_scenario *sc, char *err, size_t err_len);
bool core_scenario_validate_tr(const core_scenario *sc, core_translate_fn tr, char *err, size_t err_len);

/* ------------------------------------------------------------------- RNG */

/* PCG32 (O'Neill 2014, XSH-RR output, 64-bit LCG state). */
typedef struct {
    uint64_t state;
    uint64_t inc;
} core_rng;

void core_rng_seed(core_rng *rng, uint64_t seed, uint64_t stream);
uint32_t core_rng_next(core_rng *rng);
uint32_t core_rng_below(core_rng *rng, uint32_t bound); /* unbiased, bound > 0 */

/* --------------------------------------------------------------- actions */

/* Every action, declared once. CORE_ACTIONS(X) calls X(NAME, key, rule, actor):
 *   NAME   CORE_ACT_<NAME>, in wire order (never reorder: journals and the
 *          protocol store the number)
 *   key    its ASCII key (report CSV, logs)
 *   rule   the rule that handles it: check_<rule> in core_check.c says whether
 *          it may be taken now, apply_<rule> in core_rules.c what it does
 *          (ASK and OFFER, PROPOSE_GOAL and DROP_GOAL share one rule)
 *   actor  HOST: only the trainer (CORE_SEAT_HOST) takes it, also in the
 *          lobby; SEAT: a player's seat, once the game has started
 * The comment says what the action's a, b, c and text hold. */
#define CORE_ACTIONS(X) \
    X(START, start, start, HOST)                                  /* lobby -> round 1 */ \
    X(ADVANCE, advance, advance, HOST)                            /* next phase now (trainer's "volgende fase") */ \
    X(READY, ready, ready, SEAT)                                  /* done with this phase; a = the phase, b = the round it is meant for (0 = any) */ \
    X(UNREADY, unready, unready, SEAT)                            /* change my mind while the phase lasts */ \
    X(SHARE_FACT, share_fact, share_fact, SEAT)                   /* a = fact index (own dossier) */ \
    X(PROPOSE_GOAL, propose_goal, goal_proposal, SEAT)            /* a = goal index */ \
    X(VOTE_GOAL, vote_goal, goal_vote, SEAT)                      /* a = goal index, b = 1 yes / 0 no */ \
    X(DROP_GOAL, drop_goal, goal_proposal, SEAT)                  /* a = goal index: propose to revise (drop) an adopted goal; voted like a proposal */ \
    X(PROPOSE_LEAD, propose_lead, propose_lead, SEAT)             /* a = need, b = seat proposed as trekker (may be self) */ \
    X(ACCEPT_LEAD, accept_lead, accept_lead, SEAT)                /* a = need; by the proposed seat */ \
    X(ASK, ask, promise, SEAT)                                    /* a = seat asked, b = need */ \
    X(OFFER, offer, promise, SEAT)                                /* a = seat offered to, b = need */ \
    X(RESPOND, respond, respond, SEAT)                            /* a = promise index, b = 1 accept / 0 decline; by the other seat */ \
    X(COMMIT, commit, commit, SEAT)                               /* a = hand slot (or CORE_MAX_HAND + innovation slot), b = target kind (0 need, 1 friction), c = target index */ \
    X(UNCOMMIT, uncommit, uncommit, SEAT)                         /* a = commitment slot */ \
    X(REFLECT, reflect, reflect, SEAT)                            /* a = option index, text = improvement action (optional) */ \
    X(NEW_PLAYER, new_player, new_player, HOST)                   /* a = seat where a new person sat down; Identiteit comes back for them */ \
    X(WORD_GOAL, word_goal, word_goal, SEAT)                      /* text = the team's own goal, a = bit per linked need; opens the vote */ \
    X(PROPOSE_AFSPRAAK, propose_afspraak, propose_afspraak, SEAT) /* a = friction, b = option or CORE_NONE (then text = the afspraak) */ \
    X(AGREE_AFSPRAAK, agree_afspraak, agree_afspraak, SEAT)       /* a = friction, b = 1 agree / 0 object */ \
    X(ASK_CONSENT, ask_consent, ask_consent, SEAT)                /* a = own sensitive fact: ask the ouder (or the pupil from 12) */ \
    X(CONSENT, consent, consent, SEAT)                            /* a = fact, b = 1 give / 0 refuse; by a seat that may consent */ \
    X(ASK_PUPIL, ask_pupil, ask_pupil, SEAT)                      /* ask the pupil what they think (once per round) */ \
    X(SET_MEETING, set_meeting, set_meeting, SEAT)                /* directie/zorgcoördinator: a structural overlegmoment (once per game) */ \
    X(CHECK_IMPROVEMENT, check_improvement, improvement, SEAT)    /* a = seat whose verbeteractie, b = 1 done / 0 not (yet) */

typedef enum {
    CORE_ACT_NONE = 0,
#define CORE_ACT_ENUM_(NAME, key, rule, actor) CORE_ACT_##NAME,
    CORE_ACTIONS(CORE_ACT_ENUM_)
#undef CORE_ACT_ENUM_
    CORE_ACT_COUNT
} core_action_type;

typedef struct {
    core_action_type type;
    int seat;                /* CORE_SEAT_HOST for host actions */
    int a, b, c;
    char text[CORE_ANSWER_LEN];
} core_action;

/* Why an action was refused; core_reject_message() gives Dutch text,
 * the UI passes it through gettext for English. */
typedef enum {
    CORE_OK = 0,
    CORE_REJ_BAD_SEAT,
    CORE_REJ_WRONG_PHASE,
    CORE_REJ_GAME_OVER,
    CORE_REJ_NOT_HOST,
    CORE_REJ_UNKNOWN_ACTION,
    CORE_REJ_NOT_YOUR_CARD,
    CORE_REJ_NOT_YOUR_FACT,
    CORE_REJ_ALREADY_SHARED,
    CORE_REJ_ALREADY_COMMITTED,
    CORE_REJ_TOO_MANY_CARDS,
    CORE_REJ_UNKNOWN_NEED,
    CORE_REJ_NEED_MET,
    CORE_REJ_UNKNOWN_FRICTION,
    CORE_REJ_UNKNOWN_GOAL,
    CORE_REJ_GOAL_ALREADY_ADOPTED,
    CORE_REJ_TOO_MANY_GOALS,
    CORE_REJ_NO_PROPOSAL,
    CORE_REJ_ALREADY_VOTED,
    CORE_REJ_UNKNOWN_PROMISE,
    CORE_REJ_NOT_YOUR_PROMISE,
    CORE_REJ_PROMISE_CLOSED,
    CORE_REJ_SELF,
    CORE_REJ_TOO_MANY_PROMISES,
    CORE_REJ_READY_LOCKED,   /* you are ready; unready first */
    CORE_REJ_NOT_COMMITTED,
    CORE_REJ_BAD_OPTION,
    CORE_REJ_TEXT_TOO_LONG,
    CORE_REJ_ALREADY_ANSWERED,
    CORE_REJ_PROPOSAL_OPEN,  /* another goal proposal is being voted on */
    CORE_REJ_GOAL_NOT_ADOPTED, /* dropping a goal that is not adopted */
    CORE_REJ_UNKNOWN_SEAT,   /* ask/offer/lead names a seat that does not exist */
    CORE_REJ_NO_LEAD_PROPOSAL, /* accepting a lead nobody proposed you for */
    CORE_REJ_DUPLICATE,      /* the same ask/offer is already open this round */
    CORE_REJ_NOT_READY,      /* unready while not ready */
    CORE_REJ_BAD_TEXT,       /* the answer is not valid UTF-8 text */
    CORE_REJ_NO_TIME,        /* the round's overleg time is used up */
    CORE_REJ_NOT_INVOLVED,   /* your role is not involved in this spanning */
    CORE_REJ_NO_AFSPRAAK,    /* nobody proposed an afspraak for this spanning */
    CORE_REJ_NOT_SENSITIVE,  /* consent is only asked for sensitive facts */
    CORE_REJ_NO_CONSENT_ASKED, /* nobody asked for consent for this fact */
    CORE_REJ_NOT_CONSENT_GIVER, /* only the ouder (or the pupil from 12) gives consent */
    CORE_REJ_ALREADY_DONE,   /* once per round/game, and it happened */
    CORE_REJ_NOT_ORGANIZER,  /* only the directie or zorgcoördinator sets up an overlegmoment */
    CORE_REJ_NO_IMPROVEMENT, /* no earlier verbeteractie of that seat to check */
    CORE_REJ_PUPIL_NOT_ASKED,/* a pupil's-voice fact before anyone asked the pupil */
    CORE_REJ_EMPTY_TEXT,     /* a team goal or own afspraak needs words */
    CORE_REJ_COUNT
} core_reject;

const char *core_reject_message(core_reject r); /* Dutch, never NULL */

/* The characters of a player's words as the rules count them against the
 * 140-character limit; -1 when the bytes are not valid UTF-8 or hold a
 * control character (other than a tab), which the rules refuse. */
int core_text_chars(const char *s);

/* ---------------------------------------------------------------- events */

/* Every event, declared once. CORE_EVENTS(X) calls X(NAME, key, a, b, c):
 *   NAME   CORE_EVT_<NAME>, in wire order (never reorder: protocol version 1)
 *   key    its ASCII key (report CSV)
 *   a b c  what the field indexes, which the protocol checks against the
 *          scenario before a client believes it (proto_fits.c): ANY (not an
 *          index), FRICTION, CARD, CARD_OR_NONE, SCRIPTED, FACT, GOAL, NEED,
 *          SEAT, SEAT_OR_NONE, PROMISE, TARGET (need or friction, by the
 *          REVEAL's b), REFLECTION, PHASE, LEVEL, OUTCOME, OPTION_OR_NONE (an
 *          afspraak option of the friction in a)
 * The comment says what seat, a, b, c and d hold. New events go at the end. */
#define CORE_EVENTS(X) \
    X(GAME_STARTED, game_started, ANY, ANY, ANY)                           \
    X(PHASE, phase, PHASE, ANY, ANY)                                       /* a = phase, b = round */ \
    X(FRICTION_REVEALED, friction_revealed, FRICTION, ANY, ANY)            /* a = friction, b = severity */ \
    X(SCRIPTED, scripted, SCRIPTED, ANY, ANY)                              /* a = scripted event index */ \
    X(DRAW, draw, ANY, ANY, ANY)                                           /* seat drew b cards (private detail in the seat view) */ \
    X(FACT_SHARED, fact_shared, FACT, ANY, ANY)                            /* seat, a = fact */ \
    X(GOAL_PROPOSED, goal_proposed, GOAL, ANY, ANY)                        /* seat, a = goal, b = 1 adopt / 0 drop */ \
    X(GOAL_VOTE, goal_vote, GOAL, ANY, ANY)                                /* seat, a = goal, b = yes */ \
    X(GOAL_ADOPTED, goal_adopted, GOAL, ANY, ANY)                          /* a = goal */ \
    X(GOAL_DROPPED, goal_dropped, GOAL, ANY, ANY)                          /* a = goal */ \
    X(LEAD_PROPOSED, lead_proposed, NEED, SEAT_OR_NONE, ANY)               /* seat, a = need, b = proposed seat */ \
    X(LEAD_SET, lead_set, NEED, SEAT_OR_NONE, ANY)                         /* a = need, b = seat */ \
    X(PROMISE, promise, SEAT, NEED, PROMISE)                               /* seat -> a = other seat, b = need, c = promise index, d = 0 ask / 1 offer */ \
    X(PROMISE_ANSWER, promise_answer, PROMISE, ANY, ANY)                   /* seat, a = promise index, b = accepted */ \
    X(READY, ready, ANY, ANY, ANY)                                         /* seat, a = ready (1) / not ready (0) */ \
    X(COMMITTED, committed, ANY, ANY, ANY)                                 /* seat, a = number of cards now committed (no detail: secret); also after UNCOMMIT */ \
    X(REVEAL, reveal, CARD, ANY, TARGET)                                   /* seat, a = card def, b = target kind, c = target index */ \
    X(NEED_PROGRESS, need_progress, NEED, ANY, ANY)                        /* a = need, b = points added, c = new progress */ \
    X(NEED_MET, need_met, NEED, ANY, ANY)                                  /* a = need */ \
    X(GRENSERVARING, grenservaring, FRICTION, CARD_OR_NONE, ANY)           /* a = friction, b = innovation card def */ \
    X(FRICTION_DRAIN, friction_drain, FRICTION, ANY, ANY)                  /* a = friction, b = amount, c = drain target */ \
    X(FRICTION_ESCALATED, friction_escalated, FRICTION, ANY, ANY)          /* a = friction, b = new severity */ \
    X(PROMISE_KEPT, promise_kept, PROMISE, ANY, ANY)                       /* a = promise index */ \
    X(PROMISE_BROKEN, promise_broken, PROMISE, ANY, ANY)                   /* a = promise index */ \
    X(TRACKS, tracks, ANY, ANY, ANY)                                       /* a = welbevinden, b = draagkracht */ \
    X(REFLECTION, reflection, REFLECTION, ANY, ANY)                        /* a = reflection card index */ \
    X(REFLECTED, reflected, ANY, ANY, ANY)                                 /* seat, a = option */ \
    X(ROUND_END, round_end, ANY, LEVEL, ANY)                               /* a = round, b = collaboration level of the round */ \
    X(GAME_END, game_end, OUTCOME, LEVEL, ANY)                             /* a = outcome, b = overall collaboration level */ \
    X(GOAL_REJECTED, goal_rejected, GOAL, ANY, ANY)                        /* a vote failed or lapsed at the end of Overleg: a = goal, b = 1 adopt / 0 drop */ \
    X(PROMISE_LAPSED, promise_lapsed, PROMISE, ANY, ANY)                   /* an ask/offer nobody answered before Uitvoering: a = promise index */ \
    X(TEAM_GOAL, team_goal, GOAL, ANY, ANY)                                /* seat worded a goal: a = goal slot (>= the level's goals) */ \
    X(AFSPRAAK_PROPOSED, afspraak_proposed, FRICTION, OPTION_OR_NONE, ANY) /* seat, a = friction, b = option or CORE_NONE (own text) */ \
    X(AFSPRAAK_ANSWER, afspraak_answer, FRICTION, ANY, ANY)                /* seat, a = friction, b = 1 agree / 0 object */ \
    X(AFSPRAAK_MADE, afspraak_made, FRICTION, ANY, ANY)                    /* a = friction: the roles agreed; it is a grenservaring at Uitvoering */ \
    X(AFSPRAAK_DROPPED, afspraak_dropped, FRICTION, ANY, ANY)              /* a = friction: objected to, or still open at Uitvoering */ \
    X(FRICTION_SOFTENED, friction_softened, FRICTION, ANY, ANY)            /* a = friction: cards of enough roles, no afspraak: no drain this round */ \
    X(CONSENT_ASKED, consent_asked, FACT, ANY, ANY)                        /* seat, a = fact */ \
    X(CONSENT, consent, FACT, ANY, ANY)                                    /* seat, a = fact, b = 1 given / 0 refused */ \
    X(NO_CONSENT, no_consent, FACT, ANY, ANY)                              /* seat shared sensitive fact a without consent: b = welbevinden lost */ \
    X(PUPIL_ASKED, pupil_asked, ANY, ANY, ANY)                             /* seat asked the pupil; a = facts of the pupil's voice now shared */ \
    X(MEETING_SET, meeting_set, ANY, ANY, ANY)                             /* seat, a = first round with more overleg time */ \
    X(TRUST, trust, ANY, ANY, ANY)                                         /* a = trust now, b = change */ \
    X(IMPROVEMENT_CHECKED, improvement_checked, SEAT, ANY, ANY)            /* seat, a = seat whose verbeteractie, b = done, c = its round */

typedef enum {
#define CORE_EVT_ENUM_(NAME, key, a, b, c) CORE_EVT_##NAME,
    CORE_EVENTS(CORE_EVT_ENUM_)
#undef CORE_EVT_ENUM_
    CORE_EVT_COUNT
} core_event_type;

typedef struct {
    core_event_type type;
    int seat;                /* CORE_NONE when not about a seat */
    int a, b, c, d;
} core_event;

#define CORE_MAX_EVENTS 256  /* one action never produces more */

typedef struct {
    core_event ev[CORE_MAX_EVENTS];
    int n;
} core_events;

/* ----------------------------------------------------------------- state */

typedef struct {
    int card;                /* card def index */
    int target_kind;         /* 0 need, 1 friction */
    int target;
    bool innovation;         /* came from the team's innovation pool */
    int slot;                /* hand slot or innovation slot it came from */
} core_commitment;

typedef enum {
    CORE_PROMISE_ASK = 0,
    CORE_PROMISE_OFFER
} core_promise_kind;

typedef enum {
    CORE_PROMISE_PENDING = 0,
    CORE_PROMISE_ACCEPTED,
    CORE_PROMISE_DECLINED,
    CORE_PROMISE_KEPT,
    CORE_PROMISE_BROKEN
} core_promise_status;

typedef struct {
    int from, to, need, round;
    core_promise_kind kind;
    core_promise_status status;
} core_promise;

typedef struct {
    int deck[CORE_MAX_DECK];   int deck_n;     /* draw pile, top = last */
    int discard[CORE_MAX_DECK]; int discard_n;
    int hand[CORE_MAX_HAND];   int hand_n;
    core_commitment commits[CORE_MAX_COMMIT]; int commit_n;
    bool ready;
    bool reflected;
    int reflection_option;
    char reflection_text[CORE_ANSWER_LEN];
    /* the seat's latest verbeteractie (a reflection with text) */
    char improvement_text[CORE_ANSWER_LEN];
    int improvement_round;   /* 0 = none yet */
    int improvement_checked; /* round it was checked in, 0 = not yet */
    bool improvement_done;   /* the team said it was done */
} core_seat_state;

typedef struct {
    int friction;            /* def index */
    int severity;            /* current, grows when ignored */
    int ignored_rounds;
    bool active;
} core_friction_state;

/* An afspraak on a spanning (indexed by friction definition). */
typedef struct {
    int proposer;            /* seat, CORE_NONE when no proposal is open */
    int option;              /* the level's option, or CORE_NONE: own text */
    uint32_t agreed;         /* seats that agreed (the proposer included) */
    int made_round;          /* round the roles agreed, 0 = not (yet) */
    char text[CORE_ANSWER_LEN]; /* own wording (option == CORE_NONE) */
} core_afspraak;

typedef struct {
    double density;
    double centrality;
    double diversity;        /* Blau over knowledge kinds of contributions */
    double role_share;       /* share of seats that contributed */
    double goal_directedness;
    int edges;               /* distinct connected pairs */
    int contributions;
    int joint_contributions; /* cards on a target that 2+ roles worked on */
    int promises_kept;
    int promises_broken;
    int asks_offers;
    bool goal_adopted;
    bool reflective;         /* every seat answered the reflection, and every answer fits */
    int reflective_rounds;   /* overall only */
    int afspraken;           /* spanningen turned into grenservaringen by afspraak, up to this round */
    int improvements_checked;/* verbeteracties checked in a later round, up to this round */
    int trust;               /* at the end of the round / now */
    uint32_t evidence;       /* core_evidence_tag bits */
    core_collab_level level;
} core_measures;

typedef struct {
    const core_scenario *sc;
    uint64_t seed;
    core_rng rng;
    int round;                           /* 1-based; 0 in the lobby */
    core_phase phase;
    core_outcome outcome;
    int welbevinden, draagkracht;
    int need_progress[CORE_MAX_NEEDS];
    bool need_met[CORE_MAX_NEEDS];
    int need_lead[CORE_MAX_NEEDS];       /* seat or CORE_NONE */
    int lead_proposal[CORE_MAX_NEEDS];   /* proposed seat or CORE_NONE */
    bool fact_shared[CORE_MAX_FACTS];
    int fact_shared_round[CORE_MAX_FACTS];
    core_seat_state seats[CORE_MAX_SEATS];
    core_friction_state frictions[CORE_MAX_FRICTIONS]; int n_frictions_out;
    int friction_deck[CORE_MAX_FRICTIONS]; int friction_deck_n;
    int boundary_won[CORE_MAX_FRICTIONS]; int n_boundary;
    int innovations[CORE_MAX_INNOVATIONS]; int n_innovations; /* team pool: card defs */
    bool goal_adopted[CORE_MAX_GOAL_SLOTS];
    int goal_adopted_round[CORE_MAX_GOAL_SLOTS];
    int goal_proposal;                   /* goal slot under vote or CORE_NONE */
    bool goal_proposal_drop;             /* the vote is about dropping it */
    int goal_proposer;
    uint32_t goal_votes_yes, goal_votes_no; /* seat bits */
    core_promise promises[CORE_MAX_PROMISES]; int n_promises; /* this round */
    int reflection_card;                 /* shown this round, CORE_NONE before */
    uint32_t reflections_shown;          /* bit per card: not repeated */
    uint32_t newcomers;                  /* seat bits: sat down after round 1's Identiteit, not yet introduced */
    /* network: interactions between seats, per round and overall */
    uint16_t edge_round[CORE_MAX_ROUNDS + 1][CORE_MAX_SEATS][CORE_MAX_SEATS];
    /* contribution statistics of the running round, folded into measures */
    int contrib_kind[CORE_MAX_ROUNDS + 1][CORE_KIND_COUNT];
    int contrib_n[CORE_MAX_ROUNDS + 1];
    int contrib_joint[CORE_MAX_ROUNDS + 1];
    int contrib_goal[CORE_MAX_ROUNDS + 1];
    uint32_t contrib_seats[CORE_MAX_ROUNDS + 1];
    core_measures round_measures[CORE_MAX_ROUNDS + 1]; /* [r] filled at end of round r */
    uint32_t actions_applied;
    /* --- added by core (see RULES.md); all plain values --- */
    int fact_shared_by[CORE_MAX_FACTS];  /* seat that shared it, CORE_NONE */
    uint32_t need_limited[CORE_MAX_NEEDS]; /* limited_roles | roles whose grenzen name the need's domain */
    bool need_has_facts[CORE_MAX_NEEDS]; /* some fact lights it; a need without facts is never dark */
    int goal_proposal_round;
    int r_asks[CORE_MAX_ROUNDS + 1];     /* asks/offers made in round r */
    int r_answered[CORE_MAX_ROUNDS + 1]; /* asks/offers accepted in round r */
    int r_kept[CORE_MAX_ROUNDS + 1];
    int r_broken[CORE_MAX_ROUNDS + 1];
    int r_drained[CORE_MAX_ROUNDS + 1];  /* frictions that drained the team */
    int r_boundary[CORE_MAX_ROUNDS + 1]; /* grenservaringen */
    bool r_goal[CORE_MAX_ROUNDS + 1];    /* a goal was adopted at the end of round r */
    bool r_reflective[CORE_MAX_ROUNDS + 1];
    uint32_t r_dark[CORE_MAX_ROUNDS + 1];   /* unmet needs still in the dark at the end of round r */
    uint32_t r_nolead[CORE_MAX_ROUNDS + 1]; /* unmet needs without a trekker at the end of round r */
    /* commitments of the last Uitvoering, public from then until the next Signaal */
    bool revealed;
    core_commitment revealed_commits[CORE_MAX_SEATS][CORE_MAX_COMMIT];
    int revealed_n[CORE_MAX_SEATS];
    uint32_t reflections_shown_hi;       /* cards 32..39 (bit i-32), see reflections_shown */
    uint32_t lit_needs;                  /* union of the needs of every shared fact */
    uint64_t seat_facts[CORE_MAX_SEATS]; /* bit f: fact f is in this seat's dossier (set at init) */
    /* --- the rules of issue #12 (RULES.md: time, trust, consent, voice, afspraken) --- */
    int overleg_left;                    /* overleg time units left this round */
    int meeting_round;                   /* round a structural overlegmoment was set up, 0 = none */
    int trust;                           /* vertrouwen, 0..trust_max */
    int pupil_asked_round;               /* last round someone asked the pupil, 0 = never */
    uint8_t fact_consent[CORE_MAX_FACTS];/* 0 none, 1 asked, 2 given, 3 refused */
    bool fact_no_consent[CORE_MAX_FACTS];/* shared without consent */
    core_afspraak afspraken[CORE_MAX_FRICTIONS]; /* by friction definition */
    int team_goal_needs[CORE_MAX_TEAM_GOALS];    /* bit per linked need */
    char team_goal_text[CORE_MAX_TEAM_GOALS][CORE_ANSWER_LEN];
    int n_team_goals;
    uint32_t reflection_evidence;        /* the round's evidence when Reflectie began: what answers fit */
    int r_checked[CORE_MAX_ROUNDS + 1];  /* verbeteracties checked in round r */
    int r_trust[CORE_MAX_ROUNDS + 1];    /* trust at the end of round r */
    bool r_pupil[CORE_MAX_ROUNDS + 1];   /* the pupil was asked in round r */
    bool r_no_consent[CORE_MAX_ROUNDS + 1]; /* a sensitive fact went out without consent */
    bool r_time_out[CORE_MAX_ROUNDS + 1];/* the round's overleg time was all spent */
    int need_met_round[CORE_MAX_NEEDS];  /* round need n was reached in, 0 = not (yet) */
    uint32_t consent_seats;              /* seats that may give consent (set at init) */
    bool pupil_voice;                    /* the level gives the pupil a voice (set at init) */
} core_state;

/* Starts a game in the lobby. The scenario must pass core_scenario_validate. */
bool core_init(core_state *st, const core_scenario *sc, uint64_t seed, char *err, size_t err_len);

/* Validates and applies one action. On success returns CORE_OK and appends
 * the resulting events to out (out may be NULL). On rejection the state is
 * unchanged and nothing is appended. */
core_reject core_apply(core_state *st, const core_action *act, core_events *out);

/* Validation only: what core_apply would answer, without changing anything. */
core_reject core_check(const core_state *st, const core_action *act);

/* FNV-1a 64 over every field of the state that the rules read (not the
 * scenario pointer). Equal hashes = equal games for determinism tests. */
uint64_t core_state_hash(const core_state *st);

/* Measures of one round (1..round) or, with round 0, of the whole game so far. */
void core_measures_compute(const core_state *st, int round, core_measures *out);

/* Graph measures on a symmetric weighted adjacency matrix of n nodes;
 * exposed so that tests can check them on hand-built graphs. */
double core_density(int n, const uint16_t w[CORE_MAX_SEATS][CORE_MAX_SEATS]);
double core_centrality(int n, const uint16_t w[CORE_MAX_SEATS][CORE_MAX_SEATS]);
double core_blau(const int *counts, int n_categories);

/* ----------------------------------------------------------------- views */

/* What the projector and observers may see. Contains no hand, no unshared
 * fact and no uncommitted or unrevealed card. */
typedef struct {
    int round;
    core_phase phase;
    core_outcome outcome;
    int welbevinden, draagkracht;
    int n_seats, n_needs;
    int need_progress[CORE_MAX_NEEDS];
    bool need_met[CORE_MAX_NEEDS];
    bool need_lit[CORE_MAX_NEEDS];       /* a fact about it has been shared */
    int need_lead[CORE_MAX_NEEDS];
    int lead_proposal[CORE_MAX_NEEDS];
    bool fact_shared[CORE_MAX_FACTS];
    int fact_shared_round[CORE_MAX_FACTS]; /* round it was shared in (screens show the newest first) */
    core_friction_state frictions[CORE_MAX_FRICTIONS]; int n_frictions_out;
    int boundary_won[CORE_MAX_FRICTIONS]; int n_boundary;
    int innovations[CORE_MAX_INNOVATIONS]; int n_innovations;
    bool goal_adopted[CORE_MAX_GOAL_SLOTS];
    int goal_proposal; bool goal_proposal_drop; int goal_proposer;
    int n_team_goals;
    int team_goal_needs[CORE_MAX_TEAM_GOALS];
    char team_goal_text[CORE_MAX_TEAM_GOALS][CORE_ANSWER_LEN];
    int overleg_left, overleg_budget;    /* time this round, and the round's full budget */
    int meeting_round;
    int trust;
    bool pupil_asked;                    /* this round */
    bool pupil_voice;                    /* the level gives the pupil a voice (a seated leerling or pupil-voice facts/cards) */
    uint8_t fact_consent[CORE_MAX_FACTS];/* as core_state; only for sensitive facts */
    bool fact_no_consent[CORE_MAX_FACTS];
    core_afspraak afspraken[CORE_MAX_FRICTIONS];
    uint32_t reflection_evidence;
    /* every seat's latest verbeteractie (public: the team checks them together) */
    int improvement_round[CORE_MAX_SEATS];
    int improvement_checked[CORE_MAX_SEATS];
    bool improvement_done[CORE_MAX_SEATS];
    char improvement_text[CORE_MAX_SEATS][CORE_ANSWER_LEN];
    uint32_t goal_votes_yes, goal_votes_no;
    core_promise promises[CORE_MAX_PROMISES]; int n_promises;
    bool seat_ready[CORE_MAX_SEATS];
    int seat_hand_n[CORE_MAX_SEATS];
    int seat_commit_n[CORE_MAX_SEATS];   /* shown only as "ready", the UI does not show counts during Inzet */
    bool seat_reflected[CORE_MAX_SEATS];
    /* revealed commitments: filled only from Uitvoering of this round on */
    bool revealed;
    core_commitment revealed_commits[CORE_MAX_SEATS][CORE_MAX_COMMIT];
    int revealed_n[CORE_MAX_SEATS];
    int reflection_card;
    uint16_t edges[CORE_MAX_SEATS][CORE_MAX_SEATS];  /* overall weights */
    core_measures live;                  /* overall so far (the running round: core_measures_compute(st, round)) */
    core_measures rounds[CORE_MAX_ROUNDS + 1]; int n_rounds_done;
} core_public_view;

typedef struct {
    core_public_view pub;
    int seat;
    int role;
    int hand[CORE_MAX_HAND]; int hand_n;
    int deck_n, discard_n;
    core_commitment commits[CORE_MAX_COMMIT]; int commit_n;
    bool ready;
    int reflection_option;
    char reflection_text[CORE_ANSWER_LEN];
    /* own dossier: fact def indices of this seat's role (shared or not) */
    int dossier[CORE_MAX_FACTS]; int dossier_n;
} core_seat_view;

void core_public_view_get(const core_state *st, core_public_view *out);
void core_seat_view_get(const core_state *st, int seat, core_seat_view *out);

/* ------------------------------------------------------------------ bots */

typedef enum {
    CORE_BOT_SOLO = 0,  /* own best card alone; never asks, never adopts goals, skips reflection */
    CORE_BOT_TEAM,      /* coordinates as a good team would (RULES.md) */
    CORE_BOT_CHECKLIST  /* presses every cooperative button without coordinating */
} core_bot_kind;

/* A bot is a plain user of the public API: it sees its seat view and the
 * scenario, nothing else. Returns true and fills out with its next action,
 * or false when it has nothing to do until the state changes. rng is the
 * bot's own generator (not the game's). */
bool core_bot_next(const core_scenario *sc, const core_seat_view *view,
                   core_bot_kind kind, core_rng *rng, core_action *out);

/* ------------------------------------------------------------ simulation */

typedef struct {
    int games;
    int won;
    double mean_welbevinden;
    double sd_welbevinden;   /* population standard deviation over the games */
    int levels[CORE_LEVEL_COUNT];
    int won_at_level[CORE_LEVEL_COUNT]; /* games won, by the game's collaboration level */
    core_measures mean;      /* mean of each measure over the games (level unused) */
    double mean_rounds;
    int need_reached[CORE_MAX_NEEDS];   /* games in which need n was reached */
    int need_round_sum[CORE_MAX_NEEDS]; /* sum of the rounds it was reached in */
    int friction_crossed[CORE_MAX_FRICTIONS]; /* games in which spanning f became a grenservaring */
    int friction_left[CORE_MAX_FRICTIONS];    /* games that ended with spanning f still lying */
} core_sim_result;

/* Plays `games` full games with bots in every seat (mixed: team and solo
 * seats drawn per game, core_sim_mixed_team_seats), seeds derived from
 * `seed`. Pure and allocation-free. */
typedef enum { CORE_SIM_TEAM = 0, CORE_SIM_SOLO, CORE_SIM_MIXED, CORE_SIM_CHECKLIST } core_sim_bots;
/* Mixed: which seats play team (bit set) in the game of this seed: half the
 * seats (rounded down, at least one), chosen from the seed, never from the
 * order of the roles. */
uint32_t core_sim_mixed_team_seats(uint64_t game_seed, int n_seats);
void core_simulate(const core_scenario *sc, int games, uint64_t seed,
                   core_sim_bots bots, core_sim_result *out);

/* Plays one full bot game (seed as given) into *st, the host ADVANCEing
 * when no bot acts. Returns how many bot actions core refused: 0 unless a
 * bot is wrong (tests assert it). */
int core_sim_play_one(const core_scenario *sc, uint64_t seed, core_sim_bots bots, core_state *st);

/* --------------------------------------------------------------- debrief */

/* A reflection-fan card picked from the evidence, with the reason. */
typedef struct {
    int reflection;          /* card index */
    core_evidence_tag tag;   /* the evidence that matched */
    int round;               /* round where the evidence was strongest, 0 = overall */
    char reason[CORE_TEXT_LEN]; /* Dutch: "centraliteit was 0,72 in ronde 3" */
    bool absent;             /* no evidence for this building block: the card asks what
                                went well, `tag` is the signal that stayed away and
                                `reason` says so ("geen signaal: ...") */
} core_fan_pick;

/* Picks reflection cards from the finished (or running) game: first one per
 * building block (block order), the card whose tags match the most-seen
 * evidence (rounds in which a tag showed, then how strongly); a block with
 * no matching evidence gets one card marked `absent` whose reason names the
 * signal that stayed away (measured values where there are any); then the
 * remaining matching cards, best first, up to max. Returns the count. */
int core_fan_pick_cards(const core_state *st, core_fan_pick *out, int max);

/* A pick's reason written again in the shown language: each fragment
 * through tr (NULL keeps Dutch), numbers with a decimal point or comma.
 * With tr NULL and a comma it equals p->reason. */
void core_fan_pick_describe(const core_state *st, const core_fan_pick *p, core_translate_fn tr,
                            bool decimal_point, char *out, size_t len);

/* ----------------------------------------------------------------- names */

/* How the game ended, both outcomes in one (RULES.md: "Two outcomes"). */
typedef enum {
    CORE_VERDICT_ONGOING = 0,
    CORE_VERDICT_TOGETHER,   /* the pupil is helped, and the team worked together (>= coöperatief) */
    CORE_VERDICT_APART,      /* the pupil is helped, but the team worked side by side */
    CORE_VERDICT_LOST        /* the pupil is not helped enough */
} core_verdict;
core_verdict core_game_verdict(core_outcome outcome, core_collab_level level);

/* Whether option `option` of reflection card `card` fits evidence `ev`
 * (the rule of core_reflection_def's fit masks). */
bool core_reflection_fits(const core_reflection_def *card, uint32_t ev, int option);

/* The overleg time an action costs now (0 for free actions). */
int core_action_cost(const core_state *st, const core_action *a);

const char *core_phase_name(core_phase p);            /* "Signaal", ... (Dutch) */
const char *core_level_name(core_collab_level l);     /* "geen", "coördinerend", ... */
const char *core_level_key(core_collab_level l);      /* ASCII: "geen", "coordinerend", ... */
const char *core_kind_name(core_knowledge_kind k);    /* "wetenschappelijke kennis", ... */
const char *core_kind_key(core_knowledge_kind k);     /* "wetenschappelijk", "professioneel", "ervaring" */
const char *core_block_key(core_building_block b);    /* "identiteit", ... */
const char *core_evidence_name(core_evidence_tag t);  /* "lage-diversiteit", ... */
/* A role's badge when its level gives no `afkorting`: the abbreviation
 * Flemish schools use for the usual roles, else the initials of its name
 * (one word gives its first two letters: "Logopedist" -> "LO"). */
void core_role_default_badge(const char *role_id, const char *role_name,
                             char out[CORE_BADGE_LEN]);

#endif
