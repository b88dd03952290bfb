/*
 * ui/player_ids: click regions of the rules-v2 controls in the player
 * window (consent, the pupil, afspraken, team goals, the overlegmoment,
 * verbeteracties). They live after the join flow's ids (player_app.h) so
 * that the shared ui_id range of the projector stays untouched.
 */
#ifndef SAMENSPEL_UI_PLAYER_IDS_H
#define SAMENSPEL_UI_PLAYER_IDS_H

#include "ui/screens.h"

enum {
    PLAYER_ID_V2_FIRST = UI_ID_COUNT + 32,
    PLAYER_ID_ASK_CONSENT,     /* arg = own sensitive fact */
    PLAYER_ID_SHARE_NO_CONSENT,/* arg = fact: share although nobody consented */
    PLAYER_ID_CONSENT_YES,     /* arg = fact */
    PLAYER_ID_CONSENT_NO,      /* arg = fact */
    PLAYER_ID_ASK_PUPIL,
    PLAYER_ID_SET_MEETING,
    PLAYER_ID_FRICTION_OPEN,   /* arg = friction def: read it, make an afspraak */
    PLAYER_ID_AFSPRAAK_OPTION, /* arg = option, or -1 own words */
    PLAYER_ID_AFSPRAAK_TEXT,   /* the own-words field */
    PLAYER_ID_AFSPRAAK_PROPOSE,/* arg = friction def */
    PLAYER_ID_AFSPRAAK_AGREE,  /* arg = friction def */
    PLAYER_ID_AFSPRAAK_OBJECT, /* arg = friction def */
    PLAYER_ID_CLOSE,           /* closes the open overlay (arg 0 its button, 1 beside it) */
    PLAYER_ID_WORD_GOAL,       /* opens the team-goal overlay */
    PLAYER_ID_GOAL_TEXT,       /* its text field */
    PLAYER_ID_GOAL_NEED,       /* arg = need: toggles the link */
    PLAYER_ID_GOAL_SEND,
    PLAYER_ID_CHECK_DONE,      /* arg = seat whose verbeteractie was done */
    PLAYER_ID_CHECK_NOT_DONE,  /* arg = seat whose verbeteractie was not done (yet) */
    PLAYER_ID_LEFT_TAB         /* arg = 1 the role card, 2 the dossier (a low screen) */
};

#endif
