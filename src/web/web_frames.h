/*
 * web_frames: the only bytes the web layer itself parses (lws parses HTTP
 * and the WebSocket framing). Kept apart from the lws callbacks so that a
 * fuzzer (tests/fuzz/fuzz_ws.c) runs exactly the code that the relay runs.
 *
 *  - browser -> host: the fragments of one WebSocket message are gathered
 *    and the message must be exactly one protocol frame (its u32 length
 *    agrees with the message, payload 1..PROTO_MAX_CLIENT_FRAME) before a
 *    byte of it goes on to the host.
 *  - host -> browser: the host's TCP stream is cut into frames, one
 *    WebSocket message each.
 */
#ifndef SAMENSPEL_WEB_FRAMES_H
#define SAMENSPEL_WEB_FRAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WEB_CLIENT_FRAME (4u + 2048u)      /* u32 length + PROTO_MAX_CLIENT_FRAME */
#define WEB_HOST_FRAME (4u + 256u * 1024u) /* u32 length + PROTO_MAX_FRAME */

typedef struct {
    unsigned char buf[WEB_CLIENT_FRAME];
    size_t len;
} web_msg;

typedef enum {
    WEB_MSG_MORE = 0, /* fragment taken; the message goes on */
    WEB_MSG_FRAME,    /* the message is one valid frame: m->buf[0, m->len) */
    WEB_MSG_BAD       /* text, too large, or not exactly one frame: close */
} web_msg_status;

/* Adds one fragment of a message (binary: the message's opcode is binary;
 * last: this fragment ends it). After WEB_MSG_FRAME the caller takes the
 * bytes and sets m->len = 0; after WEB_MSG_BAD the connection is closed. */
web_msg_status web_msg_add(web_msg *m, bool binary, const uint8_t *frag, size_t len, bool last);

/* The host's stream, reassembled (the caller zeroes it; web_stream_free
 * releases it). */
typedef struct {
    unsigned char *buf;
    size_t len, cap;
} web_stream;

/* Appends the host's bytes and hands every complete frame (u32 length +
 * payload) to emit, in order. False when the stream is invalid (empty or
 * oversized frame), memory is short, or emit said no. */
bool web_stream_feed(web_stream *s, const uint8_t *in, size_t len,
                     bool (*emit)(void *ctx, const uint8_t *frame, size_t len), void *ctx);
void web_stream_free(web_stream *s);

#endif
