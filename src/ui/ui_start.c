/* ui/ui_start: `samenspel` without a subcommand (and the desktop icon):
 * host a game on a chosen level, join a game, or check a level file. */
#include "ui/ui.h"

#include "level/level.h"
#include "platform/i18n.h"
#include "ui/levels.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { CHOICE_NONE = 0, CHOICE_HOST, CHOICE_JOIN, CHOICE_QUIT } start_choice;

typedef struct {
    ui_gfx g;
    ui_level_list levels;
    int picked;                 /* level index */
    char check_result[1024];
    bool check_ok;
    bool dirty;
    start_choice choice;
    bool notes;                 /* the picked casus's trainer notes are open */
    core_scenario *notes_sc;    /* the casus they were read from (heap), or NULL */
} start_win;

static void run_check(start_win *s)
{
    if (s->picked < 0 || s->picked >= s->levels.n)
        return;
    core_scenario *sc = malloc(sizeof *sc);
    lvl_diags *d = calloc(1, sizeof *d);
    if (!sc || !d) {
        free(sc);
        free(d);
        return;
    }
    bool ok = lvl_load_file(s->levels.items[s->picked].path, sc, d);
    s->check_ok = ok;
    if (ok && d->n_warnings == 0) {
        snprintf(s->check_result, sizeof s->check_result, _("✓ %s is in orde: %d rollen, %d noden."),
                 s->levels.items[s->picked].name, sc->n_seats, sc->n_needs);
    } else if (d->n > 0) {
        snprintf(s->check_result, sizeof s->check_result, _("%s: %d fouten, %d waarschuwingen. "
                                                            "Eerste, regel %d: %s"),
                 s->levels.items[s->picked].name, d->n_errors, d->n_warnings, d->items[0].line,
                 d->items[0].message);
    } else {
        snprintf(s->check_result, sizeof s->check_result, _("%s kan niet laden."),
                 s->levels.items[s->picked].name);
    }
    free(sc);
    free(d);
}

/* One titled list of the trainer notes; returns the y below it. */
static int notes_list(ui_gfx *g, const char *title, const char (*items)[CORE_TEXT_LEN],
                      const core_building_block *blocks, int n, SDL_Rect c, int y, int px)
{
    static const char *const block_names[CORE_BLOCK_COUNT] = {N_("Identiteit"), N_("Netwerk"),
                                                              N_("Organisatie"), N_("Verbinding")};
    if (n <= 0 || y >= c.y + c.h)
        return y;
    ui_text(g, title, c.x, y, px, px, UI_BOLD, UI_ACCENT, UI_LEFT, c.w);
    y += px * 14 / 10;
    for (int i = 0; i < n && i < CORE_MAX_NOTE_ITEMS; i++) {
        char line[CORE_TEXT_LEN + 64];
        if (blocks && blocks[i] >= 0 && blocks[i] < CORE_BLOCK_COUNT)
            snprintf(line, sizeof line, "• %s: %s", _(block_names[blocks[i]]), items[i]);
        else
            snprintf(line, sizeof line, "• %s", items[i]);
        int h = ui_text_box_height(g, line, c.w, px, UI_REGULAR);
        if (y + h > c.y + c.h)
            h = c.y + c.h - y;
        if (h <= 0)
            break;
        y += ui_text_box(g, line, (SDL_Rect){c.x, y, c.w, h}, px, px * 8 / 10, UI_REGULAR, UI_INK,
                         UI_LEFT) + ui_px(g, 6);
    }
    return y + ui_px(g, 10);
}

/* The picked casus's trainer notes, over the window: for the trainer only
 * (they never go to players). */
static void draw_notes(start_win *s)
{
    ui_gfx *g = &s->g;
    SDL_Rect r = ui_r(g, 48, 130, 1824, 920);
    ui_panel(g, r);
    ui_hit_add(g, r, UI_ID_CLOSE_OVERLAY, 0);
    int pad = ui_px(g, 28), px = ui_body_min(g);
    SDL_Rect c = {r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad};
    const core_scenario *sc = s->notes_sc;
    char title[CORE_TITLE_LEN + 64];
    snprintf(title, sizeof title, _("Notities voor de trainer · %s (Esc sluit)"),
             sc ? sc->title : "");
    ui_text(g, title, c.x, c.y, px * 12 / 10, px, UI_BOLD, UI_INK, UI_LEFT, c.w);
    int y = c.y + px * 2;
    const core_trainer_notes *n = sc ? &sc->notes : NULL;
    if (!n || (n->n_goals == 0 && n->n_moments == 0 && !n->timing[0] && n->n_prompts == 0 &&
               !n->care[0])) {
        ui_text_box(g, _("Deze casus heeft geen notities voor de trainer (sectie ‘trainer’ in het "
                         "bestand)."),
                    (SDL_Rect){c.x, y, c.w, px * 4}, px, px, UI_REGULAR, UI_INK_SOFT, UI_LEFT);
        return;
    }
    /* two columns: what to aim for and watch; how to talk about it */
    SDL_Rect left = {c.x, y, c.w / 2 - pad / 2, c.y + c.h - y};
    SDL_Rect right = {c.x + c.w / 2 + pad / 2, y, c.w / 2 - pad / 2, c.y + c.h - y};
    int yl = notes_list(g, _("Leerdoelen"), n->goals, n->goal_blocks, n->n_goals, left, left.y, px);
    yl = notes_list(g, _("Momenten om op te letten"), n->moments, NULL, n->n_moments, left, yl, px);
    int yr = right.y;
    if (n->timing[0]) {
        char t[CORE_TEXT_LEN + 32];
        snprintf(t, sizeof t, _("Timing: %s"), n->timing);
        yr += ui_text_box(g, t, (SDL_Rect){right.x, yr, right.w, px * 4}, px, px * 8 / 10,
                          UI_REGULAR, UI_INK, UI_LEFT) + ui_px(g, 16);
    }
    yr = notes_list(g, _("Vragen voor de nabespreking"), n->prompts, NULL, n->n_prompts, right, yr,
                    px);
    if (n->care[0] && yr < right.y + right.h) {
        ui_text(g, _("Gevoelige inhoud"), right.x, yr, px, px, UI_BOLD, UI_WARN, UI_LEFT, right.w);
        yr += px * 14 / 10;
        ui_text_box(g, n->care, (SDL_Rect){right.x, yr, right.w, right.y + right.h - yr}, px,
                    px * 8 / 10, UI_REGULAR, UI_INK, UI_LEFT);
    }
    (void)yl;
}

static void open_notes(start_win *s)
{
    if (s->picked < 0 || s->picked >= s->levels.n)
        return;
    if (!s->notes_sc)
        s->notes_sc = malloc(sizeof *s->notes_sc);
    lvl_diags *d = calloc(1, sizeof *d);
    bool ok = s->notes_sc && d && lvl_load_file(s->levels.items[s->picked].path, s->notes_sc, d);
    free(d);
    if (!ok && s->notes_sc)
        memset(s->notes_sc, 0, sizeof *s->notes_sc);
    s->notes = s->notes_sc != NULL;
}

static void draw(start_win *s)
{
    ui_gfx *g = &s->g;
    ui_gfx_begin(g);
    ui_draw_background(g);
    SDL_Rect bar = {0, 0, g->w, ui_r(g, 0, 0, 1920, 110).y + ui_px(g, 110)};
    ui_fill(g, bar, UI_ACCENT);
    int h1 = ui_font_px(g, 52), body = ui_font_px(g, 28);
    SDL_Rect t = ui_r(g, 48, 24, 1800, 70);
    ui_text(g, "Samenspel", t.x, t.y, h1, body, UI_BOLD, UI_WHITE, UI_LEFT, t.w / 3);
    ui_text(g, _("samen rond één leerling"), t.x + t.w, t.y + ui_px(g, 16), body, body * 8 / 10,
            UI_REGULAR, UI_WHITE, UI_RIGHT, t.w * 6 / 10);

    SDL_Rect list = ui_r(g, 48, 150, 1100, 880);
    ui_panel(g, list);
    int pad = ui_px(g, 28);
    ui_text(g, _("Kies een casus"), list.x + pad, list.y + pad, body, body, UI_BOLD, UI_ACCENT,
            UI_LEFT, list.w - 2 * pad);
    int y = list.y + pad + body * 16 / 10;
    int bh = body * 2;
    for (int i = 0; i < s->levels.n; i++) {
        if (y + bh > list.y + list.h - pad)
            break;
        const ui_level_entry *le = &s->levels.items[i];
        char lbl[400];
        if (le->loads)
            snprintf(lbl, sizeof lbl, _("%s · %d rollen · %d rondes%s"), le->title, le->seats,
                     le->rounds, le->own ? _(" (eigen casus)") : "");
        else
            snprintf(lbl, sizeof lbl, _("%s · laadt niet: kies ‘Casus controleren’"), le->name);
        ui_button(g, (SDL_Rect){list.x + pad, y, list.w - 2 * pad, bh}, lbl, body,
                  s->picked == i, true, UI_ID_LEVEL_PICK, i);
        y += bh + ui_px(g, 10);
    }
    if (s->levels.n == 0)
        ui_text_box(g, _("Geen casussen gevonden. Zet SAMENSPEL_DATA_DIR op de map met levels/."),
                    (SDL_Rect){list.x + pad, y, list.w - 2 * pad, body * 4}, body, body,
                    UI_REGULAR, UI_ALARM, UI_LEFT);

    SDL_Rect act = ui_r(g, 1188, 150, 684, 880);
    ui_panel(g, act);
    int x = act.x + pad, w = act.w - 2 * pad;
    y = act.y + pad;
    int big = body * 3;
    ui_button(g, (SDL_Rect){x, y, w, big}, _("Een spel hosten (Enter)"), body, true, s->picked >= 0,
              UI_ID_START_HOST, 0);
    y += big + ui_px(g, 12);
    ui_text_box(g, _("De projector toont de tafel; spelers doen mee vanaf hun laptop."),
                (SDL_Rect){x, y, w, body * 3}, body * 9 / 10, body * 8 / 10, UI_REGULAR,
                UI_INK_SOFT, UI_LEFT);
    y += body * 3 + ui_px(g, 20);
    ui_button(g, (SDL_Rect){x, y, w, big}, _("Meedoen met een spel (J)"), body, false, true,
              UI_ID_START_JOIN, 0);
    y += big + ui_px(g, 32);
    ui_button(g, (SDL_Rect){x, y, w, big}, _("Casus controleren (C)"), body, false, s->picked >= 0,
              UI_ID_START_CHECK, 0);
    y += big + ui_px(g, 16);
    ui_button(g, (SDL_Rect){x, y, w, big * 8 / 10}, _("Notities voor de trainer (N)"), body, false,
              s->picked >= 0, UI_ID_HELP, 0);
    y += big * 8 / 10 + ui_px(g, 16);
    if (s->check_result[0])
        ui_text_box(g, s->check_result, (SDL_Rect){x, y, w, act.y + act.h - pad - y},
                    body * 9 / 10, body * 7 / 10, UI_REGULAR, s->check_ok ? UI_GOOD : UI_ALARM,
                    UI_LEFT);
    if (s->notes)
        draw_notes(s);
    if (g->win)
        SDL_RenderPresent(g->ren);
    s->dirty = false;
    /* tests and tools/bench/ui.sh: open, present one frame, close */
    if (getenv("SAMENSPEL_EXIT_AFTER_FIRST_FRAME"))
        s->choice = CHOICE_QUIT;
}

static void click(start_win *s, int id, int arg)
{
    switch (id) {
    case UI_ID_LEVEL_PICK:
        s->picked = arg;
        s->check_result[0] = 0;
        break;
    case UI_ID_START_HOST: s->choice = CHOICE_HOST; break;
    case UI_ID_START_JOIN: s->choice = CHOICE_JOIN; break;
    case UI_ID_START_CHECK: run_check(s); break;
    case UI_ID_HELP: open_notes(s); break;
    case UI_ID_CLOSE_OVERLAY: s->notes = false; break;
    default: break;
    }
    s->dirty = true;
}

/* The start window from the keyboard alone: arrows pick a level, Enter
 * hosts it, J joins a game, C checks the level, Escape quits. */
static void start_key(start_win *s, SDL_Keycode k)
{
    if (s->notes) {
        /* the notes are open: any key closes them */
        s->notes = false;
        s->dirty = true;
        return;
    }
    switch (k) {
    case SDLK_ESCAPE: s->choice = CHOICE_QUIT; break;
    case SDLK_n:
        if (s->picked >= 0)
            click(s, UI_ID_HELP, 0);
        break;
    case SDLK_UP:
        if (s->picked > 0)
            click(s, UI_ID_LEVEL_PICK, s->picked - 1);
        break;
    case SDLK_DOWN:
        if (s->picked + 1 < s->levels.n)
            click(s, UI_ID_LEVEL_PICK, s->picked + 1);
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (s->picked >= 0)
            click(s, UI_ID_START_HOST, 0);
        break;
    case SDLK_j: click(s, UI_ID_START_JOIN, 0); break;
    case SDLK_c:
        if (s->picked >= 0)
            click(s, UI_ID_START_CHECK, 0);
        break;
    default: break;
    }
}

int ui_start_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    start_win *s = calloc(1, sizeof *s);
    if (!s)
        return 1;
    char err[UI_ERR_LEN] = "";
    if (!ui_gfx_open(&s->g, "Samenspel", 1280, 720, false, NULL, err, sizeof err)) {
        fprintf(stderr, "samenspel: %s\n", err);
        fprintf(stderr, "%s", _("Zonder scherm: samenspel host --headless of samenspel --help.\n"));
        free(s);
        return 1;
    }
    ui_levels_scan(&s->levels);
    s->picked = s->levels.n > 0 ? 0 : -1;
    s->dirty = true;
    while (s->choice == CHOICE_NONE) {
        if (s->dirty)
            draw(s);
        SDL_Event e;
        if (!ui_wait_event(&e, 500))
            continue;
        do {
            if (e.type == SDL_QUIT)
                s->choice = CHOICE_QUIT;
            else if (e.type == SDL_WINDOWEVENT)
                s->dirty = true;
            else if (e.type == SDL_MOUSEMOTION) {
                const ui_hit *b = ui_hit_at(&s->g, s->g.mouse_x, s->g.mouse_y);
                s->g.mouse_x = e.motion.x;
                s->g.mouse_y = e.motion.y;
                if (b != ui_hit_at(&s->g, e.motion.x, e.motion.y))
                    s->dirty = true;
            } else if (e.type == SDL_MOUSEBUTTONUP && e.button.button == SDL_BUTTON_LEFT) {
                const ui_hit *h = ui_hit_at(&s->g, e.button.x, e.button.y);
                if (h)
                    click(s, h->id, h->arg);
            } else if (e.type == SDL_KEYDOWN) {
                start_key(s, e.key.keysym.sym);
            }
        } while (SDL_PollEvent(&e));
    }
    start_choice choice = s->choice;
    char level[1100] = "";
    if (s->picked >= 0 && s->picked < s->levels.n)
        snprintf(level, sizeof level, "%s", s->levels.items[s->picked].path);
    ui_gfx_close(&s->g);
    free(s->notes_sc);
    free(s);
    if (choice == CHOICE_HOST) {
        host_options o;
        host_options_default(&o);
        /* A level path longer than the host's buffer cannot be loaded: say so. */
        if ((size_t)snprintf(o.level_path, sizeof o.level_path, "%s", level) >= sizeof o.level_path) {
            fprintf(stderr, _("samenspel: het pad van de casus is te lang: %s\n"), level);
            return 2;
        }
        return ui_host_main(&o);
    }
    if (choice == CHOICE_JOIN) {
        cli_options o;
        cli_options_default(&o);
        return ui_join_main(&o);
    }
    SDL_Quit();
    return 0;
}
