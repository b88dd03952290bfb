/*
 * Every field of core_state and of the structs inside it, declared once:
 * core_hash.c hashes the state by walking these lists, and
 * tests/core/test_core_hash.c fails when a field of a struct is missing from
 * its list (so a new field can never be left out of the hash by accident).
 *
 * Each list is X-macro style: CORE_FIELDS_<type>(X) calls X(KIND, ...) once
 * per field, in HASH order (the order is part of the hash value that stored
 * journals compare on resume: never reorder, append new fields at the end).
 *
 *   X(VALUE, f)              integer, bool or enum, hashed as an int64
 *   X(VALUES, f)             array: each element hashed as an int64
 *   X(BYTES, f)              array of integers: its bytes (no padding inside)
 *   X(PREFIX, f, n)          array: the bytes of its first p->n elements
 *   X(TEXT, f)               char array: the bytes before the NUL
 *   X(STRUCT, f, type)       a struct with its own list CORE_FIELDS_<type>
 *   X(STRUCTS, f, n, type)   array of structs: the first p->n of them
 *   X(ROWS, count, LIST)     for i in [0, count): each field of LIST, at [i]
 *   X(SEAT_ROWS, LIST)       the same over the seats in play (the scenario's)
 *   X(SKIP, f, why)          declared but not hashed, with the reason
 *
 * A ROWS list takes the same kinds (VALUE, TEXT, STRUCT, STRUCTS) and names whole
 * arrays; element i of each is hashed in turn before element i + 1.
 */
#ifndef SAMENSPEL_CORE_STATE_FIELDS_H
#define SAMENSPEL_CORE_STATE_FIELDS_H

#define CORE_FIELDS_core_rng(X) \
    X(BYTES, state)             \
    X(BYTES, inc)

#define CORE_FIELDS_core_commitment(X) \
    X(VALUE, card)                     \
    X(VALUE, target_kind)              \
    X(VALUE, target)                   \
    X(VALUE, innovation)               \
    X(VALUE, slot)

#define CORE_FIELDS_core_promise(X) \
    X(VALUE, from)                  \
    X(VALUE, to)                    \
    X(VALUE, need)                  \
    X(VALUE, round)                 \
    X(VALUE, kind)                  \
    X(VALUE, status)

#define CORE_FIELDS_core_friction_state(X) \
    X(VALUE, friction)                     \
    X(VALUE, severity)                     \
    X(VALUE, ignored_rounds)               \
    X(VALUE, active)

/* The doubles follow from the integer state; leaving them out keeps hashes
 * equal across compilers that contract floating point differently (FMA). */
#define CORE_FIELDS_core_measures(X)                    \
    X(SKIP, density, "floating point, derived")         \
    X(SKIP, centrality, "floating point, derived")      \
    X(SKIP, diversity, "floating point, derived")       \
    X(SKIP, role_share, "floating point, derived")      \
    X(SKIP, goal_directedness, "floating point, derived") \
    X(VALUE, edges)                                     \
    X(VALUE, contributions)                             \
    X(VALUE, joint_contributions)                       \
    X(VALUE, promises_kept)                             \
    X(VALUE, promises_broken)                           \
    X(VALUE, asks_offers)                               \
    X(VALUE, goal_adopted)                              \
    X(VALUE, reflective)                                \
    X(VALUE, reflective_rounds)                         \
    X(VALUE, evidence)                                  \
    X(VALUE, level)                                     \
    X(VALUE, afspraken)                                 \
    X(VALUE, improvements_checked)                      \
    X(VALUE, trust)

#define CORE_FIELDS_core_afspraak(X) \
    X(VALUE, proposer)               \
    X(VALUE, option)                 \
    X(VALUE, agreed)                 \
    X(VALUE, made_round)             \
    X(TEXT, text)

#define CORE_FIELDS_core_seat_state(X)       \
    X(PREFIX, deck, deck_n)                  \
    X(VALUE, deck_n)                         \
    X(PREFIX, discard, discard_n)            \
    X(VALUE, discard_n)                      \
    X(PREFIX, hand, hand_n)                  \
    X(VALUE, hand_n)                         \
    X(STRUCTS, commits, commit_n, core_commitment) \
    X(VALUE, commit_n)                       \
    X(VALUE, ready)                          \
    X(VALUE, reflected)                      \
    X(VALUE, reflection_option)              \
    X(TEXT, reflection_text)                 \
    X(TEXT, improvement_text)                \
    X(VALUE, improvement_round)              \
    X(VALUE, improvement_checked)            \
    X(VALUE, improvement_done)

#define CORE_ROW_FACTS(X)       \
    X(VALUE, fact_shared)       \
    X(VALUE, fact_shared_round) \
    X(VALUE, fact_shared_by)    \
    X(VALUE, fact_consent)      \
    X(VALUE, fact_no_consent)

#define CORE_ROW_SEATS(X) \
    X(STRUCT, seats, core_seat_state)

#define CORE_ROW_GOALS(X)   \
    X(VALUE, goal_adopted)  \
    X(VALUE, goal_adopted_round)

#define CORE_ROW_ROUNDS(X)                    \
    X(STRUCT, round_measures, core_measures)  \
    X(VALUE, r_asks)                          \
    X(VALUE, r_answered)                      \
    X(VALUE, r_kept)                          \
    X(VALUE, r_broken)                        \
    X(VALUE, r_drained)                       \
    X(VALUE, r_boundary)                      \
    X(VALUE, r_goal)                          \
    X(VALUE, r_reflective)                    \
    X(VALUE, r_dark)                          \
    X(VALUE, r_nolead)                        \
    X(VALUE, r_checked)                       \
    X(VALUE, r_trust)                         \
    X(VALUE, r_pupil)                         \
    X(VALUE, r_no_consent)                    \
    X(VALUE, r_time_out)

#define CORE_ROW_AFSPRAKEN(X) \
    X(STRUCT, afspraken, core_afspraak)

#define CORE_ROW_TEAM_GOALS(X)  \
    X(VALUE, team_goal_needs)   \
    X(TEXT, team_goal_text)

#define CORE_ROW_REVEALED(X)                                  \
    X(STRUCTS, revealed_commits, revealed_n, core_commitment) \
    X(VALUE, revealed_n)

#define CORE_FIELDS_core_state(X)                                          \
    X(SKIP, sc, "the level is not state: a journal names its own level")  \
    X(VALUE, seed)                                                         \
    X(STRUCT, rng, core_rng)                                               \
    X(VALUE, round)                                                        \
    X(VALUE, phase)                                                        \
    X(VALUE, outcome)                                                      \
    X(VALUE, newcomers)                                                    \
    X(VALUE, welbevinden)                                                  \
    X(VALUE, draagkracht)                                                  \
    X(BYTES, need_progress)                                                \
    X(VALUES, need_met)                                                    \
    X(BYTES, need_lead)                                                    \
    X(BYTES, lead_proposal)                                                \
    X(ROWS, CORE_MAX_FACTS, CORE_ROW_FACTS)                                \
    X(SEAT_ROWS, CORE_ROW_SEATS)                                           \
    X(STRUCTS, frictions, n_frictions_out, core_friction_state)           \
    X(VALUE, n_frictions_out)                                              \
    X(PREFIX, friction_deck, friction_deck_n)                              \
    X(VALUE, friction_deck_n)                                              \
    X(PREFIX, boundary_won, n_boundary)                                    \
    X(VALUE, n_boundary)                                                   \
    X(PREFIX, innovations, n_innovations)                                  \
    X(VALUE, n_innovations)                                                \
    X(ROWS, CORE_MAX_GOAL_SLOTS, CORE_ROW_GOALS)                           \
    X(VALUE, goal_proposal)                                                \
    X(VALUE, goal_proposal_drop)                                           \
    X(VALUE, goal_proposer)                                                \
    X(VALUE, goal_votes_yes)                                               \
    X(VALUE, goal_votes_no)                                                \
    X(STRUCTS, promises, n_promises, core_promise)                         \
    X(VALUE, n_promises)                                                   \
    X(VALUE, reflection_card)                                              \
    X(VALUE, reflections_shown)                                            \
    X(VALUE, reflections_shown_hi)                                         \
    X(VALUE, lit_needs)                                                    \
    X(BYTES, edge_round)                                                   \
    X(BYTES, contrib_kind)                                                 \
    X(BYTES, contrib_n)                                                    \
    X(BYTES, contrib_joint)                                                \
    X(BYTES, contrib_goal)                                                 \
    X(BYTES, contrib_seats)                                                \
    X(ROWS, CORE_MAX_ROUNDS + 1, CORE_ROW_ROUNDS)                          \
    X(VALUE, revealed)                                                     \
    X(SEAT_ROWS, CORE_ROW_REVEALED)                                        \
    X(VALUE, goal_proposal_round)                                          \
    X(VALUE, actions_applied)                                              \
    X(SKIP, need_limited, "set by core_init from the level")               \
    X(SKIP, need_has_facts, "set by core_init from the level")             \
    X(SKIP, seat_facts, "set by core_init from the level")                 \
    X(VALUE, overleg_left)                                                 \
    X(VALUE, meeting_round)                                                \
    X(VALUE, trust)                                                        \
    X(VALUE, pupil_asked_round)                                            \
    X(ROWS, CORE_MAX_FRICTIONS, CORE_ROW_AFSPRAKEN)                        \
    X(ROWS, CORE_MAX_TEAM_GOALS, CORE_ROW_TEAM_GOALS)                      \
    X(VALUE, n_team_goals)                                                 \
    X(VALUE, reflection_evidence)                                          \
    X(VALUES, need_met_round)                                              \
    X(SKIP, consent_seats, "set by core_init from the level")              \
    X(SKIP, pupil_voice, "set by core_init from the level")

#endif
