/*
 * libFuzzer harness for what the web layer parses from a browser before a
 * byte reaches the host (src/web/web_frames.c, the very code the relay
 * runs), and for the cutting of the host's stream into WebSocket messages.
 *
 * Input: byte 0 and 1 choose fragment and read sizes; then messages, each
 * a u16 (top bit: sent as a text message, low 15 bits: its length) and its
 * bytes. Every message is fed fragment by fragment, as libwebsockets hands
 * it to the relay. Checked:
 *  - the verdict equals the rule stated once here (binary, at most one
 *    client frame, exactly one frame by its own length field), whatever the
 *    fragmentation; after a refusal the connection is gone (nothing more);
 *  - what is relayed is framing the host accepts at its own limit
 *    (proto_frame_next with PROTO_MAX_CLIENT_FRAME takes it whole), and the
 *    host's decoders of client messages run on its payload;
 *  - the relayed bytes, cut again by the host-side splitter, give back the
 *    same messages;
 *  - the splitter over the whole input in pieces finds the frames and the
 *    verdict that proto_frame_next finds at the host's frame limit.
 */
#include "fuzz_must.h"
#include "proto/proto.h"
#include "web/web_frames.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t mix(uint64_t h, const uint8_t *p, size_t n)
{
    h ^= n * 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

typedef struct {
    size_t n;
    uint64_t digest;
} seen;

static bool collect(void *ctx, const uint8_t *frame, size_t len)
{
    seen *s = ctx;
    must(len >= 5 && len <= WEB_HOST_FRAME);
    s->digest = mix(s->digest, frame, len);
    s->n++;
    return true;
}

/* The rule, said once: a message goes on when it is binary and is exactly
 * one frame of at most the client limit. */
static bool expected_ok(bool text, const uint8_t *m, size_t len)
{
    if (text || len < 5 || len > PROTO_HEADER_LEN + PROTO_MAX_CLIENT_FRAME)
        return false;
    uint32_t fl = (uint32_t)m[0] << 24 | (uint32_t)m[1] << 16 | (uint32_t)m[2] << 8 | m[3];
    return fl == len - 4;
}

/* The host's decoders of what a client may send. */
static void host_decodes(const uint8_t *payload, size_t len)
{
    static uint8_t out[PROTO_MAX_CLIENT_FRAME + 64];
    must_round_trip_client_messages(payload, len, out, sizeof out);
    proto_ping p;
    (void)proto_decode_ping(payload, len, PROTO_MSG_PONG, &p, NULL);
    (void)proto_decode_ping(payload, len, PROTO_MSG_PING, &p, NULL);
    proto_reject_code rc;
    (void)proto_decode_bye(payload, len, &rc, NULL);
}

/* Splits the whole input at the host's frame limit, as the reference. */
static int whole(const uint8_t *s, size_t n, seen *f)
{
    size_t off = 0;
    for (;;) {
        const uint8_t *pl;
        size_t plen, used;
        proto_frame_status st = proto_frame_next(s + off, n - off, PROTO_MAX_FRAME, &pl, &plen, &used);
        if (st != PROTO_FRAME_OK)
            return st == PROTO_FRAME_NEED_MORE ? 0 : 1;
        f->digest = mix(f->digest, s + off, used);
        f->n++;
        off += used;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    must(WEB_CLIENT_FRAME == PROTO_HEADER_LEN + PROTO_MAX_CLIENT_FRAME);
    must(WEB_HOST_FRAME == PROTO_HEADER_LEN + PROTO_MAX_FRAME);
    if (size < 2)
        return 0;
    size_t r1 = (size_t)data[0] + 1, r2 = (size_t)data[1] * 37u + 1;
    data += 2;
    size -= 2;

    /* browser -> host */
    static web_msg m;
    static uint8_t relayed[64 * WEB_CLIENT_FRAME];
    size_t relayed_len = 0;
    seen sent = {0, 1469598103934665603ull};
    memset(&m, 0, sizeof m);
    size_t off = 0, k = 0;
    bool closed = false;
    while (!closed && size - off >= 2) {
        bool text = data[off] & 0x80;
        size_t len = ((size_t)(data[off] & 0x7f) << 8 | data[off + 1]);
        off += 2;
        if (len > size - off)
            len = size - off;
        const uint8_t *msg = data + off;
        off += len;
        bool want = expected_ok(text, msg, len);
        web_msg_status st = WEB_MSG_MORE;
        size_t at = 0;
        do {
            size_t piece = k++ % 2 ? r2 : r1;
            if (piece > len - at)
                piece = len - at;
            bool last = at + piece == len;
            st = web_msg_add(&m, !text, msg + at, piece, last);
            at += piece;
            must(last || st != WEB_MSG_FRAME);
        } while (st == WEB_MSG_MORE && at < len);
        if (st == WEB_MSG_MORE) /* an empty message: its only fragment was also its last */
            must(0);
        must((st == WEB_MSG_FRAME) == want);
        if (st == WEB_MSG_BAD) {
            closed = true; /* the relay closes the WebSocket: nothing more goes on */
            break;
        }
        must(m.len == len && !memcmp(m.buf, msg, len));
        const uint8_t *pl;
        size_t plen, used;
        must(proto_frame_next(m.buf, m.len, PROTO_MAX_CLIENT_FRAME, &pl, &plen, &used) == PROTO_FRAME_OK);
        must(used == m.len && plen == m.len - PROTO_HEADER_LEN);
        host_decodes(pl, plen);
        if (relayed_len + m.len <= sizeof relayed) {
            memcpy(relayed + relayed_len, m.buf, m.len);
            relayed_len += m.len;
            sent.digest = mix(sent.digest, m.buf, m.len);
            sent.n++;
        }
        m.len = 0;
    }

    /* the relayed bytes, cut again, are the same messages */
    web_stream st = {0};
    seen back = {0, 1469598103934665603ull};
    must(web_stream_feed(&st, relayed, relayed_len, collect, &back));
    must(st.len == 0 && back.n == sent.n && back.digest == sent.digest);
    web_stream_free(&st);

    /* host -> browser over the raw input, in pieces */
    seen ref = {0, 1469598103934665603ull}, got = {0, 1469598103934665603ull};
    int bad = whole(data, size, &ref);
    bool ok = true;
    for (size_t in = 0, j = 0; in < size && ok; j++) {
        size_t piece = j % 2 ? r2 : r1;
        if (piece > size - in)
            piece = size - in;
        ok = web_stream_feed(&st, data + in, piece, collect, &got);
        in += piece;
    }
    must(ok == !bad);
    must(got.n == ref.n && got.digest == ref.digest);
    web_stream_free(&st);
    return 0;
}
