/* Scripted UI test of the join flow on a level with its own roles (Amira:
 * six roles, among them the level-defined leerlingbegeleider): the player
 * window, driven by synthetic SDL events next to an in-process host, shows
 * the game's roles with their state, drops a --role the level does not
 * have with a readable note, loses a race for a role to a quicker seat and
 * says so, goes back to the form and returns, and finally sits down as the
 * leerlingbegeleider. The picker is drawn at 1280x720 and 1920x1080 without
 * overflow; its frames are written next to the test for a look. A second
 * test walks the picker with the arrow keys on every bundled level and on an
 * 8-seat scenario, at both sizes, and checks that nothing overflows. */
#include "fixture.h"
#include "synth_input.h"
#include "ui_rig.h"
#include "platform/plat.h"
#include "ui/player_app.h"

#include "host/host.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ui_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    host *h;
    player_app *app;
    cli *other; /* another participant, headless */
    cli_options co; /* the player's (rig_open) */
} rig;

static void pump(rig *r, int steps)
{
    for (int i = 0; i < steps; i++) {
        host_pump(r->h, 0);
        if (r->other)
            cli_pump(r->other, 0);
        player_app_step(r->app, 2);
    }
}

/* A click where the last frame drew the region (id, arg). */
static bool click(rig *r, int id, int arg)
{
    int x = 0, y = 0, tries = 0;
    while (!player_app_find(r->app, id, arg, &x, &y) && ++tries < 200)
        pump(r, 1);
    if (tries >= 200)
        return false;
    synth_click(x, y);
    pump(r, 3);
    return true;
}

static bool region_shown(rig *r, int id, int arg)
{
    int x = 0, y = 0;
    return player_app_find(r->app, id, arg, &x, &y);
}

static void type_text(rig *r, const char *s)
{
    synth_text(s);
    pump(r, 2);
}

static bool wait_picking(rig *r)
{
    for (int k = 0; k < 600 && !player_app_picking(r->app); k++)
        pump(r, 1);
    pump(r, 2); /* the LOBBY after WELCOME is drawn */
    return player_app_picking(r->app);
}

static int seat_of_role(host *h, const char *role_id)
{
    host_seat_info si;
    for (int s = 0; s < host_seat_count(h); s++)
        if (host_seat_info_get(h, s, &si) && strcmp(si.role_id, role_id) == 0)
            return s;
    return -1;
}

/* The current frame of the picker, checked for overflow and written out. */
static void check_frame(rig *r, const char *name)
{
    ui_gfx *g = player_app_gfx(r->app);
    char path[256], err[256] = "";
    snprintf(path, sizeof path, "join-%s-%dx%d.png", name, g->w, g->h);
    if (g->overflows)
        fprintf(stderr, "%s: %d overflow(s), first: %s\n", path, g->overflows,
                g->overflow_notes[0]);
    assert_int_equal(g->overflows, 0);
    if (!ui_gfx_save_png(g, path, err, sizeof err))
        fprintf(stderr, "cannot write %s: %s\n", path, err);
}

/* A rig whose host plays a bundled level (level: "levels/x.yaml") or a
 * scenario, with the player's options to join it with code; no player
 * window yet (rig_open). */
static rig rig_start(const char *level, const core_scenario *sc, const char *code)
{
    rig r;
    memset(&r, 0, sizeof r);
    host_options *ho = calloc(1, sizeof *ho);
    assert_non_null(ho);
    ui_rig_host_options(ho, "AMRA", 11);
    if (level)
        assert_true(plat_data_path(level, ho->level_path, sizeof ho->level_path));
    r.h = ui_rig_host_start(ho, sc, 45000);
    free(ho);
    ui_rig_join_options(&r.co, r.h, code);
    return r;
}

/* The player window (offscreen) with the rig's options. */
static void rig_open(rig *r)
{
    char err[512] = "";
    r->app = player_app_open(&r->co, true, err, sizeof err);
    if (!r->app)
        fail_msg("player window: %s", err);
}

static void run_join(int w, int h_px)
{
    rig r = rig_start("levels/amira.yaml", NULL, "AMRA");
    int lb = seat_of_role(r.h, "leerlingbegeleider");
    int jh = seat_of_role(r.h, "vervolgschoolcoach");
    int teacher = seat_of_role(r.h, "leraar");
    assert_true(lb >= 0 && jh >= 0 && teacher >= 0);
    /* a bot already plays the teacher */
    assert_true(host_seat_bot(r.h, teacher, CORE_BOT_TEAM));

    /* a role from the shared roles file that this level does not play */
    snprintf(r.co.role, sizeof r.co.role, "directie");
    r.co.width = w;
    r.co.height = h_px;
    rig_open(&r);

    /* the form: a name, then on to the roles */
    assert_true(click(&r, UI_ID_FIELD, 2));
    type_text(&r, "Mira");
    pump(&r, 2);
    check_frame(&r, "form");
    assert_true(click(&r, UI_ID_SUBMIT, 0));
    assert_true(wait_picking(&r));
    assert_null(player_app_session(r.app));
    /* the unknown --role is dropped with a note that names it */
    assert_non_null(strstr(player_app_notice(r.app), "directie"));
    /* nothing chosen yet: the join button is not a click region */
    assert_false(region_shown(&r, UI_ID_SUBMIT, -1));
    check_frame(&r, "roles");

    /* every seat of the level is listed; the bot's seat cannot be taken */
    int n = host_seat_count(r.h);
    assert_int_equal(n, 7);
    for (int s = 0; s < n; s++)
        assert_true(region_shown(&r, PLAYER_ID_ROLE, s) == (s != teacher));

    /* the arrow keys walk the free seats (the bot's seat is skipped) */
    synth_key(SDLK_DOWN);
    pump(&r, 3);
    assert_true(region_shown(&r, UI_ID_SUBMIT, -1));
    synth_key(SDLK_UP);
    pump(&r, 3);
    assert_true(region_shown(&r, UI_ID_SUBMIT, -1));

    /* pick the vervolgschoolcoach; someone quicker takes it before the host reads our
     * HELLO: the host refuses, the picker says so in words */
    assert_true(click(&r, PLAYER_ID_ROLE, jh));
    check_frame(&r, "picked");
    int x = 0, y = 0;
    assert_true(player_app_find(r.app, UI_ID_SUBMIT, -1, &x, &y));
    synth_click(x, y);
    for (int i = 0; i < 3; i++)
        player_app_step(r.app, 2); /* the click connects; the host has not run */
    assert_non_null(player_app_session(r.app));
    assert_true(host_seat_bot(r.h, jh, CORE_BOT_TEAM));
    for (int k = 0; k < 600 && player_app_session(r.app); k++)
        pump(&r, 1);
    assert_null(player_app_session(r.app));
    assert_true(wait_picking(&r));
    const char *note = player_app_notice(r.app);
    fprintf(stderr, "refusal shown: %s\n", note);
    assert_non_null(strstr(note, "Vervolgschoolcoach"));
    assert_false(region_shown(&r, PLAYER_ID_ROLE, jh));
    check_frame(&r, "refused");

    /* back to the form and in again: the picker comes back */
    assert_true(click(&r, UI_ID_BACK, 0));
    assert_false(player_app_picking(r.app));
    assert_true(click(&r, UI_ID_SUBMIT, 0));
    assert_true(wait_picking(&r));

    /* the level's own role: leerlingbegeleider */
    assert_true(click(&r, PLAYER_ID_ROLE, lb));
    assert_true(click(&r, UI_ID_SUBMIT, 0));
    uint64_t deadline = plat_now_ms() + 15000;
    const core_seat_view *v = NULL;
    while (plat_now_ms() < deadline && !(v = cli_seat_view(player_app_session(r.app))))
        pump(&r, 1);
    assert_non_null(v);
    assert_int_equal(cli_seat(player_app_session(r.app)), lb);
    const core_scenario *sc = cli_scenario(player_app_session(r.app));
    assert_string_equal(sc->roles[v->role].id, "leerlingbegeleider");
    host_seat_info si;
    assert_true(host_seat_info_get(r.h, lb, &si));
    assert_true(si.taken && si.connected && !si.bot);
    assert_string_equal(si.name, "Mira");
    assert_false(player_app_picking(r.app));
    /* the player screen is up, and the look at the roles has closed */
    for (int k = 0; k < 200 && host_observer_count(r.h) > 0; k++)
        pump(&r, 1);
    assert_int_equal(host_observer_count(r.h), 0);
    pump(&r, 2);
    assert_false(region_shown(&r, UI_ID_FIELD, -1));
    assert_false(region_shown(&r, PLAYER_ID_ROLE, -1));
    assert_false(region_shown(&r, UI_ID_BACK, -1));

    player_app_close(r.app);
    host_destroy(r.h);
}

/* Walks every free seat with the Down key, then the two other choices;
 * every frame must fit. */
static void walk_picker(const char *level, const core_scenario *sc, int w, int h_px,
                        const char *shot)
{
    rig r = rig_start(level, sc, "AMRA");
    r.co.width = w;
    r.co.height = h_px;
    rig_open(&r);
    assert_true(click(&r, UI_ID_FIELD, 2));
    type_text(&r, "Marie-Christine");
    assert_true(click(&r, UI_ID_SUBMIT, 0));
    assert_true(wait_picking(&r));
    int n = host_seat_count(r.h);
    /* one seat taken by a person with a long name, one by a bot */
    cli_options oo = r.co;
    snprintf(oo.name, sizeof oo.name, "Anne-Marie Vandenbroucke");
    char err[512] = "";
    r.other = cli_create(&oo, NULL, err, sizeof err);
    assert_non_null(r.other);
    assert_true(host_seat_bot(r.h, n - 1, CORE_BOT_TEAM));
    for (int k = 0; k < 400 && cli_seat(r.other) < 0; k++)
        pump(&r, 1);
    assert_true(cli_seat(r.other) >= 0);
    if (sc) {
        /* the 8-seat game is already under way: the picker says so */
        assert_true(host_start(r.h, err, sizeof err));
    }
    pump(&r, 5);
    char role_shot[64];
    snprintf(role_shot, sizeof role_shot, "%s-role", shot);
    for (int s = 0; s < n; s++) {
        synth_key(SDLK_DOWN);
        pump(&r, 3);
        check_frame(&r, s == 0 ? role_shot : shot);
    }
    assert_true(click(&r, PLAYER_ID_ANY_SEAT, 0));
    check_frame(&r, shot);
    assert_true(click(&r, PLAYER_ID_OBSERVE, 0));
    check_frame(&r, shot);
    player_app_close(r.app);
    cli_destroy(r.other);
    host_destroy(r.h);
}

static void test_picker_fits_everywhere(void **state)
{
    (void)state;
    static const char *const levels[] = {"levels/noor.yaml", "levels/jonas.yaml",
                                         "levels/amira.yaml"};
    static const char *const shots[] = {"walk-noor", "walk-jonas", "walk-amira"};
    ui_fixture *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    assert_true(ui_fixture_build(fx, "table8"));
    /* the golden fixture draws screens only; a host also needs the rules */
    core_rules_default(&fx->sc.rules);
    /* the longest texts a level may give a role (399 bytes each) */
    for (int r = 0; r < fx->sc.n_roles; r++) {
        char *d = fx->sc.roles[r].description, *l = fx->sc.roles[r].limits_text;
        d[0] = l[0] = 0;
        while (strlen(d) + 40 < CORE_TEXT_LEN)
            strcat(d, "Werkt samen met het team en de ouders. ");
        while (strlen(l) + 40 < CORE_TEXT_LEN)
            strcat(l, "Heeft weinig tijd voor één leerling. ");
    }
    char why[256] = "";
    if (!core_scenario_validate(&fx->sc, why, sizeof why))
        fail_msg("8-seat fixture: %s", why);
    for (int lang = 0; lang < 2; lang++) {
        plat_i18n_init(lang ? "en" : "nl");
        int w = lang ? 1920 : 1280, h = lang ? 1080 : 720;
        for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
            walk_picker(levels[i], NULL, w, h, shots[i]);
        walk_picker(NULL, &fx->sc, w, h, "walk-8");
    }
    plat_i18n_init("nl");
    free(fx);
}

/* A wrong room code is refused by the host before any role is shown; the
 * form says what to do in words. */
static void test_wrong_code(void **state)
{
    (void)state;
    rig r = rig_start("levels/noor.yaml", NULL, "ZZZZ");
    rig_open(&r);
    assert_true(click(&r, UI_ID_FIELD, 2));
    type_text(&r, "Jan");
    assert_true(click(&r, UI_ID_SUBMIT, 0));
    for (int k = 0; k < 600 && !player_app_notice(r.app)[0]; k++)
        pump(&r, 1);
    fprintf(stderr, "refusal shown: %s\n", player_app_notice(r.app));
    assert_non_null(strstr(player_app_notice(r.app), "code klopt niet"));
    assert_false(player_app_picking(r.app));
    assert_null(player_app_session(r.app));
    pump(&r, 2);
    assert_true(region_shown(&r, UI_ID_FIELD, 1)); /* back in the form, code field ready */
    check_frame(&r, "wrong-code");
    player_app_close(r.app);
    host_destroy(r.h);
}

/* join --host H --code X --name Y without --role: the picker, not the
 * first free seat. The name came from the command line, so no form; no
 * seat is taken until a role is chosen, and choosing one seats the player
 * in exactly that role. */
static void test_join_without_role_picks(void **state)
{
    (void)state;
    rig r = rig_start("levels/noor.yaml", NULL, "AMRA");
    snprintf(r.co.name, sizeof r.co.name, "Piet");
    rig_open(&r);
    assert_true(wait_picking(&r));
    pump(&r, 20);
    assert_true(player_app_picking(r.app));
    assert_null(player_app_session(r.app));
    host_seat_info si;
    for (int s = 0; s < host_seat_count(r.h); s++) {
        assert_true(host_seat_info_get(r.h, s, &si));
        assert_false(si.taken);
    }
    /* the last role in the picker, not the first free one */
    int last = host_seat_count(r.h) - 1;
    assert_true(host_seat_info_get(r.h, last, &si));
    char want[64];
    snprintf(want, sizeof want, "%s", si.role_id);
    assert_true(click(&r, PLAYER_ID_ROLE, last));
    assert_true(click(&r, UI_ID_SUBMIT, 0));
    int seat = -1;
    for (int k = 0; k < 600 && seat < 0; k++) {
        pump(&r, 1);
        seat = seat_of_role(r.h, want);
        if (seat >= 0 && !(host_seat_info_get(r.h, seat, &si) && si.taken))
            seat = -1;
    }
    assert_int_equal(seat, last);
    assert_string_equal(si.name, "Piet");
    player_app_close(r.app);
    host_destroy(r.h);
}

static void test_join_roles_720(void **state)
{
    (void)state;
    run_join(1280, 720);
}

/* in English: the translated picker fits as well */
static void test_join_roles_1080_en(void **state)
{
    (void)state;
    plat_i18n_init("en");
    run_join(1920, 1080);
    plat_i18n_init("nl");
}

TS_MAIN(ui_group_nl, ui_group_quit,
        cmocka_unit_test(test_join_roles_720),
        cmocka_unit_test(test_join_roles_1080_en),
        cmocka_unit_test(test_picker_fits_everywhere),
        cmocka_unit_test_setup(test_wrong_code, ui_group_nl),
        cmocka_unit_test_setup(test_join_without_role_picks, ui_group_nl))
