/* ui/player_input: the player app's input: clicks on the game screen,
 * typing, keys, drag and drop, and the keyboard focus. */
#include "ui/player_app_int.h"
#include "ui/player_ids.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An action, with words (an afspraak, a team goal) when text is not NULL. */
static void send_words(player_app *a, core_action_type t, int x, int y, int z, const char *text)
{
    core_action act;
    memset(&act, 0, sizeof act);
    act.type = t;
    act.seat = a->view.seat;
    act.a = x;
    act.b = y;
    act.c = z;
    if (text)
        snprintf(act.text, sizeof act.text, "%s", text);
    if (!a->c || !cli_send_action(a->c, &act))
        app_set_message(a, _("Niet verbonden: je actie is niet verstuurd."), true);
}

static void send(player_app *a, core_action_type t, int x, int y, int z)
{
    send_words(a, t, x, y, z, NULL);
}

static void send_text(player_app *a, core_action_type t, int x, int y, const char *text)
{
    send_words(a, t, x, y, 0, text);
}

/* Stops typing into whichever field had it. */
static void stop_editing(ui_player_model *m)
{
    if (m->editing_text || m->editing_afspraak || m->editing_goal)
        SDL_StopTextInput();
    m->editing_text = m->editing_afspraak = m->editing_goal = false;
}

static void close_overlays(ui_player_model *m)
{
    m->open_friction = -1;
    m->wording_goal = false;
    m->editing_afspraak = m->editing_goal = false;
}

/* The rules-v2 controls (ui/player_ids.h). False: not one of them. */
static bool v2_click(player_app *a, int id, int arg)
{
    ui_player_model *m = &a->m;
    switch (id) {
    case PLAYER_ID_ASK_CONSENT: send(a, CORE_ACT_ASK_CONSENT, arg, 0, 0); break;
    case PLAYER_ID_SHARE_NO_CONSENT: send(a, CORE_ACT_SHARE_FACT, arg, 0, 0); break;
    case PLAYER_ID_CONSENT_YES: send(a, CORE_ACT_CONSENT, arg, 1, 0); break;
    case PLAYER_ID_CONSENT_NO: send(a, CORE_ACT_CONSENT, arg, 0, 0); break;
    case PLAYER_ID_ASK_PUPIL: send(a, CORE_ACT_ASK_PUPIL, 0, 0, 0); break;
    case PLAYER_ID_SET_MEETING: send(a, CORE_ACT_SET_MEETING, 0, 0, 0); break;
    case PLAYER_ID_LEFT_TAB: m->left_tab = arg; break;
    case PLAYER_ID_FRICTION_OPEN:
        m->open_friction = arg;
        m->afspraak_text[0] = 0;
        /* the level's first afspraak is picked, so one click proposes it */
        m->afspraak_option = (a->m.sc && arg >= 0 && arg < a->m.sc->n_frictions &&
                              a->m.sc->frictions[arg].n_options > 0)
                                 ? 0 : -1;
        break;
    case PLAYER_ID_AFSPRAAK_OPTION:
        m->afspraak_option = arg;
        m->editing_afspraak = false;
        break;
    case PLAYER_ID_AFSPRAAK_TEXT:
        m->afspraak_option = -1;
        m->editing_afspraak = true;
        SDL_StartTextInput();
        break;
    case PLAYER_ID_AFSPRAAK_PROPOSE:
        if (m->afspraak_option >= 0)
            send(a, CORE_ACT_PROPOSE_AFSPRAAK, arg, m->afspraak_option, 0);
        else
            send_text(a, CORE_ACT_PROPOSE_AFSPRAAK, arg, CORE_NONE, m->afspraak_text);
        break;
    case PLAYER_ID_AFSPRAAK_AGREE: send(a, CORE_ACT_AGREE_AFSPRAAK, arg, 1, 0); break;
    case PLAYER_ID_AFSPRAAK_OBJECT: send(a, CORE_ACT_AGREE_AFSPRAAK, arg, 0, 0); break;
    case PLAYER_ID_CLOSE: close_overlays(m); break;
    case PLAYER_ID_WORD_GOAL:
        m->wording_goal = true;
        m->editing_goal = true;
        SDL_StartTextInput();
        break;
    case PLAYER_ID_GOAL_TEXT:
        m->editing_goal = true;
        SDL_StartTextInput();
        break;
    case PLAYER_ID_GOAL_NEED:
        if (arg >= 0 && arg < CORE_MAX_NEEDS)
            m->goal_needs ^= 1u << (unsigned)arg;
        break;
    case PLAYER_ID_GOAL_SEND:
        send_text(a, CORE_ACT_WORD_GOAL, (int)m->goal_needs, 0, m->goal_text);
        close_overlays(m);
        m->goal_text[0] = 0;
        m->goal_needs = 0;
        break;
    case PLAYER_ID_CHECK_DONE: send(a, CORE_ACT_CHECK_IMPROVEMENT, arg, 1, 0); break;
    case PLAYER_ID_CHECK_NOT_DONE: send(a, CORE_ACT_CHECK_IMPROVEMENT, arg, 0, 0); break;
    default: return false;
    }
    /* typing goes on only in the field just clicked, or in the goal card
     * while its needs are toggled */
    bool keep_afspraak = id == PLAYER_ID_AFSPRAAK_TEXT;
    bool keep_goal = m->wording_goal && (id == PLAYER_ID_GOAL_TEXT || id == PLAYER_ID_WORD_GOAL ||
                                         id == PLAYER_ID_GOAL_NEED);
    if ((m->editing_afspraak && !keep_afspraak) || (m->editing_goal && !keep_goal))
        SDL_StopTextInput();
    m->editing_afspraak = m->editing_afspraak && keep_afspraak;
    m->editing_goal = m->editing_goal && keep_goal;
    a->dirty = true;
    return true;
}

/* ------------------------------------------------------------------ input */

static void commit_to(player_app *a, int slot, int kind, int target)
{
    if (slot < 0)
        return;
    send(a, CORE_ACT_COMMIT, slot, kind, target);
    a->m.selected = -1;
}

static void game_click(player_app *a, int id, int arg)
{
    ui_player_model *m = &a->m;
    if (v2_click(a, id, arg))
        return;
    switch (id) {
    case UI_ID_CARD: m->selected = m->selected == arg ? -1 : arg; break;
    case UI_ID_COMMITTED: send(a, CORE_ACT_UNCOMMIT, arg, 0, 0); break;
    case UI_ID_NEED:
        if (a->view.pub.phase == CORE_PHASE_OVERLEG)
            m->focus_need = arg;
        else
            commit_to(a, m->selected, 0, arg);
        break;
    case UI_ID_FRICTION: commit_to(a, m->selected, 1, arg); break;
    case UI_ID_SHARE_FACT: send(a, CORE_ACT_SHARE_FACT, arg, 0, 0); break;
    case UI_ID_ASK:
    case UI_ID_OFFER:
        m->pick_need = arg;
        m->pick_offer = id == UI_ID_OFFER;
        break;
    case UI_ID_PICK_SEAT:
        if (m->pick_need >= 0)
            send(a, m->pick_offer ? CORE_ACT_OFFER : CORE_ACT_ASK, arg, m->pick_need, 0);
        m->pick_need = -1;
        break;
    case UI_ID_CANCEL: m->pick_need = -1; break;
    case UI_ID_LEAD_SELF: send(a, CORE_ACT_PROPOSE_LEAD, arg, a->view.seat, 0); break;
    case UI_ID_ACCEPT_LEAD: send(a, CORE_ACT_ACCEPT_LEAD, arg, 0, 0); break;
    case UI_ID_PROPOSE_GOAL: send(a, CORE_ACT_PROPOSE_GOAL, arg, 0, 0); break;
    case UI_ID_DROP_GOAL: send(a, CORE_ACT_DROP_GOAL, arg, 0, 0); break;
    case UI_ID_DOSSIER_PAGE: m->dossier_first = arg; break;
    case UI_ID_VOTE_YES: send(a, CORE_ACT_VOTE_GOAL, arg, 1, 0); break;
    case UI_ID_VOTE_NO: send(a, CORE_ACT_VOTE_GOAL, arg, 0, 0); break;
    case UI_ID_PROMISE_ACCEPT: send(a, CORE_ACT_RESPOND, arg, 1, 0); break;
    case UI_ID_PROMISE_DECLINE: send(a, CORE_ACT_RESPOND, arg, 0, 0); break;
    case UI_ID_READY:
        /* the phase and round it is meant for: the rules refuse a READY that
         * arrives after the phase moved on, instead of ending the next one */
        send(a, CORE_ACT_READY, (int)a->view.pub.phase, a->view.pub.round, 0);
        break;
    case UI_ID_UNREADY: send(a, CORE_ACT_UNREADY, 0, 0, 0); break;
    case UI_ID_REFLECT_OPTION: m->reflect_option = arg; break;
    case UI_ID_REFLECT_TEXT:
        m->editing_text = true;
        SDL_StartTextInput();
        break;
    case UI_ID_REFLECT_SEND: {
        core_action act;
        memset(&act, 0, sizeof act);
        act.type = CORE_ACT_REFLECT;
        act.seat = a->view.seat;
        act.a = m->reflect_option;
        snprintf(act.text, sizeof act.text, "%s", m->reflect_text);
        if (!a->c || !cli_send_action(a->c, &act))
            app_set_message(a, _("Niet verbonden: je actie is niet verstuurd."), true);
        m->editing_text = false;
        SDL_StopTextInput();
        break;
    }
    default: break;
    }
    if (id != UI_ID_REFLECT_TEXT && id != UI_ID_NONE && m->editing_text &&
        id != UI_ID_REFLECT_OPTION) {
        m->editing_text = false;
        SDL_StopTextInput();
    }
    a->dirty = true;
}

static void utf8_pop(char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        n--;
        if (((unsigned char)s[n] & 0xC0) != 0x80)
            break;
    }
    s[n] = 0;
}

static void append_text(char *dst, size_t cap, size_t max_chars, const char *in)
{
    /* counted as the rules count words, so what fits here also passes there */
    int add_chars = core_text_chars(in), have_chars = core_text_chars(dst);
    if (add_chars < 0 || have_chars < 0 || (size_t)(have_chars + add_chars) > max_chars ||
        strlen(dst) + strlen(in) + 1 > cap)
        return;
    strcat(dst, in);
}
/* The form's text fields take typing (not while the picker is up). */
static bool typing_form(const player_app *a)
{
    return app_in_form(a) && !app_picking(a) && a->field >= 0 && a->field < FORM_FIELDS;
}

/* The click regions the keyboard can reach: those of the top layer (after
 * the last region covering the whole window, an overlay's backdrop). */
static int focusables(const player_app *a, int *out, int cap)
{
    const ui_gfx *g = &a->g;
    int from = 0;
    for (int i = 0; i < g->n_hits; i++)
        if (g->hits[i].r.w >= g->w && g->hits[i].r.h >= g->h)
            from = i + 1;
    int n = 0;
    for (int i = from; i < g->n_hits && n < cap; i++)
        if (g->hits[i].id != UI_ID_NONE)
            out[n++] = i;
    return n;
}

const ui_hit *input_focused_hit(const player_app *a)
{
    int idx[UI_MAX_HITS];
    int n = focusables(a, idx, UI_MAX_HITS);
    for (int k = 0; k < n; k++) {
        const ui_hit *h = &a->g.hits[idx[k]];
        if (h->id == a->focus_id && h->arg == a->focus_arg)
            return h;
    }
    return NULL;
}

/* Tab / arrows: the next (dir 1) or previous (-1) control in drawing order. */
static void focus_step(player_app *a, int dir)
{
    int idx[UI_MAX_HITS];
    int n = focusables(a, idx, UI_MAX_HITS);
    if (n == 0)
        return;
    int cur = -1;
    for (int k = 0; k < n && cur < 0; k++)
        if (a->g.hits[idx[k]].id == a->focus_id && a->g.hits[idx[k]].arg == a->focus_arg)
            cur = k;
    int next = cur < 0 ? (dir > 0 ? 0 : n - 1) : (cur + dir + n) % n;
    a->focus_id = a->g.hits[idx[next]].id;
    a->focus_arg = a->g.hits[idx[next]].arg;
    a->focus_visible = true;
}

/* Keys of the game screen: Tab and arrows move the focus, Enter or Space
 * acts on it, number keys pick a card (Inzet) or an answer (Reflectie). */
static bool game_key(player_app *a, SDL_Keycode k, Uint16 mod)
{
    if (a->m.editing_text || a->m.editing_afspraak || a->m.editing_goal)
        return false; /* typing: keys belong to the text */
    if (k == SDLK_TAB || k == SDLK_RIGHT || k == SDLK_DOWN || k == SDLK_LEFT || k == SDLK_UP) {
        bool back = k == SDLK_LEFT || k == SDLK_UP || (k == SDLK_TAB && (mod & KMOD_SHIFT));
        focus_step(a, back ? -1 : 1);
        return true;
    }
    if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) {
        const ui_hit *h = a->focus_visible ? input_focused_hit(a) : NULL;
        if (h)
            game_click(a, h->id, h->arg);
        return h != NULL;
    }
    if (k >= SDLK_1 && k <= SDLK_9 && a->state == PLAYER_PLAYING) {
        int i = (int)(k - SDLK_1);
        const core_seat_view *v = &a->view;
        if (v->pub.phase == CORE_PHASE_INZET && i < v->hand_n + v->pub.n_innovations) {
            int slot = i < v->hand_n ? i : CORE_MAX_HAND + (i - v->hand_n);
            game_click(a, UI_ID_CARD, slot);
            return true;
        }
        if (v->pub.phase == CORE_PHASE_REFLECTIE && !v->pub.seat_reflected[v->seat]) {
            game_click(a, UI_ID_REFLECT_OPTION, i);
            return true;
        }
    }
    return false;
}

/* The focus ring: dark outside, white inside, visible on any panel. */
void input_draw_focus(player_app *a)
{
    const ui_hit *h = a->focus_visible ? input_focused_hit(a) : NULL;
    if (!h)
        return;
    int t = ui_px(&a->g, 4);
    SDL_Rect o = {h->r.x - t, h->r.y - t, h->r.w + 2 * t, h->r.h + 2 * t};
    ui_round_outline(&a->g, o, ui_px(&a->g, 12), t, UI_INK);
    ui_round_outline(&a->g, h->r, ui_px(&a->g, 10), ui_px(&a->g, 2), UI_WHITE);
    /* text that ends in "…" shows whole under the focus, as under the mouse */
    ui_draw_tooltip(&a->g, h->r.x + 1, h->r.y + 1);
}

/* A key: the game screen's keys first, then typing, the form and the picker. */
static void on_key(player_app *a, const SDL_Event *e)
{
    if (a->state == PLAYER_PLAYING && !a->m.paused &&
        game_key(a, e->key.keysym.sym, e->key.keysym.mod)) {
        a->dirty = true;
        return;
    }
    if (e->key.keysym.sym == SDLK_BACKSPACE) {
        if (typing_form(a))
            utf8_pop(a->fields[a->field]);
        else if (a->m.editing_text)
            utf8_pop(a->m.reflect_text);
        else if (a->m.editing_afspraak)
            utf8_pop(a->m.afspraak_text);
        else if (a->m.editing_goal)
            utf8_pop(a->m.goal_text);
    } else if (e->key.keysym.sym == SDLK_TAB && app_in_form(a) && !app_picking(a)) {
        a->field = (a->field + 1) % FORM_FIELDS;
        SDL_StartTextInput();
    } else if (e->key.keysym.sym == SDLK_RETURN || e->key.keysym.sym == SDLK_KP_ENTER) {
        if (app_picking(a))
            picker_click(a, UI_ID_SUBMIT, 0);
        else if (app_in_form(a))
            form_submit(a);
        else if (a->m.editing_text && a->m.reflect_option >= 0)
            game_click(a, UI_ID_REFLECT_SEND, 0);
        else if (a->m.editing_afspraak && a->m.afspraak_text[0] && a->m.open_friction >= 0)
            game_click(a, PLAYER_ID_AFSPRAAK_PROPOSE, a->m.open_friction);
        else if (a->m.editing_goal && a->m.goal_text[0] && a->m.goal_needs)
            game_click(a, PLAYER_ID_GOAL_SEND, 0);
    } else if (e->key.keysym.sym == SDLK_ESCAPE && app_picking(a)) {
        picker_back_to_form(a);
    } else if ((e->key.keysym.sym == SDLK_DOWN || e->key.keysym.sym == SDLK_UP) &&
               app_picking(a)) {
        picker_step(a, e->key.keysym.sym == SDLK_DOWN ? 1 : -1);
    } else if (e->key.keysym.sym == SDLK_ESCAPE) {
        a->m.pick_need = -1;
        a->m.selected = -1;
        stop_editing(&a->m);
        close_overlays(&a->m);
    } else if (e->key.keysym.sym == SDLK_F11 && a->g.win) {
        bool fs = (SDL_GetWindowFlags(a->g.win) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
        SDL_SetWindowFullscreen(a->g.win, fs ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
    }
    a->dirty = true;
}

void input_handle(player_app *a, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT: a->quit = true; break;
    case SDL_WINDOWEVENT: a->dirty = true; break;
    case SDL_TEXTINPUT:
        if (typing_form(a)) {
            size_t lim = a->field == 1 ? 4 : a->field == 2 ? 24 : 120;
            /* byte caps of the wire fields, so nothing is cut mid-character */
            size_t cap = a->field == 1 ? CLI_CODE_LEN : a->field == 2 ? CLI_NAME_LEN
                                                                       : sizeof a->fields[0];
            append_text(a->fields[a->field], cap, lim, e->text.text);
            if (a->field == 1)
                for (char *p = a->fields[1]; *p; p++)
                    if (*p >= 'a' && *p <= 'z')
                        *p = (char)(*p - 32);
        } else if (a->m.editing_text) {
            append_text(a->m.reflect_text, sizeof a->m.reflect_text, 140, e->text.text);
        } else if (a->m.editing_afspraak) {
            append_text(a->m.afspraak_text, sizeof a->m.afspraak_text, 140, e->text.text);
        } else if (a->m.editing_goal) {
            append_text(a->m.goal_text, sizeof a->m.goal_text, 140, e->text.text);
        }
        a->dirty = true;
        break;
    case SDL_KEYDOWN: on_key(a, e); break;
    case SDL_MOUSEMOTION: {
        const ui_hit *before = ui_hit_at(&a->g, a->g.mouse_x, a->g.mouse_y);
        const ui_hit *after = ui_hit_at(&a->g, e->motion.x, e->motion.y);
        a->g.mouse_x = e->motion.x;
        a->g.mouse_y = e->motion.y;
        if (a->press_on_card && a->m.drag_slot < 0 &&
            abs(e->motion.x - a->press_x) + abs(e->motion.y - a->press_y) > 12) {
            a->m.drag_slot = a->press_slot;
            a->m.selected = a->press_slot;
        }
        if (a->m.drag_slot >= 0) {
            a->m.drag_x = e->motion.x;
            a->m.drag_y = e->motion.y;
            a->dirty = true;
        }
        if (before != after)
            a->dirty = true;
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_LEFT && !app_in_form(a)) {
            const ui_hit *hit = ui_hit_at(&a->g, e->button.x, e->button.y);
            a->press_on_card = hit && hit->id == UI_ID_CARD;
            a->press_slot = hit ? hit->arg : -1;
            a->press_x = e->button.x;
            a->press_y = e->button.y;
        }
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.button != SDL_BUTTON_LEFT)
            break;
        a->focus_visible = false; /* the mouse took over */
        if (a->m.drag_slot >= 0) {
            /* a drop on a need or friction commits the dragged card */
            int slot = a->m.drag_slot;
            a->m.drag_slot = -1;
            a->press_on_card = false;
            const ui_hit *hit = ui_hit_at(&a->g, e->button.x, e->button.y);
            if (hit && hit->id == UI_ID_NEED)
                commit_to(a, slot, 0, hit->arg);
            else if (hit && hit->id == UI_ID_FRICTION)
                commit_to(a, slot, 1, hit->arg);
            a->dirty = true;
            break;
        }
        a->press_on_card = false;
        {
            const ui_hit *hit = ui_hit_at(&a->g, e->button.x, e->button.y);
            if (hit) {
                int id = hit->id, arg = hit->arg;
                if (app_picking(a))
                    picker_click(a, id, arg);
                else if (app_in_form(a))
                    form_click(a, id, arg);
                else
                    game_click(a, id, arg);
            }
        }
        break;
    default: break;
    }
}
