/* ui/gfx: fonts, the text cache, overflow accounting, PNG round trip. */
#include "fixture.h"
#include "platform/plat.h"
#include "ui/gfx.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "ui_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ui_fixture fx;

/* Per-test fixture: *state names a size {w, h}; the test gets a ui_gfx of
 * that size opened offscreen, and it is closed after the test. */
static int gfx_setup(void **state)
{
    const int *size = *state;
    ui_gfx *g = calloc(1, sizeof *g);
    if (!g || !ui_fixture_gfx(g, "t", size[0], size[1])) {
        free(g);
        return -1;
    }
    *state = g;
    return 0;
}

static int gfx_teardown(void **state)
{
    ui_gfx_close(*state);
    free(*state);
    return 0;
}

static int gfx_640[] = {640, 360}, gfx_1280[] = {1280, 720}, gfx_1920[] = {1920, 1080};

static void test_font_found(void **state)
{
    (void)state;
    char reg[1024], bold[1024], err[512] = "";
    bool fake = true;
    assert_true(ui_font_find(NULL, reg, bold, &fake, err, sizeof err));
    assert_non_null(strstr(reg, "DejaVuSans"));
    assert_non_null(strstr(bold, "Bold"));
    assert_false(fake);
}

static void test_font_override_missing(void **state)
{
    (void)state;
    char reg[1024], bold[1024], err[512] = "";
    bool fake = false;
    assert_false(ui_font_find("/nonexistent/font.ttf", reg, bold, &fake, err, sizeof err));
    /* the message names the option that fixes it */
    assert_non_null(strstr(err, "--font"));
}

static void test_bad_size_refused(void **state)
{
    (void)state;
    ui_gfx g;
    char err[512] = "";
    assert_false(ui_gfx_open(&g, "t", 10, 10, true, NULL, err, sizeof err));
    assert_true(strlen(err) > 10);
}

/* A steady-state frame renders no text: every string comes from the cache. */
static void test_steady_frame_renders_nothing(void **state)
{
    ui_gfx *g = *state;
    assert_true(ui_fixture_build(&fx, "table8"));
    assert_true(ui_fixture_draw(g, &fx, "table8"));
    uint64_t first = g->ttf_renders;
    assert_true(first > 20);
    assert_true(ui_fixture_draw(g, &fx, "table8"));
    assert_int_equal(g->ttf_renders, first);
    /* a language switch empties the cache: the next frame renders again */
    ui_gfx_flush_text(g);
    assert_true(ui_fixture_draw(g, &fx, "table8"));
    assert_true(g->ttf_renders > first);
}

static void test_overflow_counted(void **state)
{
    ui_gfx *g = *state;
    ui_gfx_begin(g);
    /* a box that holds a line: the words that fit end in "…", and the
     * whole text is kept for the tooltip */
    SDL_Rect small = {10, 10, 200, 24};
    ui_text_box(g, "Dit is veel te lange tekst voor zo’n klein vak, zelfs verkleind.", small, 20,
                16, UI_REGULAR, UI_INK, UI_LEFT);
    assert_int_equal(g->overflows, 0);
    assert_int_equal(g->ellipsized, 1);
    assert_int_equal(g->n_tips, 1);
    assert_non_null(strstr(g->tips[0].text, "zelfs verkleind."));
    g->mouse_x = 20;
    g->mouse_y = 20;
    assert_true(ui_draw_tooltip(g, -1, -1));
    assert_false(ui_draw_tooltip(g, 600, 300));
    /* not even one line fits: an overflow */
    SDL_Rect tiny = {10, 10, 60, 6};
    ui_text_box(g, "Dit is veel te lange tekst voor zo’n klein vak, zelfs verkleind.", tiny, 20,
                16, UI_REGULAR, UI_INK, UI_LEFT);
    assert_int_equal(g->overflows, 1);
    assert_non_null(strstr(g->overflow_notes[0], "klein vak"));
    SDL_Rect roomy = {10, 40, 600, 100};
    ui_text_box(g, "Past wel: één regel met diakritische tekens en ‘aanhalingstekens’.", roomy,
                20, 16, UI_REGULAR, UI_INK, UI_LEFT);
    assert_int_equal(g->overflows, 1);
    /* a too-wide line shrinks to fit before it counts as overflow */
    int w = ui_text(g, "Leerondersteuner", 10, 150, 30, 10, UI_BOLD, UI_INK, UI_LEFT, 120);
    assert_true(w <= 120);
    assert_int_equal(g->overflows, 1);
}

/* A long Dutch compound in a narrow card is hyphenated where a syllable
 * starts, never split mid-word by the wrapper: every line fits and every
 * broken word ends in a hyphen. */
static void test_long_word_hyphenated(void **state)
{
    ui_gfx *g = *state;
    ui_gfx_begin(g);
    const char *title = "Gedifferentieerde instructie";
    char out[256];
    int w = 150;
    ui_hyphenate(g, title, 22, UI_BOLD, w, out, sizeof out);
    assert_non_null(strstr(out, "-\n"));
    assert_non_null(strstr(out, "instructie"));
    /* the pieces are the word again */
    char joined[256] = "";
    for (const char *p = out; *p; p++)
        if (!(p[0] == '-' && p[1] == '\n') && !(p > out && p[-1] == '-' && p[0] == '\n'))
            strncat(joined, p, 1);
    assert_string_equal(joined, title);
    char line[256];
    for (const char *p = out; *p;) {
        size_t n = strcspn(p, "\n");
        snprintf(line, sizeof line, "%.*s", (int)n, p);
        int lw = 0, lh = 0;
        ui_text_size(g, line, 22, UI_BOLD, &lw, &lh);
        if (!strchr(line, ' '))
            assert_true(lw <= w);
        p += n + (p[n] ? 1 : 0);
    }
    /* a single line too wide even at its smallest size ends in "…" */
    int lw = ui_text(g, "trekker bot (Leerondersteuner)", 0, 200, 22, 20, UI_REGULAR, UI_INK,
                     UI_LEFT, 160);
    assert_true(lw <= 160);
    assert_int_equal(g->ellipsized, 1);
    /* the box itself draws it without an overflow */
    ui_text_box(g, title, (SDL_Rect){0, 0, w, 120}, 22, 18, UI_BOLD, UI_INK, UI_LEFT);
    assert_int_equal(g->overflows, 0);
}

/* Every break ui_hyphenate puts in `word`, at every width between its
 * widest syllable and the whole word, is one of the syllable breaks of
 * `syllables` (the word with "-" between its syllables). */
static void assert_breaks_at_syllables(ui_gfx *g, const char *syllables)
{
    char word[64] = "", part[64];
    bool allowed[64] = {false};
    int widest = 0;
    for (const char *p = syllables; *p;) {
        size_t n = strcspn(p, "-");
        /* measured as hyphen_cut does, with the line end (a glyph in SDL_ttf) */
        snprintf(part, sizeof part, "%.*s-\n", (int)n, p);
        int pw = 0, ph = 0;
        ui_text_size(g, part, 22, UI_BOLD, &pw, &ph);
        widest = pw > widest ? pw : widest;
        strncat(word, p, n);
        allowed[strlen(word)] = true;
        p += n + (p[n] == '-' ? 1 : 0);
    }
    int ww = 0, wh = 0;
    ui_text_size(g, word, 22, UI_BOLD, &ww, &wh);
    for (int w = widest + 2; w < ww; w++) {
        char out[256];
        ui_hyphenate(g, word, 22, UI_BOLD, w, out, sizeof out);
        size_t at = 0;
        for (const char *p = out; *p; p++) {
            if (p[0] == '-' && p[1] == '\n') {
                if (!allowed[at])
                    fail_msg("%s at %d px: \"%s\" breaks after %zu letters", word, w, out, at);
                p++;
                continue;
            }
            at++;
        }
    }
}

/* Dutch words from the levels' cards break where a syllable starts: the
 * longest onset goes to the next line ("Ge-sprek", not "Ges-prek"), two
 * letters may stay on the first ("ge-deel-de"), an s alone before an
 * onset stays behind ("Luis-te-ren", "Lees-ple-zier"). */
static void test_hyphenation_follows_dutch_syllables(void **state)
{
    ui_gfx *g = *state;
    ui_gfx_begin(g);
    static const char *const words[] = {
        "Ge-sprek",        "ge-deel-de",          "Door-ver-wij-zen",     "Re-flec-te-ren",
        "Klas-ge-sprek",   "Voor-spel-baar-heid", "In-struc-tie",         "Zelf-stan-dig-heid",
        "Luis-te-ren",     "Lees-ple-zier",       "we-ten-schap-pe-lijk", "Door-schui-ven",
        "wel-be-vin-den",  "Ge-sprei-de",         "ver-wer-kings-snel-heid"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        assert_breaks_at_syllables(g, words[i]);
}

static void test_png_round_trip(void **state)
{
    ui_gfx *g = *state;
    assert_true(ui_fixture_build(&fx, "lobby"));
    assert_true(ui_fixture_draw(g, &fx, "lobby"));
    const char *path = "test_ui_gfx_roundtrip.png";
    char err[512] = "";
    assert_true(ui_gfx_save_png(g, path, err, sizeof err));
    int w = 0, h = 0, w2 = 0, h2 = 0;
    uint8_t *a = ui_gfx_read_rgba(g, &w, &h);
    uint8_t *b = ui_png_read_rgba(path, &w2, &h2, err, sizeof err);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(w, 1280);
    assert_int_equal(h2, 720);
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++) {
        assert_int_equal(a[i * 4], b[i * 4]);
        assert_int_equal(a[i * 4 + 1], b[i * 4 + 1]);
        assert_int_equal(a[i * 4 + 2], b[i * 4 + 2]);
    }
    /* the lobby is not blank: the room code is drawn in dark ink */
    size_t dark = 0;
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
        dark += (b[i * 4] < 60 && b[i * 4 + 1] < 60 && b[i * 4 + 2] < 60) ? 1u : 0u;
    assert_true(dark > 5000);
    free(a);
    free(b);
    remove(path);
}

/* Far more distinct strings than the cache holds, in one frame: evicts and
 * keeps drawing instead of growing or recursing. */
static void test_cache_pressure(void **state)
{
    ui_gfx *g = *state;
    for (int frame = 0; frame < 3; frame++) {
        ui_gfx_begin(g);
        for (int i = 0; i < 5000; i++) {
            char s[32];
            snprintf(s, sizeof s, "r%d-%d", frame, i);
            assert_true(ui_text(g, s, 0, 0, 12, 12, UI_REGULAR, UI_INK, UI_LEFT, 0) > 0);
        }
        assert_true(g->cache_used <= 4096);
    }
}

static void test_png_read_garbage(void **state)
{
    (void)state;
    const char *path = "test_ui_gfx_garbage.png";
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("\x89PNG\r\n\x1a\nnot really", f);
    fclose(f);
    int w = 0, h = 0;
    char err[512] = "";
    assert_null(ui_png_read_rgba(path, &w, &h, err, sizeof err));
    assert_true(strlen(err) > 0);
    remove(path);
}

/* The words of a broken text, one space between them: the text without
 * its line breaks and repeated spaces. */
static void squeeze(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (; *s && o + 1 < cap; s++) {
        char c = *s == '\n' ? ' ' : *s;
        if (c == ' ' && (o == 0 || out[o - 1] == ' '))
            continue;
        out[o++] = c;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = 0;
}

/* A wrapped line never starts with a space: at every width the lines are
 * broken at spaces that then go, each line fits (unless it is one word
 * wider than the box), and no word is lost, split or joined. */
static void test_wrap_no_leading_space(void **state)
{
    ui_gfx *g = *state;
    TTF_Font *f = TTF_OpenFont(g->font_path[UI_REGULAR], 20);
    assert_non_null(f);
    static const char *const texts[] = {
        "Amira begrijpt de vragen niet, maar met een tekening erbij antwoordt ze juist in de klas.",
        "Twee  spaties  tussen de woorden, en   drie hier.",
        "Een regel\n  en een gegeven regelbreuk met spaties erna.",
    };
    int breaks = 0;
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        int full = 0, h = 0, widest = 0;
        TTF_SizeUTF8(f, texts[t], &full, &h);
        char words[512];
        snprintf(words, sizeof words, "%s", texts[t]);
        for (char *wd = strtok(words, " \n"); wd; wd = strtok(NULL, " \n")) {
            int ww = 0;
            TTF_SizeUTF8(f, wd, &ww, &h);
            widest = ww > widest ? ww : widest;
        }
        /* from the widest word on: a narrower box breaks a word (the
         * callers hyphenate before it comes to that) */
        for (int w = widest; w <= full + 20; w += 5) {
            char out[512], a[512], b[512];
            ui_wrap_break(f, texts[t], w, out, sizeof out);
            squeeze(texts[t], a, sizeof a);
            squeeze(out, b, sizeof b);
            assert_string_equal(a, b);
            for (char *line = out; line && *line;) {
                char *nl = strchr(line, '\n');
                size_t n = nl ? (size_t)(nl - line) : strlen(line);
                assert_true(n == 0 || line[0] != ' ');
                char one[512];
                snprintf(one, sizeof one, "%.*s", (int)n, line);
                int lw = 0;
                TTF_SizeUTF8(f, one, &lw, &h);
                if (memchr(line, ' ', n))
                    assert_true(lw <= w);
                breaks += nl != NULL;
                line = nl ? nl + 1 : NULL;
            }
        }
    }
    assert_true(breaks > 100); /* the widths did break lines */
    TTF_CloseFont(f);
}

#define GFX_TEST(f, size) cmocka_unit_test_prestate_setup_teardown(f, gfx_setup, gfx_teardown, size)
TS_MAIN(ui_group_nl, ui_group_quit,
        cmocka_unit_test(test_font_found),
        cmocka_unit_test(test_font_override_missing),
        cmocka_unit_test(test_bad_size_refused),
        GFX_TEST(test_steady_frame_renders_nothing, gfx_1920),
        GFX_TEST(test_overflow_counted, gfx_640),
        GFX_TEST(test_long_word_hyphenated, gfx_640),
        GFX_TEST(test_hyphenation_follows_dutch_syllables, gfx_640),
        GFX_TEST(test_wrap_no_leading_space, gfx_640),
        GFX_TEST(test_png_round_trip, gfx_1280),
        cmocka_unit_test(test_png_read_garbage),
        GFX_TEST(test_cache_pressure, gfx_640))
