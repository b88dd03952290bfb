/* ui/player_app: the player app as a steppable object: its two connections
 * and their callbacks, the state machine, the step loop and `samenspel join`. */
#include "ui/player_app_int.h"
#include "ui/scene.h"
#include "ui/ui.h"

#include "platform/i18n.h"
#include "platform/plat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MESSAGE_MS 5000u

/* ---------------------------------------------------------- state machine */

void app_settle(player_app *a, player_news news)
{
    player_state s = a->state;
    switch (news) {
    case PLAYER_NEWS_NEW_SESSION: s = PLAYER_FORM; break;
    case PLAYER_NEWS_SEAT_VIEW: s = PLAYER_PLAYING; break;
    case PLAYER_NEWS_PUBLIC_VIEW:
        if (s != PLAYER_PLAYING) /* a seat's view wins over the public table */
            s = PLAYER_WATCHING;
        break;
    case PLAYER_NEWS_NONE: break;
    }
    /* Without a view of the game: the picker once the look knows the
     * roles, else the form; a connection of our own means it is on its way. */
    if (!a->c || (s != PLAYER_PLAYING && s != PLAYER_WATCHING)) {
        bool roles = look_lobby_ready(a) != NULL;
        if (a->c)
            s = roles ? PLAYER_SEATING : PLAYER_CONNECTING;
        else
            s = roles ? PLAYER_PICKING : PLAYER_FORM;
    }
    a->state = s;
}

bool app_in_form(const player_app *a)
{
    return a->state != PLAYER_PLAYING && a->state != PLAYER_WATCHING;
}

bool app_picking(const player_app *a)
{
    return a->state == PLAYER_PICKING || a->state == PLAYER_SEATING;
}

/* ---------------------------------------------------------------- session */

void app_set_message(player_app *a, const char *msg, bool error)
{
    snprintf(a->m.message, sizeof a->m.message, "%s", msg);
    a->m.message_is_error = error;
    a->message_until = plat_now_ms() + MESSAGE_MS;
    a->dirty = true;
}

static void on_status(void *ctx, cli_status st, const char *reason)
{
    player_app *a = ctx;
    (void)st;
    (void)reason; /* refresh_status turns a refusal into words after the pump */
    a->dirty = true;
}

static void on_view(void *ctx, const core_seat_view *sv, const core_public_view *pub,
                    const core_events *ev)
{
    player_app *a = ctx;
    (void)pub;
    /* consent: the seat whose no stopped a goal is remembered, so the
     * table sees whose objection to talk over (the view keeps no votes) */
    for (int i = 0; ev && i < ev->n && i < CORE_MAX_EVENTS; i++) {
        const core_event *e = &ev->ev[i];
        if (e->type == CORE_EVT_GOAL_VOTE && e->b == 0) {
            a->m.goal_objector = e->seat;
            a->m.goal_objected = e->a;
        } else if (e->type == CORE_EVT_GOAL_PROPOSED || e->type == CORE_EVT_TEAM_GOAL ||
                   e->type == CORE_EVT_GOAL_ADOPTED) {
            a->m.goal_objector = a->m.goal_objected = -1;
        }
    }
    if (sv) {
        /* a new round's question starts without the last answer picked */
        if (sv->pub.round != a->view.pub.round) {
            a->m.reflect_option = -1;
            a->m.reflect_text[0] = '\0';
        }
        memcpy(&a->view, sv, sizeof *sv);
        app_settle(a, PLAYER_NEWS_SEAT_VIEW);
    } else if (pub) {
        memcpy(&a->pub, pub, sizeof *pub);
        app_settle(a, PLAYER_NEWS_PUBLIC_VIEW);
    }
    /* a selection that no longer exists (cards drawn, committed) is dropped */
    if (a->m.selected >= 0 && a->m.selected < CORE_MAX_HAND && a->m.selected >= a->view.hand_n)
        a->m.selected = -1;
    a->dirty = true;
}

static void on_reject(void *ctx, core_reject r, const char *text)
{
    player_app *a = ctx;
    (void)r;
    /* the core's Dutch text is the msgid; English comes from en.po */
    app_set_message(a, _(text), true);
}

static void on_lobby(void *ctx, const cli_lobby *l)
{
    player_app *a = ctx;
    a->m.paused = l->paused;
    for (int s = 0; s < l->n_seats && s < CORE_MAX_SEATS; s++) {
        snprintf(a->m.seats[s].name, sizeof a->m.seats[s].name, "%s", l->seats[s].name);
        a->m.seats[s].conn = l->seats[s].bot         ? UI_SEAT_BOT
                             : l->seats[s].connected ? UI_SEAT_PLAYER
                             : l->seats[s].taken     ? UI_SEAT_LOST
                                                     : UI_SEAT_EMPTY;
    }
    a->dirty = true;
}

bool app_connect(player_app *a, const cli_options *o, char *err, size_t err_len)
{
    cli_callbacks cb = {a, on_status, on_view, on_reject, on_lobby};
    a->last_status = CLI_STATUS_IDLE;
    a->c = cli_create(o, &cb, err, err_len);
    app_settle(a, PLAYER_NEWS_NEW_SESSION);
    if (!a->c)
        return false;
    snprintf(a->m.player_name, sizeof a->m.player_name, "%s", o->name);
    return true;
}

void app_stop_session(player_app *a)
{
    if (a->c) {
        cli_destroy(a->c);
        a->c = NULL;
    }
    app_settle(a, PLAYER_NEWS_NEW_SESSION);
    a->last_status = CLI_STATUS_IDLE;
    a->m.status[0] = 0;
    a->dirty = true;
}

/* The refusals whose words need nothing filled in; NULL for the others. */
static const char *fixed_refusal(cli_reject_reason c)
{
    switch (c) {
    case CLI_REJ_FULL: return _("Alle plaatsen zijn bezet. Je kan meekijken als toeschouwer.");
    case CLI_REJ_KICKED: return _("De begeleider heeft je uit dit spel gehaald.");
    case CLI_REJ_VERSION:
        return _("Deze laptop heeft een andere versie van Samenspel dan de projector. Vraag de "
                 "begeleider om dezelfde versie.");
    case CLI_REJ_SERVER_BUSY: return _("De host is even te druk. Probeer het zo opnieuw.");
    case CLI_REJ_REPLACED:
        return _("Je plaats is overgenomen: door een bot, door de begeleider of door een "
                 "nieuwe verbinding met jouw plaats.");
    case CLI_REJ_SHUTDOWN: return _("De host is gestopt.");
    default: return NULL;
    }
}

/* A refusal or a lost host in words a participant can act on. */
void app_describe_refusal(const player_app *a, cli *c, char *out, size_t len)
{
    const char *role = a->pick_role_name[0] ? a->pick_role_name : a->pick_role;
    if (cli_status_get(c) == CLI_STATUS_FAILED && cli_reject_code(c) != CLI_REJ_SHUTDOWN) {
        snprintf(out, len, _("Geen verbinding met de host (%s). Klopt het adres? Staan de laptop "
                             "en de projector op hetzelfde netwerk?"),
                 cli_reason(c));
        return;
    }
    const char *fixed = fixed_refusal(cli_reject_code(c));
    if (fixed) {
        snprintf(out, len, "%s", fixed);
        return;
    }
    switch (cli_reject_code(c)) {
    case CLI_REJ_WRONG_CODE:
        snprintf(out, len, "%s",
                 _("Die code klopt niet. Typ de 4 letters die op het scherm vooraan staan."));
        break;
    case CLI_REJ_ROLE_TAKEN:
        if (a->pick_rejoin)
            /* the host found no seat token of ours for it */
            snprintf(out, len,
                     _("Deze laptop kent de plaats van %s niet meer. Vraag de begeleider om die "
                       "plaats vrij te geven, of kies een andere rol."),
                     role);
        else
            snprintf(out, len, _("Iemand anders nam net de rol %s. Kies een andere rol."), role);
        break;
    case CLI_REJ_UNKNOWN_ROLE:
        snprintf(out, len, _("De rol ‘%s’ speelt niet mee in dit spel. Kies een van de rollen "
                             "van dit spel."),
                 role);
        break;
    case CLI_REJ_BAD_HELLO:
        snprintf(out, len, _("De host begreep de aanmelding niet (%s)."), cli_reason(c));
        break;
    case CLI_REJ_NONE:
    default:
        snprintf(out, len, _("De host weigerde: %s"), cli_reason(c));
        break;
    }
}

/* Latecomers and co-trainers who join as observers see the projector's
 * table on their own screen. */
static void draw_observer(player_app *a)
{
    ui_proj_model pm;
    ui_proj_model_init(&pm);
    pm.sc = cli_scenario(a->c);
    pm.pub = &a->pub;
    pm.observer = true;
    memcpy(pm.seats, a->m.seats, sizeof pm.seats);
    const cli_lobby *l = cli_lobby_get(a->c);
    if (l) {
        snprintf(pm.room_code, sizeof pm.room_code, "%s", l->code);
        pm.observers = l->observers;
        pm.paused = l->paused;
    }
    snprintf(pm.address, sizeof pm.address, "%.80s:%d", a->opts.host, a->opts.port);
    ui_draw_projector(&a->g, &pm, a->pub.phase == CORE_PHASE_LOBBY ? UI_PROJ_LOBBY : UI_PROJ_TABLE);
}
/* ------------------------------------------------------------------- loop */

/* A refusal about the role sends the player back to the picker (a fresh
 * look at the seats); anything else back to the form. */
static bool role_problem(cli_reject_reason r)
{
    return r == CLI_REJ_ROLE_TAKEN || r == CLI_REJ_UNKNOWN_ROLE || r == CLI_REJ_FULL;
}
static void refresh_status(player_app *a)
{
    if (a->look) {
        cli_status ls = cli_status_get(a->look);
        if (ls == CLI_STATUS_REJECTED || ls == CLI_STATUS_FAILED) {
            app_describe_refusal(a, a->look, a->form_error, sizeof a->form_error);
            look_stop(a);
        } else {
            picker_sync(a);
        }
    }
    if (!a->c)
        return;
    cli_status st = cli_status_get(a->c);
    const char *s = "";
    switch (st) {
    case CLI_STATUS_CONNECTED: s = cli_is_observer(a->c) ? _("toeschouwer") : _("verbonden"); break;
    case CLI_STATUS_CONNECTING: s = _("verbinden…"); break;
    case CLI_STATUS_RECONNECTING: s = _("verbinding kwijt, opnieuw…"); break;
    case CLI_STATUS_REJECTED: s = _("geweigerd"); break;
    case CLI_STATUS_FAILED: s = _("geen verbinding"); break;
    default: break;
    }
    if (strcmp(s, a->m.status) != 0) {
        snprintf(a->m.status, sizeof a->m.status, "%s", s);
        a->dirty = true;
    }
    if (st != a->last_status) {
        a->last_status = st;
        a->dirty = true;
        if (st == CLI_STATUS_REJECTED || st == CLI_STATUS_FAILED) {
            char msg[256];
            app_describe_refusal(a, a->c, msg, sizeof msg);
            bool to_picker = st == CLI_STATUS_REJECTED && role_problem(cli_reject_code(a->c));
            app_stop_session(a);
            if (to_picker) {
                a->pick = PLAYER_PICK_NONE;
                snprintf(a->pick_error, sizeof a->pick_error, "%s", msg);
                char err[256] = "";
                if (!a->look && !look_start(a, err, sizeof err))
                    snprintf(a->form_error, sizeof a->form_error, "%s", msg);
            } else {
                snprintf(a->form_error, sizeof a->form_error, "%s", msg);
                look_stop(a);
            }
            return;
        }
    }
    /* seated or watching: the look has done its job */
    if (a->look && (a->state == PLAYER_PLAYING || a->state == PLAYER_WATCHING))
        look_stop(a);
}

bool player_app_step(player_app *a, int wait_ms)
{
    if (a->look) {
        cli_pump(a->look, 0);
        app_settle(a, PLAYER_NEWS_NONE); /* the roles may have come in, or gone */
    }
    if (a->c)
        cli_pump(a->c, 0);
    refresh_status(a);
    if (!a->c && !a->look && a->disc) {
        cli_found_game f[CLI_MAX_FOUND];
        int n = cli_discovery_poll(a->disc, f, CLI_MAX_FOUND);
        if (n != a->n_found || memcmp(f, a->found, sizeof f[0] * (size_t)(n > 0 ? n : 0)) != 0) {
            memcpy(a->found, f, sizeof f[0] * (size_t)(n > 0 ? n : 0));
            a->n_found = n;
            a->dirty = true;
        }
        /* join --code X --name Y: the game with that code, once found, goes
         * on as if picked from the list (on to its roles) */
        for (int i = 0; i < a->n_found && !a->found_given && a->opts.code[0] && a->opts.name[0]; i++)
            if (strcasecmp(a->found[i].code, a->opts.code) == 0) {
                a->found_given = true;
                snprintf(a->fields[0], sizeof a->fields[0], "%s:%d", a->found[i].address, a->found[i].port);
                form_submit(a);
            }
    }
    /* the phase timer counts down locally between the host's LOBBYs */
    const cli_lobby *lob = a->c ? cli_lobby_get(a->c) : NULL;
    int left = -1;
    if (lob && lob->timer_end_ms && !lob->paused) {
        uint64_t now = plat_now_ms();
        left = lob->timer_end_ms > now ? (int)((lob->timer_end_ms - now + 999u) / 1000u) : 0;
    }
    if (left != a->m.timer_left_s) {
        a->m.timer_left_s = left;
        a->dirty = true;
    }
    if (a->m.message[0] && plat_now_ms() >= a->message_until) {
        a->m.message[0] = 0;
        a->dirty = true;
    }
    if (a->dirty) {
        ui_gfx_begin(&a->g);
        switch (a->state) {
        case PLAYER_PICKING:
        case PLAYER_SEATING: picker_draw_app(a, look_lobby_ready(a)); break;
        case PLAYER_FORM:
        case PLAYER_CONNECTING: form_draw_app(a); break;
        case PLAYER_PLAYING:
        case PLAYER_WATCHING:
            a->m.sc = cli_scenario(a->c);
            a->m.view = &a->view;
            if (a->m.sc && a->state == PLAYER_PLAYING) {
                ui_draw_player(&a->g, &a->m);
                input_draw_focus(a);
            } else if (a->m.sc) {
                draw_observer(a);
            } else {
                form_draw_app(a);
            }
            break;
        }
        if (a->g.win)
            SDL_RenderPresent(a->g.ren);
        a->frames++;
        a->dirty = false;
        /* tools/bench/ui.sh times start -> first presented frame with this */
        if (a->g.win && getenv("SAMENSPEL_EXIT_AFTER_FIRST_FRAME"))
            a->quit = true;
    }
    SDL_Event e;
    if (ui_wait_event(&e, wait_ms)) {
        input_handle(a, &e);
        while (SDL_PollEvent(&e))
            input_handle(a, &e);
    }
    return !a->quit;
}

player_app *player_app_open(const cli_options *opts, bool offscreen, char *err, size_t err_len)
{
    player_app *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(err, err_len, "%s", _("Te weinig geheugen."));
        return NULL;
    }
    a->opts = *opts;
    a->field = -1;
    if (opts->role[0] && !opts->observe) {
        /* --role preselects; the picker checks it against the game's roles */
        a->pick = PLAYER_PICK_ROLE;
        snprintf(a->pick_role, sizeof a->pick_role, "%s", opts->role);
        snprintf(a->pick_role_name, sizeof a->pick_role_name, "%s", opts->role);
    }
    ui_player_model_init(&a->m);
    int w = opts->width > 0 ? opts->width : 1280;
    int h = opts->height > 0 ? opts->height : 720;
    if (!ui_gfx_open(&a->g, _("Samenspel — speler"), w, h, offscreen, opts->font, err, err_len)) {
        free(a);
        return NULL;
    }
    if (opts->host[0]) {
        snprintf(a->fields[0], sizeof a->fields[0], "%s", opts->host);
        snprintf(a->fields[1], sizeof a->fields[1], "%s", opts->code);
        snprintf(a->fields[2], sizeof a->fields[2], "%s", opts->name);
        /* Without a code or name the form asks for them first. With both,
         * --role or --observe joins at once; without a role the picker
         * shows the game's roles, as after the form (no seat is taken). */
        bool at_once = opts->role[0] || opts->observe;
        if (opts->code[0] && opts->name[0] &&
            !(at_once ? app_connect(a, &a->opts, err, err_len) : look_start(a, err, err_len))) {
            ui_gfx_close(&a->g);
            free(a);
            return NULL;
        }
    } else {
        char derr[256];
        a->disc = cli_discovery_start(opts->port > 0 ? opts->port : CLI_DEFAULT_PORT, NULL, derr,
                                      sizeof derr);
        if (!a->disc)
            snprintf(a->form_error, sizeof a->form_error, "%s", derr);
        snprintf(a->fields[1], sizeof a->fields[1], "%s", opts->code);
        snprintf(a->fields[2], sizeof a->fields[2], "%s", opts->name);
    }
    if (!a->c && !a->look) {
        /* the form is up: the first field to fill has the focus */
        a->field = 0;
        for (int f = FORM_FIELDS - 1; f >= 0; f--)
            if (!a->fields[f][0])
                a->field = f;
        SDL_StartTextInput();
    }
    a->dirty = true;
    return a;
}

void player_app_close(player_app *a)
{
    if (!a)
        return;
    if (a->c)
        cli_destroy(a->c);
    if (a->look)
        cli_destroy(a->look);
    if (a->disc)
        cli_discovery_stop(a->disc);
    ui_gfx_close(&a->g);
    free(a);
}

ui_gfx *player_app_gfx(player_app *a) { return &a->g; }
cli *player_app_session(player_app *a) { return a->c; }
const ui_player_model *player_app_model(const player_app *a) { return &a->m; }
uint64_t player_app_frames(const player_app *a) { return a->frames; }

const char *player_app_notice(const player_app *a)
{
    if (a->pick_error[0] && look_lobby_ready(a))
        return a->pick_error;
    return a->form_error;
}

bool player_app_picking(const player_app *a) { return app_picking(a); }

bool player_app_focus(const player_app *a, int *id, int *arg)
{
    const ui_hit *h = a->focus_visible ? input_focused_hit(a) : NULL;
    if (h) {
        *id = h->id;
        *arg = h->arg;
    }
    return h != NULL;
}

bool player_app_find(const player_app *a, int id, int arg, int *x, int *y)
{
    for (int i = 0; i < a->g.n_hits; i++) {
        const ui_hit *h = &a->g.hits[i];
        if (h->id == id && (arg < 0 || h->arg == arg)) {
            *x = h->r.x + h->r.w / 2;
            *y = h->r.y + h->r.h / 2;
            return true;
        }
    }
    return false;
}

static const char *scene_for(cli_screen s)
{
    switch (s) {
    case CLI_SCREEN_LOBBY: return "player-identiteit";
    case CLI_SCREEN_DEBRIEF: return "player-reflectie";
    default: return "player-inzet";
    }
}

/* `join --screenshot F --screen roles`: the role picker of the bundled
 * level as a newcomer sees it (one seat taken, one bot, a role chosen). */
static bool roles_screenshot(const cli_options *opts, int w, int h, char *err, size_t err_len)
{
    core_scenario *sc = ui_scene_load_level(NULL, err, err_len);
    if (!sc)
        return false;
    cli_lobby *l = calloc(1, sizeof *l);
    ui_gfx *g = calloc(1, sizeof *g);
    bool ok = l && g;
    if (!ok)
        snprintf(err, err_len, "%s", _("Te weinig geheugen."));
    if (ok) {
        snprintf(l->code, sizeof l->code, "KWTR");
        snprintf(l->title, sizeof l->title, "%s", sc->title);
        l->n_seats = sc->n_seats < CORE_MAX_SEATS ? sc->n_seats : CORE_MAX_SEATS;
        for (int s = 0; s < l->n_seats; s++) {
            cli_lobby_seat *ls = &l->seats[s];
            ls->role = sc->seat_roles[s];
            snprintf(ls->role_id, sizeof ls->role_id, "%s", sc->roles[ls->role].id);
            snprintf(ls->role_name, sizeof ls->role_name, "%s", sc->roles[ls->role].name);
        }
        l->seats[0].taken = l->seats[0].connected = true;
        snprintf(l->seats[0].name, sizeof l->seats[0].name, "Anna");
        if (l->n_seats > 3)
            l->seats[l->n_seats - 1].taken = l->seats[l->n_seats - 1].bot = true;
        player_picker_model m;
        memset(&m, 0, sizeof m);
        m.sc = sc;
        m.lobby = l;
        m.player_name = "Jef";
        m.pick = PLAYER_PICK_ROLE;
        m.pick_role = l->seats[1].role_id;
        m.pick_role_name = l->seats[1].role_name;
        ok = ui_gfx_open(g, "samenspel", w, h, true, opts->font, err, err_len);
        if (ok) {
            ui_gfx_begin(g);
            player_draw_picker(g, &m);
            ok = ui_gfx_save_png(g, opts->screenshot, err, err_len);
            ui_gfx_close(g);
        }
    }
    free(g);
    free(l);
    free(sc);
    return ok;
}

int ui_join_main(const cli_options *opts)
{
    char err[UI_ERR_LEN] = "";
    if (opts->screenshot[0] && opts->screen == CLI_SCREEN_ROLES) {
        int w = opts->width > 0 ? opts->width : 1920;
        int h = opts->height > 0 ? opts->height : 1080;
        if (!roles_screenshot(opts, w, h, err, sizeof err)) {
            fprintf(stderr, "samenspel join: %s\n", err);
            return 1;
        }
        return 0;
    }
    if (opts->screenshot[0]) {
        int w = opts->width > 0 ? opts->width : 1920;
        int h = opts->height > 0 ? opts->height : 1080;
        /* The player screenshot plays the bundled level locally: the
         * screens are the same ones a connected player sees. */
        if (!ui_scene_screenshot(NULL, scene_for(opts->screen), w, h, opts->font,
                                 opts->screenshot, err, sizeof err)) {
            fprintf(stderr, "samenspel join: %s\n", err);
            return 1;
        }
        return 0;
    }
    player_app *a = player_app_open(opts, false, err, sizeof err);
    if (!a) {
        fprintf(stderr, "samenspel join: %s\n", err);
        return 1;
    }
    while (player_app_step(a, 40)) {
    }
    player_app_close(a);
    SDL_Quit();
    return 0;
}
