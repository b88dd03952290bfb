/*
 * Synthetic input for the scripted UI tests: events pushed into SDL's
 * queue exactly as a mouse or keyboard would deliver them.
 */
#ifndef SAMENSPEL_TEST_UI_SYNTH_INPUT_H
#define SAMENSPEL_TEST_UI_SYNTH_INPUT_H

#include <SDL.h>
#include <stdio.h>
#include <string.h>

/* A left click (press and release) at window coordinates x, y. */
static inline void synth_click(int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&e);
}

/* Typed text, as an input method delivers it. */
static inline void synth_text(const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", s);
    SDL_PushEvent(&e);
}

static inline void synth_key(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    SDL_PushEvent(&e);
}

#endif
